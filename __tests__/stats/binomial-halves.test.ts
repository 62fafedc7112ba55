/**
 * binomialHalves (src/stats/binomial.ts) steps xoshiro128** inline: it must give the draws of binomialHalf called
 * count by count, the same values and the generator left in the same state, for counts below 60 (the inline
 * path, restarts included), 60 and above (binomialHalf with the state put back), zeros and a non-integer.
 */
import { describe, expect, it } from 'vitest'
import { binomialHalf, binomialHalves } from '../../src/stats/binomial.js'
import { streamFor } from '../../src/stats/random.js'

describe('binomialHalves', () => {
  it('gives binomialHalf count by count, and leaves the stream where it does', () => {
    const pick = streamFor(3, 'counts')
    const counts = Float64Array.from({ length: 20_000 }, (_, j) => {
      const u = pick.nextDouble()
      if (j % 997 === 0) return 2.5
      return u < 0.5 ? Math.floor(u * 6) : u < 0.9 ? Math.floor(u * 60) : Math.floor(u * 3000)
    })
    const a = streamFor(7, 'halves')
    const b = streamFor(7, 'halves')
    const out = new Float64Array(counts.length)
    for (let round = 0; round < 3; round++) {
      binomialHalves(a, counts, out)
      const expected = Float64Array.from(counts, (n) => binomialHalf(b, n))
      expect(out).toEqual(expected)
      expect(a.nextUint32()).toBe(b.nextUint32())
    }
    // About something: both paths and many non-zero draws.
    expect(counts.some((n) => n >= 60)).toBe(true)
    expect(out.filter((x) => x > 0).length).toBeGreaterThan(10_000)
  })

  it('a count of 1 is a fair coin: 10,000 draws, 5,000 ± 4 sd ones', () => {
    const out = new Float64Array(10_000)
    binomialHalves(streamFor(1, 'coin'), new Float64Array(10_000).fill(1), out)
    const ones = out.reduce((s, x) => s + x, 0)
    expect(Math.abs(ones - 5000)).toBeLessThan(4 * 50)
  })
})
