import { globFiles, globMatcher } from './glob-imports.js'
import { JS_EXTENSION, PATH_LIKE, afterLastHole, isJsLike } from './model.js'
import { scanKindOf } from './scan-blob.js'
import picomatch from 'picomatch'
import {
  dirname,
  exportsEntry,
  joinPath,
  loadPackage,
  loadTsConfig,
  workspaceGlobs,
  type JestSettings,
  type PackageInfo,
  type ReadText,
  type TsConfig
} from './project.js'
import { VITE_CONFIG, configuredAliases, isAliasConfig, type ModuleRoot, type PathAlias } from './aliases.js'

/**
 * Resolves import specifiers to repository files, in memory: the set of files at the revision
 * under test plus the project settings. No file-system calls, so that 10,000 files resolve fast.
 */

const JS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json', '.node']
const TS_FOR_JS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts']
}
/**
 * Export conditions in the order they are taken: the source first, then as Vite and Vitest
 * resolve, or as node and jest (CommonJS, and code they transpile to it) do.
 */
const BUNDLER_CONDITIONS = [
  'source',
  'development',
  'import',
  'module',
  'require',
  'node',
  'default',
  'types'
]
const NODE_CONDITIONS = ['source', 'development', 'require', 'node', 'import', 'module', 'default', 'types']

/**
 * Where an import leads: a file; a package outside the repository; nowhere (a path that matches
 * no file); or a package of the repository, by its name, whose entry is not in the repository (a
 * build output, or a mapping only a custom jest resolver knows): then it may be any of its sources.
 * A file may come with others (`also`) that the import loads under other export conditions: the
 * `import` target where the `require` one is taken (an ES module test run by node loads that one).
 */
export type Resolution =
  { file: string; also?: readonly string[] } | { external: true } | { unresolved: true } | { package: string }

/** The files a resolution to a file loads: the file, then those of other export conditions. */
export function filesOf(resolution: { file: string; also?: readonly string[] }): readonly string[] {
  return resolution.also ? [resolution.file, ...resolution.also] : [resolution.file]
}

const DECLARATION = /\.d\.[cm]?ts$/
/** An HTML page, which whatever opens it by its path (jsdom, a browser) runs the scripts of. */
const HTML_PAGE = /\.html?$/
/** Build output folders: a path through one that is not in the repository is mapped to `src`. */
export const BUILD_FOLDERS: readonly string[] = ['dist', 'lib', 'build', 'out', 'esm', 'cjs']

/** `text` up to the first `char` in it, or all of it. */
function upTo(text: string, char: string): string {
  const at = text.indexOf(char)
  return at < 0 ? text : text.slice(0, at)
}

/** A specifier that can only be an alias: `@/…` or `~/…`. */
export const UNREAD_ALIAS = /^[@~]\//

/**
 * The platforms a file may be written for, by the part before its extension: React Native's
 * bundler and jest under its preset (haste `platforms`) load `Button.ios.js` for `./Button` on
 * iOS, `Button.android.js` on Android, `Button.native.js` on either; react-native-web and its
 * bundler configs `Button.web.js`; react-native-windows and -macos theirs.
 */
const PLATFORMS = new Set(['ios', 'android', 'native', 'web', 'windows', 'macos'])

/**
 * A JavaScript/TypeScript file written for one platform, without that part
 * (`src/Button.ios.js` → `src/Button.js`); undefined for any other file.
 */
export function withoutPlatform(path: string): string | undefined {
  const dot = path.lastIndexOf('.')
  const before = path.lastIndexOf('.', dot - 1)
  if (before <= path.lastIndexOf('/') + 1) return undefined
  if (!PLATFORMS.has(path.slice(before + 1, dot)) || !isJsLike(path)) return undefined
  return path.slice(0, before) + path.slice(dot)
}

/** The extensions an import may leave out, of the files withExtensionSiblings looks at. */
const INFERRED_EXTENSIONS = JS_EXTENSIONS.filter(extension => extension !== '.node')

/** `resolution` with the files `beside` gives for each file it finds, once each, among its others. */
function withFilesBeside(resolution: Resolution, beside: (file: string) => readonly string[]): Resolution {
  if (!('file' in resolution)) return resolution
  const found = filesOf(resolution)
  let more: string[] | undefined
  for (const file of found)
    for (const other of beside(file))
      if (!found.includes(other) && !more?.includes(other)) (more ??= []).push(other)
  return more ? { file: resolution.file, also: [...(resolution.also ?? []), ...more] } : resolution
}

/** Test-looking paths, left out of a package's sources (see packageSources). */
const TEST_LIKE = /(?:^|\/)(?:__tests__|__mocks__)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/

export class Resolver {
  private readonly tsconfigByDir = new Map<string, TsConfig | undefined>()
  private readonly tsconfigs = new Map<string, TsConfig | undefined>()
  private readonly packageByDir = new Map<string, PackageInfo | undefined>()
  private readonly workspacePackages = new Map<string, PackageInfo>()
  /** Folders of workspace packages (for scoping fallbacks), longest first. */
  readonly workspaceDirs: string[] = []
  private readonly goModules: Array<{ dir: string; module: string }> = []
  private readonly pythonRoots: string[]
  /** Vite, webpack and babel-plugin-module-resolver aliases (see aliases.ts), the nearest config's first. */
  readonly aliases: PathAlias[] = []
  /** Folders where bare specifiers are looked up (webpack `resolve.modules`, module-resolver `root`). */
  private readonly moduleRoots: ModuleRoot[] = []

  /**
   * `configs` are the files whose text `read` gives (package.json, tsconfig, alias configs…), in
   * tree order; every file by default. The repository's other files need not be looked through.
   */
  constructor(
    private readonly files: ReadonlySet<string>,
    private readonly read: ReadText,
    private readonly jest: JestSettings[],
    memo: Record<string, string> = Object.create(null),
    configs: ReadonlySet<string> | readonly string[] = files
  ) {
    this.memo = memo
    const globs = workspaceGlobs(read)
    if (globs.length) {
      const isWorkspace = picomatch(globs.map(g => g.replace(/\/$/, '')))
      for (const file of configs) {
        if (!file.endsWith('/package.json') || file.includes('node_modules/')) continue
        const dir = dirname(file)
        if (!isWorkspace(dir)) continue
        const pkg = loadPackage(read, file)
        if (!pkg) continue
        this.workspaceDirs.push(dir)
        if (pkg.name) this.workspacePackages.set(pkg.name, pkg)
      }
      this.workspaceDirs.sort((a, b) => b.length - a.length)
    }
    for (const file of configs) {
      const pkg = file.endsWith('package.json') && !file.includes('node_modules/')
      if (!pkg && !isAliasConfig(file)) continue
      const text = read(file)
      if (!text || (pkg && !text.includes('module-resolver'))) continue
      const { aliases, roots } = configuredAliases(file, text, this.nearestPackage(dirname(file))?.dir)
      this.aliases.push(...aliases)
      this.moduleRoots.push(...roots)
    }
    this.aliases.sort((a, b) => b.dir.length - a.dir.length)
    this.moduleRoots.sort((a, b) => b.dir.length - a.dir.length)
    const roots = new Set<string>(['', 'src', 'lib', 'python'])
    for (const file of files) {
      if (file === 'go.mod' || file.endsWith('/go.mod')) {
        const module = /^module\s+(\S+)/m.exec(read(file) ?? '')?.[1]
        if (module) this.goModules.push({ dir: dirname(file), module })
      } else if (
        (file.endsWith('.toml') || file.endsWith('.py') || file.endsWith('.cfg')) &&
        /(?:^|\/)(?:pyproject\.toml|setup\.py|setup\.cfg)$/.test(file)
      ) {
        roots.add(dirname(file))
        roots.add(joinPath(dirname(file), 'src'))
      }
    }
    this.pythonRoots = [...roots]
  }

  /** The workspace package folder that holds a path ('' for the root). */
  workspaceOf(path: string): string {
    return this.workspaceDirs.find(dir => path.startsWith(dir + '/')) ?? ''
  }

  private exists(path: string): boolean {
    return this.files.has(path)
  }

  /** A path with extension and index inference, and TypeScript's .js → .ts mapping. */
  tryPath(path: string): string | undefined {
    if (path.startsWith('..')) return undefined
    const ext = JS_EXTENSION.exec(path)?.[0]
    if (ext && TS_FOR_JS[ext]) {
      const stem = path.slice(0, -ext.length)
      for (const tsExt of TS_FOR_JS[ext] as string[]) if (this.exists(stem + tsExt)) return stem + tsExt
    }
    if (this.exists(path)) return path
    for (const e of JS_EXTENSIONS) if (this.exists(path + e)) return path + e
    const forPlatform = this.platformFiles(path)[0]
    if (forPlatform) return forPlatform
    const pkg = this.exists(joinPath(path, 'package.json')) ? this.packageAt(path) : undefined
    if (pkg) {
      // Node (so jest, mocha, node:test) loads a folder's `main`, else its index, and never its
      // `module`; Vite and Vitest take `module` first. js-yaml's `module` is a bundle it commits,
      // and `require('../')` in its tests loads index.js, which requires lib/.
      const entries = this.viteAt(path)
        ? [pkg.source, pkg.module, pkg.main]
        : [pkg.source, pkg.main, pkg.main ? undefined : './index', pkg.module]
      for (const field of [...entries, pkg.types]) {
        if (!field) continue
        const target = this.tryPathNoPackage(joinPath(path, field)) ?? this.sourceFor(joinPath(path, field))
        if (target) return target
      }
    }
    return this.indexIn(path)
  }

  private viteDirs: string[] | undefined
  /**
   * Whether Vite or Vitest loads folder `path`: a config of theirs at or above it, and no jest
   * config or node runner's test script there (a Vite config beside a jest or mocha suite builds a
   * site, not the tests).
   */
  private viteAt(path: string): boolean {
    const under = (dir: string): boolean => dir === '' || path === dir || path.startsWith(dir + '/')
    this.viteDirs ??= [...this.files].filter(file => VITE_CONFIG.test(file)).map(dirname)
    return this.viteDirs.some(under) && !this.jest.some(settings => under(settings.dir))
  }

  /** The index file of folder `path` (the repository's top folder is '': `require('..')` from test/). */
  private indexIn(path: string): string | undefined {
    const index = joinPath(path, 'index')
    for (const e of JS_EXTENSIONS) if (this.exists(index + e)) return index + e
    return this.platformFiles(index)[0]
  }

  /**
   * A resolution with the other files a runner may load for `spec` instead of those it finds:
   * those with another extension (see withExtensionSiblings) and those for other platforms (see
   * withPlatformFiles), beside each.
   */
  private withFilesRunnersMayLoad(resolution: Resolution, spec: string): Resolution {
    return this.withPlatformFiles(this.withExtensionSiblings(resolution, spec), spec)
  }

  private byPlatformless: Map<string, string[]> | undefined
  /** The files written for a platform whose path, less that part and the extension, is `stem`. */
  private platformFiles(stem: string): readonly string[] {
    if (!this.byPlatformless) {
      this.byPlatformless = new Map()
      for (const path of this.files) {
        const plain = withoutPlatform(path)
        if (plain === undefined || DECLARATION.test(path)) continue
        const key = plain.slice(0, plain.lastIndexOf('.'))
        const list = this.byPlatformless.get(key)
        if (list) list.push(path)
        else this.byPlatformless.set(key, [path])
      }
    }
    return this.byPlatformless.get(stem) ?? []
  }

  /**
   * A resolution with the files written for other platforms beside each file it finds: which of
   * `./Button`'s `Button.ios.js`, `Button.android.js` and `Button.js` loads depends on the platform
   * a run is for, and a project may test several. An import that names the platform
   * (`./Button.ios`) loads that file alone.
   */
  private withPlatformFiles(resolution: Resolution, spec: string): Resolution {
    const named = spec.slice(spec.lastIndexOf('/') + 1)
    return withFilesBeside(resolution, file => {
      const plain = withoutPlatform(file)
      if (plain !== undefined) {
        const name = file.slice(file.lastIndexOf('/') + 1)
        if (named === name || named === name.slice(0, name.lastIndexOf('.'))) return []
      }
      return this.platformFiles((plain ?? file).replace(JS_EXTENSION, ''))
    })
  }

  /**
   * A resolution with the files beside each it finds that differ from it in their extension
   * alone, when the import leaves that file's extension to the resolver: which of `./a`'s `a.ts`
   * and `a.js` loads depends on the runner (node, jest's default moduleFileExtensions and Vite take
   * `.js` first, TypeScript `.ts`), and which of `./a.js`'s two does too (TypeScript maps it to
   * `a.ts`, a runner loads `a.js`). An import that names the file loads it alone.
   */
  private withExtensionSiblings(resolution: Resolution, spec: string): Resolution {
    return withFilesBeside(resolution, file => {
      const name = file.slice(file.lastIndexOf('/') + 1)
      return spec === name || spec.endsWith(`/${name}`) ? [] : this.extensionSiblings(file)
    })
  }

  private readonly siblings = new Map<string, readonly string[]>()
  /**
   * The files that differ from `file` in an extension an import may leave out, or that are the
   * index of a folder of its path less the extension (`src/c.ts`: `src/c/index.js`); declarations aside.
   */
  private extensionSiblings(file: string): readonly string[] {
    const known = this.siblings.get(file)
    if (known) return known
    const found: string[] = []
    const dot = file.lastIndexOf('.')
    if (dot > file.lastIndexOf('/') + 1 && INFERRED_EXTENSIONS.includes(file.slice(dot))) {
      const stem = file.slice(0, dot)
      for (const other of [stem, `${stem}/index`])
        for (const extension of INFERRED_EXTENSIONS)
          if (other + extension !== file && this.exists(other + extension)) found.push(other + extension)
    }
    this.siblings.set(file, found)
    return found
  }

  private tryPathNoPackage(path: string): string | undefined {
    if (this.exists(path)) return path
    const ext = JS_EXTENSION.exec(path)?.[0]
    if (ext && TS_FOR_JS[ext]) {
      const stem = path.slice(0, -ext.length)
      for (const tsExt of TS_FOR_JS[ext] as string[]) if (this.exists(stem + tsExt)) return stem + tsExt
    }
    for (const e of JS_EXTENSIONS) if (this.exists(path + e)) return path + e
    return this.indexIn(path)
  }

  /** A path as tryPath finds it, or else, as build output not in the repository, its source. */
  private fileOrSource(path: string): string | undefined {
    return this.tryPath(path) ?? this.sourceFor(path)
  }

  /** The tsconfig at `path`, with what it extends (a workspace package's config among them). */
  tsconfigAt(path: string): TsConfig | undefined {
    return loadTsConfig(
      this.read,
      path,
      this.files,
      this.tsconfigs,
      name => this.workspacePackages.get(name)?.dir
    )
  }

  /** A build output path (dist/lib/build) mapped back to its source in the repository. */
  private sourceFor(path: string): string | undefined {
    // Slashes around it, so that the build folder itself (`../lib`) maps to `src` too.
    const stem = `/${path.replace(/\.d\.ts$/, '').replace(/\.[cm]?[jt]sx?$/, '')}/`
    for (const folder of BUILD_FOLDERS) {
      const from = `/${folder}/`
      const idx = stem.indexOf(from)
      if (idx < 0) continue
      const candidate = stem.slice(1, idx + 1) + 'src/' + stem.slice(idx + from.length)
      const found = this.tryPathNoPackage(joinPath(candidate.slice(0, -1)))
      if (found) return found
    }
    return undefined
  }

  private packageAt(dir: string): PackageInfo | undefined {
    if (!this.packageByDir.has(dir)) {
      const path = inFolder(dir, 'package.json')
      this.packageByDir.set(dir, this.exists(path) ? loadPackage(this.read, path) : undefined)
    }
    return this.packageByDir.get(dir)
  }

  private nearestPackage(fromDir: string): PackageInfo | undefined {
    for (let dir = fromDir; ; dir = dirname(dir)) {
      const pkg = this.packageAt(dir)
      if (pkg) return pkg
      if (dir === '') return undefined
    }
  }

  private nearestTsConfig(fromDir: string): TsConfig | undefined {
    const visited: string[] = []
    let found: TsConfig | undefined
    for (let dir = fromDir; ; dir = dirname(dir)) {
      if (this.tsconfigByDir.has(dir)) {
        found = this.tsconfigByDir.get(dir)
        break
      }
      visited.push(dir)
      for (const name of ['tsconfig.json', 'jsconfig.json']) {
        const path = inFolder(dir, name)
        if (this.exists(path)) {
          found = this.tsconfigAt(path)
          break
        }
      }
      if (found || dir === '') break
    }
    for (const dir of visited) this.tsconfigByDir.set(dir, found)
    return found
  }

  /**
   * Resolves a subpath through a package's `exports` or `imports` map: the file taken, then those
   * other export conditions take (see targets); none when the map does not lead into the repository.
   */
  private throughMap(map: unknown, key: string, dir: string): string[] {
    const entry = exportsEntry(map, key)
    return entry ? this.targets(entry.value, dir, entry.star, entry.folder) : []
  }

  /**
   * The file an exports or imports target leads to under the conditions the runner at `dir` uses
   * (see viteAt), then the one the other order takes, when it differs: node loads the `import`
   * target for an ES module and the `require` one for CommonJS, and a folder may hold both kinds.
   */
  private targets(value: unknown, dir: string, star: string, folder = false): string[] {
    const vite = this.viteAt(dir)
    const first = this.target(value, dir, star, folder, vite ? BUNDLER_CONDITIONS : NODE_CONDITIONS)
    if (first === undefined) return []
    const other = this.target(value, dir, star, folder, vite ? NODE_CONDITIONS : BUNDLER_CONDITIONS)
    return other === undefined || other === first ? [first] : [first, other]
  }

  private target(
    value: unknown,
    dir: string,
    star: string,
    folder: boolean,
    order: readonly string[]
  ): string | undefined {
    if (typeof value === 'string') {
      const path = joinPath(dir, folder ? value + star : value.replace(/\*/g, star))
      return this.tryPathNoPackage(path) ?? this.sourceFor(path)
    }
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = this.target(item, dir, star, folder, order)
        if (found) return found
      }
      return undefined
    }
    if (value && typeof value === 'object') {
      const conditions = value as Record<string, unknown>
      for (const condition of order) {
        if (condition in conditions) {
          const found = this.target(conditions[condition], dir, star, folder, order)
          if (found) return found
        }
      }
      for (const nested of Object.values(conditions)) {
        const found = this.target(nested, dir, star, folder, order)
        if (found) return found
      }
    }
    return undefined
  }

  private rewriters: RegExp[] | undefined
  /** Whether a jest mapping or an alias may rewrite `spec`, wherever it is imported. */
  private rewrites(spec: string): boolean {
    // Each pattern once: a monorepo's jest configs often map the same ones.
    this.rewriters ??= [
      ...new Map(
        [
          ...this.jest.flatMap(settings => settings.moduleNameMapper.map(({ regex }) => regex)),
          ...this.aliases.map(({ find }) => find)
        ].map(regex => [`${regex.flags}/${regex.source}`, regex])
      ).values()
    ]
    return this.rewriters.some(regex => regex.test(spec))
  }

  /**
   * Which resolutions of specifiers that jest's mappings or a path alias rewrite still hold when
   * files were added or deleted, `touched` saying which paths that may change what a path finds
   * (see relink.ts): what a rewritten specifier finds depends on the paths it is rewritten to
   * alone (tried as tryPath tries them, in resolveJsUncached's order) and, when none of them finds
   * anything, on the specifier's own resolution, which the caller judges. True for a specifier
   * nothing rewrites.
   */
  rewritesHolding(touched: (path: string) => boolean): (fromDir: string, spec: string) => boolean {
    // Per specifier: not rewritten, rewritten with jest's paths untouched, or touched.
    const NOT_REWRITTEN = 0
    const JEST_HOLDS = 1
    const TOUCHED = 2
    const bySpec = new Map<string, number>()
    const jestHolds = (spec: string): boolean => {
      for (const path of this.jestMapped(spec)) if (touched(path)) return false
      return true
    }
    const byAlias = new Map<PathAlias, Map<string, boolean>>()
    return (fromDir, spec) => {
      let state = bySpec.get(spec)
      if (state === undefined) {
        state = !this.rewrites(spec) ? NOT_REWRITTEN : jestHolds(spec) ? JEST_HOLDS : TOUCHED
        bySpec.set(spec, state)
      }
      if (state !== JEST_HOLDS) return state === NOT_REWRITTEN
      if (this.aliases.length === 0) return true
      const alias = this.aliasFor(fromDir, spec)
      if (!alias) return true
      let answers = byAlias.get(alias)
      if (!answers) byAlias.set(alias, (answers = new Map()))
      let answer = answers.get(spec)
      if (answer === undefined)
        answers.set(spec, (answer = !touched(joinPath(spec.replace(alias.find, alias.replacement)))))
      return answer
    }
  }

  private aliasFor(fromDir: string, spec: string): PathAlias | undefined {
    return this.aliases.find(
      ({ dir, find }) => (dir === '' || fromDir === dir || fromDir.startsWith(dir + '/')) && find.test(spec)
    )
  }

  /** The paths jest's mappings rewrite `spec` to, in the order jest tries them. */
  private *jestMapped(spec: string): Generator<string> {
    for (const settings of this.jest)
      for (const { regex, targets } of settings.moduleNameMapper) {
        const match = regex.exec(spec)
        if (match)
          for (const target of targets)
            yield joinPath(target.replace(/\$(\d+)/g, (_, n: string) => match[Number(n)] ?? ''))
      }
  }

  /** viaJest's answers by specifier (null: no mapping finds a file); the same from every folder. */
  private readonly mappedBySpec = new Map<string, string | null>()

  private viaJest(spec: string): string | undefined {
    let found = this.mappedBySpec.get(spec)
    if (found === undefined) {
      found = null
      for (const path of this.jestMapped(spec)) if ((found = this.tryPath(path) ?? null)) break
      this.mappedBySpec.set(spec, found)
    }
    return found ?? undefined
  }

  /**
   * Resolutions by folder + specifier: a path, '' for a package outside, '?' for unresolved,
   * '\u0001' + folder for a repository package whose entry is not in the repository.
   */
  readonly memo: Record<string, string>
  /** How many resolutions this resolver added to the memo. */
  added = 0

  /**
   * The JavaScript/TypeScript files a path string in `from` names with its extension (or the
   * scripts it names, files without one), which a test or module may run in another process or
   * thread: `join(__dirname, '../bin/cli.js')`,
   * `` `${root}/bin/cli.js` `` (the text after the last hole), `new URL('./worker.ts', …)`,
   * `spawn('node', ['bin/cli.js'])`. A path counts from the file's folder, its package's folder
   * and the repository's top, wherever it may be run from, and a name alone names the files so
   * called under the file's folder (`join(__dirname, 'fixtures', 'inspect.js')`); never `from`.
   */
  namedSources(from: string, literal: string): string[] {
    const text = afterLastHole(literal)
    if (text.length < 2 || text.length > 200 || !PATH_LIKE.test(text)) return []
    // With its extension (a page too: it runs its scripts), or a script without one
    // (`fixtures/pm`, whose `#!` line says node).
    const script = !isJsLike(text) && !HTML_PAGE.test(text)
    if (script && !this.scriptNames().has(text.slice(text.lastIndexOf('/') + 1))) return []
    const dir = dirname(from)
    const relative = text.startsWith('./') || text.startsWith('../')
    const rest = text.startsWith('/') ? text.slice(1) : text
    const bases = relative ? [dir] : [dir, this.packageDirOf(from) ?? '', '']
    const named: string[] = []
    // A name alone (`join(__dirname, 'fixtures', 'inspect.js')`): a file of that name under the folder.
    if (!relative && dir !== '' && !rest.includes('/'))
      for (const path of this.filesNamed(rest))
        if (path.startsWith(dir + '/') && path !== from && (!script || scanKindOf(path) === 'script'))
          named.push(path)
    for (const base of bases) {
      const path = joinPath(base, rest)
      if (path === from || path.startsWith('../') || !this.exists(path) || named.includes(path)) continue
      if (!script || scanKindOf(path) === 'script') named.push(path)
    }
    return named
  }

  /** Per name before its first dot: the folders that hold a file or folder so named. */
  private entryFolders: Map<string, string[]> | undefined
  private readonly fromAnyFolderMemo = new Map<string, string[]>()
  /**
   * The files a path from a folder known only when the code runs leads to (`src/a` of
   * `require(path.resolve('src/a'))` or `require(ROOT + '/src/a')`, ImportKind `rooted`): from
   * each folder of the repository, as tryPath finds it (or, for build output that is not in the
   * repository, its source), with the other files a runner may load (withFilesRunnersMayLoad).
   * Only the folders that hold the path's first segment (`src`, or `a` for `a.js`, `a.ios.ts`,
   * `a/`) can lead anywhere.
   */
  fromAnyFolder(spec: string): readonly string[] {
    let found = this.fromAnyFolderMemo.get(spec)
    if (found) return found
    if (spec === '' || spec === '.' || spec.startsWith('..') || spec.startsWith('/')) return []
    const head = upTo(spec, '/')
    const folders = new Set(this.foldersHolding(head))
    // Build output that is not in the repository leads to its source (see sourceFor).
    if (BUILD_FOLDERS.includes(head)) for (const folder of this.foldersHolding('src')) folders.add(folder)
    const files = new Set<string>()
    for (const folder of folders) {
      const file = this.fileOrSource(joinPath(folder, spec))
      if (file === undefined) continue
      const resolution = this.withFilesRunnersMayLoad({ file }, spec)
      if ('file' in resolution) for (const each of filesOf(resolution)) files.add(each)
    }
    this.fromAnyFolderMemo.set(spec, (found = [...files]))
    return found
  }

  /** The folders that hold a file or folder whose name, up to its first dot, is `name`'s. */
  private foldersHolding(name: string): readonly string[] {
    if (!this.entryFolders) {
      const byName = new Map<string, string[]>()
      const add = (path: string): void => {
        const slash = path.lastIndexOf('/')
        const entry = path.slice(slash + 1)
        const key = upTo(entry, '.')
        const folder = slash < 0 ? '' : path.slice(0, slash)
        const folders = byName.get(key)
        if (!folders) byName.set(key, [folder])
        else if (folders[folders.length - 1] !== folder) folders.push(folder)
      }
      const seen = new Set<string>()
      for (const path of this.files) {
        add(path)
        for (let dir = dirname(path); dir !== '' && !seen.has(dir); dir = dirname(dir)) {
          seen.add(dir)
          add(dir)
        }
      }
      this.entryFolders = byName
    }
    return this.entryFolders.get(upTo(name, '.')) ?? []
  }

  private scriptNamesFound: Set<string> | undefined
  /** The names of the files scanned as scripts (without an extension, or `.sh`). */
  private scriptNames(): Set<string> {
    if (!this.scriptNamesFound) {
      this.scriptNamesFound = new Set()
      for (const path of this.files)
        if (scanKindOf(path) === 'script') this.scriptNamesFound.add(path.slice(path.lastIndexOf('/') + 1))
    }
    return this.scriptNamesFound
  }

  private byName: Map<string, string[]> | undefined
  /** The files whose last segment is `name`. */
  private filesNamed(name: string): readonly string[] {
    if (!this.byName) {
      this.byName = new Map()
      for (const path of this.files) {
        const base = path.slice(path.lastIndexOf('/') + 1)
        const list = this.byName.get(base)
        if (list) list.push(path)
        else this.byName.set(base, [path])
      }
    }
    return this.byName.get(name) ?? []
  }

  private readonly globMemo = new Map<string, string[]>()
  private readonly globMatchers = new Map<string, (file: string) => boolean>()
  /** The files a glob import in `from` loads (see glob-imports.ts). */
  globFiles(from: string, pattern: string): string[] {
    const key = this.globKey(from, pattern)
    let files = this.globMemo.get(key)
    if (!files)
      this.globMemo.set(
        key,
        (files = globFiles(prefix => this.filesUnder(prefix), this.globFrom(key), pattern))
      )
    return files.includes(from) ? files.filter(file => file !== from) : files
  }

  /** Whether glob import `pattern`, written in `from`, loads `file` (as globFiles lists it). */
  globLoads(from: string, pattern: string, file: string): boolean {
    return this.globLoader(from, pattern)(file)
  }

  /** globLoads for one importer and pattern: tries each file asked about, lists none. */
  globLoader(from: string, pattern: string): (file: string) => boolean {
    const key = this.globKey(from, pattern)
    let loads = this.globMatchers.get(key)
    if (!loads) {
      const matcher = globMatcher(this.globFrom(key), pattern)
      this.globMatchers.set(key, (loads = matcher ? matcher.loads : () => false))
    }
    const inFolder = loads
    return file => file !== from && this.files.has(file) && inFolder(file)
  }

  /**
   * What a pattern matches depends on the importer's folder (nothing, for a rooted one), and never
   * includes the importer: worked out once per folder, as tests repeat one pattern in hundreds of files.
   */
  private globKey(from: string, pattern: string): string {
    return `${pattern.startsWith('/') ? '' : dirname(from)}\0${pattern}`
  }

  /** A file name no file has, in the key's folder: the matcher for every importer there. */
  private globFrom(key: string): string {
    return joinPath(key.slice(0, key.indexOf('\0')), '\0')
  }

  /** Resolves `spec` imported from file `from` (memoized per folder and specifier). */
  resolveJs(from: string, spec: string): Resolution {
    const fromDir = dirname(from)
    const key = fromDir + '\u0000' + spec
    let encoded = this.memo[key]
    if (encoded === undefined) {
      const result = this.withFilesRunnersMayLoad(this.resolveJsUncached(fromDir, spec), spec)
      encoded =
        'file' in result
          ? [result.file, ...(result.also ?? [])].join('\u0002')
          : 'external' in result
            ? ''
            : 'package' in result
              ? '\u0001' + result.package
              : '?'
      this.memo[key] = encoded
      this.added++
    }
    if (encoded === '') return { external: true }
    if (encoded === '?') return { unresolved: true }
    if (encoded.charCodeAt(0) === 1) return { package: encoded.slice(1) }
    if (!encoded.includes('\u0002')) return { file: encoded }
    const [file, ...also] = encoded.split('\u0002') as [string, ...string[]]
    return { file, also }
  }

  /** The files in path order, for folder lookups, with their places in `files`. */
  private sorted: { paths: string[]; order: Map<string, number> } | undefined

  /** The files whose path starts with `prefix` (a folder and a slash), in the order of `files`. */
  private filesUnder(prefix: string): Iterable<string> {
    if (prefix === '') return this.files
    if (!this.sorted) {
      const paths = [...this.files]
      const order = new Map(paths.map((path, i) => [path, i]))
      this.sorted = { paths: paths.sort(), order }
    }
    const { paths, order } = this.sorted
    let low = 0
    let high = paths.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((paths[middle] as string) < prefix) low = middle + 1
      else high = middle
    }
    const found: string[] = []
    for (let i = low; i < paths.length && (paths[i] as string).startsWith(prefix); i++)
      found.push(paths[i] as string)
    return found.sort((a, b) => (order.get(a) as number) - (order.get(b) as number))
  }

  /** Each package folder's sources (see packageSources), worked out on first use. */
  private sourcesByPackage: Map<string, Set<string>> | undefined

  /**
   * The JavaScript/TypeScript sources of the repository package in `dir`: its files, less
   * node_modules, nested packages and test-looking files.
   */
  packageSources(dir: string): ReadonlySet<string> {
    this.sourcesByPackage ??= this.groupSourcesByPackage()
    return this.sourcesByPackage.get(dir) ?? new Set()
  }

  /** Every source under the nearest folder above it with a package.json (the root when none is). */
  private groupSourcesByPackage(): Map<string, Set<string>> {
    const byPackage = new Map<string, Set<string>>()
    const packageDirs = new Set<string>()
    for (const f of this.files)
      if ((f === 'package.json' || f.endsWith('/package.json')) && !f.includes('node_modules/'))
        packageDirs.add(dirname(f))
    const nearest = new Map<string, string>()
    const packageOf = (folder: string): string => {
      let found = nearest.get(folder)
      if (found === undefined) {
        found = packageDirs.has(folder) || folder === '' ? folder : packageOf(dirname(folder))
        nearest.set(folder, found)
      }
      return found
    }
    for (const f of this.files) {
      if (!isJsLike(f) || f.includes('node_modules/') || TEST_LIKE.test(f)) continue
      const owner = packageOf(dirname(f))
      let sources = byPackage.get(owner)
      if (!sources) byPackage.set(owner, (sources = new Set()))
      sources.add(f)
    }
    return byPackage
  }

  /**
   * The folder `dirname(require.resolve(spec))` names from `from`, for the files code reads or
   * lists there: the whole package the module is in (its entry may be in a folder of its own, and
   * `join(dirname(…), '..')` goes up from it), or the module's folder when that package is the
   * repository's top, which a string cannot name either. Undefined for a module outside the repository.
   */
  namedFolder(from: string, spec: string): string | undefined {
    const resolution = this.resolveJs(from, spec)
    if ('package' in resolution) return resolution.package || undefined
    if (!('file' in resolution)) return undefined
    return this.packageDirOf(resolution.file) || dirname(resolution.file) || undefined
  }

  /** The folder of the package (nearest package.json) that holds `path`. */
  packageDirOf(path: string): string | undefined {
    return this.nearestPackage(dirname(path))?.dir
  }

  private resolveJsUncached(fromDir: string, spec: string): Resolution {
    const mapped = this.viaJest(spec)
    if (mapped) return { file: mapped }
    const alias = this.aliasFor(fromDir, spec)
    if (alias) {
      // Vite resolves the replaced specifier as a path; one that names nothing fails to load.
      const found = this.fileOrSource(joinPath(spec.replace(alias.find, alias.replacement)))
      return found ? { file: found } : { unresolved: true }
    }
    if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
      // Build output that is not in the repository (a test importing `../lib/index.js`) is its source.
      const found = this.fileOrSource(joinPath(fromDir, spec))
      return found ? { file: found } : { unresolved: true }
    }
    if (spec.startsWith('/')) {
      const found = this.fileOrSource(joinPath(spec))
      return found ? { file: found } : { unresolved: true }
    }
    // A bare specifier resolves the same from every folder with the same package and tsconfig.
    const pkg = this.nearestPackage(fromDir)
    const tsconfig = this.nearestTsConfig(fromDir)
    let byPackage = this.bareResolutions.get(tsconfig)
    if (!byPackage) this.bareResolutions.set(tsconfig, (byPackage = new Map()))
    let bySpec = byPackage.get(pkg)
    if (!bySpec) byPackage.set(pkg, (bySpec = new Map()))
    let resolution = bySpec.get(spec)
    if (!resolution) bySpec.set(spec, (resolution = this.resolveBare(pkg, tsconfig, spec)))
    return resolution
  }

  private readonly bareResolutions = new Map<
    TsConfig | undefined,
    Map<PackageInfo | undefined, Map<string, Resolution>>
  >()

  private jestBaseList: string[] | undefined
  /** The folders jest looks for a bare specifier in (`modulePaths`, `moduleDirectories`), in order. */
  private jestBases(): string[] {
    return (this.jestBaseList ??= this.jest.flatMap(settings => [
      ...settings.modulePaths,
      ...settings.moduleDirectories.map(d => joinPath(settings.rootDir, d))
    ]))
  }

  /**
   * Which resolutions of bare specifiers still hold when files were added or deleted, `touched`
   * saying which paths that may change what a path finds (see relink.ts). What resolveBare tries:
   * a package's `imports` (`#…`, always resolved again); the targets of tsconfig `paths` patterns
   * that match; the path under `baseUrl`; the folder of the workspace package the specifier names;
   * the path under each of jest's folders and each module root. A resolution holds when none of
   * them is touched.
   */
  bareResolutionsHolding(touched: (path: string) => boolean): (fromDir: string, spec: string) => boolean {
    const bases = [...new Set([...this.jestBases(), ...this.moduleRoots.map(({ root }) => root)])]
    const underBases = new Map<string, boolean>()
    const holds = (tsconfig: TsConfig | undefined, pkg: PackageInfo | undefined, spec: string): boolean => {
      if (spec.startsWith('#')) return false
      if (tsconfig) {
        for (const { pattern, targets } of tsconfig.paths) {
          const rest = pathsRest(pattern, spec)
          if (rest !== undefined && targets.some(target => touched(target.replace('*', rest)))) return false
        }
        if (tsconfig.baseUrl !== undefined && touched(joinPath(tsconfig.baseUrl, spec))) return false
      }
      const name = packageName(spec)
      const named = this.workspacePackages.get(name) ?? (pkg?.name === name ? pkg : undefined)
      if (named) return named.dir !== '' && !touched(named.dir) && !entryOutsideTouched(named, touched)
      let found = underBases.get(spec)
      if (found === undefined)
        underBases.set(spec, (found = !bases.some(base => touched(joinPath(base, spec)))))
      return found
    }
    // As resolveJsUncached: a bare specifier resolves the same from every folder with the same
    // package and tsconfig, so each such context answers once per specifier.
    interface Context {
      tsconfig: TsConfig | undefined
      pkg: PackageInfo | undefined
      answers: Map<string, boolean>
    }
    const contexts = new Map<TsConfig | undefined, Map<PackageInfo | undefined, Context>>()
    const byFolder = new Map<string, Context>()
    const contextOf = (fromDir: string): Context => {
      const tsconfig = this.nearestTsConfig(fromDir)
      const pkg = this.nearestPackage(fromDir)
      let byPackage = contexts.get(tsconfig)
      if (!byPackage) contexts.set(tsconfig, (byPackage = new Map()))
      let context = byPackage.get(pkg)
      if (!context) byPackage.set(pkg, (context = { tsconfig, pkg, answers: new Map() }))
      return context
    }
    return (fromDir, spec) => {
      let context = byFolder.get(fromDir)
      if (!context) byFolder.set(fromDir, (context = contextOf(fromDir)))
      let answer = context.answers.get(spec)
      if (answer === undefined)
        context.answers.set(spec, (answer = holds(context.tsconfig, context.pkg, spec)))
      return answer
    }
  }

  /** Resolves a bare specifier (`#…`, a path alias, a package name) from a folder of `pkg` under `tsconfig`. */
  private resolveBare(
    pkg: PackageInfo | undefined,
    tsconfig: TsConfig | undefined,
    spec: string
  ): Resolution {
    if (spec.startsWith('#')) {
      const [found, ...others] = pkg ? this.throughMap(pkg.imports, spec, pkg.dir) : []
      const also = others.filter(other => !DECLARATION.test(other))
      if (found) return also.length ? { file: found, also } : { file: found }
    }
    // A declaration file found through `paths` types the import; what runs may be elsewhere.
    let declaration: string | undefined
    if (tsconfig) {
      for (const { pattern, targets } of tsconfig.paths) {
        const rest = pathsRest(pattern, spec)
        if (rest === undefined) continue
        for (const target of targets) {
          const found = this.tryPath(target.replace('*', rest))
          if (found && DECLARATION.test(found)) declaration ??= found
          else if (found) return { file: found }
        }
      }
      if (tsconfig.baseUrl !== undefined) {
        const found = this.tryPath(joinPath(tsconfig.baseUrl, spec))
        if (found) return { file: found }
      }
    }
    // A workspace package, by name or name/subpath.
    const name = packageName(spec)
    const named = this.workspacePackages.get(name) ?? (pkg?.name === name ? pkg : undefined)
    if (named) {
      const sub = spec.slice(name.length)
      const key = sub ? '.' + sub : '.'
      const [mapped, ...others] =
        named.exports !== undefined ? this.throughMap(named.exports, key, named.dir) : []
      let found = mapped ?? (sub ? this.fileOrSource(joinPath(named.dir, sub)) : this.tryPath(named.dir))
      // A declaration (a `types` field) is not what runs: the source of the same name is, when there
      // is one; when not, any source may be.
      if (!found || DECLARATION.test(found)) found = this.tryPath(joinPath(named.dir, 'src', sub || 'index'))
      if (!found || DECLARATION.test(found)) return { package: named.dir }
      const also = others.filter(other => other !== found && !DECLARATION.test(other))
      return also.length ? { file: found, also } : { file: found }
    }
    if (declaration) return { file: declaration }
    for (const base of this.jestBases()) {
      const found = this.tryPath(joinPath(base, spec))
      if (found) return { file: found }
    }
    const pkgDir = pkg?.dir ?? ''
    for (const { dir, root } of this.moduleRoots) {
      if (dir !== '' && pkgDir !== dir && !pkgDir.startsWith(dir + '/')) continue
      const found = this.tryPath(joinPath(root, spec))
      if (found) return { file: found }
    }
    // `@/…` and `~/…` name no npm package: an alias this resolver could not read (a bundler's,
    // a framework's). It may lead to any source of the package.
    if (UNREAD_ALIAS.test(spec) && pkg) return { package: pkg.dir }
    return { external: true }
  }

  // ── Python ───────────────────────────────────────────────────────────────

  private pyModule(base: string): string | undefined {
    if (this.exists(base + '.py')) return base + '.py'
    if (this.exists(base + '/__init__.py')) return base + '/__init__.py'
    return undefined
  }

  /** Files for `import a.b.c` (packages a, a.b and module a.b.c), from the importing file. */
  resolvePython(from: string, spec: string): { files: string[]; resolved: boolean } {
    const dots = /^\.*/.exec(spec)?.[0].length ?? 0
    const dotted = spec.slice(dots)
    const parts = dotted ? dotted.split('.') : []
    let bases: string[]
    if (dots > 0) {
      let dir = dirname(from)
      for (let i = 1; i < dots; i++) dir = dirname(dir)
      bases = [dir]
    } else {
      bases = [...this.pythonRoots]
      // pytest's rootdir-relative imports: the test's folder and its parents.
      for (let dir = dirname(from); dir !== ''; dir = dirname(dir)) bases.push(dir)
    }
    for (const base of bases) {
      const files: string[] = []
      let ok = true
      for (let i = 1; i <= parts.length; i++) {
        const file = this.pyModule(joinPath(base, ...parts.slice(0, i)))
        if (file) files.push(file)
        else if (i === parts.length) ok = false
      }
      if (parts.length === 0) {
        const init = joinPath(base, '__init__.py')
        if (this.exists(init)) files.push(init)
      }
      if (ok && (files.length || parts.length === 0)) return { files, resolved: true }
    }
    return { files: [], resolved: false }
  }

  /** A name imported with `from pkg import name` that is a submodule file. */
  pythonSubmodule(packageFile: string, name: string): string | undefined {
    if (!packageFile.endsWith('__init__.py')) return undefined
    return this.pyModule(joinPath(dirname(packageFile), name))
  }

  // ── Go ───────────────────────────────────────────────────────────────────

  /** The Go modules of the repository: each `go.mod` folder and its module path. */
  get goModuleRoots(): ReadonlyArray<{ dir: string; module: string }> {
    return this.goModules
  }

  /**
   * The repository folder of a Go import path: a package of a module in the repository, or a
   * package vendored into the module that holds the importing file (`vendor/<import path>`).
   */
  goPackageDir(importPath: string, from?: string): string | undefined {
    // The module whose path matches longest: a nested module need not sit where its path says.
    let found: { dir: string; module: string } | undefined
    for (const entry of this.goModules)
      if (
        (importPath === entry.module || importPath.startsWith(entry.module + '/')) &&
        entry.module.length > (found?.module.length ?? -1)
      )
        found = entry
    if (found)
      return importPath === found.module
        ? found.dir
        : joinPath(found.dir, importPath.slice(found.module.length + 1))
    if (from === undefined) return undefined
    const owner = this.goModules
      .filter(({ dir }) => dir === '' || from.startsWith(dir + '/'))
      .sort((a, b) => b.dir.length - a.dir.length)[0]
    return owner ? joinPath(owner.dir, 'vendor', importPath) : undefined
  }
}

/** What a tsconfig `paths` pattern's `*` stands for in `spec` ('' for a pattern without one), or undefined when it does not match. */
function pathsRest(pattern: string, spec: string): string | undefined {
  const star = pattern.indexOf('*')
  if (star < 0) return pattern === spec ? '' : undefined
  if (spec.length < pattern.length - 1) return undefined
  if (!spec.startsWith(pattern.slice(0, star)) || !spec.endsWith(pattern.slice(star + 1))) return undefined
  return spec.slice(star, spec.length - (pattern.length - star - 1))
}

/** The package a bare specifier names: `@scope/name` or `name`, without the subpath. */
function packageName(spec: string): string {
  const parts = spec.split('/')
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string)
}

/** A file named `name` in folder `dir` (a path as the file list has it: '' is the top folder). */
const inFolder = (dir: string, name: string): string => (dir === '' ? name : `${dir}/${name}`)

/**
 * Whether an entry field of a package that points outside its folder (`"main": "../lib/index.js"`,
 * which node allows) names a touched path: the file, its name without the extension, or its folder.
 */
function entryOutsideTouched(pkg: PackageInfo, touched: (path: string) => boolean): boolean {
  for (const field of [pkg.main, pkg.module, pkg.source, pkg.types]) {
    if (typeof field !== 'string') continue
    const path = joinPath(pkg.dir, field)
    if (path.startsWith(`${pkg.dir}/`)) continue
    if (touched(path) || touched(path.replace(/\.[^./]+$/, '')) || touched(dirname(path))) return true
  }
  return false
}
