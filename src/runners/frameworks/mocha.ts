import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { binOf, requirePackage } from './node-resolve.js'
import type { Adapter, PlanContext, PlannedRun } from './types.js'

/** A mocha reporter writing each test as it ends, and each file as the run moves past it. */
const REPORTER = String.raw`'use strict'
const fs = require('fs')
function CiMedicReporter(runner) {
  const out = process.env.CI_MEDIC_MOCHA_EVENTS
  const emit = event => fs.appendFileSync(out, JSON.stringify(event) + '\n')
  const fileOf = node => (node ? node.file || fileOf(node.parent) : undefined)
  const started = new Map()
  const closed = new Set()
  let current
  const close = file => {
    if (!file || closed.has(file)) return
    closed.add(file)
    emit({ t: 'file', file, durationMs: started.has(file) ? Date.now() - started.get(file) : 0 })
  }
  const begin = node => {
    const file = fileOf(node)
    if (!file || file === current) return file
    if (current) close(current)
    current = file
    if (!started.has(file)) { started.set(file, Date.now()); emit({ t: 'start', file }) }
    return file
  }
  const name = node => (node.titlePath ? node.titlePath() : [node.fullTitle()]).join(' \u203a ')
  const allFiles = (suite, files) => {
    if (suite.file) files.add(suite.file)
    for (const child of suite.suites) allFiles(child, files)
    for (const test of suite.tests) if (test.file) files.add(test.file)
    return files
  }
  runner.on('suite', suite => { if (suite.file) begin(suite) })
  runner.on('test', test => begin(test))
  runner.on('pass', test => {
    console.log('  \u2713 ' + name(test))
    emit({ t: 'case', file: begin(test), name: name(test), status: 'passed', durationMs: test.duration || 0 })
  })
  runner.on('pending', test => {
    console.log('  - ' + name(test))
    emit({ t: 'case', file: begin(test), name: name(test), status: 'skipped', durationMs: 0 })
  })
  runner.on('fail', (test, error) => {
    console.log('  \u2717 ' + name(test) + ': ' + ((error && error.message) || error))
    emit({ t: 'case', file: begin(test) || current, name: name(test), status: 'failed', durationMs: test.duration || 0,
      message: (error && error.message) || String(error), stack: (error && error.stack) || String(error) })
  })
  runner.once('end', () => {
    for (const file of allFiles(runner.suite, new Set())) { if (!started.has(file)) { started.set(file, Date.now()); emit({ t: 'start', file }) } close(file) }
    emit({ t: 'end' })
  })
}
module.exports = CiMedicReporter
`

/**
 * Runs mocha through its CLI module's `main(argv, options)`: the options (the repository's
 * .mocharc and package.json "mocha" settings, our reporter) are handed over as an object, so a
 * suite reading `process.argv` sees `mocha <files>` only.
 */
const DRIVER = String.raw`'use strict'
const fs = require('fs')
const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
process.argv = [process.argv[0], plan.bin, ...plan.shownArgs]
process.env.CI_MEDIC_MOCHA_EVENTS = plan.out
const cli = require(plan.cli)
const args = cli.loadOptions([])
if (plan.files.length) { args._ = plan.files; delete args.spec }
args.reporter = plan.reporter
args.R = plan.reporter
delete args['reporter-option']; delete args.reporterOption; delete args.O
cli.main(undefined, args)
`

export const mochaAdapter: Adapter = {
  framework: 'mocha',
  plan(context: PlanContext): PlannedRun {
    const mochaDir = requirePackage(
      'mocha',
      context.packageDir,
      'run npm ci (or npm install) before the tests'
    )
    const reporter = join(context.tempDir, 'mocha-reporter.cjs')
    const driver = join(context.tempDir, 'mocha-driver.cjs')
    const planFile = join(context.tempDir, 'mocha-plan.json')
    const out = join(context.tempDir, 'mocha-events.jsonl')
    const files = context.all ? [] : context.files
    const shown = files.map(file => relative(context.packageDir, file))
    writeFileSync(reporter, REPORTER)
    writeFileSync(driver, DRIVER)
    writeFileSync(out, '')
    writeFileSync(
      planFile,
      JSON.stringify({
        bin: binOf(mochaDir, 'mocha') ?? join(mochaDir, 'bin/mocha.js'),
        cli: join(mochaDir, 'lib/cli/cli.js'),
        reporter,
        out,
        files,
        shownArgs: shown
      })
    )
    return {
      framework: 'mocha',
      command: process.execPath,
      args: [...context.nodeFlags, driver, planFile],
      env: context.env,
      eventsFile: out,
      reportsStarts: true,
      display: ['mocha', ...shown].join(' ')
    }
  }
}
