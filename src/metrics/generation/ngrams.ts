/**
 * Dense ids for the n-grams of one example's texts (its hypotheses and references), so that BLEU and chrF count
 * and match n-grams in typed arrays instead of maps of strings.
 *
 * Method: iterated interning. A symbol is a non-negative 31-bit integer (a token's number, or a character's code
 * point); the unigram of symbol s has the key (0, s), and the n-gram that extends the (n − 1)-gram of id p by
 * symbol s has the key (p, s). An open-addressing hash table (linear probing, the two halves of the key in two
 * Int32Arrays) maps each key to the next free id (1, 2, …). Equal n-grams get equal ids and different ones
 * different ids, exactly: every id names one n-gram of one order, so (p, s) names one n-gram — no hash of the
 * text is trusted. The table is emptied between examples (only the slots used are cleared), so ids stay small
 * and scratch count arrays indexed by id stay short. The ids go to one growing Int32Array (`arena`), never to
 * arrays of their own: allocating a typed array costs about 0.5 µs in V8, more than counting its n-grams.
 * Cost: O(1) expected per n-gram occurrence (one probe sequence, integer arithmetic only), O(distinct n-grams)
 * to reset.
 *
 * @example
 * const ids = new NgramIds()
 * ids.all(Int32Array.of(97, 98, 97, 98), 2) // [0, 4, 7]: ids.arena holds 1, 2, 1, 2 (unigrams), 3, 4, 3 (bigrams)
 */

const EMPTY = -1

export class NgramIds {
  private prefixes: Int32Array
  private symbols: Int32Array
  private values: Int32Array
  private used: Int32Array
  private usedCount = 0
  private mask: number
  /** The next id to hand out; ids in use are 1 … next − 1. */
  next = 1
  /** The n-gram ids of this example's texts, as `all` placed them. */
  arena = new Int32Array(4096)
  private arenaUsed = 0

  constructor(capacity = 1024) {
    let size = 16
    while (size < 2 * capacity) size *= 2
    this.prefixes = new Int32Array(size).fill(EMPTY)
    this.symbols = new Int32Array(size)
    this.values = new Int32Array(size)
    this.used = new Int32Array(size)
    this.mask = size - 1
  }

  /** Forgets every id (call between examples). */
  reset(): void {
    const { prefixes, used } = this
    for (let i = 0; i < this.usedCount; i++) prefixes[used[i]] = EMPTY
    this.usedCount = 0
    this.next = 1
    this.arenaUsed = 0
  }

  /** The id of the n-gram (prefix id, symbol); a new one when unseen. */
  id(prefix: number, symbol: number): number {
    if (this.usedCount * 2 >= this.prefixes.length) this.grow()
    const { prefixes, symbols, mask } = this
    let slot = hash(prefix, symbol) & mask
    for (;;) {
      const p = prefixes[slot]
      if (p === prefix && symbols[slot] === symbol) return this.values[slot]
      if (p === EMPTY) {
        prefixes[slot] = prefix
        symbols[slot] = symbol
        const id = this.next++
        this.values[slot] = id
        this.used[this.usedCount++] = slot
        return id
      }
      slot = (slot + 1) & mask
    }
  }

  /**
   * Appends the ids of every n-gram of `symbols` (n = 1 … maxOrder) to `arena` and returns where they are: the
   * ids of order n are arena[at[n − 1] … at[n]), the max(0, L − n + 1) n-grams starting at 0, 1, … in order.
   * Read `arena` after the last call of an example (it may be reallocated as it grows).
   */
  all(symbols: ArrayLike<number>, maxOrder: number): number[] {
    const L = symbols.length
    let need = this.arenaUsed
    for (let n = 1; n <= maxOrder; n++) need += Math.max(0, L - n + 1)
    if (need > this.arena.length) {
      const bigger = new Int32Array(Math.max(need, 2 * this.arena.length))
      bigger.set(this.arena.subarray(0, this.arenaUsed))
      this.arena = bigger
    }
    // Room for every n-gram of this text being new, so the table cannot fill up inside the loop below.
    while ((this.usedCount + need - this.arenaUsed) * 2 >= this.prefixes.length) this.grow()
    const arena = this.arena
    const { prefixes, symbols: keys, values, used, mask } = this
    let usedCount = this.usedCount
    let next = this.next
    const at = [this.arenaUsed]
    let previous = -1
    for (let n = 1; n <= maxOrder; n++) {
      const from = at[n - 1]
      const count = Math.max(0, L - n + 1)
      for (let i = 0; i < count; i++) {
        const s = symbols[i + n - 1]
        if (!(s >= 0 && s <= 0x7fffffff)) throw new RangeError('an n-gram symbol is not a 31-bit integer')
        // id(prefix, s), inlined on local copies of the table.
        const prefix = previous < 0 ? 0 : arena[previous + i]
        let slot = hash(prefix, s) & mask
        let id = 0
        for (;;) {
          const p = prefixes[slot]
          if (p === prefix && keys[slot] === s) {
            id = values[slot]
            break
          }
          if (p === EMPTY) {
            prefixes[slot] = prefix
            keys[slot] = s
            id = next++
            values[slot] = id
            used[usedCount++] = slot
            break
          }
          slot = (slot + 1) & mask
        }
        arena[from + i] = id
      }
      at.push(from + count)
      previous = from
    }
    this.usedCount = usedCount
    this.next = next
    this.arenaUsed = at[maxOrder]
    return at
  }

  private grow(): void {
    const { prefixes: oldP, symbols: oldS, values: oldV, used: oldU } = this
    const count = this.usedCount
    const size = oldP.length * 2
    this.prefixes = new Int32Array(size).fill(EMPTY)
    this.symbols = new Int32Array(size)
    this.values = new Int32Array(size)
    this.used = new Int32Array(size)
    this.mask = size - 1
    this.usedCount = 0
    for (let i = 0; i < count; i++) {
      const from = oldU[i]
      let slot = hash(oldP[from], oldS[from]) & this.mask
      while (this.prefixes[slot] !== EMPTY) slot = (slot + 1) & this.mask
      this.prefixes[slot] = oldP[from]
      this.symbols[slot] = oldS[from]
      this.values[slot] = oldV[from]
      this.used[this.usedCount++] = slot
    }
  }
}

/** A 32-bit multiply–xorshift mix of the two halves of a key. */
function hash(prefix: number, symbol: number): number {
  let h = Math.imul(prefix ^ Math.imul(symbol, 0x85ebca77), 0x9e3779b1)
  h ^= h >>> 15
  h = Math.imul(h, 0x27d4eb2d)
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
