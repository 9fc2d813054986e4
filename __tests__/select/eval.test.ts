/**
 * The selection against ground truth on generated TypeScript projects: the reverse search equals
 * a forward walk from every test, and with real jest, every test file a seeded mutation breaks is
 * selected while cosmetic edits select nothing.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { Git } from '../../src/ports/git.js'
import { streamLogger } from '../../src/ports/log.js'
import { reachFromTest, testsReaching, type FileChange } from '../../src/select/graph.js'
import { buildRepositoryGraph, selectTests } from '../../src/select/index.js'
import { memberReach, type MemberReach } from '../../src/select/members.js'
import { MODULE_SYMBOL } from '../../src/select/model.js'
import { generateProject, mutations, rng, type GeneratedModule } from '../../scripts/select-gen.mjs'
import { cleanupAll, makeTempDir, runGit } from '../support/git-repo.js'
import { failingJestFiles, listedJestFiles } from '../support/jest-run.js'

afterAll(() => cleanupAll())
const ROOT = join(import.meta.dirname, '../..')
const quiet = streamLogger(() => undefined)

function project(options: Parameters<typeof generateProject>[1]): {
  dir: string
  model: ReturnType<typeof generateProject>
} {
  const dir = makeTempDir('ci-medic-gen-')
  runGit(dir, ['init', '--quiet'])
  const model = generateProject(dir, { ...options, nodeModules: join(ROOT, 'node_modules') })
  runGit(dir, ['add', '-A'])
  runGit(dir, ['-c', 'user.email=t@x', '-c', 'user.name=t', 'commit', '--quiet', '-m', 'base'])
  return { dir, model }
}

describe('reverse search equals a forward walk from each test', () => {
  it('on random changes in a generated project', async () => {
    const { dir } = project({ modules: 90, tests: 40, layers: 4, seed: 5 })
    const repo = await buildRepositoryGraph(new Git(dir), 'HEAD')
    const random = rng(99)
    const tests = [...repo.files].filter(repo.isTest)
    const sources = [...repo.graph.nodes.keys()].filter(f => !repo.isTest(f))
    for (let round = 0; round < 25; round++) {
      const changes = new Map<string, FileChange>()
      for (let i = 0; i < 1 + Math.floor(random() * 3); i++) {
        const file = sources[Math.floor(random() * sources.length)] as string
        const names = Object.keys(repo.graph.nodes.get(file)?.scan.symbols ?? {})
        const symbol =
          round % 5 === 0 ? MODULE_SYMBOL : (names[Math.floor(random() * names.length)] as string)
        changes.set(file, { whole: round % 7 === 0, symbols: new Set([symbol]), exports: new Set() })
      }
      const forward = new Set(tests.filter(test => reachFromTest(repo.graph, test, changes).length > 0))
      const reverse = new Set(testsReaching(repo.graph, changes, repo.isTest).hits.map(hit => hit.test))
      expect([...reverse].sort()).toEqual([...forward].sort())
    }
  })
})

describe('member reach budget', () => {
  it('gives up past its budget and then selects what class granularity selects', async () => {
    const { dir, model } = project({ modules: 30, tests: 60, layers: 3, perFolder: 10, seed: 4 })
    const repo = await buildRepositoryGraph(new Git(dir), 'HEAD')
    const cls = model.tests.find(t => t.clsMethod === 'label')?.clsMod as GeneratedModule
    const changes = new Map<string, FileChange>([
      [cls.path, { whole: false, symbols: new Set([`${cls.cls?.name}.label`]), exports: new Set() }]
    ])
    const testsWith = (members?: MemberReach): string[] =>
      [
        ...new Set(testsReaching(repo.graph, changes, repo.isTest, { members }).hits.map(hit => hit.test))
      ].sort()
    const byClass = testsWith()
    const ample = memberReach(repo.graph)
    expect(testsWith(ample).length).toBeLessThan(byClass.length)
    expect(ample.exhausted).toBe(false)
    const tiny = memberReach(repo.graph, 3)
    expect(testsWith(tiny)).toEqual(byClass)
    expect(tiny.exhausted).toBe(true)
  })
})

describe('seeded mutations with real jest', () => {
  it('selects every failing test file, fewer than jest --findRelatedTests, and none for cosmetic edits', async () => {
    const { dir, model } = project({ modules: 24, tests: 10, layers: 3, perFolder: 8, seed: 3 })
    expect(failingJestFiles(dir)).toEqual([])
    const all = mutations(model, 8)
    const semantic = all.find(m => m.kind === 'semantic' && m.label.startsWith('constant'))!
    const cosmetic = all.find(m => m.kind === 'cosmetic')!

    const changed = semantic.apply(dir)
    runGit(dir, ['-c', 'user.email=t@x', '-c', 'user.name=t', 'commit', '--quiet', '-am', semantic.label])
    const selection = await selectTests({ git: new Git(dir), base: 'HEAD~1', head: 'HEAD', log: quiet })
    const failing = failingJestFiles(dir)
    const related = listedJestFiles(dir, ['--findRelatedTests', ...changed.map(f => join(dir, f))])
    expect(failing.length).toBeGreaterThan(0)
    expect(failing.filter(f => !selection.tests.includes(f))).toEqual([])
    expect(selection.tests.length).toBeLessThan(related.length)

    runGit(dir, ['reset', '--quiet', '--hard', 'HEAD~1'])
    cosmetic.apply(dir)
    runGit(dir, ['-c', 'user.email=t@x', '-c', 'user.name=t', 'commit', '--quiet', '-am', cosmetic.label])
    const none = await selectTests({ git: new Git(dir), base: 'HEAD~1', head: 'HEAD', log: quiet })
    expect(none.mode).toBe('none')
  })

  it('selects by member: every test a changed method breaks, and not the tests of its other methods', async () => {
    const { dir, model } = project({ modules: 30, tests: 60, layers: 3, perFolder: 10, seed: 4 })
    let leftOut = 0
    for (const mutation of mutations(model, 8).filter(m => m.label.startsWith('method '))) {
      const [, cls, method] = /^method (\w+)\.(\w+)/.exec(mutation.label) as RegExpExecArray
      // scale breaks the tests that call scale or shift (shift calls this.scale); label its own.
      const breaks = method === 'label' ? ['label'] : ['scale', 'shift']
      const otherMethods = model.tests
        .filter(t => t.cls === cls && !breaks.includes(t.clsMethod as string))
        .map(t => t.path)
      mutation.apply(dir)
      runGit(dir, ['-c', 'user.email=t@x', '-c', 'user.name=t', 'commit', '--quiet', '-am', mutation.label])
      const selection = await selectTests({ git: new Git(dir), base: 'HEAD~1', head: 'HEAD', log: quiet })
      const failing = failingJestFiles(dir)
      expect(failing.length).toBeGreaterThan(0)
      expect(failing.filter(f => !selection.tests.includes(f))).toEqual([])
      expect(selection.tests.filter(t => otherMethods.includes(t))).toEqual([])
      leftOut += otherMethods.length
      runGit(dir, ['reset', '--quiet', '--hard', 'HEAD~1'])
    }
    expect(leftOut).toBeGreaterThan(0)
  })
})
