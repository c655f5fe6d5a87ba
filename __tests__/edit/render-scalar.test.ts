import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { renderString, renderTyped } from '../../src/edit/render-scalar.js'

describe('quoting decisions for a plain value', () => {
  it.each([
    // YAML 1.2 numbers
    ['1276e23', '"1276e23"'],
    ['0123456', '"0123456"'],
    ['2682590', '"2682590"'],
    ['1e10', '"1e10"'],
    ['1.10', '"1.10"'],
    ['1.5', '"1.5"'],
    ['0x1F', '"0x1F"'],
    ['010', '"010"'],
    ['.inf', '".inf"'],
    ['-1', '"-1"'],
    // YAML 1.1 only (Helm's Go parser)
    ['on', '"on"'],
    ['off', '"off"'],
    ['yes', '"yes"'],
    ['no', '"no"'],
    ['y', '"y"'],
    ['Y', '"Y"'],
    ['n', '"n"'],
    ['On', '"On"'],
    ['12_000', '"12_000"'],
    ['12:30', '"12:30"'],
    ['0b101', '"0b101"'],
    ['2001-12-14', '"2001-12-14"'],
    // both
    ['true', '"true"'],
    ['False', '"False"'],
    ['null', '"null"'],
    ['Null', '"Null"'],
    ['~', '"~"'],
    // syntax
    ['', '""'],
    [' lead', '" lead"'],
    ['trail ', '"trail "'],
    ['a #b', '"a #b"'],
    ['a: b', '"a: b"'],
    ['key:', '"key:"'],
    ['- x', '"- x"'],
    ['-', '"-"'],
    ['[x]', '"[x]"'],
    ['{x}', '"{x}"'],
    ['&anchor', '"&anchor"'],
    ['*alias', '"*alias"'],
    ['!tag', '"!tag"'],
    ['|', '"|"'],
    ['>', '">"'],
    ["'q", '"\'q"'],
    ['"q', '"\\"q"'],
    ['%x', '"%x"'],
    ['@x', '"@x"'],
    ['`x', '"`x"'],
    ['---', '"---"'],
    ['a\nb', '"a\\nb"'],
    ['tab\there', '"tab\\there"'],
    // stay plain
    ['v1.2.3', 'v1.2.3'],
    ['abc1234', 'abc1234'],
    ['1.2.3', '1.2.3'],
    ['8.2.1-debian-12-r0', '8.2.1-debian-12-r0'],
    ['latest', 'latest'],
    ['1.27.3-alpine', '1.27.3-alpine'],
    ['registry.k8s.io/redis:e2e', 'registry.k8s.io/redis:e2e'],
    ['busybox:1.38.0@sha256:abc', 'busybox:1.38.0@sha256:abc'],
    ['sha256:0e072dddd1f7', 'sha256:0e072dddd1f7'],
    ['a#b', 'a#b'],
    ['a:b', 'a:b'],
    ['-x', '-x'],
    ['é-ü', 'é-ü']
  ])('%p → %s', (value, expected) => {
    const text = renderString(value, 'PLAIN', false)
    expect(text).toBe(expected)
    // Whatever we write reads back as the same string in both YAML versions.
    expect(parse(`k: ${text}`)).toEqual({ k: value })
    expect(parse(`k: ${text}`, { version: '1.1' })).toEqual({ k: value })
  })

  it.each(['a,b', 'a[0]', 'x{y}'])('quotes %p inside a flow collection only', (value) => {
    expect(renderString(value, 'PLAIN', false)).toBe(value)
    expect(renderString(value, 'PLAIN', true)).toBe(JSON.stringify(value))
  })
})

describe('quote styles are kept', () => {
  it.each([
    ['QUOTE_DOUBLE', 'v1.2.3', '"v1.2.3"'],
    ['QUOTE_DOUBLE', '2682590', '"2682590"'],
    ['QUOTE_DOUBLE', 'say "hi"\\', '"say \\"hi\\"\\\\"'],
    ['QUOTE_DOUBLE', 'a\u0007b\u0085c\u2028', '"a\\u0007b\\u0085c\\u2028"'],
    ['QUOTE_SINGLE', '2682590', "'2682590'"],
    ['QUOTE_SINGLE', 'v1', "'v1'"],
    ['QUOTE_SINGLE', "it's", "'it''s'"],
    ['QUOTE_SINGLE', 'two\nlines', '"two\\nlines"'],
    ['PLAIN', 'v1', 'v1'],
    ['PLAIN', '2682590', '"2682590"']
  ] as const)('%s %p → %s', (style, value, expected) => {
    const text = renderString(value, style, false)
    expect(text).toBe(expected)
    expect(parse(`k: ${text}`)).toEqual({ k: value })
  })

  it('escapes what a double-quoted scalar needs and nothing else', () => {
    expect(renderString('a/b é', 'QUOTE_DOUBLE', false)).toBe('"a/b é"')
    // A control character cannot be written single-quoted: the value turns double-quoted.
    expect(renderString('x\u0001', 'QUOTE_SINGLE', false)).toBe('"x\\u0001"')
  })
})

describe('typed values are written plain as their type', () => {
  it.each([
    [3, '3'],
    [-2, '-2'],
    [1.5, '1.5'],
    [1e21, '1.0e+21'],
    [1e-7, '1.0e-7'],
    [-0, '-0'],
    [true, 'true'],
    [false, 'false'],
    [null, 'null'],
    [Infinity, '.inf'],
    [-Infinity, '-.inf']
  ])('%p → %s', (value, expected) => {
    const text = renderTyped(value)
    expect(text).toBe(expected)
    expect(parse(`k: ${text}`)).toEqual({ k: value })
  })

  it.each([3, -2, 1.5, 1e21, 1e-7, 123456789])(
    '%p reads back as the same number in YAML 1.1',
    (value) => {
      expect(parse(`k: ${renderTyped(value)}`, { version: '1.1' })).toEqual({ k: value })
    }
  )

  it('writes NaN as .nan', () => {
    expect(renderTyped(NaN)).toBe('.nan')
  })
})

describe('characters outside the Basic Multilingual Plane', () => {
  it.each([
    ['ok 😀', 'PLAIN', 'ok 😀'],
    ['ok 😀 #x', 'PLAIN', '"ok 😀 #x"'],
    ['ok 😀', 'QUOTE_SINGLE', "'ok 😀'"],
    ['ok 😀\u0085', 'QUOTE_DOUBLE', '"ok 😀\\u0085"'],
    ['lone \ud800', 'QUOTE_DOUBLE', '"lone \\ud800"']
  ] as const)('%j in style %s is %s', (value, style, text) => {
    expect(renderString(value, style, false)).toBe(text)
  })
})
