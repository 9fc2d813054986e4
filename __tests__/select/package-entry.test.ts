/**
 * A package that commits its ES bundle (`module`, as js-yaml does) and whose tests require the
 * package folder: node loads its index, which requires the sources, never the bundle. Checked
 * against a real run of the suite (node --test).
 */
import { afterAll, describe, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const FILES = {
  'package.json': JSON.stringify({
    name: 'tiny-yaml',
    module: './dist/tiny-yaml.mjs',
    exports: { '.': { import: './dist/tiny-yaml.mjs', require: './index.js' } },
    scripts: { test: 'node --test test/' }
  }),
  'index.js':
    "const { dump } = require('./lib/dumper')\nconst { load } = require('./lib/loader')\nmodule.exports = { dump, load }\n",
  'lib/dumper.js':
    "exports.dump = value => Object.entries(value).map(([k, v]) => `${k}: ${v}`).join('\\n')\n",
  'lib/loader.js':
    "exports.load = text => Object.fromEntries(text.split('\\n').map(line => line.split(': ')))\n",
  // The bundle a release builds and commits: it imports nothing of the repository.
  'dist/tiny-yaml.mjs':
    'export const dump = value => JSON.stringify(value)\nexport const load = text => JSON.parse(text)\n',
  'test/dump.test.js': [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const yaml = require('..')",
    "test('dump', () => assert.strictEqual(yaml.dump({ a: 1 }), 'a: 1'))",
    ''
  ].join('\n'),
  'test/load.test.js': [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const yaml = require('../')",
    "test('load', () => assert.deepStrictEqual(yaml.load('a: 1'), { a: '1' }))",
    ''
  ].join('\n')
}

describe('a package folder required by its tests', () => {
  // index.js takes each function from lib/ as it loads: a change to one reaches both tests.
  const BOTH = ['test/dump.test.js', 'test/load.test.js']
  it.each([
    ['lib/dumper.js', '`${k}: ${v}`', '`${k}=${v}`', ['test/dump.test.js'], BOTH],
    ['lib/loader.js', "split(': ')", "split(':')", ['test/load.test.js'], BOTH],
    ['dist/tiny-yaml.mjs', 'JSON.parse(text)', 'JSON.parse(text || "{}")', [], []]
  ])('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file as keyof typeof FILES, from, to], failing, selected)
  })
})
