/** Unified diffs: our own patches (to commit or suggest) and the hunks of a PR's files (to know which lines a review may comment on). */

export interface HunkLine {
  type: ' ' | '+' | '-'
  text: string
  /** Line number in the old file (context and removed lines). */
  oldLine?: number
  /** Line number in the new file (context and added lines). */
  newLine?: number
}

export interface Hunk {
  oldStart: number
  oldLines: number
  newStart: number
  newLines: number
  lines: HunkLine[]
}

export interface FilePatch {
  oldPath: string | null
  newPath: string | null
  hunks: Hunk[]
  binary: boolean
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

function unquote(path: string): string {
  const trimmed = path.trim()
  if (trimmed.startsWith('"') && trimmed.endsWith('"')) {
    try {
      return JSON.parse(trimmed) as string
    } catch {
      return trimmed.slice(1, -1)
    }
  }
  return trimmed
}

function stripPrefix(path: string): string | null {
  const value = unquote(path.replace(/\t.*$/, ''))
  if (value === '/dev/null') return null
  return value.replace(/^[ab]\//, '')
}

/** Parses hunks only (the `patch` field of GET /pulls/{n}/files has no file headers). */
export function parseHunks(text: string): Hunk[] {
  return parseLines(text.split('\n'), 0, text.split('\n').length).hunks
}

function parseLines(lines: string[], from: number, to: number): { hunks: Hunk[]; end: number } {
  const hunks: Hunk[] = []
  let i = from
  while (i < to) {
    const header = HUNK_HEADER.exec(lines[i]!)
    if (!header) {
      if (lines[i]!.startsWith('diff --git ')) break
      i++
      continue
    }
    const hunk: Hunk = {
      oldStart: Number(header[1]),
      oldLines: header[2] === undefined ? 1 : Number(header[2]),
      newStart: Number(header[3]),
      newLines: header[4] === undefined ? 1 : Number(header[4]),
      lines: []
    }
    let oldLine = hunk.oldStart
    let newLine = hunk.newStart
    let oldLeft = hunk.oldLines
    let newLeft = hunk.newLines
    i++
    while (i < to && (oldLeft > 0 || newLeft > 0)) {
      const line = lines[i]!
      if (line.startsWith('\\')) {
        i++
        continue
      }
      const marker = line[0] ?? ' '
      const text = line.slice(1)
      if (marker === '+') {
        hunk.lines.push({ type: '+', text, newLine: newLine++ })
        newLeft--
      } else if (marker === '-') {
        hunk.lines.push({ type: '-', text, oldLine: oldLine++ })
        oldLeft--
      } else if (marker === ' ' || line === '') {
        hunk.lines.push({ type: ' ', text, oldLine: oldLine++, newLine: newLine++ })
        oldLeft--
        newLeft--
      } else {
        break
      }
      i++
    }
    while (i < to && lines[i]!.startsWith('\\')) i++
    hunks.push(hunk)
  }
  return { hunks, end: i }
}

/** Parses a multi-file unified diff as `git diff` writes it (also plain `---`/`+++` diffs). */
export function parseUnifiedDiff(text: string): FilePatch[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n')
  const files: FilePatch[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (line.startsWith('diff --git ') || line.startsWith('--- ')) {
      const file: FilePatch = { oldPath: null, newPath: null, hunks: [], binary: false }
      if (line.startsWith('diff --git ')) {
        const match = /^diff --git ("(?:[^"\\]|\\.)*"|\S+) ("(?:[^"\\]|\\.)*"|\S+)$/.exec(line)
        if (match) {
          file.oldPath = stripPrefix(match[1]!)
          file.newPath = stripPrefix(match[2]!)
        }
        i++
        while (i < lines.length && !lines[i]!.startsWith('@@') && !lines[i]!.startsWith('diff --git ')) {
          const header = lines[i]!
          if (header.startsWith('--- ')) file.oldPath = stripPrefix(header.slice(4))
          else if (header.startsWith('+++ ')) file.newPath = stripPrefix(header.slice(4))
          else if (header.startsWith('rename from ')) file.oldPath = unquote(header.slice(12))
          else if (header.startsWith('rename to ')) file.newPath = unquote(header.slice(10))
          else if (header.startsWith('new file mode')) file.oldPath = null
          else if (header.startsWith('deleted file mode')) file.newPath = null
          else if (header.startsWith('Binary files') || header.startsWith('GIT binary patch'))
            file.binary = true
          i++
        }
      } else {
        file.oldPath = stripPrefix(line.slice(4))
        i++
        if (lines[i]?.startsWith('+++ ')) file.newPath = stripPrefix(lines[i]!.slice(4))
        i++
      }
      let end = i
      while (
        end < lines.length &&
        !lines[end]!.startsWith('diff --git ') &&
        !(lines[end]!.startsWith('--- ') && lines[end + 1]?.startsWith('+++ '))
      )
        end++
      file.hunks = parseLines(lines, i, end).hunks
      files.push(file)
      i = end
    } else {
      i++
    }
  }
  return files
}

/** Every path a diff touches (old and new names). */
export function touchedPaths(text: string): string[] {
  const paths = new Set<string>()
  for (const file of parseUnifiedDiff(text)) {
    if (file.oldPath) paths.add(file.oldPath)
    if (file.newPath) paths.add(file.newPath)
  }
  return [...paths]
}

/** Head-side (RIGHT) line numbers a review comment may use: the added and context lines of the PR diff's hunks. */
export function commentableLines(prFilePatch: string | undefined): Set<number> {
  const lines = new Set<number>()
  if (!prFilePatch) return lines
  for (const hunk of parseHunks(prFilePatch)) {
    for (const line of hunk.lines) if (line.newLine !== undefined) lines.add(line.newLine)
  }
  return lines
}
