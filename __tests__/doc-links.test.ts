import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'

// Every relative link in the Markdown documentation must lead to a file of the repository, and
// every `#anchor` to a heading (or an `<a id>`) of its target: a moved section must not leave a
// dead link behind.
const root = fileURLToPath(new URL('..', import.meta.url))

/** The Markdown text outside fenced code blocks and inline code spans. */
function prose(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length))
}

/** Link targets of inline links and images, `[text](target)`, in document order. */
function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
    (m) => m[1]!
  )
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

/** Every anchor a Markdown file offers: heading slugs (`-1`, `-2` for repeats) and `<a id>`s. */
function anchors(markdown: string): Set<string> {
  const found = new Set<string>()
  const seen = new Map<string, number>()
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
  for (const m of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(m[1]!)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    found.add(count === 0 ? base : `${base}-${count}`)
  }
  for (const m of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) found.add(m[1]!)
  return found
}

/** What is wrong with one link of `file`, or undefined when it resolves. */
function problem(file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined // https:, mailto: …
  const [path = '', anchor] = target.split('#', 2)
  const resolved = path === '' ? file : join(dirname(file), decodeURIComponent(path))
  const shown = `${relative(root, file)}: ${target}`
  if (relative(root, resolved).startsWith('..')) return `${shown} leaves the repository`
  if (!existsSync(resolved)) return `${shown}: no file ${relative(root, resolved)}`
  if (anchor === undefined || anchor === '') return undefined
  if (statSync(resolved).isDirectory() || !resolved.endsWith('.md')) return undefined
  const offered = anchors(readFileSync(resolved, 'utf8'))
  return offered.has(anchor) ? undefined : `${shown}: no heading #${anchor}`
}

describe('link helpers', () => {
  it.each([
    ['Quick start: the tutorial app', 'quick-start-the-tutorial-app'],
    [
      'Helm values (`values-file`, `tag-path`, `repository-path`, `digest-path`)',
      'helm-values-values-file-tag-path-repository-path-digest-path'
    ],
    ['Signed commits: `commit-mode: api`', 'signed-commits-commit-mode-api'],
    ['`create-missing`', 'create-missing'],
    ['Local runs with @github/local-action', 'local-runs-with-githublocal-action']
  ])('slug(%j) is %j', (heading, expected) => {
    expect(slug(heading)).toBe(expected)
  })

  it.each([
    ['a link', 'see [x](docs/a.md#b).', ['docs/a.md#b']],
    ['an image and a URL', '![p](img.png) [w](https://e.com)', ['img.png', 'https://e.com']],
    ['a link in inline code', 'write `[x](nowhere.md)` here', []],
    ['a link in a fence', '```md\n[x](nowhere.md)\n```\n[y](here.md)', ['here.md']],
    ['a title', '[x](a.md "the title")', ['a.md']]
  ])('linkTargets finds %s', (_name, markdown, expected) => {
    expect(linkTargets(markdown)).toEqual(expected)
  })

  it('anchors numbers repeated headings and reads <a id>', () => {
    expect([...anchors('# A\n## A\n```\n# not\n```\n| <a id="input-x"></a> |')]).toEqual([
      'a',
      'a-1',
      'input-x'
    ])
  })
})

describe('documentation links', () => {
  const files = [
    'README.md',
    'CONTRIBUTING.md',
    'SECURITY.md',
    'CHANGELOG.md',
    ...readdirSync(join(root, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`)
  ]

  it.each(files)('%s exists and its relative links resolve', (name) => {
    const file = join(root, name)
    expect(existsSync(file)).toBe(true)
    const targets = linkTargets(readFileSync(file, 'utf8'))
    const problems = targets.map((target) => problem(file, target)).filter((p) => p !== undefined)
    expect(problems).toEqual([])
  })

  it('reports a missing file and a missing heading', () => {
    const readme = join(root, 'README.md')
    expect(problem(readme, 'docs/nowhere.md')).toMatch(/no file docs\/nowhere\.md/)
    expect(problem(readme, 'docs/inputs.md#no-such-heading')).toMatch(/no heading/)
    expect(problem(readme, 'docs/inputs.md#reference')).toBeUndefined()
    expect(problem(readme, '../outside.md')).toMatch(/leaves the repository/)
  })
})
