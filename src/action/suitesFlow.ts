/**
 * The action's options for the core, and its run of several suites (docs/suites.md): every line of `predictions` a
 * suite, each matched to the same path in the baseline artifact (or by its file name in a `baseline` folder); one
 * report for all of them.
 */
import * as core from '@actions/core'
import { isFolder, isFile } from '../common/fileKind.js'
import path from 'node:path'
import { ConfigError, quote } from '../common/errors.js'
import { compareSuites, type SharedOptions, type SuiteInput } from '../compare/suites.js'
import type { PredictionSource } from '../read/predictionFile.js'
import type { BaselineProvenance, SuitesReport } from '../report/schema.js'
import type { ActionConfig } from './inputs.js'
import { logSafe } from './github/log.js'
import { provenanceWarning } from './github/provenance.js'
import type { SuitePath } from './predictionsInput.js'

/** Everything the core is asked besides the files and the gates: the inputs, as compare() reads them. */
export function sharedCompareOptions(config: ActionConfig): SharedOptions {
  return {
    format: config.format,
    fields: config.fields,
    positiveLabel: config.positiveLabel,
    task: config.task,
    scoreMetrics: config.scoreMetrics,
    ...(config.multiplicity ? { multiplicity: config.multiplicity } : {}),
    ...(config.mcnemar ? { mcnemar: config.mcnemar } : {}),
    ...(config.train ? { train: { name: config.train, path: config.train } } : {}),
    ...(config.textField ? { textField: config.textField } : {}),
    ...(config.trainPredictions ? { trainPredictions: { name: config.trainPredictions, path: config.trainPredictions } } : {}),
    ...(config.sliceFields ? { sliceFields: config.sliceFields } : {}),
    ...(config.minSlice !== undefined ? { minSlice: config.minSlice } : {}),
    ...(config.repeatField ? { repeatField: config.repeatField } : {}),
    ...(config.clusterField ? { clusterField: config.clusterField } : {}),
    ...(config.errors ? { errors: config.errors } : {}),
    ...(config.inconclusive ? { inconclusive: config.inconclusive } : {}),
    alpha: config.alpha,
    resamples: config.resamples,
    seed: config.seed,
    missingBaseline: config.missingBaseline,
    // The bundle (dist/index.js) serves as the script of the core's helper threads on the second core; run from
    // the TypeScript sources (@github/local-action) there is no such script, and everything runs on one thread.
    ...(import.meta.url.endsWith('.js') ? { readerScript: new URL(import.meta.url) } : {})
  }
}

/** The baseline the gate flow found: with suites, each suite's file of the artifact (src/action/github/baseline.ts). */
export interface SuitesBaseline {
  source: PredictionSource | null
  provenance: BaselineProvenance
  suites?: Record<string, { name: string; data: Uint8Array } | null>
  /** docs/tools.md: a tool folder's baseline, every file of the artifact (`where` names the artifact). */
  files?: readonly { path: string; data: Uint8Array }[]
  where?: string
  maxUnpackedBytes?: number
}

/** Compares every suite of `predictions` with its baseline counterpart; one report (docs/suites.md). */
export async function compareSuitesInAction(config: ActionConfig, suites: readonly SuitePath[], baseline: SuitesBaseline): Promise<SuitesReport> {
  const inputs = suites.map((suite): SuiteInput => ({ name: suite.name, candidate: { name: suite.path, path: suite.path }, ...counterpart(config, suite, baseline) }))
  return compareSuiteInputs(config, inputs, baseline.provenance)
}

/** Compares suites whose baselines are found (docs/suites.md, docs/tools.md); one report, its warnings logged. */
export async function compareSuiteInputs(config: ActionConfig, inputs: readonly SuiteInput[], provenance: BaselineProvenance): Promise<SuitesReport> {
  const report = await compareSuites(inputs, sharedCompareOptions(config), config.gates, 'input "gates"')
  const stale = provenanceWarning(provenance)
  for (const [name, r] of Object.entries(report.suites)) {
    r.baseline = provenance
    if (stale) r.warnings.unshift(stale)
    core.info(`suite ${name}: ${r.counts.paired ?? r.counts.candidate} examples; gates: ${logSafe(r.gates.map((g) => `${g.rule}: ${g.status}`).join('; '))}`)
  }
  if (stale) report.warnings.unshift(stale)
  for (const warning of report.warnings) core.warning(warning)
  return report
}

/** A suite's baseline: its file of the artifact, of the `baseline` folder, or none (a new suite, and why). */
function counterpart(config: ActionConfig, suite: SuitePath, baseline: SuitesBaseline): Pick<SuiteInput, 'baseline' | 'whyNew'> {
  if (config.baseline.kind === 'none') return { baseline: null, whyNew: 'baseline: none' }
  if (config.baseline.kind === 'file') {
    const dir = config.baseline.path
    if (!isFolder(dir)) throw new ConfigError(`input "baseline": with several suites in "predictions", ${quote(dir, 200)} must be a folder holding their baselines, matched by file name`)
    const file = path.join(dir, path.basename(suite.path))
    return isFile(file) ? { baseline: { name: file, path: file } } : { baseline: null, whyNew: `no file "${path.basename(suite.path)}" in the baseline folder` }
  }
  if (!baseline.suites) return { baseline: null, whyNew: 'no baseline artifact was found' }
  const found = baseline.suites[suite.path]
  if (!found) return { baseline: null, whyNew: `the baseline artifact has no file "${path.basename(suite.path)}"` }
  return { baseline: { name: found.name, data: found.data, ...(baseline.maxUnpackedBytes !== undefined ? { maxUnpackedBytes: baseline.maxUnpackedBytes } : {}) } }
}


