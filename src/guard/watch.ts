import type { Clock } from './clock.js'
import type { Probe } from './probes.js'
import type { ProbeRunner } from './run-probe.js'
import { VerdictEngine, type Sample, type Trip, type Verdict, type VerdictSettings } from './verdict.js'

export interface WatchOptions {
  probes: readonly Probe[]
  run: ProbeRunner
  clock: Clock
  settings: VerdictSettings
  intervalMs: number
  /** Probe the baseline (previous version) alongside. */
  baseline?: boolean
  onSample?: (sample: Sample) => void
}

export interface WatchResult {
  verdict: Verdict
  trip?: Trip
  startedAt: number
  endedAt: number
  /** When the first probe passed (the deploy answered healthily). */
  readyAt?: number
  engine: VerdictEngine
}

/**
 * Probes every `intervalMs` (all probes of a round in parallel) until a probe trips or the watch ends.
 * A round that takes longer than the interval is followed at once by the next.
 */
export async function watchDeploy(options: WatchOptions): Promise<WatchResult> {
  const { probes, run, clock, settings, intervalMs } = options
  const startedAt = clock.now()
  const engine = new VerdictEngine(
    settings,
    probes.map(p => p.name),
    startedAt
  )
  let readyAt: number | undefined
  let nextRound = startedAt
  while (clock.now() < engine.endsAt) {
    const round = probes.flatMap(probe => [
      run(probe, {}),
      ...(options.baseline && probe.kind === 'http' ? [run(probe, { baseline: true })] : [])
    ])
    const samples = await Promise.all(round)
    samples.sort((a, b) => a.finishedAt - b.finishedAt)
    for (const sample of samples) {
      options.onSample?.(sample)
      if (!sample.baseline && sample.outcome === 'pass') readyAt ??= sample.finishedAt
      engine.record(sample)
    }
    if (engine.trip) break
    nextRound += intervalMs
    const now = clock.now()
    if (nextRound < now) nextRound = now
    if (nextRound >= engine.endsAt) break
    await clock.sleep(nextRound - now)
  }
  const endedAt = clock.now()
  const { verdict, trip } = engine.finish(endedAt)
  return { verdict, trip, startedAt, endedAt, readyAt, engine }
}
