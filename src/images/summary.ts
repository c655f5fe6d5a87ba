import type { BuiltImage } from './build-images.js'

/** What one summary row shows; `built`/`reusedFrom` are absent in older release states. */
export type SummaryImage = Pick<BuiltImage, 'name' | 'ref' | 'digest' | 'seconds'> &
  Partial<Pick<BuiltImage, 'built' | 'reusedFrom'>>

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/**
 * The job-summary table of the images: image, ref, digest, build time; an image skip-unchanged
 * reused says so instead of a build time.
 */
export function buildSummaryTable(images: readonly SummaryImage[]): string {
  const rows = images.map((image) => {
    const digest = image.digest === '' ? '(not pushed)' : `\`${cell(image.digest)}\``
    const time =
      image.built === false
        ? `unchanged, reused${image.reusedFrom === undefined ? '' : ` (${cell(image.reusedFrom)})`}`
        : `${image.seconds.toFixed(1)} s`
    return `| ${cell(image.name)} | \`${cell(image.ref)}\` | ${digest} | ${time} |`
  })
  return (
    ['| Image | Ref | Digest | Build time |', '| --- | --- | --- | ---: |', ...rows].join('\n') +
    '\n'
  )
}

/**
 * The job-summary section for the images skip-unchanged reused (empty when none): which were
 * not built, the tag the files keep, and the registry's digest; says so when nothing was built.
 */
export function reusedSummary(images: readonly BuiltImage[]): string {
  const reused = images.filter((image) => !image.built)
  if (reused.length === 0) return ''
  const lines = [
    '### Unchanged images (skip-unchanged)',
    '',
    reused.length === images.length
      ? 'Nothing was built: the build inputs of every image are unchanged, so no image was pushed and no tag was changed.'
      : 'Their build inputs are unchanged: not built, not pushed, and the files keep their tags.',
    ''
  ]
  for (const image of reused) {
    lines.push(`- ${cell(image.name)}: \`${cell(image.ref)}\` (\`${cell(image.digest)}\`)`)
  }
  return `${lines.join('\n')}\n`
}
