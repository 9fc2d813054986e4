import { estimateCost, formatCost } from '../llm/pricing.js'
import type { AuditEntry } from '../report/audit.js'
import { code, codeBlock, details, escapeCell, table, truncate } from '../report/markdown.js'
import type { TestTotals } from '../runners/types.js'
import type { FixOutcome } from './fixer.js'

export type FixStatus = 'fixed' | 'not-fixed' | 'skipped' | 'not-needed'

const MAX_PATCH_CHARS = 60_000

function totalsLine(totals: TestTotals): string {
  return `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}${totals.flaky ? `, ${totals.flaky} flaky` : ''}`
}

/** What the agent read and changed, from the audit log. */
export function auditDigest(entries: readonly AuditEntry[]): {
  read: string[]
  changed: string[]
  refused: string[]
} {
  const read = new Set<string>()
  const changed = new Set<string>()
  const refused: string[] = []
  for (const entry of entries) {
    if (entry.type === 'agent.tool' && entry.tool === 'read_file' && entry.ok) {
      const args = entry.args as { path?: string } | undefined
      if (args && typeof args === 'object' && typeof args.path === 'string') read.add(args.path)
    }
    if ((entry.type === 'agent.edit' && entry.applied) || entry.type === 'agent.create')
      changed.add(String(entry.path))
    if (entry.type === 'agent.refused')
      refused.push(`${String(entry.path)}: ${String(entry.reason).split(';')[0]}`)
  }
  return { read: [...read].sort(), changed: [...changed].sort(), refused }
}

export interface FixSummaryInput {
  status: FixStatus
  outcome?: FixOutcome
  before?: TestTotals
  /** Why the fixer did not run (skipped), in plain words. */
  skippedReason?: string
  deliveryMarkdown?: string
  audit: readonly AuditEntry[]
}

export function fixSummary(input: FixSummaryInput): string {
  const { outcome } = input
  const title = {
    fixed: '### CI Medic fix: a validated fix ✅',
    'not-fixed': '### CI Medic fix: no validated fix',
    skipped: '### CI Medic fix: skipped',
    'not-needed': '### CI Medic fix: nothing to fix'
  }[input.status]
  const lines = [title, '']
  if (input.status === 'skipped') {
    lines.push(escapeCell(input.skippedReason ?? 'The fixer did not run.'))
    if (outcome?.failures.length)
      lines.push('', `${outcome.failures.length} failing test(s) were left as they are.`)
    return lines.join('\n')
  }
  if (input.status === 'not-needed' || !outcome) {
    lines.push(input.before ? `Tests: ${totalsLine(input.before)}.` : 'No failing tests.')
    return lines.join('\n')
  }

  const failing = outcome.failures.slice(0, 10).map(f => `- ${code(`${f.file} › ${f.name}`)}`)
  if (outcome.failures.length > 10) failing.push(`- …and ${outcome.failures.length - 10} more`)
  const best = outcome.best
  if (best) {
    lines.push(
      `**Root cause:** ${escapeCell(best.rootCause || 'not stated')}`,
      '',
      `**The fix:** ${escapeCell(best.explanation || 'not stated')}`,
      ''
    )
    lines.push(`Changed: ${best.files.map(f => code(f.path)).join(', ')}`, '')
    lines.push(
      codeBlock(
        truncate(best.patch, MAX_PATCH_CHARS, '\n… (cut; the full patch is in the audit log)'),
        'diff'
      ),
      ''
    )
  } else {
    lines.push(`**Why not:** ${escapeCell(outcome.reason ?? 'no valid fix was found')}`, '')
    const explained = outcome.attempts.find(a => a.rootCause)
    if (explained) lines.push(`**The model's diagnosis:** ${escapeCell(explained.rootCause!)}`, '')
  }

  lines.push('**Failing tests before:**', ...failing, '')
  const rows: string[][] = []
  if (input.before) rows.push(['before the fix', totalsLine(input.before)])
  for (const run of best?.validation.runs ?? []) rows.push([escapeCell(run.label), totalsLine(run.totals)])
  if (best?.validation.validateCommand) {
    rows.push([
      escapeCell(best.validation.validateCommand.command),
      `exit ${best.validation.validateCommand.exitCode}`
    ])
  }
  if (rows.length) lines.push(table(['Evidence', 'Result'], rows), '')

  const cost = estimateCost(outcome.model, outcome.inputTokens, outcome.outputTokens)
  lines.push(
    table(
      ['Model', 'Attempts', 'Iterations', 'Tokens in / out', 'First request', 'Cost'],
      [
        [
          code(outcome.model),
          String(outcome.attempts.length),
          String(outcome.iterations),
          `${outcome.inputTokens} / ${outcome.outputTokens}`,
          `${outcome.firstRequestTokens} tokens`,
          cost === undefined ? 'unknown' : formatCost(cost)
        ]
      ]
    ),
    ''
  )
  if (outcome.attempts.length > 1 || !best) {
    const attemptRows = outcome.attempts.map(a => [
      String(a.attempt),
      a.outcome,
      a.valid ? 'valid' : 'not valid',
      String(a.iterations),
      escapeCell((a.problems?.[0] ?? a.error ?? '').slice(0, 200))
    ])
    lines.push(
      details('Attempts', table(['#', 'Ended', 'Candidate', 'Iterations', 'Last problem'], attemptRows)),
      ''
    )
  }
  const digest = auditDigest(input.audit)
  const trail = [
    `- Read: ${digest.read.length ? digest.read.map(code).join(', ') : 'nothing'}`,
    `- Changed: ${digest.changed.length ? digest.changed.map(code).join(', ') : 'nothing'}`,
    ...(digest.refused.length ? [`- Refused: ${digest.refused.slice(0, 10).map(escapeCell).join('; ')}`] : [])
  ]
  lines.push(details('What the agent did (audit log)', trail.join('\n')), '')
  if (input.deliveryMarkdown) lines.push(input.deliveryMarkdown)
  return lines.join('\n')
}
