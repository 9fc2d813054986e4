import { tokenize } from './js-lexer.js'
import { hashText } from './model.js'

/**
 * An HTML page read as the module its scripts make: what a test that loads the page (jsdom's
 * `runScripts` with usable resources, a browser) runs. Each `<script src>` and
 * `<link rel="modulepreload">` becomes a side-effect import, each inline script its own code,
 * each other local `src`/`href` (a stylesheet, an image, a page it links to) a path string, and
 * the page's whole text one string, so that any edit of it changes the module.
 *
 * `src="app.js"` is a URL relative to the page, so `./app.js`; `/src/main.ts` starts at the
 * server's root, which is taken to be the page's folder (Vite's `index.html`). URLs with a scheme
 * (`https:`, `data:`), protocol-relative ones and template placeholders (`{{ }}`, `<%= %>`,
 * `%PUBLIC_URL%`, `${…}`) name no file of the repository and are left out. Comments load nothing.
 */
export function htmlModule(html: string): string {
  const page = html.replace(COMMENT, '')
  const lines: string[] = []
  for (const match of page.matchAll(ELEMENT)) {
    const script = match[1] !== undefined
    const attributeText = (script ? match[2] : match[5]) ?? ''
    // Most tags name no URL: their attributes are not read.
    if (!script && !URL_ATTRIBUTE.test(attributeText)) continue
    const attributes = attributesOf(attributeText)
    const content = match[3] ?? ''
    if (script) {
      const type = (attributes.get('type') ?? '').trim().toLowerCase()
      if (JSON_SCRIPT.test(type)) {
        // An import map or JSON: its strings may name modules and data files.
        if (content.trim() && !tokenize(`(${content})`, false).error) lines.push(`;(${content}\n)`)
        continue
      }
      if (TEMPLATE_SCRIPT.test(type)) continue
      if (attributes.has('src')) {
        const src = localUrl(attributes.get('src'))
        if (src !== undefined) lines.push(`import ${JSON.stringify(src)}`)
        continue
      }
      // Inline code that does not tokenize on its own (a server template's placeholders) is left out.
      if (content.trim() && !tokenize(content, false).error) lines.push(`;${content}\n`)
      continue
    }
    const name = (match[4] ?? '').toLowerCase()
    for (const attribute of ['src', 'href', 'poster', 'data']) {
      const url = localUrl(attributes.get(attribute))
      // A folder (`<a href="/">`) is no file the page loads.
      if (url === undefined || url.endsWith('/')) continue
      const rel = (attributes.get('rel') ?? '').toLowerCase()
      lines.push(
        name === 'link' && attribute === 'href' && /\bmodulepreload\b/.test(rel)
          ? `import ${JSON.stringify(url)}`
          : `;${JSON.stringify(url)}`
      )
    }
  }
  lines.push(`;${JSON.stringify(`html ${hashText(html)}`)}`)
  return lines.join('\n') + '\n'
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g

/** A script with its code (up to the first `</script`, as HTML reads it), or a start tag. */
const ELEMENT =
  /<(script)\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)(?:<\/script\s*>|$)|<([a-z][\w-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi

/** Script types whose content is data, not code: JSON and an import map, whose strings count. */
const JSON_SCRIPT = /^(?:importmap|speculationrules|application\/(?:[\w.+-]+\+)?json)$/

/** Script types whose content is markup for later, not code. */
const TEMPLATE_SCRIPT = /^text\/(?:template|html|plain|x-[\w.-]*template[\w.-]*)$/

const URL_ATTRIBUTE = /(?:src|href|poster|data)\s*=/i

const ATTRIBUTE = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g

function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>()
  for (const [, name = '', double, single, bare] of text.matchAll(ATTRIBUTE)) {
    const key = name.toLowerCase()
    if (!attributes.has(key)) attributes.set(key, decodeEntities(double ?? single ?? bare ?? ''))
  }
  return attributes
}

function decodeEntities(text: string): string {
  return text.includes('&')
    ? text.replace(/&(?:amp|quot|apos|#39|#x27);/g, entity => ENTITIES[entity] ?? entity)
    : text
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&apos;': "'",
  '&#39;': "'",
  '&#x27;': "'"
}

/** A URL that names a file of the site, as a relative specifier; undefined for anything else. */
function localUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const url = value.trim().replace(/[?#].*$/, '')
  if (!url || /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//') || /[{}%<>$\s\\]/.test(url))
    return undefined
  if (url.startsWith('/')) return `.${url}`
  return url.startsWith('./') || url.startsWith('../') ? url : `./${url}`
}
