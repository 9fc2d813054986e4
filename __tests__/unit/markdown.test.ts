import { describe, expect, it } from '@jest/globals'
import { code, codeBlock, escapeCell, table, truncate } from '../../src/report/markdown.js'

describe('markdown builders', () => {
  it('escapeCell keeps a cell on one row and neutralizes HTML', () => {
    expect(escapeCell('a|b\n<img src=x>')).toBe('a\\|b<br>&lt;img src=x>')
  })

  it('table lays out headers and rows', () => {
    expect(table(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |')
  })

  it('code and codeBlock cannot be closed early by the text inside', () => {
    expect(code('x `y` z')).toBe('``x `y` z``')
    const block = codeBlock('before\n```\nrm -rf /\n```\nafter')
    expect(block.startsWith('````\n')).toBe(true)
    expect(block.endsWith('\n````')).toBe(true)
  })

  it('truncate cuts to the limit and says so', () => {
    const cut = truncate('x'.repeat(100), 40)
    expect(cut.length).toBe(40)
    expect(cut).toContain('truncated')
    expect(truncate('short', 40)).toBe('short')
  })
})
