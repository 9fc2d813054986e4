/**
 * The verdict engine: pure, with time passed in. It is fed probe samples and decides when a deploy is
 * unhealthy, inconclusive or (at the end of the watch) healthy.
 *
 * - Warm-up: until a probe first passes, its failures are forgiven for `warmupMs`.
 * - A probe trips after `failureThreshold` consecutive non-passes, or when non-passes make up at least
 *   `failureRatio` of its samples in the last `ratioWindowMs` (with enough samples to judge).
 * - Timeouts, transport errors and answers with no data are never a pass. A trip made mostly of them is
 *   `inconclusive` (the service may be fine and the network not); a trip made mostly of definite
 *   failures (wrong status, body, latency, exit code) is `unhealthy`.
 * - With a baseline (the previous version probed alongside), a candidate whose median latency or error
 *   rate is clearly worse than the baseline's is `unhealthy` even when every answer was a 200.
 */

export type Outcome = 'pass' | 'fail' | 'timeout' | 'transport-error' | 'no-data'
export type Verdict = 'healthy' | 'unhealthy' | 'inconclusive'

export interface Sample {
  probe: string
  /** When the probe was sent and when its answer (or timeout) came, in ms on the injected clock. */
  startedAt: number
  finishedAt: number
  outcome: Outcome
  /** Why it failed, for the report (`status 500`, `latency 3.2s over 3s`, `timed out after 5s`). */
  detail: string
  status?: number
  latencyMs?: number
  /** A short, redacted excerpt of the answer. */
  excerpt?: string
  /** Probed against the baseline (previous version) rather than the new deploy. */
  baseline?: boolean
  /** Forgiven during warm-up. */
  warmup?: boolean
}

export interface VerdictSettings {
  warmupMs: number
  windowMs: number
  failureThreshold: number
  /** 0..1 */
  failureRatio: number
  ratioWindowMs: number
  /** Samples the ratio window must hold before the ratio rule applies. */
  minRatioSamples: number
  /** Baseline comparison: candidate median latency above factor × baseline median (and +100 ms). */
  baselineLatencyFactor: number
  /** Baseline comparison: candidate error rate above the baseline's by this much (0..1). */
  baselineErrorMargin: number
}

export interface Trip {
  probe: string
  verdict: Exclude<Verdict, 'healthy'>
  rule: 'consecutive' | 'ratio' | 'baseline-latency' | 'baseline-errors' | 'no-data'
  reason: string
  /** The first counted non-pass of the failing run. */
  firstFailureAt: number
  decidedAt: number
}

export interface ProbeTally {
  probe: string
  counted: number
  passes: number
  fails: number
  timeouts: number
  transportErrors: number
  noData: number
  forgiven: number
  medianLatencyMs?: number
  baselineMedianLatencyMs?: number
}

/** Derives the ratio rule's minimum sample count from the probe interval. */
export function defaultVerdictSettings(options: {
  warmupMs: number
  windowMs: number
  intervalMs: number
  failureThreshold: number
  failureRatioPercent: number
  ratioWindowMs: number
}): VerdictSettings {
  const perWindow = Math.max(1, Math.floor(options.ratioWindowMs / Math.max(1, options.intervalMs)))
  return {
    warmupMs: options.warmupMs,
    windowMs: options.windowMs,
    failureThreshold: options.failureThreshold,
    failureRatio: options.failureRatioPercent / 100,
    ratioWindowMs: options.ratioWindowMs,
    minRatioSamples: Math.max(options.failureThreshold * 2, Math.ceil(perWindow * 0.75), 2),
    baselineLatencyFactor: 2,
    baselineErrorMargin: 0.25
  }
}

interface ProbeState {
  warm: boolean
  streak: Sample[]
  recent: Sample[]
  baselineRecent: Sample[]
  all: Sample[]
}

const definite = (s: Sample): boolean => s.outcome === 'fail'

export class VerdictEngine {
  private readonly states = new Map<string, ProbeState>()
  private tripped: Trip | undefined

  constructor(
    readonly settings: VerdictSettings,
    probes: readonly string[],
    readonly startedAt: number
  ) {
    for (const probe of probes)
      this.states.set(probe, { warm: true, streak: [], recent: [], baselineRecent: [], all: [] })
  }

  get trip(): Trip | undefined {
    return this.tripped
  }

  /** The end of the watch: warm-up plus window from the start. */
  get endsAt(): number {
    return this.startedAt + this.settings.warmupMs + this.settings.windowMs
  }

  samples(probe?: string): Sample[] {
    if (probe) return [...(this.states.get(probe)?.all ?? [])]
    return [...this.states.values()].flatMap(s => s.all).sort((a, b) => a.finishedAt - b.finishedAt)
  }

  /** Records one sample; returns the trip when this sample decides the deploy is not healthy. */
  record(input: Sample): Trip | undefined {
    const state = this.states.get(input.probe)
    if (!state) throw new Error(`Unknown probe "${input.probe}"`)
    const sample = { ...input }
    const { settings } = this
    if (sample.baseline) {
      state.all.push(sample)
      state.baselineRecent.push(sample)
      prune(state.baselineRecent, sample.finishedAt - settings.ratioWindowMs)
      return this.tripped
    }
    if (state.warm) {
      if (sample.outcome === 'pass' || sample.finishedAt >= this.startedAt + settings.warmupMs)
        state.warm = false
      else sample.warmup = true
    }
    state.all.push(sample)
    if (sample.warmup || this.tripped) return this.tripped

    state.recent.push(sample)
    prune(state.recent, sample.finishedAt - settings.ratioWindowMs)
    if (sample.outcome === 'pass') state.streak = []
    else state.streak.push(sample)

    const now = sample.finishedAt
    if (state.streak.length >= settings.failureThreshold) {
      this.tripped = this.makeTrip(
        sample.probe,
        'consecutive',
        state.streak,
        now,
        `${state.streak.length} consecutive failed probes`
      )
      return this.tripped
    }
    const failing = state.recent.filter(s => s.outcome !== 'pass')
    if (
      state.recent.length >= settings.minRatioSamples &&
      failing.length / state.recent.length >= settings.failureRatio &&
      failing.length > 0
    ) {
      const percent = Math.round((failing.length / state.recent.length) * 100)
      this.tripped = this.makeTrip(
        sample.probe,
        'ratio',
        failing,
        now,
        `${failing.length} of the last ${state.recent.length} probes failed (${percent}%, limit ${Math.round(settings.failureRatio * 100)}%)`
      )
      return this.tripped
    }
    this.tripped = this.compareToBaseline(sample.probe, state, now)
    return this.tripped
  }

  private compareToBaseline(probe: string, state: ProbeState, now: number): Trip | undefined {
    const { settings } = this
    const base = state.baselineRecent
    const cand = state.recent
    if (base.length < settings.minRatioSamples || cand.length < settings.minRatioSamples) return undefined
    const baseErrors = base.filter(s => s.outcome !== 'pass').length / base.length
    const candFailing = cand.filter(s => s.outcome !== 'pass')
    const candErrors = candFailing.length / cand.length
    if (candErrors - baseErrors >= settings.baselineErrorMargin) {
      return {
        probe,
        verdict: 'unhealthy',
        rule: 'baseline-errors',
        reason: `error rate ${pct(candErrors)} against ${pct(baseErrors)} on the previous version`,
        firstFailureAt: candFailing[0]?.finishedAt ?? now,
        decidedAt: now
      }
    }
    const baseMedian = median(base.filter(s => s.outcome === 'pass').map(s => s.latencyMs ?? 0))
    const candMedian = median(cand.filter(s => s.outcome === 'pass').map(s => s.latencyMs ?? 0))
    if (baseMedian === undefined || candMedian === undefined) return undefined
    const limit = Math.max(baseMedian * settings.baselineLatencyFactor, baseMedian + 100)
    if (candMedian > limit) {
      const slow = cand.filter(s => (s.latencyMs ?? 0) > limit)
      return {
        probe,
        verdict: 'unhealthy',
        rule: 'baseline-latency',
        reason: `median latency ${ms(candMedian)} against ${ms(baseMedian)} on the previous version (limit ${ms(limit)})`,
        firstFailureAt: slow[0]?.finishedAt ?? now,
        decidedAt: now
      }
    }
    return undefined
  }

  private makeTrip(
    probe: string,
    rule: Trip['rule'],
    failing: readonly Sample[],
    now: number,
    reason: string
  ): Trip {
    const definiteCount = failing.filter(definite).length
    const verdict = definiteCount * 2 >= failing.length ? 'unhealthy' : 'inconclusive'
    const kinds = countKinds(failing)
    return {
      probe,
      verdict,
      rule,
      reason: `${reason}: ${kinds}`,
      firstFailureAt: failing[0]?.finishedAt ?? now,
      decidedAt: now
    }
  }

  /** The verdict at the end of the watch (or now, when a probe tripped). */
  finish(now: number): { verdict: Verdict; trip?: Trip } {
    if (this.tripped) return { verdict: this.tripped.verdict, trip: this.tripped }
    for (const [probe, state] of this.states) {
      const counted = state.all.filter(s => !s.baseline && !s.warmup)
      if (!counted.some(s => s.outcome === 'pass')) {
        this.tripped = {
          probe,
          verdict: 'inconclusive',
          rule: 'no-data',
          reason: counted.length
            ? `no passing probe in ${counted.length} tries: ${countKinds(counted)}`
            : 'no probe result after the warm-up',
          firstFailureAt: counted[0]?.finishedAt ?? now,
          decidedAt: now
        }
        return { verdict: 'inconclusive', trip: this.tripped }
      }
    }
    return { verdict: 'healthy' }
  }

  tallies(): ProbeTally[] {
    return [...this.states.entries()].map(([probe, state]) => {
      const own = state.all.filter(s => !s.baseline)
      const counted = own.filter(s => !s.warmup)
      const base = state.all.filter(s => s.baseline && s.outcome === 'pass')
      return {
        probe,
        counted: counted.length,
        passes: counted.filter(s => s.outcome === 'pass').length,
        fails: counted.filter(s => s.outcome === 'fail').length,
        timeouts: counted.filter(s => s.outcome === 'timeout').length,
        transportErrors: counted.filter(s => s.outcome === 'transport-error').length,
        noData: counted.filter(s => s.outcome === 'no-data').length,
        forgiven: own.length - counted.length,
        medianLatencyMs: median(
          counted.filter(s => s.latencyMs !== undefined).map(s => s.latencyMs as number)
        ),
        baselineMedianLatencyMs: median(base.map(s => s.latencyMs ?? 0))
      }
    })
  }
}

function prune(samples: Sample[], before: number): void {
  while (samples.length && (samples[0] as Sample).finishedAt <= before) samples.shift()
}

function countKinds(samples: readonly Sample[]): string {
  const counts = new Map<Outcome, number>()
  for (const s of samples) counts.set(s.outcome, (counts.get(s.outcome) ?? 0) + 1)
  const label: Record<Outcome, string> = {
    pass: 'passed',
    fail: 'failed',
    timeout: 'timed out',
    'transport-error': 'transport errors',
    'no-data': 'no data'
  }
  return [...counts].map(([kind, count]) => `${count} ${label[kind]}`).join(', ')
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

function pct(value: number): string {
  return `${Math.round(value * 100)}%`
}

export function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(value >= 10_000 ? 0 : 1)}s` : `${Math.round(value)}ms`
}
