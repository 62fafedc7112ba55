/**
 * Finding the baseline (docs/action.md): the workflow's successful `push` runs on the baseline branch, newest first;
 * the run whose head_sha is the pull request's base.sha first; the first run with a non-expired artifact named
 * artifact-name wins (an artifact that answers 410 Gone counts as expired). Its zip is checked against a size cap
 * (the listing's size_in_bytes, then while receiving), streamed into memory and read through its central
 * directory (./zip.ts); one entry is chosen and unpacked under the unpacked-size cap.
 */
import * as core from '@actions/core'
import path from 'node:path'
import { InputError } from '../../common/errors.js'
import { MAX_UNPACKED, listZipEntries, normalName, quoteName, unpackZipEntry, type ZipEntry } from '../../read/zipArchive.js'
import type { BaselineSearch } from '../../report/schema.js'
import type { Client } from './client.js'

export interface BaselineQuery {
  owner: string
  repo: string
  /** Workflow file name or id. */
  workflow: string | number
  branch: string
  /** The pull request's base commit, preferred when a run has it. */
  baseSha: string | null
  artifactName: string
  /** The `artifact-path` input: the file inside the artifact; null when not set. */
  artifactPath: string | null
  /** The `predictions` input as written: the default entry is this path, else its basename anywhere. */
  predictionsPath: string
  /** docs/suites.md: the paths of several suites, each matched in the artifact by {@link suiteEntry} (then `suites`). */
  suitePaths?: readonly string[]
  /**
   * docs/tools.md: `predictions` is an evaluation tool's output folder, whose files carry the run's time in their
   * names: every file of the artifact is unpacked (then `files`), for the caller to match by task.
   */
  wholeArtifact?: boolean
  /** Runs to look at before giving up. */
  maxRuns?: number
  /** Cap on the unpacked file (the zip entry, and the gzip layer inside it); default maxUnpacked(). */
  maxUnpackedBytes?: number
  /** Cap on the downloaded zip; default maxArtifactBytes(). */
  maxArtifactBytes?: number
  /** For the download from the redirect location; default the client's own fetch (proxy-aware), else global. */
  fetch?: typeof fetch
  /** Told the runs listed, newest first (docs/history.md reads their reports without listing them again). */
  onRuns?: (runs: readonly Run[]) => void
}

export interface Baseline {
  /** The run whose artifact gave the baseline (provenance: its id, number, web page and commit). */
  runId: number
  runNumber: number | null
  htmlUrl: string | null
  headSha: string
  /** When the run was created (ISO 8601; null when the API did not say): its age, docs/action.md staleness. */
  createdAt: string | null
  /** True when the run built the pull request's base commit. */
  atBaseCommit: boolean
  /** `artifact "predictions" of run 42: eval/predictions.jsonl` (the entry name escaped, its extension kept). */
  name: string
  data: Uint8Array
  why: string
  /** The cap for the reader on the bytes decoded from `data` after any gzip layer (PredictionSource). */
  maxUnpackedBytes: number
  /** With `suitePaths`: each path's file (`name` and `data` as above), null when the artifact has none; `data` is then empty. */
  suites?: Record<string, { name: string; data: Uint8Array } | null>
  /** With `wholeArtifact`: every file of the artifact, by its path in it (`data` of the Baseline is then empty). */
  files?: { path: string; data: Uint8Array }[]
}

export interface Run {
  id: number
  head_sha: string
  run_number?: number
  html_url?: string
  created_at?: string
}

/**
 * The workflow of the current run: its id, and its file (`.github/workflows/ci.yml`, from the run's `path`) for the
 * report to name (docs/report.md), null when the run does not give one.
 */
export async function currentWorkflow(client: Client, owner: string, repo: string, runId: number): Promise<{ id: number; file: string | null }> {
  const { data } = await client.rest.actions.getWorkflowRun({ owner, repo, run_id: runId })
  const file = typeof data.path === 'string' ? data.path.replace(/@.*$/, '') : ''
  return { id: data.workflow_id, file: /\.ya?ml$/.test(file) ? file : null }
}

/** The baseline predictions, or null when no run has the artifact. */
export async function findBaseline(client: Client, q: BaselineQuery): Promise<Baseline | null> {
  return (await searchBaseline(client, q)).baseline
}

/** The runs {@link searchBaseline} lists in its search (BaselineSearch.runs). */
const LISTED_RUNS = 10

/**
 * {@link findBaseline}, with what it looked at (docs/report.md `baseline.searched`): the runs tried and why each
 * did not qualify (no unexpired artifact of the name in its listing, or a 410 on download). `searched.reason` is
 * `no-runs` or `no-artifact` when nothing was found; the workflow is named as `q.workflow` (the caller may put
 * the file in its place).
 */
export async function searchBaseline(client: Client, q: BaselineQuery): Promise<{ baseline: Baseline | null; searched: BaselineSearch }> {
  const maxRuns = q.maxRuns ?? 100
  const maxUnpackedBytes = q.maxUnpackedBytes ?? maxUnpacked()
  const maxZipBytes = q.maxArtifactBytes ?? maxArtifactBytes()
  const artifact = quoteName(q.artifactName)
  const runs: Run[] = []
  const iterator = client.paginate.iterator(client.rest.actions.listWorkflowRuns, {
    owner: q.owner,
    repo: q.repo,
    workflow_id: q.workflow,
    branch: q.branch,
    event: 'push',
    status: 'success',
    per_page: 100
  })
  for await (const page of iterator) {
    runs.push(...(page.data as unknown as Run[]))
    if (runs.length >= maxRuns) break
  }
  core.info(`${runs.length} successful push run(s) of workflow ${q.workflow} on ${q.branch}`)
  q.onRuns?.(runs)
  const preferred = q.baseSha ? runs.filter((r) => r.head_sha === q.baseSha) : []
  const ordered = [...preferred, ...runs.filter((r) => !preferred.includes(r))].slice(0, maxRuns)
  const searched: BaselineSearch = { reason: ordered.length === 0 ? 'no-runs' : 'no-artifact', workflow: String(q.workflow), branch: q.branch, artifactName: q.artifactName, runsLookedAt: 0, runs: [] }
  const passOver = (run: Run, why: 'no-artifact' | 'expired'): void => {
    searched.runsLookedAt++
    if (searched.runs.length < LISTED_RUNS) searched.runs.push({ id: run.id, number: run.run_number ?? null, commit: run.head_sha, url: run.html_url ?? null, why })
  }
  for (const run of ordered) {
    const atBase = preferred.includes(run)
    const { data } = await client.rest.actions.listWorkflowRunArtifacts({ owner: q.owner, repo: q.repo, run_id: run.id, name: q.artifactName, per_page: 100 })
    const found = data.artifacts.find((a) => a.name === q.artifactName && !a.expired)
    if (!found) {
      core.info(`run ${run.id}${atBase ? ' (at the base commit)' : ''}: no unexpired artifact ${artifact}, trying the next run`)
      passOver(run, data.artifacts.some((a) => a.name === q.artifactName) ? 'expired' : 'no-artifact')
      continue
    }
    const where = `artifact ${artifact} of run ${run.id}`
    if (found.size_in_bytes > maxZipBytes) {
      throw new InputError(
        where,
        null,
        null,
        `is ${found.size_in_bytes.toLocaleString('en-US')} bytes, more than the cap of ${maxZipBytes.toLocaleString('en-US')} bytes on a baseline artifact: refused before downloading (upload the predictions in an artifact of their own)`
      )
    }
    const zip = await downloadArtifactZip(client, { owner: q.owner, repo: q.repo, artifactId: found.id, where, maxBytes: maxZipBytes, expectedBytes: found.size_in_bytes, fetch: q.fetch })
    if (zip === null) {
      core.info(`run ${run.id}: artifact ${artifact} has expired (410), trying the next run`)
      passOver(run, 'expired')
      continue
    }
    const entries = listZipEntries(zip, where)
    const suites = q.suitePaths ? suiteFiles(zip, entries, q.suitePaths, where, maxUnpackedBytes) : undefined
    const files = !suites && q.wholeArtifact ? allFiles(zip, entries, q.artifactPath, where, maxUnpackedBytes) : undefined
    const entry = suites || files ? null : chooseEntry(entries, q.artifactPath, q.predictionsPath, where)
    const bytes = entry ? unpackZipEntry(zip, entry, where, maxUnpackedBytes) : new Uint8Array(0)
    const why = atBase
      ? `run ${run.id} built the pull request's base commit ${run.head_sha.slice(0, 7)}`
      : `run ${run.id} (commit ${run.head_sha.slice(0, 7)}) is the newest successful push run on ${q.branch} with the artifact${q.baseSha ? '; no run at the base commit had it' : ''}`
    const baseline = {
      runId: run.id,
      runNumber: run.run_number ?? null,
      htmlUrl: run.html_url ?? null,
      headSha: run.head_sha,
      createdAt: run.created_at ?? null,
      atBaseCommit: atBase,
      name: entry ? `${where}: ${displayName(entry.name)}` : where,
      data: bytes,
      why,
      maxUnpackedBytes,
      ...(suites ? { suites } : {}),
      ...(files ? { files } : {})
    }
    return { baseline, searched }
  }
  return { baseline: null, searched }
}

/**
 * The entry holding the baseline predictions (docs/action.md): `artifactPath` when set (exact, a leading `./` ignored
 * on both sides); else the `predictions` path as written; else the one file whose basename is the predictions
 * file's basename, in any folder (two or more: ambiguous); else the artifact's only file. Otherwise an
 * InputError listing up to 10 files. Cost O(entries).
 * @example chooseEntry(entries of ['eval/predictions.jsonl', 'README.md'], null, 'predictions.jsonl', w) // eval/predictions.jsonl
 */
export function chooseEntry(entries: ZipEntry[], artifactPath: string | null, predictionsPath: string, where: string): ZipEntry {
  const files = entries.filter((e) => !e.name.endsWith('/'))
  const byPath = (p: string): ZipEntry | undefined => {
    const wanted = normalName(p)
    return files.find((e) => normalName(e.name) === wanted)
  }
  const listing = (): string => {
    const shown = files.slice(0, 10).map((e) => quoteName(e.name))
    if (files.length > 10) shown.push(`and ${files.length - 10} more`)
    return shown.length > 0 ? shown.join(', ') : 'none'
  }
  if (artifactPath !== null) {
    const chosen = byPath(artifactPath)
    if (chosen) return chosen
    throw new InputError(where, null, null, `has no file ${quoteName(artifactPath)} (artifact-path); its files: ${listing()}: set artifact-path to one of them`)
  }
  const predictions = predictionsPath.replace(/\\/g, '/')
  const exact = byPath(predictions)
  if (exact) return exact
  const base = path.posix.basename(predictions)
  const same = files.filter((e) => path.posix.basename(e.name) === base)
  if (same.length === 1) return same[0]
  if (same.length > 1) {
    const names = same.slice(0, 10).map((e) => quoteName(e.name)).join(', ')
    throw new InputError(where, null, null, `has ${same.length} files named ${quoteName(base)} (${names}): ambiguous, set artifact-path to the one to compare with`)
  }
  if (files.length === 1) return files[0]
  throw new InputError(where, null, null, `has no file ${quoteName(predictions)} nor one named ${quoteName(base)}; its files: ${listing()}: set artifact-path`)
}

/**
 * The entry of one suite (docs/suites.md): the file at the suite's path (a leading `./` ignored), else the one file of
 * its file name in any folder (upload-artifact drops the folders the files share), else null: the suite is new.
 * Two files of its name: an InputError (ambiguous). Cost O(entries).
 * @example suiteEntry(entries of ['spam.jsonl', 'intents.jsonl'], 'eval/spam.jsonl', w) // spam.jsonl
 */
export function suiteEntry(entries: ZipEntry[], suitePath: string, where: string): ZipEntry | null {
  const files = entries.filter((e) => !e.name.endsWith('/'))
  const wanted = normalName(suitePath.replace(/\\/g, '/'))
  const exact = files.find((e) => normalName(e.name) === wanted)
  if (exact) return exact
  const base = path.posix.basename(wanted)
  const same = files.filter((e) => path.posix.basename(e.name) === base)
  if (same.length > 1) {
    const names = same.slice(0, 10).map((e) => quoteName(e.name)).join(', ')
    throw new InputError(where, null, null, `has ${same.length} files named ${quoteName(base)} (${names}): ambiguous for the suite of ${quoteName(suitePath)}; keep the same paths in the artifact as in "predictions"`)
  }
  return same[0] ?? null
}

/** Every suite's file of the artifact, unpacked (null: none for that suite). */
function suiteFiles(zip: Uint8Array, entries: ZipEntry[], paths: readonly string[], where: string, maxUnpackedBytes: number): Record<string, { name: string; data: Uint8Array } | null> {
  const out: Record<string, { name: string; data: Uint8Array } | null> = {}
  for (const p of paths) {
    const entry = suiteEntry(entries, p, where)
    out[p] = entry ? { name: `${where}: ${displayName(entry.name)}`, data: unpackZipEntry(zip, entry, where, maxUnpackedBytes) } : null
  }
  return out
}

/**
 * Every file of the artifact (or of its folder `folder`, the artifact-path input), unpacked (docs/tools.md: a tool's
 * output folder). The cap on the unpacked bytes holds
 * for all of them together, as for one file (listZipEntries has refused a name that could leave the folder it is
 * written to: `../x`, `/x`). Cost O(unpacked bytes).
 */
function allFiles(zip: Uint8Array, entries: ZipEntry[], folder: string | null, where: string, maxUnpackedBytes: number): { path: string; data: Uint8Array }[] {
  // `artifact-path` names the folder inside the artifact: its files, by their paths below it.
  const prefix = folder === null ? '' : normalName(folder.replace(/\\/g, '/')).replace(/\/+$/, '') + '/'
  const files = entries.filter((e) => !e.name.endsWith('/') && (prefix === '/' || normalName(e.name).startsWith(prefix)))
  if (files.length === 0 && folder !== null) {
    const shown = entries.filter((e) => !e.name.endsWith('/')).slice(0, 10).map((e) => quoteName(e.name))
    throw new InputError(where, null, null, `has no file under ${quoteName(folder)} (artifact-path); its files: ${shown.length ? shown.join(', ') : 'none'}`)
  }
  let left = maxUnpackedBytes
  const out: { path: string; data: Uint8Array }[] = []
  for (const entry of files) {
    const name = normalName(entry.name).slice(prefix === '/' ? 0 : prefix.length)
    if (entry.size > left) {
      throw new InputError(where, null, null, `holds more than the cap of ${maxUnpackedBytes.toLocaleString('en-US')} bytes unpacked in its files (at ${quoteName(entry.name)}): refused; upload only the tool's output folder`)
    }
    const data = unpackZipEntry(zip, entry, where, left)
    left -= data.length
    out.push({ path: name, data })
  }
  return out
}

/** An entry name for the source's display name: escaped as in messages but without the quotes (the reader
 *  picks the format by the name's extension), the middle cut out of names over 120 characters. */
function displayName(name: string): string {
  const short = name.length > 120 ? `${name.slice(0, 60)}…${name.slice(-59)}` : name
  return quoteName(short, Infinity).slice(1, -1)
}

export interface DownloadQuery {
  owner: string
  repo: string
  artifactId: number
  /** `artifact "predictions" of run 42`, for messages. */
  where: string
  /** Refuse a zip larger than this, while receiving it. */
  maxBytes: number
  /** The size the listing gave (size_in_bytes): the first guess when the response has no Content-Length. */
  expectedBytes?: number
  fetch?: typeof fetch
}

/**
 * The artifact's zip, streamed into memory with `maxBytes` enforced while receiving (a Content-Length or the
 * listing's size can lie); null when the API answers 410 Gone (expired). The API answers 302 with a signed
 * `Location` (on GitHub, another host): that URL is fetched without the token. Octokit's downloadArtifact is
 * not used: it buffers the whole body. Memory: the zip's size, at most `maxBytes` plus one network chunk.
 */
export async function downloadArtifactZip(client: Client, q: DownloadQuery): Promise<Uint8Array | null> {
  let response: { status: number; headers: Record<string, string | number | undefined>; data: unknown }
  try {
    response = await client.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
      owner: q.owner,
      repo: q.repo,
      artifact_id: q.artifactId,
      archive_format: 'zip',
      request: { redirect: 'manual', parseSuccessResponseBody: false }
    })
  } catch (error) {
    if ((error as { status?: number }).status === 410) return null
    throw error
  }
  let body = response.data as ReadableStream<Uint8Array> | null
  let length = Number(response.headers['content-length'])
  if (response.status >= 300 && response.status < 400) {
    await body?.cancel().catch(() => undefined)
    const location = response.headers.location
    if (typeof location !== 'string' || location === '') {
      throw new InputError(q.where, null, null, `cannot be downloaded: the API answered ${response.status} without a Location`)
    }
    const fetchImpl = q.fetch ?? clientFetch(client)
    let blob: Response
    try {
      // No Authorization header: the location is a signed URL, usually on another host.
      blob = await fetchImpl(location, { redirect: 'follow' })
    } catch (error) {
      throw new InputError(q.where, null, null, `cannot be downloaded from ${hostOf(location)}: ${(error as Error).message}`)
    }
    if (!blob.ok) {
      await blob.body?.cancel().catch(() => undefined)
      throw new InputError(q.where, null, null, `cannot be downloaded: ${hostOf(location)} answered HTTP ${blob.status}`)
    }
    body = blob.body
    length = Number(blob.headers.get('content-length') ?? NaN)
  }
  if (body === null) return new Uint8Array(0)
  if (Number.isFinite(length) && length > q.maxBytes) {
    await body.cancel().catch(() => undefined)
    throw new InputError(q.where, null, null, `is ${length.toLocaleString('en-US')} bytes (Content-Length), more than the cap of ${q.maxBytes.toLocaleString('en-US')} bytes: refused`)
  }
  return readCapped(body, q.maxBytes, Number.isFinite(length) ? length : (q.expectedBytes ?? null), q.where)
}

/**
 * Reads a byte stream into one array, refusing (and cancelling the stream) as soon as it passes `maxBytes`.
 * The array starts at the expected length (capped) and doubles when more arrives: memory is the received size
 * when the length is right, at most 1.5 × maxBytes when it lies (measured: 770 MiB RSS for an endless body and
 * the 512 MiB cap). Cost O(bytes).
 */
export async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number, expected: number | null, where: string): Promise<Uint8Array> {
  let buffer = new Uint8Array(Math.min(expected ?? 1 << 20, maxBytes))
  let total = 0
  const reader = body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (total + value.length > maxBytes) {
        await reader.cancel().catch(() => undefined)
        throw new InputError(where, null, null, `is more than the cap of ${maxBytes.toLocaleString('en-US')} bytes (stopped while downloading): refused`)
      }
      if (total + value.length > buffer.length) {
        const grown = new Uint8Array(Math.min(Math.max(buffer.length * 2, total + value.length), maxBytes))
        grown.set(buffer.subarray(0, total))
        buffer = grown
      }
      buffer.set(value, total)
      total += value.length
    }
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(where, null, null, `download failed: ${(error as Error).message}`)
  } finally {
    reader.releaseLock()
  }
  // A view, not a copy: the pages past `total` were never written, so they take no memory.
  return buffer.subarray(0, total)
}

/** The fetch the client was built with (@actions/github's, which honours the runner's proxy settings). */
export function clientFetch(client: Client): typeof fetch {
  const defaults = client.request.endpoint.DEFAULTS as { request?: { fetch?: typeof fetch } }
  return defaults.request?.fetch ?? globalThis.fetch
}

/** Only the host of a signed URL goes into messages (its query string is a credential). */
function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return 'the download location'
  }
}

/** The cap on the unpacked baseline file; `EVAL_GATE_MAX_UNPACKED_BYTES` lowers it (tests), it is not an input. */
export function maxUnpacked(env: NodeJS.ProcessEnv = process.env): number {
  const x = Number(env.EVAL_GATE_MAX_UNPACKED_BYTES)
  return Number.isSafeInteger(x) && x > 0 ? x : MAX_UNPACKED
}

/** The cap on the artifact's zip: the unpacked cap unless `EVAL_GATE_MAX_ARTIFACT_BYTES` (tests) sets it. */
export function maxArtifactBytes(env: NodeJS.ProcessEnv = process.env): number {
  const x = Number(env.EVAL_GATE_MAX_ARTIFACT_BYTES)
  return Number.isSafeInteger(x) && x > 0 ? x : maxUnpacked(env)
}
