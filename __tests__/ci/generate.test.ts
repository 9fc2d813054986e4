/**
 * `command: ci` on a green change that adds code no test exercises: after select and run, the
 * generator writes a test (the loopback OpenAI-compatible server proposes it) and keeps it only
 * after its filters; the outcome is one fold of the same summary.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { startFakeOpenAI, type RecordedChatRequest, type ScriptStep } from '../support/fake-openai.js'
import { runAction } from '../support/harness.js'
import { BULK_PRICE_TEST, buildShop, untestedChange } from './shop-repo.js'

afterAll(() => cleanupAll())

describe('ci with changed code lacking tests', () => {
  it('runs the selected tests, then generates and keeps a test for the uncovered function', async () => {
    const shop = buildShop(untestedChange(), 'discount: bulk prices')
    const fake = await startFakeOpenAI((request: RecordedChatRequest): ScriptStep => {
      const tools = ((request.body?.tools ?? []) as Array<{ function?: { name?: string } }>).map(
        t => t.function?.name
      )
      if (!tools.includes('write_test_file')) return { content: 'unexpected request' }
      return {
        content: null,
        toolCalls: [
          {
            name: 'write_test_file',
            arguments: { path: 'test/bulk-price.test.js', content: BULK_PRICE_TEST }
          }
        ]
      }
    })
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
        timeoutMs: 240_000
      })
      if (result.outputs.kept !== '1') console.log(result.summary, result.stderr.slice(-3000))
      expect(result.exitCode).toBe(0)
      expect(JSON.parse(result.outputs.tests!)).toEqual(['test/cart.test.js', 'test/discount.test.js'])
      expect(result.outputs).toMatchObject({
        passed: '3',
        failed: '0',
        'fix-status': 'not-needed',
        generated: '1',
        kept: '1'
      })
      expect(Number(result.outputs['coverage-delta'])).toBeGreaterThan(0)
      expect(JSON.parse(result.outputs['generated-tests']!)).toEqual(['test/bulk-price.test.js'])
      expect(result.summary).toContain('**✅ 3 selected tests passed**')
      expect(result.summary).toMatch(
        /<details><summary><b>✅ Generate<\/b> — 1 candidate\(s\), 1 kept, \+\d+(\.\d+)?% changed lines covered<\/summary>/
      )
      expect(result.summary).toContain('bulkPrice')
      expect(shop.repo.git('status', '--porcelain', '--untracked-files=all')).toBe('')
    } finally {
      await fake.close()
    }
  }, 300_000)
})
