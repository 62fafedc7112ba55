/**
 * Mid-p McNemar (Fagerland, Lydersen & Laake 2013) and the candidate intervals of AUC (DeLong on the logit
 * scale) and log loss (log-scale t), against their worked example and scipy values (commands quoted).
 */
import { describe, expect, it } from 'vitest'
import { delongPaired, logitInterval } from '../../src/stats/delong.js'
import { logScaleTInterval } from '../../src/stats/logScaleInterval.js'
import { mcnemarDrop, mcnemarDropMidP, mcnemarExact, mcnemarMethod, mcnemarMidP } from '../../src/stats/mcnemar.js'

describe('mid-p McNemar', () => {
  it('Fagerland et al. 2013 worked example (Bentur et al. 2009, AHR before/after transplantation: b = 1, c = 7)', () => {
    // The paper: exact p = 0.070, mid-p = 0.039. scipy 1.10:
    // python3 -c "from scipy.stats import binom; print(2*binom.cdf(1,8,.5)-binom.pmf(1,8,.5))" → 0.039062500000000014
    expect(mcnemarExact(1, 7)).toBe(0.0703125)
    expect(mcnemarMidP(1, 7)).toBeCloseTo(0.0390625, 15)
    // One-sided, for a drop (b = 7 only the baseline right, c = 1): P(X < 1) + P(X = 1)/2, X ~ Bin(8, 1/2):
    // python3 -c "from scipy.stats import binom; print(binom.cdf(0,8,.5)+0.5*binom.pmf(1,8,.5))" → 0.019531249999999993
    expect(mcnemarDropMidP(7, 1)).toBeCloseTo(0.01953125, 15)
    // Half of the two-sided mid-p when the drop is on the smaller side, and below the exact one-sided p (9/256).
    expect(mcnemarDropMidP(7, 1)).toBeCloseTo(mcnemarMidP(7, 1) / 2, 15)
    expect(mcnemarDropMidP(7, 1)).toBeLessThan(mcnemarDrop(7, 1))
  })
  it('table [[100, 12], [25, 300]] (METHODS.md) against scipy', () => {
    // python3 -c "from scipy.stats import binom; print(2*binom.cdf(12,37,.5)-binom.pmf(12,37,.5))" → 0.03355243967962451
    expect(Math.abs(mcnemarMidP(12, 25) / 0.03355243967962451 - 1)).toBeLessThan(1e-12)
    // python3 -c "from scipy.stats import binom; print(binom.cdf(11,37,.5)+0.5*binom.pmf(12,37,.5))" → 0.016776219839812256
    expect(Math.abs(mcnemarDropMidP(25, 12) / 0.016776219839812256 - 1)).toBeLessThan(1e-12)
    // The other side (the candidate better): P(X < 25) + P(X = 25)/2 = 1 − (P(X > 25) + P(X = 25)/2), and by the
    // symmetry of Bin(37, 1/2) the bracket is P(X < 12) + P(X = 12)/2.
    expect(mcnemarDropMidP(12, 25)).toBeCloseTo(1 - mcnemarDropMidP(25, 12), 14)
  })
  it('b = c gives 1 (2·P(X ≤ k) − P(X = k) = 1 exactly), b = c = 0 gives 1', () => {
    expect(mcnemarMidP(5, 5)).toBe(1)
    expect(mcnemarMidP(0, 0)).toBe(1)
    expect(mcnemarDropMidP(0, 0)).toBe(1)
    expect(mcnemarDropMidP(4, 4)).toBeCloseTo(0.5, 14)
  })
  it('mcnemarMethod names the test', () => {
    expect(mcnemarMethod('mid-p').test).toBe('mcnemar-mid-p')
    expect(mcnemarMethod('exact').test).toBe('mcnemar-exact')
    expect(mcnemarMethod('mid-p').drop(7, 1)).toBe(mcnemarDropMidP(7, 1))
  })
})

describe('candidate intervals', () => {
  it('logit interval: expit(logit θ ∓ z·se/(θ(1 − θ)))', () => {
    // python3 -c "from scipy.special import expit, logit; from scipy.stats import norm; z=norm.ppf(.975);
    //   print(expit(logit(.9)-z*.02/.09), expit(logit(.9)+z*.02/.09))" → 0.8534195713720477 0.932941187459963
    const [lo, hi] = logitInterval(0.9, 0.02, 0.05)
    expect(lo).toBeCloseTo(0.8534195713720477, 13)
    expect(hi).toBeCloseTo(0.932941187459963, 13)
    // Longer below than above near 1, and never past 1.
    expect(0.9 - lo).toBeGreaterThan(hi - 0.9)
    expect(logitInterval(0.99, 0.05, 0.05)[1]).toBeLessThan(1)
    expect(logitInterval(1, 0.05, 0.05)).toEqual([1, 1])
  })
  it('the DeLong candidate interval of AUC is the logit one with DeLong\'s variance', () => {
    const positive = Uint8Array.of(1, 1, 1, 1, 0, 0, 0, 0, 0, 1)
    const scores = Float64Array.of(0.9, 0.8, 0.4, 0.7, 0.3, 0.5, 0.2, 0.1, 0.6, 0.35)
    const r = delongPaired(positive, scores, scores, 0.05)
    expect(r).not.toBeNull()
    const { aucB, varianceB, ciB } = r as NonNullable<typeof r>
    // AUC = 21/25 by hand: 0.9, 0.8 and 0.7 beat all 5 negatives, 0.4 and 0.35 beat 0.3, 0.2 and 0.1.
    expect(aucB).toBeCloseTo(0.84, 14)
    expect(ciB).toEqual(logitInterval(aucB, Math.sqrt(varianceB), 0.05))
  })
  it('log-scale t interval of a mean: x̄·exp(∓ t·se/x̄) (numpy/scipy)', () => {
    // python3 -c "import numpy as np; from scipy.stats import t; x=np.array([.1,.2,.3,1.4]); m=x.mean();
    //   se=x.std(ddof=1)/2; q=t.ppf(.975,3); print(m*np.exp(-q*se/m), m*np.exp(q*se/m))" → 0.07278727615266986 3.434666238583101
    const [lo, hi] = logScaleTInterval(Float64Array.of(0.1, 0.2, 0.3, 1.4), 0.05) as [number, number]
    expect(lo).toBeCloseTo(0.07278727615266986, 12)
    expect(hi).toBeCloseTo(3.434666238583101, 12)
    expect(logScaleTInterval(Float64Array.of(0.5), 0.05)).toBeNull()
    expect(logScaleTInterval(Float64Array.of(0.5, 0.5), 0.05)).toEqual([0.5, 0.5])
  })
})
