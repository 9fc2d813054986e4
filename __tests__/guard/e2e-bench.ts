/**
 * Shared set-up of the guard's end-to-end tests: dist/index.js run like the Actions runner, probing a
 * real HTTP service on loopback that a "deploy" switched to version 2, rolling back with a real
 * command, against the fake GitHub API (checked against GitHub's OpenAPI description), the fake
 * OpenAI-compatible LLM and a real git repository.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRepo, type TestRepo } from '../support/git-repo.js'
import { runAction, PROJECT_ROOT, type ActionResult } from '../support/harness.js'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'
import { reply, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js'
import { FakeDeployments } from './fake-deployments.js'
import { startService, type Behaviour, type Service } from './service.js'

export const SWITCH = join(PROJECT_ROOT, '__tests__/fixtures/guard/switch.mjs')
export const ROLLED_BACK_MARKER = '[ci-medic:rolled-back]'
export const SERVICE_TOKEN = 'svc-secret-token-123456'

/** Short timings so a whole guard run takes a couple of seconds. */
export const FAST = {
  command: 'guard',
  environment: 'production',
  warmup: '200ms',
  'probe-interval': '100ms',
  'probe-window': '1200ms',
  'probe-timeout': '300ms',
  'latency-ceiling': '250ms',
  'failure-threshold': 3,
  'ratio-window': '1s',
  'verify-window': '500ms'
}

/** The model's root-cause answer: cites a real evidence item and one that does not exist. */
const ROOT_CAUSE = JSON.stringify({
  summary:
    'Commit "orders: include shipping in the total" reads order.items.total, which is undefined: the stack trace points at src/orders.js.',
  confidence: 'high',
  evidence: ['E3: TypeError at computeTotal (src/orders.js:12:20) in the logs', 'E99: made up']
})

export interface GuardBench {
  repo: TestRepo
  github: FakeGitHub
  deployments: FakeDeployments
  service?: Service
  llm: FakeOpenAI
  goodSha: string
  badSha: string
  ledger: string
  logFile: string
  deployV2(v2: Behaviour): Promise<void>
  guard(
    inputs?: Record<string, string | number>,
    extra?: { eventName?: string; eventPayload?: Record<string, unknown> }
  ): Promise<ActionResult>
  /** Rollback commands run so far. */
  rollbacks(): number
  /** A good and a bad deployment of production, both reported successful by the deploy. */
  withHistory(): { good: number; bad: number }
}

/** Registers the hooks of one test file and returns the bench they fill in. */
export function setupGuardBench(): GuardBench {
  const b = {} as GuardBench
  beforeAll(async () => {
    b.llm = await startFakeOpenAI(() => reply.text(ROOT_CAUSE))
  })
  afterAll(async () => {
    await b.llm.close()
  })
  beforeEach(async () => {
    const repo = createRepo()
    b.repo = repo
    repo.write('src/server.js', 'export function handle(req, res) {\n  return computeTotal(req)\n}\n')
    repo.write('src/orders.js', 'export function computeTotal(order) {\n  return order.total\n}\n')
    repo.write('README.md', '# shop\n')
    b.goodSha = repo.commit('v1: shop service')
    repo.write('docs/notes.md', 'notes\n')
    repo.commit('docs: notes')
    repo.write(
      'src/orders.js',
      'export function computeTotal(order) {\n  return order.items.total + order.shipping.total\n}\n'
    )
    repo.commit('orders: include shipping in the total')
    repo.write('migrations/002_orders.sql', 'ALTER TABLE orders ADD COLUMN shipping integer;\n')
    b.badSha = repo.commit('db: add shipping column')
    b.github = await startFakeGitHub()
    b.github.store.install()
    b.deployments = new FakeDeployments(b.github).install()
    b.ledger = join(repo.dir, '..', `ledger-${Date.now()}-${Math.random()}.txt`)
    b.logFile = join(repo.dir, '..', `service-${Date.now()}-${Math.random()}.log`)
  })
  afterEach(async () => {
    await b.service?.close()
    b.service = undefined
    await b.github.close()
    b.repo.cleanup()
  })
  b.deployV2 = async v2 => {
    b.service = await startService({ v1: { kind: 'healthy' }, v2 }, b.logFile)
    b.service.deploy('v2')
  }
  b.guard = (inputs = {}, extra = {}) =>
    runAction({
      cwd: b.repo.dir,
      apiUrl: b.github.url,
      sha: b.badSha,
      eventName: extra.eventName ?? 'push',
      eventPayload: extra.eventPayload ?? {
        repository: { full_name: 'octo-org/shop', default_branch: 'main' }
      },
      repository: 'octo-org/shop',
      env: { SERVICE_TOKEN },
      inputs: {
        ...FAST,
        'health-url': `${b.service!.url}/healthz`,
        'rollback-command': `node ${SWITCH} ${b.service!.url} v1 ${b.ledger}`,
        'logs-command': `tail -n 20 ${b.logFile}`,
        'llm-base-url': b.llm.url,
        'llm-model': 'gpt-4.1-mini',
        ...inputs
      },
      timeoutMs: 60_000
    })
  b.rollbacks = () =>
    existsSync(b.ledger) ? readFileSync(b.ledger, 'utf8').split('\n').filter(Boolean).length : 0
  b.withHistory = () => {
    const good = b.deployments.add(b.goodSha, 'production', ['in_progress', 'success'])
    const bad = b.deployments.add(b.badSha, 'production', ['in_progress', 'success'])
    return { good: good.id, bad: bad.id }
  }
  return b
}
