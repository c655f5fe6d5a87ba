import { describe, expect, it } from '@jest/globals'
import type { PushedCommit } from '../../src/argocd/types.js'
import { parseAppRef } from '../../src/argocd/app-ref.js'
import { ArgoCdError } from '../../src/lib/errors.js'
import { waitForApps } from '../../src/argocd/wait.js'
import {
  PlainHttpCredentialError,
  type HttpClient,
  type HttpRequest
} from '../../src/lib/http-client.js'
import { createHttpClient } from '../../src/lib/http.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { createFakeClock } from '../support/fake-clock.js'

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

  it('asks the HTTP client to allow the token over plain http only with argocd-insecure', async () => {
    const plain = recordingHttp()
    await run('http://127.0.0.1:8080', false, plain)
    expect(plain.sent.map((r) => r.allowPlainHttpCredentials === true)).not.toContain(true)
    const insecure = recordingHttp()
    await run('http://argocd.example.com', true, insecure)
    expect(insecure.sent.every((r) => r.allowPlainHttpCredentials === true)).toBe(true)
  })

  it('sends no request, and so no token, to a non-loopback host over plain http', async () => {
    // The action's own client: it refuses before it connects (no server listens there).
    await expect(
      run('http://argocd.example.com', false, createHttpClient({ env: {} }))
    ).rejects.toBeInstanceOf(PlainHttpCredentialError)
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
