/** The job summary of a generation run: gaps, the verdict of every filter for every candidate, the kept tests. */
import { code, codeBlock, details, escapeCell, table } from '../report/markdown.js'
import { lineRanges } from './filters.js'
import type { GenerateReport } from './pipeline.js'
import { FILTERS, type CandidateOutcome, type FilterVerdict } from './types.js'

const MARK: Record<FilterVerdict['status'], string> = { pass: '✅', fail: '❌', skipped: '–' }

const FILTER_TITLES: Record<(typeof FILTERS)[number], string> = {
  'new-file': 'new file',
  builds: 'builds',
  passes: 'passes ×N + suite',
  asserts: 'real assertion',
  covers: 'new coverage',
  'kills-mutants': 'kills mutants',
  'adds-value': 'adds value'
}

function languageOf(path: string): string {
  if (path.endsWith('.py')) return 'python'
  if (/\.[cm]?tsx?$/.test(path)) return 'ts'
  return 'js'
}

function rejection(outcome: CandidateOutcome): string {
  const failed = outcome.verdicts.find(v => v.status === 'fail')
  return failed ? `${failed.filter}: ${failed.detail}` : 'kept'
}

export function keptTable(kept: readonly CandidateOutcome[]): string {
  return table(
    ['Kept test', 'Lines newly covered', 'Mutants killed', 'Runs passed'],
    kept.map(k => [
      code(k.candidate.path),
      `${k.newLines.length} (${lineRanges(k.newLines)})`,
      String(k.killedMutants.length),
      `${k.runsPassed}/${k.runsTotal}`
    ])
  )
}

export interface SummaryExtras {
  deliveryMarkdown?: string
  skippedReason?: string
  isolationRuns: number
}

export function generateSummary(report: GenerateReport | undefined, extras: SummaryExtras): string {
  const parts: string[] = ['## CI Medic: generated tests']
  if (!report) {
    parts.push(`No tests were generated: ${extras.skippedReason ?? 'nothing to do'}.`)
    return parts.join('\n\n')
  }
  const { outcomes, kept, coverage } = report
  parts.push(
    `${outcomes.length} candidate(s) generated, **${kept.length} kept**. Changed executable lines covered: ${coverage.coveredBefore}/${coverage.changed} before, ${coverage.coveredAfter}/${coverage.changed} with the kept tests (+${coverage.deltaPercent}%).`
  )
  if (report.gaps.length) {
    parts.push(
      '### Gaps\n\n' +
        table(
          ['Source', 'Changed symbols without tests', 'Uncovered changed lines', 'Reached by'],
          report.gaps.map(g => [
            code(g.file),
            escapeCell(
              g.symbols
                .map(s => `${s.name} (${s.reason === 'unreached' ? 'no test reaches it' : 'lines not run'})`)
                .join(', ') || '–'
            ),
            lineRanges(g.uncoveredLines) || '–',
            escapeCell(g.reachedBy.join(', ') || 'no test')
          ])
        )
    )
  } else if (report.frameworks.length === 0) {
    parts.push(
      'No changed JavaScript, TypeScript or Python source in a jest, vitest or pytest project; nothing to generate.'
    )
  } else {
    parts.push('Every changed line is already executed by the existing tests; nothing to generate.')
  }
  if (kept.length) parts.push('### Kept tests\n\n' + keptTable(kept))
  if (outcomes.length) {
    parts.push(
      `### Filter verdicts\n\nEach candidate runs the filters in order (passes = ${extras.isolationRuns} isolated runs and one run inside the suite); the first failure rejects it.\n\n` +
        table(
          ['Candidate', 'File', ...FILTERS.map(f => FILTER_TITLES[f]), 'Verdict'],
          outcomes.map(o => [
            o.candidate.id,
            code(o.candidate.path),
            ...FILTERS.map(f => MARK[o.verdicts.find(v => v.filter === f)?.status ?? 'skipped']),
            escapeCell(o.kept ? 'kept' : `rejected — ${rejection(o)}`.slice(0, 400))
          ])
        )
    )
  }
  if (extras.deliveryMarkdown) parts.push(extras.deliveryMarkdown)
  for (const k of kept) {
    parts.push(
      details(
        `${code(k.candidate.path)} (kept)`,
        codeBlock(k.candidate.content, languageOf(k.candidate.path))
      )
    )
  }
  const notes = [...report.notes]
  if (report.stoppedBy) notes.unshift(`stopped early: ${report.stoppedBy} budget spent`)
  if (notes.length) parts.push('### Notes\n\n' + notes.map(n => `- ${escapeCell(n)}`).join('\n'))
  parts.push(
    `Model ${code(report.model)}: ${report.requests} request(s), ${report.inputTokens} input and ${report.outputTokens} output tokens (first request ${report.firstRequestTokens} tokens).`
  )
  return parts.join('\n\n')
}
