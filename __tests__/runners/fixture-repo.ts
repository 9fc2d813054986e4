import { appendFileSync, cpSync, mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { createRepo, makeTempDir, type TestRepo } from '../support/git-repo.js'
import { PROJECT_ROOT } from '../support/harness.js'

export const FIXTURES = join(PROJECT_ROOT, '__tests__', 'fixtures', 'runners')

/** Offline, reproducible Go: no module downloads, no toolchain switch. */
export const GO_ENV = { GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local' }

/**
 * A git repository holding a copy of a fixture project, committed, with the project's shared
 * node_modules linked in (fixtures need no install of their own) and a state folder for the
 * flaky tests' first-run markers.
 */
export function fixtureRepo(name: string): { repo: TestRepo; state: string; home: string } {
  const repo = createRepo()
  cpSync(join(FIXTURES, name), repo.dir, { recursive: true })
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(repo.dir, 'node_modules'), 'dir')
  appendFileSync(join(repo.dir, '.git', 'info', 'exclude'), 'node_modules\n__pycache__/\n*.pyc\n')
  repo.git('add', '-A')
  repo.git('commit', '-q', '-m', `fixture ${name}`)
  const state = makeTempDir('ci-medic-state-')
  const home = makeTempDir('ci-medic-home-')
  mkdirSync(state, { recursive: true })
  return { repo, state, home }
}
