import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CommandContext } from '../../src/commands/types.js'
import { readInputs } from '../../src/config/schema.js'
import { createRunAudit } from '../../src/llm/index.js'
import { streamLogger } from '../../src/ports/log.js'
import { AuditLog, llmTotals, renderAuditSummary, uploadAuditArtifact } from '../../src/report/audit.js'
import { cleanupAll, makeTempDir } from '../support/git-repo.js'

afterAll(cleanupAll)

const TOKEN = 'ghp_' + 'Zz09Yy18Xx27Ww36Vv45Uu54Tt63Ss72Rr81'

describe('audit log', () => {
  it('redacts every string of an entry before writing the JSONL file', () => {
    const dir = makeTempDir()
    const masked: string[] = []
    const log = { ...streamLogger(() => undefined), mask: (v: string) => masked.push(v) }
    const context = {
      inputs: readInputs(name => ({ 'github-token': TOKEN, command: 'fix' })[name] ?? ''),
      env: { NPM_TOKEN: 'npm-secret-value-123' },
      log,
      workDir: dir
    } as unknown as CommandContext
    const audit = createRunAudit(context)
    audit.record({
      type: 'agent.tool',
      tool: 'run_tests',
      output: [`npm ERR! token ${TOKEN}`, 'auth npm-secret-value-123']
    })
    expect(audit.file).toBe(join(dir, 'audit', 'audit-fix.jsonl'))
    const text = readFileSync(audit.file!, 'utf8')
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain('npm-secret-value-123')
    expect(AuditLog.read(audit.file!)[0]).toMatchObject({
      type: 'agent.tool',
      output: ['npm ERR! token [REDACTED:known-secret]', 'auth [REDACTED:known-secret]']
    })
    expect(masked).toContain(TOKEN)
  })

  it('renders what was read, changed and why, with token and cost totals', () => {
    const audit = new AuditLog()
    audit.record({
      type: 'llm.request',
      purpose: 'fix',
      model: 'openai/gpt-4.1',
      outcome: 'ok',
      inputTokens: 5000,
      outputTokens: 400,
      latencyMs: 2500,
      costUsd: 0.0132,
      retries: []
    })
    audit.record({
      type: 'llm.request',
      purpose: 'fix',
      model: 'openai/gpt-4.1',
      outcome: 'ok',
      inputTokens: 6000,
      outputTokens: 300,
      latencyMs: 1500,
      costUsd: 0.0144,
      retries: [{ attempt: 1, reason: 'rate limited', delayMs: 2000 }]
    })
    audit.record({
      type: 'llm.request',
      purpose: 'fix',
      model: 'openai/gpt-4.1',
      outcome: 'error',
      errorKind: 'quota',
      error: 'quota is spent',
      latencyMs: 100,
      retries: []
    })
    audit.record({ type: 'agent.tool', tool: 'read_file', path: 'src/math.ts' })
    audit.record({ type: 'agent.tool', tool: 'search', query: 'range(' })
    audit.record({ type: 'agent.edit', path: 'src/math.ts', ok: true })
    audit.record({
      type: 'agent.edit',
      path: '.github/workflows/ci.yml',
      ok: false,
      reason: 'path policy: .github/** is never edited'
    })
    audit.record({ type: 'decision', what: 'root cause', why: 'the loop ran while i <= n' })
    audit.record({
      type: 'deliver',
      kind: 'fix',
      requested: 'suggest',
      mode: 'report',
      skippedReason: 'the pull request comes from a fork'
    })

    expect(llmTotals(audit.entries())).toMatchObject({
      requests: 3,
      failed: 1,
      inputTokens: 11000,
      outputTokens: 700,
      retries: 1
    })
    const markdown = renderAuditSummary(audit.entries(), { artifactName: 'ci-medic-audit-test-1' })
    expect(markdown).toContain('| `openai/gpt-4.1` | 3 (1 failed) | 11000 | 700 | $0.03 | 4.1 s | 1 |')
    expect(markdown).toContain('failed (quota): quota is spent')
    expect(markdown).toMatch(/\*\*What was read\*\*\n\n- `read_file` `src\/math.ts`\n- `search` `range\(`/)
    expect(markdown).toContain(
      '- `.github/workflows/ci.yml` — refused: path policy: .github/** is never edited'
    )
    expect(markdown).toContain('- root cause: the loop ran while i &lt;= n')
    expect(markdown).toContain('- Delivery of the fix (suggest → report): the pull request comes from a fork')
    expect(markdown).toContain('artifact `ci-medic-audit-test-1`')
  })

  it('reports tokens only when a model has no known price, and says when the LLM was off', () => {
    const markdown = renderAuditSummary([
      { type: 'llm.disabled', reason: 'pull requests from forks get no LLM' },
      {
        type: 'llm.request',
        model: 'llama3.1:8b',
        outcome: 'ok',
        inputTokens: 10,
        outputTokens: 5,
        latencyMs: 10
      }
    ])
    expect(markdown).toContain('LLM not used: pull requests from forks get no LLM')
    expect(markdown).toContain('n/a (tokens only)')
  })

  it('turns a failed upload into a warning, never a failure', async () => {
    const dir = makeTempDir()
    const audit = new AuditLog(join(dir, 'audit.jsonl'))
    audit.record({ type: 'decision', what: 'x', why: 'y' })
    const warnings: string[] = []
    // The gate sees a runtime token; the artifact client itself finds no usable Actions runtime.
    const name = await uploadAuditArtifact(audit, {
      env: {
        ACTIONS_RUNTIME_TOKEN: 'not-a-jwt',
        ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
        GITHUB_JOB: 'tests'
      },
      log: { ...streamLogger(() => undefined), warning: m => warnings.push(m) }
    })
    expect(name).toBeUndefined()
    expect(warnings).toEqual([
      expect.stringMatching(/^Could not upload the audit log audit\.jsonl as an artifact: /)
    ])
  })

  it('does not upload outside Actions', async () => {
    const dir = makeTempDir()
    const audit = new AuditLog(join(dir, 'audit.jsonl'))
    audit.record({ type: 'decision', what: 'x', why: 'y' })
    expect(existsSync(audit.file!)).toBe(true)
    const warnings: string[] = []
    const name = await uploadAuditArtifact(audit, {
      env: {},
      log: { ...streamLogger(() => undefined), warning: m => warnings.push(m) }
    })
    expect(name).toBeUndefined()
    expect(warnings).toEqual([])
  })
})
