import { PublishError } from '../../lib/errors.js'
import { HttpNetworkError, PlainHttpCredentialError } from '../../lib/http-client.js'
import { HttpRedirectError } from '../../lib/http-fetch.js'
import { classifyFailure, type FailureKind } from '../failure.js'

/** A GitHub API call that failed; `status` is the HTTP status when there was an answer. */
export class GitHubApiError extends PublishError {
  readonly status: number | undefined
  readonly kind: FailureKind

  constructor(message: string, status: number | undefined, kind: FailureKind) {
    super(message)
    this.status = status
    this.kind = kind
  }
}

/** The HTTP status of an Octokit error, when there was an answer. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined
  return typeof error.status === 'number' ? error.status : undefined
}

/** Response headers as Octokit hands them over (lower-case names). */
export type Headers = Readonly<Record<string, string | number | undefined>>

/** The response headers of an Octokit error. */
export function headersOf(error: unknown): Headers {
  const response = (error as { response?: { headers?: Headers } } | null)?.response
  return response?.headers ?? {}
}

/** One header as a string. */
export function header(headers: Headers, name: string): string | undefined {
  const value = headers[name]
  return value === undefined ? undefined : String(value)
}

/** What a failed call's status and message mean to the publish loop. */
export function kindOfStatus(status: number | undefined, message: string): FailureKind {
  if (status === 401) return 'auth'
  if (status === 403) return /rule|protected/i.test(message) ? 'protected' : 'auth'
  if (status === 404) return 'not-found'
  if (status !== undefined && status >= 500) return 'unreachable'
  return classifyFailure(message)
}

// No HTTP answer (deadline, connection) or a redirect: Octokit reports either as "HTTP 500" with
// our error as the cause; say what happened instead.
export function transportFailure(what: string, error: unknown): Error | undefined {
  const cause = (error as { cause?: unknown } | null)?.cause ?? error
  // The client refused to send the token (plain http to another host): final, and no HTTP
  // status was ever exchanged.
  if (cause instanceof PlainHttpCredentialError) return cause
  if (cause instanceof HttpNetworkError) {
    const said = cause.timedOut ? `GitHub sent no complete answer: ${cause.message}` : cause.message
    return new GitHubApiError(`${what}: ${said}`, undefined, 'unreachable')
  }
  if (cause instanceof HttpRedirectError) {
    return new GitHubApiError(`${what}: ${cause.message}`, cause.status, 'redirect')
  }
  return undefined
}
