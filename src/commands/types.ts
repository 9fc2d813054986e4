import type { Inputs } from '../config/schema.js'
import type { ConfigFile } from '../config/file.js'
import type { RunEvent } from '../ports/event.js'
import type { GitHubClient } from '../ports/github.js'
import type { Logger } from '../ports/log.js'

/** Everything a command may use. Both front doors (action and CLI) build one and pass it in. */
export interface CommandContext {
  inputs: Inputs
  /** The parsed `.github/ci-medic.yml` (empty when there is none). */
  config: ConfigFile
  /** Absolute path of the repository (`working-directory`). */
  repoDir: string
  event: RunEvent
  env: NodeJS.ProcessEnv
  log: Logger
  /** The GitHub API client (loaded on first use); rejects with a ConfigurationError when no token was given. */
  github(): Promise<GitHubClient>
  /** `action` when run as a GitHub Action step, `cli` otherwise. */
  frontDoor: 'action' | 'cli'
  /** A folder for reports, caches and the audit log (created on demand). */
  workDir: string
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  title?: string
  file?: string
  startLine?: number
  endLine?: number
}

/** What a command hands back; the front door renders it (outputs + summary, or JSON / text). */
export interface CommandResult {
  /** Action outputs. Values must already be safe to interpolate (JSON or plain safe characters). */
  outputs: Record<string, string>
  /** Markdown for the job summary. */
  summary: string
  /** The CLI's `--json` output. */
  json: unknown
  /** The CLI's human-readable output. */
  text: string
  annotations?: Annotation[]
  /** When set, the step fails with this message (after outputs and summary are written). */
  failure?: string
}

export type Command = (context: CommandContext) => Promise<CommandResult>
