/**
 * The generation prompt: the code under test, the signatures it depends on and the nearest existing
 * test (the example to imitate), fitted into the context budget. Everything from the repository is
 * quoted as untrusted data.
 */
import { posix } from 'node:path'
import { fitSections, TokenCounter, type ContextSection } from '../llm/index.js'
import type { ChatMessage } from '../llm/types.js'
import { quoteUntrusted, UNTRUSTED_DATA_RULES } from '../security/untrusted.js'
import type { ModuleOutline } from './js-ast.js'
import type { CandidateOutcome, GenFramework, Gap } from './types.js'

/** Most candidates asked for in one request. */
export const CANDIDATES_PER_REQUEST = 3
/** Room left for the reply inside the context budget. */
const REPLY_RESERVE = 1200

export interface PromptInput {
  framework: GenFramework
  gap: Gap
  /** Content of the source file at head. */
  source: string
  outline: ModuleOutline
  /** Signatures of what the changed code imports from other repository modules. */
  dependencySignatures: Array<{ file: string; signatures: string[] }>
  example?: { path: string; content: string }
  /** Where the candidate goes by convention. */
  suggestedPath: string
  /** How the test imports the code under test. */
  importHint: string
  contextBudget: number
  model: string
}

export interface BuiltPrompt {
  messages: ChatMessage[]
  tokens: number
  fits: boolean
  sections: Array<{ id: string; tokens: number; state: string }>
}

const FRAMEWORK_NOTES: Record<GenFramework, string> = {
  jest: 'jest (describe/it/test with expect matchers; globals are available without import)',
  vitest: "vitest (import { describe, it, expect } from 'vitest')",
  pytest: 'pytest (plain test_* functions with assert statements; pytest.raises for exceptions)'
}

export function systemPrompt(framework: GenFramework): string {
  return [
    'You write unit tests for code that changed in a pull request and that no existing test exercises.',
    `The repository tests with ${FRAMEWORK_NOTES[framework]}. Write tests in the same framework and style as the example test.`,
    `Propose up to ${CANDIDATES_PER_REQUEST} candidate test files by calling write_test_file once per file, each checking different behaviour.`,
    'Every test must:',
    '- create a NEW file (never change an existing test file);',
    '- call the changed code and assert on its exact results (values, thrown errors), including boundary cases;',
    '- be deterministic: no clock, randomness, network, shared state between tests, or files outside a temporary folder;',
    '- not only check that something is defined or does not throw.',
    'Tests that fail, are flaky, assert nothing or that do not execute the changed lines are discarded.',
    '',
    UNTRUSTED_DATA_RULES
  ].join('\n')
}

function numbered(content: string, from: number, to: number, mark: ReadonlySet<number>): string {
  return content
    .split('\n')
    .slice(from - 1, to)
    .map((line, i) => `${mark.has(from + i) ? '+' : ' '}${String(from + i).padStart(4)} ${line}`)
    .join('\n')
}

export function buildPrompt(input: PromptInput): BuiltPrompt {
  const { gap } = input
  const counter = new TokenCounter(input.model)
  const uncovered = new Set(gap.uncoveredLines)
  const symbols = gap.symbols.length
    ? gap.symbols
    : [
        {
          name: '(changed lines)',
          startLine: Math.min(...gap.uncoveredLines),
          endLine: Math.max(...gap.uncoveredLines),
          reason: 'uncovered-lines' as const
        }
      ]
  const code = symbols
    .map(
      s =>
        `${s.name} (lines ${s.startLine}-${s.endLine}, ${s.reason === 'unreached' ? 'no test reaches it' : 'changed lines not executed by the existing tests'}):\n${numbered(input.source, s.startLine, s.endLine, uncovered)}`
    )
    .join('\n\n')
  const otherExports = input.outline.symbols
    .filter(s => s.exported && !symbols.some(g => g.name === s.name))
    .map(s => s.signature)
  const sections: ContextSection[] = [
    {
      id: 'task',
      required: true,
      priority: 100,
      text: [
        `Source file: ${gap.file}`,
        `Write the new test file at: ${input.suggestedPath} (a different new path is fine if it follows the same convention).`,
        `Import the code under test with: ${input.importHint}`,
        `Lines marked + are changed and not executed by any existing test: ${gap.uncoveredLines.join(', ') || '(none; the changed symbols are not reached by any test)'}.`
      ].join('\n')
    },
    { id: 'code', required: true, priority: 90, text: quoteUntrusted(`code under test ${gap.file}`, code) },
    {
      id: 'module',
      priority: 60,
      keep: 'head',
      text: otherExports.length ? quoteUntrusted(`other exports of ${gap.file}`, otherExports.join('\n')) : ''
    },
    {
      id: 'dependencies',
      priority: 50,
      keep: 'head',
      text: input.dependencySignatures.length
        ? input.dependencySignatures
            .map(d => quoteUntrusted(`signatures in ${d.file}`, d.signatures.join('\n')))
            .join('\n')
        : ''
    },
    {
      id: 'example',
      priority: 40,
      keep: 'head',
      minTokens: 120,
      text: input.example
        ? quoteUntrusted(`example test ${input.example.path} (imitate its style)`, input.example.content)
        : ''
    }
  ]
  const system = systemPrompt(input.framework)
  const budget = input.contextBudget - counter.count(system) - REPLY_RESERVE
  const fitted = fitSections(sections, Math.max(budget, 500), counter)
  const user = fitted.sections
    .filter(s => s.text)
    .map(s => s.text)
    .join('\n\n')
  return {
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: user }
    ],
    tokens: counter.count(system) + counter.count(user),
    fits: fitted.fits,
    sections: fitted.sections.map(s => ({ id: s.id, tokens: s.tokens, state: s.state }))
  }
}

/** The follow-up for a rejected candidate: its file, the verdict and the evidence, one more try. */
export function repairMessages(
  base: BuiltPrompt,
  outcome: CandidateOutcome,
  budget: number,
  model: string
): ChatMessage[] {
  const counter = new TokenCounter(model)
  const failed = outcome.verdicts.find(v => v.status === 'fail')
  const room = Math.max(600, budget - base.tokens - REPLY_RESERVE)
  const fitted = fitSections(
    [
      {
        id: 'verdict',
        required: true,
        priority: 100,
        text: `Your candidate ${outcome.candidate.path} was rejected by the "${failed?.filter ?? 'unknown'}" filter: ${failed?.detail ?? ''}\nWrite one corrected candidate with write_test_file (a new file; keep the same path unless the path was the problem).`
      },
      {
        id: 'candidate',
        priority: 60,
        keep: 'head',
        text: quoteUntrusted(`your candidate ${outcome.candidate.path}`, outcome.candidate.content)
      },
      {
        id: 'output',
        priority: 50,
        keep: 'tail',
        text: outcome.failureMessage ? quoteUntrusted('test output', outcome.failureMessage) : ''
      }
    ],
    room,
    counter
  )
  return [
    ...base.messages,
    {
      role: 'user',
      content: fitted.sections
        .filter(s => s.text)
        .map(s => s.text)
        .join('\n\n')
    }
  ]
}

/** How a test beside `testPath` imports `source`, in the example's style. */
export function importHint(
  framework: GenFramework,
  source: string,
  testPath: string,
  example?: string
): string {
  if (framework === 'pytest') {
    const module = source
      .replace(/\.py$/, '')
      .replace(/^src\//, '')
      .split('/')
      .join('.')
    const stem = module.split('.').pop() as string
    const fromExample = example
      ? new RegExp(`^\\s*from\\s+([\\w.]*\\b${stem})\\s+import`, 'm').exec(example)?.[1]
      : undefined
    return `from ${fromExample ?? module} import ...`
  }
  let relative = posix.relative(posix.dirname(testPath), source)
  if (!relative.startsWith('.')) relative = `./${relative}`
  const withExtension = example ? /from\s+['"]\.{1,2}\/[^'"]+\.[cm]?js['"]/.test(example) : false
  const specifier = withExtension
    ? relative.replace(/\.[cm]?tsx?$/, '.js')
    : relative.replace(/\.[cm]?[jt]sx?$/, '')
  return `import { ... } from '${specifier}'`
}
