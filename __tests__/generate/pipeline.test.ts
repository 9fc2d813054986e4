/**
 * The generator's loop over its ports: the real OpenAI-compatible gateway talking to the loopback
 * fake, the real pytest on the fixture repository. One repair round for rejected candidates, the
 * iteration budget, and a working tree restored even when a stage throws.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { generateTests, type GeneratePorts } from '../../src/generate/pipeline.js'
import { createRunner } from '../../src/generate/frameworks.js'
import { OpenAiGateway } from '../../src/llm/index.js'
import { runProcess } from '../../src/ports/exec.js'
import { Git } from '../../src/ports/git.js'
import { streamLogger } from '../../src/ports/log.js'
import { AuditLog } from '../../src/report/audit.js'
import { selectTests } from '../../src/select/index.js'
import { startFakeOpenAI, type RecordedChatRequest, type ScriptStep } from '../support/fake-openai.js'
import { cleanupAll, makeTempDir } from '../support/git-repo.js'
import { buildFixtureRepo, type FixtureRepo } from './fixture-repo.js'
import { isRepairRequest } from './script.js'

afterAll(() => cleanupAll())

const SETTINGS = {
  isolationRuns: 5,
  maxIterations: 8,
  timeBudgetMs: 300_000,
  tokenBudget: 200_000,
  runTimeoutMs: 60_000
}

function write(...contents: string[]): ScriptStep {
  return {
    content: null,
    toolCalls: contents.map(content => ({ name: 'write_test_file', arguments: { content } }))
  }
}

async function setup(fixture: FixtureRepo, script: (request: RecordedChatRequest) => ScriptStep) {
  const fake = await startFakeOpenAI(script)
  const log = streamLogger(() => undefined)
  const audit = new AuditLog()
  const git = new Git(fixture.repo.dir)
  const ports: GeneratePorts = {
    repoDir: fixture.repo.dir,
    git,
    exec: runProcess,
    gateway: new OpenAiGateway({
      baseUrl: fake.url,
      apiKey: 'sk-test-pipeline-0000000000',
      model: 'gpt-4.1-mini',
      audit,
      log
    }),
    log,
    audit,
    scratchDir: makeTempDir('ci-medic-gen-pipeline-')
  }
  const selection = await selectTests({ git, base: fixture.base, head: fixture.head, log })
  return { fake, ports, audit, input: { base: fixture.base, head: fixture.head, selection } }
}

describe('generateTests', () => {
  it('sends a rejected candidate back once with its verdict and output, and keeps the repaired one', async () => {
    const fixture = buildFixtureRepo('py-pytest')
    const corpus = Object.fromEntries(fixture.corpus.map(c => [c.name, c.content]))
    const { fake, ports, audit, input } = await setup(fixture, request =>
      isRepairRequest(request)
        ? write(corpus['good-boundaries']!)
        : write(corpus.failing!, corpus['good-shortfall']!)
    )
    try {
      const report = await generateTests(ports, input, SETTINGS)
      expect(report.outcomes.map(o => [o.candidate.id, o.kept])).toEqual([
        ['c1', false],
        ['c2', true],
        ['c1r', true]
      ])
      expect(report.outcomes[0]!.verdicts.find(v => v.status === 'fail')!.filter).toBe('passes')
      expect(report.outcomes[2]!.candidate.repairOf).toBe('c1')
      expect(report.requests).toBe(2)
      const repair = JSON.stringify(fake.completions[1]!.body.messages.at(-1))
      expect(repair).toContain('rejected by the \\"passes\\" filter')
      expect(repair).toContain('assert reorder_quantity(1, 2, 3) == 6')
      expect(report.coverage.deltaPercent).toBeGreaterThan(0)
      expect(report.files.map(f => f.path).sort()).toEqual(report.kept.map(k => k.candidate.path).sort())
      expect(audit.entries().filter(e => e.type === 'generate.candidate')).toHaveLength(3)
      expect(fixture.repo.git('status', '--porcelain', '--untracked-files=all')).toBe('')
    } finally {
      await fake.close()
    }
  }, 300_000)

  it('stops at max-iterations: no repair request beyond the budget', async () => {
    const fixture = buildFixtureRepo('py-pytest')
    const failing = fixture.corpus.find(c => c.name === 'failing')!.content
    const { fake, ports, input } = await setup(fixture, () => write(failing))
    try {
      const report = await generateTests(ports, input, { ...SETTINGS, maxIterations: 1 })
      expect(report.requests).toBe(1)
      expect(fake.completions).toHaveLength(1)
      expect(report.stoppedBy).toBe('iterations')
      expect(report.kept).toHaveLength(0)
    } finally {
      await fake.close()
    }
  }, 300_000)

  it('restores the working tree when a stage throws', async () => {
    const fixture = buildFixtureRepo('py-pytest')
    const good = fixture.corpus.find(c => c.name === 'good-shortfall')!.content
    const { fake, ports, input } = await setup(fixture, () => write(good))
    let runs = 0
    ports.runnerFor = framework => {
      const real = createRunner(framework, {
        repoDir: fixture.repo.dir,
        scratchDir: ports.scratchDir,
        exec: runProcess
      })
      return {
        framework: real.framework,
        isolatesFiles: real.isolatesFiles,
        batchesCoverage: real.batchesCoverage,
        run: async request => {
          // The baseline run passes; the next one (a candidate's) finds the candidate written, then fails.
          if (++runs === 2) {
            expect(fixture.repo.git('status', '--porcelain', '--untracked-files=all')).toContain(
              'test_inventory_generated.py'
            )
            throw new Error('the runner crashed')
          }
          return real.run(request)
        }
      }
    }
    try {
      await expect(generateTests(ports, input, SETTINGS)).rejects.toThrow('the runner crashed')
      expect(fixture.repo.git('status', '--porcelain', '--untracked-files=all')).toBe('')
    } finally {
      await fake.close()
    }
  }, 300_000)
})
