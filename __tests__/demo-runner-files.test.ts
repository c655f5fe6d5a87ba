import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { isStaticElf } from '../scripts/lib/local-docker.js'
import {
  createLogRenderer,
  inputsEnv,
  inputVariable,
  parseFileCommands
} from '../scripts/lib/runner-files.js'

const actionYml = `
inputs:
  images: {description: x, required: false, default: ''}
  values-file: {description: x, default: helm/values.yaml}
  token: {description: x, default: '\${{ github.token }}'}
  tag: {description: x}
  my input: {description: x, default: 'a b'}
`

describe('inputsEnv', () => {
  it.each([
    ['images', 'INPUT_IMAGES'],
    ['values-file', 'INPUT_VALUES-FILE'],
    ['my input', 'INPUT_MY_INPUT']
  ])('names %s as %s', (name, variable) => {
    expect(inputVariable(name)).toBe(variable)
  })

  it('gives every input its value, else its default, as the runner does', () => {
    expect(inputsEnv(actionYml, { images: 'backend\nfrontend' })).toEqual({
      INPUT_IMAGES: 'backend\nfrontend',
      'INPUT_VALUES-FILE': 'helm/values.yaml',
      INPUT_TOKEN: '',
      INPUT_TAG: '',
      INPUT_MY_INPUT: 'a b'
    })
  })

  it('refuses an input action.yml does not declare', () => {
    expect(() => inputsEnv(actionYml, { valueFile: 'x' })).toThrow(
      'action.yml has no input named valueFile'
    )
  })

  it('knows every input the demo passes to the real action.yml', () => {
    const real = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
    const env = inputsEnv(real, {
      images: 'a',
      'repository-path': '{name}.image',
      'argocd-repo-url': 'u'
    })
    expect(env['INPUT_REPOSITORY-PATH']).toBe('{name}.image')
    expect(env.INPUT_BUILD).toBe('true')
  })
})

describe('parseFileCommands', () => {
  it.each([
    ['name=value lines', 'tag=abc1234\nchanged=true\n', { tag: 'abc1234', changed: 'true' }],
    ['a value with =', 'x=a=b\n', { x: 'a=b' }],
    [
      'heredoc blocks',
      'diff<<ghadelimiter_1\n--- a\n+++ b\n\nghadelimiter_1\ntag<<EOF\nv1\nEOF\n',
      { diff: '--- a\n+++ b\n', tag: 'v1' }
    ],
    ['an empty file', '', {}]
  ])('reads %s', (_name, text, expected) => {
    expect(parseFileCommands(text)).toEqual(expected)
  })

  it('refuses an unterminated block', () => {
    expect(() => parseFileCommands('diff<<EOF\nx\n')).toThrow('no closing delimiter EOF')
  })
})

describe('createLogRenderer', () => {
  it.each([
    ['::group::Build images', '▸ Build images'],
    ['::endgroup::', undefined],
    ['::debug::detail', undefined],
    [
      '::error file=helm/values.yaml,line=3::bad%0Avalue',
      'error (file=helm/values.yaml,line=3): bad\nvalue'
    ],
    ['::warning::webhook not delivered', 'warning: webhook not delivered'],
    ['plain line', 'plain line']
  ])('renders %j', (line, shown) => {
    expect(createLogRenderer().render(line)).toBe(shown)
  })

  it('masks values registered with add-mask, in later lines and commands', () => {
    const renderer = createLogRenderer()
    expect(renderer.render('::add-mask::s3cr3t')).toBeUndefined()
    expect(renderer.render('token is s3cr3t!')).toBe('token is ***!')
    expect(renderer.render('::error::bad s3cr3t')).toBe('error: bad ***')
  })
})

describe('isStaticElf', () => {
  // A 64-bit little-endian ELF header with one program header of the given type.
  function elf(programType: number): Buffer {
    const bytes = Buffer.alloc(64 + 56)
    bytes.writeUInt32BE(0x7f454c46, 0)
    bytes[4] = 2
    bytes[5] = 1
    bytes.writeBigUInt64LE(64n, 32)
    bytes.writeUInt16LE(56, 54)
    bytes.writeUInt16LE(1, 56)
    bytes.writeUInt32LE(programType, 64)
    return bytes
  }

  it.each([
    ['a static executable (PT_LOAD only)', elf(1), true],
    ['a dynamic executable (PT_INTERP)', elf(3), false],
    ['not ELF', Buffer.from('#!/bin/sh\necho hi\n'.padEnd(128)), false],
    ['a truncated header', elf(1).subarray(0, 80), false]
  ])('%s → %s', (_name, bytes, expected) => {
    expect(isStaticElf(bytes)).toBe(expected)
  })

  it('sees that this Node binary is dynamically linked', () => {
    expect(isStaticElf(readFileSync(process.execPath).subarray(0, 65536))).toBe(false)
  })
})
