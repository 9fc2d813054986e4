import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { detectChanges } from '../../src/changes/index.js'
import { ConfigurationError } from '../../src/errors.js'
import { Git } from '../../src/ports/git.js'
import {
  cleanupAll,
  cloneFull,
  cloneShallow,
  createRepo,
  createRepoWithRemote,
  makeTempDir
} from '../support/git-repo.js'
import { mergeGroupEvent, pullRequestEvent, pushEvent, ZERO_SHA } from '../support/payloads.js'
import { captureLogger, checkoutPullRequest, PR_FILES, pullRequestScenario, runEvent } from './helpers.js'

afterAll(() => cleanupAll())

async function expectConfigurationError(
  promise: Promise<unknown>,
  pattern: RegExp,
  input: string
): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ConfigurationError)
  expect((error as ConfigurationError).message).toMatch(pattern)
  expect((error as ConfigurationError).message).not.toMatch(/\n/)
  expect((error as ConfigurationError).input).toBe(input)
}

describe('detectChanges: pull requests', () => {
  it('fetches base and head into a depth-1 merge-commit checkout and diffs from the merge base', async () => {
    const pr = pullRequestScenario()
    const clone = checkoutPullRequest(pr.remote)
    expect(clone.hasCommit(pr.headSha)).toBe(false)
    const log = captureLogger()
    const payload = pullRequestEvent({
      base: { sha: pr.baseSha },
      head: { sha: pr.headSha },
      mergeCommitSha: pr.mergeSha
    })
    const changes = await detectChanges({
      git: new Git(clone.dir),
      event: runEvent('pull_request', payload, pr.mergeSha),
      log
    })

    expect(changes.head).toBe(pr.headSha)
    expect(changes.base).toBe(pr.forkPoint)
    expect(changes.files).toEqual(PR_FILES)
    expect(changes.baseKind).toBe('commit')
    expect(changes.fallback).toBeUndefined()
    expect(changes.fetched).toEqual([
      `fetched head ${pr.headSha.slice(0, 7)} with --depth=1`,
      `fetched base ${pr.baseSha.slice(0, 7)} with --depth=1`,
      'deepened by 50 to reach the merge base'
    ])
    expect(log.lines.join('\n')).toContain(`Fetched head ${pr.headSha.slice(0, 7)} with --depth=1.`)
    expect(changes.notes.join('\n')).toContain(`Comparing from the merge base ${pr.forkPoint.slice(0, 7)}`)
  })

  it('needs no fetch in a full clone', async () => {
    const pr = pullRequestScenario()
    const clone = cloneFull(pr.remote)
    clone.fetch('origin', 'refs/pull/1/head')
    const payload = pullRequestEvent({ base: { sha: pr.baseSha }, head: { sha: pr.headSha } })
    const changes = await detectChanges({
      git: new Git(clone.dir),
      event: runEvent('pull_request', payload),
      log: captureLogger()
    })
    expect(changes.files).toEqual(PR_FILES)
    expect(changes.fetched).toEqual([])
  })

  it('deepens in doubling steps, then unshallows as a last resort', async () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.txt': '0\n' } })
    for (let i = 1; i <= 20; i++) repo.commit(`history ${i}`, { 'history.txt': `${i}\n` })
    const forkPoint = repo.head()
    repo.checkout('feature', { create: true })
    for (let i = 1; i <= 12; i++) repo.commit(`feature ${i}`, { [`f${i}.txt`]: `${i}\n` })
    const head = repo.head()
    repo.push({ refspec: 'feature' })
    repo.checkout('main')
    const base = repo.commit('main 1', { 'a.txt': '1\n' })
    repo.push({ refspec: 'main' })
    const payload = pullRequestEvent({ base: { sha: base }, head: { sha: head } })

    const doubling = cloneShallow(remote, { ref: head })
    const deep = await detectChanges({
      git: new Git(doubling.dir),
      event: runEvent('pull_request', payload),
      log: captureLogger(),
      fetchPolicy: { depth: 1, deepenBy: 2, maxDeepenRounds: 4 }
    })
    expect(deep.base).toBe(forkPoint)
    expect(deep.files).toHaveLength(12)
    expect(deep.fetched).toEqual([
      `fetched base ${base.slice(0, 7)} with --depth=1`,
      'deepened by 2, 4 and 8 (14 commits) to reach the merge base'
    ])
    expect(doubling.isShallow()).toBe(true)

    const unshallow = cloneShallow(remote, { ref: head })
    const full = await detectChanges({
      git: new Git(unshallow.dir),
      event: runEvent('pull_request', payload),
      log: captureLogger(),
      fetchPolicy: { depth: 1, deepenBy: 1, maxDeepenRounds: 2 }
    })
    expect(full.base).toBe(forkPoint)
    expect(full.files).toHaveLength(12)
    expect(full.fetched.slice(1)).toEqual([
      'deepened by 1 and 2 (3 commits) without reaching a merge base',
      'fetched the full history (--unshallow) to find the merge base'
    ])
    expect(unshallow.isShallow()).toBe(false)
  })
})

describe('detectChanges: pushes', () => {
  it('compares before..after of an ordinary push in a depth-1 clone', async () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.ts': '1\n', 'b.ts': '1\n' } })
    const before = repo.head()
    repo.commit('one', { 'a.ts': '2\n' })
    const after = repo.commit('two', { 'c.ts': '1\n' })
    repo.push()
    const clone = cloneShallow(remote)
    const payload = pushEvent({ before, after, ref: 'refs/heads/main' })
    const changes = await detectChanges({
      git: new Git(clone.dir),
      event: runEvent('push', payload, after),
      log: captureLogger()
    })
    expect(changes).toMatchObject({ base: before, head: after, baseKind: 'commit' })
    expect(changes.files).toEqual([
      { path: 'a.ts', status: 'modified' },
      { path: 'c.ts', status: 'added' }
    ])
    expect(changes.fetched).toEqual([
      `fetched base ${before.slice(0, 7)} with --depth=1`,
      'deepened by 50 to reach the merge base'
    ])
  })

  it('compares a new branch (before all zeros) with its merge base with the default branch', async () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.ts': '1\n' } })
    const forkPoint = repo.head()
    repo.checkout('topic', { create: true })
    repo.commit('topic 1', { 'topic.ts': '1\n' })
    const after = repo.commit('topic 2', { 'a.ts': '2\n' })
    repo.push({ refspec: 'topic' })
    repo.checkout('main')
    repo.commit('main moves', { 'main.ts': '1\n' })
    repo.push({ refspec: 'main' })

    const clone = cloneShallow(remote, { branch: 'topic' })
    const payload = pushEvent({ before: ZERO_SHA, after, ref: 'refs/heads/topic' })
    const log = captureLogger()
    const changes = await detectChanges({
      git: new Git(clone.dir),
      event: runEvent('push', payload, after),
      log
    })
    expect(changes.base).toBe(forkPoint)
    expect(changes.files).toEqual([
      { path: 'a.ts', status: 'modified' },
      { path: 'topic.ts', status: 'added' }
    ])
    expect(changes.fetched[0]).toMatch(/^fetched default branch origin\/main \([0-9a-f]{7}\) with --depth=1$/)
    expect(changes.notes.join('\n')).toMatch(/created refs\/heads\/topic .*comparing with the merge base/)
  })

  it('counts every file as added for a new branch with no default branch to compare with', async () => {
    const repo = createRepo({ files: { 'a.ts': '1\n', 'dir/b.ts': '1\n' } })
    const after = repo.commit('second', { 'c.ts': '1\n' })
    const payload = pushEvent({ before: ZERO_SHA, after, ref: 'refs/heads/main' })
    const changes = await detectChanges({
      git: new Git(repo.dir),
      event: runEvent('push', payload, after),
      log: captureLogger()
    })
    expect(changes.baseKind).toBe('empty-tree')
    expect(changes.files).toEqual([
      { path: 'a.ts', status: 'added' },
      { path: 'c.ts', status: 'added' },
      { path: 'dir/b.ts', status: 'added' }
    ])
    expect(changes.fallback).toMatch(/every file of head counts as added/)
  })

  it('falls back to the default branch merge base when a force-push made before unreachable', async () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.ts': '1\n' } })
    const forkPoint = repo.head()
    repo.checkout('topic', { create: true })
    repo.commit('topic 1', { 'topic.ts': '1\n' })
    const before = repo.commit('topic 2', { 'lost.ts': '1\n' })
    repo.push({ refspec: 'topic' })
    repo.resetHard('HEAD~1')
    const after = repo.amend('topic 1, rewritten', { 'topic.ts': '2\n', 'b.ts': '1\n' })
    repo.forcePush('topic')
    remote.pruneUnreachable()
    expect(() => remote.revParse(before)).toThrow()

    const clone = cloneShallow(remote, { branch: 'topic' })
    const payload = pushEvent({ before, after, ref: 'refs/heads/topic', forced: true })
    const log = captureLogger()
    const changes = await detectChanges({
      git: new Git(clone.dir),
      event: runEvent('push', payload, after),
      log
    })
    expect(changes.base).toBe(forkPoint)
    expect(changes.files).toEqual([
      { path: 'b.ts', status: 'added' },
      { path: 'topic.ts', status: 'added' }
    ])
    expect(changes.fallback).toMatch(
      new RegExp(
        `push before commit ${before.slice(0, 7)} is not in the repository and could not be fetched from origin .*force-push.*merge base ${forkPoint.slice(0, 7)} with origin/main`
      )
    )
    expect(log.lines.some(l => l.startsWith('warning: ') && l.includes('force-push'))).toBe(true)
  })

  it('compares from the merge base when before is still present but no longer an ancestor', async () => {
    const repo = createRepo({ files: { 'a.ts': '1\n' } })
    const forkPoint = repo.head()
    const before = repo.commit('rewritten away', { 'lost.ts': '1\n' })
    repo.resetHard(forkPoint)
    const after = repo.commit('replacement', { 'b.ts': '1\n' })
    const payload = pushEvent({ before, after, ref: 'refs/heads/main', forced: true })
    const log = captureLogger()
    const changes = await detectChanges({
      git: new Git(repo.dir),
      event: runEvent('push', payload, after),
      log
    })
    expect(changes.base).toBe(forkPoint)
    expect(changes.files).toEqual([{ path: 'b.ts', status: 'added' }])
    expect(log.lines).toContain(
      `warning: Comparing from the merge base ${forkPoint.slice(0, 7)} of ${before.slice(0, 7)} and ${after.slice(0, 7)} (${before.slice(0, 7)} is not an ancestor of head: the push rewrote history).`
    )
  })

  it('falls back to the parent of head after a force-push to the default branch', async () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.ts': '1\n' } })
    const before = repo.commit('to be lost', { 'lost.ts': '1\n' })
    repo.push()
    repo.resetHard('HEAD~1')
    const parent = repo.head()
    const after = repo.commit('replacement', { 'b.ts': '1\n' })
    repo.forcePush()
    remote.pruneUnreachable()
    const clone = cloneShallow(remote)
    const payload = pushEvent({ before, after, ref: 'refs/heads/main', forced: true })
    const changes = await detectChanges({
      git: new Git(clone.dir),
      event: runEvent('push', payload, after),
      log: captureLogger()
    })
    expect(changes.base).toBe(parent)
    expect(changes.files).toEqual([{ path: 'b.ts', status: 'added' }])
    expect(changes.fallback).toMatch(/compared against the parent of head/)
    expect(changes.fetched).toContain(
      `deepened by 1 to fetch the parent of ${after.slice(0, 7)} (${parent.slice(0, 7)})`
    )
  })

  it('reports nothing for a push that deleted its ref', async () => {
    const repo = createRepo({ files: { 'a.ts': '1\n' } })
    const payload = pushEvent({ before: repo.head(), after: ZERO_SHA, ref: 'refs/heads/gone' })
    const changes = await detectChanges({
      git: new Git(repo.dir),
      event: runEvent('push', payload),
      log: captureLogger()
    })
    expect(changes.files).toEqual([])
    expect(changes.notes.join('\n')).toMatch(/deleted refs\/heads\/gone/)
  })
})

describe('detectChanges: other events and the CLI', () => {
  it('reads merge_group base_sha and head_sha', async () => {
    const repo = createRepo({ files: { 'a.ts': '1\n' } })
    const base = repo.head()
    const head = repo.commit('queued', { 'q.ts': '1\n' })
    const payload = mergeGroupEvent({ baseSha: base, headSha: head })
    const changes = await detectChanges({
      git: new Git(repo.dir),
      event: runEvent('merge_group', payload, head),
      log: captureLogger()
    })
    expect(changes).toMatchObject({ base, head, files: [{ path: 'q.ts', status: 'added' }] })
  })

  it('compares HEAD with its parent by default, and a root commit with the empty tree', async () => {
    const repo = createRepo({ files: { 'a.ts': '1\n' } })
    const root = await detectChanges({
      git: new Git(repo.dir),
      event: runEvent('local'),
      log: captureLogger()
    })
    expect(root.baseKind).toBe('empty-tree')
    expect(root.files).toEqual([{ path: 'a.ts', status: 'added' }])
    const parent = repo.head()
    repo.commit('b', { 'b.ts': '1\n' })
    const next = await detectChanges({
      git: new Git(repo.dir),
      event: runEvent('local'),
      log: captureLogger()
    })
    expect(next.base).toBe(parent)
    expect(next.files).toEqual([{ path: 'b.ts', status: 'added' }])
  })

  it('deepens from the shallow boundary when head is a local commit origin does not have', async () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.ts': '1\n' } })
    const base = repo.head()
    for (let i = 1; i <= 5; i++) repo.commit(`pushed ${i}`, { [`p${i}.ts`]: '1\n' })
    repo.push()
    const clone = cloneShallow(remote)
    const head = clone.commit('local only', { 'local.ts': '1\n' })
    const log = captureLogger()
    const changes = await detectChanges({
      git: new Git(clone.dir),
      event: runEvent('local'),
      base,
      log,
      fetchPolicy: { depth: 1, deepenBy: 2, maxDeepenRounds: 3 }
    })
    expect(changes).toMatchObject({ base, head })
    expect(log.lines.some(l => l.startsWith('debug: Deepening by 2 from the shallow boundary instead'))).toBe(
      true
    )
    expect(changes.files.map(f => f.path)).toEqual(['local.ts', 'p1.ts', 'p2.ts', 'p3.ts', 'p4.ts', 'p5.ts'])
    expect(changes.fetched).toEqual([
      `fetched base ${base.slice(0, 7)} with --depth=1`,
      'deepened by 2 and 4 (6 commits) to reach the merge base'
    ])
  })

  it('resolves a branch name given as base through origin, fetching it when needed', async () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.ts': '1\n' } })
    const forkPoint = repo.head()
    repo.checkout('feature', { create: true })
    repo.commit('f', { 'f.ts': '1\n' })
    repo.push({ refspec: 'feature' })
    const clone = cloneShallow(remote, { branch: 'feature' })
    expect(clone.hasCommit(forkPoint)).toBe(false)
    const changes = await detectChanges({
      git: new Git(clone.dir),
      event: runEvent('local'),
      base: 'main',
      log: captureLogger()
    })
    expect(changes.base).toBe(forkPoint)
    expect(changes.files).toEqual([{ path: 'f.ts', status: 'added' }])
    expect(changes.fetched[0]).toMatch(/^fetched base origin\/main/)
  })
})

describe('detectChanges: errors', () => {
  it('says a folder is not a git repository, naming working-directory', async () => {
    const dir = makeTempDir()
    await expectConfigurationError(
      detectChanges({ git: new Git(dir), event: runEvent('local'), log: captureLogger() }),
      /^Input "working-directory": .* is not a git repository; .*Example: working-directory: \./,
      'working-directory'
    )
    await expectConfigurationError(
      detectChanges({ git: new Git(join(dir, 'missing')), event: runEvent('local'), log: captureLogger() }),
      /does not exist/,
      'working-directory'
    )
  })

  it('says a base SHA is not in a repository without a remote, suggesting fetch-depth: 0', async () => {
    const repo = createRepo({ files: { 'a.ts': '1\n' } })
    await expectConfigurationError(
      detectChanges({
        git: new Git(repo.dir),
        event: runEvent('local'),
        base: 'f'.repeat(40),
        log: captureLogger()
      }),
      /^Input "base": f{40} is not in the repository and there is no remote named origin to fetch it from\. .*fetch-depth: 0.*Example: base: origin\/main$/,
      'base'
    )
  })

  it('says a pull request base that origin does not have cannot be fetched, naming the event field', async () => {
    const pr = pullRequestScenario()
    const clone = checkoutPullRequest(pr.remote)
    const payload = pullRequestEvent({ base: { sha: 'e'.repeat(40) }, head: { sha: pr.headSha } })
    await expectConfigurationError(
      detectChanges({
        git: new Git(clone.dir),
        event: runEvent('pull_request', payload),
        log: captureLogger()
      }),
      /^The base from pull_request\.base\.sha: e{40} is not in the repository and could not be fetched from origin/,
      'base'
    )
  })

  it('says an unknown revision is not a commit, branch or tag', async () => {
    const repo = createRepo({ files: { 'a.ts': '1\n' } })
    await expectConfigurationError(
      detectChanges({
        git: new Git(repo.dir),
        event: runEvent('local'),
        head: 'no-such-branch',
        log: captureLogger()
      }),
      /^Input "head": no-such-branch is not a commit, branch or tag in the repository\. .*Example: head: HEAD$/,
      'head'
    )
  })

  it('leaves the working tree and refs as they were', async () => {
    const pr = pullRequestScenario()
    const clone = checkoutPullRequest(pr.remote)
    mkdirSync(join(clone.dir, 'untracked-dir'))
    clone.write('untracked-dir/x.txt', 'x\n')
    const refsBefore = clone.git('for-each-ref')
    const statusBefore = clone.git('status', '--porcelain')
    const payload = pullRequestEvent({ base: { sha: pr.baseSha }, head: { sha: pr.headSha } })
    await detectChanges({
      git: new Git(clone.dir),
      event: runEvent('pull_request', payload),
      log: captureLogger()
    })
    expect(clone.git('status', '--porcelain')).toBe(statusBefore)
    expect(clone.git('for-each-ref')).toBe(refsBefore)
    expect(clone.git('tag')).toBe('')
  })
})
