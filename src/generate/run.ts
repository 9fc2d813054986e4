/** The `generate` command's work, reusable by `ci`: changes → selection → generation → delivery → report. */
import { selectChange } from '../select/cached.js'
import { join } from 'node:path'
import { unifiedPatch } from '../agent/diff.js'
import { changeOptions, detectChanges } from '../changes/index.js'
import type { CommandContext, CommandResult } from '../commands/types.js'
import { deliverChange, type DeliveryResult } from '../deliver/index.js'
import { pathDenyList } from '../fix/run.js'
import { createLlmGateway, createRunAudit } from '../llm/index.js'
import type { LlmGateway } from '../llm/types.js'
import { runProcess } from '../ports/exec.js'
import { Git } from '../ports/git.js'
import { AuditLog, renderAuditSummary, uploadAuditArtifact } from '../report/audit.js'
import { safeJson, safeWord } from '../report/outputs.js'
import type { SelectResult } from '../select/index.js'
import { lineRanges } from './filters.js'
import { generateTests, type GenerateReport } from './pipeline.js'
import { generateSummary, keptTable } from './summary.js'

/** Isolated runs a candidate must pass (plus one inside the suite). */
export const ISOLATION_RUNS = 5

export interface GenerateInputs {
  base?: string
  head?: string
  selection?: SelectResult
  audit?: AuditLog
  /** The run's gateway, when the caller already made one (so totals and the audit are not split). */
  gateway?: LlmGateway
}

export interface GenerateRunResult {
  report?: GenerateReport
  delivery?: DeliveryResult
  result: CommandResult
}

function outputs(report: GenerateReport | undefined): Record<string, string> {
  return {
    generated: safeWord(report?.outcomes.length ?? 0),
    kept: safeWord(report?.kept.length ?? 0),
    'coverage-delta': safeWord(report?.coverage.deltaPercent ?? 0),
    'generated-tests': safeJson(report?.kept.map(k => k.candidate.path) ?? [])
  }
}

function toJson(
  report: GenerateReport | undefined,
  delivery: DeliveryResult | undefined,
  skippedReason?: string
): unknown {
  if (!report)
    return { status: 'skipped', reason: skippedReason ?? null, generated: 0, kept: 0, candidates: [] }
  return {
    status: 'done',
    generated: report.outcomes.length,
    kept: report.kept.length,
    coverage: report.coverage,
    gaps: report.gaps,
    candidates: report.outcomes.map(o => ({
      id: o.candidate.id,
      path: o.candidate.path,
      repairOf: o.candidate.repairOf ?? null,
      kept: o.kept,
      verdicts: o.verdicts,
      newLines: o.newLines,
      killedMutants: o.killedMutants,
      runs: { passed: o.runsPassed, total: o.runsTotal },
      filterMs: o.filterMs
    })),
    requests: report.requests,
    tokens: {
      input: report.inputTokens,
      output: report.outputTokens,
      firstRequest: report.firstRequestTokens
    },
    model: report.model,
    stoppedBy: report.stoppedBy ?? null,
    delivery: delivery
      ? { mode: delivery.mode, url: delivery.url ?? null, skippedReason: delivery.skippedReason ?? null }
      : null
  }
}

function toText(report: GenerateReport | undefined, skippedReason?: string): string {
  if (!report) return `generate: skipped — ${skippedReason ?? 'nothing to do'}`
  const lines = [
    `generate: ${report.outcomes.length} candidate(s), ${report.kept.length} kept, coverage +${report.coverage.deltaPercent}%`
  ]
  for (const o of report.outcomes) {
    const failed = o.verdicts.find(v => v.status === 'fail')
    lines.push(
      `  ${o.kept ? 'KEPT    ' : 'rejected'} ${o.candidate.id.padEnd(6)} ${o.candidate.path}${failed ? `  [${failed.filter}] ${failed.detail.split('\n')[0]}` : `  lines ${lineRanges(o.newLines)}, ${o.killedMutants.length} mutant(s) killed, ${o.runsPassed}/${o.runsTotal} runs`}`
    )
  }
  return lines.join('\n')
}

export async function runGenerate(
  context: CommandContext,
  known: GenerateInputs = {}
): Promise<GenerateRunResult> {
  const { inputs, log, repoDir } = context
  const git = new Git(repoDir)
  const audit = known.audit ?? createRunAudit(context)
  const skipped = (reason: string): GenerateRunResult => {
    audit.record({ type: 'generate.decision', status: 'skipped', reason })
    return {
      result: {
        outputs: outputs(undefined),
        summary: generateSummary(undefined, { skippedReason: reason, isolationRuns: ISOLATION_RUNS }),
        json: toJson(undefined, undefined, reason),
        text: toText(undefined, reason)
      }
    }
  }

  let base = known.base
  let head = known.head
  if (!base || !head) {
    const changes = await log.group('Changes', () => detectChanges(changeOptions(context, git)))
    base = changes.base
    head = changes.head
  }
  const selection = known.selection ?? (await selectChange(context, git, base, head!))
  if (selection.changed.length === 0) return skipped('the change has no semantic change to test')

  const choice = known.gateway ? { gateway: known.gateway } : createLlmGateway(context, audit)
  if (!choice.gateway) return skipped(choice.disabledReason ?? 'no LLM is available')

  const report = await generateTests(
    {
      repoDir,
      git,
      exec: runProcess,
      gateway: choice.gateway,
      log,
      audit,
      scratchDir: join(context.workDir, 'generate')
    },
    { base, head: head!, selection },
    {
      isolationRuns: ISOLATION_RUNS,
      maxIterations: inputs.maxIterations,
      timeBudgetMs: inputs.timeBudget,
      tokenBudget: inputs.tokenBudget,
      runTimeoutMs: Math.min(inputs.testTimeout, 10 * 60_000),
      configFile: inputs.configFile,
      deny: pathDenyList(context.config)
    }
  )

  let delivery: DeliveryResult | undefined
  if (report.kept.length > 0) {
    delivery = await log.group('Deliver', async () => {
      let github
      try {
        github = inputs.githubToken ? await context.github() : undefined
      } catch {
        github = undefined
      }
      const sources = [...new Set(report.kept.map(k => k.candidate.target))]
      return deliverChange({
        autonomy: inputs.autonomy,
        kind: 'tests',
        repoDir,
        git,
        github,
        event: context.event,
        headSha: head!,
        patch: unifiedPatch(report.files.map(f => ({ path: f.path, before: undefined, after: f.content }))),
        files: report.files,
        title: `Add tests for ${sources.join(', ').slice(0, 60)}`,
        body: [
          `CI Medic generated ${report.outcomes.length} candidate test file(s) for changed code no test exercised and kept the ${report.kept.length} that passed every filter: they pass ${ISOLATION_RUNS} isolated runs and a run inside the suite, assert on the code under test, execute changed lines no test executed before, and fail when that code is mutated.`,
          keptTable(report.kept),
          `Changed lines covered: ${report.coverage.coveredBefore}/${report.coverage.changed} → ${report.coverage.coveredAfter}/${report.coverage.changed} (+${report.coverage.deltaPercent}%).`
        ].join('\n\n'),
        log,
        audit
      })
    })
  }
  let summary = generateSummary(report, {
    isolationRuns: ISOLATION_RUNS,
    deliveryMarkdown: delivery?.markdown.split('\n\n')[0]
  })
  if (!known.audit) {
    // Standalone: the audit trail is this command's to publish (`ci` publishes its own, shared one).
    const artifactName = await uploadAuditArtifact(audit, { env: context.env, log })
    summary += `\n\n${renderAuditSummary(audit.entries(), { artifactName })}`
  }
  return {
    report,
    delivery,
    result: { outputs: outputs(report), summary, json: toJson(report, delivery), text: toText(report) }
  }
}
