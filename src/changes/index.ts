import { existsSync } from 'node:fs'
import { ConfigurationError } from '../errors.js'
import type { RunEvent } from '../ports/event.js'
import { withTokenAuth, type Git } from '../ports/git.js'
import type { CommandContext } from '../commands/types.js'
import type { Logger } from '../ports/log.js'
import { diffFiles } from './diff.js'
import { DEFAULT_FETCH_POLICY, Fetcher, REMOTE, type FetchPolicy } from './fetch.js'
import { isFullSha, planRange, type RangePlan, type RevisionRequest } from './range.js'
import type { ChangeSet } from './types.js'

export type { ChangedFile, ChangeSet, ChangeStatus } from './types.js'
export { planRange } from './range.js'
export { DEFAULT_FETCH_POLICY } from './fetch.js'
export type { FetchPolicy } from './fetch.js'

export interface DetectChangesOptions {
  git: Git
  event: RunEvent
  /** The `base` input; wins over the event. */
  base?: string
  /** The `head` input; wins over the event. */
  head?: string
  log: Logger
  /** How much history a shallow clone may fetch (tests lower it). */
  fetchPolicy?: FetchPolicy
  /** A token to fetch with when the checkout kept no credentials (`persist-credentials: false`). */
  fetchToken?: string
}

export interface DetectedChanges extends ChangeSet {
  /** What was decided and why, fallbacks and fetches: one sentence each, for the log and summary. */
  notes: string[]
  /** The fetches made into the repository, one sentence each (also in `notes`). */
  fetched: string[]
  /**
   * `commit` normally; `empty-tree` when there was nothing to compare against (a root commit, a new
   * branch with no default branch to compare with): then `base` is git's empty tree and every file is added.
   */
  baseKind: 'commit' | 'empty-tree'
  /** Set when the base the event asked for could not be used; says what was used instead. */
  fallback?: string
}

function short(sha: string): string {
  return isFullSha(sha) ? sha.slice(0, 7) : sha
}

const EXAMPLES = { base: 'origin/main', head: 'HEAD' } as const

async function emptyTree(git: Git): Promise<string> {
  return (await git.run(['hash-object', '-t', 'tree', '--stdin'], '')).trim()
}

/**
 * The options every command passes: inputs win over the event, and in Actions the workflow token
 * fetches what a shallow checkout lacks (it is never used to fetch from a developer's machine).
 */
export function changeOptions(
  context: Pick<CommandContext, 'event' | 'inputs' | 'log' | 'frontDoor'>,
  git: Git
): DetectChangesOptions {
  return {
    git,
    event: context.event,
    base: context.inputs.base,
    head: context.inputs.head,
    log: context.log,
    fetchToken: context.frontDoor === 'action' ? context.inputs.githubToken || undefined : undefined
  }
}

/**
 * Finds what changed: decides base and head from the event and inputs, fetches what a shallow
 * clone lacks, and diffs head against the merge base of base and head (GitHub's three-dot diff).
 * Throws a ConfigurationError for a missing repository or a revision that cannot be found.
 */
export async function detectChanges(options: DetectChangesOptions): Promise<DetectedChanges> {
  const { git, event, log } = options
  await requireRepository(git)
  const plan = planRange(event, { base: options.base, head: options.head })
  const fetchGit = await withTokenAuth(git, options.fetchToken, log)
  const fetcher = new Fetcher(git, log, options.fetchPolicy ?? DEFAULT_FETCH_POLICY, fetchGit)
  const notes = [...plan.notes]
  for (const note of plan.notes) log.info(note)
  const note = (text: string, level: 'info' | 'warning' = 'info'): void => {
    notes.push(text)
    if (level === 'warning') log.warning(text)
    else log.info(text)
  }

  const head = await resolveRevision(git, fetcher, plan.head)
  const found = await findBase(git, fetcher, plan, head, note)
  let base = found.base
  if (found.baseKind === 'commit' && found.compareFromMergeBase) {
    const mergeBase = await fetcher.mergeBase(found.base, head)
    if (mergeBase) {
      if (mergeBase !== found.base) {
        const rewritten =
          plan.base.kind === 'revision' && plan.base.whenMissing === 'fall-back'
            ? ` (${short(found.base)} is not an ancestor of head: the push rewrote history)`
            : ''
        note(
          `Comparing from the merge base ${short(mergeBase)} of ${short(found.base)} and ${short(head)}${rewritten}.`,
          rewritten ? 'warning' : 'info'
        )
      }
      base = mergeBase
    } else {
      note(
        `${short(found.base)} and ${short(head)} share no history; comparing the two commits directly.`,
        'warning'
      )
    }
  }

  const files = found.nothing ? [] : await diffFiles(git, base, head)
  const fetched = [...fetcher.actions]
  if (fetched.length) {
    const sentence = fetcher.describe()
    notes.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`)
  }
  log.info(
    `${files.length} changed file${files.length === 1 ? '' : 's'} between ${short(base)} and ${short(head)}.`
  )
  const result: DetectedChanges = { base, head, files, notes, fetched, baseKind: found.baseKind }
  if (found.fallback) result.fallback = found.fallback
  return result
}

async function requireRepository(git: Git): Promise<void> {
  const example = 'Example: working-directory: . (after actions/checkout)'
  if (!existsSync(git.dir)) {
    throw new ConfigurationError(
      `Input "working-directory": ${git.dir} does not exist. ${example}`,
      'working-directory'
    )
  }
  const out = await git.tryRun(['rev-parse', '--is-inside-work-tree'])
  if (out.exitCode !== 0 || out.stdout.trim() !== 'true') {
    const reason = out.stderr.trim().split('\n')[0] ?? ''
    throw new ConfigurationError(
      `Input "working-directory": ${git.dir} is not a git repository` +
        (reason && !/not a git repository/i.test(reason) ? ` (${reason})` : '') +
        `; check the repository out first or point working-directory at it. ${example}`,
      'working-directory'
    )
  }
}

/** A revision's full SHA, fetching it (a SHA by id, a branch from origin) when it is missing. */
async function tryResolve(
  git: Git,
  fetcher: Fetcher,
  request: RevisionRequest
): Promise<string | { problem: string }> {
  const local = await git.resolveCommit(request.rev)
  if (local) return local
  if (isFullSha(request.rev)) {
    const outcome = await fetcher.ensureCommit(request.rev.toLowerCase(), request.input)
    if (outcome.ok) return request.rev.toLowerCase()
    return {
      problem:
        outcome.reason === 'no-remote'
          ? `is not in the repository and ${outcome.detail}`
          : `is not in the repository and could not be fetched from ${REMOTE} (${outcome.detail})`
    }
  }
  const remoteRef = await git.resolveCommit(`refs/remotes/${REMOTE}/${request.rev}`)
  if (remoteRef) return remoteRef
  const fetched = await fetcher.fetchBranch(request.rev, request.input)
  if (fetched) return fetched
  return {
    problem: `is not a commit, branch or tag in the repository${(await fetcher.hasRemote()) ? ` or on ${REMOTE}` : ''}`
  }
}

async function resolveRevision(git: Git, fetcher: Fetcher, request: RevisionRequest): Promise<string> {
  const resolved = await tryResolve(git, fetcher, request)
  if (typeof resolved === 'string') return resolved
  throw revisionError(request, resolved.problem)
}

function revisionError(request: RevisionRequest, problem: string): ConfigurationError {
  const from =
    request.source === `input "${request.input}"`
      ? `Input "${request.input}"`
      : `The ${request.input} from ${request.source}`
  return new ConfigurationError(
    `${from}: ${request.rev} ${problem}. Fetch it before this step (actions/checkout with fetch-depth: 0) ` +
      `or set the "${request.input}" input. Example: ${request.input}: ${EXAMPLES[request.input]}`,
    request.input
  )
}

interface FoundBase {
  base: string
  baseKind: 'commit' | 'empty-tree'
  /** Diff from the merge base of base and head rather than base itself. */
  compareFromMergeBase: boolean
  /** Nothing to compare (a deleted ref). */
  nothing?: boolean
  fallback?: string
}

async function findBase(
  git: Git,
  fetcher: Fetcher,
  plan: RangePlan,
  head: string,
  note: (text: string, level?: 'info' | 'warning') => void
): Promise<FoundBase> {
  const wanted = plan.base
  switch (wanted.kind) {
    case 'nothing':
      note(wanted.reason)
      return { base: head, baseKind: 'commit', compareFromMergeBase: false, nothing: true }
    case 'revision': {
      const resolved = await tryResolve(git, fetcher, wanted.revision)
      if (typeof resolved === 'string')
        return { base: resolved, baseKind: 'commit', compareFromMergeBase: true }
      if (wanted.whenMissing === 'error') throw revisionError(wanted.revision, resolved.problem)
      const why = `The ${wanted.revision.source} commit ${short(wanted.revision.rev)} ${resolved.problem} (a force-push?)`
      const fallback = await fallbackBase(git, fetcher, plan, head)
      const text = `${why}; compared against ${fallback.description} instead.`
      note(text, 'warning')
      return { ...fallback.found, fallback: text }
    }
    case 'default-branch': {
      const fromDefault = await defaultBranchBase(git, fetcher, plan, head)
      if (fromDefault) {
        note(`${wanted.reason}: comparing with ${fromDefault.description}.`)
        return fromDefault.found
      }
      const text = `${wanted.reason} and there is no default branch to compare with: every file of head counts as added.`
      note(text, 'warning')
      return {
        base: await emptyTree(git),
        baseKind: 'empty-tree',
        compareFromMergeBase: false,
        fallback: text
      }
    }
    case 'parent': {
      const parent = await fetcher.parentOf(head)
      if (parent) {
        note(`${wanted.reason} (${short(parent)}).`)
        return { base: parent, baseKind: 'commit', compareFromMergeBase: false }
      }
      note(`${wanted.reason}, but ${short(head)} has no parent (a root commit): every file counts as added.`)
      return { base: await emptyTree(git), baseKind: 'empty-tree', compareFromMergeBase: false }
    }
  }
}

/** The branch's merge base with `origin/<default branch>`, when there is one and it is not head's own branch. */
async function defaultBranchBase(
  git: Git,
  fetcher: Fetcher,
  plan: RangePlan,
  head: string
): Promise<{ found: FoundBase; description: string } | undefined> {
  const branch = plan.defaultBranch ?? (await localDefaultBranch(git))
  if (!branch || plan.branch === branch) return undefined
  const tip =
    (await git.resolveCommit(`refs/remotes/${REMOTE}/${branch}`)) ??
    (await fetcher.fetchBranch(branch, 'default branch'))
  if (!tip) return undefined
  const mergeBase = await fetcher.mergeBase(tip, head)
  if (!mergeBase) return undefined
  return {
    found: { base: mergeBase, baseKind: 'commit', compareFromMergeBase: false },
    description: `the merge base ${short(mergeBase)} with ${REMOTE}/${branch}`
  }
}

/** `origin/HEAD`'s branch, when the clone recorded it. */
async function localDefaultBranch(git: Git): Promise<string | undefined> {
  const out = await git.tryRun(['symbolic-ref', '--quiet', '--short', `refs/remotes/${REMOTE}/HEAD`])
  if (out.exitCode !== 0) return undefined
  const name = out.stdout.trim()
  return name.startsWith(`${REMOTE}/`) ? name.slice(REMOTE.length + 1) : undefined
}

/** For a push whose `before` is gone: the default branch's merge base, else head's parent, else nothing. */
async function fallbackBase(
  git: Git,
  fetcher: Fetcher,
  plan: RangePlan,
  head: string
): Promise<{ found: FoundBase; description: string }> {
  const fromDefault = await defaultBranchBase(git, fetcher, plan, head)
  if (fromDefault && fromDefault.found.base !== head) return fromDefault
  const parent = await fetcher.parentOf(head)
  if (parent) {
    return {
      found: { base: parent, baseKind: 'commit', compareFromMergeBase: false },
      description: `the parent of head (${short(parent)})`
    }
  }
  return {
    found: { base: await emptyTree(git), baseKind: 'empty-tree', compareFromMergeBase: false },
    description: 'an empty tree (every file of head counts as added)'
  }
}
