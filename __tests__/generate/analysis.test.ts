/**
 * The generator's static stages: changed lines from a real diff, symbol outlines, the real-assertion
 * check, the built-in mutator, file naming, reply parsing, the prompt budget and the set cover.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { applyMutant, createAnalyzer } from '../../src/generate/analysis.js'
import { parseProposals, toCandidates } from '../../src/generate/candidates.js'
import { parseChangedLines } from '../../src/generate/diff.js'
import { selectValuable } from '../../src/generate/filters.js'
import { generatedTestPath, isSourceFile, isTestFile } from '../../src/generate/frameworks.js'
import { buildPrompt, importHint } from '../../src/generate/prompt.js'
import { buildSchemata, wrapperPath } from '../../src/generate/schemata.js'
import type { CandidateOutcome, FilterVerdict } from '../../src/generate/types.js'
import { FILTERS } from '../../src/generate/types.js'
import { TokenCounter } from '../../src/llm/index.js'
import { runProcess } from '../../src/ports/exec.js'
import { cleanupAll, createRepo, makeTempDir } from '../support/git-repo.js'
import { FIXTURES, loadCorpus } from './fixture-repo.js'

afterAll(() => cleanupAll())

const scratchDir = makeTempDir('ci-medic-gen-analysis-')
mkdirSync(scratchDir, { recursive: true })
const analyzer = createAnalyzer({ exec: runProcess, scratchDir })
const head = (fixture: string, file: string): string =>
  readFileSync(join(FIXTURES, fixture, 'head', file), 'utf8')

describe('changed lines', () => {
  it('reads added and modified lines at head from a real zero-context diff', () => {
    const repo = createRepo({ files: { 'a.ts': 'one\ntwo\nthree\nfour\n', 'b.py': 'x = 1\n' } })
    const base = repo.head()
    repo.commit('change', { 'a.ts': 'one\nTWO\nthree\nfour\nfive\nsix\n', 'b.py': null, 'c.js': 'new\n' })
    const diff = repo.git('diff', '--unified=0', '--no-color', base, 'HEAD')
    const lines = parseChangedLines(diff)
    expect([...(lines.get('a.ts') ?? [])]).toEqual([2, 5, 6])
    expect([...(lines.get('c.js') ?? [])]).toEqual([1])
    expect(lines.has('b.py')).toBe(false)
  })
})

describe('outline', () => {
  it('lists TypeScript functions with their signatures and line spans', async () => {
    const outline = await analyzer.outline('src/pricing.ts', head('ts-jest', 'src/pricing.ts'))
    expect(outline.symbols.map(s => [s.name, s.startLine, s.endLine])).toEqual([
      ['formatPrice', 1, 3],
      ['applyDiscount', 5, 7],
      ['shippingCost', 9, 15]
    ])
    expect(outline.symbols[2]!.signature).toBe(
      'export function shippingCost(weightKg: number, express: boolean): number'
    )
  })

  it('lists Python functions through python3', async () => {
    const outline = await analyzer.outline('inventory.py', head('py-pytest', 'inventory.py'))
    expect(outline.symbols.find(s => s.name === 'reorder_quantity')).toMatchObject({
      startLine: 13,
      endLine: 19,
      kind: 'function'
    })
  })
})

describe('real assertions', () => {
  it.each(['ts-jest', 'js-vitest', 'py-pytest'])(
    'tells the %s corpus apart: only the assertion-free candidate lacks one',
    async fixture => {
      const { source, candidates } = loadCorpus(fixture)
      for (const candidate of candidates) {
        const file =
          candidate.path ??
          (fixture === 'py-pytest' ? 'tests/test_x.py' : `x.test.${source.split('.').pop()}`)
        const result = await analyzer.assertions(file, candidate.content, source)
        if (candidate.name === 'broken-syntax') {
          expect(result.syntaxError).toBeTruthy()
          continue
        }
        expect(result.tests.length).toBeGreaterThan(0)
        expect(result.tests.every(t => t.real)).toBe(candidate.rejectedBy !== 'asserts')
      }
    }
  )

  it('counts values derived from the code under test, and rejects weak matchers', async () => {
    const strong = `import { f } from '../src/f'\ntest('a', () => {\n  const { total } = f(2)\n  const doubled = total * 2\n  expect(doubled).toEqual(8)\n})\n`
    const weak = `import { f } from '../src/f'\nimport { g } from './helpers'\ntest('a', () => {\n  expect(f(2)).toBeDefined()\n  expect(() => f(3)).not.toThrow()\n  expect(g(1)).toBe(2)\n})\n`
    const throws = `const { f } = require('./f')\nit('throws', () => { expect(() => f(-1)).toThrow(RangeError) })\n`
    expect((await analyzer.assertions('a.test.ts', strong, 'src/f.ts')).tests[0]!.real).toBe(true)
    expect((await analyzer.assertions('a.test.ts', weak, 'src/f.ts')).tests[0]!.real).toBe(false)
    expect((await analyzer.assertions('a.test.js', throws, 'src/f.js')).tests[0]!.real).toBe(true)
  })

  it('accepts pytest.raises and unittest assertions, not `is not None`', async () => {
    const content = [
      'import pytest',
      'from pkg.calc import area',
      '',
      'def test_raises():',
      '    with pytest.raises(ValueError):',
      '        area(-1)',
      '',
      'def test_none():',
      '    result = area(2)',
      '    assert result is not None',
      '',
      'class TestArea:',
      '    def test_value(self):',
      '        value = area(3)',
      '        self.assertEqual(value, 9)'
    ].join('\n')
    const result = await analyzer.assertions('tests/test_calc.py', content, 'pkg/calc.py')
    expect(result.tests.map(t => [t.name, t.real])).toEqual([
      ['test_raises', true],
      ['test_none', false],
      ['TestArea.test_value', true]
    ])
  })
})

describe('built-in mutator', () => {
  it('seeds operator, boundary, negation, return and removed-call mutants only on the given lines (JS)', async () => {
    const source = [
      'export function f(a, b, items) {',
      '  if (!a && b >= 2) items.push(a)',
      '  return a - 1',
      '}',
      'export const g = x => x < 3'
    ].join('\n')
    const mutants = await analyzer.mutants('src/f.js', source, new Set([2, 3]))
    const described = mutants.map(m => `${m.line}:${m.description}`)
    expect(described).toEqual(
      expect.arrayContaining([
        '2:!x → x',
        '2:&& → ||',
        '2:>= → >',
        '2:2 → 3',
        '2:2 → 1',
        '2:removed call',
        '3:return value → undefined',
        '3:- → +',
        '3:1 → 2',
        '3:1 → 0'
      ])
    )
    expect(described.some(d => d.startsWith('5:'))).toBe(false)
    const flipped = mutants.find(m => m.description === '>= → >')!
    expect(applyMutant(source, flipped).split('\n')[1]).toBe('  if (!a && b > 2) items.push(a)')
    expect(new Set(mutants.map(m => m.id)).size).toBe(mutants.length)
  })

  it('mutates Python through its own parser', async () => {
    const source = head('py-pytest', 'inventory.py')
    const mutants = await analyzer.mutants('inventory.py', source, new Set([14, 17, 19]))
    const lines = source.split('\n')
    expect(mutants.map(m => applyMutant(source, m).split('\n')[m.line - 1]!.trim())).toEqual([
      'if daily_sales <= 0:',
      'if daily_sales < -1:',
      'if daily_sales < 1:',
      'if on_hand > needed:',
      'return None',
      'return needed + on_hand'
    ])
    expect(lines[13]).toBe('    if daily_sales < 0:')
  })
})

describe('file naming and replies', () => {
  it('names new test files by convention and never reuses a taken name', () => {
    const taken = new Set(['src/pricing.generated.test.ts', 'tests/test_inventory_generated.py'])
    expect(generatedTestPath('jest', 'src/pricing.ts', 'src/pricing.test.ts', p => taken.has(p))).toBe(
      'src/pricing.generated-2.test.ts'
    )
    expect(generatedTestPath('vitest', 'src/cart.js', 'test/cart.spec.js', () => false)).toBe(
      'test/cart.generated.spec.js'
    )
    expect(generatedTestPath('pytest', 'inventory.py', 'tests/test_inventory.py', p => taken.has(p))).toBe(
      'tests/test_inventory_generated_2.py'
    )
    expect(
      isTestFile('src/pricing.generated.test.ts') && isTestFile('tests/test_inventory_generated.py')
    ).toBe(true)
    expect(
      isSourceFile('src/pricing.ts') &&
        !isSourceFile('src/pricing.test.ts') &&
        !isSourceFile('jest.config.js')
    ).toBe(true)
  })

  it('reads tool calls, falls back to fenced blocks, and reports malformed arguments', () => {
    const calls = parseProposals(null, [
      {
        id: '1',
        name: 'write_test_file',
        arguments: JSON.stringify({ path: 'a.test.ts', content: 'test()' })
      },
      { id: '2', name: 'write_test_file', arguments: '{"content": "unterminated' },
      { id: '3', name: 'run_shell', arguments: '{}' }
    ])
    expect(calls.proposals).toEqual([{ path: 'a.test.ts', content: 'test()' }])
    expect(calls.problems).toHaveLength(2)
    const fenced = parseProposals(
      'Here:\npath: tests/test_a_generated.py\n```python\ndef test_a():\n    assert a() == 1\n```\nand\n```js\nit()\n```',
      []
    )
    expect(fenced.proposals).toEqual([
      { path: 'tests/test_a_generated.py', content: 'def test_a():\n    assert a() == 1\n' },
      { path: undefined, content: 'it()\n' }
    ])
    const candidates = toCandidates(fenced.proposals, {
      framework: 'pytest',
      target: 'a.py',
      exampleTest: 'tests/test_a.py',
      idPrefix: 'c',
      taken: () => false
    })
    expect(candidates.map(c => c.path)).toEqual(['tests/test_a_generated.py', 'tests/test_a_generated_2.py'])
  })

  it('tells a test how to import the code under test in the example style', () => {
    expect(
      importHint('jest', 'src/pricing.ts', 'src/pricing.generated.test.ts', "import { a } from './pricing'")
    ).toBe("import { ... } from './pricing'")
    expect(
      importHint('vitest', 'src/cart.js', 'test/cart.generated.test.js', "import { a } from '../src/cart.js'")
    ).toBe("import { ... } from '../src/cart.js'")
    expect(
      importHint('pytest', 'src/shop/inventory.py', 'tests/test_x.py', 'from shop.inventory import reserve')
    ).toBe('from shop.inventory import ...')
  })
})

describe('prompt', () => {
  it('fits the 8K default budget even with a huge example test, keeping the code under test whole', async () => {
    const source = head('ts-jest', 'src/pricing.ts')
    const outline = await analyzer.outline('src/pricing.ts', source)
    const hugeExample = Array.from(
      { length: 1500 },
      (_, i) => `it('case ${i}', () => { expect(formatPrice(${i})).toBe('$${(i / 100).toFixed(2)}') })`
    ).join('\n')
    const prompt = buildPrompt({
      framework: 'jest',
      gap: {
        file: 'src/pricing.ts',
        symbols: [{ name: 'shippingCost', startLine: 9, endLine: 15, reason: 'unreached' }],
        uncoveredLines: [10, 11, 13, 14],
        changedLines: [9, 10, 11, 12, 13, 14, 15],
        reachedBy: []
      },
      source,
      outline,
      dependencySignatures: [],
      example: { path: 'src/pricing.test.ts', content: hugeExample },
      suggestedPath: 'src/pricing.generated.test.ts',
      importHint: "import { ... } from './pricing'",
      contextBudget: 8000,
      model: 'gpt-4.1-mini'
    })
    const counter = new TokenCounter('gpt-4.1-mini')
    const total = prompt.messages.reduce((sum, m) => sum + counter.count(String(m.content)), 0)
    expect(total).toBeLessThanOrEqual(8000)
    expect(prompt.sections.find(s => s.id === 'example')!.state).toBe('truncated')
    const user = String(prompt.messages[1]!.content)
    expect(user).toContain('+  10   if (weightKg <= 0) {')
    expect(user).toContain('export function formatPrice(cents: number): string')
    expect(user).toMatch(/<<<UNTRUSTED code under test src\/pricing\.ts [0-9a-f]+>>>/)
  })
})

describe('set cover', () => {
  const outcome = (id: string, newLines: number[], killed: string[]): CandidateOutcome => ({
    candidate: { id, path: `${id}.test.ts`, content: '', target: 'src/a.ts' },
    verdicts: FILTERS.map((filter): FilterVerdict => ({
      filter,
      status: filter === 'adds-value' ? 'skipped' : 'pass',
      detail: ''
    })),
    kept: false,
    newLines,
    killedMutants: killed,
    runsPassed: 6,
    runsTotal: 6,
    filterMs: 10
  })

  it('keeps the fewest survivors that cover every line and kill, and says what covers the rest', () => {
    const judged = selectValuable([
      outcome('c1', [1, 2], ['m1']),
      outcome('c2', [1], ['m1']),
      outcome('c3', [3], ['m2']),
      outcome('c4', [1, 2, 3], ['m2'])
    ])
    expect(
      judged
        .filter(o => o.kept)
        .map(o => o.candidate.id)
        .sort()
    ).toEqual(['c1', 'c4'])
    const c2 = judged.find(o => o.candidate.id === 'c2')!
    expect(c2.verdicts.at(-1)).toMatchObject({ filter: 'adds-value', status: 'fail' })
    expect(c2.verdicts.at(-1)!.detail).toContain('c4')
  })
})

describe('mutant schemata', () => {
  it('behaves like each mutant applied alone when its switch is on (JavaScript)', async () => {
    const source =
      'function f(a, b, items) {\n  if (!a && b >= 2) items.push(a)\n  return a - 1 + items.length\n}\n'
    const mutants = await analyzer.mutants('f.js', source, new Set([2, 3]))
    const { text, included } = buildSchemata(source, mutants, 'js')
    expect(included).toHaveLength(mutants.length)
    const run = (code: string, mutant: string | undefined, a: number, b: number): number => {
      Reflect.set(globalThis, '__ciMedicMutant', mutant)
      try {
        return new Function(`${code}\nreturn f(${a}, ${b}, [])`)() as number
      } finally {
        Reflect.deleteProperty(globalThis, '__ciMedicMutant')
      }
    }
    for (const [a, b] of [
      [0, 2],
      [0, 3],
      [1, 2],
      [2, 1]
    ] as const) {
      expect(run(text, undefined, a, b)).toEqual(run(source, undefined, a, b))
      for (const mutant of mutants)
        expect([mutant.id, run(text, mutant.id, a, b)]).toEqual([
          mutant.id,
          run(applyMutant(source, mutant), undefined, a, b)
        ])
    }
  })

  it('behaves like each mutant applied alone when its variable is set (Python)', async () => {
    const source = head('py-pytest', 'inventory.py')
    const mutants = await analyzer.mutants('inventory.py', source, new Set([14, 16, 17, 18, 19]))
    const { text, included } = buildSchemata(source, mutants, 'py')
    expect(included).toHaveLength(mutants.length)
    const dir = makeTempDir('ci-medic-schemata-')
    const call = async (code: string, mutant?: string): Promise<string> => {
      writeFileSync(join(dir, 'inventory.py'), code)
      const script =
        'import inventory\nfor args in [(1, 2, 3), (6, 2, 3), (0, 0, 3), (5, -1, 2)]:\n    try:\n        print(inventory.reorder_quantity(*args))\n    except ValueError:\n        print("ValueError")\n'
      const result = await runProcess('python3', ['-c', script], {
        cwd: dir,
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', CI_MEDIC_MUTANT: mutant ?? '' }
      })
      expect(result.stderr).toBe('')
      return result.stdout
    }
    expect(await call(text)).toBe(await call(source))
    for (const mutant of mutants)
      expect([mutant.id, await call(text, mutant.id)]).toEqual([
        mutant.id,
        await call(applyMutant(source, mutant))
      ])
  })

  it('puts a wrapper beside the test it runs, matching the same test pattern', () => {
    expect(wrapperPath('src/pricing.generated.test.ts', 'm3')).toBe(
      'src/pricing.generated.cimedic-m3.test.ts'
    )
    expect(wrapperPath('__tests__/cart.js', 'm1')).toBe('__tests__/cart.cimedic-m1.js')
  })
})
