/**
 * A page's scripts: a test that loads an HTML page (as jsdom's `runScripts` does, or a browser)
 * runs the scripts the page names, so a change to one of them, or to what it imports, selects the
 * test. Checked against a real run of the suite (node --test).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { htmlModule } from '../../src/select/html.js'
import { scanSource } from '../../src/select/scan-blob.js'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects, selectAfterEdit } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const FILES = {
  'package.json': JSON.stringify({ name: 'page', scripts: { test: 'node --test test/' } }),
  'public/index.html': [
    '<!doctype html>',
    '<html>',
    '  <head>',
    '    <link rel="stylesheet" href="style.css">',
    '    <!-- <script src="js/old.js"></script> -->',
    '  </head>',
    '  <body>',
    '    <p id="total"></p>',
    '    <p id="sum"></p>',
    '    <script src="/js/format.js"></script>',
    '    <script src=app.js defer></script>',
    '    <script type="module" src="./js/main.mjs"></script>',
    '  </body>',
    '</html>',
    ''
  ].join('\n'),
  'public/style.css': 'p { color: teal }\n',
  'public/js/format.js': 'window.format = n => n.toFixed(2)\n',
  'public/app.js': "document.getElementById('total').textContent = window.format(1 + 2)\n",
  'public/js/main.mjs': [
    "import { sum } from './sum.mjs'",
    "document.getElementById('sum').textContent = String(sum([1, 2, 3]))",
    ''
  ].join('\n'),
  'public/js/sum.mjs': [
    'export const sum = xs => xs.reduce((a, b) => a + b, 0)',
    'export const mean = xs => sum(xs) / xs.length',
    ''
  ].join('\n'),
  'public/js/old.js': 'window.old = true\n',
  // What jsdom does with runScripts: 'dangerously' and resources: 'usable', for these pages: the
  // page's scripts in order, classic ones in the page's global scope, modules as modules.
  'support/page.js': [
    "const { readFileSync } = require('node:fs')",
    "const { dirname, join } = require('node:path')",
    "const { pathToFileURL } = require('node:url')",
    "const vm = require('node:vm')",
    'exports.loadPage = async file => {',
    "  const html = readFileSync(file, 'utf8').replace(/<!--[\\s\\S]*?-->/g, '')",
    '  const elements = new Map()',
    '  for (const [, id] of html.matchAll(/id="([^"]+)"/g)) elements.set(id, { textContent: \'\' })',
    '  const document = { getElementById: id => elements.get(id) ?? null }',
    '  const page = vm.createContext({ document })',
    '  page.window = page',
    '  for (const [, attributes] of html.matchAll(/<script\\b([^>]*)><\\/script>/g)) {',
    '    const [, quoted, bare] = /src=(?:"([^"]+)"|([^\\s>]+))/.exec(attributes)',
    "    const path = join(dirname(file), (quoted ?? bare).replace(/^\\//, ''))",
    '    if (/type="module"/.test(attributes)) {',
    '      globalThis.document = document',
    '      await import(pathToFileURL(path).href)',
    "    } else vm.runInContext(readFileSync(path, 'utf8'), page, { filename: path })",
    '  }',
    '  return { text: id => elements.get(id)?.textContent }',
    '}',
    ''
  ].join('\n'),
  // Serves the page's folder (as express.static would): the page is data it hands out.
  'src/server.js':
    "const { join } = require('node:path')\nexports.publicFolder = join(__dirname, '..', 'public')\n",
  'test/server.test.js': [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const { publicFolder } = require('../src/server')",
    "test('serves public/', () => assert.ok(publicFolder.endsWith('public')))",
    ''
  ].join('\n'),
  'test/page.test.js': [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "const { join } = require('node:path')",
    "const { loadPage } = require('../support/page')",
    "test('the page shows the total and the sum', async () => {",
    "  const page = await loadPage(join(__dirname, '..', 'public', 'index.html'))",
    "  assert.strictEqual(page.text('total'), '3.00')",
    "  assert.strictEqual(page.text('sum'), '6')",
    '})',
    ''
  ].join('\n'),
  'test/mean.test.js': [
    "const { test } = require('node:test')",
    "const assert = require('node:assert')",
    "test('mean', async () => {",
    "  const { mean } = await import('../public/js/sum.mjs')",
    '  assert.strictEqual(mean([1, 2, 3]), 2)',
    '})',
    ''
  ].join('\n')
}

/** Each edit, the tests it breaks in a real run, and the tests it selects. */
const EDITS: Array<
  [file: keyof typeof FILES, from: string, to: string, failing: string[], selected: string[]]
> = [
  // Loaded by a classic script tag (a path from the server's root), and by one without quotes.
  ['public/js/format.js', 'toFixed(2)', 'toFixed(1)', ['test/page.test.js'], ['test/page.test.js']],
  ['public/app.js', '1 + 2', '1 + 3', ['test/page.test.js'], ['test/page.test.js']],
  // Through a module script's imports: `sum` reaches both tests, `mean` only the one that reads it.
  [
    'public/js/sum.mjs',
    'a + b, 0)',
    'a + b, 1)',
    ['test/mean.test.js', 'test/page.test.js'],
    ['test/mean.test.js', 'test/page.test.js']
  ],
  ['public/js/sum.mjs', '/ xs.length', '/ 2', ['test/mean.test.js'], ['test/mean.test.js']],
  // The page itself, and a stylesheet it links (the test that loads the page may read styles),
  // both data the server hands out from the folder it names.
  [
    'public/index.html',
    'id="total"',
    'id="grand-total"',
    ['test/page.test.js'],
    ['test/page.test.js', 'test/server.test.js']
  ],
  ['public/style.css', 'teal', 'navy', [], ['test/page.test.js', 'test/server.test.js']],
  // Named only inside a comment: the page does not load it, the server may serve it.
  ['public/js/old.js', 'true', 'false', [], ['test/server.test.js']]
]

describe("a page's scripts", () => {
  it.each(EDITS)('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file, from, to], failing, selected)
  })

  it('gives the way from the script through the page to the test that loads it', async () => {
    const { result } = await selectAfterEdit(FILES, 'public/js/sum.mjs', 'a + b, 0)', 'a + b, 1)')
    expect(result.reasons['test/page.test.js']).toEqual([
      'public/js/sum.mjs#sum',
      'public/js/main.mjs#sum',
      'public/js/main.mjs',
      'public/index.html',
      'test/page.test.js'
    ])
  })
})

describe('htmlModule', () => {
  const importsOf = (html: string): string[] =>
    scanSource('html', html, 'site/index.html').imports.map(record => record.spec)
  const stringsOf = (html: string): string[] => scanSource('html', html, 'site/index.html').strings

  it.each([
    ['a relative URL', '<script src="app.js"></script>', ['./app.js']],
    [
      'a path from the root, as Vite reads it from the page folder',
      '<script src="/src/main.ts"></script>',
      ['./src/main.ts']
    ],
    ['a parent folder', "<script src='../shared/x.js'></script>", ['../shared/x.js']],
    ['an unquoted attribute and a query', '<SCRIPT SRC=app.js?v=3 defer></SCRIPT>', ['./app.js']],
    ['a module preload', '<link rel="modulepreload" href="/chunk.js">', ['./chunk.js']],
    ['inline module code', '<script type="module">import "./boot.js"</script>', ['./boot.js']],
    ['a URL with a scheme', '<script src="https://cdn.example.com/x.js"></script>', []],
    ['a protocol-relative URL', '<script src="//cdn.example.com/x.js"></script>', []],
    [
      'a template placeholder',
      '<script src="{{ url_for(\'x.js\') }}"></script><script src="%PUBLIC_URL%/y.js"></script>',
      []
    ],
    ['a commented-out script', '<!-- <script src="old.js"></script> -->', []],
    ['a script that is data', '<script type="text/template" src="t.js"></script>', []]
  ])('imports %s', (_, html, imports) => {
    expect(importsOf(html)).toEqual(imports)
  })

  it('keeps other local URLs, and the paths in an import map, as path strings', () => {
    const html = [
      '<link rel="stylesheet" href="css/site.css">',
      '<img src="img/logo.png#top"><a href="/">home</a><a href="mailto:a@b.c">mail</a>',
      '<script type="importmap">{ "imports": { "lib": "./vendor/lib.js" } }</script>'
    ].join('\n')
    expect(stringsOf(html)).toEqual(['./css/site.css', './img/logo.png', './vendor/lib.js'])
  })

  it('leaves out inline code that does not tokenize on its own (a server template)', () => {
    const html = '<script>var data = {{ data|tojson }}; var s = "{% x %}</script><script>go()</script>'
    expect(htmlModule(html)).not.toContain('tojson')
    expect(htmlModule(html)).toContain('go()')
    expect(scanSource('html', html, 'index.html').error).toBeUndefined()
  })

  it('changes with any edit of the page', () => {
    const symbols = (html: string): string | undefined =>
      scanSource('html', html, 'index.html').symbols['<module>']?.hash
    expect(symbols('<p id="a">1</p>')).not.toEqual(symbols('<p id="a">2</p>'))
    expect(symbols('<p id="a">1</p>')).toEqual(symbols('<p id="a">1</p>'))
  })
})
