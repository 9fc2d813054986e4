/**
 * A loopback OpenAI-compatible server for tests: POST /v1/chat/completions (JSON or SSE streaming,
 * tool calls, usage) and GET /v1/models. Replies follow a script — an array of steps consumed in
 * order, or a function of the request — and every request is recorded. Works with the real
 * `openai` client through `baseURL: fake.url`.
 *
 * Steps can also be HTTP errors (429 with retry-after, 500, …), raw or malformed bodies, delays,
 * dropped connections and hangs (no answer until the server is closed).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface ScriptedToolCall {
  id?: string
  name: string
  /** Arguments as JSON text (sent verbatim, so it may be malformed) or an object to serialise. */
  arguments: string | Record<string, unknown>
}

export interface CompletionStep {
  type?: 'completion'
  content?: string | null
  toolCalls?: ScriptedToolCall[]
  /** Default: `tool_calls` when there are tool calls, else `stop`. */
  finishReason?: string
  /** Token counts to report; missing ones are estimated (about 4 characters a token). */
  usage?: { prompt_tokens?: number; completion_tokens?: number }
  model?: string
  /** Wait before answering. */
  delayMs?: number
  /** Streaming: characters of content / tool arguments per chunk (default 8). */
  chunkSize?: number
  /** Streaming: wait between chunks. */
  chunkDelayMs?: number
}

export interface ErrorStep {
  type: 'error'
  status: number
  message?: string
  /** OpenAI's error.type, e.g. `rate_limit_error`, `insufficient_quota`. */
  errorType?: string
  code?: string | null
  /** Seconds, sent as the `retry-after` header. */
  retryAfter?: number
  /** Milliseconds, sent as the `retry-after-ms` header. */
  retryAfterMs?: number
  headers?: Record<string, string>
  delayMs?: number
}

export interface RawStep {
  type: 'raw'
  /** Sent verbatim (e.g. truncated JSON, HTML from a proxy). */
  body: string
  status?: number
  contentType?: string
  headers?: Record<string, string>
  delayMs?: number
}

export interface HangStep {
  type: 'hang'
  /** Streaming: send this many chunks of `then` first, then stall. */
  afterChunks?: number
  then?: CompletionStep
}

export interface DisconnectStep {
  type: 'disconnect'
  /** Streaming: send this many chunks of `then` before dropping the connection (default 0). */
  afterChunks?: number
  then?: CompletionStep
}

export type ScriptStep = CompletionStep | ErrorStep | RawStep | HangStep | DisconnectStep

export interface RecordedChatRequest {
  index: number
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
  /** The parsed JSON body (undefined when it was not JSON). */
  body: any
  rawBody: string
  stream: boolean
}

export type Script =
  ScriptStep[] | ((request: RecordedChatRequest, index: number) => ScriptStep | Promise<ScriptStep>)

export interface FakeOpenAIOptions {
  /** Model ids listed by GET /v1/models (default ['gpt-4.1-mini', 'openai/gpt-4.1']). */
  models?: string[]
  /** When set, requests must carry `Authorization: Bearer <apiKey>`; others get 401. */
  apiKey?: string
}

/** Helpers that build script steps. */
export const reply = {
  text: (content: string, options: Omit<CompletionStep, 'content' | 'type'> = {}): CompletionStep => ({
    ...options,
    content
  }),
  toolCalls: (
    toolCalls: ScriptedToolCall[],
    options: Omit<CompletionStep, 'toolCalls' | 'type'> = {}
  ): CompletionStep => ({
    content: null,
    ...options,
    toolCalls
  }),
  error: (status: number, options: Omit<ErrorStep, 'type' | 'status'> = {}): ErrorStep => ({
    type: 'error',
    status,
    ...options
  }),
  rateLimited: (retryAfterSeconds = 1, options: Omit<ErrorStep, 'type' | 'status'> = {}): ErrorStep => ({
    type: 'error',
    status: 429,
    retryAfter: retryAfterSeconds,
    errorType: 'rate_limit_error',
    code: 'rate_limit_exceeded',
    message: 'Rate limit reached. Please try again later.',
    ...options
  }),
  raw: (body: string, options: Omit<RawStep, 'type' | 'body'> = {}): RawStep => ({
    type: 'raw',
    body,
    ...options
  }),
  hang: (options: Omit<HangStep, 'type'> = {}): HangStep => ({ type: 'hang', ...options }),
  disconnect: (options: Omit<DisconnectStep, 'type'> = {}): DisconnectStep => ({
    type: 'disconnect',
    ...options
  })
}

const DEFAULT_MODELS = ['gpt-4.1-mini', 'openai/gpt-4.1']

function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4))
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

function chunkText(text: string, size: number): string[] {
  if (text === '') return []
  const parts: string[] = []
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size))
  return parts
}

interface NormalisedToolCall {
  id: string
  name: string
  arguments: string
}

export class FakeOpenAI {
  readonly requests: RecordedChatRequest[] = []
  /** Problems with how the client talked to the server (bad JSON, missing model, script exhausted). */
  readonly violations: string[] = []
  private readonly sockets = new Set<Socket>()
  private readonly pending = new Set<ServerResponse>()
  private closed = false
  private completionCount = 0

  constructor(
    private readonly server: Server,
    /** Base URL for clients, ending in /v1. */
    readonly url: string,
    private script: Script,
    private readonly options: FakeOpenAIOptions
  ) {
    server.on('connection', socket => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  /** The chat completion requests only (GET /models excluded). */
  get completions(): RecordedChatRequest[] {
    return this.requests.filter(r => r.path.endsWith('/chat/completions'))
  }

  /** Replaces the script; array scripts restart from their first step. */
  setScript(script: Script): void {
    this.script = script
    this.completionCount = 0
  }

  /** Steps of an array script not used yet. */
  get remainingSteps(): number {
    return Array.isArray(this.script) ? Math.max(0, this.script.length - this.completionCount) : 0
  }

  assertNoViolations(): void {
    if (this.violations.length) {
      throw new Error(
        `The fake OpenAI server saw ${this.violations.length} problem(s):\n- ${this.violations.join('\n- ')}`
      )
    }
  }

  /** Stops the server, ending hung requests; throws on violations unless `allowViolations`. */
  async close(options: { allowViolations?: boolean } = {}): Promise<void> {
    if (!this.closed) {
      this.closed = true
      for (const response of this.pending) response.destroy()
      for (const socket of this.sockets) socket.destroy()
      await new Promise<void>(resolve => this.server.close(() => resolve()))
    }
    if (!options.allowViolations) this.assertNoViolations()
  }

  /** @internal */
  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase()
    const path = new URL(request.url ?? '/', 'http://fake.openai').pathname
    const rawBody = await readBody(request)
    if (
      this.options.apiKey !== undefined &&
      request.headers.authorization !== `Bearer ${this.options.apiKey}`
    ) {
      this.requests.push({
        index: -1,
        method,
        path,
        headers: request.headers,
        body: undefined,
        rawBody,
        stream: false
      })
      return sendJson(
        response,
        401,
        errorBody('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key')
      )
    }

    if (method === 'GET' && /\/models\/?$/.test(path)) {
      this.requests.push({
        index: this.requests.length,
        method,
        path,
        headers: request.headers,
        body: undefined,
        rawBody,
        stream: false
      })
      return sendJson(response, 200, {
        object: 'list',
        data: (this.options.models ?? DEFAULT_MODELS).map(id => ({
          id,
          object: 'model',
          created: 1700000000,
          owned_by: 'fake'
        }))
      })
    }
    if (method !== 'POST' || !/\/chat\/completions\/?$/.test(path)) {
      this.violations.push(`unknown route ${method} ${path}`)
      return sendJson(
        response,
        404,
        errorBody(`Unknown route ${method} ${path}`, 'invalid_request_error', 'unknown_url')
      )
    }

    let body: any
    try {
      body = JSON.parse(rawBody)
    } catch {
      body = undefined
    }
    const record: RecordedChatRequest = {
      index: this.completionCount,
      method,
      path,
      headers: request.headers,
      body,
      rawBody,
      stream: body?.stream === true
    }
    this.requests.push(record)
    const problem = checkChatRequest(body)
    if (problem) {
      this.violations.push(`request ${record.index}: ${problem}`)
      return sendJson(response, 400, errorBody(problem, 'invalid_request_error', null))
    }

    const index = this.completionCount++
    let step: ScriptStep | undefined
    if (typeof this.script === 'function') {
      step = await this.script(record, index)
    } else {
      step = this.script[index]
      if (!step) {
        this.violations.push(`request ${index} arrived but the script has only ${this.script.length} step(s)`)
        return sendJson(response, 500, errorBody('Fake OpenAI: script exhausted', 'server_error', null))
      }
    }
    await this.respond(step, record, response)
  }

  private async respond(
    step: ScriptStep,
    record: RecordedChatRequest,
    response: ServerResponse
  ): Promise<void> {
    if (step.type !== 'hang' && step.type !== 'disconnect' && step.delayMs) {
      this.pending.add(response)
      await sleep(step.delayMs)
      this.pending.delete(response)
      if (response.destroyed) return
    }
    switch (step.type) {
      case 'error': {
        const headers: Record<string, string> = { ...step.headers }
        if (step.retryAfter !== undefined) headers['retry-after'] = String(step.retryAfter)
        if (step.retryAfterMs !== undefined) headers['retry-after-ms'] = String(step.retryAfterMs)
        return sendJson(
          response,
          step.status,
          errorBody(
            step.message ?? `Fake error ${step.status}`,
            step.errorType ?? 'server_error',
            step.code ?? null
          ),
          headers
        )
      }
      case 'raw':
        response.writeHead(step.status ?? 200, {
          'content-type': step.contentType ?? 'application/json',
          ...step.headers
        })
        response.end(step.body)
        return
      case 'hang':
      case 'disconnect': {
        this.pending.add(response)
        if (step.then && (step.afterChunks ?? 0) > 0 && record.stream) {
          await this.stream(step.then, record, response, step.afterChunks)
        }
        if (step.type === 'disconnect') {
          response.socket?.destroy()
          this.pending.delete(response)
        }
        return
      }
      default:
        if (record.stream) return this.stream(step, record, response)
        return sendJson(response, 200, this.completion(step, record))
    }
  }

  private toolCalls(step: CompletionStep): NormalisedToolCall[] {
    return (step.toolCalls ?? []).map((call, i) => ({
      id: call.id ?? `call_fake_${this.completionCount}_${i}`,
      name: call.name,
      arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments)
    }))
  }

  private usage(step: CompletionStep, record: RecordedChatRequest, calls: NormalisedToolCall[]) {
    const prompt = step.usage?.prompt_tokens ?? estimateTokens(JSON.stringify(record.body?.messages ?? []))
    const completion =
      step.usage?.completion_tokens ??
      estimateTokens((step.content ?? '') + calls.map(c => c.name + c.arguments).join(''))
    return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion }
  }

  private completion(step: CompletionStep, record: RecordedChatRequest): Record<string, unknown> {
    const calls = this.toolCalls(step)
    const message: Record<string, unknown> = {
      role: 'assistant',
      content: step.content ?? null,
      refusal: null
    }
    if (calls.length) {
      message.tool_calls = calls.map(c => ({
        id: c.id,
        type: 'function',
        function: { name: c.name, arguments: c.arguments }
      }))
    }
    return {
      id: `chatcmpl-fake-${record.index}`,
      object: 'chat.completion',
      created: 1700000000 + record.index,
      model: step.model ?? record.body.model,
      choices: [
        {
          index: 0,
          message,
          logprobs: null,
          finish_reason: step.finishReason ?? (calls.length ? 'tool_calls' : 'stop')
        }
      ],
      usage: this.usage(step, record, calls),
      system_fingerprint: null
    }
  }

  /** Writes the completion as SSE chunks; stops after `limit` chunks when given (for hangs and drops). */
  private async stream(
    step: CompletionStep,
    record: RecordedChatRequest,
    response: ServerResponse,
    limit?: number
  ): Promise<void> {
    const calls = this.toolCalls(step)
    const size = step.chunkSize ?? 8
    const base = {
      id: `chatcmpl-fake-${record.index}`,
      object: 'chat.completion.chunk',
      created: 1700000000 + record.index,
      model: step.model ?? record.body.model,
      system_fingerprint: null
    }
    const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
      ...base,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }]
    })
    const events: unknown[] = [
      chunk({ role: 'assistant', content: calls.length && !step.content ? null : '' })
    ]
    for (const piece of chunkText(step.content ?? '', size)) events.push(chunk({ content: piece }))
    calls.forEach((call, index) => {
      events.push(
        chunk({
          tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }]
        })
      )
      for (const piece of chunkText(call.arguments, size)) {
        events.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }))
      }
    })
    events.push(chunk({}, step.finishReason ?? (calls.length ? 'tool_calls' : 'stop')))
    if (record.body.stream_options?.include_usage)
      events.push({ ...base, choices: [], usage: this.usage(step, record, calls) })

    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive'
    })
    const count = limit === undefined ? events.length : Math.min(limit, events.length)
    for (let i = 0; i < count; i++) {
      if (response.destroyed) return
      const line = `data: ${JSON.stringify(events[i])}\n\n`
      // A stream that will stall or drop must really have sent its first chunks.
      if (limit === undefined) response.write(line)
      else await new Promise<void>(resolve => response.write(line, () => resolve()))
      if (step.chunkDelayMs) await sleep(step.chunkDelayMs)
    }
    if (limit === undefined) {
      response.write('data: [DONE]\n\n')
      response.end()
    }
  }
}

function checkChatRequest(body: any): string | undefined {
  if (body === undefined || body === null || typeof body !== 'object') return 'the body is not a JSON object'
  if (typeof body.model !== 'string' || body.model === '') return '"model" must be a non-empty string'
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return '"messages" must be a non-empty array'
  for (const [i, message] of body.messages.entries()) {
    if (!['system', 'developer', 'user', 'assistant', 'tool'].includes(message?.role)) {
      return `messages[${i}].role is ${JSON.stringify(message?.role)}`
    }
    if (message.role === 'tool' && typeof message.tool_call_id !== 'string')
      return `messages[${i}] (tool) has no tool_call_id`
  }
  if (body.tools !== undefined) {
    if (!Array.isArray(body.tools)) return '"tools" must be an array'
    for (const [i, tool] of body.tools.entries()) {
      if (tool?.type !== 'function' || typeof tool.function?.name !== 'string') {
        return `tools[${i}] must be {"type":"function","function":{"name",...}}`
      }
    }
  }
  return undefined
}

function errorBody(message: string, type: string, code: string | null): Record<string, unknown> {
  return { error: { message, type, param: null, code } }
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

/** Starts the fake on 127.0.0.1 with a random port; `url` ends in /v1. Close it after the test. */
export async function startFakeOpenAI(
  script: Script = [],
  options: FakeOpenAIOptions = {}
): Promise<FakeOpenAI> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const fake = new FakeOpenAI(server, `http://127.0.0.1:${port}/v1`, script, options)
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    fake.handle(request, response).catch(error => {
      if (!response.headersSent) sendJson(response, 500, errorBody(String(error), 'server_error', null))
    })
  })
  return fake
}
