import { literalGlob } from './glob-imports.js'
import {
  emptyScan,
  hashText,
  keptAsPath,
  MODULE_SYMBOL,
  type ImportRecord,
  type ModuleScan
} from './model.js'
import { isSpace, loaderAt, quotedRanges } from './quick-pass.js'

/**
 * What a JavaScript/TypeScript file too large to scan symbol by symbol loads (a bundle, a
 * generated parser; see MAX_SCANNED_BYTES), read from its quoted strings without tokenizing it:
 * - a string that is the whole argument of `require(…)` or `import(…)`, or that follows `from` or
 *   `import`, is an import of the whole module;
 * - such an argument that a path goes on past (`require('./' + id + '.index.js')`, as a bundle
 *   loads its chunks, or `` import(`./locale/${lang}`) ``) loads every file under its text;
 * - a string that may be a path is kept, as the scanner keeps one (see ModuleScan.strings).
 * It reads as CommonJS (whatever imports it takes all of it), and its one symbol is the module,
 * hashed (with `hashes`) from its text: any change of the file is a change of all of it. A string
 * in a comment counts as well, which can only add loads.
 */
export function scanJsLoads(text: string, hashes: boolean): ModuleScan {
  const scan = emptyScan('js')
  const strings = new Set<string>()
  const specs = new Set<string>()
  const add = (record: ImportRecord): void => {
    scan.imports.push(record)
    if (record.kind !== 'glob') specs.add(record.spec)
  }
  quotedRanges(text, (start, end) => {
    const value = text.slice(start, end)
    const loader = loaderAt(text, start - 1)
    if (loader === 'static') add({ spec: value, kind: 'static', names: null })
    else if (loader !== undefined) {
      const built =
        text[start - 1] === '`' ? value.indexOf('${') : nextCode(text, end + 1) === '+' ? value.length : -1
      if (built < 0) add({ spec: value, kind: loader, names: null })
      else {
        const prefix = value.slice(0, built)
        if (/^\.{1,2}\//.test(prefix)) add({ spec: `${literalGlob(prefix)}**`, kind: 'glob', names: null })
      }
    }
    if (keptAsPath(value)) strings.add(value)
  })
  scan.strings = [...strings].filter(value => !specs.has(value))
  scan.symbols[MODULE_SYMBOL] = { hash: hashes ? hashText(text) : '', refs: [] }
  return scan
}

/** The first character from `at` on that is not a space. */
function nextCode(text: string, at: number): string | undefined {
  let i = at
  while (isSpace(text[i])) i++
  return text[i]
}
