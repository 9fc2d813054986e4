import { createHash } from 'node:crypto'
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { errorMessage } from '../errors.js'
import type { Git } from '../ports/git.js'
import type { Logger } from '../ports/log.js'
import { changedNames, diffScans, isEmptyChange } from './diff.js'
import { RUN_ALL_LINE, fallbackFor, globMatcher, type FallbackHit } from './fallback.js'
import {
  diffRaw,
  listTree,
  openBlobBatch,
  readBlobs,
  type BlobBatch,
  type RawChange,
  type TreeEntry
} from './git-source.js'
import { goFilesUsing } from './go-files.js'
import { demandGraph, type DataNaming, type DataReferences, type DemandSource } from './demand.js'
import {
  TYPE_CHECK,
  anyEdges,
  buildGraph,
  changedSymbolOf,
  dataReferenceOf,
  pushTo,
  testsReaching,
  isTypeExport,
  isTypeName,
  typeDependents,
  wholeChange,
  type FileChange,
  type FullGraph,
  type Graph,
  type Naming,
  type Reaching
} from './graph.js'
import { collectIgnoreOf } from './other-scanners.js'
import { TypeCheckJob } from './typecheck.js'
import { memberReach } from './members.js'
import { MODULE_SYMBOL, emptyScan, isJsLike, type ModuleScan } from './model.js'
import {
  dataBlobsAmong,
  isDataBlob,
  moduleText,
  nodeKey,
  scanBlob,
  scanKindOf,
  scanModuleText,
  scanSource,
  type ScanKind
} from './scan-blob.js'
import {
  conftestsFor,
  dirname,
  joinPath,
  isVitestProjectFile,
  isJestConfigFile,
  loadTestSettings,
  loadPytestSettings,
  makeTestMatcher,
  typeCheckedTests,
  PYTEST_CONFIGS,
  namedConfigs,
  tsconfigChains,
  tsJestIsolatedByTsconfig,
  tsJestVersion,
  workspacePackageDirs,
  type JestSettings,
  type OutsideFiles,
  type ReadText,
  type TsConfigChain
} from './project.js'
import { Resolver } from './resolve.js'
import { isAliasConfig } from './aliases.js'
import { ScanCache, type GraphSnapshot } from './scan-cache.js'
import {
  carryResolutions,
  changesEverything,
  fileListChange,
  resolvedAnew,
  senseKeysOf,
  type FileListChange
} from './relink.js'
import { SyntaxChecks } from './syntax.js'
import { CoverageFilter, coverageEvidence, type CoverageEvidence } from './coverage.js'
import type { CoverageMap } from '../runners/coverage-map.js'
import type { Selection } from './types.js'

export type { Selection } from './types.js'
export { stringRefersTo } from './graph.js'

export interface SelectOptions {
  git: Git
  /** Undefined when there is nothing to compare against: every test runs. */
  base: string | undefined
  head: string
  log: Logger
  /** Test globs that are always selected. */
  alwaysRun?: readonly string[]
  /** Changed-file globs that make every test run. */
  runAllOn?: readonly string[]
  /** CI Medic's config file, repository-relative. */
  configFile?: string
  /** Folder for the scan cache (usually `<workDir>/select-cache`); none: no cache. */
  cacheDir?: string
  /**
   * With ts-jest type checking on load: check the types of the files a change can affect (default),
   * or (false) select every loader of a changed TypeScript file.
   */
  typeCheck?: boolean
  /**
   * 'demand' (default): scan just the files the search from the change reaches; 'full': scan and
   * link every file first.
   */
  graph?: 'demand' | 'full'
  /**
   * A changed method or accessor selects only the tests that reach its class and something that
   * names it (default, see members.ts); false: every test that reaches the class.
   */
  memberReach?: boolean
  /** Restores the scan cache folder before the full graph is built (the Actions cache). */
  fullGraphCache?: FullGraphCache
  /**
   * What each test file loaded and ran when coverage was recorded (`record-coverage`): where it
   * speaks for the base commit, a test that never ran a changed function is left out (see coverage.ts).
   */
  coverageMap?: CoverageMap
}

/** Where the full graph's scan cache comes from and goes to, besides its folder. */
export interface FullGraphCache {
  restore(): Promise<void>
  save(): Promise<void>
}

export interface ChangedSymbol {
  file: string
  symbol: string
}

export interface SelectStats {
  files: number
  scanned: number
  cacheHits: number
  /** How the graph was built: every file, or only what the search from the change reached. */
  graph?: 'full' | 'demand'
  graphMs: number
  /** Time spent type-checking for ts-jest (part of totalMs). */
  typeCheckMs?: number
  totalMs: number
}

export interface SelectResult extends Selection {
  /** Every changed symbol (`*` for a whole file), flat. */
  changedSymbols: ChangedSymbol[]
  /** For each selected test, the changed `file#symbol`s it reaches. */
  reach: Record<string, string[]>
  /** Changed symbols of source files that no test reaches (for the test generator). */
  unreached: ChangedSymbol[]
  /** Every test file of the repository at head (what mode 'all' runs). */
  allTests: string[]
  stats: SelectStats
  notes: string[]
}

export { scanKindOf, scanSource }

/** A file in a fixture folder: the folder's parent holds the tests that read it. */
const FIXTURE_FOLDER = /^(.*?)(?:^|\/)(?:__fixtures__|fixtures|__testfixtures__|testdata|test-data)\//

const CONFIG_NAMES =
  /(?:^|\/)(?:package\.json|[tj]sconfig(?:\.[\w-]+)?\.json|jest\.config\.[cm]?[jt]s(?:on)?|\.mocharc\.(?:jsonc?|ya?ml|c?js)|pnpm-workspace\.yaml|go\.mod|\.?pytest\.ini|pyproject\.toml|tox\.ini|setup\.cfg|conftest\.py)$/

/**
 * babel's and SWC's configs: whether they keep the imports that take only types, or emit
 * decorator metadata (see valueImportKeeper, emitsDecoratorMetadata).
 */
const TRANSPILER_CONFIG =
  /(?:^|\/)(?:\.babelrc(?:\.json|\.[cm]?js)?|babel\.config\.(?:json|[cm]?[jt]s)|\.swcrc)$/

/**
 * The modules whose value imports a config of the repository keeps whatever they take (see
 * TypeErasure.keepsValueImports):
 * - a tsconfig's `verbatimModuleSyntax`, `preserveValueImports` or `importsNotUsedAsValues`
 *   preserve/error, set there or in a config it extends (or, with `unreadBases`, one it extends
 *   that cannot be read), keeps them in the modules it compiles: a `tsconfig.json` (or
 *   `jsconfig.json`), which tools find as the nearest to a module, those of its folder; a config
 *   under another name (`tsconfig.spec.json`), which a tool of its package is pointed at, those of
 *   its package (the folder of the nearest package.json); and those its `include` names;
 * - a tsconfig ts-jest is given in a jest config (`tsJestConfigs`), everywhere: ts-jest compiles
 *   with it every module a test loads (with `unreadBases`, one that is not read too);
 * - babel's `onlyRemoveTypeImports`, and the tsconfig options set in any other config (SWC's
 *   `verbatimModuleSyntax`, ts-jest's inline `tsconfig`, vite's `esbuild.tsconfigRaw`), keep them
 *   everywhere.
 */
export function valueImportKeeper(
  configText: ReadonlyMap<string, string>,
  files: ReadonlySet<string>,
  tsconfigs: ReadonlyMap<string, TsConfigChain>,
  { unreadBases = true, tsJestConfigs = [] as readonly string[] } = {}
): (path: string) => boolean {
  // Any other config that sets one (an .swcrc, ts-jest's inline `tsconfig`, vite's `oxc` or
  // `esbuild.tsconfigRaw`) is taken to compile every module.
  const tsconfigPaths = new Set([...tsconfigs.values()].flatMap(chain => chain.paths))
  for (const [path, text] of configText)
    if (
      /onlyRemoveTypeImports["']?\s*:\s*true/.test(text) ||
      (!tsconfigPaths.has(path) && keepsImportsOption(text))
    )
      return () => true
  const keeps = (chain: TsConfigChain): boolean =>
    (unreadBases && chain.missing.length > 0) || chain.texts.some(keepsImportsOption)
  // ts-jest compiles every module a test loads with the tsconfig it is given, wherever the
  // module is, and whatever that config's own folder and `include` take.
  for (const config of tsJestConfigs) {
    const chain = tsconfigs.get(config)
    // One not read (not in the repository at the path guessed) may set anything.
    if (chain ? keeps(chain) : unreadBases) return () => true
  }
  const scopes = new Set<string>()
  for (const [config, chain] of tsconfigs) {
    if (!keeps(chain)) continue
    const name = config.slice(config.lastIndexOf('/') + 1)
    scopes.add(
      name === 'tsconfig.json' || name === 'jsconfig.json' ? dirname(config) : packageFolderOf(config, files)
    )
    for (const folder of chain.includes) scopes.add(folder)
  }
  if (scopes.has('')) return () => true
  if (scopes.size === 0) return () => false
  return path => {
    for (const scope of scopes) if (path.startsWith(scope) && path[scope.length] === '/') return true
    return false
  }
}

/**
 * Whether a config of the repository emits decorator metadata (a tsconfig's
 * `emitDecoratorMetadata`, SWC's `decoratorMetadata`, babel's typescript-metadata plugin). A
 * compiler that sees one module at a time (SWC, babel, ts-jest's isolatedModules) cannot tell a
 * type from a value, so it keeps the import of every name a decorated class annotates with.
 */
export function emitsDecoratorMetadata(
  configText: ReadonlyMap<string, string>,
  tsconfigs: ReadonlyMap<string, TsConfigChain>
): boolean {
  const metadata = (text: string): boolean =>
    /["']?(?:emitDecoratorMetadata|decoratorMetadata)["']?\s*:\s*true|typescript-metadata/.test(text)
  return (
    [...configText.values()].some(metadata) ||
    [...tsconfigs.values()].some(chain => chain.texts.some(metadata))
  )
}

/** The folder of the package.json nearest to `path` ('' for none but the repository's). */
function packageFolderOf(path: string, files: ReadonlySet<string>): string {
  for (let dir = dirname(path); dir !== ''; dir = dirname(dir))
    if (files.has(`${dir}/package.json`)) return dir
  return ''
}

/** A tsconfig option, in a tsconfig or any other config, that keeps every value import (see valueImportKeeper). */
function keepsImportsOption(text: string): boolean {
  return (
    /["']?(?:verbatimModuleSyntax|preserveValueImports)["']?\s*:\s*true/.test(text) ||
    /["']?importsNotUsedAsValues["']?\s*:\s*["'](?:preserve|error)["']/.test(text)
  )
}

/** The files under `top` on disk, by path from it; none above it. */
function filesUnder(top: string): OutsideFiles {
  const within = (path: string): boolean => path !== '..' && !path.startsWith('../') && !path.startsWith('/')
  return {
    has: path => within(path) && statSync(join(top, path), { throwIfNoEntry: false })?.isFile() === true,
    read: path => {
      if (!within(path)) return undefined
      try {
        return readFileSync(join(top, path), 'utf8')
      } catch {
        return undefined
      }
    }
  }
}

export interface RepositoryGraph {
  head: string
  entries: TreeEntry[]
  files: Set<string>
  configText: Map<string, string>
  jest: JestSettings[]
  resolver: Resolver
  /**
   * The repository's tsconfigs with what they extend (see tsconfigChains), a base that is not in
   * the repository read from the work tree (its node_modules, its generated configs) when given.
   */
  tsconfigs: () => ReadonlyMap<string, TsConfigChain>
  graph: Graph
  /** The scan of a file of the revision. */
  scan(path: string): ModuleScan | undefined
  /** The modules that name a (changed) data file, or import the module it mocks (see DemandGraph). */
  dataReferences(path: string, naming?: DataNaming): DataReferences
  isTest: (path: string) => boolean
  stats: { files: number; scanned: number; cacheHits: number; graph: 'full' | 'demand'; linked?: number }
  /** Contents of `extraBlobs` (read in the same git process). */
  extraBlobs: Map<string, Buffer>
}

/** A graph with every file scanned and linked. */
export interface FullRepositoryGraph extends RepositoryGraph {
  scans: Map<string, ModuleScan>
  graph: FullGraph
}

interface GraphOptions {
  cache?: ScanCache
  /** The tree listing of head, when the caller started it already. */
  listing?: Promise<TreeEntry[]>
  /** The work tree, when it is checked out at head (from `workTreeAt`). */
  workTree?: Promise<WorkTree | undefined>

  /**
   * Paths to count as files (deleted ones, so that their importers still resolve to them); may
   * come later (from the diff, which git runs while the files are read).
   */
  extraFiles?: readonly string[] | Promise<readonly string[]>
  /** Blobs to read in the same git run (the base versions of changed files); may come later. */
  extraBlobs?: readonly string[] | Promise<readonly string[]>
  /** Called (demand-driven graph) once the files are listed, before they are read. */
  beforeRead?: () => void
  /** Called (demand-driven graph) once the files are read, with what was read of each path. */
  afterRead?: (read: (path: string) => Buffer | undefined) => Promise<void>
  /** Called once the test runners' configs are read, before the graph is made. */
  afterConfigs?: (jest: readonly JestSettings[]) => void
  /** The work tree's files outside the revision: the packages installed, which tests run with. */
  installed?: OutsideFiles
}

function isConfigEntry(entry: TreeEntry): boolean {
  const path = entry.path
  // The names CONFIG_NAMES takes end so; tens of thousands of other paths skip the pattern.
  const named =
    path.endsWith('.json') ||
    path.endsWith('.yaml') ||
    path.endsWith('.mod') ||
    path.endsWith('.ini') ||
    path.endsWith('.toml') ||
    path.endsWith('.cfg') ||
    path.includes('jest.config.') ||
    path.includes('.mocharc.') ||
    path.endsWith('conftest.py')
  return (
    (named && CONFIG_NAMES.test(path) && !path.includes('node_modules/')) ||
    ((path.includes('babel') || path.endsWith('.swcrc')) &&
      TRANSPILER_CONFIG.test(path) &&
      !path.includes('node_modules/')) ||
    (isJestConfigFile(path) && !path.includes('node_modules/')) ||
    isAliasConfig(path) ||
    (isVitestProjectFile(path) && !path.includes('node_modules/'))
  )
}

/**
 * Adds to `configText` the configs that others name under names no listing rule takes (see
 * namedConfigs), read from git once the configs that name them are: a tsconfig's base may extend
 * another.
 */
async function readNamedConfigs(
  git: Git,
  entries: readonly TreeEntry[],
  files: ReadonlySet<string>,
  configText: Map<string, string>
): Promise<void> {
  for (let round = 0; round < 8; round++) {
    const wanted = new Set<string>()
    for (const path of namedConfigs(p => configText.get(p), configText.keys(), files).keys())
      if (!configText.has(path)) wanted.add(path)
    const named = wanted.size ? entries.filter(entry => wanted.has(entry.path)) : []
    if (named.length === 0) return
    const blobs = await readBlobs(
      git.dir,
      named.map(entry => entry.sha)
    )
    for (const entry of named) configText.set(entry.path, blobs.get(entry.sha)?.toString('utf8') ?? '')
  }
}

type Revision = Pick<
  RepositoryGraph,
  'head' | 'entries' | 'files' | 'configText' | 'jest' | 'isTest' | 'resolver' | 'tsconfigs'
> & {
  /** The jest setup files (setupFiles, setupFilesAfterEnv, global setup) a test file loads first. */
  setupLoadsOf: (path: string) => readonly string[]
  /** Each jest project's setup files (see setupFilesOf). */
  setupFiles: string[][]
}

/** Each jest project's setup files, as found in the repository. */
function setupFilesOf(jest: readonly JestSettings[], resolver: Resolver): string[][] {
  return jest.map(settings => [
    ...new Set(
      settings.setupFiles.flatMap(file => {
        const found =
          (settings.rootDir ? resolver.tryPath(joinPath(settings.rootDir, file)) : undefined) ??
          resolver.tryPath(file)
        return found ? [found] : []
      })
    )
  ])
}

/**
 * For each JavaScript test file, the setup files of its jest project that exist in the repository;
 * of a vitest run's projects, those of each project that takes the file.
 */
function setupLoader(
  jest: readonly JestSettings[],
  setupFiles: readonly string[][],
  isTest: (path: string) => boolean
): (path: string) => readonly string[] {
  const projects = jest.map((settings, i) => ({
    settings,
    files: setupFiles[i] ?? [],
    takes: once(() => makeTestMatcher([settings]))
  }))
  if (projects.every(project => project.files.length === 0)) return () => []
  const holds = (dir: string, path: string): boolean => !dir || path.startsWith(dir + '/')
  return path => {
    if (!isJsLike(path) || !isTest(path)) return []
    const first = projects.find(({ settings }) => holds(settings.dir, path))
    const group = first?.settings.group
    if (group === undefined) return first?.files ?? []
    const taking = projects.filter(
      ({ settings, takes }) => settings.group === group && holds(settings.dir, path) && takes()(path)
    )
    return [...new Set(taking.flatMap(project => project.files))]
  }
}

/** `make()`, made on first use. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined
  return () => (made ??= { value: make() }).value
}

/** A revision's files, with its jest settings, test matcher and resolver (from its config files). */
function revisionOf(
  head: string,
  entries: TreeEntry[],
  files: Set<string>,
  configText: Map<string, string>,
  installed: OutsideFiles | undefined,
  memo?: Record<string, string>
): Revision {
  const configs = [...configText.keys()]
  const text = (path: string): string | undefined => configText.get(path)
  const read: ReadText = Object.assign(text, {
    packageDir: workspacePackageDirs(
      text,
      configs.filter(path => /(?:^|\/)package\.json$/.test(path))
    )
  })
  const jest: JestSettings[] = []
  const jestDirs = new Set<string>([''])
  for (const path of configText.keys())
    if (/(?:^|\/)(?:jest\.config\.[cm]?[jt]s(?:on)?|package\.json)$/.test(path)) jestDirs.add(dirname(path))
  for (const dir of [...jestDirs].sort((a, b) => b.length - a.length)) {
    jest.push(...loadTestSettings(read, dir, configs))
  }
  // The deepest folder first (see makeTestMatcher); a vitest project may be deeper than its run.
  jest.sort((a, b) => b.dir.length - a.dir.length)
  const tsconfigs = once(() => tsconfigChains(read, configs, files, installed))
  settleTsJestIsolation(jest, read, files, tsconfigs, installed)
  const resolver = new Resolver(files, read, jest, memo, configs)
  const pytestDirs = new Set<string>()
  for (const path of configText.keys())
    if ((PYTEST_CONFIGS as readonly string[]).includes(path.slice(path.lastIndexOf('/') + 1)))
      pytestDirs.add(dirname(path))
  const pytest = [...pytestDirs]
    .sort((a, b) => b.length - a.length)
    .flatMap(dir => loadPytestSettings(read, dir) ?? [])
  const conftestIgnores = [...configText]
    .filter(([path]) => path === 'conftest.py' || path.endsWith('/conftest.py'))
    .flatMap(([path, text]) => collectIgnoreOf(text, dirname(path)) ?? [])
  const isTest = makeTestMatcher(jest, pytest, conftestIgnores)
  const setupFiles = setupFilesOf(jest, resolver)
  return {
    head,
    entries,
    files,
    configText,
    jest,
    isTest,
    resolver,
    tsconfigs,
    setupFiles,
    setupLoadsOf: setupLoader(jest, setupFiles, isTest)
  }
}

/**
 * Turns ts-jest's type checking off in the jest configs whose ts-jest compiles each module alone
 * because the tsconfig it compiles with sets `isolatedModules` (see tsJestIsolatedByTsconfig):
 * then a type error fails no test. `installed`: the work tree's files, for the ts-jest installed.
 */
function settleTsJestIsolation(
  jest: JestSettings[],
  read: ReadText,
  files: ReadonlySet<string>,
  tsconfigs: () => ReadonlyMap<string, TsConfigChain>,
  installed: OutsideFiles | undefined
): void {
  if (!jest.some(settings => settings.isolationFromTsconfig)) return
  const chains = tsconfigs()
  jest.forEach((settings, i) => {
    if (!settings.isolationFromTsconfig) return
    const version = tsJestVersion(settings.rootDir, read, installed)
    if (tsJestIsolatedByTsconfig(settings, files, chains, version))
      jest[i] = { ...settings, typeChecked: false }
  })
}

/** What the configs are: their paths and texts. */
function configFingerprint(configText: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256')
  for (const [path, text] of configText) hash.update(`\u0000${path}\u0001${text}`)
  return hash.digest('base64url').slice(0, 22)
}

/**
 * At most this many files, or this share of them, added or deleted since the cache, for the graph
 * to be patched: past that, linking every module costs less than finding which to link again.
 */
const FEW_FILES_CHANGED = 64
const MOST_FILES_CHANGED = 0.05

/** The revision the cache was made for, when only its files differ from this one's (a few). */
interface RevisionBefore {
  fingerprint: string
  /** The saved resolutions, which this run cuts to what still holds and adds to (its resolver's memo). */
  resolutions: Record<string, string>
  change: FileListChange
  /** The files the previous revision scanned, in its order. */
  scannedBefore: string[]
  setupPrint: string
}

function revisionBefore(
  cache: ScanCache,
  fingerprint: string,
  configPrint: string,
  files: ReadonlySet<string>
): RevisionBefore | undefined {
  const previous = cache.loaded ? cache.previousResolutions() : undefined
  if (!previous || previous.fingerprint === fingerprint) return undefined
  const { revision } = previous
  const colon = revision.configPrint.indexOf(':')
  if (colon < 0 || revision.configPrint.slice(0, colon) !== configPrint) return undefined
  const change = fileListChange([...revision.tree, ...revision.extra], files)
  const changedFiles = [...change.added, ...change.deleted]
  if (
    changedFiles.length > Math.max(FEW_FILES_CHANGED, files.size * MOST_FILES_CHANGED) ||
    changedFiles.some(changesEverything)
  )
    return undefined
  return {
    fingerprint: previous.fingerprint,
    resolutions: previous.resolutions,
    change,
    scannedBefore: revision.tree.filter(path => scanKindOf(path) !== undefined),
    setupPrint: revision.configPrint.slice(colon + 1)
  }
}

/** `before`, its resolutions cut to those that still hold; those dropped, to compare. */
interface Carried extends RevisionBefore {
  dropped: Map<string, string>
}

function carryAcross(before: RevisionBefore, resolver: Resolver): Carried {
  return { ...before, dropped: carryResolutions(before.resolutions, before.change, resolver) }
}

/**
 * The snapshot of the previous revision, and the modules to link again: those with an import that
 * now resolves otherwise, and those whose strings, glob imports or packages may take an added or
 * deleted file (see relink.ts).
 */
function relinkAcross(
  carried: Carried,
  cache: ScanCache,
  resolver: Resolver,
  scans: ReadonlyMap<string, ModuleScan>
): { previous: GraphSnapshot; deleted: Set<string>; relink: Set<string> } | undefined {
  const previous = cache.graphSnapshot(carried.fingerprint, carried.scannedBefore)
  if (!previous) return undefined
  const relink = new Set<string>()
  const anew = resolvedAnew(carried.dropped, resolver)
  for (const [path, scan] of scans) {
    const specs = anew.get(dirname(path))
    if (specs && scan.imports.some(record => specs.has(record.spec))) relink.add(path)
  }
  const { added, deleted } = carried.change
  for (const file of [...added, ...deleted])
    for (const key of senseKeysOf(file))
      for (const at of previous.sense[key] ?? []) relink.add(previous.paths[at] as string)
  return { previous, deleted: new Set(deleted), relink }
}

/** A file the scan cache has no scan of: `at` is its index among the scanned files. */
interface Missing {
  entry: TreeEntry
  kind: ScanKind
  key: string
  at: number
}

/** Up to this many files to scan are read from git, with no check of the work tree first. */
const FEW_MISSES = 256

/**
 * What the saved resolutions and graph depend on: the files (those of the tree, in its order, then
 * the others) and the config texts.
 */
function revisionFingerprint(
  entries: readonly TreeEntry[],
  others: readonly string[],
  configText: ReadonlyMap<string, string>
): string {
  const hash = createHash('sha256').update(entries.map(entry => entry.path).join('\n'))
  hash.update(`\u0002${others.join('\n')}`)
  for (const [path, text] of configText) hash.update(`\u0000${path}\u0001${text}`)
  return hash.digest('base64url').slice(0, 22)
}

/**
 * Builds the symbol-level graph of a revision: lists its files, scans every source file (or takes
 * the scan from the cache, by blob SHA) and resolves every import.
 */
export async function buildRepositoryGraph(
  git: Git,
  head: string,
  options: GraphOptions = {}
): Promise<FullRepositoryGraph> {
  const listing = options.listing ?? listTree(git, head)
  const cache = options.cache ?? new ScanCache(undefined)
  // Parse the cache file while git lists the tree (another process). With no cache every file is
  // read, so the work tree is checked at once; with one, only if the cache misses many files:
  // `git status` costs more CPU than reading a few blobs from git.
  const checkedOut = options.workTree ?? (cache.loaded ? undefined : workTreeAt(git, head))
  if (cache.loaded) cache.prepareResolutions()
  const entries = await listing
  const configEntries = entries.filter(isConfigEntry)
  const configShas = new Set(configEntries.map(e => e.sha))
  const configBlobs = new Map<string, Buffer>()
  const extraShas = new Set<string>()
  const extraBlobs = new Map<string, Buffer>()
  const missingBySha = new Map<string, Missing[]>()
  // The scan of each file of `scanned`, at the same index.
  const found: Array<ModuleScan | undefined> = []
  let batch: BlobBatch | undefined
  const fromGit = (shas: ReadonlySet<string>): void => {
    if (shas.size === 0) return
    batch ??= openBlobBatch(git.dir, (sha, blob) => {
      if (configShas.has(sha)) configBlobs.set(sha, blob)
      if (extraShas.has(sha)) extraBlobs.set(sha, blob)
      for (const { entry, kind, key, at } of missingBySha.get(sha) ?? []) {
        if (found[at]) continue
        const scan = scanBlob(kind, blob, entry.path, false)
        cache.set(key, scan)
        found[at] = scan
      }
    })
    batch.request(shas)
  }
  const files = new Set<string>()
  let extraFiles: readonly string[] = []
  const keys = new Map<string, string>()
  const scanned: TreeEntry[] = []
  const missing: Missing[] = []
  try {
    // With a scan cache the work tree is looked at only when many files miss it: git gives the
    // configs, starting now, while this thread goes through the files.
    const configsFromGit = checkedOut === undefined
    if (configsFromGit) fromGit(configShas)
    for (const entry of entries) {
      files.add(entry.path)
      const kind = scanKindOf(entry.path)
      if (!kind) continue
      const key = nodeKey(entry.sha, kind)
      const at = scanned.push(entry) - 1
      keys.set(entry.path, key)
      const cached = cache.get(key)
      found.push(cached)
      if (!cached) missing.push({ entry, kind, key, at })
    }
    const missingByKey = new Map<string, Missing[]>()
    for (const item of missing) {
      pushTo(missingBySha, item.entry.sha, item)
      pushTo(missingByKey, item.key, item)
    }
    extraFiles = (await options.extraFiles) ?? []
    for (const extra of extraFiles) files.add(extra)
    for (const sha of (await options.extraBlobs) ?? []) extraShas.add(sha)
    // A work tree clean at head is read directly (faster than inflating objects); git gives the rest.
    const workTree = await (checkedOut ?? (missing.length > FEW_MISSES ? workTreeAt(git, head) : undefined))
    const configsRead = configsFromGit
      ? []
      : await takeFromWorkTree(
          workTree,
          configEntries.map(entry => entry.path),
          (_, blob) => blob
        )
    configEntries.forEach((entry, i) => {
      const blob = configsRead[i]
      if (!blob) return
      configBlobs.set(entry.sha, blob)
      configShas.delete(entry.sha)
    })
    const readable = [...missingByKey.values()]
      .map(items => items[0] as Missing)
      .filter(({ entry }) => !extraShas.has(entry.sha) && !configShas.has(entry.sha))
    // Each file scanned as soon as it is read: no file's bytes outlive its scan.
    const fromWorkTree = await takeFromWorkTree(
      workTree,
      readable.map(({ entry }) => entry.path),
      (i, blob) => {
        const { entry, kind } = readable[i] as (typeof readable)[number]
        return scanBlob(kind, blob, entry.path, false)
      }
    )
    fromWorkTree.forEach((scan, i) => {
      if (!scan) return
      const { key } = readable[i] as (typeof readable)[number]
      cache.set(key, scan)
      for (const item of missingByKey.get(key) ?? []) found[item.at] = scan
    })
    fromGit(
      new Set([
        ...missing.filter(({ at }) => !found[at]).map(({ entry }) => entry.sha),
        ...(configsFromGit ? [] : configShas),
        ...extraShas
      ])
    )
    await batch?.close()
  } finally {
    // Whatever failed, git is not left waiting for more requests.
    void batch?.close()
  }
  for (const { key, at } of missing) {
    if (found[at]) continue
    const scan = { ...emptyScan('data'), error: 'blob missing' }
    cache.set(key, scan)
    found[at] = scan
  }
  // In tree order, whatever came from the cache, so that graphs of the same files line up.
  const scans = new Map<string, ModuleScan>()
  scanned.forEach((entry, i) => scans.set(entry.path, found[i] as ModuleScan))
  let entryOf: Map<string, string> | undefined
  const configText = new Map<string, string>()
  for (const entry of configEntries) {
    const blob = configBlobs.get(entry.sha)
    if (blob) configText.set(entry.path, blob.toString('utf8'))
  }
  await readNamedConfigs(git, entries, files, configText)
  const fingerprint = revisionFingerprint(entries, extraFiles, configText)
  const configPrint = configFingerprint(configText)
  const before = revisionBefore(cache, fingerprint, configPrint, files)
  // After files were added or deleted, what no longer holds is taken out once the resolver can say
  // which specifiers an alias may rewrite.
  const memo = before ? before.resolutions : cache.resolutions(fingerprint)
  const revision = revisionOf(head, entries, files, configText, options.installed, memo)
  options.afterConfigs?.(revision.jest)
  const { resolver } = revision
  const carried = before && carryAcross(before, resolver)
  const conftests = new Map<string, string[]>()
  for (const path of scans.keys()) {
    const found = path.endsWith('.py') ? conftestsFor(path, files) : []
    if (found.length) conftests.set(path, found)
  }
  const setupPrint = JSON.stringify(revision.setupFiles)
  const across =
    carried && carried.setupPrint === setupPrint ? relinkAcross(carried, cache, resolver, scans) : undefined
  const graph = buildGraph(
    scans,
    resolver,
    conftests,
    keys,
    across?.previous ?? cache.graphSnapshot(fingerprint, [...scans.keys()]),
    revision.setupLoadsOf,
    across
  )
  cache.setResolutions(fingerprint, resolver.memo, resolver.added > 0, {
    tree: entries.map(entry => entry.path),
    extra: [...extraFiles],
    configPrint: `${configPrint}:${setupPrint}`
  })
  cache.setGraphSnapshot(() => graph.snapshot(fingerprint))
  return {
    ...revision,
    scans,
    // A changed file, diffed: scanned with hashes from its committed text (a work tree may have
    // other line endings).
    scan: path => {
      const kind = scanKindOf(path)
      entryOf ??= new Map(scanned.map(entry => [entry.path, entry.sha]))
      const sha = entryOf.get(path)
      if (!kind || sha === undefined) return scans.get(path)
      const js = kind === 'ts' || kind === 'jsx'
      const key = `${sha}:${kind}`
      const cached = js ? cache.get(key) : undefined
      if (cached) return cached
      const blob = extraBlobs.get(sha)
      if (!blob) {
        if (js) throw new Error(`${path}: its committed text was not read`)
        return scans.get(path)
      }
      const scan = scanBlob(kind, blob, path)
      if (js) cache.set(key, scan)
      return scan
    },
    dataReferences: (path, naming) => dataReferencesIn(graph, path, naming),
    graph,
    stats: {
      files: entries.length,
      scanned: missing.length,
      cacheHits: scans.size - missing.length,
      graph: 'full',
      linked: graph.linked
    },
    extraBlobs
  }
}

/**
 * How many times modules that name a module run by its path (see runByPath) are added and the
 * walk redone: such a module may itself be one that only its path loads.
 */
const RUN_BY_PATH_ROUNDS = 3

/** Both walks' hits: a test one walk's member reach left out may be one the other reaches. */
function withReaching(first: Reaching, more: Reaching): Reaching {
  const hits = [...first.hits, ...more.hits]
  const reached = new Set(hits.map(hit => hit.test))
  const dropped = [...first.dropped, ...more.dropped].filter(hit => !reached.has(hit.test))
  const deadEnds = new Map(first.deadEnds)
  for (const [file, chain] of more.deadEnds) if (!deadEnds.has(file)) deadEnds.set(file, chain)
  return { hits, dropped, deadEnds }
}

/** Calls that read a file's text. */
const READS_TEXT: readonly string[] = ['readFileSync', 'readFile', 'createReadStream']
/** Calls that find files to load or read: listing a folder, globbing, or reading one. */
const READS_FILES: readonly string[] = [
  ...READS_TEXT,
  'readdirSync',
  'readdir',
  'opendirSync',
  'opendir',
  'globSync',
  'sync'
]

/**
 * The names a module may call a function by: the property names and string words of its
 * declarations (`fs.readFileSync`), and the names it imports (`import { readFileSync } from 'fs'`).
 */
function callableNames(scan: ModuleScan | undefined): Set<string> {
  const names = new Set<string>()
  for (const symbol of Object.values(scan?.symbols ?? {}))
    for (const word of symbol.words ?? []) names.add(word)
  for (const record of scan?.imports ?? []) for (const { imported } of record.names ?? []) names.add(imported)
  return names
}

/** Does no module load `path` (import it, or run it by its path)? */
function nothingLoads(graph: Graph, path: string): boolean {
  return !(graph.hasEdgesInto ? graph.hasEdgesInto(path) : anyEdges(graph.edgesInto(path)))
}

/** `dataReferences` of a full graph: every module is read. */
function dataReferencesIn(graph: FullGraph, path: string, naming?: Naming): DataReferences {
  const referrers: string[] = []
  for (const [file, node] of graph.nodes)
    if (dataReferenceOf(node, path, naming) === 'names') referrers.push(file)
  return { referrers }
}

/**
 * Reads `paths` from the work tree while git status runs, hands each file read to `take` (with
 * its index), and keeps what it returns for the files status does not report changed: undefined
 * for the rest (all of them when there is no work tree at the revision, or git could not tell),
 * which are for git to give.
 */
async function takeFromWorkTree<T>(
  tree: WorkTree | undefined,
  paths: readonly string[],
  take: (index: number, blob: Buffer) => T
): Promise<Array<T | undefined>> {
  const taken = new Array<T | undefined>(paths.length)
  if (!tree) return taken
  const top = `${tree.top}/`
  const reader = new FileReader()
  for (let i = 0; i < paths.length; i++) {
    const blob = reader.read(top + paths[i])
    if (blob) taken[i] = take(i, blob)
  }
  const changed = await tree.changed
  if (changed === undefined) return new Array<T | undefined>(paths.length)
  if (changed.size)
    for (let i = 0; i < paths.length; i++) if (changed.has(paths[i] as string)) taken[i] = undefined
  return taken
}

/** A file system page: a read of whole pages may have stopped short of the end. */
const PAGE = 4096

/**
 * Reads whole files into shared buffers and hands out views of them: ten thousand small files
 * then cost a few allocations, not one buffer each, and no `stat` each.
 */
class FileReader {
  private arena = Buffer.allocUnsafeSlow(1 << 20)
  private used = 0

  /**
   * The file's bytes, or undefined when it cannot be read (missing, a folder). A read that brings
   * fewer bytes than there was room for has reached the end of a regular file, and no second read
   * is made to find it; unless it brought whole pages, which a file system may hand out in parts.
   */
  read(path: string): Buffer | undefined {
    let fd: number
    try {
      fd = openSync(path, 'r')
    } catch {
      return undefined
    }
    let start = this.used
    try {
      for (;;) {
        if (this.used === this.arena.length) {
          // Full: what this file has so far moves to a fresh buffer; earlier views keep the old one.
          const sofar = this.used - start
          const fresh = Buffer.allocUnsafeSlow(Math.max(1 << 20, sofar * 2))
          this.arena.copy(fresh, 0, start, this.used)
          this.arena = fresh
          start = 0
          this.used = sofar
        }
        const room = this.arena.length - this.used
        const read = readSync(fd, this.arena, this.used, room, null)
        if (read === 0) break
        this.used += read
        if (read < room && read % PAGE !== 0) break
      }
    } catch {
      this.used = start
      return undefined
    } finally {
      closeSync(fd)
    }
    return this.arena.subarray(start, this.used)
  }
}

/**
 * Reads files of the revision: from the work tree when it is checked out at that revision and
 * clean (faster than inflating git objects), otherwise, and for anything missing there, from git.
 */
async function readRevisionFiles(
  git: Git,
  entries: readonly TreeEntry[],
  fromWorkTree: WorkTree | undefined,
  extraShas: readonly string[] | Promise<readonly string[]>
): Promise<{ byPath: Map<string, Buffer>; extra: Promise<Map<string, Buffer>> }> {
  const byPath = new Map<string, Buffer>()
  const extras = Promise.resolve(extraShas).then(shas => readBlobs(git.dir, shas))
  extras.catch(() => undefined)
  const read = await takeFromWorkTree(
    fromWorkTree,
    entries.map(entry => entry.path),
    (_, blob) => blob
  )
  const fromGit: TreeEntry[] = []
  entries.forEach((entry, i) => {
    const blob = read[i]
    if (blob) byPath.set(entry.path, blob)
    else fromGit.push(entry)
  })
  if (fromGit.length) {
    const blobs = await readBlobs(
      git.dir,
      fromGit.map(e => e.sha)
    )
    for (const entry of fromGit) {
      const blob = blobs.get(entry.sha)
      if (blob) byPath.set(entry.path, blob)
    }
  }
  return { byPath, extra: extras }
}

/**
 * The work tree, when it is checked out at `head`: its top folder at once, and the tracked files
 * it changed (`git status`) once git has looked, so that files can be read while it does.
 */
interface WorkTree {
  top: string
  /** Paths whose work tree file may differ from head; undefined when git could not tell. */
  changed: Promise<ReadonlySet<string> | undefined>
}

async function workTreeAt(
  git: Git,
  head: string,
  checkout?: { top: string; current: string }
): Promise<WorkTree | undefined> {
  const changed = changedInWorkTree(git)
  try {
    // `checkout` comes with `head` resolved to a SHA; any other head is resolved here.
    const where = checkout
      ? undefined
      : await git.query(['rev-parse', '--show-toplevel', 'HEAD', '--end-of-options', `${head}^{commit}`])
    const [top, current, wanted] = where ? revParseLines(where) : [checkout?.top, checkout?.current, head]
    return current === wanted && top ? { top, changed } : undefined
  } catch {
    return undefined
  }
}

/** The tracked paths `git status` reports (both sides of a rename); undefined when it fails. */
async function changedInWorkTree(git: Git): Promise<ReadonlySet<string> | undefined> {
  try {
    const status = await git.query([
      'status',
      '--porcelain',
      '-z',
      '--untracked-files=no',
      '--ignore-submodules'
    ])
    const paths = new Set<string>()
    const records = status.split('\0')
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as string
      if (record.length < 4) continue
      paths.add(record.slice(3))
      // A rename or copy: the source path is the next record.
      if (record[0] === 'R' || record[0] === 'C' || record[1] === 'R' || record[1] === 'C') {
        const source = records[++i]
        if (source) paths.add(source)
      }
    }
    return paths
  } catch {
    return undefined
  }
}

/** The paths a change removed: deleted files and the old side of renames. */
function pathsGone(raw: readonly RawChange[]): string[] {
  return raw.flatMap(c => (c.status === 'deleted' ? [c.path] : c.previousPath ? [c.previousPath] : []))
}

/** rev-parse's output lines; git before 2.43 echoes `--end-of-options` among them. */
function revParseLines(stdout: string): string[] {
  return stdout.split('\n').filter(line => line !== '' && line !== '--end-of-options')
}

/**
 * Base and head as commit SHAs, plus the work tree's top folder and HEAD, in one git run when it
 * can (each git process costs a few milliseconds); one run per revision otherwise.
 */
async function resolveRevisions(
  git: Git,
  base: string | undefined,
  head: string
): Promise<{ base?: string; head?: string; checkout?: { top: string; current: string } }> {
  const revs = base === undefined ? [head] : [base, head]
  const all = await git.tryQuery([
    'rev-parse',
    '--show-toplevel',
    '--end-of-options',
    ...revs.map(r => `${r}^{commit}`),
    'HEAD'
  ])
  const lines = revParseLines(all.stdout)
  if (all.exitCode === 0 && lines.length === revs.length + 2) {
    const [top, ...shas] = lines as [string, ...string[]]
    const current = shas.pop() as string
    return {
      base: base === undefined ? undefined : shas[0],
      head: shas[shas.length - 1],
      checkout: { top, current }
    }
  }
  const [from, to] = await Promise.all([
    base === undefined ? undefined : git.resolveCommit(base),
    git.resolveCommit(head)
  ])
  return { base: from, head: to }
}

/**
 * The demand-driven graph of a revision (see demand.ts): only the files the reverse search from a
 * change reaches are scanned and linked. Undefined when the full graph is the better way.
 */
export async function buildDemandRepositoryGraph(
  git: Git,
  head: string,
  options: GraphOptions = {}
): Promise<RepositoryGraph | undefined> {
  const cache = options.cache ?? new ScanCache(undefined)
  const [entries, workTree] = await Promise.all([
    options.listing ?? listTree(git, head),
    options.workTree ?? workTreeAt(git, head)
  ])
  options.beforeRead?.()
  cache.load()
  const kinds = entries.map(e => scanKindOf(e.path))
  const sourceEntries = entries.filter((_, i) => kinds[i] !== undefined)
  const configEntries = entries.filter(isConfigEntry)
  const { byPath, extra: extraRead } = await readRevisionFiles(
    git,
    [...sourceEntries, ...configEntries],
    workTree,
    options.extraBlobs ?? []
  )
  const files = new Set(entries.map(e => e.path))
  for (const path of (await options.extraFiles) ?? []) files.add(path)
  await options.afterRead?.(path => byPath.get(path))
  const configText = new Map<string, string>()
  for (const entry of configEntries) {
    const blob = byPath.get(entry.path)
    if (blob) configText.set(entry.path, blob.toString('utf8'))
  }
  await readNamedConfigs(git, entries, files, configText)
  const revision = revisionOf(head, entries, files, configText, options.installed)
  options.afterConfigs?.(revision.jest)
  const { jest, resolver } = revision
  const sources: DemandSource[] = []
  const dataBlobs = dataBlobsAmong(
    entries.flatMap((entry, i) => {
      const blob = byPath.get(entry.path)
      return blob ? [[blob, kinds[i]] as const] : []
    })
  )
  entries.forEach((entry, i) => {
    const kind = kinds[i]
    if (kind === undefined) return
    const blob = byPath.get(entry.path)
    const data = blob !== undefined && dataBlobs.has(blob)
    // The quick pass reads a page's module, as its scan does.
    const text = data || blob === undefined ? undefined : moduleText(kind, blob)
    sources.push({ path: entry.path, sha: entry.sha, kind, blob: text, data })
  })
  let scanned = 0
  let cacheHits = 0
  // Files the walk only links are scanned without hashes (kept apart in the cache); the changed
  // files, which are diffed, with them.
  const scanOnce = (source: DemandSource, hashes: boolean): ModuleScan => {
    const key = hashes ? `${source.sha}:${source.kind}` : `${source.sha}:${source.kind}:link`
    const cached = cache.get(key)
    if (cached) {
      cacheHits++
      return cached
    }
    scanned++
    const committed = hashes ? extra.get(source.sha) : undefined
    const scan = committed
      ? scanBlob(source.kind, committed, source.path)
      : source.data
        ? emptyScan('data')
        : source.blob === undefined
          ? { ...emptyScan('data'), error: 'blob missing' }
          : scanModuleText(source.kind, source.blob, source.path, hashes)
    cache.set(key, scan)
    return scan
  }
  const graph = demandGraph({
    sources,
    setupLoadsOf: revision.setupLoadsOf,
    resolver,
    jest,
    files,
    readConfig: path => configText.get(path),
    scan: source => scanOnce(source, false)
  })
  if (!graph) return undefined
  // git reads the changed files' blobs while the quick pass runs.
  const extra = await extraRead
  return {
    ...revision,
    scan: path => {
      const source = graph.sourceAt(path)
      return source && scanOnce(source, true)
    },
    dataReferences: (path, naming) => graph.dataReferences(path, naming),
    graph,
    stats: {
      files: entries.length,
      get scanned() {
        return scanned
      },
      get cacheHits() {
        return cacheHits
      },
      graph: 'demand'
    },
    extraBlobs: extra
  }
}

function selection(
  mode: Selection['mode'],
  tests: string[],
  reasons: Record<string, string[]>,
  fallback: string | null
): Selection {
  return { mode, tests: [...new Set(tests)].sort(), reasons, fallback, changed: [] }
}

/**
 * Selects the test files that base..head can affect, with a reason chain for each. Never throws:
 * when selection itself fails it selects every test and says why (fail open).
 */
export async function selectTests(options: SelectOptions): Promise<SelectResult> {
  const started = Date.now()
  const { log } = options
  let allTests: string[] = []
  const syntax = new SyntaxChecks(options.git.dir)
  const background: Array<{ close(): void }> = [syntax]
  try {
    return await selectOrThrow(options, started, syntax, background, tests => (allTests = tests))
  } catch (error) {
    const why = `selection failed, running every test: ${errorMessage(error)}`
    log.warning(why)
    return {
      ...selection('all', allTests, Object.fromEntries(allTests.map(t => [t, ['fail-open']])), why),
      changedSymbols: [],
      reach: {},
      unreached: [],
      allTests,
      stats: { files: 0, scanned: 0, cacheHits: 0, graphMs: 0, totalMs: Date.now() - started },
      notes: [why]
    }
  } finally {
    for (const job of background) job.close()
  }
}

async function selectOrThrow(
  options: SelectOptions,
  started: number,
  syntax: SyntaxChecks,
  background: Array<{ close(): void }>,
  reportAllTests: (tests: string[]) => void
): Promise<SelectResult> {
  const { git, log } = options
  const { base, head, checkout } = await resolveRevisions(git, options.base, options.head)
  if (!head) throw new Error(`head revision ${options.head} is not in the repository`)
  // git lists the tree, checks the work tree and diffs, while the files are read.
  const listing = listTree(git, head, { checkedOut: checkout ? checkout.current === head : undefined })
  const workTree = workTreeAt(git, head, checkout)
  const diffed: Promise<[RawChange[], string]> = base
    ? Promise.all([diffRaw(git, base, head), git.query(['log', '--format=%B%x00', `${base}..${head}`])])
    : Promise.resolve([[], ''])
  listing.catch(() => undefined)
  diffed.catch(() => undefined)
  const notes: string[] = []
  const rawChanges = diffed.then(([raw]) => raw)

  // The scan cache serves the full graph. A demand-driven run scans a few hundred files at most
  // where it is fast, which costs less than reading and rewriting a cache of every file.
  const fileCache = new ScanCache(options.cacheDir ? join(options.cacheDir, 'scans.json') : undefined)
  const graphStarted = Date.now()
  const ghosts = rawChanges.then(pathsGone)
  // Both versions of each changed source file come from git, so that they are diffed as committed
  // (a work tree may have other line endings).
  const diffedShas = rawChanges.then(raw =>
    raw.flatMap(c => [
      ...(c.baseSha && scanKindOf(c.previousPath ?? c.path) ? [c.baseSha] : []),
      ...(c.headSha && scanKindOf(c.path) ? [c.headSha] : [])
    ])
  )
  // Known once git has diffed, which is before the files are listed as a rule.
  let parsesChanges: boolean | undefined
  rawChanges.then(
    raw => (parsesChanges = raw.some(change => change.headSha !== undefined && isJsLike(change.path))),
    () => undefined
  )
  // ts-jest type-checks what it loads: the program of the changed files it may check is made on
  // a worker from as soon as the configs say so, while this thread builds the graph, diffs the
  // files and walks the graph (see checkTypes).
  let typeCheckJob: TypeCheckJob | undefined
  let diffKnown: RawChange[] | undefined
  rawChanges.then(
    raw => (diffKnown = raw),
    () => undefined
  )
  const startTypeCheck = (
    jest: readonly JestSettings[],
    raw: readonly RawChange[]
  ): TypeCheckJob | undefined => {
    if (typeCheckJob || options.typeCheck === false) return typeCheckJob
    const roots = raw
      .filter(change => change.status !== 'deleted' && typeCheckedOnLoad(jest, change.path))
      .map(change => change.path)
    if (roots.length === 0) return undefined
    typeCheckJob = new TypeCheckJob(git.dir, roots, jest.find(j => j.typeChecked)?.tsconfig)
    background.push(typeCheckJob)
    return typeCheckJob
  }
  const graphOptions = {
    afterConfigs: (jest: readonly JestSettings[]): void => {
      // At once when the diff is in: a callback would wait until the graph is built.
      if (diffKnown) startTypeCheck(jest, diffKnown)
      else rawChanges.then(raw => startTypeCheck(jest, raw)).catch(() => undefined)
    },
    extraFiles: ghosts,
    extraBlobs: diffedShas,
    listing,
    workTree,
    installed: checkout && filesUnder(checkout.top),
    // The syntax worker loads its parser on the other core while this thread reads the files (not
    // sooner: then it slows git down).
    beforeRead: (): void => {
      if (parsesChanges !== false) syntax.prepare()
    },
    // The changed files as the work tree has them are parsed on a worker while the graph is built.
    afterRead: async (read: (path: string) => Buffer | undefined): Promise<void> => {
      for (const change of await rawChanges) {
        const text = change.headSha ? read(change.path) : undefined
        // A file too large to scan symbol by symbol is not parsed either (see isDataBlob).
        if (text && !isDataBlob(text)) syntax.check(change.path, text.toString('utf8'))
      }
    }
  }
  const memoryCache = new ScanCache(undefined)
  const building =
    options.graph !== 'full'
      ? buildDemandRepositoryGraph(git, head, { ...graphOptions, cache: memoryCache })
      : undefined
  building?.catch(() => undefined)
  const [raw, history] = await diffed
  const messages = history.split('\0')
  const demand = await building
  if (!demand) await options.fullGraphCache?.restore()
  const repo = demand ?? (await buildRepositoryGraph(git, head, { ...graphOptions, cache: fileCache }))
  const cache = repo.stats.graph === 'full' ? fileCache : memoryCache
  const graphMs = Date.now() - graphStarted
  const allTests = repo.entries
    .map(e => e.path)
    .filter(repo.isTest)
    .sort()
  reportAllTests(allTests)
  let typeCheckMs = 0
  const stats = (): SelectStats => ({ ...repo.stats, graphMs, typeCheckMs, totalMs: Date.now() - started })
  const finish = (sel: Selection, extra: Partial<SelectResult> = {}): SelectResult => {
    try {
      cache.save()
    } catch (error) {
      notes.push(`scan cache not saved: ${errorMessage(error)}`)
    }
    return { ...sel, changedSymbols: [], reach: {}, unreached: [], allTests, stats: stats(), notes, ...extra }
  }
  const runAll = (why: string, changed: Selection['changed'] = []): SelectResult =>
    finish({ ...selection('all', allTests, Object.fromEntries(allTests.map(t => [t, [why]])), why), changed })

  if (!base)
    return runAll(
      options.base === undefined
        ? 'there is no base commit to compare against'
        : `base revision ${options.base} is not in the repository (a shallow clone?)`
    )
  if (raw.length === 0) return finish(selection('none', [], {}, null))

  if (messages.some(message => RUN_ALL_LINE.test(message)))
    return runAll('a commit message asks for it with "ci-medic: run-all"')

  for (const settings of repo.jest) {
    if (settings.readInPart) notes.push(`jest config ${settings.readInPart}`)
    if (settings.unreadable)
      notes.push(
        `jest config ${settings.unreadable}: its moduleNameMapper, roots and setup files there are not known (add run-all-on or always-run globs if they matter)`
      )
    if (settings.resolver)
      notes.push(
        `jest config${settings.dir ? ` in ${settings.dir}` : ''} uses its own resolver (${settings.resolver}), which CI Medic does not run: an import of a repository package by name reaches all of that package's sources, and anything else only the resolver maps is not followed (add a moduleNameMapper entry or run-all-on globs for it)`
      )
  }
  const runAllOn = globMatcher(options.runAllOn ?? [])
  const alwaysRun = globMatcher(options.alwaysRun ?? [])
  const setupFiles = new Set(repo.jest.flatMap(j => j.setupFiles))
  // Only a changed config can be one of them.
  let named: ReadonlyMap<string, string> | undefined
  const namedIfConfig = (path: string): ReadonlyMap<string, string> | undefined =>
    repo.configText.has(path)
      ? (named ??= namedConfigs(p => repo.configText.get(p), repo.configText.keys(), repo.files))
      : undefined
  const configFile = options.configFile ?? '.github/ci-medic.yml'

  // Base versions of changed source files, scanned (through the cache as well).
  const baseBlobs = repo.extraBlobs
  const baseScan = (change: RawChange): ModuleScan | undefined => {
    const path = change.previousPath ?? change.path
    const kind = scanKindOf(path)
    if (!kind || !change.baseSha) return undefined
    const key = `${change.baseSha}:${kind}`
    const cached = cache.get(key)
    if (cached) return cached
    const blob = baseBlobs.get(change.baseSha)
    if (!blob) return undefined
    const scan = scanSource(kind, blob.toString('utf8'), path)
    cache.set(key, scan)
    return scan
  }

  const changes = new Map<string, FileChange>()
  // The base text of each changed file ts-jest type-checks, to compare its declarations.
  const baseTexts = new Map<string, string>()
  const changed: Selection['changed'] = []
  // Syntax checks of the changed files, answered on the worker while the graph is walked.
  const parsing: Array<{
    path: string
    fileChange: FileChange
    entry: Selection['changed'][number]
    error: Promise<string | undefined>
  }> = []
  /** Takes the syntax answers in: a file that does not parse changes as a whole. Any such file? */
  const settleSyntax = async (): Promise<boolean> => {
    let broken = false
    for (const { path, fileChange, entry, error } of parsing.splice(0)) {
      const message = await error
      if (message === undefined) continue
      fileChange.whole = true
      entry.symbols = changedNames(fileChange)
      notes.push(`${path} does not parse (${message.split('\n')[0]}): every test that loads it runs`)
      broken = true
    }
    return broken
  }
  const scoped: Array<FallbackHit & { scope: string }> = []
  const selfSelected = new Map<string, string[]>()
  const extraReasons = new Map<string, string[]>()
  const dataFiles = new Set<string>()
  const unloadedFiles = new Set<string>()
  /** Changed sources that modules load: each with whether only its comments or formatting changed. */
  const loadedSources = new Map<string, boolean>()
  const add = (test: string, chain: string[]): void => {
    if (!extraReasons.has(test)) extraReasons.set(test, chain)
  }

  for (const change of raw) {
    const path = change.path
    if (runAllOn(path) || (change.previousPath && runAllOn(change.previousPath)))
      return runAll(`${path} matches run-all-on`, [{ file: path, symbols: ['*'] }])
    let hit =
      fallbackFor(path, setupFiles, configFile, namedIfConfig(path)) ??
      (change.previousPath
        ? fallbackFor(change.previousPath, setupFiles, configFile, namedIfConfig(change.previousPath))
        : undefined)
    if (hit && /(?:^|\/)package\.json$/.test(path) && change.status === 'modified' && change.baseSha) {
      const before = (await readBlobs(git.dir, [change.baseSha])).get(change.baseSha)?.toString('utf8')
      const after = repo.configText.get(path)
      const metadata =
        before !== undefined && after !== undefined ? metadataOnlyChange(before, after) : undefined
      if (metadata) {
        notes.push(`${path}: only package metadata changed (${metadata.join(', ')})`)
        hit = undefined
      }
    }
    if (hit) {
      const scope = repo.resolver.workspaceOf(path)
      if (!scope || hit.why === "CI Medic's own config changed")
        return runAll(`${hit.path}: ${hit.why}`, [{ file: path, symbols: ['*'] }])
      scoped.push({ ...hit, scope })
      changed.push({ file: path, symbols: ['*'] })
      continue
    }
    // A file without an extension whose `#!` line names no JavaScript or Python is data.
    const scanned = scanKindOf(path)
    const kind = scanned === 'script' && repo.scan(path)?.lang === 'data' ? undefined : scanned
    // A source file in a fixture folder may be read as text (a transform's input, a codemod's
    // expected output): it is data too, where comments count.
    const fixture = !!kind && FIXTURE_FOLDER.test(path) && !repo.isTest(path)
    // A source file no module loads may be read as text: a parser's or formatter's cases beside
    // the test that reads its folder.
    const unloaded = !!kind && !fixture && !repo.isTest(path) && nothingLoads(repo.graph, path)
    if (unloaded) unloadedFiles.add(path)
    // A page is data as well as a module: a server that names its folder may serve it.
    const data = !kind || fixture || unloaded || kind === 'html'
    if (change.status === 'deleted') {
      changes.set(path, wholeChange())
      changed.push({ file: path, symbols: ['*'] })
      if (data) dataFiles.add(path)
      continue
    }
    if (change.previousPath) changes.set(change.previousPath, wholeChange())
    // A manual mock replaces its module in every test that mocks (or auto-mocks) that module.
    if (/(?:^|\/)__mocks__\//.test(path)) dataFiles.add(path)
    if (data) dataFiles.add(path)
    if (repo.isTest(path)) selfSelected.set(path, [path])
    if (!kind) {
      changes.set(path, wholeChange())
      changed.push({ file: path, symbols: ['*'] })
      dataFiles.add(path)
      continue
    }
    const headScan = repo.scan(path)
    if (headScan?.error) {
      const scope = repo.resolver.workspaceOf(path)
      const why = `${path} could not be parsed (${headScan.error})`
      if (!scope) return runAll(why, [{ file: path, symbols: ['*'] }])
      scoped.push({ path, why, scope })
      continue
    }
    const before = change.status === 'added' ? undefined : baseScan(change)
    const fileChange = before?.error ? wholeChange() : diffScans(before, headScan)
    if (!fixture && !unloaded && !repo.isTest(path)) loadedSources.set(path, isEmptyChange(fileChange))
    if (isEmptyChange(fileChange)) {
      // A test moved as it was runs where it is now: its relative imports may lead elsewhere.
      if (change.previousPath && selfSelected.has(path)) selfSelected.set(path, [change.previousPath, path])
      else {
        notes.push(`${path}: no semantic change (comments or formatting only)`)
        selfSelected.delete(path)
      }
      continue
    }
    if (typeCheckedOnLoad(repo.jest, path)) {
      fileChange.typeCheckedOnLoad = true
      const base = change.status === 'modified' && change.baseSha ? baseBlobs.get(change.baseSha) : undefined
      if (base) baseTexts.set(path, base.toString('utf8'))
    }
    const entry = { file: path, symbols: changedNames(fileChange) }
    const committed = change.headSha ? repo.extraBlobs.get(change.headSha) : undefined
    if (!fileChange.whole && committed) {
      const error = syntax.errorIn(path, committed.toString('utf8'))
      // Awaited after the walk, unless an earlier return leaves it.
      error.catch(() => undefined)
      parsing.push({ path, fileChange, entry, error })
    }
    changes.set(path, fileChange)
    changed.push(entry)
  }
  // The coverage filter goes by the changes as they stand: the answers first.
  const mayRewalk = !options.coverageMap?.runs.length
  if (!mayRewalk) await settleSyntax()

  // The graph is walked as if ts-jest's check finds no error; the loaders of what it finds are
  // walked to after, when the worker has answered.
  const typeChecked = [...changes].filter(([, change]) => change.typeCheckedOnLoad)
  // Started once the configs were read; the changed files it checks are among its roots.
  const typeCheck = typeChecked.length ? startTypeCheck(repo.jest, raw) : undefined
  const typeVerdict = typeCheck && checkTypes(repo, workTree, typeChecked, baseTexts, typeCheck)
  typeVerdict?.catch(() => undefined)
  if (typeVerdict) for (const [, change] of typeChecked) change.typeCheckedOnLoad = false

  // Data files: snapshots, module mocks, fixture folders, modules that name them in a string, and
  // Go packages that build with or embed them.
  const dataReferrers = new Map<string, string>()
  for (const path of dataFiles) {
    const snapshot = /^(.*?)__snapshots__\/(.+)\.snap$/.exec(path)
    if (snapshot) {
      const test = `${snapshot[1]}${snapshot[2]}`
      if (repo.files.has(test)) add(test, [path, test])
    }
    // A fixture is read by the code its tests give the folder to: a name alone (`'input.js'`) in a
    // shared reader does not say which tests, the fixture folder's place does.
    const fixtures = FIXTURE_FOLDER.exec(path)
    const { referrers } = repo.dataReferences(path, { bareNames: !fixtures })
    for (const file of referrers) dataReferrers.set(file, path)
    for (const file of goFilesUsing(path, repo.files, file => repo.scan(file)))
      if (!dataReferrers.has(file)) dataReferrers.set(file, path)
    // A fixture: every test next to (or under) the folder's parent, as much as any that names it.
    if (fixtures) {
      const folder = fixtures[1] ?? ''
      for (const test of allTests) if (folder === '' || test.startsWith(folder + '/')) add(test, [path, test])
    }
    // A source file nothing loads: the tests in its folder.
    if (unloadedFiles.has(path))
      for (const test of allTests) if (dirname(test) === dirname(path)) add(test, [path, test])
  }
  // A source that modules import may be read as a file too: a test that lists its folder and
  // requires each file it finds, or reads their text (a locale's header comment), runs it beyond
  // what its imports say. A name alone says no folder: medusa's router matches URLs to '/admin'.
  for (const [path, textOnly] of loadedSources) {
    const reads = textOnly ? READS_TEXT : READS_FILES
    for (const file of repo.dataReferences(path, { bareNames: false, readingCalls: reads }).referrers) {
      if (file === path || dataReferrers.has(file)) continue
      const names = callableNames(repo.graph.nodes.get(file)?.scan)
      if (reads.some(name => names.has(name))) dataReferrers.set(file, path)
    }
  }
  for (const [file, dataPath] of dataReferrers) {
    if (!changes.has(file)) changes.set(file, wholeChange())
    extraReasons.set(`data:${file}`, [dataPath])
  }

  const coverage = options.coverageMap?.runs.length
    ? await coverageFilterFor(options.coverageMap, git, base, raw, repo, baseScan, changes)
    : undefined

  // Tests that reach a changed symbol.
  const reasons: Record<string, string[]> = {}
  const reach: Record<string, string[]> = {}
  /** Notes that `test` reaches the changed `label`, once however many ways it does. */
  const reaches = (test: string, label: string): void => {
    const labels = (reach[test] ??= [])
    if (!labels.includes(label)) labels.push(label)
  }
  const reachedSymbols = new Set<string>()
  const members = options.memberReach === false ? undefined : memberReach(repo.graph)
  const tsconfigs = repo.tsconfigs()
  const tsJestConfigs = repo.jest.flatMap(settings => (settings.tsconfig ? [settings.tsconfig] : []))
  const keeps = valueImportKeeper(repo.configText, repo.files, tsconfigs, { tsJestConfigs })
  const keepsKnown = valueImportKeeper(repo.configText, repo.files, tsconfigs, {
    unreadBases: false,
    tsJestConfigs
  })
  const decoratorMetadata = emitsDecoratorMetadata(repo.configText, tsconfigs)
  /** Whether a module's value import of types alone was taken to load because a base is missing. */
  let keptForUnreadBase = false
  const reachOptions = {
    members,
    isTypeChecked: typeCheckedTests(repo.jest),
    keepsValueImports: (path: string): boolean => {
      if (decoratorMetadata && repo.graph.nodes.get(path)?.scan.decorated) return true
      if (!keeps(path)) return false
      if (!keepsKnown(path)) keptForUnreadBase = true
      return true
    }
  }
  let reaching = testsReaching(repo.graph, changes, repo.isTest, reachOptions)
  if (await settleSyntax()) reaching = testsReaching(repo.graph, changes, repo.isTest, reachOptions)
  if (typeVerdict) {
    const waitStarted = Date.now()
    const verdict = await typeVerdict
    typeCheckMs = Date.now() - waitStarted
    notes.push(...verdict.notes)
    // Every test that loads a file with a type error (or an unchecked one) fails under ts-jest.
    const loaded = new Map<string, FileChange>()
    const typeCheckOnly = (): FileChange => ({
      whole: false,
      symbols: new Set(),
      exports: new Set(),
      typeCheckedOnLoad: true
    })
    for (const file of verdict.loadersRun) {
      const change = changes.get(file)
      if (change?.whole) continue
      if (change) change.typeCheckedOnLoad = true
      else changes.set(file, typeCheckOnly())
      loaded.set(file, typeCheckOnly())
    }
    if (loaded.size)
      reaching = withReaching(reaching, testsReaching(repo.graph, loaded, repo.isTest, reachOptions))
  }
  // A module nothing imports, which a change reaches through its imports, runs only when code
  // loads it by its path (a route or plugin folder a server lists): it counts as changed for the
  // modules that name it, as a changed file nothing loads does. Its text is the same, so the tests
  // in its folder that may read it do not run for it, nor do modules that locate its package's
  // folder (`dirname(require.resolve(…))`): they read files there (a browser entry, for Tailwind).
  const runByPath = new Map<string, string[]>()
  const deadEndsSeen = new Set<string>()
  for (let round = 0; round < RUN_BY_PATH_ROUNDS; round++) {
    const added = new Map<string, FileChange>()
    for (const [file, steps] of [...reaching.deadEnds].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (deadEndsSeen.has(file) || (changes.has(file) && !runByPath.has(file)) || FIXTURE_FOLDER.test(file))
        continue
      deadEndsSeen.add(file)
      if (!scanKindOf(file) || !nothingLoads(repo.graph, file)) continue
      // From a module an earlier round added: from the change that made it count.
      const chain = [...(runByPath.get(steps[0] as string) ?? []), ...steps].filter(
        (step, i, all) => step !== all[i - 1]
      )
      const { referrers } = repo.dataReferences(file, { bareNames: false, locatedFolders: false })
      for (const referrer of referrers) {
        if (changes.has(referrer)) continue
        const whole = wholeChange()
        changes.set(referrer, whole)
        added.set(referrer, whole)
        runByPath.set(referrer, chain)
      }
    }
    if (added.size === 0) break
    reaching = withReaching(reaching, testsReaching(repo.graph, added, repo.isTest, reachOptions))
  }
  const neverRan = new Set<string>()
  for (const hit of reaching.hits) {
    const affects = coverage?.affects(hit.test, hit.changedFile, changedSymbolOf(hit))
    if (affects === false) {
      neverRan.add(hit.test)
      continue
    }
    const viaPath = runByPath.get(hit.changedFile)
    const dataPath = viaPath ?? extraReasons.get(`data:${hit.changedFile}`)
    const chain = hit.chain ?? [hit.changed, hit.test]
    // A test that names the data file or the module run by its path starts its own chain: once.
    reasons[hit.test] ??= dataPath
      ? [...dataPath, ...(chain[0] === hit.test ? chain.slice(1) : chain)]
      : chain
    if (hit.changed.endsWith(`#${TYPE_CHECK}`)) continue
    reaches(hit.test, viaPath?.[0] ?? (dataPath ? `${dataPath[0]}#*` : hit.changed))
    reachedSymbols.add(viaPath?.[0] ?? hit.changed)
  }
  if (members?.exhausted)
    notes.push(
      'member reach gave up (too large a walk): a changed method selects every test that reaches its class'
    )
  if (coverage) {
    // Tests that ran a changed function, or loaded a changed file, where the graph found no path.
    for (const [file] of changes)
      for (const test of coverage.evidence.testsCovering(file)) {
        if (Object.hasOwn(reasons, test)) continue
        const ran = coverage.ranChanges(test, file)
        if (ran.length === 0) continue
        const changedLabel = ran[0] === '*' ? file : `${file}#${ran[0]}`
        const recordedAt = coverage.evidence.commitOf(test)?.slice(0, 12)
        reasons[test] = [
          `${changedLabel} (the test ran it when coverage was recorded at ${recordedAt})`,
          test
        ]
        reaches(test, ran[0] === '*' ? `${file}#*` : changedLabel)
      }
    // Member reach drops a test that never names the members between it and the change; but a
    // name built at run time (`x['sh' + 'ift']`) calls one unnamed. A test that loaded the changed
    // file when coverage was recorded, whose coverage tells which functions it ran there and
    // cannot rule the change out (a variable, a field), runs. Where coverage tells only loading,
    // member reach stands: every loader would run otherwise.
    for (const hit of reaching.dropped) {
      if (Object.hasOwn(reasons, hit.test)) continue
      if (coverage.evidence.ran(hit.test, hit.changedFile) === undefined) continue
      if (!coverage.affects(hit.test, hit.changedFile, changedSymbolOf(hit))) continue
      const recordedAt = coverage.evidence.commitOf(hit.test)?.slice(0, 12)
      reasons[hit.test] = [
        `${hit.changed} (no call by name was found, but the test loaded ${hit.changedFile} when coverage was recorded at ${recordedAt})`,
        hit.test
      ]
      reaches(hit.test, hit.changed)
    }
    coverageNotes(coverage, neverRan, reasons, notes)
  }
  for (const [test, chain] of selfSelected) reasons[test] ??= chain
  for (const [test, chain] of extraReasons) if (!test.startsWith('data:')) reasons[test] ??= chain
  for (const { path, why, scope } of scoped) {
    for (const test of allTests)
      if (test.startsWith(scope + '/')) reasons[test] ??= [`${path} (${why}; all tests of ${scope})`, test]
  }
  for (const test of allTests) if (alwaysRun(test)) reasons[test] ??= ['always-run', test]
  const leftOut = [...new Set(reaching.dropped.map(hit => hit.test))]
    .filter(test => !Object.hasOwn(reasons, test))
    .sort()
  if (leftOut.length)
    notes.push(
      `member reach: ${leftOut.length} test file(s) reach a change only through methods they never mention, so they do not run (${leftOut.slice(0, 5).join(', ')}${leftOut.length > 5 ? ', …' : ''}); select-granularity: class runs them`
    )

  // A test file the change deletes or renames has nothing to run there (the graph keeps such
  // files, so that what imported them is found).
  const goneAtHead = new Set(await ghosts)
  const gone = Object.keys(reasons).filter(test => goneAtHead.has(test) || !repo.files.has(test))
  for (const test of gone) delete reasons[test]
  if (gone.length)
    notes.push(
      `${gone.length} test file(s) no longer at head, not run: ${gone.slice(0, 5).join(', ')}${gone.length > 5 ? ', …' : ''}`
    )
  const tests = Object.keys(reasons).sort()
  const changedSymbols: ChangedSymbol[] = changed.flatMap(c =>
    c.symbols.map(symbol => ({ file: c.file, symbol }))
  )
  const unreachedSymbols = changedSymbols.filter(
    c =>
      !repo.isTest(c.file) &&
      c.symbol !== MODULE_SYMBOL &&
      !reachedSymbols.has(`${c.file}#${c.symbol}`) &&
      scanKindOf(c.file)
  )
  // A type reaches no test that runs: no test can be generated for it either.
  const isType = (c: ChangedSymbol): boolean => {
    const node = repo.graph.nodes.get(c.file)
    const erasure = { changes, nodes: repo.graph.nodes, keepsValueImports: reachOptions.keepsValueImports }
    return !!node && (isTypeName(node, c.symbol, erasure) || isTypeExport(node, c.symbol, erasure))
  }
  if (keptForUnreadBase) {
    const missing = [
      ...new Set([
        ...[...tsconfigs.values()].flatMap(chain => chain.missing),
        ...tsJestConfigs
          .filter(config => !tsconfigs.has(config))
          .map(config => `ts-jest's tsconfig ${config}`)
      ])
    ]
    notes.push(
      `${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}, which is neither in the repository nor installed: in the modules it compiles, an import that takes only types counts as loading its module (install dependencies before selecting to select fewer tests)`
    )
  }
  const unreached = unreachedSymbols.filter(c => !isType(c))
  const types = unreachedSymbols.filter(isType).map(c => `${c.file}#${c.symbol}`)
  if (types.length)
    notes.push(
      `${types.length} changed type(s) reach no test: TypeScript erases types from the code tests run, and no test that is type-checked reaches them (${types.slice(0, 5).join(', ')}${types.length > 5 ? ', …' : ''})`
    )
  log.debug(`select: ${tests.length} of ${allTests.length} test files; graph ${graphMs} ms`)
  return finish(
    { mode: tests.length ? 'selected' : 'none', tests, reasons, fallback: null, changed },
    { changedSymbols, reach, unreached }
  )
}

/** The coverage filter for this change, with the versions of each changed file it compares. */
async function coverageFilterFor(
  map: CoverageMap,
  git: Git,
  base: string,
  raw: RawChange[],
  repo: RepositoryGraph,
  baseScan: (change: RawChange) => ModuleScan | undefined,
  changes: Map<string, FileChange>
): Promise<CoverageFilter> {
  const evidence = await coverageEvidence(git, map, base)
  const byPath = new Map(raw.map(change => [change.path, change]))
  const gone = new Set(pathsGone(raw))
  const elsewhere = filesRunElsewhere(repo, evidence)
  return new CoverageFilter(
    evidence,
    changes,
    file => {
      const change = byPath.get(file)
      const kind = scanKindOf(file)
      if (
        !change?.baseSha ||
        !change.headSha ||
        change.previousPath ||
        (kind !== 'ts' && kind !== 'jsx' && kind !== 'py')
      )
        return undefined
      const before = baseScan(change)
      const after = repo.scan(file)
      const exportsMoved =
        !before ||
        !after ||
        JSON.stringify(Object.entries(before.exports).sort()) !==
          JSON.stringify(Object.entries(after.exports).sort()) ||
        before.exportAll.join('\n') !== after.exportAll.join('\n')
      return {
        base: repo.extraBlobs.get(change.baseSha)?.toString('utf8'),
        head: repo.extraBlobs.get(change.headSha)?.toString('utf8'),
        exportsMoved
      }
    },
    gone,
    (test, file) => elsewhere(test).has(file)
  )
}

/**
 * Per test, the files that a script or worker it runs by path may load: the sources the test, or a
 * file it loaded, names by path (see linkNode), with everything they load in turn.
 */
function filesRunElsewhere(
  repo: RepositoryGraph,
  evidence: CoverageEvidence
): (test: string) => ReadonlySet<string> {
  const byTest = new Map<string, Set<string>>()
  return test => {
    let reached = byTest.get(test)
    if (reached) return reached
    const queue = [test, ...evidence.loadedFiles(test)].flatMap(
      path => repo.graph.nodes.get(path)?.loads.flatMap(load => (load.elsewhere ? [load.target] : [])) ?? []
    )
    reached = new Set(queue)
    while (queue.length) {
      for (const { target } of repo.graph.nodes.get(queue.pop() as string)?.loads ?? [])
        if (!reached.has(target)) {
          reached.add(target)
          queue.push(target)
        }
    }
    byTest.set(test, reached)
    return reached
  }
}

function coverageNotes(
  coverage: CoverageFilter,
  neverRan: Set<string>,
  reasons: Record<string, string[]>,
  notes: string[]
): void {
  const { evidence } = coverage
  notes.push(...evidence.unusable)
  if (evidence.current === 0 && evidence.outdated === 0) return
  const leftOut = [...neverRan].filter(test => !Object.hasOwn(reasons, test)).sort()
  notes.push(
    `coverage map: ${evidence.current} test file(s) recorded at ${evidence.commits.map(c => c.slice(0, 12)).join(', ') || 'no usable commit'} speak for the base commit` +
      (evidence.outdated ? `, ${evidence.outdated} are out of date (a file they loaded changed since)` : '') +
      (leftOut.length
        ? `; ${leftOut.length} test file(s) reach a change but never ran it, so they do not run (${leftOut.slice(0, 5).join(', ')}${leftOut.length > 5 ? ', …' : ''}); use-coverage: false runs them`
        : '')
  )
}

/** Most files to type-check; beyond that every loader of a changed TypeScript file runs. */
const MAX_TYPECHECK_FILES = 400

/** Whether ts-jest type-checks `path` when a test loads it. */
function typeCheckedOnLoad(jest: readonly JestSettings[], path: string): boolean {
  if (scanKindOf(path) !== 'ts' && !path.endsWith('.tsx')) return false
  return !!jest.find(j => j.dir === '' || path.startsWith(j.dir + '/'))?.typeChecked
}

/** What ts-jest's check found: the files whose every loader runs, and notes that say why. */
interface TypeVerdict {
  loadersRun: string[]
  notes: string[]
}

/**
 * For files type-checked on load (ts-jest, `changed`): checks them with the repository's
 * TypeScript (`job`, on its worker when it has one), and the files whose types can change with
 * theirs, unless their declarations are the same as at the base (`baseTexts`). Clean: only the
 * tests that reach changed symbols run. A file with an error: every test that loads it runs.
 * Could not check: every loader of the changed files runs.
 */
async function checkTypes(
  repo: RepositoryGraph,
  workTree: Promise<WorkTree | undefined>,
  changed: ReadonlyArray<[string, FileChange]>,
  baseTexts: ReadonlyMap<string, string>,
  job: TypeCheckJob
): Promise<TypeVerdict> {
  const all = changed.map(([file]) => file)
  // TypeScript reads the work tree: the one the graph was read from, when it is clean at head.
  const tree = await workTree
  const atHead = tree !== undefined && (await tree.changed)?.size === 0
  if (!atHead)
    return {
      loadersRun: all,
      notes: [
        'ts-jest type-checks on load and the work tree is not at head: every loader of a changed TypeScript file runs'
      ]
    }
  const typeScript = (file: string): boolean => /\.[cm]?tsx?$/.test(file)
  let tooMany = 0
  /** What depends on the types of `surfaced` (changed files whose declarations changed). */
  const dependentsOf = (surfaced: readonly string[]): string[] | undefined => {
    const reach = new Map(
      changed
        .filter(([file]) => surfaced.includes(file))
        .map(([file, change]): [string, FileChange] => [file, { ...change, typeCheckedOnLoad: true }])
    )
    const found = [...typeDependents(repo.graph, reach)].filter(typeScript)
    if (found.length <= MAX_TYPECHECK_FILES) return found
    tooMany = found.length
    return undefined
  }
  const baseText = (file: string): string | undefined => baseTexts.get(file)
  const outcome = await job.outcome(all, baseText, dependentsOf)
  if (tooMany)
    return {
      loadersRun: all,
      notes: [
        `ts-jest type-checks on load and ${tooMany} files would need checking: every loader of a changed TypeScript file runs`
      ]
    }
  if (!outcome.checked)
    return {
      loadersRun: all,
      notes: [
        `ts-jest type-checks on load and the types could not be checked (${outcome.why}): every loader of a changed TypeScript file runs`
      ]
    }
  const checked = outcome.checkedFiles ?? all.length
  return {
    loadersRun: [...outcome.errors.keys()],
    notes: [
      ...[...outcome.errors].map(
        ([file, message]) =>
          `${file} has a type error (${message.split('\n')[0]}): every test that loads it runs`
      ),
      `type-checked ${checked} file${checked === 1 ? '' : 's'} whose types can change: ${outcome.errors.size} with errors`
    ]
  }
}

/** package.json fields that change neither dependencies, resolution nor how tests run. */
const METADATA_FIELDS = new Set([
  'description', 'keywords', 'author', 'contributors', 'maintainers', 'license', 'repository', 'bugs',
  'homepage', 'funding', 'publishConfig', 'files', 'version', 'private', 'scripts'
]) // prettier-ignore

/**
 * The changed fields when only metadata changed between two package.json texts (scripts other
 * than test ones count as metadata); undefined when anything else changed or a text is not JSON.
 */
export function metadataOnlyChange(before: string, after: string): string[] | undefined {
  let a: Record<string, unknown>
  let b: Record<string, unknown>
  try {
    a = JSON.parse(before) as Record<string, unknown>
    b = JSON.parse(after) as Record<string, unknown>
  } catch {
    return undefined
  }
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return undefined
  const changed: string[] = []
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue
    if (!METADATA_FIELDS.has(key)) return undefined
    if (key === 'scripts') {
      const sa = (a.scripts ?? {}) as Record<string, unknown>
      const sb = (b.scripts ?? {}) as Record<string, unknown>
      for (const name of new Set([...Object.keys(sa), ...Object.keys(sb)])) {
        if (/test/i.test(name) && JSON.stringify(sa[name]) !== JSON.stringify(sb[name])) return undefined
      }
    }
    changed.push(key)
  }
  return changed
}
