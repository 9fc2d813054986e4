import { describe, expect, it } from '@jest/globals'
import { carryResolutions, changesEverything, fileListChange, senseKeysOf } from '../../src/select/relink.js'

const key = (dir: string, spec: string): string => `${dir}\u0000${spec}`

describe('resolutions kept across added and deleted files', () => {
  const memo = {
    [key('src', './util')]: 'src/util.js',
    [key('src', './util.js')]: 'src/util.js',
    [key('src', './other')]: 'src/other.ts',
    [key('src/deep', '..')]: 'src/index.ts',
    [key('src/deep', '../lib')]: '?',
    [key('test', '../src/other')]: 'src/other.ts',
    [key('src', 'react')]: '',
    [key('src', '#internal')]: 'src/internal.ts',
    [key('src', './styles.css')]: 'src/styles.css',
    [key('src/lib', './helpers')]: 'src/lib/helpers.ts'
  }

  it('drops those whose path an added or deleted file may be found by, bare ones, and rewritten ones', () => {
    const change = fileListChange(['src/util.js', 'src/old.ts'], new Set(['src/util.js', 'src/util.ts']))
    expect(change).toEqual({ added: ['src/util.ts'], deleted: ['src/old.ts'] })
    const { kept, dropped } = carryResolutions(memo, { added: ['src/util.ts'], deleted: [] }, spec =>
      spec.endsWith('.css')
    )
    expect(Object.keys(kept).sort()).toEqual(
      [key('src', './other'), key('test', '../src/other'), key('src/lib', './helpers')].sort()
    )
    expect([...dropped.keys()].sort()).toEqual(
      [
        key('src', './util'), // finds util.ts first now
        key('src', './util.js'), // TypeScript's .js → .ts
        key('src/deep', '..'), // a folder above the file: its index
        key('src/deep', '../lib'), // a build folder, which may map to src/
        key('src', 'react'),
        key('src', '#internal'),
        key('src', './styles.css') // a jest mapping may rewrite it
      ].sort()
    )
    expect(dropped.get(key('src', './util'))).toBe('src/util.js')
  })

  it('drops a folder import when a file inside it comes or goes', () => {
    const { dropped } = carryResolutions(
      memo,
      { added: [], deleted: ['src/lib/helpers/index.ts'] },
      () => false
    )
    expect(dropped.has(key('src/lib', './helpers'))).toBe(true)
    expect(dropped.has(key('src', './other'))).toBe(false)
  })

  it('links everything again for Python and Go files, and names the keys a file may touch', () => {
    expect(['a/b.py', 'a/b.pyi', 'pkg/x.go', 'go.work'].map(changesEverything)).toEqual([
      true,
      true,
      true,
      true
    ])
    expect(changesEverything('src/a.ts')).toBe(false)
    expect(senseKeysOf('packages/a/src/cli.js')).toEqual([
      'n:cli.js',
      'g',
      'p:',
      'p:packages/a/src',
      'p:packages/a',
      'p:packages'
    ])
  })
})
