import { afterAll, describe, expect, test } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { streamLogger } from '../../src/ports/log.js'
import { runTests } from '../../src/runners/index.js'
import type { TestRunReport } from '../../src/runners/types.js'
import { cleanupAll, makeTempDir } from '../support/git-repo.js'
import { PROJECT_ROOT, runCli } from '../support/harness.js'
import { fixtureRepo, GO_ENV } from './fixture-repo.js'

afterAll(() => cleanupAll())

const quiet = streamLogger(() => undefined)

describe('a suite that runs from compiled output', () => {
  test('builds first, runs the compiled test and reports it under its TypeScript source', async () => {
    const { repo, home } = fixtureRepo('build-first')
    const cli = await runCli(
      ['test', '--repo', repo.dir, '--files', 'src/price.test.ts', '--retries', '0', '--json'],
      {
        env: { CI_MEDIC_HOME: home },
        timeoutMs: 90_000
      }
    )
    expect(cli.exitCode).toBe(1)
    const report = JSON.parse(cli.stdout) as TestRunReport
    expect(report).toMatchObject({
      framework: 'node-test',
      totals: { passed: 1, failed: 1, skipped: 0, flaky: 0 }
    })
    expect(report.files).toEqual([
      expect.objectContaining({
        file: 'src/price.test.ts',
        status: 'failed',
        tests: [
          expect.objectContaining({ name: 'sums lines', status: 'passed' }),
          expect.objectContaining({
            name: 'gives 10% off from 10 items',
            status: 'failed',
            // mapped through dist/price.test.js.map back to the assertion in the source
            location: expect.objectContaining({ file: 'src/price.test.ts', line: 13 })
          })
        ]
      })
    ])
    expect(existsSync(join(repo.dir, 'dist', 'price.test.js'))).toBe(true)
  }, 100_000)

  test('a compile error fails the files with the build output as evidence', async () => {
    const { repo } = fixtureRepo('build-first')
    writeFileSync(
      join(repo.dir, 'src', 'price.ts'),
      'export function total(): number {\n  return "free"\n}\n'
    )
    const report = await runTests({
      repoDir: repo.dir,
      files: ['src/price.test.ts'],
      timeoutMs: 60_000,
      retries: 0,
      log: quiet
    })
    expect(report.totals.failed).toBe(1)
    expect(report.files).toEqual([
      expect.objectContaining({
        file: 'src/price.test.ts',
        status: 'errored',
        tests: [],
        output: expect.stringMatching(/npm run pretest[\s\S]*error TS2322/)
      })
    ])
  }, 100_000)
})

describe('a test file that does not load', () => {
  test('jest and pytest report the reason first, and the other files still run', async () => {
    const jest = makeTempDir('ci-medic-jest-')
    writeFileSync(join(jest, 'package.json'), JSON.stringify({ scripts: { test: 'jest' } }))
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(jest, 'node_modules'), 'dir')
    writeFileSync(join(jest, 'bad.test.js'), 'test("x", () => {\n  expect(1).toBe(1\n})\n')
    writeFileSync(join(jest, 'good.test.js'), 'test("ok", () => {})\n')
    const python = makeTempDir('ci-medic-pytest-')
    writeFileSync(join(python, 'pytest.ini'), '[pytest]\n')
    writeFileSync(join(python, 'test_bad.py'), 'def test_x(:\n    pass\n')
    writeFileSync(join(python, 'test_good.py'), 'def test_ok():\n    pass\n')
    const [jestReport, pytestReport] = await Promise.all([
      runTests({
        repoDir: jest,
        files: ['bad.test.js', 'good.test.js'],
        timeoutMs: 60_000,
        retries: 0,
        log: quiet
      }),
      runTests({
        repoDir: python,
        files: ['test_bad.py', 'test_good.py'],
        timeoutMs: 60_000,
        retries: 0,
        log: quiet
      })
    ])
    expect(jestReport.files.map(f => [f.file, f.status])).toEqual([
      ['bad.test.js', 'errored'],
      ['good.test.js', 'passed']
    ])
    expect(jestReport.files[0]?.output).toMatch(/^● Test suite failed to run\s+SyntaxError/)
    expect(pytestReport.files.map(f => [f.file, f.status])).toEqual([
      ['test_bad.py', 'errored'],
      ['test_good.py', 'passed']
    ])
    expect(pytestReport.files[0]?.output).toMatch(/^File "test_bad\.py", line 1[\s\S]*SyntaxError/)
    expect(pytestReport.totals).toEqual({ passed: 1, failed: 1, skipped: 0, flaky: 0 })
  }, 60_000)
})

describe('a jest config the test script names', () => {
  test('jest runs with the config that `jest --config <file>` in the test script names', async () => {
    const dir = makeTempDir('ci-medic-jest-config-')
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ scripts: { test: 'jest --ci --config ./config/jest.config.js' } })
    )
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
    mkdirSync(join(dir, 'config'))
    // Only this config makes `*.check.js` files tests, and only it sets the global the test reads.
    writeFileSync(
      join(dir, 'config', 'jest.config.js'),
      "module.exports = { rootDir: '..', testMatch: ['**/*.check.js'], globals: { FROM_CONFIG: true } }\n"
    )
    writeFileSync(join(dir, 'sum.check.js'), "test('config', () => expect(FROM_CONFIG).toBe(true))\n")
    const all = await runTests({ repoDir: dir, timeoutMs: 60_000, retries: 0, log: quiet })
    expect(all.files.map(f => [f.file, f.status])).toEqual([['sum.check.js', 'passed']])
    const one = await runTests({
      repoDir: dir,
      files: ['sum.check.js'],
      timeoutMs: 60_000,
      retries: 0,
      log: quiet
    })
    expect(one.totals).toEqual({ passed: 1, failed: 0, skipped: 0, flaky: 0 })
  }, 60_000)
})

describe('a vitest config the test script names', () => {
  test('vitest runs with the config that `vitest run --config <file>` in the test script names', async () => {
    const dir = makeTempDir('ci-medic-vitest-config-')
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ type: 'module', scripts: { test: 'vitest run --config ./config/vitest.unit.ts' } })
    )
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
    mkdirSync(join(dir, 'config'))
    mkdirSync(join(dir, 'checks'))
    // Only this config makes `*.check.js` files tests, and only its setup file sets the global.
    writeFileSync(
      join(dir, 'config', 'vitest.unit.ts'),
      "export default { test: { include: ['checks/**/*.check.js'], setupFiles: ['./checks/env.js'] } }\n"
    )
    writeFileSync(join(dir, 'checks', 'env.js'), 'globalThis.FROM_CONFIG = true\n')
    writeFileSync(
      join(dir, 'checks', 'sum.check.js'),
      "import { test, expect } from 'vitest'\ntest('config', () => expect(globalThis.FROM_CONFIG).toBe(true))\n"
    )
    const all = await runTests({ repoDir: dir, timeoutMs: 60_000, retries: 0, log: quiet })
    expect(all.files.map(f => [f.file, f.status])).toEqual([['checks/sum.check.js', 'passed']])
    const one = await runTests({
      repoDir: dir,
      files: ['checks/sum.check.js'],
      timeoutMs: 60_000,
      retries: 0,
      log: quiet
    })
    expect(one.totals).toEqual({ passed: 1, failed: 0, skipped: 0, flaky: 0 })
  }, 60_000)
})

describe('jest runs the test script makes through other scripts', () => {
  test('jest runs with each config they name (and the package’s own), as one run of projects', async () => {
    const dir = makeTempDir('ci-medic-jest-runs-')
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        scripts: {
          test: 'jest && npm run test:e2e',
          'test:e2e': 'npm run build && jest --config ./test/jest-e2e.json --runInBand',
          build: 'echo built'
        }
      })
    )
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
    mkdirSync(join(dir, 'test'))
    // Each config alone makes its own files tests and sets the global they read.
    writeFileSync(
      join(dir, 'jest.config.js'),
      "module.exports = { testMatch: ['<rootDir>/src/**/*.spec.js'], globals: { UNIT: true } }\n"
    )
    writeFileSync(
      join(dir, 'test', 'jest-e2e.json'),
      JSON.stringify({ rootDir: '.', testRegex: '.e2e-spec.js$', globals: { E2E: true } })
    )
    mkdirSync(join(dir, 'src'))
    writeFileSync(join(dir, 'src', 'sum.spec.js'), "test('unit', () => expect(UNIT).toBe(true))\n")
    writeFileSync(join(dir, 'test', 'app.e2e-spec.js'), "test('e2e', () => expect(E2E).toBe(true))\n")
    const all = await runTests({ repoDir: dir, timeoutMs: 60_000, retries: 0, log: quiet })
    expect(all.files.map(f => [f.file, f.status]).sort()).toEqual([
      ['src/sum.spec.js', 'passed'],
      ['test/app.e2e-spec.js', 'passed']
    ])
    const one = await runTests({
      repoDir: dir,
      files: ['test/app.e2e-spec.js'],
      timeoutMs: 60_000,
      retries: 0,
      log: quiet
    })
    expect(one.files.map(f => [f.file, f.status])).toEqual([['test/app.e2e-spec.js', 'passed']])
  }, 60_000)
})

describe("mocha's options in the test script", () => {
  test('mocha runs the specs and requires the files its test script names, whole or file by file', async () => {
    const dir = makeTempDir('ci-medic-mocha-script-')
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ scripts: { test: 'mocha --require ./test/setup.js --watch "test/**/*.check.js"' } })
    )
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
    mkdirSync(join(dir, 'test', 'deep'), { recursive: true })
    writeFileSync(join(dir, 'test', 'setup.js'), "process.env.FROM_SETUP = 'yes'\n")
    const check =
      "const assert = require('node:assert')\nit('setup ran', () => assert.equal(process.env.FROM_SETUP, 'yes'))\n"
    writeFileSync(join(dir, 'test', 'top.check.js'), check)
    writeFileSync(join(dir, 'test', 'deep', 'inner.check.js'), check)
    const all = await runTests({ repoDir: dir, timeoutMs: 60_000, retries: 0, log: quiet })
    expect(all.files.map(f => [f.file, f.status])).toEqual([
      ['test/deep/inner.check.js', 'passed'],
      ['test/top.check.js', 'passed']
    ])
    const one = await runTests({
      repoDir: dir,
      files: ['test/deep/inner.check.js'],
      timeoutMs: 60_000,
      retries: 0,
      log: quiet
    })
    expect(one.totals).toEqual({ passed: 1, failed: 0, skipped: 0, flaky: 0 })
  }, 60_000)
})

describe('a Go package that does not compile', () => {
  test('fails its test files with the compiler messages as evidence', async () => {
    const { repo } = fixtureRepo('monorepo')
    writeFileSync(
      join(repo.dir, 'services/clock/clock.go'),
      'package clock\n\nfunc Pad(n int) string { return n }\n'
    )
    const report = await runTests({
      repoDir: repo.dir,
      files: ['services/clock/clock_test.go'],
      timeoutMs: 60_000,
      retries: 0,
      log: quiet,
      env: { ...process.env, ...GO_ENV }
    })
    expect(report.files).toEqual([
      expect.objectContaining({
        file: 'services/clock/clock_test.go',
        status: 'errored',
        output: expect.stringMatching(/build failed[\s\S]*clock\.go:3:\d+: cannot use n/)
      })
    ])
    expect(report.totals.failed).toBe(1)
  }, 60_000)
})

describe('a monorepo', () => {
  test('runs each package with its own framework, in its own folder', async () => {
    const { repo } = fixtureRepo('monorepo')
    const report = await runTests({
      repoDir: repo.dir,
      files: ['packages/web/label.test.js', 'services/clock/clock_test.go', 'packages/api/sum.test.js'],
      timeoutMs: 90_000,
      retries: 0,
      log: quiet,
      env: { ...process.env, ...GO_ENV }
    })
    expect(report.frameworks.sort()).toEqual(['go', 'jest', 'vitest'])
    expect(report.runs.map(run => [run.framework, run.cwd]).sort()).toEqual(
      [
        ['go', join(repo.dir, 'services/clock')],
        ['jest', join(repo.dir, 'packages/api')],
        ['vitest', join(repo.dir, 'packages/web')]
      ].sort()
    )
    expect(report.files.map(f => [f.file, f.status, f.tests.length])).toEqual([
      ['packages/api/sum.test.js', 'passed', 1],
      ['packages/web/label.test.js', 'passed', 2],
      ['services/clock/clock_test.go', 'passed', 1]
    ])
    expect(report.totals).toEqual({ passed: 4, failed: 0, skipped: 0, flaky: 0 })
  }, 120_000)

  test('with no files given, every package suite runs', async () => {
    const { repo } = fixtureRepo('monorepo')
    const report = await runTests({
      repoDir: repo.dir,
      timeoutMs: 90_000,
      retries: 0,
      log: quiet,
      env: { ...process.env, ...GO_ENV }
    })
    expect(report.files.map(f => f.file)).toEqual([
      'packages/api/sum.test.js',
      'packages/web/label.test.js',
      'services/clock/clock_test.go'
    ])
    expect(report.totals.passed).toBe(4)
  }, 120_000)
})

describe('nothing to run', () => {
  test('a repository without a detectable suite is a configuration error naming test-command', async () => {
    const dir = makeTempDir('ci-medic-empty-')
    writeFileSync(join(dir, 'README.md'), 'no tests here\n')
    const cli = await runCli(['test', '--repo', dir, '--json'], {
      env: { CI_MEDIC_HOME: makeTempDir('ci-medic-home-') }
    })
    expect(cli.exitCode).toBe(2)
    expect(cli.stderr).toMatch(/No tests were found[\s\S]*test-command: "npm test -- \{files\}"/)
  })
})

describe('test-command', () => {
  test('replaces {files} with each file shell-quoted, and reads the exit code', async () => {
    const dir = makeTempDir('ci-medic-custom-')
    const seen = join(dir, 'seen.json')
    writeFileSync(
      join(dir, 'check.mjs'),
      `import { writeFileSync } from 'node:fs'\nwriteFileSync(${JSON.stringify(seen)}, JSON.stringify(process.argv.slice(2)))\nprocess.exit(process.argv.includes('bad test.js') ? 1 : 0)\n`
    )
    const files = ['ok.test.js', "it's $(touch pwned) `x`.test.js"]
    const passing = await runTests({
      repoDir: dir,
      files,
      testCommand: 'node check.mjs {files}',
      timeoutMs: 30_000,
      retries: 0,
      log: quiet
    })
    expect(JSON.parse(readFileSync(seen, 'utf8'))).toEqual(files)
    expect(existsSync(join(dir, 'pwned'))).toBe(false)
    expect(passing.framework).toBe('custom')
    expect(passing.files.map(f => f.status)).toEqual(['passed', 'passed'])

    const failing = await runTests({
      repoDir: dir,
      files: ['bad test.js'],
      testCommand: 'node check.mjs {files}',
      timeoutMs: 30_000,
      retries: 1,
      log: quiet
    })
    expect(failing.files).toEqual([
      expect.objectContaining({
        file: 'bad test.js',
        status: 'failed',
        attempts: 2,
        output: expect.stringContaining('exited with code 1')
      })
    ])
    expect(failing.totals.failed).toBe(1)
  }, 60_000)
})
