/**
 * Modules of functions mixed into a class's prototype (cheerio's layout: `Object.assign(
 * Cheerio.prototype, Attributes, Traversing, …)` with namespace imports). Each function runs only
 * when code calls it by name on an instance, as a method does, so member reach selects the tests
 * that name it, or name a method that calls it. Checked against a real run of the suite
 * (node --test).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects, selectAfterEdit } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const test = (name: string, body: string): string =>
  [
    "import { test } from 'node:test'",
    "import assert from 'node:assert'",
    "import { Wrapper } from '../lib/wrapper.mjs'",
    `test('${name}', () => ${body})`,
    ''
  ].join('\n')

const FILES = {
  'package.json': JSON.stringify({ name: 'mixins', type: 'module', scripts: { test: 'node --test test/' } }),
  'lib/wrapper.mjs': [
    "import * as Text from './text.mjs'",
    "import * as Numbers from './numbers.mjs'",
    'export class Wrapper {',
    '  constructor(value) {',
    '    this.value = value',
    '  }',
    '}',
    'Object.assign(Wrapper.prototype, Text, Numbers)',
    ''
  ].join('\n'),
  'lib/text.mjs': [
    'export function shout() {',
    '  return String(this.value).toUpperCase()',
    '}',
    'export function whisper() {',
    '  return String(this.value).toLowerCase()',
    '}',
    'export function echo() {',
    '  return this.shout() + this.shout()',
    '}',
    ''
  ].join('\n'),
  'lib/numbers.mjs': [
    'const FACTOR = 2',
    'export function twice() {',
    '  return this.value * FACTOR',
    '}',
    'export function half() {',
    '  return this.value / 2',
    '}',
    ''
  ].join('\n'),
  'test/shout.test.mjs': test('upper case', "assert.strictEqual(new Wrapper('a').shout(), 'A')"),
  'test/whisper.test.mjs': test('lower case', "assert.strictEqual(new Wrapper('A').whisper(), 'a')"),
  'test/echo.test.mjs': test('said again', "assert.strictEqual(new Wrapper('a').echo(), 'AA')"),
  'test/twice.test.mjs': test('doubled', 'assert.strictEqual(new Wrapper(2).twice(), 4)'),
  'test/keyed.test.mjs': test('by key', "assert.strictEqual(new Wrapper(4)['half'](), 2)")
}

describe('modules mixed into a class prototype', () => {
  it.each([
    // echo calls shout by name: the tests of both.
    ['lib/text.mjs', 'toUpperCase()', 'toLowerCase()', ['test/echo.test.mjs', 'test/shout.test.mjs']],
    ['lib/text.mjs', 'return String(this.value).toLowerCase()', "return ''", ['test/whisper.test.mjs']],
    // What a mixed-in function references in its module comes with it.
    ['lib/numbers.mjs', 'FACTOR = 2', 'FACTOR = 3', ['test/twice.test.mjs']],
    // A name in a string is a name.
    ['lib/numbers.mjs', '/ 2', '/ 4', ['test/keyed.test.mjs']]
  ])('%s (%s → %s) selects the tests that name the function', async (file, from, to, failing) => {
    await expectEditSelects(FILES, [file as keyof typeof FILES, from, to], failing, failing)
  })

  it('gives the code that mixes the function in as the reason', async () => {
    const { result } = await selectAfterEdit(FILES, 'lib/text.mjs', 'toUpperCase()', 'toLowerCase()')
    expect(result.reasons['test/echo.test.mjs']).toEqual([
      'lib/text.mjs#shout',
      'lib/wrapper.mjs#<module>',
      'test/echo.test.mjs'
    ])
  })

  it("reaches every function mixed in from code that lists an instance's names (for…in)", async () => {
    // No code names whisper: the helper calls each function of the instance that takes no argument.
    const files = {
      ...FILES,
      'lib/audit.mjs': [
        'export function audit(target) {',
        '  const said = []',
        '  for (const key in target) {',
        "    const value = typeof target[key] === 'function' ? target[key]() : undefined",
        "    if (typeof value === 'string') said.push(value)",
        '  }',
        '  return said.sort()',
        '}',
        ''
      ].join('\n'),
      'test/audit.test.mjs':
        "import { audit } from '../lib/audit.mjs'\n" +
        test('audits', "assert.deepStrictEqual(audit(new Wrapper('b')), ['B', 'BB', 'b'])")
    }
    await expectEditSelects(
      files,
      ['lib/text.mjs', 'return String(this.value).toLowerCase()', "return ''"],
      ['test/audit.test.mjs', 'test/whisper.test.mjs'],
      ['test/audit.test.mjs', 'test/whisper.test.mjs']
    )
  })

  it('runs every test that loads the class when code run on load also uses the module', async () => {
    const files = {
      ...FILES,
      'lib/wrapper.mjs': FILES['lib/wrapper.mjs'] + 'export const ready = Numbers.twice.call({ value: 1 })\n'
    }
    await expectEditSelects(
      files,
      ['lib/numbers.mjs', 'FACTOR = 2', 'FACTOR = 3'],
      ['test/twice.test.mjs'],
      [
        'test/echo.test.mjs',
        'test/keyed.test.mjs',
        'test/shout.test.mjs',
        'test/twice.test.mjs',
        'test/whisper.test.mjs'
      ]
    )
  })
})
