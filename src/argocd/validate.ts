import { InputError } from '../errors.js'
import { parseAppRef } from './app-ref.js'
import { normalizeRepoUrl, redactUrl } from './repo-url.js'
import type { ArgoCdOptions } from './types.js'

/** The longest wait that makes sense: a GitHub-hosted job is cancelled after six hours. */
export const MAX_TIMEOUT_SECONDS = 6 * 60 * 60

/**
 * Checks the Argo CD inputs before any work is done; throws an InputError naming the input.
 * Pure: call it with the rest of the input validation.
 */
export function validateArgoCdOptions(options: ArgoCdOptions): void {
  const { webhookUrl, webhookSecret, repoUrl, server, token, apps } = options
  if (webhookUrl !== undefined && webhookUrl !== '') {
    httpUrl(webhookUrl, 'argocd-webhook-url', 'https://ARGOCD/api/webhook')
  }
  if (nonEmpty(webhookSecret) && !nonEmpty(webhookUrl)) {
    throw new InputError('argocd-webhook-secret is set but argocd-webhook-url is not; set both', {
      input: 'argocd-webhook-secret'
    })
  }
  if (nonEmpty(repoUrl)) normalizeRepoUrl(repoUrl, 'argocd-repo-url')

  const usesApi =
    nonEmpty(server) || nonEmpty(token) || apps.length > 0 || options.sync || options.wait
  if (!usesApi) return
  const why = options.wait ? 'argocd-wait' : options.sync ? 'argocd-sync' : 'the Argo CD API'
  if (!nonEmpty(server)) {
    throw new InputError(`argocd-server is required for ${why} (e.g. https://argocd.example.com)`, {
      input: 'argocd-server'
    })
  }
  const base = httpUrl(server, 'argocd-server', 'https://argocd.example.com')
  if (/\/api(\/|$)/.test(base.pathname)) {
    throw new InputError(
      `argocd-server: "${redactUrl(server)}" must be the server's base URL (plus its root path, if any), ` +
        'without /api/...; e.g. https://argocd.example.com',
      { input: 'argocd-server' }
    )
  }
  if (!nonEmpty(token)) {
    throw new InputError(`argocd-token is required for ${why}: an Argo CD API token (JWT)`, {
      input: 'argocd-token'
    })
  }
  // Argo CD reads a bearer token only when it looks like a JWT; anything else is a sure 401.
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token.trim())) {
    throw new InputError(
      'argocd-token does not look like an Argo CD token (a JWT: three dot-separated base64url parts); ' +
        'create one with `argocd account generate-token`',
      { input: 'argocd-token' }
    )
  }
  if (apps.length === 0) {
    throw new InputError(`argocd-app is required for ${why}: one application name per line`, {
      input: 'argocd-app'
    })
  }
  const seen = new Set<string>()
  for (const app of apps) {
    const ref = parseAppRef(app)
    const key = `${ref.namespace ?? ''}/${ref.name}`
    if (seen.has(key)) {
      throw new InputError(`argocd-app: "${ref.label}" is listed twice`, { input: 'argocd-app' })
    }
    seen.add(key)
  }
  const timeout = options.timeoutSeconds
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > MAX_TIMEOUT_SECONDS) {
    throw new InputError(
      `argocd-timeout: expected a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}, got ${String(timeout)}`,
      { input: 'argocd-timeout' }
    )
  }
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== ''
}

function httpUrl(value: string, input: string, example: string): URL {
  let url: URL | undefined
  try {
    url = new URL(value.trim())
  } catch {
    url = undefined
  }
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new InputError(
      `${input}: "${redactUrl(value)}" is not an http(s) URL; expected e.g. ${example}`,
      {
        input
      }
    )
  }
  return url
}
