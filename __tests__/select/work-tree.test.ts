/**
 * A work tree checked out at head is read directly (faster than inflating git objects), while
 * `git status` runs; a file that status reports changed is read from git instead, as committed.
 * To tell which way a file was read, these tests delete some blobs from the object store: a file
 * read from git then scans as missing, one read from the work tree does not.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Git } from '../../src/ports/git.js'
import { streamLogger } from '../../src/ports/log.js'
import { listTree } from '../../src/select/git-source.js'
import { buildRepositoryGraph, selectTests } from '../../src/select/index.js'
import { cleanupAll, createRepo, makeTempDir, runGit, type TestRepo } from '../support/git-repo.js'

afterAll(() => cleanupAll())
const quiet = streamLogger(() => undefined)

const FILES = {
  'src/a.ts': "import { b } from './b'\nexport function a(): number {\n  return b() + 1\n}\n",
  'src/b.ts': 'export function b(): number {\n  return 1\n}\n',
  'src/c.ts': 'export const c = 3\n',
  'test/a.test.ts': "import { a } from '../src/a'\ntest('a', () => expect(a()).toBe(2))\n",
  'test/c.test.ts': "import { c } from '../src/c'\ntest('c', () => expect(c).toBe(3))\n"
}

/** Deletes the loose object of `path`'s committed blob: git can no longer give that file. */
function dropBlob(repo: TestRepo, path: string): void {
  const sha = runGit(repo.dir, ['rev-parse', `HEAD:${path}`]).trim()
  rmSync(join(repo.dir, '.git/objects', sha.slice(0, 2), sha.slice(2)))
  expect(() => runGit(repo.dir, ['cat-file', '-e', sha])).toThrow()
}

function specsOf(repo: Awaited<ReturnType<typeof buildRepositoryGraph>>, path: string): string[] {
  return (repo.scans.get(path)?.imports ?? []).map(i => i.spec)
}

describe('reading the work tree', () => {
  it('reads a work tree checked out at head, whether head is a SHA, HEAD or a branch name', async () => {
    const repo = createRepo({ files: FILES })
    dropBlob(repo, 'src/b.ts')
    for (const head of [repo.revParse('HEAD'), 'HEAD', 'main']) {
      const graph = await buildRepositoryGraph(new Git(repo.dir), head)
      expect(graph.scans.get('src/b.ts')?.error).toBeUndefined()
      expect(Object.keys(graph.scans.get('src/b.ts')?.exports ?? {})).toEqual(['b'])
    }
  })

  it('reads from git what git status reports changed, staged or not, and the rest from the work tree', async () => {
    const repo = createRepo({ files: FILES })
    dropBlob(repo, 'src/c.ts')
    // Not staged: the work tree imports './c' now; staged: the index has another body.
    writeFileSync(join(repo.dir, 'src/a.ts'), "import { c } from './c'\nexport const a = () => c\n")
    writeFileSync(join(repo.dir, 'test/c.test.ts'), "import { b } from '../src/b'\ntest('b', () => b())\n")
    runGit(repo.dir, ['add', 'test/c.test.ts'])
    const graph = await buildRepositoryGraph(new Git(repo.dir), 'HEAD')
    expect(specsOf(graph, 'src/a.ts')).toEqual(['./b'])
    expect(specsOf(graph, 'test/c.test.ts')).toEqual(['../src/c'])
    expect(graph.scans.get('src/c.ts')?.error).toBeUndefined()
    expect(graph.graph.edgesInto('src/c.ts')?.loaders.map(l => l.from)).toEqual(['test/c.test.ts'])
  })

  it('reads every file from git when the work tree is at another commit', async () => {
    const repo = createRepo({ files: FILES })
    repo.commit('c is 4', { 'src/c.ts': 'export const c = 4\nexport const d = 5\n' })
    const head = repo.revParse('HEAD')
    runGit(repo.dir, ['checkout', '--quiet', '--detach', 'HEAD~1'])
    const graph = await buildRepositoryGraph(new Git(repo.dir), head)
    expect(Object.keys(graph.scans.get('src/c.ts')?.exports ?? {})).toEqual(['c', 'd'])
  })

  it('selects the same tests from a work tree with some blobs gone, with either graph', async () => {
    const repo = createRepo({ files: FILES })
    repo.commit('b returns 2', { 'src/b.ts': FILES['src/b.ts'].replace('return 1', 'return 2') })
    dropBlob(repo, 'src/a.ts')
    dropBlob(repo, 'test/c.test.ts')
    for (const graph of ['demand', 'full'] as const) {
      const result = await selectTests({
        git: new Git(repo.dir),
        base: 'HEAD~1',
        head: 'HEAD',
        log: quiet,
        graph
      })
      expect(result.stats.graph).toBe(graph)
      expect(result.mode).toBe('selected')
      expect(result.tests).toEqual(['test/a.test.ts'])
    }
  })

  it('selects from head as committed when the index holds staged changes, or a file only intended to be added', async () => {
    const repo = createRepo({ files: FILES })
    repo.commit('b returns 2', { 'src/b.ts': FILES['src/b.ts'].replace('return 1', 'return 2') })
    // In the index, not in head: a test of b, and no test of a.
    writeFileSync(join(repo.dir, 'test/b.test.ts'), "import { b } from '../src/b'\ntest('b', () => b())\n")
    runGit(repo.dir, ['add', 'test/b.test.ts'])
    runGit(repo.dir, ['rm', '--quiet', '--cached', 'test/a.test.ts'])
    const selected = async (): Promise<Array<{ tests: string[]; allTests: string[] }>> => {
      const results = []
      for (const graph of ['demand', 'full'] as const) {
        const { tests, allTests } = await selectTests({
          git: new Git(repo.dir),
          base: 'HEAD~1',
          head: 'HEAD',
          log: quiet,
          graph
        })
        results.push({ tests, allTests })
      }
      return results
    }
    const asCommitted = { tests: ['test/a.test.ts'], allTests: ['test/a.test.ts', 'test/c.test.ts'] }
    expect(await selected()).toEqual([asCommitted, asCommitted])
    runGit(repo.dir, ['reset', '--quiet'])
    runGit(repo.dir, ['add', '--intent-to-add', 'test/b.test.ts'])
    expect(await selected()).toEqual([asCommitted, asCommitted])
  })
})

describe('listing the tree', () => {
  it('lists blobs with their SHAs, whatever their names hold; symlinks and submodules are left out', async () => {
    const repo = createRepo({
      files: { 'src/a b.ts': 'export const a = 1\n', 'src/tab\there.ts': 'export const t = 2\n', 'x.ts': '' }
    })
    symlinkSync('x.ts', join(repo.dir, 'link.ts'))
    const sha = runGit(repo.dir, ['rev-parse', 'HEAD']).trim()
    runGit(repo.dir, ['update-index', '--add', '--cacheinfo', `160000,${sha},vendored`])
    runGit(repo.dir, ['add', 'link.ts'])
    runGit(repo.dir, ['commit', '--quiet', '-m', 'link and submodule'])
    const blobOf = (path: string): string => runGit(repo.dir, ['rev-parse', `HEAD:${path}`]).trim()
    const expected = ['src/a b.ts', 'src/tab\there.ts', 'x.ts'].map(path => ({ path, sha: blobOf(path) }))
    // From the index (HEAD is checked out, nothing staged), and from the tree.
    expect(await listTree(new Git(repo.dir), 'HEAD')).toEqual(expected)
    expect(await listTree(new Git(repo.dir), 'HEAD', { checkedOut: false })).toEqual(expected)
  })

  /** The git commands a listing ran, from git's own trace. */
  async function listedBy(dir: string, rev: string): Promise<{ paths: string[]; commands: string[] }> {
    const trace = join(makeTempDir('ci-medic-trace-'), 'trace')
    const entries = await listTree(new Git(dir, { GIT_TRACE: trace }), rev)
    const commands = readFileSync(trace, 'utf8')
      .split('\n')
      .flatMap(line => /trace: built-in: git ([\w-]+)/.exec(line)?.[1] ?? [])
    return { paths: entries.map(e => `${e.path} ${e.sha.slice(0, 7)}`), commands }
  }

  const shortBlob = (dir: string, spec: string): string =>
    runGit(dir, ['rev-parse', '--short=7', spec]).trim()

  it('lists a checked-out revision from the index, and from the tree whenever the index holds something else', async () => {
    const repo = createRepo({
      files: { 'src/a.ts': 'export const a = 1\n', 'src/b.ts': 'export const b = 2\n' }
    })
    const first = runGit(repo.dir, ['rev-parse', 'HEAD']).trim()
    writeFileSync(join(repo.dir, 'src/a.ts'), 'export const a = 10\n')
    writeFileSync(join(repo.dir, 'src/c.ts'), 'export const c = 3\n')
    runGit(repo.dir, ['add', '.'])
    runGit(repo.dir, ['commit', '--quiet', '-m', 'second'])
    const atHead = ['src/a.ts', 'src/b.ts', 'src/c.ts'].map(p => `${p} ${shortBlob(repo.dir, `HEAD:${p}`)}`)

    const clean = await listedBy(repo.dir, 'HEAD')
    expect(clean.paths).toEqual(atHead)
    expect(clean.commands).toContain('ls-files')
    expect(clean.commands).not.toContain('ls-tree')

    // Another revision than the one checked out: its own files.
    const older = await listedBy(repo.dir, first)
    expect(older.paths).toEqual(
      ['src/a.ts', 'src/b.ts'].map(p => `${p} ${shortBlob(repo.dir, `${first}:${p}`)}`)
    )
    expect(older.commands).toContain('ls-tree')

    // A file only intended to be added (`add -N`) is in the index, not in HEAD.
    writeFileSync(join(repo.dir, 'src/e.ts'), 'export const e = 5\n')
    runGit(repo.dir, ['add', '--intent-to-add', 'src/e.ts'])
    expect((await listedBy(repo.dir, 'HEAD')).paths).toEqual(atHead)

    // Staged edits, an added file and a removed one: HEAD as committed all the same.
    writeFileSync(join(repo.dir, 'src/b.ts'), 'export const b = 20\n')
    writeFileSync(join(repo.dir, 'src/d.ts'), 'export const d = 4\n')
    runGit(repo.dir, ['add', 'src/b.ts', 'src/d.ts'])
    runGit(repo.dir, ['rm', '--quiet', '--cached', 'src/c.ts'])
    const staged = await listedBy(repo.dir, 'HEAD')
    expect(staged.paths).toEqual(atHead)
    expect(staged.commands).toContain('ls-tree')
  })

  it('lists the whole repository from a subfolder, and a bare repository from its tree', async () => {
    const repo = createRepo({ files: { 'src/a.ts': 'export const a = 1\n', 'top.ts': '' } })
    const all = ['src/a.ts', 'top.ts'].map(p => `${p} ${shortBlob(repo.dir, `HEAD:${p}`)}`)
    const fromSubfolder = await listedBy(join(repo.dir, 'src'), 'HEAD')
    expect(fromSubfolder.paths).toEqual(all)
    expect(fromSubfolder.commands).not.toContain('ls-tree')
    const bare = join(makeTempDir('ci-medic-bare-'), 'bare.git')
    runGit(repo.dir, ['clone', '--quiet', '--bare', repo.dir, bare])
    expect((await listedBy(bare, 'HEAD')).paths).toEqual(all)
  })

  it('says why it could not list a revision, and leaves no temporary file behind', async () => {
    const repo = createRepo({ files: { 'a.ts': '' } })
    // A temporary folder of this test's own, so that no other test's listing counts.
    const temp = makeTempDir('ci-medic-tmp-')
    const saved = process.env.TMPDIR
    process.env.TMPDIR = temp
    try {
      await expect(listTree(new Git(repo.dir), 'no-such-branch')).rejects.toThrow(
        /git ls-tree no-such-branch failed/
      )
      expect(await listTree(new Git(repo.dir), 'HEAD')).toHaveLength(1)
      expect(readdirSync(temp)).toEqual([])
    } finally {
      if (saved === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = saved
    }
  })
})
