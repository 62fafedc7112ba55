/**
 * Dense ids for the n-grams of one example's texts (its hypotheses and references), so that BLEU and chrF count
 * and match n-grams in typed arrays instead of maps of strings.
 *
 * Method: iterated interning. A symbol (a token, or a character's code point) is a number below `base`; the
 * unigram of symbol s has the key s, and the n-gram that extends the (n − 1)-gram of id p by symbol s has the key
 * p·base + s. An open-addressing hash table (linear probing) maps each key to the next free id (1, 2, …). Equal
 * n-grams get equal ids and different ones different ids, exactly: a key is an integer below 2⁵³ (checked), and
 * since every id names one n-gram of one order, (p, s) names one n-gram. The table is emptied between examples
 * (only the slots used are cleared), so ids stay small and scratch count arrays indexed by id stay short.
 * Cost: O(1) expected per n-gram occurrence (one probe sequence), O(distinct n-grams) to reset.
 *
 * @example
 * const ids = new NgramIds(1 << 21)
 * ids.all(Int32Array.of(97, 98, 97, 98), 2) // [Int32Array [1, 2, 1, 2], Int32Array [3, 4, 3]]
 */

const EMPTY = -1
const LIMIT = 2 ** 53

export class NgramIds {
  private keys: Float64Array
  private values: Int32Array
  private used: Int32Array
  private usedCount = 0
  private mask: number
  /** The next id to hand out; ids in use are 1 … next − 1. */
  next = 1

  /** @param base one more than the largest symbol (2²¹ covers every Unicode code point). */
  constructor(readonly base: number, capacity = 1024) {
    let size = 16
    while (size < 2 * capacity) size *= 2
    this.keys = new Float64Array(size).fill(EMPTY)
    this.values = new Int32Array(size)
    this.used = new Int32Array(size)
    this.mask = size - 1
  }

  /** Forgets every id (call between examples). */
  reset(): void {
    const { keys, used } = this
    for (let i = 0; i < this.usedCount; i++) keys[used[i]] = EMPTY
    this.usedCount = 0
    this.next = 1
  }

  /** The id of key, a new one when unseen. */
  id(key: number): number {
    if (this.usedCount * 2 >= this.keys.length) this.grow()
    const { keys } = this
    let slot = hash(key) & this.mask
    for (;;) {
      const k = keys[slot]
      if (k === key) return this.values[slot]
      if (k === EMPTY) {
        keys[slot] = key
        const id = this.next++
        this.values[slot] = id
        this.used[this.usedCount++] = slot
        return id
      }
      slot = (slot + 1) & this.mask
    }
  }

  /**
   * The ids of every n-gram of `symbols`, for n = 1 … maxOrder: element n − 1 holds the max(0, L − n + 1)
   * ids of the n-grams starting at 0, 1, … in order.
   */
  all(symbols: ArrayLike<number>, maxOrder: number): Int32Array[] {
    const L = symbols.length
    const out: Int32Array[] = []
    const { base } = this
    let previous: Int32Array | null = null
    for (let n = 1; n <= maxOrder; n++) {
      const ids = new Int32Array(Math.max(0, L - n + 1))
      for (let i = 0; i < ids.length; i++) {
        const s = symbols[i + n - 1]
        if (!(s >= 0 && s < base)) throw new RangeError(`n-gram symbol ${s} is outside [0, ${base})`)
        const key = previous === null ? s : previous[i] * base + s
        if (key >= LIMIT) throw new RangeError('too many distinct n-grams in one example for exact ids')
        ids[i] = this.id(key)
      }
      out.push(ids)
      previous = ids
    }
    return out
  }

  private grow(): void {
    const oldKeys = this.keys
    const oldValues = this.values
    const oldUsed = this.used
    const count = this.usedCount
    const size = oldKeys.length * 2
    this.keys = new Float64Array(size).fill(EMPTY)
    this.values = new Int32Array(size)
    this.used = new Int32Array(size)
    this.mask = size - 1
    this.usedCount = 0
    for (let i = 0; i < count; i++) {
      const from = oldUsed[i]
      const key = oldKeys[from]
      let slot = hash(key) & this.mask
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & this.mask
      this.keys[slot] = key
      this.values[slot] = oldValues[from]
      this.used[this.usedCount++] = slot
    }
  }
}

/** A 32-bit mix of an integer key below 2⁵³ (its low and high words through multiply–xorshift). */
function hash(key: number): number {
  const lo = key >>> 0
  const hi = (key / 4294967296) >>> 0
  let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1)
  h ^= h >>> 15
  h = Math.imul(h, 0x85ebca77)
  return h ^ (h >>> 13)
}

/** A reusable Int32Array of at least `size` zeros (counts indexed by n-gram id); entries must be zeroed after use. */
export class Scratch {
  private data = new Int32Array(1024)

  get(size: number): Int32Array {
    if (this.data.length < size) this.data = new Int32Array(Math.max(size, 2 * this.data.length))
    return this.data
  }
}

/**
 * The code points of a text as numbers (a lone surrogate stays one unit, as Python keeps it one character).
 * @example codePoints('añ😀') // [97, 241, 128512]
 */
export function codePoints(text: string): Int32Array {
  const out = new Int32Array(text.length)
  let k = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        out[k++] = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000
        i++
        continue
      }
    }
    out[k++] = c
  }
  return k === out.length ? out : out.slice(0, k)
}
