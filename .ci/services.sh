# shellcheck shell=bash
# Services for the Docker integration tests: a Docker engine (vfs storage, no bridge, no
# iptables, its own socket and folders) and two Docker registries on 127.0.0.1 (a plain one and
# one with htpasswd auth). Installs Debian's packages when missing (as root), starts what is not
# already running, and exports the GITOPS_TEST_* variables the tests read.
#
# Sourced by .ci/run. Also runs standalone: `bash .ci/services.sh` (or scripts/start-services.sh)
# starts or reuses the services and prints the export lines. `bash .ci/services.sh stop` stops them.
#
# Who started them: GITOPS_SERVICES_OWNER=PID (a test run, .ci/run) makes services this call
# starts belong to that process: the folder's `owner` file holds the pid, a watcher stops them
# when that process is gone (however it ended), and `bash .ci/services.sh release PID` stops them
# at once when PID still owns them. Services started without an owner (by hand, on purpose) and
# services that were already running are reused and left alone: `release` never stops them.
# GITOPS_SERVICES_NO_INSTALL=1: never run apt-get (report what is missing instead).
# Folder: $GITOPS_SERVICES_DIR, default ${TMPDIR:-/tmp}/gitops-release-services (kept short:
# socket paths are limited to 108 bytes).
#
# When something cannot be started, GITOPS_TEST_SERVICES_ERROR says why and the tests that need
# Docker report it (and fail under CI=true).

_gr_log() { printf 'services: %s\n' "$*" >&2; }

# True when pid $1 is alive and its command line mentions our folder (never touch other processes).
_gr_ours() {
  local pid=$1 cmd
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmd == *"$_gr_dir"* ]]
}

_gr_install() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
  dpkg -s busybox-static >/dev/null 2>&1 || missing+=(busybox-static)
  command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ -x /usr/sbin/squid ] || missing+=(squid)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -n "${GITOPS_SERVICES_NO_INSTALL:-}" ]; then
    _gr_error="missing packages (${missing[*]}); run: bash scripts/start-services.sh (as root) to install them"
    return 1
  fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    _gr_error="missing packages (${missing[*]}); install them with apt-get as root"
    return 1
  fi
  _gr_log "installing ${missing[*]}"
  # Keep the packages' init scripts from starting a system-wide dockerd or registry.
  local policy=/usr/sbin/policy-rc.d made_policy=
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && made_policy=1
  fi
  local rc=0
  { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } \
    >"$_gr_dir/apt.log" 2>&1 || rc=$?
  [ -n "$made_policy" ] && rm -f "$policy"
  if [ $rc -ne 0 ]; then
    _gr_error="apt-get install ${missing[*]} failed (see $_gr_dir/apt.log)"
    tail -n 20 "$_gr_dir/apt.log" >&2
    return 1
  fi
}

# A TCP port on 127.0.0.1 that nothing listens on now.
_gr_free_port() {
  local port tries=0
  while [ $tries -lt 50 ]; do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  return 1
}

_gr_http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "http://$1/v2/" 2>/dev/null; }

_gr_docker_ok() {
  DOCKER_HOST="unix://$_gr_dir/docker/docker.sock" docker version >/dev/null 2>&1
}

# Reuse services from an earlier start when all of them still answer.
_gr_reuse() {
  [ -f "$_gr_dir/env.sh" ] || return 1
  # shellcheck source=/dev/null
  source "$_gr_dir/env.sh"
  _gr_docker_ok &&
    [ "$(_gr_http_code "$GITOPS_TEST_REGISTRY")" = 200 ] &&
    [ "$(_gr_http_code "$GITOPS_TEST_AUTH_REGISTRY")" = 401 ]
}

# dockerd mounts its data folder onto itself and its network namespace under the exec folder;
# a killed dockerd leaves those behind, and a new one cannot start on top of them.
_gr_unmount() {
  local mounts i
  for i in 1 2 3 4 5 6 7 8 9 10; do
    mounts=$(awk -v dir="$_gr_dir/" 'index($2, dir) == 1 { print $2 }' /proc/mounts | sort -r)
    [ -z "$mounts" ] && return 0
    while IFS= read -r m; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done <<<"$mounts"
  done
}

_gr_stop() {
  local f pid
  # The watcher first, unless it is the one stopping (it would kill itself halfway).
  if [ -z "${_GR_WATCHER:-}" ] && [ -f "$_gr_dir/watcher.pid" ]; then
    pid=$(cat "$_gr_dir/watcher.pid")
    if _gr_ours "$pid"; then kill "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$_gr_dir/watcher.pid" "$_gr_dir/owner"
  for f in "$_gr_dir"/registry-*/pid "$_gr_dir/docker/docker.pid"; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    if _gr_ours "$pid"; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do _gr_ours "$pid" || break; sleep 0.2; done
    fi
    rm -f "$f"
  done
  _gr_unmount
  rm -f "$_gr_dir/env.sh"
}

_gr_start_docker() {
  local d=$_gr_dir/docker
  # Runtime state of an earlier dockerd (sockets, pid files) must not survive it.
  rm -rf "$d/exec" "$d/docker.pid" "$d/docker.sock"
  mkdir -p "$d/data" "$d/exec"
  echo '{}' >"$d/daemon.json"
  _gr_log "starting dockerd (vfs, no bridge) on unix://$d/docker.sock"
  setsid nohup dockerd --config-file "$d/daemon.json" --storage-driver vfs \
    --iptables=false --bridge=none --userland-proxy=false \
    --data-root "$d/data" --exec-root "$d/exec" --pidfile "$d/docker.pid" \
    --host "unix://$d/docker.sock" </dev/null >"$d/dockerd.log" 2>&1 &
  local i
  for i in $(seq 1 120); do
    _gr_docker_ok && return 0
    sleep 0.5
  done
  _gr_error="dockerd did not answer within 60 s (see $d/dockerd.log)"
  tail -n 20 "$d/dockerd.log" >&2
  return 1
}

# _gr_start_registry NAME EXPECTED_HTTP_CODE [HTPASSWD_FILE]; echoes the address.
_gr_start_registry() {
  local name=$1 expected=$2 htpasswd_file=${3:-} d=$_gr_dir/registry-$1 port attempt i
  mkdir -p "$d/data"
  for attempt in 1 2 3 4 5; do
    port=$(_gr_free_port) || break
    {
      printf 'version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: %s\n' "$d/data"
      printf '  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:%s\n  secret: %s\n' "$port" "$RANDOM$RANDOM"
      if [ -n "$htpasswd_file" ]; then
        printf 'auth:\n  htpasswd:\n    realm: gitops-release-test\n    path: %s\n' "$htpasswd_file"
      fi
    } >"$d/config.yml"
    setsid nohup docker-registry serve "$d/config.yml" </dev/null >"$d/registry.log" 2>&1 &
    echo $! >"$d/pid"
    for i in $(seq 1 40); do
      if [ "$(_gr_http_code "127.0.0.1:$port")" = "$expected" ]; then
        echo "127.0.0.1:$port"
        return 0
      fi
      _gr_ours "$(cat "$d/pid")" || break
      sleep 0.25
    done
    kill "$(cat "$d/pid")" 2>/dev/null || true
  done
  tail -n 20 "$d/registry.log" >&2
  return 1
}

_gr_start_all() {
  _gr_stop
  _gr_start_docker || return 1
  local registry auth_registry user=gitops pass
  registry=$(_gr_start_registry plain 200) || {
    _gr_error="registry plain did not start (see $_gr_dir/registry-plain/registry.log)"
    return 1
  }
  pass=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  mkdir -p "$_gr_dir/registry-auth"
  htpasswd -Bbn "$user" "$pass" >"$_gr_dir/registry-auth/htpasswd" 2>/dev/null || {
    _gr_error='htpasswd failed'
    return 1
  }
  auth_registry=$(_gr_start_registry auth 401 "$_gr_dir/registry-auth/htpasswd") || {
    _gr_error="registry auth did not start (see $_gr_dir/registry-auth/registry.log)"
    return 1
  }
  local busybox
  busybox=$(command -v busybox || echo /bin/busybox)
  (
    umask 077
    cat >"$_gr_dir/env.sh" <<EOF
export GITOPS_TEST_DOCKER_HOST='unix://$_gr_dir/docker/docker.sock'
export GITOPS_TEST_REGISTRY='$registry'
export GITOPS_TEST_AUTH_REGISTRY='$auth_registry'
export GITOPS_TEST_AUTH_USER='$user'
export GITOPS_TEST_AUTH_PASS='$pass'
export GITOPS_TEST_BUSYBOX='$busybox'
EOF
  )
  # shellcheck source=/dev/null
  source "$_gr_dir/env.sh"
}

# The services now running belong to pid $1: note it, and start a watcher that stops them once
# that process is gone. The watcher's command line names the folder, so _gr_stop knows it as ours.
_gr_own() {
  local owner=$1 self
  self=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/services.sh
  echo "$owner" >"$_gr_dir/owner"
  # shellcheck disable=SC2016 # expanded by the watcher's shell
  setsid nohup bash -c '
    dir=$1 owner=$2 script=$3
    while kill -0 "$owner" 2>/dev/null && [ "$(cat "$dir/owner" 2>/dev/null)" = "$owner" ]; do
      sleep 1
    done
    _GR_WATCHER=1 GITOPS_SERVICES_DIR=$dir exec bash "$script" release "$owner"
  ' gitops-release-services-watcher "$_gr_dir" "$owner" "$self" </dev/null >>"$_gr_dir/watcher.log" 2>&1 &
  echo $! >"$_gr_dir/watcher.pid"
}

# Stops the services only when pid $1 started them (see GITOPS_SERVICES_OWNER above).
_gr_release() {
  local owner=$1
  if [ -n "$owner" ] && [ -f "$_gr_dir/owner" ] && [ "$(cat "$_gr_dir/owner")" = "$owner" ]; then
    _gr_stop
    _gr_log "stopped the services process $owner started (folder $_gr_dir kept)"
  elif [ -f "$_gr_dir/env.sh" ]; then
    _gr_log "left running: the services in $_gr_dir were not started by process $owner"
  fi
}

_gr_main() {
  _gr_dir=${GITOPS_SERVICES_DIR:-${TMPDIR:-/tmp}/gitops-release-services}
  _gr_error=
  if [ "${1:-}" = release ]; then
    # Every jest run ends with this: no folder is made for it.
    [ -d "$_gr_dir" ] && _gr_release "${2:-}"
    return 0
  fi
  mkdir -p "$_gr_dir" || return 1
  if [ "${1:-}" = stop ]; then
    _gr_stop
    _gr_log "stopped (folder $_gr_dir kept; remove it to free the disk)"
    return 0
  fi
  unset GITOPS_TEST_SERVICES_ERROR
  if _gr_reuse; then
    _gr_log "reusing running services in $_gr_dir"
  elif _gr_install && { _gr_start_all || {
    # Half a set is of no use to anyone: stop what did start.
    _gr_stop
    false
  }; }; then
    if [ -n "${GITOPS_SERVICES_OWNER:-}" ]; then
      _gr_own "$GITOPS_SERVICES_OWNER"
      _gr_log "started services in $_gr_dir for process $GITOPS_SERVICES_OWNER (stopped when it ends)"
    else
      _gr_log "started services in $_gr_dir (they keep running: bash .ci/services.sh stop)"
    fi
  else
    export GITOPS_TEST_SERVICES_ERROR="${_gr_error:-services could not be started}"
    unset GITOPS_TEST_DOCKER_HOST GITOPS_TEST_REGISTRY GITOPS_TEST_AUTH_REGISTRY \
      GITOPS_TEST_AUTH_USER GITOPS_TEST_AUTH_PASS GITOPS_TEST_BUSYBOX
    _gr_log "WARNING: $GITOPS_TEST_SERVICES_ERROR; the Docker integration tests will not run"
    return 1
  fi
  _gr_log "Docker $GITOPS_TEST_DOCKER_HOST, registry $GITOPS_TEST_REGISTRY, auth registry $GITOPS_TEST_AUTH_REGISTRY"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # Standalone: print the variables for `eval "$(bash .ci/services.sh)"`.
  set -uo pipefail
  if _gr_main "$@"; then
    case "${1:-}" in stop | release) ;; *) cat "$_gr_dir/env.sh" ;; esac
  else
    exit 1
  fi
else
  # Sourced by .ci/run: a failure is reported by the tests (GITOPS_TEST_SERVICES_ERROR), not here.
  _gr_main "$@" || true
fi
