/**
 * Classes that extend a base from JavaScript's or Node's library whose calls on a subclass are
 * known: Error, Map, EventEmitter… The base's own code calls the subclass's members only by the
 * base's names (`new Map(entries)` calls `set`, `once` calls `on`), so the subclass's other
 * members run only when code names them, as in a class with no base. Checked against a real run
 * of the suite (node --test).
 */
import { afterAll, describe, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const CLASSES: Record<string, string> = { job: 'Job', registry: 'Registry', errors: 'NotFound' }

const test = (module: string, name: string, body: string): string =>
  [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    `const { ${CLASSES[module]} } = require('../lib/${module}.js')`,
    `test('${name}', () => ${body})`,
    ''
  ].join('\n')

const FILES = {
  'package.json': JSON.stringify({ name: 'bases', scripts: { test: 'node --test test/' } }),
  'lib/job.js': [
    "const EventEmitter = require('events')",
    'class Job extends EventEmitter {',
    '  start() {',
    "    this.emit('started')",
    '    return this',
    '  }',
    '  cancel() {',
    "    this.state = 'cancelled'",
    '    return this',
    '  }',
    '  on(event, listener) {',
    '    this.listening = (this.listening || 0) + 1',
    '    return super.on(event, listener)',
    '  }',
    '}',
    'module.exports = { Job }',
    ''
  ].join('\n'),
  'lib/registry.js': [
    'class Registry extends Map {',
    '  set(key, value) {',
    '    return super.set(key, String(value))',
    '  }',
    '  names() {',
    '    return [...this.keys()].sort()',
    '  }',
    '}',
    'module.exports = { Registry }',
    ''
  ].join('\n'),
  'lib/errors.js': [
    'class NotFound extends Error {',
    '  get status() {',
    '    return 404',
    '  }',
    '  describe() {',
    "    return 'missing: ' + this.message",
    '  }',
    '}',
    'module.exports = { NotFound }',
    ''
  ].join('\n'),
  'lib/queue.mjs': [
    "import { EventEmitter as Emitter } from 'node:events'",
    'export class Queue extends Emitter {',
    '  drain() {',
    "    return 'drained'",
    '  }',
    '}',
    ''
  ].join('\n'),
  'test/queue.test.mjs': [
    "import { test } from 'node:test'",
    "import assert from 'node:assert'",
    "import { Queue } from '../lib/queue.mjs'",
    "test('queue', () => assert.strictEqual(new Queue().listenerCount('x'), 0))",
    ''
  ].join('\n'),
  'test/start.test.js': test(
    'job',
    'emits',
    "{ const seen = []; const job = new Job(); job.addListener('started', () => seen.push(1)); job.start(); assert.deepStrictEqual(seen, [1]) }"
  ),
  'test/cancel.test.js': test('job', 'cancels', "assert.strictEqual(new Job().cancel().state, 'cancelled')"),
  // EventEmitter's once calls on: the test never names it.
  'test/once.test.js': test(
    'job',
    'once',
    "{ const job = new Job(); job.once('done', () => {}); assert.strictEqual(job.listening, 1) }"
  ),
  // Map's constructor calls set.
  'test/entries.test.js': test(
    'registry',
    'entries',
    "assert.strictEqual(new Registry([['a', 1]]).get('a'), '1')"
  ),
  'test/names.test.js': test('registry', 'names', 'assert.deepStrictEqual(new Registry().names(), [])'),
  'test/status.test.js': test('errors', 'status', 'assert.strictEqual(new NotFound().status, 404)'),
  'test/describe.test.js': test(
    'errors',
    'describe',
    "assert.strictEqual(new NotFound('x').describe(), 'missing: x')"
  )
}

describe('classes that extend a base of the runtime whose calls are known', () => {
  it.each([
    // Only the test that names cancel: EventEmitter calls no member by that name.
    [
      'lib/job.js',
      "this.state = 'cancelled'",
      "this.state = 'stopped'",
      ['test/cancel.test.js'],
      ['test/cancel.test.js']
    ],
    // on is EventEmitter's name: every test that reaches Job may run it.
    [
      'lib/job.js',
      '(this.listening || 0) + 1',
      '(this.listening || 0) + 2',
      ['test/once.test.js'],
      ['test/cancel.test.js', 'test/once.test.js', 'test/start.test.js']
    ],
    // set is Map's name: its constructor calls it.
    [
      'lib/registry.js',
      'String(value)',
      'Number(value)',
      ['test/entries.test.js'],
      ['test/entries.test.js', 'test/names.test.js']
    ],
    ['lib/registry.js', '.sort()', '.reverse()', [], ['test/names.test.js']],
    // EventEmitter imported by name, in an ES module.
    ['lib/queue.mjs', "'drained'", "'done'", [], []],
    ['lib/errors.js', 'return 404', 'return 410', ['test/status.test.js'], ['test/status.test.js']],
    ['lib/errors.js', "'missing: '", "'gone: '", ['test/describe.test.js'], ['test/describe.test.js']]
  ])('%s (%s → %s) fails %j, selects %j', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file as keyof typeof FILES, from, to], failing, selected)
  })

  it('keeps every member of a class reached whose base is a local that shadows the global', async () => {
    const shadowed = {
      ...FILES,
      'lib/registry.js': `const Map = require('./store.js')\n${FILES['lib/registry.js']}`,
      'lib/store.js': 'module.exports = globalThis.Map\n'
    }
    await expectEditSelects(
      shadowed,
      ['lib/registry.js', '.sort()', '.reverse()'],
      [],
      ['test/entries.test.js', 'test/names.test.js']
    )
  })
})
