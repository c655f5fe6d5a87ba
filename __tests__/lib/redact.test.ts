import { describe, expect, it } from '@jest/globals'
import { redactSecret, redactUrl } from '../../src/lib/redact.js'

describe('redactUrl', () => {
  it.each([
    [
      'https://user:pw@argocd.example.com/api/webhook?x=1',
      'https://argocd.example.com/api/webhook'
    ],
    ['https://x-access-token:ghs_abc@github.com/o/r.git', 'https://github.com/o/r.git'],
    ['https://argocd.example.com/api/webhook', 'https://argocd.example.com/api/webhook'],
    ['https://argocd.example.com/#token=abc', 'https://argocd.example.com/'],
    ['user:pw@nowhere', 'nowhere'],
    ['not a url //user:pw@host/x', 'not a url //host/x']
  ])('%s → %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected)
  })
})

describe('redactSecret', () => {
  it.each([
    ['Error: bad password hunter2 for hunter2', 'hunter2', 'Error: bad password *** for ***'],
    ['nothing to hide', 'hunter2', 'nothing to hide'],
    ['an empty secret masks nothing', '', 'an empty secret masks nothing']
  ])('%s without %p', (text, secret, expected) => {
    expect(redactSecret(text, secret)).toBe(expected)
  })
})
