/**
 * Functions whose prototype gets the methods (`Counter.prototype.add = function…`), the classes of
 * JavaScript before `class`. Each method runs only when code calls it by name, as a class's does,
 * so member reach selects the tests that name it, or name a method (or the constructor) that calls
 * it. Checked against a real run of the suite (node --test).
 */
import { afterAll, describe, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const test = (name: string, body: string): string =>
  [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const Counter = require('../lib/counter.js')",
    `test('${name}', () => ${body})`,
    ''
  ].join('\n')

const COUNTER = [
  'function Counter(start) {',
  '  this.count = start',
  '  this.reset()',
  '}',
  'Counter.prototype.reset = function () {',
  '  this.history = []',
  '}',
  'Counter.prototype.add = function (n) {',
  '  this.count += n',
  '  return this',
  '}',
  'Counter.prototype.twice = function twice(n) {',
  '  return this.add(n).add(n)',
  '}',
  'Counter.prototype.label = function () {',
  "  return 'count: ' + this.count",
  '}',
  'Counter.from = function (text) {',
  '  return new Counter(Number(text))',
  '}',
  'module.exports = Counter',
  ''
].join('\n')

const FILES = {
  'package.json': JSON.stringify({ name: 'prototypes', scripts: { test: 'node --test test/' } }),
  'lib/counter.js': COUNTER,
  'test/add.test.js': test('adds', 'assert.strictEqual(new Counter(1).add(2).count, 3)'),
  'test/twice.test.js': test('adds twice', 'assert.strictEqual(new Counter(0).twice(2).count, 4)'),
  'test/label.test.js': test('labels', "assert.strictEqual(new Counter(5).label(), 'count: 5')"),
  'test/from.test.js': test('parses', "assert.deepStrictEqual(Counter.from('7').history, [])")
}

describe("methods set on a function's prototype", () => {
  it.each([
    // twice calls add by name: the tests of both.
    [
      'lib/counter.js',
      'this.count += n',
      'this.count -= n',
      ['test/add.test.js', 'test/twice.test.js'],
      ['test/add.test.js', 'test/twice.test.js']
    ],
    ['lib/counter.js', "'count: '", "'n: '", ['test/label.test.js'], ['test/label.test.js']],
    // The constructor calls reset: every test that makes a Counter.
    [
      'lib/counter.js',
      'this.history = []',
      'this.history = [0]',
      ['test/from.test.js'],
      ['test/add.test.js', 'test/from.test.js', 'test/label.test.js', 'test/twice.test.js']
    ]
  ])('%s (%s → %s) fails %j, selects %j', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file as keyof typeof FILES, from, to], failing, selected)
  })

  // A helper that calls each method taking no argument, found by listing the names: none is named.
  const audit = (loop: string): string =>
    [
      'module.exports = function audit(target) {',
      '  const said = []',
      `  ${loop} {`,
      "    const value = typeof target[key] === 'function' && target[key].length === 0 ? target[key]() : undefined",
      "    if (typeof value === 'string') said.push(value)",
      '  }',
      '  return said',
      '}',
      ''
    ].join('\n')
  const AUDIT_TEST =
    "const audit = require('../lib/audit.js')\n" +
    test('audits', "assert.deepStrictEqual(audit(new Counter(2)), ['count: 2'])")

  it.each([
    // for…in lists the names of the instance's prototype too.
    ['for (const key in target)'],
    ['for (const key of Object.keys(Object.getPrototypeOf(target)))'],
    // A package's function that lists inherited names (lodash, in this project's node_modules): its loop is not scanned.
    ["for (const key of require('lodash').keysIn(target))"]
  ])('reaches every method from code that lists them: %s', async loop => {
    const files = {
      ...FILES,
      'lib/audit.js': audit(loop),
      'test/audit.test.js': AUDIT_TEST
    }
    await expectEditSelects(
      files,
      ['lib/counter.js', "'count: '", "'n: '"],
      ['test/audit.test.js', 'test/label.test.js'],
      ['test/audit.test.js', 'test/label.test.js']
    )
    // Only for the tests that run the listing: add's others are the tests that name it.
    await expectEditSelects(
      files,
      ['lib/counter.js', 'this.count += n', 'this.count -= n'],
      ['test/add.test.js', 'test/twice.test.js'],
      ['test/add.test.js', 'test/audit.test.js', 'test/twice.test.js']
    )
  })

  it('keeps every method reached when code run on load holds the function', async () => {
    // inherits may give the prototype another's setters, and code outside may call any method.
    const files = {
      ...FILES,
      'lib/counter.js': COUNTER.replace(
        'module.exports = Counter',
        "require('node:util').inherits(Counter, require('node:events'))\nmodule.exports = Counter"
      )
    }
    await expectEditSelects(
      files,
      ['lib/counter.js', "'count: '", "'n: '"],
      ['test/label.test.js'],
      ['test/add.test.js', 'test/from.test.js', 'test/label.test.js', 'test/twice.test.js']
    )
  })
})
