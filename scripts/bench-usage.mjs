// Loaded with `node --import` by scripts/bench-tools.mjs: writes the process's peak resident memory (bytes) and its
// CPU time (user + system, seconds) at exit, as JSON: on a shared machine CPU time varies less than wall time.
import { writeFileSync } from 'node:fs'

const out = process.env.EVAL_GATE_BENCH_USAGE
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage()
    writeFileSync(out, JSON.stringify({ rss: u.maxRSS * 1024, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 }))
  })
}
