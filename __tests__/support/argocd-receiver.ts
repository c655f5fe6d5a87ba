// A webhook receiver that checks requests the way Argo CD's GitHub handler does (its
// util/webhook package and go-playground/webhooks' github parser): the action's events must pass it for Argo CD <= 2.12 (SHA-1)
// and >= 2.13 (SHA-256). Reusable by the demo and the end-to-end tests. Binds 127.0.0.1 only.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { checkTypes, PING_EVENT, PUSH_EVENT } from './go-event-types.js'

/** Which signature Argo CD checks: `sha256` (2.13 and later) or `sha1` (2.12 and earlier). */
export type SignatureMode = 'sha256' | 'sha1'

/** How the receiver behaves. */
export interface ReceiverOptions {
  /** Argo CD's `webhook.github.secret`; empty or absent: no signature is checked (as Argo CD). */
  readonly secret?: string
  /** Default `sha256`. */
  readonly mode?: SignatureMode
  /** Argo CD's `--rootpath`, e.g. `/argocd`. */
  readonly rootPath?: string
  /** `webhook.maxPayloadSizeMB` (default 50). */
  readonly maxPayloadSizeMB?: number
  /** Error bodies with the reason, as Argo CD <= 3.4 (default: true for sha1, false for sha256, i.e. 3.5+). */
  readonly detailedErrors?: boolean
  /** Statuses answered instead of 200 to the first valid events, e.g. `[503]` (queue full). */
  readonly script?: readonly number[]
  /** Called once a valid event was accepted (after the 200 was written). */
  readonly onEvent?: (event: ReceivedEvent) => void
}

/** An event Argo CD would have queued, with what its handler derives from it. */
export interface ReceivedEvent {
  readonly event: 'push' | 'ping'
  readonly deliveryId: string | undefined
  readonly headers: IncomingHttpHeaders
  readonly rawBody: Buffer
  readonly payload: Record<string, unknown>
  /** `repository.html_url`: the only URL Argo CD matches apps against. */
  readonly webURL: string
  /** `ref` split on `/` into at most 3 parts, the last (`refs/heads/a/b` gives `a/b`). */
  readonly revision: string
  /** `repository.default_branch` equals `revision`: apps tracking HEAD refresh. */
  readonly touchedHead: boolean
  /** added + modified + removed of every commit. */
  readonly changedFiles: readonly string[]
  readonly before: string
  readonly after: string
  /** `performance.now()` when it was accepted. */
  readonly receivedAt: number
}

/** Every request and what it was answered. */
export interface ReceiverRequest {
  readonly method: string
  readonly path: string
  readonly status: number
  readonly body: string
}

/** A running receiver. */
export interface WebhookReceiver {
  /** The webhook endpoint, `http://127.0.0.1:PORT[/root]/api/webhook`. */
  readonly url: string
  readonly events: ReceivedEvent[]
  readonly requests: ReceiverRequest[]
  close(): Promise<void>
}

/** Starts a receiver on 127.0.0.1 and an ephemeral port. */
export async function startWebhookReceiver(
  options: ReceiverOptions = {}
): Promise<WebhookReceiver> {
  const mode = options.mode ?? 'sha256'
  const detailed = options.detailedErrors ?? mode === 'sha1'
  const maxBytes = (options.maxPayloadSizeMB ?? 50) * 1048576
  const root = (options.rootPath ?? '').replace(/\/+$/, '')
  const script = [...(options.script ?? [])]
  const events: ReceivedEvent[] = []
  const requests: ReceiverRequest[] = []

  const answer = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: string
  ): void => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', status, body })
    if (status !== 200) {
      // As Go's http.Error.
      res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      res.setHeader('X-Content-Type-Options', 'nosniff')
    }
    res.writeHead(status)
    res.end(body)
  }
  const failed = (reason: string): string =>
    detailed ? `Webhook processing failed: ${reason}\n` : 'Webhook processing failed\n'

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '').split('?')[0]
    const body = await readBody(req, maxBytes)
    if (path !== `${root}/api/webhook`) {
      answer(req, res, 404, '404 page not found\n')
      return
    }
    // Argo CD's dispatch order: these providers are asked before GitHub and would claim the request.
    const header = (name: string): string => {
      const value = req.headers[name]
      return Array.isArray(value) ? (value[0] ?? '') : (value ?? '')
    }
    if (header('x-vss-activityid') !== '' || header('x-gogs-event') !== '') {
      answer(req, res, 400, failed('claimed by another provider'))
      return
    }
    const event = header('x-github-event')
    if (event === '' || event === 'package') {
      answer(req, res, 400, 'Unknown webhook event\n')
      return
    }
    if (req.method !== 'POST') {
      answer(req, res, 405, failed('invalid HTTP Method'))
      return
    }
    if (event !== 'push' && event !== 'ping') {
      answer(req, res, 400, failed('event not defined to be parsed'))
      return
    }
    if (body === undefined || body.length === 0) {
      const mb = Math.floor(maxBytes / 1048576)
      answer(
        req,
        res,
        400,
        detailed
          ? `Webhook processing failed: The payload is either too large or corrupted. Please check the payload size (must be under ${mb} MB) and ensure it is valid JSON\n`
          : `Webhook processing failed: payload must be valid JSON under ${mb} MB\n`
      )
      return
    }
    const secret = options.secret ?? ''
    if (secret !== '') {
      const verdict = verifySignature(mode, secret, body, header)
      if (verdict === undefined) {
        // go-playground v6.3 slices the header's first 5 bytes and panics; net/http drops the connection.
        req.socket.destroy()
        requests.push({
          method: req.method,
          path: req.url ?? '',
          status: 0,
          body: 'connection dropped'
        })
        return
      }
      if (verdict !== '') {
        answer(req, res, 400, failed(verdict))
        return
      }
    }
    let payload: unknown
    try {
      payload = JSON.parse(body.toString('utf8'))
    } catch (error) {
      answer(req, res, 400, failed((error as Error).message))
      return
    }
    const typeError = checkTypes(payload, event === 'push' ? PUSH_EVENT : PING_EVENT, '')
    if (typeError !== undefined) {
      answer(req, res, 400, failed(typeError))
      return
    }
    const scripted = script.shift()
    if (scripted !== undefined && scripted !== 200) {
      answer(
        req,
        res,
        scripted,
        scripted === 503 ? 'Queue is full, discarding webhook payload\n' : failed('scripted')
      )
      return
    }
    answer(req, res, 200, '')
    const received = describe(
      event,
      header('x-github-delivery') || undefined,
      req.headers,
      body,
      payload as Record<string, unknown>
    )
    events.push(received)
    options.onEvent?.(received)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      answer(req, res, 500, `${(error as Error).message}\n`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${root}/api/webhook`,
    events,
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

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size <= maxBytes) chunks.push(buffer)
  }
  return size > maxBytes ? undefined : Buffer.concat(chunks)
}

// '' when the signature verifies, the failure reason otherwise, undefined where Go would panic.
function verifySignature(
  mode: SignatureMode,
  secret: string,
  body: Buffer,
  header: (name: string) => string
): string | undefined {
  if (mode === 'sha256') {
    const signature = header('x-hub-signature-256')
    if (signature === '') return 'missing X-Hub-Signature-256 Header'
    const hex = signature.startsWith('sha256=') ? signature.slice('sha256='.length) : signature
    return equal(hex, createHmac('sha256', secret).update(body).digest('hex'))
      ? ''
      : 'HMAC verification failed'
  }
  const signature = header('x-hub-signature')
  if (signature === '') return 'missing X-Hub-Signature Header'
  if (signature.length < 5) return undefined
  return equal(signature.slice(5), createHmac('sha1', secret).update(body).digest('hex'))
    ? ''
    : 'HMAC verification failed'
}

function equal(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8')
  const b = Buffer.from(expected, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}

function describe(
  event: string,
  deliveryId: string | undefined,
  headers: IncomingHttpHeaders,
  rawBody: Buffer,
  payload: Record<string, unknown>
): ReceivedEvent {
  const repository = (payload.repository ?? {}) as Record<string, unknown>
  const ref = typeof payload.ref === 'string' ? payload.ref : ''
  const revision =
    ref.split('/').slice(0, 3).length === 3
      ? ref.split('/').slice(2).join('/')
      : (ref.split('/').at(-1) ?? '')
  const commits = Array.isArray(payload.commits)
    ? (payload.commits as (Record<string, unknown> | null)[])
    : []
  const changedFiles = commits.flatMap((c) => [
    ...((c?.added ?? []) as string[]),
    ...((c?.modified ?? []) as string[]),
    ...((c?.removed ?? []) as string[])
  ])
  const text = (value: unknown): string => (typeof value === 'string' ? value : '')
  return {
    event: event === 'ping' ? 'ping' : 'push',
    deliveryId,
    headers,
    rawBody,
    payload,
    webURL: text(repository.html_url),
    revision,
    touchedHead: text(repository.default_branch) === revision,
    changedFiles,
    before: text(payload.before),
    after: text(payload.after),
    receivedAt: performance.now()
  }
}
