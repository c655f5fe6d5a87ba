// A fake Argo CD REST API (the `/api/v1/applications` calls the action makes) serving scripted
// application states: each GET of an app returns its next frame, the last one repeating.
// Enforces bearer auth and the exact `Content-Type: application/json` on non-GET requests.
// Binds 127.0.0.1 only; https when given a key and certificate.
import { createServer as createHttpServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { KeyAndCert } from './self-signed.js'

/** One observed state of an app. Times are seconds after a fixed epoch. */
export interface AppFrame {
  /** `status.sync.revision`. */
  readonly revision?: string
  readonly sync?: 'Synced' | 'OutOfSync' | 'Unknown'
  readonly health?: 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended' | 'Missing' | 'Unknown'
  /** The top-level `operation` is set (requested or running). */
  readonly operationRequested?: boolean
  /** `status.operationState.phase`; no operationState when absent. */
  readonly phase?: 'Running' | 'Terminating' | 'Succeeded' | 'Failed' | 'Error'
  /** The operation's revision (default: `revision`). */
  readonly opRevision?: string
  readonly message?: string
  /** Default for a finished phase: 100. */
  readonly finishedAt?: number
  /** Default: 200 (after the default finishedAt). */
  readonly reconciledAt?: number
  readonly conditions?: readonly { readonly type: string; readonly message: string }[]
  /** The health message of the app's one Deployment (named like the app), in `status.resources`. */
  readonly healthMessage?: string
  /** `status.history`, oldest first: each deployment's revision and when it was deployed. */
  readonly history?: readonly { readonly revision: string; readonly deployedAt: Date }[]
}

/** A scripted application. */
export interface FakeApp {
  readonly name: string
  /** Default `argocd` (the control-plane namespace). */
  readonly namespace?: string
  readonly autoSync?: boolean
  /** One per GET; the last repeats. */
  readonly frames: readonly AppFrame[]
  /** Replace the frames still to come when a sync is accepted. */
  readonly afterSync?: readonly AppFrame[]
  /** Real ms a `?refresh=` GET takes before answering. */
  readonly refreshDelayMs?: number
  /** Answer `?refresh=` GETs with this status (e.g. 503) instead. */
  readonly refreshStatus?: number
}

/** A recorded request. */
export interface FakeRequest {
  readonly method: string
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  readonly headers: IncomingHttpHeaders
  readonly body: string
  /** The JSON answer, once given (the web UI and 415 answers are not JSON and not recorded). */
  answer?: { readonly status: number; readonly body: unknown }
}

/** Settings of the fake. */
export interface FakeArgoCdOptions {
  readonly token: string
  readonly apps: readonly FakeApp[]
  readonly tls?: KeyAndCert
  /** `--rootpath`, e.g. `/argocd`. */
  readonly rootPath?: string
  /** Answer for an unknown app: Argo CD gives 403 without a project, 404 with one (default 404). */
  readonly unknownAppStatus?: 403 | 404
  /** Maps a scripted revision to the one served, for revisions only known at run time
   * (e.g. `PUSHED` → the commit the action just pushed). */
  readonly resolveRevision?: (revision: string) => string
}

/** A running fake. */
export interface FakeArgoCd {
  /** Base URL, e.g. `https://127.0.0.1:PORT/argocd`. */
  readonly url: string
  readonly requests: FakeRequest[]
  close(): Promise<void>
}

const EPOCH = Date.UTC(2026, 0, 1)
const iso = (seconds: number): string =>
  new Date(EPOCH + seconds * 1000).toISOString().replace(/\.000Z$/, 'Z')

/** The Application object Argo CD would return for `app` in state `frame`. */
export function application(app: FakeApp, frame: AppFrame): Record<string, unknown> {
  const finished =
    frame.phase !== undefined && frame.phase !== 'Running' && frame.phase !== 'Terminating'
  const opRevision = frame.opRevision ?? frame.revision ?? ''
  const operationState =
    frame.phase === undefined
      ? undefined
      : {
          operation: { sync: { revision: opRevision } },
          phase: frame.phase,
          message: frame.message ?? '',
          startedAt: iso(50),
          ...(finished ? { finishedAt: iso(frame.finishedAt ?? 100) } : {}),
          ...(finished && frame.phase === 'Succeeded'
            ? { syncResult: { revision: opRevision } }
            : {})
        }
  return {
    metadata: { name: app.name, namespace: app.namespace ?? 'argocd', resourceVersion: '1' },
    spec: {
      project: 'default',
      source: {
        repoURL: 'https://github.com/acme/gitops.git',
        path: 'helm',
        targetRevision: 'main'
      },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'default' },
      ...(app.autoSync ? { syncPolicy: { automated: { prune: true } } } : {})
    },
    ...(frame.operationRequested ? { operation: { sync: { revision: opRevision } } } : {}),
    status: {
      sync: { status: frame.sync ?? 'Unknown', revision: frame.revision ?? '' },
      health: { status: frame.health ?? 'Unknown' },
      reconciledAt: iso(frame.reconciledAt ?? 200),
      ...(frame.conditions ? { conditions: frame.conditions } : {}),
      ...(frame.healthMessage === undefined
        ? {}
        : {
            resources: [
              {
                group: 'apps',
                kind: 'Deployment',
                namespace: 'default',
                name: app.name,
                status: frame.sync ?? 'Unknown',
                health: { status: frame.health ?? 'Unknown', message: frame.healthMessage }
              }
            ]
          }),
      ...(operationState ? { operationState } : {}),
      ...(frame.history === undefined
        ? {}
        : {
            history: frame.history.map((entry, index) => ({
              id: index,
              revision: entry.revision,
              deployedAt: entry.deployedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
              deployStartedAt: entry.deployedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
              source: { repoURL: 'https://github.com/acme/gitops.git', path: 'helm' }
            }))
          })
    }
  }
}

/** Starts the fake on 127.0.0.1 and an ephemeral port. */
export async function startFakeArgoCd(options: FakeArgoCdOptions): Promise<FakeArgoCd> {
  const root = (options.rootPath ?? '').replace(/\/+$/, '')
  const requests: FakeRequest[] = []
  const pending = new WeakMap<ServerResponse, FakeRequest>()
  const state = new Map(
    options.apps.map((app) => [
      `${app.namespace ?? 'argocd'}/${app.name}`,
      { app, frames: [...app.frames], index: 0 }
    ])
  )
  const json = (res: ServerResponse, status: number, body: unknown): void => {
    const request = pending.get(res)
    if (request) request.answer = { status, body }
    res.writeHead(status, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const grpcError = (res: ServerResponse, status: number, code: number, message: string): void => {
    json(res, status, { error: message, code, message, details: [] })
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://fake')
    const query = Object.fromEntries(url.searchParams)
    const request: FakeRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query,
      headers: req.headers,
      body
    }
    requests.push(request)
    pending.set(res, request)

    const prefix = `${root}/api/v1/applications/`
    if (!url.pathname.startsWith(`${root}/api/`)) {
      // Argo CD serves its web UI for every other path.
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      res.end('<!DOCTYPE html><html><head><title>Argo CD</title></head><body></body></html>')
      return
    }
    if (
      req.method !== 'GET' &&
      (req.headers['content-type'] ?? '').toLowerCase() !== 'application/json'
    ) {
      res.writeHead(415, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Invalid content type\n')
      return
    }
    const auth = req.headers.authorization ?? ''
    if (auth === '') {
      grpcError(res, 401, 16, 'no session information')
      return
    }
    if (auth !== `Bearer ${options.token}`) {
      grpcError(res, 401, 16, 'invalid session: token signature is invalid')
      return
    }
    if (!url.pathname.startsWith(prefix)) {
      grpcError(res, 404, 5, 'Not Found')
      return
    }
    const [rawName = '', action = ''] = url.pathname.slice(prefix.length).split('/')
    const name = decodeURIComponent(rawName)
    let namespace = query.appNamespace ?? ''
    if (req.method === 'POST' && body !== '') {
      const parsed = JSON.parse(body) as { appNamespace?: string }
      namespace = parsed.appNamespace ?? namespace
    }
    const entry = state.get(`${namespace || 'argocd'}/${name}`)
    if (!entry) {
      if ((options.unknownAppStatus ?? 404) === 403) {
        grpcError(res, 403, 7, `permission denied: applications, get, default/${name}`)
      } else {
        grpcError(res, 404, 5, `applications.argoproj.io "${name}" not found`)
      }
      return
    }
    const resolve = options.resolveRevision ?? ((revision: string) => revision)
    const current = (): AppFrame => {
      const frame = entry.frames[Math.min(entry.index, entry.frames.length - 1)] ?? {}
      return {
        ...frame,
        ...(frame.revision === undefined ? {} : { revision: resolve(frame.revision) }),
        ...(frame.opRevision === undefined ? {} : { opRevision: resolve(frame.opRevision) })
      }
    }
    if (req.method === 'GET' && action === '') {
      if (query.refresh !== undefined) {
        if (entry.app.refreshStatus !== undefined) {
          grpcError(res, entry.app.refreshStatus, 14, 'scripted refresh failure')
          return
        }
        if (entry.app.refreshDelayMs)
          await new Promise((resolve) => setTimeout(resolve, entry.app.refreshDelayMs))
      }
      const frame = current()
      entry.index++
      json(res, 200, application(entry.app, frame))
      return
    }
    if (req.method === 'POST' && action === 'sync') {
      const frame = current()
      if (frame.operationRequested || frame.phase === 'Running') {
        grpcError(res, 400, 9, 'another operation is already in progress')
        return
      }
      if (entry.app.afterSync) {
        entry.frames = [...entry.app.afterSync]
        entry.index = 0
      }
      json(res, 200, application(entry.app, { ...frame, operationRequested: true }))
      return
    }
    grpcError(res, 404, 5, 'Not Found')
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      grpcError(res, 500, 13, (error as Error).message)
    })
  }
  const server: Server = options.tls
    ? createHttpsServer(options.tls, listener)
    : createHttpServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}${root}`,
    requests,
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
