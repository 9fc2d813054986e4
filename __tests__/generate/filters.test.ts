/**
 * The filter stages on a real jest project: mutant schemata (all mutants in one process) find the
 * same kills as applying each mutant on its own, and a spent time budget rejects what is left.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { Workspace } from '../../src/agent/workspace.js'
import { createAnalyzer } from '../../src/generate/analysis.js'
import { evaluateCandidates, type EvaluationSetup } from '../../src/generate/evaluate.js'
import { createRunner } from '../../src/generate/frameworks.js'
import { findGaps } from '../../src/generate/gaps.js'
import type { Candidate, TestRunnerPort } from '../../src/generate/types.js'
import { runProcess } from '../../src/ports/exec.js'
import { Git } from '../../src/ports/git.js'
import { streamLogger } from '../../src/ports/log.js'
import { selectTests } from '../../src/select/index.js'
import { cleanupAll, makeTempDir } from '../support/git-repo.js'
import { buildFixtureRepo } from './fixture-repo.js'

afterAll(() => cleanupAll())

async function prepare() {
  const fixture = buildFixtureRepo('ts-jest')
  const git = new Git(fixture.repo.dir)
  const scratchDir = makeTempDir('ci-medic-gen-filters-')
  const runner = createRunner('jest', { repoDir: fixture.repo.dir, scratchDir, exec: runProcess })
  const analyzer = createAnalyzer({ exec: runProcess, scratchDir })
  const selection = await selectTests({
    git,
    base: fixture.base,
    head: fixture.head,
    log: streamLogger(() => undefined)
  })
  const analysis = await findGaps(
    { git: args => git.run(args), runner, analyzer, read: path => fixture.repo.read(path) },
    { base: fixture.base, head: fixture.head, selection, framework: () => true }
  )
  const candidate = (name: string, path: string): Candidate => ({
    id: name,
    path,
    content: fixture.corpus.find(c => c.name === name)!.content,
    target: 'src/pricing.ts'
  })
  const evaluate = async (
    runnerPort: TestRunnerPort,
    candidates: Candidate[],
    extra: Partial<EvaluationSetup> = {}
  ) => {
    const workspace = new Workspace(fixture.repo.dir, git)
    await workspace.begin()
    try {
      return await evaluateCandidates(
        {
          repoDir: fixture.repo.dir,
          framework: 'jest',
          runner: runnerPort,
          analyzer,
          workspace,
          analysis,
          existingFiles: () => false,
          ...extra
        },
        candidates
      )
    } finally {
      await workspace.restore()
    }
  }
  return { fixture, runner, analysis, candidate, evaluate }
}

describe('filters on a jest project', () => {
  it('kills the same mutants with schemata in one process as with one mutant at a time', async () => {
    const { fixture, runner, analysis, candidate, evaluate } = await prepare()
    expect(analysis.existingTests).toEqual(['src/pricing.test.ts'])
    const good = [candidate('good-boundaries', 'src/pricing.generated.test.ts')]
    const batched = await evaluate(runner, good)
    // The same runner without the schemata entry point: every mutant is written and run on its own.
    const oneByOne = await evaluate(
      {
        framework: runner.framework,
        isolatesFiles: runner.isolatesFiles,
        batchesCoverage: runner.batchesCoverage,
        run: request => runner.run(request)
      },
      good
    )
    expect(batched[0]!.kept).toBe(true)
    expect(batched[0]!.killedMutants.length).toBeGreaterThan(3)
    expect(oneByOne[0]!.killedMutants).toEqual(batched[0]!.killedMutants)
    expect(fixture.repo.git('status', '--porcelain', '--untracked-files=all')).toBe('')
    expect(fixture.repo.read('src/pricing.ts')).not.toContain('__ciMedicMutant')
  }, 300_000)

  it('rejects what is left when the time budget is spent, naming the budget', async () => {
    const { candidate, evaluate, runner } = await prepare()
    let checks = 0
    const outcomes = await evaluate(runner, [candidate('good-rates', 'src/pricing.generated.test.ts')], {
      shouldStop: () => (++checks > 1 ? 'time budget of 60 s spent' : undefined)
    })
    const failed = outcomes[0]!.verdicts.find(v => v.status === 'fail')!
    expect(failed).toMatchObject({ filter: 'passes', detail: 'time budget of 60 s spent' })
    expect(outcomes[0]!.kept).toBe(false)
  }, 300_000)
})
