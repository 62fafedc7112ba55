/**
 * Scores that are not probabilities of the positive class (docs/statistics.md, docs/inputs.md): a binary
 * `score` that looks like the confidence of the predicted label, which is what a classifier pipeline gives as its
 * top-class score (a Hugging Face `pipeline("text-classification")` result's `score`, `predict_proba(X).max(1)`).
 * Every score metric (`roc_auc`, `average_precision`, `log_loss`, `brier`) is then wrong, and nothing else shows
 * it: a 97%-accurate model gets a roc_auc near 50%.
 *
 * A file's scores are suspect, on its compared non-error rows, when
 * - every score is ≥ 0.5 while some rows are predicted negative (a model that predicts the positive class
 *   everywhere may rightly score every row ≥ 0.5), or
 * - on most rows (more than half) a score ≥ 0.5 disagrees with `prediction = positive`, or
 * - its roc_auc is below 0.5 while its accuracy is above 0.8.
 * The warning names the file, the reasons, the likely cause and the fix. Cost O(n).
 *
 * @example scoreConfidenceWarnings(ctx, metrics) // ['The candidate\'s `score` looks like the confidence of the predicted label, …']
 */
import { quote } from '../../common/errors.js'
import type { ScoreContext } from '../../significance/classification/scoreColumnStatistics.js'
import type { MetricReport } from '../../report/schema.js'
import type { PredictionFile } from '../../read/predictionFile.js'

/** What one file's scores look like on its compared non-error rows. */
export interface ScoreLook {
  rows: number
  /** The lowest score. */
  lowest: number
  /** Rows predicted negative. */
  negatives: number
  /** Rows where score ≥ 0.5 and `prediction = positive` disagree. */
  disagree: number
}

/** The scores of a file at `rows` (compared rows; error rows skipped) against its predictions. */
export function scoreLook(file: PredictionFile, rows: ArrayLike<number>, remap: Int32Array, positive: number): ScoreLook | null {
  const score = file.score
  if (!score) return null
  let n = 0
  let lowest = Infinity
  let negatives = 0
  let disagree = 0
  for (let p = 0; p < rows.length; p++) {
    const i = rows[p]
    if (file.errors && file.errors[i]) continue
    const s = score[i]
    const predictedPositive = remap[file.pred[i]] === positive
    n++
    if (s < lowest) lowest = s
    if (!predictedPositive) negatives++
    if (s >= 0.5 !== predictedPositive) disagree++
  }
  return n === 0 ? null : { rows: n, lowest, negatives, disagree }
}

/** The reasons a file's scores look like top-class confidences (none: they do not). */
export function confidenceReasons(look: ScoreLook, rocAuc: number | null, accuracy: number | null): string[] {
  const reasons: string[] = []
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`
  if (look.lowest >= 0.5 && look.negatives > 0) reasons.push(`every score is at least 0.5 (the lowest ${Number(look.lowest.toPrecision(4))}), though ${look.negatives.toLocaleString('en-US')} rows are predicted negative`)
  if (look.disagree > look.rows / 2) reasons.push(`on ${pct(look.disagree / look.rows)} of the rows the score (≥ 0.5 or not) disagrees with the prediction`)
  if (rocAuc !== null && accuracy !== null && rocAuc < 0.5 && accuracy > 0.8) reasons.push(`its roc_auc is ${pct(rocAuc)} while its accuracy is ${pct(accuracy)}`)
  return reasons
}

/** The warnings of a binary comparison with scores: one per file whose scores look like top-class confidences. */
export function scoreConfidenceWarnings(ctx: ScoreContext, metrics: Record<string, MetricReport>): string[] {
  if (ctx.task !== 'binary' || ctx.positive === null) return []
  const positiveLabel = ctx.labels[ctx.positive]
  const out: string[] = []
  const sides = [
    { side: 'candidate' as const, file: ctx.candidate, rows: ctx.pairing ? ctx.pairing.cand : Uint32Array.from({ length: ctx.candidate.n }, (_, i) => i) },
    ...(ctx.baseline && ctx.pairing ? [{ side: 'baseline' as const, file: ctx.baseline, rows: ctx.pairing.base }] : [])
  ]
  for (const { side, file, rows } of sides) {
    const look = scoreLook(file, rows, ctx.remap, ctx.positive)
    if (!look) continue
    const reasons = confidenceReasons(look, metrics.roc_auc?.[side] ?? null, metrics.accuracy?.[side] ?? null)
    if (reasons.length === 0) continue
    out.push(
      `The ${side}'s \`score\` looks like the confidence of the predicted label, not the probability of the positive class ${quote(positiveLabel)}: ${reasons.join('; ')}. ` +
        `A classifier pipeline's top-class confidence gives this (e.g. the \`score\` of a Hugging Face \`pipeline(...)\` result, or \`predict_proba(X).max(axis=1)\`), ` +
        `and roc_auc, average_precision, log_loss and brier are then meaningless. Fix: write the probability of ${quote(positiveLabel)} on every row, e.g. call the pipeline with ` +
        `\`top_k=None\` (formerly \`return_all_scores=True\`) and take the score of the label ${quote(positiveLabel)}, or \`predict_proba(X)[:, 1]\`.`
    )
  }
  return out
}
