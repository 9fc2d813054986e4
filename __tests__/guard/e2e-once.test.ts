/** The deploy guard end to end (set-up and what it runs against: see e2e-bench.ts). */
import { describe, expect, it } from '@jest/globals'
import { createBareRemote } from '../support/git-repo.js'
import { deploymentStatusEvent, pullRequestEvent, runAction } from '../support/harness.js'
import { FAST, SERVICE_TOKEN, setupGuardBench, SWITCH } from './e2e-bench.js'

const b = setupGuardBench()

describe('guard end to end: exactly once, escalation, strategies, events', () => {
  it('rolls back exactly once when two guard runs race', async () => {
    await b.deployV2({ kind: 'status', status: 500 })
    const ids = b.withHistory()
    const [first, second] = await Promise.all([b.guard(), b.guard()])
    expect(b.rollbacks()).toBe(1)
    expect([first.outputs['rolled-back'], second.outputs['rolled-back']].sort()).toEqual(['false', 'true'])
    const loser = first.outputs['rolled-back'] === 'false' ? first : second
    expect(loser.stdout).toMatch(/already rolled back/)
    expect(loser.exitCode).toBe(1)
    expect(b.deployments.deployments.filter(d => d.id > ids.bad)).toHaveLength(1)
    // The winner reports; the loser leaves the sticky comment to it.
    expect(b.deployments.commitComments.filter(c => c.commit_sha === b.badSha)).toHaveLength(1)
  })

  it('does not roll back again on a re-run', async () => {
    await b.deployV2({ kind: 'status', status: 500 })
    b.withHistory()
    await b.guard()
    b.service!.deploy('v2')
    const rerun = await b.guard()
    expect(b.rollbacks()).toBe(1)
    expect(rerun.outputs['rolled-back']).toBe('false')
    expect(b.deployments.commitComments.filter(c => c.commit_sha === b.badSha)).toHaveLength(1)
  })

  it('escalates an unhealthy rollback with one issue, however often it runs', async () => {
    await b.deployV2({ kind: 'status', status: 500 })
    b.withHistory()
    // A rollback command that "succeeds" but leaves the bad version in place.
    const broken = { 'rollback-command': `node ${SWITCH} ${b.service!.url} v2 ${b.ledger}` }
    const result = await b.guard(broken)
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    expect(b.github.store.issues).toHaveLength(1)
    expect(b.github.store.issues[0]!.title).toContain('production is unhealthy after a failed rollback')
    expect(b.github.store.issues[0]!.body).toContain('still unhealthy')
    const rollback = b.deployments.deployments.at(-1)!
    expect(b.deployments.statesOf(rollback.id)).toEqual(['in_progress', 'failure'])

    // Another bad deployment of the environment: the open issue gets a comment, not a twin.
    b.repo.write('src/orders.js', 'export const x = 1\n')
    const next = b.repo.commit('orders: another try')
    b.deployments.add(next, 'production', ['success'])
    await runAction({
      cwd: b.repo.dir,
      apiUrl: b.github.url,
      sha: next,
      eventName: 'push',
      eventPayload: { repository: { full_name: 'octo-org/shop' } },
      repository: 'octo-org/shop',
      inputs: {
        ...FAST,
        'health-url': `${b.service!.url}/healthz`,
        'llm-base-url': b.llm.url,
        'llm-model': 'gpt-4.1-mini',
        ...broken
      }
    })
    expect(b.github.store.issues).toHaveLength(1)
    expect(b.github.store.commentsOn(b.github.store.issues[0]!.number)).toHaveLength(1)
  })

  it('redeploys the last good commit through the Deployments API and the deploy workflow', async () => {
    await b.deployV2({ kind: 'status', status: 500 })
    const ids = b.withHistory()
    // What the dispatched deploy workflow would do: deploy the good version again.
    b.github.on(
      'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
      ({ body, params }) => {
        b.deployments.dispatches.push({ workflow: decodeURIComponent(params.workflow_id!), ref: body.ref })
        b.service!.deploy('v1')
        return { status: 204 }
      }
    )
    const result = await b.guard({
      'rollback-command': '',
      'rollback-strategy': 'redeploy',
      'deploy-workflow': 'deploy.yml'
    })
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    const branch = `ci-medic/rollback-${ids.bad}`
    expect(b.deployments.refs.get(`refs/heads/${branch}`)).toBe(b.goodSha)
    expect(b.deployments.dispatches).toEqual([{ workflow: 'deploy.yml', ref: branch }])
    const rollback = b.deployments.deployments.find(d => d.id > ids.bad)!
    expect(rollback).toMatchObject({
      sha: b.goodSha,
      environment: 'production',
      payload: { ci_medic: { rollback_of: ids.bad, restores: ids.good } }
    })
    expect(b.deployments.statesOf(rollback.id)).toEqual(['in_progress', 'success'])
    expect(result.summary).toContain(`dispatched deploy.yml at ${branch}`)
  })

  it('opens a revert pull request of the commits since the last good deployment', async () => {
    await b.deployV2({ kind: 'status', status: 500 })
    const remote = createBareRemote()
    try {
      b.repo.addRemote('origin', remote.url)
      b.repo.push({ refspec: 'HEAD:refs/heads/main' })
      const ids = b.withHistory()
      const result = await b.guard({ 'rollback-command': '', 'rollback-strategy': 'revert-pr' })
      expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'false' })
      const pr = b.github.store.issues.find(i => i.pull_request)
      expect(pr?.pull_request).toEqual({ head: `ci-medic/revert-${ids.bad}`, base: 'main', draft: false })
      expect(pr?.title).toBe(
        `Revert deployment ${ids.bad} (${b.badSha.slice(0, 7)}) to ${b.goodSha.slice(0, 7)}`
      )
      // The pushed branch holds the files of the last good commit, on top of the bad one.
      const head = remote.revParse(`refs/heads/ci-medic/revert-${ids.bad}`)
      expect(remote.git('rev-parse', `${head}^`)).toBe(b.badSha)
      expect(remote.git('diff', '--stat', b.goodSha, head)).toBe('')
      // The checkout the workflow uses is untouched.
      expect(b.repo.git('status', '--porcelain')).toBe('')
      expect(b.repo.git('rev-parse', 'HEAD')).toBe(b.badSha)
      expect(result.summary).toContain('opened revert pull request #')
    } finally {
      remote.cleanup()
    }
  })

  it('reads named probes from the config file: a JSON condition and a command probe', async () => {
    await b.deployV2({ kind: 'status', status: 200 })
    b.repo.write(
      '.github/ci-medic.yml',
      [
        'probes:',
        '  - name: api',
        `    url: ${b.service!.url}/api/orders`,
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
    b.repo.commit('guard config')
    b.withHistory()
    const result = await b.guard({ 'health-url': '' })
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    expect(result.summary).toContain('probe `api`')
    expect(result.summary).toContain('status is error, expected ok')
    expect(result.summary).toMatch(/\| smoke \| `\$ node -e "process.exit\(0\)"` \| \d+ \| 0 \|/)
    expect(result.masks).toContain(SERVICE_TOKEN)
    const logLines = result.stdout.split('\n').filter(line => !line.startsWith('::add-mask::'))
    expect(logLines.join('\n')).not.toContain(SERVICE_TOKEN)
  })

  it('guards the deployment a deployment_status event is about', async () => {
    await b.deployV2({ kind: 'status', status: 500 })
    const ids = b.withHistory()
    const payload = deploymentStatusEvent({
      sha: b.badSha,
      environment: 'production',
      environmentUrl: `${b.service!.url}/healthz`,
      repository: 'octo-org/shop'
    })
    ;(payload.deployment as { id: number }).id = ids.bad
    const result = await b.guard(
      { 'health-url': '', environment: '' },
      { eventName: 'deployment_status', eventPayload: payload }
    )
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    expect(b.deployments.statesOf(ids.bad)).toContain('failure')
    expect(b.rollbacks()).toBe(1)
  })

  it('stands down on a deployment status the guard wrote itself', async () => {
    await b.deployV2({ kind: 'status', status: 500 })
    const ids = b.withHistory()
    const payload = deploymentStatusEvent({
      sha: b.badSha,
      environmentUrl: `${b.service!.url}/healthz`,
      repository: 'octo-org/shop'
    })
    ;(payload.deployment as { id: number }).id = ids.bad
    ;(payload.deployment_status as { description: string }).description = 'CI Medic: healthy after 5 minutes'
    const result = await b.guard(
      { 'health-url': '' },
      { eventName: 'deployment_status', eventPayload: payload }
    )
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ verdict: 'skipped', 'rolled-back': 'false' })
    expect(b.service!.hits.get('v2') ?? 0).toBe(0)
    expect(b.deployments.statesOf(ids.bad)).toEqual(['in_progress', 'success'])
  })

  it('keeps one sticky comment on the pull request, and gives a fork no LLM', async () => {
    await b.deployV2({ kind: 'status', status: 500 })
    b.withHistory()
    b.github.store.addIssue({
      number: 7,
      title: 'Preview',
      pull_request: { head: 'feature', base: 'main', draft: false }
    })
    b.github.store.addComment(7, 'Looks good to me')
    const stale = b.github.store.addComment(7, '<!-- ci-medic:guard environment=production -->\nold report')
    const payload = pullRequestEvent({
      number: 7,
      base: { sha: b.goodSha },
      head: { sha: b.badSha },
      repository: 'octo-org/shop',
      fork: true
    })
    const before = b.llm.completions.length
    const result = await b.guard({}, { eventName: 'pull_request', eventPayload: payload })
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    const comments = b.github.store.commentsOn(7)
    expect(comments.map(c => c.id)).toEqual([comments[0]!.id, stale.id])
    expect(comments[0]!.body).toBe('Looks good to me')
    expect(comments[1]!.body).toContain('Deploy guard of `production`: unhealthy')
    expect(comments[1]!.body).not.toContain('old report')
    expect(b.deployments.commitComments).toHaveLength(0)
    expect(b.llm.completions.length).toBe(before)
    expect(result.summary).toMatch(/No LLM summary: [^\n]*fork/i)
  })

  it('rolls back without GitHub deployments, taking the lock on the commit', async () => {
    await b.deployV2({ kind: 'status', status: 500 })
    b.deployments.knownCommits = new Set([b.goodSha, b.badSha])
    const result = await b.guard()
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    expect([...b.deployments.refs.keys()]).toEqual([`refs/ci-medic/rollback/production-${b.badSha}`])
    expect(b.rollbacks()).toBe(1)
    expect(b.deployments.statuses).toHaveLength(0)
  })

  it('does not mistake a commit GitHub lacks for a lock another run holds', async () => {
    await b.deployV2({ kind: 'status', status: 500 })
    b.deployments.knownCommits = new Set()
    const result = await b.guard()
    expect(result.outputs).toMatchObject({ verdict: 'unhealthy', 'rolled-back': 'true' })
    expect(result.stdout).toContain('Could not take the rollback lock')
    expect(b.rollbacks()).toBe(1)
  })

  it('reports a bad probe list with the key and a valid example, and does nothing', async () => {
    await b.deployV2({ kind: 'healthy' })
    b.repo.write(
      '.github/ci-medic.yml',
      'probes:\n  - name: api\n    url: not-a-url\n    expect-status: [200, "abc"]\n'
    )
    b.repo.commit('config')
    const result = await b.guard()
    expect(result.exitCode).toBe(1)
    const message = result.annotations.map(a => a.message).join('\n')
    expect(message).toContain('probes[0].url must be an absolute http(s) URL')
    expect(message).toContain('Example: url: https://example.com/healthz')
    expect(message).toContain('probes[0].expect-status')
    expect(b.deployments.statuses).toHaveLength(0)
  })
})
