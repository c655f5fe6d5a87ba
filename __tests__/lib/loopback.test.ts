import { describe, expect, it } from '@jest/globals'
import { isLoopbackHost, isLoopbackUrl } from '../../src/lib/loopback.js'

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['127.255.255.255', true],
    ['[::1]', true],
    ['::1', true],
    // Names that may resolve to loopback do not count: only what the URL itself says.
    ['app.localhost', false],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false],
    ['128.0.0.1', false],
    ['127.0.0.256', false],
    ['10.0.0.1', false],
    ['0.0.0.0', false],
    ['[::2]', false],
    ['[::ffff:7f00:1]', true],
    ['[::ffff:7f12:3456]', true],
    ['::ffff:127.0.0.1', true],
    ['[::ffff:a00:1]', false],
    ['[::ffff:8000:1]', false],
    ['[::1', false],
    ['argocd.example.com', false],
    ['', false]
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback)
  })
})

describe('isLoopbackUrl', () => {
  it.each([
    ['http://localhost:8080/api', true],
    ['http://127.1/', true], // WHATWG URL writes 127.1 as 127.0.0.1
    ['http://0x7f.0.0.1/', true],
    ['http://[::1]:8080/', true],
    ['http://[::ffff:127.0.0.1]:8080/', true], // written [::ffff:7f00:1]
    ['http://[0:0:0:0:0:0:0:1]/', true], // written [::1]
    ['https://127.0.0.1.nip.io/', false],
    ['http://user:pw@argocd.internal/', false]
  ])('%s → %s', (url, loopback) => {
    expect(isLoopbackUrl(url)).toBe(loopback)
    expect(isLoopbackUrl(new URL(url))).toBe(loopback)
  })
})
