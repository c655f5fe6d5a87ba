/** One image to build (or, with `build: false`, whose name drives the tag edits). */
export interface ImageSpec {
  /** `[a-z0-9][a-z0-9._-]*` */
  readonly name: string
  /** Build context folder, relative to the workspace. */
  readonly context: string
  /** Dockerfile path relative to the workspace; undefined means `CONTEXT/Dockerfile`. */
  readonly dockerfile?: string
  /** Build stage. */
  readonly target?: string
  /** Full repository, lower-cased: `REGISTRY/NAMESPACE/NAME` unless given. */
  readonly repository: string
  /** `KEY=VALUE` build arguments for this image (the global ones come first). */
  readonly buildArgs: readonly string[]
  /** Platforms for this image, overriding the global input. */
  readonly platforms?: string
  /** 1-based line within the `images` input, for messages. */
  readonly line: number
}
