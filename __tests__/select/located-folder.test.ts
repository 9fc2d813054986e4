/**
 * `dirname(require.resolve(x))` locates a package's folder, to read or list files there (medusa's
 * admin bundler hands its dashboard's to Tailwind): it names that folder, and does not load x.
 * Checked against a real run of the suite (node --test), with both graphs.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { scanJs } from '../../src/select/js-scanner.js'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects, selectAfterEdit } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const FILES = {
  // A package of the repository by a name, as a workspace's is (node_modules is this project's).
  'package.json': JSON.stringify({
    name: 'site',
    scripts: { test: 'node --test test/' },
    imports: { '#widgets': './packages/widgets/lib/index.js' }
  }),
  'packages/widgets/package.json': JSON.stringify({ name: 'widgets', main: 'lib/index.js' }),
  'packages/widgets/lib/index.js':
    "const { frame } = require('./frame')\nexports.card = title => frame(title)\n",
  'packages/widgets/lib/frame.js': 'exports.frame = text => `[${text}]`\n',
  'packages/widgets/templates/card.html': '<div>{{title}}</div>\n',
  // The browser's entry (an index.html loads it): nothing here loads it, and nothing runs it by path.
  'packages/widgets/lib/main.js':
    "const { card } = require('./index')\ndocument.body.innerHTML = card('home')\n",
  'packages/widgets/index.html': '<script type="module" src="/lib/main.js"></script>\n',
  // Nothing loads it: it is run by its path.
  'packages/widgets/scripts/colors.js': "process.stdout.write(['red', 'blue'].join(','))\n",
  // Reads every page of the package, as Tailwind reads the files it is given.
  'src/theme.js': [
    "const { readdirSync, readFileSync } = require('node:fs')",
    "const path = require('node:path')",
    "const widgets = path.join(path.dirname(require.resolve('#widgets')), '..')",
    'exports.pages = () =>',
    '  readdirSync(widgets, { recursive: true })',
    "    .filter(file => file.endsWith('.html'))",
    '    .sort()',
    "    .map(file => readFileSync(path.join(widgets, file), 'utf8'))",
    ''
  ].join('\n'),
  'src/colors.js': [
    "const { execFileSync } = require('node:child_process')",
    "const { dirname, join } = require('node:path')",
    "const widgets = dirname(require.resolve('#widgets'))",
    "exports.colors = () => execFileSync(process.execPath, [join(widgets, '../scripts/colors.js')], { encoding: 'utf8' })",
    ''
  ].join('\n'),
  'test/theme.test.js': [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const { pages } = require('../src/theme')",
    "test('pages', () => assert.ok(pages().includes('<div>{{title}}</div>\\n')))",
    ''
  ].join('\n'),
  'test/colors.test.js': [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const { colors } = require('../src/colors')",
    "test('colors', () => assert.strictEqual(colors(), 'red,blue'))",
    ''
  ].join('\n'),
  'test/widgets.test.js': [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const { card } = require('../packages/widgets')",
    "test('card', () => assert.strictEqual(card('x'), '[x]'))",
    ''
  ].join('\n')
}

/** Each edit, the tests it breaks in a real run, and the tests it selects. */
const EDITS: Array<
  [file: keyof typeof FILES, from: string, to: string, failing: string[], selected: string[]]
> = [
  // The located package's code: what loads it, and a module that reads files in its folder (it
  // may read this one's text). It reaches the browser's entry, which the package's folder holds,
  // but a folder located so is read (styles, templates, sources for Tailwind): a module of it that
  // nothing loads, reached, is not taken to be run from there.
  [
    'packages/widgets/lib/frame.js',
    '[${text}]',
    '(${text})',
    ['test/widgets.test.js'],
    ['test/theme.test.js', 'test/widgets.test.js']
  ],
  // A file in the package's folder that no module loads: every module that locates the folder
  // may read or run it.
  [
    'packages/widgets/templates/card.html',
    '<div>',
    '<p>',
    ['test/theme.test.js'],
    ['test/colors.test.js', 'test/theme.test.js']
  ],
  [
    'packages/widgets/scripts/colors.js',
    "'blue'",
    "'green'",
    ['test/colors.test.js'],
    ['test/colors.test.js', 'test/theme.test.js']
  ]
]

describe('a module that locates a package folder with dirname(require.resolve(…))', () => {
  it('scans the call as naming the folder, and a plain require.resolve as a load', () => {
    const scan = scanJs(
      [
        "const a = path.dirname(require.resolve('widgets'))",
        'const b = dirname(require.resolve(`./local`))',
        "const c = require.resolve('./setup')",
        "const d = dirname(require.resolve('./other').replace('x', 'y'))",
        ''
      ].join('\n'),
      'src/x.js'
    )
    expect(scan.imports.map(record => [record.spec, record.kind])).toEqual([
      ['widgets', 'folder'],
      ['./local', 'folder'],
      ['./setup', 'require'],
      ['./other', 'require']
    ])
  })

  it.each(EDITS)('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file, from, to], failing, selected)
  })

  it('says which module names the folder the changed file is in', async () => {
    const file = 'packages/widgets/scripts/colors.js'
    const { result } = await selectAfterEdit(FILES, file, "'blue'", "'green'")
    expect(result.reasons['test/colors.test.js']).toEqual([file, 'src/colors.js', 'test/colors.test.js'])
  })
})
