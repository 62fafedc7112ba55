/**
 * SPEC §15 end to end: the README's DuckDB query, run for real (`@duckdb/node-api`, a devDependency), on
 * 1,000,000 paired binary rows that DuckDB writes as Parquet (`COPY … TO … (FORMAT parquet)`: SNAPPY pages,
 * row groups of 122,880 rows, BIGINT ids), with a slice column `region` (the query groups by it too). The cells
 * it writes (CSV and Parquet) give the report the two Parquet row files give, with `--slice-field region` (the
 * slices and the slice gates) and without it (the rows added up over `region`): byte-equal JSON but for the
 * file names and the first ids of `disagreement`.
 * About 10 s on the 2-core machine, most of it reading the two 10⁶-row Parquet files and pairing them.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { compare } from '../src/compare/compare.js'
import { type CompareOptions } from '../src/tasks/options.js'
import { InputError } from '../src/common/errors.js'
import { type Report } from '../src/report/schema.js'
import { DEFAULT_FIELDS } from '../src/read/predictionFile.js'

import { removeAfterAll } from './temp.js'
const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-duckdb-')))
const root = path.dirname(path.dirname(new URL(import.meta.url).pathname))
const N = 1_000_000

/** The DuckDB query of docs/scale.md (the ```sql block that starts with `-- DuckDB`). */
function readmeQuery(): string {
  const readme = readFileSync(path.join(root, 'docs/scale.md'), 'utf8')
  const block = /```sql\n(-- DuckDB[\s\S]*?)```/.exec(readme)
  if (!block) throw new Error('docs/scale.md has no ```sql block starting with -- DuckDB')
  return block[1]
}

function body(report: Report): string {
  const d = report.disagreement
  return JSON.stringify({ ...report, counts: { ...report.counts, errors: undefined }, disagreement: d ? { ...d, firstRegressions: [], firstImprovements: [] } : d, settings: { ...report.settings, candidate: null, baseline: null } }, null, 1)
}

describe('the DuckDB query of docs/scale.md', () => {
  it(`on ${N.toLocaleString('en-US')} paired rows written by DuckDB as Parquet, its cells give the rows' report`, async () => {
    const db = await DuckDBInstance.create(':memory:')
    const con = await db.connect()
    const at = (name: string): string => path.join(dir, name)
    // Deterministic rows: 30% positives; the candidate right 86% of the time, the baseline 85%, independently;
    // regions EU (50%), US (40%), APAC (10%).
    await con.run(
      `CREATE TABLE truth AS SELECT i AS id, (hash(i) % 100 < 30)::INTEGER AS label, ` +
        `CASE WHEN hash(i * 3 + 2) % 10 < 5 THEN 'EU' WHEN hash(i * 3 + 2) % 10 < 9 THEN 'US' ELSE 'APAC' END AS region FROM range(${N}) r(i)`
    )
    for (const [name, salt, hit] of [['candidate', 7, 86], ['baseline', 13, 85]] as const) {
      await con.run(
        `COPY (SELECT id, label, CASE WHEN hash(id * ${salt} + 1) % 100 < ${hit} THEN label ELSE 1 - label END AS prediction, region FROM truth ORDER BY id) ` +
          `TO '${at(`${name}.parquet`)}' (FORMAT parquet)`
      )
    }
    const query = readmeQuery().replace(/'candidate\.parquet'/g, `'${at('candidate.parquet')}'`).replace(/'baseline\.parquet'/g, `'${at('baseline.parquet')}'`)
    await con.run(query.replace(`'cells.csv'`, `'${at('cells.csv')}'`))
    await con.run(query.replace(`'cells.csv' (HEADER)`, `'${at('cells.parquet')}' (FORMAT parquet)`))
    con.closeSync()

    const options: Omit<CompareOptions, 'candidate' | 'baseline'> = {
      fields: DEFAULT_FIELDS,
      alpha: 0.05,
      resamples: 2000,
      seed: 3,
      missingBaseline: 'skip',
      gates: 'accuracy no-regression; recall no-regression; precision no-regression; f1 no-regression; accuracy no-regression by region; f1@region=APAC >= 0.7',
      multiplicity: 'westfall-young',
      sliceFields: ['region']
    }
    const rows = await compare({ ...options, candidate: { name: 'candidate.parquet', path: at('candidate.parquet') }, baseline: { name: 'baseline.parquet', path: at('baseline.parquet') } })
    const csv = await compare({ ...options, candidate: { name: 'cells.csv', path: at('cells.csv') }, baseline: null, format: 'cells' })
    const parquet = await compare({ ...options, candidate: { name: 'cells.parquet', path: at('cells.parquet') }, baseline: null, format: 'cells' })
    expect(rows.counts).toEqual({ errors: { candidate: 0, baseline: 0 }, candidate: N, baseline: N, paired: N, candidateOnly: 0, baselineOnly: 0, labelConflicts: 0 })
    // 8 (label, baseline, candidate) cells in each of 3 regions.
    expect(readFileSync(at('cells.csv'), 'utf8').trim().split('\n').length).toBe(1 + 24)
    expect(Object.keys(rows.slices?.region ?? {})).toEqual(['APAC', 'EU', 'US'])
    expect(rows.slices?.region.APAC.counts.paired).toBeGreaterThan(90_000)
    expect(rows.gates.map((g) => g.rule)).toContain('f1@region=APAC >= 0.7')
    expect(body(csv)).toBe(body(rows))
    expect(body(parquet)).toBe(body(rows))

    // Without --slice-field the cells (grouped by region too) are added up: the overall report of the row files.
    const overall = { ...options, sliceFields: undefined, gates: 'accuracy no-regression; f1 no-regression' }
    const plainRows = await compare({ ...overall, candidate: { name: 'candidate.parquet', path: at('candidate.parquet') }, baseline: { name: 'baseline.parquet', path: at('baseline.parquet') } })
    const plainCells = await compare({ ...overall, candidate: { name: 'cells.parquet', path: at('cells.parquet') }, baseline: null, format: 'cells' })
    expect(plainRows.slices).toBeUndefined()
    expect(body(plainCells)).toBe(body(plainRows))
  })

  it('DuckDB\'s Parquet types: a MAP or a struct of scores, a timestamp refused, ZSTD (Node ≥ 22.15) and LZ4 pages', async () => {
    const db = await DuckDBInstance.create(':memory:')
    const con = await db.connect()
    const at = (name: string): string => path.join(dir, name)
    const rows = `SELECT 'x' || i AS id, ['a', 'b', 'c'][i % 3 + 1] AS label, ['a', 'b', 'c'][i % 2 + 1] AS prediction FROM range(60) r(i)`
    const scores = `CASE WHEN prediction = 'a' THEN 0.8 ELSE 0.1 END AS a, CASE WHEN prediction = 'b' THEN 0.8 ELSE 0.1 END AS b, 0.1 AS c`
    await con.run(`COPY (SELECT id, label, prediction, MAP {'a': a, 'b': b, 'c': c} AS scores, now()::TIMESTAMP AS ts FROM (SELECT *, ${scores} FROM (${rows}))) TO '${at('map.parquet')}' (FORMAT parquet)`)
    await con.run(`COPY (SELECT id, label, prediction, {'a': a, 'b': b, 'c': c} AS scores FROM (SELECT *, ${scores} FROM (${rows}))) TO '${at('struct.parquet')}' (FORMAT parquet)`)
    await con.run(`COPY (SELECT id, label, prediction FROM (${rows})) TO '${at('zstd.parquet')}' (FORMAT parquet, COMPRESSION zstd)`)
    await con.run(`COPY (SELECT id, label, prediction FROM (${rows})) TO '${at('lz4.parquet')}' (FORMAT parquet, COMPRESSION lz4)`)
    await con.run(`COPY (SELECT id, label, prediction FROM (${rows})) TO '${at('plain.jsonl')}' (FORMAT json)`)
    con.closeSync()
    const options: Omit<CompareOptions, 'candidate'> = { baseline: null, fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 200, seed: 1, missingBaseline: 'skip', gates: 'accuracy >= 0' }
    const source = (name: string) => ({ name, path: at(name) })
    const map = await compare({ ...options, candidate: source('map.parquet') })
    const struct = await compare({ ...options, candidate: source('struct.parquet') })
    expect(map.metrics.log_loss.candidate).toBeGreaterThan(0)
    expect(body(map)).toBe(body(struct))
    await expect(compare({ ...options, candidate: source('map.parquet'), fields: { ...DEFAULT_FIELDS, label: 'ts' } })).rejects.toThrow(
      /^map\.parquet: row 1: field "ts" must be a string, number or boolean, got an object$/
    )
    const plain = await compare({ ...options, candidate: source('plain.jsonl') })
    const zstdReadable = typeof (await import('node:zlib') as { zstdDecompressSync?: unknown }).zstdDecompressSync === 'function'
    if (zstdReadable) expect(body(await compare({ ...options, candidate: source('zstd.parquet') }))).toBe(body(plain))
    else await expect(compare({ ...options, candidate: source('zstd.parquet') })).rejects.toThrow('zstd.parquet: uses ZSTD compression, which cannot be read on this Node.js (22.15 or later reads it)')
    const lz4 = compare({ ...options, candidate: source('lz4.parquet') })
    await expect(lz4).rejects.toThrow(InputError)
    await expect(lz4).rejects.toThrow(/^lz4\.parquet: uses LZ4(_RAW)? compression, which cannot be read: write it with SNAPPY/)
  })
})
