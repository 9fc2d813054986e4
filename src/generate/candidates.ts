/** Candidates from the model's reply, and the file each one goes to. */
import type { ChatToolCall, ToolDefinition } from '../llm/types.js'
import { generatedTestPath } from './frameworks.js'
import type { Candidate, GenFramework } from './types.js'

export const WRITE_TEST_TOOL: ToolDefinition = {
  name: 'write_test_file',
  description:
    'Propose one new test file. Call once per candidate test file. The file must be new: existing test files are never changed.',
  parameters: {
    type: 'object',
    properties: {
      path: {
        type: 'string',
        description:
          'Repository-relative path of the NEW test file (optional; the conventional name is used when omitted).'
      },
      content: { type: 'string', description: 'The complete content of the test file.' }
    },
    required: ['content'],
    additionalProperties: false
  }
}

export interface ProposedTest {
  path?: string
  content: string
}

const FENCE = /(^|\n)(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n\2(?=\n|$)/g
const PATH_HINT = /(?:file|path)\s*[:=]\s*`?([\w./-]+\.\w+)`?\s*$/i

/**
 * What the model proposed: `write_test_file` tool calls, or (for endpoints without tool calling)
 * fenced code blocks, each optionally preceded by a `path: …` line. Malformed arguments are skipped
 * and reported.
 */
export function parseProposals(
  content: string | null,
  toolCalls: readonly ChatToolCall[] = []
): { proposals: ProposedTest[]; problems: string[] } {
  const proposals: ProposedTest[] = []
  const problems: string[] = []
  for (const call of toolCalls) {
    if (call.name !== WRITE_TEST_TOOL.name) {
      problems.push(`unknown tool "${call.name.slice(0, 60)}" ignored`)
      continue
    }
    let args: unknown
    try {
      args = JSON.parse(call.arguments)
    } catch {
      problems.push('write_test_file arguments are not valid JSON')
      continue
    }
    const { path, content: body } = (args ?? {}) as { path?: unknown; content?: unknown }
    if (typeof body !== 'string' || body.trim() === '') {
      problems.push('write_test_file without content')
      continue
    }
    proposals.push({
      path: typeof path === 'string' && path.trim() ? path.trim() : undefined,
      content: body.replace(/\r\n/g, '\n')
    })
  }
  if (toolCalls.length === 0 && content) {
    for (const match of content.matchAll(FENCE)) {
      const before =
        content
          .slice(0, match.index + (match[1]?.length ?? 0))
          .trimEnd()
          .split('\n')
          .pop() ?? ''
      const hint = PATH_HINT.exec(before)
      const body = (match[3] ?? '').replace(/\r\n/g, '\n')
      if (body.trim()) proposals.push({ path: hint?.[1], content: body.endsWith('\n') ? body : `${body}\n` })
    }
  }
  return { proposals, problems }
}

/**
 * Turns proposals into candidates: a proposal keeps the path it asked for (the filters judge it: an
 * existing file is rejected), otherwise it gets the conventional new name, numbered when taken.
 */
export function toCandidates(
  proposals: readonly ProposedTest[],
  options: {
    framework: GenFramework
    target: string
    exampleTest?: string
    idPrefix: string
    taken: (path: string) => boolean
    repairOf?: string
  }
): Candidate[] {
  const used = new Set<string>()
  const taken = (path: string): boolean => used.has(path) || options.taken(path)
  return proposals.map((proposal, index) => {
    const requested = proposal.path?.replace(/\\/g, '/').replace(/^\.\//, '')
    const path =
      requested && !used.has(requested)
        ? requested
        : generatedTestPath(options.framework, options.target, options.exampleTest, taken)
    used.add(path)
    return {
      id: `${options.idPrefix}${index + 1}`,
      path,
      content: proposal.content.endsWith('\n') ? proposal.content : `${proposal.content}\n`,
      requestedPath: requested && requested !== path ? requested : undefined,
      repairOf: options.repairOf,
      target: options.target
    }
  })
}
