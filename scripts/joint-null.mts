// Where max-T's power goes (issue 11): the joint permutation null of the six calibration gates' standardized
// statistics, on exchangeable models (the `npm run calibrate` model, δ = 0). Prints each statistic's upper tail
// against the normal's, their correlation over the resamples, and the 95% quantile of their maximum: the z a
// regression must reach to fail its gate at the first step of max-T, against 1.645 for one gate alone.
// Run: npx tsx scripts/joint-null.mts (tsx comes with @github/local-action); N (examples, default 2000), REPS (data
// sets, default 6), RESAMPLES (default 2000). Seeded: the same options print the same numbers.
import { parseGates } from '../src/gates/rules.js'
import { taskModule } from '../src/tasks/registry.js'
import type { CompareOptions } from '../src/tasks/options.js'

const GATES = ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss']
const MODEL = { pi: 0.15, mu: 1.4, su: 1.0, se: 1.2 }
const n = Number(process.env.N ?? 2000)
const reps = Number(process.env.REPS ?? 6)
const resamples = Number(process.env.RESAMPLES ?? 2000)

// A small seeded generator (Park–Miller-style LCG) is enough for test data; the statistics use their own streams.
let state = 12345
const uniform = (): number => {
  state = (state * 1103515245 + 12345) % 2147483648
  return (state + 0.5) / 2147483648
}
const normal = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform())
const expit = (z: number): number => 1 / (1 + Math.exp(-z))

const cuts = [1.645, 2, 2.5]
const tails = GATES.map(() => cuts.map(() => 0))
const products = GATES.map(() => GATES.map(() => 0))
const maxima: number[] = []
for (let rep = 0; rep < reps; rep++) {
  let candidate = ''
  let baseline = ''
  for (let i = 0; i < n; i++) {
    const y = uniform() < MODEL.pi ? 1 : 0
    const u = normal()
    const row = (z: number): string => JSON.stringify({ id: i, label: y, prediction: expit(z) >= 0.5 ? 1 : 0, score: expit(z) }) + '\n'
    baseline += row(MODEL.mu * (2 * y - 1) + MODEL.su * u + MODEL.se * normal())
    candidate += row(MODEL.mu * (2 * y - 1) + MODEL.su * u + MODEL.se * normal())
  }
  const options: CompareOptions = {
    candidate: { name: 'candidate.jsonl', data: Buffer.from(candidate) },
    baseline: { name: 'baseline.jsonl', data: Buffer.from(baseline) },
    fields: { id: 'id', label: 'label', prediction: 'prediction', score: 'score' },
    alpha: 0.05,
    resamples,
    seed: rep,
    missingBaseline: 'skip'
  }
  const prepared = await taskModule(undefined).prepare(options)
  const rules = parseGates(GATES.map((g) => `${g} no-regression`).join('; '), prepared.known)
  const analysis = await prepared.analyze(rules, { alpha: 0.05, resamples, seed: rep })
  const joint = analysis.joint?.(GATES)
  if (!joint || typeof joint === 'string' || !joint.statistics) throw new Error(`no joint null: ${String(joint)}`)
  const z = joint.statistics.resampled
  for (let r = 0; r < z[0].length; r++) {
    let max = -Infinity
    for (let i = 0; i < GATES.length; i++) {
      cuts.forEach((c, k) => (tails[i][k] += z[i][r] > c ? 1 : 0))
      for (let j = 0; j < GATES.length; j++) products[i][j] += z[i][r] * z[j][r]
      max = Math.max(max, z[i][r])
    }
    maxima.push(max)
  }
}
const total = maxima.length
console.log(`joint permutation null, n = ${n}, ${reps} data sets × ${resamples} resamples`)
console.log(`| statistic | P(z > 1.645) (normal 0.0500) | P(z > 2) (0.0228) | P(z > 2.5) (0.0062) |`)
console.log('| --- | --- | --- | --- |')
GATES.forEach((g, i) => console.log(`| ${g} | ${tails[i].map((t) => (t / total).toFixed(4)).join(' | ')} |`))
console.log(`\n| correlation | ${GATES.join(' | ')} |\n| --- |${GATES.map(() => ' --- |').join('')}`)
GATES.forEach((g, i) => console.log(`| ${g} | ${products[i].map((p) => (p / total).toFixed(2)).join(' | ')} |`))
maxima.sort((a, b) => a - b)
console.log(`\n95% quantile of the maximum of the six: ${maxima[Math.floor(0.95 * total)].toFixed(3)} (one statistic: 1.645)`)
