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
 * Every blob of `rev` (symlinks left out), from one `git ls-tree` run. git writes the listing to a
 * temporary file rather than a pipe: a pipe holds 64 KiB, so while this thread is busy (loading the
 * scan cache) git would stop, and a large tree would be listed only once the thread is free again.
 */
export function listTree(git: Git, rev: string): Promise<TreeEntry[]> {
  const folder = mkdtempSync(join(tmpdir(), 'ci-medic-tree-'))
  const file = join(folder, 'tree')
  const removeFolder = (): void => rmSync(folder, { recursive: true, force: true })
  let out: number
  try {
    out = openSync(file, 'w')
  } catch (error) {
    removeFolder()
    return Promise.reject(error as Error)
  }
  return new Promise<TreeEntry[]>((resolve, reject) => {
    let child
    try {
      child = spawn('git', ['ls-tree', '-r', '-z', '--full-tree', rev], {
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
      if (code !== 0) return reject(new Error(`git ls-tree ${rev} failed (exit ${code}): ${stderr.trim()}`))
      try {
        resolve(parseTree(readFileSync(file, 'utf8')))
      } catch (error) {
        reject(error as Error)
      }
    })
  }).finally(removeFolder)
}

function parseTree(out: string): TreeEntry[] {
  const entries: TreeEntry[] = []
  // <mode> SP <type> SP <sha> TAB <path> NUL, read in place (tens of thousands of records).
  for (let at = 0; at < out.length;) {
    let end = out.indexOf('\0', at)
    if (end < 0) end = out.length
    const type = out.indexOf(' ', at) + 1
    const sha = out.indexOf(' ', type) + 1
    const tab = out.indexOf('\t', sha)
    if (
      type > 0 &&
      sha > 0 &&
      tab > 0 &&
      tab < end &&
      out.startsWith('blob ', type) &&
      !out.startsWith('120000 ', at)
    )
      entries.push({ path: out.slice(tab + 1, end), sha: out.slice(sha, tab) })
    at = end + 1
  }
  return entries
}

/** Contents of many blobs through one `git cat-file --batch` process. */
export async function readBlobs(dir: string, shas: readonly string[]): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>()
  await streamBlobs(dir, shas, (sha, blob) => result.set(sha, blob))
  return result
}

/**
 * Streams blobs out of `git cat-file --batch` and hands each to `onBlob` as soon as it is complete,
 * so that git (on another core) decompresses while the caller scans.
 */
export function streamBlobs(
  dir: string,
  shas: readonly string[],
  onBlob: (sha: string, blob: Buffer) => void
): Promise<void> {
  const unique = [...new Set(shas)]
  if (unique.length === 0) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: dir,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true
    })
    let pending: Buffer = Buffer.alloc(0)
    let stderr = ''
    let failed: Error | undefined
    const drain = (): void => {
      for (;;) {
        const headerEnd = pending.indexOf(10)
        if (headerEnd < 0) return
        const header = pending.toString('latin1', 0, headerEnd).split(' ')
        if (header[1] === 'missing' || header.length < 3) {
          pending = pending.subarray(headerEnd + 1)
          continue
        }
        const size = Number(header[2])
        if (pending.length < headerEnd + 1 + size + 1) return
        const blob = pending.subarray(headerEnd + 1, headerEnd + 1 + size)
        pending = pending.subarray(headerEnd + 1 + size + 1)
        try {
          onBlob(header[0] as string, blob)
        } catch (error) {
          failed ??= error as Error
        }
      }
    }
    child.stdout.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
      drain()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', code => {
      if (failed) return reject(failed)
      if (code !== 0) return reject(new Error(`git cat-file --batch failed (exit ${code}): ${stderr.trim()}`))
      resolve()
    })
    child.stdin.on('error', () => undefined)
    child.stdin.end(unique.join('\n') + '\n')
  })
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
