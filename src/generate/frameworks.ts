import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, extname, join, posix, relative, resolve, sep } from 'node:path'
import type { Exec } from './python.js'
import { JS_GLOBAL, PY_VARIABLE, wrapperPath } from './schemata.js'
import { pythonCommand, pythonHelpers } from './python.js'
import type { FileRun, GenFramework, LineMap, RunOutcome, RunRequest, TestRunnerPort } from './types.js'

const JS_TEST = /(\.(test|spec)\.[cm]?[jt]sx?$)|((^|\/)__tests__\/.*\.[cm]?[jt]sx?$)/
const PY_TEST = /(^|\/)(test_[^/]*|[^/]*_test)\.py$/
const JS_SOURCE = /\.[cm]?[jt]sx?$/

export function isTestFile(path: string): boolean {
  return JS_TEST.test(path) || PY_TEST.test(path)
}

export function isSourceFile(path: string): boolean {
  if (isTestFile(path) || /(^|\/)(node_modules|dist|build|coverage|__fixtures__|fixtures)\//.test(path))
    return false
  if (/\.d\.[cm]?ts$/.test(path) || /(^|\/)(jest|vitest|vite|babel|eslint|prettier)\.config\./.test(path))
    return false
  if (/(^|\/)conftest\.py$|(^|\/)setup\.py$/.test(path)) return false
  return JS_SOURCE.test(path) || path.endsWith('.py')
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
}

/** The framework that runs tests for `sourceFile`, from the repository's manifest and config files. */
export function detectFramework(repoDir: string, sourceFile: string): GenFramework | undefined {
  if (sourceFile.endsWith('.py')) return 'pytest'
  const pkg = readJson(join(repoDir, 'package.json'))
  const deps = { ...(pkg?.dependencies as object), ...(pkg?.devDependencies as object) } as Record<
    string,
    string
  >
  const script = String((pkg?.scripts as Record<string, string> | undefined)?.test ?? '')
  const has = (stem: string): boolean =>
    ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'].some(ext => existsSync(join(repoDir, `${stem}.${ext}`)))
  if (/\bvitest\b/.test(script) || has('vitest.config') || (deps.vitest && !/\bjest\b/.test(script)))
    return 'vitest'
  if (/\bjest\b/.test(script) || has('jest.config') || pkg?.jest || deps.jest || deps['ts-jest'])
    return 'jest'
  return undefined
}

/**
 * Where a candidate for `sourceFile` goes. Convention (docs/generate.md): beside the nearest existing
 * test, `<stem>.generated.test.<ext>` (`.spec.` when the example uses it) for JavaScript and
 * TypeScript, `test_<stem>_generated.py` for pytest; `-2`, `-3`… (`_2`…) when the name is taken.
 */
export function generatedTestPath(
  framework: GenFramework,
  sourceFile: string,
  exampleTest: string | undefined,
  taken: (path: string) => boolean
): string {
  const dir = posix.dirname(exampleTest ?? sourceFile)
  const stem = basename(sourceFile).replace(/\.[^.]+$/, '')
  const join2 = (name: string): string => (dir === '.' ? name : `${dir}/${name}`)
  for (let n = 1; n < 100; n++) {
    let name: string
    if (framework === 'pytest') {
      name = `test_${stem}_generated${n > 1 ? `_${n}` : ''}.py`
    } else {
      const kind = exampleTest && /\.spec\./.test(exampleTest) ? 'spec' : 'test'
      const ext = (exampleTest ? extname(exampleTest) : extname(sourceFile)) || '.js'
      name = `${stem}.generated${n > 1 ? `-${n}` : ''}.${kind}${ext}`
    }
    const path = join2(name)
    if (!taken(path)) return path
  }
  throw new Error(`no free test file name for ${sourceFile}`)
}

/** Finds `node_modules/<pkg>/<file>` from `dir` upwards. */
export function findPackageFile(dir: string, pkg: string, file: string): string | undefined {
  let current = resolve(dir)
  for (;;) {
    const candidate = join(current, 'node_modules', pkg, file)
    if (existsSync(candidate)) return candidate
    const parent = dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

function toRelative(repoDir: string, path: string): string {
  let absolute = path
  try {
    absolute = realpathSync(path)
  } catch {
    // a file that is gone keeps its given path
  }
  return relative(repoDir, absolute).split(sep).join('/')
}

interface IstanbulFile {
  path?: string
  statementMap: Record<string, { start: { line: number }; end: { line: number } }>
  s: Record<string, number>
}

/** Executed and executable lines from istanbul JSON (jest, vitest with v8, c8), relative to the repo. */
export function istanbulLines(
  repoDir: string,
  data: Record<string, IstanbulFile | { data: IstanbulFile }>
): { covered: LineMap; executable: LineMap } {
  const covered: LineMap = new Map()
  const executable: LineMap = new Map()
  for (const [key, value] of Object.entries(data)) {
    const file = 'data' in value ? value.data : value
    const rel = toRelative(repoDir, file.path ?? key)
    const hit = new Set<number>()
    const all = new Set<number>()
    for (const [id, location] of Object.entries(file.statementMap)) {
      all.add(location.start.line)
      if ((file.s[id] ?? 0) > 0) hit.add(location.start.line)
    }
    covered.set(rel, hit)
    executable.set(rel, all)
  }
  return { covered, executable }
}

function mergeLines(into: LineMap, from: LineMap): void {
  for (const [file, lines] of from) {
    const target = into.get(file) ?? new Set<number>()
    for (const line of lines) target.add(line)
    into.set(file, target)
  }
}

const JEST_REPORTER = `
const fs = require('node:fs')
const path = require('node:path')
function load(name) {
  const paths = [process.cwd()]
  try {
    paths.push(path.dirname(require.resolve('@jest/reporters', { paths: [process.cwd()] })))
  } catch {}
  return require(require.resolve(name, { paths }))
}
class CiMedicGenerateReporter {
  constructor() {
    this.entries = []
  }
  onTestResult(_test, result) {
    const failed = result.numFailingTests
    const errored = Boolean(result.testExecError) || (failed === 0 && Boolean(result.failureMessage))
    this.entries.push({
      file: result.testFilePath,
      status: errored ? 'errored' : failed > 0 ? 'failed' : 'passed',
      tests: result.numPassingTests + failed,
      message: (result.failureMessage || (result.testExecError && result.testExecError.message) || '').slice(-4000),
      // A copy: jest's coverage reporter merges later files into the objects it received first.
      coverage: result.coverage ? JSON.parse(JSON.stringify(result.coverage)) : null
    })
  }
  async onRunComplete() {
    let lines = ''
    for (const entry of this.entries) {
      if (entry.coverage) {
        // Instrumented code is transformed code: map it back to the source lines as jest's own reporter does.
        const map = load('istanbul-lib-coverage').createCoverageMap(entry.coverage)
        const store = load('istanbul-lib-source-maps').createSourceMapStore()
        entry.coverage = (await store.transformCoverage(map)).toJSON()
      }
      lines += JSON.stringify(entry) + '\\n'
    }
    fs.writeFileSync(process.env.CI_MEDIC_JEST_OUT, lines)
  }
}
module.exports = CiMedicGenerateReporter
`

const NODE_ENV = { CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' }

function tail(text: string, max = 4000): string {
  return text.length > max ? text.slice(text.length - max) : text
}

function missingAsErrored(
  files: readonly string[],
  seen: Map<string, FileRun>,
  output: string,
  timedOut: boolean
): void {
  for (const file of files) {
    if (!seen.has(file)) {
      seen.set(file, {
        file,
        status: 'errored',
        tests: 0,
        message: timedOut
          ? 'the test run timed out'
          : `no result for this file; output: ${tail(output, 1500)}`
      })
    }
  }
}

export interface RunnerOptions {
  repoDir: string
  /** A private folder for reports (outside the repository). */
  scratchDir: string
  exec: Exec
  env?: NodeJS.ProcessEnv
  defaultTimeoutMs?: number
}

abstract class BaseRunner implements TestRunnerPort {
  abstract readonly framework: GenFramework
  abstract readonly isolatesFiles: boolean
  abstract readonly batchesCoverage: boolean
  protected readonly repoDir: string
  constructor(protected readonly options: RunnerOptions) {
    this.repoDir = realpathSync(options.repoDir)
    mkdirSync(options.scratchDir, { recursive: true })
  }
  protected scratch(): string {
    return mkdtempSync(join(this.options.scratchDir, `${this.framework}-`))
  }
  protected env(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    return { ...(this.options.env ?? process.env), ...NODE_ENV, ...extra }
  }
  protected timeout(request: RunRequest): number {
    return request.timeoutMs ?? this.options.defaultTimeoutMs ?? 120_000
  }
  abstract run(request: RunRequest): Promise<RunOutcome>

  /** The wrapper file that runs `testFile` with `mutant` switched on, or undefined when not possible. */
  protected wrapperContent(_testFile: string, _mutant: string): string | undefined {
    return undefined
  }

  /** Mutant schemata in one process: a wrapper test file per (mutant, test file) sets the switch, then loads the test. */
  async runMutants(
    plan: ReadonlyArray<{ mutant: string; files: string[] }>,
    timeoutMs: number
  ): Promise<Map<string, Map<string, FileRun>> | undefined> {
    const wrappers = new Map<string, { mutant: string; file: string }>()
    try {
      for (const { mutant, files } of plan) {
        for (const file of files) {
          const content = this.wrapperContent(file, mutant)
          if (content === undefined) return undefined
          const path = wrapperPath(file, mutant)
          writeFileSync(join(this.repoDir, path), content)
          wrappers.set(path, { mutant, file })
        }
      }
      const outcome = await this.run({ files: [...wrappers.keys()], timeoutMs })
      if (outcome.timedOut) return undefined
      const results = new Map<string, Map<string, FileRun>>()
      for (const [path, { mutant, file }] of wrappers) {
        const run = outcome.files.get(path)
        const perMutant = results.get(mutant) ?? new Map<string, FileRun>()
        perMutant.set(file, run ? { ...run, file } : { file, status: 'errored', tests: 0 })
        results.set(mutant, perMutant)
      }
      return results
    } finally {
      for (const path of wrappers.keys()) rmSync(join(this.repoDir, path), { force: true })
    }
  }
}

function isEsmTest(repoDir: string, testFile: string): boolean {
  if (/\.m[jt]s$/.test(testFile)) return true
  if (/\.c[jt]s$/.test(testFile)) return false
  const pkg = readJson(join(repoDir, 'package.json'))
  return pkg?.type === 'module'
}

const SET_SWITCH = (mutant: string): string =>
  `Reflect.set(globalThis, ${JSON.stringify(JS_GLOBAL)}, ${JSON.stringify(mutant)})\n`

export class JestRunner extends BaseRunner {
  readonly framework = 'jest' as const
  readonly isolatesFiles = true
  readonly batchesCoverage = true

  protected override wrapperContent(testFile: string, mutant: string): string | undefined {
    // ESM test files run under jest's experimental VM modules; mutants then run one process each.
    if (!/\.[cm]?tsx?$/.test(testFile) && isEsmTest(this.repoDir, testFile)) return undefined
    const name = `./${basename(testFile)}`
    return `${SET_SWITCH(mutant)}require(${JSON.stringify(/\.[cm]?tsx?$/.test(testFile) ? name.replace(/\.[cm]?tsx?$/, '') : name)})\n`
  }

  async run(request: RunRequest): Promise<RunOutcome> {
    const bin = findPackageFile(this.repoDir, 'jest', 'bin/jest.js')
    if (!bin) throw new Error('jest is not installed in this repository (node_modules/jest not found)')
    const dir = this.scratch()
    try {
      const out = join(dir, 'results.ndjson')
      const reporter = join(dir, 'reporter.cjs')
      writeFileSync(reporter, JEST_REPORTER)
      writeFileSync(out, '')
      const args = [bin, '--ci', '--watchman=false', `--reporters=${reporter}`, '--runTestsByPath']
      if (request.coverageOf?.length) {
        args.push('--coverage', '--coverageReporters=json', `--coverageDirectory=${join(dir, 'coverage')}`)
        for (const file of request.coverageOf) args.push(`--collectCoverageFrom=${file}`)
      } else {
        args.push('--coverage=false')
      }
      args.push(...request.files.map(f => join(this.repoDir, f)))
      const result = await this.options.exec('node', args, {
        cwd: this.repoDir,
        env: this.env({ CI_MEDIC_JEST_OUT: out }),
        timeoutMs: this.timeout(request)
      })
      const files = new Map<string, FileRun>()
      const coverageByTest = new Map<string, LineMap>()
      const executable: LineMap = new Map()
      for (const line of readFileSync(out, 'utf8').split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as FileRun & { coverage: Record<string, IstanbulFile> | null }
        const file = toRelative(this.repoDir, entry.file)
        files.set(file, {
          file,
          status: entry.status,
          tests: entry.tests,
          message: entry.message || undefined
        })
        if (request.coverageOf?.length) {
          const lines = entry.coverage ? istanbulLines(this.repoDir, entry.coverage) : undefined
          coverageByTest.set(file, lines?.covered ?? new Map())
          if (lines) mergeLines(executable, lines.executable)
        }
      }
      const output = tail(result.stderr + result.stdout)
      missingAsErrored(request.files, files, output, result.timedOut)
      return {
        files,
        coverageByTest: request.coverageOf?.length ? coverageByTest : undefined,
        executable: request.coverageOf?.length ? executable : undefined,
        timedOut: result.timedOut,
        durationMs: result.durationMs,
        output
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

interface VitestJson {
  testResults?: Array<{
    name: string
    status: string
    message?: string
    assertionResults?: Array<{ status: string; failureMessages?: string[] }>
  }>
}

export class VitestRunner extends BaseRunner {
  readonly framework = 'vitest' as const
  readonly isolatesFiles = true
  readonly batchesCoverage = false

  protected override wrapperContent(testFile: string, mutant: string): string | undefined {
    return `${SET_SWITCH(mutant)}await import(${JSON.stringify(`./${basename(testFile)}`)})\n`
  }

  async run(request: RunRequest): Promise<RunOutcome> {
    // Vitest merges coverage across the files of one run, so per-file coverage takes one run per file.
    if (request.coverageOf?.length && request.files.length > 1) {
      const merged: RunOutcome = {
        files: new Map(),
        coverageByTest: new Map(),
        executable: new Map(),
        timedOut: false,
        durationMs: 0,
        output: ''
      }
      for (const file of request.files) {
        const one = await this.runOnce({ ...request, files: [file] })
        for (const [k, v] of one.files) merged.files.set(k, v)
        for (const [k, v] of one.coverageByTest ?? []) merged.coverageByTest?.set(k, v)
        mergeLines(merged.executable as LineMap, one.executable ?? new Map())
        merged.timedOut ||= one.timedOut
        merged.durationMs += one.durationMs
        merged.output = one.output
      }
      return merged
    }
    return this.runOnce(request)
  }

  private async runOnce(request: RunRequest): Promise<RunOutcome> {
    const bin = findPackageFile(this.repoDir, 'vitest', 'vitest.mjs')
    if (!bin) throw new Error('vitest is not installed in this repository (node_modules/vitest not found)')
    const dir = this.scratch()
    try {
      const out = join(dir, 'results.json')
      const coverageDir = join(dir, 'coverage')
      const args = [bin, 'run', '--reporter=json', `--outputFile=${out}`, '--passWithNoTests']
      if (request.coverageOf?.length) {
        args.push(
          '--coverage.enabled=true',
          '--coverage.provider=v8',
          '--coverage.reporter=json',
          `--coverage.reportsDirectory=${coverageDir}`
        )
        for (const file of request.coverageOf) args.push(`--coverage.include=${file}`)
      }
      args.push(...request.files)
      const result = await this.options.exec('node', args, {
        cwd: this.repoDir,
        env: this.env({}),
        timeoutMs: this.timeout(request)
      })
      const files = new Map<string, FileRun>()
      const wanted = new Set(request.files)
      if (existsSync(out)) {
        const report = JSON.parse(readFileSync(out, 'utf8')) as VitestJson
        for (const suite of report.testResults ?? []) {
          const file = toRelative(this.repoDir, suite.name)
          if (!wanted.has(file)) continue
          const cases = suite.assertionResults ?? []
          const failed = cases.filter(c => c.status === 'failed')
          const ran = cases.filter(c => c.status === 'passed' || c.status === 'failed').length
          const status =
            failed.length > 0 ? 'failed' : suite.status === 'failed' || ran === 0 ? 'errored' : 'passed'
          const message =
            failed.flatMap(c => c.failureMessages ?? []).join('\n') || suite.message || undefined
          files.set(file, { file, status, tests: ran, message: message ? tail(message) : undefined })
        }
      }
      let coverageByTest: Map<string, LineMap> | undefined
      let executable: LineMap | undefined
      if (request.coverageOf?.length) {
        const json = join(coverageDir, 'coverage-final.json')
        const lines = existsSync(json)
          ? istanbulLines(this.repoDir, JSON.parse(readFileSync(json, 'utf8')))
          : { covered: new Map(), executable: new Map() }
        coverageByTest = new Map(request.files.map(f => [f, lines.covered]))
        executable = lines.executable
      }
      const output = tail(result.stderr + result.stdout)
      missingAsErrored(request.files, files, output, result.timedOut)
      return {
        files,
        coverageByTest,
        executable,
        timedOut: result.timedOut,
        durationMs: result.durationMs,
        output
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

interface PytestFileEntry {
  tests: number
  failed: number
  errored: number
  message: string
}

interface PytestPluginOutput {
  files: Record<string, PytestFileEntry>
  coverage: Record<string, Record<string, number[]>>
  executable: Record<string, number[]>
  plan: Record<
    string,
    {
      timedOut: boolean
      files?: Record<string, PytestFileEntry>
      coverage?: Record<string, Record<string, number[]>>
    }
  > | null
}

export class PytestRunner extends BaseRunner {
  readonly framework = 'pytest' as const
  readonly isolatesFiles = false
  readonly batchesCoverage = true

  async run(request: RunRequest): Promise<RunOutcome> {
    const { report, result } = await this.invoke(
      request.files,
      request.coverageOf,
      undefined,
      this.timeout(request)
    )
    return this.outcome(
      request.files,
      request.coverageOf,
      report?.files,
      report?.coverage,
      report?.executable,
      result
    )
  }

  /**
   * Several runs in one pytest process: tests are collected once, then each run executes in a forked
   * child, so runs are isolated from each other (module state included) without a process start each.
   * Falls back to one process per run where fork is not available.
   */
  async runMany(
    runs: ReadonlyArray<{ label: string; files: string[]; env?: Record<string, string> }>,
    options: { coverageOf?: string[]; timeoutMs?: number } = {}
  ): Promise<Map<string, RunOutcome>> {
    const outcomes = new Map<string, RunOutcome>()
    if (runs.length === 0) return outcomes
    if (process.platform === 'win32') {
      for (const run of runs)
        outcomes.set(
          run.label,
          await this.run({ files: run.files, coverageOf: options.coverageOf, timeoutMs: options.timeoutMs })
        )
      return outcomes
    }
    const perRun = options.timeoutMs ?? this.options.defaultTimeoutMs ?? 120_000
    const files = [...new Set(runs.flatMap(r => r.files))]
    const plan = { timeout: perRun / 1000, runs }
    const { report, result } = await this.invoke(
      files,
      options.coverageOf,
      plan,
      Math.min(perRun * (runs.length + 1), 60 * 60_000)
    )
    for (const run of runs) {
      const entry = report?.plan?.[run.label]
      const outcome = this.outcome(
        run.files,
        options.coverageOf,
        entry?.files,
        entry?.coverage,
        report?.executable,
        {
          ...result,
          timedOut: result.timedOut || Boolean(entry?.timedOut)
        }
      )
      outcome.durationMs = Math.round(result.durationMs / runs.length)
      outcomes.set(run.label, outcome)
    }
    return outcomes
  }

  override async runMutants(
    plan: ReadonlyArray<{ mutant: string; files: string[] }>,
    timeoutMs: number
  ): Promise<Map<string, Map<string, FileRun>> | undefined> {
    if (process.platform === 'win32') return undefined
    const outcomes = await this.runMany(
      plan.map(p => ({ label: p.mutant, files: p.files, env: { [PY_VARIABLE]: p.mutant } })),
      { timeoutMs }
    )
    const results = new Map<string, Map<string, FileRun>>()
    for (const { mutant, files } of plan) {
      const outcome = outcomes.get(mutant)
      if (!outcome || outcome.timedOut) {
        // A hanging mutant cannot be attributed: every file counts as failing (the mutant is dropped).
        results.set(
          mutant,
          new Map(
            files.map(file => [file, { file, status: 'errored', tests: 0, message: 'timed out' } as FileRun])
          )
        )
        continue
      }
      results.set(mutant, outcome.files)
    }
    return results
  }

  private async invoke(
    files: readonly string[],
    coverageOf: readonly string[] | undefined,
    plan: unknown,
    timeoutMs: number
  ): Promise<{
    report?: PytestPluginOutput
    result: { stdout: string; stderr: string; timedOut: boolean; durationMs: number }
  }> {
    const helpers = pythonHelpers(this.options.scratchDir)
    const dir = this.scratch()
    try {
      const out = join(dir, 'results.json')
      const baseEnv = this.options.env ?? process.env
      const env = this.env({
        PYTHONPATH: [helpers.folder, baseEnv.PYTHONPATH].filter(Boolean).join(':'),
        PYTHONDONTWRITEBYTECODE: '1',
        CI_MEDIC_ROOT: this.repoDir,
        CI_MEDIC_PYTEST_OUT: out,
        CI_MEDIC_COVER: JSON.stringify((coverageOf ?? []).map(f => join(this.repoDir, f))),
        CI_MEDIC_PLAN: plan ? JSON.stringify(plan) : ''
      })
      const args = [
        '-m',
        'pytest',
        '-q',
        '-p',
        helpers.pluginName,
        '-p',
        'no:cacheprovider',
        '--continue-on-collection-errors',
        '--rootdir',
        this.repoDir
      ]
      args.push(...files)
      const result = await this.options.exec(pythonCommand(baseEnv), args, {
        cwd: this.repoDir,
        env,
        timeoutMs
      })
      const report = existsSync(out)
        ? (JSON.parse(readFileSync(out, 'utf8')) as PytestPluginOutput)
        : undefined
      return { report, result }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  private outcome(
    files: readonly string[],
    coverageOf: readonly string[] | undefined,
    entries: Record<string, PytestFileEntry> | undefined,
    coverage: Record<string, Record<string, number[]>> | undefined,
    executableLines: Record<string, number[]> | undefined,
    result: { stdout: string; stderr: string; timedOut: boolean; durationMs: number }
  ): RunOutcome {
    const runs = new Map<string, FileRun>()
    const wanted = new Set(files)
    for (const [file, entry] of Object.entries(entries ?? {})) {
      if (!wanted.has(file)) continue
      const status =
        entry.errored > 0 ? 'errored' : entry.failed > 0 ? 'failed' : entry.tests > 0 ? 'passed' : 'errored'
      runs.set(file, {
        file,
        status,
        tests: entry.tests,
        message: entry.message ? tail(entry.message) : entry.tests === 0 ? 'no tests ran' : undefined
      })
    }
    let coverageByTest: Map<string, LineMap> | undefined
    let executable: LineMap | undefined
    if (coverageOf?.length) {
      coverageByTest = new Map()
      for (const file of files) {
        const perSource = coverage?.[file] ?? {}
        coverageByTest.set(
          file,
          new Map(Object.entries(perSource).map(([src, lines]) => [src, new Set(lines)]))
        )
      }
      executable = new Map(Object.entries(executableLines ?? {}).map(([src, lines]) => [src, new Set(lines)]))
    }
    const output = tail(result.stdout + result.stderr)
    missingAsErrored(files, runs, output, result.timedOut)
    return {
      files: runs,
      coverageByTest,
      executable,
      timedOut: result.timedOut,
      durationMs: result.durationMs,
      output
    }
  }
}

export function createRunner(framework: GenFramework, options: RunnerOptions): TestRunnerPort {
  if (framework === 'jest') return new JestRunner(options)
  if (framework === 'vitest') return new VitestRunner(options)
  return new PytestRunner(options)
}
