import { readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { binOf, requirePackage } from './node-resolve.js'
import { MOCHA_COMMAND, runnerArguments } from '../../select/project.js'
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
// The whole run: driver PLAN. While recording a coverage map it runs each test file as
// driver PLAN FILE EVENTS, and files that failed alone again as driver PLAN --together EVENTS LIST
// (one mocha; the files listed in LIST, a JSON array: a long command line fails on Windows); each
// writes its events to EVENTS.
const [planFile, ...rest] = process.argv.slice(2)
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'))
const together = rest[0] === '--together'
const part = together ? JSON.parse(fs.readFileSync(rest[2], 'utf8')) : rest.length ? [rest[0]] : undefined
const cli = require(plan.cli)
const args = cli.loadOptions(plan.scriptArgs)
if (plan.perFile && part === undefined) runEachFile()
else {
  const files = part === undefined ? plan.files : part
  process.argv = [process.argv[0], plan.bin, ...(part === undefined ? plan.shownArgs : part.map(file => path.relative(process.cwd(), file)))]
  process.env.CI_MEDIC_MOCHA_EVENTS = part === undefined ? plan.out : rest[1]
  if (files.length) { args._ = files; delete args.spec }
  // One file alone runs in this process; files together run as the repository's config says.
  if (part !== undefined && !together) args.parallel = false
  args.reporter = plan.reporter
  args.R = plan.reporter
  delete args['reporter-option']; delete args.reporterOption; delete args.O
  if (plan.optionsFromArgv) cli.main(commandLine(args))
  else cli.main(undefined, args)
}
// mocha 8 and older read their options from the command line alone: the options as read above
// (config files included, which the command line then leaves out), one flag each.
function commandLine(options) {
  const argv = ['--no-config', '--no-package']
  for (const [key, value] of Object.entries(options)) {
    if (['_', '$0', 'config', 'package', 'spec'].includes(key) || key.length === 1 || /[A-Z]/.test(key)) continue
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === true) argv.push('--' + key)
      else if (item === false) argv.push('--no-' + key)
      else if (item !== undefined && item !== null) argv.push('--' + key, String(item))
    }
  }
  return [...argv, ...options._]
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
  // Beside the plan, in a folder that is removed after the run whatever happens to this process.
  const parts = path.join(path.dirname(path.resolve(planFile)), 'mocha-parts')
  fs.mkdirSync(parts, { recursive: true })
  const emit = event => fs.appendFileSync(plan.out, JSON.stringify(event) + '\n')
  const readEvents = file => {
    try { return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line)) } catch { return [] }
  }
  const failedIn = events => events.some(e => e.status === 'failed' || e.status === 'errored' || e.error)
  // Node's coverage of each process goes to a folder of its own, kept only when its file passed
  // alone: a run that failed part way says too little of what the file runs.
  const coverageDir = process.env.NODE_V8_COVERAGE
  const run = (driverArgs, name) => new Promise(done => {
    const coverage = coverageDir && path.join(coverageDir, name)
    const env = coverage ? { ...process.env, NODE_V8_COVERAGE: coverage } : process.env
    const child = spawn(process.execPath, [...process.execArgv, __filename, planFile, ...driverArgs], { stdio: 'inherit', env })
    child.on('error', () => done({ code: 1, coverage }))
    child.on('close', code => done({ code, coverage }))
  })
  const keepCoverage = (coverage, keep) => {
    if (!coverage) return
    if (keep) for (const name of fs.readdirSync(coverage, { withFileTypes: true }))
      if (name.isFile()) fs.renameSync(path.join(coverage, name.name), path.join(coverageDir, name.name))
    fs.rmSync(coverage, { recursive: true, force: true })
  }
  const os = require('os')
  const width = Math.max(1, Math.min(4, os.availableParallelism ? os.availableParallelism() : os.cpus().length))
  const aloneFailed = new Map()
  let next = 0
  const start = () => {
    if (next >= files.length) return Promise.resolve()
    const index = next++
    const file = files[index]
    const eventsFile = path.join(parts, index + '.jsonl')
    // Now, not with the file's results: a run stopped by its time limit charges the files in flight.
    emit({ t: 'start', file })
    return run([file, eventsFile], 'file-' + index).then(({ code, coverage }) => {
      const events = readEvents(eventsFile).filter(event => event.t !== 'end')
      const passed = code === 0 && !failedIn(events)
      keepCoverage(coverage, passed)
      if (passed) events.forEach(emit)
      else aloneFailed.set(file, events)
    }).then(start)
  }
  Promise.all(Array.from({ length: width }, start)).then(async () => {
    let failed = false
    if (aloneFailed.size) {
      // A file may fail alone but pass where it runs in the suite, after the files before it (one
      // sets up what it needs, say). Those files run together once more, as a plain run runs them,
      // and that run's results count: the recording must not change them.
      const last = Math.max(...[...aloneFailed.keys()].map(file => files.indexOf(file)))
      const togetherFile = path.join(parts, 'together.jsonl')
      const togetherList = path.join(parts, 'together.json')
      fs.writeFileSync(togetherList, JSON.stringify(files.slice(0, last + 1)))
      keepCoverage((await run(['--together', togetherFile, togetherList], 'together')).coverage, false)
      const sharedEvents = readEvents(togetherFile)
      for (const file of files) {
        if (!aloneFailed.has(file)) continue
        const shared = sharedEvents.filter(event => event.file === file)
        const finished = shared.some(event => event.t === 'file')
        const chosen = finished ? shared : aloneFailed.get(file)
        if (finished && !failedIn(shared))
          process.stderr.write('ci-medic: ' + path.relative(process.cwd(), file) + ' failed when run on its own, and passed after the test files before it: those results count, and it has no coverage entry\n')
        chosen.forEach(emit)
        failed = failed || !finished || failedIn(chosen)
      }
    }
    emit({ t: 'end' })
    process.exit(failed ? 1 : 0)
  })
}
`

/** Options mocha would then never end with. */
const NOT_PASSED_ON = new Set(['--watch', '-w'])

/**
 * What the test script gives mocha (specs, `--require`, `--recursive`, `--timeout`…), as mocha
 * reads its command line; its config files are read as well.
 */
function scriptArguments(packageDir: string): string[] {
  const words = runnerArguments(readPackageJson(packageDir)?.scripts, MOCHA_COMMAND) ?? []
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
        // mocha 9 and later take options already parsed (main's second argument); older ones do not.
        optionsFromArgv: !readFileSync(join(mochaDir, 'lib/cli/cli.js'), 'utf8').includes('mochaArgs'),
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
