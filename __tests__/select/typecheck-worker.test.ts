/**
 * ts-jest's type check runs on a worker thread (the bundled dist/typecheck-worker): it makes the
 * program of the changed files while the selection walks the graph, and answers as the check on
 * this thread would. A worker that cannot start, or stops, leaves the check to this thread.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { TypeCheckJob, typeErrorsIn, type TypeCheckOutcome } from '../../src/select/typecheck.js'
import { projectRepo } from '../support/coverage-scenario.js'
import { cleanupAll, makeTempDir, type TestRepo } from '../support/git-repo.js'
import { CLI_ENTRY, PROJECT_ROOT, runCli } from '../support/harness.js'

beforeAll(() => {
  if (!existsSync(WORKER) || !existsSync(CLI_ENTRY)) throw new Error('Run `npm run build` before these tests')
})
afterAll(() => cleanupAll())

const WORKER = join(PROJECT_ROOT, 'dist/typecheck-worker/index.js')

const FILES = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, types: ['jest'] } }),
  'jest.config.js': "module.exports = { preset: 'ts-jest' }\n",
  // No return type written: what mul returns is inferred, and area.ts depends on it.
  'src/calc.ts': 'export function mul(a: number, b: number) {\n  return a * b\n}\n',
  'src/area.ts': [
    "import { mul } from './calc'",
    'export const area = (w: number, h: number): number => mul(w, h)',
    'export const perimeter = (w: number, h: number): number => 2 * (w + h)',
    ''
  ].join('\n'),
  'src/fine.ts': 'export const fine = (n: number): number => n + 1\n',
  'test/calc.test.ts': "import { mul } from '../src/calc'\ntest('mul', () => expect(mul(2, 3)).toBe(6))\n",
  'test/area.test.ts': "import { area } from '../src/area'\ntest('area', () => expect(area(2, 3)).toBe(6))\n",
  'test/perimeter.test.ts':
    "import { perimeter } from '../src/area'\ntest('perimeter', () => expect(perimeter(2, 3)).toBe(10))\n"
}
/** mul returns a string: calc.ts still checks, area.ts does not. */
const STRING_MUL = FILES['src/calc.ts'].replace('return a * b', 'return String(a * b)')

/** The repository at FILES, then calc.ts as `calc` (committed, so that the work tree is at head). */
function scenario(calc: string): { repo: TestRepo; base: string } {
  const repo = projectRepo(FILES)
  const base = repo.head()
  repo.commit('calc', { 'src/calc.ts': calc })
  return { repo, base }
}

const dependents = (surfaced: readonly string[]): string[] =>
  surfaced.includes('src/calc.ts') ? ['src/area.ts'] : []
const baseText = (file: string): string | undefined =>
  file === 'src/calc.ts' ? FILES['src/calc.ts'] : undefined

/** The job's outcome for calc.ts and fine.ts, with the job closed after. */
async function outcomeOf(job: TypeCheckJob): Promise<TypeCheckOutcome> {
  try {
    return await job.outcome(['src/calc.ts', 'src/fine.ts'], baseText, dependents)
  } finally {
    job.close()
  }
}

describe('type check on a worker', () => {
  it('answers as the check on this thread does, the dependents of changed declarations included', async () => {
    const { repo } = scenario(STRING_MUL)
    const here = await typeErrorsIn(repo.dir, ['src/calc.ts', 'src/fine.ts'], undefined, baseText, dependents)
    expect(here.checked).toBe(true)
    expect([...here.errors.keys()]).toEqual(['src/area.ts'])
    expect(here.checkedFiles).toBe(3)
    const job = new TypeCheckJob(repo.dir, ['src/calc.ts', 'src/fine.ts'], undefined, WORKER)
    expect(await outcomeOf(job)).toEqual(here)
    // Both questions: the changed files, then area.ts, whose import's declarations changed.
    expect(job.answeredByWorker).toBe(2)
  })

  it('asks once when the declarations are the same, and checks a file that is not among its roots', async () => {
    const { repo } = scenario(FILES['src/calc.ts'].replace('a * b', 'b * a'))
    const job = new TypeCheckJob(repo.dir, ['src/calc.ts'], undefined, WORKER)
    const outcome = await outcomeOf(job)
    expect(outcome).toEqual({ checked: true, errors: new Map(), checkedFiles: 2 })
    expect(job.answeredByWorker).toBe(1)
  })

  it('says why when the repository has no TypeScript', async () => {
    const dir = makeTempDir('ci-medic-no-typescript-')
    const job = new TypeCheckJob(dir, ['src/calc.ts'], undefined, WORKER)
    const outcome = await outcomeOf(job)
    expect(outcome).toEqual({
      checked: false,
      errors: new Map(),
      why: 'typescript is not installed in the repository'
    })
    expect(job.answeredByWorker).toBe(1)
  })

  it('checks on this thread when the worker cannot start', async () => {
    const { repo } = scenario(STRING_MUL)
    const script = join(makeTempDir('ci-medic-worker-'), 'broken-worker.mjs')
    writeFileSync(script, "throw new Error('no TypeScript here')\n")
    const job = new TypeCheckJob(repo.dir, ['src/calc.ts', 'src/fine.ts'], undefined, script)
    const outcome = await outcomeOf(job)
    expect([...outcome.errors.keys()]).toEqual(['src/area.ts'])
    expect(outcome.checkedFiles).toBe(3)
    expect(job.answeredByWorker).toBe(0)
  })

  it('checks everything again on this thread when the worker stops between questions', async () => {
    const { repo } = scenario(STRING_MUL)
    // Answers the first question with nothing wrong, then exits before the second.
    const script = join(makeTempDir('ci-medic-worker-'), 'stopping-worker.mjs')
    writeFileSync(
      script,
      [
        "import { parentPort } from 'node:worker_threads'",
        'parentPort.on("message", ({ id, step }) => {',
        "  if (step === 'more') process.exit(0)",
        "  parentPort.postMessage({ id, errors: [], surfaced: ['src/calc.ts'] })",
        '})',
        ''
      ].join('\n')
    )
    const job = new TypeCheckJob(repo.dir, ['src/calc.ts', 'src/fine.ts'], undefined, script)
    const outcome = await outcomeOf(job)
    expect([...outcome.errors.keys()]).toEqual(['src/area.ts'])
    expect(job.answeredByWorker).toBe(1)
  })

  it('starts no worker without files to check, and checks on this thread when asked', async () => {
    const { repo } = scenario(STRING_MUL)
    const here = await typeErrorsIn(repo.dir, ['src/calc.ts', 'src/fine.ts'], undefined, baseText, dependents)
    const job = new TypeCheckJob(repo.dir, [], undefined, WORKER)
    expect(await outcomeOf(job)).toEqual(here)
    expect(job.answeredByWorker).toBe(0)
  })
})

describe('select (built CLI) under ts-jest', () => {
  const select = async (repo: TestRepo, base: string): Promise<{ tests: string[]; reasons: object }> => {
    const result = await runCli(['select', '--repo', repo.dir, '--base', base, '--head', 'HEAD', '--json'])
    expect(result.exitCode).toBe(0)
    return JSON.parse(result.stdout)
  }

  it('keeps symbol precision when the check is clean, and runs every loader of a file with a type error', async () => {
    const clean = scenario(FILES['src/calc.ts'].replace('a * b', 'b * a'))
    expect((await select(clean.repo, clean.base)).tests).toEqual(['test/area.test.ts', 'test/calc.test.ts'])
    // area.ts no longer type-checks: perimeter's test loads it, and fails, though it uses no mul.
    const typed = scenario(STRING_MUL)
    const selected = await select(typed.repo, typed.base)
    expect(selected.tests).toEqual(['test/area.test.ts', 'test/calc.test.ts', 'test/perimeter.test.ts'])
    expect(selected.reasons).toMatchObject({
      'test/area.test.ts': ['src/calc.ts#mul', 'src/area.ts#mul', 'src/area.ts#area', 'test/area.test.ts'],
      'test/perimeter.test.ts': ['src/area.ts#<type-check>', 'test/perimeter.test.ts']
    })
  })
})
