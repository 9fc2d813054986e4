/**
 * Files that differ in their extension alone (`src/a.ts` beside `src/a.js`, a compiled copy or a
 * port), or a file and a folder of the same name (`src/c.ts` beside `src/c/index.js`): an import
 * that leaves the extension out loads whichever the runner takes first. Node, jest's default
 * moduleFileExtensions and Vite take `.js` first, and node does not know `.ts` at all, where
 * TypeScript takes `.ts`. A change to either file selects the test, checked against real runs.
 */
import { afterAll, describe, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const JEST_FILES = {
  'package.json': JSON.stringify({ name: 'siblings-jest', scripts: { test: 'jest' } }),
  'src/a.ts': 'export const total = (n: number): number => n * 2\n',
  'src/a.js': 'exports.total = (n) => n * 2\n',
  'src/other.js': 'exports.total = (n) => n * 2\n',
  'test/a.test.js': "const { total } = require('../src/a')\ntest('a', () => expect(total(2)).toBe(4))\n",
  'test/other.test.js':
    "const { total } = require('../src/other')\ntest('other', () => expect(total(2)).toBe(4))\n"
}

describe('a file beside one that differs in its extension alone (jest)', () => {
  it('selects the test for a change to the file jest loads (.js before .ts)', async () => {
    await expectEditSelects(
      JEST_FILES,
      ['src/a.js', 'n * 2', 'n * 3'],
      ['test/a.test.js'],
      ['test/a.test.js']
    )
  })

  it('selects it for a change to the other too, which another runner would load', async () => {
    await expectEditSelects(JEST_FILES, ['src/a.ts', 'n * 2', 'n * 3'], [], ['test/a.test.js'])
  })

  it('selects nothing else', async () => {
    await expectEditSelects(
      JEST_FILES,
      ['src/other.js', 'n * 2', 'n * 3'],
      ['test/other.test.js'],
      ['test/other.test.js']
    )
  })
})

const test = (name: string, load: string): string =>
  [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    `const { total } = ${load}`,
    `test('${name}', () => assert.strictEqual(total(2), 4))`,
    ''
  ].join('\n')

const NODE_FILES = {
  'package.json': JSON.stringify({ name: 'siblings-node', scripts: { test: 'node --test test/' } }),
  'src/b.ts': 'export const total = (n: number): number => n * 2\n',
  'src/b.cjs': 'exports.total = (n) => n * 2\n',
  'src/b.js': "module.exports = require('./b.cjs')\n",
  'src/c.ts': 'export const total = (n: number): number => n * 2\n',
  'src/c/index.js': 'exports.total = (n) => n * 2\n',
  // It names the file: that one alone.
  'src/d.ts': 'export const total = (n: number): number => n * 2\n',
  'src/d.cjs': 'exports.total = (n) => n * 2\n',
  'test/b.test.js': test('b', "require('../src/b')"),
  'test/c.test.js': test('c', "require('../src/c')"),
  'test/d.test.js': test('d', "require('../src/d.cjs')"),
  // A path from the working directory (node --test runs from the package's folder).
  'src/e.ts': 'export const total = (n: number): number => n * 2\n',
  'src/e.js': 'exports.total = (n) => n * 2\n',
  'test/e.test.js': test('e', "require(require('node:path').resolve('src/e'))")
}

describe('a file beside one that differs in its extension alone (node --test)', () => {
  it.each([
    ['src/b.cjs', ['test/b.test.js']],
    // node knows no `.ts`: `../src/c` is the folder's index.
    ['src/c/index.js', ['test/c.test.js']],
    ['src/d.cjs', ['test/d.test.js']],
    ['src/e.js', ['test/e.test.js']]
  ])('a change to %s selects the test that loads it', async (file, failing) => {
    await expectEditSelects(NODE_FILES, [file as keyof typeof NODE_FILES, 'n * 2', 'n * 3'], failing, failing)
  })

  it('a change to a file an import names with another extension selects no test', async () => {
    await expectEditSelects(NODE_FILES, ['src/d.ts', 'n * 2', 'n * 3'], [], [])
  })
})
