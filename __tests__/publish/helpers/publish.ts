import { createHttpClient } from '../../../src/lib/http.js'
import {
  createPublishDeps,
  publish,
  type PublishOptions,
  type PublishResult
} from '../../../src/publish/publish.js'
import type { ComputeChanges, PublishServices } from '../../../src/publish/types.js'

/** The publish stage with the services the composition root would make, `deps` taking over. */
export function publishWithDefaults(
  options: PublishOptions,
  deps: Omit<PublishServices, 'http'> &
    Partial<Pick<PublishServices, 'http'>> & { readonly compute: ComputeChanges }
): Promise<PublishResult> {
  const services = { ...deps, http: deps.http ?? createHttpClient() }
  return publish(options, { ...createPublishDeps(options, services), compute: deps.compute })
}
