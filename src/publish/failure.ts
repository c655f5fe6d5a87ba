import { PublishError } from '../lib/errors.js'

/** Why a git or GitHub operation failed, as far as the publish loop cares. */
export type FailureKind =
  | 'stale'
  | 'protected'
  | 'auth'
  | 'missing-branch'
  | 'not-found'
  | 'hook'
  | 'unreachable'
  | 'redirect'
  | 'rate-limited'
  | 'other'

const patterns: readonly (readonly [FailureKind, RegExp])[] = [
  [
    'protected',
    /GH006|GH013|protected branch|rule violations|must be made through a pull request|required status check|cannot (?:push|update) .*protected/i
  ],
  [
    'auth',
    /authentication failed|could not read (?:username|password)|terminal prompts disabled|invalid username or password|returned error: 40[13]|\bHTTP 40[13]\b|permission to \S+ denied|write access to repository not granted|bad credentials|resource not accessible/i
  ],
  // git does not follow redirects here (http.followRedirects=false): see publish/git/git.ts
  ['redirect', /returned error: 30[1278]\b|\bHTTP 30[1278]\b/i],
  ['missing-branch', /couldn't find remote ref|no such ref was fetched/i],
  [
    'not-found',
    /repository not found|does not appear to be a git repository|returned error: 404|not a git repository/i
  ],
  [
    'stale',
    /\((?:fetch first|non-fast-forward|stale info|already exists)\)|failed to update ref|cannot lock ref|incorrect old value|STALE_DATA|expected branch to point to/i
  ],
  ['hook', /\[remote rejected\]|hook declined/i],
  [
    'unreachable',
    /could not resolve host|failed to connect|connection (?:refused|reset|timed out)|could not connect|network is unreachable|unable to access|timed out|operation too slow|early EOF|remote end hung up|RPC failed|empty reply|recv failure|send failure|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|socket hang up|returned error: 5\d\d|\bHTTP 5\d\d\b|\bstatus 5\d\d\b/i
  ]
]

/** Classifies the output of a failed git command or GitHub API call. */
export function classifyFailure(output: string): FailureKind {
  for (const [kind, pattern] of patterns) if (pattern.test(output)) return kind
  return 'other'
}

/**
 * True for an unreachable remote that went silent (git's low-speed limit, an SSH or socket
 * timeout) rather than one that refused at once: each such attempt costs the whole stall time,
 * so it is retried once only.
 */
export function isStall(output: string): boolean {
  return /operation too slow|timed out|timeout|server not responding/i.test(output)
}

/** Failures another attempt can cure: a moved branch, a flaky hook or network. */
export function isRetryable(kind: FailureKind): boolean {
  return kind === 'stale' || kind === 'hook' || kind === 'unreachable'
}

/** The lines of git's output worth showing: what the remote and git said, one line. */
export function failureDetail(output: string, max = 600): string {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => /^(?:remote:|fatal:|error:|!|hint: Updates were rejected)/.test(line))
  const text = (lines.length > 0 ? lines : output.split(/\r?\n/).filter((l) => l.trim() !== ''))
    .join(' / ')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/** Where the failure happened, for the message. */
export interface FailureContext {
  /** `OWNER/NAME` or the remote URL without credentials. */
  readonly repository: string
  readonly branch: string
  /** What was being done, e.g. `pushing` or `fetching`. */
  readonly action: string
}

/** A PublishError that names repository and branch and says what to do. */
export function publishFailure(
  kind: FailureKind,
  context: FailureContext,
  detail: string
): PublishError {
  const { repository, branch, action } = context
  const said = detail === '' ? '' : ` (${detail})`
  switch (kind) {
    case 'protected':
      return new PublishError(
        `Push to branch ${branch} of ${repository} was refused by branch protection${said}. Set create-pr: true to open a pull request instead, or give token a token allowed to push to ${branch} (for example a GitHub App in the ruleset's bypass list).`,
        { input: 'branch' }
      )
    case 'auth':
      return new PublishError(
        `Authentication to ${repository} failed (HTTP 401/403) while ${action} branch ${branch}${said}. Check the token input: it must be allowed to write contents to ${repository}. The workflow's GITHUB_TOKEN only reaches the workflow's own repository and needs "permissions: contents: write"; for another repository use a GitHub App installation token or a fine-grained personal access token.`,
        { input: 'token' }
      )
    case 'missing-branch':
      return new PublishError(
        `Branch ${branch} does not exist in ${repository}. Create it first, or set branch to an existing branch.`,
        { input: 'branch' }
      )
    case 'not-found':
      return new PublishError(
        `Repository ${repository} was not found while ${action} branch ${branch}${said}. Check the repository input, and that the token can see the repository.`,
        { input: 'repository' }
      )
    case 'redirect':
      return new PublishError(
        `${repository} answered ${action} branch ${branch} with a redirect${said}. Git does not follow redirects here, so the token never reaches another server. Set repository to the repository's current URL (a renamed or moved repository redirects).`,
        { input: 'repository' }
      )
    default:
      return new PublishError(`Failed ${action} branch ${branch} of ${repository}${said}.`, {
        input: 'repository'
      })
  }
}

/** The error after the last attempt lost a race or could not reach the remote. */
export function exhaustedFailure(
  kind: FailureKind,
  context: FailureContext,
  attempts: number,
  detail: string,
  budgetMs?: number
): PublishError {
  const { repository, branch } = context
  const said = detail === '' ? '' : ` Last failure: ${detail}.`
  if (kind === 'unreachable') {
    return new PublishError(
      `Could not reach ${repository} (branch ${branch}) in ${attempts} attempt(s).${said} Check the repository URL, the network and the git server.`,
      { input: 'repository' }
    )
  }
  return new PublishError(
    `Gave up after ${attempts} attempt(s)${budgetMs === undefined ? '' : ` in ${Math.round(budgetMs / 1000)} s`} to push to branch ${branch} of ${repository}: other commits kept landing first or the remote kept refusing.${said} Nothing was pushed. Raise push-attempts (each allows another failed attempt and another minute of racing), or let fewer jobs update ${branch} at the same time.`,
    { input: 'push-attempts' }
  )
}
