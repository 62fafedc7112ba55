/**
 * Every Eval Ever instance-level JSON Lines (docs/tools.md, EEE): one line per sample, `sample_id` (int or string)
 * its id, `sample_hash` another (`--id-field sample_hash`), and the metrics `score` and `is_correct` from its
 * `evaluation` object (named as such; `evaluation.score` and `evaluation.is_correct` name them too). A line whose
 * `error` is set is an error row.
 */
import { InputError } from '../../common/errors.js'
import type { PredictionSource } from '../predictionFile.js'
import { jsonMessage } from '../jsonl.js'
import { eachLine } from './toolSources.js'
import { parseJson } from './pythonJson.js'
import { ws } from './topLevelScan.js'
import { describeValue, TableBuilder, type ToolTable } from './toolTable.js'

export async function readEee(source: PredictionSource): Promise<ToolTable> {
  const name = source.name
  const table = new TableBuilder('eee', name, 'sample_id')
  const lines: number[] = []
  await eachLine(source, (b, start, end, lineNo) => {
    if (ws(b, start, end) === end) return
    let row: unknown
    try {
      row = parseJson(b.toString('utf8', start, end))
    } catch (error) {
      throw new InputError(name, lineNo, null, `is not valid JSON (${jsonMessage(error)})`)
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new InputError(name, lineNo, null, 'must be a JSON object (one Every Eval Ever instance)')
    const r = row as Record<string, unknown>
    const id = r.sample_id
    if (typeof id !== 'number' && typeof id !== 'string') throw new InputError(name, lineNo, 'sample_id', id === undefined || id === null ? 'is missing' : `must be a number or a string, got ${describeValue(id)}`)
    const i = table.row(id)
    lines[i] = lineNo
    table.setAltId(i, 'sample_hash', typeof r.sample_hash === 'string' ? r.sample_hash : null)
    const evaluation = r.evaluation
    if (evaluation !== undefined && evaluation !== null && (typeof evaluation !== 'object' || Array.isArray(evaluation))) {
      throw new InputError(name, lineNo, 'evaluation', `must be an object, got ${describeValue(evaluation)}`)
    }
    const e = (evaluation ?? {}) as Record<string, unknown>
    table.set(i, 'score', e.score, 'evaluation.score')
    table.set(i, 'is_correct', e.is_correct, 'evaluation.is_correct')
    const error = r.error
    if (error !== undefined && error !== null && error !== '' && error !== false) table.setError(i, typeof error === 'string' ? error : JSON.stringify(error))
  })
  if (table.n === 0) throw new InputError(name, null, null, 'is empty: no Every Eval Ever instances')
  const built = table.finish((row) => ({ file: name, line: lines[row] }))
  built.aliases = new Map([
    ['evaluation.score', 'score'],
    ['evaluation.is_correct', 'is_correct']
  ])
  return built
}
