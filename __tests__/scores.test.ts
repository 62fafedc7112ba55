/** Score metrics on small hand-checkable cases, and the radix argsort against a comparison sort. */
import { describe, expect, it } from 'vitest'
import { averagePrecision, brierLosses, logLossesBinary, mean, rocAuc } from '../src/metrics/scores.js'
import { ascendingOrder } from '../src/stats/order.js'
import { streamFor } from '../src/stats/random.js'

describe('ascendingOrder', () => {
  it('sorts like a comparison sort, ties by index, on scores with many ties and extremes', () => {
    const rng = streamFor(1, 'radix')
    const n = 5000
    const score = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : i % 11 === 0 ? 1 : Math.round(rng.nextDouble() * 1000) / 1000))
    score[3] = -0
    score[5] = 1e-300
    const expected = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a] - score[b] || a - b)
    expect(ascendingOrder(score)).toEqual(expected)
    const signed = Float64Array.from({ length: 200 }, (_, i) => (i - 100) / 7)
    const expectedSigned = Uint32Array.from({ length: 200 }, (_, i) => i).sort((a, b) => signed[a] - signed[b] || a - b)
    expect(ascendingOrder(signed)).toEqual(expectedSigned)
  })
  it('has the documented example', () => {
    expect([...ascendingOrder([0.3, 0.1, 0.3, 0])]).toEqual([3, 1, 0, 2])
  })
})

describe('score metrics (scikit-learn definitions)', () => {
  const y = Uint8Array.of(0, 0, 1, 1)
  const s = Float64Array.of(0.1, 0.4, 0.35, 0.8)
  it('roc_auc: the scikit-learn documentation example is 0.75', () => {
    // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75 (scikit-learn user guide, roc_auc_score)
    expect(rocAuc(y, s)).toBe(0.75)
    expect(rocAuc(Uint8Array.of(1, 1), Float64Array.of(0.2, 0.3))).toBeNull()
    // Ties count one half: two examples with the same score, one of each class → 0.5.
    expect(rocAuc(Uint8Array.of(0, 1), Float64Array.of(0.5, 0.5))).toBe(0.5)
  })
  it('average_precision: the scikit-learn documentation example is 0.8333…', () => {
    // average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333333333333333 (scikit-learn docstring)
    expect(averagePrecision(y, s)).toBeCloseTo(0.8333333333333333, 15)
    expect(averagePrecision(Uint8Array.of(0, 0), Float64Array.of(0.2, 0.3))).toBeNull()
  })
  it('log_loss clips at float64 epsilon; brier is the mean squared error', () => {
    // log_loss([1, 0], [1.0, 0.0]) = 2.220446049250313e-16 (−ln(1 − ε)); brier_score_loss([0, 1], [0.1, 0.6]) = 0.085
    expect(mean(logLossesBinary(Uint8Array.of(1, 0), Float64Array.of(1, 0)))).toBeCloseTo(2.220446049250313e-16, 25)
    expect(mean(logLossesBinary(Uint8Array.of(1, 0), Float64Array.of(0, 1)))).toBeCloseTo(-Math.log(2.220446049250313e-16), 12)
    expect(mean(brierLosses(Uint8Array.of(0, 1), Float64Array.of(0.1, 0.6)))).toBeCloseTo(0.085, 15)
  })
})
