/**
 * SPEC §15 with SPEC §13: a cells file with slice columns (`GROUP BY label, baseline, candidate, region, tier`)
 * read with `--slice-field` gives the slice report and the slice gates of the row files it was counted from (the
 * GROUP BY done here in JavaScript): byte-equal JSON but for the file names in `settings` and the first ids of
 * `disagreement`, which cells do not have. Binary and multiclass, two slice fields (one of strings, one of
 * numbers), a slice under `--min-slice`, the 200-slice cap, cells as CSV, TSV, JSON Lines, a JSON array and Parquet. Then the
 * reading rules: a missing slice value or column, a repeated cell with its slice values, and a file grouped by
 * more columns than are read (rows added up).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { describe, expect, it } from 'vitest'
import { compare } from '../src/compare/compare.js'
import { type CompareOptions } from '../src/tasks/options.js'
import { ConfigError } from '../src/common/errors.js'
import { type Report } from '../src/report/schema.js'
import { DEFAULT_FIELDS, type PredictionSource } from '../src/read/predictionFile.js'
import { generator, inputError, cellsBody } from './support.js'

import { removeAfterAll } from './temp.js'
const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-cells-slices-')))

type Row = { id: string; label: unknown; prediction: unknown; region: string; tier: number }
type Cell = { label: unknown; baseline: unknown; candidate: unknown; region: string; tier: number; count: number }

function write(name: string, text: string | Uint8Array): PredictionSource {
  const p = path.join(dir, name)
  writeFileSync(p, text)
  return { name, path: p }
}

const jsonl = (name: string, rows: object[]): PredictionSource => write(name, rows.map((r) => JSON.stringify(r)).join('\n') + '\n')

/**
 * The GROUP BY of SPEC §15 with the slice columns, in JavaScript: (label, baseline, candidate, …by) → count over
 * the rows paired by id (the candidate's slice values), last cell first. `by` defaults to both slice fields.
 */
function groupBy(candidate: Row[], baseline: Row[], by: readonly ('region' | 'tier')[] = ['region', 'tier']): Cell[] {
  const byId = new Map(baseline.map((r) => [r.id, r]))
  const cells = new Map<string, Cell>()
  for (const c of candidate) {
    const b = byId.get(c.id) as Row
    const key = JSON.stringify([c.label, b.prediction, c.prediction, ...by.map((f) => c[f])])
    const cell = cells.get(key)
    if (cell) cell.count++
    else cells.set(key, { label: c.label, baseline: b.prediction, candidate: c.prediction, region: c.region, tier: c.tier, count: 1 })
  }
  return [...cells.values()].reverse()
}

const csv = (name: string, cells: Cell[], by: readonly ('region' | 'tier')[] = ['region', 'tier']): PredictionSource =>
  write(name, [['label', 'baseline', 'candidate', ...by, 'count'].join(','), ...cells.map((c) => [c.label, c.baseline, c.candidate, ...by.map((f) => c[f]), c.count].map(String).join(','))].join('\n') + '\n')

function parquetCells(name: string, cells: Cell[]): PredictionSource {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'label', type: 'STRING', data: cells.map((c) => String(c.label)) },
      { name: 'baseline', type: 'STRING', data: cells.map((c) => String(c.baseline)) },
      { name: 'candidate', type: 'STRING', data: cells.map((c) => String(c.candidate)) },
      { name: 'region', type: 'STRING', data: cells.map((c) => c.region) },
      { name: 'tier', type: 'INT32', data: cells.map((c) => c.tier) },
      { name: 'count', type: 'INT64', data: cells.map((c) => BigInt(c.count)) }
    ],
    rowGroupSize: 40
  })
  return write(name, new Uint8Array(buffer))
}

const base: Omit<CompareOptions, 'candidate' | 'baseline'> = { fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 1000, seed: 17, missingBaseline: 'skip', sliceFields: ['region', 'tier'], minSlice: 30 }
const cellsOptions = (candidate: PredictionSource, extra: Partial<CompareOptions> = {}): CompareOptions => ({ ...base, ...extra, candidate, baseline: null, format: 'cells' })
const rowOptions = (candidate: PredictionSource, baseline: PredictionSource, extra: Partial<CompareOptions> = {}): CompareOptions => ({ ...base, ...extra, candidate, baseline })


/**
 * n examples over `labels`; regions EU (about half), US, and 20 examples in APAC (under --min-slice 30); tiers 1,
 * 2, 3 (numbers). In the US the candidate is worse than the baseline (pc − 0.3), elsewhere better.
 */
function generated(n: number, labels: readonly unknown[], pc: number, pb: number, seed: number): { candidate: Row[]; baseline: Row[] } {
  const r = generator(seed)
  const k = labels.length
  const candidate: Row[] = []
  const baseline: Row[] = []
  for (let i = 0; i < n; i++) {
    const t = Math.floor(r() * r() * k)
    const region = i < 20 ? 'APAC' : r() < 0.5 ? 'EU' : 'US'
    const tier = 1 + Math.floor(r() * 3)
    const guess = (p: number): unknown => labels[r() < p ? t : Math.floor(r() * k)]
    const c = guess(region === 'US' ? pc - 0.3 : pc)
    candidate.push({ id: `e${i}`, label: labels[t], prediction: c, region, tier })
    baseline.push({ id: `e${i}`, label: labels[t], prediction: guess(pb), region, tier })
  }
  // Row order should not matter: the baseline file in another order.
  return { candidate, baseline: baseline.reverse() }
}

describe('--format cells with --slice-field gives the slice report and slice gates of the row files (SPEC §13, §15)', () => {
  it('binary, slices of region (APAC under --min-slice) and tier (numbers), cells as CSV, TSV, JSON Lines, a JSON array and Parquet', async () => {
    const { candidate, baseline } = generated(1500, [0, 1], 0.82, 0.8, 5)
    const gates = 'accuracy no-regression; f1 no-regression; accuracy no-regression by region; recall no-regression by tier; accuracy@region=EU >= 0.7; f1@tier=2 no-regression'
    const rows = await compare(rowOptions(jsonl('bin-cand.jsonl', candidate), jsonl('bin-base.jsonl', baseline), { gates }))
    const cells = groupBy(candidate, baseline)
    const fromCsv = await compare(cellsOptions(csv('bin-cells.csv', cells), { gates }))
    const fromJsonl = await compare(cellsOptions(jsonl('bin-cells.jsonl', cells), { gates }))
    const fromParquet = await compare(cellsOptions(parquetCells('bin-cells.parquet', cells), { gates }))
    const fromJson = await compare(cellsOptions(write('bin-cells.json', JSON.stringify(cells)), { gates }))
    const fromTsv = await compare(cellsOptions(write('bin-cells.tsv', [['label', 'baseline', 'candidate', 'region', 'tier', 'count'], ...cells.map((c) => [c.label, c.baseline, c.candidate, c.region, c.tier, c.count])].map((r) => r.join('\t')).join('\n')), { gates }))

    // The comparison is not empty: slices tested, one listed untested, slice gates named and evaluated.
    const slices = rows.slices as NonNullable<Report['slices']>
    expect(Object.keys(slices.region)).toEqual(['APAC', 'EU', 'US'])
    expect(Object.keys(slices.tier)).toEqual(['1', '2', '3'])
    expect(slices.region.APAC).toEqual({ counts: { paired: 20 }, tested: false, metrics: {} })
    expect(slices.region.EU.tested).toBe(true)
    expect(slices.region.US.metrics.accuracy.delta).toBeLessThan(-0.05)
    expect(slices.region.US.metrics.accuracy.qValue).not.toBeNull()
    expect(rows.gates.map((g) => g.rule)).toContain('accuracy no-regression by region')
    expect(rows.gates.find((g) => g.rule === 'accuracy no-regression by region')?.status).toBe('fail')
    expect(rows.warnings).toContain('Slices of region: 1 of 3 values have fewer than 30 compared examples and are listed but not tested (--min-slice 30).')
    expect(cells.length).toBeGreaterThan(8) // cells split by the slice values: more rows than (t, b, c) triples

    expect(cellsBody(fromCsv)).toBe(cellsBody(rows))
    expect(cellsBody(fromJsonl)).toBe(cellsBody(rows))
    expect(cellsBody(fromParquet)).toBe(cellsBody(rows))
    expect(cellsBody(fromJson)).toBe(cellsBody(rows))
    expect(cellsBody(fromTsv)).toBe(cellsBody(rows))
  })

  it('multiclass (4 string classes), per-class and macro slice gates, cells as CSV and Parquet', async () => {
    const labels = ['cat', 'dog', 'bird', 'fish']
    const { candidate, baseline } = generated(2000, labels, 0.75, 0.72, 9)
    const gates = 'accuracy no-regression; f1_macro no-regression by region; recall[dog]@region=EU no-regression; accuracy no-regression by tier; cohen_kappa@tier=3 >= 0.3'
    const rows = await compare(rowOptions(jsonl('mc-cand.jsonl', candidate), jsonl('mc-base.jsonl', baseline), { gates, multiplicity: 'westfall-young' }))
    expect(rows.task).toBe('multiclass')
    const cells = groupBy(candidate, baseline)
    const fromCsv = await compare(cellsOptions(csv('mc-cells.csv', cells), { gates, multiplicity: 'westfall-young' }))
    const fromParquet = await compare(cellsOptions(parquetCells('mc-cells.parquet', cells), { gates, multiplicity: 'westfall-young' }))
    expect(Object.keys((rows.slices as NonNullable<Report['slices']>).region.EU.metrics)).toContain('recall[dog]')
    expect(rows.gates.some((g) => g.rule === 'f1_macro no-regression by region')).toBe(true)
    expect(cellsBody(fromCsv)).toBe(cellsBody(rows))
    expect(cellsBody(fromParquet)).toBe(cellsBody(rows))
  })

  it('the 200-slice cap: the same slices tested (by their summed counts) and the same warnings', async () => {
    // 205 values of `bucket`, 2 to 8 examples each; --min-slice 2 makes every one eligible.
    const r = generator(21)
    const candidate: Row[] = []
    const baseline: Row[] = []
    let i = 0
    for (let v = 0; v < 205; v++) {
      for (let j = 0; j < 2 + (v % 7); j++, i++) {
        const t = r() < 0.4 ? 1 : 0
        candidate.push({ id: `e${i}`, label: t, prediction: r() < 0.8 ? t : 1 - t, region: `b${v}`, tier: 1 })
        baseline.push({ id: `e${i}`, label: t, prediction: r() < 0.78 ? t : 1 - t, region: `b${v}`, tier: 1 })
      }
    }
    const extra = { sliceFields: ['region'], minSlice: 2, resamples: 50, gates: 'accuracy no-regression' }
    const rows = await compare(rowOptions(jsonl('cap-cand.jsonl', candidate), jsonl('cap-base.jsonl', baseline), extra))
    const fromCsv = await compare(cellsOptions(csv('cap-cells.csv', groupBy(candidate, baseline, ['region']), ['region']), extra))
    const slices = (rows.slices as NonNullable<Report['slices']>).region
    expect(Object.values(slices).filter((s) => s.tested)).toHaveLength(200)
    expect(rows.warnings).toContain('205 slices have at least 2 compared examples; the 200 largest are tested (at most 200 per run), the others listed untested.')
    expect(cellsBody(fromCsv)).toBe(cellsBody(rows))
  })
})

describe('--format cells: reading slice columns', () => {
  const header = 'label,baseline,candidate,region,count'
  it('a missing slice value names file, line and field as for prediction rows; a missing column names the file and field', async () => {
    const opts = { sliceFields: ['region'] }
    expect(await inputError(compare(cellsOptions(write('empty-slice.csv', `${header}\n1,1,1,EU,5\n1,0,1, ,2\n`), opts)))).toBe(
      'empty-slice.csv:3: field "region" is missing (the slice field): every row needs it'
    )
    // The rows path says the same of a prediction row.
    const good = jsonl('slice-base.jsonl', [{ id: 'a', label: 1, prediction: 1, region: 'EU' }])
    expect(await inputError(compare(rowOptions(write('empty-slice-rows.csv', 'id,label,prediction,region\na,1,1, \n'), good, opts)))).toBe(
      'empty-slice-rows.csv:2: field "region" is missing (the slice field): every row needs it'
    )
    expect(await inputError(compare(cellsOptions(jsonl('null-slice.jsonl', [{ label: 1, baseline: 1, candidate: 1, region: 'EU', count: 1 }, { label: 1, baseline: 1, candidate: 0, region: null, count: 0 }]), opts)))).toBe(
      'null-slice.jsonl:2: field "region" is missing (the slice field): every row needs it'
    )
    expect(await inputError(compare(cellsOptions(jsonl('no-slice-key.jsonl', [{ label: 1, baseline: 1, candidate: 1, count: 1 }]), opts)))).toBe(
      'no-slice-key.jsonl:1: field "region" is missing (the slice field): every row needs it'
    )
    expect(await inputError(compare(cellsOptions(write('no-slice-col.csv', 'label,baseline,candidate,count\n1,1,1,5\n'), opts)))).toBe(
      'no-slice-col.csv:1: field "region" is missing from the header (columns: label, baseline, candidate, count)'
    )
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'label', type: 'STRING', data: ['a'] },
        { name: 'baseline', type: 'STRING', data: ['a'] },
        { name: 'candidate', type: 'STRING', data: ['a'] },
        { name: 'count', type: 'INT64', data: [3n] }
      ]
    })
    expect(await inputError(compare(cellsOptions(write('no-slice-col.parquet', new Uint8Array(buffer)), opts)))).toBe(
      'no-slice-col.parquet: field "region" is missing from the columns (columns: label, baseline, candidate, count)'
    )
  })

  it('--slice-field count is a ConfigError: it names the counts', async () => {
    const run = compare(cellsOptions(write('count-slice.csv', 'label,baseline,candidate,count\n1,1,1,5\n'), { sliceFields: ['count'] }))
    await expect(run).rejects.toBeInstanceOf(ConfigError)
    await expect(run).rejects.toThrow('--format cells (action: format: cells): --slice-field count (action: slice-fields) names the column of the counts, not a slice column of the cells file')
  })

  it('a repeated cell with the same slice values names both lines; the same cell in two slices is two cells', async () => {
    const opts = { sliceFields: ['region'] }
    expect(await inputError(compare(cellsOptions(write('dup-slice.csv', `${header}\n1,0,1,EU,5\n1,0,1,US,2\n0,0,0,EU,1\n1,0,1,EU,3\n`), opts)))).toBe(
      'dup-slice.csv:5: repeats the cell (label "1", baseline "0", candidate "1", region "EU") of line 2: a GROUP BY gives each cell once; add the counts up in one row ' +
        '(a file with a column besides "label", "baseline", "candidate", "count", "region" is read as grouped by it too, and then such rows are added up)'
    )
    // A number and its text are one slice value, as on prediction rows.
    expect(await inputError(compare(cellsOptions(jsonl('dup-num.jsonl', [{ label: 1, baseline: 0, candidate: 1, region: 7, count: 1 }, { label: 1, baseline: 0, candidate: 1, region: '7', count: 2 }]), opts)))).toMatch(
      /^dup-num\.jsonl:2: repeats the cell \(label "1", baseline "0", candidate "1", region "7"\) of line 1:/
    )
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'label', type: 'STRING', data: ['a', 'b', 'a'] },
        { name: 'baseline', type: 'STRING', data: ['a', 'b', 'a'] },
        { name: 'candidate', type: 'STRING', data: ['b', 'b', 'b'] },
        { name: 'region', type: 'STRING', data: ['EU', 'EU', 'EU'] },
        { name: 'count', type: 'INT64', data: [3n, 1n, 2n] }
      ]
    })
    expect(await inputError(compare(cellsOptions(write('dup-slice.parquet', new Uint8Array(buffer)), opts)))).toMatch(
      /^dup-slice\.parquet: row 3: repeats the cell \(label "a", baseline "a", candidate "b", region "EU"\) of row 1:/
    )
    const report = await compare(cellsOptions(write('two-slices.csv', `${header}\n1,0,1,EU,5\n1,0,1,US,2\n0,0,0,EU,4\n`), { ...opts, minSlice: 1, resamples: 20 }))
    expect(report.counts.paired).toBe(11)
    expect(report.disagreement?.wrongToRight).toBe(7)
    expect(report.confusionMatrix?.candidate).toEqual([[4, 0], [0, 7]])
    expect(report.slices?.region.EU.counts.paired).toBe(9)
    expect(report.slices?.region.US.counts.paired).toBe(2)
  })

  it('a file grouped by more columns than are read has its rows added up: the report of the row files without those slices', async () => {
    const { candidate, baseline } = generated(900, [0, 1], 0.8, 0.77, 13)
    const cells = groupBy(candidate, baseline)
    expect(cells.length).toBeGreaterThan(groupBy(candidate, baseline, []).length)
    const gates = 'accuracy no-regression; accuracy no-regression by region'
    // Read with --slice-field region only: the tier column is summed over.
    const byRegion = await compare(rowOptions(jsonl('more-cand.jsonl', candidate), jsonl('more-base.jsonl', baseline), { sliceFields: ['region'], gates }))
    expect(cellsBody(await compare(cellsOptions(csv('more.csv', cells), { sliceFields: ['region'], gates })))).toBe(cellsBody(byRegion))
    // Read without --slice-field: both columns summed over (CSV, JSON Lines and Parquet know the other columns).
    const plain = await compare(rowOptions(jsonl('more-cand.jsonl', candidate), jsonl('more-base.jsonl', baseline), { sliceFields: undefined }))
    expect(plain.slices).toBeUndefined()
    for (const file of [csv('more2.csv', cells), jsonl('more2.jsonl', cells), parquetCells('more2.parquet', cells)]) {
      expect(cellsBody(await compare(cellsOptions(file, { sliceFields: undefined })))).toBe(cellsBody(plain))
    }
    // JSON Lines whose other key is on some rows only (a line of the plain reader too, with an escape): still added up.
    const some = jsonl('some-keys.jsonl', [
      { label: 1, baseline: 0, candidate: 1, count: 2 },
      { label: 0, baseline: 0, candidate: 0, count: 4 },
      { label: 1, baseline: 0, candidate: 1, count: 3, 'note\n': 'x' }
    ])
    const summed = await compare(cellsOptions(some, { sliceFields: undefined, resamples: 20 }))
    expect(summed.confusionMatrix?.candidate).toEqual([[4, 0], [0, 5]])
  })
})
