/**
 * Poisson(1) bootstrap weights (src/stats/poissonWeights.ts): each weight is the inversion of one nextUint32 draw
 * against the Poisson(1) CDF, as scipy gives it, and the counts have the Poisson(1) moments. And the AP values the
 * bootstrap's plan gives (src/stats/scoreResampling.ts apValues) are averagePrecision's, bit for bit, as are the
 * weighted AP's two loops (the branch where a group closes, and the term at every position) with each other.
 */
import { describe, expect, it } from 'vitest'
import { poissonWeights } from '../../src/stats/poissonWeights.js'
import { streamFor } from '../../src/stats/random.js'
import { apPlan, apValues, ranked, weightedAp } from '../../src/stats/scoreResampling.js'
import { averagePrecision } from '../../src/metrics/scores.js'
import { ascendingOrder } from '../../src/stats/order.js'
import { generator } from '../support.js'

// scipy 1.10: [repr(float(x)) for x in poisson.cdf([0, 1, 2, 3, 4, 5], 1)]
const CDF = [0.36787944117144245, 0.7357588823428847, 0.9196986029286058, 0.9810118431238462, 0.9963401531726563, 0.9994058151824183]

describe('poissonWeights', () => {
  it('inverts one 32-bit draw per weight against the Poisson(1) CDF, and leaves the stream where n draws leave it', () => {
    const n = 5000
    const w = new Uint8Array(n)
    const positive = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0))
    const rng = streamFor(3, 'test:poisson')
    const copy = streamFor(3, 'test:poisson')
    const total = poissonWeights(rng, w, positive)
    let expectedTotal = 0
    for (let k = 0; k < n; k++) {
      const u = copy.nextUint32() / 4294967296
      // The smallest k with u < F(k) (up to the 2⁻³² of the integer thresholds, never reached by these draws).
      let v = 0
      while (v < CDF.length && u >= CDF[v]) v++
      if (v === CDF.length) v = -1 // beyond 5: checked below as > 5
      if (v >= 0) expect(w[k]).toBe(v)
      else expect(w[k]).toBeGreaterThan(5)
      if (positive[k]) expectedTotal += w[k]
    }
    expect(total).toBe(expectedTotal)
    expect(rng.nextUint32()).toBe(copy.nextUint32())
  })

  it('gives, through its table of 4,096 buckets, the weight the search of the integer thresholds gives, for every draw', () => {
    // The thresholds as the module defines them: ⌊F(k)·2³²⌋, F summed as e^−1, then p /= k, F += p.
    const thresholds: number[] = []
    for (let k = 0, p = Math.exp(-1), F = p; k < 30; k++, p /= k, F += p) thresholds.push(Math.min(4294967296, Math.floor(F * 4294967296)))
    // 2,000,000 draws: about 2,400 fall in the 5 buckets that hold a threshold, where the table defers to the search.
    const n = 2_000_000
    const w = new Uint8Array(n)
    const positive = Uint8Array.from({ length: n }, (_, i) => (i % 7 < 2 ? 1 : 0))
    const total = poissonWeights(streamFor(11, 'test:poisson'), w, positive)
    const copy = streamFor(11, 'test:poisson')
    let mismatches = 0
    let expectedTotal = 0
    let searched = 0
    const counts = new Array<number>(31).fill(0)
    for (let k = 0; k < n; k++) {
      const x = copy.nextUint32()
      let v = 0
      while (v < 30 && x >= thresholds[v]) v++
      if (w[k] !== v) mismatches++
      if (thresholds.some((t) => Math.floor(t / 1048576) === Math.floor(x / 1048576))) searched++
      counts[v]++
      if (positive[k]) expectedTotal += v
    }
    expect(mismatches).toBe(0)
    expect(total).toBe(expectedTotal)
    expect(searched).toBeGreaterThan(1000)
    // Weights up to 7 or so occur (P(7) = 7.3e-5): the table's high buckets are exercised too.
    expect(counts.findLastIndex((c) => c > 0)).toBeGreaterThanOrEqual(7)
  })

  it('has the Poisson(1) mean, variance and P(0)', () => {
    const n = 400_000
    const w = new Uint8Array(n)
    poissonWeights(streamFor(5, 'test:poisson'), w, new Uint8Array(n))
    let sum = 0
    let squares = 0
    let zeros = 0
    for (const v of w) {
      sum += v
      squares += v * v
      if (v === 0) zeros++
    }
    const mean = sum / n
    const variance = squares / n - mean * mean
    // Poisson(1): mean 1, variance 1; se of the mean 1/√n, of the variance √(μ₄ − σ⁴)/√n = √3/√n (μ₄ = λ(1 + 3λ) = 4).
    expect(Math.abs(mean - 1)).toBeLessThan(4 / Math.sqrt(n))
    expect(Math.abs(variance - 1)).toBeLessThan((4 * Math.sqrt(3)) / Math.sqrt(n))
    const p0 = zeros / n
    expect(Math.abs(p0 - CDF[0])).toBeLessThan(4 * Math.sqrt((CDF[0] * (1 - CDF[0])) / n))
  })
})

describe('apValues', () => {
  it('gives averagePrecision’s doubles bit for bit (ties, one model without a positive above the rest)', () => {
    const rand = generator(17)
    for (const n of [1, 7, 500, 20_000]) {
      const positive = Uint8Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0))
      // Scores on a coarse grid: many ties, as real classifiers' rounded scores have.
      const a = Float64Array.from({ length: n }, (_, i) => Math.round((positive[i] ? 0.2 + 0.8 * rand() : 0.8 * rand()) * 50) / 50)
      const b = Float64Array.from({ length: n }, () => Math.round(rand() * 1000) / 1000)
      const oa = ascendingOrder(a)
      const ob = ascendingOrder(b)
      const [apA, apB] = apValues(apPlan(positive, a, b, oa, ob))
      expect(apA).toBe(averagePrecision(positive, a, oa))
      expect(apB).toBe(averagePrecision(positive, b, ob))
    }
  })
})

describe('weightedAp', () => {
  it('gives the same double with the term at every position as with the branch where a group closes', () => {
    const rand = generator(23)
    let everywhereChosen = 0
    let branchChosen = 0
    for (const [n, grid] of [
      [5000, 20], // nearly every score tied
      [20_000, 2000], // some ties
      [50_000, 1e9], // almost none
      [30_000, 1e6] // the benchmark's six decimals
    ]) {
      const positive = Uint8Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0))
      const score = (shift: number) => Float64Array.from({ length: n }, (_, i) => Math.round(Math.min(1, (positive[i] ? shift : 0) + rand() * (1 - shift)) * grid) / grid)
      const a = score(0.2)
      const b = score(0.3)
      const plan = apPlan(positive, a, b, ascendingOrder(a), ascendingOrder(b))
      if (plan.a.ties * 4 > n) everywhereChosen++
      else branchChosen++
      const w = new Uint8Array(n)
      const rng = streamFor(n, 'test:weighted-ap')
      for (let r = 0; r < 5; r++) {
        const total = poissonWeights(rng, w, plan.a.pos)
        for (const [side, map] of [[plan.a, null], [plan.b, plan.mapB]] as const) {
          const branch = weightedAp(side, w, map, total, false)
          expect(branch).not.toBeNull()
          expect(weightedAp(side, w, map, total, true)).toBe(branch)
        }
      }
      // With every weight 1, both are averagePrecision's value.
      const ones = new Uint8Array(n).fill(1)
      const positives = positive.reduce((s, p) => s + p, 0)
      expect(weightedAp(plan.a, ones, null, positives, true)).toBe(averagePrecision(positive, a, ascendingOrder(a)))
    }
    // Both loops are chosen by the data somewhere above.
    expect(everywhereChosen).toBeGreaterThan(0)
    expect(branchChosen).toBeGreaterThan(0)
  })

  it('is null without positive weight, whichever loop', () => {
    const r = ranked(Uint8Array.of(0, 1), Float64Array.of(0.1, 0.2), Uint32Array.of(0, 1))
    expect(weightedAp(r, Uint8Array.of(1, 0), null, 0, true)).toBeNull()
    expect(weightedAp(r, Uint8Array.of(1, 0), null, 0, false)).toBeNull()
  })
})
