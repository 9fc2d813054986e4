// Times the selection graph build (list files, scan, resolve, link) on a generated repository of
// 10,000 TypeScript files, cold (no cache) and warm (scan cache, a few files changed); a whole cold
// `select` (demand-driven graph, and full graph), in process and through the CLI; and runs
// `jest --listTests --findRelatedTests` on the same changed files in the same run.
//   node --import tsx scripts/bench-select.mjs [--files 10000] [--repo PATH] [--rev REV]
// A real repository: --repo PATH (a clone or a bare mirror) or SELECT_BENCH_REPO=PATH; five of its
// source files get a function-body change in a temporary clone, which jest also runs on.
// Bars (issue #3): cold <= 1 s per 10,000 files, warm <= 200 ms, >= 5x faster than jest.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateProject } from './select-gen.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const { buildRepositoryGraph, selectTests } = await import('../src/select/index.ts')
const { ScanCache } = await import('../src/select/scan-cache.ts')
const { Git } = await import('../src/ports/git.ts')
const { streamLogger } = await import('../src/ports/log.ts')

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
const silent = streamLogger(() => undefined)
const TEST_FOLDER = /(?:^|\/)(?:test|tests|__tests__|spec|e2e|fixtures?)\//

/** CPU time of this process (user + system) in ms: close to the wall time on an idle machine. */
function cpuNow() {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0]
  } catch {
    return 'n/a'
  }
}

async function graphTimes(dir, head, cacheFile, label) {
  const cold = process.hrtime.bigint()
  const coldCpu = cpuNow()
  const coldCache = new ScanCache(cacheFile)
  const graph = await buildRepositoryGraph(new Git(dir), head, { cache: coldCache })
  const coldMs = ms(cold)
  const coldCpuMs = cpuNow() - coldCpu
  coldCache.save()
  const tsFiles = [...graph.scans.keys()].filter(f => /\.[cm]?tsx?$/.test(f)).length
  console.log(
    `${label}: ${graph.stats.files} files (${tsFiles} TS), ${graph.graph.nodes.size} scanned modules, ${[...graph.files].filter(graph.isTest).length} tests`
  )
  console.log(
    `  cold graph build      ${coldMs.toFixed(0)} ms wall, ${coldCpuMs.toFixed(0)} ms CPU (${((coldMs * 10000) / Math.max(1, tsFiles)).toFixed(0)} ms wall per 10,000 TS files; load average ${loadAverage()})`
  )
  return { coldMs, graph, tsFiles }
}

async function warmTimes(dir, head, cacheFile) {
  const warm = process.hrtime.bigint()
  const warmCpu = cpuNow()
  const cache = new ScanCache(cacheFile)
  const graph = await buildRepositoryGraph(new Git(dir), head, { cache })
  const warmMs = ms(warm)
  const warmCpuMs = cpuNow() - warmCpu
  cache.save()
  console.log(
    `  warm graph build      ${warmMs.toFixed(0)} ms wall, ${warmCpuMs.toFixed(0)} ms CPU (${graph.stats.scanned} rescanned, ${graph.stats.cacheHits} from cache; load average ${loadAverage()})`
  )
  return warmMs
}

function jestRelated(dir, changed, cacheDirectory, config) {
  const started = process.hrtime.bigint()
  const args = [
    join(ROOT, 'node_modules/jest/bin/jest.js'),
    '--listTests',
    `--cacheDirectory=${cacheDirectory}`,
    ...(config ? ['--config', config] : []),
    '--findRelatedTests',
    ...changed.map(f => join(dir, f))
  ]
  const result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 })
  const elapsed = ms(started)
  const count = result.stdout.split('\n').filter(l => l.startsWith('/')).length
  if (result.status !== 0)
    console.log(`  (jest exited ${result.status}: ${result.stderr.split('\n').slice(0, 3).join(' ')})`)
  return { elapsed, count }
}

function report(label, ours, theirs, what = 'ours') {
  console.log(
    `  ${label.padEnd(21)} ${theirs.toFixed(0)} ms  → ${what} (${ours.toFixed(0)} ms) is ${(theirs / ours).toFixed(1)}x faster`
  )
}

/**
 * A whole `select` of HEAD~1..HEAD with no cache at all, in this process: change detection aside,
 * everything a first run does. The median of three.
 */
async function coldSelect(dir, graph) {
  const times = []
  let result
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint()
    result = await selectTests({ git: new Git(dir), base: 'HEAD~1', head: 'HEAD', log: silent, graph })
    times.push(ms(started))
  }
  const median = times.sort((a, b) => a - b)[1]
  console.log(
    `  cold select (${graph})`.padEnd(24) +
      `${median.toFixed(0)} ms median of 3 → ${result.tests.length} test files, ${result.stats.scanned} files scanned (${result.stats.graph} graph)` +
      (result.stats.typeCheckMs ? `; of which ${result.stats.typeCheckMs} ms type-checking for ts-jest` : '')
  )
  return median
}

/** The CLI (dist/cli) as a process, like a user or a CI step runs it, with an empty work folder. */
function cliSelect(dir) {
  const cli = join(ROOT, 'dist/cli/index.js')
  if (!existsSync(cli)) {
    console.log('  (dist/cli/index.js missing: run npm run build to time the CLI)')
    return Number.NaN
  }
  const home = mkdtempSync(join(tmpdir(), 'ci-medic-bench-home-'))
  try {
    const started = process.hrtime.bigint()
    const result = spawnSync(
      process.execPath,
      [cli, 'select', '--base', 'HEAD~1', '--head', 'HEAD', '--json'],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, CI_MEDIC_HOME: home, GITHUB_ACTIONS: '' }
      }
    )
    const elapsed = ms(started)
    const tests = result.status === 0 ? JSON.parse(result.stdout).tests.length : `exit ${result.status}`
    console.log(
      `  CLI select, cold      ${elapsed.toFixed(0)} ms wall (node start, bundle, change detection) → ${tests} test files`
    )
    return elapsed
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
}

async function generated() {
  const files = Number(arg('files', '10000'))
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
    const { coldMs } = await graphTimes(dir, 'HEAD', cacheFile, 'generated repository')
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
    const warmMs = await warmTimes(dir, 'HEAD', cacheFile)
    const demandMs = await coldSelect(dir, 'demand')
    await coldSelect(dir, 'full')
    const cliMs = cliSelect(dir)
    const jestCache = join(work, 'jest-cache')
    const jestCold = jestRelated(dir, changed, jestCache)
    const jestWarm = jestRelated(dir, changed, jestCache)
    console.log(`  jest --findRelatedTests selects ${jestWarm.count} test files`)
    report('jest cold (no cache)', demandMs, jestCold.elapsed, 'cold select')
    report('jest warm (its cache)', warmMs, jestWarm.elapsed, 'warm graph')
    report('  process to process', cliMs, jestCold.elapsed, 'CLI select, cold')
    const verdict = (ok, text) => console.log(`  ${ok ? 'PASS' : 'FAIL'} ${text}`)
    const coldBar = 1000 * (files / 10000)
    verdict(demandMs <= coldBar, `cold select ${demandMs.toFixed(0)} ms <= ${coldBar} ms`)
    console.log(
      `  (info) full cold graph build ${coldMs.toFixed(0)} ms ${coldMs <= coldBar ? '<=' : '>'} ${coldBar} ms: what selection builds when the demand-driven graph declines`
    )
    verdict(warmMs <= 200, `warm ${warmMs.toFixed(0)} ms <= 200 ms`)
    verdict(
      jestCold.elapsed / demandMs >= 5 && jestWarm.elapsed / warmMs >= 5,
      'at least 5x faster than jest (cold select vs jest cold, warm graph vs jest warm)'
    )
    return demandMs <= coldBar && warmMs <= 200
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

async function realRepository(path) {
  const dir = resolve(path)
  const rev = arg('rev', 'HEAD')
  const work = mkdtempSync(join(tmpdir(), 'ci-medic-bench-real-'))
  try {
    const cacheFile = join(work, 'scans.json')
    const { coldMs, graph } = await graphTimes(dir, rev, cacheFile, `repository ${path}`)
    const warmMs = await warmTimes(dir, rev, cacheFile)
    const sources = [...graph.scans.keys()].filter(
      f => /\.[cm]?tsx?$/.test(f) && !f.endsWith('.d.ts') && !graph.isTest(f) && !TEST_FOLDER.test(f)
    )
    // A work tree at `rev` with one commit that changes a function body in each picked file.
    const clone = join(work, 'clone')
    git(work, 'clone', '--quiet', '--shared', '--no-checkout', dir, clone)
    git(clone, 'checkout', '--quiet', '--detach', git(dir, 'rev-parse', rev))
    // jest needs the repository's installed packages (its transforms, presets).
    if (existsSync(join(dir, 'node_modules')) && !existsSync(join(clone, 'node_modules')))
      symlinkSync(join(dir, 'node_modules'), join(clone, 'node_modules'), 'dir')
    // Five files spread over the source list, each with a function body to change.
    const changed = []
    const step = Math.max(1, Math.floor(sources.length / 5))
    for (let bucket = 0; bucket < 5; bucket++) {
      for (let i = bucket * step; i < Math.min(sources.length, (bucket + 1) * step); i++) {
        const file = sources[i]
        const text = readFileSync(join(clone, file), 'utf8')
        const edited = text.replace(/\breturn (?!;)/, 'return void 0 || ')
        if (edited === text) continue
        writeFileSync(join(clone, file), edited)
        changed.push(file)
        break
      }
    }
    if (changed.length === 0) return
    git(clone, 'commit', '--quiet', '-am', 'bench: change a function body in each picked file')
    console.log(`  changed for the comparison: ${changed.join(', ')}`)
    const demandMs = await coldSelect(clone, 'demand')
    await coldSelect(clone, 'full')
    const jestCache = join(work, 'jest-cache')
    const config =
      existsSync(join(clone, 'jest.config.js')) || existsSync(join(clone, 'jest.config.ts'))
        ? undefined
        : JSON.stringify({ rootDir: clone })
    const jestCold = jestRelated(clone, changed, jestCache, config)
    const jestWarm = jestRelated(clone, changed, jestCache, config)
    console.log(`  jest --findRelatedTests selects ${jestWarm.count} test files`)
    report('jest cold (no cache)', demandMs, jestCold.elapsed, 'cold select')
    report('jest warm (its cache)', warmMs, jestWarm.elapsed, 'warm graph')
    console.log(`  (info) full cold graph build: ${coldMs.toFixed(0)} ms`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

const ok = await generated()
const real = arg('repo', process.env.SELECT_BENCH_REPO)
if (real) await realRepository(real)
else {
  console.log('\nreal repository: this one (set SELECT_BENCH_REPO or --repo for a larger one)')
  await realRepository(ROOT)
}
process.exitCode = ok ? 0 : 1
