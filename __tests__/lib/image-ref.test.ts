import { describe, expect, it } from '@jest/globals'
import {
  isNamespace,
  isRegistry,
  normalizeRepository,
  parseReference,
  sameRepository,
  splitReference
} from '../../src/lib/image-ref.js'

const DIGEST = `sha256:${'a'.repeat(64)}`

describe('splitReference (as written, no validation)', () => {
  it.each([
    ['redis', 'redis', '', ''],
    ['redis:alpine', 'redis', 'alpine', ''],
    ['localhost:5000/app', 'localhost:5000/app', '', ''],
    ['localhost:5000/app:v1', 'localhost:5000/app', 'v1', ''],
    [`busybox:1.38@${DIGEST}`, 'busybox', '1.38', DIGEST],
    [`busybox@${DIGEST}`, 'busybox', '', DIGEST],
    ['Docker.io/Acme/X:v', 'Docker.io/Acme/X', 'v', '']
  ])('%s', (text, repository, tag, digest) => {
    expect(splitReference(text)).toEqual({ repository, tag, digest })
  })
})

describe('normalizeRepository (Docker normalisation)', () => {
  it.each([
    ['x', 'docker.io/library/x'],
    ['library/x', 'docker.io/library/x'],
    ['docker.io/library/x', 'docker.io/library/x'],
    ['index.docker.io/x', 'docker.io/library/x'],
    ['docker.io/ns/x', 'docker.io/ns/x'],
    ['ns/x', 'docker.io/ns/x'],
    // library/ is added only to a single-component Hub path.
    ['library/a/b', 'docker.io/library/a/b'],
    // Another host serving Docker Hub's content is still another registry.
    ['registry-1.docker.io/x', 'registry-1.docker.io/x'],
    ['GHCR.io/acme/x', 'ghcr.io/acme/x'],
    ['ghcr.io/acme/x', 'ghcr.io/acme/x'],
    ['localhost/x', 'localhost/x'],
    ['localhost:5000/a/b', 'localhost:5000/a/b'],
    ['[::1]:5000/x', '[::1]:5000/x'],
    ['a__b/c-d/e.f', 'docker.io/a__b/c-d/e.f'],
    // Invalid: upper case in the path, a path component that starts or ends with a separator.
    ['Docker.io/Acme/X', undefined],
    ['Acme/x', 'acme/x'],
    ['x/-y', undefined],
    ['x/y.', undefined],
    ['a\nb/x', undefined],
    ['evil ns/x', undefined],
    ['../../x', undefined],
    ['--help me', undefined],
    ['', undefined],
    ['a'.repeat(256), undefined]
  ])('%j → %j', (repository, expected) => {
    expect(normalizeRepository(repository)).toBe(expected)
  })
})

describe('sameRepository', () => {
  it.each([
    ['docker.io/library/x', 'x', true],
    ['library/x', 'x', true],
    ['docker.io/ns/x', 'ns/x', true],
    ['index.docker.io/ns/x', 'docker.io/ns/x', true],
    ['GHCR.io/acme/x', 'ghcr.io/acme/x', true],
    ['registry-1.docker.io/library/x', 'x', false],
    ['ghcr.io/ns/x', 'ns/x', false],
    ['Docker.io/Acme/X', 'docker.io/acme/x', false],
    ['library/a/b', 'a/b', false],
    ['x', 'x', true],
    ['docker.io/library/redis', 'redis', true],
    ['quay.io/argoproj/argocd', 'quay.io/argoproj/argocd', true],
    ['localhost/x', 'localhost/x', true],
    ['localhost:5000/x', 'x', false],
    ['docker.io/acme/app', 'docker.io/acme/app2', false]
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(sameRepository(a, b)).toBe(expected)
  })
})

describe('parseReference', () => {
  it.each([
    ['x:v1', { domain: 'docker.io', path: 'library/x', tag: 'v1', digest: '' }],
    [`ghcr.io/a/b:v@${DIGEST}`, { domain: 'ghcr.io', path: 'a/b', tag: 'v', digest: DIGEST }],
    ['x:-bad', undefined],
    ['x@sha256:short', undefined],
    ['x@', undefined]
  ])('%s', (text, expected) => {
    expect(parseReference(text)).toEqual(expected)
  })
})

describe('input pieces', () => {
  it.each([
    ['', true],
    ['acme', true],
    ['acme/team', true],
    ['lyzhang1999', true],
    ['a\nb', false],
    ['evil ns', false],
    ['../..', false],
    ['Acme', false],
    ['-x', false]
  ])('namespace %j: %s', (value, expected) => {
    expect(isNamespace(value)).toBe(expected)
  })
  it.each([
    ['docker.io', true],
    ['localhost:5000', true],
    ['127.0.0.1:5000', true],
    ['[::1]:5000', true],
    ['host name', false],
    ['-x', false],
    ['a/b', false]
  ])('registry %j: %s', (value, expected) => {
    expect(isRegistry(value)).toBe(expected)
  })
})
