/**
 * The REST client: `@actions/github`'s Octokit (it honours GITHUB_API_URL) with retries on 5xx and network
 * errors (`@octokit/plugin-retry`, exponential backoff) and GitHub's rate-limit headers respected
 * (`@octokit/plugin-throttling`). `EVAL_GATE_RETRY_BASE_MS` shortens the backoff (tests); it is not an input.
 *
 * A failure that is left after the retries becomes an ApiError: one line naming the request, the status and what
 * to do — never "internal error" and a stack trace.
 */
import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { ConfigError } from '../../common/errors.js'

export type Client = ReturnType<typeof getOctokit>

/** Retries after the first attempt, on 5xx and network errors. */
export const RETRIES = 3

export function makeClient(token: string, env: NodeJS.ProcessEnv = process.env): Client {
  const base = Number(env.EVAL_GATE_RETRY_BASE_MS)
  const retryAfterBaseValue = Number.isFinite(base) && base >= 0 ? base : 1000
  return getOctokit(
    token,
    {
      retry: { retries: RETRIES, retryAfterBaseValue, doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
      throttle: {
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          core.warning(`GitHub rate limit hit on ${options.method} ${options.url}; retrying in ${retryAfter} s`)
          return retryCount < 2
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          core.warning(`GitHub secondary rate limit hit on ${options.method} ${options.url}; retrying in ${retryAfter} s`)
          return retryCount < 2
        }
      }
    },
    retry,
    throttling
  )
}

/**
 * The client, made on first use: a run that needs no API (baseline `none` or a file, `comment: false`) needs no
 * token. `needed` says what wants the API, for the message when the token is empty.
 */
export function lazyClient(token: string): (needed: string) => Client {
  let client: Client | null = null
  return (needed) => {
    if (!token) {
      throw new ConfigError(
        `input "github-token" is empty, but ${needed} uses GitHub's REST API: pass a token (the default \${{ github.token }} is enough), ` +
          `or use baseline: none or a file and comment: false`
      )
    }
    client ??= makeClient(token)
    return client
  }
}

/** A GitHub API request that failed for good (after retries): the message is the whole story. */
export class ApiError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ApiError'
  }
}

/**
 * The one-line message for a failed request: `GET /repos/o/r/actions/runs/1: HTTP 502 Bad Gateway after 3
 * retries …`. Returns null for errors that are not Octokit request errors (bugs).
 */
export function apiFailure(error: unknown): ApiError | null {
  const e = error as { name?: string; status?: unknown; message?: string; request?: { method?: string; url?: string }; response?: unknown }
  if (!e || e.name !== 'HttpError' || typeof e.status !== 'number' || !e.request?.url) return null
  const request = `${e.request.method ?? 'GET'} ${pathOf(e.request.url)}`
  const detail = oneLine(e.message ?? '')
  if (e.response === undefined) {
    return new ApiError(`GitHub's API could not be reached: ${request} failed (${detail}) after ${RETRIES} retries. Check GITHUB_API_URL and the network, then re-run the job.`)
  }
  if (e.status >= 500) {
    return new ApiError(`GitHub's API failed: ${request} answered HTTP ${e.status} (${detail}) after ${RETRIES} retries. This is on GitHub's side: re-run the job later.`)
  }
  if (e.status === 401) return new ApiError(`GitHub's API refused the token: ${request} answered HTTP 401 (${detail}). Check the input "github-token".`)
  if (e.status === 403 || e.status === 404) {
    return new ApiError(
      `GitHub's API refused ${request}: HTTP ${e.status} (${detail}). The token may lack a permission (actions: read, pull-requests: write, statuses: write) or the resource does not exist.`
    )
  }
  return new ApiError(`GitHub's API refused ${request}: HTTP ${e.status} (${detail}).`)
}

function pathOf(url: string): string {
  try {
    const u = new URL(url)
    return u.pathname + u.search
  } catch {
    return url
  }
}

/** A message from the API on one line and at most 200 characters. */
function oneLine(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim()
  return flat.length > 200 ? flat.slice(0, 199) + '…' : flat
}
