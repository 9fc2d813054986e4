import { cloneShallow, createRepoWithRemote, type BareRemote, type TestRepo } from '../support/git-repo.js'
import type { RunEvent } from '../../src/ports/event.js'
import { streamLogger, type Logger } from '../../src/ports/log.js'

/** A logger that keeps every line, for asserting on what was logged. */
export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return Object.assign(
    streamLogger(line => lines.push(line), true),
    { lines }
  )
}

/** The RunEvent the action would read for this event name and payload. */
export function runEvent(name: string, payload: Record<string, any> = {}, sha?: string): RunEvent {
  return {
    name,
    payload,
    sha,
    ref: typeof payload.ref === 'string' ? payload.ref : undefined,
    apiUrl: 'http://127.0.0.1:9',
    serverUrl: 'https://github.com'
  }
}

export interface PullRequestScenario {
  origin: TestRepo
  remote: BareRemote
  /** Where main started; the true merge base of the pull request. */
  forkPoint: string
  /** main's tip after the branch was made (pull_request.base.sha). */
  baseSha: string
  /** The feature branch's tip (pull_request.head.sha). */
  headSha: string
  /** GitHub's test merge commit, pushed as refs/pull/1/merge. */
  mergeSha: string
}

/**
 * main: initial → (fork point) → one more commit on main after the branch was made;
 * feature: adds src/feature.ts, renames docs/old.md, deletes obsolete.ts, edits src/shared.ts.
 * GitHub's test merge commit is pushed as refs/pull/1/merge.
 */
export function pullRequestScenario(): PullRequestScenario {
  const { repo: origin, remote } = createRepoWithRemote({
    files: {
      'src/shared.ts': 'export const shared = 1\n',
      'obsolete.ts': 'export {}\n',
      'docs/old.md': '# A document long enough to be detected as renamed\n\nSome text.\n'
    }
  })
  const forkPoint = origin.head()
  origin.checkout('feature', { create: true })
  origin.commit('add feature', { 'src/feature.ts': 'export const feature = true\n' })
  origin.rename('docs/old.md', 'docs/new.md')
  origin.remove('obsolete.ts')
  const headSha = origin.commit('edit shared, rename doc, remove obsolete', {
    'src/shared.ts': 'export const shared = 2\n'
  })
  origin.push({ refspec: 'feature' })
  origin.checkout('main')
  const baseSha = origin.commit('main moves on', { 'src/main-only.ts': 'export const other = 1\n' })
  origin.push({ refspec: 'main' })
  origin.git('checkout', '--quiet', '--detach', 'main')
  const mergeSha = origin.merge('feature', { message: 'Merge feature into main' })
  origin.push({ refspec: 'HEAD:refs/pull/1/merge' })
  origin.git('push', '--quiet', 'origin', `${headSha}:refs/pull/1/head`)
  origin.checkout('main')
  return { origin, remote, forkPoint, baseSha, headSha, mergeSha }
}

export const PR_FILES = [
  { path: 'docs/new.md', status: 'renamed', previousPath: 'docs/old.md' },
  { path: 'obsolete.ts', status: 'deleted' },
  { path: 'src/feature.ts', status: 'added' },
  { path: 'src/shared.ts', status: 'modified' }
]

/** actions/checkout for a pull_request: the merge commit, depth 1. */
export function checkoutPullRequest(remote: BareRemote): TestRepo {
  return cloneShallow(remote, { ref: 'refs/pull/1/merge' })
}
