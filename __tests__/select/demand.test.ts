/**
 * The demand-driven graph must decide exactly what the full graph decides. These repositories
 * resolve imports by every rule whose specifier does not end in the target's own name (aliases,
 * mappers, package entries, `..`), and a generated project takes random edits.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Git } from '../../src/ports/git.js'
import { streamLogger } from '../../src/ports/log.js'
import {
  exportableWords,
  holedPattern,
  importedAt,
  joinedToFolder,
  mayImportAt,
  namedImportAt,
  rootedAt,
  pythonImports,
  quotedCandidates
} from '../../src/select/demand.js'
import { lastSegment } from '../../src/select/quick-pass.js'
import { globMatcher } from '../../src/select/glob-imports.js'
import { scanJs } from '../../src/select/js-scanner.js'
import { selectTests, type SelectResult } from '../../src/select/index.js'
import { generateProject, rng } from '../../scripts/select-gen.mjs'
import { cleanupAll, createRepo, makeTempDir, runGit } from '../support/git-repo.js'
import { selectBothWays } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())
const ROOT = join(import.meta.dirname, '../..')
const quiet = streamLogger(() => undefined)

/** Selects base..HEAD both ways (see selectBothWays), with the demand-driven graph kept. */
async function bothWays(dir: string, base: string): Promise<SelectResult> {
  const demand = await selectBothWays(dir, base)
  expect(demand.stats.graph).toBe('demand')
  return demand
}

describe('quoted candidates', () => {
  const all = (text: string): string[] => {
    const found: string[] = []
    quotedCandidates(text, spec => found.push(spec))
    return found
  }

  it('finds a specifier after a stray quote on the same line, and template literals over lines', () => {
    expect(all(`const s = "it's"; const m = require('./real')`)).toContain('./real')
    expect(all("// don't\nimport x from './after-comment'")).toContain('./after-comment')
    expect(all('const m = import(`./multi\nline`)')).toContain('./multi\nline')
    expect(all(`x('a'\n'b')`)).not.toContain('\n')
  })

  it('tells the strings a call joins to the file folder from the others', () => {
    /** Whether the string `quoted` (with its quotes, the first in `text`) is joined to the folder. */
    const joined = (text: string, quoted: string): boolean => {
      expect(text).toContain(quoted)
      return joinedToFolder(text, text.indexOf(quoted))
    }
    expect(joined("join(__dirname, 'fixtures', 'pm')", "'pm'")).toBe(true)
    expect(joined("join(__dirname, 'fixtures', 'pm')", "'fixtures'")).toBe(true)
    expect(joined('resolve(import.meta.dirname,\n  "..",\n  "lib")', '"lib"')).toBe(true)
    expect(joined("defineTest(__dirname, 'class', null, 'class/a')", "'class'")).toBe(true)
    // Cannot tell past a comment or an escaped quote: it may be.
    expect(joined("join(__dirname, /* up */ '..', 'pm')", "'pm'")).toBe(true)
    expect(joined("join(__dirname, 'it\\'s', 'pm')", "'pm'")).toBe(true)
    expect(joined("join(root, 'fixtures', 'pm')", "'pm'")).toBe(false)
    expect(joined("join(__dirname, `fixtures`, 'pm')", "'pm'")).toBe(false)
    expect(joined("const dirname = 'x'; run('pm')", "'pm'")).toBe(false)
    expect(joined("['pm']", "'pm'")).toBe(false)
  })

  it('tells the strings that may end a path built from a folder known only at run time', () => {
    /** Whether the string `quoted` (with its quotes, the last in `text`) may, in text and in bytes. */
    const rooted = (text: string, quoted: string): boolean => {
      expect(text).toContain(quoted)
      const quote = text.lastIndexOf(quoted)
      const bytes = Buffer.from(text)
      const inText = rootedAt(i => text.charCodeAt(i), quote)
      expect(rootedAt(i => bytes[i], quote)).toBe(inText)
      return inText
    }
    expect(rooted("require(path.resolve('src/a'))", "'src/a'")).toBe(true)
    expect(rooted("require(resolve( 'src', 'a'))", "'a'")).toBe(true)
    expect(rooted("require(join(process.cwd(), 'src', 'b'))", "'b'")).toBe(true)
    expect(rooted("require(ROOT + '/src/c')", "'/src/c'")).toBe(true)
    expect(rooted('require(`${ROOT}/src/d`)', '`${ROOT}/src/d`')).toBe(true)
    // Cannot tell past an escaped quote: it may be.
    expect(rooted("join('it\\'s', 'e')", "'e'")).toBe(true)
    expect(rooted("require('./a')", "'./a'")).toBe(false)
    expect(rooted("import x from './a'", "'./a'")).toBe(false)
    expect(rooted("join('src', 'a')", "'a'")).toBe(false)
    expect(rooted("jest.mock('./a')", "'./a'")).toBe(false)
    expect(rooted('require(`./${name}/a`)', '`./${name}/a`')).toBe(false)
    expect(rooted("x === 'a'", "'a'")).toBe(false)
  })

  it('gives the strings a path goes on past a pattern that holds every file the scanner loads by it', () => {
    /** The patterns of the strings of `text`, in text and in bytes alike. */
    const patterns = (text: string): string[] => {
      const bytes = Buffer.from(text)
      const found: string[] = []
      for (const match of text.matchAll(/(['"`])((?:(?!\1).)*)\1/g)) {
        const [quoted, , spec] = match as unknown as [string, string, string]
        const close = match.index + quoted.length - 1
        const pattern = holedPattern(spec, i => text.charCodeAt(i), match.index, close)
        expect(holedPattern(spec, i => bytes[i], match.index, close)).toBe(pattern)
        if (pattern !== undefined) found.push(pattern)
      }
      return found
    }
    expect(patterns("require(ROOT + '/src/rules/' + name)")).toEqual(['/src/rules/**'])
    expect(patterns("require(join(ROOT, 'src', 'steps', name))")).toEqual(['/steps/**'])
    expect(patterns("require(join(__dirname, '..', name))")).toEqual(['./../**'])
    expect(patterns("require(__dirname + '/' + name)")).toEqual(['./**'])
    expect(patterns('require(`${ROOT}/src/${kind}/x.js`)')).toEqual(['/src/**/x.js'])
    expect(patterns('require(`${__dirname}/../rules/${name}`)')).toEqual(['./../rules/**'])
    // Nothing goes on past it: no pattern.
    for (const none of [
      "require('./a')",
      "join(ROOT, 'a', 'b')",
      "f('a')",
      "['a']",
      'require(`${ROOT}/src/a`)',
      'require(`${ROOT}/${name}`)',
      'log(`${a}-${b}`)'
    ])
      expect(patterns(none)).toEqual([])
    // Every file the scanner's pattern loads, one of these loads too.
    const from = 'test/unit/x.test.js'
    const files = [
      'src/rules/one.js',
      'lib/src/rules/two.js',
      'src/views/home.js',
      'src/views/nested/home.js',
      'test/fixtures/a.json',
      'test/unit/b.js',
      'test/rules/c.js',
      'src/a.js'
    ]
    const sources = [
      "require(path.join(__dirname, '../../src/rules', name))",
      "require(path.join(__dirname, '..', 'fixtures', name))",
      "const file = path.join(__dirname, '..', 'rules', n); require(file)",
      'require(`${ROOT}/src/${kind}/home.js`)',
      'require(`${__dirname}/${name}`)',
      "require(ROOT + '/src/' + name + '.js')",
      "require(__dirname + '/../../src/views/' + name)",
      "require('../../src/rules/' + name)",
      "require(path.resolve('src', name))"
    ]
    for (const source of sources) {
      const globs = scanJs(source, from).imports.filter(record => record.kind === 'glob')
      expect([source, globs.length > 0]).toEqual([source, true])
      const wide = patterns(source)
      for (const file of files)
        if (globs.some(glob => globMatcher(from, glob.spec)?.loads(file)))
          expect([source, file, wide.some(pattern => globMatcher(from, pattern)?.loads(file))]).toEqual([
            source,
            file,
            true
          ])
    }
  })

  it('tells the strings the scanner may read as imports from operands, elements and later arguments', () => {
    const may = (text: string, quoted: string): boolean => {
      expect(text).toContain(quoted)
      return mayImportAt(Buffer.from(text), text.indexOf(quoted))
    }
    for (const text of [
      "import { a } from '.'",
      "import '.'",
      "const a = require('.')",
      "const a = require( /* here */ '.')",
      "jest.mock('.', () => ({}))",
      "await import('.')",
      "require.resolve('.')",
      "require(join(__dirname, 'x', '.'))",
      "defineTest(__dirname, '.')",
      "return '.'"
    ])
      expect({ text, may: may(text, "'.'") }).toEqual({ text, may: true })
    for (const text of [
      "name.split('.')",
      "name === '.'",
      "const config = { main: '.' }",
      "['build', '.']",
      "exec('git', ['log', '.'])",
      "report('a', '.')",
      "run(x, '.')",
      "const x = '.'",
      "cond ? './a' : '.'"
    ])
      expect({ text, may: may(text, "'.'") }).toEqual({ text, may: false })
  })

  it('tells an import specifier from the other strings', () => {
    const imported = (text: string, quoted: string): boolean => {
      expect(text).toContain(quoted)
      return importedAt(text, text.indexOf(quoted))
    }
    expect(imported("import { a } from './a'", "'./a'")).toBe(true)
    expect(imported("export * from\n  './a'", "'./a'")).toBe(true)
    expect(imported("import './a'", "'./a'")).toBe(true)
    expect(imported("const a = require( './a')", "'./a'")).toBe(true)
    expect(imported("await import('./a')", "'./a'")).toBe(true)
    expect(imported("readdirSync('./a')", "'./a'")).toBe(false)
    expect(imported("Array.from('./a')", "'./a'")).toBe(false)
    expect(imported("x.require('./a')", "'./a'")).toBe(false)
    expect(imported("const from = './a'", "'./a'")).toBe(false)
    expect(imported("'./a'", "'./a'")).toBe(false)
  })

  it('reads Python import statements: parentheses, backslashes, aliases, indented ones', () => {
    const found: Array<[string, string[]]> = []
    pythonImports(
      [
        'import os, a.b.c as d',
        'from .pkg import (',
        '    one,  # the first',
        '    two as second,',
        ')',
        'from .. import \\',
        '    three',
        'def f():',
        '    from x.y import z',
        'print("import nothing")'
      ].join('\n'),
      (spec, names) => found.push([spec, names])
    )
    expect(found).toEqual([
      ['os', []],
      ['a.b.c', []],
      ['d', []],
      ['.pkg', ['one', 'two', 'second']],
      ['..', ['three']],
      ['x.y', ['z']]
    ])
  })

  it('reads the names an import list takes, and nothing from a string that may take the whole module', () => {
    const at = (text: string): string[] | undefined => {
      const names = namedImportAt(text, text.indexOf("'./t'"))
      return names && [...names].sort()
    }
    expect(at("import { a, b as c } from './t'")).toEqual(['a', 'as', 'b', 'c'])
    expect(at("x()\nimport type {\n  T,\n  type U\n} from './t'")).toEqual(['T', 'U', 'type'])
    expect(at("import d, { a } from './t'")).toEqual(['a', 'default'])
    expect(at("import d from './t'")).toEqual(['default'])
    expect(at("export { a, default as b } from './t'")).toEqual(['a', 'as', 'b', 'default'])
    for (const whole of [
      "import * as ns from './t'",
      "import d, * as ns from './t'",
      "export * from './t'",
      "export * as ns from './t'",
      "import './t'",
      "const t = require('./t')",
      "const { a } = require('./t')",
      "await import('./t')",
      "jest.mock('./t')",
      "import t = require('./t')",
      "import { a /* b */ } from './t'",
      "x.import { a } from './t'",
      "test('./t')"
    ])
      expect([whole, at(whole)]).toEqual([whole, undefined])
  })

  it("gives the words a module's names can be, unless it re-exports everything or is CommonJS", () => {
    const words = (text: string): string[] | undefined => {
      const found = exportableWords(Buffer.from(text))
      return found && [...found].sort()
    }
    expect(words("import { a } from './a'\nexport const b = a // café\n")).toEqual(
      ['a', 'b', 'café', 'const', 'export', 'from', 'import'].sort()
    )
    for (const text of [
      "export * from './all'\n",
      "export *as all from './all'\n",
      "export\n  * from './all'\n",
      "export /* everything */ * from './all'\n",
      'export // everything\n* from "./all"\n',
      'module.exports = { a: 1 }\n',
      'exports.a = 1\n',
      "const a = require('./a')\n"
    ])
      expect(words(text)).toBeUndefined()
  })

  it('files a specifier under its last segment; folder-only forms have none', () => {
    expect(lastSegment('../lib/util.js')).toBe('util.js')
    expect(lastSegment('@scope/pkg/')).toBe('pkg')
    expect(['.', '..', './', '../..', '', '/'].map(lastSegment)).toEqual([
      undefined, undefined, undefined, undefined, undefined, undefined
    ]) // prettier-ignore
  })
})

/** A module exporting `value` and a test of it, for each resolution rule. */
const fn = (name: string, n: number): string => `export function ${name}() {\n  return ${n}\n}\n`

const ALIASES = {
  'package.json': JSON.stringify({
    name: 'aliases',
    workspaces: ['packages/*'],
    imports: { '#internal': './src/hidden/secret.ts' },
    jest: {
      moduleNameMapper: {
        '^lib-(.*)$': '<rootDir>/libs/$1/main.ts',
        '^@tail/(.*)$': '<rootDir>/tail/$1',
        '^(.*)\\.view$': '<rootDir>/views/$1.ts'
      }
    }
  }),
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      baseUrl: '.',
      paths: {
        config: ['src/settings/prod.ts'],
        '~/*': ['src/*.component.ts'],
        '@app/*': ['src/*'],
        '~css/*.style': ['src/styles/*']
      }
    }
  }),
  'src/settings/prod.ts': fn('setting', 1),
  'src/button.component.ts': fn('button', 2),
  'src/app/deep.ts': fn('deep', 3),
  'libs/charts/main.ts': fn('chart', 4),
  'tail/kept.ts': fn('kept', 5),
  'vendor/widget/package.json': JSON.stringify({ main: 'lib/entry.ts' }),
  'vendor/widget/lib/entry.ts': fn('widget', 6),
  'src/hidden/secret.ts': fn('secret', 7),
  'packages/core/package.json': JSON.stringify({ name: '@acme/core', main: 'src/start.ts' }),
  'packages/core/src/start.ts': fn('core', 8),
  'src/parent/index.ts': fn('parentValue', 9),
  'src/parent/child/use.ts':
    "import { parentValue } from '..'\nexport const viaParent = () => parentValue()\n",
  'src/odd.js.ts': fn('odd', 10),
  'src/styles/btn.ts': fn('btnStyle', 11),
  'views/home.ts': fn('home', 12),
  'test/style.test.ts':
    "import { btnStyle } from '~css/btn.style'\ntest('s', () => expect(btnStyle()).toBe(11))\n",
  'test/home.test.ts': "import { home } from 'home.view'\ntest('h', () => expect(home()).toBe(12))\n",
  'src/quoted.ts': `const note = "it's"; export const lazy = () => import('./button.component')\n`,
  'test/setting.test.ts': "import { setting } from 'config'\ntest('s', () => expect(setting()).toBe(1))\n",
  'test/button.test.ts': "import { button } from '~/button'\ntest('b', () => expect(button()).toBe(2))\n",
  'test/deep.test.ts': "import { deep } from '@app/app/deep'\ntest('d', () => expect(deep()).toBe(3))\n",
  'test/chart.test.ts': "import { chart } from 'lib-charts'\ntest('c', () => expect(chart()).toBe(4))\n",
  'test/kept.test.ts': "import { kept } from '@tail/kept'\ntest('k', () => expect(kept()).toBe(5))\n",
  'test/widget.test.ts':
    "import { widget } from '../vendor/widget'\ntest('w', () => expect(widget()).toBe(6))\n",
  'test/secret.test.ts': "import { secret } from '#internal'\ntest('x', () => expect(secret()).toBe(7))\n",
  'test/core.test.ts': "import { core } from '@acme/core'\ntest('c', () => expect(core()).toBe(8))\n",
  'test/parent.test.ts':
    "import { viaParent } from '../src/parent/child/use'\ntest('p', () => expect(viaParent()).toBe(9))\n",
  'test/odd.test.ts': "import { odd } from '../src/odd.js'\ntest('o', () => expect(odd()).toBe(10))\n",
  'test/lazy.test.ts':
    "import { lazy } from '../src/quoted'\ntest('l', async () => expect(await lazy()).toBeTruthy())\n"
}

const EXPECTED: Record<string, string> = {
  'src/settings/prod.ts': 'test/setting.test.ts',
  'src/button.component.ts': 'test/button.test.ts',
  'src/app/deep.ts': 'test/deep.test.ts',
  'libs/charts/main.ts': 'test/chart.test.ts',
  'tail/kept.ts': 'test/kept.test.ts',
  'vendor/widget/lib/entry.ts': 'test/widget.test.ts',
  'src/hidden/secret.ts': 'test/secret.test.ts',
  'packages/core/src/start.ts': 'test/core.test.ts',
  'src/parent/index.ts': 'test/parent.test.ts',
  'src/odd.js.ts': 'test/odd.test.ts',
  'src/styles/btn.ts': 'test/style.test.ts',
  'views/home.ts': 'test/home.test.ts'
}

describe('demand-driven graph', () => {
  it('finds importers through aliases, mappers, package entries and `..`, as the full graph does', async () => {
    const repo = createRepo({ files: ALIASES })
    const base = repo.head()
    for (const [file, test] of Object.entries(EXPECTED)) {
      const text = ALIASES[file as keyof typeof ALIASES]
      repo.commit(`change ${file}`, { [file]: text.replace(/return (\d+)/, 'return $1 + 1') })
      const result = await bothWays(repo.dir, 'HEAD~1')
      expect({ file, tests: result.tests }).toEqual({ file, tests: expect.arrayContaining([test]) })
    }
    // The dynamic import behind a stray quote, and everything at once.
    expect((await bothWays(repo.dir, base)).tests).toEqual(
      expect.arrayContaining([...Object.values(EXPECTED), 'test/lazy.test.ts'])
    )
  })

  it('scans only the importers that may take a changed name or the whole module, and decides as the full graph', async () => {
    const files = {
      'src/t.ts': `${fn('a', 1)}${fn('b', 2)}export default function d() {\n  return 3\n}\n`,
      'src/cjs.js': 'exports.a = function () {\n  return 1\n}\nexports.b = () => 2\n',
      'src/barrel.ts': "export * from './t'\n",
      'test/a.test.ts': "import { a } from '../src/t'\ntest('a', () => expect(a()).toBe(1))\n",
      'test/b.test.ts': "import {\n  b as bee\n} from '../src/t'\ntest('b', () => expect(bee()).toBe(2))\n",
      'test/ns.test.ts': "import * as t from '../src/t'\ntest('n', () => expect(t.b()).toBe(2))\n",
      'test/default.test.ts': "import d, { b } from '../src/t'\ntest('d', () => expect(d() + b()).toBe(5))\n",
      'test/barrel.test.ts': "import { a } from '../src/barrel'\ntest('r', () => expect(a()).toBe(1))\n",
      'test/type.test.ts': "import type { B } from '../src/t'\ntest('t', () => expect(1).toBe(1))\n",
      'test/cjs-a.test.ts': "import { a } from '../src/cjs'\ntest('c', () => expect(a()).toBe(1))\n",
      'test/cjs-default.test.ts': "import c from '../src/cjs'\ntest('c', () => expect(c.b()).toBe(2))\n",
      'test/cjs-require.test.js':
        "const { b } = require('../src/cjs')\ntest('c', () => expect(b()).toBe(2))\n"
    }
    const repo = createRepo({ files })
    const change = async (file: keyof typeof files, from: string, to: string): Promise<string[]> => {
      repo.commit(`change ${file}`, { [file]: repo.read(file).replace(from, to) })
      return (await bothWays(repo.dir, 'HEAD~1')).tests
    }
    // The namespace import reads only `t.b`: it takes `b` alone.
    expect(await change('src/t.ts', 'return 1', 'return 10')).toEqual([
      'test/a.test.ts',
      'test/barrel.test.ts'
    ])
    expect(await change('src/t.ts', 'return 3', 'return 30')).toEqual(['test/default.test.ts'])
    expect(await change('src/t.ts', 'return 2', 'return 20')).toEqual([
      'test/b.test.ts',
      'test/default.test.ts',
      'test/ns.test.ts'
    ])
    // `exports.b = …` declares the export `b`; a default import of CommonJS takes all of it.
    expect(await change('src/cjs.js', '() => 2', '() => 20')).toEqual([
      'test/cjs-default.test.ts',
      'test/cjs-require.test.js'
    ])
  })

  it('follows a plain import through a folder whose name looks like a pattern (`[id]`)', async () => {
    const repo = createRepo({
      files: {
        'app/[id]/page.ts': fn('page', 1),
        'test/page.test.ts':
          "import { page } from '../app/[id]/page'\ntest('p', () => expect(page()).toBe(1))\n"
      }
    })
    repo.commit('change page', { 'app/[id]/page.ts': fn('page', 2) })
    expect((await bothWays(repo.dir, 'HEAD~1')).tests).toEqual(['test/page.test.ts'])
  })

  it('selects the importers of a deleted or renamed module', async () => {
    const repo = createRepo({ files: ALIASES })
    repo.remove('src/app/deep.ts')
    repo.commit('delete deep')
    expect((await bothWays(repo.dir, 'HEAD~1')).tests).toContain('test/deep.test.ts')
    runGit(repo.dir, ['mv', 'tail/kept.ts', 'tail/moved.ts'])
    repo.commit('rename kept')
    expect((await bothWays(repo.dir, 'HEAD~1')).tests).toContain('test/kept.test.ts')
  })

  it('finds the modules that name, import or mock-import a data file, as the full graph does', async () => {
    const files = {
      'data/cases.json': '[1]',
      'data/table.csv': 'a,b\n',
      'src/load.ts':
        "import { readFileSync } from 'fs'\nexport const load = () => readFileSync('data/table.csv', 'utf8')\n",
      'src/cases.ts': "import cases from '../data/cases.json'\nexport const count = () => cases.length\n",
      'src/mentions.ts': '// reads data/table.csv elsewhere\nexport const other = () => 1\n',
      'src/fsuser.ts': "import { existsSync } from 'fs'\nexport const has = (p: string) => existsSync(p)\n",
      '__mocks__/fs.ts': 'export const readFileSync = () => ""\nexport const existsSync = () => true\n',
      'test/load.test.ts':
        "import { load } from '../src/load'\ntest('l', () => expect(load()).toBeDefined())\n",
      'test/cases.test.ts':
        "import { count } from '../src/cases'\ntest('c', () => expect(count()).toBe(1))\n",
      'test/other.test.ts':
        "import { other } from '../src/mentions'\ntest('o', () => expect(other()).toBe(1))\n",
      'test/has.test.ts':
        "import { has } from '../src/fsuser'\ntest('h', () => expect(has('x')).toBe(true))\n"
    }
    const repo = createRepo({ files })
    repo.commit('table', { 'data/table.csv': 'a,b,c\n' })
    expect((await bothWays(repo.dir, 'HEAD~1')).tests).toEqual(['test/load.test.ts'])
    repo.commit('cases', { 'data/cases.json': '[1, 2]' })
    expect((await bothWays(repo.dir, 'HEAD~1')).tests).toEqual(['test/cases.test.ts'])
    repo.commit('mock', { '__mocks__/fs.ts': files['__mocks__/fs.ts'].replace('true', 'false') })
    expect((await bothWays(repo.dir, 'HEAD~1')).tests).toEqual(['test/has.test.ts', 'test/load.test.ts'])
    repo.commit('extensionless', {
      'src/settings/index.json': '{"a": 1}',
      'src/table.json': '[1]',
      'src/settings-user.ts':
        "import settings from './settings'\nimport table from './table'\nexport const a = () => settings.a + table[0]\n",
      'test/settings.test.ts':
        "import { a } from '../src/settings-user'\ntest('a', () => expect(a()).toBe(2))\n"
    })
    repo.commit('settings', { 'src/settings/index.json': '{"a": 2}' })
    expect((await bothWays(repo.dir, 'HEAD~1')).tests).toEqual(['test/settings.test.ts'])
    repo.commit('table', { 'src/table.json': '[2]' })
    expect((await bothWays(repo.dir, 'HEAD~1')).tests).toEqual(['test/settings.test.ts'])
    repo.commit('docs', { 'README.md': '# data\n' })
    expect((await bothWays(repo.dir, 'HEAD~1')).mode).toBe('none')
  })

  it('finds the modules that name a data file by one of its folders, `./` or `../`, as the full graph does', async () => {
    const repo = createRepo({
      files: {
        'lib/cases/one.txt': 'a\n',
        'lib/reader.ts':
          "import { readdirSync } from 'fs'\nexport const cases = () => readdirSync(new URL('./', import.meta.url))\n",
        'lib/sub/up.ts': "import { join } from 'path'\nexport const parent = () => join(__dirname, '../')\n",
        'src/folders.ts': "export const where = () => 'cases/'\n",
        'src/other.ts': "export const elsewhere = () => 'other/'\n",
        'test/reader.test.ts':
          "import { cases } from '../lib/reader'\ntest('r', () => expect(cases()).toBeDefined())\n",
        'test/up.test.ts':
          "import { parent } from '../lib/sub/up'\ntest('u', () => expect(parent()).toBeDefined())\n",
        'test/folders.test.ts':
          "import { where } from '../src/folders'\ntest('f', () => expect(where()).toBe('cases/'))\n",
        'test/other.test.ts':
          "import { elsewhere } from '../src/other'\ntest('o', () => expect(elsewhere()).toBe('other/'))\n"
      }
    })
    repo.commit('case', { 'lib/cases/one.txt': 'b\n' })
    expect((await bothWays(repo.dir, 'HEAD~1')).tests).toEqual([
      'test/folders.test.ts',
      'test/reader.test.ts',
      'test/up.test.ts'
    ])
  })

  it('scans, for a changed source read as a file, only the modules that name its folder as a path and may read files', async () => {
    // Each helper names the folder `path` as a package only, or as a path but with no call that
    // reads files (`async` is not `sync`), and a test that reads a file names it only to import
    // from it: none is scanned for it. The test that lists the folder is.
    const helpers = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [
        `src/helpers/h${i}.ts`,
        i % 2
          ? `import { join } from 'path'\nexport const h${i} = (p: string) => join(p, 'x')\n`
          : `export async function h${i}() {\n  return 'src/path'\n}\n`
      ])
    )
    const files = {
      ...helpers,
      'src/path/util.ts': fn('util', 1),
      'test/util.test.ts':
        "import { util } from '../src/path/util'\ntest('u', () => expect(util()).toBe(1))\n",
      // Imports a name from the folder's index, which is not the changed one, and reads a file.
      'src/path/index.ts': "export { util } from './util'\nexport const other = () => 2\n",
      'test/other.test.ts':
        "import { readFileSync } from 'fs'\nimport { other } from '../src/path'\ntest('o', () => expect(readFileSync(__filename) && other()).toBe(2))\n",
      'test/listing.test.js': [
        "const { readdirSync } = require('fs')",
        "const dir = require('path').join(__dirname, '../src', 'path')",
        "test('all', () => readdirSync(dir).forEach(f => expect(require(dir + '/' + f)).toBeDefined()))",
        ''
      ].join('\n')
    }
    const repo = createRepo({ files })
    repo.commit('util', { 'src/path/util.ts': fn('util', 2) })
    const result = await bothWays(repo.dir, 'HEAD~1')
    expect(result.tests).toEqual(['test/listing.test.js', 'test/util.test.ts'])
    // The changed file (once to diff, once to link), its test, the index that re-exports it, the
    // listing test, and the test that imports from the index: nothing imports the index's `util`,
    // so the walk stops there, and whether anything loads the index at all is looked up.
    expect(result.stats.scanned).toBe(6)
  })

  it("does not scan a barrel's other modules to learn that a name the walk reached through one is a value", async () => {
    // `export *` from eight modules: the barrel's `f7` is a value (not a type, which compilers
    // drop the import of), as the module the walk came from says. The seven others are not asked.
    const modules = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`src/m${i}.ts`, fn(`f${i}`, i)]))
    const repo = createRepo({
      files: {
        ...modules,
        'src/index.ts': Array.from({ length: 8 }, (_, i) => `export * from './m${i}'\n`).join(''),
        'test/f7.test.ts': "import { f7 } from '../src'\ntest('f7', () => expect(f7()).toBe(7))\n"
      }
    })
    repo.commit('f7', { 'src/m7.ts': fn('f7', 8) })
    const result = await bothWays(repo.dir, 'HEAD~1')
    expect(result.tests).toEqual(['test/f7.test.ts'])
    // The changed file (once to diff, once to link), the barrel and the test.
    expect(result.stats.scanned).toBe(4)
  })

  it("learns that a name a test takes from a barrel is a type without scanning the barrel's modules that never spell it", async () => {
    // The test takes only the type `Options` from the barrel: its import is dropped, so a change
    // that runs when m7 loads does not reach it. That `Options` is a type alone needs every module
    // of the barrel to say so; m0 to m6 never spell it (nor `export *`, nor CommonJS).
    const modules = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`src/m${i}.ts`, fn(`f${i}`, i)]))
    const m7 = `${modules['src/m7.ts']}export interface Options {\n  n: number\n}\n`
    const repo = createRepo({
      files: {
        ...modules,
        'src/m7.ts': m7,
        'src/index.ts': Array.from({ length: 8 }, (_, i) => `export * from './m${i}'\n`).join(''),
        'test/f7.test.ts': "import { f7 } from '../src'\ntest('f7', () => expect(f7()).toBe(7))\n",
        'test/options.test.ts':
          "import { Options } from '../src'\nconst options: Options = { n: 1 }\ntest('o', () => expect(options.n).toBe(1))\n",
        // Spells `Options` in a comment: asked, and scanned, to be sure.
        'src/m3.ts': `// Options are in m7\n${fn('f3', 3)}`
      }
    })
    repo.commit('m7 logs on load', { 'src/m7.ts': `console.log('m7')\n${m7}` })
    const result = await bothWays(repo.dir, 'HEAD~1')
    expect(result.tests).toEqual(['test/f7.test.ts'])
    // The changed file (once to diff, once to link), the barrel, the two tests, and m3.
    expect(result.stats.scanned).toBe(6)
  })

  it('does not scan a module whose string names the package only as an operand or an element', async () => {
    // `~/…` is an alias nothing here reads: as an import, it may lead to any source of the package.
    const repo = createRepo({
      files: {
        'package.json': JSON.stringify({ name: 'app' }),
        'Makefile.js':
          "const home = p => p.replace('~/', process.env.HOME + '/')\nexports.run = () => ['build', '~/out'].map(home)\n",
        'tool.ts': fn('tool', 1),
        'test/tool.test.ts': "import { tool } from '../tool'\ntest('t', () => expect(tool()).toBe(1))\n"
      }
    })
    repo.commit('tool', { 'tool.ts': fn('tool', 2) })
    const result = await bothWays(repo.dir, 'HEAD~1')
    expect(result.tests).toEqual(['test/tool.test.ts'])
    // The changed file (once to diff, once to link) and its test.
    expect(result.stats.scanned).toBe(3)
  })

  it('reaches sources through build output that is not in the repository (../lib)', async () => {
    const files = {
      'package.json': JSON.stringify({ name: 'root', workspaces: ['packages/*'] }),
      'packages/core/package.json': JSON.stringify({ name: '@acme/core', main: './lib/index.js' }),
      'packages/core/src/index.ts': "export { util } from './util'\nexport const name = 'core'\n",
      'packages/core/src/util.ts': 'export function util(): number {\n  return 1\n}\n',
      'packages/core/test/folder.test.js': "const core = require('../lib')\ntest('f', () => core.util())\n",
      'packages/core/test/file.test.js': "import { util } from '../lib/util.js'\ntest('u', () => util())\n",
      'packages/core/test/name.test.js': "import { name } from '../lib/index.js'\ntest('n', () => name)\n"
    }
    const repo = createRepo({ files })
    repo.commit('util', {
      'packages/core/src/util.ts': files['packages/core/src/util.ts'].replace('return 1', 'return 2')
    })
    expect((await bothWays(repo.dir, 'HEAD~1')).tests).toEqual([
      'packages/core/test/file.test.js',
      'packages/core/test/folder.test.js'
    ])
  })

  it('diffs changed files as committed, not as a CRLF work tree has them', async () => {
    const files = {
      'src/text.ts': 'export const banner = `one\ntwo`\nexport function version() {\n  return 1\n}\n',
      'test/banner.test.ts':
        "import { banner } from '../src/text'\ntest('b', () => expect(banner).toBeTruthy())\n",
      'test/version.test.ts':
        "import { version } from '../src/text'\ntest('v', () => expect(version()).toBe(1))\n"
    }
    const repo = createRepo({ files })
    repo.commit('version', { 'src/text.ts': files['src/text.ts'].replace('return 1', 'return 2') })
    runGit(repo.dir, ['config', 'core.autocrlf', 'true'])
    runGit(repo.dir, ['rm', '--cached', '-r', '--quiet', '.'])
    runGit(repo.dir, ['reset', '--hard', '--quiet'])
    expect(readFileSync(join(repo.dir, 'src/text.ts'), 'utf8')).toContain('\r\n')
    expect(runGit(repo.dir, ['status', '--porcelain']).trim()).toBe('')
    const result = await bothWays(repo.dir, 'HEAD~1')
    expect(result.tests).toEqual(['test/version.test.ts'])
  })

  it('follows Go packages: siblings, module paths, a module root, a /v2 module and vendor/', async () => {
    const go = (pkg: string, body: string, imports: string[] = []): string =>
      `package ${pkg}\n\n${imports.map(i => `import "${i}"\n`).join('')}\n${body}\n`
    const files = {
      'go.mod': 'module example.com/shop\n\ngo 1.21\n',
      'shop.go': go('shop', 'func Name() string { return "shop" }'),
      'shop_test.go': go('shop', 'func TestName(t *testing.T) {}', ['testing']),
      'cart/cart.go': go('cart', 'func Total(n int) int { return money.Cents(n) + len(shop.Name()) }', [
        'example.com/shop/money',
        'example.com/shop'
      ]),
      'cart/extra.go': go('cart', 'func Extra() int { return 1 }'),
      'cart/cart_test.go': go('cart', 'func TestTotal(t *testing.T) {}', ['testing']),
      'money/money.go': go('money', 'func Cents(n int) int { return n * 100 }'),
      'money/money_test.go': go('money', 'func TestCents(t *testing.T) { os.ReadFile("data/rates.json") }', [
        'os',
        'testing'
      ]),
      'money/data/rates.json': '{"usd": 1}',
      'lib/go.mod': 'module example.com/lib/v2\n\ngo 1.21\n',
      'lib/lib.go': go('lib', 'func Version() int { return 2 }'),
      'report/report.go': go('report', 'func Line() int { return lib.Version() + fmtx.Width() }', [
        'example.com/lib/v2',
        'github.com/acme/fmtx'
      ]),
      'report/report_test.go': go('report', 'func TestLine(t *testing.T) {}', ['testing']),
      'vendor/github.com/acme/fmtx/fmtx.go': go('fmtx', 'func Width() int { return 80 }')
    }
    const repo = createRepo({ files })
    const expectations: Array<[string, string[]]> = [
      ['cart/extra.go', ['cart/cart_test.go']],
      ['money/money.go', ['cart/cart_test.go', 'money/money_test.go']],
      ['shop.go', ['cart/cart_test.go', 'shop_test.go']],
      ['lib/lib.go', ['report/report_test.go']],
      ['vendor/github.com/acme/fmtx/fmtx.go', ['report/report_test.go']],
      ['money/data/rates.json', ['money/money_test.go']]
    ]
    for (const [path, tests] of expectations) {
      repo.commit(`change ${path}`, {
        [path]: (files[path as keyof typeof files] as string).replace(/return (\S+)|1\}/, (m, v) =>
          v ? `return 1 + ${v}` : '2}'
        )
      })
      const result = await bothWays(repo.dir, 'HEAD~1')
      expect({ path, tests: result.tests }).toEqual({ path, tests })
    }
  })

  it('follows Python imports: packages, relative imports, submodules, conftest.py, a src layout', async () => {
    const files = {
      'pyproject.toml': '[project]\nname = "shop"\n',
      'src/shop/__init__.py': 'VERSION = 1\n',
      'src/shop/money.py': 'def cents(n):\n    return n * 100\n',
      'src/shop/cart/__init__.py': 'from .. import money\n',
      'src/shop/cart/total.py':
        'from . import rules\nfrom shop.money import cents\n\ndef total(n):\n    return cents(n) + rules.FEE\n',
      'src/shop/cart/rules.py': 'FEE = 1\n',
      'src/shop/report.py':
        'import shop.cart.total\n\ndef line(n):\n    return str(shop.cart.total.total(n))\n',
      'tests/conftest.py': 'import pytest\n',
      'tests/cart/conftest.py': 'import pytest\n',
      'tests/cart/test_total.py':
        'from shop.cart import total\n\ndef test_total():\n    assert total.total(1) == 101\n',
      'tests/test_report.py':
        'from shop import report\n\ndef test_line():\n    assert report.line(1) == "101"\n',
      'tests/test_version.py': 'import shop\n\ndef test_version():\n    assert shop.VERSION == 1\n',
      // A subpackage read as an attribute of its package, by a module that is not a test.
      'src/shop/tools/__init__.py': 'LEVEL = 1\n',
      'src/shop/inspect.py': 'import shop\n\n\ndef level():\n    return shop.tools.LEVEL\n',
      'tests/test_inspect.py':
        'from shop.inspect import level\n\n\ndef test_level():\n    assert level() == 1\n'
    }
    const repo = createRepo({ files })
    const expectations: Array<[string, string, string[]]> = [
      ['src/shop/cart/rules.py', 'FEE = 2\n', ['tests/cart/test_total.py', 'tests/test_report.py']],
      [
        'src/shop/money.py',
        'def cents(n):\n    return n * 10\n',
        ['tests/cart/test_total.py', 'tests/test_report.py']
      ],
      ['src/shop/__init__.py', 'VERSION = 2\n', ['tests/test_version.py']],
      [
        'src/shop/__init__.py',
        'VERSION = 2\nprint("loaded")\n',
        ['tests/cart/test_total.py', 'tests/test_inspect.py', 'tests/test_report.py', 'tests/test_version.py']
      ],
      ['tests/cart/conftest.py', 'import pytest  # cart\nX = 1\n', ['tests/cart/test_total.py']],
      ['src/shop/tools/__init__.py', 'LEVEL = 2\n', ['tests/test_inspect.py']]
    ]
    for (const [path, text, tests] of expectations) {
      repo.commit(`change ${path}`, { [path]: text })
      const result = await bothWays(repo.dir, 'HEAD~1')
      expect({ path, tests: result.tests }).toEqual({ path, tests })
    }
  })

  it('restores the full graph cache only when the full graph is built', async () => {
    const repo = createRepo({ files: { ...ALIASES, 'tool/x.py': 'X = 1\n', 'data/cases.json': '[1]' } })
    repo.commit('code, python and data', {
      'src/app/deep.ts': fn('deep', 30),
      'tool/x.py': 'X = 2\n',
      'data/cases.json': '[2]'
    })
    const calls: string[] = []
    const fullGraphCache = {
      restore: async () => void calls.push('restore'),
      save: async () => void calls.push('save')
    }
    const options = { git: new Git(repo.dir), base: 'HEAD~1', head: 'HEAD', log: quiet, fullGraphCache }
    expect((await selectTests(options)).stats.graph).toBe('demand')
    expect(calls).toEqual([])
    expect((await selectTests({ ...options, graph: 'full' })).stats.graph).toBe('full')
    expect(calls).toEqual(['restore'])
  })

  it('agrees with the full graph on random edits to a generated project', async () => {
    const dir = makeTempDir('ci-medic-demand-')
    runGit(dir, ['init', '--quiet'])
    const model = generateProject(dir, {
      modules: 160,
      tests: 50,
      layers: 5,
      seed: 23,
      nodeModules: join(ROOT, 'node_modules')
    })
    const commit = (message: string): void => {
      runGit(dir, ['add', '-A'])
      runGit(dir, ['-c', 'user.email=t@x', '-c', 'user.name=t', 'commit', '--quiet', '-m', message])
    }
    commit('base')
    const random = rng(5)
    let selectedSomething = 0
    for (let round = 0; round < 12; round++) {
      for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
        const mod = model.mods[Math.floor(random() * model.mods.length)] as { path: string }
        const path = join(dir, mod.path)
        const text = readFileSync(path, 'utf8')
        const edit =
          random() < 0.8 ? text.replace('return total %', 'return (total + 1) %') : text + '\n// note\n'
        writeFileSync(path, edit)
      }
      commit(`round ${round}`)
      const result = await bothWays(dir, 'HEAD~1')
      if (result.tests.length) selectedSomething++
    }
    expect(selectedSomething).toBeGreaterThan(3)
  })
})
