import { describe, expect, it } from '@jest/globals'
import { formatPlace } from '../../src/edit/places.js'
import { image, run } from './helpers.js'

const VALUES = 'backend:\n  tag: old\n  digest: ""\n  repo: x\nfrontend:\n  tag: old\n  repo: x\n'
const KUSTOMIZATION =
  'images:\n- name: acme/backend\n  newTag: old\n- name: docker.io/acme/frontend\n  newTag: old\n  digest: sha256:00\n'
const DIGEST = `sha256:${'1'.repeat(64)}`

describe('computeEdits', () => {
  it('writes tag, repository and digest paths per image into every values file', async () => {
    const { edits } = await run(
      { 'a.yaml': VALUES, 'b.yaml': VALUES },
      {
        valuesFiles: ['a.yaml', './b.yaml'],
        images: [image('backend', 'v2', DIGEST), image('frontend', 'v2')],
        repositoryPath: '{name}.repo',
        digestPath: '{name}.digest'
      }
    )
    const expected = `backend:\n  tag: v2\n  digest: "${DIGEST}"\n  repo: docker.io/acme/backend\nfrontend:\n  tag: v2\n  repo: docker.io/acme/frontend\n`
    expect(edits).toMatchObject([
      { path: 'a.yaml', before: VALUES, after: expected },
      { path: 'b.yaml', before: VALUES, after: expected }
    ])
  })

  it.each([
    [false, 'old', 'docker.io/acme/backend:v2'],
    [true, 'old', `docker.io/acme/backend:v2@${DIGEST}`],
    [false, `old@sha256:${'0'.repeat(64)}`, `docker.io/acme/backend:v2@${DIGEST}`]
  ])(
    'writes the whole reference at ref-path (pin-digest %s, held %s)',
    async (pinDigest, held, ref) => {
      const values = `backend:\n  image: acme/backend:${held} # pinned by CI\n`
      const { edits } = await run(
        { 'v.yaml': values },
        {
          valuesFiles: ['v.yaml'],
          images: [image('backend', 'v2', DIGEST)],
          tagPath: '',
          refPath: '{name}.image',
          pinDigest
        }
      )
      expect(edits).toMatchObject([
        { path: 'v.yaml', after: `backend:\n  image: ${ref} # pinned by CI\n` }
      ])
    }
  )

  it('skips a missing default values file when a kustomization is given', async () => {
    const { edits, log } = await run(
      { 'k/kustomization.yaml': KUSTOMIZATION },
      { images: [image('backend')], kustomizations: ['k/kustomization.yaml'] }
    )
    expect(edits.map((e) => e.path)).toEqual(['k/kustomization.yaml'])
    expect(log).toContain(
      'debug: values-file: helm/values.yaml does not exist; no values file is edited'
    )
  })

  it('does not read values files when there is nothing to write into them', async () => {
    const { edits } = await run(
      { 'x.yaml': 'a: 1\n' },
      { changes: JSON.stringify({ 'x.yaml': { a: 2 } }) }
    )
    expect(edits).toMatchObject([{ path: 'x.yaml', before: 'a: 1\n', after: 'a: 2\n' }])
  })

  it('records each place it changed, named the way it found it', async () => {
    const manifest =
      'kind: ConfigMap\nmetadata:\n  name: c\n---\nkind: Deployment\nmetadata:\n  name: web\n' +
      'spec:\n  containers:\n    - name: app\n      image: docker.io/acme/backend:old\n'
    const { edits } = await run(
      { 'v.yaml': 'backend:\n  tag: old\n', 'k.yaml': KUSTOMIZATION, 'm.yaml': manifest },
      {
        valuesFiles: ['v.yaml'],
        images: [image('backend', 'v2')],
        repositoryPath: '{name}.repository',
        createMissing: true,
        kustomizations: ['k.yaml'],
        manifests: ['m.yaml']
      }
    )
    const places = edits.flatMap((edit) => edit.places ?? [])
    expect(
      places.map((p) => [p.file, formatPlace(p), p.change, p.before?.text, p.after.text])
    ).toEqual([
      ['v.yaml', 'backend.tag', 'set', 'old', 'v2'],
      ['v.yaml', 'backend.repository', 'created', undefined, 'docker.io/acme/backend'],
      ['k.yaml', 'images[name=acme/backend].newTag', 'set', 'old', 'v2'],
      [
        'm.yaml',
        '[kind=Deployment,name=web].spec.containers[name=app].image',
        'set',
        'docker.io/acme/backend:old',
        'docker.io/acme/backend:v2'
      ]
    ])
    expect(places[3]?.repository).toBe('docker.io/acme/backend')
  })

  it('applies both changes forms, merged with the image edits of the same file', async () => {
    const { edits } = await run(
      { 'helm/values.yaml': VALUES, 'other.yaml': 'x: 1\n' },
      {
        images: [image('backend', 'v3')],
        changes: JSON.stringify({ 'frontend.tag': '{tag}', 'other.yaml': { x: '{short-sha}' } })
      }
    )
    expect(edits.map((e) => [e.path, e.after])).toEqual([
      [
        'helm/values.yaml',
        VALUES.replace('tag: old', 'tag: v3').replace('  tag: old\n', '  tag: "2682590"\n')
      ],
      ['other.yaml', 'x: "2682590"\n']
    ])
  })

  it('kustomization: matches normalized names, updates an existing digest, adds one with pin-digest', async () => {
    const images = [image('backend', 'v2', DIGEST), image('frontend', 'v2', DIGEST)]
    const { after } = await run(
      { 'kustomization.yaml': KUSTOMIZATION },
      { images, valuesFiles: [], kustomizations: ['kustomization.yaml'] }
    )
    expect(after('kustomization.yaml')).toBe(
      `images:\n- name: acme/backend\n  newTag: v2\n- name: docker.io/acme/frontend\n  newTag: v2\n  digest: ${DIGEST}\n`
    )
    const pinned = await run(
      { 'kustomization.yaml': KUSTOMIZATION },
      { images, valuesFiles: [], kustomizations: ['kustomization.yaml'], pinDigest: true }
    )
    expect(pinned.after('kustomization.yaml')).toContain(
      `- name: acme/backend\n  newTag: v2\n  digest: ${DIGEST}\n`
    )
  })

  it('kustomization: warns when a pinned digest stays because no digest is known', async () => {
    const { after, log } = await run(
      { 'kustomization.yaml': KUSTOMIZATION },
      {
        images: [image('frontend', 'v2'), image('db')],
        valuesFiles: [],
        kustomizations: ['kustomization.yaml']
      }
    )
    expect(after('kustomization.yaml')).toContain('  newTag: v2\n  digest: sha256:00\n')
    expect(
      log.some((l) =>
        l.startsWith(
          'warning: kustomization.yaml: images[name=docker.io/acme/frontend] pins a digest'
        )
      )
    ).toBe(true)
    expect(log).toContain(
      'warning: kustomization: no images entry names docker.io/acme/db (image db); its tag is not written there.'
    )
  })

  it('manifests: expands globs in order, edits every matching container, keeps other files', async () => {
    const deployment =
      'kind: Deployment\nspec:\n  template:\n    spec:\n      initContainers:\n      - name: init\n        image: acme/backend:old\n' +
      '      containers:\n      - name: app\n        image: "docker.io/acme/backend:old@sha256:aa"\n      - image: nginx:1\n'
    const pod = 'kind: Pod\nspec:\n  ephemeralContainers:\n  - image: acme/backend\n'
    const { edits } = await run(
      { 'k8s/a/deploy.yaml': deployment, 'k8s/pod.yml': pod, 'k8s/readme.md': 'x' },
      {
        images: [image('backend', 'v2', DIGEST)],
        valuesFiles: [],
        manifests: ['k8s/**/*.yaml', 'k8s/pod.yml'],
        pinDigest: true
      }
    )
    expect(edits.map((e) => e.path)).toEqual(['k8s/a/deploy.yaml', 'k8s/pod.yml'])
    expect(edits[0]!.after).toBe(
      deployment
        .replace('acme/backend:old\n', `acme/backend:v2@${DIGEST}\n`)
        .replace('"docker.io/acme/backend:old@sha256:aa"', `"docker.io/acme/backend:v2@${DIGEST}"`)
    )
    expect(edits[1]!.after).toBe(pod.replace('acme/backend\n', `acme/backend:v2@${DIGEST}\n`))
  })

  it('manifests: drops a stale digest when not pinning', async () => {
    const text = 'spec:\n  containers:\n  - image: acme/backend:old@sha256:aa # c\n'
    const { after } = await run(
      { 'm.yaml': text },
      { images: [image('backend', 'v2')], valuesFiles: [], manifests: ['m.yaml'] }
    )
    expect(after('m.yaml')).toBe('spec:\n  containers:\n  - image: acme/backend:v2 # c\n')
  })

  it('logs each change with its line, and unchanged files as up to date', async () => {
    const { log } = await run(
      { 'helm/values.yaml': VALUES, 'same.yaml': 'a: 1\n' },
      { images: [image('backend', 'v2')], changes: JSON.stringify({ 'same.yaml': { a: 1 } }) }
    )
    expect(log).toEqual([
      'info: helm/values.yaml:2: backend.tag = v2 (was old)',
      'info: same.yaml: already up to date'
    ])
  })

  it('warns about pin-digest without a digest', async () => {
    const { log } = await run(
      { 'helm/values.yaml': VALUES },
      { images: [image('backend', 'v2')], pinDigest: true }
    )
    expect(log).toContain(
      'warning: pin-digest: no digest is known for backend (not built); only its tag is written.'
    )
  })
})
