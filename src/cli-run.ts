import { appendFileSync } from 'node:fs'
import { runEngine } from './engine.js'
import { COMMANDS, INPUT_SPECS } from './config/schema.js'
import { errorMessage, isConfigurationError } from './errors.js'
import { streamLogger } from './ports/log.js'

const LIST_INPUTS = new Set(['files', 'always-run', 'run-all-on'])
const BOOLEAN_INPUTS = new Set(
  INPUT_SPECS.filter(s => s.default === 'true' || s.default === 'false').map(s => s.name)
)
/** Secrets come from the environment, never from argv (which other processes can read). */
const ENV_INPUTS: Record<string, string> = {
  'github-token': 'GITHUB_TOKEN',
  'llm-api-key': 'CI_MEDIC_LLM_API_KEY',
  'llm-base-url': 'CI_MEDIC_LLM_BASE_URL',
  'llm-model': 'CI_MEDIC_LLM_MODEL'
}

const USAGE = `Usage: ci-medic <command> [--repo DIR] [--json] [--summary FILE] [--<input> VALUE ...]

Commands: ${COMMANDS.join(', ')}
  changes --repo DIR --base REV --head REV [--json]   files changed between two revisions
  select  --repo DIR --base REV --head REV [--json]   test files the change can affect, and why
  test    --repo DIR [--files F ...] [--json]         run tests and report the results

--summary FILE appends the Markdown job summary to FILE.
Every action input is a flag of the same name (e.g. --health-url URL, --retries 2).
Secrets come from the environment: ${Object.entries(ENV_INPUTS)
  .map(([input, name]) => `${name} (${input})`)
  .join(', ')}.
Exit codes: 0 done, 1 the command failed (e.g. failing tests), 2 invalid input, 3 internal error.`

export interface ParsedArgs {
  values: Map<string, string>
  json: boolean
  /** Append the job-summary Markdown to this file. */
  summaryFile?: string
  verbose: boolean
  help: boolean
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const names = new Set(INPUT_SPECS.map(s => s.name))
  const values = new Map<string, string>()
  const lists = new Map<string, string[]>()
  let json = false
  let verbose = false
  let help = false
  let command: string | undefined
  let summaryFile: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--json') json = true
    else if (arg === '--verbose' || arg === '-v') verbose = true
    else if (arg === '--help' || arg === '-h') help = true
    else if (arg === '--summary' || arg.startsWith('--summary=')) {
      summaryFile = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i]
      if (!summaryFile) throw new UsageError('Option --summary needs a file path.')
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      let name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2)
      if (name === 'repo') name = 'working-directory'
      if (!names.has(name) || name === 'command') throw new UsageError(`Unknown option --${name}.`)
      if (eq >= 0) {
        if (LIST_INPUTS.has(name)) lists.set(name, [...(lists.get(name) ?? []), arg.slice(eq + 1)])
        else values.set(name, arg.slice(eq + 1))
      } else if (LIST_INPUTS.has(name)) {
        const items = lists.get(name) ?? []
        while (i + 1 < argv.length && !(argv[i + 1] as string).startsWith('--'))
          items.push(argv[++i] as string)
        lists.set(name, items)
      } else if (
        BOOLEAN_INPUTS.has(name) &&
        (i + 1 >= argv.length || (argv[i + 1] as string).startsWith('--'))
      ) {
        values.set(name, 'true')
      } else {
        if (i + 1 >= argv.length) throw new UsageError(`Option --${name} needs a value.`)
        values.set(name, argv[++i] as string)
      }
    } else if (command === undefined) command = arg
    else throw new UsageError(`Unexpected argument "${arg}".`)
  }
  for (const [name, items] of lists) values.set(name, JSON.stringify(items))
  if (command !== undefined) values.set('command', command)
  return { values, json, verbose, help, summaryFile }
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: ParsedArgs
  try {
    args = parseArgs(argv)
  } catch (error) {
    process.stderr.write(`error: ${errorMessage(error)}\n\n${USAGE}\n`)
    return 2
  }
  if (args.help || !args.values.has('command')) {
    process.stdout.write(USAGE + '\n')
    return args.help ? 0 : 2
  }
  const log = streamLogger(line => process.stderr.write(line + '\n'), args.verbose)
  try {
    const { result } = await runEngine({
      getInput: name => args.values.get(name) ?? (ENV_INPUTS[name] ? (env[ENV_INPUTS[name]] ?? '') : ''),
      env,
      log,
      frontDoor: 'cli'
    })
    if (args.summaryFile && result.summary)
      appendFileSync(args.summaryFile, result.summary.replace(/\n?$/, '\n\n'))
    process.stdout.write(args.json ? JSON.stringify(result.json) + '\n' : result.text.replace(/\n?$/, '\n'))
    if (result.failure) {
      log.error(result.failure)
      return 1
    }
    return 0
  } catch (error) {
    if (isConfigurationError(error)) {
      log.error(error.message)
      return 2
    }
    log.error(`internal error: ${error instanceof Error && error.stack ? error.stack : String(error)}`)
    return 3
  }
}
