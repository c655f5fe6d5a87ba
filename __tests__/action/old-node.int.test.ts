import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { runAction } from '../support/run-action.js'

// act runs JavaScript actions with the Node of its runner image, which is often 20.
const oldNode = process.env.GITOPS_TEST_OLD_NODE
const itWithOldNode = oldNode === undefined || oldNode === '' ? it.skip : it

describe('the bundle on an older Node', () => {
  let workspace: string

  beforeAll(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), 'gitops-node20-'))
    await mkdir(path.join(workspace, 'helm'))
    await writeFile(path.join(workspace, 'helm', 'values.yaml'), 'web:\n  tag: old # current\n')
  })

  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true })
  })

  // .ci/run sets GITOPS_TEST_OLD_NODE when the machine's Node is older than 24; elsewhere the
  // test is reported as skipped, not passed.
  itWithOldNode('edits the values file with the machine Node', async () => {
    if (oldNode === undefined) return
    const version = execFileSync(oldNode, ['--version'], { encoding: 'utf8' }).trim()
    console.info(`running dist/index.js with ${oldNode} ${version}`)
    const run = await runAction({
      workspace,
      node: oldNode,
      inputs: { images: 'web', build: 'false', commit: 'false', tag: 'v2' }
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(await readFile(path.join(workspace, 'helm', 'values.yaml'), 'utf8')).toBe(
      'web:\n  tag: v2 # current\n'
    )
  })
})
