/**
 * Top-level `F.name = value` statements (`create.prototype = Schema.prototype`, `Button.displayName
 * = 'Button'`): when nothing runs on load, they belong to F rather than to every loader of the module.
 * Found measuring yup, where each schema module ends with such a line and every test selected every
 * schema's methods.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { Git } from '../../src/ports/git.js'
import { streamLogger } from '../../src/ports/log.js'
import { changedNames, diffScans } from '../../src/select/diff.js'
import { scanJs } from '../../src/select/js-scanner.js'
import { MODULE_SYMBOL } from '../../src/select/model.js'
import { selectTests } from '../../src/select/index.js'
import { cleanupAll, createRepo } from '../support/git-repo.js'

afterAll(() => cleanupAll())

const CLASS = 'class Schema {\n  positive() {\n    return 1\n  }\n}\n'
const FACTORY = 'export function create() {\n  return new Schema()\n}\n'

function refsOf(src: string, name: string): string[] {
  return scanJs(src, 'a.ts').symbols[name]?.refs ?? []
}

describe('inert property assignments on a local function or plain class', () => {
  it('belong to the function: it reaches what they store, and module loading does not', () => {
    const src = `${CLASS}${FACTORY}create.prototype = Schema.prototype\ncreate.INVALID = invalid\nlet invalid = 1\n`
    expect(refsOf(src, 'create')).toEqual(expect.arrayContaining(['Schema', 'invalid']))
    expect(refsOf(src, MODULE_SYMBOL)).toEqual([])
  })

  it('accept literals, arrays, objects and uncalled functions, and a function declared later', () => {
    const src =
      "Button.displayName = 'Button'\nButton.defaultProps = { size: 2, tags: ['a', -1], onClick: noop, kind }\n" +
      'Button.prototype.render = function () {\n  return draw()\n}\nButton.make = (a) => build(a)\n' +
      'function Button() {}\n'
    expect(refsOf(src, 'Button')).toEqual(
      expect.arrayContaining(['noop', 'kind', 'Button.prototype.render', 'Button.make'])
    )
    // A function stored is a symbol of its own, held by the function it is stored on.
    expect(refsOf(src, 'Button.prototype.render')).toEqual(['draw'])
    expect(refsOf(src, 'Button.make')).toEqual(['a', 'build'])
    expect(refsOf(src, MODULE_SYMBOL)).toEqual([])
    const changed = src.replace('return draw()', 'return draw(1)')
    expect(changedNames(diffScans(scanJs(src, 'a.js'), scanJs(changed, 'a.js')))).toEqual([
      'Button.prototype.render'
    ])
  })

  it('keep a function stored on a local object run on load, as a symbol of its own that load holds', () => {
    const src =
      'var res = Object.create(Base.prototype)\nmodule.exports = res\n' +
      'res.send = function (body) {\n  return this.end(format(body))\n}\nres.other = 1\n'
    expect(refsOf(src, MODULE_SYMBOL)).toEqual(expect.arrayContaining(['res', 'res.send']))
    expect(refsOf(src, MODULE_SYMBOL)).not.toContain('format')
    expect(refsOf(src, 'res.send')).toEqual(expect.arrayContaining(['body', 'format']))
    const diff = (from: string, to: string): string[] =>
      changedNames(diffScans(scanJs(src, 'a.js'), scanJs(src.replace(from, to), 'a.js')))
    expect(diff('format(body)', 'format(body, 2)')).toEqual(['res.send'])
    // Renaming the property, or storing something else, changes what load does.
    expect(diff('res.send =', 'res.write =')).toEqual(expect.arrayContaining([MODULE_SYMBOL]))
    expect(diff('res.other = 1', 'res.other = 2')).toEqual([MODULE_SYMBOL])
  })

  it('count as a change of the function, not of the module', () => {
    const before = `${FACTORY}create.LIMIT = 1\n`
    const after = `${FACTORY}create.LIMIT = 2\n`
    expect(changedNames(diffScans(scanJs(before, 'a.ts'), scanJs(after, 'a.ts')))).toEqual(['create'])
  })

  it.each([
    ['a call in the value', `${FACTORY}create.x = make()\n`, 'make'],
    ['a `new` in the value', `${FACTORY}create.x = new Schema()\n`, 'Schema'],
    ['a property read that could be a getter', `${FACTORY}create.x = config.limit\n`, 'config'],
    ['a spread', `${FACTORY}create.x = { ...defaults }\n`, 'defaults'],
    ['a computed key', `${FACTORY}create.x = { [key]: 1 }\n`, 'key'],
    ['an arrow followed by a call', `${FACTORY}create.x = a => a, run()\n`, 'run'],
    ['a compound assignment', `${FACTORY}create.x += step\n`, 'step'],
    ['an imported target', "import { create } from './b'\ncreate.x = Schema\n", 'Schema'],
    ['a global target', 'window.schema = Schema\n', 'Schema'],
    [
      'a class with a base class (its setters could run)',
      `class Child extends Base {}\nChild.x = value\n`,
      'value'
    ],
    [
      'a class with an accessor',
      `class Box {\n  set x(v) {\n    save(v)\n  }\n}\nBox.prototype.x = value\n`,
      'value'
    ],
    ['a variable target', 'let api = {}\napi.x = value\n', 'value'],
    [
      'a function whose prototype was replaced (its setters could run)',
      `${FACTORY}create.prototype = Base.prototype\ncreate.prototype.x = value\n`,
      'value'
    ],
    [
      'a function handed to code run on load',
      `${FACTORY}Object.defineProperty(create, 'x', { set: save })\ncreate.x = value\n`,
      'value'
    ]
  ])('stay statements run on load with %s', (_name, src, ref) => {
    expect(refsOf(src, MODULE_SYMBOL)).toContain(ref)
  })

  it('take a string key in brackets as a name (ramda’s `F.prototype["@@transducer/step"]`)', () => {
    const src = `${FACTORY}create.prototype['@@transducer/step'] = function (a) {\n  return step(a)\n}\n`
    expect(refsOf(src, 'create')).toContain('create.prototype.@@transducer/step')
    expect(refsOf(src, 'create.prototype.@@transducer/step')).toContain('step')
    expect(refsOf(src, MODULE_SYMBOL)).toEqual([])
  })

  it('run a value that is not inert on load, without making F code run on load', () => {
    const src = `${FACTORY}create.prototype.init = base.init\n`
    expect(refsOf(src, MODULE_SYMBOL)).toEqual(['base'])
    expect(refsOf(src, 'create')).toContain('base')
    expect(
      changedNames(diffScans(scanJs(src, 'a.ts'), scanJs(src.replace('new Schema', 'new Other'), 'a.ts')))
    ).toEqual(['create'])
    // A value that names F may call it on load.
    expect(refsOf(`${FACTORY}create.x = make(create)\n`, MODULE_SYMBOL)).toEqual(
      expect.arrayContaining(['make', 'create'])
    )
  })
})

describe('selection with factory functions behind a barrel (the yup pattern)', () => {
  const schema = (name: string): string =>
    `export default class ${name}Schema {\n  check(v: unknown) {\n    return v != null\n  }\n}\n` +
    `export function create() {\n  return new ${name}Schema()\n}\ncreate.prototype = ${name}Schema.prototype\n`
  const files = {
    'src/number.ts': schema('Number'),
    'src/string.ts': schema('String'),
    'src/registry.ts':
      'export const known: unknown[] = []\nexport function register(x: unknown) {\n  known.push(x)\n}\n',
    'src/date.ts': "import { register } from './registry'\n" + schema('Date') + 'register(DateSchema)\n',
    'src/index.ts':
      "export { create as number } from './number'\nexport { create as string } from './string'\nexport { create as date } from './date'\n",
    'test/number.test.ts':
      "import { number } from '../src'\ntest('n', () => expect(number().check(1)).toBe(true))\n",
    'test/string.test.ts':
      "import { string } from '../src'\ntest('s', () => expect(string().check('')).toBe(true))\n"
  }

  async function selected(file: string, from: string, to: string): Promise<string[]> {
    const repo = createRepo({ files })
    const base = repo.head()
    repo.commit('change', { [file]: files[file as keyof typeof files].replace(from, to) })
    const result = await selectTests({
      git: new Git(repo.dir),
      base,
      head: 'HEAD',
      log: streamLogger(() => undefined)
    })
    return result.tests
  }

  it('selects only the tests that import the changed schema’s factory', async () => {
    expect(await selected('src/number.ts', 'v != null', 'v !== null')).toEqual(['test/number.test.ts'])
  })

  it('still selects every loader when module code hands the class to a function on load', async () => {
    expect(await selected('src/date.ts', 'v != null', 'v !== null')).toEqual([
      'test/number.test.ts',
      'test/string.test.ts'
    ])
  })
})

describe('declarations named like Object.prototype members (luxon exports hasOwnProperty)', () => {
  const src = (body: string): string =>
    `export function hasOwnProperty(obj, prop) {\n  return ${body}\n}\nexport function toString() {\n  return ''\n}\nexport class constructor {}\n`

  it('are scanned as symbols of their own', () => {
    const scan = scanJs(src('Object.prototype.hasOwnProperty.call(obj, prop)'), 'util.js')
    expect(Object.keys(scan.symbols)).toEqual(
      expect.arrayContaining(['hasOwnProperty', 'toString', 'constructor'])
    )
    expect(scan.exports).toMatchObject({ hasOwnProperty: 'hasOwnProperty', toString: 'toString' })
  })

  it('are compared by their own hashes', () => {
    const before = scanJs(src('Object.prototype.hasOwnProperty.call(obj, prop)'), 'util.js')
    const after = scanJs(src('Object.hasOwn(obj, prop)'), 'util.js')
    expect(changedNames(diffScans(before, after))).toEqual(['hasOwnProperty'])
    const added = scanJs('export function other() {}\n', 'util.js')
    expect(changedNames(diffScans(added, before))).toEqual(
      expect.arrayContaining(['hasOwnProperty', 'toString', 'constructor'])
    )
  })
})
