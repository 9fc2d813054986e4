import { selectChange } from '../select/cached.js'
import { changeOptions, detectChanges } from '../changes/index.js'
import { selectionPathGraph } from '../ci/graph.js'
import { plural, renderCiSummary, type StageSection } from '../ci/summary.js'
import { errorMessage, isConfigurationError } from '../errors.js'
import { runFix, type FixRunResult } from '../fix/run.js'
import { runGenerate, type GenerateRunResult } from '../generate/run.js'
import { createLlmGateway, createRunAudit, runRedactor, type LlmGatewayChoice } from '../llm/index.js'
import { Git } from '../ports/git.js'
import { renderAuditSummary, uploadAuditArtifact, type AuditLog } from '../report/audit.js'
import { safeJson, safeWord } from '../report/outputs.js'
import type { TestRunReport } from '../runners/types.js'
import { scanKindOf, type SelectResult } from '../select/index.js'
import { selectionJson, selectSummary, selectText } from './select.js'
import { annotationsFor, countingFailures, renderSummary, renderText, runTestStage } from './test.js'
import type { Command, CommandContext, CommandResult } from './types.js'

const AUTONOMY_WORDS: Record<string, string> = {
  shadow: 'shown in this summary (shadow mode)',
  report: 'shown in this summary (delivery was not allowed)',
  suggest: 'delivered as review suggestions',
  pr: 'delivered as a pull request',
  commit: 'pushed to the branch'
}

const NO_LLM_NOTE =
  '> [!NOTE]\n> No LLM endpoint is configured, so CI Medic selected and ran the tests only. ' +
  'With one — GitHub Models through the workflow token (`permissions: models: read`), or any OpenAI-compatible ' +
  'endpoint (`llm-base-url`, `llm-model`, `llm-api-key`) — it would also propose a fix for new failures, validated ' +
  'by rerunning the tests, and write tests for changed code no test covers.'

interface Stages {
  selection: SelectResult
  report?: TestRunReport
  reportPath?: string
  fix?: FixRunResult
  generate?: GenerateRunResult
  /** A stage that stopped with an internal error: the others still report. */
  errors: { fix?: string; generate?: string }
  llm: LlmGatewayChoice
  audit: AuditLog
}

/** The mode of the delivery the fixer recorded in the audit log (`shadow`, `suggest`, `pr`, `commit`, `report`). */
function deliveryMode(audit: AuditLog): string | undefined {
  const entry = [...audit.entries()].reverse().find(e => e.type === 'deliver' && e.kind === 'fix')
  return entry ? String(entry.mode) : undefined
}

async function runStages(context: CommandContext): Promise<Stages> {
  const { log, repoDir } = context
  const git = new Git(repoDir)
  const audit = createRunAudit(context, 'audit-ci')
  // Decided once, before any test runs, so inconsistent LLM inputs fail fast.
  const llm = createLlmGateway(context, audit)

  const changes = await log.group('Change detection', () => detectChanges(changeOptions(context, git)))
  const base = changes.baseKind === 'empty-tree' ? undefined : changes.base
  const selection = await selectChange(context, git, base, changes.head)
  const stages: Stages = { selection, llm, audit, errors: {} }
  const redactor = runRedactor(context)

  if (selection.mode !== 'none') {
    const files = selection.mode === 'all' ? undefined : selection.tests
    const { report, reportPath } = await runTestStage(context, files, async () => base)
    stages.reportPath = reportPath
    stages.report = report

    if (countingFailures(report).length > 0 && llm.gateway) {
      try {
        stages.fix = await runFix(context, {
          report,
          selection,
          selectedFiles: files ?? report.files.map(f => f.file),
          base,
          head: changes.head,
          changedFiles: changes.files.map(f => f.path),
          audit,
          gateway: llm.gateway
        })
      } catch (error) {
        if (isConfigurationError(error)) throw error
        stages.errors.fix = redactor.clean(errorMessage(error))
        log.error(`The fixer stopped: ${stages.errors.fix}`)
      }
    }
  }

  const green = !stages.report || countingFailures(stages.report).length === 0
  if (green && changedSourceOf(selection) && llm.gateway) {
    try {
      stages.generate = await runGenerate(context, {
        base,
        head: changes.head,
        selection,
        audit,
        gateway: llm.gateway
      })
    } catch (error) {
      if (isConfigurationError(error)) throw error
      stages.errors.generate = redactor.clean(errorMessage(error))
      log.warning(`Test generation stopped: ${stages.errors.generate}`)
    }
  }
  return stages
}

/** Changed code (not tests) the generator could write tests for. */
function changedSourceOf(selection: SelectResult): boolean {
  return selection.changed.some(c => scanKindOf(c.file) !== undefined && !selection.allTests.includes(c.file))
}

function isNoEndpoint(llm: LlmGatewayChoice): boolean {
  return !llm.gateway && (llm.disabledReason ?? '').startsWith('No LLM endpoint')
}

function shortLlmReason(llm: LlmGatewayChoice): string {
  if (isNoEndpoint(llm)) return 'skipped: no LLM endpoint configured'
  return `skipped: ${(llm.disabledReason ?? 'no LLM for this run').split(/(?<=\.)\s/)[0]}`
}

function selectOutcome(selection: SelectResult): string {
  if (selection.mode === 'none') return 'no test file can be affected by this change'
  if (selection.mode === 'all')
    return `all ${plural(selection.allTests.length, 'test file')}: ${selection.fallback ?? 'fallback'}`
  return `${selection.tests.length} of ${plural(selection.allTests.length, 'test file')} selected`
}

function verdictOf(stages: Stages, failOnFixed: boolean): { verdict: string; failure?: string } {
  const { selection, report, fix } = stages
  if (!report) {
    return { verdict: `✅ Nothing to test: ${selectOutcome(selection)}` }
  }
  const counting = countingFailures(report)
  const newWord = report.baseline ? 'new ' : ''
  if (counting.length === 0) {
    const what =
      selection.mode === 'all'
        ? `${plural(report.totals.passed, 'test')} passed (all tests ran)`
        : `${plural(report.totals.passed, 'selected test')} passed`
    const extra = report.baseline?.alreadyFailing
      ? ` (${report.baseline.alreadyFailing} already failing on base)`
      : ''
    return { verdict: `✅ ${what}${extra}` }
  }
  const failures = plural(counting.length, `${newWord}failure`)
  if (fix?.status === 'fixed') {
    const mode = deliveryMode(stages.audit) ?? 'report'
    const delivered = mode !== 'report'
    const how = AUTONOMY_WORDS[mode] ?? `delivered (${mode})`
    if (delivered && !failOnFixed) {
      return {
        verdict: `✅ ${failures} with a validated fix — ${how}; passing because fail-on-fixed is false`
      }
    }
    return {
      verdict: `❌ ${failures} — a validated fix was ${how}`,
      failure: `${failures}; a validated fix was ${how}.${delivered ? ' Set fail-on-fixed: false to pass the step when a fix is delivered.' : ''}`
    }
  }
  if (stages.errors.fix) {
    return {
      verdict: `❌ ${failures} — the fixer stopped with an error`,
      failure: `${failures}; the fixer stopped with an error: ${stages.errors.fix}`
    }
  }
  if (fix) {
    return {
      verdict: `❌ ${failures} — no validated fix was found`,
      failure: `${failures}, and no validated fix was found. See the job summary.`
    }
  }
  const why = stages.llm.gateway
    ? ''
    : isNoEndpoint(stages.llm)
      ? ' — no LLM endpoint configured, so no fix was attempted'
      : ' — the fixer did not run (no LLM for this run)'
  return { verdict: `❌ ${failures}${why}`, failure: `${failures}. See the job summary.` }
}

function sections(stages: Stages): StageSection[] {
  const { selection, report, fix, generate, llm } = stages
  const graph = selection.mode === 'selected' ? selectionPathGraph(selection.tests, selection.reasons) : ''
  const list: StageSection[] = [
    {
      name: 'Select',
      state: 'done',
      outcome: selectOutcome(selection),
      body: (graph ? `How the change reaches the tests:\n\n${graph}\n\n` : '') + selectSummary(selection, [])
    }
  ]
  if (report) {
    const counting = countingFailures(report)
    const annotated = annotationsFor(report).length
    list.push({
      name: 'Run',
      state: counting.length ? 'failed' : 'passed',
      outcome: `${report.totals.passed} passed, ${report.totals.failed} failed${report.totals.flaky ? `, ${report.totals.flaky} flaky` : ''}${report.baseline ? ` (${report.baseline.newFailures} new)` : ''}`,
      body: renderSummary(report, annotated),
      open: counting.length > 0 && fix?.status !== 'fixed'
    })
    if (counting.length > 0) {
      if (fix) {
        list.push({
          name: 'Fix',
          state: fix.status === 'fixed' ? 'fixed' : 'failed',
          outcome: fix.status === 'fixed' ? 'a validated fix (tests green with it)' : 'no validated fix',
          body: fix.result.summary,
          open: true
        })
      } else if (stages.errors.fix) {
        list.push({
          name: 'Fix',
          state: 'failed',
          outcome: 'stopped with an error',
          body: `The fixer stopped with an error; the test results above stand.\n\n\`\`\`text\n${stages.errors.fix.replace(/```/g, "'''")}\n\`\`\``,
          open: true
        })
      } else {
        list.push({
          name: 'Fix',
          state: 'skipped',
          outcome: shortLlmReason(llm),
          body: llm.disabledReason ?? 'The fixer did not run.'
        })
      }
    }
  }
  if (generate) {
    const kept = generate.report?.kept.length ?? 0
    list.push({
      name: 'Generate',
      state: generate.report ? 'done' : 'skipped',
      outcome: generate.report
        ? `${generate.report.outcomes.length} candidate(s), ${kept} kept, +${generate.report.coverage.deltaPercent}% changed lines covered`
        : 'skipped',
      body: generate.result.summary
    })
  } else if (stages.errors.generate) {
    list.push({
      name: 'Generate',
      state: 'failed',
      outcome: 'stopped with an error (the step is not failed for it)',
      body: `Test generation stopped with an error:\n\n\`\`\`text\n${stages.errors.generate.replace(/```/g, "'''")}\n\`\`\``
    })
  } else if (
    !llm.gateway &&
    changedSourceOf(selection) &&
    (!report || countingFailures(report).length === 0)
  ) {
    list.push({
      name: 'Generate',
      state: 'skipped',
      outcome: shortLlmReason(llm),
      body: llm.disabledReason ?? 'No LLM endpoint.'
    })
  }
  return list
}

function outputsOf(stages: Stages): Record<string, string> {
  const { selection, report, fix, generate } = stages
  const outputs: Record<string, string> = {
    tests: safeJson(selection.tests),
    count: safeWord(selection.tests.length),
    mode: safeWord(selection.mode),
    passed: safeWord(report?.totals.passed ?? 0),
    failed: safeWord(report ? (report.baseline ? report.baseline.newFailures : report.totals.failed) : 0),
    flaky: safeWord(report?.totals.flaky ?? 0),
    'fix-status': safeWord(
      fix?.status ??
        (stages.errors.fix
          ? 'not-fixed'
          : report && countingFailures(report).length
            ? 'skipped'
            : 'not-needed')
    ),
    generated: safeWord(generate?.report?.outcomes.length ?? 0),
    kept: safeWord(generate?.report?.kept.length ?? 0),
    'coverage-delta': safeWord(generate?.report?.coverage.deltaPercent ?? 0)
  }
  if (stages.reportPath) outputs.report = safeWord(stages.reportPath)
  if (generate?.result.outputs['generated-tests'])
    outputs['generated-tests'] = generate.result.outputs['generated-tests']
  return outputs
}

function textOf(stages: Stages, verdict: string): string {
  const parts = [verdict, '', '— select —', selectText(stages.selection)]
  if (stages.report) parts.push('', '— test —', renderText(stages.report))
  if (stages.fix) parts.push('', '— fix —', stages.fix.result.text)
  else if (stages.errors.fix) parts.push('', '— fix —', `fix: stopped with an error — ${stages.errors.fix}`)
  else if (stages.report && countingFailures(stages.report).length)
    parts.push('', '— fix —', `fix: skipped — ${stages.llm.disabledReason ?? 'not run'}`)
  if (stages.generate) parts.push('', '— generate —', stages.generate.result.text)
  else if (stages.errors.generate)
    parts.push('', '— generate —', `generate: stopped with an error — ${stages.errors.generate}`)
  return parts.join('\n')
}

/** `ci`: select → run the selected tests → fix new failures → generate tests for uncovered changed code, in one summary. */
export const ciCommand: Command = async (context): Promise<CommandResult> => {
  const stages = await runStages(context)
  const { verdict, failure } = verdictOf(stages, context.inputs.failOnFixed)
  const folds = sections(stages)
  if (stages.fix || stages.generate || stages.errors.fix || stages.errors.generate) {
    const artifact = await uploadAuditArtifact(stages.audit, { env: context.env, log: context.log })
    folds.push({
      name: 'Audit',
      state: 'done',
      outcome: artifact
        ? `what the model read, changed and cost — artifact ${artifact}`
        : 'what the model read, changed and cost',
      body: renderAuditSummary(stages.audit.entries(), { title: 'Audit log', artifactName: artifact })
    })
  }
  const notes: string[] = []
  if (!stages.llm.gateway) {
    notes.push(
      isNoEndpoint(stages.llm)
        ? NO_LLM_NOTE
        : `> [!NOTE]\n> No LLM for this run: ${stages.llm.disabledReason ?? 'unavailable'}`
    )
  }
  context.log.info(verdict)
  return {
    outputs: outputsOf(stages),
    summary: renderCiSummary({ verdict, notes, stages: folds }),
    json: {
      verdict,
      passed: failure === undefined,
      selection: selectionJson(stages.selection),
      tests: stages.report ?? null,
      fix: stages.fix?.result.json ?? null,
      generate: stages.generate?.result.json ?? null,
      llm: stages.llm.gateway
        ? { provider: stages.llm.provider, model: stages.llm.gateway.model }
        : { disabled: stages.llm.disabledReason ?? null }
    },
    text: textOf(stages, verdict),
    annotations: stages.report ? annotationsFor(stages.report) : [],
    ...(failure ? { failure } : {})
  }
}
