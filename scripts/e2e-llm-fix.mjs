#!/usr/bin/env node
/**
 * The fixer's fixtures (__tests__/fixtures/fix) against a real OpenAI-compatible endpoint — never
 * part of `npm test`. Same variables as scripts/e2e-llm.mjs:
 *
 *   CI_MEDIC_LLM_BASE_URL, CI_MEDIC_LLM_MODEL, CI_MEDIC_LLM_API_KEY, CI_MEDIC_CONTEXT_BUDGET (default 8000)
 *   CI_MEDIC_FIX_FIXTURES   optional, comma-separated subset (default: all)
 *
 * For each fixture it builds the repository, runs the real tests, lets the model fix the bug through
 * the same agent loop, validation and budgets as the action, and prints status, iterations, tokens
 * and the patch size. Exits 1 when a fixture is not fixed. Without an endpoint it skips (exit 0).
 */
const baseUrl = process.env.CI_MEDIC_LLM_BASE_URL?.trim()
const model = process.env.CI_MEDIC_LLM_MODEL?.trim()
const apiKey = process.env.CI_MEDIC_LLM_API_KEY?.trim() || 'no-key'
const contextBudget = Number(process.env.CI_MEDIC_CONTEXT_BUDGET ?? 8000)

if (!baseUrl || !model) {
  console.log(
    'e2e:llm (fixer) skipped: set CI_MEDIC_LLM_BASE_URL and CI_MEDIC_LLM_MODEL (and CI_MEDIC_LLM_API_KEY) to run it.'
  )
  process.exit(0)
}

const { register } = await import('tsx/esm/api')
register()
const { buildFixFixture, FIXTURE_NAMES } = await import('../__tests__/fix/fixture-repo.ts')
const { prepare, runFixer } = await import('../__tests__/fix/pipeline.ts')
const { cleanupAll } = await import('../__tests__/support/git-repo.ts')

const wanted = (process.env.CI_MEDIC_FIX_FIXTURES ?? '')
  .split(',')
  .map(s => s.trim())
  .filter(Boolean)
let failed = 0
try {
  for (const name of FIXTURE_NAMES.filter(n => wanted.length === 0 || wanted.includes(n))) {
    const fixture = buildFixFixture(name)
    const prepared = await prepare(fixture)
    const started = Date.now()
    const { outcome } = await runFixer(fixture, prepared, baseUrl, { timeBudgetMs: 5 * 60_000 }, undefined, {
      apiKey,
      model,
      contextBudget
    })
    const clean = fixture.repo.git('status', '--porcelain') === ''
    const lines = outcome.best
      ? outcome.best.patch.split('\n').filter(l => /^[+-](?![+-])/.test(l)).length
      : 0
    console.log(
      `${name.padEnd(18)} ${outcome.status.padEnd(10)} iterations ${outcome.iterations}, tokens ${outcome.inputTokens}/${outcome.outputTokens}, ` +
        `first request ${outcome.firstRequestTokens}, patch ${lines} lines, ${Math.round((Date.now() - started) / 1000)}s, tree ${clean ? 'clean' : 'DIRTY'}`
    )
    if (outcome.status !== 'fixed') console.log(`  why: ${outcome.reason}`)
    else console.log(`  root cause: ${outcome.best.rootCause}`)
    if (outcome.status !== 'fixed' || !clean) failed++
  }
} finally {
  cleanupAll()
}
process.exitCode = failed ? 1 : 0
