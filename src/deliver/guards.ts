import type { Git } from '../ports/git.js'
import type { RunEvent } from '../ports/event.js'

/** The trailer on every commit CI Medic makes; a head commit carrying it is never fixed again. */
export const CI_MEDIC_TRAILER = 'CI-Medic: true'
export const CI_MEDIC_IDENTITY = {
  name: 'ci-medic[bot]',
  email: 'ci-medic[bot]@users.noreply.github.com'
} as const

export type DeliveryKind = 'fix' | 'tests'

/** The hidden marker that finds an earlier delivery for the same head commit. */
export function deliveryMarker(kind: DeliveryKind, headSha: string): string {
  return `<!-- ci-medic:${kind}:${headSha} -->`
}

/** Workflow files are never edited: a change there could grant itself permissions or leak secrets. */
export function workflowFileRefusal(paths: readonly string[]): string | undefined {
  const workflows = paths.filter(path => /^\.github\/workflows\//i.test(path.replace(/^\.\//, '')))
  if (workflows.length === 0) return undefined
  return `the change touches workflow files (${workflows.join(', ')}); CI Medic never edits .github/workflows`
}

/** Commit mode never pushes to the default branch: that is what pull requests are for. */
export function defaultBranchRefusal(branch: string, defaultBranch: string | undefined): string | undefined {
  if (!defaultBranch) return `the default branch is unknown, so a direct push to ${branch} is not risked`
  if (branch === defaultBranch) {
    return `${branch} is the default branch; CI Medic never pushes to it (use autonomy: pr or suggest)`
  }
  return undefined
}

/**
 * Push arguments are built here only, and they never force: no --force, --force-with-lease,
 * --mirror, --delete, or `+` refspecs. Throws if a caller tries anything else.
 */
export function safePushArgs(remote: string, source: string, branch: string): string[] {
  if (!/^[A-Za-z0-9._/-]+$/.test(branch) || branch.includes('..') || branch.startsWith('-')) {
    throw new Error(`Refusing to push to an unusual branch name: ${branch}`)
  }
  if (source.startsWith('+') || source.startsWith('-') || remote.startsWith('-')) {
    throw new Error('Refusing a forced or option-like push refspec')
  }
  return ['push', '--no-verify', remote, `${source}:refs/heads/${branch}`]
}

/** True when the commit was made by CI Medic (its trailer or its identity). */
export async function isCiMedicCommit(git: Git, sha: string): Promise<boolean> {
  const result = await git.tryRun(['log', '-1', '--format=%an%n%ae%n%B', sha, '--'])
  if (result.exitCode !== 0) return false
  const [name = '', email = '', ...message] = result.stdout.split('\n')
  if (name === CI_MEDIC_IDENTITY.name || email === CI_MEDIC_IDENTITY.email) return true
  return message.some(line => line.trim().toLowerCase() === CI_MEDIC_TRAILER.toLowerCase())
}

/** The branch a change for this run belongs to: the PR's head branch, or the pushed branch. */
export function targetBranch(event: RunEvent): string | undefined {
  const pr = event.payload?.pull_request
  if (pr?.head?.ref) return String(pr.head.ref)
  const ref = event.payload?.ref ?? event.ref
  if (typeof ref === 'string' && ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length)
  return undefined
}

export function defaultBranchOf(event: RunEvent): string | undefined {
  const branch =
    event.payload?.repository?.default_branch ?? event.payload?.pull_request?.base?.repo?.default_branch
  return typeof branch === 'string' ? branch : undefined
}

export function pullRequestNumber(event: RunEvent): number | undefined {
  const number =
    event.payload?.pull_request?.number ??
    (event.payload?.issue?.pull_request ? event.payload.issue.number : undefined)
  return typeof number === 'number' ? number : undefined
}
