// Writes the example data sets of the tasks beyond classification (docs/tasks.md, docs/tasks.md), deterministic (a tiny seeded
// generator): examples/judge (an LLM-judge eval: per-prompt judge score 1–5, unit-test pass, latency),
// examples/translation (German → English: references, generated text, per-example loss and tokens) and
// examples/house-prices (a regression: sale price in thousands). Run: node scripts/make-task-examples.mjs
import { mkdirSync, writeFileSync } from 'node:fs'

let state = 20261123
const rand = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0
  return state / 2 ** 32
}
const pick = (list) => list[Math.floor(rand() * list.length)]
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())
const jsonl = (rows) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n'
const write = (dir, baseline, candidate) => {
  mkdirSync(`examples/${dir}`, { recursive: true })
  writeFileSync(`examples/${dir}/baseline.jsonl`, jsonl(baseline))
  writeFileSync(`examples/${dir}/candidate.jsonl`, jsonl(candidate))
}

// An assistant fine-tuned for helpfulness: the judge likes it a little more, its code passes the unit tests as
// often, and it is slower (longer answers). The baseline's rows are written in another order.
{
  const baseline = []
  const candidate = []
  for (let i = 0; i < 400; i++) {
    const id = `prompt-${String(i + 1).padStart(4, '0')}`
    const difficulty = rand()
    const b = Math.max(1, Math.min(5, Math.round(4.2 - 2.5 * difficulty + 0.8 * normal())))
    const c = Math.max(1, Math.min(5, b + (rand() < 0.3 ? 1 : 0) - (rand() < 0.18 ? 1 : 0)))
    const bPass = rand() > difficulty * 0.8
    const cPass = rand() < 0.08 ? !bPass : bPass
    const bLatency = Math.round((300 + 400 * difficulty + 60 * normal()) * 10) / 10
    const cLatency = Math.round(bLatency * (1.12 + 0.05 * normal()) * 10) / 10
    baseline.push({ id, judge: b, passed: bPass, latency_ms: bLatency })
    candidate.push({ id, judge: c, passed: cPass, latency_ms: cLatency })
  }
  baseline.reverse()
  write('judge', baseline, candidate)
}

// German → English, 300 sentences with one or two references each. The candidate (a fine-tune on in-domain
// data) gets more words right; both report the mean token NLL of their output.
{
  const subjects = ['The model', 'Our team', 'The new checkpoint', 'The reviewer', 'The pipeline', 'This dataset']
  const verbs = ['improves', 'reduces', 'measures', 'explains', 'doubles', 'hides']
  const objects = ['the error rate', 'the latency', 'the recall on rare classes', 'the cost of training', 'the test set', 'the regression']
  const tails = ['on German text.', 'after the fine-tune.', 'in every run.', 'by a few points.', 'without more data.', 'on the base branch.']
  const swaps = { improves: 'betters', reduces: 'lowers', measures: 'gauges', explains: 'describes', doubles: 'multiplies', hides: 'masks' }
  const baseline = []
  const candidate = []
  for (let i = 0; i < 300; i++) {
    const id = `sent-${i + 1}`
    const words = [pick(subjects), pick(verbs), pick(objects), pick(tails)]
    const ref = words.join(' ')
    const label = rand() < 0.4 ? [ref, `${words[0]} ${swaps[words[1]]} ${words[2]} ${words[3]}`] : ref
    const noisy = (p) =>
      words
        .map((w, k) => (rand() < p ? (k === 1 ? swaps[w] : k === 2 ? pick(objects) : k === 3 ? pick(tails) : pick(subjects)) : w))
        .join(' ')
    const tokens = 8 + Math.floor(rand() * 10)
    baseline.push({ id, label, prediction: noisy(0.3), loss: Math.round((1.9 + 0.4 * normal()) * 1e4) / 1e4, tokens })
    candidate.push({ id, label, prediction: noisy(0.2), loss: Math.round((1.8 + 0.4 * normal()) * 1e4) / 1e4, tokens })
  }
  write('translation', baseline, candidate)
}

// Sale prices (thousands) of 250 houses; the candidate adds a feature that helps on large houses and hurts a
// little elsewhere.
{
  const baseline = []
  const candidate = []
  for (let i = 0; i < 250; i++) {
    const size = 50 + 200 * rand()
    const price = Math.round((80 + 2.1 * size + 25 * normal()) * 10) / 10
    const bErr = 22 * normal() + (size > 180 ? 15 : 0)
    const cErr = 23 * normal() + (size > 180 ? 4 : 0)
    baseline.push({ id: i + 1, label: price, prediction: Math.round((price + bErr) * 10) / 10 })
    candidate.push({ id: i + 1, label: price, prediction: Math.round((price + cErr) * 10) / 10 })
  }
  write('house-prices', baseline, candidate)
}
