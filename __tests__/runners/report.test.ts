import { describe, expect, test } from '@jest/globals'
import { annotationsFor, renderSummary, renderText } from '../../src/commands/test.js'
import type { TestRunReport } from '../../src/runners/types.js'

function reportWith(failures: number): TestRunReport {
  const tests = Array.from({ length: failures }, (_, i) => ({
    name: `case ${i} | <b>`,
    status: 'failed' as const,
    durationMs: 1,
    message: `expected ${i}\nto equal ${i + 1}`,
    location: { file: 'src/a.test.ts', line: 10 + i }
  }))
  return {
    framework: 'jest',
    frameworks: ['jest'],
    totals: { passed: 1, failed: failures, skipped: 0, flaky: 0 },
    files: [
      { file: 'src/a.test.ts', status: 'failed', durationMs: 40, tests },
      {
        file: 'src/ok.test.ts',
        status: 'passed',
        durationMs: 900,
        tests: [{ name: 'ok', status: 'passed', durationMs: 900 }]
      }
    ],
    durationMs: 1000,
    runs: []
  }
}

describe('test reporting', () => {
  test('the first 10 failures are annotated on their lines; the summary lists every one', () => {
    const report = reportWith(13)
    const annotations = annotationsFor(report)
    expect(annotations).toHaveLength(10)
    expect(annotations[0]).toEqual({
      level: 'error',
      title: 'Test failed: case 0 | <b>',
      message: 'expected 0\nto equal 1',
      file: 'src/a.test.ts',
      startLine: 10
    })
    const summary = renderSummary(report, annotations.length)
    expect(summary).toContain('### Failures (13)')
    expect(summary).toContain('`src/a.test.ts:22`')
    // untrusted test names cannot break the table or inject HTML
    expect(summary).toContain('case 12 \\| &lt;b>')
    expect(summary).toContain('10 failure(s) are annotated')
    expect(summary.indexOf('`src/ok.test.ts`')).toBeLessThan(summary.indexOf('`src/a.test.ts` | 0.04s'))
  })

  test('with a baseline only new failures are annotated', () => {
    const report = reportWith(2)
    const [first, second] = report.files[0]?.tests ?? []
    if (!first || !second) throw new Error('fixture')
    first.failureKind = 'already-failing'
    second.failureKind = 'new'
    report.baseline = { base: 'abc1234', newFailures: 1, alreadyFailing: 1 }
    expect(annotationsFor(report).map(a => a.startLine)).toEqual([11])
    const summary = renderSummary(report, 1)
    expect(summary.indexOf('### New failures (1)')).toBeLessThan(
      summary.indexOf('### Already failing on base (1)')
    )
  })

  test('the human output names each failing test and where it failed', () => {
    const text = renderText(reportWith(1))
    expect(text).toMatch(/^jest: 1 passed, 1 failed, 0 skipped, 0 flaky/)
    expect(text).toContain('✗ case 0 | <b> at src/a.test.ts:10: expected 0')
  })
})
