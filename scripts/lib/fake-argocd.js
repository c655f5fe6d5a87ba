// A stand-in for Argo CD's REST API for the demo's promotion: GET /api/v1/applications/{name}
// answers with an Application the way argocd-server does (bearer token, gRPC-style error
// bodies), every app auto-synced to the tip of one branch: Synced and Healthy there, its last
// sync Succeeded, and a status.history that gains an entry (with deployedAt) whenever the tip
// moves. Nothing else of the API is served. Binds 127.0.0.1 only.
import { createServer } from 'node:http'

const rfc3339 = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

/** Starts the fake on 127.0.0.1 (port 0); see fake-argocd.d.ts. */
export async function startFakeArgoCd({ token, apps, repoURL, tip, now = Date.now }) {
  const served = []
  // Per app: the deployments seen so far, oldest first (Argo CD appends on every sync).
  const history = new Map(apps.map((app) => [app.name, []]))
  const json = (res, status, body) => {
    res.writeHead(status, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const grpcError = (res, status, code, message) => {
    json(res, status, { error: message, code, message, details: [] })
  }
  const handle = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://argocd')
    const prefix = '/api/v1/applications/'
    const auth = req.headers.authorization ?? ''
    if (auth === '') return grpcError(res, 401, 16, 'no session information')
    if (auth !== `Bearer ${token}`) {
      return grpcError(res, 401, 16, 'invalid session: token signature is invalid')
    }
    const name = decodeURIComponent(url.pathname.slice(prefix.length))
    const app = apps.find((candidate) => candidate.name === name)
    if (req.method !== 'GET' || !url.pathname.startsWith(prefix) || name.includes('/')) {
      return grpcError(res, 404, 5, 'Not Found')
    }
    if (app === undefined) {
      return grpcError(res, 404, 5, `applications.argoproj.io "${name}" not found`)
    }
    const revision = await tip()
    const deployments = history.get(name)
    const at = now()
    // An auto-synced app deploys a new tip on its next reconciliation, i.e. this look.
    if (deployments.at(-1)?.revision !== revision) deployments.push({ revision, deployedAt: at })
    served.push(`${name}@${revision.slice(0, 7)}: Synced/Healthy`)
    json(res, 200, application({ app, repoURL, revision, deployments, now: at }))
  }
  const server = createServer((req, res) => {
    req.resume()
    handle(req, res).catch((error) => {
      grpcError(res, 500, 13, error instanceof Error ? error.message : String(error))
    })
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    history: (name) => [...(history.get(name) ?? [])],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      })
  }
}

// The fields of an Application the action reads, as argocd-server serializes them.
function application({ app, repoURL, revision, deployments, now }) {
  const last = deployments.at(-1)
  const started = rfc3339(last.deployedAt)
  return {
    metadata: { name: app.name, namespace: 'argocd', resourceVersion: String(deployments.length) },
    spec: {
      project: 'default',
      source: { repoURL, path: app.path, targetRevision: app.targetRevision ?? 'HEAD' },
      destination: { server: 'https://kubernetes.default.svc', namespace: app.namespace ?? '' },
      syncPolicy: { automated: { prune: true, selfHeal: true } }
    },
    status: {
      sync: { status: 'Synced', revision, comparedTo: { source: { repoURL, path: app.path } } },
      health: { status: 'Healthy' },
      reconciledAt: rfc3339(now),
      operationState: {
        operation: { sync: { revision } },
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        startedAt: started,
        finishedAt: started,
        syncResult: { revision }
      },
      history: deployments.map((deployment, id) => ({
        id,
        revision: deployment.revision,
        deployStartedAt: rfc3339(deployment.deployedAt),
        deployedAt: rfc3339(deployment.deployedAt),
        source: { repoURL, path: app.path, targetRevision: app.targetRevision ?? 'HEAD' }
      }))
    }
  }
}
