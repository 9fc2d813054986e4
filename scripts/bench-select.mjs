// Times the selection graph build (list files, scan, resolve, link) on a generated repository of
// 10,000 TypeScript files, cold (no cache) and warm (scan cache, a few files changed); a whole cold
// `select` (demand-driven graph), and the CLI; and runs `jest --listTests --findRelatedTests` on the
// same changed files in the same run. Every figure is the median of three runs, each in a fresh
// process, as a CI job runs it: a cold build gets no JIT warm-up and no heap from an earlier one.
// Our code runs as ncc bundles it for the action (scripts/bench-select-entry.ts, built first), in
// plain node. jest is timed both in-process (runCLI, after its import, as ours is timed after the
// bundle's) and as a process (node start included), beside our CLI as a process.
//   node --import tsx scripts/bench-select.mjs [--files 10000 (0: none)] [--repo PATH] [--rev REV]
// A real repository: --repo PATH (a clone or a bare mirror) or SELECT_BENCH_REPO=PATH; five of its
// source files get a function-body change in a temporary clone, which jest also runs on.
// Bars (issue #3): cold <= 1 s per 10,000 files, warm <= 200 ms, >= 5x faster than jest.
import { execFileSync, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { generateProject } from './select-gen.mjs'
import { WORKERS } from './workers.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SELF = fileURLToPath(import.meta.url)
const RUNS = 3
/** The bundle's entry (set in the parent before any child runs). */
let bundleEntry

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'b@x',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'b@x'
}
const git = (cwd, ...args) =>
  execFileSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 }).trim()
const ms = started => Number(process.hrtime.bigint() - started) / 1e6
const TEST_FOLDER = /(?:^|\/)(?:test|tests|__tests__|spec|e2e|fixtures?)\//
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0]
  } catch {
    return 'n/a'
  }
}

// ── in a child process: one timed run, printed as JSON ───────────────────────

/** CPU time of this process (user + system) in ms. */
function cpuNow() {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

async function child(kind, dir, rev, extra) {
  if (kind === 'jest') {
    // As the jest process runs: from the repository (a TypeScript config is compiled from there).
    process.chdir(dir)
    return jestInProcess(dir, JSON.parse(rev), extra)
  }
  const bundle = process.env.BENCH_SELECT_BUNDLE
  if (!bundle) throw new Error('BENCH_SELECT_BUNDLE is not set')
  const { buildRepositoryGraph, selectTests, ScanCache, Git, streamLogger } = await import(
    pathToFileURL(bundle).href
  )
  const started = process.hrtime.bigint()
  const cpu = cpuNow()
  if (kind === 'graph') {
    const cache = new ScanCache(extra === '-' ? undefined : extra)
    const graph = await buildRepositoryGraph(new Git(dir), rev, { cache })
    const wall = ms(started)
    const cpuMs = cpuNow() - cpu
    cache.save()
    const ts = [...graph.scans.keys()].filter(f => /\.[cm]?tsx?$/.test(f)).length
    const tests = [...graph.files].filter(graph.isTest).length
    const sources = [...graph.scans.keys()].filter(
      f => /\.[cm]?tsx?$/.test(f) && !f.endsWith('.d.ts') && !graph.isTest(f) && !TEST_FOLDER.test(f)
    )
    return {
      ms: wall,
      cpuMs,
      files: graph.stats.files,
      ts,
      modules: graph.graph.nodes.size,
      tests,
      ...graph.stats,
      sources
    }
  }
  const result = await selectTests({
    git: new Git(dir),
    base: 'HEAD~1',
    head: 'HEAD',
    log: streamLogger(() => undefined),
    graph: extra
  })
  return {
    ms: ms(started),
    cpuMs: cpuNow() - cpu,
    tests: result.tests.length,
    scanned: result.stats.scanned,
    graph: result.stats.graph,
    typeCheckMs: result.stats.typeCheckMs ?? 0
  }
}

if (process.argv[2] === '--child') {
  const [kind, dir, rev, extra] = process.argv.slice(3)
  const json = JSON.stringify(await child(kind, dir, rev, extra))
  // On a line of its own, after whatever the timed code printed (jest's haste-map warnings), and
  // written in whole before exiting: a pipe takes a large result (a big repository's file list)
  // in several writes, and process.exit would cut it short.
  await new Promise(done => process.stdout.write(`\n${json}\n`, done))
  process.exit(0)
}

/**
 * The folder of the jest to compare with: the repository's own when it has one installed (its
 * version, and what it needs to read its config), else this project's.
 */
function jestHome(dir) {
  return existsSync(join(dir, 'node_modules/jest/bin/jest.js')) ? dir : ROOT
}

/** `jest --listTests --findRelatedTests` through jest's own runCLI, timed after jest is imported. */
async function jestInProcess(dir, { changed, config }, cacheDirectory) {
  const { runCLI } = createRequire(join(jestHome(dir), 'package.json'))('jest')
  const log = console.log
  let listed = 0
  console.log = text =>
    (listed += String(text)
      .split('\n')
      .filter(line => line.startsWith('/')).length)
  const started = process.hrtime.bigint()
  try {
    await runCLI(
      {
        $0: 'jest',
        _: changed.map(f => join(dir, f)),
        listTests: true,
        findRelatedTests: true,
        cacheDirectory,
        ...(config ? { config } : {})
      },
      [dir]
    )
  } finally {
    console.log = log
  }
  return { ms: ms(started), count: listed }
}

/** One run in a fresh, plain node (no loader: the bundle is plain JavaScript). */
function fresh(kind, dir, rev, extra) {
  const result = spawnSync(process.execPath, [SELF, '--child', kind, dir, rev, extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, BENCH_SELECT_BUNDLE: bundleEntry }
  })
  if (result.status !== 0) throw new Error(`bench child ${kind} failed: ${result.stderr}`)
  return JSON.parse(result.stdout.trimEnd().split('\n').at(-1))
}

/** RUNS fresh runs; the one with the median time, with every time. */
function freshRuns(kind, dir, rev, extra, before = () => undefined) {
  const runs = []
  for (let i = 0; i < RUNS; i++) {
    before()
    runs.push(fresh(kind, dir, rev, extra))
  }
  const middle = median(runs.map(r => r.ms))
  return { ...runs.find(r => r.ms === middle), all: runs.map(r => r.ms.toFixed(0)).join(', ') }
}

/** Cold builds (no cache; the last one leaves its cache in cacheFile), then their median. */
function coldGraph(dir, rev, cacheFile, label) {
  const cold = freshRuns('graph', dir, rev, '-')
  fresh('graph', dir, rev, cacheFile) // fills the cache for the warm runs
  console.log(
    `${label}: ${cold.files} files (${cold.ts} TS), ${cold.modules} scanned modules, ${cold.tests} tests`
  )
  console.log(
    `  cold graph build      ${cold.ms.toFixed(0)} ms wall, ${cold.cpuMs.toFixed(0)} ms CPU (${((cold.ms * 10000) / Math.max(1, cold.modules)).toFixed(0)} ms per 10,000 scanned files; runs ${cold.all} ms; load average ${loadAverage()})`
  )
  return cold
}

/** Warm builds, each from the same cache (as a CI job restores it) after the change. */
function warmGraph(dir, rev, cacheFile, label = 'warm graph build') {
  const copy = `${cacheFile}.run`
  const warm = freshRuns('graph', dir, rev, copy, () => copyFileSync(cacheFile, copy))
  console.log(
    `  ${label.padEnd(21)} ${warm.ms.toFixed(0)} ms wall, ${warm.cpuMs.toFixed(0)} ms CPU (${warm.scanned} rescanned, ${warm.cacheHits} from cache, ${warm.linked} modules linked; runs ${warm.all} ms; load average ${loadAverage()})`
  )
  return warm.ms
}

function jestRelated(dir, changed, cacheDirectory, config) {
  const started = process.hrtime.bigint()
  const args = [
    join(jestHome(dir), 'node_modules/jest/bin/jest.js'),
    '--listTests',
    `--cacheDirectory=${cacheDirectory}`,
    ...(config ? ['--config', config] : []),
    '--findRelatedTests',
    ...changed.map(f => join(dir, f))
  ]
  const result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 })
  const elapsed = ms(started)
  const count = result.stdout.split('\n').filter(l => l.startsWith('/')).length
  const failed = result.status !== 0
  if (failed)
    console.log(`  (jest exited ${result.status}: ${result.stderr.split('\n').slice(0, 3).join(' ')})`)
  return { elapsed, count, failed }
}

/**
 * jest cold (each run with an empty cache folder) and warm (its cache filled), medians of RUNS:
 * as a process, and cold in-process (runCLI in a fresh node, timed after jest's import).
 */
function jestTimes(dir, changed, work, config) {
  const cold = []
  for (let i = 0; i < RUNS; i++) cold.push(jestRelated(dir, changed, join(work, `jest-cache-${i}`), config))
  // A jest that cannot run here (a config it cannot load) is no figure to compare with.
  if (cold.some(run => run.failed)) {
    console.log('  jest could not list the related tests here: no comparison with it')
    return undefined
  }
  const warm = []
  for (let i = 0; i < RUNS; i++) warm.push(jestRelated(dir, changed, join(work, 'jest-cache-0'), config))
  const home = jestHome(dir)
  const version = JSON.parse(readFileSync(join(home, 'node_modules/jest/package.json'), 'utf8')).version
  console.log(
    `  jest ${version} (${home === ROOT ? "this project's" : "the repository's own"}) --findRelatedTests selects ${warm[0].count} test files`
  )
  let inProcess = Number.NaN
  try {
    inProcess = median(
      Array.from(
        { length: RUNS },
        (_, i) => fresh('jest', dir, JSON.stringify({ changed, config }), join(work, `jest-in-${i}`)).ms
      )
    )
  } catch (error) {
    console.log(
      `  (jest in-process failed: ${
        String(error.message)
          .split('\n')
          .find(line => line.includes('Error')) ?? ''
      })`
    )
  }
  return {
    cold: median(cold.map(r => r.elapsed)),
    warm: median(warm.map(r => r.elapsed)),
    inProcess,
    count: warm[0].count
  }
}

function report(label, ours, theirs, what) {
  console.log(
    `  ${label.padEnd(21)} ${theirs.toFixed(0)} ms  → ${what} (${ours.toFixed(0)} ms) is ${(theirs / ours).toFixed(1)}x faster`
  )
}

/** A whole `select` of HEAD~1..HEAD with no cache at all, in fresh processes: everything a first run does. */
function coldSelect(dir) {
  const run = freshRuns('select', dir, 'HEAD', 'demand')
  console.log(
    '  cold select'.padEnd(24) +
      `${run.ms.toFixed(0)} ms → ${run.tests} test files, ${run.scanned} files scanned (${run.graph} graph; runs ${run.all} ms)` +
      (run.typeCheckMs ? `; of which ${run.typeCheckMs} ms type-checking for ts-jest` : '')
  )
  return run.ms
}

/** The CLI (dist/cli) as a process, like a user or a CI step runs it, with an empty work folder. */
function cliSelect(dir) {
  const cli = join(ROOT, 'dist/cli/index.js')
  if (!existsSync(cli)) {
    console.log('  (dist/cli/index.js missing: run npm run build to time the CLI)')
    return Number.NaN
  }
  const times = []
  let tests
  for (let i = 0; i < RUNS; i++) {
    const home = mkdtempSync(join(tmpdir(), 'ci-medic-bench-home-'))
    try {
      const started = process.hrtime.bigint()
      const result = spawnSync(
        process.execPath,
        [cli, 'select', '--base', 'HEAD~1', '--head', 'HEAD', '--json'],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, CI_MEDIC_HOME: home, GITHUB_ACTIONS: '' } }
      )
      times.push(ms(started))
      tests = result.status === 0 ? JSON.parse(result.stdout).tests.length : `exit ${result.status}`
    } finally {
      rmSync(home, { recursive: true, force: true })
    }
  }
  const elapsed = median(times)
  console.log(
    `  CLI select, cold      ${elapsed.toFixed(0)} ms wall (node start, bundle, change detection) → ${tests} test files`
  )
  return elapsed
}

async function generated() {
  const files = Number(arg('files', '10000'))
  if (!Number.isInteger(files) || files < 0)
    throw new Error(`--files ${arg('files')}: a whole number of files, 0 to skip`)
  if (files === 0) {
    console.log('generated repository: skipped (--files 0)')
    return true
  }
  const work = mkdtempSync(join(tmpdir(), 'ci-medic-bench-select-'))
  const dir = join(work, 'repo')
  try {
    git(work, 'init', '-q', 'repo')
    // ~80% modules, 2% barrels, 18% tests
    const modules = Math.round(files * 0.8)
    const perFolder = 40
    const tests = files - modules - Math.ceil(modules / perFolder)
    const t0 = process.hrtime.bigint()
    const model = generateProject(dir, {
      modules,
      tests,
      layers: 8,
      perFolder,
      seed: 11,
      nodeModules: join(ROOT, 'node_modules')
    })
    git(dir, 'add', '-A')
    git(dir, 'commit', '-qm', 'base')
    console.log(`generated ${model.files.length} files in ${(ms(t0) / 1000).toFixed(1)} s`)
    const cacheFile = join(work, 'cache', 'scans.json')
    const cold = coldGraph(dir, 'HEAD', cacheFile, 'generated repository')
    // Touch a few files: function bodies in five modules spread over the layers.
    const changed = []
    for (const mod of [
      model.mods[3],
      model.mods[Math.floor(modules / 3)],
      model.mods[Math.floor(modules / 2)],
      model.mods[Math.floor(modules * 0.7)],
      model.mods[modules - 2]
    ]) {
      const path = join(dir, mod.path)
      writeFileSync(path, readFileSync(path, 'utf8').replace('return total %', 'return (total + 1) %'))
      changed.push(mod.path)
    }
    git(dir, 'commit', '-qam', 'touch five modules')
    const warmMs = warmGraph(dir, 'HEAD', cacheFile)
    const selectMs = coldSelect(dir)
    const cliMs = cliSelect(dir)
    const jest = jestTimes(dir, changed, work)
    if (!jest) throw new Error('jest could not run on the generated repository')
    // Then a module added and one deleted: the list of files changes, which the cache follows.
    writeFileSync(join(dir, dirname(changed[0]), 'bench-added.ts'), 'export const benchAdded = 1\n')
    rmSync(join(dir, model.mods[Math.floor(modules / 4)].path))
    git(dir, 'add', '-A')
    git(dir, 'commit', '-qm', 'add a module, delete one')
    warmGraph(dir, 'HEAD', cacheFile, 'warm, files added/deleted')
    report('jest cold (no cache)', cold.ms, jest.cold, 'cold graph build')
    report('', selectMs, jest.cold, 'cold select')
    report('jest cold in-process', selectMs, jest.inProcess, 'cold select')
    report('jest warm (its cache)', warmMs, jest.warm, 'warm graph build')
    report('  process to process', cliMs, jest.cold, 'CLI select, cold')
    const verdict = (ok, text) => console.log(`  ${ok ? 'PASS' : 'FAIL'} ${text}`)
    const coldBar = 1000 * (files / 10000)
    const checks = [
      [cold.ms <= coldBar, `cold graph build ${cold.ms.toFixed(0)} ms <= ${coldBar} ms`],
      [warmMs <= 200, `warm graph build ${warmMs.toFixed(0)} ms <= 200 ms`],
      [
        jest.inProcess / selectMs >= 5,
        'cold select at least 5x faster than jest cold, both timed in-process'
      ],
      [jest.warm / warmMs >= 5, 'warm graph build at least 5x faster than jest warm']
    ]
    for (const [ok, text] of checks) verdict(ok, text)
    console.log(
      `  (info) the full cold graph is ${(jest.cold / cold.ms).toFixed(1)}x jest cold: select builds it only when the demand-driven graph declines`
    )
    return checks.every(([ok]) => ok)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/**
 * A real repository's figures; `bars` false for this project, whose figures are information: it
 * is small, and its 40 MB of committed bundles dwarf its sources.
 */
async function realRepository(path, bars = true) {
  const dir = resolve(path)
  const rev = arg('rev', 'HEAD')
  const work = mkdtempSync(join(tmpdir(), 'ci-medic-bench-real-'))
  try {
    const cacheFile = join(work, 'scans.json')
    const cold = coldGraph(dir, git(dir, 'rev-parse', `${rev}^{commit}`), cacheFile, `repository ${path}`)
    // A work tree at `rev` with one commit that changes a function body in each picked file.
    const clone = join(work, 'clone')
    git(work, 'clone', '--quiet', '--shared', '--no-checkout', dir, clone)
    git(clone, 'checkout', '--quiet', '--detach', git(dir, 'rev-parse', rev))
    // jest needs the repository's installed packages (its transforms, presets).
    if (existsSync(join(dir, 'node_modules')) && !existsSync(join(clone, 'node_modules')))
      symlinkSync(join(dir, 'node_modules'), join(clone, 'node_modules'), 'dir')
    // Five files spread over the source list, each with a function body to change.
    const changed = []
    const sources = cold.sources
    const step = Math.max(1, Math.floor(sources.length / 5))
    for (let bucket = 0; bucket < 5; bucket++) {
      for (let i = bucket * step; i < Math.min(sources.length, (bucket + 1) * step); i++) {
        const file = sources[i]
        const text = readFileSync(join(clone, file), 'utf8')
        // The value is the same, and so is its type: `void 0 || x` would be a type error under
        // TypeScript 5.6+ ("always falsy"), and ts-jest would then take every loader.
        const edited = text.replace(/\breturn (?!;)/, 'return (0 as never) || ')
        if (edited === text) continue
        writeFileSync(join(clone, file), edited)
        changed.push(file)
        break
      }
    }
    if (changed.length === 0) return true
    // Only the picked files: a mirror that lacks some blobs checks out without them, and `commit -a`
    // would commit their deletion too (a change of the file list, which no longer measures a warm
    // build after body changes). Their entries stay as they are, blobs missing.
    git(clone, 'add', '--', ...changed)
    const tree = git(clone, 'write-tree', '--missing-ok')
    const commit = git(
      clone,
      'commit-tree',
      tree,
      '-p',
      'HEAD',
      '-m',
      'bench: change a function body in each picked file'
    )
    git(clone, 'update-ref', 'HEAD', commit)
    const missing = git(clone, 'ls-files', '--deleted')
    if (missing)
      console.log(
        `  (the checkout lacks ${missing.split('\n').length} file(s) whose blobs the mirror does not have; they stay in the commit as they were)`
      )
    console.log(`  changed for the comparison: ${changed.join(', ')}`)
    // As a CI job after the change: the cache of the last run at `rev`.
    const warmMs = warmGraph(clone, 'HEAD', cacheFile)
    const selectMs = coldSelect(clone)
    const config =
      existsSync(join(clone, 'jest.config.js')) || existsSync(join(clone, 'jest.config.ts'))
        ? undefined
        : JSON.stringify({ rootDir: clone })
    const jest = jestTimes(clone, changed, work, config)
    // Then a module added beside the first changed one and another source deleted, committed the
    // same way: the list of files changes, which the cache follows.
    const deleted = sources[Math.floor(sources.length / 2)]
    const added = `${dirname(changed[0])}/bench-added.ts`
    writeFileSync(join(clone, added), 'export const benchAdded = 1\n')
    git(clone, 'add', '--', added)
    git(clone, 'rm', '--quiet', '--cached', '--', deleted)
    git(
      clone,
      'update-ref',
      'HEAD',
      git(
        clone,
        'commit-tree',
        git(clone, 'write-tree', '--missing-ok'),
        '-p',
        'HEAD',
        '-m',
        'bench: add a module, delete one'
      )
    )
    warmGraph(clone, 'HEAD', cacheFile, 'warm, files added/deleted')
    // Per file scanned, the stricter reading: many of a real repository's files are not code.
    const coldBar = 1000 * (cold.modules / 10000)
    const checks = [
      [
        cold.ms <= coldBar,
        `cold graph build ${cold.ms.toFixed(0)} ms <= ${coldBar.toFixed(0)} ms (1 s per 10,000 files scanned)`
      ],
      [warmMs <= 200, `warm graph build ${warmMs.toFixed(0)} ms <= 200 ms`]
    ]
    // A jest that relates no test file to the changes (its `roots` leave the sources out of its
    // map) did not do the work it would be compared on.
    if (jest?.count === 0)
      console.log(
        `  jest cold ${jest.cold.toFixed(0)} ms, in-process ${jest.inProcess.toFixed(0)} ms, warm ${jest.warm.toFixed(0)} ms: ` +
          'it related no test file to these changes, so no comparison with it'
      )
    else if (jest) {
      report('jest cold (no cache)', cold.ms, jest.cold, 'cold graph build')
      report('', selectMs, jest.cold, 'cold select')
      report('jest cold in-process', selectMs, jest.inProcess, 'cold select')
      report('jest warm (its cache)', warmMs, jest.warm, 'warm graph build')
      checks.push(
        [
          jest.inProcess / selectMs >= 5,
          'cold select at least 5x faster than jest cold, both timed in-process'
        ],
        [jest.warm / warmMs >= 5, 'warm graph build at least 5x faster than jest warm']
      )
    }
    for (const [ok, text] of checks)
      console.log(`  ${bars ? (ok ? 'PASS' : 'FAIL') : ok ? '(info) within' : '(info) outside'} ${text}`)
    return !bars || checks.every(([ok]) => ok)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** ncc's bundle of what the bench times, in a temporary folder. */
function buildBundle() {
  const out = mkdtempSync(join(tmpdir(), 'ci-medic-bench-bundle-'))
  const ncc = join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js')
  const build = (entry, folder) =>
    execFileSync(
      process.execPath,
      [ncc, 'build', join(ROOT, entry), '-o', folder, '--target', 'es2022', '--transpile-only', '--quiet'],
      { cwd: ROOT, stdio: 'inherit' }
    )
  build('scripts/bench-select-entry.ts', out)
  // Beside the bundle, as in dist/ (scripts/build.mjs).
  for (const worker of WORKERS) build(`src/select/${worker}.ts`, join(out, worker))
  return out
}

const bundleDir = buildBundle()
bundleEntry = join(bundleDir, 'index.js')
let ok = false
try {
  ok = await generated()
  const real = arg('repo', process.env.SELECT_BENCH_REPO)
  if (real) ok = (await realRepository(real)) && ok
  else {
    // This project is small: its figures are information, not bars.
    console.log('\nreal repository: this one (set SELECT_BENCH_REPO or --repo for a larger one)')
    await realRepository(ROOT, false)
  }
} finally {
  rmSync(bundleDir, { recursive: true, force: true })
}
process.exitCode = ok ? 0 : 1
