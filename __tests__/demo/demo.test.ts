/**
 * `npm run demo` end to end: the real script, the committed CLI bundle, the replayed fixer
 * transcript and the loopback deploy target. Checks the story's key facts so the demo cannot rot.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanupAll, makeTempDir } from '../support/git-repo.js'
import { PROJECT_ROOT } from '../support/harness.js'

afterAll(() => cleanupAll())

describe('npm run demo', () => {
  it('tells the whole story: selection with reasons, the failure, the replayed fix, green tests, the rollback', () => {
    const demoDir = join(makeTempDir('ci-medic-demo-'), 'demo')
    const env: NodeJS.ProcessEnv = { ...process.env, CI_MEDIC_DEMO_DIR: demoDir, NO_COLOR: '1' }
    for (const name of [
      'CI_MEDIC_LLM_BASE_URL',
      'CI_MEDIC_LLM_API_KEY',
      'CI_MEDIC_LLM_MODEL',
      'GITHUB_TOKEN'
    ])
      delete env[name]
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'demo.mjs')], {
      cwd: PROJECT_ROOT,
      env,
      encoding: 'utf8',
      timeout: 170_000
    })
    const story = run.stdout
    if (run.status !== 0) console.log(story, run.stderr)
    expect(run.status).toBe(0)

    // (a) selection: the broken function's tests with their reasons; the comment-only file selects nothing.
    expect(story).toMatch(/changed src\/money\.js: no symbol: only comments or formatting changed/)
    expect(story).toMatch(/changed src\/discount\.js: .*applyDiscount/)
    // The chain may name the changed file between its symbol and the importer.
    expect(story).toMatch(
      /test\/discount\.test\.js {2}← {2}(src\/discount\.js {2}← {2})?src\/discount\.js#applyDiscount\n/
    )
    expect(story).toMatch(
      /test\/cart\.test\.js {2}← {2}src\/cart\.js#cartTotal {2}← {2}src\/cart\.js#applyDiscount {2}← {2}src\/discount\.js#applyDiscount\n/
    )
    expect(story).toContain('Not selected: test/money.test.js, test/inventory.test.js')
    expect(story).toContain('The comment-only edit of src/money.js selects nothing')
    // (b) the failure.
    expect(story).toContain('✗ test/discount.test.js › takes ten percent off')
    // (c) the fix, from a replay clearly labelled as one, validated, then green.
    expect(story).toContain('REPLAY of a recorded transcript: no model runs.')
    expect(story).toMatch(/The replay served 5 of its replies\./)
    expect(story).toMatch(/Status: fixed after \d+ agent iteration/)
    expect(story).toContain('+  const capped = Math.min(percent, MAX_DISCOUNT_PERCENT)')
    expect(story).toContain('the repository is untouched')
    expect(story).toMatch(/jest: 4 passed, 0 failed in 2 file\(s\)[^\n]*\n {3}✓ Green\./)
    // (d) the bad deploy, rolled back with the real command, verified.
    expect(story).toMatch(/\/healthz now answers 500/)
    expect(story).toMatch(/Verdict: unhealthy/)
    expect(story).toContain('Rolled back: yes. The target serves v1; /healthz answers 200.')
    expect(story).toContain('Deploys: v1 → v2 → v1')
    expect(story).toContain('Everything went as expected.')

    const summaryPath = join(demoDir, 'summary.md')
    expect(story).toContain('summary.md')
    expect(existsSync(summaryPath)).toBe(true)
    const summary = readFileSync(summaryPath, 'utf8')
    expect(summary).toContain('### Test selection')
    expect(summary).toContain('CI Medic fix: a validated fix')
    expect(summary.match(/Tests \(jest\)/g)?.length).toBe(2)
  }, 180_000)
})
