/**
 * The size of the first fix request for each fixture, as the fixer builds it (the change, the
 * reached symbols, the failures and the suspect code, plus the system prompt and the tool list),
 * counted with the gateway's tokenizer. Used by scripts/bench-edits.mjs and the prompt tests.
 */
import { ALL_TOOLS } from '../../src/agent/tools.js'
import { PathPolicy } from '../../src/agent/paths.js'
import { failingTests, suspects } from '../../src/fix/localize.js'
import { buildFixPrompt } from '../../src/fix/prompt.js'
import { TokenCounter } from '../../src/llm/tokens.js'
import { cleanupAll } from '../support/git-repo.js'
import { buildFixFixture, FIXTURE_NAMES } from './fixture-repo.js'
import { prepare } from './pipeline.js'

export const DEFAULT_CONTEXT_BUDGET = 8000

export async function measureFirstFixRequests(
  model = 'openai/gpt-4.1',
  budget = DEFAULT_CONTEXT_BUDGET
): Promise<Array<{ fixture: string; tokens: number; budget: number }>> {
  const rows: Array<{ fixture: string; tokens: number; budget: number }> = []
  const counter = new TokenCounter(model)
  const tools = ALL_TOOLS.map(t => t.definition)
  try {
    for (const name of FIXTURE_NAMES) {
      const fixture = buildFixFixture(name)
      const prepared = await prepare(fixture)
      const failures = failingTests(prepared.report, fixture.repo.dir)
      const policy = new PathPolicy({ repoDir: fixture.repo.dir, knownTests: prepared.selectedFiles })
      const prompt = buildFixPrompt(
        {
          repoDir: fixture.repo.dir,
          failures,
          suspects: suspects(failures, file => policy.isTest(file), new Set(prepared.changedFiles)),
          changeDiff: prepared.changeDiff,
          selection: prepared.selection,
          allowTestEdits: false
        },
        model,
        budget,
        tools
      )
      const tokens = counter.countRequest(
        [
          { role: 'system', content: prompt.system },
          { role: 'user', content: prompt.user }
        ],
        tools
      )
      rows.push({ fixture: name, tokens, budget })
    }
  } finally {
    cleanupAll()
  }
  return rows
}
