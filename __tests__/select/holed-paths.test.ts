/**
 * Tests that load modules by a path that ends in a name known only at run time: joined to their
 * folder (`join(__dirname, '../src/rules', name)`), to a root of their own (`join(ROOT, 'src',
 * 'steps', name)`, `` `${ROOT}/src/plugins/${name}` ``, `ROOT + '/src/views/' + name + '.js'`),
 * added to a relative path (`require('../src/locale/' + lang)`) or held in a name first. A
 * change to any module under the folder selects the test, and a change elsewhere does not.
 * Checked against a real run of the suite (node --test, run from the package's folder).
 */
import { afterAll, describe, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const test = (name: string, names: string[], load: string, ...setup: string[]): string =>
  [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const path = require('node:path')",
    "const ROOT = path.join(__dirname, '..')",
    ...setup,
    `for (const name of ${JSON.stringify(names)}) {`,
    `  const loaded = ${load}`,
    `  test(\`${name} \${name}\`, () => assert.strictEqual(loaded.total(2), 4))`,
    '}',
    ''
  ].join('\n')

const MODULE = 'exports.total = (n) => n * 2\n'
const FILES = {
  'package.json': JSON.stringify({ name: 'holed-paths', scripts: { test: 'node --test test/' } }),
  'src/rules/one.js': MODULE,
  'src/rules/two.js': MODULE,
  'src/plugins/one.js': MODULE,
  'src/plugins/two.js': MODULE,
  'src/steps/one.js': MODULE,
  'src/locale/en.js': MODULE,
  'src/views/home.js': MODULE,
  'src/hooks/start.js': MODULE,
  'src/other.js': MODULE,
  'test/rules.test.js': test('rules', ['one', 'two'], "require(path.join(__dirname, '../src/rules', name))"),
  'test/plugins.test.js': test('plugins', ['one', 'two'], 'require(`${ROOT}/src/plugins/${name}`)'),
  'test/steps.test.js': test('steps', ['one'], "require(path.join(ROOT, 'src', 'steps', name))"),
  'test/locale.test.js': test('locale', ['en'], "require('../src/locale/' + name)"),
  'test/views.test.js': test('views', ['home'], "require(ROOT + '/src/views/' + name + '.js')"),
  'test/hooks.test.js': test(
    'hooks',
    ['start'],
    'load(name)',
    "function load(hook) {\n  const file = path.join(__dirname, '..', 'src', 'hooks', hook)\n  return require(file)\n}"
  ),
  'test/other.test.js':
    "const { test } = require('node:test')\nconst assert = require('node:assert')\nconst { total } = require('../src/other')\ntest('other', () => assert.strictEqual(total(2), 4))\n"
}

describe('a require of a path that ends in a name known at run time', () => {
  it.each([
    ['src/rules/two.js', ['test/rules.test.js']],
    ['src/plugins/one.js', ['test/plugins.test.js']],
    ['src/steps/one.js', ['test/steps.test.js']],
    ['src/locale/en.js', ['test/locale.test.js']],
    ['src/views/home.js', ['test/views.test.js']],
    ['src/hooks/start.js', ['test/hooks.test.js']],
    ['src/other.js', ['test/other.test.js']]
  ])('a change to %s selects the test that fails, and no other', async (file, failing) => {
    await expectEditSelects(FILES, [file as keyof typeof FILES, 'n * 2', 'n * 3'], failing, failing)
  })
})
