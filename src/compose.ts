import { createEditEngine } from './edit/engine.js'
import type { HttpClient } from './lib/http.js'
import { systemClock } from './lib/clock.js'
import type { Runtime } from './lib/runtime.js'
import type { Logger } from './logger.js'
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
  // One client for the webhook and the API: `argocd-insecure` applies to Argo CD alone.
  const argoCdHttp = once(async (): Promise<HttpClient> => {
    const { createHttpClient } = await import('./lib/http.js')
    const { webhook, api } = settings.argocd
    return createHttpClient({ env: settings.env, insecure: (api ?? webhook)?.insecure ?? false })
  })
  return {
    logger,
    edits: createEditEngine(),
    checkBuildContexts: async (options) => {
      const { checkBuildContexts } = await import('./images/check-contexts.js')
      return checkBuildContexts(options)
    },
    buildImages: async (options) => {
      const [{ buildImages }, { createDocker }, { createProcessRunner }, { createHttpClient }] =
        await Promise.all([
          import('./images/build-images.js'),
          import('./images/docker.js'),
          import('./lib/exec.js'),
          import('./lib/http.js')
        ])
      const runner = createProcessRunner(runtime.secrets, settings.env)
      return buildImages(options, {
        docker: createDocker(runner),

        http: createHttpClient({ env: settings.env, maxBodyBytes: REGISTRY_BODY_LIMIT }),
        logger,
        runtime,
        clock: systemClock
      })
    },
    openRepository: async (options) => {
      const [{ publish }, { createDescendantCheck }] = await Promise.all([
        import('./publish/publish.js'),
        import('./publish/descendant.js')
      ])
      let ancestry: ReturnType<typeof createDescendantCheck> | undefined
      const repository: GitOpsRepository = {
        preview: (text, compute, quiet) =>
          publish({ ...options, ...text, dryRun: true }, { logger: quiet, runtime, compute }),
        land: (text, compute) => publish({ ...options, ...text }, { logger, runtime, compute }),
        isDescendant: async (ancestor, commit) => {
          ancestry ??= createDescendantCheck(
            { ...options, message: '', prTitle: '' },
            {
              logger,
              runtime
            }
          )
          return (await ancestry).isDescendant(ancestor, commit)
        },
        close: async () => {
          if (ancestry !== undefined) await (await ancestry).close()
        }
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
    }
  }
}

// A value made on first use and kept.
function once<T>(make: () => T): () => T {
  let value: { readonly made: T } | undefined
  return () => (value ??= { made: make() }).made
}
