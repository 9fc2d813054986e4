import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { RunEvent } from '../../src/ports/event.js'
import { createGitHubClient } from '../../src/ports/github.js'
import { streamLogger } from '../../src/ports/log.js'
import { actorPermission, writeBackAllowed } from '../../src/security/permission.js'
import { preloadGitHubSpec, startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'
import { pullRequestEvent } from '../support/payloads.js'

let fake: FakeGitHub
beforeAll(() => preloadGitHubSpec())
afterEach(async () => {
  await fake?.close()
})

function client() {
  return createGitHubClient({
    token: 'ghs_fake',
    baseUrl: fake.url,
    log: streamLogger(() => undefined),
    maxRetries: 0
  })
}

function event(fork = false): RunEvent {
  return {
    name: 'pull_request',
    payload: pullRequestEvent({
      base: { sha: 'a'.repeat(40) },
      head: { sha: 'b'.repeat(40) },
      fork,
      repository: 'octo-org/app'
    }),
    repository: { owner: 'octo-org', repo: 'app' },
    actor: 'dev',
    apiUrl: 'unused',
    serverUrl: 'https://github.com'
  }
}

describe('actor permission', () => {
  it.each([
    ['admin', true],
    ['write', true],
    ['read', false],
    ['none', false]
  ] as const)('%s access → write-back %s', async (permission, allowed) => {
    fake = await startFakeGitHub()
    fake.store.install()
    fake.store.permission = permission
    const decision = await writeBackAllowed(client(), event())
    expect(decision).toMatchObject({ allowed, permission })
    if (!allowed) expect(decision.reason).toMatch(new RegExp(`dev has ${permission} access`))
  })

  it('reads maintain from role_name, and an unknown user (404) as none', async () => {
    fake = await startFakeGitHub()
    fake.on('GET /repos/{owner}/{repo}/collaborators/{username}/permission', ({ params }) =>
      params.username === 'ghost'
        ? { status: 404, body: { message: 'Not Found' } }
        : { body: { permission: 'write', role_name: 'maintain', user: null } }
    )
    expect(await actorPermission(client(), 'octo-org', 'app', 'lead')).toBe('maintain')
    expect(await actorPermission(client(), 'octo-org', 'app', 'ghost')).toBe('none')
  })

  it('refuses a fork without asking the API', async () => {
    fake = await startFakeGitHub()
    const decision = await writeBackAllowed(client(), event(true))
    expect(decision).toMatchObject({ allowed: false })
    expect(decision.reason).toMatch(/fork/)
    expect(fake.requests).toHaveLength(0)
  })
})
