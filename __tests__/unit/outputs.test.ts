import { describe, expect, it } from '@jest/globals'
import { safeJson, safeWord } from '../../src/report/outputs.js'

describe('safeJson', () => {
  const hostile = ['a$(touch pwned).ts', "it's`id`.ts", 'x;rm -rf ~|y&z>w<v', 'back\\slash "quoted"\nline']

  it('round-trips through JSON.parse', () => {
    const value = { tests: hostile, count: 4, nested: [{ file: hostile[0] }] }
    expect(JSON.parse(safeJson(value))).toEqual(value)
  })

  it('leaves no shell-significant character in the text', () => {
    const text = safeJson(hostile)
    expect(text).not.toMatch(/[$`'!;&|<>()\n]/)
  })

  it('keeps plain words readable', () => {
    expect(safeJson(['src/a.test.ts'])).toBe('["src/a.test.ts"]')
  })
})

describe('safeWord', () => {
  it('drops everything but safe characters', () => {
    expect(safeWord('abc123$(x);')).toBe('abc123x')
    expect(safeWord(42)).toBe('42')
  })
})
