// npm run demo: the tutorial scenario end to end on this machine, with the committed bundle
// (dist/index.js) run the way the Actions runner runs it. Copies examples/tutorial into a temporary
// git repository whose remote is a local bare repository, starts a local stand-in for Argo CD's
// webhook endpoint, builds and pushes both images when a Docker engine and a registry are at hand
// (else runs with build: false and says why and how to get a real build), runs the action, prints
// what a user would see, and checks it. Usage: node scripts/demo.js [--no-build] [--action PATH]
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { randomBytes } from 'node:crypto'
import { parse } from 'yaml'
import { prepareDocker, removeImages } from './lib/local-docker.js'
import { createLogRenderer, inputsEnv, parseFileCommands } from './lib/runner-files.js'
import { must, run } from './lib/run.js'
import { startWebhookReceiver } from './lib/webhook-receiver.js'
import { parseImages, verify, verifyPromotion } from './lib/demo-checks.js'
import { startFakeArgoCd } from './lib/fake-argocd.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const { values: options } = parseArgs({
  options: { 'no-build': { type: 'boolean', default: false }, action: { type: 'string' } }
})
const actionEntry = resolve(options.action ?? join(root, 'dist', 'index.js'))
const ACTION_TIMEOUT_MS = 300_000

const say = (line = '') => {
  process.stdout.write(`${line}\n`)
}
const heading = (title) => {
  say()
  say(`── ${title} ${'─'.repeat(Math.max(0, 76 - title.length))}`)
}

const cleanups = []
async function cleanUp() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()()
    } catch (error) {
      process.stderr.write(`cleanup: ${error.message}\n`)
    }
  }
}
process.once('SIGINT', () => {
  void cleanUp().finally(() => process.exit(130))
})

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'gitops-release-demo-'))
  cleanups.push(() => {
    rmSync(tmp, { recursive: true, force: true })
  })
  // A clean git configuration, as on a fresh runner: no global hooks, signing or templates.
  writeFileSync(join(tmp, 'gitconfig'), '')
  const gitEnv = {
    ...process.env,
    GIT_CONFIG_GLOBAL: join(tmp, 'gitconfig'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0'
  }
  const git = (args, cwd) => must('git', args, { cwd, env: gitEnv })

  heading('Setting up')
  const work = join(tmp, 'workspace')
  const remote = join(tmp, 'remote.git')
  const remoteUrl = pathToFileURL(remote).href
  cpSync(join(root, 'examples', 'tutorial'), work, { recursive: true })
  await git(['init', '-q', '-b', 'main', work])
  await git(['config', 'user.name', 'Tutorial Author'], work)
  await git(['config', 'user.email', 'author@example.com'], work)
  writeFileSync(join(work, 'helm', 'values-prod.yaml'), PROD_VALUES)
  await git(['add', '-A'], work)
  await git(['commit', '-q', '-m', 'Tutorial app: backend, frontend, helm chart'], work)
  await git(['init', '-q', '--bare', '-b', 'main', remote])
  await git(['remote', 'add', 'origin', remoteUrl], work)
  await git(['push', '-q', 'origin', 'main'], work)
  const sha = await git(['rev-parse', 'HEAD'], work)
  say(`Repository: a copy of examples/tutorial at ${sha.slice(0, 7)}, remote ${remoteUrl}`)

  const app = parse(readFileSync(join(work, 'argocd', 'application.yaml'), 'utf8'))
  const secret = randomBytes(24).toString('hex')
  const receiver = await startWebhookReceiver({ secret })
  cleanups.push(() => receiver.close())
  say(`Argo CD webhook receiver: ${receiver.url} (checks the signature like argocd-server)`)

  const docker = options['no-build']
    ? { build: false, reason: '--no-build was given', hint: '', close: () => Promise.resolve() }
    : await prepareDocker(tmp, { log: say })
  cleanups.push(() => docker.close())
  if (docker.build) {
    for (const note of docker.notes) say(`Note: ${note}`)
  } else {
    say(`Docker: not used, because ${docker.reason}.`)
    say('Running with build: false: tags are still written, committed, pushed and announced,')
    say('but no image is built or pushed.')
    if (docker.hint) say(`To build and push the images too: ${docker.hint}.`)
  }

  const given = {
    images: 'backend\nfrontend',
    build: String(docker.build),
    namespace: 'tutorial',
    'repository-path': '{name}.image',
    repository: remoteUrl,
    branch: 'main',
    'argocd-webhook-url': receiver.url,
    'argocd-webhook-secret': secret,
    'argocd-repo-url': app.spec.source.repoURL
  }
  if (docker.build) {
    given.registry = docker.registry
    given['build-args'] = `BASE=${docker.baseImage}`
  }
  const runner = join(tmp, 'runner')
  const runStep = (step, inputs, at) =>
    runAction({
      step,
      inputs,
      runner,
      work,
      sha: at,
      base: docker.build ? docker.env : process.env,
      gitEnv
    })

  heading(
    `Running node ${actionEntry.startsWith(root) ? actionEntry.slice(root.length) : actionEntry}`
  )
  const { outputs, summary } = await runStep('main', given, sha)
  const images = parseImages(outputs.images)
  if (docker.build)
    cleanups.push(() => removeImages(docker.env, [docker.baseImage, ...images.map((i) => i.ref)]))
  heading('Job summary (GITHUB_STEP_SUMMARY, markdown)')
  say(summary.trim() === '' ? '(empty)' : summary.trimEnd())
  heading('Outputs (GITHUB_OUTPUT)')
  for (const [name, value] of Object.entries(outputs)) {
    say(value.includes('\n') ? `${name}:\n${indent(value)}` : `${name}: ${value}`)
  }
  heading('Commit on the remote (git log -1 --stat)')
  say(await git(['--git-dir', remote, 'log', '-1', '--stat', 'main']))
  heading('Webhook received by the local Argo CD receiver')
  for (const event of receiver.events)
    say(JSON.stringify({ ...event, payload: undefined }, null, 2))
  if (receiver.events.length === 0) say('(none)')
  for (const refusal of receiver.refusals) say(`refused: ${refusal.status} ${refusal.reason}`)

  const problems = await verify({
    outputs,
    images,
    summary,
    sha,
    git,
    remote,
    receiver,
    app,
    docker
  })
  if (problems.length > 0) {
    heading('Result')
    throw new Error(
      `the run did not do what the tutorial expects:\n${problems.map((p) => `  - ${p}`).join('\n')}`
    )
  }

  heading('Promotion dev → prod')
  let promotion
  if (docker.build) {
    promotion = await promoteToProd({ given, images, release: outputs, git, work, remote, runStep })
  } else {
    say(`Skipped, because ${docker.reason}. A promotion builds nothing, but it checks that`)
    say('every tag dev runs still resolves in the registry to the digest dev recorded, and this')
    say('run pushed no image to check against. Nothing is written to helm/values-prod.yaml.')
  }

  heading('Result')
  const built = docker.build
    ? `built and pushed to ${docker.registry}`
    : `not built (build: false${docker.hint ? '; see "To build and push" above' : ''})`
  say(`Demo OK: images ${built}; tag ${outputs.tag} written to helm/values.yaml;`)
  say(
    `commit ${outputs['commit-sha'].slice(0, 7)} pushed; Argo CD Application "${app.metadata.name}" would refresh.`
  )
  say(
    promotion
      ? `Promoted dev → prod: commit ${promotion['commit-sha'].slice(0, 7)} writes the same images (digests checked in the registry) to helm/values-prod.yaml.`
      : 'Promotion dev → prod: skipped (no registry; see above).'
  )
}

// Prod's own image values, layered over helm/values.yaml (Helm valueFiles) by the prod app;
// only promotions from dev write them.
const PROD_VALUES = `# Prod's image values, over values.yaml. Only promotions from dev write here.
frontend:
  image: example/frontend
  tag: latest
backend:
  image: example/backend
  tag: '1276e23'
`

// The second workflow run: what dev runs (the release's commit, Synced and Healthy in the fake
// Argo CD) promoted to prod, with the registry checking every digest. Prints and checks it.
async function promoteToProd({ given, images, release, git, work, remote, runStep }) {
  // Shaped like the JWT `argocd account generate-token` prints; the action checks the shape.
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const token = [
    part({ alg: 'HS256', typ: 'JWT' }),
    part({ iss: 'argocd', sub: 'demo:apiKey', jti: randomBytes(8).toString('hex') }),
    randomBytes(32).toString('base64url')
  ].join('.')
  const apps = [
    { name: 'tutorial-dev', path: 'helm', namespace: 'tutorial-dev' },
    { name: 'tutorial-prod', path: 'helm', namespace: 'tutorial-prod' }
  ]
  const argocd = await startFakeArgoCd({
    token,
    apps,
    repoURL: given['argocd-repo-url'],
    tip: () => git(['--git-dir', remote, 'rev-parse', 'main'])
  })
  cleanups.push(() => argocd.close())
  say(`Argo CD API stand-in: ${argocd.url} (apps ${apps.map((a) => a.name).join(', ')},`)
  say('auto-synced to the tip of main, Synced and Healthy there, with status.history)')
  // A new run checks out the branch as it is now: the release's commit.
  await git(['pull', '-q', '--ff-only', 'origin', 'main'], work)
  const tip = await git(['rev-parse', 'HEAD'], work)
  const inputs = {
    images: given.images,
    build: 'false',
    registry: given.registry,
    namespace: given.namespace,
    'repository-path': given['repository-path'],
    repository: given.repository,
    branch: given.branch,
    environments: [
      '- name: dev',
      '  values-file: helm/values.yaml',
      '  argocd-app: tutorial-dev',
      '- name: prod',
      '  values-file: helm/values-prod.yaml',
      '  argocd-app: tutorial-prod'
    ].join('\n'),
    'promote-to': 'prod',
    'argocd-server': argocd.url,
    'argocd-token': token,
    'argocd-wait': 'true',
    'argocd-timeout': '30',
    'argocd-webhook-url': given['argocd-webhook-url'],
    'argocd-webhook-secret': given['argocd-webhook-secret'],
    'argocd-repo-url': given['argocd-repo-url']
  }
  say()
  say(
    `Running node ${actionEntry.startsWith(root) ? actionEntry.slice(root.length) : actionEntry} with promote-to: prod`
  )
  const { outputs, summary } = await runStep('promote', inputs, tip)
  heading('Promotion job summary (GITHUB_STEP_SUMMARY, markdown)')
  say(summary.trim() === '' ? '(empty)' : summary.trimEnd())
  heading('What the promotion did')
  say(`promoted: ${outputs.promoted}, ${outputs['promoted-from']} → ${outputs['promoted-to']}`)
  for (const image of parseImages(outputs.images)) {
    say(`  ${image.name}: ${image.repository}:${image.tag}@${image.digest}`)
  }
  say(`source revision (dev, Synced and Healthy): ${outputs['source-revision']}`)
  say(
    `prod's Argo CD app: ${outputs['argocd-sync-status']}/${outputs['argocd-health-status']} at ${outputs['argocd-revision']}`
  )
  heading('Commit on prod (git log -1 --stat)')
  say(await git(['--git-dir', remote, 'log', '-1', '--stat', 'main']))

  const problems = await verifyPromotion({
    outputs,
    released: images,
    release,
    tip,
    git,
    remote,
    argocd
  })
  if (problems.length > 0) {
    throw new Error(
      `the promotion did not do what docs/promotion.md says:\n${problems.map((p) => `  - ${p}`).join('\n')}`
    )
  }
  return outputs
}

/** Runs the action (and its post step, when it saved state) as the runner would; its outputs. */
async function runAction({ step, inputs, runner, work, sha, base, gitEnv }) {
  const env = actionEnv({ base, runner, work, sha })
  Object.assign(env, inputsEnv(readFileSync(join(root, 'action.yml'), 'utf8'), inputs))
  env.GIT_CONFIG_GLOBAL = gitEnv.GIT_CONFIG_GLOBAL
  env.GIT_CONFIG_NOSYSTEM = '1'
  const files = (name) => {
    const paths = {
      GITHUB_OUTPUT: join(runner, `${name}-output`),
      GITHUB_STATE: join(runner, `${name}-state`),
      GITHUB_ENV: join(runner, `${name}-env`),
      GITHUB_PATH: join(runner, `${name}-path`),
      GITHUB_STEP_SUMMARY: join(runner, `${name}-summary.md`)
    }
    for (const path of Object.values(paths)) writeFileSync(path, '')
    return paths
  }
  const main = files(step)
  const renderer = createLogRenderer()
  const onLine = (line) => {
    const shown = renderer.render(line)
    if (shown !== undefined) say(`  │ ${shown}`)
  }
  const result = await run(process.execPath, [actionEntry], {
    cwd: work,
    env: { ...env, ...main },
    timeoutMs: ACTION_TIMEOUT_MS,
    onLine
  })
  if (result.code !== 0) {
    throw new Error(
      `the action failed (exit ${result.code}); its log is above${tail(result.stderr)}`
    )
  }
  const state = parseFileCommands(readFileSync(main.GITHUB_STATE, 'utf8'))
  if (Object.keys(state).length > 0) {
    heading('Post step')
    const post = files(`${step}-post`)
    const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))
    const postRun = await run(process.execPath, [actionEntry], {
      cwd: work,
      env: { ...env, ...post, ...stateEnv },
      timeoutMs: 60_000,
      onLine
    })
    if (postRun.code !== 0) throw new Error(`the post step failed (exit ${postRun.code})`)
  }
  return {
    outputs: parseFileCommands(readFileSync(main.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(main.GITHUB_STEP_SUMMARY, 'utf8')
  }
}

// The environment the runner gives a JavaScript action, for a push to main of the temp repo.
function actionEnv({ base, runner, work, sha }) {
  const env = Object.fromEntries(
    Object.entries(base).filter(
      ([k]) => !/^(INPUT_|GITHUB_|RUNNER_|STATE_|ACTIONS_)/.test(k) && k !== 'ACT'
    )
  )
  mkdirSync(join(runner, 'temp'), { recursive: true })
  const eventPath = join(runner, 'event.json')
  const repository = {
    name: 'gitops-tutorial',
    full_name: 'example/gitops-tutorial',
    default_branch: 'main'
  }
  writeFileSync(eventPath, JSON.stringify({ ref: 'refs/heads/main', after: sha, repository }))
  return {
    ...env,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: work,
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_REPOSITORY: repository.full_name,
    GITHUB_REPOSITORY_OWNER: 'example',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_ACTOR: 'tutorial-author',
    GITHUB_WORKFLOW: 'build',
    GITHUB_JOB: 'release',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION: 'gitops-release',
    GITHUB_ACTION_PATH: root,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: join(runner, 'temp')
  }
}

const indent = (text) => text.replace(/^/gm, '    ')
const tail = (text) =>
  text.trim() === '' ? '' : `:\n${indent(text.trim().split('\n').slice(-5).join('\n'))}`

try {
  await main()
} catch (error) {
  process.stderr.write(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
} finally {
  await cleanUp()
}
