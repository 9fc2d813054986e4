import type { TokenCounter } from './tokens.js'

/** One part of a prompt that may be shortened or left out when the context budget is tight. */
export interface ContextSection {
  id: string
  text: string
  /** Higher is more important; the lowest-priority sections are trimmed first. */
  priority: number
  /** Never shorten below this many tokens; below it the section is dropped instead. Default 48. */
  minTokens?: number
  /** Which end to keep when truncating: `head` (start), `tail` (end, for logs) or `middle` (both ends). Default `middle`. */
  keep?: 'head' | 'tail' | 'middle'
  /** Never trimmed or dropped (the instructions, the failing test). */
  required?: boolean
}

export interface FittedSection {
  id: string
  text: string
  tokens: number
  state: 'whole' | 'truncated' | 'dropped'
}

export interface FitResult {
  sections: FittedSection[]
  tokens: number
  fits: boolean
}

const DEFAULT_MIN_TOKENS = 48

export function truncationMarker(removedTokens: number): string {
  return `\n[… ${removedTokens} tokens cut to fit the context budget …]\n`
}

/**
 * Shortens `text` to about `maxTokens` tokens, keeping the chosen end(s) and putting a marker
 * where text was cut. Text already within the limit comes back unchanged.
 */
export function truncateToTokens(
  text: string,
  maxTokens: number,
  counter: TokenCounter,
  keep: 'head' | 'tail' | 'middle' = 'middle'
): string {
  const total = counter.count(text)
  if (total <= maxTokens) return text
  const marker = truncationMarker(total - maxTokens)
  const room = Math.max(0, maxTokens - counter.count(marker))
  if (keep === 'head') return counter.head(text, room) + marker
  if (keep === 'tail') return marker + counter.tail(text, room)
  const headRoom = Math.ceil(room / 2)
  return counter.head(text, headRoom) + marker + counter.tail(text, room - headRoom)
}

/**
 * Fits sections into `maxTokens`: the lowest-priority sections are truncated first, and dropped
 * when they would shrink below their minimum. Required sections are never touched; when they alone
 * exceed the budget the result says it does not fit.
 */
export function fitSections(
  sections: readonly ContextSection[],
  maxTokens: number,
  counter: TokenCounter
): FitResult {
  const fitted: FittedSection[] = sections.map(section => ({
    id: section.id,
    text: section.text,
    tokens: counter.count(section.text),
    state: 'whole'
  }))
  let total = fitted.reduce((sum, s) => sum + s.tokens, 0)
  const order = sections
    .map((section, index) => ({ section, index }))
    .filter(({ section }) => !section.required)
    .sort((a, b) => a.section.priority - b.section.priority || b.index - a.index)

  for (const { section, index } of order) {
    if (total <= maxTokens) break
    const current = fitted[index]!
    const overflow = total - maxTokens
    const target = current.tokens - overflow
    const min = section.minTokens ?? DEFAULT_MIN_TOKENS
    if (target >= min) {
      const text = truncateToTokens(section.text, target, counter, section.keep ?? 'middle')
      const tokens = counter.count(text)
      total += tokens - current.tokens
      fitted[index] = { ...current, text, tokens, state: 'truncated' }
    } else {
      total -= current.tokens
      fitted[index] = { ...current, text: '', tokens: 0, state: 'dropped' }
    }
  }
  return { sections: fitted, tokens: total, fits: total <= maxTokens }
}
