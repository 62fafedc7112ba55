/**
 * The pinned reference of the input `reference` (docs/reference.md), fetched into memory:
 *
 * | value | the predictions |
 * | --- | --- |
 * | `release:TAG`, `release:latest` | the release's asset named as the `predictions` file (its basename), or `reference-asset` (releases API; release assets do not expire) |
 * | `run:ID` | that workflow run's artifact `artifact-name`, the file in it chosen as for the baseline |
 * | anything else | a file path |
 *
 * Every failure is one line naming the input and what to do: no such release, no such asset (with the assets it
 * has), no such run or an expired artifact. Requests: a release costs 2 (the release, then the asset, which
 * answers 302 to a signed location), a run 2 (its artifacts, then the zip).
 */
import path from 'node:path'
import { ConfigError, quote } from '../../common/errors.js'
import type { Reference } from '../../compare/compareWithReference.js'
import { listZipEntries, quoteName, unpackZipEntry } from '../../read/zipArchive.js'
import { chooseEntry, clientFetch, downloadArtifactZip, maxArtifactBytes, maxUnpacked, readCapped } from './baseline.js'
import type { Client } from './client.js'

export type ReferenceInput = { kind: 'release'; tag: string | null } | { kind: 'run'; runId: number } | { kind: 'file'; path: string }

/** The input's value, checked: `release:TAG` / `release:latest`, `run:ID`, else a file path. */
export function parseReferenceInput(value: string): ReferenceInput {
  const release = /^release:(.*)$/s.exec(value)
  if (release) {
    const tag = release[1].trim()
    if (tag === '') throw new ConfigError(`input "reference" is "release:" without a tag: write release:TAG (e.g. release:v1.2.0) or release:latest`)
    return { kind: 'release', tag: tag === 'latest' ? null : tag }
  }
  const run = /^run:(.*)$/s.exec(value)
  if (run) {
    const id = Number(run[1].trim())
    if (!/^\d+$/.test(run[1].trim()) || !Number.isSafeInteger(id) || id <= 0) throw new ConfigError(`input "reference" must be run:ID with the run's number id (e.g. run:1234567890), got ${quote(value)}`)
    return { kind: 'run', runId: id }
  }
  return { kind: 'file', path: value }
}

export interface ReferenceQuery {
  owner: string
  repo: string
  /** The `predictions` input as written: a release asset of its basename; the file inside a run's artifact. */
  predictionsPath: string
  /** `reference-asset`: the release asset's name when it is not the predictions file's. */
  assetName: string | null
  /** `artifact-name` and `artifact-path`, for `run:ID`. */
  artifactName: string
  artifactPath: string | null
  fetch?: typeof fetch
}

/** The reference's predictions. `client` is asked for only when the API is needed (not for a file). */
export async function fetchReference(input: ReferenceInput, client: () => Client, q: ReferenceQuery): Promise<Reference> {
  if (input.kind === 'file') return { source: { name: input.path, path: input.path }, label: input.path }
  if (input.kind === 'run') return runReference(client(), input.runId, q)
  return releaseReference(client(), input.tag, q)
}

async function releaseReference(client: Client, tag: string | null, q: ReferenceQuery): Promise<Reference> {
  const what = `input "reference" is "release:${tag ?? 'latest'}"`
  let release
  try {
    release = tag === null ? (await client.rest.repos.getLatestRelease({ owner: q.owner, repo: q.repo })).data : (await client.rest.repos.getReleaseByTag({ owner: q.owner, repo: q.repo, tag })).data
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error
    throw new ConfigError(
      tag === null
        ? `${what}, but ${q.owner}/${q.repo} has no published release (drafts and prereleases are not "latest"): publish one, or name its tag`
        : `${what}, but ${q.owner}/${q.repo} has no release with the tag ${quote(tag)}`
    )
  }
  const name = q.assetName ?? path.posix.basename(q.predictionsPath.replace(/\\/g, '/'))
  const asset = release.assets.find((a) => a.name === name)
  const shownTag = quote(release.tag_name, 80)
  if (!asset) {
    const names = release.assets.slice(0, 10).map((a) => quoteName(a.name)).join(', ') + (release.assets.length > 10 ? `, and ${release.assets.length - 10} more` : '')
    throw new ConfigError(
      `${what}, but the release ${shownTag} has no asset ${quoteName(name)} (its assets: ${names || 'none'}): ` +
        `upload the predictions to it (gh release upload ${release.tag_name} ${name}), or set reference-asset to the asset's name`
    )
  }
  const where = `asset ${quoteName(asset.name)} of release ${shownTag}`
  const data = await downloadAsset(client, q, asset.id, asset.size, where)
  return { source: { name: `release ${safe(release.tag_name)}: ${safe(asset.name)}`, data, maxUnpackedBytes: maxUnpacked() }, label: `release:${release.tag_name}` }
}

/**
 * A release asset's bytes: `Accept: application/octet-stream` answers 302 with a signed location (fetched without
 * the token), or the bytes themselves; capped like a baseline artifact while receiving.
 */
async function downloadAsset(client: Client, q: ReferenceQuery, assetId: number, size: number, where: string): Promise<Uint8Array> {
  const maxBytes = maxArtifactBytes()
  if (size > maxBytes) throw new ConfigError(`${where} is ${size.toLocaleString('en-US')} bytes, more than the cap of ${maxBytes.toLocaleString('en-US')} bytes: refused`)
  const response = await client.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
    owner: q.owner,
    repo: q.repo,
    asset_id: assetId,
    headers: { accept: 'application/octet-stream' },
    request: { redirect: 'manual', parseSuccessResponseBody: false }
  })
  let body = response.data as unknown as ReadableStream<Uint8Array> | null
  if (response.status >= 300 && response.status < 400) {
    await body?.cancel().catch(() => undefined)
    const location = (response.headers as Record<string, string | undefined>).location
    if (!location) throw new ConfigError(`${where} cannot be downloaded: the API answered ${response.status} without a Location`)
    const blob = await (q.fetch ?? clientFetch(client))(location, { redirect: 'follow' })
    if (!blob.ok) {
      await blob.body?.cancel().catch(() => undefined)
      throw new ConfigError(`${where} cannot be downloaded: HTTP ${blob.status} from the download location`)
    }
    body = blob.body
  }
  if (body === null) return new Uint8Array(0)
  return readCapped(body, maxBytes, size, where)
}

async function runReference(client: Client, runId: number, q: ReferenceQuery): Promise<Reference> {
  const what = `input "reference" is "run:${runId}"`
  let artifacts
  try {
    artifacts = (await client.rest.actions.listWorkflowRunArtifacts({ owner: q.owner, repo: q.repo, run_id: runId, name: q.artifactName, per_page: 100 })).data.artifacts
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error
    throw new ConfigError(`${what}, but ${q.owner}/${q.repo} has no workflow run ${runId}`)
  }
  const named = artifacts.filter((a) => a.name === q.artifactName)
  const artifact = named.find((a) => !a.expired)
  const expiredNote = 'run artifacts expire (90 days by default): pin a release asset instead (release:TAG)'
  if (!artifact) {
    throw new ConfigError(`${what}, but run ${runId} has no ${named.length > 0 ? 'unexpired ' : ''}artifact ${quoteName(q.artifactName)}${named.length > 0 ? `: ${expiredNote}` : ''}`)
  }
  const where = `artifact ${quoteName(q.artifactName)} of run ${runId}`
  const maxBytes = maxArtifactBytes()
  if (artifact.size_in_bytes > maxBytes) throw new ConfigError(`${where} is ${artifact.size_in_bytes.toLocaleString('en-US')} bytes, more than the cap of ${maxBytes.toLocaleString('en-US')} bytes: refused`)
  const zip = await downloadArtifactZip(client, { owner: q.owner, repo: q.repo, artifactId: artifact.id, where, maxBytes, expectedBytes: artifact.size_in_bytes, fetch: q.fetch })
  if (zip === null) throw new ConfigError(`${what}, but its artifact ${quoteName(q.artifactName)} has expired: ${expiredNote}`)
  const entry = chooseEntry(listZipEntries(zip, where), q.artifactPath, q.predictionsPath, where)
  const data = unpackZipEntry(zip, entry, where, maxUnpacked())
  return { source: { name: `${where}: ${safe(entry.name)}`, data, maxUnpackedBytes: maxUnpacked() }, label: `run:${runId}` }
}

/** A tag or file name for a source's display name: printable, its extension kept (the reader picks the format by it). */
const safe = (name: string): string => name.replace(/[^\w.\-+@/]/g, '_').slice(-120)
