import { mkdirSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { COMMAND_HANDLERS } from './commands/index.js'
import type { CommandContext, CommandResult } from './commands/types.js'
import { configValue, loadConfigFile } from './config/file.js'
import { INPUT_SPECS, readInputs, type Inputs } from './config/schema.js'
import { ConfigurationError } from './errors.js'
import { readRunEvent } from './ports/event.js'
import type { GitHubClient } from './ports/github.js'
import type { Logger } from './ports/log.js'

export interface EngineOptions {
  /** Raw input values by public name ('' when unset). */
  getInput: (name: string) => string
  env: NodeJS.ProcessEnv
  log: Logger
  frontDoor: 'action' | 'cli'
}

/** Reads inputs and config, builds the context, runs the command. Throws ConfigurationError on bad input. */
export async function runEngine(options: EngineOptions): Promise<{ inputs: Inputs; result: CommandResult }> {
  const { context, inputs } = createContext(options)
  const handler = COMMAND_HANDLERS[inputs.command]
  const result = await handler(context)
  return { inputs, result }
}

export function createContext(options: EngineOptions): { context: CommandContext; inputs: Inputs } {
  const { getInput, env, log } = options
  // Secrets are masked before anything else can print them, each once.
  const masked = new Set<string>()
  const mask = (value: string | undefined): void => {
    if (!value || masked.has(value)) return
    masked.add(value)
    log.mask(value)
  }
  for (const spec of INPUT_SPECS) if (spec.secret) mask(getInput(spec.name).trim())

  const workingDirectory = getInput('working-directory').trim() || '.'
  const repoDir = resolve(workingDirectory)
  const config = loadConfigFile(repoDir, getInput('config-file').trim() || '.github/ci-medic.yml')
  const inputs = readInputs(getInput, name => configValue(config, name))
  for (const spec of INPUT_SPECS) {
    const value = inputs[spec.key]
    if (spec.secret && typeof value === 'string') mask(value)
  }

  const event = readRunEvent(env)
  const workDir = workDirFor(repoDir, env)
  let client: GitHubClient | undefined
  const context: CommandContext = {
    inputs,
    config,
    repoDir,
    event,
    env,
    log,
    frontDoor: options.frontDoor,
    get workDir() {
      mkdirSync(workDir, { recursive: true })
      return workDir
    },
    async github() {
      if (!inputs.githubToken) {
        throw new ConfigurationError(
          `Input "github-token" is required for command "${inputs.command}" to reach the GitHub API. ` +
            'Example: github-token: ${{ secrets.GITHUB_TOKEN }}',
          'github-token'
        )
      }
      // Loaded on first use: Octokit and its HTTP stack cost every command's start otherwise.
      const { createGitHubClient } = await import('./ports/github.js')
      client ??= createGitHubClient({ token: inputs.githubToken, baseUrl: event.apiUrl, log })
      return client
    }
  }
  return { context, inputs }
}

/**
 * Reports, caches and the audit log live outside the repository, so that the working tree stays
 * clean: `CI_MEDIC_HOME`, else the runner's temp folder, else a per-repository folder in the OS temp.
 */
export function workDirFor(repoDir: string, env: NodeJS.ProcessEnv): string {
  if (env.CI_MEDIC_HOME) return resolve(env.CI_MEDIC_HOME)
  if (env.RUNNER_TEMP) return join(env.RUNNER_TEMP, 'ci-medic')
  const id = createHash('sha256').update(repoDir).digest('hex').slice(0, 12)
  return join(tmpdir(), `ci-medic-${id}`)
}
