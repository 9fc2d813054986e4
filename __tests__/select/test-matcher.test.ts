/**
 * Which files count as tests when jest configs say so: a config's folder, its `roots` (a file
 * outside them is left to the next config, then to conventions), testMatch and ignore patterns.
 */
import { describe, expect, it } from '@jest/globals'
import picomatch from 'picomatch'
import {
  loadJestSettings,
  makeTestMatcher,
  testMatchMatcher,
  type JestSettings
} from '../../src/select/project.js'

function settingsOf(files: Record<string, string>, dirs: string[]): JestSettings[] {
  const read = (path: string): string | undefined => files[path]
  return dirs.map(dir => {
    const settings = loadJestSettings(read, dir)
    if (!settings) throw new Error(`no jest settings in ${dir || 'the root'}`)
    return settings
  })
}

describe('makeTestMatcher', () => {
  const files = {
    'packages/a/jest.config.json': JSON.stringify({
      roots: ['<rootDir>/test', '<rootDir>/one.check.js'],
      testMatch: ['**/*.check.js'],
      testPathIgnorePatterns: ['/skipped/']
    })
  }
  const isTest = makeTestMatcher(settingsOf(files, ['packages/a']))

  it.each([
    ['packages/a/test/x.check.js', true, 'under a root, named by testMatch'],
    ['packages/a/test/deep/y.check.js', true, 'deeper under a root'],
    ['packages/a/one.check.js', true, 'a root that is the file itself'],
    ['packages/a/test/x.test.js', false, 'under a root, but testMatch does not name it'],
    ['packages/a/src/x.check.js', false, 'outside the roots, and conventions do not name it'],
    ['packages/a/testing/x.check.js', false, 'a folder that only starts like a root'],
    ['packages/a/test/skipped/x.check.js', false, 'ignored by testPathIgnorePatterns'],
    ['packages/ab/test/x.check.js', false, 'a folder that only starts like the config folder'],
    ['packages/b/z.check.js', false, 'no config covers it, and conventions do not name it'],
    ['packages/b/z.test.js', true, 'no config covers it: conventions name it'],
    ['packages/b/skipped/z.test.js', true, "another config's ignore patterns do not apply"]
  ])('%s is a test: %s (%s)', (path, expected) => {
    expect(isTest(path)).toBe(expected)
  })
})

describe('testMatchMatcher', () => {
  // Each glob tried apart, the cheap way first, answers as picomatch does for the whole list on
  // the path or the path under `/`.
  const paths = [
    'a.test.ts',
    'src/a.test.tsx',
    'src/a.spec.mjs',
    '.hidden/a.test.ts',
    'src/.a.test.ts',
    'src/__tests__/a.ts',
    'src/__tests__/deep/b.jsx',
    '__tests__/c.js',
    'x/__tests__',
    'x/__tests__.ts',
    'src/my__tests__/a.ts',
    'test/e2e/a.e2e-spec.ts',
    'packages/p/tests/unit/a.ts',
    'tests/a.ts',
    'tests/deep/a.ts',
    'src/a.ts',
    'src/a.d.ts',
    'src/test.ts',
    'src/contest.ts',
    'lib/fixtures/a.test.ts',
    'test.js',
    'src/test.ts',
    'source/test.js',
    'lib/test.js'
  ]
  it.each([
    [['**/__tests__/**/*.[jt]s?(x)', '**/?(*.)+(spec|test).[jt]s?(x)']],
    [['**/*.test.ts']],
    [['**/*.{test,spec}.{ts,tsx}']],
    [['**/__tests__/*.ts']],
    [['**/tests/unit/**/*.ts', '**/*.e2e-spec.ts']],
    [['tests/*.ts']],
    [['./tests/**/*.ts']],
    [['/**/__tests__/**/*.ts']],
    [['**/src/**/!(*.d).ts']],
    [['**/+(test|tests)/**/*.ts']],
    [['**/*.test.ts', '!**/fixtures/**']],
    // AVA's defaults: a brace with slashes in it is one segment.
    [['{test,src/test,source/test}.{js,ts}', '**/{test-*,*.spec,*.test}.{js,ts}']],
    [['{src,tests/deep}/*.ts']],
    [['@(src|tests/deep)/*.ts']]
  ])('%j', testMatch => {
    const whole = picomatch(testMatch, { dot: true })
    const expected = paths.filter(path => whole(path) || whole('/' + path))
    expect(paths.filter(testMatchMatcher(testMatch))).toEqual(expected)
  })

  it('matches a glob of any folders then a name by the last segment, and literal folder names as they stand', () => {
    expect(testMatchMatcher(['**/*.test.ts'])('deep/x/y/a.test.ts')).toBe(true)
    expect(testMatchMatcher(['**/*.test.ts'])('deep/a.test.ts/b.ts')).toBe(false)
    expect(testMatchMatcher(['**/__tests__/**/*.ts'])('a/__tests__/b/c.ts')).toBe(true)
    expect(testMatchMatcher(['**/__tests__/**/*.ts'])('a/tests/b/c.ts')).toBe(false)
  })
})
