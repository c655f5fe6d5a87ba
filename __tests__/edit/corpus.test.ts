/* eslint jest/expect-expect: ['warn', { assertFunctionNames: ['expect', 'expectOnlyValuesChanged'] }] */
import { describe, expect, it } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { isScalar, parseDocument } from 'yaml'
import type { Scalar, YAMLMap } from 'yaml'
import { EditError } from '../../src/lib/errors.js'
import type { ImageTarget } from '../../src/edit/types.js'
import { expectOnlyValuesChanged } from './corpus-check.js'
import type { LineEdit } from './corpus-check.js'
import { corpusFile, lineAt, run } from './helpers.js'
import { corpusDir, describeWithCorpus } from '../support/corpus.js'

// Every values file of SOURCES.md with its image tag paths (cert-manager has none: see create-missing).
const VALUES: readonly (readonly [string, readonly string[]])[] = [
  ['argoproj__argo-helm__argo-rollouts.yaml', ['controller.image.tag', 'dashboard.image.tag']],
  [
    'argoproj__argo-helm__argo-workflows.yaml',
    [
      'images.tag',
      'crds.upgradeJob.image.tag',
      'controller.image.tag',
      'executor.image.tag',
      'server.image.tag'
    ]
  ],
  [
    'prometheus-community__helm-charts__kube-state-metrics.yaml',
    ['image.tag', 'kubeRBACProxy.image.tag']
  ],
  [
    'prometheus-community__helm-charts__alertmanager.yaml',
    ['image.tag', 'configmapReload.image.tag']
  ],
  ['prometheus-community__helm-charts__prometheus-json-exporter.yaml', ['image.tag']],
  ['grafana__helm-charts__enterprise-logs.yaml', ['image.tag']],
  [
    'grafana__helm-charts__loki-distributed.yaml',
    [
      'loki.image.tag',
      'ingester.image.tag',
      'distributor.image.tag',
      'querier.image.tag',
      'queryFrontend.image.tag',
      'queryScheduler.image.tag',
      'tableManager.image.tag',
      'compactor.image.tag',
      'ruler.image.tag',
      'indexGateway.image.tag',
      'gateway.image.tag',
      'memcached.image.tag',
      'memcachedExporter.image.tag'
    ]
  ],
  [
    'kubernetes__ingress-nginx__ingress-nginx.yaml',
    [
      'controller.image.tag',
      'controller.admissionWebhooks.patch.image.tag',
      'defaultBackend.image.tag'
    ]
  ],
  [
    'bitnami__charts__nginx.yaml',
    ['image.tag', 'cloneStaticSiteFromGit.image.tag', 'metrics.image.tag']
  ],
  [
    'bitnami__charts__redis.yaml',
    [
      'image.tag',
      'sentinel.image.tag',
      'metrics.image.tag',
      'volumePermissions.image.tag',
      'kubectl.image.tag',
      'sysctl.image.tag'
    ]
  ],
  ['example__tutorial-app__helm.yaml', ['frontend.tag', 'backend.tag']]
]
const CERT_MANAGER = 'cert-manager__cert-manager__cert-manager.yaml'
const VALUE_SETS = [
  ['2682590', 'v9.9.9', 'on', '1.10', '1276e23', '0123456'],
  ['v1.2.3-debian-12-r7'],
  ['1e10', 'yes']
]

async function editValues(
  file: string,
  changes: Record<string, unknown>,
  createMissing = false
): Promise<string> {
  const { after } = await run(
    { [file]: corpusFile(`values/${file}`) },
    { changes: JSON.stringify({ [file]: changes }), createMissing }
  )
  return after(file)
}

function lineOfPath(text: string, path: string): number {
  const node = parseDocument(text).getIn(path.split('.'), true) as { range?: number[] } | undefined
  const start = node?.range?.[0]
  if (start === undefined) throw new Error(`${path} not in the corpus file`)
  return lineAt(text, start) + 1
}

describeWithCorpus('corpus', () => {
  it('covers every values file of SOURCES.md', () => {
    const files = readdirSync(join(corpusDir(), 'values')).filter((f) => f.endsWith('.yaml'))
    expect(files.sort()).toEqual([...VALUES.map(([f]) => f), CERT_MANAGER].sort())
    const sources = corpusFile('values/SOURCES.md')
    for (const file of files) expect(sources).toContain(file)
  })

  describe.each(VALUES)('values/%s', (file, paths) => {
    const before = corpusFile(`values/${file}`)

    it.each(VALUE_SETS.map((set, i) => [i, set] as const))(
      'value set %d changes exactly the tag lines',
      async (_i, set) => {
        const changes = Object.fromEntries(paths.map((p, i) => [p, set[i % set.length]]))
        const after = await editValues(file, changes)
        const edits: LineEdit[] = paths.map((p) => ({
          line: lineOfPath(before, p),
          value: changes[p]
        }))
        expectOnlyValuesChanged(before, after, edits)
      }
    )

    it('is a no-op when every value is already there', async () => {
      const doc = parseDocument(before)
      const current = Object.fromEntries(paths.map((p) => [p, doc.getIn(p.split('.'))]))
      expect(await editValues(file, current)).toBe(before)
    })
  })

  it('values/enterprise-logs: editing the anchored tag changes its alias too, and the alias path is refused', async () => {
    const file = 'grafana__helm-charts__enterprise-logs.yaml'
    const after = await editValues(file, { 'image.tag': 'v2.0.0' })
    const data = parseDocument(after).toJS() as {
      'loki-distributed': { loki: { image: { tag: string } } }
    }
    expect(data['loki-distributed'].loki.image.tag).toBe('v2.0.0')
    const error = await editValues(file, { 'loki-distributed.loki.image.tag': 'v2' }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(EditError)
    expect((error as EditError).message).toMatch(
      /goes through the alias \*image; .*&image \(line 16\)/
    )
    expect((error as EditError).location).toMatchObject({ file, line: 597 })
  })

  it('values/tutorial: the scenario writes both tags as the string "2682590" and keeps the missing newline', async () => {
    const file = 'helm/values.yaml'
    const before = corpusFile('values/example__tutorial-app__helm.yaml')
    const images: ImageTarget[] = ['backend', 'frontend'].map((name) => ({
      name,
      repository: `docker.io/lyzhang1999/${name}`,
      tag: '2682590',
      digest: ''
    }))
    const { after } = await run({ [file]: before }, { images })
    expect(after(file)).toBe(
      before.replace('tag: latest', 'tag: "2682590"').replace("'1276e23'", "'2682590'")
    )
    expect(after(file).endsWith('postgres\n  ')).toBe(true)
    const again = await run({ [file]: after(file) }, { images })
    expect(again.after(file)).toBe(after(file))
  })

  it('values/ingress-nginx: repository-path and digest-path next to the tag', async () => {
    const file = 'values.yaml'
    const before = corpusFile('values/kubernetes__ingress-nginx__ingress-nginx.yaml')
    const digest = `sha256:${'ab'.repeat(32)}`
    const { after } = await run(
      { [file]: before },
      {
        valuesFiles: [file],
        images: [
          { name: 'controller', repository: 'ghcr.io/acme/controller', tag: 'v2.0.0', digest }
        ],
        tagPath: '{name}.image.tag',
        repositoryPath: '{name}.image.image',
        digestPath: '{name}.image.digest'
      }
    )
    expectOnlyValuesChanged(before, after(file), [
      { line: 29, value: 'ghcr.io/acme/controller' },
      { line: lineOfPath(before, 'controller.image.tag'), value: 'v2.0.0' },
      { line: 34, value: digest }
    ])
  })

  it('values/cert-manager: create-missing adds each tag at its siblings indentation, nothing else', async () => {
    const before = corpusFile(`values/${CERT_MANAGER}`)
    const parents = [
      'image',
      'webhook.image',
      'cainjector.image',
      'acmesolver.image',
      'startupapicheck.image'
    ]
    const changes = Object.fromEntries(parents.map((p) => [`${p}.tag`, 'v1.19.0']))
    const after = await editValues(CERT_MANAGER, changes, true)
    const added = after
      .split('\n')
      .flatMap((line, i) => (line.trim() === 'tag: v1.19.0' ? [i] : []))
    expect(added).toHaveLength(parents.length)
    // Removing the added lines gives back the original bytes.
    expect(
      after
        .split('\n')
        .filter((_l, i) => !added.includes(i))
        .join('\n')
    ).toBe(before)
    const doc = parseDocument(before)
    for (const [i, parent] of parents.entries()) {
      const path = parent.split('.')
      const map = doc.getIn(path) as YAMLMap
      const key = map.items.find((p) => isScalar(p.key) && p.key.value === 'repository')!
        .key as Scalar
      const column = key.range![0] - before.lastIndexOf('\n', key.range![0]) - 1
      expect(after.split('\n')[added[i]!]).toBe(`${' '.repeat(column)}tag: v1.19.0`)
      doc.setIn([...path, 'tag'], 'v1.19.0')
    }
    expect(parseDocument(after).toJS()).toEqual(doc.toJS())
    await expect(editValues(CERT_MANAGER, changes)).rejects.toThrow(
      /path image\.tag \(changes\) does not resolve: key 'tag' not found in image .*Set create-missing: true/
    )
  })
})
