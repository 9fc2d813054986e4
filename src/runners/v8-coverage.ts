import { readdirSync, readFileSync, realpathSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RunnerEvent } from './events.js'
import type { PlanContext, PlannedRun } from './frameworks/types.js'
import type { SourceMapJson } from './sourcemap.js'

/**
 * Coverage that node itself writes (`NODE_V8_COVERAGE=dir`): one file per process as it exits,
 * with V8's counters for every function each script compiled. A runner that starts a process per
 * test file (`node --test`) leaves one file per test file, so what each test file loaded and ran
 * is known exactly, as jest's per-file coverage gives it.
 */

interface V8Range {
  startOffset: number
  endOffset: number
  count: number
}

interface V8Function {
  functionName: string
  ranges: V8Range[]
}

interface V8Script {
  url: string
  functions: V8Function[]
}

interface V8CoverageFile {
  result?: V8Script[]
  /** Source maps node saw (a loader's output with a `sourceMappingURL`), by script URL. */
  'source-map-cache'?: Record<string, { lineLengths?: number[]; data?: SourceMapJson }>
}

type CoverageEvent = Extract<RunnerEvent, { t: 'coverage' }>

type SourceEntry = CoverageEvent['sources'][string]

/**
 * What a node runner's plan adds to record coverage: node writes each process's coverage to a
 * folder of the run, read after it. Nothing when the run records none.
 */
export function nodeCoverage(context: PlanContext): Pick<PlannedRun, 'env' | 'readCoverage'> {
  if (!context.recordCoverage) return { env: context.env }
  const dir = join(context.tempDir, 'v8-coverage')
  return {
    env: { ...context.env, NODE_V8_COVERAGE: dir },
    readCoverage: tests => v8CoverageEvents(dir, tests, context.tempDir)
  }
}

/**
 * One coverage event per process that ran exactly one of `testFiles` (absolute paths): the
 * scripts it loaded (absolute paths, outside node_modules; test files too, as jest instruments
 * them) and where the functions it ran start. A process that loaded none of them (the
 * runner's own, a script a test started) or several (tests run in one process) says nothing a
 * single test file can be charged with, and is skipped.
 */
export function v8CoverageEvents(
  dir: string,
  testFiles: ReadonlySet<string>,
  /** CI Medic's own driver and reporter are here: not the suite's. */
  ownFolder?: string
): CoverageEvent[] {
  // V8 names scripts by their real path (macOS's temp folder is behind a symlink).
  const own = ownFolder === undefined ? undefined : realPath(ownFolder) + sep
  let names: string[]
  try {
    names = readdirSync(dir).filter(name => name.startsWith('coverage-') && name.endsWith('.json'))
  } catch {
    return []
  }
  // Test files as V8 names them (real paths), and as the run's events named them.
  const named = new Map([...testFiles].map(file => [realPath(file), file]))
  const events: CoverageEvent[] = []
  const texts = new Map<string, string | undefined>()
  for (const name of names.sort()) {
    let parsed: V8CoverageFile
    try {
      parsed = JSON.parse(readFileSync(join(dir, name), 'utf8')) as V8CoverageFile
    } catch {
      continue // a process killed while writing
    }
    const scripts = (parsed.result ?? []).flatMap(script => {
      const path = pathOf(script.url)
      return path ? [{ path, script }] : []
    })
    const tests = scripts.filter(({ path }) => named.has(path))
    if (tests.length !== 1) continue
    const sources: Record<string, SourceEntry> = {}
    for (const { path, script } of scripts) {
      if (/[\\/]node_modules[\\/]/.test(path) || (own && path.startsWith(own))) continue
      const mapped = parsed['source-map-cache']?.[script.url]
      sources[path] =
        mapped?.data && mapped.lineLengths
          ? { fns: functionStarts(script, positionsIn(mapped.lineLengths)), exact: false, map: mapped.data }
          : ownPositions(script, path, texts)
    }
    events.push({
      t: 'coverage',
      file: named.get((tests[0] as (typeof tests)[number]).path) as string,
      sources
    })
  }
  return events
}

function realPath(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return resolve(path)
  }
}

/** The file a script URL names; undefined for node's own modules, `data:` and `eval` scripts. */
function pathOf(url: string): string | undefined {
  if (url.startsWith('file://')) {
    try {
      return fileURLToPath(url)
    } catch {
      return undefined
    }
  }
  // Older node versions name CommonJS scripts by their path.
  return url.startsWith('/') || /^[A-Za-z]:[\\/]/.test(url) ? url : undefined
}

/**
 * Positions in the file itself, when V8 compiled the file as it is on disk: the script's own
 * range is exactly as long as the file's text (a loader that rewrote it, with no source map, makes
 * it longer or shorter; then only loading the file counts).
 */
function ownPositions(script: V8Script, path: string, texts: Map<string, string | undefined>): SourceEntry {
  if (!texts.has(path)) {
    let text: string | undefined
    try {
      text = readFileSync(path, 'utf8')
    } catch {
      text = undefined
    }
    texts.set(path, text)
  }
  const text = texts.get(path)
  const whole = script.functions[0]?.ranges[0]
  if (text === undefined || !whole || whole.endOffset !== text.length) return { fns: [], exact: false }
  const lengths = text.split('\n').map(line => line.length)
  return { fns: functionStarts(script, positionsIn(lengths)), exact: true }
}

/** Offset → line (1-based), column (0-based), for a text whose lines (without `\n`) are this long. */
function positionsIn(lineLengths: readonly number[]): (offset: number) => [number, number] {
  const starts: number[] = []
  let at = 0
  for (const length of lineLengths) {
    starts.push(at)
    at += length + 1
  }
  return offset => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] as number) <= offset) low = middle
      else high = middle - 1
    }
    return [low + 1, offset - (starts[low] as number)]
  }
}

/**
 * Line, column pairs where the functions that ran start. The script's own top level (V8 lists it
 * first) is not one: a function that starts the file is.
 */
function functionStarts(script: V8Script, position: (offset: number) => [number, number]): number[] {
  const fns: number[] = []
  script.functions.forEach((fn, i) => {
    const range = fn.ranges[0]
    if (!range || range.count === 0 || (i === 0 && fn.functionName === '')) return
    fns.push(...position(range.startOffset))
  })
  return fns
}
