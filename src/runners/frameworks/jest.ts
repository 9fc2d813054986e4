import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Adapter, PlanContext, PlannedRun } from './types.js'
import { binOf, requirePackage } from './node-resolve.js'

/**
 * A jest reporter that writes each file's results the moment the file finishes, so that a run
 * killed later (a hung file) keeps what finished.
 */
const REPORTER = String.raw`'use strict'
const fs = require('fs')
const STATUS = { passed: 'passed', failed: 'failed', pending: 'skipped', skipped: 'skipped', todo: 'skipped', disabled: 'skipped', focused: 'passed' }
class CiMedicReporter {
  constructor(globalConfig, options) { this.out = options.out; this.started = new Set() }
  emit(event) { fs.appendFileSync(this.out, JSON.stringify(event) + '\n') }
  onTestFileStart(test) { this.start(test.path) }
  onTestStart(test) { this.start(test.path) }
  start(file) { if (!this.started.has(file)) { this.started.add(file); this.emit({ t: 'start', file }) } }
  onTestResult(test, result) {
    const file = result.testFilePath || test.path
    for (const a of result.testResults || []) {
      const text = (a.failureMessages || []).join('\n')
      this.emit({ t: 'case', file, name: [...(a.ancestorTitles || []), a.title].join(' \u203a '),
        status: STATUS[a.status] || 'failed', durationMs: a.duration || 0,
        stack: text || undefined, line: a.location ? a.location.line : undefined, column: a.location ? a.location.column : undefined })
    }
    const perf = result.perfStats || {}
    const error = result.testExecError
      ? { message: result.failureMessage || result.testExecError.message || String(result.testExecError), stack: result.testExecError.stack }
      : undefined
    this.emit({ t: 'file', file, durationMs: perf.runtime || (perf.end && perf.start ? perf.end - perf.start : 0), error })
  }
  onRunComplete() { this.emit({ t: 'end' }) }
  getLastError() { return undefined }
}
module.exports = CiMedicReporter
`

/**
 * Runs jest through its programmatic entry point (`runCLI`), so that a suite reading
 * `process.argv` sees `jest <files>` — exactly what the repository's own `jest <files>` shows it —
 * and none of our reporting options.
 */
const DRIVER = String.raw`'use strict'
const fs = require('fs')
const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
process.argv = [process.argv[0], plan.bin, ...plan.shownArgs]
const { runCLI } = require(plan.jest)
const argv = { _: plan.files, $0: 'jest', ci: true, watch: false, watchAll: false, watchman: false,
  testLocationInResults: true, reporters: ['default', [plan.reporter, { out: plan.out }]] }
if (plan.files.length) argv.runTestsByPath = true
runCLI(argv, [plan.cwd]).then(
  ({ results }) => { process.exit(results.success ? 0 : 1) },
  error => { console.error((error && error.stack) || String(error)); process.exit(2) }
)
`

export const jestAdapter: Adapter = {
  framework: 'jest',
  plan(context: PlanContext): PlannedRun {
    const jestDir = requirePackage('jest', context.packageDir, 'run npm ci (or npm install) before the tests')
    const reporter = join(context.tempDir, 'jest-reporter.cjs')
    const driver = join(context.tempDir, 'jest-driver.cjs')
    const planFile = join(context.tempDir, 'jest-plan.json')
    const out = join(context.tempDir, 'jest-events.jsonl')
    const files = context.all ? [] : context.files
    writeFileSync(reporter, REPORTER)
    writeFileSync(driver, DRIVER)
    writeFileSync(out, '')
    writeFileSync(
      planFile,
      JSON.stringify({
        bin: binOf(jestDir, 'jest') ?? join(jestDir, 'bin/jest.js'),
        jest: jestDir,
        reporter,
        out,
        cwd: context.packageDir,
        files,
        shownArgs: files.map(file => relative(context.packageDir, file))
      })
    )
    return {
      framework: 'jest',
      command: process.execPath,
      args: [...context.nodeFlags, driver, planFile],
      env: context.env,
      eventsFile: out,
      reportsStarts: true,
      display: ['jest', ...files.map(file => relative(context.packageDir, file))].join(' ')
    }
  }
}
