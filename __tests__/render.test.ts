/**
 * The one renderer (issue 4): snapshots of a binary, a multiclass and a no-baseline report made by compare(),
 * hostile labels that must not break a table or ping anyone, and a 50-class report under the comment limit.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compare, type CompareOptions } from '../src/compare.js'
import { escapeText } from '../src/render/escape.js'
import { LIMITS, renderMarkdown } from '../src/render/index.js'
import { streamFor } from '../src/stats/random.js'
import { DEFAULT_FIELDS } from '../src/types.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.dirname(here)
const oracle = (c: string, f: string) => ({ name: `${c}/${f}`, path: path.join(here, 'fixtures/oracle', c, f) })
const base: Omit<CompareOptions, 'candidate' | 'baseline'> = { fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 2000, seed: 0, missingBaseline: 'skip' }

/** Every table row of the Markdown has as many cells as its table's header. */
function tableShapes(markdown: string): void {
  let columns = -1
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      columns = -1
      continue
    }
    const cells = line.split('|').length - 2
    if (columns < 0) columns = cells
    expect(cells, line).toBe(columns)
  }
}

describe('report snapshots', () => {
  it('binary: the README demo', async () => {
    const report = await compare({
      ...base,
      candidate: { name: 'examples/spam/candidate.jsonl', path: path.join(root, 'examples/spam/candidate.jsonl') },
      baseline: { name: 'examples/spam/baseline.jsonl', path: path.join(root, 'examples/spam/baseline.jsonl') },
      positiveLabel: 'spam'
    })
    const md = renderMarkdown(report, 'comment')
    tableShapes(md)
    await expect(md).toMatchFileSnapshot('__snapshots__/binary.md')
  })
  it('multiclass with hostile labels (oracle case-008: "@team", "sports | news", "world <b>")', async () => {
    const report = await compare({ ...base, candidate: oracle('case-008', 'candidate.jsonl'), baseline: oracle('case-008', 'baseline.jsonl') })
    const md = renderMarkdown(report, 'comment')
    tableShapes(md)
    expect(md).not.toContain('<b>')
    expect(md).not.toMatch(/@team/)
    expect(md).toContain('&#64;team')
    expect(md).toContain('sports &#124; news')
    await expect(md).toMatchFileSnapshot('__snapshots__/multiclass.md')
  })
  it('no baseline', async () => {
    const report = await compare({ ...base, candidate: oracle('case-006', 'candidate.csv'), baseline: null })
    const md = renderMarkdown(report, 'comment')
    tableShapes(md)
    expect(md).toContain('Candidate only (no baseline)')
    await expect(md).toMatchFileSnapshot('__snapshots__/no-baseline.md')
  })
})

describe('escaping', () => {
  it('neutralises table pipes, HTML, mentions, code and line breaks', () => {
    expect(escapeText('a|b <b>x</b> @team `rm` *em* [l](u)\nnext')).toBe('a&#124;b &lt;b&gt;x&lt;/b&gt; &#64;team &#96;rm&#96; \\*em\\* \\[l\\](u) next')
    expect(escapeText('f1_macro')).toBe('f1_macro')
    expect(escapeText('_x_')).toBe('\\_x\\_')
  })
  it('keeps every table whole with labels full of markup', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eval-gate-render-'))
    const labels = ['a|b', '<img src=x>', '@org/team', 'x`y`', 'line\nbreak', '#12', '[link](http://x)']
    const rows = (shift: number) =>
      Array.from({ length: 140 }, (_, i) => JSON.stringify({ id: i, label: labels[i % 7], prediction: labels[(i + (i % 5 === 0 ? shift : 0)) % 7] })).join('\n')
    writeFileSync(path.join(dir, 'c.jsonl'), rows(1))
    writeFileSync(path.join(dir, 'b.jsonl'), rows(2))
    const report = await compare({ ...base, candidate: { name: 'c.jsonl', path: path.join(dir, 'c.jsonl') }, baseline: { name: 'b.jsonl', path: path.join(dir, 'b.jsonl') } })
    for (const target of ['comment', 'summary', 'cli'] as const) {
      const md = renderMarkdown(report, target)
      tableShapes(md)
      expect(md).not.toMatch(/<img|@org|(?<!\\)\]\(http/)
    }
  })
})

describe('size', () => {
  it('a 50-class report stays under 60,000 characters as a comment and says what it cut', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eval-gate-50-'))
    const rng = streamFor(50, 'classes')
    const label = (k: number) => `category number ${k} with a long name`
    const lines = (quality: number) =>
      Array.from({ length: 5000 }, (_, i) => {
        const truth = i % 50
        const right = rng.nextDouble() < quality
        return JSON.stringify({ id: i, label: label(truth), prediction: label(right ? truth : Math.floor(rng.nextDouble() * 50)) })
      }).join('\n')
    writeFileSync(path.join(dir, 'c.jsonl'), lines(0.8))
    writeFileSync(path.join(dir, 'b.jsonl'), lines(0.78))
    const report = await compare({ ...base, resamples: 500, candidate: { name: 'c.jsonl', path: path.join(dir, 'c.jsonl') }, baseline: { name: 'b.jsonl', path: path.join(dir, 'b.jsonl') } })
    const comment = renderMarkdown(report, 'comment')
    expect(comment.length).toBeLessThan(LIMITS.comment)
    expect(comment).toContain('25 more classes are not shown here')
    expect(comment).toContain('Not shown for 50 classes')
    tableShapes(comment)
    const summary = renderMarkdown(report, 'summary')
    expect(summary.length).toBeGreaterThan(comment.length)
    expect(summary.length).toBeLessThan(LIMITS.summary)
    expect(summary).not.toContain('more classes are not shown')
  })
})
