/** The `select` command through the built action and CLI, plus shard balancing. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { matrixFor, shellPath } from '../../src/commands/select.js'
import { estimateDurationMs, readTimings, splitIntoShards } from '../../src/select/shards.js'
import { ACTION_ENTRY, CLI_ENTRY, runAction, runCli } from '../support/harness.js'
import { cleanupAll, createRepo, makeTempDir } from '../support/git-repo.js'

beforeAll(() => {
  if (!existsSync(ACTION_ENTRY) || !existsSync(CLI_ENTRY))
    throw new Error('Run `npm run build` before the end-to-end tests')
})
afterAll(() => cleanupAll())

const WEIRD = 'test/we|ird <b>.test.ts'
const FILES = {
  'src/math.ts':
    'export function add(a: number, b: number) {\n  return a + b\n}\nexport function mul(a: number, b: number) {\n  return a * b\n}\n',
  'test/add.test.ts': "import { add } from '../src/math'\ntest('add', () => expect(add(1, 2)).toBe(3))\n",
  'test/mul.test.ts':
    "import { mul } from '../src/math'\ntest('mul', () => expect(mul(2, 3)).toBe(6))\ntest('mul 2', () => expect(mul(1, 1)).toBe(1))\n",
  'test/both.test.ts':
    "import { add, mul } from '../src/math'\ntest('both', () => expect(add(mul(1, 1), 1)).toBe(2))\n",
  [WEIRD]: "test('weird', () => expect(1).toBe(1))\n"
}

function scenario(): { dir: string; base: string; head: string } {
  const repo = createRepo({ files: FILES })
  const base = repo.head()
  const head = repo.commit('change mul and the weird test', {
    'src/math.ts': FILES['src/math.ts'].replace('a * b', 'b * a'),
    [WEIRD]: "test('weird', () => expect(2).toBe(2))\n"
  })
  return { dir: repo.dir, base, head }
}

describe('select command (built action)', () => {
  it('writes tests, count, mode and a matrix of balanced shards, and a "test ← why" summary', async () => {
    const { dir, base, head } = scenario()
    const home = makeTempDir('ci-medic-home-')
    mkdirSync(home, { recursive: true })
    writeFileSync(
      join(home, 'timings.json'),
      JSON.stringify({
        version: 1,
        files: { 'test/mul.test.ts': { durationMs: 9000 }, 'test/both.test.ts': { durationMs: 1000 } }
      })
    )
    const result = await runAction({
      cwd: dir,
      inputs: { command: 'select', base, head, shards: 2 },
      env: { CI_MEDIC_HOME: home }
    })
    if (result.exitCode !== 0) throw new Error(result.stdout + result.stderr)
    const expected = ['test/both.test.ts', 'test/mul.test.ts', WEIRD]
    expect(JSON.parse(result.outputs.tests as string)).toEqual(expected)
    expect(result.outputs.tests).not.toMatch(/[|<>]/)
    expect(result.outputs.count).toBe('3')
    expect(result.outputs.mode).toBe('selected')
    const matrix = JSON.parse(result.outputs.matrix as string) as {
      include: Array<{ shard: number; tests: string; files: string; count: number }>
    }
    // The 9 s test alone in one shard, the rest in the other.
    expect(matrix.include).toEqual([
      { shard: 1, tests: 'test/mul.test.ts', files: '["test/mul.test.ts"]', count: 1 },
      {
        shard: 2,
        tests: `test/both.test.ts '${WEIRD}'`,
        files: JSON.stringify(['test/both.test.ts', WEIRD]),
        count: 2
      }
    ])
    expect(result.summary).toContain('### Test selection')
    expect(result.summary).toContain('**3 of 4 test files** selected')
    expect(result.summary).toContain('| `test/mul.test.ts` | `src/math.ts#mul` |')
    expect(result.summary).toContain('| `test/we\\|ird <b>.test.ts` | `test/we\\|ird <b>.test.ts#<module>` |')
    expect(result.summary).toContain('| 1 | 1 | 9.0 s |')
    expect(result.summary).toContain('```mermaid')
  })

  it('gives count 0 and an empty matrix when nothing is affected', async () => {
    const repo = createRepo({ files: FILES })
    const base = repo.head()
    const head = repo.commit('comment', { 'src/math.ts': '// math\n' + FILES['src/math.ts'] })
    const result = await runAction({ cwd: repo.dir, inputs: { command: 'select', base, head } })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ tests: '[]', count: '0', mode: 'none', matrix: '{"include":[]}' })
    expect(result.summary).toContain('**No test file** can be affected by this change')
  })
})

describe('select command (CLI)', () => {
  it('prints exactly the contract with --json', async () => {
    const { dir, base, head } = scenario()
    const result = await runCli(['select', '--repo', dir, '--base', base, '--head', head, '--json'])
    expect(result.exitCode).toBe(0)
    const json = JSON.parse(result.stdout)
    expect(Object.keys(json)).toEqual(['mode', 'tests', 'reasons', 'fallback', 'changed'])
    expect(json).toEqual({
      mode: 'selected',
      tests: ['test/both.test.ts', 'test/mul.test.ts', WEIRD],
      reasons: {
        'test/both.test.ts': ['src/math.ts#mul', 'test/both.test.ts'],
        'test/mul.test.ts': ['src/math.ts#mul', 'test/mul.test.ts'],
        [WEIRD]: [`${WEIRD}#<module>`, WEIRD]
      },
      fallback: null,
      changed: [
        { file: 'src/math.ts', symbols: ['mul'] },
        { file: WEIRD, symbols: ['<module>'] }
      ]
    })
  })

  it('prints a readable list without --json, and mode all with the reason on a fallback', async () => {
    const { dir, base, head } = scenario()
    const text = await runCli(['select', '--repo', dir, '--base', base, '--head', head])
    expect(text.stdout).toContain('test/mul.test.ts  <-  src/math.ts#mul')
    const repo = createRepo({ files: { ...FILES, 'package.json': '{}\n' } })
    const base2 = repo.head()
    repo.commit('deps', { 'package.json': '{"dependencies":{}}\n' })
    const all = await runCli(['select', '--repo', repo.dir, '--base', base2, '--head', 'HEAD', '--json'])
    expect(all.exitCode).toBe(0)
    expect(JSON.parse(all.stdout)).toMatchObject({
      mode: 'all',
      fallback: 'package.json: a dependency manifest changed'
    })
  })
})

describe('select-granularity', () => {
  it('selects by member by default, and every test that reaches the class with `class`', async () => {
    const files = {
      'src/box.ts': 'export class Box {\n  open() {\n    return 1\n  }\n  close() {\n    return 2\n  }\n}\n',
      'test/open.test.ts':
        "import { Box } from '../src/box'\ntest('open', () => expect(new Box().open()).toBe(1))\n",
      'test/close.test.ts':
        "import { Box } from '../src/box'\ntest('close', () => expect(new Box().close()).toBe(2))\n"
    }
    const repo = createRepo({ files })
    const base = repo.head()
    repo.commit('change open', { 'src/box.ts': files['src/box.ts'].replace('return 1', 'return 3') })
    const select = async (...extra: string[]): Promise<string[]> => {
      const result = await runCli([
        'select',
        '--repo',
        repo.dir,
        '--base',
        base,
        '--head',
        'HEAD',
        '--json',
        ...extra
      ])
      if (result.exitCode !== 0) throw new Error(result.stdout + result.stderr)
      return JSON.parse(result.stdout).tests
    }
    expect(await select()).toEqual(['test/open.test.ts'])
    expect(await select('--select-granularity', 'class')).toEqual(['test/close.test.ts', 'test/open.test.ts'])
    const wrong = await runCli(['select', '--repo', repo.dir, '--select-granularity', 'method'])
    expect(wrong.exitCode).toBe(2)
    expect(wrong.stderr + wrong.stdout).toMatch(/select-granularity.*member.*class/s)
  })
})

describe('shards', () => {
  it('balances by recorded durations (longest first onto the lightest shard)', () => {
    const durations: Record<string, number> = { a: 7, b: 5, c: 4, d: 3, e: 3, f: 2 }
    const shards = splitIntoShards(Object.keys(durations), 3, t => durations[t] as number)
    expect(shards.map(s => s.tests)).toEqual([
      ['a', 'f'],
      ['b', 'e'],
      ['c', 'd']
    ])
    expect(shards.map(s => s.expectedMs)).toEqual([9, 8, 7])
  })

  it('stays within 4/3 of the best possible split on many random suites', () => {
    let seed = 42
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let run = 0; run < 200; run++) {
      const tests = Array.from({ length: 5 + Math.floor(random() * 60) }, (_, i) => `t${i}`)
      const ms = new Map(tests.map(t => [t, 100 + Math.floor(random() * 10_000)]))
      const count = 2 + Math.floor(random() * 6)
      const shards = splitIntoShards(tests, count, t => ms.get(t) as number)
      const total = [...ms.values()].reduce((a, b) => a + b, 0)
      const lowerBound = Math.max(total / count, Math.max(...ms.values()))
      expect(Math.max(...shards.map(s => s.expectedMs))).toBeLessThanOrEqual((4 / 3) * lowerBound)
      expect(shards.flatMap(s => s.tests).sort()).toEqual([...tests].sort())
    }
  })

  it('drops empty shards and numbers the rest from 1', () => {
    const shards = splitIntoShards(['x', 'y'], 5, () => 1)
    expect(shards.map(s => s.shard)).toEqual([1, 2])
    expect(matrixFor(shards).include.map(e => e.count)).toEqual([1, 1])
  })

  it('reads timings.json and estimates from the test count otherwise', () => {
    const dir = makeTempDir('ci-medic-timings-')
    expect(readTimings(dir).size).toBe(0)
    writeFileSync(
      join(dir, 'timings.json'),
      JSON.stringify({ version: 1, files: { 'a.test.ts': { durationMs: 1200 }, bad: { durationMs: -1 } } })
    )
    expect([...readTimings(dir)]).toEqual([['a.test.ts', 1200]])
    expect(estimateDurationMs("it('a', () => {})\nit('b', () => {})\ntest('c', () => {})")).toBeGreaterThan(
      estimateDurationMs("it('a', () => {})")
    )
  })

  it('quotes paths for the shell only when needed', () => {
    expect(shellPath('src/a-b_c.test.ts')).toBe('src/a-b_c.test.ts')
    expect(shellPath("it's $(x).ts")).toBe("'it'\\''s $(x).ts'")
  })
})
