/**
 * The statistics primitives against the vectors of METHODS.md (checked there against scipy 1.10, statsmodels
 * 0.13 and R) and exact values.
 */
import { describe, expect, it } from 'vitest'
import { binomial } from '../../src/stats/binomial.js'
import { logGamma } from '../../src/stats/gamma.js'
import { binomialHalfCdf, mcnemarDrop, mcnemarExact, mcnemarMidP } from '../../src/stats/mcnemar.js'
import { multinomial } from '../../src/stats/multinomial.js'
import { erfc, normalCdf, normalQuantile, normalSf } from '../../src/stats/normal.js'
import { minimumDetectableEffect } from '../../src/stats/power.js'
import { percentileInterval, quantileSorted7 } from '../../src/stats/quantile.js'
import { streamFor, Xoshiro128, splitMix64 } from '../../src/stats/random.js'
import { wilson } from '../../src/stats/wilson.js'

describe('random', () => {
  it('xoshiro128** 1.1 from state {1, 2, 3, 4} (METHODS.md vector)', () => {
    const rng = new Xoshiro128([1, 2, 3, 4])
    expect(Array.from({ length: 6 }, () => rng.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492])
  })
  it('SplitMix64 from seed 1234567 (the reference outputs of Vigna\'s splitmix64.c)', () => {
    let state = 1234567n
    const out: bigint[] = []
    for (let i = 0; i < 3; i++) {
      const r = splitMix64(state)
      state = r.state
      out.push(r.value)
    }
    expect(out).toEqual([6457827717110365317n, 3203168211198807973n, 9817491932198370423n])
  })
  it('gives the same stream for the same (seed, name) and another for another name or seed', () => {
    const take = (seed: number, name: string) => {
      const r = streamFor(seed, name)
      return Array.from({ length: 4 }, () => r.nextUint32())
    }
    expect(take(0, 'bootstrap:table')).toEqual(take(0, 'bootstrap:table'))
    expect(take(0, 'bootstrap:table')).not.toEqual(take(0, 'bootstrap:class:a'))
    expect(take(0, 'bootstrap:table')).not.toEqual(take(1, 'bootstrap:table'))
  })
  it('makes doubles in [0, 1) with mean 1/2', () => {
    const r = streamFor(7, 'doubles')
    let sum = 0
    for (let i = 0; i < 100000; i++) {
      const x = r.nextDouble()
      expect(x >= 0 && x < 1).toBe(true)
      sum += x
    }
    // sd of the mean = sqrt(1/12/1e5) = 0.000913: 5 sd.
    expect(Math.abs(sum / 100000 - 0.5)).toBeLessThan(0.0046)
  })
})

describe('normal', () => {
  it('matches scipy.stats.norm', () => {
    // python3 -c "from scipy.stats import norm; print(repr(norm.ppf(0.975)), repr(norm.cdf(-3)), repr(norm.sf(8)), repr(norm.ppf(1e-10)))"
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14)
    expect(normalCdf(-3) / 0.0013498980316300933 - 1).toBeLessThan(1e-13)
    expect(Math.abs(normalSf(8) / 6.22096057427178e-16 - 1)).toBeLessThan(1e-12)
    expect(Math.abs(normalQuantile(1e-10) / -6.361340902404056 - 1)).toBeLessThan(1e-13)
    expect(normalQuantile(0.5)).toBe(0)
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 14)
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 14)
  })
  it('erfc on both sides of the series / continued-fraction switch (A&S table values)', () => {
    expect(erfc(1)).toBeCloseTo(0.15729920705028513, 15)
    // erfc(2.5) = 4.0695201744495894e-4 (A&S table 7.1); both sides of the switch agree to first order.
    expect(Math.abs(erfc(2.5) / 4.069520174449589e-4 - 1)).toBeLessThan(1e-13)
    const slope = (-2 / Math.sqrt(Math.PI)) * Math.exp(-6.25)
    expect(Math.abs(erfc(2.5 - 1e-7) - erfc(2.5) + slope * 1e-7)).toBeLessThan(1e-15)
    expect(Math.abs(erfc(3) / 2.209049699858544e-5 - 1)).toBeLessThan(1e-13)
  })
})

describe('McNemar exact (METHODS.md vectors)', () => {
  it('b = 1, c = 7', () => {
    expect(mcnemarExact(1, 7)).toBe(0.0703125)
    expect(mcnemarMidP(1, 7)).toBeCloseTo(0.0390625, 15)
    // scipy binomtest(7, 8, 0.5, alternative="less").pvalue = 1 - 1/256; binomtest(1, 8, 0.5, "less") = 9/256
    expect(mcnemarDrop(1, 7)).toBeCloseTo(255 / 256, 15)
    expect(mcnemarDrop(7, 1)).toBeCloseTo(9 / 256, 15)
  })
  it('table [[100, 12], [25, 300]]', () => {
    expect(Math.abs(mcnemarExact(12, 25) / 0.04703102743951604 - 1)).toBeLessThan(1e-12)
  })
  it('b = c = 0 gives 1, and large counts stay accurate', () => {
    expect(mcnemarExact(0, 0)).toBe(1)
    expect(mcnemarDrop(0, 0)).toBe(1)
    // Exact reference by BigInt sums of C(m, i) / 2^m.
    const exact = (k: number, m: number): number => {
      let c = 1n
      let sum = 0n
      for (let i = 0; i <= k; i++) {
        sum += c
        c = (c * BigInt(m - i)) / BigInt(i + 1)
      }
      const scale = 10n ** 30n
      return Number((sum * scale) / 2n ** BigInt(m)) / 1e30
    }
    for (const [k, m] of [[480, 1000], [1400, 3000], [10, 50], [2990, 6000]]) {
      expect(Math.abs(binomialHalfCdf(k, m) - exact(k, m)), `${k}/${m}`).toBeLessThan(1e-12)
    }
  })
})

describe('logGamma', () => {
  it('is ln((x − 1)!) at integers', () => {
    let f = 0
    for (let x = 1; x <= 170; x++) {
      expect(Math.abs(logGamma(x) - f), `x=${x}`).toBeLessThan(1e-12 * Math.max(1, f))
      f += Math.log(x)
    }
  })
})

describe('Wilson interval (statsmodels proportion_confint method="wilson")', () => {
  it('81/100 at 95%', () => {
    const [lo, hi] = wilson(81, 100, 0.05) as [number, number]
    expect(lo).toBeCloseTo(0.7222115462093562, 14)
    expect(hi).toBeCloseTo(0.8748524849023126, 14)
    expect(wilson(0, 0, 0.05)).toBeNull()
  })
})

describe('quantile type 7 (numpy default)', () => {
  it('interpolates linearly', () => {
    // numpy.quantile([1, 2, 3, 4], [0.5, 0.025]) = [2.5, 1.075]
    expect(quantileSorted7([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(quantileSorted7([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 15)
    expect(percentileInterval(Float64Array.of(4, 1, 3, 2), 0.5)).toEqual([1.75, 3.25])
  })
})

describe('power (Connor 1987)', () => {
  it('n = 1000, psi = 0.05 gives 0.0176 (METHODS.md)', () => {
    expect(minimumDetectableEffect(0.05, 1000, 0.05, 0.8)).toBeCloseTo(0.0176, 4)
  })
})

/** χ² statistic of counts against expected counts, pooling expected < 5 into the neighbours. */
function chiSquare(observed: number[], expected: number[]): { stat: number; df: number } {
  const o: number[] = []
  const e: number[] = []
  let po = 0
  let pe = 0
  for (let i = 0; i < observed.length; i++) {
    po += observed[i]
    pe += expected[i]
    if (pe >= 5) {
      o.push(po)
      e.push(pe)
      po = pe = 0
    }
  }
  if (pe > 0) {
    o[o.length - 1] += po
    e[e.length - 1] += pe
  }
  let stat = 0
  for (let i = 0; i < o.length; i++) stat += (o[i] - e[i]) ** 2 / e[i]
  return { stat, df: o.length - 1 }
}

/** Exact Bin(n, p) pmf by the recurrence in log space. */
function binomialPmf(n: number, p: number): number[] {
  const pmf: number[] = []
  for (let k = 0; k <= n; k++) pmf.push(Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p)))
  return pmf
}

/** Upper 0.999 quantile of χ²(df) by the Wilson–Hilferty approximation (good to ~1% for df ≥ 3). */
const chi999 = (df: number): number => df * (1 - 2 / (9 * df) + 3.090232306167813 * Math.sqrt(2 / (9 * df))) ** 3

describe('binomial sampler: χ² goodness of fit against the exact pmf', () => {
  const cases: [number, number][] = [
    [20, 0.3], // inversion
    [1000, 0.01], // inversion, small p
    [200, 0.5], // BTPE
    [10000, 0.3], // BTPE
    [100000, 0.97], // BTPE on 1 − p
    [1_000_000, 0.5]
  ]
  it.each(cases)('Bin(%i, %f)', (n, p) => {
    const draws = 50000
    const rng = streamFor(42, `chi2:${n}:${p}`)
    const pmf = binomialPmf(n, p)
    const counts = new Array<number>(n + 1).fill(0)
    for (let i = 0; i < draws; i++) counts[binomial(rng, n, p)]++
    const { stat, df } = chiSquare(counts, pmf.map((q) => q * draws))
    expect(stat, `χ² = ${stat.toFixed(1)} on ${df} df`).toBeLessThan(chi999(df))
  })
  it('is caught when wrong: the same test rejects a rounded normal approximation of Bin(1000, 0.02)', () => {
    const n = 1000
    const p = 0.02
    const rng = streamFor(42, 'biased')
    const pmf = binomialPmf(n, p)
    const counts = new Array<number>(n + 1).fill(0)
    for (let i = 0; i < 50000; i++) {
      const z = normalQuantile(rng.nextDouble())
      counts[Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * z)))]++
    }
    const { stat, df } = chiSquare(counts, pmf.map((q) => q * 50000))
    expect(stat).toBeGreaterThan(chi999(df))
  })
  it('handles the edges', () => {
    const rng = streamFor(0, 'edges')
    expect(binomial(rng, 0, 0.5)).toBe(0)
    expect(binomial(rng, 10, 0)).toBe(0)
    expect(binomial(rng, 10, 1)).toBe(10)
  })
})

describe('multinomial sampler (conditional binomial)', () => {
  it('keeps the total and fits the exact pmf of the first cell and of all cells of Mult(6, [1, 2, 3]/6)', () => {
    const rng = streamFor(3, 'multinomial')
    const out = new Float64Array(3)
    const weights = [3, 2, 1]
    const n = 6
    const counts = new Map<string, number>()
    const draws = 60000
    for (let i = 0; i < draws; i++) {
      multinomial(rng, n, weights, out)
      expect(out[0] + out[1] + out[2]).toBe(n)
      const key = `${out[0]},${out[1]}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    // Exact pmf: n! / (a! b! c!) · (1/2)^a (1/3)^b (1/6)^c
    const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1))
    const observed: number[] = []
    const expected: number[] = []
    for (let a = 0; a <= n; a++)
      for (let b = 0; a + b <= n; b++) {
        const c = n - a - b
        expected.push((draws * fact(n)) / (fact(a) * fact(b) * fact(c)) * 0.5 ** a * (1 / 3) ** b * (1 / 6) ** c)
        observed.push(counts.get(`${a},${b}`) ?? 0)
      }
    const { stat, df } = chiSquare(observed, expected)
    expect(stat, `χ² = ${stat.toFixed(1)} on ${df} df`).toBeLessThan(chi999(df))
  })
})

describe('McNemar χ² and Tango (METHODS.md vectors)', () => {
  it('b = 1, c = 7: corrected χ² 3.125 (p 0.07709987174354202), uncorrected 4.5 (p 0.033894853524689295)', async () => {
    const { mcnemarChiSquare } = await import('../../src/stats/mcnemar.js')
    const corrected = mcnemarChiSquare(1, 7, true)
    expect(corrected.statistic).toBe(3.125)
    expect(Math.abs(corrected.pValue / 0.07709987174354202 - 1)).toBeLessThan(1e-12)
    const plain = mcnemarChiSquare(1, 7, false)
    expect(plain.statistic).toBe(4.5)
    expect(Math.abs(plain.pValue / 0.033894853524689295 - 1)).toBeLessThan(1e-12)
    expect(mcnemarChiSquare(0, 0, true)).toEqual({ statistic: 0, pValue: 1 })
  })
  it('Tango interval (b = 1, c = 7, n = 21) → (0.026003, 0.517232); non-inferiority b = 30, c = 22, n = 2000, margin 0.01: Z = 1.6040, p = 0.0544', async () => {
    const { tangoInterval, tangoNonInferiority } = await import('../../src/stats/tango.js')
    const [lo, hi] = tangoInterval(1, 7, 21, 0.05)
    expect(lo).toBeCloseTo(0.026003, 6)
    expect(hi).toBeCloseTo(0.517232, 6)
    const ni = tangoNonInferiority(30, 22, 2000, 0.01)
    expect(ni.z).toBeCloseTo(1.604, 4)
    expect(ni.pValue).toBeCloseTo(0.0544, 4)
  })
})
