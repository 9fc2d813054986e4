import picomatch from 'picomatch'
import { NODE_OPTIONS_WITH_VALUE } from '../runners/detect.js'
import {
  commandsOf,
  configArgument,
  jestConfigArgument,
  jestConfigArguments
} from '../runners/script-words.js'
import { RUNNER_CONFIG_CHANGED, TSCONFIG_CHANGED } from './fallback.js'
import { isJsLike } from './model.js'

/**
 * The project settings that decide how specifiers resolve and which files are tests: tsconfig
 * paths, package.json workspaces / exports / imports, jest's moduleNameMapper, roots, testMatch.
 * Everything is read from the revision under test through `read`, never from the disk directly.
 */

export type ReadText = ((path: string) => string | undefined) & {
  /** The folder of a workspace package of the repository, by its name, when the reader knows. */
  packageDir?: PackageDirs
}

/** The folder of a workspace package by its name. */
export type PackageDirs = (name: string) => string | undefined

const TSCONFIG_NAME = /(?:^|\/)[tj]sconfig(?:\.[\w-]+)?\.json$/

export interface TsConfig {
  dir: string
  baseUrl?: string
  paths: Array<{ pattern: string; targets: string[] }>
}

export interface PackageInfo {
  dir: string
  name?: string
  exports?: unknown
  imports?: unknown
  main?: string
  module?: string
  source?: string
  types?: string
}

export interface JestSettings {
  dir: string
  rootDir: string
  roots: string[]
  moduleNameMapper: Array<{ regex: RegExp; targets: string[] }>
  moduleDirectories: string[]
  modulePaths: string[]
  testMatch: string[]
  testRegex: RegExp[]
  testPathIgnorePatterns: RegExp[]
  setupFiles: string[]
  /** Set when a config file exists but could not be read literally. */
  unreadable?: string
  /** Lists of the config read in part, and how (see listInPart). */
  readInPart?: string
  /** The config's own module `resolver`, which CI Medic cannot follow. */
  resolver?: string
  /**
   * ts-jest with type checking (its default): a type error in a module fails every test that
   * loads it, so a changed TypeScript file affects all of its loaders, not just its symbols' users.
   */
  typeChecked: boolean
  /** The tsconfig ts-jest is told to use, when the config names one. */
  tsconfig?: string
  /**
   * ts-jest itself (not jest-preset-angular's transformer) checks types unless the tsconfig it
   * compiles with turns them off (see tsJestIsolatedByTsconfig): the config neither sets
   * `isolatedModules` false nor names that transformer.
   */
  isolationFromTsconfig?: boolean
  /**
   * The compiler options given inline as ts-jest's tsconfig (`tsconfig: { … }`) set
   * `isolatedModules: true` (see inlineTsconfigIsolates).
   */
  inlineIsolation?: boolean
  /**
   * Globs of the test files vitest type-checks (its `typecheck.include`): type changes reach them
   * (see typeCheckedTests).
   */
  typeChecks?: string[]
  /**
   * The folder of the vitest run this config is a project of (or the run's own config, when it has
   * projects): a test file runs in each project of the run that takes it (see vitestProjects).
   */
  group?: string
}

/** The options of a jest config that list paths or patterns, which its projects add to. */
const PROJECT_LISTS = [
  'roots',
  'testMatch',
  'testRegex',
  'setupFiles',
  'setupFilesAfterEnv',
  'modulePaths',
  'moduleDirectories'
] as const

/**
 * A jest config with its inline `projects` (objects, not paths: those are configs of their own)
 * folded in, as what any of them takes: their tests, setup files and module mappings added to the
 * config's own; `<rootDir>` in a project's options is its own rootDir. A project's
 * testPathIgnorePatterns do not hide another's tests, so they are left out.
 */
function withInlineProjects(
  config: Record<string, unknown>,
  rootDir: string,
  configDir: string
): Record<string, unknown> {
  const projects = Array.isArray(config.projects)
    ? config.projects.filter(
        (project): project is Record<string, unknown> =>
          !!project &&
          typeof project === 'object' &&
          !Array.isArray(project) &&
          !(IMPORTED_PROJECT in project)
      )
    : []
  if (projects.length === 0) return config
  const merged: Record<string, unknown> = { ...config }
  const mapper: Record<string, unknown> = {
    ...((config.moduleNameMapper as Record<string, unknown> | undefined) ?? {})
  }
  for (const project of projects) {
    const own =
      typeof project.rootDir === 'string'
        ? joinPath(configDir, project.rootDir.replace(/<rootDir>/g, rootDir))
        : rootDir
    const expand = (value: string): string => value.replace(/<rootDir>/g, own)
    for (const key of PROJECT_LISTS) {
      const values = asStrings(project[key]).map(expand)
      // A project's roots default to its rootDir.
      const added = key === 'roots' && values.length === 0 && own !== rootDir ? [own] : values
      if (added.length) merged[key] = [...asStrings(merged[key]), ...added]
    }
    if (project.moduleNameMapper && typeof project.moduleNameMapper === 'object')
      for (const [pattern, target] of Object.entries(project.moduleNameMapper as Record<string, unknown>))
        mapper[pattern] ??= Array.isArray(target)
          ? target.map(t => (typeof t === 'string' ? expand(t) : t))
          : typeof target === 'string'
            ? expand(target)
            : target
  }
  // A project without its own testMatch or testRegex takes jest's default names.
  if (
    projects.some(project => project.testMatch === undefined && project.testRegex === undefined) &&
    (merged.testMatch !== undefined || merged.testRegex !== undefined)
  )
    merged.testMatch = [
      ...asStrings(merged.testMatch),
      '**/__tests__/**/*.[jt]s?(x)',
      '**/?(*.)+(spec|test).[jt]s?(x)'
    ]
  if (Object.keys(mapper).length) merged.moduleNameMapper = mapper
  if (
    asStrings(merged.roots).length &&
    !config.roots &&
    projects.some(project => project.roots === undefined && project.rootDir === undefined)
  )
    merged.roots = [...asStrings(merged.roots), rootDir]
  delete merged.testPathIgnorePatterns
  if (config.testPathIgnorePatterns !== undefined)
    merged.testPathIgnorePatterns = config.testPathIgnorePatterns
  return merged
}

/**
 * Does this jest config (its text) transform TypeScript with ts-jest's type checking on? So does
 * jest-preset-angular's transformer, which is ts-jest's with Angular's transforms added. Compiler
 * options given inline as its tsconfig are left to tsJestIsolatedByTsconfig: whether they turn the
 * checking off depends on the version.
 */
export function typeCheckedByJest(configText: string): boolean {
  if (!/ts-jest|jest-preset-angular/.test(configText)) return false
  return !/isolatedModules['"]?\s*:\s*true|diagnostics['"]?\s*:\s*false|transpileOnly['"]?\s*:\s*true/.test(
    withoutInlineTsconfigs(configText)
  )
}

/**
 * Does an inline tsconfig in this jest config (ts-jest's `tsconfig: { … }`, compiler options laid
 * over its tsconfig file's) set `isolatedModules: true`? Only ts-jest 29.3 and later compile each
 * module alone for it (see tsJestIsolatedByTsconfig); earlier ones still check types.
 */
function inlineTsconfigIsolates(configText: string): boolean {
  return inlineTsconfigs(configText).some(object => /isolatedModules['"]?\s*:\s*true/.test(object))
}

/** The config's text with its inline tsconfig objects left out. */
function withoutInlineTsconfigs(configText: string): string {
  let text = configText
  for (const object of inlineTsconfigs(configText)) text = text.replace(object, '{}')
  return text
}

/** The texts of the objects given as ts-jest's `tsconfig` (`tsconfig: { isolatedModules: true }`). */
function inlineTsconfigs(configText: string): string[] {
  const objects: string[] = []
  for (const match of configText.matchAll(/\btsconfig['"]?\s*:\s*\{/g)) {
    const start = match.index + match[0].length - 1
    const end = closingBrace(configText, start)
    objects.push(configText.slice(start, end === undefined ? configText.length : end + 1))
  }
  return objects
}

/** Where the brace that `open` opens closes, past strings and comments; undefined when it does not. */
function closingBrace(text: string, open: number): number | undefined {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const skipped = stringOrCommentEnd(text, i)
    if (skipped !== undefined) i = skipped
    else if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return i
  }
  return undefined
}

/**
 * A config's text with its comments blanked out (JSON with comments, a jest config): a
 * commented-out option sets nothing.
 */
function withoutComments(text: string): string {
  let code = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const end = stringOrCommentEnd(text, i)
    if (end === undefined) continue
    if (text[i] === '/') code += text.slice(from, i) + (text[i + 1] === '/' ? '' : ' ')
    else code += text.slice(from, end + 1)
    from = end + 1
    i = end
  }
  return code + text.slice(from)
}

/**
 * Where the string, template or comment that starts at `i` ends (its last character; a line
 * comment's is the one before its line break); undefined when none starts there.
 */
function stringOrCommentEnd(text: string, i: number): number | undefined {
  const char = text[i]
  if (char === '"' || char === "'" || char === '`') {
    let j = i + 1
    for (; j < text.length && text[j] !== char; j++) if (text[j] === '\\') j++
    return Math.min(j, text.length - 1)
  }
  if (char !== '/') return undefined
  if (text[i + 1] === '/') {
    const lineEnd = text.indexOf('\n', i)
    return (lineEnd === -1 ? text.length : lineEnd) - 1
  }
  if (text[i + 1] === '*') {
    const commentEnd = text.indexOf('*/', i + 2)
    return commentEnd === -1 ? text.length - 1 : commentEnd + 1
  }
  return undefined
}

/**
 * Whether ts-jest, as the jest config `settings` runs it, compiles each module alone and checks
 * no types because the tsconfig it compiles with sets `isolatedModules`: ts-jest takes that
 * setting from the tsconfig, or from the compiler options given inline as its `tsconfig`, from
 * 29.3 on (before, only from its own option, which typeCheckedByJest reads). `version`: the
 * ts-jest that runs (see tsJestVersion); `chains`: the repository's tsconfigs (see
 * tsconfigChains). Anything not known counts as checking types: a version outside 29.3-29.x, a
 * config that sets `isolatedModules: false` or runs another transformer (see
 * isolationFromTsconfig), a tsconfig that is not read, that sets it false, or whose bases cannot
 * all be read when it does not set it itself.
 */
export function tsJestIsolatedByTsconfig(
  settings: JestSettings,
  files: ReadonlySet<string>,
  chains: ReadonlyMap<string, TsConfigChain>,
  version: string | undefined
): boolean {
  const [major, minor] = (version ?? '').split('.').map(Number)
  if (!settings.isolationFromTsconfig || major !== 29 || minor === undefined || !(minor >= 3)) return false
  if (settings.inlineIsolation) return true
  const tsconfig = settings.tsconfig ?? nearestTsconfig(settings.rootDir, files)
  const chain = tsconfig === undefined ? undefined : chains.get(tsconfig)
  if (!chain) return false
  const set = chain.texts.map(text => {
    const options = parseTsconfigOptions(text)
    return typeof options?.isolatedModules === 'boolean' ? options.isolatedModules : undefined
  })
  if (set[0] !== undefined) return set[0]
  return chain.missing.length === 0 && !set.includes(false) && set.includes(true)
}

/** A tsconfig's `compilerOptions` (undefined when it is not JSON with comments). */
function parseTsconfigOptions(text: string): Record<string, unknown> | undefined {
  const options = readJson(() => text, 'tsconfig.json')?.compilerOptions
  return options && typeof options === 'object' ? (options as Record<string, unknown>) : undefined
}

/** The tsconfig.json ts-jest finds from `rootDir` when it is given none: there or in a parent folder. */
function nearestTsconfig(rootDir: string, files: ReadonlySet<string>): string | undefined {
  for (let dir = rootDir; ; dir = dirname(dir)) {
    const path = joinPath(dir, 'tsconfig.json')
    if (files.has(path)) return path
    if (dir === '' || dir === '..' || dir.startsWith('../')) return undefined
  }
}

/**
 * The version of the ts-jest a jest config whose rootDir is `dir` loads: as installed
 * (`node_modules/ts-jest/package.json` there or in a parent folder, from `installed`), else as
 * the nearest lockfile in the work tree pins it (the least, when it pins several), else the
 * least version that the nearest package.json that asks for it allows (`^29.4.1`, `~29.3.0`,
 * `29.4.15`; none for a range with no upper bound in its major, such as `>=29.3.0` or `*`).
 */
export function tsJestVersion(dir: string, read: ReadText, installed?: OutsideFiles): string | undefined {
  const folders: string[] = []
  for (let at = dir; ; at = dirname(at)) {
    folders.push(at)
    if (at === '' || at === '..' || at.startsWith('../')) break
  }
  for (const folder of folders) {
    const text = installed?.read(joinPath(folder, 'node_modules/ts-jest/package.json'))
    const version = text === undefined ? undefined : readJson(() => text, 'package.json')?.version
    if (typeof version === 'string') return version
  }
  for (const folder of folders) {
    const locked = installed && lockedTsJest(installed, folder)
    if (locked !== undefined) return locked
  }
  for (const folder of folders) {
    const json = readJson(read, joinPath(folder, 'package.json'))
    const range = [json?.devDependencies, json?.dependencies]
      .map(deps =>
        deps && typeof deps === 'object' ? (deps as Record<string, unknown>)['ts-jest'] : undefined
      )
      .find(value => typeof value === 'string')
    if (typeof range === 'string') return /^[\^~]?(\d+\.\d+\.\d+)$/.exec(range.trim())?.[1]
  }
  return undefined
}

/** Where an npm lockfile pins ts-jest: `"node_modules/ts-jest": { "version": … }` (v1: `"ts-jest": {`). */
const NPM_LOCKED = /"(?:[^"\n]*node_modules\/)?ts-jest":\s*\{\s*"version":\s*"(\d+\.\d+\.\d+)/g

/** Where each lockfile pins a version of ts-jest (npm's v1-v3, yarn's classic and berry, pnpm's). */
const LOCKED_TS_JEST: ReadonlyArray<[string, RegExp]> = [
  ['package-lock.json', NPM_LOCKED],
  ['npm-shrinkwrap.json', NPM_LOCKED],
  ['yarn.lock', /^"?ts-jest@[^\n]*:\r?\n[ \t]+version:? "?(\d+\.\d+\.\d+)/gm],
  ['pnpm-lock.yaml', /^[ \t]+['"]?\/?ts-jest[@/](\d+\.\d+\.\d+)/gm]
]

const lockedInFolder = new WeakMap<OutsideFiles, Map<string, string | undefined>>()

/**
 * The least version of ts-jest the first lockfile in `folder` that pins one pins, read once for
 * each folder of the work tree: every jest config of a workspace asks for the one at its top.
 */
function lockedTsJest(installed: OutsideFiles, folder: string): string | undefined {
  let known = lockedInFolder.get(installed)
  if (!known) lockedInFolder.set(installed, (known = new Map()))
  if (known.has(folder)) return known.get(folder)
  let least: string | undefined
  for (const [name, pinned] of LOCKED_TS_JEST) {
    const text = installed.read(joinPath(folder, name))
    const versions = text === undefined ? [] : [...text.matchAll(pinned)].map(match => match[1]!)
    if (versions.length) {
      least = versions.sort(compareVersions)[0]
      break
    }
  }
  known.set(folder, least)
  return least
}

/** Orders `major.minor.patch` versions from the least. */
function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map(version => version.split('.').map(Number))
  for (let i = 0; i < 3; i++) if (x![i] !== y![i]) return x![i]! - y![i]!
  return 0
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}

const NEEDS_NORMALIZING = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|^\/|\/$/

/** The conftest.py files pytest loads for a Python file: in its folder and each parent, not itself. */
export function conftestsFor(path: string, files: ReadonlySet<string>): string[] {
  const found: string[] = []
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const conftest = joinPath(dir, 'conftest.py')
    if (conftest !== path && files.has(conftest)) found.push(conftest)
    if (dir === '') return found
  }
}

export function joinPath(...parts: string[]): string {
  const joined = parts.length === 1 ? (parts[0] as string) : parts.filter(p => p !== '').join('/')
  if (!NEEDS_NORMALIZING.test(joined)) return joined
  const out: string[] = []
  for (const part of parts.join('/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length === 0 || out[out.length - 1] === '..') out.push('..')
      else out.pop()
    } else out.push(part)
  }
  return out.join('/')
}

/** JSON with comments and trailing commas (tsconfig, jsconfig). */
export function parseJsonc(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return parseCommentedJson(text)
  }
}

function parseCommentedJson(text: string): unknown {
  return JSON.parse(withoutComments(text).replace(/,(\s*[}\]])/g, '$1'))
}

function readJson(read: ReadText, path: string): Record<string, unknown> | undefined {
  const text = read(path)
  if (text === undefined) return undefined
  try {
    const value = parseJsonc(text)
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/**
 * A tsconfig with what it extends. `loaded` keeps each config read, for the next caller: the
 * configs of a workspace's packages often extend one base with a `paths` entry for each package.
 * `${configDir}` in a path (TypeScript 5.5) is the folder of the config at `path`, whichever
 * config it was written in.
 */
export function loadTsConfig(
  read: ReadText,
  path: string,
  files: ReadonlySet<string>,
  loaded = new Map<string, TsConfig | undefined>(),
  packageDir?: (name: string) => string | undefined
): TsConfig | undefined {
  const config = loadTemplatedTsConfig(read, path, files, loaded, packageDir, new Set())
  if (!config || !config.templated) return config
  const dir = dirname(path)
  const place = (p: string): string =>
    p.startsWith(CONFIG_DIR) ? joinPath(dir, p.slice(CONFIG_DIR.length)) : p
  return {
    dir: config.dir,
    ...(config.baseUrl !== undefined && { baseUrl: place(config.baseUrl) }),
    paths: config.paths.map(({ pattern, targets }) => ({ pattern, targets: targets.map(place) }))
  }
}

/** TypeScript's template for the folder of the config a program is built from. */
const CONFIG_DIR = '${configDir}'

/** A tsconfig as read, `${configDir}` left in its paths (`templated` when any is). */
type TemplatedTsConfig = TsConfig & { templated?: boolean }

function loadTemplatedTsConfig(
  read: ReadText,
  path: string,
  files: ReadonlySet<string>,
  loaded: Map<string, TemplatedTsConfig | undefined>,
  packageDir: ((name: string) => string | undefined) | undefined,
  seen: Set<string>
): TemplatedTsConfig | undefined {
  if (loaded.has(path)) return loaded.get(path)
  const config = readTsConfig(read, path, files, loaded, packageDir, seen)
  loaded.set(path, config)
  return config
}

/** What a tsconfig `extends`: one config or a list (TypeScript 5). */
function extendsOf(json: Record<string, unknown> | undefined): unknown[] {
  const value = json?.extends
  return Array.isArray(value) ? value : value ? [value] : []
}

function readTsConfig(
  read: ReadText,
  path: string,
  files: ReadonlySet<string>,
  loaded: Map<string, TemplatedTsConfig | undefined>,
  packageDir: ((name: string) => string | undefined) | undefined,
  seen: Set<string>
): TemplatedTsConfig | undefined {
  // A config that extends itself, through others or not, is an error to tsc: the loop is cut.
  if (seen.has(path)) return undefined
  seen.add(path)
  const json = readJson(read, path)
  if (!json) return undefined
  const dir = dirname(path)
  let base: TemplatedTsConfig | undefined
  for (const ext of extendsOf(json)) {
    if (typeof ext !== 'string') continue
    const target = tsconfigExtendsTarget(ext, dir, files, packageDir, read)
    if (target) base = loadTemplatedTsConfig(read, target, files, loaded, packageDir, seen) ?? base
  }
  const options = (json.compilerOptions ?? {}) as Record<string, unknown>
  const config: TemplatedTsConfig = {
    dir: base?.dir ?? dir,
    baseUrl: base?.baseUrl,
    paths: base?.paths ?? [],
    ...(base?.templated && { templated: true })
  }
  // A path that starts with `${configDir}` stays so until the config it is used for is known.
  const from = (folder: string, path: string): string => {
    if (!path.startsWith(CONFIG_DIR)) return joinPath(folder, path)
    config.templated = true
    return path
  }
  if (typeof options.baseUrl === 'string') config.baseUrl = from(dir, options.baseUrl)
  if (options.paths && typeof options.paths === 'object') {
    const pathsBase = config.baseUrl ?? dir
    config.paths = Object.entries(options.paths as Record<string, unknown>).map(([pattern, targets]) => ({
      pattern,
      targets: (Array.isArray(targets) ? targets : [])
        .filter(t => typeof t === 'string')
        .map(t => from(pathsBase, t as string))
    }))
  }
  return config
}

export function loadPackage(read: ReadText, path: string): PackageInfo | undefined {
  const json = readJson(read, path)
  if (!json) return undefined
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
  return {
    dir: dirname(path),
    name: str(json.name),
    exports: json.exports,
    imports: json.imports,
    main: str(json.main),
    module: str(json.module),
    source: str(json.source),
    types: str(json.types) ?? str(json.typings)
  }
}

/** Workspace package folders from package.json `workspaces` and pnpm-workspace.yaml. */
export function workspaceGlobs(read: ReadText): string[] {
  const globs: string[] = []
  const root = readJson(read, 'package.json')
  const ws = root?.workspaces
  if (Array.isArray(ws)) globs.push(...ws.filter((w): w is string => typeof w === 'string'))
  else if (ws && typeof ws === 'object' && Array.isArray((ws as { packages?: unknown }).packages))
    globs.push(...((ws as { packages: unknown[] }).packages.filter(w => typeof w === 'string') as string[]))
  const pnpm = read('pnpm-workspace.yaml')
  if (pnpm) {
    for (const m of pnpm.matchAll(/^\s*-\s*['"]?([^'"\n#]+?)['"]?\s*$/gm)) {
      const glob = (m[1] as string).trim()
      if (!glob.startsWith('!')) globs.push(glob)
    }
  }
  return globs
}

// ── jest ───────────────────────────────────────────────────────────────────

const JEST_CONFIG_FILES = [
  'jest.config.js',
  'jest.config.cjs',
  'jest.config.mjs',
  'jest.config.ts',
  'jest.config.json'
]

/**
 * Reads a literal object out of a JS config file without running it: `export default {…}`,
 * `module.exports = {…}` or `const config = {…}`. Returns undefined when the object is not literal.
 */
export function literalObjectFromJs(text: string): Record<string, unknown> | undefined {
  const start =
    /(?:export\s+default|module\.exports\s*=|(?:const|let|var)\s+\w+(?:\s*:\s*[\w.<>]+)?\s*=)\s*(?:\/\*\*?[\s\S]*?\*\/\s*)?\{/.exec(
      text
    )
  if (!start) return undefined
  const open = start.index + start[0].length - 1
  let depth = 0
  let end = -1
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1
      i = j
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1
      if (i <= 0) return undefined
    } else if (c === '{') depth++
    else if (c === '}' && --depth === 0) {
      end = i
      break
    }
  }
  if (end < 0) return undefined
  return jsObjectLiteralToValue(text.slice(open, end + 1))
}

/**
 * The strings of a path written in a JS config, in order, to join to the config's folder: a
 * string, or a call that joins strings (`path.resolve(__dirname, 'src')`,
 * `fileURLToPath(new URL('./src', import.meta.url))`, `` `${__dirname}/src` ``). Strings with any
 * other hole are left out.
 */
export function pathStrings(value: string): string[] {
  return [...value.matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)]
    .map(match => (match[2] as string).replace(/^\$\{__dirname\}\/?/, ''))
    .filter(text => !text.includes('${'))
    .map(text => text.replace(/\\(.)/g, '$1'))
}

/** Index of the bracket that closes the one opening at `open`, skipping strings and comments; -1 if none. */
export function closingBracket(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1
      i = j
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1
      if (i <= 0) return -1
    } else if (c === '{' || c === '[' || c === '(') depth++
    else if ((c === '}' || c === ']' || c === ')') && --depth === 0) return i
  }
  return -1
}

/** The top-level entries of an object literal's source (`{…}`), split at commas outside brackets. */
export function objectEntries(source: string): string[] {
  const entries: string[] = []
  let start = 1
  for (let i = 1; i < source.length - 1; i++) {
    const c = source[i] as string
    if ('"\'`{[('.includes(c) || (c === '/' && (source[i + 1] === '/' || source[i + 1] === '*'))) {
      if ('{[('.includes(c)) {
        const close = closingBracket(source, i)
        if (close < 0) return entries
        i = close
      } else if (c === '/') {
        i = source[i + 1] === '/' ? source.indexOf('\n', i) : source.indexOf('*/', i + 2) + 1
        if (i < 0) break
      } else {
        let j = i + 1
        while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1
        i = j
      }
    } else if (c === ',') {
      entries.push(source.slice(start, i))
      start = i + 1
    }
  }
  entries.push(source.slice(start, source.length - 1))
  return entries
    .map(entry => entry.replace(/^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '').trim())
    .filter(entry => entry !== '')
}

/** Keys that decide which files are tests: a spread after them may replace them. */
const TEST_FILE_KEYS = ['rootDir', 'roots', 'testMatch', 'testRegex', 'testPathIgnorePatterns']

/**
 * Reads a jest config file without running it, keeping what is literal: the exported object
 * (`module.exports = {…}`, `export default {…}`, or a `const` either of them names), its literal
 * properties, and spreads of other literal `const` objects of the file. Computed properties and
 * spreads of anything else are skipped and named in `skipped`; a test-file key defined before such
 * a spread is dropped, as the spread may replace it.
 */
export function jestConfigFromJs(
  text: string
): { config: Record<string, unknown>; skipped: string[]; partial: string[] } | undefined {
  const objects = new Map<string, string>()
  for (const m of text.matchAll(
    /(?:^|[\n;])\s*(?:export\s+)?(?:const|let|var)\s+([\w$]+)(?:\s*:\s*[\w.<>]+)?\s*=\s*\{/g
  )) {
    const open = (m.index ?? 0) + m[0].length - 1
    const close = closingBracket(text, open)
    if (close > open) objects.set(m[1] as string, text.slice(open, close + 1))
  }
  const skipped: string[] = []
  const partial: string[] = []
  const objectAt = (open: number): string | undefined => {
    const close = closingBracket(text, open)
    return close > open ? text.slice(open, close + 1) : undefined
  }
  // The object (or the name of one) after `at`: `{…}`, `({…})` or `name`.
  const objectAfter = (at: number): string | undefined => {
    const next = /^\s*(?:\/\*\*?[\s\S]*?\*\/\s*)?(?:\(\s*)?(?:(\{)|([\w$]+)\s*[;)}\n])/.exec(text.slice(at))
    if (!next) return undefined
    return next[1] ? objectAt(at + next[0].length - 1) : objects.get(next[2] as string)
  }
  const exportAt = /(?:export\s+default|module\.exports\s*=)\s*/.exec(text)
  if (!exportAt) return undefined
  const after = exportAt.index + exportAt[0].length
  const rest = text.slice(after)
  let exported = objectAfter(after)
  // A config made by a function jest calls (`async () => { … return {…} }`, `() => ({…})`).
  const fn = /^(?:async\s+)?(?:function\s*[\w$]*\s*\(\s*\)\s*\{|\(\s*\)\s*=>\s*\{?)/.exec(rest)
  if (exported === undefined && fn) {
    const body = after + fn[0].length
    // A block body: the object it returns. An expression body (`() => ({…})`): the object itself.
    const returned = fn[0].endsWith('{') ? /\breturn\b/.exec(text.slice(body)) : undefined
    if (returned !== null) exported = objectAfter(body + (returned ? returned.index + 6 : 0))
  }
  // A config handed to a function that completes it (next/jest's `createJestConfig(config)`):
  // what it is given, which the function may add to.
  const wrapper = /^(?:await\s+)?([\w$.]+)\s*\(/.exec(rest)
  if (exported === undefined && wrapper) {
    exported = objectAfter(after + wrapper[0].length)
    if (exported !== undefined) partial.push(`the config given to ${wrapper[1]}(), which may add to it`)
  }
  if (exported === undefined) return undefined
  const imported = importedPaths(text)
  const read = (source: string, depth: number): Record<string, unknown> => {
    const config: Record<string, unknown> = {}
    for (const entry of objectEntries(source)) {
      const spread = /^\.\.\.\s*([\w$]+)$/.exec(entry)
      const inner = spread ? objects.get(spread[1] as string) : undefined
      if (spread && inner !== undefined && depth < 5) {
        Object.assign(config, read(inner, depth + 1))
      } else if (entry.startsWith('...')) {
        skipped.push(entry)
        for (const key of TEST_FILE_KEYS) delete config[key]
      } else {
        const value = jsObjectLiteralToValue(`{${entry}}`)
        const list = value ? undefined : listInPart(entry)
        const projects = value || list ? undefined : projectList(entry, objects, imported)
        if (value) Object.assign(config, value)
        else if (projects) config.projects = projects
        else if (list) {
          config[list.key] = list.values
          partial.push(list.how)
        } else skipped.push(entry.split(/[:(]/)[0]?.trim() ?? entry)
      }
    }
    return config
  }
  return { config: read(exported, 0), skipped, partial }
}

/**
 * A jest project that a config imports (`import unit from './jest.config.unit'`, `require(…)`):
 * `{ [IMPORTED_PROJECT]: specifier }` in its `projects`, the specifier relative to the config file.
 */
const IMPORTED_PROJECT = '\u0000imported'

/** What an imported project's specifier may leave out, as node and TypeScript find the file. */
const PROJECT_EXTENSIONS = ['', '.js', '.ts', '.cjs', '.mjs', '.cts', '.mts', '.json']

/** The local names a module binds to relative imports (`import x from './x'`, `const x = require('./x')`). */
function importedPaths(text: string): Map<string, string> {
  const names = new Map<string, string>()
  for (const m of text.matchAll(
    /\bimport\s+([\w$]+)\s+from\s+(['"])(\.{1,2}\/[^'"]+)\2|\b(?:const|let|var)\s+([\w$]+)\s*=\s*require\(\s*(['"])(\.{1,2}\/[^'"]+)\5\s*\)/g
  ))
    names.set((m[1] ?? m[4]) as string, (m[3] ?? m[6]) as string)
  return names
}

/**
 * A `projects` entry whose items are paths, literal objects, objects the module names
 * (`const unit = {…}`) or configs it imports (see IMPORTED_PROJECT); undefined for anything else.
 */
function projectList(
  entry: string,
  objects: ReadonlyMap<string, string>,
  imported: ReadonlyMap<string, string>
): unknown[] | undefined {
  const head = /^(['"]?)projects\1\s*:\s*\[/.exec(entry)
  if (!head) return undefined
  const open = head[0].length - 1
  const close = closingBracket(entry, open)
  if (close < 0 || entry.slice(close + 1).trim() !== '') return undefined
  const items: unknown[] = []
  for (const element of objectEntries(entry.slice(open, close + 1))) {
    const required = /^require\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*\)$/.exec(element)?.[2]
    const spec = required ?? imported.get(element)
    const source = objects.get(element) ?? element
    const value = spec === undefined ? jsObjectLiteralToValue(`{"item": ${source}}`)?.item : undefined
    if (spec !== undefined) items.push({ [IMPORTED_PROJECT]: spec })
    else if (typeof value === 'string' || (value && typeof value === 'object' && !Array.isArray(value)))
      items.push(value)
    else return undefined
  }
  return items
}

/** Lists whose entries only take files away from the tests: an entry left out only adds tests. */
const NARROWING_LISTS = new Set(['testPathIgnorePatterns'])
/** Lists whose entries only add tests or setup files: an extra entry only adds tests or run-alls. */
const WIDENING_LISTS = new Set(['roots', 'testMatch', 'testRegex', 'setupFiles', 'setupFilesAfterEnv'])
/** `...(condition ? [literals] : [literals])`, the condition without brackets. */
const CONDITIONAL_SPREAD =
  /^\.\.\.\s*\(?([^?[\]()]*(?:\([^()[\]]*\)[^?[\]()]*)*)\?\s*(\[[\s\S]*?\])\s*:\s*(\[[\s\S]*?\])\s*\)?$/

/**
 * A list of string literals with spreads among them (`[..., ...(process.env.X ? ['a'] : [])]`),
 * read as far as it is safe for selection: a narrowing list without what its spreads add, a
 * widening list with everything a conditional spread of literals may add. Undefined for other
 * keys, and for a widening list with any other spread.
 */
function listInPart(entry: string): { key: string; values: string[]; how: string } | undefined {
  const head = /^(['"]?)([\w$]+)\1\s*:\s*\[/.exec(entry)
  const key = head?.[2]
  const narrowing = key !== undefined && NARROWING_LISTS.has(key)
  if (!head || !key || !(narrowing || WIDENING_LISTS.has(key))) return undefined
  const open = head[0].length - 1
  const close = closingBracket(entry, open)
  if (close < 0 || entry.slice(close + 1).trim() !== '') return undefined
  const literal = (element: string): string[] | undefined => {
    const list = jsObjectLiteralToValue(`{"list": [${element}]}`)?.list
    return Array.isArray(list) && list.every(v => typeof v === 'string') ? (list as string[]) : undefined
  }
  const values: string[] = []
  for (const element of objectEntries(entry.slice(open, close + 1))) {
    if (!element.startsWith('...')) {
      const value = literal(element)
      if (!value) return undefined
      values.push(...value)
    } else if (!narrowing) {
      const branches = CONDITIONAL_SPREAD.exec(element)
      const added = branches && [branches[2], branches[3]].map(b => literal((b as string).slice(1, -1)))
      if (!added || added.some(a => a === undefined)) return undefined
      for (const a of added) values.push(...(a as string[]))
    }
  }
  return {
    key,
    values,
    how: narrowing
      ? `${key} is read without the entries its spreads add (a file only those ignore counts as a test here)`
      : `${key} is read with every entry its conditional spreads may add`
  }
}

/** Converts a literal JS object (no calls or variables) to a value; undefined if it is not literal. */
function jsObjectLiteralToValue(source: string): Record<string, unknown> | undefined {
  let out = ''
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1
      let value = ''
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\') {
          const next = source[j + 1] as string
          value += next === c ? c : '\\' + next
          j += 2
        } else value += source[j++]
      }
      if (c === '`' && value.includes('${')) return undefined
      out += JSON.stringify(value).replace(/\\\\/g, '\\')
      i = j
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++
    } else if (c === '/' && source[i + 1] === '*') {
      i = source.indexOf('*/', i + 2) + 1
    } else if (c === '/') {
      // a regular expression literal: keep its source as a string
      let j = i + 1
      while (j < source.length && source[j] !== '/') j += source[j] === '\\' ? 2 : 1
      out += JSON.stringify(source.slice(i + 1, j))
      i = j
      while (/[a-z]/.test(source[i + 1] ?? '')) i++
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i
      while (j < source.length && /[\w$]/.test(source[j] as string)) j++
      const word = source.slice(i, j)
      const after = source.slice(j).trimStart()
      if (after.startsWith(':')) out += JSON.stringify(word)
      else if (word === 'true' || word === 'false' || word === 'null') out += word
      else if (word === 'undefined') out += 'null'
      else if ((after.startsWith(',') || after.startsWith('}')) && /[{,]\s*$/.test(out))
        return undefined // shorthand
      else return undefined
      i = j - 1
    } else out += c
  }
  try {
    const value = JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'))
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

export function safeRegex(source: string, flags?: string): RegExp | undefined {
  try {
    return new RegExp(source, flags)
  } catch {
    return undefined
  }
}

/** What a folder's own config or test script says of its tests (see testSettingsOf). */
export function loadJestSettings(read: ReadText, dir: string): JestSettings | undefined {
  return testSettingsOf(read, dir, []).own
}

/** What says which files are tests under a folder: its own settings, then its vitest projects'. */
export function loadTestSettings(read: ReadText, dir: string, configs: readonly string[]): JestSettings[] {
  const { own, projects } = testSettingsOf(read, dir, configs)
  return own ? [own, ...projects] : projects
}

/**
 * The tests of a folder: its jest config, when there is one (the file its test script names,
 * `jest --config <file>`, else jest.config.*, else package.json "jest"), else its test script's
 * runner (see runnerTestSettings), with the projects of a vitest run. `configs`: the repository's
 * config files, where vitest projects given by glob are looked for.
 */
function testSettingsOf(
  read: ReadText,
  dir: string,
  configs: readonly string[]
): { own?: JestSettings; projects: JestSettings[] } {
  const { pkg, runs, named, config: found } = folderJestConfig(read, dir)
  let config = found
  if (!config && named)
    config = {
      raw: undefined,
      text: '',
      configDir: dir,
      unreadable: `${joinPath(dir, named)} (the test script's --config) is not read`
    }
  if (!config) return runnerTestSettings(read, dir, pkg, configs)
  const own = jestSettings(dir, config)
  const projects = jestPathProjects(read, config, own.rootDir, configs)
  // The other jest runs of the test script, by the configs they name.
  const ownPath = named === undefined ? undefined : joinPath(dir, named)
  for (const path of new Set(runs.map(run => joinPath(dir, run))))
    if (path !== ownPath) {
      const found = readJestConfig(read, path)
      const settings = jestSettings(
        found ? undefined : dir,
        found ?? {
          raw: {},
          text: '',
          configDir: dir,
          unreadable: `${path} (a jest run of the test script) is not read`
        }
      )
      projects.push(settings, ...(found ? jestPathProjects(read, found, settings.rootDir, configs) : []))
    }
  // A run of projects: a file is a test when one of them takes it, and loads the setup files of
  // each that does (the run's own config is one of the group, which can only add to them).
  if (projects.length) for (const settings of [own, ...projects]) settings.group = dir
  return { own, projects }
}

/**
 * The jest config a folder's settings are read from: the one its test script names (`--config`),
 * else its own (jest.config.*, else package.json's `jest`), else the first one a jest run of the
 * scripts its test script runs names (see jestRunConfigs, which are `runs`).
 */
function folderJestConfig(
  read: ReadText,
  dir: string
): { pkg?: Record<string, unknown>; runs: string[]; named?: string; config?: JestConfigFile } {
  const pkg = readJson(read, joinPath(dir, 'package.json'))
  const runs = jestRunConfigs(pkg?.scripts)
  const test = (pkg?.scripts as Record<string, unknown> | undefined)?.test
  const direct = typeof test === 'string' ? jestConfigArgument(test) : undefined
  const own = direct === undefined ? configOfFolder(read, dir, pkg) : undefined
  const named = direct ?? (own ? undefined : runs[0])
  return { pkg, runs, named, config: named === undefined ? own : readJestConfig(read, joinPath(dir, named)) }
}

/** A folder's own jest config: jest.config.*, else package.json's `jest`. */
function configOfFolder(
  read: ReadText,
  dir: string,
  pkg: Record<string, unknown> | undefined
): JestConfigFile | undefined {
  for (const name of JEST_CONFIG_FILES) {
    const found = readJestConfig(read, joinPath(dir, name))
    if (found) return found
  }
  return pkg?.jest && typeof pkg.jest === 'object'
    ? withPreset(read, {
        raw: pkg.jest as Record<string, unknown>,
        text: JSON.stringify(pkg.jest),
        configDir: dir
      })
    : undefined
}

/** A jest config read from its file (or package.json's `jest`). */
interface JestConfigFile {
  raw: Record<string, unknown> | undefined
  /** Its source, for what is looked for in it as text (ts-jest's options). */
  text: string
  /** The folder of the config file: jest resolves its rootDir from there. */
  configDir: string
  /** The config file, when it is one. */
  path?: string
  unreadable?: string
  readInPart?: string
}

/** The jest config at `path` (JSON, or a literal object in JavaScript), when the file exists. */
function readJestConfig(read: ReadText, path: string): JestConfigFile | undefined {
  const file = readJestConfigAlone(read, path)
  return file && withPreset(read, file)
}

/** A jest config's rootDir: its `rootDir` from the config's folder, else that folder. */
function configRootDir(raw: Record<string, unknown> | undefined, configDir: string): string {
  return typeof raw?.rootDir === 'string' ? joinPath(configDir, raw.rootDir) : configDir
}

/** The path or glob a `projects` item names, from the config's rootDir. */
const projectPattern = (rootDir: string, item: string): string =>
  joinPath(rootDir, item.replace(/^<rootDir>\/?/, '').replace(/\/+$/, ''))

/**
 * The file of the repository a jest config's `preset` names (its extension aside): by path
 * (`./jest.preset.js`), or in a workspace package (`@repo/jest-presets/node` is the package's
 * `node/jest-preset.js`, as jest looks a package's preset up).
 */
function presetPath(
  raw: Record<string, unknown> | undefined,
  configDir: string,
  packageDir: PackageDirs | undefined
): string | undefined {
  const preset = raw?.preset
  if (typeof preset !== 'string') return undefined
  if (/^(?:\.{1,2}\/|<rootDir>\/)/.test(preset))
    return joinPath(configRootDir(raw, configDir), preset.replace(/^<rootDir>\//, ''))
  const segments = preset.split('/')
  const nameLength = preset.startsWith('@') ? 2 : 1
  const dir = packageDir?.(segments.slice(0, nameLength).join('/'))
  return dir === undefined ? undefined : joinPath(dir, ...segments.slice(nameLength), 'jest-preset')
}

/** What a preset's path may leave out of its name, as jest finds it. */
const PRESET_EXTENSIONS = ['', '.json', '.js', '.cjs', '.mjs']

/**
 * Vue CLI's presets (`@vue/cli-plugin-unit-jest`, versions 3 to 5): the options that say which
 * files are tests, how `@/` imports resolve and whether ts-jest type-checks. They live in
 * node_modules and compute the rest (transformers' paths) when jest loads them.
 */
const VUE_CLI_PRESET = {
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  testMatch: ['**/tests/unit/**/*.spec.[jt]s?(x)', '**/__tests__/*.[jt]s?(x)']
}
const VUE_CLI_TS_PRESET = { ...VUE_CLI_PRESET, transform: { '^.+\\.tsx?$': 'ts-jest' } }

/** Presets from installed packages whose options CI Medic knows, by the name a config gives. */
const KNOWN_PRESETS = new Map<string, Record<string, unknown>>([
  ['@vue/cli-plugin-unit-jest', VUE_CLI_PRESET],
  ['@vue/cli-plugin-unit-jest/presets/default', VUE_CLI_PRESET],
  ['@vue/cli-plugin-unit-jest/presets/no-babel', VUE_CLI_PRESET],
  ['@vue/cli-plugin-unit-jest/presets/typescript', VUE_CLI_TS_PRESET],
  ['@vue/cli-plugin-unit-jest/presets/typescript-and-babel', VUE_CLI_TS_PRESET]
])

/** A known preset (see KNOWN_PRESETS) as if read from a file. */
function knownPreset(raw: Record<string, unknown> | undefined): JestConfigFile | undefined {
  const name = typeof raw?.preset === 'string' ? raw.preset : ''
  const options = KNOWN_PRESETS.get(name)
  return options && { raw: options, text: JSON.stringify(options), configDir: '', path: name }
}

/**
 * A jest config with the options of the preset it names by path or in a workspace package, as
 * jest merges them: the config's own options win; setup files add to the preset's, after them;
 * module mappings of both count, the config's first. `<rootDir>` in the preset is the config's.
 * A preset from an installed package is not read (it lives in node_modules), unless its options
 * are known (see KNOWN_PRESETS).
 */
function withPreset(read: ReadText, file: JestConfigFile): JestConfigFile {
  const path = presetPath(file.raw, file.configDir, read.packageDir)
  const preset =
    path === undefined
      ? knownPreset(file.raw)
      : PRESET_EXTENSIONS.map(ext => readJestConfigAlone(read, path + ext)).find(found => found)
  if (!file.raw || (path === undefined && !preset)) return file
  if (!preset?.raw) {
    const unreadable = preset?.unreadable ?? `${path} (its preset) is not read`
    return { ...file, unreadable: file.unreadable ? `${file.unreadable}; ${unreadable}` : unreadable }
  }
  const own = file.raw
  const merged: Record<string, unknown> = { ...preset.raw, ...own }
  for (const key of ['setupFiles', 'setupFilesAfterEnv'])
    if (own[key] !== undefined) merged[key] = [...asStrings(preset.raw[key]), ...asStrings(own[key])]
  const mappers = [preset.raw.moduleNameMapper, own.moduleNameMapper]
  if (mappers.every(mapper => mapper && typeof mapper === 'object'))
    merged.moduleNameMapper = {
      ...(own.moduleNameMapper as object),
      ...(preset.raw.moduleNameMapper as object),
      ...(own.moduleNameMapper as object)
    }
  delete merged.rootDir
  if (own.rootDir !== undefined) merged.rootDir = own.rootDir
  return {
    ...file,
    raw: merged,
    text: `${file.text}\n${preset.text}`,
    ...(preset.unreadable && {
      unreadable: file.unreadable ? `${file.unreadable}; ${preset.unreadable}` : preset.unreadable
    }),
    ...(preset.readInPart && {
      readInPart: file.readInPart ? `${file.readInPart}; ${preset.readInPart}` : preset.readInPart
    })
  }
}

/** A jest config as its file says, without its preset. */
function readJestConfigAlone(read: ReadText, path: string): JestConfigFile | undefined {
  const text = read(path)
  if (text === undefined) return undefined
  const configDir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''
  if (path.endsWith('.json')) {
    const raw = readJson(read, path)
    return { raw, text, configDir, path, ...(!raw && { unreadable: `${path} is not valid JSON` }) }
  }
  const partial = jestConfigFromJs(text)
  return {
    raw: partial?.config,
    text,
    configDir,
    path,
    ...(!partial
      ? { unreadable: `${path} is not a literal object` }
      : partial.skipped.length
        ? { unreadable: `${path}: not literal: ${partial.skipped.join(', ')}` }
        : {}),
    ...(partial?.partial.length && { readInPart: `${path}: ${partial.partial.join('; ')}` })
  }
}

/**
 * What a jest config says of the tests under `dir` (by default, where its file and rootDir are),
 * with its inline projects folded in.
 */
function jestSettings(home: string | undefined, file: JestConfigFile): JestSettings {
  const { raw, configDir, unreadable, readInPart } = file
  const configText = withoutComments(file.text)
  const typeChecked = typeCheckedByJest(configText)
  const rootDir = configRootDir(raw, configDir)
  const dir = home ?? sharedFolder(configDir, rootDir)
  const config = withInlineProjects(raw ?? {}, rootDir, configDir)
  const expand = (p: string): string => joinPath(p.replace(/<rootDir>/g, rootDir))
  const mapper: JestSettings['moduleNameMapper'] = []
  if (config.moduleNameMapper && typeof config.moduleNameMapper === 'object') {
    for (const [pattern, target] of Object.entries(config.moduleNameMapper as Record<string, unknown>)) {
      const regex = safeRegex(pattern)
      if (regex) mapper.push({ regex, targets: asStrings(target).map(t => t.replace(/<rootDir>/g, rootDir)) })
    }
  }
  return {
    dir,
    rootDir,
    roots: config.roots ? asStrings(config.roots).map(expand) : [rootDir],
    moduleNameMapper: mapper,
    moduleDirectories: asStrings(config.moduleDirectories).filter(d => d !== 'node_modules'),
    modulePaths: asStrings(config.modulePaths).map(expand),
    testMatch: asStrings(config.testMatch).map(p => p.replace(/<rootDir>\/?/g, rootDir ? rootDir + '/' : '')),
    testRegex: asStrings(config.testRegex)
      .map(source => safeRegex(source))
      .filter((r): r is RegExp => r !== undefined),
    testPathIgnorePatterns: asStrings(config.testPathIgnorePatterns)
      .map(p => safeRegex(p.replace(/<rootDir>/g, rootDir)))
      .filter((r): r is RegExp => r !== undefined),
    setupFiles: [
      ...asStrings(config.setupFiles),
      ...asStrings(config.setupFilesAfterEnv),
      ...asStrings(config.globalSetup),
      ...asStrings(config.globalTeardown)
    ].map(expand),
    unreadable,
    readInPart,
    ...(typeof config.resolver === 'string' ? { resolver: config.resolver.replace(/<rootDir>\/?/, '') } : {}),
    typeChecked,
    tsconfig: tsJestConfig(configText, rootDir, configDir),
    ...(typeChecked &&
      !/jest-preset-angular|isolatedModules['"]?\s*:\s*false/.test(configText) && {
        isolationFromTsconfig: true,
        ...(inlineTsconfigIsolates(configText) && { inlineIsolation: true })
      })
  }
}

/**
 * The tsconfig a jest config tells ts-jest to use (`tsconfig: '<rootDir>/tsconfig.spec.json'`),
 * from the repository's top. ts-jest reads a path without `<rootDir>` from the folder jest runs
 * in, taken to be the config's.
 */
function tsJestConfig(configText: string, rootDir: string, configDir: string): string | undefined {
  const named = /tsconfig['"]?\s*:\s*['"]([^'"]+\.json)['"]/.exec(configText)?.[1]
  if (named === undefined) return undefined
  return named.startsWith('<rootDir>')
    ? joinPath(rootDir, named.replace(/^<rootDir>\/?/, ''))
    : joinPath(configDir, named)
}

/**
 * The projects a jest config gives as paths (`projects: ['<rootDir>/jest.unit.config.js',
 * '<rootDir>/packages/*']`), relative to its rootDir, by glob too: a config file is read as its
 * own config; a folder by its jest config (jest.config.*, package.json's `jest`), else jest's
 * defaults. A folder whose jest config is read for it anyway (it has one) is left to that.
 */
function jestPathProjects(
  read: ReadText,
  file: JestConfigFile,
  rootDir: string,
  configs: readonly string[]
): JestSettings[] {
  const listed: unknown[] = Array.isArray(file.raw?.projects) ? file.raw.projects : []
  const items = listed.filter((item): item is string => typeof item === 'string')
  const projects: JestSettings[] = []
  const seen = new Set<string>()
  // Configs it imports: by the path, as node and TypeScript find them.
  for (const item of listed) {
    const spec =
      item && typeof item === 'object' ? (item as Record<string, unknown>)[IMPORTED_PROJECT] : undefined
    if (typeof spec !== 'string') continue
    const path = joinPath(file.configDir, spec)
    const config = PROJECT_EXTENSIONS.map(ext => readJestConfig(read, path + ext)).find(
      found => found !== undefined
    )
    projects.push(
      jestSettings(
        config ? undefined : file.configDir,
        config ?? {
          raw: {},
          text: '',
          configDir: file.configDir,
          unreadable: `${path} (a project it imports) is not read`
        }
      )
    )
  }
  const folders = [...new Set(configs.map(dirname))]
  for (const item of items) {
    const pattern = projectPattern(rootDir, item)
    const matches = /[*?{[]/.test(pattern)
      ? picomatch(pattern, { dot: true })
      : (path: string) => path === pattern
    // A config named by its path is one whatever its name (see namedConfigs, which reads it).
    const named = (path: string): boolean => isJestConfigFile(path) || path === pattern
    for (const path of configs.filter(path => matches(path) && named(path))) {
      // A folder's own config is read for the folder (its settings, deeper, decide there).
      const forFolder = folderJestConfig(read, dirname(path)).config?.path === path
      const config = seen.has(path) || forFolder ? undefined : readJestConfig(read, path)
      seen.add(path)
      if (config) projects.push(jestSettings(undefined, config))
    }
    for (const folder of folders.filter(folder => matches(folder) && !seen.has(folder))) {
      seen.add(folder)
      if (folder === file.configDir) continue
      if (!folderJestConfig(read, folder).config)
        projects.push(jestSettings(folder, { raw: {}, text: '', configDir: folder }))
    }
  }
  return projects
}

/**
 * A jest config file by its name: `jest.config.*`, and named ones (`jest.unit.config.js`,
 * `jest.config.e2e.ts`, mobx's `jest.projects.js`, NestJS's `test/jest-e2e.json`), which a test
 * script's `--config` or a config's `projects` may name.
 */
export const isJestConfigFile = (path: string): boolean =>
  path.includes('jest') &&
  /(?:^|\/)jest(?:\.[\w-]+)?\.config(?:\.[\w-]+)?\.[cm]?[jt]s(?:on)?$|(?:^|\/)jest[.-][\w.-]*\.(?:[cm]?[jt]s|json)$/.test(
    path
  )

// ── the test files of mocha, tap and node --test ───────────────────────────

/** Options of mocha that take a value: the word after them is not a spec. */
const MOCHA_VALUE_OPTIONS = new Set(
  '--require -r --reporter -R --reporter-option --reporter-options -O --timeout -t --ui -u --config --file --extension --grep -g --fgrep -f --ignore --exclude --slow -s --retries --jobs -j --package --spec --watch-files --watch-ignore --node-option -n'.split(
    ' '
  )
)

/** Scripts that run other scripts, followed this deep. */
const MAX_SCRIPT_DEPTH = 4

/**
 * The package's test script, with the scripts it runs (`npm run spec`, `yarn spec`,
 * `npm-run-all --parallel spec lint`, `run-s build:*`, `concurrently "npm:spec"`) after it, each
 * as a command of its own: `"test": "npm-run-all --parallel spec lint"` runs mocha through `spec`.
 */
function testScript(scripts: unknown): string | undefined {
  if (!scripts || typeof scripts !== 'object') return undefined
  const byName = scripts as Record<string, unknown>
  const text = (name: string): string | undefined =>
    Object.prototype.hasOwnProperty.call(byName, name) && typeof byName[name] === 'string'
      ? (byName[name] as string)
      : undefined
  if (text('test') === undefined) return undefined
  const seen = new Set<string>(['test'])
  const texts: string[] = []
  let names = ['test']
  for (let depth = 0; depth <= MAX_SCRIPT_DEPTH && names.length; depth++) {
    const next: string[] = []
    for (const name of names) {
      const script = text(name) as string
      texts.push(script)
      for (const called of scriptsCalled(script, Object.keys(byName)))
        if (!seen.has(called) && text(called) !== undefined) {
          seen.add(called)
          next.push(called)
        }
    }
    names = next
  }
  return texts.join(' ; ')
}

/** The package scripts a script runs by name (`names`: the package's scripts, for globs and `yarn x`). */
function scriptsCalled(script: string, names: readonly string[]): string[] {
  const called: string[] = []
  const matching = (pattern: string): string[] => {
    // pnpm runs every script a `/regex/` matches (`pnpm run "/^test:.*/"`).
    const regexScripts = /^\/(.+)\/$/.exec(pattern)?.[1]
    if (regexScripts !== undefined) {
      const regex = safeRegex(regexScripts)
      return regex ? names.filter(name => regex.test(name)) : []
    }
    if (!pattern.includes('*')) return [pattern]
    const regex = new RegExp(
      `^${pattern
        .split(/(\*\*|\*)/)
        .map(part =>
          part === '**' ? '.*' : part === '*' ? '[^:]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        )
        .join('')}$`
    )
    return names.filter(name => regex.test(name))
  }
  for (const words of commandsOf(script)) {
    for (const word of words) if (word.startsWith('npm:')) called.push(...matching(word.slice(4)))
    const at = words.findIndex(word => /^(?:npm|pnpm|yarn|bun)$/.test(word))
    if (at >= 0) {
      const rest = words.slice(at + 1).filter(word => !word.startsWith('-'))
      if (rest[0] === 'run' || rest[0] === 'run-script') called.push(...matching(rest[1] ?? ''))
      else if (words[at] !== 'npm' && rest[0] && names.includes(rest[0])) called.push(rest[0])
    }
    const runAll = words.findIndex(word => /^(?:\S*\/)?(?:npm-run-all2?|run-p|run-s)$/.test(word))
    if (runAll >= 0)
      for (const word of words.slice(runAll + 1)) if (!word.startsWith('-')) called.push(...matching(word))
  }
  return called
}

/**
 * Config files that others name, under names no listing rule takes, with why a change to one runs
 * every test: the configs test scripts hand jest (`jest -c config/unit.json`, also in the jest runs
 * they make through other scripts), vitest and mocha; the configs jest configs list as projects
 * by path or import, and the presets they name by path; and the configs tsconfigs extend
 * (`./config/base.json`, a workspace package's `@repo/tsconfig/base.json`). Followed as far as
 * `read` has them (see readNamedConfigs, which reads them round by round).
 */
export function namedConfigs(
  read: ReadText,
  configs: Iterable<string>,
  files: ReadonlySet<string>
): Map<string, string> {
  const named = new Map<string, string>()
  const manifests: string[] = []
  const tsconfigs: string[] = []
  const jestConfigs: string[] = []
  for (const path of configs) {
    if (path.includes('node_modules/')) continue
    if (path === 'package.json' || path.endsWith('/package.json')) {
      manifests.push(path)
      if (/"projects"|"preset"/.test(read(path) ?? '')) jestConfigs.push(path)
      if (!/--config|\s-c\s/.test(read(path) ?? '')) continue
      const scripts = readJson(read, path)?.scripts as Record<string, unknown> | undefined
      const direct = typeof scripts?.test === 'string' ? jestConfigArgument(scripts.test) : undefined
      const mochaWords = runnerArguments(scripts, MOCHA_COMMAND)
      const others = [vitestConfigArgument(scripts), mochaWords && configArgument(mochaWords)]
      const runs = [...(direct === undefined ? [] : [direct]), ...jestRunConfigs(scripts)]
      for (const config of [...runs, ...others.filter(value => value !== undefined)]) {
        const target = joinPath(dirname(path), config)
        if (/\.(?:[cm]?[jt]s|jsonc?|ya?ml)$/.test(target)) {
          named.set(target, RUNNER_CONFIG_CHANGED)
          jestConfigs.push(target)
        }
      }
    } else if (TSCONFIG_NAME.test(path)) tsconfigs.push(path)
    else if (isJestConfigFile(path)) jestConfigs.push(path)
  }
  const packageDir = workspacePackageDirs(read, manifests)
  // The configs jest configs list as projects (by path or by import), and their presets.
  for (const path of jestConfigs) {
    const text = read(path)
    if (!text?.includes('projects') && !text?.includes('preset')) continue
    const file = path.endsWith('package.json')
      ? { raw: readJson(read, path)?.jest as Record<string, unknown> | undefined, configDir: dirname(path) }
      : readJestConfigAlone(read, path)
    const preset = presetPath(file?.raw, file?.configDir ?? '', packageDir)
    const presetFile =
      preset === undefined ? undefined : PRESET_EXTENSIONS.map(ext => preset + ext).find(p => files.has(p))
    for (const target of [
      ...projectConfigFiles(file?.raw, file?.configDir ?? '', files),
      ...(presetFile === undefined ? [] : [presetFile])
    ])
      if (!named.has(target)) {
        named.set(target, RUNNER_CONFIG_CHANGED)
        jestConfigs.push(target)
      }
  }
  for (const path of tsconfigs) {
    if (!read(path)?.includes('extends')) continue
    for (const ext of extendsOf(readJson(read, path))) {
      if (typeof ext !== 'string') continue
      const target = tsconfigExtendsTarget(ext, dirname(path), files, packageDir, read)
      if (!target || named.has(target) || tsconfigs.includes(target)) continue
      named.set(target, TSCONFIG_CHANGED)
      tsconfigs.push(target)
    }
  }
  return named
}

/** The folder of each workspace package by its name, from the manifests at `manifests` (read when first asked). */
export function workspacePackageDirs(read: ReadText, manifests: readonly string[]): PackageDirs {
  let packageDirs: Map<string, string> | undefined
  return name => {
    packageDirs ??= new Map(
      manifests.flatMap(path => {
        const pkgName = readJson(read, path)?.name
        return typeof pkgName === 'string' ? [[pkgName, dirname(path)] as const] : []
      })
    )
    return packageDirs.get(name)
  }
}

/** Files outside the revision (the work tree's untracked files, its node_modules), by path from its top. */
export interface OutsideFiles {
  has(path: string): boolean
  read: ReadText
}

/** A tsconfig of the repository with the configs it extends (see tsconfigChains). */
export interface TsConfigChain {
  /** The texts of the config and of each config it extends, in the repository or outside it. */
  texts: string[]
  /** The config and the configs it extends that are in the repository. */
  paths: string[]
  /** `<config> extends <name>` for each base found neither in the repository nor outside it. */
  missing: string[]
  /**
   * Where the `include` and `files` patterns of the config and of its bases in the repository
   * start (`packages/app/src`, `shared` for `../../shared/**` there).
   */
  includes: string[]
}

/**
 * Each tsconfig of the repository with what it extends, as tsc finds it: a config of the
 * repository (a workspace package's among them); else, from `outside`, a package's in the
 * nearest node_modules that has it (`@vue/tsconfig/tsconfig.dom.json`) or a generated one
 * (`./.svelte-kit/tsconfig.json`), and what those extend in turn. Without `outside` (or when it
 * lacks one) each such base is `missing`: what it sets cannot be known.
 */
export function tsconfigChains(
  read: ReadText,
  configs: Iterable<string>,
  files: ReadonlySet<string>,
  outside?: OutsideFiles
): Map<string, TsConfigChain> {
  const paths = [...configs].filter(path => !path.includes('node_modules/'))
  const packageDir = workspacePackageDirs(
    read,
    paths.filter(path => path === 'package.json' || path.endsWith('/package.json'))
  )
  const readOutside = outside?.read ?? ((): undefined => undefined)
  const chains = new Map<string, TsConfigChain>()
  for (const config of paths) {
    if (!TSCONFIG_NAME.test(config)) continue
    const chain: TsConfigChain = { texts: [], paths: [], missing: [], includes: [] }
    const visited = new Set<string>()
    const visit = (path: string, inRepository: boolean): void => {
      const key = `${inRepository ? 'repository' : 'outside'}:${path}`
      if (visited.has(key)) return
      visited.add(key)
      const text = (inRepository ? read : readOutside)(path)
      if (text === undefined) return
      chain.texts.push(text)
      if (inRepository) chain.paths.push(path)
      const json = readJson(() => text, path)
      const dir = dirname(path)
      if (inRepository)
        for (const list of [json?.include, json?.files])
          if (Array.isArray(list))
            for (const pattern of list)
              if (typeof pattern === 'string') chain.includes.push(joinPath(dir, staticPrefix(pattern)))
      for (const ext of extendsOf(json)) {
        if (typeof ext !== 'string') continue
        const inside = inRepository ? tsconfigExtendsTarget(ext, dir, files, packageDir, read) : undefined
        if (inside) {
          visit(inside, true)
          continue
        }
        const found = outside && baseOutside(ext, dir, outside)
        if (found === undefined || outside?.read(found) === undefined)
          chain.missing.push(`${path} extends ${ext}`)
        else visit(found, false)
      }
    }
    visit(config, true)
    chains.set(config, chain)
  }
  return chains
}

/** The folders of a glob before its first wildcard: `src` for `src/lib/*`, '' for `*.ts`. */
function staticPrefix(pattern: string): string {
  const parts = pattern.split('/')
  const wild = parts.findIndex(part => /[*?{[]/.test(part))
  return (wild < 0 ? parts : parts.slice(0, wild)).join('/')
}

/** Where tsc finds the base `ext` that a config in `dir` extends, among `outside`'s files. */
function baseOutside(ext: string, dir: string, outside: OutsideFiles): string | undefined {
  if (ext.startsWith('.')) return tsconfigFile(joinPath(dir, ext), outside)
  if (ext.startsWith('/')) return undefined
  const parts = ext.split('/')
  const nameParts = ext.startsWith('@') ? 2 : 1
  const name = parts.slice(0, nameParts).join('/')
  const subpath = parts.slice(nameParts).join('/')
  for (let at = dir; ; at = dirname(at)) {
    const found = packageTsConfig(joinPath(at, 'node_modules', name), subpath, outside, outside.read)
    if (found) return found
    if (at === '') return undefined
  }
}

/**
 * The config files of the repository a jest config (`raw`, read in `configDir`) lists among its
 * projects: by a path that is not a glob (`'<rootDir>/config/unit.json'`), or by import.
 */
function projectConfigFiles(
  raw: Record<string, unknown> | undefined,
  configDir: string,
  files: ReadonlySet<string>
): string[] {
  const listed: unknown[] = Array.isArray(raw?.projects) ? raw.projects : []
  const rootDir = configRootDir(raw, configDir)
  const found: string[] = []
  for (const item of listed) {
    if (typeof item === 'string') {
      const path = projectPattern(rootDir, item)
      if (!/[*?{[]/.test(path) && /\.(?:[cm]?[jt]s|json)$/.test(path) && files.has(path)) found.push(path)
      continue
    }
    const spec =
      item && typeof item === 'object' ? (item as Record<string, unknown>)[IMPORTED_PROJECT] : undefined
    if (typeof spec !== 'string') continue
    const path = joinPath(configDir, spec)
    const file = PROJECT_EXTENSIONS.map(ext => path + ext).find(candidate => files.has(candidate))
    if (file) found.push(file)
  }
  return found
}

/**
 * The file a tsconfig's `extends` names, when it is in the repository: a path from the config's
 * folder (`.json` may be left out), or a config a package ships, in node_modules or, for a
 * workspace package (`packageDir`), in its folder, found as tsc finds it (see packageTsConfig).
 */
export function tsconfigExtendsTarget(
  ext: string,
  dir: string,
  files: ReadonlySet<string>,
  packageDir?: (name: string) => string | undefined,
  read?: ReadText
): string | undefined {
  if (ext.startsWith('.')) return tsconfigFile(joinPath(dir, ext), files)
  const inModules = tsconfigFile(joinPath('node_modules', ext), files)
  if (inModules) return inModules
  const parts = ext.split('/')
  const nameParts = ext.startsWith('@') ? 2 : 1
  const folder = packageDir?.(parts.slice(0, nameParts).join('/'))
  if (folder === undefined) return undefined
  return packageTsConfig(folder, parts.slice(nameParts).join('/'), files, read)
}

/** `path`, or `path.json`, when `files` has it. */
function tsconfigFile(path: string, files: Pick<ReadonlySet<string>, 'has'>): string | undefined {
  return files.has(path) ? path : files.has(path + '.json') ? path + '.json' : undefined
}

/**
 * The config a package at `folder` gives for `subpath` ('' for the package's name alone), as tsc
 * looks it up: through the package's `exports` when it has them (and nothing they do not export),
 * otherwise its `tsconfig` field or tsconfig.json for the name alone, and the file (`.json` may be
 * left out) or the folder's tsconfig.json for a subpath.
 */
function packageTsConfig(
  folder: string,
  subpath: string,
  files: Pick<ReadonlySet<string>, 'has'>,
  read: ReadText | undefined
): string | undefined {
  const manifest =
    read && files.has(joinPath(folder, 'package.json'))
      ? readJson(read, joinPath(folder, 'package.json'))
      : undefined
  if (manifest?.exports !== undefined && manifest.exports !== null) {
    const exported = exportedPath(manifest.exports, subpath ? `./${subpath}` : '.')
    return exported === undefined ? undefined : tsconfigFile(joinPath(folder, exported), files)
  }
  if (subpath)
    return (
      tsconfigFile(joinPath(folder, subpath), files) ??
      tsconfigFile(joinPath(folder, subpath, 'tsconfig.json'), files)
    )
  const field =
    typeof manifest?.tsconfig === 'string'
      ? tsconfigFile(joinPath(folder, manifest.tsconfig), files)
      : undefined
  return field ?? tsconfigFile(joinPath(folder, 'tsconfig.json'), files)
}

/** The conditions tsc matches in `exports` when it looks a config up. */
const TSCONFIG_CONDITIONS = new Set(['node', 'require', 'types', 'default'])

/**
 * The entry of a package's `exports` or `imports` map that `key` (`.`, `./sub`, `#name`) takes, as
 * Node matches them: the map itself for `.` when it is a target or a conditions object; the key
 * itself; else the `*` pattern (or, deprecated, the folder key ending in `/`) with the longest
 * prefix. `star` is what its `*` (or the folder) stands for. Undefined when the map has none.
 */
export function exportsEntry(
  map: unknown,
  key: string
): { value: unknown; star: string; folder: boolean } | undefined {
  if (map === undefined || map === null) return undefined
  if (typeof map !== 'object' || Array.isArray(map))
    return key === '.' ? { value: map, star: '', folder: false } : undefined
  const entries = map as Record<string, unknown>
  const keys = Object.keys(entries)
  if (keys.length && !keys.some(k => k.startsWith('.') || k.startsWith('#')))
    return key === '.' ? { value: entries, star: '', folder: false } : undefined
  if (key in entries && !key.includes('*')) return { value: entries[key], star: '', folder: false }
  let best: { prefix: number; value: unknown; star: string; folder: boolean } | undefined
  for (const pattern of keys) {
    const star = pattern.indexOf('*')
    const prefix = star < 0 ? pattern : pattern.slice(0, star)
    const suffix = star < 0 ? '' : pattern.slice(star + 1)
    const matches =
      star < 0
        ? pattern.endsWith('/') && key.startsWith(pattern)
        : key.startsWith(prefix) && key.endsWith(suffix) && key.length >= prefix.length + suffix.length
    if (matches && (!best || prefix.length > best.prefix))
      best = {
        prefix: prefix.length,
        value: entries[pattern],
        star: key.slice(prefix.length, key.length - suffix.length),
        folder: star < 0
      }
  }
  return best && { value: best.value, star: best.star, folder: best.folder }
}

/**
 * The path an `exports` map gives for `key` (`.`, `./base`) when tsc looks a config up: its entry
 * (see exportsEntry), and in a conditions object the first key (in its order) that is one of
 * TSCONFIG_CONDITIONS; undefined when the map does not export it.
 */
function exportedPath(exportsMap: unknown, key: string): string | undefined {
  const entry = exportsEntry(exportsMap, key)
  return entry && conditionalPath(entry.value, entry.star, entry.folder)
}

function conditionalPath(value: unknown, star: string, folder: boolean): string | undefined {
  if (typeof value === 'string') return folder ? value + star : value.replace(/\*/g, star)
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = conditionalPath(item, star, folder)
      if (found !== undefined) return found
    }
    return undefined
  }
  if (!value || typeof value !== 'object') return undefined
  for (const [condition, target] of Object.entries(value)) {
    const found = TSCONFIG_CONDITIONS.has(condition) ? conditionalPath(target, star, folder) : undefined
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * The configs (`--config`, `-c`) the jest runs of the package's test script name, through the
 * scripts it runs (see testScript), as written.
 */
export function jestRunConfigs(scripts: unknown): string[] {
  const script = testScript(scripts)
  return script === undefined ? [] : jestConfigArguments(script)
}

/**
 * The words the package's test script (or a script it runs) gives a runner: `mocha --require
 * ./setup 'test/**'` gives `['--require', './setup', 'test/**']`.
 */
export function runnerArguments(scripts: unknown, runner: RegExp): string[] | undefined {
  const script = testScript(scripts)
  return script === undefined ? undefined : commandWords(script, runner)
}

export const VITEST_COMMAND = /^(?:\S*\/)?vitest$/
export const MOCHA_COMMAND = /^(?:\S*\/)?_?mocha$/

/**
 * The config the package's test script (or a script it runs) hands vitest (`vitest run --config
 * vitest.unit.config.ts`), relative to the package's folder.
 */
export function vitestConfigArgument(scripts: unknown): string | undefined {
  const words = runnerArguments(scripts, VITEST_COMMAND)
  return words && configArgument(words, '-c')
}

/**
 * What the package's test script tells vitest of type checking: `--typecheck` (or
 * `--typecheck.enabled`) turns it on, `--typecheck.only` runs only the type tests. Undefined when
 * it says nothing of it.
 */
export function vitestTypecheckArguments(scripts: unknown): { enabled: true; only?: true } | undefined {
  return typecheckOf(runnerArguments(scripts, VITEST_COMMAND) ?? [])
}

function typecheckOf(words: readonly string[]): { enabled: true; only?: true } | undefined {
  if (!words.some(word => /^--typecheck(?:\.enabled|\.only)?$/.test(word))) return undefined
  return words.includes('--typecheck.only') ? { enabled: true, only: true } : { enabled: true }
}

/**
 * The words after command `name` in a test script (up to `&&`, `||`, `;` or `|`), in the first
 * command that has `flag` among them when one is given.
 */
function commandWords(script: string, name: RegExp, flag?: string): string[] | undefined {
  for (const words of commandsOf(script)) {
    const at = words.findIndex(word => name.test(word))
    const after = words.slice(at + 1)
    if (at >= 0 && (flag === undefined || after.includes(flag))) return after
  }
  return undefined
}

/**
 * Whether a value mocha `--require`s names a file of the repository (`./setup`, `test/support/env`)
 * rather than a package (`ts-node/register` passes too, and resolves to nothing).
 */
const namesAFile = (value: string): boolean => /^\.{0,2}\/|^[\w-]+\/[\w./-]+$/.test(value)

/** The test-file patterns of a spec (a file, a glob or a folder), relative to the package's folder. */
function specPatterns(dir: string, spec: string, recursive: boolean, extensions: string[]): string[] {
  const path = joinPath(dir, spec.replace(/^\.\//, '').replace(/\/+$/, ''))
  if (/[*?{[]/.test(spec) || /\.[cm]?[jt]sx?$/.test(spec)) return [path]
  return [`${path ? path + '/' : ''}${recursive ? '**/' : ''}*.{${extensions.join(',')}}`]
}

/**
 * The tests of a package whose test script runs mocha, tap, `node --test`, AVA, tape or uvu (no
 * jest config): the specs the script names, else its config's (`.mocharc.*`, package.json `mocha`
 * or `ava.files`), else the runner's defaults (tape and uvu have none: their files must be named);
 * with mocha's `--require`d local files as setup files.
 */
function runnerTestSettings(
  read: ReadText,
  dir: string,
  pkg: Record<string, unknown> | undefined,
  configs: readonly string[]
): { own?: JestSettings; projects: JestSettings[] } {
  const none = { projects: [] }
  const script = testScript(pkg?.scripts)
  if (script === undefined) return none
  let testMatch: string[] | undefined
  const setupFiles: string[] = []
  const mocha = commandWords(script, MOCHA_COMMAND)
  const tap = mocha ? undefined : commandWords(script, /^(?:\S*\/)?tap$/)
  const nodeTest = mocha || tap ? undefined : commandWords(script, /^node$/, '--test')
  const ava = mocha || tap || nodeTest ? undefined : commandWords(script, /^(?:\S*\/)?ava$/)
  const tape =
    mocha || tap || nodeTest || ava ? undefined : commandWords(script, /^(?:\S*\/)?(?:tape|tape-es|uvu)$/)
  const vitest = mocha || tap || nodeTest || ava || tape ? undefined : commandWords(script, VITEST_COMMAND)
  const ignored: RegExp[] = []
  if (mocha) {
    const rc = mochaConfig(read, dir, pkg, configArgument(mocha))
    const specs: string[] = []
    let recursive = rc.recursive
    const extensions = ['js', 'cjs', 'mjs', ...rc.extensions]
    for (let i = 0; i < mocha.length; i++) {
      const word = mocha[i] as string
      if (word === '--recursive') recursive = true
      else if (word === '--extension') extensions.push(mocha[i + 1] ?? '')
      if ((word === '--require' || word === '-r' || word === '--file') && namesAFile(mocha[i + 1] ?? ''))
        setupFiles.push(joinPath(dir, mocha[i + 1] as string))
      if (word === '--spec') specs.push(mocha[i + 1] ?? '')
      else if (!word.startsWith('-') && !MOCHA_VALUE_OPTIONS.has(mocha[i - 1] ?? '')) specs.push(word)
    }
    setupFiles.push(...rc.setupFiles.map(file => joinPath(dir, file)))
    const chosen = specs.length ? specs : rc.specs.length ? rc.specs : ['test']
    testMatch = chosen.flatMap(spec => specPatterns(dir, spec, recursive, extensions))
  } else if (tap) {
    const specs = tap.filter(word => !word.startsWith('-'))
    testMatch = specs.length
      ? specs.flatMap(spec => specPatterns(dir, spec, true, ['js', 'cjs', 'mjs', 'jsx', 'ts', 'tsx']))
      : [`${dir ? dir + '/' : ''}{test,tests,__tests__}/**/*.{js,cjs,mjs,jsx,ts,tsx}`]
  } else if (nodeTest) {
    // Not the value of one of node's options (`--import tsx`, `-r ./setup.js`); a local file node
    // loads first, in each test file's process, is a setup file.
    const specs = nodeTest.filter(
      (word, i) => !word.startsWith('-') && !NODE_OPTIONS_WITH_VALUE.has(nodeTest[i - 1] ?? '')
    )
    nodeTest.forEach((word, i) => {
      const value = nodeTest[i + 1] ?? ''
      if (/^(?:-r|--require|--import)$/.test(word) && /^\.{0,2}\//.test(value))
        setupFiles.push(joinPath(dir, value))
    })
    testMatch = specs.length
      ? specs.flatMap(spec => specPatterns(dir, spec, true, ['js', 'cjs', 'mjs']))
      : [
          `${dir ? dir + '/' : ''}**/{test,test-*,*.test,*-test,*_test}.{js,cjs,mjs}`,
          `${dir ? dir + '/' : ''}**/test/**/*.{js,cjs,mjs}`
        ]
  } else if (ava) {
    const configured = asStrings((pkg?.ava as Record<string, unknown> | undefined)?.files)
    const specs = [...ava.filter(word => !word.startsWith('-')), ...configured].filter(
      g => !g.startsWith('!')
    )
    const base = dir ? dir + '/' : ''
    const kinds = ['js', 'cjs', 'mjs', 'jsx', 'ts', 'cts', 'mts', 'tsx']
    const extensions = `{${kinds.join(',')}}`
    testMatch = specs.length
      ? specs.flatMap(spec => specPatterns(dir, spec, true, kinds))
      : [
          `${base}{test,src/test,source/test}.${extensions}`,
          `${base}**/{test-*,*.spec,*.test}.${extensions}`,
          `${base}**/{test,tests,__tests__}/**/*.${extensions}`
        ]
    // AVA's helpers and fixtures, and files whose name starts with `_`, are not tests.
    ignored.push(/\/(?:__)?(?:helpers?|fixtures?)(?:__)?\//, /(?:^|\/)_[^/]*$/)
  } else if (tape) {
    const specs = tape.filter(
      (word, i) => !word.startsWith('-') && !MOCHA_VALUE_OPTIONS.has(tape[i - 1] ?? '')
    )
    if (specs.length) testMatch = specs.flatMap(spec => specPatterns(dir, spec, false, ['js', 'cjs', 'mjs']))
  } else if (vitest) {
    let config = vitestConfig(read, dir, configArgument(vitest, '-c'))
    // `vitest --typecheck` type-checks vitest's type test names, unless the config lists others.
    if (typecheckOf(vitest) && !config?.typeChecks)
      config = { ...(config ?? vitestTestBlock('')), typeChecks: VITEST_TYPECHECK_INCLUDE }
    const list = vitestProjectList(read, dir, config)
    const projects = list === undefined ? [] : vitestProjects(read, dir, configs, config, list)
    // A config that says nothing of the tests leaves the conventional names (see makeTestMatcher).
    if (
      !config ||
      config.include.length +
        config.exclude.length +
        config.setupFiles.length +
        (config.typeChecks?.length ?? 0) ===
        0
    )
      return { projects }
    const own = vitestSettings(dir, config)
    if (list !== undefined) own.group = dir
    return { own, projects }
  }
  if (!testMatch) return none
  const own: JestSettings = {
    dir,
    rootDir: dir,
    roots: [dir],
    moduleNameMapper: [],
    moduleDirectories: [],
    modulePaths: [],
    // Conventional names (`*.test.js`) stay tests, as they were without this package's runner.
    testMatch: [...testMatch, `${dir ? dir + '/' : ''}**/{__tests__/**/*,*.test.*,*.spec.*}`],
    testRegex: [],
    testPathIgnorePatterns: [/\/node_modules\//, ...ignored],
    setupFiles,
    typeChecked: false
  }
  return { own, projects: [] }
}

/** What a vitest config's test block (see vitestTestBlock) makes of the tests under `folder`. */
function vitestSettings(
  folder: string,
  block: VitestTestBlock,
  inherited: readonly string[] = [],
  conventional = true
): JestSettings {
  const root = joinPath(folder, block.root ?? '')
  // The folder the project's tests are under: its root, or with a root outside the config's
  // folder (`root: '..'`), the folder holding both.
  const home = isUnder(root, folder) ? root : sharedFolder(root, folder)
  const base = joinPath(root, block.dir)
  const under = (glob: string): string => joinPath(base, glob.replace(/^\.\//, ''))
  const typeChecks = block.typeChecks?.map(under)
  // With type checking on, vitest collects the files it type-checks too.
  const testMatch = [
    ...(block.include.length ? block.include.map(under) : VITEST_INCLUDE.map(under)),
    ...(typeChecks ?? [])
  ]
  // jest's ignore patterns are tried against the path with a `/` before it.
  const ignored = block.exclude.map(glob => {
    const regex = picomatch.makeRe(under(glob), { dot: true })
    return new RegExp(`^/${regex.source.replace(/^\^/, '')}`)
  })
  return {
    dir: home,
    rootDir: home,
    roots: [home],
    moduleNameMapper: [],
    moduleDirectories: [],
    modulePaths: [],
    // Conventional names (`*.test.js`) stay tests, as they were without this config (a project of
    // a run takes its own only: those of the others are theirs).
    testMatch: conventional
      ? [...testMatch, `${home ? home + '/' : ''}**/{__tests__/**/*,*.test.*,*.spec.*}`]
      : testMatch,
    testRegex: [],
    testPathIgnorePatterns: [/\/node_modules\//, ...ignored],
    setupFiles: [...new Set([...inherited, ...block.setupFiles.map(file => joinPath(root, file))])],
    typeChecked: false,
    ...(typeChecks && { typeChecks })
  }
}

/** Is `path` the folder `folder` or under it? */
const isUnder = (path: string, folder: string): boolean =>
  folder === '' ? !path.startsWith('..') : path === folder || path.startsWith(folder + '/')

/** The deepest folder that holds both. */
function sharedFolder(a: string, b: string): string {
  const left = a.split('/')
  const right = b.split('/')
  let n = 0
  while (n < left.length && left[n] === right[n] && left[n] !== '..') n++
  return left.slice(0, n).join('/')
}

/** A vitest or vite config, named variants too (`vitest.config.solid.mts`, `vitest.compile.config.ts`). */
const VITEST_CONFIG_FILE = /(?:^|\/)vite(?:st)?(?:\.[\w-]+)?\.config(?:\.[\w-]+)?\.[cm]?[jt]s$/
const VITEST_WORKSPACE_NAMES = ['json', 'ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map(
  ext => `vitest.workspace.${ext}`
)

/**
 * Whether `path` is a file that may say what a vitest project tests: a config, a workspace file,
 * or a file of vitest options that configs build on (`vitest.shared.ts`, `vitest.root.mjs`).
 */
export const isVitestProjectFile = (path: string): boolean =>
  path.includes('vite') &&
  (VITEST_CONFIG_FILE.test(path) ||
    /(?:^|\/)vitest\.(?!setup\b)[\w.-]+\.[cm]?[jt]s$/.test(path) ||
    VITEST_WORKSPACE_NAMES.includes(path.slice(path.lastIndexOf('/') + 1)))

/**
 * The source of the array that lists the projects of the vitest run in `dir`: its config's
 * `test.projects` (vitest 3.2; `test.workspace` before), else a `vitest.workspace` file's.
 */
function vitestProjectList(
  read: ReadText,
  dir: string,
  config: VitestTestBlock | undefined
): string | undefined {
  if (config?.projects) return config.projects
  for (const name of VITEST_WORKSPACE_NAMES) {
    const text = read(joinPath(dir, name))
    if (text === undefined) continue
    if (name.endsWith('.json')) return text.trim().startsWith('[') ? text.trim() : undefined
    const exported = /\bexport\s+default\b/.exec(text)
    const open = exported ? text.indexOf('[', exported.index) : -1
    const close = open < 0 ? -1 : closingBracket(text, open)
    return close > open ? text.slice(open, close + 1) : undefined
  }
  return undefined
}

/**
 * The projects of the vitest run in `dir`, whose config is `root` and whose project list (see
 * vitestProjectList) is `list`. An item is a folder or a config file, by path or glob (`!` leaves some out),
 * or an inline project (`{ test: {…} }`). A folder's project is its vitest (else vite) config; a
 * folder without one takes vitest's default names. Each project says what is a test, and which
 * setup files run first, under its folder; one that builds on the run's config (`extends`,
 * `mergeConfig`) has that config's setup files too. `configs`: the repository's config files.
 */
function vitestProjects(
  read: ReadText,
  dir: string,
  configs: readonly string[],
  root: VitestTestBlock | undefined,
  list: string
): JestSettings[] {
  // What a project builds on (`extends`, `mergeConfig`): the run's config and the configs it
  // imports by path (`import shared from '../../vitest.shared'`), whose setup files it has too. A
  // setup file written `resolve(__dirname, 'setup.ts')` is in the folder of the file that names
  // it, and one written './setup.ts' in the project's: both are taken (those that exist count).
  const inherited = (text: string, folder: string): string[] => {
    if (!/\bmergeConfig\s*\(|\bextends\s*:/.test(text)) return []
    const named: Array<{ from: string; files: string[] }> = [{ from: dir, files: root?.setupFiles ?? [] }]
    const built = [...importedPaths(text).values()].map(spec => joinPath(folder, spec))
    // `extends: './vitest.base.ts'`: from the project's folder, or the run's.
    const extended = /\bextends\s*:\s*(['"])([^'"]+)\1/.exec(text)?.[2]
    if (extended) built.push(joinPath(folder, extended), joinPath(dir, extended))
    for (const path of new Set(built)) {
      const stem = path.replace(/\.[cm]?[jt]s$/, '')
      for (const candidate of [
        path,
        ...['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map(ext => `${stem}.${ext}`)
      ]) {
        const imported = read(candidate)
        if (imported === undefined) continue
        named.push({ from: dirname(candidate), files: vitestTestBlock(imported).setupFiles })
        break
      }
    }
    return named.flatMap(({ from, files }) =>
      files.flatMap(file => [joinPath(from, file), joinPath(folder, file)])
    )
  }
  const candidates = configs.filter(path => VITEST_CONFIG_FILE.test(path))
  const projects = new Map<string, JestSettings>()
  const left = new Set<string>()
  for (const item of objectEntries(list)) {
    if (item.startsWith('{')) {
      // Its root is the declaring config's (the run's folder) unless it gives one, in its test
      // block or beside it.
      const block = vitestTestBlock(item)
      const root = block.root ?? (/\broot\s*:\s*(['"])([^'"]*)\1/.exec(item)?.[2] || undefined)
      projects.set(
        `${projects.size}\u0000inline`,
        vitestSettings(dir, { ...block, root }, inherited(item, joinPath(dir, root ?? '')), false)
      )
      continue
    }
    const [value] = /^['"`]/.test(item) ? pathStrings(item) : []
    if (value === undefined) continue
    const negated = value.startsWith('!')
    const pattern = joinPath(dir, value.replace(/^!/, '').replace(/^\.\//, '').replace(/\/+$/, ''))
    const matches = /[*?{[]/.test(pattern)
      ? picomatch(pattern, { dot: true })
      : (path: string) => path === pattern
    // A folder's config: vitest's before vite's, in VITEST_CONFIG_NAMES order.
    const byFolder = new Map<string, string>()
    for (const name of VITEST_CONFIG_NAMES)
      for (const path of candidates)
        if (path.endsWith('/' + name) || path === name) {
          const folder = dirname(path)
          if (matches(folder) && !byFolder.has(folder)) byFolder.set(folder, path)
        }
    const files = [...byFolder.values(), ...candidates.filter(path => matches(path))]
    // A folder without a config is a project of vitest's defaults (folders known by a config file
    // of theirs, package.json say).
    const bare = [...new Set(configs.map(dirname))].filter(folder => matches(folder) && !byFolder.has(folder))
    // Keyed by config file, or by folder for one without.
    const found = [
      ...files.map(path => ({ key: path, text: read(path), folder: dirname(path) })),
      ...bare.map(folder => ({ key: folder, text: '', folder }))
    ]
    for (const { key, text, folder } of found) {
      if (negated) left.add(key)
      else if (text !== undefined)
        projects.set(key, vitestSettings(folder, vitestTestBlock(text), inherited(text, folder), false))
    }
  }
  return [...projects]
    .filter(([path]) => !left.has(path))
    .map(([, settings]) => ({ ...settings, group: dir }))
}

/** Vitest's default `test.include`. */
const VITEST_INCLUDE = ['**/*.{test,spec}.?(c|m)[jt]s?(x)']
/** Vitest's default `test.typecheck.include`. */
const VITEST_TYPECHECK_INCLUDE = ['**/*.{test,spec}-d.?(c|m)[jt]s?(x)']

const VITEST_CONFIG_NAMES = ['vitest', 'vite'].flatMap(name =>
  ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map(ext => `${name}.config.${ext}`)
)

/**
 * What the `test` block of a package's vitest (or vite) config says of its tests, read without
 * running it: the paths of `include`, `exclude`, `setupFiles` and `globalSetup` (strings, or calls
 * that join them, see pathStrings; lists the file names, spread or not; `...configDefaults.include`
 * as vitest's default names; another spread is left out, and an include list read in part keeps
 * the default names), and `dir`. Undefined without a config file; empty lists when it has no
 * `test` block.
 */
/**
 * The test block of the vitest config in `dir`: the one the test script names (`named`, whose
 * paths are still from `dir`, where vitest runs), else vitest's default names.
 */
function vitestConfig(read: ReadText, dir: string, named?: string): VitestTestBlock | undefined {
  let text: string | undefined
  if (named !== undefined) text = read(joinPath(dir, named))
  else for (const name of VITEST_CONFIG_NAMES) if ((text = read(joinPath(dir, name))) !== undefined) break
  return text === undefined ? undefined : vitestTestBlock(text)
}

interface VitestTestBlock {
  include: string[]
  exclude: string[]
  setupFiles: string[]
  dir: string
  /**
   * The folder its paths are relative to (`root`), from the config's folder: vitest resolves a
   * project config's root from its own folder, and that of the run's config from the working
   * folder, where the package's test script runs.
   */
  root?: string
  /** The source of its `projects` (or older `workspace`) array, when it has one. */
  projects?: string
  /** `typecheck.include`, when the block has a `typecheck` object that lists one. */
  typeChecks?: string[]
}

/** The entries of the `test: {…}` block in a vitest config's (or an inline project's) text, by key. */
function testBlockEntries(text: string): Map<string, string> {
  const open = /\btest\s*:\s*\{/.exec(text)
  const start = open ? open.index + open[0].length - 1 : -1
  const end = start < 0 ? -1 : closingBracket(text, start)
  // The block's own entries (not those of the `coverage` block inside it), by key.
  const entries = new Map<string, string>()
  if (end > start)
    for (const entry of objectEntries(text.slice(start, end + 1))) {
      const pair = /^['"]?([\w$]+)['"]?\s*:\s*([\s\S]*)$/.exec(entry)
      if (pair) entries.set(pair[1] as string, (pair[2] as string).trim())
    }
  return entries
}

/** What the `test` block of a vitest config's text says of its tests (see vitestConfig). */
function vitestTestBlock(text: string): VitestTestBlock {
  const entries = testBlockEntries(text)
  // Lists the config names (`const testFiles = ['checks/**']`, `include: testFiles`, `...testFiles`).
  const lists = new Map<string, string>()
  for (const m of text.matchAll(/\b(?:const|let|var)\s+([\w$]+)(?:\s*:\s*[\w.<>[\]]+)?\s*=\s*\[/g)) {
    const open = (m.index ?? 0) + m[0].length - 1
    const close = closingBracket(text, open)
    if (close > open) lists.set(m[1] as string, text.slice(open, close + 1))
  }
  /** The paths of a list, and whether an item of it could not be read. */
  const pathsIn = (value: string, depth = 0): { paths: string[]; unread: boolean } => {
    const named = lists.get(value)
    if (named !== undefined && depth < 3) return pathsIn(named, depth + 1)
    const found: string[] = []
    let unread = false
    for (const item of value.startsWith('[') ? objectEntries(value) : [value]) {
      const spread = /^\.\.\.\s*([\w$.]+)$/.exec(item)?.[1]
      if (spread === 'configDefaults.include' || spread === 'defaultInclude') found.push(...VITEST_INCLUDE)
      else if (spread !== undefined && lists.has(spread) && depth < 3) {
        const inner = pathsIn(spread, depth + 1)
        found.push(...inner.paths)
        unread ||= inner.unread
      } else {
        const strings = item.startsWith('...') ? [] : pathStrings(item)
        if (strings.length) found.push(joinPath(...strings))
        else unread = true
      }
    }
    return { paths: found, unread }
  }
  const paths = (key: string): string[] => {
    const value = entries.get(key)
    return value ? pathsIn(value).paths : []
  }
  // An include list read in part (`[...shared.include, 'checks/**']`) keeps vitest's default
  // names: what the rest adds is not known, and those are the likeliest.
  const included = entries.has('include') ? pathsIn(entries.get('include') as string) : undefined
  const include =
    included?.unread && included.paths.length
      ? [...included.paths, ...VITEST_INCLUDE]
      : (included?.paths ?? [])
  const projects = entries.get('projects') ?? entries.get('workspace')
  const root = paths('root')[0] ?? exportedRoot(text)
  // `typecheck: { enabled: true, include: […] }`: an include list, else vitest's type test names.
  const typecheck = entries.get('typecheck')
  const typecheckEntries = typecheck?.startsWith('{') ? objectEntries(typecheck) : []
  const typecheckInclude = typecheckEntries
    .map(entry => /^['"]?include['"]?\s*:\s*([\s\S]*)$/.exec(entry)?.[1])
    .find(value => value !== undefined)
  const typeChecks =
    typecheckInclude !== undefined
      ? pathsIn(typecheckInclude.trim()).paths
      : typecheckEntries.some(entry => /^['"]?enabled['"]?\s*:\s*true$/.test(entry))
        ? VITEST_TYPECHECK_INCLUDE
        : undefined
  return {
    include: [...new Set(include)],
    exclude: paths('exclude'),
    setupFiles: [...paths('setupFiles'), ...paths('globalSetup')],
    dir: paths('dir')[0] ?? '',
    ...(root !== undefined && { root }),
    ...(projects?.startsWith('[') && { projects }),
    ...(typeChecks?.length && { typeChecks })
  }
}

/**
 * The `root` of the object a config exports (`export default defineConfig({ root: 'src', … })`,
 * vite's option, which vitest takes too), when it is a path written out.
 */
function exportedRoot(text: string): string | undefined {
  const exported = /\bexport\s+default\b|\bmodule\.exports\s*=/.exec(text)
  const open = exported ? text.indexOf('{', exported.index) : -1
  const close = open < 0 ? -1 : closingBracket(text, open)
  if (close < 0) return undefined
  for (const entry of objectEntries(text.slice(open, close + 1))) {
    const pair = /^['"]?root['"]?\s*:\s*([\s\S]*)$/.exec(entry)
    const strings = pair ? pathStrings(pair[1] as string) : []
    if (strings.length) return joinPath(...strings)
  }
  return undefined
}

/**
 * What a package's mocha config (`.mocharc.json`, `.yml`, a literal `.mocharc.js`, package.json
 * `mocha`) says of its tests.
 */
function mochaConfig(
  read: ReadText,
  dir: string,
  pkg: Record<string, unknown> | undefined,
  named?: string
): { specs: string[]; recursive: boolean; extensions: string[]; setupFiles: string[] } {
  let config: Record<string, unknown> | undefined
  // The file the test script names (`mocha --config test/mocharc.yml`), whatever its name.
  const path = named === undefined ? undefined : joinPath(dir, named)
  const text = path === undefined ? undefined : read(path)
  if (path !== undefined && text !== undefined)
    config = /\.jsonc?$/.test(path)
      ? (parseJsonc(text) as Record<string, unknown> | undefined)
      : /\.ya?ml$/.test(path)
        ? yamlObject(text)
        : jestConfigFromJs(text)?.config
  for (const name of ['.mocharc.json', '.mocharc.jsonc']) config ??= readJson(read, joinPath(dir, name))
  for (const name of ['.mocharc.yml', '.mocharc.yaml']) {
    const text = read(joinPath(dir, name))
    if (text !== undefined && !config) config = yamlObject(text)
  }
  for (const name of ['.mocharc.js', '.mocharc.cjs']) {
    const text = read(joinPath(dir, name))
    if (text !== undefined && !config) config = jestConfigFromJs(text)?.config
  }
  if (!config && pkg?.mocha && typeof pkg.mocha === 'object') config = pkg.mocha as Record<string, unknown>
  return {
    specs: asStrings(config?.spec),
    recursive: config?.recursive === true || config?.recursive === 'true',
    extensions: asStrings(config?.extension),
    setupFiles: [...asStrings(config?.require), ...asStrings(config?.file)].filter(namesAFile)
  }
}

/** The top-level `key: value` and `key:` + `- item` lists of a simple YAML file. */
function yamlObject(text: string): Record<string, unknown> {
  const config: Record<string, unknown> = {}
  let list: string[] | undefined
  for (const line of text.split('\n')) {
    const item = /^\s+-\s*(.+?)\s*$/.exec(line)
    if (item && list) {
      list.push((item[1] as string).replace(/^['"]|['"]$/g, ''))
      continue
    }
    const entry = /^([\w-]+):\s*(.*?)\s*$/.exec(line)
    if (!entry) continue
    const value = (entry[2] as string).replace(/^['"]|['"]$/g, '')
    if (value === '') config[entry[1] as string] = list = []
    else {
      list = undefined
      config[entry[1] as string] = value.startsWith('[')
        ? value
            .slice(1, -1)
            .split(',')
            .map(v => v.trim().replace(/^['"]|['"]$/g, ''))
        : value
    }
  }
  return config
}

// ── test files ─────────────────────────────────────────────────────────────

const CONVENTIONAL_JS_TEST = /(?:^|\/)(?:__tests__\/.*\.[cm]?[jt]sx?|[^/]*\.(?:test|spec)\.[cm]?[jt]sx?)$/
/** CONVENTIONAL_JS_TEST, with the text it needs looked for first (most paths have none of it). */
const isConventionalJsTest = (path: string): boolean =>
  (path.includes('__tests__/') || path.includes('.test.') || path.includes('.spec.')) &&
  CONVENTIONAL_JS_TEST.test(path)
/** A test module by pytest's default names (`test_*.py`, `*_test.py`). */
export const PY_TEST = /(?:^|\/)(?:test_[^/]*\.py|[^/]*_test\.py)$/
const GO_TEST = /_test\.go$/

/**
 * jest tests testRegex and testPathIgnorePatterns against absolute paths. The repository's own is
 * not known here, so a path is tried from the top and below a stand-in folder (babel's
 * `./packages/…` needs a character before `/packages`).
 */
function matchesAbsolute(pattern: RegExp, path: string): boolean {
  return pattern.test('/' + path) || pattern.test('/repository/' + path)
}

const ignoredBy = (settings: JestSettings, path: string): boolean =>
  settings.testPathIgnorePatterns.some(pattern => matchesAbsolute(pattern, path))

/**
 * Whether a path is a test file: as the jest config over it says, else by the conventional
 * names; a Python module as pytest's configuration over it says (see pytestCollects); a Go file by
 * its `_test.go` name. `pytest` is sorted deepest folder first.
 */
/** Vitest's default `typecheck.include`, and tsd's names: files of type tests. */
const TYPE_TEST_NAME = /\.(?:test|spec)-d\.[cm]?[jt]sx?$/

/**
 * Which test files are type-checked, so that a change to a type can fail them: those named as
 * type tests, and those a vitest config's `typecheck.include` takes. The others run compiled
 * code, which no type is in (ts-jest's checking is looked after by typecheck.ts).
 */
export function typeCheckedTests(jest: readonly JestSettings[]): (path: string) => boolean {
  const globs = jest.flatMap(settings => settings.typeChecks ?? [])
  const listed = globs.length ? picomatch(globs, { dot: true }) : undefined
  return path => TYPE_TEST_NAME.test(path) || (listed?.(path) ?? false)
}

export function makeTestMatcher(
  jest: JestSettings[],
  pytest: readonly PytestSettings[] = [],
  conftestIgnores: readonly CollectIgnore[] = []
): (path: string) => boolean {
  const matchers = jest.map(settings => {
    const globs = settings.testMatch.length ? testMatchMatcher(settings.testMatch) : undefined
    const folder = settings.dir ? settings.dir + '/' : ''
    const roots = settings.roots.map(root => (root === '' ? '' : root + '/'))
    return { settings, globs, folder, roots }
  })
  // Asked of every file more than once (listing the tests, their setup files): each path is matched once.
  const known = new Map<string, boolean>()
  return path => {
    let test = known.get(path)
    if (test === undefined) known.set(path, (test = matchesTest(path)))
    return test
  }

  function matchesTest(path: string): boolean {
    if (path.includes('node_modules/') || path.endsWith('.d.ts')) return false
    if (path.endsWith('.py'))
      return (
        pytestCollects(
          pytest.find(settings => settings.dir === '' || path.startsWith(settings.dir + '/')),
          path
        ) && !conftestIgnores.some(ignore => ignores(ignore, path))
      )
    if (path.endsWith('.go')) return GO_TEST.test(path)
    if (!isJsLike(path)) return false
    for (const matcher of matchers) {
      if (!path.startsWith(matcher.folder)) continue
      const group = matcher.settings.group
      // A vitest run's projects: a test of any project that holds the file is a test.
      if (group !== undefined)
        return matchers.some(
          other => other.settings.group === group && path.startsWith(other.folder) && verdict(other, path)
        )
      const found = verdict(matcher, path)
      if (found !== undefined) return found
    }
    return isConventionalJsTest(path) && !/(?:^|\/)(?:__fixtures__|fixtures)\//.test(path)
  }

  /** What a config says of a file under its folder: a test or not; undefined outside its roots. */
  function verdict({ settings, globs, roots }: (typeof matchers)[number], path: string): boolean | undefined {
    if (
      !roots.some(root => path.startsWith(root) || (root.length === path.length + 1 && root.startsWith(path)))
    )
      // Ignored under the config's folder: not a test, whichever config comes next.
      return ignoredBy(settings, path) ? false : undefined
    const named =
      (globs !== undefined && globs(path)) ||
      settings.testRegex.some(r => matchesAbsolute(r, path)) ||
      (!globs && settings.testRegex.length === 0 && isConventionalJsTest(path))
    return named && !ignoredBy(settings, path)
  }
}

/** A glob's characters that are not literal (picomatch's, with extglobs and braces). */
const GLOB_SYNTAX = /[*?[\]{}()!+@\\]/

/**
 * Whether a path matches one of jest's `testMatch` globs, as picomatch matches the path or the
 * path under `/` (jest matches absolute paths). Asked of every file of the repository, so each
 * positive glob is tried the cheap way first: a glob of any folders then a name glob, on the
 * file's name alone; a glob with literal folder names (`__tests__`), only on paths that hold
 * them. A list with a negated glob is matched as a whole.
 */
export function testMatchMatcher(testMatch: readonly string[]): (path: string) => boolean {
  if (testMatch.some(glob => glob.startsWith('!'))) {
    const whole = picomatch([...testMatch], { dot: true })
    return path => whole(path) || whole('/' + path)
  }
  const tests = testMatch.map((glob): ((path: string) => boolean) => {
    const name = glob.startsWith('**/') ? glob.slice(3) : undefined
    if (name && !name.includes('/') && !name.startsWith('**')) {
      const matchName = picomatch(name, { dot: true })
      return path => matchName(path.slice(path.lastIndexOf('/') + 1))
    }
    const match = picomatch(glob, { dot: true })
    const literals = globSegments(glob).filter(
      segment => segment !== '' && segment !== '.' && segment !== '..' && !GLOB_SYNTAX.test(segment)
    )
    return path => literals.every(literal => path.includes(literal)) && (match(path) || match('/' + path))
  })
  return path => tests.some(test => test(path))
}

/** A glob's segments, split at the slashes outside braces and parentheses (`{test,src/test}.js` is one). */
function globSegments(glob: string): string[] {
  const segments: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (c === '\\') i++
    else if (c === '{' || c === '(') depth++
    else if ((c === '}' || c === ')') && depth > 0) depth--
    else if (c === '/' && depth === 0) {
      segments.push(glob.slice(start, i))
      start = i + 1
    }
  }
  segments.push(glob.slice(start))
  return segments
}

// ── pytest's configuration ─────────────────────────────────────────────────

/** What pytest's configuration says about which files of a folder are test modules. */
/**
 * What a conftest.py leaves out of collection (`collect_ignore`, `collect_ignore_glob`), from its
 * folder. Given on pytest's command line, such a file is collected anyway, and fails if it cannot
 * be (pytest skips it in a whole run): it is not a test to select.
 */
export interface CollectIgnore {
  dir: string
  /** Paths (files or folders) from the repository's top. */
  paths: string[]
  /** fnmatch patterns, as regexes of the path from the top (`*` crosses `/`, as in fnmatch). */
  globs: RegExp[]
}

const ignores = ({ dir, paths, globs }: CollectIgnore, path: string): boolean =>
  (dir === '' || path.startsWith(dir + '/')) &&
  (paths.some(entry => path === entry || path.startsWith(entry + '/')) || globs.some(glob => glob.test(path)))

export interface PytestSettings {
  /** The folder of the config file (pytest's rootdir when it runs from there). */
  dir: string
  /** `python_files`: patterns a test module's name matches (a pattern with `/`, its path). */
  pythonFiles: string[]
  /** `testpaths`: the folders (or globs) a run without arguments collects; empty for all. */
  testpaths: string[]
  /** `norecursedirs`: patterns of folder names pytest does not look into. */
  norecursedirs: string[]
  /** `--ignore` and `--ignore-glob` in `addopts`: paths and globs not collected. */
  ignore: string[]
  ignoreGlobs: string[]
}

const PYTEST_DEFAULT_FILES = ['test_*.py', '*_test.py']
const PYTEST_DEFAULT_NORECURSE = [
  '*.egg',
  '.*',
  '_darcs',
  'build',
  'CVS',
  'dist',
  'node_modules',
  'venv',
  '{arch}'
]
/** The files pytest reads its configuration from, in the order it looks for them in a folder. */
export const PYTEST_CONFIGS = ['pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg'] as const

/** A `key = value` section of an INI file (configparser: continuation lines are indented). */
function iniSection(text: string, section: string): Map<string, string> | undefined {
  let found: Map<string, string> | undefined
  let inSection = false
  let last: string | undefined
  for (const raw of text.split(/\r?\n/)) {
    const header = /^\[([^\]]+)\]/.exec(raw)
    if (header) {
      inSection = header[1]?.trim() === section
      if (inSection) found ??= new Map()
      last = undefined
      continue
    }
    if (!inSection || !found) continue
    if (/^\s*[#;]/.test(raw) || raw.trim() === '') continue
    if (/^\s/.test(raw) && last !== undefined) {
      found.set(last, `${found.get(last) ?? ''}\n${raw.trim()}`)
      continue
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw)
    if (!pair) continue
    last = (pair[1] as string).trim()
    found.set(last, (pair[2] as string).trim())
  }
  return found
}

/** A TOML table's keys whose values are strings or arrays of strings (the rest is left out). */
function tomlTable(text: string, table: string): Map<string, string | string[]> | undefined {
  const lines = text.split(/\r?\n/)
  const start = lines.findIndex(line => line.trim() === `[${table}]`)
  if (start < 0) return undefined
  const found = new Map<string, string | string[]>()
  const string = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/
  for (let i = start + 1; i < lines.length; i++) {
    const line = (lines[i] as string).trim()
    if (line.startsWith('[') && !line.startsWith('[[') && /^\[[\w.-]/.test(line)) break
    const pair = /^([\w.-]+|"[^"]+")\s*=\s*(.*)$/.exec(line)
    if (!pair) continue
    const key = (pair[1] as string).replace(/^"|"$/g, '')
    let value = pair[2] as string
    if (value.startsWith('[')) {
      // An array, maybe over several lines.
      while (!/\]\s*(?:#.*)?$/.test(value) && i + 1 < lines.length)
        value += '\n' + (lines[++i] as string).trim()
      const items: string[] = []
      let rest = value.slice(1)
      for (;;) {
        rest = rest.replace(/^(?:[\s,]+|#[^\n]*)+/, '')
        const item = string.exec(rest)
        if (!item) break
        items.push(item[1] !== undefined ? item[1].replace(/\\(.)/g, '$1') : (item[2] as string))
        rest = rest.slice(item[0].length)
      }
      found.set(key, items)
    } else {
      const item = string.exec(value)
      if (item) found.set(key, item[1] !== undefined ? item[1].replace(/\\(.)/g, '$1') : (item[2] as string))
    }
  }
  return found
}

/** Words as pytest splits an `args` option (shlex: spaces, quotes). */
function argsOf(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined
  if (Array.isArray(value)) return value
  return (value.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map(word => word.replace(/^(["'])(.*)\1$/, '$2'))
}

/**
 * The pytest configuration in folder `dir`, as pytest looks for it there: `pytest.ini` (even
 * empty), `.pytest.ini`, then `pyproject.toml`, `tox.ini` and `setup.cfg` when they have a
 * pytest section. Undefined when the folder has none.
 */
export function loadPytestSettings(read: ReadText, dir: string): PytestSettings | undefined {
  let options: Map<string, string | string[]> | undefined
  for (const name of PYTEST_CONFIGS) {
    const text = read(joinPath(dir, name))
    if (text === undefined) continue
    if (name === 'pytest.ini' || name === '.pytest.ini') options = iniSection(text, 'pytest') ?? new Map()
    else if (name === 'pyproject.toml')
      options = tomlTable(text, 'tool.pytest.ini_options') ?? tomlTable(text, 'tool.pytest')
    else options = iniSection(text, name === 'tox.ini' ? 'pytest' : 'tool:pytest')
    if (options) break
  }
  if (!options) return undefined
  const addopts = argsOf(options.get('addopts')) ?? []
  const ignore: string[] = []
  const ignoreGlobs: string[] = []
  addopts.forEach((word, i) => {
    const option = /^--(ignore|ignore-glob)(?:=(.*))?$/.exec(word)
    if (!option) return
    const value = option[2] ?? addopts[i + 1]
    if (value === undefined) return
    const path = joinPath(dir, value.replace(/\/+$/, ''))
    if (option[1] === 'ignore') ignore.push(path)
    else ignoreGlobs.push(path)
  })
  return {
    dir,
    pythonFiles: argsOf(options.get('python_files')) ?? PYTEST_DEFAULT_FILES,
    testpaths: (argsOf(options.get('testpaths')) ?? []).map(path => joinPath(dir, path.replace(/\/+$/, ''))),
    norecursedirs: argsOf(options.get('norecursedirs')) ?? PYTEST_DEFAULT_NORECURSE,
    ignore,
    ignoreGlobs
  }
}

/** pytest's fnmatch: a pattern without `/` matches the name, one with `/` the path's end. */
function pytestMatcher(patterns: readonly string[]): (path: string) => boolean {
  const byName = patterns.filter(p => !p.includes('/'))
  const byPath = patterns.filter(p => p.includes('/')).map(p => `**/${p.replace(/^\.\//, '')}`)
  const name = byName.length ? picomatch(byName, { dot: true, nobrace: true, noextglob: true }) : () => false
  const path = byPath.length ? picomatch(byPath, { dot: true, nobrace: true, noextglob: true }) : () => false
  return file => name(file.slice(file.lastIndexOf('/') + 1)) || path(file) || path(`/${file}`)
}

/**
 * Whether pytest, run in `settings.dir` without arguments, collects Python module `path` as a
 * test module: under its `testpaths`, in no folder `norecursedirs` or `--ignore` leaves out, and
 * named as `python_files` says. With no settings, pytest's defaults.
 */
export function pytestCollects(settings: PytestSettings | undefined, path: string): boolean {
  const rules = settings ? compiledRules(settings) : DEFAULT_RULES
  if (!rules.files(path)) return false
  const under = (folder: string): boolean => folder === '' || path === folder || path.startsWith(folder + '/')
  if (rules.testpaths.length && !rules.testpaths.some(inFolder => inFolder(path))) return false
  if (settings?.ignore.some(under) || rules.ignoreGlobs.some(glob => glob.test(path))) return false
  // Each folder between the config's and the module's.
  const dir = settings?.dir ?? ''
  const start = dir === '' ? 0 : dir.length + 1
  for (let slash = path.indexOf('/', start); slash > 0; slash = path.indexOf('/', slash + 1))
    if (rules.norecurse(path.slice(0, slash))) return false
  return true
}

interface PytestRules {
  files: (path: string) => boolean
  testpaths: Array<(path: string) => boolean>
  ignoreGlobs: RegExp[]
  norecurse: (folder: string) => boolean
}

const compiled = new WeakMap<PytestSettings, PytestRules>()

function compiledRules(settings: PytestSettings): PytestRules {
  let rules = compiled.get(settings)
  if (!rules) {
    rules = {
      files: pytestMatcher(settings.pythonFiles),
      testpaths: settings.testpaths.map(folder => {
        if (!folder.includes('*')) return path => folder === '' || path.startsWith(folder + '/')
        const glob = picomatch([folder, `${folder}/**`], { dot: true })
        return path => glob(path)
      }),
      ignoreGlobs: settings.ignoreGlobs.map(fnmatchPath),
      norecurse: pytestMatcher(settings.norecursedirs)
    }
    compiled.set(settings, rules)
  }
  return rules
}

/** Python's fnmatch over a whole path, as `--ignore-glob` matches: `*` crosses folders. */
export function fnmatchPath(glob: string): RegExp {
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    const end = c === '[' ? glob.indexOf(']', i + 2) : -1
    if (c === '*') source += '.*'
    else if (c === '?') source += '.'
    else if (end > 0) {
      const set = glob.slice(i + 1, end)
      source += `[${set.startsWith('!') ? '^' + set.slice(1) : set}]`
      i = end
    } else source += c.replace(/[.+^${}()|\\/[\]]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

const DEFAULT_RULES: PytestRules = {
  files: pytestMatcher(PYTEST_DEFAULT_FILES),
  testpaths: [],
  ignoreGlobs: [],
  norecurse: pytestMatcher(PYTEST_DEFAULT_NORECURSE)
}
