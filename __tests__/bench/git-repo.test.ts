import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import {
  cleanupAll,
  cloneFull,
  cloneShallow,
  createBareRemote,
  createRepo,
  createRepoWithRemote,
  GitCommandError,
  TEST_AUTHOR
} from '../support/git-repo.js'

afterAll(cleanupAll)

describe('createRepo', () => {
  it('commits files with a fixed identity and returns the full SHA', () => {
    const repo = createRepo()
    const sha = repo.commit('first', { 'src/a.ts': 'export const a = 1\n', 'README.md': '# x\n' })
    expect(sha).toMatch(/^[0-9a-f]{40}$/)
    expect(repo.head()).toBe(sha)
    expect(repo.currentBranch()).toBe('main')
    expect(repo.git('log', '-1', '--format=%an <%ae>|%cn <%ce>')).toBe(
      `${TEST_AUTHOR.name} <${TEST_AUTHOR.email}>|${TEST_AUTHOR.name} <${TEST_AUTHOR.email}>`
    )
    expect(repo.git('ls-files').split('\n')).toEqual(['README.md', 'src/a.ts'])
  })

  it('honours initialBranch and gives later commits later dates', () => {
    const repo = createRepo({ initialBranch: 'trunk', files: { 'a.txt': '1' } })
    repo.commit('second', { 'a.txt': '2' })
    expect(repo.currentBranch()).toBe('trunk')
    const [second, first] = repo.git('log', '--format=%ct').split('\n').map(Number)
    expect(second).toBeGreaterThan(first!)
  })

  it('records deletions, renames and binary files with the right statuses', () => {
    const repo = createRepo({
      files: { 'keep.txt': 'k\n', 'gone.txt': 'g\n', 'old/name.ts': 'export const x = 42\n'.repeat(5) }
    })
    const base = repo.head()
    repo.rename('old/name.ts', 'new/name.ts')
    repo.remove('gone.txt')
    const head = repo.commit('change', { 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0, 255]) })
    const status = repo.git('diff', '--name-status', '-M', base, head)
    expect(status.split('\n').sort()).toEqual([
      'A\tlogo.png',
      'D\tgone.txt',
      'R100\told/name.ts\tnew/name.ts'
    ])
    expect(repo.git('diff', '--numstat', base, head, '--', 'logo.png')).toBe('-\t-\tlogo.png')
  })

  it('deletes a file when commit() gets null for it', () => {
    const repo = createRepo({ files: { 'a.txt': 'a', 'b.txt': 'b' } })
    repo.commit('drop b', { 'b.txt': null })
    expect(repo.git('ls-files')).toBe('a.txt')
  })

  it('refuses an empty commit unless asked', () => {
    const repo = createRepo({ files: { 'a.txt': 'a' } })
    expect(() => repo.commit('nothing')).toThrow(GitCommandError)
    const sha = repo.commit('nothing', {}, { allowEmpty: true })
    expect(repo.commitCount()).toBe(2)
    expect(sha).toBe(repo.head())
  })

  it('branches and merges', () => {
    const repo = createRepo({ files: { 'a.txt': 'a' } })
    repo.checkout('feature', { create: true })
    const featureSha = repo.commit('feature work', { 'b.txt': 'b' })
    repo.checkout('main')
    repo.commit('main work', { 'c.txt': 'c' })
    const mergeSha = repo.merge('feature', { message: 'merge feature' })
    expect(repo.git('rev-list', '--parents', '-n', '1', mergeSha).split(' ')).toHaveLength(3)
    expect(repo.git('merge-base', 'main', 'feature')).toBe(featureSha)
    expect(repo.git('ls-files').split('\n')).toEqual(['a.txt', 'b.txt', 'c.txt'])
  })

  it('removes its folder on cleanup', () => {
    const repo = createRepo()
    expect(existsSync(repo.dir)).toBe(true)
    repo.cleanup()
    expect(existsSync(repo.dir)).toBe(false)
  })
})

describe('remotes and clones', () => {
  it('makes a depth-1 clone like actions/checkout', () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.txt': '1' } })
    repo.commit('two', { 'a.txt': '2' })
    const tip = repo.commit('three', { 'a.txt': '3' })
    repo.push()
    const clone = cloneShallow(remote)
    expect(clone.isShallow()).toBe(true)
    expect(clone.commitCount()).toBe(1)
    expect(clone.head()).toBe(tip)
    expect(clone.read('a.txt')).toBe('3')
    expect(clone.currentBranch()).toBe('main')
  })

  it('clones a given SHA or pull request ref detached, with the given depth', () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.txt': '1' } })
    const base = repo.head()
    repo.checkout('feature', { create: true })
    repo.commit('f1', { 'b.txt': '1' })
    const prHead = repo.commit('f2', { 'b.txt': '2' })
    repo.push({ refspec: 'feature' })
    remote.setRef('refs/pull/7/head', prHead)

    const bySha = cloneShallow(remote, { ref: prHead, depth: 2 })
    expect(bySha.head()).toBe(prHead)
    expect(bySha.commitCount()).toBe(2)
    expect(bySha.hasCommit(base)).toBe(false)
    expect(bySha.currentBranch()).toBe('HEAD')

    const byRef = cloneShallow(remote, { ref: 'refs/pull/7/head' })
    expect(byRef.head()).toBe(prHead)
    expect(byRef.commitCount()).toBe(1)
  })

  it('deepens a shallow clone with a real fetch', () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.txt': '1' } })
    const first = repo.head()
    repo.commit('two', { 'a.txt': '2' })
    repo.push()
    const clone = cloneShallow(remote)
    expect(clone.hasCommit(first)).toBe(false)
    clone.fetch('--deepen=1', 'origin', 'main')
    expect(clone.hasCommit(first)).toBe(true)
  })

  it('force-pushes a rewritten history so the old tip is gone from the remote', () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.txt': '1' } })
    const kept = repo.head()
    const dropped = repo.commit('to be rewritten', { 'a.txt': 'bad' })
    repo.push()
    expect(remote.revParse('main')).toBe(dropped)

    repo.resetHard(kept)
    const rewritten = repo.commit('rewritten', { 'a.txt': 'good' })
    expect(() => repo.push()).toThrow(GitCommandError)
    repo.forcePush()
    remote.pruneUnreachable()
    expect(remote.revParse('main')).toBe(rewritten)
    expect(() => remote.revParse(dropped)).toThrow(GitCommandError)
  })

  it('amend() gives a new SHA for the rewritten commit', () => {
    const repo = createRepo({ files: { 'a.txt': '1' } })
    const before = repo.commit('x', { 'a.txt': '2' })
    const after = repo.amend('x, amended', { 'a.txt': '3' })
    expect(after).not.toBe(before)
    expect(repo.commitCount()).toBe(2)
  })

  it('full clones see every branch; submodules can be added from a local remote', () => {
    const { repo, remote } = createRepoWithRemote({ files: { 'a.txt': '1' } })
    repo.checkout('dev', { create: true }).commit('dev', { 'd.txt': 'd' })
    repo.push({ refspec: 'dev' })
    const clone = cloneFull(remote)
    expect(clone.isShallow()).toBe(false)
    expect(
      clone
        .git('branch', '-r')
        .split('\n')
        .map(line => line.trim())
    ).toContain('origin/dev')

    const library = createRepoWithRemote({ files: { 'lib.txt': 'lib' } })
    clone.addSubmodule(library.remote.url, 'vendor/lib')
    clone.commit('add submodule')
    expect(clone.git('ls-files', '--stage', 'vendor/lib')).toMatch(/^160000 [0-9a-f]{40} 0\tvendor\/lib$/)
    const bare = createBareRemote()
    expect(bare.git('rev-parse', '--is-bare-repository')).toBe('true')
  })
})
