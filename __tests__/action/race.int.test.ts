import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parse } from 'yaml'
import { checkoutWorkspace, createRemote, git } from '../support/git-fixtures.js'
import { runAction } from '../support/run-action.js'

const SERVICES = Array.from({ length: 8 }, (_unused, i) => `svc${i}`)

// Eight jobs of one workflow finish at once; each bumps its own image in the same values file.
describe('dist/index.js racing against one remote', () => {
  let dir: string
  let remote: string

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gitops-race-'))
    const values = SERVICES.map((name) => `${name}:\n  image: acme/${name}\n  tag: old\n`).join('')
    remote = createRemote(
      { 'helm/values.yaml': `# services\n${values}` },
      path.join(dir, 'remote.git')
    ).bare
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('lands every update with the default push-attempts: one commit each, linear history, all tags in the file', async () => {
    const base = git(remote, 'rev-parse', 'main')
    const runs = await Promise.all(
      SERVICES.map(async (name, i) => {
        const workspace = path.join(dir, `ws-${name}`)
        checkoutWorkspace(remote, workspace)
        return runAction({
          workspace,
          inputs: {
            images: name,
            build: 'false',
            tag: `v1.${i}`,
            token: ''
          }
        })
      })
    )
    for (const run of runs) {
      expect(run.stdout).not.toMatch(/::error/)
      expect(run.exitCode).toBe(0)
      expect(run.outputs.changed).toBe('true')
      expect(run.outputs['commit-sha']).toMatch(/^[0-9a-f]{40}$/)
    }

    const log = git(remote, 'log', '--format=%H %P', `${base}..main`).split('\n')
    expect(log).toHaveLength(SERVICES.length)
    for (const entry of log) expect(entry.split(' ')).toHaveLength(2) // one parent: no merges
    const landed = new Set(log.map((entry) => entry.split(' ')[0]))
    for (const run of runs) expect(landed.has(run.outputs['commit-sha'])).toBe(true)

    const checkout = path.join(dir, 'verify')
    git(dir, 'clone', '-q', remote, checkout)
    const data = parse(
      await readFile(path.join(checkout, 'helm', 'values.yaml'), 'utf8')
    ) as Record<string, { tag: string }>
    SERVICES.forEach((name, i) => {
      expect(data[name]?.tag).toBe(`v1.${i}`)
    })
  })
})
