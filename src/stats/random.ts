/**
 * Seeded random numbers: xoshiro128** 1.1 (Blackman & Vigna 2018), seeded through SplitMix64 (Steele, Lea &
 * Flood 2014). Never Math.random: the same seed gives the same report, byte for byte.
 *
 * Cost: O(1) per number, no allocation.
 */

const MASK64 = (1n << 64n) - 1n

/** SplitMix64: the next state and output from a 64-bit state. */
export function splitMix64(state: bigint): { state: bigint; value: bigint } {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64
  let z = next
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64
  return { state: next, value: z ^ (z >> 31n) }
}

/**
 * xoshiro128**: 128 bits of state, 32-bit outputs.
 * @example new Xoshiro128([1, 2, 3, 4]).nextUint32() // 11520
 */
export class Xoshiro128 {
  private s0: number
  private s1: number
  private s2: number
  private s3: number

  constructor(state: readonly [number, number, number, number]) {
    ;[this.s0, this.s1, this.s2, this.s3] = state.map((x) => x >>> 0)
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) throw new Error('xoshiro128**: the state must not be all zero')
  }

  /** Seeds the state from two SplitMix64 outputs of a 64-bit seed. */
  static fromSeed(seed: bigint): Xoshiro128 {
    const a = splitMix64(seed & MASK64)
    const b = splitMix64(a.state)
    const words = [a.value & 0xffffffffn, a.value >> 32n, b.value & 0xffffffffn, b.value >> 32n].map(Number) as [number, number, number, number]
    if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1
    return new Xoshiro128(words)
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0
    const t = s1 << 9
    this.s2 ^= this.s0
    this.s3 ^= this.s1
    this.s1 ^= this.s2
    this.s0 ^= this.s3
    this.s2 ^= t
    this.s3 = rotl(this.s3, 11)
    return result
  }

  /** Copies the state words into `out` (for a sampler that steps the generator in local variables). */
  getState(out: Int32Array): void {
    out[0] = this.s0
    out[1] = this.s1
    out[2] = this.s2
    out[3] = this.s3
  }

  /** Puts back state words from {@link getState}, stepped as {@link nextUint32} steps them. */
  setState(state: Int32Array): void {
    this.s0 = state[0]
    this.s1 = state[1]
    this.s2 = state[2]
    this.s3 = state[3]
  }

  /** A double uniform on [0, 1) with 53 random bits: ((x >>> 5)·2²⁶ + (y >>> 6)) / 2⁵³. */
  nextDouble(): number {
    const x = this.nextUint32() >>> 5
    const y = this.nextUint32() >>> 6
    return (x * 67108864 + y) / 9007199254740992
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}

/** 64-bit FNV-1a of the UTF-8 bytes of a text. */
export function fnv1a64(text: string): bigint {
  let h = 0xcbf29ce484222325n
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte)
    h = (h * 0x100000001b3n) & MASK64
  }
  return h
}

/**
 * An independent stream for (seed, name): the SplitMix64 seed is the seed mixed with the FNV-1a hash of the name,
 * so each metric family has its own numbers and adding one changes no other.
 * @example streamFor(0, 'bootstrap:table').nextUint32() // the same number on every run
 */
export function streamFor(seed: number, name: string): Xoshiro128 {
  const mixed = splitMix64(BigInt(seed) & MASK64).value ^ fnv1a64(name)
  return Xoshiro128.fromSeed(mixed)
}

/** What the samplers need of a generator. */
export interface RandomSource {
  nextDouble(): number
}
