/**
 * Poisson(1) bootstrap weights (src/stats/poissonWeights.ts): each weight is the inversion of one nextUint32 draw
 * against the Poisson(1) CDF, as scipy gives it, and the counts have the Poisson(1) moments. And the AP values the
 * bootstrap's plan gives (src/stats/scoreResampling.ts apValues) are averagePrecision's, bit for bit.
 */
import { describe, expect, it } from 'vitest'
import { poissonWeights } from '../../src/stats/poissonWeights.js'
import { streamFor } from '../../src/stats/random.js'
import { apPlan, apValues } from '../../src/stats/scoreResampling.js'
import { ascendingOrder, averagePrecision } from '../../src/metrics/scores.js'
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
