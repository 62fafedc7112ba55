/**
 * A local HTTP server that speaks the part of GitHub's REST API Eval Gate uses, with in-memory state and fault
 * injection. Every JSON body it sends is built from, and checked against, GitHub's own OpenAPI description
 * (`@octokit/openapi`): required properties present with the declared types, status codes declared.
 */
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'

type Schema = { type?: string | string[]; required?: string[]; properties?: Record<string, Schema>; items?: Schema; nullable?: boolean; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; enum?: unknown[] }

const ROUTES = {
  getRun: ['/repos/{owner}/{repo}/actions/runs/{run_id}', 'get'],
  listRuns: ['/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', 'get'],
  listArtifacts: ['/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', 'get'],
  download: ['/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', 'get'],
  listComments: ['/repos/{owner}/{repo}/issues/{issue_number}/comments', 'get'],
  createComment: ['/repos/{owner}/{repo}/issues/{issue_number}/comments', 'post'],
  updateComment: ['/repos/{owner}/{repo}/issues/comments/{comment_id}', 'patch'],
  deleteComment: ['/repos/{owner}/{repo}/issues/comments/{comment_id}', 'delete'],
  getUser: ['/user', 'get'],
  compare: ['/repos/{owner}/{repo}/compare/{basehead}', 'get'],
  createStatus: ['/repos/{owner}/{repo}/statuses/{sha}', 'post'],
  getPull: ['/repos/{owner}/{repo}/pulls/{pull_number}', 'get'],
  latestRelease: ['/repos/{owner}/{repo}/releases/latest', 'get'],
  releaseByTag: ['/repos/{owner}/{repo}/releases/tags/{tag}', 'get'],
  releaseAsset: ['/repos/{owner}/{repo}/releases/assets/{asset_id}', 'get'],
  listPulls: ['/repos/{owner}/{repo}/pulls', 'get']
} as const
type Route = keyof typeof ROUTES

let spec: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>> } | null = null
function operations() {
  if (!spec) {
    const require = createRequire(import.meta.url)
    const full = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.deref.json'), 'utf8'))
    spec = { paths: {} }
    for (const [p, method] of Object.values(ROUTES)) spec.paths[p] = { ...spec.paths[p], [method]: full.paths[p][method] }
  }
  return spec
}

function responseSchema(route: Route, status: number): Schema | null {
  const [p, method] = ROUTES[route]
  const responses = operations().paths[p][method].responses
  if (!(String(status) in responses)) throw new Error(`OpenAPI: ${method.toUpperCase()} ${p} does not declare status ${status}`)
  return responses[String(status)].content?.['application/json']?.schema ?? null
}

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v)

/** Checks required properties and declared types, recursively. Returns the problems found. */
export function validate(schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.anyOf || schema.oneOf) {
    const options = (schema.anyOf ?? schema.oneOf) as Schema[]
    return options.some((s) => validate(s, value, at).length === 0) ? [] : [`${at}: matches none of ${options.length} schemas`]
  }
  if (schema.allOf) return schema.allOf.flatMap((s) => validate(s, value, at))
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]
  if (value === null) return schema.nullable || types.includes('null') || types.length === 0 ? [] : [`${at}: null is not allowed`]
  const t = typeOf(value)
  if (types.length > 0 && !types.some((x) => x === t || (x === 'number' && t === 'integer'))) return [`${at}: ${t}, expected ${types.join('|')}`]
  const problems: string[] = []
  if (t === 'object') {
    const object = value as Record<string, unknown>
    for (const name of schema.required ?? []) if (!(name in object)) problems.push(`${at}.${name}: required, missing`)
    for (const [name, sub] of Object.entries(schema.properties ?? {})) if (name in object) problems.push(...validate(sub, object[name], `${at}.${name}`))
  }
  if (t === 'array' && schema.items) (value as unknown[]).forEach((v, i) => problems.push(...validate(schema.items as Schema, v, `${at}[${i}]`)))
  return problems
}

/** The smallest value with every required property of the schema, then `over` laid on top. */
export function fromSchema(schema: Schema, over: Record<string, unknown> = {}): Record<string, unknown> {
  const make = (s: Schema): unknown => {
    if (s.allOf) return Object.assign({}, ...s.allOf.map((x) => make(x)))
    if (s.anyOf || s.oneOf) return make(((s.anyOf ?? s.oneOf) as Schema[])[0])
    if (s.enum) return s.enum[0]
    const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type
    switch (type) {
      case 'object': {
        const o: Record<string, unknown> = {}
        for (const name of s.required ?? []) o[name] = make((s.properties ?? {})[name] ?? {})
        return o
      }
      case 'array':
        return []
      case 'integer':
      case 'number':
        return 1
      case 'boolean':
        return false
      case 'string':
        return 'x'
      default:
        return null
    }
  }
  return { ...(make(schema) as Record<string, unknown>), ...over }
}

export interface FakeRun {
  id: number
  workflowId: number
  branch: string
  headSha: string
  event: string
  conclusion: string
  /** ISO 8601; absent: the schema's placeholder (no date). */
  createdAt?: string
}
export interface FakeArtifact {
  id: number
  runId: number
  name: string
  expired: boolean
  /** Answer 410 Gone on download even though the listing says not expired. */
  gone?: boolean
  zip: Uint8Array
}
/** A release and its assets (release assets do not expire). */
export interface FakeRelease {
  id: number
  tag: string
  /** Not what GET /releases/latest answers (a prerelease or a draft). */
  notLatest?: boolean
  assets: { id: number; name: string; data: Uint8Array }[]
}
export interface FakeComment {
  id: number
  issue: number
  body: string
  /** Who wrote it: by default a person for comments a test puts there, the token's bot for the action's. */
  author?: { login: string; type: 'Bot' | 'User' }
}
export interface FakePull {
  number: number
  headSha: string
  /** owner of the head repository (the fork's owner) and its branch */
  headOwner: string
  headBranch: string
  state: 'open' | 'closed'
}
export interface FakeStatus {
  sha: string
  state: string
  context: string
  description: string
  targetUrl: string | null
}
/** What `POST /twirp/…/ArtifactService/*` and the blob store received: an artifact uploaded by @actions/artifact. */
export interface FakeUpload {
  name: string
  runBackendId: string
  blocks: Map<string, Buffer>
  zip: Buffer | null
  finalized: boolean
}

/** The token's identity: GITHUB_TOKEN is an installation token (GET /user answers 403). */
export const BOT = { login: 'github-actions[bot]', type: 'Bot' } as const

export class FakeGitHub {
  runs: FakeRun[] = []
  releases: FakeRelease[] = []
  artifacts: FakeArtifact[] = []
  comments: FakeComment[] = []
  /** Every request, as `METHOD /path?query`. */
  requests: string[] = []
  /** Statuses to answer the next requests of a route with, before answering normally. */
  faults: Partial<Record<Route | 'blob', number[]>> = {}
  /** Answer 403 to comment writes (a fork's read-only token). */
  readOnly = false
  /**
   * Interleaving of concurrent runs: the next `holdLists` comment listings are held until that many are waiting,
   * then all are answered at once (so every run lists before any run posts).
   */
  holdLists = 0
  private held: (() => void)[] = []
  /** Every schema problem found in what the server sent. */
  problems: string[] = []
  authorization = new Set<string>()
  /** The pull requests of the repository (GET /pulls). */
  pulls: FakePull[] = []
  /** Commit statuses set (POST /statuses/{sha}). */
  statuses: FakeStatus[] = []
  /** The compare API's answers, by `base...head`; absent → 404. */
  comparisons: Record<string, { status: 'identical' | 'ahead' | 'behind' | 'diverged'; aheadBy: number; behindBy: number }> = {}
  /** GET /user: null answers 403 (an installation token, as GITHUB_TOKEN); a login for a personal access token. */
  tokenUser: { login: string; type: 'User' | 'Bot' } | null = null
  /** Who the action's writes are attributed to. */
  writer: { login: string; type: 'Bot' | 'User' } = BOT
  /** Artifacts uploaded through the results service, and the run each backend id stands for. */
  uploads: FakeUpload[] = []
  runBackendIds: Record<string, number> = {}
  private server: Server | null = null
  private nextId = 1000
  url = ''

  async start(): Promise<void> {
    operations()
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        try {
          this.handle(req, res, Buffer.concat(chunks))
        } catch (error) {
          res.writeHead(500, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ message: String(error) }))
        }
      })
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  private send(res: ServerResponse, route: Route, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const schema = responseSchema(route, status)
    if (schema && body !== undefined) this.problems.push(...validate(schema, body).map((p) => `${route} ${status}: ${p}`))
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    res.end(body === undefined ? '' : JSON.stringify(body))
  }

  private fault(route: Route | 'blob'): number | null {
    const list = this.faults[route]
    return list && list.length > 0 ? (list.shift() as number) : null
  }

  private page<T>(items: T[], url: URL): { slice: T[]; link: Record<string, string> } {
    const perPage = Number(url.searchParams.get('per_page') ?? 30)
    const page = Number(url.searchParams.get('page') ?? 1)
    const slice = items.slice((page - 1) * perPage, page * perPage)
    if (page * perPage >= items.length) return { slice, link: {} }
    const next = new URL(url)
    next.searchParams.set('page', String(page + 1))
    return { slice, link: { link: `<${this.url}${next.pathname}${next.search}>; rel="next"` } }
  }

  private run(r: FakeRun) {
    const schema = responseSchema('getRun', 200) as Schema
    return fromSchema(schema, { id: r.id, workflow_id: r.workflowId, head_branch: r.branch, head_sha: r.headSha, event: r.event, status: 'completed', conclusion: r.conclusion, html_url: `${this.url}/runs/${r.id}`, path: '.github/workflows/eval.yml', ...(r.createdAt ? { created_at: r.createdAt } : {}) })
  }

  private comment(c: FakeComment) {
    const schema = responseSchema('createComment', 201) as Schema
    const author = c.author ?? { login: 'someone', type: 'User' }
    return fromSchema(schema, { id: c.id, body: c.body, html_url: `https://github.test/o/r/pull/${c.issue}#issuecomment-${c.id}`, user: this.user(author.login, author.type) })
  }

  private user(login: string, type: string) {
    const userSchema = (responseSchema('getUser', 200) as Schema).oneOf?.[1] ?? (responseSchema('getUser', 200) as Schema)
    return fromSchema(userSchema, { login, type })
  }

  private release(route: Route, r: FakeRelease) {
    const schema = responseSchema(route, 200) as Schema
    const assetSchema = schema.properties?.assets?.items as Schema
    const assets = r.assets.map((a) =>
      fromSchema(assetSchema, { id: a.id, name: a.name, size: a.data.length, state: 'uploaded', url: `${this.url}/repos/o/r/releases/assets/${a.id}`, browser_download_url: `https://github.test/o/r/releases/download/${r.tag}/${a.name}` })
    )
    return fromSchema(schema, { id: r.id, tag_name: r.tag, name: r.tag, assets }) as Record<string, unknown> & { assets: { id: number }[] }
  }

  private pull(p: FakePull) {
    const schema = responseSchema('getPull', 200) as Schema
    const head = fromSchema((schema.properties?.head ?? {}) as Schema, { sha: p.headSha, ref: p.headBranch, label: `${p.headOwner}:${p.headBranch}` })
    return fromSchema(schema, { number: p.number, state: p.state, head })
  }

  private handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const body = raw.toString('utf8')
    const url = new URL(req.url ?? '/', this.url)
    this.requests.push(`${req.method} ${url.pathname}${url.search}`)
    if (req.headers.authorization) this.authorization.add(req.headers.authorization)
    const p = url.pathname
    let m: RegExpExecArray | null
    const faulted = (route: Route): boolean => {
      const status = this.fault(route)
      if (status === null) return false
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `injected ${status}` }))
      return true
    }
    if ((m = /^\/release-blobs\/(\d+)$/.exec(p))) {
      const asset = this.releases.flatMap((r) => r.assets).find((x) => x.id === Number(m?.[1]))
      res.writeHead(asset ? 200 : 404, { 'content-type': 'application/octet-stream' })
      res.end(asset ? Buffer.from(asset.data) : '')
      return
    }
    if (req.method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/releases\/(latest|tags\/(.+))$/.exec(p))) {
      const route: Route = m[1] === 'latest' ? 'latestRelease' : 'releaseByTag'
      if (faulted(route)) return
      const tag = m[2] === undefined ? null : decodeURIComponent(m[2])
      const release = tag === null ? this.releases.filter((r) => !r.notLatest).sort((a, b) => b.id - a.id)[0] : this.releases.find((r) => r.tag === tag)
      if (!release) return this.send(res, route, 404, { message: 'Not Found', documentation_url: 'x' })
      return this.send(res, route, 200, this.release(route, release))
    }
    if (req.method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/releases\/assets\/(\d+)$/.exec(p))) {
      if (faulted('releaseAsset')) return
      const release = this.releases.find((r) => r.assets.some((a) => a.id === Number(m?.[1])))
      const asset = release?.assets.find((a) => a.id === Number(m?.[1]))
      if (!release || !asset) return this.send(res, 'releaseAsset', 404, { message: 'Not Found', documentation_url: 'x' })
      if (req.headers.accept === 'application/octet-stream') return this.send(res, 'releaseAsset', 302, undefined, { location: `${this.url}/release-blobs/${asset.id}` })
      return this.send(res, 'releaseAsset', 200, this.release('latestRelease', release).assets.find((a: { id: number }) => a.id === asset.id))
    }
    if ((m = /^\/blobs\/(\d+)$/.exec(p))) {
      const a = this.artifacts.find((x) => x.id === Number(m?.[1]))
      res.writeHead(a ? 200 : 404, { 'content-type': 'application/zip' })
      res.end(a ? Buffer.from(a.zip) : '')
      return
    }
    if (req.method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/actions\/runs\/(\d+)$/.exec(p))) {
      if (faulted('getRun')) return
      const r = this.runs.find((x) => x.id === Number(m?.[1]))
      if (!r) {
        res.writeHead(404, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: 'Not Found' }))
        return
      }
      return this.send(res, 'getRun', 200, this.run(r))
    }
    if (req.method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/actions\/workflows\/([^/]+)\/runs$/.exec(p))) {
      if (faulted('listRuns')) return
      const wf = decodeURIComponent(m[1])
      const q = url.searchParams
      const runs = this.runs
        .filter((r) => String(r.workflowId) === wf || `${r.workflowId}.yml` === wf)
        .filter((r) => !q.get('branch') || r.branch === q.get('branch'))
        .filter((r) => !q.get('event') || r.event === q.get('event'))
        .filter((r) => !q.get('status') || r.conclusion === q.get('status'))
        .sort((a, b) => b.id - a.id)
      const { slice, link } = this.page(runs, url)
      return this.send(res, 'listRuns', 200, { total_count: runs.length, workflow_runs: slice.map((r) => this.run(r)) }, link)
    }
    if (req.method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/actions\/runs\/(\d+)\/artifacts$/.exec(p))) {
      if (faulted('listArtifacts')) return
      const name = url.searchParams.get('name')
      const list = this.artifacts.filter((a) => a.runId === Number(m?.[1]) && (!name || a.name === name))
      const schema = (responseSchema('listArtifacts', 200) as Schema).properties?.artifacts?.items as Schema
      const artifacts = list.map((a) =>
        fromSchema(schema, { id: a.id, name: a.name, expired: a.expired, size_in_bytes: a.zip.length, archive_download_url: `${this.url}/repos/o/r/actions/artifacts/${a.id}/zip` })
      )
      return this.send(res, 'listArtifacts', 200, { total_count: artifacts.length, artifacts })
    }
    if (req.method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/actions\/artifacts\/(\d+)\/zip$/.exec(p))) {
      if (faulted('download')) return
      const a = this.artifacts.find((x) => x.id === Number(m?.[1]))
      if (!a || a.expired || a.gone) return this.send(res, 'download', 410, { message: 'Artifact has expired', documentation_url: 'x' })
      this.send(res, 'download', 302, undefined, { location: `${this.url}/blobs/${a.id}` })
      return
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(p))) {
      const issue = Number(m[1])
      if (req.method === 'GET') {
        if (faulted('listComments')) return
        const answer = () => {
          const { slice, link } = this.page(this.comments.filter((c) => c.issue === issue), url)
          this.send(res, 'listComments', 200, slice.map((c) => this.comment(c)), link)
        }
        if (this.holdLists > 0) {
          this.held.push(answer)
          if (this.held.length < this.holdLists) return
          this.holdLists = 0
          for (const release of this.held.splice(0)) release()
          return
        }
        return answer()
      }
      if (faulted('createComment')) return
      if (this.readOnly) return this.send(res, 'createComment', 403, { message: 'Resource not accessible by integration', documentation_url: 'x' })
      const c: FakeComment = { id: this.nextId++, issue, body: JSON.parse(body).body as string, author: this.writer }
      this.comments.push(c)
      return this.send(res, 'createComment', 201, this.comment(c))
    }
    if (req.method === 'PATCH' && (m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(p))) {
      if (faulted('updateComment')) return
      if (this.readOnly) {
        // GitHub answers 403 here for a read-only token, though the OpenAPI description declares only 200 and 422.
        res.writeHead(403, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: 'Resource not accessible by integration' }))
        return
      }
      const c = this.comments.find((x) => x.id === Number(m?.[1]))
      if (!c) return this.send(res, 'updateComment', 422, { message: 'Not Found', documentation_url: 'x' })
      c.body = JSON.parse(body).body
      return this.send(res, 'updateComment', 200, this.comment(c))
    }
    if (req.method === 'DELETE' && (m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(p))) {
      if (faulted('deleteComment')) return
      const at = this.comments.findIndex((x) => x.id === Number(m?.[1]))
      if (this.readOnly || at < 0) {
        // GitHub answers 403 (read-only token) and 404 (already deleted) here; the OpenAPI description declares only 204.
        res.writeHead(this.readOnly ? 403 : 404, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: this.readOnly ? 'Resource not accessible by integration' : 'Not Found' }))
        return
      }
      this.comments.splice(at, 1)
      return this.send(res, 'deleteComment', 204, undefined)
    }
    if (req.method === 'GET' && p === '/user') {
      if (!this.tokenUser) return this.send(res, 'getUser', 403, { message: 'Resource not accessible by integration', documentation_url: 'x' })
      return this.send(res, 'getUser', 200, this.user(this.tokenUser.login, this.tokenUser.type))
    }
    if (req.method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/compare\/(.+)$/.exec(p))) {
      if (faulted('compare')) return
      const basehead = decodeURIComponent(m[1])
      const c = this.comparisons[basehead]
      if (!c) return this.send(res, 'compare', 404, { message: 'Not Found', documentation_url: 'x' })
      const [base, head] = basehead.split('...')
      const commit = (sha: string) => fromSchema((responseSchema('compare', 200) as Schema).properties?.base_commit as Schema, { sha })
      return this.send(
        res,
        'compare',
        200,
        fromSchema(responseSchema('compare', 200) as Schema, {
          status: c.status,
          ahead_by: c.aheadBy,
          behind_by: c.behindBy,
          total_commits: c.aheadBy,
          base_commit: commit(base),
          merge_base_commit: commit(c.status === 'ahead' || c.status === 'identical' ? base : head)
        })
      )
    }
    if (req.method === 'POST' && (m = /^\/repos\/[^/]+\/[^/]+\/statuses\/([^/]+)$/.exec(p))) {
      if (faulted('createStatus')) return
      if (this.readOnly) {
        res.writeHead(403, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: 'Resource not accessible by integration' }))
        return
      }
      const b = JSON.parse(body) as { state: string; context: string; description?: string; target_url?: string }
      this.statuses.push({ sha: decodeURIComponent(m[1]), state: b.state, context: b.context, description: b.description ?? '', targetUrl: b.target_url ?? null })
      return this.send(res, 'createStatus', 201, fromSchema(responseSchema('createStatus', 201) as Schema, { state: b.state, context: b.context }))
    }
    if (req.method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(p))) {
      if (faulted('getPull')) return
      const pr = this.pulls.find((x) => x.number === Number(m?.[1]))
      if (!pr) return this.send(res, 'getPull', 404, { message: 'Not Found', documentation_url: 'x' })
      return this.send(res, 'getPull', 200, this.pull(pr))
    }
    if (req.method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/pulls$/.test(p)) {
      const q = url.searchParams
      const list = this.pulls
        .filter((x) => !q.get('state') || q.get('state') === 'all' || x.state === q.get('state'))
        .filter((x) => !q.get('head') || `${x.headOwner}:${x.headBranch}` === q.get('head'))
      const itemSchema = (responseSchema('listPulls', 200) as Schema).items as Schema
      return this.send(
        res,
        'listPulls',
        200,
        list.map((x) => fromSchema(itemSchema, { number: x.number, state: x.state, head: fromSchema(itemSchema.properties?.head as Schema, { sha: x.headSha, ref: x.headBranch }) }))
      )
    }
    if (req.method === 'POST' && (m = /^\/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/(\w+)$/.exec(p))) {
      return this.twirp(res, m[1], JSON.parse(body) as Record<string, string>)
    }
    if (req.method === 'PUT' && (m = /^\/upload\/(\d+)$/.exec(p))) {
      const upload = this.uploads[Number(m[1])]
      const comp = url.searchParams.get('comp')
      if (comp === 'block') upload.blocks.set(url.searchParams.get('blockid') ?? '', raw)
      else if (comp === 'blocklist') upload.zip = Buffer.concat([...body.matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)].map((b) => upload.blocks.get(b[1]) as Buffer))
      else upload.zip = raw
      res.writeHead(201, { etag: '"0x1"', 'last-modified': new Date(0).toUTCString(), 'x-ms-request-server-encrypted': 'true', 'content-md5': '' })
      res.end()
      return
    }
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ message: `no route for ${req.method} ${p}` }))
  }

  /** The results service's artifact API (Twirp, JSON) as @actions/artifact calls it. */
  private twirp(res: ServerResponse, method: string, b: Record<string, string>): void {
    const reply = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const runBackendId = b.workflow_run_backend_id ?? b.workflowRunBackendId
    if (method === 'CreateArtifact') {
      this.uploads.push({ name: b.name, runBackendId, blocks: new Map(), zip: null, finalized: false })
      return reply({ ok: true, signed_upload_url: `${this.url}/upload/${this.uploads.length - 1}?sig=fake-signature` })
    }
    if (method === 'FinalizeArtifact') {
      const upload = this.uploads.find((u) => u.name === b.name && u.runBackendId === runBackendId && !u.finalized)
      if (!upload || !upload.zip) {
        res.writeHead(404, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ code: 'not_found', msg: 'no such upload' }))
        return
      }
      upload.finalized = true
      const id = this.nextId++
      this.artifacts.push({ id, runId: this.runBackendIds[runBackendId] ?? -1, name: upload.name, expired: false, zip: new Uint8Array(upload.zip) })
      return reply({ ok: true, artifact_id: String(id) })
    }
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ code: 'bad_route', msg: method }))
  }
}
