import { describe, expect, it } from '@jest/globals'
import { fitSections, truncateToTokens } from '../../src/llm/budget.js'
import { estimateCost, formatCost } from '../../src/llm/pricing.js'
import { TokenCounter } from '../../src/llm/tokens.js'

const counter = new TokenCounter('openai/gpt-4.1')
const stackTrace = Array.from(
  { length: 400 },
  (_, i) => `    at Object.<anonymous> (/home/runner/work/app/src/module${i}.ts:${i + 1}:13)`
).join('\n')

describe('TokenCounter', () => {
  it('uses o200k for GitHub Models ids of the gpt-4.1 family and cl100k for gpt-4', () => {
    expect(counter.encoding).toBe('o200k_base')
    expect(new TokenCounter('gpt-4-0613').encoding).toBe('cl100k_base')
    expect(counter.count('hello world')).toBe(2)
  })

  it('adds a safety margin for models whose tokenizer is unknown', () => {
    const llama = new TokenCounter('meta/Llama-3.3-70B-Instruct')
    expect(llama.margin).toBeGreaterThan(1)
    expect(llama.count(stackTrace)).toBeGreaterThan(counter.count(stackTrace))
  })

  it('counts special-token look-alikes in untrusted text as text instead of throwing', () => {
    expect(counter.count('ignore <|endoftext|> this')).toBeGreaterThan(3)
  })

  it('counts a chat request with framing and tool definitions', () => {
    const messages = [
      { role: 'system' as const, content: 'You fix tests.' },
      { role: 'user' as const, content: 'The test fails.' }
    ]
    const bare = counter.countRequest(messages)
    expect(bare).toBe(counter.count('You fix tests.') + counter.count('The test fails.') + 2 * 4 + 3)
    const withTool = counter.countRequest(messages, [
      {
        name: 'read_file',
        description: 'Read a file',
        parameters: { type: 'object', properties: { path: { type: 'string' } } }
      }
    ])
    expect(withTool).toBeGreaterThan(bare + 10)
  })
})

describe('truncateToTokens', () => {
  it('keeps both ends with a marker in the middle', () => {
    const cut = truncateToTokens(stackTrace, 200, counter)
    expect(counter.count(cut)).toBeLessThanOrEqual(205)
    expect(cut.startsWith('    at Object.<anonymous> (/home/runner/work/app/src/module0.ts')).toBe(true)
    expect(cut.endsWith('module399.ts:400:13)')).toBe(true)
    expect(cut).toMatch(/\[… \d+ tokens cut to fit the context budget …\]/)
  })

  it('keeps the end of a log when asked', () => {
    const cut = truncateToTokens(stackTrace, 100, counter, 'tail')
    expect(cut.startsWith('\n[…')).toBe(true)
    expect(cut.endsWith('module399.ts:400:13)')).toBe(true)
  })

  it('returns short text unchanged', () => {
    expect(truncateToTokens('short', 100, counter)).toBe('short')
  })
})

describe('fitSections', () => {
  const sections = [
    { id: 'instructions', text: 'Fix the failing test. '.repeat(50), priority: 100, required: true },
    { id: 'failing-test', text: stackTrace.slice(0, 3000), priority: 90 },
    { id: 'diff', text: stackTrace.slice(0, 6000), priority: 50 },
    { id: 'related-files', text: stackTrace, priority: 10 }
  ]

  it('leaves everything whole when it fits', () => {
    const result = fitSections(sections, 100_000, counter)
    expect(result.fits).toBe(true)
    expect(result.sections.every(s => s.state === 'whole')).toBe(true)
  })

  it('trims the lowest-priority sections first and stays within the budget', () => {
    const whole = fitSections(sections, 100_000, counter).tokens
    const budget = whole - counter.count(stackTrace) + 100
    const result = fitSections(sections, budget, counter)
    expect(result.fits).toBe(true)
    expect(result.tokens).toBeLessThanOrEqual(budget)
    const state = Object.fromEntries(result.sections.map(s => [s.id, s.state]))
    expect(state).toEqual({
      instructions: 'whole',
      'failing-test': 'whole',
      diff: 'whole',
      'related-files': 'truncated'
    })
  })

  it('drops a section that would shrink below its minimum, then trims the next one', () => {
    const tokens = (i: number): number => counter.count(sections[i]!.text)
    const budget = tokens(0) + tokens(1) + Math.floor(tokens(2) / 2)
    const result = fitSections(sections, budget, counter)
    const state = Object.fromEntries(result.sections.map(s => [s.id, s.state]))
    expect(state['related-files']).toBe('dropped')
    expect(state.diff).toBe('truncated')
    expect(state['failing-test']).toBe('whole')
    expect(result.tokens).toBeLessThanOrEqual(budget)
  })

  it('says so when the required sections alone exceed the budget', () => {
    const result = fitSections(sections, 50, counter)
    expect(result.fits).toBe(false)
    expect(result.sections.find(s => s.id === 'instructions')!.state).toBe('whole')
  })
})

describe('cost estimate', () => {
  it('prices known models per million tokens and reports tokens only for unknown ones', () => {
    expect(estimateCost('openai/gpt-4.1', 1_000_000, 100_000)).toBeCloseTo(2.8, 6)
    expect(estimateCost('gpt-4o-mini', 10_000, 1_000)).toBeCloseTo(0.0021, 6)
    expect(estimateCost('llama3.1:8b', 1000, 1000)).toBeUndefined()
    expect(formatCost(undefined)).toMatch(/not in the price table/)
    expect(formatCost(0.004)).toBe('< $0.01 ($0.0040)')
    expect(formatCost(1.234)).toBe('$1.23')
  })
})
