import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parse } from 'yaml'
import { dockerEnvOrWarn } from '../support/docker-env.js'
import { git } from '../support/git-fixtures.js'
import {
  createDockerConfig,
  hasBuildx,
  pushBaseImage,
  registryDigest,
  removeLocalImages,
  uniqueSuffix
} from '../support/registry.js'
import { runAction, type ActionRun } from '../support/run-action.js'
import {
  createTutorialRepo,
  onlyTagsChanged,
  showFile,
  snapshotFiles,
  tutorialFiles,
  type TutorialRepo
} from '../support/tutorial-repo.js'

// The tutorial scenario through dist/index.js, as the runner runs it, on a real Docker engine and
// registry: build both services, push them, bump helm/values.yaml, commit and push to origin.
const found = await dockerEnvOrWarn('the end-to-end build tests of dist/index.js')
const describeDocker = found ? describe : describe.skip

const NAMES = ['backend', 'frontend'] as const

interface ImageOutput {
  name: string
  repository: string
  tag: string
  digest: string
  ref: string
  built: boolean
}

describeDocker('dist/index.js builds, pushes and commits the tutorial app', () => {
  const env = found!
  const stamp = uniqueSuffix()
  const builtRefs: string[] = []
  let dir = ''
  let dockerConfig = ''
  let base = ''
  let buildx = false

  // A short-SHA-like tag, new for every test run (it may need quoting in YAML, like 1276e23).
  const newTag = (): string => randomBytes(4).toString('hex').slice(0, 7)

  const repoFor = async (name: string, frontendDockerfile: string): Promise<TutorialRepo> =>
    createTutorialRepo(path.join(dir, name), await tutorialFiles(stamp, frontendDockerfile))

  const release = async (
    repo: TutorialRepo,
    inputs: Record<string, string>,
    extraEnv: Record<string, string> = {}
  ): Promise<ActionRun> => {
    const run = await runAction({
      workspace: repo.workspace,
      inputs: { images: NAMES.join('\n'), namespace: 'tutorial', token: '', ...inputs },
      env: {
        DOCKER_HOST: env.dockerHost,
        DOCKER_CONFIG: dockerConfig,
        GITHUB_SHA: git(repo.workspace, 'rev-parse', 'HEAD'),
        ...extraEnv
      },
      timeoutMs: 60_000
    })
    for (const name of NAMES)
      builtRefs.push(`${inputs.registry ?? ''}/tutorial/${name}:${inputs.tag ?? ''}`)
    return run
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gitops-build-release-'))
    dockerConfig = await createDockerConfig()
    buildx = hasBuildx(env, { DOCKER_CONFIG: dockerConfig })
    console.info(`dist/index.js builds with the ${buildx ? 'buildx' : 'classic'} builder`)
    base = await pushBaseImage(env, env.registry, 'gitops-test/tutorial-base')
  })

  afterAll(async () => {
    removeLocalImages(env, [...builtRefs, base], base)
    await rm(dir, { recursive: true, force: true })
    await rm(dockerConfig, { recursive: true, force: true })
  })

  it('builds both images, pushes them, and commits their tags to origin', async () => {
    const repo = await repoFor(
      'release',
      `FROM ${base}\nRUN echo "frontend ${stamp}" > /www.txt && cat /www.txt\n`
    )
    const tag = newTag()
    const run = await release(repo, { registry: env.registry, tag })
    expect(run.stdout).not.toMatch(/::error/)
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)

    // Each digest in `images` is the one the registry serves for the tag.
    const images = JSON.parse(run.outputs.images ?? '[]') as ImageOutput[]
    expect(images.map((image) => image.name)).toEqual([...NAMES])
    for (const image of images) {
      const repository = `${env.registry}/tutorial/${image.name}`
      expect(image).toEqual({
        name: image.name,
        repository,
        tag,
        digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        ref: `${repository}:${tag}`,
        built: true
      })
      expect(await registryDigest(env.registry, `tutorial/${image.name}`, tag)).toBe(image.digest)
      expect(run.summary).toContain(image.digest)
    }
    expect(images[0]?.digest).not.toBe(images[1]?.digest)
    // The RUN step of the frontend ran in this build (its output is in the log).
    expect(run.stdout).toContain(`frontend ${stamp}`)

    // One new commit on origin's main, changing only the two tags of helm/values.yaml.
    const head = git(repo.remote, 'rev-parse', 'main')
    expect(run.outputs['commit-sha']).toBe(head)
    expect(run.outputs.changed).toBe('true')
    expect(run.outputs.tag).toBe(tag)
    expect(run.outputs['commit-url']).toBe('') // origin is a local path, not on GitHub
    expect(git(repo.remote, 'rev-list', '--parents', '-n', '1', 'main')).toBe(
      `${head} ${repo.before}`
    )
    expect(git(repo.remote, 'diff', '--name-only', repo.before, 'main')).toBe('helm/values.yaml')
    expect(git(repo.remote, 'log', '-1', '--format=%an <%ae>%n%s', 'main')).toBe(
      `github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\n` +
        `chore(release): backend, frontend ${tag} [skip ci]`
    )
    const committed = showFile(repo.remote, 'main', 'helm/values.yaml')
    const check = onlyTagsChanged(repo.values, committed, NAMES, tag)
    expect(check.changedLines).toEqual([
      expect.stringMatching(/^tag: latest -> tag: /),
      expect.stringMatching(/^tag: '1276e23' -> tag: /)
    ])
    expect(check.actual).toEqual(check.expected)
    expect(run.outputs.diff).toContain('+++ b/helm/values.yaml')
    // The workspace holds the committed file too, for later steps.
    expect(await readFile(path.join(repo.workspace, 'helm', 'values.yaml'), 'utf8')).toBe(committed)
  })

  it('skip-unchanged: a re-run changes nothing; a backend change rebuilds only the backend', async () => {
    const repo = await repoFor(
      'skip',
      `FROM ${base}\nRUN echo "frontend ${stamp} skip" > /www.txt && cat /www.txt\n`
    )
    const first = newTag()
    const run1 = await release(repo, {
      registry: env.registry,
      tag: first,
      'skip-unchanged': 'true'
    })
    expect(run1.exitCode).toBe(0)
    expect(run1.stdout).not.toMatch(/::error/)
    const afterFirst = git(repo.remote, 'rev-parse', 'main')
    expect(run1.outputs['commit-sha']).toBe(afterFirst)
    for (const name of NAMES) {
      expect(await registryDigest(env.registry, `tutorial/${name}`, first)).toMatch(/^sha256:/)
    }

    // A re-run (here even with another tag): nothing built, pushed, edited or committed.
    const second = newTag()
    const run2 = await release(repo, {
      registry: env.registry,
      tag: second,
      'skip-unchanged': 'true'
    })
    expect(run2.exitCode).toBe(0)
    expect(run2.stdout).not.toMatch(/::error|::warning/)
    expect(run2.stdout).toContain('Nothing to build: every image is unchanged (2 reused).')
    expect(run2.stdout).not.toMatch(/^::group::Build (backend|frontend) /m)
    expect(run2.summary).toContain(
      'Nothing was built: the build inputs of every image are unchanged'
    )
    expect(run2.outputs.changed).toBe('false')
    expect(run2.outputs['commit-sha']).toBe('')
    expect(git(repo.remote, 'rev-parse', 'main')).toBe(afterFirst)
    for (const name of NAMES) {
      expect(await registryDigest(env.registry, `tutorial/${name}`, second)).toBeUndefined()
    }

    // A change in backend/ only (uncommitted, as an earlier step would leave it).
    await writeFile(path.join(repo.workspace, 'backend', 'app.txt'), `backend ${stamp} v2\n`)
    const third = newTag()
    const run3 = await release(repo, {
      registry: env.registry,
      tag: third,
      'skip-unchanged': 'true'
    })
    expect(run3.exitCode).toBe(0)
    expect(run3.stdout).toMatch(/^::group::Build backend /m)
    expect(run3.stdout).not.toMatch(/^::group::Build frontend /m)
    expect(await registryDigest(env.registry, 'tutorial/backend', third)).toMatch(/^sha256:/)
    expect(await registryDigest(env.registry, 'tutorial/frontend', third)).toBeUndefined()
    const values = parse(showFile(repo.remote, 'main', 'helm/values.yaml')) as Record<
      string,
      { tag: unknown }
    >
    expect(String(values.backend?.tag)).toBe(third)
    expect(String(values.frontend?.tag)).toBe(first)
  })

  it('fails on a broken Dockerfile: names the image, commits and edits nothing', async () => {
    const repo = await repoFor('broken', `FROM ${base}\nRUN echo "frontend is broken" && exit 3\n`)
    const files = await snapshotFiles(repo.workspace)
    const status = git(repo.workspace, 'status', '--porcelain')
    const tag = newTag()
    const run = await release(repo, { registry: env.registry, tag })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/^::error::1 of 2 images failed to build: frontend%0A/m)
    expect(run.stdout).toContain('frontend is broken')
    // Outputs are still written on failure: nothing landed.
    expect(run.outputs['commit-sha']).toBe('')
    expect(run.outputs.changed).toBe('false')
    expect(git(repo.remote, 'rev-parse', 'main')).toBe(repo.before)
    expect(await snapshotFiles(repo.workspace)).toEqual(files)
    expect(git(repo.workspace, 'status', '--porcelain')).toBe(status)
    expect(await registryDigest(env.registry, 'tutorial/frontend', tag)).toBeUndefined()
    // The classic builder pushes only when every build succeeded (buildx pushes as it builds).
    const backend = await registryDigest(env.registry, 'tutorial/backend', tag)
    expect(buildx || backend === undefined).toBe(true)
  })

  describe('with a registry that needs a password', () => {
    // (describe bodies run even when skipped: nothing here may read `env` before a test runs)
    const secretsOf = (pass: string): string[] => [
      pass,
      Buffer.from(`${env.user}:${pass}`).toString('base64')
    ]
    const debug = { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' }
    // The runner consumes `::add-mask::` lines and shows them to no one.
    const visible = (run: ActionRun): string =>
      `${run.stdout.replace(/^::add-mask::.*$/gm, '')}\n${run.stderr}`
    const dockerConfigJson = (): Promise<string> =>
      readFile(path.join(dockerConfig, 'config.json'), 'utf8').catch(() => '')

    it('logs in, pushes, never shows the password, and the post step logs out', async () => {
      const repo = await repoFor('auth', `FROM ${base}\nRUN echo "frontend ${stamp}" > /www.txt\n`)
      const auth = { user: env.user, pass: env.pass }
      const secrets = secretsOf(env.pass)
      const tag = newTag()
      const inputs = {
        registry: env.authRegistry,
        tag,
        username: env.user,
        password: env.pass
      }
      const run = await release(repo, inputs, debug)
      expect(run.stdout).not.toMatch(/::error/)
      expect(run.exitCode).toBe(0)
      // The debug lines (shown by the runner with debug logging on) are checked too.
      expect(run.stdout).toContain('::debug::')
      expect(run.stdout).toContain(`::add-mask::${env.pass}\n`)
      for (const secret of secrets) expect(visible(run)).not.toContain(secret)

      const images = JSON.parse(run.outputs.images ?? '[]') as ImageOutput[]
      expect(images).toHaveLength(2)
      for (const image of images) {
        expect(image.repository).toBe(`${env.authRegistry}/tutorial/${image.name}`)
        expect(await registryDigest(env.authRegistry, `tutorial/${image.name}`, tag, auth)).toBe(
          image.digest
        )
      }
      expect(run.outputs['commit-sha']).toBe(git(repo.remote, 'rev-parse', 'main'))
      for (const output of Object.values(run.outputs)) {
        for (const secret of secrets) expect(output).not.toContain(secret)
      }
      expect(run.summary).not.toContain(env.pass)
      expect(await dockerConfigJson()).toContain(env.authRegistry)

      const post = await runAction({
        workspace: repo.workspace,
        inputs,
        env: { DOCKER_HOST: env.dockerHost, DOCKER_CONFIG: dockerConfig, ...debug },
        postState: run.state,
        timeoutMs: 30_000
      })
      expect(post.exitCode).toBe(0)
      expect(post.stdout).toContain(`Logged out of ${env.authRegistry}`)
      for (const secret of secrets) expect(visible(post)).not.toContain(secret)
      const config = await dockerConfigJson()
      expect(config).not.toContain(env.authRegistry)
      for (const secret of secrets) expect(config).not.toContain(secret)
    })

    it('refuses a wrong password clearly, builds nothing and commits nothing', async () => {
      const repo = await repoFor('wrong', `FROM ${base}\nRUN true\n`)
      const wrong = `wrong-${uniqueSuffix()}`
      const run = await release(
        repo,
        { registry: env.authRegistry, tag: newTag(), username: env.user, password: wrong },
        debug
      )
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(
        new RegExp(
          `^::error::docker login to ${env.authRegistry.replace(/\./g, '\\.')} as '${env.user}' failed`,
          'm'
        )
      )
      for (const secret of secretsOf(wrong)) expect(visible(run)).not.toContain(secret)
      expect(run.stdout).not.toMatch(/^::group::Build (backend|frontend) /m)
      expect(git(repo.remote, 'rev-parse', 'main')).toBe(repo.before)
      expect(await dockerConfigJson()).not.toContain(env.authRegistry)
    })
  })
})
