import { parseDuration } from '../config/durations.js'
import { ConfigurationError } from '../errors.js'

/** An HTTP check of the deployed service. */
export interface HttpProbe {
  kind: 'http'
  name: string
  url: string
  method: string
  /** Header values may hold secrets: they are masked and never reported. */
  headers: Record<string, string>
  body?: string
  /** Statuses that count as healthy. */
  expectStatus: ReadonlySet<number>
  bodyMatches?: RegExp
  json?: { path: string[]; equals?: string; matches?: RegExp }
  /** 0: no ceiling. */
  latencyCeilingMs: number
  timeoutMs: number
}

/** A command run with the shell (a smoke test, a CLI health check). */
export interface CommandProbe {
  kind: 'command'
  name: string
  command: string
  expectExit: number
  outputMatches?: RegExp
  timeoutMs: number
}

export type Probe = HttpProbe | CommandProbe

export interface ProbeDefaults {
  timeoutMs: number
  latencyCeilingMs: number
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/

/** Every key a probe may have, with a valid example for error messages. */
const PROBE_KEYS: Record<string, string> = {
  name: 'name: api-health',
  url: 'url: https://example.com/healthz',
  method: 'method: GET',
  headers: 'headers: { Authorization: "Bearer ${HEALTH_TOKEN}" }',
  body: 'body: \'{"ping": true}\'',
  'expect-status': 'expect-status: [200, 204]  (or "200-299")',
  'body-matches': 'body-matches: "\\"status\\":\\s*\\"ok\\""',
  'json-path': 'json-path: checks.database.status',
  'json-equals': 'json-equals: up',
  'json-matches': 'json-matches: "^(up|degraded)$"',
  'latency-ceiling': 'latency-ceiling: 800ms',
  timeout: 'timeout: 5s',
  command: 'command: ./scripts/smoke-test.sh',
  'expect-exit': 'expect-exit: 0',
  'output-matches': 'output-matches: "all checks passed"'
}
const HTTP_ONLY = [
  'url',
  'method',
  'headers',
  'body',
  'expect-status',
  'body-matches',
  'json-path',
  'json-equals',
  'json-matches',
  'latency-ceiling'
]
const COMMAND_ONLY = ['command', 'expect-exit', 'output-matches']

const EXAMPLE = `probes:
  - name: api
    url: https://example.com/healthz
    expect-status: [200]
    json-path: status
    json-equals: ok
  - name: smoke
    command: ./scripts/smoke.sh`

/** The default probe built from the `health-url` input. */
export function healthUrlProbe(url: string, defaults: ProbeDefaults): HttpProbe {
  return {
    kind: 'http',
    name: 'health',
    url,
    method: 'GET',
    headers: {},
    expectStatus: statusRange(200, 399),
    latencyCeilingMs: defaults.latencyCeilingMs,
    timeoutMs: defaults.timeoutMs
  }
}

function statusRange(from: number, to: number): Set<number> {
  const set = new Set<number>()
  for (let s = from; s <= to; s++) set.add(s)
  return set
}

class Problems {
  readonly list: string[] = []
  add(where: string, key: string, message: string): void {
    const example = PROBE_KEYS[key]
    this.list.push(`Config file: ${where}.${key} ${message}.${example ? ` Example: ${example}` : ''}`)
  }
}

/**
 * Reads the config file's `probes:` list (and the `health-url` input) into validated probes.
 * Every problem is reported at once, each naming the key and showing a valid value.
 * `${NAME}` in a URL, header or command is taken from the environment; `secrets` collects the
 * values substituted into headers so that the caller can mask them.
 */
export function readProbes(
  raw: unknown,
  healthUrl: string | undefined,
  defaults: ProbeDefaults,
  env: NodeJS.ProcessEnv,
  secrets: string[] = []
): Probe[] {
  const probes: Probe[] = []
  if (healthUrl) probes.push(healthUrlProbe(healthUrl, defaults))
  if (raw === undefined || raw === null) return probes
  if (!Array.isArray(raw)) {
    throw new ConfigurationError(
      `Config file: "probes" must be a list of named probes. Example:\n${EXAMPLE}`,
      'probes'
    )
  }
  const problems = new Problems()
  const names = new Set(probes.map(p => p.name))
  raw.forEach((entry, index) => {
    const where = `probes[${index}]`
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.list.push(
        `Config file: ${where} must be a mapping with a name and a url or command. Example:\n${EXAMPLE}`
      )
      return
    }
    const probe = readProbe(entry as Record<string, unknown>, where, defaults, env, secrets, problems)
    if (!probe) return
    if (names.has(probe.name)) {
      problems.add(where, 'name', `"${probe.name}" is used by another probe; names must be unique`)
      return
    }
    names.add(probe.name)
    probes.push(probe)
  })
  if (problems.list.length) throw new ConfigurationError(problems.list.join('\n'), 'probes')
  return probes
}

function readProbe(
  entry: Record<string, unknown>,
  where: string,
  defaults: ProbeDefaults,
  env: NodeJS.ProcessEnv,
  secrets: string[],
  problems: Problems
): Probe | undefined {
  const before = problems.list.length
  for (const key of Object.keys(entry)) {
    if (!(key in PROBE_KEYS)) {
      problems.list.push(
        `Config file: ${where} has an unknown key "${key}". Valid keys: ${Object.keys(PROBE_KEYS).join(', ')}.`
      )
    }
  }
  const name = entry.name
  if (typeof name !== 'string' || !NAME.test(name)) {
    problems.add(where, 'name', 'is required: letters, digits, spaces, ".", "_" or "-" (at most 64)')
  }
  const isHttp = entry.url !== undefined
  const isCommand = entry.command !== undefined
  if (isHttp === isCommand) {
    problems.add(where, isHttp ? 'command' : 'url', 'exactly one of "url" and "command" must be given')
    return undefined
  }
  for (const key of isHttp ? COMMAND_ONLY : HTTP_ONLY) {
    if (entry[key] !== undefined)
      problems.add(where, key, `applies only to ${isHttp ? 'command' : 'HTTP'} probes`)
  }
  const timeoutMs = durationField(entry, 'timeout', where, problems) ?? defaults.timeoutMs

  if (isCommand) {
    const command = entry.command
    if (typeof command !== 'string' || command.trim() === '')
      problems.add(where, 'command', 'must be a command line')
    const expectExit = entry['expect-exit'] ?? 0
    if (
      typeof expectExit !== 'number' ||
      !Number.isInteger(expectExit) ||
      expectExit < 0 ||
      expectExit > 255
    ) {
      problems.add(where, 'expect-exit', 'must be an exit code from 0 to 255')
    }
    const outputMatches = regexField(entry, 'output-matches', where, problems)
    if (problems.list.length > before) return undefined
    return {
      kind: 'command',
      name: name as string,
      command: substitute(command as string, env),
      expectExit: expectExit as number,
      outputMatches,
      timeoutMs
    }
  }

  let url = ''
  if (typeof entry.url !== 'string') problems.add(where, 'url', 'must be an absolute http(s) URL')
  else {
    url = substitute(entry.url, env)
    try {
      const parsed = new URL(url)
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol')
    } catch {
      problems.add(where, 'url', `must be an absolute http(s) URL; got "${entry.url}"`)
    }
  }
  const method = entry.method === undefined ? 'GET' : String(entry.method).toUpperCase()
  if (!HTTP_METHODS.includes(method))
    problems.add(where, 'method', `must be one of ${HTTP_METHODS.join(', ')}`)
  const headers: Record<string, string> = {}
  if (entry.headers !== undefined) {
    if (typeof entry.headers !== 'object' || entry.headers === null || Array.isArray(entry.headers)) {
      problems.add(where, 'headers', 'must be a mapping of header names to values')
    } else {
      for (const [header, value] of Object.entries(entry.headers)) {
        if (
          !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(header) ||
          (typeof value !== 'string' && typeof value !== 'number')
        ) {
          problems.add(
            where,
            'headers',
            `has an invalid header "${header}" (names are tokens, values strings)`
          )
          continue
        }
        const raw = String(value)
        const resolved = substitute(raw, env)
        if (resolved !== raw || /authorization|token|key|secret|cookie|password/i.test(header)) {
          secrets.push(resolved)
          for (const match of raw.matchAll(/\$\{(\w+)\}/g))
            if (env[match[1] as string]) secrets.push(env[match[1] as string] as string)
        }
        headers[header] = resolved
      }
    }
  }
  if (entry.body !== undefined && typeof entry.body !== 'string')
    problems.add(where, 'body', 'must be a string')
  const expectStatus = statusField(entry['expect-status'], where, problems)
  const bodyMatches = regexField(entry, 'body-matches', where, problems)
  let json: HttpProbe['json']
  if (entry['json-path'] !== undefined) {
    const path = entry['json-path']
    const segments = typeof path === 'string' ? parseJsonPath(path) : undefined
    if (!segments)
      problems.add(where, 'json-path', 'must be a dotted path such as checks.db.status or $.items[0].state')
    const equals = entry['json-equals']
    if (equals !== undefined && typeof equals === 'object')
      problems.add(where, 'json-equals', 'must be a string, number or boolean')
    const matches = regexField(entry, 'json-matches', where, problems)
    if (segments)
      json = { path: segments, equals: equals === undefined ? undefined : String(equals), matches }
  } else {
    for (const key of ['json-equals', 'json-matches']) {
      if (entry[key] !== undefined) problems.add(where, key, 'needs "json-path" to say which value to check')
    }
  }
  const latencyCeilingMs =
    durationField(entry, 'latency-ceiling', where, problems) ?? defaults.latencyCeilingMs
  if (problems.list.length > before) return undefined
  return {
    kind: 'http',
    name: name as string,
    url,
    method,
    headers,
    body: entry.body as string | undefined,
    expectStatus: expectStatus ?? statusRange(200, 399),
    bodyMatches,
    json,
    latencyCeilingMs,
    timeoutMs
  }
}

/** `${NAME}` → the environment variable's value (empty when unset). */
function substitute(text: string, env: NodeJS.ProcessEnv): string {
  return text.replace(/\$\{(\w+)\}/g, (_, name: string) => env[name] ?? '')
}

function durationField(
  entry: Record<string, unknown>,
  key: string,
  where: string,
  problems: Problems
): number | undefined {
  const value = entry[key]
  if (value === undefined) return undefined
  try {
    return parseDuration(`${where}.${key}`, String(value))
  } catch {
    problems.add(where, key, `must be a duration such as "800ms", "5s" or "1m"; got "${String(value)}"`)
    return undefined
  }
}

function regexField(
  entry: Record<string, unknown>,
  key: string,
  where: string,
  problems: Problems
): RegExp | undefined {
  const value = entry[key]
  if (value === undefined) return undefined
  if (typeof value !== 'string') {
    problems.add(where, key, 'must be a regular expression in a string')
    return undefined
  }
  try {
    return new RegExp(value)
  } catch (error) {
    problems.add(where, key, `is not a valid regular expression (${(error as Error).message})`)
    return undefined
  }
}

function statusField(value: unknown, where: string, problems: Problems): Set<number> | undefined {
  if (value === undefined) return undefined
  const items = Array.isArray(value) ? value : [value]
  const set = new Set<number>()
  for (const item of items) {
    const text = String(item).trim()
    const range = /^([1-5]\d\d)\s*-\s*([1-5]\d\d)$/.exec(text)
    const klass = /^([1-5])xx$/i.exec(text)
    if (/^[1-5]\d\d$/.test(text)) set.add(Number(text))
    else if (range && Number(range[1]) <= Number(range[2]))
      for (const s of statusRange(Number(range[1]), Number(range[2]))) set.add(s)
    else if (klass)
      for (const s of statusRange(Number(klass[1]) * 100, Number(klass[1]) * 100 + 99)) set.add(s)
    else {
      problems.add(
        where,
        'expect-status',
        `has "${text}", which is not a status (100-599), a range "200-299" or a class "2xx"`
      )
      return undefined
    }
  }
  if (set.size === 0) problems.add(where, 'expect-status', 'must name at least one status')
  return set
}

/** `checks.db.status`, `$.items[0].state`, `items.0.state` → path segments. */
export function parseJsonPath(path: string): string[] | undefined {
  const text = path.trim().replace(/^\$\.?/, '')
  if (text === '') return []
  const segments: string[] = []
  for (const part of text.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part)
    if (!match) return undefined
    if (match[1]) segments.push(match[1])
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) segments.push(index[1] as string)
    if (!match[1] && !match[2]) return undefined
  }
  return segments
}

/** The value at a path of a parsed JSON document, or undefined. */
export function valueAt(document: unknown, path: readonly string[]): unknown {
  let current = document
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}

/** The probe's target described for a report, with no header values. */
export function describeProbe(probe: Probe): string {
  return probe.kind === 'http' ? `${probe.method} ${probe.url}` : `$ ${probe.command}`
}
