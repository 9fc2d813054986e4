/** The deploy guard end to end (set-up and what it runs against: see e2e-bench.ts). */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { ROLLED_BACK_MARKER, SERVICE_TOKEN, setupGuardBench } from './e2e-bench.js'
import { startService } from './service.js'

const b = setupGuardBench()

describe('guard end to end: verdicts and rollbacks', () => {
  it('rolls back a deploy that answers 500, verifies it and explains it', async () => {
    await b.deployV2({ kind: 'status', status: 500 })
    const ids = b.withHistory()
    const result = await b.guard()

    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    expect(result.exitCode).toBe(1)
    expect(b.service!.version).toBe('v1')
    expect(b.rollbacks()).toBe(1)
    expect(readFileSync(b.ledger, 'utf8')).toContain(`${ids.bad} ${b.goodSha} v1`)

    // Statuses tell the story: probing, then failure with the marker; the rollback's own deployment succeeds.
    expect(b.deployments.statesOf(ids.bad).slice(2)).toEqual(['in_progress', 'failure'])
    expect(
      b.deployments.statuses.find(s => s.deployment_id === ids.bad && s.state === 'failure')?.description
    ).toContain(ROLLED_BACK_MARKER)
    const rollback = b.deployments.deployments.find(d => d.id > ids.bad)
    expect(rollback).toMatchObject({ sha: b.goodSha, environment: 'production' })
    expect(b.deployments.statesOf(rollback!.id)).toEqual(['in_progress', 'success'])
    expect([...b.deployments.refs.keys()]).toEqual([`refs/ci-medic/rollback/${ids.bad}`])

    // The report: summary and one sticky commit comment, with timeline, evidence, suspects and logs.
    const comments = b.deployments.commitComments.filter(c => c.commit_sha === b.badSha)
    expect(comments).toHaveLength(1)
    for (const text of [result.summary, comments[0]!.body]) {
      expect(text).toContain('```mermaid\ntimeline')
      expect(text).toContain('Rollback started (command)')
      expect(text).toContain('status 500')
      expect(text).toContain('Cannot read properties of undefined')
    }
    const suspects = result.summary.slice(result.summary.indexOf('### Suspect commits'))
    expect(suspects).toMatch(
      /orders: include shipping in the total[^\n]*src\/orders\.js, named in a stack trace/
    )
    expect(suspects).toContain('database migration (migrations/002_orders.sql)')
    expect(suspects.indexOf('orders: include shipping')).toBeLessThan(suspects.indexOf('docs: notes'))
    expect(result.summary).toContain('### Probable root cause (high confidence, gpt-4.1-mini)')
    expect(result.summary).toContain('E3: TypeError at computeTotal')
    expect(result.summary).not.toContain('E99')
    const prompt = JSON.stringify(b.llm.completions.at(-1)!.body)
    expect(prompt).toContain('<<<UNTRUSTED deploy guard evidence')
    expect(prompt).toContain('src/orders.js:12:20')
    // The secret the rollback command printed is redacted from the report.
    expect(result.summary).not.toContain(SERVICE_TOKEN)
    expect(b.github.store.issues).toHaveLength(0)
  })

  it('treats a hanging deploy as inconclusive and, failing closed, rolls it back', async () => {
    await b.deployV2({ kind: 'hang' })
    b.withHistory()
    const result = await b.guard()
    expect(result.outputs).toMatchObject({ verdict: 'inconclusive', 'rolled-back': 'true' })
    expect(result.summary).toMatch(/timed out/)
    expect(b.rollbacks()).toBe(1)
    expect(b.service!.version).toBe('v1')
  })

  it('leaves a hanging deploy alone with inconclusive-policy fail', async () => {
    await b.deployV2({ kind: 'hang' })
    b.withHistory()
    const result = await b.guard({ 'inconclusive-policy': 'fail' })
    expect(result.outputs).toMatchObject({ verdict: 'inconclusive', 'rolled-back': 'false' })
    expect(result.exitCode).toBe(1)
    expect(b.rollbacks()).toBe(0)
    expect(b.service!.version).toBe('v2')
  })

  it('rolls back a slow-but-200 deploy over the latency ceiling', async () => {
    await b.deployV2({ kind: 'slow', delayMs: 280 })
    b.withHistory()
    const result = await b.guard({ 'probe-timeout': '1s' })
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    expect(result.summary).toMatch(/latency \d+ms over the 250ms ceiling/)
    expect(b.rollbacks()).toBe(1)
  })

  it('catches a deploy that is healthy for a while and then fails', async () => {
    await b.deployV2({ kind: 'healthy-for', requests: 4, then: { kind: 'status', status: 503 } })
    b.withHistory()
    const result = await b.guard()
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    expect(result.summary).toContain('First healthy answer')
    expect(result.summary).toContain('status 503')
    expect(b.rollbacks()).toBe(1)
  })

  it('passes a healthy deploy without touching it', async () => {
    await b.deployV2({ kind: 'healthy' })
    const ids = b.withHistory()
    const result = await b.guard({ 'probe-window': '600ms' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ verdict: 'healthy', 'rolled-back': 'false' })
    expect(b.deployments.statesOf(ids.bad).slice(2)).toEqual(['in_progress', 'success'])
    expect(b.rollbacks()).toBe(0)
    expect(b.deployments.commitComments).toHaveLength(0)
    expect(result.summary).toContain('Deploy guard of `production`: healthy')
  })

  it('never rolls back the first deployment of an environment', async () => {
    await b.deployV2({ kind: 'status', status: 500 })
    const only = b.deployments.add(b.badSha, 'production', ['success'])
    const result = await b.guard()
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'false' })
    expect(result.stdout).toContain('first deployment of production')
    expect(b.rollbacks()).toBe(0)
    expect(b.deployments.refs.size).toBe(0)
    expect(b.deployments.statesOf(only.id).at(-1)).toBe('failure')
  })

  it('catches a slow-but-200 deploy against the previous version as a baseline', async () => {
    await b.deployV2({ kind: 'slow', delayMs: 150 })
    const previous = await startService({ v1: { kind: 'healthy' } })
    try {
      b.withHistory()
      const result = await b.guard({
        'latency-ceiling': '0',
        'baseline-url': previous.url,
        'probe-timeout': '1s',
        'probe-interval': '200ms',
        'probe-window': '4s',
        'ratio-window': '2s'
      })
      expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
      expect(result.summary).toMatch(/median latency \d+ms against \d+ms on the previous version/)
      expect(previous.hits.get('v1')).toBeGreaterThanOrEqual(8)
    } finally {
      await previous.close()
    }
  })
})
