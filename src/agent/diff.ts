/** Unified diffs of whole-file changes, as `git apply` takes them (a/ b/ prefixes, 3 lines of context). */

export interface FileChange {
  /** Repository-relative path. */
  path: string
  /** undefined for a created file. */
  before: string | undefined
  after: string
}

export function unifiedPatch(changes: readonly FileChange[]): string {
  return changes
    .filter(change => change.before !== change.after)
    .map(change => fileDiff(change))
    .join('')
}

function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number }

function fileDiff(change: FileChange): string {
  const created = change.before === undefined
  const a = splitLines(change.before ?? '')
  const b = splitLines(change.after)
  const header = created
    ? `diff --git a/${change.path} b/${change.path}\nnew file mode 100644\n--- /dev/null\n+++ b/${change.path}\n`
    : `diff --git a/${change.path} b/${change.path}\n--- a/${change.path}\n+++ b/${change.path}\n`
  const ops = diffLines(a, b)
  const aNoEol = change.before !== undefined && change.before !== '' && !change.before.endsWith('\n')
  const bNoEol = change.after !== '' && !change.after.endsWith('\n')
  return header + hunks(ops, a.length, b.length, aNoEol, bNoEol)
}

/** Line diff: common prefix and suffix trimmed, then a longest-common-subsequence table on the rest. */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const midA = a.slice(start, endA)
  const midB = b.slice(start, endB)
  const ops: Op[] = []
  for (let i = 0; i < start; i++) ops.push({ kind: ' ', line: a[i]!, a: i, b: i })
  const n = midA.length
  const m = midB.length
  if (n * m > 25_000_000) {
    midA.forEach((line, i) => ops.push({ kind: '-', line, a: start + i, b: start }))
    midB.forEach((line, j) => ops.push({ kind: '+', line, a: start + n, b: start + j }))
  } else {
    const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i]![j] =
          midA[i] === midB[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
      }
    }
    let i = 0
    let j = 0
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        ops.push({ kind: ' ', line: midA[i]!, a: start + i, b: start + j })
        i++
        j++
      } else if (i < n && (j === m || table[i + 1]![j]! >= table[i]![j + 1]!)) {
        ops.push({ kind: '-', line: midA[i]!, a: start + i, b: start + j })
        i++
      } else {
        ops.push({ kind: '+', line: midB[j]!, a: start + i, b: start + j })
        j++
      }
    }
  }
  for (let k = 0; k < a.length - endA; k++)
    ops.push({ kind: ' ', line: a[endA + k]!, a: endA + k, b: endB + k })
  return ops
}

function hunks(ops: Op[], aLength: number, bLength: number, aNoEol: boolean, bNoEol: boolean): string {
  const context = 3
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter(i => i >= 0)
  if (changed.length === 0) return ''
  const groups: Array<[number, number]> = []
  for (const index of changed) {
    const last = groups[groups.length - 1]
    if (last && index - last[1] <= 2 * context) last[1] = index
    else groups.push([index, index])
  }
  let out = ''
  for (const [first, last] of groups) {
    const from = Math.max(0, first - context)
    const to = Math.min(ops.length - 1, last + context)
    const slice = ops.slice(from, to + 1)
    const aCount = slice.filter(op => op.kind !== '+').length
    const bCount = slice.filter(op => op.kind !== '-').length
    const aStart = slice[0]!.a
    const bStart = slice[0]!.b
    out += `@@ -${aCount === 0 ? aStart : aStart + 1},${aCount} +${bCount === 0 ? bStart : bStart + 1},${bCount} @@\n`
    for (const op of slice) {
      out += `${op.kind}${op.line}\n`
      const lastOfA = op.kind !== '+' && op.a === aLength - 1
      const lastOfB = op.kind !== '-' && op.b === bLength - 1
      if (
        (op.kind === '-' && lastOfA && aNoEol) ||
        (op.kind === '+' && lastOfB && bNoEol) ||
        (op.kind === ' ' && lastOfA && aNoEol)
      ) {
        out += '\\ No newline at end of file\n'
      }
    }
  }
  return out
}

/** Lines added and removed in a unified patch (for choosing the smallest candidate). */
export function patchSize(patch: string): { added: number; removed: number } {
  let added = 0
  let removed = 0
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++') || line.startsWith('---')) continue
    if (line.startsWith('+')) added++
    else if (line.startsWith('-')) removed++
  }
  return { added, removed }
}
