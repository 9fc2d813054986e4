/**
 * A bundle over a megabyte (an action's `dist/index.js`, as ncc or webpack writes it) is too large
 * to scan symbol by symbol, but what it loads is still read: its chunks, loaded by a path it
 * builds (`require('./' + id + '.index.js')`), and the files it requires by name. A change to a
 * chunk selects the tests that run the bundle. Checked against real runs of the suite (node --test).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { MAX_SCANNED_BYTES } from '../../src/select/scan-blob.js'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

/** Code enough to take the bundle past MAX_SCANNED_BYTES, as the libraries a bundle carries do. */
const LIBRARIES = Array.from(
  { length: 30_000 },
  (_, i) => `function library${i}(a) { return a + ${i} }`
).join('\n')

const FILES = {
  'package.json': JSON.stringify({ name: 'bundled', scripts: { test: 'node --test test/' } }),
  'dist/index.js': [
    '"use strict";',
    LIBRARIES,
    'const chunk = id => require("./" + id + ".index.js");',
    'const { mark } = require("./marks.js");',
    'console.log(mark(chunk(7).shout(process.argv[2])));',
    ''
  ].join('\n'),
  'dist/7.index.js': 'exports.shout = s => s.toUpperCase()\n',
  'dist/marks.js': "exports.mark = s => s + '!'\n",
  'lib/quiet.js': 'exports.quiet = s => s.toLowerCase()\n',
  'test/run.test.js': [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const { spawnSync } = require('node:child_process')",
    "const run = arg => spawnSync(process.execPath, ['dist/index.js', arg], { encoding: 'utf8' }).stdout.trim()",
    "test('shouts', () => assert.strictEqual(run('a'), 'A!'))",
    ''
  ].join('\n'),
  'test/quiet.test.js': [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const { quiet } = require('../lib/quiet.js')",
    "test('quiet', () => assert.strictEqual(quiet('A'), 'a'))",
    ''
  ].join('\n')
}

describe('a bundle too large to scan symbol by symbol', () => {
  it('is larger than what is scanned so', () => {
    expect(FILES['dist/index.js'].length).toBeGreaterThan(MAX_SCANNED_BYTES)
  })

  it.each([
    ['dist/7.index.js', 'toUpperCase', 'toLowerCase', ['test/run.test.js'], ['test/run.test.js']],
    ['dist/marks.js', "'!'", "'?'", ['test/run.test.js'], ['test/run.test.js']],
    ['dist/index.js', 'mark(chunk(7)', '(chunk(7)', ['test/run.test.js'], ['test/run.test.js']],
    // The bundle loads nothing outside its folder: a change there is not its.
    ['lib/quiet.js', 'toLowerCase', 'toUpperCase', ['test/quiet.test.js'], ['test/quiet.test.js']]
  ] as const)('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file, from, to], [...failing], [...selected])
  })
})
