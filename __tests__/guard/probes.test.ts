import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parse } from 'yaml'
import { systemClock } from '../../src/guard/clock.js'
import { readProbes, type CommandProbe, type HttpProbe } from '../../src/guard/probes.js'
import { createRedactor } from '../../src/guard/redact.js'
import { createProbeRunner, onOrigin } from '../../src/guard/run-probe.js'
import { ConfigurationError } from '../../src/errors.js'

const DEFAULTS = { timeoutMs: 5000, latencyCeilingMs: 3000 }

function probesFrom(yaml: string, env: NodeJS.ProcessEnv = {}, secrets: string[] = []) {
  return readProbes(parse(yaml).probes, undefined, DEFAULTS, env, secrets)
}

function problem(yaml: string): string {
  try {
    probesFrom(yaml)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigurationError')
}

describe('readProbes', () => {
  it('reads HTTP and command probes with every field', () => {
    const secrets: string[] = []
    const probes = probesFrom(
      `probes:
  - name: api
    url: https://example.com/api/orders?limit=1
    method: post
    headers: { Authorization: "Bearer \${HEALTH_TOKEN}", Accept: application/json }
    body: '{"ping": true}'
    expect-status: [200, "204", "300-302", 4xx]
    body-matches: '"ok"'
    json-path: $.checks[0].state
    json-equals: up
    latency-ceiling: 800ms
    timeout: 2s
  - name: smoke
    command: ./smoke.sh
    expect-exit: 3
    output-matches: passed`,
      { HEALTH_TOKEN: 'tok-123456789' },
      secrets
    )
    const api = probes[0] as HttpProbe
    expect(api).toMatchObject({
      kind: 'http',
      name: 'api',
      method: 'POST',
      latencyCeilingMs: 800,
      timeoutMs: 2000,
      body: '{"ping": true}'
    })
    expect(api.headers.Authorization).toBe('Bearer tok-123456789')
    expect(secrets).toContain('tok-123456789')
    expect([...api.expectStatus].sort()).toEqual(expect.arrayContaining([200, 204, 300, 301, 302, 404, 499]))
    expect(api.expectStatus.has(500)).toBe(false)
    expect(api.json?.path).toEqual(['checks', '0', 'state'])
    const smoke = probes[1] as CommandProbe
    expect(smoke).toMatchObject({ kind: 'command', command: './smoke.sh', expectExit: 3, timeoutMs: 5000 })
  })

  it('puts the health-url probe first, with the input defaults', () => {
    const probes = readProbes(undefined, 'https://example.com/healthz', DEFAULTS, {})
    expect(probes).toHaveLength(1)
    expect(probes[0]).toMatchObject({
      name: 'health',
      url: 'https://example.com/healthz',
      latencyCeilingMs: 3000
    })
  })

  it('reports every problem with the key and a valid example', () => {
    const message = problem(`probes:
  - name: api
    url: ftp://example.com
    expect-status: [200, abc]
    body-matches: "(unclosed"
    latency-ceiling: fast
    retries: 3
  - url: https://example.com
  - name: both
    url: https://example.com
    command: echo
  - name: api
    command: echo hi
    method: GET`)
    expect(message).toContain(
      'probes[0].url must be an absolute http(s) URL; got "ftp://example.com". Example: url: https://example.com/healthz'
    )
    expect(message).toContain('probes[0].expect-status has "abc"')
    expect(message).toContain('probes[0].body-matches is not a valid regular expression')
    expect(message).toContain('probes[0].latency-ceiling must be a duration')
    expect(message).toContain('probes[0] has an unknown key "retries"')
    expect(message).toContain('probes[1].name is required')
    expect(message).toContain('exactly one of "url" and "command"')
    expect(message).toContain('probes[3].method applies only to HTTP probes')
  })

  it('rejects duplicate names and a probes value that is not a list', () => {
    expect(problem('probes:\n  - { name: a, command: "true" }\n  - { name: a, command: "true" }')).toContain(
      'names must be unique'
    )
    expect(problem('probes: { name: a }')).toContain('"probes" must be a list')
    expect(problem('probes:\n  - { name: a, command: "true", json-equals: x }')).toContain(
      'applies only to HTTP probes'
    )
    expect(problem('probes:\n  - { name: a, url: "http://x", json-equals: x }')).toContain(
      'needs "json-path"'
    )
  })
})

describe('running probes', () => {
  let server: Server
  let base: string
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/ok')
        return void res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"checks":[{"state":"up"}],"token":"ghp_abcdefghijklmnopqrstuvwxyz0123456789"}')
      if (req.url === '/down') return void res.writeHead(200).end('{"checks":[{"state":"down"}]}')
      if (req.url === '/empty') return void res.writeHead(200).end('')
      if (req.url === '/auth')
        return void res.writeHead(req.headers.authorization === 'Bearer s3cret-value' ? 200 : 401).end('{}')
      if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('{}'), 150)
      if (req.url === '/hang') return
      res.writeHead(500).end('boom')
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  })

  const run = createProbeRunner({ clock: systemClock, redact: createRedactor(), cwd: process.cwd() })
  const http = (path: string, extra: Partial<HttpProbe> = {}): HttpProbe => ({
    kind: 'http',
    name: 'p',
    url: `${base}${path}`,
    method: 'GET',
    headers: {},
    expectStatus: new Set([200]),
    latencyCeilingMs: 0,
    timeoutMs: 1000,
    ...extra
  })

  it('passes on the expected status and JSON value, with a redacted excerpt', async () => {
    const sample = await run(http('/ok', { json: { path: ['checks', '0', 'state'], equals: 'up' } }), {})
    expect(sample).toMatchObject({ outcome: 'pass', status: 200 })
    expect(sample.excerpt).toContain('"state":"up"')
    expect(sample.excerpt).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789')
  })

  it('fails on a wrong status, a wrong JSON value, a body mismatch and the latency ceiling', async () => {
    expect(await run(http('/boom'), {})).toMatchObject({
      outcome: 'fail',
      detail: 'status 500',
      excerpt: 'boom'
    })
    expect(
      (await run(http('/down', { json: { path: ['checks', '0', 'state'], equals: 'up' } }), {})).detail
    ).toBe('checks.0.state is down, expected up')
    expect((await run(http('/down', { bodyMatches: /"up"/ }), {})).outcome).toBe('fail')
    expect((await run(http('/slow', { latencyCeilingMs: 50 }), {})).detail).toMatch(
      /^latency \d+ms over the 50ms ceiling$/
    )
  })

  it('counts timeouts, refused connections and empty answers apart from failures', async () => {
    expect(await run(http('/hang', { timeoutMs: 100 }), {})).toMatchObject({
      outcome: 'timeout',
      detail: 'no answer within 100ms'
    })
    expect((await run(http('/ok', { url: 'http://127.0.0.1:9/x' }), {})).outcome).toBe('transport-error')
    expect((await run(http('/empty', { json: { path: ['a'] } }), {})).outcome).toBe('no-data')
  })

  it('sends the configured headers', async () => {
    expect(
      (await run(http('/auth', { headers: { Authorization: 'Bearer s3cret-value' } }), {})).outcome
    ).toBe('pass')
    expect((await run(http('/auth'), {})).detail).toBe('status 401')
  })

  it('runs command probes with exit code and output checks', async () => {
    const command = (cmd: string, extra: Partial<CommandProbe> = {}): CommandProbe => ({
      kind: 'command',
      name: 'c',
      command: cmd,
      expectExit: 0,
      timeoutMs: 2000,
      ...extra
    })
    expect((await run(command('echo all good'), {})).outcome).toBe('pass')
    expect((await run(command('echo nope; exit 2'), {})).detail).toBe('exit 2, expected 0')
    expect((await run(command('echo partial', { outputMatches: /all good/ }), {})).outcome).toBe('fail')
    expect((await run(command('sleep 5', { timeoutMs: 100 }), {})).outcome).toBe('timeout')
  })

  it('moves a probe URL onto the baseline origin', () => {
    expect(onOrigin('https://new.example.com/api/health?x=1', 'https://old.example.com')).toBe(
      'https://old.example.com/api/health?x=1'
    )
    expect(onOrigin('https://new.example.com/health', 'http://old:8080/prefix/')).toBe(
      'http://old:8080/prefix/health'
    )
  })
})
