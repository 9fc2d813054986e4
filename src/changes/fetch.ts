import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Git } from '../ports/git.js'
import type { Logger } from '../ports/log.js'

/**
 * How much history to fetch into a shallow clone. A missing commit is fetched by SHA with
 * `depth` commits; then both ends are deepened by `deepenBy`, doubling each round, for at most
 * `maxDeepenRounds` rounds (50+100+200+400+800 commits by default) before `--unshallow`.
 */
export interface FetchPolicy {
  depth: number
  deepenBy: number
  maxDeepenRounds: number
}

export const DEFAULT_FETCH_POLICY: FetchPolicy = { depth: 1, deepenBy: 50, maxDeepenRounds: 5 }

export const REMOTE = 'origin'

export type FetchOutcome =
  { ok: true; fetched: boolean } | { ok: false; reason: 'no-remote' | 'not-on-remote'; detail: string }

function short(sha: string): string {
  return sha.slice(0, 7)
}

/** git's first meaningful stderr line, with any credentials in a URL blanked out. */
export function firstLine(text: string): string {
  const line =
    text
      .split('\n')
      .map(l => l.trim())
      .find(l => l && !l.startsWith('From ') && !l.startsWith('*')) ?? ''
  return line.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@')
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`
}

/**
 * Fetches exactly the history change detection needs, with real git, from the remote `origin`:
 * missing commits by SHA, then deeper history of a shallow clone until a merge base appears.
 * Never fetches tags. Every fetch is logged and kept as a sentence in `actions`.
 */
export class Fetcher {
  /** One sentence per fetch, in order, for the log and the job summary. */
  readonly actions: string[] = []
  private shallowCache: boolean | undefined
  private remoteCache: boolean | undefined

  constructor(
    private readonly git: Git,
    private readonly log: Logger,
    private readonly policy: FetchPolicy = DEFAULT_FETCH_POLICY,
    /** The git that fetches (it may carry the token for a checkout without persisted credentials). */
    private readonly fetchGit: Git = git
  ) {}

  async isShallow(): Promise<boolean> {
    if (this.shallowCache === undefined) {
      const out = await this.git.tryRun(['rev-parse', '--is-shallow-repository'])
      this.shallowCache = out.exitCode === 0 && out.stdout.trim() === 'true'
    }
    return this.shallowCache
  }

  async hasRemote(): Promise<boolean> {
    if (this.remoteCache === undefined) {
      const out = await this.git.tryRun(['remote'])
      this.remoteCache = out.exitCode === 0 && out.stdout.split('\n').some(r => r.trim() === REMOTE)
    }
    return this.remoteCache
  }

  private record(sentence: string): void {
    this.actions.push(sentence)
    this.log.info(sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.')
  }

  private async fetch(args: string[]): Promise<{ ok: boolean; detail: string }> {
    const out = await this.fetchGit.tryRun(['fetch', '--no-tags', '--no-recurse-submodules', ...args])
    this.shallowCache = undefined
    return { ok: out.exitCode === 0, detail: firstLine(out.stderr) || firstLine(out.stdout) }
  }

  /** The commits at the edge of a shallow clone's history (`.git/shallow`). */
  private async shallowBoundary(): Promise<string[]> {
    const path = await this.git.tryRun(['rev-parse', '--git-path', 'shallow'])
    if (path.exitCode !== 0) return []
    try {
      const text = await readFile(resolve(this.git.dir, path.stdout.trim()), 'utf8')
      return text.split('\n').filter(line => /^[0-9a-f]{40,64}$/.test(line))
    } catch {
      return []
    }
  }

  /** Whether a commit object is in the repository. */
  async hasCommit(sha: string): Promise<boolean> {
    const out = await this.git.tryRun(['cat-file', '-e', `${sha}^{commit}`])
    return out.exitCode === 0
  }

  /**
   * Makes sure a commit (full SHA) is present, fetching it by SHA from origin if not: with a small
   * depth in a shallow clone, with just the missing history in a full one.
   */
  async ensureCommit(sha: string, label: string): Promise<FetchOutcome> {
    if (await this.hasCommit(sha)) return { ok: true, fetched: false }
    if (!(await this.hasRemote())) {
      return { ok: false, reason: 'no-remote', detail: `there is no remote named ${REMOTE} to fetch it from` }
    }
    const shallow = await this.isShallow()
    const depthArgs = shallow ? [`--depth=${this.policy.depth}`] : []
    const result = await this.fetch([...depthArgs, REMOTE, sha])
    if (!result.ok || !(await this.hasCommit(sha))) {
      return { ok: false, reason: 'not-on-remote', detail: result.detail || `${REMOTE} did not send it` }
    }
    this.record(`fetched ${label} ${short(sha)}${shallow ? ` with --depth=${this.policy.depth}` : ''}`)
    return { ok: true, fetched: true }
  }

  /**
   * Fetches a branch of origin into `refs/remotes/origin/<branch>` and returns its SHA, or
   * undefined when origin has no such branch (or there is no origin).
   */
  async fetchBranch(branch: string, label: string): Promise<string | undefined> {
    if (!(await this.hasRemote())) return undefined
    if (!/^(?!-)[A-Za-z0-9._/+-]+$/.test(branch) || branch.includes('..')) return undefined
    const shallow = await this.isShallow()
    const depthArgs = shallow ? [`--depth=${this.policy.depth}`] : []
    const result = await this.fetch([
      ...depthArgs,
      REMOTE,
      `+refs/heads/${branch}:refs/remotes/${REMOTE}/${branch}`
    ])
    if (!result.ok) {
      this.log.debug(`Could not fetch ${REMOTE}/${branch}: ${result.detail}`)
      return undefined
    }
    const sha = await this.git.resolveCommit(`refs/remotes/${REMOTE}/${branch}`)
    if (sha) {
      this.record(
        `fetched ${label} ${REMOTE}/${branch} (${short(sha)})${shallow ? ` with --depth=${this.policy.depth}` : ''}`
      )
    }
    return sha
  }

  private async mergeBaseNow(base: string, head: string): Promise<string | undefined> {
    const out = await this.git.tryRun(['merge-base', base, head])
    return out.exitCode === 0 ? out.stdout.trim().split('\n')[0] || undefined : undefined
  }

  /**
   * The merge base of two present commits. In a shallow clone without one, deepens the history
   * behind both (doubling the step each round), then unshallows as a last resort. Undefined when
   * the two histories share no commit at all.
   */
  async mergeBase(base: string, head: string): Promise<string | undefined> {
    let found = await this.mergeBaseNow(base, head)
    if (found || !(await this.isShallow()) || !(await this.hasRemote())) return found

    const steps: number[] = []
    let by = this.policy.deepenBy
    // A commit only this clone has (a local commit on top of a shallow checkout) cannot be
    // asked of origin; the shallow boundary commits can, and deepening them is the same history.
    let wants = [base, head]
    for (let round = 0; round < this.policy.maxDeepenRounds && !found; round++) {
      let result = await this.fetch([`--deepen=${by}`, REMOTE, ...wants])
      if (!result.ok && wants[0] === base) {
        const boundary = await this.shallowBoundary()
        if (boundary.length) {
          this.log.debug(`Deepening by ${by} from the shallow boundary instead: ${result.detail}`)
          wants = boundary
          result = await this.fetch([`--deepen=${by}`, REMOTE, ...wants])
        }
      }
      if (!result.ok) {
        this.log.warning(`git fetch --deepen=${by} failed: ${result.detail}`)
        break
      }
      steps.push(by)
      this.log.info(
        `Deepened the history by ${by} commits looking for the merge base of ${short(base)} and ${short(head)}.`
      )
      found = await this.mergeBaseNow(base, head)
      if (!(await this.isShallow())) break
      if (wants[0] !== base) wants = await this.shallowBoundary()
      by *= 2
    }
    if (steps.length) {
      this.actions.push(
        `${describeDeepening(steps)} ${found ? 'to reach the merge base' : 'without reaching a merge base'}`
      )
    }
    if (!found && (await this.isShallow())) {
      let result = await this.fetch(['--unshallow', REMOTE, base, head])
      if (!result.ok) {
        const boundary = await this.shallowBoundary()
        if (boundary.length) result = await this.fetch(['--unshallow', REMOTE, ...boundary])
      }
      if (result.ok) {
        this.record('fetched the full history (--unshallow) to find the merge base')
        found = await this.mergeBaseNow(base, head)
      } else {
        this.log.warning(`git fetch --unshallow failed: ${result.detail}`)
      }
    }
    return found
  }

  /**
   * The first parent of a commit: undefined for a root commit. A shallow clone whose boundary
   * is this commit is deepened by one to find it.
   */
  async parentOf(sha: string): Promise<string | undefined> {
    const parent = await this.git.resolveCommit(`${sha}^1`)
    if (parent || !(await this.isShallow()) || !(await this.hasRemote())) return parent
    const result = await this.fetch(['--deepen=1', REMOTE, sha])
    if (!result.ok) {
      this.log.warning(`git fetch --deepen=1 failed: ${result.detail}`)
      return undefined
    }
    const fetched = await this.git.resolveCommit(`${sha}^1`)
    if (fetched) this.record(`deepened by 1 to fetch the parent of ${short(sha)} (${short(fetched)})`)
    return fetched
  }

  /** All fetches as one sentence: "fetched base abc1234 with --depth=1; deepened by 50 twice …". */
  describe(): string {
    return this.actions.join('; ')
  }
}

/** "deepened by 50", "deepened by 50 twice" (equal steps) or "deepened by 50, 100 and 200". */
export function describeDeepening(steps: readonly number[]): string {
  if (steps.length === 0) return ''
  if (steps.every(s => s === steps[0])) {
    return `deepened by ${steps[0]}${steps.length > 1 ? ` ${times(steps.length)}` : ''}`
  }
  const head = steps.slice(0, -1).join(', ')
  return `deepened by ${head} and ${steps[steps.length - 1]} (${steps.reduce((a, b) => a + b, 0)} commits)`
}
