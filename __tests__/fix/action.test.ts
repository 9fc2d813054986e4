/**
 * The fixer end to end through dist/index.js, as the Actions runner runs it: real fixture
 * repositories with real bugs, the real jest runner, the loopback OpenAI-compatible server playing
 * realistic (imperfect) transcripts, shadow delivery.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanupAll, makeTempDir } from '../support/git-repo.js'
import { startFakeOpenAI } from '../support/fake-openai.js'
import { runAction } from '../support/harness.js'
import { buildFixFixture, fixInputs, FIXTURE_NAMES } from './fixture-repo.js'
import { EXPECTED_PATCH, TRANSCRIPTS } from './transcripts.js'

afterAll(() => cleanupAll())

describe('fix through dist/index.js', () => {
  it.each(FIXTURE_NAMES)('fixes %s in shadow mode', async name => {
    const fixture = buildFixFixture(name)
    const fake = await startFakeOpenAI(TRANSCRIPTS[name]())
    try {
      const home = makeTempDir('ci-medic-home-')
      const result = await runAction({
        cwd: fixture.repo.dir,
        inputs: fixInputs(
          fixture,
          fake.url,
          name === 'off-by-one' ? { 'validate-command': 'node -e "require(\'./src/pages.js\')"' } : {}
        ),
        env: { CI_MEDIC_HOME: home },
        timeoutMs: 120_000
      })
      if (result.outputs['fix-status'] !== 'fixed')
        console.log(
          result.summary,
          readFileSync(join(home, 'audit', 'audit-fix.jsonl'), 'utf8').slice(0, 6000)
        )
      expect(result.outputs['fix-status']).toBe('fixed')
      // fail-on-fixed (default true): the step still fails, because the tests failed.
      expect(result.exitCode).toBe(1)
      expect(result.summary).toContain('CI Medic fix: a validated fix')
      expect(result.summary).toContain('**Root cause:**')
      expect(result.summary).toContain('Shadow mode')
      for (const pattern of EXPECTED_PATCH[name]) expect(result.summary).toMatch(pattern)
      expect(result.summary).toMatch(/failing tests, run 1 \| \d+ passed, 0 failed/)
      expect(result.summary).toContain('gpt-4.1-mini')
      if (name === 'off-by-one') expect(result.summary).toMatch(/node -e .* \| exit 0 \|/)
      // Shadow: nothing written to the repository, the working tree is clean, HEAD unchanged.
      expect(fixture.repo.git('status', '--porcelain')).toBe('')
      expect(fixture.repo.head()).toBe(fixture.head)
      // The audit trail is in the summary and on disk, without the API key.
      expect(result.summary).toContain('What was changed')
      const auditText = readFileSync(join(home, 'audit', 'audit-fix.jsonl'), 'utf8')
      expect(auditText).toContain('"type":"fix.validate"')
      expect(auditText).not.toContain('sk-test-fixer-1234567890abcdef')
      if (name === 'renamed-call') {
        const entries = auditText
          .split('\n')
          .filter(Boolean)
          .map(line => JSON.parse(line) as Record<string, unknown>)
        // The workflow edit was refused in code, and the early finish was rejected by validation.
        expect(entries.some(e => e.type === 'agent.refused' && e.path === '.github/workflows/ci.yml')).toBe(
          true
        )
        expect(entries.filter(e => e.type === 'fix.validate').map(e => e.ok)).toEqual([false, true])
      }
      // The API key never reaches the model.
      expect(fake.completions.every(r => !r.rawBody.includes('sk-test-fixer-1234567890abcdef'))).toBe(true)
      expect(fake.remainingSteps).toBe(0)
    } finally {
      await fake.close()
    }
  })
})
