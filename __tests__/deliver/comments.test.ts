import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { COMMENT_LIMIT, capComment, upsertComment } from '../../src/deliver/index.js'
import { createGitHubClient } from '../../src/ports/github.js'
import { streamLogger } from '../../src/ports/log.js'
import { preloadGitHubSpec, startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'

let fake: FakeGitHub
beforeAll(() => preloadGitHubSpec())
afterEach(async () => {
  await fake?.close()
})

const MARKER = '<!-- ci-medic:report:test -->'

function target() {
  return {
    github: createGitHubClient({
      token: 'ghs_fake',
      baseUrl: fake.url,
      log: streamLogger(() => undefined),
      maxRetries: 0
    }),
    owner: 'octo-org',
    repo: 'app',
    issueNumber: 3
  }
}

describe('upsertComment', () => {
  it('creates the comment once and updates it on later runs', async () => {
    fake = await startFakeGitHub()
    fake.store.install()
    fake.store.addComment(3, 'A human comment')
    const first = await upsertComment(target(), MARKER, 'Run 1: 2 failing tests')
    expect(first.action).toBe('created')
    const second = await upsertComment(target(), MARKER, 'Run 2: all green')
    expect(second).toMatchObject({ action: 'updated', id: first.id })
    const comments = fake.store.commentsOn(3)
    expect(comments).toHaveLength(2)
    expect(comments[1]!.body).toBe(`Run 2: all green\n${MARKER}`)
    expect(fake.requestsTo('issues/create-comment')).toHaveLength(1)
    expect(fake.requestsTo('issues/update-comment')).toHaveLength(1)
  })

  it('ignores a marker planted by a person and pages through long threads', async () => {
    fake = await startFakeGitHub()
    fake.store.install()
    fake.store.addComment(3, `spoofed ${MARKER}`, { login: 'mallory', id: 666, type: 'User' })
    for (let i = 0; i < 120; i++) fake.store.addComment(3, `noise ${i}`)
    fake.store.addComment(3, `Earlier report\n${MARKER}`)
    const result = await upsertComment(target(), MARKER, 'New report')
    expect(result.action).toBe('updated')
    expect(fake.store.commentsOn(3)[0]!.body).toBe(`spoofed ${MARKER}`)
    expect(fake.store.commentsOn(3).at(-1)!.body).toBe(`New report\n${MARKER}`)
  })

  it('caps a huge body at the comment limit and keeps the marker at the end', async () => {
    const huge = 'x'.repeat(COMMENT_LIMIT * 2)
    const capped = capComment(huge, MARKER)
    expect(capped.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(capped.endsWith(MARKER)).toBe(true)
    expect(capped).toContain('cut to fit GitHub')
    fake = await startFakeGitHub()
    fake.store.install()
    await upsertComment(target(), MARKER, huge)
    expect(fake.store.commentsOn(3)[0]!.body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
  })
})
