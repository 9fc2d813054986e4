/**
 * Modules that only their path loads (file-based routing: a server lists its routes folder and
 * requires each file): a change that reaches one through its imports selects the tests that load
 * the module naming that folder. Checked against a real run of the suite (node --test).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects, selectAfterEdit } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const FILES = {
  'package.json': JSON.stringify({ name: 'routed', scripts: { test: 'node --test test/' } }),
  'src/server/router.js': [
    "const { readdirSync } = require('node:fs')",
    "const { join } = require('node:path')",
    'exports.loadRoutes = dir =>',
    "  Object.fromEntries(readdirSync(dir).map(file => [file.replace(/\\.js$/, ''), require(join(dir, file))]))",
    ''
  ].join('\n'),
  'src/app.js': [
    "const { join } = require('node:path')",
    "const { loadRoutes } = require('./server/router')",
    "exports.createApp = () => loadRoutes(join(__dirname, 'routes'))",
    ''
  ].join('\n'),
  'src/routes/users.js': [
    "const { fullName } = require('../lib/names')",
    "const { page } = require('../lib/paging')",
    'exports.get = (users, n) => page(users, n).map(fullName)',
    ''
  ].join('\n'),
  'src/routes/health.js': "exports.get = () => 'ok'\n",
  // A route that loads a folder of plugins the same way: a plugin is two folders from the app.
  'src/routes/plugins.js': [
    "const { join } = require('node:path')",
    "const { loadRoutes } = require('../server/router')",
    "exports.get = () => Object.values(loadRoutes(join(__dirname, '..', 'plugins'))).map(plugin => plugin.run())",
    ''
  ].join('\n'),
  'src/plugins/hello.js': "const { greet } = require('../lib/greet')\nexports.run = () => greet('x')\n",
  'src/lib/greet.js': 'exports.greet = name => `hello ${name}`\n',
  // Lists a folder named by one word, which a route's path has too (as medusa's router has
  // '/admin'): not the routes' folder, and a route whose own text is the same is not read.
  'src/menu.js': [
    "const { existsSync, readdirSync } = require('node:fs')",
    "exports.items = () => (existsSync('routes/') ? readdirSync('routes/') : [])",
    ''
  ].join('\n'),
  // Run by its path too (`node src/cli.js`), but nothing names it.
  'src/cli.js': "const { shout } = require('./lib/shout')\nconsole.log(shout(process.argv[2]))\n",
  'src/lib/shout.js': 'exports.shout = s => s.toUpperCase()\n',
  'src/lib/names.js': [
    'exports.fullName = user => `${user.first} ${user.last}`',
    'exports.initials = user => user.first[0] + user.last[0]',
    ''
  ].join('\n'),
  'src/lib/paging.js': 'exports.page = (items, n) => items.slice(0, n)\n',
  'test/app.test.js': [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const { createApp } = require('../src/app')",
    "test('users', () => assert.deepStrictEqual(createApp().users.get([{ first: 'a', last: 'b' }], 1), ['a b']))",
    "test('health', () => assert.strictEqual(createApp().health.get(), 'ok'))",
    "test('plugins', () => assert.deepStrictEqual(createApp().plugins.get(), ['hello x']))",
    ''
  ].join('\n'),
  'test/menu.test.js': [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const { items } = require('../src/menu')",
    "test('items', () => assert.deepStrictEqual(items(), []))",
    ''
  ].join('\n'),
  'test/names.test.js': [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const { initials } = require('../src/lib/names')",
    "test('initials', () => assert.strictEqual(initials({ first: 'a', last: 'b' }), 'ab'))",
    ''
  ].join('\n')
}

/**
 * Each edit, the tests it breaks in a real run, and the tests it selects: all of those, and for a
 * route changed itself, what lists a folder of its name (its text changed, and may be read).
 */
const EDITS: Array<
  [file: keyof typeof FILES, from: string, to: string, failing: string[], selected: string[]]
> = [
  [
    'src/lib/names.js',
    '${user.first} ${user.last}',
    '${user.last}',
    ['test/app.test.js'],
    ['test/app.test.js']
  ],
  ['src/lib/paging.js', 'slice(0, n)', 'slice(1, n)', ['test/app.test.js'], ['test/app.test.js']],
  [
    'src/lib/names.js',
    'user.first[0] + user.last[0]',
    'user.last[0]',
    ['test/names.test.js'],
    ['test/names.test.js']
  ],
  ['src/lib/greet.js', 'hello', 'hi', ['test/app.test.js'], ['test/app.test.js']],
  ['src/routes/health.js', "'ok'", "'up'", ['test/app.test.js'], ['test/app.test.js', 'test/menu.test.js']],
  ['src/lib/shout.js', 'toUpperCase', 'toLowerCase', [], []]
]

describe('a change that reaches a module only its path loads', () => {
  it.each(EDITS)('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file, from, to], failing, selected)
  })

  it('gives the way from the change through the route to the module that names its folder', async () => {
    const { result } = await selectAfterEdit(FILES, 'src/lib/paging.js', 'slice(0, n)', 'slice(1, n)')
    expect(result.reasons['test/app.test.js']).toEqual([
      'src/lib/paging.js#exports.page',
      'src/lib/paging.js#page',
      'src/routes/users.js',
      'src/app.js',
      'test/app.test.js'
    ])
  })

  it('goes on from a module that names a folder of such modules and is one itself', async () => {
    const { result } = await selectAfterEdit(FILES, 'src/lib/greet.js', 'hello', 'hi')
    expect(result.reasons['test/app.test.js']).toEqual([
      'src/lib/greet.js#exports.greet',
      'src/lib/greet.js#greet',
      'src/plugins/hello.js',
      'src/routes/plugins.js',
      'src/app.js',
      'test/app.test.js'
    ])
    expect(result.reach['test/app.test.js']).toEqual(['src/lib/greet.js#exports.greet'])
  })
})
