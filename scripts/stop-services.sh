#!/usr/bin/env bash
# Stops the services in GITOPS_SERVICES_DIR (default: the folder scripts/start-services.sh uses),
# whoever started them.
exec bash "$(dirname "$0")/../.ci/services.sh" stop
