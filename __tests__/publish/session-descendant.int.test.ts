import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { createPublishDeps } from '../../src/publish/publish.js'
import { openPublisher } from '../../src/publish/session.js'
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js'
import {
  cloneWorkspace,
  createRemote,
  git,
  isolateGitConfig,
  removeTempDirs,
  tempDir
} from '../support/git-fixtures.js'
import { fastDeps, inWorkspace, publishOptions } from './helpers/options.js'

const TOKEN = 'ghs_DescendantToken0123456789abcd'

let restore: () => void
let github: FakeGitHub
// main: initial → a → b; side: initial → s (diverged)
let shas: { initial: string; a: string; b: string; side: string }
let bare: string
let url: string

beforeAll(async () => {
  restore = isolateGitConfig()
  const root = tempDir('publish-desc-root-')
  ;({ bare, url } = createRemote({ 'values.yaml': 'x: 0\n' }, join(root, 'acme', 'gitops.git')))
  const work = cloneWorkspace(bare)
  const commit = (content: string): string => {
    execFileSync('sh', ['-c', `printf '${content}' > values.yaml`], { cwd: work })
    git(work, 'commit', '--quiet', '-am', content)
    return git(work, 'rev-parse', 'HEAD')
  }
  const initial = git(work, 'rev-parse', 'HEAD')
  const a = commit('x: 1\\n')
  const b = commit('x: 2\\n')
  git(work, 'push', '--quiet', 'origin', 'HEAD:main')
  git(work, 'checkout', '--quiet', '--detach', initial)
  const side = commit('x: side\\n')
  git(work, 'push', '--quiet', 'origin', 'HEAD:refs/heads/side')
  shas = { initial, a, b, side }
  github = await startFakeGitHub(root, 'acme', 'gitops', TOKEN)
})
afterAll(async () => {
  await github.close()
  restore()
  removeTempDirs()
})

const cases = (): [string, string, string, boolean][] => [
  ['the same commit', shas.b, shas.b, true],
  ['a descendant', shas.a, shas.b, true],
  ['a descendant two commits on', shas.initial, shas.b, true],
  ['an ancestor', shas.b, shas.a, false],
  ['a diverged commit', shas.a, shas.side, false],
  ['an unknown commit', shas.a, 'f'.repeat(40), false],
  ['something that is no SHA', shas.a, '--upload-pack=evil', false]
]

describe('Publisher.isDescendant', () => {
  it.each(['remote clone', 'workspace', 'api'] as const)(
    '%s mode answers every case',
    async (kind) => {
      github.calls.length = 0
      const temp = tempDir()
      const options =
        kind === 'workspace'
          ? publishOptions({ ...inWorkspace(cloneWorkspace(bare), temp) })
          : publishOptions({
              target: { kind: 'remote', url: kind === 'api' ? github.gitUrl : url },
              workspace: temp,
              tempDir: temp,
              token: TOKEN,
              mode: kind === 'api' ? 'api' : 'git',
              github: {
                serverUrl: github.serverUrl,
                apiUrl: github.apiUrl,
                graphqlUrl: github.graphqlUrl
              }
            })
      const check = await openPublisher(
        options,
        createPublishDeps(options, { ...fastDeps(), logger: createMemoryLogger() })
      )
      try {
        for (const [name, ancestor, commit, expected] of cases()) {
          expect([name, await check.isDescendant(ancestor, commit)]).toEqual([name, expected])
        }
      } finally {
        await check.close()
      }
      // api mode: every case but the one that is no SHA asks GitHub's compare API
      expect(github.calls.filter((call) => call.startsWith('GET /compare/'))).toHaveLength(
        kind === 'api' ? 6 : 0
      )
    }
  )
})
