/**
 * The one renderer (issue 9): snapshots of the reports a reviewer sees (binary, 5 and 7 classes, hostile labels,
 * 50 classes, no baseline), what must be on the first screen, Δ that agrees with the values beside it, per-class
 * rows cut by change, the footer's provenance without local paths, and the escaping of data.
 */
import { describe, expect, it } from 'vitest'
import { formatShownDelta, changeWord } from '../src/report/format.js'
import { dataSpan, jsonForm, proseText } from '../src/render/escape.js'
import { LIMITS, renderMarkdown } from '../src/render/renderReport.js'
import { verdictChanging } from '../src/report/verdictChanging.js'
import { BEHIND_WARNING, CASES, reportFor, RUN_URL } from './render-reports.js'

/** Every table row of the Markdown has as many cells as its header (cells split on unescaped `|`, as GFM does). */
function tableShapes(markdown: string): void {
  let columns = -1
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      columns = -1
      continue
    }
    const cells = line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length - 2
    if (columns < 0) columns = cells
    expect(cells, line).toBe(columns)
  }
}

/** What comes before the first `####` heading: the first screen (verdict, reason, decisive warnings). */
const firstScreen = (md: string): string => md.slice(0, md.indexOf('\n#### '))

describe('report snapshots', () => {
  for (const name of CASES) {
    it(name, async () => {
      const md = renderMarkdown(await reportFor(name), 'comment')
      tableShapes(md)
      expect(md.length).toBeLessThan(LIMITS.comment)
      await expect(md).toMatchFileSnapshot(`__snapshots__/${name}.md`)
    })
  }
})

describe('the first screen', () => {
  it('binary: the failing rule with its numbers (the README demo: recall 92.5% → 80.6%)', async () => {
    const top = firstScreen(renderMarkdown(await reportFor('binary'), 'comment'))
    expect(top).toMatch(/^### ❌ Eval Gate: failed — 1 of 4 gates/)
    // 172/186 → 150/186 (README): 92.5% → 80.6%, shown Δ −11.9 pts; the exact McNemar p is 22 discordant of 22: < 0.0001.
    expect(top).toContain('❌ `recall no-regression`: **recall 92.5% → 80.6% (−11.9 pts, 95% CI ')
    expect(top).toContain('one-sided p < 0.0001 after Holm)**')
    // Failing gates do not make the power warnings decisive: they stay below the gates.
    expect(top).not.toContain('too small')
  })
  it('names the adjustment the gates used (max-T too), and only the three a gate can use', async () => {
    const report = await reportFor('binary')
    const as = (adjustment: string): typeof report => ({ ...report, gates: report.gates.map((g) => (g.pValue !== null ? { ...g, adjustment } : g)) })
    const maxT = renderMarkdown(as('Westfall–Young max-T'), 'comment')
    expect(firstScreen(maxT)).toContain('one-sided p < 0.0001 after Westfall–Young max-T)**')
    expect(maxT).toContain('| Westfall–Young max-T p / bound |')
    expect(firstScreen(renderMarkdown(as('Westfall–Young'), 'comment'))).toContain('after Westfall–Young)**')
    // A forged report (publish mode reads a fork's JSON): its words never reach the comment.
    const forged = renderMarkdown(as('<img src=x> trust me'), 'comment')
    expect(forged).not.toContain('trust me')
    expect(firstScreen(forged)).toContain('after Holm)**')
  })
  it('a pass on an underpowered test set and a baseline behind the base commit: both warnings on top', async () => {
    const report = await reportFor('multiclass-7')
    expect(report.passed).toBe(true)
    const md = renderMarkdown(report, 'comment')
    const top = firstScreen(md)
    expect(top).toMatch(/^### ✅ Eval Gate: passed — 4 of 4 gates/)
    expect(top).toContain('Closest to failing: ')
    expect(top).toContain('> ⚠️ The baseline was built from commit 1a2b3c4, 3 commits behind the base commit 9f8e7d6')
    expect(top).toContain('> ⚠️ This test set is too small to see a 1-point drop in accuracy')
    expect(md.match(/too small to see/g)).toHaveLength(1)
  })
  it('examples left out and a p-value within its resampling error are verdict-changing; the rest is not', () => {
    expect(verdictChanging('2 candidate examples have no baseline row (ids "a", "b"); they are left out of every comparison.', false)).toBe(true)
    expect(verdictChanging('The one-sided p-value of "f1" … rerun with more resamples before trusting the verdict.', false)).toBe(true)
    expect(verdictChanging(BEHIND_WARNING, false)).toBe(true)
    expect(verdictChanging('This test set is too small to see a 1-point drop in recall: …', false)).toBe(false)
    expect(verdictChanging('This test set is too small to see a 1-point drop in recall: …', true)).toBe(true)
    expect(verdictChanging('Undefined on this data, left empty: "roc_auc".', true)).toBe(false)
  })
  it('gates: failing rules first', async () => {
    const md = renderMarkdown(await reportFor('multiclass-5'), 'comment')
    const rows = md.split('#### Gates\n\n')[1].split('\n\n')[0].split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Result') && !l.startsWith('| :'))
    expect(rows[0]).toContain('❌&nbsp;**fail** | `recall[bug_report] no-regression`')
    // Passes follow; those with a material drop (⚠️, docs/gates.md) before the plain ones.
    const passes = rows.slice(1).map((r) => (r.includes('⚠️&nbsp;pass') ? 'drop' : r.includes('✅&nbsp;pass') ? 'pass' : r))
    expect(passes).toEqual([...passes].sort())
    expect(passes.every((r) => r === 'drop' || r === 'pass')).toBe(true)
  })
})

describe('numbers', () => {
  it('Δ is the difference of the values shown (86.4% → 93.8% is +7.4 pts, not the unrounded +7.3)', () => {
    // Spam example precision: 172/199 = 0.86432 and 150/160 = 0.9375: 93.8 − 86.4 = 7.4.
    expect(formatShownDelta('precision', 172 / 199, 150 / 160)).toBe('+7.4 pts')
    expect(formatShownDelta('log_loss', 0.27581, 0.28478)).toBe('+0.0090')
    expect(formatShownDelta('mcc', 0.8444, 0.8181)).toBe('−0.026')
    expect(formatShownDelta('f1', 0.5, 0.50004)).toBe('0.0 pts')
    expect(changeWord('log_loss', 0.27581, 0.28478, 'lower')).toBe('worse')
    expect(changeWord('precision', 0.864, 0.938, 'higher')).toBe('better')
    expect(changeWord('f1', 0.5, 0.50004, 'higher')).toBe('same')
  })
  it('every Δ in the metrics tables agrees with its two values', async () => {
    for (const name of ['binary', 'multiclass-5'] as const) {
      const md = renderMarkdown(await reportFor(name), 'comment')
      const rows = [...md.matchAll(/^\| \S+ \| ([\d.]+)% \| ([\d.]+)% \| ([+−][\d.]+|0\.0) pts/gm)]
      expect(rows.length).toBeGreaterThan(5)
      for (const [line, b, c, d] of rows) expect(Number(d.replace('−', '-')), line).toBeCloseTo(Number(c) - Number(b), 6)
    }
  })
})

describe('per class and footer', () => {
  it('50 classes: the comment keeps the 25 whose F1 changed most, sorted by change, and says so', async () => {
    const report = await reportFor('classes-50')
    const comment = renderMarkdown(report, 'comment')
    expect(comment).toContain('Showing the 25 of 50 classes whose F1 changed most, from the largest drop to the largest gain')
    const block = comment.split('<summary>Per class')[1].split('</details>')[0]
    const shown = [...block.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1])
    expect(shown).toHaveLength(25)
    const deltas = shown.map((l) => report.metrics[`f1[${l}]`].delta as number)
    expect([...deltas].sort((a, b) => a - b)).toEqual(deltas)
    const all = report.labels.map((l) => Math.abs(report.metrics[`f1[${l}]`].delta as number)).sort((a, b) => b - a)
    expect(Math.min(...deltas.map(Math.abs))).toBeGreaterThanOrEqual(all[24])
    const summary = renderMarkdown(report, 'summary')
    expect(summary.length).toBeGreaterThan(comment.length)
    expect(summary).not.toContain('Showing the')
  })
  it('the footer names the baseline run and commits, never a local path', async () => {
    const binary = renderMarkdown(await reportFor('binary'), 'comment')
    expect(binary).toContain(`baseline: [run #42](${RUN_URL}) of \`9f8e7d6\`, the base commit \`9f8e7d6\` · candidate: \`c0ffee0\` · seed 0 · 2,000 resamples`)
    expect(binary).not.toContain('examples/spam')
    const seven = renderMarkdown(await reportFor('multiclass-7'), 'comment')
    expect(seven).toContain('of `1a2b3c4`, 3 commits behind the base commit `9f8e7d6`')
    const cli = renderMarkdown(await reportFor('multiclass-5'), 'comment')
    expect(cli).toContain('candidate file `candidate.jsonl` · baseline file `baseline.jsonl`')
    expect(cli).not.toContain('fixtures')
    const hostile = renderMarkdown(await reportFor('hostile'), 'comment')
    expect(hostile).toContain('candidate file `<img src=x onerror=alert(1)>.jsonl` · baseline file `"@octocat\\n\\n#1 <details>.jsonl"`')
    expect(hostile).not.toContain('/home/runner')
  })
})

describe('escaping data', () => {
  it('a code span of the data, a longer fence around backticks, the JSON form for what a code span cannot hold', () => {
    expect(dataSpan('@octocat')).toBe('`@octocat`')
    expect(dataSpan('a`b')).toBe('``a`b``')
    expect(dataSpan('`x` ``y``')).toBe('``` `x` ``y`` ```')
    expect(dataSpan('two\n\nlines')).toBe('`"two\\n\\nlines"`')
    expect(dataSpan('\u202Eevil\u200B')).toBe('`"\\u202Eevil\\u200B"`')
    expect(dataSpan('\u0085c1\u007Fdel\u2028ls')).toBe('`"\\u0085c1\\u007Fdel\\u2028ls"`')
    expect(dataSpan('   ')).toBe('`"   "`')
    expect(dataSpan(' lead')).toBe('`" lead"`')
    expect(dataSpan('"quoted"')).toBe('`"\\"quoted\\""`')
    expect(dataSpan('a\\|b')).toBe('`"a\\\\\\u007Cb"`')
    expect(dataSpan('w'.repeat(300), 60)).toBe('`' + 'w'.repeat(59) + '`…')
    expect(jsonForm('tab\there')).toBe('"tab\\there"')
  })
  it('prose: JSON-quoted data and live words become code spans, the rest is escaped text', () => {
    expect(proseText('ids "@a", "b\\n" are missing')).toBe('ids `@a`, `"b\\n"` are missing')
    expect(proseText('see https://x.example and #12 :tada: <b>*x*</b>')).toBe('see `https://x.example` and `#12` `:tada:` &lt;b&gt;\\*x\\*&lt;/b&gt;')
  })
})
