/**
 * Uniform example draws for the bootstrap, fast: xoshiro128** 1.1 (Blackman & Vigna 2018; the generator of
 * src/stats/random.ts) run on four local integers instead of an object's fields, and an exact bounded integer
 * from each 16 random bits when the bound allows, so one 32-bit number gives two draws.
 *
 * Method for a uniform integer in [0, n): Lemire (2019), "Fast random integer generation in an interval":
 * with u uniform on [0, 2ᵇ), m = u·n, ⌊m / 2ᵇ⌋ is uniform on [0, n) once the draws whose low part m mod 2ᵇ is
 * below (2ᵇ − n) mod n are rejected (exact, no bias). b = 16 for n ≤ 2¹⁶ (the low and the high half of each
 * 32-bit number in turn; a rejected half is skipped, at most n/2¹⁶ of them); b = 32 for n ≤ 2²¹ (the product
 * stays below 2⁵³); above that ⌊u·n⌋ from a 53-bit double (bias below n/2⁵³).
 * Cost: about half a generator step per draw for n ≤ 2¹⁶ (2 ns here), one step up to 2²¹, two above.
 *
 * @example
 * const state = streamState(streamFor(0, 'x'))
 * const counts = new Int32Array(3)
 * drawCounts(state, 3, 3, counts) // counts sum to 3; state advanced
 */
import type { Xoshiro128 } from '../../stats/random.js'

const TWO32 = 4294967296
const INV32 = 1 / TWO32

/**
 * A xoshiro128** state (four 32-bit words, not all zero) taken from the next four numbers of a stream.
 * @example streamState(streamFor(0, 'bootstrap:generation/0')) // Int32Array of 4
 */
export function streamState(rng: Xoshiro128): Int32Array {
  const state = Int32Array.of(rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32())
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1
  return state
}

/**
 * Adds `draws` uniform draws from [0, n) to `counts` (counts[i] += how often i was drawn) and advances `state`.
 * Consumes the stream exactly as {@link drawIndices} does.
 */
export function drawCounts(state: Int32Array, n: number, draws: number, counts: Int32Array): void {
  let s0 = state[0]
  let s1 = state[1]
  let s2 = state[2]
  let s3 = state[3]
  if (n <= 65536) {
    const threshold = 65536 % n
    let t = 0
    while (t < draws) {
      const x = Math.imul(rotl(Math.imul(s1, 5), 7), 9)
      const u = s1 << 9
      s2 ^= s0
      s3 ^= s1
      s1 ^= s2
      s0 ^= s3
      s2 ^= u
      s3 = rotl(s3, 11)
      // Low half, then high half; the products are below 2³², so imul's low 32 bits are the product.
      let m = Math.imul(x & 0xffff, n)
      if ((m & 0xffff) >= threshold) {
        counts[m >>> 16]++
        t++
      }
      if (t < draws) {
        m = Math.imul(x >>> 16, n)
        if ((m & 0xffff) >= threshold) {
          counts[m >>> 16]++
          t++
        }
      }
    }
  } else {
    for (let t = 0; t < draws; t++) {
      let index = 0
      for (;;) {
        const x = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0
        const u = s1 << 9
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= u
        s3 = rotl(s3, 11)
        if (n <= 2097152) {
          const m = x * n
          const high = (m * INV32) | 0
          if (m - high * TWO32 >= (TWO32 - n) % n) {
            index = high
            break
          }
        } else {
          // A second number for the low 26 bits of a 53-bit double.
          const y = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0
          const v = s1 << 9
          s2 ^= s0
          s3 ^= s1
          s1 ^= s2
          s0 ^= s3
          s2 ^= v
          s3 = rotl(s3, 11)
          index = Math.floor((((x >>> 5) * 67108864 + (y >>> 6)) / 9007199254740992) * n)
          break
        }
      }
      counts[index]++
    }
  }
  state[0] = s0
  state[1] = s1
  state[2] = s2
  state[3] = s3
}

/**
 * The same draws as {@link drawCounts}, as a list, written plainly (for tests: one call is one drawCounts call;
 * a high half left over at the end of a call is dropped, as there).
 * @example drawIndices(Int32Array.of(1, 2, 3, 4), 10, 3) // three indices in [0, 10)
 */
export function drawIndices(state: Int32Array, n: number, draws: number): number[] {
  const out: number[] = []
  const next = (): number => {
    const s1 = state[1]
    const x = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0
    const u = s1 << 9
    state[2] ^= state[0]
    state[3] ^= state[1]
    state[1] ^= state[2]
    state[0] ^= state[3]
    state[2] ^= u
    state[3] = rotl(state[3], 11)
    return x
  }
  if (n <= 65536) {
    const halves: number[] = []
    while (out.length < draws) {
      if (halves.length === 0) {
        const x = next()
        halves.push(x & 0xffff, x >>> 16)
      }
      const h = halves.shift() as number
      const m = h * n
      if (m % 65536 >= 65536 % n) out.push(Math.floor(m / 65536))
    }
    return out
  }
  while (out.length < draws) {
    const x = next()
    if (n <= 2097152) {
      const m = x * n
      if (m % TWO32 >= (TWO32 - n) % n) out.push(Math.floor(m / TWO32))
    } else {
      const y = next()
      out.push(Math.floor((((x >>> 5) * 67108864 + (y >>> 6)) / 9007199254740992) * n))
    }
  }
  return out
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}
