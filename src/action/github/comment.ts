/**
 * The pull-request comment: one per pull request and comment key, found by a hidden marker among all the pull
 * request's comments (every page), edited in place on each run, never posted twice.
 *
 * Only a comment written by a bot is ever edited (`user.type == "Bot"`: the `github-actions[bot]` identity of
 * GITHUB_TOKEN, or a GitHub App's): a person's comment that happens to hold the marker is left alone. With a
 * personal access token the comments are that person's: then the token's own login (GET /user) is accepted too.
 */
import type { Client } from './client.js'

/** The hidden marker that identifies Eval Gate's comment for a key. */
export function marker(key: string): string {
  return `<!-- eval-gate:${key.replace(/--/g, '- -')} -->`
}

export interface CommentTarget {
  owner: string
  repo: string
  issueNumber: number
  key: string
}

interface Listed {
  id: number
  body?: string | null
  user?: { login?: string; type?: string } | null
}

/** Creates or edits the comment; returns its URL and what was done. Errors (403 …) are thrown to the caller. */
export async function upsertComment(client: Client, target: CommentTarget, body: string): Promise<{ url: string; action: 'created' | 'updated' }> {
  const tag = marker(target.key)
  const text = `${tag}\n${body}`
  const marked: Listed[] = []
  let existing: Listed | undefined
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  })) {
    const mine = (page.data as Listed[]).filter((c) => typeof c.body === 'string' && c.body.startsWith(tag))
    existing = mine.find((c) => c.user?.type === 'Bot')
    if (existing) break
    marked.push(...mine)
  }
  if (!existing && marked.length > 0) {
    // Marked comments, none by a bot: edit one only if it is the token's own (a personal access token).
    const login = await ownLogin(client)
    existing = login === null ? undefined : marked.find((c) => c.user?.login === login)
  }
  if (existing) {
    const { data } = await client.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body: text })
    return { url: data.html_url, action: 'updated' }
  }
  const { data } = await client.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body: text })
  return { url: data.html_url, action: 'created' }
}

/** The login of a user token; null for an installation token (GITHUB_TOKEN answers 403 here). */
async function ownLogin(client: Client): Promise<string | null> {
  try {
    const { data } = await client.rest.users.getAuthenticated()
    return data.type === 'Bot' ? null : data.login
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 401 || status === 403 || status === 404) return null
    throw error
  }
}
