import * as core from '@actions/core'

/** Runs the action: every stage in order; the only place that fails the step. */
export async function run(): Promise<void> {
  await core.group('gitops-release', () => Promise.resolve())
}
