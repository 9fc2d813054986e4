import { changeOptions, detectChanges, type DetectedChanges } from '../changes/index.js'
import type { ChangedFile } from '../changes/types.js'
import { Git } from '../ports/git.js'
import { code, escapeCell, table } from '../report/markdown.js'
import { safeJson, safeWord } from '../report/outputs.js'
import type { Command, CommandResult } from './types.js'

/** Rows shown in the job summary; the full list is in the `changed-files` output. */
export const SUMMARY_ROWS = 300
/** GitHub's limit for one job output. */
const OUTPUT_LIMIT = 1024 * 1024

/** Inline code for a table cell: a pipe would end the cell even inside backticks. */
function cellCode(text: string): string {
  return code(text).replace(/\|/g, '\\|')
}

function flags(file: ChangedFile): string[] {
  return [...(file.binary ? ['binary'] : []), ...(file.submodule ? ['submodule'] : [])]
}

export function countLine(files: readonly ChangedFile[]): string {
  const count = (status: ChangedFile['status']): number => files.filter(f => f.status === status).length
  const parts = [
    `${count('added')} added`,
    `${count('modified')} modified`,
    `${count('deleted')} deleted`,
    `${count('renamed')} renamed`
  ]
  const binary = files.filter(f => f.binary).length
  const submodules = files.filter(f => f.submodule).length
  if (binary) parts.push(`${binary} binary`)
  if (submodules) parts.push(`${submodules} submodule${submodules === 1 ? '' : 's'}`)
  return `${files.length} changed file${files.length === 1 ? '' : 's'}: ${parts.join(', ')}`
}

/** The job-summary section: counts, what was fetched and decided, and a table capped at SUMMARY_ROWS. */
export function changesSummary(changes: DetectedChanges): string {
  const lines = [
    '### Changed files',
    '',
    `${code(changes.base.slice(0, 12))} → ${code(changes.head.slice(0, 12))}` +
      `${changes.baseKind === 'empty-tree' ? ' (empty tree: every file is new)' : ''} · ${countLine(changes.files)}`,
    ''
  ]
  if (changes.fallback) lines.push(`> [!WARNING]\n> ${escapeCell(changes.fallback)}`, '')
  const notes = changes.notes.filter(n => n !== changes.fallback)
  if (notes.length) lines.push(...notes.map(n => `- ${escapeCell(n)}`), '')
  if (changes.files.length) {
    const shown = changes.files.slice(0, SUMMARY_ROWS)
    const flagged = shown.some(f => flags(f).length > 0)
    const rows = shown.map(f => {
      const path =
        f.previousPath !== undefined ? `${cellCode(f.previousPath)} → ${cellCode(f.path)}` : cellCode(f.path)
      return flagged ? [f.status, path, flags(f).join(', ')] : [f.status, path]
    })
    lines.push(table(flagged ? ['Status', 'Path', 'Kind'] : ['Status', 'Path'], rows))
    if (changes.files.length > shown.length) {
      lines.push(
        '',
        `_…and ${changes.files.length - shown.length} more; the \`changed-files\` output has them all._`
      )
    }
  }
  return lines.join('\n') + '\n'
}

/** The CLI's human output: one line per file (`R  old -> new`), then the counts. */
export function changesText(changes: DetectedChanges): string {
  const lines = [`base ${changes.base}`, `head ${changes.head}`]
  if (changes.fallback) lines.push(`note: ${changes.fallback}`)
  lines.push('')
  const shown = changes.files
  const width = Math.max(6, ...shown.map(f => f.status.length))
  lines.push(`${'STATUS'.padEnd(width)}  PATH`)
  for (const f of shown) {
    const path = f.previousPath !== undefined ? `${f.previousPath} -> ${f.path}` : f.path
    const extra = flags(f)
    lines.push(`${f.status.padEnd(width)}  ${path}${extra.length ? `  (${extra.join(', ')})` : ''}`)
  }
  lines.push('', countLine(changes.files))
  return lines.join('\n')
}

/** The contract's JSON: `{"base","head","files":[{"path","status","previousPath"?,"binary"?,"submodule"?}]}`. */
export function changesJson(changes: DetectedChanges): { base: string; head: string; files: ChangedFile[] } {
  return {
    base: changes.base,
    head: changes.head,
    files: changes.files.map(f => {
      const file: ChangedFile = { path: f.path, status: f.status }
      if (f.previousPath !== undefined) file.previousPath = f.previousPath
      if (f.binary) file.binary = true
      if (f.submodule) file.submodule = true
      return file
    })
  }
}

export function changesResult(changes: DetectedChanges): CommandResult {
  const json = changesJson(changes)
  return {
    outputs: {
      'changed-files': safeJson(json.files),
      'changed-count': safeWord(json.files.length),
      base: safeWord(changes.base),
      head: safeWord(changes.head)
    },
    summary: changesSummary(changes),
    json,
    text: changesText(changes)
  }
}

export const changesCommand: Command = async context => {
  const git = new Git(context.repoDir)
  const changes = await context.log.group('Change detection', () =>
    detectChanges(changeOptions(context, git))
  )
  const result = changesResult(changes)
  const size = result.outputs['changed-files']?.length ?? 0
  if (size > OUTPUT_LIMIT) {
    context.log.warning(
      `The changed-files output is ${(size / 1024 / 1024).toFixed(1)} MB; GitHub limits a job output to 1 MB. ` +
        'Read it within the same job, or use changed-count.'
    )
  }
  return result
}
