// Deploy guard bench: how the default verdict settings trade false rollbacks against detection.
//
// 1. Simulated time (the injected clock): thousands of guard watches of a healthy deploy whose probes
//    fail 5% of the time at random (500s, timeouts, resets), and of bad deploys (500s, hangs, slow
//    answers over the latency ceiling, 60% errors) that turn bad at a random moment of the watch.
// 2. Two concurrent guard runs (the real `runGuard`, the real rollback lock against the loopback fake
//    GitHub, a real rollback command) per bad deploy: rollbacks per deploy must be exactly 1.
// 3. A few real-time runs against a real loopback HTTP service, with short timings.
//
// Bars (issue #7): false rollbacks <= 1%, bad deploys caught >= 99%, median time from the first bad
// response to the rollback starting <= 30 s with default settings, exactly 1 rollback per bad deploy.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readInputs } from '../src/config/schema.ts'
import { createContext } from '../src/engine.ts'
import { streamLogger } from '../src/ports/log.ts'
import { ManualClock } from '../src/guard/clock.ts'
import { runGuard } from '../src/guard/guard.ts'
import { healthUrlProbe } from '../src/guard/probes.ts'
import { defaultVerdictSettings } from '../src/guard/verdict.ts'
import { watchDeploy } from '../src/guard/watch.ts'
import { startFakeGitHub } from '../__tests__/support/fake-github.ts'
import { FakeDeployments } from '../__tests__/guard/fake-deployments.ts'
import { startService } from '../__tests__/guard/service.ts'

const HEALTHY_RUNS = Number(process.env.BENCH_GUARD_HEALTHY ?? 2000)
const BAD_RUNS = Number(process.env.BENCH_GUARD_BAD ?? 2000)
const here = dirname(fileURLToPath(import.meta.url))
const RACES = Number(process.env.BENCH_GUARD_RACES ?? 5)
const REAL_RUNS = Number(process.env.BENCH_GUARD_REAL ?? 5)
const NOISE = 0.05

function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const defaults = readInputs(() => '')
const settings = defaultVerdictSettings({
  warmupMs: defaults.warmup,
  windowMs: defaults.probeWindow,
  intervalMs: defaults.probeInterval,
  failureThreshold: defaults.failureThreshold,
  failureRatioPercent: defaults.failureRatio,
  ratioWindowMs: defaults.ratioWindow
})
const probe = healthUrlProbe('http://service.test/healthz', {
  timeoutMs: defaults.probeTimeout,
  latencyCeilingMs: defaults.latencyCeiling
})

/** One simulated answer: [outcome, latency ms, status]. */
function answer(state, kind, rnd) {
  const normal = () => 30 + rnd() * 120
  if (state === 'good' || (kind === 'partial' && rnd() >= 0.6)) {
    if (rnd() < NOISE) {
      const which = rnd()
      if (which < 0.6) return ['fail', normal(), 500]
      if (which < 0.8) return ['timeout', probe.timeoutMs]
      return ['transport-error', 5]
    }
    return ['pass', normal(), 200]
  }
  switch (kind) {
    case 'errors':
    case 'partial':
      return ['fail', normal(), 500]
    case 'hang':
      return ['timeout', probe.timeoutMs]
    case 'slow': {
      const latency = probe.latencyCeilingMs + 500 + rnd() * 1000
      return latency >= probe.timeoutMs ? ['timeout', probe.timeoutMs] : ['fail', latency, 200]
    }
  }
  throw new Error(kind)
}

/** A guard watch of a deploy that turns bad at `badAt` (ms after the deploy is ready; Infinity: never). */
async function simulate(seed, kind, badAt) {
  const rnd = random(seed)
  const clock = new ManualClock(1_000_000)
  const start = clock.now()
  let firstBad
  const run = async () => {
    const startedAt = clock.now()
    const state = startedAt - start >= badAt ? 'bad' : 'good'
    const [outcome, latency, status] = answer(state, kind, rnd)
    clock.advance(latency)
    const finishedAt = clock.now()
    if (state === 'bad' && outcome !== 'pass' && firstBad === undefined) firstBad = finishedAt
    return {
      probe: probe.name,
      startedAt,
      finishedAt,
      outcome,
      detail: outcome,
      status,
      latencyMs: outcome === 'timeout' ? undefined : latency
    }
  }
  const result = await watchDeploy({
    probes: [probe],
    run,
    clock,
    settings,
    intervalMs: defaults.probeInterval
  })
  return { result, firstBad }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
}
const pct = x => `${(x * 100).toFixed(2)}%`
const sec = ms => `${(ms / 1000).toFixed(1)} s`

console.log(
  `defaults: warmup ${defaults.warmup / 1000}s, interval ${defaults.probeInterval / 1000}s, window ${defaults.probeWindow / 1000}s, ` +
    `timeout ${defaults.probeTimeout / 1000}s, latency ceiling ${defaults.latencyCeiling / 1000}s, ` +
    `${defaults.failureThreshold} consecutive or ${defaults.failureRatio}% of ${defaults.ratioWindow / 1000}s (min ${settings.minRatioSamples} samples), ` +
    `inconclusive -> ${defaults.inconclusivePolicy}`
)

// ── 1. Simulated time ─────────────────────────────────────────────────────────────────────────
let falseRollbacks = 0
for (let i = 0; i < HEALTHY_RUNS; i++) {
  const { result } = await simulate(1 + i, 'errors', Infinity)
  const rollsBack =
    result.verdict === 'unhealthy' ||
    (result.verdict === 'inconclusive' && defaults.inconclusivePolicy === 'rollback')
  if (rollsBack) falseRollbacks++
}
const kinds = ['errors', 'hang', 'slow', 'partial']
const byKind = Object.fromEntries(kinds.map(k => [k, { runs: 0, caught: 0, times: [] }]))
const allTimes = []
// Bad from a random moment: a third from the start (inside the warm-up), the rest while being watched,
// leaving a minute of watch after the change so that there is something to catch.
const lastBadAt = defaults.warmup + defaults.probeWindow - 60_000
for (let i = 0; i < BAD_RUNS; i++) {
  const rnd = random(100_000 + i)
  const kind = kinds[i % kinds.length]
  const badAt = rnd() < 1 / 3 ? 0 : rnd() * lastBadAt
  const { result, firstBad } = await simulate(200_000 + i, kind, badAt)
  const stats = byKind[kind]
  stats.runs++
  const rollsBack =
    result.verdict === 'unhealthy' ||
    (result.verdict === 'inconclusive' && defaults.inconclusivePolicy === 'rollback')
  if (rollsBack && result.trip && firstBad !== undefined && result.trip.decidedAt >= firstBad) {
    stats.caught++
    const time = result.trip.decidedAt - firstBad
    stats.times.push(time)
    allTimes.push(time)
  }
}
const caught = kinds.reduce((s, k) => s + byKind[k].caught, 0)
console.log(`\nsimulated, ${HEALTHY_RUNS} healthy deploys with ${NOISE * 100}% random probe failures:`)
console.log(
  `  false rollbacks: ${falseRollbacks} (${pct(falseRollbacks / HEALTHY_RUNS)})   bar <= 1%   ${falseRollbacks / HEALTHY_RUNS <= 0.01 ? 'PASS' : 'FAIL'}`
)
console.log(`simulated, ${BAD_RUNS} bad deploys (5% noise while still good):`)
console.log(
  `  caught: ${caught} (${pct(caught / BAD_RUNS)})   bar >= 99%   ${caught / BAD_RUNS >= 0.99 ? 'PASS' : 'FAIL'}`
)
for (const k of kinds) {
  const s = byKind[k]
  console.log(
    `    ${k.padEnd(8)} caught ${s.caught}/${s.runs}; first bad response -> rollback: median ${sec(median(s.times))}, p95 ${sec(percentile(s.times, 0.95))}`
  )
}
const medianTime = median(allTimes)
console.log(
  `  median first bad response -> rollback started: ${sec(medianTime)}   bar <= 30 s   ${medianTime <= 30_000 ? 'PASS' : 'FAIL'}`
)
let failed = falseRollbacks / HEALTHY_RUNS > 0.01 || caught / BAD_RUNS < 0.99 || medianTime > 30_000

// ── 2. Two concurrent guard runs per bad deploy ───────────────────────────────────────────────
const silent = streamLogger(() => undefined)
const work = mkdtempSync(join(tmpdir(), 'ci-medic-bench-guard-'))
const ledger = join(work, 'rollbacks.txt')
const github = await startFakeGitHub()
github.store.install()
const fake = new FakeDeployments(github).install()
const rollbacksPer = []
try {
  const eventPath = join(work, 'event.json')
  writeFileSync(eventPath, JSON.stringify({ repository: { full_name: 'octo-org/shop' } }))
  for (let race = 0; race < RACES; race++) {
    const good = `${race}`.padStart(40, 'a')
    const bad = `${race}`.padStart(40, 'b')
    fake.add(good, 'production', ['success'])
    const deployment = fake.add(bad, 'production', ['success'])
    const guardRun = async seed => {
      const inputs = {
        command: 'guard',
        'health-url': 'http://service.test/healthz',
        environment: 'production',
        'rollback-command': `node -e "require('fs').appendFileSync(process.argv[1], process.env.CI_MEDIC_DEPLOYMENT_ID + '\\n')" ${ledger}`,
        'verify-window': '30s'
      }
      const env = {
        ...process.env,
        GITHUB_REPOSITORY: 'octo-org/shop',
        GITHUB_API_URL: github.url,
        GITHUB_SHA: bad,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: eventPath,
        CI_MEDIC_HOME: join(work, `home-${seed}`)
      }
      const { context } = createContext({
        getInput: name =>
          inputs[name] ?? (name === 'github-token' ? 'ghs_benchtoken0000000000000000000000000' : ''),
        env,
        log: silent,
        frontDoor: 'cli'
      })
      context.repoDir = work
      const rnd = random(seed)
      const clock = new ManualClock(2_000_000)
      const start = clock.now()
      const badAt = 40_000 + rnd() * 60_000
      let rolledBackAt = Infinity
      const probeRunner = async () => {
        const startedAt = clock.now()
        if (
          existsSync(ledger) &&
          readFileSync(ledger, 'utf8').includes(`${deployment.id}\n`) &&
          rolledBackAt === Infinity
        )
          rolledBackAt = startedAt
        const state = startedAt - start >= badAt && startedAt < rolledBackAt ? 'bad' : 'good'
        const [outcome, latency, status] = answer(state, 'errors', rnd)
        clock.advance(latency)
        return {
          probe: 'health',
          startedAt,
          finishedAt: clock.now(),
          outcome,
          detail: outcome,
          status,
          latencyMs: latency
        }
      }
      return runGuard(context, { clock, probeRunner, llm: async () => ({ disabledReason: 'bench' }) })
    }
    const results = await Promise.all([guardRun(race * 2 + 1), guardRun(race * 2 + 2)])
    const count = readFileSync(ledger, 'utf8')
      .split('\n')
      .filter(line => line === String(deployment.id)).length
    rollbacksPer.push(count)
    if (results.filter(r => r.outputs['rolled-back'] === 'true').length !== count) failed = true
  }
  // ── 3. Real time, real HTTP: the machinery's own overhead on top of the verdict ──────────────
  // Short timings (interval 100 ms, 4 in a row): the verdict alone takes 3 intervals = 300 ms.
  const realTimes = []
  for (let run = 0; run < REAL_RUNS; run++) {
    const good = `${run}`.padStart(40, 'c')
    const bad = `${run}`.padStart(40, 'd')
    fake.add(good, 'staging', ['success'])
    fake.add(bad, 'staging', ['success'])
    const service = await startService({
      v1: { kind: 'healthy' },
      v2: { kind: 'healthy-for', requests: 3 + run, then: { kind: 'status', status: 500 } }
    })
    service.deploy('v2')
    try {
      const inputs = {
        command: 'guard',
        'health-url': `${service.url}/healthz`,
        environment: 'staging',
        'rollback-command': `node ${join(here, '../__tests__/fixtures/guard/switch.mjs')} ${service.url} v1`,
        warmup: '200ms',
        'probe-interval': '100ms',
        'probe-window': '5s',
        'probe-timeout': '300ms',
        'verify-window': '300ms'
      }
      const { context } = createContext({
        getInput: name =>
          inputs[name] ?? (name === 'github-token' ? 'ghs_benchtoken0000000000000000000000000' : ''),
        env: {
          ...process.env,
          GITHUB_REPOSITORY: 'octo-org/shop',
          GITHUB_API_URL: github.url,
          GITHUB_SHA: bad,
          GITHUB_EVENT_NAME: 'push',
          GITHUB_EVENT_PATH: eventPath,
          CI_MEDIC_HOME: join(work, `real-${run}`)
        },
        log: silent,
        frontDoor: 'cli'
      })
      context.repoDir = work
      const result = await runGuard(context, { llm: async () => ({ disabledReason: 'bench' }) })
      const started = result.json.timeline.find(e => e.label.startsWith('Rollback started'))
      if (!started || !result.json.trip)
        throw new Error(`real run ${run}: no rollback (${result.json.outcome})`)
      realTimes.push(Date.parse(started.at) - result.json.trip.firstFailureAt)
    } finally {
      await service.close()
    }
  }
  if (REAL_RUNS) {
    console.log(`\nreal time, loopback HTTP service, interval 100 ms, ${REAL_RUNS} runs:`)
    console.log(
      `  first bad response -> rollback started: median ${median(realTimes)} ms (verdict alone: 300 ms; the rest is the lock and status requests)`
    )
  }
  github.assertNoViolations()
} finally {
  await github.close({ allowViolations: true })
  rmSync(work, { recursive: true, force: true })
}
const exactlyOnce = rollbacksPer.every(n => n === 1)
console.log(
  `\ntwo concurrent guard runs per bad deploy (real lock via the fake GitHub, real rollback command), ${RACES} deploys:`
)
console.log(
  `  rollbacks per bad deploy: ${rollbacksPer.join(' ')}   bar: exactly 1   ${exactlyOnce ? 'PASS' : 'FAIL'}`
)
if (!exactlyOnce) failed = true

process.exitCode = failed ? 1 : 0
