import { code, codeBlock, details, escapeCell, table, truncate } from '../report/markdown.js'
import type { DeploymentInfo } from './deployments.js'
import type { RootCause } from './root-cause.js'
import type { RollbackOutcome } from './rollback.js'
import type { Suspect } from './suspects.js'
import type { ProbeTally, Sample, Trip, Verdict } from './verdict.js'
import { ms } from './verdict.js'

export interface TimelineEvent {
  at: number
  label: string
}

export interface GuardReport {
  environment?: string
  deployment?: DeploymentInfo
  lastGood?: DeploymentInfo
  verdict: Verdict
  trip?: Trip
  /** What the guard did about it, in one sentence. */
  outcome: string
  rolledBack: boolean
  escalated: boolean
  rollback?: RollbackOutcome
  verify?: { verdict: Verdict; trip?: Trip; tallies: ProbeTally[] }
  timeline: TimelineEvent[]
  probes: Array<{ name: string; target: string }>
  tallies: ProbeTally[]
  samples: Sample[]
  logs?: { command: string; tail: string; exitCode: number | null }
  suspects: Suspect[]
  suspectsNote?: string
  rootCause?: RootCause
  rootCauseNote?: string
  runUrl?: string
}

export { COMMENT_LIMIT } from '../deliver/comments.js'
export const SUMMARY_LIMIT = 1024 * 1024 - 4096

const ICON: Record<Verdict, string> = { healthy: '✅', unhealthy: '❌', inconclusive: '⚠️' }

function clock(at: number): string {
  return new Date(at).toISOString().slice(11, 23)
}

/** A Mermaid timeline of the guard's story, with times relative to the deploy being ready. */
export function mermaidTimeline(events: readonly TimelineEvent[]): string {
  if (events.length === 0) return ''
  const start = events[0]!.at
  const lines = ['timeline', '    title Deploy guard']
  for (const event of events) {
    const label = event.label
      .replace(/[:;#\n`<>]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
    lines.push(`    +${((event.at - start) / 1000).toFixed(1)}s : ${label}`)
  }
  return codeBlock(lines.join('\n'), 'mermaid')
}

function samplesTable(samples: readonly Sample[], limit: number): string {
  const shown = samples.slice(-limit)
  const rows = shown.map(s => [
    clock(s.finishedAt),
    escapeCell(s.probe) + (s.baseline ? ' (baseline)' : ''),
    s.outcome + (s.warmup ? ' (warm-up)' : ''),
    s.status === undefined ? '' : String(s.status),
    s.latencyMs === undefined ? '' : ms(s.latencyMs),
    escapeCell(s.detail),
    s.excerpt ? code(s.excerpt.slice(0, 120)) : ''
  ])
  const note =
    samples.length > shown.length ? `\n\n_Last ${shown.length} of ${samples.length} probe results._` : ''
  return table(['time', 'probe', 'outcome', 'status', 'latency', 'detail', 'body excerpt'], rows) + note
}

function talliesTable(tallies: readonly ProbeTally[], probes: GuardReport['probes']): string {
  return table(
    [
      'probe',
      'target',
      'passed',
      'failed',
      'timeouts',
      'transport errors',
      'no data',
      'warm-up forgiven',
      'median latency'
    ],
    tallies.map(t => [
      escapeCell(t.probe),
      code(probes.find(p => p.name === t.probe)?.target ?? ''),
      String(t.passes),
      String(t.fails),
      String(t.timeouts),
      String(t.transportErrors),
      String(t.noData),
      String(t.forgiven),
      (t.medianLatencyMs === undefined ? '' : ms(t.medianLatencyMs)) +
        (t.baselineMedianLatencyMs === undefined ? '' : ` (baseline ${ms(t.baselineMedianLatencyMs)})`)
    ])
  )
}

function short(sha?: string): string {
  return sha ? sha.slice(0, 7) : '?'
}

/**
 * The diagnostics report as Markdown, fitted to `limit` characters: when too long, the least useful
 * parts shrink first (probe rows, then logs, then suspects).
 */
export function renderReport(report: GuardReport, marker: string, limit: number): string {
  for (const [rows, logChars, suspects] of [
    [500, 50_000, 50],
    [200, 20_000, 30],
    [40, 6000, 15],
    [20, 3000, 10],
    [10, 1000, 5],
    [5, 300, 3]
  ] as const) {
    const text = render(report, marker, rows, logChars, suspects)
    if (text.length <= limit) return text
  }
  return truncate(render(report, marker, 3, 0, 1), limit)
}

function render(
  report: GuardReport,
  marker: string,
  rows: number,
  logChars: number,
  suspectCount: number
): string {
  const parts: string[] = [marker]
  const env = report.environment ? ` of ${code(report.environment)}` : ''
  const dep = report.deployment
    ? ` (deployment ${report.deployment.id}, ${code(short(report.deployment.sha))})`
    : ''
  parts.push(`## ${ICON[report.verdict]} Deploy guard${env}: ${report.verdict}${dep}`)
  parts.push(escapeCell(report.outcome))
  if (report.trip) parts.push(`**Why:** probe ${code(report.trip.probe)}: ${escapeCell(report.trip.reason)}.`)
  if (report.lastGood) {
    parts.push(`**Last good deployment:** ${report.lastGood.id} (${code(short(report.lastGood.sha))}).`)
  }
  if (report.rollback) {
    const r = report.rollback
    parts.push(
      `**Rollback (${r.strategy}):** ${escapeCell(r.detail)} in ${ms(r.durationMs)}` +
        (r.pullRequestUrl ? ` — ${r.pullRequestUrl}` : '') +
        (report.verify
          ? `; after it the service is **${report.verify.verdict}**` +
            (report.verify.trip ? ` (${escapeCell(report.verify.trip.reason)})` : '')
          : '') +
        '.'
    )
    if (r.output)
      parts.push(details('Rollback command output', codeBlock(r.output.slice(-Math.max(200, logChars)))))
  }

  if (report.timeline.length) {
    const timeline = [...report.timeline].sort((a, b) => a.at - b.at)
    parts.push('### Timeline')
    parts.push(mermaidTimeline(timeline))
    parts.push(
      table(
        ['time (UTC)', 'event'],
        timeline.map(e => [clock(e.at), escapeCell(e.label)])
      )
    )
  }

  if (report.rootCause) {
    const rc = report.rootCause
    parts.push(`### Probable root cause (${rc.confidence} confidence, ${escapeCell(rc.model)})`)
    parts.push(escapeCell(rc.summary))
    if (rc.evidence.length) parts.push(rc.evidence.map(e => `- ${escapeCell(e)}`).join('\n'))
  } else if (report.rootCauseNote) {
    parts.push(`### Probable root cause\n\n_${escapeCell(report.rootCauseNote)}_`)
  }

  if (report.suspects.length || report.suspectsNote) {
    parts.push(`### Suspect commits (${short(report.lastGood?.sha)}..${short(report.deployment?.sha)})`)
    if (report.suspects.length) {
      const shown = report.suspects.slice(0, suspectCount)
      parts.push(
        table(
          ['#', 'commit', 'subject', 'size', 'why'],
          shown.map((s, i) => [
            String(i + 1),
            code(short(s.sha)),
            escapeCell(s.subject.slice(0, 100)),
            `+${s.additions}/-${s.deletions}`,
            escapeCell(s.reasons.join('; '))
          ])
        )
      )
      if (report.suspects.length > shown.length)
        parts.push(`_${report.suspects.length - shown.length} more commits not shown._`)
    }
    if (report.suspectsNote) parts.push(`_${escapeCell(report.suspectsNote)}_`)
  }

  parts.push('### Probes')
  parts.push(talliesTable(report.tallies, report.probes))
  if (report.verify)
    parts.push('After the rollback:\n\n' + talliesTable(report.verify.tallies, report.probes))
  const failing = report.samples.filter(s => s.outcome !== 'pass')
  const evidence = rows >= 20 ? report.samples : failing.length ? failing : report.samples
  parts.push(details('Probe results (evidence)', samplesTable(evidence, rows), report.verdict !== 'healthy'))

  if (report.logs && logChars > 0) {
    const tail = report.logs.tail.slice(-logChars)
    parts.push(
      details(
        `Logs: ${code(report.logs.command)} (last ${tail.length} characters, redacted)`,
        codeBlock(tail || '(no output)')
      )
    )
  }
  if (report.runUrl) parts.push(`<sub>[Workflow run](${report.runUrl}) · CI Medic deploy guard</sub>`)
  return parts.join('\n\n') + '\n'
}
