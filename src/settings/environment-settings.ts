import type { ArgoCdSettings } from '../argocd/types.js'
import { resolveArgoCd, type ArgoCdInputs } from './argocd.js'
import type { Environment } from './environments.js'
import type { CommitSettings, EditSettings, EnvironmentSettings } from './settings.js'

/** What every environment starts from: the top-level settings it does not override. */
interface EnvironmentBase {
  /** The top-level edit settings (`pin-digest`, `create-missing`, the template values). */
  readonly edit: EditSettings
  /** The top-level commit settings; absent with `commit: false`. */
  readonly commit?: CommitSettings
  /** The top-level Argo CD inputs as read (webhook, sync, wait, timeout, insecure). */
  readonly argocd: ArgoCdInputs
  readonly warn: (message: string) => void
}

/**
 * One environment as each stage needs it: its files and paths in the edit settings (the
 * top-level `changes` are not part of an environment), its branch and `create-pr` in the commit
 * settings, and the Argo CD API over its own apps, server and token. An environment without
 * apps gets the webhook alone: there is nothing to sync or wait for.
 */
export function environmentSettings(env: Environment, base: EnvironmentBase): EnvironmentSettings {
  const edit: EditSettings = {
    valuesFiles: env.valuesFiles,
    valuesFileIsDefault: false,
    tagPath: env.tagPath ?? '',
    ...(env.repositoryPath === undefined ? {} : { repositoryPath: env.repositoryPath }),
    ...(env.digestPath === undefined ? {} : { digestPath: env.digestPath }),
    ...(env.refPath === undefined ? {} : { refPath: env.refPath }),
    kustomizations: env.kustomizations,
    manifests: env.manifests,
    pinDigest: base.edit.pinDigest,
    changes: '',
    createMissing: base.edit.createMissing,
    vars: base.edit.vars
  }
  const { commit } = base
  const publish = commit?.publish
  const branch = env.branch ?? publish?.branch
  const environmentCommit: CommitSettings | undefined =
    commit === undefined || publish === undefined
      ? undefined
      : {
          ...commit,
          publish: {
            ...publish,
            ...(branch === undefined ? {} : { branch }),
            createPr: env.createPr
          }
        }
  const withApps = env.apps.length > 0
  const inputs: ArgoCdInputs = {
    ...base.argocd,
    apps: env.apps,
    server: withApps ? env.server : undefined,
    token: withApps ? env.token : undefined,
    sync: withApps && base.argocd.sync,
    wait: withApps && base.argocd.wait
  }
  const argocd: ArgoCdSettings = resolveArgoCd(inputs, base.warn)
  return {
    environment: env,
    edit,
    ...(environmentCommit === undefined ? {} : { commit: environmentCommit }),
    argocd
  }
}
