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
}

export interface LlmGateway {
  readonly model: string
  /** Most input tokens per request. */
  readonly contextBudget: number
  complete(request: CompletionRequest): Promise<CompletionResult>
  countTokens(text: string): number
}
