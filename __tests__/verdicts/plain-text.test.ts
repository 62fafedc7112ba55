/**
 * The CLI writes plain text on a terminal (docs/cli.md): aligned tables, no HTML entities, no `<sub>`, no `&nbsp;`,
 * no Markdown marks — the one renderer's report laid out for a terminal (src/render/plainText.ts); Markdown when
 * standard output is not a terminal, with `--markdown FILE`, or with `--output-format markdown`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { removeAfterTest } from '../temp.js'
import { displayWidth, inline, plainText } from '../../src/render/plainText.js'
import { renderMarkdown } from '../../src/render/renderReport.js'
import { parseCli } from '../../src/cli/args.js'
import { stdoutFormat } from '../../src/cli/runCli.js'
import { CASES, reportFor } from '../render-reports.js'
import { cli, example, root } from './verdictFixtures.js'

const demo = ['compare', '--candidate', example('spam', 'candidate.jsonl'), '--baseline', example('spam', 'baseline.jsonl'), '--positive-label', 'spam', '--resamples', '2000']

/** No Markdown or HTML left: entities, tags, emphasis, code fences, escapes, table pipes. */
function noMarkup(text: string): void {
  expect(text).not.toMatch(/&(nbsp|amp|lt|gt|quot);/)
  expect(text).not.toMatch(/<\/?(sub|details|summary|code|b)>/)
  expect(text).not.toContain('**')
  expect(text).not.toMatch(/^\|/m)
  expect(text).not.toMatch(/^#{1,6} /m)
  expect(text).not.toMatch(/^> /m)
}

describe('the CLI on a terminal', () => {
  it('prints plain text when standard output is a TTY, Markdown when it is not', async () => {
    const tty = await cli(demo, true)
    const piped = await cli(demo, false)
    expect(tty.code).toBe(1)
    expect(piped.code).toBe(1)
    expect(piped.stdout).toMatch(/^### ❌ Eval Gate: failed — 1 of 4 gates\n/)
    expect(tty.stdout).toMatch(/^❌ Eval Gate: failed — 1 of 4 gates\n\n❌ recall no-regression: recall 92\.5% → 80\.6% \(−11\.9 pts, 95% CI /)
    noMarkup(tty.stdout)
    expect(tty.stdout).toBe(plainText(piped.stdout))
    await expect(tty.stdout).toMatchFileSnapshot('__snapshots__/binary.txt')
  })

  it('aligns the columns of every table', async () => {
    const { stdout } = await cli(demo, true)
    const gates = stdout.slice(stdout.indexOf('Gates\n-----\n') + 12).trimStart().split('\n\n')[0].split('\n')
    expect(gates[0]).toMatch(/^Result +Rule +Observed +Holm p \/ bound$/)
    // Every row starts its columns where the dashes under the header do (display width, emoji as 2 columns).
    const starts = (line: string): number[] => [...line.matchAll(/(?:^| {2})(\S)/g)].map((m) => displayWidth(line.slice(0, (m.index ?? 0) + m[0].length - 1)))
    const dashes = starts(gates[1])
    expect(dashes.length).toBe(4)
    for (const row of gates.slice(2)) expect(starts(row).slice(0, 2)).toEqual(dashes.slice(0, 2))
    // A right-aligned column (the metrics' numbers) ends where its dashes end.
    const metrics = stdout.slice(stdout.indexOf('Metrics\n-------\n') + 16).trimStart().split('\n\n')[0].split('\n')
    const end = displayWidth(metrics[1].split('  ').slice(0, 2).join('  '))
    const proportions = metrics.slice(2).filter((row) => row.includes('%'))
    expect(proportions.length).toBeGreaterThan(3)
    for (const row of proportions) expect(displayWidth(row.slice(0, row.indexOf('%') + 1)), row).toBe(end)
  })

  it('--markdown FILE and --output-format markdown give Markdown on a terminal; --output-format text gives text elsewhere', async () => {
    const dir = removeAfterTest(mkdtempSync(path.join(tmpdir(), 'eval-gate-text-')))
    const file = path.join(dir, 'report.md')
    const withFile = await cli([...demo, '--markdown', file], true)
    expect(withFile.stdout).toMatch(/^### ❌/)
    expect(readFileSync(file, 'utf8')).toBe(withFile.stdout)
    expect((await cli([...demo, '--output-format', 'markdown'], true)).stdout).toMatch(/^### ❌/)
    const text = await cli([...demo, '--output-format', 'text'], false)
    expect(text.stdout).toMatch(/^❌ Eval Gate: failed/)
    // A file asked for is Markdown whatever standard output gets.
    await cli([...demo, '--markdown', file, '--output-format', 'text'], true)
    expect(readFileSync(file, 'utf8')).toMatch(/^### ❌/)
    expect(() => parseCli([...demo, '--output-format', 'html'])).toThrow(/--output-format must be one of text, markdown, got "html"/)
  })

  it('the choice of format, one by one', () => {
    expect(stdoutFormat({}, true)).toBe('text')
    expect(stdoutFormat({}, false)).toBe('markdown')
    expect(stdoutFormat({}, undefined)).toBe('markdown')
    expect(stdoutFormat({ markdown: 'r.md' }, true)).toBe('markdown')
    expect(stdoutFormat({ markdown: 'r.md', outputFormat: 'text' }, true)).toBe('text')
    expect(stdoutFormat({ outputFormat: 'text' }, false)).toBe('text')
  })
})

/** The bundle under test, as cli.test.ts: dist/cli.js, or another build (EVAL_GATE_CLI_BUNDLE). */
const bundle = process.env.EVAL_GATE_CLI_BUNDLE ?? path.join(root, 'dist/cli.js')

describe.skipIf(!existsSync('/usr/bin/script'))('the real CLI on a pseudo-terminal (util-linux script)', () => {
  it('detects the terminal itself: plain text on a pty, Markdown through a pipe', () => {
    const args = ['compare', '--candidate', example('spam', 'candidate.jsonl'), '--positive-label', 'spam', '--resamples', '200']
    const command = [process.execPath, bundle, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')
    const pty = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { encoding: 'utf8' })
    expect(pty.status).toBe(0)
    expect(pty.stdout.replace(/\r\n/g, '\n')).toMatch(/^⏸️ Eval Gate: no baseline — no --baseline file given; 4 skipped\n/)
    const piped = spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8' })
    expect(piped.stdout).toMatch(/^### ⏸️ Eval Gate: no baseline — no `--baseline` file given/)
  })
})

describe('every report the renderer is tested on, as text', () => {
  it('has no markup left, and its data stays escaped', async () => {
    for (const name of CASES) {
      const text = plainText(renderMarkdown(await reportFor(name), 'comment'))
      // The hostile cases' labels are themselves Markdown and entities (`&#64;x &amp; <!-- -->`): shown as the data.
      if (!name.includes('hostile')) noMarkup(text)
      else expect(text).not.toMatch(/(✅|❌|⚠️|⏭️)&nbsp;|<sub>|<\/sub>/)
      // Data from a file never reaches the terminal raw: no control, bidi or zero-width characters.
      // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
      expect(text, name).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069\u200B]/)
    }
    const hostile = plainText(renderMarkdown(await reportFor('hostile'), 'comment'))
    expect(hostile).toContain('\\u202E')
  })
})

describe('inline marks', () => {
  it('code spans keep their content; escapes, entities, emphasis, links and tags go', () => {
    expect(inline('`a*b`')).toBe('a*b')
    expect(inline('`` a`b ``')).toBe('a`b')
    expect(inline('f1\\_macro \\*x\\* &amp; &lt;b&gt;')).toBe('f1_macro *x* & <b>')
    expect(inline('**fail** ✅&nbsp;pass')).toBe('fail ✅ pass')
    expect(inline('[run #42](https://github.com/o/r/actions/runs/1)')).toBe('run #42 (https://github.com/o/r/actions/runs/1)')
    expect(inline('<sub>x</sub> <code>y</code>')).toBe('x y')
  })
  it('table cells split on unescaped pipes only', () => {
    expect(plainText('| a | b |\n| --- | ---: |\n| `x\\|y` | 1 |\n')).toBe('a      b\n---  ---\nx|y    1\n')
  })
  it('display width: the report\'s symbols take two columns', () => {
    expect(displayWidth('✅')).toBe(2)
    expect(displayWidth('⚠️')).toBe(2)
    expect(displayWidth('⏭️ skip')).toBe(7)
    expect(displayWidth('−11.9 pts')).toBe(9)
  })
})
