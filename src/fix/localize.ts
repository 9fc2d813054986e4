import { existsSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import type { TestCaseResult, TestFileResult, TestReport } from '../runners/types.js'

/** One failing test, as the fixer works with it. */
export interface FailingTest {
  file: string
  name: string
  message: string
  stack: string
  /** Repository locations from the stack, innermost first, deduplicated. */
  frames: Array<{ file: string; line: number }>
}

/** A place in the repository the failures point at. */
export interface Suspect {
  file: string
  line: number
  /** How many failing tests' stacks pass through here. */
  hits: number
  isTest: boolean
}

const FRAME = /((?:[A-Za-z]:)?[\w./@+-]*[\w@+-]\.(?:[cm]?[jt]sx?|py|go|rb|java|rs)):(\d+)(?::\d+)?/g

function isFailing(status: string): boolean {
  return status === 'failed' || status === 'errored'
}

/** Every failing test case of a report; a file that failed without cases (a crash) counts as one. */
export function failingTests(report: TestReport, repoDir: string): FailingTest[] {
  const result: FailingTest[] = []
  for (const file of report.files) {
    // Flaky tests and tests already failing on the base commit are not the change's doing.
    const cases = file.tests.filter(
      t => isFailing(t.status) && t.failureKind !== 'flaky' && t.failureKind !== 'already-failing'
    )
    if (cases.length) {
      for (const test of cases) result.push(toFailing(file, test, repoDir))
    } else if (isFailing(file.status)) {
      const output = file.output ?? ''
      result.push({
        file: file.file,
        name: '(the test file failed to run)', // validate.ts CRASHED
        message: output.slice(-4000),
        stack: output.slice(-4000),
        frames: framesIn(output, repoDir)
      })
    }
  }
  return result
}

function toFailing(file: TestFileResult, test: TestCaseResult, repoDir: string): FailingTest {
  const stack = test.stack ?? ''
  const frames = framesIn(`${stack}\n${test.message ?? ''}`, repoDir)
  if (test.location && !frames.some(f => f.file === test.location!.file && f.line === test.location!.line)) {
    frames.push({ file: test.location.file, line: test.location.line })
  }
  return { file: file.file, name: test.name, message: test.message ?? '', stack, frames }
}

/** Repository files and lines named in a stack trace or message, in order, outside dependencies. */
export function framesIn(text: string, repoDir: string): Array<{ file: string; line: number }> {
  const seen = new Set<string>()
  const frames: Array<{ file: string; line: number }> = []
  for (const match of text.replace(/file:\/\//g, '').matchAll(FRAME)) {
    const rel = toRepoRelative(match[1]!, repoDir)
    if (!rel) continue
    const key = `${rel}:${match[2]}`
    if (seen.has(key)) continue
    seen.add(key)
    frames.push({ file: rel, line: Number(match[2]) })
  }
  return frames
}

function toRepoRelative(path: string, repoDir: string): string | undefined {
  const absolute = isAbsolute(path) ? path : join(repoDir, path)
  const rel = relative(repoDir, absolute)
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined
  const posix = rel.split(sep).join('/')
  if (posix.split('/').some(part => part === 'node_modules' || part === '.git')) return undefined
  try {
    if (!existsSync(absolute) || !statSync(absolute).isFile()) return undefined
  } catch {
    return undefined
  }
  return posix
}

/**
 * Ranks the places the failures point at: source files before tests, files the change touched
 * first, then by how many failing tests pass through them.
 */
export function suspects(
  failures: readonly FailingTest[],
  isTest: (file: string) => boolean,
  changedFiles: ReadonlySet<string>
): Suspect[] {
  const byKey = new Map<string, Suspect>()
  for (const failure of failures) {
    for (const frame of failure.frames) {
      const key = `${frame.file}:${frame.line}`
      const existing = byKey.get(key)
      if (existing) existing.hits++
      else byKey.set(key, { file: frame.file, line: frame.line, hits: 1, isTest: isTest(frame.file) })
    }
  }
  return [...byKey.values()].sort(
    (a, b) =>
      Number(a.isTest) - Number(b.isTest) ||
      Number(changedFiles.has(b.file)) - Number(changedFiles.has(a.file)) ||
      b.hits - a.hits ||
      a.file.localeCompare(b.file) ||
      a.line - b.line
  )
}

/** Lines around a location, numbered like read_file output. */
export function excerpt(
  repoDir: string,
  file: string,
  line: number,
  radius: number
): { text: string; start: number; end: number } | undefined {
  let content: string
  try {
    content = readFileSync(join(repoDir, file), 'utf8')
  } catch {
    return undefined
  }
  const lines = content.replace(/\r\n/g, '\n').split('\n')
  const start = Math.max(1, line - radius)
  const end = Math.min(lines.length, line + radius)
  const text = lines
    .slice(start - 1, end)
    .map((l, i) => `${start + i}| ${l}`)
    .join('\n')
  return { text, start, end }
}

/** The stack cut to the frames that matter: repository lines only, at most `max`. */
export function compactStack(stack: string, max = 8): string {
  const lines = stack.split('\n').filter(line => line.trim() !== '')
  const kept = lines.filter(
    line =>
      /^\s*at\s|File "|\.go:\d+|\.py:\d+/.test(line) && !/node_modules|node:internal|<anonymous>/.test(line)
  )
  return kept.slice(0, max).join('\n')
}
