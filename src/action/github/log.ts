/**
 * Text that reaches the log. The runner reads every stdout line that starts with `::` as a workflow command, so
 * text from files, artifacts or the API (entry names, file names, rule text) is escaped as `@actions/core`
 * escapes command data: `%` → `%25`, CR → `%0D`, LF → `%0A`. No such text can then start a line of its own.
 * (`core.warning`, `core.error` and `core.setFailed` escape their message already; `core.info` does not.)
 *
 * @example logSafe('a.jsonl\n::warning::x') // 'a.jsonl%0A::warning::x'
 */
export function logSafe(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
