import { describe, expect, it } from '@jest/globals'
import {
  digestFromMetadata,
  digestFromPushOutput,
  digestFromRepoDigests,
  isDigest,
  normalizeRepository
} from '../../src/build/digest.js'

const D1 = `sha256:${'a'.repeat(64)}`
const D2 = `sha256:${'b'.repeat(64)}`

describe('digests', () => {
  it.each<[unknown, boolean]>([
    [D1, true],
    [`sha256:${'a'.repeat(63)}`, false],
    [`sha256:${'A'.repeat(64)}`, false],
    [42, false]
  ])('isDigest(%p) is %p', (value, expected) => {
    expect(isDigest(value)).toBe(expected)
  })

  it.each<[string, string | undefined]>([
    [JSON.stringify({ 'containerimage.digest': D1, 'image.name': 'x' }), D1],
    [JSON.stringify({ 'containerimage.config.digest': D1 }), undefined],
    [JSON.stringify({ 'containerimage.digest': 'nope' }), undefined],
    ['null', undefined],
    ['', undefined],
    ['{not json', undefined]
  ])('digestFromMetadata(%s)', (text, expected) => {
    expect(digestFromMetadata(text)).toBe(expected)
  })

  it.each<[string, string, string | undefined]>([
    [`The push refers to repository [r/x]\n1a: Pushed\nt1: digest: ${D1} size: 528\n`, 't1', D1],
    [`latest: digest: ${D2} size: 1\nt1: digest: ${D1} size: 528`, 't1', D1],
    [`latest: digest: ${D2} size: 1`, 't1', undefined],
    ['t1: Pushed', 't1', undefined]
  ])('digestFromPushOutput #%#', (output, tag, expected) => {
    expect(digestFromPushOutput(output, tag)).toBe(expected)
  })

  it.each<[string, string]>([
    ['docker.io/library/nginx', 'nginx'],
    ['docker.io/acme/web', 'acme/web'],
    ['index.docker.io/acme/web', 'acme/web'],
    ['library/nginx', 'nginx'],
    ['ghcr.io/Acme/web', 'ghcr.io/acme/web'],
    ['127.0.0.1:5000/web', '127.0.0.1:5000/web']
  ])('normalizeRepository(%s) = %s', (repository, expected) => {
    expect(normalizeRepository(repository)).toBe(expected)
  })

  it.each<[string, string, string | undefined]>([
    [JSON.stringify([`acme/web@${D1}`]), 'docker.io/acme/web', D1],
    [JSON.stringify([`other/web@${D2}`, `127.0.0.1:5000/web@${D1}`]), '127.0.0.1:5000/web', D1],
    [JSON.stringify([`other/web@${D2}`]), 'acme/web', undefined],
    [JSON.stringify([]), 'acme/web', undefined],
    ['null', 'acme/web', undefined],
    ['garbage', 'acme/web', undefined]
  ])('digestFromRepoDigests #%#', (json, repository, expected) => {
    expect(digestFromRepoDigests(json, repository)).toBe(expected)
  })
})
