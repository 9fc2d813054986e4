import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { changeOptions, detectChanges } from '../changes/index.js'
import { ConfigurationError } from '../errors.js'
import { createCachePort } from '../ports/cache.js'
import { Git } from '../ports/git.js'
import { code, details, escapeCell, table, truncate } from '../report/markdown.js'
import { safeWord } from '../report/outputs.js'
import { compareToBase, isFailing, isFailingCase, runTests, type RunTestsOptions } from '../runners/index.js'
import { TIMINGS_FILE } from '../runners/timings.js'
import { coverageMapCache } from './coverage-cache.js'
import type { TestCaseResult, TestFileResult, TestRunReport } from '../runners/types.js'
import type { Annotation, Command, CommandContext, CommandResult } from './types.js'

/** GitHub shows at most 10 error annotations a step; the rest are listed in the summary. */
const ANNOTATION_LIMIT = 10
const SLOWEST_FILES = 10
const MESSAGE_LIMIT = 500

export interface Failure {
  file: string
  name: string
  message: string
  location?: { file: string; line: number }
  kind: 'new' | 'already-failing' | 'failing'
}

/** Every failure that still counts (flaky ones excluded), new ones first. */
export function failuresOf(report: TestRunReport): Failure[] {
  const failures: Failure[] = []
  for (const file of report.files) {
    if (!isFailing(file) || file.flaky) continue
    const cases = file.tests.filter(test => isFailingCase(test) && test.failureKind !== 'flaky')
    for (const test of cases) failures.push(caseFailure(file, test))
    if (cases.length === 0) {
      failures.push({
        file: file.file,
        name: '(whole file)',
        message: (file.output ?? 'The file failed without a report.').trim().split('\n')[0] ?? '',
        kind:
          file.failureKind === 'new' || file.failureKind === 'already-failing' ? file.failureKind : 'failing'
      })
    }
  }
  const rank = { new: 0, failing: 1, 'already-failing': 2 }
  return failures.sort((a, b) => rank[a.kind] - rank[b.kind])
}

function caseFailure(file: TestFileResult, test: TestCaseResult): Failure {
  return {
    file: file.file,
    name: test.name,
    message: firstLines(test.message ?? 'Test failed.'),
    ...(test.location ? { location: { file: test.location.file, line: test.location.line } } : {}),
    kind: test.failureKind === 'new' || test.failureKind === 'already-failing' ? test.failureKind : 'failing'
  }
}

function firstLines(text: string, lines = 6): string {
  return truncate(text.trim().split('\n').slice(0, lines).join('\n'), MESSAGE_LIMIT, '…')
}

function flakyOf(report: TestRunReport): Array<{ file: string; name: string }> {
  const flaky: Array<{ file: string; name: string }> = []
  for (const file of report.files) {
    const cases = file.tests.filter(test => test.failureKind === 'flaky')
    for (const test of cases) flaky.push({ file: file.file, name: test.name })
    if (file.flaky && cases.length === 0) flaky.push({ file: file.file, name: '(whole file)' })
  }
  return flaky
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`
}

/** Failures that fail the step: new ones with a baseline, every one without. */
export function countingFailures(report: TestRunReport): Failure[] {
  const failures = failuresOf(report)
  return report.baseline ? failures.filter(f => f.kind === 'new') : failures
}

export function renderSummary(report: TestRunReport, annotated: number): string {
  const failures = failuresOf(report)
  const counting = countingFailures(report)
  const flaky = flakyOf(report)
  const status = counting.length > 0 ? '❌' : '✅'
  const lines: string[] = [
    `## ${status} Tests (${report.frameworks.join(', ') || report.framework})`,
    '',
    table(
      ['Passed', 'Failed', 'Skipped', 'Flaky', 'Files', 'Duration'],
      [
        [
          String(report.totals.passed),
          String(report.totals.failed),
          String(report.totals.skipped),
          String(report.totals.flaky),
          String(report.files.length),
          seconds(report.durationMs)
        ]
      ]
    )
  ]
  if (report.baseline) {
    lines.push(
      '',
      `Compared with base ${code(report.baseline.base)}: ${report.baseline.newFailures} new failure(s), ` +
        `${report.baseline.alreadyFailing} already failing before this change (those do not fail the step).`
    )
  }
  const section = (title: string, items: Failure[]): void => {
    if (items.length === 0) return
    lines.push('', `### ${title} (${items.length})`, '')
    lines.push(
      table(
        ['Test', 'Where', 'Message'],
        items.map(f => [
          escapeCell(f.name),
          f.location ? code(`${f.location.file}:${f.location.line}`) : code(f.file),
          escapeCell(f.message.replace(/\s*\n\s*/g, ' '))
        ])
      )
    )
  }
  if (report.baseline) {
    section(
      'New failures',
      failures.filter(f => f.kind === 'new')
    )
    section(
      'Already failing on base',
      failures.filter(f => f.kind === 'already-failing')
    )
  } else {
    section('Failures', failures)
  }
  if (flaky.length > 0) {
    lines.push('', `### Flaky (${flaky.length}): failed, then passed on a retry`, '')
    lines.push(
      table(
        ['Test', 'File'],
        flaky.map(f => [escapeCell(f.name), code(f.file)])
      )
    )
  }
  const slowest = [...report.files].sort((a, b) => b.durationMs - a.durationMs).slice(0, SLOWEST_FILES)
  if (slowest.length > 0) {
    lines.push('', '### Slowest files', '')
    lines.push(
      table(
        ['File', 'Duration', 'Status'],
        slowest.map(f => [code(f.file), seconds(f.durationMs), f.status])
      )
    )
  }
  if (failures.length > annotated) {
    lines.push(
      '',
      `_${annotated} failure(s) are annotated in the code; GitHub shows at most ${ANNOTATION_LIMIT} a step, so every failure is listed above._`
    )
  }
  const crashed = report.files.filter(file => file.output && isFailing(file) && !file.flaky)
  for (const file of crashed.slice(0, 5)) {
    lines.push(
      '',
      details(
        `Output of ${escapeCell(file.file)} (${file.status})`,
        '```text\n' + truncate(file.output ?? '', 4000).replace(/```/g, "'''") + '\n```'
      )
    )
  }
  return lines.join('\n')
}

export function renderText(report: TestRunReport): string {
  const lines = [
    `${report.frameworks.join(', ') || report.framework}: ${report.totals.passed} passed, ${report.totals.failed} failed, ` +
      `${report.totals.skipped} skipped, ${report.totals.flaky} flaky in ${seconds(report.durationMs)}`
  ]
  const width = Math.max(4, ...report.files.map(f => f.file.length))
  for (const file of report.files) {
    lines.push(
      `${file.status.padEnd(8)} ${file.file.padEnd(width)} ${seconds(file.durationMs)}${file.flaky ? ' (flaky)' : ''}`
    )
    for (const test of file.tests) {
      if (!isFailingCase(test) && test.failureKind !== 'flaky') continue
      const where = test.location ? ` at ${test.location.file}:${test.location.line}` : ''
      const kind = test.failureKind ? ` [${test.failureKind}]` : ''
      lines.push(`         ✗ ${test.name}${kind}${where}: ${(test.message ?? '').split('\n')[0]}`)
    }
    if (isFailing(file) && !file.tests.some(isFailingCase) && file.output) {
      lines.push(`         ${file.output.split('\n')[0]}`)
    }
  }
  return lines.join('\n')
}

export function annotationsFor(report: TestRunReport): Annotation[] {
  return countingFailures(report)
    .filter(f => f.location)
    .slice(0, ANNOTATION_LIMIT)
    .map(f => ({
      level: 'error' as const,
      title: `Test failed: ${f.name}`.slice(0, 200),
      message: f.message,
      file: f.location?.file,
      startLine: f.location?.line
    }))
}

async function baseRevision(context: CommandContext): Promise<string> {
  if (context.inputs.base) return context.inputs.base
  const changes = await detectChanges(changeOptions(context, new Git(context.repoDir)))
  if (changes.baseKind !== 'commit') {
    throw new ConfigurationError(
      'Input "compare-to-base" needs a base commit, and none could be found for this event. Example: base: origin/main',
      'base'
    )
  }
  return changes.base
}

function timingsCacheKey(context: CommandContext): string {
  const { event } = context
  return `ci-medic-timings-${event.runId ?? 'local'}-${event.runAttempt ?? '1'}-${context.env.GITHUB_JOB ?? 'job'}-${Date.now()}`
}

/** Restores the per-file timings earlier `test` runs saved in the Actions cache (outside Actions: nothing to do). */
export async function restoreTimings(context: CommandContext): Promise<void> {
  const cache = createCachePort(context.env, context.log)
  if (!cache.available || existsSync(join(context.workDir, TIMINGS_FILE))) return
  await context.log.group('Restore test timings', async () => {
    await cache.restore(
      [join(context.workDir, TIMINGS_FILE)],
      `ci-medic-timings-${context.event.runId ?? 'local'}`,
      ['ci-medic-timings-']
    )
  })
}

/**
 * Runs test files the way both `test` and `ci` do: timings restored and saved with the Actions
 * cache, a clear error when no suite is found, the failing tests rerun on the base commit with
 * `compare-to-base`, and the JSON report written to the work folder.
 */
export async function runTestStage(
  context: CommandContext,
  files: string[] | undefined,
  base: () => Promise<string | undefined>
): Promise<{ report: TestRunReport; reportPath: string }> {
  const { inputs, log, repoDir } = context
  const workDir = context.workDir
  const cache = createCachePort(context.env, log)
  const timingsPath = join(workDir, TIMINGS_FILE)
  await restoreTimings(context)
  const runOptions: Omit<RunTestsOptions, 'repoDir' | 'files'> = {
    testCommand: inputs.testCommand,
    timeoutMs: inputs.testTimeout,
    retries: inputs.retries,
    log,
    env: context.env
  }
  const coverage = inputs.recordCoverage ? coverageMapCache(context) : undefined
  await coverage?.restore()
  let report = await log.group('Run tests', () =>
    runTests({
      ...runOptions,
      repoDir,
      files,
      timingsDir: workDir,
      ...(inputs.recordCoverage ? { coverageDir: workDir } : {})
    })
  )
  if (report.coverageMap) {
    const { recorded, commit, untracked, why } = report.coverageMap
    log.info(
      recorded
        ? `Coverage map: recorded what ${recorded} test file(s) ran at ${commit?.slice(0, 12)}${untracked ? ` (${untracked} left out: they loaded files git does not track)` : ''}.`
        : `Coverage map: nothing recorded (${why}).`
    )
    if (recorded) await coverage?.save()
  }
  if (report.files.length === 0 && !inputs.testCommand) {
    throw new ConfigurationError(
      'No tests were found to run: no jest, vitest, mocha, node --test, pytest or go test suite was detected. ' +
        'Name the files or the command. Example: test-command: "npm test -- {files}"',
      'test-command'
    )
  }
  const baseRev = inputs.compareToBase && countingFailures(report).length > 0 ? await base() : undefined
  if (baseRev) {
    report = await log.group('Run the failing tests on the base commit', () =>
      compareToBase({
        repoDir,
        base: baseRev,
        report,
        log,
        run: (dir, baseFiles) => runTests({ ...runOptions, repoDir: dir, files: baseFiles, retries: 0 })
      })
    )
  }
  if (cache.available) {
    await log.group('Save test timings', async () => {
      await cache.save([timingsPath], timingsCacheKey(context))
    })
  }
  mkdirSync(workDir, { recursive: true })
  const reportPath = join(workDir, 'test-report.json')
  writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n')
  return { report, reportPath }
}

export const testCommand: Command = async (context): Promise<CommandResult> => {
  const { inputs } = context
  const { report, reportPath } = await runTestStage(
    context,
    inputs.files.length > 0 ? inputs.files : undefined,
    () => baseRevision(context)
  )

  const counting = countingFailures(report)
  const annotations = annotationsFor(report)
  const failedCount = report.baseline ? report.baseline.newFailures : report.totals.failed
  const result: CommandResult = {
    outputs: {
      passed: safeWord(report.totals.passed),
      failed: safeWord(failedCount),
      flaky: safeWord(report.totals.flaky),
      report: safeWord(reportPath)
    },
    summary: renderSummary(report, annotations.length),
    json: report,
    text: renderText(report),
    annotations
  }
  if (counting.length > 0) {
    result.failure = report.baseline
      ? `${counting.length} new test failure(s) (${report.baseline.alreadyFailing} already failing on base). See the job summary.`
      : `${counting.length} test failure(s). See the job summary.`
  }
  return result
}
