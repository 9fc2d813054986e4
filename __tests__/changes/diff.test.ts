import { afterAll, describe, expect, it } from '@jest/globals'
import { symlinkSync } from 'node:fs'
import { diffFiles, parseBinaryPaths, parseRawDiff, toChangedFiles } from '../../src/changes/diff.js'
import { Git } from '../../src/ports/git.js'
import { cleanupAll, createBareRemote, createRepo } from '../support/git-repo.js'

afterAll(() => cleanupAll())

describe('parsing git diff -z output', () => {
  it('reads raw entries, including renames with two paths', () => {
    const raw =
      ':100644 100644 1111111 2222222 M\0src/a.ts\0' +
      ':100644 100644 3333333 3333333 R100\0old name.ts\0new name.ts\0' +
      ':000000 160000 0000000 4444444 A\0vendor/lib\0'
    expect(parseRawDiff(raw)).toEqual([
      { status: 'M', oldMode: '100644', newMode: '100644', path: 'src/a.ts' },
      {
        status: 'R100',
        oldMode: '100644',
        newMode: '100644',
        path: 'new name.ts',
        previousPath: 'old name.ts'
      },
      { status: 'A', oldMode: '000000', newMode: '160000', path: 'vendor/lib' }
    ])
  })

  it('finds binary paths in numstat, renamed ones by their new path', () => {
    const numstat =
      '-\t-\tlogo.png\0' + '3\t1\tsrc/a.ts\0' + '-\t-\t\0old.bin\0new.bin\0' + '0\t0\t\0x.ts\0y.ts\0'
    expect([...parseBinaryPaths(numstat)].sort()).toEqual(['logo.png', 'new.bin'])
  })

  it('maps copies to added and type changes to modified', () => {
    const files = toChangedFiles(
      [
        { status: 'C075', oldMode: '100644', newMode: '100644', path: 'b.ts', previousPath: 'a.ts' },
        { status: 'T', oldMode: '100644', newMode: '120000', path: 'link' }
      ],
      new Set()
    )
    expect(files).toEqual([
      { path: 'b.ts', status: 'added' },
      { path: 'link', status: 'modified' }
    ])
  })
})

describe('diffFiles on a real repository', () => {
  it('reports every kind of change, and paths with spaces, quotes, unicode and newlines survive', async () => {
    const sub = createRepo({ files: { 'lib.txt': 'v1\n' } })
    const subRemote = createBareRemote()
    sub.addRemote('origin', subRemote.url).push({ setUpstream: true })

    const repo = createRepo({
      files: {
        'keep.ts': 'export const keep = 1\n',
        'gone.ts': 'export const gone = 1\n',
        'old/place.ts': 'export function moved() {\n  return "a long enough body for rename detection"\n}\n',
        'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0, 255]),
        'turns-into-link.txt': 'plain\n'
      }
    })
    repo.addSubmodule(subRemote.url, 'vendor/sub')
    const base = repo.commit('add submodule')

    sub.commit('sub v2', { 'lib.txt': 'v2\n' })
    sub.push()
    repo.git('-C', 'vendor/sub', 'pull', '--quiet', 'origin', 'main')
    repo.remove('gone.ts')
    repo.rename('old/place.ts', 'new/place.ts')
    repo.write('keep.ts', 'export const keep = 2\n')
    repo.write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 9, 9, 9, 0, 0, 255]))
    repo.write('with space.ts', 'a\n')
    repo.write("quote\"d 'x'.ts", 'b\n')
    repo.write('ünïcödé/файл.ts', 'c\n')
    repo.write('new\nline.ts', 'd\n')
    repo.remove('turns-into-link.txt')
    symlinkSync('keep.ts', repo.path('turns-into-link.txt'))
    const head = repo.commit('change everything')

    const files = await diffFiles(new Git(repo.dir), base, head)
    expect(files).toEqual(
      [
        { path: 'gone.ts', status: 'deleted' },
        { path: 'image.png', status: 'modified', binary: true },
        { path: 'keep.ts', status: 'modified' },
        { path: 'new/place.ts', status: 'renamed', previousPath: 'old/place.ts' },
        { path: 'new\nline.ts', status: 'added' },
        { path: "quote\"d 'x'.ts", status: 'added' },
        { path: 'turns-into-link.txt', status: 'modified' },
        { path: 'vendor/sub', status: 'modified', submodule: true },
        { path: 'with space.ts', status: 'added' },
        { path: 'ünïcödé/файл.ts', status: 'added' }
      ].sort((a, b) => (a.path < b.path ? -1 : 1))
    )
  })

  it('ignores the user git config that would change the output (quotepath, relative, external diff)', async () => {
    const repo = createRepo({ files: { 'dir/a.ts': '1\n', 'ü.ts': '1\n' } })
    const base = repo.head()
    const head = repo.commit('edit', { 'dir/a.ts': '2\n', 'ü.ts': '2\n' })
    repo.git('config', 'diff.relative', 'true')
    repo.git('config', 'diff.external', 'false')
    repo.git('config', 'core.quotepath', 'on')
    const files = await diffFiles(new Git(repo.path('dir')), base, head)
    expect(files.map(f => f.path)).toEqual(['dir/a.ts', 'ü.ts'])
  })
})
