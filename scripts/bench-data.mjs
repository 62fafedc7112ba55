// Data for the benchmarks (scripts/bench.mjs, scripts/bench-slices.mjs): a seeded generator and a streamed writer.
import { createWriteStream } from 'node:fs'

/** xorshift32 (Marsaglia 2003): deterministic data without Math.random, uniform in [0, 1). */
export function generator(seed) {
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

/** Writes n lines `row(i)` to `file`, in 1 MiB pieces, honouring the stream's back-pressure. */
export async function writeLines(file, n, row) {
  const out = createWriteStream(file)
  let buf = ''
  for (let i = 0; i < n; i++) {
    buf += row(i) + '\n'
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r))
      buf = ''
    }
  }
  out.end(buf)
  await new Promise((r) => out.on('finish', r))
}
