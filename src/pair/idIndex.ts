/**
 * An index from id to row for pairing (docs/statistics.md): open addressing with linear probing over one Int32Array, keyed by
 * a 32-bit hash of the id and confirmed by `===` on the id itself. For a million string ids it is several times
 * faster than a `Map<string, number>` (no hash stored in each string, no table entries on the heap; V8 hashes
 * the long sliced strings JSON.parse or the reader makes on first use, then the map rehashes as it grows).
 *
 * Cost: O(n) expected to build and O(1) per look-up; memory 4·2^⌈log₂ 2n⌉ bytes for the slots and 4n for the
 * hashes (16 MB for a million ids).
 */

/** Ids as the reader keeps them: numbers when every id of the file is a JSON integer, else text. */
export type Ids = string[] | Float64Array

const f64 = new Float64Array(1)
const u32 = new Uint32Array(f64.buffer)

/**
 * A 32-bit hash of an id: FNV-1a over the UTF-16 code units of a string, or over the two halves of a number's
 * IEEE-754 bits, finished by the murmur3 mixer so that linear probing sees well-spread slots.
 * @example hashId('ex-1') === hashId('ex-' + 1) // true
 */
export function hashId(id: string | number): number {
  let h = 0x811c9dc5
  if (typeof id === 'number') {
    f64[0] = id === 0 ? 0 : id // -0 and 0 are the same id, as in a Map
    h = Math.imul(h ^ u32[0], 0x01000193)
    h = Math.imul(h ^ u32[1], 0x01000193)
  } else {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

export class IdIndex {
  /** Row + 1 of the id in each slot; 0 is an empty slot. */
  private readonly slots: Int32Array
  private readonly hashes: Uint32Array
  private readonly mask: number

  /**
   * Indexes `ids`; `onRepeat(first, second)` is called for an id met a second time (and must throw: the later row
   * is not indexed).
   * @example new IdIndex(['a', 'b'], () => { throw new Error() }).get('b') // 1
   */
  constructor(
    private readonly ids: Ids,
    onRepeat: (first: number, second: number) => never
  ) {
    const n = ids.length
    let size = 16
    while (size < 2 * n) size *= 2
    this.slots = new Int32Array(size)
    this.hashes = new Uint32Array(n)
    this.mask = size - 1
    const { slots, hashes, mask } = this
    for (let i = 0; i < n; i++) {
      const id = ids[i]
      const h = hashId(id)
      hashes[i] = h
      let s = h & mask
      for (;;) {
        const j = slots[s] - 1
        if (j < 0) break
        if (hashes[j] === h && ids[j] === id) onRepeat(j, i)
        s = (s + 1) & mask
      }
      slots[s] = i + 1
    }
  }

  /** The row of `id`, or −1. */
  get(id: string | number): number {
    const { slots, hashes, mask, ids } = this
    const h = hashId(id)
    let s = h & mask
    for (;;) {
      const j = slots[s] - 1
      if (j < 0) return -1
      if (hashes[j] === h && ids[j] === id) return j
      s = (s + 1) & mask
    }
  }
}
