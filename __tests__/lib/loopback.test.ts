import { describe, expect, it } from '@jest/globals'
import { isLoopbackHost, isLoopbackUrl } from '../../src/lib/loopback.js'

// interface.md, "Bounded work": what the URL itself names, never what a name resolves to.
describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.9.9.9', true],
    ['[::1]', true],
    ['::1', true],
    ['api.localhost', false],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['10.0.0.1', false],
    ['127.0.0.1.nip.io', false],
    ['[::2]', false]
  ])('%s: %p', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected)
  })

  it.each([
    ['http://127.0.0.1:8080/api', true],
    ['http://[::1]:3000', true],
    ['http://localhost', true],
    ['http://argocd.example.com', false]
  ])('%s: %p', (url, expected) => {
    expect(isLoopbackUrl(new URL(url))).toBe(expected)
  })
})
