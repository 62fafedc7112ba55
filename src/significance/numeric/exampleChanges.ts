/**
 * Per-example details for the report of the numeric tasks: which examples changed, by id.
 * - Pass rates (0/1 fields): the flips, baseline pass → candidate fail and back, counted, with the first ids in
 *   the caller's order.
 * - Other fields (and regression errors): the largest per-example changes in the worse direction.
 * Cost: O(n) for the flips; O(n·limit) worst case, O(n) typically, for the largest changes (a sorted list of at
 * most `limit` entries, insertion only when an entry beats the smallest kept).
 */
import type { Direction } from '../../stats/direction.js'

/** Example ids aligned with the value arrays (the paired examples, in the caller's order). */
export type Ids = ArrayLike<string | number>

/** How many ids and examples a detail lists, by default. */
export const DETAIL_LIMIT = 10

/** Flips of a pass rate between the two models. */
export interface Flips {
  /** Examples that changed in the worse direction (higher is better: baseline 1 → candidate 0). */
  worse: number
  /** Examples that changed in the better direction. */
  better: number
  /** Ids of the first `limit` worse flips, in order. */
  firstWorse: string[]
  /** Ids of the first `limit` better flips, in order. */
  firstBetter: string[]
}

/**
 * The flips of a 0/1 field.
 * @example flips(Float64Array.of(1, 0, 1), Float64Array.of(0, 1, 1), 'higher', ['a', 'b', 'c']) // worse 1 (a), better 1 (b)
 */
export function flips(baseline: Float64Array, candidate: Float64Array, direction: Direction, ids: Ids, limit = DETAIL_LIMIT): Flips {
  const out: Flips = { worse: 0, better: 0, firstWorse: [], firstBetter: [] }
  for (let i = 0; i < candidate.length; i++) {
    const change = candidate[i] - baseline[i]
    if (change === 0) continue
    const isWorse = direction === 'higher' ? change < 0 : change > 0
    if (isWorse) {
      if (out.worse++ < limit) out.firstWorse.push(String(ids[i]))
    } else if (out.better++ < limit) out.firstBetter.push(String(ids[i]))
  }
  return out
}

/**
 * Positions of the `limit` largest positive values of `change`, largest first, ties by position.
 * @example largestPositive(Float64Array.of(0.5, -1, 2, 0.5), 2) // [2, 0]
 */
export function largestPositive(change: Float64Array, limit = DETAIL_LIMIT): number[] {
  const kept: number[] = []
  if (limit <= 0) return kept
  for (let i = 0; i < change.length; i++) {
    const v = change[i]
    if (!(v > 0)) continue
    if (kept.length === limit && v <= change[kept[limit - 1]]) continue
    // Insert after every kept entry that is at least as large (earlier positions win ties).
    let at = kept.length
    while (at > 0 && change[kept[at - 1]] < v) at--
    kept.splice(at, 0, i)
    if (kept.length > limit) kept.pop()
  }
  return kept
}

/** One example that got worse. */
export interface Drop {
  id: string
  baseline: number
  candidate: number
  /** How much worse, > 0: baseline − candidate when higher is better, candidate − baseline when lower. */
  change: number
}

/**
 * The examples whose value changed most in the worse direction, worst first.
 * @example largestDrops(Float64Array.of(5, 3), Float64Array.of(2, 3), 'higher', ['a', 'b']) // [{ id: 'a', baseline: 5, candidate: 2, change: 3 }]
 */
export function largestDrops(baseline: Float64Array, candidate: Float64Array, direction: Direction, ids: Ids, limit = DETAIL_LIMIT): Drop[] {
  const change = new Float64Array(candidate.length)
  for (let i = 0; i < change.length; i++) change[i] = direction === 'higher' ? baseline[i] - candidate[i] : candidate[i] - baseline[i]
  return largestPositive(change, limit).map((i) => ({ id: String(ids[i]), baseline: baseline[i], candidate: candidate[i], change: change[i] }))
}
