import { describe, expect, it } from '@jest/globals'
import { isOurCommit, withReleaseTrailer } from '../../src/publish/authorship.js'

// the trailer as docs/committing.md documents it
const RELEASE_TRAILER = 'Released-by: gitops-release'

const bot = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com'
}
const who = `${bot.name} <${bot.email}>`

describe('withReleaseTrailer', () => {
  it.each([
    ['a one-line message', 'chore(release): v2', `chore(release): v2\n\n${RELEASE_TRAILER}`],
    ['a message with a body', 'release\n\nbody\n', `release\n\nbody\n\n${RELEASE_TRAILER}`],
    ['a message that has it', `release\n\n${RELEASE_TRAILER}\n`, `release\n\n${RELEASE_TRAILER}`]
  ])('adds the trailer as the last paragraph once: %s', (_name, message, expected) => {
    expect(withReleaseTrailer(message)).toBe(expected)
    expect(isOurCommit({ message: withReleaseTrailer(message) })).toBe(true)
  })
})

describe('isOurCommit', () => {
  it.each([
    ['our commit', { author: who, committer: who, message: withReleaseTrailer('x') }, bot, true],
    ['no trailer', { author: who, committer: who, message: 'x' }, bot, false],
    [
      'the trailer only in the subject',
      { author: who, committer: who, message: RELEASE_TRAILER },
      bot,
      false
    ],
    [
      'a reviewer with our trailer',
      { author: 'Ann <ann@x>', committer: 'Ann <ann@x>', message: withReleaseTrailer('x') },
      bot,
      false
    ],
    [
      'amended by someone else',
      { author: who, committer: 'Ann <ann@x>', message: withReleaseTrailer('x') },
      bot,
      false
    ],
    ['api mode: the trailer is what counts', { message: withReleaseTrailer('x') }, undefined, true],
    ['api mode: no trailer', { message: 'review: pin app1\n' }, undefined, false]
  ])('%s', (_name, commit, identity, expected) => {
    expect(isOurCommit(commit, identity)).toBe(expected)
  })
})
