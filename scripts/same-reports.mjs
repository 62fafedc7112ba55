// Runs two builds of the CLI on the bundled examples and the reference cases and compares their reports byte for
// byte (JSON and Markdown), the version string aside. Usage: node scripts/same-reports.mjs OLD_CLI [NEW_CLI]
// (NEW_CLI defaults to dist/cli.js). Exit 0 when every report is the same; 1 naming the cases that differ.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const [oldCli, newCli = path.join(root, 'dist/cli.js')] = process.argv.slice(2)
if (!oldCli) {
  console.error('usage: node scripts/same-reports.mjs OLD_CLI [NEW_CLI]')
  process.exit(2)
}
const ex = (name, ...args) => ({ name, args })
const spam = ['--candidate', 'examples/spam/candidate.jsonl', '--baseline', 'examples/spam/baseline.jsonl', '--positive-label', 'spam']
const cases = [
  ex('spam', ...spam),
  ex('spam, max-t', ...spam, '--multiplicity', 'max-t'),
  ex('spam, no baseline', '--candidate', 'examples/spam/candidate.jsonl', '--positive-label', 'spam'),
  ex('spam cells', '--candidate', 'examples/spam/cells.csv', '--format', 'cells', '--positive-label', 'spam'),
  ex('judge', '--task', 'scores', '--score-metrics', 'judge,passed,latency_ms:lower', '--candidate', 'examples/judge/candidate.jsonl', '--baseline', 'examples/judge/baseline.jsonl'),
  ex('house prices', '--task', 'regression', '--candidate', 'examples/house-prices/candidate.jsonl', '--baseline', 'examples/house-prices/baseline.jsonl'),
  ex('translation', '--task', 'generation', '--candidate', 'examples/translation/candidate.jsonl', '--baseline', 'examples/translation/baseline.jsonl'),
  ex('multilingual', '--candidate', 'examples/multilingual/candidate.jsonl', '--baseline', 'examples/multilingual/baseline.jsonl', '--slice-field', 'language', '--gates', 'accuracy no-regression; f1 no-regression by language')
]
for (const dir of ['__tests__/fixtures/oracle', '__tests__/fixtures/oracle-v2']) {
  const base = path.join(root, dir)
  if (!existsSync(base)) continue
  for (const c of readdirSync(base).sort()) {
    const folder = path.join(base, c)
    if (!existsSync(path.join(folder, 'expected.json'))) continue
    const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8'))
    const file = (side) => ['jsonl', 'csv'].map((e) => path.join(dir, c, `${side}.${e}`)).find((f) => existsSync(path.join(root, f)))
    const extra = existsSync(path.join(folder, 'args.json')) ? JSON.parse(readFileSync(path.join(folder, 'args.json'), 'utf8')) : []
    const positive = expected.positiveLabel !== undefined && expected.positiveLabel !== null ? ['--positive-label', String(expected.positiveLabel)] : []
    cases.push(ex(`${dir.split('/').pop()}/${c}`, '--candidate', file('candidate'), '--baseline', file('baseline'), ...positive, ...extra))
  }
}
const work = mkdtempSync(path.join(tmpdir(), 'eval-gate-same-'))
const run = (cli, args, out) => {
  const r = spawnSync(process.execPath, [cli, 'compare', ...args, '--json', out], { cwd: root, encoding: 'utf8' })
  const json = existsSync(out) ? readFileSync(out, 'utf8') : ''
  return { status: r.status, markdown: r.stdout.replaceAll(/eval-gate \d+\.\d+\.\d+\S*/g, 'eval-gate VERSION'), stderr: r.stderr, json: json.replace(/"version": "[^"]*"/, '"version": "VERSION"') }
}
let differ = 0
try {
  for (const [i, c] of cases.entries()) {
    const a = run(path.resolve(oldCli), c.args, path.join(work, `old-${i}.json`))
    const b = run(path.resolve(newCli), c.args, path.join(work, `new-${i}.json`))
    const same = a.status === b.status && a.json === b.json && a.markdown === b.markdown && a.stderr === b.stderr
    if (!same) differ++
    console.log(`${same ? 'same   ' : 'DIFFERS'} ${c.name} (exit ${a.status}${a.status === b.status ? '' : ` vs ${b.status}`}, ${a.json.length} bytes of JSON)`)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
console.log(`${cases.length - differ} of ${cases.length} reports the same byte for byte (version aside)`)
process.exit(differ ? 1 : 0)
