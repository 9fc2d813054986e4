/**
 * Changed files are parsed on a worker thread (the bundled dist/syntax-worker), while the graph is
 * built; should the worker fail, each file is parsed here instead, with the same answers.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SyntaxChecks } from '../../src/select/syntax.js'
import { cleanupAll, makeTempDir } from '../support/git-repo.js'
import { PROJECT_ROOT } from '../support/harness.js'

afterAll(() => cleanupAll())

const WORKER = join(PROJECT_ROOT, 'dist/syntax-worker/index.js')
const BROKEN = 'export function b() {\n  return 2 +* 1\n}\n'
const FINE = 'export function b(): number {\n  return 2 + 1\n}\n'

describe('syntax checks on a worker', () => {
  it('answers from the bundled worker, for the text it was given', async () => {
    expect(existsSync(WORKER)).toBe(true)
    const checks = new SyntaxChecks(PROJECT_ROOT, WORKER)
    try {
      checks.check('src/broken.ts', BROKEN)
      checks.check('src/fine.ts', FINE)
      expect(await checks.errorIn('src/broken.ts', BROKEN)).toMatch(/Unexpected token/)
      expect(await checks.errorIn('src/fine.ts', FINE.replace(/\n/g, '\r\n'))).toBeUndefined()
      expect(checks.answeredByWorker).toBe(2)
      // Other text than the worker saw is parsed here.
      expect(await checks.errorIn('src/fine.ts', BROKEN)).toMatch(/Unexpected token/)
      expect(checks.answeredByWorker).toBe(2)
    } finally {
      checks.close()
    }
  })

  it('starts the worker ahead of the checks (once), and it answers them', async () => {
    const checks = new SyntaxChecks(PROJECT_ROOT, WORKER)
    try {
      checks.prepare()
      checks.prepare()
      checks.check('src/broken.ts', BROKEN)
      expect(await checks.errorIn('src/broken.ts', BROKEN)).toMatch(/Unexpected token/)
      expect(checks.answeredByWorker).toBe(1)
    } finally {
      checks.close()
    }
  })

  it('parses here what a failing worker did not answer', async () => {
    const script = join(makeTempDir('ci-medic-worker-'), 'broken-worker.mjs')
    writeFileSync(script, "throw new Error('no parser here')\n")
    const checks = new SyntaxChecks(PROJECT_ROOT, script)
    try {
      checks.check('src/broken.ts', BROKEN)
      expect(await checks.errorIn('src/broken.ts', BROKEN)).toMatch(/Unexpected token/)
      expect(checks.answeredByWorker).toBe(0)
    } finally {
      checks.close()
    }
  })

  it('parses here when there is no worker', async () => {
    const checks = new SyntaxChecks(PROJECT_ROOT, null)
    checks.check('src/broken.ts', BROKEN)
    expect(await checks.errorIn('src/broken.ts', BROKEN)).toMatch(/Unexpected token/)
    expect(checks.answeredByWorker).toBe(0)
    checks.close()
  })
})
