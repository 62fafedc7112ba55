/**
 * Errors a user can fix. The CLI prints `message` and exits 2; the action fails the step with it.
 * No stack trace is ever shown for these.
 */

/** Bad input data: names the file, the 1-based line (or row) and the field where known. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    readonly reason: string
  ) {
    super(formatLocation(file, line, field, reason))
    this.name = 'InputError'
  }
}

/** Bad configuration: an input, option or gate rule that cannot be used. Names the input. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/** `candidate.jsonl:17: field "prediction" is missing` */
export function formatLocation(file: string, line: number | null, field: string | null, reason: string): string {
  const where = line === null ? file : `${file}:${line}`
  return field === null ? `${where}: ${reason}` : `${where}: field "${field}" ${reason}`
}

/** True for the errors whose message alone is the whole story (no stack trace). */
export function isUserError(error: unknown): error is InputError | ConfigError {
  return error instanceof InputError || error instanceof ConfigError
}
