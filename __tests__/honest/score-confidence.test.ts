/**
 * Scores that are the predicted label's confidence, not P(positive) (docs/statistics.md): a 97%-accurate model
 * whose `score` is its top-class confidence gets a roc_auc near 49% and a warning naming the cause and the fix.
 */
import { describe, expect, it } from 'vitest'
import { compare } from '../../src/compare/compare.js'
import { type CompareOptions } from '../../src/tasks/options.js'
import { confidenceReasons } from '../../src/tasks/classification/scoreConfidence.js'
import type { PredictionSource } from '../../src/read/predictionFile.js'
import { generator } from '../support.js'

const enc = new TextEncoder()
const rows = (name: string, list: object[]): PredictionSource => ({ name, data: enc.encode(list.map((r) => JSON.stringify(r)).join('\n') + '\n') })

// 200 examples, labels alternating 0/1 (100 each); 6 wrong predictions (i % 33 = 5: rows 5, 38, 71, 104, 137, 170),
// so accuracy 194/200 = 97%. The model's confidence in its predicted label: 0.5 + 0.5·u, u uniform (xorshift32,
// seed 28), the same law for both classes. The candidate writes that confidence as `score`; the baseline, the same
// model, writes P(1): the confidence when it predicts 1, one minus it when it predicts 0.
const u = generator(28)
const examples = Array.from({ length: 200 }, (_, i) => {
  const label = i % 2
  const prediction = i % 33 === 5 ? 1 - label : label
  const confidence = 0.5 + 0.5 * u()
  return { id: `e${i}`, label, prediction, confidence }
})
const candidate = examples.map(({ confidence, ...r }) => ({ ...r, score: confidence }))
const baseline = examples.map(({ confidence, ...r }) => ({ ...r, score: r.prediction === 1 ? confidence : 1 - confidence }))
const options: CompareOptions = {
  candidate: rows('c.jsonl', candidate),
  baseline: rows('b.jsonl', baseline),
  fields: { id: 'id', label: 'label', prediction: 'prediction', score: 'score' },
  alpha: 0.05,
  resamples: 200,
  seed: 0,
  missingBaseline: 'skip'
}

/** roc_auc by its definition: the share of (positive, negative) pairs ranked right, ties counting one half. */
function aucByPairs(list: { label: number; score: number }[]): number {
  const pos = list.filter((r) => r.label === 1)
  const neg = list.filter((r) => r.label === 0)
  let s = 0
  for (const p of pos) for (const q of neg) s += p.score > q.score ? 1 : p.score === q.score ? 0.5 : 0
  return s / (pos.length * neg.length)
}

describe('score-confidence warning', () => {
  it('a 97%-accurate model with top-class confidences: roc_auc ≈ 49% and the warning; P(positive) scores: none', async () => {
    const r = await compare(options)
    expect(r.metrics.accuracy.candidate).toBeCloseTo(0.97, 12)
    const auc = aucByPairs(candidate)
    expect(auc).toBeCloseTo(0.4879, 4)
    expect(r.metrics.roc_auc.candidate).toBeCloseTo(auc, 12)
    // The same predictions with P(1): every pair ranked right but those of the 6 wrong rows.
    expect(r.metrics.roc_auc.baseline).toBeCloseTo(aucByPairs(baseline), 12)
    expect(r.metrics.roc_auc.baseline as number).toBeGreaterThan(0.9)
    const warnings = r.warnings.filter((w) => w.includes('looks like the confidence of the predicted label'))
    expect(warnings).toHaveLength(1)
    const lowest = Math.min(...candidate.map((c) => c.score))
    expect(warnings[0]).toBe(
      `The candidate's \`score\` looks like the confidence of the predicted label, not the probability of the positive class "1": ` +
        `every score is at least 0.5 (the lowest ${Number(lowest.toPrecision(4))}), though 100 rows are predicted negative; its roc_auc is 48.8% while its accuracy is 97.0%. ` +
        "A classifier pipeline's top-class confidence gives this (e.g. the `score` of a Hugging Face `pipeline(...)` result, or `predict_proba(X).max(axis=1)`), " +
        'and roc_auc, average_precision, log_loss and brier are then meaningless. Fix: write the probability of "1" on every row, e.g. call the pipeline with ' +
        '`top_k=None` (formerly `return_all_scores=True`) and take the score of the label "1", or `predict_proba(X)[:, 1]`.'
    )
  })

  it('each rule alone, and no warning for a model that predicts the positive class everywhere', () => {
    const look = { rows: 10, lowest: 0.2, negatives: 5, disagree: 0 }
    expect(confidenceReasons(look, 0.9, 0.9)).toEqual([])
    // Every score ≥ 0.5 with 5 rows predicted negative.
    expect(confidenceReasons({ ...look, lowest: 0.5 }, 0.9, 0.9)).toEqual(['every score is at least 0.5 (the lowest 0.5), though 5 rows are predicted negative'])
    // All predicted positive, all ≥ 0.5: consistent probabilities.
    expect(confidenceReasons({ ...look, lowest: 0.6, negatives: 0 }, 0.9, 0.9)).toEqual([])
    // 6 of 10 rows disagree (more than half); 5 of 10 do not.
    expect(confidenceReasons({ ...look, disagree: 6 }, 0.9, 0.9)).toEqual(['on 60.0% of the rows the score (≥ 0.5 or not) disagrees with the prediction'])
    expect(confidenceReasons({ ...look, disagree: 5 }, 0.9, 0.9)).toEqual([])
    // roc_auc < 0.5 with accuracy > 0.8; not with accuracy 0.8.
    expect(confidenceReasons(look, 0.45, 0.85)).toEqual(['its roc_auc is 45.0% while its accuracy is 85.0%'])
    expect(confidenceReasons(look, 0.45, 0.8)).toEqual([])
  })

  it('inverted scores (P(negative)) disagree with every prediction', async () => {
    const inverted = baseline.map((r) => ({ ...r, score: 1 - r.score }))
    const r = await compare({ ...options, candidate: rows('c.jsonl', inverted), baseline: null })
    const warning = r.warnings.find((w) => w.startsWith("The candidate's `score` looks like"))
    expect(warning).toContain('on 100.0% of the rows the score (≥ 0.5 or not) disagrees with the prediction')
  })
})
