import { describe, expect, it } from '@jest/globals'
import { ConfigurationError } from '../../src/errors.js'
import { planRange } from '../../src/changes/range.js'
import {
  mergeGroupEvent,
  pullRequestEvent,
  pushEvent,
  workflowDispatchEvent,
  ZERO_SHA
} from '../support/payloads.js'
import { runEvent } from './helpers.js'

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)
const C = 'c'.repeat(40)

describe('planRange', () => {
  it('takes base and head of a pull request from the payload', () => {
    const plan = planRange(
      runEvent('pull_request', pullRequestEvent({ base: { sha: A }, head: { sha: B } }), C),
      {}
    )
    expect(plan.head).toEqual({ rev: B, source: 'pull_request.head.sha', input: 'head' })
    expect(plan.base).toEqual({
      kind: 'revision',
      revision: { rev: A, source: 'pull_request.base.sha', input: 'base' },
      whenMissing: 'error'
    })
  })

  it('treats pull_request_target like pull_request', () => {
    const plan = planRange(
      runEvent('pull_request_target', pullRequestEvent({ base: { sha: A }, head: { sha: B } })),
      {}
    )
    expect(plan.head.rev).toBe(B)
    expect(plan.base.kind === 'revision' && plan.base.revision.rev).toBe(A)
  })

  it('lets explicit inputs win over the event', () => {
    const payload = pullRequestEvent({ base: { sha: A }, head: { sha: B } })
    const plan = planRange(runEvent('pull_request', payload), { base: 'origin/main', head: 'HEAD~2' })
    expect(plan.head).toEqual({ rev: 'HEAD~2', source: 'input "head"', input: 'head' })
    expect(plan.base.kind === 'revision' && plan.base.revision).toEqual({
      rev: 'origin/main',
      source: 'input "base"',
      input: 'base'
    })
  })

  it('compares a push from before, falling back when before is gone', () => {
    const plan = planRange(
      runEvent('push', pushEvent({ before: A, after: B, ref: 'refs/heads/feature' })),
      {}
    )
    expect(plan.head.rev).toBe(B)
    expect(plan.base).toMatchObject({ kind: 'revision', whenMissing: 'fall-back', revision: { rev: A } })
    expect(plan.branch).toBe('feature')
    expect(plan.defaultBranch).toBe('main')
  })

  it('compares a new branch (before all zeros) with the default branch', () => {
    const plan = planRange(
      runEvent('push', pushEvent({ before: ZERO_SHA, after: B, ref: 'refs/heads/topic' })),
      {}
    )
    expect(plan.base.kind).toBe('default-branch')
    expect(plan.head.rev).toBe(B)
  })

  it('has nothing to compare when the push deleted the ref', () => {
    const plan = planRange(runEvent('push', pushEvent({ before: A, after: ZERO_SHA }), C), {})
    expect(plan.base.kind).toBe('nothing')
    expect(plan.head.rev).toBe(C)
  })

  it('reads merge_group base_sha and head_sha', () => {
    const plan = planRange(runEvent('merge_group', mergeGroupEvent({ baseSha: A, headSha: B })), {})
    expect(plan.head).toMatchObject({ rev: B, source: 'merge_group.head_sha' })
    expect(plan.base).toMatchObject({
      kind: 'revision',
      revision: { rev: A, source: 'merge_group.base_sha' }
    })
  })

  it('reads workflow_dispatch inputs, else the default branch or the parent', () => {
    const withInputs = planRange(
      runEvent('workflow_dispatch', workflowDispatchEvent({ inputs: { base: 'v1.0', head: B } })),
      {}
    )
    expect(withInputs.base).toMatchObject({ kind: 'revision', revision: { rev: 'v1.0' } })
    expect(withInputs.head.rev).toBe(B)

    const onBranch = planRange(
      runEvent('workflow_dispatch', workflowDispatchEvent({ ref: 'refs/heads/topic' }), C),
      {}
    )
    expect(onBranch.base.kind).toBe('default-branch')
    expect(onBranch.head).toMatchObject({ rev: C, source: 'GITHUB_SHA' })

    const onDefault = planRange(
      runEvent('workflow_dispatch', workflowDispatchEvent({ ref: 'refs/heads/main' }), C),
      {}
    )
    expect(onDefault.base.kind).toBe('parent')
  })

  it('rejects a workflow_dispatch revision that could be a git option', () => {
    const payload = workflowDispatchEvent({ inputs: { base: '--upload-pack=touch /tmp/x' } })
    expect(() => planRange(runEvent('workflow_dispatch', payload), {})).toThrow(ConfigurationError)
    expect(() => planRange(runEvent('workflow_dispatch', payload), {})).toThrow(
      /workflow_dispatch input "base"/
    )
  })

  it('rejects an event SHA that is not a SHA, naming the field', () => {
    const payload = pullRequestEvent({ base: { sha: 'not-a-sha' }, head: { sha: B } })
    expect(() => planRange(runEvent('pull_request', payload), {})).toThrow(/pull_request\.base\.sha/)
  })

  it('defaults to the parent of GITHUB_SHA, else of HEAD, for other events and locally', () => {
    expect(planRange(runEvent('schedule', {}, C), {})).toMatchObject({
      head: { rev: C, source: 'GITHUB_SHA' },
      base: { kind: 'parent' }
    })
    expect(planRange(runEvent('local'), {})).toMatchObject({
      head: { rev: 'HEAD' },
      base: { kind: 'parent' }
    })
    expect(planRange(runEvent('schedule', {}, ZERO_SHA), {}).head.rev).toBe('HEAD')
  })
})
