/**
 * A vitest project whose config names its tests (`test.include`, not the conventional
 * `*.test.ts`), leaves a helper folder out (`exclude`) and runs a setup file before each test
 * (`setupFiles`): the selection follows the config. Checked against a real vitest run.
 */
import { afterAll, describe, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const FILES = {
  'package.json': JSON.stringify({ name: 'calc', type: 'module', scripts: { test: 'vitest run' } }),
  'vitest.config.ts': [
    "import { defineConfig } from 'vitest/config'",
    '',
    'export default defineConfig({',
    '  plugins: [],',
    '  test: {',
    "    include: ['checks/**/*.ts'],",
    "    exclude: ['checks/helpers/**'],",
    "    setupFiles: ['./checks/helpers/env.ts'],",
    "    coverage: { include: ['lib/**'] }",
    '  }',
    '})',
    ''
  ].join('\n'),
  'src/math.ts':
    'export const add = (a: number, b: number) => a + b\nexport const mul = (a: number, b: number) => a * b\n',
  'checks/helpers/env.ts': '(globalThis as { UNIT?: number }).UNIT = 1\n',
  'checks/helpers/unit.ts': 'export const unit = () => (globalThis as { UNIT?: number }).UNIT\n',
  'checks/add.ts': [
    "import { expect, test } from 'vitest'",
    "import { add } from '../src/math'",
    "import { unit } from './helpers/unit'",
    "test('add', () => expect(add(1, unit() ?? 0)).toBe(2))",
    ''
  ].join('\n'),
  'checks/mul.ts': [
    "import { expect, test } from 'vitest'",
    "import { mul } from '../src/math'",
    "test('mul', () => expect(mul(2, 3)).toBe(6))",
    ''
  ].join('\n')
}

describe('a vitest config that names its tests and setup files', () => {
  it.each([
    ['src/math.ts', 'a + b', 'a - b', ['checks/add.ts'], ['checks/add.ts']],
    ['src/math.ts', 'a * b', 'a ** b', ['checks/mul.ts'], ['checks/mul.ts']],
    // Run before every test file, whether or not it reads what the file sets.
    ['checks/helpers/env.ts', 'UNIT = 1', 'UNIT = 2', ['checks/add.ts'], ['checks/add.ts', 'checks/mul.ts']]
  ])('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file as keyof typeof FILES, from, to], failing, selected)
  })
})
