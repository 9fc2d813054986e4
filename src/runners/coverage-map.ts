import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CachePort } from '../ports/cache.js'
import type { Logger } from '../ports/log.js'

/**
 * `<workDir>/coverage-map.json`: which source files each test file loaded and which of their
 * functions it ran, recorded by `test` with `record-coverage`, read by `select` (see
 * src/select/coverage.ts). Entries are grouped by the commit they were recorded at, so that
 * select can tell which of them still describe its base commit.
 */
export interface CoverageMap {
  version: 1
  runs: CoverageRun[]
}

export interface CoverageRun {
  /** The commit the tests ran at (a clean work tree). */
  commit: string
  /** When the run was recorded (ISO time); the oldest runs are dropped first. */
  recordedAt: string
  /** Every source file a test of this run loaded, with the functions any test ran in it. */
  sources: CoverageSource[]
  /** Test file → (index in `sources` → the functions it ran there, see encodeIndices). */
  tests: Record<string, Record<string, string>>
}

export interface CoverageSource {
  /** Repository-relative path, forward slashes. */
  path: string
  /**
   * Where each function starts, as line (1-based), column (0-based) pairs; empty when the
   * positions were those of a transformer's output with no source map back (swc, esbuild): then
   * only loading the file counts.
   */
  fns: number[]
  exact: boolean
}

/** What one test file ran: per repository-relative source, the function starts (line, column pairs). */
export type TestCoverage = Record<string, { fns: number[]; exact: boolean }>

export const COVERAGE_MAP_FILE = 'coverage-map.json'
/** Runs kept: each newer run takes its tests out of the older ones. */
const MAX_RUNS = 8

export function readCoverageMap(workDir: string): CoverageMap {
  const file = join(workDir, COVERAGE_MAP_FILE)
  if (!existsSync(file)) return { version: 1, runs: [] }
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CoverageMap>
    if (parsed.version !== 1 || !Array.isArray(parsed.runs)) return { version: 1, runs: [] }
    return { version: 1, runs: parsed.runs.filter(isRun) }
  } catch {
    return { version: 1, runs: [] }
  }
}

function isRun(run: unknown): run is CoverageRun {
  const r = run as CoverageRun
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.commit === 'string' &&
    /^[0-9a-f]{40,64}$/.test(r.commit) &&
    typeof r.recordedAt === 'string' &&
    Array.isArray(r.sources) &&
    r.sources.every(
      s =>
        typeof s?.path === 'string' &&
        Array.isArray(s.fns) &&
        s.fns.every(n => Number.isInteger(n)) &&
        typeof s.exact === 'boolean'
    ) &&
    typeof r.tests === 'object' &&
    r.tests !== null &&
    Object.values(r.tests).every(
      t => typeof t === 'object' && t !== null && Object.values(t).every(v => typeof v === 'string')
    )
  )
}

/**
 * Adds one run's per-test coverage to the map in `workDir`: the tests move to the new run, older
 * runs keep the rest, and runs left without tests are dropped.
 */
export function recordCoverageMap(
  workDir: string,
  commit: string,
  coverage: ReadonlyMap<string, TestCoverage>,
  alsoInstrumented: Iterable<string> = [],
  now = new Date()
): CoverageMap {
  const map = readCoverageMap(workDir)
  const run = buildRun(commit, coverage, now)
  // Files instrumented in the run that no recorded test loaded (a failing test's sources, say):
  // select then knows that a change to them does not touch the recorded tests.
  const known = new Set(run.sources.map(source => source.path))
  for (const path of [...alsoInstrumented].sort())
    if (!known.has(path)) {
      known.add(path)
      run.sources.push({ path, fns: [], exact: true })
    }
  const runs = [
    run,
    ...map.runs.filter(old => old.commit !== commit).map(old => withoutTests(old, coverage))
  ].filter(r => Object.keys(r.tests).length > 0)
  const merged: CoverageMap = { version: 1, runs: runs.slice(0, MAX_RUNS) }
  mkdirSync(workDir, { recursive: true })
  const target = join(workDir, COVERAGE_MAP_FILE)
  const temp = `${target}.${process.pid}.tmp`
  writeFileSync(temp, JSON.stringify(merged) + '\n')
  renameSync(temp, target)
  return merged
}

function withoutTests(run: CoverageRun, tests: ReadonlyMap<string, unknown>): CoverageRun {
  return { ...run, tests: Object.fromEntries(Object.entries(run.tests).filter(([test]) => !tests.has(test))) }
}

function buildRun(commit: string, coverage: ReadonlyMap<string, TestCoverage>, now: Date): CoverageRun {
  const sources: CoverageSource[] = []
  const sourceIndex = new Map<string, number>()
  /** Per source: function start ("line:column") → its index in the source's `fns`. */
  const fnIndex: Array<Map<string, number>> = []
  const tests: CoverageRun['tests'] = {}
  for (const [test, files] of [...coverage].sort(([a], [b]) => a.localeCompare(b))) {
    const entry: Record<string, string> = {}
    for (const [path, { fns, exact }] of Object.entries(files)) {
      let at = sourceIndex.get(path)
      if (at === undefined) {
        at = sources.length
        sourceIndex.set(path, at)
        sources.push({ path, fns: [], exact })
        fnIndex.push(new Map())
      }
      const source = sources[at] as CoverageSource
      const index = fnIndex[at] as Map<string, number>
      source.exact &&= exact
      const ran: number[] = []
      for (let i = 0; source.exact && i + 1 < fns.length; i += 2) {
        const key = `${fns[i]}:${fns[i + 1]}`
        let fn = index.get(key)
        if (fn === undefined) {
          fn = source.fns.length / 2
          index.set(key, fn)
          source.fns.push(fns[i] as number, fns[i + 1] as number)
        }
        ran.push(fn)
      }
      entry[String(at)] = encodeIndices(ran)
    }
    tests[test] = entry
  }
  for (const source of sources) if (!source.exact) source.fns = []
  return { commit, recordedAt: now.toISOString(), sources, tests }
}

/** A set of small integers as a bit set in base64url ('' for none). */
export function encodeIndices(indices: readonly number[]): string {
  if (indices.length === 0) return ''
  const bytes = Buffer.alloc((Math.max(...indices) >> 3) + 1)
  for (const i of indices) bytes[i >> 3] = (bytes[i >> 3] as number) | (1 << (i & 7))
  return bytes.toString('base64url')
}

export function decodeIndices(text: string): number[] {
  const bytes = Buffer.from(text, 'base64url')
  const indices: number[] = []
  for (let b = 0; b < bytes.length; b++)
    for (let bit = 0; bit < 8; bit++) if (((bytes[b] as number) >> bit) & 1) indices.push(b * 8 + bit)
  return indices
}

/** The Actions cache entry of the coverage map (none outside Actions: the work folder's file is the cache). */
export interface CoverageMapCache {
  restore(): Promise<void>
  save(): Promise<void>
}

export function coverageMapCache(
  cache: CachePort,
  workDir: string,
  keySuffix: string,
  log: Logger
): CoverageMapCache | undefined {
  if (!cache.available) return undefined
  const path = join(workDir, COVERAGE_MAP_FILE)
  const prefix = 'ci-medic-coverage-map-'
  return {
    async restore() {
      if (existsSync(path)) return
      const hit = await cache.restore([path], `${prefix}${keySuffix}`, [prefix])
      log.info(hit ? `Coverage map restored (${hit}).` : 'No coverage map in the cache yet.')
    },
    async save() {
      if (existsSync(path)) await cache.save([path], `${prefix}${keySuffix}-${Date.now()}`)
    }
  }
}
