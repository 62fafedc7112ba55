import * as core from '@actions/core'

/** Orchestrates the action. */
export async function run(): Promise<void> {
  core.info('Eval Gate: not yet')
}
