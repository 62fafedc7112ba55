/**
 * The command line as a user runs it: `node dist/cli.js compare …` (SPEC §6), exit status 0 / 1 / 2, messages
 * without stack traces, the JSON report, and byte-identical reruns (SPEC §4: seeded resampling).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { VERSION } from '../src/common/version.js'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
/** The bundle under test: dist/cli.js, or another build (EVAL_GATE_CLI_BUNDLE) while developing. */
const cli = process.env.EVAL_GATE_CLI_BUNDLE ?? path.join(root, 'dist/cli.js')
const example = (model: string) => path.join(root, 'examples/spam', `${model}.jsonl`)
import { removeAfterAll } from './temp.js'
const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-cli-')))

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const demo = ['compare', '--candidate', example('candidate'), '--baseline', example('baseline'), '--positive-label', 'spam']

describe('eval-gate compare', () => {
  it('fails the demo on its recall regression (exit 1) and prints the report', () => {
    const r = run(...demo, '--resamples', '2000')
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^### ❌ Eval Gate: failed — 1 of 4 gates\n\n❌ `recall no-regression`: \*\*recall 92\.5% → 80\.6% \(−11\.9 pts/)
    expect(r.stdout).toContain('| recall | 92.5% | 80.6% | −11.9 pts worse |')
    expect(r.stderr).toBe('')
  })
  it('passes (exit 0) when the gates pass', () => {
    const r = run(...demo, '--resamples', '2000', '--gates', 'precision no-regression; accuracy >= 0.9')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^### ✅ Eval Gate: passed/)
  })
  it('writes the JSON report and the Markdown report', () => {
    const json = path.join(dir, 'report.json')
    const md = path.join(dir, 'report.md')
    const r = run(...demo, '--resamples', '2000', '--json', json, '--markdown', md)
    expect(r.code).toBe(1)
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report).toMatchObject({ schemaVersion: 1, passed: false, task: 'binary', labels: ['ham', 'spam'], positiveLabel: 'spam' })
    expect(report.counts).toEqual({ candidate: 600, baseline: 600, paired: 600, candidateOnly: 0, baselineOnly: 0, labelConflicts: 0, errors: { candidate: 0, baseline: 0 } })
    expect(report.confusionMatrix.candidate).toEqual([[404, 10], [36, 150]])
    expect(readFileSync(md, 'utf8')).toBe(r.stdout)
  })
  it('gives a byte-identical report for the same seed, and changes only resampled numbers with another', () => {
    const a = path.join(dir, 'a.json')
    const b = path.join(dir, 'b.json')
    const c = path.join(dir, 'c.json')
    run(...demo, '--resamples', '1000', '--json', a)
    run(...demo, '--resamples', '1000', '--json', b)
    run(...demo, '--resamples', '1000', '--json', c, '--seed', '7')
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'))
    const ra = JSON.parse(readFileSync(a, 'utf8'))
    const rc = JSON.parse(readFileSync(c, 'utf8'))
    expect(rc.metrics.f1.ci).not.toEqual(ra.metrics.f1.ci)
    for (const [name, m] of Object.entries(ra.metrics) as [string, Record<string, unknown>][]) {
      for (const field of ['candidate', 'baseline', 'delta']) expect(rc.metrics[name][field], `${name}.${field}`).toEqual(m[field])
      // Exact tests do not resample: their p-values do not depend on the seed.
      if (m.test === 'mcnemar-exact' || m.test === 'delong' || m.test === 'paired-t') expect(rc.metrics[name].pValue).toEqual(m.pValue)
    }
    expect(rc.confusionMatrix).toEqual(ra.confusionMatrix)
  })
  it('runs without a baseline: statistics are null, baseline rules skipped', () => {
    const json = path.join(dir, 'alone.json')
    const r = run('compare', '--candidate', example('candidate'), '--positive-label', 'spam', '--resamples', '500', '--json', json)
    expect(r.code).toBe(0)
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report.counts.baseline).toBeNull()
    expect(report.metrics.recall).toMatchObject({ baseline: null, delta: null, ci: null, pValue: null })
    expect(report.metrics.recall.candidateCi).toHaveLength(2)
    expect(report.gates.every((g: { status: string }) => g.status === 'skip')).toBe(true)
    const failing = run('compare', '--candidate', example('candidate'), '--positive-label', 'spam', '--resamples', '500', '--missing-baseline', 'fail')
    expect(failing.code).toBe(1)
  })
})

function bad(r: ReturnType<typeof run>, message: string | RegExp) {
  expect(r.code).toBe(2)
  expect(r.stdout).toBe('')
  expect(r.stderr).toMatch(message)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  expect(r.stderr.trim().split('\n')).toHaveLength(1)
}

describe('bad input and usage: exit 2, one line, no stack trace', () => {
  it('a missing file', () => bad(run('compare', '--candidate', 'nope.jsonl'), /^eval-gate: nope\.jsonl: file not found\n$/))
  it('a malformed row', () => {
    const f = path.join(dir, 'broken.jsonl')
    writeFileSync(f, '{"id": 1, "label": "a", "prediction": "a"}\n{"id": 2, "label": "a"}\n')
    bad(run('compare', '--candidate', f), /broken\.jsonl:2: field "prediction" is missing/)
  })
  it('a duplicate id names both lines', () => {
    const f = path.join(dir, 'dup.jsonl')
    writeFileSync(f, '{"id": "a", "label": "x", "prediction": "x"}\n{"id": "b", "label": "y", "prediction": "x"}\n{"id": "a", "label": "x", "prediction": "y"}\n')
    bad(run('compare', '--candidate', f, '--baseline', example('baseline'), '--positive-label', 'spam'), /dup\.jsonl:3: field "id" repeats the id "a" of line 1/)
  })
  it('two labels and no positive class', () =>
    bad(run('compare', '--candidate', example('candidate'), '--baseline', example('baseline')), /neither is "1" or "true": set positive-label/))
  it('a malformed gate rule is quoted', () =>
    bad(run(...demo, '--gates', 'recall no-regresion'), /gate "recall no-regresion": cannot read "no-regresion"/))
  it('numbers are decimal only, and hostile option values are quoted on one line', () => {
    bad(run(...demo, '--resamples', '0x10'), /^eval-gate: --resamples must be .*, got "0x10"\n$/)
    bad(run(...demo, '--gates', 'recall >= 0b1'), /gate "recall >= 0b1": threshold "0b1" is not a number|gate "recall >= 0b1": .*"0b1"/)
    bad(run(...demo, '--task', 'x\n::error::boom'), /^eval-gate: --task must be one of .*, got "x\\n::error::boom"\n$/)
  })
  it('an unknown class in a gate', () => bad(run(...demo, '--gates', 'recall[eggs] >= 0.5'), /gate "recall\[eggs\] >= 0.5": unknown class "eggs"; the classes are "ham", "spam"/))
  it('bad options', () => {
    bad(run(...demo, '--alpha', '2'), /--alpha must be a number between 0 and 1, got "2"/)
    bad(run(...demo, '--resamples', 'many'), /--resamples must be a whole number/)
    bad(run(...demo, '--frobnicate'), /Unknown option '--frobnicate'/)
    bad(run('--candidate', 'x.jsonl'), /missing command/)
    bad(run('compare'), /--candidate FILE is required/)
  })
  it('never overwrites an input file with a report', () => {
    const f = path.join(dir, 'keep.jsonl')
    writeFileSync(f, readFileSync(example('candidate')))
    bad(run('compare', '--candidate', f, '--positive-label', 'spam', '--json', f), /--json .* is an input file: refusing to overwrite it/)
    expect(readFileSync(f, 'utf8')).toBe(readFileSync(example('candidate'), 'utf8'))
  })
  it('leaves no report behind when the input is bad', () => {
    const json = path.join(dir, 'never.json')
    run('compare', '--candidate', 'nope.jsonl', '--json', json)
    expect(existsSync(json)).toBe(false)
  })
})

describe('--help and --version', () => {
  it('lists every option with its default', () => {
    const r = run('--help')
    expect(r.code).toBe(0)
    for (const option of ['--candidate', '--baseline', '--gates', '--alpha', '--resamples', '--seed', '--positive-label', '--task', '--format', '--id-field', '--label-field', '--prediction-field', '--score-field', '--json', '--markdown', '--missing-baseline']) {
      expect(r.stdout).toContain(option)
    }
    expect(r.stdout).toContain('(default: 0.05)')
    expect(r.stdout).toContain('(default: 10000)')
  })
  it('prints the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
    expect(VERSION).toBe(pkg.version)
    expect(run('--version').stdout).toBe(`eval-gate ${pkg.version}\n`)
  })
})

describe('tasks beyond classification (SPEC §10, §11)', () => {
  const ex = (dir: string, side: string) => path.join(root, 'examples', dir, `${side}.jsonl`)
  const task = (dir: string, ...args: string[]) => run('compare', '--candidate', ex(dir, 'candidate'), '--baseline', ex(dir, 'baseline'), '--resamples', '1000', ...args)

  it('scores: the LLM-judge example fails on its latency (better when lower), passes with a latency ceiling', () => {
    const r = task('judge', '--task', 'scores', '--score-metrics', 'judge,passed,latency_ms:lower')
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^### ❌ Eval Gate: failed — 1 of 3 gates/)
    expect(r.stdout).toContain('| judge | 2.933 | 3.055 | +0.122 better |')
    const ok = task('judge', '--task', 'scores', '--score-metrics', 'judge,passed,latency_ms:lower', '--gates', 'judge no-regression; passed non-inferior 0.05; latency_ms <= 600')
    expect(ok.code).toBe(0)
  })
  it('generation and regression run on their examples', () => {
    const g = task('translation', '--task', 'generation')
    expect(g.code).toBe(0)
    expect(g.stdout).toContain('| bleu | 69.815 | 80.250 | +10.435 better |')
    const r = task('house-prices', '--task', 'regression', '--gates', 'rmse <= 25; r2 >= 0.95')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('| rmse | 23.124 | 23.037 | −0.087 better |')
  })
  it('bad input names file, line and field', () => {
    const f = path.join(dir, 'judge.jsonl')
    writeFileSync(f, '{"id": 1, "judge": 4}\n{"id": 2, "judge": "great"}\n')
    bad(run('compare', '--candidate', f, '--task', 'scores', '--score-metrics', 'judge'), /judge\.jsonl:2: field "judge" must be a number or true\/false, got "great"/)
    writeFileSync(f, '{"id": 1, "judge": 4}\n{"id": 2}\n')
    bad(run('compare', '--candidate', f, '--task', 'scores', '--score-metrics', 'judge'), /judge\.jsonl:2: field "judge" is missing/)
    const g = path.join(dir, 'gen.jsonl')
    writeFileSync(g, '{"id": 1, "label": "a b", "prediction": "a b"}\n{"id": 2, "label": {"text": "x"}, "prediction": "x"}\n')
    bad(run('compare', '--candidate', g, '--task', 'generation'), /gen\.jsonl:2: field "label" must be a string or an array of strings, got an object/)
    writeFileSync(g, '{"id": 1, "label": ["a", 3], "prediction": "a"}\n')
    bad(run('compare', '--candidate', g, '--task', 'generation'), /gen\.jsonl:1: field "label" must be a string or an array of strings, but item 2 is 3/)
    bad(run('compare', '--candidate', g, '--task', 'scores'), /task "scores" needs score-metrics/)
    bad(run('compare', '--candidate', g, '--task', 'scores', '--score-metrics', 'a:sideways'), /--score-metrics: "a:sideways" is not NAME/)
  })
})

describe('--train-predictions (SPEC §14: overfitting)', () => {
  const fx = (name: string) => path.join(root, '__tests__/fixtures/overfitting', name)
  const overfit = (...args: string[]) =>
    run('compare', '--candidate', fx('candidate.jsonl'), '--baseline', fx('baseline.jsonl'), '--train-predictions', fx('train.jsonl'), '--resamples', '1000', ...args)

  it('fails a train-gap gate (exit 1), prints the Overfitting section, and gives overfitting in the JSON report', () => {
    const json = path.join(dir, 'overfit.json')
    const r = overfit('--gates', 'accuracy no-regression; accuracy train-gap <= 0.1', '--json', json)
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('')
    // Train 292/300, test 96/120 (sklearn accuracy_score: 0.9733333333333334, 0.8); Newcombe (statsmodels
    // confint_proportions_2indep(292,300,96,120,method="newcomb")): 0.10668630212734921 to 0.25475970733670994.
    expect(r.stdout).toMatch(/^### ❌ Eval Gate: failed — 1 of 2 gates\n\n❌ `accuracy train-gap <= 0\.1`: \*\*accuracy 97\.3% on train, 80\.0% on test \(gap \+17\.3 pts, 95% CI \+10\.7 to \+25\.5 pts\)\*\*/)
    expect(r.stdout).toContain('#### Overfitting')
    expect(r.stdout).toContain('| accuracy | 97.3% | 80.0% | +17.3 pts | +10.7 to +25.5 pts |')
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report.overfitting.metrics.accuracy.ci[0]).toBeCloseTo(0.10668630212734921, 12)
    expect(report.overfitting.metrics.accuracy.ci[1]).toBeCloseTo(0.25475970733670994, 12)
    expect(overfit('--gates', 'accuracy train-gap <= 0.2').code).toBe(0)
  })
  it('a train-gap rule without --train-predictions is a usage error quoting the rule (exit 2)', () => {
    bad(run(...demo, '--gates', 'f1 train-gap < 0.05'), 'gate "f1 train-gap < 0.05": train-gap needs --train-predictions (action: train-predictions)')
  })
  it('a bad training predictions file names file, line and field (exit 2)', () => {
    const f = path.join(dir, 'train-bad.jsonl')
    writeFileSync(f, '{"id": "a", "label": 1, "prediction": 1}\n{"id": "b", "label": 0, "prediction": 0, "score": 1.5}\n')
    bad(overfit('--train-predictions', f), /train-bad\.jsonl:2: field "score" /)
  })
})

describe('slices (SPEC §13): the multilingual example', () => {
  const multilingual = (model: string) => path.join(root, 'examples/multilingual', `${model}.jsonl`)
  const sliced = ['compare', '--candidate', multilingual('candidate'), '--baseline', multilingual('baseline'), '--slice-field', 'language', '--resamples', '2000']
  // Per language from the files (scripts/make-multilingual.mjs): de 408/500 → 374/500 correct; the exact McNemar
  // test on its discordant pairs, 20 wrong → right and 54 right → wrong:
  // /usr/bin/python3 -c "from statsmodels.stats.contingency_tables import mcnemar; print(mcnemar([[72,20],[54,354]], exact=True).pvalue)"
  // → 9.612986582365388e-05 (two-sided); overall 2475/3000 → 2557/3000.
  it('passes the default gates (better overall) and shows German in the slices that got worse, Korean untested', () => {
    const json = path.join(dir, 'sliced.json')
    const r = run(...sliced, '--json', json)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^### ✅ Eval Gate: passed — 4 of 4 gates/)
    expect(r.stdout).toContain('| accuracy | 82.5% | 85.2% | +2.7 pts better |')
    // A pass on average, but German is on the first screen.
    expect(r.stdout.split('\n#### ')[0].trimEnd()).toMatch(/\n> ⚠️ Significantly worse on 1 slice: `language=de` accuracy 81\.6% → 74\.8% \(−6\.8 pts, q = 0\.00\d\d\)\. See "Slices that got worse" below\.$/)
    const section = r.stdout.split('#### Slices that got worse\n\n')[1].split('\n<details>')[0]
    expect(section).toMatch(/^5 tested slices of `language`; 1 significantly worse \(q < 0\.05\)\./)
    const rows = section.split('\n').filter((l) => l.startsWith('| `'))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatch(/^\| `language=de` \| accuracy \(also [a-z1, ]+\) \| 500 \| 81\.6% → 74\.8% \| −6\.8 pts \| −\d+\.\d to −\d\.\d pts \| \*\*0\.00\d\d\*\* \|$/)
    expect(section).toContain('Not tested (fewer than 30 paired examples): `language=ko` (20).')
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report.slices.language.de.metrics.accuracy.pValue).toBeCloseTo(9.612986582365388e-5, 12)
    expect(report.slices.language.ko).toEqual({ counts: { paired: 20 }, tested: false, metrics: {} })
  })
  it('fails (exit 1) on `accuracy no-regression by language`, naming German with its own numbers', () => {
    const r = run(...sliced, '--gates', 'accuracy no-regression by language')
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^### ❌ Eval Gate: failed — 1 of 1 gates\n\n❌ `accuracy no-regression by language`: \*\*accuracy on `language=de` 81\.6% → 74\.8% \(−6\.8 pts, 95% CI /)
    expect(r.stdout).toContain('| ❌&nbsp;`language=de` | accuracy')
  })
})

describe('slices (SPEC §13)', () => {
  const fixture = (name: string) => path.join(root, '__tests__/fixtures/slices', name)
  const sliced = ['compare', '--candidate', fixture('candidate.jsonl'), '--baseline', fixture('baseline.jsonl'), '--positive-label', 'spam', '--resamples', '500']
  it('takes --slice-field twice and --min-slice, and gates on a slice (exit 1 naming it)', () => {
    const json = path.join(dir, 'slices.json')
    const r = run(...sliced, '--slice-field', 'region', '--slice-field', 'source', '--min-slice', '100', '--gates', 'accuracy no-regression by region', '--json', json)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(1)
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(Object.keys(report.slices)).toEqual(['region', 'source'])
    expect(report.slices.region.APAC).toMatchObject({ tested: true, counts: { paired: 107 } })
    expect(report.slices.region.LATAM).toEqual({ tested: false, counts: { paired: 29 }, metrics: {} })
    expect(report.settings.slices).toMatchObject({ fields: ['region', 'source'], minSlice: 100 })
    expect(report.gates[0].slice).toEqual({ field: 'region', failing: ['US'] })
  })
  it('refuses a slice rule on a field that is not sliced (exit 2, quoting the rule)', () => {
    bad(run(...sliced, '--slice-field', 'source', '--gates', 'f1@region=US >= 0.8'), /gate "f1@region=US >= 0\.8": "region" is not a slice field of this run; the slice fields are "source"/)
  })
})

describe('repeats and clusters (SPEC §12)', () => {
  const fixture = (name: string) => path.join(root, '__tests__/fixtures/clusters', name)
  const clustered = ['compare', '--candidate', fixture('candidate.jsonl'), '--baseline', fixture('baseline.jsonl'), '--resamples', '1000']
  it('--cluster-field: the clustered tests, named in the JSON report', () => {
    const json = path.join(dir, 'clustered.json')
    const r = run(...clustered, '--cluster-field', 'doc', '--json', json)
    expect(r.stderr).toBe('')
    const report = JSON.parse(readFileSync(json, 'utf8'))
    // Durkalski's X² on the documents, scipy chi2.sf(1.1904761904761905, 1) (see __tests__/clusters.test.ts)
    expect(report.metrics.accuracy.test).toBe('mcnemar-cluster')
    expect(report.metrics.accuracy.pValue).toBeCloseTo(0.27523352407483115, 12)
    expect(report.metrics.f1.test).toBe('permutation-cluster')
    const scores = run(...clustered, '--task', 'scores', '--score-metrics', 'judge', '--cluster-field', 'doc', '--json', json)
    expect(scores.stderr).toBe('')
    // statsmodels OLS cluster-robust t 1.6552117772047354 on 11 df: p 0.12610229434787754
    const judge = JSON.parse(readFileSync(json, 'utf8')).metrics.judge
    expect(judge.test).toBe('paired-t-cluster')
    expect(judge.delta).toBeCloseTo(0.45, 14)
    expect(judge.pValue).toBeCloseTo(0.12610229434787754, 10)
  })
  it('--repeat-field: counts.repeats, rows paired by (id, repeat)', () => {
    const c = path.join(dir, 'rep-c.jsonl')
    const b = path.join(dir, 'rep-b.jsonl')
    const lines = (shift: number) =>
      Array.from({ length: 60 }, (_, r) => JSON.stringify({ id: `q${r >> 1}`, seed: r % 2, label: r % 3 === 0 ? 'yes' : 'no', prediction: (r + shift) % 4 === 0 ? 'yes' : 'no' })).join('\n') + '\n'
    writeFileSync(c, lines(0))
    writeFileSync(b, lines(1))
    const json = path.join(dir, 'repeats.json')
    const r = run('compare', '--candidate', c, '--baseline', b, '--positive-label', 'yes', '--repeat-field', 'seed', '--resamples', '500', '--json', json)
    expect(r.stderr).toBe('')
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report.counts).toEqual({ errors: { candidate: 0, baseline: 0 }, candidate: 60, baseline: 60, paired: 60, candidateOnly: 0, baselineOnly: 0, labelConflicts: 0, repeats: { candidate: 2, baseline: 2 } })
    expect(report.metrics.accuracy.test).toBe('mcnemar-cluster')
  })
  it('bad input: a repeated (id, repeat), a missing id, a missing cluster value (exit 2, file:line: field)', () => {
    const f = path.join(dir, 'rep-bad.jsonl')
    writeFileSync(f, '{"id": "a", "seed": 1, "label": "x", "prediction": "x"}\n{"id": "a", "seed": 1, "label": "x", "prediction": "y"}\n')
    bad(run('compare', '--candidate', f, '--repeat-field', 'seed', '--task', 'multiclass'), /rep-bad\.jsonl:2: field "seed" repeats the value "1" of id "a" \(line 1\)/)
    writeFileSync(f, '{"id": "a", "seed": 1, "label": "x", "prediction": "x"}\n{"seed": 2, "label": "x", "prediction": "y"}\n')
    bad(run('compare', '--candidate', f, '--repeat-field', 'seed', '--task', 'multiclass'), /rep-bad\.jsonl:2: field "id" is missing/)
    writeFileSync(f, '{"id": "a", "doc": 1, "label": "x", "prediction": "x"}\n{"id": "b", "label": "x", "prediction": "y"}\n')
    bad(run('compare', '--candidate', f, '--cluster-field', 'doc', '--task', 'multiclass'), /rep-bad\.jsonl:2: field "doc" is missing \(the cluster field\)/)
  })
})
