import { InputError } from '../errors.js'

/** The inputs `rollback-on-failure` depends on. */
export interface RollbackInputs {
  readonly rollbackOnFailure: boolean
  /** `argocd-wait`: without a wait there is no failure to react to. */
  readonly argocdWait: boolean
  /** `create-pr`: a pull request is not deployed until merged, so there is nothing to roll back. */
  readonly createPr: boolean
  /** `commit`: the rollback is a commit on the same branch. */
  readonly commit: boolean
}

/** Refuses `rollback-on-failure: true` where it cannot work; the error names both inputs. Pure. */
export function validateRollbackInputs(inputs: RollbackInputs): void {
  if (!inputs.rollbackOnFailure) return
  if (!inputs.commit) {
    throw new InputError(
      "Inputs 'rollback-on-failure: true' and 'commit: false' conflict: a rollback is a commit on the branch the release went to.",
      { input: 'rollback-on-failure' }
    )
  }
  if (inputs.createPr) {
    throw new InputError(
      "Inputs 'rollback-on-failure: true' and 'create-pr: true' conflict: a pull request is rolled out only when merged, so there is no failed rollout to undo. Drop one of them.",
      { input: 'rollback-on-failure' }
    )
  }
  if (!inputs.argocdWait) {
    throw new InputError(
      "Input 'rollback-on-failure: true' needs 'argocd-wait: true': the rollback reacts to a failed wait for Argo CD.",
      { input: 'rollback-on-failure' }
    )
  }
}
