/**
 * Reading one file of an artifact zip in memory (never extracted to disk), through the zip's END OF CENTRAL
 * DIRECTORY record and its central directory (PKWARE APPNOTE 6.3.10 docs/statistics.md.3.12–docs/statistics.md.3.16, ZIP64 docs/statistics.md.3.14, docs/statistics.md.5.3).
 * Local headers are read only at the offsets the central directory gives, and data descriptors (general-purpose
 * flag bit 3, which actions/upload-artifact v4 sets on every entry) are never looked for: the sizes and CRC-32
 * come from the central directory, so compressed bytes that happen to hold `PK\x07\x08` are just data.
 *
 * Refused, each with an InputError that names the archive: anything that is not a zip, a truncated zip, entries
 * whose names could escape a folder (`..`, absolute, drive letters, backslashes), two entries with the same name,
 * encrypted entries, methods other than stored (0) and deflate (8), a CRC-32 that does not match, an entry that
 * unpacks to more than its header declares or than the cap (the cap is enforced while inflating).
 */
import { crc32 } from 'node:zlib'
import { Inflate } from 'fflate'
import { InputError } from '../common/errors.js'

/** The default cap on the unpacked size of the chosen file: 512 MiB (a million scored rows take about 60 MB). */
export const MAX_UNPACKED = 512 << 20

/** The most entries an artifact may hold (its central directory is read whole; 1,000,000 names are ~100 MB). */
export const MAX_ENTRIES = 1_000_000

/** One file (or folder, name ending in `/`) of the central directory. */
export interface ZipEntry {
  /** As stored (UTF-8 when flag bit 11 is set, else code page 437). */
  name: string
  /** 0 stored, 8 deflate. */
  method: number
  /** General-purpose bit flags (bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8 name). */
  flags: number
  crc32: number
  compressedSize: number
  /** The unpacked size the central directory declares (it can lie: checked while inflating). */
  size: number
  localHeaderOffset: number
}

/** The record signatures of APPNOTE 4.3: local header, central directory entry, end of central directory, ZIP64 end and its locator. */
export const SIG_LOCAL = 0x04034b50
export const SIG_CENTRAL = 0x02014b50
export const SIG_END = 0x06054b50
export const SIG_ZIP64_END = 0x06064b50
export const SIG_ZIP64_LOCATOR = 0x07064b50

/** Bytes 128–255 of code page 437, the names' encoding when flag bit 11 is clear (APPNOTE appendix D). */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0'

const utf8 = new TextDecoder('utf-8')

/** Characters JSON.stringify leaves as they are but that a log line or a reader should not get raw. */
const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g

/**
 * Quotes text from an archive for a message: JSON string syntax (so CR, LF and every control character become
 * escapes and the message stays on one line, and a `::warning::` in a name can never start a log line), with
 * C1 controls, bidi overrides, zero-width characters and line/paragraph separators escaped as `\uXXXX` too, cut
 * to `max` characters of the text (then `…` after the closing quote). Cost O(min(length, max)).
 * @example quoteName('a\n::warning::x') === '"a\\n::warning::x"'
 */
export function quoteName(text: string, max = 80): string {
  const cut = text.length > max
  const quoted = JSON.stringify(cut ? text.slice(0, max) : text).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return cut ? `${quoted}…` : quoted
}

/** True for names that could escape the folder they are extracted to: `..` parts, absolute, drive, backslash. */
export function unsafeName(name: string): boolean {
  return name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\') || name.split('/').some((part) => part === '..')
}

/** A name without its leading `./` parts (`./a/b` and `a/b` are the same file). */
export function normalName(name: string): string {
  let n = name
  while (n.startsWith('./')) n = n.slice(2)
  return n
}

function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return utf8.decode(bytes)
  let ascii = true
  for (const b of bytes) if (b >= 0x80) ascii = false
  if (ascii) return utf8.decode(bytes)
  let s = ''
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80]
  return s
}

/** Little-endian reads with bounds checks (a short read means a truncated or corrupt archive). */
class Bytes {
  readonly view: DataView
  constructor(
    readonly data: Uint8Array,
    private readonly where: string
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  }
  fail(reason: string): never {
    throw new InputError(this.where, null, null, reason)
  }
  need(offset: number, length: number, what: string): void {
    if (offset < 0 || length < 0 || offset + length > this.data.length) {
      this.fail(`is truncated or corrupt: ${what} (bytes ${offset}–${offset + length}) lies outside the ${this.data.length.toLocaleString('en-US')}-byte file`)
    }
  }
  u16(offset: number): number {
    return this.view.getUint16(offset, true)
  }
  u32(offset: number): number {
    return this.view.getUint32(offset, true)
  }
  /** A 64-bit field; beyond 2^53 it cannot address anything in memory, so it is refused. */
  u64(offset: number, what: string): number {
    const value = this.view.getBigUint64(offset, true)
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) this.fail(`is corrupt: ${what} is ${value}, beyond any file`)
    return Number(value)
  }
}

interface Directory {
  offset: number
  size: number
  count: number
}

/** Finds the END OF CENTRAL DIRECTORY record (the last one whose comment reaches the end of the file), then
 *  the ZIP64 records when a field holds its 0xFFFF / 0xFFFFFFFF marker. Reads at most the last 64 KiB + 22 B. */
function findDirectory(b: Bytes): Directory {
  const data = b.data
  if (data.length < 22) b.fail(`is not a zip archive (${data.length} bytes, too short for an end of central directory record)`)
  let end = -1
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data[i] === 0x50 && b.u32(i) === SIG_END && i + 22 + b.u16(i + 20) === data.length) {
      end = i
      break
    }
  }
  if (end < 0) {
    const zipStart = data.length >= 4 && b.u32(0) === SIG_LOCAL
    b.fail(zipStart ? 'is truncated or corrupt: no end of central directory record (a zip cut short?)' : 'is not a zip archive (no end of central directory record)')
  }
  let disk = b.u16(end + 4)
  let directoryDisk = b.u16(end + 6)
  let countOnDisk = b.u16(end + 8)
  let count = b.u16(end + 10)
  let size = b.u32(end + 12)
  let offset = b.u32(end + 16)
  let directoryEnd = end
  const zip64 = count === 0xffff || countOnDisk === 0xffff || size === 0xffffffff || offset === 0xffffffff || disk === 0xffff || directoryDisk === 0xffff
  if (end >= 20 && b.u32(end - 20) === SIG_ZIP64_LOCATOR) {
    const at = b.u64(end - 20 + 8, 'the ZIP64 end of central directory offset')
    b.need(at, 56, 'the ZIP64 end of central directory record')
    if (b.u32(at) !== SIG_ZIP64_END) b.fail('is corrupt: the ZIP64 locator points to no ZIP64 end of central directory record')
    disk = b.u32(at + 16)
    directoryDisk = b.u32(at + 20)
    countOnDisk = b.u64(at + 24, 'the ZIP64 entry count')
    count = b.u64(at + 32, 'the ZIP64 entry count')
    size = b.u64(at + 40, 'the ZIP64 central directory size')
    offset = b.u64(at + 48, 'the ZIP64 central directory offset')
    directoryEnd = at
  } else if (zip64) {
    b.fail('is truncated or corrupt: its end record needs ZIP64 fields, and there is no ZIP64 locator')
  }
  if (disk !== 0 || directoryDisk !== 0 || countOnDisk !== count) b.fail('is a multi-volume (split) zip archive: not supported')
  if (count > MAX_ENTRIES) b.fail(`has ${count.toLocaleString('en-US')} entries, more than the ${MAX_ENTRIES.toLocaleString('en-US')} Eval Gate reads: upload the predictions in an artifact of their own`)
  if (offset + size > directoryEnd) b.fail(`is truncated or corrupt: its central directory (bytes ${offset}–${offset + size}) overlaps its end record at ${directoryEnd}`)
  return { offset, size, count }
}

/**
 * The entries of a zip archive, from its central directory (ZIP64 included), in directory order. Refuses
 * archives with an unsafe entry name or two entries of the same name (after dropping a leading `./`).
 * Cost: O(size of the central directory), one loop, no recursion (50,000 entries take ~20 ms).
 * @param where names the archive in messages, e.g. `artifact "predictions" of run 42`
 * @example listZipEntries(zipSync({ 'a.jsonl': bytes }), 'x').map((e) => e.name) // ['a.jsonl']
 */
export function listZipEntries(zip: Uint8Array, where: string): ZipEntry[] {
  const b = new Bytes(zip, where)
  const dir = findDirectory(b)
  const entries: ZipEntry[] = []
  const seen = new Map<string, number>()
  let at = dir.offset
  const limit = dir.offset + dir.size
  for (let i = 0; i < dir.count; i++) {
    if (at + 46 > limit) b.fail(`is truncated or corrupt: its central directory ends after ${i} of ${dir.count} entries`)
    if (b.u32(at) !== SIG_CENTRAL) b.fail(`is corrupt: central directory entry ${i + 1} of ${dir.count} has no signature (at byte ${at})`)
    const flags = b.u16(at + 8)
    const method = b.u16(at + 10)
    const crc = b.u32(at + 16)
    let compressedSize = b.u32(at + 20)
    let size = b.u32(at + 24)
    const nameLength = b.u16(at + 28)
    const extraLength = b.u16(at + 30)
    const commentLength = b.u16(at + 32)
    let disk = b.u16(at + 34)
    let localHeaderOffset = b.u32(at + 42)
    const next = at + 46 + nameLength + extraLength + commentLength
    if (next > limit) b.fail(`is truncated or corrupt: central directory entry ${i + 1} runs past the directory's end`)
    const name = decodeName(zip.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0)
    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff || disk === 0xffff) {
      // ZIP64 extended information (header id 1): only the fields whose 32-bit value is the marker, in this order.
      let x = at + 46 + nameLength
      const extraEnd = x + extraLength
      let found = false
      while (x + 4 <= extraEnd) {
        const id = b.u16(x)
        const length = b.u16(x + 2)
        const fieldEnd = x + 4 + length
        if (fieldEnd > extraEnd) break
        if (id === 1) {
          found = true
          let p = x + 4
          const take = (what: string): number => {
            if (p + 8 > fieldEnd) b.fail(`is corrupt: the ZIP64 field of entry ${quoteName(name)} has no ${what}`)
            const v = b.u64(p, `the ZIP64 ${what} of entry ${quoteName(name)}`)
            p += 8
            return v
          }
          if (size === 0xffffffff) size = take('size')
          if (compressedSize === 0xffffffff) compressedSize = take('compressed size')
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = take('local header offset')
          if (disk === 0xffff) disk = p + 4 <= fieldEnd ? b.u32(p) : disk
          break
        }
        x = fieldEnd
      }
      if (!found) b.fail(`is corrupt: entry ${quoteName(name)} needs a ZIP64 extra field and has none`)
    }
    if (disk !== 0) b.fail(`is a multi-volume (split) zip archive: not supported`)
    if (unsafeName(name)) b.fail(`has an entry with an unsafe path (${quoteName(name)}): refused`)
    const key = normalName(name)
    const other = seen.get(key)
    if (other !== undefined) {
      const first = entries[other].name
      b.fail(`has two entries named ${quoteName(key)} (${quoteName(first)}, entry ${other + 1}, and ${quoteName(name)}, entry ${i + 1}): an ambiguous artifact, refused`)
    }
    seen.set(key, i)
    entries.push({ name, method, flags, crc32: crc, compressedSize, size, localHeaderOffset })
    at = next
  }
  return entries
}

/** Compressed bytes pushed into the inflater at a time: deflate expands at most ~1032:1, so one push makes at
 *  most ~16 MiB of output before the cap is checked again. */
const PUSH = 16 << 10

/** What {@link inflateCapped} made: the output buffer, the bytes written, and whether the data made more. */
export interface Inflated {
  out: Uint8Array
  written: number
  over: boolean
}

/**
 * Inflates deflate data into a buffer of the declared `size`, 16 KiB of input at a time (fflate's `Inflate`): the
 * output never grows past `size`; `over` says the data made more (inflating stops there). Throws fflate's error on
 * corrupt data. Shared by the artifact reader and the Inspect `.eval` reader (src/read/tools/evalZip.ts).
 * Cost: O(compressed + unpacked size) time; memory: `size` (allocated once, touched as written).
 * @example inflateCapped(deflateRawSync(Buffer.from('ab')), 2).written // 2
 */
export function inflateCapped(packed: Uint8Array, size: number): Inflated {
  const out = new Uint8Array(size)
  let written = 0
  let over = false
  const inflate = new Inflate((chunk) => {
    if (over) return
    if (written + chunk.length > size) {
      over = true
      return
    }
    out.set(chunk, written)
    written += chunk.length
  })
  for (let p = 0; p < packed.length && !over; p += PUSH) inflate.push(packed.subarray(p, p + PUSH), p + PUSH >= packed.length)
  if (packed.length === 0) inflate.push(packed, true)
  return { out, written, over }
}

/**
 * The unpacked bytes of one entry: stored (method 0) or deflate (method 8, inflated as a stream with fflate's
 * `Inflate`, 16 KiB of input at a time). The output never grows past min(declared size, maxBytes): an entry
 * declaring more than `maxBytes` is refused before inflating, and one that inflates to more than it declares is
 * refused as soon as it does. The CRC-32 of the result must equal the central directory's.
 * Cost: O(compressed + unpacked size) time; memory: the declared size (allocated once, touched as written).
 * @example unpackZipEntry(zip, listZipEntries(zip, 'x')[0], 'x') // the bytes of the first entry
 */
export function unpackZipEntry(zip: Uint8Array, entry: ZipEntry, where: string, maxBytes = MAX_UNPACKED): Uint8Array {
  const b = new Bytes(zip, where)
  const q = quoteName(entry.name)
  const fail = (reason: string): never => b.fail(`entry ${q} ${reason}`)
  if (entry.flags & 1) fail('is encrypted: not supported')
  if (entry.method !== 0 && entry.method !== 8) {
    const known: Record<number, string> = { 9: 'deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 98: 'PPMd' }
    fail(`uses compression method ${entry.method}${known[entry.method] ? ` (${known[entry.method]})` : ''}: only stored (0) and deflate (8) are supported`)
  }
  if (entry.size > maxBytes) fail(`declares ${entry.size.toLocaleString('en-US')} bytes unpacked, more than the cap of ${maxBytes.toLocaleString('en-US')}: refused (a zip bomb?)`)
  const local = entry.localHeaderOffset
  b.need(local, 30, `the local header of entry ${q}`)
  if (b.u32(local) !== SIG_LOCAL) fail(`is corrupt: no local header at byte ${local}, where the central directory says it starts`)
  const nameLength = b.u16(local + 26)
  const start = local + 30 + nameLength + b.u16(local + 28)
  b.need(local + 30, nameLength, `the local header of entry ${q}`)
  const localName = decodeName(zip.subarray(local + 30, local + 30 + nameLength), (b.u16(local + 6) & 0x800) !== 0)
  if (localName !== entry.name) fail(`is corrupt: its local header names it ${quoteName(localName)}`)
  b.need(start, entry.compressedSize, `the data of entry ${q}`)
  const packed = zip.subarray(start, start + entry.compressedSize)

  let out: Uint8Array
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) fail(`is corrupt: stored, but its sizes differ (${entry.compressedSize} packed, ${entry.size} unpacked)`)
    out = packed.slice()
  } else {
    const inflated = ((): Inflated => {
      try {
        return inflateCapped(packed, entry.size)
      } catch (error) {
        return fail(`is corrupt: cannot inflate it (${(error as Error).message})`)
      }
    })()
    const { written, over } = inflated
    out = inflated.out
    if (over) fail(`unpacks to more than the ${entry.size.toLocaleString('en-US')} bytes its header declares: corrupt or hostile, refused`)
    if (written !== entry.size) fail(`is corrupt: it unpacks to ${written.toLocaleString('en-US')} bytes, its header declares ${entry.size.toLocaleString('en-US')}`)
  }
  const actual = crc32(out) >>> 0
  if (actual !== entry.crc32 >>> 0) fail(`is corrupt: its CRC-32 is ${hex(actual)}, the central directory says ${hex(entry.crc32)}: refused (a damaged artifact)`)
  return out
}

const hex = (x: number): string => `0x${(x >>> 0).toString(16).padStart(8, '0')}`
