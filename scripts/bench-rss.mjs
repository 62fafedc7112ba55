// Loaded with `node --import` by the benchmark: writes the process's peak resident memory (bytes) at exit.
import { writeFileSync } from 'node:fs'

const out = process.env.EVAL_GATE_BENCH_RSS
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS * 1024)))
