import { escapeRegExp } from '../regexp.js'
import { closingBracket, dirname, joinPath, objectEntries, pathStrings, safeRegex } from './project.js'

/**
 * Path aliases that a bundler or a transform applies before Node's resolution, read from their
 * configs without running them:
 * - Vite and Vitest: `resolve.alias` and `test.alias` of `vite.config.*` and `vitest.config.*`;
 * - webpack: `resolve.alias` and `resolve.modules` of `webpack.*.js` and of the configs that hand
 *   them to webpack (`craco.config.*`, `vue.config.*`);
 * - babel-plugin-module-resolver: `alias` and `root` in any babel config, or package.json's `babel`
 *   (under jest, babel-jest applies them to tests and sources alike).
 * A value this reader cannot follow (a function call, a variable) is left out: its imports stay
 * unresolved, and `@/…` or `~/…` ones reach their whole package (see Resolver.resolveBare).
 */

/** Imports under `dir` whose specifier `find` matches go to `replacement`. */
export interface PathAlias {
  /** The folder whose files the alias applies to. */
  dir: string
  find: RegExp
  /** A repository path; `$1`… stand for the groups of `find`. */
  replacement: string
}

/** A folder where bare specifiers of the files under `dir` are looked up, before node_modules. */
export interface ModuleRoot {
  dir: string
  root: string
}

export interface ConfiguredAliases {
  aliases: PathAlias[]
  roots: ModuleRoot[]
}

export const VITE_CONFIG = /(?:^|\/)(?:vite|vitest)\.config\.[cm]?[jt]s$/
const WEBPACK_CONFIG = /(?:^|\/)(?:webpack(?:\.[\w-]+)+|craco\.config|vue\.config)\.[cm]?[jt]s$/
const BABEL_CONFIG = /(?:^|\/)(?:\.babelrc(?:\.json|\.[cm]?js)?|babel\.config\.(?:json|[cm]?[jt]s))$/

const ALIAS_CONFIG = new RegExp(
  [VITE_CONFIG, WEBPACK_CONFIG, BABEL_CONFIG].map(pattern => `(?:${pattern.source})`).join('|')
)

/**
 * Is `path` a config whose aliases this module reads (package.json aside, read for its `babel`
 * field)? Their names hold one of the words tested first: the tens of thousands of other paths
 * skip the pattern.
 */
export function isAliasConfig(path: string): boolean {
  const named = path.includes('config.') || path.includes('webpack.') || path.includes('.babelrc')
  return named && ALIAS_CONFIG.test(path) && !path.includes('node_modules/')
}

/**
 * The aliases and module roots of the config at `path`. Vite's apply under the config's folder
 * (Vite's root); webpack's and babel's under `scope`, the folder of the package the config builds.
 */
export function configuredAliases(path: string, text: string, scope = dirname(path)): ConfiguredAliases {
  if (VITE_CONFIG.test(path)) return { aliases: viteAliases(text, path), roots: [] }
  if (WEBPACK_CONFIG.test(path)) return webpackAliases(text, path, scope)
  if (BABEL_CONFIG.test(path) || path === 'package.json' || path.endsWith('/package.json'))
    return moduleResolverAliases(text, path, scope)
  return { aliases: [], roots: [] }
}

/**
 * Vite's `alias: { '@': … }` or `alias: [{ find: '@', replacement: … }]`, where `find` may be a
 * regex and the replacement is a path string, or a call that joins strings to the config's folder
 * (`path.resolve(__dirname, 'src')`, `fileURLToPath(new URL('./src', import.meta.url))`,
 * `new URL('src', import.meta.url).pathname`).
 */
export function viteAliases(text: string, configPath: string): PathAlias[] {
  const dir = dirname(configPath)
  const aliases: PathAlias[] = []
  for (const body of bracketsAfter(text, /\balias\s*:\s*([{[])/g)) {
    if (body.startsWith('{')) {
      for (const [key, value] of keyedEntries(body)) prefixAlias(aliases, dir, key, bundlerTarget(value, dir))
      continue
    }
    for (const item of objectEntries(body)) {
      if (!item.startsWith('{')) continue
      const fields = new Map(keyedEntries(item))
      const find = fields.get('find')?.trim() ?? ''
      const target = bundlerTarget(fields.get('replacement') ?? '', dir)
      const literal = stringLiteral(find)
      if (literal !== undefined) prefixAlias(aliases, dir, literal, target)
      else {
        const regex = regexLiteral(find)
        if (regex && target !== undefined) aliases.push({ dir, find: regex, replacement: target })
      }
    }
  }
  return aliases
}

/**
 * webpack's `alias: { name: path }` (`name$` matches only `name` itself) or
 * `alias: [{ name, alias, onlyModule }]`, and `modules: [path.resolve(__dirname, 'src'), 'node_modules']`.
 */
export function webpackAliases(
  text: string,
  configPath: string,
  scope = dirname(configPath)
): ConfiguredAliases {
  const dir = dirname(configPath)
  const aliases: PathAlias[] = []
  for (const body of bracketsAfter(text, /\balias\s*:\s*([{[])/g)) {
    const entries: Array<[string, string, boolean]> = body.startsWith('{')
      ? keyedEntries(body).map(([key, value]) => [key.replace(/\$$/, ''), value, key.endsWith('$')])
      : objectEntries(body)
          .filter(item => item.startsWith('{'))
          .map(item => new Map(keyedEntries(item)))
          .map(fields => [
            stringLiteral(fields.get('name')?.trim() ?? '') ?? '',
            fields.get('alias') ?? '',
            fields.get('onlyModule')?.trim() === 'true'
          ])
    for (const [name, value, exact] of entries) {
      // An array of targets: webpack takes the first that resolves.
      const first = value.trim().startsWith('[') ? (objectEntries(value.trim())[0] ?? '') : value
      const target = bundlerTarget(first, dir)
      if (!name || target === undefined) continue
      if (exact)
        aliases.push({ dir: scope, find: new RegExp(`^${escapeRegExp(name)}$`), replacement: target })
      else prefixAlias(aliases, scope, name, target)
    }
  }
  const roots: ModuleRoot[] = []
  for (const body of bracketsAfter(text, /\bmodules\s*:\s*(\[)/g)) {
    for (const entry of objectEntries(body)) {
      const name = stringLiteral(entry)
      if (name === 'node_modules') continue
      // A plain name is looked up in each parent folder, as node_modules is: the config's is the usual one.
      const root = name !== undefined && !/^[./]/.test(name) ? joinPath(dir, name) : bundlerTarget(entry, dir)
      if (root !== undefined) roots.push({ dir: scope, root })
    }
  }
  return { aliases, roots }
}

/**
 * babel-plugin-module-resolver's options: `alias` (a key matches itself and its subpaths; a key
 * that starts with `^` or ends with `$` is a regex, and `\1` in its value a group) and `root`.
 * Paths count from the config's folder (the plugin's default `cwd` when babel runs from there).
 */
export function moduleResolverAliases(
  text: string,
  configPath: string,
  scope = dirname(configPath)
): ConfiguredAliases {
  const dir = dirname(configPath)
  const aliases: PathAlias[] = []
  const roots: ModuleRoot[] = []
  const plugin = /['"](?:babel-plugin-)?module-resolver['"]\s*\)?\s*,\s*(\{)/g
  for (const options of bracketsAfter(text, plugin)) {
    const fields = new Map(keyedEntries(options))
    const alias = fields.get('alias')?.trim()
    for (const [key, value] of alias?.startsWith('{') ? keyedEntries(alias) : []) {
      const target = relativeTarget(value, dir)
      if (target === undefined) continue
      if (!key.startsWith('^') && !key.endsWith('$')) {
        prefixAlias(aliases, scope, key, target)
        continue
      }
      const find = safeRegex(key)
      if (find) aliases.push({ dir: scope, find, replacement: target.replace(/\\(\d)/g, '$$$1') })
    }
    const root = fields.get('root')?.trim() ?? ''
    for (const entry of root.startsWith('[') ? objectEntries(root) : [root]) {
      const target = relativeTarget(entry, dir)
      if (target !== undefined && !target.includes('*')) roots.push({ dir: scope, root: target })
    }
  }
  return { aliases, roots }
}

/** The source of each bracketed value that `opener` finds (its last group is the opening bracket). */
function bracketsAfter(text: string, opener: RegExp): string[] {
  const found: string[] = []
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    const open = match.index + match[0].length - 1
    const close = closingBracket(text, open)
    if (close >= 0) found.push(text.slice(open, close + 1))
  }
  return found
}

/** The `key: value` entries of an object literal's source, keys unquoted and unescaped. */
function keyedEntries(body: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (const entry of objectEntries(body)) {
    const key = /^(?:(['"])((?:(?!\1)[^\\\n]|\\.)*)\1|([\w$@~#-]+))\s*:\s*([\s\S]*)$/.exec(entry)
    if (key) pairs.push([key[2] !== undefined ? unescape(key[2]) : (key[3] as string), key[4] as string])
  }
  return pairs
}

/** Adds the alias of a plain key: the key itself, and the key followed by a subpath. */
function prefixAlias(aliases: PathAlias[], dir: string, key: string, target: string | undefined): void {
  if (target === undefined) return
  aliases.push({ dir, find: new RegExp(`^${escapeRegExp(key)}(/.*)?$`), replacement: `${target}$1` })
}

/** The text of a lone string literal (unescaped), or undefined when `source` is something else. */
function stringLiteral(source: string): string | undefined {
  const match = /^(['"`])((?:(?!\1)[^\\]|\\.)*)\1$/.exec(source.trim())
  return match && !(match[1] === '`' && match[2]?.includes('${')) ? unescape(match[2] as string) : undefined
}

/** A regex literal (`/^~(.*)$/i`) as a RegExp; `g` and `y` are left out, as they make `test` keep state. */
function regexLiteral(source: string): RegExp | undefined {
  const match = /^\/(.+)\/([a-z]*)$/.exec(source)
  return match ? safeRegex(match[1] as string, (match[2] as string).replace(/[gy]/g, '')) : undefined
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1')
}

/**
 * The repository path a Vite or webpack alias value names, from the config's folder `dir`: a
 * string, or the strings of a call that joins them to the config's folder. A lone string that
 * is not a path names a package (`'react': 'preact/compat'`), and gives undefined.
 */
function bundlerTarget(value: string, dir: string): string | undefined {
  const lone = stringLiteral(value)
  if (lone !== undefined && !/^[./]/.test(lone)) return undefined
  const strings = pathStrings(value)
  if (strings.length === 0) return undefined
  // `/src` counts from Vite's root, the config's folder, as `./src` does.
  return inRepository(joinPath(dir, ...strings.map(text => text.replace(/^\/+/, ''))))
}

/** The repository path of a module-resolver value: a `./` or `../` string from `dir`. */
function relativeTarget(value: string, dir: string): string | undefined {
  const lone = stringLiteral(value)
  return lone !== undefined && /^\.\.?(?:\/|$)/.test(lone) ? inRepository(joinPath(dir, lone)) : undefined
}

function inRepository(path: string): string | undefined {
  return path === '..' || path.startsWith('../') ? undefined : path
}
