// The reference of docs/scale.md: a Node.js script that only reads both files and JSON.parses every line.
// Reads by chunks and splits lines itself (the fast way; readline would be slower and flatter the ratio).
import { createReadStream } from 'node:fs'

let rows = 0
for (const file of process.argv.slice(2)) {
  let rest = ''
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + chunk
    let start = 0
    let nl
    while ((nl = text.indexOf('\n', start)) !== -1) {
      if (nl > start) {
        JSON.parse(text.slice(start, nl))
        rows++
      }
      start = nl + 1
    }
    rest = text.slice(start)
  }
  if (rest.trim()) {
    JSON.parse(rest)
    rows++
  }
}
process.stdout.write(`${rows}\n`)
