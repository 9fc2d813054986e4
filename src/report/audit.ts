import { appendFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs'
import { dirname } from 'node:path'

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

/** An append-only JSONL file; entries never hold secrets (callers redact before recording). */
export class AuditLog {
  private readonly memory: AuditEntry[] = []

  constructor(readonly file?: string) {
    if (file) mkdirSync(dirname(file), { recursive: true })
  }

  record(entry: AuditEntry): void {
    const full = { at: new Date().toISOString(), ...entry }
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
