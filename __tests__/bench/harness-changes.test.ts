import { afterAll, describe, expect, it } from '@jest/globals'
import { cleanupAll, createRepo } from '../support/git-repo.js'
import { pullRequestEvent, runAction, runCli } from '../support/harness.js'

afterAll(cleanupAll)

// The harness and CLI wrapper against the real `changes` command (src/changes, another engineer's work).
describe('harness with the changes command', () => {
  it('passes the event, inputs and workspace and reads back outputs and the job summary', async () => {
    const repo = createRepo({
      files: { 'src/keep.ts': 'export const k = 1\n', 'src/old.ts': 'export const o = 1\n' }
    })
    const base = repo.head()
    repo.checkout('feature', { create: true })
    const head = repo.commit('work', { 'src/new.ts': 'export const n = 1\n', 'src/old.ts': null })
    const result = await runAction({
      cwd: repo.dir,
      inputs: { command: 'changes' },
      eventName: 'pull_request',
      eventPayload: pullRequestEvent({ base: { sha: base }, head: { sha: head, ref: 'feature' } })
    })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs.base).toBe(base)
    expect(result.outputs.head).toBe(head)
    expect(JSON.parse(result.outputs['changed-files']!)).toEqual([
      { path: 'src/new.ts', status: 'added' },
      { path: 'src/old.ts', status: 'deleted' }
    ])
    expect(result.summary).toContain('src/new.ts')
  })

  it('prints the changes contract as JSON', async () => {
    const repo = createRepo({ files: { 'a.txt': '1' } })
    const base = repo.head()
    const head = repo.commit('two', { 'a.txt': '2', 'b.txt': 'b' })
    const result = await runCli(['changes', '--repo', repo.dir, '--base', base, '--head', head, '--json'])
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      base,
      head,
      files: [
        { path: 'a.txt', status: 'modified' },
        { path: 'b.txt', status: 'added' }
      ]
    })
  })
})
