/**
 * The baseline artifact's download (src/action/github/baseline.ts): against a local REST API on 127.0.0.1 that answers
 * the artifact's download with 302 to a signed URL on a second local server (another origin, as on GitHub), which
 * streams the zip. Rows of ../shared/SECURITY.md covered here: an artifact over the cap (refused before any
 * download request), a body that passes the cap while streaming (stopped), the gzip layer's cap handed to the
 * reader; and issue 8's provenance fields, the 410 fallback, no token sent to the download host.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { getOctokit } from '@actions/github'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { InputError } from '../src/common/errors.js'
import { findBaseline, maxArtifactBytes, maxUnpacked, type BaselineQuery } from '../src/action/github/baseline.js'
import type { Client } from '../src/action/github/client.js'
import { MAX_UNPACKED } from '../src/read/zipArchive.js'
import { readPredictions } from '../src/read/readPredictions.js'
import { DEFAULT_FIELDS, LabelDictionary } from '../src/read/predictionFile.js'
import { artifactZip } from './fixtures/zip/artifactZip.js'

const TOKEN = 'ghs_testTokenForTheApiOnly'
const SECRET = 'sig=SIGNED-URL-SECRET'
const rows = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: i, label: i % 2 ? 'spam' : 'ham', prediction: 'ham' }) + '\n').join('')

interface Listen {
  server: Server
  url: string
  requests: { path: string; authorization: string | undefined }[]
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listen> {
  const requests: Listen['requests'] = []
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', authorization: req.headers.authorization })
    handler(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests }
}

/** What the download server does with a blob: send it, send it forever, or answer with an error status. */
type Blob = { kind: 'bytes'; data: Uint8Array; contentLength?: boolean } | { kind: 'endless' } | { kind: 'status'; status: number }

let api: Listen
let blobs: Listen
/** run id → artifact; `gone` answers 410 on download. */
let artifacts: Map<number, { id: number; size: number; gone?: boolean; blob: Blob }>
/** Bytes the endless blob wrote before the client closed the connection, and whether it did. */
let endless: { sent: number; closed: Promise<void> }

beforeEach(async () => {
  artifacts = new Map()
  let markClosed = () => {}
  endless = { sent: 0, closed: new Promise<void>((resolve) => (markClosed = resolve)) }
  blobs = await listen((req, res) => {
    const id = Number(/^\/blob\/(\d+)/.exec(req.url ?? '')?.[1])
    const a = [...artifacts.values()].find((x) => x.id === id)
    if (!a) return void res.writeHead(404).end()
    const blob = a.blob
    if (blob.kind === 'status') return void res.writeHead(blob.status, { 'content-type': 'application/xml' }).end('<Error>AuthenticationFailed</Error>')
    if (blob.kind === 'bytes') {
      const headers: Record<string, string> = { 'content-type': 'application/zip' }
      if (blob.contentLength !== false) headers['content-length'] = String(blob.data.length)
      res.writeHead(200, headers)
      return void res.end(Buffer.from(blob.data))
    }
    // Endless: 64 KiB chunks, as fast as the client takes them, until it hangs up (no Content-Length).
    res.writeHead(200, { 'content-type': 'application/zip' })
    const chunk = Buffer.alloc(64 << 10, 0x41)
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) endless.sent += chunk.length
      if (!res.destroyed) res.once('drain', pump)
    }
    res.on('close', markClosed)
    pump()
  })
  api = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
    let m: RegExpExecArray | null
    if (/^\/repos\/o\/r\/actions\/workflows\/7\/runs$/.test(url.pathname)) {
      const runs = [...artifacts.keys()].sort((a, b) => b - a).map((id) => ({ id, head_sha: id === 11 ? 'base-sha' : `sha-${id}`, run_number: id + 100, html_url: `https://github.test/o/r/actions/runs/${id}` }))
      return json(200, { total_count: runs.length, workflow_runs: runs })
    }
    if ((m = /^\/repos\/o\/r\/actions\/runs\/(\d+)\/artifacts$/.exec(url.pathname))) {
      const a = artifacts.get(Number(m[1]))
      return json(200, { total_count: a ? 1 : 0, artifacts: a ? [{ id: a.id, name: 'predictions', expired: false, size_in_bytes: a.size }] : [] })
    }
    if ((m = /^\/repos\/o\/r\/actions\/artifacts\/(\d+)\/zip$/.exec(url.pathname))) {
      const a = [...artifacts.values()].find((x) => x.id === Number(m?.[1]))
      if (!a || a.gone) return json(410, { message: 'Artifact has expired', documentation_url: 'x' })
      return void res.writeHead(302, { location: `${blobs.url}/blob/${a.id}?${SECRET}` }).end()
    }
    json(404, { message: `no route ${url.pathname}` })
  })
})

afterEach(async () => {
  vi.unstubAllEnvs()
  for (const s of [api, blobs]) {
    s.server.closeAllConnections()
    await new Promise<void>((resolve) => s.server.close(() => resolve()))
  }
})

const client = (): Client => getOctokit(TOKEN, { baseUrl: api.url }) as Client
const query = (over: Partial<BaselineQuery> = {}): BaselineQuery => ({
  owner: 'o',
  repo: 'r',
  workflow: 7,
  branch: 'main',
  baseSha: 'base-sha',
  artifactName: 'predictions',
  artifactPath: null,
  predictionsPath: 'predictions.jsonl',
  ...over
})

async function rejection(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(InputError)
  return (error as Error).message
}

const downloads = () => api.requests.filter((r) => r.path.includes('/actions/artifacts/'))

describe('downloading the baseline artifact', () => {
  it('follows the 302 to the signed URL without the token and returns the entry with the run\'s provenance', async () => {
    const zip = await artifactZip({ 'eval/predictions.jsonl': rows, 'README.md': '# model\n' })
    artifacts.set(10, { id: 100, size: zip.length, blob: { kind: 'bytes', data: zip } })
    artifacts.set(11, { id: 110, size: zip.length, blob: { kind: 'bytes', data: zip } })
    const found = await findBaseline(client(), query({ maxUnpackedBytes: 1_000_000 }))
    expect(found).toMatchObject({
      runId: 11, // the run at the pull request's base commit, though run 10 is listed... after it (newest first: 11, 10)
      runNumber: 111,
      htmlUrl: 'https://github.test/o/r/actions/runs/11',
      headSha: 'base-sha',
      atBaseCommit: true,
      name: 'artifact "predictions" of run 11: eval/predictions.jsonl',
      maxUnpackedBytes: 1_000_000
    })
    expect(Buffer.from(found?.data ?? []).toString()).toBe(rows)
    expect(api.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true)
    expect(blobs.requests).toEqual([{ path: `/blob/110?${SECRET}`, authorization: undefined }])
  })

  it('prefers the run at the base commit over a newer one', async () => {
    const zip = await artifactZip({ 'predictions.jsonl': rows })
    artifacts.set(11, { id: 110, size: zip.length, blob: { kind: 'bytes', data: zip } })
    artifacts.set(12, { id: 120, size: zip.length, blob: { kind: 'bytes', data: zip } })
    expect((await findBaseline(client(), query()))?.runId).toBe(11)
    expect((await findBaseline(client(), query({ baseSha: 'elsewhere' })))?.runId).toBe(12)
  })

  it('refuses an artifact whose size_in_bytes is over the cap before making any download request', async () => {
    artifacts.set(11, { id: 110, size: 5_000_000, blob: { kind: 'endless' } })
    const message = await rejection(findBaseline(client(), query({ maxArtifactBytes: 1_000_000 })))
    expect(message).toBe(
      'artifact "predictions" of run 11: is 5,000,000 bytes, more than the cap of 1,000,000 bytes on a baseline artifact: refused before downloading (upload the predictions in an artifact of their own)'
    )
    expect(downloads()).toEqual([])
    expect(blobs.requests).toEqual([])
  })

  it('stops a body that passes the cap while streaming (the listed size lied, no Content-Length)', async () => {
    artifacts.set(11, { id: 110, size: 1000, blob: { kind: 'endless' } })
    const message = await rejection(findBaseline(client(), query({ maxArtifactBytes: 1 << 20 })))
    expect(message).toBe('artifact "predictions" of run 11: is more than the cap of 1,048,576 bytes (stopped while downloading): refused')
    await endless.closed // the client hung up: an endless body cannot have been read to its end
    // What the server managed to write before the hang-up: the cap plus what the socket buffers hold.
    expect(endless.sent).toBeLessThan(64 << 20)
  })

  it('refuses a Content-Length over the cap without reading the body', async () => {
    const big = new Uint8Array(2 << 20)
    artifacts.set(11, { id: 110, size: 1000, blob: { kind: 'bytes', data: big } })
    expect(await rejection(findBaseline(client(), query({ maxArtifactBytes: 1 << 20 })))).toBe(
      'artifact "predictions" of run 11: is 2,097,152 bytes (Content-Length), more than the cap of 1,048,576 bytes: refused'
    )
  })

  it('takes the next run when the artifact answers 410 Gone, and gives null when every one does', async () => {
    const zip = await artifactZip({ 'predictions.jsonl': rows })
    artifacts.set(10, { id: 100, size: zip.length, blob: { kind: 'bytes', data: zip } })
    artifacts.set(11, { id: 110, size: zip.length, gone: true, blob: { kind: 'bytes', data: zip } })
    const found = await findBaseline(client(), query())
    expect(found?.runId).toBe(10)
    expect(found?.atBaseCommit).toBe(false)
    expect(downloads().map((r) => r.path)).toEqual(['/repos/o/r/actions/artifacts/110/zip', '/repos/o/r/actions/artifacts/100/zip'])
    artifacts.get(10)!.gone = true
    expect(await findBaseline(client(), query())).toBeNull()
  })

  it('names the download host, never the signed URL, when the download fails', async () => {
    artifacts.set(11, { id: 110, size: 1000, blob: { kind: 'status', status: 403 } })
    const message = await rejection(findBaseline(client(), query()))
    expect(message).toBe(`artifact "predictions" of run 11: cannot be downloaded: ${new URL(blobs.url).host} answered HTTP 403`)
    expect(message).not.toContain('SECRET')
  })

  it('hands the reader the unpacked cap for the gzip layer: a .jsonl.gz far under the cap that inflates past it is refused', async () => {
    const big = Array.from({ length: 100_000 }, (_, i) => `{"id":${i},"label":"ham","prediction":"ham"}\n`).join('') // ~4.3 MB
    const gz = gzipSync(big)
    const cap = 2_000_000
    expect(gz.length).toBeLessThan(cap / 5)
    expect(Buffer.byteLength(big)).toBeGreaterThan(cap)
    const zip = await artifactZip({ 'predictions.jsonl.gz': gz })
    artifacts.set(11, { id: 110, size: zip.length, blob: { kind: 'bytes', data: zip } })
    const found = await findBaseline(client(), query({ maxUnpackedBytes: cap }))
    expect(found?.maxUnpackedBytes).toBe(cap)
    const source = { name: found!.name, data: found!.data, maxUnpackedBytes: found!.maxUnpackedBytes }
    const read = readPredictions(source, { fields: DEFAULT_FIELDS, dictionary: new LabelDictionary(), requireId: true })
    expect(await rejection(read)).toContain('artifact "predictions" of run 11: predictions.jsonl.gz')
    // Without the cap the same bytes read fine (so the refusal is the cap's doing).
    const all = await readPredictions({ name: found!.name, data: found!.data }, { fields: DEFAULT_FIELDS, dictionary: new LabelDictionary(), requireId: true })
    expect(all.n).toBe(100_000)
  })
})

describe('the caps', () => {
  it('are 512 MiB unless the test knobs lower them; the zip cap follows the unpacked cap by default', () => {
    expect(MAX_UNPACKED).toBe(512 * 1024 * 1024)
    expect(maxUnpacked({})).toBe(MAX_UNPACKED)
    expect(maxArtifactBytes({})).toBe(MAX_UNPACKED)
    expect(maxArtifactBytes({ EVAL_GATE_MAX_UNPACKED_BYTES: '4096' })).toBe(4096)
    expect(maxArtifactBytes({ EVAL_GATE_MAX_UNPACKED_BYTES: '4096', EVAL_GATE_MAX_ARTIFACT_BYTES: '100' })).toBe(100)
    expect(maxArtifactBytes({ EVAL_GATE_MAX_ARTIFACT_BYTES: 'lots' })).toBe(MAX_UNPACKED)
  })

  it('are read from the environment by findBaseline', async () => {
    vi.stubEnv('EVAL_GATE_MAX_UNPACKED_BYTES', '123456')
    const zip = await artifactZip({ 'predictions.jsonl': rows })
    artifacts.set(11, { id: 110, size: zip.length, blob: { kind: 'bytes', data: zip } })
    expect((await findBaseline(client(), query()))?.maxUnpackedBytes).toBe(123_456)
    vi.stubEnv('EVAL_GATE_MAX_ARTIFACT_BYTES', String(zip.length - 1))
    expect(await rejection(findBaseline(client(), query()))).toContain(`more than the cap of ${(zip.length - 1).toLocaleString('en-US')} bytes on a baseline artifact`)
  })
})
