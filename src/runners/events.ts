import { isAbsolute, resolve } from 'node:path'
import {
  mapStack,
  messageOf,
  repoRelative,
  sourceForCompiled,
  stripAnsi,
  type StackContext
} from './stack.js'
import type { SourceMapJson } from './sourcemap.js'
import type { TestCaseResult, TestFileResult, TestStatus } from './types.js'

/**
 * The line protocol every reporter and driver writes (one JSON object a line), so that results
 * survive a run that dies half-way: what was written before the crash is still read.
 */
export type RunnerEvent =
  | { t: 'start'; file: string }
  | {
      t: 'case'
      file: string
      name: string
      status: TestStatus
      durationMs?: number
      message?: string
      stack?: string
      line?: number
      column?: number
    }
  | { t: 'file'; file: string; durationMs?: number; error?: { message: string; stack?: string } }
  | {
      t: 'coverage'
      file: string
      /** Per loaded source (absolute path): the line, column pairs where the functions it ran start. */
      sources: Record<string, { fns: number[]; exact: boolean; map?: SourceMapJson }>
    }
  /** Files (absolute paths) a coverage recording would have seen had a test loaded them. */
  | { t: 'instrumented'; files: string[] }
  | { t: 'end' }

export function parseEvents(text: string): RunnerEvent[] {
  const events: RunnerEvent[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    try {
      const event = JSON.parse(line) as RunnerEvent
      if (event && typeof event === 'object' && typeof event.t === 'string') events.push(event)
    } catch {
      // a line cut off by a killed process
    }
  }
  return events
}

/** How the process ended, for files that did not report. */
export interface ProcessOutcome {
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  timeoutMs: number
  /** stdout and stderr, kept as evidence (the caller caps it). */
  output: string
  durationMs: number
}

/** What one run produced, per expected file. */
export interface AssembledRun {
  files: TestFileResult[]
  /** Files that never started because the process died earlier (worth a run of their own). */
  notStarted: string[]
}

export const OUTPUT_TAIL = 8000

export function head(text: string, max = OUTPUT_TAIL): string {
  const clean = stripAnsi(text).trim()
  return clean.length > max ? `${clean.slice(0, max)}…` : clean
}

export function tail(text: string, max = OUTPUT_TAIL): string {
  const clean = stripAnsi(text)
  return clean.length > max ? `…${clean.slice(clean.length - max)}` : clean
}

function fileStatus(tests: TestCaseResult[], errored: boolean): TestStatus {
  if (errored) return 'errored'
  if (tests.some(t => t.status === 'failed' || t.status === 'errored')) return 'failed'
  if (tests.length > 0 && tests.every(t => t.status === 'skipped')) return 'skipped'
  return 'passed'
}

function describeEnd(outcome: ProcessOutcome): string {
  if (outcome.timedOut)
    return `The test run was killed after the ${Math.round(outcome.timeoutMs / 1000)}s time limit (test-timeout)`
  if (outcome.signal) return `The test process was killed by ${outcome.signal}`
  return `The test process exited with code ${outcome.exitCode}`
}

export interface AssembleOptions {
  /** Absolute paths of the files this run was given. */
  expected: string[]
  events: RunnerEvent[]
  outcome: ProcessOutcome
  stack: StackContext
  /** True when the runner reports file starts, so unstarted files can be told from running ones. */
  reportsStarts: boolean
}

/**
 * Turns the events of one run into file results. A file that reported is taken as reported; a file
 * that did not is `errored` with the process output as evidence — never a pass.
 */
export function assemble(options: AssembleOptions): AssembledRun {
  const { stack, outcome } = options
  const key = (file: string): string => (isAbsolute(file) ? file : resolve(stack.cwd, file))
  const started = new Set<string>()
  const finished = new Map<string, Extract<RunnerEvent, { t: 'file' }>>()
  const cases = new Map<string, TestCaseResult[]>()
  let ended = false
  for (const event of options.events) {
    if (event.t === 'end') ended = true
    else if (event.t === 'start') started.add(key(event.file))
    else if (event.t === 'file') finished.set(key(event.file), event)
    else if (event.t === 'case') {
      const file = key(event.file)
      const list = cases.get(file) ?? []
      list.push(toCase(event, stack))
      cases.set(file, list)
    }
  }
  // A file that started and did not finish is the one the crash or hang is charged to.
  const inProgress = [...started].some(file => !finished.has(file) || finished.get(file)?.error !== undefined)
  const processFailed = outcome.timedOut || outcome.signal !== null || (outcome.exitCode ?? 1) !== 0
  const files: TestFileResult[] = []
  const notStarted: string[] = []
  for (const expected of options.expected) {
    const file = key(expected)
    const tests = cases.get(file) ?? []
    const done = finished.get(file)
    const rel = displayPath(file, stack.repoDir)
    const durationMs = Math.round(done?.durationMs ?? tests.reduce((sum, t) => sum + t.durationMs, 0))
    if (done) {
      const errored = done.error !== undefined
      const result: TestFileResult = { file: rel, status: fileStatus(tests, errored), durationMs, tests }
      if (done.error) {
        // The reason comes first in a runner's file error (a syntax error and its code frame):
        // keep the head, with runner frames dropped and paths made repository-relative.
        const message = mapStack(done.error.message, stack).stack
        const frames = done.error.stack ? mapStack(done.error.stack, stack).stack : ''
        const text =
          frames && !message.includes(frames.trim()) && frames.trim() !== message.trim()
            ? `${message}\n${frames}`
            : message
        result.output = head(text)
      }
      // A run that exits non-zero although every file "passed" (e.g. an error after the tests) is not a pass.
      files.push(result)
      continue
    }
    if (ended && tests.length > 0) {
      files.push({ file: rel, status: fileStatus(tests, false), durationMs, tests })
      continue
    }
    const standsForPackage = file === resolve(stack.cwd)
    if (
      processFailed &&
      options.reportsStarts &&
      inProgress &&
      !standsForPackage &&
      !started.has(file) &&
      tests.length === 0
    ) {
      notStarted.push(expected)
      continue
    }
    const why = standsForPackage
      ? 'before the whole suite ran (files after the failure may not have run)'
      : started.has(file) || tests.length > 0
        ? 'while this file was running'
        : 'before this file reported'
    const message =
      ended && !processFailed
        ? 'The runner finished without reporting this file (no tests were found in it, or it was not collected)'
        : `${describeEnd(outcome)} ${why}; no report was written for it.`
    files.push({
      file: rel,
      status: 'errored',
      durationMs: started.has(file) ? Math.max(durationMs, 0) : durationMs,
      tests,
      output: `${message}\n${tail(outcome.output)}`
    })
  }
  // The process failed although every file reported success: that failure must not vanish.
  if (
    processFailed &&
    files.length > 0 &&
    notStarted.length === 0 &&
    files.every(f => f.status === 'passed' || f.status === 'skipped') &&
    !ended
  ) {
    for (const f of files) {
      f.status = 'errored'
      f.output = `${describeEnd(outcome)} after the tests reported.\n${tail(outcome.output)}`
    }
  }
  return { files, notStarted }
}

function displayPath(file: string, repoDir: string): string {
  if (resolve(file) === resolve(repoDir)) return '.'
  const rel = repoRelative(file, repoDir)
  if (!rel) return file
  return sourceForCompiled(rel, repoDir) ?? rel
}

function toCase(event: Extract<RunnerEvent, { t: 'case' }>, context: StackContext): TestCaseResult {
  const result: TestCaseResult = {
    name: event.name,
    status: event.status,
    durationMs: Math.max(0, Math.round(event.durationMs ?? 0))
  }
  if (event.status === 'failed' || event.status === 'errored') {
    const text = event.stack ?? event.message ?? ''
    result.message = stripAnsi(event.message ?? messageOf(text)).trim() || 'Test failed.'
    if (text) {
      const mapped = mapStack(text, context)
      result.stack = mapped.stack
      if (mapped.location) result.location = mapped.location
    }
    if (!result.location && event.line !== undefined) {
      const file = isAbsolute(event.file) ? event.file : resolve(context.cwd, event.file)
      const rel = repoRelative(file, context.repoDir)
      if (rel)
        result.location = { file: rel, line: event.line, ...(event.column ? { column: event.column } : {}) }
    }
  }
  return result
}
