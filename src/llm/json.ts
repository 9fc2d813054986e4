import type { JsonSchema } from './types.js'

/**
 * A small JSON Schema validator for the subset model replies use: type (one or a list), enum,
 * const, properties, required, additionalProperties, items, min/maxItems, min/maxLength, pattern,
 * minimum/maximum, anyOf/oneOf. Returns readable problems with JSON-pointer-like paths.
 */
export function validateJson(value: unknown, schema: JsonSchema, path = '$'): string[] {
  const problems: string[] = []
  const s = schema as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

  if (s.anyOf || s.oneOf) {
    const options = (s.anyOf ?? s.oneOf) as JsonSchema[]
    const matching = options.filter(option => validateJson(value, option, path).length === 0).length
    if (matching === 0) problems.push(`${path}: matches none of the allowed shapes`)
    else if (s.oneOf && matching > 1) problems.push(`${path}: matches more than one allowed shape`)
  }
  if (s.type !== undefined) {
    const types: string[] = Array.isArray(s.type) ? s.type : [s.type]
    if (!types.some(type => hasType(value, type))) {
      problems.push(`${path}: expected ${types.join(' or ')}, got ${describe(value)}`)
      return problems
    }
  }
  if (s.enum && !(s.enum as unknown[]).some(option => deepEqual(option, value))) {
    problems.push(`${path}: must be one of ${(s.enum as unknown[]).map(v => JSON.stringify(v)).join(', ')}`)
  }
  if ('const' in s && !deepEqual(s.const, value)) problems.push(`${path}: must be ${JSON.stringify(s.const)}`)

  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && value.length < s.minLength)
      problems.push(`${path}: shorter than ${s.minLength} characters`)
    if (typeof s.maxLength === 'number' && value.length > s.maxLength)
      problems.push(`${path}: longer than ${s.maxLength} characters`)
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value))
      problems.push(`${path}: does not match ${s.pattern}`)
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) problems.push(`${path}: less than ${s.minimum}`)
    if (typeof s.maximum === 'number' && value > s.maximum) problems.push(`${path}: more than ${s.maximum}`)
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems)
      problems.push(`${path}: fewer than ${s.minItems} items`)
    if (typeof s.maxItems === 'number' && value.length > s.maxItems)
      problems.push(`${path}: more than ${s.maxItems} items`)
    if (s.items && typeof s.items === 'object') {
      value.forEach((item, index) =>
        problems.push(...validateJson(item, s.items as JsonSchema, `${path}[${index}]`))
      )
    }
  }
  if (isObject(value)) {
    const properties = (s.properties ?? {}) as Record<string, JsonSchema>
    for (const name of (s.required ?? []) as string[]) {
      if (!(name in value)) problems.push(`${path}: missing required property "${name}"`)
    }
    for (const [name, item] of Object.entries(value)) {
      const propertySchema = properties[name]
      if (propertySchema) problems.push(...validateJson(item, propertySchema, `${path}.${name}`))
      else if (s.additionalProperties === false) problems.push(`${path}: unexpected property "${name}"`)
      else if (isObject(s.additionalProperties)) {
        problems.push(...validateJson(item, s.additionalProperties as JsonSchema, `${path}.${name}`))
      }
    }
  }
  return problems
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'null':
      return value === null
    case 'array':
      return Array.isArray(value)
    case 'object':
      return isObject(value)
    default:
      return true
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export type JsonExtraction = { ok: true; value: unknown } | { ok: false; error: string }

/**
 * Finds the JSON value in a model's text reply: the whole text, else a ```json fenced block, else
 * the first balanced {…} or […] that parses.
 */
export function extractJson(text: string): JsonExtraction {
  const trimmed = text.trim()
  if (!trimmed) return { ok: false, error: 'the reply was empty' }
  const direct = tryParse(trimmed)
  if (direct.ok) return direct
  for (const match of trimmed.matchAll(/```[A-Za-z0-9_-]*[ \t]*\r?\n([\s\S]*?)\r?\n[ \t]*```/g)) {
    const fenced = tryParse(match[1]!.trim())
    if (fenced.ok) return fenced
  }
  for (let start = 0; start < trimmed.length; start++) {
    const ch = trimmed[start]
    if (ch !== '{' && ch !== '[') continue
    const end = balancedEnd(trimmed, start)
    if (end === -1) continue
    const candidate = tryParse(trimmed.slice(start, end + 1))
    if (candidate.ok) return candidate
  }
  return { ok: false, error: `no JSON value could be parsed from the reply (${direct.error})` }
}

function tryParse(text: string): JsonExtraction {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, error: (error as Error).message }
  }
}

/** Index of the bracket closing the one at `start`, honouring strings; -1 when unbalanced. */
function balancedEnd(text: string, start: number): number {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const ch = text[i]
    if (inString) {
      if (ch === '\\') i++
      else if (ch === '"') inString = false
      continue
    }
    if (ch === '"') inString = true
    else if (ch === '{' || ch === '[') depth++
    else if (ch === '}' || ch === ']') {
      depth--
      if (depth === 0) return i
    }
  }
  return -1
}
