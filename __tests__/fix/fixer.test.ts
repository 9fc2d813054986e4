import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { cleanupAll, makeTempDir } from '../support/git-repo.js'
import { reply, startFakeOpenAI } from '../support/fake-openai.js'
import { buildFixFixture } from './fixture-repo.js'
import { prepare, runFixer } from './pipeline.js'
import { EXPECTED_PATCH, TRANSCRIPTS } from './transcripts.js'

afterAll(() => cleanupAll())

describe('fixFailingTests on real fixture repositories', () => {
  it.each(['off-by-one'] as const)('fixes %s with a patch that applies to the head commit', async name => {
    const fixture = buildFixFixture(name)
    const prepared = await prepare(fixture)
    expect(prepared.report.totals.failed).toBeGreaterThan(0)
    const fake = await startFakeOpenAI(TRANSCRIPTS[name]())
    try {
      const { outcome, audit } = await runFixer(fixture, prepared, fake.url)
      expect(outcome.reason).toBeUndefined()
      expect(outcome.status).toBe('fixed')
      for (const pattern of EXPECTED_PATCH[name]) expect(outcome.best!.patch).toMatch(pattern)
      expect(outcome.firstRequestTokens).toBeGreaterThan(0)
      expect(outcome.firstRequestTokens).toBeLessThanOrEqual(8000)
      expect(fixture.repo.git('status', '--porcelain')).toBe('')
      const patchFile = join(makeTempDir(), 'fix.patch')
      writeFileSync(patchFile, outcome.best!.patch)
      fixture.repo.git('apply', '--check', patchFile)
      // Every tool call, edit, refusal and decision is in the audit log.
      const types = audit.entries().map(e => e.type)
      for (const type of [
        'fix.localize',
        'fix.context',
        'agent.tool',
        'agent.edit',
        'fix.validate',
        'fix.decision',
        'llm.request'
      ]) {
        expect(types).toContain(type)
      }
      expect(fake.remainingSteps).toBe(0)
    } finally {
      await fake.close()
    }
  })

  it('keeps the smallest of several valid candidates', async () => {
    const fixture = buildFixFixture('off-by-one')
    const prepared = await prepare(fixture)
    const verbose = TRANSCRIPTS['off-by-one']()
    verbose[1] = reply.toolCalls([
      {
        name: 'edit_file',
        arguments: {
          path: 'src/pages.js',
          edits: [
            {
              search: '  const end = start + size - 1\n  return items.slice(start, end)',
              replace:
                '  // the end index is exclusive\n  const end = start + size\n  const result = items.slice(start, end)\n  return result'
            }
          ]
        }
      }
    ])
    const fake = await startFakeOpenAI([...verbose, ...TRANSCRIPTS['off-by-one']()])
    try {
      const { outcome } = await runFixer(fixture, prepared, fake.url, { attempts: 2 })
      expect(outcome.attempts.map(a => a.valid)).toEqual([true, true])
      expect(outcome.best!.attempt).toBe(2)
      expect(outcome.best!.patch).not.toContain('exclusive')
      expect(fixture.repo.git('status', '--porcelain')).toBe('')
    } finally {
      await fake.close()
    }
  })

  it('does not accept a candidate while validate-command fails, and says why', async () => {
    const fixture = buildFixFixture('off-by-one')
    const prepared = await prepare(fixture)
    const transcript = TRANSCRIPTS['off-by-one']()
    const finish = transcript[transcript.length - 1]!
    const fake = await startFakeOpenAI([...transcript, finish])
    try {
      const { outcome, audit } = await runFixer(fixture, prepared, fake.url, {
        maxIterations: 5,
        validateCommand: 'node -e "console.error(\'lint: 1 problem\'); process.exit(3)"'
      })
      expect(outcome.status).toBe('not-fixed')
      expect(outcome.attempts[0]!.problems?.[0]).toMatch(/failed \(exit 3\):\s+lint: 1 problem/)
      expect(
        audit
          .entries()
          .filter(e => e.type === 'fix.validate')
          .map(e => e.ok)
      ).toEqual([false, false])
      expect(fixture.repo.git('status', '--porcelain')).toBe('')
    } finally {
      await fake.close({ allowViolations: true })
    }
  })

  it('restores the working tree when a run fails in the middle', async () => {
    const fixture = buildFixFixture('off-by-one')
    const prepared = await prepare(fixture)
    const fake = await startFakeOpenAI([
      reply.toolCalls([
        { name: 'create_file', arguments: { path: 'src/helpers/range.js', content: 'module.exports = {}\n' } }
      ]),
      reply.toolCalls([
        {
          name: 'edit_file',
          arguments: {
            path: 'src/pages.js',
            edits: [{ search: 'const end = start + size - 1', replace: 'const end = start + size' }]
          }
        }
      ]),
      reply.toolCalls([{ name: 'finish', arguments: { explanation: 'done', root_cause: 'off by one' } }])
    ])
    const failingRunner = {
      ...prepared,
      runFiles: async () => Promise.reject(new Error('the test runner crashed'))
    }
    try {
      await expect(runFixer(fixture, failingRunner, fake.url)).rejects.toThrow('the test runner crashed')
      expect(fixture.repo.git('status', '--porcelain')).toBe('')
      expect(existsSync(fixture.repo.path('src/helpers'))).toBe(false)
      expect(fixture.repo.read('src/pages.js')).toContain('const end = start + size - 1')
    } finally {
      await fake.close()
    }
  })
})
