import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { binOf, requirePackage } from './node-resolve.js'
import { runnerArguments } from '../../select/project.js'
import { readPackageJson } from '../detect.js'
import { nodeCoverage } from '../v8-coverage.js'
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
const path = require('path')
const { spawn } = require('child_process')
const [planFile, only] = process.argv.slice(2)
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'))
const cli = require(plan.cli)
const args = cli.loadOptions(plan.scriptArgs)
if (plan.perFile && only === undefined) runEachFile()
else {
  const files = only === undefined ? plan.files : [only]
  process.argv = [process.argv[0], plan.bin, ...(only === undefined ? plan.shownArgs : [path.relative(process.cwd(), only)])]
  process.env.CI_MEDIC_MOCHA_EVENTS = plan.out
  if (files.length) { args._ = files; delete args.spec }
  if (only !== undefined) args.parallel = false
  args.reporter = plan.reporter
  args.R = plan.reporter
  delete args['reporter-option']; delete args.reporterOption; delete args.O
  cli.main(undefined, args)
}
// Each test file in a process of its own (this driver again), a few at a time: what a process
// loads and runs is then that file's alone.
function runEachFile() {
  let files = plan.files
  if (!files.length) {
    const list = v => (v === undefined ? [] : Array.isArray(v) ? v : [v])
    const specs = [...list(args._), ...list(args.spec)]
    const found = require(plan.collect)({ spec: specs.length ? specs : ['./test'],
      extension: list(args.extension).length ? list(args.extension) : ['js', 'cjs', 'mjs'],
      ignore: list(args.ignore), file: [], recursive: args.recursive, sort: args.sort })
    files = (Array.isArray(found) ? found : found.files).map(file => path.resolve(file))
  }
  const os = require('os')
  const width = Math.max(1, Math.min(4, os.availableParallelism ? os.availableParallelism() : os.cpus().length))
  let next = 0
  let failed = false
  const start = () => {
    if (next >= files.length) return Promise.resolve()
    const file = files[next++]
    return new Promise(done => {
      const child = spawn(process.execPath, [...process.execArgv, __filename, planFile, file], { stdio: 'inherit' })
      child.on('error', () => { failed = true; done() })
      child.on('close', code => { if (code !== 0) failed = true; done() })
    }).then(start)
  }
  Promise.all(Array.from({ length: width }, start)).then(() => process.exit(failed ? 1 : 0))
}
`

/** Options mocha would then never end with. */
const NOT_PASSED_ON = new Set(['--watch', '-w'])

/**
 * What the test script gives mocha (specs, `--require`, `--recursive`, `--timeout`…), as mocha
 * reads its command line; its config files are read as well.
 */
function scriptArguments(packageDir: string): string[] {
  const words = runnerArguments(readPackageJson(packageDir)?.scripts, /^(?:\S*\/)?_?mocha$/) ?? []
  return words.filter(word => !NOT_PASSED_ON.has(word))
}

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
        scriptArgs: scriptArguments(context.packageDir),
        collect: join(mochaDir, 'lib/cli/collect-files.js'),
        // For a coverage map: node's coverage of a process is one test file's when the file ran alone.
        perFile: context.recordCoverage === true,
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
      ...nodeCoverage(context),
      eventsFile: out,
      reportsStarts: true,
      display: ['mocha', ...shown].join(' ')
    }
  }
}
