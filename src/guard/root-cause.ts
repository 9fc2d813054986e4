import type { LlmGateway } from '../llm/types.js'
import { quoteUntrusted, UNTRUSTED_DATA_RULES } from '../security/untrusted.js'
import type { Suspect } from './suspects.js'
import type { Sample, Trip } from './verdict.js'

export interface RootCause {
  summary: string
  confidence: 'low' | 'medium' | 'high'
  /** The evidence the summary rests on, each citing an item id (E1, E2, …). */
  evidence: string[]
  model: string
}

export interface RootCauseInput {
  trip: Trip
  samples: Sample[]
  logsTail?: string
  suspects: Suspect[]
}

const SCHEMA = {
  type: 'object',
  properties: {
    summary: { type: 'string' },
    confidence: { type: 'string', enum: ['low', 'medium', 'high'] },
    evidence: { type: 'array', items: { type: 'string' } }
  },
  required: ['summary', 'confidence', 'evidence'],
  additionalProperties: false
}

/** Numbered evidence items the model must cite. */
export function evidenceItems(input: RootCauseInput): Array<{ id: string; text: string }> {
  const items: Array<{ id: string; text: string }> = []
  const add = (text: string): void => void items.push({ id: `E${items.length + 1}`, text })
  add(`Verdict: probe "${input.trip.probe}" ${input.trip.verdict}: ${input.trip.reason}`)
  const failing = input.samples.filter(s => s.outcome !== 'pass' && !s.baseline && !s.warmup)
  const distinct = new Map<string, Sample>()
  for (const s of failing) distinct.set(`${s.probe}|${s.detail}|${s.excerpt ?? ''}`, s)
  for (const s of [...distinct.values()].slice(0, 6)) {
    add(
      `Probe "${s.probe}" ${s.outcome}: ${s.detail}${s.excerpt ? `; body: ${s.excerpt.slice(0, 200)}` : ''}`
    )
  }
  if (input.logsTail) add(`Logs (tail):\n${input.logsTail.slice(-3000)}`)
  for (const s of input.suspects.slice(0, 8)) {
    add(
      `Commit ${s.sha.slice(0, 7)} "${s.subject}" (+${s.additions}/-${s.deletions}) files: ${s.files.slice(0, 8).join(', ')}; signals: ${s.reasons.join('; ')}`
    )
  }
  return items
}

/**
 * Asks the model for a root-cause summary that cites the evidence items by id and says how sure it
 * is. Evidence is quoted as untrusted data; citations of items that do not exist are dropped, and a
 * summary that cites nothing is marked low confidence.
 */
export async function summarizeRootCause(gateway: LlmGateway, input: RootCauseInput): Promise<RootCause> {
  const items = evidenceItems(input)
  let evidenceText = items.map(i => `${i.id}: ${i.text}`).join('\n\n')
  const budget = Math.max(1000, gateway.contextBudget - 1200)
  while (gateway.countTokens(evidenceText) > budget && evidenceText.length > 500) {
    evidenceText = evidenceText.slice(0, Math.floor(evidenceText.length * 0.8))
  }
  const result = await gateway.completeJson<{
    summary: string
    confidence: RootCause['confidence']
    evidence: string[]
  }>(
    {
      purpose: 'guard.summary',
      schemaName: 'root_cause',
      maxOutputTokens: 600,
      messages: [
        {
          role: 'system',
          content: [
            'You are a site reliability engineer explaining why a deployment failed its health checks.',
            'Use only the evidence items given. Cite them by id (E1, E2, …) in every evidence entry.',
            'Say which commit most likely caused the failure and why, in at most 5 sentences.',
            'confidence: "high" only when a stack trace or error message points at a changed file; "low" when the evidence is thin.',
            'Reply with JSON: {"summary": string, "confidence": "low"|"medium"|"high", "evidence": ["E2: …", …]}.',
            UNTRUSTED_DATA_RULES
          ].join('\n')
        },
        { role: 'user', content: quoteUntrusted('deploy guard evidence', evidenceText) }
      ]
    },
    SCHEMA
  )
  const ids = new Set(items.map(i => i.id))
  const evidence = (result.value.evidence ?? [])
    .map(e => gateway.redact(String(e)).slice(0, 300))
    .filter(e => [...e.matchAll(/\bE(\d+)\b/g)].some(m => ids.has(`E${m[1]}`)))
    .slice(0, 6)
  const confidence = evidence.length === 0 ? 'low' : result.value.confidence
  return {
    summary: gateway.redact(String(result.value.summary)).slice(0, 1500),
    confidence,
    evidence,
    model: result.model
  }
}
