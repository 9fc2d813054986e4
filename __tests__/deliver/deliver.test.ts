import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { RunEvent } from '../../src/ports/event.js'
import { Git } from '../../src/ports/git.js'
import { createGitHubClient } from '../../src/ports/github.js'
import { streamLogger } from '../../src/ports/log.js'
import { AuditLog } from '../../src/report/audit.js'
import { deliverChange, deliveryMarker, type DeliverOptions } from '../../src/deliver/index.js'
import { startFakeGitHub, preloadGitHubSpec, type FakeGitHub } from '../support/fake-github.js'
import {
  cleanupAll,
  cloneShallow,
  createRepoWithRemote,
  type BareRemote,
  type TestRepo
} from '../support/git-repo.js'
import { pullRequestEvent, pushEvent } from '../support/payloads.js'

const OWNER = 'octo-org'
const REPO = 'ci-medic-fixture'
const PR_NUMBER = 7

const MATH_BASE = [
  '// Small arithmetic helpers.',
  '',
  'export function sum(a: number, b: number): number {',
  '  return a + b',
  '}',
  '',
  'export function mean(values: number[]): number {',
  '  if (values.length === 0) return 0',
  '  return values.reduce(sum, 0) / values.length',
  '}',
  '',
  'export function range(n: number): number[] {',
  '  const out: number[] = []',
  '  for (let i = 0; i < n; i++) out.push(i)',
  '  return out',
  '}',
  ''
].join('\n')

/** The PR's change: a bug in `range` (off by one). */
const MATH_PR = MATH_BASE.replace('for (let i = 0; i < n; i++)', 'for (let i = 0; i <= n; i++)')
/** The fix, plus an unrelated tidy-up of the header comment that lies outside the PR's diff. */
const MATH_FIXED = MATH_BASE.replace('// Small arithmetic helpers.', '// Small arithmetic helpers (pure).')

interface Scenario {
  repo: TestRepo
  remote: BareRemote
  baseSha: string
  headSha: string
  patch: string
  git: Git
}

/** main with math.ts; a `feature` branch whose commit introduces the bug; the fix as an uncommitted patch. */
function scenario(fixed = MATH_FIXED): Scenario {
  const { repo, remote } = createRepoWithRemote({
    files: { 'src/math.ts': MATH_BASE, 'README.md': '# fixture\n' }
  })
  const baseSha = repo.head()
  repo.checkout('feature', { create: true })
  const headSha = repo.commit('range: include n', { 'src/math.ts': MATH_PR })
  repo.push({ refspec: 'feature:refs/heads/feature' })
  repo.write('src/math.ts', fixed)
  const patch = repo.git('diff', 'HEAD', '--', 'src/math.ts') + '\n'
  return { repo, remote, baseSha, headSha, patch, git: new Git(repo.dir) }
}

function prEvent(s: Scenario, extra: { fork?: boolean } = {}): RunEvent {
  const payload = pullRequestEvent({
    number: PR_NUMBER,
    base: { sha: s.baseSha, ref: 'main' },
    head: { sha: s.headSha, ref: 'feature' },
    repository: `${OWNER}/${REPO}`,
    fork: extra.fork
  })
  payload.repository.default_branch = 'main'
  return {
    name: 'pull_request',
    payload,
    repository: { owner: OWNER, repo: REPO },
    sha: s.headSha,
    actor: 'octocat',
    apiUrl: 'unused',
    serverUrl: 'https://github.com'
  }
}

/** Answers the read routes delivery uses from the store and from the real repository. */
function installRoutes(fake: FakeGitHub, s: Scenario): void {
  fake.store.install()
  fake.on('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', ({ params }) => ({
    body: fake.store.reviews
      .filter(r => r.pull_number === Number(params.pull_number))
      .map(r => ({
        id: r.id,
        node_id: `PRR_${r.id}`,
        user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
        body: r.body ?? '',
        state: 'COMMENTED',
        html_url: `https://github.com/${OWNER}/${REPO}/pull/${r.pull_number}#pullrequestreview-${r.id}`,
        commit_id: r.commit_id ?? null
      }))
  }))
  fake.on('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', () => {
    const names = s.repo.git('diff', '--name-only', s.baseSha, s.headSha).split('\n').filter(Boolean)
    return {
      body: names.map(filename => ({
        filename,
        status: 'modified',
        // GitHub's `patch` is the diff's hunks without file headers.
        patch: s.repo
          .git('diff', s.baseSha, s.headSha, '--', filename)
          .split('\n')
          .filter((line, i, all) => i >= all.findIndex(l => l.startsWith('@@')))
          .join('\n')
      }))
    }
  })
  fake.on('GET /repos/{owner}/{repo}/pulls', ({ query }) => ({
    body: fake.store.issues
      .filter(issue => issue.pull_request && `${OWNER}:${issue.pull_request.head}` === query.head)
      .map(issue => ({
        number: issue.number,
        body: issue.body,
        html_url: `https://github.com/${OWNER}/${REPO}/pull/${issue.number}`,
        head: { ref: issue.pull_request!.head },
        base: { ref: issue.pull_request!.base }
      }))
  }))
}

let fake: FakeGitHub
const log = streamLogger(() => undefined)

function options(s: Scenario, overrides: Partial<DeliverOptions> = {}): DeliverOptions {
  return {
    autonomy: 'suggest',
    kind: 'fix',
    repoDir: s.repo.dir,
    git: s.git,
    github: createGitHubClient({ token: 'ghs_fake', baseUrl: fake.url, log, maxRetries: 0 }),
    event: prEvent(s),
    headSha: s.headSha,
    patch: s.patch,
    files: [{ path: 'src/math.ts', content: s.repo.read('src/math.ts') }],
    title: 'Fix off-by-one in range()',
    body: 'Root cause: `range(n)` looped while `i <= n`, returning n + 1 items.',
    log,
    audit: new AuditLog(),
    ...overrides
  }
}

beforeAll(() => preloadGitHubSpec())
afterEach(async () => {
  await fake?.close()
})
afterAll(cleanupAll)

const WRITE_ROUTES = ['pulls/create-review', 'pulls/create', 'issues/create-comment', 'issues/update-comment']

function writes(): number {
  return WRITE_ROUTES.reduce((sum, route) => sum + fake.requestsTo(route).length, 0)
}

describe('deliverChange: suggest', () => {
  it('posts one COMMENT review with suggestions on PR-diff lines and the full patch in the body, once per head SHA', async () => {
    const s = scenario()
    fake = await startFakeGitHub()
    installRoutes(fake, s)
    const before = s.repo.git('status', '--porcelain')

    const result = await deliverChange(options(s))
    expect(result).toMatchObject({ mode: 'suggest', requested: 'suggest' })
    expect(result.skippedReason).toBeUndefined()
    const [review] = fake.requestsTo('pulls/create-review')
    expect(fake.requestsTo('pulls/create-review')).toHaveLength(1)
    expect(review!.body).toMatchObject({ event: 'COMMENT', commit_id: s.headSha })
    const body = review!.body.body as string
    expect(body).toContain(deliveryMarker('fix', s.headSha))
    expect(body).toContain('```diff')
    expect(body).toContain('-  for (let i = 0; i <= n; i++) out.push(i)')
    expect(body).toMatch(/`src\/math.ts`: lines 1-1 are outside the pull request's diff/)
    expect(review!.body.comments).toEqual([
      {
        path: 'src/math.ts',
        line: 14,
        side: 'RIGHT',
        body: expect.stringContaining('```suggestion\n  for (let i = 0; i < n; i++) out.push(i)\n```')
      }
    ])
    expect(s.repo.git('status', '--porcelain')).toBe(before)

    const again = await deliverChange(options(s))
    expect(again).toMatchObject({ mode: 'suggest', duplicate: true })
    expect(again.url).toMatch(/pullrequestreview-/)
    expect(fake.requestsTo('pulls/create-review')).toHaveLength(1)
  })

  it('posts generated tests as one sticky PR comment, not twice for the same head SHA', async () => {
    const s = scenario()
    fake = await startFakeGitHub()
    installRoutes(fake, s)
    const testFile = {
      path: 'src/math.test.ts',
      content: "import { range } from './math'\ntest('range', () => expect(range(2)).toEqual([0, 1]))\n"
    }
    const first = await deliverChange(
      options(s, { kind: 'tests', files: [testFile], patch: '', title: 'Tests for range()' })
    )
    expect(first.mode).toBe('suggest')
    const comments = fake.store.commentsOn(PR_NUMBER)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toContain('src/math.test.ts')
    expect(comments[0]!.body).toContain('expect(range(2)).toEqual([0, 1])')
    expect(comments[0]!.body.endsWith(deliveryMarker('tests', s.headSha))).toBe(true)
    const second = await deliverChange(
      options(s, { kind: 'tests', files: [testFile], patch: '', title: 'Tests for range()' })
    )
    expect(second.duplicate).toBe(true)
    expect(fake.store.commentsOn(PR_NUMBER)).toHaveLength(1)
  })
})

describe('deliverChange: pr', () => {
  it('pushes ci-medic/fix/<sha> with a CI Medic commit on the head and opens a PR into the failing branch, once', async () => {
    const s = scenario()
    fake = await startFakeGitHub()
    installRoutes(fake, s)
    const result = await deliverChange(options(s, { autonomy: 'pr' }))
    expect(result).toMatchObject({ mode: 'pr' })
    const branch = `ci-medic/fix/${s.headSha.slice(0, 7)}`
    const pushed = s.remote.revParse(`refs/heads/${branch}`)
    expect(s.remote.git('rev-parse', `${pushed}^`)).toBe(s.headSha)
    expect(s.remote.git('log', '-1', '--format=%an <%ae>', pushed)).toBe(
      'ci-medic[bot] <ci-medic[bot]@users.noreply.github.com>'
    )
    expect(s.remote.git('log', '-1', '--format=%B', pushed)).toContain('CI-Medic: true')
    expect(s.remote.git('show', `${pushed}:src/math.ts`)).toBe(MATH_FIXED.trimEnd())
    expect(s.remote.revParse('refs/heads/feature')).toBe(s.headSha)
    const [create] = fake.requestsTo('pulls/create')
    expect(create!.body).toMatchObject({ head: branch, base: 'feature', title: 'Fix off-by-one in range()' })
    expect(create!.body.body).toContain(deliveryMarker('fix', s.headSha))
    expect(s.repo.git('status', '--porcelain')).toBe(' M src/math.ts')

    const again = await deliverChange(options(s, { autonomy: 'pr' }))
    expect(again).toMatchObject({ mode: 'pr', duplicate: true })
    expect(fake.requestsTo('pulls/create')).toHaveLength(1)
  })
})

describe('deliverChange: tests as a pull request', () => {
  it('pushes ci-medic/tests/<sha> with the new test file and opens a PR', async () => {
    const s = scenario()
    fake = await startFakeGitHub()
    installRoutes(fake, s)
    const content =
      "import { range } from './math'\ntest('range(2)', () => expect(range(2)).toEqual([0, 1]))\n"
    const patch = [
      'diff --git a/src/math.test.ts b/src/math.test.ts',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/src/math.test.ts',
      '@@ -0,0 +1,2 @@',
      ...content
        .trimEnd()
        .split('\n')
        .map(line => `+${line}`),
      ''
    ].join('\n')
    const result = await deliverChange(
      options(s, {
        autonomy: 'pr',
        kind: 'tests',
        patch,
        files: [{ path: 'src/math.test.ts', content }],
        title: 'Tests for range()'
      })
    )
    expect(result.mode).toBe('pr')
    const branch = `ci-medic/tests/${s.headSha.slice(0, 7)}`
    expect(s.remote.git('show', `refs/heads/${branch}:src/math.test.ts`)).toBe(content.trimEnd())
    expect(s.remote.git('log', '-1', '--format=%B', `refs/heads/${branch}`)).toContain('CI-Medic-Kind: tests')
    expect(fake.requestsTo('pulls/create')[0]!.body.body).toContain(deliveryMarker('tests', s.headSha))
  })

  it('reports only for suggest on a push, which has no pull request to review', async () => {
    const s = scenario()
    fake = await startFakeGitHub()
    installRoutes(fake, s)
    const payload = pushEvent({
      before: s.baseSha,
      after: s.headSha,
      ref: 'refs/heads/feature',
      repository: `${OWNER}/${REPO}`
    })
    const result = await deliverChange(
      options(s, { autonomy: 'suggest', event: { ...prEvent(s), name: 'push', payload } })
    )
    expect(result).toMatchObject({
      mode: 'report',
      skippedReason: 'autonomy suggest needs a pull request; this run has none'
    })
    expect(writes()).toBe(0)
  })
})

describe('deliverChange: commit', () => {
  it('pushes one commit to the same-repository branch without force', async () => {
    const s = scenario()
    fake = await startFakeGitHub()
    installRoutes(fake, s)
    const result = await deliverChange(options(s, { autonomy: 'commit' }))
    expect(result.mode).toBe('commit')
    const tip = s.remote.revParse('refs/heads/feature')
    expect(result.url).toBe(`https://github.com/${OWNER}/${REPO}/commit/${tip}`)
    expect(s.remote.git('rev-parse', `${tip}^`)).toBe(s.headSha)
    expect(s.remote.git('log', '-1', '--format=%B', tip)).toMatch(
      /CI-Medic: true\nCI-Medic-Kind: fix\nCI-Medic-Head: [0-9a-f]{40}/
    )

    const rerun = await deliverChange(options(s, { autonomy: 'commit' }))
    expect(rerun).toMatchObject({ mode: 'commit', duplicate: true, url: result.url })
    expect(s.remote.revParse('refs/heads/feature')).toBe(tip)
  })

  it('builds on the PR head from a shallow checkout of the merge commit, as actions/checkout leaves it', async () => {
    const s = scenario()
    fake = await startFakeGitHub()
    installRoutes(fake, s)
    // GitHub's test merge of the PR into main, checked out at depth 1: the head commit is not present.
    s.repo.git('stash', '--quiet')
    s.repo.checkout('merge', { create: true, startPoint: 'main' })
    s.repo.merge('feature', { message: 'Merge feature into main' })
    s.repo.push({ refspec: 'merge:refs/pull/7/merge' })
    const checkout = cloneShallow(s.remote, { ref: 'refs/pull/7/merge' })
    expect(checkout.hasCommit(s.headSha)).toBe(false)
    checkout.write('src/math.ts', MATH_FIXED)
    const patch = checkout.git('diff', 'HEAD', '--', 'src/math.ts') + '\n'

    const result = await deliverChange(
      options(s, { autonomy: 'commit', git: new Git(checkout.dir), repoDir: checkout.dir, patch })
    )
    expect(result.mode).toBe('commit')
    const tip = s.remote.revParse('refs/heads/feature')
    expect(s.remote.git('rev-parse', `${tip}^`)).toBe(s.headSha)
    expect(s.remote.git('show', `${tip}:src/math.ts`)).toBe(MATH_FIXED.trimEnd())
    expect(checkout.git('status', '--porcelain')).toBe(' M src/math.ts')
  })

  it('reports only when the branch moved on (a plain push is rejected; it never forces)', async () => {
    const s = scenario()
    fake = await startFakeGitHub()
    installRoutes(fake, s)
    const other = createRepoWithRemote({ files: { 'x.txt': 'x' } }).repo
    other.addRemote('upstream', s.remote.url)
    other.fetch('upstream', 'feature')
    other.checkout('moved', { create: true, startPoint: 'upstream/feature' })
    const moved = other.commit('someone else pushed', { 'README.md': '# moved on\n' })
    other.push({ remote: 'upstream', refspec: 'moved:refs/heads/feature' })

    const result = await deliverChange(options(s, { autonomy: 'commit' }))
    expect(result.mode).toBe('report')
    expect(result.skippedReason).toMatch(/has moved on .* never force-pushes/)
    expect(s.remote.revParse('refs/heads/feature')).toBe(moved)
  })

  it('refuses the default branch', async () => {
    const s = scenario()
    fake = await startFakeGitHub()
    installRoutes(fake, s)
    const payload = pushEvent({
      before: s.baseSha,
      after: s.headSha,
      ref: 'refs/heads/main',
      repository: `${OWNER}/${REPO}`
    })
    const event: RunEvent = { ...prEvent(s), name: 'push', payload }
    const result = await deliverChange(options(s, { autonomy: 'commit', event }))
    expect(result.mode).toBe('report')
    expect(result.skippedReason).toMatch(/main is the default branch/)
    expect(s.remote.revParse('refs/heads/main')).toBe(s.baseSha)
  })
})

describe('deliverChange: guards', () => {
  it('gives a fork pull request a report only, without writing anything', async () => {
    const s = scenario()
    fake = await startFakeGitHub()
    installRoutes(fake, s)
    for (const autonomy of ['suggest', 'pr', 'commit'] as const) {
      const result = await deliverChange(options(s, { autonomy, event: prEvent(s, { fork: true }) }))
      expect(result).toMatchObject({ mode: 'report', requested: autonomy })
      expect(result.skippedReason).toMatch(/fork/)
      expect(result.markdown).toContain('```diff')
    }
    expect(writes()).toBe(0)
    expect(s.remote.git('for-each-ref', '--format=%(refname)')).not.toContain('ci-medic/')
  })

  it('gives an actor with read access a report only', async () => {
    const s = scenario()
    fake = await startFakeGitHub()
    installRoutes(fake, s)
    fake.store.permission = 'read'
    const result = await deliverChange(options(s, { autonomy: 'pr' }))
    expect(result.mode).toBe('report')
    expect(result.skippedReason).toMatch(/octocat has read access/)
    expect(
      fake.requestsTo('GET /repos/{owner}/{repo}/collaborators/{username}/permission')[0]!.params
    ).toMatchObject({
      username: 'octocat'
    })
    expect(writes()).toBe(0)
  })

  it('refuses a patch that touches a workflow file', async () => {
    const s = scenario()
    fake = await startFakeGitHub()
    installRoutes(fake, s)
    const patch = [
      'diff --git a/.github/workflows/ci.yml b/.github/workflows/ci.yml',
      '--- a/.github/workflows/ci.yml',
      '+++ b/.github/workflows/ci.yml',
      '@@ -1 +1 @@',
      '-permissions: read-all',
      '+permissions: write-all',
      ''
    ].join('\n')
    const result = await deliverChange(options(s, { autonomy: 'commit', patch: s.patch + patch }))
    expect(result.mode).toBe('report')
    expect(result.skippedReason).toMatch(/never edits \.github\/workflows/)
    expect(fake.requests).toHaveLength(0)
  })

  it('never delivers on a commit CI Medic made', async () => {
    const s = scenario()
    fake = await startFakeGitHub()
    installRoutes(fake, s)
    s.repo.git('stash', '--quiet')
    const own = s.repo.commit('CI Medic fix\n\nCI-Medic: true', { 'README.md': '# again\n' })
    s.repo.git('stash', 'pop', '--quiet')
    const result = await deliverChange(options(s, { autonomy: 'pr', headSha: own }))
    expect(result.mode).toBe('report')
    expect(result.skippedReason).toMatch(/was made by CI Medic/)
    expect(writes()).toBe(0)
  })

  it('writes nothing in shadow mode and puts the patch in the summary', async () => {
    const s = scenario()
    fake = await startFakeGitHub()
    const audit = new AuditLog()
    const result = await deliverChange(options(s, { autonomy: 'shadow', audit }))
    expect(result.mode).toBe('shadow')
    expect(result.markdown).toContain('Shadow mode')
    expect(result.markdown).toContain('+  for (let i = 0; i < n; i++) out.push(i)')
    expect(fake.requests).toHaveLength(0)
    expect(audit.entries()).toEqual([
      expect.objectContaining({ type: 'deliver', mode: 'shadow', patch: s.patch })
    ])
  })
})
