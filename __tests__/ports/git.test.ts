import { afterAll, describe, expect, it } from '@jest/globals'
import { Git, GitError } from '../../src/ports/git.js'
import { cleanupAll, createRepo } from '../support/git-repo.js'

afterAll(cleanupAll)

describe('git port, read-only queries', () => {
  it('answers as run does, and throws a GitError on a non-zero exit', async () => {
    const repo = createRepo({ files: { 'a.txt': 'a\n' } })
    const git = new Git(repo.dir)
    expect((await git.query(['rev-parse', 'HEAD'])).trim()).toBe(repo.head())
    expect(await git.query(['rev-parse', 'HEAD'])).toBe(await git.run(['rev-parse', 'HEAD']))
    const missing = await git.tryQuery(['rev-parse', '--verify', '--end-of-options', 'no-such-branch'])
    expect(missing.exitCode).not.toBe(0)
    expect(missing.stderr).not.toBe('')
    await expect(git.query(['cat-file', '-p', 'no-such-branch'])).rejects.toBeInstanceOf(GitError)
  })

  it("runs git with the port's own environment", async () => {
    const repo = createRepo({ files: { 'a.txt': 'a\n' } })
    const git = new Git(repo.dir, {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'cimedic.probe',
      GIT_CONFIG_VALUE_0: 'from-the-port'
    })
    expect((await git.query(['config', '--get', 'cimedic.probe'])).trim()).toBe('from-the-port')
    expect((await new Git(repo.dir).tryQuery(['config', '--get', 'cimedic.probe'])).exitCode).toBe(1)
  })
})
