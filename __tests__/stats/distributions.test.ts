/**
 * Student t, the incomplete beta and the paired t-test, against closed forms: t(1) is Cauchy,
 * F(t) = 1/2 + atan(t)/π; t(2): F(t) = 1/2 + t/(2√(2 + t²)); t(3): F(t) = 1/2 + (u/(1 + u²) + atan u)/π with
 * u = t/√3 (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions 2, ch. 28).
 */
import { describe, expect, it } from 'vitest'
import { incompleteBeta } from '../../src/stats/beta.js'
import { pairedT } from '../../src/stats/pairedT.js'
import { hillTail, studentTCdf, studentTQuantile, studentTSf, studentTTailBeta } from '../../src/stats/studentt.js'

const t1 = (t: number) => 0.5 + Math.atan(t) / Math.PI
const t2 = (t: number) => 0.5 + t / (2 * Math.sqrt(2 + t * t))
const t3 = (t: number) => {
  const u = t / Math.sqrt(3)
  return 0.5 + (u / (1 + u * u) + Math.atan(u)) / Math.PI
}

describe('incomplete beta', () => {
  it('I_0.5(2, 3) = 11/16 and I_x(1, 1) = x', () => {
    expect(incompleteBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 14)
    for (const x of [0.01, 0.3, 0.77]) expect(incompleteBeta(x, 1, 1)).toBeCloseTo(x, 14)
  })
})

describe('Student t', () => {
  it('matches the closed forms for 1, 2 and 3 degrees of freedom to 1e-12', () => {
    for (const t of [-30, -4.5, -1, -0.2, 0, 0.3, 1.7, 6, 45]) {
      expect(Math.abs(studentTCdf(t, 1) - t1(t)), `df 1, t ${t}`).toBeLessThan(1e-12)
      expect(Math.abs(studentTCdf(t, 2) - t2(t)), `df 2, t ${t}`).toBeLessThan(1e-12)
      expect(Math.abs(studentTCdf(t, 3) - t3(t)), `df 3, t ${t}`).toBeLessThan(1e-12)
    }
  })
  it('keeps relative accuracy in the far tail (df 3, t = 1000: P(T > t) ≈ 1.84e-9)', () => {
    const exact = 1 - t3(1000)
    // 1 − t3(1000) loses digits; the tail of t(3) by its series: (2√3/π)·(√3/t)³/3 … checked to 1e-6 relative.
    expect(Math.abs(studentTSf(1000, 3) / exact - 1)).toBeLessThan(1e-6)
  })
  it('inverts its CDF, and meets table values', () => {
    for (const df of [1, 2, 3, 5, 30, 1000, 1e6]) {
      for (const p of [0.001, 0.025, 0.5, 0.8, 0.975, 0.9999]) {
        const q = studentTQuantile(p, df)
        expect(Math.abs(studentTCdf(q, df) - p), `df ${df}, p ${p}`).toBeLessThan(1e-12)
      }
    }
    // Even df have a finite-sum CDF: F(t) = 1/2 + t/(2√(ν + t²))·Σ_{j<ν/2} aⱼxʲ, x = ν/(ν + t²), a₀ = 1,
    // aⱼ = aⱼ₋₁(2j − 1)/(2j). It puts t(0.975, 10) at 2.2281388519862757 (F − 0.975 = 1e-16; tables: 2.228).
    const even = (t: number, nu: number) => {
      const x = nu / (nu + t * t)
      let a = 1
      let sum = 0
      for (let j = 0; j < nu / 2; j++) {
        if (j > 0) a *= (2 * j - 1) / (2 * j)
        sum += a * x ** j
      }
      return 0.5 + (t / (2 * Math.sqrt(nu + t * t))) * sum
    }
    expect(Math.abs(even(studentTQuantile(0.975, 10), 10) - 0.975)).toBeLessThan(1e-14)
    for (const t of [-3, 0.5, 2.2, 7]) expect(Math.abs(studentTCdf(t, 10) - even(t, 10))).toBeLessThan(1e-13)
    // Fisher & Yates table: t(0.95, 5) = 2.015.
    expect(studentTQuantile(0.95, 5)).toBeCloseTo(2.015, 3)
  })
})

describe('Student t at a million degrees of freedom', () => {
  it('two independent methods agree where both are good: the incomplete beta and Hill (1970), ν = 100 … 10,000', () => {
    for (const nu of [100, 300, 1000, 10000]) for (const t of [0.5, 1.96, 4, 8]) expect(Math.abs(hillTail(t, nu) - studentTTailBeta(t, nu)), `ν ${nu}, t ${t}`).toBeLessThan(2e-15)
  })
  it('is within the known distance of the normal: F_t(t) − Φ(t) ≈ −t(t² + 1)φ(t)/(4ν) (Abramowitz & Stegun 26.7.8)', async () => {
    const { normalCdf } = await import('../../src/stats/normal.js')
    for (const t of [-3, -1.5, 0.7, 2.5]) {
      const nu = 1e6
      const phi = Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI)
      const expected = normalCdf(t) - (t * (t * t + 1) * phi) / (4 * nu)
      // The next term is O(1/ν²) ≈ 1e-12·(a few): the first-order expansion is good to 1e-11 here.
      expect(Math.abs(studentTCdf(t, nu) - expected), `t ${t}`).toBeLessThan(1e-11)
    }
  })
})

describe('paired t-test', () => {
  it('[1, 2, 3, 4] gives t = √15 = 3.8730 (scipy ttest_rel; simple-statistics tTest says 4.4721)', () => {
    const r = pairedT(Float64Array.of(1, 2, 3, 4), 0.05)
    expect(r?.t).toBeCloseTo(Math.sqrt(15), 14)
    expect(r?.df).toBe(3)
    expect(Math.abs((r?.pValue as number) - 2 * (1 - t3(Math.sqrt(15))))).toBeLessThan(1e-12)
    expect(Math.abs((r?.pLess as number) - t3(Math.sqrt(15)))).toBeLessThan(1e-12)
    const half = studentTQuantile(0.975, 3) * (Math.sqrt(5 / 3) / 2)
    expect(r?.ci[0]).toBeCloseTo(2.5 - half, 12)
    expect(r?.ci[1]).toBeCloseTo(2.5 + half, 12)
  })
  it('handles too few examples and no spread', () => {
    expect(pairedT(Float64Array.of(1), 0.05)).toBeNull()
    expect(pairedT(Float64Array.of(0, 0, 0), 0.05)).toMatchObject({ pValue: 1, ci: [0, 0] })
    expect(pairedT(Float64Array.of(0.5, 0.5), 0.05)).toMatchObject({ pValue: 0 })
  })
})
