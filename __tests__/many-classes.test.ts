/**
 * Many classes must not be a denial of service (SECURITY.md, "Input files"; issue 13, "Many classes"): 2,000
 * distinct labels used to stop with "Invalid typed array length: 8000000000" (a dense K³ table) and 400 took
 * 43 s (O(K³) per class). Each report here is checked against a direct computation from the rows (accuracy,
 * macro precision / recall / F1 with zero_division 0 over every label, as scikit-learn's
 * `f1_score(average="macro", labels=…)`), and the work caps against an uncapped run.
 */
import { describe, expect, it } from 'vitest'
import { cellsFromTriples } from '../src/pair/cellTable.js'
import { compare } from '../src/compare/compare.js'
import { DENSE_MATRIX_CLASSES, MAX_CLASSES } from '../src/tasks/classification/classificationTask.js'
import { InputError } from '../src/common/errors.js'
import { renderMarkdown } from '../src/render/renderReport.js'
import { confusionStatistics } from '../src/significance/classification/classificationStatistics.js'
import { streamFor } from '../src/stats/random.js'
import { type MetricReport, type Report } from '../src/report/schema.js'
import { DEFAULT_FIELDS } from '../src/read/predictionFile.js'

interface Rows {
  truth: number[]
  base: number[]
  cand: number[]
}

/** n paired rows over k labels `L0`…: every label is some row's truth, the candidate right 70%, the baseline 65%. */
function rows(k: number, n: number, seed: number): Rows {
  const rng = streamFor(seed, 'many-classes')
  const label = (): number => Math.floor(rng.nextDouble() * k)
  const truth = Array.from({ length: n }, (_, i) => (i < k ? i : label()))
  return {
    truth,
    base: truth.map((t) => (rng.nextDouble() < 0.65 ? t : label())),
    cand: truth.map((t) => (rng.nextDouble() < 0.7 ? t : label()))
  }
}

const jsonl = (r: Rows, pred: number[]): Uint8Array =>
  new TextEncoder().encode(r.truth.map((t, i) => `{"id":${i},"label":"L${t}","prediction":"L${pred[i]}"}`).join('\n') + '\n')

async function run(r: Rows, resamples: number, gates?: string): Promise<Report> {
  return compare({
    candidate: { name: 'candidate.jsonl', data: jsonl(r, r.cand) },
    baseline: { name: 'baseline.jsonl', data: jsonl(r, r.base) },
    fields: DEFAULT_FIELDS,
    alpha: 0.05,
    resamples,
    seed: 0,
    missingBaseline: 'skip',
    gates
  })
}

/** Accuracy and macro precision / recall / F1 over labels 0..k−1, straight from the rows. */
function direct(truth: number[], pred: number[], k: number) {
  const tp = new Array<number>(k).fill(0)
  const support = new Array<number>(k).fill(0)
  const predicted = new Array<number>(k).fill(0)
  truth.forEach((t, i) => {
    support[t]++
    predicted[pred[i]]++
    if (pred[i] === t) tp[t]++
  })
  const p = tp.map((x, c) => (predicted[c] === 0 ? 0 : x / predicted[c]))
  const r = tp.map((x, c) => (support[c] === 0 ? 0 : x / support[c]))
  const f = p.map((x, c) => (x + r[c] === 0 ? 0 : (2 * x * r[c]) / (x + r[c])))
  const mean = (v: number[]) => v.reduce((a, x) => a + x, 0) / k
  return { accuracy: tp.reduce((a, x) => a + x, 0) / truth.length, precision: mean(p), recall: mean(r), f1: mean(f), f1Of: f }
}

function checkAgainstRows(report: Report, r: Rows, k: number): void {
  const c = direct(r.truth, r.cand, k)
  const b = direct(r.truth, r.base, k)
  expect(report.task).toBe('multiclass')
  expect(report.labels.length).toBe(k)
  expect(report.counts.paired).toBe(r.truth.length)
  for (const [name, want] of [
    ['accuracy', c.accuracy],
    ['f1', c.f1],
    ['precision_macro', c.precision],
    ['recall_macro', c.recall]
  ] as const) {
    expect(Math.abs((report.metrics[name].candidate as number) - want), name).toBeLessThan(1e-12)
  }
  expect(Math.abs((report.metrics.f1.baseline as number) - b.f1)).toBeLessThan(1e-12)
  // Per class: label `L7` has report index of `L7` in label order (code point order: L0, L1, L10, …).
  for (const label of [0, 7, k - 1]) expect(Math.abs((report.metrics[`f1[L${label}]`].candidate as number) - c.f1Of[label])).toBeLessThan(1e-12)
}

describe('many classes', () => {
  it('2,000 labels (a 100 KB file; was "internal error: Invalid typed array length") give a report that agrees with the rows', async () => {
    const r = rows(2000, 2200, 1)
    const report = await run(r, 1000, 'f1 no-regression')
    checkAgainstRows(report, r, 2000)
    expect(report.metrics.f1.pValue).not.toBeNull()
    expect(report.metrics['f1[L5]'].ci).not.toBeNull()
    // Above DENSE_MATRIX_CLASSES the matrices are sparse entries that add up to the rows.
    expect(report.confusionMatrix!.candidate).toBeNull()
    const entries = report.confusionMatrix!.entries
    expect(entries?.candidate.reduce((a, e) => a + e[2], 0)).toBe(2200)
    const index = new Map(report.labels.map((l, i) => [l, i]))
    const expected = new Map<string, number>()
    r.truth.forEach((t, i) => {
      const key = `${index.get(`L${t}`)},${index.get(`L${r.base[i]}`)}`
      expected.set(key, (expected.get(key) ?? 0) + 1)
    })
    expect(new Map(entries?.baseline?.map(([t, p, x]) => [`${t},${p}`, x]))).toEqual(expected)
    expect(report.warnings.some((w) => w.includes('confusionMatrix.entries'))).toBe(true)
  })

  it('10,000 classes in 30,000 rows, 200 resamples: every per-class metric is there and agrees with the rows', async () => {
    const r = rows(10_000, 30_000, 2)
    const started = Date.now()
    const report = await run(r, 200)
    const seconds = (Date.now() - started) / 1000
    checkAgainstRows(report, r, 10_000)
    expect(Object.keys(report.metrics).filter((m) => m.includes('[')).length).toBe(40_000)
    expect(report.metrics['precision[L9999]'].pValue).not.toBeNull()
    // Generous: about 3 s alone on the 2-core machine; the dense table (10¹² cells) could not even be allocated.
    expect(seconds).toBeLessThan(40)
    // Every section of the pull-request comment keeps to the cut: at most the 25 classes whose F1 changed most
    // are named anywhere in it (the per-class table, the matrices, the largest drop), and it fits a comment.
    const comment = renderMarkdown(report, 'comment')
    const named = new Set(comment.match(/\bL\d+\b/g))
    expect(named.size).toBeGreaterThan(0)
    expect(named.size).toBeLessThanOrEqual(25)
    expect(comment).toContain('Showing the 25 of 10000 classes whose F1 changed most')
    expect(comment.length).toBeLessThan(65_536)
    expect(new Set(renderMarkdown(report, 'summary').match(/\bL\d+\b/g)).size).toBeLessThanOrEqual(200)
  })

  it(`confusionMatrix: dense rows up to ${DENSE_MATRIX_CLASSES} classes, null and sparse entries above`, async () => {
    const dense = await run(rows(DENSE_MATRIX_CLASSES, DENSE_MATRIX_CLASSES, 3), 20)
    expect(dense.confusionMatrix!.candidate?.length).toBe(DENSE_MATRIX_CLASSES)
    expect(dense.confusionMatrix!.candidate?.every((row) => row.length === DENSE_MATRIX_CLASSES)).toBe(true)
    expect(dense.confusionMatrix!.entries).toBeUndefined()
    const sparse = await run(rows(DENSE_MATRIX_CLASSES + 1, DENSE_MATRIX_CLASSES + 1, 3), 20)
    expect(sparse.confusionMatrix!.candidate).toBeNull()
    expect(sparse.confusionMatrix!.baseline).toBeNull()
    expect(sparse.confusionMatrix!.entries?.candidate.reduce((a, e) => a + e[2], 0)).toBe(DENSE_MATRIX_CLASSES + 1)
  })

  it(`more than ${MAX_CLASSES} distinct labels stop as bad input (exit 2), naming the limit`, async () => {
    const r = rows(MAX_CLASSES + 1, MAX_CLASSES + 1, 6)
    const error = await run(r, 10_000).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toBe(
      'candidate.jsonl: field "label" has 100,001 distinct values in the compared examples (true labels and predictions, both files); at most 100,000 classes are supported'
    )
  })

  it('400 labels at the default 10,000 resamples: well under the 43 s the O(K³)-per-class table took', async () => {
    const r = rows(400, 500, 4)
    const started = Date.now()
    const report = await run(r, 10_000)
    const seconds = (Date.now() - started) / 1000
    checkAgainstRows(report, r, 400)
    // About 3 s alone on the 2-core machine; the bound leaves room for a loaded machine.
    expect(seconds).toBeLessThan(25)
  })
})

describe('work caps', () => {
  const r = rows(6, 400, 5)
  const order = ['L0', 'L1', 'L2', 'L3', 'L4', 'L5']
  const table = cellsFromTriples(6, r.truth, r.base, r.cand)
  const ctx = { task: 'multiclass' as const, labels: order, positive: null, table, hasBaseline: true }
  const settings = { resamples: 300, alpha: 0.05, seed: 0 }

  it('past the per-class cap only gated classes are resampled, with the numbers of an uncapped run', () => {
    const full = confusionStatistics(ctx, settings)
    const capped = confusionStatistics({ ...ctx, gatedClasses: new Set([2]), caps: { classes: 1, table: Infinity } }, settings)
    expect(capped.warnings.some((w) => w.includes('Per-class metrics of 6 classes'))).toBe(true)
    // The q-values are over the per-class p-values the run has, so they differ with the family (fewer when capped).
    const noQ = (m: MetricReport | undefined) => ({ ...m, qValue: undefined })
    expect(noQ(capped.metrics.get('f1[L2]'))).toEqual(noQ(full.metrics.get('f1[L2]')))
    const f1 = capped.metrics.get('f1[L3]')
    expect(f1?.candidate).toBe(full.metrics.get('f1[L3]')?.candidate)
    expect([f1?.ci, f1?.pValue, f1?.test]).toEqual([null, null, null])
    // recall[L] keeps its exact McNemar test and precision[L] its Wilson interval.
    expect(noQ(capped.metrics.get('recall[L3]'))).toEqual({ ...noQ(full.metrics.get('recall[L3]')), ci: null, worseBound: null, ciMethod: null })
    expect(capped.metrics.get('precision[L3]')?.candidateCi).toEqual(full.metrics.get('precision[L3]')?.candidateCi)
    expect(capped.metrics.get('accuracy')).toEqual(full.metrics.get('accuracy'))
  })

  it('past the table cap the full table is resampled fewer times: the numbers of a run with that many resamples', () => {
    const capped = confusionStatistics({ ...ctx, caps: { classes: Infinity, table: (table.size + 6) * 150 } }, settings)
    const fewer = confusionStatistics(ctx, { ...settings, resamples: 150 })
    expect(capped.warnings[0]).toMatch(/^The metrics over all classes were resampled 150 times, not 300/)
    expect(capped.metrics.get('f1_macro')).toEqual(fewer.metrics.get('f1_macro'))
    expect(capped.metrics.get('f1_macro')?.pValue).toBe(fewer.metrics.get('f1_macro')?.pValue)
    // Per-class families keep their own resamples.
    expect(capped.metrics.get('f1[L1]')).toEqual(confusionStatistics(ctx, settings).metrics.get('f1[L1]'))
  })
})
