import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { TestFileResult, TestRunReport } from '../../src/runners/types.js'
import { cleanupAll } from '../support/git-repo.js'
import { PROJECT_ROOT, runAction, type ActionResult } from '../support/harness.js'
import { fixtureRepo, GO_ENV } from './fixture-repo.js'

/**
 * Each fixture project has the same seven test files, in its framework's idiom: passing, failing,
 * skipped, crashing (the process exits), hanging, flaky (fails on the first run only) and one that
 * parses process.argv and refuses options it does not know. All six run through the built action
 * at once; each report is then checked test by test.
 */
interface Spec {
  fixture: string
  framework: string
  file: (kind: string) => string
  name: (words: string) => string
  failLine: number
  /** vitest turns process.exit inside a test into a failed test of its own. */
  crashAsFailedTest?: boolean
  passedTotal: number
  /** The fixture's one package instead of all of this project's: mocha 8, whose CLI reads argv alone. */
  onlyPackage?: { name: string; from: string }
  /** How the run is told apart from another of the same fixture. */
  variant?: string
}

const words = (text: string): string => text
const snake = (text: string): string => `test_${text.replace(/ /g, '_')}`
const pascal = (text: string): string =>
  `Test${text.replace(/(^| )(\w)/g, (_m, _s, c: string) => c.toUpperCase())}`

const SPECS: Spec[] = [
  { fixture: 'jest', framework: 'jest', file: k => `${k}.test.js`, name: words, failLine: 4, passedTotal: 5 },
  {
    fixture: 'vitest',
    framework: 'vitest',
    file: k => `${k}.test.js`,
    name: words,
    failLine: 5,
    crashAsFailedTest: true,
    passedTotal: 5
  },
  {
    fixture: 'mocha',
    framework: 'mocha',
    file: k => `${k}.spec.js`,
    name: words,
    failLine: 5,
    passedTotal: 5
  },
  {
    fixture: 'mocha',
    variant: 'mocha 8',
    framework: 'mocha',
    file: k => `${k}.spec.js`,
    name: words,
    failLine: 5,
    passedTotal: 5,
    onlyPackage: { name: 'mocha', from: 'mocha-8' }
  },
  {
    fixture: 'node-test',
    framework: 'node-test',
    file: k => `${k}.test.js`,
    name: words,
    failLine: 6,
    passedTotal: 5
  },
  {
    fixture: 'pytest',
    framework: 'pytest',
    file: k => `tests/test_${k}.py`,
    name: snake,
    failLine: 5,
    passedTotal: 5
  },
  {
    fixture: 'go',
    framework: 'go',
    file: k => `calc/${k}_test.go`,
    name: pascal,
    failLine: 7,
    passedTotal: 6
  }
]

const keyOf = (spec: Spec): string => (spec.variant ? `${spec.fixture} (${spec.variant})` : spec.fixture)

const KINDS = ['pass', 'fail', 'skip', 'crash', 'hang', 'flaky', 'argv']

interface Outcome {
  action: ActionResult
  report: TestRunReport
  home: string
}

const outcomes = new Map<string, Outcome>()

beforeAll(async () => {
  const runs = SPECS.map(async spec => {
    const { repo, state, home } = fixtureRepo(spec.fixture)
    if (spec.onlyPackage) {
      rmSync(join(repo.dir, 'node_modules'))
      mkdirSync(join(repo.dir, 'node_modules'))
      symlinkSync(
        join(PROJECT_ROOT, 'node_modules', spec.onlyPackage.from),
        join(repo.dir, 'node_modules', spec.onlyPackage.name),
        'dir'
      )
    }
    if (spec.framework === 'go') {
      // Compile once untimed, so the short per-run limit below measures the tests, not a cold build cache.
      execFileSync('go', ['test', '-count=1', '-run', '^$', './...'], {
        cwd: repo.dir,
        env: { ...process.env, ...GO_ENV }
      })
    }
    const action = await runAction({
      cwd: repo.dir,
      inputs: {
        command: 'test',
        files: KINDS.map(spec.file).join('\n'),
        'test-timeout': '8s',
        retries: 1
      },
      env: { ...GO_ENV, CI_MEDIC_FIXTURE_STATE: state, CI_MEDIC_HOME: home },
      timeoutMs: 150_000
    })
    const reportPath = action.outputs.report ?? ''
    if (!existsSync(reportPath))
      throw new Error(`${keyOf(spec)}: no report at "${reportPath}"\n${action.stdout}\n${action.stderr}`)
    outcomes.set(keyOf(spec), {
      action,
      home,
      report: JSON.parse(readFileSync(reportPath, 'utf8')) as TestRunReport
    })
  })
  await Promise.all(runs)
}, 200_000)

afterAll(() => cleanupAll())

function fileOf(report: TestRunReport, file: string): TestFileResult {
  const result = report.files.find(f => f.file === file)
  if (!result) throw new Error(`${file} is not in the report: ${report.files.map(f => f.file).join(', ')}`)
  return result
}

describe.each(SPECS.map(spec => ({ ...spec, key: keyOf(spec) })))(
  '$key fixture through dist/index.js',
  spec => {
    const outcome = (): Outcome => {
      const found = outcomes.get(spec.key)
      if (!found) throw new Error(`${spec.key} did not run`)
      return found
    }

    test('the step fails, with the totals as outputs', () => {
      const { action, report } = outcome()
      expect(action.exitCode).toBe(1)
      expect(report.framework).toBe(spec.framework)
      expect(report.totals).toEqual({ passed: spec.passedTotal, failed: 3, skipped: 1, flaky: 1 })
      expect(action.outputs).toMatchObject({ passed: String(spec.passedTotal), failed: '3', flaky: '1' })
      expect(report.files.map(f => f.file).sort()).toEqual(KINDS.map(spec.file).sort())
    })

    test('per-file durations are recorded for shard balancing', () => {
      const { home, report } = outcome()
      const timings = JSON.parse(readFileSync(join(home, 'timings.json'), 'utf8')) as {
        version: number
        files: Record<string, { durationMs: number }>
      }
      expect(timings.version).toBe(1)
      expect(timings.files[spec.file('pass')]).toEqual({
        durationMs: fileOf(report, spec.file('pass')).durationMs
      })
      expect(Object.keys(timings.files)).not.toContain(spec.file('hang'))
    })

    test('passing, skipped and argv-parsing files pass, case by case', () => {
      const { report } = outcome()
      const pass = fileOf(report, spec.file('pass'))
      expect(pass.status).toBe('passed')
      expect(pass.tests.filter(t => t.status === 'passed').length).toBeGreaterThanOrEqual(2)
      expect(pass.tests.every(t => t.status === 'passed')).toBe(true)
      const skip = fileOf(report, spec.file('skip'))
      expect(skip.tests.map(t => [t.name.split(' › ').pop(), t.status]).sort()).toEqual(
        [
          [spec.name('is skipped'), 'skipped'],
          [spec.name('runs beside a skipped test'), 'passed']
        ].sort()
      )
      const argv = fileOf(report, spec.file('argv'))
      expect(argv.status).toBe('passed')
      expect(argv.tests).toEqual([
        expect.objectContaining({ name: spec.name('sees no options it does not know'), status: 'passed' })
      ])
    })

    test('the failing assertion is located and annotated', () => {
      const { action, report } = outcome()
      const fail = fileOf(report, spec.file('fail'))
      expect(fail.status).toBe('failed')
      const failed = fail.tests.find(t => t.name === spec.name('multiplies'))
      expect(failed).toMatchObject({
        status: 'failed',
        location: { file: spec.file('fail'), line: spec.failLine }
      })
      expect(failed?.message).toMatch(/5/)
      expect(fail.tests.find(t => t.name === spec.name('multiplies by zero'))?.status).toBe('passed')
      expect(action.annotations).toContainEqual(
        expect.objectContaining({ level: 'error', file: spec.file('fail'), line: spec.failLine })
      )
      expect(action.summary).toContain('### Failures')
      expect(action.summary).toContain(`${spec.file('fail')}:${spec.failLine}`)
    })

    test('a test that exits the process fails its file, with the output as evidence', () => {
      const { report } = outcome()
      const crash = fileOf(report, spec.file('crash'))
      if (spec.crashAsFailedTest) {
        expect(crash.status).toBe('failed')
        expect(crash.tests[0]).toMatchObject({
          status: 'failed',
          message: expect.stringMatching(/process\.exit/)
        })
      } else {
        expect(crash.status).toBe('errored')
        // in band the process dies; with jest workers the worker does (and jest says so)
        expect(crash.output).toMatch(/exit|did not finish|child process exceptions/i)
      }
      expect(crash.attempts).toBe(2)
    })

    test('a hung test is killed at the time limit and reported', () => {
      const { report } = outcome()
      const hang = fileOf(report, spec.file('hang'))
      expect(hang.status).toBe('errored')
      expect(hang.output).toContain('killed after the 8s time limit (test-timeout)')
      expect(report.runs.some(run => run.timedOut)).toBe(true)
    })

    test('a test that passes on the retry is flaky', () => {
      const { report, action } = outcome()
      const flaky = fileOf(report, spec.file('flaky'))
      expect(flaky).toMatchObject({ status: 'passed', flaky: true, attempts: 2 })
      expect(flaky.tests).toEqual([
        expect.objectContaining({
          name: spec.name('fails on the first run only'),
          status: 'passed',
          failureKind: 'flaky'
        })
      ])
      expect(action.summary).toContain('### Flaky (1)')
    })
  }
)
