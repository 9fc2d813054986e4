import { MODULE_SYMBOL, own, type ModuleScan, type SymbolInfo } from './model.js'
import { PY_TEST, dirname, joinPath } from './project.js'
import type { MemberReach, ReachTarget } from './members.js'
import type { Resolution, Resolver } from './resolve.js'
import type { GraphSnapshot } from './scan-cache.js'
import { linkSense } from './relink.js'

/**
 * The dependency graph at symbol level. Nodes are files; a file's edges are its resolved imports.
 * Reachability is computed per test file over (file, key) pairs where key is a local symbol name,
 * `export:<name>`, MODULE_SYMBOL, LOAD (the module is loaded: its top-level code runs and its
 * imports load) or WHOLE (everything the module has).
 */

export const LOAD = '<load>'
export const WHOLE = '*'

export interface Binding {
  /** The file the binding comes from; undefined for packages outside the repository. */
  target?: string
  /** Files it comes from under other export conditions (see Resolution), bound the same way. */
  also?: readonly string[]
  /** Exported name, or WHOLE for a namespace / whole-module import. */
  imported: string
  /** From `import type`: it takes the name's type, and loads nothing (see ImportRecord.typeOnly). */
  typeOnly?: true
}

export interface GraphNode {
  path: string
  scan: ModuleScan
  bindings: Map<string, Binding>
  /**
   * Files loaded when this module loads, and whether the whole of each is reached; `elsewhere`
   * when the module names it by path, to run in another process or thread.
   */
  loads: Array<{ target: string; whole: boolean; elsewhere?: true }>
  /** Re-export-all targets. */
  exportAll: string[]
  /** Specifiers that point into the repository but match no file. */
  unresolved: string[]
  /**
   * Folders the module names through a module in them (`dirname(require.resolve(…))`), to read or
   * list files there: not loads (see Resolver.namedFolder).
   */
  folders: string[]
}

/** The edges into one file: who loads it, binds to it, or re-exports all of it. */
export interface EdgesInto {
  loaders: Array<{ from: string; whole: boolean }>
  bindings: Array<{ from: string; local: string; imported: string; typeOnly?: true }>
  exportAllers: string[]
}

/** The graph's nodes by path: all of them in a full graph, made on demand in a demand-driven one. */
export interface NodeLookup {
  get(path: string): GraphNode | undefined
  /**
   * The node of `path` if it is made already, without making it (a demand-driven graph scans and
   * links a file to make its node); get where every node is made.
   */
  made?(path: string): GraphNode | undefined
  /**
   * False when the module at `path` cannot export `name`, known without making its node (its text
   * names neither `name` nor a re-export of everything, and it is no CommonJS module); true when
   * it may, or when the lookup cannot tell.
   */
  mayExport?(path: string, name: string): boolean
}

/**
 * What a caller of edgesInto looks at: everything, the edges that take the whole module (whole
 * loads, namespace bindings, `export *`; for a CommonJS module any binding), or the bindings of one
 * exported name (and `export *`).
 */
export type EdgeNeed = { kind: 'all' } | { kind: 'whole' } | { kind: 'named'; name: string }

export const ALL_EDGES: EdgeNeed = { kind: 'all' }

export interface Graph {
  nodes: NodeLookup
  /**
   * Edges into `file` (undefined when nothing points at it): at least those `need` looks at, in
   * the order of the files they come from; a demand-driven graph scans only the importers that
   * may have them.
   */
  edgesInto(file: string, need?: EdgeNeed): EdgesInto | undefined
  /** Whether any edge leads into `file`; a demand-driven graph scans importers until one does. */
  hasEdgesInto?(file: string): boolean
}

/** Does an edge of any kind lead into a file? */
export const anyEdges = (into: EdgesInto | undefined): boolean =>
  !!into && (into.loaders.length > 0 || into.bindings.length > 0 || into.exportAllers.length > 0)

/** A graph that holds every node of the revision. */
export interface FullGraph extends Graph {
  nodes: Map<string, GraphNode>
  /** The graph in the form the scan cache keeps, for the next run to patch. */
  snapshot(fingerprint: string): GraphSnapshot
  /** How many modules were linked in building it (the others come from a snapshot, linked if asked). */
  linked: number
}

export type Forward = Pick<GraphNode, 'bindings' | 'loads' | 'exportAll' | 'unresolved' | 'folders'>

/** A node whose edges are resolved on first use (its file did not change since the snapshot). */
class LazyNode implements GraphNode {
  private forward?: Forward
  constructor(
    readonly path: string,
    readonly scan: ModuleScan,
    private readonly build: () => Forward
  ) {}
  private get edges(): Forward {
    return (this.forward ??= this.build())
  }
  get bindings(): GraphNode['bindings'] {
    return this.edges.bindings
  }
  get loads(): GraphNode['loads'] {
    return this.edges.loads
  }
  get exportAll(): string[] {
    return this.edges.exportAll
  }
  get unresolved(): string[] {
    return this.edges.unresolved
  }
  get folders(): string[] {
    return this.edges.folders
  }
}

export function addEdgesFrom(node: GraphNode, edges: Map<string, EdgesInto>): void {
  const into = (target: string): EdgesInto => {
    let entry = edges.get(target)
    if (!entry) edges.set(target, (entry = { loaders: [], bindings: [], exportAllers: [] }))
    return entry
  }
  for (const { target, whole } of node.loads) into(target).loaders.push({ from: node.path, whole })
  for (const [local, binding] of node.bindings)
    for (const target of targetsOfBinding(binding))
      into(target).bindings.push(
        binding.typeOnly
          ? { from: node.path, local, imported: binding.imported, typeOnly: true }
          : { from: node.path, local, imported: binding.imported }
      )
  for (const target of node.exportAll) into(target).exportAllers.push(node.path)
}

function targetsOf(node: GraphNode): Set<string> {
  const targets = new Set<string>()
  for (const { target } of node.loads) targets.add(target)
  for (const binding of node.bindings.values())
    for (const target of targetsOfBinding(binding)) targets.add(target)
  for (const target of node.exportAll) targets.add(target)
  return targets
}

/** The files a binding comes from: its target, and those of other export conditions. */
export function targetsOfBinding(binding: Binding): readonly string[] {
  if (binding.target === undefined) return []
  return binding.also ? [binding.target, ...binding.also] : [binding.target]
}

/** Edges into one file, with the files they come from as indices into `paths`. */
function encodeEdges(edges: EdgesInto | undefined, index: Map<string, number>): string {
  if (!edges) return '0'
  const at = (path: string): number => index.get(path) as number
  return JSON.stringify([
    edges.loaders.flatMap(l => [at(l.from), l.whole ? 1 : 0]),
    // A type-only binding's file as -1 - its index.
    edges.bindings.flatMap(b => [b.typeOnly ? -1 - at(b.from) : at(b.from), b.local, b.imported]),
    edges.exportAllers.map(at)
  ])
}

function decodeEdges(line: string, paths: readonly string[]): EdgesInto | undefined {
  const data = JSON.parse(line) as 0 | [number[], Array<number | string>, number[]]
  if (data === 0) return undefined
  const [loads, binds, alls] = data
  const edges: EdgesInto = { loaders: [], bindings: [], exportAllers: alls.map(i => paths[i] as string) }
  for (let i = 0; i < loads.length; i += 2)
    edges.loaders.push({ from: paths[loads[i] as number] as string, whole: loads[i + 1] === 1 })
  for (let i = 0; i < binds.length; i += 3) {
    const at = binds[i] as number
    const binding = {
      from: paths[at < 0 ? -1 - at : at] as string,
      local: binds[i + 1] as string,
      imported: binds[i + 2] as string
    }
    edges.bindings.push(at < 0 ? { ...binding, typeOnly: true } : binding)
  }
  return edges
}

/**
 * Builds the graph of `scans` (keyed by path, in a stable order; `keys` gives each scan's cache
 * key). With the snapshot of an earlier run for the same files and configs, only the files whose
 * scan changed are linked again, the edges into the files they point at (before and after) are
 * patched, and the rest is read from the snapshot when something asks for it. With `across`, the
 * snapshot is of a revision with other files (added, `deleted`), the same configs: the modules in
 * `relink` are linked again too, as what they link to may have changed (see relink.ts).
 */
export function buildGraph(
  scans: Map<string, ModuleScan>,
  resolver: Resolver,
  conftests: Map<string, string[]>,
  keys: Map<string, string> = new Map(),
  previous?: GraphSnapshot,
  setupLoadsOf: (path: string) => readonly string[] = () => [],
  across?: { deleted: ReadonlySet<string>; relink: ReadonlySet<string> }
): FullGraph {
  // Go packages: folder → non-test files.
  const goPackages = new Map<string, string[]>()
  for (const [path, scan] of scans) {
    if (scan.lang !== 'go' || path.endsWith('_test.go')) continue
    const dir = dirname(path)
    const list = goPackages.get(dir) ?? []
    list.push(path)
    goPackages.set(dir, list)
  }
  const link = (path: string, scan: ModuleScan): Forward =>
    linkNode(path, scan, resolver, conftests, goPackages, setupLoadsOf(path))
  const linkAll = (): FullGraph => {
    const nodes = new Map<string, GraphNode>()
    for (const [path, scan] of scans) nodes.set(path, { path, scan, ...link(path, scan) })
    return freshGraph(nodes, keys, resolver, nodes.size)
  }
  if (!previous || !(across ? inSameOrder(previous, scans) : sameFiles(previous, scans))) return linkAll()
  const scannedBefore = previous.keys.length
  const oldIndex = new Map<string, number>()
  previous.paths.forEach((path, i) => oldIndex.set(path, i))
  // This revision's order: its scanned files, then the other files edges lead to.
  const paths = across ? [...scans.keys()] : [...previous.paths]
  if (across)
    for (const path of previous.paths.slice(scannedBefore))
      if (!scans.has(path) && !across.deleted.has(path)) paths.push(path)
  const index = new Map<string, number>()
  paths.forEach((path, i) => index.set(path, i))
  const changed: string[] = []
  const nodes = new Map<string, GraphNode>()
  for (const [path, scan] of scans) {
    const at = oldIndex.get(path)
    const before = at !== undefined && at < scannedBefore ? previous.keys[at] : undefined
    if (before === keys.get(path) && !across?.relink.has(path))
      nodes.set(path, new LazyNode(path, scan, () => link(path, scan)))
    else {
      changed.push(path)
      nodes.set(path, { path, scan, ...link(path, scan) })
    }
  }
  const gone = across
    ? [...across.deleted].filter(path => (oldIndex.get(path) ?? scannedBefore) < scannedBefore)
    : []
  // A Go file links to its package's other files, which depend on their languages: start over.
  const goChanged = [...changed, ...gone].some(path => path.endsWith('.go'))
  if (goChanged || changed.length + gone.length > scans.size / 4)
    return freshGraph(nodes, keys, resolver, changed.length)
  const decoded = new Map<number, EdgesInto | undefined>()
  const stored = (at: number): EdgesInto | undefined => {
    if (!decoded.has(at)) decoded.set(at, decodeEdges(previous.edgesInto(at), previous.paths))
    return decoded.get(at)
  }
  // Edges into the files the changed (or deleted) files pointed at or point at now, rebuilt in node order.
  const changedPaths = new Set([...changed, ...gone])
  const fresh = new Map<string, EdgesInto>()
  for (const path of changed) addEdgesFrom(nodes.get(path) as GraphNode, fresh)
  const affected = new Set<string>(fresh.keys())
  for (const path of changedPaths) {
    const at = oldIndex.get(path)
    if (at !== undefined && at < scannedBefore)
      for (const t of previous.outs[at] ?? []) affected.add(previous.paths[t] as string)
  }
  const patched = new Map<string, EdgesInto | undefined>()
  const order = (from: string): number => index.get(from) ?? Number.MAX_SAFE_INTEGER
  for (const target of affected) {
    const at = oldIndex.get(target)
    const before = at === undefined ? undefined : stored(at)
    const add = fresh.get(target)
    const edges: EdgesInto = {
      loaders: [...(before?.loaders.filter(l => !changedPaths.has(l.from)) ?? []), ...(add?.loaders ?? [])],
      bindings: [
        ...(before?.bindings.filter(b => !changedPaths.has(b.from)) ?? []),
        ...(add?.bindings ?? [])
      ],
      exportAllers: [
        ...(before?.exportAllers.filter(f => !changedPaths.has(f)) ?? []),
        ...(add?.exportAllers ?? [])
      ]
    }
    edges.loaders.sort((a, b) => order(a.from) - order(b.from))
    edges.bindings.sort((a, b) => order(a.from) - order(b.from))
    edges.exportAllers.sort((a, b) => order(a) - order(b))
    const empty = !edges.loaders.length && !edges.bindings.length && !edges.exportAllers.length
    patched.set(target, empty ? undefined : edges)
    if (!index.has(target)) {
      index.set(target, paths.length)
      paths.push(target)
    }
  }
  const edgesInto = (file: string): EdgesInto | undefined => {
    if (patched.has(file)) return patched.get(file)
    if (across?.deleted.has(file)) return undefined
    const at = oldIndex.get(file)
    return at === undefined ? undefined : stored(at)
  }
  let snapshot: GraphSnapshot | undefined
  return {
    nodes,
    edgesInto,
    linked: changed.length,
    snapshot: fingerprint => {
      if (snapshot) return snapshot
      if (
        !across &&
        changed.length === 0 &&
        paths.length === previous.paths.length &&
        fingerprint === previous.fingerprint
      )
        return (snapshot = previous)
      const moved = new Set(changed)
      const outs: number[][] = []
      for (const path of scans.keys()) {
        const node = nodes.get(path) as GraphNode
        const at = oldIndex.get(path) as number
        const targets = moved.has(path)
          ? [...targetsOf(node)]
          : (previous.outs[at] ?? []).map(t => previous.paths[t] as string)
        outs.push(
          targets.map(target => {
            if (!index.has(target)) {
              index.set(target, paths.length)
              paths.push(target)
            }
            return index.get(target) as number
          })
        )
      }
      // What each module's links depend on: kept for the modules not linked again.
      const sense: Record<string, number[]> = Object.create(null) as Record<string, number[]>
      for (const [key, list] of Object.entries(previous.sense))
        for (const at of list) {
          const path = previous.paths[at] as string
          if (!moved.has(path) && scans.has(path)) (sense[key] ??= []).push(index.get(path) as number)
        }
      for (const path of changed)
        for (const key of linkSense(path, (nodes.get(path) as GraphNode).scan, resolver))
          (sense[key] ??= []).push(index.get(path) as number)
      for (const list of Object.values(sense)) list.sort((a, b) => a - b)
      return (snapshot = {
        fingerprint,
        paths,
        keys: [...scans.keys()].map(path => keys.get(path) ?? ''),
        outs,
        edgesInto: at => {
          const path = paths[at] as string
          if (patched.has(path)) return encodeEdges(patched.get(path), index)
          const before = oldIndex.get(path)
          if (before === undefined || across?.deleted.has(path)) return encodeEdges(undefined, index)
          return across ? encodeEdges(stored(before), index) : previous.edgesInto(before)
        },
        sense
      })
    }
  }
}

function sameFiles(previous: GraphSnapshot, scans: Map<string, ModuleScan>): boolean {
  if (previous.keys.length !== scans.size) return false
  let i = 0
  for (const path of scans.keys()) if (previous.paths[i++] !== path) return false
  return true
}

/**
 * Whether the files both revisions scan come in the same order in each, so that edges kept from
 * the snapshot (in its order) are in this revision's order too.
 */
function inSameOrder(previous: GraphSnapshot, scans: Map<string, ModuleScan>): boolean {
  const scannedBefore = previous.keys.length
  const oldIndex = new Map<string, number>()
  for (let i = 0; i < scannedBefore; i++) oldIndex.set(previous.paths[i] as string, i)
  let last = -1
  for (const path of scans.keys()) {
    const at = oldIndex.get(path)
    if (at === undefined) continue
    if (at < last) return false
    last = at
  }
  return true
}

function freshGraph(
  nodes: Map<string, GraphNode>,
  keys: Map<string, string>,
  resolver: Resolver,
  linked: number
): FullGraph {
  let edges: Map<string, EdgesInto> | undefined
  const all = (): Map<string, EdgesInto> => {
    if (edges) return edges
    edges = new Map()
    for (const node of nodes.values()) addEdgesFrom(node, edges)
    return edges
  }
  return {
    nodes,
    edgesInto: file => all().get(file),
    linked,
    snapshot: fingerprint => {
      const paths = [...nodes.keys()]
      const index = new Map<string, number>()
      paths.forEach((path, i) => index.set(path, i))
      for (const target of all().keys())
        if (!index.has(target)) {
          index.set(target, paths.length)
          paths.push(target)
        }
      const outs = [...nodes.values()].map(node => [...targetsOf(node)].map(t => index.get(t) as number))
      const sense: Record<string, number[]> = Object.create(null) as Record<string, number[]>
      let at = 0
      for (const node of nodes.values()) {
        for (const key of linkSense(node.path, node.scan, resolver)) (sense[key] ??= []).push(at)
        at++
      }
      return {
        fingerprint,
        paths,
        keys: [...nodes.keys()].map(path => keys.get(path) ?? ''),
        outs,
        edgesInto: at => encodeEdges(all().get(paths[at] as string), index),
        sense
      }
    }
  }
}

/** A rooted import's files (see Resolver.fromAnyFolder), less the importer, as a resolution. */
function fromAnyFolder(resolver: Resolver, from: string, spec: string): Resolution {
  const [file, ...also] = resolver.fromAnyFolder(spec).filter(found => found !== from)
  return file === undefined ? { external: true } : also.length ? { file, also } : { file }
}

/** A node's edges out: its imports resolved (plus conftests for Python, package files for Go). */
export function linkNode(
  path: string,
  scan: ModuleScan,
  resolver: Resolver,
  conftests: Map<string, string[]>,
  goPackages: Map<string, string[]>,
  setupLoads: readonly string[] = []
): Forward {
  const node: Forward = { bindings: new Map(), loads: [], exportAll: [], unresolved: [], folders: [] }
  const load = (target: string, whole: boolean): void => {
    node.loads.push({ target, whole })
  }
  // A test file's jest setup files run before it, with everything they load.
  for (const setup of setupLoads) if (setup !== path) load(setup, false)
  if (scan.lang === 'js') {
    for (const record of scan.imports) {
      if (record.kind === 'glob') {
        for (const file of resolver.globFiles(path, record.spec)) load(file, true)
        continue
      }
      if (record.kind === 'folder') {
        const folder = resolver.namedFolder(path, record.spec)
        if (folder) node.folders.push(folder)
        continue
      }
      const resolution =
        record.kind === 'rooted'
          ? fromAnyFolder(resolver, path, record.spec)
          : resolver.resolveJs(path, record.spec)
      const target = 'file' in resolution ? resolution.file : undefined
      const also = 'file' in resolution ? resolution.also : undefined
      if ('unresolved' in resolution) node.unresolved.push(joinPath(dirname(path), record.spec))
      // A package of the repository whose entry is not here: any of its sources may be loaded.
      if ('package' in resolution)
        for (const source of resolver.packageSources(resolution.package))
          if (source !== path) load(source, true)
      for (const file of target ? [target, ...(also ?? [])] : []) {
        if (record.kind === 'reexport' && record.names && record.names.length === 0) {
          node.exportAll.push(file)
        }
        if (!record.typeOnly) load(file, record.names === null)
      }
      for (const binding of record.names ?? []) {
        if (binding.local)
          node.bindings.set(binding.local, {
            target,
            ...(also && { also }),
            ...(record.typeOnly && { typeOnly: true }),
            imported:
              binding.imported === '*'
                ? WHOLE
                : record.kind === 'require' || record.kind === 'dynamic' || record.kind === 'rooted'
                  ? `${REQUIRED}${binding.imported}`
                  : binding.imported
          })
      }
    }
    // A source file named by its path runs, in another process or thread, as a whole.
    for (const literal of scan.strings)
      for (const target of resolver.namedSources(path, literal))
        node.loads.push({ target, whole: true, elsewhere: true })
  } else if (scan.lang === 'py') {
    const attributesOnly = PY_TEST.test(path)
    // Names bound to a module object.
    const modules = new Set<string>()
    for (const record of scan.imports) {
      const { files, resolved } = resolver.resolvePython(path, record.spec)
      if (!resolved) continue
      const module = files[files.length - 1]
      for (const file of files.slice(0, -1)) load(file, false)
      // `from m import *` at top level: m's names are this module's too (see pythonStarProviders).
      if (record.kind === 'reexport' && module) {
        load(module, false)
        node.exportAll.push(module)
        continue
      }
      // A test module that reads only attributes of `import pkg` takes those names from it, as
      // `from pkg import …` would (nothing imports a test module to use its `pkg`).
      const attributes = attributesOnly ? record.attributes : undefined
      const names = attributes
        ? attributes.map(name => ({ imported: name, local: `${record.local}.${name}` }))
        : record.names
      // `import pkg` (or `import pkg.mod as name`) runs pkg's top level; the rest of it goes with
      // the name, as does `from pkg import mod` for a submodule.
      const named = !names && record.local !== undefined
      if (module) load(module, names === null && !named)
      for (const binding of names ?? []) {
        const submodule = module ? resolver.pythonSubmodule(module, binding.imported) : undefined
        if (submodule) {
          load(submodule, attributes !== undefined)
          node.bindings.set(binding.local, { target: submodule, imported: WHOLE })
          if (!attributes) modules.add(binding.local)
        } else node.bindings.set(binding.local, { target: module, imported: binding.imported })
      }
      if (!names && module) {
        const local = record.local ?? (record.spec.split('.')[0] as string)
        if (!node.bindings.has(local)) {
          node.bindings.set(local, { target: module, imported: WHOLE })
          if (named) modules.add(local)
        }
      }
    }
    bindModuleAttributes(node, scan, modules, resolver)
    for (const conftest of conftests.get(path) ?? []) load(conftest, true)
  } else if (scan.lang === 'go') {
    const dir = dirname(path)
    for (const sibling of goPackages.get(dir) ?? []) if (sibling !== path) load(sibling, true)
    for (const record of scan.imports) {
      const pkgDir = resolver.goPackageDir(record.spec, path)
      if (pkgDir === undefined) continue
      for (const file of goPackages.get(pkgDir) ?? []) load(file, true)
    }
  }
  return node
}

/**
 * Does string literal `literal`, found in `from`, name `path` (a file or one of its folders)?
 * Without `bareNames`, a name alone (`'input.js'`, `'fixtures'`) names nothing: it needs a folder.
 */
export function stringRefersTo(literal: string, from: string, path: string, bareNames = true): boolean {
  if (literal.startsWith('./') || literal.startsWith('../')) {
    const resolved = joinPath(dirname(from), literal)
    if (resolved && (path === resolved || path.startsWith(resolved + '/'))) return true
  }
  const bare = literal
    .replace(/^(?:\.{1,2}\/)+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
  if (bare.length < 3 || bare === '..' || bare === '.' || (!bareNames && !bare.includes('/'))) return false
  return (
    path === bare ||
    path.endsWith('/' + bare) ||
    path.startsWith(bare + '/') ||
    path.includes('/' + bare + '/')
  )
}

/** A manual mock, `__mocks__/<module>`, and the module it stands for. */
export const MOCK_FILE = /(?:^|\/)__mocks__\/(.+?)(?:\.[cm]?[jt]sx?)?$/

/** What counts as naming a file (see dataReferenceOf). */
export interface Naming {
  /** A name alone (`'fixtures'`, `'/admin'`) names every file or folder so named (stringRefersTo). Default true. */
  bareNames?: boolean
  /**
   * The folder of a module the module locates (`dirname(require.resolve('pkg'))`, GraphNode.folders)
   * names everything in it. Default true.
   */
  locatedFolders?: boolean
}

/**
 * How a module reaches a (changed) data file: it imports it ('loads'), or names it in a string or
 * imports the module it mocks ('names'), or neither.
 */
export function dataReferenceOf(
  node: GraphNode,
  path: string,
  { bareNames = true, locatedFolders = true }: Naming = {}
): 'loads' | 'names' | undefined {
  // Named first: a source file named by its path is loaded as well, and may be read as text.
  if (node.scan.strings.some(s => stringRefersTo(s, node.path, path, bareNames))) return 'names'
  if (locatedFolders && node.folders.some(folder => path.startsWith(folder + '/'))) return 'names'
  const mock = MOCK_FILE.exec(path)?.[1]
  if (mock && node.scan.imports.some(r => r.spec === mock || r.spec.endsWith('/' + mock))) return 'names'
  return node.loads.some(l => l.target === path) ? 'loads' : undefined
}

/** Files from which any of `targets` can be reached by following imports backwards. */
export function reverseClosure(graph: Graph, targets: Iterable<string>): Set<string> {
  const seen = new Set<string>()
  const queue = [...targets]
  while (queue.length) {
    const file = queue.pop() as string
    if (seen.has(file)) continue
    seen.add(file)
    for (const { from } of graph.edgesInto(file)?.loaders ?? []) if (!seen.has(from)) queue.push(from)
  }
  return seen
}

/** What changed in one file: local symbol names, exported names, or everything. */
export interface FileChange {
  whole: boolean
  symbols: Set<string>
  exports: Set<string>
  /** The file is type-checked when it loads (ts-jest): every test that loads it is affected. */
  typeCheckedOnLoad?: boolean
  /**
   * Changed symbols and exports that are types alone now and were values before: what ran
   * through them changed (see isTypeName).
   */
  valuesBefore?: Set<string>
}

/** A change of the whole file. */
export function wholeChange(): FileChange {
  return { whole: true, symbols: new Set(), exports: new Set() }
}

/** The label of a selection made because a changed file is type-checked on load. */
export const TYPE_CHECK = '<type-check>'

export interface Hit {
  file: string
  symbol: string
  /** file#symbol steps from the changed symbol back to the test. */
  chain: string[]
}

/**
 * Walks everything a test file reaches and returns the changed symbols it meets, each with the
 * chain of steps that leads to it.
 */
export function reachFromTest(
  graph: Graph,
  test: string,
  changes: Map<string, FileChange>,
  { typeChecked = false, keepsValueImports = keepsNoValueImport } = {}
): Hit[] {
  // A test that is not type-checked reaches what runs: no type, nor the type an export is.
  const erasure: TypeErasure | undefined = typeChecked
    ? undefined
    : { changes, nodes: graph.nodes, keepsValueImports }
  const parent = new Map<string, string | null>()
  const hits: Hit[] = []
  const hitKeys = new Set<string>()
  const queue: string[] = []
  const visit = (file: string, key: string, from: string | null): void => {
    const id = `${file}\u0000${key}`
    if (parent.has(id)) return
    parent.set(id, from)
    queue.push(id)
  }
  visit(test, WHOLE, null)
  for (let q = 0; q < queue.length; q++) {
    const id = queue[q] as string
    const sep = id.indexOf('\u0000')
    const file = id.slice(0, sep)
    const key = id.slice(sep + 1)
    const node = graph.nodes.get(file)
    if (erasure && node && isTypeKey(node, key, erasure)) continue
    const change = changes.get(file)
    if (change) {
      for (const symbol of changedSymbolsFor(change, key)) {
        if (erasure && node && key.startsWith('export:') && isTypeExport(node, symbol, erasure)) continue
        if (hitKeys.has(`${file}#${symbol}`)) continue
        hitKeys.add(`${file}#${symbol}`)
        const chain = chainOf(parent, id).filter(step => step !== test && !step.startsWith(test + '#'))
        if (chain[0] !== `${file}#${symbol}`) chain.unshift(`${file}#${symbol}`)
        chain.push(test)
        hits.push({ file, symbol, chain })
      }
    }
    if (!node) continue
    const step = (to: string, toKey: string): void => visit(to, toKey, id)
    const symbol = stepForward(node, key, step, undefined, graph.nodes, erasure)
    if (symbol) for (const ref of localRefs(node, key, symbol, graph.nodes)) step(file, ref)
  }
  return hits
}

/**
 * Binds each `mod.attr` that a Python module's declarations reference (see pythonRefs), `mod` being
 * a name bound to a module, to that attribute of the module: its name, or its submodule.
 */
function bindModuleAttributes(
  node: Forward,
  scan: ModuleScan,
  modules: ReadonlySet<string>,
  resolver: Resolver
): void {
  if (modules.size === 0) return
  for (const symbol of Object.values(scan.symbols))
    for (const ref of symbol.refs) {
      const dot = ref.indexOf('.')
      if (dot < 0 || !modules.has(ref.slice(0, dot)) || node.bindings.has(ref)) continue
      const module = node.bindings.get(ref.slice(0, dot))?.target
      if (module === undefined) continue
      const attribute = ref.slice(dot + 1)
      const submodule = resolver.pythonSubmodule(module, attribute)
      node.bindings.set(
        ref,
        submodule ? { target: submodule, imported: WHOLE } : { target: module, imported: attribute }
      )
    }
}

/**
 * A Python reference `mod.attr` that no binding has (`mod` is not a module, or not imported) is
 * one to `mod`.
 */
function pythonReferences(node: GraphNode, refs: string[]): string[] {
  if (!refs.some(ref => ref.includes('.'))) return refs
  return refs.map(ref => {
    const dot = ref.indexOf('.')
    return dot < 0 || node.bindings.has(ref) ? ref : ref.slice(0, dot)
  })
}

/** Marks a binding's imported name as taken by `require` or `await import` (see stepForward). */
export const REQUIRED = '?'

/** The walk's key for the type an `import type` takes (`type:<name>`): an export, not loaded. */
const TYPE_OF = 'type:'

/** An imported name without the REQUIRED mark. */
export function exportedName(imported: string): string {
  return imported.startsWith(REQUIRED) ? imported.slice(1) : imported
}

/** No module keeps a value import that takes only types: compilers drop it. */
export const keepsNoValueImport = (): boolean => false

/**
 * What tells a walk of what runs from one of types (see isTypeName, loadsForTypesAlone): the
 * changes (a value made a type still runs), the nodes (to follow an import to the declaration it
 * takes), and which modules keep the value imports that take only types.
 */
export interface TypeErasure {
  changes?: Map<string, FileChange>
  nodes?: NodeLookup
  /**
   * Whether the module at a path keeps its value imports, and so loads what they import, whatever
   * they take: tsconfig `verbatimModuleSyntax`, `preserveValueImports` or
   * `importsNotUsedAsValues` preserve/error, babel's `onlyRemoveTypeImports`, SWC's
   * `verbatimModuleSyntax` (see valueImportKeeper); a module with a decorator, where decorator
   * metadata is emitted (see emitsDecoratorMetadata).
   */
  keepsValueImports: (path: string) => boolean
  /** exportKind's answers so far, by `file\u0000name`. */
  exportKinds?: Map<string, 'type' | 'value' | undefined>
  /** usedInTypesAlone's answers so far, by file. */
  typeUses?: Map<string, ReadonlySet<string>>
}

/**
 * Whether local name `name` of `node` is a type alone: a declaration that only `interface` and
 * `type` make, or a binding of `import type`, or (with `erasure.nodes`) of a value import whose
 * name is such a declaration where it is declared (a binding wins over a declaration, see
 * stepForward). What runs never goes through one; type-checked tests do. A changed name that was
 * a value before is not (FileChange.valuesBefore).
 */
export function isTypeName(node: GraphNode, name: string, erasure?: TypeErasure): boolean {
  const binding = node.bindings.get(name)
  const type = binding
    ? binding.typeOnly === true || (!!erasure?.nodes && bindsTypeAlone(erasure.nodes, binding, erasure))
    : own(node.scan.symbols, name)?.typeOnly === true
  return type && !erasure?.changes?.get(node.path)?.valuesBefore?.has(name)
}

/** A value import's binding of a name that is a type alone where it is declared (see exportKind). */
function bindsTypeAlone(nodes: NodeLookup, binding: Binding, erasure: TypeErasure): boolean {
  if (binding.also || binding.imported === WHOLE || binding.imported.startsWith(REQUIRED) || !binding.target)
    return false
  const target = nodes.get(binding.target)
  return !!target && exportKind(nodes, target, binding.imported, erasure) === 'type'
}

/**
 * Whether a forward walk's `key` of `node` is a type alone (see isTypeName), which a walk of what
 * runs leaves out: a `type:` key, or a local name that is a type. An `export:` key is not: it
 * also loads its module.
 */
export function isTypeKey(node: GraphNode, key: string, erasure?: TypeErasure): boolean {
  if (key.startsWith(TYPE_OF)) return true
  if (key === LOAD || key === WHOLE || key.startsWith('export:')) return false
  return isTypeName(node, key, erasure)
}

/** Whether export `name` of `node` is a type alone (see isTypeName). */
export function isTypeExport(node: GraphNode, name: string, erasure?: TypeErasure): boolean {
  const local = own(node.scan.exports, name)
  return (
    local !== undefined &&
    isTypeName(node, local, erasure) &&
    !erasure?.changes?.get(node.path)?.valuesBefore?.has(name)
  )
}

/**
 * Whether export `name` of `node` is a type alone where it is declared, followed through
 * re-exports and `export *` (see isTypeName): 'type', 'value', or undefined when not found.
 */
function exportKind(
  nodes: NodeLookup,
  node: GraphNode,
  name: string,
  erasure: TypeErasure,
  depth = 0
): 'type' | 'value' | undefined {
  if (depth > MAX_CALLEE_HOPS || !node.scan.esm) return 'value'
  const known = (erasure.exportKinds ??= new Map())
  const key = node.path + SEP + name
  if (known.has(key)) return known.get(key)
  const kind = exportKindOf(nodes, node, name, erasure, depth)
  // Only what holds at any depth: a cut made deeper down may not hold from here.
  if (kind !== 'value' || depth === 0) known.set(key, kind)
  return kind
}

function exportKindOf(
  nodes: NodeLookup,
  node: GraphNode,
  name: string,
  erasure: TypeErasure,
  depth: number
): 'type' | 'value' | undefined {
  if (erasure.changes?.get(node.path)?.valuesBefore?.has(name)) return 'value'
  const local = own(node.scan.exports, name)
  if (local !== undefined) {
    const binding = node.bindings.get(local)
    if (!binding || binding.typeOnly) return isTypeName(node, local, erasure) ? 'type' : 'value'
    if (binding.imported === WHOLE || !binding.target || binding.also) return 'value'
    const target = nodes.get(binding.target)
    return (
      (target && exportKind(nodes, target, exportedName(binding.imported), erasure, depth + 1)) ?? 'value'
    )
  }
  // Any 'value' settles it, and the modules made already are asked first: a walk that reached the
  // name through one of them finds it there without making the others.
  let found: 'type' | undefined
  const made = (from: string): boolean => nodes.made?.(from) !== undefined
  const ordered = nodes.made
    ? [...node.exportAll.filter(made), ...node.exportAll.filter(from => !made(from))]
    : node.exportAll
  for (const from of ordered) {
    // A changed module is always asked: a name it no longer spells may have been a value before
    // (see FileChange.valuesBefore). Any other module that cannot export the name is not made.
    if (nodes.mayExport && !erasure.changes?.has(from) && !nodes.mayExport(from, name)) continue
    const target = nodes.get(from)
    const kind = target ? exportKind(nodes, target, name, erasure, depth + 1) : 'value'
    if (kind === 'value') return 'value'
    if (kind === 'type') found = kind
  }
  return found
}

/** A TypeScript module (not a declaration file), whose imports compilers drop when they take only types. */
const TYPESCRIPT_MODULE = /(?<!\.d)\.[cm]?tsx?$/

/**
 * Whether `node` loads `target` only for types: every binding it takes from it by a value import
 * is a type alone (`import { Options } from './types'`, see isTypeName) or is used in types alone
 * (`type Input = z.infer<typeof schema>`, see usedInTypesAlone), and none is re-exported.
 * TypeScript, babel, SWC and esbuild drop such an import, unless the project keeps them (see
 * TypeErasure.keepsValueImports), so the module never loads `target`.
 */
export function loadsForTypesAlone(node: GraphNode, target: string, erasure: TypeErasure): boolean {
  if (!TYPESCRIPT_MODULE.test(node.path) || node.exportAll.includes(target)) return false
  const reexported = new Set(Object.values(node.scan.exports))
  let taken = 0
  for (const [local, binding] of node.bindings) {
    if (binding.target !== target && !binding.also?.includes(target)) continue
    if (binding.typeOnly) continue
    if (
      local.startsWith('@reexport:') ||
      reexported.has(local) ||
      !(isTypeName(node, local, erasure) || usedInTypesAlone(node, erasure).has(local))
    )
      return false
    taken++
  }
  return taken > 0 && !erasure.keepsValueImports(node.path)
}

/** Names a classic JSX transform reads for every element, which compilers keep the imports of. */
const JSX_FACTORIES = new Set(['React', 'h', 'jsx', 'createElement', 'Fragment'])

/**
 * The local names `node` uses in types alone: its `interface` and `type` declarations (isTypeName)
 * reference them, and nothing else does, as a value (computed keys, SymbolInfo.valueRefs) or from
 * code. Compilers drop an import of names used only there, as they drop one of types.
 */
function usedInTypesAlone(node: GraphNode, erasure: TypeErasure): ReadonlySet<string> {
  const known = (erasure.typeUses ??= new Map()).get(node.path)
  if (known) return known
  const inTypes = new Set<string>()
  const inValues = new Set<string>()
  for (const [name, symbol] of Object.entries(node.scan.symbols)) {
    const type = name !== MODULE_SYMBOL && isTypeName(node, name, erasure)
    for (const ref of symbol.refs) (type ? inTypes : inValues).add(ref)
    for (const ref of symbol.valueRefs ?? []) inValues.add(ref)
    for (const call of symbol.deferred ?? []) for (const ref of call.refs) inValues.add(ref)
  }
  const jsx = node.path.endsWith('x')
  const used = new Set([...inTypes].filter(name => !inValues.has(name) && !(jsx && JSX_FACTORIES.has(name))))
  erasure.typeUses.set(node.path, used)
  return used
}

/**
 * One step of a forward walk from `key` of `node` (LOAD, WHOLE, `export:<name>`, an import
 * binding or a local declaration): visits where it leads. For a declaration it returns the
 * symbol, whose references (localRefs) are the caller's to follow; WHOLE leaves out the
 * declarations `skip` names.
 */
export function stepForward(
  node: GraphNode,
  key: string,
  visit: (file: string, key: string) => void,
  skip?: (name: string) => boolean,
  nodes?: NodeLookup,
  erasure?: TypeErasure
): SymbolInfo | undefined {
  const { path: file, scan } = node
  if (key === LOAD) {
    visit(file, MODULE_SYMBOL)
    for (const { target, whole } of node.loads)
      if (whole) visit(target, WHOLE)
      else if (!erasure || !loadsForTypesAlone(node, target, erasure)) visit(target, LOAD)
  } else if (key === WHOLE) {
    visit(file, LOAD)
    for (const name of Object.keys(scan.symbols)) if (!skip?.(name)) visit(file, name)
    for (const name of Object.keys(scan.exports)) visit(file, `export:${name}`)
    for (const target of node.exportAll) visit(target, WHOLE)
  } else if (key.startsWith(`export:${REQUIRED}`)) {
    // `require(…).name`: with babel's interop an ES module's default export may hold it
    // (add-module-exports), when the module does not export it.
    const name = exportedName(key.slice(7))
    visit(file, `export:${name}`)
    if (scan.esm && own(scan.exports, name) === undefined) visit(file, 'export:default')
  } else if (key.startsWith('export:') || key.startsWith(TYPE_OF)) {
    // A type an `import type` takes is the export without the load.
    const type = key.startsWith(TYPE_OF)
    if (!type) visit(file, LOAD)
    const name = key.slice(type ? TYPE_OF.length : 7)
    const local = own(scan.exports, name)
    const providers = local === undefined ? pythonStarProviders(nodes, node, name) : undefined
    if (local !== undefined) visit(file, local)
    else if (providers?.length) for (const target of providers) visit(target, key)
    else if (!scan.esm) visit(file, WHOLE)
    else for (const target of node.exportAll) visit(target, key)
  } else {
    const binding = node.bindings.get(key)
    if (binding) {
      const to = binding.imported === WHOLE ? WHOLE : binding.typeOnly ? TYPE_OF : 'export:'
      for (const target of targetsOfBinding(binding))
        visit(target, to === WHOLE ? WHOLE : `${to}${binding.imported}`)
      return undefined
    }
    const symbol = own(scan.symbols, key)
    if (!symbol)
      for (const target of pythonStarProviders(nodes, node, key) ?? []) visit(target, `export:${key}`)
    return symbol
  }
  return undefined
}

/** Does `node` export `name`: its own, or (Python) through `import *`? */
function hasExport(nodes: NodeLookup, node: GraphNode, name: string): boolean {
  return own(node.scan.exports, name) !== undefined || !!pythonStarProviders(nodes, node, name)?.length
}

const starProvidersCache = new WeakMap<GraphNode, Map<string, string[]>>()

/**
 * The modules a Python module takes with `from m import *` that have `name` (or take it so
 * themselves); undefined when it takes none, or without `nodes` to look them up. A name none of
 * them has leaves the module's own lookup as it was: all of the module (its `__getattr__`, names
 * bound in blocks the scanner does not read as declarations).
 */
function pythonStarProviders(
  nodes: NodeLookup | undefined,
  node: GraphNode,
  name: string,
  seen: Set<string> = new Set()
): string[] | undefined {
  if (!nodes || node.scan.lang !== 'py' || node.exportAll.length === 0) return undefined
  let byName = starProvidersCache.get(node)
  if (!byName) starProvidersCache.set(node, (byName = new Map()))
  const cached = byName.get(name)
  if (cached) return cached
  seen.add(node.path)
  const providers = node.exportAll.filter(target => {
    const from = seen.has(target) ? undefined : nodes.get(target)
    if (!from) return false
    return (
      own(from.scan.exports, name) !== undefined || !!pythonStarProviders(nodes, from, name, seen)?.length
    )
  })
  byName.set(name, providers)
  return providers
}

/**
 * The references of declaration `key` that lead somewhere in its module: declarations and bindings.
 * `nodes` lets it leave out what functions passed on load reference when no callee calls them then
 * (see referencesOf); without it they are kept.
 */
export function localRefs(node: GraphNode, key: string, symbol: SymbolInfo, nodes?: NodeLookup): string[] {
  return referencesOf(nodes, node, symbol).filter(
    ref =>
      ref !== key &&
      (own(node.scan.symbols, ref) ||
        node.bindings.has(ref) ||
        !!pythonStarProviders(nodes, node, ref)?.length)
  )
}

/**
 * A symbol's references; MODULE_SYMBOL's with those of each function passed to a call on load
 * (DeferredCall) unless every call it goes through leaves it uncalled (see defersArgument).
 */
function referencesOf(nodes: NodeLookup | undefined, node: GraphNode, symbol: SymbolInfo): string[] {
  if (node.scan.lang === 'py') return pythonReferences(node, symbol.refs)
  if (!symbol.deferred) return symbol.refs
  const refs = [...symbol.refs]
  for (const { calls, refs: passed } of symbol.deferred)
    if (!nodes || !calls.every(([callee, at]) => defersArgument(nodes, node, callee, at, 0)))
      refs.push(...passed)
  return refs
}

/** Re-exports followed to a callee's declaration. */
const MAX_CALLEE_HOPS = 8

/**
 * Whether calling `name` of `node` leaves the function passed at `position` uncalled: `name` is,
 * or imports (through re-exports), a function declaration whose SymbolInfo.defers has the
 * position. A callee that cannot be followed there (a namespace, `export *`, a package) may call it.
 */
function defersArgument(
  nodes: NodeLookup,
  node: GraphNode,
  name: string,
  position: number,
  hops: number
): boolean {
  if (hops > MAX_CALLEE_HOPS) return false
  const binding = node.bindings.get(name)
  if (binding) {
    if (!binding.target || binding.also || binding.imported === WHOLE) return false
    const target = nodes.get(binding.target)
    const local = target && own(target.scan.exports, exportedName(binding.imported))
    return local !== undefined && defersArgument(nodes, target as GraphNode, local, position, hops + 1)
  }
  const defers = own(node.scan.symbols, name)?.defers
  return defers !== undefined && ((defers >>> position) & 1) === 1
}

function changedSymbolsFor(change: FileChange, key: string): string[] {
  if (change.whole)
    return [
      key === WHOLE || key === LOAD
        ? MODULE_SYMBOL
        : key.startsWith('export:')
          ? exportedName(key.slice(7))
          : key.startsWith(TYPE_OF)
            ? key.slice(TYPE_OF.length)
            : key
    ]
  if (key === WHOLE) return [...change.symbols, ...change.exports]
  if (key === LOAD) return change.symbols.has(MODULE_SYMBOL) ? [MODULE_SYMBOL] : []
  const exported = key.startsWith('export:')
    ? key.slice(7)
    : key.startsWith(TYPE_OF)
      ? key.slice(TYPE_OF.length)
      : undefined
  if (exported !== undefined) return change.exports.has(exported) ? [exported] : []
  return change.symbols.has(key) ? [key] : []
}

/** The steps of a forward walk (`file\u0000key` ids) from node `id` back to where it started. */
export function chainOf(parent: Map<string, string | null>, id: string): string[] {
  const steps: string[] = []
  let current: string | null | undefined = id
  let last = ''
  while (current) {
    const sep = current.indexOf('\u0000')
    const file = current.slice(0, sep)
    let key = current.slice(sep + 1)
    if (key.startsWith('export:')) key = exportedName(key.slice(7))
    else if (key.startsWith(TYPE_OF)) key = key.slice(TYPE_OF.length)
    const step = key === WHOLE || key === LOAD ? file : `${file}#${key}`
    if (step !== last && !(steps.length && step === file && last.startsWith(file + '#'))) steps.push(step)
    last = step
    current = parent.get(current)
  }
  return steps
}

// ── reverse search: from changed symbols back to the tests that reach them ──────────────────

/**
 * The same reachability as `reachFromTest`, walked backwards from the changed symbols, so that
 * only the part of the graph that leads to a change is visited (one walk per changed symbol
 * instead of one per test). Node ids: `L|W|A|E|S` + file + name.
 */
interface ReverseIndex {
  refsTo: Map<string, Map<string, string[]>>
  exportsTo: Map<string, Map<string, string[]>>
}

/** A typed array twice as long, with the same start. */
export function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2)
  larger.set(array)
  return larger
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function reverseIndex(): ReverseIndex {
  return { refsTo: new Map(), exportsTo: new Map() }
}

function refsTo(index: ReverseIndex, node: GraphNode, nodes: NodeLookup): Map<string, string[]> {
  let map = index.refsTo.get(node.path)
  if (!map) {
    map = new Map()
    for (const [name, symbol] of Object.entries(node.scan.symbols))
      for (const ref of referencesOf(nodes, node, symbol)) if (ref !== name) pushTo(map, ref, name)
    index.refsTo.set(node.path, map)
  }
  return map
}

function exportsTo(index: ReverseIndex, node: GraphNode): Map<string, string[]> {
  let map = index.exportsTo.get(node.path)
  if (!map) {
    map = new Map()
    for (const [exported, local] of Object.entries(node.scan.exports)) pushTo(map, local, exported)
    index.exportsTo.set(node.path, map)
  }
  return map
}

const SEP = '\u0000'
const id = (kind: string, file: string, name = ''): string => `${kind}${SEP}${file}${SEP}${name}`

/** Marks a predecessor reached through a type alone (see loadsForTypesAlone). */
const THROUGH_TYPE = '~'

/** Predecessors of a node: the nodes whose forward walk visits it directly. */
function predecessors(
  graph: Graph,
  index: ReverseIndex,
  nodeId: string,
  out: string[],
  erasure?: TypeErasure
): void {
  const [kind, file, name] = nodeId.split(SEP) as [string, string, string]
  const node = graph.nodes.get(file)
  out.length = 0
  switch (kind) {
    case 'L': // LOAD(F)
      out.push(id('W', file), id('A', file))
      for (const { from, whole } of graph.edgesInto(file)?.loaders ?? []) {
        if (whole) continue
        const loader = erasure && graph.nodes.get(from)
        const typesAlone = !!loader && loadsForTypesAlone(loader, file, erasure as TypeErasure)
        out.push(typesAlone ? THROUGH_TYPE + id('L', from) : id('L', from))
      }
      break
    case 'A': // some EXP(F, X)
      out.push(id('W', file))
      // A type-only binding takes a type (see TYPE_OF), which does not load its module.
      for (const b of graph.edgesInto(file)?.bindings ?? [])
        if (b.imported !== WHOLE && !b.typeOnly) out.push(id('S', b.from, b.local))
      for (const from of graph.edgesInto(file)?.exportAllers ?? []) out.push(id('A', from))
      break
    case 'E': {
      // EXP(F, X)
      out.push(id('W', file))
      const edges = graph.edgesInto(file, { kind: 'named', name })
      for (const b of edges?.bindings ?? [])
        if (b.imported === name || b.imported === REQUIRED + name) out.push(id('S', b.from, b.local))
      // A name required of an ES module that does not export it (see stepForward).
      if (name === 'default' && node?.scan.esm)
        for (const b of edges?.bindings ?? [])
          if (
            b.imported.startsWith(REQUIRED) &&
            own(node.scan.exports, exportedName(b.imported)) === undefined
          )
            out.push(id('S', b.from, b.local))
      for (const from of edges?.exportAllers ?? []) {
        const exporter = graph.nodes.get(from)
        if (!exporter || own(exporter.scan.exports, name) !== undefined) continue
        out.push(id('E', from, name))
        // A Python module's own code that uses the name it takes with `import *`.
        if (exporter.scan.lang === 'py' && !exporter.bindings.has(name))
          for (const user of refsTo(index, exporter, graph.nodes).get(name) ?? [])
            out.push(id('S', from, user))
      }
      break
    }
    case 'W': {
      // WHOLE(F)
      const edges = graph.edgesInto(file, { kind: 'whole' })
      for (const { from, whole } of edges?.loaders ?? []) if (whole) out.push(id('L', from))
      for (const b of edges?.bindings ?? []) {
        if (b.imported === WHOLE) out.push(id('S', b.from, b.local))
        else if (node && !node.scan.esm && !hasExport(graph.nodes, node, exportedName(b.imported)))
          out.push(id('S', b.from, b.local))
      }
      for (const from of edges?.exportAllers ?? []) out.push(id('W', from))
      // A name a CommonJS module lacks is all of it; a Python module's is all of the module that
      // asked it (see stepForward), which the line above follows.
      if (node && !node.scan.esm && node.scan.lang !== 'py')
        for (const from of edges?.exportAllers ?? []) out.push(id('A', from))
      break
    }
    case 'S': {
      // SYM(F, S); MODULE_SYMBOL is visited on LOAD
      out.push(id('W', file))
      if (name === MODULE_SYMBOL) out.push(id('L', file))
      if (!node) break
      for (const exported of exportsTo(index, node).get(name) ?? []) out.push(id('E', file, exported))
      for (const user of refsTo(index, node, graph.nodes).get(name) ?? []) out.push(id('S', file, user))
      break
    }
  }
}

export interface ReverseHit {
  test: string
  changedFile: string
  /** The changed `file#symbol` (`file#*` for a change of the whole file). */
  changed: string
  /**
   * Steps from the changed symbol to the test: on the first hit of each test (the reason callers
   * show), left out of later hits of the same test.
   */
  chain?: string[]
}

/** The changed symbol a hit reaches; undefined for a change of the whole file. */
export function changedSymbolOf(hit: ReverseHit): string | undefined {
  return hit.changed === `${hit.changedFile}#*` ? undefined : hit.changed.slice(hit.changedFile.length + 1)
}

function stepOf(nodeId: string): string | undefined {
  const [kind, file, name] = nodeId.split(SEP) as [string, string, string]
  if (kind === 'S') return name.startsWith('@reexport:') ? undefined : `${file}#${name}`
  if (kind === 'E') return `${file}#${name}`
  return file
}

/** A node's step in a reason chain (see stepOf), and whether the step is its file alone. */
interface Step {
  text: string | undefined
  fileOnly: boolean
}

function stepFor(nodeId: string): Step {
  const text = stepOf(nodeId)
  return { text, fileOnly: text !== undefined && text === nodeId.split(SEP)[1] }
}

/** The steps from a walk's start to the test file `file`, found at node `found`. */
function chainTo(
  found: number,
  parentOf: (id: number) => number,
  stepAt: (id: number) => Step,
  start: { file: string; label: string },
  file: string
): string[] {
  const chain: string[] = []
  for (let at = found; at >= 0; at = parentOf(at)) {
    const { text, fileOnly } = stepAt(at)
    if (
      text &&
      text !== chain[chain.length - 1] &&
      !(fileOnly && chain.length && (chain[chain.length - 1] as string).startsWith(text + '#'))
    )
      chain.push(text)
  }
  chain.reverse()
  const steps = chain.filter(s => s !== file && !s.startsWith(file + '#'))
  if (steps[0] !== start.label) steps.unshift(start.label)
  if (steps[1] === start.file && start.label !== start.file) steps.splice(1, 1)
  steps.push(file)
  return steps
}

export interface Reaching {
  hits: ReverseHit[]
  /**
   * The hits member reach dropped (without chains), of tests that reach a change only through
   * members they never name (with `members`).
   */
  dropped: ReverseHit[]
  /**
   * Files other than tests where a walk stopped (changed files too): a change reaches them, and
   * nothing in the graph leads on from what it reaches (nothing imports them, or nothing imports
   * what is reached). Each with the steps from the change to it, from the first walk to stop there.
   */
  deadEnds: Map<string, string[]>
}

/**
 * For every changed symbol, the tests that reach it, each with a chain of steps from the changed
 * symbol to the test file (on a test's first hit). With `members`, a walk that goes through a
 * member called by name holds only for the tests whose forward walk (see members.ts) reaches the
 * change; the others are left out.
 */
export function testsReaching(
  graph: Graph,
  changes: Map<string, FileChange>,
  isTest: (path: string) => boolean,
  {
    members,
    isTypeChecked = () => false,
    keepsValueImports = keepsNoValueImport
  }: {
    members?: MemberReach
    /** Tests that are type-checked: a type reaches them (see isTypeName). */
    isTypeChecked?: (test: string) => boolean
    keepsValueImports?: (path: string) => boolean
  } = {}
): Reaching {
  const erasure: TypeErasure = { changes, nodes: graph.nodes, keepsValueImports }
  const index = reverseIndex()
  /** Where a walk starts, and what a test's forward walk must reach for its hits to hold (see members). */
  const starts: Array<{ file: string; label: string; nodes: string[]; target: ReachTarget }> = []
  for (const [file, change] of changes) {
    if (change.whole) {
      starts.push({ file, label: file, nodes: [id('L', file), id('W', file)], target: { file } })
      continue
    }
    for (const symbol of change.symbols)
      starts.push({
        file,
        label: `${file}#${symbol}`,
        nodes: [id('S', file, symbol)],
        target: { file, key: symbol }
      })
    for (const exported of change.exports) {
      const exports = graph.nodes.get(file)?.scan.exports
      if (!change.symbols.has((exports && own(exports, exported)) ?? '\u0001'))
        starts.push({
          file,
          label: `${file}#${exported}`,
          nodes: [id('E', file, exported)],
          target: { file, key: `export:${exported}` }
        })
    }
  }
  for (const [file, change] of changes) {
    if (change.typeCheckedOnLoad && !change.whole)
      starts.push({ file, label: `${file}#${TYPE_CHECK}`, nodes: [id('L', file)], target: { file } })
  }
  // Every walk crosses the same graph: node names are numbered once, and each node's predecessors
  // and test check are worked out once. A walk marks what it visited with its own stamp, per
  // state: node n reached by what runs (2n), or only through a type (2n + 1; see isTypeName),
  // which reaches type-checked tests alone.
  const numbers = new Map<string, number>()
  const names: string[] = []
  const predecessorsOf: Array<number[] | undefined> = []
  const testOf: Array<string | null | undefined> = []
  let stamp = new Int32Array(2048)
  let parent = new Int32Array(2048)
  const number = (name: string): number => {
    let n = numbers.get(name)
    if (n === undefined) {
      n = names.length
      numbers.set(name, n)
      names.push(name)
      if (2 * n + 1 >= stamp.length) {
        stamp = grown(stamp)
        parent = grown(parent)
      }
    }
    return n
  }
  /**
   * Per node: 1 when it is a type alone (a symbol, binding or export; see isTypeName), 0 when not.
   */
  const typeNode: Array<0 | 1 | undefined> = []
  const isType = (n: number): boolean => {
    let known = typeNode[n]
    if (known === undefined) {
      const [kind, file, name] = (names[n] as string).split(SEP) as [string, string, string]
      const node = kind === 'S' || kind === 'E' ? graph.nodes.get(file) : undefined
      known = typeNode[n] =
        node && (kind === 'S' ? isTypeName(node, name, erasure) : isTypeExport(node, name, erasure)) ? 1 : 0
    }
    return known === 1
  }
  // Each node's step of a reason chain, worked out once: many walks build chains through the same nodes.
  const steps: Array<Step | undefined> = []
  const stepOfNode = (n: number): Step => (steps[n] ??= stepFor(names[n] as string))
  const stepAt = (state: number): Step => stepOfNode(state >> 1)
  const fileOfNode: Array<string | undefined> = []
  const fileAt = (n: number): string => (fileOfNode[n] ??= (names[n] as string).split(SEP)[1] as string)
  const deadEnds = new Map<string, string[]>()
  const scratch: string[] = []
  interface PendingHit extends ReverseHit {
    target?: ReachTarget
    label?: string
    dropped?: boolean
  }
  const pending: PendingHit[] = []
  const toCheck = new Map<string, PendingHit[]>()
  /** Tests with a sure hit (one no forward walk can drop): later hits need no chain. */
  const sure = new Set<string>()
  /** Per node: 1 when it is a member that runs only when called by name, 0 when not. */
  const gatedMember: Array<0 | 1 | undefined> = []
  const isGatedMember = (n: number): boolean => {
    let known = gatedMember[n]
    if (known === undefined) {
      const name = names[n] as string
      if (name.charCodeAt(0) !== 83 /* S */ || !name.includes('.')) known = gatedMember[n] = 0
      else {
        const [, file, symbol] = name.split(SEP) as [string, string, string]
        known = gatedMember[n] = members?.gated(file, symbol) ? 1 : 0
      }
    }
    return known === 1
  }
  starts.forEach((start, walk) => {
    const mark = walk + 1
    const queue: number[] = []
    for (const name of start.nodes) {
      const n = number(name)
      const state = 2 * n + (isType(n) ? 1 : 0)
      if (stamp[state] === mark) continue
      stamp[state] = mark
      parent[state] = -1
      queue.push(state)
    }
    // The tests found, and whether the walk went through a member called by name: then each test
    // must reach the change by a forward walk that follows members by name.
    const found: Array<{ test: string; at: number }> = []
    let throughMember = false
    /** Each file the walk visits: its first node, and whether the walk went on to another file. */
    const visitedFiles = new Map<string, { at: number; leadsOn: boolean }>()
    const foundThroughType = new Set<number>()
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q] as number
      const current = state >> 1
      const typed = (state & 1) === 1
      // What runs reaches what a type does, and more.
      if (typed && stamp[2 * current] === mark) continue
      const currentFile = fileAt(current)
      // Where what runs goes: a file reached through a type alone is not run by the change.
      let visit = typed ? undefined : visitedFiles.get(currentFile)
      if (!typed && !visit) visitedFiles.set(currentFile, (visit = { at: state, leadsOn: false }))
      let test = testOf[current]
      if (test === undefined) {
        const name = names[current] as string
        const file = name.charCodeAt(0) === 87 /* W */ ? name.slice(2, -1) : undefined
        testOf[current] = test = file !== undefined && isTest(file) ? file : null
      }
      if (test !== null) {
        // A type-checked test may be reached in both states: it is found once.
        if (!typed && !foundThroughType.has(current)) found.push({ test, at: state })
        else if (typed && isTypeChecked(test)) {
          foundThroughType.add(current)
          found.push({ test, at: state })
        }
      }
      if (members && !throughMember && isGatedMember(current)) throughMember = true
      let preds = predecessorsOf[current]
      if (!preds) {
        predecessors(graph, index, names[current] as string, scratch, erasure)
        // A predecessor reached through a type alone is numbered -1 - n.
        preds = predecessorsOf[current] = scratch.map(name =>
          name.startsWith(THROUGH_TYPE) ? -1 - number(name.slice(1)) : number(name)
        )
      }
      for (const edge of preds) {
        const pred = edge < 0 ? -1 - edge : edge
        const typedPred = typed || edge < 0 || isType(pred)
        if (visit && !visit.leadsOn && !typedPred && fileAt(pred) !== currentFile) visit.leadsOn = true
        const next = 2 * pred + (typedPred ? 1 : 0)
        // What runs reaches what a type does, and more.
        if (stamp[next] === mark || (typedPred && stamp[2 * pred] === mark)) continue
        stamp[next] = mark
        parent[next] = state
        queue.push(next)
      }
    }
    for (const [file, { at, leadsOn }] of visitedFiles)
      if (!leadsOn && !deadEnds.has(file) && !isTest(file))
        deadEnds.set(
          file,
          chainTo(at, n => parent[n] as number, stepAt, start, file)
        )
    for (const { test, at } of found) {
      const hit: PendingHit = {
        test,
        changedFile: start.file,
        changed: start.label === start.file ? `${start.file}#*` : start.label
      }
      // The test's first hit gives the reason. A hit that may be dropped does not settle which
      // hit that is: a later one keeps its chain too, until a sure hit has one.
      if (!sure.has(test)) hit.chain = chainTo(at, n => parent[n] as number, stepAt, start, test)
      if (throughMember) {
        hit.target = start.target
        hit.label = start.label
        pushTo(toCheck, test, hit)
      } else sure.add(test)
      pending.push(hit)
    }
  })
  members?.plan(toCheck.size)
  for (const [test, unsure] of toCheck) {
    const reached = (members as MemberReach).reachable(
      test,
      unsure.map(hit => hit.target as ReachTarget),
      isTypeChecked(test) ? undefined : erasure
    )
    unsure.forEach((hit, i) => {
      const found = reached[i]
      if (!found) hit.dropped = true
      // The reason: a way the test reaches the change, following members by name.
      else if (Array.isArray(found)) hit.chain = [hit.label as string, ...found.slice(1)]
    })
  }
  const hits: ReverseHit[] = []
  const kept = new Set<string>()
  const droppedHits: ReverseHit[] = []
  for (const { target: _target, label: _label, dropped: drop, chain, ...hit } of pending) {
    if (drop) droppedHits.push(hit)
    else if (kept.has(hit.test)) hits.push(hit)
    else {
      kept.add(hit.test)
      hits.push({ ...hit, chain: chain as string[] })
    }
  }
  return { hits, dropped: droppedHits.filter(hit => !kept.has(hit.test)), deadEnds }
}

/**
 * Files whose types can change with the changed symbols: those with a symbol, export or binding
 * that reaches one of them by reference (loading alone does not carry types).
 */
export function typeDependents(graph: Graph, changes: Map<string, FileChange>): Set<string> {
  const index = reverseIndex()
  const files = new Set<string>()
  const seen = new Set<string>()
  const queue: string[] = []
  for (const [file, change] of changes) {
    if (!change.typeCheckedOnLoad) continue
    files.add(file)
    for (const symbol of change.symbols) queue.push(id('S', file, symbol))
    for (const exported of change.exports) queue.push(id('E', file, exported))
  }
  const preds: string[] = []
  for (let q = 0; q < queue.length; q++) {
    const current = queue[q] as string
    if (seen.has(current)) continue
    seen.add(current)
    files.add(current.split(SEP)[1] as string)
    predecessors(graph, index, current, preds)
    for (const pred of preds) if (pred.charCodeAt(0) !== 76 /* L */ && !seen.has(pred)) queue.push(pred)
  }
  return files
}
