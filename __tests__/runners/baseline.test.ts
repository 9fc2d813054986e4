import { afterAll, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { TestRunReport } from '../../src/runners/types.js'
import { cleanupAll, createRepo, makeTempDir } from '../support/git-repo.js'
import { runAction } from '../support/harness.js'
import { pullRequestEvent } from '../support/payloads.js'

afterAll(() => cleanupAll())

/** An environment-dependent test that is red on the base commit already, and a real regression. */
const PROJECT = {
  'package.json': JSON.stringify({
    name: 'baseline',
    private: true,
    type: 'module',
    scripts: { test: 'node --test' }
  }),
  'math.js': 'export const add = (a, b) => a + b\n',
  'math.test.js': [
    "import assert from 'node:assert/strict'",
    "import { test } from 'node:test'",
    "import { add } from './math.js'",
    '',
    "test('adds', () => {",
    '  assert.equal(add(2, 2), 4)',
    '})',
    ''
  ].join('\n'),
  'service.test.js': [
    "import assert from 'node:assert/strict'",
    "import { test } from 'node:test'",
    '',
    "test('reaches the staging service', () => {",
    "  assert.ok(process.env.STAGING_SERVICE_URL, 'STAGING_SERVICE_URL is not set on this machine')",
    '})',
    ''
  ].join('\n')
}

function baselineRepo(): {
  dir: string
  base: string
  git: (...args: string[]) => string
  commit: (files: Record<string, string>) => string
} {
  const repo = createRepo({ files: PROJECT, message: 'base' })
  return {
    dir: repo.dir,
    base: repo.head(),
    git: (...args) => repo.git(...args),
    commit: files => repo.commit('change', files)
  }
}

const INPUTS = {
  command: 'test',
  files: 'math.test.js\nservice.test.js',
  'compare-to-base': true,
  retries: 1
}

describe('compare-to-base', () => {
  test('only the new failure fails the step; the one already red on base is reported apart', async () => {
    const repo = baselineRepo()
    const head = repo.commit({ 'math.js': 'export const add = (a, b) => a + b + 1\n' })
    const home = makeTempDir('ci-medic-home-')
    const action = await runAction({
      cwd: repo.dir,
      eventName: 'pull_request',
      eventPayload: pullRequestEvent({ base: { sha: repo.base }, head: { sha: head } }),
      sha: head,
      inputs: INPUTS,
      env: { CI_MEDIC_HOME: home },
      timeoutMs: 90_000
    })
    expect(action.exitCode).toBe(1)
    expect(action.outputs.failed).toBe('1')
    const report = JSON.parse(readFileSync(action.outputs.report ?? '', 'utf8')) as TestRunReport
    expect(report.baseline).toEqual({ base: repo.base, newFailures: 1, alreadyFailing: 1 })
    const math = report.files.find(f => f.file === 'math.test.js')
    expect(math?.tests).toEqual([
      expect.objectContaining({ name: 'adds', status: 'failed', failureKind: 'new' })
    ])
    const service = report.files.find(f => f.file === 'service.test.js')
    expect(service?.tests).toEqual([
      expect.objectContaining({
        name: 'reaches the staging service',
        status: 'failed',
        failureKind: 'already-failing'
      })
    ])
    expect(action.summary).toContain('### New failures (1)')
    expect(action.summary).toContain('### Already failing on base (1)')
    expect(action.annotations.filter(a => a.level === 'error' && a.file)).toEqual([
      expect.objectContaining({ file: 'math.test.js', line: 6 })
    ])
    expect(action.stdout).toMatch(/1 new test failure\(s\) \(1 already failing on base\)/)
    // The base worktree is gone again.
    expect(repo.git('worktree', 'list').trim().split('\n')).toHaveLength(1)
  }, 100_000)

  test('a change that only leaves the old failure red passes the step', async () => {
    const repo = baselineRepo()
    repo.commit({ 'math.js': 'export const add = (a, b) => b + a\n' })
    const home = makeTempDir('ci-medic-home-')
    const action = await runAction({
      cwd: repo.dir,
      inputs: { ...INPUTS, base: repo.base },
      env: { CI_MEDIC_HOME: home },
      timeoutMs: 90_000
    })
    expect(action.exitCode).toBe(0)
    expect(action.outputs).toMatchObject({ failed: '0', passed: '1' })
    const report = JSON.parse(readFileSync(action.outputs.report ?? '', 'utf8')) as TestRunReport
    expect(report.baseline).toEqual({ base: repo.base, newFailures: 0, alreadyFailing: 1 })
    expect(report.totals).toEqual({ passed: 1, failed: 1, skipped: 0, flaky: 0 })
    expect(action.summary).toContain('### Already failing on base (1)')
  }, 100_000)
})
