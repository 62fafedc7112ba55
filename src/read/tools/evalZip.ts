/**
 * An Inspect `.eval` log is a zip archive (docs/tools.md, Inspect): read here member by member through its END OF
 * CENTRAL DIRECTORY record and central directory (PKWARE APPNOTE 6.3.10 sections 4.3.12–4.3.16, ZIP64 4.3.14 and
 * 4.5.3), as src/read/zipArchive.ts reads an artifact, with the same caps. Members are stored (0), deflated (8, with
 * fflate) or Zstandard-compressed (93, Inspect's default since 0.3.206, with fzstd: Node 20's zlib has no zstd).
 *
 * Refused, each with a one-line InputError naming the log and the member: anything that is not a zip, a truncated
 * zip, member names that could escape a folder (`..`, absolute, drive letters, backslashes), two members of one
 * name, encryption, other methods, a member declaring more than the cap, a member unpacking to more than it
 * declares, a CRC-32 that does not match. Memory: one member's declared size (at most the cap), allocated once;
 * a file on disk larger than 64 MiB is read where needed, never whole.
 */
import { inflateCapped, MAX_ENTRIES, SIG_CENTRAL, SIG_END, SIG_LOCAL, SIG_ZIP64_END, SIG_ZIP64_LOCATOR, unsafeName, type Inflated, type ZipEntry } from '../zipArchive.js'
import { crc32 } from 'node:zlib'
import { decompress } from 'fzstd'
import { InputError, quote } from '../../common/errors.js'
import type { PredictionSource } from '../predictionFile.js'
import { bytes } from '../limits.js'
import { openRandom, type RandomAccess } from './toolSources.js'

/** A member of the archive: one file of its central directory, as the artifact reader's entries. */
export type ZipMember = ZipEntry

const utf8 = new TextDecoder('utf-8')

/** An open archive: its members and a way to unpack one. */
export interface Zip {
  members: ZipMember[]
  /** The member's bytes, at most `maxBytes` (more is refused before or while unpacking). */
  unpack(member: ZipMember, maxBytes: number): Promise<Uint8Array>
  close(): Promise<void>
}

/** Opens a zip archive (a path or bytes): reads its central directory. */
export async function openZip(source: PredictionSource): Promise<Zip> {
  let access = await openRandom(source)
  if (!source.data && access.size <= 64 << 20) {
    // Small enough to hold: one read instead of two per member.
    const all = await access.read(0, access.size)
    await access.close()
    access = { size: all.length, read: async (offset, length) => all.subarray(offset, offset + length), close: async () => {} }
  }
  const where = source.name
  const fail = (reason: string): never => {
    throw new InputError(where, null, null, reason)
  }
  try {
    const members = await centralDirectory(access, fail)
    return { members, unpack: (member, maxBytes) => unpack(access, member, maxBytes, where), close: () => access.close() }
  } catch (error) {
    await access.close()
    throw error
  }
}

/** Little-endian fields of a byte array. */
const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8)
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0
function u64(b: Uint8Array, i: number, fail: (r: string) => never, what: string): number {
  const value = u32(b, i) + u32(b, i + 4) * 2 ** 32
  if (!Number.isSafeInteger(value)) fail(`is corrupt: ${what} is beyond any file`)
  return value
}

async function centralDirectory(access: RandomAccess, fail: (reason: string) => never): Promise<ZipMember[]> {
  const size = access.size
  if (size < 22) fail(`is not a zip archive (${size} bytes, too short): an Inspect .eval log is a zip`)
  const tailStart = Math.max(0, size - 22 - 0xffff - 20)
  const tail = await access.read(tailStart, size - tailStart)
  let end = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && u32(tail, i) === SIG_END && i + 22 + u16(tail, i + 20) === tail.length) {
      end = i
      break
    }
  }
  if (end < 0) fail(u32(tail, 0) === SIG_LOCAL || tailStart === 0 ? 'is not a zip archive, or is truncated (no end of central directory record): an Inspect .eval log is a zip' : 'is truncated or corrupt: no end of central directory record')
  let count = u16(tail, end + 10)
  let dirSize = u32(tail, end + 12)
  let dirOffset = u32(tail, end + 16)
  const disk = u16(tail, end + 4)
  if (disk !== 0 && disk !== 0xffff) fail('is a multi-volume (split) zip archive: not supported')
  if (end >= 20 && u32(tail, end - 20) === SIG_ZIP64_LOCATOR) {
    const at = u64(tail, end - 20 + 8, fail, 'the ZIP64 end record offset')
    const record = await access.read(at, 56)
    if (record.length < 56 || u32(record, 0) !== SIG_ZIP64_END) fail('is corrupt: the ZIP64 locator points to no ZIP64 end of central directory record')
    count = u64(record, 32, fail, 'the ZIP64 member count')
    dirSize = u64(record, 40, fail, 'the ZIP64 central directory size')
    dirOffset = u64(record, 48, fail, 'the ZIP64 central directory offset')
  }
  if (count > MAX_ENTRIES) fail(`has ${count.toLocaleString('en-US')} members, more than the ${MAX_ENTRIES.toLocaleString('en-US')} Eval Gate reads`)
  if (dirOffset + dirSize > size) fail(`is truncated or corrupt: its central directory (bytes ${dirOffset}–${dirOffset + dirSize}) lies outside the ${size.toLocaleString('en-US')}-byte file`)
  const dir = await access.read(dirOffset, dirSize)
  const members: ZipMember[] = []
  const seen = new Set<string>()
  let at = 0
  for (let k = 0; k < count; k++) {
    if (at + 46 > dir.length || u32(dir, at) !== SIG_CENTRAL) fail(`is corrupt: its central directory ends after ${k} of ${count} members`)
    const flags = u16(dir, at + 8)
    const method = u16(dir, at + 10)
    const crc = u32(dir, at + 16)
    let compressedSize = u32(dir, at + 20)
    let unpacked = u32(dir, at + 24)
    const nameLength = u16(dir, at + 28)
    const extraLength = u16(dir, at + 30)
    const commentLength = u16(dir, at + 32)
    let localHeaderOffset = u32(dir, at + 42)
    const next = at + 46 + nameLength + extraLength + commentLength
    if (next > dir.length) fail(`is corrupt: central directory entry ${k + 1} runs past the directory's end`)
    const name = utf8.decode(dir.subarray(at + 46, at + 46 + nameLength))
    if (unpacked === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      let x = at + 46 + nameLength
      const extraEnd = x + extraLength
      let found = false
      while (x + 4 <= extraEnd) {
        const id = u16(dir, x)
        const length = u16(dir, x + 2)
        if (id === 1) {
          found = true
          let p = x + 4
          const take = (what: string): number => {
            if (p + 8 > x + 4 + length) fail(`is corrupt: the ZIP64 field of member ${quote(name)} has no ${what}`)
            const v = u64(dir, p, fail, `the ZIP64 ${what} of member ${quote(name)}`)
            p += 8
            return v
          }
          if (unpacked === 0xffffffff) unpacked = take('size')
          if (compressedSize === 0xffffffff) compressedSize = take('compressed size')
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = take('local header offset')
          break
        }
        x += 4 + length
      }
      if (!found) fail(`is corrupt: member ${quote(name)} needs a ZIP64 extra field and has none`)
    }
    if (unsafeName(name)) fail(`has a member with an unsafe path (${quote(name)}): refused`)
    const key = name.replace(/^(\.\/)+/, '')
    if (seen.has(key)) fail(`has two members named ${quote(key)}: an ambiguous log, refused`)
    seen.add(key)
    members.push({ name, method, flags, crc32: crc, compressedSize, size: unpacked, localHeaderOffset })
    at = next
  }
  return members
}

/** Compressed bytes pushed into the inflater at a time (deflate makes at most ~1032× that before the cap is checked again). */
async function unpack(access: RandomAccess, member: ZipMember, maxBytes: number, where: string): Promise<Uint8Array> {
  const fail = (reason: string): never => {
    throw new InputError(`${where}: ${member.name}`, null, null, reason)
  }
  if (member.flags & 1) fail('is encrypted: not supported')
  if (member.method !== 0 && member.method !== 8 && member.method !== 93) {
    fail(`uses compression method ${member.method}: only stored (0), deflate (8) and Zstandard (93) are read`)
  }
  if (member.size > maxBytes) fail(`declares ${bytes(member.size)} unpacked, more than the cap of ${bytes(maxBytes)}: refused (a zip bomb, or a sample too large to compare)`)
  if (member.compressedSize > access.size) fail(`is corrupt: its compressed size (${bytes(member.compressedSize)}) is larger than the file`)
  const header = await access.read(member.localHeaderOffset, 30)
  if (header.length < 30 || u32(header, 0) !== SIG_LOCAL) fail(`is corrupt: no local header at byte ${member.localHeaderOffset}`)
  const start = member.localHeaderOffset + 30 + u16(header, 26) + u16(header, 28)
  const packed = await access.read(start, member.compressedSize)
  if (packed.length !== member.compressedSize) fail('is truncated: its data runs past the end of the file')
  let out: Uint8Array
  if (member.method === 0) {
    if (member.compressedSize !== member.size) fail(`is corrupt: stored, but its sizes differ (${member.compressedSize} packed, ${member.size} unpacked)`)
    out = packed
  } else if (member.method === 8) {
    const inflated = ((): Inflated => {
      try {
        return inflateCapped(packed, member.size)
      } catch (error) {
        return fail(`is corrupt: cannot inflate it (${(error as Error).message})`)
      }
    })()
    const { written, over } = inflated
    out = inflated.out
    if (over) fail(`unpacks to more than the ${bytes(member.size)} it declares: corrupt or hostile (a zip bomb?), refused`)
    if (written !== member.size) fail(`is corrupt: it unpacks to ${bytes(written)}, it declares ${bytes(member.size)}`)
  } else {
    // Zstandard into a buffer of the declared size: fzstd then writes there (its window is that buffer), never
    // allocating what a frame header claims; more output than declared fails or is cut, and the CRC-32 refuses it.
    out = new Uint8Array(member.size)
    try {
      if (member.size > 0 || packed.length > 0) decompress(packed, out)
    } catch (error) {
      const message = (error as Error).message
      fail(error instanceof RangeError ? `unpacks to more than the ${bytes(member.size)} it declares: corrupt or hostile (a zstd bomb?), refused` : `is corrupt: cannot decompress its Zstandard data (${message})`)
    }
  }
  const actual = crc32(out) >>> 0
  if (actual !== member.crc32 >>> 0) fail(`is corrupt: its CRC-32 does not match the central directory's (${member.method === 93 ? 'it unpacks to other bytes or another size than it declares' : 'damaged data'}): refused`)
  return out
}
