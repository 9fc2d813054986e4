/**
 * The LLM gateway's contract, shared by the fixer, the test generator and the deploy guard.
 * The implementation (src/llm/gateway.ts) wraps the `openai` client against any OpenAI-compatible
 * endpoint, with its own retry policy, token budgets, redaction and audit logging.
 */
export interface ChatToolCall {
  id: string
  name: string
  /** Raw JSON text of the arguments, as the model produced it (may be malformed). */
  arguments: string
}

export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; toolCalls?: ChatToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string }

export interface ToolDefinition {
  name: string
  description: string
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>
}

export interface CompletionRequest {
  /** What the request is for (`fix`, `generate`, `guard.summary`); recorded in the audit log. */
  purpose: string
  messages: ChatMessage[]
  tools?: ToolDefinition[]
  maxOutputTokens?: number
  signal?: AbortSignal
}

export interface CompletionResult {
  message: Extract<ChatMessage, { role: 'assistant' }>
  model: string
  usage: { inputTokens: number; outputTokens: number }
  latencyMs: number
  /** `stop`, `tool_calls`, `length`, … as the endpoint reported it. */
  finishReason?: string
}

export type LlmErrorKind =
  'rate-limited' | 'quota' | 'timeout' | 'server' | 'auth' | 'bad-response' | 'budget'

/** Why a request to the model failed, after the gateway's own retries; `message` says what to do. */
export class LlmError extends Error {
  override readonly name = 'LlmError'
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; attempts?: number; cause?: unknown } = {}
  ) {
    super(message)
  }
}

export function isLlmError(error: unknown): error is LlmError {
  return error instanceof LlmError
}

/** A JSON Schema (the subset `src/llm/json-schema.ts` validates: type, properties, required, items, enum, …). */
export type JsonSchema = Record<string, unknown>

export interface JsonCompletionRequest extends Omit<CompletionRequest, 'tools'> {
  /** A short name for the schema (letters, digits, `_`, `-`), sent as the response_format name. */
  schemaName?: string
}

export interface JsonCompletionResult<T> extends CompletionResult {
  value: T
}

/** Running totals for the job summary. */
export interface LlmUsageTotals {
  requests: number
  inputTokens: number
  outputTokens: number
  /** US dollars, when the model is in the price table. */
  costUsd?: number
  model: string
}

export interface LlmGateway {
  readonly model: string
  /** Most input tokens per request. */
  readonly contextBudget: number
  complete(request: CompletionRequest): Promise<CompletionResult>
  /**
   * A reply that must match `schema`: response_format json_schema where the endpoint supports it,
   * else instructions plus extraction from the text; one repair round trip on invalid output, then
   * an LlmError of kind `bad-response`.
   */
  completeJson<T>(request: JsonCompletionRequest, schema: JsonSchema): Promise<JsonCompletionResult<T>>
  countTokens(text: string): number
  /** Input tokens a request's messages (and tools) would take, with the per-message overhead. */
  countRequestTokens(messages: readonly ChatMessage[], tools?: readonly ToolDefinition[]): number
  /** Tokens, requests and cost so far in this run. */
  totals(): LlmUsageTotals
  /** Secrets and look-alikes replaced by placeholders (done to every request anyway). */
  redact(text: string): string
}
