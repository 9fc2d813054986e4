/**
 * Names that are also TypeScript keywords (`set`, `get`, `of`, `from`, `is`, `type`, `string`…).
 * Found measuring react-hook-form: `set(fields, name, value)` was not a reference because `set` is
 * the setter keyword, so a change to utils/set.ts missed 47 of the 48 test files it broke.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { Git } from '../../src/ports/git.js'
import { streamLogger } from '../../src/ports/log.js'
import { scanJs } from '../../src/select/js-scanner.js'
import { MODULE_SYMBOL } from '../../src/select/model.js'
import { selectTests } from '../../src/select/index.js'
import { cleanupAll, createRepo } from '../support/git-repo.js'

afterAll(() => cleanupAll())

const refs = (src: string, name: string, path = 'a.ts'): string[] =>
  scanJs(src, path).symbols[name]?.refs ?? []

describe('contextual keywords used as names', () => {
  it.each([
    ['set', 'export default (o, k, v) => {\n  o && set(o, k, v)\n}\n'],
    ['get', 'export function read(o, k) {\n  return get(o, k) ?? get.fallback\n}\n'],
    ['of', 'export const stream = () => {\n  return of(1, 2)\n}\n'],
    ['from', 'export function wrap(x) {\n  return from(x)\n}\n'],
    ['is', 'export function same(a, b) {\n  return is(a, b)\n}\n'],
    ['string', 'export function schema() {\n  return string().required()\n}\n'],
    ['type', 'export function kind(x) {\n  return type(x)\n}\n'],
    ['async', 'export function run(tasks) {\n  return async.series(tasks)\n}\n']
  ])('%s called or read is a reference', (name, src) => {
    const symbol = Object.keys(scanJs(src, 'a.ts').symbols).find(s => s !== MODULE_SYMBOL) as string
    expect(refs(src, symbol)).toContain(name)
  })

  it('used as keywords they are not references', () => {
    const src =
      'export class Box {\n  get size(): number {\n    return 1\n  }\n  set size(v: string) {}\n}\n' +
      "export function f(x: unknown): x is string {\n  for (const y of [1]) use(y as any)\n  return typeof x === 'string'\n}\n"
    expect(refs(src, 'Box.size')).not.toEqual(expect.arrayContaining(['get', 'set']))
    expect(refs(src, 'f')).not.toEqual(expect.arrayContaining(['is', 'of', 'as']))
    expect(refs(src, 'f')).toContain('use')
  })

  it('a call at module level makes the initializer run on load', () => {
    const src = "import set from './set'\nexport const defaults = set({}, 'a', 1)\n"
    expect(refs(src, MODULE_SYMBOL)).toContain('set')
  })
})

it('selects the tests that reach a function named set through another module (react-hook-form)', async () => {
  const repo = createRepo({
    files: {
      'src/utils/set.ts':
        'export default (object: Record<string, unknown>, key: string, value: unknown) => {\n  object[key] = value\n}\n',
      'src/options.ts':
        "import set from './utils/set'\nexport default (names: string[]) => {\n  const fields = {}\n  for (const name of names) set(fields, name, true)\n  return fields\n}\n",
      'src/other.ts': 'export default () => 1\n',
      'src/__tests__/options.test.ts':
        "import options from '../options'\ntest('o', () => expect(options(['a'])).toEqual({ a: true }))\n",
      'src/__tests__/other.test.ts':
        "import other from '../other'\ntest('x', () => expect(other()).toBe(1))\n"
    }
  })
  const base = repo.head()
  repo.commit('break set', {
    'src/utils/set.ts':
      'export default (object: Record<string, unknown>, key: string, value: unknown) => {\n  object[key] = !value\n}\n'
  })
  const result = await selectTests({
    git: new Git(repo.dir),
    base,
    head: 'HEAD',
    log: streamLogger(() => undefined)
  })
  expect(result.tests).toEqual(['src/__tests__/options.test.ts'])
})
