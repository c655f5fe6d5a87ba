import { InputError } from '../lib/errors.js'
import { parseAppRef, type AppRef } from '../argocd/app-ref.js'
import { normalizeRepoUrl } from '../argocd/repo-url.js'
import { redactUrl } from '../lib/redact.js'
import type { ArgoCdApiSettings, ArgoCdSettings, WebhookSettings } from '../argocd/types.js'
import { webhookEndpoint } from '../argocd/webhook-endpoint.js'
import { isLoopbackUrl } from '../lib/loopback.js'

/** The longest wait that makes sense: a GitHub-hosted job is cancelled after six hours. */
export const MAX_TIMEOUT_SECONDS = 6 * 60 * 60

/** The `argocd-*` inputs as read, each range-checked on its own. */
export interface ArgoCdInputs {
  readonly webhookUrl?: string
  readonly webhookSecret?: string
  readonly repoUrl?: string
  readonly server?: string
  readonly token?: string
  readonly apps: readonly string[]
  readonly sync: boolean
  readonly wait: boolean
  readonly timeoutSeconds: number
  readonly insecure: boolean
}

/**
 * Checks the Argo CD inputs as a whole and resolves them into what the webhook and the API
 * stages take (endpoint, trimmed secrets, parsed apps); throws an InputError naming the input.
 * Warns when plain http is accepted because
 * of `argocd-insecure`.
 */
export function resolveArgoCd(
  inputs: ArgoCdInputs,
  warn: (message: string) => void
): ArgoCdSettings {
  const { webhookUrl, webhookSecret, server, apps } = inputs
  const token = inputs.token?.trim()
  const repoUrl =
    inputs.repoUrl === undefined ? undefined : normalizeRepoUrl(inputs.repoUrl, 'argocd-repo-url')
  if (webhookUrl !== undefined)
    httpUrl(webhookUrl, 'argocd-webhook-url', 'https://ARGOCD/api/webhook')
  if (webhookSecret !== undefined && webhookUrl === undefined) {
    throw new InputError(
      "Input 'argocd-webhook-secret' is set but 'argocd-webhook-url' is not; set both.",
      {
        input: 'argocd-webhook-secret'
      }
    )
  }
  const secret = webhookSecret?.trim()
  const webhook: WebhookSettings | undefined =
    webhookUrl === undefined
      ? undefined
      : {
          url: webhookEndpoint(webhookUrl),
          ...(secret === undefined || secret === '' ? {} : { secret }),
          ...(repoUrl === undefined ? {} : { repoUrl }),
          insecure: inputs.insecure
        }

  const usesApi =
    server !== undefined || token !== undefined || apps.length > 0 || inputs.sync || inputs.wait
  if (!usesApi) return webhook === undefined ? {} : { webhook }
  const why = inputs.wait ? 'argocd-wait' : inputs.sync ? 'argocd-sync' : 'the Argo CD API'
  if (server === undefined) {
    throw new InputError(
      `Input 'argocd-server' is required for ${why} (e.g. https://argocd.example.com).`,
      { input: 'argocd-server' }
    )
  }
  const base = httpUrl(server, 'argocd-server', 'https://argocd.example.com')
  if (/\/api(\/|$)/.test(base.pathname)) {
    throw new InputError(
      `Input 'argocd-server': "${redactUrl(server)}" must be the server's base URL (plus its root path, if any), ` +
        'without /api/...; e.g. https://argocd.example.com',
      { input: 'argocd-server' }
    )
  }
  if (token === undefined) {
    throw new InputError(
      `Input 'argocd-token' is required for ${why}: an Argo CD API token (JWT).`,
      {
        input: 'argocd-token'
      }
    )
  }
  // Argo CD reads a bearer token only when it looks like a JWT; anything else is a sure 401.
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) {
    throw new InputError(
      "Input 'argocd-token' does not look like an Argo CD token (a JWT: three dot-separated base64url parts); " +
        'create one with `argocd account generate-token`.',
      { input: 'argocd-token' }
    )
  }
  // The token is a bearer credential: plain http may carry it only to this machine, or when the
  // user says so (`argocd-insecure`, as the argocd CLI wants `--plaintext`).
  if (base.protocol === 'http:' && !isLoopbackUrl(base)) {
    if (!inputs.insecure) {
      throw new InputError(
        `Input 'argocd-server' is plain http (${redactUrl(server)}), which would send 'argocd-token' unencrypted; ` +
          "use https, or set 'argocd-insecure: true' to accept it.",
        { input: 'argocd-server' }
      )
    }
    warn(
      `argocd-server ${redactUrl(server)} is plain http: 'argocd-token' crosses the network unencrypted (accepted because argocd-insecure is true).`
    )
  }
  if (apps.length === 0) {
    throw new InputError(
      `Input 'argocd-app' is required for ${why}: application names, one per line or comma-separated.`,
      { input: 'argocd-app' }
    )
  }
  const refs: AppRef[] = []
  const seen = new Set<string>()
  for (const app of apps) {
    const ref = parseAppRef(app)
    const key = `${ref.namespace ?? ''}/${ref.name}`
    if (seen.has(key)) {
      throw new InputError(`Input 'argocd-app': "${ref.label}" is listed twice.`, {
        input: 'argocd-app'
      })
    }
    seen.add(key)
    refs.push(ref)
  }
  const api: ArgoCdApiSettings = {
    server: server.trim().replace(/\/+$/, ''),
    token,
    apps: refs,
    sync: inputs.sync,
    wait: inputs.wait,
    timeoutSeconds: inputs.timeoutSeconds,
    insecure: inputs.insecure
  }
  return webhook === undefined ? { api } : { webhook, api }
}

/**
 * Every secret form the Argo CD inputs give rise to: the webhook secret and the token as given
 * and trimmed, the bearer header, and a password written inside a URL.
 */
export function argoCdSecrets(raw: {
  readonly webhookSecret: string
  readonly token: string
  readonly urls: readonly string[]
}): string[] {
  const values = new Set<string>()
  for (const value of [raw.webhookSecret, raw.token]) {
    if (value.trim() === '') continue
    values.add(value)
    values.add(value.trim())
  }
  if (raw.token.trim() !== '') values.add(`Bearer ${raw.token.trim()}`)
  for (const url of raw.urls) {
    const password = urlPassword(url)
    if (password !== '') values.add(password)
  }
  return [...values]
}

function urlPassword(url: string): string {
  try {
    const parsed = new URL(url.trim())
    return parsed.password === '' ? '' : decodeURIComponent(parsed.password)
  } catch {
    return ''
  }
}

function httpUrl(value: string, input: string, example: string): URL {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new InputError(
      `Input '${input}': "${redactUrl(value)}" is not an http(s) URL; expected e.g. ${example}.`,
      { input }
    )
  }
  return url
}
