import { escapeRegExp } from '../regexp.js'
import { dirname } from './project.js'

/**
 * Imports that load every file a pattern matches: `import.meta.glob('./pages/*.ts')` (Vite and
 * Vitest), and `import(…)` or `require(…)` of a template literal with holes
 * (`./locales/${lang}.json`), whose holes may be any text, `/` included. Patterns are relative
 * to the importing file, or to the root (`/…`), read as any folder of the repository.
 */

const GLOB_CHARS = /[*?[\]{}\\]/g

/** A template literal's static text, with glob characters escaped. */
export function literalGlob(text: string): string {
  return text.replace(GLOB_CHARS, '\\$&')
}

/**
 * A quoted string of a source that may be a glob import, as the quick pass finds it: a relative
 * or rooted pattern with glob characters; or a relative template with holes, widened to
 * everything under its text before the first hole (the scanner's pattern for it never matches more).
 */
export function globCandidate(spec: string): string | undefined {
  // Both forms start with `.` or `/`; most strings of a file do not.
  const first = spec.charCodeAt(0)
  if (first !== 46 /* . */ && first !== 47 /* / */) return undefined
  const hole = spec.indexOf('${')
  if (hole >= 0) {
    const prefix = spec.slice(0, hole)
    return /^\.{1,2}\//.test(prefix) ? `${literalGlob(prefix)}**` : undefined
  }
  return /^\.{0,2}\//.test(spec) && /[*?[{]/.test(spec) ? spec : undefined
}

/**
 * The longest run of plain characters of a pattern outside braces and brackets: every path it
 * matches holds that text (`/locales/` for a pattern of every locales folder's JSON files).
 * Empty when there is none.
 */
export function requiredText(pattern: string): string {
  let longest = ''
  let run = ''
  let depth = 0
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '{' || c === '[') depth++
    else if ((c === '}' || c === ']') && depth > 0) depth--
    if (depth === 0 && !'*?[]{}\\(),|!@+'.includes(c)) run += c
    else {
      if (run.length > longest.length) longest = run
      run = ''
      if (c === '\\') i++
    }
  }
  return run.length > longest.length ? run : longest
}

/**
 * A glob pattern as a RegExp, or undefined when malformed. Both syntaxes: `*` and `?` stay
 * within a name, `[…]` (negated by `^`) matches one character but `/`, `\x` is `x`. `import`
 * (Vite, fast-glob) adds `**` for any text, `{a,b}`, and `!` to negate a class; `go` (path.Match,
 * for `//go:embed`) has none of those.
 */
export function globRegExp(pattern: string, syntax: 'import' | 'go' = 'import'): RegExp | undefined {
  const extended = syntax === 'import'
  let source = ''
  let braces = 0
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '*') {
      if (extended && pattern[i + 1] === '*') {
        source += '.*'
        while (pattern[i + 1] === '*') i++
      } else source += '[^/]*'
    } else if (c === '?') source += '[^/]'
    else if (c === '\\') {
      const next = pattern[++i]
      if (next === undefined) return undefined
      source += escapeRegExp(next)
    } else if (extended && c === '{') {
      braces++
      source += '(?:'
    } else if (extended && c === '}' && braces > 0) {
      braces--
      source += ')'
    } else if (extended && c === ',' && braces > 0) source += '|'
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2)
      if (close < 0) return undefined
      let body = pattern.slice(i + 1, close)
      const negated = body.startsWith('^') || (extended && body.startsWith('!'))
      if (negated) body = body.slice(1)
      source += `(?!/)[${negated ? '^' : ''}${body.replace(/[\]\\^]/g, '\\$&')}]`
      i = close
    } else source += escapeRegExp(c)
  }
  if (braces) return undefined
  try {
    return new RegExp(`^${source}$`)
  } catch {
    return undefined
  }
}

/**
 * Whether a file is one that glob import `pattern`, written in `from`, loads (never `from` itself),
 * with the folder prefix every such file starts with (`a/b/`, or `` for any); undefined when the
 * pattern loads nothing (malformed, or above the repository's root).
 */
export function globMatcher(
  from: string,
  pattern: string
): { prefix: string; loads: (file: string) => boolean } | undefined {
  let rest = pattern
  let base: string | undefined = dirname(from)
  if (rest.startsWith('/')) {
    base = undefined
    rest = rest.slice(1)
  }
  for (;;) {
    if (rest.startsWith('./')) rest = rest.slice(2)
    else if (rest.startsWith('../') && base !== undefined) {
      if (base === '') return undefined
      base = dirname(base)
      rest = rest.slice(3)
    } else break
  }
  const regex = globRegExp(rest)
  if (!regex) return undefined
  const prefix = base ? `${base}/` : ''
  // Text every match holds: most files are passed over without trying the pattern on them.
  const needed = requiredText(rest)
  if (base === undefined) {
    // A rooted pattern matches from any folder: one test per file, not one per folder of its path
    // (the source without the `^` globRegExp anchors it with).
    const anywhere = new RegExp(`(?:^|/)${regex.source.slice(1)}`)
    return {
      prefix,
      loads: file => file !== from && (!needed || file.includes(needed)) && anywhere.test(file)
    }
  }
  return {
    prefix,
    loads: file =>
      file !== from &&
      (!needed || file.includes(needed)) &&
      file.startsWith(prefix) &&
      regex.test(file.slice(prefix.length))
  }
}

/**
 * The files of `files` that glob import `pattern`, written in `from`, loads (never `from` itself).
 * `files` may be a function that lists the files under a folder prefix (`a/b/`, or `` for all).
 */
export function globFiles(
  files: Iterable<string> | ((prefix: string) => Iterable<string>),
  from: string,
  pattern: string
): string[] {
  const matcher = globMatcher(from, pattern)
  if (!matcher) return []
  const matched: string[] = []
  for (const file of typeof files === 'function' ? files(matcher.prefix) : files)
    if (matcher.loads(file)) matched.push(file)
  return matched
}
