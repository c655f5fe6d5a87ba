import { describe, expect, it } from '@jest/globals'
import { parseImages } from '../../src/settings/parse-images.js'

const defaults = { registry: 'docker.io', namespace: 'lyzhang1999', buildArgs: ['GLOBAL=1'] }

describe('parseImages', () => {
  it('reads lines NAME and NAME=CONTEXT, skipping blanks and comments', () => {
    const specs = parseImages('backend\n\n# a comment\nfrontend=web/app\n', defaults)
    expect(specs).toEqual([
      {
        name: 'backend',
        context: 'backend',
        repository: 'docker.io/lyzhang1999/backend',
        buildArgs: ['GLOBAL=1'],
        line: 1
      },
      {
        name: 'frontend',
        context: 'web/app',
        repository: 'docker.io/lyzhang1999/frontend',
        buildArgs: ['GLOBAL=1'],
        line: 4
      }
    ])
  })

  it('reads a YAML list of maps with every key', () => {
    const text = [
      '- name: api',
      '  context: services/api',
      '  dockerfile: services/api/Dockerfile.prod',
      '  target: runtime',
      '  repository: ghcr.io/Acme/API',
      '  build-args:',
      '    VERSION: 2',
      '  platforms: [linux/amd64, linux/arm64]',
      '- name: web',
      '  build-args: [A=b]'
    ].join('\n')
    expect(parseImages(text, defaults)).toEqual([
      {
        name: 'api',
        context: 'services/api',
        dockerfile: 'services/api/Dockerfile.prod',
        target: 'runtime',
        repository: 'ghcr.io/acme/api',
        buildArgs: ['GLOBAL=1', 'VERSION=2'],
        platforms: 'linux/amd64,linux/arm64',
        line: 1
      },
      {
        name: 'web',
        context: 'web',
        repository: 'docker.io/lyzhang1999/web',
        buildArgs: ['GLOBAL=1', 'A=b'],
        line: 9
      }
    ])
  })

  it('leaves out an empty namespace', () => {
    const [spec] = parseImages('app', { registry: '127.0.0.1:5000', namespace: '', buildArgs: [] })
    expect(spec?.repository).toBe('127.0.0.1:5000/app')
  })

  it.each([
    ['an upper-case name', 'Backend', /line 1: 'Backend' is not a valid image name/],
    ['a name with a slash', 'ok\nfoo/bar', /line 2: 'foo\/bar' is not a valid image name/],
    [
      'a duplicate name',
      'api\nweb\napi=other',
      /line 3: image name 'api' is already used on line 1/
    ],
    ['an empty context', 'api=', /line 1: the build context after '=' is empty/],
    ['a map without name', '- context: x', /line 1: the entry has no 'name'/],
    ['an unknown key', '- name: x\n  file: y', /line 1: unknown key 'file'/],
    ['broken YAML', '- name: [x', /not a valid YAML list/],
    ['bad build-args item', '- name: x\n  build-args: [nokey]', /KEY=VALUE/]
  ])('refuses %s', (_label, text, message) => {
    expect(() => parseImages(text, defaults)).toThrow(message)
  })
})
