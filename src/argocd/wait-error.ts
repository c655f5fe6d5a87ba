import { ArgoCdError } from '../lib/errors.js'
import type { ErrorLocation } from '../lib/errors.js'
import type { AppState } from './types.js'

/**
 * The wait failed: a sync failed, an app turned Degraded, or time ran out. Carries every app's
 * last state in `argocd-app` order; the apps that failed also carry `failure` (why, with what Argo
 * CD said), so a caller such as a rollback can report what failed and where Argo CD stands now.
 */
export class ArgoCdWaitError extends ArgoCdError {
  /** The last state seen of each app, in `argocd-app` order. */
  readonly apps: readonly AppState[]

  constructor(message: string, apps: readonly AppState[], location: ErrorLocation = {}) {
    super(message, location)
    this.apps = apps
  }

  /** The apps whose wait failed or timed out, each with its `failure`. */
  get failed(): readonly AppState[] {
    return this.apps.filter((app) => app.failure !== undefined)
  }
}
