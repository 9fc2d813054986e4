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
import { cleanupAll, createRepo, makeTempDir, runGit } from '../support/git-repo.js'

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
})
