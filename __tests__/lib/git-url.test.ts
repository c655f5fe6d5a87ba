import { describe, expect, it } from '@jest/globals'
import { ownerNameOnServer } from '../../src/lib/git-url.js'

describe('ownerNameOnServer', () => {
  it.each([
    ['https://github.com/acme/gitops.git', 'https://github.com', { owner: 'acme', repo: 'gitops' }],
    ['https://github.com/acme/gitops', 'https://github.com/', { owner: 'acme', repo: 'gitops' }],
    ['https://ghe.example.com/acme/gitops.git', 'https://github.com', undefined],
    ['https://github.com/acme/gitops/extra', 'https://github.com', undefined],
    ['file:///srv/acme/gitops.git', 'https://github.com', undefined]
  ])('%p on %p', (url, server, expected) => {
    expect(ownerNameOnServer(url, server)).toEqual(expected)
  })
})
