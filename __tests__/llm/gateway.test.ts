import { afterEach, describe, expect, it } from '@jest/globals'
import { OpenAiGateway, type OpenAiGatewayOptions } from '../../src/llm/gateway.js'
import { parseToolCall } from '../../src/llm/tools.js'
import { LlmError, type ToolDefinition } from '../../src/llm/types.js'
import { AuditLog } from '../../src/report/audit.js'
import { reply, startFakeOpenAI, type FakeOpenAI, type Script } from '../support/fake-openai.js'

const GITHUB_TOKEN = 'ghs_' + 'Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8'
const API_KEY = 'sk-proj-' + 'Zx81Yw72Vu63Ts54Rq45Po36Nm27Lk18Ji09'

let fake: FakeOpenAI | undefined

afterEach(async () => {
  await fake?.close({ allowViolations: false })
  fake = undefined
})

/** A clock that real time moves, and that the gateway's (instant) sleeps move too. */
function virtualTime(): { clock: () => number; sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  let offset = 0
  const sleeps: number[] = []
  return {
    clock: () => Date.now() + offset,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      offset += ms
    },
    sleeps
  }
}

interface Harness {
  gateway: OpenAiGateway
  audit: AuditLog
  masked: string[]
  warnings: string[]
  sleeps: number[]
}

async function harness(script: Script, options: Partial<OpenAiGatewayOptions> = {}): Promise<Harness> {
  fake = await startFakeOpenAI(script)
  const audit = new AuditLog()
  const masked: string[] = []
  const warnings: string[] = []
  const time = virtualTime()
  const gateway = new OpenAiGateway({
    baseUrl: fake.url,
    apiKey: API_KEY,
    model: 'gpt-4.1-mini',
    audit,
    log: {
      info: () => undefined,
      warning: m => warnings.push(m),
      error: () => undefined,
      debug: () => undefined,
      group: (_n, fn) => fn(),
      mask: v => masked.push(v)
    },
    secrets: [GITHUB_TOKEN],
    env: {},
    timeBudgetMs: 60_000,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    ...options,
    retry: { requestTimeoutMs: 2_000, ...options.retry }
  })
  return { gateway, audit, masked, warnings, sleeps: time.sleeps }
}

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof LlmError) return error
    throw error
  }
  throw new Error('expected the request to fail')
}

const ask = {
  purpose: 'test',
  messages: [{ role: 'user' as const, content: 'Why does range(3) return 4 items?' }]
}

describe('OpenAiGateway with the real openai client', () => {
  it('sends a redacted request and records it in the audit log', async () => {
    const h = await harness([
      reply.text('Because the loop uses <=.', { usage: { prompt_tokens: 40, completion_tokens: 9 } })
    ])
    const leak = `Test output: fetch failed with token ${GITHUB_TOKEN} and key ${API_KEY}; AWS AKIA${'ABCDEFGHIJKLMNOP'}`
    const result = await h.gateway.complete({ purpose: 'fix', messages: [{ role: 'user', content: leak }] })
    expect(result.message.content).toBe('Because the loop uses <=.')
    expect(result.usage).toEqual({ inputTokens: 40, outputTokens: 9 })
    const sent = fake!.completions[0]!
    expect(sent.rawBody).not.toContain(GITHUB_TOKEN)
    expect(sent.rawBody).not.toContain(API_KEY)
    expect(sent.rawBody).not.toContain('AKIAABCDEFGHIJKLMNOP')
    expect(sent.body.messages[0].content).toContain('[REDACTED:known-secret]')
    expect(sent.body.messages[0].content).toContain('[REDACTED:aws-access-key-id]')
    expect(sent.body.max_tokens).toBe(2048)
    expect(h.masked).toEqual(expect.arrayContaining([GITHUB_TOKEN, API_KEY, 'AKIAABCDEFGHIJKLMNOP']))
    expect(h.audit.entries()).toEqual([
      expect.objectContaining({
        type: 'llm.request',
        purpose: 'fix',
        model: 'gpt-4.1-mini',
        outcome: 'ok',
        inputTokens: 40,
        outputTokens: 9,
        attempts: 1,
        redactions: 3
      })
    ])
    expect(JSON.stringify(h.audit.entries())).not.toContain(GITHUB_TOKEN)
    expect(h.gateway.totals()).toMatchObject({
      requests: 1,
      inputTokens: 40,
      outputTokens: 9,
      model: 'gpt-4.1-mini'
    })
    expect(h.gateway.totals().costUsd).toBeCloseTo((40 * 0.4 + 9 * 1.6) / 1e6, 10)
  })

  it('waits out a short retry-after (seconds and milliseconds) and then succeeds', async () => {
    const h = await harness([
      reply.rateLimited(3),
      reply.rateLimited(0, { retryAfterMs: 750 }),
      reply.text('ok')
    ])
    const result = await h.gateway.complete(ask)
    expect(result.message.content).toBe('ok')
    expect(h.sleeps).toEqual([3000, 750])
    expect(fake!.completions).toHaveLength(3)
    expect(h.audit.entries()[0]).toMatchObject({ outcome: 'ok', attempts: 3 })
    expect(h.warnings[0]).toMatch(/rate limited, retry-after 3 s/)
  })

  it('fails fast with kind quota on a long retry-after (a spent daily quota)', async () => {
    const h = await harness([reply.rateLimited(86_400), reply.text('never sent')], { githubModels: true })
    const error = await failure(h.gateway.complete(ask))
    expect(error.kind).toBe('quota')
    expect(error.message).toMatch(/quota is spent.*24\.0 h/)
    expect(h.sleeps).toEqual([])
    expect(fake!.completions).toHaveLength(1)
    expect(h.audit.entries()[0]).toMatchObject({ outcome: 'error', errorKind: 'quota' })
    fake!.setScript([])
  })

  it('backs off with jitter on 500 and 503, then succeeds', async () => {
    const h = await harness([reply.error(500), reply.error(503), reply.text('recovered')])
    const result = await h.gateway.complete(ask)
    expect(result.message.content).toBe('recovered')
    expect(h.sleeps).toEqual([750, 1500])
  })

  it('gives up with kind server after the last attempt', async () => {
    const h = await harness(() => reply.error(502), { retry: { maxAttempts: 3 } })
    const error = await failure(h.gateway.complete(ask))
    expect(error.kind).toBe('server')
    expect(error.message).toMatch(/HTTP 502.*gave up after 3 attempts/)
    expect(fake!.completions).toHaveLength(3)
  })

  it('times out a hung request and retries it', async () => {
    const h = await harness([reply.hang(), reply.text('second try')], { retry: { requestTimeoutMs: 300 } })
    const result = await h.gateway.complete(ask)
    expect(result.message.content).toBe('second try')
    expect(h.audit.entries()[0]).toMatchObject({
      retries: [expect.objectContaining({ reason: 'request timed out' })]
    })
  })

  it('stops at the total time budget when the endpoint keeps hanging', async () => {
    const h = await harness(() => reply.hang(), { timeBudgetMs: 1_000, retry: { requestTimeoutMs: 300 } })
    const started = Date.now()
    const error = await failure(h.gateway.complete(ask))
    expect(error.kind).toBe('budget')
    expect(error.message).toMatch(/time budget \(time-budget\).*request timed out/)
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(h.audit.entries()[0]).toMatchObject({ outcome: 'budget', lastFailure: 'timeout' })
  })

  it("stops at once when the caller's signal aborts a hung request", async () => {
    const h = await harness(() => reply.hang(), { retry: { requestTimeoutMs: 30_000 } })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 200)
    const error = await failure(h.gateway.complete({ ...ask, signal: controller.signal }))
    expect(error.kind).toBe('budget')
    expect(error.message).toMatch(/cancelled by its caller/)
    expect(fake!.completions).toHaveLength(1)
    expect(h.audit.entries()[0]).toMatchObject({ outcome: 'cancelled' })
  })

  it('retries a truncated JSON body, and reports bad-response when it stays garbled', async () => {
    const truncated =
      '{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assis'
    const h = await harness([reply.raw(truncated), reply.text('fine now')])
    expect((await h.gateway.complete(ask)).message.content).toBe('fine now')

    fake!.setScript(() => reply.raw(truncated))
    const error = await failure(h.gateway.complete(ask))
    expect(error.kind).toBe('bad-response')
    expect(error.message).toMatch(/not valid JSON/)
  })

  it('reports a 401 from GitHub Models with the permission it needs', async () => {
    const h = await harness([reply.error(401, { message: 'Bad credentials' })], { githubModels: true })
    const error = await failure(h.gateway.complete(ask))
    expect(error.kind).toBe('auth')
    expect(error.message).toMatch(/permissions: models: read/)
  })

  it('refuses to send a request over the context budget', async () => {
    const h = await harness([], { contextBudget: 2000 })
    const huge = 'at Object.<anonymous> (src/module.ts:1:1)\n'.repeat(400)
    const error = await failure(
      h.gateway.complete({ purpose: 'fix', messages: [{ role: 'user', content: huge }] })
    )
    expect(error.kind).toBe('budget')
    expect(error.message).toMatch(/over the context budget of 2000 \(context-budget\)\. It was not sent/)
    expect(fake!.completions).toHaveLength(0)
    expect(h.gateway.countRequestTokens([{ role: 'user', content: huge }])).toBeGreaterThan(2000)
  })
})

describe('completeJson', () => {
  const schema = {
    type: 'object',
    properties: { rootCause: { type: 'string' }, files: { type: 'array', items: { type: 'string' } } },
    required: ['rootCause', 'files'],
    additionalProperties: false
  }

  it('uses response_format json_schema and validates the reply', async () => {
    const h = await harness([reply.text('{"rootCause":"off by one","files":["src/math.ts"]}')])
    const result = await h.gateway.completeJson<{ rootCause: string }>(
      { ...ask, schemaName: 'diagnosis' },
      schema
    )
    expect(result.value).toEqual({ rootCause: 'off by one', files: ['src/math.ts'] })
    expect(fake!.completions[0]!.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'diagnosis', schema, strict: false }
    })
  })

  it('asks once for a repair when the reply does not match, then succeeds', async () => {
    const h = await harness([
      reply.text('{"rootCause": "off by one"}'),
      reply.text('```json\n{"rootCause":"off by one","files":[]}\n```')
    ])
    const result = await h.gateway.completeJson(ask, schema)
    expect(result.value).toEqual({ rootCause: 'off by one', files: [] })
    const repair = fake!.completions[1]!.body.messages
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: '{"rootCause": "off by one"}' })
    expect(repair.at(-1).content).toMatch(/missing required property "files"/)
  })

  it('fails with bad-response after one unsuccessful repair', async () => {
    const h = await harness([
      reply.text('{"rootCause": "off by'),
      reply.text('I think it is an off-by-one error.')
    ])
    const error = await failure(h.gateway.completeJson(ask, schema))
    expect(error.kind).toBe('bad-response')
    expect(error.message).toMatch(/even after one repair request/)
    expect(fake!.completions).toHaveLength(2)
  })

  it('falls back to prompt instructions for an endpoint without response_format', async () => {
    const h = await harness([
      reply.error(400, {
        message: 'Unrecognized request argument supplied: response_format',
        errorType: 'invalid_request_error'
      }),
      reply.text('Sure! Here it is:\n```json\n{"rootCause":"wrong condition","files":["src/a.ts"]}\n```')
    ])
    const result = await h.gateway.completeJson(ask, schema)
    expect(result.value).toEqual({ rootCause: 'wrong condition', files: ['src/a.ts'] })
    const second = fake!.completions[1]!.body
    expect(second.response_format).toBeUndefined()
    expect(second.messages.at(-1)).toMatchObject({ role: 'system' })
    expect(second.messages.at(-1).content).toContain('"required":["rootCause","files"]')
    expect(h.sleeps).toEqual([])
  })
})

describe('tool calls', () => {
  const tools: ToolDefinition[] = [
    {
      name: 'read_file',
      description: 'Read a file of the repository',
      parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] }
    }
  ]

  it('passes tool definitions and hands back malformed arguments for the caller to report', async () => {
    const h = await harness([
      reply.toolCalls([
        { id: 'call_1', name: 'read_file', arguments: '{"path": "src/math.ts"' },
        { id: 'call_2', name: 'delete_repo', arguments: {} }
      ])
    ])
    const result = await h.gateway.complete({ ...ask, tools })
    expect(fake!.completions[0]!.body.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'read_file',
          description: 'Read a file of the repository',
          parameters: tools[0]!.parameters
        }
      }
    ])
    expect(result.finishReason).toBe('tool_calls')
    const calls = result.message.toolCalls!
    expect(calls.map(c => c.arguments)).toEqual(['{"path": "src/math.ts"', '{}'])
    const parsed = calls.map(call => parseToolCall(call, tools))
    expect(parsed.map(p => p.ok)).toEqual([false, false])
    expect(h.audit.entries()[0]).toMatchObject({ toolCalls: ['read_file', 'delete_repo'] })
  })

  it('sends tool results back with their ids', async () => {
    const h = await harness([reply.text('done')])
    await h.gateway.complete({
      ...ask,
      tools,
      messages: [
        ...ask.messages,
        {
          role: 'assistant',
          content: null,
          toolCalls: [{ id: 'call_9', name: 'read_file', arguments: '{"path":"a.ts"}' }]
        },
        { role: 'tool', toolCallId: 'call_9', content: `export const token = "${GITHUB_TOKEN}"` }
      ]
    })
    const messages = fake!.completions[0]!.body.messages
    expect(messages[1]).toMatchObject({
      role: 'assistant',
      tool_calls: [
        { id: 'call_9', type: 'function', function: { name: 'read_file', arguments: '{"path":"a.ts"}' } }
      ]
    })
    expect(messages[2]).toEqual({
      role: 'tool',
      tool_call_id: 'call_9',
      content: 'export const token = "[REDACTED:known-secret]"'
    })
  })

  it('describes tools in the prompt for an endpoint without tool calling, and parses the JSON calls', async () => {
    const h = await harness([
      reply.error(400, { message: 'model llama3 does not support tools' }),
      reply.text('{"tool_calls": [{"name": "read_file", "arguments": {"path": "src/math.ts"}}]}')
    ])
    const result = await h.gateway.complete({ ...ask, tools })
    expect(result.message.toolCalls).toEqual([
      { id: 'call_0', name: 'read_file', arguments: '{"path":"src/math.ts"}' }
    ])
    const second = fake!.completions[1]!.body
    expect(second.tools).toBeUndefined()
    expect(second.messages.at(-1).content).toMatch(/You can call these tools:\n- read_file/)
  })
})
