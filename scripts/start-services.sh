#!/usr/bin/env bash
# Starts (or reuses) the Docker engine and registries the integration tests use, as CI does.
# Usage: eval "$(bash scripts/start-services.sh)"   then run the tests in the same shell.
# Started this way (no GITOPS_SERVICES_OWNER), they are yours: test runs reuse them and leave them
# running until scripts/stop-services.sh.
exec bash "$(dirname "$0")/../.ci/services.sh" "$@"
