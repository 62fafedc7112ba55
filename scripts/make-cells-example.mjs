// Writes examples/spam/cells.csv: the cell counts of the spam example (docs/scale.md), i.e. what this SQL gives on the
// two predictions tables (README, "Beyond one machine"):
//   SELECT c.label, b.prediction AS baseline, c.prediction AS candidate, COUNT(*) AS count
//   FROM candidate c JOIN baseline b ON b.id = c.id AND b.label = c.label GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
// Run: node scripts/make-cells-example.mjs
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'examples/spam')
const read = (m) =>
  readFileSync(path.join(dir, `${m}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line))
const baseline = new Map(read('baseline').map((r) => [String(r.id), r]))
const counts = new Map()
for (const c of read('candidate')) {
  const b = baseline.get(String(c.id))
  if (!b || String(b.label) !== String(c.label)) continue
  const key = [c.label, b.prediction, c.prediction].map(String).join(',')
  counts.set(key, (counts.get(key) ?? 0) + 1)
}
const rows = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, n]) => `${key},${n}`)
writeFileSync(path.join(dir, 'cells.csv'), ['label,baseline,candidate,count', ...rows].join('\n') + '\n')
console.log(`examples/spam/cells.csv: ${rows.length} cells`)
