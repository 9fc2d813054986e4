/**
 * The generator end to end, over its ports: find the gaps, ask the model for candidates, filter
 * them (with one repair round for rejected ones), keep the valuable survivors. The working tree is
 * restored on every exit; kept tests are returned as contents for delivery.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { Workspace } from '../agent/workspace.js'
import { errorMessage } from '../errors.js'
import type { LlmGateway } from '../llm/types.js'
import type { Git } from '../ports/git.js'
import type { Logger } from '../ports/log.js'
import type { AuditLog } from '../report/audit.js'
import { createAnalyzer, type Analyzer } from './analysis.js'
import { parseProposals, toCandidates, WRITE_TEST_TOOL } from './candidates.js'
import { createFilterEnv } from './evaluate.js'
import { filterCandidates, newMutantLedger, selectValuable } from './filters.js'
import { createRunner, detectFramework, generatedTestPath, isTestFile } from './frameworks.js'
import { findGaps, type GapAnalysis, type SelectionFacts } from './gaps.js'
import type { ModuleOutline } from './js-ast.js'
import { buildPrompt, importHint, repairMessages, type BuiltPrompt } from './prompt.js'
import type { Exec } from './python.js'
import type { CandidateOutcome, Gap, GenFramework, LineMap, TestRunnerPort } from './types.js'

export interface GenerateSettings {
  isolationRuns: number
  /** Most model requests in the run (first requests and repairs). */
  maxIterations: number
  timeBudgetMs: number
  /** Most tokens (input + output) over the run. */
  tokenBudget: number
  runTimeoutMs: number
  configFile?: string
  deny?: readonly string[]
  /** Most source files to write tests for in one run. */
  maxGaps?: number
}

export interface GeneratePorts {
  repoDir: string
  git: Git
  exec: Exec
  gateway: LlmGateway
  log: Logger
  audit: AuditLog
  /** A private folder outside the repository. */
  scratchDir: string
  now?: () => number
  /** Builds the test runner for a framework (tests may wrap it); default: the built-in adapters. */
  runnerFor?: (framework: GenFramework) => TestRunnerPort
}

/** Most candidates taken from one reply (a runaway reply cannot make the filters run for hours). */
export const MAX_CANDIDATES_PER_REPLY = 10

export type StopReason = 'iterations' | 'time' | 'tokens' | 'llm-error'

export interface CoverageDelta {
  /** Changed executable lines of the sources with gaps. */
  changed: number
  coveredBefore: number
  /** Covered by the existing tests plus the kept candidates. */
  coveredAfter: number
  /** Newly covered changed lines, in percent of the changed executable lines. */
  deltaPercent: number
}

export interface GenerateReport {
  frameworks: GenFramework[]
  gaps: Gap[]
  outcomes: CandidateOutcome[]
  kept: CandidateOutcome[]
  requests: number
  inputTokens: number
  outputTokens: number
  firstRequestTokens: number
  model: string
  coverage: CoverageDelta
  stoppedBy?: StopReason
  notes: string[]
  /** Kept test files with their contents, for delivery. */
  files: Array<{ path: string; content: string }>
}

function nearestTest(
  source: string,
  gap: Gap,
  allTests: readonly string[],
  framework: GenFramework
): string | undefined {
  const sameKind = (t: string): boolean =>
    (framework === 'pytest' ? t.endsWith('.py') : !t.endsWith('.py')) && isTestFile(t)
  const reached = gap.reachedBy.filter(sameKind)
  if (reached.length) return reached[0]
  const parts = source.split('/')
  const score = (test: string): number => {
    const other = test.split('/')
    let common = 0
    while (common < parts.length - 1 && parts[common] === other[common]) common++
    return common * 10 - other.length
  }
  return allTests.filter(sameKind).sort((a, b) => score(b) - score(a) || a.localeCompare(b))[0]
}

async function dependencySignatures(
  analyzer: Analyzer,
  repoDir: string,
  source: string,
  outline: ModuleOutline
): Promise<Array<{ file: string; signatures: string[] }>> {
  const result: Array<{ file: string; signatures: string[] }> = []
  for (const entry of outline.imports.slice(0, 6)) {
    const file = resolveImport(repoDir, source, entry.specifier)
    if (!file) continue
    const content = readFileSync(join(repoDir, file), 'utf8')
    const imported = await analyzer.outline(file, content)
    const wanted = entry.names.includes('*') || entry.names.length === 0 ? undefined : new Set(entry.names)
    const signatures = imported.symbols
      .filter(
        s => s.exported && (!wanted || wanted.has(s.name) || wanted.has(s.name.split('.')[0] as string))
      )
      .map(s => s.signature)
      .slice(0, 12)
    if (signatures.length) result.push({ file, signatures })
  }
  return result
}

function resolveImport(repoDir: string, source: string, specifier: string): string | undefined {
  const dir = posix.dirname(source)
  if (source.endsWith('.py')) {
    const dots = /^\.*/.exec(specifier)?.[0].length ?? 0
    const rest = specifier.slice(dots).split('.').join('/')
    let base = dots ? dir : ''
    for (let i = 1; i < dots; i++) base = posix.dirname(base)
    const candidates = dots
      ? [posix.join(base, `${rest}.py`)]
      : [`${rest}.py`, `src/${rest}.py`, posix.join(dir, `${rest}.py`)]
    return candidates.find(c => c !== source && existsSync(join(repoDir, c)))
  }
  if (!specifier.startsWith('.')) return undefined
  const target = posix.normalize(posix.join(dir, specifier))
  const stem = target.replace(/\.[cm]?js$/, '')
  const candidates = [
    target,
    ...['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.jsx'].map(e => stem + e),
    `${stem}/index.ts`,
    `${stem}/index.js`
  ]
  return candidates.find(c => c !== source && existsSync(join(repoDir, c)) && /\.[cm]?[jt]sx?$/.test(c))
}

/**
 * Runs the generator. `selection` comes from `selectTests` for base..head. Never leaves files behind:
 * the working tree is restored before it returns or throws.
 */
export async function generateTests(
  ports: GeneratePorts,
  input: { base: string; head: string; selection: SelectionFacts },
  settings: GenerateSettings
): Promise<GenerateReport> {
  const now = ports.now ?? Date.now
  const started = now()
  const { repoDir, log, audit, gateway } = ports
  const analyzer = createAnalyzer({ exec: ports.exec, scratchDir: ports.scratchDir })
  const workspace = new Workspace(repoDir, ports.git)
  const read = (path: string): string | undefined => {
    const full = join(repoDir, path)
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined
  }
  const report: GenerateReport = {
    frameworks: [],
    gaps: [],
    outcomes: [],
    kept: [],
    requests: 0,
    inputTokens: 0,
    outputTokens: 0,
    firstRequestTokens: 0,
    model: gateway.model,
    coverage: { changed: 0, coveredBefore: 0, coveredAfter: 0, deltaPercent: 0 },
    notes: [],
    files: []
  }
  const budgetStop = (): StopReason | undefined => {
    if (now() - started > settings.timeBudgetMs) return 'time'
    if (report.inputTokens + report.outputTokens >= settings.tokenBudget) return 'tokens'
    return undefined
  }
  const stopMessage = (): string | undefined => {
    const reason = budgetStop()
    return reason === 'time'
      ? `time budget of ${Math.round(settings.timeBudgetMs / 1000)} s spent`
      : undefined
  }
  const ask = async (
    messages: BuiltPrompt['messages'],
    purpose: string
  ): Promise<ReturnType<typeof parseProposals> | undefined> => {
    const stop = report.requests >= settings.maxIterations ? 'iterations' : budgetStop()
    if (stop) {
      report.stoppedBy ??= stop
      return undefined
    }
    report.requests++
    try {
      const result = await gateway.complete({ purpose, messages, tools: [WRITE_TEST_TOOL] })
      report.inputTokens += result.usage.inputTokens
      report.outputTokens += result.usage.outputTokens
      const parsed = parseProposals(result.message.content, result.message.toolCalls)
      for (const problem of parsed.problems) report.notes.push(`model reply: ${problem}`)
      return parsed
    } catch (error) {
      report.stoppedBy = 'llm-error'
      report.notes.push(`the model could not be reached: ${errorMessage(error)}`)
      log.warning(`LLM request failed: ${errorMessage(error)}`)
      return undefined
    }
  }

  await workspace.begin()
  try {
    const byFramework = new Map<GenFramework, string[]>()
    for (const change of input.selection.changed) {
      const framework = detectFramework(repoDir, change.file)
      if (framework) byFramework.set(framework, [...(byFramework.get(framework) ?? []), change.file])
    }
    let serial = 0
    const coverageTotals = { changed: 0, before: 0, after: 0 }
    for (const [framework, files] of byFramework) {
      const runner =
        ports.runnerFor?.(framework) ??
        createRunner(framework, {
          repoDir,
          scratchDir: ports.scratchDir,
          exec: ports.exec,
          defaultTimeoutMs: settings.runTimeoutMs
        })
      const wanted = new Set(files)
      const analysis: GapAnalysis = await log.group(`Gaps (${framework})`, () =>
        findGaps(
          { git: args => ports.git.run(args), runner, analyzer, read, log: m => log.info(m) },
          {
            base: input.base,
            head: input.head,
            selection: input.selection,
            framework: file => wanted.has(file)
          }
        )
      )
      if (analysis.sources.length === 0) continue
      report.frameworks.push(framework)
      const gaps = analysis.gaps.slice(0, settings.maxGaps ?? 5)
      report.gaps.push(...gaps)
      if (analysis.failingTests.length) {
        report.notes.push(
          `existing tests failing at head, left out of the baseline: ${analysis.failingTests.join(', ')}`
        )
      }
      const executable: LineMap = new Map([...analysis.executable].map(([f, l]) => [f, new Set(l)]))
      const ledger = newMutantLedger()
      const env = createFilterEnv({
        repoDir,
        framework,
        runner,
        analyzer,
        workspace,
        analysis,
        isolationRuns: settings.isolationRuns,
        runTimeoutMs: settings.runTimeoutMs,
        configFile: settings.configFile,
        deny: settings.deny,
        existingFiles: path => input.selection.allTests.includes(path),
        ledger,
        onProgress: m => log.info(m),
        shouldStop: stopMessage
      })
      env.onExecutable = lines => {
        for (const [file, set] of lines) {
          const into = executable.get(file) ?? new Set<number>()
          for (const l of set) into.add(l)
          executable.set(file, into)
        }
      }
      const outcomes: CandidateOutcome[] = []
      for (const gap of gaps) {
        const source = read(gap.file) ?? ''
        const outline = await analyzer.outline(gap.file, source)
        const example = nearestTest(gap.file, gap, input.selection.allTests, framework)
        const exampleContent = example ? read(example) : undefined
        const suggestedPath = generatedTestPath(framework, gap.file, example, p =>
          existsSync(join(repoDir, p))
        )
        const prompt = buildPrompt({
          framework,
          gap,
          source,
          outline,
          dependencySignatures: await dependencySignatures(analyzer, repoDir, gap.file, outline),
          example:
            example && exampleContent !== undefined ? { path: example, content: exampleContent } : undefined,
          suggestedPath,
          importHint: importHint(framework, gap.file, suggestedPath, exampleContent),
          contextBudget: gateway.contextBudget,
          model: gateway.model
        })
        if (report.firstRequestTokens === 0) report.firstRequestTokens = prompt.tokens
        audit.record({
          type: 'generate.prompt',
          file: gap.file,
          tokens: prompt.tokens,
          sections: prompt.sections
        })
        const reply = await log.group(`Generate tests for ${gap.file}`, () =>
          ask(prompt.messages, 'generate')
        )
        if (!reply) break
        const taken = (path: string): boolean => existsSync(join(repoDir, path))
        if (reply.proposals.length > MAX_CANDIDATES_PER_REPLY) {
          report.notes.push(
            `the model proposed ${reply.proposals.length} files for ${gap.file}; the first ${MAX_CANDIDATES_PER_REPLY} were filtered`
          )
        }
        const candidates = toCandidates(reply.proposals.slice(0, MAX_CANDIDATES_PER_REPLY), {
          framework,
          target: gap.file,
          exampleTest: example,
          idPrefix: `c${serial + 1}-`,
          taken
        }).map(c => ({ ...c, id: `c${++serial}` }))
        if (candidates.length === 0) {
          report.notes.push(`the model proposed no test for ${gap.file}`)
          continue
        }
        const first = await log.group(`Filter ${candidates.length} candidate(s)`, () =>
          filterCandidates(env, candidates)
        )
        outcomes.push(...first)
        // Rejected candidates go back to the model once, with the verdict and the evidence.
        for (const rejected of first.filter(o => o.verdicts.some(v => v.status === 'fail'))) {
          const repliedTo = await ask(
            repairMessages(prompt, rejected, gateway.contextBudget, gateway.model),
            'generate.repair'
          )
          if (!repliedTo) break
          const [proposal] = repliedTo.proposals
          if (!proposal) continue
          const [repaired] = toCandidates(
            [{ path: proposal.path ?? rejected.candidate.path, content: proposal.content }],
            {
              framework,
              target: gap.file,
              exampleTest: example,
              idPrefix: `${rejected.candidate.id}r`,
              taken,
              repairOf: rejected.candidate.id
            }
          ).map(c => ({ ...c, id: `${rejected.candidate.id}r` }))
          if (!repaired) continue
          outcomes.push(
            ...(await log.group(`Filter repaired ${repaired.id}`, () => filterCandidates(env, [repaired])))
          )
        }
        if (report.stoppedBy) break
      }
      const judged = selectValuable(outcomes)
      report.outcomes.push(...judged)
      for (const outcome of judged) {
        audit.record({
          type: 'generate.candidate',
          id: outcome.candidate.id,
          path: outcome.candidate.path,
          kept: outcome.kept,
          verdicts: outcome.verdicts,
          newLines: outcome.newLines,
          killedMutants: outcome.killedMutants,
          runs: `${outcome.runsPassed}/${outcome.runsTotal}`,
          filterMs: outcome.filterMs
        })
      }
      const kept = judged.filter(o => o.kept)
      report.kept.push(...kept)
      for (const k of kept) report.files.push({ path: k.candidate.path, content: k.candidate.content })
      for (const gap of gaps) {
        const exec = executable.get(gap.file)
        const changedExec = gap.changedLines.filter(l => !exec || exec.has(l))
        const before = analysis.baseline.get(gap.file) ?? new Set<number>()
        const after = new Set([
          ...before,
          ...kept.filter(k => k.candidate.target === gap.file).flatMap(k => k.newLines)
        ])
        coverageTotals.changed += changedExec.length
        coverageTotals.before += changedExec.filter(l => before.has(l)).length
        coverageTotals.after += changedExec.filter(l => after.has(l)).length
      }
    }
    report.coverage = {
      changed: coverageTotals.changed,
      coveredBefore: coverageTotals.before,
      coveredAfter: coverageTotals.after,
      deltaPercent: coverageTotals.changed
        ? Math.round(((coverageTotals.after - coverageTotals.before) / coverageTotals.changed) * 1000) / 10
        : 0
    }
    audit.record({
      type: 'generate.decision',
      generated: report.outcomes.length,
      kept: report.kept.length,
      coverage: report.coverage,
      stoppedBy: report.stoppedBy ?? null
    })
    return report
  } finally {
    await workspace.restore()
  }
}
