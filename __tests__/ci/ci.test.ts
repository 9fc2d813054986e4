/**
 * `command: ci` through dist/index.js, as the Actions runner runs it: a real git repository with a
 * jest project, the real jest runner, and the loopback OpenAI-compatible server for the fixer.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { reply, startFakeOpenAI, type CompletionStep } from '../support/fake-openai.js'
import { pullRequestEvent, runAction } from '../support/harness.js'
import { BROKEN_LINE, breakingChange, buildShop, greenChange } from './shop-repo.js'

afterAll(() => cleanupAll())

const FIXED_LINE = '  return Math.round(cents * (1 - percent / 100))'

let nextId = 0
const call = (name: string, args: Record<string, unknown>) => ({
  id: `call_ci_${++nextId}`,
  name,
  arguments: args
})
const step = (text: string | null, ...calls: ReturnType<typeof call>[]): CompletionStep =>
  reply.toolCalls(calls, { content: text, usage: { prompt_tokens: 1800, completion_tokens: 90 } })

function fixTranscript(): CompletionStep[] {
  return [
    step(
      'The discount test fails; reading the discount code.',
      call('read_file', { path: 'src/discount.js' })
    ),
    step(
      'A percentage is divided by 100, not 10.',
      call('edit_file', { path: 'src/discount.js', edits: [{ search: BROKEN_LINE, replace: FIXED_LINE }] })
    ),
    step(null, call('run_tests', { files: ['test/discount.test.js'] })),
    step(
      null,
      call('finish', {
        explanation: 'applyDiscount divides the percentage by 100 again.',
        root_cause: 'The change divided the percentage by 10, so 10% off took the whole price.'
      })
    )
  ]
}

describe('ci through dist/index.js', () => {
  it('passes a green change: selects the affected test, runs it, says what an LLM endpoint would add', async () => {
    const shop = buildShop(greenChange(), 'money: name the dollars')
    const result = await runAction({
      cwd: shop.repo.dir,
      inputs: { command: 'ci', base: shop.base, head: shop.head, 'github-token': '' },
      timeoutMs: 120_000
    })
    if (result.exitCode !== 0) console.log(result.summary, result.stderr.slice(-3000))
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.outputs.tests!)).toEqual(['test/money.test.js'])
    expect(result.outputs).toMatchObject({
      count: '1',
      mode: 'selected',
      passed: '1',
      failed: '0',
      'fix-status': 'not-needed',
      generated: '0',
      kept: '0'
    })
    const firstLines = result.summary.split('\n').filter(Boolean).slice(0, 2)
    expect(firstLines).toEqual(['## CI Medic', '**✅ 1 selected test passed**'])
    expect(result.summary).toContain('No LLM endpoint is configured')
    expect(result.summary).toMatch(
      /```mermaid\ngraph LR\n {2}n0\["src\/money.js#formatPrice"\] --> n1\["test\/money.test.js"\]\n/
    )
    expect(result.summary).toMatch(/<details><summary><b>✅ Run<\/b> — 1 passed, 0 failed<\/summary>/)
  })

  it('fails a breaking change without an LLM and says no fix was attempted', async () => {
    const shop = buildShop(breakingChange(), 'discount: simplify')
    const result = await runAction({
      cwd: shop.repo.dir,
      inputs: { command: 'ci', base: shop.base, head: shop.head, 'github-token': '' },
      timeoutMs: 120_000
    })
    expect(result.exitCode).toBe(1)
    expect(JSON.parse(result.outputs.tests!)).toEqual(['test/cart.test.js', 'test/discount.test.js'])
    expect(result.outputs).toMatchObject({ failed: '1', 'fix-status': 'skipped', mode: 'selected' })
    expect(result.summary).toContain('**❌ 1 failure — no LLM endpoint configured, so no fix was attempted**')
    expect(result.summary).toContain('No LLM endpoint is configured')
    // The path from the changed symbol through the importing module to the cart test.
    expect(result.summary).toContain('["src/discount.js#applyDiscount"] --> ')
    expect(result.summary).toMatch(
      /n0\["src\/discount.js#applyDiscount"\] --> n1\["src\/cart.js#applyDiscount"\]\n {2}n1\["src\/cart.js#applyDiscount"\] --> n2\["src\/cart.js#cartTotal"\]\n {2}n2\["src\/cart.js#cartTotal"\] --> n3\["test\/cart.test.js"\]\n {2}n0\["src\/discount.js#applyDiscount"\] --> n4\["test\/discount.test.js"\]/
    )
    expect(result.annotations.some(a => a.level === 'error' && a.file === 'test/discount.test.js')).toBe(true)
    expect(result.stdout + result.stderr).toMatch(/1 failure/)
  })

  it('passes a breaking change whose validated fix was delivered (shadow) when fail-on-fixed is false', async () => {
    const shop = buildShop(breakingChange(), 'discount: simplify')
    const fake = await startFakeOpenAI(fixTranscript())
    try {
      const result = await runAction({
        cwd: shop.repo.dir,
        inputs: {
          command: 'ci',
          base: shop.base,
          head: shop.head,
          'llm-base-url': fake.url,
          'llm-model': 'gpt-4.1-mini',
          'llm-api-key': 'sk-test-ci-0123456789abcdef',
          autonomy: 'shadow',
          'fail-on-fixed': 'false',
          retries: '0'
        },
        timeoutMs: 120_000
      })
      if (result.exitCode !== 0) console.log(result.summary, result.stderr.slice(-3000))
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({ 'fix-status': 'fixed', failed: '1', generated: '0' })
      expect(result.summary).toContain(
        '**✅ 1 failure with a validated fix — shown in this summary (shadow mode); passing because fail-on-fixed is false**'
      )
      expect(result.summary).toContain('<b>🩹 Fix</b>')
      expect(result.summary).toContain(`+${FIXED_LINE}`)
      expect(result.summary).toContain('The change divided the percentage by 10')
      expect(result.summary).not.toContain('No LLM endpoint is configured')
      // The audit fold: the model, its tokens, what it read and changed.
      expect(result.summary).toMatch(/<b>✅ Audit<\/b>[^\n]*<\/summary>\n\n#### Audit log/)
      expect(result.summary).toMatch(/\| `gpt-4\.1-mini` \| 4 \|/)
      // Shadow: the repository is untouched.
      expect(shop.repo.git('status', '--porcelain')).toBe('')
      expect(shop.repo.head()).toBe(shop.head)
      expect(fake.remainingSteps).toBe(0)
      expect(fake.completions.every(r => !r.rawBody.includes('sk-test-ci-0123456789abcdef'))).toBe(true)
    } finally {
      await fake.close()
    }
  })

  it('still fails the step with the same fix when fail-on-fixed keeps its default', async () => {
    const shop = buildShop(breakingChange(), 'discount: simplify')
    const fake = await startFakeOpenAI(fixTranscript())
    try {
      const result = await runAction({
        cwd: shop.repo.dir,
        inputs: {
          command: 'ci',
          base: shop.base,
          head: shop.head,
          'llm-base-url': fake.url,
          'llm-model': 'gpt-4.1-mini',
          'llm-api-key': 'sk-test-ci-0123456789abcdef',
          autonomy: 'shadow',
          retries: '0'
        },
        timeoutMs: 120_000
      })
      expect(result.exitCode).toBe(1)
      expect(result.outputs['fix-status']).toBe('fixed')
      expect(result.summary).toContain(
        '**❌ 1 failure — a validated fix was shown in this summary (shadow mode)**'
      )
    } finally {
      await fake.close()
    }
  })

  it('gives a fork pull request no LLM: the fixer does not run and the endpoint gets no request', async () => {
    const shop = buildShop(breakingChange(), 'discount: simplify')
    const fake = await startFakeOpenAI([])
    try {
      const result = await runAction({
        cwd: shop.repo.dir,
        inputs: {
          command: 'ci',
          base: shop.base,
          head: shop.head,
          'llm-base-url': fake.url,
          'llm-model': 'gpt-4.1-mini',
          'llm-api-key': 'sk-test-ci-0123456789abcdef',
          autonomy: 'shadow',
          'fail-on-fixed': 'false',
          retries: '0'
        },
        eventName: 'pull_request',
        eventPayload: pullRequestEvent({ base: { sha: shop.base }, head: { sha: shop.head }, fork: true }),
        timeoutMs: 120_000
      })
      expect(result.exitCode).toBe(1)
      expect(result.outputs['fix-status']).toBe('skipped')
      expect(result.summary).toContain('**❌ 1 failure — the fixer did not run (no LLM for this run)**')
      expect(result.summary).toContain('The LLM is off for pull requests from forks')
      expect(fake.completions).toHaveLength(0)
    } finally {
      await fake.close()
    }
  })

  it('succeeds with nothing to run when the change cannot affect a test', async () => {
    const shop = buildShop({ 'docs/notes.md': '# Notes\n' }, 'docs: notes')
    const result = await runAction({
      cwd: shop.repo.dir,
      inputs: { command: 'ci', base: shop.base, head: shop.head, 'github-token': '' },
      timeoutMs: 60_000
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      mode: 'none',
      count: '0',
      tests: '[]',
      passed: '0',
      'fix-status': 'not-needed'
    })
    expect(result.outputs.report).toBeUndefined()
    expect(result.summary).toContain('**✅ Nothing to test: no test file can be affected by this change**')
  })
})
