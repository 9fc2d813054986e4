import { describe, expect, it } from '@jest/globals'
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai'
import { DEFAULT_RETRY_POLICY, backoffDelay, decideRetry, retryAfterMs } from '../../src/llm/retry.js'

const context = {
  attempt: 1,
  policy: DEFAULT_RETRY_POLICY,
  random: () => 0.5,
  endpoint: 'https://models.github.ai/inference',
  model: 'openai/gpt-4.1',
  githubModels: true
}

function apiError(status: number, headers: Record<string, string> = {}, message = 'failure'): APIError {
  return APIError.generate(status, { message }, message, new Headers(headers))
}

describe('retryAfterMs', () => {
  it('reads retry-after-ms, retry-after seconds and HTTP dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '1500' }))).toBe(1500)
    expect(retryAfterMs(new Headers({ 'retry-after': '7' }))).toBe(7000)
    const now = Date.UTC(2026, 0, 1, 12, 0, 0)
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 12:00:30 GMT' }), now)).toBe(30_000)
    expect(retryAfterMs(new Headers({}))).toBeUndefined()
  })
})

describe('decideRetry', () => {
  it('waits out a short retry-after', () => {
    const decision = decideRetry(apiError(429, { 'retry-after': '3' }), context)
    expect(decision).toMatchObject({ retry: true, delayMs: 3000, kind: 'rate-limited' })
  })

  it('fails fast on a long retry-after as a spent quota, naming GitHub Models limits', () => {
    const decision = decideRetry(apiError(429, { 'retry-after': '86400' }), context)
    if (decision.retry) throw new Error('expected to give up')
    expect(decision.error.kind).toBe('quota')
    expect(decision.error.message).toMatch(/24\.0 h/)
    expect(decision.error.message).toMatch(/GitHub Models limits requests per day/)
  })

  it('fails fast on insufficient_quota, which no retry can fix', () => {
    const error = APIError.generate(
      429,
      {
        error: {
          message: 'You exceeded your current quota',
          type: 'insufficient_quota',
          code: 'insufficient_quota'
        }
      },
      'You exceeded your current quota',
      new Headers({ 'retry-after': '1' })
    )
    const decision = decideRetry(error, { ...context, githubModels: false })
    if (decision.retry) throw new Error('expected to give up')
    expect(decision.error.kind).toBe('quota')
    expect(decision.error.message).toMatch(/no quota left.*billing/)
  })

  it('backs off with jitter on 5xx, timeouts and connection errors, and gives up after the last attempt', () => {
    for (const error of [
      apiError(503),
      new APIConnectionTimeoutError(),
      new APIConnectionError({ message: 'ECONNRESET' })
    ]) {
      const decision = decideRetry(error, context)
      expect(decision.retry).toBe(true)
    }
    const last = decideRetry(apiError(500), { ...context, attempt: DEFAULT_RETRY_POLICY.maxAttempts })
    if (last.retry) throw new Error('expected to give up')
    expect(last.error.kind).toBe('server')
    expect(last.error.message).toMatch(/gave up after 5 attempts/)
  })

  it('explains `permissions: models: read` on 401 and 403 from GitHub Models', () => {
    for (const status of [401, 403]) {
      const decision = decideRetry(apiError(status), context)
      if (decision.retry) throw new Error('expected to give up')
      expect(decision.error.kind).toBe('auth')
      expect(decision.error.message).toMatch(/permissions: models: read/)
    }
    const custom = decideRetry(apiError(401), { ...context, githubModels: false })
    if (custom.retry) throw new Error('expected to give up')
    expect(custom.error.message).toMatch(/llm-api-key/)
  })

  it('retries a garbled body and does not retry a rejected request', () => {
    expect(decideRetry(new SyntaxError('Unexpected end of JSON input'), context)).toMatchObject({
      retry: true,
      kind: 'bad-response'
    })
    const rejected = decideRetry(apiError(400, {}, 'messages: too short'), context)
    expect(rejected).toMatchObject({ retry: false })
  })

  it('grows the backoff exponentially up to the cap', () => {
    const top = () => 1
    expect(backoffDelay(1, DEFAULT_RETRY_POLICY, top)).toBe(1000)
    expect(backoffDelay(3, DEFAULT_RETRY_POLICY, top)).toBe(4000)
    expect(backoffDelay(10, DEFAULT_RETRY_POLICY, top)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs)
    expect(backoffDelay(3, DEFAULT_RETRY_POLICY, () => 0)).toBe(2000)
  })
})
