/**
 * The block multinomial (src/stats/blockMultinomial.ts) and the chunked table bootstrap (src/significance/classification/classificationResample.ts
 * `chunkedBootstrap`). Reference values are the multinomial's own moments: cell j of Multinomial(n, p) has mean
 * n·pⱼ and variance n·pⱼ(1 − pⱼ), two cells covariance −n·pᵢpⱼ (Johnson, Kotz & Balakrishnan 1997, "Discrete
 * Multivariate Distributions", ch. 35); each is checked within 4.5 standard errors over 4,000 draws.
 */
import { describe, expect, it } from 'vitest'
import { BLOCK_CELLS, BLOCK_SLOTS, blockMultinomial, blockPlan, throwInto } from '../../src/stats/blockMultinomial.js'
import { uniformBelow } from '../../src/stats/cellResample.js'
import { streamFor } from '../../src/stats/random.js'
import { BOOTSTRAP_CHUNK, chunkedBootstrap } from '../../src/significance/classification/classificationResample.js'
import { cellsFromTriples } from '../../src/pair/cellTable.js'
import { aggregateMetrics } from '../../src/metrics/classification.js'

// Heavy cells (blocks of their own), mid-sized ones, then many cells of one or two examples (slot blocks).
const weights = Float64Array.from([20000, 9000, 700, 700, 300, ...Array.from({ length: 3000 }, (_, j) => (j % 3 === 0 ? 2 : 1)), ...Array.from({ length: 600 }, () => 5)])
const W = weights.reduce((s, w) => s + w, 0)

describe('blockMultinomial', () => {
  it('cuts the cells into blocks within the limits; heavy cells alone', () => {
    const plan = blockPlan(weights)
    const blocks = plan.weight.length
    expect(plan.start[0]).toBe(0)
    expect(plan.start[blocks]).toBe(weights.length)
    for (let b = 0; b < blocks; b++) {
      const cells = plan.start[b + 1] - plan.start[b]
      expect(cells).toBeGreaterThan(0)
      expect(cells).toBeLessThanOrEqual(BLOCK_CELLS)
      if (cells > 1) expect(plan.weight[b]).toBeLessThanOrEqual(BLOCK_SLOTS)
    }
    expect(plan.start[1]).toBe(1) // 20,000 > BLOCK_SLOTS: a block of its own
  })

  it("has the multinomial's means, variances and covariances (n = W and n = W/10)", () => {
    for (const n of [W, Math.floor(W / 10)]) {
      const plan = blockPlan(weights)
      const rng = streamFor(11, `block-multinomial-${n}`)
      const out = new Float64Array(weights.length)
      const D = 4000
      // Watched cells: heavy, mid, a 2 and a 1 among the small ones, a 5; and a pair in different blocks.
      const watch = [0, 2, 5, 6, 3005, weights.length - 1]
      const sum = new Float64Array(watch.length)
      const sq = new Float64Array(watch.length)
      let cross = 0
      let s1 = 0
      let s2 = 0
      for (let d = 0; d < D; d++) {
        blockMultinomial(rng, n, plan, out)
        let total = 0
        for (const x of out) total += x
        expect(total).toBe(n)
        watch.forEach((j, i) => {
          sum[i] += out[j]
          sq[i] += out[j] ** 2
        })
        cross += out[1] * out[3005]
        s1 += out[1]
        s2 += out[3005]
      }
      watch.forEach((j, i) => {
        const p = weights[j] / W
        const mean = sum[i] / D
        const variance = sq[i] / D - mean ** 2
        const v = n * p * (1 - p)
        expect(Math.abs(mean - n * p)).toBeLessThan(4.5 * Math.sqrt(v / D))
        // The sample variance's standard error ≈ √((μ₄ − σ⁴)/D) ≤ √((3σ⁴ + σ²)/D) for these counts.
        expect(Math.abs(variance - v)).toBeLessThan(4.5 * Math.sqrt((3 * v * v + v) / D))
      })
      const p1 = weights[1] / W
      const p2 = weights[3005] / W
      const cov = cross / D - (s1 / D) * (s2 / D)
      const sdCov = Math.sqrt((n * p1 * (1 - p1) * n * p2 * (1 - p2)) / D)
      expect(Math.abs(cov - -n * p1 * p2)).toBeLessThan(5 * sdCov + 1e-9)
    }
  })
})

describe('throwInto', () => {
  it('counts the draws of uniformBelow, and leaves the stream where it does', () => {
    for (const w of [1, 2, 3, 7, 1000, 8191, 8192]) {
      const a = streamFor(w, 'throw')
      const b = streamFor(w, 'throw')
      const slots = new Uint32Array(w)
      const expected = new Uint32Array(w)
      throwInto(a, slots, 5000, w)
      for (let i = 0; i < 5000; i++) expected[uniformBelow(b, w)]++
      expect(slots).toEqual(expected)
      expect(a.nextUint32()).toBe(b.nextUint32())
    }
  })
})

describe('chunkedBootstrap', () => {
  const rng = streamFor(2, 'chunk-table')
  const k = 30
  const t = Int32Array.from({ length: 5000 }, () => Math.floor(rng.nextDouble() * k))
  const b = t.map((y) => (rng.nextDouble() < 0.7 ? y : Math.floor(rng.nextDouble() * k)))
  const c = t.map((y) => (rng.nextDouble() < 0.75 ? y : Math.floor(rng.nextDouble() * k)))
  const family = { name: 'table', cells: cellsFromTriples(k, t, b, c), metrics: aggregateMetrics('multiclass', k, null), chunked: true }

  it('gives the same numbers whatever order the chunks are drawn in, and the first resamples whatever R is', () => {
    const R = 5 * BOOTSTRAP_CHUNK + 3
    const draws = (count: number) => ({ deltas: family.metrics.map(() => new Float64Array(count)), candidates: family.metrics.map(() => new Float64Array(count)) })
    const forward = draws(R)
    const backward = draws(R)
    const a = chunkedBootstrap(family, R, 4)
    const z = chunkedBootstrap(family, R, 4)
    expect(a.chunks).toBe(6)
    for (let i = 0; i < a.chunks; i++) a.draw(i, forward)
    for (let i = a.chunks - 1; i >= 0; i--) z.draw(i, backward)
    expect(backward).toEqual(forward)
    const shorter = draws(2 * BOOTSTRAP_CHUNK)
    const s = chunkedBootstrap(family, 2 * BOOTSTRAP_CHUNK, 4)
    for (let i = 0; i < s.chunks; i++) s.draw(i, shorter)
    expect(Array.from(shorter.deltas[0])).toEqual(Array.from(forward.deltas[0].subarray(0, 2 * BOOTSTRAP_CHUNK)))
    // Resamples differ from each other (the chunks are not one stream repeated).
    expect(new Set(forward.deltas[0]).size).toBeGreaterThan(R / 2)
  })
})
