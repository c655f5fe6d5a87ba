import type { BuiltImage } from './build-images.js'

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** The job-summary table of the built images: image, ref, digest, build time. */
export function buildSummaryTable(images: readonly BuiltImage[]): string {
  const rows = images.map((image) => {
    const digest = image.digest === '' ? '(not pushed)' : `\`${cell(image.digest)}\``
    return `| ${cell(image.name)} | \`${cell(image.ref)}\` | ${digest} | ${image.seconds.toFixed(1)} s |`
  })
  return (
    ['| Image | Ref | Digest | Build time |', '| --- | --- | --- | ---: |', ...rows].join('\n') +
    '\n'
  )
}
