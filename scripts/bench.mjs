// npm run bench: SPEC §8. Generates (once, under the system temp folder) 1,000,000 paired binary examples as two
// JSONL files with string ids (`ex-123`), then times a full `node dist/cli.js compare` with 10,000 resamples against
// a script that only reads both files and JSON.parses every line, and prints both times, their ratio and the peak
// memory; then the same with a `score` column; then generation: 10,000 examples with two references, BLEU and chrF
// with 10,000 resamples, against SPEC's 5 s. Each timing is the median of 3 runs.
import { spawnSync } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const N = Number(process.env.EVAL_GATE_BENCH_ROWS ?? 1_000_000)
const RUNS = Number(process.env.EVAL_GATE_BENCH_RUNS ?? 3)
const dir = path.join(tmpdir(), `eval-gate-bench-${N}`)

/** xorshift32: deterministic data without Math.random. */
function generator(seed) {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    return x / 2 ** 32
  }
}

async function writeLines(file, n, row) {
  const out = createWriteStream(file)
  let buf = ''
  for (let i = 0; i < n; i++) {
    buf += row(i) + '\n'
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r))
      buf = ''
    }
  }
  out.end(buf)
  await new Promise((r) => out.on('finish', r))
}

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

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`
console.log(`Eval Gate benchmark: ${N.toLocaleString('en-US')} paired binary examples, 10,000 resamples, median of ${RUNS} runs (node ${process.version})`)
for (const withScore of [false, true]) {
  const [cand, base] = await makeData(withScore)
  const limit = withScore ? 1.5 : 1.0
  const parse = median(Array.from({ length: RUNS }, () => timed([path.join(root, 'scripts/bench-parse.mjs'), cand, base])))
  const full = median(
    Array.from({ length: RUNS }, () =>
      timed([path.join(root, 'dist/cli.js'), 'compare', '--candidate', cand, '--baseline', base, '--resamples', '10000', '--json', path.join(dir, 'report.json')])
    )
  )
  const ratio = full.seconds / parse.seconds
  console.log(
    `\n${withScore ? 'with score' : 'id, label, prediction'} (${mb(statSync(cand).size)} + ${mb(statSync(base).size)})\n` +
      `  bare read + JSON.parse: ${parse.seconds.toFixed(2)} s, peak ${mb(parse.rss)}\n` +
      `  eval-gate compare:      ${full.seconds.toFixed(2)} s, peak ${mb(full.rss)}\n` +
      `  ratio ${ratio.toFixed(2)} (limit ${limit}) ${ratio <= limit ? 'ok' : 'TOO SLOW'}; peak memory ${full.rss < 2 ** 30 ? 'ok' : 'OVER 1 GB'}`
  )
}

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

{
  const [cand, base] = await makeGeneration()
  const full = median(
    Array.from({ length: RUNS }, () =>
      timed([path.join(root, 'dist/cli.js'), 'compare', '--task', 'generation', '--candidate', cand, '--baseline', base, '--resamples', '10000', '--json', path.join(dir, 'report.json')])
    )
  )
  console.log(
    `\ngeneration: 10,000 examples, two references each, exact_match, token_f1, BLEU and chrF, 10,000 resamples\n` +
      `  eval-gate compare:      ${full.seconds.toFixed(2)} s, peak ${mb(full.rss)} (limit 5 s) ${full.seconds <= 5 ? 'ok' : 'TOO SLOW'}`
  )
}

// SPEC §8 / §15: cell counts standing for 10⁹ examples (scripts/bench-cells.mjs).
{
  const { benchCells } = await import('./bench-cells.mjs')
  benchCells({ runs: RUNS })
}
