/**
 * Corpus chrF2 (Popović 2015) with sacrebleu 2.x's defaults, written from its definition
 * (sacrebleu/metrics/chrf.py, helpers.py): character n-grams of orders 1–6 over the text with all (Python)
 * whitespace removed, counted by code point; no word n-grams; β = 2; case kept; sacrebleu's "effective order"
 * averaging (eps_smoothing off): precision and recall are averaged over the orders where both the hypothesis
 * and the reference have n-grams, then F_β of the two averages, 0–100.
 * Signature `nrefs:N|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0`.
 *
 * Sufficient statistics, one row of CHRF_COLUMNS numbers per example and model: for each order n = 1…6 the
 * triple [hypothesis n-grams, reference n-grams, matches] — with sacrebleu's rule that the hypothesis count is
 * 0 when the reference has no n-gram of that order. With several references, the row is that of the reference
 * whose sentence-level chrF is highest (the first one on a tie), as sacrebleu picks it. Corpus chrF is a
 * function of the column sums only.
 */
import { codePoints, NgramIds, Scratch } from './ngrams.js'
import { pyRemoveSpace } from './pythonText.js'

export const CHRF_ORDER = 6
export const CHRF_BETA = 2
/** Columns of a chrF statistics row: [hyp, ref, match] per order. */
export const CHRF_COLUMNS = 3 * CHRF_ORDER

/**
 * chrF from summed statistics (sacrebleu `_compute_f_score` without eps smoothing), operation for operation:
 * per order, precision m/h (1e-16 when h = 0) and recall m/r (1e-16 when r = 0); the averages over the orders
 * with h > 0 and r > 0; then 100·(1 + β²)·P·R / (β²·P + R), or 0 when P + R = 0.
 * Cost: O(orders).
 * @example chrfFromSums([3, 3, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]) // 100
 */
export function chrfFromSums(sums: ArrayLike<number>, offset = 0): number {
  const eps = 1e-16
  const factor = CHRF_BETA ** 2
  let avgPrec = 0.0
  let avgRec = 0.0
  let effective = 0
  for (let i = 0; i < CHRF_ORDER; i++) {
    const nHyp = sums[offset + 3 * i]
    const nRef = sums[offset + 3 * i + 1]
    const nMatch = sums[offset + 3 * i + 2]
    const prec = nHyp > 0 ? nMatch / nHyp : eps
    const rec = nRef > 0 ? nMatch / nRef : eps
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec
      avgRec += rec
      effective += 1
    }
  }
  if (effective === 0) {
    avgPrec = avgRec = 0.0
  } else {
    avgPrec /= effective
    avgRec /= effective
  }
  if (avgPrec + avgRec !== 0) {
    let score = (1 + factor) * avgPrec * avgRec
    score /= factor * avgPrec + avgRec
    return 100 * score
  }
  return 0.0
}

/**
 * Computes chrF statistics rows, one example at a time (scratch state reused across a corpus).
 * Cost per example: O(characters · 6 · texts).
 */
export class ChrfStatistics {
  private readonly ngrams = new NgramIds()
  private readonly scratchRef = new Scratch()
  private readonly scratchHyp = new Scratch()
  private readonly row = new Float64Array(CHRF_COLUMNS)

  /**
   * Writes the statistics of each hypothesis, against its best reference, into `out[m]` at row `row`.
   * @param references one or more reference texts
   * @param hypotheses one text per model
   */
  example(references: readonly string[], hypotheses: readonly string[], out: readonly Float64Array[], row: number): void {
    if (references.length === 0) throw new RangeError('chrF needs at least one reference per example')
    this.ngrams.reset()
    const refAt = references.map((r) => this.ngrams.all(codePoints(pyRemoveSpace(r)), CHRF_ORDER))
    const hypAt = hypotheses.map((h) => this.ngrams.all(codePoints(pyRemoveSpace(h)), CHRF_ORDER))
    const ids = this.ngrams.arena
    const size = this.ngrams.next
    const refCount = this.scratchRef.get(size)
    const hypCount = this.scratchHyp.get(size)
    const stats = this.row
    // For each model, the F of the best reference so far (its row is written straight into out[m]).
    const best = hypotheses.map(() => -1.0)
    for (const ref of refAt) {
      for (let i = ref[0]; i < ref[CHRF_ORDER]; i++) refCount[ids[i]]++
      for (let m = 0; m < hypAt.length; m++) {
        const hyp = hypAt[m]
        for (let n = 0; n < CHRF_ORDER; n++) {
          const from = hyp[n]
          const to = hyp[n + 1]
          for (let i = from; i < to; i++) hypCount[ids[i]]++
          let match = 0
          for (let i = from; i < to; i++) {
            const id = ids[i]
            const c = hypCount[id]
            if (c === 0) continue
            const r = refCount[id]
            match += c < r ? c : r
            hypCount[id] = 0
          }
          const refLength = ref[n + 1] - ref[n]
          stats[3 * n] = refLength > 0 ? to - from : 0
          stats[3 * n + 1] = refLength
          stats[3 * n + 2] = match
        }
        const f = chrfFromSums(stats)
        if (f > best[m]) {
          best[m] = f
          out[m].set(stats, row * CHRF_COLUMNS)
        }
      }
      for (let i = ref[0]; i < ref[CHRF_ORDER]; i++) refCount[ids[i]] = 0
    }
  }
}
