/**
 * The artifact zip reader (src/read/zipArchive.ts) and the choice of the entry (src/action/github/baseline.ts), on zips made by
 * @actions/artifact's own zip code (what actions/upload-artifact v4 uploads), by Info-ZIP's `zip -fz` (a committed
 * fixture), by archiver with ZIP64 forced, and by hand where the format allows what those writers never write.
 * Every hostile case is a row of ../shared/SECURITY.md ("The artifact zip"). Field offsets: PKWARE APPNOTE 6.3.10.
 */
import { crc32, gunzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { Unzip, UnzipInflate, gzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { InputError } from '../src/common/errors.js'
import { chooseEntry } from '../src/action/github/baseline.js'
import { MAX_UNPACKED, listZipEntries, quoteName, unpackZipEntry, type ZipEntry } from '../src/read/zipArchive.js'
import { artifactZip, artifactZipOf, centralRecords, dataOffset, localHeader, replaceBytes, type CentralRecord } from './fixtures/zip/artifactZip.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const WHERE = 'artifact "predictions" of run 42'
const SIGNATURE_DD = Buffer.from([0x50, 0x4b, 0x07, 0x08])

/** 200 JSONL rows; every row's text is different so that deflate has work to do. */
const rows = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `msg-${i}`, label: i % 3 ? 'ham' : 'spam', prediction: i % 5 ? 'ham' : 'spam', score: (i * 37 % 100) / 100 }) + '\n').join('')

/** The one entry named `name` unpacked, through the public functions. */
function read(zip: Uint8Array, name: string, maxBytes = MAX_UNPACKED): Uint8Array {
  const entry = listZipEntries(zip, WHERE).find((e) => e.name === name)
  if (!entry) throw new Error(`test: no entry ${name}`)
  return unpackZipEntry(zip, entry, WHERE, maxBytes)
}

/** The InputError message of `f` (fails the test when `f` does not throw an InputError). */
function failure(f: () => unknown): string {
  try {
    f()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error('expected an InputError, nothing was thrown')
}

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8')

/** A copy of `zip` with a little-endian 32-bit field at `at` set to `value` (or a 16-bit one with `width` 2). */
function patch(zip: Uint8Array, at: number, value: number, width: 2 | 4 = 4): Uint8Array {
  const out = Uint8Array.from(zip)
  const v = new DataView(out.buffer)
  if (width === 4) v.setUint32(at, value, true)
  else v.setUint16(at, value, true)
  return out
}

describe('zips as actions/upload-artifact v4 writes them', () => {
  it('uses data descriptors on every entry (flag bit 3, zero sizes in the local header) and is read through the central directory', async () => {
    const zip = await artifactZip({ 'predictions.jsonl': rows, 'notes.txt': 'baseline of main\n' })
    const records = centralRecords(zip)
    expect(records.map((r) => r.name).sort()).toEqual(['notes.txt', 'predictions.jsonl'])
    for (const r of records) {
      expect(r.flags & 0x8).toBe(8)
      expect(r.method).toBe(8)
      expect(localHeader(zip, r)).toMatchObject({ flags: r.flags, crc: 0, compressedSize: 0, size: 0 })
    }
    expect(text(read(zip, 'predictions.jsonl'))).toBe(rows)
    expect(text(read(zip, 'notes.txt'))).toBe('baseline of main\n')
  })

  it('reads stored entries (compression-level 0), which also carry data descriptors', async () => {
    const zip = await artifactZip({ 'predictions.jsonl': rows, 'notes.txt': 'x' }, 0)
    const records = centralRecords(zip).sort((a, b) => b.compressedSize - a.compressedSize)
    expect(records.map((r) => [r.name, r.method, r.flags & 0x8, r.compressedSize])).toEqual([
      ['predictions.jsonl', 0, 8, Buffer.byteLength(rows)],
      ['notes.txt', 0, 8, 1]
    ])
    expect(text(read(zip, 'predictions.jsonl'))).toBe(rows)
  })

  it('reads a .jsonl.gz entry whose compressed bytes contain PK\\x07\\x08 (where a streaming reader stops with "unexpected EOF")', async () => {
    // The gzip header's MTIME field (RFC 1952 §2.3.1, bytes 4–7, little-endian seconds) of 0x08074b50 seconds
    // (a date in 1974) is the byte sequence 50 4b 07 08: the data descriptor signature, inside a valid gzip.
    const gz = gzipSync(Buffer.from(rows), { level: 6, mtime: new Date(0x08074b50 * 1000) })
    expect(Buffer.from(gz).indexOf(SIGNATURE_DD)).toBe(4)
    expect(gunzipSync(gz).toString()).toBe(rows)
    // Level 6 (upload-artifact's default) stores the incompressible gzip in a stored deflate block, so the
    // signature is in the entry's compressed bytes; level 0 (advised for compressed files) stores the gzip as is.
    for (const level of [6, 0]) {
      const zip = await artifactZip({ 'predictions.jsonl.gz': gz, 'notes.txt': 'x' }, level)
      const record = centralRecords(zip).find((r) => r.name === 'predictions.jsonl.gz') as CentralRecord
      const start = dataOffset(zip, record)
      expect(record.flags & 0x8).toBe(8)
      expect(Buffer.from(zip.subarray(start, start + record.compressedSize)).indexOf(SIGNATURE_DD)).toBeGreaterThanOrEqual(0)

      // The input does trip a reader that scans for the signature (fflate's streaming Unzip, the previous reader):
      // at level 6 "unexpected EOF", at level 0 the first 4 bytes of the file returned as the whole file.
      let streamed: Error | Uint8Array | null = null
      const unzip = new Unzip((file) => {
        if (file.name !== 'predictions.jsonl.gz') return
        const parts: Uint8Array[] = []
        file.ondata = (error, chunk, final) => {
          if (error) streamed = error
          else parts.push(chunk)
          if (final && !error) streamed = Buffer.concat(parts)
        }
        file.start()
      })
      unzip.register(UnzipInflate)
      try {
        unzip.push(zip, true)
      } catch (error) {
        streamed = error as Error
      }
      expect(streamed === null || streamed instanceof Error || !Buffer.from(gz).equals(Buffer.from(streamed))).toBe(true)

      expect(Buffer.from(read(zip, 'predictions.jsonl.gz')).equals(Buffer.from(gz))).toBe(true)
    }
  })

  it('reads 50,000 entries (one loop, no recursion) and finds the predictions among them', async () => {
    const entries: { name: string; data: string | null }[] = Array.from({ length: 49_999 }, (_, i) => ({ name: `shards/part-${String(i).padStart(5, '0')}.txt`, data: null }))
    entries.splice(25_000, 0, { name: 'eval/predictions.jsonl', data: rows })
    const zip = await artifactZipOf(entries)
    const list = listZipEntries(zip, WHERE)
    expect(list).toHaveLength(50_000)
    const chosen = chooseEntry(list, null, 'predictions.jsonl', WHERE)
    expect(chosen.name).toBe('eval/predictions.jsonl')
    expect(text(unpackZipEntry(zip, chosen, WHERE))).toBe(rows)
  }, 60_000)
})

describe('ZIP64', () => {
  it('reads Info-ZIP\'s `zip -fz` output: ZIP64 end records, and a ZIP64 extra field holding only the size', () => {
    // Made with Info-ZIP Zip 3.0: `zip -fz z.zip predictions.jsonl notes.txt`; `unzip -t` and Python's zipfile read it.
    const zip = new Uint8Array(readFileSync(path.join(here, 'fixtures/zip/zip64-infozip.zip')))
    const end = Buffer.from(zip).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    expect(new DataView(zip.buffer).getUint32(end + 16, true)).toBe(0xffffffff) // the directory offset is in the ZIP64 record
    expect(centralRecords(patch(zip, end + 16, 0xea))[0].size).toBe(0xffffffff) // the size is in the extra field
    const list = listZipEntries(zip, WHERE)
    // Python's zipfile: [('predictions.jsonl', 76, 8, 609896083, 0), ('notes.txt', 6, 0, 909783072, 141)]
    expect(list.map((e) => [e.name, e.size, e.method, e.crc32, e.localHeaderOffset])).toEqual([
      ['predictions.jsonl', 76, 8, 609896083, 0],
      ['notes.txt', 6, 0, 909783072, 141]
    ])
    expect(text(unpackZipEntry(zip, list[0], WHERE))).toBe('{"id":1,"label":"a","prediction":"a"}\n{"id":2,"label":"b","prediction":"a"}\n')
  })

  it('reads the ZIP64 end records archiver (upload-artifact\'s zip library) writes', async () => {
    const require = createRequire(import.meta.url)
    const archiver = require(path.join(here, '../node_modules/archiver')) as (format: string, options: object) => NodeJS.ReadableStream & { append(data: string, o: object): void; finalize(): void }
    const archive = archiver('zip', { forceZip64: true })
    archive.append(rows, { name: 'predictions.jsonl' })
    void archive.finalize()
    const parts: Buffer[] = []
    for await (const chunk of archive) parts.push(chunk as Buffer)
    const zip = new Uint8Array(Buffer.concat(parts))
    expect(Buffer.from(zip).indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBeGreaterThan(0)
    expect(text(read(zip, 'predictions.jsonl'))).toBe(rows)
  })

  it('reads an entry whose sizes and local header offset are all in its ZIP64 extra field', () => {
    const zip = zip64AllFields('predictions.jsonl', Buffer.from(rows))
    const [entry] = listZipEntries(zip, WHERE)
    expect(entry).toMatchObject({ name: 'predictions.jsonl', size: Buffer.byteLength(rows), compressedSize: Buffer.byteLength(rows), localHeaderOffset: 0 })
    expect(text(unpackZipEntry(zip, entry, WHERE))).toBe(rows)
  })
})

describe('hostile and broken archives (SECURITY.md, the artifact zip)', () => {
  it('refuses two entries with the same name, naming both', async () => {
    const zip = await artifactZipOf([
      { name: 'predictions.jsonl', data: rows },
      { name: 'notes.txt', data: 'x' },
      { name: 'predictions.jsonl', data: 'other\n' }
    ])
    const at = centralRecords(zip).flatMap((r, i) => (r.name === 'predictions.jsonl' ? [i + 1] : []))
    expect(at).toHaveLength(2)
    expect(failure(() => listZipEntries(zip, WHERE))).toBe(
      `artifact "predictions" of run 42: has two entries named "predictions.jsonl" ("predictions.jsonl", entry ${at[0]}, and "predictions.jsonl", entry ${at[1]}): an ambiguous artifact, refused`
    )
  })

  it('refuses "./a" and "a" as the same name', async () => {
    const zip = replaceBytes(await artifactZipOf([{ name: 'xxa.jsonl', data: 'x' }, { name: 'a.jsonl', data: 'y' }]), 'xxa.jsonl', './a.jsonl')
    const names = centralRecords(zip).map((r) => r.name)
    expect(names.sort()).toEqual(['./a.jsonl', 'a.jsonl'])
    const [first, second] = centralRecords(zip).map((r) => JSON.stringify(r.name))
    expect(failure(() => listZipEntries(zip, WHERE))).toContain(`has two entries named "a.jsonl" (${first}, entry 1, and ${second}, entry 2)`)
  })

  it('refuses an entry whose CRC-32 does not match its data (one byte of stored data flipped)', async () => {
    const zip = await artifactZip({ 'predictions.jsonl': rows }, 0)
    const [record] = centralRecords(zip)
    const damaged = Uint8Array.from(zip)
    const at = dataOffset(zip, record) + 100
    damaged[at] ^= 0x20
    const actual = crc32(damaged.subarray(dataOffset(zip, record), dataOffset(zip, record) + record.compressedSize)) >>> 0
    expect(actual).not.toBe(record.crc)
    const hex = (x: number) => `0x${x.toString(16).padStart(8, '0')}`
    expect(failure(() => read(damaged, 'predictions.jsonl'))).toBe(
      `artifact "predictions" of run 42: entry "predictions.jsonl" is corrupt: its CRC-32 is ${hex(actual)}, the central directory says ${hex(record.crc)}: refused (a damaged artifact)`
    )
  })

  it('stops a zip bomb at the cap: 1 MiB of zeros in a ~1 KB entry, cap 64 KiB, refused before inflating', async () => {
    const zip = await artifactZip({ 'predictions.jsonl': new Uint8Array(1 << 20) })
    const [record] = centralRecords(zip)
    expect(record.compressedSize).toBeLessThan(2048)
    expect(failure(() => read(zip, 'predictions.jsonl', 65_536))).toBe(
      'artifact "predictions" of run 42: entry "predictions.jsonl" declares 1,048,576 bytes unpacked, more than the cap of 65,536: refused (a zip bomb?)'
    )
  })

  it('stops inflating where the header says the entry ends when the sizes lie (central and local sizes patched to 100 B)', async () => {
    const zip = await artifactZip({ 'predictions.jsonl': new Uint8Array(1 << 20) })
    const [record] = centralRecords(zip)
    let lying = patch(zip, record.at + 24, 100) // central: uncompressed size
    lying = patch(lying, record.localOffset + 22, 100) // local: uncompressed size
    lying = patch(lying, record.localOffset + 18, 100) // local: compressed size (unused: the central one is read)
    expect(failure(() => read(lying, 'predictions.jsonl', 65_536))).toBe(
      'artifact "predictions" of run 42: entry "predictions.jsonl" unpacks to more than the 100 bytes its header declares: corrupt or hostile, refused'
    )
    // Declaring exactly the cap does not help either: inflating stops there.
    const atCap = patch(zip, record.at + 24, 65_536)
    expect(failure(() => read(atCap, 'predictions.jsonl', 65_536))).toContain('unpacks to more than the 65,536 bytes its header declares')
  })

  it('refuses entries that could escape a folder: "..", absolute, drive letters, backslashes', async () => {
    const cases: [string, string][] = [
      ['a/b/../../../evil.jsonl', 'a/b/../../../evil.jsonl'], // archiver keeps ".." inside a path
      ['xtmp/evil.jsonl', '/tmp/evil.jsonl'],
      ['Cx/evil.jsonl', 'C:/evil.jsonl'],
      ['a_evil.jsonl', 'a\\evil.jsonl']
    ]
    for (const [written, hostile] of cases) {
      let zip = await artifactZipOf([{ name: 'predictions.jsonl', data: rows }, { name: written, data: 'x' }])
      if (written !== hostile) zip = replaceBytes(zip, written, hostile)
      expect(centralRecords(zip).map((r) => r.name)).toContain(hostile)
      expect(failure(() => listZipEntries(zip, WHERE))).toBe(`artifact "predictions" of run 42: has an entry with an unsafe path (${JSON.stringify(hostile)}): refused`)
    }
  })

  it('quotes a name holding a newline and a workflow command: the message stays one line, nothing starts with "::"', async () => {
    const hostile = 'x\n::warning title=pwned::owned\r\n.txt'
    const zip = await artifactZipOf([{ name: 'notes.txt', data: 'a' }, { name: hostile, data: 'b' }])
    const list = listZipEntries(zip, WHERE)
    expect(list.map((e) => e.name).sort()).toEqual(['notes.txt', hostile])
    const message = failure(() => chooseEntry(list, null, 'predictions.jsonl', WHERE))
    const quoted = list.map((e) => (e.name === hostile ? '"x\\n::warning title=pwned::owned\\r\\n.txt"' : '"notes.txt"')).join(', ')
    expect(message).toBe(`artifact "predictions" of run 42: has no file "predictions.jsonl" nor one named "predictions.jsonl"; its files: ${quoted}: set artifact-path`)
    expect(message).not.toMatch(/[\r\n\u2028\u2029]/)
  })

  it('cuts quoted names to 80 characters and escapes invisible and bidi characters', () => {
    expect(quoteName('a'.repeat(200))).toBe(`"${'a'.repeat(80)}"…`)
    expect(quoteName('evil\u202egnp.jsonl')).toBe('"evil\\u202egnp.jsonl"')
    expect(quoteName('a\u2028b\u0085c\u200bd')).toBe('"a\\u2028b\\u0085c\\u200bd"')
    expect(quoteName('tab\there')).toBe('"tab\\there"')
  })

  it('refuses bytes that are not a zip, and an empty file', () => {
    expect(failure(() => listZipEntries(new TextEncoder().encode('{"id": 1, "label": "a", "prediction": "a"}\n'), WHERE))).toBe(
      'artifact "predictions" of run 42: is not a zip archive (no end of central directory record)'
    )
    expect(failure(() => listZipEntries(new Uint8Array(0), WHERE))).toBe(
      'artifact "predictions" of run 42: is not a zip archive (0 bytes, too short for an end of central directory record)'
    )
  })

  it('refuses a truncated zip (cut in the middle, or by its last byte)', async () => {
    const zip = await artifactZip({ 'predictions.jsonl': rows, 'notes.txt': 'x' })
    expect(failure(() => listZipEntries(zip.subarray(0, zip.length >> 1), WHERE))).toBe(
      'artifact "predictions" of run 42: is truncated or corrupt: no end of central directory record (a zip cut short?)'
    )
    expect(failure(() => listZipEntries(zip.subarray(0, zip.length - 1), WHERE))).toContain('is truncated or corrupt')
    // The end record intact but the data before it missing: the directory's offset points outside the file.
    const tail = zip.subarray(zip.length - 200)
    expect(failure(() => listZipEntries(tail, WHERE))).toContain('is truncated or corrupt')
  })

  it('names an unsupported compression method, and refuses encrypted entries', async () => {
    const zip = await artifactZip({ 'predictions.jsonl': rows })
    const [record] = centralRecords(zip)
    expect(failure(() => read(patch(zip, record.at + 10, 12, 2), 'predictions.jsonl'))).toBe(
      'artifact "predictions" of run 42: entry "predictions.jsonl" uses compression method 12 (bzip2): only stored (0) and deflate (8) are supported'
    )
    expect(failure(() => read(patch(zip, record.at + 8, record.flags | 1, 2), 'predictions.jsonl'))).toBe(
      'artifact "predictions" of run 42: entry "predictions.jsonl" is encrypted: not supported'
    )
  })

  it('refuses an entry whose deflate data is cut short', async () => {
    const zip = await artifactZip({ 'predictions.jsonl': rows })
    const [record] = centralRecords(zip)
    // The directory says the entry has half its compressed bytes: the inflater runs out before the end of the stream.
    const short = patch(zip, record.at + 20, record.compressedSize >> 1)
    expect(failure(() => read(short, 'predictions.jsonl'))).toMatch(/entry "predictions.jsonl" is corrupt: (cannot inflate it|it unpacks to)/)
  })
})

describe('choosing the entry (SPEC §9: artifact-path, else the predictions path, else its basename, else the only file)', () => {
  const entries = (...names: string[]): ZipEntry[] => names.map((name) => ({ name, method: 8, flags: 8, crc32: 0, compressedSize: 0, size: 0, localHeaderOffset: 0 }))

  it('finds eval/predictions.jsonl uploaded with another file (upload-artifact keeps the folder: the common root is the workspace)', async () => {
    const zip = await artifactZip({ 'eval/predictions.jsonl': rows, 'README.md': '# model\n' })
    const list = listZipEntries(zip, WHERE)
    expect(list.map((e) => e.name).sort()).toEqual(['README.md', 'eval/predictions.jsonl'])
    for (const predictions of ['eval/predictions.jsonl', './eval/predictions.jsonl', 'predictions.jsonl', 'out/predictions.jsonl', 'out\\predictions.jsonl']) {
      expect(chooseEntry(list, null, predictions, WHERE).name).toBe('eval/predictions.jsonl')
    }
  })

  it('prefers the predictions path as written over a file of the same basename elsewhere', () => {
    const list = entries('predictions.jsonl', 'eval/predictions.jsonl')
    expect(chooseEntry(list, null, 'eval/predictions.jsonl', WHERE).name).toBe('eval/predictions.jsonl')
    expect(chooseEntry(list, null, 'predictions.jsonl', WHERE).name).toBe('predictions.jsonl')
    expect(failure(() => chooseEntry(list, null, 'out/predictions.jsonl', WHERE))).toBe(
      'artifact "predictions" of run 42: has 2 files named "predictions.jsonl" ("predictions.jsonl", "eval/predictions.jsonl"): ambiguous, set artifact-path to the one to compare with'
    )
  })

  it('takes the only file when no name matches, ignoring folder entries', () => {
    expect(chooseEntry(entries('results/', 'results/model-a.jsonl'), null, 'predictions.jsonl', WHERE).name).toBe('results/model-a.jsonl')
  })

  it('uses artifact-path exactly (a leading ./ ignored) and never falls back from it', () => {
    const list = entries('a/predictions.jsonl', 'b/predictions.jsonl')
    expect(chooseEntry(list, './b/predictions.jsonl', 'predictions.jsonl', WHERE).name).toBe('b/predictions.jsonl')
    expect(chooseEntry(list, 'a/predictions.jsonl', 'b/predictions.jsonl', WHERE).name).toBe('a/predictions.jsonl')
    expect(failure(() => chooseEntry(entries('only.jsonl'), 'predictions.jsonl', 'only.jsonl', WHERE))).toBe(
      'artifact "predictions" of run 42: has no file "predictions.jsonl" (artifact-path); its files: "only.jsonl": set artifact-path to one of them'
    )
  })

  it('lists at most 10 files and says to set artifact-path', () => {
    const names = Array.from({ length: 12 }, (_, i) => `f${i}.jsonl`)
    expect(failure(() => chooseEntry(entries(...names), null, 'predictions.jsonl', WHERE))).toBe(
      `artifact "predictions" of run 42: has no file "predictions.jsonl" nor one named "predictions.jsonl"; its files: ${names
        .slice(0, 10)
        .map((n) => `"${n}"`)
        .join(', ')}, and 2 more: set artifact-path`
    )
  })
})

/**
 * One stored entry with every ZIP64 field in use (APPNOTE §4.5.3: the central header's sizes and offset are
 * 0xFFFFFFFF and the extra field 0x0001 holds size, compressed size, offset, in that order), ZIP64 end record
 * (§4.3.14) and locator (§4.3.15) before the classic end record whose count, size and offset are markers.
 * Python's zipfile reads what this writes (checked once when the test was written).
 */
function zip64AllFields(name: string, data: Buffer): Uint8Array {
  const nameBytes = Buffer.from(name)
  const crc = crc32(data) >>> 0
  const u16 = (x: number) => Buffer.from([x & 0xff, x >>> 8])
  const u32 = (x: number) => {
    const b = Buffer.alloc(4)
    b.writeUInt32LE(x >>> 0)
    return b
  }
  const u64 = (x: number) => {
    const b = Buffer.alloc(8)
    b.writeBigUInt64LE(BigInt(x))
    return b
  }
  const localExtra = Buffer.concat([u16(1), u16(16), u64(data.length), u64(data.length)])
  const local = Buffer.concat([u32(0x04034b50), u16(45), u16(0x800), u16(0), u16(0), u16(0x21), u32(crc), u32(0xffffffff), u32(0xffffffff), u16(nameBytes.length), u16(localExtra.length), nameBytes, localExtra, data])
  const centralExtra = Buffer.concat([u16(1), u16(24), u64(data.length), u64(data.length), u64(0)])
  const central = Buffer.concat([
    u32(0x02014b50), u16(45), u16(45), u16(0x800), u16(0), u16(0), u16(0x21), u32(crc), u32(0xffffffff), u32(0xffffffff),
    u16(nameBytes.length), u16(centralExtra.length), u16(0), u16(0), u16(0), u32(0), u32(0xffffffff), nameBytes, centralExtra
  ])
  const zip64End = Buffer.concat([u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(1), u64(1), u64(central.length), u64(local.length)])
  const locator = Buffer.concat([u32(0x07064b50), u32(0), u64(local.length + central.length), u32(1)])
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(0xffffffff), u32(0xffffffff), u16(0)])
  return new Uint8Array(Buffer.concat([local, central, zip64End, locator, end]))
}
