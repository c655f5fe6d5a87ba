import * as os from 'node:os'
import * as path from 'node:path'

/** The GitHub environment the run sees (from the runner's `GITHUB_*` variables). */
export interface GitHubEnvironment {
  /** `https://github.com` or a GHES URL. */
  readonly serverUrl: string
  readonly apiUrl: string
  readonly graphqlUrl: string
  /** `OWNER/NAME` of the workflow's repository, empty when unknown. */
  readonly repository: string
  /** `GITHUB_REPOSITORY_OWNER`, empty when unset. */
  readonly repositoryOwner: string
  /** Full SHA the workflow runs on, empty when unknown. */
  readonly sha: string
  /** Branch the workflow runs on (from `refs/heads/…`), undefined for tags and pull requests. */
  readonly branch?: string
  /** True under nektos/act. */
  readonly act: boolean
  /** Temporary folder for clones and build metadata. */
  readonly runnerTemp: string
  /** Repository root the file paths are relative to (`GITHUB_WORKSPACE`, else the current folder). */
  readonly workspace: string
}

/** Reads the runner's `GITHUB_*` variables; the only reader of them. */
export function readGitHubEnvironment(env: NodeJS.ProcessEnv): GitHubEnvironment {
  // `||`, not `??`: harnesses and .env files often set these to the empty string.
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const isDotCom = /^https:\/\/github\.com$/i.test(serverUrl)
  const apiUrl = env.GITHUB_API_URL || (isDotCom ? 'https://api.github.com' : `${serverUrl}/api/v3`)
  const ref = env.GITHUB_REF ?? ''
  // A pull request runs on refs/pull/N/merge; its branch is the head branch.
  const branch = ref.startsWith('refs/heads/')
    ? ref.slice('refs/heads/'.length)
    : env.GITHUB_HEAD_REF || undefined
  return {
    serverUrl,
    apiUrl,
    graphqlUrl:
      env.GITHUB_GRAPHQL_URL || (isDotCom ? `${apiUrl}/graphql` : `${serverUrl}/api/graphql`),
    repository: env.GITHUB_REPOSITORY ?? '',
    repositoryOwner: env.GITHUB_REPOSITORY_OWNER ?? '',
    sha: env.GITHUB_SHA ?? '',
    ...(branch === undefined ? {} : { branch }),
    act: env.ACT === 'true',
    // absolute: git runs with -C elsewhere and must find the files the stages name under it
    runnerTemp: path.resolve(env.RUNNER_TEMP || os.tmpdir()),
    workspace: path.resolve(env.GITHUB_WORKSPACE || process.cwd())
  }
}
