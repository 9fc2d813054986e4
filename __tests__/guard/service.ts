/**
 * A real HTTP service on loopback for the guard's tests. What it serves depends on the deployed
 * version, switched through POST /__control {"version"} (what a deploy or a rollback command does).
 */
import { appendFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** How a version behaves. */
export type Behaviour =
  | { kind: 'healthy' }
  | { kind: 'status'; status: number }
  | { kind: 'hang' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'healthy-for'; requests: number; then: Behaviour }

export interface Service {
  url: string
  version: string
  /** Requests to /healthz, by version. */
  hits: Map<string, number>
  deploy(version: string): void
  close(): Promise<void>
}

export async function startService(versions: Record<string, Behaviour>, logFile?: string): Promise<Service> {
  let version = 'v1'
  const hits = new Map<string, number>()
  if (logFile) writeFileSync(logFile, '')
  const log = (line: string): void => {
    if (logFile) appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`)
  }
  const answer = (behaviour: Behaviour, res: import('node:http').ServerResponse, served: number): void => {
    switch (behaviour.kind) {
      case 'healthy':
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'ok', version }))
        return
      case 'status':
        log(
          `ERROR GET /api/orders failed: TypeError: Cannot read properties of undefined (reading 'total')\n    at computeTotal (src/orders.js:12:20)\n    at handle (src/server.js:30:5)`
        )
        res.writeHead(behaviour.status, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            status: 'error',
            error: "Cannot read properties of undefined (reading 'total')",
            version
          })
        )
        return
      case 'hang':
        log('WARN request stuck waiting for the database pool')
        return // never answers
      case 'slow':
        setTimeout(() => answer({ kind: 'healthy' }, res, served), behaviour.delayMs)
        return
      case 'healthy-for':
        answer(served <= behaviour.requests ? { kind: 'healthy' } : behaviour.then, res, served)
        return
    }
  }
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/__control') {
      let body = ''
      req.on('data', chunk => (body += chunk))
      req.on('end', () => {
        const next = JSON.parse(body).version as string
        if (!(next in versions)) return void res.writeHead(400).end('unknown version')
        version = next
        hits.delete(next)
        log(`INFO now serving ${version}`)
        res.writeHead(200).end('ok')
      })
      return
    }
    const served = (hits.get(version) ?? 0) + 1
    hits.set(version, served)
    answer(versions[version] ?? { kind: 'status', status: 404 }, res, served)
  })
  server.keepAliveTimeout = 500
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get version() {
      return version
    },
    hits,
    deploy(next: string) {
      version = next
      hits.delete(next)
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
