// `npm run bench -- generate`: how well the generator's filters separate good candidate tests from
// bad ones. Each fixture repository (TypeScript + jest, JavaScript + vitest, Python + pytest) gets a
// base commit and an untested change; its candidate corpus (good, failing, flaky, assertion-free,
// editing an existing test, covering nothing new, surviving every mutant, not parsing) goes through
// the real filters with the real test framework. Prints precision and recall of "kept" against the
// corpus labels (bar: 100% / 100%), whether each bad candidate fell to the filter it was written to
// fail, and the filter's wall time per candidate. Run alone: node --import tsx scripts/bench-generate.mjs
import { runCorpus } from '../__tests__/generate/corpus.ts'
import { cleanupAll } from '../__tests__/support/git-repo.ts'

const fixtures = process.argv.slice(2).length ? process.argv.slice(2) : ['ts-jest', 'js-vitest', 'py-pytest']
const rows = []
const tally = { tp: 0, fp: 0, fn: 0, tn: 0, wrongFilter: 0 }
const perFixture = []
try {
  for (const name of fixtures) {
    const run = await runCorpus(name)
    perFixture.push({
      name,
      framework: run.framework,
      candidates: run.outcomes.length,
      wallMs: run.wallMs,
      clean: run.statusAfter === ''
    })
    for (const o of run.outcomes) {
      const failed = o.verdicts.find(v => v.status === 'fail')
      const outcome = o.label === 'good' ? (o.kept ? 'tp' : 'fn') : o.kept ? 'fp' : 'tn'
      tally[outcome]++
      const rightFilter = o.label === 'good' ? o.kept : failed?.filter === o.rejectedBy
      if (!rightFilter) tally.wrongFilter++
      rows.push([
        name,
        o.name,
        o.label,
        o.kept ? 'kept' : `rejected by ${failed?.filter}`,
        rightFilter ? 'yes' : 'NO',
        `${o.filterMs}`
      ])
    }
  }
} finally {
  cleanupAll()
}

const pad = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ')
const header = ['fixture', 'candidate', 'label', 'verdict', 'as labelled', 'filter ms']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)))
console.log(pad(header, widths))
for (const row of rows) console.log(pad(row, widths))

const precision = tally.tp + tally.fp ? tally.tp / (tally.tp + tally.fp) : 1
const recall = tally.tp + tally.fn ? tally.tp / (tally.tp + tally.fn) : 1
const pct = x => `${(x * 100).toFixed(1)}%`
console.log(
  `\nfilter precision ${pct(precision)} (bar 100%), recall ${pct(recall)} (bar 100%): ${tally.tp} good kept, ${tally.fn} good rejected, ${tally.fp} bad kept, ${tally.tn} bad rejected`
)
console.log(
  `bad candidates rejected by the filter they were written to fail: ${tally.tn + tally.fp - rows.filter(r => r[2] === 'bad' && r[4] === 'NO').length}/${tally.tn + tally.fp}`
)
for (const f of perFixture) {
  console.log(
    `${f.name} (${f.framework}): filter wall time ${(f.wallMs / 1000).toFixed(1)} s for ${f.candidates} candidates = ${(f.wallMs / f.candidates / 1000).toFixed(2)} s per candidate; working tree restored: ${f.clean ? 'yes' : 'NO'}`
  )
}
if (precision < 1 || recall < 1 || tally.wrongFilter > 0 || perFixture.some(f => !f.clean))
  process.exitCode = 1
