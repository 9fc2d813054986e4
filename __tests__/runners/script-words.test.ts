import { describe, expect, it } from '@jest/globals'
import {
  commandsOf,
  configArgument,
  jestConfigArgument,
  jestConfigArguments
} from '../../src/runners/script-words.js'

describe('the words of a script', () => {
  it('splits commands at shell separators outside quotes, and reads quotes as a shell does', () => {
    expect(commandsOf(`tsc -p . && mocha --grep 'a|b' "test/my spec.js"; echo done | cat & wait`)).toEqual([
      ['tsc', '-p', '.'],
      ['mocha', '--grep', 'a|b', 'test/my spec.js'],
      ['echo', 'done'],
      ['cat'],
      ['wait']
    ])
    expect(
      commandsOf(`jest --config=config/"unit tests".json a\\ b "say \\"hi\\" \\$HOME" '\\n' ''`)
    ).toEqual([['jest', '--config=config/unit tests.json', 'a b', 'say "hi" $HOME', '\\n', '']])
    expect(commandsOf('  ')).toEqual([])
    expect(commandsOf('lint\nvitest run')).toEqual([['lint'], ['vitest', 'run']])
  })

  it("finds a runner's config by --config, --config= or its short flag", () => {
    expect(configArgument(['run', '--config', 'a.ts'])).toBe('a.ts')
    expect(configArgument(['run', '--config=b.ts'])).toBe('b.ts')
    expect(configArgument(['run', '-c', 'c.ts'], '-c')).toBe('c.ts')
    // mocha's -c is --colors.
    expect(configArgument(['-c', 'test/x.js'])).toBeUndefined()
    expect(configArgument(['--config'])).toBeUndefined()
  })

  it("finds each jest run's config, whatever runs jest, and not inline JSON", () => {
    expect(jestConfigArgument('jest -c config/unit.json --ci')).toBe('config/unit.json')
    expect(jestConfigArgument('cross-env NODE_ENV=test npx jest --config "config/my jest.js"')).toBe(
      'config/my jest.js'
    )
    expect(jestConfigArgument('node --experimental-vm-modules node_modules/jest/bin/jest.js -c j.json')).toBe(
      'j.json'
    )
    expect(jestConfigArgument(`jest --config '{"testMatch": ["**/*.t.js"]}'`)).toBeUndefined()
    // The config of another command is not jest's.
    expect(jestConfigArgument('tsc -c tsconfig.json && jest')).toBeUndefined()
    expect(jestConfigArgument('jest-preview --config x.json')).toBeUndefined()
    expect(jestConfigArguments('jest -c a.json && node_modules/.bin/jest --config=b.json || jest')).toEqual([
      'a.json',
      'b.json'
    ])
  })
})
