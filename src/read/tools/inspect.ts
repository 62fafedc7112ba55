/**
 * Inspect AI logs (docs/tools.md, Inspect): a `.eval` log (a zip: `header.json`, one `samples/<id>_epoch_<n>.json`
 * member per sample and epoch, deflated or Zstandard-compressed) or a `.json` log (one document with `eval` and
 * `samples`). One row per sample and epoch: the id is the sample's `id` (int or string), `epoch` the repeat key.
 *
 * Metrics: each scorer's `value` through Inspect's `value_to_float`: `C` → 1, `I` → 0, `P` → 0.5, `N` → 0,
 * `yes`/`true` → 1, `no`/`false` → 0, a numeric string → its number, a number or a boolean as it is; a dict value
 * gives one metric per key (`scorer.key`); a value none of these reads is not a number (an error if compared).
 * Also `total_time`, `working_time` (seconds) and `tokens` (the sum of `total_tokens` over `model_usage`), all better
 * when lower. A sample with an `error` is an error row. A log whose dataset was shuffled and whose ids are 1…n
 * (positions, not the dataset's own ids) gets a warning: such ids may not name the same example in two runs.
 *
 * Caps: each sample member at most the row limit (64 MiB), all members together at most the unpacked cap
 * (512 MiB), as the artifact reader's.
 */
import path from 'node:path'
import { InputError } from '../../common/errors.js'
import type { PredictionSource } from '../predictionFile.js'
import { bytes, maxRowBytes } from '../limits.js'
import { jsonMessage } from '../jsonl.js'
import { filesIn, headBytes, maxUnpackedBytes, readJsonDocument } from './toolSources.js'
import { NAN, parseJson } from './pythonJson.js'
import { describeValue, safeName, TableBuilder, type Place, type ToolTable } from './toolTable.js'
import { openZip } from './evalZip.js'
import { ws } from './topLevelScan.js'

/** One sample as read: where it was, and the fields used. */
interface Sample {
  where: string
  id: string | number
  epoch: number
  scores: unknown
  totalTime: unknown
  workingTime: unknown
  modelUsage: unknown
  error: string | null
}

interface Header {
  task?: string
  shuffled?: boolean
  status?: string
  scorers: string[]
}

export async function readInspect(source: PredictionSource): Promise<ToolTable> {
  const head = await headBytes(source, 4)
  const zip = head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b
  const { samples, header } = zip ? await readEvalZip(source) : await readJsonLog(source)
  return tableOf(source.name, samples, header)
}

async function readEvalZip(source: PredictionSource): Promise<{ samples: Sample[]; header: Header }> {
  const zip = await openZip(source)
  try {
    const perSample = Math.min(maxRowBytes(), maxUnpackedBytes(source))
    const cap = maxUnpackedBytes(source)
    let total = 0
    const read = async (name: string, max: number): Promise<unknown> => {
      const member = zip.members.find((m) => m.name === name) as (typeof zip.members)[number]
      if (member.size <= max && total + member.size > cap) throw new InputError(`${source.name}: ${name}`, null, null, `takes the log's members past ${bytes(cap)} unpacked: refused (a zip bomb?)`)
      const data = await zip.unpack(member, max)
      total += data.length
      try {
        return parseJson(Buffer.from(data.buffer, data.byteOffset, data.length).toString('utf8'))
      } catch (error) {
        throw new InputError(`${source.name}: ${name}`, null, null, `is not valid JSON (${jsonMessage(error)})`)
      }
    }
    const names = new Set(zip.members.map((m) => m.name))
    const header = names.has('header.json') ? headerOf(await read('header.json', perSample)) : names.has('_journal/start.json') ? headerOf(await read('_journal/start.json', perSample)) : null
    if (header === null && ![...names].some((n) => n.startsWith('samples/'))) {
      throw new InputError(source.name, null, null, 'is a zip without header.json or samples/: not an Inspect .eval log')
    }
    const samples: Sample[] = []
    for (const member of zip.members) {
      if (!/^samples\/.+\.json$/.test(member.name)) continue
      samples.push(sampleOf(await read(member.name, perSample), `${source.name}: ${member.name}`))
    }
    return { samples, header: header ?? { scorers: [] } }
  } finally {
    await zip.close()
  }
}

async function readJsonLog(source: PredictionSource): Promise<{ samples: Sample[]; header: Header }> {
  const log = await readJsonDocument(source)
  if (typeof log !== 'object' || log === null || Array.isArray(log) || !('eval' in log)) throw new InputError(source.name, null, null, 'is not an Inspect log: no "eval" object')
  const doc = log as { samples?: unknown; status?: unknown }
  const header = headerOf(log)
  if (doc.samples === undefined || doc.samples === null) throw new InputError(source.name, null, 'samples', `is missing: the log holds no samples (written with --no-log-samples?${header.status ? `; status ${header.status}` : ''})`)
  if (!Array.isArray(doc.samples)) throw new InputError(source.name, null, 'samples', 'must be a list of samples')
  return { samples: doc.samples.map((s, k) => sampleOf(s, `${source.name}: samples[${k}]`)), header }
}

function headerOf(value: unknown): Header {
  const h = (value ?? {}) as { status?: unknown; eval?: { task?: unknown; dataset?: { shuffled?: unknown }; scorers?: unknown } }
  const scorers = Array.isArray(h.eval?.scorers) ? (h.eval?.scorers as { name?: unknown }[]).map((s) => (typeof s?.name === 'string' ? s.name : '')).filter((s) => s !== '') : []
  return {
    task: typeof h.eval?.task === 'string' ? h.eval.task : undefined,
    shuffled: h.eval?.dataset?.shuffled === true,
    status: typeof h.status === 'string' ? h.status : undefined,
    scorers
  }
}

function sampleOf(value: unknown, where: string): Sample {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(where, null, null, 'must be a JSON object (one Inspect sample)')
  const s = value as Record<string, unknown>
  const id = s.id
  if (typeof id !== 'number' && typeof id !== 'string') throw new InputError(where, null, 'id', id === undefined || id === null ? 'is missing: every Inspect sample has one' : `must be a number or a string, got ${describeValue(id)}`)
  const epoch = s.epoch === undefined || s.epoch === null ? 1 : s.epoch
  if (typeof epoch !== 'number' || !Number.isInteger(epoch)) throw new InputError(where, null, 'epoch', `must be a whole number, got ${describeValue(epoch)}`)
  const error = s.error
  const message = error === undefined || error === null || error === '' ? null : typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string' ? (error as { message: string }).message || 'error' : String(error)
  return { where, id, epoch, scores: s.scores ?? (s.score !== undefined ? { score: s.score } : undefined), totalTime: s.total_time, workingTime: s.working_time, modelUsage: s.model_usage, error: message }
}

/**
 * Inspect's `value_to_float` (inspect_ai.scorer): a Score value as a number, NaN for a missing one, or a string
 * saying why it is not one.
 */
export function valueToFloat(value: unknown): number | string {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value === null || value === undefined || value === NAN) return NaN
  if (typeof value === 'string') {
    if (value === 'C') return 1
    if (value === 'I' || value === 'N') return 0
    if (value === 'P') return 0.5
    const lower = value.toLowerCase()
    if (lower === 'yes' || lower === 'true') return 1
    if (lower === 'no' || lower === 'false') return 0
    if (/^[0-9]*\.?[0-9]+$/.test(value) || /^[0-9]+\.$/.test(value)) return Number(value)
  }
  return `is not a score Inspect's value_to_float reads (C, I, P, N, yes/no, true/false, a number): ${describeValue(value)}`
}

function tableOf(name: string, samples: Sample[], header: Header): ToolTable {
  if (samples.length === 0) throw new InputError(name, null, null, `holds no samples${header.status ? ` (status ${header.status})` : ''}`)
  // In id order, then epoch (members come in completion order).
  samples.sort((a, b) => compareIds(a.id, b.id) || a.epoch - b.epoch)
  const table = new TableBuilder('inspect', name, 'id')
  const places: Place[] = []
  let anyScores = false
  for (const s of samples) {
    const i = table.row(s.id)
    places[i] = { file: s.where, line: null }
    table.setKey(i, 'epoch', s.epoch)
    if (s.error !== null) table.setError(i, s.error)
    if (s.scores !== undefined && s.scores !== null) {
      if (typeof s.scores !== 'object' || Array.isArray(s.scores)) table.setBad(i, 'scores', 'scores', `must be an object of scorer → score, got ${describeValue(s.scores)}`)
      else {
        for (const [scorer, score] of Object.entries(s.scores as Record<string, unknown>)) {
          anyScores = true
          const value = typeof score === 'object' && score !== null && !Array.isArray(score) && 'value' in score ? (score as { value: unknown }).value : score
          if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
            for (const [key, v] of Object.entries(value as Record<string, unknown>)) put(table, i, safeName(`${scorer}.${key}`), v, `scores.${scorer}.value.${key}`)
          } else put(table, i, safeName(scorer), value, `scores.${scorer}.value`)
        }
      }
    }
    if (s.totalTime !== undefined) table.set(i, 'total_time', s.totalTime)
    if (s.workingTime !== undefined) table.set(i, 'working_time', s.workingTime)
    if (typeof s.modelUsage === 'object' && s.modelUsage !== null) table.setNumber(i, 'tokens', tokens(s.modelUsage as Record<string, unknown>))
  }
  table.optional('total_time', 'working_time', 'tokens')
  if (!anyScores) table.notes.push(`${name} has no scores (an unscored log: score it with \`inspect score\`); only times and tokens can be compared`)
  if (header.status && header.status !== 'success') table.notes.push(`${name}: the log's status is ${JSON.stringify(header.status)}, not "success": it may miss samples`)
  const ids = new Set(samples.map((s) => s.id))
  if (header.shuffled && [...ids].every((id) => typeof id === 'number') && [...ids].every((id) => (id as number) >= 1 && (id as number) <= ids.size)) {
    table.notes.push(`${name}: the dataset was shuffled and its ids are the positions 1…${ids.size}: if the dataset has no ids of its own, the same id may be another example in another run (give samples explicit ids)`)
  }
  const epochs = new Set(samples.map((s) => s.epoch))
  return table.finish((row) => places[row], epochs.size > 1 || ids.size < samples.length ? 'epoch' : null)
}

function put(table: TableBuilder, i: number, name: string, value: unknown, field: string): void {
  const x = valueToFloat(value)
  if (typeof x === 'string') table.setBad(i, name, field, x)
  else table.setNumber(i, name, x)
}

/** The tokens of one sample: `total_tokens` (else input + output) summed over the models it called. */
function tokens(usage: Record<string, unknown>): number {
  let total = 0
  for (const u of Object.values(usage)) {
    if (typeof u !== 'object' || u === null) return NaN
    const r = u as Record<string, unknown>
    const t = typeof r.total_tokens === 'number' ? r.total_tokens : typeof r.input_tokens === 'number' && typeof r.output_tokens === 'number' ? r.input_tokens + r.output_tokens : NaN
    total += t
  }
  return total
}

function compareIds(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'number') return -1
  if (typeof b === 'number') return 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** The Inspect logs of a folder and its subfolders: `.eval` files, and `.json` files whose first keys are a log's. */
export async function inspectLogs(folder: string): Promise<string[]> {
  const out: string[] = []
  for (const file of await filesIn(folder, 1)) {
    const base = path.basename(file).toLowerCase()
    if (base.endsWith('.eval')) out.push(file)
    else if (base.endsWith('.json') && base !== 'listing.json') {
      const head = await headBytes({ name: file, path: file }, 4096)
      const i = ws(head, 0, head.length)
      const text = head.toString('utf8', i, Math.min(head.length, i + 400))
      if (/^\{\s*"version"\s*:\s*\d+\s*,\s*"status"\s*:/.test(text) || /^\{\s*"version"\s*:\s*\d+\s*,\s*"eval"\s*:/.test(text)) out.push(file)
    }
  }
  return out
}
