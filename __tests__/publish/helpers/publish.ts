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
  deps: PublishServices & { readonly compute: ComputeChanges }
): Promise<PublishResult> {
  return publish(options, { ...createPublishDeps(options, deps), compute: deps.compute })
}
