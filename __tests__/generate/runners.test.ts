/**
 * The generator's test-runner port on real fixture projects: per test file status and the source
 * lines each test file executed (istanbul JSON from jest and vitest, a sys.settrace tracer for pytest).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { createRunner, detectFramework } from '../../src/generate/frameworks.js'
import type { GenFramework } from '../../src/generate/types.js'
import { runProcess } from '../../src/ports/exec.js'
import { cleanupAll, makeTempDir } from '../support/git-repo.js'
import { buildFixtureRepo } from './fixture-repo.js'

afterAll(() => cleanupAll())

const CASES: Array<{
  fixture: string
  framework: GenFramework
  existing: string
  newTest: string
  good: string
  bad: string
  changedLines: number[]
}> = [
  {
    fixture: 'ts-jest',
    framework: 'jest',
    existing: 'src/pricing.test.ts',
    newTest: 'src/pricing.generated.test.ts',
    good: "import { shippingCost } from './pricing'\ntest('heavy', () => { expect(shippingCost(12, true)).toBe(30) })\n",
    bad: "import { shippingCost } from './pricing'\ntest('oops', () => { expect(shippingCost(12, true)).toBe(1) })\n",
    changedLines: [10, 13, 14]
  },
  {
    fixture: 'js-vitest',
    framework: 'vitest',
    existing: 'test/cart.test.js',
    newTest: 'test/cart.generated.test.js',
    good: "import { expect, test } from 'vitest'\nimport { bulkPrice } from '../src/cart.js'\ntest('tier', () => { expect(bulkPrice(20, 100)).toBe(1800) })\n",
    bad: "import { expect, test } from 'vitest'\nimport { bulkPrice } from '../src/cart.js'\ntest('oops', () => { expect(bulkPrice(20, 100)).toBe(1) })\n",
    changedLines: [10, 13, 14]
  },
  {
    fixture: 'py-pytest',
    framework: 'pytest',
    existing: 'tests/test_inventory.py',
    newTest: 'tests/test_inventory_generated.py',
    good: 'from inventory import reorder_quantity\n\ndef test_short():\n    assert reorder_quantity(1, 2, 3) == 5\n',
    bad: 'from inventory import reorder_quantity\n\ndef test_oops():\n    assert reorder_quantity(1, 2, 3) == 0\n',
    changedLines: [14, 16, 17, 19]
  }
]

describe.each(CASES)(
  '$framework runner port',
  ({ fixture, framework, existing, newTest, good, bad, changedLines }) => {
    const built = buildFixtureRepo(fixture)
    const source = built.source
    const runner = createRunner(framework, {
      repoDir: built.repo.dir,
      scratchDir: makeTempDir('ci-medic-gen-run-'),
      exec: runProcess
    })

    it('detects the framework from the repository', () => {
      expect(detectFramework(built.repo.dir, source)).toBe(framework)
    })

    it('reports each file and the changed lines each one executed', async () => {
      built.repo.write(newTest, good)
      try {
        const outcome = await runner.run({ files: [existing, newTest], coverageOf: [source] })
        expect(outcome.files.get(existing)).toMatchObject({ status: 'passed', tests: 2 })
        expect(outcome.files.get(newTest)).toMatchObject({ status: 'passed', tests: 1 })
        const existingLines = outcome.coverageByTest!.get(existing)!.get(source) ?? new Set()
        const newLines = outcome.coverageByTest!.get(newTest)!.get(source)!
        for (const line of changedLines) {
          expect(newLines.has(line)).toBe(true)
          expect(existingLines.has(line)).toBe(false)
        }
        for (const line of changedLines) expect(outcome.executable!.get(source)!.has(line)).toBe(true)
      } finally {
        built.repo.remove(newTest)
      }
    })

    it('tells a failing file from one that does not load', async () => {
      built.repo.write(newTest, bad)
      const broken = newTest
        .replace('generated', 'generated-broken')
        .replace('_generated.py', '_generated_broken.py')
      built.repo.write(
        broken,
        framework === 'pytest'
          ? 'def test_x(:\n    pass\n'
          : "import { nothing } from './does-not-exist'\ntest('x', () => { expect(nothing).toBe(1) })\n"
      )
      try {
        const outcome = await runner.run({ files: [newTest, broken] })
        expect(outcome.files.get(newTest)).toMatchObject({ status: 'failed', tests: 1 })
        expect(outcome.files.get(newTest)!.message).toBeTruthy()
        expect(outcome.files.get(broken)).toMatchObject({ status: 'errored', tests: 0 })
      } finally {
        built.repo.remove(newTest)
        built.repo.remove(broken)
      }
    })
  }
)
