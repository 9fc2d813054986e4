/**
 * jest configs that are not one literal object: the literal parts are read (a moduleNameMapper
 * beside a spread used to be lost, and the first `const` object of the file was taken for the
 * config, so a test importing through the mapper was never selected).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { Git } from '../../src/ports/git.js'
import { streamLogger } from '../../src/ports/log.js'
import { selectTests } from '../../src/select/index.js'
import { jestConfigFromJs, loadJestSettings } from '../../src/select/project.js'
import { cleanupAll, createRepo } from '../support/git-repo.js'

afterAll(() => cleanupAll())

const MAPPED_CONFIG =
  "const base = { testEnvironment: 'node' }\n" +
  'module.exports = {\n' +
  '  ...base,\n' +
  "  // aliases\n  moduleNameMapper: { '^@app/(.*)$': '<rootDir>/src/$1' },\n" +
  "  testMatch: ['**/spec/**/*.spec.js'],\n" +
  "  transform: require('./transform'),\n" +
  '}\n'

/** babel's jest.config.ts, in short: ignore patterns that depend on the environment. */
const BABEL_LIKE_CONFIG = [
  'import type { Config } from "jest";',
  'const isPublishBundle = process.env.IS_PUBLISH;',
  'export default {',
  '  testRegex: `./packages/[^/]+/test/.+\\\\.m?js$`,',
  '  testPathIgnorePatterns: [',
  '    "/node_modules/",',
  '    "/test/fixtures/",',
  '    "_browser\\\\.js", // bundles',
  '    ...(isPublishBundle ? ["\\\\.skip-bundled\\\\.js$"] : []),',
  '    ...(process.env.BABEL_COVERAGE === "true" ? ["<rootDir>/packages/babel-standalone/"] : []),',
  '  ],',
  '} satisfies Config;',
  ''
].join('\n')

describe('reading a jest config that is partly computed', () => {
  it('takes the exported object, merges spreads of literal consts, and skips computed properties', () => {
    expect(jestConfigFromJs(MAPPED_CONFIG)).toEqual({
      config: {
        testEnvironment: 'node',
        moduleNameMapper: { '^@app/(.*)$': '<rootDir>/src/$1' },
        testMatch: ['**/spec/**/*.spec.js']
      },
      skipped: ['transform'],
      partial: []
    })
  })

  it('follows `export default name` to its object', () => {
    expect(jestConfigFromJs("const config = { roots: ['src'] }\nexport default config\n")?.config).toEqual({
      roots: ['src']
    })
  })

  it('reads the config a function returns, and the one a function is given (next/jest)', () => {
    const config = { testMatch: ['**/*.check.js'], setupFiles: ['<rootDir>/env.js'] }
    const literal = "{ testMatch: ['**/*.check.js'], setupFiles: ['<rootDir>/env.js'] }"
    for (const text of [
      `module.exports = async () => {\n  const unused = 1\n  return ${literal}\n}\n`,
      `module.exports = () => (${literal})\n`,
      `export default async function () {\n  return config\n}\nconst config = ${literal}\n`
    ])
      expect(jestConfigFromJs(text)).toEqual({ config, skipped: [], partial: [] })
    // next/jest: `createJestConfig` adds Next's transform and mappings to the config it is given.
    const next = [
      "const nextJest = require('next/jest')",
      "const createJestConfig = nextJest({ dir: './' })",
      `const customJestConfig = ${literal}`,
      'module.exports = createJestConfig(customJestConfig)',
      ''
    ].join('\n')
    expect(jestConfigFromJs(next)).toEqual({
      config,
      skipped: [],
      partial: ['the config given to createJestConfig(), which may add to it']
    })
    // What a function computes, or is given besides the config, is not read.
    for (const text of [
      "module.exports = buildConfig(__dirname, { testMatch: ['x'] })\n",
      'module.exports = async () => {\n  const base = await load()\n  return base\n}\n',
      "module.exports = async () => {\n  const base = { testMatch: ['x'] }\n}\n"
    ])
      expect(jestConfigFromJs(text)).toBeUndefined()
  })

  it('drops test-file keys that an unknown spread after them may replace, and keeps the others', () => {
    const result = jestConfigFromJs(
      "module.exports = { testMatch: ['a'], moduleNameMapper: { x: 'y' }, ...shared(), verbose: true }"
    )
    expect(result).toEqual({
      config: { moduleNameMapper: { x: 'y' }, verbose: true },
      skipped: ['...shared()'],
      partial: []
    })
  })

  it('reads an ignore list without the entries its spreads add, as those only ignore more', () => {
    const result = jestConfigFromJs(BABEL_LIKE_CONFIG)
    expect(result?.config.testPathIgnorePatterns).toEqual([
      '/node_modules/',
      '/test/fixtures/',
      '_browser\\.js'
    ])
    expect(result?.skipped).toEqual([])
    expect(result?.partial).toEqual([
      'testPathIgnorePatterns is read without the entries its spreads add (a file only those ignore counts as a test here)'
    ])
  })

  it('reads a list of tests with every literal a conditional spread may add, and no other spread', () => {
    const read = (list: string): unknown =>
      jestConfigFromJs(`module.exports = { testMatch: ${list} }`)?.config.testMatch
    expect(read("['a', ...(process.env.CI === 'true' ? ['b'] : ['c', 'd'])]")).toEqual(['a', 'b', 'c', 'd'])
    expect(read("['a', ...more]")).toBeUndefined()
    expect(read("['a', ...(ci ? load('b') : [])]")).toBeUndefined()
  })

  it('gives up on a config that is not an object literal', () => {
    expect(jestConfigFromJs('module.exports = makeConfig()')).toBeUndefined()
  })

  it('says which parts were not read', () => {
    const settings = loadJestSettings(p => (p === 'jest.config.js' ? MAPPED_CONFIG : undefined), '')
    expect(settings?.unreadable).toBe('jest.config.js: not literal: transform')
    expect(settings?.moduleNameMapper.map(m => m.regex.source)).toEqual(['^@app\\/(.*)$'])
  })
})

it('selects a test that imports through a moduleNameMapper written beside a spread', async () => {
  const repo = createRepo({
    files: {
      'package.json': JSON.stringify({ name: 'p' }),
      'jest.config.js': MAPPED_CONFIG.replace("  transform: require('./transform'),\n", ''),
      'src/a.js': 'export function a() {\n  return 1\n}\n',
      'src/b.js': 'export function b() {\n  return 1\n}\n',
      'spec/a.spec.js': "import { a } from '@app/a'\ntest('a', () => expect(a()).toBe(1))\n",
      'spec/b.spec.js': "import { b } from '@app/b'\ntest('b', () => expect(b()).toBe(1))\n"
    }
  })
  const base = repo.head()
  repo.commit('change a', { 'src/a.js': 'export function a() {\n  return 2\n}\n' })
  const result = await selectTests({
    git: new Git(repo.dir),
    base,
    head: 'HEAD',
    log: streamLogger(() => undefined)
  })
  expect(result.tests).toEqual(['spec/a.spec.js'])
})

it('does not count the fixtures an ignore list with spreads leaves out as tests', async () => {
  const repo = createRepo({
    files: {
      'package.json': JSON.stringify({ name: 'p' }),
      'jest.config.ts': BABEL_LIKE_CONFIG,
      'packages/core/src/a.js': 'export function a() {\n  return 1\n}\n',
      'packages/core/test/a.js': "import { a } from '../src/a'\ntest('a', () => expect(a()).toBe(1))\n",
      'packages/core/test/fixtures/input.js': "import { a } from '../../src/a'\na()\n",
      'packages/core/test/a_browser.js': "import { a } from '../src/a'\ntest('b', () => a())\n"
    }
  })
  const base = repo.head()
  repo.commit('change a', { 'packages/core/src/a.js': 'export function a() {\n  return 2\n}\n' })
  const result = await selectTests({
    git: new Git(repo.dir),
    base,
    head: 'HEAD',
    log: streamLogger(() => undefined)
  })
  expect(result.allTests).toEqual(['packages/core/test/a.js'])
  expect(result.tests).toEqual(['packages/core/test/a.js'])
  expect(result.notes).toContain(
    'jest config jest.config.ts: testPathIgnorePatterns is read without the entries its spreads add (a file only those ignore counts as a test here)'
  )
})
