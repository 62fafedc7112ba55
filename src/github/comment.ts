/**
 * The pull-request comment: one per pull request and comment key, found by a hidden marker among all the pull
 * request's comments (every page), edited in place on each run, never posted twice.
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

/** Creates or edits the comment; returns its URL and what was done. Errors (403 …) are thrown to the caller. */
export async function upsertComment(client: Client, target: CommentTarget, body: string): Promise<{ url: string; action: 'created' | 'updated' }> {
  const tag = marker(target.key)
  const text = `${tag}\n${body}`
  let existing: { id: number } | undefined
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  })) {
    existing = page.data.find((c) => typeof c.body === 'string' && c.body.startsWith(tag))
    if (existing) break
  }
  if (existing) {
    const { data } = await client.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body: text })
    return { url: data.html_url, action: 'updated' }
  }
  const { data } = await client.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body: text })
  return { url: data.html_url, action: 'created' }
}
