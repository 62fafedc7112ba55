// npm run bench: docs/scale.md. Generates (once, under the system temp folder) 1,000,000 paired binary examples as two
// JSONL files with string ids (`ex-123`), then times a full `node dist/cli.js compare` with 10,000 resamples against
// a script that only reads both files and JSON.parses every line, and prints both times, their ratio and the peak
// memory; then the same with a `score` column; multiclass with 20 classes and a `scores` object on every row; 1,000
// classes; then generation: 10,000 examples with two references, BLEU and chrF with 10,000 resamples, against
// the 5 s. Each timing is the median of 3 runs, the floor and the compare run alternately so that a change in
// the machine's load falls on both. EVAL_GATE_BENCH_CLI runs another build (default dist/cli.js);
// EVAL_GATE_BENCH_CASES=plain,score,multiclass,classes,generation,lm-eval picks cases (lm-eval: scripts/bench-tools.mjs).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generator, writeLines } from './bench-data.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const N = Number(process.env.EVAL_GATE_BENCH_ROWS ?? 1_000_000)
const RUNS = Number(process.env.EVAL_GATE_BENCH_RUNS ?? 3)
const dir = path.join(tmpdir(), `eval-gate-bench-${N}`)
const CLI = path.resolve(process.env.EVAL_GATE_BENCH_CLI ?? path.join(root, 'dist/cli.js'))
const CASES = new Set((process.env.EVAL_GATE_BENCH_CASES ?? 'plain,score,multiclass,classes,generation,lm-eval').split(','))



async function makeData(withScore) {
  const tag = withScore ? 'score-v2' : 'plain-v2'
  const files = ['candidate', 'baseline'].map((m) => path.join(dir, `${m}-${tag}.jsonl`))
  if (files.every(existsSync)) return files
  mkdirSync(dir, { recursive: true })
  const rand = generator(withScore ? 7 : 3)
  const labels = new Uint8Array(N)
  for (let i = 0; i < N; i++) labels[i] = rand() < 0.3 ? 1 : 0
  for (const [m, file] of files.entries()) {
    const r = generator(m + 11)
    const hit = m === 0 ? 0.86 : 0.85
    await writeLines(file, N, (i) => {
      const y = labels[i]
      const right = r() < hit
      const p = right ? y : 1 - y
      const base = `{"id": "ex-${i}", "label": ${y}, "prediction": ${p}`
      if (!withScore) return base + '}'
      const s = Math.min(0.999999, Math.max(0, p === 1 ? 0.5 + r() / 2 : r() / 2))
      return `${base}, "score": ${s.toFixed(6)}}`
    })
  }
  return files
}

function timed(args) {
  const rssFile = path.join(dir, 'rss.txt')
  rmSync(rssFile, { force: true })
  const start = process.hrtime.bigint()
  const child = spawnSync(process.execPath, ['--import', path.join(root, 'scripts/bench-rss.mjs'), ...args], {
    env: { ...process.env, EVAL_GATE_BENCH_RSS: rssFile },
    encoding: 'utf8',
    maxBuffer: 64 << 20
  })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr}`)
  return { seconds, rss: Number(readFileSync(rssFile, 'utf8')) }
}

function median(runs) {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds)
  return { seconds: sorted[Math.floor(sorted.length / 2)].seconds, rss: Math.max(...runs.map((r) => r.rss)) }
}

/** n paired rows over k classes `c0`…: truth uniform, the candidate right 72%, the baseline 70%; with `scores`, a probability per class (most on the prediction). */
async function makeClasses(k, withScores, n = N) {
  const tag = `classes-${k}${withScores ? '-scores' : ''}-v1`
  const files = ['candidate', 'baseline'].map((m) => path.join(dir, `${m}-${tag}.jsonl`))
  if (files.every(existsSync)) return files
  mkdirSync(dir, { recursive: true })
  const rand = generator(k)
  const truth = Uint32Array.from({ length: n }, () => Math.floor(rand() * k))
  for (const [m, file] of files.entries()) {
    const r = generator(m + 17)
    const hit = m === 0 ? 0.72 : 0.7
    await writeLines(file, n, (i) => {
      const y = truth[i]
      const p = r() < hit ? y : Math.floor(r() * k)
      const base = `{"id": "ex-${i}", "label": "c${y}", "prediction": "c${p}"`
      if (!withScores) return base + '}'
      const top = 0.5 + r() / 2
      const rest = (1 - top) / (k - 1)
      const scores = Array.from({ length: k }, (_, c) => `"c${c}": ${(c === p ? top : rest).toFixed(6)}`).join(', ')
      return `${base}, "scores": {${scores}}}`
    })
  }
  return files
}

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`

/** Floor and compare, alternately RUNS times each; prints both medians, the ratio against `limit` and the peak memory. */
function ratioCase(title, [cand, base], limit, resamples = 10000) {
  const parse = []
  const full = []
  for (let r = 0; r < RUNS; r++) {
    parse.push(timed([path.join(root, 'scripts/bench-parse.mjs'), cand, base]))
    full.push(timed([CLI, 'compare', '--candidate', cand, '--baseline', base, '--resamples', String(resamples), '--json', path.join(dir, 'report.json')]))
  }
  const p = median(parse)
  const f = median(full)
  const ratio = f.seconds / p.seconds
  console.log(
    `\n${title} (${mb(statSync(cand).size)} + ${mb(statSync(base).size)})\n` +
      `  bare read + JSON.parse: ${p.seconds.toFixed(2)} s, peak ${mb(p.rss)}\n` +
      `  eval-gate compare:      ${f.seconds.toFixed(2)} s, peak ${mb(f.rss)}\n` +
      `  ratio ${ratio.toFixed(2)} (limit ${limit}) ${ratio <= limit ? 'ok' : 'TOO SLOW'}; peak memory ${f.rss < 2 ** 30 ? 'ok' : 'OVER 1 GB'}`
  )
}

console.log(`Eval Gate benchmark: ${N.toLocaleString('en-US')} paired examples, 10,000 resamples, median of ${RUNS} runs (node ${process.version}, ${path.relative(root, CLI)})`)
if (CASES.has('plain')) ratioCase('id, label, prediction', await makeData(false), 1.0)
if (CASES.has('score')) ratioCase('with score', await makeData(true), 1.5)
if (CASES.has('multiclass')) ratioCase('multiclass: 20 classes, a scores object on every row', await makeClasses(20, true), 3)
if (CASES.has('classes')) ratioCase('1,000 classes', await makeClasses(1000, false), 3)

/** 10,000 translation-like examples: two references each, a generated text with some words changed. */
async function makeGeneration() {
  const files = ['candidate', 'baseline'].map((m) => path.join(dir, `${m}-generation.jsonl`))
  if (files.every(existsSync)) return files
  mkdirSync(dir, { recursive: true })
  const words = 'the a model data test set score gate report runs fast slow river bank token eval metric café naïve Zürich 3.5 U.S. (draft) well, ok; no? yes!'.split(' ')
  const rand = generator(5)
  const sentence = (len) => Array.from({ length: len }, () => words[Math.floor(rand() * words.length)]).join(' ')
  const refs = Array.from({ length: 10_000 }, () => {
    const r = sentence(8 + Math.floor(rand() * 20))
    return [r, r.split(' ').map((w) => (rand() < 0.2 ? words[Math.floor(rand() * words.length)] : w)).join(' ')]
  })
  for (const [m, file] of files.entries()) {
    const noise = m === 0 ? 0.2 : 0.25
    await writeLines(file, refs.length, (i) => {
      const prediction = refs[i][0].split(' ').map((w) => (rand() < noise ? words[Math.floor(rand() * words.length)] : w)).join(' ')
      return JSON.stringify({ id: `s${i}`, label: refs[i], prediction })
    })
  }
  return files
}

if (CASES.has('generation')) {
  const [cand, base] = await makeGeneration()
  const full = median(
    Array.from({ length: RUNS }, () =>
      timed([CLI, 'compare', '--task', 'generation', '--candidate', cand, '--baseline', base, '--resamples', '10000', '--json', path.join(dir, 'report.json')])
    )
  )
  console.log(
    `\ngeneration: 10,000 examples, two references each, exact_match, token_f1, BLEU and chrF, 10,000 resamples\n` +
      `  eval-gate compare:      ${full.seconds.toFixed(2)} s, peak ${mb(full.rss)} (limit 5 s) ${full.seconds <= 5 ? 'ok' : 'TOO SLOW'}`
  )
}

// docs/scale.md / docs/scale.md: cell counts standing for 10⁹ examples (scripts/bench-cells.mjs).
{
  const { benchCells } = await import('./bench-cells.mjs')
  benchCells({ runs: RUNS })
}

// docs/tools.md, "Speed": reading a 1 GB lm-eval samples file of wide rows against JSON.parse of every line.
if (CASES.has('lm-eval')) {
  console.log('\nlm-eval samples, wide rows (scripts/bench-tools.mjs)')
  spawnSync(process.execPath, [path.join(root, 'scripts/bench-tools.mjs')], { stdio: 'inherit', env: process.env })
}
