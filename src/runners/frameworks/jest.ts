import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Adapter, PlanContext, PlannedRun } from './types.js'
import { binOf, requirePackage } from './node-resolve.js'
import { jestConfigOf, jestProjectsOf, readPackageJson } from '../detect.js'
import { jestRunConfigs } from '../../select/project.js'

/**
 * A jest reporter that writes each file's results the moment the file finishes, so that a run
 * killed later (a hung file) keeps what finished.
 */
const REPORTER = String.raw`'use strict'
const fs = require('fs')
const STATUS = { passed: 'passed', failed: 'failed', pending: 'skipped', skipped: 'skipped', todo: 'skipped', disabled: 'skipped', focused: 'passed' }
class CiMedicReporter {
  constructor(globalConfig, options) { this.out = options.out; this.coverage = options.coverage; this.started = new Set(); this.mapped = new Set() }
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
    if (this.coverage && result.coverage)
      this.emit({ t: 'coverage', file, sources: executedFunctions(result.coverage, this.mapped, test.context && test.context.config) })
    const perf = result.perfStats || {}
    const error = result.testExecError
      ? { message: result.failureMessage || result.testExecError.message || String(result.testExecError), stack: result.testExecError.stack }
      : undefined
    this.emit({ t: 'file', file, durationMs: perf.runtime || (perf.end && perf.start ? perf.end - perf.start : 0), error })
  }
  onRunComplete() { this.emit({ t: 'end' }) }
  getLastError() { return undefined }
}
// Per source file the test loaded: where each function it ran starts (line, column pairs), and
// whether those positions are the source's own. Where they are those of a transformed copy (as with
// ts-jest), the copy's source map comes along, once per file.
function executedFunctions(coverage, mapped, config) {
  const sources = {}
  for (const [path, entry] of Object.entries(coverage)) {
    const data = entry && entry.data ? entry.data : entry
    if (!data || !data.fnMap || !data.f) continue
    const fns = []
    for (const id of Object.keys(data.fnMap)) {
      const loc = data.fnMap[id].loc || data.fnMap[id].decl
      if (data.f[id] > 0 && loc) fns.push(loc.start.line, loc.start.column)
    }
    const source = data.path || path
    sources[source] = { fns, exact: !data.inputSourceMap && instrumentsItself(config, source) }
    if (data.inputSourceMap && !mapped.has(source)) { mapped.add(source); sources[source].map = data.inputSourceMap }
  }
  return sources
}
// Positions are the source's own when the code jest instrumented was the file itself: no
// transformer ran, or babel-jest did, which instruments in its own pass. Another transformer that
// hands jest no source map (swc, esbuild) leaves positions of its output: then only loading counts.
function instrumentsItself(config, file) {
  if (!config) return false
  // A pattern that does not compile never makes positions count as the source's own.
  const matches = (pattern, onError) => { try { return new RegExp(pattern).test(file) } catch { return onError } }
  if ((config.transformIgnorePatterns || []).some(pattern => matches(pattern, false))) return true
  const transform = (config.transform || []).find(([pattern]) => matches(pattern, true))
  return !transform || /[\\/]babel-jest[\\/]/.test(String(transform[1]))
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
  testLocationInResults: true, reporters: ['default', [plan.reporter, { out: plan.out, coverage: plan.coverage }]] }
if (plan.files.length) argv.runTestsByPath = true
if (plan.config) argv.config = plan.config
// Coverage for the coverage map only: babel's counters (per test file), no report, no thresholds.
// The repository's own sources are instrumented even where a broad testRegex (kept in check by
// roots) would make jest take them for tests.
if (plan.coverage) Object.assign(argv, { coverage: true, collectCoverage: true, coverageProvider: 'babel',
  coverageReporters: [], coverageThreshold: '{}', ...(plan.sources.length ? { forceCoverageMatch: plan.sources } : {}) })
runCLI(argv, [plan.cwd]).then(
  ({ results }) => { process.exit(results.success ? 0 : 1) },
  error => { console.error((error && error.stack) || String(error)); process.exit(2) }
)
`

/**
 * A config of the jest runs the test script makes through other scripts, as one run of their
 * projects (see jestProjectsOf), written beside the plan; undefined when there are none.
 */
function projectsConfig(context: PlanContext): string | undefined {
  const projects = jestProjectsOf(
    context.packageDir,
    jestRunConfigs(readPackageJson(context.packageDir)?.scripts)
  )
  if (!projects) return undefined
  if (projects.length === 1 && projects[0] !== context.packageDir) return projects[0]
  const file = join(context.tempDir, 'jest-projects.config.cjs')
  writeFileSync(file, `module.exports = ${JSON.stringify({ rootDir: context.packageDir, projects })}\n`)
  return file
}

const SOURCE_EXTENSIONS = '{js,jsx,ts,tsx,mjs,cjs,mts,cts}'

/**
 * Globs of the folders that hold the package's tracked JavaScript/TypeScript files (never
 * node_modules): one pattern, since jest compiles its patterns for every file it loads. Folders
 * whose names a glob would read as syntax are left to jest's own choice.
 */
export function sourceGlobs(packageDir: string): string[] {
  const listed = spawnSync('git', ['ls-files', '-z', '--', '.'], {
    cwd: packageDir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  if (listed.status !== 0) return []
  const folders = new Set<string>()
  let root = false
  for (const file of listed.stdout.split('\0')) {
    if (!/\.[cm]?[jt]sx?$/.test(file) || file.endsWith('.d.ts') || file.split('/').includes('node_modules'))
      continue
    const slash = file.lastIndexOf('/')
    if (slash < 0) root = true
    else if (!/[\\*?[\]{}()!,@+]/.test(file.slice(0, slash))) folders.add(file.slice(0, slash))
  }
  const base = packageDir.split('\\').join('/')
  if (/[*?[\]{}()!,@+]/.test(base)) return []
  const globs = root ? [`${base}/*.${SOURCE_EXTENSIONS}`] : []
  if (folders.size === 1) globs.push(`${base}/${[...folders][0]}/*.${SOURCE_EXTENSIONS}`)
  else if (folders.size > 1) globs.push(`${base}/{${[...folders].sort().join(',')}}/*.${SOURCE_EXTENSIONS}`)
  return globs
}

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
        config: jestConfigOf(context.packageDir) ?? projectsConfig(context),
        coverage: context.recordCoverage === true,
        sources: context.recordCoverage ? sourceGlobs(context.packageDir) : [],
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
