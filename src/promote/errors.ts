import { ActionError } from '../errors.js'

/**
 * A promotion cannot go ahead: the registry no longer holds the candidate as recorded, or the
 * source environment is not running it. (Kept here until the integrator moves it into
 * src/errors.ts beside the other typed errors.)
 */
export class PromotionError extends ActionError {}
