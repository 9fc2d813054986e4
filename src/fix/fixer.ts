import { ALL_TOOLS, type AgentTool } from '../agent/tools.js'
import { runAgent, type AgentModel, type AgentOutcome } from '../agent/loop.js'
import { PathPolicy } from '../agent/paths.js'
import { patchSize, type FileChange } from '../agent/diff.js'
import { Workspace } from '../agent/workspace.js'
import type { Git } from '../ports/git.js'
import type { Logger } from '../ports/log.js'
import type { AuditLog } from '../report/audit.js'
import { quoteUntrusted } from '../security/untrusted.js'
import type { TestReport } from '../runners/types.js'
import type { Selection } from '../select/types.js'
import { failingTests, suspects, type FailingTest } from './localize.js'
import { buildFixPrompt } from './prompt.js'
import { summarizeReport, validateFix, type RunTestFiles, type ValidationResult } from './validate.js'

export interface FixSettings {
  maxIterations: number
  timeBudgetMs: number
  tokenBudget: number
  attempts: number
  allowTestEdits: boolean
  validateCommand?: string
  /** CI Medic's config file, repository-relative; never editable. */
  configFile?: string
  /** More globs the fixer may never write (config file `paths.deny`). */
  deny?: string[]
}

export interface FixOptions {
  repoDir: string
  git: Git
  model: AgentModel
  audit: AuditLog
  log: Logger
  /** The test run with the failures to fix. */
  report: TestReport
  /** Every selected test file (all must still pass after the fix). */
  selectedFiles: string[]
  runTests: RunTestFiles
  changeDiff: string
  changedFiles?: string[]
  selection?: Selection & { reach?: Record<string, string[]> }
  pullRequest?: { title: string; body: string }
  settings: FixSettings
  signal?: AbortSignal
  now?: () => number
}

export interface FixCandidate {
  attempt: number
  patch: string
  files: FileChange[]
  explanation: string
  rootCause: string
  validation: ValidationResult
}

export interface AttemptReport {
  attempt: number
  outcome: AgentOutcome
  valid: boolean
  iterations: number
  inputTokens: number
  outputTokens: number
  error?: string
  explanation?: string
  rootCause?: string
  /** The last validation's problems, when the candidate was not valid. */
  problems?: string[]
}

export interface FixOutcome {
  status: 'fixed' | 'not-fixed' | 'not-needed'
  best?: FixCandidate
  attempts: AttemptReport[]
  failures: FailingTest[]
  model: string
  iterations: number
  inputTokens: number
  outputTokens: number
  firstRequestTokens: number
  /** Why there is no fix, in plain words. */
  reason?: string
}

/**
 * Fixes failing tests: localizes them, runs the agent for up to `attempts` independent candidates
 * (each from the clean tree), validates each candidate, and keeps the valid one with the smallest
 * diff. The working tree is restored after every attempt, whatever happens; the chosen patch is
 * returned for delivery.
 */
export async function fixFailingTests(options: FixOptions): Promise<FixOutcome> {
  const { repoDir, settings, audit, log } = options
  const now = options.now ?? Date.now
  const deadline = now() + settings.timeBudgetMs
  const failures = failingTests(options.report, repoDir)
  const outcome: FixOutcome = {
    status: 'not-fixed',
    attempts: [],
    failures,
    model: options.model.model,
    iterations: 0,
    inputTokens: 0,
    outputTokens: 0,
    firstRequestTokens: 0
  }
  if (failures.length === 0) {
    outcome.status = 'not-needed'
    outcome.reason = 'No test fails, so there is nothing to fix.'
    return outcome
  }

  const policy = new PathPolicy({
    repoDir,
    allowTestEdits: settings.allowTestEdits,
    configFile: settings.configFile,
    deny: settings.deny,
    knownTests: [...options.report.files.map(f => f.file), ...options.selectedFiles]
  })
  const changed = new Set(options.changedFiles ?? [])
  const ranked = suspects(failures, file => policy.isTest(file), changed)
  audit.record({
    type: 'fix.localize',
    failures: failures.map(f => `${f.file} › ${f.name}`),
    suspects: ranked.slice(0, 10).map(s => `${s.file}:${s.line}`)
  })
  const tools: readonly AgentTool[] = ALL_TOOLS
  const prompt = buildFixPrompt(
    {
      repoDir,
      failures,
      suspects: ranked,
      changeDiff: options.changeDiff,
      selection: options.selection,
      pullRequest: options.pullRequest,
      allowTestEdits: settings.allowTestEdits,
      validateCommand: settings.validateCommand
    },
    options.model.model,
    options.model.contextBudget,
    tools.map(t => t.definition)
  )
  audit.record({ type: 'fix.context', sections: prompt.sections })

  const candidates: FixCandidate[] = []
  for (let attempt = 1; attempt <= settings.attempts; attempt++) {
    const remaining = deadline - now()
    if (remaining <= 0) {
      outcome.reason ??= 'The time budget ran out before another attempt could start.'
      break
    }
    if (options.signal?.aborted) break
    log.info(`Fix attempt ${attempt}/${settings.attempts}`)
    const report = await runAttempt(options, attempt, policy, tools, prompt, remaining, failures)
    outcome.attempts.push(report.summary)
    outcome.iterations += report.summary.iterations
    outcome.inputTokens += report.summary.inputTokens
    outcome.outputTokens += report.summary.outputTokens
    if (attempt === 1) outcome.firstRequestTokens = report.firstRequestTokens
    if (report.candidate) candidates.push(report.candidate)
    if (report.summary.outcome === 'llm-error') break
  }

  const best = candidates.sort((a, b) => size(a) - size(b) || a.attempt - b.attempt)[0]
  if (best) {
    outcome.status = 'fixed'
    outcome.best = best
    audit.record({
      type: 'fix.decision',
      status: 'fixed',
      attempt: best.attempt,
      candidates: candidates.length,
      lines: size(best),
      files: best.files.map(f => f.path)
    })
  } else {
    const last = outcome.attempts[outcome.attempts.length - 1]
    outcome.reason ??= last ? describeFailure(last) : 'No attempt could run.'
    audit.record({ type: 'fix.decision', status: 'not-fixed', reason: outcome.reason })
  }
  return outcome
}

function size(candidate: FixCandidate): number {
  const { added, removed } = patchSize(candidate.patch)
  return added + removed
}

function describeFailure(attempt: AttemptReport): string {
  switch (attempt.outcome) {
    case 'finished':
      return attempt.valid
        ? 'The fix was valid.'
        : `The model gave up without a valid change: ${attempt.explanation || 'no explanation given'}`
    case 'iterations':
      return `No valid fix within ${attempt.iterations} iterations (max-iterations).${attempt.problems?.length ? ` Last check: ${attempt.problems[0]}` : ''}`
    case 'tokens':
      return 'No valid fix within the token budget.'
    case 'time':
      return 'No valid fix within the time budget (time-budget).'
    case 'llm-error':
      return `The model could not be reached: ${attempt.error}`
    case 'aborted':
      return 'The run was cancelled.'
  }
}

async function runAttempt(
  options: FixOptions,
  attempt: number,
  policy: PathPolicy,
  tools: readonly AgentTool[],
  prompt: { system: string; user: string },
  timeBudgetMs: number,
  failures: FailingTest[]
): Promise<{ summary: AttemptReport; candidate?: FixCandidate; firstRequestTokens: number }> {
  const { repoDir, git, audit, settings } = options
  const workspace = new Workspace(repoDir, git)
  await workspace.begin()
  let candidate: FixCandidate | undefined
  let lastProblems: string[] | undefined
  // Test runs (the model's and validation's) stop at the attempt's time budget too.
  const deadline = AbortSignal.timeout(timeBudgetMs)
  const attemptSignal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline
  const runTestsForModel = async (files: string[], signal?: AbortSignal): Promise<string> => {
    const report = await options.runTests(files, signal)
    audit.record({ type: 'agent.run_tests', files, totals: report.totals })
    return quoteUntrusted('test results', summarizeReport(report))
  }
  try {
    const result = await runAgent({
      model: options.model,
      purpose: 'fix',
      system: prompt.system,
      user:
        attempt === 1
          ? prompt.user
          : `${prompt.user}\n\n(Independent attempt ${attempt}: look for the simplest fix.)`,
      tools,
      context: {
        repoDir,
        git,
        policy,
        workspace,
        audit,
        signal: attemptSignal,
        showChange: async () => options.changeDiff,
        runTests: runTestsForModel
      },
      budgets: { maxIterations: settings.maxIterations, maxTokens: settings.tokenBudget, timeBudgetMs },
      audit,
      signal: options.signal,
      now: options.now,
      onFinish: async finish => {
        const changes = workspace.changes()
        if (changes.length === 0) return { accept: true }
        const outOfTime = (): { accept: false; feedback: string } => {
          audit.record({
            type: 'fix.validate',
            attempt,
            ok: false,
            problems: ['the time budget ran out during validation']
          })
          return { accept: false, feedback: 'The time budget ran out while the change was being validated.' }
        }
        let validation: ValidationResult
        try {
          validation = await validateFix({
            repoDir,
            runTests: options.runTests,
            failures,
            baseline: options.report,
            selectedFiles: options.selectedFiles,
            validateCommand: settings.validateCommand,
            signal: attemptSignal
          })
        } catch (error) {
          if (!deadline.aborted) throw error
          return outOfTime()
        }
        if (deadline.aborted) return outOfTime()
        audit.record({
          type: 'fix.validate',
          attempt,
          ok: validation.ok,
          problems: validation.problems.map(p => p.slice(0, 500)),
          runs: validation.runs
        })
        if (validation.ok) {
          candidate = {
            attempt,
            patch: workspace.patch(),
            files: changes,
            explanation: finish.explanation,
            rootCause: finish.rootCause,
            validation
          }
          return { accept: true }
        }
        lastProblems = validation.problems
        return {
          accept: false,
          feedback: `The change is not accepted yet:\n${quoteUntrusted('validation', validation.problems.join('\n'))}\nKeep working, then call finish again.`
        }
      }
    })
    return {
      firstRequestTokens: result.firstRequestTokens,
      candidate,
      summary: {
        attempt,
        outcome: result.outcome,
        valid: candidate !== undefined,
        iterations: result.iterations,
        inputTokens: result.inputTokens,
        outputTokens: result.outputTokens,
        error: result.error,
        explanation: result.finish?.explanation,
        rootCause: result.finish?.rootCause,
        problems: lastProblems
      }
    }
  } finally {
    await workspace.restore()
  }
}
