// Selection with a coverage map: recorded by CI Medic's runner from a real jest run, then used
// by select. Every scenario runs real jest on the change too, and checks that each failing test
// file is selected.
import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { CoverageMap } from '../../src/runners/coverage-map.js'
import { change as changeAndRun, projectRepo, record } from '../support/coverage-scenario.js'
import { cleanupAll, makeTempDir, type FileChanges, type TestRepo } from '../support/git-repo.js'
import { runCli } from '../support/harness.js'
import { failingJestFiles } from '../support/jest-run.js'

afterAll(() => cleanupAll())

const CLOCK_JS = `class Clock {
  constructor(h) {
    this.h = h
  }

  format(long) {
    return long ? this.longForm() : \`\${this.h}:00\`
  }

  longForm() {
    return \`\${pad(this.h)}:00:00\`
  }

  shift(n) {
    return new Clock(this.h + n)
  }
}

function pad(n) {
  return String(n).padStart(2, '0')
}

module.exports = { Clock, pad }
`

/** A CommonJS project that jest runs through babel-jest: coverage positions are the source's own. */
const JS_PROJECT: FileChanges = {
  'package.json': JSON.stringify({ name: 'clock', private: true, jest: { testEnvironment: 'node' } }),
  'src/clock.js': CLOCK_JS,
  'test/format.test.js':
    "const { Clock } = require('../src/clock')\ntest('short', () => expect(new Clock(3).format()).toBe('3:00'))\n",
  'test/long.test.js':
    "const { Clock } = require('../src/clock')\ntest('long', () => expect(new Clock(3).format(true)).toBe('03:00:00'))\n",
  // A method called by a name built at run time: the graph cannot see it, coverage can.
  'test/shift.test.js':
    "const { Clock } = require('../src/clock')\nconst name = 'sh' + 'ift'\ntest('moves', () => expect(new Clock(1)[name](2).h).toBe(3))\n",
  'test/pad.test.js':
    "const { pad } = require('../src/clock')\ntest('pads', () => expect(pad(5)).toBe('05'))\n",
  'data/notes.txt': 'v1\n'
}

/** Commits `files`, selects with and without the map, and runs real jest on the result. */
const change = (repo: TestRepo, base: string, map: CoverageMap, files: FileChanges) =>
  changeAndRun(repo, base, map, files, ({ dir }) => failingJestFiles(dir))

const throwIn = (method: string): FileChanges => ({
  'src/clock.js': CLOCK_JS.replace(
    new RegExp(`(\\n  ${method}\\([^)]*\\) \\{\\n)`),
    `$1    throw new Error('broken ${method}')\n`
  )
})

describe('selection with a coverage map (babel-jest)', () => {
  it('records what each passing test file ran, at the commit it ran', async () => {
    const repo = projectRepo(JS_PROJECT)
    const { map, recorded } = await record(repo)
    expect(recorded).toBe(4)
    expect(map.runs).toHaveLength(1)
    const run = map.runs[0]!
    expect(run.commit).toBe(repo.head())
    // Sources are instrumented wherever they are (the test files too: a change to one then
    // touches only the tests that loaded it).
    expect(run.sources.map(s => s.path).sort()).toEqual([
      'src/clock.js',
      'test/format.test.js',
      'test/long.test.js',
      'test/pad.test.js',
      'test/shift.test.js'
    ])
    expect(run.sources.every(s => s.exact)).toBe(true)
    expect(Object.keys(run.tests).sort()).toEqual([
      'test/format.test.js',
      'test/long.test.js',
      'test/pad.test.js',
      'test/shift.test.js'
    ])
    // The work tree was left as it was: no coverage folder, no report.
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).toBe('')
  }, 120_000)

  it('leaves out a test that reaches a changed method but never ran it', async () => {
    const repo = projectRepo(JS_PROJECT)
    const { map } = await record(repo)
    const base = repo.head()
    const { withMap, graphOnly, failing } = await change(repo, base, map, throwIn('longForm'))
    expect(failing).toEqual(['test/long.test.js'])
    expect(graphOnly.tests).toEqual(['test/format.test.js', 'test/long.test.js'])
    expect(withMap.tests).toEqual(['test/long.test.js'])
    expect(withMap.notes.join('\n')).toMatch(
      /1 test file\(s\) reach a change but never ran it.*test\/format\.test\.js/
    )
  }, 180_000)

  it('selects a test that ran a changed method the graph cannot see it call', async () => {
    const repo = projectRepo(JS_PROJECT)
    const { map } = await record(repo)
    const base = repo.head()
    const { withMap, graphOnly, failing } = await change(repo, base, map, throwIn('shift'))
    expect(failing).toEqual(['test/shift.test.js'])
    expect(graphOnly.tests).toEqual([])
    expect(withMap.tests).toEqual(['test/shift.test.js'])
    expect(withMap.reasons['test/shift.test.js']).toEqual([
      `src/clock.js#Clock.shift (the test ran it when coverage was recorded at ${base.slice(0, 12)})`,
      'test/shift.test.js'
    ])
  }, 180_000)

  it('follows a helper to the tests that ran it, not to every test that could reach it', async () => {
    const repo = projectRepo(JS_PROJECT)
    const { map } = await record(repo)
    const base = repo.head()
    const { withMap, graphOnly, failing } = await change(repo, base, map, {
      'src/clock.js': CLOCK_JS.replace("padStart(2, '0')", "padStart(3, '0')")
    })
    expect(failing).toEqual(['test/long.test.js', 'test/pad.test.js'])
    expect(graphOnly.tests).toContain('test/format.test.js')
    expect(withMap.tests).toEqual(['test/long.test.js', 'test/pad.test.js'])
  }, 180_000)

  it('runs every test that loaded the file when code run on load changes', async () => {
    const repo = projectRepo(JS_PROJECT)
    const { map } = await record(repo)
    const base = repo.head()
    const { withMap } = await change(repo, base, map, {
      'src/clock.js': CLOCK_JS.replace(
        'module.exports = { Clock, pad }',
        'module.exports = { Clock, pad, zero: 0 }'
      )
    })
    expect(withMap.tests).toEqual([
      'test/format.test.js',
      'test/long.test.js',
      'test/pad.test.js',
      'test/shift.test.js'
    ])
  }, 180_000)

  it('does not trust an entry when a file its test loaded changed after the recording', async () => {
    const repo = projectRepo(JS_PROJECT)
    const { map } = await record(repo)
    // The base is a later commit: clock.js changed after the map was recorded.
    repo.commit('later', {
      'src/clock.js': CLOCK_JS.replace('long ? this.longForm()', 'long === true ? this.longForm()')
    })
    const base = repo.head()
    const { withMap, graphOnly } = await change(repo, base, map, throwIn('longForm'))
    expect(withMap.tests).toEqual(graphOnly.tests)
    expect(withMap.notes.join('\n')).toMatch(/0 test file\(s\) recorded .* 4 are out of date/)
  }, 180_000)

  it('still trusts the other tests when a test file changed after the recording', async () => {
    const repo = projectRepo(JS_PROJECT)
    const { map } = await record(repo)
    repo.commit('later', {
      'test/pad.test.js':
        JS_PROJECT['test/pad.test.js'] + "test('pads twice', () => expect(pad(15)).toBe('15'))\n"
    })
    const base = repo.head()
    const { withMap } = await change(repo, base, map, throwIn('longForm'))
    expect(withMap.tests).toEqual(['test/long.test.js'])
    expect(withMap.notes.join('\n')).toMatch(/3 test file\(s\) recorded .* 1 are out of date/)
  }, 180_000)

  it('does not use a recording when a file coverage cannot see changed after it', async () => {
    const repo = projectRepo(JS_PROJECT)
    const { map } = await record(repo)
    repo.commit('later', { 'data/notes.txt': 'v2\n' })
    const base = repo.head()
    const { withMap, graphOnly } = await change(repo, base, map, throwIn('longForm'))
    expect(withMap.tests).toEqual(graphOnly.tests)
    expect(withMap.notes.join('\n')).toContain('is not usable: data/notes.txt changed since')
  }, 180_000)

  it('records nothing from a work tree with uncommitted changes, and leaves failing tests out', async () => {
    const repo = projectRepo(JS_PROJECT)
    repo.write('src/clock.js', CLOCK_JS.replace("padStart(2, '0')", "padStart(2, '-')"))
    const dirty = await record(repo)
    expect(dirty).toMatchObject({ recorded: 0, why: 'the work tree has uncommitted changes' })
    expect(dirty.map.runs).toEqual([])
    repo.commit('break pad')
    const { map, recorded } = await record(repo)
    expect(recorded).toBe(2)
    expect(Object.keys(map.runs[0]!.tests).sort()).toEqual(['test/format.test.js', 'test/shift.test.js'])
    // What the failing tests loaded is still known to have been instrumented.
    expect(map.runs[0]!.sources.map(s => s.path)).toEqual(
      expect.arrayContaining(['test/long.test.js', 'test/pad.test.js'])
    )
  }, 180_000)
})

describe('what coverage cannot see without help', () => {
  it('merges what a test file ran in each jest project', async () => {
    const repo = projectRepo({
      'package.json': JSON.stringify({ name: 'modes', private: true }),
      'jest.config.js': `module.exports = { projects: [
  { displayName: 'a', testEnvironment: 'node', globals: { MODE: 'a' } },
  { displayName: 'b', testEnvironment: 'node', globals: { MODE: 'b' } }
] }
`,
      'src/modes.js':
        "function fa() {\n  return 'a'\n}\n\nfunction fb() {\n  return 'b'\n}\n\nmodule.exports = { fa, fb }\n",
      'test/mode.test.js':
        "const { fa, fb } = require('../src/modes')\ntest('mode', () => expect(MODE === 'a' ? fa() : fb()).toBe(MODE))\n"
    })
    const { map } = await record(repo)
    expect(Object.keys(map.runs[0]!.tests)).toEqual(['test/mode.test.js'])
    const base = repo.head()
    for (const fn of ['fa', 'fb']) {
      const { withMap, failing } = await change(repo, base, map, {
        'src/modes.js': repo
          .read('src/modes.js')
          .replace(`function ${fn}() {\n`, `function ${fn}() {\n  throw new Error('${fn}')\n`)
      })
      expect(failing).toEqual(['test/mode.test.js'])
      expect(withMap.tests).toEqual(['test/mode.test.js'])
      repo.git('reset', '-q', '--hard', base)
    }
  }, 180_000)

  it('lets the graph decide when a method becomes an accessor, which code can run without calling it', async () => {
    const repo = projectRepo({
      ...JS_PROJECT,
      'test/kind.test.js':
        "const { Clock } = require('../src/clock')\ntest('shift is a method', () => expect(typeof new Clock(1).shift).toBe('function'))\n"
    })
    const { map } = await record(repo)
    const base = repo.head()
    const { withMap, failing } = await change(repo, base, map, {
      'src/clock.js': CLOCK_JS.replace(
        '  shift(n) {\n    return new Clock(this.h + n)',
        '  get shift() {\n    return new Clock(this.h + 1)'
      )
    })
    expect(failing).toEqual(['test/kind.test.js', 'test/shift.test.js'])
    expect(withMap.tests).toEqual(expect.arrayContaining(['test/kind.test.js', 'test/shift.test.js']))
  }, 180_000)

  it('counts only loading under a transformer that moves code and hands jest no source map', async () => {
    const repo = projectRepo({
      ...JS_PROJECT,
      'package.json': JSON.stringify({
        name: 'clock',
        private: true,
        jest: { testEnvironment: 'node', transform: { '\\.js$': '<rootDir>/tools/shift-transform.js' } }
      }),
      // Three lines on top of every file, and no map: coverage positions are three lines off.
      'tools/shift-transform.js': "module.exports = { process: src => ({ code: '\\n\\n\\n' + src }) }\n"
    })
    const { map } = await record(repo)
    expect(map.runs[0]?.sources.find(s => s.path === 'src/clock.js')).toMatchObject({ exact: false, fns: [] })
    const base = repo.head()
    const { withMap, graphOnly, failing } = await change(repo, base, map, throwIn('longForm'))
    expect(failing).toEqual(['test/long.test.js'])
    expect(withMap.tests).toEqual(graphOnly.tests)
  }, 180_000)

  it('records a test that loads the sources through an untracked stub, not one that loads built output', async () => {
    const repo = projectRepo({
      ...JS_PROJECT,
      'test/stub.test.js':
        "const { Clock } = require('../dist/clock')\ntest('stub', () => expect(new Clock(3).format(true)).toBe('03:00:00'))\n",
      'test/built.test.js':
        "const { Clock } = require('../build/clock')\ntest('built', () => expect(new Clock(3).format(true)).toBe('03:00:00'))\n"
    })
    // As `preconstruct dev` links a package's entry to its source; and a build of the source.
    repo.write(
      'dist/clock.js',
      '"use strict";\n// links the entry to the source\nconst { join } = require("path");\nmodule.exports = require("../src/clock.js");\n'
    )
    repo.write('build/clock.js', CLOCK_JS)
    const { map, recorded } = await record(repo)
    expect(recorded).toBe(5)
    const run = map.runs[0]!
    expect(Object.keys(run.tests)).toContain('test/stub.test.js')
    expect(Object.keys(run.tests)).not.toContain('test/built.test.js')
    expect(run.sources.map(s => s.path)).not.toContain('dist/clock.js')
    const base = repo.head()
    const { withMap, failing } = await change(repo, base, map, throwIn('longForm'))
    expect(failing).toEqual(['test/long.test.js', 'test/stub.test.js'])
    expect(withMap.tests).toEqual(expect.arrayContaining(failing))
  }, 180_000)

  it('lets the graph decide for code a test runs in another process, by a script it names by path', async () => {
    const repo = projectRepo({
      ...JS_PROJECT,
      'scripts/long.js':
        "const { Clock } = require('../src/clock')\nprocess.stdout.write(new Clock(3).format(true))\n",
      // Loads the clock itself but runs `format(true)` only in the child: its coverage shows no longForm.
      'test/cli.test.js': [
        "const { execFileSync } = require('child_process')",
        "const { join } = require('path')",
        "const { Clock } = require('../src/clock')",
        "test('cli', () => {",
        '  expect(new Clock(1).h).toBe(1)',
        "  expect(execFileSync(process.execPath, [join(__dirname, '../scripts/long.js')]).toString()).toBe('03:00:00')",
        '})',
        ''
      ].join('\n')
    })
    const { map } = await record(repo)
    expect(Object.keys(map.runs[0]!.tests)).toContain('test/cli.test.js')
    const base = repo.head()
    const { withMap, failing } = await change(repo, base, map, throwIn('longForm'))
    expect(failing).toEqual(['test/cli.test.js', 'test/long.test.js'])
    expect(withMap.tests).toEqual(['test/cli.test.js', 'test/long.test.js'])
  }, 180_000)

  it('lets the graph decide for a deleted file, whose path a test can need without loading it', async () => {
    const repo = projectRepo({
      ...JS_PROJECT,
      'src/extra.js': 'module.exports = { extra: () => 1 }\n',
      'test/extra.test.js':
        "const { extra } = require('../src/extra')\ntest('extra', () => expect(extra()).toBe(1))\n",
      'test/mocked.test.js':
        "jest.mock('../src/extra', () => ({ extra: () => 2 }))\nconst { extra } = require('../src/extra')\ntest('mocked', () => expect(extra()).toBe(2))\n"
    })
    const { map } = await record(repo)
    expect(Object.keys(map.runs[0]!.tests)).toContain('test/mocked.test.js')
    const base = repo.head()
    const { withMap, failing } = await change(repo, base, map, { 'src/extra.js': null })
    expect(failing).toEqual(['test/extra.test.js', 'test/mocked.test.js'])
    expect(withMap.tests).toEqual(['test/extra.test.js', 'test/mocked.test.js'])
  }, 180_000)
})

describe('selection with a coverage map (ts-jest)', () => {
  it("puts coverage positions back in the TypeScript source through ts-jest's source maps", async () => {
    const clock = `export interface Options {
  long?: boolean
}

export class Clock {
  constructor(private readonly h: number) {}

  format(options: Options = {}): string {
    return options.long ? this.longForm() : \`\${this.h}:00\`
  }

  longForm(): string {
    return \`\${String(this.h).padStart(2, '0')}:00:00\`
  }
}
`
    const repo = projectRepo({
      'package.json': JSON.stringify({ name: 'clock-ts', private: true }),
      'jest.config.js':
        "module.exports = { testEnvironment: 'node', transform: { '^.+\\\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] } }\n",
      'tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'ES2020', module: 'commonjs', strict: true }
      }),
      'src/clock.ts': clock,
      'test/format.test.ts':
        "import { Clock } from '../src/clock'\ntest('short', () => expect(new Clock(3).format()).toBe('3:00'))\n",
      'test/long.test.ts':
        "import { Clock } from '../src/clock'\ntest('long', () => expect(new Clock(3).format({ long: true })).toBe('03:00:00'))\n"
    })
    const { map } = await record(repo)
    expect(map.runs[0]?.sources.find(s => s.path === 'src/clock.ts')).toMatchObject({ exact: true })
    const base = repo.head()
    const { withMap, graphOnly, failing } = await change(repo, base, map, {
      'src/clock.ts': clock.replace(
        '  longForm(): string {\n',
        "  longForm(): string {\n    throw new Error('broken')\n"
      )
    })
    expect(failing).toEqual(['test/long.test.ts'])
    expect(graphOnly.tests).toEqual(['test/format.test.ts', 'test/long.test.ts'])
    expect(withMap.tests).toEqual(['test/long.test.ts'])
  }, 180_000)
})

describe('record-coverage and use-coverage through the CLI', () => {
  it('test --record-coverage writes the map that select then uses, and --use-coverage false ignores it', async () => {
    const repo = projectRepo(JS_PROJECT)
    const home = makeTempDir('ci-medic-home-')
    const env = { CI_MEDIC_HOME: home }
    const recorded = await runCli(
      ['test', '--repo', repo.dir, '--retries', '0', '--record-coverage', 'true'],
      {
        env,
        timeoutMs: 120_000
      }
    )
    expect(recorded.exitCode).toBe(0)
    expect(recorded.stderr + recorded.stdout).toMatch(/Coverage map: recorded what 4 test file\(s\) ran/)
    expect(existsSync(join(home, 'coverage-map.json'))).toBe(true)
    const base = repo.head()
    repo.commit('break longForm', throwIn('longForm'))
    const select = async (...extra: string[]) =>
      JSON.parse(
        (
          await runCli(['select', '--repo', repo.dir, '--base', base, '--head', 'HEAD', '--json', ...extra], {
            env
          })
        ).stdout
      ) as {
        tests: string[]
      }
    expect((await select()).tests).toEqual(['test/long.test.js'])
    expect((await select('--use-coverage', 'false')).tests).toEqual([
      'test/format.test.js',
      'test/long.test.js'
    ])
  }, 180_000)
})
