/** The fixer's pipeline in-process, with the real gateway, runner, selection and git: for tests and the bench. */
import { OpenAiGateway } from '../../src/llm/gateway.js'
import { Git } from '../../src/ports/git.js'
import { streamLogger } from '../../src/ports/log.js'
import { AuditLog } from '../../src/report/audit.js'
import { runTests } from '../../src/runners/index.js'
import { selectTests } from '../../src/select/index.js'
import { fixFailingTests, type FixOutcome, type FixSettings } from '../../src/fix/fixer.js'
import type { TestReport } from '../../src/runners/types.js'
import type { FixFixture } from './fixture-repo.js'

export const QUIET = streamLogger(() => undefined)

export interface PreparedFix {
  git: Git
  report: TestReport
  selectedFiles: string[]
  selection: Awaited<ReturnType<typeof selectTests>>
  changeDiff: string
  changedFiles: string[]
  runFiles: (files: string[], signal?: AbortSignal) => Promise<TestReport>
}

export async function prepare(fixture: FixFixture): Promise<PreparedFix> {
  const git = new Git(fixture.repo.dir)
  const selection = await selectTests({ git, base: fixture.base, head: fixture.head, log: QUIET })
  const selectedFiles = selection.mode === 'all' ? selection.allTests : selection.tests
  const runFiles = (files: string[], signal?: AbortSignal): Promise<TestReport> =>
    runTests({ repoDir: fixture.repo.dir, files, timeoutMs: 60_000, retries: 0, log: QUIET, signal })
  const report = await runFiles(selectedFiles)
  const changeDiff = await git.run(['diff', fixture.base, fixture.head])
  const changedFiles = (await git.run(['diff', '--name-only', fixture.base, fixture.head]))
    .split('\n')
    .filter(Boolean)
  return { git, report, selectedFiles, selection, changeDiff, changedFiles, runFiles }
}

export const DEFAULT_SETTINGS: FixSettings = {
  maxIterations: 8,
  timeBudgetMs: 120_000,
  tokenBudget: 200_000,
  attempts: 1,
  allowTestEdits: false
}

export async function runFixer(
  fixture: FixFixture,
  prepared: PreparedFix,
  baseUrl: string,
  settings: Partial<FixSettings> = {},
  audit = new AuditLog(),
  endpoint: { apiKey?: string; model?: string; contextBudget?: number } = {}
): Promise<{ outcome: FixOutcome; audit: AuditLog; gateway: OpenAiGateway }> {
  const merged = { ...DEFAULT_SETTINGS, ...settings }
  const gateway = new OpenAiGateway({
    baseUrl,
    apiKey: endpoint.apiKey ?? 'sk-test-fixer-0000000000000000',
    model: endpoint.model ?? 'gpt-4.1-mini',
    contextBudget: endpoint.contextBudget,
    audit,
    log: QUIET,
    timeBudgetMs: merged.timeBudgetMs,
    retry: endpoint.apiKey ? undefined : { baseDelayMs: 50, maxDelayMs: 200 }
  })
  const outcome = await fixFailingTests({
    repoDir: fixture.repo.dir,
    git: prepared.git,
    model: gateway,
    audit,
    log: QUIET,
    report: prepared.report,
    selectedFiles: prepared.selectedFiles,
    runTests: prepared.runFiles,
    changeDiff: prepared.changeDiff,
    changedFiles: prepared.changedFiles,
    selection: prepared.selection,
    settings: merged
  })
  return { outcome, audit, gateway }
}
