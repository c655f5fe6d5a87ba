/* eslint jest/expect-expect: ['warn', { assertFunctionNames: ['expect', 'expectOnlyValuesChanged'] }] */
import { expect, it } from '@jest/globals'
import type { ImageTarget } from '../../src/edit/types.js'
import { expectOnlyValuesChanged } from './corpus-check.js'
import { corpusFile, run } from './helpers.js'
import { describeWithCorpus } from '../support/corpus.js'

const DIGEST = `sha256:${'0f'.repeat(32)}`
const BOUTIQUE = 'us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo'

function target(repository: string, tag = '2682590', digest = ''): ImageTarget {
  return { name: repository.split('/').at(-1) ?? repository, repository, tag, digest }
}

async function kustomize(
  file: string,
  images: ImageTarget[],
  pinDigest = false
): Promise<[string, string]> {
  const before = corpusFile(`kustomize/${file}`)
  const { after } = await run(
    { 'k/kustomization.yaml': before },
    { images, kustomizations: ['k/kustomization.yaml'], pinDigest }
  )
  return [before, after('k/kustomization.yaml')]
}

async function manifests(
  file: string,
  images: ImageTarget[],
  pinDigest = false
): Promise<[string, string]> {
  const before = corpusFile(`manifests/${file}`)
  const { after } = await run(
    { 'deploy/all.yaml': before },
    { images, manifests: ['deploy/*.yaml'], pinDigest }
  )
  return [before, after('deploy/all.yaml')]
}

describeWithCorpus('corpus kustomizations', () => {
  it.each([
    ['argoproj__argo-cd__manifests-base__kustomization.yaml', 8],
    ['argoproj__argo-cd__manifests-ha-base__kustomization.yaml', 15]
  ])('%s: newTag of the argocd entry (matched on newName)', async (file, line) => {
    const [before, after] = await kustomize(file, [target('quay.io/argoproj/argocd')])
    expectOnlyValuesChanged(before, after, [{ line, value: '2682590' }])
    expect(after).toContain('  newTag: "2682590"\n')
    const [, again] = await kustomize(file, [target('quay.io/argoproj/argocd', 'latest')])
    expect(again).toBe(before)
  })

  it('argo-cd base: pin-digest adds the digest at the entry indentation', async () => {
    const file = 'argoproj__argo-cd__manifests-base__kustomization.yaml'
    const [before, after] = await kustomize(
      file,
      [target('quay.io/argoproj/argocd', 'v3.1.0', DIGEST)],
      true
    )
    expect(after).toBe(
      before.replace('  newTag: latest\n', `  newTag: v3.1.0\n  digest: ${DIGEST}\n`)
    )
  })

  it('microservices-demo: only the entries of the given images', async () => {
    const file = 'GoogleCloudPlatform__microservices-demo__container-images-tag__kustomization.yaml'
    const images = ['adservice', 'frontend', 'shippingservice'].map((n) =>
      target(`${BOUTIQUE}/${n}`, 'v0.10.7')
    )
    const [before, after] = await kustomize(file, images)
    const lines = before.split('\n')
    const newTagLine = (name: string): number => lines.indexOf(`- name: ${BOUTIQUE}/${name}`) + 2
    expectOnlyValuesChanged(
      before,
      after,
      ['adservice', 'frontend', 'shippingservice'].map((n) => ({
        line: newTagLine(n),
        value: 'v0.10.7'
      }))
    )
  })

  it('flux setters: matches newName, keeps the marker comment and never touches the block scalar', async () => {
    const file = 'fluxcd__image-automation-controller__setters-original__kustomization.yml'
    const [before, after] = await kustomize(file, [target('replaced', 'v2')])
    expectOnlyValuesChanged(before, after, [{ line: 9, value: 'v2' }])
    expect(after).toContain('    newTag: v2 # {"$imagepolicy": "automation-ns:policy:tag"}\n')
    const block = (text: string): string => text.slice(text.indexOf('patches:'))
    expect(block(after)).toBe(block(before))
    // `image` appears only inside the block scalar: no entry or container names it.
    await expect(kustomize(file, [target('image', 'v2')])).rejects.toThrow(
      /kustomization: no images entry in k\/kustomization\.yaml names any of the images \(image\)/
    )
  })
})

describeWithCorpus('corpus manifests', () => {
  const boutique = 'GoogleCloudPlatform__microservices-demo__release__kubernetes-manifests.yaml'

  it('microservices-demo: Deployment containers, Docker Hub library images and init containers', async () => {
    const images = [
      target(`${BOUTIQUE}/frontend`),
      target('docker.io/library/redis'),
      target('busybox')
    ]
    const [before, after] = await manifests(boutique, images)
    expectOnlyValuesChanged(before, after, [
      { line: 53, value: `${BOUTIQUE}/frontend:2682590` },
      { line: 401, value: 'redis:2682590' },
      { line: 494, value: 'busybox:2682590' }
    ])
  })

  it('microservices-demo: pin-digest writes REPO:TAG@DIGEST', async () => {
    const [before, after] = await manifests(boutique, [target('busybox', '1.38.1', DIGEST)], true)
    expectOnlyValuesChanged(before, after, [{ line: 494, value: `busybox:1.38.1@${DIGEST}` }])
  })

  it('microservices-demo: re-running with the same tag is a no-op', async () => {
    const [before, after] = await manifests(boutique, [
      target(`${BOUTIQUE}/cartservice`, 'v0.10.6')
    ])
    expect(after).toBe(before)
  })

  it('guestbook: keeps the comment after the image and edits the right documents', async () => {
    const images = [
      target('registry.k8s.io/redis', 'e2e-2'),
      target('gcr.io/google_samples/gb-redisslave', 'v2'),
      target('gcr.io/google-samples/gb-frontend', 'v6')
    ]
    const [before, after] = await manifests(
      'kubernetes__examples__guestbook-all-in-one.yaml',
      images
    )
    expectOnlyValuesChanged(before, after, [
      { line: 38, value: 'registry.k8s.io/redis:e2e-2' },
      { line: 82, value: 'gcr.io/google_samples/gb-redisslave:v2' },
      { line: 135, value: 'gcr.io/google-samples/gb-frontend:v6' }
    ])
    expect(after).toContain('        image: registry.k8s.io/redis:e2e-2  # or just image: redis\n')
  })

  it('flux CronJob: both containers of the job template', async () => {
    const [before, after] = await manifests(
      'fluxcd__image-automation-controller__setters-original__marked.yaml',
      [target('docker.io/library/image', 'v1.1.0')]
    )
    expectOnlyValuesChanged(before, after, [
      { line: 14, value: 'image:v1.1.0' },
      { line: 16, value: 'image:v1.1.0' }
    ])
  })
})
