import type { Report } from '../types.js'

/** Where the Markdown goes: the PR comment is capped at 60,000 characters, the job summary at 1 MiB. */
export type RenderTarget = 'comment' | 'summary' | 'cli'

/** The one renderer: Markdown for the PR comment, the job summary and the CLI. */
export function renderMarkdown(report: Report, target: RenderTarget = 'cli'): string {
  void target
  return `**Eval Gate: ${report.passed ? 'passed' : 'failed'}**\n`
}
