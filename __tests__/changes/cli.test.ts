/** The CLI twin: `node dist/cli/index.js changes --repo DIR --base REV --head REV [--json]`. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { CLI_ENTRY, runCli } from '../support/harness.js'
import { cleanupAll, createRepo, makeTempDir, type TestRepo } from '../support/git-repo.js'

beforeAll(() => {
  if (!existsSync(CLI_ENTRY)) throw new Error('Run `npm run build` before the end-to-end tests')
})
afterAll(() => cleanupAll())

function sampleRepo(): { repo: TestRepo; base: string; head: string } {
  const repo = createRepo({
    files: {
      'src/a.ts': 'export const a = 1\n',
      'docs/guide.md': '# Guide\n\nLong enough text for git to see the rename.\n',
      'gone.txt': 'bye\n'
    }
  })
  const base = repo.head()
  repo.checkout('feature', { create: true })
  repo.rename('docs/guide.md', 'docs/handbook.md')
  repo.remove('gone.txt')
  repo.write('img.bin', Buffer.from([0, 1, 2, 0, 255]))
  repo.write('src/a.ts', 'export const a = 2\n')
  const head = repo.commit('feature work')
  repo.checkout('main')
  repo.commit('main moves on', { 'src/other.ts': 'x\n' })
  return { repo, base, head }
}

describe('ci-medic changes (CLI)', () => {
  it('prints exactly the contract JSON, from the merge base', async () => {
    const { repo, base, head } = sampleRepo()
    const result = await runCli([
      'changes',
      '--repo',
      repo.dir,
      '--base',
      'main',
      '--head',
      'feature',
      '--json'
    ])
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      base,
      head,
      files: [
        { path: 'docs/handbook.md', status: 'renamed', previousPath: 'docs/guide.md' },
        { path: 'gone.txt', status: 'deleted' },
        { path: 'img.bin', status: 'added', binary: true },
        { path: 'src/a.ts', status: 'modified' }
      ]
    })
    expect(result.stdout.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain(`Comparing from the merge base ${base.slice(0, 7)}`)
  })

  it('prints a readable table without --json', async () => {
    const { repo, base, head } = sampleRepo()
    const result = await runCli(['changes', '--repo', repo.dir, '--base', base, '--head', head])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain(`base ${base}\nhead ${head}\n`)
    expect(result.stdout).toMatch(/^renamed\s+docs\/guide\.md -> docs\/handbook\.md$/m)
    expect(result.stdout).toMatch(/^added\s+img\.bin\s+\(binary\)$/m)
    expect(result.stdout).toMatch(/^deleted\s+gone\.txt$/m)
    expect(result.stdout).toContain('4 changed files: 1 added, 1 modified, 1 deleted, 1 renamed, 1 binary')
  })

  it('compares HEAD with its parent when no revisions are given', async () => {
    const { repo } = sampleRepo()
    const result = await runCli(['changes', '--repo', repo.dir, '--json'])
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.stdout).files).toEqual([{ path: 'src/other.ts', status: 'added' }])
  })

  it('exits 2 with one clear line for an unknown revision, a malformed SHA and a folder outside git', async () => {
    const { repo } = sampleRepo()
    const unknown = await runCli(['changes', '--repo', repo.dir, '--base', 'nope', '--json'])
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toMatch(
      /^error: Input "base": nope is not a commit, branch or tag in the repository\. /m
    )

    const malformed = await runCli(['changes', '--repo', repo.dir, '--head', 'f'.repeat(50)])
    expect(malformed.exitCode).toBe(2)
    expect(malformed.stderr).toMatch(/^error: Input "head" must be a commit SHA/m)

    const outside = await runCli(['changes', '--repo', makeTempDir(), '--json'])
    expect(outside.exitCode).toBe(2)
    expect(outside.stderr).toMatch(/^error: Input "working-directory": .* is not a git repository/m)
    for (const r of [unknown, malformed, outside]) {
      expect(r.stderr.split('\n').filter(l => l.startsWith('error:'))).toHaveLength(1)
      expect(r.stderr).not.toMatch(/^\s+at /m)
    }
  })
})
