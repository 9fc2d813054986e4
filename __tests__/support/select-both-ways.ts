// A selection made with the default (demand-driven) graph and again with the full graph, which
// must decide exactly the same: a scenario that uses it is also an equivalence check of the two.
import { expect } from '@jest/globals'
import { Git } from '../../src/ports/git.js'
import { streamLogger } from '../../src/ports/log.js'
import { selectTests, type SelectOptions, type SelectResult } from '../../src/select/index.js'
import { failingFiles, projectRepo } from './coverage-scenario.js'
import type { TestRepo } from './git-repo.js'

/** base..HEAD of the repository at `dir`, both ways; the demand-driven result. */
export async function selectBothWays(
  dir: string,
  base: string,
  extra: Partial<SelectOptions> = {}
): Promise<SelectResult> {
  const options = { git: new Git(dir), base, head: 'HEAD', log: streamLogger(() => undefined), ...extra }
  const result = await selectTests(options)
  const full = await selectTests({ ...options, graph: 'full' })
  expect(full.stats.graph ?? 'full').toBe('full')
  expect(decision(result)).toEqual(decision(full))
  return result
}

/**
 * A repository of `files` (with this project's node_modules, see projectRepo) and one edit of
 * `file` committed (`from` → `to`), and the selection of that commit both ways.
 */
export async function selectAfterEdit<Files extends Record<string, string>>(
  files: Files,
  file: keyof Files & string,
  from: string,
  to: string
): Promise<{ repo: TestRepo; result: SelectResult }> {
  const text = files[file] as string
  const repo = projectRepo(files)
  const base = repo.head()
  expect(text).toContain(from)
  repo.commit('change', { [file]: text.replace(from, to) })
  return { repo, result: await selectBothWays(repo.dir, base) }
}

/**
 * One edit of `file` (`from` → `to`): a real run of the suite fails exactly `failing`, every one
 * of which is in `selected`, and the selection (both ways) is exactly `selected`.
 */
export async function expectEditSelects<Files extends Record<string, string>>(
  files: Files,
  edit: [file: keyof Files & string, from: string, to: string],
  failing: string[],
  selected: string[]
): Promise<void> {
  const { repo, result } = await selectAfterEdit(files, ...edit)
  expect(await failingFiles(repo)).toEqual(failing)
  for (const test of failing) expect(selected).toContain(test)
  expect(result.tests).toEqual(selected)
}

/** What a selection decided, without how long it took or how the graph was built. */
function decision(result: SelectResult): Omit<SelectResult, 'stats'> {
  const { stats: _stats, ...rest } = result
  return rest
}
