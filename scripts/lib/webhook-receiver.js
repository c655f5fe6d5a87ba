// A stand-in for Argo CD's /api/webhook endpoint (GitHub provider only) for the demo: it accepts
// and refuses requests the way argocd-server does (same order of checks, same status codes and
// bodies), and records what Argo CD would read from each accepted push.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'

const MiB = 1024 * 1024

/** Starts the receiver on 127.0.0.1 (port 0); see webhook-receiver.d.ts. */
export async function startWebhookReceiver({ secret = '', maxBytes = 50 * MiB } = {}) {
  const events = []
  const refusals = []
  const server = createServer((req, res) => {
    handle(req, { secret, maxBytes }).then(
      ({ status, body, event }) => {
        if (event) events.push(event)
        else if (status !== 200) refusals.push({ status, reason: body.trim() })
        const headers =
          status === 200
            ? {}
            : { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }
        res.writeHead(status, headers).end(body)
      },
      (error) => {
        refusals.push({ status: 500, reason: String(error) })
        res.writeHead(500).end()
      }
    )
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}/api/webhook`,
    events,
    refusals,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      })
  }
}

const failed = 'Webhook processing failed\n'

async function handle(req, { secret, maxBytes }) {
  const path = new URL(req.url ?? '/', 'http://receiver').pathname
  if (path !== '/api/webhook') return { status: 404, body: 'not found\n' }
  const kind = req.headers['x-github-event']
  if (typeof kind !== 'string' || kind === '' || kind === 'package') {
    req.resume()
    return { status: 400, body: 'Unknown webhook event\n' }
  }
  if (req.method !== 'POST') {
    req.resume()
    return { status: 405, body: failed }
  }
  if (kind !== 'push' && kind !== 'ping') {
    req.resume()
    return { status: 400, body: failed }
  }
  const raw = await readBody(req, maxBytes)
  if (raw === undefined || raw.length === 0) {
    const mb = Math.floor(maxBytes / MiB)
    return {
      status: 400,
      body: `Webhook processing failed: payload must be valid JSON under ${mb} MB\n`
    }
  }
  if (secret !== '' && !signatureMatches(req.headers['x-hub-signature-256'], raw, secret)) {
    return { status: 400, body: failed }
  }
  let payload
  try {
    payload = JSON.parse(raw.toString('utf8'))
  } catch {
    return { status: 400, body: failed }
  }
  if (!hasGoTypes(payload)) return { status: 400, body: failed }
  if (kind === 'ping') return { status: 200, body: '' }
  return { status: 200, body: '', event: describePush(payload, req.headers) }
}

function readBody(req, maxBytes) {
  return new Promise((resolve) => {
    const chunks = []
    let size = 0
    req.on('data', (chunk) => {
      size += chunk.length
      if (size <= maxBytes) chunks.push(chunk)
    })
    req.on('end', () => {
      resolve(size > maxBytes ? undefined : Buffer.concat(chunks))
    })
    req.on('error', () => {
      resolve(undefined)
    })
  })
}

// As go-playground/webhooks v6.4: one optional "sha256=" prefix, lowercase hex, constant time.
function signatureMatches(header, raw, secret) {
  if (typeof header !== 'string' || header === '') return false
  const given = Buffer.from(header.startsWith('sha256=') ? header.slice(7) : header, 'utf8')
  const expected = Buffer.from(createHmac('sha256', secret).update(raw).digest('hex'), 'utf8')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

// Argo CD decodes into typed Go structs: a field of the wrong type fails the whole request.
function hasGoTypes(payload) {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return false
  const isStr = (v) => v === undefined || v === null || typeof v === 'string'
  if (!['ref', 'before', 'after'].every((k) => isStr(payload[k]))) return false
  const repo = payload.repository
  if (repo !== undefined && repo !== null) {
    if (typeof repo !== 'object' || Array.isArray(repo)) return false
    const isInt = (v) => v === undefined || v === null || Number.isInteger(v)
    if (!isInt(repo.created_at) || !isInt(repo.pushed_at)) return false
    if (!isStr(repo.html_url) || !isStr(repo.default_branch) || !isStr(repo.updated_at))
      return false
  }
  const commits = payload.commits
  if (commits === undefined || commits === null) return true
  if (!Array.isArray(commits)) return false
  const isStrList = (v) =>
    v === undefined || v === null || (Array.isArray(v) && v.every((s) => typeof s === 'string'))
  return commits.every(
    (c) =>
      c !== null &&
      typeof c === 'object' &&
      isStrList(c.added) &&
      isStrList(c.modified) &&
      isStrList(c.removed)
  )
}

// What Argo CD's webhook handler derives from a push event: branch, revision, changed files.
function describePush(payload, headers) {
  const ref = payload.ref ?? ''
  // Go's strings.SplitN(ref, "/", 3), last part.
  const parts = ref.split('/')
  const revision = parts.length <= 3 ? (parts.at(-1) ?? '') : parts.slice(2).join('/')
  const repo = payload.repository ?? {}
  const commits = payload.commits ?? []
  return {
    webURL: repo.html_url ?? '',
    revision,
    touchedHead: (repo.default_branch ?? '') === revision,
    before: payload.before ?? '',
    after: payload.after ?? '',
    changedFiles: commits.flatMap((c) => [
      ...(c.added ?? []),
      ...(c.modified ?? []),
      ...(c.removed ?? [])
    ]),
    signedSha1: typeof headers['x-hub-signature'] === 'string',
    payload
  }
}
