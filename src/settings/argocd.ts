import { InputError } from '../errors.js'
import { parseAppRef } from '../argocd/app-ref.js'
import { normalizeRepoUrl, redactUrl } from '../argocd/repo-url.js'
import type { ArgoCdOptions } from '../argocd/types.js'

/** The longest wait that makes sense: a GitHub-hosted job is cancelled after six hours. */
export const MAX_TIMEOUT_SECONDS = 6 * 60 * 60

/**
 * Checks the Argo CD inputs (already range-checked one by one) as a whole; throws an InputError
 * naming the input. Returns the warnings to show: plain http accepted with `argocd-insecure`.
 */
export function checkArgoCdOptions(options: ArgoCdOptions): string[] {
  const { webhookUrl, webhookSecret, repoUrl, server, token, apps } = options
  const warnings: string[] = []
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
  if (repoUrl !== undefined) normalizeRepoUrl(repoUrl, 'argocd-repo-url')

  const usesApi =
    server !== undefined || token !== undefined || apps.length > 0 || options.sync || options.wait
  if (!usesApi) return warnings
  const why = options.wait ? 'argocd-wait' : options.sync ? 'argocd-sync' : 'the Argo CD API'
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
  if (base.protocol === 'http:' && !isLoopback(base.hostname)) {
    if (!options.insecure) {
      throw new InputError(
        `Input 'argocd-server' is plain http (${redactUrl(server)}), which would send 'argocd-token' unencrypted; ` +
          "use https, or set 'argocd-insecure: true' to accept it.",
        { input: 'argocd-server' }
      )
    }
    warnings.push(
      `argocd-server ${redactUrl(server)} is plain http: 'argocd-token' crosses the network unencrypted (accepted because argocd-insecure is true).`
    )
  }
  if (apps.length === 0) {
    throw new InputError(
      `Input 'argocd-app' is required for ${why}: application names, one per line or comma-separated.`,
      { input: 'argocd-app' }
    )
  }
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
  }
  return warnings
}

/** True for a host name that is this machine: `localhost`, 127.0.0.0/8 or `[::1]`. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(host) ||
    host === '[::1]'
  )
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
