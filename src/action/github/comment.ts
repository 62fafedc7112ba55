/**
 * The pull-request comment: one per pull request and comment key, found by a hidden marker among all the pull
 * request's comments (every page), edited in place on each run, never posted twice.
 *
 * Only a comment written by a bot is ever edited (`user.type == "Bot"`: the `github-actions[bot]` identity of
 * GITHUB_TOKEN, or a GitHub App's): a person's comment that happens to hold the marker is left alone. With a
 * personal access token the comments are that person's: then the token's own login (GET /user) is accepted too.
 *
 * Concurrent runs of one pull request (docs/action.md, concurrency) may each find no comment and post one. So after
 * writing, a run lists the comments again and keeps exactly one: the oldest marked comment by the same author
 * (the smallest id: GitHub's ids grow with creation). When that is not the one it wrote, it edits the oldest to its
 * own content; every newer duplicate is deleted (an answer 404, already deleted by another run, is fine). Every run
 * agrees on which one is the oldest, so the runs converge on one comment.
 */
import * as core from '@actions/core'
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
  html_url?: string
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
    const kept = await keepOne(client, target, text, { id: data.id, login: data.user?.login ?? null })
    return { url: kept?.html_url ?? data.html_url, action: 'updated' }
  }
  const { data } = await client.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body: text })
  const kept = await keepOne(client, target, text, { id: data.id, login: data.user?.login ?? null })
  return { url: kept?.html_url ?? data.html_url, action: kept && kept.id !== data.id ? 'updated' : 'created' }
}

/**
 * Lists the comments again after writing `written` and keeps one: the oldest marked comment of the same author.
 * Returns the one kept when it is not `written` (edited to `text`), or when duplicates were deleted; else null.
 * Cost: one listing (a request per 100 comments), plus an edit and a delete per duplicate when runs raced.
 */
async function keepOne(client: Client, target: CommentTarget, text: string, written: { id: number; login: string | null }): Promise<Listed | null> {
  if (written.login === null) return null
  const tag = marker(target.key)
  const ours: Listed[] = []
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  })) {
    ours.push(...(page.data as Listed[]).filter((c) => typeof c.body === 'string' && c.body.startsWith(tag) && c.user?.login === written.login))
  }
  if (ours.length === 0 || (ours.length === 1 && ours[0].id === written.id)) return null
  ours.sort((a, b) => a.id - b.id)
  const [oldest, ...newer] = ours
  let kept = oldest
  if (oldest.id !== written.id) {
    const { data } = await client.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: oldest.id, body: text })
    kept = data as Listed
  }
  let deleted = 0
  for (const duplicate of newer) {
    try {
      await client.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: duplicate.id })
      deleted++
    } catch (error) {
      // 404: another run deleted it first. Anything else leaves a duplicate, which the next run removes.
      const status = (error as { status?: number }).status
      if (status !== 404) core.warning(`Could not delete the duplicate comment ${duplicate.id} (${status === undefined ? (error as Error).message : `HTTP ${status}`}): the next run removes it`)
    }
  }
  if (newer.length > 0) core.info(`Another run commented on this pull request at the same time: kept the oldest comment ${oldest.id}, deleted ${deleted} duplicate${deleted === 1 ? '' : 's'}`)
  return kept
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
