import {
  ALL_EDGES,
  MOCK_FILE,
  anyEdges,
  addEdgesFrom,
  dataReferenceOf,
  linkNode,
  pushTo,
  stringRefersTo,
  type EdgeNeed,
  type EdgesInto,
  type Graph,
  type GraphNode,
  type Naming
} from './graph.js'
import { PATH_TEXT, afterLastHole, keptAsPath, type ModuleScan } from './model.js'
import { scannedForLoadsAlone, type ScanKind } from './scan-blob.js'
import { conftestsFor, dirname, loadPackage, type JestSettings } from './project.js'
import { globCandidate, literalGlob } from './glob-imports.js'
import { MOCK_METHODS, isJsFile } from './js-scanner.js'
import { PY_MODULE_BY_NAME, PY_MODULE_PATH } from './other-scanners.js'
import { BUILD_FOLDERS, UNREAD_ALIAS, filesOf, withoutPlatform, type Resolver } from './resolve.js'
import {
  MAX_SPEC_LENGTH,
  SPEC_EXTENSION,
  StemIndex,
  TextRules,
  fileStrings,
  goesOnPast,
  hash32,
  IDENTIFIER_CHAR,
  isSpace,
  isSpaceByte,
  lastSegment,
  literalStart,
  loaderAt,
  quotedRanges,
  stemHash,
  stemOf
} from './quick-pass.js'

/**
 * A demand-driven graph (JavaScript/TypeScript, Go and Python code, and data files): instead of scanning every file
 * and resolving every import before it can answer, it scans and links a file only when the
 * reverse search from the changed symbols asks who imports it.
 *
 * Finding a file's importers without scanning everything takes one cheap pass over every source
 * text: each string between a quote and the next same quote on its line is a candidate specifier,
 * filed under its last path segment. A specifier that resolves to a file ends in the file's name
 * (extension optional), its folder's name (for an index file) or the name of a package folder whose
 * entry it is; those keys find the candidates, which the same resolver as the full graph then
 * checks. Specifiers whose resolution can end elsewhere (package `imports` and workspace names,
 * tsconfig `paths` and jest `moduleNameMapper` entries that do not keep the tail, bare folder
 * references like `..`) are resolved up front instead. Every real import is a quoted string, so the
 * candidates hold every edge of the full graph, and the answers are the same.
 *
 * The walk then scans a candidate only when it may have an edge the walk looks at (a changed name,
 * or the whole module): a file whose every string leading to the target is a named import list
 * without that name is left unscanned (see namedImportAt and mayHaveEdge).
 */

export interface DemandSource {
  path: string
  /** The blob's SHA and the scanner for it. */
  sha: string
  kind: ScanKind
  /**
   * The file's bytes (decoded when read, so that only one copy is held), or for a page the module
   * it makes (see moduleText); undefined when missing.
   */
  blob: Buffer | undefined
  /** Too large or binary: scanned as data, with no imports. */
  data: boolean
}

/**
 * Whether a source is too large to scan symbol by symbol (see scanJsLoads): its strings are too
 * many to file, so it is scanned up front instead, and what it loads resolved then.
 */
const loadsAlone = (source: DemandSource): boolean =>
  !source.data && source.blob !== undefined && scannedForLoadsAlone(source.kind, source.blob.length)

export interface DemandGraphOptions {
  /** The JavaScript/TypeScript and Go files of the revision, in tree order. */
  sources: DemandSource[]
  resolver: Resolver
  jest: readonly JestSettings[]
  /** Repository-relative paths of every file (deleted ones included), for the package folders. */
  files: ReadonlySet<string>
  readConfig: (path: string) => string | undefined
  /** Scans one file (through the scan cache). */
  scan: (source: DemandSource) => ModuleScan
  /** Most specifiers to resolve up front; past that, undefined (build the full graph instead). */
  maxEager?: number
  /** The jest setup files a test file loads first (none for other files). */
  setupLoadsOf?: (path: string) => readonly string[]
}

/** How a changed data file is reached, besides being imported: named in a module's strings. */
export interface DataReferences {
  /** Modules that name it in a string, or import the module it mocks, in tree order. */
  referrers: string[]
}

/** How a module may name a data file (see Naming), and the calls it must make to read it. */
export interface DataNaming extends Naming {
  readingCalls?: readonly string[]
}

export interface DemandGraph extends Graph {
  /** The source at `path`, if it is one. */
  sourceAt(path: string): DemandSource | undefined
  /** The scan of a file of the revision (made on first use). */
  scanOf(path: string): ModuleScan | undefined
  /**
   * The modules that name a data file in a string or import the module it mocks, as the full
   * graph finds them by reading every module: only the sources with a quoted candidate that could are scanned.
   * Without `bareNames`, a string must name one of the file's folders too (see stringRefersTo);
   * without `locatedFolders`, a located package folder names nothing (see Naming).
   * With `readingCalls`, a module whose text has none of those calls may be left out, unscanned.
   */
  dataReferences(path: string, naming?: DataNaming): DataReferences
  /**
   * The files whose quoted strings resolve to `target`: a superset of its importers, found without
   * scanning (what the walk scans when it asks who imports `target`).
   */
  candidateImporters(target: string): string[]
  /** How many files were scanned and linked so far. */
  readonly linked: number
  /** Candidate specifiers found by the quick pass. */
  readonly candidates: number
}

const INDEX_FILE = /^index\.(?:[cm]?[jt]sx?|json|node)$/

/** `import.meta.glob(` or `globEager(`, as the scanner reads it: comments and spaces between the words. */
const GAP = String.raw`(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)*`
const META_GLOB = new RegExp(String.raw`\bmeta${GAP}\.${GAP}glob(?:Eager)?${GAP}\(`)
/** `dirname(require.resolve(`, as the scanner reads it (see GraphNode.folders). */
const FOLDER_OF_MODULE = new RegExp(String.raw`\bdirname${GAP}\(${GAP}require${GAP}\.${GAP}resolve${GAP}\(`)

/**
 * Calls `found` with the text between each quote (', ", `) and the next same quote. Quotes end at
 * the line's end, template literals do not. Every string literal of the file is among them.
 */
export function quotedCandidates(text: string, found: (candidate: string) => void): void {
  quotedRanges(text, (start, end) => found(text.slice(start, end)))
}

/**
 * Python import statements of a file, found by lines that start with `import` or `from … import`
 * (indented ones too): each module path with the names it imports. A superset of what the Python
 * scanner reads, which takes the same statements from logical lines.
 */
export function pythonImports(text: string, found: (spec: string, names: string[]) => void): void {
  const statement = /^[ \t]*(?:from[ \t]+([.\w]+)[ \t]+import\b|import\b)/gm
  for (let match = statement.exec(text); match; match = statement.exec(text)) {
    let end = match.index + match[0].length
    let rest = ''
    // The statement runs to the line's end, on through backslashes and an open parenthesis.
    for (let depth = 0; end < text.length; end++) {
      const c = text[end] as string
      if (c === '(') depth++
      else if (c === ')') depth = Math.max(0, depth - 1)
      else if (c === '\\' && text[end + 1] === '\n') {
        end++
        continue
      } else if (c === '\n' && depth === 0) break
      rest += c
    }
    statement.lastIndex = Math.max(statement.lastIndex, end)
    const parts = rest
      .replace(/#[^\n]*/g, '')
      .replace(/[()]/g, ' ')
      .split(/[,\s]+/)
      .filter(word => word && word !== 'as')
    if (match[1] !== undefined) found(match[1], parts)
    else for (const part of parts) found(part, [])
  }
  // Modules named in strings: every quoted dotted path from the name to the end of its line, or
  // to the bracket that closes the list or call that starts on it.
  const byName = new RegExp(PY_MODULE_BY_NAME.source, 'g')
  for (let match = byName.exec(text); match; match = byName.exec(text)) {
    let end = match.index + match[0].length
    for (let depth = match[0].endsWith('(') ? 1 : 0; end < text.length; end++) {
      const c = text[end] as string
      if (c === '(' || c === '[') depth++
      else if (c === ')' || c === ']') depth--
      else if (c === '\n' && depth <= 0) break
      if (depth < 0 || (depth === 0 && (c === ')' || c === ']'))) break
    }
    quotedCandidates(text.slice(match.index, end + 1), spec => {
      if (PY_MODULE_PATH.test(spec)) found(spec, [])
    })
  }
}

/** Calls whose string argument the scanner may read as an import (see findCallImportsAndStrings). */
const IMPORTING_CALLS = new Set([
  'require', 'import', 'resolve', 'glob', 'globEager', 'URL', 'Worker',
  'mock', 'doMock', 'unmock', 'dontMock', 'unstable_mockModule', 'requireActual', 'requireMock',
  'setMock', 'createMockFromModule', 'importActual', 'importMock'
]) // prettier-ignore
/** Bytes after which a string is an operand or an element, never a specifier: = : [ + ? ! & | ; < > { } */
const OPERAND_BEFORE = new Set([0x3d, 0x3a, 0x5b, 0x2b, 0x3f, 0x21, 0x26, 0x7c, 0x3b, 0x3c, 0x3e, 0x7b, 0x7d])
const isWordByte = (c: number | undefined): boolean =>
  c !== undefined &&
  ((c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c === 0x24)

/**
 * Whether the string whose opening quote is at `quote` may be a specifier the scanner reads as an
 * import (or joins to a folder and requires): no only when the code just before it says it is
 * not, as an argument of another call (`split('.')`) or after an operator (`x === '.'`). A
 * comment, a word or a comma before it: it may be.
 */
export function mayImportAt(bytes: Uint8Array, quote: number): boolean {
  // After other strings and commas: the first argument of no call, nor an element, is imported;
  // a string joined to the folder (`join(__dirname, 'a', 'b')`) may be.
  const walk = stringArgumentsBefore(i => bytes[i], quote)
  if (!walk) return true
  let i = walk.at
  if (walk.afterComma) {
    // A word: only the folder (`__dirname`, `import.meta.dirname`) is. Anything else: cannot tell.
    if (!isWordByte(bytes[i])) return true
    return Buffer.from(bytes.subarray(Math.max(0, i - 6), i + 1)).toString('latin1') === 'dirname'
  }
  const before = bytes[i]
  if (before === undefined) return true
  if (before === 0x5b /* [ */) return false
  if (before !== 0x28 /* ( */) return !OPERAND_BEFORE.has(before)
  if (walk.crossed) return false
  i--
  while (i >= 0 && isSpaceByte(bytes[i])) i--
  const end = i + 1
  while (i >= 0 && isWordByte(bytes[i])) i--
  if (i + 1 === end) return true
  return IMPORTING_CALLS.has(Buffer.from(bytes.subarray(i + 1, end)).toString('latin1'))
}

/**
 * Back from the string whose opening quote is at `quote` (`code` gives the text's code units, or
 * bytes), over the quoted strings before it that are arguments of the same call (`'a', 'b', `):
 * `at`, where the code before them ends (spaces skipped); `crossed`, whether a comma was;
 * `afterComma`, whether the code at `at` is an argument before them. Undefined when it cannot
 * tell: a quote in the way is escaped, or has no opening one.
 */
function stringArgumentsBefore(
  code: (i: number) => number | undefined,
  quote: number
): { at: number; crossed: boolean; afterComma: boolean } | undefined {
  let i = quote - 1
  const skipSpace = (): void => {
    while (i >= 0 && isSpaceByte(code(i))) i--
  }
  skipSpace()
  let crossed = false
  while (code(i) === 0x2c /* , */) {
    crossed = true
    i--
    skipSpace()
    const close = code(i)
    if (close !== 0x27 /* ' */ && close !== 0x22 /* " */) return { at: i, crossed, afterComma: true }
    let open = i - 1
    for (; open >= 0 && code(open) !== close; open--) if (code(open) === 0x5c /* \ */) return undefined
    if (open < 0 || code(open - 1) === 0x5c) return undefined
    i = open - 1
    skipSpace()
  }
  return { at: i, crossed, afterComma: false }
}

/**
 * Whether the string whose opening quote is at `quote` (`code` gives the text's code units, or
 * bytes) may end a path built from a folder known only when the code runs, which the scanner
 * reads as a rooted import (ImportKind `rooted`): a template that opens with a hole
 * (`` `${ROOT}/src/a` ``), a string added to something (`ROOT + '/src/a'`), or one of the strings
 * that end a call's arguments after something else (`join(ROOT, 'src', 'a')`) or `resolve`'s alone
 * (`resolve('src/a')`).
 */
export function rootedAt(code: (i: number) => number | undefined, quote: number): boolean {
  if (code(quote) === 0x60 /* ` */)
    return code(quote + 1) === 0x24 /* $ */ && code(quote + 2) === 0x7b /* { */
  const walk = stringArgumentsBefore(code, quote)
  if (!walk || walk.afterComma) return true
  let i = walk.at
  if (code(i) === 0x2b /* + */) return !walk.crossed
  if (code(i) !== 0x28 /* ( */) return false
  i--
  while (i >= 0 && isSpaceByte(code(i))) i--
  const word = 'resolve'
  for (let k = word.length - 1; k >= 0; k--, i--) if (code(i) !== word.charCodeAt(k)) return false
  return true
}

/** The path a rooted string (see rootedAt) leads to from some folder: `src/a` of `${ROOT}/../src/a`. */
function rootedSpec(spec: string): string {
  return afterLastHole(spec).replace(/^(?:\.{0,2}\/)+/, '')
}

/**
 * The files a path that goes on past the string `spec` (quoted from `quote` to `close`, `code`
 * giving the text's code units, or bytes) may lead to, as a pattern: for a string that something
 * is added or joined to (`ROOT + '/src/rules/' + name`, `join(ROOT, 'src/rules', name)`), or a
 * template with a hole after a `/` (`` `${ROOT}/src/rules/${name}` ``), every file under its text
 * from any folder (or from the source's, when its text is only `.`, `..` and `/`). It holds every
 * file the scanner's pattern for such a path holds (see JsScanner.pathIn). Undefined for any other string.
 */
export function holedPattern(
  spec: string,
  code: (i: number) => number | undefined,
  quote: number,
  close: number
): string | undefined {
  if (code(quote) === 0x60 /* ` */) {
    // Relative templates are globCandidate's; the scanner reads no other that does not open with a hole.
    if (!spec.startsWith('${') || !spec.includes('/${')) return undefined
    const pattern = templatePattern(spec)
    if (pattern === undefined) return undefined
    if (/^\$\{(?:__dirname|import\.meta\.dirname)\}/.test(spec))
      return `./${pattern.slice(2).replace(/^\//, '')}`
    const rooted = pattern.replace(/^\*\*/, '').replace(/^(?:\.{0,2}\/)+/, '')
    return /[^*/]/.test(rooted) ? `/${rooted}` : undefined
  }
  if (!goesOnPast(code, close) || !PATH_TEXT.test(spec)) return undefined
  const segments = spec.split('/')
  while (segments[0] === '' || segments[0] === '.' || segments[0] === '..') segments.shift()
  const text = segments.join('/').replace(/\/+$/, '')
  if (text !== '') return `/${literalGlob(text)}/**`
  return `./${literalGlob(spec.replace(/^\//, ''))}/**`.replace(/\/+\*\*$/, '/**')
}

/**
 * A call that the scanner reads as loading a path (require, `require.resolve`, `import()`, a jest
 * or vitest helper) whose argument is not one string alone: the only places it reads a path that
 * goes on past a string (see holedPattern), or a name that may hold one.
 */
const LOADS_BUILT_PATH = new RegExp(
  String.raw`(?:\brequire(?:\.resolve)?|\bimport|\b(?:jest|vi)\.(?:${[...MOCK_METHODS].join('|')}))` +
    String.raw`\s*\(\s*(?:[^'"\s)]|(['"])[^'"\n]*\1\s*[^\s)])`
)

/** A template's text with each hole as `**` and the rest escaped; undefined when a hole is not closed. */
function templatePattern(spec: string): string | undefined {
  let pattern = ''
  let literal = 0
  for (let i = spec.indexOf('${'); i >= 0; i = spec.indexOf('${', literal)) {
    pattern += literalGlob(spec.slice(literal, i))
    let depth = 0
    let end = i + 2
    for (; end < spec.length; end++) {
      const c = spec[end]
      if (c === '{') depth++
      else if (c === '}' && depth-- === 0) break
    }
    if (end >= spec.length) return undefined
    pattern += '**'
    literal = end + 1
  }
  return pattern + literalGlob(spec.slice(literal))
}

/**
 * Whether the string whose opening quote is at `quote` is an import's specifier: after `from`,
 * `import`, `require(` or `import(` (nothing but spaces between).
 */
export function importedAt(text: string, quote: number): boolean {
  return loaderAt(text, quote) !== undefined
}

/**
 * The names a static import or re-export with a named list takes from the specifier whose
 * opening quote is at `quote` (`import { a, b as c } from '…'`, `import type { T } from '…'`,
 * `import d, { a } from '…'`, `import d from '…'`, `export { a } from '…'`): every word of the
 * list, and `default` for a default import. Undefined for every other use of a string (namespace
 * and side-effect imports, `export *`, require, import(), mocks, a list with comments or strings
 * in it): those may take the whole module.
 */
export function namedImportAt(text: string, quote: number): Set<string> | undefined {
  let i = quote - 1
  const skipSpace = (): void => {
    while (i >= 0 && isSpace(text[i])) i--
  }
  const wordBefore = (): string => {
    const end = i + 1
    while (i >= 0 && IDENTIFIER_CHAR.test(text[i] as string)) i--
    return text.slice(i + 1, end)
  }
  skipSpace()
  if (wordBefore() !== 'from') return undefined
  skipSpace()
  const names = new Set<string>()
  // A default import comes alone (`d`) or before the list (`d, {…}`).
  let defaultImport = true
  if (text[i] === '}') {
    const open = text.lastIndexOf('{', i)
    const items = open < 0 ? '' : text.slice(open + 1, i)
    if (open < 0 || /[{}*'"`/]/.test(items)) return undefined
    for (const word of items.split(/[^\w$]+/)) if (word) names.add(word)
    i = open - 1
    skipSpace()
    defaultImport = text[i] === ','
    if (defaultImport) {
      i--
      skipSpace()
    }
  }
  if (defaultImport) {
    const local = wordBefore()
    if (!local || local === 'type' || local === 'import' || local === 'export') return undefined
    names.add('default')
    skipSpace()
  }
  let keyword = wordBefore()
  if (keyword === 'type') {
    skipSpace()
    keyword = wordBefore()
  }
  if (keyword !== 'import' && (keyword !== 'export' || defaultImport)) return undefined
  const before = text[i]
  return before === undefined || !/[\w$.]/.test(before) ? names : undefined
}

/**
 * Whether the string whose opening quote is at `quote` may be an argument after the folder in a
 * call the scanner joins from it: `, 'pm'` after `__dirname` (or `import.meta.dirname`), with only
 * other quoted strings between. A comment, or a quote in the way that cannot be matched, may
 * hide one: yes.
 */
export function joinedToFolder(text: string, quote: number): boolean {
  const walk = stringArgumentsBefore(i => text.charCodeAt(i), quote)
  if (!walk || text[walk.at] === '/') return true
  return walk.afterComma && text.endsWith('dirname', walk.at + 1)
}

/** The hashes under which the strings whose last segment is `name` (or its stem) are filed. */
function filedHashes(name: string): number[] {
  return [hash32(name), hash32(stemOf(name))]
}

/**
 * The names under which specifiers that resolve to `file` are filed; a file written for a
 * platform (`Button.ios.js`) is also found by the name it shares with the others (`./Button`).
 */
function namesOf(file: string): string[] {
  const base = file.slice(file.lastIndexOf('/') + 1)
  const names = [base, base.replace(SPEC_EXTENSION, '')]
  if (INDEX_FILE.test(base)) {
    const folder = lastSegment(dirname(file))
    if (folder) names.push(folder)
  }
  const plain = withoutPlatform(file)
  return plain === undefined ? names : [...names, ...namesOf(plain)]
}

interface AliasRules {
  /** Does this specifier resolve by a rule that may not keep its last segment? */
  eager(spec: string): boolean
  /** The strings the quick pass hands back as text: every one `eager` may say yes to among them. */
  text: TextRules
}

/** tsconfig `paths` target, jest mapper target: does the specifier's tail survive the mapping? */
const keepsTail = (template: string, placeholder: RegExp): boolean => placeholder.test(template)

function aliasRules(options: DemandGraphOptions): AliasRules {
  const exact = new Set<string>()
  const prefixes: Array<{ prefix: string; suffix: string; keeps: boolean }> = []
  const packageNames: string[] = []
  for (const path of options.files) {
    if (!path.endsWith('.json') || path.includes('node_modules/')) continue
    if (/(?:^|\/)[tj]sconfig(?:\.[\w-]+)?\.json$/.test(path)) {
      const config = options.resolver.tsconfigAt(path)
      for (const { pattern, targets } of config?.paths ?? []) {
        const star = pattern.indexOf('*')
        if (star < 0) exact.add(pattern)
        else
          prefixes.push({
            prefix: pattern.slice(0, star),
            suffix: pattern.slice(star + 1),
            keeps:
              /^(?:\.(?:[cm]?[jt]sx?|json|node))?$/.test(pattern.slice(star + 1)) &&
              targets.every(t => keepsTail(t, /\*(?:\.[cm]?[jt]sx?)?$/))
          })
      }
    } else if (path === 'package.json' || path.endsWith('/package.json')) {
      const name = loadPackage(options.readConfig, path)?.name
      if (name) packageNames.push(name)
    }
  }
  const mappers = options.jest.flatMap(settings =>
    settings.moduleNameMapper.map(({ regex, targets }) => {
      const groups = new RegExp(`(?:${regex.source})?`).exec('')?.length ?? 1
      const lastGroup = new RegExp(`\\$${groups - 1}(?:\\.[cm]?[jt]sx?)?$`)
      // The last group takes the specifier's tail, up to an extension the resolver would strip too.
      const tailGroup = /\.[*+]\)(?:\\\.(?:[cm]?[jt]sx?|json|node))?\$?$/.test(regex.source)
      return { regex, keeps: groups > 1 && tailGroup && targets.every(t => keepsTail(t, lastGroup)) }
    })
  )
  // Path aliases (Vite, webpack, babel-plugin-module-resolver) are resolved up front: `@` alone
  // names a folder's index. Each pattern once: a monorepo's jest configs often map the same ones.
  const remapping = [
    ...new Map(
      [
        ...mappers.filter(mapper => !mapper.keeps).map(mapper => mapper.regex),
        ...options.resolver.aliases.map(alias => alias.find)
      ].map(regex => [`${regex.flags}/${regex.source}`, regex])
    ).values()
  ]
  const names = new Set(packageNames)
  const nameStarts = new Set(packageNames.map(name => name.charCodeAt(0)))
  /** Is `spec` a package name of the repository, or a path in one? */
  const namesPackage = (spec: string): boolean => {
    if (!nameStarts.has(spec.charCodeAt(0))) return false
    for (let slash = spec.indexOf('/'); slash > 0; slash = spec.indexOf('/', slash + 1))
      if (names.has(spec.slice(0, slash))) return true
    return names.has(spec)
  }
  // Beyond these, the quick pass hands back every string without a segment (empty, or ending in
  // `/` or `.`).
  const text = new TextRules().prefix('#').prefix('@/').prefix('~/')
  for (const spec of exact) text.exactly(spec)
  for (const folder of BUILD_FOLDERS) text.stem(folder)
  for (const regex of remapping) text.prefix(literalStart(regex))
  for (const { prefix, suffix, keeps } of prefixes) {
    // A tail that is kept says yes to the prefix alone, or to a folder form (which ends in `/`).
    if (keeps && suffix === '') text.exactly(prefix)
    else text.prefix(prefix)
  }
  for (const name of packageNames) text.prefix(name)
  return {
    text,
    eager(spec) {
      const segment = lastSegment(spec)
      if (spec.startsWith('#') || exact.has(spec) || segment === undefined || UNREAD_ALIAS.test(spec))
        return true
      // A build folder not in the repository (`../lib`) resolves to its source folder's entry.
      if (BUILD_FOLDERS.includes(segment)) return true
      for (const regex of remapping) {
        regex.lastIndex = 0
        if (regex.test(spec)) return true
      }
      for (const { prefix, suffix, keeps } of prefixes) {
        if (!spec.startsWith(prefix) || !spec.endsWith(suffix)) continue
        if (spec.length < prefix.length + suffix.length) continue
        const rest = spec.slice(prefix.length, spec.length - suffix.length)
        if (!keeps || rest === '' || rest.endsWith('/')) return true
      }
      return namesPackage(spec)
    }
  }
}

/**
 * The demand-driven graph of `sources`, or undefined when too many specifiers would have to be
 * resolved up front (say, a catch-all moduleNameMapper): then the full graph is the faster way.
 */
export function demandGraph(options: DemandGraphOptions): DemandGraph | undefined {
  const { sources, resolver } = options
  const indexOf = new Map(sources.map((source, i) => [source.path, i]))
  const rules = aliasRules(options)
  const maxEager = options.maxEager ?? 100_000
  // Go and Python strings (and, when a data file changed, JavaScript ones): each distinct one with
  // the sources it appears in.
  interface Candidate {
    spec: string
    sources: number[]
  }
  /** The candidate for `spec` in `seen`, made (and handed to `made`) on first sight, with `at` noted. */
  const note = (seen: Map<string, Candidate>, spec: string, made?: (c: Candidate) => void): Candidate => {
    let candidate = seen.get(spec)
    if (!candidate) {
      seen.set(spec, (candidate = { spec, sources: [] }))
      made?.(candidate)
    }
    candidate.sources.push(at)
    return candidate
  }
  // JavaScript/TypeScript candidates are only filed by a hash of their last segment's stem: the
  // few sources under a name are read again when it is asked for (see resolvedUnder).
  const stems = new StemIndex(sources.length)
  // Those a path may go on past (see holedPattern), filed again.
  const holedStems = new StemIndex(sources.length)
  // Go imports are quoted import paths too; filed apart, as Go resolves them its own way.
  const goDistinct = new Map<string, Candidate>()
  const goBySegment = new Map<string, Candidate[]>()
  const collectGo = (spec: string): void => {
    note(goDistinct, spec, candidate => {
      const segment = lastSegment(spec)
      if (segment) pushTo(goBySegment, segment, candidate)
    })
  }
  // Files resolved to up front → the sources whose specifiers resolve to them.
  const eagerInto = new Map<string, number[]>()
  /** Package folders whose entry is not in the repository → the sources that import them by name. */
  const eagerPackageInto = new Map<string, number[]>()
  /** The patterns (`import.meta.glob`, templates) of each source that has one. */
  const globsIn = new Map<number, string[]>()
  const globCalls = new Map<number, boolean>()
  const globCallIn = (source: number): boolean => {
    let found = globCalls.get(source)
    if (found === undefined) {
      const blob = (sources[source] as DemandSource).blob
      found = !!blob?.includes('glob') && META_GLOB.test(blob.toString('utf8'))
      globCalls.set(source, found)
    }
    return found
  }
  const builtLoads = new Map<number, boolean>()
  /** Whether the source may load a path it builds (see LOADS_BUILT_PATH): else no string of it leads on past its text. */
  const loadsBuiltPaths = (at: number): boolean => {
    let found = builtLoads.get(at)
    if (found === undefined) {
      const text = (sources[at] as DemandSource).blob?.toString('latin1') ?? ''
      builtLoads.set(at, (found = LOADS_BUILT_PATH.test(text) || text.includes('createRequire')))
    }
    return found
  }
  let eagerCount = 0
  let candidates = 0
  let at = 0
  /** `quote`: where the string opens in `bytes`, the source's text. */
  const collect = (spec: string, bytes: Uint8Array, quote: number, close: number): void => {
    candidates++
    const holed = holedPattern(spec, i => bytes[i], quote, close)
    if (holed !== undefined && loadsBuiltPaths(at)) {
      eagerCount++
      pushTo(globsIn, at, holed)
    }
    // A pattern is tried on the files asked about (see globLoaders); it may also be a plain path (a
    // `[id]` folder), filed below. Only a template with holes or a file with `import.meta.glob` has one.
    const glob = globCandidate(spec)
    if (glob !== undefined && (spec.includes('${') || globCallIn(at))) {
      eagerCount++
      pushTo(globsIn, at, glob)
    }
    if (!rules.eager(spec)) {
      stems.add(stemHash(spec), at)
      return
    }
    note(eagerStrings, spec)
    eagerCount++
    const from = (sources[at] as DemandSource).path
    if (rootedAt(i => bytes[i], quote))
      for (const file of resolver.fromAnyFolder(rootedSpec(spec))) pushTo(eagerInto, file, at)
    // Only an import loads what a specifier resolves to (`split('.')` is none); a path is run.
    if (mayImportAt(bytes, quote)) {
      const resolution = resolver.resolveJs(from, spec)
      if ('file' in resolution) for (const file of filesOf(resolution)) pushTo(eagerInto, file, at)
      else if ('package' in resolution) pushTo(eagerPackageInto, resolution.package, at)
    }
    for (const file of resolver.namedSources(from, spec)) pushTo(eagerInto, file, at)
  }
  // Strings resolved up front (not filed by stem), for the data files they may name.
  const eagerStrings = new Map<string, Candidate>()
  // Python strings, for the data files they may name.
  const pyStrings = new Map<string, Candidate>()
  const collectString = (spec: string): void => {
    note(pyStrings, spec)
  }
  // Python imports by each dotted segment of the module path and each imported name.
  const pyBySegment = new Map<string, Array<{ at: number; spec: string; names: string[] }>>()
  const pyFiles: number[] = []
  const collectPython = (spec: string, names: string[]): void => {
    const entry = { at, spec, names }
    const keys = new Set([...spec.split('.').filter(Boolean), ...names])
    if (/^\.+$/.test(spec)) keys.add('.')
    for (const key of keys) pushTo(pyBySegment, key, entry)
  }
  const goPackages = new Map<string, string[]>()
  const goFilesIn = new Map<string, number[]>()
  /** The sources scanned up front (see loadsAlone). */
  const scannedUpFront: number[] = []
  for (; at < sources.length; at++) {
    const source = sources[at] as DemandSource
    if (source.data || source.blob === undefined) continue
    if (loadsAlone(source)) {
      scannedUpFront.push(at)
      continue
    }
    if (source.kind === 'py') {
      const text = source.blob.toString('utf8')
      pythonImports(text, collectPython)
      quotedCandidates(text, collectString)
      pyFiles.push(at)
      continue
    }
    if (source.kind === 'go') {
      quotedCandidates(source.blob.toString('utf8'), collectGo)
      pushTo(goFilesIn, dirname(source.path), at)
      if (!source.path.endsWith('_test.go')) pushTo(goPackages, dirname(source.path), source.path)
      continue
    }
    const bytes = source.blob
    candidates += fileStrings(
      bytes,
      at,
      stems,
      rules.text,
      (start, end) => {
        const spec = bytes.toString('utf8', start, end)
        if (spec.length <= MAX_SPEC_LENGTH) collect(spec, bytes, start - 1, end)
      },
      holedStems
    )
    if (eagerCount > maxEager) return undefined
  }
  const goModuleNames = new Map<string, string>()
  for (const { dir, module } of resolver.goModuleRoots) {
    const name = lastSegment(module)
    if (name) goModuleNames.set(dir, name)
  }
  // A folder with a package.json resolves to its entry file, whatever that file is called.
  const packageEntryNames = new Map<string, string[]>()
  for (const path of options.files) {
    if (!path.endsWith('/package.json') || path.includes('node_modules/')) continue
    const folder = dirname(path)
    const entry = resolver.tryPath(folder)
    const name = lastSegment(folder)
    if (entry && name) packageEntryNames.set(entry, [...(packageEntryNames.get(entry) ?? []), name])
  }

  const scans = new Map<string, ModuleScan>()
  const scanOf = (path: string): ModuleScan | undefined => {
    let scan = scans.get(path)
    if (!scan) {
      const at = indexOf.get(path)
      const source = at === undefined ? undefined : sources[at]
      if (!source) return undefined
      scan = options.scan(source)
      scans.set(path, scan)
    }
    return scan
  }
  const conftestsOf = (path: string): Map<string, string[]> =>
    new Map(path.endsWith('.py') ? [[path, conftestsFor(path, options.files)]] : [])
  const nodes = new Map<string, GraphNode>()
  const outgoing = new Map<string, Map<string, EdgesInto>>()
  const edgesFrom = (from: GraphNode): Map<string, EdgesInto> => {
    let out = outgoing.get(from.path)
    if (!out) {
      out = new Map()
      addEdgesFrom(from, out)
      outgoing.set(from.path, out)
    }
    return out
  }
  const node = (path: string): GraphNode | undefined => {
    let found = nodes.get(path)
    if (!found) {
      const scan = scanOf(path)
      if (!scan) return undefined
      found = {
        path,
        scan,
        ...linkNode(path, scan, resolver, conftestsOf(path), goPackages, setupLoadsOf(path))
      }
      nodes.set(path, found)
    }
    return found
  }
  /**
   * A JavaScript/TypeScript source's text and its quoted strings (start and end of each, the hash
   * of its stem, whether it is resolved up front), kept for the next name or target that asks.
   */
  interface SourceStrings {
    text: string
    ranges: number[]
    hashes: number[]
    /** Which strings are resolved up front (worked out when first asked). */
    eager?: boolean[]
  }
  const stringsBySource = new Map<number, SourceStrings>()
  const stringsOf = (at: number): SourceStrings => {
    let found = stringsBySource.get(at)
    if (!found) {
      const text = (sources[at] as DemandSource).blob?.toString('utf8') ?? ''
      const strings: SourceStrings = { text, ranges: [], hashes: [] }
      quotedRanges(text, (start, end) => {
        strings.ranges.push(start, end)
        strings.hashes.push(stemHash(text, start, end))
      })
      stringsBySource.set(at, (found = strings))
    }
    return found
  }
  const eagerOf = (strings: SourceStrings): boolean[] =>
    (strings.eager ??= strings.hashes.map((_, r) =>
      rules.eager(strings.text.slice(strings.ranges[2 * r], strings.ranges[2 * r + 1]))
    ))
  /**
   * Whether a source may name a path from its own folder with strings as arguments, which the
   * scanner joins (`join(__dirname, 'fixtures', 'pm')`, `defineTest(__dirname, 'class')`): then
   * a string of it so placed (see joinedToFolder) may lead, joined, to any file whose name is
   * that string's last segment.
   */
  const pathsFromFolder = new Map<number, boolean>()
  const namesFromFolder = (at: number): boolean => {
    let found = pathsFromFolder.get(at)
    if (found === undefined)
      pathsFromFolder.set(at, (found = (sources[at] as DemandSource).blob?.includes('dirname') === true))
    return found
  }
  /** The sources that name from their folder a string whose last segment (or its stem) is a name. */
  const fromFolderUnder = new Map<string, number[]>()
  // The candidates whose last segment (or its stem) is a name, resolved once: target → the sources
  // that import it. The sources filed under the name's hashes are read again for them.
  /**
   * Each string whose last segment (or its stem) is `name`, of the sources `index` files under its
   * hashes, in source order: `visit(at, spec, text, start)`, `start` where the string starts in its
   * source's `text` (after the quote).
   */
  const eachStringNamed = (
    index: StemIndex,
    name: string,
    visit: (at: number, spec: string, text: string, start: number) => void
  ): void => {
    const wanted = new Set(filedHashes(name))
    const filed = new Set([...wanted].flatMap(hash => index.sourcesOf(hash)))
    for (const at of [...filed].sort((a, b) => a - b)) {
      const { text, ranges, hashes } = stringsOf(at)
      for (let r = 0; r < hashes.length; r++) {
        if (!wanted.has(hashes[r] as number)) continue
        const start = ranges[2 * r] as number
        const spec = text.slice(start, ranges[2 * r + 1])
        const segment = lastSegment(spec)
        if (segment !== undefined && (segment === name || stemOf(segment) === name))
          visit(at, spec, text, start)
      }
    }
  }
  const resolvedNames = new Map<string, Map<string, number[]>>()
  const resolvedUnder = (name: string): Map<string, number[]> => {
    let byTarget = resolvedNames.get(name)
    if (byTarget) return byTarget
    const found = (byTarget = new Map<string, number[]>())
    // A string resolved up front that resolves here too is found again: no harm, it imports it.
    let seen = new Set<string>()
    let seenIn = -1
    eachStringNamed(stems, name, (at, spec, text, start) => {
      const source = sources[at] as DemandSource
      if (seenIn !== at) {
        seen = new Set()
        seenIn = at
      }
      if (fromFolderUnder.get(name)?.at(-1) !== at && joinedToFolder(text, start - 1) && namesFromFolder(at))
        pushTo(fromFolderUnder, name, at)
      if (seen.has(spec)) return
      seen.add(spec)
      const resolution = resolver.resolveJs(source.path, spec)
      if ('file' in resolution) for (const file of filesOf(resolution)) pushTo(found, file, at)
      for (const file of resolver.namedSources(source.path, spec)) pushTo(found, file, at)
      if (rootedAt(i => text.charCodeAt(i), start - 1))
        for (const file of resolver.fromAnyFolder(rootedSpec(spec))) pushTo(found, file, at)
    })
    resolvedNames.set(name, byTarget)
    return byTarget
  }
  /**
   * The sources with a string whose last segment (or its stem) is `name` and that a path goes on
   * past (see holedPattern), with the files that pattern may lead to: the files under a folder
   * so named. Strings that end in `/` or are templates are collect's.
   */
  const holedNames = new Map<string, Array<{ at: number; loads: (file: string) => boolean }>>()
  const holedUnder = (name: string): Array<{ at: number; loads: (file: string) => boolean }> => {
    let found = holedNames.get(name)
    if (found) return found
    const loaders: Array<{ at: number; loads: (file: string) => boolean }> = (found = [])
    eachStringNamed(holedStems, name, (at, spec, text, start) => {
      const pattern = holedPattern(spec, i => text.charCodeAt(i), start - 1, start + spec.length)
      if (pattern === undefined || !loadsBuiltPaths(at)) return
      pushTo(globsIn, at, pattern)
      loaders.push({ at, loads: resolver.globLoader((sources[at] as DemandSource).path, pattern) })
    })
    holedNames.set(name, found)
    return found
  }
  /** The names of the folders `path` is in. */
  const folderNames = (path: string): string[] => path.split('/').slice(0, -1)

  /**
   * A Go file is loaded by the other Go files of its package, and by every Go file that imports
   * its package (`go.mod` module path or `vendor/`): found by the package folder's name (or the
   * module path's last segment for a module's root package).
   */
  const goImporters = (target: string): number[] => {
    const dir = dirname(target)
    if (!goPackages.get(dir)?.includes(target)) return []
    const importers = new Set<number>(goFilesIn.get(dir) ?? [])
    importers.delete(indexOf.get(target) as number)
    const names = [lastSegment(dir), goModuleNames.get(dir)]
    for (const name of new Set(names)) {
      if (!name) continue
      for (const { spec, sources: found } of goBySegment.get(name) ?? [])
        for (const at of found)
          if (resolver.goPackageDir(spec, (sources[at] as DemandSource).path) === dir) importers.add(at)
    }
    return [...importers].sort((a, b) => a - b)
  }

  /**
   * A Python file is loaded by the imports whose module path runs through it (a package's
   * `__init__.py` too) or that import it by name from its package, and a conftest.py by every
   * Python file under its folder.
   */
  const pythonImporters = (target: string): number[] => {
    const importers = new Set<number>()
    const dir = dirname(target)
    if (target === 'conftest.py' || target.endsWith('/conftest.py'))
      for (const at of pyFiles) {
        const path = (sources[at] as DemandSource).path
        if (path !== target && (dir === '' || path.startsWith(dir + '/'))) importers.add(at)
      }
    const base = target.slice(target.lastIndexOf('/') + 1)
    // The package that has the target as an attribute.
    const parent = base === '__init__.py' ? dirname(dir) : dir
    // A module is found under its own name and, as an attribute of its package, the package's.
    const names =
      base === '__init__.py'
        ? [lastSegment(dir) ?? '.', lastSegment(parent) ?? '.', '.']
        : [base.slice(0, -3), lastSegment(dir) ?? '.']
    for (const name of new Set(names))
      for (const { at, spec, names: imported } of pyBySegment.get(name) ?? []) {
        if (importers.has(at)) continue
        const from = (sources[at] as DemandSource).path
        const { files, resolved } = resolver.resolvePython(from, spec)
        if (!resolved) continue
        const module = files[files.length - 1]
        if (
          files.includes(target) ||
          (module !== undefined &&
            // `import pkg` may read a submodule as an attribute (`pkg.mod`; see linkNode); a name
            // of an import list may be one.
            (imported.length === 0
              ? module.endsWith('/__init__.py') && dirname(module) === parent
              : imported.some(name => resolver.pythonSubmodule(module, name) === target)))
        )
          importers.add(at)
      }
    return [...importers].sort((a, b) => a - b)
  }

  const setupLoadsOf = options.setupLoadsOf ?? ((): readonly string[] => [])
  // Setup file → the test files that load it first.
  const setupLoaders = new Map<string, number[]>()
  sources.forEach((source, i) => {
    for (const setup of setupLoadsOf(source.path)) if (setup !== source.path) pushTo(setupLoaders, setup, i)
  })
  for (const at of scannedUpFront)
    for (const { target } of node((sources[at] as DemandSource).path)?.loads ?? [])
      pushTo(eagerInto, target, at)

  /** The names under which the strings that may resolve to `target` are filed. */
  const namesFor = (target: string): string[] => [
    ...new Set([...namesOf(target), ...(packageEntryNames.get(target) ?? [])])
  ]
  // Patterns are tried on each target asked about, rather than listing every file they match.
  let globLoaders: Array<{ at: number; loads: (file: string) => boolean }> | undefined
  const globLoadersOf = (): Array<{ at: number; loads: (file: string) => boolean }> =>
    [...globsIn].flatMap(([at, globs]) =>
      globs.map(glob => ({ at, loads: resolver.globLoader((sources[at] as DemandSource).path, glob) }))
    )
  /** The sources with a candidate that resolves to `target`, in tree order (before any scan). */
  const candidateImporters = (target: string): number[] => {
    if (target.endsWith('.go')) return goImporters(target)
    if (target.endsWith('.py')) return pythonImporters(target)
    const importers = new Set<number>([...(eagerInto.get(target) ?? []), ...(setupLoaders.get(target) ?? [])])
    for (const { at, loads } of (globLoaders ??= globLoadersOf())) if (loads(target)) importers.add(at)
    for (const name of folderNames(target))
      for (const { at, loads } of holedUnder(name)) if (loads(target)) importers.add(at)
    if (eagerPackageInto.size) {
      const dir = resolver.packageDirOf(target)
      if (dir !== undefined && resolver.packageSources(dir).has(target))
        for (const at of eagerPackageInto.get(dir) ?? []) importers.add(at)
    }
    for (const name of namesFor(target)) {
      for (const at of resolvedUnder(name).get(target) ?? []) importers.add(at)
      for (const at of fromFolderUnder.get(name) ?? []) importers.add(at)
    }
    return [...importers].sort((a, b) => a - b)
  }
  /**
   * Whether the JavaScript/TypeScript source at `at` may have an edge into `target` that `need`
   * looks at, judged from its text: not when every string of it that leads to `target` is a
   * static import list (see namedImportAt) and, for one name, none of the lists has that name; for
   * the whole module, when `target` is an ES module. Anything else is scanned.
   */
  const mayHaveEdge = (at: number, target: string, need: EdgeNeed): boolean => {
    if (need.kind === 'all') return true
    const source = sources[at] as DemandSource
    const js = source.kind === 'ts' || source.kind === 'jsx'
    if (!js || !isJsFile(target) || source.blob === undefined || loadsAlone(source)) return true
    if (need.kind === 'whole' && node(target)?.scan.esm !== true) return true
    // A pattern that matches the target may take it whole.
    const globs = globsIn.get(at)
    if (globs?.some(glob => resolver.globLoads(source.path, glob, target))) return true
    const uses = usesOf(at, target)
    return uses === undefined || (need.kind === 'named' && uses.has(need.name))
  }
  /**
   * How a JavaScript/TypeScript source uses `target`, from its strings (patterns aside): the names
   * its import lists of `target` take, or undefined when some string may take the whole module.
   */
  const uses = new Map<string, Set<string> | undefined>()
  const usesOf = (at: number, target: string): Set<string> | undefined => {
    const key = `${at}\u0000${target}`
    if (uses.has(key)) return uses.get(key)
    const source = sources[at] as DemandSource
    let hashes = targetHashes.get(target)
    if (!hashes) {
      hashes = new Set(namesFor(target).flatMap(filedHashes))
      targetHashes.set(target, hashes)
    }
    // A package name whose sources the target is in may take it whole.
    const packageDir = eagerPackageInto.size ? resolver.packageDirOf(target) : undefined
    if (packageDir !== undefined && eagerPackageInto.get(packageDir)?.includes(at)) {
      uses.set(key, undefined)
      return undefined
    }
    const strings = stringsOf(at)
    const { text, ranges } = strings
    // Strings resolved up front only matter when one of them led here.
    const eager = eagerSources(target).has(at) ? eagerOf(strings) : undefined
    let names: Set<string> | undefined = new Set()
    for (let r = 0; r < strings.hashes.length && names; r++) {
      // Only a string filed under one of the target's names, or resolved up front, resolves to it.
      if (!hashes.has(strings.hashes[r] as number) && !eager?.[r]) continue
      const start = ranges[2 * r] as number
      const spec = text.slice(start, ranges[2 * r + 1])
      const resolution = resolver.resolveJs(source.path, spec)
      if ('package' in resolution && resolver.packageSources(resolution.package).has(target))
        names = undefined
      // A path that names the target may run it whole, and so may one joined from the folder.
      if (resolver.namedSources(source.path, spec).includes(target)) names = undefined
      // A path from a folder known only when it runs may lead to the target (see rootedAt).
      if (
        rootedAt(i => text.charCodeAt(i), start - 1) &&
        resolver.fromAnyFolder(rootedSpec(spec)).includes(target)
      )
        names = undefined
      const here = 'file' in resolution && filesOf(resolution).includes(target)
      const joined =
        !here && joinedName(spec, target) && joinedToFolder(text, start - 1) && namesFromFolder(at)
      if (!here && !joined) continue
      const listed = namedImportAt(text, start - 1)
      if (joined) {
        if (!listed) names = undefined
      } else if (listed) for (const name of listed) names?.add(name)
      else names = undefined
    }
    uses.set(key, names)
    return names
  }
  /** Whether `spec`'s last segment (or its stem) is a name of `target`: joined, it may lead there. */
  const joinedName = (spec: string, target: string): boolean => {
    const segment = lastSegment(spec)
    if (segment === undefined) return false
    const names = namesFor(target)
    return names.includes(segment) || names.includes(stemOf(segment))
  }
  const targetHashes = new Map<string, Set<number>>()
  const eagerSets = new Map<string, Set<number>>()
  const eagerSources = (target: string): Set<number> => {
    let found = eagerSets.get(target)
    if (!found) eagerSets.set(target, (found = new Set(eagerInto.get(target))))
    return found
  }

  /** Per target: the importers scanned so far, whether all of them, and their edges into it. */
  const edgeState = new Map<string, { scanned: Set<number>; all: boolean; into: EdgesInto | undefined }>()
  const edgesInto = (target: string, need: EdgeNeed = ALL_EDGES): EdgesInto | undefined => {
    let state = edgeState.get(target)
    if (!state) edgeState.set(target, (state = { scanned: new Set(), all: false, into: undefined }))
    if (state.all) return state.into
    let added = false
    for (const at of candidateImporters(target)) {
      if (state.scanned.has(at) || !mayHaveEdge(at, target, need)) continue
      state.scanned.add(at)
      added = true
    }
    if (need.kind === 'all') state.all = true
    if (!added) return state.into
    const into: EdgesInto = { loaders: [], bindings: [], exportAllers: [] }
    for (const at of [...state.scanned].sort((a, b) => a - b)) {
      const from = node((sources[at] as DemandSource).path)
      const mine = from && edgesFrom(from).get(target)
      if (!mine) continue
      into.loaders.push(...mine.loaders)
      into.bindings.push(...mine.bindings)
      into.exportAllers.push(...mine.exportAllers)
    }
    const empty = !into.loaders.length && !into.bindings.length && !into.exportAllers.length
    state.into = empty ? undefined : into
    return state.into
  }
  /**
   * The JavaScript/TypeScript strings filed under `name`: a string names a path (see
   * stringRefersTo) only when its last segment is one of the path's, or it has none (`..`, `./`),
   * and those are resolved up front (see eagerStrings). Found by their stems, and read again.
   */
  const namingStrings = new Map<string, Array<{ at: number; spec: string; quote: number }>>()
  /** With `keep`, of the sources it keeps only (and not kept for later). */
  const stringsNaming = (
    name: string,
    keep?: (at: number) => boolean
  ): Array<{ at: number; spec: string; quote: number }> => {
    let found = keep ? undefined : namingStrings.get(name)
    if (found) return found
    found = []
    const wanted = new Set(filedHashes(name))
    const filed = new Set([...wanted].flatMap(hash => stems.sourcesOf(hash)))
    for (const at of [...filed].sort((a, b) => a - b)) {
      if (keep && !keep(at)) continue
      const { text, ranges, hashes } = stringsOf(at)
      for (let r = 0; r < hashes.length; r++)
        if (wanted.has(hashes[r] as number))
          found.push({
            at,
            spec: text.slice(ranges[2 * r], ranges[2 * r + 1]),
            quote: (ranges[2 * r] as number) - 1
          })
    }
    if (!keep) namingStrings.set(name, found)
    return found
  }
  /** Whether a source's text has one of `words` as a whole identifier (`sync`, not `async`). */
  const mentionTests = new Map<string, (at: number) => boolean>()
  const mentionTest = (words: readonly string[]): ((at: number) => boolean) => {
    const key = words.join('\u0000')
    const known = mentionTests.get(key)
    if (known) return known
    const word = new RegExp(
      `(?<![\\w$])(?:${words.map(w => w.replace(/[^\w$]/g, '\\$&')).join('|')})(?![\\w$])`
    )
    const answers = new Map<number, boolean>()
    const test = (at: number): boolean => {
      let answer = answers.get(at)
      if (answer === undefined) {
        const blob = (sources[at] as DemandSource).blob
        // The cheap byte search first.
        answer =
          blob !== undefined &&
          words.some(w => blob.includes(w)) &&
          word.test(stringsBySource.get(at)?.text ?? blob.toString('utf8'))
        answers.set(at, answer)
      }
      return answer
    }
    mentionTests.set(key, test)
    return test
  }
  /** The sources that may name the folder of a module they locate (see GraphNode.folders). */
  let folderNamers: number[] | undefined
  const namingFolders = (): number[] =>
    (folderNamers ??= sources.flatMap((source, at) =>
      !loadsAlone(source) &&
      namesFromFolder(at) &&
      (source.blob as Buffer).includes('resolve') &&
      FOLDER_OF_MODULE.test((source.blob as Buffer).toString('utf8'))
        ? [at]
        : []
    ))
  const dataReferences: DemandGraph['dataReferences'] = (path, naming = {}) => {
    const { bareNames = true, readingCalls, locatedFolders = true } = naming
    const mock = MOCK_FILE.exec(path)?.[1]
    const mentions = readingCalls && mentionTest(readingCalls)
    // A source scanned up front is not filed by its strings: its scan tells.
    const maybe = new Set<number>([...(locatedFolders ? namingFolders() : []), ...scannedUpFront])
    /** `quote`: where a JavaScript string of the one source in `found` opens. */
    const consider = (candidate: string, found: readonly number[], quote?: number): void => {
      let spec = candidate
      // A template with holes: the scanner keeps the text after the last one (`${dir}/modules/`).
      if (quote !== undefined && spec.includes('${') && stringsOf(found[0] as number).text[quote] === '`') {
        spec = afterLastHole(spec)
        if (!keptAsPath(spec)) return
      }
      if (mock && (spec === mock || spec.endsWith('/' + mock))) {
        for (const at of found) maybe.add(at)
      } else if (quote !== undefined && importedAt(stringsOf(found[0] as number).text, quote)) {
        // An import's specifier: a scan keeps no string that is one (see ModuleScan.strings).
      } else if (quote !== undefined && !keptAsPath(spec) && !spec.includes('\\')) {
        // Not a string the scanner keeps (`require('path')`): it names a path only joined to the folder.
        for (const at of found)
          if (
            stringRefersTo(spec, '', path) &&
            joinedToFolder(stringsOf(at).text, quote) &&
            namesFromFolder(at)
          )
            maybe.add(at)
      } else if (spec.startsWith('./') || spec.startsWith('../')) {
        for (const at of found)
          if (stringRefersTo(spec, (sources[at] as DemandSource).path, path, bareNames)) maybe.add(at)
      } else if (stringRefersTo(spec, '', path, bareNames)) for (const at of found) maybe.add(at)
      // A name alone may be joined to a folder (`join(__dirname, 'fixtures', 'a.json')`).
      else if (!bareNames && stringRefersTo(spec, '', path))
        for (const at of found) if (namesFromFolder(at)) maybe.add(at)
    }
    const names = new Set(path.split('/'))
    const mocked = mock && lastSegment(mock)
    if (mocked) names.add(mocked)
    for (const name of names)
      for (const { at, spec, quote } of stringsNaming(name, mentions)) consider(spec, [at], quote)
    for (const { spec, sources: found } of [
      ...eagerStrings.values(),
      ...goDistinct.values(),
      ...pyStrings.values()
    ]) {
      // A string names the path, or one of its folders, by its last segment (see stringRefersTo).
      const segment = lastSegment(spec)
      if (segment === undefined || names.has(segment)) consider(spec, found)
    }
    const referrers: string[] = []
    for (const at of [...maybe].sort((a, b) => a - b)) {
      const source = sources[at] as DemandSource
      // A source scanned up front is searched for the calls only once its strings name the file.
      const upFront = loadsAlone(source)
      if (mentions && !upFront && !mentions(at)) continue
      const found = node(source.path)
      if (!found || dataReferenceOf(found, path, naming) !== 'names') continue
      if (mentions && upFront && !mentions(at)) continue
      referrers.push(found.path)
    }
    return { referrers }
  }
  /** exportableWords of the sources asked about (null: any name). */
  const wordsIn = new Map<string, ReadonlySet<string> | null>()
  const hasEdgesInto = (target: string): boolean => {
    const state = edgeState.get(target)
    if (state?.all) return anyEdges(state.into)
    return candidateImporters(target).some(at => {
      const from = node((sources[at] as DemandSource).path)
      return from !== undefined && anyEdges(edgesFrom(from).get(target))
    })
  }
  return {
    sourceAt: path => {
      const at = indexOf.get(path)
      return at === undefined ? undefined : sources[at]
    },
    nodes: {
      get: node,
      made: path => nodes.get(path),
      mayExport: (path, name) => {
        const at = indexOf.get(path)
        const source = at === undefined ? undefined : sources[at]
        if (
          nodes.has(path) ||
          !source?.blob ||
          source.data ||
          loadsAlone(source) ||
          (source.kind !== 'ts' && source.kind !== 'jsx')
        )
          return true
        let words = wordsIn.get(path)
        if (words === undefined) wordsIn.set(path, (words = exportableWords(source.blob) ?? null))
        return words === null || words.has(name)
      }
    },
    edgesInto,
    hasEdgesInto,
    candidateImporters: target => candidateImporters(target).map(at => (sources[at] as DemandSource).path),
    scanOf,
    dataReferences,
    get linked() {
      return nodes.size
    },
    candidates
  }
}

/**
 * The words of a module's text, of which any name it exports is one; undefined when it may export
 * names it does not spell: it has an `export` followed by `*` (or by a comment, which may hide
 * one), or it is CommonJS (`exports`, `require`), whose exports a walk takes as values whatever
 * they are called.
 */
export function exportableWords(text: Buffer): ReadonlySet<string> | undefined {
  for (let at = text.indexOf('export'); at >= 0; at = text.indexOf('export', at + 6)) {
    let next = at + 6
    if (text[next] === 0x73 /* s: exports */) return undefined
    while (next < text.length && isSpaceByte(text[next])) next++
    if (text[next] === 0x2a /* * */ || text[next] === 0x2f /* / */) return undefined
  }
  const words = new Set(text.toString('utf8').match(WORDS))
  return words.has('require') ? undefined : words
}

/** Runs of identifier characters (and of anything outside ASCII, which may be one). */
const WORDS = /[\w$\u0080-\uffff]+/g
