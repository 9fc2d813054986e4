import { afterEach, describe, expect, it } from '@jest/globals'
import OpenAI from 'openai'
import { reply, startFakeOpenAI, type FakeOpenAI, type Script } from '../support/fake-openai.js'

let fake: FakeOpenAI | undefined

afterEach(async () => {
  await fake?.close({ allowViolations: true })
  fake = undefined
})

async function start(script: Script, options: { apiKey?: string; models?: string[] } = {}): Promise<OpenAI> {
  fake = await startFakeOpenAI(script, options)
  return new OpenAI({
    baseURL: fake.url,
    apiKey: options.apiKey ?? 'sk-test',
    maxRetries: 0,
    timeout: 10_000
  })
}

const readFileTool = {
  type: 'function' as const,
  function: {
    name: 'read_file',
    description: 'Read a file of the repository',
    parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] }
  }
}

describe('the fake OpenAI-compatible server', () => {
  it('answers a chat completion from the script and records the request', async () => {
    const client = await start([
      reply.text('The test fails because of an off-by-one.', {
        usage: { prompt_tokens: 120, completion_tokens: 11 }
      })
    ])
    const completion = await client.chat.completions.create({
      model: 'gpt-4.1-mini',
      messages: [
        { role: 'system', content: 'You fix tests.' },
        { role: 'user', content: 'Why does it fail?' }
      ],
      temperature: 0
    })
    expect(fake!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    expect(completion.choices[0]!.message.content).toBe('The test fails because of an off-by-one.')
    expect(completion.choices[0]!.finish_reason).toBe('stop')
    expect(completion.usage).toEqual({ prompt_tokens: 120, completion_tokens: 11, total_tokens: 131 })
    expect(completion.model).toBe('gpt-4.1-mini')
    expect(fake!.completions).toHaveLength(1)
    expect(fake!.completions[0]!.body).toMatchObject({
      model: 'gpt-4.1-mini',
      temperature: 0,
      messages: [{ role: 'system' }, { role: 'user' }]
    })
    expect(fake!.completions[0]!.headers.authorization).toBe('Bearer sk-test')
    expect(fake!.remainingSteps).toBe(0)
    await expect(fake!.close()).resolves.toBeUndefined()
  })

  it('returns tool calls, and the follow-up request carries the tool result', async () => {
    const client = await start([
      reply.toolCalls([{ id: 'call_1', name: 'read_file', arguments: { path: 'src/sum.ts' } }]),
      reply.text('Done.')
    ])
    const first = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'fix it' }],
      tools: [readFileTool]
    })
    const call = first.choices[0]!.message.tool_calls![0]!
    expect(first.choices[0]!.finish_reason).toBe('tool_calls')
    expect(call).toEqual({
      id: 'call_1',
      type: 'function',
      function: { name: 'read_file', arguments: '{"path":"src/sum.ts"}' }
    })
    await client.chat.completions.create({
      model: 'm',
      messages: [
        { role: 'user', content: 'fix it' },
        first.choices[0]!.message,
        { role: 'tool', tool_call_id: 'call_1', content: 'export const sum = (a, b) => a - b' }
      ],
      tools: [readFileTool]
    })
    expect(fake!.completions[1]!.body.messages[2]).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content: 'export const sum = (a, b) => a - b'
    })
    expect(fake!.completions[0]!.body.tools[0].function.name).toBe('read_file')
  })

  it('streams content as SSE chunks with usage at the end when asked', async () => {
    const text = 'Streaming works across many small chunks.'
    const client = await start([
      reply.text(text, { chunkSize: 5, usage: { prompt_tokens: 9, completion_tokens: 8 } })
    ])
    const stream = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true }
    })
    const pieces: string[] = []
    let finish: string | null | undefined
    let usage: OpenAI.CompletionUsage | null | undefined
    for await (const chunk of stream) {
      const choice = chunk.choices[0]
      if (choice?.delta.content) pieces.push(choice.delta.content)
      if (choice?.finish_reason) finish = choice.finish_reason
      if (chunk.usage) usage = chunk.usage
    }
    expect(pieces.join('')).toBe(text)
    expect(pieces.length).toBe(Math.ceil(text.length / 5))
    expect(finish).toBe('stop')
    expect(usage).toEqual({ prompt_tokens: 9, completion_tokens: 8, total_tokens: 17 })
    expect(fake!.completions[0]!.stream).toBe(true)
  })

  it('streams tool calls with incremental arguments that the client reassembles', async () => {
    const args = {
      path: 'src/a very long/path/to/file.ts',
      reason: 'needs the whole file to localise the fault'
    }
    const client = await start([
      reply.toolCalls(
        [
          { id: 'call_a', name: 'read_file', arguments: args },
          { id: 'call_b', name: 'read_file', arguments: { path: 'b.ts' } }
        ],
        { chunkSize: 7 }
      )
    ])
    const runner = client.chat.completions.stream({
      model: 'm',
      messages: [{ role: 'user', content: 'go' }],
      tools: [readFileTool]
    })
    const argumentDeltas: string[] = []
    runner.on('chunk', chunk => {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? [])
        if (call.function?.arguments) argumentDeltas.push(call.function.arguments)
    })
    const final = await runner.finalChatCompletion()
    const calls = final.choices[0]!.message.tool_calls!
    expect(calls.map(c => c.id)).toEqual(['call_a', 'call_b'])
    expect(calls[0]!.type === 'function' && JSON.parse(calls[0]!.function.arguments)).toEqual(args)
    expect(calls[1]!.type === 'function' && JSON.parse(calls[1]!.function.arguments)).toEqual({
      path: 'b.ts'
    })
    expect(argumentDeltas.length).toBeGreaterThan(5)
    expect(final.choices[0]!.finish_reason).toBe('tool_calls')
  })

  it('answers 429 with retry-after, and the client retries after it', async () => {
    const client = await start([reply.rateLimited(0), reply.text('after the wait')])
    const plain = new OpenAI({ baseURL: fake!.url, apiKey: 'k', maxRetries: 0 })
    const error = await plain.chat.completions
      .create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })
      .catch(e => e)
    expect(error).toBeInstanceOf(OpenAI.RateLimitError)
    expect(error.status).toBe(429)
    expect(error.headers.get('retry-after')).toBe('0')
    expect(error.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' })

    fake!.setScript([reply.rateLimited(0), reply.text('after the wait')])
    const retrying = client.withOptions({ maxRetries: 1 })
    const completion = await retrying.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }]
    })
    expect(completion.choices[0]!.message.content).toBe('after the wait')
    expect(fake!.completions).toHaveLength(3)
  })

  it('sends malformed JSON and error statuses as scripted', async () => {
    const client = await start([
      reply.raw('{"id": "chatcmpl-1", "choices": [{"message": {"content": "trunc'),
      reply.error(500, { message: 'upstream broke' }),
      reply.error(401, { errorType: 'invalid_request_error', code: 'invalid_api_key' })
    ])
    const ask = () =>
      client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })
    await expect(ask()).rejects.toThrow(/JSON/)
    await expect(ask()).rejects.toMatchObject({ status: 500 })
    await expect(ask()).rejects.toBeInstanceOf(OpenAI.AuthenticationError)
  })

  it('hangs until the client gives up, and drops a stream mid-way', async () => {
    const client = await start([
      reply.hang(),
      reply.disconnect({ afterChunks: 2, then: reply.text('never finished, never finished') })
    ])
    await expect(
      client.chat.completions.create(
        { model: 'm', messages: [{ role: 'user', content: 'x' }] },
        { timeout: 300 }
      )
      // Under jest the client reports its timeout as the parent APIConnectionError: undici's
      // DOMException comes from another realm than jest's Error, so openai's abort check misses it.
    ).rejects.toBeInstanceOf(OpenAI.APIConnectionError)
    expect(fake!.completions).toHaveLength(1)
    const stream = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      stream: true
    })
    const seen: string[] = []
    await expect(
      (async () => {
        for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '')
      })()
    ).rejects.toThrow()
    expect(seen.join('')).toBe('never fi')
  })

  it('delays a reply, scripts by function, lists models and checks the API key', async () => {
    const client = await start(
      (request, index) =>
        reply.text(`reply ${index} to ${request.body.messages.at(-1).content}`, { delayMs: 20 }),
      {
        apiKey: 'sk-right',
        models: ['openai/gpt-4.1']
      }
    )
    const completion = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'ping' }]
    })
    expect(completion.choices[0]!.message.content).toBe('reply 0 to ping')
    const models = await client.models.list()
    expect(models.data.map(m => m.id)).toEqual(['openai/gpt-4.1'])
    const wrongKey = new OpenAI({ baseURL: fake!.url, apiKey: 'sk-wrong', maxRetries: 0 })
    await expect(wrongKey.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError)
  })

  it('records a violation for a request the script did not expect or a malformed request', async () => {
    const client = await start([reply.text('only one')])
    await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })
    await expect(
      client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })
    ).rejects.toMatchObject({
      status: 500
    })
    await expect(client.chat.completions.create({ model: '', messages: [] })).rejects.toMatchObject({
      status: 400
    })
    expect(fake!.violations).toEqual([
      'request 1 arrived but the script has only 1 step(s)',
      'request 2: "model" must be a non-empty string'
    ])
    await expect(fake!.close()).rejects.toThrow(/saw 2 problem/)
  })
})
