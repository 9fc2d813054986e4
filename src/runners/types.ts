export type Framework = 'jest' | 'vitest' | 'mocha' | 'node-test' | 'pytest' | 'go' | 'custom'

export type TestStatus = 'passed' | 'failed' | 'skipped' | 'errored'

/** How a failure relates to the base commit and to retries. */
export type FailureKind = 'new' | 'already-failing' | 'flaky'

export interface SourceLocation {
  /** Repository-relative path, forward slashes. */
  file: string
  line: number
  column?: number
}

export interface TestCaseResult {
  /** Full name, including describe blocks / classes, joined by ' › '. */
  name: string
  status: TestStatus
  durationMs: number
  message?: string
  /** Stack trace with frames mapped to repository paths where possible. */
  stack?: string
  /** Where the failing assertion is (first stack frame inside the repository). */
  location?: SourceLocation
  /** Set for failures: new, already failing on base, or flaky (passed on a retry). */
  failureKind?: FailureKind
}

export interface TestFileResult {
  /** Repository-relative test file path, forward slashes. */
  file: string
  status: TestStatus
  durationMs: number
  tests: TestCaseResult[]
  /** Process output kept as evidence when the runner crashed or wrote no report for this file. */
  output?: string
  /** True when the file failed (or crashed) and then passed on a retry. */
  flaky?: boolean
  /** Runs of this file, retries included (1 when it was run once). */
  attempts?: number
  /** For a file that failed without a failing test case (a crash): new or already failing on base. */
  failureKind?: FailureKind
}

export interface TestTotals {
  passed: number
  failed: number
  skipped: number
  flaky: number
}

/** One result model for every framework. The CLI's `test --json` prints this object. */
export interface TestReport {
  framework: Framework
  totals: TestTotals
  files: TestFileResult[]
}

/** A test run as `runTests` returns it: the report plus what was run and how the processes ended. */
export interface TestRunReport extends TestReport {
  /** Every framework that ran (a monorepo can mix them); `framework` is the first. */
  frameworks: Framework[]
  /** Wall time of the whole run, retries included. */
  durationMs: number
  /** One entry per process started (retries included), for logs and evidence. */
  runs: RunInvocation[]
  /** Set when coverage was recorded for select (`record-coverage`): how many test files, at which commit. */
  coverageMap?: { commit?: string; recorded: number; untracked?: number; why?: string }
  /** Set when failures were compared with the base commit (`compare-to-base`). */
  baseline?: { base: string; newFailures: number; alreadyFailing: number }
}

export interface RunInvocation {
  framework: Framework
  /** Absolute folder the runner ran in (the workspace package). */
  cwd: string
  /** The command line, for humans (not for a shell). */
  command: string
  files: string[]
  exitCode: number | null
  timedOut: boolean
  durationMs: number
  /** `initial`, or `retry N` for flaky detection reruns. */
  phase: string
}
