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
