import { PATH_LIKE, afterLastHole, type ModuleScan } from './model.js'
import { dirname, joinPath } from './project.js'
import { BUILD_FOLDERS, type Resolver } from './resolve.js'

/**
 * A warm build after files were added or deleted (the configs the same): which saved resolutions
 * still hold, and which modules must be linked again, so that the rest of the graph comes from
 * the snapshot of the run before. What a module's links depend on besides its own text:
 * - its imports' resolutions, kept per folder and specifier (carryResolutions sorts them out);
 * - files its strings name by path (namedSources), by their name: `n:<name>`;
 * - glob imports and rooted ones, whose files are looked up in the file list: `g`;
 * - a repository package whose entry is not in the repository, which may load any of its
 *   sources: `p:<package folder>`;
 * - Python and Go files, and project files, which are linked by other rules: a change of any of
 *   them links everything again (changesEverything).
 * `linkSense` gives a module's keys; the snapshot keeps them per module.
 */

/** The files added and deleted since the list of files a cache was made for. */
export interface FileListChange {
  added: string[]
  deleted: string[]
}

export function fileListChange(before: readonly string[], after: ReadonlySet<string>): FileListChange {
  const old = new Set(before)
  const added: string[] = []
  const deleted: string[] = []
  for (const path of after) if (!old.has(path)) added.push(path)
  for (const path of old) if (!after.has(path)) deleted.push(path)
  return { added, deleted }
}

const PYTHON_OR_GO = /\.(?:py|pyi|go)$|(?:^|\/)go\.work$/

/**
 * Whether adding or deleting `path` may change links that relinking by keys does not follow:
 * Python and Go modules (packages, conftest.py, module roots), and Go's workspace file. A config
 * added or deleted (package.json, tsconfig, an alias config, pyproject.toml) changes the configs'
 * fingerprint, which links everything again before this is asked.
 */
export function changesEverything(path: string): boolean {
  return PYTHON_OR_GO.test(path)
}

/**
 * The paths a relative import that may load one of `changed` can resolve through: each file, the
 * file without each of its extensions (`./a` and `./a.js` find `a.ts`), and each folder above it
 * (an index, a folder's package entry).
 */
function touchedPaths(changed: readonly string[]): Set<string> {
  const touched = new Set<string>()
  for (const path of changed) {
    touched.add(path)
    const slash = path.lastIndexOf('/')
    for (let dot = path.indexOf('.', slash + 2); dot > 0; dot = path.indexOf('.', dot + 1))
      touched.add(path.slice(0, dot))
    for (let dir = dirname(path); dir !== ''; dir = dirname(dir)) touched.add(dir)
  }
  return touched
}

const RELATIVE = /^\.\.?(?:\/|$)/
const LAST_EXTENSION = /\.[^./]+$/

/** What carryResolutions asks of the resolver of the new revision. */
export type ResolutionRules = Pick<Resolver, 'rewritesHolding' | 'bareResolutionsHolding'>

/**
 * The saved resolutions (folder + NUL + specifier → result) that hold after `change`: those whose
 * specifier no alias or jest mapping rewrites to a path an added or deleted file touches (see
 * touchedPaths) or through a build folder (mapped to `src/`) (see Resolver.rewritesHolding), and
 * which, as found without them,
 * are of relative specifiers whose path is none of those either, or of bare specifiers that try no
 * touched path (see Resolver.bareResolutionsHolding). The others are taken out of `memo` and
 * returned with their old results, to resolve again and compare.
 */
export function carryResolutions(
  memo: Record<string, string>,
  change: FileListChange,
  rules: ResolutionRules
): Map<string, string> {
  const touched = touchedPaths([...change.added, ...change.deleted])
  // A path is touched only if its last segment (or that without its extension) is the name of one.
  const names = new Set([...touched].map(path => path.slice(path.lastIndexOf('/') + 1)))
  for (const folder of BUILD_FOLDERS) names.add(folder)
  const buildFolder = new RegExp(`(?:^|/)(?:${BUILD_FOLDERS.join('|')})(?:/|$)`)
  const touchedOrBuilt = (path: string): boolean =>
    buildFolder.test(path) || touched.has(path) || touched.has(path.replace(LAST_EXTENSION, ''))
  const bareHolds = rules.bareResolutionsHolding(touchedOrBuilt)
  const rewriteHolds = rules.rewritesHolding(touchedOrBuilt)
  const dropped = new Map<string, string>()
  for (const key in memo) {
    const value = memo[key] as string
    const nul = key.indexOf('\u0000')
    const dir = key.slice(0, nul)
    const spec = key.slice(nul + 1)
    let keep = rewriteHolds(dir, spec)
    if (keep && !RELATIVE.test(spec)) keep = !spec.startsWith('/') && bareHolds(dir, spec)
    else if (keep) {
      const last = spec.slice(spec.lastIndexOf('/') + 1)
      if (
        last === '' ||
        last === '.' ||
        last === '..' ||
        names.has(last) ||
        names.has(last.replace(LAST_EXTENSION, ''))
      ) {
        keep = !touchedOrBuilt(joinPath(dir, spec))
      } else keep = !buildFolder.test(spec)
    }
    if (!keep) dropped.set(key, value)
  }
  for (const key of dropped.keys()) delete memo[key]
  return dropped
}

/**
 * The specifiers, by folder, that a dropped resolution now resolves otherwise: the modules there
 * that import one are linked again. Resolves each again into `resolver`'s memo.
 */
export function resolvedAnew(
  dropped: ReadonlyMap<string, string>,
  resolver: Resolver
): Map<string, Set<string>> {
  const specsByFolder = new Map<string, Set<string>>()
  for (const [key, before] of dropped) {
    const nul = key.indexOf('\u0000')
    const dir = key.slice(0, nul)
    const spec = key.slice(nul + 1)
    resolver.resolveJs(dir === '' ? '\u0000' : `${dir}/\u0000`, spec)
    if (resolver.memo[key] === before) continue
    const specs = specsByFolder.get(dir)
    if (specs) specs.add(spec)
    else specsByFolder.set(dir, new Set([spec]))
  }
  return specsByFolder
}

/** The keys (see above) of what a module's links depend on besides its imports' resolutions. */
export function linkSense(path: string, scan: ModuleScan, resolver: Resolver): string[] {
  if (scan.lang !== 'js') return []
  const keys = new Set<string>()
  for (const literal of scan.strings) {
    // As namedSources reads a string: a path ending in a name.
    const text = afterLastHole(literal)
    if (text.length < 2 || text.length > 200 || !PATH_LIKE.test(text)) continue
    const path = text.replace(/\/+$/, '')
    const name = path.slice(path.lastIndexOf('/') + 1)
    if (name !== '' && name !== '.' && name !== '..') keys.add(`n:${name}`)
  }
  for (const record of scan.imports) {
    // A glob's files, and a path from any folder (a rooted import), are looked up in the file list.
    if (record.kind === 'glob' || record.kind === 'rooted') keys.add('g')
    else if (record.kind !== 'folder') {
      const resolution = resolver.resolveJs(path, record.spec)
      if ('package' in resolution) keys.add(`p:${resolution.package}`)
    }
  }
  return [...keys]
}

/** The keys under which a module whose links `path`'s addition or deletion may change is kept. */
export function senseKeysOf(path: string): string[] {
  const keys = [`n:${path.slice(path.lastIndexOf('/') + 1)}`, 'g', 'p:']
  for (let dir = dirname(path); dir !== ''; dir = dirname(dir)) keys.push(`p:${dir}`)
  return keys
}
