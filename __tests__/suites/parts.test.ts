/**
 * The pieces of suites (docs/suites.md) on their own: the `predictions` lines and globs, the gates of each suite, the
 * legs input, a suite's entry in the baseline artifact, the shape check of a report of suites read back, the verdict
 * of several reports, and the comment's cap.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { expandGlob, legList, parsePredictions, stem } from '../../src/action/predictionsInput.js'
import { suiteEntry } from '../../src/action/github/baseline.js'
import { assembleSuites, checkSuiteNames, gatesBySuite } from '../../src/compare/suites.js'
import { renderSuites } from '../../src/render/suitesTable.js'
import { LIMITS } from '../../src/render/renderReport.js'
import type { Report } from '../../src/report/schema.js'
import { asAnyReport, asSuitesReport } from '../../src/report/validate.js'
import type { ZipEntry } from '../../src/read/zipArchive.js'
import { removeAfterAll } from '../temp.js'

const dir = removeAfterAll(mkdtempSync(path.join(tmpdir(), 'eval-gate-suites-parts-')))
for (const f of ['eval/en/spam.jsonl', 'eval/de/intents.jsonl.gz', 'eval/.hidden.jsonl', 'eval/notes.txt', 'eval/top.jsonl']) {
  mkdirSync(path.join(dir, path.dirname(f)), { recursive: true })
  writeFileSync(path.join(dir, f), '')
}

describe('the predictions input', () => {
  it('one plain path is one comparison; lines, names and globs are suites', () => {
    expect(parsePredictions('eval/top.jsonl', dir)).toBeNull()
    expect(parsePredictions('  eval/top.jsonl \n', dir)).toBeNull()
    expect(parsePredictions('spam: eval/en/spam.jsonl\nintents: eval/de/intents.jsonl.gz', dir)).toEqual([
      { name: 'spam', path: 'eval/en/spam.jsonl' },
      { name: 'intents', path: 'eval/de/intents.jsonl.gz' }
    ])
    expect(parsePredictions('only: eval/top.jsonl', dir)).toEqual([{ name: 'only', path: 'eval/top.jsonl' }])
    expect(parsePredictions('eval/top.jsonl\r\neval/en/spam.jsonl', dir)).toEqual([
      { name: 'top', path: 'eval/top.jsonl' },
      { name: 'spam', path: 'eval/en/spam.jsonl' }
    ])
    expect(parsePredictions('eval/**/*.jsonl*', dir)).toEqual([
      { name: 'intents', path: 'eval/de/intents.jsonl.gz' },
      { name: 'spam', path: 'eval/en/spam.jsonl' },
      { name: 'top', path: 'eval/top.jsonl' }
    ])
  })

  it('globs: * within a folder, ** any depth, [..] classes, dot files only when named, sorted', () => {
    expect(expandGlob('eval/*.jsonl', dir)).toEqual(['eval/top.jsonl'])
    expect(expandGlob('eval/**/*.jsonl', dir)).toEqual(['eval/en/spam.jsonl', 'eval/top.jsonl'])
    expect(expandGlob('eval/*/[is]*', dir)).toEqual(['eval/de/intents.jsonl.gz', 'eval/en/spam.jsonl'])
    expect(expandGlob('eval/.*.jsonl', dir)).toEqual(['eval/.hidden.jsonl'])
    expect(expandGlob('nowhere/*.jsonl', dir)).toEqual([])
    expect(expandGlob(`${dir}/eval/t?p.jsonl`, '/')).toEqual([`${dir}/eval/top.jsonl`])
  })

  it('names come from file stems; bad or twice-used names stop with the input named', () => {
    expect(stem('eval/spam.jsonl.gz')).toBe('spam')
    expect(stem('a/b.v2.csv')).toBe('b.v2')
    expect(() => parsePredictions('my spam: eval/top.jsonl\nb: eval/top.jsonl', dir)).toThrow('input "predictions": the suite name "my spam" is not a plain name')
    expect(() => parsePredictions('eval/top.jsonl\ntop: eval/en/spam.jsonl', dir)).toThrow('input "predictions": two suites are named "top"; give each suite its own name')
    expect(() => parsePredictions('eval/*.csv', dir)).toThrow('input "predictions": "eval/*.csv" matches no file')
  })

  it('legs: comma-separated or one per line, plain names, none twice', () => {
    expect(legList('')).toEqual([])
    expect(legList('spam, intents\nshort\n')).toEqual(['spam', 'intents', 'short'])
    expect(() => legList('spam, model a')).toThrow('input "legs": "model a" is not a plain name')
    expect(() => legList('spam,spam')).toThrow('input "legs" names a leg twice: "spam"')
  })
})

describe('the gates of each suite', () => {
  const names = ['spam', 'intents']
  it('a rule starting SUITE: goes to that suite; the others to every suite; no gates: each task\'s defaults', () => {
    expect(gatesBySuite(undefined, names, '--gates')).toEqual(new Map([['spam', undefined], ['intents', undefined]]))
    expect(gatesBySuite('spam: recall no-regression; f1 >= 0.8 # a comment\nintents:accuracy no-regression', names, '--gates')).toEqual(
      new Map([
        ['spam', 'recall no-regression\nf1 >= 0.8'],
        ['intents', 'f1 >= 0.8\naccuracy no-regression']
      ])
    )
    // Brackets and slices are not suite prefixes: a class label may hold ":".
    expect(gatesBySuite('recall[a:b] no-regression; f1@lang=x:y no-regression', names, '--gates').get('spam')).toBe('recall[a:b] no-regression\nf1@lang=x:y no-regression')
    expect(gatesBySuite('spam: recall no-regression', names, '--gates').get('intents')).toBe('')
  })
  it('a prefix that names no suite, or no rule, names the option', () => {
    expect(() => gatesBySuite('spma: recall no-regression', names, 'input "gates"')).toThrow('input "gates": the rule "spma: recall no-regression" names the suite "spma", which is not one of "spam", "intents"')
    expect(() => gatesBySuite('spam:', names, '--gates')).toThrow('--gates: the rule "spam:" names a suite but no rule')
  })
  it('names are plain and unique', () => {
    expect(() => checkSuiteNames(['a', 'b.c', 'd-e_f'], '--suite')).not.toThrow()
    expect(() => checkSuiteNames(['a b'], '--suite')).toThrow('--suite: the suite name "a b" is not a plain name')
    expect(() => checkSuiteNames([''], '--suite')).toThrow('not a plain name')
    expect(() => checkSuiteNames(['x'.repeat(101)], '--suite')).toThrow('not a plain name')
    expect(() => checkSuiteNames(['a', 'a'], '--suite')).toThrow('--suite: two suites are named "a"')
  })
})

describe('a suite\'s file in the baseline artifact', () => {
  const entries = (names: string[]): ZipEntry[] => names.map((name) => ({ name }) as ZipEntry)
  it('the same path, else the one file of its name, else none (a new suite); two of its name are ambiguous', () => {
    expect(suiteEntry(entries(['eval/spam.jsonl', 'spam.jsonl']), './eval/spam.jsonl', 'w')?.name).toBe('eval/spam.jsonl')
    expect(suiteEntry(entries(['spam.jsonl', 'intents.jsonl']), 'eval/spam.jsonl', 'w')?.name).toBe('spam.jsonl')
    expect(suiteEntry(entries(['spam.jsonl']), 'eval/fresh.jsonl', 'w')).toBeNull()
    expect(() => suiteEntry(entries(['en/spam.jsonl', 'de/spam.jsonl']), 'eval/spam.jsonl', 'artifact "predictions" of run 11')).toThrow(
      'artifact "predictions" of run 11: has 2 files named "spam.jsonl" ("en/spam.jsonl", "de/spam.jsonl"): ambiguous'
    )
  })
})

/** A small report of one suite, as compare() gives it. */
function suite(passed: boolean, verdict: Report['verdict'], gates: Report['gates'] = []): Report {
  return {
    schemaVersion: 1,
    passed,
    verdict,
    task: 'binary',
    labels: ['0', '1'],
    positiveLabel: '1',
    counts: { candidate: 10, baseline: 10, paired: 10, candidateOnly: 0, baselineOnly: 0, labelConflicts: 0 },
    metrics: {},
    confusionMatrix: null,
    gates,
    warnings: [],
    disagreement: null,
    settings: { alpha: 0.05, resamples: 100, seed: 0, version: '1.0.0', candidate: 'c.jsonl', baseline: 'b.jsonl' }
  }
}

describe('the report of several suites', () => {
  const skip = { rule: 'accuracy no-regression', metric: 'accuracy', status: 'skip' as const, observed: null, pValue: null, bound: null, detail: 'x' }
  it('verdict: fail over inconclusive over pass; a missing leg fails; passed is every suite\'s', () => {
    const v = (reports: Report[], missing: string[] = []) => {
      const r = assembleSuites(Object.fromEntries(reports.map((x, i) => [`s${i}`, x])), { newSuites: [], missing, warnings: [], mode: 'combine' })
      return [r.verdict, r.passed]
    }
    expect(v([suite(true, 'pass'), suite(true, 'pass')])).toEqual(['pass', true])
    expect(v([suite(true, 'pass'), suite(false, 'inconclusive')])).toEqual(['inconclusive', false])
    expect(v([suite(true, 'pass'), suite(true, 'inconclusive')])).toEqual(['inconclusive', true])
    expect(v([suite(false, 'fail'), suite(false, 'inconclusive')])).toEqual(['fail', false])
    expect(v([suite(true, 'pass')], ['leg-b'])).toEqual(['fail', false])
    // A report from before verdicts has only `passed`.
    expect(v([suite(false, undefined)])).toEqual(['fail', false])
  })

  it('the shape check: each suite as a report, plain names, and a refusal that names the field', () => {
    const good = assembleSuites({ a: suite(true, 'pass', [skip]) }, { newSuites: [], missing: ['b'], warnings: [], mode: 'combine' })
    const roundTrip = JSON.parse(JSON.stringify(good)) as unknown
    expect(asSuitesReport(roundTrip, 'r.json')).toEqual(good)
    expect(asAnyReport(roundTrip, 'r.json')).toEqual(good)
    expect(good.gates.map((g) => g.rule)).toEqual(['a: accuracy no-regression'])
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON value, bent into bad shapes
    type Json = any
    const broken = (change: (r: Json) => void) => {
      const r = JSON.parse(JSON.stringify(good)) as Json
      change(r)
      return () => asAnyReport(r, 'r.json')
    }
    expect(broken((r) => (r.suites.a.gates[0].status = 'ok'))).toThrow('r.json: is not an Eval Gate report of suites: report.suites["a"].gates[0].status must be one of')
    expect(broken((r) => (r.suites['<b>x</b>'] = r.suites.a))).toThrow('report.suites["<b>x</b>"] must be named by letters, digits, -, _ and . only')
    expect(broken((r) => (r.missing = ['a b']))).toThrow('report.missing[0] must be a suite name')
    expect(broken((r) => (r.verdict = 'great'))).toThrow('report.verdict must be one of')
    expect(broken((r) => delete r.gates)).toThrow('report.gates must be an array')
    // Without `suites`, the value is checked as a report of one comparison.
    expect(() => asAnyReport({ schemaVersion: 1 }, 'r.json')).toThrow('r.json: is not an Eval Gate report: report.passed must be true or false')
  })

  it('the comment stays under its cap: each suite is cut to its share', () => {
    const long = suite(true, 'pass')
    long.warnings = Array.from({ length: 400 }, (_, i) => `warning ${i}: ${'x'.repeat(200)}`)
    const report = assembleSuites(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`s${i}`, structuredClone(long)])), { newSuites: [], missing: [], warnings: [], mode: 'suites' })
    const full = renderSuites(report, 'summary')
    expect(full.length).toBeGreaterThan(LIMITS.comment)
    const comment = renderSuites(report, 'comment')
    expect(comment.length).toBeLessThanOrEqual(LIMITS.comment)
    expect(comment.match(/<details><summary><b>s\d<\/b>/g)).toHaveLength(6)
    expect(comment.match(/The report was cut to fit the comment/g)).toHaveLength(6)
    expect(comment.match(/<\/details>/g)?.length).toBe(comment.match(/<details>/g)?.length)
  })
})
