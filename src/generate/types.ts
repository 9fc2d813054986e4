/** Shared shapes of the test generator: gaps, candidates, filter verdicts. */

export type GenFramework = 'jest' | 'vitest' | 'pytest'

/** Lines per repository-relative file. */
export type LineMap = Map<string, Set<number>>

/** A changed symbol (or set of changed lines) the existing tests do not exercise. */
export interface Gap {
  /** Repository-relative source file. */
  file: string
  /** The changed or added symbols of the file that no test reaches or whose changed lines no test runs. */
  symbols: GapSymbol[]
  /** Changed executable lines of the file that the selected tests do not execute. */
  uncoveredLines: number[]
  /** Changed executable lines of the file (covered or not). */
  changedLines: number[]
  /** Existing test files that reach the file (may be empty). */
  reachedBy: string[]
}

export interface GapSymbol {
  name: string
  startLine: number
  endLine: number
  /** Why it is a gap: no test reaches it, or tests reach it but leave changed lines unexecuted. */
  reason: 'unreached' | 'uncovered-lines'
}

/** A test file proposed by the model. */
export interface Candidate {
  /** Stable id within a run, e.g. `c3` (`c3r` for a repaired one). */
  id: string
  /** Repository-relative path the candidate is written to. */
  path: string
  content: string
  /** The path the model asked for, when it differed from `path` or was rejected. */
  requestedPath?: string
  /** The candidate this one repairs. */
  repairOf?: string
  /** The source file the candidate was written for. */
  target: string
}

export const FILTERS = [
  'new-file',
  'builds',
  'passes',
  'asserts',
  'covers',
  'kills-mutants',
  'adds-value'
] as const
export type FilterName = (typeof FILTERS)[number]

export interface FilterVerdict {
  filter: FilterName
  status: 'pass' | 'fail' | 'skipped'
  /** Short human reason (untrusted parts already cut to size). */
  detail: string
}

export interface CandidateOutcome {
  candidate: Candidate
  verdicts: FilterVerdict[]
  kept: boolean
  /** Changed lines this candidate executes that the existing tests do not. */
  newLines: number[]
  /** Ids of mutants this candidate kills that the existing tests let live. */
  killedMutants: string[]
  /** Isolation and suite runs passed, e.g. 6 of 6. */
  runsPassed: number
  runsTotal: number
  /** Wall time spent filtering this candidate (its share of batched runs). */
  filterMs: number
  /** The test output of its last failing run, for the repair prompt. */
  failureMessage?: string
}

export interface Mutant {
  id: string
  /** Repository-relative source file. */
  file: string
  line: number
  /** e.g. `< → <=` */
  description: string
  /** Character offsets in the file's text. */
  start: number
  end: number
  replacement: string
  /** The smallest expression holding the mutation (for mutant schemata); defaults to start..end. */
  hostStart?: number
  hostEnd?: number
}

/** Result of one test file in one run. */
export interface FileRun {
  file: string
  status: 'passed' | 'failed' | 'errored'
  /** Test cases that ran (0 when the file did not load). */
  tests: number
  message?: string
}

export interface RunOutcome {
  files: Map<string, FileRun>
  /** Executed lines per test file (only when coverage was asked for). */
  coverageByTest?: Map<string, LineMap>
  /** Executable lines per covered source file (only with coverage). */
  executable?: LineMap
  timedOut: boolean
  durationMs: number
  /** Tail of the process output, for evidence. */
  output: string
}

export interface RunRequest {
  /** Repository-relative test files to run, in order. */
  files: string[]
  /** Repository-relative source files whose line coverage is wanted, per test file. */
  coverageOf?: string[]
  timeoutMs?: number
}

/** Runs test files with the repository's framework. One call is one process where the framework allows. */
export interface TestRunnerPort {
  readonly framework: GenFramework
  /** Whether several files run in one process stay isolated from each other (own module registry). */
  readonly isolatesFiles: boolean
  /** Whether one run of many files yields each file's own coverage (false: coverage costs a run per file). */
  readonly batchesCoverage: boolean
  run(request: RunRequest): Promise<RunOutcome>
  /**
   * Several independent runs at once, each as isolated as a run of its own (pytest: forked children
   * of one process). `env` is set for that run only. Optional: without it, runs are separate calls.
   */
  runMany?(
    runs: ReadonlyArray<{ label: string; files: string[]; env?: Record<string, string> }>,
    options?: { coverageOf?: string[]; timeoutMs?: number }
  ): Promise<Map<string, RunOutcome>>
  /**
   * Runs each mutant's test files against mutant schemata already written to the sources: the
   * mutant is chosen per run (a global or an environment variable). Undefined when it cannot
   * (the caller then applies mutants one at a time).
   */
  runMutants?(
    plan: ReadonlyArray<{ mutant: string; files: string[] }>,
    timeoutMs: number
  ): Promise<Map<string, Map<string, FileRun>> | undefined>
}
