import { appendFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import type { Logger } from '../ports/log.js'
import { code, escapeCell, table } from './markdown.js'

/**
 * One line of the audit log. Every LLM request (model, tokens, latency), tool call, edit,
 * delivery and decision is recorded, so the job summary can say what was read, changed and why.
 */
export interface AuditEntry {
  /** e.g. `llm.request`, `agent.tool`, `agent.edit`, `fix.validate`, `deliver`, `guard.rollback`. */
  type: string
  /** ISO time, filled in by the log. */
  at?: string
  [key: string]: unknown
}

export interface AuditLogOptions {
  /** Applied to every string in every entry before it is kept or written (see src/security/redact.ts). */
  redact?: (text: string) => string
}

function redactValue(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value)
  if (Array.isArray(value)) return value.map(item => redactValue(item, redact))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, redact)]))
  }
  return value
}

/** An append-only JSONL file; entries never hold secrets (callers redact, and so does `options.redact`). */
export class AuditLog {
  private readonly memory: AuditEntry[] = []

  constructor(
    readonly file?: string,
    private readonly options: AuditLogOptions = {}
  ) {
    if (file) mkdirSync(dirname(file), { recursive: true })
  }

  record(entry: AuditEntry): void {
    const clean = this.options.redact ? (redactValue(entry, this.options.redact) as AuditEntry) : entry
    const full = { at: new Date().toISOString(), ...clean }
    this.memory.push(full)
    if (this.file) appendFileSync(this.file, JSON.stringify(full) + '\n')
  }

  entries(): readonly AuditEntry[] {
    return this.memory
  }

  static read(file: string): AuditEntry[] {
    if (!existsSync(file)) return []
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(line => JSON.parse(line) as AuditEntry)
  }
}

// ── Job summary ───────────────────────────────────────────────────────────────

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function formatUsd(cost: number): string {
  return cost < 0.01 ? `< $0.01 ($${cost.toFixed(4)})` : `$${cost.toFixed(2)}`
}

export interface LlmAuditTotals {
  requests: number
  failed: number
  inputTokens: number
  outputTokens: number
  /** Undefined when some request's model has no known price. */
  costUsd?: number
  models: string[]
  latencyMs: number
  retries: number
}

/** Totals of the `llm.request` entries. */
export function llmTotals(entries: readonly AuditEntry[]): LlmAuditTotals {
  const requests = entries.filter(e => e.type === 'llm.request')
  let costKnown = true
  let cost = 0
  for (const entry of requests.filter(e => e.outcome === 'ok')) {
    if (typeof entry.costUsd === 'number') cost += entry.costUsd
    else costKnown = false
  }
  return {
    requests: requests.length,
    failed: requests.filter(e => e.outcome !== 'ok').length,
    inputTokens: requests.reduce((sum, e) => sum + num(e.inputTokens), 0),
    outputTokens: requests.reduce((sum, e) => sum + num(e.outputTokens), 0),
    costUsd: requests.length && costKnown ? cost : undefined,
    models: [...new Set(requests.map(e => str(e.model)).filter((m): m is string => Boolean(m)))],
    latencyMs: requests.reduce((sum, e) => sum + num(e.latencyMs), 0),
    retries: requests.reduce((sum, e) => sum + (Array.isArray(e.retries) ? e.retries.length : 0), 0)
  }
}

const READ_TOOLS = new Set(['list_files', 'read_file', 'search', 'show_change', 'run_tests'])

/**
 * A Markdown account of the audit log for the job summary: the model and its totals (tokens,
 * cost, latency), what was read, what was changed, what was delivered, and the decisions with
 * their reasons. Untrusted values are escaped.
 */
export function renderAuditSummary(
  entries: readonly AuditEntry[],
  options: { title?: string; artifactName?: string } = {}
): string {
  const lines: string[] = [`### ${options.title ?? 'CI Medic audit'}`, '']
  const totals = llmTotals(entries)
  const disabled = entries.find(e => e.type === 'llm.disabled')
  if (disabled) lines.push(`LLM not used: ${escapeCell(str(disabled.reason) ?? 'disabled')}`, '')
  if (totals.requests) {
    lines.push(
      table(
        ['Model', 'Requests', 'Input tokens', 'Output tokens', 'Cost (estimate)', 'Time in LLM', 'Retries'],
        [
          [
            totals.models.map(m => code(m)).join(', ') || 'n/a',
            totals.failed ? `${totals.requests} (${totals.failed} failed)` : String(totals.requests),
            String(totals.inputTokens),
            String(totals.outputTokens),
            totals.costUsd === undefined ? 'n/a (tokens only)' : formatUsd(totals.costUsd),
            `${(totals.latencyMs / 1000).toFixed(1)} s`,
            String(totals.retries)
          ]
        ]
      ),
      ''
    )
    const failures = entries.filter(e => e.type === 'llm.request' && e.outcome !== 'ok')
    for (const failure of failures.slice(0, 5)) {
      lines.push(
        `- LLM request for ${code(str(failure.purpose) ?? '?')} failed (${escapeCell(str(failure.errorKind) ?? String(failure.outcome))}): ${escapeCell(str(failure.error) ?? '')}`
      )
    }
    if (failures.length) lines.push('')
  }

  const read = entries.filter(e => e.type === 'agent.tool' && READ_TOOLS.has(String(e.tool)))
  if (read.length) {
    lines.push('**What was read**', '')
    for (const entry of read.slice(0, 40)) {
      const target = str(entry.path) ?? str(entry.query) ?? str(entry.summary) ?? ''
      lines.push(`- ${code(String(entry.tool))}${target ? ` ${code(target)}` : ''}`)
    }
    if (read.length > 40) lines.push(`- … and ${read.length - 40} more (see the audit artifact)`)
    lines.push('')
  }

  const edits = entries.filter(e => e.type === 'agent.edit')
  if (edits.length) {
    lines.push('**What was changed**', '')
    for (const entry of edits.slice(0, 40)) {
      const outcome =
        entry.ok === false ? ` — refused: ${escapeCell(str(entry.reason) ?? 'no reason given')}` : ''
      lines.push(`- ${code(str(entry.path) ?? '?')}${outcome}`)
    }
    lines.push('')
  }

  const deliveries = entries.filter(e => e.type === 'deliver')
  const decisions = entries.filter(e => e.type === 'decision' || e.type.endsWith('.decision'))
  if (deliveries.length || decisions.length) {
    lines.push('**Why**', '')
    for (const entry of decisions) {
      lines.push(
        `- ${escapeCell(str(entry.what) ?? entry.type)}: ${escapeCell(str(entry.why) ?? str(entry.reason) ?? '')}`
      )
    }
    for (const entry of deliveries) {
      const where = str(entry.url) ? ` — ${str(entry.url)}` : ''
      const why = str(entry.skippedReason) ? `: ${escapeCell(str(entry.skippedReason)!)}` : ''
      lines.push(
        `- Delivery of the ${escapeCell(String(entry.kind))} (${escapeCell(String(entry.requested))} → ${escapeCell(String(entry.mode))})${why}${where}`
      )
    }
    lines.push('')
  }
  if (options.artifactName)
    lines.push(`Every request, tool call and decision: artifact ${code(options.artifactName)} (JSONL).`, '')
  return lines.join('\n').trimEnd() + '\n'
}

// ── Artifact ──────────────────────────────────────────────────────────────────

export interface UploadAuditOptions {
  env: NodeJS.ProcessEnv
  log: Logger
  /** Default `ci-medic-audit-<job>-<attempt>`. */
  name?: string
  retentionDays?: number
}

/**
 * Uploads the audit file as a workflow artifact when running in Actions (ACTIONS_RUNTIME_TOKEN
 * set); a no-op elsewhere. A failed upload is a warning, never a failed step. Returns the
 * artifact's name, or undefined when nothing was uploaded.
 */
export async function uploadAuditArtifact(
  audit: AuditLog,
  options: UploadAuditOptions
): Promise<string | undefined> {
  const { env, log } = options
  if (!env.ACTIONS_RUNTIME_TOKEN || !audit.file || !existsSync(audit.file)) return undefined
  const baseName =
    options.name ??
    `ci-medic-audit-${(env.GITHUB_JOB ?? 'job').replace(/[^A-Za-z0-9_-]/g, '-')}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const client = new DefaultArtifactClient()
    const upload = (name: string) =>
      client.uploadArtifact(name, [audit.file!], dirname(audit.file!), {
        retentionDays: options.retentionDays ?? 14
      })
    try {
      await upload(baseName)
      return baseName
    } catch (error) {
      // Matrix jobs share a job id: a second upload under the same name conflicts.
      if (!/409|conflict|already exists/i.test(String(error))) throw error
      const unique = `${baseName}-${Date.now().toString(36)}`
      await upload(unique)
      return unique
    }
  } catch (error) {
    log.warning(
      `Could not upload the audit log ${basename(audit.file)} as an artifact: ${error instanceof Error ? error.message : String(error)}`
    )
    return undefined
  }
}
