import { describe, expect, it } from '@jest/globals'
import { isGlob, matchesGlob } from '../../src/edit/glob.js'

describe('matchesGlob', () => {
  it.each([
    ['k8s/app.yaml', 'k8s/*.yaml', true],
    ['k8s/sub/app.yaml', 'k8s/*.yaml', false],
    ['k8s/sub/app.yaml', 'k8s/**/*.yaml', true],
    ['k8s/app.yaml', 'k8s/**/*.yaml', true],
    ['k8s/a/b/c/app.yml', 'k8s/**/*.yml', true],
    ['app.yaml', '**/*.yaml', true],
    ['deep/er/app.yaml', '**/*.yaml', true],
    ['k8s/x/y', 'k8s/**', true],
    ['k8s', 'k8s/**', false],
    ['k8s/a.yaml', 'k8s/?.yaml', true],
    ['k8s/ab.yaml', 'k8s/?.yaml', false],
    ['k8s/a.yaml', 'k8s/a?yaml', true],
    ['k8s/a/yaml', 'k8s/a?yaml', false],
    ['k8sxapp.yaml', 'k8s.app.yaml', false],
    ['k8s.app.yaml', 'k8s.app.yaml', true],
    ['a+b(c)/x.yaml', 'a+b(c)/*.yaml', true],
    ['deploy/app.yaml.bak', 'deploy/*.yaml', false]
  ])('%s against %s → %p', (path, pattern, expected) => {
    expect(matchesGlob(path, pattern)).toBe(expected)
  })

  it.each([
    ['a/*.yaml', true],
    ['a/?.yaml', true],
    ['a/b.yaml', false]
  ])('isGlob(%p) is %p', (pattern, expected) => {
    expect(isGlob(pattern)).toBe(expected)
  })
})
