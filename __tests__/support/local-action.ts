/**
 * Runs the action under GitHub's own local runner for actions, `@github/local-action`
 * (`local-action run <action dir> <entry point> <dotenv file>`), as a child process.
 *
 * local-action imports the entry point and calls its exported `run()`, with its own stubs in place
 * of @actions/core and @actions/github (replaced at their node_modules paths). Two entry points:
 * - `src/main.ts`: the logic entry point its README asks for; outputs go to its stubbed core and
 *   appear in its "Action Outputs" table.
 * - `scripts/local-action-dist.mjs`: imports the bundle dist/index.js; the bundle has its own
 *   copy of @actions/core, so it writes outputs to GITHUB_OUTPUT like on a real runner.
 */
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from './git-repo.js'
import { inputVariableName, PROJECT_ROOT } from './harness.js'

export const LOCAL_ACTION_BIN = join(
  PROJECT_ROOT,
  'node_modules',
  '@github',
  'local-action',
  'bin',
  'local-action.js'
)
export const LOCAL_ACTION_DIST_ENTRY = 'scripts/local-action-dist.mjs'

export interface LocalActionOptions {
  /** Entry point relative to the project root (default src/main.ts). */
  entry?: string
  inputs?: Record<string, string>
  /** More variables for the dotenv file (GITHUB_OUTPUT, GITHUB_EVENT_NAME, …). */
  env?: Record<string, string>
  timeoutMs?: number
}

export interface LocalActionResult {
  exitCode: number | null
  stdout: string
  stderr: string
  /** The rows of local-action's "Action Outputs" table (filled by its stubbed core). */
  tableOutputs: Record<string, string>
  envFile: string
}

/** Parses the `│ 0 │ 'name' │ 'value' │` rows console.table printed under "Action Outputs". */
export function parseOutputsTable(stdout: string): Record<string, string> {
  // eslint-disable-next-line no-control-regex
  const plain = stdout.replace(/\x1b\[[0-9;]*m/g, '')
  const start = plain.lastIndexOf('Action Outputs')
  if (start < 0) return {}
  const outputs: Record<string, string> = {}
  for (const line of plain.slice(start).split('\n')) {
    const match = /^│\s*\d+\s*│\s*'((?:[^'\\]|\\.)*)'\s*│\s*'((?:[^'\\]|\\.)*)'\s*│$/.exec(line.trim())
    if (match) outputs[match[1]!] = match[2]!.replace(/\\(.)/g, '$1')
  }
  return outputs
}

function dotenvLine(name: string, value: string): string {
  if (/[\n\r]/.test(value)) throw new Error(`${name}: multi-line values do not fit a dotenv file`)
  return `${name}=${JSON.stringify(value)}`
}

export async function runLocalAction(options: LocalActionOptions = {}): Promise<LocalActionResult> {
  const dir = makeTempDir('ci-medic-local-action-')
  const envFile = join(dir, '.env')
  const lines = [
    ...Object.entries(options.inputs ?? {}).map(([name, value]) =>
      dotenvLine(inputVariableName(name), value)
    ),
    ...Object.entries(options.env ?? {}).map(([name, value]) => dotenvLine(name, value))
  ]
  writeFileSync(envFile, lines.join('\n') + '\n')

  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(key)) continue
    if (key === 'NODE_OPTIONS' || key === 'JEST_WORKER_ID') continue
    env[key] = value
  }
  // Offline and quiet: local-action shells out to `npm exec tsx` and `npm ls`.
  Object.assign(env, {
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_loglevel: 'error',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null'
  })

  const args = [LOCAL_ACTION_BIN, 'run', PROJECT_ROOT, options.entry ?? 'src/main.ts', envFile]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', error => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', exitCode => {
      clearTimeout(timer)
      const out = Buffer.concat(stdout).toString('utf8')
      resolve({
        exitCode,
        stdout: out,
        stderr: Buffer.concat(stderr).toString('utf8'),
        tableOutputs: parseOutputsTable(out),
        envFile
      })
    })
  })
}
