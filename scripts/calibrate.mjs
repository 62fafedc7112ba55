// npm run calibrate: how often the gates fail when they should not, and how often they catch a real regression
// (issue 11). Simulated paired binary classifiers with scores; each replicate runs compare() (the core, bundled
// from src/ with ncc into the system temp folder, so dist/ is never touched) on two in-memory JSONL files.
//
// Model (a latent logit per example and model): z = μ·(2y − 1) − δ·y·[candidate] + σu·u + σe·e, y ~ Bernoulli(π),
// u ~ N(0, 1) shared by both models (the example's difficulty), e ~ N(0, 1) each model's own; score = expit(z),
// prediction = 1 when score ≥ 0.5. Exchangeable: δ = 0 (both models have the same distribution, every population
// metric equal). Recall drop: δ chosen so that the candidate's population recall is 3 points lower (its AUC, F1,
// accuracy and log loss move with it, as a real regression's do).
//
// Gates: accuracy, precision, recall, f1, roc_auc, log_loss no-regression. Reported per scenario, with Monte Carlo
// standard errors √(p(1 − p)/N): per-metric one-sided type-I rate, family-wise false-fail rate (Holm with exact
// and mid-p McNemar; the joint adjustments of CALIBRATE_METHODS, default Westfall–Young minP and max-T with exact
// McNemar, with their paired differences), coverage of the candidate's intervals (AUC: DeLong logit and plain
// Wald; log loss: log-scale t and plain t; recall: Wilson), and power of `recall no-regression` among the six and
// alone.
//
// CALIBRATE_STUDY=defaults: the default gates (accuracy, precision, recall, f1 no-regression; Holm, and max-T on the
// same data) under the exchangeable model at CALIBRATE_SIZES (default here 200,2000,20000), from cell counts
// (`--format cells`: the same report as the rows, at the cost of 8 cells): family-wise false-fail rate and each
// gate's one-sided type-I rate. CALIBRATE_STUDY=weights: the six gates with `recall no-regression weight 4`
// (CALIBRATE_WEIGHT) under weighted max-T, at n = 2000 (CALIBRATE_SIZES), exchangeable and recall −3 pts: the
// family-wise rate, recall's power against its power alone and under unweighted max-T and weighted Holm, paired.
//
// Options (environment): CALIBRATE_REPLICATES (default 200 per scenario), CALIBRATE_RESAMPLES (default 1000),
// CALIBRATE_SEED (default 1), CALIBRATE_SIZES (default "200,2000"), CALIBRATE_SCENARIOS ("null,drop"),
// CALIBRATE_METHODS ("westfall-young:exact,max-t:exact"), CALIBRATE_OUT (raw tallies, JSON; --merge joins runs).
// Seeded: the same options give the same table.
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const REPLICATES = Number(process.env.CALIBRATE_REPLICATES ?? 200)
const RESAMPLES = Number(process.env.CALIBRATE_RESAMPLES ?? 1000)
const SEED = Number(process.env.CALIBRATE_SEED ?? 1)
const SIZES = (process.env.CALIBRATE_SIZES ?? (process.env.CALIBRATE_STUDY === 'defaults' ? '200,2000,20000' : process.env.CALIBRATE_STUDY === 'weights' ? '2000' : '200,2000')).split(',').map(Number)
const SCENARIOS = (process.env.CALIBRATE_SCENARIOS ?? 'null,drop').split(',')
const ALPHA = 0.05
const PARAMS = { pi: 0.15, mu: 1.4, su: 1.0, se: 1.2 }
const GATES = ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss']
// The joint adjustments measured besides Holm: multiplicity:mcnemar[:ties[:resamples]] (CALIBRATE_METHODS; ties
// `random` breaks max-T's ties with the observed statistic by seeded keys, `count` counts them against it;
// resamples overrides CALIBRATE_RESAMPLES for that method).
const METHODS = (process.env.CALIBRATE_METHODS ?? 'westfall-young:exact,max-t:exact').split(',').map((m) => m.split(':'))
// CALIBRATE_OUT=file.json also writes the raw tallies; `node scripts/calibrate.mjs --merge a.json b.json …` adds the
// tallies of several runs (different CALIBRATE_SEED, one per core) and prints their table.
const MERGE = process.argv[2] === '--merge' ? process.argv.slice(3) : null
// The study (above): the original six-gate table (default), `defaults` or `weights`.
const STUDY = process.env.CALIBRATE_STUDY ?? 'six'
const WEIGHT = Number(process.env.CALIBRATE_WEIGHT ?? 4)

// --- the core, bundled from src/ -------------------------------------------------------------------------------
// One folder per process: two calibrations run side by side (one per core) must not build into the same files.
async function bundle() {
  const out = path.join(tmpdir(), `eval-gate-calibrate-${process.pid}`)
  mkdirSync(out, { recursive: true })
  const built = spawnSync(process.execPath, [path.join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', path.join(root, 'src/compare/compare.ts'), '-o', out, '-q', '--target', 'es2022'], { stdio: 'inherit', cwd: root })
  if (built.status !== 0) throw new Error('ncc build of src/compare/compare.ts failed')
  writeFileSync(path.join(out, 'package.json'), '{"type":"module"}')
  return import(pathToFileURL(path.join(out, 'index.js')).href)
}
// --merge needs no core.
const { compare } = MERGE ? {} : await bundle()

// --- random numbers (xoshiro128** seeded by SplitMix32-style hashing; never Math.random) --------------------------
function rng(seed) {
  let s = [seed ^ 0x9e3779b9, seed * 2654435761, seed ^ 0x85ebca6b, (seed + 0x632be5ab) ^ 0xc2b2ae35].map((x) => x >>> 0 || 1)
  const next = () => {
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0
    const t = s[1] << 9
    s[2] ^= s[0]
    s[3] ^= s[1]
    s[1] ^= s[2]
    s[0] ^= s[3]
    s[2] ^= t
    s[3] = rotl(s[3], 11)
    s = s.map((x) => x >>> 0)
    return result
  }
  for (let i = 0; i < 16; i++) next()
  const uniform = () => (next() + 0.5) / 4294967296
  let spare = null
  const normal = () => {
    if (spare !== null) {
      const v = spare
      spare = null
      return v
    }
    const r = Math.sqrt(-2 * Math.log(uniform()))
    const a = 2 * Math.PI * uniform()
    spare = r * Math.sin(a)
    return r * Math.cos(a)
  }
  return { uniform, normal }
}
const rotl = (x, k) => (x << k) | (x >>> (32 - k))

// --- population values --------------------------------------------------------------------------------------------
function phi(x) {
  // Φ by erfc (W. J. Cody's rational approximation is overkill here: Simpson on the density is exact enough).
  return 0.5 * erfc(-x / Math.SQRT2)
}
function erfc(x) {
  // Numerical Recipes erfcc (relative error < 1.2e-7), enough for population values to 1e-6.
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
  return x >= 0 ? r : 2 - r
}
const scale = Math.hypot(PARAMS.su, PARAMS.se)
function bisect(f, lo, hi) {
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2
    if (f(mid) > 0) hi = mid
    else lo = mid
  }
  return (lo + hi) / 2
}
const recallOf = (delta) => phi((PARAMS.mu - delta) / scale)
/** δ for a 3-point recall drop. */
const DROP = bisect((d) => recallOf(0) - recallOf(d) - 0.03, 0, 2)
const aucOf = (delta) => phi((2 * PARAMS.mu - delta) / (Math.SQRT2 * scale))
const softplus = (x) => (x > 30 ? x : Math.log1p(Math.exp(x)))
/** E[softplus(±z)] for z ~ N(m, scale²), by Simpson's rule on ±12 sd. */
function expectSoftplus(m, sign) {
  const steps = 4000
  const h = (24 * scale) / steps
  let s = 0
  for (let i = 0; i <= steps; i++) {
    const z = m - 12 * scale + i * h
    const w = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2
    s += w * softplus(sign * z) * Math.exp(-0.5 * ((z - m) / scale) ** 2)
  }
  return (s * h) / 3 / (scale * Math.sqrt(2 * Math.PI))
}
const logLossOf = (delta) => PARAMS.pi * expectSoftplus(PARAMS.mu - delta, -1) + (1 - PARAMS.pi) * expectSoftplus(-PARAMS.mu, 1)

// --- one replicate --------------------------------------------------------------------------------------------------
const expit = (z) => 1 / (1 + Math.exp(-z))
function files(n, delta, r) {
  let cand = ''
  let base = ''
  // McNemar counts, for the mid-p variants computed here: [all, positives] × [only baseline right, only candidate right].
  const counts = { all: [0, 0], recall: [0, 0] }
  for (let i = 0; i < n; i++) {
    const y = r.uniform() < PARAMS.pi ? 1 : 0
    const u = r.normal()
    const zb = PARAMS.mu * (2 * y - 1) + PARAMS.su * u + PARAMS.se * r.normal()
    const zc = PARAMS.mu * (2 * y - 1) - delta * y + PARAMS.su * u + PARAMS.se * r.normal()
    const sb = expit(zb)
    const sc = expit(zc)
    const pb = sb >= 0.5 ? 1 : 0
    const pc = sc >= 0.5 ? 1 : 0
    if ((pb === y) !== (pc === y)) {
      counts.all[pb === y ? 0 : 1]++
      if (y === 1) counts.recall[pb === y ? 0 : 1]++
    }
    base += `{"id":${i},"label":${y},"prediction":${sb >= 0.5 ? 1 : 0},"score":${sb}}\n`
    cand += `{"id":${i},"label":${y},"prediction":${sc >= 0.5 ? 1 : 0},"score":${sc}}\n`
  }
  return { src: { candidate: { name: 'candidate.jsonl', data: Buffer.from(cand) }, baseline: { name: 'baseline.jsonl', data: Buffer.from(base) } }, counts }
}

async function run(src, multiplicity, mcnemar, seed, ties, resamples) {
  return compare({
    ...src,
    fields: { id: 'id', label: 'label', prediction: 'prediction', score: 'score' },
    gates: GATES.map((m) => `${m} no-regression`).join('; '),
    alpha: ALPHA,
    resamples: Number(resamples ?? RESAMPLES),
    seed,
    missingBaseline: 'skip',
    multiplicity,
    mcnemar,
    ...(ties ? { maxTTies: ties } : {})
  })
}

/** One-sided mid-p McNemar for a drop: P(X < c) + P(X = c)/2, X ~ Bin(b + c, 1/2), by log-space terms. */
function midpDrop(b, c) {
  const m = b + c
  if (m === 0) return 1
  const lf = [0]
  for (let i = 1; i <= m; i++) lf[i] = lf[i - 1] + Math.log(i)
  const term = (k) => Math.exp(lf[m] - lf[k] - lf[m - k] - m * Math.LN2)
  let s = 0
  for (let k = 0; k < c; k++) s += term(k)
  return s + 0.5 * term(c)
}

function holm(ps) {
  const order = ps.map((_, i) => i).sort((a, b) => ps[a] - ps[b] || a - b)
  const out = new Array(ps.length)
  let running = 0
  order.forEach((i, rank) => {
    running = Math.max(running, Math.min(1, (ps.length - rank) * ps[i]))
    out[i] = running
  })
  return out
}
const worse = (m) => (m.direction === 'higher' ? m.delta < 0 : m.delta > 0)
/** The gates that fail under Holm, from the report's one-sided p-values. */
function holmFails(report, override = {}) {
  const ms = GATES.map((g) => report.metrics[g])
  const adjusted = holm(GATES.map((g, i) => override[g] ?? ms[i].pValueWorse ?? 1))
  return ms.map((m, i) => worse(m) && adjusted[i] < ALPHA)
}
const wyFails = (report) => GATES.map((g) => report.gates.find((x) => x.metric === g).status === 'fail')
const covers = (ci, truth) => (ci[0] > truth ? 'below' : ci[1] < truth ? 'above' : 'in')

// The plain intervals, recovered from the new ones (same standard error): logit → Wald; log-scale t → t.
const logit = (p) => Math.log(p / (1 - p))
function waldFromLogit(ci, auc) {
  // The logit interval's half-width is z·se/(A(1 − A)), so z·se = half·A(1 − A): A ± z·se, clipped to [0, 1].
  const zse = ((logit(ci[1]) - logit(ci[0])) / 2) * auc * (1 - auc)
  return [Math.max(0, auc - zse), Math.min(1, auc + zse)]
}
function tFromLog(ci, mean) {
  const half = Math.log(ci[1] / mean) * mean
  return [mean - half, mean + half]
}

async function scenario(n, kind) {
  const delta = kind === 'drop' ? DROP : 0
  const truth = { recall: recallOf(delta), roc_auc: aucOf(delta), log_loss: logLossOf(delta) }
  const tally = new Map()
  const add = (key, hit) => {
    const t = tally.get(key) ?? { hits: 0, n: 0 }
    t.hits += hit ? 1 : 0
    t.n++
    tally.set(key, t)
  }
  const r = rng(SEED * 1_000_003 + n * 7 + (kind === 'drop' ? 1 : 0))
  for (let rep = 0; rep < REPLICATES; rep++) {
    const { src, counts } = files(n, delta, r)
    // The first method's run (exact McNemar) also gives the Holm rows: the one-sided p-values do not depend on it.
    const exact = await run(src, METHODS[0][0], 'exact', rep, METHODS[0][2], METHODS[0][3])
    // The mid-p variants of the two McNemar metrics, from the same data (b = only the baseline right).
    const midp = { accuracy: midpDrop(...counts.all), recall: midpDrop(...counts.recall) }
    const pWorse = (g, flavour) => (flavour === 'mid-p' && midp[g] !== undefined ? midp[g] : (exact.metrics[g].pValueWorse ?? 1))
    for (const flavour of ['exact', 'mid-p']) {
      GATES.forEach((g) => add(`type1 ${g} ${flavour}`, pWorse(g, flavour) < ALPHA))
      const h = holmFails(exact, flavour === 'mid-p' ? midp : {})
      add(`fwer holm ${flavour}`, h.some(Boolean))
      add(`power-six holm ${flavour}`, h[2])
      add(`power-alone ${flavour}`, worse(exact.metrics.recall) && pWorse('recall', flavour) < ALPHA)
    }
    // Paired differences between methods on the same replicates: how often recall fails under one and not the first.
    let firstName = null
    let firstRecall = false
    for (const [multiplicity, mcnemar, ties, resamples] of METHODS) {
      const first = multiplicity === METHODS[0][0] && mcnemar === 'exact' && ties === METHODS[0][2] && resamples === METHODS[0][3]
      const report = first ? exact : await run(src, multiplicity, mcnemar, rep, ties, resamples)
      const w = wyFails(report)
      const name = `${multiplicity === 'westfall-young' ? 'wy minP' : 'wy max-T'} ${mcnemar}${ties ? ` ties ${ties}` : ''}${resamples ? ` R ${resamples}` : ''}`
      add(`fwer ${name}`, w.some(Boolean))
      add(`power-six ${name}`, w[2])
      if (firstName === null) {
        firstName = name
        firstRecall = w[2]
      } else {
        add(`recall fails: ${name} only, not ${firstName}`, w[2] && !firstRecall)
        add(`recall fails: ${firstName} only, not ${name}`, !w[2] && firstRecall)
      }
    }
    const auc = exact.metrics.roc_auc
    const ll = exact.metrics.log_loss
    const rec = exact.metrics.recall
    for (const [key, ci, t] of [
      ['cover roc_auc delong-logit', auc.candidateCi, truth.roc_auc],
      ['cover roc_auc wald', waldFromLogit(auc.candidateCi, auc.candidate), truth.roc_auc],
      ['cover log_loss log-t', ll.candidateCi, truth.log_loss],
      ['cover log_loss t', tFromLog(ll.candidateCi, ll.candidate), truth.log_loss],
      ['cover recall wilson', rec.candidateCi, truth.recall]
    ]) {
      const where = covers(ci, t)
      add(`${key} in`, where === 'in')
      add(`${key} below`, where === 'below')
      add(`${key} above`, where === 'above')
    }
  }
  return { n, kind, truth, tally }
}


// --- CALIBRATE_STUDY=defaults: the default gates from cell counts --------------------------------------------------
const DEFAULT_GATES = ['accuracy', 'precision', 'recall', 'f1']
/** n examples of the model (as files() draws them) as the cells of (label, baseline, candidate) → count, CSV. */
function cellsOf(n, delta, r) {
  const counts = new Map()
  for (let i = 0; i < n; i++) {
    const y = r.uniform() < PARAMS.pi ? 1 : 0
    const u = r.normal()
    const zb = PARAMS.mu * (2 * y - 1) + PARAMS.su * u + PARAMS.se * r.normal()
    const zc = PARAMS.mu * (2 * y - 1) - delta * y + PARAMS.su * u + PARAMS.se * r.normal()
    const key = `${y},${zb >= 0 ? 1 : 0},${zc >= 0 ? 1 : 0}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const text = ['label,baseline,candidate,count', ...[...counts].map(([k, c]) => `${k},${c}`)].join('\n')
  return { name: 'cells.csv', data: Buffer.from(text) }
}
async function defaultsScenario(n, kind) {
  const delta = kind === 'drop' ? DROP : 0
  const tally = new Map()
  const add = (key, hit) => {
    const t = tally.get(key) ?? { hits: 0, n: 0 }
    t.hits += hit ? 1 : 0
    t.n++
    tally.set(key, t)
  }
  const r = rng(SEED * 1_000_003 + n * 7 + (kind === 'drop' ? 1 : 0) + 17)
  for (let rep = 0; rep < REPLICATES; rep++) {
    const candidate = cellsOf(n, delta, r)
    const base = { candidate, baseline: null, format: 'cells', fields: { id: 'id', label: 'label', prediction: 'prediction' }, alpha: ALPHA, resamples: RESAMPLES, seed: rep, missingBaseline: 'skip' }
    // No `gates`: the defaults, and no `multiplicity`: the default (Holm).
    const holmReport = await compare(base)
    const maxTReport = await compare({ ...base, multiplicity: 'max-t' })
    const fails = (report) => DEFAULT_GATES.map((g) => report.gates.find((x) => x.metric === g).status === 'fail')
    // Under the exchangeable model (null) any fail is a false fail: the family-wise false-fail rate.
    add('default gates: any gate fails, Holm (the default)', fails(holmReport).some(Boolean))
    add('default gates: any gate fails, max-T', fails(maxTReport).some(Boolean))
    add('default gates: recall fails, Holm', fails(holmReport)[2])
    add('default gates: recall fails, max-T', fails(maxTReport)[2])
    for (const g of DEFAULT_GATES) add(`one-sided type-I rate at 5%, unadjusted: ${g}`, worse(holmReport.metrics[g]) && (holmReport.metrics[g].pValueWorse ?? 1) < ALPHA)
  }
  return { n, kind, tally }
}

// --- CALIBRATE_STUDY=weights: weighted max-T with recall weight W among the six -----------------------------------
/** Weighted Holm (src/stats/weightedHolm.ts), here to measure it from the same reports' p-values. */
function weightedHolm(ps, ws) {
  const q = ps.map((p, i) => p / ws[i])
  const order = q.map((_, i) => i).sort((a, b) => q[a] - q[b] || a - b)
  const out = new Array(ps.length)
  let remaining = ws.reduce((a, b) => a + b, 0)
  let running = 0
  for (const i of order) {
    running = Math.max(running, Math.min(1, remaining * q[i]))
    out[i] = running
    remaining -= ws[i]
  }
  return out
}
async function weightsScenario(n, kind) {
  const delta = kind === 'drop' ? DROP : 0
  const tally = new Map()
  const add = (key, hit) => {
    const t = tally.get(key) ?? { hits: 0, n: 0 }
    t.hits += hit ? 1 : 0
    t.n++
    tally.set(key, t)
  }
  const r = rng(SEED * 1_000_003 + n * 7 + (kind === 'drop' ? 1 : 0) + 29)
  const weights = GATES.map((g) => (g === 'recall' ? WEIGHT : 1))
  const gates = (w) => GATES.map((g) => `${g} no-regression${g === 'recall' && w !== 1 ? ` weight ${w}` : ''}`).join('; ')
  const ri = GATES.indexOf('recall')
  for (let rep = 0; rep < REPLICATES; rep++) {
    const { src } = files(n, delta, r)
    const base = { ...src, fields: { id: 'id', label: 'label', prediction: 'prediction', score: 'score' }, alpha: ALPHA, resamples: RESAMPLES, seed: rep, missingBaseline: 'skip', multiplicity: 'max-t' }
    const weighted = await compare({ ...base, gates: gates(WEIGHT) })
    const plain = await compare({ ...base, gates: gates(1) })
    const failsOf = (report) => GATES.map((g) => report.gates.find((x) => x.metric === g).status === 'fail')
    const w = failsOf(weighted)
    const u = failsOf(plain)
    const ms = GATES.map((g) => weighted.metrics[g])
    const h = weightedHolm(ms.map((m) => m.pValueWorse ?? 1), weights).map((p, i) => worse(ms[i]) && p < ALPHA)
    const alone = worse(ms[ri]) && (ms[ri].pValueWorse ?? 1) < ALPHA
    add(`family-wise false fail (any of six), weighted max-T, recall weight ${WEIGHT}`, w.some(Boolean))
    add('… unweighted max-T', u.some(Boolean))
    add(`… weighted Holm, recall weight ${WEIGHT}`, h.some(Boolean))
    add(`recall fails: weighted max-T, recall weight ${WEIGHT}`, w[ri])
    add('recall fails: unweighted max-T', u[ri])
    add(`recall fails: weighted Holm, recall weight ${WEIGHT}`, h[ri])
    add('recall fails: alone (exact McNemar, 5%)', alone)
    add('paired: recall fails alone, not under weighted max-T', alone && !w[ri])
    add('paired: recall fails under weighted max-T, not alone', w[ri] && !alone)
  }
  return { n, kind, tally }
}

const pct = (t) => {
  const p = t.hits / t.n
  return `${(100 * p).toFixed(1)}% ± ${(100 * Math.sqrt((p * (1 - p)) / t.n)).toFixed(1)}`
}

if (MERGE) {
  const { readFileSync } = await import('node:fs')
  const merged = new Map()
  for (const file of MERGE) {
    for (const r of JSON.parse(readFileSync(file, 'utf8'))) {
      const key = `${r.kind} ${r.n}`
      const into = merged.get(key) ?? { n: r.n, kind: r.kind, tally: new Map() }
      for (const [k, t] of r.tally) {
        const sum = into.tally.get(k) ?? { hits: 0, n: 0 }
        into.tally.set(k, { hits: sum.hits + t.hits, n: sum.n + t.n })
      }
      merged.set(key, into)
    }
  }
  printTable([...merged.values()])
  process.exit(0)
}
function printTable(results) {
  const columns = results.map((r) => `${r.kind === 'null' ? 'exchangeable' : 'recall −3 pts'}, n = ${r.n}`)
  const keys = [...new Set(results.flatMap((r) => [...r.tally.keys()]))]
  console.log(`| measure | ${columns.join(' | ')} |`)
  console.log(`| --- | ${columns.map(() => '---').join(' | ')} |`)
  for (const k of keys) console.log(`| ${k} | ${results.map((r) => (r.tally.has(k) ? pct(r.tally.get(k)) : '')).join(' | ')} |`)
}

const started = Date.now()
console.log(
  `# eval-gate calibration (${STUDY}): ${REPLICATES} replicates per scenario, ${RESAMPLES} resamples, seed ${SEED}, alpha ${ALPHA}\n` +
    `# model: π = ${PARAMS.pi}, μ = ${PARAMS.mu}, σu = ${PARAMS.su}, σe = ${PARAMS.se}; recall ${recallOf(0).toFixed(4)}, AUC ${aucOf(0).toFixed(4)}, ` +
    `log loss ${logLossOf(0).toFixed(4)}; drop δ = ${DROP.toFixed(4)} → recall ${recallOf(DROP).toFixed(4)}, AUC ${aucOf(DROP).toFixed(4)}, log loss ${logLossOf(DROP).toFixed(4)}\n`
)
const results = []
for (const n of SIZES) for (const kind of SCENARIOS) {
  const t0 = Date.now()
  results.push(await (STUDY === 'defaults' ? defaultsScenario : STUDY === 'weights' ? weightsScenario : scenario)(n, kind))
  console.error(`n = ${n}, ${kind}: ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  // After every scenario, so that a long run stopped early still leaves its finished columns.
  if (process.env.CALIBRATE_OUT) writeFileSync(process.env.CALIBRATE_OUT, JSON.stringify(results.map((r) => ({ n: r.n, kind: r.kind, tally: [...r.tally] }))))
}
printTable(results)
console.log(`\n# ${((Date.now() - started) / 1000).toFixed(0)} s`)
