/**
 * The resampling engines against naive implementations that use the same random numbers: the packed, planned
 * bootstrap must give exactly Σ count·row with the counts of n uniform draws, and the table-driven
 * randomization exactly the swapped sums of the masks it drew. Plus the per-example comparisons.
 */
import { describe, expect, it } from 'vitest'
import { bootstrapChunk, bootstrapSums, chunkState, CHUNK, prepareBootstrap } from '../../src/significance/generation/bootstrap.js'
import { expandSums, planColumns } from '../../src/significance/generation/columns.js'
import { compareExactMatch, compareTokenF1 } from '../../src/significance/generation/perExample.js'
import { prepareRandomization, randomizationSums } from '../../src/significance/generation/randomization.js'
import { mcnemarExact } from '../../src/stats/mcnemar.js'
import { drawCounts, drawIndices } from '../../src/significance/generation/draws.js'
import { streamFor, Xoshiro128 } from '../../src/stats/random.js'

/** n rows of k integer columns with the shapes the BLEU/chrF rows have: derived, duplicate, constant, large. */
function rows(n: number, seed: string): { data: Float64Array; k: number } {
  const rng = streamFor(7, seed)
  const k = 7
  const data = new Float64Array(n * k)
  for (let i = 0; i < n; i++) {
    const len = Math.floor(rng.nextDouble() * 60)
    data[i * k] = len
    data[i * k + 1] = Math.max(0, len - 3) // = len − 3 except on short rows: derived with residuals
    data[i * k + 2] = len // duplicate
    data[i * k + 3] = 0 // constant
    data[i * k + 4] = Math.floor(rng.nextDouble() * 2_000_000) // needs many bits
    data[i * k + 5] = Math.floor(rng.nextDouble() * 3)
    data[i * k + 6] = i === 3 ? 5 : 0 // zero but one row
  }
  return { data, k }
}

describe('column plan', () => {
  it('rebuilds every column sum exactly from the kept ones', () => {
    const { data, k } = rows(500, 'plan')
    const plan = planColumns(data, 500, k, true, 100)
    expect([...plan.kept]).toEqual([0, 4, 5]) // 1 from 0 (offset −3), 2 = 0, 3 = 0, 6 = 0 + residual
    const weights = Float64Array.from({ length: 500 }, (_, i) => (i * 7) % 5)
    const expected = new Float64Array(k)
    for (let i = 0; i < 500; i++) for (let j = 0; j < k; j++) expected[j] += weights[i] * data[i * k + j]
    const keptSums = Float64Array.from(plan.kept, (j) => expected[j])
    let total = 0
    for (const w of weights) total += w
    const out = new Float64Array(k)
    expandSums(plan, keptSums, total, (row) => weights[row], out)
    expect([...out]).toEqual([...expected])
  })
})

describe('bootstrapChunk', () => {
  const n = 300
  const a = rows(n, 'a')
  const b = rows(n, 'b')
  const float = Float64Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? i / 7 : 1))
  const blocks = [
    { data: a.data, k: a.k, integer: true },
    { data: b.data, k: b.k, integer: true },
    { data: float, k: 2, integer: false }
  ]
  // cap 1 and 2: every example drawn more than once is split over segments; 7: short segments; 64 and the
  // estimate's own (at most n): few or one.
  it.each([1, 2, 7, 64, undefined])('gives exactly Σ count·row for the counts of n uniform draws (cap %s)', (cap) => {
    const prepared = prepareBootstrap(n, blocks, cap)
    if (cap !== undefined) expect(prepared.cap).toBe(cap)
    const R = 12
    const got: Float64Array[][] = []
    bootstrapChunk(prepared, chunkState(3, 'boot', 0), R, (_t, sums) => got.push(sums.map((s) => Float64Array.from(s))))
    const state = chunkState(3, 'boot', 0)
    for (let r = 0; r < R; r++) {
      const counts = new Float64Array(n)
      for (const i of drawIndices(state, n, n)) counts[i]++
      blocks.forEach((block, x) => {
        const expected = new Float64Array(block.k)
        for (let i = 0; i < n; i++) for (let j = 0; j < block.k; j++) expected[j] += counts[i] * block.data[i * block.k + j]
        if (block.integer) expect([...got[r][x]]).toEqual([...expected])
        else for (let j = 0; j < block.k; j++) expect(got[r][x][j]).toBeCloseTo(expected[j], 9)
      })
    }
  })
  it('packs several columns into a word when the cap allows', () => {
    // Columns 0 (≤ 59), 5 (≤ 2) of each block: at cap 64, 12 and 7 bits, four or more to a word.
    const prepared = prepareBootstrap(n, blocks.slice(0, 2), 64)
    expect(prepared.words).toBeLessThan(4) // 6 kept columns: 0, 4 (21 + 6 bits: 27), 5 of each block
  })
  it('runs resamples in chunks of their own streams (bootstrapSums = the chunks in order)', () => {
    const R = CHUNK + 3
    const all: number[] = []
    bootstrapSums(n, blocks, R, 5, 'boot', (_r, sums) => all.push(sums[0][0]))
    const prepared = prepareBootstrap(n, blocks)
    const chunks: number[] = []
    bootstrapChunk(prepared, chunkState(5, 'boot', 0), CHUNK, (_t, sums) => chunks.push(sums[0][0]))
    bootstrapChunk(prepared, chunkState(5, 'boot', 1), 3, (_t, sums) => chunks.push(sums[0][0]))
    expect(all).toEqual(chunks)
    expect(new Set(all).size).toBeGreaterThan(R / 2) // not one resample repeated
  })
})

describe('uniform draws', () => {
  it('run xoshiro128** itself: at n = 2¹⁶ every 16-bit half is one draw, low half first', () => {
    const state = Int32Array.of(1, 2, 3, 4)
    const reference = new Xoshiro128([1, 2, 3, 4])
    const expected: number[] = []
    for (let t = 0; t < 50; t++) {
      const x = reference.nextUint32()
      expected.push(x & 0xffff, x >>> 16)
    }
    expect(drawIndices(state, 65536, 100)).toEqual(expected)
    expect(expected[0]).toBe(11520) // xoshiro128** of state 1, 2, 3, 4: first number 11520 (reference code)
  })
  it.each([1, 5, 10_000, 65_536, 100_000, 3_000_000])('counts what drawIndices draws (n = %i)', (size) => {
    const draws = Math.min(size, 20_000)
    const s1 = chunkState(9, `draws${size}`, 0)
    const s2 = Int32Array.from(s1)
    const counts = new Int32Array(size)
    const expected = new Int32Array(size)
    for (let call = 0; call < 3; call++) {
      drawCounts(s1, size, draws, counts)
      for (const i of drawIndices(s2, size, draws)) expected[i]++
    }
    const nonzero = (c: Int32Array): [number, number][] => [...c.entries()].filter(([, v]) => v > 0)
    expect(nonzero(counts)).toEqual(nonzero(expected))
    expect([...s1]).toEqual([...s2])
  })
  it.each([5, 10_000, 100_000])('is uniform (chi-square over 20 bins of [0, %i))', (size) => {
    const state = chunkState(0, 'uniform', size)
    const bins = new Float64Array(20)
    const draws = 200_000
    for (const i of drawIndices(state, size, draws)) bins[Math.floor((i * 20) / size)]++
    // Expected counts per bin: the number of integers in it times draws / size.
    let chi = 0
    for (let k = 0; k < 20; k++) {
      const width = Math.ceil(((k + 1) * size) / 20) - Math.ceil((k * size) / 20)
      const e = (width * draws) / size
      if (e > 0) chi += (bins[k] - e) ** 2 / e
      else expect(bins[k]).toBe(0)
    }
    // 19 degrees of freedom at most: the 0.9999 quantile of chi-square(19) is 49.2 (scipy.stats.chi2.ppf).
    expect(chi).toBeLessThan(49.2)
  })
})

describe('randomizationSums', () => {
  it('gives exactly the swapped sums of the masks it drew (the draw order replayed)', () => {
    const n = 40
    const a = rows(n, 'ra')
    const b = rows(n, 'rb')
    for (let j = 0; j < a.k; j++) b.data[5 * a.k + j] = a.data[5 * a.k + j] // example 5: no difference
    const R = 30
    const got: [Float64Array, Float64Array][] = []
    randomizationSums(n, [{ a: a.data, b: b.data, k: a.k }], R, streamFor(4, 'ar'), (_r, sa, sb) => got.push([Float64Array.from(sa[0]), Float64Array.from(sb[0])]))
    // Replay: the differing examples in order, blocks of 8, block by block over the trials, one 32-bit number per
    // 4 trials, 8 bits each (randomization.ts).
    const differing = Array.from({ length: n }, (_, i) => i).filter((i) => i !== 5)
    const rng = streamFor(4, 'ar')
    const swap = Array.from({ length: R }, () => new Uint8Array(n))
    for (let g = 0; g * 8 < differing.length; g++) {
      let word = 0
      for (let r = 0; r < R; r++) {
        if (r % 4 === 0) word = rng.nextUint32()
        const mask = word & 0xff
        word >>>= 8
        for (let t = 0; t < 8 && g * 8 + t < differing.length; t++) swap[r][differing[g * 8 + t]] = (mask >>> t) & 1
      }
    }
    // The signed fields share words (so the rounding read-back is what is checked here).
    const prepared = prepareRandomization(n, [{ a: a.data, b: b.data, k: a.k }])
    expect(prepared.width).toBeLessThan(prepared.kept)
    for (let r = 0; r < R; r++) {
      const ea = new Float64Array(a.k)
      const eb = new Float64Array(a.k)
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < a.k; j++) {
          ea[j] += swap[r][i] ? b.data[i * a.k + j] : a.data[i * a.k + j]
          eb[j] += swap[r][i] ? a.data[i * a.k + j] : b.data[i * a.k + j]
        }
      }
      expect([...got[r][0]]).toEqual([...ea])
      expect([...got[r][1]]).toEqual([...eb])
    }
  })
})

describe('per-example comparisons', () => {
  it('lists exact-match flips with ids and tests them with exact McNemar', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f']
    const cand = Uint8Array.of(1, 0, 1, 0, 1, 1)
    const base = Uint8Array.of(1, 1, 0, 0, 0, 0)
    const r = compareExactMatch(ids, cand, base, 0.05)
    expect(r.lost).toEqual(['b'])
    expect(r.gained).toEqual(['c', 'e', 'f'])
    expect(r.table).toEqual({ both: 1, baselineOnly: 1, candidateOnly: 3, neither: 1 })
    expect(r.pValue).toBe(mcnemarExact(1, 3)) // 2·P(Bin(4, ½) ≤ 1) = 2·5/16
    expect(r.pValue).toBe(0.625)
  })
  it('orders the largest token-F1 drops first, ties in input order', () => {
    const ids = ['a', 'b', 'c', 'd']
    const r = compareTokenF1(ids, Float64Array.of(0.5, 1, 0, 0.5), Float64Array.of(1, 1, 0.5, 1), 0.05, 2)
    expect(r.drops.map((d) => d.id)).toEqual(['a', 'c'])
    expect(r.delta).toBeCloseTo(-0.375, 15)
  })
})
