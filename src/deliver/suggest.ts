import type { FilePatch, Hunk } from './patch.js'
import { commentableLines } from './patch.js'

export interface ReviewComment {
  path: string
  body: string
  line: number
  side: 'RIGHT'
  start_line?: number
  start_side?: 'RIGHT'
}

export interface SuggestionPlan {
  comments: ReviewComment[]
  /** Changes that could not become suggestions (outside the PR diff, new files, …), by path. */
  leftOut: Array<{ path: string; reason: string }>
}

interface ChangeBlock {
  /** First and last head line replaced; for a pure insertion, the line it goes after (0 = file start). */
  from: number
  to: number
  removed: string[]
  added: string[]
  insertion: boolean
  /** The context line before the block (an insertion's anchor), and the one after it. */
  before?: string
  after?: string
}

/** Runs of removed/added lines within a hunk, with the old-file lines they replace. */
function changeBlocks(hunk: Hunk): ChangeBlock[] {
  const blocks: ChangeBlock[] = []
  let current: ChangeBlock | undefined
  let lastOldLine = hunk.oldStart - 1
  let lastContext: string | undefined
  for (const line of hunk.lines) {
    if (line.type === ' ') {
      if (current) blocks.push({ ...current, after: line.text })
      current = undefined
      lastOldLine = line.oldLine!
      lastContext = line.text
      continue
    }
    current ??= {
      from: lastOldLine + 1,
      to: lastOldLine,
      removed: [],
      added: [],
      insertion: true,
      before: lastContext
    }
    if (line.type === '-') {
      current.removed.push(line.text)
      current.to = line.oldLine!
      current.insertion = false
      lastOldLine = line.oldLine!
    } else {
      current.added.push(line.text)
    }
  }
  if (current) blocks.push(current)
  return blocks
}

/** The 1-based line where `expected` starts in `lines`: `hint` if it matches there, else the only match. */
function locate(lines: readonly string[], expected: readonly string[], hint: number): number | undefined {
  const matchesAt = (line: number): boolean => expected.every((text, i) => lines[line - 1 + i] === text)
  if (expected.length === 0) return undefined
  if (matchesAt(hint)) return hint
  const matches: number[] = []
  for (let line = 1; line + expected.length - 1 <= lines.length; line++)
    if (matchesAt(line)) matches.push(line)
  return matches.length === 1 ? matches[0] : undefined
}

function suggestionBody(lines: readonly string[]): string {
  // A suggestion block is closed by a line of three backticks; longer fences protect code that has them.
  const longest = Math.max(2, ...lines.map(line => /^\s*(`{3,})/.exec(line)?.[1]!.length ?? 0))
  const fence = '`'.repeat(longest + 1)
  return `${fence}suggestion\n${lines.join('\n')}${lines.length ? '\n' : ''}${fence}`
}

/**
 * Turns our patch into review comments with suggestion blocks, one per change block, but only
 * where every line the suggestion replaces is in the PR's diff on the head side (GitHub rejects
 * comments elsewhere). `headContent` gives a file's text at the PR head, to check that the patch's
 * old side matches it line for line.
 */
export function planSuggestions(
  files: readonly FilePatch[],
  prFilePatches: ReadonlyMap<string, string | undefined>,
  headContent: (path: string) => string | undefined
): SuggestionPlan {
  const comments: ReviewComment[] = []
  const leftOut: SuggestionPlan['leftOut'] = []
  for (const file of files) {
    const path = file.newPath ?? file.oldPath ?? ''
    if (!file.oldPath || !file.newPath || file.oldPath !== file.newPath) {
      leftOut.push({ path, reason: 'new, deleted or renamed file' })
      continue
    }
    if (!prFilePatches.has(path)) {
      leftOut.push({ path, reason: 'the file is not part of the pull request' })
      continue
    }
    const allowed = commentableLines(prFilePatches.get(path))
    const head = headContent(path)?.split('\n')
    for (const hunk of file.hunks) {
      for (const block of changeBlocks(hunk)) {
        let start: number
        let end: number
        let replacement: string[]
        let expected: string[]
        if (block.insertion) {
          // Anchor an insertion on the line before it (or, at the file's start, the line after), and repeat that line.
          const anchor = block.to >= 1 ? block.before : block.after
          if (anchor === undefined) {
            leftOut.push({
              path,
              reason: `the insertion at line ${block.to} has no context line to anchor on`
            })
            continue
          }
          start = end = Math.max(1, block.to)
          replacement = block.to >= 1 ? [anchor, ...block.added] : [...block.added, anchor]
          expected = [anchor]
        } else {
          start = block.from
          end = block.to
          replacement = block.added
          expected = block.removed
        }
        // The patch may come from a checkout of the merge commit, where lines sit elsewhere than at
        // the head: a unique match of the replaced lines moves the suggestion to them.
        const found = head ? locate(head, expected, start) : undefined
        if (found === undefined) {
          leftOut.push({ path, reason: `lines ${start}-${end} differ at the pull request's head` })
          continue
        }
        end += found - start
        start = found
        let inDiff = true
        for (let line = start; line <= end; line++) if (!allowed.has(line)) inDiff = false
        if (!inDiff) {
          leftOut.push({ path, reason: `lines ${start}-${end} are outside the pull request's diff` })
          continue
        }
        const comment: ReviewComment = { path, body: suggestionBody(replacement), line: end, side: 'RIGHT' }
        if (start !== end) {
          comment.start_line = start
          comment.start_side = 'RIGHT'
        }
        comments.push(comment)
      }
    }
  }
  return { comments, leftOut }
}
