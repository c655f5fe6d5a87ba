import { describe, expect, it } from '@jest/globals'
import { computeEdits } from '../../src/edit/compute-edits.js'
import type { ImageTarget } from '../../src/edit/types.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { readCandidate, type CandidateSettings } from '../../src/promote/candidate.js'
import { targetEditRequest } from '../../src/promote/target-request.js'
import { createMemorySource } from '../support/memory-source.js'

const D0 = `sha256:${'0'.repeat(64)}`
const D1 = `sha256:${'1'.repeat(64)}`
const images: ImageTarget[] = [
  { name: 'backend', repository: 'docker.io/acme/backend', tag: '1.4.2', digest: D1 },
  { name: 'web.ui', repository: 'ghcr.io/acme/web.ui', tag: 'a1b2c3d', digest: D1 }
]
const target = (over: Partial<CandidateSettings>): CandidateSettings => ({
  name: 'prod',
  valuesFiles: [],
  kustomizations: [],
  manifests: [],
  tagPath: '{name}.tag',
  ...over
})

/** Runs the real edit engine with the request built for `env` over `files`; the new texts. */
async function promote(
  files: Record<string, string>,
  env: CandidateSettings,
  pinDigest = false
): Promise<Record<string, string>> {
  const source = createMemorySource(files)
  const held = await readCandidate(source, env, images)
  const request = targetEditRequest({
    target: env,
    images,
    held,
    pinDigest,
    createMissing: false,
    vars: { tag: 'x', sha: 'f'.repeat(40), shortSha: 'fffffff' }
  })
  const edits = await computeEdits(source, request, createMemoryLogger())
  return Object.fromEntries(edits.map((edit) => [edit.path, edit.after]))
}

describe('targetEditRequest', () => {
  it.each<
    [string, Record<string, string>, Partial<CandidateSettings>, boolean, Record<string, string>]
  >([
    [
      'tag, repository and digest paths of a values file (the same repository keeps its spelling), a name with a dot kept as one key',
      {
        'v.yaml':
          '# prod\nbackend:\n  repo: acme/backend\n  tag: "1.4.1"\n  digest: ""\n' +
          'web.ui:\n  repo: ghcr.io/acme/web.ui\n  tag: old\n  digest: ""\n'
      },
      { valuesFiles: ['v.yaml'], repositoryPath: '{name}.repo', digestPath: '{name}.digest' },
      false,
      {
        'v.yaml':
          '# prod\nbackend:\n  repo: acme/backend\n  tag: "1.4.2"\n  digest: "' +
          D1 +
          '"\n' +
          'web.ui:\n  repo: ghcr.io/acme/web.ui\n  tag: a1b2c3d\n  digest: "' +
          D1 +
          '"\n'
      }
    ],
    [
      'a repository that changes',
      {
        'v.yaml':
          'backend: {repo: mirror.io/acme/backend, tag: "1"}\nweb.ui: {repo: ghcr.io/acme/web.ui, tag: "1"}\n'
      },
      { valuesFiles: ['v.yaml'], repositoryPath: '{name}.repo' },
      false,
      {
        'v.yaml':
          'backend: {repo: docker.io/acme/backend, tag: "1.4.2"}\nweb.ui: {repo: ghcr.io/acme/web.ui, tag: "a1b2c3d"}\n'
      }
    ],
    [
      'a ref-path: the digest only where the target reference holds one',
      {
        'v.yaml': `backend:\n  image: acme/backend:1.4.1@${D0}\nweb.ui:\n  image: ghcr.io/acme/web.ui:old # pinned by tag\n`
      },
      { valuesFiles: ['v.yaml'], tagPath: undefined, refPath: '{name}.image' },
      false,
      {
        'v.yaml': `backend:\n  image: acme/backend:1.4.2@${D1}\nweb.ui:\n  image: ghcr.io/acme/web.ui:a1b2c3d # pinned by tag\n`
      }
    ],
    [
      'a ref-path with pin-digest',
      {
        'v.yaml': 'backend: {image: "acme/backend:1"}\nweb.ui: {image: "ghcr.io/acme/web.ui:1"}\n'
      },
      { valuesFiles: ['v.yaml'], tagPath: undefined, refPath: '{name}.image' },
      true,
      {
        'v.yaml': `backend: {image: "acme/backend:1.4.2@${D1}"}\nweb.ui: {image: "ghcr.io/acme/web.ui:a1b2c3d@${D1}"}\n`
      }
    ],
    [
      'a kustomization: newTag, and the digest where the entry pins one',
      {
        'k.yaml': `images:\n- name: acme/backend\n  newTag: 1.4.1\n  digest: ${D0}\n- name: ghcr.io/acme/web.ui\n  newTag: old\n`
      },
      { kustomizations: ['k.yaml'] },
      false,
      {
        'k.yaml': `images:\n- name: acme/backend\n  newTag: 1.4.2\n  digest: ${D1}\n- name: ghcr.io/acme/web.ui\n  newTag: a1b2c3d\n`
      }
    ],
    [
      'manifests that pin digests keep pinning them',
      {
        'm.yaml': `spec:\n  containers:\n  - name: api\n    image: acme/backend:1.4.1@${D0}\n  - name: ui\n    image: ghcr.io/acme/web.ui:old@${D0}\n`
      },
      { manifests: ['m.yaml'] },
      false,
      {
        'm.yaml': `spec:\n  containers:\n  - name: api\n    image: acme/backend:1.4.2@${D1}\n  - name: ui\n    image: ghcr.io/acme/web.ui:a1b2c3d@${D1}\n`
      }
    ],
    [
      'manifests by tag stay by tag',
      {
        'm.yaml':
          'spec:\n  containers:\n  - image: acme/backend:1.4.1\n  - image: ghcr.io/acme/web.ui:old\n'
      },
      { manifests: ['m.yaml'] },
      false,
      {
        'm.yaml':
          'spec:\n  containers:\n  - image: acme/backend:1.4.2\n  - image: ghcr.io/acme/web.ui:a1b2c3d\n'
      }
    ]
  ])('writes %s', async (_name, files, over, pinDigest, expected) => {
    expect(await promote(files, target(over), pinDigest)).toEqual(expected)
  })

  it('leaves out a tag-path the environment does not have and top-level changes', () => {
    const request = targetEditRequest({
      target: target({ valuesFiles: ['v.yaml'], tagPath: undefined }),
      images,
      held: [],
      pinDigest: false,
      createMissing: true,
      vars: { tag: 'x', sha: 's', shortSha: 's' }
    })
    expect(request).toMatchObject({
      tagPath: '',
      changes: '',
      valuesFileIsDefault: false,
      createMissing: true,
      pinDigest: false
    })
  })
})
