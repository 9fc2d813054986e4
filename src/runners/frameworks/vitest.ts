import { writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { vitestConfigArgument, vitestTypecheckArguments } from '../../select/project.js'
import { readPackageJson } from '../detect.js'
import { binOf, requirePackage } from './node-resolve.js'
import type { Adapter, PlanContext, PlannedRun } from './types.js'

/**
 * Runs vitest through `startVitest` (its programmatic entry point) with a reporter object that
 * writes every module's results as it ends. A suite reading `process.argv` sees `vitest run <files>`.
 */
const DRIVER = String.raw`import { appendFileSync, readFileSync } from 'node:fs'
const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'))
process.argv = [process.argv[0], plan.bin, 'run', ...plan.shownArgs]
const emit = event => appendFileSync(plan.out, JSON.stringify(event) + '\n')
const STATUS = { passed: 'passed', failed: 'failed', skipped: 'skipped', pending: 'skipped' }
const nameOf = test => {
  const names = []
  for (let node = test; node && node.type !== 'module'; node = node.parent) names.unshift(node.name)
  return names.join(' \u203a ')
}
const textOf = error => (error && (error.stack || error.message)) || String(error)
const reporter = {
  onTestModuleStart(module) { emit({ t: 'start', file: module.moduleId }) },
  onTestModuleEnd(module) {
    for (const test of module.children.allTests()) {
      const result = test.result() || { state: 'pending', errors: [] }
      const diagnostic = test.diagnostic ? test.diagnostic() : undefined
      const errors = result.errors || []
      emit({ t: 'case', file: module.moduleId, name: nameOf(test), status: STATUS[result.state] || 'failed',
        durationMs: diagnostic ? diagnostic.duration : 0,
        message: errors.length ? errors.map(e => e.message).join('\n') : undefined,
        stack: errors.length ? errors.map(textOf).join('\n') : undefined,
        line: test.location ? test.location.line : undefined, column: test.location ? test.location.column : undefined })
    }
    const errors = module.errors ? module.errors() : []
    const diagnostic = module.diagnostic ? module.diagnostic() : undefined
    emit({ t: 'file', file: module.moduleId, durationMs: diagnostic ? diagnostic.duration : 0,
      error: errors.length ? { message: errors.map(e => e.message).join('\n'), stack: errors.map(textOf).join('\n') } : undefined })
  },
  onTestRunEnd() { emit({ t: 'end' }) }
}
const { startVitest } = await import(plan.vitestNode)
let code = 1
try {
  // For a coverage map: CI Medic's provider (see COVERAGE_PROVIDER in vitest.ts), no report, no thresholds.
  const coverage = plan.coverageProvider ? { coverage: { enabled: true, provider: 'custom', customProviderModule: plan.coverageProvider } } : {}
  // The config the test script names (\`vitest --config vitest.unit.config.ts\`), else vitest's own default.
  const config = plan.config ? { config: plan.config } : {}
  // \`vitest --typecheck\` in the test script: its type tests are type-checked too.
  const typecheck = plan.typecheck ? { typecheck: plan.typecheck } : {}
  const vitest = await startVitest('test', plan.files, { run: true, watch: false, reporters: ['default', reporter], includeTaskLocation: true, passWithNoTests: false, ...config, ...typecheck, ...coverage })
  code = process.exitCode ?? (vitest ? 0 : 1)
  if (vitest) await vitest.close()
} catch (error) {
  console.error((error && error.stack) || String(error))
  code = 2
}
process.exit(code)
`

/**
 * A vitest coverage provider (`coverage.provider: 'custom'`) for the coverage map: in each test
 * worker it counts what every test file ran with V8's profiler (as @vitest/coverage-v8 does), and
 * in vitest's own process it turns each file's counts into a coverage event: the modules the file
 * loaded and where the functions it ran start, in vite's output with vite's source map, which the
 * runner maps back. Vitest imports this module through its module runner, afresh for each test
 * file, so the profiler's session lives on a global. Without isolation (`isolate: false`) a module
 * loaded by an earlier file is not loaded again, so what a file loaded cannot be told: no events.
 */
const COVERAGE_PROVIDER = String.raw`import { appendFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import inspector from 'node:inspector/promises'

const OUT = process.env.CI_MEDIC_VITEST_EVENTS
const OWN = fileURLToPath(import.meta.url)
const SESSION = Symbol.for('ci-medic.vitest-coverage')
const ownScript = url => url.startsWith('file://') && !url.includes('/node_modules/') && fileURLToPath(url) !== OWN

export default {
  async startCoverage({ isolate }) {
    if (isolate === false || globalThis[SESSION]) return
    const session = new inspector.Session()
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false })
    globalThis[SESSION] = session
  },
  // V8 resets the counts as it hands them over: each test file gets its own.
  async takeCoverage(options) {
    const session = globalThis[SESSION]
    if (!session) return undefined
    const { result } = await session.post('Profiler.takePreciseCoverage')
    const scripts = []
    for (const script of result) {
      // A module loaded by this file: its top level ran (earlier files' copies have counts of 0).
      if (!ownScript(script.url) || !(script.functions[0]?.ranges[0]?.count > 0)) continue
      const path = fileURLToPath(script.url)
      const startOffset = options?.moduleExecutionInfo?.get(path)?.startOffset
      // What ran of vite's output (after the wrapper vitest puts around it), or loading only.
      const ran = startOffset === undefined ? undefined : script.functions.flatMap(fn => {
        const range = fn.ranges[0]
        return range && range.count > 0 && range.startOffset >= startOffset ? [range.startOffset - startOffset] : []
      })
      scripts.push({ path, ran })
    }
    return { scripts }
  },
  async stopCoverage() {
    const session = globalThis[SESSION]
    if (!session) return
    globalThis[SESSION] = undefined
    await session.post('Profiler.stopPreciseCoverage')
    await session.post('Profiler.disable')
    session.disconnect()
  },
  getProvider() {
    return new MapProvider()
  }
}

class MapProvider {
  name = 'ci-medic'
  done = Promise.resolve()
  mapped = new Set()
  initialize(ctx) { this.ctx = ctx }
  resolveOptions() { return this.ctx.config.coverage }
  clean() {}
  // Called with each test file's counts, and not awaited: generateCoverage waits for the events.
  // They are written one at a time, in order, so that a module's source map comes with the first
  // event that names it (the runner reads the events in the order they were written).
  onAfterSuiteRun({ coverage, testFiles, environment, transformMode, projectName }) {
    if (!coverage || testFiles.length !== 1) return
    this.done = this.done
      .then(() => this.emit(coverage.scripts, testFiles[0], environment || transformMode, projectName))
      .catch(error => {
        console.error('ci-medic: coverage of ' + testFiles[0] + ' not recorded: ' + ((error && error.stack) || error))
      })
  }
  async emit(scripts, testFile, environment, projectName) {
    const project = this.ctx.getProjectByName(projectName || '')
    const sources = {}
    for (const { path, ran } of scripts) {
      const transformed = ran && await transformedBy(project, environment, path).catch(() => null)
      const map = transformed && transformed.map
      if (!map || typeof map.mappings !== 'string' || typeof transformed.code !== 'string') {
        sources[path] = { fns: [], exact: false }
        continue
      }
      sources[path] = { fns: starts(ran, transformed.code, map.mappings), exact: false }
      if (!this.mapped.has(path)) {
        this.mapped.add(path)
        sources[path].map = { sources: map.sources, sourceRoot: map.sourceRoot, mappings: map.mappings }
      }
    }
    appendFileSync(OUT, JSON.stringify({ t: 'coverage', file: resolve(project.config.root, testFile), sources }) + '\n')
  }
  async generateCoverage() {
    await this.done
    return {}
  }
  reportCoverage() {}
}

// The code vitest ran for a module, with its source map: from the vite environment the test file
// ran in (vitest 4), or from what vite-node fetched for it (vitest 3).
async function transformedBy(project, environment, path) {
  const environments = project.vite && project.vite.environments
  if (environments && environments[environment]) return environments[environment].transformRequest(path)
  const node = project.vitenode
  if (!node) return null
  const fetched = (node.fetchCaches && node.fetchCaches[environment]) || node.fetchCache
  const cached = fetched && fetched.get(path)
  return (cached && cached.result) || node.transformRequest(path, path, environment)
}

// Line (1-based), column pairs of offsets in vite's output, less those on lines the source map
// maps nowhere: code vite wrote (its export getters), which is not the file's.
function starts(offsets, code, mappings) {
  const lineStarts = [0]
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  const mappedLines = mappings.split(';').map(line => line !== '')
  const fns = []
  for (const offset of offsets) {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (lineStarts[middle] <= offset) low = middle
      else high = middle - 1
    }
    if (mappedLines[low]) fns.push(low + 1, offset - lineStarts[low])
  }
  return fns
}
`

export const vitestAdapter: Adapter = {
  framework: 'vitest',
  plan(context: PlanContext): PlannedRun {
    const vitestDir = requirePackage(
      'vitest',
      context.packageDir,
      'run npm ci (or npm install) before the tests'
    )
    const driver = join(context.tempDir, 'vitest-driver.mjs')
    const planFile = join(context.tempDir, 'vitest-plan.json')
    const out = join(context.tempDir, 'vitest-events.jsonl')
    const files = context.all ? [] : context.files
    const shown = files.map(file => relative(context.packageDir, file))
    const scripts = readPackageJson(context.packageDir)?.scripts
    const named = vitestConfigArgument(scripts)
    const typecheck = vitestTypecheckArguments(scripts)
    writeFileSync(driver, DRIVER)
    writeFileSync(out, '')
    const coverageProvider = context.recordCoverage ? join(context.tempDir, 'vitest-coverage.mjs') : undefined
    if (coverageProvider) writeFileSync(coverageProvider, COVERAGE_PROVIDER)
    writeFileSync(
      planFile,
      JSON.stringify({
        bin: binOf(vitestDir, 'vitest') ?? join(vitestDir, 'vitest.mjs'),
        vitestNode: pathToFileURL(join(vitestDir, 'dist/node.js')).href,
        out,
        files,
        shownArgs: shown,
        coverageProvider,
        config: named === undefined ? undefined : resolve(context.packageDir, named),
        typecheck
      })
    )
    return {
      framework: 'vitest',
      command: process.execPath,
      args: [...context.nodeFlags, driver, planFile],
      env: coverageProvider ? { ...context.env, CI_MEDIC_VITEST_EVENTS: out } : context.env,
      eventsFile: out,
      reportsStarts: true,
      display: [
        'vitest',
        'run',
        ...(named === undefined ? [] : ['--config', named]),
        ...(typecheck ? [typecheck.only ? '--typecheck.only' : '--typecheck'] : []),
        ...shown
      ].join(' ')
    }
  }
}
