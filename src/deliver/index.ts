import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Autonomy } from '../config/schema.js'
import { errorMessage } from '../errors.js'
import type { RunEvent } from '../ports/event.js'
import { Git, withTokenAuth } from '../ports/git.js'
import type { GitHubClient } from '../ports/github.js'
import type { Logger } from '../ports/log.js'
import type { AuditLog } from '../report/audit.js'
import { code, codeBlock } from '../report/markdown.js'
import { writeBackAllowed } from '../security/permission.js'
import { capComment, findComment, upsertComment } from './comments.js'
import { createChangeCommit, ensureCommit, type ChangedFile } from './commit.js'
import {
  CI_MEDIC_TRAILER,
  defaultBranchOf,
  defaultBranchRefusal,
  deliveryMarker,
  isCiMedicCommit,
  pullRequestNumber,
  safePushArgs,
  targetBranch,
  workflowFileRefusal,
  type DeliveryKind
} from './guards.js'
import { parseUnifiedDiff, touchedPaths } from './patch.js'
import { planSuggestions } from './suggest.js'

export * from './guards.js'
export { upsertComment, findComment, capComment, COMMENT_LIMIT } from './comments.js'
export { parseUnifiedDiff, parseHunks, commentableLines, touchedPaths } from './patch.js'
export { planSuggestions } from './suggest.js'
export { createChangeCommit } from './commit.js'
export type { ChangedFile } from './commit.js'

export interface DeliverOptions {
  autonomy: Autonomy
  kind: DeliveryKind
  repoDir: string
  git: Git
  /** Without a client (no token) the change is reported only. */
  github?: GitHubClient
  event: RunEvent
  /** The commit the change was made for (the PR head, or the pushed commit). */
  headSha: string
  /** Unified diff of the change (relative to headSha). */
  patch: string
  /** The changed files' full new contents. */
  files: readonly ChangedFile[]
  /** A short title: the PR title, the commit subject. */
  title: string
  /** Markdown: root cause, evidence. Goes into the PR body, review body or commit message. */
  body: string
  log: Logger
  audit: AuditLog
  /** The branch to deliver to; default from the event (PR head branch, or the pushed branch). */
  branch?: string
  /** Default from the event's repository. */
  defaultBranch?: string
  remote?: string
  /**
   * Token for pushing over HTTPS when the checkout kept no credentials (persist-credentials: false).
   * Sent as an extra header through git's environment, never on a command line.
   */
  pushToken?: string
}

export type DeliveryMode = Autonomy | 'report'

export interface DeliveryResult {
  /** What was actually done: the requested autonomy, or `report` when it was not allowed. */
  mode: DeliveryMode
  requested: Autonomy
  /** The review, pull request, commit or comment. */
  url?: string
  /** Why nothing (or less than asked) was written. */
  skippedReason?: string
  /** True when an earlier run already delivered for this head commit. */
  duplicate?: boolean
  /** Markdown for the job summary: what was delivered where, and the patch. */
  markdown: string
}

function branchName(kind: DeliveryKind, headSha: string): string {
  return `ci-medic/${kind}/${headSha.slice(0, 7)}`
}

function patchBlock(patch: string): string {
  return codeBlock(patch.trimEnd(), 'diff')
}

/**
 * Hands a validated change to the team as `autonomy` says, behind every guard: shadow writes
 * nothing; suggest posts one review with suggestion blocks (or, for tests, one sticky comment);
 * pr pushes a new branch and opens a pull request; commit pushes a commit to the same-repository
 * branch. Never a force-push, never the default branch (commit), never twice for one head commit,
 * never on CI Medic's own commit, never workflow files; forks and actors without write access get
 * a report only. Never throws for a refused or failed delivery: the result says why.
 */
export async function deliverChange(options: DeliverOptions): Promise<DeliveryResult> {
  const { autonomy, kind, headSha, log, audit } = options
  const marker = deliveryMarker(kind, headSha)
  const finish = (result: Omit<DeliveryResult, 'requested' | 'markdown'>): DeliveryResult => {
    const full: DeliveryResult = { ...result, requested: autonomy, markdown: renderDelivery(options, result) }
    audit.record({
      type: 'deliver',
      kind,
      requested: autonomy,
      mode: full.mode,
      headSha,
      url: full.url,
      skippedReason: full.skippedReason,
      duplicate: full.duplicate ?? false,
      files: options.files.map(f => f.path),
      patch: options.patch
    })
    if (full.skippedReason) log.info(`Delivery (${autonomy}): ${full.skippedReason}`)
    else log.info(`Delivered the ${kind} as ${full.mode}${full.url ? `: ${full.url}` : ''}`)
    return full
  }

  if (autonomy === 'shadow') {
    return finish({
      mode: 'shadow',
      skippedReason: 'autonomy is shadow: the change is in the job summary and the audit log only'
    })
  }
  const paths = [...new Set([...touchedPaths(options.patch), ...options.files.map(f => f.path)])]
  const workflow = workflowFileRefusal(paths)
  if (workflow) return finish({ mode: 'report', skippedReason: workflow })
  if (!options.patch.trim() && options.files.length === 0)
    return finish({ mode: 'report', skippedReason: 'the change is empty' })
  const github = options.github
  const repository = options.event.repository
  if (!github || !repository) {
    return finish({
      mode: 'report',
      skippedReason: 'no GitHub token or repository, so the change is reported only'
    })
  }

  try {
    const permission = await writeBackAllowed(github, options.event)
    if (!permission.allowed) return finish({ mode: 'report', skippedReason: permission.reason })
    if (await isCiMedicCommit(options.git, headSha)) {
      return finish({
        mode: 'report',
        skippedReason: `the head commit ${headSha.slice(0, 7)} was made by CI Medic; it does not fix its own commits`
      })
    }
    const { owner, repo } = repository
    const remote = options.remote ?? 'origin'

    if (autonomy === 'suggest') {
      const pullNumber = pullRequestNumber(options.event)
      if (pullNumber === undefined) {
        return finish({
          mode: 'report',
          skippedReason: 'autonomy suggest needs a pull request; this run has none'
        })
      }
      if (kind === 'tests')
        return finish(await commentTests(options, github, owner, repo, pullNumber, marker))
      return finish(await reviewWithSuggestions(options, github, owner, repo, pullNumber, marker))
    }

    const branch = options.branch ?? targetBranch(options.event)
    if (!branch)
      return finish({
        mode: 'report',
        skippedReason: 'the branch of this run is unknown, so nothing is pushed'
      })

    if (autonomy === 'pr')
      return finish(await openPullRequest(options, github, owner, repo, branch, remote, marker))

    const refusal = defaultBranchRefusal(branch, options.defaultBranch ?? defaultBranchOf(options.event))
    if (refusal) return finish({ mode: 'report', skippedReason: refusal })
    return finish(await pushCommit(options, branch, remote))
  } catch (error) {
    log.warning(`Delivery failed: ${errorMessage(error)}`)
    return finish({ mode: 'report', skippedReason: `delivery failed: ${errorMessage(error)}` })
  }
}

async function reviewWithSuggestions(
  options: DeliverOptions,
  github: GitHubClient,
  owner: string,
  repo: string,
  pullNumber: number,
  marker: string
): Promise<Omit<DeliveryResult, 'requested' | 'markdown'>> {
  const reviews = (await github.paginate(github.rest.pulls.listReviews, {
    owner,
    repo,
    pull_number: pullNumber,
    per_page: 100
  })) as Array<{ body?: string | null; html_url: string; user?: { type?: string } | null }>
  const earlier = reviews.find(review => review.user?.type === 'Bot' && (review.body ?? '').includes(marker))
  if (earlier) {
    return {
      mode: 'suggest',
      url: earlier.html_url,
      duplicate: true,
      skippedReason: `already reviewed for ${options.headSha.slice(0, 7)}`
    }
  }
  const prFiles = (await github.paginate(github.rest.pulls.listFiles, {
    owner,
    repo,
    pull_number: pullNumber,
    per_page: 100
  })) as Array<{ filename: string; patch?: string }>
  const prPatches = new Map(prFiles.map(file => [file.filename, file.patch]))
  const patchFiles = parseUnifiedDiff(options.patch)
  // A shallow checkout of the merge commit lacks the head commit; its files are what GitHub shows.
  await ensureCommit(options.git, options.headSha, options.remote ?? 'origin').catch(() => undefined)
  const headFiles = await headContents(
    options,
    patchFiles.flatMap(file => (file.oldPath ? [file.oldPath] : []))
  )
  const plan = planSuggestions(patchFiles, prPatches, path => headFiles.get(path))
  const notes = plan.leftOut.length
    ? `\n\nNot shown as suggestions (apply the patch below instead):\n${plan.leftOut.map(l => `- ${code(l.path)}: ${l.reason}`).join('\n')}`
    : ''
  const body = capComment(
    `## ${options.title}\n\n${options.body.trim()}${notes}\n\n<details><summary>Full patch</summary>\n\n${patchBlock(options.patch)}\n\n</details>`,
    marker
  )
  const { data } = await github.rest.pulls.createReview({
    owner,
    repo,
    pull_number: pullNumber,
    commit_id: options.headSha,
    event: 'COMMENT',
    body,
    comments: plan.comments.map(comment => ({
      ...comment,
      body: `CI Medic suggests (validated against the failing tests):\n\n${comment.body}`
    }))
  })
  return { mode: 'suggest', url: data.html_url || undefined }
}

/** Files' text at the head commit, from the object store (no checkout needed), else from the working tree. */
async function headContents(
  options: DeliverOptions,
  paths: readonly string[]
): Promise<Map<string, string | undefined>> {
  const contents = new Map<string, string | undefined>()
  for (const path of paths) {
    const shown = await options.git.tryRun(['show', `${options.headSha}:${path}`])
    if (shown.exitCode === 0) contents.set(path, shown.stdout)
    else {
      try {
        contents.set(path, readFileSync(join(options.repoDir, path), 'utf8'))
      } catch {
        contents.set(path, undefined)
      }
    }
  }
  return contents
}

async function commentTests(
  options: DeliverOptions,
  github: GitHubClient,
  owner: string,
  repo: string,
  pullNumber: number,
  marker: string
): Promise<Omit<DeliveryResult, 'requested' | 'markdown'>> {
  const target = { github, owner, repo, issueNumber: pullNumber }
  const earlier = await findComment(target, marker)
  if (earlier) {
    return {
      mode: 'suggest',
      url: earlier.html_url,
      duplicate: true,
      skippedReason: `already commented for ${options.headSha.slice(0, 7)}`
    }
  }
  const files = options.files
    .map(
      file =>
        `<details><summary>${code(file.path)}</summary>\n\n${codeBlock(file.content, languageOf(file.path))}\n\n</details>`
    )
    .join('\n\n')
  const posted = await upsertComment(
    target,
    marker,
    `## ${options.title}\n\n${options.body.trim()}\n\n${files}`
  )
  return { mode: 'suggest', url: posted.url }
}

async function openPullRequest(
  options: DeliverOptions,
  github: GitHubClient,
  owner: string,
  repo: string,
  base: string,
  remote: string,
  marker: string
): Promise<Omit<DeliveryResult, 'requested' | 'markdown'>> {
  const branch = branchName(options.kind, options.headSha)
  const open = await github.rest.pulls.list({
    owner,
    repo,
    head: `${owner}:${branch}`,
    state: 'all',
    per_page: 10
  })
  const earlier = open.data.find(pr => (pr.body ?? '').includes(marker) || pr.head?.ref === branch)
  if (earlier) {
    return {
      mode: 'pr',
      url: earlier.html_url,
      duplicate: true,
      skippedReason: `a pull request for ${options.headSha.slice(0, 7)} exists already`
    }
  }
  const remoteBranch = await options.git.tryRun(['ls-remote', '--heads', remote, `refs/heads/${branch}`])
  if (remoteBranch.exitCode === 0 && remoteBranch.stdout.trim() === '') {
    const commit = await changeCommit(options, remote)
    await (await pushingGit(options, remote)).run(safePushArgs(remote, commit, branch))
    options.audit.record({ type: 'deliver.push', branch, commit, remote })
  } else if (remoteBranch.exitCode !== 0) {
    throw new Error(`could not list ${remote}'s branches: ${remoteBranch.stderr.trim()}`)
  }
  const { data } = await github.rest.pulls.create({
    owner,
    repo,
    head: branch,
    base,
    title: options.title,
    body: capComment(options.body, marker)
  })
  return { mode: 'pr', url: data.html_url }
}

async function pushCommit(
  options: DeliverOptions,
  branch: string,
  remote: string
): Promise<Omit<DeliveryResult, 'requested' | 'markdown'>> {
  const earlier = await ownCommitOnBranch(options, branch, remote)
  if (earlier) {
    return {
      mode: 'commit',
      url: commitUrl(options, earlier),
      duplicate: true,
      skippedReason: `${branch} already has CI Medic's commit for ${options.headSha.slice(0, 7)}`
    }
  }
  const commit = await changeCommit(options, remote)
  // A plain push: if the branch moved on since the head commit, it is not a fast-forward and fails.
  const pushed = await (await pushingGit(options, remote)).tryRun(safePushArgs(remote, commit, branch))
  if (pushed.exitCode !== 0) {
    const moved = /non-fast-forward|fetch first|rejected/i.test(pushed.stderr)
    return {
      mode: 'report',
      skippedReason: moved
        ? `${branch} has moved on since ${options.headSha.slice(0, 7)}; CI Medic never force-pushes, so the change is reported only`
        : `the push to ${branch} failed: ${pushed.stderr.trim().split('\n').slice(-1)[0]}`
    }
  }
  options.audit.record({ type: 'deliver.push', branch, commit, remote })
  return { mode: 'commit', url: commitUrl(options, commit) }
}

function commitUrl(options: DeliverOptions, commit: string): string {
  const server = options.event.serverUrl.replace(/\/+$/, '')
  const repository = options.event.repository!
  return `${server}/${repository.owner}/${repository.repo}/commit/${commit}`
}

/** The branch tip, when it is CI Medic's commit of this kind for this head commit (a rerun). */
async function ownCommitOnBranch(
  options: DeliverOptions,
  branch: string,
  remote: string
): Promise<string | undefined> {
  const listed = await options.git.tryRun(['ls-remote', '--heads', remote, `refs/heads/${branch}`])
  const tip = listed.stdout.split(/\s+/)[0]
  if (listed.exitCode !== 0 || !tip || tip === options.headSha) return undefined
  if (!(await options.git.resolveCommit(tip))) {
    await options.git.tryRun(['fetch', '--no-tags', '--depth=1', remote, tip])
  }
  const message = await options.git.tryRun(['log', '-1', '--format=%B', tip, '--'])
  if (message.exitCode !== 0) return undefined
  const trailers = message.stdout.split('\n').map(line => line.trim())
  return trailers.includes(CI_MEDIC_TRAILER) &&
    trailers.includes(`CI-Medic-Kind: ${options.kind}`) &&
    trailers.includes(`CI-Medic-Head: ${options.headSha}`)
    ? tip
    : undefined
}

/** The commit carrying the change, on top of the head commit (the working tree is not touched). */
function changeCommit(options: DeliverOptions, remote: string): Promise<string> {
  return createChangeCommit({
    git: options.git,
    headSha: options.headSha,
    patch: options.patch,
    files: options.files,
    subject: options.title,
    body: stripMarkdown(options.body),
    kind: options.kind,
    remote
  })
}

/** The git to push with: see withTokenAuth. */
function pushingGit(options: DeliverOptions, remote: string): Promise<Git> {
  return withTokenAuth(options.git, options.pushToken, options.log, remote)
}

function stripMarkdown(body: string): string {
  return body.replace(/<!--[\s\S]*?-->/g, '').trim()
}

function languageOf(path: string): string {
  const ext = path.split('.').pop() ?? ''
  return (
    (
      { ts: 'ts', tsx: 'tsx', js: 'js', mjs: 'js', cjs: 'js', jsx: 'jsx', py: 'python', go: 'go' } as Record<
        string,
        string
      >
    )[ext] ?? ''
  )
}

function renderDelivery(
  options: DeliverOptions,
  result: Omit<DeliveryResult, 'requested' | 'markdown'>
): string {
  const what = options.kind === 'fix' ? 'fix' : 'tests'
  const lines: string[] = []
  if (result.mode === 'shadow') lines.push(`**Shadow mode:** the ${what} below was not written anywhere.`)
  else if (result.skippedReason && !result.duplicate) lines.push(`**Report only:** ${result.skippedReason}.`)
  else if (result.duplicate)
    lines.push(`**Already delivered:** ${result.skippedReason}${result.url ? ` — ${result.url}` : ''}.`)
  else {
    const how = {
      suggest: 'a review with suggestions',
      pr: 'a pull request',
      commit: 'a commit',
      report: 'a report',
      shadow: 'the summary'
    }[result.mode]
    lines.push(`**Delivered** the ${what} as ${how}${result.url ? `: ${result.url}` : ''}.`)
  }
  lines.push('', patchBlock(options.patch))
  return lines.join('\n')
}
