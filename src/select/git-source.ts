import { spawn } from 'node:child_process'
import type { Git } from '../ports/git.js'

/** Reading a revision's files straight from git objects, so the working tree does not matter. */

export interface TreeEntry {
  path: string
  /** Blob SHA. */
  sha: string
}

export async function listTree(git: Git, rev: string): Promise<TreeEntry[]> {
  const out = await git.run(['ls-tree', '-r', '-z', '--full-tree', rev])
  const entries: TreeEntry[] = []
  for (const record of out.split('\0')) {
    if (!record) continue
    // <mode> SP <type> SP <sha> TAB <path>
    const tab = record.indexOf('\t')
    const meta = record.slice(0, tab).split(' ')
    if (meta[1] !== 'blob' || meta[0] === '120000') continue
    entries.push({ path: record.slice(tab + 1), sha: meta[2] as string })
  }
  return entries
}

/** Contents of many blobs through one `git cat-file --batch` process. */
export function readBlobs(dir: string, shas: readonly string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(shas)]
  const result = new Map<string, Buffer>()
  if (unique.length === 0) return Promise.resolve(result)
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true })
    const chunks: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', code => {
      if (code !== 0) return reject(new Error(`git cat-file --batch failed (exit ${code}): ${stderr.trim()}`))
      const out = Buffer.concat(chunks)
      let pos = 0
      while (pos < out.length) {
        const headerEnd = out.indexOf(10, pos)
        if (headerEnd < 0) break
        const header = out.toString('utf8', pos, headerEnd).split(' ')
        pos = headerEnd + 1
        if (header[1] === 'missing' || header.length < 3) continue
        const size = Number(header[2])
        result.set(header[0] as string, out.subarray(pos, pos + size))
        pos += size + 1
      }
      resolve(result)
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
  const out = await git.run(['diff', '--raw', '-z', '-M', '--no-abbrev', '--no-ext-diff', base, head, '--'])
  const fields = out.split('\0')
  const changes: RawChange[] = []
  for (let i = 0; i < fields.length; ) {
    const meta = fields[i++] as string
    if (!meta.startsWith(':')) continue
    const [, , oldSha, newSha, statusField] = meta.slice(1).split(' ')
    const status = (statusField ?? 'M')[0]
    const baseSha = oldSha && !ZERO.test(oldSha) ? oldSha : undefined
    const headSha = newSha && !ZERO.test(newSha) ? newSha : undefined
    if (status === 'R' || status === 'C') {
      const from = fields[i++] as string
      const to = fields[i++] as string
      changes.push({ status: status === 'R' ? 'renamed' : 'added', path: to, previousPath: status === 'R' ? from : undefined, baseSha, headSha })
    } else {
      const path = fields[i++] as string
      const mapped = status === 'A' ? 'added' : status === 'D' ? 'deleted' : 'modified'
      changes.push({ status: mapped, path, baseSha, headSha })
    }
  }
  return changes
}
