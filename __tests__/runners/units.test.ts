import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { detectJsFramework, groupFiles, nodeFlagsOf, nodeTestFiles } from '../../src/runners/detect.js'
import { assemble, parseEvents, type ProcessOutcome } from '../../src/runners/events.js'
import { mergeRetry, totalsOf } from '../../src/runners/index.js'
import { fillTestCommand, shellQuote } from '../../src/runners/shell.js'
import { mapStack, sourceForCompiled } from '../../src/runners/stack.js'
import { readTimings, recordTimings } from '../../src/runners/timings.js'
import type { TestFileResult } from '../../src/runners/types.js'
import { cleanupAll, makeTempDir } from '../support/git-repo.js'

afterAll(() => cleanupAll())

function project(files: Record<string, string>): string {
  const dir = makeTempDir('ci-medic-units-')
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}

const exited = (exitCode: number | null, extra: Partial<ProcessOutcome> = {}): ProcessOutcome => ({
  exitCode,
  signal: null,
  timedOut: false,
  timeoutMs: 5000,
  output: 'runner output',
  durationMs: 10,
  ...extra
})

describe('detection', () => {
  test('reads the test script first, then dependencies, then config files', () => {
    const dir = project({
      'a/package.json': JSON.stringify({ scripts: { test: 'vitest run' }, devDependencies: { jest: '1' } }),
      'b/package.json': JSON.stringify({ devDependencies: { mocha: '1' } }),
      'c/package.json': JSON.stringify({ scripts: { test: 'node --experimental-vm-modules --test' } }),
      'd/package.json': '{}',
      'd/jest.config.js': 'export default {}',
      'e/package.json': '{}'
    })
    expect(['a', 'b', 'c', 'd', 'e'].map(name => detectJsFramework(join(dir, name)))).toEqual([
      'vitest',
      'mocha',
      'node-test',
      'jest',
      undefined
    ])
    expect(nodeFlagsOf(join(dir, 'c'))).toEqual(['--experimental-vm-modules'])
  })

  test("keeps the value of a node option that takes one, and leaves out the runner's own flags", () => {
    const scripts: Array<[string, string[]]> = [
      ['node --import tsx --test test/a.test.ts', ['--import', 'tsx']],
      ['node -r ts-node/register --test', ['-r', 'ts-node/register']],
      ['node --import=tsx --test-reporter spec --test && node --loader other x.js', ['--import=tsx']],
      [
        'NODE_OPTIONS="--require ./setup.js --max-old-space-size=4096" node --experimental-vm-modules x.js',
        ['--experimental-vm-modules', '--require', './setup.js', '--max-old-space-size=4096']
      ],
      // A value the shell computes is not known here: the flag is left out, not cut in half.
      ['node --import "$(pwd)/hooks.js" --test', []],
      ['node test/run.js --import tsx', []]
    ]
    const dir = project(
      Object.fromEntries(
        scripts.map(([test], i) => [`p${i}/package.json`, JSON.stringify({ scripts: { test } })])
      )
    )
    expect(scripts.map((_, i) => nodeFlagsOf(join(dir, `p${i}`)))).toEqual(scripts.map(([, flags]) => flags))
  })

  test('groups files by package and framework; Python and Go by their project roots', () => {
    const dir = project({
      'package.json': JSON.stringify({ workspaces: ['packages/*'] }),
      'packages/a/package.json': JSON.stringify({ scripts: { test: 'jest' } }),
      'packages/a/x.test.js': '',
      'packages/a/y.test.js': '',
      'packages/b/package.json': JSON.stringify({ scripts: { test: 'mocha' } }),
      'packages/b/z.spec.js': '',
      'py/pyproject.toml': '[tool.pytest.ini_options]\n',
      'py/tests/test_q.py': '',
      'svc/go.mod': 'module x\n',
      'svc/pkg/q_test.go': ''
    })
    const groups = groupFiles(
      [
        'packages/a/x.test.js',
        'py/tests/test_q.py',
        'packages/b/z.spec.js',
        'svc/pkg/q_test.go',
        'packages/a/y.test.js'
      ],
      dir
    )
    expect(groups.map(g => [g.framework, g.packageDir.slice(dir.length + 1), g.files.length])).toEqual([
      ['jest', 'packages/a', 2],
      ['pytest', 'py', 1],
      ['mocha', 'packages/b', 1],
      ['go', 'svc', 1]
    ])
  })

  test('a whole node --test run lists its files up front, by the default patterns or the folders of the script', () => {
    const dir = project({
      'package.json': JSON.stringify({ scripts: { test: 'node --test' } }),
      'a.test.js': '',
      'lib/b-test.mjs': '',
      'test/helpers.js': '',
      'lib/latest.js': '',
      'node_modules/x/y.test.js': '',
      'built/package.json': JSON.stringify({ scripts: { test: 'tsc && node --test dist/' } }),
      'built/dist/c.test.js': '',
      'built/src/c.test.ts': ''
    })
    expect(nodeTestFiles(dir).map(f => f.slice(dir.length + 1))).toEqual([
      'a.test.js',
      'built/dist/c.test.js',
      'lib/b-test.mjs',
      'test/helpers.js'
    ])
    expect(nodeTestFiles(join(dir, 'built')).map(f => f.slice(dir.length + 1))).toEqual([
      'built/dist/c.test.js'
    ])
  })

  test('a file no framework runs is refused with its name', () => {
    const dir = project({ 'README.md': '' })
    expect(() => groupFiles(['README.md'], dir)).toThrow(/README\.md/)
  })
})

describe('reading results', () => {
  const dir = project({ 'a.test.js': '', 'b.test.js': '', 'c.test.js': '' })
  const stack = { repoDir: dir, cwd: dir }
  const expected = ['a.test.js', 'b.test.js', 'c.test.js'].map(f => join(dir, f))

  test('a non-zero exit with no report fails every file it ran — never a pass', () => {
    const run = assemble({ expected, events: [], outcome: exited(1), stack, reportsStarts: true })
    expect(run.files.map(f => f.status)).toEqual(['errored', 'errored', 'errored'])
    expect(run.files[0]?.output).toContain('exited with code 1')
    expect(run.files[0]?.output).toContain('runner output')
    expect(totalsOf(run.files).failed).toBe(3)
  })

  test('a crash is charged to the running file; files that never started are handed back', () => {
    const events = parseEvents(
      [
        JSON.stringify({ t: 'start', file: 'a.test.js' }),
        JSON.stringify({ t: 'case', file: 'a.test.js', name: 'ok', status: 'passed', durationMs: 3 }),
        JSON.stringify({ t: 'file', file: 'a.test.js', durationMs: 5 }),
        JSON.stringify({ t: 'start', file: 'b.test.js' }),
        '{"t":"case","file":"b.test.js","na' // cut off by the crash
      ].join('\n')
    )
    const run = assemble({ expected, events, outcome: exited(3), stack, reportsStarts: true })
    expect(run.files.map(f => [f.file, f.status])).toEqual([
      ['a.test.js', 'passed'],
      ['b.test.js', 'errored']
    ])
    expect(run.notStarted).toEqual([join(dir, 'c.test.js')])
  })

  test('a whole-suite run that died early is charged to the package, not silently dropped', () => {
    const events = parseEvents(JSON.stringify({ t: 'start', file: 'a.test.js' }))
    const run = assemble({
      expected: [join(dir, 'a.test.js'), dir],
      events,
      outcome: exited(3),
      stack,
      reportsStarts: true
    })
    expect(run.notStarted).toEqual([])
    expect(run.files.map(f => [f.file, f.status])).toEqual([
      ['a.test.js', 'errored'],
      ['.', 'errored']
    ])
    expect(run.files[1]?.output).toContain('before the whole suite ran')
  })

  test('a clean exit that left a file unreported does not pass it', () => {
    const events = parseEvents(JSON.stringify({ t: 'end' }))
    const run = assemble({
      expected: expected.slice(0, 1),
      events,
      outcome: exited(0),
      stack,
      reportsStarts: true
    })
    expect(run.files[0]).toMatchObject({
      status: 'errored',
      output: expect.stringContaining('without reporting this file')
    })
  })
})

describe('stack traces', () => {
  test('frames become repository paths; the location is the first frame outside node_modules', () => {
    const dir = project({
      'src/a.test.js': '',
      'node_modules/lib/index.js': '',
      'tests/test_x.py': '',
      'pkg/x_test.go': ''
    })
    const js = mapStack(
      `AssertionError: nope\n    at check (${dir}/node_modules/lib/index.js:3:9)\n    at Object.<anonymous> (file://${dir}/src/a.test.js:12:5)\n    at node:internal/process:1:1`,
      { repoDir: dir, cwd: dir }
    )
    expect(js.location).toEqual({ file: 'src/a.test.js', line: 12, column: 5 })
    expect(js.stack).toContain('(src/a.test.js:12:5)')
    expect(js.stack).not.toContain('node_modules')
    expect(js.stack).not.toContain('node:internal')
    const py = mapStack(`tests/test_x.py:7: in test_x\n    assert 1 == 2\nE   assert 1 == 2`, {
      repoDir: dir,
      cwd: dir
    })
    expect(py.location).toEqual({ file: 'tests/test_x.py', line: 7 })
    const go = mapStack(`    ${dir}/pkg/x_test.go:9: got 1`, { repoDir: dir, cwd: dir })
    expect(go.location).toEqual({ file: 'pkg/x_test.go', line: 9 })
  })

  test('a compiled file maps to its source by source map, else by path convention', () => {
    const dir = project({
      'src/b.test.ts': 'line1\nline2\n',
      'dist/b.test.js': 'a\nb\nc\n//# sourceMappingURL=b.test.js.map\n',
      // generated line 3, column 0 → source 0, line 2 (0-based 1), column 4
      'dist/b.test.js.map': JSON.stringify({ version: 3, sources: ['../src/b.test.ts'], mappings: ';;AACI' }),
      'src/c.test.ts': '',
      'build/c.test.js': ''
    })
    expect(mapStack(`at (${dir}/dist/b.test.js:3:1)`, { repoDir: dir, cwd: dir }).location).toEqual({
      file: 'src/b.test.ts',
      line: 2,
      column: 5
    })
    expect(sourceForCompiled('build/c.test.js', dir)).toBe('src/c.test.ts')
    expect(sourceForCompiled('src/c.test.ts', dir)).toBeUndefined()
  })
})

describe('retries', () => {
  const failing: TestFileResult = {
    file: 'a.test.js',
    status: 'failed',
    durationMs: 5,
    tests: [
      { name: 'steady', status: 'failed', durationMs: 1, message: 'no' },
      { name: 'wobbly', status: 'failed', durationMs: 1, message: 'timing' },
      { name: 'fine', status: 'passed', durationMs: 1 }
    ],
    attempts: 1
  }

  test('a failure that passes on a retry is flaky; one that fails again stays failed', () => {
    const retry: TestFileResult = {
      ...failing,
      tests: [
        { name: 'steady', status: 'failed', durationMs: 1, message: 'no' },
        { name: 'wobbly', status: 'passed', durationMs: 1 },
        { name: 'fine', status: 'passed', durationMs: 1 }
      ]
    }
    const [merged] = mergeRetry([failing], [retry])
    expect(merged?.status).toBe('failed')
    expect(merged?.attempts).toBe(2)
    expect(merged?.tests.map(t => [t.name, t.status, t.failureKind])).toEqual([
      ['steady', 'failed', undefined],
      ['wobbly', 'passed', 'flaky'],
      ['fine', 'passed', undefined]
    ])
    expect(totalsOf(merged ? [merged] : [])).toEqual({ passed: 1, failed: 1, skipped: 0, flaky: 1 })
  })

  test('a crashed file that passes on a retry is flaky as a whole', () => {
    const crashed: TestFileResult = {
      file: 'c.test.js',
      status: 'errored',
      durationMs: 0,
      tests: [],
      output: 'exit 3',
      attempts: 1
    }
    const [merged] = mergeRetry(
      [crashed],
      [
        {
          file: 'c.test.js',
          status: 'passed',
          durationMs: 2,
          tests: [{ name: 't', status: 'passed', durationMs: 1 }]
        }
      ]
    )
    expect(merged).toMatchObject({ status: 'passed', flaky: true, attempts: 2, output: 'exit 3' })
    expect(totalsOf(merged ? [merged] : [])).toEqual({ passed: 1, failed: 0, skipped: 0, flaky: 1 })
  })
})

describe('timings', () => {
  test('records per-file durations in the shared format and keeps files not run', () => {
    const dir = makeTempDir('ci-medic-timings-')
    writeFileSync(
      join(dir, 'timings.json'),
      JSON.stringify({
        version: 1,
        files: { 'old.test.js': { durationMs: 40 }, 'bad.test.js': { durationMs: 'x' } }
      })
    )
    recordTimings(dir, {
      framework: 'jest',
      totals: { passed: 1, failed: 0, skipped: 0, flaky: 0 },
      files: [
        { file: 'b.test.js', status: 'passed', durationMs: 120.4, tests: [] },
        { file: 'crashed.test.js', status: 'errored', durationMs: 0, tests: [] }
      ]
    })
    expect(JSON.parse(readFileSync(join(dir, 'timings.json'), 'utf8'))).toEqual({
      version: 1,
      files: { 'b.test.js': { durationMs: 120 }, 'old.test.js': { durationMs: 40 } }
    })
    expect(readTimings(makeTempDir('ci-medic-none-'))).toEqual({ version: 1, files: {} })
  })
})

describe('shell quoting', () => {
  test('each file stays one literal argument', () => {
    expect(shellQuote('src/a.test.ts')).toBe('src/a.test.ts')
    expect(shellQuote("it's $(x)")).toBe(`'it'\\''s $(x)'`)
    expect(fillTestCommand('npx jest {files} --ci', ['a b.js', 'c.js'])).toBe("npx jest 'a b.js' c.js --ci")
    expect(shellQuote('a "b"', 'win32')).toBe('"a ""b"""')
  })
})
