import { describe, expect, it } from '@jest/globals'
import { INPUT_SPECS, parseList, readInputs } from '../../src/config/schema.js'
import { ConfigurationError } from '../../src/errors.js'

const none = (): string => ''

describe('readInputs', () => {
  it('applies the schema defaults when nothing is given', () => {
    const inputs = readInputs(none)
    expect(inputs.command).toBe('ci')
    expect(inputs.autonomy).toBe('suggest')
    expect(inputs.retries).toBe(2)
    expect(inputs.compareToBase).toBe(false)
    expect(inputs.testTimeout).toBe(20 * 60_000)
    expect(inputs.base).toBeUndefined()
  })

  it('prefers a workflow input over the config file, and the config file over the default', () => {
    const inputs = readInputs(
      name => (name === 'retries' ? '5' : ''),
      name => ({ retries: '1', shards: '4' })[name]
    )
    expect(inputs.retries).toBe(5)
    expect(inputs.shards).toBe(4)
  })

  it('reports every invalid input at once, each with its name and a valid example', () => {
    const raw: Record<string, string> = { command: 'deploy', shards: '0', 'compare-to-base': 'maybe' }
    let error: unknown
    try {
      readInputs(name => raw[name] ?? '')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigurationError)
    const lines = (error as Error).message.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(
      /^Input "command" must be one of changes, .* got "deploy"\. Example: command: ci$/
    )
    expect(lines[1]).toMatch(/^Input "shards" .* Example: shards: 1$/)
    expect(lines[2]).toMatch(/^Input "compare-to-base" must be true or false/)
  })

  it.each([
    ['base', 'not a sha!'],
    ['head', 'a'.repeat(41)],
    ['base', '--upload-pack=evil'],
    ['head', 'main..evil'],
    ['test-timeout', '10 minutes'],
    ['llm-base-url', 'file:///etc/passwd']
  ])('rejects %s = %j', (name, value) => {
    expect(() => readInputs(n => (n === name ? value : ''))).toThrow(new RegExp(`Input "${name}"`))
  })

  it('parses lists given as lines, commas or JSON', () => {
    expect(parseList('a\nb, c')).toEqual(['a', 'b', 'c'])
    expect(parseList('["x,y", "z"]')).toEqual(['x,y', 'z'])
    expect(parseList('  ')).toEqual([])
  })

  it('marks the token inputs as secret', () => {
    const secret = INPUT_SPECS.filter(s => s.secret).map(s => s.name)
    expect(secret).toEqual(['github-token', 'llm-api-key'])
  })
})
