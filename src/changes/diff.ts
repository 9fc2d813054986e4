import type { Git } from '../ports/git.js'
import type { ChangedFile, ChangeStatus } from './types.js'

const GITLINK_MODE = '160000'

/** Options that keep a user's git config (external diff, textconv, relative, quoting, ignore rules) out of the result. */
const DIFF_OPTIONS = [
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-relative',
  '--ignore-submodules=none',
  '--find-renames',
  '-z'
]
const CONFIG = ['-c', 'core.quotepath=off', '-c', 'diff.renameLimit=10000']

export interface RawEntry {
  status: string
  oldMode: string
  newMode: string
  path: string
  previousPath?: string
}

/**
 * Parses `git diff --raw -z`: `:<old mode> <new mode> <old sha> <new sha> <status>\0<path>\0`,
 * with two paths (old, new) for renames and copies.
 */
export function parseRawDiff(output: string): RawEntry[] {
  const tokens = output.split('\0')
  const entries: RawEntry[] = []
  for (let i = 0; i < tokens.length; i++) {
    const header = tokens[i] as string
    if (!header.startsWith(':')) continue
    const fields = header.slice(1).trim().split(/\s+/)
    const [oldMode = '', newMode = ''] = fields
    const status = fields[fields.length - 1] ?? ''
    if (status.startsWith('R') || status.startsWith('C')) {
      const previousPath = tokens[++i] as string
      const path = tokens[++i] as string
      entries.push({ status, oldMode, newMode, path, previousPath })
    } else {
      entries.push({ status, oldMode, newMode, path: tokens[++i] as string })
    }
  }
  return entries
}

/**
 * The paths `git diff --numstat -z` reports as binary (`-\t-\t`). A rename's line has an empty
 * path followed by the old and new paths as their own fields.
 */
export function parseBinaryPaths(output: string): Set<string> {
  const tokens = output.split('\0')
  const binary = new Set<string>()
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string
    const match = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(token)
    if (!match) continue
    let path = match[3] as string
    if (path === '') {
      i++ // the old path
      path = tokens[++i] as string
    }
    if (match[1] === '-' && match[2] === '-') binary.add(path)
  }
  return binary
}

function statusOf(letter: string): ChangeStatus {
  switch (letter.charAt(0)) {
    case 'A':
    case 'C': // a copy is a new file
      return 'added'
    case 'D':
      return 'deleted'
    case 'R':
      return 'renamed'
    default: // M, T (type change), U, X
      return 'modified'
  }
}

/** Turns parsed raw and numstat output into changed files, sorted by path. */
export function toChangedFiles(entries: readonly RawEntry[], binary: ReadonlySet<string>): ChangedFile[] {
  const files = entries.map(entry => {
    const status = statusOf(entry.status)
    const file: ChangedFile = { path: entry.path, status }
    if (status === 'renamed' && entry.previousPath !== undefined) file.previousPath = entry.previousPath
    if (binary.has(entry.path)) file.binary = true
    if (entry.oldMode === GITLINK_MODE || entry.newMode === GITLINK_MODE) file.submodule = true
    return file
  })
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/**
 * The files that differ between two commits (or a tree and a commit), with real git:
 * status with renames, binary files flagged from `--numstat`, submodules from gitlink modes.
 */
export async function diffFiles(git: Git, base: string, head: string): Promise<ChangedFile[]> {
  const [raw, numstat] = await Promise.all([
    git.run([...CONFIG, 'diff', '--raw', ...DIFF_OPTIONS, base, head, '--']),
    git.run([...CONFIG, 'diff', '--numstat', ...DIFF_OPTIONS, base, head, '--'])
  ])
  return toChangedFiles(parseRawDiff(raw), parseBinaryPaths(numstat))
}
