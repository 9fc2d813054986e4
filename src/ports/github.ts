import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Logger } from './log.js'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface GitHubClientOptions {
  token: string
  /** `GITHUB_API_URL`; tests point it at a loopback fake. */
  baseUrl: string
  log: Logger
  /** Retries on 5xx and rate limits; tests lower it. */
  maxRetries?: number
}

/**
 * What to do when GitHub says to slow down: wait and retry a short wait a few times; give up on a
 * long one (the step has better things to do than sleep for an hour).
 */
function onLimit(kind: string, log: Logger, maxRetries: number) {
  return (
    retryAfter: number,
    request: { method: string; url: string },
    _octokit: unknown,
    retryCount: number
  ) => {
    log.warning(`GitHub ${kind} on ${request.method} ${request.url}; retry in ${retryAfter}s`)
    return retryCount < maxRetries && retryAfter <= 60
  }
}

/** An Octokit for the REST API, with retry and rate-limit handling. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const maxRetries = options.maxRetries ?? 3
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      userAgent: 'ci-medic',
      retry: { retries: maxRetries, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] },
      throttle: {
        onRateLimit: onLimit('rate limit', options.log, maxRetries),
        onSecondaryRateLimit: onLimit('secondary rate limit', options.log, maxRetries)
      }
    },
    retry,
    throttling
  )
}
