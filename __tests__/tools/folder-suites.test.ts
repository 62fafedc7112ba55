/**
 * An lm-eval output folder of several tasks is one suite per task (docs/tools.md, docs/suites.md): the CLI's runCli on
 * two folders. The real negotiationtom runs (three tasks, two runs of Qwen3-8B) are read in place from
 * ../shared/formats/real and copied into temp folders only to separate the two runs; skipped when ../shared is absent.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { removeAfterTest } from '../temp.js'
import { inspectTask } from '../../src/compare/folderSuites.js'
import { runCli } from '../../src/cli/runCli.js'
import type { SuitesReport } from '../../src/report/schema.js'
import { haveReal, real } from './support.js'

const RUN = 'lm-eval-harness/harness-pr3936-negotiationtom-qwen3-8b/outputs/qwen3-8b/negotiationtom/Qwen__Qwen3-8B'

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const code = await runCli(args, { write: (t) => (out += t), isTTY: false })
  return { code, out }
}

describe('inspectTask', () => {
  it("reads the task from Inspect's default log names", () => {
    expect(inspectTask('2025-06-18T10-00-00+00-00_popularity_Xa9bC.eval')).toBe('popularity')
    expect(inspectTask('logs/2024-05-01T12-30-00-04-00_arc_easy_k2Jx.json')).toBe('arc_easy')
    expect(inspectTask('mine.eval')).toBe('mine')
  })
})

describe.skipIf(!haveReal)('an lm-eval folder of three tasks (real files, ../shared/formats/real)', () => {
  const split = () => {
    const dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-folders-')))
    const [cand, base] = [path.join(dir, 'candidate'), path.join(dir, 'baseline')]
    mkdirSync(cand)
    mkdirSync(base)
    for (const f of readdirSync(real(RUN))) {
      if (!f.startsWith('samples_')) continue
      copyFileSync(real(RUN, f), path.join(f.includes('18-15-33') ? cand : base, f))
    }
    return { dir, cand, base }
  }
  const results = (stamp: string) => (JSON.parse(readFileSync(real(RUN, `results_2026-07-08T${stamp}.json`), 'utf8')) as { results: Record<string, Record<string, number>> }).results

  it('is one suite per task, each equal to the harness aggregate (results_*.json) of both runs', async () => {
    const { dir, cand, base } = split()
    const json = path.join(dir, 'report.json')
    const r = await cli(['compare', '--candidate', cand, '--baseline', base, '--json', json, '--resamples', '500'])
    expect(r.code).toBe(0)
    const report = JSON.parse(readFileSync(json, 'utf8')) as SuitesReport
    expect(Object.keys(report.suites)).toEqual(['negotiationtom_belief', 'negotiationtom_desire', 'negotiationtom_intention'])
    const [c, b] = [results('18-15-33.115417'), results('16-04-34.219874')]
    for (const [name, suite] of Object.entries(report.suites)) {
      const metric = name === 'negotiationtom_intention' ? 'exact_match' : 'acc'
      expect(suite.counts.paired).toBe(20)
      expect(suite.metrics[metric].candidate).toBeCloseTo(c[name][`${metric},none`], 9)
      expect(suite.metrics[metric].baseline).toBeCloseTo(b[name][`${metric},none`], 9)
    }
    expect(r.out).toMatch(/^### ✅ Eval Gate: passed — 3 of 3 suites/)
  })

  it('a task of the baseline folder that the candidate folder lacks is said once, not dropped silently', async () => {
    const { dir, cand, base } = split()
    const dropped = readdirSync(cand).find((f) => f.includes('desire')) as string
    rmSync(path.join(cand, dropped))
    const json = path.join(dir, 'dropped.json')
    await cli(['compare', '--candidate', cand, '--baseline', base, '--json', json, '--resamples', '500'])
    const report = JSON.parse(readFileSync(json, 'utf8')) as SuitesReport
    expect(Object.keys(report.suites)).toEqual(['negotiationtom_belief', 'negotiationtom_intention'])
    const file = path.join(base, readdirSync(base).find((f) => f.includes('desire')) as string)
    expect(report.warnings).toContain(`The baseline has task "negotiationtom_desire" (${file}), which ${cand} lacks: not compared.`)
  })

  it('a task missing from the baseline folder is a new suite; one task twice in a folder is refused', async () => {
    const { cand, base } = split()
    for (const f of readdirSync(base)) if (f.includes('intention')) rmSync(path.join(base, f))
    const json = path.join(cand, '..', 'new.json')
    await cli(['compare', '--candidate', cand, '--baseline', base, '--json', json, '--resamples', '500'])
    const report = JSON.parse(readFileSync(json, 'utf8')) as SuitesReport
    expect(report.newSuites).toEqual(['negotiationtom_intention'])
    expect(Object.keys(report.suites)).toHaveLength(3)
    expect(report.warnings.filter((w) => w.startsWith('The baseline has task'))).toEqual([])
    copyFileSync(path.join(base, readdirSync(base).find((f) => f.includes('belief')) as string), path.join(cand, 'samples_negotiationtom_belief_2026-07-09T00-00-00.000000.jsonl'))
    await expect(cli(['compare', '--candidate', cand, '--baseline', base])).rejects.toThrow(/task "negotiationtom_belief" has two files/)
  })
})
