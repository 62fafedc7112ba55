// npm run bench (case lm-eval), or alone: node scripts/bench-tools.mjs. docs/tools.md, "Speed": generates (once, under
// the system temp folder) an lm-evaluation-harness samples file of wide rows — 5-shot prompts of ~9 KB in
// `arguments`, generations of ~2 KB in `resps`, the `doc`, with the escapes real prompts have — of
// EVAL_GATE_BENCH_TOOL_MB megabytes (default 1024), then times reading it into the tool table (src/read/tools/,
// bundled here with esbuild from the sources, so no dist/ rebuild is needed) against a script that only reads the
// file and JSON.parses every line, and prints both times, their ratio (the target: at most 0.5) and the peak memory;
// then a whole `compare` of the file with itself (the CLI bundled the same way, 10,000 resamples). Each timing is
// the median of EVAL_GATE_BENCH_RUNS (default 3) runs, alternating; wall and CPU time (user + system) both.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { generator, writeLines } from './bench-data.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const MB = Number(process.env.EVAL_GATE_BENCH_TOOL_MB ?? 1024)
const RUNS = Number(process.env.EVAL_GATE_BENCH_RUNS ?? 3)
const dir = path.join(tmpdir(), `eval-gate-bench-lm-eval-${MB}`)

const WORDS = 'the a of to and in is that for it as was with be by on not he I this are or his from at which but have an they you were'.split(' ')

function text(rand, n) {
  const out = []
  let length = 0
  while (length < n) {
    const w = WORDS[Math.floor(rand() * WORDS.length)]
    out.push(w)
    length += w.length + 1
    if (rand() < 0.02) out.push('"quoted"')
    if (rand() < 0.01) out.push('\n')
  }
  return out.join(' ')
}

async function makeData() {
  const file = path.join(dir, 'samples_gsm8k_2025-01-01T00-00-00.000000.jsonl')
  if (existsSync(file)) return file
  mkdirSync(dir, { recursive: true })
  const rand = generator(5)
  const shots = Array.from({ length: 5 }, () => `Question: ${text(rand, 600)}\nAnswer: ${text(rand, 1200)} #### ${Math.floor(rand() * 1000)}`)
  const rowBytes = 12_500
  const rows = Math.ceil((MB * 1e6) / rowBytes)
  await writeLines(file, rows, (i) => {
    const question = text(rand, 400)
    const prompt = `${shots.join('\n\n')}\n\nQuestion: ${question}\nAnswer:`
    const generation = text(rand, 2000)
    return JSON.stringify({
      doc_id: i,
      doc: { question, answer: `${text(rand, 300)} #### ${i % 97}` },
      target: String(i % 97),
      arguments: { gen_args_0: { arg_0: prompt, arg_1: { until: ['Question:', '</s>', '<|im_end|>'], do_sample: false, temperature: 0 } } },
      resps: [[generation]],
      filtered_resps: [String(i % 89)],
      filter: 'strict-match',
      metrics: ['exact_match'],
      doc_hash: (i * 2654435761 >>> 0).toString(16).padStart(64, '0'),
      prompt_hash: 'f'.repeat(64),
      target_hash: (i * 40503 >>> 0).toString(16).padStart(64, '0'),
      exact_match: rand() < 0.6 ? 1.0 : 0.0
    })
  })
  return file
}

/** The reader alone and the CLI, bundled from the sources (TypeScript) into the bench folder. */
async function bundles() {
  const reader = path.join(dir, 'read-lm-eval.mjs')
  const entry = path.join(dir, 'read-lm-eval-entry.ts')
  writeFileSync(
    entry,
    `import { readLmEval } from ${JSON.stringify(path.join(root, 'src/read/tools/lmEval.ts'))}\n` +
      `const t = await readLmEval({ name: process.argv[2], path: process.argv[2] })\nconsole.log(t.n, t.metrics.map((m) => m.name).join(','))\n`
  )
  const banner = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: reader, logLevel: 'silent', banner })
  const cli = path.join(dir, 'cli.mjs')
  await build({ entryPoints: [path.join(root, 'src/cli/cli.ts')], bundle: true, platform: 'node', format: 'esm', outfile: cli, logLevel: 'silent', banner })
  const floor = path.join(dir, 'floor.mjs')
  writeFileSync(
    floor,
    `import { createReadStream } from 'node:fs'\nlet n = 0, rest = ''\nfor await (const chunk of createReadStream(process.argv[2], { encoding: 'utf8', highWaterMark: 1 << 20 })) {\n` +
      `  const lines = (rest + chunk).split('\\n'); rest = lines.pop()\n  for (const l of lines) if (l) { JSON.parse(l); n++ }\n}\nif (rest) { JSON.parse(rest); n++ }\nconsole.log(n)\n`
  )
  return { reader, cli, floor }
}

function timed(args) {
  const usageFile = path.join(dir, 'usage.json')
  rmSync(usageFile, { force: true })
  const start = process.hrtime.bigint()
  const child = spawnSync(process.execPath, ['--import', path.join(root, 'scripts/bench-usage.mjs'), ...args], {
    env: { ...process.env, EVAL_GATE_BENCH_USAGE: usageFile },
    encoding: 'utf8',
    maxBuffer: 64 << 20
  })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr}`)
  const usage = JSON.parse(readFileSync(usageFile, 'utf8'))
  return { seconds, cpu: usage.cpu, rss: usage.rss, out: child.stdout.trim().slice(0, 200) }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const file = await makeData()
const { reader, cli, floor } = await bundles()
const size = statSync(file).size
console.log(`lm-eval samples file: ${(size / 1e6).toFixed(0)} MB (${file})`)
const floors = []
const reads = []
let readOut = ''
let readRss = 0
for (let r = 0; r < RUNS; r++) {
  floors.push(timed([floor, file]))
  const t = timed([reader, file])
  reads.push(t)
  readOut = t.out
  readRss = Math.max(readRss, t.rss)
}
const f = median(floors.map((t) => t.seconds))
const m = median(reads.map((t) => t.seconds))
const fc = median(floors.map((t) => t.cpu))
const mc = median(reads.map((t) => t.cpu))
console.log(`floor (read + JSON.parse every line): ${f.toFixed(2)} s (CPU ${fc.toFixed(2)} s)`)
console.log(`read into the tool table: ${m.toFixed(2)} s (CPU ${mc.toFixed(2)} s; ${readOut}), peak RSS ${(readRss / 2 ** 20).toFixed(0)} MiB`)
console.log(`ratio: ${(m / f).toFixed(2)} wall, ${(mc / fc).toFixed(2)} CPU (target ≤ 0.50)`)
if (process.env.EVAL_GATE_BENCH_TOOL_COMPARE !== '0') {
  const c = timed([cli, 'compare', '--candidate', file, '--baseline', file, '--resamples', '10000', '--json', path.join(dir, 'report.json')])
  console.log(`compare of the file with itself (10,000 resamples): ${c.seconds.toFixed(2)} s (${(c.seconds / f).toFixed(2)}× the floor), peak RSS ${(c.rss / 2 ** 20).toFixed(0)} MiB`)
}
