/**
 * Exact multinomial sampling over many cells with integer weights, in blocks: X ~ Multinomial(n, wⱼ / W).
 *
 * Method: the cells (in the caller's order) are cut into blocks of consecutive cells, each holding at most
 * BLOCK_SLOTS weight and BLOCK_CELLS cells (a heavier cell is a block of its own). The block totals are drawn
 * first, Multinomial(n, W_b / W) by the conditional binomial method (src/stats/multinomial.ts); then within each
 * block, given its total X_b, the cells' counts are Multinomial(X_b, wⱼ / W_b) — the two stages give the
 * multinomial exactly (the multinomial's aggregation property). Within a block of few draws per cell (X_b at most
 * EXAMPLES_PER_CELL per cell) the X_b draws are thrown one by one uniformly into the block's W_b slots (cell j
 * owns wⱼ consecutive slots; Lemire's exact uniform integer), a slot array small enough to stay in the
 * processor's cache; else the conditional binomial method runs inside the block.
 * A table of many classes is mostly cells of one or two examples: there the conditional binomial method costs an
 * exp and a log per cell, the blocks about one 32-bit random number per drawn example.
 * Cost: O(blocks) binomial draws, then per block O(X_b + W_b) or O(cells of the block) binomial draws; O(n) time
 * and O(BLOCK_SLOTS) memory at most per draw beyond the output.
 *
 * @example
 * const plan = blockPlan(Float64Array.of(3, 1, 1, 1))
 * blockMultinomial(streamFor(0, 'x'), 6, plan, out) // out sums to 6
 */
import { multinomial } from './multinomial.js'
import type { Xoshiro128 } from './random.js'

/** Most weight a block holds (its slot array: 32 KB of 32-bit counts). */
export const BLOCK_SLOTS = 8192
/** Most cells a block holds. */
export const BLOCK_CELLS = 4096
/** Up to this many draws per cell of a block on average, the draws are thrown one by one into its slots. */
export const DRAWS_PER_CELL = 8

/** The blocks of a weight vector: block b is cells start[b] … start[b + 1] − 1, of total weight weight[b]. */
export interface BlockPlan {
  weights: Float64Array
  start: Int32Array
  weight: Float64Array
  /** Scratch: the block totals of a draw, and the slot counts of a block. */
  totals: Float64Array
  slots: Uint32Array
}

/** Cuts `weights` (non-negative integers) into blocks. Cost O(cells). */
export function blockPlan(weights: Float64Array): BlockPlan {
  const starts: number[] = []
  const sums: number[] = []
  let sum = 0
  let cells = 0
  for (let j = 0; j < weights.length; j++) {
    const w = weights[j]
    if (cells === 0 || sum + w > BLOCK_SLOTS || cells === BLOCK_CELLS) {
      if (cells > 0) sums.push(sum)
      starts.push(j)
      sum = 0
      cells = 0
    }
    sum += w
    cells++
  }
  if (cells > 0) sums.push(sum)
  starts.push(weights.length)
  let widest = 0
  for (const s of sums) if (s <= BLOCK_SLOTS) widest = Math.max(widest, s)
  return {
    weights,
    start: Int32Array.from(starts),
    weight: Float64Array.from(sums),
    totals: new Float64Array(sums.length),
    slots: new Uint32Array(widest)
  }
}

/** One draw of Multinomial(n, wⱼ / W) into out[0 … cells), W the sum of the plan's weights. */
export function blockMultinomial(rng: Xoshiro128, n: number, plan: BlockPlan, out: Float64Array): void {
  const { weights, start, weight, totals, slots } = plan
  const blocks = weight.length
  multinomial(rng, n, weight, totals, 0, blocks)
  for (let b = 0; b < blocks; b++) {
    const from = start[b]
    const to = start[b + 1]
    const x = totals[b]
    if (x === 0) {
      for (let j = from; j < to; j++) out[j] = 0
    } else if (to - from === 1) {
      out[from] = x
    } else if (x <= DRAWS_PER_CELL * (to - from)) {
      const w = weight[b]
      slots.fill(0, 0, w)
      throwInto(rng, slots, x, w)
      for (let j = from, slot = 0; j < to; j++) {
        let sum = 0
        for (const stop = slot + weights[j]; slot < stop; slot++) sum += slots[slot]
        out[j] = sum
      }
    } else {
      multinomial(rng, x, weights, out, from, to)
    }
  }
}


const STATE = new Int32Array(4)
const TWO32 = 4294967296

/**
 * x draws of a uniform integer below w (≤ 2²¹), each counted in slots[]: the numbers and values of
 * `uniformBelow(rng, w)` called x times (Lemire's multiply-and-reject), with xoshiro128** stepped in local
 * variables (a call and four field loads and stores less per draw).
 */
export function throwInto(rng: Xoshiro128, slots: Uint32Array, x: number, w: number): void {
  rng.getState(STATE)
  let s0 = STATE[0]
  let s1 = STATE[1]
  let s2 = STATE[2]
  let s3 = STATE[3]
  const threshold = (TWO32 - w) % w
  for (let i = 0; i < x; i++) {
    let u: number
    let low: number
    do {
      const r = Math.imul(s1, 5)
      u = Math.imul((r << 7) | (r >>> 25), 9) >>> 0
      const t = s1 << 9
      s2 ^= s0
      s3 ^= s1
      s1 ^= s2
      s0 ^= s3
      s2 ^= t
      s3 = (s3 << 11) | (s3 >>> 21)
      low = Math.imul(u, w) >>> 0
    } while (low < threshold)
    slots[Math.floor((u * w) / TWO32)]++
  }
  STATE[0] = s0
  STATE[1] = s1
  STATE[2] = s2
  STATE[3] = s3
  rng.setState(STATE)
}
