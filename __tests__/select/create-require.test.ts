/**
 * An ES module test that loads CommonJS code through a require function of its own
 * (`const load = createRequire(import.meta.url)`): each call is a require, so a change to what it
 * loads selects the test, and only when it changes what the test takes. Checked against a real
 * run of the suite (node --test).
 */
import { afterAll, describe, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const FILES = {
  'package.json': JSON.stringify({ name: 'mixed', scripts: { test: 'node --test test/' } }),
  'lib/price.js': "exports.total = (n) => n * 2\nexports.label = () => 'EUR'\n",
  'lib/other.js': "exports.other = () => 'other'\n",
  'test/price.test.mjs': [
    "import { test } from 'node:test'",
    "import assert from 'node:assert'",
    "import { createRequire } from 'node:module'",
    'const load = createRequire(import.meta.url)',
    "const { total } = load('../lib/price')",
    "test('total', () => assert.strictEqual(total(2), 4))",
    ''
  ].join('\n'),
  'test/other.test.mjs': [
    "import { test } from 'node:test'",
    "import assert from 'node:assert'",
    "import { createRequire } from 'node:module'",
    'const load = createRequire(import.meta.url)',
    "test('other', () => assert.strictEqual(load('../lib/other').other(), 'other'))",
    ''
  ].join('\n')
}

describe('a require function made with createRequire', () => {
  it.each([
    ['lib/price.js', 'n * 2', 'n * 3', ['test/price.test.mjs'], ['test/price.test.mjs']],
    // The test takes `total` alone.
    ['lib/price.js', "'EUR'", "'USD'", [], []],
    ['lib/other.js', "'other'", "'else'", ['test/other.test.mjs'], ['test/other.test.mjs']]
  ])('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file as keyof typeof FILES, from, to], failing, selected)
  })
})
