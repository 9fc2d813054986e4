import { selectChange } from '../select/cached.js'
import { changeOptions, detectChanges } from '../changes/index.js'
import type { CommandContext, CommandResult } from '../commands/types.js'
import { deliverChange } from '../deliver/index.js'
import { ConfigurationError, errorMessage, isConfigurationError } from '../errors.js'
import { createLlmGateway, createRunAudit, type LlmGateway } from '../llm/index.js'
import { Git } from '../ports/git.js'
import { renderAuditSummary, uploadAuditArtifact, type AuditLog } from '../report/audit.js'
import { safeWord } from '../report/outputs.js'
import { runTests } from '../runners/index.js'
import type { TestReport } from '../runners/types.js'
import type { Selection } from '../select/types.js'
import { fixFailingTests, type FixOutcome } from './fixer.js'
import { failingTests } from './localize.js'
import { fixSummary, type FixStatus } from './summary.js'

/** What the `ci` command (or another caller) already knows, so nothing runs twice. */
export interface FixInputs {
  /** The test run with failures; run here when not given. */
  report?: TestReport
  selection?: Selection & { reach?: Record<string, string[]> }
  selectedFiles?: string[]
  base?: string
  head?: string
  changedFiles?: string[]
  /** The run's audit log (`ci` shares one); standalone, the command makes, uploads and renders its own. */
  audit?: AuditLog
  /** The run's gateway, when the caller already made one (so totals and the audit are not split). */
  gateway?: LlmGateway
}

export interface FixRunResult {
  status: FixStatus
  outcome?: FixOutcome
  result: CommandResult
}

const MAX_CHANGE_DIFF_CHARS = 40_000

/**
 * The `fix` command's work, reusable by `ci`: find the failing tests (running the selected tests
 * when no report is given), run the fixer when an LLM may be used, deliver a validated fix by
 * autonomy, and report. The working tree is left as it was.
 */
export async function runFix(context: CommandContext, known: FixInputs = {}): Promise<FixRunResult> {
  const { inputs, log, repoDir } = context
  const git = new Git(repoDir)
  const audit = known.audit ?? createRunAudit(context)
  // Read before anything runs, so a bad `paths.deny` is reported at once.
  const deny = pathDenyList(context.config)

  let base = known.base
  let head = known.head
  let changedFiles = known.changedFiles
  if (!base || !head) {
    try {
      const changes = await log.group('Changes', () => detectChanges(changeOptions(context, git)))
      base = changes.base
      head = changes.head
      changedFiles = changes.files.map(f => f.path)
    } catch (error) {
      if (!isConfigurationError(error)) throw error
      log.warning(`No change range (${errorMessage(error)}); fixing without the change's diff.`)
      head = (await git.run(['rev-parse', 'HEAD'])).trim()
    }
  }

  let selection = known.selection
  let selectedFiles = known.selectedFiles
  if (!selectedFiles) {
    if (inputs.files.length) selectedFiles = inputs.files
    else if (base && head && !selection) {
      try {
        const selected = await selectChange(context, git, base, head)
        selection = selected
        selectedFiles = selected.mode === 'all' ? selected.allTests : selected.tests
      } catch (error) {
        if (isConfigurationError(error)) throw error
        log.warning(`Test selection failed (${errorMessage(error)}); running every test.`)
      }
    } else if (selection) selectedFiles = selection.tests
  }

  const runFiles = async (files: string[] | undefined, signal?: AbortSignal): Promise<TestReport> =>
    runTests({
      repoDir,
      files,
      testCommand: inputs.testCommand,
      timeoutMs: inputs.testTimeout,
      retries: 0,
      log,
      signal
    })

  const report =
    known.report ??
    (await log.group('Tests', () =>
      runTests({
        repoDir,
        files: selectedFiles,
        testCommand: inputs.testCommand,
        timeoutMs: inputs.testTimeout,
        retries: inputs.retries,
        log
      })
    ))
  selectedFiles ??= report.files.map(f => f.file)
  const failures = failingTests(report, repoDir)

  const publishAudit = async (summary: string): Promise<string> => {
    // Standalone, the audit trail is this command's to publish (`ci` publishes its own, shared one).
    if (known.audit) return summary
    const artifactName = await uploadAuditArtifact(audit, { env: context.env, log })
    return `${summary}\n\n${renderAuditSummary(audit.entries(), { artifactName })}`
  }
  const finish = async (
    status: FixStatus,
    body: string,
    outcome?: FixOutcome,
    failure?: string
  ): Promise<FixRunResult> => ({
    status,
    outcome,
    result: {
      summary: await publishAudit(body),
      outputs: { 'fix-status': safeWord(status), failed: safeWord(failures.length) },
      json: {
        status,
        failures: failures.map(f => ({ file: f.file, name: f.name })),
        patch: outcome?.best?.patch ?? null,
        rootCause: outcome?.best?.rootCause ?? null,
        explanation: outcome?.best?.explanation ?? outcome?.reason ?? null,
        iterations: outcome?.iterations ?? 0,
        tokens: outcome
          ? {
              input: outcome.inputTokens,
              output: outcome.outputTokens,
              firstRequest: outcome.firstRequestTokens
            }
          : null,
        model: outcome?.model ?? null
      },
      text: `fix: ${status}${outcome?.reason ? ` — ${outcome.reason}` : ''}${outcome?.best ? `\n${outcome.best.patch}` : ''}`,
      failure
    }
  })

  if (failures.length === 0) {
    audit.record({ type: 'fix.decision', status: 'not-needed' })
    return finish(
      'not-needed',
      fixSummary({ status: 'not-needed', before: report.totals, audit: audit.entries() })
    )
  }

  const choice = known.gateway ? { gateway: known.gateway } : createLlmGateway(context, audit)
  if (!choice.gateway) {
    const reason = choice.disabledReason ?? 'No LLM is available.'
    audit.record({ type: 'fix.decision', status: 'skipped', reason })
    const failure = `${failures.length} test(s) fail; the fixer did not run: ${reason}`
    return finish(
      'skipped',
      fixSummary({ status: 'skipped', skippedReason: reason, audit: audit.entries() }),
      undefined,
      failure
    )
  }

  let changeDiff = ''
  if (base && head) {
    const diff = await git.tryRun([
      'diff',
      '--no-color',
      '--no-ext-diff',
      '-U3',
      base,
      head,
      '--',
      '.',
      ':(exclude,glob)**/*.lock',
      ':(exclude,glob)**/package-lock.json'
    ])
    changeDiff = diff.exitCode === 0 ? diff.stdout.slice(0, MAX_CHANGE_DIFF_CHARS) : ''
  }
  const pr = context.event.payload?.pull_request
  const outcome = await log.group('Fix', () =>
    fixFailingTests({
      repoDir,
      git,
      model: choice.gateway!,
      audit,
      log,
      report,
      selectedFiles: selectedFiles!,
      runTests: runFiles,
      changeDiff,
      changedFiles,
      selection,
      pullRequest: pr ? { title: String(pr.title ?? ''), body: String(pr.body ?? '') } : undefined,
      settings: {
        maxIterations: inputs.maxIterations,
        timeBudgetMs: inputs.timeBudget,
        tokenBudget: inputs.tokenBudget,
        attempts: inputs.attempts,
        allowTestEdits: inputs.allowTestEdits,
        validateCommand: inputs.validateCommand,
        configFile: inputs.configFile,
        deny
      }
    })
  )

  if (outcome.status !== 'fixed' || !outcome.best) {
    const summary = fixSummary({
      status: 'not-fixed',
      outcome,
      before: report.totals,
      audit: audit.entries()
    })
    return finish(
      'not-fixed',
      summary,
      outcome,
      `${failures.length} test(s) fail and no validated fix was found: ${outcome.reason ?? 'see the job summary'}`
    )
  }

  const best = outcome.best
  const delivery = await log.group('Deliver', async () => {
    let github
    try {
      github = inputs.githubToken ? await context.github() : undefined
    } catch {
      github = undefined
    }
    return deliverChange({
      autonomy: inputs.autonomy,
      kind: 'fix',
      repoDir,
      git,
      github,
      event: context.event,
      headSha: head!,
      patch: best.patch,
      files: best.files.map(f => ({ path: f.path, content: f.after })),
      title: `Fix failing tests: ${best.rootCause.split('\n')[0]!.slice(0, 60) || 'CI Medic fix'}`,
      body: `**Root cause:** ${best.rootCause}\n\n**Fix:** ${best.explanation}`,
      log,
      audit
    })
  })
  const deliveryLine = delivery.markdown.split('\n\n')[0]
  const summary = fixSummary({
    status: 'fixed',
    outcome,
    before: report.totals,
    audit: audit.entries(),
    deliveryMarkdown: deliveryLine
  })
  const failure = inputs.failOnFixed
    ? `${failures.length} test(s) failed; a validated fix was found (${delivery.mode}).`
    : undefined
  return finish('fixed', summary, outcome, failure)
}

/** The config file's `paths.deny` globs (a list), if any. */
export function pathDenyList(config: Record<string, unknown>): string[] {
  const paths = config.paths
  if (paths === undefined || paths === null) return []
  const example = 'paths:\n  deny: ["migrations/**", "src/generated/**"]'
  if (typeof paths !== 'object' || Array.isArray(paths)) {
    throw new ConfigurationError(`Config key "paths" must be a mapping. Example:\n${example}`, 'paths')
  }
  const deny = (paths as Record<string, unknown>).deny
  if (deny === undefined || deny === null) return []
  if (!Array.isArray(deny) || deny.some(glob => typeof glob !== 'string' || glob.trim() === '')) {
    throw new ConfigurationError(
      `Config key "paths.deny" must be a list of globs. Example:\n${example}`,
      'paths.deny'
    )
  }
  return deny.map(glob => glob.trim())
}
