import type { FileEdit, FileSource } from '../edit/types.js'
import type { Clock } from '../lib/clock.js'
import type { ProcessRunner } from '../lib/exec.js'
import type { Runtime } from '../lib/runtime.js'
import type { Logger } from '../lib/logger.js'
import type { NetworkLimits } from './git/env.js'
import type { HttpClient } from '../lib/http-client.js'
import type { GitHubApi, GitHubTransport, GitHubUrls } from './github/api.js'
import type { RateLimitBudget, RateLimitOptions } from './github/rate-limit.js'
import type { OwnerName } from '../lib/git-url.js'

/** Where and how to land the commit (inputs of "Where to commit", already parsed). */
export interface PublishOptions {
  /** GITHUB_WORKSPACE */
  readonly workspace: string
  /** The workspace checkout (pushing to its origin), or a separate repository by URL or path. */
  readonly target:
    { readonly kind: 'workspace' } | { readonly kind: 'remote'; readonly url: string }
  /**
   * Branch to commit to; default: workflowBranch for the workspace (an error when the run is not
   * on a branch) or the remote's default branch.
   */
  readonly branch?: string
  /** The workflow's branch: GITHUB_REF's refs/heads/*, or GITHUB_HEAD_REF in a pull request. */
  readonly workflowBranch?: string
  /** May be empty (act, file:// remotes). */
  readonly token?: string
  /** Commit message, already rendered. */
  readonly message: string
  readonly authorName: string
  readonly authorEmail: string
  readonly pushAttempts: number
  readonly mode: 'git' | 'api'
  readonly createPr: boolean
  readonly prBranch: string
  readonly prTitle: string
  readonly prLabels: readonly string[]
  /**
   * Read the branch tip, compute the edits and the diff, push nothing. Every check that does not
   * need a push still runs (create-pr and commit-mode api need the GitHub server and a token), so
   * a dry run also serves as the preflight before images are built. The workspace's work tree,
   * index and refs are left alone, except the fetched `refs/remotes/origin/BRANCH`.
   */
  readonly dryRun: boolean
  /** RUNNER_TEMP */
  readonly tempDir: string
  /**
   * The environment git starts from (the settings' copy of the runner's environment); the
   * GIT_CONFIG_* entries of the run go after the ones it already holds.
   */
  readonly env: Readonly<Record<string, string>>
  readonly github: {
    readonly serverUrl: string
    readonly apiUrl: string
    readonly graphqlUrl: string
    /** The target repository on the GitHub server, when known. */
    readonly repository?: OwnerName
  }
}

/** Computes the edits against the files of one repository state (called once per attempt). */
export type ComputeChanges = (source: FileSource) => Promise<FileEdit[]>

/** What landed. */
export interface PublishResult {
  /**
   * True when a commit landed (dry run: when the edits change any file). False when the branch,
   * or with createPr the pull request branch on the current tip, already has the change.
   */
  readonly changed: boolean
  /** The commit that landed; empty when none (nothing to change, dry run). */
  readonly commitSha: string
  /** Web URL of the commit on the GitHub server; empty elsewhere. */
  readonly commitUrl: string
  /** The branch that received (or already holds) the commit: the pull request branch with createPr. */
  readonly branch: string
  /** The tip our commit was built on (its parent). */
  readonly before: string
  /** The repository's default branch; empty in a dry run when it was not needed. */
  readonly defaultBranch: string
  /** The repository URL, without credentials. */
  readonly remoteUrl: string
  /** Paths whose content changed. */
  readonly files: readonly string[]
  /** The edits as computed against the final tip. */
  readonly edits: readonly FileEdit[]
  /** Unified diff of the changed files. */
  readonly diff: string
  readonly prNumber?: number
  readonly prUrl?: string
  /**
   * What happened to the pull request (createPr): `created` (opened now), `updated` (a new
   * commit on the already open pull request's branch), `unchanged` (its branch already held this
   * change; title and body are refreshed); '' without a pull request.
   */
  readonly prOperation: PullRequestOperation
  /** The pull request branch's head commit after this run; '' without a pull request. */
  readonly prHeadSha: string
}

/** See PublishResult.prOperation. */
export type PullRequestOperation = 'created' | 'updated' | 'unchanged' | ''

/** The runner services publish uses: masking (read back by the command-line guard) and state. */
export type PublishRuntime = Pick<Runtime, 'setSecret' | 'secrets' | 'saveState'>

/** Makes the GitHub API client for a token (replaceable in tests). */
type GitHubApiFactory = (
  token: string,
  urls: GitHubUrls,
  limits: RateLimitOptions,
  transport: GitHubTransport
) => GitHubApi

/**
 * What the stage needs besides its options, for publish and the Publisher alike. The
 * optional ones default to the real thing (see createPublishDeps in publish.ts).
 */
export interface PublishServices {
  readonly logger: Logger
  readonly runtime: PublishRuntime
  /**
   * Runs git; the default starts from the options' `env` without GIT_DIR and friends, and refuses
   * a command line holding a masked secret.
   */
  readonly runner?: ProcessRunner
  /** Time for rate-limit waits and back-off. */
  readonly clock?: Clock
  readonly createGitHubApi?: GitHubApiFactory
  /** How long git may wait on a silent remote before the attempt counts as unreachable. */
  readonly networkLimits?: NetworkLimits
  /** The action's HTTP client: every GitHub API request goes through it. */
  readonly http: HttpClient
  /** The run's rate-limit waiting time, shared by every GitHub API client of the run. */
  readonly rateLimitBudget?: RateLimitBudget
}

/**
 * The publish stage's deps: the services as the composition root made them (createPublishDeps)
 * and how to compute the edits on a tree.
 */
export type PublishDeps = ResolvedServices & { readonly compute: ComputeChanges }

/**
 * PublishServices with every default filled in (what the strategies receive); masking through
 * this runtime also reaches the default runner's guard.
 */
export type ResolvedServices = Required<Omit<PublishServices, 'runtime'>> & {
  readonly runtime: Pick<Runtime, 'setSecret' | 'saveState'> & {
    /** Every masked value, the ones masked through this runtime included. */
    readonly secrets: Iterable<string>
  }
}

/** Prefix of every folder the stage creates under RUNNER_TEMP. */
export const TEMP_PREFIX = 'gitops-release-'
