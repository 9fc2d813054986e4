import { afterEach, describe, expect, it } from '@jest/globals'
import { checkTimings, readGuardSection } from '../../src/guard/config.js'
import { fitDescription, ROLLED_BACK_MARKER } from '../../src/guard/deployments.js'
import { previousVersionOrigin } from '../../src/guard/guard.js'
import { healthUrlProbe } from '../../src/guard/probes.js'
import { COMMENT_LIMIT, mermaidTimeline, renderReport, type GuardReport } from '../../src/guard/report.js'
import { filesInStackTraces, pathWords, rankSuspects } from '../../src/guard/suspects.js'
import type { Sample } from '../../src/guard/verdict.js'
import { createRepo, type TestRepo } from '../support/git-repo.js'

let repo: TestRepo | undefined
afterEach(() => {
  repo?.cleanup()
  repo = undefined
})

describe('suspect commits', () => {
  it('finds files in Node and Python stack traces, skipping dependencies', () => {
    const text = [
      'TypeError: x is undefined',
      '    at computeTotal (/app/src/orders.js:12:20)',
      '    at Layer.handle (/app/node_modules/express/lib/router/layer.js:95:5)',
      '    at node:internal/process/task_queues:95:5',
      'Traceback (most recent call last):',
      '  File "app/views/cart.py", line 7, in total'
    ].join('\n')
    expect(filesInStackTraces(text)).toEqual(['app/src/orders.js', 'app/views/cart.py'])
  })

  it('takes the meaningful words of a failing endpoint', () => {
    expect(pathWords('/api/v2/orders/42/line-items')).toEqual(['orders', 'line', 'items'])
  })

  it('ranks the commits since the last good deploy by evidence, risk and size', async () => {
    repo = createRepo()
    repo.write('src/orders.js', 'export const total = o => o.total\n')
    repo.write('src/users.js', 'export const name = u => u.name\n')
    const good = repo.commit('initial')
    repo.write('src/users.js', 'export const name = u => u.name.trim()\n'.repeat(40))
    repo.commit('users: trim names')
    repo.write('package.json', '{"dependencies":{"left-pad":"2.0.0"}}\n')
    repo.commit('deps: bump left-pad')
    repo.write('src/orders.js', 'export const total = o => o.items.total\n')
    repo.commit('orders: items total')
    repo.write('README.md', 'docs\n')
    const bad = repo.commit('docs')

    const suspects = await rankSuspects(repo.dir, good, bad, {
      failingPaths: ['/api/users/me'],
      evidence: ['at total (/srv/app/src/orders.js:1:30)']
    })
    expect(suspects.map(s => s.subject)).toEqual([
      'orders: items total',
      'users: trim names',
      'deps: bump left-pad',
      'docs'
    ])
    expect(suspects[0]!.reasons[0]).toBe('touches src/orders.js, named in a stack trace')
    expect(suspects[1]!.reasons).toContain('touches src/users.js, near the failing endpoint')
    expect(suspects[1]!.reasons.join(' ')).toMatch(/largest change \(41 lines/)
    expect(suspects[2]!.reasons).toContain('dependency change (package.json)')
    expect(suspects[0]!.sha).toMatch(/^[0-9a-f]{40}$/)
  })
})

function sample(i: number, outcome: Sample['outcome']): Sample {
  return {
    probe: 'health',
    startedAt: i * 1000,
    finishedAt: i * 1000 + 20,
    outcome,
    detail: `status ${outcome === 'pass' ? 200 : 500}`,
    status: outcome === 'pass' ? 200 : 500,
    latencyMs: 20,
    excerpt: 'x'.repeat(300)
  }
}

function bigReport(): GuardReport {
  return {
    environment: 'production',
    deployment: { id: 7, sha: 'b'.repeat(40), ref: 'main', environment: 'production', createdAt: '' },
    lastGood: { id: 6, sha: 'a'.repeat(40), ref: 'main', environment: 'production', createdAt: '' },
    verdict: 'unhealthy',
    trip: {
      probe: 'health',
      verdict: 'unhealthy',
      rule: 'consecutive',
      reason: '4 consecutive failed probes: 4 failed',
      firstFailureAt: 1000,
      decidedAt: 4000
    },
    outcome: 'Rolled back to 6 (aaaaaaa) with the rollback command; the service is healthy again.',
    rolledBack: true,
    escalated: false,
    timeline: [
      { at: 0, label: 'Deploy ready; probing starts' },
      { at: 1000, label: 'First failure counted (health)' },
      { at: 4000, label: 'Verdict: unhealthy — 4 consecutive: 4 failed' }
    ],
    probes: [{ name: 'health', target: 'GET https://example.com/healthz' }],
    tallies: [
      {
        probe: 'health',
        counted: 4,
        passes: 0,
        fails: 4,
        timeouts: 0,
        transportErrors: 0,
        noData: 0,
        forgiven: 0
      }
    ],
    samples: Array.from({ length: 2000 }, (_, i) => sample(i, i % 2 ? 'pass' : 'fail')),
    logs: { command: 'kubectl logs deploy/web', tail: 'error line\n'.repeat(5000), exitCode: 0 },
    suspects: Array.from({ length: 40 }, (_, i) => ({
      sha: `${i}`.padStart(40, 'c'),
      subject: `commit ${i}`,
      author: 'a',
      files: ['a.js'],
      additions: 1,
      deletions: 0,
      score: 1,
      reasons: ['1 changed lines in 1 file(s)']
    }))
  }
}

describe('the report', () => {
  it('draws the timeline as a Mermaid diagram with relative times', () => {
    const text = mermaidTimeline([
      { at: 10_000, label: 'Deploy ready' },
      { at: 25_500, label: 'Verdict: unhealthy; 4 failed' }
    ])
    expect(text).toBe(
      '```mermaid\ntimeline\n    title Deploy guard\n    +0.0s : Deploy ready\n    +15.5s : Verdict unhealthy 4 failed\n```'
    )
  })

  it('fits a comment under GitHub’s limit by shrinking evidence, logs and suspects', () => {
    const report = bigReport()
    const full = renderReport(report, '<!-- m -->', 10_000_000)
    expect(full.length).toBeGreaterThan(COMMENT_LIMIT)
    const comment = renderReport(report, '<!-- m -->', COMMENT_LIMIT)
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(comment.startsWith('<!-- m -->')).toBe(true)
    expect(comment).toContain('```mermaid')
    expect(comment).toContain('Suspect commits')
    expect(comment).toMatch(/more commits not shown/)
  })

  it('escapes untrusted text in table cells', () => {
    const report = bigReport()
    report.samples = [{ ...sample(1, 'fail'), detail: 'a | b <script>' }]
    const text = renderReport(report, '', COMMENT_LIMIT)
    expect(text).toContain('a \\| b &lt;script>')
  })
})

describe('the guard config section', () => {
  it('reads its keys and rejects unknown ones with an example', () => {
    expect(readGuardSection({ 'log-lines': 50, 'comment-when-healthy': true })).toEqual({
      logLines: 50,
      commentWhenHealthy: true
    })
    expect(readGuardSection(undefined)).toEqual({ logLines: 200, commentWhenHealthy: false })
    expect(() => readGuardSection({ 'log-lines': 0 })).toThrow(
      'guard.log-lines must be a whole number from 1 to 5000; got 0. Example: log-lines: 200'
    )
    expect(() => readGuardSection({ interval: 5 })).toThrow('guard has an unknown key "interval"')
    expect(() => readGuardSection([1])).toThrow('"guard" must be a mapping')
  })
})

describe('timing inputs', () => {
  const ok = {
    warmup: 10_000,
    probeInterval: 5000,
    probeWindow: 300_000,
    probeTimeout: 5000,
    ratioWindow: 60_000,
    verifyWindow: 60_000,
    rollbackTimeout: 600_000
  }
  it('accepts the defaults and names every input that cannot work', () => {
    expect(() => checkTimings(ok)).not.toThrow()
    let message = ''
    try {
      checkTimings({ ...ok, probeInterval: 0, probeWindow: 0, rollbackTimeout: 10 })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('Input "probe-interval" must be at least 100ms. Example: probe-interval: 5s')
    expect(message).toContain('Input "rollback-timeout" must be at least 1s')
    expect(message).not.toContain('probe-window')
  })
})

describe('deployment status descriptions', () => {
  it('keep the rolled-back marker when cut to GitHub’s 140 characters', () => {
    const long = `CI Medic: Unhealthy: ${'x'.repeat(200)}. Rolling back to 12 (abc1234) ${ROLLED_BACK_MARKER}`
    const cut = fitDescription(long, 140)
    expect(cut).toHaveLength(140)
    expect(cut.endsWith(`… ${ROLLED_BACK_MARKER}`)).toBe(true)
    expect(fitDescription('short', 140)).toBe('short')
  })
})

describe('the previous version as a baseline', () => {
  const probe = healthUrlProbe('https://pr-42.preview.example.com/healthz', {
    timeoutMs: 1000,
    latencyCeilingMs: 0
  })
  const good = (url?: string) => ({
    id: 1,
    sha: 'a'.repeat(40),
    ref: 'main',
    environment: 'preview',
    createdAt: '',
    url
  })
  it('uses the last good deployment’s own URL when it is elsewhere', () => {
    expect(previousVersionOrigin(good('https://pr-41.preview.example.com/'), [probe])).toBe(
      'https://pr-41.preview.example.com'
    )
  })
  it('does not compare a URL with itself, or without one', () => {
    expect(previousVersionOrigin(good('https://pr-42.preview.example.com/app'), [probe])).toBeUndefined()
    expect(previousVersionOrigin(good(undefined), [probe])).toBeUndefined()
    expect(previousVersionOrigin(good('not a url'), [probe])).toBeUndefined()
  })
})
