import { describe, expect, it } from '@jest/globals'
import type { CommandContext } from '../../src/commands/types.js'
import { readInputs } from '../../src/config/schema.js'
import { ConfigurationError } from '../../src/errors.js'
import { createLlmGateway, GITHUB_MODELS_BASE_URL, OpenAiGateway } from '../../src/llm/index.js'
import type { RunEvent } from '../../src/ports/event.js'
import { streamLogger } from '../../src/ports/log.js'
import { AuditLog } from '../../src/report/audit.js'
import { pullRequestEvent } from '../support/payloads.js'

const TOKEN = 'ghs_' + 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'

function context(inputs: Record<string, string>, event: Partial<RunEvent> = {}): CommandContext {
  return {
    inputs: readInputs(name => inputs[name] ?? ''),
    config: {},
    repoDir: '/tmp',
    event: {
      name: 'push',
      payload: {},
      apiUrl: 'http://127.0.0.1',
      serverUrl: 'https://github.com',
      ...event
    },
    env: {},
    log: streamLogger(() => undefined),
    github: () => Promise.reject(new Error('not used')),
    frontDoor: 'cli',
    workDir: '/tmp'
  }
}

describe('createLlmGateway', () => {
  it('uses GitHub Models with the workflow token when no endpoint is given', () => {
    const audit = new AuditLog()
    const choice = createLlmGateway(context({ 'github-token': TOKEN }), audit)
    expect(choice.provider).toBe('github-models')
    const gateway = choice.gateway as OpenAiGateway
    expect(gateway).toBeInstanceOf(OpenAiGateway)
    expect(gateway.baseUrl).toBe(GITHUB_MODELS_BASE_URL)
    expect(gateway.model).toBe('openai/gpt-4.1')
    expect(gateway.contextBudget).toBe(8000)
    expect(gateway.redact(`token ${TOKEN}`)).toBe('token [REDACTED:known-secret]')
    expect(audit.entries()).toEqual([
      expect.objectContaining({ type: 'llm.endpoint', provider: 'github-models' })
    ])
  })

  it('uses a configured OpenAI-compatible endpoint, model and context budget', () => {
    const choice = createLlmGateway(
      context({
        'llm-base-url': 'http://localhost:11434/v1',
        'llm-model': 'qwen2.5-coder:7b',
        'context-budget': '16000'
      }),
      new AuditLog()
    )
    const gateway = choice.gateway as OpenAiGateway
    expect(choice.provider).toBe('custom')
    expect(gateway.baseUrl).toBe('http://localhost:11434/v1')
    expect(gateway.model).toBe('qwen2.5-coder:7b')
    expect(gateway.contextBudget).toBe(16000)
  })

  it('takes the workflow token for an organization-attributed GitHub Models endpoint', () => {
    const choice = createLlmGateway(
      context({ 'github-token': TOKEN, 'llm-base-url': 'https://models.github.ai/orgs/octo-org/inference' }),
      new AuditLog()
    )
    expect(choice.provider).toBe('github-models')
    expect((choice.gateway as OpenAiGateway).model).toBe('openai/gpt-4.1')
  })

  it('is disabled with a clear reason when there is no endpoint and no token', () => {
    const choice = createLlmGateway(context({}), new AuditLog())
    expect(choice.gateway).toBeUndefined()
    expect(choice.disabledReason).toMatch(/No LLM endpoint is configured.*permissions: models: read/)
  })

  it('is disabled for a fork pull request even with a token', () => {
    const payload = pullRequestEvent({
      base: { sha: 'a'.repeat(40) },
      head: { sha: 'b'.repeat(40) },
      fork: true
    })
    const choice = createLlmGateway(
      context({ 'github-token': TOKEN }, { name: 'pull_request', payload }),
      new AuditLog()
    )
    expect(choice.gateway).toBeUndefined()
    expect(choice.disabledReason).toMatch(/forks/)
  })

  it('rejects inconsistent inputs with a ConfigurationError naming the input', () => {
    const noModel = (): unknown =>
      createLlmGateway(context({ 'llm-base-url': 'https://api.openai.com/v1' }), new AuditLog())
    expect(noModel).toThrow(ConfigurationError)
    expect(noModel).toThrow(/Input "llm-model" is required.*Example: llm-model:/)
    const keyOnly = (): unknown =>
      createLlmGateway(context({ 'llm-api-key': 'sk-abc123def456ghi789jkl' }), new AuditLog())
    expect(keyOnly).toThrow(/"llm-api-key" was given without "llm-base-url".*Example: llm-base-url:/)
  })
})
