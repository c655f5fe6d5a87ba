import { createHttpClient } from '../../../src/lib/http.js'
import type { HttpClient } from '../../../src/lib/http-client.js'
import { createFakeClock, type FakeClock } from '../../support/fake-clock.js'
import type { PublishOptions } from '../../../src/publish/publish.js'
import { createMemoryRuntime } from '../../support/memory-runtime.js'
import { liveProcessEnv } from '../../support/process-env.js'

/**
 * Publish options with the action's defaults; tests override what they exercise. git starts from
 * this process's environment unless `env` is given.
 */
export function publishOptions(
  over: Partial<PublishOptions> & Pick<PublishOptions, 'target' | 'workspace' | 'tempDir'>
): PublishOptions {
  return {
    message: 'chore(release): app 1.0 [skip ci]',
    authorName: 'github-actions[bot]',
    authorEmail: '41898282+github-actions[bot]@users.noreply.github.com',
    pushAttempts: 5,
    mode: 'git',
    createPr: false,
    prBranch: 'release/1.0',
    prTitle: 'chore(release): app 1.0 [skip ci]',
    prLabels: [],
    dryRun: false,
    env: liveProcessEnv,
    github: {
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      graphqlUrl: 'https://api.github.com/graphql'
    },
    ...over
  }
}

/**
 * Publish services without waiting: a fake clock and a runtime in memory recording masked
 * secrets and saved state (the caller adds compute and logger).
 */
export function fastDeps(): {
  clock: FakeClock
  runtime: ReturnType<typeof createMemoryRuntime>
  http: HttpClient
} {
  return { clock: createFakeClock(), runtime: createMemoryRuntime(), http: createHttpClient() }
}

/** The option fields of a run in the workspace checkout `workspace`, on the workflow branch main. */
export function inWorkspace(workspace: string, tempDir: string) {
  return {
    target: { kind: 'workspace' } as const,
    workspace,
    tempDir,
    workflowBranch: 'main'
  }
}
