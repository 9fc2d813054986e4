import { spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Git } from '../ports/git.js'

/** Reading a revision's files straight from git objects, so the working tree does not matter. */

export interface TreeEntry {
  path: string
  /** Blob SHA. */
  sha: string
}

/**
 * Every blob of `rev` (symlinks and submodules left out). When the index holds exactly rev's tree
 * (rev checked out with nothing staged, as a CI job has it), the index is listed: git reads one
 * file, where `ls-tree -r` inflates every tree object (twice the time on 30,000 files). Else, or when
 * git cannot tell (a bare repository), `git ls-tree` lists rev. `checkedOut: false` says rev is not
 * what the work tree holds, so the index is not looked at.
 */
export async function listTree(
  git: Git,
  rev: string,
  options: { checkedOut?: boolean } = {}
): Promise<TreeEntry[]> {
  if (options.checkedOut !== false) {
    const [index, same] = await Promise.all([
      gitToFile(git, ['ls-files', '--stage', '-z', '--full-name', '--', ':/']),
      git.tryQuery(['diff-index', '--cached', '--quiet', rev, '--']).then(
        result => result.exitCode === 0,
        () => false
      )
    ])
    if (same && index.exitCode === 0) return parseIndex(index.text)
  }
  const tree = await gitToFile(git, ['ls-tree', '-r', '-z', '--full-tree', rev])
  if (tree.exitCode !== 0)
    throw new Error(`git ls-tree ${rev} failed (exit ${tree.exitCode}): ${tree.stderr.trim()}`)
  return parseTree(tree.text)
}

interface GitOutput {
  exitCode: number
  /** stdout, when git succeeded. */
  text: string
  stderr: string
}

/**
 * Runs git with its output going to a temporary file rather than a pipe: a pipe holds 64 KiB, so
 * while this thread is busy (loading the scan cache) git would stop, and a large listing would be
 * written only once the thread is free again.
 */
function gitToFile(git: Git, args: readonly string[]): Promise<GitOutput> {
  const folder = mkdtempSync(join(tmpdir(), 'ci-medic-tree-'))
  const file = join(folder, 'out')
  const removeFolder = (): void => rmSync(folder, { recursive: true, force: true })
  let out: number
  try {
    out = openSync(file, 'w')
  } catch (error) {
    removeFolder()
    return Promise.reject(error as Error)
  }
  return new Promise<GitOutput>((resolve, reject) => {
    let child
    try {
      child = spawn('git', [...args], {
        cwd: git.dir,
        env: git.environment(),
        stdio: ['ignore', out, 'pipe'],
        windowsHide: true
      })
    } finally {
      closeSync(out)
    }
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', code => {
      try {
        resolve({ exitCode: code ?? 1, text: code === 0 ? readFileSync(file, 'utf8') : '', stderr })
      } catch (error) {
        reject(error as Error)
      }
    })
  }).finally(removeFolder)
}

/**
 * `ls-tree -r` records: <mode> SP <type> SP <sha> TAB <path>. Files are blobs; symlinks (blobs of
 * mode 120000) and submodules (commits) are left out.
 */
function parseTree(out: string): TreeEntry[] {
  return parseListing(out, (at, tab) => {
    const type = out.indexOf(' ', at) + 1
    const sha = out.indexOf(' ', type) + 1
    return type > 0 && sha > 0 && sha < tab && out.startsWith('blob ', type) && !out.startsWith('120000 ', at)
      ? out.slice(sha, tab)
      : undefined
  })
}

/**
 * `ls-files --stage` records: <mode> SP <sha> SP <stage> TAB <path>, in the order `ls-tree -r`
 * gives. Files have modes 100644 and 100755; symlinks (120000) and submodules (160000) are left out.
 */
function parseIndex(out: string): TreeEntry[] {
  return parseListing(out, (at, tab) => {
    const sha = out.indexOf(' ', at) + 1
    const stage = out.indexOf(' ', sha)
    return sha > 0 && stage > 0 && stage < tab && out.startsWith('100', at)
      ? out.slice(sha, stage)
      : undefined
  })
}

/**
 * NUL-ended records of fields, TAB, path, read in place (tens of thousands of them). `blobOf` gives
 * the blob SHA of the record at `at` whose path follows `tab`, or undefined to leave it out.
 */
function parseListing(out: string, blobOf: (at: number, tab: number) => string | undefined): TreeEntry[] {
  const entries: TreeEntry[] = []
  for (let at = 0; at < out.length;) {
    let end = out.indexOf('\0', at)
    if (end < 0) end = out.length
    const tab = out.indexOf('\t', at)
    const sha = tab > at && tab < end ? blobOf(at, tab) : undefined
    if (sha !== undefined) entries.push({ path: out.slice(tab + 1, end), sha })
    at = end + 1
  }
  return entries
}

/** Contents of many blobs through one `git cat-file --batch` process. */
export async function readBlobs(dir: string, shas: readonly string[]): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>()
  if (shas.length === 0) return result
  const batch = openBlobBatch(dir, (sha, blob) => result.set(sha, blob))
  batch.request(shas)
  await batch.close()
  return result
}

/** A `git cat-file --batch` process that blobs can be asked of more than once before it is closed. */
export interface BlobBatch {
  /** Asks for these blobs; one asked for by an earlier request too is handed over again. */
  request(shas: Iterable<string>): void
  /** No more requests: resolves once every blob asked for was handed over. */
  close(): Promise<void>
}

/**
 * Streams blobs out of `git cat-file --batch` and hands each to `onBlob` as soon as it is complete,
 * so that git (on another core) decompresses while the caller scans. Requests made before the
 * caller's next await are written at once; blobs reach `onBlob` only once this thread is free.
 */
export function openBlobBatch(dir: string, onBlob: (sha: string, blob: Buffer) => void): BlobBatch {
  const child = spawn('git', ['cat-file', '--batch'], {
    cwd: dir,
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true
  })
  let pending: Buffer = Buffer.alloc(0)
  // Chunks that came after `pending`, joined once the blob being read is whole: joined chunk by
  // chunk, a blob of megabytes would be copied over and over.
  const chunks: Buffer[] = []
  let chunkBytes = 0
  /** How many bytes `pending` must hold before drain can hand over another blob. */
  let needed = 1
  let stderr = ''
  let failed: Error | undefined
  const drain = (): void => {
    for (;;) {
      const headerEnd = pending.indexOf(10)
      if (headerEnd < 0) {
        needed = pending.length + 1
        return
      }
      const header = pending.toString('latin1', 0, headerEnd).split(' ')
      if (header[1] === 'missing' || header.length < 3) {
        pending = pending.subarray(headerEnd + 1)
        continue
      }
      const size = Number(header[2])
      needed = headerEnd + 1 + size + 1
      if (pending.length < needed) return
      const blob = pending.subarray(headerEnd + 1, headerEnd + 1 + size)
      pending = pending.subarray(headerEnd + 1 + size + 1)
      try {
        onBlob(header[0] as string, blob)
      } catch (error) {
        failed ??= error as Error
      }
    }
  }
  const finished = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      chunkBytes += chunk.length
      if (pending.length + chunkBytes < needed) return
      pending = pending.length || chunks.length > 1 ? Buffer.concat([pending, ...chunks]) : chunk
      chunks.length = 0
      chunkBytes = 0
      drain()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', code => {
      if (failed) return reject(failed)
      if (code !== 0) return reject(new Error(`git cat-file --batch failed (exit ${code}): ${stderr.trim()}`))
      resolve()
    })
  })
  // Failures are reported by close(); a batch dropped after a failure must not crash the process.
  finished.catch(() => undefined)
  child.stdin.on('error', () => undefined)
  return {
    request(shas) {
      const unique = [...new Set(shas)]
      if (unique.length) child.stdin.write(unique.join('\n') + '\n')
    },
    close() {
      child.stdin.end()
      return finished
    }
  }
}

export interface RawChange {
  status: 'added' | 'modified' | 'deleted' | 'renamed'
  path: string
  previousPath?: string
  baseSha?: string
  headSha?: string
}

const ZERO = /^0+$/

/** base..head changes with blob SHAs on both sides (`git diff --raw`). */
export async function diffRaw(git: Git, base: string, head: string): Promise<RawChange[]> {
  const out = await git.query(['diff', '--raw', '-z', '-M', '--no-abbrev', '--no-ext-diff', base, head, '--'])
  const fields = out.split('\0')
  const changes: RawChange[] = []
  for (let i = 0; i < fields.length;) {
    const meta = fields[i++] as string
    if (!meta.startsWith(':')) continue
    const [, , oldSha, newSha, statusField] = meta.slice(1).split(' ')
    const status = (statusField ?? 'M')[0]
    const baseSha = oldSha && !ZERO.test(oldSha) ? oldSha : undefined
    const headSha = newSha && !ZERO.test(newSha) ? newSha : undefined
    if (status === 'R' || status === 'C') {
      const from = fields[i++] as string
      const to = fields[i++] as string
      changes.push({
        status: status === 'R' ? 'renamed' : 'added',
        path: to,
        previousPath: status === 'R' ? from : undefined,
        baseSha,
        headSha
      })
    } else {
      const path = fields[i++] as string
      const mapped = status === 'A' ? 'added' : status === 'D' ? 'deleted' : 'modified'
      changes.push({ status: mapped, path, baseSha, headSha })
    }
  }
  return changes
}
