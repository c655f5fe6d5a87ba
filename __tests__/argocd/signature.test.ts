import { createHmac } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { signBody } from '../../src/argocd/signature.js'

// A fixed body and secret whose digests were checked against go-playground/webhooks' GitHub parser.
const EXAMPLE =
  '{"ref":"refs/heads/main","before":"1111111111111111111111111111111111111111","after":"2222222222222222222222222222222222222222","repository":{"name":"gitops","full_name":"acme/gitops","html_url":"https://github.com/acme/gitops","clone_url":"https://github.com/acme/gitops.git","ssh_url":"git@github.com:acme/gitops.git","default_branch":"main"},"commits":[{"id":"2222222222222222222222222222222222222222","message":"chore: bump image tag","added":[],"modified":["helm/values.yaml"],"removed":[]}],"head_commit":{"id":"2222222222222222222222222222222222222222","message":"chore: bump image tag","added":[],"modified":["helm/values.yaml"],"removed":[]}}'

describe('signBody', () => {
  it('reproduces the known signatures of a fixed body byte for byte', () => {
    const body = Buffer.from(EXAMPLE, 'utf8')
    expect(body.length).toBe(651)
    expect(signBody(body, 's3cr3t')).toEqual({
      'X-Hub-Signature-256':
        'sha256=b95d05cb39685fb2f357858616c4f429672b9ea1f85f55858034a4513738c0ab',
      'X-Hub-Signature': 'sha1=0b5c729d8690ba70ae76405da99675c8d86823f8'
    })
  })

  it.each([['s3cr3t\n'], ['  s3cr3t  '], ['\ts3cr3t\r\n']])('trims the secret %p', (secret) => {
    const body = Buffer.from(EXAMPLE, 'utf8')
    expect(signBody(body, secret)).toEqual(signBody(body, 's3cr3t'))
  })

  it('signs the exact bytes: one changed byte changes both signatures', () => {
    const a = signBody(Buffer.from('{"a":1}'), 'k')
    const b = signBody(Buffer.from('{"a": 1}'), 'k')
    expect(a['X-Hub-Signature-256']).not.toBe(b['X-Hub-Signature-256'])
    expect(a['X-Hub-Signature']).not.toBe(b['X-Hub-Signature'])
  })

  it('uses lowercase hex of HMAC over UTF-8 key bytes', () => {
    const body = Buffer.from('{"x":"é"}')
    const expected = createHmac('sha256', Buffer.from('clé', 'utf8')).update(body).digest('hex')
    expect(signBody(body, 'clé')['X-Hub-Signature-256']).toBe(`sha256=${expected}`)
    expect(expected).toMatch(/^[0-9a-f]{64}$/)
  })
})
