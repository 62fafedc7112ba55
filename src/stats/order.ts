/** Orders of a column of numbers: the ascending order by a radix sort, and a subset's order from the whole's. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/**
 * Example indices sorted by ascending score, ties by index (so the order is deterministic).
 * Method: LSD radix sort on the IEEE-754 bits (16-bit digits, 4 stable passes; the bits of a double order like
 * the number once negative values have all bits flipped and others the sign bit). Cost: O(n), about 4 passes.
 * @example ascendingOrder([0.3, 0.1, 0.3, 0]) // Uint32Array [3, 1, 0, 2]
 */
export function ascendingOrder(score: ArrayLike<number>): Uint32Array {
  const n = score.length
  let order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  if (!LITTLE_ENDIAN || n < 64) return order.sort((a, b) => score[a] - score[b] || a - b)
  const bits = new Float64Array(n)
  for (let i = 0; i < n; i++) bits[i] = score[i] === 0 ? 0 : score[i]
  const words = new Uint32Array(bits.buffer)
  const lo = new Uint32Array(n)
  const hi = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1]
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0
      lo[i] = ~words[2 * i] >>> 0
    } else {
      hi[i] = (h | 0x80000000) >>> 0
      lo[i] = words[2 * i]
    }
  }
  let next = new Uint32Array(n)
  const count = new Uint32Array(65536)
  for (const [key, shift] of [[lo, 0], [lo, 16], [hi, 0], [hi, 16]] as const) {
    count.fill(0)
    for (let i = 0; i < n; i++) count[(key[i] >>> shift) & 0xffff]++
    if (count[(key[0] >>> shift) & 0xffff] === n) continue // every key has this digit: the pass changes nothing
    let sum = 0
    for (let d = 0; d < 65536; d++) {
      const c = count[d]
      count[d] = sum
      sum += c
    }
    for (let k = 0; k < n; k++) {
      const i = order[k]
      next[count[(key[i] >>> shift) & 0xffff]++] = i
    }
    const t = order
    order = next
    next = t
  }
  return order
}

/**
 * The ascending order of a subset's scores from the order of the whole file's: `order` is ascendingOrder of a
 * file's n scores, `rows` the rows kept (pair p is row rows[p]). When `rows` is strictly increasing, keeping the
 * order's kept rows, renumbered, is exactly ascendingOrder of the gathered scores (ties stay in increasing
 * position); otherwise null (sort the gathered scores). Cost O(n).
 * @example orderOfRows(Uint32Array.of(3, 1, 0, 2), Uint32Array.of(0, 2, 3), 4) // Uint32Array [2, 0, 1]
 */
export function orderOfRows(order: Uint32Array, rows: Uint32Array, n: number): Uint32Array | null {
  for (let p = 1; p < rows.length; p++) if (rows[p] <= rows[p - 1]) return null
  if (rows.length === n) return order // strictly increasing n rows of n: every row, in its place
  const position = new Int32Array(n).fill(-1)
  for (let p = 0; p < rows.length; p++) position[rows[p]] = p
  const out = new Uint32Array(rows.length)
  let m = 0
  for (let k = 0; k < n; k++) {
    const p = position[order[k]]
    if (p >= 0) out[m++] = p
  }
  return out
}
