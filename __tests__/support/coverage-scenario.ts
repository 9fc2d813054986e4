// Scenarios of selection with a coverage map: a project in a real git repository (with this
// project's node_modules), a map recorded by CI Medic's runner, a change, a selection with and
// without the map, and a real run of the suite to learn which test files fail.
import { expect } from '@jest/globals'
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { Git } from '../../src/ports/git.js'
import { streamLogger } from '../../src/ports/log.js'
import { readCoverageMap, type CoverageMap } from '../../src/runners/coverage-map.js'
import { runTests } from '../../src/runners/index.js'
import { selectTests, type SelectResult } from '../../src/select/index.js'
import { createRepo, makeTempDir, type FileChanges, type TestRepo } from './git-repo.js'
import { PROJECT_ROOT } from './harness.js'

const quiet = streamLogger(() => undefined)

/** A repository of `files` that finds this project's node_modules (left out of git). */
export function projectRepo(files: FileChanges): TestRepo {
  const repo = createRepo({ files })
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(repo.dir, 'node_modules'), 'dir')
  repo.write('.git/info/exclude', 'node_modules\n')
  return repo
}

/** Records the coverage map of the whole suite at the repository's HEAD. */
export async function record(
  repo: TestRepo
): Promise<{ map: CoverageMap; recorded: number; passed: number; why?: string }> {
  const dir = makeTempDir('ci-medic-coverage-')
  const report = await runTests({
    repoDir: repo.dir,
    timeoutMs: 120_000,
    retries: 0,
    log: quiet,
    coverageDir: dir
  })
  return {
    map: readCoverageMap(dir),
    recorded: report.coverageMap?.recorded ?? 0,
    passed: report.totals.passed,
    why: report.coverageMap?.why
  }
}

/** The test files that fail at HEAD, from a real run of the suite by CI Medic's runner. */
export async function failingFiles(repo: TestRepo): Promise<string[]> {
  const report = await runTests({ repoDir: repo.dir, timeoutMs: 120_000, retries: 0, log: quiet })
  return report.files.filter(file => file.status !== 'passed').map(file => file.file)
}

/**
 * Commits `files`, selects from `base` with and without the map, runs the suite (`failingNow`,
 * by default CI Medic's runner) and checks that each failing test file is selected with the map.
 */
export async function change(
  repo: TestRepo,
  base: string,
  map: CoverageMap,
  files: FileChanges,
  failingNow: (repo: TestRepo) => string[] | Promise<string[]> = failingFiles
): Promise<{ withMap: SelectResult; graphOnly: SelectResult; failing: string[] }> {
  repo.commit('change', files)
  const select = (coverageMap?: CoverageMap): Promise<SelectResult> =>
    selectTests({ git: new Git(repo.dir), base, head: 'HEAD', log: quiet, coverageMap })
  const withMap = await select(map)
  const graphOnly = await select()
  const failing = await failingNow(repo)
  for (const test of failing) expect(withMap.tests).toContain(test)
  return { withMap, graphOnly, failing }
}
