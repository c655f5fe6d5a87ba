import { describe, expect, it } from '@jest/globals'
import { getInputs, type InputSource } from '../../src/inputs.js'

const env = {
  GITHUB_WORKSPACE: '/tmp/ws',
  GITHUB_SHA: '2682590abcdef0123456789abcdef0123456789a',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_REPOSITORY_OWNER: 'acme',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SERVER_URL: 'https://github.com'
}
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl'
const ARGOCD = {
  images: 'web',
  'argocd-server': 'https://argocd.example.com',
  'argocd-token': TOKEN,
  'argocd-app': 'shop'
}

function source(values: Record<string, string>): InputSource {
  return { get: (name) => values[name] ?? '', mask: () => undefined }
}

// The input layer reads rollback-on-failure and refuses the combinations it cannot serve.
describe('rollback-on-failure input', () => {
  it('is off by default and read when set with argocd-wait', () => {
    expect(getInputs(source(ARGOCD), env).rollbackOnFailure).toBe(false)
    const settings = getInputs(
      source({ ...ARGOCD, 'argocd-wait': 'true', 'rollback-on-failure': 'true' }),
      env
    )
    expect(settings.rollbackOnFailure).toBe(true)
  })

  it.each([
    ['without argocd-wait', { 'rollback-on-failure': 'true' }, /needs 'argocd-wait: true'/],
    [
      'with create-pr',
      { 'rollback-on-failure': 'true', 'argocd-wait': 'true', 'create-pr': 'true' },
      /'rollback-on-failure: true' and 'create-pr: true' conflict/
    ]
  ])('is refused %s, naming both inputs', (_name, extra, message) => {
    expect(() => getInputs(source({ ...ARGOCD, ...extra }), env)).toThrow(message)
  })
})
