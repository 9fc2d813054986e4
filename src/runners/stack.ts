import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { originalPosition } from './sourcemap.js'
import type { SourceLocation } from './types.js'

/** Where frames are read from and mapped to. */
export interface StackContext {
  /** The repository root: locations are relative to it. */
  repoDir: string
  /** The folder the runner ran in: relative paths in frames are resolved against it. */
  cwd: string
  /** A path the real checkout is known by (e.g. a worktree run reports paths under a temp folder). */
  aliases?: string[]
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g')

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '')
}

const JS_FRAME =
  /(?:\(|\bat\s+|^\s*)((?:file:\/\/)?(?:\/|[A-Za-z]:[\\/])[^():\n]+?|[\w.@-][\w./@-]*\.[cm]?[jt]sx?):(\d+)(?::(\d+))?\)?/gm
const PY_FRAME = /File "([^"\n]+)", line (\d+)/g
const PY_SHORT = /^([^\s:][^:\n]*\.py):(\d+):/gm
const GO_FRAME = /^\s*([\w./-]+\.go):(\d+)(?::(\d+))?/gm

interface Frame {
  index: number
  length: number
  path: string
  line: number
  column?: number
  pathOnly: boolean
}

function framesOf(stack: string): Frame[] {
  const frames: Frame[] = []
  for (const pattern of [JS_FRAME, PY_FRAME, PY_SHORT, GO_FRAME]) {
    for (const match of stack.matchAll(pattern)) {
      const path = match[1] as string
      const offset = match[0].indexOf(path)
      const js = pattern === JS_FRAME
      frames.push({
        index: (match.index ?? 0) + offset,
        // JavaScript frames are rewritten whole (a source map moves the line); others keep their line text.
        length: js ? match[0].length - offset - (match[0].endsWith(')') ? 1 : 0) : path.length,
        pathOnly: !js,
        path,
        line: Number(match[2]),
        column: match[3] ? Number(match[3]) : undefined
      })
    }
  }
  frames.sort((a, b) => a.index - b.index)
  return frames.filter(
    (frame, i) => i === 0 || frame.index >= (frames[i - 1] as Frame).index + (frames[i - 1] as Frame).length
  )
}

function toAbsolute(path: string, context: StackContext): string {
  let file = path
  if (file.startsWith('file://')) {
    try {
      file = fileURLToPath(file)
    } catch {
      return file
    }
  }
  file = isAbsolute(file) ? file : resolve(context.cwd, file)
  for (const alias of context.aliases ?? []) {
    if (file === alias || file.startsWith(alias + sep)) return join(context.repoDir, relative(alias, file))
  }
  return file
}

/** Repository-relative path (forward slashes) of a file inside the repository, outside node_modules. */
export function repoRelative(absolute: string, repoDir: string): string | undefined {
  const rel = relative(repoDir, absolute)
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined
  const posix = rel.split(sep).join('/')
  if (posix.split('/').includes('node_modules')) return undefined
  return posix
}

/**
 * Maps a compiled file position back to its source: through a source map when there is one
 * (`x.js.map` or an inline map), else by the `dist/x.test.js` ↔ `src/x.test.ts` convention.
 */
export function mapToSource(
  absolute: string,
  line: number,
  column: number | undefined,
  repoDir: string
): SourceLocation | undefined {
  const rel = repoRelative(absolute, repoDir)
  if (!rel) return undefined
  if (/\.[cm]?js$/.test(rel)) {
    const mapped = originalPosition(absolute, line, column ?? 1)
    if (mapped) {
      const mappedRel = repoRelative(mapped.file, repoDir)
      if (mappedRel) return { file: mappedRel, line: mapped.line, column: mapped.column }
    }
  }
  const source = sourceForCompiled(rel, repoDir)
  return source ? { file: source, line, column } : { file: rel, line, column }
}

const COMPILED_DIRS = ['dist', 'build', 'out']

/**
 * The source file of a compiled file by path convention (`dist/x.test.js` → `src/x.test.ts`, or
 * `dist/src/x.test.js` → `src/x.test.ts`), when it exists; undefined for anything else.
 */
export function sourceForCompiled(rel: string, repoDir: string): string | undefined {
  const parts = rel.split('/')
  const at = parts.findIndex(part => COMPILED_DIRS.includes(part))
  if (at < 0 || !/\.[cm]?js$/.test(rel)) return undefined
  const before = parts.slice(0, at)
  const after = parts.slice(at + 1)
  const stem = after.join('/').replace(/\.([cm]?)js$/, '')
  const candidates: string[] = []
  for (const dir of [['src'], []]) {
    for (const ext of ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx']) {
      candidates.push([...before, ...dir, stem + ext].join('/'))
      if (after[0] === 'src') candidates.push([...before, stem.replace(/^src\//, 'src/') + ext].join('/'))
    }
  }
  return candidates.find(candidate => candidate !== rel && existsSync(join(repoDir, candidate)))
}

export interface MappedStack {
  stack: string
  location?: SourceLocation
}

/** Rewrites frames to repository paths (mapped to sources) and finds the first frame in the repository. */
export function mapStack(stackText: string, context: StackContext): MappedStack {
  const stack = stripAnsi(stackText)
  let out = ''
  let last = 0
  let location: SourceLocation | undefined
  for (const frame of framesOf(stack)) {
    const absolute = toAbsolute(frame.path, context)
    const mapped = existsSync(absolute)
      ? mapToSource(absolute, frame.line, frame.column, context.repoDir)
      : undefined
    if (!mapped) continue
    location ??= mapped
    out +=
      stack.slice(last, frame.index) +
      (frame.pathOnly
        ? mapped.file
        : `${mapped.file}:${mapped.line}${mapped.column !== undefined ? `:${mapped.column}` : ''}`)
    last = frame.index + frame.length
  }
  out += stack.slice(last)
  return { stack: withoutRunnerFrames(out), location }
}

/** The part of a failure text before its stack frames. */
export function messageOf(text: string): string {
  const clean = stripAnsi(text)
  const frame = clean.search(/\n\s+at\s/)
  return (frame >= 0 ? clean.slice(0, frame) : clean).trim()
}

export function readTextIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

/** Frames of the test runner itself (node_modules, node internals) say nothing about the failure. */
function withoutRunnerFrames(stack: string): string {
  return stack
    .split('\n')
    .filter(line => !/^\s+at\s(?:.*[(\s])?(?:[^\s()]*\/node_modules\/|node:|<anonymous>\)?$)/.test(line))
    .join('\n')
}
