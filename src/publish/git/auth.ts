import { isLoopbackHost } from '../../lib/loopback.js'
import { httpOrigin } from '../remote-url.js'

/** Environment for git that authenticates HTTP(S) requests, and the secrets derived. */
export interface GitAuth {
  /** GIT_CONFIG_COUNT / GIT_CONFIG_KEY_n / GIT_CONFIG_VALUE_n entries. */
  readonly env: Readonly<Record<string, string>>
  /** The derived header values (to mask and to keep off command lines). */
  readonly secrets: readonly string[]
}

/** The `AUTHORIZATION` header value git sends for a GitHub token (as actions/checkout does). */
function basicAuthHeader(token: string): string {
  return `basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`
}

/**
 * Env-scoped git config that sends the token to each origin. Config from the environment has
 * command-line scope, so it lives only in our child processes and is never written to a file.
 * An empty `extraheader` first clears headers a checkout may have persisted for the same origin
 * (two Authorization headers make GitHub answer 400). Entries already in `inherited` (the
 * environment git starts from) keep their indexes.
 */
export function gitAuthEnv(
  origins: readonly string[],
  token: string,
  inherited: Readonly<Record<string, string | undefined>>
): GitAuth {
  const unique = [...new Set(origins)]
  if (token === '' || unique.length === 0) return { env: {}, secrets: [] }
  const header = basicAuthHeader(token)
  const start = Number.parseInt(inherited.GIT_CONFIG_COUNT ?? '0', 10) || 0
  const env: Record<string, string> = {}
  let index = start
  for (const origin of unique) {
    for (const value of ['', `AUTHORIZATION: ${header}`]) {
      env[`GIT_CONFIG_KEY_${index}`] = `http.${origin}.extraheader`
      env[`GIT_CONFIG_VALUE_${index}`] = value
      index++
    }
  }
  env.GIT_CONFIG_COUNT = String(index)
  return { env, secrets: [token, header, header.slice('basic '.length)] }
}

/** Why the token is not sent to an origin. */
type WithheldReason = 'other-host' | 'plain-http'

/** Which origins of a repository's remote URLs get the token. */
interface TokenOrigins {
  /** `scheme://host[:port]/` origins that get the token: the GitHub server's only. */
  readonly send: readonly string[]
  /** HTTP(S) origins that get no credentials, with the reason. */
  readonly withheld: readonly { readonly origin: string; readonly reason: WithheldReason }[]
}

/**
 * The token goes only to the GitHub server's origin, as actions/checkout does: a remote on any
 * other host gets no credentials (it must bring its own), and plain `http://` gets none unless
 * the host is loopback. SSH and local remotes are not HTTP and are not listed.
 */
export function tokenOrigins(urls: readonly string[], serverUrl: string): TokenOrigins {
  const server = httpOrigin(serverUrl)
  const send = new Set<string>()
  const withheld = new Map<string, WithheldReason>()
  for (const url of urls) {
    const origin = httpOrigin(url)
    if (origin === undefined) continue
    if (origin !== server) withheld.set(origin, 'other-host')
    else if (origin.startsWith('http:') && !isLoopbackHost(new URL(origin).hostname))
      withheld.set(origin, 'plain-http')
    else send.add(origin)
  }
  return {
    send: [...send],
    withheld: [...withheld].map(([origin, reason]) => ({ origin, reason }))
  }
}
