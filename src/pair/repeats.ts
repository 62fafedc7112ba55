/**
 * Repeats (docs/repeats-and-clusters.md, `--repeat-field F`): several rows per id (an LLM sampled k times, a seed sweep). The rows
 * of one id are its repeats, told apart by the value of F; a second row with the same (id, F) is bad input.
 *
 * - Classification pairs a candidate row with the baseline row of the same id and the same repeat value
 *   ({@link repeatIds} gives the pairing key); every paired row is a prediction the metrics count, and the id
 *   is the cluster that resampling and the tests work on (src/clusters/).
 * - Scores and regression collapse each file to one row per id first ({@link collapseRepeats}): the id's value
 *   is the mean over its repeats, each file over its own (k and k' may differ); the ids are then paired.
 *
 * `counts.repeats` is the mean number of rows per id of each file (rows / distinct ids): 1 without repeats,
 * k when every id has k, and a fraction when ids have different numbers of repeats.
 */
import { InputError, quote } from '../common/errors.js'
import type { IdRows } from './pairByIds.js'
import { keyColumn, type KeyColumn } from '../read/keys.js'

/** A file's repeats: per row its id's index (first-seen order), the number of distinct ids, and the pairing keys. */
export interface Repeats {
  /** Per row: the index of its id among the file's distinct ids, in first-seen order. */
  idOf: Uint32Array
  /** Distinct ids. */
  ids: number
  /** Rows per id (rows / ids): `counts.repeats`. */
  meanK: number
  /** Per row: the pairing key of (id, repeat value), a JSON array `["id","repeat"]`. */
  keys: string[]
}

/**
 * Reads a file's repeats: every row has an id (the row builders require one with a repeat field) and a repeat
 * value (src/read/keys.ts); a repeated (id, F) names the file, the line and the field F.
 * Cost: O(n) expected (two hash maps).
 * @example repeatIds({ name: 'c.jsonl', idField: 'id', n: 2, ids: ['a', 'a'], line: Uint32Array.of(1, 2), keys: [{ field: 'seed', values: ['1', '2'], codes: Uint32Array.of(0, 1) }] }, 'seed').meanK // 2
 */
export function repeatIds(file: IdRows & { keys?: KeyColumn[] }, field: string): Repeats {
  const ids = file.ids
  if (file.n > 0 && ids === null) throw new InputError(file.name, file.line[0], file.idField, 'is missing: with a repeat field every row needs an id')
  const column = keyColumn(file.keys, field)
  if (!column) throw new Error(`repeatIds: the key field "${field}" was not read`)
  const idOf = new Uint32Array(file.n)
  const index = new Map<string, number>()
  const seen = new Map<string, number>()
  const keys: string[] = new Array<string>(file.n)
  for (let i = 0; i < file.n; i++) {
    const id = String((ids as ArrayLike<string | number>)[i])
    let code = index.get(id)
    if (code === undefined) {
      code = index.size
      index.set(id, code)
    }
    idOf[i] = code
    const repeat = column.values[column.codes[i]]
    const key = JSON.stringify([id, repeat])
    const first = seen.get(key)
    if (first !== undefined) {
      throw new InputError(file.name, file.line[i], field, `repeats the value ${quote(repeat)} of id ${quote(id)} (line ${file.line[first]}): each repeat of an id needs its own value`)
    }
    seen.set(key, i)
    keys[i] = key
  }
  return { idOf, ids: index.size, meanK: index.size === 0 ? 0 : file.n / index.size, keys }
}

/** A file as the pairing sees it with repeats: its ids replaced by the (id, repeat) keys. */
export function withRepeatKeys<F extends IdRows>(file: F, repeats: Repeats): F {
  return { ...file, ids: repeats.keys }
}

/**
 * One row per id: `values[f]` of the new row is the mean of the id's rows (each file over its own repeats), its
 * line and key codes those of the id's first row. A cluster field must have one value per id (the repeats of
 * an id are one example): a second value names the file, line and field. Cost O(n · fields).
 * @example collapseRepeats(file, repeats, [file.values[0]]) // one mean per id
 */
export function collapseRepeats<F extends IdRows & { keys?: KeyColumn[] }>(
  file: F,
  repeats: Repeats,
  columns: readonly Float64Array[],
  clusterField: string | undefined
): { file: F; columns: Float64Array[] } {
  const g = repeats.ids
  const first = new Int32Array(g).fill(-1)
  const count = new Float64Array(g)
  const sums = columns.map(() => new Float64Array(g))
  const cluster = clusterField === undefined ? undefined : keyColumn(file.keys, clusterField)
  for (let i = 0; i < file.n; i++) {
    const id = repeats.idOf[i]
    if (first[id] < 0) first[id] = i
    else if (cluster && cluster.codes[i] !== cluster.codes[first[id]]) {
      throw new InputError(file.name, file.line[i], cluster.field, `is ${quote(cluster.values[cluster.codes[i]])}, but an earlier repeat of the same id (line ${file.line[first[id]]}) has ${quote(cluster.values[cluster.codes[first[id]]])}: the repeats of an id belong to one cluster`)
    }
    count[id]++
    for (let f = 0; f < columns.length; f++) sums[f][id] += columns[f][i]
  }
  const rows = Uint32Array.from(first)
  const ids = file.ids as ArrayLike<string | number>
  // An id with an error row among its repeats is an error example (docs/tools.md): its mean is no value of the model's.
  const rowErrors = (file as { errors?: Uint8Array | null }).errors
  let errors: Uint8Array | null = null
  if (rowErrors) {
    errors = new Uint8Array(g)
    for (let i = 0; i < file.n; i++) if (rowErrors[i]) errors[repeats.idOf[i]] = 1
  }
  const collapsed = {
    ...file,
    ...(rowErrors !== undefined ? { errors } : {}),
    n: g,
    ids: Array.from(rows, (i) => String(ids[i])),
    line: Uint32Array.from(rows, (i) => file.line[i]),
    ...(file.keys ? { keys: file.keys.map((k) => ({ field: k.field, values: k.values, codes: Uint32Array.from(rows, (i) => k.codes[i]) })) } : {})
  }
  return { file: collapsed, columns: sums.map((s) => s.map((x, id) => x / count[id])) }
}

/**
 * A (id, repeat) pairing key as messages show it: `q7 (seed 2)`; any other text unchanged.
 * @example repeatLabel('["q7","2"]', 'seed') // 'q7 (seed 2)'
 */
export function repeatLabel(key: string, field: string): string {
  if (!key.startsWith('[')) return key
  try {
    const [id, repeat] = JSON.parse(key) as [string, string]
    return `${id} (${field} ${repeat})`
  } catch {
    return key
  }
}
