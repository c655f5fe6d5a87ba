#!/usr/bin/env bash
# Stops the services started by scripts/start-services.sh.
exec bash "$(dirname "$0")/../.ci/services.sh" stop
