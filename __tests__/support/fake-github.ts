/**
 * A loopback fake of the GitHub REST API, checked against GitHub's published OpenAPI description
 * (@octokit/openapi, api.github.com). Every request is matched to an operation by method and path
 * template; path parameters, query parameters and the JSON body are validated against the
 * operation's schemas. Unknown routes, invalid requests and requests no handler answers are
 * recorded as violations, answered 404/422, and make `close()` (or `assertNoViolations()`) throw.
 *
 * The spec is parsed once per jest worker process and validators are compiled lazily per
 * operation, then cached for the worker (shared across test files).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { readFileSync } from 'node:fs'
import http, { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'

// ---------------------------------------------------------------------------------------------
// The OpenAPI description, loaded once per worker
// ---------------------------------------------------------------------------------------------

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Record<string, any>
  /** JSON pointer of the parameter object in the spec (after following its $ref). */
  pointer: string
}

export interface OperationInfo {
  method: string
  template: string
  operationId: string
  segments: Array<{ literal: string } | { param: string }>
  parameters: Parameter[]
  /** JSON pointer of the application/json request body schema, when the operation takes one. */
  bodyPointer?: string
  bodyRequired: boolean
  bodyContentTypes: string[]
  /** Top-level body properties, when the body is a plain object schema (for unknown-field checks). */
  bodyProperties?: Set<string>
}

interface SpecIndex {
  spec: Record<string, any>
  ajv: Ajv
  byMethod: Map<string, OperationInfo[]>
  byRoute: Map<string, OperationInfo>
  byOperationId: Map<string, OperationInfo>
  validators: Map<string, ValidateFunction>
}

const SPEC_ID = 'https://api.github.com/openapi.json'
const CACHE_KEY = Symbol.for('ci-medic.fake-github.spec-index')

function pointerPart(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}

function pointerOf(...segments: string[]): string {
  return '/' + segments.map(pointerPart).join('/')
}

function resolvePointer(spec: Record<string, any>, pointer: string): any {
  let node: any = spec
  for (const raw of pointer.split('/').slice(1)) {
    node = node?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')]
  }
  return node
}

function followRef(spec: Record<string, any>, node: any, pointer: string): { node: any; pointer: string } {
  let current = { node, pointer }
  for (let hops = 0; current.node && typeof current.node.$ref === 'string' && hops < 10; hops++) {
    const target = current.node.$ref.replace(/^#/, '')
    current = { node: resolvePointer(spec, target), pointer: target }
  }
  return current
}

/**
 * OpenAPI 3.0 lets `nullable: true` stand beside `oneOf`/`anyOf`/`allOf` without a `type` (GitHub's
 * spec does, e.g. an issue's `milestone`), which Ajv refuses to compile. Rewrite each such schema
 * into the JSON Schema it means: the schema, or null.
 */
export function withNullableWithoutType(node: unknown): any {
  if (Array.isArray(node)) return node.map(withNullableWithoutType)
  if (node === null || typeof node !== 'object') return node
  const entries = Object.entries(node as Record<string, unknown>).map(([k, v]) => [
    k,
    withNullableWithoutType(v)
  ])
  const schema = Object.fromEntries(entries) as Record<string, unknown>
  if (schema.nullable === true && schema.type === undefined) {
    const { nullable: _nullable, ...rest } = schema
    return { anyOf: [rest, { type: 'null' }] }
  }
  return schema
}

function buildIndex(): SpecIndex {
  // The real `require` of this worker process: its module cache outlives jest's per-file registry.
  const nodeRequire = createRequire(import.meta.url)
  const specPath = nodeRequire.resolve('@octokit/openapi/generated/api.github.com.json')
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Record<string, any>

  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, addUsedSchema: false })
  addFormats(ajv)
  for (const format of [
    'int32',
    'int64',
    'double',
    'float',
    'repo.nwo',
    'binary',
    'timestamp',
    'uri-template'
  ]) {
    if (!ajv.formats[format]) ajv.addFormat(format, true)
  }
  ajv.addSchema(withNullableWithoutType(spec), SPEC_ID)

  const byMethod = new Map<string, OperationInfo[]>()
  const byRoute = new Map<string, OperationInfo>()
  const byOperationId = new Map<string, OperationInfo>()
  for (const [template, pathItem] of Object.entries<Record<string, any>>(spec.paths)) {
    const shared: any[] = pathItem.parameters ?? []
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method]
      if (!operation) continue
      const opPointer = pointerOf('paths', template, method)
      const parameters = new Map<string, Parameter>()
      const collect = (list: any[], base: string): void => {
        list.forEach((raw, i) => {
          const { node, pointer } = followRef(spec, raw, `${base}/${i}`)
          if (node?.name) parameters.set(`${node.in}:${node.name}`, { ...node, pointer })
        })
      }
      collect(shared, pointerOf('paths', template, 'parameters'))
      collect(operation.parameters ?? [], `${opPointer}/parameters`)
      const content = operation.requestBody?.content ?? {}
      const info: OperationInfo = {
        method: method.toUpperCase(),
        template,
        operationId: operation.operationId,
        segments: template
          .split('/')
          .slice(1)
          .map(part => (/^\{.+\}$/.test(part) ? { param: part.slice(1, -1) } : { literal: part })),
        parameters: [...parameters.values()],
        bodyRequired: Boolean(operation.requestBody?.required),
        bodyContentTypes: Object.keys(content)
      }
      if (content['application/json']?.schema) {
        info.bodyPointer = `${opPointer}/requestBody/content/application~1json/schema`
        const { node: bodySchema } = followRef(spec, content['application/json'].schema, info.bodyPointer)
        if (
          bodySchema?.type === 'object' &&
          bodySchema.properties &&
          bodySchema.additionalProperties === undefined &&
          !bodySchema.oneOf &&
          !bodySchema.anyOf &&
          !bodySchema.allOf
        ) {
          info.bodyProperties = new Set(Object.keys(bodySchema.properties))
        }
      }
      const list = byMethod.get(info.method) ?? []
      list.push(info)
      byMethod.set(info.method, list)
      byRoute.set(`${info.method} ${template}`, info)
      byOperationId.set(info.operationId, info)
    }
  }
  return { spec, ajv, byMethod, byRoute, byOperationId, validators: new Map() }
}

function specIndex(): SpecIndex {
  // Node's own module objects are shared by every test file of a jest worker (jest gives each file
  // its own globals and module registry), so the parsed spec is kept on one of them.
  const holder = http as unknown as Record<symbol, SpecIndex | undefined>
  holder[CACHE_KEY] ??= buildIndex()
  return holder[CACHE_KEY]
}

function validatorFor(index: SpecIndex, pointer: string): ValidateFunction {
  let validate = index.validators.get(pointer)
  if (!validate) {
    const ref = `${SPEC_ID}#${pointer.split('/').map(encodeURIComponent).join('/')}`
    validate = index.ajv.compile({ $ref: ref })
    index.validators.set(pointer, validate)
  }
  return validate
}

/** Looks up an operation by `METHOD /template` or by operationId (e.g. `pulls/create`). */
export function findOperation(route: string): OperationInfo | undefined {
  const index = specIndex()
  const spaced = /^([A-Za-z]+)\s+(\/\S*)$/.exec(route.trim())
  if (spaced) return index.byRoute.get(`${spaced[1]!.toUpperCase()} ${spaced[2]}`)
  return index.byOperationId.get(route.trim())
}

/** Loads and indexes the spec now (e.g. in beforeAll) instead of on the first request. */
export function preloadGitHubSpec(): void {
  specIndex()
}

interface RouteMatch {
  operation: OperationInfo
  params: Record<string, string>
}

/** Trailing parameters whose values may carry raw slashes (file paths, git refs, `base...head`). */
const SLASHED_PARAMS = new Set(['path', 'ref', 'basehead'])

function matchRoute(index: SpecIndex, method: string, pathname: string): RouteMatch | undefined {
  const segments = pathname.split('/').slice(1)
  if (segments.at(-1) === '' && segments.length > 1) segments.pop()
  let best: { match: RouteMatch; score: number[] } | undefined
  for (const operation of index.byMethod.get(method) ?? []) {
    const shape = operation.segments
    const last = shape.at(-1)
    const greedy =
      last !== undefined &&
      'param' in last &&
      SLASHED_PARAMS.has(last.param) &&
      segments.length > shape.length
    if (segments.length !== shape.length && !greedy) continue
    const params: Record<string, string> = {}
    const score: number[] = []
    let ok = true
    for (let i = 0; i < shape.length && ok; i++) {
      const part = shape[i]!
      let raw = segments[i]!
      if (greedy && i === shape.length - 1) raw = segments.slice(i).join('/')
      let value: string
      try {
        value = decodeURIComponent(raw)
      } catch {
        value = raw
      }
      if ('literal' in part) {
        ok = part.literal === value
        score.push(1)
      } else {
        ok = value.length > 0
        params[part.param] = value
        score.push(0)
      }
    }
    if (!ok) continue
    if (greedy) score.push(-1)
    if (!best || compareScores(score, best.score) > 0) best = { match: { operation, params }, score }
  }
  return best?.match
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? -2) - (b[i] ?? -2)
    if (diff !== 0) return diff
  }
  return 0
}

/** Converts a string from a URL to what the parameter's schema expects, when it clearly can. */
function coerce(value: string | string[], schema: Record<string, any> | undefined): unknown {
  const type = schema?.type
  if (Array.isArray(value)) return type === 'array' ? value.map(v => coerce(v, schema?.items)) : value
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value
  if (type === 'array') return value.split(',').map(v => coerce(v, schema?.items))
  return value
}

function describeErrors(errors: ErrorObject[] | null | undefined, where: string): string[] {
  return (errors ?? []).map(e =>
    `${where}${e.instancePath || ''} ${e.message ?? e.keyword}${paramsNote(e)}`.trim()
  )
}

function paramsNote(error: ErrorObject): string {
  if (error.keyword === 'enum')
    return ` (${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`
  if (error.keyword === 'additionalProperties') {
    return ` (${(error.params as { additionalProperty: string }).additionalProperty})`
  }
  return ''
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

export interface FakeRequest {
  method: string
  /** The path without the query string, as sent (still percent-encoded). */
  path: string
  /** `METHOD /template` of the matched operation. */
  route: string
  operationId: string
  params: Record<string, string>
  /** Query values as sent (repeated keys become arrays). */
  query: Record<string, string | string[]>
  headers: Record<string, string | string[] | undefined>
  /** Parsed JSON body (undefined when there was none). */
  body: any
  rawBody: string
}

export interface FakeResponse {
  status?: number
  body?: unknown
  headers?: Record<string, string>
}

export type FakeHandler = (
  request: FakeRequest
) => FakeResponse | undefined | Promise<FakeResponse | undefined>

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string | string[]>
  route?: string
  operationId?: string
  params?: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  body: any
  status: number
}

export type ViolationKind =
  'unknown-route' | 'invalid-path-param' | 'invalid-query' | 'invalid-body' | 'unhandled' | 'handler-error'

export interface Violation {
  kind: ViolationKind
  method: string
  path: string
  operationId?: string
  message: string
}

export interface FakeGitHubOptions {
  /** Flag query parameters the operation does not declare (default true: GitHub ignores them silently). */
  rejectUnknownQuery?: boolean
  /** Flag top-level body fields the operation does not declare (default true). */
  rejectUnknownBodyFields?: boolean
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = []
  readonly violations: Violation[] = []
  readonly store: GitHubStore
  private readonly handlers = new Map<OperationInfo, FakeHandler>()
  private readonly onceHandlers = new Map<OperationInfo, FakeHandler[]>()
  private closed = false

  constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: Required<FakeGitHubOptions>
  ) {
    this.store = new GitHubStore(this)
  }

  /**
   * Answers `route` ("POST /repos/{owner}/{repo}/pulls" or an operationId such as "pulls/create")
   * with `handler` until replaced. A route that is not in GitHub's API throws right away.
   */
  on(route: string, handler: FakeHandler | FakeResponse): this {
    this.handlers.set(this.operation(route), typeof handler === 'function' ? handler : () => handler)
    return this
  }

  /** Answers the next request to `route` with `handler`, before any `on` handler. */
  once(route: string, handler: FakeHandler | FakeResponse): this {
    const operation = this.operation(route)
    const queue = this.onceHandlers.get(operation) ?? []
    queue.push(typeof handler === 'function' ? handler : () => handler)
    this.onceHandlers.set(operation, queue)
    return this
  }

  /** Requests that matched `route` (template or operationId). */
  requestsTo(route: string): RecordedRequest[] {
    const operation = this.operation(route)
    return this.requests.filter(r => r.operationId === operation.operationId)
  }

  assertNoViolations(): void {
    if (this.violations.length === 0) return
    const lines = this.violations.map(
      v => `- [${v.kind}] ${v.method} ${v.path}${v.operationId ? ` (${v.operationId})` : ''}: ${v.message}`
    )
    throw new Error(
      `The fake GitHub API saw ${this.violations.length} invalid request(s):\n${lines.join('\n')}`
    )
  }

  /** Stops the server; throws when any request was a violation (unless `allowViolations`). */
  async close(options: { allowViolations?: boolean } = {}): Promise<void> {
    if (!this.closed) {
      this.closed = true
      this.server.closeAllConnections()
      await new Promise<void>(resolve => this.server.close(() => resolve()))
    }
    if (!options.allowViolations) this.assertNoViolations()
  }

  private operation(route: string): OperationInfo {
    const operation = findOperation(route)
    if (!operation)
      throw new Error(
        `"${route}" is not an operation of GitHub's REST API (api.github.com OpenAPI description)`
      )
    return operation
  }

  /** @internal */
  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase()
    const url = new URL(request.url ?? '/', 'http://fake.github')
    const query: Record<string, string | string[]> = {}
    for (const [key, value] of url.searchParams) {
      const existing = query[key]
      query[key] =
        existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]
    }
    const rawBody = await readBody(request)
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query,
      headers: request.headers,
      body: undefined,
      status: 0
    }
    this.requests.push(record)
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      record.status = status
      send(response, status, body, headers)
    }
    const violate = (kind: ViolationKind, message: string, status: number, operationId?: string): void => {
      this.violations.push({
        kind,
        method,
        path: url.pathname,
        message,
        ...(operationId ? { operationId } : {})
      })
      reply(status, {
        message: `Fake GitHub: ${message}`,
        documentation_url: 'https://docs.github.com/rest',
        status: String(status)
      })
    }

    const index = specIndex()
    const match = matchRoute(index, method, url.pathname)
    if (!match) return violate('unknown-route', `no ${method} operation matches ${url.pathname}`, 404)
    const { operation, params } = match
    record.route = `${operation.method} ${operation.template}`
    record.operationId = operation.operationId
    record.params = params

    const problems: Array<[ViolationKind, string]> = []
    for (const parameter of operation.parameters) {
      if (parameter.in === 'path') {
        const value = params[parameter.name]
        if (value === undefined || !parameter.schema) continue
        const validate = validatorFor(index, `${parameter.pointer}/schema`)
        if (!validate(coerce(value, parameter.schema))) {
          problems.push([
            'invalid-path-param',
            describeErrors(validate.errors, `path parameter ${parameter.name}`).join('; ')
          ])
        }
      } else if (parameter.in === 'query') {
        const value = query[parameter.name]
        if (value === undefined) {
          if (parameter.required)
            problems.push(['invalid-query', `missing required query parameter ${parameter.name}`])
          continue
        }
        if (!parameter.schema) continue
        const validate = validatorFor(index, `${parameter.pointer}/schema`)
        if (!validate(coerce(value, parameter.schema))) {
          problems.push([
            'invalid-query',
            describeErrors(validate.errors, `query parameter ${parameter.name}`).join('; ')
          ])
        }
      }
    }
    if (this.options.rejectUnknownQuery) {
      const declared = new Set(operation.parameters.filter(p => p.in === 'query').map(p => p.name))
      for (const key of Object.keys(query)) {
        if (!declared.has(key))
          problems.push([
            'invalid-query',
            `query parameter ${key} is not a parameter of ${operation.operationId}`
          ])
      }
    }

    let body: unknown
    if (rawBody.length > 0) {
      const contentType = String(request.headers['content-type'] ?? '')
      if (contentType.includes('json') || (!contentType && operation.bodyPointer)) {
        try {
          body = JSON.parse(rawBody)
        } catch {
          problems.push(['invalid-body', 'the request body is not valid JSON'])
        }
      } else {
        body = rawBody
      }
    }
    record.body = body
    if (operation.bodyPointer && body !== undefined && typeof body !== 'string') {
      const validate = validatorFor(index, operation.bodyPointer)
      if (!validate(body)) problems.push(['invalid-body', describeErrors(validate.errors, 'body').join('; ')])
      if (
        this.options.rejectUnknownBodyFields &&
        operation.bodyProperties &&
        body &&
        typeof body === 'object' &&
        !Array.isArray(body)
      ) {
        for (const key of Object.keys(body)) {
          if (!operation.bodyProperties.has(key)) {
            problems.push([
              'invalid-body',
              `body field "${key}" is not a parameter of ${operation.operationId}`
            ])
          }
        }
      }
    } else if (operation.bodyRequired && body === undefined) {
      problems.push(['invalid-body', `${operation.operationId} requires a request body`])
    }
    if (problems.length > 0) {
      const [kind] = problems[0]!
      return violate(kind, problems.map(([, message]) => message).join('; '), 422, operation.operationId)
    }

    const queue = this.onceHandlers.get(operation)
    const handler = queue?.shift() ?? this.handlers.get(operation)
    if (!handler) {
      return violate(
        'unhandled',
        `the test registered no handler for ${record.route}`,
        404,
        operation.operationId
      )
    }
    try {
      const result = await handler({
        method,
        path: url.pathname,
        route: record.route,
        operationId: operation.operationId,
        params,
        query,
        headers: request.headers,
        body,
        rawBody
      })
      reply(result?.status ?? (result?.body === undefined ? 204 : 200), result?.body, result?.headers)
    } catch (error) {
      violate(
        'handler-error',
        `the handler threw: ${error instanceof Error ? error.message : String(error)}`,
        500,
        operation.operationId
      )
    }
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>
): void {
  const base: Record<string, string> = {
    'x-github-api-version-selected': '2022-11-28',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    'x-github-request-id': `FAKE:${Math.random().toString(16).slice(2, 10)}`
  }
  if (body === undefined || status === 204 || status === 304) {
    response.writeHead(status, { ...base, ...headers })
    response.end()
    return
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  response.writeHead(status, {
    'content-type':
      typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    ...base,
    ...headers
  })
  response.end(text)
}

/** Starts the fake on 127.0.0.1 with a random port. Close it in afterEach/afterAll. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  specIndex()
  const server = createServer()
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const fake = new FakeGitHub(server, `http://127.0.0.1:${port}`, {
    rejectUnknownQuery: options.rejectUnknownQuery ?? true,
    rejectUnknownBodyFields: options.rejectUnknownBodyFields ?? true
  })
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    fake.handle(request, response).catch(error => {
      if (!response.headersSent) send(response, 500, { message: String(error) }, {})
    })
  })
  return fake
}

// ---------------------------------------------------------------------------------------------
// An optional, stateful slice of GitHub: issues, comments, pull requests, reviews, deployments
// ---------------------------------------------------------------------------------------------

export interface StoredComment {
  id: number
  issue_number: number
  body: string
  user: { login: string; id: number; type: string }
  created_at: string
  updated_at: string
}

export interface StoredIssue {
  number: number
  title: string
  body: string | null
  labels: string[]
  state: 'open' | 'closed'
  pull_request?: { head: string; base: string; draft: boolean }
}

export interface StoredReview {
  id: number
  pull_number: number
  event: string
  body: string | null
  commit_id?: string
  comments: Array<{ path: string; body: string; line?: number; start_line?: number; side?: string }>
}

export interface StoredDeploymentStatus {
  id: number
  deployment_id: number
  state: string
  description?: string
  environment?: string
}

const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

/**
 * In-memory issues, comments, pull requests, reviews and deployment statuses. Call `install()`
 * to answer the matching routes from it; tests then inspect the arrays.
 */
export class GitHubStore {
  readonly issues: StoredIssue[] = []
  readonly comments: StoredComment[] = []
  readonly reviews: StoredReview[] = []
  readonly deploymentStatuses: StoredDeploymentStatus[] = []
  /** Permission returned for any collaborator lookup. */
  permission: 'admin' | 'write' | 'read' | 'none' = 'write'
  private nextId = 1000
  private clock = Date.UTC(2024, 0, 1)

  constructor(private readonly fake: FakeGitHub) {}

  private id(): number {
    return this.nextId++
  }

  private now(): string {
    this.clock += 1000
    return new Date(this.clock).toISOString()
  }

  private commentJson(comment: StoredComment, owner: string, repo: string): Record<string, unknown> {
    return {
      ...comment,
      node_id: `IC_${comment.id}`,
      url: `${this.fake.url}/repos/${owner}/${repo}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${owner}/${repo}/issues/${comment.issue_number}#issuecomment-${comment.id}`,
      issue_url: `${this.fake.url}/repos/${owner}/${repo}/issues/${comment.issue_number}`,
      author_association: 'NONE'
    }
  }

  private issueJson(issue: StoredIssue, owner: string, repo: string): Record<string, unknown> {
    return {
      id: issue.number + 5000,
      node_id: `I_${issue.number}`,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      labels: issue.labels.map((name, i) => ({ id: i + 1, name })),
      user: BOT,
      html_url: `https://github.com/${owner}/${repo}/${issue.pull_request ? 'pull' : 'issues'}/${issue.number}`,
      url: `${this.fake.url}/repos/${owner}/${repo}/issues/${issue.number}`
    }
  }

  /** Adds an existing issue or pull request (e.g. the PR the event is about). */
  addIssue(issue: Partial<StoredIssue> & { number: number }): StoredIssue {
    const stored: StoredIssue = { title: `#${issue.number}`, body: null, labels: [], state: 'open', ...issue }
    this.issues.push(stored)
    return stored
  }

  /** Adds a comment as if someone else (or an earlier run) had written it. */
  addComment(issueNumber: number, body: string, user = BOT): StoredComment {
    const time = this.now()
    const comment = {
      id: this.id(),
      issue_number: issueNumber,
      body,
      user,
      created_at: time,
      updated_at: time
    }
    this.comments.push(comment)
    return comment
  }

  commentsOn(issueNumber: number): StoredComment[] {
    return this.comments.filter(c => c.issue_number === issueNumber)
  }

  install(): this {
    const f = this.fake
    f.on('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', ({ params, query }) => {
      const perPage = Number(query.per_page ?? 30)
      const page = Number(query.page ?? 1)
      const all = this.commentsOn(Number(params.issue_number))
      const slice = all.slice((page - 1) * perPage, page * perPage)
      const headers: Record<string, string> = {}
      if (page * perPage < all.length) {
        const next = `${f.url}/repos/${params.owner}/${params.repo}/issues/${params.issue_number}/comments?per_page=${perPage}&page=${page + 1}`
        headers.link = `<${next}>; rel="next"`
      }
      return { body: slice.map(c => this.commentJson(c, params.owner!, params.repo!)), headers }
    })
    f.on('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', ({ params, body }) => {
      const comment = this.addComment(Number(params.issue_number), body.body)
      return { status: 201, body: this.commentJson(comment, params.owner!, params.repo!) }
    })
    f.on('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', ({ params }) => {
      const comment = this.comments.find(c => c.id === Number(params.comment_id))
      return comment
        ? { body: this.commentJson(comment, params.owner!, params.repo!) }
        : { status: 404, body: { message: 'Not Found' } }
    })
    f.on('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', ({ params, body }) => {
      const comment = this.comments.find(c => c.id === Number(params.comment_id))
      if (!comment) return { status: 404, body: { message: 'Not Found' } }
      comment.body = body.body
      comment.updated_at = this.now()
      return { body: this.commentJson(comment, params.owner!, params.repo!) }
    })
    f.on('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', ({ params }) => {
      const at = this.comments.findIndex(c => c.id === Number(params.comment_id))
      if (at < 0) return { status: 404, body: { message: 'Not Found' } }
      this.comments.splice(at, 1)
      return { status: 204 }
    })
    f.on('GET /repos/{owner}/{repo}/issues', ({ params, query }) => {
      const state = query.state ?? 'open'
      const labels = typeof query.labels === 'string' ? query.labels.split(',') : []
      const found = this.issues.filter(
        i => (state === 'all' || i.state === state) && labels.every(l => i.labels.includes(l))
      )
      return { body: found.map(i => this.issueJson(i, params.owner!, params.repo!)) }
    })
    f.on('POST /repos/{owner}/{repo}/issues', ({ params, body }) => {
      const issue = this.addIssue({
        number: this.issues.reduce((max, i) => Math.max(max, i.number), 0) + 1,
        title: body.title,
        body: body.body ?? null,
        labels: (body.labels ?? []).map((l: string | { name: string }) =>
          typeof l === 'string' ? l : l.name
        )
      })
      return { status: 201, body: this.issueJson(issue, params.owner!, params.repo!) }
    })
    f.on('GET /repos/{owner}/{repo}/issues/{issue_number}', ({ params }) => {
      const issue = this.issues.find(i => i.number === Number(params.issue_number))
      return issue
        ? { body: this.issueJson(issue, params.owner!, params.repo!) }
        : { status: 404, body: { message: 'Not Found' } }
    })
    f.on('POST /repos/{owner}/{repo}/pulls', ({ params, body }) => {
      const issue = this.addIssue({
        number: this.issues.reduce((max, i) => Math.max(max, i.number), 0) + 1,
        title: body.title,
        body: body.body ?? null,
        pull_request: { head: body.head, base: body.base, draft: Boolean(body.draft) }
      })
      return {
        status: 201,
        body: {
          ...this.issueJson(issue, params.owner!, params.repo!),
          head: { ref: body.head, label: body.head },
          base: { ref: body.base, label: body.base },
          draft: Boolean(body.draft)
        }
      }
    })
    f.on('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', ({ params, body }) => {
      const review: StoredReview = {
        id: this.id(),
        pull_number: Number(params.pull_number),
        event: body.event ?? 'PENDING',
        body: body.body ?? null,
        commit_id: body.commit_id,
        comments: body.comments ?? []
      }
      this.reviews.push(review)
      return {
        body: {
          id: review.id,
          node_id: `PRR_${review.id}`,
          user: BOT,
          body: review.body ?? '',
          state: review.event === 'COMMENT' ? 'COMMENTED' : review.event,
          html_url: '',
          pull_request_url: '',
          _links: { html: { href: '' }, pull_request: { href: '' } },
          author_association: 'NONE',
          commit_id: review.commit_id ?? null
        }
      }
    })
    f.on('GET /repos/{owner}/{repo}/collaborators/{username}/permission', ({ params }) => ({
      body: { permission: this.permission, role_name: this.permission, user: { login: params.username } }
    }))
    f.on('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', ({ params, body }) => {
      const status: StoredDeploymentStatus = {
        id: this.id(),
        deployment_id: Number(params.deployment_id),
        state: body.state,
        description: body.description,
        environment: body.environment
      }
      this.deploymentStatuses.push(status)
      return { status: 201, body: { ...status, creator: BOT } }
    })
    return this
  }
}
