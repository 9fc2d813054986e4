import { describe, expect, it } from '@jest/globals'
import type { RunEvent } from '../../src/ports/event.js'
import { isForkPullRequest, llmBlockedReason } from '../../src/security/fork.js'
import { pullRequestEvent, pushEvent } from '../support/payloads.js'

const SHA_A = 'a'.repeat(40)
const SHA_B = 'b'.repeat(40)

function event(name: string, payload: Record<string, unknown>): RunEvent {
  return { name, payload, apiUrl: 'http://127.0.0.1', serverUrl: 'http://127.0.0.1' }
}

describe('fork detection', () => {
  it('allows a same-repository pull request', () => {
    const run = event('pull_request', pullRequestEvent({ base: { sha: SHA_A }, head: { sha: SHA_B } }))
    expect(isForkPullRequest(run)).toBe(false)
    expect(llmBlockedReason(run)).toBeUndefined()
  })

  it('blocks the LLM for a pull request from a fork', () => {
    const run = event(
      'pull_request',
      pullRequestEvent({ base: { sha: SHA_A }, head: { sha: SHA_B }, fork: true })
    )
    expect(isForkPullRequest(run)).toBe(true)
    expect(llmBlockedReason(run)).toMatch(/forks \(head: outside-contributor\/.+\)/)
  })

  it('treats a pull request whose head repository was deleted as a fork', () => {
    const payload = pullRequestEvent({ base: { sha: SHA_A }, head: { sha: SHA_B } })
    payload.pull_request.head.repo = null
    expect(isForkPullRequest(event('pull_request', payload))).toBe(true)
  })

  it('blocks every pull_request_target run', () => {
    const run = event('pull_request_target', pullRequestEvent({ base: { sha: SHA_A }, head: { sha: SHA_B } }))
    expect(llmBlockedReason(run)).toMatch(/pull_request_target/)
  })

  it('allows pushes', () => {
    const run = event('push', pushEvent({ before: SHA_A, after: SHA_B }))
    expect(llmBlockedReason(run)).toBeUndefined()
  })
})
