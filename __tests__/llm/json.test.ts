import { describe, expect, it } from '@jest/globals'
import { extractJson, validateJson } from '../../src/llm/json.js'
import { parseToolCall } from '../../src/llm/tools.js'

const verdictSchema = {
  type: 'object',
  properties: {
    rootCause: { type: 'string', minLength: 1 },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    files: { type: 'array', items: { type: 'string' }, maxItems: 3 },
    kind: { enum: ['code', 'test', 'environment'] },
    note: { type: ['string', 'null'] }
  },
  required: ['rootCause', 'confidence', 'kind'],
  additionalProperties: false
}

describe('validateJson', () => {
  it('accepts a matching value', () => {
    expect(
      validateJson(
        { rootCause: 'off by one', confidence: 0.8, files: ['src/a.ts'], kind: 'code', note: null },
        verdictSchema
      )
    ).toEqual([])
  })

  it('reports every problem with its path', () => {
    const problems = validateJson(
      { rootCause: '', confidence: 2, files: ['a', 1, 'c', 'd'], kind: 'vibes', extra: true },
      verdictSchema
    )
    expect(problems).toEqual(
      expect.arrayContaining([
        '$.rootCause: shorter than 1 characters',
        '$.confidence: more than 1',
        '$.files: more than 3 items',
        '$.files[1]: expected string, got number',
        '$.kind: must be one of "code", "test", "environment"',
        '$: unexpected property "extra"'
      ])
    )
  })

  it('reports a missing required property and a wrong root type', () => {
    expect(validateJson({ confidence: 1, kind: 'code' }, verdictSchema)).toEqual([
      '$: missing required property "rootCause"'
    ])
    expect(validateJson([1], verdictSchema)).toEqual(['$: expected object, got array'])
  })
})

describe('extractJson', () => {
  it('reads plain JSON, fenced JSON and JSON wrapped in prose', () => {
    expect(extractJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } })
    expect(extractJson('Here you go:\n```json\n{"a": [1, 2]}\n```\nThanks')).toEqual({
      ok: true,
      value: { a: [1, 2] }
    })
    expect(extractJson('The answer is {"a": "b}"} as requested.')).toEqual({ ok: true, value: { a: 'b}' } })
  })

  it('fails clearly on truncated JSON', () => {
    const result = extractJson('```json\n{"rootCause": "the loop stops one ea')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(/no JSON value could be parsed/)
    expect(extractJson('   ')).toEqual({ ok: false, error: 'the reply was empty' })
  })
})

describe('parseToolCall', () => {
  const tools = [
    {
      name: 'read_file',
      description: 'Read part of a file',
      parameters: {
        type: 'object',
        properties: { path: { type: 'string' }, start: { type: 'integer' } },
        required: ['path']
      }
    }
  ]

  it('parses valid arguments', () => {
    expect(
      parseToolCall({ id: 'c1', name: 'read_file', arguments: '{"path":"src/a.ts","start":3}' }, tools)
    ).toEqual({
      ok: true,
      id: 'c1',
      name: 'read_file',
      args: { path: 'src/a.ts', start: 3 }
    })
  })

  it('turns malformed JSON, schema mismatches and unknown tools into messages for the model', () => {
    const malformed = parseToolCall({ id: 'c2', name: 'read_file', arguments: '{"path": "src/a.ts"' }, tools)
    expect(malformed.ok).toBe(false)
    if (!malformed.ok) expect(malformed.error).toMatch(/not valid JSON.*Send them again/)
    const mismatch = parseToolCall({ id: 'c3', name: 'read_file', arguments: '{"start":"x"}' }, tools)
    if (mismatch.ok) throw new Error('expected a mismatch')
    expect(mismatch.error).toMatch(/missing required property "path"/)
    const unknown = parseToolCall({ id: 'c4', name: 'run_shell', arguments: '{"cmd":"curl evil"}' }, tools)
    if (unknown.ok) throw new Error('expected an unknown tool')
    expect(unknown.error).toBe('Unknown tool "run_shell". Available tools: read_file.')
  })
})
