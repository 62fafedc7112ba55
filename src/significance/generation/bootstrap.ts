/**
 * Paired bootstrap of per-example statistics rows: each resample draws n examples with replacement (the
 * multinomial bootstrap, as sacrebleu `--paired-bs` and numpy's `choice` do) and hands the weighted column sums of
 * every block to a visitor. The same draws serve every block, so the models stay paired.
 *
 * Method, per resample:
 * 1. n uniform draws counted per example (draws.ts: exact, two draws per 32-bit number for n ≤ 2¹⁶);
 * 2. the examples drawn (about 63% of them) are listed with their counts, in row order, cut into *segments*
 *    that hold at most `cap` draws in all (an example drawn more often than that is split over segments);
 * 3. per segment, Σ count × row over its examples, for groups of at most four packed words at a time (four
 *    running sums in registers, the group's rows contiguous), then the words are taken apart into their fields.
 * Packing: the integer columns kept by planColumns (columns that repeat another are rebuilt from it afterwards)
 * share doubles: a sum of at most `cap` draws of a column whose entries are at most M is below cap·M + 1, so it
 * needs b = ⌈log₂(cap·M + 1)⌉ bits, and a double holds 53 exact bits: fields are placed first-fit (the widest
 * first), column values scaled by 2⁰, 2ᵇ¹, …, so one addition adds them all and no field can carry into the next
 * within a segment. Division by a power of two is exact, so the fields come apart exactly after each segment.
 * A smaller cap gives narrower fields (three per word for BLEU and chrF counts at cap 2¹⁰) but more segments;
 * the cap is chosen by the cost estimate below. Float columns take a word each and are summed as they are.
 * Cost: O(n) draws and list entries and O(0.63·n · words) multiply–adds per resample, plus O(segments · fields)
 * and O(residual rows); in the 10,000 × 10,000 case of docs/scale.md, BLEU and chrF of both models and exact_match pack
 * into 10 words per row (14 at cap n).
 *
 * Resamples come in chunks of CHUNK, chunk c drawn from its own stream (`name/c`): any thread can compute any
 * chunk and gets the same numbers.
 */
import { streamFor } from '../../stats/random.js'
import { expandSums, planColumns, type ColumnPlan } from './columns.js'
import { drawCounts, streamState } from './draws.js'

/** A block of per-example columns: n × k, row-major. */
export interface ColumnBlock {
  data: Float64Array
  k: number
  /** Every entry a non-negative integer (then the columns are planned and packed). */
  integer: boolean
}

/** Resamples per chunk (one stream each). */
export const CHUNK = 512

/**
 * The packed rows and their layout: plain data (typed arrays and numbers), so it can be posted to a worker.
 */
export interface BootstrapRows {
  n: number
  /** The most draws summed into one segment. */
  cap: number
  words: number
  /** Rows of each group of at most 4 consecutive words: n × (its width), row-major. */
  groups: Float64Array[]
  /** Per word, its fields from the lowest: the slot (index into the flat kept sums) of each. */
  slots: Int32Array[]
  /** Per word, 2^bits of each field but the top one (the top one takes the rest); empty for a float word. */
  spans: Float64Array[]
  /** Per block: its column plan and where its kept sums start in the flat kept sums. */
  plans: ColumnPlan[]
  keptAt: number[]
  ks: number[]
  keptTotal: number
}

interface Item {
  slot: number
  bits: number
  /** Column values (already scaled to nothing), n of them. */
  values: Float64Array
  float: boolean
}

/**
 * Plans and packs the blocks (once per comparison). `forceCap` (tests) sets the cap instead of the estimate.
 * Cost: O(k²·n) for the plans, O(n · kept columns) for the packing.
 */
export function prepareBootstrap(n: number, blocks: readonly ColumnBlock[], forceCap?: number): BootstrapRows {
  // Float blocks: only exact repeats and constants are dropped (no residuals, whose float sums could round).
  const plans: ColumnPlan[] = blocks.map((b) => planColumns(b.data, n, b.k, true, b.integer ? undefined : 0))
  const keptAt: number[] = []
  const items: Item[] = []
  let keptTotal = 0
  blocks.forEach((block, b) => {
    keptAt.push(keptTotal)
    for (const column of plans[b].kept) {
      const values = new Float64Array(n)
      for (let i = 0; i < n; i++) values[i] = block.data[i * block.k + column]
      items.push({ slot: keptTotal++, bits: 0, values, float: !block.integer })
    }
  })
  const maxima = items.map((item) => {
    let max = 0
    if (!item.float) for (let i = 0; i < n; i++) if (item.values[i] > max) max = item.values[i]
    return max
  })
  // The cap: the cheapest of the powers of two up to n, by words · 0.632·n multiply–adds per resample plus
  // about four operations per field and segment.
  let best: { cap: number; layout: number[][]; cost: number } | null = null
  for (let cap = forceCap ?? 16; ; cap *= 2) {
    const c = Math.min(cap, Math.max(1, n))
    const layout = packFields(items, maxima, c)
    const fields = items.length
    const cost = layout.length * 0.632 * n + (Math.ceil(n / c) + 1) * (layout.length + fields) * 4
    if (best === null || cost < best.cost) best = { cap: c, layout, cost }
    if (c >= n || forceCap !== undefined) break
  }
  const { cap, layout } = best as { cap: number; layout: number[][] }
  const words = layout.length
  const slots = layout.map((fs) => Int32Array.from(fs, (f) => items[f].slot))
  const spans = layout.map((fs) => (items[fs[0]].float ? new Float64Array(0) : Float64Array.from(fs.slice(0, -1), (f) => 2 ** fieldBits(maxima[f], cap))))
  const groups: Float64Array[] = []
  for (let w0 = 0; w0 < words; w0 += 4) {
    const width = Math.min(4, words - w0)
    const rows = new Float64Array(n * width)
    for (let w = 0; w < width; w++) {
      let scale = 1
      layout[w0 + w].forEach((f, x) => {
        const values = items[f].values
        for (let i = 0; i < n; i++) rows[i * width + w] += values[i] * scale
        if (x < spans[w0 + w].length) scale *= spans[w0 + w][x]
      })
    }
    groups.push(rows)
  }
  return { n, cap, words, groups, slots, spans, plans, keptAt, ks: blocks.map((b) => b.k), keptTotal }
}

/** Bits of a sum of at most `cap` entries no larger than `max`. */
function fieldBits(max: number, cap: number): number {
  return Math.max(1, Math.ceil(Math.log2(cap * max + 1)))
}

/**
 * Words of fields (item numbers, lowest field first): integer fields first-fit into 53-bit words, the widest
 * first (ties by slot); a float column, or an integer one too wide for a word, alone in a float word (last).
 */
function packFields(items: readonly Item[], maxima: readonly number[], cap: number): number[][] {
  const ints: number[] = []
  const floats: number[][] = []
  items.forEach((item, f) => {
    if (item.float || fieldBits(maxima[f], cap) > 53) floats.push([f])
    else ints.push(f)
  })
  ints.sort((x, y) => fieldBits(maxima[y], cap) - fieldBits(maxima[x], cap) || x - y)
  const words: number[][] = []
  const used: number[] = []
  for (const f of ints) {
    const bits = fieldBits(maxima[f], cap)
    let w = used.findIndex((u) => u + bits <= 53)
    if (w < 0) {
      w = used.length
      used.push(0)
      words.push([])
    }
    used[w] += bits
    words[w].push(f)
  }
  return [...words, ...floats]
}

/** Work arrays of one thread. */
export interface BootstrapScratch {
  counts: Int32Array
  index: Int32Array
  weight: Int32Array
  segmentEnd: Int32Array
  segmentSums: Float64Array
  kept: Float64Array
  keptViews: Float64Array[]
  sums: Float64Array[]
}

export function bootstrapScratch(rows: BootstrapRows): BootstrapScratch {
  const { n, cap, words, keptTotal } = rows
  const pieces = Math.ceil(n / cap)
  const entries = n + pieces + 2
  const segments = 3 * pieces + 4
  const kept = new Float64Array(keptTotal)
  return {
    counts: new Int32Array(Math.max(1, n)),
    index: new Int32Array(entries),
    weight: new Int32Array(entries),
    segmentEnd: new Int32Array(segments),
    segmentSums: new Float64Array(segments * Math.max(1, words)),
    kept,
    keptViews: rows.plans.map((p, b) => kept.subarray(rows.keptAt[b], rows.keptAt[b] + p.kept.length)),
    sums: rows.ks.map((k) => new Float64Array(k))
  }
}

/**
 * Runs `count` resamples from `state` (advanced). `visit(t, sums)` receives, per block, the weighted column sums
 * (all k columns, in the block's order) of resample t of the chunk; the arrays are reused, so copy what you keep.
 */
export function bootstrapChunk(
  rows: BootstrapRows,
  state: Int32Array,
  count: number,
  visit: (t: number, sums: readonly Float64Array[]) => void,
  scratch: BootstrapScratch = bootstrapScratch(rows)
): void {
  const { n, cap, words, groups, slots, spans, plans } = rows
  const { counts, index, weight, segmentEnd, segmentSums, kept, keptViews, sums } = scratch
  const weightOf = (row: number): number => counts[row]
  for (let t = 0; t < count; t++) {
    counts.fill(0)
    drawCounts(state, n, n, counts)
    const segments = listDrawn(counts, n, cap, index, weight, segmentEnd)
    for (let g = 0, w0 = 0; g < groups.length; g++, w0 += 4) {
      const width = Math.min(4, words - w0)
      if (width === 4) sum4(groups[g], index, weight, segmentEnd, segments, segmentSums, words, w0)
      else if (width === 3) sum3(groups[g], index, weight, segmentEnd, segments, segmentSums, words, w0)
      else if (width === 2) sum2(groups[g], index, weight, segmentEnd, segments, segmentSums, words, w0)
      else sum1(groups[g], index, weight, segmentEnd, segments, segmentSums, words, w0)
    }
    kept.fill(0)
    for (let s = 0; s < segments; s++) {
      for (let w = 0; w < words; w++) {
        let x = segmentSums[s * words + w]
        const slot = slots[w]
        const span = spans[w]
        for (let f = 0; f < span.length; f++) {
          const high = Math.floor(x / span[f])
          kept[slot[f]] += x - high * span[f]
          x = high
        }
        kept[slot[span.length]] += x
      }
    }
    for (let b = 0; b < plans.length; b++) expandSums(plans[b], keptViews[b], n, weightOf, sums[b])
    visit(t, sums)
  }
}

/**
 * Lists the examples drawn (index, count) in row order and cuts the list into segments of at most `cap` draws;
 * returns the number of segments (segmentEnd[s]: one past the last entry of segment s).
 */
function listDrawn(counts: Int32Array, n: number, cap: number, index: Int32Array, weight: Int32Array, segmentEnd: Int32Array): number {
  let k = 0
  let w = 0
  let s = 0
  for (let i = 0; i < n; i++) {
    let c = counts[i]
    if (w + c > cap) {
      if (w > 0) {
        segmentEnd[s++] = k
        w = 0
      }
      while (c > cap) {
        index[k] = i
        weight[k++] = cap
        segmentEnd[s++] = k
        c -= cap
      }
    }
    index[k] = i
    weight[k] = c
    w += c
    // Without a branch: −c is negative (sign bit 1) exactly when c > 0.
    k += -c >>> 31
  }
  if (w > 0) segmentEnd[s++] = k
  return s
}

/* The segment sums of a group of 4, 3, 2 or 1 words (one function each, so each stays monomorphic). */

function sum4(rows: Float64Array, index: Int32Array, weight: Int32Array, end: Int32Array, segments: number, out: Float64Array, words: number, w0: number): void {
  let t = 0
  for (let s = 0; s < segments; s++) {
    const stop = end[s]
    let a0 = 0
    let a1 = 0
    let a2 = 0
    let a3 = 0
    for (; t < stop; t++) {
      const o = index[t] << 2
      const c = weight[t]
      a0 += c * rows[o]
      a1 += c * rows[o + 1]
      a2 += c * rows[o + 2]
      a3 += c * rows[o + 3]
    }
    const p = s * words + w0
    out[p] = a0
    out[p + 1] = a1
    out[p + 2] = a2
    out[p + 3] = a3
  }
}

function sum3(rows: Float64Array, index: Int32Array, weight: Int32Array, end: Int32Array, segments: number, out: Float64Array, words: number, w0: number): void {
  let t = 0
  for (let s = 0; s < segments; s++) {
    const stop = end[s]
    let a0 = 0
    let a1 = 0
    let a2 = 0
    for (; t < stop; t++) {
      const o = index[t] * 3
      const c = weight[t]
      a0 += c * rows[o]
      a1 += c * rows[o + 1]
      a2 += c * rows[o + 2]
    }
    const p = s * words + w0
    out[p] = a0
    out[p + 1] = a1
    out[p + 2] = a2
  }
}

function sum2(rows: Float64Array, index: Int32Array, weight: Int32Array, end: Int32Array, segments: number, out: Float64Array, words: number, w0: number): void {
  let t = 0
  for (let s = 0; s < segments; s++) {
    const stop = end[s]
    let a0 = 0
    let a1 = 0
    for (; t < stop; t++) {
      const o = index[t] << 1
      const c = weight[t]
      a0 += c * rows[o]
      a1 += c * rows[o + 1]
    }
    const p = s * words + w0
    out[p] = a0
    out[p + 1] = a1
  }
}

function sum1(rows: Float64Array, index: Int32Array, weight: Int32Array, end: Int32Array, segments: number, out: Float64Array, words: number, w0: number): void {
  let t = 0
  for (let s = 0; s < segments; s++) {
    const stop = end[s]
    let a0 = 0
    for (; t < stop; t++) a0 += weight[t] * rows[index[t]]
    out[s * words + w0] = a0
  }
}

/** The stream state of chunk c of a named bootstrap. */
export function chunkState(seed: number, name: string, chunk: number): Int32Array {
  return streamState(streamFor(seed, `${name}/${chunk}`))
}

/**
 * Runs R resamples in chunks of CHUNK (chunk c from stream `name/c`), on this thread. `visit(r, sums)` as in
 * {@link bootstrapChunk}, r the resample's number.
 */
export function bootstrapSums(
  n: number,
  blocks: readonly ColumnBlock[],
  R: number,
  seed: number,
  name: string,
  visit: (r: number, sums: readonly Float64Array[]) => void
): void {
  const rows = prepareBootstrap(n, blocks)
  const scratch = bootstrapScratch(rows)
  for (let c = 0; c * CHUNK < R; c++) {
    const first = c * CHUNK
    bootstrapChunk(rows, chunkState(seed, name, c), Math.min(CHUNK, R - first), (t, sums) => visit(first + t, sums), scratch)
  }
}
