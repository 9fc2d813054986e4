import type { GitHubClient } from '../ports/github.js'
import type { Logger } from '../ports/log.js'

/** Starts every status description the guard writes, so a run started by one of them can stand down. */
export const STATUS_PREFIX = 'CI Medic: '

/** Written into the failure status of a deployment the guard rolled back; the next run sees it. */
export const ROLLED_BACK_MARKER = '[ci-medic:rolled-back]'

export interface Repo {
  owner: string
  repo: string
}

export interface DeploymentInfo {
  id: number
  sha: string
  ref: string
  environment: string
  createdAt: string
  /** environment_url / target_url of its newest status that has one. */
  url?: string
  /** Newest status first. */
  statuses?: Array<{ state: string; description: string }>
}

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'

function toInfo(d: {
  id: number
  sha: string
  ref: string
  environment?: string
  created_at: string
}): DeploymentInfo {
  return { id: d.id, sha: d.sha, ref: d.ref, environment: d.environment ?? '', createdAt: d.created_at }
}

export class Deployments {
  constructor(
    private readonly github: GitHubClient,
    private readonly repo: Repo,
    private readonly log: Logger
  ) {}

  async get(id: number): Promise<DeploymentInfo> {
    const { data } = await this.github.rest.repos.getDeployment({ ...this.repo, deployment_id: id })
    return toInfo(data)
  }

  /** Newest first. */
  async list(environment: string, pages = 2): Promise<DeploymentInfo[]> {
    const all: DeploymentInfo[] = []
    for (let page = 1; page <= pages; page++) {
      const { data } = await this.github.rest.repos.listDeployments({
        ...this.repo,
        environment,
        per_page: 100,
        page
      })
      all.push(...data.map(toInfo))
      if (data.length < 100) break
    }
    return all.sort((a, b) => b.id - a.id)
  }

  async statuses(deployment: DeploymentInfo): Promise<DeploymentInfo> {
    const { data } = await this.github.rest.repos.listDeploymentStatuses({
      ...this.repo,
      deployment_id: deployment.id,
      per_page: 100
    })
    const sorted = [...data].sort((a, b) => b.id - a.id)
    const withUrl = sorted.find(s => s.environment_url || s.target_url)
    return {
      ...deployment,
      url:
        deployment.url ?? (withUrl ? withUrl.environment_url || withUrl.target_url || undefined : undefined),
      statuses: sorted.map(s => ({ state: s.state, description: s.description ?? '' }))
    }
  }

  /**
   * The newest earlier deployment of the environment that succeeded, was not rolled back and is not
   * of the same commit: what a rollback goes back to. Undefined on the first deployment.
   */
  async lastGood(current: DeploymentInfo, environment: string): Promise<DeploymentInfo | undefined> {
    const earlier = (await this.list(environment)).filter(d => d.id < current.id && d.sha !== current.sha)
    for (const candidate of earlier.slice(0, 30)) {
      const withStatuses = await this.statuses(candidate)
      const states = withStatuses.statuses ?? []
      if (states.some(s => s.description.includes(ROLLED_BACK_MARKER))) continue
      const newest = states[0]?.state
      const succeeded = states.some(s => s.state === 'success')
      if (succeeded && (newest === 'success' || newest === 'inactive')) return withStatuses
    }
    return undefined
  }

  /**
   * The newest deployment of `sha` in the environment. Without a SHA, the newest deployment; never an
   * unrelated one (a guard that rolled back someone else's deployment would be worse than none).
   */
  async find(environment: string, sha: string | undefined): Promise<DeploymentInfo | undefined> {
    const all = await this.list(environment, 1)
    return sha ? all.find(d => d.sha === sha) : all[0]
  }

  async setStatus(
    id: number,
    state: DeploymentState,
    description: string,
    extra: { environmentUrl?: string; logUrl?: string; environment?: string } = {}
  ): Promise<void> {
    try {
      await this.github.rest.repos.createDeploymentStatus({
        ...this.repo,
        deployment_id: id,
        state,
        description: fitDescription(`${STATUS_PREFIX}${description}`, 140),
        ...(extra.environmentUrl ? { environment_url: extra.environmentUrl } : {}),
        ...(extra.logUrl ? { log_url: extra.logUrl } : {}),
        ...(extra.environment ? { environment: extra.environment } : {}),
        auto_inactive: state === 'success'
      })
    } catch (error) {
      this.log.warning(
        `Could not set the status of deployment ${id} to ${state}: ${(error as Error).message}`
      )
    }
  }

  /** A deployment record for the rollback itself (the good commit, same environment). */
  async createRollbackDeployment(
    good: DeploymentInfo,
    of: DeploymentInfo,
    environment: string
  ): Promise<DeploymentInfo | undefined> {
    try {
      const response = await this.github.rest.repos.createDeployment({
        ...this.repo,
        ref: good.sha,
        environment,
        auto_merge: false,
        required_contexts: [],
        task: 'deploy',
        description: `Rollback of deployment ${of.id} to ${good.sha.slice(0, 7)} by CI Medic`,
        payload: { ci_medic: { rollback_of: of.id, restores: good.id } }
      })
      if (response.status !== 201 || !('id' in response.data)) {
        this.log.warning(`GitHub did not create the rollback deployment (${response.status}).`)
        return undefined
      }
      return toInfo(response.data)
    } catch (error) {
      this.log.warning(`Could not create the rollback deployment: ${(error as Error).message}`)
      return undefined
    }
  }
}

/** GitHub rejects descriptions over 140 characters; the rolled-back marker must survive the cut. */
export function fitDescription(text: string, max: number): string {
  if (text.length <= max) return text
  const marker = text.includes(ROLLED_BACK_MARKER) ? ` ${ROLLED_BACK_MARKER}` : ''
  const body = marker ? text.replace(` ${ROLLED_BACK_MARKER}`, '') : text
  return `${body.slice(0, max - marker.length - 1)}…${marker}`
}

export type LockResult = { state: 'won' } | { state: 'lost' } | { state: 'unavailable'; reason: string }

/**
 * Claims the one rollback of a deployment by creating `refs/ci-medic/rollback/<key>`. Creating a ref
 * is atomic on GitHub: when two guard runs race, one gets 201 and the other 422 (already exists).
 */
export async function claimRollback(
  github: GitHubClient,
  repo: Repo,
  key: string,
  sha: string
): Promise<LockResult> {
  try {
    await github.rest.git.createRef({ ...repo, ref: rollbackRef(key), sha })
    return { state: 'won' }
  } catch (error) {
    const status = (error as { status?: number }).status
    // 422 also means "Object does not exist" (a SHA GitHub does not have): that is no lock at all.
    if (status === 422 && /already exists/i.test((error as Error).message)) return { state: 'lost' }
    return { state: 'unavailable', reason: `${status ?? ''} ${(error as Error).message}`.trim() }
  }
}

export function rollbackRef(key: string): string {
  return `refs/ci-medic/rollback/${key.replace(/[^A-Za-z0-9._-]+/g, '-')}`
}
