import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBuildTemp, removeBuildTemp } from '../../src/images/build-temp.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { run as post } from '../../src/post.js'
import { createMemoryRuntime } from '../support/memory-runtime.js'

describe('build temp folders', () => {
  let runnerTemp = ''

  beforeEach(async () => {
    runnerTemp = await mkdtemp(join(tmpdir(), 'runner-temp-'))
  })
  afterEach(async () => {
    await rm(runnerTemp, { recursive: true, force: true })
  })

  /** Two folders a killed build left behind, and things that are not the action's. */
  const leaveBehind = async (): Promise<void> => {
    const left = [await createBuildTemp(runnerTemp), await createBuildTemp(runnerTemp)]
    for (const dir of left) await writeFile(join(dir, 'api.metadata.json'), '{}')
    await mkdir(join(runnerTemp, 'other-tool-build-1'))
    await writeFile(join(runnerTemp, 'gitops-release-build-note'), 'a file, not a build folder')
  }

  it('removes every build folder in RUNNER_TEMP and nothing else', async () => {
    await leaveBehind()
    const logger = createMemoryLogger()
    await removeBuildTemp(runnerTemp, logger)
    expect((await readdir(runnerTemp)).sort()).toEqual([
      'gitops-release-build-note',
      'other-tool-build-1'
    ])
    expect(logger.lines).toEqual([
      expect.stringMatching(/^info: Removed leftover build folder\(s\): gitops-release-build-/)
    ])
  })

  it('does nothing without RUNNER_TEMP (never sweeps a shared folder)', async () => {
    await leaveBehind()
    await removeBuildTemp('', createMemoryLogger())
    expect(await readdir(runnerTemp)).toHaveLength(4)
  })

  it('is part of the post step', async () => {
    await leaveBehind()
    const saved = process.env.RUNNER_TEMP
    process.env.RUNNER_TEMP = runnerTemp
    try {
      await post(createMemoryRuntime(), createMemoryLogger())
    } finally {
      if (saved === undefined) Reflect.deleteProperty(process.env, 'RUNNER_TEMP')
      else process.env.RUNNER_TEMP = saved
    }
    expect((await readdir(runnerTemp)).sort()).toEqual([
      'gitops-release-build-note',
      'other-tool-build-1'
    ])
  })
})
