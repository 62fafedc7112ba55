/**
 * The documentation: every generated block of README.md and docs/ is what `npm run docs` (scripts/docs.mjs) makes
 * now from action.yml, `node dist/cli.js --help` and runs on examples/; README.md stays a landing page; and the
 * pages are in the project's own words, citing docs/ pages rather than internal design notes.
 */
import { execFile } from 'node:child_process'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

function pages(): string[] {
  const files = ['README.md']
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name)
      if (entry.isDirectory()) walk(rel)
      else if (entry.name.endsWith('.md')) files.push(rel)
    }
  }
  walk('docs')
  return files
}

describe('documentation', () => {
  it('every generated block is current (node scripts/docs.mjs --check, run from another directory)', async () => {
    const result = await promisify(execFile)(process.execPath, [path.join(root, 'scripts/docs.mjs'), '--check'], { cwd: tmpdir(), maxBuffer: 1 << 24 })
      .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
      .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }))
    // On failure the message names each stale block: run `npm run docs` (after rebuilding dist/) and commit.
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/generated blocks are current/)
  }, 240_000)

  it('README.md is a landing page of at most 25 KB', () => {
    expect(statSync(path.join(root, 'README.md')).size).toBeLessThanOrEqual(25_000)
  })

  it('README.md has its sections in order: quick start, the workflow, choosing gates, the docs pages', () => {
    const headings = [...readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1])
    expect(headings).toEqual(['Quick start', 'The workflow', 'Choosing gates', 'Documentation'])
  })

  it('README.md links every page of docs/', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
    const linked = new Set([...readme.matchAll(/\]\((docs\/[^)#]+)/g)].map((m) => m[1]))
    const missing = pages().filter((f) => f.startsWith('docs/') && !linked.has(f))
    expect(missing).toEqual([])
  })

  it.each(pages())('%s cites no internal design notes (SPEC, §N, METHODS.md)', (file) => {
    const text = readFileSync(path.join(root, file), 'utf8')
    expect(text).not.toMatch(/SPEC/)
    expect(text).not.toMatch(/METHODS\.md/)
    expect(text).not.toMatch(/§\s*\d/)
  })

  it.each(pages())('%s: every relative link points to a file of the repository', (file) => {
    const text = readFileSync(path.join(root, file), 'utf8').replace(/^(`{3,})[\s\S]*?^\1/gm, '')
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/.test(t) && !t.startsWith('#'))
    const missing = targets
      .map((t) => path.posix.normalize(path.posix.join(path.posix.dirname(file), t.split('#')[0])))
      .filter((t) => {
        try {
          statSync(path.join(root, t))
          return false
        } catch {
          return true
        }
      })
    expect(missing).toEqual([])
  })
})
