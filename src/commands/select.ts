import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { changeOptions, detectChanges } from '../changes/index.js'
import { Git } from '../ports/git.js'
import { code, escapeCell, table, truncate } from '../report/markdown.js'
import { safeJson, safeWord } from '../report/outputs.js'
import { selectChange } from '../select/cached.js'
import { restoreTimings } from './test.js'
import { type SelectResult } from '../select/index.js'
import { estimateDurationMs, readTimings, splitIntoShards, type Shard } from '../select/shards.js'
import type { Selection } from '../select/types.js'
import type { Command, CommandContext, CommandResult } from './types.js'

/** Rows of the "test ← why" table in the job summary. */
export const SUMMARY_ROWS = 200
const MERMAID_TESTS = 8
const SUMMARY_LIMIT = 200_000

const SAFE_PATH = /^[A-Za-z0-9._/@+=,-]+$/

/** A path for a POSIX shell command line: bare when it is plain, else single-quoted. */
export function shellPath(path: string): string {
  return SAFE_PATH.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`
}

export interface MatrixEntry {
  shard: number
  /** Space-separated test files, quoted for a POSIX shell where needed (for a `run:` line's test command). */
  tests: string
  /** The same files as a JSON array, for the `files` input of `command: test`. */
  files: string
  count: number
}

export function matrixFor(shards: readonly Shard[]): { include: MatrixEntry[] } {
  return {
    include: shards.map(s => ({
      shard: s.shard,
      tests: s.tests.map(shellPath).join(' '),
      files: JSON.stringify(s.tests),
      count: s.tests.length
    }))
  }
}

/** The contract of `select --json` (shared/design.md), nothing more. */
export function selectionJson(result: Selection): Selection {
  return {
    mode: result.mode,
    tests: result.tests,
    reasons: result.reasons,
    fallback: result.fallback,
    changed: result.changed
  }
}

function shardsFor(result: SelectResult, shardCount: number, workDir: string, repoDir: string): Shard[] {
  const timings = readTimings(workDir)
  const durationOf = (test: string): number => {
    const recorded = timings.get(test)
    if (recorded !== undefined) return recorded
    const file = join(repoDir, test)
    try {
      if (!existsSync(file) || statSync(file).size > 2_000_000) return estimateDurationMs(undefined)
      return estimateDurationMs(readFileSync(file, 'utf8'))
    } catch {
      return estimateDurationMs(undefined)
    }
  }
  const cache = new Map<string, number>()
  return splitIntoShards(result.tests, shardCount, test => {
    let ms = cache.get(test)
    if (ms === undefined) cache.set(test, (ms = durationOf(test)))
    return ms
  })
}

function cellCode(text: string): string {
  return code(text).replace(/\|/g, '\\|')
}

function mermaidLabel(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._/@#<>: -]/g, '_')
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .slice(0, 120)
}

/** A small graph of changed symbol → test for the first few selected tests. */
function mermaid(result: SelectResult): string {
  const tests = result.tests.filter(t => result.reach[t]?.length).slice(0, MERMAID_TESTS)
  if (tests.length === 0) return ''
  const ids = new Map<string, string>()
  const id = (label: string): string => {
    let value = ids.get(label)
    if (!value) ids.set(label, (value = `n${ids.size}`))
    return value
  }
  const lines = ['```mermaid', 'graph LR']
  for (const test of tests) {
    for (const symbol of (result.reach[test] ?? []).slice(0, 4)) {
      lines.push(`  ${id(symbol)}["${mermaidLabel(symbol)}"] --> ${id(test)}["${mermaidLabel(test)}"]`)
    }
  }
  lines.push('```')
  return lines.join('\n')
}

function graphLine(stats: SelectResult['stats']): string {
  const read = stats.scanned + stats.cacheHits
  return stats.graph === 'demand'
    ? `${read} of ${stats.files} files scanned, only what the change reaches, ${stats.totalMs} ms`
    : `${read} of ${stats.files} files scanned (${stats.cacheHits} from the cache), ${stats.totalMs} ms`
}

export function selectSummary(result: SelectResult, shards: readonly Shard[]): string {
  const lines = ['### Test selection', '']
  const modeLine =
    result.mode === 'all'
      ? `**All ${result.tests.length} test files** run`
      : result.mode === 'none'
        ? '**No test file** can be affected by this change'
        : `**${result.tests.length} of ${result.allTests.length} test files** selected`
  lines.push(`${modeLine} · ${graphLine(result.stats)}`, '')
  if (result.fallback) lines.push(`> [!NOTE]\n> Running every test: ${escapeCell(result.fallback)}`, '')
  if (result.changed.length) {
    const rows = result.changed
      .slice(0, SUMMARY_ROWS)
      .map(c => [
        cellCode(c.file),
        escapeCell(c.symbols.slice(0, 20).join(', ') + (c.symbols.length > 20 ? ', …' : ''))
      ])
    lines.push(
      '<details><summary>Changed symbols</summary>',
      '',
      table(['File', 'Symbols'], rows),
      '',
      '</details>',
      ''
    )
  }
  if (result.mode === 'selected') {
    const rows = result.tests.slice(0, SUMMARY_ROWS).map(test => {
      const chain = (result.reasons[test] ?? []).filter(step => step !== test)
      return [cellCode(test), chain.length ? chain.map(cellCode).reverse().join(' ← ') : 'changed']
    })
    lines.push(table(['Test', '← why'], rows))
    if (result.tests.length > SUMMARY_ROWS)
      lines.push('', `_…and ${result.tests.length - SUMMARY_ROWS} more; the \`tests\` output has them all._`)
    const graph = mermaid(result)
    if (graph)
      lines.push('', '<details><summary>Changed symbol → test</summary>', '', graph, '', '</details>')
  }
  if (shards.length > 1) {
    lines.push(
      '',
      table(
        ['Shard', 'Tests', 'Expected'],
        shards.map(s => [String(s.shard), String(s.tests.length), `${(s.expectedMs / 1000).toFixed(1)} s`])
      )
    )
  }
  if (result.unreached.length) {
    const list = result.unreached
      .slice(0, 30)
      .map(u => cellCode(`${u.file}#${u.symbol}`))
      .join(', ')
    lines.push('', `Changed symbols no test reaches: ${list}${result.unreached.length > 30 ? ', …' : ''}`)
  }
  if (result.notes.length) lines.push('', ...result.notes.slice(0, 20).map(n => `- ${escapeCell(n)}`))
  return truncate(lines.join('\n') + '\n', SUMMARY_LIMIT)
}

export function selectText(result: SelectResult): string {
  const lines = [
    `mode ${result.mode}: ${result.tests.length} test file${result.tests.length === 1 ? '' : 's'}`
  ]
  if (result.fallback) lines.push(`run all: ${result.fallback}`)
  for (const c of result.changed) lines.push(`changed ${c.file}: ${c.symbols.join(', ')}`)
  lines.push('')
  if (result.mode !== 'all') {
    for (const test of result.tests) {
      const chain = (result.reasons[test] ?? []).filter(step => step !== test)
      lines.push(`${test}  <-  ${chain.reverse().join(' <- ') || 'changed'}`)
    }
  } else lines.push(...result.tests)
  return lines.join('\n')
}

export function selectResult(
  result: SelectResult,
  shardCount: number,
  workDir: string,
  repoDir: string
): CommandResult {
  const shards = result.tests.length ? shardsFor(result, shardCount, workDir, repoDir) : []
  return {
    outputs: {
      tests: safeJson(result.tests),
      count: safeWord(result.tests.length),
      mode: safeWord(result.mode),
      matrix: safeJson(matrixFor(shards))
    },
    summary: selectSummary(result, shards),
    json: selectionJson(result),
    text: selectText(result)
  }
}

export async function runSelection(context: CommandContext): Promise<SelectResult> {
  const git = new Git(context.repoDir)
  const changes = await context.log.group('Change detection', () =>
    detectChanges(changeOptions(context, git))
  )
  return selectChange(
    context,
    git,
    changes.baseKind === 'empty-tree' ? undefined : changes.base,
    changes.head
  )
}

export const selectCommand: Command = async context => {
  const result = await runSelection(context)
  context.log.info(
    result.mode === 'all'
      ? `Running all ${result.tests.length} test files: ${result.fallback}`
      : `Selected ${result.tests.length} of ${result.allTests.length} test files.`
  )
  // Shards are balanced by the timings earlier test runs recorded (a select job has none of its own).
  if (context.inputs.shards > 1 && result.tests.length > 1) await restoreTimings(context)
  return selectResult(result, context.inputs.shards, context.workDir, context.repoDir)
}
