import { describe, expect, it } from '@jest/globals'
import { defaultVerdictSettings, VerdictEngine, type Outcome, type Sample } from '../../src/guard/verdict.js'

const settings = defaultVerdictSettings({
  warmupMs: 10_000,
  windowMs: 300_000,
  intervalMs: 5_000,
  failureThreshold: 4,
  failureRatioPercent: 50,
  ratioWindowMs: 60_000
})

function sample(at: number, outcome: Outcome, extra: Partial<Sample> = {}): Sample {
  return {
    probe: 'health',
    startedAt: at - 10,
    finishedAt: at,
    outcome,
    detail: outcome,
    latencyMs: 10,
    ...extra
  }
}

function feed(
  engine: VerdictEngine,
  outcomes: Outcome[],
  start = 0,
  step = 5_000,
  extra: Partial<Sample> = {}
) {
  outcomes.forEach((outcome, i) => engine.record(sample(start + i * step, outcome, extra)))
}

describe('VerdictEngine', () => {
  it('derives the ratio rule minimum from interval and window', () => {
    expect(settings.minRatioSamples).toBe(9)
    expect(settings.failureRatio).toBe(0.5)
  })

  it('trips after the configured number of consecutive failures, not before', () => {
    const engine = new VerdictEngine(settings, ['health'], 0)
    feed(engine, ['pass', 'fail', 'fail', 'fail'])
    expect(engine.trip).toBeUndefined()
    engine.record(sample(20_000, 'fail'))
    expect(engine.trip).toMatchObject({
      verdict: 'unhealthy',
      rule: 'consecutive',
      firstFailureAt: 5_000,
      decidedAt: 20_000
    })
  })

  it('a pass resets the streak', () => {
    const engine = new VerdictEngine(settings, ['health'], 0)
    feed(engine, [
      'pass',
      'fail',
      'fail',
      'fail',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'fail',
      'fail',
      'fail',
      'pass'
    ])
    expect(engine.trip).toBeUndefined()
    expect(engine.finish(1_000_000).verdict).toBe('healthy')
  })

  it('forgives failures during warm-up until the first pass', () => {
    const engine = new VerdictEngine(settings, ['health'], 0)
    feed(
      engine,
      ['transport-error', 'transport-error', 'transport-error', 'transport-error', 'transport-error'],
      0,
      1_000
    )
    expect(engine.trip).toBeUndefined()
    expect(engine.tallies()[0]).toMatchObject({ forgiven: 5, counted: 0 })
  })

  it('stops forgiving once the warm-up is over', () => {
    const engine = new VerdictEngine(settings, ['health'], 0)
    feed(engine, ['fail', 'fail', 'fail', 'fail', 'fail', 'fail'], 0, 5_000)
    // warm-up ends at 10 s: samples at 10, 15, 20, 25 s are counted
    expect(engine.trip).toMatchObject({ verdict: 'unhealthy', firstFailureAt: 10_000, decidedAt: 25_000 })
  })

  it('counts failures right away after the first pass even inside the warm-up', () => {
    const engine = new VerdictEngine(settings, ['health'], 0)
    feed(engine, ['pass', 'fail', 'fail', 'fail', 'fail'], 0, 1_000)
    expect(engine.trip?.decidedAt).toBe(4_000)
  })

  it('trips on the failure ratio when failures alternate with passes', () => {
    const engine = new VerdictEngine(settings, ['health'], 0)
    feed(engine, ['pass', 'fail', 'pass', 'fail', 'fail', 'pass', 'fail', 'pass', 'fail'])
    expect(engine.trip).toMatchObject({ rule: 'ratio', verdict: 'unhealthy' })
    expect(engine.trip?.reason).toContain('5 of the last 9 probes failed')
  })

  it('calls a run of timeouts and transport errors inconclusive, never a pass', () => {
    const engine = new VerdictEngine(settings, ['health'], 0)
    feed(engine, ['pass', 'timeout', 'transport-error', 'timeout', 'no-data'])
    expect(engine.trip).toMatchObject({ verdict: 'inconclusive', rule: 'consecutive' })
    expect(engine.trip?.reason).toContain('2 timed out')
    expect(engine.tallies()[0]).toMatchObject({ passes: 1, timeouts: 2, transportErrors: 1, noData: 1 })
  })

  it('is inconclusive at the end when a probe never passed', () => {
    const engine = new VerdictEngine(settings, ['health', 'smoke'], 0)
    feed(engine, ['pass', 'pass'])
    expect(engine.finish(400_000)).toMatchObject({
      verdict: 'inconclusive',
      trip: { probe: 'smoke', rule: 'no-data' }
    })
  })

  it('catches a slow-but-200 deploy against the baseline', () => {
    const engine = new VerdictEngine(settings, ['health'], 0)
    for (let i = 0; i < 12; i++) {
      engine.record(sample(i * 5_000, 'pass', { baseline: true, latencyMs: 40 }))
      engine.record(sample(i * 5_000 + 1, 'pass', { latencyMs: 900 }))
    }
    expect(engine.trip).toMatchObject({ verdict: 'unhealthy', rule: 'baseline-latency' })
    expect(engine.trip?.reason).toContain('median latency 900ms against 40ms')
  })

  it('does not flag a deploy as fast as its baseline', () => {
    const engine = new VerdictEngine(settings, ['health'], 0)
    for (let i = 0; i < 30; i++) {
      engine.record(sample(i * 5_000, 'pass', { baseline: true, latencyMs: 40 + (i % 3) }))
      engine.record(sample(i * 5_000 + 1, 'pass', { latencyMs: 45 + (i % 5) }))
    }
    expect(engine.trip).toBeUndefined()
  })

  it('rejects samples of unknown probes', () => {
    const engine = new VerdictEngine(settings, ['health'], 0)
    expect(() => engine.record({ ...sample(0, 'pass'), probe: 'other' })).toThrow('Unknown probe "other"')
  })
})
