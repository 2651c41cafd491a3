# shellcheck shell=bash
# Redis from the distro package (redis-server), run directly by this script: never via
# systemd/init, so it lives and dies with the stack and keeps its data in the stack dir.

: "${VIGIL_REDIS_PORT:=6379}"
: "${VIGIL_REDIS_TIMEOUT:=30}"
# none = pure in-memory (fast, tests start clean after a restart)
# rdb  = snapshot on shutdown/every 60s with >=1 change, aof = append-only file (fsync 1s)
: "${VIGIL_REDIS_PERSISTENCE:=none}"
: "${VIGIL_REDIS_MAXMEMORY:=}" # e.g. 512mb; empty = unlimited
: "${VIGIL_REDIS_EXTRA_ARGS:=}" # extra redis-server args, e.g. "--loglevel verbose"

REDIS_DIR="$VIGIL_STACK_DIR/redis"
REDIS_LOG="$LOG_DIR/redis.log"
# Redis rewrites its process title to "redis-server 127.0.0.1:<port>".
REDIS_MARKER="redis-server $VIGIL_HOST:$VIGIL_REDIS_PORT"

redis_prepare() {
  command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 && return 0
  if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    die "redis: redis-server not found; install it (Debian/Ubuntu: apt-get install -y redis-server)"
  fi
  log "redis: installing redis-server with apt-get"
  # Only refresh the package index if the first attempt cannot find the package.
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >/dev/null 2>&1; then
    apt-get update -q >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >/dev/null ||
      die "redis: apt-get install redis-server failed"
  fi
  # The package may have started a system instance through init scripts; leave it
  # alone, but it would occupy our port.
  if port_open "$VIGIL_REDIS_PORT"; then
    warn "redis: something (the distro's own redis service?) already listens on :$VIGIL_REDIS_PORT"
  fi
}

redis_pid() { svc_pid redis "$REDIS_MARKER"; }

redis_ping_ok() {
  [[ "$(redis-cli -h "$VIGIL_HOST" -p "$VIGIL_REDIS_PORT" ping 2>/dev/null)" == PONG ]]
}

redis_start() {
  local pid
  if pid=$(redis_pid); then
    log "redis: already running (pid $pid)"
    return 0
  fi
  clear_leftovers redis "$REDIS_MARKER"
  require_free_port redis "$VIGIL_REDIS_PORT" || return 1
  mkdir -p "$REDIS_DIR"
  local -a persist
  case "$VIGIL_REDIS_PERSISTENCE" in
    none) persist=(--save '' --appendonly no) ;;
    rdb) persist=(--save '60 1' --appendonly no --dbfilename dump.rdb) ;;
    aof) persist=(--save '' --appendonly yes --appendfsync everysec) ;;
    *) die "redis: VIGIL_REDIS_PERSISTENCE must be none, rdb or aof (got '$VIGIL_REDIS_PERSISTENCE')" ;;
  esac
  local -a extra=()
  [[ -n "$VIGIL_REDIS_MAXMEMORY" ]] && extra+=(--maxmemory "$VIGIL_REDIS_MAXMEMORY")
  # shellcheck disable=SC2206 # word splitting of the free-form extra args is intended
  [[ -n "$VIGIL_REDIS_EXTRA_ARGS" ]] && extra+=($VIGIL_REDIS_EXTRA_ARGS)
  log "redis: starting on $VIGIL_HOST:$VIGIL_REDIS_PORT (persistence $VIGIL_REDIS_PERSISTENCE)"
  # No config file: everything on the command line so the system /etc/redis is ignored.
  # --daemonize no keeps the PID we record; logfile "" = stdout, redirected by spawn.
  spawn redis "$REDIS_LOG" \
    redis-server --bind "$VIGIL_HOST" --port "$VIGIL_REDIS_PORT" --protected-mode yes \
    --daemonize no --supervised no --logfile '' --dir "$REDIS_DIR" \
    "${persist[@]}" "${extra[@]}"
}

redis_wait() {
  local pid
  pid=$(<"$(pid_file redis)") || return 1
  if wait_until redis "$VIGIL_REDIS_TIMEOUT" "$pid" redis_ping_ok; then
    ok "redis: up    redis://$VIGIL_HOST:$VIGIL_REDIS_PORT  pid $pid  log $REDIS_LOG"
    return 0
  fi
  show_log_tail "$REDIS_LOG"
  return 1
}

redis_stop() { stop_svc redis "$REDIS_MARKER"; }

redis_status() {
  local pid
  if pid=$(redis_pid) && redis_ping_ok; then
    printf '%-14s %-5s pid %-8s %s:%s  log %s\n' redis up "$pid" "$VIGIL_HOST" "$VIGIL_REDIS_PORT" "$REDIS_LOG"
    return 0
  fi
  printf '%-14s %-5s pid %-8s %s:%s  log %s\n' redis down "${pid:--}" "$VIGIL_HOST" "$VIGIL_REDIS_PORT" "$REDIS_LOG"
  return 1
}

redis_reset() { rm -rf "$REDIS_DIR"; }
