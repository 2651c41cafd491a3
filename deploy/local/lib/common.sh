# shellcheck shell=bash
# Shared settings and helpers for deploy/local/stack.sh.
# Sourced (never executed); the caller has already enabled `set -euo pipefail`.

# ---------------------------------------------------------------------------
# Locations. Everything mutable (data, logs, pids, generated configs) lives under
# ONE git-ignored folder so `rm -rf .stack` is a full reset; downloads live in a
# per-user cache so a fresh clone or a reset does not re-download anything.
# ---------------------------------------------------------------------------
VIGIL_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VIGIL_REPO_ROOT="$(cd "$VIGIL_LOCAL_DIR/../.." && pwd)"

: "${VIGIL_STACK_DIR:=$VIGIL_REPO_ROOT/.stack}"
: "${VIGIL_CACHE_DIR:=${HOME:-/root}/.cache/vigil}"

# Everything binds to loopback only: this is a dev/CI stack with no auth.
VIGIL_HOST=127.0.0.1

: "${VIGIL_STOP_TIMEOUT:=30}" # seconds between SIGTERM and SIGKILL

RUN_DIR="$VIGIL_STACK_DIR/run"
LOG_DIR="$VIGIL_STACK_DIR/logs"

# ---------------------------------------------------------------------------
# Output helpers. Everything goes to stderr except the data that `status`/`env`
# print, so callers can capture those cleanly.
# ---------------------------------------------------------------------------
if [[ -t 2 && -z "${NO_COLOR:-}" ]]; then
  C_RED=$'\e[31m' C_GRN=$'\e[32m' C_YEL=$'\e[33m' C_DIM=$'\e[2m' C_OFF=$'\e[0m'
else
  C_RED='' C_GRN='' C_YEL='' C_DIM='' C_OFF=''
fi

log() { printf '%s[stack %s]%s %s\n' "$C_DIM" "$(date +%H:%M:%S)" "$C_OFF" "$*" >&2; }
ok() { printf '%s[stack %s]%s %s%s%s\n' "$C_DIM" "$(date +%H:%M:%S)" "$C_OFF" "$C_GRN" "$*" "$C_OFF" >&2; }
warn() { printf '%s[stack %s]%s %sWARN%s %s\n' "$C_DIM" "$(date +%H:%M:%S)" "$C_OFF" "$C_YEL" "$C_OFF" "$*" >&2; }
err() { printf '%s[stack %s]%s %sERROR%s %s\n' "$C_DIM" "$(date +%H:%M:%S)" "$C_OFF" "$C_RED" "$C_OFF" "$*" >&2; }
die() {
  err "$*"
  exit 1
}

ensure_stack_dirs() {
  mkdir -p "$RUN_DIR" "$LOG_DIR"
}

# Print the tail of a service log so a failed `up` is debuggable from CI output alone.
show_log_tail() {
  local file=$1 lines=${2:-60}
  if [[ -s "$file" ]]; then
    err "last $lines lines of $file:"
    tail -n "$lines" "$file" | sed 's/^/    | /' >&2
  else
    err "(log $file is empty or missing)"
  fi
}

# ---------------------------------------------------------------------------
# JDK discovery. Reads $JDK/release instead of starting a JVM (fast, no side effects).
# ---------------------------------------------------------------------------

# Major feature version of a JDK home, e.g. 17 or 25; empty if unknown.
jdk_major() {
  local home=$1 v=''
  [[ -x "$home/bin/java" ]] || return 1
  if [[ -r "$home/release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release")
  fi
  if [[ -z "$v" ]]; then
    # e.g. openjdk version "17.0.15" 2025-04-15 / "1.8.0_402"
    v=$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9][0-9]*\).*/\1/p')
  fi
  [[ -n "$v" ]] || return 1
  printf '%s\n' "$v"
}

# find_jdk MIN [newest|oldest]: a JDK home with major >= MIN. Candidates are $JAVA_HOME,
# the `java` on PATH and /usr/lib/jvm/* (+ /opt/java, /opt/jdk*). Prints the home dir.
find_jdk() {
  local min=$1 pick=${2:-newest} best='' best_v='' cand v
  local -a cands=()
  [[ -n "${JAVA_HOME:-}" ]] && cands+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    cands+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for cand in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [[ -d "$cand" && ! -L "$cand" ]] && cands+=("$cand")
  done
  for cand in "${cands[@]}"; do
    v=$(jdk_major "$cand" 2>/dev/null) || continue
    ((v >= min)) || continue
    if [[ -z "$best" ]] ||
      { [[ $pick == newest ]] && ((v > best_v)); } ||
      { [[ $pick == oldest ]] && ((v < best_v)); }; then
      best=$cand best_v=$v
    fi
  done
  [[ -n "$best" ]] || return 1
  printf '%s\n' "$best"
}

# ---------------------------------------------------------------------------
# PID bookkeeping. Each service has $RUN_DIR/<svc>.pid holding the PID of the process
# we spawned. Every service is started with `setsid`, so that PID is also its process
# group id: `down` can then reach helper children (e.g. the ES CLI launcher and the ES
# server JVM) without ever touching processes it did not start.
# ---------------------------------------------------------------------------
pid_file() { printf '%s/%s.pid\n' "$RUN_DIR" "$1"; }

# True if PID exists and is not a zombie.
pid_alive() {
  local pid=$1 state
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ "$state" != Z ]]
}

# True if any process of process group PGID is still alive.
pgroup_alive() {
  local pgid=$1 p
  for p in $(pgrep -g "$pgid" 2>/dev/null); do
    pid_alive "$p" && return 0
  done
  return 1
}

# svc_pid SVC MARKER: print the recorded PID if that process is alive AND its command
# line contains MARKER (guards against PID reuse after a reboot or crash). Stale pidfiles
# are removed.
svc_pid() {
  local svc=$1 marker=$2 pf pid cmd
  pf=$(pid_file "$svc")
  [[ -f "$pf" ]] || return 1
  pid=$(<"$pf")
  if pid_alive "$pid"; then
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
    if [[ "$cmd" == *"$marker"* ]]; then
      printf '%s\n' "$pid"
      return 0
    fi
  fi
  # The main process is gone, but its group may still hold orphans (e.g. a server JVM
  # whose launcher died): keep the pidfile so `stop` can still clean them up.
  if [[ "$pid" =~ ^[0-9]+$ ]] && pgroup_alive "$pid"; then
    return 1
  fi
  rm -f "$pf"
  return 1
}

# Before (re)starting: if the recorded main process is gone but members of its process
# group survive (e.g. an ES server JVM whose launcher was killed), stop them first so
# they neither hold the ports nor get mistaken for a foreign process.
clear_leftovers() {
  local svc=$1 marker=$2 pf
  pf=$(pid_file "$svc")
  [[ -f "$pf" ]] || return 0
  warn "$svc: main process gone but its process group $(<"$pf") is alive; cleaning up"
  stop_svc "$svc" "$marker"
}

# Keep one previous log per service: the live log then only holds the current run, which
# is what the failure tail and a human want to see.
rotate_log() {
  local file=$1
  [[ -f "$file" ]] && mv -f "$file" "$file.1"
  : >"$file"
}

# spawn SVC LOGFILE CMD...: start CMD detached in its own session (survives the calling
# shell / npm exiting, no SIGHUP, no shared process group), output to LOGFILE; records
# the PID in $RUN_DIR/SVC.pid.
spawn() {
  local svc=$1 logfile=$2 pid pgid
  shift 2
  rotate_log "$logfile"
  printf '=== %s started by deploy/local/stack.sh at %s\n' "$svc" "$(date -Is)" >>"$logfile"
  # The subshell raises the fd limit (databases want many files; root may raise the hard
  # limit, others keep what they have) then execs setsid -> the service. Because the
  # subshell is not a process-group leader, setsid does not fork and $! is the service.
  (
    exec 9>&- # never let a service inherit (and hold forever) stack.sh's lock fd
    ulimit -n 65535 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    exec setsid "$@"
  ) >>"$logfile" 2>&1 </dev/null &
  pid=$!
  printf '%s\n' "$pid" >"$(pid_file "$svc")"
  # Sanity check of the setsid assumption above; harmless if the process already exited.
  pgid=$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)
  if [[ -n "$pgid" && "$pgid" != "$pid" ]]; then
    sleep 0.2
    pgid=$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)
    [[ -z "$pgid" || "$pgid" == "$pid" ]] || warn "$svc: pid $pid is not its own process group ($pgid)"
  fi
}

# stop_svc SVC MARKER [TERM_PID]: SIGTERM the recorded process (or TERM_PID, e.g. the
# ES server JVM, when the graceful-shutdown signal must go to a child), wait up to
# VIGIL_STOP_TIMEOUT, then SIGTERM / SIGKILL whatever is left in the process group we
# created. Removes the pidfile.
stop_svc() {
  local svc=$1 marker=$2 term_pid=${3:-} pf pid deadline
  pf=$(pid_file "$svc")
  if [[ ! -f "$pf" ]]; then
    log "$svc: not running (no pidfile)"
    return 0
  fi
  pid=$(<"$pf")
  if ! [[ "$pid" =~ ^[0-9]+$ ]]; then
    rm -f "$pf"
    return 0
  fi
  if ! svc_pid "$svc" "$marker" >/dev/null && ! pgroup_alive "$pid"; then
    log "$svc: not running (stale pidfile removed)"
    rm -f "$pf"
    return 0
  fi
  log "$svc: stopping (pid $pid)"
  if [[ -n "$term_pid" ]] && pid_alive "$term_pid"; then
    kill -TERM "$term_pid" 2>/dev/null || true
  else
    kill -TERM "$pid" 2>/dev/null || true
  fi
  deadline=$((SECONDS + VIGIL_STOP_TIMEOUT))
  while pgroup_alive "$pid" && ((SECONDS < deadline)); do
    # Main process done but helpers linger: ask the whole group to stop.
    if ! pid_alive "$pid" && ! { [[ -n "$term_pid" ]] && pid_alive "$term_pid"; }; then
      kill -TERM -- "-$pid" 2>/dev/null || true
    fi
    sleep 0.5
  done
  if pgroup_alive "$pid"; then
    warn "$svc: still alive after ${VIGIL_STOP_TIMEOUT}s, sending SIGKILL to process group $pid"
    kill -KILL -- "-$pid" 2>/dev/null || true
    deadline=$((SECONDS + 10))
    while pgroup_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  fi
  rm -f "$pf"
  if pgroup_alive "$pid"; then
    err "$svc: could not stop process group $pid"
    return 1
  fi
  ok "$svc: stopped"
}

# ---------------------------------------------------------------------------
# Network helpers (bash /dev/tcp: no nc/ss dependency for the hot path).
# ---------------------------------------------------------------------------
port_open() {
  local port=$1
  (exec 3<>"/dev/tcp/$VIGIL_HOST/$port") 2>/dev/null
}

# Describe who holds a port (best effort) for "port already in use" errors.
port_owner() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    ss -ltnpH "sport = :$port" 2>/dev/null | sed 's/^/    /' || true
  fi
}

# Refuse to start on a port someone else already listens on: we would otherwise report a
# foreign process as "our" healthy service, and `down` would not stop it.
require_free_port() {
  local svc=$1 port=$2
  if port_open "$port"; then
    err "$svc: port $VIGIL_HOST:$port is already in use by a process this script did not start:"
    port_owner "$port" >&2
    err "stop it, or pick another port (see the VIGIL_*_PORT variables in deploy/local/README.md)"
    return 1
  fi
}

# wait_until SVC TIMEOUT PID CHECK...: poll CHECK every second until it succeeds, the
# timeout expires, or the process group PID dies (fail fast instead of waiting out the
# timeout on a crash).
wait_until() {
  local svc=$1 timeout=$2 pid=$3
  shift 3
  local deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    if ! pgroup_alive "$pid"; then
      err "$svc: process $pid exited during startup"
      return 1
    fi
    sleep 1
  done
  err "$svc: not ready after ${timeout}s"
  return 1
}

# Run as the unprivileged user (no fork: setpriv execs, so PIDs stay meaningful).
as_user() {
  local user=$1
  shift
  if [[ $EUID -eq 0 ]]; then
    setpriv --reuid="$user" --regid="$user" --init-groups -- "$@"
  else
    "$@"
  fi
}

# sha256 of a file's content, used to invalidate caches when a pinned input changes.
file_hash() { sha256sum "$1" | awk '{print $1}'; }
