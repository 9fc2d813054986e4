/**
 * A test that runs a built file by its path (`node dist/index.js`, as an action's or a CLI's end
 * to end test does), where a support module builds the path from a folder known only at run time:
 * `new URL('../..', import.meta.url)`, `process.cwd()`, `import.meta.dirname`, or a name holding a
 * folder joined so (`const DIST = join(ROOT, 'dist')`). A change to the built
 * file selects the tests that run it, also when other modules import it. Checked against real runs
 * of the suite (node --test).
 */
import { afterAll, describe, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const FILES = {
  'package.json': JSON.stringify({ name: 'built', type: 'module', scripts: { test: 'node --test test/' } }),
  'dist/index.js': "console.log(process.argv[2].toUpperCase())\nexport const name = 'shout'\n",
  'dist/cli.js': "console.log(process.argv[2].split('').reverse().join(''))\n",
  'dist/list.js': "console.log(process.argv.slice(2).join(','))\n",
  'dist/tool.js': 'console.log(process.argv[2].length)\n',
  'dist/mark.js': 'console.log(`*${process.argv[2]}*`)\n',
  'support/run.js': [
    "import { spawnSync } from 'node:child_process'",
    "import { join, resolve } from 'node:path'",
    "import { fileURLToPath } from 'node:url'",
    "export const ROOT = fileURLToPath(new URL('..', import.meta.url))",
    "export const ENTRY = join(ROOT, 'dist', 'index.js')",
    "export const CLI = join(process.cwd(), 'dist', 'cli.js')",
    "export const LIST = join(import.meta.dirname ?? fileURLToPath(new URL('.', import.meta.url)), '..', 'dist', 'list.js')",
    // A folder held by a name: from some folder, and from this file's.
    "const DIST = join(ROOT, 'dist')",
    "export const TOOL = join(DIST, 'tool.js')",
    "const BUILD = resolve(import.meta.dirname, '..', 'dist')",
    "export const MARK = join(BUILD, 'mark.js')",
    "export const run = (entry, ...args) => spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8' }).stdout.trim()",
    ''
  ].join('\n'),
  'test/entry.test.js': [
    "import { test } from 'node:test'",
    "import assert from 'node:assert'",
    "import { ENTRY, run } from '../support/run.js'",
    "test('shouts', () => assert.strictEqual(run(ENTRY, 'a'), 'A'))",
    ''
  ].join('\n'),
  'test/cli.test.js': [
    "import { test } from 'node:test'",
    "import assert from 'node:assert'",
    "import { CLI, run } from '../support/run.js'",
    "test('reverses', () => assert.strictEqual(run(CLI, 'ab'), 'ba'))",
    ''
  ].join('\n'),
  'test/list.test.js': [
    "import { test } from 'node:test'",
    "import assert from 'node:assert'",
    "import { LIST, run } from '../support/run.js'",
    "test('lists', () => assert.strictEqual(run(LIST, 'a', 'b'), 'a,b'))",
    ''
  ].join('\n'),
  'test/tool.test.js': [
    "import { test } from 'node:test'",
    "import assert from 'node:assert'",
    "import { TOOL, run } from '../support/run.js'",
    "test('counts', () => assert.strictEqual(run(TOOL, 'abc'), '3'))",
    ''
  ].join('\n'),
  'test/mark.test.js': [
    "import { test } from 'node:test'",
    "import assert from 'node:assert'",
    "import { MARK, run } from '../support/run.js'",
    "test('marks', () => assert.strictEqual(run(MARK, 'a'), '*a*'))",
    ''
  ].join('\n'),
  // Runs another file of the same name: the path joined is what names a file, not its last part.
  'other/index.js': "console.log('other')\n",
  'support/other.js': [
    "import { spawnSync } from 'node:child_process'",
    "import { join } from 'node:path'",
    "export const OTHER = join(process.cwd(), 'other', 'index.js')",
    "export const runOther = () => spawnSync(process.execPath, [OTHER], { encoding: 'utf8' }).stdout.trim()",
    ''
  ].join('\n'),
  'test/other.test.js': [
    "import { test } from 'node:test'",
    "import assert from 'node:assert'",
    "import { runOther } from '../support/other.js'",
    "test('other', () => assert.strictEqual(runOther(), 'other'))",
    ''
  ].join('\n'),
  // Imports the built file too: it is a module some code loads, not only a file run by path.
  'test/name.test.js': [
    "import { test } from 'node:test'",
    "import assert from 'node:assert'",
    "test('names', async () => { process.argv[2] ??= 'x'; assert.strictEqual((await import('../dist/index.js')).name, 'shout') })",
    "test('loads', async () => { await import('../dist/tool.js'); await import('../dist/mark.js') })",
    ''
  ].join('\n')
}

/** Every test that imports the module naming the path runs: the module changes as a whole. */
const RUNS_DIST = [
  'test/cli.test.js',
  'test/entry.test.js',
  'test/list.test.js',
  'test/mark.test.js',
  'test/tool.test.js'
]

/** And the test that imports the built files. */
const AND_LOADER = [...RUNS_DIST, 'test/name.test.js'].sort()

describe('a built file a test runs by a path built at run time', () => {
  it.each([
    ['dist/index.js', 'toUpperCase', 'toLowerCase', ['test/entry.test.js'], AND_LOADER],
    ['dist/cli.js', '.reverse()', '', ['test/cli.test.js'], RUNS_DIST],
    ['dist/list.js', "join(',')", "join(';')", ['test/list.test.js'], RUNS_DIST],
    ['dist/tool.js', '.length', '.length + 1', ['test/tool.test.js'], AND_LOADER],
    ['dist/mark.js', '`*', '`+', ['test/mark.test.js'], AND_LOADER],
    ['other/index.js', "'other'", "'another'", ['test/other.test.js'], ['test/other.test.js']]
  ] as const)('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file, from, to], [...failing], [...selected])
  })
})
