/**
 * Small zip and Zstandard writers for the tests' own `.eval` fixtures (hostile ones included): members stored,
 * deflated or "zstd" (frames of raw or RLE blocks, RFC 8878 section 3.1.1.2, which any decoder must read), with sizes and
 * CRC-32 that may lie.
 */
import { crc32, deflateRawSync } from 'node:zlib'

export interface Member {
  name: string
  data: Uint8Array
  /** 0 stored, 8 deflate (default), 93 zstd (raw blocks), or already packed bytes with `packed`. */
  method?: 0 | 8 | 93
  packed?: Uint8Array
  /** The unpacked size the directory declares (default: the data's). */
  size?: number
  crc?: number
}

const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd]
/** Frame header: no content size, not single segment, no checksum; window 2^(10+7) = 128 KiB. */
const FRAME_HEADER = [...ZSTD_MAGIC, 0x00, 0x38]
const BLOCK = 128 << 10

function blockHeader(last: boolean, type: number, size: number): number[] {
  const h = (last ? 1 : 0) | (type << 1) | (size << 3)
  return [h & 255, (h >> 8) & 255, (h >> 16) & 255]
}

/** A zstd frame holding `data` in raw (uncompressed) blocks. */
export function zstdRaw(data: Uint8Array): Uint8Array {
  const parts: number[] = [...FRAME_HEADER]
  if (data.length === 0) parts.push(...blockHeader(true, 0, 0))
  for (let p = 0; p < data.length; p += BLOCK) {
    const piece = data.subarray(p, p + BLOCK)
    parts.push(...blockHeader(p + BLOCK >= data.length, 0, piece.length), ...piece)
  }
  return Uint8Array.from(parts)
}

/** A zstd bomb: `total` bytes of `byte` as RLE blocks of 128 KiB (4 bytes each: 1 GiB in 32 KiB). */
export function zstdRle(byte: number, total: number): Uint8Array {
  const blocks = Math.ceil(total / BLOCK)
  const out = new Uint8Array(FRAME_HEADER.length + blocks * 4)
  out.set(FRAME_HEADER)
  let at = FRAME_HEADER.length
  for (let k = 0; k < blocks; k++) {
    const size = Math.min(BLOCK, total - k * BLOCK)
    out.set([...blockHeader(k === blocks - 1, 1, size), byte], at)
    at += 4
  }
  return out
}

/** A zip archive of the members (no data descriptors, UTF-8 names). */
export function makeZip(members: Member[]): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const m of members) {
    const method = m.method ?? 8
    const packed = m.packed ?? (method === 8 ? deflateRawSync(m.data) : method === 93 ? zstdRaw(m.data) : m.data)
    const name = Buffer.from(m.name, 'utf8')
    const crc = m.crc ?? crc32(m.data) >>> 0
    const size = m.size ?? m.data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x800, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, Buffer.from(packed))
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += 30 + name.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Math.min(members.length, 0xffff), 8)
  end.writeUInt16LE(Math.min(members.length, 0xffff), 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

export const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8')
