// docs/scale.md and docs/scale.md: cell counts standing for 10⁹ examples compare in under 1 s. Writes a binary cells file (8 cells,
// 1,000,000,000 examples) and a 20-class one with every one of its 8,000 cells non-empty (10⁹ examples), and times a
// full `node dist/cli.js compare --format cells` with 10,000 resamples (median of EVAL_GATE_BENCH_RUNS runs, default
// 3): wall time, and the process's CPU time (user + system), which a loaded machine does not inflate. The 1 s limit
// is checked on the binary file; the dense 20-class table costs what 8,000 cells cost per resample (an exact binomial
// draw per cell, as for row files with that many distinct cells), whatever the number of examples.
// Run alone with `node scripts/bench-cells.mjs`; `npm run bench` runs it last. EVAL_GATE_CLI_BUNDLE picks the CLI.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

/** Times the 10⁹-example cells comparisons; prints one line each against docs/scale.md's 1 s. */
export function benchCells({ runs = Number(process.env.EVAL_GATE_BENCH_RUNS ?? 3), cli = process.env.EVAL_GATE_BENCH_CLI ?? process.env.EVAL_GATE_CLI_BUNDLE ?? path.join(root, 'dist/cli.js') } = {}) {
  const dir = path.join(tmpdir(), 'eval-gate-bench-cells')
  mkdirSync(dir, { recursive: true })
  const binary = path.join(dir, 'binary-cells.csv')
  // (label, baseline, candidate, count): 1,000,000,000 in all.
  const table = [
    [0, 0, 0, 600_000_000],
    [0, 0, 1, 20_000_000],
    [0, 1, 0, 25_000_000],
    [0, 1, 1, 5_000_000],
    [1, 0, 0, 5_000_000],
    [1, 0, 1, 30_000_000],
    [1, 1, 0, 15_000_000],
    [1, 1, 1, 300_000_000]
  ]
  writeFileSync(binary, 'label,baseline,candidate,count\n' + table.map((r) => r.join(',')).join('\n') + '\n')
  // 20 classes, every cell non-empty: right cells heavy, the rest light; the counts add up to exactly 10⁹.
  const k = 20
  const rows = []
  let total = 0
  for (let t = 0; t < k; t++) {
    for (let b = 0; b < k; b++) {
      for (let c = 0; c < k; c++) {
        const x = (b === t ? 40 : 1) * (c === t ? 40 : 1) * (1 + ((t * 7 + b * 3 + c) % 5))
        rows.push([`class-${t}`, `class-${b}`, `class-${c}`, x])
        total += x
      }
    }
  }
  let scaled = 0
  for (const r of rows) scaled += r[3] = Math.floor((r[3] * 1e9) / total)
  rows[0][3] += 1e9 - scaled
  const multiclass = path.join(dir, 'multiclass-cells.csv')
  writeFileSync(multiclass, 'label,baseline,candidate,count\n' + rows.map((r) => r.join(',')).join('\n') + '\n')

  const usageFile = path.join(dir, 'usage.json')
  const probe = path.join(dir, 'usage.mjs')
  writeFileSync(
    probe,
    "import { writeFileSync } from 'node:fs'\n" +
      "process.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.EVAL_GATE_BENCH_USAGE, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, rss: u.maxRSS * 1024 })) })\n"
  )
  const time = (file) => {
    rmSync(usageFile, { force: true })
    const start = process.hrtime.bigint()
    const child = spawnSync(
      process.execPath,
      ['--import', probe, cli, 'compare', '--candidate', file, '--format', 'cells', '--resamples', '10000', '--json', path.join(dir, 'report.json')],
      { env: { ...process.env, EVAL_GATE_BENCH_USAGE: usageFile }, encoding: 'utf8' }
    )
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    if (child.status !== 0 && child.status !== 1) throw new Error(`cells compare failed (${child.status}): ${child.stderr}`)
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'))
    if (report.counts.paired !== 1e9) throw new Error(`expected 10^9 paired examples, got ${report.counts.paired}`)
    return { seconds, ...JSON.parse(readFileSync(usageFile, 'utf8')) }
  }
  for (const [what, file] of [
    ['binary, 8 cells', binary],
    ['20 classes, 8,000 cells', multiclass]
  ]) {
    const all = Array.from({ length: runs }, () => time(file)).sort((a, b) => a.seconds - b.seconds)
    const { seconds, cpu } = all[Math.floor(all.length / 2)]
    const rss = Math.max(...all.map((r) => r.rss))
    const limit = file === binary ? ` (limit 1 s) ${seconds <= 1 ? 'ok' : cpu <= 1 ? 'over on the wall clock only: a loaded machine?' : 'TOO SLOW'}` : ''
    console.log(
      `\ncells: 10⁹ examples, ${what}, 10,000 resamples\n` +
        `  eval-gate compare --format cells: ${seconds.toFixed(2)} s (CPU ${cpu.toFixed(2)} s), peak ${(rss / 2 ** 20).toFixed(0)} MiB${limit}`
    )
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) benchCells()
