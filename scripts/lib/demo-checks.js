// What the demo checks after the action ran: the contract's outputs, the commit on the remote,
// the values written, the images in the registry, and the webhook Argo CD would have received.
import { parse } from 'yaml'

const manifestTypes = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

/** The `images` output as an array, or an empty array when it is missing or not a JSON array. */
export function parseImages(text) {
  try {
    const images = JSON.parse(text ?? '')
    return Array.isArray(images) ? images : []
  } catch {
    return []
  }
}

/** A repository URL as Argo CD compares it: no scheme, no `.git`, no trailing slash, any case. */
export function sameRepository(a, b) {
  const norm = (url) =>
    url
      .trim()
      .replace(/^[a-z+]+:\/\//i, '')
      .replace(/\/+$/, '')
      .replace(/\.git$/, '')
      .toLowerCase()
  return norm(a) === norm(b)
}

async function registryDigest(repository, tag) {
  const slash = repository.indexOf('/')
  const host = repository.slice(0, slash)
  const name = repository.slice(slash + 1)
  try {
    const res = await fetch(`http://${host}/v2/${name}/manifests/${tag}`, {
      method: 'HEAD',
      headers: { Accept: manifestTypes },
      signal: AbortSignal.timeout(10_000)
    })
    return res.ok ? (res.headers.get('docker-content-digest') ?? '') : `HTTP ${res.status}`
  } catch (error) {
    return `unreachable (${error.message})`
  }
}

/** Every way the run differs from what the tutorial expects; empty when it all holds. */
export async function verify({
  outputs,
  images,
  summary,
  sha,
  git,
  remote,
  receiver,
  app,
  docker
}) {
  const problems = []
  const expect = (ok, message) => {
    if (!ok) problems.push(message)
  }
  const tag = sha.slice(0, 7)
  expect(outputs.tag === tag, `output tag is "${outputs.tag}", expected the short SHA ${tag}`)
  expect(outputs.changed === 'true', `output changed is "${outputs.changed}", expected true`)
  expect(
    (outputs.diff ?? '').includes('helm/values.yaml'),
    'output diff does not mention helm/values.yaml'
  )
  expect(summary.trim() !== '', 'the job summary is empty')

  const head = await git(['--git-dir', remote, 'rev-parse', 'main'])
  if (head === sha) {
    problems.push('the remote main branch did not move: nothing was committed and pushed')
    return problems
  }
  expect(
    outputs['commit-sha'] === head,
    `output commit-sha "${outputs['commit-sha']}" is not the remote head ${head}`
  )
  const parent = await git(['--git-dir', remote, 'rev-parse', 'main^'])
  expect(parent === sha, `the new commit's parent is ${parent}, expected ${sha}`)
  const files = await git(['--git-dir', remote, 'diff', '--name-only', 'main^', 'main'])
  expect(
    files === 'helm/values.yaml',
    `the commit changed ${files.split('\n').join(', ')}, expected helm/values.yaml only`
  )

  const values = parse(await git(['--git-dir', remote, 'show', 'main:helm/values.yaml']))
  const names = images.map((i) => i.name).sort()
  expect(
    names.join() === 'backend,frontend',
    `output images names are [${names.join(', ')}], expected backend, frontend`
  )
  for (const image of images) {
    const written = values?.[image.name]
    expect(
      written?.tag === tag,
      `${image.name}.tag in helm/values.yaml is ${JSON.stringify(written?.tag)}, expected the string "${tag}"`
    )
    expect(
      written?.image === image.repository,
      `${image.name}.image is ${JSON.stringify(written?.image)}, expected "${image.repository}"`
    )
    expect(
      image.ref === `${image.repository}:${tag}`,
      `${image.name}: ref "${image.ref}" is not REPOSITORY:TAG`
    )
    if (docker.build) {
      expect(
        /^sha256:[0-9a-f]{64}$/.test(image.digest),
        `${image.name}: digest "${image.digest}" is not sha256:<64 hex>`
      )
      const inRegistry = await registryDigest(image.repository, tag)
      expect(
        inRegistry === image.digest,
        `${image.name}: the registry has ${image.repository}:${tag} as ${inRegistry}, the output says ${image.digest}`
      )
    } else {
      expect(
        image.digest === '',
        `${image.name}: digest "${image.digest}" although nothing was built`
      )
    }
  }

  const event = receiver.events.at(-1)
  if (!event) {
    problems.push('no webhook reached the receiver (a refused one is listed above)')
    return problems
  }
  // Argo CD accepts a push without before/after (it then skips its manifest-cache shortcut).
  expect(
    event.after === '' || event.after === head,
    `the webhook's after is ${event.after}, expected the pushed commit ${head}`
  )
  expect(event.revision === 'main', `the webhook's revision is "${event.revision}", expected main`)
  expect(
    sameRepository(event.webURL, app.spec.source.repoURL),
    `the webhook's html_url ${event.webURL} does not match the Application's repoURL ${app.spec.source.repoURL}`
  )
  expect(
    !event.webURL.endsWith('.git'),
    `the webhook's html_url ${event.webURL} ends in .git; Argo CD would match no Application`
  )
  const tracksHead = ['', 'HEAD'].includes(app.spec.source.targetRevision ?? '')
  expect(
    !tracksHead || event.touchedHead,
    'the webhook does not name main as the default branch: apps tracking HEAD would not refresh'
  )
  const underPath = event.changedFiles.some((f) => f.startsWith(`${app.spec.source.path}/`))
  expect(
    event.changedFiles.length === 0 || underPath,
    `the webhook lists ${event.changedFiles.join(', ')}, none under ${app.spec.source.path}/`
  )
  return problems
}

/**
 * Every way the promotion dev → prod differs from docs/promotion.md; empty when it all holds.
 * `released` is the release's `images` output, `tip` the commit the release pushed.
 */
export async function verifyPromotion({ outputs, released, tip, git, remote, argocd }) {
  const problems = []
  const expect = (ok, message) => {
    if (!ok) problems.push(message)
  }
  expect(outputs.promoted === 'true', `output promoted is "${outputs.promoted}", expected true`)
  expect(
    outputs['promoted-from'] === 'dev' && outputs['promoted-to'] === 'prod',
    `promoted ${outputs['promoted-from']} → ${outputs['promoted-to']}, expected dev → prod`
  )
  expect(
    outputs['source-revision'] === tip,
    `output source-revision is ${outputs['source-revision']}, expected the release's commit ${tip}`
  )
  const head = await git(['--git-dir', remote, 'rev-parse', 'main'])
  if (head === tip) {
    problems.push('the remote main branch did not move: the promotion landed nothing')
    return problems
  }
  expect(
    outputs['commit-sha'] === head,
    `output commit-sha "${outputs['commit-sha']}" is not the remote head ${head}`
  )
  const parent = await git(['--git-dir', remote, 'rev-parse', 'main^'])
  expect(parent === tip, `the promotion's parent is ${parent}, expected ${tip}`)
  const files = await git(['--git-dir', remote, 'diff', '--name-only', 'main^', 'main'])
  expect(
    files === 'helm/values-prod.yaml',
    `the promotion changed ${files.split('\n').join(', ')}, expected helm/values-prod.yaml only`
  )
  const message = await git(['--git-dir', remote, 'log', '-1', '--format=%s%n%b', 'main'])
  expect(
    message.startsWith('chore(promote): ') && message.includes(`Promoted-from: dev@${tip}`),
    `the commit message is ${JSON.stringify(message)}, expected chore(promote): … with Promoted-from: dev@${tip}`
  )

  const dev = parse(await git(['--git-dir', remote, 'show', 'main:helm/values.yaml']))
  const prod = parse(await git(['--git-dir', remote, 'show', 'main:helm/values-prod.yaml']))
  const promoted = parseImages(outputs.images)
  expect(
    promoted
      .map((i) => i.name)
      .sort()
      .join() === 'backend,frontend',
    `the promotion's images are [${promoted.map((i) => i.name).join(', ')}], expected backend, frontend`
  )
  for (const image of promoted) {
    const before = released.find((r) => r.name === image.name)
    expect(
      image.digest !== '' && image.digest === before?.digest,
      `${image.name}: promoted digest "${image.digest}", the release pushed "${before?.digest}"`
    )
    for (const [env, values] of [
      ['helm/values.yaml', dev],
      ['helm/values-prod.yaml', prod]
    ]) {
      expect(
        values?.[image.name]?.tag === before?.tag &&
          values?.[image.name]?.image === before?.repository,
        `${image.name} in ${env} is ${values?.[image.name]?.image}:${values?.[image.name]?.tag}, expected ${before?.repository}:${before?.tag}`
      )
    }
    const inRegistry = await registryDigest(image.repository, image.tag)
    expect(
      inRegistry === image.digest,
      `${image.name}: the registry has ${image.repository}:${image.tag} as ${inRegistry}, the output says ${image.digest}`
    )
  }
  expect(
    outputs['argocd-revision'] === head && outputs['argocd-health-status'] === 'Healthy',
    `prod's app was reported ${outputs['argocd-health-status']} at ${outputs['argocd-revision']}, expected Healthy at ${head}`
  )
  expect(
    argocd.history('tutorial-prod').at(-1)?.revision === head,
    "the fake Argo CD never served prod's app at the promotion's commit"
  )
  return problems
}
