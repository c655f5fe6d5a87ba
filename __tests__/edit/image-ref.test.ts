import { describe, expect, it } from '@jest/globals'
import { normalizeRepository, parseImageRef, sameRepository } from '../../src/edit/image-ref.js'

describe('parseImageRef', () => {
  it.each([
    ['redis', { repository: 'redis', tag: '', digest: '' }],
    ['redis:alpine', { repository: 'redis', tag: 'alpine', digest: '' }],
    ['localhost:5000/app', { repository: 'localhost:5000/app', tag: '', digest: '' }],
    ['localhost:5000/app:v1', { repository: 'localhost:5000/app', tag: 'v1', digest: '' }],
    ['busybox:1.38.0@sha256:fd8d', { repository: 'busybox', tag: '1.38.0', digest: 'sha256:fd8d' }],
    ['busybox@sha256:fd8d', { repository: 'busybox', tag: '', digest: 'sha256:fd8d' }]
  ])('%s', (text, expected) => {
    expect(parseImageRef(text)).toEqual(expected)
  })
})

describe('repository comparison', () => {
  it.each([
    ['docker.io/library/x', 'x'],
    ['library/x', 'x'],
    ['x', 'x'],
    ['index.docker.io/library/x', 'x'],
    ['docker.io/ns/x', 'ns/x'],
    ['ghcr.io/ns/x', 'ghcr.io/ns/x'],
    ['localhost:5000/x', 'localhost:5000/x'],
    ['localhost/x', 'localhost/x'],
    ['docker.io/library/a/b', 'library/a/b']
  ])('%s normalizes to %s', (repository, expected) => {
    expect(normalizeRepository(repository)).toBe(expected)
  })

  it.each([
    ['docker.io/library/redis', 'redis', true],
    ['docker.io/acme/app', 'acme/app', true],
    ['ghcr.io/acme/app', 'acme/app', false],
    ['quay.io/argoproj/argocd', 'quay.io/argoproj/argocd', true],
    ['docker.io/acme/app', 'docker.io/acme/app2', false]
  ])('%s vs %s → %p', (a, b, expected) => {
    expect(sameRepository(a, b)).toBe(expected)
  })
})
