import { describe, expect, it } from '@jest/globals'
import { PublishError } from '../../src/lib/errors.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { checkPrerequisites, chooseBranch } from '../../src/publish/publish-common.js'
import type { PublishOptions } from '../../src/publish/publish.js'
import { publishOptions } from './helpers/options.js'

const workspace = { kind: 'workspace' } as const
const remote = { kind: 'remote', url: 'https://github.com/acme/gitops.git' } as const

function options(over: Partial<PublishOptions>): PublishOptions {
  return publishOptions({ target: workspace, workspace: '/ws', tempDir: '/tmp', ...over })
}

describe('chooseBranch', () => {
  it.each([
    ['the branch input wins', { branch: 'deploy', workflowBranch: 'feature' }, 'deploy', false],
    ['the workflow branch for the workspace', { workflowBranch: 'feature' }, 'feature', false],
    [
      'the default branch for another repository',
      { target: remote, workflowBranch: 'feature' },
      'trunk',
      true
    ],
    [
      'the branch input for another repository',
      { target: remote, branch: 'env/prod' },
      'env/prod',
      false
    ]
  ] as const)('%s', async (_name, over, expected, readsDefault) => {
    let reads = 0
    const readDefault = () => {
      reads++
      return Promise.resolve('trunk')
    }
    const logger = createMemoryLogger()
    const branch = await chooseBranch(options(over), readDefault, 'acme/gitops', logger)
    expect(branch).toBe(expected)
    expect(reads).toBe(readsDefault ? 1 : 0)
  })

  it.each([
    [
      'a pull request or tag run in the workspace',
      { target: workspace },
      /This run is not on a branch.*Set the branch input/
    ],
    [
      'another repository without a default branch',
      { target: remote },
      /does not name a default branch/
    ]
  ] as const)('refuses %s, naming the branch input', async (_name, over, message) => {
    const run = chooseBranch(
      options(over),
      () => Promise.resolve(''),
      'acme/gitops',
      createMemoryLogger()
    )
    await expect(run).rejects.toThrow(PublishError)
    await expect(run).rejects.toThrow(message)
    await expect(run).rejects.toMatchObject({ location: { input: 'branch' } })
  })

  it('never falls back to the default branch for the workspace', async () => {
    let reads = 0
    const run = chooseBranch(
      options({ target: workspace }),
      () => {
        reads++
        return Promise.resolve('main')
      },
      'acme/gitops',
      createMemoryLogger()
    )
    await expect(run).rejects.toThrow(/not on a branch/)
    expect(reads).toBe(0)
  })
})

describe('checkPrerequisites', () => {
  it.each([
    // options, on the GitHub server, expected error
    [{ createPr: true }, false, /create-pr needs a repository on the GitHub server/],
    [{ createPr: true, dryRun: true }, false, /create-pr needs a repository on the GitHub server/],
    [{ mode: 'api' }, false, /commit-mode: api needs a repository on the GitHub server/],
    [{ mode: 'api', dryRun: true }, false, /commit-mode: api needs a repository/]
  ] as const)('refuses %p (on GitHub: %p) with %p', (over, onGitHub, message) => {
    expect(() => {
      checkPrerequisites(options(over), onGitHub)
    }).toThrow(message)
  })

  it.each([
    [{ createPr: true, token: 'T' }, true],
    [{ mode: 'api', dryRun: true, token: 'T' }, true],
    [{ dryRun: true }, false],
    [{}, false]
  ] as const)('accepts %p (on GitHub: %p)', (over, onGitHub) => {
    expect(() => {
      checkPrerequisites(options(over), onGitHub)
    }).not.toThrow()
  })
})
