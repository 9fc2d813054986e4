import type { CommandContext } from '../commands/types.js'
import { ConfigurationError } from '../errors.js'
import { join } from 'node:path'
import { AuditLog } from '../report/audit.js'
import { llmBlockedReason } from '../security/fork.js'
import { Redactor } from '../security/redact.js'
import {
  DEFAULT_CONTEXT_BUDGET,
  GITHUB_MODELS_BASE_URL,
  GITHUB_MODELS_DEFAULT_MODEL,
  isGitHubModelsUrl,
  OpenAiGateway,
  type OpenAiGatewayOptions
} from './gateway.js'
import type { LlmGateway } from './types.js'

export * from './types.js'
export {
  OpenAiGateway,
  GITHUB_MODELS_BASE_URL,
  GITHUB_MODELS_DEFAULT_MODEL,
  DEFAULT_CONTEXT_BUDGET
} from './gateway.js'
export type { OpenAiGatewayOptions } from './gateway.js'
export { TokenCounter } from './tokens.js'
export {
  fitSections,
  truncateToTokens,
  type ContextSection,
  type FitResult,
  type FittedSection
} from './budget.js'
export { estimateCost, formatCost, priceFor } from './pricing.js'
export { validateJson, extractJson } from './json.js'
export { parseToolCall, type ParsedToolCall } from './tools.js'
export { quoteUntrusted, UNTRUSTED_DATA_RULES } from '../security/untrusted.js'

/** The run's redactor: the token and API key inputs, secret-looking env vars, and look-alikes; masks what it finds. */
export function runRedactor(context: Pick<CommandContext, 'inputs' | 'env' | 'log'>): Redactor {
  return new Redactor({
    secrets: [context.inputs.githubToken, context.inputs.llmApiKey],
    env: context.env,
    log: context.log
  })
}

/**
 * The run's audit log: a JSONL file in the work folder (`<workDir>/audit/<name>.jsonl`), every
 * string redacted before it is written. Upload it with uploadAuditArtifact, render it with renderAuditSummary.
 */
export function createRunAudit(
  context: Pick<CommandContext, 'inputs' | 'env' | 'log' | 'workDir'>,
  name = `audit-${context.inputs.command}`
): AuditLog {
  const redactor = runRedactor(context)
  return new AuditLog(join(context.workDir, 'audit', `${name}.jsonl`), {
    redact: text => redactor.clean(text)
  })
}

export interface LlmGatewayChoice {
  gateway?: LlmGateway
  /** Why there is no gateway (no endpoint, a fork PR); the command runs on without the LLM and says so. */
  disabledReason?: string
  /** `github-models` or `custom`, for the summary. */
  provider?: 'github-models' | 'custom'
}

function looksLikeGitHubToken(value: string): boolean {
  return /^(gh[pousr]_|github_pat_)/.test(value)
}

/**
 * Chooses the LLM endpoint for a run from the inputs: `llm-base-url` (+ `llm-api-key`, `llm-model`),
 * else GitHub Models with the workflow token. Fork pull requests and pull_request_target runs get
 * none. Throws a ConfigurationError for inconsistent inputs.
 */
export function createLlmGateway(
  context: CommandContext,
  audit: AuditLog,
  options: Partial<OpenAiGatewayOptions> = {}
): LlmGatewayChoice {
  const { inputs, event, env, log } = context
  const blocked = llmBlockedReason(event)
  if (blocked) {
    audit.record({ type: 'llm.disabled', reason: blocked })
    return { disabledReason: blocked }
  }

  let baseUrl = inputs.llmBaseUrl
  let apiKey = inputs.llmApiKey
  let model = inputs.llmModel
  let githubModels = false
  if (baseUrl) {
    githubModels = isGitHubModelsUrl(baseUrl)
    if (githubModels) {
      apiKey ??= inputs.githubToken || undefined
      model ??= GITHUB_MODELS_DEFAULT_MODEL
    }
    if (!model) {
      throw new ConfigurationError(
        `Input "llm-model" is required with llm-base-url ${baseUrl}: name the model to use. Example: llm-model: gpt-4.1-mini`,
        'llm-model'
      )
    }
  } else if (apiKey && !looksLikeGitHubToken(apiKey)) {
    throw new ConfigurationError(
      'Input "llm-api-key" was given without "llm-base-url": say which endpoint the key is for. ' +
        'Example: llm-base-url: https://api.openai.com/v1',
      'llm-base-url'
    )
  } else if (apiKey || inputs.githubToken) {
    baseUrl = GITHUB_MODELS_BASE_URL
    apiKey ??= inputs.githubToken
    model ??= GITHUB_MODELS_DEFAULT_MODEL
    githubModels = true
  } else {
    const reason =
      'No LLM endpoint is configured: set llm-base-url (with llm-api-key and llm-model), or give github-token ' +
      'with `permissions: models: read` to use GitHub Models.'
    audit.record({ type: 'llm.disabled', reason })
    return { disabledReason: reason }
  }

  const gateway = new OpenAiGateway({
    baseUrl,
    // Keyless local endpoints (Ollama, vLLM) ignore the key; the client needs a non-empty one.
    apiKey: apiKey || 'no-key',
    model,
    contextBudget: inputs.contextBudget ?? DEFAULT_CONTEXT_BUDGET,
    audit,
    log,
    secrets: [inputs.githubToken, inputs.llmApiKey],
    env,
    timeBudgetMs: inputs.timeBudget,
    githubModels,
    ...options
  })
  const provider = githubModels ? 'github-models' : 'custom'
  audit.record({ type: 'llm.endpoint', provider, model, contextBudget: gateway.contextBudget })
  log.info(
    `LLM: ${model} via ${githubModels ? 'GitHub Models' : new URL(baseUrl).host} (context budget ${gateway.contextBudget} tokens)`
  )
  return { gateway, provider }
}
