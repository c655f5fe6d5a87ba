import { describe, expect, it } from '@jest/globals'
import {
  digestFromPushOutput,
  digestFromRepoDigests,
  parseMetadata
} from '../../src/images/digest.js'

const D1 = `sha256:${'a'.repeat(64)}`
const D2 = `sha256:${'b'.repeat(64)}`

describe('digests', () => {
  it.each<[string, Record<string, unknown> | undefined]>([
    [
      '{"containerimage.digest":"x","buildx.build.ref":"b/r"}',
      { 'containerimage.digest': 'x', 'buildx.build.ref': 'b/r' }
    ],
    ['[]', undefined],
    ['null', undefined],
    ['', undefined]
  ])('parseMetadata(%s)', (text, expected) => {
    expect(parseMetadata(text)).toEqual(expected)
  })

  it.each<[string, string, string | undefined]>([
    [`The push refers to repository [r/x]\n1a: Pushed\nt1: digest: ${D1} size: 528\n`, 't1', D1],
    [`latest: digest: ${D2} size: 1\nt1: digest: ${D1} size: 528`, 't1', D1],
    [`latest: digest: ${D2} size: 1`, 't1', undefined],
    ['t1: Pushed', 't1', undefined]
  ])('digestFromPushOutput #%#', (output, tag, expected) => {
    expect(digestFromPushOutput(output, tag)).toBe(expected)
  })

  it.each<[string, string, string | undefined]>([
    [JSON.stringify([`acme/web@${D1}`]), 'docker.io/acme/web', D1],
    [JSON.stringify([`other/web@${D2}`, `127.0.0.1:5000/web@${D1}`]), '127.0.0.1:5000/web', D1],
    [JSON.stringify([`other/web@${D2}`]), 'acme/web', undefined],
    [JSON.stringify([]), 'acme/web', undefined],
    ['null', 'acme/web', undefined],
    ['garbage', 'acme/web', undefined],
    // Docker's normalisation (src/lib/image-ref.ts): `library/` only for one-component names,
    // host names fold case, and registry-1.docker.io is a registry of its own.
    [JSON.stringify([`nginx@${D1}`]), 'docker.io/library/nginx', D1],
    [JSON.stringify([`a/b@${D1}`]), 'library/a/b', undefined],
    [JSON.stringify([`library/a/b@${D1}`]), 'docker.io/library/a/b', D1],
    [JSON.stringify([`ghcr.io/acme/web@${D1}`]), 'GHCR.io/acme/web', D1],
    [JSON.stringify([`acme/web@${D1}`]), 'registry-1.docker.io/acme/web', undefined],
    [JSON.stringify([`acme/web@${D1}`]), 'not a repository', undefined]
  ])('digestFromRepoDigests #%#', (json, repository, expected) => {
    expect(digestFromRepoDigests(json, repository)).toBe(expected)
  })
})
