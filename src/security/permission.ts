import type { RunEvent } from '../ports/event.js'
import type { GitHubClient } from '../ports/github.js'
import { isForkPullRequest } from './fork.js'

export type RepoPermission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

const WRITE_LEVELS: ReadonlySet<RepoPermission> = new Set(['admin', 'maintain', 'write'])

/**
 * The actor's role on the repository (GET /repos/{owner}/{repo}/collaborators/{username}/permission).
 * An unknown user (404) has none.
 */
export async function actorPermission(
  github: GitHubClient,
  owner: string,
  repo: string,
  username: string
): Promise<RepoPermission> {
  try {
    const { data } = await github.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username })
    const role = (data as { role_name?: string }).role_name
    if (role && ['admin', 'maintain', 'write', 'triage', 'read'].includes(role)) return role as RepoPermission
    const permission = data.permission as string
    return ['admin', 'maintain', 'write', 'triage', 'read'].includes(permission)
      ? (permission as RepoPermission)
      : 'none'
  } catch (error) {
    if ((error as { status?: number }).status === 404) return 'none'
    throw error
  }
}

export function canWrite(permission: RepoPermission): boolean {
  return WRITE_LEVELS.has(permission)
}

export interface WriteBackDecision {
  allowed: boolean
  /** Why not (fork, permission), for the report. */
  reason?: string
  permission?: RepoPermission
}

/**
 * Whether CI Medic may write a change for this run into the repository or the PR: never for a
 * fork, only for an actor with write, maintain or admin access.
 */
export async function writeBackAllowed(github: GitHubClient, event: RunEvent): Promise<WriteBackDecision> {
  if (isForkPullRequest(event)) {
    return { allowed: false, reason: 'the pull request comes from a fork, so changes are reported only' }
  }
  if (!event.repository)
    return { allowed: false, reason: 'the repository is unknown (GITHUB_REPOSITORY is not set)' }
  const actor = event.actor ?? event.payload?.sender?.login
  if (!actor) return { allowed: false, reason: 'the actor who triggered the run is unknown' }
  const permission = await actorPermission(github, event.repository.owner, event.repository.repo, actor)
  if (!canWrite(permission)) {
    return {
      allowed: false,
      permission,
      reason: `${actor} has ${permission} access to the repository; only write, maintain or admin get changes pushed, others a report`
    }
  }
  return { allowed: true, permission }
}
