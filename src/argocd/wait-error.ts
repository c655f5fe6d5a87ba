import { ArgoCdError } from '../errors.js'
import type { ErrorLocation } from '../errors.js'
import type { AppState } from './types.js'

/** The wait failed (failed sync, Degraded, timeout); carries every app's last state for the summary. */
export class ArgoCdWaitError extends ArgoCdError {
  /** The last state seen of each app, in `argocd-app` order. */
  readonly apps: readonly AppState[]

  constructor(message: string, apps: readonly AppState[], location: ErrorLocation = {}) {
    super(message, location)
    this.apps = apps
  }
}
