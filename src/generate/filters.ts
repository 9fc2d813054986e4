/**
 * The filters a candidate test must pass to be kept, in order: a new file; parses and builds; passes
 * in isolation N times and once inside the suite; holds a real assertion on the code under test;
 * executes changed lines the existing tests do not; kills a mutant of the changed lines that the
 * existing tests let live; adds lines or kills beyond the other survivors (greedy set cover).
 *
 * Every stage works over ports (a test runner, an analyzer, a file store), so it runs the same on a
 * real repository and in tests. Runs are batched: one process for many candidates where the
 * framework isolates test files from each other.
 */
import { applyMutant, type Analyzer } from './analysis.js'
import { buildSchemata } from './schemata.js'
import type {
  Candidate,
  CandidateOutcome,
  FileRun,
  FilterName,
  FilterVerdict,
  LineMap,
  Mutant,
  RunOutcome,
  TestRunnerPort
} from './types.js'
import { FILTERS } from './types.js'

/** Where candidates are written and sources mutated; `restore` puts a source back. */
export interface FileStore {
  read(path: string): string
  write(path: string, content: string): void
  /** Removes a file the generator wrote. */
  remove(path: string): void
}

export interface FilterEnv {
  runner: TestRunnerPort
  analyzer: Analyzer
  files: FileStore
  /** Existing test files that reach the changed sources (the selected tests), passing at head. */
  existingTests: string[]
  /** Changed executable lines per source file. */
  changed: LineMap
  /** Changed lines the existing tests already execute. */
  baseline: LineMap
  /** Why a path may not be written (existing file, denied path, not a test file name), or undefined. */
  pathRefusal(path: string): string | undefined
  /** Syntax problems of a candidate, or undefined when it parses. */
  syntaxProblem(path: string, content: string): Promise<string | undefined>
  isolationRuns: number
  /** Time limit of one ordinary run. */
  runTimeoutMs: number
  /** Mutants and whether the existing tests kill them, shared across rounds. */
  mutants: MutantLedger
  now?: () => number
  onProgress?: (message: string) => void
  /** Receives the executable lines the coverage runs report (for the coverage delta). */
  onExecutable?: (lines: LineMap) => void
  /** Stop early (time budget): remaining candidates are rejected with this reason. */
  shouldStop?: () => string | undefined
}

export interface MutantLedger {
  /** Mutants per source file, generated once for every changed line. */
  bySource: Map<string, Mutant[]>
  /** Whether the existing tests kill each mutant (by id). */
  killedByExisting: Map<string, boolean>
}

export function newMutantLedger(): MutantLedger {
  return { bySource: new Map(), killedByExisting: new Map() }
}

interface Working {
  candidate: Candidate
  verdicts: FilterVerdict[]
  failed: boolean
  written: boolean
  runsPassed: number
  runsTotal: number
  covered: Set<number>
  newLines: number[]
  killed: string[]
  ms: number
}

function verdict(filter: FilterName, status: FilterVerdict['status'], detail: string): FilterVerdict {
  return { filter, status, detail }
}

function firstLine(text: string | undefined, max = 300): string {
  const line = (text ?? '')
    .split('\n')
    .map(l => l.trim())
    .find(l => l.length > 0 && !/^[●✕×]/.test(l))
  const value = line ?? ''
  return value.length > max ? `${value.slice(0, max)}…` : value
}

function failureSummary(text: string | undefined): string {
  const lines = (text ?? '')
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
  const useful =
    lines.find(l => /(expected|received|assert|error|exception|toBe|toEqual)/i.test(l)) ?? lines[0] ?? ''
  return useful.length > 300 ? `${useful.slice(0, 300)}…` : useful
}

function toRange(lines: readonly number[]): string {
  const sorted = [...lines].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`)
    i = j + 1
  }
  return parts.join(',')
}

export { toRange as lineRanges }

/**
 * Runs each item's candidate `repeat` times in isolation. Frameworks that isolate files batch all
 * candidates into one process per repetition; the others use forked runs in one process when the
 * runner offers them (pytest), else one process per candidate and repetition, two at a time.
 */
async function runAll(
  env: FilterEnv,
  items: Working[],
  repeat: number,
  build: (batch: Working[]) => { files: string[]; coverageOf?: string[] },
  onResult: (item: Working, outcome: RunOutcome) => void
): Promise<void> {
  const now = env.now ?? Date.now
  if (items.length === 0) return
  if (!env.runner.isolatesFiles && env.runner.runMany) {
    const runs = Array.from({ length: repeat }, (_, rep) =>
      items.map((item, index) => ({ label: `${rep}:${index}`, files: build([item]).files }))
    ).flat()
    const started = now()
    const outcomes = await env.runner.runMany(runs, {
      coverageOf: build(items).coverageOf,
      timeoutMs: env.runTimeoutMs
    })
    const share = (now() - started) / items.length
    for (const item of items) item.ms += share
    for (let rep = 0; rep < repeat; rep++) {
      items.forEach((item, index) => {
        const outcome = outcomes.get(`${rep}:${index}`)
        if (outcome) onResult(item, outcome)
      })
    }
    return
  }
  for (let rep = 0; rep < repeat; rep++) {
    const batches = env.runner.isolatesFiles ? [items] : items.map(item => [item])
    const runBatch = async (batch: Working[]): Promise<void> => {
      const started = now()
      const outcome = await env.runner.run({ timeoutMs: env.runTimeoutMs, ...build(batch) })
      const share = (now() - started) / batch.length
      for (const item of batch) {
        item.ms += share
        onResult(item, outcome)
      }
    }
    const queue = [...batches]
    const workers = Array.from({ length: env.runner.isolatesFiles ? 1 : 2 }, async () => {
      for (let batch = queue.shift(); batch; batch = queue.shift()) await runBatch(batch)
    })
    await Promise.all(workers)
  }
}

function reject(env: FilterEnv, item: Working, filter: FilterName, detail: string): void {
  item.verdicts.push(verdict(filter, 'fail', detail))
  item.failed = true
  if (item.written) {
    env.files.remove(item.candidate.path)
    item.written = false
  }
}

/**
 * Runs filters `new-file` … `kills-mutants` on a batch of candidates. Candidates that pass stay
 * written in the working tree (the caller restores it); rejected ones are removed at once.
 */
export async function filterCandidates(
  env: FilterEnv,
  candidates: readonly Candidate[]
): Promise<CandidateOutcome[]> {
  const now = env.now ?? Date.now
  const items: Working[] = candidates.map(candidate => ({
    candidate,
    verdicts: [],
    failed: false,
    written: false,
    runsPassed: 0,
    runsTotal: 0,
    covered: new Set(),
    newLines: [],
    killed: [],
    ms: 0
  }))
  const alive = (): Working[] => items.filter(i => !i.failed)
  /** The last failure message of each candidate, for the report and the repair prompt. */
  const lastMessages = new Map<Working, string>()
  const stopIfOutOfTime = (): boolean => {
    const reason = env.shouldStop?.()
    if (!reason) return false
    for (const item of alive()) reject(env, item, FILTERS[item.verdicts.length] ?? 'kills-mutants', reason)
    return true
  }

  // 1. A new file, at a path the generator may write.
  for (const item of items) {
    const started = now()
    const refusal = env.pathRefusal(item.candidate.path)
    if (refusal) reject(env, item, 'new-file', refusal)
    else item.verdicts.push(verdict('new-file', 'pass', item.candidate.path))
    item.ms += now() - started
  }

  // 2. Parses, then loads in the test runner (the first isolation run tells).
  for (const item of alive()) {
    const started = now()
    const problem = await env.syntaxProblem(item.candidate.path, item.candidate.content)
    item.ms += now() - started
    if (problem) {
      reject(env, item, 'builds', `does not parse: ${problem}`)
    } else {
      env.files.write(item.candidate.path, item.candidate.content)
      item.written = true
    }
  }
  if (stopIfOutOfTime()) return finish(items)
  env.onProgress?.(
    `isolation run 1 of ${env.isolationRuns} (with coverage) for ${alive().length} candidate(s)`
  )
  const sources = [...env.changed.keys()]
  // Where coverage costs a process per file (vitest), it is measured later, for the survivors only.
  const coverageNow = env.runner.batchesCoverage
  const recordCoverage = (item: Working, outcome: RunOutcome): void => {
    if (outcome.executable) env.onExecutable?.(outcome.executable)
    const lines = outcome.coverageByTest?.get(item.candidate.path)?.get(item.candidate.target)
    for (const line of lines ?? []) item.covered.add(line)
  }
  await runAll(
    env,
    alive(),
    1,
    batch => ({ files: batch.map(i => i.candidate.path), coverageOf: coverageNow ? sources : undefined }),
    (item, outcome) => {
      const run = outcome.files.get(item.candidate.path)
      if (!run || (run.status === 'errored' && run.tests === 0)) {
        reject(env, item, 'builds', `does not load: ${failureSummary(run?.message ?? outcome.output)}`)
        return
      }
      item.verdicts.push(verdict('builds', 'pass', `${run.tests} test(s) collected`))
      item.runsTotal++
      if (run.status === 'passed') item.runsPassed++
      else if (run.message) lastMessages.set(item, run.message)
      recordCoverage(item, outcome)
    }
  )

  // 3. Passes every isolation run, then once inside the suite.
  if (stopIfOutOfTime()) return finish(items)
  env.onProgress?.(`isolation runs 2 to ${env.isolationRuns}`)
  await runAll(
    env,
    alive(),
    env.isolationRuns - 1,
    batch => ({ files: batch.map(i => i.candidate.path) }),
    (item, outcome) => {
      item.runsTotal++
      const run = outcome.files.get(item.candidate.path)
      if (run?.status === 'passed') item.runsPassed++
      else lastMessages.set(item, run?.message ?? outcome.output)
    }
  )
  for (const item of alive()) {
    if (item.runsPassed < item.runsTotal) {
      const failedRuns = item.runsTotal - item.runsPassed
      const why =
        failedRuns === item.runsTotal
          ? `fails in isolation (${failedRuns} of ${item.runsTotal} runs)`
          : `flaky: fails ${failedRuns} of ${item.runsTotal} isolation runs`
      const message = lastMessages.get(item)
      reject(env, item, 'passes', message ? `${why}: ${failureSummary(message)}` : why)
    }
  }
  if (stopIfOutOfTime()) return finish(items)
  if (alive().length > 0) {
    env.onProgress?.(`suite run with ${env.existingTests.length} existing test file(s)`)
    const suite = alive()
    const started = now()
    const outcome = await env.runner.run({
      files: [...env.existingTests, ...suite.map(i => i.candidate.path)],
      timeoutMs: env.runTimeoutMs
    })
    const share = (now() - started) / suite.length
    for (const item of suite) {
      item.ms += share
      item.runsTotal++
      const run = outcome.files.get(item.candidate.path)
      if (run?.status === 'passed') {
        item.runsPassed++
        item.verdicts.push(verdict('passes', 'pass', `${item.runsPassed} of ${item.runsTotal} runs passed`))
      } else {
        lastMessages.set(item, run?.message ?? outcome.output)
        reject(
          env,
          item,
          'passes',
          `passes alone ${env.isolationRuns} times but fails inside the suite (order-dependent): ${failureSummary(run?.message ?? outcome.output)}`
        )
      }
    }
  }

  // 4. At least one real assertion on the code under test, in every test case.
  for (const item of alive()) {
    const started = now()
    const analysis = await env.analyzer.assertions(
      item.candidate.path,
      item.candidate.content,
      item.candidate.target
    )
    item.ms += now() - started
    const weak = analysis.tests.filter(t => !t.real)
    if (analysis.syntaxError) reject(env, item, 'asserts', `cannot analyse: ${analysis.syntaxError}`)
    else if (analysis.tests.length === 0) reject(env, item, 'asserts', 'no test case found')
    else if (weak.length > 0)
      reject(
        env,
        item,
        'asserts',
        `no real assertion on ${item.candidate.target} in: ${weak.map(t => `"${firstLine(t.name, 80)}" (line ${t.line})`).join(', ')} — asserting only that it is defined or does not throw proves nothing`
      )
    else
      item.verdicts.push(
        verdict('asserts', 'pass', `${analysis.tests.length} test(s), each with a real assertion`)
      )
  }

  // 5. Executes changed lines the existing tests do not.
  if (!coverageNow && alive().length > 0) {
    env.onProgress?.(`coverage of ${alive().length} candidate(s)`)
    await runAll(
      env,
      alive(),
      1,
      batch => ({ files: batch.map(i => i.candidate.path), coverageOf: sources }),
      recordCoverage
    )
  }
  for (const item of alive()) {
    const changed = env.changed.get(item.candidate.target) ?? new Set<number>()
    const before = env.baseline.get(item.candidate.target) ?? new Set<number>()
    item.newLines = [...item.covered].filter(l => changed.has(l) && !before.has(l)).sort((a, b) => a - b)
    if (item.newLines.length === 0) {
      const touched = [...item.covered].filter(l => changed.has(l))
      reject(
        env,
        item,
        'covers',
        touched.length
          ? `executes changed lines ${toRange(touched)} that the existing tests already execute; nothing new`
          : 'executes none of the changed lines'
      )
    } else {
      item.verdicts.push(verdict('covers', 'pass', `newly covers line(s) ${toRange(item.newLines)}`))
    }
  }
  if (stopIfOutOfTime()) return finish(items)

  // 6. Kills a mutant of the changed lines that the existing tests let live.
  await mutationFilter(env, alive())
  return finish(items)

  function finish(list: Working[]): CandidateOutcome[] {
    return list.map(item => ({
      candidate: item.candidate,
      verdicts: completeVerdicts(item.verdicts),
      kept: false,
      newLines: item.newLines,
      killedMutants: item.killed,
      runsPassed: item.runsPassed,
      runsTotal: item.runsTotal,
      filterMs: Math.round(item.ms),
      failureMessage: lastMessages.get(item)
    }))
  }
}

function completeVerdicts(verdicts: FilterVerdict[]): FilterVerdict[] {
  const result = [...verdicts]
  for (const filter of FILTERS) {
    if (!result.some(v => v.filter === filter)) result.push(verdict(filter, 'skipped', ''))
  }
  return result
}

async function mutationFilter(env: FilterEnv, items: Working[]): Promise<void> {
  if (items.length === 0) return
  const now = env.now ?? Date.now
  const byLine = new Map<string, Set<number>>()
  for (const item of items) {
    const lines = byLine.get(item.candidate.target) ?? new Set<number>()
    for (const line of item.covered) lines.add(line)
    byLine.set(item.candidate.target, lines)
  }
  interface Job {
    mutant: Mutant
    original: string
    covering: Working[]
    known: boolean | undefined
    files: string[]
  }
  const jobs: Job[] = []
  for (const [source, coveredLines] of byLine) {
    const original = env.files.read(source)
    let mutants = env.mutants.bySource.get(source)
    if (!mutants) {
      const offset = [...env.mutants.bySource.values()].reduce((n, list) => n + list.length, 0)
      mutants = (await env.analyzer.mutants(source, original, env.changed.get(source) ?? new Set())).map(
        (m, i) => ({ ...m, id: `m${offset + i + 1}` })
      )
      env.mutants.bySource.set(source, mutants)
    }
    for (const mutant of mutants) {
      if (!coveredLines.has(mutant.line)) continue
      const known = env.mutants.killedByExisting.get(mutant.id)
      if (known === true) continue
      const covering = items.filter(i => i.candidate.target === source && i.covered.has(mutant.line))
      const files = [
        ...(known === undefined ? env.existingTests : []),
        ...covering.map(i => i.candidate.path)
      ]
      jobs.push({ mutant, original, covering, known, files })
    }
  }
  env.onProgress?.(`mutation: ${jobs.length} mutant(s) of the changed lines the candidates execute`)
  const timeoutMs = Math.max(env.runTimeoutMs / 4, 15_000)
  const results = new Map<string, { files: Map<string, FileRun>; timedOut: boolean }>()

  // All mutants of a file in one process where the runner can (mutant schemata), else one run each.
  if (env.runner.runMutants && jobs.length > 1) {
    const started = now()
    const bySource = new Map<string, Job[]>()
    for (const job of jobs) bySource.set(job.mutant.file, [...(bySource.get(job.mutant.file) ?? []), job])
    const planned: Job[] = []
    const originals = new Map<string, string>()
    try {
      for (const [source, list] of bySource) {
        const original = list[0]!.original
        const schemata = buildSchemata(
          original,
          list.map(j => j.mutant),
          source.endsWith('.py') ? 'py' : 'js'
        )
        if (await env.syntaxProblem(source, schemata.text)) continue
        const included = new Set(schemata.included.map(m => m.id))
        originals.set(source, original)
        env.files.write(source, schemata.text)
        planned.push(...list.filter(j => included.has(j.mutant.id)))
      }
      if (planned.length > 0) {
        const batch = await env.runner.runMutants(
          planned.map(j => ({ mutant: j.mutant.id, files: j.files })),
          Math.max(timeoutMs * 2, env.runTimeoutMs)
        )
        for (const [id, files] of batch ?? [])
          results.set(id, { files, timedOut: [...files.values()].some(f => f.message === 'timed out') })
      }
    } finally {
      for (const [source, original] of originals) env.files.write(source, original)
    }
    const involved = new Set(planned.flatMap(j => j.covering))
    for (const item of involved) item.ms += (now() - started) / involved.size
  }
  for (const job of jobs) {
    if (results.has(job.mutant.id)) continue
    const started = now()
    env.files.write(job.mutant.file, applyMutant(job.original, job.mutant))
    try {
      const outcome = await env.runner.run({ files: job.files, timeoutMs })
      results.set(job.mutant.id, { files: outcome.files, timedOut: outcome.timedOut })
    } finally {
      env.files.write(job.mutant.file, job.original)
    }
    for (const item of job.covering) item.ms += (now() - started) / job.covering.length
  }

  const considered = new Map<Working, number>()
  for (const job of jobs) {
    const result = results.get(job.mutant.id)!
    if (result.timedOut) {
      // A mutant that hangs the run cannot be attributed; it proves nothing either way.
      env.mutants.killedByExisting.set(job.mutant.id, true)
      continue
    }
    if (job.known === undefined) {
      const killedByExisting = env.existingTests.some(t => result.files.get(t)?.status !== 'passed')
      env.mutants.killedByExisting.set(job.mutant.id, killedByExisting)
      if (killedByExisting) continue
    }
    for (const item of job.covering) {
      considered.set(item, (considered.get(item) ?? 0) + 1)
      if (result.files.get(item.candidate.path)?.status !== 'passed') item.killed.push(job.mutant.id)
    }
  }
  const describe = (id: string): string => {
    const m = [...env.mutants.bySource.values()].flat().find(x => x.id === id)
    return m ? `${m.id} (line ${m.line}: ${m.description})` : id
  }
  for (const item of items) {
    if (item.killed.length > 0) {
      item.verdicts.push(
        verdict(
          'kills-mutants',
          'pass',
          `kills ${item.killed.length} mutant(s) the existing tests let live: ${item.killed.map(describe).join(', ')}`
        )
      )
    } else {
      const count = considered.get(item) ?? 0
      reject(
        env,
        item,
        'kills-mutants',
        count > 0
          ? `survives all ${count} mutant(s) of the lines it executes that the existing tests let live: its assertions do not depend on the changed logic`
          : 'no mutant of the lines it executes survives the existing tests; it adds no fault detection'
      )
    }
  }
}

/**
 * Among candidates that passed every filter, keeps a smallest set that covers all their new lines
 * and kills (greedy set cover); the others get an `adds-value` rejection naming what covers them.
 */
export function selectValuable(outcomes: CandidateOutcome[]): CandidateOutcome[] {
  const survivors = outcomes.filter(o =>
    o.verdicts.every(v => v.status === 'pass' || v.filter === 'adds-value')
  )
  const elements = (o: CandidateOutcome): string[] => [
    ...o.newLines.map(l => `${o.candidate.target}:${l}`),
    ...o.killedMutants
  ]
  const coveredBy = new Set<string>()
  const kept: CandidateOutcome[] = []
  const remaining = [...survivors]
  while (remaining.length > 0) {
    remaining.sort((a, b) => {
      const gain = (o: CandidateOutcome): number => elements(o).filter(e => !coveredBy.has(e)).length
      return gain(b) - gain(a) || a.filterMs - b.filterMs || a.candidate.id.localeCompare(b.candidate.id)
    })
    const best = remaining.shift() as CandidateOutcome
    const gain = elements(best).filter(e => !coveredBy.has(e))
    if (gain.length === 0) {
      remaining.unshift(best)
      break
    }
    for (const e of gain) coveredBy.add(e)
    kept.push(best)
  }
  return outcomes.map(o => {
    if (!survivors.includes(o)) return o
    const isKept = kept.includes(o)
    const others = kept.filter(k => k !== o).map(k => k.candidate.id)
    const verdicts = o.verdicts.map(v =>
      v.filter !== 'adds-value'
        ? v
        : isKept
          ? verdict('adds-value', 'pass', `${elements(o).length} line(s) and kill(s)`)
          : verdict(
              'adds-value',
              'fail',
              `adds no line or mutant kill beyond ${others.join(', ') || 'the kept tests'}`
            )
    )
    return { ...o, verdicts, kept: isKept }
  })
}
