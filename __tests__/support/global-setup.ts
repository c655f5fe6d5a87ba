// jest's globalSetup: services a test file starts through .ci/services.sh (see docker-env.ts)
// belong to this jest process, so that globalTeardown (or, should jest be killed, the script's
// watcher) stops them when the run ends. Services already running are reused and left alone.

/** Names this process as the owner of the services the test files start. */
export default function globalSetup(): void {
  // Workers are started after this and inherit the variable.
  process.env.GITOPS_SERVICES_OWNER = String(process.pid)
}
