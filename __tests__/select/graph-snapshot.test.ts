/**
 * A warm run patches the cached graph of the last run instead of linking every file again: its
 * graph must be the one a cold build makes, edge for edge and in the same order.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Git } from '../../src/ports/git.js'
import type { FullRepositoryGraph as RepositoryGraph } from '../../src/select/index.js'
import { buildRepositoryGraph } from '../../src/select/index.js'
import { ScanCache } from '../../src/select/scan-cache.js'
import { generateProject } from '../../scripts/select-gen.mjs'
import { cleanupAll, createRepo, makeTempDir, runGit, type FileChanges } from '../support/git-repo.js'

afterAll(() => cleanupAll())
const ROOT = join(import.meta.dirname, '../..')

function commitAll(dir: string, message: string): void {
  runGit(dir, ['add', '-A'])
  runGit(dir, ['-c', 'user.email=t@x', '-c', 'user.name=t', 'commit', '--quiet', '-m', message])
}

/** Every node's edges out and every file's edges in, as plain data. */
function shape(repo: RepositoryGraph): unknown {
  const nodes = [...repo.graph.nodes.values()].map(node => ({
    path: node.path,
    loads: node.loads,
    bindings: [...node.bindings],
    exportAll: node.exportAll,
    unresolved: node.unresolved
  }))
  const targets = new Set([...repo.files, ...nodes.flatMap(n => n.loads.map(l => l.target))])
  const edges = [...targets].sort().map(file => [file, repo.graph.edgesInto(file) ?? null])
  return { nodes, edges }
}

async function warm(dir: string, cacheFile: string): Promise<RepositoryGraph> {
  const cache = new ScanCache(cacheFile)
  const repo = await buildRepositoryGraph(new Git(dir), 'HEAD', { cache })
  cache.save()
  return repo
}

describe('graph snapshot', () => {
  it('patches the graph of changed files to what a cold build makes', async () => {
    const dir = makeTempDir('ci-medic-snapshot-')
    runGit(dir, ['init', '--quiet'])
    const model = generateProject(dir, {
      modules: 120,
      tests: 40,
      layers: 4,
      seed: 7,
      nodeModules: join(ROOT, 'node_modules')
    })
    commitAll(dir, 'base')
    const cacheFile = join(makeTempDir('ci-medic-snapshot-cache-'), 'scans.json')
    const first = await warm(dir, cacheFile)
    expect(first.stats.scanned).toBeGreaterThan(100)

    // Rewire imports: drop one module's imports, point another at new targets, add an export-all.
    const paths = (model.mods as Array<{ path: string }>).map(m => m.path)
    const importing = paths.filter(p => /^import /m.test(readFileSync(join(dir, p), 'utf8')))
    const [a, b, c] = [importing[5], paths[60], paths[110]]
    const edit = (path: string, change: (text: string) => string): void => {
      const file = join(dir, path)
      writeFileSync(file, change(readFileSync(file, 'utf8')))
    }
    edit(a as string, text => text.replace(/^import .*$/gm, ''))
    edit(
      b as string,
      text =>
        `import * as other from './${(c as string).split('/').pop()?.replace(/\.ts$/, '')}'\n${text}\nexport const viaOther = other\n`
    )
    edit(c as string, text => `export * from '../../l0/g0'\n${text}`)
    commitAll(dir, 'rewire')

    const patched = await warm(dir, cacheFile)
    expect(patched.stats.scanned).toBe(3)
    const cold = await buildRepositoryGraph(new Git(dir), 'HEAD')
    expect(shape(patched)).toEqual(shape(cold))
    // The patched snapshot, saved and read again, is still the cold graph.
    const again = await warm(dir, cacheFile)
    expect(again.stats.scanned).toBe(0)
    expect(shape(again)).toEqual(shape(cold))
  })
  it('gives a warm build the configs as committed, a config that is also a changed module among them', async () => {
    const repo = createRepo({
      files: {
        'package.json': '{ "name": "app" }\n',
        'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["src/lib/*"] } } }\n',
        'jest.config.js': "module.exports = { roots: ['<rootDir>/test'], setupFiles: ['./setup/one.js'] }\n",
        'setup/one.js': 'globalThis.one = 1\n',
        'setup/two.js': "require('../src/lib2/a')\n",
        'src/lib/a.ts': 'export const a = 1\n',
        'src/lib2/a.ts': 'export const a = 2\n',
        'test/a.test.ts': "import { a } from '@lib/a'\ntest('a', () => expect(a).toBe(1))\n"
      }
    })
    const cacheFile = join(makeTempDir('ci-medic-snapshot-cache-'), 'scans.json')
    await warm(repo.dir, cacheFile)
    writeFileSync(
      join(repo.dir, 'tsconfig.json'),
      '{ "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["src/lib2/*"] } } }\n'
    )
    writeFileSync(
      join(repo.dir, 'jest.config.js'),
      "module.exports = { roots: ['<rootDir>/test'], setupFiles: ['./setup/two.js'] }\n"
    )
    commitAll(repo.dir, 'configs')
    // An edit left in the work tree is not what head holds.
    writeFileSync(join(repo.dir, 'tsconfig.json'), '{}\n')

    const patched = await warm(repo.dir, cacheFile)
    expect(patched.stats.scanned).toBe(1)
    expect(patched.scans.get('jest.config.js')?.error).toBeUndefined()
    expect(patched.jest.map(j => j.setupFiles)).toEqual([['setup/two.js']])
    expect(patched.graph.edgesInto('src/lib2/a.ts')?.loaders.map(load => load.from)).toEqual([
      'setup/two.js',
      'test/a.test.ts'
    ])
    expect(shape(patched)).toEqual(shape(await buildRepositoryGraph(new Git(repo.dir), 'HEAD')))
  })

  it('links again only what files added or deleted may change, to what a cold build makes', async () => {
    const repo = createRepo({
      files: {
        'package.json': '{ "name": "app" }\n',
        'src/util.js': 'export const u = 1\n',
        'src/a.ts': "import { u } from './util'\nexport const a = u\n",
        'src/c.ts': 'export const c = 3\n',
        'src/b.ts': "import { c } from './c'\nexport const b = c\n",
        'src/lib/one.ts': 'export const one = 1\n',
        'src/d.ts': "import * as lib from './lib'\nexport const d = lib\n",
        // Each in a folder of its own, where no resolution changes: linked again for what it names.
        'src/tools/run.ts':
          "import { spawn } from 'node:child_process'\nexport const run = () => spawn('node', ['bin/tool.js'])\n",
        'src/views/pages.ts': "export const pages = import.meta.glob('./pages/*.ts')\n",
        'src/views/pages/p1.ts': 'export const p1 = 1\n',
        // A path from a folder known only at run time: looked up in the file list.
        'src/rooted/load.js':
          "const path = require('path')\nmodule.exports = require(path.resolve('src/late'))\n",
        // `@/…` names no package and no alias says where it leads: any of the package's sources.
        'src/aliased/alias.ts': "import { x } from '@/somewhere'\nexport const y = x\n",
        'src/e.ts': 'export const e = 5\n',
        'src/f.ts': "import { e } from './e'\nexport const f = e\n",
        ...Object.fromEntries(
          Array.from({ length: 60 }, (_, i) => [
            `src/more/m${i}.ts`,
            `import { one } from '../lib/one'\nexport const m${i} = one\n`
          ])
        ),
        'test/all.test.ts': [
          "import { a } from '../src/a'",
          "import { b } from '../src/b'",
          "import { d } from '../src/d'",
          "import { run } from '../src/tools/run'",
          "import { pages } from '../src/views/pages'",
          "import { y } from '../src/aliased/alias'",
          "import { f } from '../src/f'",
          "test('all', () => expect([a, b, d, run, pages, y, f]).toBeDefined())",
          ''
        ].join('\n')
      }
    })
    const cacheFile = join(makeTempDir('ci-medic-snapshot-cache-'), 'scans.json')
    const first = await warm(repo.dir, cacheFile)
    expect(first.stats.linked).toBe(first.graph.nodes.size)

    repo.commit('files added and deleted', {
      'src/util.ts': 'export const u = 2\n', // ./util now finds the TypeScript file
      'src/c.ts': null, // ./c finds nothing
      'src/lib/index.ts': "export * from './one'\n", // ./lib finds its index
      'bin/tool.js': "#!/usr/bin/env node\nrequire('../src/e')\n", // named by a string
      'src/views/pages/p2.ts': 'export const p2 = 2\n', // globbed
      'src/late.js': 'module.exports = 1\n', // what the rooted require names
      'src/new-source.ts': 'export const fresh = 1\n', // a source `@/…` may load
      'src/e.ts': null,
      'src/e2.ts': 'export const e = 5\n', // renamed: ./e finds nothing
      'docs/notes.md': '# notes\n'
    })
    const patched = await warm(repo.dir, cacheFile)
    const cold = await buildRepositoryGraph(new Git(repo.dir), 'HEAD')
    expect(shape(patched)).toEqual(shape(cold))
    // The importers of what changed, the string, the glob, the `@/…` import and the new files;
    // not the sixty modules of src/more/.
    expect(patched.stats.linked).toBeLessThan(patched.graph.nodes.size - 60)
    expect(cold.graph.edgesInto('src/util.ts')?.bindings.map(binding => binding.from)).toEqual(['src/a.ts'])
    expect(cold.graph.nodes.get('src/b.ts')?.unresolved).toEqual(['src/c'])
    expect(cold.graph.edgesInto('src/late.js')?.loaders.map(loader => loader.from)).toContain(
      'src/rooted/load.js'
    )

    // Again from the patched snapshot, saved and read back: the TypeScript file deleted, ./util
    // finds the JavaScript one again.
    repo.commit('one more deleted', { 'src/util.ts': null, 'src/more/m3.ts': null })
    const again = await warm(repo.dir, cacheFile)
    expect(again.stats.linked).toBeLessThan(again.graph.nodes.size - 59)
    expect(shape(again)).toEqual(shape(await buildRepositoryGraph(new Git(repo.dir), 'HEAD')))

    // A config added (it may make a package of a folder) or a Python module (which resolves by
    // other rules): everything is linked again.
    const added: FileChanges[] = [
      { 'src/more/package.json': '{ "name": "more" }\n' },
      { 'tools/x.py': 'X = 1\n' }
    ]
    for (const files of added) {
      repo.commit('added', files)
      const relinked = await warm(repo.dir, cacheFile)
      expect(relinked.stats.linked).toBe(relinked.graph.nodes.size)
      expect(shape(relinked)).toEqual(shape(await buildRepositoryGraph(new Git(repo.dir), 'HEAD')))
    }
  })
})
