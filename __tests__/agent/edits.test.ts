import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { applyEdits, applySearchReplace, parseEditBlocks, stripFences } from '../../src/agent/edits.js'
import { PROJECT_ROOT } from '../support/harness.js'

const corpusDir = join(PROJECT_ROOT, '__tests__/fixtures/edits')

describe('applySearchReplace', () => {
  const file = [
    'function area(r) {',
    '  if (r < 0) {',
    '    return 0',
    '  }',
    '  return Math.PI * r * r',
    '}',
    ''
  ].join('\n')

  it('applies an exact match', () => {
    const result = applySearchReplace(file, { search: '  if (r < 0) {', replace: '  if (r <= 0) {' })
    expect(result).toMatchObject({ ok: true, strategy: 'exact' })
    expect(result.ok && result.content).toContain('  if (r <= 0) {')
  })

  it('re-indents a dedented block to where it matched', () => {
    const result = applySearchReplace(file, {
      search: 'if (r < 0) {\n  return 0\n}',
      replace: 'if (r < 0) {\n  throw new RangeError("negative radius")\n}'
    })
    expect(result).toMatchObject({ ok: true, strategy: 'indentation-relative' })
    expect(result.ok && result.content).toBe(
      file.replace('    return 0', '    throw new RangeError("negative radius")')
    )
  })

  it('strips markdown fences and copied line numbers', () => {
    const result = applySearchReplace(file, {
      search: '```js\n5|   return Math.PI * r * r\n```',
      replace: '```js\n  return Math.PI * r ** 2\n```'
    })
    expect(result).toMatchObject({ ok: true, cleanups: ['fences', 'line-numbers'] })
    expect(result.ok && result.content).toContain('  return Math.PI * r ** 2\n}')
  })

  it('refuses an ambiguous search and lists where it matched', () => {
    const twice = 'a()\nb()\na()\n'
    const result = applySearchReplace(twice, { search: 'a()', replace: 'c()' })
    expect(result).toMatchObject({ ok: false, reason: 'ambiguous' })
    expect(!result.ok && result.candidates.map(c => c.startLine)).toEqual([1, 3])
  })

  it('returns the nearest candidates with line numbers for stale text', () => {
    const result = applySearchReplace(file, {
      search: '  if (radius < 0) {\n    return 0\n  }',
      replace: 'x'
    })
    expect(result).toMatchObject({ ok: false, reason: 'missing' })
    if (result.ok) return
    expect(result.candidates[0]).toMatchObject({ startLine: 2, endLine: 4 })
    expect(result.message).toContain('2|   if (r < 0) {')
  })

  it('keeps CRLF line endings', () => {
    const crlf = 'a = 1\r\nb = 2\r\n'
    const result = applySearchReplace(crlf, { search: 'b = 2\n', replace: 'b = 3\n' })
    expect(result.ok && result.content).toBe('a = 1\r\nb = 3\r\n')
  })

  it('applies several edits all or nothing', () => {
    const result = applyEdits(file, [
      { search: 'return 0', replace: 'return -1' },
      { search: 'not in the file', replace: 'x' }
    ])
    expect(result).toMatchObject({ ok: false, index: 1 })
  })

  it('parses SEARCH/REPLACE text blocks and strips fences', () => {
    expect(parseEditBlocks('```\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n```')).toEqual([
      { search: 'a', replace: 'b' }
    ])
    expect(stripFences('```ts\nconst a = 1\n```')).toBe('const a = 1')
  })
})

describe('the imperfect-edit corpus', () => {
  it('applies at least 99% as intended and never applies one wrongly', () => {
    const corpus = JSON.parse(readFileSync(join(corpusDir, 'corpus.json'), 'utf8')) as {
      cases: Array<{
        id: string
        file: string
        kind: string
        search: string
        replace: string
        expect: string
        intent?: { search: string; replace: string }
      }>
    }
    expect(corpus.cases.length).toBeGreaterThanOrEqual(100)
    let correct = 0
    const wrong: string[] = []
    for (const item of corpus.cases) {
      const content = readFileSync(join(corpusDir, 'sources', item.file), 'utf8')
      const result = applySearchReplace(content, item, item.file)
      if (item.expect === 'applied') {
        const eol = content.includes('\r\n') ? '\r\n' : '\n'
        const expected = content
          .replace(/\r\n/g, '\n')
          .replace(item.intent!.search, () => item.intent!.replace)
          .replace(/\n/g, eol)
        if (result.ok && result.content === expected) correct++
        else if (result.ok) wrong.push(item.id)
      } else if (!result.ok) correct++
      else wrong.push(item.id)
    }
    expect(wrong).toEqual([])
    expect(correct / corpus.cases.length).toBeGreaterThanOrEqual(0.99)
  })
})
