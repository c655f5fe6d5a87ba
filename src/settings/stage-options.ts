import type { PushedCommit } from '../argocd/types.js'
import type { BuildOptions, CurrentImage } from '../images/build-images.js'
import { rfc3339 } from '../lib/clock.js'
import type { EditRequest, ImageTarget } from '../edit/types.js'
import type { PublishOptions, PublishResult } from '../publish/publish.js'
import type { Settings } from './settings.js'
import { renderTemplate } from '../lib/text.js'
import { parseOwnerName, type OwnerName } from '../lib/git-url.js'
import { targetOwnerName } from './repository.js'

/** What the edit engine needs: the images (with digests once built) and the edit inputs. */
export function editRequest(settings: Settings, images: readonly ImageTarget[]): EditRequest {
  return {
    images,
    valuesFiles: settings.valuesFiles,
    valuesFileIsDefault: settings.valuesFileIsDefault,
    tagPath: settings.tagPath,
    ...(settings.repositoryPath === undefined ? {} : { repositoryPath: settings.repositoryPath }),
    ...(settings.digestPath === undefined ? {} : { digestPath: settings.digestPath }),
    kustomizations: settings.kustomizations,
    manifests: settings.manifests,
    pinDigest: settings.pinDigest,
    changes: settings.changes,
    createMissing: settings.createMissing,
    vars: { tag: settings.tag, sha: settings.sha, shortSha: settings.shortSha }
  }
}

/** What the images stage needs; `current`: the tags the files hold now (for skip-unchanged). */
export function buildOptions(
  settings: Settings,
  current?: ReadonlyMap<string, CurrentImage>
): BuildOptions {
  const { serverUrl, repository } = settings.github
  return {
    images: settings.images,
    tag: settings.tag,
    workspace: settings.workspace,
    registry: settings.registry,
    ...(settings.username === undefined ? {} : { username: settings.username }),
    ...(settings.password === undefined ? {} : { password: settings.password }),
    ...(settings.platforms === undefined ? {} : { platforms: settings.platforms }),
    buildArgs: settings.buildArgs,
    ...(settings.cacheFrom === undefined ? {} : { cacheFrom: settings.cacheFrom }),
    ...(settings.cacheTo === undefined ? {} : { cacheTo: settings.cacheTo }),
    ...(settings.builder === undefined ? {} : { builder: settings.builder }),
    maxParallel: settings.maxParallel,
    push: !settings.dryRun,
    act: settings.github.act,
    revision: settings.sha,
    sourceUrl: repository === '' ? '' : `${serverUrl}/${repository}`,
    created: rfc3339(),
    skipUnchanged: settings.skipUnchanged,
    tempDir: settings.github.runnerTemp,
    env: settings.processEnv,
    ...(current === undefined ? {} : { current })
  }
}

/**
 * A commit message with `{names}`, `{tag}`, `{sha}`, `{short-sha}` filled in: the `message`
 * input's, or another template (the rollback's).
 */
export function commitMessage(
  settings: Settings,
  images: readonly ImageTarget[],
  template: string = settings.message
): string {
  return renderTemplate(template, {
    names: images.map((image) => image.name).join(', ') || 'changes',
    tag: settings.tag,
    sha: settings.sha
  })
}

/** What the publish stage needs; `message` is the rendered commit message. */
export function publishOptions(settings: Settings, message: string): PublishOptions {
  const repository = githubRepository(settings)
  return {
    workspace: settings.workspace,
    target: settings.target,
    ...(settings.branch === undefined ? {} : { branch: settings.branch }),
    ...(settings.github.branch === undefined ? {} : { workflowBranch: settings.github.branch }),
    ...(settings.token === undefined ? {} : { token: settings.token }),
    message,
    authorName: settings.authorName,
    authorEmail: settings.authorEmail,
    pushAttempts: settings.pushAttempts,
    mode: settings.commitMode,
    createPr: settings.createPr,
    prBranch: `release/${settings.tag}`,
    prTitle: settings.prTitle ?? message.split('\n')[0] ?? message,
    prLabels: settings.prLabels,
    dryRun: settings.dryRun,
    tempDir: settings.github.runnerTemp,
    env: settings.processEnv,
    github: {
      serverUrl: settings.github.serverUrl,
      apiUrl: settings.github.apiUrl,
      graphqlUrl: settings.github.graphqlUrl,
      ...(repository === undefined ? {} : { repository })
    }
  }
}

/** OWNER/NAME of the commit target when it is a repository on this GitHub server. */
export function githubRepository(settings: Settings): OwnerName | undefined {
  return targetOwnerName(settings.target, settings.github.repository, settings.github.serverUrl)
}

/** The pushed commit as the Argo CD stage describes it in the webhook; `message` as committed. */
export function pushedCommit(
  settings: Settings,
  published: PublishResult,
  message: string
): PushedCommit {
  const onServer =
    settings.target.kind === 'workspace' && parseOwnerName(settings.github.repository) !== undefined
  return {
    repoUrl:
      settings.argocd.repoUrl ??
      (onServer
        ? `${settings.github.serverUrl}/${settings.github.repository}`
        : published.remoteUrl),
    branch: published.branch,
    defaultBranch: published.defaultBranch,
    before: published.before,
    after: published.commitSha,
    files: published.files,
    message,
    authorName: settings.authorName,
    authorEmail: settings.authorEmail
  }
}
