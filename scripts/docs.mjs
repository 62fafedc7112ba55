// npm run docs [-- --check]: regenerates the generated parts of README.md and docs/ — the text between
// `<!-- generated:ID -->` and `<!-- /generated:ID -->` — from the program itself:
//   - the action's inputs and outputs tables, from action.yml (parsed with the `yaml` package);
//   - the CLI reference, from `node dist/cli.js --help`;
//   - every quoted example output and every number the docs quote from the bundled examples, from runs of
//     `node dist/cli.js compare …` on examples/ (and of the local runner, @github/local-action).
// With --check nothing is written: it exits 1 naming each block that differs from a fresh generation (and each
// marker it cannot read), 0 when all are current. Files are rewritten only when their content changes, through a
// temporary file and a rename. It runs from the repository root whatever the working directory, and it uses
// dist/cli.js as it is at that moment: run it again after dist/ is rebuilt. The version is written `<version>`
// in what it quotes, so a release bump alone does not make the docs stale.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const check = process.argv.includes('--check')
const scratch = mkdtempSync(path.join(tmpdir(), 'eval-gate-docs-'))

// ---------------------------------------------------------------------------------------------------------------
// Text the program prints, made fit to quote.

/**
 * The program's own texts (the CLI help, action.yml) still cite sections of the project's internal design
 * contract in a few places; the docs cite docs/ pages instead, so such a reference is shown as the page on that
 * topic. `substituted` records that it happened, and the block then says so under the quote.
 */
const pageOfSection = {
  1: 'inputs.md', 2: 'tasks.md', 3: 'metrics.md', 4: 'statistics.md', 5: 'gates.md', 6: 'cli.md', 7: 'report.md',
  8: 'scale.md', 9: 'action.md', 10: 'tasks.md', 11: 'tasks.md', 12: 'repeats-and-clusters.md', 13: 'slices.md',
  14: 'data-checks.md', 15: 'scale.md', 16: 'gates.md', 17: 'inputs.md', 18: 'action.md', 19: 'README.md'
}
let substituted = false
function ownWords(text) {
  return text.replace(/\bSPEC\s*§\s*(\d+)/g, (_, n) => {
    substituted = true
    return `docs/${pageOfSection[n] ?? 'README.md'}`
  })
}

const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version
const versionPattern = /\b(Eval Gate|eval-gate) v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?\b/g
/** The version and the checkout's path are not part of what a quote shows. */
function normalise(text) {
  return ownWords(text)
    .replace(versionPattern, (_, name) => `${name} <version>`)
    .replace(/"version": "[^"]*"/g, '"version": "<version>"')
    .split(root).join('/path/to/eval-gate')
}

/**
 * Redraws the box tables console.table prints (as the local runner does) after `normalise` changed the length of
 * a cell, so that the quote does not depend on the length of the checkout's path.
 */
function redrawBoxTables(text) {
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('┌')) continue
    const end = lines.findIndex((line, j) => j > i && line.startsWith('└'))
    if (end < 0) break
    const rows = lines.slice(i + 1, end).map((line) => (line.startsWith('├') ? null : line.split('│').slice(1, -1).map((c) => c.trim())))
    const widths = rows.filter(Boolean).reduce((w, cells) => cells.map((c, k) => Math.max(w[k] ?? 0, c.length)), [])
    const rule = (l, m, r) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r
    const drawn = [rule('┌', '┬', '┐'), ...rows.map((cells) => (cells ? `│${cells.map((c, k) => ` ${c.padEnd(widths[k])} `).join('│')}│` : rule('├', '┼', '┤'))), rule('└', '┴', '┘')]
    lines.splice(i, end - i + 1, ...drawn)
    i += drawn.length - 1
  }
  return lines.join('\n')
}

/** A fenced code block whose fence is longer than any backtick run inside it. */
function fence(lang, text) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const f = '`'.repeat(longest + 1)
  return `${f}${lang}\n${text.replace(/\n+$/, '')}\n${f}`
}

/** JSON indented by two spaces, with short arrays of numbers and strings on one line. */
function compactJson(value, indent = '') {
  if (Array.isArray(value)) {
    const inline = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`
    if (value.every((v) => v === null || typeof v !== 'object') && inline.length <= 100) return inline
    return `[\n${value.map((v) => `${indent}  ${compactJson(v, `${indent}  `)}`).join(',\n')}\n${indent}]`
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 0) return '{}'
    return `{\n${entries.map(([k, v]) => `${indent}  ${JSON.stringify(k)}: ${compactJson(v, `${indent}  `)}`).join(',\n')}\n${indent}}`
  }
  return JSON.stringify(value)
}

const shellQuote = (arg) => (/^[\w./:=@,+-]+$/.test(arg) ? arg : `"${arg.replace(/(["\\$`])/g, '\\$1')}"`)

/** The command line as a reader types it, wrapped with backslashes past about 110 characters. */
function commandLine(args) {
  const words = ['node', 'dist/cli.js', ...args.map(shellQuote)]
  const lines = ['']
  for (let i = 0; i < words.length; i++) {
    // An option and its value stay on one line.
    const word = words[i].startsWith('--') && i + 1 < words.length && !words[i + 1].startsWith('--') ? `${words[i]} ${words[++i]}` : words[i]
    if (lines.at(-1).length + word.length > 108 && lines.at(-1) !== '') lines.push('  ')
    lines[lines.length - 1] += (lines.at(-1).trim() === '' ? '' : ' ') + word
  }
  return lines.join(' \\\n')
}

// ---------------------------------------------------------------------------------------------------------------
// Running the program.

const runs = new Map()
/** `node dist/cli.js ARGS` from the root, once per argument list: stdout, the exit status and the JSON report. */
function cli(args, { json = false } = {}) {
  const key = JSON.stringify([args, json])
  if (runs.has(key)) return runs.get(key)
  const jsonPath = path.join(scratch, `report-${runs.size}.json`)
  const result = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), ...args, ...(json ? ['--json', jsonPath] : [])], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 26
  })
  if (result.error) throw result.error
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`node dist/cli.js ${args.join(' ')} exited ${result.status}:\n${result.stderr}`)
  }
  const out = { stdout: result.stdout, status: result.status, report: json ? JSON.parse(readFileSync(jsonPath, 'utf8')) : null }
  runs.set(key, out)
  return out
}

/** The lines of `text` before the first line matching `stop` (all of it without one). */
function until(text, stop) {
  const lines = text.split('\n')
  const end = stop ? lines.findIndex((line) => stop.test(line)) : -1
  return (end < 0 ? lines : lines.slice(0, end)).join('\n').replace(/\n+$/, '')
}

/** From the first line matching `start` to the line before the first later one matching `stop`. */
function section(text, start, stop) {
  const lines = text.split('\n')
  const from = lines.findIndex((line) => start.test(line))
  if (from < 0) throw new Error(`no line matching ${start} in the output`)
  const to = lines.findIndex((line, i) => i > from && stop.test(line))
  return lines.slice(from, to < 0 ? undefined : to).join('\n').replace(/\n+$/, '')
}

/** The exit status, with what it means for this run (read from the report's title). */
function exitStatus(status, stdout) {
  const title = stdout.split('\n', 1)[0]
  const why = status === 0 ? 'no gate failed' : /inconclusive/i.test(title) ? 'a gate is inconclusive, and counts as failing' : 'a gate failed'
  return `Exit status ${status} (${why})`
}

/**
 * A quoted run: the command, what it prints (cut as `cut` says; a cut is marked) and its exit status.
 * `note` is a sentence after the quote.
 */
function example(args, { cut, note } = {}) {
  const { stdout, status } = cli(args)
  const shown = cut ? cut(stdout) : stdout.replace(/\n+$/, '')
  const cutNote = shown.length < stdout.replace(/\n+$/, '').length ? ' (the first part of the report; the rest is cut here)' : ''
  return [
    fence('sh', commandLine(args)),
    '',
    `It prints${cutNote}:`,
    '',
    fence('markdown', normalise(shown)),
    '',
    `${exitStatus(status, stdout)}.${note ? ` ${note}` : ''}`
  ].join('\n')
}

/** The one fenced block of README.md that `pattern` finds and `pick` accepts, as written there. */
function readmeBlock(pattern, pick, what) {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  const found = [...readme.matchAll(pattern)].map((m) => m[0]).filter(pick)
  if (found.length !== 1) throw new Error(`README.md has ${found.length} blocks that are ${what} (one expected)`)
  return found[0]
}

// Number formats of the prose, as the report writes them.
const testName = { 'mcnemar-exact': 'the exact McNemar test', permutation: 'the paired randomization test', 'paired-t': 'the paired t-test', delong: "DeLong's test" }
const minus = (s) => s.replace(/^-/, '−')
const pct = (x) => `${(x * 100).toFixed(1)}%`
const pts = (d, digits = 1) => `${d > 0 ? '+' : ''}${minus((d * 100).toFixed(digits))} pts`
const ptsRange = ([lo, hi], digits = 1) => `${minus((lo * 100).toFixed(digits))} to ${hi > 0 ? '+' : ''}${minus((hi * 100).toFixed(digits))} pts`
const int = (n) => n.toLocaleString('en-US')
const fixed = (x, digits) => minus(x.toFixed(digits))

// ---------------------------------------------------------------------------------------------------------------
// The bundled examples, as the docs run them.

const spam = ['compare', '--candidate', 'examples/spam/candidate.jsonl', '--baseline', 'examples/spam/baseline.jsonl', '--positive-label', 'spam']
const spamAlone = ['compare', '--candidate', 'examples/spam/candidate.jsonl', '--positive-label', 'spam']
const spamCells = ['compare', '--candidate', 'examples/spam/cells.csv', '--format', 'cells', '--positive-label', 'spam']
const judgeBase = ['compare', '--task', 'scores', '--score-metrics', 'judge,passed,latency_ms:lower', '--candidate', 'examples/judge/candidate.jsonl', '--baseline', 'examples/judge/baseline.jsonl']
const judgeBudget = [...judgeBase, '--gates', 'judge no-regression; passed non-inferior 0.05; latency_ms <= 600']
const housePrices = ['compare', '--task', 'regression', '--candidate', 'examples/house-prices/candidate.jsonl', '--baseline', 'examples/house-prices/baseline.jsonl']
const translation = ['compare', '--task', 'generation', '--candidate', 'examples/translation/candidate.jsonl', '--baseline', 'examples/translation/baseline.jsonl', '--gates', 'bleu no-regression; chrf >= 80']
const multilingual = ['compare', '--candidate', 'examples/multilingual/candidate.jsonl', '--baseline', 'examples/multilingual/baseline.jsonl', '--slice-field', 'language']
const multilingualGate = [...multilingual, '--gates', 'accuracy no-regression by language']

/** Up to the end of the first screen: the title, the decisive line, the scope and the first-screen warnings. */
const firstScreen = (text) => until(text, /^#### Gates/)
/** Up to the end of the gates table and its footnote. */
const throughGates = (text) => {
  // The warnings under the title stay; those after the gates table (and the rest) are cut.
  const gates = text.indexOf('\n#### Gates')
  return gates < 0 ? until(text, /^(- ⚠️|> ⚠️|#### Metrics)/) : text.slice(0, gates) + until(text.slice(gates), /^(- ⚠️|#### Metrics)/)
}
/** Up to the end of the metrics table and its footnote. */
const throughMetrics = (text) => until(text, /^(Largest per-class|<details>)/)

/**
 * The worked example of docs/gates.md: a binary test set where the candidate is 1 point less accurate (92% →
 * 91%), given as cell counts at three sizes (the same proportions), compared under four kinds of rule.
 */
const gateCells = [
  ['1', '1', '1', 54], ['1', '1', '0', 3], ['1', '0', '1', 2], ['1', '0', '0', 6],
  ['0', '0', '0', 124], ['0', '0', '1', 3], ['0', '1', '0', 2], ['0', '1', '1', 6]
]
const gateRules = 'accuracy no-regression; accuracy non-inferior 0.02; accuracy delta >= -0.02; accuracy >= 0.9'
function gateSizes() {
  const statuses = []
  const rows = [1, 10, 5000].map((scale) => {
    const file = path.join(scratch, `cells-${scale}.csv`)
    writeFileSync(file, ['label,baseline,candidate,count', ...gateCells.map(([l, b, c, n]) => `${l},${b},${c},${n * scale}`)].join('\n') + '\n')
    const { report } = cli(['compare', '--candidate', file, '--format', 'cells', '--gates', gateRules], { json: true })
    const a = report.metrics.accuracy
    statuses.push(report.gates.map((g) => g.status).join(' '))
    const cell = (rule) => {
      const g = report.gates.find((x) => x.rule === rule)
      const mark = { pass: '✅ pass', fail: '❌ fail', inconclusive: '⚠️ inconclusive', skip: '⏭️ skip' }[g.status]
      if (g.pValue !== null) return `${mark} (p ${g.pValue < 0.0001 ? '< 0.0001' : `= ${g.pValue.toFixed(3)}`})`
      if (g.bound !== null) return `${mark} (bound ${pts(g.bound, 2)})`
      return mark
    }
    return `| ${int(report.counts.paired)} | ${pct(a.baseline)} → ${pct(a.candidate)} | ${pts(a.delta)} (${ptsRange(a.ci, 2)}) | ${cell('accuracy no-regression')} | ${cell('accuracy non-inferior 0.02')} | ${cell('accuracy delta >= -0.02')} | ${cell('accuracy >= 0.9')} |`
  })
  // docs/gates.md and README.md explain these outcomes in prose; if the program's answers change, so must the prose.
  const expected = ['pass inconclusive pass pass', 'fail pass pass pass', 'fail pass pass pass']
  if (statuses.join('; ') !== expected.join('; ')) {
    throw new Error(`the worked example of docs/gates.md now gives ${statuses.join('; ')} (the prose explains ${expected.join('; ')}): update the prose of docs/gates.md and README.md "Choosing gates", then this check`)
  }
  return [
    '| paired examples | accuracy | Δ (95% CI) | `accuracy no-regression` | `accuracy non-inferior 0.02` | `accuracy delta >= -0.02` | `accuracy >= 0.9` |',
    '| ---: | :--- | :--- | :--- | :--- | :--- | :--- |',
    ...rows
  ].join('\n')
}

// docs/gates.md, "A −0.5-point change under each comparative rule": each rule run alone on cells 91.5% → 91.0%.
const halfPointCells = [
  [1, 1, 1, 54], [1, 1, 0, 3], [1, 0, 1, 2], [1, 0, 0, 6],
  [0, 0, 0, 124], [0, 0, 1, 2], [0, 1, 0, 2], [0, 1, 1, 7]
]
const halfPointRules = ['accuracy no-regression', 'accuracy no-regression tolerance 0.002', 'accuracy no-regression tolerance 0.01', 'accuracy non-inferior 0.01']

function halfPoint() {
  const statuses = []
  const rows = [1, 10, 5000].map((scale) => {
    const file = path.join(scratch, `half-point-${scale}.csv`)
    writeFileSync(file, ['label,baseline,candidate,count', ...halfPointCells.map(([l, b, c, n]) => `${l},${b},${c},${n * scale}`)].join('\n') + '\n')
    let paired = 0
    let change = ''
    const cells = halfPointRules.map((rule) => {
      const { report } = cli(['compare', '--candidate', file, '--format', 'cells', '--gates', rule, '--resamples', '10000'], { json: true })
      const a = report.metrics.accuracy
      paired = report.counts.paired
      change = `${pts(a.delta)} (${ptsRange(a.ci, scale >= 5000 ? 2 : 1)})`
      const g = report.gates[0]
      statuses.push(g.status)
      const mark = { pass: '✅ pass', fail: '❌ fail', inconclusive: '⚠️ inconclusive', skip: '⏭️ skip' }[g.status]
      if (g.pValue !== null) return `${mark} (p ${g.pValue < 0.0001 ? '< 0.0001' : `= ${g.pValue.toFixed(3)}`})`
      if (g.bound !== null) return `${mark} (bound ${pts(g.bound, 2)}${typeof g.examplesNeeded === 'number' ? `; about ${int(Math.ceil(g.examplesNeeded / 100) * 100)} examples would settle it` : ''})`
      return mark
    })
    return `| ${int(paired)} | ${change} | ${cells.join(' | ')} |`
  })
  // The prose of docs/gates.md explains these outcomes; if the program's answers change, so must the prose.
  const expected = 'pass pass pass inconclusive pass pass pass inconclusive fail fail pass pass'
  if (statuses.join(' ') !== expected) throw new Error(`the −0.5-point example of docs/gates.md now gives ${statuses.join(' ')} (the prose explains ${expected}): update the prose, then this check`)
  return [
    `| paired examples | Δ (95% CI) | ${halfPointRules.map((r) => `\`${r}\``).join(' | ')} |`,
    '| ---: | :--- | :--- | :--- | :--- | :--- |',
    ...rows,
    '',
    `Made by \`node scripts/docs.mjs\`: each rule alone (\`--format cells --resamples 10000 --gates "RULE"\`) on these cells (label, baseline, candidate, count) at 200 examples, multiplied by 1, 10 and 5,000: ${halfPointCells.map((c) => `\`${c.join(',')}\``).join(', ')}.`
  ].join('\n')
}

// ---------------------------------------------------------------------------------------------------------------
// The blocks. Each ID may appear in any README/docs page, any number of times; every ID must appear somewhere.

const blocks = {
  // docs/inputs.md
  inputs() {
    const doc = YAML.parse(readFileSync(path.join(root, 'action.yml'), 'utf8'))
    const cell = (s) => ownWords(String(s)).replace(/\|/g, '\\|').replace(/\n/g, ' ')
    const rows = Object.entries(doc.inputs).map(([name, input]) => {
      const def = input.required ? '(required)' : input.default === undefined || input.default === '' ? '—' : `\`${input.default}\``
      return `| \`${name}\` | ${def} | ${cell(input.description)} |`
    })
    return ['| input | default | description |', '| --- | --- | --- |', ...rows].join('\n')
  },
  outputs() {
    const doc = YAML.parse(readFileSync(path.join(root, 'action.yml'), 'utf8'))
    const cell = (s) => ownWords(String(s)).replace(/\|/g, '\\|').replace(/\n/g, ' ')
    const rows = Object.entries(doc.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`)
    return ['| output | description |', '| --- | --- |', ...rows].join('\n')
  },
  'action-runtime'() {
    const doc = YAML.parse(readFileSync(path.join(root, 'action.yml'), 'utf8'))
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
    const node = doc.runs.using.replace(/^node/, '')
    return `The action runs on Node.js ${node} (\`runs.using: ${doc.runs.using}\`, entry \`${doc.runs.main}\`); the CLI needs Node.js ${pkg.engines.node.replace('>=', '≥ ')}.`
  },

  // docs/cli.md
  'cli-help'() {
    const help = cli(['--help']).stdout
    const compareHelp = cli(['compare', '--help']).stdout
    const parts = [fence('text', normalise(help))]
    parts.push('', compareHelp === help ? '`node dist/cli.js compare --help` prints the same text: `compare` is the only command.' : `\`node dist/cli.js compare --help\`:\n\n${fence('text', normalise(compareHelp))}`)
    return parts.join('\n')
  },

  // README.md quick start (also docs/report.md)
  'quickstart-spam'() {
    return example(spam, { cut: throughGates, note: 'The whole report is in [docs/report.md](docs/report.md).' })
  },
  'spam-summary'() {
    const r = cli(spam, { json: true }).report
    const m = r.metrics
    const [ham, sp] = [r.labels.indexOf('ham'), r.labels.indexOf('spam')]
    const missedNow = r.confusionMatrix.candidate[sp][ham]
    const missedBefore = r.confusionMatrix.baseline[sp][ham]
    const failing = r.gates.filter((g) => g.status === 'fail').map((g) => `\`${g.rule}\``)
    return `The demo is a spam filter's test set of ${int(r.counts.paired)} messages. The fine-tuned candidate gains precision (${pct(m.precision.baseline)} → ${pct(m.precision.candidate)}) but loses recall (${pct(m.recall.baseline)} → ${pct(m.recall.candidate)}): it lets ${missedNow} spam messages through where the baseline let ${missedBefore}. The drop is significant (${testName[m.recall.test] ?? m.recall.test} on the ${int(r.confusionMatrix.candidate[sp].reduce((a, b) => a + b, 0))} spam messages, Holm-adjusted over the ${r.gates.length} default rules), so ${failing.join(' and ')} fails and the command exits ${cli(spam).status}.`
  },

  // docs/report.md
  'report-spam'() {
    return example(spam)
  },
  'report-json-spam'() {
    const r = cli(spam, { json: true }).report
    const metricCount = Object.keys(r.metrics).length
    const excerpt = { ...r, metrics: { recall: r.metrics.recall }, gates: r.gates.filter((g) => g.metric === 'recall') }
    return [
      fence('sh', `${commandLine([...spam, '--json', 'report.json'])}`),
      '',
      `\`report.json\`, cut to one of its ${metricCount} metrics and one of its ${r.gates.length} gates (every other key as written):`,
      '',
      fence('json', normalise(compactJson(excerpt)))
    ].join('\n')
  },
  'no-baseline-spam'() {
    return example(spamAlone, { cut: throughGates })
  },

  // docs/tasks.md
  'example-judge'() {
    return example(judgeBase, { cut: throughMetrics })
  },
  'example-judge-budget'() {
    return example(judgeBudget, { cut: throughGates })
  },
  'example-house-prices'() {
    return example(housePrices, { cut: throughMetrics })
  },
  'example-translation'() {
    return example(translation, { cut: throughMetrics })
  },

  // docs/scale.md
  'example-cells'() {
    const rows = cli(spam).stdout
    const cells = cli(spamCells).stdout
    const same = throughGates(rows) === throughGates(cells)
    return [
      fence('csv', readFileSync(path.join(root, 'examples/spam/cells.csv'), 'utf8')),
      '',
      example(spamCells, { cut: throughGates }),
      '',
      same
        ? 'Up to here it is, number for number, the report of the two prediction files ([report.md](report.md)); the score metrics (AUC, log loss, …) and the example ids are what the counts cannot give.'
        : 'Up to here it differs from the report of the two prediction files ([report.md](report.md)): a change of the program that the text above does not describe yet.'
    ].join('\n')
  },

  // docs/slices.md
  'multilingual-summary'() {
    const r = cli(multilingual, { json: true }).report
    const s = r.slices.language
    const sizes = Object.entries(s).map(([lang, v]) => `${lang} ${int(v.counts.paired)}`).join(', ')
    const de = s.de.metrics.accuracy
    const passed = r.gates.every((g) => g.status === 'pass')
    return `\`examples/multilingual\` (made by \`node scripts/make-multilingual.mjs\`) is an intent classifier (${r.labels.length} intents) for a support chat: ${int(r.counts.paired)} test utterances with a \`language\` field (${sizes}). The candidate gains overall, accuracy ${pct(r.metrics.accuracy.baseline)} → ${pct(r.metrics.accuracy.candidate)}${passed ? ', and every default gate passes' : ''}; by language, German fell ${pct(de.baseline)} → ${pct(de.candidate)} (${pts(de.delta)}, q = ${de.qValue < 0.0001 ? '< 0.0001' : fixed(de.qValue, 4)}).`
  },
  'example-multilingual'() {
    const { stdout, status } = cli(multilingual)
    return [
      fence('sh', commandLine(multilingual)),
      '',
      'The first screen:',
      '',
      fence('markdown', normalise(firstScreen(stdout))),
      '',
      'and, under the metrics, the section on slices:',
      '',
      fence('markdown', normalise(section(stdout, /^#### Slices that got worse/, /^<details>/))),
      '',
      `${exitStatus(status, stdout)}.`
    ].join('\n')
  },
  'example-multilingual-gate'() {
    return example(multilingualGate, { cut: firstScreen })
  },

  // docs/gates.md (and README.md "Choosing gates")
  'gate-sizes'() {
    const cells = ['label,baseline,candidate,count', ...gateCells.map((c) => c.join(','))].join('\n')
    return [
      gateSizes(),
      '',
      `Made by \`node scripts/docs.mjs\`: the cells below (200 examples), multiplied by 1, 10 and 5,000, compared with \`--format cells --gates "${gateRules}"\`.`,
      '',
      '<details><summary>The cells at 200 examples</summary>',
      '',
      fence('csv', cells),
      '',
      '</details>'
    ].join('\n')
  },

  'half-point'() {
    return halfPoint()
  },

  // docs/action.md: copies of README.md's workflows and local-runner block (the README's are the ones linted by
  // __tests__/action/metadata.test.ts and run by __tests__/action/local-action.test.ts), and the runner's output.
  'workflow-gate'() {
    return readmeBlock(/^```ya?ml\n[\s\S]*?^```/gm, (b) => /^ {2}pull_request:/m.test(b) && /upload-artifact/.test(b), 'the workflow with pull_request and upload-artifact')
  },
  'workflow-publish'() {
    return readmeBlock(/^```ya?ml\n[\s\S]*?^```/gm, (b) => /^ {2}workflow_run:/m.test(b) && /mode: publish/.test(b), 'the workflow_run workflow with mode: publish')
  },
  'local-dotenv'() {
    return readmeBlock(/^```(?:sh)?\ncat > \.env\.local[\s\S]*?^```/gm, () => true, 'the "cat > .env.local" block')
  },
  'local-action'() {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
    const m = /cat > \.env\.local <<'ENV'\n([\s\S]*?)\nENV\nnpx local-action run \. (\S+) \.env\.local/.exec(readme)
    if (!m) throw new Error('README.md has no "cat > .env.local <<\'ENV\' … npx local-action run . ENTRY .env.local" block')
    const [, dotenv, entry] = m
    const envFile = path.join(scratch, '.env.local')
    writeFileSync(envFile, `${dotenv}\n`)
    // The action writes its report to the working directory when RUNNER_TEMP is not set, as it is not here: keep
    // a report already there, and remove the one this run writes.
    const reportFile = path.join(root, 'eval-gate-report-default.json')
    const kept = existsSync(reportFile) ? readFileSync(reportFile) : null
    const env = { ...process.env }
    for (const key of Object.keys(env)) if (key.startsWith('INPUT_') || key.startsWith('GITHUB_') || key === 'RUNNER_TEMP') delete env[key]
    const bin = path.join(root, 'node_modules/.bin/local-action')
    const result = spawnSync(bin, ['run', '.', entry, envFile], { cwd: root, encoding: 'utf8', env, maxBuffer: 1 << 26 })
    const wrote = existsSync(reportFile)
    if (kept) writeFileSync(reportFile, kept)
    else if (wrote) rmSync(reportFile)
    if (result.error) throw result.error
    const lines = result.stdout.replace(new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g'), '').split('\n')
    const start = lines.findIndex((line) => /^\s*Running Action\s*$/.test(line))
    if (start < 1) throw new Error(`the local runner printed no "Running Action" section:\n${result.stdout}\n${result.stderr}`)
    const shown = lines.slice(start - 1).join('\n').replace(/\n+$/, '')
    const failedStep = /^::error::/m.test(shown)
    const status = result.status === 0 && failedStep
      ? 'Exit status 0, although the action failed the step (the `::error::` line): the local runner reports a failure in its log and outputs, not in its exit status'
      : `Exit status ${result.status}`
    return [
      'It prints a banner, its configuration and the action\'s inputs and outputs as read from `action.yml` (wide tables, left out here), then runs the action:',
      '',
      fence('text', redrawBoxTables(normalise(shown))),
      '',
      `${status}${wrote ? `. The JSON report is written to \`${path.basename(reportFile)}\` in the working directory (RUNNER_TEMP is not set; the file is git-ignored)` : ''}.`
    ].join('\n')
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Finding, regenerating and checking the blocks.

function docFiles() {
  const files = ['README.md']
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name)
      if (entry.isDirectory()) walk(rel)
      else if (entry.name.endsWith('.md')) files.push(rel)
    }
  }
  if (existsSync(path.join(root, 'docs'))) walk('docs')
  return files
}

const marker = /<!-- (\/?)generated:([\w-]+) -->/g

/** The file with every block regenerated, and the problems found (unknown, unclosed or nested markers). */
function regenerate(file, text, produced, problems) {
  let out = ''
  let at = 0
  const lineOf = (i) => text.slice(0, i).split('\n').length
  const stale = []
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    const [open, closing, id] = m
    if (closing) {
      problems.push(`${file}:${lineOf(m.index)}: <!-- /generated:${id} --> closes no block`)
      continue
    }
    const close = `<!-- /generated:${id} -->`
    const end = text.indexOf(close, m.index + open.length)
    const nextOpen = text.slice(m.index + open.length, end < 0 ? undefined : end).search(/<!-- generated:[\w-]+ -->/)
    if (end < 0 || nextOpen >= 0) {
      problems.push(`${file}:${lineOf(m.index)}: block ${id} is not closed by ${close} before the next block`)
      marker.lastIndex = m.index + open.length
      continue
    }
    if (!(id in blocks)) {
      problems.push(`${file}:${lineOf(m.index)}: unknown block ${id} (scripts/docs.mjs knows ${Object.keys(blocks).join(', ')})`)
      marker.lastIndex = end + close.length
      continue
    }
    if (!produced.has(id)) {
      substituted = false
      let body = blocks[id]().replace(/\n+$/, '')
      if (substituted) body += '\n\n<sub>Quoted as the program prints it, except that a reference to a section of the project\'s internal design contract is shown as the docs page on that topic.</sub>'
      produced.set(id, body)
    }
    const fresh = `${open}\n${produced.get(id)}\n${close}`
    const current = text.slice(m.index, end + close.length)
    if (current !== fresh) stale.push(`${file}:${lineOf(m.index)}: block ${id} is stale`)
    out += text.slice(at, m.index) + fresh
    at = end + close.length
    marker.lastIndex = at
  }
  return { text: out + text.slice(at), stale }
}

function writeAtomically(file, text) {
  const target = path.join(root, file)
  const temporary = `${target}.${process.pid}.tmp`
  writeFileSync(temporary, text)
  renameSync(temporary, target)
}

function main() {
  const produced = new Map()
  const problems = []
  const stale = []
  const written = []
  const seen = new Set()
  for (const file of docFiles()) {
    const text = readFileSync(path.join(root, file), 'utf8')
    for (const m of text.matchAll(marker)) seen.add(m[2])
    const result = regenerate(file, text, produced, problems)
    stale.push(...result.stale)
    if (!check && result.text !== text) {
      writeAtomically(file, result.text)
      written.push(file)
    }
  }
  for (const id of Object.keys(blocks)) if (!seen.has(id)) problems.push(`block ${id} appears in no page (README.md or docs/)`)
  rmSync(scratch, { recursive: true, force: true })
  if (check) {
    for (const line of [...stale, ...problems]) console.error(line)
    if (stale.length > 0 || problems.length > 0) {
      console.error(`${stale.length} stale block(s), ${problems.length} problem(s): run npm run docs`)
      process.exit(1)
    }
    console.log(`${produced.size} generated blocks are current (dist/cli.js, action.yml, version ${version} written <version>)`)
    return
  }
  for (const line of problems) console.error(line)
  console.log(written.length > 0 ? `rewrote ${written.join(', ')}` : 'every generated block was already current')
  if (problems.length > 0) process.exit(1)
}

try {
  main()
} catch (error) {
  rmSync(scratch, { recursive: true, force: true })
  console.error(`scripts/docs.mjs: ${error instanceof Error ? error.message : error}`)
  process.exit(2)
}
