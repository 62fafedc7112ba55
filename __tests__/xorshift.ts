/** Test data without Math.random: xorshift32 (Marsaglia 2003) uniform in [0, 1), the same sequence for a seed. */
export function generator(seed: number): () => number {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    return x / 2 ** 32
  }
}
