/**
 * The reports the renderer is tested and previewed on (issue 9): compare() on the spam example, the fixtures of
 * __tests__/fixtures/render (made by make.mjs there) and oracle case-006, with and without the baseline
 * provenance the action records (SPEC §9).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { compare, type CompareOptions } from '../src/compare.js'
import { DEFAULT_FIELDS, type BaselineProvenance, type Report } from '../src/types.js'

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

/** The lead's warning for a baseline older than the base commit (src/main.ts adds it; its wording may differ). */
export const BEHIND_WARNING = 'The baseline was built from commit 1a2b3c4, 3 commits behind the base commit 9f8e7d6: changes merged since then are not in it.'

export type Case = 'binary' | 'multiclass-5' | 'multiclass-7' | 'hostile' | 'classes-50' | 'no-baseline' | 'scores' | 'regression' | 'generation' | 'overfitting'

export const CASES: Case[] = ['binary', 'multiclass-5', 'multiclass-7', 'hostile', 'classes-50', 'no-baseline', 'scores', 'regression', 'generation', 'overfitting']

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
    case 'no-baseline':
      return compare({ ...base, candidate: file('case-006/candidate.csv', here, 'fixtures/oracle/case-006/candidate.csv'), baseline: null })
  }
}
