import { describe, expect, it } from '@jest/globals'
import { loadJestSettings } from '../../src/select/project.js'
import {
  carryResolutions,
  changesEverything,
  fileListChange,
  senseKeysOf,
  type ResolutionRules
} from '../../src/select/relink.js'
import { Resolver } from '../../src/select/resolve.js'

const key = (dir: string, spec: string): string => `${dir}\u0000${spec}`

/**
 * Rules under which relative specifiers are kept by their paths, every bare one is dropped, and
 * `rewrittenTo` gives the paths a mapping rewrites a specifier to.
 */
const relativeOnly = (rewrittenTo: (spec: string) => string[] = () => []): ResolutionRules => ({
  rewritesHolding: touched => (_, spec) => !rewrittenTo(spec).some(touched),
  bareResolutionsHolding: () => () => false
})

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

  it('drops those whose path an added or deleted file may be found by, rewritten ones, and bare ones the rules do not keep', () => {
    const change = fileListChange(['src/util.js', 'src/old.ts'], new Set(['src/util.js', 'src/util.ts']))
    expect(change).toEqual({ added: ['src/util.ts'], deleted: ['src/old.ts'] })
    const kept = { ...memo }
    const dropped = carryResolutions(
      kept,
      { added: ['src/util.ts'], deleted: [] },
      // A mapping rewrites `./styles.css` to the file added.
      relativeOnly(spec => (spec.endsWith('.css') ? ['src/util'] : []))
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
        key('src', './styles.css') // a jest mapping rewrites it to the added file
      ].sort()
    )
    expect(dropped.get(key('src', './util'))).toBe('src/util.js')
  })

  it('drops a folder import when a file inside it comes or goes', () => {
    const dropped = carryResolutions(
      { ...memo },
      { added: [], deleted: ['src/lib/helpers/index.ts'] },
      relativeOnly()
    )
    expect(dropped.has(key('src/lib', './helpers'))).toBe(true)
    expect(dropped.has(key('src', './other'))).toBe(false)
  })

  describe('bare specifiers', () => {
    const texts: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'root', workspaces: ['packages/*'] }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { baseUrl: '.', paths: { '~/*': ['packages/c/src/*'] } }
      }),
      'jest.config.js':
        "module.exports = { moduleDirectories: ['node_modules', 'shared'], moduleNameMapper: { '^@app/(.*)$': '<rootDir>/packages/c/src/$1' } }\n",
      'packages/a/package.json': JSON.stringify({
        name: '@x/a',
        exports: { '.': './dist/index.js', './util': './dist/util.js' }
      }),
      'packages/b/package.json': JSON.stringify({ name: '@x/b', main: 'dist/index.js' }),
      'packages/c/package.json': JSON.stringify({ name: '@x/c', imports: { '#thing': './src/thing.ts' } }),
      // An entry outside the package's folder, as node allows for `main`.
      'packages/d/package.json': JSON.stringify({ name: '@x/d', main: '../../shared-entry/d.js' })
    }
    const sources = [
      'packages/a/src/index.ts',
      'packages/a/src/util.ts',
      'packages/b/src/other.ts',
      'packages/c/src/main.ts',
      'packages/c/src/thing.ts',
      'shared/helpers.ts',
      'shared-entry/d.js'
    ]
    const importer = 'packages/c/src'
    const specs = [
      '@x/a',
      '@x/a/util',
      '@x/b',
      '@x/c',
      '@x/d',
      'react',
      'helpers',
      'tools/tool',
      '~/main',
      '~/later',
      '@app/main',
      '@app/later',
      '#thing'
    ]
    const resolverOf = (files: Set<string>): Resolver => {
      const read = (path: string): string | undefined => (files.has(path) ? texts[path] : undefined)
      return new Resolver(
        files,
        read,
        [loadJestSettings(read, '')].filter(j => j !== undefined)
      )
    }
    const before = new Set([...Object.keys(texts), ...sources])
    const memo = resolverOf(before).memo
    const old = resolverOf(before)
    for (const spec of specs) old.resolveJs(`${importer}/x.ts`, spec)
    Object.assign(memo, old.memo)

    const cases: Array<{ added?: string[]; deleted?: string[]; changes: string[]; holds: string[] }> = [
      // The package had no source entry (any of its sources may be loaded); now it has one.
      {
        added: ['packages/b/src/index.ts'],
        changes: ['@x/b'],
        holds: ['@x/a', '@x/a/util', 'react', 'helpers']
      },
      // Under tsconfig's baseUrl.
      { added: ['tools/tool.ts'], changes: ['tools/tool'], holds: ['@x/a', '@x/b', 'react', 'helpers'] },
      // jest looks in shared/ (moduleDirectories) before it takes `react` from node_modules.
      { added: ['shared/react.ts'], changes: ['react'], holds: ['@x/a', '@x/b', 'helpers', 'tools/tool'] },
      { deleted: ['shared/helpers.ts'], changes: ['helpers'], holds: ['@x/a', '@x/b', 'react'] },
      // The resolver takes no package from node_modules.
      { added: ['node_modules/react/index.js'], changes: [], holds: ['@x/a', 'helpers'] },
      { deleted: ['packages/a/src/util.ts'], changes: ['@x/a/util'], holds: ['@x/b', 'react', 'helpers'] },
      // What tsconfig `paths` lead to.
      { deleted: ['packages/c/src/main.ts'], changes: ['~/main'], holds: ['@x/a', 'react', '~/later'] },
      { added: ['packages/c/src/later.ts'], changes: ['~/later'], holds: ['@x/a', 'react', '~/main'] },
      // What jest's mapping leads to: only the specifiers rewritten to the file's path change.
      { added: ['packages/c/src/later.ts'], changes: ['@app/later'], holds: ['@app/main', '~/main'] },
      { deleted: ['packages/c/src/main.ts'], changes: ['@app/main'], holds: ['@app/later', '~/later'] },
      { added: ['packages/a/src/main.ts'], changes: [], holds: ['@app/main', '@app/later'] },
      // A package's entry outside its folder.
      { deleted: ['shared-entry/d.js'], changes: ['@x/d'], holds: ['@x/a', '@x/b', 'react', 'helpers'] },
      { added: ['shared-entry/d.ts'], changes: [], holds: ['@x/a', '@x/b', 'react', 'helpers'] },
      {
        added: ['docs/example.ts'],
        changes: [],
        // Every one but `#thing` (see below).
        holds: specs.filter(spec => spec !== '#thing')
      }
    ]

    it.each(cases)(
      'keeps only what still holds: $added $deleted',
      ({ added = [], deleted = [], changes, holds }) => {
        const after = new Set([...before, ...added].filter(path => !deleted.includes(path)))
        const fresh = resolverOf(after)
        const kept = { ...memo }
        const dropped = carryResolutions(kept, { added, deleted }, fresh)
        const now = (spec: string): string => {
          fresh.resolveJs(`${importer}/x.ts`, spec)
          return fresh.memo[key(importer, spec)] as string
        }
        // Whatever is kept is what resolving again gives.
        for (const spec of specs)
          if (key(importer, spec) in kept)
            expect([spec, kept[key(importer, spec)]]).toEqual([spec, now(spec)])
        for (const spec of changes) {
          expect([spec, now(spec)]).not.toEqual([spec, memo[key(importer, spec)]])
          expect([spec, dropped.has(key(importer, spec))]).toEqual([spec, true])
        }
        for (const spec of holds) expect([spec, key(importer, spec) in kept]).toEqual([spec, true])
        // What a package's imports map leads to is always resolved again.
        expect(dropped.has(key(importer, '#thing'))).toBe(true)
      }
    )
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
