/**
 * The footer: which baseline run and commits were compared (docs/action.md provenance, recorded by the action), seed,
 * resamples, alpha and version. Never a local path: without provenance (the CLI) the files are named by their
 * base names only, as data.
 */
import type { BaselineProvenance, Report } from '../report/schema.js'
import { dataSpan } from './escape.js'

/** A commit id as a short SHA code span; anything that is not a hex id is shown as data. */
export const sha = (commit: string): string => (/^[0-9a-f]{7,64}$/i.test(commit) ? `\`${commit.slice(0, 7)}\`` : dataSpan(commit, 48))

/** Only plain https URLs without spaces, brackets or quotes are links. */
export const safeUrl = (url: string | null): url is string => url !== null && /^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~%/+=&?-]*)?$/.test(url)

const baseName = (file: string): string => file.split(/[\\/]/).filter((s) => s.length > 0).pop() ?? file

function relation(p: BaselineProvenance): string {
  const base = p.baseCommit ? ` ${sha(p.baseCommit)}` : ''
  switch (p.relation) {
    case 'same':
      return `, the base commit${base}`
    case 'behind':
      return p.behindBy !== null ? `, ${p.behindBy.toLocaleString('en-US')} commit${p.behindBy === 1 ? '' : 's'} behind the base commit${base}` : `, behind the base commit${base}`
    case 'ahead':
      return `, ahead of the base commit${base}`
    case 'diverged':
      return `, diverged from the base commit${base}`
    default:
      return base ? ` (base commit${base})` : ''
  }
}

function provenance(report: Report): string[] {
  const p = report.baseline
  const s = report.settings
  if (!p) {
    const files = [`candidate file ${dataSpan(baseName(s.candidate), 60)}`]
    if (s.baseline) files.push(`baseline file ${dataSpan(baseName(s.baseline), 60)}`)
    return files
  }
  const parts: string[] = []
  if (p.source === 'artifact') {
    // `#42` only inside the link: as plain text GitHub would read it as a reference to issue 42.
    const number = p.runNumber !== null && Number.isSafeInteger(p.runNumber) ? String(p.runNumber) : p.runId !== null && Number.isSafeInteger(p.runId) ? String(p.runId) : ''
    const run = safeUrl(p.runUrl) ? `[run ${number ? `#${number}` : ''}](${p.runUrl})`.replace('[run ]', '[run]') : `run ${number}`.trim()
    parts.push(`baseline: ${run}${p.commit ? ` of ${sha(p.commit)}` : ''}${relation(p)}`)
  } else if (p.source === 'file') {
    parts.push(`baseline: file ${dataSpan(baseName(s.baseline ?? ''), 60)}${relation(p)}`)
  } else {
    parts.push('no baseline')
  }
  if (p.headCommit) parts.push(`candidate: ${sha(p.headCommit)}`)
  return parts
}

export function footer(report: Report): string {
  const s = report.settings
  const parts = [...provenance(report), `seed ${s.seed}`, `${s.resamples.toLocaleString('en-US')} resamples`, `α = ${s.alpha}`, `Eval Gate ${s.version}`]
  return `<sub>${parts.join(' · ')}</sub>`
}
