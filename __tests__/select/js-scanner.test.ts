import { describe, expect, it } from '@jest/globals'
import { diffScans, changedNames } from '../../src/select/diff.js'
import { tokenize, IDENT, JSX, REGEX, TEMPLATE } from '../../src/select/js-lexer.js'
import { scanJs, symbolSpans } from '../../src/select/js-scanner.js'
import { FOR_IN_WORD, MODULE_SYMBOL } from '../../src/select/model.js'

const specs = (src: string, path = 'a.ts'): string[] =>
  scanJs(src, path)
    .imports.map(i => `${i.kind}:${i.spec}`)
    .sort()

function changed(before: string, after: string, path = 'a.ts'): string[] {
  return changedNames(diffScans(scanJs(before, path), scanJs(after, path)))
}

describe('JS/TS lexer', () => {
  it('tells a regular expression from a division', () => {
    const tokens = tokenize('const a = b / c / d; const r = /x\\/y[/]/g.test(s); if (x) /re/.exec(y)', false)
    const regexes = tokens.texts.filter((_, i) => tokens.kinds[i] === REGEX)
    expect(regexes).toEqual(['/x\\/y[/]/g', '/re/'])
    expect(tokens.error).toBeUndefined()
  })

  it('nests template literals and keeps identifiers inside ${}', () => {
    const tokens = tokenize('const t = `a ${f(`b ${g} c`)} d ${ {x: 1}.x }`; h()', false)
    const idents = tokens.texts.filter((_, i) => tokens.kinds[i] === IDENT)
    expect(idents).toEqual(expect.arrayContaining(['f', 'g', 'x', 'h']))
    expect(tokens.texts.filter((_, i) => tokens.kinds[i] === TEMPLATE)).toEqual([
      'a ${',
      'b ${',
      ' c',
      ' d ${',
      ''
    ])
    expect(tokens.error).toBeUndefined()
  })

  it('skips comments and strings that look like imports', () => {
    expect(
      specs(
        `// import x from './commented'\n/* require('./block') */\nconst s = "import y from './string'"\n`
      )
    ).toEqual([])
  })

  it('tolerates JSX text with apostrophes and nested expressions', () => {
    const src = `import { Card } from './card'\nexport const App = () => <div className="x">It's {items.map(i => <Card key={i} />)} done</div>\nimport './after'\n`
    const scan = scanJs(src, 'app.tsx')
    expect(scan.error).toBeUndefined()
    expect(scan.imports.map(i => i.spec)).toEqual(['./card', './after'])
    expect(scan.symbols.App?.refs).toEqual(expect.arrayContaining(['Card', 'items']))
  })

  it('reads a Flow generic arrow in a .js file as type parameters, and an element with text in parentheses as JSX', () => {
    // Recoil_Snapshot.js: a generic function type after `:`, a generic arrow after `=`.
    const flow = [
      '// @flow strict',
      "const { make } = require('./make')",
      'class Snapshot {',
      '  getLoadable: <T>(RecoilValue<T>) => Loadable<T> = <T>(',
      '    recoilValue: RecoilValue<T>,',
      '  ): Loadable<T> => make(recoilValue)',
      '  map = <T, S: Base>(x: T): S => x',
      '  call = <Args: $ReadOnlyArray<mixed>, Return>(fn: (...Args) => Return) => fn',
      '}',
      "module.exports = ({ Snapshot, other: require('./other') }: {",
      '  <T>(Options<T>): State<T>,',
      '  value: <S>(S) => Wrapped<S>,',
      '})',
      ''
    ].join('\n')
    const scan = scanJs(flow, 'Snapshot.js')
    expect(scan.error).toBeUndefined()
    expect(scan.imports.map(i => i.spec)).toEqual(['./make', './other'])
    const jsx =
      "import A from './a'\nconst v = <T>(text)</T>\nconst w = <b>(note): see it</b>\nimport B from './b'\n"
    const view = scanJs(jsx, 'view.js')
    expect(view.error).toBeUndefined()
    expect(view.imports.map(i => i.spec)).toEqual(['./a', './b'])
    expect(tokenize(jsx, true).kinds).toContain(JSX)
  })

  it('reports an unterminated string or template as an error', () => {
    expect(scanJs('const a = `open ${x', 'a.ts').error).toMatch(/unclosed|unterminated/)
    expect(scanJs("const a = 'open\n", 'a.ts').error).toMatch(/unterminated string/)
  })
})

describe('JS/TS scanner: imports and exports', () => {
  it('ends an import or an export of names before a line that starts with ( or [', () => {
    const src = [
      "import { strictness } from './flags'",
      '(globalThis as { STRICT?: unknown }).STRICT = strictness',
      "export { shared } from './shared'",
      '[strictness].forEach(value => console.log(value))',
      "import './side-effect'",
      '(() => strictness)()',
      'export { strictness }',
      '(globalThis as { AGAIN?: unknown }).AGAIN = strictness',
      "import legacy = require('./legacy')",
      '[legacy].forEach(value => value)'
    ].join('\n')
    const scan = scanJs(src, 'setup.ts')
    expect(scan.symbols[MODULE_SYMBOL]?.refs).toEqual([
      'globalThis',
      'unknown',
      'strictness',
      'value',
      'console',
      'legacy'
    ])
    expect(scan.exports).toEqual({ shared: '@reexport:shared', strictness: 'strictness' })
    expect(specs(src)).toEqual([
      'reexport:./shared',
      'static:./flags',
      'static:./legacy',
      'static:./side-effect'
    ])
  })

  it('finds every kind of import', () => {
    const src = [
      "import def, { a as b, type T } from './named'",
      "import * as ns from '../ns'",
      "import './side-effect'",
      "import type { Only } from './types'",
      "import legacy = require('./legacy')",
      "export * from './all'",
      "export * as grouped from './grouped'",
      "export { x as y, default as z } from './re'",
      "const r = require('./cjs')",
      "const lazy = () => import('./lazy')",
      "jest.mock('./mocked')",
      "vi.mock('./vi-mocked', () => ({}))",
      "const p = require.resolve('./resolved')"
    ].join('\n')
    expect(specs(src)).toEqual([
      'dynamic:./lazy',
      'mock:./mocked',
      'mock:./vi-mocked',
      'reexport:./all',
      'reexport:./grouped',
      'reexport:./re',
      'require:./cjs',
      'require:./resolved',
      'static:../ns',
      'static:./legacy',
      'static:./named',
      'static:./side-effect',
      'static:./types'
    ])
    const scan = scanJs(src, 'a.ts')
    const named = scan.imports.find(i => i.spec === './named')
    expect(named?.names).toEqual([
      { imported: 'default', local: 'def' },
      { imported: 'a', local: 'b' },
      { imported: 'T', local: 'T' }
    ])
    expect(scan.imports.find(i => i.spec === './side-effect')?.names).toBeNull()
    expect(scan.exportAll).toEqual(['./all'])
    expect(scan.exports).toMatchObject({ grouped: '@reexport:grouped', y: '@reexport:y', z: '@reexport:z' })
    expect(scan.esm).toBe(true)
  })

  it('finds declarations, exported names and class members', () => {
    const src = [
      'export function f(a: number): number { return g(a) }',
      'function g(a: number) { return a * 2 }',
      'export const [first, second] = pair(), { key: renamed } = obj',
      'export default class Widget extends Base {',
      '  static count = 0',
      '  private size = 1',
      '  render(): string { return helper(this.size) }',
      '  get area() { return 2 }',
      '}',
      'export interface Shape { w: number }',
      'export type Id = string',
      'export enum Color { Red }',
      'export { g as gee }',
      'register(f)'
    ].join('\n')
    const scan = scanJs(src, 'a.ts')
    expect(Object.keys(scan.symbols)).toEqual(
      expect.arrayContaining([
        'f',
        'g',
        'first',
        'second',
        'renamed',
        'Widget',
        'Widget.count',
        'Widget.size',
        'Widget.render',
        'Widget.area',
        'Shape',
        'Id',
        'Color',
        MODULE_SYMBOL
      ])
    )
    expect(scan.exports).toMatchObject({
      f: 'f',
      default: 'Widget',
      Shape: 'Shape',
      Id: 'Id',
      Color: 'Color',
      gee: 'g',
      first: 'first'
    })
    expect(scan.symbols.f?.refs).toContain('g')
    expect(scan.symbols.Widget?.refs).toEqual(expect.arrayContaining(['Widget.render', 'Base']))
    expect(scan.symbols['Widget.render']?.refs).toContain('helper')
    // `register(f)` runs on load; so do the initializers that call something.
    expect(scan.symbols[MODULE_SYMBOL]?.refs).toEqual(expect.arrayContaining(['register', 'f', 'pair']))
  })

  it('takes a key for a property, not for the top-level name it spells', () => {
    const scan = scanJs(
      [
        'export const persist = () => 1',
        'export const other = () => 2',
        'type Store = { persist: { rehydrate: () => void }, other?: number, size: Size }',
        'export const options = { persist: 1, merge: other }',
        'export function read({ persist: saved }, other: number) { return saved }',
        'export const pick = (x) => (x ? persist : other)',
        'export const both = { persist, other }',
        'export function lookup(key) { switch (key) { case persist: return 1 } }',
        'export const cast = (persist: any)',
        'interface Api {\n  setState(): void\n  persist: { clear: () => void }\n  other: string\n}',
        'export const split = (x) =>\n  x\n    ? persist\n    : other',
        'interface Calls {\n  persist(): void\n  other?(x: Size): number\n}',
        'type Methods = { persist(): void; other?(): number }',
        'export function call() {\n  if (other) { persist() }\n}'
      ].join('\n'),
      'a.ts'
    )
    const refs = (name: string): string[] => [...(scan.symbols[name]?.refs ?? [])].sort()
    expect(refs('Store')).toEqual(['Size', 'number'])
    expect(refs('options')).toEqual(['options', 'other'])
    expect(refs('read')).toEqual(['number', 'saved'])
    expect(refs('Api')).toEqual(['string'])
    // A method signature's name in an interface or a type is a key; a call in a block reads it.
    expect(refs('Calls')).toEqual(['Size', 'number'])
    expect(refs('Methods')).toEqual(['number'])
    expect(refs('call')).toEqual(['other', 'persist'])
    // A conditional's branches, shorthand properties, a case and a cast read the binding.
    expect(refs('pick')).toEqual(['other', 'persist', 'pick', 'x'])
    expect(refs('split')).toEqual(['other', 'persist', 'split', 'x'])
    expect(refs('both')).toEqual(['both', 'other', 'persist'])
    expect(refs('lookup')).toEqual(expect.arrayContaining(['persist']))
    expect(refs('cast')).toEqual(expect.arrayContaining(['persist']))
  })

  it('binds the names destructured from an awaited import(), unless the module has that name already', () => {
    const names = (src: string): unknown[] => scanJs(src, 'a.ts').imports.map(r => [r.spec, r.names])
    const inside = (text: string): string => `export async function f() {\n  ${text}\n  return a()\n}\n`
    expect(names(inside("const { a, b: c } = await import('./x')"))).toEqual([
      [
        './x',
        [
          { imported: 'a', local: 'a' },
          { imported: 'b', local: 'c' }
        ]
      ]
    ])
    // Not destructured where it is awaited: the whole module.
    expect(names(inside("const { a } = await import('./x').then(m => m)"))).toEqual([['./x', null]])
    // A top-level declaration or another module's binding of the same name.
    expect(names(`function a() {}\n${inside("const { a } = await import('./x')")}`)).toEqual([['./x', null]])
    expect(names(`import { a } from './y'\n${inside("const { a } = require('./x')")}`)).toEqual([
      ['./x', null],
      ['./y', [{ imported: 'a', local: 'a' }]]
    ])
    // The same name of the same module, twice.
    const twice = `${inside("const { a } = await import('./x')")}${inside("const { a } = await import('./x')").replace('f()', 'g()')}`
    expect(names(twice)).toEqual([
      ['./x', [{ imported: 'a', local: 'a' }]],
      ['./x', [{ imported: 'a', local: 'a' }]]
    ])
  })

  it('binds the members read of an awaited import(), a then() callback or a required member', () => {
    const names = (src: string): unknown[] => scanJs(src, 'a.js').imports.map(r => [r.spec, r.names])
    const inTest = (body: string): string => `test('t', async () => {\n  ${body}\n})\n`
    expect(names(inTest("const tools = await import('./x')\n  tools.one(tools.two)"))).toEqual([
      [
        './x',
        [
          { imported: 'one', local: 'tools.one' },
          { imported: 'two', local: 'tools.two' }
        ]
      ]
    ])
    // Declared in each test, of the same module: one binding per member.
    const each =
      inTest("const x = await import('./x')\n  x.one()") + inTest("const x = await import('./x')\n  x.two()")
    expect(names(each)).toEqual([
      [
        './x',
        [
          { imported: 'one', local: 'x.one' },
          { imported: 'two', local: 'x.two' }
        ]
      ],
      [
        './x',
        [
          { imported: 'one', local: 'x.one' },
          { imported: 'two', local: 'x.two' }
        ]
      ]
    ])
    expect(names(inTest("const one = (await import('./x')).one\n  one()"))).toEqual([
      ['./x', [{ imported: 'one', local: 'one' }]]
    ])
    expect(names("const one = require('./x').one\none()\n")).toEqual([
      ['./x', [{ imported: 'one', local: 'one' }]]
    ])
    expect(names("import('./x').then(({ one, two: second }) => one(second))\n")).toEqual([
      [
        './x',
        [
          { imported: 'one', local: 'one' },
          { imported: 'two', local: 'second' }
        ]
      ]
    ])
    expect(names("import('./x').then(function ({ one }) { one() })\n")).toEqual([
      ['./x', [{ imported: 'one', local: 'one' }]]
    ])
    for (const callback of [
      'm => m.one()',
      '(m) => m.one()',
      'function (m) { m.one() }',
      'async m => m.one()'
    ])
      expect(names(`import('./x').then(${callback})\n`)).toEqual([
        ['./x', [{ imported: 'one', local: 'm.one' }]]
      ])
    // The whole module: the name is used bare, names two modules, or the read goes on past the member.
    expect(names(inTest("const x = await import('./x')\n  use(x)"))).toEqual([['./x', null]])
    expect(
      names(
        inTest("const x = await import('./x')\n  x.one()") +
          inTest("const x = await import('./y')\n  x.one()")
      )
    ).toEqual([
      ['./x', null],
      ['./y', null]
    ])
    expect(names("import('./x').then(m => m.one())\nimport('./y').then(m => m.one())\n")).toEqual([
      ['./x', null],
      ['./y', null]
    ])
    expect(names("const two = require('./x').one.two\n")).toEqual([['./x', null]])
    // A callback handed to something else than the import's `then`.
    expect(names("Promise.all([import('./x'), later(m => m.one())])\n")).toEqual([['./x', null]])
    expect(names(inTest("const one = (await import('./x')).one()"))).toEqual([['./x', null]])
    expect(names("import('./x').then(({ one }) => one).then(f => f())\n")).toEqual([
      ['./x', [{ imported: 'one', local: 'one' }]]
    ])
  })

  it('treats CommonJS modules as one module-level unit', () => {
    const scan = scanJs("const x = require('./x')\nmodule.exports = { run: () => x.go() }\n", 'a.cjs')
    expect(scan.esm).toBe(false)
    expect(scan.imports).toEqual([
      { spec: './x', kind: 'require', names: [{ imported: 'go', local: 'x.go' }] }
    ])
    // Used other than through its members, a `const` is a binding to the whole module; a `let` may
    // be reassigned, and its module is reached as the file loads.
    const passed = scanJs("const x = require('./x')\nmodule.exports = { run: () => x.go(x) }\n", 'a.cjs')
    expect(passed.imports).toEqual([{ spec: './x', kind: 'require', names: [{ imported: '*', local: 'x' }] }])
    const reassignable = scanJs("let x = require('./x')\nmodule.exports = { run: () => x.go(x) }\n", 'a.cjs')
    expect(reassignable.imports).toEqual([{ spec: './x', kind: 'require', names: null }])
  })

  it('reads the calls of a require function made with createRequire as requires', () => {
    const scan = scanJs(
      [
        "import { createRequire } from 'node:module'",
        'const load = createRequire(import.meta.url)',
        "const { go } = load('./x.cjs')",
        'const other = module.createRequire(import.meta.url)',
        "export const data = other('./data.json')",
        "export const unrelated = call('./y')",
        ''
      ].join('\n'),
      'a.mjs'
    )
    expect(scan.imports.filter(record => record.kind === 'require')).toEqual([
      { spec: './x.cjs', kind: 'require', names: [{ imported: 'go', local: 'go' }] },
      { spec: './data.json', kind: 'require', names: null }
    ])
  })

  it('reads a require of a path built at run time as rooted, or from the folder when it starts there', () => {
    const imports = (call: string) => scanJs(`const m = ${call}\n`, 'test/a.test.js').imports
    const rooted = (spec: string) => [{ spec, kind: 'rooted', names: null }]
    expect(imports("require(path.resolve('src/a'))")).toEqual(rooted('src/a'))
    expect(imports("require(path.resolve('src', 'a'))")).toEqual(rooted('src/a'))
    expect(imports("require(path.join(process.cwd(), 'src', 'b'))")).toEqual(rooted('src/b'))
    expect(imports("require(process.cwd() + '/src' + '/c')")).toEqual(rooted('src/c'))
    expect(imports("require(join(ROOT, 'x', '../lib/d.js'))")).toEqual(rooted('lib/d.js'))
    // Only the strings after the last part that cannot be read.
    expect(imports("require(resolve(base, sub, 'e'))")).toEqual(rooted('e'))
    expect(imports('await import(`${ROOT}/../src/f.mjs`)')).toEqual(rooted('src/f.mjs'))
    // From the file's folder: a path as any other.
    expect(imports("require(__dirname + '/../src/g')")).toEqual([
      { spec: '../src/g', kind: 'require', names: null }
    ])
    expect(imports('require(`${__dirname}/h`)')).toEqual([{ spec: './h', kind: 'require', names: null }])
    expect(imports("require(path.join(__dirname, 'i'))")).toEqual([
      { spec: './i', kind: 'require', names: null }
    ])
    // A name joined of strings alone is a package's; an absolute path, a hole alone after an
    // unknown folder, or a string added to nothing leads nowhere to look.
    for (const none of [
      "require(path.join('src', 'j'))",
      "require(path.resolve('/tmp/k'))",
      'require(`${ROOT}/${name}`)',
      "require(ROOT + '/' + name)",
      'require(path.join(ROOT, name))',
      "require(ROOT + 'l')",
      "require(x.resolve('..'))"
    ])
      expect(imports(none)).toEqual([])
    // A hole after a folder: every file under it, from the file's folder or from any.
    const glob = (spec: string) => [{ spec, kind: 'glob', names: null }]
    expect(imports('require(`${ROOT}/src/${name}`)')).toEqual(glob('/src/**'))
    expect(imports('require(`${ROOT}/src/${kind}/x.js`)')).toEqual(glob('/src/**/x.js'))
    expect(imports('require(`${__dirname}/../rules/${name}`)')).toEqual(glob('./../rules/**'))
    expect(imports("require(path.join(ROOT, 'src', 'steps', name))")).toEqual(glob('/src/steps/**'))
    expect(imports("require(path.resolve('src', name))")).toEqual(glob('/src/**'))
    expect(imports("require(path.join(__dirname, '../src/rules', name))")).toEqual(glob('../src/rules/**'))
    expect(imports("require(ROOT + '/src/v1.2/' + name + '.js')")).toEqual(glob('/src/v1.2/**.js'))
    expect(imports("require(ROOT + '/my [dir]/' + name)")).toEqual([])
    expect(imports("require(__dirname + '/' + name)")).toEqual(glob('./**'))
    expect(imports("require('./locale/' + lang)")).toEqual(glob('./locale/**'))
    expect(imports("require('./a' + '.js')")).toEqual([{ spec: './a.js', kind: 'require', names: null }])
    // Handed to require.resolve or a mock helper, it names the module too.
    expect(imports("require.resolve(path.resolve('src/m'))")).toEqual(rooted('src/m'))
    expect(imports("jest.requireActual(require('path').join(ROOT, 'src/n'))")).toEqual([
      ...rooted('src/n'),
      { spec: 'path', kind: 'require', names: null }
    ])
    expect(imports('vi.importActual(`${ROOT}/src/o`)')).toEqual(rooted('src/o'))
    expect(imports("jest.doMock(require('node:path').resolve(__dirname, '../p'))")).toEqual([
      { spec: 'node:path', kind: 'require', names: null },
      { spec: '../p', kind: 'require', names: null }
    ])
    // What a destructuring takes.
    const taken = scanJs("const { a, b: c } = require(join(ROOT, 'src/a'))\n", 'test/x.test.js').imports
    expect(taken).toEqual([
      {
        spec: 'src/a',
        kind: 'rooted',
        names: [
          { imported: 'a', local: 'a' },
          { imported: 'b', local: 'c' }
        ]
      }
    ])
    // A name alone: each value it is declared with, and the strings stay strings.
    const named = scanJs(
      [
        "const a = join(ROOT, 'src/a')",
        "function load() { let b = resolve(__dirname, '../b'); return require(b) }",
        "var c = './c', d = './d'",
        'module.exports = [require(a), require(c), require(unknown)]',
        ''
      ].join('\n'),
      'test/x.test.js'
    )
    expect(named.imports).toEqual([
      { spec: '../b', kind: 'require', names: null },
      { spec: 'src/a', kind: 'rooted', names: null },
      { spec: './c', kind: 'require', names: null }
    ])
    expect(named.strings).toEqual(expect.arrayContaining(['src/a', './c']))
    // Once for every call of a name declared more than once; not at all past sixteen declarations.
    const declared = (count: number, calls: number) =>
      scanJs(
        [
          ...Array.from({ length: count }, (_, i) => `function f${i}() { let f = './m${i}' }`),
          ...Array.from({ length: calls }, () => 'require(f)'),
          ''
        ].join('\n'),
        'a.js'
      ).imports.map(record => record.spec)
    expect(declared(2, 3)).toEqual(['./m0', './m1'])
    expect(declared(16, 2)).toHaveLength(16)
    expect(declared(17, 1)).toEqual([])
  })

  it('ends a type alias or an ambient declaration whose last line ends in type arguments where the next statement starts', () => {
    const declared = (src: string) => scanJs(src, 'a.ts').symbols
    // medusa's docs generator: the class was read as part of the type.
    const abstract = declared(
      'export type Options = { a: 1 } & Pick<Cli, "x">\nabstract class Gen {\n  run() { return go() }\n}\nexport default Gen\n'
    )
    expect(Object.keys(abstract)).toEqual(['Options', 'Gen.run', 'Gen', 'default', '<module>'])
    expect(abstract.Options?.refs).toEqual(['Pick', 'Cli'])
    expect(abstract['Gen.run']?.refs).toContain('go')
    const code = declared('type Pair = Map<A, B>\nsetup()\nasync function g() {}\n')
    expect(code.Pair?.refs).toEqual(['Map', 'A', 'B'])
    expect(code['<module>']?.refs).toEqual(['setup'])
    expect(Object.keys(code)).toContain('g')
    expect(declared('declare const d: Map<A, B>\nsetup()\n')['<module>']?.refs).toEqual(['setup'])
    // A type alias goes on after `>` with a conditional, and an expression with a comparison.
    expect(declared('type C = Foo<X>\n  extends Y ? 1 : 2\nconst z = 1\n').C?.refs).toEqual(['Foo', 'X', 'Y'])
    expect(declared('const big = a >\n  b\n').big?.refs).toEqual(['big', 'a', 'b'])
  })

  it("parts a statement's declarators at commas outside an annotation's type arguments", () => {
    const { symbols } = scanJs(
      "import { Foo } from './foo'\nexport const m: Map<string, Foo> = new Map(), n = 2\nvar a = b < c, d = e > f\n",
      'a.ts'
    )
    expect(Object.keys(symbols)).toEqual(['Foo', 'm', 'n', 'a', 'd', '<module>'])
    expect(symbols.Foo?.refs).toEqual([])
  })
})

describe('semantic diff', () => {
  const base = [
    "import { dep } from './dep'",
    '/** Adds. */',
    'export function add(a: number, b: number) {',
    '  return a + b',
    '}',
    'export const twice = (x: number) => add(x, x)',
    'export const half = (y) => y / 2',
    'export class Box {',
    '  open() { return 1 }',
    '  close() { return 2 }',
    '}',
    "console.log('loaded')",
    ''
  ].join('\n')

  it('ignores comments, whitespace, semicolons, quotes, trailing commas and arrow parentheses', () => {
    const reformatted = [
      'import { dep, } from "./dep";',
      '// a different comment',
      'export function add(',
      '  a: number,',
      '  b: number,',
      ') {',
      '  return a + b; // sum',
      '}',
      '',
      'export const twice = (x: number) => add(x, x);',
      'export const half = y => y / 2',
      'export class Box {',
      '  open() {',
      '    return 1',
      '  }',
      '  /* closing */ close() { return 2 }',
      '}',
      'console.log("loaded");',
      ''
    ].join('\n')
    expect(changed(base, reformatted)).toEqual([])
  })

  it('keeps a semicolon that stops a statement from continuing, and the comma of a trailing hole', () => {
    const run = 'export function run(a) {\n  const b = a;\n  [1, 2].forEach(f)\n}\n'
    expect(changed(run, run.replace('const b = a;', 'const b = a'))).toEqual(['run'])
    const call = 'export function go(a) {\n  a();\n  (b || c)()\n}\n'
    expect(changed(call, call.replace('a();', 'a()'))).toEqual(['go'])
    const plain = 'export function ok(a) {\n  a();\n  b()\n}\n'
    expect(changed(plain, plain.replace('a();', 'a()'))).toEqual([])
    expect(changed('export const holes = [,]\n', 'export const holes = []\n')).toEqual(['holes'])
    expect(changed('export const list = [1,]\n', 'export const list = [1]\n')).toEqual([])
  })

  it('reads JSX text as React does: reflowed lines are formatting, spaces inside a line are content', () => {
    const view = 'export const View = () => <p>\n  Hello there,\n  friend\n</p>\n'
    expect(changed(view, view.replace('\n  friend', ' friend'), 'v.tsx')).toEqual([])
    expect(changed(view, view.replace('  Hello there,', '      Hello there,'), 'v.tsx')).toEqual([])
    expect(changed(view, view.replace('Hello there', 'Hello  there'), 'v.tsx')).toEqual(['View'])
    const inline = 'export const Tag = () => <b>a b</b>\n'
    expect(changed(inline, inline.replace('a b', ' a b'), 'v.tsx')).toEqual(['Tag'])
  })

  it('reads the comments that change how code compiles or runs as code', () => {
    const checked =
      'export function load(a: number) {\n  // @ts-expect-error: legacy callers\n  return read(a)\n}\n'
    expect(changed(checked, checked.replace('  // @ts-expect-error: legacy callers\n', ''))).toEqual(['load'])
    expect(changed(checked, checked.replace('legacy callers', 'old callers'))).toEqual([])
    expect(changed(checked, checked.replace('@ts-expect-error', '@ts-ignore'))).toEqual(['load'])
    // Above an import or a re-export, no declaration holds it: the module does.
    const untyped =
      "// @ts-expect-error: no types\nimport x from './untyped'\nexport * from './all'\nexport const y = x\n"
    expect(changed(untyped, untyped.replace('// @ts-expect-error: no types\n', ''))).toEqual([MODULE_SYMBOL])
    const reexport = "// @ts-ignore\nexport { a } from './a'\n"
    expect(changed(reexport, reexport.replace('// @ts-ignore\n', ''))).toEqual([MODULE_SYMBOL])
    expect(changed(untyped, untyped.replace('no types', 'untyped'))).toEqual([])
    const test = "/**\n * @jest-environment node\n */\ntest('x', () => {})\n"
    expect(changed(test, test.replace('node', 'jsdom'), 'x.test.ts')).toEqual([MODULE_SYMBOL])
    expect(changed(test, test.replace(' */', ' * Runs in node.\n */'), 'x.test.ts')).toEqual([])
    const view = '/** @jsxImportSource preact */\nexport const V = () => <p />\n'
    expect(changed(view, view.replace('preact', 'react'), 'v.tsx')).toEqual([MODULE_SYMBOL])
    const vitest = '// @vitest-environment happy-dom\ntest("y", () => {})\n'
    expect(changed(vitest, vitest.replace('happy-dom', 'node'), 'y.test.ts')).toEqual([MODULE_SYMBOL])
  })

  it('names the changed function, method and module statement', () => {
    expect(changed(base, base.replace('return a + b', 'return a - b'))).toEqual(['add'])
    expect(changed(base, base.replace('close() { return 2 }', 'close() { return 3 }'))).toEqual(['Box.close'])
    expect(changed(base, base.replace("console.log('loaded')", "console.log('ready')"))).toEqual([
      MODULE_SYMBOL
    ])
  })

  it('reports removed symbols and changed exports', () => {
    const removed = changed(base, base.replace(/export const twice.*\n/, ''))
    expect(removed).toEqual(['twice'])
    expect(changed(base, base + 'export { add as plus }\n')).toEqual(['plus'])
    expect(changed(base, base.replace("from './dep'", "from './other'"))).toEqual(['dep'])
  })

  it('treats a file without a base version as wholly changed', () => {
    expect(changedNames(diffScans(undefined, scanJs(base, 'a.ts')))).toEqual(['*'])
  })

  it('marks the names only interfaces and type aliases declare as types, and a value made a type', () => {
    const src = [
      "import type { Dep } from './dep'",
      "import { Used } from './used'",
      'export interface Shape { w: Dep }',
      'export type Id = string',
      'type Id2 = Id',
      'interface Merged { a: number }',
      'interface Merged { b: number }',
      // A type of the same name as a value: the value counts.
      'export interface Widget { size: number }',
      'export class Widget {}',
      'export type Mode = "a" | "b"',
      'export const Mode = { a: "a" }',
      'export function run(shape: Shape): Used { return new Used(shape) }',
      ''
    ].join('\n')
    const scan = scanJs(src, 'a.ts')
    const types = Object.keys(scan.symbols).filter(name => scan.symbols[name]?.typeOnly)
    expect(types.sort()).toEqual(['Id', 'Id2', 'Merged', 'Shape'])
    const madeType = diffScans(
      scanJs("export { a, b } from './ab'\n", 'x.ts'),
      scanJs("export { a } from './ab'\nexport type { b } from './ab'\n", 'x.ts')
    )
    expect([...(madeType.valuesBefore ?? [])].sort()).toEqual(['@reexport:b', 'b'])
    // A type changed is no value made a type.
    expect(
      diffScans(scanJs(src, 'a.ts'), scanJs(src.replace('w: Dep', 'w?: Dep'), 'a.ts')).valuesBefore
    ).toBe(undefined)
  })

  it("marks the names a type's computed keys read, which keep their imports, and no mapped or index key; and a decorator", () => {
    const src = [
      "import { key, Keys, K, T, V, First } from './keys'",
      'export interface Keyed {',
      '  [key]: string',
      '  readonly [Keys.id]?: number;',
      '  [Symbol.iterator](): Iterator<V>',
      '}',
      'export type Mapped = { [P in K]: T } & { [name: string]: V }',
      'export type Pair = [First, V]',
      'export type Line = { a: number, [Keys.line]: V }',
      ''
    ].join('\n')
    const { symbols } = scanJs(src, 'a.ts')
    expect(symbols.Keyed?.valueRefs?.sort()).toEqual(['Keys', 'Symbol', 'key'])
    expect(symbols.Keyed?.refs).toEqual(expect.arrayContaining(['key', 'Keys', 'V']))
    expect(symbols.Mapped?.valueRefs).toBe(undefined)
    expect(symbols.Pair?.valueRefs).toBe(undefined)
    expect(symbols.Line?.valueRefs).toEqual(['Keys'])
    expect(scanJs(src, 'a.ts').decorated).toBe(undefined)
    expect(scanJs('class A {\n  @field() x?: X\n}\n', 'a.ts').decorated).toBe(true)
    expect(scanJs("const at = '@field'\n// @field\n", 'a.ts').decorated).toBe(undefined)
    // A value's computed keys are among the names it reads already.
    expect(scanJs('export const o = { [key]: 1 }\n', 'a.ts').symbols.o?.valueRefs).toBe(undefined)
  })
})

describe('what member reach needs from a class', () => {
  const classOf = (src: string, name: string) => scanJs(src, 'a.ts').symbols[name]?.class

  it('lists the methods and accessors called by name, not constructors, fields, conversions or computed names', () => {
    const info = classOf(
      'class A<T extends B<C>> extends Base<T> implements I, ns.J<T> {\n  x = 1\n  constructor() {}\n  run() {}\n  get size() { return 1 }\n  get total() { return 2 }\n  toString() { return "" }\n  [Symbol.iterator]() {}\n  static make() {}\n}\n',
      'A'
    )
    expect(info).toEqual({ calledByName: ['run', 'total', 'make'], base: 'Base', interfaces: ['I', 'ns'] })
  })

  it('opens decorated classes and classes whose base is not a plain name', () => {
    expect(classOf('@Entity()\nclass A {\n  run() {}\n}\n', 'A')).toEqual({ calledByName: null })
    expect(classOf('class A {\n  @Get() run() {}\n}\n', 'A')).toEqual({ calledByName: null })
    expect(classOf('class A extends mixin(B) {\n  run() {}\n}\n', 'A')).toEqual({ calledByName: null })
    expect(classOf('class A extends B.C {\n  run() {}\n}\n', 'A')).toEqual({ calledByName: null })
  })

  it('lists the names Object.assign mixes into a class prototype that no other code run on load names', () => {
    const head = "import * as A from './a'\nimport * as B from './b'\nclass C {\n  run() {}\n}\n"
    expect(classOf(head + 'Object.assign(C.prototype, A, B);\n', 'C')).toEqual({
      calledByName: ['run'],
      mixins: ['A', 'B']
    })
    expect(classOf(head + 'Object.assign(C.prototype, A,\n  B,\n)\n', 'C')?.mixins).toEqual(['A', 'B'])
    // B is read on load elsewhere: its exports may run then; A is not.
    expect(classOf(head + 'Object.assign(C.prototype, A, B)\nB.setup()\n', 'C')?.mixins).toEqual(['A'])
    expect(
      classOf(head + 'Object.assign(C.prototype, A, B)\nexport const x = B.make()\n', 'C')?.mixins
    ).toEqual(['A'])
    // Read by a declaration that calls nothing on load: what reaches it reaches all of B.
    expect(
      classOf(head + 'Object.assign(C.prototype, A, B)\nexport const x = B.version\n', 'C')?.mixins
    ).toEqual(['A', 'B'])
    // Not plain names, not a prototype, not a class of the module, or an open class: none.
    for (const statement of [
      'Object.assign(C.prototype, { a: A }, B.c)',
      'Object.assign(C, A, B)',
      'Object.assign(C.prototype, A, B).x = 1',
      'Object.assign(D.prototype, A, B)'
    ])
      expect(classOf(head + statement + '\n', 'C')?.mixins).toBe(undefined)
    expect(classOf("import * as A from './a'\n@x class C {}\nObject.assign(C.prototype, A)\n", 'C')).toEqual({
      calledByName: null
    })
  })

  it("takes the functions set on a function's prototype as its methods, when nothing else can add to it", () => {
    const head =
      'function F() {}\nF.prototype.run = function () {}\nF.prototype.stop = async function stop() {}\nF.prototype.toString = () => ""\nF.make = function () {}\n'
    expect(classOf(head, 'F')).toEqual({ calledByName: ['prototype.run', 'prototype.stop'] })
    // A value that runs nothing belongs to F: it is reached with F.
    expect(classOf(head + 'F.prototype.limit = 10\nF.prototype.go = go\n', 'F')).toEqual({
      calledByName: ['prototype.run', 'prototype.stop']
    })
    expect(classOf(head + 'module.exports = F\n', 'F')).toEqual({
      calledByName: ['prototype.run', 'prototype.stop']
    })
    // Code run on load holds F, the prototype is replaced or holds something else, or F is declared twice.
    for (const statement of [
      'require("util").inherits(F, G)',
      'Object.defineProperty(F.prototype, "x", { get() {} })',
      'F.prototype = Object.create(G.prototype)',
      'F.prototype.__proto__ = EventEmitter.prototype',
      'F.prototype.bound = make()',
      'function F(a) {}'
    ])
      expect(classOf(head + statement + '\n', 'F')).toBe(undefined)
    expect(classOf('function F() {}\nF.prototype.toString = function () {}\n', 'F')).toBe(undefined)
  })

  it("keeps each declaration's words: property names and strings, not variables or types", () => {
    const { symbols } = scanJs(
      "function f(x: unknown): string {\n  return x.format() + obj['to-iso'] + `${y.unknown}`\n}\nfunction h() {\n  const { unknown } = lib\n}\n",
      'a.ts'
    )
    const words = symbols.f?.words ?? []
    expect(words).toEqual(expect.arrayContaining(['format', 'to-iso', 'to', 'iso', 'unknown']))
    expect(scanJs('function g(x: unknown): string { return x }\n', 'a.ts').symbols.g?.words).not.toContain(
      'unknown'
    )
    expect(symbols.h?.words).toContain('unknown')
    // A variable or parameter cannot call a method: only property names and strings count.
    const local = scanJs('function m(min: number) {\n  const max = min + 1\n  return max\n}\n', 'a.ts')
    expect(local.symbols.m?.words).not.toContain('max')
    // Nor can a name before a colon that is not a key: a declaration's with its type, a ternary's
    // value. A key can, in an object, a destructuring or a type, among parameters too.
    const typed = scanJs(
      [
        'export const append: (x: number) => number = wrap((dom: Node, parent: Node, ...rest: Node[]) => dom)',
        'function pick(a: boolean, first: number, second: number, { size: s, last }: Options) {',
        '  return a ? first : second + s + last + call(b, { index: 1 }, [{ depth: 2 }])',
        '}',
        ''
      ].join('\n'),
      'a.ts'
    )
    const [moduleWords, pickWords] = [typed.symbols['<module>']?.words ?? [], typed.symbols.pick?.words ?? []]
    for (const name of ['append', 'x', 'dom', 'parent', 'rest']) expect(moduleWords).not.toContain(name)
    for (const name of ['a', 'first', 'second']) expect(pickWords).not.toContain(name)
    expect(pickWords).toEqual(expect.arrayContaining(['size', 'last', 'index', 'depth']))
  })

  it('marks a for…in loop among the words, and no other in', () => {
    const wordsOf = (code: string): string[] => scanJs(code, 'a.ts').symbols.f?.words ?? []
    expect(wordsOf('function f(o) {\n  for (const key in o) o[key]()\n}\n')).toContain(FOR_IN_WORD)
    expect(wordsOf('function f(o) {\n  for (key in o.inner) {}\n}\n')).toContain(FOR_IN_WORD)
    expect(wordsOf("function f(o) {\n  return 'key' in o\n}\n")).not.toContain(FOR_IN_WORD)
    expect(wordsOf('function f(o) {\n  for (const key of o) key()\n}\n')).not.toContain(FOR_IN_WORD)
    expect(wordsOf('function f(o: { [K in Keys]: number }) {\n  if (x) return (k in o)\n}\n')).not.toContain(
      FOR_IN_WORD
    )
  })
})

describe('symbolSpans (where each symbol is, for the coverage map)', () => {
  const src = `import x from './x'
export function f(a) { return a + 1 }
export const g = async (b) => { return b }
const h = b => b * 2, i = 3
const j = function named() { return 1 }
let k = compute()
export class C {
  field = 1
  static s() { return 2 }
  get v() { return 3 }
  [Symbol.iterator]() {}
}
function p() {}
p.extra = 5
function o(a: string): void
function o(a) {}
`
  const spans = symbolSpans(src, 'a.ts')
  const text = (name: string): string[] =>
    (spans.get(name)?.spans ?? []).map(([a, b]) => src.slice(a, b).trim())

  it('covers each declaration from the end of the previous token to its last token', () => {
    expect(text('f')).toEqual(['export function f(a) { return a + 1 }'])
    expect(text('C.s')).toEqual(['static s() { return 2 }'])
    expect(text('o')).toEqual(['function o(a: string): void', 'function o(a) {}'])
    expect(text('p')).toEqual(['function p() {}', 'p.extra = 5'])
  })

  it('marks as functions only declarations whose every part runs when called', () => {
    const fn = Object.fromEntries([...spans].map(([name, s]) => [name, s.fn]))
    expect(fn).toMatchObject({ f: true, g: true, j: true, 'C.s': true, 'C.v': true, o: true })
    // Several declarators, a call run on load, a field, a computed name, a class, a property set on load.
    expect(fn).toMatchObject({ h: false, i: false, k: false, 'C.field': false, C: false, p: false })
    expect(fn['C.[Symbol.iterator]'] ?? false).toBe(false)
  })

  it('knows TypeScript arrow functions and default-exported functions', () => {
    const fnOf = (text: string, path = 'b.ts') =>
      Object.fromEntries([...symbolSpans(text, path)].map(([name, s]) => [name, s.shape]))
    expect(
      fnOf('export const a = <T>(x: T): T[] => [x]\nexport const b = (x): Promise<() => void> => go(x)\n')
    ).toEqual({ a: 'const', b: 'const' })
    expect(
      fnOf('export default <T>(data: T[], i: number): void => {\n  data.splice(i, 1)\n};\n')
    ).toMatchObject({
      default: 'default'
    })
    expect(fnOf('export default function () {\n  return 1\n}\n')).toMatchObject({ default: 'default' })
    expect(fnOf('export default make(() => 1)\n')).toMatchObject({ default: '' })
  })

  it('tells kinds of function apart: a hoisted declaration, a variable, a method, an accessor', () => {
    const shape = Object.fromEntries([...spans].filter(([, s]) => s.fn).map(([name, s]) => [name, s.shape]))
    expect(shape).toEqual({
      f: 'function',
      g: 'const',
      j: 'const',
      'C.s': 'static method',
      'C.v': 'get',
      o: 'function,function'
    })
  })
})

describe('functions passed to calls made on load', () => {
  const symbols = (src: string) => scanJs(src, 'a.js').symbols

  it('records the parameters a function declaration leaves uncalled, save in a function it returns', () => {
    const found = symbols(
      [
        'export default function curry(fn) { return function curried(a) { return fn(a) } }',
        'function arity(n, fn) { switch (n) { case 0: return () => fn(); default: return function (a) { return fn(a) } } }',
        'function typed(fn: (a: number) => number, label?: string) { return (a: number) => fn(a) }',
        'function now(fn) { return fn() }',
        'function stores(fn) { registry.push(fn); return function () {} }',
        'function invoked(fn) { return function () { return fn() }() }',
        'function combined(fn) { return fn || function () {} }',
        'function inner(fn) { const g = () => fn(); return g }',
        'function spread(fn) { return function () { return fn.apply(this, arguments) } }',
        'function args(fn) { log(arguments); return function () { fn() } }',
        'function member(fn, options) { return function () { return options.fn(fn) } }',
        'function shorthand(fn) { keep({ fn }); return () => 1 }',
        'function destructured({ fn }, g) { return () => fn(g) }',
        'function defaulted(fn, x = fn()) { return () => fn(x) }',
        'function typedDefault(fn: () => number, x: number = fn()) { return () => fn() + x }',
        'function replaced(fn) { return () => fn() }',
        'replaced = function (fn) { return fn() }',
        'function compared(fn) { return () => fn() }',
        'if (compared == null || options.compared === 1) {}',
        'function twice(fn) { return () => fn() }',
        'function twice(fn) { return fn() }',
        // A function nested in the body returns one that the body then calls.
        'function sneaky(fn) { const g = () => { return function () { fn() } }; g()(); return 1 }',
        'function method(fn) { const o = { m() { return function () { fn() } } }; o.m()(); return 1 }',
        'function controlled(fn, n) { if (n) { return function () { fn() } } return () => fn() }',
        // Type parameters, and a type of the same name (an interface merged with the function).
        'interface generic<T> { x: T }',
        'function generic<T, D = T["def"]>(name: string, fn: (a: T) => D): () => D { return () => fn(name as any) }',
        // A function declared in the body runs where the body calls it, or hands it to a call.
        'function kept(name, init) {',
        '  function run(x) { init(x) }',
        '  function _(x) { run(x) }',
        '  _.prototype = {}',
        '  Object.defineProperty(_, "run", { value: run })',
        '  Object.defineProperty(_, "name", { value: name })',
        '  return _',
        '}',
        'function called(name, init) {\n  function run() { init() }\n  run()\n  return run\n}',
        'function handed(name, init) {\n  function run() { init() }\n  setup(run)\n  return 1\n}',
        'function chained(name, init) {\n  function a() { b() }\n  function b() { init() }\n  a()\n}',
        'function elsewhere(name, init) {\n  function run() { init() }\n  const o = {}\n  Object.defineProperty(o, "run", { value: run })\n  o.run()\n}',
        'function getter(name, init) {\n  function run() { init() }\n  function _() {}\n  Object.defineProperty(_, "x", { get: run })\n  return _.x\n}',
        'function onTarget(name, init) {\n  function run() { init() }\n  function _() {}\n  Object.defineProperty(_, "run", { value: run })\n  _.run()\n}',
        'function viaCall(name, init) {\n  function run() { init() }\n  run.call(null)\n}',
        'function indirect(name, init) {\n  function run() { init() }\n  const get = () => {\n    return run\n  }\n  get()()\n}'
      ].join('\n')
    )
    const defers = Object.fromEntries(Object.entries(found).map(([name, s]) => [name, s.defers]))
    expect(defers).toMatchObject({
      curry: 1,
      arity: 2,
      typed: 3,
      now: undefined,
      stores: undefined,
      invoked: undefined,
      combined: undefined,
      inner: undefined,
      spread: 1,
      args: undefined,
      member: 3,
      shorthand: undefined,
      destructured: undefined,
      defaulted: undefined,
      typedDefault: undefined,
      replaced: undefined,
      compared: 1,
      twice: undefined,
      sneaky: undefined,
      method: undefined,
      controlled: 1,
      generic: 3,
      kept: 2,
      called: 1,
      handed: 1,
      chained: 1,
      elsewhere: 1,
      getter: 1,
      onTarget: 1,
      viaCall: 1,
      indirect: 1
    })
  })

  it('moves what a function passed on load references out of the module, with the calls it goes through', () => {
    const found = symbols(
      [
        "import curry from './curry'",
        "import { helper, other, base } from './helpers'",
        'const inc = curry(function inc(a) { return helper(a) })',
        'var filter = wrap2(dispatch([base], function (a) { return other(a) }))',
        'export default curry((a) => helper(a) + base)'
      ].join('\n')
    )[MODULE_SYMBOL]
    expect(found?.refs.sort()).toEqual(['base', 'curry', 'dispatch', 'wrap2'])
    expect(found?.deferred).toEqual([
      { calls: [['curry', 0]], refs: ['inc', 'a', 'helper'] },
      {
        calls: [
          ['dispatch', 1],
          ['wrap2', 0]
        ],
        refs: ['filter', 'a', 'other']
      },
      { calls: [['curry', 0]], refs: ['default', 'a', 'helper', 'base'] }
    ])
  })

  it('takes either call of a choice made on load (ramda’s trim), and keeps the test in the module', () => {
    const found = symbols(
      [
        "import curry from './curry'",
        "import { helper, native, other, fast, slow } from './helpers'",
        'var trim = native ? curry(function (s) { return helper(s) }) : fast ? curry(x => other(x)) : slow(1)'
      ].join('\n')
    )[MODULE_SYMBOL]
    expect(found?.refs.sort()).toEqual(['curry', 'fast', 'native', 'slow'])
    expect(found?.deferred).toEqual([
      { calls: [['curry', 0]], refs: ['trim', 's', 'helper'] },
      { calls: [['curry', 0]], refs: ['trim', 'x', 'other'] }
    ])
  })

  it('keeps in the module what a call made on load may run at once', () => {
    const found = symbols(
      [
        "import { helper, curry, obj } from './helpers'",
        'const now = curry(function () { return helper(1) })(2)',
        'const member = obj.curry(function () { return helper(2) })',
        'const two = curry(function () { return helper(3) }), three = 3',
        'const table = [1, 2].map(function (a) { return helper(a) })'
      ].join('\n')
    )[MODULE_SYMBOL]
    expect(found?.deferred).toBeUndefined()
    expect(found?.refs).toEqual(expect.arrayContaining(['helper', 'now', 'member', 'two', 'table']))
  })

  it('keeps a name passed in the module’s text, and its reference with the call it goes to', () => {
    const found = symbols(
      "import make from './make'\nimport { arr, iter } from './h'\nvar reduce = make(arr, iter)\n"
    )[MODULE_SYMBOL]
    expect(found?.refs).toEqual(['make'])
    expect(found?.deferred).toEqual([
      { calls: [['make', 0]], refs: ['arr'] },
      { calls: [['make', 1]], refs: ['iter'] }
    ])
    const before = 'import make from "./make"\nvar reduce = make(arr, iter)\n'
    expect(changed(before, before.replace('iter)', 'other)'), 'a.js')).toEqual(
      expect.arrayContaining([MODULE_SYMBOL, 'reduce'])
    )
  })

  it('changes the module when the call changes, not when only the function passed does', () => {
    const before = "import curry from './curry'\nconst inc = curry(function inc(a) { return a + 1 })\n"
    expect(changed(before, before.replace('a + 1', 'a + 2'), 'a.js')).toEqual(['inc'])
    expect(changed(before, before.replace('curry(function', 'curry2(function'), 'a.js')).toEqual(
      expect.arrayContaining([MODULE_SYMBOL, 'inc'])
    )
  })
})

describe('a template hole that is a constant of literal strings', () => {
  const strings = (code: string): string[] => scanJs(code, 'src/models.ts').strings

  it('fills the hole with each value, where the text after it alone names any folder so called', () => {
    const code = (use: string): string =>
      `import { join } from 'node:path'\nexport function models(dir: string) {\n  const srcDir = dir.includes('dist') ? 'dist' : 'src'\n  const parts = dir.split(srcDir)\n  return parts[0] + srcDir + ${use}\n}\n`
    expect(strings(code('`${srcDir}/modules/`'))).toEqual(['dist/modules/', 'src/modules/'])
    // From the last hole on: the earlier one may be anything.
    expect(strings(code('`${dir}/${srcDir}/modules/`'))).toEqual(['/dist/modules/', '/src/modules/'])
    // Each declaration's values count, whichever is in scope.
    expect(strings("const d = 'a'\nfunction f() {\n  const d = 'b'\n  return `${d}/modules/`\n}\n")).toEqual([
      'a/modules/',
      'b/modules/'
    ])
  })

  it('keeps the text after the hole alone where the name may be bound otherwise', () => {
    for (const code of [
      "const d = 'a'\nexport function f(d) { return `${d}/modules/` }\n",
      "const d = 'a'\nexport const f = d => `${d}/modules/`\n",
      "const d = 'a'\nexport const f = ({ d }) => `${d}/modules/`\n",
      "const d = 'a'\nif (d) run()\nexport const e = `${d}/modules/`\n",
      "const d: string = 'a'\nexport const e = `${d}/modules/`\n",
      "const d = x ? (y ? 'a' : 'b') : 'c'\nexport const e = `${d}/modules/`\n",
      "const d = pick('a')\nexport const e = `${d}/modules/`\n",
      "let d = 'a'\nexport const e = `${d}/modules/`\n",
      // A URL, whose path is the text after the hole: an HTTP route's folder.
      "const d = 'https://shop.test'\nexport const e = `${d}/modules/`\n"
    ])
      expect([code, strings(code)]).toEqual([code, ['/modules/']])
  })
})

describe('a path joined from a folder known only when the code runs', () => {
  const strings = (code: string): string[] => scanJs(code, 'test/support/run.ts').strings

  it('keeps the strings after the folder joined, as a path from some folder', () => {
    expect(strings("export const ENTRY = join(PROJECT_ROOT, 'dist', 'index.js')\n")).toEqual(
      expect.arrayContaining(['dist/index.js'])
    )
    expect(strings("const cli = path.resolve(process.cwd(), 'bin', './cli.js')\n")).toContain('bin/cli.js')
    expect(
      strings("const e = join(fileURLToPath(new URL('..', import.meta.url)), '..', 'dist', 'a.js')\n")
    ).toContain('dist/a.js')
  })

  it('follows a name to the folder it is declared with', () => {
    expect(
      strings("const DIST = join(ROOT, 'dist')\nexport const E = join(DIST, 'cli', 'index.js')\n")
    ).toContain('dist/cli/index.js')
    // From the file's folder: a path from there.
    expect(strings("const B = resolve(__dirname, '../dist')\nexport const E = join(B, 'a.js')\n")).toContain(
      '../dist/a.js'
    )
    // Declared twice: which one is not known, and the name alone names no file.
    const twice =
      "function f() { const D = join(R, 'a') }\nfunction g() { const D = join(R, 'b') }\nexport const E = join(D, 'x.js')\n"
    expect(strings(twice).filter(s => s.includes('/'))).toEqual([])
  })

  it('keeps nothing more for a call that is not such a path', () => {
    for (const code of [
      // A name alone, a hole at the end, strings alone, a list joined.
      "const a = join(ROOT, 'index.js')\n",
      "const a = join(ROOT, 'dist', name)\n",
      "const a = join('dist', 'index.js')\n",
      "const a = [x, 'index.js'].join(', ')\n",
      // Handed to a loader: an import of it (builtPath's), not a string too.
      "const { a } = require(join(ROOT, 'src', 'a.js'))\n",
      "jest.mock(path.join(ROOT, 'src', 'a.js'))\n"
    ])
      expect([code, strings(code).filter(s => s.includes('/'))]).toEqual([code, []])
    // From the file's own folder: a path from there, as before.
    expect(strings("const a = join(__dirname, 'dist', 'index.js')\n")).toEqual([
      './dist/index.js',
      'index.js'
    ])
  })
})
