import * as core from '@actions/core'

/**
 * The runner services the action uses, behind one interface over `@actions/core`: inputs,
 * secrets, main→post state, outputs and the job summary. Logging is the separate `Logger`.
 */
export interface Runtime {
  /** An input as the runner passes it (`INPUT_*`), trimmed; '' when unset. */
  getInput(name: string): string
  /** Masks a secret in every later log line and remembers it for the command-line guard. */
  setSecret(secret: string): void
  /** The values masked so far (live: later `setSecret` calls show up). */
  readonly secrets: ReadonlySet<string>
  /** Keeps a value for the post step. */
  saveState(key: StateKey, value: string): void
  /** A value kept by the main step ('' when none). */
  getState(key: StateKey): string
  /** Sets one step output. */
  setOutput(name: string, value: string): void
  /** Appends markdown to the job summary (no-op where the runner has no summary file). */
  writeSummary(markdown: string): Promise<void>
}

/** Every main→post state key, in one place so the two steps cannot disagree. */
export const STATE_KEYS = {
  /** Set by the main step; the post step runs only its clean-up when it sees it. */
  isPost: 'isPost',
  /** Registries logged in to, JSON array, logged out of in the post step. */
  registryLogins: 'docker-logout',
  /** Temporary clone folder of the GitOps repository, removed in the post step. */
  cloneDir: 'publish-clone-dir'
} as const

/** One of the state keys above. */
export type StateKey = (typeof STATE_KEYS)[keyof typeof STATE_KEYS]

/** The runtime backed by `@actions/core`. */
export function createCoreRuntime(): Runtime {
  const secrets = new Set<string>()
  return {
    getInput: (name) => core.getInput(name),
    setSecret: (secret) => {
      if (secret === '') return
      secrets.add(secret)
      core.setSecret(secret)
    },
    secrets,
    saveState: (key, value) => {
      core.saveState(key, value)
    },
    getState: (key) => core.getState(key),
    setOutput: (name, value) => {
      core.setOutput(name, value)
    },
    writeSummary: async (markdown) => {
      // GITHUB_STEP_SUMMARY is unset under some local runners; the summary is then skipped.
      if ((process.env.GITHUB_STEP_SUMMARY ?? '') === '') return
      await core.summary.addRaw(markdown, true).write()
    }
  }
}
