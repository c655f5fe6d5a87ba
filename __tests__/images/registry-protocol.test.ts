import { describe, expect, it } from '@jest/globals'
import { parseChallenge, pickManifest, registryBase } from '../../src/images/registry-protocol.js'

const D = (c: string) => `sha256:${c.repeat(64)}`

describe('registry API helpers', () => {
  it.each<[string, string]>([
    ['docker.io', 'https://registry-1.docker.io'],
    ['ghcr.io', 'https://ghcr.io'],
    ['127.0.0.1:5000', 'http://127.0.0.1:5000'],
    ['localhost:5000', 'http://localhost:5000'],
    ['[::1]:5000', 'http://[::1]:5000'],
    // The one loopback rule (lib/loopback.ts): IPv4-mapped loopback counts, a non-address does not.
    ['[::ffff:7f00:1]:5000', 'http://[::ffff:7f00:1]:5000'],
    ['127.999.0.1:5000', 'https://127.999.0.1:5000'],
    ['registry.example.com:443', 'https://registry.example.com:443']
  ])('registryBase(%s) = %s', (domain, expected) => {
    expect(registryBase(domain)).toBe(expected)
  })

  it.each<[string | undefined, ReturnType<typeof parseChallenge>]>([
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull"',
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:a/b:pull'
        }
      }
    ],
    ['Basic realm="Registry Realm"', { scheme: 'basic', params: { realm: 'Registry Realm' } }],
    [
      'Bearer realm=https://x/token, service=x',
      { scheme: 'bearer', params: { realm: 'https://x/token', service: 'x' } }
    ],
    [undefined, undefined]
  ])('parseChallenge(%j)', (header, expected) => {
    expect(parseChallenge(header)).toEqual(expected)
  })

  const index = {
    manifests: [
      { digest: D('a'), platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      { digest: D('b'), platform: { os: 'linux', architecture: 'amd64' } },
      { digest: D('c'), platform: { os: 'unknown', architecture: 'unknown' } }
    ]
  }
  it.each<[unknown, string | undefined, string | undefined]>([
    [index, undefined, D('b')],
    [index, 'linux/arm64', D('a')],
    [index, 'linux/arm64/v8', D('a')],
    [index, 'linux/s390x', D('b')],
    [{ manifests: [index.manifests[2], index.manifests[0]] }, undefined, D('a')],
    [{ manifests: [index.manifests[2]] }, undefined, undefined],
    [{}, undefined, undefined]
  ])('pickManifest #%#', (list, platform, expected) => {
    expect(pickManifest(list, platform)).toBe(expected)
  })
})
