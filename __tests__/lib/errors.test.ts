import { describe, expect, it } from '@jest/globals'
import { annotationOf, EditError, errorMessage, InputError } from '../../src/lib/errors.js'

describe('errors', () => {
  it('keeps the location and names the class', () => {
    const error = new EditError('bad', { file: 'helm/values.yaml', line: 3 })
    expect(error.name).toBe('EditError')
    expect(error.location).toEqual({ file: 'helm/values.yaml', line: 3 })
  })

  it.each([
    [new Error('x'), 'x'],
    ['plain', 'plain'],
    [42, '42']
  ])('errorMessage(%p) is %p', (value, expected) => {
    expect(errorMessage(value)).toBe(expected)
  })

  it.each([
    [
      'a file error',
      new EditError('bad', { file: 'helm/values.yaml', line: 3, column: 5, path: 'web.tag' }),
      {
        message: 'bad',
        title: 'gitops-release',
        file: 'helm/values.yaml',
        startLine: 3,
        startColumn: 5
      }
    ],
    [
      'an input error',
      new InputError("Input 'tag' is bad", { input: 'tag' }),
      { message: "Input 'tag' is bad" }
    ],
    ['a line without a file', new EditError('x', { line: 2 }), { message: 'x' }],
    ['any other error', new Error('boom'), { message: 'boom' }]
  ])('annotates %s', (_label, error, annotation) => {
    expect(annotationOf(error)).toEqual(annotation)
  })
})
