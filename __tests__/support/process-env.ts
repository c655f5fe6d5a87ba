/**
 * This process's environment, live, typed as the stages' `env` option: a test that changes
 * process.env (HOME, PATH) after building its options still starts git with the change, as the
 * runner did before the settings held the environment. Node stores every value as a string, so
 * the cast hides nothing.
 */
export const liveProcessEnv = process.env as Readonly<Record<string, string>>
