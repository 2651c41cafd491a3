# shellcheck shell=bash
# Elasticsearch, single node, HTTP on loopback, security off.
# Uses the "integ-test-zip" distribution, the only ES 9 server build published on Maven
# Central (the default distribution is only on artifacts.elastic.co, which CI cannot
# reach). It is a MINIMAL build: server + x-pack-core/security + transport-netty4, no
# other modules (see README "Elasticsearch feature limits").

: "${VIGIL_ES_VERSION:=9.4.3}"
: "${VIGIL_ES_PORT:=9200}"
: "${VIGIL_ES_TRANSPORT_PORT:=9300}"
: "${VIGIL_ES_HEAP:=1g}"
: "${VIGIL_ES_TIMEOUT:=180}"
: "${VIGIL_ES_JAVA_HOME:=}"
: "${VIGIL_ES_JAVA_OPTS:=}"
: "${VIGIL_ES_USER:=vigil-es}"
: "${VIGIL_ES_DESTRUCTIVE_REQUIRES_NAME:=false}"
: "${VIGIL_ES_EXTRA_CONFIG:=}"
: "${VIGIL_ES_DOWNLOAD_BASE:=https://repo1.maven.org/maven2/org/elasticsearch/distribution/integ-test-zip/elasticsearch}"
# Maven Central publishes no .sha1/.sha512/.asc next to this zip, so the checksum of
# the known-good 9.4.3 download is pinned here (override or set empty for other versions).
if [[ -z "${VIGIL_ES_SHA512+x}" ]]; then
  if [[ "$VIGIL_ES_VERSION" == 9.4.3 ]]; then
    VIGIL_ES_SHA512=d4ce9678ef69387c41caeefbebdfbf485da920645bcf48a8261f635fc27e8a7d5b8fd4c3ee51b0c85d49fc8d12a6ea262723ab0c5804ec0d4c152fe6d5f2b6f2
  else
    VIGIL_ES_SHA512=''
  fi
fi

ES_CACHE="$VIGIL_CACHE_DIR/elasticsearch"
ES_ZIP="$ES_CACHE/elasticsearch-$VIGIL_ES_VERSION.zip"
ES_DIST="$ES_CACHE/elasticsearch-$VIGIL_ES_VERSION"
ES_DIR="$VIGIL_STACK_DIR/elasticsearch" # may be a symlink, see es_workdir
ES_LOG="$LOG_DIR/elasticsearch.log"      # console output of the current run (written by root)

# Everything ES itself reads/writes lives under ES_WORK (the real path of ES_DIR): config,
# data, tmp, its own logs (path.logs), the dist mirror and the server pidfile.
es_set_paths() {
  ES_WORK=$ES_DIR
  [[ -L "$ES_DIR" ]] && ES_WORK=$(readlink -f "$ES_DIR")
  ES_CONF="$ES_WORK/config"
  ES_DATA="$ES_WORK/data"
  ES_TMP="$ES_WORK/tmp"
  ES_LOGS="$ES_WORK/logs"           # ES's own json/rolling logs + gc.log
  ES_SERVER_PID="$ES_WORK/server.pid" # written by ES itself (-p): the server JVM
  # The pidfile path is on the launcher's command line, which makes it a unique marker.
  ES_MARKER="-p $ES_SERVER_PID"
}
es_set_paths

es_java_home() {
  local home=$VIGIL_ES_JAVA_HOME
  if [[ -z "$home" ]]; then
    # ES 9 needs Java 21+; the newest available JDK is the best-tested choice for it.
    home=$(find_jdk 21 newest) || die "elasticsearch: no JDK >= 21 found (install one or set VIGIL_ES_JAVA_HOME)"
  fi
  [[ -x "$home/bin/java" ]] || die "elasticsearch: $home/bin/java not found (VIGIL_ES_JAVA_HOME)"
  printf '%s\n' "$home"
}

# Try the checksum files Maven Central may publish next to the zip; fall back to the pin.
es_verify_zip() {
  local zip=$1 algo sum url expected
  for algo in sha512 sha1; do
    url="$VIGIL_ES_DOWNLOAD_BASE/$VIGIL_ES_VERSION/elasticsearch-$VIGIL_ES_VERSION.zip.$algo"
    if expected=$(curl -fsSL --retry 2 -m 30 "$url" 2>/dev/null) && [[ -n "$expected" ]]; then
      expected=${expected%% *}
      sum=$("${algo}sum" "$zip" | awk '{print $1}')
      [[ "$sum" == "$expected" ]] || die "elasticsearch: $algo mismatch for $zip (got $sum, want $expected)"
      log "elasticsearch: $algo verified against $url"
      return 0
    fi
  done
  if [[ -n "$VIGIL_ES_SHA512" ]]; then
    sum=$(sha512sum "$zip" | awk '{print $1}')
    [[ "$sum" == "$VIGIL_ES_SHA512" ]] || die "elasticsearch: sha512 mismatch for $zip (got $sum, pinned $VIGIL_ES_SHA512)"
    log "elasticsearch: sha512 matches the pinned checksum"
    return 0
  fi
  warn "elasticsearch: no checksum published or pinned for $VIGIL_ES_VERSION; only checking zip integrity"
  unzip -tq "$zip" >/dev/null || die "elasticsearch: $zip is corrupt"
}

# Download (resumable), verify and extract once; later runs reuse the cache.
es_prepare() {
  if [[ -f "$ES_DIST/.vigil-complete" ]]; then
    return 0
  fi
  command -v unzip >/dev/null 2>&1 || die "elasticsearch: unzip is required (apt-get install -y unzip)"
  mkdir -p "$ES_CACHE"
  if [[ ! -f "$ES_ZIP" ]]; then
    local url="$VIGIL_ES_DOWNLOAD_BASE/$VIGIL_ES_VERSION/elasticsearch-$VIGIL_ES_VERSION.zip"
    log "elasticsearch: downloading $url"
    curl -fL --retry 3 --retry-delay 2 -sS -C - -o "$ES_ZIP.part" "$url" ||
      die "elasticsearch: download failed: $url"
    es_verify_zip "$ES_ZIP.part"
    mv -f "$ES_ZIP.part" "$ES_ZIP"
  fi
  local tmp
  tmp=$(mktemp -d "$ES_CACHE/.extract.XXXXXX")
  unzip -q "$ES_ZIP" -d "$tmp" || die "elasticsearch: could not extract $ES_ZIP"
  [[ -x "$tmp/elasticsearch-$VIGIL_ES_VERSION/bin/elasticsearch" ]] || die "elasticsearch: unexpected zip layout"
  touch "$tmp/elasticsearch-$VIGIL_ES_VERSION/.vigil-complete"
  rm -rf "$ES_DIST"
  mv "$tmp/elasticsearch-$VIGIL_ES_VERSION" "$ES_DIST"
  rmdir "$tmp"
}

# ES refuses to run as root, so it runs as an unprivileged system user.
es_ensure_user() {
  [[ $EUID -eq 0 ]] || return 0
  id -u "$VIGIL_ES_USER" >/dev/null 2>&1 && return 0
  log "elasticsearch: creating system user $VIGIL_ES_USER"
  useradd --system --user-group --no-create-home --home-dir /nonexistent \
    --shell /usr/sbin/nologin --comment "Vigil local Elasticsearch" "$VIGIL_ES_USER" 2>/dev/null ||
    id -u "$VIGIL_ES_USER" >/dev/null 2>&1 || die "elasticsearch: could not create user $VIGIL_ES_USER"
}

# The ES user must reach its files. If a parent of the stack dir is not world-executable
# (e.g. a checkout under root's 0700 home), keep ES's files in /var/lib/vigil-es/<id> and
# leave a symlink at $ES_DIR, instead of loosening permissions on someone's home.
es_workdir() {
  [[ $EUID -eq 0 ]] || return 0
  [[ -L "$ES_DIR" ]] && return 0
  mkdir -p "$ES_DIR"
  if as_user "$VIGIL_ES_USER" test -x "$ES_DIR" 2>/dev/null; then
    return 0
  fi
  local alt
  alt="/var/lib/vigil-es/$(printf '%s' "$VIGIL_STACK_DIR" | sha256sum | cut -c1-12)"
  warn "elasticsearch: $VIGIL_ES_USER cannot reach $VIGIL_STACK_DIR (a parent is not world-executable); using $alt (symlinked from $ES_DIR)"
  mkdir -p "$alt"
  chmod 755 /var/lib/vigil-es "$alt"
  cp -a "$ES_DIR/." "$alt/"
  rm -rf "$ES_DIR"
  ln -s "$alt" "$ES_DIR"
  es_set_paths
}

# The ES user must be able to read ES_HOME. The default cache is under root's 0700 home,
# so in that case mirror the dist into the stack dir with hard links (instant, no copy).
es_home() {
  if [[ $EUID -ne 0 ]] || as_user "$VIGIL_ES_USER" test -r "$ES_DIST/lib/elasticsearch-$VIGIL_ES_VERSION.jar" 2>/dev/null; then
    printf '%s\n' "$ES_DIST"
    return 0
  fi
  local mirror="$ES_WORK/home-$VIGIL_ES_VERSION"
  if [[ ! -f "$mirror/.vigil-complete" ]]; then
    rm -rf "$mirror"
    mkdir -p "$ES_WORK"
    cp -al "$ES_DIST" "$mirror" 2>/dev/null || cp -a "$ES_DIST" "$mirror"
    chmod -R a+rX "$mirror"
  fi
  printf '%s\n' "$mirror"
}

# ES wants vm.max_map_count >= 262144. With network.host on loopback ES runs in
# "development mode", where a low value is only a warning, so failure here is not fatal
# (sandboxes/containers often forbid sysctl).
es_tune_kernel() {
  local cur
  cur=$(cat /proc/sys/vm/max_map_count 2>/dev/null || echo 0)
  ((cur >= 262144)) && return 0
  if [[ $EUID -eq 0 ]] && sysctl -q -w vm.max_map_count=262144 >/dev/null 2>&1; then
    log "elasticsearch: raised vm.max_map_count $cur -> 262144"
  else
    warn "elasticsearch: vm.max_map_count is $cur (< 262144) and cannot be raised; fine for dev mode"
  fi
}

es_write_config() {
  local home=$1
  mkdir -p "$ES_CONF/jvm.options.d" "$ES_DATA" "$ES_TMP" "$ES_LOGS"
  # Fresh copy of the dist's config each start (keeps the auto-created keystore).
  local f
  for f in "$home"/config/*; do
    [[ -f "$f" ]] && cp -f "$f" "$ES_CONF/"
  done
  # The stock jvm.options writes gc.log / hs_err files into the working dir (ES_HOME,
  # read-only here); point them at the logs dir and cap the GC log at 4x16MB.
  sed -i \
    -e "s|file=gc.log:|file=$ES_LOGS/gc.log:|" \
    -e "s|filecount=32,filesize=64m|filecount=4,filesize=16m|" \
    -e "s|-XX:ErrorFile=hs_err_pid%p.log|-XX:ErrorFile=$ES_LOGS/hs_err_pid%p.log|" \
    "$ES_CONF/jvm.options"
  cat >"$ES_CONF/jvm.options.d/vigil.options" <<EOF
# Generated by deploy/local/stack.sh (VIGIL_ES_HEAP, VIGIL_ES_JAVA_OPTS).
-Xms$VIGIL_ES_HEAP
-Xmx$VIGIL_ES_HEAP
-XX:HeapDumpPath=$ES_LOGS
EOF
  local opt
  for opt in $VIGIL_ES_JAVA_OPTS; do
    printf '%s\n' "$opt" >>"$ES_CONF/jvm.options.d/vigil.options"
  done
  cat >"$ES_CONF/elasticsearch.yml" <<EOF
# Generated by deploy/local/stack.sh on every start; edit VIGIL_ES_* instead.
cluster.name: vigil-local
node.name: vigil-local-1
path.data: $ES_DATA
path.logs: $ES_LOGS

# Loopback only => ES runs in development mode (bootstrap checks are warnings).
network.host: $VIGIL_HOST
http.port: $VIGIL_ES_PORT
transport.port: $VIGIL_ES_TRANSPORT_PORT
discovery.type: single-node

# Local/CI stack: plain HTTP, no auth, no TLS.
xpack.security.enabled: false

# Let tests clean up with wildcards (DELETE vigil-test-*).
action.destructive_requires_name: $VIGIL_ES_DESTRUCTIVE_REQUIRES_NAME

# Dev disks are often fairly full; never block writes or unassign shards because of it.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  if [[ -n "$VIGIL_ES_EXTRA_CONFIG" ]]; then
    printf '\n# VIGIL_ES_EXTRA_CONFIG\n%s\n' "$VIGIL_ES_EXTRA_CONFIG" >>"$ES_CONF/elasticsearch.yml"
  fi
  if [[ $EUID -eq 0 ]]; then
    chown -R "$VIGIL_ES_USER:$VIGIL_ES_USER" "$ES_CONF" "$ES_DATA" "$ES_TMP" "$ES_LOGS"
    chown "$VIGIL_ES_USER:$VIGIL_ES_USER" "$ES_WORK"
    # The ES user must be able to traverse the stack dir to reach its own directories.
    chmod 755 "$VIGIL_STACK_DIR" "$LOG_DIR"
    as_user "$VIGIL_ES_USER" test -w "$ES_DATA" ||
      die "elasticsearch: $VIGIL_ES_USER cannot write $ES_DATA"
  fi
}

es_pid() { svc_pid elasticsearch "$ES_MARKER"; }

es_health_ok() {
  curl -fsS -m 10 "http://$VIGIL_HOST:$VIGIL_ES_PORT/_cluster/health?wait_for_status=yellow&timeout=5s" >/dev/null 2>&1
}

es_start() {
  local pid home java_home
  if pid=$(es_pid); then
    log "elasticsearch: already running (pid $pid)"
    return 0
  fi
  clear_leftovers elasticsearch "$ES_MARKER"
  require_free_port elasticsearch "$VIGIL_ES_PORT" || return 1
  require_free_port elasticsearch "$VIGIL_ES_TRANSPORT_PORT" || return 1
  java_home=$(es_java_home)
  es_ensure_user
  es_workdir
  home=$(es_home)
  es_tune_kernel
  es_write_config "$home"
  rm -f "$ES_SERVER_PID"
  log "elasticsearch: starting on $VIGIL_HOST:$VIGIL_ES_PORT (heap $VIGIL_ES_HEAP, user $VIGIL_ES_USER, $java_home)"
  # env -i: ES warns about / misreads JAVA_HOME, JAVA_TOOL_OPTIONS etc. from the caller.
  spawn elasticsearch "$ES_LOG" \
    env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin LANG=C.UTF-8 HOME="$ES_WORK" \
    ES_JAVA_HOME="$java_home" ES_PATH_CONF="$ES_CONF" ES_TMPDIR="$ES_TMP" \
    setpriv --reuid="$VIGIL_ES_USER" --regid="$VIGIL_ES_USER" --init-groups -- \
    "$home/bin/elasticsearch" -p "$ES_SERVER_PID"
}

es_wait() {
  local pid
  pid=$(<"$(pid_file elasticsearch)") || return 1
  if wait_until elasticsearch "$VIGIL_ES_TIMEOUT" "$pid" es_health_ok; then
    ok "elasticsearch: up    http://$VIGIL_HOST:$VIGIL_ES_PORT  pid $pid  log $ES_LOG"
    return 0
  fi
  show_log_tail "$ES_LOG"
  return 1
}

es_stop() {
  # SIGTERM goes to the server JVM (graceful shutdown); its launcher then exits too.
  local server=''
  [[ -f "$ES_SERVER_PID" ]] && server=$(<"$ES_SERVER_PID")
  stop_svc elasticsearch "$ES_MARKER" "$server"
  rm -f "$ES_SERVER_PID"
}

es_status() {
  local pid
  if pid=$(es_pid) && curl -fsS -m 5 "http://$VIGIL_HOST:$VIGIL_ES_PORT/_cluster/health" >/dev/null 2>&1; then
    printf '%-14s %-5s pid %-8s %s:%s  log %s\n' elasticsearch up "$pid" "$VIGIL_HOST" "$VIGIL_ES_PORT" "$ES_LOG"
    return 0
  fi
  printf '%-14s %-5s pid %-8s %s:%s  log %s\n' elasticsearch down "${pid:--}" "$VIGIL_HOST" "$VIGIL_ES_PORT" "$ES_LOG"
  return 1
}

es_reset() { rm -rf "$ES_DATA"; }
