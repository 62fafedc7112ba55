/**
 * Several suites on the command line (docs/suites.md): `--suite NAME=CANDIDATE[,BASELINE]`, `--baseline-dir`, gates
 * for one suite (`SUITE:`), one multiplicity family over every suite, a new suite, bad names. Runs the CLI bundle
 * (dist/cli.js, or EVAL_GATE_CLI_BUNDLE) as a user does.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { asReport, asSuitesReport } from '../../src/report/validate.js'
import type { SuitesReport } from '../../src/report/schema.js'
import { removeAfterAll } from '../temp.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const cli = process.env.EVAL_GATE_CLI_BUNDLE ?? path.join(root, 'dist/cli.js')
const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-suites-cli-')))
const pr = path.join(dir, 'pr')
const main = path.join(dir, 'main')

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'compare', ...args], { encoding: 'utf8', cwd: root })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

let reports = 0

/** Runs with --json and gives the report back (checked by the shape check a report read back passes). */
function report(...args: string[]): { code: number | null; stdout: string; stderr: string; json: SuitesReport } {
  const out = path.join(dir, `report-${++reports}.json`)
  const r = run(...args, '--json', out)
  expect(r.stderr).toBe('')
  return { ...r, json: asSuitesReport(JSON.parse(readFileSync(out, 'utf8')), out) }
}

beforeAll(() => {
  mkdirSync(pr)
  mkdirSync(main)
  // Three suites: the spam filter, the intent classifier of eight languages, and the spam filter's first 300 messages.
  const ex = (name: string, model: string) => path.join(root, 'examples', name, `${model}.jsonl`)
  copyFileSync(ex('spam', 'candidate'), path.join(pr, 'spam.jsonl'))
  copyFileSync(ex('spam', 'baseline'), path.join(main, 'spam.jsonl'))
  copyFileSync(ex('multilingual', 'candidate'), path.join(pr, 'intents.jsonl'))
  copyFileSync(ex('multilingual', 'baseline'), path.join(main, 'intents.jsonl'))
  const head = (file: string, n: number) => readFileSync(file, 'utf8').split('\n').slice(0, n).join('\n') + '\n'
  writeFileSync(path.join(pr, 'short.jsonl'), head(ex('spam', 'candidate'), 300))
  writeFileSync(path.join(main, 'short.jsonl'), head(ex('spam', 'baseline'), 300))
  // A suite the base branch never had.
  writeFileSync(path.join(pr, 'fresh.jsonl'), head(ex('spam', 'candidate'), 120))
})

const three = () => ['--suite', `spam=${pr}/spam.jsonl`, '--suite', `intents=${pr}/intents.jsonl`, '--suite', `short=${pr}/short.jsonl`, '--baseline-dir', main]
const common = ['--positive-label', 'spam', '--resamples', '1000']

/** Holm by hand: sort ascending, the i-th smallest (0-based) times (m − i), never below the one before, at most 1. */
function holmByHand(p: number[]): number[] {
  const order = p.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x)
  const out = new Array<number>(p.length)
  let before = 0
  order.forEach(({ x, i }, rank) => {
    before = Math.max(before, Math.min(1, (p.length - rank) * x))
    out[i] = before
  })
  return out
}

describe('eval-gate compare --suite', () => {
  it('three suites, baselines from --baseline-dir: one report, one verdict, one table and each suite folded', () => {
    const r = report(...three(), ...common)
    expect(r.code).toBe(1)
    const j = r.json
    expect(Object.keys(j.suites)).toEqual(['spam', 'intents', 'short'])
    expect(j).toMatchObject({ schemaVersion: 1, passed: false, verdict: 'fail', newSuites: [], missing: [], settings: { mode: 'suites', family: { method: 'Holm' } } })
    // Each suite is a whole report of its own, paired on its own files.
    for (const [name, s] of Object.entries(j.suites)) asReport(s, name)
    expect(j.suites.spam.counts.paired).toBe(600)
    expect(j.suites.intents.counts.paired).toBe(3000)
    expect(j.suites.short.counts.paired).toBe(300)
    expect(j.suites.intents.task).toBe('multiclass')
    expect(j.suites.spam.verdict).toBe('fail')
    expect(j.suites.intents.verdict).toBe('pass')
    // The top-level gates are every suite's, named as a gates line for that suite would be.
    expect(j.gates.map((g) => g.rule)).toContain('spam: recall no-regression')
    expect(j.gates).toHaveLength(12)

    const md = r.stdout
    expect(md).toMatch(/^### ❌ Eval Gate: failed — \d of 3 suites failed\n\n\| suite \| verdict \| decisive line \|\n\| --- \| --- \| --- \|\n/)
    expect(md).toMatch(/^\| `spam` \| ❌ failed \| ❌ `recall no-regression`: recall 92\.5% → 80\.6% \(−11\.9 pts/m)
    expect(md).toMatch(/^\| `intents` \| ✅ passed \| closest to failing: `\w+ no-regression`: /m)
    expect(md).toContain('The no-regression rules of every suite are one family: 12 hypotheses, Holm-adjusted together.')
    expect(md.match(/<details><summary><b>(spam|intents|short)<\/b>/g)).toEqual(['<details><summary><b>spam</b>', '<details><summary><b>intents</b>', '<details><summary><b>short</b>'])
    // The table comes before the first folded suite.
    expect(md.indexOf('| `short` |')).toBeLessThan(md.indexOf('<details>'))
  })

  it('a rule starting "SUITE:" gates that suite only; the other rules gate every suite', () => {
    const r = report(...three(), ...common, '--gates', 'intents: accuracy no-regression; spam: recall no-regression\nf1 no-regression\nshort: precision >= 0.5')
    const rules = (name: string) => r.json.suites[name].gates.map((g) => g.rule)
    expect(rules('spam')).toEqual(['recall no-regression', 'f1 no-regression'])
    expect(rules('intents')).toEqual(['accuracy no-regression', 'f1 no-regression'])
    expect(rules('short')).toEqual(['f1 no-regression', 'precision >= 0.5'])
    expect(r.json.gates.map((g) => g.rule)).toEqual([
      'spam: recall no-regression',
      'spam: f1 no-regression',
      'intents: accuracy no-regression',
      'intents: f1 no-regression',
      'short: f1 no-regression',
      'short: precision >= 0.5'
    ])
  })

  it('the no-regression rules of all suites are one family: each p is Holm-adjusted over every suite', () => {
    const gates = 'f1 no-regression; spam: recall no-regression'
    const r = report(...three(), ...common, '--gates', gates)
    const j = r.json
    // The raw one-sided p-values, in the order the family is built: suite by suite, rule by rule.
    const hypotheses = [
      ['spam', 'f1'],
      ['spam', 'recall'],
      ['intents', 'f1'],
      ['short', 'f1']
    ] as const
    const raw = hypotheses.map(([s, m]) => j.suites[s].metrics[m].pValueWorse as number)
    const adjusted = holmByHand(raw)
    const gate = (s: string, m: string) => j.suites[s].gates.find((g) => g.metric === m && g.rule.includes('no-regression'))
    hypotheses.forEach(([s, m], i) => expect(gate(s, m)?.pValue, `${s} ${m}`).toBeCloseTo(adjusted[i], 12))
    expect(j.settings.family).toEqual({ method: 'Holm', size: 4 })
    expect(gate('spam', 'f1')?.detail).toContain('after Holm over 3 suites (4 hypotheses)')

    // Spelled out for spam's f1: its raw p is the second smallest of the four, so it is multiplied by 3 (after the
    // smallest, recall's, times 4), where spam alone would multiply it by 1 (second of two rules).
    const [f1, recall] = [raw[0], raw[1]]
    expect(recall).toBeLessThan(f1)
    expect(Math.min(raw[2], raw[3])).toBeGreaterThan(f1)
    expect(gate('spam', 'f1')?.pValue).toBeCloseTo(Math.max(4 * recall, 3 * f1), 12)
    const alone = spawnReport(['--candidate', `${pr}/spam.jsonl`, '--baseline', `${main}/spam.jsonl`, ...common, '--gates', 'f1 no-regression; recall no-regression'])
    expect(alone.gates[0].pValue).toBeCloseTo(Math.max(2 * recall, f1), 12)
    expect(gate('spam', 'f1')?.pValue).toBeGreaterThan(alone.gates[0].pValue as number)
  })

  it('with a weight, the family of all suites is weighted Holm: each rule its share of alpha over every suite', () => {
    const r = report(...three(), ...common, '--gates', 'f1 no-regression; spam: recall no-regression weight 4')
    const j = r.json
    const hypotheses = [
      ['spam', 'f1', 1],
      ['spam', 'recall', 4],
      ['intents', 'f1', 1],
      ['short', 'f1', 1]
    ] as const
    const raw = hypotheses.map(([s, m]) => j.suites[s].metrics[m].pValueWorse as number)
    // Weighted Holm by hand (Holm 1979, section 3): sort by p/w; at each step (Σ of the weights left)·p/w, monotone.
    const order = hypotheses.map((h, i) => i).sort((a, b) => raw[a] / hypotheses[a][2] - raw[b] / hypotheses[b][2])
    const byHand = new Array<number>(4)
    let left = 7
    let before = 0
    for (const i of order) {
      before = Math.max(before, Math.min(1, (left * raw[i]) / hypotheses[i][2]))
      byHand[i] = before
      left -= hypotheses[i][2]
    }
    const gate = (s: string, m: string) => j.suites[s].gates.find((g) => g.metric === m && g.rule.includes('no-regression'))
    hypotheses.forEach(([s, m], i) => expect(gate(s, m)?.pValue, `${s} ${m}`).toBeCloseTo(byHand[i], 12))
    // recall has the smallest p/w: times 7/4, where unweighted Holm multiplies it by 4.
    expect(order[0]).toBe(1)
    expect(gate('spam', 'recall')?.pValue).toBeCloseTo(Math.min(1, (7 / 4) * raw[1]), 12)
    expect(j.settings.family).toEqual({ method: 'weighted Holm', size: 4 })
    expect(j.suites.spam.settings.family).toMatchObject({ method: 'weighted Holm', size: 4, suites: 3 })
    expect(gate('spam', 'f1')?.detail).toContain('after weighted Holm over 3 suites (4 hypotheses)')
    expect(r.stdout).toContain('The no-regression rules of every suite are one family: 4 hypotheses, weighted Holm-adjusted together.')
  })

  it('a suite with no baseline counterpart is reported as new, never dropped', () => {
    const r = report(...three(), '--suite', `fresh=${pr}/fresh.jsonl`, ...common, '--gates', 'f1 no-regression; precision >= 0.5')
    const j = r.json
    expect(Object.keys(j.suites)).toEqual(['spam', 'intents', 'short', 'fresh'])
    expect(j.newSuites).toEqual(['fresh'])
    expect(j.suites.fresh.counts).toMatchObject({ candidate: 120, baseline: null })
    expect(j.suites.fresh.gates.map((g) => g.status)).toEqual(['skip', 'pass'])
    expect(j.warnings).toEqual(['Suite "fresh" has no baseline counterpart (no file "fresh.jsonl" in --baseline-dir): compared alone and reported as new.'])
    expect(r.stdout).toMatch(/^\| `fresh` \| 🆕 new · ⏸️ no baseline \| no baseline counterpart: 120 examples compared alone \(1 comparative gate skipped\) \|$/m)
    expect(r.stdout).toContain('<details><summary><b>fresh</b> — ⏸️ no baseline (new)</summary>')
    // Without --baseline-dir and without a baseline file, the same.
    const alone = report('--suite', `fresh=${pr}/fresh.jsonl`, '--suite', `spam=${pr}/spam.jsonl,${main}/spam.jsonl`, ...common)
    expect(alone.json.newSuites).toEqual(['fresh'])
  })

  it('bad input: a name that is not plain, two suites of one name, and the rest: one line naming the option, exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['--suite', `my suite=${pr}/spam.jsonl`], /^eval-gate: --suite: the suite name "my suite" is not a plain name \(letters, digits, -, _ and \. only, at most 100\)\n$/],
      [['--suite', `spam/en=${pr}/spam.jsonl`], /^eval-gate: --suite: the suite name "spam\/en" is not a plain name/],
      [['--suite', `spam=${pr}/spam.jsonl`, '--suite', `spam=${pr}/short.jsonl`], /^eval-gate: --suite: two suites are named "spam"; give each suite its own name\n$/],
      [['--suite', `${pr}/spam.jsonl`], /^eval-gate: --suite ".*spam\.jsonl": expected NAME=CANDIDATE\[,BASELINE\]/],
      [['--suite', 'spam='], /^eval-gate: --suite "spam=": the candidate file is missing/],
      [['--suite', `spam=${pr}/spam.jsonl`, '--candidate', `${pr}/spam.jsonl`], /^eval-gate: --suite and --candidate\/--baseline do not go together/],
      [['--candidate', `${pr}/spam.jsonl`, '--baseline-dir', main], /^eval-gate: --baseline-dir goes with --suite/],
      [['--suite', `spam=${pr}/spam.jsonl`, '--baseline-dir', path.join(dir, 'nowhere')], /^eval-gate: --baseline-dir ".*nowhere" is not a folder\n$/],
      [[...three(), '--gates', 'spma: recall no-regression'], /^eval-gate: --gates: the rule "spma: recall no-regression" names the suite "spma", which is not one of "spam", "intents", "short"\n$/],
      [[...three(), '--gates', 'intents: recall[spam] no-regression'], /^eval-gate: suite "intents": gate "recall\[spam\] no-regression": unknown class "spam"/]
    ]
    for (const [args, message] of cases) {
      const r = run(...args, ...common)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
      expect(r.stdout).toBe('')
    }
  })

  it('a bad file in one suite names that file; nothing is reported', () => {
    writeFileSync(path.join(dir, 'broken.jsonl'), '{"id": 1, "label": "spam", "prediction": "spam"}\n{"id": 2,\n')
    const r = run(...three(), '--suite', `broken=${path.join(dir, 'broken.jsonl')}`, ...common)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^eval-gate: .*broken\.jsonl:2: /)
    expect(r.stdout).toBe('')
  })

  it('the same inputs give a byte-identical report', () => {
    const a = report(...three(), ...common)
    const b = report(...three(), ...common)
    expect(a.stdout).toBe(b.stdout)
    expect(a.json).toEqual(b.json)
  })
})

function spawnReport(args: string[]) {
  const out = path.join(dir, `single-${++reports}.json`)
  const r = run(...args, '--json', out)
  expect(r.stderr).toBe('')
  return asReport(JSON.parse(readFileSync(out, 'utf8')), out)
}
