/**
 * Runs the built action (dist/index.js) the way the GitHub Actions runner does: a real `node`
 * child process with INPUT_* variables (action.yml defaults filled in), an event payload file,
 * and fresh GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV / GITHUB_PATH / GITHUB_STEP_SUMMARY files,
 * which are parsed back afterwards. Workflow commands on stdout (::error ...::) become annotations.
 *
 * Runs are asynchronous on purpose: the loopback fakes (fake GitHub, fake OpenAI) live in the
 * test's own process and must keep answering while the action runs.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { makeTempDir, removeDir, runGit } from './git-repo.js'

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const ACTION_ENTRY = join(PROJECT_ROOT, 'dist', 'index.js')
export const CLI_ENTRY = join(PROJECT_ROOT, 'dist', 'cli', 'index.js')

/** The token the runner would put in `github.token` when a test gives none. */
export const DEFAULT_TEST_TOKEN = 'ghs_cimedictesttoken000000000000000000'
export const DEFAULT_REPOSITORY = 'octo-org/ci-medic-fixture'

// ---------------------------------------------------------------------------------------------
// Workflow commands and file commands
// ---------------------------------------------------------------------------------------------

export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  message: string
}

export interface ParsedAnnotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  file?: string
  line?: number
  endLine?: number
  col?: number
  endColumn?: number
  title?: string
}

function unescapeData(value: string): string {
  return value.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
}

function unescapeProperty(value: string): string {
  return value
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%25/g, '%')
}

/** Parses the `::command key=value,...::message` lines of a step's output, as the runner does. */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  for (const rawLine of stdout.split('\n')) {
    const line = rawLine.replace(/\r$/, '').trimStart()
    const match = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!match) continue
    const properties: Record<string, string> = {}
    for (const pair of (match[2] ?? '').split(',')) {
      const eq = pair.indexOf('=')
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1))
    }
    commands.push({ command: match[1]!, properties, message: unescapeData(match[3] ?? '') })
  }
  return commands
}

export function toAnnotations(commands: readonly WorkflowCommand[]): ParsedAnnotation[] {
  const annotations: ParsedAnnotation[] = []
  for (const { command, properties, message } of commands) {
    if (command !== 'error' && command !== 'warning' && command !== 'notice') continue
    const annotation: ParsedAnnotation = { level: command, message }
    const number = (key: string): number | undefined =>
      properties[key] === undefined ? undefined : Number(properties[key])
    if (properties.file !== undefined) annotation.file = properties.file
    if (properties.title !== undefined) annotation.title = properties.title
    const line = number('line')
    const endLine = number('endLine')
    const col = number('col')
    const endColumn = number('endColumn')
    if (line !== undefined) annotation.line = line
    if (endLine !== undefined) annotation.endLine = endLine
    if (col !== undefined) annotation.col = col
    if (endColumn !== undefined) annotation.endColumn = endColumn
    annotations.push(annotation)
  }
  return annotations
}

/**
 * Parses a GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV file: `name=value` lines and
 * `name<<DELIMITER` ... `DELIMITER` blocks. Malformed content throws, as the runner fails the step.
 */
export function parseKeyValueFile(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line === '') continue
    const heredoc = line.indexOf('<<')
    const equals = line.indexOf('=')
    if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
      const name = line.slice(0, heredoc)
      const delimiter = line.slice(heredoc + 2)
      if (!delimiter) throw new Error(`Invalid file command: empty delimiter for "${name}"`)
      const value: string[] = []
      let closed = false
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          closed = true
          break
        }
        value.push(lines[i]!)
      }
      if (!closed)
        throw new Error(`Invalid file command: "${name}" is missing its closing delimiter "${delimiter}"`)
      result[name] = value.join('\n')
    } else if (equals > 0) {
      result[line.slice(0, equals)] = line.slice(equals + 1)
    } else {
      throw new Error(`Invalid file command line: ${JSON.stringify(line)}`)
    }
  }
  return result
}

/** The runner's mapping of an input name to its variable: spaces become `_`, hyphens stay. */
export function inputVariableName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

// ---------------------------------------------------------------------------------------------
// action.yml defaults
// ---------------------------------------------------------------------------------------------

interface ActionMetadata {
  inputs: Record<string, { default?: string }>
  runs: { using: string; main: string; post?: string; pre?: string }
}

let cachedMetadata: ActionMetadata | undefined

export function actionMetadata(): ActionMetadata {
  cachedMetadata ??= parseYaml(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as ActionMetadata
  return cachedMetadata
}

/** Evaluates the few `${{ }}` expressions action.yml defaults use; unknown ones become ''. */
function evaluateDefault(value: string, context: { token: string }): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) =>
    expression === 'github.token' ? context.token : ''
  )
}

// ---------------------------------------------------------------------------------------------
// Running the action
// ---------------------------------------------------------------------------------------------

export interface RunActionOptions {
  /** Workflow `with:` values, by input name. Inputs not given get action.yml's default. */
  inputs?: Record<string, string | number | boolean>
  /** GITHUB_WORKSPACE and the process's working directory. */
  cwd: string
  eventName?: string
  eventPayload?: Record<string, unknown>
  /** Extra variables (win over everything the harness sets). */
  env?: Record<string, string | undefined>
  /** GITHUB_API_URL (e.g. fakeGitHub.url). Default: an unroutable loopback port. */
  apiUrl?: string
  /** The value of `${{ github.token }}` (default DEFAULT_TEST_TOKEN). */
  token?: string
  /** GITHUB_REPOSITORY (default: payload.repository.full_name, else DEFAULT_REPOSITORY). */
  repository?: string
  sha?: string
  ref?: string
  /** Sets RUNNER_DEBUG=1 so core.debug lines are printed. */
  debug?: boolean
  /** Kill the step after this long (default 60 s); the result then has timedOut = true. */
  timeoutMs?: number
  /** Run the bundle's `post:` entry afterwards with the saved state, as the runner does. */
  runPost?: boolean
  /** Entry point, default dist/index.js. */
  entry?: string
  /** Keep the temp folder with the command files and event payload (result.filesDir). */
  keepFiles?: boolean
}

export interface StepResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  /** Variables exported to later steps through GITHUB_ENV. */
  exportedEnv: Record<string, string>
  /** Directories added to PATH through GITHUB_PATH. */
  addedPath: string[]
  summary: string
  commands: WorkflowCommand[]
  annotations: ParsedAnnotation[]
  /** Values registered with ::add-mask:: (the runner would hide them in logs). */
  masks: string[]
  /** The temp folder with the command files and event payload (removed unless keepFiles). */
  filesDir: string
  /**
   * What the real runner would warn about or silently drop: inputs action.yml does not declare,
   * a job summary over 1 MiB (not uploaded), annotations past 10 per level (not shown).
   */
  runnerWarnings: string[]
}

export interface ActionResult extends StepResult {
  /** The post step's result when runPost was set and action.yml has `post:`. */
  post?: StepResult
}

/** GitHub's limits: a step summary over 1 MiB is not uploaded; 10 annotations per level per step. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024
export const ANNOTATIONS_PER_LEVEL = 10

const HOST_RUNNER_VARIABLE = /^(GITHUB_|INPUT_|RUNNER_|ACTIONS_|STATE_)/

/** The parent environment minus anything a real runner (or the host's CI) set for another step. */
function baseEnvironment(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || HOST_RUNNER_VARIABLE.test(key)) continue
    if (key === 'NODE_OPTIONS' || key === 'JEST_WORKER_ID' || key === 'NODE_ENV') continue
    env[key] = value
  }
  return env
}

function gitHead(cwd: string): string | undefined {
  try {
    return runGit(cwd, ['rev-parse', 'HEAD'])
  } catch {
    return undefined
  }
}

/** GITHUB_SHA / GITHUB_REF / head and base refs as the runner derives them from the event. */
function refsFromEvent(
  eventName: string,
  payload: Record<string, any>,
  cwd: string
): { sha?: string; ref?: string; headRef?: string; baseRef?: string } {
  if ((eventName === 'pull_request' || eventName === 'pull_request_target') && payload.pull_request) {
    const pr = payload.pull_request
    const number = payload.number ?? pr.number
    if (eventName === 'pull_request_target') {
      return {
        sha: gitHead(cwd) ?? pr.base.sha,
        ref: `refs/heads/${pr.base.ref}`,
        headRef: pr.head.ref,
        baseRef: pr.base.ref
      }
    }
    return {
      sha: pr.merge_commit_sha ?? gitHead(cwd) ?? pr.head.sha,
      ref: `refs/pull/${number}/merge`,
      headRef: pr.head?.ref,
      baseRef: pr.base?.ref
    }
  }
  if (eventName === 'push' && typeof payload.after === 'string')
    return { sha: payload.after, ref: payload.ref }
  if (eventName === 'merge_group' && payload.merge_group) {
    return { sha: payload.merge_group.head_sha, ref: payload.merge_group.head_ref }
  }
  if (eventName === 'workflow_dispatch') return { sha: gitHead(cwd), ref: payload.ref }
  if (eventName === 'deployment_status' && payload.deployment) {
    return {
      sha: payload.deployment.sha,
      ref: payload.deployment.ref && `refs/heads/${payload.deployment.ref}`
    }
  }
  return { sha: gitHead(cwd) }
}

interface StepFiles {
  dir: string
  output: string
  state: string
  env: string
  path: string
  summary: string
}

function createStepFiles(root: string, name: string): StepFiles {
  const dir = join(root, name)
  mkdirSync(dir, { recursive: true })
  const files = {
    dir,
    output: join(dir, 'output'),
    state: join(dir, 'state'),
    env: join(dir, 'env'),
    path: join(dir, 'path'),
    summary: join(dir, 'step_summary')
  }
  for (const file of [files.output, files.state, files.env, files.path, files.summary])
    writeFileSync(file, '')
  return files
}

function spawnNode(
  entry: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
  stdin?: string
): Promise<{
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  stdout: string
  stderr: string
}> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', error => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer)
      resolvePromise({
        exitCode,
        signal,
        timedOut,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8')
      })
    })
    child.stdin.end(stdin ?? '')
  })
}

async function runStep(
  entry: string,
  cwd: string,
  env: Record<string, string>,
  files: StepFiles,
  timeoutMs: number
): Promise<StepResult> {
  const stepEnv = {
    ...env,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STEP_SUMMARY: files.summary
  }
  const run = await spawnNode(entry, [], cwd, stepEnv, timeoutMs)
  const commands = parseWorkflowCommands(run.stdout)
  const annotations = toAnnotations(commands)
  const summary = readFileSync(files.summary, 'utf8')
  const runnerWarnings: string[] = []
  if (Buffer.byteLength(summary) > SUMMARY_LIMIT_BYTES) {
    runnerWarnings.push(
      `The job summary is ${Buffer.byteLength(summary)} bytes; the runner does not upload summaries over 1024k.`
    )
  }
  for (const level of ['error', 'warning', 'notice'] as const) {
    const count = annotations.filter(a => a.level === level).length
    if (count > ANNOTATIONS_PER_LEVEL) {
      runnerWarnings.push(
        `${count} ${level} annotations; GitHub shows only ${ANNOTATIONS_PER_LEVEL} per step.`
      )
    }
  }
  return {
    ...run,
    outputs: parseKeyValueFile(readFileSync(files.output, 'utf8')),
    state: parseKeyValueFile(readFileSync(files.state, 'utf8')),
    exportedEnv: parseKeyValueFile(readFileSync(files.env, 'utf8')),
    addedPath: readFileSync(files.path, 'utf8').split(/\r?\n/).filter(Boolean),
    summary,
    commands,
    annotations,
    runnerWarnings,
    masks: commands.filter(c => c.command === 'add-mask').map(c => c.message),
    filesDir: files.dir
  }
}

/**
 * Runs dist/index.js as one workflow step. The returned exitCode is the process's: the runner
 * marks the step failed for any non-zero code.
 */
export async function runAction(options: RunActionOptions): Promise<ActionResult> {
  const root = makeTempDir('ci-medic-step-')
  try {
    const eventName = options.eventName ?? 'workflow_dispatch'
    const payload = (options.eventPayload ?? {}) as Record<string, any>
    const eventPath = join(root, 'event.json')
    writeFileSync(eventPath, JSON.stringify(payload, null, 2))
    const runnerTemp = join(root, 'runner_temp')
    const toolCache = join(root, 'tool_cache')
    mkdirSync(runnerTemp)
    mkdirSync(toolCache)

    const token = options.token ?? DEFAULT_TEST_TOKEN
    const inputs: Record<string, string> = {}
    const declared = actionMetadata().inputs ?? {}
    for (const [name, spec] of Object.entries(declared)) {
      if (spec?.default !== undefined) inputs[name] = evaluateDefault(String(spec.default), { token })
    }
    for (const [name, value] of Object.entries(options.inputs ?? {})) inputs[name] = String(value)
    const unexpected = Object.keys(options.inputs ?? {}).filter(name => !(name in declared))

    const repository: string = options.repository ?? payload.repository?.full_name ?? DEFAULT_REPOSITORY
    const derived = refsFromEvent(eventName, payload, options.cwd)
    const apiUrl = (options.apiUrl ?? 'http://127.0.0.1:9').replace(/\/$/, '')
    const sha = options.sha ?? derived.sha ?? '0'.repeat(40)
    const ref = options.ref ?? derived.ref ?? 'refs/heads/main'

    const env: Record<string, string> = {
      ...baseEnvironment(),
      // No machine-wide git identity or settings leak into the step (hosted runners have none).
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION: '__run',
      GITHUB_ACTION_REPOSITORY: '',
      GITHUB_ACTION_PATH: PROJECT_ROOT.replace(/\/$/, ''),
      GITHUB_ACTOR: String(payload.sender?.login ?? 'octocat'),
      GITHUB_ACTOR_ID: String(payload.sender?.id ?? 1),
      GITHUB_TRIGGERING_ACTOR: String(payload.sender?.login ?? 'octocat'),
      GITHUB_API_URL: apiUrl,
      GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_WORKSPACE: options.cwd,
      GITHUB_REPOSITORY: repository,
      GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? '',
      GITHUB_REPOSITORY_ID: String(payload.repository?.id ?? 1),
      GITHUB_SHA: sha,
      GITHUB_REF: ref,
      GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\//, ''),
      GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      GITHUB_HEAD_REF: derived.headRef ?? '',
      GITHUB_BASE_REF: derived.baseRef ?? '',
      GITHUB_RUN_ID: '1000001',
      GITHUB_RUN_NUMBER: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'test',
      GITHUB_WORKFLOW: 'CI',
      GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/ci.yml@${ref}`,
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_NAME: 'ci-medic-harness',
      RUNNER_ENVIRONMENT: 'github-hosted',
      RUNNER_TEMP: runnerTemp,
      RUNNER_TOOL_CACHE: toolCache
    }
    if (options.debug) env.RUNNER_DEBUG = '1'
    for (const [name, value] of Object.entries(inputs)) env[inputVariableName(name)] = value
    for (const [key, value] of Object.entries(options.env ?? {})) {
      if (value === undefined) delete env[key]
      else env[key] = value
    }

    const timeoutMs = options.timeoutMs ?? 60_000
    const metadata = actionMetadata()
    const entry = options.entry ?? ACTION_ENTRY
    if (!existsSync(entry)) throw new Error(`${entry} does not exist: run \`npm run build\` first`)
    const main = await runStep(entry, options.cwd, env, createStepFiles(root, 'main'), timeoutMs)

    const result: ActionResult = main
    if (unexpected.length) {
      // The runner's own words for inputs action.yml does not declare (it still passes them on).
      main.runnerWarnings.unshift(
        `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${Object.keys(declared).join("', '")}']`
      )
    }
    if (options.runPost && metadata.runs.post) {
      const postEnv = { ...env }
      for (const [name, value] of Object.entries(main.state)) postEnv[`STATE_${name}`] = value
      result.post = await runStep(
        join(PROJECT_ROOT, metadata.runs.post),
        options.cwd,
        postEnv,
        createStepFiles(root, 'post'),
        timeoutMs
      )
    }
    return result
  } finally {
    if (!options.keepFiles) removeDir(root)
  }
}

// ---------------------------------------------------------------------------------------------
// The CLI
// ---------------------------------------------------------------------------------------------

export interface RunCliOptions {
  cwd?: string
  env?: Record<string, string | undefined>
  timeoutMs?: number
  stdin?: string
}

export interface CliResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  stdout: string
  stderr: string
}

/**
 * The CLI's work folder for runs in `cwd`, unless a test sets CI_MEDIC_HOME: a temporary folder
 * that cleanupAll removes (the CLI's own default, a folder per repository in the OS temp, would
 * outlive the test), shared by the runs in one folder as that default is.
 */
const cliHomes = new Map<string, string>()
function cliHome(cwd: string): string {
  let home = cliHomes.get(cwd)
  if (home === undefined || !existsSync(home)) cliHomes.set(cwd, (home = makeTempDir('ci-medic-home-')))
  return home
}

/** Runs `node dist/cli/index.js ...args` as a child process, outside any Actions environment. */
export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  const cwd = options.cwd ?? PROJECT_ROOT
  const env: Record<string, string> = {
    ...baseEnvironment(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    CI_MEDIC_HOME: cliHome(cwd)
  }
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }
  if (!existsSync(CLI_ENTRY)) throw new Error(`${CLI_ENTRY} does not exist: run \`npm run build\` first`)
  return spawnNode(CLI_ENTRY, args, cwd, env, options.timeoutMs ?? 60_000, options.stdin)
}
export * from './payloads.js'
