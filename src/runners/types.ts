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
