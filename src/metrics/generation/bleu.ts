/**
 * Corpus BLEU (Papineni et al. 2002) with sacrebleu 2.x's defaults, written from its definition
 * (sacrebleu/metrics/bleu.py): 13a tokenizer on `text.rstrip()`, case kept, n-gram orders 1–4, `exp` smoothing
 * (mteval-v13a's: the k-th order with no match gets precision 100 / (2ᵏ · total)), no effective order, score
 * 0–100. Signature `nrefs:N|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0`.
 *
 * Sufficient statistics, one row of BLEU_COLUMNS numbers per example and model, in sacrebleu's order:
 * [hypothesis length, reference length, matches of order 1…4, hypothesis n-grams of order 1…4]. The reference
 * length is the one closest to the hypothesis length (the shorter on a tie); a match count is, per n-gram, the
 * least of its count in the hypothesis and its largest count in any one reference. Corpus BLEU is a function of
 * the column sums only, so a resample is a weighted sum of rows (resample.ts).
 */
import { NgramIds, Scratch } from './ngrams.js'
import { pyRstrip } from './pythonText.js'
import { tokens13a } from './tokenize13a.js'

export const BLEU_ORDER = 4
/** Columns of a BLEU statistics row. */
export const BLEU_COLUMNS = 2 + 2 * BLEU_ORDER
export const BLEU_HYP = 0
export const BLEU_REF = 1
export const BLEU_MATCH = 2
export const BLEU_TOTAL = 2 + BLEU_ORDER

/** sacrebleu's `my_log`: the logarithm, with −9999999999 for 0. */
function myLog(x: number): number {
  return x === 0 ? -9999999999 : Math.log(x)
}

export interface BleuScore {
  score: number
  /** Modified n-gram precisions in percent, orders 1–4 (after smoothing). */
  precisions: [number, number, number, number]
  brevityPenalty: number
  hypLength: number
  refLength: number
}

/**
 * BLEU from summed statistics (sacrebleu `compute_bleu`, smooth `exp`, effective order off), operation for
 * operation so that the result is the same double: brevity penalty exp(1 − r/c) when c < r (0 when c = 0);
 * 0 when no n-gram matches at all; a precision 100·m/t, or 100/(2ᵏ·t) for the k-th order with m = 0; orders
 * after the first with t = 0 keep precision 0, whose log is −9999999999 (so the score is 0).
 * Cost: O(1).
 * @example bleuFromSums([4, 4, 4, 3, 2, 1, 4, 3, 2, 1]) // 100
 */
export function bleuFromSums(sums: ArrayLike<number>, offset = 0): number {
  return bleuDetails(sums, offset).score
}

/** {@link bleuFromSums} with its parts. */
export function bleuDetails(sums: ArrayLike<number>, offset = 0): BleuScore {
  const sysLen = sums[offset + BLEU_HYP]
  const refLen = sums[offset + BLEU_REF]
  let bp = 1.0
  if (sysLen < refLen) bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0.0
  const precisions: [number, number, number, number] = [0, 0, 0, 0]
  let anyMatch = false
  for (let n = 0; n < BLEU_ORDER; n++) if (sums[offset + BLEU_MATCH + n] !== 0) anyMatch = true
  if (!anyMatch) return { score: 0.0, precisions, brevityPenalty: bp, hypLength: sysLen, refLength: refLen }
  let smooth = 1.0
  for (let n = 0; n < BLEU_ORDER; n++) {
    const total = sums[offset + BLEU_TOTAL + n]
    const correct = sums[offset + BLEU_MATCH + n]
    if (total === 0) break
    if (correct === 0) {
      smooth *= 2
      precisions[n] = 100 / (smooth * total)
    } else {
      precisions[n] = (100 * correct) / total
    }
  }
  let sum = 0
  for (let n = 0; n < BLEU_ORDER; n++) sum += myLog(precisions[n])
  const score = bp * Math.exp(sum / BLEU_ORDER)
  return { score, precisions, brevityPenalty: bp, hypLength: sysLen, refLength: refLen }
}

/**
 * sacrebleu's closest reference length: the least |hyp − ref|, the shorter reference on a tie.
 * @example closestRefLength(5, [3, 7, 6]) // 6
 * @example closestRefLength(5, [4, 6]) // 4
 */
export function closestRefLength(hypLen: number, refLens: ArrayLike<number>): number {
  let bestDiff = -1
  let best = -1
  for (let i = 0; i < refLens.length; i++) {
    const len = refLens[i]
    const diff = Math.abs(hypLen - len)
    if (bestDiff === -1 || diff < bestDiff) {
      bestDiff = diff
      best = len
    } else if (diff === bestDiff && len < best) {
      best = len
    }
  }
  return best
}

/**
 * Computes BLEU statistics rows, one example at a time. Holds the scratch state (n-gram ids, count arrays, the
 * token dictionary of the example), so one instance serves a whole corpus.
 * Cost per example: O(total tokens · 4) after tokenisation (O(characters)).
 */
export class BleuStatistics {
  private readonly ngrams = new NgramIds()
  private readonly scratchA = new Scratch()
  private readonly scratchB = new Scratch()
  private readonly words = new Map<string, number>()

  /**
   * Writes the statistics of each hypothesis against the references into `out[m]` at row `row`.
   * @param references one or more reference texts
   * @param hypotheses one text per model
   */
  example(references: readonly string[], hypotheses: readonly string[], out: readonly Float64Array[], row: number): void {
    if (references.length === 0) throw new RangeError('BLEU needs at least one reference per example')
    this.ngrams.reset()
    this.words.clear()
    const refAt = references.map((r) => this.ngrams.all(this.symbols(r), BLEU_ORDER))
    const hypAt = hypotheses.map((h) => this.ngrams.all(this.symbols(h), BLEU_ORDER))
    const ids = this.ngrams.arena
    const size = this.ngrams.next
    // refMax[id]: the largest count of n-gram id in any one reference.
    const refMax = this.scratchA.get(size)
    const count = this.scratchB.get(size)
    const refLens = refAt.map((at) => at[1] - at[0])
    for (const at of refAt) {
      const from = at[0]
      const to = at[BLEU_ORDER]
      for (let i = from; i < to; i++) count[ids[i]]++
      for (let i = from; i < to; i++) {
        const id = ids[i]
        if (count[id] > refMax[id]) refMax[id] = count[id]
      }
      for (let i = from; i < to; i++) count[ids[i]] = 0
    }
    for (let m = 0; m < hypAt.length; m++) {
      const at = hypAt[m]
      const o = row * BLEU_COLUMNS
      const target = out[m]
      const hypLen = at[1] - at[0]
      target[o + BLEU_HYP] = hypLen
      target[o + BLEU_REF] = closestRefLength(hypLen, refLens)
      for (let i = at[0]; i < at[BLEU_ORDER]; i++) count[ids[i]]++
      for (let n = 0; n < BLEU_ORDER; n++) {
        let match = 0
        for (let i = at[n]; i < at[n + 1]; i++) {
          const id = ids[i]
          const c = count[id]
          if (c === 0) continue // a repeat of an n-gram already counted
          match += c < refMax[id] ? c : refMax[id]
          count[id] = 0
        }
        target[o + BLEU_MATCH + n] = match
        target[o + BLEU_TOTAL + n] = at[n + 1] - at[n]
      }
    }
    for (const at of refAt) for (let i = at[0]; i < at[BLEU_ORDER]; i++) refMax[ids[i]] = 0
  }

  /** The 13a tokens of `text.rstrip()` as symbols of this example's dictionary. */
  private symbols(text: string): Int32Array {
    const tokens = tokens13a(pyRstrip(text))
    const out = new Int32Array(tokens.length)
    const { words } = this
    for (let i = 0; i < tokens.length; i++) {
      let s = words.get(tokens[i])
      if (s === undefined) {
        s = words.size
        words.set(tokens[i], s)
      }
      out[i] = s
    }
    return out
  }
}
