import { describe, expect, it } from '@jest/globals'
import { quotePath } from '../../../src/publish/git/fast-import-path.js'

describe('quotePath', () => {
  it.each([
    ['helm/values.yaml', '"helm/values.yaml"'],
    ['a b/"q".yaml', '"a b/\\"q\\".yaml"'],
    ['back\\slash', '"back\\\\slash"'],
    ['line\nbreak', '"line\\012break"'],
    ['tab\there', '"tab\\011here"'],
    ['ü.yaml', '"\u00c3\u00bc.yaml"']
  ])('%p', (path, expected) => {
    expect(quotePath(path)).toEqual(Buffer.from(expected, 'latin1'))
  })
})
