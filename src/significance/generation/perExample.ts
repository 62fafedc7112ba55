/**
 * Per-example values of the generation metrics for the report: exact-match flips with their ids and the exact
 * McNemar test on them, token-F1 differences with the largest drops and the paired t-test on them.
 * Cost: O(n) plus O(n log n) to order the drops.
 */
import { mcnemarDrop, mcnemarExact } from '../../stats/mcnemar.js'
import { pairedT } from '../../stats/pairedT.js'
import { wilson } from '../../stats/wilson.js'

export interface ExactMatchComparison {
  candidate: number
  baseline: number
  delta: number
  /** Right in both, baseline only (candidate lost it), candidate only (gained), both wrong. */
  table: { both: number; baselineOnly: number; candidateOnly: number; neither: number }
  /** Ids of the examples the baseline got right and the candidate wrong, and back, in input order. */
  lost: string[]
  gained: string[]
  /** Exact McNemar, two-sided (statsmodels) and one-sided for a drop. */
  pValue: number
  pValueWorse: number
  /** Wilson interval of the candidate's exact-match rate. */
  candidateCi: [number, number] | null
}

/**
 * Compares per-example exact matches (1 right, 0 wrong).
 * @example compareExactMatch(['a', 'b'], Uint8Array.of(1, 0), Uint8Array.of(0, 0), 0.05).lost // ['a']
 */
export function compareExactMatch(ids: readonly string[], candidate: ArrayLike<number>, baseline: ArrayLike<number>, alpha: number): ExactMatchComparison {
  const n = ids.length
  const table = { both: 0, baselineOnly: 0, candidateOnly: 0, neither: 0 }
  const lost: string[] = []
  const gained: string[] = []
  for (let i = 0; i < n; i++) {
    const c = candidate[i] === 1
    const b = baseline[i] === 1
    if (c && b) table.both++
    else if (b) {
      table.baselineOnly++
      lost.push(ids[i])
    } else if (c) {
      table.candidateOnly++
      gained.push(ids[i])
    } else table.neither++
  }
  const cand = (table.both + table.candidateOnly) / n
  const base = (table.both + table.baselineOnly) / n
  return {
    candidate: cand,
    baseline: base,
    delta: cand - base,
    table,
    lost,
    gained,
    pValue: mcnemarExact(table.baselineOnly, table.candidateOnly),
    pValueWorse: mcnemarDrop(table.baselineOnly, table.candidateOnly),
    candidateCi: wilson(table.both + table.candidateOnly, n, alpha)
  }
}

export interface ScoreDrop {
  id: string
  candidate: number
  baseline: number
  delta: number
}

export interface TokenF1Comparison {
  candidate: number
  baseline: number
  delta: number
  /** Paired t on the per-example differences (scipy `ttest_rel`); null below 2 examples. */
  pValue: number | null
  pValueWorse: number | null
  /** The `limit` largest drops (candidate − baseline < 0), largest first, ties in input order. */
  drops: ScoreDrop[]
}

/**
 * Compares per-example token F1 (or any per-example score where higher is better).
 * @example compareTokenF1(['a', 'b'], Float64Array.of(0.5, 1), Float64Array.of(1, 1), 0.05, 5).drops // [{ id: 'a', candidate: 0.5, baseline: 1, delta: -0.5 }]
 */
export function compareTokenF1(
  ids: readonly string[],
  candidate: Float64Array,
  baseline: Float64Array,
  alpha: number,
  limit = 10
): TokenF1Comparison {
  const n = ids.length
  const d = new Float64Array(n)
  let sc = 0
  let sb = 0
  for (let i = 0; i < n; i++) {
    d[i] = candidate[i] - baseline[i]
    sc += candidate[i]
    sb += baseline[i]
  }
  const t = pairedT(d, alpha)
  const order: number[] = []
  for (let i = 0; i < n; i++) if (d[i] < 0) order.push(i)
  order.sort((x, y) => d[x] - d[y] || x - y)
  const drops = order.slice(0, limit).map((i) => ({ id: ids[i], candidate: candidate[i], baseline: baseline[i], delta: d[i] }))
  return { candidate: sc / n, baseline: sb / n, delta: sc / n - sb / n, pValue: t ? t.pValue : null, pValueWorse: t ? t.pLess : null, drops }
}
