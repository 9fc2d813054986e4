import type { RunEvent } from '../ports/event.js'

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment'])

/**
 * True when the run is for a pull request whose head lives in another repository (a fork), or
 * whose head repository is gone. Such code is untrusted: it gets no LLM and no write-back.
 */
export function isForkPullRequest(event: RunEvent): boolean {
  const pr = event.payload?.pull_request
  if (!pr || (!PULL_REQUEST_EVENTS.has(event.name) && event.name !== 'pull_request_target')) return false
  const head: string | undefined = pr.head?.repo?.full_name
  const base: string | undefined = pr.base?.repo?.full_name ?? event.payload?.repository?.full_name
  if (!head) return true
  return !base || head.toLowerCase() !== base.toLowerCase()
}

/**
 * Why this run must not send anything to a model, or undefined when it may. `pull_request_target`
 * runs with a write token next to code from the PR author, so it is refused as a whole.
 */
export function llmBlockedReason(event: RunEvent): string | undefined {
  if (event.name === 'pull_request_target') {
    return 'The LLM is off for pull_request_target runs: they hold a write token next to untrusted pull-request code.'
  }
  if (isForkPullRequest(event)) {
    const head = event.payload?.pull_request?.head?.repo?.full_name ?? 'a deleted repository'
    return `The LLM is off for pull requests from forks (head: ${head}): their code and text are untrusted and the run has no secrets to spend.`
  }
  return undefined
}
