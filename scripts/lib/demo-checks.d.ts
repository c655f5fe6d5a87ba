/** One entry of the action's `images` output. */
export interface ImageOutput {
  readonly name: string
  readonly repository: string
  readonly tag: string
  readonly digest: string
  readonly ref: string
}

/** The `images` output as an array, or an empty array when it is missing or not a JSON array. */
export function parseImages(text: string | undefined): ImageOutput[]

/** A repository URL as Argo CD compares it: no scheme, no `.git`, no trailing slash, any case. */
export function sameRepository(a: string, b: string): boolean

/** Every way the release differs from what the tutorial expects; empty when it all holds. */
export function verify(options: Record<string, unknown>): Promise<string[]>

/**
 * Every way the promotion dev → prod differs from docs/promotion.md; empty when it all holds.
 * `released` is the release's `images` output, `tip` the commit the release pushed.
 */
export function verifyPromotion(options: {
  readonly outputs: Readonly<Record<string, string>>
  readonly released: readonly ImageOutput[]
  readonly tip: string
  /** git with these arguments; its trimmed stdout. */
  readonly git: (args: string[]) => Promise<string>
  /** The bare repository's path. */
  readonly remote: string
  readonly argocd: { history(name: string): readonly { readonly revision: string }[] }
}): Promise<string[]>
