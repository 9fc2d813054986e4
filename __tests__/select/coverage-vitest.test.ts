// A coverage map recorded from vitest (CI Medic's coverage provider: V8's counts per test file,
// mapped back through vite's source maps), then used by select. Every scenario runs the suite
// again on the change, with real vitest, and checks that each failing test file is selected.
import { afterAll, describe, expect, it } from '@jest/globals'
import { change, projectRepo, record } from '../support/coverage-scenario.js'
import { cleanupAll, type FileChanges } from '../support/git-repo.js'

afterAll(() => cleanupAll())

// TypeScript, so that vite's output (types stripped, imports and exports rewritten) is not the
// file: positions come back through its source map. `pad` starts the file.
const CLOCK_TS = `export function pad(n: number): string {
  return String(n).padStart(2, '0')
}

export const HOURS: number = 24

export class Clock {
  constructor(readonly h: number) {}

  format(long?: boolean): string {
    return long ? this.longForm() : \`\${this.h}:00\`
  }

  longForm(): string {
    return \`\${pad(this.h)}:00:00\`
  }

  shift(n: number): Clock {
    return new Clock((this.h + n) % HOURS)
  }
}
`

const vitestFile = (imports: string, body: string): string =>
  `import { expect, test } from 'vitest'\n${imports}\n${body}\n`

const PROJECT: FileChanges = {
  'package.json': JSON.stringify({
    name: 'clock',
    private: true,
    type: 'module',
    scripts: { test: 'vitest run' }
  }),
  'src/clock.ts': CLOCK_TS,
  'test/format.test.ts': vitestFile(
    "import { Clock } from '../src/clock'",
    "test('short', () => expect(new Clock(3).format()).toBe('3:00'))"
  ),
  'test/long.test.ts': vitestFile(
    "import { Clock } from '../src/clock'",
    "test('long', () => expect(new Clock(3).format(true)).toBe('03:00:00'))"
  ),
  // A method called by a name built at run time: the graph cannot see it, coverage can.
  'test/shift.test.ts': vitestFile(
    "import { Clock } from '../src/clock'",
    "const name = 'sh' + 'ift'\ntest('moves', () => expect((new Clock(1) as any)[name](2).h).toBe(3))"
  ),
  'test/pad.test.ts': vitestFile(
    "import { pad } from '../src/clock'",
    "test('pads', () => expect(pad(5)).toBe('05'))"
  )
}

const throwIn = (method: string): FileChanges => ({
  'src/clock.ts': CLOCK_TS.replace(
    new RegExp(`(\\n  ${method}\\([^)]*\\)[^{]*\\{\\n)`),
    `$1    throw new Error('broken ${method}')\n`
  )
})

describe('selection with a coverage map recorded from vitest', () => {
  it('records what each test file loaded and ran, in the TypeScript source', async () => {
    const repo = projectRepo(PROJECT)
    const { map, recorded } = await record(repo)
    expect(recorded).toBe(4)
    const run = map.runs[0]!
    expect(run.commit).toBe(repo.head())
    expect(run.sources.map(s => s.path).sort()).toEqual([
      'src/clock.ts',
      'test/format.test.ts',
      'test/long.test.ts',
      'test/pad.test.ts',
      'test/shift.test.ts'
    ])
    expect(run.sources.every(s => s.exact)).toBe(true)
    const clock = run.sources.findIndex(s => s.path === 'src/clock.ts')
    // Where pad starts (line 1, column 7, after `export `) and where longForm starts (line 14,
    // column 2): the source's own positions, not those of vite's output.
    const starts = run.sources[clock]!.fns
    const pairs = starts.flatMap((_, i) => (i % 2 ? [] : [`${starts[i]}:${starts[i + 1]}`]))
    expect(pairs).toEqual(expect.arrayContaining(['1:7', '14:2']))
    expect(Object.keys(run.tests).sort()).toEqual([
      'test/format.test.ts',
      'test/long.test.ts',
      'test/pad.test.ts',
      'test/shift.test.ts'
    ])
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).toBe('')
  }, 120_000)

  it('leaves out a test that reaches a changed method but never ran it', async () => {
    const repo = projectRepo(PROJECT)
    const { map } = await record(repo)
    const base = repo.head()
    const { withMap, graphOnly, failing } = await change(repo, base, map, throwIn('longForm'))
    expect(failing).toEqual(['test/long.test.ts'])
    expect(graphOnly.tests).toContain('test/format.test.ts')
    expect(withMap.tests).toEqual(['test/long.test.ts'])
  }, 180_000)

  it('selects a test that ran a changed method the graph cannot see it call', async () => {
    const repo = projectRepo(PROJECT)
    const { map } = await record(repo)
    const base = repo.head()
    const { withMap, failing } = await change(repo, base, map, throwIn('shift'))
    expect(failing).toEqual(['test/shift.test.ts'])
    expect(withMap.tests).toEqual(['test/shift.test.ts'])
  }, 180_000)

  it('keeps the tests that ran the function that starts the file', async () => {
    const repo = projectRepo(PROJECT)
    const { map } = await record(repo)
    const { withMap, failing } = await change(repo, repo.head(), map, {
      'src/clock.ts': CLOCK_TS.replace("padStart(2, '0')", "padStart(3, '0')")
    })
    expect(failing).toEqual(['test/long.test.ts', 'test/pad.test.ts'])
    expect(withMap.tests).toEqual(['test/long.test.ts', 'test/pad.test.ts'])
  }, 180_000)

  it('selects the tests that loaded a changed variable that only a method called by a built name reads', async () => {
    const repo = projectRepo(PROJECT)
    const { map } = await record(repo)
    const { withMap, graphOnly, failing } = await change(repo, repo.head(), map, {
      'src/clock.ts': CLOCK_TS.replace('HOURS: number = 24', 'HOURS: number = 2')
    })
    expect(failing).toEqual(['test/shift.test.ts'])
    // Member reach finds no test naming `shift`, the only reader of HOURS.
    expect(graphOnly.tests).toEqual([])
    // Coverage cannot rule a variable out for a test that loaded its file and reached it.
    expect(withMap.tests).toEqual(['test/format.test.ts', 'test/long.test.ts', 'test/shift.test.ts'])
    expect(withMap.reasons['test/shift.test.ts']?.[0]).toMatch(
      /loaded src\/clock\.ts when coverage was recorded/
    )
  }, 180_000)

  it('records nothing where test files share loaded modules (isolate: false), and the tests still run', async () => {
    const repo = projectRepo({
      ...PROJECT,
      'vitest.config.ts':
        "import { defineConfig } from 'vitest/config'\nexport default defineConfig({ test: { isolate: false } })\n"
    })
    const { map, recorded, passed } = await record(repo)
    expect(passed).toBe(4)
    expect(recorded).toBe(0)
    expect(map.runs.flatMap(run => Object.keys(run.tests))).toEqual([])
  }, 120_000)
})
