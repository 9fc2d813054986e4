/**
 * Finding the gaps: changed symbols that no test reaches (from selection's dependency graph) and
 * changed lines that the tests which do reach them never execute (from the framework's coverage).
 */
import { escapeRegExp } from '../regexp.js'
import type { Analyzer } from './analysis.js'
import { changedLines, type GitRun } from './diff.js'
import { isSourceFile } from './frameworks.js'
import type { Gap, GapSymbol, LineMap, TestRunnerPort } from './types.js'

/** The parts of selection's result the generator reads (see src/select/index.ts `SelectResult`). */
export interface SelectionFacts {
  changed: Array<{ file: string; symbols: string[] }>
  /** For each selected test, the changed `file#symbol`s it reaches. */
  reach: Record<string, string[]>
  /** Changed symbols of source files no test reaches. */
  unreached: Array<{ file: string; symbol: string }>
  allTests: string[]
}

export interface GapPorts {
  git: GitRun
  runner: TestRunnerPort
  analyzer: Analyzer
  /** Content of a repository file at head (the working tree), undefined when missing. */
  read(path: string): string | undefined
  log?: (message: string) => void
}

export interface GapAnalysis {
  /** Changed source files the generator can write tests for, with their framework's tests. */
  sources: string[]
  /** Changed lines per source (all added or modified lines). */
  changed: LineMap
  /** Executable lines per source, as far as coverage has seen them. */
  executable: LineMap
  /** Changed lines the existing tests execute. */
  baseline: LineMap
  /** Existing tests that reach the changed sources and pass at head. */
  existingTests: string[]
  /** Existing tests reaching the sources that fail at head (left to the fixer; not used as a baseline). */
  failingTests: string[]
  reachedBy: Map<string, string[]>
  gaps: Gap[]
}

function testsReaching(source: string, selection: SelectionFacts, read: GapPorts['read']): string[] {
  const fromGraph = Object.entries(selection.reach)
    .filter(([, reached]) => reached.some(r => r === source || r.startsWith(`${source}#`)))
    .map(([test]) => test)
  if (fromGraph.length > 0) return fromGraph.sort()
  // Selection fell back to "all" (or did not record reach): tests that name the module.
  const stem = (source.split('/').pop() ?? source).replace(/\.[^.]+$/, '')
  const mention = new RegExp(`(['"/.]|\\b)${escapeRegExp(stem)}(['"]|\\.[cm]?[jt]sx?['"]|\\b)`)
  return selection.allTests.filter(test => mention.test(read(test) ?? '')).sort()
}

export async function findGaps(
  ports: GapPorts,
  input: { base: string; head: string; selection: SelectionFacts; framework: (source: string) => boolean }
): Promise<GapAnalysis> {
  const { selection } = input
  const sources = [...new Set(selection.changed.map(c => c.file))]
    .filter(file => isSourceFile(file) && input.framework(file) && ports.read(file) !== undefined)
    .sort()
  const changed = await changedLines(ports.git, input.base, input.head, sources)
  for (const source of sources) if (!changed.has(source)) changed.set(source, new Set())

  const reachedBy = new Map<string, string[]>()
  for (const source of sources) reachedBy.set(source, testsReaching(source, selection, ports.read))
  const candidatesForBaseline = [...new Set([...reachedBy.values()].flat())].sort()

  const baseline: LineMap = new Map()
  const executable: LineMap = new Map()
  const failingTests: string[] = []
  let existingTests = candidatesForBaseline
  if (candidatesForBaseline.length > 0 && sources.length > 0) {
    ports.log?.(`baseline: ${candidatesForBaseline.length} existing test file(s) with coverage`)
    const outcome = await ports.runner.run({ files: candidatesForBaseline, coverageOf: sources })
    existingTests = candidatesForBaseline.filter(test => outcome.files.get(test)?.status === 'passed')
    failingTests.push(...candidatesForBaseline.filter(test => !existingTests.includes(test)))
    for (const test of existingTests) {
      for (const [source, lines] of outcome.coverageByTest?.get(test) ?? []) {
        const changedHere = changed.get(source)
        if (!changedHere) continue
        const set = baseline.get(source) ?? new Set<number>()
        for (const line of lines) if (changedHere.has(line)) set.add(line)
        baseline.set(source, set)
      }
    }
    for (const [source, lines] of outcome.executable ?? []) executable.set(source, new Set(lines))
  }

  const gaps: Gap[] = []
  for (const source of sources) {
    const content = ports.read(source) ?? ''
    const outline = await ports.analyzer.outline(source, content)
    const changedHere = changed.get(source) ?? new Set<number>()
    const covered = baseline.get(source) ?? new Set<number>()
    const known = executable.get(source)
    const uncoveredLines = [...changedHere]
      .filter(line => !covered.has(line) && (!known || known.has(line)))
      .sort((a, b) => a - b)
    const unreached = new Set(selection.unreached.filter(u => u.file === source).map(u => u.symbol))
    const symbols: GapSymbol[] = []
    for (const symbol of outline.symbols) {
      if (symbol.kind === 'class' && outline.symbols.some(s => s.name.startsWith(`${symbol.name}.`))) continue
      const lines = [...changedHere].filter(l => l >= symbol.startLine && l <= symbol.endLine)
      if (lines.length === 0) continue
      const notReached =
        unreached.has(symbol.name) || unreached.has(symbol.name.split('.')[0] as string) || unreached.has('*')
      const hasUncovered = uncoveredLines.some(l => l >= symbol.startLine && l <= symbol.endLine)
      if (notReached || hasUncovered) {
        symbols.push({
          name: symbol.name,
          startLine: symbol.startLine,
          endLine: symbol.endLine,
          reason: notReached ? 'unreached' : 'uncovered-lines'
        })
      }
    }
    if (symbols.length > 0 || uncoveredLines.length > 0) {
      gaps.push({
        file: source,
        symbols,
        uncoveredLines,
        changedLines: [...changedHere].sort((a, b) => a - b),
        reachedBy: reachedBy.get(source) ?? []
      })
    }
  }
  return { sources, changed, executable, baseline, existingTests, failingTests, reachedBy, gaps }
}
