/**
 * Tests that load a module by a path they build at run time: from the working directory
 * (`path.resolve('src/a')`, `process.cwd() + '/src/c'`), from a root of their own
 * (`path.join(ROOT, 'src/d')`, `` `${ROOT}/src/e` ``) or from their folder by concatenation
 * (`__dirname + '/../src/f'`), or held in a name first (`const file = join(ROOT, 'src/g');
 * require(file)`); or that hand such a path to `require.resolve`, `jest.requireActual` or
 * `jest.doMock`. A change to the module selects the test, and a change elsewhere does not.
 * Checked against a real run of the suite (node --test run from the package's folder, and jest).
 */
import { afterAll, describe, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const test = (name: string, load: string, ...setup: string[]): string =>
  [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const path = require('node:path')",
    "const ROOT = path.join(__dirname, '..')",
    ...setup,
    `const loaded = ${load}`,
    `test('${name}', () => assert.strictEqual(loaded.total(2), 4))`,
    ''
  ].join('\n')

const FILES = {
  'package.json': JSON.stringify({ name: 'built-paths', scripts: { test: 'node --test test/' } }),
  'src/a.js': 'exports.total = (n) => n * 2\n',
  'src/b.js': 'exports.total = (n) => n * 2\n',
  'src/c.js': 'exports.total = (n) => n * 2\n',
  'src/d.js': 'exports.total = (n) => n * 2\n',
  'src/e.js': 'exports.total = (n) => n * 2\n',
  'src/f.js': 'exports.total = (n) => n * 2\n',
  'src/lib/index.js': 'exports.total = (n) => n * 2\n',
  'src/g.js': 'exports.total = (n) => n * 2\n',
  'src/h.js': 'exports.total = (n) => n * 2\n',
  'src/i.js': 'exports.total = (n) => n * 2\n',
  'src/j.js': 'exports.total = (n) => n * 2\n',
  'src/other.js': 'exports.total = (n) => n * 2\n',
  'src/two.js': "exports.total = (n) => n * 2\nexports.label = () => 'EUR'\n",
  'test/a.test.js': test('a', "require(path.resolve('src/a'))"),
  'test/b.test.js': test('b', "require(path.join(process.cwd(), 'src', 'b'))"),
  'test/c.test.js': test('c', "require(process.cwd() + '/src/c')"),
  'test/d.test.js': test('d', "require(path.join(ROOT, 'src/d'))"),
  'test/e.test.js': test('e', 'require(`${ROOT}/src/e`)'),
  'test/f.test.js': test('f', "require(__dirname + '/../src/f')"),
  'test/lib.test.js': test('lib', "require(path.resolve('src', 'lib'))"),
  // A name that holds the path, wherever it is declared.
  'test/g.test.js': test('g', 'require(file)', "const file = path.join(ROOT, 'src/g')"),
  'test/h.test.js': test('h', 'require(file)', "const file = path.resolve(__dirname, '../src/h')"),
  'test/j.test.js': test('j', "require(require.resolve(path.join(ROOT, 'src/j')))"),
  'test/i.test.js': test(
    'i',
    'load()',
    "function load() {\n  let file = '../src/i'\n  return require(file)\n}"
  ),
  // What the test takes of the module: `total` alone.
  'test/two.test.js': test('two', '{ total }', "const { total } = require(path.join(ROOT, 'src', 'two'))"),
  'test/other.test.js': test('other', "require('../src/other')")
}

describe('a require of a path built at run time', () => {
  it.each([
    ['src/a.js', ['test/a.test.js']],
    ['src/b.js', ['test/b.test.js']],
    ['src/c.js', ['test/c.test.js']],
    ['src/d.js', ['test/d.test.js']],
    ['src/e.js', ['test/e.test.js']],
    ['src/f.js', ['test/f.test.js']],
    ['src/lib/index.js', ['test/lib.test.js']],
    ['src/g.js', ['test/g.test.js']],
    ['src/h.js', ['test/h.test.js']],
    ['src/i.js', ['test/i.test.js']],
    ['src/j.js', ['test/j.test.js']],
    ['src/other.js', ['test/other.test.js']]
  ])('a change to %s selects the test that fails', async (file, failing) => {
    await expectEditSelects(FILES, [file as keyof typeof FILES, 'n * 2', 'n * 3'], failing, failing)
  })

  it('selects the test by what it takes of the module', async () => {
    await expectEditSelects(
      FILES,
      ['src/two.js', 'n * 2', 'n * 3'],
      ['test/two.test.js'],
      ['test/two.test.js']
    )
    await expectEditSelects(FILES, ['src/two.js', "'EUR'", "'USD'"], [], [])
  })
})

const JEST_FILES = {
  'package.json': JSON.stringify({ name: 'built-mocks', scripts: { test: 'jest' } }),
  'src/a.js': 'exports.total = (n) => n * 2\n',
  'src/b.js': 'exports.total = (n) => n * 2\n',
  'src/c.js': 'exports.total = (n) => n * 2\n',
  'src/d.js': 'exports.total = (n) => n * 2\n',
  'src/other.js': 'exports.total = (n) => n * 2\n',
  'test/actual.test.js': [
    "const path = require('path')",
    "const ROOT = path.join(__dirname, '..')",
    "const { total } = jest.requireActual(path.join(ROOT, 'src/a'))",
    "test('a', () => expect(total(2)).toBe(4))",
    ''
  ].join('\n'),
  'test/template.test.js': [
    "const ROOT = require('path').resolve(__dirname, '..')",
    'const { total } = jest.requireActual(`${ROOT}/src/b`)',
    "test('b', () => expect(total(2)).toBe(4))",
    ''
  ].join('\n'),
  // A mock of the module that keeps the real one's members, all by a name that holds the path.
  'test/mocked.test.js': [
    "const file = require('path').join(__dirname, '..', 'src', 'c')",
    'jest.doMock(file, () => ({ ...jest.requireActual(file), extra: 1 }))',
    'const { total, extra } = jest.requireMock(file)',
    "test('c', () => expect(total(2) + extra).toBe(5))",
    ''
  ].join('\n'),
  'test/folder.test.js': [
    "const { total } = jest.requireActual(require('path').resolve(__dirname, '../src/d'))",
    "test('d', () => expect(total(2)).toBe(4))",
    ''
  ].join('\n'),
  'test/other.test.js':
    "const { total } = require('../src/other')\ntest('other', () => expect(total(2)).toBe(4))\n"
}

describe('a jest helper given a path built at run time', () => {
  it.each([
    ['src/a.js', ['test/actual.test.js']],
    ['src/b.js', ['test/template.test.js']],
    ['src/c.js', ['test/mocked.test.js']],
    ['src/d.js', ['test/folder.test.js']],
    ['src/other.js', ['test/other.test.js']]
  ])('a change to %s selects the test that fails', async (file, failing) => {
    await expectEditSelects(JEST_FILES, [file as keyof typeof JEST_FILES, 'n * 2', 'n * 3'], failing, failing)
  })
})
