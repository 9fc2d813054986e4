/**
 * A package whose `exports` sends `import` and `require` to different files (ws's layout: an ES
 * wrapper around the CommonJS entry), with a test of each kind importing it by its own name. Node
 * loads the wrapper for the ES module test and the entry for the CommonJS one; the selection must
 * follow both. Checked against a real run of the suite (node --test).
 */
import { afterAll, describe, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const FILES = {
  'package.json': JSON.stringify({
    name: 'dual',
    exports: { '.': { import: './wrapper.mjs', require: './index.js' } },
    scripts: { test: 'node --test test/' }
  }),
  'index.js': [
    "exports.greet = name => 'hello ' + name",
    'exports.shout = name => name.toUpperCase()',
    ''
  ].join('\n'),
  'wrapper.mjs': [
    "import lib from './index.js'",
    'export const greet = lib.greet',
    'export const shout = lib.shout',
    "export const flavour = 'esm'",
    ''
  ].join('\n'),
  'test/esm.test.mjs': [
    "import { test } from 'node:test'",
    "import assert from 'node:assert'",
    "import { flavour, greet } from 'dual'",
    "test('greet', () => assert.strictEqual(greet('x') + ' ' + flavour, 'hello x esm'))",
    ''
  ].join('\n'),
  'test/cjs.test.js': [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const { shout } = require('dual')",
    "test('shout', () => assert.strictEqual(shout('x'), 'X'))",
    ''
  ].join('\n')
}

describe('a package imported by its name under two export conditions', () => {
  const BOTH = ['test/cjs.test.js', 'test/esm.test.mjs']
  it.each([
    // Only the ES module test loads the wrapper's `flavour`; the CommonJS test binds `shout`.
    ['wrapper.mjs', "'esm'", "'mjs'", ['test/esm.test.mjs'], ['test/esm.test.mjs']],
    // The wrapper takes the entry's default, its whole module.exports, and the selection takes the
    // wrapper for a require() too (its conditions are not told apart by kind of import): both.
    ['index.js', 'toUpperCase()', 'toLowerCase()', ['test/cjs.test.js'], BOTH],
    ['index.js', "'hello '", "'hi '", ['test/esm.test.mjs'], BOTH]
  ])('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file as keyof typeof FILES, from, to], failing, selected)
  })
})
