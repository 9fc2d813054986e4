import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../support/harness.js'
import { createRedactor } from '../../src/guard/redact.js'
import { rollbackWithCommand } from '../../src/guard/rollback.js'

const good = { id: 1, sha: 'a'.repeat(40), ref: 'main', environment: 'production', createdAt: '' }
const bad = { id: 2, sha: 'b'.repeat(40), ref: 'main', environment: 'production', createdAt: '' }

describe('the rollback command', () => {
  it('runs with the shell, knows what it rolls back to, and its output is redacted', async () => {
    const outcome = await rollbackWithCommand({
      command:
        'echo "undo $CI_MEDIC_DEPLOYMENT_ID to $CI_MEDIC_ROLLBACK_SHA in $CI_MEDIC_ENVIRONMENT with $DEPLOY_TOKEN" && echo warn >&2',
      cwd: process.cwd(),
      env: { ...process.env, DEPLOY_TOKEN: 'deploy-token-9876543210' },
      timeoutMs: 10_000,
      redact: createRedactor({ secrets: ['deploy-token-9876543210'] }),
      bad,
      good,
      environment: 'production'
    })
    expect(outcome).toMatchObject({ strategy: 'command', ok: true, detail: 'the rollback command succeeded' })
    expect(outcome.output).toContain(`undo 2 to ${good.sha} in production with [REDACTED:known-secret]`)
    expect(outcome.output).toContain('warn')
  })

  it('reports a failing or hanging command', async () => {
    const redact = createRedactor()
    const failing = await rollbackWithCommand({
      command: 'exit 3',
      cwd: process.cwd(),
      env: process.env,
      timeoutMs: 10_000,
      redact
    })
    expect(failing).toMatchObject({ ok: false, detail: 'the rollback command failed (exit 3)' })
    const hanging = await rollbackWithCommand({
      command: 'sleep 30',
      cwd: process.cwd(),
      env: process.env,
      timeoutMs: 1000,
      redact
    })
    expect(hanging).toMatchObject({
      ok: false,
      detail: 'the rollback command was still running after 1s and was stopped'
    })
  })
})

describe('shielded', () => {
  it('ignores SIGTERM while the rollback runs, and only then', async () => {
    const script = join(PROJECT_ROOT, '__tests__/fixtures/guard/shielded.mts')
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: PROJECT_ROOT })
    let stdout = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(resolve =>
      child.on('close', (c, s) => resolve([c, s]))
    )
    expect(stdout).toContain('warning: Received SIGTERM during the rollback')
    expect(stdout).toContain('rollback finished')
    expect(stdout).not.toContain('still running after the rollback')
    expect([code, signal]).toEqual([null, 'SIGTERM'])
  })
})
