/**
 * End to end: the built dist/index.js run as a workflow step by the runner harness, on real
 * repositories checked out the way actions/checkout does (depth 1) and real webhook payloads.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { ACTION_ENTRY, runAction, type ActionResult } from '../support/harness.js'
import {
  cleanupAll,
  cloneShallow,
  createBareRemote,
  createRepo,
  createRepoWithRemote,
  makeTempDir
} from '../support/git-repo.js'
import {
  mergeGroupEvent,
  pullRequestEvent,
  pushEvent,
  workflowDispatchEvent,
  ZERO_SHA
} from '../support/payloads.js'
import { checkoutPullRequest, PR_FILES, pullRequestScenario } from './helpers.js'

beforeAll(() => {
  if (!existsSync(ACTION_ENTRY)) throw new Error('Run `npm run build` before the end-to-end tests')
})
afterAll(() => cleanupAll())

function changedFiles(result: ActionResult): unknown {
  expect(result.outputs['changed-files']).toBeDefined()
  return JSON.parse(result.outputs['changed-files'] as string)
}

function expectSuccess(result: ActionResult): void {
  if (result.exitCode !== 0) throw new Error(`step failed:\n${result.stdout}\n${result.stderr}`)
  expect(result.annotations.filter(a => a.level === 'error')).toEqual([])
}

/** One `::error::` line with the message, a failed step, and no stack trace anywhere. */
function expectOneClearError(result: ActionResult, pattern: RegExp): void {
  expect(result.exitCode).toBe(1)
  const errors = result.annotations.filter(a => a.level === 'error')
  expect(errors).toHaveLength(1)
  expect(errors[0]!.message).toMatch(pattern)
  expect(errors[0]!.message).not.toMatch(/\n/)
  expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  expect(errors[0]!.message).not.toMatch(/unexpectedly|bug in CI Medic/)
}

describe('changes command in the action', () => {
  it('pull_request on a depth-1 checkout of the merge commit', async () => {
    const pr = pullRequestScenario()
    const clone = checkoutPullRequest(pr.remote)
    const result = await runAction({
      cwd: clone.dir,
      inputs: { command: 'changes' },
      eventName: 'pull_request',
      eventPayload: pullRequestEvent({
        base: { sha: pr.baseSha },
        head: { sha: pr.headSha },
        mergeCommitSha: pr.mergeSha
      })
    })
    expectSuccess(result)
    expect(changedFiles(result)).toEqual(PR_FILES)
    expect(result.outputs).toMatchObject({ base: pr.forkPoint, head: pr.headSha, 'changed-count': '4' })
    expect(result.summary).toContain('### Changed files')
    expect(result.summary).toContain('| renamed | `docs/old.md` → `docs/new.md` |')
    expect(result.summary).toContain(`fetched base ${pr.baseSha.slice(0, 7)} with --depth=1`)
    expect(result.summary).toContain('4 changed files: 1 added, 1 modified, 1 deleted, 1 renamed')
    expect(result.stdout).toContain('::group::Change detection')
    expect(result.stdout).toContain(`Fetched head ${pr.headSha.slice(0, 7)} with --depth=1.`)
  })

  it('pull_request_target from a fork: the base branch is checked out, the head fetched by SHA', async () => {
    const pr = pullRequestScenario()
    const clone = cloneShallow(pr.remote)
    expect(clone.head()).toBe(pr.baseSha)
    const result = await runAction({
      cwd: clone.dir,
      inputs: { command: 'changes' },
      eventName: 'pull_request_target',
      eventPayload: pullRequestEvent({ base: { sha: pr.baseSha }, head: { sha: pr.headSha }, fork: true })
    })
    expectSuccess(result)
    expect(changedFiles(result)).toEqual(PR_FILES)
    expect(result.outputs).toMatchObject({ base: pr.forkPoint, head: pr.headSha })
    expect(result.summary).toContain(`Fetched head ${pr.headSha.slice(0, 7)} with --depth=1; deepened by 50`)
  })

  it('push on a depth-1 clone: renames, binary files, submodules and deletions', async () => {
    const lib = createRepoWithRemote({ files: { 'lib.txt': '1\n' } })
    const { repo, remote } = createRepoWithRemote({
      files: {
        'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
        'src/old-name.ts': 'export function renamedLater() {\n  return "enough text to detect a rename"\n}\n',
        'remove-me.ts': 'export {}\n',
        '$(touch pwned).ts': 'export {}\n'
      }
    })
    repo.addSubmodule(lib.remote.url, 'vendor/lib')
    const before = repo.commit('add submodule')
    lib.repo.commit('lib 2', { 'lib.txt': '2\n' })
    lib.repo.push()
    repo.git('-C', 'vendor/lib', 'pull', '--quiet', 'origin', 'main')
    repo.rename('src/old-name.ts', 'src/new name.ts')
    repo.remove('remove-me.ts')
    repo.write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 2]))
    repo.write('$(touch pwned).ts', 'export const x = 1\n')
    const after = repo.commit('many kinds of change')
    repo.push()

    const clone = cloneShallow(remote)
    expect(clone.isShallow()).toBe(true)
    const result = await runAction({
      cwd: clone.dir,
      inputs: { command: 'changes' },
      eventName: 'push',
      eventPayload: pushEvent({ before, after })
    })
    expectSuccess(result)
    expect(changedFiles(result)).toEqual([
      { path: '$(touch pwned).ts', status: 'modified' },
      { path: 'logo.png', status: 'modified', binary: true },
      { path: 'remove-me.ts', status: 'deleted' },
      { path: 'src/new name.ts', status: 'renamed', previousPath: 'src/old-name.ts' },
      { path: 'vendor/lib', status: 'modified', submodule: true }
    ])
    expect(result.outputs['changed-files']).not.toMatch(/[$()`]/)
    expect(result.outputs).toMatchObject({ base: before, head: after, 'changed-count': '5' })
    expect(result.summary).toContain('1 binary, 1 submodule')
    expect(existsSync(`${clone.dir}/pwned`)).toBe(false)
  })

  it('push that created a branch (before all zeros): compared with the default branch', async () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.ts': '1\n' } })
    const forkPoint = repo.head()
    repo.checkout('topic', { create: true })
    const after = repo.commit('topic', { 'topic.ts': '1\n' })
    repo.push({ refspec: 'topic' })
    repo.checkout('main')
    repo.commit('main moves', { 'main.ts': '1\n' })
    repo.push({ refspec: 'main' })
    const clone = cloneShallow(remote, { branch: 'topic' })
    const result = await runAction({
      cwd: clone.dir,
      inputs: { command: 'changes' },
      eventName: 'push',
      eventPayload: pushEvent({ before: ZERO_SHA, after, ref: 'refs/heads/topic' })
    })
    expectSuccess(result)
    expect(changedFiles(result)).toEqual([{ path: 'topic.ts', status: 'added' }])
    expect(result.outputs.base).toBe(forkPoint)
    expect(result.summary).toMatch(
      /Fetched default branch origin\/main \([0-9a-f]{7}\) with --depth=1; deepened by 50 to reach the merge base\./
    )
  })

  it('force-push whose before is gone: falls back and says so', async () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.ts': '1\n' } })
    const forkPoint = repo.head()
    repo.checkout('topic', { create: true })
    const before = repo.commit('old', { 'old.ts': '1\n' })
    repo.push({ refspec: 'topic' })
    repo.resetHard(forkPoint)
    const after = repo.commit('new', { 'new.ts': '1\n' })
    repo.forcePush('topic')
    remote.pruneUnreachable()
    const clone = cloneShallow(remote, { branch: 'topic' })
    const result = await runAction({
      cwd: clone.dir,
      inputs: { command: 'changes' },
      eventName: 'push',
      eventPayload: pushEvent({ before, after, ref: 'refs/heads/topic', forced: true })
    })
    expectSuccess(result)
    expect(changedFiles(result)).toEqual([{ path: 'new.ts', status: 'added' }])
    expect(result.outputs.base).toBe(forkPoint)
    const warnings = result.annotations.filter(a => a.level === 'warning')
    expect(warnings.map(w => w.message).join('\n')).toMatch(/force-push.*merge base/)
    expect(result.summary).toMatch(/\[!WARNING\][\s\S]*force-push/)
  })

  it('merge_group: base_sha and head_sha from the queue', async () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.ts': '1\n' } })
    const base = repo.head()
    repo.git('checkout', '--quiet', '-b', 'gh-readonly-queue/main/pr-1')
    const head = repo.commit('queued change', { 'queued.ts': '1\n', 'a.ts': '2\n' })
    repo.push({ refspec: 'gh-readonly-queue/main/pr-1' })
    const clone = cloneShallow(remote, { ref: head })
    const result = await runAction({
      cwd: clone.dir,
      inputs: { command: 'changes' },
      eventName: 'merge_group',
      eventPayload: mergeGroupEvent({ baseSha: base, headSha: head })
    })
    expectSuccess(result)
    expect(changedFiles(result)).toEqual([
      { path: 'a.ts', status: 'modified' },
      { path: 'queued.ts', status: 'added' }
    ])
    expect(result.outputs).toMatchObject({ base, head })
  })

  it('workflow_dispatch: the base and head given as workflow inputs', async () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.ts': '1\n' } })
    repo.tag('v1.0')
    repo.git('push', '--quiet', 'origin', 'v1.0')
    const base = repo.head()
    repo.commit('one', { 'b.ts': '1\n' })
    const head = repo.commit('two', { 'c.ts': '1\n' })
    repo.push()
    const clone = cloneShallow(remote)
    const result = await runAction({
      cwd: clone.dir,
      inputs: { command: 'changes' },
      eventName: 'workflow_dispatch',
      eventPayload: workflowDispatchEvent({ inputs: { base, head: 'HEAD' } })
    })
    expectSuccess(result)
    expect(changedFiles(result)).toEqual([
      { path: 'b.ts', status: 'added' },
      { path: 'c.ts', status: 'added' }
    ])
    expect(result.outputs).toMatchObject({ base, head })
  })

  it('explicit base and head inputs win over the event', async () => {
    const repo = createRepo({ files: { 'a.ts': '1\n' } })
    const first = repo.head()
    repo.commit('b', { 'b.ts': '1\n' })
    repo.commit('c', { 'c.ts': '1\n' })
    const result = await runAction({
      cwd: repo.dir,
      inputs: { command: 'changes', base: first, head: 'HEAD~1' },
      eventName: 'push',
      eventPayload: pushEvent({ before: repo.revParse('HEAD~1'), after: repo.head() })
    })
    expectSuccess(result)
    expect(changedFiles(result)).toEqual([{ path: 'b.ts', status: 'added' }])
  })
})

describe('changes command: bad input fails the step with one clear line', () => {
  it('unknown command', async () => {
    const repo = createRepo({ files: { 'a.ts': '1\n' } })
    const result = await runAction({ cwd: repo.dir, inputs: { command: 'chnages' } })
    expectOneClearError(
      result,
      /^Input "command" must be one of changes, .*got "chnages"\. Example: command: /
    )
  })

  it('malformed SHA', async () => {
    const repo = createRepo({ files: { 'a.ts': '1\n' } })
    const result = await runAction({ cwd: repo.dir, inputs: { command: 'changes', base: 'a'.repeat(41) } })
    expectOneClearError(result, /^Input "base" must be a commit SHA .*Example: base: origin\/main$/)
  })

  it('base not in the repository and not on origin', async () => {
    const remote = createBareRemote()
    const { repo } = createRepoWithRemote({ files: { 'a.ts': '1\n' } })
    repo.push({ remote: remote.url, refspec: 'main' })
    const clone = cloneShallow(remote)
    const result = await runAction({
      cwd: clone.dir,
      inputs: { command: 'changes', base: 'd'.repeat(40) }
    })
    expectOneClearError(
      result,
      /^Input "base": d{40} is not in the repository and could not be fetched from origin .*fetch-depth: 0/
    )
  })

  it('not a git repository', async () => {
    const dir = makeTempDir()
    const result = await runAction({ cwd: dir, inputs: { command: 'changes' } })
    expectOneClearError(result, /^Input "working-directory": .* is not a git repository/)
  })
})
