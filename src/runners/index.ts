import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { runProcess, runShell, type ProcessResult } from '../ports/exec.js'
import type { Logger } from '../ports/log.js'
import { prepareBuild } from './build.js'
import { allGroups, groupFiles, nodeFlagsOf, type TestGroup } from './detect.js'
import { assemble, parseEvents, tail, type ProcessOutcome } from './events.js'
import { ADAPTERS } from './frameworks/index.js'
import { fillTestCommand } from './shell.js'
import { recordTimings } from './timings.js'
import { recordCoverageMap, type TestCoverage } from './coverage-map.js'
import { repoRelative } from './stack.js'
import { onlyLoadsWhatRan } from './loader-stub.js'
import { originalPositionIn, parseMap, type ParsedMap } from './sourcemap.js'
import { Git } from '../ports/git.js'
import { isFailing, isFailingCase, totalsOf } from './totals.js'
import type { Framework, RunInvocation, TestFileResult, TestRunReport } from './types.js'

export type { TestRunReport } from './types.js'
export { readTimings, recordTimings } from './timings.js'
export { isFailing, isFailingCase, totalsOf } from './totals.js'
export { compareToBase, failingFiles } from './baseline.js'

export interface RunTestsOptions {
  /** The repository (or worktree) to run in. */
  repoDir: string
  /** Repository-relative test files; undefined runs every test the repository has. */
  files?: string[]
  /** The `test-command` input: overrides detection; `{files}` becomes the shell-quoted files. */
  testCommand?: string
  /** Time limit of one runner process; a run over it is killed with its whole process tree. */
  timeoutMs: number
  /** Reruns of failing files to tell flaky from failing. */
  retries: number
  log: Logger
  env?: NodeJS.ProcessEnv
  signal?: AbortSignal
  /** When given, per-file durations are recorded in `<timingsDir>/timings.json`. */
  timingsDir?: string
  /**
   * When given, the functions each passing test file ran are recorded in
   * `<coverageDir>/coverage-map.json` (jest, vitest, node:test, mocha and pytest; see coverage-map.ts).
   */
  coverageDir?: string
}

const MAX_OUTPUT = 1024 * 1024

/** Runs test files with the repository's own framework(s) and reads the results. */
export async function runTests(options: RunTestsOptions): Promise<TestRunReport> {
  const started = Date.now()
  const repoDir = resolve(options.repoDir)
  const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env), FORCE_COLOR: '0', NO_COLOR: '1' }
  const runs: RunInvocation[] = []
  const coverage = new Map<string, TestCoverage | null>()
  const context: RunContext = { ...options, repoDir, env, runs, coverage }

  let results: TestFileResult[]
  let frameworks: Framework[]
  if (options.testCommand) {
    results = await runCustom(context, 'initial', options.files)
    frameworks = ['custom']
    for (let attempt = 1; attempt <= options.retries && results.some(isFailing); attempt++) {
      const retried = await runCustom(context, `retry ${attempt}`, options.files)
      results = mergeRetry(results, retried)
    }
  } else {
    const groups = options.files ? groupFiles(options.files, repoDir) : allGroups(repoDir)
    frameworks = [...new Set(groups.map(group => group.framework))]
    results = []
    for (const group of groups) {
      let groupResults = await runGroup(context, group, 'initial')
      for (let attempt = 1; attempt <= options.retries; attempt++) {
        // Neither a timed-out file (a retry costs another full time limit) nor the package entry
        // that stands for an unfinished whole-suite run is retried.
        const failing = groupResults.filter(
          result =>
            isFailing(result) &&
            !result.output?.includes('(test-timeout)') &&
            !isDirectory(resolve(repoDir, result.file))
        )
        if (failing.length === 0) break
        options.log.info(`Retry ${attempt}/${options.retries}: ${failing.map(f => f.file).join(', ')}`)
        const retried = await runGroup(
          context,
          { ...group, all: false, files: failing.map(f => resolve(repoDir, f.file)) },
          `retry ${attempt}`
        )
        groupResults = mergeRetry(groupResults, retried)
      }
      results.push(...groupResults)
    }
  }
  results.sort((a, b) => a.file.localeCompare(b.file))
  const report: TestRunReport = {
    framework: frameworks[0] ?? 'custom',
    frameworks,
    totals: totalsOf(results),
    files: results,
    durationMs: Date.now() - started,
    runs
  }
  if (options.timingsDir) recordTimings(options.timingsDir, report)
  if (options.coverageDir) report.coverageMap = await saveCoverage(options.coverageDir, context, results)
  return report
}

interface RunContext extends RunTestsOptions {
  repoDir: string
  env: NodeJS.ProcessEnv
  runs: RunInvocation[]
  /** Per test file: what it ran, or null when it loaded a file outside the repository. */
  coverage: Map<string, TestCoverage | null>
  /** Source maps of transformed sources (ts-jest), by absolute path, to put coverage positions back. */
  coverageMaps?: Map<string, ParsedMap | null>
  /** Files the runs would have seen had a test loaded them (pytest), besides those a test loaded. */
  instrumented?: Set<string>
}

/**
 * Records what each test file that passed on its first run ran. Nothing is recorded when the
 * work tree has changes (the map must describe a commit), and a test that loaded a file git does
 * not track is left out, since select could not tell whether that file changed (or what it was
 * built from); unless that file only loads tracked files the test ran (a stub, see
 * onlyLoadsWhatRan), which the entry then leaves out.
 */
async function saveCoverage(
  dir: string,
  context: RunContext,
  results: TestFileResult[]
): Promise<NonNullable<TestRunReport['coverageMap']>> {
  const git = new Git(context.repoDir)
  const commit = (await git.tryRun(['rev-parse', '--verify', '-q', 'HEAD^{commit}'])).stdout.trim()
  if (!commit) return { recorded: 0, why: 'not a git repository with a commit' }
  const status = await git.tryRun(['status', '--porcelain', '--untracked-files=no'])
  if (status.exitCode !== 0 || status.stdout.trim())
    return { commit, recorded: 0, why: 'the work tree has uncommitted changes' }
  const prefix = (await git.tryRun(['rev-parse', '--show-prefix'])).stdout.trim()
  const tracked = new Set((await git.run(['ls-files', '-z', '--full-name'])).split('\0').filter(Boolean))
  const recorded = new Map<string, TestCoverage>()
  let untracked = 0
  // A file reported more than once (one run per jest project) counts only if every run passed.
  const notPassing = new Set(results.filter(r => r.status !== 'passed' || r.flaky).map(r => r.file))
  for (const result of results) {
    const ran = context.coverage.get(result.file)
    if (notPassing.has(result.file) || ran === undefined || recorded.has(prefix + result.file)) continue
    const sources = ran && Object.keys(ran)
    const isTracked = (path: string): boolean => tracked.has(prefix + path)
    const stubs = { repoDir: context.repoDir, tracked: isTracked, ran: new Set(sources) }
    if (!sources || !sources.every(path => isTracked(path) || onlyLoadsWhatRan(path, stubs))) {
      untracked++
      continue
    }
    recorded.set(
      prefix + result.file,
      Object.fromEntries(
        Object.entries(ran)
          .filter(([path]) => isTracked(path))
          .map(([path, entry]) => [prefix + path, entry])
      )
    )
  }
  if (recorded.size === 0)
    return {
      commit,
      recorded: 0,
      why:
        context.coverage.size === 0
          ? 'no runner reported coverage (jest, vitest, node:test, mocha and pytest do)'
          : 'no test passed'
    }
  const instrumented = new Set<string>()
  for (const path of context.instrumented ?? [])
    if (tracked.has(prefix + path)) instrumented.add(prefix + path)
  for (const ran of context.coverage.values())
    for (const path of Object.keys(ran ?? {})) if (tracked.has(prefix + path)) instrumented.add(prefix + path)
  recordCoverageMap(dir, commit, recorded, instrumented)
  return { commit, recorded: recorded.size, ...(untracked ? { untracked } : {}) }
}

function outcomeOf(result: ProcessResult, timeoutMs: number, output: string): ProcessOutcome {
  return {
    exitCode: result.exitCode,
    signal: result.signal,
    timedOut: result.timedOut,
    timeoutMs,
    output,
    durationMs: result.durationMs
  }
}

async function runGroup(context: RunContext, group: TestGroup, phase: string): Promise<TestFileResult[]> {
  const build = await prepareBuild(group, {
    env: context.env,
    timeoutMs: context.timeoutMs,
    log: context.log,
    signal: context.signal
  })
  if (!build.ok) {
    const files = group.all ? [group.packageDir] : group.files
    return files.map(file => ({
      file: relative(context.repoDir, file).split('\\').join('/') || '.',
      status: 'errored',
      durationMs: 0,
      tests: [],
      output: build.output,
      attempts: 1
    }))
  }
  const results: TestFileResult[] = []
  let pending = build.files
  let all = group.all
  for (let round = 0; round < 50 && (all || pending.length > 0); round++) {
    const { files, notStarted } = await runOnce(context, { ...group, files: pending, all }, phase)
    results.push(...files)
    if (notStarted.length === 0 || notStarted.length >= pending.length) {
      if (notStarted.length > 0) {
        // Nothing reported at all: every file is charged with the failure.
        const again = await runOnce(context, { ...group, files: notStarted, all: false }, phase, false)
        results.push(...again.files)
      }
      break
    }
    context.log.info(
      `The runner died before ${notStarted.length} file(s) started; running them on their own.`
    )
    pending = notStarted
    all = false
  }
  return results.map(result => ({ ...result, attempts: 1 }))
}

async function runOnce(
  context: RunContext,
  group: TestGroup,
  phase: string,
  allowUnstarted = true
): Promise<{ files: TestFileResult[]; notStarted: string[] }> {
  const tempDir = mkdtempSync(join(tmpdir(), 'ci-medic-run-'))
  try {
    const adapter = ADAPTERS[group.framework]
    const plan = adapter.plan({
      repoDir: context.repoDir,
      packageDir: group.packageDir,
      files: group.files,
      all: group.all,
      tempDir,
      timeoutMs: context.timeoutMs,
      nodeFlags: nodeFlagsOf(group.packageDir),
      env: context.env,
      recordCoverage: context.coverageDir !== undefined
    })
    context.log.info(
      `Running ${plan.framework} in ${relative(context.repoDir, group.packageDir) || '.'}: ${plan.display}`
    )
    const result = await runProcess(plan.command, plan.args, {
      cwd: group.packageDir,
      env: plan.env,
      timeoutMs: context.timeoutMs,
      signal: context.signal,
      maxOutput: MAX_OUTPUT
    })
    context.runs.push({
      framework: plan.framework,
      cwd: group.packageDir,
      command: plan.display,
      files: group.files.map(file => relative(context.repoDir, file)),
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      durationMs: result.durationMs,
      phase
    })
    if (result.timedOut)
      context.log.warning(
        `${plan.framework} run killed after ${Math.round(context.timeoutMs / 1000)}s (test-timeout).`
      )
    const reported = plan.eventsFile
      ? parseEvents(readTextOr(plan.eventsFile))
      : (plan.parseStdout?.(result.stdout, result.stderr) ?? [])
    const testFiles = new Set(
      reported.flatMap(event => ('file' in event ? [resolve(group.packageDir, event.file)] : []))
    )
    const events = [...reported, ...(plan.readCoverage?.(testFiles) ?? [])]
    for (const event of events) {
      if (event.t === 'coverage') noteCoverage(context, group.packageDir, event)
      else if (event.t === 'instrumented')
        for (const file of event.files) {
          const path = repoRelative(resolve(group.packageDir, file), context.repoDir)
          if (path) (context.instrumented ??= new Set()).add(path)
        }
    }
    const output = `${plan.renderOutput ? plan.renderOutput(result.stdout) : result.stdout}\n${result.stderr}`
    const expected = group.all ? filesOfEvents(events, group.packageDir) : group.files
    const assembled = assemble({
      // A whole-suite run that did not reach its end may have skipped files nobody named: the
      // package itself then stands for them, so the failure cannot vanish.
      expected:
        group.all && (expected.length === 0 || !events.some(event => event.t === 'end') || result.timedOut)
          ? [...expected, group.packageDir]
          : expected,
      events,
      outcome: outcomeOf(result, context.timeoutMs, output),
      stack: { repoDir: context.repoDir, cwd: group.packageDir },
      reportsStarts: plan.reportsStarts && allowUnstarted
    })
    return assembled
  } finally {
    rmSync(tempDir, { recursive: true, force: true })
  }
}

function noteCoverage(
  context: RunContext,
  cwd: string,
  event: Extract<ReturnType<typeof parseEvents>[number], { t: 'coverage' }>
): void {
  const test = repoRelative(resolve(cwd, event.file), context.repoDir)
  if (!test) return
  const ran: TestCoverage = {}
  const maps = (context.coverageMaps ??= new Map())
  for (const [file, entry] of Object.entries(event.sources)) {
    const absolute = resolve(cwd, file)
    const path = repoRelative(absolute, context.repoDir)
    if (!path) {
      context.coverage.set(test, null)
      return
    }
    if (entry.map && !maps.has(absolute)) {
      const parsed = parseMap(entry.map, dirname(absolute))
      // Only a map of the file onto itself (a compiler's) puts positions back in this file.
      maps.set(absolute, parsed.sources.length === 1 ? parsed : null)
    }
    ran[path] = entry.exact
      ? { fns: entry.fns, exact: true }
      : originalFunctions(entry.fns, maps.get(absolute))
  }
  // A file that runs in several jest projects ran what all its runs ran.
  const earlier = context.coverage.get(test)
  if (earlier === null) return
  for (const [path, entry] of Object.entries(earlier ?? {})) {
    const now = ran[path]
    ran[path] = now ? { fns: [...entry.fns, ...now.fns], exact: entry.exact && now.exact } : entry
  }
  context.coverage.set(test, ran)
}

/** Function starts in a transformed copy, put back in the source through its map (or inexact without one). */
function originalFunctions(
  fns: number[],
  map: ParsedMap | null | undefined
): { fns: number[]; exact: boolean } {
  if (!map) return { fns: [], exact: false }
  const original: number[] = []
  for (let i = 0; i + 1 < fns.length; i += 2) {
    // Coverage columns count from 0, source map lookups from 1.
    const position = originalPositionIn(map, fns[i] as number, (fns[i + 1] as number) + 1)
    if (!position) return { fns: [], exact: false }
    original.push(position.line, position.column - 1)
  }
  return { fns: original, exact: true }
}

function filesOfEvents(events: ReturnType<typeof parseEvents>, cwd: string): string[] {
  const files = new Set<string>()
  for (const event of events) if ('file' in event) files.add(resolve(cwd, event.file))
  return [...files]
}

function readTextOr(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

async function runCustom(
  context: RunContext,
  phase: string,
  files: string[] | undefined
): Promise<TestFileResult[]> {
  const commandLine = fillTestCommand(context.testCommand ?? '', files ?? [])
  context.log.info(`Running test-command: ${commandLine}`)
  const result = await runShell(commandLine, {
    cwd: context.repoDir,
    env: context.env,
    timeoutMs: context.timeoutMs,
    signal: context.signal,
    maxOutput: MAX_OUTPUT
  })
  context.runs.push({
    framework: 'custom',
    cwd: context.repoDir,
    command: commandLine,
    files: files ?? [],
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    durationMs: result.durationMs,
    phase
  })
  const passed = !result.timedOut && result.exitCode === 0
  const output = tail(`${result.stdout}\n${result.stderr}`)
  const end = result.timedOut
    ? `test-command was killed after the ${Math.round(context.timeoutMs / 1000)}s time limit (test-timeout)`
    : `test-command exited with code ${result.exitCode ?? result.signal}`
  const names = files && files.length > 0 ? files : ['(test-command)']
  return names.map(file => ({
    file,
    status: passed ? 'passed' : result.timedOut || result.exitCode === null ? 'errored' : 'failed',
    durationMs: Math.round(result.durationMs / names.length),
    tests: [],
    attempts: 1,
    ...(passed ? {} : { output: `${end}.\n${output}` })
  }))
}

/** Folds a retry's results into the first run's: a failure that passes on a retry is flaky. */
export function mergeRetry(previous: TestFileResult[], retried: TestFileResult[]): TestFileResult[] {
  const byFile = new Map(retried.map(result => [result.file, result]))
  return previous.map(before => {
    const after = byFile.get(before.file)
    if (!after || !isFailing(before)) return before
    const attempts = (before.attempts ?? 1) + 1
    const afterByName = new Map(after.tests.map(test => [test.name, test]))
    const tests = before.tests.map(test => {
      const again = afterByName.get(test.name)
      if (isFailingCase(test) && again && again.status === 'passed') {
        return { ...test, status: 'passed' as const, failureKind: 'flaky' as const }
      }
      return test
    })
    for (const test of after.tests) if (!tests.some(t => t.name === test.name)) tests.push(test)
    if (before.status === 'errored' && !isFailing(after)) {
      return { ...after, tests, flaky: true, attempts, output: before.output }
    }
    const casesFailing = tests.some(isFailingCase)
    const stillFailing = casesFailing || isFailing(after)
    const status = !stillFailing
      ? 'passed'
      : casesFailing
        ? before.status === 'errored' && after.status === 'errored'
          ? 'errored'
          : 'failed'
        : after.status
    return {
      ...before,
      status,
      tests,
      attempts,
      ...(!stillFailing ? { flaky: true } : {})
    }
  })
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
