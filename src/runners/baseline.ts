import { existsSync, lstatSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { Git } from '../ports/git.js'
import type { Logger } from '../ports/log.js'
import { isFailing, isFailingCase, totalsOf } from './totals.js'
import type { TestFileResult, TestRunReport } from './types.js'

/** Installed dependency folders that a fresh worktree lacks and may borrow from the checkout. */
const SHARED_INSTALLS = ['node_modules', '.venv', 'venv']

export interface CompareOptions {
  repoDir: string
  /** The base revision (SHA or ref) to run the failing tests on. */
  base: string
  report: TestRunReport
  log: Logger
  /** Runs files in a folder and returns the report (runTests with the caller's settings). */
  run: (repoDir: string, files: string[]) => Promise<TestRunReport>
}

/** The failures of a report that still count (not flaky). */
export function failingFiles(report: TestRunReport): TestFileResult[] {
  return report.files.filter(file => isFailing(file) && !file.flaky)
}

function linkInstalls(repoDir: string, worktree: string, files: readonly string[]): void {
  const dirs = new Set<string>([repoDir])
  for (const file of files) {
    for (
      let dir = dirname(resolve(repoDir, file));
      dir.startsWith(repoDir) && dir !== repoDir;
      dir = dirname(dir)
    )
      dirs.add(dir)
  }
  for (const dir of dirs) {
    for (const name of SHARED_INSTALLS) {
      const source = join(dir, name)
      const target = join(worktree, relative(repoDir, dir), name)
      if (existsSync(source) && !existsSync(target) && existsSync(dirname(target))) {
        try {
          symlinkSync(
            lstatSync(source).isSymbolicLink() ? resolve(dirname(source), source) : source,
            target,
            'dir'
          )
        } catch {
          // the base commit runs without it and reports what happens
        }
      }
    }
  }
}

/**
 * Runs the failing tests on the base commit in a temporary git worktree and marks each failure
 * `new` or `already-failing`. The worktree is removed whatever happens.
 */
export async function compareToBase(options: CompareOptions): Promise<TestRunReport> {
  const { report, log } = options
  const failing = failingFiles(report)
  if (failing.length === 0)
    return { ...report, baseline: { base: options.base, newFailures: 0, alreadyFailing: 0 } }
  const git = new Git(options.repoDir)
  const root = mkdtempSync(join(tmpdir(), 'ci-medic-base-'))
  const worktree = join(root, 'tree')
  let baseReport: TestRunReport | undefined
  try {
    await git.run(['worktree', 'add', '--detach', '--force', worktree, options.base])
    const files = failing.map(file => file.file).filter(file => existsSync(join(worktree, file)))
    linkInstalls(options.repoDir, worktree, files)
    log.info(`Running ${files.length} failing test file(s) on the base commit ${options.base}.`)
    baseReport = files.length > 0 ? await options.run(worktree, files) : undefined
  } finally {
    await git.tryRun(['worktree', 'remove', '--force', worktree])
    rmSync(root, { recursive: true, force: true })
    await git.tryRun(['worktree', 'prune'])
  }
  const baseFiles = new Map((baseReport?.files ?? []).map(file => [file.file, file]))
  let newFailures = 0
  let alreadyFailing = 0
  const files = report.files.map(file => {
    if (!isFailing(file) || file.flaky) return file
    const onBase = baseFiles.get(file.file)
    const tests = file.tests.map(test => {
      if (!isFailingCase(test) || test.failureKind === 'flaky') return test
      const baseCase = onBase?.tests.find(candidate => candidate.name === test.name)
      const already = baseCase ? isFailingCase(baseCase) : onBase?.status === 'errored'
      if (already) alreadyFailing++
      else newFailures++
      return { ...test, failureKind: already ? ('already-failing' as const) : ('new' as const) }
    })
    const result: TestFileResult = { ...file, tests }
    if (!tests.some(isFailingCase)) {
      const already = onBase !== undefined && isFailing(onBase)
      if (already) alreadyFailing++
      else newFailures++
      result.failureKind = already ? 'already-failing' : 'new'
    }
    return result
  })
  return {
    ...report,
    files,
    totals: totalsOf(files),
    baseline: { base: options.base, newFailures, alreadyFailing }
  }
}
