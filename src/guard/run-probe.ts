import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { runShell } from '../ports/exec.js'
import type { Clock } from './clock.js'
import type { CommandProbe, HttpProbe, Probe } from './probes.js'
import { valueAt } from './probes.js'
import type { Redactor } from './redact.js'
import type { Sample } from './verdict.js'
import { ms } from './verdict.js'

const MAX_BODY = 64 * 1024
const EXCERPT = 300

export interface ProbeRunOptions {
  clock: Clock
  redact: Redactor
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Probe the same path on another origin (the baseline). */
  originOverride?: string
}

export type ProbeRunner = (probe: Probe, options: { baseline?: boolean }) => Promise<Sample>

export function createProbeRunner(options: ProbeRunOptions): ProbeRunner {
  return async (probe, { baseline }) => {
    const sample =
      probe.kind === 'http'
        ? await runHttpProbe(probe, options, baseline ? options.originOverride : undefined)
        : await runCommandProbe(probe, options)
    return baseline ? { ...sample, baseline: true } : sample
  }
}

/** Moves a URL onto another origin, keeping its path and query. */
export function onOrigin(url: string, origin: string): string {
  const target = new URL(url)
  const base = new URL(origin)
  const path = base.pathname.replace(/\/$/, '') + target.pathname
  return `${base.origin}${path}${target.search}`
}

interface HttpAnswer {
  status: number
  body: string
  contentType: string
}

function send(probe: HttpProbe, url: string, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const requestFn = target.protocol === 'https:' ? httpsRequest : httpRequest
    const headers: Record<string, string> = { 'user-agent': 'ci-medic-guard', ...probe.headers }
    if (probe.body !== undefined) headers['content-length'] = String(Buffer.byteLength(probe.body))
    const req = requestFn(target, { method: probe.method, headers, agent: false }, res => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY) chunks.push(chunk)
        size += chunk.length
      })
      res.on('end', () => {
        clearTimeout(timer)
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY),
          contentType: String(res.headers['content-type'] ?? '')
        })
      })
      res.on('error', error => {
        clearTimeout(timer)
        reject(error)
      })
    })
    const timer = setTimeout(() => req.destroy(new ProbeTimeout()), timeoutMs)
    req.on('error', error => {
      clearTimeout(timer)
      reject(error)
    })
    req.end(probe.body)
  })
}

class ProbeTimeout extends Error {
  override readonly name = 'ProbeTimeout'
}

export async function runHttpProbe(
  probe: HttpProbe,
  options: ProbeRunOptions,
  origin?: string
): Promise<Sample> {
  const { clock, redact } = options
  const url = origin ? onOrigin(probe.url, origin) : probe.url
  const startedAt = clock.now()
  const base = { probe: probe.name, startedAt }
  let answer: HttpAnswer
  try {
    answer = await send(probe, url, probe.timeoutMs)
  } catch (error) {
    const finishedAt = clock.now()
    if (error instanceof ProbeTimeout) {
      return { ...base, finishedAt, outcome: 'timeout', detail: `no answer within ${ms(probe.timeoutMs)}` }
    }
    const code = (error as NodeJS.ErrnoException).code
    return {
      ...base,
      finishedAt,
      outcome: 'transport-error',
      detail: redact(`${code ?? 'error'}: ${(error as Error).message}`).slice(0, 200)
    }
  }
  const finishedAt = clock.now()
  const latencyMs = finishedAt - startedAt
  const excerpt = redact(answer.body.slice(0, EXCERPT * 2))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, EXCERPT)
  const result = { ...base, finishedAt, status: answer.status, latencyMs, excerpt }
  if (!probe.expectStatus.has(answer.status)) {
    return { ...result, outcome: 'fail', detail: `status ${answer.status}` }
  }
  if (probe.latencyCeilingMs > 0 && latencyMs > probe.latencyCeilingMs) {
    return {
      ...result,
      outcome: 'fail',
      detail: `latency ${ms(latencyMs)} over the ${ms(probe.latencyCeilingMs)} ceiling`
    }
  }
  if (probe.bodyMatches && !probe.bodyMatches.test(answer.body)) {
    if (answer.body.trim() === '') return { ...result, outcome: 'no-data', detail: 'empty body' }
    return { ...result, outcome: 'fail', detail: `body does not match /${probe.bodyMatches.source}/` }
  }
  if (probe.json) {
    let document: unknown
    try {
      document = JSON.parse(answer.body)
    } catch {
      return {
        ...result,
        outcome: answer.body.trim() === '' ? 'no-data' : 'fail',
        detail: answer.body.trim() === '' ? 'empty body where JSON was expected' : 'body is not JSON'
      }
    }
    const path = probe.json.path.join('.')
    const value = valueAt(document, probe.json.path)
    if (value === undefined) return { ...result, outcome: 'fail', detail: `no value at ${path}` }
    const text = typeof value === 'string' ? value : JSON.stringify(value)
    if (probe.json.equals !== undefined && text !== probe.json.equals) {
      return {
        ...result,
        outcome: 'fail',
        detail: `${path} is ${redact(text).slice(0, 80)}, expected ${probe.json.equals}`
      }
    }
    if (probe.json.matches && !probe.json.matches.test(text)) {
      return {
        ...result,
        outcome: 'fail',
        detail: `${path} is ${redact(text).slice(0, 80)}, expected /${probe.json.matches.source}/`
      }
    }
  }
  return { ...result, outcome: 'pass', detail: `status ${answer.status} in ${ms(latencyMs)}` }
}

export async function runCommandProbe(probe: CommandProbe, options: ProbeRunOptions): Promise<Sample> {
  const { clock, redact } = options
  const startedAt = clock.now()
  const base = { probe: probe.name, startedAt }
  try {
    const result = await runShell(probe.command, {
      cwd: options.cwd,
      env: options.env,
      timeoutMs: probe.timeoutMs,
      maxOutput: MAX_BODY
    })
    const finishedAt = clock.now()
    const output = `${result.stdout}${result.stderr}`
    const excerpt = redact(output.slice(-EXCERPT * 2))
      .trim()
      .slice(-EXCERPT)
    const latencyMs = finishedAt - startedAt
    if (result.timedOut) {
      return {
        ...base,
        finishedAt,
        outcome: 'timeout',
        detail: `still running after ${ms(probe.timeoutMs)}`,
        excerpt
      }
    }
    if (result.exitCode !== probe.expectExit) {
      return {
        ...base,
        finishedAt,
        latencyMs,
        excerpt,
        outcome: 'fail',
        detail: `exit ${result.exitCode ?? result.signal}, expected ${probe.expectExit}`
      }
    }
    if (probe.outputMatches && !probe.outputMatches.test(output)) {
      return {
        ...base,
        finishedAt,
        latencyMs,
        excerpt,
        outcome: output.trim() === '' ? 'no-data' : 'fail',
        detail: `output does not match /${probe.outputMatches.source}/`
      }
    }
    return {
      ...base,
      finishedAt,
      latencyMs,
      excerpt,
      outcome: 'pass',
      detail: `exit ${result.exitCode} in ${ms(latencyMs)}`
    }
  } catch (error) {
    return {
      ...base,
      finishedAt: clock.now(),
      outcome: 'transport-error',
      detail: redact(`could not start: ${(error as Error).message}`).slice(0, 200)
    }
  }
}
