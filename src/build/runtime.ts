import * as core from '@actions/core'

/** The runner services the build stage uses besides logging: masking and main→post state. */
export interface BuildRuntime {
  /** Masks a secret in every later log line. */
  setSecret(secret: string): void
  /** Keeps a value for the post step. */
  saveState(name: string, value: string): void
  /** A value kept by the main step ('' when none). */
  getState(name: string): string
}

/** The runtime backed by `@actions/core`. */
export const coreRuntime: BuildRuntime = {
  setSecret: (secret) => {
    core.setSecret(secret)
  },
  saveState: (name, value) => {
    core.saveState(name, value)
  },
  getState: (name) => core.getState(name)
}
