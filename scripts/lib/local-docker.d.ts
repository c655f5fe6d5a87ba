/** Whether the bytes start an ELF executable without a program interpreter (statically linked). */
export function isStaticElf(bytes: Buffer): boolean

/** The first statically linked busybox among the candidates (Debian's busybox-static), if any. */
export function findStaticBusybox(candidates?: readonly string[]): string | undefined

/** A Docker engine and a registry the demo can build and push with, or why there is none. */
export type DockerSetup =
  | {
      readonly build: true
      /** The environment for docker commands and the action (DOCKER_HOST when given). */
      readonly env: NodeJS.ProcessEnv
      /** `HOST:PORT` of the registry. */
      readonly registry: string
      /** The base image both Dockerfiles build FROM (build-arg BASE). */
      readonly baseImage: string
      readonly notes: readonly string[]
      close(): Promise<void>
    }
  | {
      readonly build: false
      readonly reason: string
      /** How to get a real build (the command to start an engine, or the project's script). */
      readonly hint: string
      close(): Promise<void>
    }

/** How to get a real build when the docker CLI is missing, the engine is down, or no registry. */
export function dockerHint(kind: 'no-cli' | 'no-engine' | 'no-registry', where?: string): string

/** Finds the engine, starts a registry when none is given, builds the base image. */
export function prepareDocker(
  dir: string,
  options: { log(line: string): void; env?: NodeJS.ProcessEnv }
): Promise<DockerSetup>

/** Removes local images; failures are ignored. */
export function removeImages(env: NodeJS.ProcessEnv, refs: readonly string[]): Promise<void>
