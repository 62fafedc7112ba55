/**
 * The reports the renderer is tested and previewed on (issue 9): compare() on the spam example, the fixtures of
 * __tests__/fixtures/render (made by make.mjs there) and oracle case-006, with and without the baseline
 * provenance the action records (SPEC §9).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { compare } from '../src/compare/compare.js'
import { type CompareOptions } from '../src/tasks/options.js'
import { benjaminiHochberg } from '../src/stats/benjaminiHochberg.js'
import { holm } from '../src/stats/holm.js'
import { readFileSync } from 'node:fs'
import { type BaselineProvenance, type GateResult, type Report, type SliceReport } from '../src/report/schema.js'
import { DEFAULT_FIELDS } from '../src/read/predictionFile.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.dirname(here)
const file = (name: string, ...parts: string[]) => ({ name, path: path.join(...parts) })
const render = (c: string, f: string) => file(`__tests__/fixtures/render/${c}/${f}`, here, 'fixtures/render', c, f)
const base: Omit<CompareOptions, 'candidate' | 'baseline'> = { fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 2000, seed: 0, missingBaseline: 'skip' }

export const RUN_URL = 'https://github.com/acme/models/actions/runs/9876543210'

/** Provenance as the action records it: run #42 built the base commit itself, or `behindBy` commits before it. */
export function provenance(relation: BaselineProvenance['relation'], behindBy: number | null = null): BaselineProvenance {
  return {
    source: 'artifact',
    runId: 9876543210,
    runUrl: RUN_URL,
    runNumber: 42,
    commit: relation === 'same' ? '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432' : '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d',
    baseCommit: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432',
    headCommit: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
    relation,
    behindBy
  }
}

/** The lead's warning for a baseline older than the base commit (src/action/main.ts adds it; its wording may differ). */
export const BEHIND_WARNING = 'The baseline was built from commit 1a2b3c4, 3 commits behind the base commit 9f8e7d6: changes merged since then are not in it.'

export type Case =
  | 'binary'
  | 'multiclass-5'
  | 'multiclass-7'
  | 'hostile'
  | 'classes-50'
  | 'no-baseline'
  | 'scores'
  | 'regression'
  | 'generation'
  | 'overfitting'
  | 'sliced'
  | 'sliced-simpson'
  | 'sliced-many'
  | 'sliced-hostile'

export const CASES: Case[] = [
  'binary',
  'multiclass-5',
  'multiclass-7',
  'hostile',
  'classes-50',
  'no-baseline',
  'scores',
  'regression',
  'generation',
  'overfitting',
  'sliced',
  'sliced-simpson',
  'sliced-many',
  'sliced-hostile'
]

/** Headline metrics of a sliced classification report (the default gates' metrics). */
const SLICE_METRICS = ['accuracy', 'precision', 'recall', 'f1']

const bytes = (rows: readonly Record<string, unknown>[]): Uint8Array => new TextEncoder().encode(rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
const parseJsonl = (text: string): Record<string, unknown>[] => text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>)

/**
 * A report with `slices` built by hand, the way SPEC §13 defines them, for the renderer: compare() on all rows,
 * then compare() on each value's rows alone (values with at least `minSlice` rows; the others listed untested),
 * keeping SLICE_METRICS, and q by Benjamini–Hochberg over every tested slice metric (src/stats, tested there).
 */
export async function slicedReport(
  candidate: readonly Record<string, unknown>[],
  baseline: readonly Record<string, unknown>[] | null,
  fields: readonly string[],
  options: { minSlice?: number; resamples?: number; names?: [string, string] } = {}
): Promise<Report> {
  const minSlice = options.minSlice ?? 30
  const [cName, bName] = options.names ?? ['candidate.jsonl', 'baseline.jsonl']
  const run = (c: readonly Record<string, unknown>[], b: readonly Record<string, unknown>[] | null) =>
    compare({ ...base, resamples: options.resamples ?? 500, candidate: { name: cName, data: bytes(c) }, baseline: b && { name: bName, data: bytes(b) } })
  const report = await run(candidate, baseline)
  const slices: NonNullable<Report['slices']> = {}
  const tested: { p: number; set: (q: number) => void }[] = []
  for (const field of fields) {
    slices[field] = {}
    const values = [...new Set(candidate.map((r) => String(r[field])))].sort()
    for (const value of values) {
      const c = candidate.filter((r) => String(r[field]) === value)
      const b = baseline && baseline.filter((r) => String(r[field]) === value)
      if (c.length < minSlice) {
        slices[field][value] = { counts: { paired: c.length }, tested: false, metrics: {} }
        continue
      }
      const one = await run(c, b)
      const metrics: SliceReport['metrics'] = {}
      for (const name of SLICE_METRICS) {
        const m = { ...one.metrics[name], qValue: null as number | null }
        metrics[name] = m
        if (m.pValue !== null && m.pValue !== undefined) tested.push({ p: m.pValue, set: (q) => (m.qValue = q) })
      }
      slices[field][value] = { counts: { paired: one.counts.paired ?? one.counts.candidate }, tested: true, metrics }
    }
  }
  benjaminiHochberg(tested.map((t) => t.p)).forEach((q, i) => tested[i].set(q))
  return { ...report, slices, settings: { ...report.settings, slices: { fields: [...fields], minSlice, metrics: SLICE_METRICS, disagreements: Object.fromEntries(fields.map((f) => [f, 0])) } } }
}

/**
 * Synthetic rows of one slice for the renderer's cases: `n` examples (3 classes) whose baseline is right on the
 * first `b` and whose candidate is right on `c` of them, shifted by `shift` rows (so some examples change both ways).
 */
export function sliceRows(field: string, value: string, n: number, b: number, c: number, shift = Math.round(n / 10)): { candidate: Record<string, unknown>[]; baseline: Record<string, unknown>[] } {
  const labels = ['billing', 'bug', 'other']
  const candidate: Record<string, unknown>[] = []
  const baseline: Record<string, unknown>[] = []
  for (let i = 0; i < n; i++) {
    const label = labels[i % 3]
    const wrongLabel = labels[(i + 1) % 3]
    const id = `${value}#${i}`
    baseline.push({ id, [field]: value, label, prediction: i < b ? label : wrongLabel })
    candidate.push({ id, [field]: value, label, prediction: (i + shift) % n < c ? label : wrongLabel })
  }
  return { candidate, baseline }
}

const concatRows = (parts: { candidate: Record<string, unknown>[]; baseline: Record<string, unknown>[] }[]) => ({
  candidate: parts.flatMap((p) => p.candidate),
  baseline: parts.flatMap((p) => p.baseline)
})

/**
 * The report with the slice rule `METRIC@FIELD=VALUE no-regression` added to its no-regression gates, as SPEC §13
 * defines it: the slice's one-sided p, Holm over it and the run's other no-regression rules (all re-adjusted).
 */
function withSliceGate(report: Report, field: string, value: string, metric: string): Report {
  const slice = report.slices?.[field]?.[value]?.metrics[metric]
  if (!slice || slice.pValueWorse === null) throw new Error('no such slice metric')
  const raw = [...report.gates.map((g) => report.metrics[g.metric].pValueWorse as number), slice.pValueWorse]
  const adjusted = holm(raw)
  const fails = (i: number, m: { delta: number | null; direction: string }) => adjusted[i] < report.settings.alpha && (m.direction === 'higher' ? (m.delta ?? 0) < 0 : (m.delta ?? 0) > 0)
  const gates: GateResult[] = report.gates.map((g, i) => ({ ...g, pValue: adjusted[i], status: fails(i, report.metrics[g.metric]) ? 'fail' : 'pass' }))
  const i = gates.length
  gates.push({
    rule: `${metric}@${field}=${value} no-regression`,
    metric,
    status: fails(i, slice) ? 'fail' : 'pass',
    observed: slice.delta,
    pValue: adjusted[i],
    bound: null,
    detail: `one-sided p on the slice ${JSON.stringify(`${field}=${value}`)}, Holm-adjusted over ${gates.length + 1} no-regression rules`,
    adjustment: 'Holm',
    slice: { field, value }
  })
  const passed = gates.every((g) => g.status !== 'fail')
  return { ...report, gates, passed, verdict: passed ? 'pass' : 'fail' }
}

/** Slice values with Markdown, HTML, mentions and a line break: each must stay one inert code span. */
export const HOSTILE_SLICES = ['<img src=x onerror=alert(1)>', '@octocat', 'a|b', '*bold* _x_', 'two\nlines', '`tick`', '#12 https://evil.example']

const example = (dir: string) => ({
  candidate: file(`examples/${dir}/candidate.jsonl`, root, 'examples', dir, 'candidate.jsonl'),
  baseline: file(`examples/${dir}/baseline.jsonl`, root, 'examples', dir, 'baseline.jsonl')
})

export async function reportFor(name: Case): Promise<Report> {
  switch (name) {
    case 'binary': {
      const r = await compare({
        ...base,
        candidate: file('examples/spam/candidate.jsonl', root, 'examples/spam/candidate.jsonl'),
        baseline: file('examples/spam/baseline.jsonl', root, 'examples/spam/baseline.jsonl'),
        positiveLabel: 'spam'
      })
      return { ...r, baseline: provenance('same') }
    }
    case 'multiclass-5':
      return compare({
        ...base,
        candidate: render('five', 'candidate.jsonl'),
        baseline: render('five', 'baseline.jsonl'),
        gates: 'accuracy no-regression; f1 no-regression; recall[bug_report] no-regression; f1_macro >= 0.75'
      })
    case 'multiclass-7': {
      const r = await compare({ ...base, candidate: render('seven', 'candidate.jsonl'), baseline: render('seven', 'baseline.jsonl') })
      return { ...r, baseline: provenance('behind', 3), warnings: [BEHIND_WARNING, ...r.warnings] }
    }
    case 'hostile': {
      const r = await compare({ ...base, candidate: render('hostile', 'candidate.jsonl'), baseline: render('hostile', 'baseline.jsonl') })
      return { ...r, settings: { ...r.settings, candidate: '/home/runner/work/<img src=x onerror=alert(1)>.jsonl', baseline: 'C:\\data\\@octocat\n\n#1 <details>.jsonl' } }
    }
    case 'classes-50': {
      const r = await compare({ ...base, resamples: 500, candidate: render('fifty', 'candidate.jsonl'), baseline: render('fifty', 'baseline.jsonl') })
      return { ...r, baseline: { ...provenance('unknown'), baseCommit: null } }
    }
    case 'scores':
      return compare({ ...base, ...example('judge'), task: 'scores', scoreMetrics: [{ name: 'judge', direction: 'higher' }, { name: 'passed', direction: 'higher' }, { name: 'latency_ms', direction: 'lower' }] })
    case 'regression':
      return compare({ ...base, ...example('house-prices'), task: 'regression' })
    case 'generation':
      return compare({ ...base, ...example('translation'), task: 'generation' })
    case 'overfitting':
      // SPEC §14: the candidate's predictions on its training set beside the test set (fixtures/overfitting).
      return compare({
        ...base,
        candidate: file('__tests__/fixtures/overfitting/candidate.jsonl', here, 'fixtures/overfitting/candidate.jsonl'),
        baseline: file('__tests__/fixtures/overfitting/baseline.jsonl', here, 'fixtures/overfitting/baseline.jsonl'),
        trainPredictions: file('__tests__/fixtures/overfitting/train.jsonl', here, 'fixtures/overfitting/train.jsonl'),
        gates: 'accuracy no-regression; accuracy train-gap <= 0.05; log_loss train-gap <= 0.5'
      })
    case 'sliced': {
      // The multilingual example: better overall, significantly worse on German; Korean (20) is below min-slice.
      const read = (f: string) => parseJsonl(readFileSync(path.join(root, 'examples/multilingual', f), 'utf8'))
      const r = await slicedReport(read('candidate.jsonl'), read('baseline.jsonl'), ['language'])
      return { ...withSliceGate(r, 'language', 'de', 'accuracy'), baseline: provenance('same') }
    }
    case 'sliced-simpson': {
      // Better overall (one big region gains 8 points) while three of the four regions lose a little.
      const rows = concatRows([
        sliceRows('region', 'na', 1200, 960, 1056),
        sliceRows('region', 'eu', 150, 120, 115),
        sliceRows('region', 'apac', 150, 120, 114),
        sliceRows('region', 'latam', 150, 120, 116)
      ])
      return slicedReport(rows.candidate, rows.baseline, ['region'])
    }
    case 'sliced-many': {
      // 24 customers, most a little worse, two significantly; two customers below min-slice; a second field.
      const parts = []
      for (let k = 0; k < 24; k++) {
        const n = 60 + 10 * k
        const b = Math.round(0.8 * n)
        const c = k === 5 || k === 17 ? Math.round(0.62 * n) : k % 4 === 3 ? b + 3 : b - 1 - (k % 5)
        parts.push(sliceRows('customer', `acme-${String(k + 1).padStart(2, '0')}`, n, b, c, k === 5 || k === 17 ? 2 : undefined))
      }
      parts.push(sliceRows('customer', 'tiny-co', 12, 10, 9), sliceRows('customer', 'small-co', 25, 20, 20))
      const rows = concatRows(parts)
      rows.candidate.forEach((r, i) => (r.channel = i % 2 ? 'email' : 'chat'))
      rows.baseline.forEach((r, i) => (r.channel = i % 2 ? 'email' : 'chat'))
      return slicedReport(rows.candidate, rows.baseline, ['customer', 'channel'], { resamples: 200 })
    }
    case 'sliced-hostile': {
      // Slice values (and a field name) from the user's file that are Markdown, HTML, mentions, a line break.
      const field = 'group|<b>'
      const rows = concatRows(HOSTILE_SLICES.map((v, k) => sliceRows(field, v, k === 6 ? 10 : 120, 96, k === 0 ? 70 : 96 - k, k === 0 ? 2 : undefined)))
      return slicedReport(rows.candidate, rows.baseline, [field])
    }
    case 'no-baseline':
      return compare({ ...base, candidate: file('case-006/candidate.csv', here, 'fixtures/oracle/case-006/candidate.csv'), baseline: null })
  }
}
