/** `command: ci` selection fallbacks and the compare-to-base policy, through dist/index.js on real repositories. */
import { afterAll, describe, expect, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { runAction } from '../support/harness.js'
import { breakingChange, buildShop, SHOP_FILES } from './shop-repo.js'

afterAll(() => cleanupAll())

describe('ci policies', () => {
  it("runs every test when the change touches package.json's dependencies, and says so", async () => {
    const manifest = JSON.parse(SHOP_FILES['package.json']!) as Record<string, unknown>
    const shop = buildShop(
      { 'package.json': JSON.stringify({ ...manifest, dependencies: { 'left-pad': '1.3.0' } }, null, 2) },
      'deps: add left-pad'
    )
    const result = await runAction({
      cwd: shop.repo.dir,
      inputs: { command: 'ci', base: shop.base, head: shop.head, 'github-token': '' },
      timeoutMs: 120_000
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ mode: 'all', count: '3', passed: '4', failed: '0' })
    expect(result.summary).toContain('**✅ 4 tests passed (all tests ran)**')
    expect(result.summary).toMatch(/\| ✅ Select \| all 3 test files: [^|]*package\.json/)
  })

  it('with compare-to-base, fails only for the new failure and counts the one already failing on base', async () => {
    const alreadyFailing =
      SHOP_FILES['test/discount.test.js'] +
      "\ntest('a discount over 100% is free', () => {\n  expect(applyDiscount(1000, 200)).toBe(0)\n})\n"
    const shop = buildShop({ 'test/discount.test.js': alreadyFailing }, 'discount: a test that already fails')
    const head = shop.repo.commit('discount: simplify', breakingChange())
    const result = await runAction({
      cwd: shop.repo.dir,
      inputs: { command: 'ci', base: shop.head, head, 'compare-to-base': 'true', 'github-token': '' },
      timeoutMs: 120_000
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ failed: '1', 'fix-status': 'skipped' })
    expect(result.summary).toContain(
      '**❌ 1 new failure — no LLM endpoint configured, so no fix was attempted**'
    )
    expect(result.summary).toMatch(/\| ❌ Run \| \d+ passed, 2 failed \(1 new\) \|/)
    expect(result.summary).toContain('#### Already failing on base (1)')
  })
})
