/**
 * Slices in the report (SPEC §13, issue 12): the "Slices that got worse" table — significant and gated slices
 * first, then the largest drops, cut with a count —, untested slices in one line, the Simpson's-paradox note, slice
 * values as inert code spans, slice gates named with their slice, and publish mode accepting `slices`. The reports
 * are built by hand (render-reports.ts `slicedReport`: compare() on each slice's rows, q by Benjamini–Hochberg);
 * their snapshots are in render.test.ts and their GFM checks in render-gfm.test.ts.
 */
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { jsonForm } from '../src/render/escape.js'
import { renderMarkdown } from '../src/render/renderReport.js'
import { asReport } from '../src/report/validate.js'
import type { Report } from '../src/report/schema.js'
import { HOSTILE_SLICES, reportFor, slicedReport, sliceRows } from './render-reports.js'

/** The section from its heading to the next heading or folded section. */
const section = (md: string): string => {
  const start = md.indexOf('#### Slices')
  expect(start).toBeGreaterThan(0)
  const rest = md.slice(start + 4)
  const end = Math.min(...['\n#### ', '\n<details>'].map((s) => rest.indexOf(s)).filter((i) => i >= 0), rest.length)
  return md.slice(start, start + 4 + end)
}
/** The table's body rows: [slice cell, metric cell, n, values, Δ, CI, q]. */
const rows = (text: string): string[][] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Slice') && !l.startsWith('| :'))
    .map((l) => l.slice(2, -2).split(/(?<!\\) \| /))

describe('slices that got worse', () => {
  it('the multilingual example: German first, gated and significant, its other worse metrics named; Korean untested', async () => {
    const report = await reportFor('sliced')
    const md = renderMarkdown(report, 'comment')
    const text = section(md)
    // Accuracy per language from the example files (scripts/make-multilingual.mjs): de 408/500 → 374/500.
    expect(text).toContain('5 tested slices of `language`; 1 significantly worse (q < 0.05 or named by a failing gate).')
    const table = rows(text)
    expect(table).toHaveLength(1)
    expect(table[0].slice(0, 5)).toEqual(['❌&nbsp;`language=de`', 'accuracy (also precision, recall, f1)', '500', '81.6% → 74.8%', '−6.8 pts'])
    // q: exact McNemar two-sided p 9.61e-5 (statsmodels mcnemar([[72, 20], [54, 354]], exact=True)), BH over 20 slice metrics.
    expect(table[0][6]).toMatch(/^\*\*0\.00\d\d\*\*$/)
    expect(report.slices!.language.de.metrics.accuracy.pValue).toBeCloseTo(9.612986582365388e-5, 10)
    expect(text).toContain('Not tested (fewer than 30 paired examples): `language=ko` (20).')
    expect(text).not.toContain("Simpson's paradox")
    // German is named by the failing gate on the first screen: no second alert for it.
    expect(md).not.toContain('Significantly worse on')
    // The slice gate reads with its slice's numbers, not the run's (82.5% → 85.2%).
    expect(md).toMatch(/^### ❌ Eval Gate: failed — 1 of 5 gates\n\n❌ `accuracy@language=de no-regression`: \*\*accuracy on `language=de` 81\.6% → 74\.8% \(−6\.8 pts, 95% CI /)
    expect(md).toContain('| ❌&nbsp;**fail** | `accuracy@language=de no-regression` | `language=de`: −6.8 pts (81.6% → 74.8%) |')
  })
  it('many slices: the comment keeps 10 rows (significant first, then by drop) and says how many more; the summary has all', async () => {
    const report = await reportFor('sliced-many')
    const comment = section(renderMarkdown(report, 'comment'))
    const shown = rows(comment)
    expect(shown).toHaveLength(10)
    expect(shown.slice(0, 2).map((r) => r[0])).toEqual(['`customer=acme-18`', '`customer=acme-06`'])
    expect(shown.slice(0, 2).every((r) => r[6].startsWith('**'))).toBe(true)
    const drop = (r: string[]) => Number(r[4].replace('−', '-').replace(' pts', ''))
    const rest = shown.slice(2).map(drop)
    expect([...rest].sort((a, b) => a - b)).toEqual(rest)
    const summary = rows(section(renderMarkdown(report, 'summary')))
    // Every tested slice whose accuracy went down, as in the report's numbers.
    const worse = Object.values(report.slices!).flatMap((f) => Object.values(f)).filter((s) => s.tested && (s.metrics.accuracy.delta as number) < 0)
    expect(summary).toHaveLength(worse.length)
    expect(comment).toContain(`… and ${worse.length - 10} more slices that got worse; the JSON report has all of them.`)
    expect(summary.slice(0, 10)).toEqual(shown)
    expect(comment).toContain('Not tested (fewer than 30 paired examples): `customer=small-co` (25), `customer=tiny-co` (12).')
    // No gate checks slices: the two significant ones are on the first screen (before the first heading).
    const top = renderMarkdown(report, 'comment').split('\n#### ')[0].trimEnd()
    expect(top).toMatch(/\n> ⚠️ Significantly worse on 2 slices: `customer=acme-18` accuracy 80\.0% → 62\.2% \(−17\.8 pts, q < 0\.0001\); `customer=acme-06` accuracy 80\.0% → 61\.8% \(−18\.2 pts, q = 0\.00\d\d\)\. See "Slices that got worse" below\.$/)
  })
  it('no slice worse: one line, no table', async () => {
    const { candidate, baseline } = sliceRows('region', 'eu', 120, 90, 100)
    const md = renderMarkdown(await slicedReport(candidate, baseline, ['region']), 'comment')
    expect(section(md).trim()).toBe('#### Slices\n\n1 tested slice of `region`; none significantly worse.\n\nNo tested slice got worse in accuracy.')
  })
  it('no baseline: the slices by their own accuracy, lowest first, with Wilson intervals', async () => {
    const p = [sliceRows('region', 'eu', 150, 120, 115), sliceRows('region', 'na', 300, 240, 270), sliceRows('region', 'apac', 20, 15, 15)]
    const md = renderMarkdown(await slicedReport(p.flatMap((x) => x.candidate), null, ['region']), 'comment')
    const text = section(md)
    // eu 115/150 = 76.7%, na 270/300 = 90.0%; Wilson 95%: /usr/bin/python3 -c "from statsmodels.stats.proportion import
    // proportion_confint as p; print(p(115,150,method='wilson'), p(270,300,method='wilson'))" → (0.69284, 0.82717) (0.86083, 0.92905)
    expect(text).toContain('2 tested slices of `region`.')
    expect(rows(text)).toEqual([
      ['`region=eu`', '150', '76.7%', '69.3% to 82.7%'],
      ['`region=na`', '300', '90.0%', '86.1% to 92.9%']
    ])
    expect(text).toContain('Not tested (fewer than 30 examples): `region=apac` (20).')
    expect(text).not.toContain('worse')
  })
  it('a report without slices has no slices section', async () => {
    expect(renderMarkdown(await reportFor('multiclass-5'), 'comment')).not.toContain('#### Slices')
  })
})

describe("Simpson's paradox", () => {
  const parts = () => [
    sliceRows('region', 'na', 1200, 960, 1056),
    sliceRows('region', 'eu', 150, 120, 115),
    sliceRows('region', 'apac', 150, 120, 114),
    sliceRows('region', 'latam', 150, 120, 116)
  ]
  it('better overall, worse in most slices', async () => {
    const md = renderMarkdown(await reportFor('sliced-simpson'), 'comment')
    // Overall (960 + 360) / 1650 = 80.0% → (1056 + 345) / 1650 = 84.9%; eu, apac, latam 80.0% → 76.7%, 76.0%, 77.3%.
    expect(section(md)).toContain(
      "> ⚠️ accuracy is better overall (80.0% → 84.9%) but worse in 3 of the 4 tested `region` slices: a few slices carry the overall change and hide the others (Simpson's paradox)."
    )
  })
  it('and the reverse: worse overall, better in most slices', async () => {
    const p = parts()
    const md = renderMarkdown(await slicedReport(p.flatMap((x) => x.baseline), p.flatMap((x) => x.candidate), ['region']), 'comment')
    expect(section(md)).toContain('> ⚠️ accuracy is worse overall (84.9% → 80.0%) but better in 3 of the 4 tested `region` slices')
  })
  it('not when half the slices or fewer disagree', async () => {
    // Two of four worse: not most.
    const p = [...parts().slice(0, 3), sliceRows('region', 'latam', 150, 120, 125)]
    const md = renderMarkdown(await slicedReport(p.flatMap((x) => x.candidate), p.flatMap((x) => x.baseline), ['region']), 'comment')
    expect(md).not.toContain("Simpson's paradox")
  })
})

describe('slice values from the file are data', () => {
  it('each one a single <code> element after GFM that reads as field=value (or its JSON form), in the table and the untested line', async () => {
    const report = await reportFor('sliced-hostile')
    const md = renderMarkdown(report, 'comment')
    const html = marked.parse(section(md), { gfm: true, async: false })
    expect(html).not.toMatch(/<img|<b>|<em>|<strong>@|<a /)
    const codes = [...html.matchAll(/<code>([\s\S]*?)<\/code>/g)].map((m) =>
      m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    )
    for (const value of HOSTILE_SLICES) {
      const data = `group|<b>=${value}`
      expect(codes.includes(data) || codes.includes(jsonForm(data)), JSON.stringify(value)).toBe(true)
    }
    // The table keeps its 7 columns in every row (a `|` in a value is escaped).
    for (const row of rows(section(md))) expect(row).toHaveLength(7)
  })
})

describe('publish mode reads sliced reports', () => {
  it('accepts slices, slice gates and settings.slices; rejects a slice whose count is text', async () => {
    const report = JSON.parse(JSON.stringify(await reportFor('sliced'))) as Report
    expect(asReport(report, 'report.json')).toBe(report)
    const bad = JSON.parse(JSON.stringify(report)) as { slices: Record<string, Record<string, { counts: { paired: unknown } }>> }
    bad.slices.language.de.counts.paired = '<img src=x>'
    expect(() => asReport(bad, 'report.json')).toThrow('report.json: is not an Eval Gate report: report.slices["language"]["de"].counts.paired must be a number')
    const badQ = JSON.parse(JSON.stringify(report)) as { slices: Record<string, Record<string, { metrics: Record<string, { qValue: unknown }> }>> }
    badQ.slices.language.de.metrics.accuracy.qValue = '0.001'
    expect(() => asReport(badQ, 'report.json')).toThrow('qValue must be a number')
    const badGate = JSON.parse(JSON.stringify(report)) as { gates: { slice?: unknown }[] }
    badGate.gates[4].slice = { field: 7 }
    expect(() => asReport(badGate, 'report.json')).toThrow('report.gates[4].slice.field must be a string')
  })
})
