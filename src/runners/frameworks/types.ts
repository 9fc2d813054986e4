import type { RunnerEvent } from '../events.js'
import type { Framework } from '../types.js'

/** What a framework adapter is given to plan one run. */
export interface PlanContext {
  repoDir: string
  /** The workspace package (or Go module / Python project) the files belong to. */
  packageDir: string
  /** Absolute paths of the test files to run (all of them when `all` is true). */
  files: string[]
  /** Run every test of the package rather than the listed files. */
  all: boolean
  /** A private temp folder for drivers, reporters and reports. */
  tempDir: string
  timeoutMs: number
  /** Node flags the repository's own test script passes (e.g. --experimental-vm-modules). */
  nodeFlags: string[]
  env: NodeJS.ProcessEnv
  /** Report which functions each test file ran (coverage events), where the framework can. */
  recordCoverage?: boolean
}

/** One process to start and how to read what it leaves behind. */
export interface PlannedRun {
  framework: Framework
  command: string
  args: string[]
  env: NodeJS.ProcessEnv
  /** The line-protocol file the reporter writes (see events.ts). */
  eventsFile?: string
  /** True when the reporter marks file starts (unstarted files can then be run again). */
  reportsStarts: boolean
  /** For runners whose report is their stdout (go test -json): turns it into events. */
  parseStdout?: (stdout: string, stderr: string) => RunnerEvent[]
  /**
   * Coverage events read after the run (see v8-coverage.ts), given the test files the run's events
   * name (absolute paths); for runners whose reporter does not write them.
   */
  readCoverage?: (testFiles: ReadonlySet<string>) => RunnerEvent[]
  /** Turns a machine-readable stdout into text for humans (kept as evidence). */
  renderOutput?: (stdout: string) => string
  /** What a human would type, for logs. */
  display: string
}

export interface Adapter {
  framework: Framework
  plan(context: PlanContext): PlannedRun
}
