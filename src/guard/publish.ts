import { byBot, capComment, upsertComment as upsertIssueComment } from '../deliver/comments.js'
import type { GitHubClient } from '../ports/github.js'
import type { Logger } from '../ports/log.js'
import type { Repo } from './deployments.js'

export type CommentTarget = { kind: 'pr'; number: number } | { kind: 'commit'; sha: string }

/** Hidden marker of the guard's sticky comment, one per environment. */
export function commentMarker(environment?: string): string {
  return `<!-- ci-medic:guard environment=${(environment ?? 'default').replace(/[^A-Za-z0-9._/-]/g, '_')} -->`
}

export function escalationMarker(environment?: string): string {
  return `<!-- ci-medic:guard-escalation environment=${(environment ?? 'default').replace(/[^A-Za-z0-9._/-]/g, '_')} -->`
}

/**
 * Creates the sticky comment, or updates the one an earlier run left (found by its marker). On a
 * pull request this is the delivery module's sticky comment; a commit gets the same treatment with
 * commit comments. Only comments a bot wrote are taken as ours.
 */
export async function upsertComment(
  github: GitHubClient,
  repo: Repo,
  target: CommentTarget,
  marker: string,
  body: string,
  log: Logger
): Promise<string | undefined> {
  try {
    if (target.kind === 'pr') {
      const comment = await upsertIssueComment({ github, ...repo, issueNumber: target.number }, marker, body)
      return comment.url
    }
    const comments = await github.paginate(github.rest.repos.listCommentsForCommit, {
      ...repo,
      commit_sha: target.sha,
      per_page: 100
    })
    const text = capComment(body, marker)
    const existing = comments.find(c => byBot(c) && c.body?.includes(marker))
    if (existing) {
      const { data } = await github.rest.repos.updateCommitComment({
        ...repo,
        comment_id: existing.id,
        body: text
      })
      return data.html_url
    }
    const { data } = await github.rest.repos.createCommitComment({
      ...repo,
      commit_sha: target.sha,
      body: text
    })
    return data.html_url
  } catch (error) {
    log.warning(`Could not post the deploy guard comment: ${(error as Error).message}`)
    return undefined
  }
}

/**
 * Opens the escalation issue, or comments on the open one for the environment (found by its marker),
 * unless that issue already reports this deployment.
 */
export async function escalate(
  github: GitHubClient,
  repo: Repo,
  options: { environment?: string; deploymentKey: string; title: string; body: string },
  log: Logger
): Promise<string | undefined> {
  const marker = escalationMarker(options.environment)
  const deploymentMarker = `<!-- ci-medic:guard-deployment ${options.deploymentKey.replace(/[^A-Za-z0-9._/-]/g, '_')} -->`
  const body = `${marker}\n${deploymentMarker}\n${options.body}`
  try {
    const open = await github.paginate(github.rest.issues.listForRepo, {
      ...repo,
      state: 'open',
      labels: 'deploy-guard',
      per_page: 100
    })
    const existing = open.find(i => !i.pull_request && i.body?.includes(marker))
    if (!existing) {
      const { data } = await github.rest.issues.create({
        ...repo,
        title: options.title,
        body,
        labels: ['deploy-guard']
      })
      return data.html_url
    }
    if (existing.body?.includes(deploymentMarker)) return existing.html_url
    const comments = await github.paginate(github.rest.issues.listComments, {
      ...repo,
      issue_number: existing.number,
      per_page: 100
    })
    if (!comments.some(c => c.body?.includes(deploymentMarker))) {
      await github.rest.issues.createComment({
        ...repo,
        issue_number: existing.number,
        body: `${deploymentMarker}\n${options.body}`
      })
    }
    return existing.html_url
  } catch (error) {
    log.warning(`Could not open the escalation issue: ${(error as Error).message}`)
    return undefined
  }
}
