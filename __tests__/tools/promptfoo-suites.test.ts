/**
 * A promptfoo results file of several prompt × provider columns is one suite per column (docs/tools.md, promptfoo;
 * docs/suites.md): the real TDS-Project-1 file (two providers, one prompt) and measure-ai-drift 163074217f (one
 * provider, two prompts) read in place from ../shared/formats/real (skipped when absent), and fixtures written here
 * for the pairing rules, the names and in-memory sources. Every expected number is counted from the file with
 * JSON.parse, not taken from the reader.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it, onTestFinished } from 'vitest'
import { runCli } from '../../src/cli/runCli.js'
import { pairColumns, plainProvider, promptfooSuites, suiteNames } from '../../src/compare/promptfooSuites.js'
import { compareSuites, type SuiteInput } from '../../src/compare/suites.js'
import { DEFAULT_FIELDS, type PredictionSource } from '../../src/read/predictionFile.js'
import { columnOf, promptfooColumns, type PromptfooColumn } from '../../src/read/tools/promptfoo.js'
import type { Report, SuitesReport } from '../../src/report/schema.js'
import { asSuitesReport, SUITE_NAME } from '../../src/report/validate.js'
import { compareFiles, failure, haveReal, real, tempFolder } from './support.js'

const TDS = real('promptfoo/TDS-Project-1/promptfoo_results.json')
const DRIFT = real('promptfoo/measure-ai-drift/163074217f/promptfoo-results.json')
const DRIFT_ONE = real('promptfoo/measure-ai-drift/cb2be90fda/promptfoo-results.json')

interface PfRow {
  testIdx: number
  promptIdx: number
  success: boolean
  failureReason?: number
  provider?: { id?: string }
  testCase: { description?: string }
}
interface PfFile {
  results: { prompts: { label: string; provider: string }[]; results: PfRow[] }
}

const parse = (text: string): PfFile => JSON.parse(text) as PfFile
const load = (file: string): PfFile => parse(readFileSync(file, 'utf8'))

/** Column c of a parsed file, counted by hand: rows, pass rate, error rows (failureReason 2). */
function column(doc: PfFile, c: number): { rows: number; success: number; errors: number } {
  const rows = doc.results.results.filter((r) => r.promptIdx === c)
  return { rows: rows.length, success: rows.filter((r) => r.success === true).length / rows.length, errors: rows.filter((r) => r.failureReason === 2).length }
}

const shared = { fields: DEFAULT_FIELDS, alpha: 0.05, resamples: 500, seed: 0, missingBaseline: 'skip' as const }

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const code = await runCli(args, { write: (t) => (out += t), isTTY: false }, undefined)
  return { code, out }
}

/** A temp folder removed when the running test finishes. */
function temp(): ReturnType<typeof tempFolder> {
  const t = tempFolder()
  onTestFinished(() => t.done())
  return t
}

let reports = 0

/** The CLI's suites report of `candidate` against `baseline` (read back through the report's shape check). */
async function suitesOf(t: ReturnType<typeof tempFolder>, candidate: string, baseline: string | null, extra: string[] = []): Promise<{ code: number; out: string; report: SuitesReport }> {
  const json = `${t.dir}/report-${++reports}.json`
  const r = await cli(['compare', '--candidate', candidate, ...(baseline ? ['--baseline', baseline] : []), '--json', json, '--resamples', '500', ...extra])
  return { ...r, report: asSuitesReport(JSON.parse(readFileSync(json, 'utf8')), json) }
}

/**
 * A promptfoo results file of the given columns: test t of column c passes when `pass[t]` is true; rows in
 * completion order (test by test, columns interleaved), as promptfoo writes them.
 */
function pfFile(columns: { provider: string; prompt: string; pass: boolean[] }[]): string {
  const rows: Record<string, unknown>[] = []
  const tests = Math.max(...columns.map((c) => c.pass.length))
  for (let t = 0; t < tests; t++) {
    columns.forEach((c, promptIdx) => {
      if (t >= c.pass.length) return
      const ok = c.pass[t]
      rows.push({
        testIdx: t,
        promptIdx,
        testCase: { description: `test ${t}`, vars: { q: `q${t}` } },
        vars: { q: `q${t}` },
        provider: { id: c.provider },
        success: ok,
        score: ok ? 1 : 0,
        namedScores: {},
        latencyMs: 100 + t,
        cost: 0.001,
        failureReason: ok ? 0 : 1
      })
    })
  }
  return JSON.stringify({ evalId: 'e', results: { version: 3, prompts: columns.map((c) => ({ raw: c.prompt, label: c.prompt, provider: c.provider })), results: rows }, config: {} })
}

/** Pass vectors of 12 tests with k passes (the first k), so that each column's pass rate is its own. */
const passes = (k: number, n = 12): boolean[] => Array.from({ length: n }, (_, i) => i < k)

const meanOf = (report: Report, side: 'candidate' | 'baseline'): number | null => report.metrics.success[side] as number | null

describe.skipIf(!haveReal)('promptfoo suites: the real files (skipped: ../shared/formats/real is absent)', () => {
  it('TDS-Project-1 (2 providers, 1 prompt) against itself: a suite per provider, each paired with its own column', async () => {
    const t = temp()
    const doc = load(TDS)
    const { code, out, report } = await suitesOf(t, TDS, TDS)
    expect(code).toBe(0)
    const providers = doc.results.prompts.map((p) => p.provider)
    expect(new Set(providers).size).toBe(2)
    expect(Object.keys(report.suites)).toEqual(['https_tds-project-1-ruby-one.vercel.app_query', 'openai_chat_gpt-4o-mini'])
    expect(report.newSuites).toEqual([])
    const means = [column(doc, 0).success, column(doc, 1).success]
    // The two columns differ, so a suite paired with the other column would show.
    expect(means[0]).not.toBe(means[1])
    Object.values(report.suites).forEach((suite, c) => {
      expect(suite.counts.paired).toBe(column(doc, c).rows)
      expect(meanOf(suite, 'candidate')).toBeCloseTo(means[c], 12)
      expect(meanOf(suite, 'baseline')).toBeCloseTo(means[c], 12)
    })
    expect(out).toMatch(/^### ✅ Eval Gate: passed — 2 of 2 suites/)
  })

  it('TDS-Project-1 against a copy with some of gpt-4o-mini\'s results flipped: that suite\'s candidate mean moves, the other suite\'s does not', async () => {
    const t = temp()
    const text = readFileSync(TDS, 'utf8')
    const copy = parse(text)
    const flipped = new Set([0, 2, 3])
    for (const r of copy.results.results) if (r.promptIdx === 1 && flipped.has(r.testIdx)) r.success = !r.success
    const file = t.write('flipped.json', JSON.stringify(copy))
    const [mine, orig] = [load(file), load(TDS)]
    expect(column(mine, 1).success).not.toBe(column(orig, 1).success)
    const { report } = await suitesOf(t, file, TDS, ['--errors', 'exclude'])
    const [rag, gpt] = [report.suites['https_tds-project-1-ruby-one.vercel.app_query'], report.suites['openai_chat_gpt-4o-mini']]
    expect(meanOf(gpt, 'candidate')).toBeCloseTo(column(mine, 1).success, 12)
    expect(meanOf(gpt, 'baseline')).toBeCloseTo(column(orig, 1).success, 12)
    expect(meanOf(rag, 'candidate')).toBeCloseTo(column(orig, 0).success, 12)
    expect(meanOf(rag, 'baseline')).toBeCloseTo(column(orig, 0).success, 12)
    // McNemar's discordant pairs are the flips: each flipped test of column 1 is one.
    const worse = [...flipped].filter((k) => orig.results.results.find((r) => r.promptIdx === 1 && r.testIdx === k)?.success === true).length
    expect(gpt.examples?.success).toMatchObject({ kind: 'flips', worse, better: flipped.size - worse })
    expect(rag.examples?.success).toMatchObject({ kind: 'flips', worse: 0, better: 0 })
  })

  it('measure-ai-drift 163074217f (1 provider, 2 prompts, every row an error) against itself: prompt-1, prompt-2, each its own column', async () => {
    const t = temp()
    const doc = load(DRIFT)
    expect(new Set(doc.results.prompts.map((p) => p.provider)).size).toBe(1)
    const suites = (await promptfooSuites({ name: DRIFT, path: DRIFT }, { name: DRIFT, path: DRIFT }, undefined)) as SuiteInput[]
    expect(suites.map((s) => [s.name, s.candidate.name, s.baseline?.name])).toEqual([
      ['prompt-1', `${DRIFT}#0`, `${DRIFT}#0`],
      ['prompt-2', `${DRIFT}#1`, `${DRIFT}#1`]
    ])
    const { report } = await suitesOf(t, DRIFT, DRIFT, ['--errors', 'exclude'])
    expect(Object.keys(report.suites)).toEqual(['prompt-1', 'prompt-2'])
    Object.values(report.suites).forEach((suite, c) => {
      const own = column(doc, c)
      expect(own.errors).toBe(own.rows)
      expect(suite.counts.paired).toBe(own.rows)
      expect(suite.counts.errors).toEqual({ candidate: own.errors, baseline: own.errors })
      expect(suite.metrics.error_rate.candidate).toBe(own.errors / own.rows)
      // Every row errored: the pass rate of what is left (nothing) is undefined, on both sides.
      expect(meanOf(suite, 'candidate')).toBeNull()
    })
    // Counted as failures (errors: wrong), rows that are all errors on both sides stop the run, in one line naming the column.
    const message = await failure(cli(['compare', '--candidate', DRIFT, '--baseline', DRIFT]))
    expect(message).not.toContain('\n')
    expect(message).toContain(`${DRIFT}#0: has only error rows`)
  })

  it('measure-ai-drift 163074217f against cb2be90fda (one column, another provider): both suites new, the reason naming that file', async () => {
    const one = load(DRIFT_ONE)
    expect(one.results.prompts).toHaveLength(1)
    expect(one.results.prompts[0].provider).not.toBe(load(DRIFT).results.prompts[0].provider)
    const suites = (await promptfooSuites({ name: DRIFT, path: DRIFT }, { name: DRIFT_ONE, path: DRIFT_ONE }, 'promptfoo')) as SuiteInput[]
    expect(suites.map((s) => s.baseline)).toEqual([null, null])
    for (const s of suites) expect(s.whyNew).toBe(`${DRIFT_ONE} is one column, of another provider ("python:prompts/patient_provider.py")`)
  })

  it('the #N form still compares one column with one column, as one report', async () => {
    const t = temp()
    const json = `${t.dir}/one.json`
    expect((await cli(['compare', '--candidate', `${TDS}#1`, '--baseline', `${TDS}#0`, '--json', json, '--resamples', '500'])).code).toBe(0)
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report & { suites?: unknown }
    expect(report.suites).toBeUndefined()
    expect(meanOf(report, 'candidate')).toBeCloseTo(column(load(TDS), 1).success, 12)
    expect(meanOf(report, 'baseline')).toBeCloseTo(column(load(TDS), 0).success, 12)
  })
})

describe('promptfoo suites: pairing columns with the baseline file', () => {
  it('a baseline of one column pairs with the candidate column of its provider; the other column is new, naming the baseline file', async () => {
    const t = temp()
    const cand = t.write('cand.json', pfFile([{ provider: 'openai:gpt-4o', prompt: 'p', pass: passes(9) }, { provider: 'anthropic:claude', prompt: 'p', pass: passes(6) }]))
    const base = t.write('base.json', pfFile([{ provider: 'anthropic:claude', prompt: 'p', pass: passes(3) }]))
    const { report } = await suitesOf(t, cand, base)
    expect(Object.keys(report.suites)).toEqual(['openai_gpt-4o', 'anthropic_claude'])
    expect(report.newSuites).toEqual(['openai_gpt-4o'])
    expect(report.warnings[0]).toBe(`Suite "openai_gpt-4o" has no baseline counterpart (${base} is one column ("anthropic:claude"), compared with suite "anthropic_claude"): compared alone and reported as new.`)
    const [c, b] = [load(cand), load(base)]
    expect(meanOf(report.suites['openai_gpt-4o'], 'candidate')).toBe(column(c, 0).success)
    expect(meanOf(report.suites['openai_gpt-4o'], 'baseline')).toBeNull()
    expect(meanOf(report.suites.anthropic_claude, 'candidate')).toBe(column(c, 1).success)
    expect(meanOf(report.suites.anthropic_claude, 'baseline')).toBe(column(b, 0).success)
    expect(report.suites.anthropic_claude.warnings.join('\n')).not.toMatch(/Paired with/)
  })

  it('a one-column baseline of the same provider under another prompt label pairs, and the suite says the label changed', async () => {
    const t = temp()
    const cand = t.write('cand.json', pfFile([{ provider: 'openai:gpt-4o', prompt: 'Answer: {{q}}', pass: passes(9) }, { provider: 'openai:gpt-4o', prompt: 'Reply briefly: {{q}}', pass: passes(5) }]))
    const base = t.write('base.json', pfFile([{ provider: 'openai:gpt-4o', prompt: 'Answer the question: {{q}}', pass: passes(4) }]))
    const { report } = await suitesOf(t, cand, base)
    expect(Object.keys(report.suites)).toEqual(['prompt-1', 'prompt-2'])
    expect(report.newSuites).toEqual(['prompt-2'])
    expect(meanOf(report.suites['prompt-1'], 'baseline')).toBe(column(load(base), 0).success)
    expect(report.suites['prompt-1'].warnings[0]).toBe(
      `Paired with ${base}#0 as the same provider's column at the same place: the prompt label changed ("Answer the question: {{q}}" → "Answer: {{q}}"), so the comparison measures that change too (docs/tools.md, promptfoo).`
    )
  })

  it('a prompt label changed in a file of two prompts: paired by place, said in that suite; the unchanged prompt by its label, even when the columns moved', async () => {
    const t = temp()
    const base = t.write('base.json', pfFile([{ provider: 'openai:gpt-4o', prompt: 'v1 {{q}}', pass: passes(3) }, { provider: 'openai:gpt-4o', prompt: 'short {{q}}', pass: passes(9) }]))
    const changed = t.write('changed.json', pfFile([{ provider: 'openai:gpt-4o', prompt: 'v2 {{q}}', pass: passes(4) }, { provider: 'openai:gpt-4o', prompt: 'short {{q}}', pass: passes(10) }]))
    const b = load(base)
    const one = await suitesOf(t, changed, base)
    expect(one.report.newSuites).toEqual([])
    expect(meanOf(one.report.suites['prompt-1'], 'baseline')).toBe(column(b, 0).success)
    expect(meanOf(one.report.suites['prompt-2'], 'baseline')).toBe(column(b, 1).success)
    expect(one.report.suites['prompt-1'].warnings[0]).toMatch(/^Paired with .*base\.json#0 as the same provider's column at the same place: the prompt label changed \("v1 \{\{q\}\}" → "v2 \{\{q\}\}"\)/)
    expect(one.report.suites['prompt-2'].warnings.join('\n')).not.toMatch(/Paired with/)
    // The same prompts in the other order: each finds its own label's column (the pass rates tell them apart).
    const moved = t.write('moved.json', pfFile([{ provider: 'openai:gpt-4o', prompt: 'short {{q}}', pass: passes(10) }, { provider: 'openai:gpt-4o', prompt: 'v1 {{q}}', pass: passes(4) }]))
    const two = await suitesOf(t, moved, base)
    expect(meanOf(two.report.suites['prompt-1'], 'baseline')).toBe(column(b, 1).success)
    expect(meanOf(two.report.suites['prompt-2'], 'baseline')).toBe(column(b, 0).success)
    for (const suite of Object.values(two.report.suites)) expect(suite.warnings.join('\n')).not.toMatch(/Paired with/)
  })

  it('a column the baseline lacks is a new suite naming the baseline file; the others pair by provider wherever they are', async () => {
    const t = temp()
    const cand = t.write('cand.json', pfFile([
      { provider: 'openai:gpt-4o', prompt: 'p', pass: passes(8) },
      { provider: 'anthropic:claude', prompt: 'p', pass: passes(7) },
      { provider: 'ollama:llama3', prompt: 'p', pass: passes(5) }
    ]))
    const base = t.write('base.json', pfFile([{ provider: 'anthropic:claude', prompt: 'p', pass: passes(2) }, { provider: 'openai:gpt-4o', prompt: 'p', pass: passes(11) }]))
    const { report } = await suitesOf(t, cand, base)
    expect(report.newSuites).toEqual(['ollama_llama3'])
    expect(report.warnings).toContain(`Suite "ollama_llama3" has no baseline counterpart (${base} has no column of provider "ollama:llama3" left to pair with it, nor one at its index #2): compared alone and reported as new.`)
    const b = load(base)
    expect(meanOf(report.suites['openai_gpt-4o'], 'baseline')).toBe(column(b, 1).success)
    expect(meanOf(report.suites.anthropic_claude, 'baseline')).toBe(column(b, 0).success)
    expect(meanOf(report.suites.ollama_llama3, 'candidate')).toBe(column(load(cand), 2).success)
    expect(report.suites.ollama_llama3.verdict).toBe('no-baseline')
  })

  it('a baseline column that no candidate column pairs with is said once above the suites, not dropped silently', async () => {
    const t = temp()
    const cand = t.write('cand.json', pfFile([{ provider: 'openai:gpt-4o', prompt: 'p', pass: passes(8) }, { provider: 'anthropic:claude', prompt: 'p', pass: passes(7) }]))
    const base = t.write('base.json', pfFile([
      { provider: 'anthropic:claude', prompt: 'p', pass: passes(2) },
      { provider: 'ollama:llama3', prompt: 'p', pass: passes(3) },
      { provider: 'openai:gpt-4o', prompt: 'p', pass: passes(11) }
    ]))
    const { report } = await suitesOf(t, cand, base)
    expect(Object.keys(report.suites).sort()).toEqual(['anthropic_claude', 'openai_gpt-4o'])
    expect(report.warnings.filter((w) => w.includes('no counterpart among'))).toEqual([
      `The baseline's column ${base}#1 ("p" × "ollama:llama3") has no counterpart among the candidate's columns: not compared.`
    ])
    // Every suite's own warnings stay its own.
    for (const suite of Object.values(report.suites)) expect(suite.warnings.join(' ')).not.toContain('no counterpart among')
  })

  it('a provider replaced at the same index pairs by position, and the suite says the provider changed', async () => {
    const t = temp()
    const cand = t.write('cand.json', pfFile([{ provider: 'openai:gpt-4o', prompt: 'p', pass: passes(8) }, { provider: 'openai:gpt-4.1-mini', prompt: 'p', pass: passes(7) }]))
    const base = t.write('base.json', pfFile([{ provider: 'openai:gpt-4o', prompt: 'p', pass: passes(8) }, { provider: 'openai:gpt-4o-mini', prompt: 'p', pass: passes(2) }]))
    const { report } = await suitesOf(t, cand, base)
    expect(report.newSuites).toEqual([])
    expect(meanOf(report.suites['openai_gpt-4.1-mini'], 'baseline')).toBe(column(load(base), 1).success)
    expect(report.suites['openai_gpt-4.1-mini'].warnings[0]).toBe(
      `Paired with ${base}#1 by position only (the same column index): the provider changed ("openai:gpt-4o-mini" → "openai:gpt-4.1-mini"), so the comparison measures that change too (docs/tools.md, promptfoo).`
    )
  })

  it('without a baseline every suite is new', async () => {
    const t = temp()
    const cand = t.write('cand.json', pfFile([{ provider: 'a', prompt: 'p', pass: passes(8) }, { provider: 'b', prompt: 'p', pass: passes(7) }]))
    const { code, report } = await suitesOf(t, cand, null)
    expect(code).toBe(0)
    expect(report.newSuites).toEqual(['a', 'b'])
    expect(report.verdict).toBe('no-baseline')
    expect(report.warnings[0]).toBe('Suite "a" has no baseline counterpart (no baseline): compared alone and reported as new.')
  })

  it('pairColumns: the rounds, one baseline column per candidate column', () => {
    const col = (index: number, provider: string, prompt: string): PromptfooColumn => ({ index, provider, prompt, rows: 1 })
    const got = pairColumns(
      [col(0, 'A', 'p1'), col(1, 'A', 'p2x'), col(2, 'B', 'p1'), col(3, 'C', 'p1')],
      [col(0, 'A', 'p2'), col(1, 'A', 'p1'), col(2, 'B', 'p9'), col(3, 'D', 'p1'), col(4, 'E', 'p1')]
    ).map((p) => (p ? [p.column.index, p.how] : null))
    expect(got).toEqual([[1, 'same'], [0, 'provider'], [2, 'provider'], [3, 'position']])
    // One baseline column: the candidate column of its provider and prompt, else the first of its provider, else none.
    expect(pairColumns([col(0, 'A', 'p1'), col(1, 'A', 'p2')], [col(0, 'A', 'p2')]).map((p) => p?.how ?? null)).toEqual([null, 'same'])
    expect(pairColumns([col(0, 'B', 'p1'), col(1, 'A', 'p2')], [col(0, 'A', 'p7')]).map((p) => p?.how ?? null)).toEqual([null, 'provider'])
    expect(pairColumns([col(0, 'B', 'p1'), col(1, 'C', 'p2')], [col(0, 'A', 'p1')])).toEqual([null, null])
  })
})

describe('promptfoo suites: names', () => {
  const cols = (...pairs: [string, string][]) => pairs.map(([provider, prompt]) => ({ provider, prompt }))

  it('providers when they all differ, prompt-k for one provider, provider.prompt-k for a grid', () => {
    expect(suiteNames(cols(['openai:chat:gpt-4o-mini', 'p'], ['https://x.example/query', 'p']))).toEqual(['openai_chat_gpt-4o-mini', 'https_x.example_query'])
    expect(suiteNames(cols(['openai:gpt-4o', 'a long prompt\nwith {{vars}}'], ['openai:gpt-4o', 'another']))).toEqual(['prompt-1', 'prompt-2'])
    expect(suiteNames(cols(['A:x', 'p1'], ['A:x', 'p2'], ['B:y', 'p1'], ['B:y', 'p2']))).toEqual(['A_x.prompt-1', 'A_x.prompt-2', 'B_y.prompt-1', 'B_y.prompt-2'])
    // Distinct providers win even when the prompts differ too.
    expect(suiteNames(cols(['A', 'p1'], ['B', 'p2']))).toEqual(['A', 'B'])
  })

  it('names alike once plain, or once cut to 60 characters, are kept apart; every name is a plain suite name', () => {
    const long = (tail: string) => `bedrock:${'anthropic.claude-3-5-sonnet-'.repeat(3)}${tail}`
    const names = suiteNames(cols(['openai:gpt-4o', 'p'], ['openai/gpt-4o', 'p'], ['openai gpt-4o', 'p'], [long('v1'), 'p'], [long('v2'), 'p'], [`x${long('v1')}`.replace('x', 'y'), 'p']))
    expect(names.slice(0, 3)).toEqual(['openai_gpt-4o', 'openai_gpt-4o-2', 'openai_gpt-4o-3'])
    expect(names[3]).not.toBe(names[4])
    expect(names[3].endsWith('sonnet-v1')).toBe(true)
    expect(new Set(names).size).toBe(names.length)
    for (const n of names) {
      expect(n).toMatch(SUITE_NAME)
      expect(n.length).toBeLessThanOrEqual(62)
    }
    expect(plainProvider(long('v1'))).toHaveLength(60)
    expect(plainProvider('::')).toBe('provider')
  })

  it('a file whose providers collide once plain compares as two suites', async () => {
    const t = temp()
    const cand = t.write('cand.json', pfFile([{ provider: 'openai:gpt-4o', prompt: 'p', pass: passes(8) }, { provider: 'openai/gpt-4o', prompt: 'p', pass: passes(3) }]))
    const { report } = await suitesOf(t, cand, cand)
    expect(Object.keys(report.suites)).toEqual(['openai_gpt-4o', 'openai_gpt-4o-2'])
    const c = load(cand)
    expect(meanOf(report.suites['openai_gpt-4o-2'], 'candidate')).toBe(column(c, 1).success)
    expect(meanOf(report.suites['openai_gpt-4o-2'], 'baseline')).toBe(column(c, 1).success)
  })
})

describe('promptfoo suites: sources', () => {
  it('an in-memory baseline (an artifact file) gives each suite the same bytes with #N appended to its name', async () => {
    const t = temp()
    const cand = t.write('cand.json', pfFile([{ provider: 'a', prompt: 'p', pass: passes(9) }, { provider: 'b', prompt: 'p', pass: passes(4) }]))
    const data = new Uint8Array(Buffer.from(pfFile([{ provider: 'b', prompt: 'p', pass: passes(2) }, { provider: 'a', prompt: 'p', pass: passes(10) }])))
    const artifact: PredictionSource = { name: 'artifact "x" of run 1: results.json', data }
    const suites = (await promptfooSuites({ name: cand, path: cand }, artifact, undefined)) as SuiteInput[]
    expect(suites.map((s) => s.baseline?.name)).toEqual(['artifact "x" of run 1: results.json#1', 'artifact "x" of run 1: results.json#0'])
    for (const s of suites) {
      expect(s.baseline?.data).toBe(data)
      expect(s.baseline?.path).toBeUndefined()
    }
    const report = await compareSuites(suites, shared, undefined, 'test')
    const base = parse(Buffer.from(data).toString('utf8'))
    expect(meanOf(report.suites.a, 'baseline')).toBe(column(base, 1).success)
    expect(meanOf(report.suites.b, 'baseline')).toBe(column(base, 0).success)
    expect(meanOf(report.suites.a, 'candidate')).toBe(column(load(cand), 0).success)
    // An in-memory candidate works alike.
    const again = (await promptfooSuites({ name: 'pr: results.json', data: readFileSync(cand) }, artifact, 'promptfoo')) as SuiteInput[]
    expect(again.map((s) => s.candidate.name)).toEqual(['pr: results.json#0', 'pr: results.json#1'])
    const second = await compareSuites(again, shared, undefined, 'test')
    expect(meanOf(second.suites.b, 'candidate')).toBe(column(load(cand), 1).success)
  })

  it('columnOf reads #N from an in-memory name; promptfooColumns lists index, prompt, provider and rows', async () => {
    const data = new Uint8Array([1, 2])
    const picked = columnOf({ name: 'artifact "x" of run 1: results.json#2', data }, () => false)
    expect(picked.column).toBe(2)
    expect(picked.source).toEqual({ name: 'artifact "x" of run 1: results.json', data })
    const text = pfFile([{ provider: 'a', prompt: 'p1', pass: passes(3, 5) }, { provider: 'b', prompt: 'p2', pass: passes(1, 4) }])
    expect(await promptfooColumns({ name: 'r.json', data: Buffer.from(text) })).toEqual([
      { index: 0, prompt: 'p1', provider: 'a', rows: 5 },
      { index: 1, prompt: 'p2', provider: 'b', rows: 4 }
    ])
  })

  it('is no suites (null) for one column, a column named by #N, another format, a plain prediction file', async () => {
    const t = temp()
    const one = t.write('one.json', pfFile([{ provider: 'a', prompt: 'p', pass: passes(3) }]))
    const two = t.write('two.json', pfFile([{ provider: 'a', prompt: 'p', pass: passes(3) }, { provider: 'b', prompt: 'p', pass: passes(4) }]))
    const plain = t.write('p.jsonl', '{"id": 1, "label": "a", "prediction": "a"}\n')
    const src = (p: string): PredictionSource => ({ name: p, path: p })
    expect(await promptfooSuites(src(one), null, undefined)).toBeNull()
    expect(await promptfooSuites(src(`${two}#1`), src(two), undefined)).toBeNull()
    expect(await promptfooSuites(src(two), null, 'json')).toBeNull()
    expect(await promptfooSuites(src(plain), null, undefined)).toBeNull()
    expect(await promptfooSuites(src(t.dir), null, undefined)).toBeNull()
    expect(await promptfooSuites(src(two), null, 'promptfoo')).toHaveLength(2)
    // A baseline named by #N is that one column.
    const picked = (await promptfooSuites(src(two), src(`${two}#1`), undefined)) as SuiteInput[]
    expect(picked.map((s) => s.baseline?.name ?? null)).toEqual([null, `${two}#1`])
  })
})

describe('promptfoo suites: errors stay one line', () => {
  it('the reader asked for a file of several columns without one names the suites route and lists the columns', async () => {
    const t = temp()
    const two = t.write('two.json', pfFile([{ provider: 'a', prompt: 'line one\nline two', pass: passes(3) }, { provider: 'b', prompt: 'p', pass: passes(4) }]))
    const message = await failure(compareFiles(two, null))
    expect(message).not.toContain('\n')
    expect(message).toBe(
      `${two}: holds 2 prompt × provider columns, one model each: given as the candidate file, it is compared one suite per column (docs/tools.md, promptfoo); ` +
        `here, name one column by appending its index to the path: ${two}#0 ("line one\\nline two" × "a", 12 rows); ${two}#1 ("p" × "b", 12 rows)`
    )
    // `--suite` hands the file to the reader whole: the same message.
    expect(await failure(cli(['compare', '--suite', `x=${two}`]))).toBe(message)
  })

  it('a baseline that is not a promptfoo file, or lacks the column named, stops the run in one line naming it', async () => {
    const t = temp()
    const two = t.write('two.json', pfFile([{ provider: 'a', prompt: 'p', pass: passes(3) }, { provider: 'b', prompt: 'p', pass: passes(4) }]))
    const plain = t.write('base.jsonl', '{"id": 1, "label": "a", "prediction": "a"}\n')
    const messages = [await failure(cli(['compare', '--candidate', two, '--baseline', plain])), await failure(cli(['compare', '--candidate', two, '--baseline', `${two}#5`]))]
    expect(messages[0]).toBe(`${plain}: is not a promptfoo results file, and the candidate is one of 2 prompt × provider columns (compared one suite per column): give the baseline's promptfoo results file`)
    expect(messages[1]).toBe(`${two}: has no prompt × provider column 5 (#5): its columns are #0, #1`)
    for (const m of messages) expect(m).not.toContain('\n')
  })
})
