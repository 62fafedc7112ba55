/**
 * The history section (docs/history.md): sparklines of the headline metrics, the folded Mermaid charts of the gated
 * metrics, parsed by Mermaid itself, and the shape check of `history` in a report read back.
 *
 * `mermaid.parse` runs under Node: it needs a DOM only for DOMPurify, which sanitises labels for rendering, not
 * for parsing. DOMPurify without a window has no hooks, so it is given no-op ones here; the parser itself (the
 * xychart grammar) is Mermaid's own.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import DOMPurify from 'dompurify'
import { beforeAll, describe, expect, it } from 'vitest'
import { chart, chartName, historySection } from '../src/render/historySection.js'
import { renderMarkdown } from '../src/render/renderReport.js'
import { sparkline } from '../src/render/sparkline.js'
import type { HistoryEntry, Report } from '../src/report/schema.js'
import { asReport } from '../src/report/validate.js'

const root = path.resolve(import.meta.dirname, '..')
const base = (): Report => JSON.parse(readFileSync(path.join(root, '__tests__/fixtures/action/report.json'), 'utf8')) as Report

type Mermaid = { parse: (text: string) => Promise<unknown> }
let mermaid: Mermaid
beforeAll(async () => {
  Object.assign(DOMPurify, { addHook() {}, removeHook() {}, removeHooks() {}, removeAllHooks() {}, sanitize: (s: unknown) => String(s) })
  mermaid = (await import('mermaid')).default as unknown as Mermaid
})

/** The fenced mermaid blocks of a Markdown text. */
const mermaidBlocks = (text: string): string[] => [...text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1])

const entries = (n: number, value: (i: number) => Record<string, number | null>): HistoryEntry[] =>
  Array.from({ length: n }, (_, i) => ({ runId: 100 + i, sha: (i.toString(16).padStart(2, '0') + 'abcdef0123456789').slice(0, 40), createdAt: null, metrics: value(i) }))

describe('sparkline', () => {
  it('maps the lowest value to ▁ and the highest to █ in eight steps; · where missing; ▄ when flat', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█')
    expect(sparkline([0.9, 0.91, 0.93, null, 0.92, 0.88])).toBe('▄▅█·▇▁')
    expect(sparkline([0.5, 0.5])).toBe('▄▄')
    expect(sparkline([null, Number.NaN])).toBe('··')
    expect(sparkline([])).toBe('')
  })
})

describe('historySection', () => {
  it('a sparkline per headline metric (history, then this pull request) and a chart per gated metric, which Mermaid parses', async () => {
    const report = base()
    report.history = entries(17, (i) => ({ accuracy: 0.95 - i * 0.001, recall: 0.9 + (i % 3) * 0.01, precision: 0.8, log_loss: 0.3 + i / 100, f1: null }))
    report.historySkipped = { expired: 3, missing: 0, invalid: 0 }
    const text = historySection(report)
    expect(text).toMatch(/^#### Trend on the base branch\n\n- accuracy `████▇▇▇▆▆▆▅▅▅▅▄▄▄▁` 95\.0% … 93\.4%, this pull request 92\.3%$/m)
    expect(text).toMatch(/^- log\\_loss \(lower is better\) `▁[▁-█]{16}[▁-█]` /m)
    expect(text).not.toMatch(/^- f1 /m)
    expect(text).toContain("The base branch's last 17 runs, oldest first, then this pull request (the last character)")
    expect(text).toContain('Runs skipped: 3 expired.')
    expect(text).toContain('<details><summary>Trend of the gated metrics over the last 17 runs</summary>')
    const blocks = mermaidBlocks(text)
    // The fixture gates accuracy, precision, recall and f1 (f1 has no history values): three charts.
    expect(blocks.map((b) => /title "([^"]*)"/.exec(b)?.[1])).toEqual(['accuracy (%)', 'precision (%)', 'recall (%)'])
    expect(blocks[0]).toMatch(/x-axis \["00abcde", "01abcde", .*"10abcde", "PR"\]/)
    expect(blocks[0]).toMatch(/line \[95\.00, 94\.90, .*, 93\.40, 92\.33\]/)
    for (const block of blocks) await expect(mermaid.parse(block)).resolves.toMatchObject({ diagramType: 'xychart' })
    // The section is in the comment, after the metrics table.
    const comment = renderMarkdown(report, 'comment')
    expect(comment.indexOf('#### Trend on the base branch')).toBeGreaterThan(comment.indexOf('#### Gates'))
    expect(comment.indexOf('#### Trend on the base branch')).toBeLessThan(comment.indexOf('#### Metrics'))
  })

  it('Mermaid refuses a broken chart (so the parse above means something)', async () => {
    const good = chart('accuracy', entries(3, (i) => ({ accuracy: 0.9 + i / 100 })), 0.95)
    const body = mermaidBlocks(good + '\n')[0]
    await expect(mermaid.parse(body)).resolves.toBeTruthy()
    await expect(mermaid.parse(body.replace(/line \[/, 'line ['.concat('"x", ')))).rejects.toThrow(/Parse error/)
    await expect(mermaid.parse(body.replace(/"PR"\]/, '"PR"'))).rejects.toThrow(/Parse error/)
  })

  it('plain numbers, negative values and a flat series parse; a hostile metric name or commit does not reach the chart', async () => {
    const history = entries(4, (i) => ({ 'score"] \n line [1': -2 + i * 0.5 }))
    history[1].sha = '"]\nline [9'
    const text = chart('score"] \n line [1', history, -0.25)
    expect(text).toContain('title "score_]___line_[1"')
    expect(text).toMatch(/x-axis \["00abcde", "\?", "02abcde", "03abcde", "PR"\]/)
    expect(text).toContain('line [-2.0000, -1.5000, -1.0000, -0.5000, -0.2500]')
    await expect(mermaid.parse(mermaidBlocks(text + '\n')[0])).resolves.toBeTruthy()
    const flat = chart('bleu', entries(3, () => ({ bleu: 30 })), 30)
    expect(flat).toMatch(/y-axis "bleu" 29\.0000 --> 31\.0000/)
    await expect(mermaid.parse(mermaidBlocks(flat + '\n')[0])).resolves.toBeTruthy()
    expect(chartName('recall[spam]')).toBe('recall[spam]')
    expect(chart('x', entries(1, () => ({ x: 1e300 })), 1e300)).toBe('')
  })

  it('nothing without history, or when no headline metric has a value in it', () => {
    const report = base()
    expect(historySection(report)).toBe('')
    report.history = entries(3, () => ({ other: 1 }))
    expect(historySection(report)).toBe('')
  })
})

describe('the shape check of history', () => {
  it('a report with history and its skipped counts passes; a string where a value belongs does not', () => {
    const report = base()
    report.history = entries(2, () => ({ accuracy: 0.9, recall: null }))
    report.historySkipped = { expired: 1, missing: 0, invalid: 0 }
    expect(asReport(JSON.parse(JSON.stringify(report)), 'report.json')).toBeTruthy()
    const forged = JSON.parse(JSON.stringify(report))
    forged.history[1].metrics.accuracy = '<img src=x>'
    expect(() => asReport(forged, 'report.json')).toThrow(/report\.history\[1\]\.metrics\["accuracy"\] must be a number/)
    forged.history = { 0: 1 }
    expect(() => asReport(forged, 'report.json')).toThrow(/report\.history must be an array/)
  })
})
