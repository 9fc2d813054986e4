/**
 * Real webhook payloads from @octokit/webhooks-examples, rewritten to point at a test repository's
 * commits. Every builder starts from a real example, so fields the action does not set by hand
 * keep GitHub's real shape.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

type Payload = Record<string, any>

interface ExampleGroup {
  name: string
  actions: string[]
  examples: Payload[]
}

let examples: ExampleGroup[] | undefined

function loadExamples(): ExampleGroup[] {
  if (!examples) {
    const require = createRequire(import.meta.url)
    const file = require.resolve('@octokit/webhooks-examples/api.github.com/index.json')
    examples = JSON.parse(readFileSync(file, 'utf8')) as ExampleGroup[]
  }
  return examples
}

/** Event names that have examples. */
export function exampleEventNames(): string[] {
  return loadExamples().map(group => group.name)
}

/**
 * A deep copy of a real example payload for `event` (and `action`, when given). `index` picks
 * among several matching examples (default the first).
 */
export function examplePayload(event: string, action?: string, index = 0): Payload {
  const group = loadExamples().find(g => g.name === event)
  if (!group) throw new Error(`No webhook example for event "${event}"`)
  const matching = action === undefined ? group.examples : group.examples.filter(e => e.action === action)
  const example = matching[index]
  if (!example) {
    throw new Error(
      `No webhook example for ${event}${action ? `.${action}` : ''} #${index}; actions: ${group.actions.join(', ')}`
    )
  }
  return structuredClone(example)
}

/** Replaces every string value equal to a key of `replacements`, anywhere in the payload. */
export function replaceStrings<T>(value: T, replacements: Record<string, string>): T {
  if (typeof value === 'string') return (replacements[value] ?? value) as T
  if (Array.isArray(value)) return value.map(item => replaceStrings(item, replacements)) as T
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) copy[key] = replaceStrings(item, replacements)
    return copy as T
  }
  return value
}

/** Points the payload's repository (and its owner) at `fullName`, e.g. "octo-org/app". */
export function withRepository(payload: Payload, fullName: string): Payload {
  const [owner = '', name = ''] = fullName.split('/')
  const retarget = (repository: Payload | undefined): void => {
    if (!repository) return
    repository.full_name = fullName
    repository.name = name
    if (repository.owner) repository.owner.login = owner
  }
  retarget(payload.repository)
  retarget(payload.pull_request?.base?.repo)
  if (payload.pull_request?.head?.repo && !payload.pull_request.head.repo.fork)
    retarget(payload.pull_request.head.repo)
  return payload
}

export interface PullRequestEventOptions {
  action?: 'opened' | 'synchronize' | 'reopened' | 'edited' | 'closed' | 'labeled'
  number?: number
  base: { sha: string; ref?: string }
  head: { sha: string; ref?: string }
  /** The test merge commit GitHub made for refs/pull/N/merge (GITHUB_SHA for pull_request). */
  mergeCommitSha?: string | null
  repository?: string
  /** A pull request from a fork: head.repo is another repository. */
  fork?: boolean
  title?: string
  body?: string | null
  author?: string
  labels?: string[]
  draft?: boolean
}

export function pullRequestEvent(options: PullRequestEventOptions): Payload {
  const payload = withRepository(
    examplePayload('pull_request', 'opened'),
    options.repository ?? 'octo-org/ci-medic-fixture'
  )
  const number = options.number ?? 1
  const pr = payload.pull_request
  payload.action = options.action ?? 'opened'
  payload.number = number
  pr.number = number
  pr.base.sha = options.base.sha
  pr.base.ref = options.base.ref ?? 'main'
  pr.base.label = `${payload.repository.owner.login}:${pr.base.ref}`
  pr.head.sha = options.head.sha
  pr.head.ref = options.head.ref ?? 'feature'
  pr.merge_commit_sha = options.mergeCommitSha ?? null
  pr.draft = options.draft ?? false
  if (options.title !== undefined) pr.title = options.title
  if (options.body !== undefined) pr.body = options.body
  if (options.labels)
    pr.labels = options.labels.map((name, id) => ({ id, name, color: 'ededed', default: false }))
  if (options.author) {
    pr.user.login = options.author
    payload.sender.login = options.author
  }
  if (options.fork) {
    const forkOwner = options.author ?? 'outside-contributor'
    pr.head.repo = structuredClone(pr.base.repo)
    pr.head.repo.fork = true
    pr.head.repo.id = pr.base.repo.id + 1
    pr.head.repo.full_name = `${forkOwner}/${pr.base.repo.name}`
    pr.head.repo.owner.login = forkOwner
    pr.head.label = `${forkOwner}:${pr.head.ref}`
  } else {
    pr.head.repo = structuredClone(pr.base.repo)
    pr.head.label = `${payload.repository.owner.login}:${pr.head.ref}`
  }
  return payload
}

export const ZERO_SHA = '0000000000000000000000000000000000000000'

export interface PushEventOptions {
  before: string
  after: string
  /** Full ref (default refs/heads/main). */
  ref?: string
  forced?: boolean
  /** SHAs of the pushed commits, oldest first (for `commits` and `head_commit`). */
  commits?: string[]
  repository?: string
}

/** A push; `before` = ZERO_SHA makes it a new branch (created: true). */
export function pushEvent(options: PushEventOptions): Payload {
  const template = loadExamples()
    .find(g => g.name === 'push')!
    .examples.find(e => e.ref.startsWith('refs/heads/') && Array.isArray(e.commits) && e.commits.length > 0)
  if (!template) throw new Error('No branch push example in @octokit/webhooks-examples')
  const payload = withRepository(structuredClone(template), options.repository ?? 'octo-org/ci-medic-fixture')
  const ref = options.ref ?? 'refs/heads/main'
  const commitTemplate = payload.commits[0]
  const commits = (options.commits ?? [options.after]).map(id => ({
    ...structuredClone(commitTemplate),
    id,
    tree_id: id
  }))
  payload.ref = ref
  payload.before = options.before
  payload.after = options.after
  payload.created = options.before === ZERO_SHA
  payload.deleted = options.after === ZERO_SHA
  payload.forced = options.forced ?? false
  payload.base_ref = null
  payload.commits = commits
  payload.head_commit = commits.at(-1) ?? null
  payload.compare = `https://github.com/${payload.repository.full_name}/compare/${options.before.slice(0, 12)}...${options.after.slice(0, 12)}`
  if (payload.repository) payload.repository.default_branch = 'main'
  return payload
}

export interface MergeGroupEventOptions {
  baseSha: string
  headSha: string
  baseRef?: string
  headRef?: string
  repository?: string
}

export function mergeGroupEvent(options: MergeGroupEventOptions): Payload {
  const payload = withRepository(
    examplePayload('merge_group', 'checks_requested'),
    options.repository ?? 'octo-org/ci-medic-fixture'
  )
  const baseRef = options.baseRef ?? 'refs/heads/main'
  payload.merge_group.base_sha = options.baseSha
  payload.merge_group.base_ref = baseRef
  payload.merge_group.head_sha = options.headSha
  payload.merge_group.head_ref =
    options.headRef ??
    `refs/heads/gh-readonly-queue/${baseRef.replace('refs/heads/', '')}/pr-1-${options.baseSha}`
  if (payload.merge_group.head_commit) payload.merge_group.head_commit.id = options.headSha
  return payload
}

export function workflowDispatchEvent(
  options: { inputs?: Record<string, string>; ref?: string; repository?: string } = {}
): Payload {
  const payload = withRepository(
    examplePayload('workflow_dispatch'),
    options.repository ?? 'octo-org/ci-medic-fixture'
  )
  payload.inputs = options.inputs ?? {}
  payload.ref = options.ref ?? 'refs/heads/main'
  return payload
}

export interface DeploymentStatusEventOptions {
  state?: 'success' | 'failure' | 'error' | 'pending' | 'in_progress'
  environment?: string
  environmentUrl?: string
  sha: string
  ref?: string
  repository?: string
}

export function deploymentStatusEvent(options: DeploymentStatusEventOptions): Payload {
  const payload = withRepository(
    examplePayload('deployment_status', 'created'),
    options.repository ?? 'octo-org/ci-medic-fixture'
  )
  const environment = options.environment ?? 'production'
  payload.deployment.sha = options.sha
  payload.deployment.ref = options.ref ?? 'main'
  payload.deployment.environment = environment
  payload.deployment_status.state = options.state ?? 'success'
  payload.deployment_status.environment = environment
  if (options.environmentUrl !== undefined) payload.deployment_status.environment_url = options.environmentUrl
  return payload
}
