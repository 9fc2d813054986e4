import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Git } from '../ports/git.js'
import { CI_MEDIC_IDENTITY, CI_MEDIC_TRAILER, type DeliveryKind } from './guards.js'

export interface ChangedFile {
  path: string
  content: string
}

export interface CommitRequest {
  git: Git
  headSha: string
  /** The unified diff; applied to the head commit's tree. */
  patch: string
  /** Full new contents; used when the patch is empty or does not apply but HEAD is the head commit. */
  files: readonly ChangedFile[]
  subject: string
  body: string
  kind: DeliveryKind
  remote: string
}

/** Makes sure the head commit is present (a shallow PR checkout may hold only the merge commit). */
export async function ensureCommit(git: Git, sha: string, remote: string): Promise<void> {
  if (await git.resolveCommit(sha)) return
  await git.tryRun(['fetch', '--no-tags', '--depth=1', remote, sha])
  if (!(await git.resolveCommit(sha)))
    throw new Error(`the head commit ${sha} is not available from ${remote}`)
}

/**
 * Creates a commit with the change on top of the head commit, without touching the working tree,
 * the index or any branch: the tree is built in a private index file. Returns the new commit's SHA.
 * The commit is authored by CI Medic's identity and carries the `CI-Medic: true` trailer.
 */
export async function createChangeCommit(request: CommitRequest): Promise<string> {
  const { git, headSha } = request
  await ensureCommit(git, headSha, request.remote)
  const scratch = mkdtempSync(join(tmpdir(), 'ci-medic-index-'))
  const identity = {
    GIT_INDEX_FILE: join(scratch, 'index'),
    GIT_AUTHOR_NAME: CI_MEDIC_IDENTITY.name,
    GIT_AUTHOR_EMAIL: CI_MEDIC_IDENTITY.email,
    GIT_COMMITTER_NAME: CI_MEDIC_IDENTITY.name,
    GIT_COMMITTER_EMAIL: CI_MEDIC_IDENTITY.email
  }
  const scratchGit = new Git(git.dir, identity)
  try {
    await scratchGit.run(['read-tree', headSha])
    const applied = request.patch.trim()
      ? await scratchGit.tryRun(
          ['apply', '--cached', '--whitespace=nowarn', '-'],
          ensureNewline(request.patch)
        )
      : { exitCode: 1, stdout: '', stderr: 'empty patch' }
    if (applied.exitCode !== 0) {
      const head = await git.resolveCommit('HEAD')
      if (head !== headSha || request.files.length === 0) {
        throw new Error(
          `the patch does not apply to the head commit ${headSha.slice(0, 7)}: ${applied.stderr.trim()}`
        )
      }
      for (const file of request.files) {
        const blob = (await scratchGit.run(['hash-object', '-w', '--stdin'], file.content)).trim()
        const mode =
          (await scratchGit.tryRun(['ls-tree', headSha, '--', file.path])).stdout.split(' ')[0] || '100644'
        await scratchGit.run(['update-index', '--add', '--cacheinfo', `${mode},${blob},${file.path}`])
      }
    }
    const tree = (await scratchGit.run(['write-tree'])).trim()
    const headTree = (await git.run(['rev-parse', `${headSha}^{tree}`])).trim()
    if (tree === headTree) throw new Error('the change is empty at the head commit')
    const message = [
      request.subject.replace(/\s+/g, ' ').trim().slice(0, 72),
      '',
      request.body.trim(),
      '',
      CI_MEDIC_TRAILER,
      `CI-Medic-Kind: ${request.kind}`,
      `CI-Medic-Head: ${headSha}`,
      ''
    ].join('\n')
    return (await scratchGit.run(['commit-tree', tree, '-p', headSha, '-F', '-'], message)).trim()
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`
}
