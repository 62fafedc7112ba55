// Writes examples/spam/{baseline,candidate}.jsonl: a spam filter's test set of 600 messages, where the
// fine-tuned candidate gains precision but loses recall. Deterministic (its own tiny seeded generator).
import { writeFileSync } from 'node:fs'

let state = 20261122
const rand = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0
  return state / 2 ** 32
}
const subjects = {
  spam: ['You have WON a prize', 'Cheap meds, no prescription', 'Your account is suspended: verify now', 'Hot singles near you',
    'Claim your crypto bonus', 'Re: invoice overdue (open attachment)', 'Lose 10 kg in a week', 'Final notice: car warranty'],
  ham: ['Standup moved to 10:30', 'Re: dataset v3 labels', 'Lunch on Friday?', 'PR #482 review comments', 'Quarterly report draft',
    'Flight itinerary for Berlin', 'Re: GPU quota for the fine-tune', 'Notes from the retro']
}
const n = 600
const baseline = []
const candidate = []
const clamp = (x) => Math.min(0.999, Math.max(0.001, x))
for (let i = 0; i < n; i++) {
  const label = rand() < 0.3 ? 'spam' : 'ham'
  const list = subjects[label]
  const subject = list[Math.floor(rand() * list.length)]
  const id = `msg-${String(i + 1).padStart(4, '0')}`
  const u = rand()
  // Baseline: recall 0.91, false-positive rate 0.07. Candidate: stricter threshold, recall 0.80, FPR 0.02.
  const bScore = label === 'spam' ? clamp(0.5 + (u < 0.91 ? 0.45 : -0.3) * (0.4 + 0.6 * rand())) : clamp(0.5 + (u < 0.07 ? 0.3 : -0.45) * (0.4 + 0.6 * rand()))
  const v = label === 'spam' ? (u < 0.8 ? u : u < 0.91 ? 0.99 : u) : u < 0.02 ? u : 0.5
  const cScore = label === 'spam' ? clamp(0.5 + (v < 0.8 ? 0.45 : -0.3) * (0.4 + 0.6 * rand())) : clamp(0.5 + (v < 0.02 ? 0.3 : -0.45) * (0.4 + 0.6 * rand()))
  const round = (x) => Math.round(x * 1e4) / 1e4
  baseline.push({ id, subject, label, prediction: bScore >= 0.5 ? 'spam' : 'ham', score: round(bScore) })
  candidate.push({ id, subject, label, prediction: cScore >= 0.5 ? 'spam' : 'ham', score: round(cScore) })
}
const jsonl = (rows) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n'
writeFileSync('examples/spam/baseline.jsonl', jsonl(baseline))
writeFileSync('examples/spam/candidate.jsonl', jsonl(candidate))
