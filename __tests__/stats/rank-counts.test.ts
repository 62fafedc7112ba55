/**
 * DeLong's placement values by search (src/stats/rankCounts.ts) against the sorted midrank scan of
 * src/stats/delong.ts (`placements` after the radix sort `ascendingOrder`): the same doubles, bit for bit, on
 * columns with many ties, -0 next to 0, positives the smaller and the larger side, values crowded into a few
 * buckets and a range that overflows; and the bucket search against a plain lower bound.
 */
import { describe, expect, it } from 'vitest'
import { ascendingOrder } from '../../src/stats/order.js'
import { placements } from '../../src/stats/delong.js'
import { placementsBySearch, searcher } from '../../src/stats/rankCounts.js'
import { streamFor } from '../../src/stats/random.js'

/** The sort-based placements, scattered back to example order (V10 of positives, V01 of negatives). */
function bySort(positive: Uint8Array, score: Float64Array): Float64Array {
  let nPos = 0
  for (const p of positive) nPos += p
  const { v10, v01 } = placements(positive, score, nPos, positive.length - nPos, ascendingOrder(score))
  const out = new Float64Array(positive.length)
  let p = 0
  let q = 0
  for (let e = 0; e < positive.length; e++) out[e] = positive[e] ? v10[p++] : v01[q++]
  return out
}

function column(seed: number, n: number, share: number, make: (u: number) => number) {
  const rng = streamFor(seed, 'rank-counts')
  const positive = new Uint8Array(n)
  const score = new Float64Array(n)
  for (let e = 0; e < n; e++) {
    positive[e] = rng.nextDouble() < share ? 1 : 0
    score[e] = make(rng.nextDouble() + 0.3 * positive[e])
  }
  return { positive, score }
}

const shapes: [string, (u: number) => number][] = [
  ['one decimal (many ties)', (u) => Math.round(u * 10) / 10],
  ['six decimals', (u) => Math.round(u * 1e6) / 1e6],
  ['-0 and 0', (u) => (u < 0.3 ? -0 : u < 0.6 ? 0 : Math.round(u * 100) / 100)],
  ['crowded near 0 and spread above', (u) => (u < 0.7 ? u * 1e-9 : u)],
  ['range that overflows', (u) => (u < 0.1 ? -1.5e308 : u > 1.2 ? 1.7e308 : u)],
  ['one value', () => 0.25]
]

describe('placementsBySearch', () => {
  for (const [name, make] of shapes) {
    it(`gives the sorted scan's doubles: ${name}`, () => {
      for (const [seed, n, share] of [[1, 7, 0.3], [2, 200, 0.05], [3, 2000, 0.5], [4, 5000, 0.9], [5, 3000, 0.02]] as const) {
        const { positive, score } = column(seed, n, share, make)
        let nPos = 0
        for (const p of positive) nPos += p
        if (nPos === 0 || nPos === n) continue
        const out = new Float64Array(n)
        placementsBySearch(positive, score, nPos, n - nPos, out)
        expect(out).toEqual(bySort(positive, score))
      }
    })
  }

  it('the example of its comment', () => {
    const out = new Float64Array(4)
    placementsBySearch(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8), 2, 2, out)
    // AUC = mean V10 = 0.75, as rocAuc's example.
    expect(Array.from(out)).toEqual([1, 0.5, 0.5, 1])
  })
})

describe('searcher', () => {
  it('finds the first value ≥ v as a plain lower bound does', () => {
    const rng = streamFor(9, 'searcher')
    for (const make of [(u: number) => u, (u: number) => u ** 8, (u: number) => (u < 0.5 ? -1e308 * u : 1e308 * u)]) {
      const values = Float64Array.from({ length: 500 }, () => make(rng.nextDouble()))
      const distinct = Float64Array.from(new Set(Array.from(values).sort((a, b) => a - b)))
      const find = searcher(distinct, distinct.length)
      for (let i = 0; i < 3000; i++) {
        const v = i % 3 === 0 ? distinct[i % distinct.length] : make(rng.nextDouble() * 1.2 - 0.1)
        let lower = 0
        while (lower < distinct.length && distinct[lower] < v) lower++
        expect(find(v)).toBe(lower)
      }
    }
    expect(searcher(Float64Array.of(0.1, 0.5, 0.9), 3)(0.5)).toBe(1)
  })
})
