import { afterAll, describe, expect, it } from '@jest/globals'
import { Git, withTokenAuth } from '../../src/ports/git.js'
import { streamLogger } from '../../src/ports/log.js'
import { cleanupAll, createRepo } from '../support/git-repo.js'

afterAll(cleanupAll)

function recordingLog(): { log: ReturnType<typeof streamLogger>; masked: string[] } {
  const masked: string[] = []
  const log = { ...streamLogger(() => undefined), mask: (value: string) => void masked.push(value) }
  return { log, masked }
}

const HEADER_KEY = 'http.https://github.example/.extraheader'

describe('withTokenAuth', () => {
  it('gives fetches an auth header through git config variables, masked, never on argv', async () => {
    const repo = await createRepo()
    await repo.git('remote', 'add', 'origin', 'https://github.example/acme/app.git')
    const { log, masked } = recordingLog()
    const git = await withTokenAuth(new Git(repo.dir), 'ghs_exampletoken123', log)
    const header = (await git.run(['config', '--get', HEADER_KEY])).trim()
    const basic = Buffer.from('x-access-token:ghs_exampletoken123').toString('base64')
    expect(header).toBe(`AUTHORIZATION: basic ${basic}`)
    expect(masked).toEqual([basic])
    expect(await repo.git('config', '--list')).not.toContain('extraheader')
  })

  it('keeps the repository git when there is no token, the remote is not HTTPS, or credentials persist', async () => {
    const { log } = recordingLog()
    const https = await createRepo()
    await https.git('remote', 'add', 'origin', 'https://github.example/acme/app.git')
    const plain = new Git(https.dir)
    expect(await withTokenAuth(plain, undefined, log)).toBe(plain)

    await https.git('config', HEADER_KEY, 'AUTHORIZATION: basic persisted')
    expect(await withTokenAuth(plain, 'ghs_exampletoken123', log)).toBe(plain)

    const local = await createRepo()
    await local.git('remote', 'add', 'origin', '/srv/git/app.git')
    const localGit = new Git(local.dir)
    expect(await withTokenAuth(localGit, 'ghs_exampletoken123', log)).toBe(localGit)
  })
})
