/**
 * Reading one file of an artifact zip in memory (never extracted to disk), with a cap on the unpacked size that
 * is enforced while inflating (the sizes in the zip's headers can lie), and refusing entries whose names could
 * escape a folder (`..`, absolute paths, backslashes).
 */
import { Unzip, UnzipInflate } from 'fflate'
import { InputError } from '../errors.js'

/** The default cap on the unpacked size of the chosen file: 512 MiB (a million scored rows take about 60 MB). */
export const MAX_UNPACKED = 512 << 20

function entries(zip: Uint8Array, where: string): string[] {
  const names: string[] = []
  const unzip = new Unzip((file) => names.push(file.name))
  unzip.register(UnzipInflate)
  try {
    unzip.push(zip, true)
  } catch (error) {
    throw new InputError(where, null, null, `is not a valid zip archive (${(error as Error).message})`)
  }
  return names
}

function unsafe(name: string): boolean {
  return name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\') || name.split('/').some((part) => part === '..')
}

/**
 * The bytes of `wanted` in the zip (or of its only file when `wanted` is absent from it).
 * @param where names the archive in messages, e.g. `artifact "predictions" of run 42`
 */
export function readZipEntry(zip: Uint8Array, wanted: string | null, where: string, maxBytes = MAX_UNPACKED): { name: string; data: Uint8Array } {
  const names = entries(zip, where)
  const bad = names.find(unsafe)
  if (bad !== undefined) throw new InputError(where, null, null, `has an entry with an unsafe path (${JSON.stringify(bad)}): refused`)
  const files = names.filter((n) => !n.endsWith('/'))
  let chosen = wanted !== null ? files.find((n) => n === wanted || n.replace(/^\.\//, '') === wanted) : undefined
  if (chosen === undefined && files.length === 1) chosen = files[0]
  if (chosen === undefined) {
    throw new InputError(where, null, null, `has no file ${JSON.stringify(wanted)} (files: ${files.slice(0, 10).map((f) => JSON.stringify(f)).join(', ') || 'none'}): set artifact-path`)
  }
  const parts: Uint8Array[] = []
  let total = 0
  let failure: Error | null = null
  let done = false
  const unzip = new Unzip((file) => {
    if (file.name !== chosen || done) return
    file.ondata = (error, chunk, final) => {
      if (failure) return
      if (error) {
        failure = new InputError(where, null, null, `cannot unpack ${JSON.stringify(chosen)}: ${error.message}`)
        return
      }
      total += chunk.length
      if (total > maxBytes) {
        failure = new InputError(where, null, null, `unpacks ${JSON.stringify(chosen)} to more than ${maxBytes.toLocaleString('en-US')} bytes: refused (a zip bomb?)`)
        file.terminate()
        return
      }
      parts.push(chunk)
      if (final) done = true
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    unzip.push(zip, true)
  } catch (error) {
    if (!failure) throw new InputError(where, null, null, `is not a valid zip archive (${(error as Error).message})`)
  }
  if (failure) throw failure
  const data = new Uint8Array(total)
  let offset = 0
  for (const p of parts) {
    data.set(p, offset)
    offset += p.length
  }
  return { name: chosen, data }
}
