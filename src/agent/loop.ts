import type {
  ChatMessage,
  ChatToolCall,
  CompletionRequest,
  CompletionResult,
  ToolDefinition
} from '../llm/types.js'
import type { AuditLog } from '../report/audit.js'
import { PathPolicyError } from './paths.js'
import type { AgentTool, FinishArgs, ToolContext } from './tools.js'

/** The part of the LLM gateway the agent needs (src/llm's LlmGateway fits it). */
export interface AgentModel {
  readonly model: string
  readonly contextBudget: number
  complete(request: CompletionRequest): Promise<CompletionResult>
  countTokens(text: string): number
  countRequestTokens?(messages: readonly ChatMessage[], tools?: readonly ToolDefinition[]): number
}

export interface AgentBudgets {
  maxIterations: number
  /** Input plus output tokens over the whole run. */
  maxTokens: number
  /** Wall time for the whole run. */
  timeBudgetMs: number
}

export type AgentOutcome = 'finished' | 'iterations' | 'tokens' | 'time' | 'llm-error' | 'aborted'

export interface AgentResult {
  outcome: AgentOutcome
  finish?: FinishArgs
  iterations: number
  inputTokens: number
  outputTokens: number
  model: string
  /** Input tokens of the first request (as counted before sending). */
  firstRequestTokens: number
  /** What went wrong, for the report, when the outcome is not `finished`. */
  error?: string
  toolCalls: number
}

/** Decides whether a `finish` ends the run (e.g. after validation) or goes back to the model. */
export type FinishHandler = (
  finish: FinishArgs
) => Promise<{ accept: true } | { accept: false; feedback: string }>

export interface AgentRunOptions {
  model: AgentModel
  purpose: string
  system: string
  /** The first user message (untrusted parts already quoted). */
  user: string
  tools: readonly AgentTool[]
  context: ToolContext
  budgets: AgentBudgets
  audit: AuditLog
  onFinish?: FinishHandler
  signal?: AbortSignal
  now?: () => number
  /** Replies without a tool call tolerated in a row before the run ends. */
  maxIdleReplies?: number
}

const ELIDED = '[earlier tool output removed to fit the context budget]'

/**
 * Runs the tool loop until the model calls `finish` (and the handler accepts), or a budget
 * (iterations, tokens, wall time) runs out, or the model cannot be reached. Tool problems —
 * an unknown tool, malformed arguments, a refused path, an edit that does not apply — go back to
 * the model as tool results; they never end the run on their own.
 */
export async function runAgent(options: AgentRunOptions): Promise<AgentResult> {
  const now = options.now ?? Date.now
  const started = now()
  const deadline = started + options.budgets.timeBudgetMs
  const definitions = options.tools.map(t => t.definition)
  const byName = new Map(options.tools.map(t => [t.definition.name, t]))
  const messages: ChatMessage[] = [
    { role: 'system', content: options.system },
    { role: 'user', content: options.user }
  ]
  const result: AgentResult = {
    outcome: 'iterations',
    iterations: 0,
    inputTokens: 0,
    outputTokens: 0,
    model: options.model.model,
    firstRequestTokens: 0,
    toolCalls: 0
  }
  const maxIdle = options.maxIdleReplies ?? 2
  let idle = 0
  const end = (outcome: AgentOutcome, error?: string): AgentResult => {
    result.outcome = outcome
    if (error) result.error = error
    options.audit.record({
      type: 'agent.end',
      purpose: options.purpose,
      outcome,
      iterations: result.iterations,
      inputTokens: result.inputTokens,
      outputTokens: result.outputTokens,
      error
    })
    return result
  }

  while (true) {
    if (options.signal?.aborted) return end('aborted', 'The run was cancelled.')
    if (result.iterations >= options.budgets.maxIterations) {
      return end('iterations', `Stopped after ${result.iterations} iterations (max-iterations).`)
    }
    if (result.inputTokens + result.outputTokens >= options.budgets.maxTokens) {
      return end(
        'tokens',
        `Stopped after ${result.inputTokens + result.outputTokens} tokens (token budget ${options.budgets.maxTokens}).`
      )
    }
    const remaining = deadline - now()
    if (remaining <= 0)
      return end('time', `Stopped at the time budget (${Math.round(options.budgets.timeBudgetMs / 1000)}s).`)

    const requestTokens = fitToBudget(messages, definitions, options.model)
    if (result.iterations === 0) result.firstRequestTokens = requestTokens
    result.iterations++
    const timeout = AbortSignal.timeout(remaining)
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
    let reply: CompletionResult
    try {
      reply = await options.model.complete({ purpose: options.purpose, messages, tools: definitions, signal })
    } catch (error) {
      if (timeout.aborted)
        return end(
          'time',
          `Stopped at the time budget (${Math.round(options.budgets.timeBudgetMs / 1000)}s) while waiting for the model.`
        )
      if (options.signal?.aborted) return end('aborted', 'The run was cancelled.')
      return end('llm-error', (error as Error).message)
    }
    result.inputTokens += reply.usage.inputTokens
    result.outputTokens += reply.usage.outputTokens
    result.model = reply.model || result.model
    const calls = reply.message.toolCalls ?? []
    messages.push({
      role: 'assistant',
      content: reply.message.content,
      toolCalls: calls.length ? calls : undefined
    })
    options.audit.record({
      type: 'agent.reply',
      purpose: options.purpose,
      iteration: result.iterations,
      toolCalls: calls.map(c => c.name),
      text: (reply.message.content ?? '').slice(0, 500)
    })

    if (calls.length === 0) {
      idle++
      if (idle > maxIdle) return end('iterations', 'The model stopped calling tools.')
      messages.push({
        role: 'user',
        content:
          'Reply with tool calls only. Use edit_file to change code, and call finish when you are done or cannot do more.'
      })
      continue
    }
    idle = 0

    let finished: FinishArgs | undefined
    for (const call of calls) {
      result.toolCalls++
      const outcome = await runTool(call, byName, options)
      if (outcome.finish && finished === undefined) {
        finished = outcome.finish
        continue
      }
      messages.push({ role: 'tool', toolCallId: call.id, content: outcome.content })
    }
    if (finished) {
      const finishCall = calls.find(c => c.name === 'finish')!
      const verdict = options.onFinish ? await options.onFinish(finished) : { accept: true as const }
      options.audit.record({
        type: 'agent.finish',
        purpose: options.purpose,
        accepted: verdict.accept,
        rootCause: finished.rootCause
      })
      if (verdict.accept) {
        messages.push({ role: 'tool', toolCallId: finishCall.id, content: 'Accepted.' })
        result.finish = finished
        return end('finished')
      }
      messages.push({ role: 'tool', toolCallId: finishCall.id, content: verdict.feedback })
    }
  }
}

async function runTool(
  call: ChatToolCall,
  tools: Map<string, AgentTool>,
  options: AgentRunOptions
): Promise<{ content: string; finish?: FinishArgs }> {
  const tool = tools.get(call.name)
  const record = (ok: boolean, content: string, args?: unknown): void =>
    options.audit.record({
      type: 'agent.tool',
      purpose: options.purpose,
      tool: call.name,
      args: summarizeArgs(args ?? call.arguments),
      // Top-level fields the audit summary shows (what was read or searched).
      ...targetOf(args),
      ok,
      result: content.slice(0, 300)
    })
  if (!tool) {
    const content = `Unknown tool "${call.name}". The only tools are: ${[...tools.keys()].join(', ')}.`
    record(false, content)
    return { content }
  }
  const args = parseArguments(call.arguments)
  if (typeof args === 'string') {
    const content = `The arguments of ${call.name} are not a valid JSON object (${args}). Send the call again with JSON arguments.`
    record(false, content)
    return { content }
  }
  try {
    const outcome = await tool.run(args, options.context)
    record(outcome.ok, outcome.content, args)
    return outcome
  } catch (error) {
    const content =
      error instanceof PathPolicyError
        ? `Refused: ${error.message}`
        : `${call.name} failed: ${(error as Error).message}`
    record(false, content, args)
    return { content }
  }
}

/** Parses tool arguments; a string return is the reason they are not a JSON object. */
export function parseArguments(raw: string): Record<string, unknown> | string {
  const text = (raw ?? '').trim()
  if (text === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    // Some models wrap arguments in a markdown fence.
    const unfenced = /^```(?:json)?\s*\n([\s\S]*?)\n```$/.exec(text)?.[1]
    if (!unfenced) return (error as Error).message
    try {
      parsed = JSON.parse(unfenced)
    } catch (inner) {
      return (inner as Error).message
    }
  }
  if (typeof parsed === 'string') return parseArguments(parsed)
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'not an object'
  return parsed as Record<string, unknown>
}

function summarizeArgs(args: unknown): unknown {
  const text = typeof args === 'string' ? args : JSON.stringify(args)
  return text.length > 400 ? text.slice(0, 400) + '…' : typeof args === 'string' ? args : JSON.parse(text)
}

export function countRequest(
  messages: readonly ChatMessage[],
  tools: readonly ToolDefinition[],
  model: AgentModel
): number {
  if (model.countRequestTokens) return model.countRequestTokens(messages, tools)
  let total = 3
  for (const message of messages) {
    total += 4 + model.countTokens(message.content ?? '')
    if (message.role === 'assistant' && message.toolCalls) {
      for (const call of message.toolCalls) total += 4 + model.countTokens(call.name + call.arguments)
    }
  }
  for (const tool of tools) total += 8 + model.countTokens(JSON.stringify(tool))
  return total
}

/**
 * Keeps the request within the model's context budget: older tool results are replaced by a note,
 * oldest first, then the longest remaining ones are cut. The system and first user message stay.
 */
export function fitToBudget(
  messages: ChatMessage[],
  tools: readonly ToolDefinition[],
  model: AgentModel
): number {
  const budget = model.contextBudget
  let tokens = countRequest(messages, tools, model)
  if (tokens <= budget) return tokens
  const keepRecent = 2
  for (let i = 2; i < messages.length - keepRecent && tokens > budget; i++) {
    const message = messages[i]!
    if (message.role === 'tool' && message.content !== ELIDED) {
      messages[i] = { ...message, content: ELIDED }
      tokens = countRequest(messages, tools, model)
    }
  }
  while (tokens > budget) {
    let longest = -1
    for (let i = 1; i < messages.length; i++) {
      const content = messages[i]!.content ?? ''
      if (content.length > 200 && (longest < 0 || content.length > (messages[longest]!.content ?? '').length))
        longest = i
    }
    if (longest < 0) break
    const message = messages[longest]!
    const content = message.content ?? ''
    const over = tokens - budget
    const cut = Math.max(200, content.length - Math.ceil(over * 4.5) - 50)
    messages[longest] = {
      ...message,
      content: content.slice(0, Math.min(cut, content.length - 100)) + '\n[…cut to fit the context budget]'
    } as ChatMessage
    tokens = countRequest(messages, tools, model)
  }
  return tokens
}

function targetOf(args: unknown): { path?: string; query?: string } {
  if (!args || typeof args !== 'object') return {}
  const record = args as Record<string, unknown>
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' ? value.slice(0, 200) : undefined
  const path =
    text(record.path) ??
    (Array.isArray(record.files) ? record.files.map(String).join(', ').slice(0, 200) : undefined)
  const query = text(record.regex) ?? text(record.glob)
  return { ...(path !== undefined ? { path } : {}), ...(query !== undefined ? { query } : {}) }
}
