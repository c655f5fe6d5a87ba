// A fake Argo CD REST API whose app states depend on the revision the app is at, not on a
// script of frames per GET: each GET first asks `revision()` where the app is (typically the
// tip of a real bare repository, as an auto-synced app would be), then `frameAt(revision)` how
// it looks there. So a test can say "Degraded at our commit, Healthy at any later one" before
// either commit exists. Answers are built with fake-argocd.ts's `application`. GET only (the
// tests using it do not set argocd-sync). Binds 127.0.0.1 only.
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { application, type AppFrame } from './fake-argocd.js'

/** One app of the fake. */
export interface RevisionApp {
  readonly name: string
  /** The state at `revision` (`revision` itself is filled in when the frame leaves it out). */
  readonly frameAt: (revision: string) => AppFrame
}

/** Settings of the fake. */
export interface ArgoCdByRevisionOptions {
  readonly token: string
  readonly apps: readonly RevisionApp[]
  /** Where the apps are now (e.g. `git rev-parse main` in the bare repository). */
  readonly revision: () => string
}

/** A running fake. */
export interface ArgoCdByRevision {
  readonly url: string
  /** `app@revision: sync/health` of every answer, in order. */
  readonly served: string[]
  close(): Promise<void>
}

/** Starts the fake on 127.0.0.1 and an ephemeral port. */
export async function startArgoCdByRevision(
  options: ArgoCdByRevisionOptions
): Promise<ArgoCdByRevision> {
  const served: string[] = []
  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://fake')
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      json(res, 401, { error: 'invalid session', code: 16, message: 'invalid session' })
      return
    }
    const prefix = '/api/v1/applications/'
    const name = decodeURIComponent(url.pathname.slice(prefix.length))
    const app = options.apps.find((candidate) => candidate.name === name)
    if (req.method !== 'GET' || !url.pathname.startsWith(prefix) || app === undefined) {
      json(res, 404, { error: 'Not Found', code: 5, message: 'Not Found' })
      return
    }
    const revision = options.revision()
    const frame = { revision, ...app.frameAt(revision) }
    served.push(`${name}@${frame.revision}: ${frame.sync ?? ''}/${frame.health ?? ''}`)
    json(res, 200, application({ name, frames: [] }, frame))
  }
  const server: Server = createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => {
          if (error) reject(error)
          else resolve()
        })
      })
  }
}
