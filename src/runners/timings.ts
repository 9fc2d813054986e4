import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TestReport } from './types.js'

/** `<workDir>/timings.json`: per-file durations that select's shard balancing reads. */
export interface Timings {
  version: 1
  files: Record<string, { durationMs: number }>
}

export const TIMINGS_FILE = 'timings.json'

export function readTimings(workDir: string): Timings {
  const file = join(workDir, TIMINGS_FILE)
  if (!existsSync(file)) return { version: 1, files: {} }
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Timings>
    if (parsed.version !== 1 || typeof parsed.files !== 'object' || parsed.files === null)
      return { version: 1, files: {} }
    const files: Timings['files'] = {}
    for (const [path, entry] of Object.entries(parsed.files)) {
      const durationMs = (entry as { durationMs?: unknown })?.durationMs
      if (typeof durationMs === 'number' && Number.isFinite(durationMs) && durationMs >= 0)
        files[path] = { durationMs }
    }
    return { version: 1, files }
  } catch {
    return { version: 1, files: {} }
  }
}

/** Merges a run's per-file durations into the timings file (files not run keep their old timing). */
export function recordTimings(workDir: string, report: TestReport): Timings {
  const timings = readTimings(workDir)
  for (const file of report.files) {
    if (file.status === 'errored' && file.tests.length === 0) continue
    timings.files[file.file] = { durationMs: Math.max(0, Math.round(file.durationMs)) }
  }
  const sorted: Timings = {
    version: 1,
    files: Object.fromEntries(Object.entries(timings.files).sort(([a], [b]) => a.localeCompare(b)))
  }
  mkdirSync(workDir, { recursive: true })
  const target = join(workDir, TIMINGS_FILE)
  const temp = `${target}.${process.pid}.tmp`
  writeFileSync(temp, JSON.stringify(sorted, null, 2) + '\n')
  renameSync(temp, target)
  return sorted
}
