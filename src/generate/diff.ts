import type { LineMap } from './types.js'

/** Runs git in the repository and returns stdout (throws on failure). */
export type GitRun = (args: readonly string[]) => Promise<string>

/**
 * Lines added or modified at `head` per file, from a zero-context diff (`@@ -a,b +c,d @@` hunks).
 * Deleted lines have no line at head; the line after a pure deletion is not counted either.
 */
export function parseChangedLines(diff: string): LineMap {
  const lines: LineMap = new Map()
  let current: Set<number> | undefined
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4).trim()
      if (path === '/dev/null') {
        current = undefined
      } else {
        const rel = path.replace(/^b\//, '')
        current = lines.get(rel) ?? new Set<number>()
        lines.set(rel, current)
      }
      continue
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line)
    if (hunk && current) {
      const start = Number(hunk[1])
      const count = hunk[2] === undefined ? 1 : Number(hunk[2])
      for (let n = start; n < start + count; n++) current.add(n)
    }
  }
  return lines
}

export async function changedLines(
  git: GitRun,
  base: string,
  head: string,
  files: readonly string[]
): Promise<LineMap> {
  if (files.length === 0) return new Map()
  const diff = await git([
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--unified=0',
    '--no-renames',
    base,
    head,
    '--',
    ...files
  ])
  return parseChangedLines(diff)
}
