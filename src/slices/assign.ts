/**
 * Which compared examples fall in which slice (docs/slices.md). A slice field's value is read on every row of both
 * files (src/read/keys.ts: a row without it is bad input). A compared example is a pair (candidate row, baseline
 * row), or a candidate row when there is no baseline; its slice is the value on its **candidate** row. A pair
 * whose baseline row has another value is counted, and a warning gives the count per field: the candidate
 * file is the one under review, and the two files may legitimately disagree (a re-annotated metadata column).
 *
 * Cost: one pass over the compared examples per field (a counting sort into one index array), O(n + values).
 */
import { ConfigError } from '../common/errors.js'
import { labelOrder } from '../read/labels.js'
import type { Pairing } from '../pair/pairByIds.js'
import { keyColumn, type KeyColumn } from '../read/keys.js'

/** One value of a slice field and its compared examples (indices into the pairing, or candidate rows). */
export interface SliceGroup {
  value: string
  rows: Uint32Array
  /** The number of compared examples: `rows.length`, or the sum of the rows' weights (cell counts). */
  size: number
}

export interface FieldSlices {
  field: string
  /** Values with at least one compared example, in label order (src/read/labels.ts). */
  groups: SliceGroup[]
  /** Pairs whose baseline row has another value than the candidate row. */
  disagreements: number
}

export interface SliceKeys {
  candidate: readonly KeyColumn[] | undefined
  baseline: readonly KeyColumn[] | undefined | null
  /**
   * Without a pairing: how many examples each candidate row stands for (a cells file's counts, src/tasks/cellsTask.ts),
   * one weight per row; absent: one example per row. A slice's size is the sum of its rows' weights.
   */
  weights?: Float64Array
}

/**
 * The slices of each field. `pairing` null: every candidate row is an example.
 * @example sliceGroups(['region'], { candidate: [{ field: 'region', values: ['EU', 'US'], codes: Uint32Array.of(1, 0, 1) }], baseline: null }, null, 3)[0].groups
 * // [{ value: 'EU', rows: [1], size: 1 }, { value: 'US', rows: [0, 2], size: 2 }]
 */
export function sliceGroups(fields: readonly string[], keys: SliceKeys, pairing: Pairing | null, candidateRows: number): FieldSlices[] {
  return fields.map((field) => {
    const cand = keyColumn(keys.candidate, field)
    if (!cand) throw new ConfigError(`slice field ${JSON.stringify(field)} was not read from the candidate file`)
    const base = keys.baseline ? keyColumn(keys.baseline, field) : undefined
    const weights = pairing ? undefined : keys.weights
    const n = pairing ? pairing.n : weights ? weights.length : candidateRows
    const code = new Uint32Array(n)
    const sizes = new Uint32Array(cand.values.length)
    const examples = new Float64Array(cand.values.length)
    let disagreements = 0
    // Baseline code → candidate code of the same text (-1: a text the candidate never has).
    const codeOf = new Map(cand.values.map((v, c) => [v, c]))
    const toCand = base ? Int32Array.from(base.values, (v) => codeOf.get(v) ?? -1) : null
    for (let p = 0; p < n; p++) {
      const c = cand.codes[pairing ? pairing.cand[p] : p]
      code[p] = c
      sizes[c]++
      examples[c] += weights ? weights[p] : 1
      if (pairing && base && toCand && toCand[base.codes[pairing.base[p]]] !== c) disagreements++
    }
    const present = cand.values.filter((_, c) => sizes[c] > 0)
    const groups = labelOrder(present).map((value) => {
      const c = codeOf.get(value) as number
      return { value, rows: new Uint32Array(sizes[c]), size: examples[c] }
    })
    const groupOf = new Int32Array(cand.values.length).fill(-1)
    groups.forEach((g, i) => (groupOf[codeOf.get(g.value) as number] = i))
    const fill = new Uint32Array(groups.length)
    for (let p = 0; p < n; p++) {
      const g = groupOf[code[p]]
      groups[g].rows[fill[g]++] = p
    }
    return { field, groups, disagreements }
  })
}
