/**
 * A jest run whose config lists its projects by path (`projects: ['<rootDir>/jest.unit.config.js',
 * '<rootDir>/tools']`): a named project config with its own tests, setup file and module mapping,
 * and a folder without a config, which takes jest's defaults although the run's config names
 * other tests. The selection follows each project; checked against a real jest run.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { loadTestSettings, makeTestMatcher, namedConfigs } from '../../src/select/project.js'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const FILES = {
  'package.json': JSON.stringify({ name: 'multi', scripts: { test: 'jest' } }),
  'jest.config.js': [
    'module.exports = {',
    "  projects: ['<rootDir>/jest.unit.config.js', '<rootDir>/tools'],",
    "  testMatch: ['<rootDir>/checks/**/*.js']",
    '}',
    ''
  ].join('\n'),
  'jest.unit.config.js': [
    'module.exports = {',
    "  displayName: 'unit',",
    "  testMatch: ['<rootDir>/checks/**/*.js'],",
    "  setupFiles: ['<rootDir>/test/setup.js'],",
    "  moduleNameMapper: { '^@lib/(.*)$': '<rootDir>/src/$1' }",
    '}',
    ''
  ].join('\n'),
  'test/setup.js': "const { base } = require('./base')\n\nglobal.BASE = base\n",
  'test/base.js': 'exports.base = 10\n',
  'src/scale.js': 'exports.scale = n => n * 2\n',
  'checks/scale.js': [
    "const { scale } = require('@lib/scale')",
    '',
    "test('scale', () => expect(scale(global.BASE)).toBe(20))",
    ''
  ].join('\n'),
  'tools/package.json': JSON.stringify({ name: 'tools' }),
  'tools/greet.js': "exports.greet = name => 'hello ' + name\n",
  'tools/greet.test.js': [
    "const { greet } = require('./greet')",
    '',
    "test('greet', () => expect(greet('you')).toBe('hello you'))",
    ''
  ].join('\n')
}

describe('a jest run of projects given by path', () => {
  const every = ['checks/scale.js', 'tools/greet.test.js']
  it.each([
    // A test of the named project (by its testMatch), reached through its moduleNameMapper.
    ['src/scale.js', 'n * 2', 'n * 3', ['checks/scale.js'], ['checks/scale.js']],
    // The project's setup file (every test runs, as for any setup file), and what it loads: the
    // tests it runs before.
    ['test/setup.js', 'BASE = base', 'BASE = base + 1', ['checks/scale.js'], every],
    ['test/base.js', 'base = 10', 'base = 11', ['checks/scale.js'], ['checks/scale.js']],
    // A folder project without a config: jest's default names, not the run's testMatch.
    ['tools/greet.js', "'hello '", "'hi '", ['tools/greet.test.js'], ['tools/greet.test.js']]
  ])('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file as keyof typeof FILES, from, to], failing, selected)
  })
})

/** A test script that hands jest a config by a name of its own, which no listing rule takes. */
const NAMED_CONFIG = {
  'package.json': JSON.stringify({ name: 'named', scripts: { test: 'jest --config config/unit.json' } }),
  'config/unit.json': JSON.stringify({
    rootDir: '..',
    testMatch: ['<rootDir>/checks/**/*.js'],
    setupFiles: ['<rootDir>/test/setup.js'],
    moduleNameMapper: { '^@lib/(.*)$': '<rootDir>/src/$1' }
  }),
  'test/setup.js': 'global.BASE = 10\n',
  'src/scale.js': 'exports.scale = n => n * 2\n',
  'src/other.js': 'exports.other = 1\n',
  'checks/scale.js': [
    "const { scale } = require('@lib/scale')",
    '',
    "test('scale', () => expect(scale(global.BASE)).toBe(20))",
    ''
  ].join('\n'),
  'checks/other.js': [
    "const { other } = require('@lib/other')",
    '',
    "test('other', () => expect(other).toBe(1))",
    ''
  ].join('\n')
}

describe('a jest config the test script names by a name of its own', () => {
  it.each([
    // Its testMatch says which files are tests, and its moduleNameMapper where `@lib/…` leads.
    ['src/scale.js', 'n * 2', 'n * 3', ['checks/scale.js'], ['checks/scale.js']],
    // Its setup file runs before every test.
    ['test/setup.js', 'BASE = 10', 'BASE = 11', ['checks/scale.js'], ['checks/other.js', 'checks/scale.js']],
    // A change to the config itself runs every test.
    [
      'config/unit.json',
      '<rootDir>/src/$1',
      '<rootDir>/lib/$1',
      ['checks/other.js', 'checks/scale.js'],
      ['checks/other.js', 'checks/scale.js']
    ]
  ])('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(NAMED_CONFIG, [file as keyof typeof NAMED_CONFIG, from, to], failing, selected)
  })
})

describe('a jest config that a function completes (as next/jest does)', () => {
  // The config the repository writes, handed to a function that adds to it (Next's transform and
  // mappings; here, the test environment) and returns the async function jest calls.
  const WRAPPED = {
    ...NAMED_CONFIG,
    'package.json': JSON.stringify({ name: 'wrapped', scripts: { test: 'jest' } }),
    'jest.wrap.js': "module.exports = config => async () => ({ ...config, testEnvironment: 'node' })\n",
    'jest.config.js': [
      "const createJestConfig = require('./jest.wrap.js')",
      '',
      'const customJestConfig = {',
      "  testMatch: ['<rootDir>/checks/**/*.js'],",
      "  setupFiles: ['<rootDir>/test/setup.js'],",
      "  moduleNameMapper: { '^@lib/(.*)$': '<rootDir>/src/$1' }",
      '}',
      '',
      'module.exports = createJestConfig(customJestConfig)',
      ''
    ].join('\n')
  }
  it.each([
    ['src/scale.js', 'n * 2', 'n * 3', ['checks/scale.js'], ['checks/scale.js']],
    ['test/setup.js', 'BASE = 10', 'BASE = 11', ['checks/scale.js'], ['checks/other.js', 'checks/scale.js']]
  ])('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(WRAPPED, [file as keyof typeof WRAPPED, from, to], failing, selected)
  })
})

describe('a jest config with a preset of the repository', () => {
  // The preset gives the setup file and the module mapping; the config, which files are tests.
  const PRESET = {
    ...NAMED_CONFIG,
    'package.json': JSON.stringify({ name: 'preset', scripts: { test: 'jest' } }),
    'jest.config.js':
      "module.exports = { preset: './config/base-preset.js', testMatch: ['<rootDir>/checks/**/*.js'] }\n",
    'config/base-preset.js': [
      'module.exports = {',
      "  setupFiles: ['<rootDir>/test/setup.js'],",
      "  moduleNameMapper: { '^@lib/(.*)$': '<rootDir>/src/$1' }",
      '}',
      ''
    ].join('\n')
  }
  const every = ['checks/other.js', 'checks/scale.js']
  it.each([
    ['src/scale.js', 'n * 2', 'n * 3', ['checks/scale.js'], ['checks/scale.js']],
    ['test/setup.js', 'BASE = 10', 'BASE = 11', ['checks/scale.js'], every],
    ['config/base-preset.js', '<rootDir>/src/$1', '<rootDir>/lib/$1', every, every]
  ])('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(PRESET, [file as keyof typeof PRESET, from, to], failing, selected)
  })

  it("merges a preset as jest does: the config's options win, setup files and mappings add up", () => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({
        jest: { preset: '<rootDir>/tools/jest-preset', setupFiles: ['./own.js'] }
      }),
      'tools/jest-preset.json': JSON.stringify({
        testMatch: ['**/*.check.js'],
        setupFiles: ['<rootDir>/env.js'],
        moduleNameMapper: { '^@a$': '<rootDir>/a.js', '^@b$': '<rootDir>/preset-b.js' }
      })
    }
    // Mapping targets keep the rootDir as `<rootDir>` gives it (here the repository's root, '')
    const [own] = loadTestSettings(path => files[path], '', Object.keys(files))
    expect([
      own?.testMatch,
      own?.setupFiles,
      own?.moduleNameMapper.map(m => m.targets[0]),
      own?.unreadable
    ]).toEqual([['**/*.check.js'], ['env.js', 'own.js'], ['/a.js', '/preset-b.js'], undefined])
  })
})

describe('a jest project config by a name of its own', () => {
  // The same config, listed by path as the one project of the root's config.
  const PROJECT = {
    ...NAMED_CONFIG,
    'package.json': JSON.stringify({ name: 'named', scripts: { test: 'jest' } }),
    'jest.config.js': "module.exports = { projects: ['<rootDir>/config/unit.json'] }\n"
  }
  it.each([
    ['src/scale.js', 'n * 2', 'n * 3', ['checks/scale.js'], ['checks/scale.js']],
    [
      'config/unit.json',
      '<rootDir>/src/$1',
      '<rootDir>/lib/$1',
      ['checks/other.js', 'checks/scale.js'],
      ['checks/other.js', 'checks/scale.js']
    ]
  ])('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(PROJECT, [file as keyof typeof PROJECT, from, to], failing, selected)
  })

  it('reads the configs projects import, whatever their names', () => {
    const files = new Set(['jest.config.js', 'config/unit.js', 'config/e2e.ts', 'package.json'])
    const texts: Record<string, string> = {
      'package.json': JSON.stringify({
        jest: { projects: ['<rootDir>/config/pkg.json'] }
      }),
      'tools/package.json': JSON.stringify({ jest: { preset: './preset.json' } }),
      // mocha's `-c` is `--colors`: the spec after it is no config.
      'spec/package.json': JSON.stringify({ scripts: { test: 'mocha -c test/x.js --config mocha.yml' } }),
      'jest.config.js': [
        "const unit = require('./config/unit')",
        "import e2e from './config/e2e'",
        'module.exports = { projects: [unit, e2e] }',
        ''
      ].join('\n')
    }
    files.add('config/pkg.json')
    files.add('tools/preset.json')
    files.add('spec/test/x.js')
    files.add('spec/mocha.yml')
    expect([...namedConfigs(path => texts[path], Object.keys(texts), files)].sort()).toEqual([
      ['config/e2e.ts', 'a test runner or build config changed'],
      ['config/pkg.json', 'a test runner or build config changed'],
      ['config/unit.js', 'a test runner or build config changed'],
      ['spec/mocha.yml', 'a test runner or build config changed'],
      ['tools/preset.json', 'a test runner or build config changed']
    ])
  })
})

describe('the projects of a jest config', () => {
  const read =
    (files: Record<string, string>) =>
    (path: string): string | undefined =>
      files[path]

  it('reads project configs by glob, relative to rootDir, and folders by their own config', () => {
    const files = {
      'package.json': JSON.stringify({ scripts: { test: 'jest' } }),
      'jest.config.json': JSON.stringify({
        rootDir: 'config/..',
        projects: ['config/jest.*.config.js', '<rootDir>/packages/*', 'apps/site']
      }),
      'config/jest.node.config.js':
        "module.exports = { rootDir: '..', testMatch: ['<rootDir>/node/**/*.js'] }",
      'config/jest.dom.config.js':
        "module.exports = { rootDir: '..', setupFilesAfterEnv: ['<rootDir>/dom.js'] }",
      'packages/a/package.json': '{}',
      'packages/b/package.json': JSON.stringify({ jest: { testMatch: ['**/*.check.js'] } }),
      'apps/site/jest.config.js': 'module.exports = {}'
    }
    const settings = loadTestSettings(read(files), '', Object.keys(files))
    expect(settings.map(s => [s.dir, s.rootDir, s.testMatch, s.setupFiles, s.group])).toEqual([
      ['', '', [], [], ''],
      // Found by glob in their folder; their rootDir (the top) is where their tests are.
      ['', '', ['node/**/*.js'], [], ''],
      ['', '', [], ['dom.js'], ''],
      // packages/b and apps/site have configs of their own, read for them.
      ['packages/a', 'packages/a', [], [], '']
    ])
    const isTest = makeTestMatcher([...settings].sort((a, b) => b.dir.length - a.dir.length))
    expect(['node/x.js', 'src/y.test.js', 'packages/a/z.test.js', 'lib/w.js'].map(isTest)).toEqual([
      true,
      true,
      true,
      false
    ])
  })

  it('reads the configs it imports or requires as projects, and objects it names', () => {
    const files = {
      'package.json': JSON.stringify({ scripts: { test: 'jest' } }),
      'jest.config.ts': [
        "import unit from './jest.config.unit'",
        "const e2e = require('./jest.e2e.config.js')",
        "const lint = { displayName: 'lint', testMatch: ['<rootDir>/lint/**/*.js'] }",
        '',
        "export default { projects: [unit, e2e, lint, require('./jest/other.js')] }"
      ].join('\n'),
      'jest.config.unit.ts':
        "export default { testMatch: ['<rootDir>/unit/**/*.ts'], setupFiles: ['<rootDir>/unit/setup.ts'] }",
      'jest.e2e.config.js': "module.exports = { testMatch: ['<rootDir>/e2e/**/*.js'] }"
    }
    const settings = loadTestSettings(read(files), '', Object.keys(files))
    expect(settings.map(s => [s.testMatch, s.setupFiles, s.group, s.unreadable])).toEqual([
      // The run's own config, with the object it names folded in.
      [['/lint/**/*.js'], [], '', undefined],
      [['unit/**/*.ts'], ['unit/setup.ts'], '', undefined],
      [['e2e/**/*.js'], [], '', undefined],
      // A config it imports that is not read is one of the run's, by jest's defaults, and the notes say so.
      [[], [], '', 'jest/other.js (a project it imports) is not read']
    ])
  })

  it('follows the test script to the jest runs it makes, each by the config it names', () => {
    const e2e = JSON.stringify({ rootDir: '.', testRegex: '.e2e-spec.ts$', setupFiles: ['./env.ts'] })
    const unit = "module.exports = { testMatch: ['<rootDir>/src/**/*.spec.ts'] }"
    const named = {
      'package.json': JSON.stringify({
        scripts: {
          test: 'npm run test:unit && npm run test:e2e',
          'test:unit': 'jest -c jest.unit.config.js',
          'test:e2e': 'jest --config ./test/jest-e2e.json --runInBand'
        }
      }),
      'jest.unit.config.js': unit,
      'test/jest-e2e.json': e2e
    }
    const plain = {
      'package.json': JSON.stringify({
        scripts: { test: 'jest && yarn test:e2e', 'test:e2e': 'jest --config ./test/jest-e2e.json' }
      }),
      'jest.config.js': unit,
      'test/jest-e2e.json': e2e
    }
    for (const files of [named, plain]) {
      const settings = loadTestSettings(read(files), '', Object.keys(files))
      expect(settings.map(s => [s.dir, s.rootDir, s.setupFiles, s.group])).toEqual([
        ['', '', [], ''],
        ['test', 'test', ['env.ts'], '']
      ])
      const isTest = makeTestMatcher([...settings].sort((a, b) => b.dir.length - a.dir.length))
      expect(['src/a.spec.ts', 'test/app.e2e-spec.ts', 'src/b.ts'].map(isTest)).toEqual([true, true, false])
    }
    // A run whose config is not read is one of the package's, and the notes say so.
    const unread = {
      ...plain,
      'package.json': JSON.stringify({
        scripts: { test: 'jest && npm run e2e', e2e: 'jest -c config/e2e.js' }
      })
    }
    expect(loadTestSettings(read(unread), '', Object.keys(unread)).map(s => s.unreadable)).toEqual([
      undefined,
      'config/e2e.js (a jest run of the test script) is not read'
    ])
  })

  it('reads the config a test script names with --config, named as jest projects are', () => {
    const files = {
      'package.json': JSON.stringify({ scripts: { test: 'jest --config test/jest-e2e.json' } }),
      'test/jest-e2e.json': JSON.stringify({
        rootDir: '.',
        testRegex: '.e2e-spec.ts$',
        setupFiles: ['./env.ts']
      })
    }
    const [own] = loadTestSettings(read(files), '', Object.keys(files))
    // Setup files are found from the rootDir (see setupFilesOf).
    expect([own?.rootDir, own?.setupFiles, own?.unreadable]).toEqual(['test', ['env.ts'], undefined])
  })
})
