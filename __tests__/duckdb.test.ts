/**
 * SPEC §15 end to end: the README's DuckDB query, run for real (`@duckdb/node-api`, a devDependency), on
 * 1,000,000 paired binary rows that DuckDB writes as Parquet (`COPY … TO … (FORMAT parquet)`: SNAPPY pages,
 * row groups of 122,880 rows, BIGINT ids). The cells it writes (CSV and Parquet) give the report the two Parquet
 * row files give: byte-equal JSON but for the file names and the first ids of `disagreement`.
 * About 10 s on the 2-core machine, most of it reading the two 10⁶-row Parquet files and pairing them.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { compare, type CompareOptions } from '../src/compare.js'
import { DEFAULT_FIELDS, type Report } from '../src/types.js'

const dir = mkdtempSync(path.join(tmpdir(), 'eval-gate-duckdb-'))
const root = path.dirname(path.dirname(new URL(import.meta.url).pathname))
const N = 1_000_000

/** The README's DuckDB query (the ```sql block that starts with `-- DuckDB`). */
function readmeQuery(): string {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  const block = /```sql\n(-- DuckDB[\s\S]*?)```/.exec(readme)
  if (!block) throw new Error('README.md has no ```sql block starting with -- DuckDB')
  return block[1]
}

function body(report: Report): string {
  const d = report.disagreement
  return JSON.stringify({ ...report, disagreement: d ? { ...d, firstRegressions: [], firstImprovements: [] } : d, settings: { ...report.settings, candidate: null, baseline: null } }, null, 1)
}

describe('the README\'s DuckDB query (SPEC §15)', () => {
  it(`on ${N.toLocaleString('en-US')} paired rows written by DuckDB as Parquet, its cells give the rows' report`, async () => {
    const db = await DuckDBInstance.create(':memory:')
    const con = await db.connect()
    const at = (name: string): string => path.join(dir, name)
    // Deterministic rows: 30% positives; the candidate right 86% of the time, the baseline 85%, independently.
    await con.run(`CREATE TABLE truth AS SELECT i AS id, (hash(i) % 100 < 30)::INTEGER AS label FROM range(${N}) r(i)`)
    for (const [name, salt, hit] of [['candidate', 7, 86], ['baseline', 13, 85]] as const) {
      await con.run(
        `COPY (SELECT id, label, CASE WHEN hash(id * ${salt} + 1) % 100 < ${hit} THEN label ELSE 1 - label END AS prediction FROM truth ORDER BY id) ` +
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
      gates: 'accuracy no-regression; recall no-regression; precision no-regression; f1 no-regression',
      multiplicity: 'westfall-young'
    }
    const rows = await compare({ ...options, candidate: { name: 'candidate.parquet', path: at('candidate.parquet') }, baseline: { name: 'baseline.parquet', path: at('baseline.parquet') } })
    const csv = await compare({ ...options, candidate: { name: 'cells.csv', path: at('cells.csv') }, baseline: null, format: 'cells' })
    const parquet = await compare({ ...options, candidate: { name: 'cells.parquet', path: at('cells.parquet') }, baseline: null, format: 'cells' })
    expect(rows.counts).toEqual({ candidate: N, baseline: N, paired: N, candidateOnly: 0, baselineOnly: 0, labelConflicts: 0 })
    expect(readFileSync(at('cells.csv'), 'utf8').trim().split('\n').length).toBe(1 + 8)
    expect(body(csv)).toBe(body(rows))
    expect(body(parquet)).toBe(body(rows))
  })
})
