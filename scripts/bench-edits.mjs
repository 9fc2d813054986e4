// Edit application on a corpus of imperfect model edits (__tests__/fixtures/edits/corpus.json):
// how many apply exactly as intended, how many are refused, and — the number that must stay 0 —
// how many change the file in a way that was not intended. Then the token size of the first fix
// request for each fixer fixture (the default context budget is 8K).
// Run with `npm run bench` (TypeScript sources are loaded through tsx).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const corpusDir = join(root, '__tests__/fixtures/edits')

const { applySearchReplace } = await import('../src/agent/edits.ts')

export function evaluateCorpus(apply = applySearchReplace) {
  const corpus = JSON.parse(readFileSync(join(corpusDir, 'corpus.json'), 'utf8'))
  const tally = { total: 0, shouldApply: 0, shouldRefuse: 0, correct: 0, wrong: 0, missed: 0, byKind: {} }
  const problems = []
  for (const item of corpus.cases) {
    const content = readFileSync(join(corpusDir, 'sources', item.file), 'utf8')
    const result = apply(content, { search: item.search, replace: item.replace }, item.file)
    const kind = (tally.byKind[item.kind] ??= { total: 0, correct: 0 })
    tally.total++
    kind.total++
    let verdict
    if (item.expect === 'applied') {
      tally.shouldApply++
      const eol = content.includes('\r\n') ? '\r\n' : '\n'
      const expected = content
        .replace(/\r\n/g, '\n')
        .replace(item.intent.search, () => item.intent.replace)
        .replace(/\n/g, eol)
      verdict = result.ok ? (result.content === expected ? 'correct' : 'wrong') : 'missed'
    } else {
      tally.shouldRefuse++
      verdict = result.ok ? 'wrong' : 'correct'
    }
    tally[verdict]++
    if (verdict === 'correct') kind.correct++
    else problems.push({ id: item.id, verdict, detail: result.ok ? result.strategy : result.reason })
  }
  return { tally, problems }
}

async function firstRequestSizes() {
  try {
    const { measureFirstFixRequests } = await import('../__tests__/fix/first-request.ts')
    return await measureFirstFixRequests()
  } catch (error) {
    return { error: error.message.split('\n')[0] }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { tally, problems } = evaluateCorpus()
  const rate = (100 * tally.correct) / tally.total
  console.log('## Edit application (corpus of imperfect model edits)')
  console.log(
    `cases: ${tally.total} (${tally.shouldApply} to apply, ${tally.shouldRefuse} to refuse) | ` +
      `correct: ${tally.correct} (${rate.toFixed(1)}%) | applied wrongly: ${tally.wrong} | not applied: ${tally.missed}`
  )
  for (const [kind, counts] of Object.entries(tally.byKind))
    console.log(`  ${kind.padEnd(24)} ${counts.correct}/${counts.total}`)
  for (const problem of problems) console.log(`  ✗ ${problem.id}: ${problem.verdict} (${problem.detail})`)
  console.log(
    `bar: ≥ 99% correct and 0 applied wrongly → ${rate >= 99 && tally.wrong === 0 ? 'PASS' : 'FAIL'}`
  )

  console.log('\n## First fix request size per fixture (default context budget 8000 tokens)')
  const sizes = await firstRequestSizes()
  if (sizes.error) console.log(`  not measured: ${sizes.error}`)
  else {
    for (const row of sizes)
      console.log(
        `  ${row.fixture.padEnd(24)} ${String(row.tokens).padStart(5)} tokens ${row.tokens <= row.budget ? '(within budget)' : '(OVER BUDGET)'}`
      )
  }
  if (rate < 99 || tally.wrong > 0) process.exitCode = 1
}
