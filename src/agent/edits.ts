/**
 * Search/replace edits as models write them: applied exactly when the search text is in the file
 * once, else line by line with the relative indentation kept, else ignoring whitespace and blank
 * lines. Markdown fences and copied line-number gutters around the text are stripped. A search
 * text found more than once is refused (never guessed), and a missing one comes back with the
 * nearest candidates so the model can correct itself.
 */

export interface SearchReplace {
  search: string
  replace: string
}

export type MatchStrategy = 'exact' | 'indentation-relative' | 'whitespace-insensitive'

export interface EditCandidate {
  /** 1-based, inclusive. */
  startLine: number
  endLine: number
  text: string
  /** 0..1: how close the lines are to the search text. */
  similarity: number
}

export type EditResult =
  | {
      ok: true
      content: string
      strategy: MatchStrategy
      /** What was cleaned from the model's text before it matched (fences, line numbers). */
      cleanups: string[]
      /** 1-based lines of the replaced region in the new content. */
      startLine: number
      endLine: number
    }
  | {
      ok: false
      reason: 'missing' | 'ambiguous' | 'empty-search' | 'no-change'
      message: string
      candidates: EditCandidate[]
    }

export type EditsResult =
  | { ok: true; content: string; applied: Array<Extract<EditResult, { ok: true }>> }
  | { ok: false; index: number; failure: Extract<EditResult, { ok: false }> }

const FENCE_LINE = /^\s*(`{3,}|~{3,})[\w+#.-]*\s*$/
const GUTTER = /^\s*\d+\s?[|:│]\s?/
const ELISION =
  /^\s*(\.\.\.|…|\/\/\s*\.\.\.|#\s*\.\.\.|\/\*\s*\.\.\.\s*\*\/|\/\/ *rest of.*|# *rest of.*)\s*$/i

/** Applies several edits in order to one file's content; all or nothing. */
export function applyEdits(content: string, edits: readonly SearchReplace[], path = ''): EditsResult {
  let current = content
  const applied: Array<Extract<EditResult, { ok: true }>> = []
  for (const [index, edit] of edits.entries()) {
    const result = applySearchReplace(current, edit, path)
    if (!result.ok) return { ok: false, index, failure: result }
    applied.push(result)
    current = result.content
  }
  return { ok: true, content: current, applied }
}

/** Applies one search/replace edit to a file's content. */
export function applySearchReplace(content: string, edit: SearchReplace, path = ''): EditResult {
  const eol = content.includes('\r\n') ? '\r\n' : '\n'
  const text = content.replace(/\r\n/g, '\n')
  const markdownFile = /\.(md|mdx|markdown)$/i.test(path)
  const searchVariants = variants(normalizeNewlines(edit.search), markdownFile)
  const replaceVariants = variants(normalizeNewlines(edit.replace), markdownFile)

  if (searchVariants.every(v => v.text.trim() === '')) {
    if (text.trim() === '')
      return success(replaceVariants[replaceVariants.length - 1]!.text, 'exact', [], 1, eol)
    return {
      ok: false,
      reason: 'empty-search',
      message:
        'The search text is empty. Copy the exact lines to change from the file (use read_file), or use create_file for a new file.',
      candidates: []
    }
  }

  const strategies: MatchStrategy[] = ['exact', 'indentation-relative', 'whitespace-insensitive']
  for (const strategy of strategies) {
    for (const variant of searchVariants) {
      const replacement = pickReplacement(
        replaceVariants,
        variant.cleanups,
        searchVariants.length > 1 && searchVariants[1]!.cleanups[0] === 'fences'
      )
      const matches = findMatches(text, variant.text, strategy)
      if (matches.length === 0) continue
      if (matches.length > 1) {
        return {
          ok: false,
          reason: 'ambiguous',
          message: `The search text matches ${matches.length} places (lines ${matches
            .map(m => `${m.startLine}-${m.endLine}`)
            .join(
              ', '
            )}); nothing was changed. Include more surrounding lines so that it matches exactly one place.`,
          candidates: matches.map(m => ({
            startLine: m.startLine,
            endLine: m.endLine,
            text: numbered(text.split('\n').slice(m.startLine - 1, m.endLine), m.startLine),
            similarity: 1
          }))
        }
      }
      const match = matches[0]!
      const next =
        strategy === 'exact'
          ? spliceExact(text, match, replacement)
          : spliceLines(text, match, replacement, variant.text)
      if (next.content === text) {
        return {
          ok: false,
          reason: 'no-change',
          message: 'The replacement is the same as the search text; nothing was changed.',
          candidates: []
        }
      }
      return success(next.content, strategy, variant.cleanups, next.startLine, eol, next.endLine)
    }
  }

  const search = searchVariants[searchVariants.length - 1]!.text
  const candidates = nearestCandidates(text, search, 3)
  const elided = search.split('\n').some(line => ELISION.test(line))
  const hint = elided
    ? 'The search text abbreviates code with "..."; copy every line verbatim instead.'
    : 'The search text must match the current file (it may have changed since you read it).'
  const shown = candidates.length
    ? ' Nearest lines in the file:\n' +
      candidates
        .map(
          c => `--- lines ${c.startLine}-${c.endLine} (${Math.round(c.similarity * 100)}% similar)\n${c.text}`
        )
        .join('\n')
    : ' No similar lines were found; use read_file or search to find the code.'
  return {
    ok: false,
    reason: 'missing',
    message: `The search text was not found; nothing was changed. ${hint}${shown}`,
    candidates
  }
}

function success(
  content: string,
  strategy: MatchStrategy,
  cleanups: string[],
  startLine: number,
  eol: string,
  endLine = startLine
): EditResult {
  return {
    ok: true,
    content: eol === '\n' ? content : content.replace(/\n/g, eol),
    strategy,
    cleanups,
    startLine,
    endLine
  }
}

function normalizeNewlines(text: string): string {
  return String(text ?? '').replace(/\r\n/g, '\n')
}

interface Variant {
  text: string
  cleanups: string[]
}

/** The text as given, then without markdown fences and/or a copied line-number gutter. */
function variants(text: string, markdownFile: boolean): Variant[] {
  const result: Variant[] = [{ text, cleanups: [] }]
  const unfenced = stripFences(text)
  const fenced = unfenced !== text && !markdownFile
  if (fenced) result.push({ text: unfenced, cleanups: ['fences'] })
  const base = fenced ? unfenced : text
  const ungutter = stripGutter(base)
  if (ungutter !== base)
    result.push({ text: ungutter, cleanups: fenced ? ['fences', 'line-numbers'] : ['line-numbers'] })
  return result
}

/**
 * The replacement cleaned the way the search text had to be. Fences around a replacement are never
 * code unless the search text carried the same fences and matched the file with them.
 */
function pickReplacement(replaceVariants: Variant[], cleanups: string[], searchWasFenced: boolean): string {
  const unfenced = replaceVariants.find(v => v.cleanups.join(',') === 'fences')?.text
  const base =
    cleanups.includes('fences') || !searchWasFenced
      ? (unfenced ?? replaceVariants[0]!.text)
      : replaceVariants[0]!.text
  if (cleanups.includes('line-numbers')) {
    const stripped = replaceVariants.find(v => v.cleanups.includes('line-numbers'))?.text
    if (stripped !== undefined) return stripped
  }
  return base
}

/** Removes one markdown fence pair wrapped around the whole text. */
export function stripFences(text: string): string {
  const lines = text.split('\n')
  let first = 0
  let last = lines.length - 1
  while (first <= last && lines[first]!.trim() === '') first++
  while (last >= first && lines[last]!.trim() === '') last--
  if (last - first < 1) return text
  const open = FENCE_LINE.exec(lines[first]!)
  const close = FENCE_LINE.exec(lines[last]!)
  if (!open || !close || lines[last]!.trim().replace(/`+|~+/, '') !== '') return text
  if (close[1]![0] !== open[1]![0]) return text
  const inner = lines.slice(first + 1, last)
  return inner.join('\n') + (text.endsWith('\n') ? '\n' : '')
}

/** Removes a `12| ` / `12: ` gutter copied from read_file output, when every non-blank line has one. */
function stripGutter(text: string): string {
  const lines = text.split('\n')
  const nonBlank = lines.filter(line => line.trim() !== '')
  if (nonBlank.length === 0 || !nonBlank.every(line => GUTTER.test(line))) return text
  const numbers = nonBlank.map(line => Number(/^\s*(\d+)/.exec(line)![1]))
  const increasing = numbers.every((n, i) => i === 0 || n > numbers[i - 1]!)
  if (!increasing) return text
  return lines.map(line => line.replace(GUTTER, '')).join('\n')
}

interface Match {
  /** 1-based inclusive lines (for exact matches: the lines the substring touches). */
  startLine: number
  endLine: number
  /** For exact matches: character offset. */
  offset?: number
  length?: number
  /** For line matches: 0-based index of the first and last matched content line. */
  from?: number
  to?: number
}

function findMatches(text: string, search: string, strategy: MatchStrategy): Match[] {
  if (strategy === 'exact') return exactMatches(text, search)
  const searchLines = trimBlankEdges(search.split('\n'))
  if (searchLines.length === 0) return []
  const contentLines = text.split('\n')
  return strategy === 'indentation-relative'
    ? relativeIndentMatches(contentLines, searchLines)
    : looseMatches(contentLines, searchLines)
}

function exactMatches(text: string, search: string): Match[] {
  if (search === '') return []
  const matches: Match[] = []
  let at = text.indexOf(search)
  const multiLine = search.includes('\n')
  while (at !== -1) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1
    const before = text.slice(lineStart, at)
    // A multi-line search text that starts inside a line's indentation is under-indented: the
    // line strategies re-indent every replacement line, a plain splice would only fix the first.
    if (multiLine && before !== '' && before.trim() === '') return []
    const startLine = lineOf(text, at)
    const endLine = lineOf(text, at + Math.max(0, search.length - 1))
    matches.push({ startLine, endLine, offset: at, length: search.length })
    at = text.indexOf(search, at + 1)
  }
  return matches
}

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

function trimBlankEdges(lines: string[]): string[] {
  let first = 0
  let last = lines.length - 1
  while (first <= last && lines[first]!.trim() === '') first++
  while (last >= first && lines[last]!.trim() === '') last--
  return lines.slice(first, last + 1)
}

function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0]
}

function dedent(lines: string[]): string[] {
  const nonBlank = lines.filter(l => l.trim() !== '')
  const common = nonBlank.reduce<string | undefined>((prefix, line) => {
    const indent = indentOf(line)
    if (prefix === undefined) return indent
    let i = 0
    while (i < prefix.length && i < indent.length && prefix[i] === indent[i]) i++
    return prefix.slice(0, i)
  }, undefined)
  const cut = common?.length ?? 0
  return lines.map(line => (line.trim() === '' ? '' : line.slice(cut).trimEnd()))
}

function relativeIndentMatches(contentLines: string[], searchLines: string[]): Match[] {
  const wanted = dedent(searchLines).join('\n')
  const n = searchLines.length
  const matches: Match[] = []
  const firstTrimmed = searchLines[0]!.trim()
  for (let i = 0; i + n <= contentLines.length; i++) {
    if (contentLines[i]!.trim() !== firstTrimmed) continue
    if (dedent(contentLines.slice(i, i + n)).join('\n') === wanted) {
      matches.push({ startLine: i + 1, endLine: i + n, from: i, to: i + n - 1 })
    }
  }
  return matches
}

function squash(line: string): string {
  return line.replace(/\s+/g, '')
}

/** Matches on non-blank lines with every whitespace character ignored. */
function looseMatches(contentLines: string[], searchLines: string[]): Match[] {
  const wanted = searchLines.filter(l => l.trim() !== '').map(squash)
  const index: number[] = []
  const keys: string[] = []
  contentLines.forEach((line, i) => {
    if (line.trim() !== '') {
      index.push(i)
      keys.push(squash(line))
    }
  })
  const matches: Match[] = []
  for (let k = 0; k + wanted.length <= keys.length; k++) {
    let same = true
    for (let j = 0; j < wanted.length; j++) {
      if (keys[k + j] !== wanted[j]) {
        same = false
        break
      }
    }
    if (same) {
      const from = index[k]!
      const to = index[k + wanted.length - 1]!
      matches.push({ startLine: from + 1, endLine: to + 1, from, to })
    }
  }
  return matches
}

function spliceExact(
  text: string,
  match: Match,
  replacement: string
): { content: string; startLine: number; endLine: number } {
  const content = text.slice(0, match.offset) + replacement + text.slice(match.offset! + match.length!)
  const startLine = match.startLine
  const endLine = startLine + Math.max(0, replacement.split('\n').length - 1)
  return { content, startLine, endLine }
}

function spliceLines(
  text: string,
  match: Match,
  replacement: string,
  search: string
): { content: string; startLine: number; endLine: number } {
  const contentLines = text.split('\n')
  const matched = contentLines.slice(match.from!, match.to! + 1)
  const rawSearchLines = search.split('\n')
  const searchLines = trimBlankEdges(rawSearchLines)
  const leading = rawSearchLines.findIndex(l => l.trim() !== '')
  const trailing = rawSearchLines.length - 1 - findLastIndex(rawSearchLines, l => l.trim() !== '')
  let replaceLines = replacement.split('\n')
  if (replacement.endsWith('\n')) replaceLines = replaceLines.slice(0, -1)
  // Blank lines around the search text only helped it match; the same around the replacement go too.
  for (let i = 0; i < leading && replaceLines.length && replaceLines[0]!.trim() === ''; i++)
    replaceLines.shift()
  const trailingInSearch = search.endsWith('\n') ? trailing - 1 : trailing
  for (
    let i = 0;
    i < trailingInSearch && replaceLines.length && replaceLines[replaceLines.length - 1]!.trim() === '';
    i++
  )
    replaceLines.pop()
  const reindented = reindent(replaceLines, searchLines, matched, contentLines)
  const next = [...contentLines.slice(0, match.from!), ...reindented, ...contentLines.slice(match.to! + 1)]
  return {
    content: next.join('\n'),
    startLine: match.from! + 1,
    endLine: match.from! + Math.max(1, reindented.length)
  }
}

/**
 * Gives replacement lines the file's indentation: an indentation the search text used maps to the
 * one it matched in the file; others are shifted by indentation levels, in the file's own unit.
 */
function reindent(
  replaceLines: string[],
  searchLines: string[],
  matched: string[],
  contentLines: string[]
): string[] {
  const searchNonBlank = searchLines.filter(l => l.trim() !== '')
  const matchedNonBlank = matched.filter(l => l.trim() !== '')
  const map = new Map<string, string>()
  searchNonBlank.forEach((line, i) => {
    const target = matchedNonBlank[i]
    if (target !== undefined && !map.has(indentOf(line))) map.set(indentOf(line), indentOf(target))
  })
  const searchBase = indentOf(searchNonBlank[0] ?? '')
  const fileBase = indentOf(matchedNonBlank[0] ?? '')
  const searchUnit = indentUnit([...searchLines, ...replaceLines])
  const fileUnit = indentUnit(contentLines)
  return replaceLines.map(line => {
    if (line.trim() === '') return ''
    const indent = indentOf(line)
    const body = line.slice(indent.length)
    const mapped = map.get(indent)
    if (mapped !== undefined) return mapped + body
    const width = (s: string): number => s.replace(/\t/g, '    ').length
    const levels = Math.round((width(indent) - width(searchBase)) / Math.max(1, width(searchUnit)))
    const baseLevels = width(fileBase)
    const unitWidth = width(fileUnit)
    const target = Math.max(0, baseLevels + levels * unitWidth)
    return (fileUnit === '\t' ? '\t'.repeat(Math.round(target / 4)) : ' '.repeat(target)) + body
  })
}

function indentUnit(lines: string[]): string {
  const indents = lines
    .filter(l => l.trim() !== '')
    .map(indentOf)
    .filter(Boolean)
  if (indents.some(i => i.startsWith('\t'))) return '\t'
  const widths = indents.map(i => i.length)
  if (widths.length === 0) return '  '
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
  const unit = widths.reduce((a, b) => gcd(a, b))
  return ' '.repeat(Math.min(Math.max(unit, 1), 8))
}

function numbered(lines: string[], start: number): string {
  return lines.map((line, i) => `${start + i}| ${line}`).join('\n')
}

function bigrams(text: string): Map<string, number> {
  const squashed = text.replace(/\s+/g, ' ').trim()
  const grams = new Map<string, number>()
  for (let i = 0; i < squashed.length - 1; i++) {
    const gram = squashed.slice(i, i + 2)
    grams.set(gram, (grams.get(gram) ?? 0) + 1)
  }
  return grams
}

interface LineGrams {
  trimmed: string
  grams: Map<string, number>
  size: number
}

function lineGrams(line: string): LineGrams {
  const grams = bigrams(line)
  let size = 0
  for (const count of grams.values()) size += count
  return { trimmed: line.trim(), grams, size }
}

/** Dice coefficient of two lines' character bigrams. */
function lineSimilarity(a: LineGrams, b: LineGrams): number {
  if (a.trimmed === b.trimmed) return 1
  const total = a.size + b.size
  if (total === 0) return 0
  let shared = 0
  for (const [gram, count] of a.grams) shared += Math.min(count, b.grams.get(gram) ?? 0)
  return (2 * shared) / total
}

/** The file regions most similar to the search text, best first, not overlapping. */
export function nearestCandidates(text: string, search: string, limit: number): EditCandidate[] {
  const contentLines = text.split('\n')
  const searchLines = trimBlankEdges(search.split('\n')).filter(l => !ELISION.test(l))
  const n = searchLines.length
  if (n === 0 || contentLines.length === 0) return []
  const window = Math.min(n, contentLines.length)
  // Bigrams once per line; similarities once per (file line, search line) pair.
  const contentGrams = contentLines.map(lineGrams)
  const searchGrams = searchLines.map(lineGrams)
  const scored: Array<{ from: number; score: number }> = []
  for (let i = 0; i + window <= contentLines.length; i++) {
    let sum = 0
    for (let j = 0; j < window; j++) sum += lineSimilarity(contentGrams[i + j]!, searchGrams[j]!)
    scored.push({ from: i, score: sum / n })
  }
  scored.sort((a, b) => b.score - a.score || a.from - b.from)
  const chosen: Array<{ from: number; score: number }> = []
  for (const candidate of scored) {
    if (chosen.length >= limit || candidate.score < 0.3) break
    if (chosen.some(c => Math.abs(c.from - candidate.from) < window)) continue
    chosen.push(candidate)
  }
  return chosen.map(c => ({
    startLine: c.from + 1,
    endLine: c.from + window,
    text: numbered(contentLines.slice(c.from, c.from + window), c.from + 1),
    similarity: Math.round(c.score * 100) / 100
  }))
}

/**
 * Edits written as text blocks (`<<<<<<< SEARCH` / `=======` / `>>>>>>> REPLACE`), possibly
 * inside markdown fences; returns undefined when the text holds no such block.
 */
export function parseEditBlocks(text: string): SearchReplace[] | undefined {
  const lines = normalizeNewlines(text).split('\n')
  const blocks: SearchReplace[] = []
  let i = 0
  while (i < lines.length) {
    if (!/^\s*<{5,}\s*SEARCH\s*$/i.test(lines[i]!)) {
      i++
      continue
    }
    const search: string[] = []
    const replace: string[] = []
    i++
    while (i < lines.length && !/^\s*={5,}\s*$/.test(lines[i]!)) search.push(lines[i++]!)
    i++
    while (i < lines.length && !/^\s*>{5,}\s*(REPLACE)?\s*$/i.test(lines[i]!)) replace.push(lines[i++]!)
    i++
    blocks.push({ search: search.join('\n'), replace: replace.join('\n') })
  }
  return blocks.length ? blocks : undefined
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i
  return -1
}
