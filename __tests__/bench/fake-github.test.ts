import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { createGitHubClient } from '../../src/ports/github.js'
import {
  findOperation,
  startFakeGitHub,
  withNullableWithoutType,
  type FakeGitHub
} from '../support/fake-github.js'
import Ajv from 'ajv'

const silentLog = {
  info: () => {},
  warning: () => {},
  error: () => {},
  debug: () => {},
  group: <T>(_name: string, fn: () => Promise<T>) => fn(),
  mask: () => {}
}

let fake: FakeGitHub

beforeEach(async () => {
  fake = await startFakeGitHub()
})

afterEach(async () => {
  await fake.close({ allowViolations: true })
})

describe('the fake GitHub REST API', () => {
  it('answers a valid Octokit call from @actions/github with the registered handler', async () => {
    fake.on('POST /repos/{owner}/{repo}/pulls', request => ({
      status: 201,
      body: { number: 42, title: request.body.title, head: { ref: request.body.head } }
    }))
    const octokit = getOctokit('test-token', { baseUrl: fake.url })
    const { data, status } = await octokit.rest.pulls.create({
      owner: 'acme',
      repo: 'widgets',
      title: 'Fix the flaky test',
      head: 'ci-medic/fix-1',
      base: 'main',
      body: 'Validated patch',
      draft: true
    })
    expect(status).toBe(201)
    expect(data.number).toBe(42)
    expect(fake.requests).toHaveLength(1)
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/repos/acme/widgets/pulls',
      route: 'POST /repos/{owner}/{repo}/pulls',
      operationId: 'pulls/create',
      params: { owner: 'acme', repo: 'widgets' },
      body: { title: 'Fix the flaky test', head: 'ci-medic/fix-1', base: 'main', draft: true },
      status: 201
    })
    expect(fake.requests[0]!.headers.authorization).toBe('token test-token')
    expect(fake.violations).toEqual([])
    await expect(fake.close()).resolves.toBeUndefined()
  })

  it('flags a body that breaks the operation schema, answers 422 and fails close()', async () => {
    fake.on('POST /repos/{owner}/{repo}/pulls', { status: 201, body: {} })
    const octokit = getOctokit('t', { baseUrl: fake.url })
    // `head` must be a string and `base` is required.
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/pulls', {
        owner: 'a',
        repo: 'b',
        title: 'x',
        head: 7
      } as any)
    ).rejects.toMatchObject({ status: 422 })
    expect(fake.violations).toHaveLength(1)
    expect(fake.violations[0]).toMatchObject({ kind: 'invalid-body', operationId: 'pulls/create' })
    expect(fake.violations[0]!.message).toMatch(/must have required property 'base'/)
    expect(fake.violations[0]!.message).toMatch(/body\/head must be string/)
    await expect(fake.close()).rejects.toThrow(
      /invalid request\(s\):\n- \[invalid-body\] POST \/repos\/a\/b\/pulls/
    )
  })

  it('flags a body field the operation does not have (GitHub would ignore it silently)', async () => {
    fake.on('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { status: 201, body: { id: 1 } })
    const octokit = getOctokit('t', { baseUrl: fake.url })
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: 'a',
        repo: 'b',
        issue_number: 3,
        body: 'hello',
        bodyy: 'typo'
      } as any)
    ).rejects.toMatchObject({ status: 422 })
    expect(fake.violations[0]!.message).toMatch(
      /body field "bodyy" is not a parameter of issues\/create-comment/
    )
  })

  it('flags an unknown route with 404', async () => {
    const octokit = getOctokit('t', { baseUrl: fake.url })
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/no-such-thing', { owner: 'a', repo: 'b' })
    ).rejects.toMatchObject({
      status: 404
    })
    expect(fake.violations).toEqual([
      expect.objectContaining({ kind: 'unknown-route', method: 'GET', path: '/repos/a/b/no-such-thing' })
    ])
    // A method the path does not support is unknown too.
    const response = await fetch(`${fake.url}/repos/a/b/pulls`, { method: 'DELETE' })
    expect(response.status).toBe(404)
    expect(fake.violations).toHaveLength(2)
  })

  it('validates path and query parameters against their schemas', async () => {
    fake.on('GET /repos/{owner}/{repo}/pulls/{pull_number}', { body: { number: 1 } })
    fake.on('GET /repos/{owner}/{repo}/pulls', { body: [] })
    expect((await fetch(`${fake.url}/repos/a/b/pulls/12`)).status).toBe(200)
    // pull_number is an integer: "abc" is a path that no operation can have
    expect((await fetch(`${fake.url}/repos/a/b/pulls/abc`)).status).toBe(422)
    expect((await fetch(`${fake.url}/repos/a/b/pulls?state=open&per_page=100`)).status).toBe(200)
    expect((await fetch(`${fake.url}/repos/a/b/pulls?state=merged`)).status).toBe(422)
    expect((await fetch(`${fake.url}/repos/a/b/pulls?colour=red`)).status).toBe(422)
    expect(fake.violations.map(v => v.kind)).toEqual(['invalid-path-param', 'invalid-query', 'invalid-query'])
    expect(fake.violations[1]!.message).toMatch(
      /query parameter state must be equal to one of the allowed values \(open, closed, all\)/
    )
    expect(fake.violations[2]!.message).toMatch(/colour is not a parameter of pulls\/list/)
  })

  it('prefers literal path segments over parameters, and lets a trailing parameter span slashes', async () => {
    fake.on('GET /repos/{owner}/{repo}/pulls/comments', { body: [] })
    fake.on('GET /repos/{owner}/{repo}/contents/{path}', ({ params }) => ({ body: { path: params.path } }))
    const octokit = getOctokit('t', { baseUrl: fake.url })
    await octokit.rest.pulls.listReviewCommentsForRepo({ owner: 'a', repo: 'b' })
    const { data } = await octokit.rest.repos.getContent({ owner: 'a', repo: 'b', path: 'src/deep/file.ts' })
    expect(data).toEqual({ path: 'src/deep/file.ts' })
    expect(fake.requests.map(r => r.operationId)).toEqual([
      'pulls/list-review-comments-for-repo',
      'repos/get-content'
    ])
    expect(fake.violations).toEqual([])
  })

  it('records a request no handler answered as a violation', async () => {
    const octokit = getOctokit('t', { baseUrl: fake.url })
    await expect(octokit.rest.issues.get({ owner: 'a', repo: 'b', issue_number: 1 })).rejects.toMatchObject({
      status: 404
    })
    expect(fake.violations[0]).toMatchObject({ kind: 'unhandled', operationId: 'issues/get' })
  })

  it('refuses to register a handler for a route GitHub does not have', () => {
    expect(() => fake.on('POST /repos/{owner}/{repo}/pullz', { status: 201 })).toThrow(
      /not an operation of GitHub's REST API/
    )
    expect(findOperation('pulls/create')?.template).toBe('/repos/{owner}/{repo}/pulls')
    expect(() => fake.on('issues/create-comment', { status: 201, body: {} })).not.toThrow()
  })

  it('serves once-handlers first, then the standing handler, and works with the retrying client', async () => {
    fake.once('GET /repos/{owner}/{repo}', { status: 502, body: { message: 'bad gateway' } })
    fake.on('GET /repos/{owner}/{repo}', { body: { full_name: 'a/b', default_branch: 'main' } })
    const client = createGitHubClient({ token: 't', baseUrl: fake.url, log: silentLog, maxRetries: 1 })
    const { data } = await client.rest.repos.get({ owner: 'a', repo: 'b' })
    expect(data.default_branch).toBe('main')
    expect(fake.requestsTo('repos/get').map(r => r.status)).toEqual([502, 200])
  })

  it('keeps issues and comments in a store that paginates like GitHub', async () => {
    fake.store.install()
    fake.store.addIssue({ number: 5, title: 'PR', pull_request: { head: 'f', base: 'main', draft: false } })
    for (let i = 0; i < 3; i++) fake.store.addComment(5, `old ${i}`)
    const octokit = getOctokit('t', { baseUrl: fake.url })
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: 'a',
      repo: 'b',
      issue_number: 5,
      per_page: 2
    })
    expect(all.map(c => c.body)).toEqual(['old 0', 'old 1', 'old 2'])
    const created = await octokit.rest.issues.createComment({
      owner: 'a',
      repo: 'b',
      issue_number: 5,
      body: '<!-- marker --> hi'
    })
    await octokit.rest.issues.updateComment({
      owner: 'a',
      repo: 'b',
      comment_id: created.data.id,
      body: '<!-- marker --> updated'
    })
    expect(fake.store.commentsOn(5).map(c => c.body)).toEqual([
      'old 0',
      'old 1',
      'old 2',
      '<!-- marker --> updated'
    ])
    const pr = await octokit.rest.pulls.create({
      owner: 'a',
      repo: 'b',
      title: 'Fix',
      head: 'fix',
      base: 'main'
    })
    expect(pr.data.number).toBe(6)
    expect(fake.violations).toEqual([])
  })
})

describe('OpenAPI nullable without type', () => {
  it('accepts null or the schema, and rejects anything else', () => {
    const schema = withNullableWithoutType({
      type: 'object',
      properties: { milestone: { oneOf: [{ type: 'string' }, { type: 'integer' }], nullable: true } }
    })
    const validate = new Ajv({ strict: false }).compile(schema)
    expect(validate({ milestone: null })).toBe(true)
    expect(validate({ milestone: 3 })).toBe(true)
    expect(validate({ milestone: { title: 'x' } })).toBe(false)
  })
})
