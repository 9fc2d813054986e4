/**
 * The byte pass must file every string exactly as the text pass would (the same ranges, the same
 * stem hashes), and hand back as text every string the alias rules or pattern matching could say
 * yes to. These compare the two on tricky texts and on random ones.
 */
import { describe, expect, it } from '@jest/globals'
import { rng } from '../../scripts/select-gen.mjs'
import {
  MAX_SPEC_LENGTH,
  StemIndex,
  TextRules,
  fileStrings,
  literalStart,
  quotedRanges,
  stemHash
} from '../../src/select/quick-pass.js'

/** Each string of `text` with its stem hash, as the text pass sees them. */
function byText(text: string): Array<[string, number]> {
  const found: Array<[string, number]> = []
  quotedRanges(text, (start, end) => found.push([text.slice(start, end), stemHash(text, start, end)]))
  return found
}

/** Every string of the text is filed under its text hash, or handed back (within the length). */
function expectSameStrings(text: string, rules = new TextRules()): { handed: string[] } {
  const bytes = Buffer.from(text, 'utf8')
  const stems = new StemIndex(1)
  const handed: string[] = []
  fileStrings(bytes, 0, stems, rules, (start, end) => handed.push(bytes.toString('utf8', start, end)))
  const pending = [...handed]
  for (const [spec, hash] of byText(text)) {
    const at = pending.indexOf(spec)
    if (at >= 0) pending.splice(at, 1)
    else expect({ spec, filed: stems.sourcesOf(hash) }).toEqual({ spec, filed: [0] })
  }
  // Nothing is handed back that the text pass does not find (but for strings too long for it).
  expect(pending.filter(spec => spec.length <= MAX_SPEC_LENGTH)).toEqual([])
  return { handed }
}

describe('quick pass over bytes', () => {
  it('files the strings of ordinary code under the same hashes as the text pass', () => {
    const text = [
      "import { a } from './util.js'",
      'import b from "../lib/b.ts"',
      "const c = require('./folder/index')",
      'const d = await import(`./lazy/${name}`)',
      "const e = 'it''s' + \"text with spaces\" + `multi",
      "line template` + 'x'",
      "jest.mock('../mocked.tsx')"
    ].join('\n')
    const { handed } = expectSameStrings(text)
    // A template with a hole in a relative path is a pattern: looked at as text.
    expect(handed).toContain('./lazy/${name}')
  })

  it('hands back strings without a segment, with bytes outside ASCII, or relative patterns', () => {
    const { handed } = expectSameStrings(
      [
        "x('')",
        "x('..')",
        "x('./')",
        "x('a/.')",
        "x('./naïve')",
        "x('./日本/語.ts')",
        "x('./*.json')",
        "x('../data/[id].json')",
        "x('not/a/*/pattern')"
      ].join('\n')
    )
    expect(handed).toEqual(
      expect.arrayContaining([
        '',
        '..',
        './',
        'a/.',
        './naïve',
        './日本/語.ts',
        './*.json',
        '../data/[id].json'
      ])
    )
    // A pattern character outside a relative or absolute path is an ordinary string.
    expect(handed).not.toContain('not/a/*/pattern')
  })

  it('hands back what the rules name: prefixes, whole strings, stems', () => {
    const rules = new TextRules().prefix('#').prefix('@app/').exactly('~').stem('lib')
    const { handed } = expectSameStrings(
      [
        "x('#internal')",
        "x('@app/feature')",
        "x('@apple')",
        "x('~')",
        "x('~/x')",
        "x('../lib')",
        "x('../lib.js')",
        "x('./libs')"
      ].join('\n'),
      rules
    )
    expect(handed).toEqual(expect.arrayContaining(['#internal', '@app/feature', '~', '../lib', '../lib.js']))
    // Same first two bytes as a prefix: handed back too (the rules may over-ask, never under-ask).
    expect(handed).toContain('@apple')
    expect(handed).not.toContain('~/x')
    expect(handed).not.toContain('./libs')
  })

  it('agrees with the text pass on extensions it strips and those it keeps', () => {
    const specs = [
      './a.js',
      './a.jsx',
      './a.mjs',
      './a.cts',
      './a.mtsx',
      './a.json',
      './a.node',
      './a.d.ts',
      './a.css',
      './a.jsonc',
      './a.',
      './a.ts.bak',
      './.ts',
      './a.TS'
    ]
    expectSameStrings(specs.map(spec => `x('${spec}')`).join('\n'))
  })

  it('drops strings past the length limit as the text pass does, and hands back long ones outside ASCII', () => {
    const long = 'a'.repeat(MAX_SPEC_LENGTH + 1)
    const wide = 'é'.repeat(MAX_SPEC_LENGTH)
    const bytes = Buffer.from(`x('${long}')\nx('${wide}')`, 'utf8')
    const stems = new StemIndex(1)
    const handed: string[] = []
    const filed = fileStrings(bytes, 0, stems, new TextRules(), (start, end) =>
      handed.push(bytes.toString('utf8', start, end))
    )
    expect(filed).toBe(0)
    expect(stems.sourcesOf(stemHash(long))).toEqual([])
    expect(handed).toEqual([wide])
  })

  it('matches the text pass on random texts', () => {
    const random = rng(20261122)
    const alphabet = [
      'a',
      'b',
      '/',
      '.',
      "'",
      '"',
      '`',
      '\n',
      ' ',
      '*',
      '{',
      'é',
      'x',
      'ts',
      'js',
      'lib',
      '#',
      '@'
    ]
    for (let round = 0; round < 300; round++) {
      let text = ''
      const length = Math.floor(random() * 120)
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)]
      expectSameStrings(text, new TextRules().prefix('#').stem('lib'))
    }
  })
})

describe('literalStart', () => {
  it('reads up to two characters every match starts with', () => {
    expect(literalStart(/^@app\/(.*)$/)).toBe('@a')
    expect(literalStart(/^\.\.?\/(.*)$/)).toBe('.')
    expect(literalStart(/^~(.*)$/)).toBe('~')
    expect(literalStart(/^a+b/)).toBe('a')
  })

  it('cannot tell without an anchor, with alternatives at the top, or with flags that widen it', () => {
    expect(literalStart(/\.(css|less)$/)).toBe('')
    expect(literalStart(/^a|b/)).toBe('')
    expect(literalStart(/^ab/i)).toBe('')
    expect(literalStart(/^ab/m)).toBe('')
    expect(literalStart(/^a?b/)).toBe('')
    expect(literalStart(/^(a|b)c/)).toBe('')
    expect(literalStart(/^\d+/)).toBe('')
    // Alternatives inside a group or a bracket are not at the top.
    expect(literalStart(/^x(a|b)/)).toBe('x')
    expect(literalStart(/^x[|]/)).toBe('x')
  })
})
