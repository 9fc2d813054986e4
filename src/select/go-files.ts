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
  goFilesIn: (dir: string) => readonly string[],
  scanOf: (path: string) => ModuleScan | undefined
): string[] {
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
  const glob = goPathMatcher(all ? pattern.slice(4) : pattern)
  if (!glob) return false
  const segments = rel.split('/')
  for (let k = 1; k <= segments.length; k++) {
    if (!glob.test(segments.slice(0, k).join('/'))) continue
    if (k === segments.length) return true
    if (all || segments.slice(k).every(name => !name.startsWith('.') && !name.startsWith('_'))) return true
  }
  return false
}

/** Go's path.Match as a RegExp (`*` and `?` stop at `/`); undefined for a malformed pattern. */
function goPathMatcher(pattern: string): RegExp | undefined {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '*') source += '[^/]*'
    else if (c === '?') source += '[^/]'
    else if (c === '\\') {
      const next = pattern[++i]
      if (next === undefined) return undefined
      source += escapeRegExp(next)
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 2)
      if (close < 0) return undefined
      let body = pattern.slice(i + 1, close)
      const negated = body.startsWith('^')
      if (negated) body = body.slice(1)
      source += `(?![/])[${negated ? '^' : ''}${body.replace(/[\]\\^]/g, ch => `\\${ch}`)}]`
      i = close
    } else source += escapeRegExp(c)
  }
  try {
    return new RegExp(`^${source}$`)
  } catch {
    return undefined
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
