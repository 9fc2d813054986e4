import { globRegExp } from './glob-imports.js'
import { pushTo } from './graph.js'
import { dirname } from './project.js'
import type { ModuleScan } from './model.js'

/**
 * What a Go package builds from besides its .go files: C, C++, assembly, SWIG and object files in
 * its folder (cgo and the Go assembler), and the files its `//go:embed` directives name.
 */

const GO_PACKAGE_SOURCE = /\.(?:c|h|s|S|sx|cc|cpp|cxx|hh|hpp|hxx|m|f|F|for|f90|syso|swig|swigcxx)$/

/**
 * The Go files that build with, or embed, the non-Go file `path`: every Go file of its folder for
 * a C, assembly or object file there; and the Go files of its folder and of the folders above it,
 * up to its module's root, whose `//go:embed` patterns name it. Whatever the build constraints,
 * so that a selection holds on every platform.
 */
export function goFilesUsing(
  path: string,
  files: ReadonlySet<string>,
  scanOf: (path: string) => ModuleScan | undefined
): string[] {
  const goFilesIn = (dir: string): readonly string[] => goFolders(files).get(dir) ?? []
  const users = new Set<string>()
  const own = dirname(path)
  if (GO_PACKAGE_SOURCE.test(path))
    for (const file of goFilesIn(own)) if (!file.endsWith('_test.go')) users.add(file)
  for (let dir: string | undefined = own; dir !== undefined; dir = dir === '' ? undefined : dirname(dir)) {
    const rel = dir === '' ? path : path.slice(dir.length + 1)
    for (const file of goFilesIn(dir))
      if (scanOf(file)?.embeds?.some(pattern => goEmbeds(pattern, rel))) users.add(file)
    if (files.has(dir === '' ? 'go.mod' : `${dir}/go.mod`)) break
  }
  return [...users]
}

const goFolderIndex = new WeakMap<ReadonlySet<string>, Map<string, string[]>>()

/** The Go files of each folder of `files` (made once per set of files). */
function goFolders(files: ReadonlySet<string>): Map<string, string[]> {
  let folders = goFolderIndex.get(files)
  if (!folders) {
    folders = new Map()
    for (const file of files) if (file.endsWith('.go')) pushTo(folders, dirname(file), file)
    goFolderIndex.set(files, folders)
  }
  return folders
}

/**
 * The patterns of a `//go:embed` line: space-separated, each optionally in Go string quotes
 * ("…" with escapes, or `…`).
 */
export function goEmbedPatterns(args: string): string[] {
  const patterns: string[] = []
  for (const match of args.matchAll(/"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g)) {
    if (match[1] !== undefined) {
      try {
        patterns.push(JSON.parse(`"${match[1]}"`) as string)
      } catch {
        patterns.push(match[1])
      }
    } else patterns.push((match[2] ?? match[3]) as string)
  }
  return patterns
}

/**
 * Does `//go:embed` pattern `pattern`, in a Go file of folder F, embed the file at `rel` (its path
 * relative to F)? As Go decides: the pattern (path.Match syntax, `all:` prefix optional) names the
 * file or one of its folders; a folder embeds every file under it except those under a name that
 * starts with `.` or `_` (unless `all:`).
 */
export function goEmbeds(pattern: string, rel: string): boolean {
  const all = pattern.startsWith('all:')
  const glob = globRegExp(all ? pattern.slice(4) : pattern, 'go')
  if (!glob) return false
  const segments = rel.split('/')
  for (let k = 1; k <= segments.length; k++) {
    if (!glob.test(segments.slice(0, k).join('/'))) continue
    if (k === segments.length) return true
    if (all || segments.slice(k).every(name => !name.startsWith('.') && !name.startsWith('_'))) return true
  }
  return false
}
