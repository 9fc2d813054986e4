/**
 * Types run nothing: what reaches a test only through a type (an interface, a type alias, or a
 * value import that takes only those, which esbuild drops) cannot fail it when it runs, and can
 * fail a type test. Checked against a real `vitest run --typecheck`, which runs the tests and
 * type-checks the type tests with tsc, and against a real jest with ts-jest, which compiles with
 * TypeScript itself, module by module or as a program that it type-checks.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { failingFiles, projectRepo } from '../support/coverage-scenario.js'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects, selectBothWays } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const FILES = {
  'package.json': JSON.stringify({
    name: 'erasure',
    type: 'module',
    scripts: { test: 'vitest run --typecheck' }
  }),
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      strict: true,
      target: 'es2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      noEmit: true,
      skipLibCheck: true,
      types: []
    },
    include: ['src', 'test']
  }),
  'src/options.ts': [
    'export interface Options {',
    '  strict: boolean',
    '}',
    'export const defaults: Options = { strict: true }',
    "export const marker = 'strict'",
    ''
  ].join('\n'),
  // Takes a type alone from options.ts: esbuild drops the import, so options.ts does not load.
  'src/run.ts': [
    "import { Options } from './options'",
    'export function run(options: Options): string {',
    "  return options.strict ? 'strict' : 'loose'",
    '}',
    ''
  ].join('\n'),
  'src/both.ts': [
    "import { Options, defaults } from './options'",
    'export function both(options: Options = defaults): boolean {',
    '  return options.strict',
    '}',
    ''
  ].join('\n'),
  // Takes values, and uses them in types alone: compilers drop that import too.
  'src/infer.ts': [
    "import { defaults } from './options'",
    'export type Defaults = typeof defaults',
    'export function infer(value: Defaults): boolean {',
    '  return value.strict',
    '}',
    ''
  ].join('\n'),
  // A computed key reads its value, and tsc keeps its import (esbuild does not).
  'src/keyed.ts': [
    "import { marker } from './options'",
    'export interface Marked {',
    '  [marker]: boolean',
    '}',
    'export function keyed(value: Marked): boolean {',
    '  return value.strict',
    '}',
    ''
  ].join('\n'),
  'test/infer.test.ts': [
    "import { expect, test } from 'vitest'",
    "import { infer } from '../src/infer'",
    "test('infer', () => expect(infer({ strict: true })).toBe(true))",
    ''
  ].join('\n'),
  'test/keyed.test.ts': [
    "import { expect, test } from 'vitest'",
    "import { keyed } from '../src/keyed'",
    "test('keyed', () => expect(keyed({ strict: true })).toBe(true))",
    ''
  ].join('\n'),
  'test/run.test.ts': [
    "import { expect, test } from 'vitest'",
    "import { run } from '../src/run'",
    "test('run', () => expect(run({ strict: true })).toBe('strict'))",
    ''
  ].join('\n'),
  'test/both.test.ts': [
    "import { expect, test } from 'vitest'",
    "import { both } from '../src/both'",
    "test('both', () => expect(both()).toBe(true))",
    ''
  ].join('\n'),
  'test/run.test-d.ts': [
    "import { expectTypeOf, test } from 'vitest'",
    "import { run } from '../src/run'",
    "test('run takes options', () => expectTypeOf(run).parameter(0).toEqualTypeOf<{ strict: boolean }>())",
    ''
  ].join('\n')
}

describe('types, with a real vitest that type-checks its type tests', () => {
  it.each([
    // Breaks options.ts when it loads: run.ts and infer.ts never load it, nor does keyed.ts
    // compiled by esbuild, which drops the import a computed key reads (tsc keeps it, below).
    [
      'src/options.ts',
      'export const defaults',
      "throw new Error('options broken')\nexport const defaults",
      ['test/both.test.ts'],
      // The type test reaches options.ts by types, and is type-checked: it runs (and passes).
      ['test/both.test.ts', 'test/keyed.test.ts', 'test/run.test-d.ts']
    ],
    // A type runs nothing, and fails the type test.
    ['src/options.ts', 'strict: boolean', 'strict?: boolean', ['test/run.test-d.ts'], ['test/run.test-d.ts']],
    // What run does, which the type test does not run.
    ['src/run.ts', "'loose'", "'lax'", [], ['test/run.test-d.ts', 'test/run.test.ts']]
  ])('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file as keyof typeof FILES, from, to], failing, selected)
  })
})

describe('a value import of types alone, with a real vitest whose tsconfig extends a base from outside the repository', () => {
  // A base that git ignores (generated, as SvelteKit's and Nuxt's are, or installed in node_modules).
  const files = {
    'package.json': JSON.stringify({ name: 'erasure', type: 'module', scripts: { test: 'vitest run' } }),
    'tsconfig.json': JSON.stringify({ extends: './.generated/tsconfig.json', include: ['src', 'test'] }),
    'src/options.ts': FILES['src/options.ts'],
    'src/run.ts': FILES['src/run.ts'],
    'src/both.ts': FILES['src/both.ts'],
    'test/run.test.ts': FILES['test/run.test.ts'],
    'test/both.test.ts': FILES['test/both.test.ts']
  }
  it.each([
    // vitest compiles with the base's options: the import stays, and run.ts loads options.ts.
    ['keeps value imports', { verbatimModuleSyntax: true }, ['test/both.test.ts', 'test/run.test.ts']],
    ['keeps nothing', { strict: true }, ['test/both.test.ts']]
  ])('a base that %s: a load-time break selects what fails', async (_what, compilerOptions, failing) => {
    const repo = projectRepo(files)
    repo.write('.git/info/exclude', 'node_modules\n.generated\n')
    repo.write('.generated/tsconfig.json', JSON.stringify({ compilerOptions }))
    const base = repo.head()
    repo.commit('change', {
      'src/options.ts': files['src/options.ts'].replace(
        'export const defaults',
        "throw new Error('options broken')\nexport const defaults"
      )
    })
    expect(repo.git('status', '--porcelain')).toBe('')
    expect(await failingFiles(repo)).toEqual(failing)
    expect((await selectBothWays(repo.dir, base)).tests).toEqual(failing)
  })
})

const JEST_FILES = {
  'package.json': JSON.stringify({ name: 'erasure', scripts: { test: 'jest' } }),
  'tsconfig.json': JSON.stringify({
    compilerOptions: { strict: true, target: 'es2020', module: 'commonjs', esModuleInterop: true, types: [] },
    include: ['src']
  }),
  'src/options.ts': FILES['src/options.ts'],
  'src/run.ts': FILES['src/run.ts'],
  'src/both.ts': FILES['src/both.ts'],
  // jest's globals by import: the type-checking compile knows them so.
  'src/infer.ts': FILES['src/infer.ts'],
  'src/keyed.ts': FILES['src/keyed.ts'],
  'test/infer.test.ts': FILES['test/infer.test.ts'].replace("from 'vitest'", "from '@jest/globals'"),
  'test/keyed.test.ts': FILES['test/keyed.test.ts'].replace("from 'vitest'", "from '@jest/globals'"),
  'test/run.test.ts':
    "import { expect, test } from '@jest/globals'\nimport { run } from '../src/run'\n\ntest('run', () => expect(run({ strict: true })).toBe('strict'))\n",
  'test/both.test.ts':
    "import { expect, test } from '@jest/globals'\nimport { both } from '../src/both'\n\ntest('both', () => expect(both()).toBe(true))\n"
}

describe('a value import of types alone, with a real jest that compiles with TypeScript (ts-jest)', () => {
  it.each([
    ['module by module', "['ts-jest', { isolatedModules: true }]"],
    ['as a program it type-checks', "['ts-jest', {}]"]
  ])('%s: a load-time break of the module it takes types from does not reach it', async (_how, transform) => {
    const files = {
      ...JEST_FILES,
      'jest.config.js': `module.exports = { testEnvironment: 'node', transform: { '^.+\\\\.ts$': ${transform} } }\n`
    }
    await expectEditSelects(
      files,
      ['src/options.ts', 'export const defaults', "throw new Error('options broken')\nexport const defaults"],
      ['test/both.test.ts', 'test/keyed.test.ts'],
      ['test/both.test.ts', 'test/keyed.test.ts']
    )
  })
})

describe('decorator metadata, with a real jest that compiles with TypeScript (ts-jest)', () => {
  // A decorated property annotated with a type: with emitDecoratorMetadata, the compiled class
  // reads the annotation's name at run time, and a compiler that sees one module at a time keeps
  // its import, not knowing it is a type.
  const files = {
    ...JEST_FILES,
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'es2020',
        module: 'commonjs',
        esModuleInterop: true,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        types: []
      },
      include: ['src']
    }),
    'src/model.ts': [
      "import { Options } from './options'",
      'function field(): PropertyDecorator {',
      '  return () => undefined',
      '}',
      'export class Model {',
      '  @field() options?: Options',
      '}',
      ''
    ].join('\n'),
    'test/model.test.ts':
      "import { expect, test } from '@jest/globals'\nimport { Model } from '../src/model'\n\ntest('model', () => expect(new Model().options).toBe(undefined))\n"
  }
  it.each([
    // ts-jest's isolatedModules compiles with transpileModule, which keeps the import.
    ['module by module', "['ts-jest', { isolatedModules: true }]", ['test/model.test.ts']],
    // The type-checked program knows Options is an interface, writes Object and drops the import.
    ['as a program it type-checks', "['ts-jest', {}]", []]
  ])(
    '%s: a load-time break of the module it annotates with selects the decorated class',
    async (_how, transform, decorated) => {
      await expectEditSelects(
        {
          ...files,
          'jest.config.js': `module.exports = { testEnvironment: 'node', transform: { '^.+\\\\.ts$': ${transform} } }\n`
        },
        [
          'src/options.ts',
          'export const defaults',
          "throw new Error('options broken')\nexport const defaults"
        ],
        ['test/both.test.ts', 'test/keyed.test.ts', ...decorated].sort(),
        ['test/both.test.ts', 'test/keyed.test.ts', 'test/model.test.ts']
      )
    }
  )
})

describe('a value import of types alone, with a real ts-jest pointed at a tsconfig in another folder', () => {
  // ts-jest compiles every module with the tsconfig it is given, though that config's folder (its
  // `include` by default) holds none of them; and this one keeps every value import: run.ts and
  // infer.ts load options.ts after all.
  const files = {
    ...JEST_FILES,
    'config/tsconfig.json': JSON.stringify({
      compilerOptions: {
        ...JSON.parse(JEST_FILES['tsconfig.json']).compilerOptions,
        verbatimModuleSyntax: true
      }
    }),
    'jest.config.js': `module.exports = { testEnvironment: 'node', transform: { '^.+\\\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: '<rootDir>/config/tsconfig.json' }] } }\n`
  }
  it('a load-time break of the module that gives the types selects every test that loads it', async () => {
    const all = ['test/both.test.ts', 'test/infer.test.ts', 'test/keyed.test.ts', 'test/run.test.ts']
    await expectEditSelects(
      files,
      ['src/options.ts', 'export const defaults', "throw new Error('options broken')\nexport const defaults"],
      all,
      all
    )
  })
})
