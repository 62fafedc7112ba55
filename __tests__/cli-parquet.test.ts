/**
 * SPEC §15 through the bundle (`node dist/cli.js`, or EVAL_GATE_CLI_BUNDLE): hyparquet is bundled by ncc and
 * reads a Parquet file; `--format cells` reads examples/spam/cells.csv. Both give the demo's verdict (exit 1 on
 * the recall regression) and the same Markdown as the JSON Lines files, but for the file names and the ids.
 * The multilingual example's cells grouped by language too, with `--slice-field language`, give its slices.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { describe, expect, it } from 'vitest'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const cli = process.env.EVAL_GATE_CLI_BUNDLE ?? path.join(root, 'dist/cli.js')
import { removeAfterAll } from './temp.js'
const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-cli-parquet-')))
const example = (model: string) => path.join(root, 'examples/spam', `${model}.jsonl`)

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function asParquet(model: string): string {
  const rows = readFileSync(example(model), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, string | number>)
  const column = (name: string, type: 'STRING' | 'DOUBLE') => ({ name, type, data: rows.map((r) => r[name]) })
  const file = path.join(dir, `${model}.parquet`)
  writeFileSync(file, new Uint8Array(parquetWriteBuffer({ columnData: [column('id', 'STRING'), column('label', 'STRING'), column('prediction', 'STRING'), column('score', 'DOUBLE')] })))
  return file
}

const names = (text: string) => text.replace(/`[^`]*\.(jsonl|parquet|csv)`/g, '`FILE`')

describe('eval-gate compare on Parquet and cell counts', () => {
  const common = ['--positive-label', 'spam', '--resamples', '2000', '--gates', 'accuracy no-regression; recall no-regression; precision no-regression; f1 no-regression']
  it('a Parquet pair gives the JSON Lines report (exit 1 on the recall regression)', () => {
    const jsonl = run('compare', '--candidate', example('candidate'), '--baseline', example('baseline'), ...common)
    const parquet = run('compare', '--candidate', asParquet('candidate'), '--baseline', asParquet('baseline'), ...common)
    expect(parquet.stderr).toBe('')
    expect(parquet.code).toBe(1)
    expect(names(parquet.stdout)).toBe(names(jsonl.stdout))
  })
  it('examples/spam/cells.csv with --format cells gives the same gates and metrics (no ids, no score metrics)', () => {
    const cells = run('compare', '--candidate', 'examples/spam/cells.csv', '--format', 'cells', ...common)
    const rows = run('compare', '--candidate', example('candidate'), '--baseline', example('baseline'), '--score-field', 'none', ...common)
    expect(cells.stderr).toBe('')
    expect(cells.code).toBe(1)
    const upToDisagreement = (text: string) => names(text.slice(0, text.lastIndexOf('\n', text.indexOf('Where the models disagree'))))
    expect(upToDisagreement(cells.stdout)).toBe(upToDisagreement(rows.stdout))
    expect(cells.stdout).toContain('<sub>Where the models disagree: 22 right → wrong, 17 wrong → right (of 600)</sub>')
  })
  it('bad input: exit 2 with the row, no stack trace; --baseline with cells is a usage error', () => {
    const file = path.join(dir, 'null.parquet')
    writeFileSync(
      file,
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            { name: 'label', type: 'STRING', data: ['a', 'b'] },
            { name: 'prediction', type: 'STRING', data: ['a', null] }
          ]
        })
      )
    )
    const bad = run('compare', '--candidate', file, '--task', 'multiclass')
    expect(bad.code).toBe(2)
    expect(bad.stderr.trim()).toBe(`eval-gate: ${file}: row 2: field "prediction" is missing`)
    const both = run('compare', '--candidate', 'examples/spam/cells.csv', '--baseline', 'examples/spam/cells.csv', '--format', 'cells')
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/--baseline \(action: baseline\) is not given: the cells file holds both models/)
  })
  it('cells grouped by language with --slice-field language: the slices, slice gates and slice Markdown of the row files', () => {
    const read = (model: string) =>
      readFileSync(path.join(root, 'examples/multilingual', `${model}.jsonl`), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; label: string; prediction: string; language: string })
    const baseline = new Map(read('baseline').map((r) => [r.id, r]))
    const counts = new Map<string, number>()
    for (const c of read('candidate')) {
      const b = baseline.get(c.id)
      if (!b || b.label !== c.label) continue
      const key = [c.label, b.prediction, c.prediction, c.language].join(',')
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    const cellsFile = path.join(dir, 'multilingual-cells.csv')
    writeFileSync(cellsFile, ['label,baseline,candidate,language,count', ...[...counts].map(([key, n]) => `${key},${n}`)].join('\n') + '\n')
    const sliced = ['--slice-field', 'language', '--resamples', '2000', '--gates', 'accuracy no-regression; accuracy no-regression by language; f1_macro@language=fr >= 0.5']
    const rowsJson = path.join(dir, 'ml-rows.json')
    const cellsJson = path.join(dir, 'ml-cells.json')
    const rows = run('compare', '--candidate', path.join(root, 'examples/multilingual/candidate.jsonl'), '--baseline', path.join(root, 'examples/multilingual/baseline.jsonl'), ...sliced, '--json', rowsJson)
    const cells = run('compare', '--candidate', cellsFile, '--format', 'cells', ...sliced, '--json', cellsJson)
    expect(cells.stderr).toBe('')
    expect(cells.code).toBe(rows.code)
    const a = JSON.parse(readFileSync(rowsJson, 'utf8'))
    const b = JSON.parse(readFileSync(cellsJson, 'utf8'))
    expect(Object.keys(a.slices.language)).toEqual(['de', 'en', 'es', 'fr', 'ja', 'ko'])
    expect(a.gates.find((g: { rule: string }) => g.rule === 'accuracy no-regression by language').status).toBe('fail')
    expect(b.slices).toEqual(a.slices)
    expect(b.gates).toEqual(a.gates)
    expect(b.settings.slices).toEqual(a.settings.slices)
    // From the slices' section to the disagreement line (cells have no ids) and the footer (file names).
    const slicesSection = (text: string) => text.slice(text.indexOf('#### Slices'), text.lastIndexOf('\n', text.indexOf('Where the models disagree')))
    expect(slicesSection(cells.stdout)).toContain('language=de')
    expect(slicesSection(cells.stdout)).toBe(slicesSection(rows.stdout))
  })
})
