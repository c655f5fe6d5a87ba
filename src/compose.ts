import * as core from '@actions/core'
import { createEditEngine } from './edit/engine.js'
import type { HttpClient } from './lib/http-client.js'
import type { HttpClientOptions } from './lib/http.js'
import { systemClock } from './lib/clock.js'
import type { Runtime } from './lib/runtime.js'
import type { Logger } from './lib/logger.js'
import type { GitOpsRepository, Stages } from './pipeline/stages.js'
import type { Settings } from './settings/settings.js'

/** Registry answers the skip-unchanged lookup reads are manifests and config JSON only. */
const REGISTRY_BODY_LIMIT = 4 * 1024 * 1024

/**
 * The composition root: builds every real dependency of the stages once and binds it, so the
 * pipeline only passes options. Each stage's modules are imported on first use: a run that only
 * edits files (build: false, commit: false, no Argo CD) never loads the docker, git, GitHub or
 * Argo CD code.
 */
export function composeStages(settings: Settings, runtime: Runtime, logger: Logger): Stages {
  // The action's HTTP client, loaded on first use, always with the settings' proxy environment.
  const httpClient = async (options: Omit<HttpClientOptions, 'env'> = {}): Promise<HttpClient> => {
    const { createHttpClient } = await import('./lib/http.js')
    return createHttpClient({ env: settings.env, ...options })
  }
  // One client for the webhook and the API: `argocd-insecure` applies to Argo CD alone.
  const argoCdHttp = once(() =>
    httpClient({ insecure: (settings.argocd.api ?? settings.argocd.webhook)?.insecure ?? false })
  )
  const registryHttp = once(() => httpClient({ maxBodyBytes: REGISTRY_BODY_LIMIT }))
  // The publish stage's services, made once per run: the GitHub API's rate-limit budget is the
  // run's, whatever number of repositories it opens. Every GitHub API request goes through the
  // action's client.
  const publishServices = once(async () => {
    const { createPublishDeps, API_MAX_BODY_BYTES } = await import('./publish/publish.js')
    const http = await httpClient({ maxBodyBytes: API_MAX_BODY_BYTES })
    return createPublishDeps({ env: settings.env }, { logger, runtime, http })
  })
  return {
    logger,
    edits: createEditEngine(),
    checkBuildContexts: async (options) => {
      const { checkBuildContexts } = await import('./images/check-contexts.js')
      return checkBuildContexts(options)
    },
    buildImages: async (options) => {
      const [{ buildImages }, { createDocker }, { createProcessRunner }] = await Promise.all([
        import('./images/build-images.js'),
        import('./images/docker.js'),
        import('./lib/exec.js')
      ])
      const runner = createProcessRunner(runtime.secrets, settings.env)
      return buildImages(options, {
        docker: createDocker(runner),
        http: await registryHttp(),
        logger,
        runtime,
        clock: systemClock
      })
    },
    openRepository: async (options) => {
      const { openPublisher, publisherOnFirstUse } = await import('./publish/publish.js')
      const services = await publishServices()
      // Cloned on first use (a run that fails before it reads the repository clones nothing);
      // the message and title come with each commit.
      const publisher = publisherOnFirstUse(() =>
        openPublisher({ ...options, message: '', prTitle: '' }, services)
      )
      const repository: GitOpsRepository = {
        preview: (_text, compute, quiet) => publisher.preview(compute, quiet),
        // dry-run: the commit is computed and shown, never pushed.
        land: (text, compute) =>
          options.dryRun ? publisher.preview(compute) : publisher.land(text, compute),
        isDescendant: (ancestor, commit) => publisher.isDescendant(ancestor, commit),
        sourceAt: (revision) => publisher.sourceAt(revision),
        close: () => publisher.close()
      }
      return repository
    },
    notifyWebhook: async (options) => {
      const { notifyWebhook } = await import('./argocd/webhook.js')
      return notifyWebhook(options, { logger, clock: systemClock, http: await argoCdHttp() })
    },
    waitForApps: async (options, isDescendant) => {
      const { waitForApps } = await import('./argocd/wait.js')
      return waitForApps(options, {
        logger,
        clock: systemClock,
        http: await argoCdHttp(),
        isDescendant
      })
    },
    lookupImage: async (repository, tag, credentials) => {
      const { lookupImage } = await import('./images/registry-api.js')
      return lookupImage(await registryHttp(), repository, tag, {
        ...(credentials === undefined ? {} : { credentials })
      })
    },
    waitForGate: async (options, holdsCandidate) => {
      const { waitForGate } = await import('./promote/gate.js')
      // The source's Argo CD may be another server than the target's, with its own `insecure`.
      const http = await httpClient({ insecure: options.insecure })
      return waitForGate(options, {
        clock: systemClock,
        logger,
        holdsCandidate,
        http,
        nowMs: () => Date.now()
      })
    },
    measureSoak: async (options, holdsCandidate) => {
      const { measureSoak } = await import('./promote/soak-stage.js')
      return measureSoak(options, { holdsCandidate, nowMs: () => Date.now(), logger })
    },
    notice: (message) => {
      core.notice(message)
    }
  }
}

// A value made on first use and kept.
function once<T>(make: () => T): () => T {
  let value: { readonly made: T } | undefined
  return () => (value ??= { made: make() }).made
}
