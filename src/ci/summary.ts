/** The `ci` command's job summary: a one-line verdict, a stage table, then one foldable section per stage. */
import { details, escapeCell, table, truncate } from '../report/markdown.js'

export type StageState = 'passed' | 'failed' | 'fixed' | 'skipped' | 'done' | 'not-needed'

export interface StageSection {
  /** Stage name, e.g. "Select". */
  name: string
  state: StageState
  /** One line for the stage table and the fold's title. */
  outcome: string
  /** The stage's own Markdown (from its command's renderer). */
  body: string
  /** Open the fold by default (the stage that needs attention). */
  open?: boolean
}

export interface CiSummaryInput {
  verdict: string
  /** Short paragraphs shown under the verdict (e.g. what an LLM endpoint would add). */
  notes: string[]
  stages: StageSection[]
}

const STATE_MARK: Record<StageState, string> = {
  passed: '✅',
  done: '✅',
  'not-needed': '➖',
  fixed: '🩹',
  failed: '❌',
  skipped: '⏭️'
}

/** GitHub allows 1 MiB a step; keep well below, leaving each stage a fair share. */
const SUMMARY_LIMIT = 900_000

/** Headings inside a fold would compete with the verdict: demote them below level 3. */
function demoteHeadings(markdown: string): string {
  let fenced = false
  return markdown
    .split('\n')
    .map(line => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced
      if (fenced) return line
      const match = /^(#{1,3}) (.*)$/.exec(line)
      return match ? `#### ${match[2]}` : line
    })
    .join('\n')
}

export function renderCiSummary(input: CiSummaryInput): string {
  const parts = [`## CI Medic`, '', `**${input.verdict}**`, '']
  for (const note of input.notes) parts.push(note, '')
  parts.push(
    table(
      ['Stage', 'Outcome'],
      input.stages.map(stage => [`${STATE_MARK[stage.state]} ${stage.name}`, escapeCell(stage.outcome)])
    ),
    ''
  )
  const share = Math.floor(SUMMARY_LIMIT / Math.max(1, input.stages.length))
  for (const stage of input.stages) {
    const title = `<b>${STATE_MARK[stage.state]} ${escapeHtml(stage.name)}</b> — ${escapeHtml(stage.outcome)}`
    parts.push(details(title, truncate(demoteHeadings(stage.body.trim()), share), stage.open ?? false), '')
  }
  return parts.join('\n')
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** "1 test", "2 tests". */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`
}
