/**
 * The REST client: `@actions/github`'s Octokit (it honours GITHUB_API_URL) with retries on 5xx and network
 * errors (`@octokit/plugin-retry`, exponential backoff) and GitHub's rate-limit headers respected
 * (`@octokit/plugin-throttling`). `EVAL_GATE_RETRY_BASE_MS` shortens the backoff (tests); it is not an input.
 */
import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type Client = ReturnType<typeof getOctokit>

export function makeClient(token: string, env: NodeJS.ProcessEnv = process.env): Client {
  const base = Number(env.EVAL_GATE_RETRY_BASE_MS)
  const retryAfterBaseValue = Number.isFinite(base) && base >= 0 ? base : 1000
  return getOctokit(
    token,
    {
      retry: { retries: 3, retryAfterBaseValue, doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
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
