import type { TestGroup } from '../detect.js'
import { goAdapter } from './go.js'
import { jestAdapter } from './jest.js'
import { mochaAdapter } from './mocha.js'
import { nodeTestAdapter } from './node-test.js'
import { pytestAdapter } from './pytest.js'
import { vitestAdapter } from './vitest.js'
import type { Adapter } from './types.js'

export const ADAPTERS: Record<TestGroup['framework'], Adapter> = {
  jest: jestAdapter,
  vitest: vitestAdapter,
  mocha: mochaAdapter,
  'node-test': nodeTestAdapter,
  pytest: pytestAdapter,
  go: goAdapter
}
