/**
 * Checks that a JSON value has the shape of a Report (docs/report.md) before it is rendered. Mode `publish` renders the
 * report a fork's run uploaded: that file is the fork's to write, so every field the renderer reads is checked
 * for its type (a string where a number belongs would otherwise reach the Markdown unescaped). Unknown fields
 * are allowed (reports may grow) and ignored. Cost: one walk over the value.
 *
 * @example asReport(JSON.parse(text), 'report.json') // the Report, or throws InputError('report.json: …')
 */
import { InputError } from '../common/errors.js'
import type { AnyReport, Report, SuitesReport } from './schema.js'

type Check = (value: unknown, path: string) => void

const fail = (path: string, what: string): never => {
  throw new Error(`${path} must be ${what}`)
}
const num: Check = (v, p) => (typeof v === 'number' && !Number.isNaN(v) ? undefined : fail(p, 'a number'))
const str: Check = (v, p) => (typeof v === 'string' ? undefined : fail(p, 'a string'))
const bool: Check = (v, p) => (typeof v === 'boolean' ? undefined : fail(p, 'true or false'))
const nullable =
  (check: Check): Check =>
  (v, p) =>
    v === null ? undefined : check(v, p)
const optional =
  (check: Check): Check =>
  (v, p) =>
    v === undefined ? undefined : check(v, p)
const oneOf =
  (...values: unknown[]): Check =>
  (v, p) =>
    values.includes(v) ? undefined : fail(p, `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`)
const array =
  (item: Check, max = 10_000_000): Check =>
  (v, p) => {
    if (!Array.isArray(v) || v.length > max) fail(p, 'an array')
    ;(v as unknown[]).forEach((x, i) => item(x, `${p}[${i}]`))
  }
const object =
  (fields: Record<string, Check>): Check =>
  (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, 'an object')
    for (const [name, check] of Object.entries(fields)) check((v as Record<string, unknown>)[name], `${p}.${name}`)
  }
const record =
  (item: Check): Check =>
  (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, 'an object')
    for (const [name, x] of Object.entries(v as Record<string, unknown>)) item(x, `${p}[${JSON.stringify(name)}]`)
  }
const pair = array(num, 2)

const metricFields = {
  candidate: nullable(num),
  baseline: nullable(num),
  delta: nullable(num),
  ci: nullable(pair),
  pValue: nullable(num),
  candidateCi: nullable(pair),
  test: nullable(str),
  direction: oneOf('higher', 'lower'),
  pValueWorse: optional(nullable(num)),
  worseBound: optional(nullable(num)),
  ciMethod: optional(nullable(str)),
  mde: optional(num),
  qValue: optional(nullable(num))
}
const metric = object(metricFields)

/** docs/slices.md (src/report/schema.ts SliceReport): field → value → slice. */
const slices = record(
  record(
    object({
      counts: object({ paired: num }),
      tested: bool,
      metrics: record(object({ ...metricFields, qValue: nullable(num) }))
    })
  )
)

const gate = object({
  rule: str,
  metric: str,
  status: oneOf('pass', 'fail', 'skip', 'inconclusive'),
  observed: optional(nullable(num)),
  pValue: optional(nullable(num)),
  bound: optional(nullable(num)),
  detail: str,
  slice: optional(object({ field: str, value: optional(str), failing: optional(array(str)) })),
  examplesNeeded: optional(nullable(num)),
  distance: optional(nullable(num)),
  materialDrop: optional(object({ change: num, threshold: num, mde: nullable(num), mdeFrom: str })),
  leaning: optional(oneOf('within', 'beyond')),
  tolerance: optional(num),
  weight: optional(num),
  toleranceTest: optional(str),
  classes: optional(object({ tested: num, failing: array(str) })),
  vs: optional(oneOf('reference'))
})

const matrix = nullable(array(array(num)))

const report = object({
  schemaVersion: oneOf(1),
  passed: bool,
  verdict: optional(oneOf('pass', 'fail', 'inconclusive', 'no-baseline')),
  task: str,
  labels: array(str),
  positiveLabel: nullable(str),
  counts: record((v, p) => (typeof v === 'object' && v !== null ? object({ candidate: num, baseline: nullable(num) })(v, p) : nullable(num)(v, p))),
  metrics: record(metric),
  confusionMatrix: optional(nullable(object({ labels: array(str), candidate: matrix, baseline: matrix }))),
  gates: array(gate),
  warnings: array(str),
  disagreement: optional(
    nullable(
      object({
        rightToWrong: num,
        wrongToRight: num,
        bothWrongDiffer: num,
        firstRegressions: array(str),
        firstImprovements: array(str)
      })
    )
  ),
  overfitting: optional(
    object({
      trainRows: num,
      testRows: num,
      ciMethod: optional(str),
      metrics: record(
        object({
          train: nullable(num),
          test: nullable(num),
          gap: nullable(num),
          ci: nullable(pair),
          trainCi: optional(nullable(pair)),
          testCi: optional(nullable(pair)),
          direction: oneOf('higher', 'lower')
        })
      )
    })
  ),
  baseline: optional(
    object({
      source: oneOf('artifact', 'file', 'none'),
      runId: nullable(num),
      runUrl: nullable(str),
      runNumber: nullable(num),
      commit: nullable(str),
      baseCommit: nullable(str),
      headCommit: nullable(str),
      relation: oneOf('same', 'behind', 'ahead', 'diverged', 'unknown'),
      behindBy: nullable(num),
      searched: optional(
        object({
          reason: oneOf('not-requested', 'no-branch', 'no-workflow', 'no-runs', 'no-artifact'),
          workflow: nullable(str),
          branch: nullable(str),
          artifactName: nullable(str),
          runsLookedAt: num,
          runs: array(object({ id: num, number: nullable(num), commit: str, url: nullable(str), why: oneOf('no-artifact', 'expired') }), 10)
        })
      ),
      createdAt: optional(nullable(str))
    })
  ),
  slices: optional(slices),
  history: optional(array(object({ runId: num, sha: str, createdAt: nullable(str), metrics: record(nullable(num)) }), 1000)),
  historySkipped: optional(object({ expired: num, missing: num, invalid: num })),
  reference: optional(object({ source: str, paired: num, metrics: record(metric) })),
  units: optional(record(oneOf('proportion', 'integer'))),
  settings: object({
    alpha: num,
    resamples: num,
    seed: num,
    version: str,
    candidate: optional(str),
    baseline: optional(nullable(str)),
    slices: optional(object({ fields: array(str), minSlice: num, metrics: array(str), disagreements: record(num) })),
    errors: optional(oneOf('wrong', 'exclude')),
    inconclusive: optional(oneOf('fail', 'pass')),
    family: optional(object({ method: str, size: num, suites: num }))
  })
})

/** The value as a Report, or an InputError naming `where` and the first field that is wrong. */
export function asReport(value: unknown, where: string): Report {
  try {
    report(value, 'report')
  } catch (error) {
    throw new InputError(where, null, null, `is not an Eval Gate report: ${(error as Error).message}`)
  }
  return value as Report
}

/** A suite or leg name (docs/suites.md): letters, digits, `-`, `_` and `.`, at most 100 characters. */
export const SUITE_NAME = /^[A-Za-z0-9._-]{1,100}$/

/** docs/suites.md: the report of several suites; each suite is checked as a whole report. */
const suitesReport = object({
  schemaVersion: oneOf(1),
  passed: bool,
  verdict: oneOf('pass', 'fail', 'inconclusive', 'no-baseline'),
  suites: (v, p) => {
    record(report)(v, p)
    for (const name of Object.keys(v as object)) if (!SUITE_NAME.test(name)) fail(`${p}[${JSON.stringify(name.slice(0, 40))}]`, 'named by letters, digits, -, _ and . only')
  },
  newSuites: array(str),
  missing: array((v, p) => (typeof v === 'string' && SUITE_NAME.test(v) ? undefined : fail(p, 'a suite name'))),
  gates: array(gate),
  warnings: array(str),
  settings: object({ version: str, mode: oneOf('suites', 'combine') })
})

/** The value as a SuitesReport (docs/suites.md), or an InputError naming `where` and the first field that is wrong. */
export function asSuitesReport(value: unknown, where: string): SuitesReport {
  try {
    suitesReport(value, 'report')
  } catch (error) {
    throw new InputError(where, null, null, `is not an Eval Gate report of suites: ${(error as Error).message}`)
  }
  return value as SuitesReport
}

/** A report of one comparison or of several suites, by whether it has `suites`; checked as that. */
export function asAnyReport(value: unknown, where: string): AnyReport {
  const hasSuites = typeof value === 'object' && value !== null && 'suites' in value
  return hasSuites ? asSuitesReport(value, where) : asReport(value, where)
}
