import { afterAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanupAll, makeTempDir } from '../support/git-repo.js'
import { startFakeOpenAI } from '../support/fake-openai.js'
import { buildFixFixture, FIXTURE_NAMES } from './fixture-repo.js'
import { prepare, runFixer } from './pipeline.js'
import { EXPECTED_PATCH, TRANSCRIPTS } from './transcripts.js'

afterAll(() => cleanupAll())

describe('fixFailingTests on real fixture repositories', () => {
  it.each(FIXTURE_NAMES)('fixes %s and leaves the working tree clean', async name => {
    const fixture = buildFixFixture(name)
    const prepared = await prepare(fixture)
    expect(prepared.report.totals.failed).toBeGreaterThan(0)
    const fake = await startFakeOpenAI(TRANSCRIPTS[name]())
    try {
      const { outcome, audit } = await runFixer(fixture, prepared, fake.url)
      expect(outcome.reason).toBeUndefined()
      expect(outcome.status).toBe('fixed')
      for (const pattern of EXPECTED_PATCH[name]) expect(outcome.best!.patch).toMatch(pattern)
      expect(outcome.best!.validation.ok).toBe(true)
      expect(outcome.firstRequestTokens).toBeGreaterThan(0)
      expect(outcome.firstRequestTokens).toBeLessThanOrEqual(8000)
      expect(fixture.repo.git('status', '--porcelain')).toBe('')
      // The patch applies to the head commit as it is.
      const patchFile = join(makeTempDir(), 'fix.patch')
      writeFileSync(patchFile, outcome.best!.patch)
      fixture.repo.git('apply', '--check', patchFile)
      expect(audit.entries().some(e => e.type === 'fix.validate' && e.ok === true)).toBe(true)
      expect(fake.remainingSteps).toBe(0)
    } finally {
      await fake.close()
    }
  })
})
