import { describe, expect, it } from '@jest/globals'
import { proxyRoute, type ProxyEnv } from '../../src/lib/proxy-env.js'

const routeOf = (url: string, env: ProxyEnv): string => {
  const route = proxyRoute(new URL(url), env)
  if (route.kind === 'proxy') return `${route.variable} ${route.proxy.href}`
  return route.kind === 'invalid' ? `invalid: ${route.reason}` : 'direct'
}

describe('proxyRoute', () => {
  it.each<[string, string, ProxyEnv, string]>([
    ['no variables', 'https://argocd.example.com/', {}, 'direct'],
    [
      'https uses HTTPS_PROXY',
      'https://argocd.example.com/',
      { HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'http://other:1' },
      'HTTPS_PROXY http://proxy:3128/'
    ],
    [
      'http uses HTTP_PROXY',
      'http://argocd.example.com:8080/api/webhook',
      { HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'http://other:1' },
      'HTTP_PROXY http://other:1/'
    ],
    [
      'http does not use HTTPS_PROXY',
      'http://argocd.example.com/',
      { HTTPS_PROXY: 'http://proxy:3128' },
      'direct'
    ],
    [
      'the lower-case name first',
      'https://argocd.example.com/',
      { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' },
      'https_proxy http://lower:1/'
    ],
    [
      'an empty lower-case value is unset',
      'http://argocd.example.com/',
      { http_proxy: ' ', HTTP_PROXY: 'http://upper:2' },
      'HTTP_PROXY http://upper:2/'
    ],
    [
      'no scheme means http://',
      'https://argocd.example.com/',
      { HTTPS_PROXY: 'proxy.corp:3128' },
      'HTTPS_PROXY http://proxy.corp:3128/'
    ],
    [
      'credentials stay in the proxy URL',
      'https://argocd.example.com/',
      { HTTPS_PROXY: 'http://u%40x:p%3Aw@proxy:3128' },
      'HTTPS_PROXY http://u%40x:p%3Aw@proxy:3128/'
    ],
    [
      'an https proxy',
      'https://argocd.example.com/',
      { HTTPS_PROXY: 'https://proxy:3129' },
      'HTTPS_PROXY https://proxy:3129/'
    ],
    [
      'loopback is never proxied',
      'http://127.0.0.1:8080/',
      { HTTP_PROXY: 'http://proxy:3128' },
      'direct'
    ],
    ['localhost is never proxied', 'https://localhost/', { HTTPS_PROXY: 'http://p:1' }, 'direct'],
    ['[::1] is never proxied', 'http://[::1]:80/', { HTTP_PROXY: 'http://p:1' }, 'direct'],
    [
      'a name that resolves to loopback is proxied',
      'http://app.localhost/',
      { HTTP_PROXY: 'http://p:1' },
      'HTTP_PROXY http://p:1/'
    ],
    [
      'NO_PROXY exempts',
      'https://argocd.example.com/',
      { HTTPS_PROXY: 'http://p:1', NO_PROXY: '.example.com' },
      'direct'
    ],
    [
      'no_proxy exempts',
      'https://argocd.example.com/',
      { HTTPS_PROXY: 'http://p:1', no_proxy: 'example.com' },
      'direct'
    ],
    [
      'a socks proxy is refused',
      'https://argocd.example.com/',
      { HTTPS_PROXY: 'socks5://p:1080' },
      'invalid: HTTPS_PROXY names a socks5 proxy; only http:// and https:// proxies are supported'
    ],
    [
      'garbage is refused',
      'https://argocd.example.com/',
      { HTTPS_PROXY: 'http://[bad' },
      'invalid: HTTPS_PROXY is not a URL'
    ]
  ])('%s', (_title, url, env, expected) => {
    expect(routeOf(url, env)).toBe(expected)
  })
})

describe('NO_PROXY exemptions', () => {
  it.each<[string, string, boolean]>([
    ['https://argocd.example.com/', '*', true],
    ['https://argocd.example.com/', 'example.com', true],
    ['https://argocd.example.com/', '.example.com', true],
    ['https://example.com/', '.example.com', true],
    ['https://argocd.example.com/', '*.example.com', true],
    ['https://argocd.example.com/', '.example', false],
    ['https://argocd.example/', '.example', true],
    ['https://argocd.example/', 'example', true],
    ['https://argocd.notexample.com/', 'example.com', false],
    ['https://example.com.evil.net/', 'example.com', false],
    ['https://ARGOCD.Example.COM/', 'argocd.example.com', true],
    ['https://argocd.example.com./', 'argocd.example.com', true],
    ['https://argocd.example.com/', 'ARGOCD.EXAMPLE.COM.', true],
    ['https://argocd.example.com/', 'other.com,argocd.example.com', true],
    ['https://argocd.example.com/', 'other.com, argocd.example.com', true],
    ['https://argocd.example.com/', 'other.com argocd.example.com', true],
    ['https://argocd.example.com/', ',,', false],
    ['https://argocd.example.com/', '', false],
    // host:port matches that port only; the scheme's port when the URL has none
    ['http://argocd.example.com:8080/', 'argocd.example.com:8080', true],
    ['http://argocd.example.com:8081/', 'argocd.example.com:8080', false],
    ['https://argocd.example.com/', 'argocd.example.com:443', true],
    ['http://argocd.example.com/', 'argocd.example.com:80', true],
    ['http://argocd.example.com/', '.example.com:80', true],
    ['https://argocd.example.com/', 'argocd.example.com:80', false],
    // addresses, CIDR and IPv6
    ['http://10.1.2.3:8080/', '10.1.2.3', true],
    ['http://10.1.2.3:8080/', '10.1.2.4', false],
    ['http://10.1.2.3:8080/', '10.0.0.0/8', true],
    ['http://11.1.2.3:8080/', '10.0.0.0/8', false],
    ['http://10.1.2.3:8080/', '10.1.2.3:8080', true],
    ['http://[fd00::5]:8080/', 'fd00::5', true],
    ['http://[fd00::5]:8080/', 'fd00:0:0::5', true],
    ['http://[fd00::5]:8080/', '[fd00::5]', true],
    ['http://[fd00::5]:8080/', '[fd00::5]:8080', true],
    ['http://[fd00::5]:8080/', '[fd00::5]:9090', false],
    ['http://[fd00::5]:8080/', 'fd00::/16', true],
    ['http://[fe00::5]:8080/', 'fd00::/16', false],
    // an address entry never matches a name, nor a name suffix an address
    ['http://10.1.2.3.nip.io/', '10.1.2.3', false],
    ['http://10.1.2.3/', '2.3', false]
  ])('%s with NO_PROXY=%j → direct: %s', (url, noProxy, direct) => {
    const proxy = 'http://proxy:3128'
    const env = { https_proxy: proxy, http_proxy: proxy, NO_PROXY: noProxy }
    expect(routeOf(url, env) === 'direct').toBe(direct)
  })
})
