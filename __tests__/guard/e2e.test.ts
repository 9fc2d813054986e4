/**
 * The guard end to end: dist/index.js run like the Actions runner, probing a real HTTP service on
 * loopback that a "deploy" switched to version 2, rolling back with a real command, against the fake
 * GitHub API (checked against GitHub's OpenAPI description) and a real git repository.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createBareRemote, createRepo, type TestRepo } from '../support/git-repo.js'
import { deploymentStatusEvent, runAction, PROJECT_ROOT, type ActionResult } from '../support/harness.js'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'
import { reply, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js'
import { FakeDeployments } from './fake-deployments.js'
import { startService, type Behaviour, type Service } from './service.js'

const SWITCH = join(PROJECT_ROOT, '__tests__/fixtures/guard/switch.mjs')
const ROLLED_BACK_MARKER = '[ci-medic:rolled-back]'

/** Short timings so a whole guard run takes a couple of seconds. */
const FAST = {
  command: 'guard',
  environment: 'production',
  warmup: '200ms',
  'probe-interval': '100ms',
  'probe-window': '1500ms',
  'probe-timeout': '300ms',
  'latency-ceiling': '250ms',
  'failure-threshold': 3,
  'ratio-window': '1s',
  'verify-window': '700ms'
}

let repo: TestRepo
let github: FakeGitHub
let deployments: FakeDeployments
let service: Service | undefined
let goodSha: string
let badSha: string
let ledger: string
let logFile: string
let llm: FakeOpenAI

/** The model's root-cause answer: cites a real evidence item and one that does not exist. */
const ROOT_CAUSE = JSON.stringify({
  summary: 'Commit "orders: include shipping in the total" reads order.items.total, which is undefined: the stack trace points at src/orders.js.',
  confidence: 'high',
  evidence: ['E3: TypeError at computeTotal (src/orders.js:12:20) in the logs', 'E99: made up']
})

beforeAll(async () => {
  llm = await startFakeOpenAI(() => reply.text(ROOT_CAUSE))
})

afterAll(async () => {
  await llm.close()
})

beforeEach(async () => {
  repo = createRepo()
  repo.write('src/server.js', 'export function handle(req, res) {\n  return computeTotal(req)\n}\n')
  repo.write('src/orders.js', 'export function computeTotal(order) {\n  return order.total\n}\n')
  repo.write('README.md', '# shop\n')
  goodSha = repo.commit('v1: shop service')
  repo.write('docs/notes.md', 'notes\n')
  repo.commit('docs: notes')
  repo.write('src/orders.js', 'export function computeTotal(order) {\n  return order.items.total + order.shipping.total\n}\n')
  repo.commit('orders: include shipping in the total')
  repo.write('migrations/002_orders.sql', 'ALTER TABLE orders ADD COLUMN shipping integer;\n')
  badSha = repo.commit('db: add shipping column')
  github = await startFakeGitHub()
  github.store.install()
  deployments = new FakeDeployments(github).install()
  ledger = join(repo.dir, '..', `ledger-${Date.now()}-${Math.random()}.txt`)
  logFile = join(repo.dir, '..', `service-${Date.now()}-${Math.random()}.log`)
})

afterEach(async () => {
  await service?.close()
  service = undefined
  await github.close()
  repo.cleanup()
})

async function deployV2(v2: Behaviour): Promise<void> {
  service = await startService({ v1: { kind: 'healthy' }, v2 }, logFile)
  service.deploy('v2')
}

function guard(inputs: Record<string, string | number> = {}, extra: { eventName?: string; eventPayload?: Record<string, unknown> } = {}): Promise<ActionResult> {
  return runAction({
    cwd: repo.dir,
    apiUrl: github.url,
    sha: badSha,
    eventName: extra.eventName ?? 'push',
    eventPayload: extra.eventPayload ?? { repository: { full_name: 'octo-org/shop', default_branch: 'main' } },
    repository: 'octo-org/shop',
    env: { SERVICE_TOKEN: 'svc-secret-token-123456' },
    inputs: {
      ...FAST,
      'health-url': `${service!.url}/healthz`,
      'rollback-command': `node ${SWITCH} ${service!.url} v1 ${ledger}`,
      'logs-command': `tail -n 20 ${logFile}`,
      'llm-base-url': llm.url,
      'llm-model': 'gpt-4.1-mini',
      ...inputs
    },
    timeoutMs: 60_000
  })
}

function rollbacks(): number {
  return existsSync(ledger) ? readFileSync(ledger, 'utf8').split('\n').filter(Boolean).length : 0
}

function withHistory(): { good: number; bad: number } {
  const good = deployments.add(goodSha, 'production', ['in_progress', 'success'])
  const bad = deployments.add(badSha, 'production', ['in_progress', 'success'])
  return { good: good.id, bad: bad.id }
}

describe('guard end to end', () => {
  it('rolls back a deploy that answers 500, verifies it and explains it', async () => {
    await deployV2({ kind: 'status', status: 500 })
    const ids = withHistory()
    const result = await guard()

    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    expect(result.exitCode).toBe(1)
    expect(service!.version).toBe('v1')
    expect(rollbacks()).toBe(1)
    expect(readFileSync(ledger, 'utf8')).toContain(`${ids.bad} ${goodSha} v1`)

    // Statuses tell the story: probing, then failure with the marker; the rollback's own deployment succeeds.
    expect(deployments.statesOf(ids.bad).slice(2)).toEqual(['in_progress', 'failure'])
    expect(deployments.statuses.find(s => s.deployment_id === ids.bad && s.state === 'failure')?.description).toContain(ROLLED_BACK_MARKER)
    const rollback = deployments.deployments.find(d => d.id > ids.bad)
    expect(rollback).toMatchObject({ sha: goodSha, environment: 'production' })
    expect(deployments.statesOf(rollback!.id)).toEqual(['in_progress', 'success'])
    expect([...deployments.refs.keys()]).toEqual([`refs/ci-medic/rollback/${ids.bad}`])

    // The report: summary and one sticky commit comment, with timeline, evidence, suspects and logs.
    const comments = deployments.commitComments.filter(c => c.commit_sha === badSha)
    expect(comments).toHaveLength(1)
    for (const text of [result.summary, comments[0]!.body]) {
      expect(text).toContain('```mermaid\ntimeline')
      expect(text).toContain('Rollback started (command)')
      expect(text).toContain('status 500')
      expect(text).toContain('Cannot read properties of undefined')
    }
    const suspects = result.summary.slice(result.summary.indexOf('### Suspect commits'))
    expect(suspects).toMatch(/orders: include shipping in the total[^\n]*src\/orders\.js, named in a stack trace/)
    expect(suspects).toContain('database migration (migrations/002_orders.sql)')
    expect(suspects.indexOf('orders: include shipping')).toBeLessThan(suspects.indexOf('docs: notes'))
    expect(result.summary).toContain('### Probable root cause (high confidence, gpt-4.1-mini)')
    expect(result.summary).toContain('E3: TypeError at computeTotal')
    expect(result.summary).not.toContain('E99')
    const prompt = JSON.stringify(llm.completions.at(-1)!.body)
    expect(prompt).toContain('<<<UNTRUSTED deploy guard evidence')
    expect(prompt).toContain('src/orders.js:12:20')
    // The secret the rollback command printed is redacted from the report.
    expect(result.summary).not.toContain('svc-secret-token-123456')
    expect(github.store.issues).toHaveLength(0)
  })

  it('treats a hanging deploy as inconclusive and, failing closed, rolls it back', async () => {
    await deployV2({ kind: 'hang' })
    withHistory()
    const result = await guard()
    expect(result.outputs).toMatchObject({ verdict: 'inconclusive', 'rolled-back': 'true' })
    expect(result.summary).toMatch(/timed out/)
    expect(rollbacks()).toBe(1)
    expect(service!.version).toBe('v1')
  })

  it('leaves a hanging deploy alone with inconclusive-policy fail', async () => {
    await deployV2({ kind: 'hang' })
    withHistory()
    const result = await guard({ 'inconclusive-policy': 'fail' })
    expect(result.outputs).toMatchObject({ verdict: 'inconclusive', 'rolled-back': 'false' })
    expect(result.exitCode).toBe(1)
    expect(rollbacks()).toBe(0)
    expect(service!.version).toBe('v2')
  })

  it('rolls back a slow-but-200 deploy over the latency ceiling', async () => {
    await deployV2({ kind: 'slow', delayMs: 280 })
    withHistory()
    const result = await guard({ 'probe-timeout': '1s' })
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    expect(result.summary).toMatch(/latency \d+ms over the 250ms ceiling/)
    expect(rollbacks()).toBe(1)
  })

  it('catches a deploy that is healthy for a while and then fails', async () => {
    await deployV2({ kind: 'healthy-for', requests: 4, then: { kind: 'status', status: 503 } })
    withHistory()
    const result = await guard()
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    expect(result.summary).toContain('First healthy answer')
    expect(result.summary).toContain('status 503')
    expect(rollbacks()).toBe(1)
  })

  it('passes a healthy deploy without touching it', async () => {
    await deployV2({ kind: 'healthy' })
    const ids = withHistory()
    const result = await guard({ 'probe-window': '600ms' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ verdict: 'healthy', 'rolled-back': 'false' })
    expect(deployments.statesOf(ids.bad).slice(2)).toEqual(['in_progress', 'success'])
    expect(rollbacks()).toBe(0)
    expect(deployments.commitComments).toHaveLength(0)
    expect(result.summary).toContain('Deploy guard of `production`: healthy')
  })

  it('never rolls back the first deployment of an environment', async () => {
    await deployV2({ kind: 'status', status: 500 })
    const only = deployments.add(badSha, 'production', ['success'])
    const result = await guard()
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'false' })
    expect(result.stdout).toContain('first deployment of production')
    expect(rollbacks()).toBe(0)
    expect(deployments.refs.size).toBe(0)
    expect(deployments.statesOf(only.id).at(-1)).toBe('failure')
  })

  it('rolls back exactly once when two guard runs race', async () => {
    await deployV2({ kind: 'status', status: 500 })
    const ids = withHistory()
    const [first, second] = await Promise.all([guard(), guard()])
    expect(rollbacks()).toBe(1)
    expect([first.outputs['rolled-back'], second.outputs['rolled-back']].sort()).toEqual(['false', 'true'])
    const loser = first.outputs['rolled-back'] === 'false' ? first : second
    expect(loser.stdout).toMatch(/already rolled back/)
    expect(loser.exitCode).toBe(1)
    expect(deployments.deployments.filter(d => d.id > ids.bad)).toHaveLength(1)
    // The winner reports; the loser leaves the sticky comment to it.
    expect(deployments.commitComments.filter(c => c.commit_sha === badSha)).toHaveLength(1)
  })

  it('does not roll back again on a re-run', async () => {
    await deployV2({ kind: 'status', status: 500 })
    withHistory()
    await guard()
    service!.deploy('v2')
    const rerun = await guard()
    expect(rollbacks()).toBe(1)
    expect(rerun.outputs['rolled-back']).toBe('false')
    expect(deployments.commitComments.filter(c => c.commit_sha === badSha)).toHaveLength(1)
  })

  it('escalates an unhealthy rollback with one issue, however often it runs', async () => {
    await deployV2({ kind: 'status', status: 500 })
    withHistory()
    // A rollback command that "succeeds" but leaves the bad version in place.
    const broken = { 'rollback-command': `node ${SWITCH} ${service!.url} v2 ${ledger}` }
    const result = await guard(broken)
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    expect(github.store.issues).toHaveLength(1)
    expect(github.store.issues[0]!.title).toContain('production is unhealthy after a failed rollback')
    expect(github.store.issues[0]!.body).toContain('still unhealthy')
    const rollback = deployments.deployments.at(-1)!
    expect(deployments.statesOf(rollback.id)).toEqual(['in_progress', 'failure'])

    // Another bad deployment of the environment: the open issue gets a comment, not a twin.
    repo.write('src/orders.js', 'export const x = 1\n')
    const next = repo.commit('orders: another try')
    deployments.add(next, 'production', ['success'])
    await runAction({
      cwd: repo.dir,
      apiUrl: github.url,
      sha: next,
      eventName: 'push',
      eventPayload: { repository: { full_name: 'octo-org/shop' } },
      repository: 'octo-org/shop',
      inputs: { ...FAST, 'health-url': `${service!.url}/healthz`, 'llm-base-url': llm.url, 'llm-model': 'gpt-4.1-mini', ...broken }
    })
    expect(github.store.issues).toHaveLength(1)
    expect(github.store.commentsOn(github.store.issues[0]!.number)).toHaveLength(1)
  })

  it('redeploys the last good commit through the Deployments API and the deploy workflow', async () => {
    await deployV2({ kind: 'status', status: 500 })
    const ids = withHistory()
    // What the dispatched deploy workflow would do: deploy the good version again.
    github.on('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', ({ body, params }) => {
      deployments.dispatches.push({ workflow: decodeURIComponent(params.workflow_id!), ref: body.ref })
      service!.deploy('v1')
      return { status: 204 }
    })
    const result = await guard({ 'rollback-command': '', 'rollback-strategy': 'redeploy', 'deploy-workflow': 'deploy.yml' })
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    const branch = `ci-medic/rollback-${ids.bad}`
    expect(deployments.refs.get(`refs/heads/${branch}`)).toBe(goodSha)
    expect(deployments.dispatches).toEqual([{ workflow: 'deploy.yml', ref: branch }])
    const rollback = deployments.deployments.find(d => d.id > ids.bad)!
    expect(rollback).toMatchObject({ sha: goodSha, environment: 'production', payload: { ci_medic: { rollback_of: ids.bad, restores: ids.good } } })
    expect(deployments.statesOf(rollback.id)).toEqual(['in_progress', 'success'])
    expect(result.summary).toContain(`dispatched deploy.yml at ${branch}`)
  })

  it('opens a revert pull request of the commits since the last good deployment', async () => {
    await deployV2({ kind: 'status', status: 500 })
    const remote = createBareRemote()
    try {
      repo.addRemote('origin', remote.url)
      repo.push({ refspec: 'HEAD:refs/heads/main' })
      const ids = withHistory()
      const result = await guard({ 'rollback-command': '', 'rollback-strategy': 'revert-pr' })
      expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'false' })
      const pr = github.store.issues.find(i => i.pull_request)
      expect(pr?.pull_request).toEqual({ head: `ci-medic/revert-${ids.bad}`, base: 'main', draft: false })
      expect(pr?.title).toBe(`Revert deployment ${ids.bad} (${badSha.slice(0, 7)}) to ${goodSha.slice(0, 7)}`)
      // The pushed branch holds the files of the last good commit, on top of the bad one.
      const head = remote.revParse(`refs/heads/ci-medic/revert-${ids.bad}`)
      expect(remote.git('rev-parse', `${head}^`)).toBe(badSha)
      expect(remote.git('diff', '--stat', goodSha, head)).toBe('')
      // The checkout the workflow uses is untouched.
      expect(repo.git('status', '--porcelain')).toBe('')
      expect(repo.git('rev-parse', 'HEAD')).toBe(badSha)
      expect(result.summary).toContain('opened revert pull request #')
    } finally {
      remote.cleanup()
    }
  })

  it('reads named probes from the config file: a JSON condition and a command probe', async () => {
    await deployV2({ kind: 'status', status: 200 })
    repo.write(
      '.github/ci-medic.yml',
      [
        'probes:',
        '  - name: api',
        `    url: ${service!.url}/api/orders`,
        '    headers: { Authorization: "Bearer ${SERVICE_TOKEN}" }',
        '    json-path: status',
        '    json-equals: ok',
        '  - name: smoke',
        `    command: node -e "process.exit(0)"`,
        'guard:',
        '  log-lines: 5',
        ''
      ].join('\n')
    )
    repo.commit('guard config')
    withHistory()
    const result = await guard({ 'health-url': '' })
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    expect(result.summary).toContain('probe `api`')
    expect(result.summary).toContain('status is error, expected ok')
    expect(result.summary).toMatch(/\| smoke \| `\$ node -e "process.exit\(0\)"` \| \d+ \| 0 \|/)
    expect(result.masks).toContain('svc-secret-token-123456')
    const logLines = result.stdout.split('\n').filter(line => !line.startsWith('::add-mask::'))
    expect(logLines.join('\n')).not.toContain('svc-secret-token-123456')
  })

  it('catches a slow-but-200 deploy against the previous version as a baseline', async () => {
    await deployV2({ kind: 'slow', delayMs: 150 })
    const previous = await startService({ v1: { kind: 'healthy' } })
    try {
      withHistory()
      const result = await guard({ 'latency-ceiling': '0', 'baseline-url': previous.url, 'probe-timeout': '1s', 'probe-interval': '200ms', 'probe-window': '4s', 'ratio-window': '2s' })
      expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
      expect(result.summary).toMatch(/median latency \d+ms against \d+ms on the previous version/)
      expect(previous.hits.get('v1')).toBeGreaterThanOrEqual(8)
    } finally {
      await previous.close()
    }
  })

  it('guards the deployment a deployment_status event is about', async () => {
    await deployV2({ kind: 'status', status: 500 })
    const ids = withHistory()
    const payload = deploymentStatusEvent({
      sha: badSha,
      environment: 'production',
      environmentUrl: `${service!.url}/healthz`,
      repository: 'octo-org/shop'
    })
    ;(payload.deployment as { id: number }).id = ids.bad
    const result = await guard({ 'health-url': '', environment: '' }, { eventName: 'deployment_status', eventPayload: payload })
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    expect(deployments.statesOf(ids.bad)).toContain('failure')
    expect(rollbacks()).toBe(1)
  })

  it('reports a bad probe list with the key and a valid example, and does nothing', async () => {
    await deployV2({ kind: 'healthy' })
    repo.write('.github/ci-medic.yml', 'probes:\n  - name: api\n    url: not-a-url\n    expect-status: [200, "abc"]\n')
    repo.commit('config')
    const result = await guard()
    expect(result.exitCode).toBe(1)
    const message = result.annotations.map(a => a.message).join('\n')
    expect(message).toContain('probes[0].url must be an absolute http(s) URL')
    expect(message).toContain('Example: url: https://example.com/healthz')
    expect(message).toContain('probes[0].expect-status')
    expect(deployments.statuses).toHaveLength(0)
  })
})
