/** `generate` through dist/index.js on the py-pytest fixture: exactly the good candidates are kept (see e2e.ts). */
import { afterAll, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { expectOnlyGoodKept } from './e2e.js'

afterAll(() => cleanupAll())

it(
  'keeps exactly the good pytest candidates, with every verdict in the summary (shadow)',
  () => expectOnlyGoodKept('py-pytest'),
  600_000
)
