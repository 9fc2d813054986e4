/**
 * A stateful slice of GitHub for the deploy guard, installed on the shared fake GitHub (which checks
 * every request against the OpenAPI description): deployments and their statuses, git refs with
 * GitHub's create-or-422 semantics, workflow dispatches and commit comments.
 */
import type { FakeGitHub } from '../support/fake-github.js'

export interface FakeDeployment {
  id: number
  sha: string
  ref: string
  environment: string
  description: string | null
  payload: unknown
  created_at: string
}

export interface FakeStatus {
  id: number
  deployment_id: number
  state: string
  description: string
  environment_url: string
  log_url: string
  created_at: string
}

export interface FakeCommitComment {
  id: number
  commit_sha: string
  body: string
}

const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

export class FakeDeployments {
  readonly deployments: FakeDeployment[] = []
  readonly statuses: FakeStatus[] = []
  readonly refs = new Map<string, string>()
  readonly dispatches: Array<{ workflow: string; ref: string }> = []
  readonly commitComments: FakeCommitComment[] = []
  /** When set, refs can only point at these commits (GitHub answers 422 "Object does not exist"). */
  knownCommits?: Set<string>
  private nextId = 100
  private time = Date.UTC(2024, 0, 1)

  constructor(private readonly fake: FakeGitHub) {}

  private now(): string {
    this.time += 1000
    return new Date(this.time).toISOString()
  }

  /** Adds a deployment (with statuses, oldest first) as if an earlier deploy had made it. */
  add(
    sha: string,
    environment: string,
    states: string[] = [],
    options: { url?: string; ref?: string } = {}
  ): FakeDeployment {
    const deployment: FakeDeployment = {
      id: this.nextId++,
      sha,
      ref: options.ref ?? 'main',
      environment,
      description: null,
      payload: {},
      created_at: this.now()
    }
    this.deployments.push(deployment)
    for (const state of states) this.addStatus(deployment.id, state, '', options.url ?? '')
    return deployment
  }

  addStatus(deploymentId: number, state: string, description: string, environmentUrl = ''): FakeStatus {
    const status = {
      id: this.nextId++,
      deployment_id: deploymentId,
      state,
      description,
      environment_url: environmentUrl,
      log_url: '',
      created_at: this.now()
    }
    this.statuses.push(status)
    return status
  }

  statesOf(deploymentId: number): string[] {
    return this.statuses.filter(s => s.deployment_id === deploymentId).map(s => s.state)
  }

  private deploymentJson(d: FakeDeployment, owner: string, repo: string): Record<string, unknown> {
    const url = `${this.fake.url}/repos/${owner}/${repo}/deployments/${d.id}`
    return {
      ...d,
      url,
      node_id: `DE_${d.id}`,
      task: 'deploy',
      original_environment: d.environment,
      creator: BOT,
      updated_at: d.created_at,
      statuses_url: `${url}/statuses`,
      repository_url: `${this.fake.url}/repos/${owner}/${repo}`
    }
  }

  private statusJson(s: FakeStatus, owner: string, repo: string): Record<string, unknown> {
    return {
      ...s,
      node_id: `DES_${s.id}`,
      url: `${this.fake.url}/repos/${owner}/${repo}/deployments/${s.deployment_id}/statuses/${s.id}`,
      creator: BOT,
      target_url: s.log_url,
      updated_at: s.created_at,
      deployment_url: `${this.fake.url}/repos/${owner}/${repo}/deployments/${s.deployment_id}`,
      repository_url: `${this.fake.url}/repos/${owner}/${repo}`
    }
  }

  install(): this {
    const f = this.fake
    f.on('GET /repos/{owner}/{repo}/deployments', ({ params, query }) => {
      const perPage = Number(query.per_page ?? 30)
      const page = Number(query.page ?? 1)
      const found = this.deployments
        .filter(
          d =>
            (query.environment === undefined || d.environment === query.environment) &&
            (query.sha === undefined || d.sha === query.sha)
        )
        .sort((a, b) => b.id - a.id)
        .slice((page - 1) * perPage, page * perPage)
      return { body: found.map(d => this.deploymentJson(d, params.owner!, params.repo!)) }
    })
    f.on('GET /repos/{owner}/{repo}/deployments/{deployment_id}', ({ params }) => {
      const d = this.deployments.find(x => x.id === Number(params.deployment_id))
      return d
        ? { body: this.deploymentJson(d, params.owner!, params.repo!) }
        : { status: 404, body: { message: 'Not Found' } }
    })
    f.on('POST /repos/{owner}/{repo}/deployments', ({ params, body }) => {
      const d = this.add(body.ref, body.environment ?? 'production', [], { ref: body.ref })
      d.description = body.description ?? null
      d.payload = body.payload ?? {}
      return { status: 201, body: this.deploymentJson(d, params.owner!, params.repo!) }
    })
    f.on('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', ({ params }) => {
      const found = this.statuses
        .filter(s => s.deployment_id === Number(params.deployment_id))
        .sort((a, b) => b.id - a.id)
      return { body: found.map(s => this.statusJson(s, params.owner!, params.repo!)) }
    })
    f.on('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', ({ params, body }) => {
      const id = Number(params.deployment_id)
      if (!this.deployments.some(d => d.id === id)) return { status: 404, body: { message: 'Not Found' } }
      const status = this.addStatus(id, body.state, body.description ?? '', body.environment_url ?? '')
      status.log_url = body.log_url ?? ''
      return { status: 201, body: this.statusJson(status, params.owner!, params.repo!) }
    })
    f.on('POST /repos/{owner}/{repo}/git/refs', ({ body }) => {
      if (this.refs.has(body.ref)) return { status: 422, body: { message: 'Reference already exists' } }
      if (this.knownCommits && !this.knownCommits.has(body.sha))
        return { status: 422, body: { message: 'Object does not exist' } }
      this.refs.set(body.ref, body.sha)
      return {
        status: 201,
        body: { ref: body.ref, node_id: 'REF_1', url: '', object: { type: 'commit', sha: body.sha, url: '' } }
      }
    })
    f.on('PATCH /repos/{owner}/{repo}/git/refs/{ref}', ({ params, body }) => {
      const ref = `refs/${decodeURIComponent(params.ref!)}`
      this.refs.set(ref, body.sha)
      return { body: { ref, node_id: 'REF_1', url: '', object: { type: 'commit', sha: body.sha, url: '' } } }
    })
    f.on('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', ({ params, body }) => {
      this.dispatches.push({ workflow: decodeURIComponent(params.workflow_id!), ref: body.ref })
      return { status: 204 }
    })
    const commentJson = (c: FakeCommitComment, owner: string, repo: string): Record<string, unknown> => ({
      ...c,
      node_id: `CC_${c.id}`,
      url: `${this.fake.url}/repos/${owner}/${repo}/comments/${c.id}`,
      html_url: `https://github.com/${owner}/${repo}/commit/${c.commit_sha}#commitcomment-${c.id}`,
      path: null,
      position: null,
      line: null,
      user: BOT,
      created_at: this.now(),
      updated_at: this.now(),
      author_association: 'NONE'
    })
    f.on('GET /repos/{owner}/{repo}/commits/{commit_sha}/comments', ({ params }) => ({
      body: this.commitComments
        .filter(c => c.commit_sha === params.commit_sha)
        .map(c => commentJson(c, params.owner!, params.repo!))
    }))
    f.on('POST /repos/{owner}/{repo}/commits/{commit_sha}/comments', ({ params, body }) => {
      const comment = { id: this.nextId++, commit_sha: params.commit_sha!, body: body.body }
      this.commitComments.push(comment)
      return { status: 201, body: commentJson(comment, params.owner!, params.repo!) }
    })
    f.on('PATCH /repos/{owner}/{repo}/comments/{comment_id}', ({ params, body }) => {
      const comment = this.commitComments.find(c => c.id === Number(params.comment_id))
      if (!comment) return { status: 404, body: { message: 'Not Found' } }
      comment.body = body.body
      return { body: commentJson(comment, params.owner!, params.repo!) }
    })
    return this
  }
}
