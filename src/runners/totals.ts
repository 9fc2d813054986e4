import type { TestCaseResult, TestFileResult, TestTotals } from './types.js'

export function isFailing(result: TestFileResult): boolean {
  return result.status === 'failed' || result.status === 'errored'
}

export function isFailingCase(test: TestCaseResult): boolean {
  return test.status === 'failed' || test.status === 'errored'
}

/** Totals over cases; a file that failed without a failing case (a crash) counts as one failure. */
export function totalsOf(files: readonly TestFileResult[]): TestTotals {
  const totals: TestTotals = { passed: 0, failed: 0, skipped: 0, flaky: 0 }
  for (const file of files) {
    for (const test of file.tests) {
      if (test.failureKind === 'flaky') totals.flaky++
      else if (test.status === 'passed') totals.passed++
      else if (test.status === 'skipped') totals.skipped++
      else totals.failed++
    }
    const failingCases = file.tests.some(isFailingCase)
    if (isFailing(file) && !failingCases) totals.failed++
    if (file.flaky && !file.tests.some(test => test.failureKind === 'flaky')) totals.flaky++
  }
  return totals
}
