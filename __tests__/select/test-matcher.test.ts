/**
 * Which files count as tests when jest configs say so: a config's folder, its `roots` (a file
 * outside them is left to the next config, then to conventions), testMatch and ignore patterns.
 */
import { describe, expect, it } from '@jest/globals'
import { loadJestSettings, makeTestMatcher, type JestSettings } from '../../src/select/project.js'

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
