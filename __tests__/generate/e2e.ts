/**
 * The generator end to end through dist/index.js, as the Actions runner runs it: fixture
 * repositories with a real base commit and an untested change, the real test framework, and the
 * loopback OpenAI-compatible server proposing a scripted mix of good and bad candidates. Exactly the
 * good ones must be kept, with every filter's verdict in the job summary.
 */
import { expect } from '@jest/globals'
import { startFakeOpenAI } from '../support/fake-openai.js'
import { runAction } from '../support/harness.js'
import { buildFixtureRepo } from './fixture-repo.js'
import { generatorScript } from './script.js'

const API_KEY = 'sk-test-generate-1234567890abcdef'

/** Runs the fixture through the built action with the scripted model and checks the outcome. */
export async function expectOnlyGoodKept(name: string): Promise<void> {
  {
    const fixture = buildFixtureRepo(name)
    const fake = await startFakeOpenAI(generatorScript(fixture.corpus))
    try {
      const result = await runAction({
        cwd: fixture.repo.dir,
        inputs: {
          command: 'generate',
          base: fixture.base,
          head: fixture.head,
          'llm-base-url': fake.url,
          'llm-model': 'gpt-4.1-mini',
          'llm-api-key': API_KEY,
          autonomy: 'shadow',
          'time-budget': '8m'
        },
        timeoutMs: 480_000
      })
      const good = fixture.corpus.filter(c => c.label === 'good')
      if (result.outputs.kept !== String(good.length))
        console.log(result.summary, result.stdout.slice(-4000), result.stderr.slice(-2000))
      expect(result.exitCode).toBe(0)
      expect(result.outputs.generated).toBe(String(fixture.corpus.length))
      expect(result.outputs.kept).toBe(String(good.length))
      expect(Number(result.outputs['coverage-delta'])).toBeGreaterThan(0)
      const kept = JSON.parse(result.outputs['generated-tests']!) as string[]
      expect(kept).toHaveLength(good.length)

      // Every candidate's row carries its verdict; each bad one is rejected by the filter it was written to fail.
      const rows = result.summary.split('\n').filter(line => /^\| c\d+ \|/.test(line))
      expect(rows).toHaveLength(fixture.corpus.length)
      fixture.corpus.forEach((entry, index) => {
        const row = rows[index]!
        if (entry.label === 'good') expect(row).toMatch(/\| kept \|$/)
        else expect(row).toContain(`rejected — ${entry.rejectedBy}:`)
      })
      expect(result.summary).toContain('### Kept tests')
      expect(result.summary).toMatch(/Mutants killed/)
      expect(result.summary).toContain('Shadow mode')

      // Shadow: nothing is written to the repository; the working tree is as it was.
      expect(fixture.repo.git('status', '--porcelain', '--untracked-files=all')).toBe('')
      expect(fixture.repo.head()).toBe(fixture.head)
      expect(fake.completions.every(r => !r.rawBody.includes(API_KEY))).toBe(true)
      // The first request carries the changed code and an existing test to imitate, within 8K tokens.
      const first = JSON.stringify(fake.completions[0]!.body.messages)
      expect(first).toContain(fixture.source)
      expect(first).toMatch(/example test/)
      const firstTokens = Number(/first request (\d+) tokens/.exec(result.summary)?.[1])
      expect(firstTokens).toBeGreaterThan(0)
      expect(firstTokens).toBeLessThanOrEqual(8000)
    } finally {
      await fake.close()
    }
  }
}
