/**
 * The demo's deploy target on loopback: an HTTP service whose served version can be switched.
 * v1 is healthy; v2 answers its health check (and every page) with 500s.
 *   GET  /healthz                  200 {"status":"ok","version":"v1"} | 500 for v2
 *   GET  /version                  the version served
 *   POST /admin/deploy?version=vN  switch (what a deploy, and the rollback command, call)
 */
import { createServer } from 'node:http'

const VERSIONS = {
  v1: { status: 200, body: version => ({ status: 'ok', version }) },
  v2: {
    status: 500,
    body: version => ({ status: 'error', version, error: 'checkout: connection pool exhausted' })
  }
}

export async function startDeployTarget(initial = 'v1') {
  let served = initial
  const deploys = [{ version: initial, at: new Date().toISOString() }]
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const send = (status, value) => {
      response.writeHead(status, { 'content-type': 'application/json', connection: 'close' })
      response.end(JSON.stringify(value))
    }
    if (request.method === 'POST' && url.pathname === '/admin/deploy') {
      const version = url.searchParams.get('version') ?? ''
      if (!VERSIONS[version]) return send(400, { error: `unknown version "${version}"` })
      served = version
      deploys.push({ version, at: new Date().toISOString() })
      return send(200, { deployed: version })
    }
    if (url.pathname === '/version') return send(200, { version: served })
    const { status, body } = VERSIONS[served]
    send(status, body(served))
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${server.address().port}`
  return {
    url,
    deploys,
    version: () => served,
    async deploy(version) {
      const response = await fetch(`${url}/admin/deploy?version=${encodeURIComponent(version)}`, {
        method: 'POST'
      })
      if (!response.ok) throw new Error(`deploy of ${version} failed: ${response.status}`)
    },
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      })
  }
}
