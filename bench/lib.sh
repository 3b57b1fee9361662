# shellcheck shell=bash
# Shared functions of the benchmark harness; sourced by bench/run.sh (see bench/README.md).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/.." && pwd)
BENCH_OUT="$REPO_ROOT/target/bench"
BENCH_HOST=127.0.0.1
BENCH_ADMIN_EMAIL=bench-admin@example.com
BUILD_CMD=(./mvnw -q -B -DskipTests package)
# The run goals of the Spring Boot plugin default to -XX:TieredStopAtLevel=1 (C1 only: fast start, slow
# steady state); a benchmark measures the steady state with the full JIT. BENCH_JVM_ARGS adds JVM options.
API_CMD=(./mvnw -q -B spring-boot:test-run -Dspring-boot.test-run.optimizedLaunch=false
  "-Dblingauto.run.jvm-arguments=${BENCH_JVM_ARGS:-}")
API_PID=""
API_BUILT=""
BENCH_DATA_DIR=""
BENCH_URL=""
JAVA_BIN=java

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

# Major version of a java binary: "17.0.15" -> 17, "1.8.0_402" -> 8, unknown -> 0.
java_major() {
  local v
  v=$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1) || true
  v=${v#1.}
  v=${v%%[!0-9]*}
  printf '%s\n' "${v:-0}"
}

# Keeps the JDK Maven would use when it is >= 21; otherwise exports JAVA_HOME (and PATH) for the
# newest JDK under /usr/lib/jvm.
pick_jdk() {
  local java=${JAVA_HOME:+$JAVA_HOME/bin/}java dir major best="" best_major=0
  if command -v "$java" >/dev/null 2>&1 && [ "$(java_major "$java")" -ge 21 ]; then
    JAVA_BIN=$java
    return 0
  fi
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/java" ] || continue
    major=$(java_major "$dir/bin/java")
    if [ "$major" -gt "$best_major" ]; then best=$dir best_major=$major; fi
  done
  [ "$best_major" -ge 21 ] || die "a JDK >= 21 is needed and none was found under /usr/lib/jvm"
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
  # shellcheck disable=SC2034 # read by run.sh
  JAVA_BIN="$JAVA_HOME/bin/java"
}

ensure_wrk() {
  command -v wrk >/dev/null 2>&1 && return 0
  local -a sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  log "wrk not found: installing the Debian package"
  if ! { "${sudo[@]}" apt-get update -qq &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; }; then
    die "could not install wrk"
  fi
  command -v wrk >/dev/null 2>&1 || die "wrk is still not on PATH"
}

port_in_use() { (exec 3<>"/dev/tcp/$BENCH_HOST/$1") 2>/dev/null; }

# First port from $1 upward that nothing listens on.
free_port() {
  local p=$1
  while port_in_use "$p"; do
    p=$((p + 1))
    [ "$p" -lt $(($1 + 200)) ] || die "no free port in $1..$p"
  done
  printf '%s\n' "$p"
}

build_api() {
  [ -z "$API_BUILT" ] || return 0
  if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
    log "BENCH_SKIP_BUILD=1: not building"
  else
    log "building (log: $BENCH_OUT/build.log)"
    if ! (cd "$REPO_ROOT" && "${BUILD_CMD[@]}") </dev/null >"$BENCH_OUT/build.log" 2>&1; then
      tail -n 40 "$BENCH_OUT/build.log" >&2
      die "the build failed"
    fi
  fi
  API_BUILT=1
}

api_failed() {
  log "---- last lines of $BENCH_OUT/api.log ----"
  tail -n 60 "$BENCH_OUT/api.log" >&2 || true
  die "$1"
}

# Builds once, then starts the API on the embedded PostgreSQL and Redis with throwaway data, on
# loopback only, and waits for GET /live. Sets BENCH_URL and BENCH_ADMIN_PASSWORD.
start_api() {
  local port mgmt_port pg_port redis_port timeout=${BENCH_START_TIMEOUT:-120} body started
  mkdir -p "$BENCH_OUT"
  if [ -n "${BENCH_PORT:-}" ]; then
    port=$BENCH_PORT
    ! port_in_use "$port" || die "BENCH_PORT $port is already in use"
  else
    port=$(free_port 18000)
  fi
  # The actuator port (default 9000) would collide with a developer's running instance.
  mgmt_port=$(free_port $((port + 1)))
  # The embedded servers' default ports (54329, 63799) would collide with a running dev instance too.
  pg_port=$(free_port $((mgmt_port + 1)))
  redis_port=$(free_port $((pg_port + 1)))
  build_api
  BENCH_DATA_DIR=$(mktemp -d "$BENCH_OUT/data.XXXXXX")
  BENCH_URL="http://$BENCH_HOST:$port"
  BENCH_ADMIN_PASSWORD="Bench-$(random_hex 16)!"
  log "starting the API on $BENCH_URL (log: $BENCH_OUT/api.log)"
  # setsid makes Maven the leader of a new process group (bash without job control does not),
  # so stop_api can signal Maven, the forked application JVM and embedded Redis at once.
  # External-database variables are dropped so the embedded default is always what is measured.
  (cd "$REPO_ROOT" && exec env \
    -u DATABASE_URL -u POSTGRES_HOST -u POSTGRES_PORT -u POSTGRES_DB -u POSTGRES_USER -u POSTGRES_PASSWORD \
    -u REDIS_URL -u REDIS_HOST -u REDIS_PORT -u REDIS_PASSWORD -u SMTP_HOST \
    ENVIRONMENT=development HOST="$BENCH_HOST" PORT="$port" \
    MANAGEMENT_ADDRESS="$BENCH_HOST" MANAGEMENT_PORT="$mgmt_port" \
    SECRET_KEY="$(random_hex 48)" RATE_LIMIT_ENABLED=false LOG_LEVEL=WARN \
    LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE=1000000000 \
    INITIAL_ADMIN_EMAIL="$BENCH_ADMIN_EMAIL" INITIAL_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
    BLINGAUTO_DATA_DIR="$BENCH_DATA_DIR" EMBEDDED_POSTGRES_PORT="$pg_port" EMBEDDED_REDIS_PORT="$redis_port" \
    setsid "${API_CMD[@]}") </dev/null >"$BENCH_OUT/api.log" 2>&1 &
  API_PID=$!
  started=$SECONDS
  while :; do
    body=$(curl -sS --max-time 2 "$BENCH_URL/live" 2>/dev/null) || body=""
    case $body in *'"alive"'*) break ;; esac
    kill -0 "$API_PID" 2>/dev/null || api_failed "the API process exited before answering /live"
    [ $((SECONDS - started)) -lt "$timeout" ] || api_failed "the API did not answer /live within ${timeout}s"
    sleep 1
  done
  log "API up after $((SECONDS - started))s (Maven start-up included)"
}

# Live (non-zombie) processes of process group $1.
group_pids() { ps -e -o pid= -o pgid= -o stat= | awk -v g="$1" '$2 == g && $3 !~ /^Z/ { print $1 }'; }

# Processes whose command line names our data dir, and the groups they lead: pg_ctl starts
# PostgreSQL in its own session, so it outlives the API's group when the JVM dies without stopping it.
data_dir_pids() {
  [ -n "$BENCH_DATA_DIR" ] || return 0
  ps -e -o pid= -o pgid= -o stat= -o args= | D=$BENCH_DATA_DIR awk '
    $3 ~ /^Z/ { next }
    index($0, ENVIRON["D"]) { mine[$1] = 1 }
    { pgid[$1] = $2 }
    END { for (p in pgid) if ((p in mine) || (pgid[p] in mine)) print p }'
}

# Signals pids named by command $2 with SIGTERM, waits up to $1 s, then SIGKILLs the rest.
terminate() {
  local grace=$1 list=$2 i pids
  pids=$($list) || true
  [ -n "$pids" ] || return 0
  # shellcheck disable=SC2086 # word splitting of the pid list is intended
  kill -TERM $pids 2>/dev/null || true
  for ((i = 0; i < grace; i++)); do
    pids=$($list) || true
    [ -n "$pids" ] || return 0
    sleep 1
  done
  log "still running after ${grace}s, killing: ${pids//$'\n'/ }"
  # shellcheck disable=SC2086
  kill -KILL $pids 2>/dev/null || true
  sleep 1
}

api_group_pids() { group_pids "$API_PID"; }

# Idempotent and failure-tolerant: it runs from the EXIT trap.
stop_api() {
  if [ -n "$API_PID" ]; then
    log "stopping the API"
    terminate 30 api_group_pids
    wait "$API_PID" 2>/dev/null || true
    [ -z "$(api_group_pids)" ] || log "WARNING: processes of the API are left: $(api_group_pids | tr '\n' ' ')"
    API_PID=""
  fi
  if [ -n "$BENCH_DATA_DIR" ]; then
    terminate 10 data_dir_pids
    [ -z "$(data_dir_pids)" ] || log "WARNING: processes using $BENCH_DATA_DIR are left"
    rm -rf -- "$BENCH_DATA_DIR" || true
    BENCH_DATA_DIR=""
  fi
}

# login [email [password]]: prints an access token (admin of the bench by default). The values are
# put into JSON unescaped: fine for the generated credentials, not for arbitrary input.
login() {
  local email=${1:-$BENCH_ADMIN_EMAIL} password=${2:-$BENCH_ADMIN_PASSWORD} body token
  body=$(printf '{"email":"%s","password":"%s"}' "$email" "$password" |
    curl -sS --max-time 10 -H 'Content-Type: application/json' --data-binary @- \
      "$BENCH_URL/api/v1/auth/login") || { log "login request failed"; return 1; }
  token=$(printf '%s\n' "$body" | sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || { log "login as $email failed: $body"; return 1; }
  printf '%s\n' "$token"
}

# One request before the load so that a wrong status (including 3xx, which wrk does not count)
# fails fast with the response body.
check_2xx() {
  local url=$1 code method=${BENCH_METHOD:-GET}
  local -a args=(-X "$method")
  [ -z "${BENCH_AUTHORIZATION:-}" ] || args+=(-H "Authorization: $BENCH_AUTHORIZATION")
  [ -z "${BENCH_BODY:-}" ] || args+=(-H 'Content-Type: application/json' --data-binary "$BENCH_BODY")
  code=$(curl -sS --max-time 30 -o "$BENCH_OUT/check.body" -w '%{http_code}' "${args[@]}" "$url") || code=000
  case $code in 2??) return 0 ;; esac
  log "$method $url answered $code: $(head -c 500 "$BENCH_OUT/check.body" 2>/dev/null)"
  return 1
}

wrk_once() {
  local duration=$1 name=$2 url=$3
  shift 3
  BENCH_SCENARIO=$name BENCH_AUTHORIZATION=${BENCH_AUTHORIZATION:-} BENCH_WRK_DIR="$BENCH_DIR/wrk" \
    BENCH_METHOD=${BENCH_METHOD:-GET} BENCH_BODY=${BENCH_BODY:-} \
    wrk -t "$BENCH_THREADS" -c "$BENCH_CONNECTIONS" -d "$duration" \
    -s "${BENCH_WRK_SCRIPT:-$BENCH_DIR/wrk/report.lua}" "$@" "$url"
}

# run_wrk NAME URL [wrk args...]: a discarded warm-up run, then the measured run, whose result line
# is printed and appended to $BENCH_RESULTS. The Authorization header comes from $BENCH_AUTHORIZATION.
run_wrk() {
  local name=$1 url=$2 out="$BENCH_OUT/$1.wrk.txt" line
  shift 2
  check_2xx "$url" || return 1
  case $BENCH_WARMUP in
    0 | 0s | "") ;;
    *) wrk_once "$BENCH_WARMUP" "$name" "$url" "$@" >"$BENCH_OUT/$name.warmup.txt" 2>&1 ||
      { log "warm-up of $name failed (see $BENCH_OUT/$name.warmup.txt)"; return 1; } ;;
  esac
  wrk_once "$BENCH_DURATION" "$name" "$url" "$@" >"$out" 2>&1 ||
    { log "wrk failed for $name (see $out)"; return 1; }
  line=$(grep '^scenario=' "$out") || { log "no result line from wrk for $name (see $out)"; return 1; }
  printf '%s\n' "$line" | tee -a "$BENCH_RESULTS"
}
