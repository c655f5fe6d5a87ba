/* eslint jest/expect-expect: ['warn', { assertFunctionNames: ['expect', 'expectOnlyValuesChanged', 'expectOnlyNodesChanged', 'expectEdit', 'expectLines'] }] */
// The checks of the corpus suites (corpus.test.ts, corpus-k8s.test.ts) over the edit engine's own
// fixtures, so that a clone with nothing beside it tests the same shapes: anchors, aliases and
// merge keys, flow collections, comments (with tabs), empty and null values, quoted keys with dots
// and slashes, CRLF, a BOM, no final newline, several documents, and values YAML 1.1 reads as
// numbers, booleans or octal. Every edit is checked three ways: the exact new lines (byte-minimal
// diff and the quoting chosen), the data read back (YAML 1.2, as the action parses it) and the
// strings read back by a YAML 1.1 reader (as Helm's Go parser reads them).
import { describe, expect, it } from '@jest/globals'
import { isCollection, isScalar, parse, parseAllDocuments } from 'yaml'
import type { Scalar } from 'yaml'
import { EditError } from '../../src/lib/errors.js'
import type { EditRequest, ImageTarget } from '../../src/edit/types.js'
import { expectOnlyValuesChanged } from './corpus-check.js'
import { changedLines, lineAt, run } from './helpers.js'
import { yamlFixture, yamlFixtureNames } from '../support/yaml-fixtures.js'

type Step = string | number
type Change = readonly [readonly Step[], unknown]

/** `a.b[0]`, with `["…"]` for keys holding anything but letters, digits, `_` and `-`. */
function pathText(steps: readonly Step[]): string {
  return steps
    .map((s, i) => {
      if (typeof s === 'number') return `[${s}]`
      if (/^[A-Za-z0-9_-]+$/.test(s)) return i === 0 ? s : `.${s}`
      return `[${JSON.stringify(s)}]`
    })
    .join('')
}

/**
 * A path as `changes` takes it for `file`: in a file with several documents, `[*].` asks for
 * every document that has the path (without it, a path found in several documents is refused).
 */
function changePath(file: string, steps: readonly Step[]): string {
  return parseAllDocuments(yamlFixture(file)).length > 1
    ? `[*].${pathText(steps)}`
    : pathText(steps)
}

/** Edits `file` through `changes` (FILE: {PATH: VALUE}); returns the fixture and the new text. */
async function editFixture(
  file: string,
  changes: readonly Change[],
  overrides: Partial<EditRequest> = {}
): Promise<{ before: string; after: string }> {
  const before = yamlFixture(file)
  const byPath = Object.fromEntries(
    changes.map(([steps, value]) => [changePath(file, steps), value])
  )
  const { after } = await run(
    { [file]: before },
    { changes: JSON.stringify({ [file]: byPath }), ...overrides }
  )
  return { before, after: after(file) }
}

/** The value nodes a path reaches, in every document that has it. */
function nodesAt(text: string, steps: readonly Step[]): Scalar[] {
  return parseAllDocuments(text).flatMap((doc) => {
    const node = doc.getIn(steps, true)
    return isScalar(node) ? [node] : []
  })
}

/**
 * Asserts that `after` is `before` with only the values at `changes` replaced: exactly the lines
 * of the values that differ change, on each only the value's own span (the bytes before and after
 * it are the same), the data equals the original with the new values, and a YAML 1.1 reader reads
 * every written value back as the same string or typed value.
 */
function expectOnlyNodesChanged(before: string, after: string, changes: readonly Change[]): void {
  // The spans of the values that change, by 0-based line (a flow line can hold several).
  const spans = new Map<number, [number, number][]>()
  for (const [steps, value] of changes) {
    const nodes = nodesAt(before, steps)
    expect(nodes.length).toBeGreaterThan(0)
    for (const node of nodes) {
      if (Object.is(node.value, value)) continue
      const [start, end] = node.range!
      const line = lineAt(before, start)
      spans.set(line, [...(spans.get(line) ?? []), [start, end]])
    }
  }
  const beforeLines = before.split('\n')
  const afterLines = after.split('\n')
  for (const [line, lineSpans] of spans) {
    // The new line is the old one with each value span replaced by some text: every byte
    // outside the spans is kept, in order.
    const lineStart = before.lastIndexOf('\n', lineSpans[0]![0] - 1) + 1
    const was = beforeLines[line] ?? ''
    const kept: string[] = []
    let at = 0
    for (const [start, end] of [...lineSpans].sort((a, b) => a[0] - b[0])) {
      kept.push(was.slice(at, start - lineStart))
      at = end - lineStart
    }
    kept.push(was.slice(at))
    const shape = new RegExp(
      `^${kept.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+?)')}$`,
      's'
    )
    expect({ line: line + 1, text: afterLines[line] }).toEqual({
      line: line + 1,
      text: expect.stringMatching(shape)
    })
  }
  const lines = spans.keys()
  expect(changedLines(before, after)).toEqual([...lines].sort((a, b) => a - b))

  const expected = parseAllDocuments(before)
  for (const doc of expected) {
    for (const [steps, value] of changes) if (doc.hasIn(steps)) doc.setIn(steps, value)
  }
  const actual = parseAllDocuments(after)
  expect(actual.flatMap((d) => d.errors.map((e) => e.message))).toEqual([])
  expect(actual.map((d) => d.toJS() as unknown)).toEqual(expected.map((d) => d.toJS() as unknown))

  const yaml11 = parseAllDocuments(after, { version: '1.1' })
  for (const [steps, value] of changes) {
    for (const doc of yaml11) {
      if (doc.hasIn(steps))
        expect({ path: pathText(steps), read: doc.getIn(steps) }).toEqual({
          path: pathText(steps),
          read: value
        })
    }
  }
}

/** Asserts that `after` is `before` with exactly the given 1-based lines replaced. */
function expectLines(before: string, after: string, lines: Record<number, string>): void {
  const expected = before.split('\n')
  for (const [line, text] of Object.entries(lines)) {
    expect(expected[Number(line) - 1]).toBeDefined()
    expected[Number(line) - 1] = text
  }
  expect(after).toBe(expected.join('\n'))
}

/** All checks of one edit, then the same edit again, which must change nothing more. */
async function expectEdit(
  file: string,
  changes: readonly Change[],
  lines: Record<number, string>
): Promise<string> {
  const { before, after } = await editFixture(file, changes)
  expectLines(before, after, lines)
  expectOnlyNodesChanged(before, after, changes)
  const again = await run(
    { [file]: after },
    {
      changes: JSON.stringify({
        [file]: Object.fromEntries(
          changes.map(([steps, value]) => [changePath(file, steps), value])
        )
      })
    }
  )
  expect(again.after(file)).toBe(after)
  return after
}

// For each fixture, value paths to edit with every value set (as corpus.test.ts does with the
// image tag paths of each values file).
const VALUE_PATHS: Record<string, readonly (readonly Step[])[]> = {
  'anchors.yaml': [
    ['api', 'image', 'tag'],
    ['cron', 'image', 'tag'],
    ['common', 'registry']
  ],
  'bom.yaml': [['api', 'tag']],
  'comments.yaml': [
    ['app', 'tag'],
    ['app', 'image'],
    ['app', 'port'],
    ['app', 'env']
  ],
  'crlf.yaml': [
    ['api', 'tag'],
    ['worker', 'tag']
  ],
  'empty-and-null.yaml': [
    ['image', 'tag'],
    ['image', 'digest'],
    ['image', 'previous'],
    ['image', 'note'],
    ['image', 'label'],
    ['sidecar', 'tag']
  ],
  'flow.yaml': [
    ['web', 'tag'],
    ['proxy', 'tag'],
    ['jobs', 1, 'tag'],
    ['channels', 2]
  ],
  'kustomization.yaml': [
    ['images', 0, 'newTag'],
    ['images', 1, 'newTag']
  ],
  'multi-document.yaml': [
    ['metadata', 'name'],
    ['spec', 'template', 'spec', 'containers', 0, 'image'],
    ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 1, 'image']
  ],
  'no-final-newline.yaml': [['api', 'tag']],
  'quoted-keys.yaml': [
    ['app.kubernetes.io/name'],
    ['annotations', 'example.com/release-tag'],
    ['annotations', 'config.d/app.yaml'],
    ['images', 'registry.example.test/acme/api'],
    ['images', 'acme/worker:tag'],
    ['with space and.dot', 'tag']
  ],
  'yaml11-scalars.yaml': [
    ['float', 'tag'],
    ['version', 'tag'],
    ['switch', 'tag'],
    ['mode', 'tag'],
    ['plain', 'tag'],
    ['typed', 'replicas']
  ]
}
const VALUE_SETS: readonly (readonly unknown[])[] = [
  ['2682590', 'v9.9.9', 'on', '1.10', '1276e23', '0755'],
  ['v1.2.3-debian-12-r7'],
  ['1e10', 'yes', 'a,b', 'null', '0123456', '~', 'a #b', ''],
  [7, true, null]
]
// Fixtures where one line holds several values; corpus-check.ts assumes one value per line.
const SEVERAL_VALUES_PER_LINE = new Set(['flow.yaml'])

describe('YAML fixtures of the edit engine', () => {
  it('has a value-set table entry for every fixture file', () => {
    expect(yamlFixtureNames()).toEqual(Object.keys(VALUE_PATHS).sort())
  })

  describe.each(Object.entries(VALUE_PATHS))('%s', (file, paths) => {
    it.each(VALUE_SETS.map((set, i) => [i, set] as const))(
      'value set %d changes exactly the values, byte-minimal, and reads back under YAML 1.1 and 1.2',
      async (_i, set) => {
        const changes = paths.map((steps, i): Change => [steps, set[i % set.length]])
        const { before, after } = await editFixture(file, changes)
        expectOnlyNodesChanged(before, after, changes)
        if (!SEVERAL_VALUES_PER_LINE.has(file)) {
          expectOnlyValuesChanged(
            before,
            after,
            changes.flatMap(([steps, value]) =>
              nodesAt(before, steps)
                .filter((node) => !Object.is(node.value, value))
                .map((node) => ({ line: lineAt(before, node.range![0]) + 1, value }))
            )
          )
        }
      }
    )

    it('is a no-op when every value is already there', async () => {
      const before = yamlFixture(file)
      const docs = parseAllDocuments(before)
      // A path whose documents hold different values cannot be "already there" in all of them.
      const changes = paths.flatMap((steps): Change[] => {
        const values = docs.filter((d) => d.hasIn(steps)).map((d) => d.getIn(steps, true))
        if (!values.every((node) => isScalar(node) && !isCollection(node)))
          throw new Error(`${pathText(steps)} in ${file} is not a scalar`)
        const first = (values[0] as Scalar).value
        return values.every((node) => Object.is((node as Scalar).value, first))
          ? [[steps, first]]
          : []
      })
      expect(changes.length).toBeGreaterThan(0)
      const { after } = await editFixture(file, changes)
      expect(after).toBe(before)
    })
  })
})

describe('anchors, aliases and merge keys', () => {
  it('editing the anchored tag keeps the anchor, and its alias follows', async () => {
    const after = await expectEdit('anchors.yaml', [[['api', 'image', 'tag'], 'v4.0.0']], {
      10: '    tag: &release v4.0.0'
    })
    const data = parse(after) as { worker: { image: { tag: string } } }
    expect(data.worker.image.tag).toBe('v4.0.0')
  })

  it('editing the map merged in with << changes what every merging map reads', async () => {
    const after = await expectEdit('anchors.yaml', [[['common', 'registry'], 'mirror.test']], {
      4: '  registry: mirror.test'
    })
    const data = parse(after, { merge: true }) as Record<string, { registry: string }>
    expect([data.api?.registry, data.worker?.registry]).toEqual(['mirror.test', 'mirror.test'])
  })

  it('a value inside an anchored map is quoted where YAML 1.1 would read a boolean', async () => {
    await expectEdit('anchors.yaml', [[['cron', 'image', 'tag'], 'on']], { 22: '    tag: "on"' })
  })

  it.each([
    [['worker', 'image', 'tag'], 17, /goes through the alias \*release; .*&release \(line 10\)/],
    [
      ['cron', 'sidecar', 'image', 'tag'],
      24,
      /goes through the alias \*cronImage; .*&cronImage \(line 20\)/
    ],
    [['api', 'registry'], 7, /keys merged in with << cannot be edited through the merging map/]
  ] as const)('refuses %j, naming the file and line %d', async (steps, line, message) => {
    const error = await editFixture('anchors.yaml', [[steps, 'v9']]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EditError)
    expect((error as EditError).message).toMatch(message)
    expect((error as EditError).location).toMatchObject({ file: 'anchors.yaml', line })
  })
})

describe('one fixture per shape: exact lines written', () => {
  it('flow maps and sequences: the value inside the braces, quoted where a flow needs it', async () => {
    await expectEdit(
      'flow.yaml',
      [
        [['web', 'tag'], 'a,b'],
        [['proxy', 'tag'], 'v1'],
        [['jobs', 1, 'tag'], '1.10'],
        [['channels', 1], 'on'],
        [['channels', 0], 'x']
      ],
      {
        2: 'web: {image: acme/web, tag: "a,b", ports: [80, 443]}',
        3: `proxy: { image: "acme/proxy", tag: 'v1' }`,
        6: '  - {name: seed, tag: "1.10", args: [--fast, --quiet]}',
        7: `channels: [x, "on", 'edge']`
      }
    )
  })

  it('comments after values and on their own lines, tabs in comments, stay as they were', async () => {
    await expectEdit(
      'comments.yaml',
      [
        [['app', 'tag'], '1276e23'],
        [['app', 'image'], 'acme/x'],
        [['app', 'port'], 9090],
        [['app', 'env'], 'a #b']
      ],
      {
        4: '  tag: "1276e23" # set by the build workflow',
        5: '  image: acme/x  #two spaces, no space after the hash',
        9: '  port: 9090\t# a tab before this comment',
        11: '  env: "a #b" # a comment\twith\ttabs\tinside'
      }
    )
  })

  it('empty, null, ~ and empty quoted values get the new value in place', async () => {
    await expectEdit(
      'empty-and-null.yaml',
      [
        [['image', 'tag'], 'v1'],
        [['image', 'digest'], `sha256:${'ab'.repeat(32)}`],
        [['image', 'previous'], '0755'],
        [['image', 'note'], 'x'],
        [['image', 'label'], 'y'],
        [['sidecar', 'tag'], 'z']
      ],
      {
        3: '  tag: v1',
        4: `  digest: sha256:${'ab'.repeat(32)}`,
        5: '  previous: "0755"',
        6: '  note: "x"',
        7: "  label: 'y'",
        9: '  tag: z'
      }
    )
    await expectEdit('empty-and-null.yaml', [[['image', 'tag'], 'on']], { 3: '  tag: "on"' })
  })

  it('quoted keys with dots, slashes, colons and spaces are reached with ["…"]', async () => {
    await expectEdit(
      'quoted-keys.yaml',
      [
        [['app.kubernetes.io/name'], 'v2'],
        [['annotations', 'example.com/release-tag'], 'v2'],
        [['annotations', 'config.d/app.yaml'], 'off'],
        [['images', 'registry.example.test/acme/api'], 'v2'],
        [['images', 'acme/worker:tag'], 'v2'],
        [['with space and.dot', 'tag'], 'v2']
      ],
      {
        1: '"app.kubernetes.io/name": v2',
        3: '  "example.com/release-tag": v2',
        4: `  'config.d/app.yaml': "off"`,
        6: '  "registry.example.test/acme/api": v2',
        7: '  "acme/worker:tag": v2',
        9: '  tag: v2'
      }
    )
  })

  it('CRLF line endings stay CRLF', async () => {
    const before = yamlFixture('crlf.yaml')
    // A checkout that turned CRLF into LF would test nothing here (.gitattributes: -text).
    expect(
      before
        .split('\n')
        .slice(0, -1)
        .every((line) => line.endsWith('\r'))
    ).toBe(true)
    const after = await expectEdit(
      'crlf.yaml',
      [
        [['api', 'tag'], 'v2'],
        [['worker', 'tag'], 'on']
      ],
      { 4: '  tag: v2 # CI\r', 7: "  tag: 'on'\r" }
    )
    expect(after.match(/\r\n/g)).toHaveLength(before.match(/\r\n/g)!.length)
    expect(after.replaceAll('\r\n', '')).not.toContain('\n')
  })

  it('a byte order mark stays in front of the first key', async () => {
    expect(yamlFixture('bom.yaml').startsWith('\ufeffapi:')).toBe(true)
    const after = await expectEdit('bom.yaml', [[['api', 'tag'], 'v2']], { 2: '  tag: v2' })
    expect(after.startsWith('\ufeffapi:\n')).toBe(true)
  })

  it('a file without a final newline still has none', async () => {
    const after = await expectEdit('no-final-newline.yaml', [[['api', 'tag'], 'v2']], {
      3: '  tag: v2'
    })
    expect(after.endsWith('  tag: v2')).toBe(true)
  })

  it('a path in a multi-document file is edited in every document that has it', async () => {
    await expectEdit('multi-document.yaml', [[['metadata', 'name'], 'web']], {
      5: '  name: web',
      21: '  name: web',
      31: '  name: web'
    })
  })

  it.each([
    ['1276e23', `'2682590'`, `"1276e23"`],
    ['on', `'off'`, `"on"`],
    ['0755', `'0644'`, `"0755"`],
    ['1.10', `'1.11'`, `"1.10"`]
  ])(
    'YAML 1.1 look-alikes: %s is written quoted, and a quoted tag keeps its quote style',
    async (value, kept, quoted) => {
      const next = kept.slice(1, -1)
      await expectEdit(
        'yaml11-scalars.yaml',
        [
          [['float', 'tag'], next],
          [['plain', 'tag'], value]
        ],
        { 3: `  tag: ${kept}`, 11: `  tag: ${quoted}` }
      )
    }
  )

  it('YAML 1.1 fixture: quoted tags stay quoted, plain safe ones stay plain, typed values plain', async () => {
    await expectEdit(
      'yaml11-scalars.yaml',
      [
        [['version', 'tag'], 'v2'],
        [['switch', 'tag'], 'off'],
        [['mode', 'tag'], '0644'],
        [['plain', 'tag'], 'v2.0.0'],
        [['typed', 'replicas'], 4],
        [['typed', 'enabled'], false]
      ],
      {
        5: '  tag: "v2"',
        7: "  tag: 'off'",
        9: "  tag: '0644'",
        11: '  tag: v2.0.0',
        13: '  replicas: 4',
        14: '  enabled: false'
      }
    )
  })
})

describe('manifests and kustomizations from the fixtures (images mode)', () => {
  const DIGEST = `sha256:${'0f'.repeat(32)}`
  const target = (repository: string, tag: string, digest = ''): ImageTarget => ({
    name: repository.split('/').at(-1)!,
    repository,
    tag,
    digest
  })

  async function images(
    file: string,
    targets: ImageTarget[],
    mode: 'manifests' | 'kustomizations',
    pinDigest = false
  ): Promise<{ before: string; after: string }> {
    const before = yamlFixture(file)
    const { after } = await run(
      { [file]: before },
      { images: targets, valuesFiles: [], [mode]: [file], pinDigest }
    )
    return { before, after: after(file) }
  }

  it('multi-document manifests: containers and init containers in every document', async () => {
    const { before, after } = await images(
      'multi-document.yaml',
      [
        target('registry.example.test/acme/api', '1276e23'),
        target('registry.example.test/acme/report', 'on'),
        target('busybox', '1.37'),
        target('docker.io/library/redis', '0755')
      ],
      'manifests'
    )
    expectLines(before, after, {
      11: '          image: busybox:1.37',
      14: '          image: registry.example.test/acme/api:1276e23 # pinned by CI',
      40: '              image: "registry.example.test/acme/report:on"',
      42: '              image: docker.io/library/redis:0755'
    })
    expect(after.endsWith('\n...\n')).toBe(true)
    const again = await run(
      { f: after },
      {
        images: [target('busybox', '1.37')],
        valuesFiles: [],
        manifests: ['f']
      }
    )
    expect(again.after('f')).toBe(after)
  })

  it('multi-document manifests: pin-digest writes REPO:TAG@DIGEST before the comment', async () => {
    const { before, after } = await images(
      'multi-document.yaml',
      [target('registry.example.test/acme/api', 'v2', DIGEST)],
      'manifests',
      true
    )
    expectLines(before, after, {
      14: `          image: registry.example.test/acme/api:v2@${DIGEST} # pinned by CI`
    })
  })

  it('kustomization: newTag by name and by newName, a digest line added, the block scalar untouched', async () => {
    const { before, after } = await images(
      'kustomization.yaml',
      [target('acme/api', 'v2'), target('registry.example.test/acme/worker', '1.11', DIGEST)],
      'kustomizations',
      true
    )
    expect(after).toBe(
      before
        .replace('    newTag: v1.0.0\n', '    newTag: v2\n')
        .replace(
          '    newTag: "1.10" # {"$imagepolicy": "flux-system:worker:tag"}\n',
          `    newTag: "1.11" # {"$imagepolicy": "flux-system:worker:tag"}\n    digest: ${DIGEST}\n`
        )
    )
    expect(after).toContain('        image: acme/api\n')
  })

  it('kustomization: an image no entry names is refused with the file', async () => {
    await expect(
      images('kustomization.yaml', [target('acme/nowhere', 'v2')], 'kustomizations')
    ).rejects.toThrow(
      /no images entry in kustomization\.yaml names any of the images \(acme\/nowhere\)/
    )
  })
})
