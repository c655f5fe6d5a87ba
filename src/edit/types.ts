import type { EditedPlace } from './places.js'

/** One image whose tag (and maybe repository and digest) is written into the files. */
export interface ImageTarget {
  /** Image name as given in `images`, e.g. `backend`. */
  readonly name: string
  /** Full repository, e.g. `docker.io/acme/backend` or `localhost:5000/backend`. */
  readonly repository: string
  /** The tag to write. */
  readonly tag: string
  /** `sha256:…` when the image was built and pushed, else empty. */
  readonly digest: string
}

/** Values substituted into `changes` strings and templates. */
export interface EditVars {
  /** `{tag}` */
  readonly tag: string
  /** `{sha}`: the full commit SHA. */
  readonly sha: string
  /** `{short-sha}`: its first 7 characters. */
  readonly shortSha: string
}

/** Everything the engine needs to know about what to change, independent of where files live. */
export interface EditRequest {
  readonly images: readonly ImageTarget[]
  /** Helm values files, relative to the repository root. */
  readonly valuesFiles: readonly string[]
  /** True when `values-file` was left at its default (a missing file is then fine if
   * `kustomization` or `manifests` is given). */
  readonly valuesFileIsDefault: boolean
  /** Path template with `{name}`, e.g. `{name}.tag`. */
  readonly tagPath: string
  readonly repositoryPath?: string
  readonly digestPath?: string
  /** Path template for the whole reference: `REPOSITORY:TAG`, `@DIGEST` added with pinDigest. */
  readonly refPath?: string
  /** kustomization files. */
  readonly kustomizations: readonly string[]
  /** Manifest files or globs. */
  readonly manifests: readonly string[]
  readonly pinDigest: boolean
  /** Raw `changes` input (YAML or JSON), empty when not given. */
  readonly changes: string
  readonly createMissing: boolean
  readonly vars: EditVars
}

/** Read access to the files of one repository state (a workspace folder or a git commit). */
export interface FileSource {
  /** Short description for messages, e.g. the folder or `origin/main@abc1234`. */
  readonly description: string
  /** The bytes of a file by repository-relative POSIX path; undefined when it does not exist.
   * Throws EditError when the path leaves the repository (`..`, absolute, symlink out). */
  read(path: string): Promise<Buffer | undefined>
  /** Every file path, repository-relative POSIX, for glob expansion. */
  list(): Promise<string[]>
}

/** The planned new content of one file. */
export interface FileEdit {
  /** Repository-relative POSIX path. */
  readonly path: string
  /** Content before (decoded as UTF-8, BOM kept). */
  readonly before: string
  /** Content after. Equal to `before` when nothing changed. */
  readonly after: string
  /**
   * Every place the edit engine changed, named so it can be found again (rollback-on-failure
   * restores them); absent for content not planned by computeEdits.
   */
  readonly places?: readonly EditedPlace[]
}
