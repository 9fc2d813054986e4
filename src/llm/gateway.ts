import OpenAI from 'openai'
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai'
import type { AuditLog } from '../report/audit.js'
import type { Logger } from '../ports/log.js'
import { Redactor } from '../security/redact.js'
import { extractJson, validateJson } from './json.js'
import { estimateCost } from './pricing.js'
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from './retry.js'
import { TokenCounter } from './tokens.js'
import {
  LlmError,
  type ChatMessage,
  type ChatToolCall,
  type CompletionRequest,
  type CompletionResult,
  type JsonCompletionRequest,
  type JsonCompletionResult,
  type JsonSchema,
  type LlmGateway,
  type LlmUsageTotals,
  type ToolDefinition
} from './types.js'

export const GITHUB_MODELS_BASE_URL = 'https://models.github.ai/inference'
export const GITHUB_MODELS_DEFAULT_MODEL = 'openai/gpt-4.1'
export const DEFAULT_CONTEXT_BUDGET = 8000

/** GitHub Models, including its organization-attributed endpoints (`/orgs/{org}/inference`). */
export function isGitHubModelsUrl(url: string): boolean {
  try {
    return new URL(url).hostname.toLowerCase() === 'models.github.ai'
  } catch {
    return false
  }
}
export const DEFAULT_MAX_OUTPUT_TOKENS = 2048

export interface OpenAiGatewayOptions {
  baseUrl: string
  apiKey: string
  model: string
  /** Most input tokens per request (default 8000, GitHub Models' low tier). */
  contextBudget?: number
  audit: AuditLog
  log: Logger
  /** Values that must never leave the runner (tokens, keys); masked in logs too. */
  secrets?: ReadonlyArray<string | undefined>
  /** Secret-looking variables of this environment are redacted as known secrets. */
  env?: NodeJS.ProcessEnv
  /** Total wall time for every request of the run, retries and waits included (default 10 min). */
  timeBudgetMs?: number
  retry?: Partial<RetryPolicy>
  maxOutputTokens?: number
  /** Whether this is GitHub Models (error messages then explain `permissions: models: read`). */
  githubModels?: boolean
  /** `prompt` skips response_format / tool calling (for endpoints known to lack them). Default `auto`. */
  structuredOutput?: 'auto' | 'prompt'
  toolCalling?: 'auto' | 'prompt'
  clock?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  random?: () => number
  redactor?: Redactor
}

type OpenAiMessage = OpenAI.Chat.Completions.ChatCompletionMessageParam

/** A reply the gateway could not read; retried like a garbled body. */
class MalformedReplyError extends SyntaxError {
  override readonly name = 'MalformedReplyError'
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

interface SendExtras {
  jsonSchema?: { name: string; schema: JsonSchema }
}

interface AttemptLog {
  attempt: number
  reason: string
  delayMs: number
}

/**
 * The LLM gateway over the `openai` client, for any OpenAI-compatible endpoint. It owns the retry
 * policy (the client's own retries are off), enforces the context budget and the run's time budget,
 * redacts every request, falls back to prompt-based JSON and tool calls for endpoints without them,
 * and records every request in the audit log.
 */
export class OpenAiGateway implements LlmGateway {
  readonly model: string
  readonly contextBudget: number
  readonly baseUrl: string
  private readonly client: OpenAI
  private readonly counter: TokenCounter
  private readonly redactor: Redactor
  private readonly policy: RetryPolicy
  private readonly clock: () => number
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  private readonly random: () => number
  private readonly deadline: number
  private readonly maxOutputTokens: number
  private readonly githubModels: boolean
  private jsonMode: 'native' | 'prompt'
  private toolMode: 'native' | 'prompt'
  private tokenParameter: 'max_tokens' | 'max_completion_tokens' = 'max_tokens'
  private readonly usage = { requests: 0, inputTokens: 0, outputTokens: 0 }

  constructor(private readonly options: OpenAiGatewayOptions) {
    this.model = options.model
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.contextBudget = options.contextBudget ?? DEFAULT_CONTEXT_BUDGET
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry }
    this.clock = options.clock ?? Date.now
    this.sleep = options.sleep ?? defaultSleep
    this.random = options.random ?? Math.random
    this.deadline = this.clock() + (options.timeBudgetMs ?? 10 * 60_000)
    this.maxOutputTokens = options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS
    this.githubModels = options.githubModels ?? isGitHubModelsUrl(this.baseUrl)
    this.jsonMode = options.structuredOutput === 'prompt' ? 'prompt' : 'native'
    this.toolMode = options.toolCalling === 'prompt' ? 'prompt' : 'native'
    this.counter = new TokenCounter(options.model)
    this.redactor =
      options.redactor ??
      new Redactor({
        secrets: [options.apiKey, ...(options.secrets ?? [])],
        env: options.env,
        log: options.log
      })
    this.redactor.addSecret(options.apiKey)
    if (/^o\d|gpt-5/.test(this.model.split('/').pop() ?? '') && /api\.openai\.com/.test(this.baseUrl)) {
      this.tokenParameter = 'max_completion_tokens'
    }
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: this.baseUrl,
      maxRetries: 0,
      timeout: this.policy.requestTimeoutMs,
      defaultHeaders: this.githubModels ? { 'X-GitHub-Api-Version': '2022-11-28' } : undefined
    })
  }

  countTokens(text: string): number {
    return this.counter.count(text)
  }

  countRequestTokens(messages: readonly ChatMessage[], tools: readonly ToolDefinition[] = []): number {
    return this.counter.countRequest(messages, tools)
  }

  redact(text: string): string {
    return this.redactor.clean(text)
  }

  totals(): LlmUsageTotals {
    return {
      ...this.usage,
      model: this.model,
      costUsd: estimateCost(this.model, this.usage.inputTokens, this.usage.outputTokens)
    }
  }

  /** Milliseconds left of the run's time budget. */
  remainingMs(): number {
    return Math.max(0, this.deadline - this.clock())
  }

  complete(request: CompletionRequest): Promise<CompletionResult> {
    return this.send(request, {})
  }

  async completeJson<T>(
    request: JsonCompletionRequest,
    schema: JsonSchema
  ): Promise<JsonCompletionResult<T>> {
    const name =
      (request.schemaName ?? request.purpose).replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'reply'
    const first = await this.send({ ...request, tools: undefined }, { jsonSchema: { name, schema } })
    const firstCheck = this.checkJson(first.message.content ?? '', schema)
    if (firstCheck.ok) return { ...first, value: firstCheck.value as T }

    this.options.log.info(
      `The model's ${request.purpose} reply did not match the schema; asking once for a repair.`
    )
    const repair: CompletionRequest = {
      ...request,
      purpose: `${request.purpose}.repair`,
      messages: [
        ...request.messages,
        { role: 'assistant', content: first.message.content ?? '' },
        {
          role: 'user',
          content:
            `Your reply could not be used: ${firstCheck.error}\n` +
            'Reply again with only the corrected JSON value that matches the schema, and nothing else.'
        }
      ]
    }
    const second = await this.send(repair, { jsonSchema: { name, schema } })
    const secondCheck = this.checkJson(second.message.content ?? '', schema)
    if (secondCheck.ok) return { ...second, value: secondCheck.value as T }
    const error = new LlmError(
      'bad-response',
      `The model's reply for ${request.purpose} did not match the expected JSON shape, even after one repair request: ${secondCheck.error}`
    )
    this.options.audit.record({
      type: 'llm.invalid-json',
      purpose: request.purpose,
      model: this.model,
      error: secondCheck.error
    })
    throw error
  }

  private checkJson(
    text: string,
    schema: JsonSchema
  ): { ok: true; value: unknown } | { ok: false; error: string } {
    const extracted = extractJson(text)
    if (!extracted.ok) return { ok: false, error: extracted.error }
    const problems = validateJson(extracted.value, schema)
    if (problems.length)
      return { ok: false, error: `it does not match the schema: ${problems.slice(0, 8).join('; ')}` }
    return extracted
  }

  private async send(request: CompletionRequest, extras: SendExtras): Promise<CompletionResult> {
    const started = this.clock()
    const attempts: AttemptLog[] = []
    let redactions = 0
    const redactedKinds = new Set<string>()
    const clean = (text: string): string => {
      const result = this.redactor.redact(text)
      redactions += result.count
      for (const kind of result.kinds) redactedKinds.add(kind)
      return result.text
    }
    const messages: ChatMessage[] = request.messages.map(message => {
      if (message.role === 'assistant') {
        return {
          role: 'assistant',
          content: message.content === null ? null : clean(message.content),
          toolCalls: message.toolCalls?.map(call => ({ ...call, arguments: clean(call.arguments) }))
        }
      }
      return { ...message, content: clean(message.content) }
    })
    const tools = request.tools ?? []
    const maxOutputTokens = request.maxOutputTokens ?? this.maxOutputTokens

    const record = (fields: Record<string, unknown>): void => {
      this.options.audit.record({
        type: 'llm.request',
        purpose: request.purpose,
        model: this.model,
        endpoint: safeHost(this.baseUrl),
        attempts: attempts.length + 1,
        retries: attempts,
        redactions,
        redactedKinds: [...redactedKinds],
        latencyMs: this.clock() - started,
        ...fields
      })
    }

    let attempt = 0
    for (;;) {
      attempt++
      const prepared = this.prepare(messages, tools, maxOutputTokens, extras)
      if (prepared.inputTokens > this.contextBudget) {
        const error = new LlmError(
          'budget',
          `The ${request.purpose} request needs about ${prepared.inputTokens} input tokens, over the context budget of ` +
            `${this.contextBudget} (context-budget). It was not sent; fit the context first (fitSections) or raise context-budget.`
        )
        record({ outcome: 'refused', errorKind: 'budget', estimatedInputTokens: prepared.inputTokens })
        throw error
      }
      const remaining = this.deadline - this.clock()
      if (remaining <= 0) {
        const error = new LlmError(
          'budget',
          `The LLM time budget (time-budget) ran out before the ${request.purpose} request could be sent` +
            (attempts.length ? ` (last problem: ${attempts[attempts.length - 1]!.reason})` : '') +
            '.',
          { attempts: attempts.length }
        )
        record({ outcome: 'budget', errorKind: 'budget', error: error.message })
        throw error
      }
      const timeout = Math.max(1, Math.min(this.policy.requestTimeoutMs, remaining))
      const attemptStarted = this.clock()
      const realStarted = Date.now()
      try {
        const completion = await this.client.chat.completions.create(prepared.params, {
          timeout,
          maxRetries: 0,
          signal: request.signal
        })
        const result = this.readReply(completion, prepared, request.purpose)
        const latencyMs = this.clock() - attemptStarted
        this.usage.requests++
        this.usage.inputTokens += result.usage.inputTokens
        this.usage.outputTokens += result.usage.outputTokens
        record({
          outcome: 'ok',
          inputTokens: result.usage.inputTokens,
          outputTokens: result.usage.outputTokens,
          estimatedInputTokens: prepared.inputTokens,
          finishReason: result.finishReason,
          toolCalls: result.message.toolCalls?.map(call => call.name) ?? [],
          jsonMode: extras.jsonSchema ? this.jsonMode : undefined,
          toolMode: tools.length ? this.toolMode : undefined,
          costUsd: estimateCost(this.model, result.usage.inputTokens, result.usage.outputTokens)
        })
        return {
          message: result.message,
          model: result.model,
          usage: result.usage,
          latencyMs,
          finishReason: result.finishReason
        }
      } catch (error) {
        if (this.adaptToRejection(error, extras, tools.length > 0)) {
          attempts.push({ attempt, reason: `endpoint lacks a feature: ${this.describeModes()}`, delayMs: 0 })
          attempt--
          continue
        }
        if (request.signal?.aborted) {
          const aborted = new LlmError(
            'budget',
            `The ${request.purpose} request was cancelled by its caller.`,
            { cause: error }
          )
          record({ outcome: 'cancelled', errorKind: 'budget', error: aborted.message })
          throw aborted
        }
        const decision = decideRetry(asTimeout(error, Date.now() - realStarted, timeout), {
          attempt,
          policy: this.policy,
          random: this.random,
          endpoint: safeHost(this.baseUrl),
          model: this.model,
          githubModels: this.githubModels
        })
        if (!decision.retry) {
          record({
            outcome: 'error',
            errorKind: decision.error.kind,
            error: this.redactor.clean(decision.error.message)
          })
          throw decision.error
        }
        const left = this.deadline - this.clock()
        if (decision.delayMs >= left) {
          const budgetError = new LlmError(
            'budget',
            `Gave up on the ${request.purpose} request: the LLM time budget (time-budget) runs out before the next retry ` +
              `(${decision.reason}; ${Math.round(left / 1000)} s left, retry in ${Math.round(decision.delayMs / 1000)} s).`,
            { attempts: attempt, cause: error }
          )
          attempts.push({ attempt, reason: decision.reason, delayMs: 0 })
          record({
            outcome: 'budget',
            errorKind: 'budget',
            lastFailure: decision.kind,
            error: budgetError.message
          })
          throw budgetError
        }
        attempts.push({ attempt, reason: decision.reason, delayMs: decision.delayMs })
        this.options.log.warning(
          `LLM request for ${request.purpose} failed (${decision.reason}); retrying in ${(decision.delayMs / 1000).toFixed(1)} s ` +
            `(attempt ${attempt + 1} of ${this.policy.maxAttempts}).`
        )
        try {
          await this.sleep(decision.delayMs, request.signal)
        } catch (sleepError) {
          const aborted = new LlmError(
            'budget',
            `The ${request.purpose} request was cancelled by its caller.`,
            { cause: sleepError }
          )
          record({ outcome: 'cancelled', errorKind: 'budget', error: aborted.message })
          throw aborted
        }
      }
    }
  }

  private describeModes(): string {
    return `json=${this.jsonMode}, tools=${this.toolMode}, ${this.tokenParameter}`
  }

  /** Learns from a 400 that the endpoint lacks response_format, tools or max_tokens; true when worth resending. */
  private adaptToRejection(error: unknown, extras: SendExtras, hasTools: boolean): boolean {
    if (!(error instanceof APIError) || (error.status !== 400 && error.status !== 422)) return false
    const body = error.error as { message?: unknown } | undefined
    const message = `${typeof body?.message === 'string' ? body.message : ''} ${error.message} ${error.param ?? ''}`
    if (
      this.tokenParameter === 'max_tokens' &&
      /max_tokens/i.test(message) &&
      /max_completion_tokens/i.test(message)
    ) {
      this.tokenParameter = 'max_completion_tokens'
      return true
    }
    if (
      extras.jsonSchema &&
      this.jsonMode === 'native' &&
      /response_format|json_schema|structured output|json mode/i.test(message)
    ) {
      this.jsonMode = 'prompt'
      this.options.log.info(
        'The LLM endpoint does not support response_format; asking for JSON in the prompt instead.'
      )
      return true
    }
    if (hasTools && this.toolMode === 'native' && /\btools?\b|tool_choice|function call/i.test(message)) {
      this.toolMode = 'prompt'
      this.options.log.info(
        'The LLM endpoint does not support tool calling; describing the tools in the prompt instead.'
      )
      return true
    }
    return false
  }

  private prepare(
    messages: readonly ChatMessage[],
    tools: readonly ToolDefinition[],
    maxOutputTokens: number,
    extras: SendExtras
  ): {
    params: OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming
    inputTokens: number
    promptTools: boolean
  } {
    const promptTools = tools.length > 0 && this.toolMode === 'prompt'
    const extraSystem: string[] = []
    if (promptTools) extraSystem.push(promptToolInstructions(tools))
    if (extras.jsonSchema && this.jsonMode === 'prompt')
      extraSystem.push(promptJsonInstructions(extras.jsonSchema.schema))
    const effective: ChatMessage[] = promptTools ? messages.map(flattenToolMessage) : [...messages]
    if (extraSystem.length) effective.push({ role: 'system', content: extraSystem.join('\n\n') })

    let inputTokens = this.counter.countRequest(effective, promptTools ? [] : tools)
    const params: OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming = {
      model: this.model,
      messages: effective.map(toOpenAiMessage)
    }
    params[this.tokenParameter] = maxOutputTokens
    if (tools.length && !promptTools) {
      params.tools = tools.map(tool => ({
        type: 'function' as const,
        function: { name: tool.name, description: tool.description, parameters: tool.parameters }
      }))
    }
    if (extras.jsonSchema && this.jsonMode === 'native') {
      params.response_format = {
        type: 'json_schema',
        json_schema: { name: extras.jsonSchema.name, schema: extras.jsonSchema.schema, strict: false }
      }
      inputTokens += this.counter.count(JSON.stringify(extras.jsonSchema.schema))
    }
    return { params, inputTokens, promptTools }
  }

  private readReply(
    completion: unknown,
    prepared: { inputTokens: number; promptTools: boolean },
    purpose: string
  ): Omit<CompletionResult, 'latencyMs'> & { finishReason?: string } {
    if (typeof completion !== 'object' || completion === null) {
      throw new MalformedReplyError('the endpoint did not answer with a chat completion object')
    }
    const body = completion as {
      model?: unknown
      choices?: Array<{ message?: { content?: unknown; tool_calls?: unknown }; finish_reason?: unknown }>
      usage?: { prompt_tokens?: unknown; completion_tokens?: unknown }
    }
    const choice = Array.isArray(body.choices) ? body.choices[0] : undefined
    if (!choice || typeof choice.message !== 'object' || choice.message === null) {
      throw new MalformedReplyError('the chat completion has no choices[0].message')
    }
    const content = typeof choice.message.content === 'string' ? choice.message.content : null
    const finishReason = typeof choice.finish_reason === 'string' ? choice.finish_reason : undefined
    let toolCalls: ChatToolCall[] = []
    if (Array.isArray(choice.message.tool_calls)) {
      toolCalls = choice.message.tool_calls.flatMap((raw: unknown, index: number): ChatToolCall[] => {
        const call = raw as {
          id?: unknown
          type?: unknown
          function?: { name?: unknown; arguments?: unknown }
        }
        if (!call?.function || typeof call.function.name !== 'string') return []
        const args = call.function.arguments
        return [
          {
            id: typeof call.id === 'string' && call.id ? call.id : `call_${index}`,
            name: call.function.name,
            arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {})
          }
        ]
      })
    }
    let text = content
    if (prepared.promptTools && text) {
      const parsed = parsePromptToolCalls(text)
      if (parsed) {
        toolCalls = parsed.calls
        text = parsed.content
      }
    }
    if (!text && toolCalls.length === 0) {
      if (finishReason === 'length') {
        throw new LlmError(
          'bad-response',
          `The model's reply for ${purpose} was cut off at the output-token limit before it said anything usable.`
        )
      }
      if (finishReason === 'content_filter') {
        throw new LlmError(
          'bad-response',
          `The endpoint's content filter blocked the model's reply for ${purpose}.`
        )
      }
      throw new MalformedReplyError('the reply has neither content nor tool calls')
    }
    const usage = {
      inputTokens:
        typeof body.usage?.prompt_tokens === 'number' ? body.usage.prompt_tokens : prepared.inputTokens,
      outputTokens:
        typeof body.usage?.completion_tokens === 'number'
          ? body.usage.completion_tokens
          : this.counter.count((text ?? '') + toolCalls.map(c => c.name + c.arguments).join(''))
    }
    return {
      message: { role: 'assistant', content: text, toolCalls: toolCalls.length ? toolCalls : undefined },
      model: typeof body.model === 'string' && body.model ? body.model : this.model,
      usage,
      finishReason
    }
  }
}

/**
 * The client reports its own per-request timeout as a plain connection error when the abort
 * reason crosses realms (test VMs, some bundles); a connection error at the time limit is a timeout.
 */
function asTimeout(error: unknown, elapsedMs: number, timeoutMs: number): unknown {
  if (
    error instanceof APIConnectionError &&
    !(error instanceof APIConnectionTimeoutError) &&
    elapsedMs >= timeoutMs * 0.95
  ) {
    return new APIConnectionTimeoutError({ message: `Request timed out after ${timeoutMs} ms.` })
  }
  return error
}

function safeHost(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`
  } catch {
    return 'the configured endpoint'
  }
}

function toOpenAiMessage(message: ChatMessage): OpenAiMessage {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.content }
    case 'user':
      return { role: 'user', content: message.content }
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content }
    case 'assistant':
      return {
        role: 'assistant',
        content: message.content,
        ...(message.toolCalls?.length
          ? {
              tool_calls: message.toolCalls.map(call => ({
                id: call.id,
                type: 'function' as const,
                function: { name: call.name, arguments: call.arguments }
              }))
            }
          : {})
      }
  }
}

const PROMPT_TOOL_KEY = 'tool_calls'

function promptToolInstructions(tools: readonly ToolDefinition[]): string {
  const list = tools
    .map(
      tool =>
        `- ${tool.name}: ${tool.description}\n  arguments (JSON Schema): ${JSON.stringify(tool.parameters)}`
    )
    .join('\n')
  return [
    'You can call these tools:',
    list,
    `To call tools, reply with only a JSON object {"${PROMPT_TOOL_KEY}": [{"name": "<tool>", "arguments": {…}}]} and nothing else.`,
    'Tool results come back in a later message. When you are done, reply in plain text without that JSON object.'
  ].join('\n')
}

function promptJsonInstructions(schema: JsonSchema): string {
  return [
    'Reply with only one JSON value that matches this JSON Schema, with no prose before or after it:',
    '```json',
    JSON.stringify(schema),
    '```'
  ].join('\n')
}

/** For endpoints without tool calling: earlier tool calls and results become plain text turns. */
function flattenToolMessage(message: ChatMessage): ChatMessage {
  if (message.role === 'tool') {
    return { role: 'user', content: `Result of tool call ${message.toolCallId}:\n${message.content}` }
  }
  if (message.role === 'assistant' && message.toolCalls?.length) {
    const calls = message.toolCalls.map(call => ({
      id: call.id,
      name: call.name,
      arguments: safeParse(call.arguments)
    }))
    const json = JSON.stringify({ [PROMPT_TOOL_KEY]: calls })
    return { role: 'assistant', content: message.content ? `${message.content}\n${json}` : json }
  }
  return message
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function parsePromptToolCalls(text: string): { calls: ChatToolCall[]; content: string | null } | undefined {
  if (!text.includes(PROMPT_TOOL_KEY)) return undefined
  const extracted = extractJson(text)
  if (!extracted.ok || typeof extracted.value !== 'object' || extracted.value === null) return undefined
  const raw = (extracted.value as Record<string, unknown>)[PROMPT_TOOL_KEY]
  if (!Array.isArray(raw)) return undefined
  const calls = raw.flatMap((item: unknown, index): ChatToolCall[] => {
    const call = item as { name?: unknown; arguments?: unknown }
    if (typeof call?.name !== 'string') return []
    const args = typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {})
    return [{ id: `call_${index}`, name: call.name, arguments: args }]
  })
  return calls.length ? { calls, content: null } : undefined
}
