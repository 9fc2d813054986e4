import type { GitHubClient } from '../ports/github.js'
import { truncate } from '../report/markdown.js'

/** GitHub rejects comment and review bodies longer than this. */
export const COMMENT_LIMIT = 65_536

/** Cuts a body to GitHub's comment limit, keeping the hidden marker (at the end) so reruns still find it. */
export function capComment(body: string, marker = ''): string {
  const withoutMarker = marker ? body.split(marker).join('') : body
  const room = COMMENT_LIMIT - marker.length - 1
  const capped = truncate(
    withoutMarker.trimEnd(),
    room,
    '\n\n_…cut to fit GitHub’s comment size limit; the full text is in the job summary and the audit artifact._'
  )
  return marker ? `${capped}\n${marker}` : capped
}

export interface CommentTarget {
  github: GitHubClient
  owner: string
  repo: string
  issueNumber: number
}

interface ListedComment {
  id: number
  body?: string | null
  html_url: string
  user?: { type?: string; login?: string } | null
}

/** Comments written by a bot (GitHub Actions' token, an app), never by people who might plant a marker. */
export function byBot(comment: Pick<ListedComment, 'user'>): boolean {
  return comment.user?.type === 'Bot'
}

/** The first bot comment on the issue or PR that carries `marker`, if any. */
export async function findComment(target: CommentTarget, marker: string): Promise<ListedComment | undefined> {
  const { github, owner, repo, issueNumber } = target
  const comments = (await github.paginate(github.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100
  })) as ListedComment[]
  return comments.find(comment => byBot(comment) && (comment.body ?? '').includes(marker))
}

/**
 * One sticky comment per marker: updates the earlier comment carrying the hidden marker, or
 * posts a new one. The body is capped at GitHub's limit and always ends with the marker.
 */
export async function upsertComment(
  target: CommentTarget,
  marker: string,
  body: string
): Promise<{ id: number; url: string; action: 'created' | 'updated' }> {
  const { github, owner, repo, issueNumber } = target
  const text = capComment(body, marker)
  const existing = await findComment(target, marker)
  if (existing) {
    const { data } = await github.rest.issues.updateComment({
      owner,
      repo,
      comment_id: existing.id,
      body: text
    })
    return { id: data.id, url: data.html_url, action: 'updated' }
  }
  const { data } = await github.rest.issues.createComment({
    owner,
    repo,
    issue_number: issueNumber,
    body: text
  })
  return { id: data.id, url: data.html_url, action: 'created' }
}
