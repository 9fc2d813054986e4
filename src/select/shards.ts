import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Shard {
  shard: number
  tests: string[]
  /** Expected duration of the shard, in milliseconds. */
  expectedMs: number
}

export interface TimingsFile {
  version: 1
  files: Record<string, { durationMs: number }>
}

/** Recorded durations from `<workDir>/timings.json`, when present and well formed. */
export function readTimings(workDir: string): Map<string, number> {
  const timings = new Map<string, number>()
  const path = join(workDir, 'timings.json')
  if (!existsSync(path)) return timings
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<TimingsFile>
    for (const [file, entry] of Object.entries(parsed.files ?? {})) {
      const ms = entry?.durationMs
      if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) timings.set(file, ms)
    }
  } catch {
    // unreadable timings: estimate instead
  }
  return timings
}

/**
 * A duration estimate for a test file without a recorded timing: a fixed start-up cost plus a
 * share per test case (`it(`/`test(`/`def test_`/`func Test`) found in its text.
 */
export function estimateDurationMs(text: string | undefined): number {
  if (text === undefined) return 1000
  const cases = (
    text.match(/\b(?:it|test)(?:\.each\([^)]*\))?\s*\(|^\s*(?:async\s+)?def\s+test_|^func\s+Test/gm) ?? []
  ).length
  return 300 + 50 * Math.max(1, cases) + Math.min(2000, text.length / 50)
}

/**
 * Longest-processing-time-first: the longest test goes to the currently lightest shard. Gives
 * shards within 4/3 of the optimum. Empty shards are dropped; ties break by path for stable output.
 */
export function splitIntoShards(
  tests: readonly string[],
  count: number,
  durationOf: (test: string) => number
): Shard[] {
  const shards: Shard[] = Array.from({ length: Math.max(1, count) }, (_, i) => ({
    shard: i + 1,
    tests: [],
    expectedMs: 0
  }))
  const ordered = [...tests].sort((a, b) => durationOf(b) - durationOf(a) || a.localeCompare(b))
  for (const test of ordered) {
    let lightest = shards[0] as Shard
    for (const shard of shards) if (shard.expectedMs < lightest.expectedMs) lightest = shard
    lightest.tests.push(test)
    lightest.expectedMs += durationOf(test)
  }
  const used = shards.filter(shard => shard.tests.length > 0)
  used.forEach((shard, i) => {
    shard.shard = i + 1
    shard.tests.sort()
  })
  return used
}
