#!/usr/bin/env node
// Checks, on a repository's own history, that the demand-driven graph selects exactly what the
// full graph selects: for each of the last N first-parent commits C, selects C~1..C both ways and
// compares the whole decision (tests, reasons, reach, notes, ...). Then, at HEAD, checks the
// invariant the demand-driven graph rests on: for every edge of the full graph, the importing file
// is among the candidates the quick pass finds for the imported file. Prints each difference and
// the mean time of each way; exits 1 when anything differs.
//   node scripts/select-equivalence.mjs --repo PATH [--commits 40]
import { execFileSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { isDeepStrictEqual } from 'node:util'
import { register } from 'tsx/esm/api'

register()
const { buildDemandRepositoryGraph, buildRepositoryGraph, selectTests } =
  await import('../src/select/index.ts')
const { Git } = await import('../src/ports/git.ts')
const { streamLogger } = await import('../src/ports/log.ts')

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const dir = arg('repo')
if (!dir) {
  console.error('usage: node scripts/select-equivalence.mjs --repo PATH [--commits 40]')
  process.exit(2)
}
const count = Number(arg('commits', '40'))
const commits = execFileSync('git', ['rev-list', '--no-merges', '--first-parent', `-n${count}`, 'HEAD'], {
  cwd: dir,
  encoding: 'utf8'
})
  .trim()
  .split('\n')
  .filter(Boolean)
const log = streamLogger(() => undefined)
const decision = ({ stats: _stats, ...rest }) => rest
let same = 0
let compared = 0
let demandRuns = 0
let demandMs = 0
let fullMs = 0
for (const commit of commits) {
  if (
    !execFileSync('git', ['rev-list', '--parents', '-n1', commit], { cwd: dir, encoding: 'utf8' })
      .trim()
      .includes(' ')
  )
    continue
  compared++
  const options = { git: new Git(dir), base: `${commit}~1`, head: commit, log }
  let started = performance.now()
  const demand = await selectTests(options)
  demandMs += performance.now() - started
  started = performance.now()
  const full = await selectTests({ ...options, graph: 'full' })
  fullMs += performance.now() - started
  if (demand.stats.graph === 'demand') demandRuns++
  if (isDeepStrictEqual(decision(demand), decision(full))) same++
  else
    console.log(
      `DIFFERS ${commit.slice(0, 12)}: demand ${demand.tests.length} tests (${demand.stats.graph}), full ${full.tests.length}`
    )
}
console.log(
  `${same} of ${compared} commits decided the same; ${demandRuns} used the demand-driven graph; mean ${(demandMs / compared).toFixed(0)} ms demand-driven, ${(fullMs / compared).toFixed(0)} ms full`
)

// Every edge of the full graph at HEAD must be found by the quick pass.
const git = new Git(dir)
const full = await buildRepositoryGraph(git, 'HEAD')
const demand = await buildDemandRepositoryGraph(git, 'HEAD')
let edges = 0
let missed = 0
if (demand) {
  const found = new Map()
  for (const [path, node] of full.graph.nodes) {
    if (node.scan.lang === 'data') continue
    const targets = new Set([
      ...node.loads.map(l => l.target),
      ...[...node.bindings.values()].flatMap(b => (b.target ? [b.target] : [])),
      ...node.exportAll
    ])
    for (const target of targets) {
      edges++
      if (!found.has(target)) found.set(target, new Set(demand.graph.candidateImporters(target)))
      if (!found.get(target).has(path)) {
        missed++
        if (missed <= 20) console.log(`MISSED EDGE ${path} -> ${target}`)
      }
    }
  }
}
console.log(
  demand
    ? `${edges - missed} of ${edges} edges of the full graph at HEAD found by the quick pass`
    : 'the demand-driven graph declined this repository (too many specifiers to resolve up front)'
)
process.exitCode = same === compared && missed === 0 ? 0 : 1
