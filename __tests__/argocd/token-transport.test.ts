import { describe, expect, it } from '@jest/globals'
import {
  checkTokenTransport,
  isLoopbackHost,
  PlainHttpTokenError
} from '../../src/argocd/argocd-api.js'
import type { PushedCommit } from '../../src/argocd/types.js'
import { parseAppRef } from '../../src/argocd/app-ref.js'
import { ArgoCdError } from '../../src/errors.js'
import { waitForApps } from '../../src/argocd/wait.js'
import type { HttpClient, HttpRequest } from '../../src/lib/http.js'
import { createMemoryLogger } from '../../src/logger.js'
import { createFakeClock } from '../support/fake-clock.js'

describe('isLoopbackHost', () => {
  it.each<[string, boolean]>([
    ['localhost', true],
    ['LOCALHOST', true],
    ['argocd.localhost', true],
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['[::1]', true],
    ['::1', true],
    ['[::ffff:7f00:1]', true],
    ['128.0.0.1', false],
    ['10.0.0.1', false],
    ['[::2]', false],
    ['[::ffff:a00:1]', false],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false],
    ['argocd.example.com', false]
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback)
  })
})

describe('checkTokenTransport', () => {
  it.each<[string, boolean, boolean]>([
    ['https://argocd.example.com', false, true],
    ['http://127.0.0.1:8080', false, true],
    ['http://localhost:8080/argocd', false, true],
    ['http://[::1]:8080', false, true],
    ['http://argocd.example.com', false, false],
    ['http://10.1.2.3:8080', false, false],
    ['http://argocd.example.com', true, true]
  ])('%s (insecure %s) → allowed %s', (server, insecure, allowed) => {
    let refused = false
    try {
      checkTokenTransport(server, insecure)
    } catch (error) {
      refused = error instanceof PlainHttpTokenError
    }
    expect(refused).toBe(!allowed)
  })

  it('names argocd-server, the host and the way out, without the URL password', () => {
    let error: unknown
    try {
      checkTokenTransport('http://user:hunter2@argocd.example.com/argocd', false)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(PlainHttpTokenError)
    const refusal = error as PlainHttpTokenError
    expect(refusal.location).toEqual({ input: 'argocd-server' })
    expect(refusal.message).toMatch(
      /^argocd-server: .* is plain http to argocd\.example\.com, .*argocd-token unencrypted; use https, or set argocd-insecure: true/
    )
    expect(refusal.message).not.toContain('hunter2')
  })
})

describe('waitForApps over plain http', () => {
  const commit: PushedCommit = {
    repoUrl: 'https://github.com/acme/gitops',
    branch: 'main',
    defaultBranch: 'main',
    before: '1'.repeat(40),
    after: '2'.repeat(40),
    files: [],
    message: 'release',
    authorName: 'bot',
    authorEmail: 'bot@example.com'
  }
  // Records what would have been sent; answers like an app already deployed.
  const recordingHttp = (): HttpClient & { readonly sent: HttpRequest[] } => {
    const sent: HttpRequest[] = []
    const app = {
      status: {
        sync: { status: 'Synced', revision: commit.after },
        health: { status: 'Healthy' }
      }
    }
    return {
      sent,
      request: (request) => {
        sent.push(request)
        return Promise.resolve({ status: 200, headers: {}, body: JSON.stringify(app) })
      }
    }
  }
  const run = (server: string, insecure: boolean, http: HttpClient) =>
    waitForApps(
      {
        server,
        token: 'aa.bb.cc',
        apps: [parseAppRef('web')],
        sync: false,
        wait: true,
        timeoutSeconds: 60,
        insecure,
        commit
      },
      {
        logger: createMemoryLogger(),
        clock: createFakeClock(),
        isDescendant: () => Promise.resolve(false),
        http
      }
    )

  it('sends no request, and so no token, to a non-loopback host', async () => {
    const http = recordingHttp()
    await expect(run('http://argocd.example.com', false, http)).rejects.toBeInstanceOf(
      PlainHttpTokenError
    )
    expect(http.sent).toEqual([])
  })

  it('sends the token when argocd-insecure allows it', async () => {
    const http = recordingHttp()
    const [state] = await run('http://argocd.example.com', true, http)
    expect(state?.outcome).toBe('deployed')
    expect(http.sent[0]?.headers.Authorization).toBe('Bearer aa.bb.cc')
  })

  it('does not follow a redirect with the token, and names argocd-server', async () => {
    const sent: string[] = []
    const http: HttpClient = {
      request: (request) => {
        sent.push(request.url)
        return Promise.resolve({
          status: 307,
          headers: { location: 'https://argocd.example.com/api/v1/applications/web' },
          body: ''
        })
      }
    }
    const error: unknown = await run('http://argocd.example.com', true, http).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ArgoCdError)
    expect((error as ArgoCdError).location).toEqual({ input: 'argocd-server' })
    expect((error as ArgoCdError).message).toMatch(
      /answered refreshing web with HTTP 307; it redirects to https:\/\/argocd\.example\.com\/api\/v1\/applications\/web, which is not followed: set argocd-server to the final URL$/
    )
    expect(sent).toHaveLength(1)
  })

  it('sends the token over plain http to loopback', async () => {
    const http = recordingHttp()
    const [state] = await run('http://127.0.0.1:8080', false, http)
    expect(state?.outcome).toBe('deployed')
    expect(http.sent.every((r) => r.url.startsWith('http://127.0.0.1:8080/api/v1/'))).toBe(true)
  })
})
