/**
 * Several suites in one run (docs/suites.md): one comparison per suite (a test set, a task), one report, one verdict.
 *
 * - Gates: a rule that starts with `SUITE:` applies to that suite only; every other rule applies to every suite.
 * - One multiplicity family: every suite's comparison runs up to its gates (src/compare/compare.ts, the `family`
 *   hook of CompareOptions) and hands over the raw one-sided p-values of its no-regression hypotheses; once every
 *   suite has, they are Holm-adjusted together and each suite evaluates its gates with its share of the adjusted
 *   values. The suites run at the same time (each waits for the others at that point), so the statistics of no
 *   suite are computed twice.
 * - A suite without a baseline counterpart is compared alone and listed in `newSuites`, never dropped.
 *
 * Pure: no GitHub code; the CLI and the action name the suites and their files.
 */
import { ConfigError, quote } from '../common/errors.js'
import { VERSION } from '../common/version.js'
import { splitRules } from '../gates/rules.js'
import type { PredictionSource } from '../read/predictionFile.js'
import type { GateResult, Report, SuitesReport } from '../report/schema.js'
import { SUITE_NAME } from '../report/validate.js'
import { holm } from '../stats/holm.js'
import { weightedHolm } from '../stats/weightedHolm.js'
import type { CompareOptions } from '../tasks/options.js'
import { compare } from './compare.js'

/** One suite of a run: its name and its two files (baseline null: the suite is new). */
export interface SuiteInput {
  name: string
  candidate: PredictionSource
  baseline: PredictionSource | null
  /** Why there is no baseline, for the warning of a new suite (`no file spam.jsonl in --baseline-dir base/`). */
  whyNew?: string
  /** Said first among this suite's own warnings: how its files were paired when it is not plain (docs/tools.md, promptfoo). */
  notes?: string[]
  /**
   * Warnings on the suites as a set, shown once above them whichever suite carries them: a task or column of the
   * baseline that no suite compares (docs/suites.md).
   */
  setWarnings?: string[]
}

/** The options every suite shares: everything but its files, its gates and the family hook. */
export type SharedOptions = Omit<CompareOptions, 'candidate' | 'baseline' | 'gates' | 'family'>

/**
 * Checks suite names (docs/suites.md): each plain (letters, digits, `-`, `_`, `.`) and none twice. `option` names the
 * option or input in the message (`--suite`, `input "predictions"`).
 * @example checkSuiteNames(['spam', 'spam'], '--suite') // throws ConfigError('--suite: two suites are named "spam" …')
 */
export function checkSuiteNames(names: readonly string[], option: string): void {
  const seen = new Set<string>()
  for (const name of names) {
    if (!SUITE_NAME.test(name)) throw new ConfigError(`${option}: the suite name ${quote(name, 100)} is not a plain name (letters, digits, -, _ and . only, at most 100)`)
    if (seen.has(name)) throw new ConfigError(`${option}: two suites are named ${quote(name)}; give each suite its own name`)
    seen.add(name)
  }
}

/**
 * The gates of each suite: rules (split as docs/gates.md splits them) that start with `SUITE:` go to that suite alone,
 * the others to every suite. Undefined text: every suite takes its task's default gates. A prefix that names no suite
 * is a ConfigError naming `option`. Cost O(length).
 * @example gatesBySuite('spam: recall no-regression; f1 >= 0.8', ['spam', 'intents'], '--gates')
 * // Map { spam → 'recall no-regression\nf1 >= 0.8', intents → 'f1 >= 0.8' }
 */
export function gatesBySuite(text: string | undefined, names: readonly string[], option: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>(names.map((n) => [n, text === undefined ? undefined : '']))
  if (text === undefined) return out
  const lines = new Map<string, string[]>(names.map((n) => [n, []]))
  for (const rule of splitRules(text)) {
    const m = /^([A-Za-z0-9._-]+):\s*([\s\S]*)$/.exec(rule)
    if (!m) {
      for (const n of names) lines.get(n)?.push(rule)
      continue
    }
    const target = lines.get(m[1])
    if (!target) throw new ConfigError(`${option}: the rule ${quote(rule, 120)} names the suite ${quote(m[1])}, which is not one of ${names.map((n) => quote(n)).join(', ')}`)
    if (m[2].trim() === '') throw new ConfigError(`${option}: the rule ${quote(rule, 120)} names a suite but no rule`)
    target.push(m[2].trim())
  }
  for (const n of names) out.set(n, (lines.get(n) as string[]).join('\n'))
  return out
}

/**
 * Compares every suite and gives the report of all (docs/suites.md). Errors: the first user error of a suite in suite
 * order (a gate error prefixed with the suite's name); nothing is reported then.
 */
export async function compareSuites(suites: readonly SuiteInput[], shared: SharedOptions, gates: string | undefined, option: string): Promise<SuitesReport> {
  checkSuiteNames(suites.map((s) => s.name), option)
  if (suites.length === 0) throw new ConfigError(`${option}: no suite to compare`)
  const bySuite = gatesBySuite(gates, suites.map((s) => s.name), option)
  const family = familyBarrier(suites.length, shared.multiplicity)
  const settled = await Promise.allSettled(
    suites.map((suite, i) =>
      compare({ ...shared, candidate: suite.candidate, baseline: suite.baseline, gates: bySuite.get(suite.name), family: family.join(i) }).finally(() => family.leave(i))
    )
  )
  settled.forEach((s, i) => {
    if (s.status === 'fulfilled') return
    const error = s.reason as unknown
    if (error instanceof ConfigError) throw new ConfigError(`suite ${quote(suites[i].name)}: ${error.message}`)
    throw error
  })
  const reports: Record<string, Report> = {}
  const size = family.size()
  suites.forEach((suite, i) => {
    const report = (settled[i] as PromiseFulfilledResult<Report>).value
    report.settings.family = { method: family.method(), size, suites: suites.length }
    if (suite.notes?.length) report.warnings.unshift(...suite.notes)
    reports[suite.name] = report
  })
  const warnings: string[] = []
  const fresh = suites.filter((s) => s.baseline === null)
  for (const s of fresh) warnings.push(`Suite "${s.name}" has no baseline counterpart${s.whyNew ? ` (${s.whyNew})` : ''}: compared alone and reported as new.`)
  for (const s of suites) for (const w of s.setWarnings ?? []) if (!warnings.includes(w)) warnings.push(w)
  if (gates !== undefined) {
    for (const s of suites) if (bySuite.get(s.name) === '') warnings.push(`Suite "${s.name}" has no gate: every rule of the gates names another suite.`)
  }
  return assembleSuites(reports, {
    newSuites: fresh.map((s) => s.name),
    missing: [],
    warnings,
    mode: 'suites',
    family: { method: family.method(), size }
  })
}

/**
 * The report of several suites from their reports (docs/suites.md): the verdict is `fail` when any suite failed or a
 * leg is missing, else `inconclusive` when any suite is, `no-baseline` when no suite had a baseline, else `pass`; `passed` is every suite's `passed` and no leg
 * missing; the gates are every suite's, prefixed with its name.
 */
export function assembleSuites(
  suites: Record<string, Report>,
  extra: { newSuites: string[]; missing: string[]; warnings: string[]; mode: 'suites' | 'combine'; family?: { method: string; size: number } }
): SuitesReport {
  const reports = Object.entries(suites)
  const verdicts = reports.map(([, r]) => r.verdict ?? (r.passed ? 'pass' : 'fail'))
  // Nothing compared in any suite is no pass either (docs/gates.md); a suite without a baseline beside compared ones is new.
  const verdict: SuitesReport['verdict'] =
    extra.missing.length > 0 || verdicts.includes('fail')
      ? 'fail'
      : verdicts.includes('inconclusive')
        ? 'inconclusive'
        : verdicts.length > 0 && verdicts.every((v) => v === 'no-baseline')
          ? 'no-baseline'
          : 'pass'
  const gates: GateResult[] = reports.flatMap(([name, r]) => r.gates.map((g) => ({ ...g, rule: `${name}: ${g.rule}` })))
  return {
    schemaVersion: 1,
    passed: extra.missing.length === 0 && reports.every(([, r]) => r.passed),
    verdict,
    suites,
    newSuites: extra.newSuites,
    missing: extra.missing,
    gates,
    warnings: extra.warnings,
    settings: { version: VERSION, mode: extra.mode, ...(extra.family ? { family: extra.family } : {}) }
  }
}

/**
 * The meeting point of the suites' comparisons: each hands over its raw one-sided p-values (`join(i)`, the family hook
 * of CompareOptions) or leaves without (`leave(i)`: it failed, or finished); when every suite has done one or the
 * other, all raw values are Holm-adjusted as one family (weighted Holm when a rule has a `weight`; in suite order,
 * then each suite's own order) and each suite
 * gets its share back. Westfall–Young needs a joint resampling of the metrics, which separate test sets do not have:
 * across suites the adjustment is Holm, and a run that asked for another says so in each gate's detail.
 */
function familyBarrier(n: number, multiplicity: SharedOptions['multiplicity']) {
  const raw: (readonly number[] | null | undefined)[] = new Array<undefined>(n).fill(undefined)
  const rawWeights: (readonly number[] | null | undefined)[] = new Array<undefined>(n).fill(undefined)
  const waiting: ((share: { p: number[]; method: string; note: string }) => void)[] = []
  let pending = n
  let size = 0
  let method = 'Holm'
  const settle = (): void => {
    const all = raw.flatMap((p) => p ?? [])
    const weights = rawWeights.flatMap((w) => w ?? [])
    size = all.length
    // docs/gates.md, weights: a rule's weight is its share of alpha in the family of every suite.
    const weighted = weights.some((w) => w !== 1)
    method = weighted ? 'weighted Holm' : 'Holm'
    const adjusted = weighted ? weightedHolm(all, weights) : holm(all)
    const suites = raw.filter((p) => p != null).length
    const asked = multiplicity !== undefined && multiplicity !== 'holm' ? ` (not ${multiplicity === 'max-t' ? 'Westfall–Young max-T' : 'Westfall–Young'}: separate suites have no joint resampling)` : ''
    const note = ` over ${suites} suite${suites === 1 ? '' : 's'} (${all.length} hypotheses)${asked}`
    let at = 0
    raw.forEach((p, i) => {
      if (p == null) return
      const share = adjusted.slice(at, at + p.length)
      at += p.length
      waiting[i]({ p: share, method, note })
    })
  }
  const arrive = (i: number, p: readonly number[] | null, w: readonly number[] | null = null): void => {
    if (raw[i] !== undefined) return
    raw[i] = p
    rawWeights[i] = p === null ? null : (w ?? p.map(() => 1))
    if (--pending === 0) settle()
  }
  return {
    join:
      (i: number) =>
      (p: readonly number[], w: readonly number[]): Promise<{ p: number[]; method: string; note: string }> =>
        new Promise((resolve) => {
          waiting[i] = resolve
          arrive(i, p, w)
        }),
    leave: (i: number): void => arrive(i, null),
    size: (): number => size,
    method: (): string => method
  }
}
