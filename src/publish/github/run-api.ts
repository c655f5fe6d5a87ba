import type { GitHubApi, GitHubUrls } from './api.js'
import { RATE_LIMIT_POLICY } from './rate-limit.js'
import type { ResolvedServices } from '../types.js'

/**
 * The run's GitHub API client for `token`: the services' factory with the run's rate-limit
 * policy, its shared waiting budget and the action's HTTP client, the same for every caller.
 */
export function runGitHubApi(token: string, urls: GitHubUrls, deps: ResolvedServices): GitHubApi {
  return deps.createGitHubApi(
    token,
    urls,
    {
      clock: deps.clock,
      policy: RATE_LIMIT_POLICY,
      logger: deps.logger,
      budget: deps.rateLimitBudget
    },
    { http: deps.http }
  )
}
