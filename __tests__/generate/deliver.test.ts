/**
 * `generate` with `autonomy: suggest` through dist/index.js on a pull request: the kept tests reach
 * the pull request as one sticky comment (via the OpenAPI-checked fake GitHub) with the table per
 * kept test, and nothing is written to the repository.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { startFakeOpenAI } from '../support/fake-openai.js'
import { preloadGitHubSpec, startFakeGitHub } from '../support/fake-github.js'
import { cleanupAll } from '../support/git-repo.js'
import { runAction } from '../support/harness.js'
import { pullRequestEvent } from '../support/payloads.js'
import { buildFixtureRepo } from './fixture-repo.js'
import { generatorScript } from './script.js'

beforeAll(() => preloadGitHubSpec())
afterAll(() => cleanupAll())

it('posts the kept tests as one pull-request comment with lines covered, mutants killed and runs passed', async () => {
  const fixture = buildFixtureRepo('py-pytest')
  const corpus = fixture.corpus.filter(c =>
    ['good-shortfall', 'assertion-free', 'covers-nothing'].includes(c.name)
  )
  const fake = await startFakeOpenAI(generatorScript(corpus))
  const github = await startFakeGitHub()
  github.store.install()
  try {
    const payload = pullRequestEvent({
      number: 12,
      base: { sha: fixture.base, ref: 'main' },
      head: { sha: fixture.head, ref: 'feature/reorder' },
      repository: 'octo-org/ci-medic-fixture'
    })
    const result = await runAction({
      cwd: fixture.repo.dir,
      eventName: 'pull_request',
      eventPayload: payload,
      apiUrl: github.url,
      inputs: {
        command: 'generate',
        'llm-base-url': fake.url,
        'llm-model': 'gpt-4.1-mini',
        'llm-api-key': 'sk-test-generate-deliver-0000000',
        autonomy: 'suggest',
        'time-budget': '5m'
      },
      timeoutMs: 300_000
    })
    if (result.outputs.kept !== '1') console.log(result.summary, result.stdout.slice(-3000))
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ generated: '3', kept: '1' })
    const comments = github.requestsTo('issues/create-comment')
    expect(comments).toHaveLength(1)
    const body = comments[0]!.body.body as string
    expect(body).toContain('| Kept test | Lines newly covered | Mutants killed | Runs passed |')
    expect(body).toMatch(/\| `tests\/test_inventory_generated\.py` \| 5 \(14,16-19\) \| \d+ \| 6\/6 \|/)
    expect(body).toContain('def test_orders_the_shortfall():')
    expect(body).not.toContain('def test_runs():')
    expect(result.summary).toMatch(/\*\*Delivered\*\* the tests as/)
    expect(fixture.repo.git('status', '--porcelain', '--untracked-files=all')).toBe('')
    expect(github.violations).toEqual([])
  } finally {
    await fake.close()
    await github.close()
  }
}, 400_000)
