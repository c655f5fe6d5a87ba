import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parse } from 'yaml'
import { composeStages } from '../src/compose.js'
import { createMemoryLogger } from '../src/lib/logger.js'
import { run } from '../src/main.js'
import { startArgoCdByRevision, type ArgoCdByRevision } from './support/argocd-by-revision.js'
import { dockerEnvOrWarn } from './support/docker-env.js'
import { checkoutWorkspace, createRemote, git } from './support/git-fixtures.js'
import { createMemoryRuntime } from './support/memory-runtime.js'
import {
  createDockerConfig,
  registryDigest,
  removeLocalImages,
  uniqueSuffix
} from './support/registry.js'
import { startFakeGitHub, type FakeGitHub } from './publish/helpers/fake-github.js'

// The workflows of examples/promotion/ (the ones docs/promotion.md shows) run job by job
// through the action itself: each step's `with:` is the run's inputs, its `${{ … }}`
// expressions replaced by test values. Against a bare git repository seeded with the example's
// envs/, the registry of .ci/services.sh (the release job really builds and pushes both
// images), a fake Argo CD whose apps follow the tip of main with a history, and a fake GitHub
// for prod's pull request.
const found = await dockerEnvOrWarn('the promotion example test')
const describeDocker = found ? describe : describe.skip

const ARGOCD_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl'
const GITHUB_TOKEN = 'ghs_FakeGitHubToken0123456789'
const example = new URL('../examples/promotion/', import.meta.url)
const IMAGES = ['backend', 'frontend'] as const

interface Workflow {
  readonly env?: Readonly<Record<string, string>>
  readonly jobs: Readonly<
    Record<string, { readonly steps: readonly { readonly with?: Record<string, unknown> }[] }>
  >
}

function readWorkflow(file: string): Workflow {
  return parse(readFileSync(new URL(file, example), 'utf8')) as Workflow
}

/** The `with:` of the job's gitops-release step, every `${{ … }}` replaced from `values`. */
function jobInputs(
  workflow: Workflow,
  job: string,
  values: Readonly<Record<string, string>>
): Record<string, string> {
  const steps = workflow.jobs[job]?.steps ?? []
  const step = steps.find((candidate) => candidate.with !== undefined)
  if (step?.with === undefined) throw new Error(`no step with inputs in job ${job}`)
  return Object.fromEntries(
    Object.entries(step.with).map(([name, value]) => {
      const replaced = String(value).replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression) => {
        const given = values[expression as string]
        if (given === undefined) throw new Error(`no test value for \${{ ${expression} }}`)
        return given
      })
      return [name, replaced]
    })
  )
}

describeDocker('examples/promotion run through the action', () => {
  const env = found!
  const namespace = `example-${uniqueSuffix()}`
  const stamp = uniqueSuffix()
  let dir = ''
  let bare = ''
  let dockerConfig = ''
  let argocd: ArgoCdByRevision
  let github: FakeGitHub
  const original: Record<string, string> = {}
  const builtRefs: string[] = []

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gitops-example-'))
    dockerConfig = await createDockerConfig()
    const files: Record<string, string> = {}
    for (const name of readdirSync(new URL('envs/', example))) {
      const file = `envs/${name}/values.yaml`
      // The example's images live on Docker Hub; here they live in the test registry.
      original[name] = readFileSync(new URL(file, example), 'utf8').replaceAll(
        'docker.io/acme/',
        `${env.registry}/${namespace}/`
      )
      files[file] = original[name]
    }
    for (const image of IMAGES) {
      files[`${image}/Dockerfile`] = 'FROM scratch\nCOPY hello.txt /hello.txt\n'
      files[`${image}/hello.txt`] = `${image} ${stamp}\n`
    }
    // The fake GitHub serves the repository at ROOT/OWNER/NAME.git.
    bare = createRemote(files, path.join(dir, 'acme', 'gitops.git')).bare
    github = await startFakeGitHub(dir, 'acme', 'gitops', GITHUB_TOKEN)
    // Every app has run whatever the tip of main holds for two days (longer than any soak).
    const deployedAt = new Date(Date.now() - 2 * 86400_000)
    argocd = await startArgoCdByRevision({
      token: ARGOCD_TOKEN,
      revision: () => git(bare, 'rev-parse', 'main'),
      apps: ['dev', 'staging', 'prod'].map((name) => ({
        name: `guestbook-${name}`,
        frameAt: (revision) => ({
          sync: 'Synced',
          health: 'Healthy',
          phase: 'Succeeded',
          history: [{ revision, deployedAt }]
        })
      }))
    })
  })

  afterAll(async () => {
    removeLocalImages(env, builtRefs)
    await argocd.close()
    await github.close()
    await rm(dockerConfig, { recursive: true, force: true })
    await rm(dir, { recursive: true, force: true })
  })

  /** Runs one job of `file` in a fresh checkout of main; its outputs. */
  async function runJob(file: string, job: string, workspace: string) {
    const workflow = readWorkflow(file)
    const inputs = jobInputs(workflow, job, {
      'env.ENVIRONMENTS': workflow.env?.ENVIRONMENTS ?? '',
      // The test registry takes no credentials.
      'vars.DOCKERHUB_USER': '',
      'secrets.DOCKERHUB_TOKEN': '',
      'secrets.ARGOCD_TOKEN': ARGOCD_TOKEN
    })
    const runtime = createMemoryRuntime({
      ...inputs,
      // The example's Argo CD and registry, made the test's.
      'argocd-server': argocd.url,
      registry: env.registry,
      namespace,
      'argocd-timeout': '30',
      token: GITHUB_TOKEN
    })
    const workdir = path.join(dir, workspace)
    const sha = checkoutWorkspace(bare, workdir)
    const failures: unknown[] = []
    await run({
      runtime,
      logger: createMemoryLogger(),
      env: {
        GITHUB_WORKSPACE: workdir,
        GITHUB_SHA: sha,
        GITHUB_REPOSITORY: 'acme/gitops',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SERVER_URL: github.serverUrl,
        GITHUB_API_URL: github.apiUrl,
        GITHUB_GRAPHQL_URL: github.graphqlUrl,
        RUNNER_TEMP: dir,
        DOCKER_HOST: env.dockerHost,
        DOCKER_CONFIG: dockerConfig,
        HOME: process.env.HOME ?? dir,
        PATH: process.env.PATH ?? ''
      },
      compose: composeStages,
      fail: (error) => failures.push(error)
    })
    expect(failures).toEqual([])
    return { outputs: runtime.outputs, sha }
  }

  const onMain = (name: string, ref = 'main'): string =>
    git(bare, 'show', `${ref}:envs/${name}/values.yaml`)

  /** `text` (an environment's seeded file) holding `tag` and `digests` instead of the example's. */
  function holding(text: string, tag: string, digests: Readonly<Record<string, string>>): string {
    let result = text
    for (const image of IMAGES) {
      const block = new RegExp(
        `(${image}:\\n  image:\\n[^\\n]*\\n)    tag: "[^"]*"\\n    digest: "[^"]*"`
      )
      // Each image's block must be there, or the expectation would keep the seeded values.
      expect(result).toMatch(block)
      result = result.replace(block, `$1    tag: "${tag}"\n    digest: "${digests[image] ?? ''}"`)
    }
    return result.trimEnd()
  }

  it('releases into dev, promotes dev to staging, then staging to prod through a pull request', async () => {
    // release: builds both images, pushes them, writes their tag and digest into dev.
    const release = await runJob('release.yml', 'release', 'ws-release')
    const tag = release.outputs.tag ?? ''
    expect(tag).not.toBe('')
    const digests: Record<string, string> = {}
    for (const image of IMAGES) {
      builtRefs.push(`${env.registry}/${namespace}/${image}:${tag}`)
      digests[image] = (await registryDigest(env.registry, `${namespace}/${image}`, tag)) ?? ''
      expect(digests[image]).toMatch(/^sha256:/)
    }
    const released = git(bare, 'rev-parse', 'main')
    expect(release.outputs).toMatchObject({
      changed: 'true',
      'commit-sha': released,
      // argocd-wait: dev's app, following the tip, is seen at the release's commit.
      'argocd-revision': released,
      'argocd-health-status': 'Healthy'
    })
    expect(JSON.parse(release.outputs.images ?? '[]')).toEqual(
      IMAGES.map((name) =>
        expect.objectContaining({ name, tag, digest: digests[name], built: true })
      )
    )
    expect(onMain('dev')).toBe(holding(original.dev ?? '', tag, digests))
    expect(onMain('staging')).toBe((original.staging ?? '').trimEnd())
    expect(onMain('prod')).toBe((original.prod ?? '').trimEnd())

    // staging: dev is Synced and Healthy at the release's commit; staging gets the same images.
    const staging = await runJob('release.yml', 'staging', 'ws-staging')
    const promoted = git(bare, 'rev-parse', 'main')
    expect(promoted).not.toBe(released)
    expect(staging.outputs).toMatchObject({
      promoted: 'true',
      changed: 'true',
      'promoted-from': 'dev',
      'promoted-to': 'staging',
      'source-revision': released,
      'commit-sha': promoted,
      'argocd-revision': promoted,
      'argocd-health-status': 'Healthy'
    })
    expect(JSON.parse(staging.outputs.images ?? '[]')).toEqual(
      IMAGES.map((name) => expect.objectContaining({ name, tag, digest: digests[name] }))
    )
    expect(git(bare, 'log', '-1', '--format=%b', 'main').trim()).toBe(
      `Promoted-from: dev@${released}`
    )
    expect(onMain('staging')).toBe(holding(original.staging ?? '', tag, digests))
    expect(onMain('prod')).toBe((original.prod ?? '').trimEnd())

    // prod: create-pr, so the change waits on a branch for its review; main keeps the old prod.
    const prod = await runJob('release.yml', 'prod', 'ws-prod')
    expect(git(bare, 'rev-parse', 'main')).toBe(promoted)
    expect(prod.outputs).toMatchObject({
      promoted: 'true',
      'promoted-from': 'staging',
      'promoted-to': 'prod',
      'source-revision': promoted,
      'pr-operation': 'created',
      // A pull request is not announced to Argo CD: prod's app has nothing new to run yet.
      'argocd-revision': ''
    })
    expect(github.pulls).toHaveLength(1)
    const [pull] = github.pulls
    expect(pull).toMatchObject({ base: 'main', state: 'open' })
    expect(pull?.head).toMatch(/^promote\/prod\/[0-9a-f]{12}$/)
    expect(prod.outputs['pr-number']).toBe(String(pull?.number))
    expect(onMain('prod')).toBe((original.prod ?? '').trimEnd())
    const head = `refs/heads/${pull?.head ?? ''}`
    expect(prod.outputs['pr-head-sha']).toBe(git(bare, 'rev-parse', head))
    expect(git(bare, 'log', '-1', '--format=%s', head)).toBe(
      `chore(promote): backend:${tag}, frontend:${tag} to prod [skip ci]`
    )
    expect(git(bare, 'log', '-1', '--format=%b', head).split('\n')).toContain(
      `Promoted-from: staging@${promoted}`
    )
    expect(onMain('prod', head)).toBe(holding(original.prod ?? '', tag, digests))

    // The scheduled variant, a day of soak later: staging has soaked, and the pull request that
    // the prod job opened is found again rather than opened twice.
    const scheduled = await runJob('promote-prod.yml', 'prod', 'ws-scheduled')
    expect(scheduled.outputs).toMatchObject({
      'promoted-from': 'staging',
      'promoted-to': 'prod',
      'source-revision': promoted,
      'soak-remaining': '0',
      promoted: 'false',
      changed: 'false',
      'pr-number': String(pull?.number),
      'pr-operation': 'unchanged'
    })
    expect(github.pulls).toHaveLength(1)
    expect(git(bare, 'rev-parse', 'main')).toBe(promoted)
  })
})
