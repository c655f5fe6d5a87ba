import { InputError } from '../lib/errors.js'
import { parseScpLike, SSH_SCHEMES } from '../lib/git-url.js'
import { redactUrl } from '../lib/redact.js'

const WEB_SCHEMES = new Set(['https:', 'http:'])
// git:// names the same host as its web URL, like the SSH schemes
const HOST_SCHEMES = new Set([...SSH_SCHEMES, 'git'].map((scheme) => `${scheme}:`))
// Hosts that serve only SSH next to a web host of the same name; Argo CD's matcher accepts the
// prefix on an Application's repoURL but only when html_url names the web host.
const SSH_HOST_PREFIX = /^(?:ssh|altssh)\./i

/**
 * The web URL Argo CD matches Applications against (`repository.html_url`): `https://HOST/OWNER/REPO`,
 * without credentials, `.git` or a trailing slash. scp and ssh forms become https on the web host.
 */
export function normalizeRepoUrl(url: string, input = 'argocd-repo-url'): string {
  const text = url.trim()
  const scp = parseScpLike(text)
  if (scp !== undefined && !text.includes('://')) {
    return build('https:', webHost(scp.host), '', scp.path, url, input)
  }
  let parsed: URL
  try {
    parsed = new URL(text)
  } catch {
    throw unsupported(url, input)
  }
  if (WEB_SCHEMES.has(parsed.protocol)) {
    return build(parsed.protocol, parsed.hostname, parsed.port, parsed.pathname, url, input)
  }
  if (HOST_SCHEMES.has(parsed.protocol)) {
    // The port of an ssh URL is the SSH port, never the web one.
    return build('https:', webHost(parsed.hostname), '', parsed.pathname, url, input)
  }
  throw unsupported(url, input)
}

function webHost(host: string): string {
  const lower = host.toLowerCase()
  // Keep a bare `ssh.` host (no further dot) rather than turn it into a TLD.
  const stripped = lower.replace(SSH_HOST_PREFIX, '')
  return stripped.includes('.') ? stripped : lower
}

function build(
  scheme: string,
  host: string,
  port: string,
  rawPath: string,
  original: string,
  input: string
): string {
  let path = rawPath.replace(/^\/+/, '').replace(/\/+$/, '')
  if (path.endsWith('.git')) path = path.slice(0, -'.git'.length).replace(/\/+$/, '')
  if (host === '' || !path.includes('/')) throw unsupported(original, input)
  return `${scheme}//${host}${port === '' ? '' : `:${port}`}/${path}`
}

function unsupported(url: string, input: string): InputError {
  // The URL may carry a token (https://x-access-token:...@host/...): never echo it whole.
  return new InputError(
    `${input}: cannot turn "${redactUrl(url)}" into the repository's web URL; expected ` +
      'https://HOST/OWNER/REPO (or a git URL such as git@HOST:OWNER/REPO.git). ' +
      'Set argocd-repo-url to the URL your Argo CD Applications use as repoURL.',
    { input }
  )
}
