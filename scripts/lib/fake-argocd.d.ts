/** One Application of the fake. */
export interface FakeApp {
  readonly name: string
  /** `spec.source.path`. */
  readonly path: string
  /** `spec.source.targetRevision`; `HEAD` by default. */
  readonly targetRevision?: string
  /** `spec.destination.namespace`. */
  readonly namespace?: string
}

/** One entry of an app's `status.history`. */
export interface Deployment {
  readonly revision: string
  /** Epoch milliseconds. */
  readonly deployedAt: number
}

/** A running fake. */
export interface FakeArgoCd {
  /** `http://127.0.0.1:PORT`, the value for `argocd-server`. */
  readonly url: string
  /** `app@short-sha: Synced/Healthy` of every answer, in order. */
  readonly served: string[]
  /** The app's `status.history` so far, oldest first. */
  history(name: string): Deployment[]
  close(): Promise<void>
}

/** Starts an Argo CD-like `GET /api/v1/applications/{name}` on 127.0.0.1 (port 0). */
export function startFakeArgoCd(options: {
  /** The bearer token the API accepts. */
  token: string
  apps: readonly FakeApp[]
  /** `spec.source.repoURL` of every app. */
  repoURL: string
  /** The branch tip the apps are auto-synced to, asked on every GET. */
  tip: () => string | Promise<string>
  /** Clock in epoch milliseconds; `Date.now` by default. */
  now?: () => number
}): Promise<FakeArgoCd>
