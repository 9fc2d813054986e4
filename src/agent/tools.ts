import { readFileSync, statSync } from 'node:fs'
import picomatch from 'picomatch'
import type { ToolDefinition } from '../llm/types.js'
import type { AuditLog } from '../report/audit.js'
import { quoteUntrusted } from '../security/untrusted.js'
import type { Git } from '../ports/git.js'
import { applyEdits, parseEditBlocks, stripFences, type SearchReplace } from './edits.js'
import { cleanPath, PathPolicyError, type PathPolicy } from './paths.js'
import { checkSyntax, describeSyntaxProblems } from './syntax.js'
import { testWeakening } from './test-guard.js'
import type { Workspace } from './workspace.js'

/** What the agent's tools work on. */
export interface ToolContext {
  repoDir: string
  git: Git
  policy: PathPolicy
  workspace: Workspace
  audit: AuditLog
  signal?: AbortSignal
  /** The change under test as a unified diff (for show_change). */
  showChange?: () => Promise<string>
  /** Runs the given test files and returns a compact summary (for run_tests). */
  runTests?: (files: string[], signal?: AbortSignal) => Promise<string>
}

export interface FinishArgs {
  explanation: string
  rootCause: string
}

export interface ToolOutcome {
  /** The tool result the model sees. */
  content: string
  ok: boolean
  finish?: FinishArgs
}

export interface AgentTool {
  definition: ToolDefinition
  run(args: Record<string, unknown>, context: ToolContext): Promise<ToolOutcome>
}

const MAX_READ_LINES = 200
const MAX_LIST = 200
const MAX_SEARCH_LINES = 60
const MAX_LINE_CHARS = 240
const MAX_FILE_BYTES = 1024 * 1024

function str(args: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = args[name]
    if (typeof value === 'string') return value
    if (typeof value === 'number') return String(value)
  }
  return undefined
}

function num(args: Record<string, unknown>, ...names: string[]): number | undefined {
  for (const name of names) {
    const value = args[name]
    const parsed =
      typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN
    if (Number.isFinite(parsed)) return Math.trunc(parsed)
  }
  return undefined
}

function fail(content: string): ToolOutcome {
  return { content, ok: false }
}

function clip(line: string): string {
  return line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) + ' …' : line
}

async function trackedAndUntracked(context: ToolContext): Promise<string[]> {
  const out = await context.git.run(['ls-files', '--cached', '--others', '--exclude-standard', '-z'])
  return [...new Set(out.split('\0').filter(Boolean))].sort()
}

export const listFilesTool: AgentTool = {
  definition: {
    name: 'list_files',
    description:
      'List repository files (ignored files excluded). Give a folder ("src") and/or a glob ("src/**/*.ts").',
    parameters: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'Folder relative to the repository root; default the root.' },
        glob: { type: 'string', description: 'Glob the paths must match, e.g. "**/*.py".' }
      }
    }
  },
  async run(args, context) {
    const dir = str(args, 'path', 'dir', 'directory') ?? '.'
    const resolved = context.policy.resolve(dir)
    const prefix = resolved.relative === '.' ? '' : resolved.relative.replace(/\/$/, '') + '/'
    const glob = str(args, 'glob', 'pattern')
    const matches = glob ? picomatch(glob, { dot: true }) : () => true
    const files = (await trackedAndUntracked(context)).filter(
      f => f.startsWith(prefix) && (matches(f) || matches(f.slice(prefix.length)))
    )
    if (files.length === 0) return fail(`No files under "${dir}"${glob ? ` matching "${glob}"` : ''}.`)
    const shown = files.slice(0, MAX_LIST)
    const more = files.length - shown.length
    return {
      ok: true,
      content: shown.join('\n') + (more > 0 ? `\n… and ${more} more; narrow the glob.` : '')
    }
  }
}

export const readFileTool: AgentTool = {
  definition: {
    name: 'read_file',
    description: `Read lines of a file (at most ${MAX_READ_LINES} a call), shown as "line| text". Line numbers are not part of the file.`,
    parameters: {
      type: 'object',
      properties: {
        path: { type: 'string' },
        start_line: { type: 'integer', description: '1-based first line; default 1.' },
        end_line: { type: 'integer', description: '1-based last line, inclusive.' }
      },
      required: ['path']
    }
  },
  async run(args, context) {
    const path = str(args, 'path', 'file')
    if (!path) return fail('read_file needs a "path".')
    const resolved = context.policy.resolve(path)
    let stat
    try {
      stat = statSync(resolved.absolute)
    } catch {
      return fail(`File "${resolved.relative}" does not exist. Use list_files to find it.`)
    }
    if (stat.isDirectory()) return fail(`"${resolved.relative}" is a folder; use list_files.`)
    if (stat.size > MAX_FILE_BYTES)
      return fail(`"${resolved.relative}" is too large to read (${stat.size} bytes).`)
    const buffer = readFileSync(resolved.absolute)
    if (buffer.includes(0)) return fail(`"${resolved.relative}" is a binary file.`)
    const lines = buffer.toString('utf8').replace(/\r\n/g, '\n').split('\n')
    if (lines[lines.length - 1] === '') lines.pop()
    const start = Math.max(1, num(args, 'start_line', 'startLine', 'start') ?? 1)
    const requestedEnd = num(args, 'end_line', 'endLine', 'end') ?? start + MAX_READ_LINES - 1
    const end = Math.min(lines.length, requestedEnd, start + MAX_READ_LINES - 1)
    if (start > lines.length) return fail(`"${resolved.relative}" has only ${lines.length} lines.`)
    const body = lines
      .slice(start - 1, end)
      .map((line, i) => `${start + i}| ${clip(line)}`)
      .join('\n')
    const tail =
      end < lines.length
        ? `\n(lines ${start}-${end} of ${lines.length}; read on with start_line ${end + 1})`
        : ''
    return { ok: true, content: quoteUntrusted(`file ${resolved.relative}`, body) + tail }
  }
}

export const searchTool: AgentTool = {
  definition: {
    name: 'search',
    description:
      'Search the repository with a regular expression (Perl syntax; ignored files excluded). Returns "path:line: text".',
    parameters: {
      type: 'object',
      properties: {
        regex: { type: 'string' },
        glob: { type: 'string', description: 'Only files matching this glob, e.g. "src/**/*.ts".' }
      },
      required: ['regex']
    }
  },
  async run(args, context) {
    const regex = str(args, 'regex', 'pattern', 'query')
    if (!regex) return fail('search needs a "regex".')
    const glob = str(args, 'glob', 'path', 'paths')
    const pathspec: string[] = []
    if (glob) {
      pathspec.push(`:(glob)${cleanPath(glob)}`)
    }
    const grep = (syntax: '-P' | '-E') =>
      context.git.tryRun([
        'grep',
        '-n',
        '-I',
        syntax,
        '--untracked',
        '--exclude-standard',
        '--no-color',
        '-e',
        regex,
        '--',
        ...pathspec
      ])
    let result = await grep('-P')
    // git built without PCRE: extended regular expressions cover most of what models write.
    if (result.exitCode > 1 && /perl|pcre/i.test(result.stderr)) result = await grep('-E')
    if (result.exitCode === 1) return fail(`No matches for /${regex}/${glob ? ` in ${glob}` : ''}.`)
    if (result.exitCode !== 0) return fail(`The search failed: ${result.stderr.trim().split('\n')[0]}`)
    const lines = result.stdout.split('\n').filter(Boolean)
    const shown = lines.slice(0, MAX_SEARCH_LINES).map(clip)
    const more = lines.length - shown.length
    return {
      ok: true,
      content:
        quoteUntrusted('search results', shown.join('\n')) +
        (more > 0 ? `\n… and ${more} more matches; narrow the search.` : '')
    }
  }
}

export const showChangeTool: AgentTool = {
  definition: {
    name: 'show_change',
    description: 'Show the change under test (the diff between the base and the head commit).',
    parameters: { type: 'object', properties: {} }
  },
  async run(_args, context) {
    if (!context.showChange) return fail('No change under test is known for this run.')
    const diff = await context.showChange()
    return { ok: true, content: diff ? quoteUntrusted('change under test', diff) : 'The change is empty.' }
  }
}

export const runTestsTool: AgentTool = {
  definition: {
    name: 'run_tests',
    description: "Run test files with the repository's test runner and get a compact result.",
    parameters: {
      type: 'object',
      properties: { files: { type: 'array', items: { type: 'string' }, description: 'Test files to run.' } },
      required: ['files']
    }
  },
  async run(args, context) {
    if (!context.runTests) return fail('Running tests is not available in this run.')
    const raw = args.files
    const list = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : []
    if (list.length === 0) return fail('run_tests needs "files": a list of test files.')
    const files = list.slice(0, 20).map(file => context.policy.resolve(file).relative)
    return { ok: true, content: await context.runTests(files, context.signal) }
  }
}

function editsFrom(args: Record<string, unknown>): SearchReplace[] | undefined {
  const list = args.edits ?? args.blocks ?? args.changes
  if (Array.isArray(list)) {
    const edits = list
      .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
      .map(e => ({
        search: str(e, 'search', 'old', 'old_text', 'find') ?? '',
        replace: str(e, 'replace', 'new', 'new_text') ?? ''
      }))
    return edits.length ? edits : undefined
  }
  if (typeof list === 'string') return parseEditBlocks(list)
  const search = str(args, 'search', 'old', 'old_text')
  const replace = str(args, 'replace', 'new', 'new_text')
  if (search !== undefined && replace !== undefined) return [{ search, replace }]
  return undefined
}

/** Refuses content whose syntax the edit broke; a file that was already broken may stay broken. */
async function syntaxRefusal(
  rel: string,
  before: string | undefined,
  after: string,
  context: ToolContext
): Promise<string | undefined> {
  const check = await checkSyntax(rel, after, context.repoDir)
  if (check.problems.length === 0) return undefined
  if (before !== undefined) {
    const previous = await checkSyntax(rel, before, context.repoDir)
    if (previous.problems.length > 0 && check.problems.length <= previous.problems.length) return undefined
  }
  return `The result would not parse as ${check.language}, so nothing was written:\n${describeSyntaxProblems(rel, check)}`
}

export const editFileTool: AgentTool = {
  definition: {
    name: 'edit_file',
    description:
      'Change an existing file with search/replace edits. Each "search" must be copied exactly from the file (enough lines to match one place); it is replaced by "replace". All edits of a call apply together or not at all.',
    parameters: {
      type: 'object',
      properties: {
        path: { type: 'string' },
        edits: {
          type: 'array',
          items: {
            type: 'object',
            properties: { search: { type: 'string' }, replace: { type: 'string' } },
            required: ['search', 'replace']
          }
        }
      },
      required: ['path', 'edits']
    }
  },
  async run(args, context) {
    const path = str(args, 'path', 'file')
    if (!path) return fail('edit_file needs a "path".')
    let resolved
    try {
      resolved = context.policy.resolveForWrite(path)
    } catch (error) {
      if (error instanceof PathPolicyError) {
        context.audit.record({ type: 'agent.refused', tool: 'edit_file', path, reason: error.message })
        context.audit.record({ type: 'agent.edit', path, applied: false, ok: false, reason: error.message })
      }
      throw error
    }
    const edits = editsFrom(args)
    if (!edits) return fail('edit_file needs "edits": a list of {"search", "replace"} objects.')
    if (!context.workspace.exists(resolved.relative)) {
      return fail(`File "${resolved.relative}" does not exist; use create_file for a new file.`)
    }
    const before = context.workspace.read(resolved.relative)
    const result = applyEdits(before, edits, resolved.relative)
    if (!result.ok) {
      context.audit.record({
        type: 'agent.edit',
        path: resolved.relative,
        applied: false,
        ok: false,
        reason: result.failure.reason,
        edit: result.index + 1
      })
      const which = edits.length > 1 ? `Edit ${result.index + 1} of ${edits.length}: ` : ''
      return fail(`${which}${result.failure.message}`)
    }
    const syntax = await syntaxRefusal(resolved.relative, before, result.content, context)
    if (syntax) {
      context.audit.record({
        type: 'agent.edit',
        path: resolved.relative,
        applied: false,
        ok: false,
        reason: 'syntax'
      })
      return fail(syntax)
    }
    if (context.policy.isTest(resolved.relative)) {
      const weakening = testWeakening(
        resolved.relative,
        context.workspace.original(resolved.relative) ?? before,
        result.content
      )
      if (weakening) {
        context.audit.record({
          type: 'agent.refused',
          tool: 'edit_file',
          path: resolved.relative,
          reason: weakening
        })
        return fail(weakening)
      }
    }
    context.workspace.write(resolved.relative, result.content)
    const regions = result.applied.map(
      a =>
        `lines ${a.startLine}-${a.endLine} (${a.strategy}${a.cleanups.length ? `, cleaned: ${a.cleanups.join(', ')}` : ''})`
    )
    context.audit.record({
      type: 'agent.edit',
      path: resolved.relative,
      applied: true,
      ok: true,
      edits: result.applied.map(a => ({
        strategy: a.strategy,
        cleanups: a.cleanups,
        startLine: a.startLine,
        endLine: a.endLine
      }))
    })
    return { ok: true, content: `Edited ${resolved.relative}: ${regions.join('; ')}.` }
  }
}

export const createFileTool: AgentTool = {
  definition: {
    name: 'create_file',
    description: 'Create a new file (an existing file cannot be overwritten; use edit_file).',
    parameters: {
      type: 'object',
      properties: { path: { type: 'string' }, content: { type: 'string' } },
      required: ['path', 'content']
    }
  },
  async run(args, context) {
    const path = str(args, 'path', 'file')
    const raw = str(args, 'content', 'text')
    if (!path || raw === undefined) return fail('create_file needs "path" and "content".')
    let resolved
    try {
      resolved = context.policy.resolveForWrite(path)
    } catch (error) {
      if (error instanceof PathPolicyError) {
        context.audit.record({ type: 'agent.refused', tool: 'create_file', path, reason: error.message })
      }
      throw error
    }
    if (context.workspace.exists(resolved.relative)) {
      return fail(`"${resolved.relative}" already exists; use edit_file to change it.`)
    }
    const content = /\.(md|mdx|markdown)$/i.test(resolved.relative) ? raw : stripFences(raw)
    const body = content.endsWith('\n') || content === '' ? content : content + '\n'
    const syntax = await syntaxRefusal(resolved.relative, undefined, body, context)
    if (syntax) return fail(syntax)
    context.workspace.write(resolved.relative, body)
    context.audit.record({
      type: 'agent.create',
      path: resolved.relative,
      lines: body.split('\n').length - 1
    })
    return { ok: true, content: `Created ${resolved.relative} (${body.split('\n').length - 1} lines).` }
  }
}

export const finishTool: AgentTool = {
  definition: {
    name: 'finish',
    description:
      'Stop when the work is done (or cannot be done): explain what you changed and the root cause in plain words.',
    parameters: {
      type: 'object',
      properties: {
        explanation: { type: 'string', description: 'What you changed and why, or why it cannot be fixed.' },
        root_cause: { type: 'string', description: 'The root cause in one or two plain sentences.' }
      },
      required: ['explanation', 'root_cause']
    }
  },
  async run(args) {
    const explanation = str(args, 'explanation', 'summary') ?? ''
    const rootCause = str(args, 'root_cause', 'rootCause', 'cause') ?? ''
    return { ok: true, content: 'Finished.', finish: { explanation, rootCause } }
  }
}

/** Reading tools only: what a diagnosis needs. */
export const READ_TOOLS: readonly AgentTool[] = [listFilesTool, readFileTool, searchTool, showChangeTool]

/** The full allowlist: read, run tests, edit, create, finish. */
export const ALL_TOOLS: readonly AgentTool[] = [
  ...READ_TOOLS,
  runTestsTool,
  editFileTool,
  createFileTool,
  finishTool
]
