import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { repoRoot, runAction } from '../support/run-action.js'

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

describe('the README commands on an older Node', () => {
  // `npm test` and `npm run demo` start with scripts/require-node.js: one line naming Node 24 and
  // how to get it, exit 1, before jest or the demo load anything that needs Node 24. The extra
  // arguments keep a broken guard cheap: jest only lists its files, the demo skips Docker.
  function guardOutput(args: string[]): { said: string[]; status: number | null } {
    if (oldNode === undefined) throw new Error('GITOPS_TEST_OLD_NODE is not set')
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${path.dirname(oldNode)}${path.delimiter}${process.env.PATH ?? ''}`
    }
    delete env.NODE_OPTIONS
    const run = spawnSync('npm', args, { cwd: repoRoot, env, encoding: 'utf8', timeout: 120_000 })
    const said = `${run.stdout}${run.stderr}`
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('> '))
    return { said, status: run.status }
  }
  const oneLine = [expect.stringMatching(/needs Node 24, but `node` is v\d+\..*nvm install 24/)]

  itWithOldNode('npm test stops at once with one line saying Node 24 is needed', () => {
    expect(guardOutput(['test', '--', '--listTests'])).toEqual({ said: oneLine, status: 1 })
  })

  itWithOldNode('npm run demo stops at once with one line saying Node 24 is needed', () => {
    expect(guardOutput(['run', 'demo', '--', '--no-build'])).toEqual({ said: oneLine, status: 1 })
  })
})
