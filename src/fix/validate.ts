import { runShell } from '../ports/exec.js'
import type { TestReport, TestTotals } from '../runners/types.js'
import type { FailingTest } from './localize.js'

export type RunTestFiles = (files: string[], signal?: AbortSignal) => Promise<TestReport>

export interface ValidationOptions {
  repoDir: string
  runTests: RunTestFiles
  /** The failures the fix must make pass. */
  failures: readonly FailingTest[]
  /** The report before the fix (to tell new failures from old ones). */
  baseline: TestReport
  /** Every selected test file; all must still pass. */
  selectedFiles: readonly string[]
  validateCommand?: string
  validateTimeoutMs?: number
  signal?: AbortSignal
}

export interface EvidenceRun {
  label: string
  files: string[]
  totals: TestTotals
  failing: string[]
}

export interface ValidationResult {
  ok: boolean
  /** Why the candidate is not valid, one sentence each (for the model and the report). */
  problems: string[]
  runs: EvidenceRun[]
  validateCommand?: { command: string; exitCode: number | null; output: string }
}

const key = (file: string, name: string): string => `${file} › ${name}`

/** The name given to a test file that failed as a whole (see localize.ts). */
export const CRASHED = '(the test file failed to run)'

function failingKeys(report: TestReport): Set<string> {
  const keys = new Set<string>()
  for (const file of report.files) {
    const cases = file.tests.filter(
      t => (t.status === 'failed' || t.status === 'errored') && t.failureKind !== 'flaky'
    )
    for (const test of cases) keys.add(key(file.file, test.name))
    if (cases.length === 0 && (file.status === 'failed' || file.status === 'errored'))
      keys.add(key(file.file, CRASHED))
  }
  return keys
}

function passingKeys(report: TestReport): Set<string> {
  const keys = new Set<string>()
  for (const file of report.files)
    for (const test of file.tests) if (test.status === 'passed') keys.add(key(file.file, test.name))
  return keys
}

function evidence(label: string, files: string[], report: TestReport): EvidenceRun {
  return { label, files, totals: report.totals, failing: [...failingKeys(report)].slice(0, 20) }
}

/**
 * A candidate is valid when the failing tests pass in two runs in a row, every selected test
 * passes (nothing that passed before fails now, and nothing new fails), and `validate-command`
 * exits 0 when one is configured.
 */
export async function validateFix(options: ValidationOptions): Promise<ValidationResult> {
  const problems: string[] = []
  const runs: EvidenceRun[] = []
  const failingFiles = [...new Set(options.failures.map(f => f.file))].sort()
  const targets = options.failures.map(f => key(f.file, f.name))
  const before = failingKeys(options.baseline)

  const check = (report: TestReport, label: string): void => {
    const passing = passingKeys(report)
    for (const file of report.files) {
      const clean =
        file.status === 'passed' && !file.tests.some(t => t.status === 'failed' || t.status === 'errored')
      if (clean) passing.add(key(file.file, CRASHED))
    }
    const stillFailing = targets.filter(t => !passing.has(t))
    if (stillFailing.length) {
      problems.push(
        `${label}: ${stillFailing.length} of the failing tests still do not pass: ${stillFailing.slice(0, 5).join('; ')}`
      )
    }
    const newFailures = [...failingKeys(report)].filter(k => !before.has(k))
    if (newFailures.length) problems.push(`${label}: new failures: ${newFailures.slice(0, 5).join('; ')}`)
  }

  const first = await options.runTests(failingFiles, options.signal)
  runs.push(evidence('failing tests, run 1', failingFiles, first))
  check(first, 'Run 1 of the failing tests')
  if (problems.length) return { ok: false, problems: withDetails(problems, first), runs }

  const selected = [...new Set([...options.selectedFiles, ...failingFiles])].sort()
  const second = await options.runTests(selected, options.signal)
  runs.push(
    evidence(
      selected.length > failingFiles.length
        ? 'every selected test (run 2 of the failing tests)'
        : 'failing tests, run 2',
      selected,
      second
    )
  )
  check(second, 'Run 2 (every selected test)')
  if (problems.length) return { ok: false, problems: withDetails(problems, second), runs }

  let validateCommand: ValidationResult['validateCommand']
  if (options.validateCommand) {
    const result = await runShell(options.validateCommand, {
      cwd: options.repoDir,
      timeoutMs: options.validateTimeoutMs ?? 10 * 60_000,
      maxOutput: 64 * 1024,
      signal: options.signal
    })
    const output = `${result.stdout}\n${result.stderr}`.trim().slice(-3000)
    validateCommand = { command: options.validateCommand, exitCode: result.exitCode, output }
    if (result.exitCode !== 0) {
      problems.push(
        `\`${options.validateCommand}\` failed (exit ${result.timedOut ? 'timeout' : result.exitCode}):\n${output.slice(-1500)}`
      )
    }
  }
  return { ok: problems.length === 0, problems, runs, validateCommand }
}

/** Adds the first failure messages, so the model sees why. */
function withDetails(problems: string[], report: TestReport): string[] {
  const messages: string[] = []
  for (const file of report.files) {
    for (const test of file.tests) {
      if (test.status !== 'failed' && test.status !== 'errored') continue
      messages.push(
        `${key(file.file, test.name)}: ${(test.message ?? '').trim().split('\n').slice(0, 6).join('\n')}`
      )
    }
    if (file.tests.length === 0 && file.output)
      messages.push(`${file.file}: ${file.output.trim().slice(-800)}`)
  }
  return messages.length ? [...problems, messages.slice(0, 4).join('\n')] : problems
}

/** A test report in a few lines, for the model (run_tests) and the log. */
export function summarizeReport(report: TestReport): string {
  const lines = [
    `${report.totals.passed} passed, ${report.totals.failed} failed, ${report.totals.skipped} skipped`
  ]
  for (const file of report.files) {
    const failing = file.tests.filter(t => t.status === 'failed' || t.status === 'errored')
    if (failing.length === 0 && file.status !== 'failed' && file.status !== 'errored') {
      lines.push(`PASS ${file.file} (${file.tests.length} tests)`)
      continue
    }
    lines.push(`FAIL ${file.file}`)
    for (const test of failing.slice(0, 5)) {
      lines.push(
        `  ✕ ${test.name}: ${(test.message ?? '').trim().split('\n').slice(0, 8).join('\n    ').slice(0, 700)}`
      )
    }
    if (failing.length === 0 && file.output) lines.push(`  ${file.output.trim().slice(-700)}`)
  }
  return lines.join('\n')
}
