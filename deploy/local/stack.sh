#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Vigil local stack: a REAL single-node Kafka (KRaft) + Elasticsearch + Redis on
# 127.0.0.1, without Docker. Used by developers and CI for integration tests.
#
# Usage: deploy/local/stack.sh <command> [service...]
#   up|start [svc...]     start (idempotent: running+healthy services are left alone)
#   down|stop [svc...]    stop what this script started (by PID: SIGTERM, wait, SIGKILL)
#   restart [svc...]      stop + start
#   status [svc...]       print state; exit 0 if all selected are up, 3 otherwise
#   env                   print `export VIGIL_...` lines for clients (eval "$(... env)")
#   logs <svc> [-f]       show (or follow) a service's log
#   kafka-tool <tool|class> [args]  run a Kafka CLI tool on the stack's classpath
#                         (topics, console-producer, console-consumer, consumer-groups,
#                         metadata-quorum, get-offsets, configs, or a main class name)
#   reset [svc...]        stop and DELETE the service's data (fresh state next `up`)
# Services: kafka, elasticsearch (alias: es), redis. Default: all three.
#
# Environment (defaults in brackets; see deploy/local/README.md for details):
#   VIGIL_STACK_DIR [<repo>/.stack]          data, logs, pidfiles, generated config
#   VIGIL_CACHE_DIR [$HOME/.cache/vigil]     downloads (ES zip + dist, Kafka jars)
#   VIGIL_STOP_TIMEOUT [30]                  seconds from SIGTERM to SIGKILL
#   VIGIL_KAFKA_VERSION [4.4.0]              org.apache.kafka:kafka_2.13 version
#   VIGIL_KAFKA_PORT [9092]  VIGIL_KAFKA_CONTROLLER_PORT [9093]
#   VIGIL_KAFKA_HEAP [1g]    VIGIL_KAFKA_PARTITIONS [6]   VIGIL_KAFKA_TIMEOUT [120]
#   VIGIL_KAFKA_JAVA_HOME [oldest JDK >= 17]  VIGIL_KAFKA_EXTRA_CONFIG [] (server.properties lines)
#   VIGIL_MAVEN_REPO [~/.m2/repository]      Maven local repo used to fetch Kafka
#   VIGIL_ES_VERSION [9.4.3]  VIGIL_ES_PORT [9200]  VIGIL_ES_TRANSPORT_PORT [9300]
#   VIGIL_ES_HEAP [1g]        VIGIL_ES_TIMEOUT [180]  VIGIL_ES_USER [vigil-es]
#   VIGIL_ES_JAVA_HOME [newest JDK >= 21]    VIGIL_ES_JAVA_OPTS [] (extra JVM flags)
#   VIGIL_ES_DESTRUCTIVE_REQUIRES_NAME [false]  VIGIL_ES_EXTRA_CONFIG [] (yml lines)
#   VIGIL_ES_SHA512 [pinned for 9.4.3]       VIGIL_ES_DOWNLOAD_BASE [Maven Central]
#   VIGIL_REDIS_PORT [6379]  VIGIL_REDIS_PERSISTENCE [none|rdb|aof]  VIGIL_REDIS_TIMEOUT [30]
#   VIGIL_REDIS_MAXMEMORY []  VIGIL_REDIS_EXTRA_ARGS []
set -euo pipefail

LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib"
# shellcheck source=lib/common.sh
source "$LIB_DIR/common.sh"
# shellcheck source=lib/kafka.sh
source "$LIB_DIR/kafka.sh"
# shellcheck source=lib/elasticsearch.sh
source "$LIB_DIR/elasticsearch.sh"
# shellcheck source=lib/redis.sh
source "$LIB_DIR/redis.sh"

ALL_SERVICES=(kafka elasticsearch redis)

usage() {
  sed -n '3,/^set -euo pipefail/{/^set /d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

# Map user-facing names to canonical ones; empty selection means all services.
SELECTED=()
select_services() {
  SELECTED=()
  local s
  (($# == 0)) && set -- "${ALL_SERVICES[@]}"
  for s in "$@"; do
    case "$s" in
      kafka) SELECTED+=(kafka) ;;
      es | elastic | elasticsearch) SELECTED+=(elasticsearch) ;;
      redis) SELECTED+=(redis) ;;
      all) SELECTED+=("${ALL_SERVICES[@]}") ;;
      *) die "unknown service '$s' (expected: kafka, elasticsearch|es, redis)" ;;
    esac
  done
  # De-duplicate, keeping order.
  local -A seen=()
  local -a uniq=()
  for s in "${SELECTED[@]}"; do
    [[ -n "${seen[$s]:-}" ]] && continue
    seen[$s]=1
    uniq+=("$s")
  done
  SELECTED=("${uniq[@]}")
}

# Function prefix per service (es_* for elasticsearch).
fn() {
  case "$1" in
    elasticsearch) printf 'es' ;;
    *) printf '%s' "$1" ;;
  esac
}

# Serialise mutating commands: parallel test workers may all call `up` at once. The lock
# fd is closed in every spawned service (see spawn), so it is released when we exit.
take_lock() {
  ensure_stack_dirs
  exec 9>"$RUN_DIR/stack.lock"
  flock -n 9 && return 0
  log "waiting for another stack.sh run to finish (lock $RUN_DIR/stack.lock)"
  if ! flock -w 600 9; then
    die "another stack.sh is still running (lock $RUN_DIR/stack.lock)"
  fi
}

cmd_up() {
  select_services "$@"
  take_lock
  local start=$SECONDS s rc=0
  local -A jobs=()
  # Each service runs prepare -> start -> wait in its own subshell, so a slow first-time
  # download of one does not delay the others (Redis is typically up in <1s).
  for s in "${SELECTED[@]}"; do
    (
      set -euo pipefail
      f=$(fn "$s")
      "${f}_prepare"
      "${f}_start"
      if ! "${f}_wait"; then
        # Do not leave a half-started service (or a stale pidfile) behind.
        "${f}_stop" >/dev/null 2>&1 || true
        exit 1
      fi
    ) &
    jobs[$s]=$!
  done
  local -a failed=()
  for s in "${SELECTED[@]}"; do
    if ! wait "${jobs[$s]}"; then
      failed+=("$s")
      rc=1
    fi
  done
  if ((rc != 0)); then
    err "failed to start: ${failed[*]} (after $((SECONDS - start))s). Services that did start are left running; 'stack.sh down' stops them."
    return 1
  fi
  ok "stack up (${SELECTED[*]}) in $((SECONDS - start))s; data/logs in $VIGIL_STACK_DIR"
  print_endpoints
}

cmd_down() {
  select_services "$@"
  take_lock
  local s rc=0
  local -A jobs=()
  # Stop in parallel: each one is independent and graceful shutdown takes a few seconds.
  for s in "${SELECTED[@]}"; do
    (
      set -euo pipefail
      "$(fn "$s")_stop"
    ) &
    jobs[$s]=$!
  done
  for s in "${SELECTED[@]}"; do
    wait "${jobs[$s]}" || rc=1
  done
  return "$rc"
}

cmd_status() {
  select_services "$@"
  ensure_stack_dirs
  local s rc=0
  for s in "${SELECTED[@]}"; do
    "$(fn "$s")_status" || rc=3
  done
  return "$rc"
}

cmd_reset() {
  select_services "$@"
  cmd_down "${SELECTED[@]}"
  local s
  for s in "${SELECTED[@]}"; do
    log "$s: deleting data"
    "$(fn "$s")_reset"
  done
}

print_endpoints() {
  local s
  for s in "${SELECTED[@]}"; do
    case "$s" in
      kafka) log "  kafka          $VIGIL_HOST:$VIGIL_KAFKA_PORT   log $KAFKA_LOG" ;;
      elasticsearch) log "  elasticsearch  http://$VIGIL_HOST:$VIGIL_ES_PORT   log $ES_LOG" ;;
      redis) log "  redis          redis://$VIGIL_HOST:$VIGIL_REDIS_PORT   log $REDIS_LOG" ;;
    esac
  done
}

cmd_env() {
  printf 'export VIGIL_KAFKA_BROKERS=%s:%s\n' "$VIGIL_HOST" "$VIGIL_KAFKA_PORT"
  printf 'export VIGIL_ES_URL=http://%s:%s\n' "$VIGIL_HOST" "$VIGIL_ES_PORT"
  printf 'export VIGIL_REDIS_URL=redis://%s:%s\n' "$VIGIL_HOST" "$VIGIL_REDIS_PORT"
}

cmd_logs() {
  (($# >= 1)) || die "usage: stack.sh logs <kafka|elasticsearch|redis> [-f]"
  select_services "$1"
  local file
  case "${SELECTED[0]}" in
    kafka) file=$KAFKA_LOG ;;
    elasticsearch) file=$ES_LOG ;;
    redis) file=$REDIS_LOG ;;
  esac
  if [[ "${2:-}" == -f ]]; then
    exec tail -n 100 -F "$file"
  fi
  tail -n 200 "$file"
}

cmd_kafka_tool() {
  (($# >= 1)) || die "usage: stack.sh kafka-tool <topics|console-producer|console-consumer|consumer-groups|metadata-quorum|get-offsets|configs|main.Class> [args]"
  local tool=$1 cls
  shift
  case "$tool" in
    topics) cls=org.apache.kafka.tools.TopicCommand ;;
    console-producer) cls=org.apache.kafka.tools.ConsoleProducer ;;
    console-consumer) cls=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
    consumer-groups) cls=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
    metadata-quorum) cls=org.apache.kafka.tools.MetadataQuorumCommand ;;
    get-offsets) cls=org.apache.kafka.tools.GetOffsetShell ;;
    configs) cls=org.apache.kafka.tools.ConfigCommand ;;
    storage) cls=kafka.tools.StorageTool ;;
    *.*) cls=$tool ;;
    *) cls=org.apache.kafka.tools.$tool ;;
  esac
  kafka_prepare
  # Point the tool at the stack unless the caller chose a target.
  local a has_target=0
  for a in "$@"; do
    case "$a" in --bootstrap-server | --bootstrap-controller | --broker-list) has_target=1 ;; esac
  done
  if ((has_target == 0)) && [[ "$cls" != kafka.tools.StorageTool ]]; then
    set -- --bootstrap-server "$VIGIL_HOST:$VIGIL_KAFKA_PORT" "$@"
  fi
  kafka_run_class "$cls" "$@"
}

main() {
  local cmd=${1:-help}
  (($# > 0)) && shift
  case "$cmd" in
    up | start) cmd_up "$@" ;;
    down | stop) cmd_down "$@" ;;
    restart)
      cmd_down "$@"
      exec 9>&- # release the lock before cmd_up re-takes it
      cmd_up "$@"
      ;;
    status) cmd_status "$@" ;;
    env) cmd_env ;;
    logs) cmd_logs "$@" ;;
    kafka-tool) cmd_kafka_tool "$@" ;;
    reset) cmd_reset "$@" ;;
    help | -h | --help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
