/** Wires the filters to a real repository: its files, its path policy, its parser and its test runner. */
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { PathPolicy } from '../agent/paths.js'
import { checkSyntax, describeSyntaxProblems } from '../agent/syntax.js'
import { Workspace } from '../agent/workspace.js'
import type { Analyzer } from './analysis.js'
import {
  filterCandidates,
  newMutantLedger,
  selectValuable,
  type FilterEnv,
  type MutantLedger
} from './filters.js'
import { isTestFile } from './frameworks.js'
import type { GapAnalysis } from './gaps.js'
import type { Candidate, CandidateOutcome, GenFramework, TestRunnerPort } from './types.js'

export interface EvaluationSetup {
  repoDir: string
  framework: GenFramework
  runner: TestRunnerPort
  analyzer: Analyzer
  workspace: Workspace
  analysis: Pick<GapAnalysis, 'changed' | 'baseline' | 'existingTests'>
  isolationRuns?: number
  runTimeoutMs?: number
  configFile?: string
  /** Globs the generator may never write (config `paths.deny`). */
  deny?: readonly string[]
  /** Files that existed when the run started: a candidate may never target one of them. */
  existingFiles: (path: string) => boolean
  ledger?: MutantLedger
  onProgress?: (message: string) => void
  shouldStop?: () => string | undefined
}

function testFileRule(framework: GenFramework, path: string): string | undefined {
  if (!isTestFile(path)) {
    return framework === 'pytest'
      ? `"${path}" is not a test file name pytest collects (test_*.py)`
      : `"${path}" is not a test file name ${framework} collects (*.test.* or *.spec.*)`
  }
  if (framework === 'pytest' ? !path.endsWith('.py') : !/\.[cm]?[jt]sx?$/.test(path)) {
    return `"${path}" is not a ${framework} test file`
  }
  return undefined
}

export function createFilterEnv(setup: EvaluationSetup): FilterEnv {
  const policy = new PathPolicy({
    repoDir: setup.repoDir,
    allowTestEdits: false,
    configFile: setup.configFile,
    deny: setup.deny
  })
  return {
    runner: setup.runner,
    analyzer: setup.analyzer,
    files: {
      read: path => setup.workspace.read(path),
      write: (path, content) => setup.workspace.write(path, content),
      remove: path => rmSync(join(setup.repoDir, path), { force: true })
    },
    existingTests: setup.analysis.existingTests,
    changed: setup.analysis.changed,
    baseline: setup.analysis.baseline,
    pathRefusal(path) {
      let relative: string
      try {
        relative = policy.resolve(path).relative
      } catch (error) {
        return (error as Error).message
      }
      if (setup.existingFiles(relative) || existsSync(join(setup.repoDir, relative))) {
        return `targets the existing file "${relative}"; generated tests go into new files and existing tests are never changed`
      }
      try {
        policy.resolveForWrite(relative)
      } catch (error) {
        return (error as Error).message
      }
      return testFileRule(setup.framework, relative)
    },
    async syntaxProblem(path, content) {
      const check = await checkSyntax(path, content, setup.repoDir)
      return check.problems.length ? describeSyntaxProblems(path, check) : undefined
    },
    isolationRuns: setup.isolationRuns ?? 5,
    runTimeoutMs: setup.runTimeoutMs ?? 120_000,
    mutants: setup.ledger ?? newMutantLedger(),
    onProgress: setup.onProgress,
    shouldStop: setup.shouldStop
  }
}

/** Filters one batch and picks the valuable survivors; for the bench and tests (no model). */
export async function evaluateCandidates(
  setup: EvaluationSetup,
  candidates: readonly Candidate[]
): Promise<CandidateOutcome[]> {
  const env = createFilterEnv(setup)
  return selectValuable(await filterCandidates(env, candidates))
}
