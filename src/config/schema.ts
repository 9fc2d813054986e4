import { ConfigurationError } from '../errors.js'
import { parseDuration } from './durations.js'

/**
 * Every action input, in one place. `action.yml` and the README's inputs table are generated from
 * this list (`npm run build`), and a test keeps all three equal. The CLI takes the same names as flags.
 *
 * Defaults live here rather than in `action.yml` (except where marked `actionDefault`), so that an
 * input the workflow did not set can still be taken from `.github/ci-medic.yml`.
 */
export interface InputSpec<T> {
  readonly name: string
  readonly description: string
  /** The default applied when neither the workflow nor the config file sets a value. */
  readonly default?: string
  /** A default written into action.yml itself (only for values the runner must fill in). */
  readonly actionDefault?: string
  /** A valid value, shown in error messages. */
  readonly example: string
  /** Masked in logs and never sent to a model. */
  readonly secret?: boolean
  readonly parse: (raw: string, name: string) => T
}

function invalid(name: string, expected: string, example: string, raw: string): ConfigurationError {
  return new ConfigurationError(
    `Input "${name}" ${expected}; got "${raw}". Example: ${name}: ${example}`,
    name
  )
}

function text(description: string, extra: Partial<InputSpec<string>> = {}): InputSpec<string> {
  return { name: '', description, example: '""', parse: raw => raw.trim(), ...extra }
}

function optionalText(description: string, example: string, secret = false): InputSpec<string | undefined> {
  return { name: '', description, example, secret, parse: raw => raw.trim() || undefined }
}

function choice<T extends string>(description: string, values: readonly T[], def: T): InputSpec<T> {
  return {
    name: '',
    description: `${description} One of: ${values.map(v => `\`${v}\``).join(', ')}.`,
    default: def,
    example: def,
    parse(raw, name) {
      const value = (raw.trim() || def) as T
      if (!values.includes(value)) throw invalid(name, `must be one of ${values.join(', ')}`, def, raw)
      return value
    }
  }
}

function integer(description: string, def: number, min: number, max: number): InputSpec<number> {
  return {
    name: '',
    description,
    default: String(def),
    example: String(def),
    parse(raw, name) {
      const value = raw.trim() === '' ? def : Number(raw.trim())
      if (!Number.isInteger(value) || value < min || value > max) {
        throw invalid(name, `must be a whole number from ${min} to ${max}`, String(def), raw)
      }
      return value
    }
  }
}

function boolean(description: string, def: boolean): InputSpec<boolean> {
  return {
    name: '',
    description,
    default: String(def),
    example: String(!def),
    parse(raw, name) {
      const value = raw.trim().toLowerCase()
      if (value === '') return def
      if (['true', 'yes', 'on', '1'].includes(value)) return true
      if (['false', 'no', 'off', '0'].includes(value)) return false
      throw invalid(name, 'must be true or false', String(!def), raw)
    }
  }
}

function duration(description: string, def: string): InputSpec<number> {
  return {
    name: '',
    description,
    default: def,
    example: def,
    parse: (raw, name) => parseDuration(name, raw.trim() || def)
  }
}

/** A list given one item a line, comma-separated, or as a JSON array. */
export function parseList(raw: string): string[] {
  const value = raw.trim()
  if (value === '') return []
  if (value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value)
      if (Array.isArray(parsed))
        return parsed
          .map(String)
          .map(s => s.trim())
          .filter(Boolean)
    } catch {
      // not JSON: fall through to the line/comma form
    }
  }
  return value
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(Boolean)
}

function list(description: string, example: string): InputSpec<string[]> {
  return { name: '', description, example, parse: raw => parseList(raw) }
}

const HEX = /^[0-9a-f]+$/i
const REVISION = /^(?!-)[A-Za-z0-9._/~^@{}+-]+$/

function revision(description: string): InputSpec<string | undefined> {
  return {
    name: '',
    description,
    example: 'origin/main',
    parse(raw, name) {
      const value = raw.trim()
      if (value === '') return undefined
      if (HEX.test(value) && value.length > 40 && value.length !== 64) {
        throw invalid(
          name,
          'must be a commit SHA (40 hex characters), a short SHA or a ref',
          'origin/main',
          raw
        )
      }
      if (!REVISION.test(value) || value.includes('..')) {
        throw invalid(
          name,
          'must be a commit SHA or a ref name such as main or origin/main',
          'origin/main',
          raw
        )
      }
      return value
    }
  }
}

function url(description: string, example: string): InputSpec<string | undefined> {
  return {
    name: '',
    description,
    example,
    parse(raw, name) {
      const value = raw.trim()
      if (value === '') return undefined
      let parsed: URL
      try {
        parsed = new URL(value)
      } catch {
        throw invalid(name, 'must be an absolute http(s) URL', example, raw)
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw invalid(name, 'must be an absolute http(s) URL', example, raw)
      }
      return value
    }
  }
}

export const COMMANDS = ['changes', 'select', 'test', 'fix', 'generate', 'guard', 'ci'] as const
export type CommandName = (typeof COMMANDS)[number]
export const AUTONOMY_LEVELS = ['shadow', 'suggest', 'pr', 'commit'] as const
export const SELECT_GRANULARITIES = ['member', 'class'] as const
export type Autonomy = (typeof AUTONOMY_LEVELS)[number]

const specs = {
  // ── general ──────────────────────────────────────────────────────────────
  command: choice('What to do.', COMMANDS, 'ci'),
  githubToken: {
    ...text('Token for the GitHub API (and GitHub Models when no other LLM endpoint is given).'),
    actionDefault: '${{ github.token }}',
    example: '${{ secrets.GITHUB_TOKEN }}',
    secret: true
  },
  workingDirectory: {
    ...text('The repository to work on.'),
    default: '.',
    parse: (raw: string) => raw.trim() || '.'
  },
  configFile: {
    ...text('Optional YAML file with settings that do not fit inputs; inputs override it.'),
    default: '.github/ci-medic.yml',
    parse: (raw: string) => raw.trim() || '.github/ci-medic.yml'
  },

  // ── changes ──────────────────────────────────────────────────────────────
  base: revision('Base revision to compare against. Default: taken from the event (PR base, push before).'),
  head: revision('Head revision. Default: taken from the event (PR head, push after), else HEAD.'),

  // ── select ───────────────────────────────────────────────────────────────
  shards: integer('Split the selected tests into this many balanced shards (output `matrix`).', 1, 1, 256),
  alwaysRun: list('Test files (globs) that are always selected.', '"test/smoke/**"'),
  runAllOn: list('Changed files (globs) that make every test run.', '"migrations/**"'),
  selectGranularity: choice(
    'A changed method or accessor selects the tests that reach its class and mention its name (`member`), or every test that reaches its class (`class`: for code that calls methods by computed names).',
    SELECT_GRANULARITIES,
    'member'
  ),
  useCoverage: boolean(
    'Leave out a test that reaches a changed function but never ran it, where the coverage map `record-coverage` wrote still describes the base commit.',
    true
  ),

  // ── test ─────────────────────────────────────────────────────────────────
  files: list('Test files to run (`test` command). Default: all tests.', '"src/a.test.ts"'),
  testCommand: optionalText(
    'Command that runs tests, overriding detection. `{files}` is replaced by the test files.',
    '"npx jest {files}"'
  ),
  retries: integer('Reruns of a failing test to tell flaky from failing.', 2, 0, 10),
  compareToBase: boolean('Run failing tests on the base commit too; only new failures fail the step.', false),
  testTimeout: duration('Time limit for one test run; a hung run is killed and reported.', '20m'),
  recordCoverage: boolean(
    'Record which functions each test file runs (jest, vitest, node:test, mocha, pytest), for `select` to use (`use-coverage`). Costs coverage instrumentation: run it where tests run on the default branch.',
    false
  ),

  // ── LLM, fix and generate ────────────────────────────────────────────────
  llmBaseUrl: url(
    'OpenAI-compatible endpoint. Default: GitHub Models with `github-token`.',
    'https://models.github.ai/inference'
  ),
  llmModel: optionalText('Model id. Default: `openai/gpt-4.1` on GitHub Models.', 'openai/gpt-4.1'),
  llmApiKey: optionalText('API key for `llm-base-url`.', '${{ secrets.OPENAI_API_KEY }}', true),
  autonomy: choice('How a validated fix or generated test is delivered.', AUTONOMY_LEVELS, 'suggest'),
  maxIterations: integer('Most agent iterations per fix or generation attempt.', 8, 1, 50),
  timeBudget: duration('Wall-time budget for the fix or generation loop.', '10m'),
  contextBudget: integer('Most input tokens in one LLM request.', 8000, 2000, 1_000_000),
  tokenBudget: integer(
    'Most tokens (input plus output) one fix or generation attempt may spend before it stops.',
    200000,
    1000,
    100_000_000
  ),
  attempts: integer('Independent fix candidates to try; the best valid one is kept.', 1, 1, 5),
  allowTestEdits: boolean(
    'Let the fixer edit existing test files (it still never removes a test or an assertion).',
    false
  ),
  validateCommand: optionalText('Command that must pass before a fix is delivered.', '"npm run typecheck"'),
  failOnFixed: boolean('Fail the step on failing tests even when a validated fix was delivered.', true),

  // ── guard ────────────────────────────────────────────────────────────────
  healthUrl: url(
    'URL to probe after a deploy (more probes go in the config file).',
    'https://example.com/healthz'
  ),
  rollbackCommand: optionalText('Command that rolls the deploy back.', '"kubectl rollout undo deploy/web"'),
  logsCommand: optionalText(
    'Command whose output (tail, redacted) goes into the diagnostics.',
    '"kubectl logs deploy/web"'
  ),
  environment: optionalText('Deployment environment name.', 'production'),
  deploymentId: {
    name: '',
    description:
      'GitHub deployment to guard. Default: from a `deployment_status` event, else the newest one of `environment` for the commit.',
    example: '1234567',
    parse(raw: string, name: string): number | undefined {
      const value = raw.trim()
      if (value === '') return undefined
      if (!/^\d{1,15}$/.test(value)) throw invalid(name, 'must be a deployment id (digits)', '1234567', raw)
      return Number(value)
    }
  },
  warmup: duration(
    'Grace period after the deploy: probe failures before the first healthy answer are not counted.',
    '10s'
  ),
  probeInterval: duration('Time between two rounds of probes.', '5s'),
  probeWindow: duration('How long to watch the deploy after the warm-up before calling it healthy.', '5m'),
  probeTimeout: duration('Time limit for one probe; a probe that takes longer counts as a timeout.', '5s'),
  latencyCeiling: duration('An HTTP answer slower than this fails the probe (`0` disables).', '3s'),
  failureThreshold: integer('Consecutive failed probes that make a deploy unhealthy.', 4, 1, 100),
  failureRatio: integer(
    'Failed probes, in percent of the last `ratio-window`, that make a deploy unhealthy.',
    50,
    1,
    100
  ),
  ratioWindow: duration('The sliding window `failure-ratio` is measured over.', '60s'),
  inconclusivePolicy: choice(
    'What to do when the probes fail only with timeouts, transport errors or no data.',
    ['rollback', 'fail', 'pass'] as const,
    'rollback'
  ),
  rollbackStrategy: choice(
    'How to roll back: `auto` uses `rollback-command` when given, else `redeploy`. `redeploy` redeploys the last successful deployment (Deployments API, and `deploy-workflow` when given); `revert-pr` opens a revert pull request.',
    ['auto', 'command', 'redeploy', 'revert-pr', 'none'] as const,
    'auto'
  ),
  rollbackTimeout: duration('Time limit for the rollback command.', '10m'),
  verifyWindow: duration('How long to probe again after a rollback before calling it healthy.', '60s'),
  deployWorkflow: optionalText(
    'Workflow file dispatched (`workflow_dispatch`) at the last good commit by the `redeploy` strategy.',
    'deploy.yml'
  ),
  baselineUrl: url(
    'The previous version, probed alongside (same paths) to catch slower or more error-prone deploys.',
    'https://blue.example.com'
  )
} satisfies Record<string, InputSpec<unknown>>

type Specs = typeof specs
export type Inputs = { [K in keyof Specs]: ReturnType<Specs[K]['parse']> }

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)
}

/** The input specs with their public (kebab-case) names filled in, in declaration order. */
export const INPUT_SPECS: ReadonlyArray<InputSpec<unknown> & { key: keyof Inputs }> = Object.entries(
  specs
).map(([key, spec]) => ({ ...(spec as InputSpec<unknown>), name: kebab(key), key: key as keyof Inputs }))

export function inputName(key: keyof Inputs): string {
  return kebab(key)
}

/**
 * Reads and validates every input. `get` returns the raw value of an input ('' when unset);
 * `fallback` gives a value from the config file for inputs the workflow left unset.
 * Every problem is reported at once.
 */
export function readInputs(
  get: (name: string) => string,
  fallback: (name: string) => string | undefined = () => undefined
): Inputs {
  const problems: ConfigurationError[] = []
  const result: Record<string, unknown> = {}
  for (const spec of INPUT_SPECS) {
    const given = get(spec.name)
    const raw = given.trim() !== '' ? given : (fallback(spec.name) ?? spec.default ?? '')
    try {
      result[spec.key] = spec.parse(raw, spec.name)
    } catch (error) {
      if (error instanceof ConfigurationError) problems.push(error)
      else throw error
    }
  }
  if (problems.length === 1) throw problems[0]
  if (problems.length > 1) {
    throw new ConfigurationError(problems.map(p => p.message).join('\n'), problems[0]?.input)
  }
  return result as Inputs
}

/** Outputs, for action.yml and the README. */
export const OUTPUT_SPECS: ReadonlyArray<{ name: string; description: string }> = [
  {
    name: 'changed-files',
    description: 'JSON list of changed files: `[{"path","status","previousPath"?,"binary"?}]`.'
  },
  { name: 'base', description: 'The base commit SHA that was compared.' },
  { name: 'head', description: 'The head commit SHA that was compared.' },
  { name: 'tests', description: 'JSON list of the selected test files.' },
  { name: 'count', description: 'How many test files were selected (0 lets a workflow skip its test job).' },
  { name: 'mode', description: '`selected`, `all` or `none`.' },
  {
    name: 'matrix',
    description:
      'JSON for `strategy.matrix`: `{"include":[{"shard":1,"files":"[...]","tests":"...","count":2}]}`.'
  },
  { name: 'passed', description: 'Tests that passed.' },
  { name: 'failed', description: 'Tests that failed (new failures only with `compare-to-base`).' },
  { name: 'flaky', description: 'Tests that failed and then passed on a retry.' },
  { name: 'report', description: 'Path to the JSON test report.' },
  { name: 'fix-status', description: '`fixed`, `not-fixed`, `skipped` or `not-needed`.' },
  { name: 'generated', description: 'Candidate tests written by the model.' },
  { name: 'kept', description: 'Generated tests that passed every filter.' },
  { name: 'coverage-delta', description: 'Changed lines newly covered by the kept tests, in percent.' },
  { name: 'generated-tests', description: 'JSON list of the kept generated test files.' },
  {
    name: 'verdict',
    description:
      'Deploy guard verdict: `healthy`, `unhealthy` or `inconclusive` (`skipped` for a `deployment_status` that is not `success`).'
  },
  { name: 'rolled-back', description: '`true` when the guard rolled the deploy back.' },
  { name: 'changed-count', description: 'How many files changed (`changes` command).' }
]
