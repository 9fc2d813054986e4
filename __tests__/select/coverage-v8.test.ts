// A coverage map recorded from `node --test` and from mocha (node's own per-process V8 coverage,
// one process per test file), then used by select. Every scenario runs the suite again on the change, with real node, and checks that
// each failing test file is selected.
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { v8CoverageEvents } from '../../src/runners/v8-coverage.js'
import { readCoverageMap } from '../../src/runners/coverage-map.js'
import { runTests } from '../../src/runners/index.js'
import { streamLogger } from '../../src/ports/log.js'
import { change, projectRepo, record } from '../support/coverage-scenario.js'
import { cleanupAll, makeTempDir, type FileChanges } from '../support/git-repo.js'

afterAll(() => cleanupAll())

// `pad` starts the file: V8 lists a function at offset 0 beside the script's own top level.
const CLOCK_JS = `function pad(n) {
  return String(n).padStart(2, '0')
}

class Clock {
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

module.exports = { Clock, pad }
`

const nodeTest = (body: string): string =>
  `const test = require('node:test')\nconst assert = require('node:assert')\n${body}\n`

const JS_PROJECT: FileChanges = {
  'package.json': JSON.stringify({ name: 'clock', private: true, scripts: { test: 'node --test' } }),
  'src/clock.js': CLOCK_JS,
  'test/format.test.js': nodeTest(
    "const { Clock } = require('../src/clock')\ntest('short', () => assert.equal(new Clock(3).format(), '3:00'))"
  ),
  'test/long.test.js': nodeTest(
    "const { Clock } = require('../src/clock')\ntest('long', () => assert.equal(new Clock(3).format(true), '03:00:00'))"
  ),
  // A method called by a name built at run time: the graph cannot see it, coverage can.
  'test/shift.test.js': nodeTest(
    "const { Clock } = require('../src/clock')\nconst name = 'sh' + 'ift'\ntest('moves', () => assert.equal(new Clock(1)[name](2).h, 3))"
  ),
  'test/pad.test.js': nodeTest(
    "const { pad } = require('../src/clock')\ntest('pads', () => assert.equal(pad(5), '05'))"
  )
}

const throwIn = (method: string): FileChanges => ({
  'src/clock.js': CLOCK_JS.replace(
    new RegExp(`(\\n  ${method}\\([^)]*\\) \\{\\n)`),
    `$1    throw new Error('broken ${method}')\n`
  )
})

describe('selection with a coverage map recorded from node --test', () => {
  it('records what each test file loaded and ran, from the process node ran it in', async () => {
    const repo = projectRepo(JS_PROJECT)
    const { map, recorded } = await record(repo)
    expect(recorded).toBe(4)
    const run = map.runs[0]!
    expect(run.commit).toBe(repo.head())
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
  }, 180_000)

  it('selects a test that ran a changed method the graph cannot see it call', async () => {
    const repo = projectRepo(JS_PROJECT)
    const { map } = await record(repo)
    const base = repo.head()
    const { withMap, graphOnly, failing } = await change(repo, base, map, throwIn('shift'))
    expect(failing).toEqual(['test/shift.test.js'])
    expect(graphOnly.tests).toEqual([])
    expect(withMap.tests).toEqual(['test/shift.test.js'])
  }, 180_000)

  it('keeps the tests that ran a function that starts the file', async () => {
    const repo = projectRepo(JS_PROJECT)
    const { map } = await record(repo)
    const base = repo.head()
    const { withMap, failing } = await change(repo, base, map, {
      'src/clock.js': CLOCK_JS.replace("padStart(2, '0')", "padStart(3, '0')")
    })
    expect(failing).toEqual(['test/long.test.js', 'test/pad.test.js'])
    expect(withMap.tests).toEqual(['test/long.test.js', 'test/pad.test.js'])
  }, 180_000)
})

describe('functions stored on an object on load (express-style `res.send = function…`)', () => {
  const RES_JS = `var res = Object.create(null)
module.exports = res

res.send = function (body) {
  return 'sent ' + body
}

res.json = function (value) {
  return this.send(JSON.stringify(value))
}

res.status = function (code) {
  return code
}
`
  const project: FileChanges = {
    'package.json': JSON.stringify({ name: 'res', private: true, scripts: { test: 'node --test' } }),
    'src/res.js': RES_JS,
    'test/send.test.js': nodeTest(
      "const res = require('../src/res')\ntest('send', () => assert.equal(res.send('a'), 'sent a'))"
    ),
    'test/json.test.js': nodeTest(
      "const res = require('../src/res')\ntest('json', () => assert.equal(res.json(1), 'sent 1'))"
    ),
    'test/status.test.js': nodeTest(
      "const res = require('../src/res')\ntest('status', () => assert.equal(res.status(2), 2))"
    )
  }
  const throwAt = (method: string): FileChanges => ({
    'src/res.js': RES_JS.replace(
      new RegExp(`(res\\.${method} = function \\([a-z]*\\) \\{\\n)`),
      `$1  throw new Error('broken ${method}')\n`
    )
  })

  it('every loader runs the statement, and only the tests that called a function are affected by its body', async () => {
    const repo = projectRepo(project)
    const { map, recorded } = await record(repo)
    expect(recorded).toBe(3)
    const base = repo.head()
    const all = ['test/json.test.js', 'test/send.test.js', 'test/status.test.js']
    const status = await change(repo, base, map, throwAt('status'))
    expect(status.failing).toEqual(['test/status.test.js'])
    expect(status.graphOnly.tests).toEqual(all)
    expect(status.withMap.tests).toEqual(['test/status.test.js'])
    const send = await change(repo, base, map, throwAt('send'))
    expect(send.failing).toEqual(['test/json.test.js', 'test/send.test.js'])
    expect(send.withMap.tests).toEqual(['test/json.test.js', 'test/send.test.js'])
    // Storing another function under the name is a change of what load does: every loader.
    const renamed = await change(repo, base, map, {
      'src/res.js': RES_JS.replace('res.status =', 'res.code =')
    })
    expect(renamed.failing).toEqual(['test/status.test.js'])
    expect(renamed.withMap.tests).toEqual(all)
  }, 180_000)
})

describe('selection with a coverage map recorded from mocha, a process per test file', () => {
  const mochaTest = (body: string): string => `const assert = require('node:assert')\n${body}\n`
  const MOCHA_PROJECT: FileChanges = {
    'package.json': JSON.stringify({ name: 'clock', private: true, scripts: { test: 'mocha' } }),
    'src/clock.js': CLOCK_JS,
    'test/format.test.js': mochaTest(
      "const { Clock } = require('../src/clock')\nit('short', () => assert.equal(new Clock(3).format(), '3:00'))"
    ),
    'test/long.test.js': mochaTest(
      "const { Clock } = require('../src/clock')\nit('long', () => assert.equal(new Clock(3).format(true), '03:00:00'))"
    ),
    'test/shift.test.js': mochaTest(
      "const { Clock } = require('../src/clock')\nconst name = 'sh' + 'ift'\nit('moves', () => assert.equal(new Clock(1)[name](2).h, 3))"
    ),
    'test/pad.test.js': mochaTest(
      "const { pad } = require('../src/clock')\nit('pads', () => assert.equal(pad(5), '05'))"
    )
  }

  it('records each test file from its own process, and leaves out a test that never ran a changed method', async () => {
    const repo = projectRepo(MOCHA_PROJECT)
    const { map, recorded } = await record(repo)
    expect(recorded).toBe(4)
    const run = map.runs[0]!
    // Each test file's own: none of them loaded another.
    for (const test of Object.keys(run.tests))
      expect(
        Object.keys(run.tests[test]!)
          .map(index => run.sources[Number(index)]!.path)
          .sort()
      ).toEqual(['src/clock.js', test])
    const base = repo.head()
    const { withMap, graphOnly, failing } = await change(repo, base, map, throwIn('longForm'))
    expect(failing).toEqual(['test/long.test.js'])
    expect(graphOnly.tests).toEqual(['test/format.test.js', 'test/long.test.js'])
    expect(withMap.tests).toEqual(['test/long.test.js'])
  }, 180_000)

  it('runs the files a spec names, with what the test script requires first, each alone', async () => {
    const repo = projectRepo({
      ...MOCHA_PROJECT,
      'package.json': JSON.stringify({
        name: 'clock',
        private: true,
        scripts: { test: 'mocha --require ./test/setup.js "test/**/*.test.js"' }
      }),
      'test/setup.js': "process.env.UNIT = ':00'\n",
      'test/deep/shift.test.js': MOCHA_PROJECT['test/shift.test.js']!.toString().replace(
        '../src',
        '../../src'
      )
    })
    const { map, recorded } = await record(repo)
    expect(recorded).toBe(5)
    const base = repo.head()
    const { withMap, failing } = await change(repo, base, map, throwIn('shift'))
    expect(failing).toEqual(['test/deep/shift.test.js', 'test/shift.test.js'])
    expect(withMap.tests).toEqual(['test/deep/shift.test.js', 'test/shift.test.js'])
  }, 180_000)
})

describe('a mocha recording gives the results of a plain run', () => {
  it('takes the results of a file that fails alone from a run after the files before it', async () => {
    const mochaTest = (body: string): string => `const assert = require('node:assert')\n${body}\n`
    const repo = projectRepo({
      'package.json': JSON.stringify({ name: 'unit', private: true, scripts: { test: 'mocha' } }),
      'src/unit.js': 'exports.unit = () => global.UNIT\n',
      // Sets what the next file needs as it loads: in one mocha, as a plain run goes, that one passes.
      'test/a-sets.test.js': mochaTest("global.UNIT = ':00'\nit('sets', () => assert.ok(true))"),
      'test/b-needs.test.js': mochaTest(
        "const { unit } = require('../src/unit')\nit('needs', () => assert.equal(unit(), ':00'))"
      ),
      'test/c-broken.test.js': mochaTest("it('broken', () => assert.equal(1 + 1, 3))"),
      'test/d-after.test.js': mochaTest(
        "const { unit } = require('../src/unit')\nit('after', () => assert.ok(unit))"
      )
    })
    const quiet = streamLogger(() => undefined)
    const plain = await runTests({ repoDir: repo.dir, timeoutMs: 120_000, retries: 0, log: quiet })
    const dir = makeTempDir('ci-medic-coverage-')
    const recording = await runTests({
      repoDir: repo.dir,
      timeoutMs: 120_000,
      retries: 0,
      log: quiet,
      coverageDir: dir
    })
    const statuses = (report: typeof plain) =>
      Object.fromEntries(report.files.map(file => [file.file, [file.status, file.tests.map(t => t.status)]]))
    expect(statuses(plain)).toEqual({
      'test/a-sets.test.js': ['passed', ['passed']],
      'test/b-needs.test.js': ['passed', ['passed']],
      'test/c-broken.test.js': ['failed', ['failed']],
      'test/d-after.test.js': ['passed', ['passed']]
    })
    expect(statuses(recording)).toEqual(statuses(plain))
    expect(recording.files.find(f => f.file === 'test/c-broken.test.js')?.tests[0]?.message).toMatch(
      /2 !== 3|2 == 3/
    )
    // What a file ran alone is not what it ran where it passed: it has no entry, and the graph decides.
    expect(Object.keys(readCoverageMap(dir).runs[0]?.tests ?? {}).sort()).toEqual([
      'test/a-sets.test.js',
      'test/d-after.test.js'
    ])
  }, 180_000)
})

describe('coverage node compiled from other text', () => {
  const TS_CLOCK = `export interface Options {
  long: boolean
}

export class Clock {
  constructor(private readonly h: number) {}

  format(options?: Options): string {
    return options?.long ? this.longForm() : \`\${this.h}:00\`
  }

  longForm(): string {
    return \`\${String(this.h).padStart(2, '0')}:00:00\`
  }
}
`
  const tsTest = (body: string): string =>
    `import test from 'node:test'\nimport assert from 'node:assert'\nimport { Clock } from '../src/clock.ts'\n${body}\n`

  it("puts positions back in the TypeScript source through the loader's source maps (tsx)", async () => {
    const repo = projectRepo({
      'package.json': JSON.stringify({
        name: 'clock-ts',
        private: true,
        type: 'module',
        scripts: { test: 'node --import tsx --test test/format.test.ts test/long.test.ts' }
      }),
      'src/clock.ts': TS_CLOCK,
      'test/format.test.ts': tsTest("test('short', () => assert.equal(new Clock(3).format(), '3:00'))"),
      'test/long.test.ts': tsTest(
        "test('long', () => assert.equal(new Clock(3).format({ long: true }), '03:00:00'))"
      )
    })
    const { map, recorded } = await record(repo)
    expect(recorded).toBe(2)
    expect(map.runs[0]!.sources.find(s => s.path === 'src/clock.ts')?.exact).toBe(true)
    const base = repo.head()
    const { withMap, graphOnly, failing } = await change(repo, base, map, {
      'src/clock.ts': TS_CLOCK.replace(
        '  longForm(): string {\n',
        "  longForm(): string {\n    throw new Error('broken')\n"
      )
    })
    expect(failing).toEqual(['test/long.test.ts'])
    expect(graphOnly.tests).toEqual(['test/format.test.ts', 'test/long.test.ts'])
    expect(withMap.tests).toEqual(['test/long.test.ts'])
  }, 180_000)

  it('counts only loading where node compiled other text than the file and left no source map', async () => {
    // A require hook that rewrites sources and hands node no source map: V8's positions are not the file's.
    const hook = `const Module = require('node:module')
const { readFileSync } = require('node:fs')
const load = Module._extensions['.js']
Module._extensions['.js'] = function (module, filename) {
  if (filename.includes('node_modules')) return load(module, filename)
  module._compile(readFileSync(filename, 'utf8').replace(/__UNIT__/g, "':00'"), filename)
}
`
    const clock = CLOCK_JS.replace(/:00/g, '${__UNIT__}')
    const repo = projectRepo({
      ...JS_PROJECT,
      'package.json': JSON.stringify({
        name: 'clock',
        private: true,
        scripts: { test: 'node -r ./hook.js --test' }
      }),
      'hook.js': hook,
      'src/clock.js': clock
    })
    const { map, recorded } = await record(repo)
    expect(recorded).toBe(4)
    expect(map.runs[0]!.sources.find(s => s.path === 'src/clock.js')?.exact).toBe(false)
    expect(map.runs[0]!.sources.find(s => s.path === 'hook.js')?.exact).toBe(true)
    const base = repo.head()
    const { withMap, graphOnly } = await change(repo, base, map, {
      'src/clock.js': clock.replace('  longForm() {\n', "  longForm() {\n    throw new Error('broken')\n")
    })
    // Without positions, a test that loaded the file may have run the method: the graph decides.
    expect(withMap.tests).toEqual(graphOnly.tests)
    expect(withMap.tests).toEqual(['test/format.test.js', 'test/long.test.js'])
  }, 180_000)

  it('charges no test file with a process that loaded several of them', () => {
    const repo = projectRepo(JS_PROJECT)
    const dir = makeTempDir('ci-medic-v8-')
    const run = (code: string): void => {
      const result = spawnSync(process.execPath, ['-e', code], {
        cwd: repo.dir,
        env: { ...process.env, NODE_V8_COVERAGE: dir },
        encoding: 'utf8'
      })
      expect(result.status).toBe(0)
    }
    const tests = new Set(['format', 'long'].map(name => join(repo.dir, `test/${name}.test.js`)))
    run("require('./test/format.test.js'); require('./test/long.test.js')")
    expect(v8CoverageEvents(dir, tests)).toEqual([])
    run("require('./test/long.test.js')")
    const events = v8CoverageEvents(dir, tests)
    expect(events.map(event => event.file)).toEqual([join(repo.dir, 'test/long.test.js')])
    expect(Object.keys(events[0]!.sources).sort()).toEqual(
      [join(repo.dir, 'src/clock.js'), join(repo.dir, 'test/long.test.js')].sort()
    )
    // A test file named through a symlink (macOS's temp folder) is the file V8 names by its real path.
    const link = join(makeTempDir('ci-medic-link-'), 'repo')
    symlinkSync(repo.dir, link, 'dir')
    const linked = new Set([...tests].map(file => file.replace(repo.dir, link)))
    expect(v8CoverageEvents(dir, linked).map(event => event.file)).toEqual([join(link, 'test/long.test.js')])
  }, 60_000)
})
