#!/usr/bin/env bash
# Starts (or reuses) the Docker engine and registries the integration tests use, as CI does.
# Usage: eval "$(bash scripts/start-services.sh)"   then run the tests in the same shell.
exec bash "$(dirname "$0")/../.ci/services.sh" "$@"
