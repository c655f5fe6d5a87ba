import { describe, expect, it } from '@jest/globals'
import { EditError, errorMessage } from '../src/errors.js'

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
})
