import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import { LlmError, type LlmErrorKind } from './types.js'

export interface RetryPolicy {
  /** Most attempts per request (the first one included). */
  maxAttempts: number
  /** First backoff delay; doubled each retry, with full jitter. */
  baseDelayMs: number
  maxDelayMs: number
  /** A `retry-after` up to this long is waited out; a longer one is a spent quota. */
  maxRetryAfterMs: number
  /** Time limit of one HTTP request. */
  requestTimeoutMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 16_000,
  maxRetryAfterMs: 20_000,
  requestTimeoutMs: 120_000
}

export type RetryDecision =
  { retry: true; delayMs: number; kind: LlmErrorKind; reason: string } | { retry: false; error: LlmError }

export interface FailureContext {
  /** 1 for the first attempt. */
  attempt: number
  policy: RetryPolicy
  random: () => number
  endpoint: string
  model: string
  githubModels: boolean
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined
  const value = (headers as Record<string, unknown>)[name]
  return typeof value === 'string' ? value : undefined
}

/** `retry-after-ms`, else `retry-after` in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: unknown, now: number = Date.now()): number | undefined {
  const ms = header(headers, 'retry-after-ms')
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms))
  const after = header(headers, 'retry-after')?.trim()
  if (!after) return undefined
  if (/^\d+(\.\d+)?$/.test(after)) return Math.ceil(Number(after) * 1000)
  const date = Date.parse(after)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Exponential backoff with full jitter: a random delay up to base·2^(attempt-1), capped. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

function formatWait(ms: number): string {
  if (ms >= 3_600_000) return `${(ms / 3_600_000).toFixed(1)} h`
  if (ms >= 60_000) return `${Math.round(ms / 60_000)} min`
  return `${Math.round(ms / 1000)} s`
}

function apiMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined
  const message = typeof body?.message === 'string' ? body.message : error.message
  return message.replace(/\s+/g, ' ').slice(0, 300)
}

/**
 * Decides what to do about one failed attempt: wait and retry (short rate limit, 5xx, timeout,
 * connection error, garbled body) or give up with an LlmError whose message tells the user what to do.
 */
export function decideRetry(error: unknown, context: FailureContext): RetryDecision {
  const { attempt, policy, random } = context
  const canRetry = attempt < policy.maxAttempts
  const giveUp = (kind: LlmErrorKind, message: string, details: LlmError['details'] = {}): RetryDecision => ({
    retry: false,
    error: new LlmError(kind, message, { attempts: attempt, cause: error, ...details })
  })
  const backoff = (kind: LlmErrorKind, reason: string, finalMessage: string): RetryDecision =>
    canRetry
      ? { retry: true, delayMs: backoffDelay(attempt, policy, random), kind, reason }
      : giveUp(kind, `${finalMessage} (gave up after ${attempt} attempts)`)

  if (error instanceof LlmError) return { retry: false, error }
  if (error instanceof APIUserAbortError) {
    return giveUp('budget', 'The LLM request was cancelled: its caller ran out of time.')
  }
  if (error instanceof APIConnectionTimeoutError) {
    return backoff(
      'timeout',
      'request timed out',
      `The LLM endpoint ${context.endpoint} did not answer within ${formatWait(policy.requestTimeoutMs)}`
    )
  }
  if (error instanceof APIConnectionError) {
    return backoff(
      'server',
      'connection failed',
      `Could not connect to the LLM endpoint ${context.endpoint}: ${error.message}`
    )
  }
  if (error instanceof SyntaxError) {
    return backoff(
      'bad-response',
      'response body was not valid JSON',
      `The LLM endpoint ${context.endpoint} sent a response body that is not valid JSON (${error.message})`
    )
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status
    const message = apiMessage(error)
    if (status === 429 && (error.code === 'insufficient_quota' || error.type === 'insufficient_quota')) {
      return giveUp(
        'quota',
        `The LLM account has no quota left (HTTP 429 insufficient_quota: ${message}). Check the plan and billing of the llm-api-key's account.`,
        { status }
      )
    }
    if (status === 429) {
      const wait = retryAfterMs(error.headers)
      if (wait !== undefined && wait > policy.maxRetryAfterMs) {
        return giveUp(
          'quota',
          `The LLM endpoint's quota is spent: it asks to wait ${formatWait(wait)} (retry-after), longer than CI Medic waits ` +
            `(${formatWait(policy.maxRetryAfterMs)}). ` +
            (context.githubModels
              ? 'GitHub Models limits requests per day by plan; try again later, pick a model with a higher limit, or set llm-base-url and llm-api-key for your own endpoint.'
              : 'Try again later or raise the limit with your provider.'),
          { status, retryAfterMs: wait }
        )
      }
      if (!canRetry)
        return giveUp(
          'rate-limited',
          `The LLM endpoint kept rate-limiting requests (HTTP 429, ${attempt} attempts): ${message}`,
          { status }
        )
      return {
        retry: true,
        delayMs: wait ?? backoffDelay(attempt, policy, random),
        kind: 'rate-limited',
        reason: wait !== undefined ? `rate limited, retry-after ${formatWait(wait)}` : 'rate limited'
      }
    }
    if (status === 401 || status === 403) {
      const hint = context.githubModels
        ? 'GitHub Models needs the workflow token to have `permissions: models: read` (add it to the job), or set llm-base-url and llm-api-key for another endpoint.'
        : 'Check the llm-api-key input (and that the key may use this model).'
      return giveUp(
        'auth',
        `The LLM endpoint refused the credentials (HTTP ${status}: ${message}). ${hint}`,
        { status }
      )
    }
    if (status === 404) {
      return giveUp(
        'bad-response',
        `The LLM endpoint ${context.endpoint} answered 404 for model "${context.model}": ${message}. Check llm-base-url (it should end before /chat/completions) and llm-model.`,
        { status }
      )
    }
    if (status === 408 || status === 409 || status >= 500) {
      return backoff('server', `HTTP ${status}`, `The LLM endpoint kept failing (HTTP ${status}: ${message})`)
    }
    if (status === 413) {
      return giveUp(
        'budget',
        `The LLM endpoint rejected the request as too large (HTTP 413): lower context-budget.`,
        { status }
      )
    }
    return giveUp('bad-response', `The LLM endpoint rejected the request (HTTP ${status}): ${message}`, {
      status
    })
  }
  return giveUp(
    'bad-response',
    `The LLM request failed: ${error instanceof Error ? error.message : String(error)}`
  )
}
