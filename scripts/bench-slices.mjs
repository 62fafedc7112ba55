// node scripts/bench-slices.mjs: docs/slices.md's speed target. Generates (once, under the system temp folder)
// 1,000,000 paired binary examples with a slice field `group` of 50 values, then times `eval-gate compare` with
// 10,000 resamples without and with `--slice-field group` (the same files, so the same reading work) and prints
// both times and their ratio (target: at most 1.5), and the same for the CPU time the process used (user +
// system, all threads: steadier than wall time on a shared machine). Median of 3 runs. The bundle is dist/cli.js, or
// EVAL_GATE_CLI_BUNDLE (a private build: EVAL_GATE_DIST=/tmp/x node scripts/bundle.mjs).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generator, writeLines } from './bench-data.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const cli = process.env.EVAL_GATE_CLI_BUNDLE ?? path.join(root, 'dist/cli.js')
const N = Number(process.env.EVAL_GATE_BENCH_ROWS ?? 1_000_000)
const RUNS = Number(process.env.EVAL_GATE_BENCH_RUNS ?? 3)
const SLICES = 50
const dir = path.join(tmpdir(), `eval-gate-bench-slices-${N}`)



async function makeData() {
  const files = ['candidate', 'baseline'].map((m) => path.join(dir, `${m}.jsonl`))
  if (files.every(existsSync)) return files
  mkdirSync(dir, { recursive: true })
  const rand = generator(5)
  const labels = new Uint8Array(N)
  const groups = new Uint8Array(N)
  for (let i = 0; i < N; i++) {
    labels[i] = rand() < 0.3 ? 1 : 0
    groups[i] = Math.floor(rand() * SLICES)
  }
  for (const [m, file] of files.entries()) {
    const r = generator(m + 21)
    await writeLines(file, N, (i) => {
      const y = labels[i]
      const hit = m === 0 ? (groups[i] === 7 ? 0.8 : 0.86) : 0.85
      const p = r() < hit ? y : 1 - y
      return `{"id": "ex-${i}", "label": ${y}, "prediction": ${p}, "group": "g${groups[i]}"}`
    })
  }
  return files
}

/** Prints the process's CPU time (µs, user + system, every thread) to standard error as it exits. */
const cpuProbe = `data:text/javascript,process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ncpu-us ' + (u.user + u.system) + '\\n') })`

function timed(args) {
  const start = process.hrtime.bigint()
  const child = spawnSync(process.execPath, ['--import', cpuProbe, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr}`)
  const cpu = Number(/cpu-us (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1e6
  return { seconds, cpu }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const [cand, base] = await makeData()
const common = [cli, 'compare', '--candidate', cand, '--baseline', base, '--resamples', '10000', '--json', path.join(dir, 'report.json')]
console.log(`Slices benchmark: ${N.toLocaleString('en-US')} paired binary examples, ${SLICES} slice values, 10,000 resamples, median of ${RUNS} runs (node ${process.version})`)
const without = []
const withSlices = []
for (let i = 0; i < RUNS; i++) {
  without.push(timed(common))
  withSlices.push(timed([...common, '--slice-field', 'group']))
}
for (const key of ['seconds', 'cpu']) {
  const a = median(without.map((r) => r[key]))
  const b = median(withSlices.map((r) => r[key]))
  const runs = (list) => list.map((r) => r[key].toFixed(2)).join(', ')
  console.log(key === 'seconds' ? 'wall time' : 'CPU time (user + system, all threads)')
  console.log(`  without slices:          ${a.toFixed(2)} s (runs ${runs(without)})`)
  console.log(`  --slice-field group:     ${b.toFixed(2)} s (runs ${runs(withSlices)})`)
  console.log(`  ratio ${(b / a).toFixed(2)} (target 1.5) ${b / a <= 1.5 ? 'ok' : 'TOO SLOW'}`)
}
