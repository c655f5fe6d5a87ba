import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fetchHeads, headSymref } from '../../../src/publish/git/fetch-head.js'

const dir = mkdtempSync(join(tmpdir(), 'fetch-head-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})
const A = 'a'.repeat(40)
const B = 'b'.repeat(40)

describe('headSymref', () => {
  it.each([
    [
      'protocol v2',
      `12:00 pkt-line.c:80 packet:        fetch< ${A} HEAD symref-target:refs/heads/main`,
      'main'
    ],
    [
      'protocol v2, a branch with a slash',
      `packet: git< ${A} HEAD symref-target:refs/heads/env/prod`,
      'env/prod'
    ],
    [
      'protocol v0',
      `packet:        fetch< ${A} HEAD\\0multi_ack symref=HEAD:refs/heads/trunk agent=git/2`,
      'trunk'
    ],
    [
      'the server side only',
      `packet:  upload-pack> ${A} HEAD symref-target:refs/heads/main`,
      undefined
    ],
    ['no HEAD listed', `packet:        fetch< ${A} refs/heads/main`, undefined]
  ])('%s', async (_name, line, expected) => {
    const path = join(dir, 'trace')
    writeFileSync(path, `packet:        fetch> command=ls-refs\n${line}\n`)
    expect(await headSymref(path)).toBe(expected)
  })

  it('is undefined without a trace', async () => {
    expect(await headSymref(join(dir, 'missing'))).toBeUndefined()
  })
})

describe('fetchHeads', () => {
  it('reads each branch and HEAD', async () => {
    writeFileSync(
      join(dir, 'FETCH_HEAD'),
      `${A}\t\tbranch 'env/prod' of https://example.test/r\n${B}\t\thttps://example.test/r\n`
    )
    expect(await fetchHeads(dir)).toEqual({ branches: new Map([['env/prod', A]]), head: B })
  })

  it('is undefined without FETCH_HEAD', async () => {
    expect(await fetchHeads(join(dir, 'nowhere'))).toBeUndefined()
  })
})
