/** Runs a fixture's candidate corpus through the real filters (no model): for tests and the bench. */
import { Workspace } from '../../src/agent/workspace.js'
import { createAnalyzer } from '../../src/generate/analysis.js'
import { toCandidates } from '../../src/generate/candidates.js'
import { evaluateCandidates } from '../../src/generate/evaluate.js'
import { createRunner, detectFramework } from '../../src/generate/frameworks.js'
import { findGaps, type GapAnalysis } from '../../src/generate/gaps.js'
import type { CandidateOutcome, GenFramework } from '../../src/generate/types.js'
import { runProcess } from '../../src/ports/exec.js'
import { Git } from '../../src/ports/git.js'
import { streamLogger } from '../../src/ports/log.js'
import { selectTests } from '../../src/select/index.js'
import { makeTempDir } from '../support/git-repo.js'
import { buildFixtureRepo, type FixtureRepo } from './fixture-repo.js'

export interface CorpusRun {
  fixture: FixtureRepo
  framework: GenFramework
  analysis: GapAnalysis
  outcomes: Array<CandidateOutcome & { name: string; label: 'good' | 'bad'; rejectedBy?: string }>
  statusAfter: string
  wallMs: number
}

export async function runCorpus(name: string): Promise<CorpusRun> {
  const fixture = buildFixtureRepo(name)
  const { repo } = fixture
  const git = new Git(repo.dir)
  const log = streamLogger(() => undefined)
  const scratchDir = makeTempDir('ci-medic-gen-scratch-')
  const framework = detectFramework(repo.dir, fixture.source) as GenFramework
  const runner = createRunner(framework, { repoDir: repo.dir, scratchDir, exec: runProcess })
  const analyzer = createAnalyzer({ exec: runProcess, scratchDir })
  const selection = await selectTests({ git, base: fixture.base, head: fixture.head, log })
  const read = (path: string): string | undefined => {
    try {
      return repo.read(path)
    } catch {
      return undefined
    }
  }
  const analysis = await findGaps(
    { git: args => git.run(args), runner, analyzer, read },
    { base: fixture.base, head: fixture.head, selection, framework: () => true }
  )
  const workspace = new Workspace(repo.dir, git)
  await workspace.begin()
  const started = Date.now()
  let outcomes: CandidateOutcome[]
  try {
    const example = analysis.existingTests[0]
    const assigned = new Set<string>()
    const candidates = fixture.corpus.flatMap(entry =>
      toCandidates([{ path: entry.path, content: entry.content }], {
        framework,
        target: fixture.source,
        exampleTest: example,
        idPrefix: entry.name,
        taken: path => read(path) !== undefined || assigned.has(path)
      }).map(candidate => {
        assigned.add(candidate.path)
        return { ...candidate, id: entry.name }
      })
    )
    outcomes = await evaluateCandidates(
      {
        repoDir: repo.dir,
        framework,
        runner,
        analyzer,
        workspace,
        analysis,
        existingFiles: path => read(path) !== undefined
      },
      candidates
    )
  } finally {
    await workspace.restore()
  }
  const wallMs = Date.now() - started
  return {
    fixture,
    framework,
    analysis,
    outcomes: outcomes.map(o => {
      const entry = fixture.corpus.find(e => e.name === o.candidate.id)!
      return { ...o, name: entry.name, label: entry.label, rejectedBy: entry.rejectedBy }
    }),
    statusAfter: repo.git('status', '--porcelain'),
    wallMs
  }
}
