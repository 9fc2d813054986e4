import { ConfigurationError } from '../errors.js'
import type { RunEvent } from '../ports/event.js'

/** A revision asked for, and where the request came from (for log lines and error messages). */
export interface RevisionRequest {
  /** A commit SHA or a ref name, already checked to be safe to hand to git. */
  rev: string
  /** `input "base"`, `pull_request.base.sha`, `GITHUB_SHA`, `HEAD`, … */
  source: string
  /** The input a ConfigurationError about this revision names. */
  input: 'base' | 'head'
}

/**
 * How to find the commit to compare against.
 * - `revision`: a given commit; the files are diffed from its merge base with head (three-dot, like
 *   GitHub's compare view). `whenMissing: 'fall-back'` (a push's `before`, gone after a force-push)
 *   falls back to the default branch's merge base, then the parent of head; `'error'` stops with a
 *   ConfigurationError.
 * - `default-branch`: the merge base of head with `origin/<default branch>` (a new branch); with no
 *   default branch to compare against, every file of head counts as added.
 * - `parent`: the first parent of head (`HEAD~1..HEAD`); a root commit counts every file as added.
 * - `nothing`: the push deleted its ref; nothing to compare.
 */
export type BasePlan =
  | { kind: 'revision'; revision: RevisionRequest; whenMissing: 'error' | 'fall-back' }
  | { kind: 'default-branch'; reason: string }
  | { kind: 'parent'; reason: string }
  | { kind: 'nothing'; reason: string }

export interface RangePlan {
  eventName: string
  head: RevisionRequest
  base: BasePlan
  /** The repository's default branch, when the event says (`repository.default_branch`). */
  defaultBranch?: string
  /** The branch the event ran on (`refs/heads/<branch>`), when it is a branch. */
  branch?: string
  /** Why this plan, one sentence each, for the log and the summary. */
  notes: string[]
}

export interface RangeInputs {
  /** The `base` input (already validated by the schema). */
  base?: string
  /** The `head` input (already validated by the schema). */
  head?: string
}

export const ZERO_SHA = /^0+$/
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i
const REVISION = /^(?!-)[A-Za-z0-9._/~^@{}+-]+$/

const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment'
])

export function isFullSha(rev: string): boolean {
  return SHA.test(rev)
}

/** A SHA from the event payload: a full hex SHA, or a ConfigurationError naming the field. */
function eventSha(value: unknown, field: string, input: 'base' | 'head'): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string' || !SHA.test(value)) {
    throw new ConfigurationError(
      `The event's ${field} is not a commit SHA (got ${JSON.stringify(String(value).slice(0, 80))}); ` +
        `set the "${input}" input instead. Example: ${input}: ${input === 'base' ? 'origin/main' : 'HEAD'}`,
      input
    )
  }
  return value.toLowerCase()
}

/** A revision from `workflow_dispatch` inputs, held to the same rules as the action's inputs. */
function dispatchRevision(value: unknown, input: 'base' | 'head'): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const rev = value.trim()
  if (!REVISION.test(rev) || rev.includes('..')) {
    throw new ConfigurationError(
      `The workflow_dispatch input "${input}" must be a commit SHA or a ref name such as main or ` +
        `origin/main; got ${JSON.stringify(rev.slice(0, 80))}. Example: ${input}: origin/main`,
      input
    )
  }
  return rev
}

function branchOf(ref: unknown): string | undefined {
  return typeof ref === 'string' && ref.startsWith('refs/heads/')
    ? ref.slice('refs/heads/'.length)
    : undefined
}

function short(sha: string): string {
  return isFullSha(sha) ? sha.slice(0, 7) : sha
}

/**
 * Decides which revisions to compare from the event and the inputs, without touching git.
 * Explicit `base`/`head` inputs win over the event; head defaults to `GITHUB_SHA`, then `HEAD`.
 */
export function planRange(event: RunEvent, inputs: RangeInputs): RangePlan {
  const payload = event.payload ?? {}
  const defaultBranch =
    typeof payload.repository?.default_branch === 'string' && payload.repository.default_branch
      ? (payload.repository.default_branch as string)
      : undefined
  const branch = branchOf(payload.ref) ?? branchOf(event.ref)
  const notes: string[] = []

  let eventHead: RevisionRequest | undefined
  let eventBase: BasePlan | undefined

  if (PULL_REQUEST_EVENTS.has(event.name) && payload.pull_request) {
    const head = eventSha(payload.pull_request.head?.sha, 'pull_request.head.sha', 'head')
    const base = eventSha(payload.pull_request.base?.sha, 'pull_request.base.sha', 'base')
    if (head) eventHead = { rev: head, source: 'pull_request.head.sha', input: 'head' }
    if (base) {
      eventBase = {
        kind: 'revision',
        revision: { rev: base, source: 'pull_request.base.sha', input: 'base' },
        whenMissing: 'error'
      }
    }
  } else if (event.name === 'push') {
    const before = typeof payload.before === 'string' ? payload.before : undefined
    const after = typeof payload.after === 'string' ? payload.after : undefined
    if (after && ZERO_SHA.test(after)) {
      eventBase = {
        kind: 'nothing',
        reason: `The push deleted ${payload.ref ?? 'its ref'}; nothing changed.`
      }
    } else {
      const head = eventSha(after, 'after', 'head')
      if (head) eventHead = { rev: head, source: 'push after', input: 'head' }
      if (before && ZERO_SHA.test(before)) {
        eventBase = {
          kind: 'default-branch',
          reason: `The push created ${payload.ref ?? 'a new ref'} (before is all zeros)`
        }
      } else {
        const base = eventSha(before, 'before', 'base')
        if (base) {
          eventBase = {
            kind: 'revision',
            revision: { rev: base, source: 'push before', input: 'base' },
            whenMissing: 'fall-back'
          }
        }
      }
    }
  } else if (event.name === 'merge_group' && payload.merge_group) {
    const head = eventSha(payload.merge_group.head_sha, 'merge_group.head_sha', 'head')
    const base = eventSha(payload.merge_group.base_sha, 'merge_group.base_sha', 'base')
    if (head) eventHead = { rev: head, source: 'merge_group.head_sha', input: 'head' }
    if (base) {
      eventBase = {
        kind: 'revision',
        revision: { rev: base, source: 'merge_group.base_sha', input: 'base' },
        whenMissing: 'error'
      }
    }
  } else if (event.name === 'workflow_dispatch') {
    const head = dispatchRevision(payload.inputs?.head, 'head')
    const base = dispatchRevision(payload.inputs?.base, 'base')
    if (head) eventHead = { rev: head, source: 'workflow_dispatch input "head"', input: 'head' }
    if (base) {
      eventBase = {
        kind: 'revision',
        revision: { rev: base, source: 'workflow_dispatch input "base"', input: 'base' },
        whenMissing: 'error'
      }
    } else if (branch && defaultBranch && branch !== defaultBranch) {
      eventBase = {
        kind: 'default-branch',
        reason: `workflow_dispatch on branch ${branch} without a "base" input`
      }
    }
  }

  let head: RevisionRequest
  if (inputs.head) head = { rev: inputs.head, source: 'input "head"', input: 'head' }
  else if (eventHead) head = eventHead
  else if (event.sha && SHA.test(event.sha) && !ZERO_SHA.test(event.sha))
    head = { rev: event.sha, source: 'GITHUB_SHA', input: 'head' }
  else head = { rev: 'HEAD', source: 'HEAD', input: 'head' }

  let base: BasePlan
  if (inputs.base) {
    base = {
      kind: 'revision',
      revision: { rev: inputs.base, source: 'input "base"', input: 'base' },
      whenMissing: 'error'
    }
  } else if (eventBase) {
    base = eventBase
  } else {
    base = {
      kind: 'parent',
      reason:
        event.name === 'local'
          ? 'No "base" given: comparing with the parent of head'
          : `No base in the ${event.name} event and no "base" input: comparing with the parent of head`
    }
  }

  const baseText =
    base.kind === 'revision'
      ? `${short(base.revision.rev)} (${base.revision.source})`
      : base.kind === 'default-branch'
        ? `the merge base with the default branch`
        : base.kind === 'parent'
          ? 'the parent of head'
          : 'nothing'
  notes.push(`Event ${event.name}: head ${short(head.rev)} (${head.source}), base ${baseText}.`)
  return { eventName: event.name, head, base, defaultBranch, branch, notes }
}
