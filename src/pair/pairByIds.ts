/**
 * Pairing by id (docs/statistics.md): the candidate's rows are matched with the baseline's rows of the same id. Examples
 * whose true label differs between the two files are left out and counted as label conflicts; examples on one
 * side only are counted and the first few named.
 */
import { InputError, quote } from '../common/errors.js'
import { IdIndex, type Ids } from './idIndex.js'
import { idText, type PredictionFile } from '../read/predictionFile.js'

/** What pairing needs of a file, whatever its task: its name, id field, ids and lines. */
export type IdRows = Pick<PredictionFile, 'name' | 'idField' | 'n' | 'ids' | 'line'>

/** Whether candidate row i and baseline row j have the same truth; a pair that does not is a label conflict. */
export type SameTruth = (i: number, j: number) => boolean

/** The classification files' truth test: the same label code. */
export const sameLabel =
  (candidate: PredictionFile, baseline: PredictionFile): SameTruth =>
  (i, j) =>
    candidate.truth[i] === baseline.truth[j]

type Key = string | number

/** How many ids of one-sided or conflicting examples a warning names. */
export const NAMED_IDS = 5

export interface Pairing {
  /** Paired examples, in candidate file order. */
  n: number
  /** Row index in the candidate file of each pair. */
  cand: Uint32Array
  /** Row index in the baseline file of each pair. */
  base: Uint32Array
  candidateOnly: number
  baselineOnly: number
  labelConflicts: number
  /** The first few ids of each kind, in file order. */
  candidateOnlyIds: string[]
  baselineOnlyIds: string[]
  conflictIds: string[]
}

/**
 * Pairs two prediction files by id. Throws an InputError naming both lines for a duplicate id.
 *
 * Cost: O(n) with a fast path when both files list the same ids in the same strictly increasing order (no map
 * at all); otherwise one Map over the baseline's ids. `known.checkedElsewhere`: the baseline's ids when the
 * caller checks them for a repeat itself ({@link firstRepeat}, on another thread) and throws {@link repeatError}
 * for one: the same list in both files then needs no index here.
 */
export function pairByIds(candidate: IdRows, baseline: IdRows, sameTruth: SameTruth, known: { checkedElsewhere?: Ids | null } = {}): Pairing {
  let cIds: Ids = requireIds(candidate)
  let bIds: Ids = requireIds(baseline)
  if (cIds instanceof Float64Array !== bIds instanceof Float64Array) {
    // One file has integer ids, the other text: compare as text (17 and "17" are the same id).
    cIds = asText(cIds)
    bIds = asText(bIds)
  }
  if (sameList(cIds, bIds)) {
    // The same ids in the same order: unique when strictly increasing, else checked by an index of the baseline's
    // (the file the general path indexes first, so a repeat is reported as it would be there), unless the caller
    // has that very list checked elsewhere (`known.checkedElsewhere`) and reports its repeat as repeatError does.
    if (known.checkedElsewhere !== bIds && !strictlyIncreasing(bIds)) indexIds(baseline, bIds)
    return pairInOrder(candidate, sameTruth)
  }

  const index = indexIds(baseline, bIds)
  const matchedBy = new Int32Array(baseline.n).fill(-1)
  const candOnlySeen = new Map<Key, number>()
  const cand = new Uint32Array(candidate.n)
  const base = new Uint32Array(candidate.n)
  let n = 0
  let conflicts = 0
  const conflictIds: string[] = []
  const candidateOnlyIds: string[] = []
  for (let i = 0; i < candidate.n; i++) {
    const id = cIds[i]
    const j = index.get(id)
    if (j < 0) {
      const earlier = candOnlySeen.get(id)
      if (earlier !== undefined) throw duplicate(candidate, earlier, i, id)
      candOnlySeen.set(id, i)
      if (candidateOnlyIds.length < NAMED_IDS) candidateOnlyIds.push(String(id))
      continue
    }
    if (matchedBy[j] >= 0) throw duplicate(candidate, matchedBy[j], i, id)
    matchedBy[j] = i
    if (!sameTruth(i, j)) {
      conflicts++
      if (conflictIds.length < NAMED_IDS) conflictIds.push(String(id))
      continue
    }
    cand[n] = i
    base[n] = j
    n++
  }
  const baselineOnlyIds: string[] = []
  let baselineOnly = 0
  for (let j = 0; j < baseline.n; j++) {
    if (matchedBy[j] >= 0) continue
    baselineOnly++
    if (baselineOnlyIds.length < NAMED_IDS) baselineOnlyIds.push(String(bIds[j]))
  }
  return {
    n,
    cand: cand.subarray(0, n),
    base: base.subarray(0, n),
    candidateOnly: candOnlySeen.size,
    baselineOnly,
    labelConflicts: conflicts,
    candidateOnlyIds,
    baselineOnlyIds,
    conflictIds
  }
}

/**
 * Checks that a file's ids are unique (when it has ids at all). Used without a baseline, where a repeated id
 * still means a broken file.
 */
export function checkUniqueIds(file: IdRows): void {
  const ids = file.ids
  if (ids === null || strictlyIncreasing(ids)) return
  indexIds(file, ids)
}

/**
 * The first repeat pairing would meet indexing a file's ids (the rows of the id's first and second line), or null
 * when the ids are unique (`===`, as pairing compares them). Cost O(n) expected.
 * @example firstRepeat(['b', 'a', 'b', 'a']) // [0, 2]
 */
export function firstRepeat(ids: Ids): [number, number] | null {
  if (strictlyIncreasing(ids)) return null
  let found: [number, number] | null = null
  try {
    new IdIndex(ids, (first, second) => {
      found = [first, second]
      throw REPEAT
    })
  } catch (error) {
    if (error !== REPEAT) throw error
  }
  return found
}

const REPEAT = new Error('repeat')

/** The error pairing gives for the repeat at rows [first, second] of `file`'s ids ({@link firstRepeat}). */
export function repeatError(file: IdRows, [first, second]: [number, number]): InputError {
  return duplicate(file, first, second, (file.ids as Ids)[second])
}

function asText(ids: Ids): string[] {
  return ids instanceof Float64Array ? Array.from(ids, String) : ids
}

function requireIds(file: IdRows): Ids {
  if (file.ids === null) {
    throw new InputError(file.name, file.n > 0 ? file.line[0] : null, null, 'has no ids: an id on every row is needed to pair it with the other file')
  }
  return file.ids
}

function indexIds(file: IdRows, ids: Ids): IdIndex {
  return new IdIndex(ids, (first, second) => {
    throw duplicate(file, first, second, ids[second])
  })
}

function duplicate(file: IdRows, first: number, second: number, id: Key): InputError {
  return new InputError(file.name, file.line[second], file.idField, `repeats the id ${quote(String(id))} of line ${file.line[first]}`)
}

function pairInOrder(candidate: IdRows, sameTruth: SameTruth): Pairing {
  const cand = new Uint32Array(candidate.n)
  const base = new Uint32Array(candidate.n)
  const ids = candidate.ids as Ids
  let n = 0
  let conflicts = 0
  const conflictIds: string[] = []
  for (let i = 0; i < candidate.n; i++) {
    if (!sameTruth(i, i)) {
      conflicts++
      if (conflictIds.length < NAMED_IDS) conflictIds.push(idText(ids, i))
      continue
    }
    cand[n] = i
    base[n] = i
    n++
  }
  return {
    n,
    cand: cand.subarray(0, n),
    base: base.subarray(0, n),
    candidateOnly: 0,
    baselineOnly: 0,
    labelConflicts: conflicts,
    candidateOnlyIds: [],
    baselineOnlyIds: [],
    conflictIds
  }
}

/** Both lists equal element by element. */
function sameList(a: Ids, b: Ids): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * Strictly increasing in one total order: canonical integers (no leading zeros, no `-0`) first, by value;
 * then every other text by UTF-16 code unit. Equal in this order means the same text, so a strictly increasing
 * list has no repeats.
 */
function strictlyIncreasing(ids: Ids): boolean {
  if (ids instanceof Float64Array) {
    for (let i = 1; i < ids.length; i++) if (!(ids[i - 1] < ids[i])) return false
    return true
  }
  for (let i = 1; i < ids.length; i++) if (compareIds(ids[i - 1], ids[i]) >= 0) return false
  return true
}

function compareIds(a: string, b: string): number {
  const ia = canonicalInteger(a)
  const ib = canonicalInteger(b)
  if (ia !== null && ib !== null) return ia - ib
  if (ia !== null) return -1
  if (ib !== null) return 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** The value of a canonical safe integer text (`0`, `17`, `-3`), else null. */
function canonicalInteger(s: string): number | null {
  const len = s.length
  if (len === 0 || len > 15) return null
  let i = s.charCodeAt(0) === 45 ? 1 : 0
  if (i === len) return null
  const first = s.charCodeAt(i)
  if (first === 48 && (len > i + 1 || i === 1)) return null
  let v = 0
  for (; i < len; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return null
    v = v * 10 + c
  }
  return s.charCodeAt(0) === 45 ? -v : v
}

/**
 * A pairing of just these pairs (candidate rows `cand`, baseline rows `base`): a slice's pairs (docs/slices.md), with
 * nothing unpaired. Without a baseline, pass the candidate rows as both.
 */
export function pairingOf(cand: Uint32Array, base: Uint32Array): Pairing {
  return { n: cand.length, cand, base, candidateOnly: 0, baselineOnly: 0, labelConflicts: 0, candidateOnlyIds: [], baselineOnlyIds: [], conflictIds: [] }
}
