import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { computeEdits } from '../../src/edit/compute-edits.js'
import { createWorkspaceSource } from '../../src/edit/workspace-source.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { readCandidate } from '../../src/promote/candidate.js'
import { alreadyPromoted } from '../../src/promote/naming.js'
import { targetEditRequest } from '../../src/promote/target-request.js'
import { parseEnvironments, resolvePromotion } from '../../src/settings/environments.js'

// The example of docs/promotion.md, read as the action would: its environments, its files, and
// the edit a promotion to prod makes there.
const folder = new URL('../../examples/promotion/', import.meta.url)
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl'

interface Workflow {
  env: { ENVIRONMENTS: string }
  jobs: Record<string, { steps: { with?: Record<string, string> }[] }>
}

describe('examples/promotion', () => {
  const workflow = parse(readFileSync(new URL('release.yml', folder), 'utf8')) as Workflow
  const inputs = workflow.jobs.prod?.steps.find((step) => step.with?.['promote-to'])?.with ?? {}
  const environments = parseEnvironments(
    workflow.env.ENVIRONMENTS,
    {
      tagPath: inputs['tag-path'] ?? '',
      digestPath: inputs['digest-path'] ?? '',
      server: inputs['argocd-server'] ?? '',
      token: JWT,
      insecure: false,
      topLevel: { valuesFileIsDefault: true, kustomizations: [], manifests: [], apps: [] }
    },
    () => undefined
  )
  const images = ['backend', 'frontend'].map((name) => ({
    name,
    repository: `docker.io/acme/${name}`
  }))
  const source = createWorkspaceSource(new URL('.', folder).pathname)

  it('promotes prod from staging through a pull request', () => {
    const promotion = resolvePromotion({ environments, promoteTo: inputs['promote-to'] ?? '' })
    expect([promotion?.from.name, promotion?.to.name, promotion?.to.createPr]).toEqual([
      'staging',
      'prod',
      true
    ])
  })

  it('staging already holds what dev runs; prod gets only new tags and digests', async () => {
    const [dev, staging, prod] = environments
    if (dev === undefined || staging === undefined || prod === undefined) throw new Error('3 envs')
    const fromDev = await readCandidate(source, dev, images)
    const inStaging = await readCandidate(source, staging, images)
    expect(alreadyPromoted(inStaging, fromDev)).toBe(true)
    const inProd = await readCandidate(source, prod, images)
    expect(alreadyPromoted(inProd, inStaging)).toBe(false)

    const request = targetEditRequest({
      target: prod,
      images: inStaging,
      held: inProd,
      pinDigest: false,
      createMissing: false,
      vars: { tag: '', sha: '', shortSha: '' }
    })
    const [edit] = await computeEdits(source, request, createMemoryLogger())
    const before = edit?.before.split('\n') ?? []
    const after = edit?.after.split('\n') ?? []
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [after[i]?.trim()]))
    expect(changed).toEqual(
      inStaging.flatMap((image) => [`tag: "${image.tag}"`, `digest: "${image.digest}"`])
    )
  })
})
