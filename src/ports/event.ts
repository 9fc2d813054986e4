import { readFileSync } from 'node:fs'

/** The workflow run's event and environment, read once from the runner's variables. */
export interface RunEvent {
  /** `pull_request`, `push`, `merge_group`, `workflow_dispatch`, … or `local` outside Actions. */
  name: string
  payload: Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
  /** `owner/name`, when known. */
  repository?: { owner: string; repo: string }
  sha?: string
  ref?: string
  actor?: string
  apiUrl: string
  serverUrl: string
  runId?: string
  runAttempt?: string
  workflow?: string
  /** The runner's temp folder, for reports and caches. */
  tempDir?: string
}

export function readRunEvent(env: NodeJS.ProcessEnv): RunEvent {
  const name = env.GITHUB_EVENT_NAME || 'local'
  let payload: Record<string, any> = {} // eslint-disable-line @typescript-eslint/no-explicit-any
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
    } catch {
      payload = {}
    }
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? payload.repository?.full_name ?? '').split('/')
  return {
    name,
    payload,
    repository: owner && repo ? { owner, repo } : undefined,
    sha: env.GITHUB_SHA || undefined,
    ref: env.GITHUB_REF || undefined,
    actor: env.GITHUB_ACTOR || undefined,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    runId: env.GITHUB_RUN_ID || undefined,
    runAttempt: env.GITHUB_RUN_ATTEMPT || undefined,
    workflow: env.GITHUB_WORKFLOW || undefined,
    tempDir: env.RUNNER_TEMP || undefined
  }
}
