// ts-jest 29.3 and later compile each module alone, checking no types, when the tsconfig they
// compile with sets isolatedModules: a type error then fails no test, and a change selects only
// the tests that reach what changed. The cases run this project's ts-jest (29.4) for real, but
// for a lockfile that pins a ts-jest not installed here.
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { failingFiles } from '../support/coverage-scenario.js'
import { cleanupAll, createRepo } from '../support/git-repo.js'
import { PROJECT_ROOT } from '../support/harness.js'
import { expectEditSelects, selectBothWays } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const compilerOptions = { strict: true, target: 'es2020', module: 'commonjs', types: ['jest'] }

const FILES = {
  'package.json': JSON.stringify({ name: 'isolation', scripts: { test: 'jest' } }),
  'jest.config.js':
    "module.exports = { testEnvironment: 'node', transform: { '^.+\\\\.ts$': ['ts-jest', {}] } }\n",
  'tsconfig.json': JSON.stringify({ compilerOptions: { ...compilerOptions, isolatedModules: true } }),
  'src/math.ts': [
    'export function add(a: number, b: number): number {',
    '  return a + b',
    '}',
    'export function mul(a: number, b: number): number {',
    '  return a * b',
    '}',
    ''
  ].join('\n'),
  'test/add.test.ts': "import { add } from '../src/math'\ntest('add', () => expect(add(2, 3)).toBe(5))\n",
  'test/mul.test.ts': "import { mul } from '../src/math'\ntest('mul', () => expect(mul(2, 3)).toBe(6))\n"
}

/** mul returns what its type says it does not: a type error, and the same number at run time. */
const TYPE_ERROR: [keyof typeof FILES, string, string] = [
  'src/math.ts',
  'return a * b',
  'return (a * b) as unknown as string'
]

describe('ts-jest and the isolatedModules of its tsconfig, with a real jest', () => {
  it('a tsconfig that sets it: a type error fails nothing, and only the changed function is selected', async () => {
    await expectEditSelects(FILES, TYPE_ERROR, [], ['test/mul.test.ts'])
  })

  it('a tsconfig that extends one that sets it: the same', async () => {
    const files = {
      ...FILES,
      'tsconfig.json': JSON.stringify({ extends: './tsconfig.base.json', include: ['src', 'test'] }),
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { ...compilerOptions, isolatedModules: true } })
    }
    await expectEditSelects(files, TYPE_ERROR, [], ['test/mul.test.ts'])
  })

  it("compiler options given inline as ts-jest's tsconfig that set it: the same (from 29.3 on)", async () => {
    const files = {
      ...FILES,
      'tsconfig.json': JSON.stringify({ compilerOptions }),
      'jest.config.js': FILES['jest.config.js'].replace(
        '{}',
        `{ tsconfig: ${JSON.stringify({ ...compilerOptions, isolatedModules: true })} }`
      )
    }
    await expectEditSelects(files, TYPE_ERROR, [], ['test/mul.test.ts'])
  })

  it.each([
    ['does not set it', { compilerOptions }],
    ['sets it only in a comment', undefined],
    ['sets it, and the config points ts-jest at another that does not', { compilerOptions }]
  ])('a tsconfig that %s: the type error fails every test that loads the file', async (how, tsconfig) => {
    const files = {
      ...FILES,
      'tsconfig.json':
        tsconfig === undefined
          ? `{\n  "compilerOptions": {\n    // "isolatedModules": true,\n    ${JSON.stringify(compilerOptions).slice(1, -1)}\n  }\n}\n`
          : JSON.stringify(tsconfig),
      ...(how.includes('points') && {
        'tsconfig.json': FILES['tsconfig.json'],
        'tsconfig.test.json': JSON.stringify(tsconfig),
        'jest.config.js': FILES['jest.config.js'].replace(
          '{}',
          "{ tsconfig: '<rootDir>/tsconfig.test.json' }"
        )
      })
    }
    const both = ['test/add.test.ts', 'test/mul.test.ts']
    await expectEditSelects(files, TYPE_ERROR, both, both)
  })

  describe('before the packages are installed, the lockfile tells the version', () => {
    // The package.json's range allows 28.x-29.x from 29.1: not enough to know. The lockfile pins it.
    const lockfile = (version: string): string =>
      JSON.stringify({
        name: 'isolation',
        lockfileVersion: 3,
        packages: {
          '': { devDependencies: { 'ts-jest': '^29.1.0' } },
          'node_modules/ts-jest': { version, dev: true }
        }
      })
    const withLock = (version: string) => ({
      ...FILES,
      'package.json': JSON.stringify({
        name: 'isolation',
        scripts: { test: 'jest' },
        devDependencies: { 'ts-jest': '^29.1.0' }
      }),
      'package-lock.json': lockfile(version)
    })

    it("one that pins 29.4 (this project's, as then installed): only the changed function, which the real run bears out", async () => {
      const installed = readFileSync(join(PROJECT_ROOT, 'node_modules/ts-jest/package.json'), 'utf8')
      const installedVersion = (JSON.parse(installed) as { version: string }).version
      const repo = createRepo({ files: withLock(installedVersion) })
      repo.write('.git/info/exclude', 'node_modules\n')
      const base = repo.head()
      const [file, from, to] = TYPE_ERROR
      repo.commit('change', { [file]: FILES[file].replace(from, to) })
      expect((await selectBothWays(repo.dir, base)).tests).toEqual(['test/mul.test.ts'])
      symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(repo.dir, 'node_modules'), 'dir')
      expect(await failingFiles(repo)).toEqual([])
      expect((await selectBothWays(repo.dir, base)).tests).toEqual(['test/mul.test.ts'])
    })

    it('one that pins 29.2: every test that loads the file, as such a ts-jest checks types', async () => {
      const repo = createRepo({ files: withLock('29.2.6') })
      const base = repo.head()
      const [file, from, to] = TYPE_ERROR
      repo.commit('change', { [file]: FILES[file].replace(from, to) })
      expect((await selectBothWays(repo.dir, base)).tests).toEqual(['test/add.test.ts', 'test/mul.test.ts'])
    })
  })
})
