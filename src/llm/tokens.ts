import { createRequire } from 'node:module'
import type { ChatMessage, ToolDefinition } from './types.js'

interface Encoder {
  countTokens(text: string, options?: { disallowedSpecial?: Set<string> }): number
  encode(text: string, options?: { disallowedSpecial?: Set<string> }): number[]
  decode(tokens: number[]): string
}

declare const require: NodeJS.Require | undefined

/**
 * The encodings' rank tables take about a second to load, so they are loaded on first use: commands
 * that never count tokens do not pay for them. In the bundle, `require` is the bundler's own (the
 * table is bundled, its evaluation deferred); when running from source as ES modules, a real one.
 */
function load(encoding: EncodingName): Encoder {
  if (typeof require === 'function') {
    return encoding === 'cl100k_base'
      ? (require('gpt-tokenizer/encoding/cl100k_base') as Encoder)
      : (require('gpt-tokenizer/encoding/o200k_base') as Encoder)
  }
  return createRequire(import.meta.url)(`gpt-tokenizer/encoding/${encoding}`) as Encoder
}

const encoders = new Map<EncodingName, Encoder>()

function encoderFor(encoding: EncodingName): Encoder {
  let encoder = encoders.get(encoding)
  if (!encoder) {
    encoder = load(encoding)
    encoders.set(encoding, encoder)
  }
  return encoder
}

export type EncodingName = 'o200k_base' | 'cl100k_base'

/** Special-token look-alikes in untrusted text are counted as plain text, never rejected. */
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() }

/** Per-message framing tokens (role, separators) in the chat format, and the reply primer. */
const TOKENS_PER_MESSAGE = 4
const TOKENS_PER_REPLY = 3
/** Tool definitions are rendered into the prompt by the server; their JSON is a close upper bound. */
const TOKENS_PER_TOOL = 8

/**
 * Counts tokens for a model. OpenAI model families use their exact encoding; other models (Llama,
 * Mistral, Phi, …) have their own tokenizers, so o200k is used with a safety margin.
 */
export class TokenCounter {
  readonly encoding: EncodingName
  /** Multiplier applied to counts for models whose tokenizer is not known exactly. */
  readonly margin: number

  constructor(model: string) {
    const family = modelFamily(model)
    this.encoding = family === 'cl100k' ? 'cl100k_base' : 'o200k_base'
    this.margin = family === 'other' ? 1.15 : 1
  }

  count(text: string): number {
    if (!text) return 0
    const exact = encoderFor(this.encoding).countTokens(text, PLAIN_TEXT)
    return Math.ceil(exact * this.margin)
  }

  /** The first `maxTokens` tokens of `text`, decoded back to a string. */
  head(text: string, maxTokens: number): string {
    if (maxTokens <= 0) return ''
    const encoder = encoderFor(this.encoding)
    const budget = Math.floor(maxTokens / this.margin)
    const tokens = encoder.encode(text, PLAIN_TEXT)
    if (tokens.length <= budget) return text
    return encoder.decode(tokens.slice(0, budget))
  }

  /** The last `maxTokens` tokens of `text`. */
  tail(text: string, maxTokens: number): string {
    if (maxTokens <= 0) return ''
    const encoder = encoderFor(this.encoding)
    const budget = Math.floor(maxTokens / this.margin)
    const tokens = encoder.encode(text, PLAIN_TEXT)
    if (tokens.length <= budget) return text
    return encoder.decode(tokens.slice(tokens.length - budget))
  }

  /** Input tokens of a chat request: message contents, tool calls and definitions, and framing. */
  countRequest(messages: readonly ChatMessage[], tools: readonly ToolDefinition[] = []): number {
    let total = TOKENS_PER_REPLY
    for (const message of messages) {
      total += TOKENS_PER_MESSAGE
      if (message.role === 'assistant') {
        total += this.count(message.content ?? '')
        for (const call of message.toolCalls ?? [])
          total += this.count(call.name) + this.count(call.arguments) + 3
      } else {
        total += this.count(message.content)
      }
    }
    for (const tool of tools) {
      total +=
        TOKENS_PER_TOOL +
        this.count(tool.name) +
        this.count(tool.description) +
        this.count(JSON.stringify(tool.parameters))
    }
    return total
  }
}

function modelFamily(model: string): 'o200k' | 'cl100k' | 'other' {
  // GitHub Models and routers prefix the publisher: `openai/gpt-4.1`, `azure/gpt-4o`.
  const name = model.toLowerCase().split('/').pop() ?? ''
  if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|chatgpt-4o|gpt-oss)/.test(name)) return 'o200k'
  if (/^(gpt-4|gpt-3\.5|text-embedding)/.test(name)) return 'cl100k'
  return 'other'
}
