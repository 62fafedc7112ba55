/**
 * The generation metrics against sacrebleu 2.6.0 (and the SQuAD v1.1 definitions, scipy, statsmodels):
 * - cases-v2 (shared/oracle, copied to fixtures/oracle-v2): exact values to 1e-9, p-values of McNemar and the
 *   paired t to 1e-9, sacrebleu's `--paired-ar` / `--paired-bs` numbers within Monte Carlo error;
 * - cases it has not seen (fixtures/generation/unseen-*): made after the code was written by
 *   `PYTHONPATH=<sacrebleu 2.6.0 checkout> /usr/bin/python3 make-cases.py` (the script beside them): variable
 *   numbers of references (sacrebleu's None-padded streams, `nrefs:var`), empty and whitespace-only
 *   hypotheses, hypotheses of one word and shorter than every reference, 13a's hard tokens (entities,
 *   periods after numbers, dashes, Unicode quotes and emoji).
 *
 * Monte Carlo tolerances. Our R = 10,000 resamples against sacrebleu's R' (10,000 AR trials, 2,000 bootstrap
 * resamples). A p-value estimate has standard error √(p(1 − p)/R); the difference of two independent ones
 * √(p(1 − p)(1/R + 1/R')). We allow 4.5 of those (a false alarm about once in 150,000 comparisons) plus
 * 2/(R' + 1) for the +1 of both estimators. The bootstrap mean of the candidate's score has standard error
 * s/√R with s ≈ half-width/1.96 (the bootstrap standard deviation); 4.5 of those for the difference. The
 * half-width itself (two order statistics at 2.5% and 97.5% of 2,000 resamples) is within 15%: its relative
 * standard error at R' = 2,000 is about 4% (the order statistic's √(q(1 − q)/R')/f(x_q), q = 0.025, for a
 * normal), so 15% is more than 3.5 of those.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareGeneration } from '../../src/significance/generation/compareGeneration.js'

interface Row {
  id: string
  label: string | string[]
  prediction: string
  loss: number
  tokens: number
}

interface Expected {
  metrics: Record<
    string,
    {
      candidate: number
      baseline: number
      delta: number
      pValue?: number
      pValueSacrebleuAR?: number
      sacrebleuPairedBs?: { candidateMean: number; candidateCi: number; pValue: number }
    }
  >
  sacrebleu: { bleuSignature: string; chrfSignature: string }
}

const here = new URL('.', import.meta.url).pathname
const oracleDir = join(here, '../fixtures/oracle-v2')
const unseenDir = join(here, '../fixtures/generation')
const cases = [
  ...readdirSync(oracleDir)
    .filter((d) => d.startsWith('generation-'))
    .map((d) => join(oracleDir, d)),
  ...readdirSync(unseenDir)
    .filter((d) => d.startsWith('unseen-'))
    .map((d) => join(unseenDir, d))
]

function readRows(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row)
}

/** Pairs the two files by id (the cases keep both in the same order; checked). */
function load(dir: string) {
  const candidate = readRows(join(dir, 'candidate.jsonl'))
  const baseline = readRows(join(dir, 'baseline.jsonl'))
  expect(baseline.map((r) => r.id)).toEqual(candidate.map((r) => r.id))
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected
  return {
    data: {
      ids: candidate.map((r) => r.id),
      references: candidate.map((r) => (Array.isArray(r.label) ? r.label : [r.label])),
      candidate: candidate.map((r) => r.prediction),
      baseline: baseline.map((r) => r.prediction),
      loss: {
        candidate: { loss: candidate.map((r) => r.loss), tokens: candidate.map((r) => r.tokens) },
        baseline: { loss: baseline.map((r) => r.loss), tokens: baseline.map((r) => r.tokens) }
      }
    },
    expected
  }
}

const R = 10000

/** 4.5 standard errors of the difference of two p-value estimates, plus the +1 terms. */
function pTolerance(p: number, theirs: number): number {
  return 4.5 * Math.sqrt(Math.max(p * (1 - p), 1 / theirs) * (1 / R + 1 / theirs)) + 2 / (theirs + 1)
}

describe.each(cases)('generation case %s', (dir) => {
  const { data, expected } = load(dir)
  const result = compareGeneration(data, { resamples: R, alpha: 0.05, seed: 0 })

  it('has every metric value and delta of the reference to 1e-9', () => {
    for (const name of ['exact_match', 'token_f1', 'bleu', 'chrf', 'loss', 'perplexity']) {
      const e = expected.metrics[name]
      const got = result.metrics.get(name)
      expect(got, name).toBeDefined()
      expect(Math.abs((got?.candidate as number) - e.candidate), `${name} candidate`).toBeLessThan(1e-9)
      expect(Math.abs((got?.baseline as number) - e.baseline), `${name} baseline`).toBeLessThan(1e-9)
      expect(Math.abs((got?.delta as number) - e.delta), `${name} delta`).toBeLessThan(1e-9)
    }
  })

  it('gives the exact McNemar (exact_match) and paired t (token_f1) p-values of the reference', () => {
    for (const [name, test] of [['exact_match', 'mcnemar-exact'], ['token_f1', 'paired-t']] as const) {
      const e = expected.metrics[name].pValue
      if (e === undefined) continue // the unseen cases give values only
      expect(result.metrics.get(name)?.test).toBe(test)
      expect(Math.abs((result.metrics.get(name)?.pValue as number) - e), name).toBeLessThan(1e-9)
    }
  })

  it("agrees with sacrebleu's --paired-ar and --paired-bs within Monte Carlo error", () => {
    for (const name of ['bleu', 'chrf']) {
      const e = expected.metrics[name]
      const got = result.metrics.get(name)
      const ar = e.pValueSacrebleuAR as number
      expect(Math.abs((got?.sacrebleuAR as number) - ar), `${name} AR p`).toBeLessThan(pTolerance(ar, 10000))
      const bs = e.sacrebleuPairedBs as { candidateMean: number; candidateCi: number; pValue: number }
      const mine = got?.sacrebleuBs as { candidateMean: number; candidateCi: number; pValue: number }
      const sd = bs.candidateCi / 1.96
      expect(Math.abs(mine.candidateMean - bs.candidateMean), `${name} bootstrap mean`).toBeLessThan(4.5 * sd * Math.sqrt(1 / R + 1 / 2000))
      expect(Math.abs(mine.candidateCi - bs.candidateCi) / bs.candidateCi, `${name} half-width`).toBeLessThan(0.15)
      expect(Math.abs(mine.pValue - bs.pValue), `${name} bootstrap p`).toBeLessThan(pTolerance(bs.pValue, 2000))
      // Our own two-sided p counts ties as hits (≥); sacrebleu's only strict exceedances: ours is never smaller.
      expect(got?.pValue as number).toBeGreaterThanOrEqual(got?.sacrebleuAR as number)
      expect(got?.test).toBe('permutation')
    }
  })

  it('names signatures that are the defaults this code implements', () => {
    expect(expected.sacrebleu.bleuSignature).toMatch(/^nrefs:(\d+|var)\|case:mixed\|eff:no\|tok:13a\|smooth:exp\|version:2\.6\.0$/)
    expect(expected.sacrebleu.chrfSignature).toMatch(/^nrefs:(\d+|var)\|case:mixed\|eff:yes\|nc:6\|nw:0\|space:no\|version:2\.6\.0$/)
  })

  it('puts every delta inside its bootstrap interval and the candidate inside its own', () => {
    for (const name of ['token_f1', 'bleu', 'chrf', 'loss', 'perplexity']) {
      const got = result.metrics.get(name)
      const [lo, hi] = got?.ci as [number, number]
      expect(lo, name).toBeLessThanOrEqual(got?.delta as number)
      expect(hi, name).toBeGreaterThanOrEqual(got?.delta as number)
      const [clo, chi] = got?.candidateCi as [number, number]
      expect(clo, name).toBeLessThanOrEqual(got?.candidate as number)
      expect(chi, name).toBeGreaterThanOrEqual(got?.candidate as number)
    }
  })
})
