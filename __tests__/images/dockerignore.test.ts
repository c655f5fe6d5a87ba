import { describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { readContextFiles } from '../../src/images/context-files.js'
import { parseDockerignore } from '../../src/images/dockerignore.js'
import { BuildError } from '../../src/lib/errors.js'

// What Docker sends: each row is a .dockerignore, a context path and whether Docker leaves it
// out. The rows follow moby's patternmatcher and archive walk; the rows marked (engine) are
// also checked against a real Docker engine in context-files.int.test.ts.
describe('.dockerignore as Docker reads it', () => {
  it.each<[string, string, boolean]>([
    ['node_modules', 'node_modules/x/index.js', true],
    ['node_modules', 'src/node_modules/x.js', false],
    ['/node_modules', 'node_modules/a', true],
    ['*.md', 'README.md', true],
    ['*.md', 'docs/README.md', false],
    ['**/*.md', 'docs/deep/README.md', true],
    ['**/*.md', 'README.md', true],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['docs/**', 'docs/a/b.txt', true],
    ['docs/**', 'docs', false],
    // `**` first and nothing else special: a suffix comparison, even inside a name.
    ['**foo', 'barfoo', true],
    ['**/foo', 'barfoo', false],
    ['?.txt', 'a.txt', true],
    ['?.txt', 'ab.txt', false],
    ['?.txt', '\u{1F600}.txt', true],
    ['[ab].txt', 'b.txt', true],
    // A class is a Go regexp class: `[!…]` holds `!`, negation is `[^…]`. (engine)
    ['[!a]*.txt', 'a.txt', true],
    ['[!a]*.txt', 'b.txt', false],
    ['[!a]*.txt', '!x.txt', true],
    ['[^a]*.txt', 'a.txt', false],
    ['[^a]*.txt', 'b.txt', true],
    ['[a-c]', 'b', true],
    ['[a-c]', 'd', false],
    ['*.md\n!README.md', 'README.md', false],
    ['*.md\n!README.md', 'CHANGES.md', true],
    ['docs\n!docs/keep.md', 'docs/keep.md', false],
    ['docs\n!docs/keep.md', 'docs/other.md', true],
    // An excluded folder is entered only for an exception whose text starts with it. (engine)
    ['build\n!**/*.go', 'build/x.go', true],
    ['build\n!**/*.go', 'x.go', false],
    ['build\n!build/*.go', 'build/x.go', false],
    ['build\n!build/*.go', 'build/y.txt', true],
    ['*\n!src', 'src/a.js', false],
    ['*\n!src', 'other/a.js', true],
    // Decided with the folder's matches: `!a` does not bring back what `a/b` left out. (engine)
    ['a/b\n!a', 'a/b/c', true],
    ['a/b\n!a', 'a/c', false],
    ['# comment\n\n  tmp  ', 'tmp/x', true],
    // `#` is a comment only at the very start of the line.
    ['#x', '#x', false],
    [' #x', '#x', true],
    ['tmp\r\nlog', 'tmp', true],
    ['tmp\r\nlog', 'log', true],
    ['\ufefftmp', 'tmp', true],
    ['./build/../dist', 'dist/app.js', true],
    ['../dist', 'dist', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['a.b', 'axb', false],
    ['a+b(c)', 'a+b(c)', true],
    ['.git', '.gitignore', false],
    ['.git', '.git/HEAD', true],
    ['*', 'anything/at/all', true],
    ['', 'file', false],
    // Patterns are cleaned as Go's path.Clean does, then a leading `/` is dropped.
    ['a/./b//c/', 'a/b/c', true],
    ['/../a', 'a', true],
    ['../a/../../b', 'b', false]
  ])('%j: %s excluded is %p', async (text, path, expected) => {
    const context = await mkdtemp(join(tmpdir(), 'dockerignore-'))
    try {
      await writeFile(join(context, '.dockerignore'), text)
      await mkdir(dirname(join(context, path)), { recursive: true })
      await writeFile(join(context, path), 'x\n')
      const sent = (await readContextFiles(context)).map((entry) => entry.path)
      expect(sent.includes(path)).toBe(!expected)
    } finally {
      await rm(context, { recursive: true, force: true })
    }
  })

  it.each<[string, RegExp]>([
    ['[a-', /line 1: '\[a-' is not a valid pattern/],
    ['ok\n[]a]', /line 2: '\[\]a\]' is not a valid pattern/],
    ['a\\', /not a valid pattern \(it ends in \\\)/],
    ['!', /illegal exclusion pattern/],
    // What Go would read as a regexp escape or POSIX class is refused, not guessed.
    ['\\d', /the escape \\d is not supported/],
    ['[[:alpha:]]', /a POSIX character class is not supported/]
  ])('refuses %j', (text, message) => {
    const error = (() => {
      try {
        parseDockerignore(text)
      } catch (caught) {
        return caught
      }
      return undefined
    })()
    expect(error).toBeInstanceOf(BuildError)
    expect((error as Error).message).toMatch(message)
  })
})
