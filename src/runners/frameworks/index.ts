import type { TestGroup } from '../detect.js'
import { jestAdapter } from './jest.js'
import { mochaAdapter } from './mocha.js'
import { vitestAdapter } from './vitest.js'
import type { Adapter } from './types.js'

export const ADAPTERS: Record<TestGroup['framework'], Adapter> = {
  jest: jestAdapter,
  vitest: vitestAdapter,
  mocha: mochaAdapter,
  'node-test': jestAdapter,
  pytest: jestAdapter,
  go: jestAdapter
}
