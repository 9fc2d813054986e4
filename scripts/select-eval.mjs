#!/usr/bin/env node
// Selection evaluation: seeds mutations, runs the whole jest suite to learn which test files fail,
// and checks that the selection holds them all (zero misses); compares the selection's size with
// `jest --listTests --findRelatedTests` (precision) and checks that cosmetic edits select nothing.
//
//   node scripts/select-eval.mjs                       a generated TS project (default 150 modules)
//   node scripts/select-eval.mjs --modules 300 --tests 120 --seed 3
//   node scripts/select-eval.mjs --repo /path/to/clone [--mutations 10] [--jest "npx jest"] [--related-only]
//        [--whole-roots] [--cosmetic 3] [--seed 1] [--json-out FILE] [--keep] [--coverage] [--arrows]
//        [--sources REGEX]
//   node scripts/select-eval.mjs --repo /path/to/python/clone --pytest [--mutations 15]
//   node scripts/select-eval.mjs --repo /path/to/clone --vitest [--mutations 15] [--test-timeout MS]
//        [--run-timeout S]
//   node scripts/select-eval.mjs --repo /path/to/clone --node-test [--mutations 15] [--file-timeout S]
//   node scripts/select-eval.mjs --repo /path/to/go/module --go [--mutations 15]
//   node scripts/select-eval.mjs --repo /path/to/clone --mocha 'test/*.js' [--mocha-args '--require x']
//
// With --coverage the whole suite first runs once more through CI Medic's runner with
// record-coverage, at the base commit, and selection uses that coverage map (the selection
// without it is printed beside it).
//
// With --repo the clone is copied to a temp folder first (the original is never touched); its
// dependencies must already be installed. Mutations there insert `throw new Error(...)` at the top
// of exported functions and methods found by the scanner, in the tracked files whose repo-relative
// path matches --sources (default `^(src|lib)/.*\.[cm]?[jt]sx?$`, e.g.
// `--sources '^(transforms|bin)/.*\.[cm]?[jt]sx?$'` for jscodeshift transforms) and that are not
// tests, test fixtures (`__fixtures__`, `__testfixtures__`), mocks or declaration files. Besides ES
// exports and class methods the scanner knows CommonJS exports (`module.exports = function name(…) {`,
// `module.exports = async (file, api) => {`) and function signatures split over lines, whose body
// opens after a top-level `) {`. With --commonjs, also top-level function declarations and
// functions stored on an object (`res.send = function send(body) {`). With --arrows, exported
// arrow functions whose body is an expression (`export const is = x => x != null`) are mutated too, their body made
// `(() => { throw … })() || x != null` (off by default, so that earlier seeds pick the same sites).
//
// With --pytest the suite is a Python one: pytest (`python3 -m pytest`, with `src` on PYTHONPATH
// when the project has that folder) lists and runs it, the mutations put a `raise` at the top of
// functions and methods (after a docstring) of the Python files that --sources matches (default: any .py file outside
// tests and conftest.py), and the cosmetic edits add comments and blank lines. There is no jest to
// compare with, so the selection is measured against the whole suite.
//
// With --vitest the suite is the project's own vitest (`vitest run`, its JSON reporter gives the
// failing files); the mutations and cosmetic edits are the JavaScript ones. There is no
// `--findRelatedTests` to compare with, so the selection is measured against the whole suite.
//
// With --go the suite is a Go module's: one `go test -json ./...` (offline: GOPROXY=off, so the
// module's dependencies must be in the module cache already) gives the failing tests, and each is
// traced to the `_test.go` file declaring it (every test file of a package whose test binary
// panicked or failed to build). The mutations put a `panic` at the top of top-level functions and
// methods; the cosmetic edits add comments and blank lines. Measured against the whole suite.
//
// With --mocha 'test/*.js test/acceptance/*.js' [--mocha-args '--require test/support/env'] the
// suite is mocha's, each file of those globs run alone by the project's mocha, as with --node-test;
// with --mocha-whole, in one mocha run first (each file alone only when that run wrote no report).
//
// With --node-test the suite is node:test's: the files `node --test` finds by its default patterns
// (`**/*.test.?(c|m)js`, `**/test/**/*.?(c|m)js` and the like), each run alone with
// `node --test <file>`, two at a time; a file fails when its process exits non-zero or runs past
// --file-timeout (default 60 s: a mutant may leave a request that is never answered). Measured
// against the whole suite, as with vitest.
//
// Without --jest the project's own jest (else CI Medic's) runs in a small wrapper that hands it
// its flags directly, so they never reach process.argv: a test that parses process.argv (commander's
// `program.parse()`) sees no jest flags. A --jest command gets its flags on the command line.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative as relativePath, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import picomatch from 'picomatch'
import { register } from 'tsx/esm/api'
import { generateProject, mutations, rng } from './select-gen.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
register()
const { selectTests } = await import('../src/select/index.ts')
const { Git } = await import('../src/ports/git.ts')
const { streamLogger } = await import('../src/ports/log.ts')
const { runTests } = await import('../src/runners/index.ts')
const { readCoverageMap } = await import('../src/runners/coverage-map.ts')

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const flag = name => process.argv.includes(`--${name}`)

function git(dir, ...args) {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
}

/** A commit in the copy, without the project's own hooks (husky's lint does not judge a mutant). */
function commit(dir, message, ...flags) {
  git(
    dir,
    '-c',
    'user.email=eval@ci-medic',
    '-c',
    'user.name=eval',
    'commit',
    '--no-verify',
    '-q',
    ...flags,
    '-m',
    message
  )
}

/**
 * Runs jest as its bin does (the project's own jest, else CI Medic's) but hands `run` its flags from
 * CI_MEDIC_JEST_ARGS, not the command line: a test that reads process.argv (a CLI's bare
 * `program.parse()`) would fail on them, and when jest runs in band (one worker on a 2-core
 * machine) its exit would take the whole run down. A file, not `node -e`: jest's workers inherit
 * execArgv. main() writes it to the temp folder.
 */
const JEST_WRAPPER = `const { createRequire } = require('node:module')
const { join } = require('node:path')
const args = JSON.parse(process.env.CI_MEDIC_JEST_ARGS)
delete process.env.CI_MEDIC_JEST_ARGS
if (process.env.NODE_ENV == null) process.env.NODE_ENV = 'test'
let jest = ${JSON.stringify(join(ROOT, 'node_modules/jest'))}
// The project's jest, or its jest-cli when it depends on that alone (Recoil): both export run.
for (const name of ['jest', 'jest-cli'])
  try {
    jest = createRequire(join(process.cwd(), 'package.json')).resolve(name)
    break
  } catch {}
require(jest).run(args)
`
let jestWrapper

/** jest with `extra` flags in `dir`: the --jest command when given, else the wrapper above. */
function runJest(dir, jest, extra) {
  const [bin, ...args] = jest ? [...jest.split(' '), ...extra] : [process.execPath, jestWrapper]
  return spawnSync(bin, args, {
    cwd: dir,
    encoding: 'utf8',
    // CI=true also puts jest in --ci mode. No FORCE_COLOR: it would override a project's own
    // colour settings (commander's CLICOLOR_FORCE tests fail under FORCE_COLOR=0).
    env: { ...process.env, CI: 'true', CI_MEDIC_JEST_ARGS: JSON.stringify(extra) },
    maxBuffer: 256 * 1024 * 1024
  })
}

const relative = (dir, file) =>
  file
    .slice(dir.length + 1)
    .split('\\')
    .join('/')

/** Every test file jest runs, relative to `dir`. */
function listTests(dir, jest) {
  const lines = runJest(dir, jest, ['--listTests']).stdout.split('\n')
  return [...new Set(lines.filter(line => line.startsWith('/')).map(line => relative(dir, line)))].sort()
}

/** Test files that fail in one jest run of `only` (or of the whole suite), or null when jest crashed. */
function jestReport(dir, jest, only) {
  const out = join(dir, '.eval-jest.json')
  rmSync(out, { force: true })
  runJest(dir, jest, ['--silent', '--json', `--outputFile=${out}`, ...(only ?? [])])
  if (!existsSync(out)) return null
  const report = JSON.parse(readFileSync(out, 'utf8'))
  rmSync(out)
  // A file that runs in two jest projects is reported twice.
  const failed = new Set(
    report.testResults.filter(r => r.status === 'failed').map(r => relative(dir, r.name))
  )
  return { failed: [...failed].sort(), total: new Set(report.testResults.map(r => r.name)).size }
}

/**
 * Test files that fail in a whole-suite run (or in `only` when given). When a mutant crashes jest
 * itself (an error that cannot be sent back from a worker), the suite runs again in band; if that
 * crashes too, the files are run in halves until each crash is pinned on a file, and a file whose
 * run crashes counts as failing: it would fail CI.
 */
function failingTests(dir, jest, only) {
  const whole = jestReport(dir, jest, only) ?? jestReport(dir, jest, ['--runInBand', ...(only ?? [])])
  if (whole) return whole
  const failingIn = files => {
    const report = jestReport(dir, jest, ['--runInBand', '--runTestsByPath', ...files])
    if (report) return report.failed
    if (files.length === 1) return files
    const half = Math.ceil(files.length / 2)
    return [...failingIn(files.slice(0, half)), ...failingIn(files.slice(half))]
  }
  const files = only ?? listTests(dir, jest)
  return { failed: [...new Set(failingIn(files))].sort(), total: files.length, crashed: true }
}

/**
 * `jest --listTests --findRelatedTests` on the changed files. jest only maps modules under its
 * `roots`, so a repository whose roots hold the tests alone gets nothing related; --whole-roots asks
 * jest with `--roots <repo>` and keeps the test files of the configured run.
 */
function jestRelated(dir, jest, changed, testFiles) {
  const started = Date.now()
  const roots = flag('whole-roots') ? ['--roots', dir] : []
  const list = runJest(dir, jest, [
    ...roots,
    '--listTests',
    '--findRelatedTests',
    ...changed.map(f => join(dir, f))
  ])
    .stdout.split('\n')
    .filter(line => line.startsWith('/'))
    .map(line => relative(dir, line))
    .filter(file => testFiles.includes(file))
  return { list: [...new Set(list)], ms: Date.now() - started }
}

const PYTEST = flag('pytest')

function pythonPathOf(dir) {
  return [existsSync(join(dir, 'src')) ? join(dir, 'src') : '', process.env.PYTHONPATH ?? '']
    .filter(Boolean)
    .join(':')
}

function runPytest(dir, extra) {
  // A repository's `addopts` (marshmallow's `-v`) would change the output read here.
  return spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', '-o', 'addopts=', ...extra], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      CI: 'true',
      // Summary lines are cut at the terminal's width.
      COLUMNS: '10000',
      PYTHONDONTWRITEBYTECODE: '1',
      PYTHONPATH: pythonPathOf(dir)
    },
    maxBuffer: 256 * 1024 * 1024
  })
}

/** The file of a pytest node id (`tests/test_a.py::TestX::test_y` → `tests/test_a.py`). */
const nodeFile = id => id.split('::')[0]

/** The test files of the unchanged repository (see failingPytestFiles). */
let pytestFiles

/** Every test file pytest collects. */
function listPytestFiles(dir) {
  const { stdout } = runPytest(dir, ['--collect-only', '-q'])
  const files = stdout
    .split('\n')
    .filter(line => /^[^\s].*\.py(::|$)/.test(line))
    .map(line => nodeFile(line.trim()))
  return [...new Set(files)].sort()
}

/**
 * Test files with a failing or erroring test (or that fail to collect) in one run of the whole
 * suite, from pytest's short summary (`FAILED path::test - …`, `ERROR path - …`).
 */
function failingPytestFiles(dir) {
  // The test files as the unchanged repository collects them, for a run a conftest.py stops.
  pytestFiles ??= listPytestFiles(dir)
  // A module that fails to collect would otherwise stop the run before any test (exit 2).
  const { stdout, stderr, status } = runPytest(dir, [
    '-q',
    '-rfE',
    '--tb=no',
    '--no-header',
    '--continue-on-collection-errors'
  ])
  // A conftest.py that fails to import fails every test file under its folder.
  const conftest = /ImportError while loading conftest '(.+?)'/.exec(stderr)?.[1]
  if (status === 4 && conftest) {
    const folder = relative(dir, join(conftest, '..'))
    const under = (pytestFiles ?? []).filter(file => folder === '' || file.startsWith(`${folder}/`))
    return { failed: under }
  }
  if (status !== 0 && status !== 1)
    throw new Error(`pytest exited ${status}:\n${stdout.slice(-2000)}${stderr.slice(-2000)}`)
  const failed = stdout
    .split('\n')
    .map(line => /^(?:FAILED|ERROR) (\S+?\.py)(?:::|\s|$)/.exec(line)?.[1])
    .filter(Boolean)
  return { failed: [...new Set(failed)].sort() }
}

const VITEST = flag('vitest')

/**
 * Test files that fail in one `vitest run` of the whole suite (the project's own vitest), and every
 * test file it ran, from its JSON reporter; a run that writes no report throws.
 */
function vitestReport(dir) {
  const out = join(dir, '.eval-vitest.json')
  rmSync(out, { force: true })
  const { stdout, stderr, signal } = spawnSync(
    process.execPath,
    [
      join(dir, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--reporter=json',
      `--outputFile=${out}`,
      // A mutant that leaves promises pending makes every test wait out its timeout.
      ...(arg('test-timeout')
        ? [`--testTimeout=${arg('test-timeout')}`, `--hookTimeout=${arg('test-timeout')}`]
        : [])
    ],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
      maxBuffer: 256 * 1024 * 1024,
      // --run-timeout: a run past it is stopped, and its mutation left unmeasured.
      timeout: Number(arg('run-timeout', '0')) * 1000,
      killSignal: 'SIGKILL'
    }
  )
  if (signal) return null
  if (!existsSync(out)) throw new Error(`vitest wrote no report:\n${(stdout + stderr).slice(-2000)}`)
  const report = JSON.parse(readFileSync(out, 'utf8'))
  rmSync(out)
  const files = report.testResults.map(r => relative(dir, r.name))
  const failed = report.testResults.filter(r => r.status === 'failed').map(r => relative(dir, r.name))
  return { failed: [...new Set(failed)].sort(), files: [...new Set(files)].sort() }
}

/** `--mocha 'SPEC…'`: mocha's spec globs (as its test script gives them), with `--mocha-args`. */
const MOCHA = arg('mocha', undefined)
const NODE_TEST = flag('node-test') || MOCHA !== undefined

/** node:test's default patterns (Node 20), for `node --test` without arguments. */
const isNodeTestFile = picomatch(
  [
    '**/*.test.?(c|m)js',
    '**/*-test.?(c|m)js',
    '**/*_test.?(c|m)js',
    '**/test-*.?(c|m)js',
    '**/test.?(c|m)js',
    '**/test/**/*.?(c|m)js'
  ],
  { ignore: ['**/node_modules/**'] }
)

/**
 * Each test file `node --test` runs (or, with --mocha, each file of mocha's spec, run by the
 * project's mocha with --mocha-args), run alone (two at a time): the ones whose process fails.
 */
async function nodeTestReport(dir) {
  const fileTimeout = Number(arg('file-timeout', '60')) * 1000
  const isTestFile = MOCHA ? picomatch(mochaSpecs()) : isNodeTestFile
  const files = git(dir, 'ls-files')
    .split('\n')
    .filter(file => file && isTestFile(file))
    .sort()
  const mochaArgs = (arg('mocha-args', '') ?? '').split(/\s+/).filter(Boolean)
  if (MOCHA && flag('mocha-whole')) {
    const failed = await mochaWholeRun(dir, mochaArgs, fileTimeout * 5)
    if (failed) return { failed: failed.filter(file => files.includes(file)).sort(), files }
  }
  const command = file => (MOCHA ? [mochaBin(dir), ...mochaArgs, file] : ['--test', file])
  const failed = []
  const queue = [...files]
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      // A mutant may leave a server that never answers: a file past --file-timeout has failed.
      const code = await nodeRun(dir, command(file), fileTimeout)
      if (code !== 0) failed.push(file)
    }
  }
  await Promise.all([worker(), worker()])
  return { failed: failed.sort(), files }
}

/**
 * `--mocha-whole`: the whole spec in one mocha run with its JSON reporter (a file per failure),
 * far faster than a process per file when each loads a transpiler; null when mocha wrote no report
 * (a file that failed to load stops mocha), and then each file runs alone.
 */
async function mochaWholeRun(dir, mochaArgs, timeout) {
  const out = join(tmpdir(), `ci-medic-eval-mocha-${process.pid}.json`)
  rmSync(out, { force: true })
  const args = [...mochaArgs, '--reporter', 'json', '--reporter-option', `output=${out}`, ...mochaSpecs()]
  await nodeRun(dir, [mochaBin(dir), ...args], timeout)
  if (!existsSync(out)) return null
  const report = JSON.parse(readFileSync(out, 'utf8'))
  rmSync(out, { force: true })
  if (!report.stats || report.failures.some(failure => !failure.file)) return null
  return [...new Set(report.failures.map(failure => relative(dir, failure.file)))]
}

/**
 * Runs node with `args` in `dir`, its process group killed after `timeout` ms (and once it exits):
 * its exit status (null when killed).
 */
function nodeRun(dir, args, timeout) {
  return new Promise(done => {
    // A process group of its own: mocha before 9 runs the tests in a child of its bin, which a
    // kill of the bin alone leaves running (holding the port the next file listens on).
    const child = spawn(process.execPath, args, { cwd: dir, stdio: 'ignore', detached: true })
    const killGroup = () => {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
    const timer = setTimeout(killGroup, timeout)
    child.on('close', status => {
      clearTimeout(timer)
      killGroup()
      done(status)
    })
  })
}

/** mocha's executable: `bin/mocha.js` since mocha 9, `bin/mocha` before. */
const mochaBin = dir =>
  ['bin/mocha.js', 'bin/mocha']
    .map(bin => join(dir, 'node_modules/mocha', bin))
    .find(path => existsSync(path)) ?? join(dir, 'node_modules/mocha/bin/mocha.js')
/** The globs of --mocha. */
const mochaSpecs = () => MOCHA.split(/[\s,]+/).filter(Boolean)

const GO = flag('go')

/** `go` in `dir`, offline: a module whose dependencies are not in the module cache fails, not fetches. */
function runGo(dir, args) {
  return spawnSync('go', args, {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local' }
  })
}

/** The test files of each package of the module, as `go list` sees them on this platform. */
function goTestFiles(dir) {
  const { stdout, status, stderr } = runGo(dir, [
    'list',
    '-f',
    '{{.Dir}}\t{{join .TestGoFiles ","}},{{join .XTestGoFiles ","}}',
    './...'
  ])
  if (status !== 0) throw new Error(`go list exited ${status}:\n${stderr.slice(-2000)}`)
  const byFolder = new Map()
  for (const line of stdout.split('\n').filter(Boolean)) {
    const [folder, names] = line.split('\t')
    const files = names
      .split(',')
      .filter(Boolean)
      .map(name => relative(dir, join(folder, name)))
    if (files.length) byFolder.set(relative(dir, folder), files)
  }
  return byFolder
}

/** The files of a package's tests (`go list`'s folders), for the failing tests' names. */
let goTests

/**
 * Test files that fail in `go test -json ./...`: the file declaring each failing test (a subtest's
 * parent, an example), or every test file of a package that failed without naming a test (a build
 * failure, init, TestMain). A panic stops a package's test binary: the tests it left unrun run
 * again, on their own, until none is left.
 */
function goReport(dir) {
  goTests ??= goTestFiles(dir)
  const module = /^module\s+(\S+)/m.exec(readFileSync(join(dir, 'go.mod'), 'utf8'))?.[1] ?? ''
  const folderOf = pkg => (pkg === module ? '' : pkg.slice(module.length + 1))
  const declared = new Map()
  for (const files of goTests.values())
    for (const file of files)
      declared.set(
        file,
        [...readFileSync(join(dir, file), 'utf8').matchAll(/^func ((?:Test|Fuzz|Example)\w*)\(/gm)].map(
          match => match[1]
        )
      )
  const failed = new Set()
  // The tests of each package that ran to an end (or failed), over all runs.
  const ranTests = new Map()
  // go test takes a single -run: a package's left-over tests are a run of their own.
  const pending = [{ args: ['./...'] }]
  for (let round = 0; pending.length; round++) {
    if (round === 100) throw new Error('go test: tests still unrun after 100 runs')
    const { args, folder: rerun, asked } = pending.shift()
    const { stdout, stderr, status } = runGo(dir, ['test', '-json', ...args])
    if (status !== 0 && status !== 1) throw new Error(`go test exited ${status}:\n${stderr.slice(-2000)}`)
    const failedTests = new Map()
    const failedPackages = new Set()
    const crashed = new Set()
    const started = new Map()
    for (const line of stdout.split('\n')) {
      if (!line.startsWith('{')) continue
      const event = JSON.parse(line)
      const folder = folderOf(event.Package ?? '')
      if (event.Action === 'output' && /^panic: /m.test(event.Output ?? '')) crashed.add(folder)
      if (event.Action === 'run' && event.Test) pushTo(started, folder, event.Test.split('/')[0])
      if (!['pass', 'skip', 'fail'].includes(event.Action)) continue
      if (event.Test) pushTo(ranTests, folder, event.Test.split('/')[0])
      if (event.Action !== 'fail') continue
      if (event.Test) pushTo(failedTests, folder, event.Test.split('/')[0])
      else failedPackages.add(folder)
    }
    // A test asked for again that a run which did not crash never started does not run here (a
    // fuzz target without a seed corpus): it has nothing more to say.
    if (rerun !== undefined && !crashed.has(rerun))
      for (const test of asked) if (!(started.get(rerun) ?? []).includes(test)) pushTo(ranTests, rerun, test)
    // A package that fails to build prints no JSON for itself under Go before 1.24, only stderr.
    for (const match of stderr.matchAll(/^FAIL\s+(\S+) \[(?:build|setup) failed\]/gm))
      failedPackages.add(folderOf(match[1]))
    for (const folder of failedPackages) {
      const files = goTests.get(folder) ?? []
      const failing = new Set(failedTests.get(folder) ?? [])
      const ran = new Set(ranTests.get(folder) ?? [])
      // A panic outside a test's goroutine names no test: the ones running then had it.
      if (crashed.has(folder))
        for (const test of started.get(folder) ?? []) if (!ran.has(test)) failing.add(test)
      for (const test of failing) pushTo(ranTests, folder, test)
      const unrun = new Set()
      for (const file of files) {
        const tests = declared.get(file) ?? []
        if (failing.size === 0 || tests.some(test => failing.has(test))) failed.add(file)
        else if (crashed.has(folder) && !failed.has(file))
          for (const test of tests) if (!ran.has(test) && !test.startsWith('Example')) unrun.add(test)
      }
      if (failing.size && unrun.size)
        pending.push({ args: ['-run', `^(${[...unrun].join('|')})$`, `./${folder}`], folder, asked: unrun })
    }
  }
  return { failed: [...failed].sort(), files: [...goTests.values()].flat().sort() }
}

function pushTo(map, key, value) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Mutations for a Go module: a panic at the top of each top-level function and method. */
function goMutations(dir, count, seed) {
  const random = rng(seed)
  const sources = new RegExp(arg('sources', '\\.go$'))
  const files = git(dir, 'ls-files')
    .split('\n')
    .filter(f => f.endsWith('.go') && sources.test(f) && !f.endsWith('_test.go'))
    .filter(f => !/(^|\/)(testdata|vendor)\//.test(f))
  const sites = []
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n')
    lines.forEach((line, i) => {
      if (/^func (\([^)]*\) )?\w+(\[[^\]]*\])?\(.*\{$/.test(line) && lines[i + 1] !== '}')
        sites.push({ file, line: i })
    })
  }
  return seeded(random, count, sites, files, {
    what: 'panic',
    insert: (lines, site) => lines.splice(site.line + 1, 0, '\tpanic("ci-medic mutant")'),
    decorate: text => text.replace(/^(func )/gm, '// Documented.\n\n$1')
  })
}

/** Mutations for a Python repository: a raise at the top of functions and methods, after a docstring. */
function pythonMutations(dir, count, seed) {
  const random = rng(seed)
  const sources = new RegExp(arg('sources', '\\.py$'))
  const testLike =
    /(^|\/)(tests?|testing)\/|(^|\/)test_[^/]*\.py$|_test\.py$|(^|\/)conftest\.py$|(^|\/)(docs|examples)\//
  const files = git(dir, 'ls-files')
    .split('\n')
    .filter(f => f.endsWith('.py') && sources.test(f) && !testLike.test(f))
  const sites = []
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n')
    for (let i = 0; i < lines.length; i++) {
      const def = /^( {0,4})(async\s+)?def\s+\w+\s*\(/.exec(lines[i])
      if (!def) continue
      // The signature ends at the first line (from the def) whose brackets balance and that ends
      // with `:` (comments aside).
      let depth = 0
      let end = -1
      for (let j = i; j < lines.length && j < i + 40; j++) {
        const code = lines[j].replace(/#.*$/, '')
        for (const c of code) depth += '([{'.includes(c) ? 1 : ')]}'.includes(c) ? -1 : 0
        if (depth === 0 && /:\s*$/.test(code)) {
          end = j
          break
        }
        if (depth === 0 && j > i) break
      }
      if (end < 0) continue
      let body = end + 1
      while (body < lines.length && lines[body].trim() === '') body++
      const indent = /^( *)/.exec(lines[body] ?? '')[1]
      if (body >= lines.length || indent.length <= def[1].length) continue
      // After a docstring: a raise before it would also change `__doc__`, which is read on load.
      const doc = /^\s*[rRuU]?("""|'''|"|')/.exec(lines[body])
      if (doc) {
        const quote = doc[1]
        const rest = lines[body].slice(doc[0].length)
        let last = body
        if (quote.length === 3 && !rest.includes(quote))
          while (last + 1 < lines.length && !lines[++last].includes(quote));
        body = last + 1
        while (body < lines.length && lines[body].trim() === '') body++
        if (body >= lines.length || /^( *)/.exec(lines[body])[1].length < indent.length) continue
      }
      sites.push({ file, line: body, indent })
      i = end
    }
  }
  return seeded(random, count, sites, files, {
    what: 'raise',
    insert: (lines, site) =>
      lines.splice(site.line, 0, `${site.indent}raise RuntimeError("ci-medic mutant")`),
    decorate: text =>
      text
        .replace(/^((?:async )?def )/gm, '# documented\n\n$1')
        // After a `#!` or encoding line, which must stay first.
        .replace(/^(#!.*\n|#.*coding[:=].*\n)?/, '$1# ci-medic: a comment-only change\n')
  })
}

/**
 * `count` of `sites` picked at random, each a mutation that `insert`s a statement into its file,
 * and `cosmetic` files (the --cosmetic count) `decorate`d with comments and blank lines only.
 */
function seeded(random, count, sites, files, { what, insert, decorate }) {
  const chosen = []
  while (chosen.length < count && sites.length)
    chosen.push(sites.splice(Math.floor(random() * sites.length), 1)[0])
  const semantic = chosen.map(site => ({
    kind: 'semantic',
    label: `${what} in ${site.file}:${site.line + 1}`,
    apply: d => {
      const lines = readFileSync(join(d, site.file), 'utf8').split('\n')
      insert(lines, site)
      writeFileSync(join(d, site.file), lines.join('\n'))
      return [site.file]
    }
  }))
  const cosmetic = []
  for (let i = 0; i < Number(arg('cosmetic', '3')) && files.length; i++) {
    const file = files[Math.floor(random() * files.length)]
    cosmetic.push({
      kind: 'cosmetic',
      label: `comments and blank lines in ${file}`,
      apply: d => {
        writeFileSync(join(d, file), decorate(readFileSync(join(d, file), 'utf8')))
        return [file]
      }
    })
  }
  return [...semantic, ...cosmetic]
}

/** Mutations for a real repository: a throw at the top of exported functions and methods. */
function realMutations(dir, count, seed) {
  const random = rng(seed)
  const sources = new RegExp(arg('sources', '^(src|lib)/.*\\.[cm]?[jt]sx?$'))
  const testLike = /\.(test|spec|test-d)\.|__tests__|__typetest__|__(test)?fixtures__|__mocks__|\.d\.ts$/
  const files = git(dir, 'ls-files')
    .split('\n')
    .filter(f => sources.test(f) && !testLike.test(f))
  // Lines after which a `throw` starts a function body: exported functions, class methods, and
  // arrow functions whose `=> {` ends a top-level line (`export default (a) => {`, or the `) => {`
  // that closes a parameter list split over lines); CommonJS exports (`module.exports = function
  // name(a) {`, `module.exports = async (a, b) => {`).
  const bodyStarts = [
    /^export (default )?(async )?function\*? ?\w*\s*(<[^>]*>)?\([^)]*\)[^{;]*\{\s*$/,
    /^ {2}(public |static |async )*(?!constructor|if|for|while|switch|catch|function)\w+\s*\([^)]*\)[^{;=]*\{\s*$/,
    /^export (default |const \w+(: [\w.<>]+)? = )(async )?(<[^>]*>)?\([^)]*\)(: [^=]*)?=> \{\s*$/,
    /^\)(: [^=]*)? => \{\s*$/,
    /^module\.exports(\.\w+)? = (async )?(function\*? ?\w*\s*\([^)]*\)|(\([^)]*\)|\w+) =>) \{\s*$/,
    // With --commonjs: functions of a CommonJS module, declared (`function name(a) {`) or stored
    // on an object (`exports.name = function (a) {`, express's `res.send = function send(body) {`).
    ...(flag('commonjs')
      ? [
          /^(async )?function\*? ?\w+\s*\([^)]*\)\s*\{\s*$/,
          /^\w+(\.\w+)+ = (async )?function\*? ?\w*\s*\([^)]*\)\s*\{\s*$/
        ]
      : [])
  ]
  // The `) {` (or `): Type {`) that closes a parameter list split over lines opens a body only in a
  // function statement (`export function f(`, `module.exports = function (`), not in a class heading.
  const splitSignatureEnd = /^\)(: [^={]*)? \{\s*$/
  // With --arrows, exported arrows whose body is an expression (`export const f = (a) => a + 1`)
  // too: the body becomes `(() => { throw … })() || a + 1`.
  const expressionArrow =
    /^export (const \w+(: [^=]+)? = |default )(async )?(<[^>]*>)?(\([^)]*\)|\w+)(: [^=]*)? => (?!\{\s*$)\S/
  const declaresValue = flag('commonjs')
    ? /^((export )?(default|const|let|var|async|function|class|abstract)|module\.exports|\w+(\.\w+)+ = )/
    : /^((export )?(default|const|let|var|async|function|class|abstract)|module\.exports)\b/
  const sites = []
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n')
    // The top-level statement a line is in (not a line closing brackets or type parameters) must
    // declare a value, not a type (`type F = (…) => {…}`).
    let statement = ''
    lines.forEach((line, i) => {
      if (/^\S/.test(line) && !/^[)}\]>]/.test(line)) statement = line
      if (!declaresValue.test(statement)) return
      if (
        bodyStarts.some(pattern => pattern.test(line)) ||
        (splitSignatureEnd.test(line) && /\bfunction\b/.test(statement))
      )
        sites.push({ file, line: i })
      else if (flag('arrows') && expressionArrow.test(line)) sites.push({ file, line: i, arrow: true })
    })
  }
  return seeded(random, count, sites, files, {
    what: 'throw',
    insert: (lines, site) =>
      site.arrow
        ? (lines[site.line] = lines[site.line].replace(
            ' => ',
            " => (() => { throw new Error('ci-medic mutant') })() || "
          ))
        : lines.splice(site.line + 1, 0, `throw new Error('ci-medic mutant')`),
    decorate: text =>
      text
        .replace(/^(export (?:async )?function)/gm, '/** documented */\n\n$1')
        // After a `#!` line, which must stay first.
        .replace(/^(#!.*\n)?/, '$1// ci-medic: a comment-only change\n')
  })
}

/**
 * The copy's node_modules: a link to each of the original's packages, except that a workspace
 * package (a link into the repository) leads to the copy's own folder, so that an import by its
 * name loads the mutated sources, not the original ones.
 */
function linkNodeModules(source, dir) {
  const from = join(source, 'node_modules')
  const to = join(dir, 'node_modules')
  const inRepository = path => path.startsWith(source + sep) && !path.startsWith(from + sep)
  const link = (entry, scope = '') => {
    const original = join(from, scope, entry)
    let target = original
    if (lstatSync(original).isSymbolicLink()) {
      const real = realpathSync(original)
      if (inRepository(real)) target = join(dir, relativePath(source, real))
    }
    symlinkSync(target, join(to, scope, entry), 'dir')
  }
  mkdirSync(to)
  for (const entry of readdirSync(from)) {
    if (!entry.startsWith('@')) link(entry)
    else {
      mkdirSync(join(to, entry))
      for (const scoped of readdirSync(join(from, entry))) link(scoped, entry)
    }
  }
}

/** Untracked files and folders (a folder with no tracked file in it as one entry), ignored ones too. */
function untrackedEntries(dir) {
  return git(dir, 'ls-files', '-z', '--others', '--directory').split('\0').filter(Boolean)
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'ci-medic-eval-'))
  jestWrapper = join(work, 'jest.cjs')
  writeFileSync(jestWrapper, JEST_WRAPPER)
  const dir = join(work, 'repo')
  const jest = arg('jest')
  const relatedOnly = flag('related-only')
  const started = Date.now()
  let list
  try {
    if (arg('repo')) {
      const source = resolve(arg('repo'))
      // Relative links (a workspace's own node_modules) stay relative: they lead into the copy.
      cpSync(source, dir, {
        recursive: true,
        verbatimSymlinks: true,
        filter: p => p !== join(source, 'node_modules')
      })
      if (existsSync(join(source, 'node_modules'))) linkNodeModules(source, dir)
      if (!existsSync(join(dir, '.git'))) git(dir, 'init', '-q')
      git(dir, 'add', '-A')
      commit(dir, 'eval base', '--allow-empty')
      list = (PYTEST ? pythonMutations : GO ? goMutations : realMutations)(
        dir,
        Number(arg('mutations', '10')),
        Number(arg('seed', '1'))
      )
    } else {
      git(work, 'init', '-q', 'repo')
      const model = generateProject(dir, {
        modules: Number(arg('modules', '150')),
        tests: Number(arg('tests', '60')),
        layers: 4,
        seed: Number(arg('seed', '1')),
        nodeModules: join(ROOT, 'node_modules')
      })
      git(dir, 'add', '-A')
      commit(dir, 'base')
      list = mutations(model, Number(arg('seed', '1')) + 6)
    }
    const failingNow = () =>
      PYTEST
        ? failingPytestFiles(dir)
        : GO
          ? goReport(dir)
          : VITEST
            ? vitestReport(dir)
            : NODE_TEST
              ? nodeTestReport(dir)
              : failingTests(dir, jest)
    const baseline = await failingNow()
    if (!baseline) throw new Error('the suite ran past --run-timeout before any mutation')
    // vitest lists its files in the run's report; node:test's are found for the run.
    const testFiles = PYTEST
      ? listPytestFiles(dir)
      : VITEST || NODE_TEST || GO
        ? baseline.files
        : listTests(dir, jest)
    console.log(
      `baseline: ${testFiles.length} test files, ${baseline.failed.length} failing before any mutation`
    )
    let coverageMap
    if (flag('coverage')) {
      const coverageDir = join(work, 'coverage-map')
      const before = new Set(untrackedEntries(dir))
      const started = Date.now()
      const recorded = await runTests({
        repoDir: dir,
        timeoutMs: 30 * 60_000,
        retries: 0,
        log: streamLogger(() => undefined),
        coverageDir,
        ...(PYTEST ? { env: { ...process.env, PYTHONPATH: pythonPathOf(dir) } } : {})
      })
      console.log(`coverage run: ${((Date.now() - started) / 1000).toFixed(1)} s`)
      coverageMap = readCoverageMap(coverageDir)
      // What the runner built before the tests (a build folder) would confuse jest's module map;
      // what was there before it ran stays (`preconstruct dev`'s links in each package's dist/).
      for (const entry of untrackedEntries(dir))
        if (!before.has(entry)) rmSync(join(dir, entry), { recursive: true, force: true })
      console.log(
        `coverage map: ${recorded.coverageMap?.recorded ?? 0} test files recorded${recorded.coverageMap?.why ? ` (${recorded.coverageMap.why})` : ''}`
      )
    }
    const rows = []
    let unmeasured = 0
    // Selected test files the run covers (a narrowed run leaves some of the repository's out).
    const suite = new Set(testFiles)
    const inSuite = selection => selection.tests.filter(test => suite.has(test)).length
    for (const mutation of list) {
      const changed = mutation.apply(dir)
      commit(dir, mutation.label, '-a')
      const select = map =>
        selectTests({
          git: new Git(dir),
          base: 'HEAD~1',
          head: 'HEAD',
          log: streamLogger(() => undefined),
          coverageMap: map
        })
      const selection = await select(coverageMap)
      const staticSelection = coverageMap ? await select(undefined) : selection
      const noJest = PYTEST || VITEST || NODE_TEST || GO
      const related = noJest ? { list: [], ms: 0 } : jestRelated(dir, jest, changed, testFiles)
      const run = noJest
        ? await failingNow()
        : failingTests(dir, jest, relatedOnly ? related.list : undefined)
      if (!run) {
        console.log(
          `${mutation.kind.padEnd(9)} ${mutation.label}\n          not measured: the suite ran past --run-timeout`
        )
        unmeasured++
        git(dir, 'reset', '-q', '--hard', 'HEAD~1')
        continue
      }
      const newlyFailing = run.failed.filter(f => !baseline.failed.includes(f))
      const selected = new Set(selection.tests)
      const misses = newlyFailing.filter(f => !selected.has(f))
      rows.push({ mutation, changed, selection, staticSelection, related, newlyFailing, misses })
      console.log(
        `${mutation.kind.padEnd(9)} ${mutation.label}\n` +
          `          failing ${newlyFailing.length}, selected ${selection.tests.length}${selection.tests.length > inSuite(selection) ? ` (${inSuite(selection)} in the suite)` : ''} (${selection.mode})${coverageMap ? ` (graph only ${staticSelection.tests.length})` : ''}${noJest ? '' : `, jest related ${related.list.length}`}, misses ${misses.length}${misses.length ? ': ' + misses.join(', ') : ''}`
      )
      git(dir, 'reset', '-q', '--hard', 'HEAD~1')
    }
    const semantic = rows.filter(r => r.mutation.kind === 'semantic')
    const cosmetic = rows.filter(r => r.mutation.kind === 'cosmetic')
    const misses = rows.reduce((n, r) => n + r.misses.length, 0)
    const selectedSum = semantic.reduce((n, r) => n + r.selection.tests.length, 0)
    const selectedInSuite = semantic.reduce((n, r) => n + inSuite(r.selection), 0)
    const staticSum = semantic.reduce((n, r) => n + r.staticSelection.tests.length, 0)
    const relatedSum = semantic.reduce((n, r) => n + r.related.list.length, 0)
    const failingSum = semantic.reduce((n, r) => n + r.newlyFailing.length, 0)
    const cosmeticSelected = cosmetic.reduce((n, r) => n + r.selection.tests.length, 0)
    console.log('\nsummary')
    console.log(
      `  mutations            ${semantic.length} semantic, ${cosmetic.length} cosmetic${unmeasured ? ` (${unmeasured} more not measured: past --run-timeout)` : ''}`
    )
    console.log(`  failing test files   ${failingSum} (sum over mutations)`)
    console.log(`  misses               ${misses}  (bar: 0)`)
    // No jest to compare with under pytest, vitest, node:test or go test: the suite line below measures those.
    if (!PYTEST && !VITEST && !NODE_TEST && !GO) {
      console.log(
        `  selected / jest      ${selectedSum} / ${relatedSum} = ${relatedSum ? (selectedSum / relatedSum).toFixed(3) : 'n/a'}  (bar: <= 0.333)`
      )
      if (coverageMap)
        console.log(
          `  graph only / jest    ${staticSum} / ${relatedSum} = ${relatedSum ? (staticSum / relatedSum).toFixed(3) : 'n/a'}  (without the coverage map)`
        )
      console.log(
        `  perfect selector     ${failingSum} / ${relatedSum} = ${relatedSum ? (failingSum / relatedSum).toFixed(3) : 'n/a'}  (selects exactly the failing files)`
      )
    }
    const suiteSum = semantic.length * testFiles.length
    console.log(
      `  selected / suite     ${selectedInSuite} / ${suiteSum} = ${suiteSum ? (selectedInSuite / suiteSum).toFixed(3) : 'n/a'}  (every test file, each mutation; perfect ${suiteSum ? (failingSum / suiteSum).toFixed(3) : 'n/a'})`
    )
    console.log(`  cosmetic selected    ${cosmeticSelected}  (bar: 0)`)
    console.log(
      `  time                 ${((Date.now() - started) / 1000).toFixed(0)} s for ${rows.length} mutations`
    )
    const summary = {
      misses,
      selectedSum,
      relatedSum,
      suiteSum: semantic.length * testFiles.length,
      failingSum,
      cosmeticSelected,
      ratio: relatedSum ? selectedSum / relatedSum : null,
      staticRatio: relatedSum ? staticSum / relatedSum : null,
      perfectRatio: relatedSum ? failingSum / relatedSum : null,
      rows: rows.map(r => ({
        mutation: r.mutation.label,
        kind: r.mutation.kind,
        failing: r.newlyFailing,
        selected: r.selection.tests,
        graphOnly: r.staticSelection.tests,
        related: r.related.list,
        misses: r.misses
      }))
    }
    if (arg('json-out')) writeFileSync(arg('json-out'), JSON.stringify(summary, null, 2))
    process.exitCode = misses === 0 && cosmeticSelected === 0 ? 0 : 1
  } finally {
    if (!flag('keep')) rmSync(work, { recursive: true, force: true })
    else console.log(`kept ${work}`)
  }
}

await main()
