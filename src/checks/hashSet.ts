/**
 * A set of 53-bit hashes in one Float64Array, open addressing with linear probing, grown by doubling at 3/4 load:
 * 8 bytes per slot, at most about 21 bytes per element, whatever the texts hashed (a training file of 10 million
 * rows costs at most 256 MiB per set, never its text). Cost O(1) expected per add and has.
 *
 * @example const s = new HashSet(); s.add(hash53('a')); s.has(hash53('a')) // true
 */
const EMPTY = -1

export class HashSet {
  private slots: Float64Array
  private mask: number
  size = 0

  constructor(capacity = 1 << 12) {
    let c = 16
    while (c < capacity) c *= 2
    this.slots = new Float64Array(c).fill(EMPTY)
    this.mask = c - 1
  }

  add(h: number): void {
    if ((this.size + 1) * 4 > this.slots.length * 3) this.grow()
    if (this.insert(this.slots, this.mask, h)) this.size++
  }

  has(h: number): boolean {
    const slots = this.slots
    for (let i = slotOf(h, this.mask); ; i = (i + 1) & this.mask) {
      const v = slots[i]
      if (v === h) return true
      if (v === EMPTY) return false
    }
  }

  private insert(slots: Float64Array, mask: number, h: number): boolean {
    for (let i = slotOf(h, mask); ; i = (i + 1) & mask) {
      const v = slots[i]
      if (v === h) return false
      if (v === EMPTY) {
        slots[i] = h
        return true
      }
    }
  }

  private grow(): void {
    const old = this.slots
    const slots = new Float64Array(old.length * 2).fill(EMPTY)
    const mask = slots.length - 1
    for (const v of old) if (v !== EMPTY) this.insert(slots, mask, v)
    this.slots = slots
    this.mask = mask
  }
}

/** The slot of a hash: its low bits (the hash is already mixed). */
const slotOf = (h: number, mask: number): number => (h % 4294967296) & mask

/**
 * cyrb53 (bryc, public domain): a 53-bit hash of a string's UTF-16 code units, from two 32-bit MurmurHash3-style
 * lanes. Two different texts share a hash with probability about 2⁻⁵³. Cost O(length).
 *
 * @example hash53('') // 3338908027751811
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
