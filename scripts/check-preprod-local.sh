#!/usr/bin/env bash
# Local pre-production check, without Docker (called by .ci/run; docs/deploiement-preprod.md, "Validation").
#
# Starts, on free loopback ports and in a temporary directory: a real PostgreSQL (Debian's initdb/pg_ctl) and
# Redis (with a password), Debian's nginx with the repository's nginx/ configuration and a self-signed certificate
# standing in for Let's Encrypt, and the built jar with pre-production settings (ENVIRONMENT=staging, generated
# SECRET_KEY and passwords, INITIAL_ADMIN_*). Then, through nginx over HTTPS:
#   friendly 50x page while the API is down, HTTP -> HTTPS redirect and ACME path, /health healthy, /docs and
#   /openapi.json (gzip), security headers, /actuator hidden, request id, admin login, wash bay BAY-001 (LARGE),
#   API 413, 429 from nginx under a burst (general and auth zones);
# then the backup drill with the operator scripts: deploy-preprod.sh backup (and its retention) -> DROP DATABASE
# -> restore-backup.sh -> every table has the same rows -> the API starts again on the restored database.
# Every process it started is stopped and the temporary directory removed on exit. The PostgreSQL and Redis on
# the standard ports are never used.
# shellcheck disable=SC2015 # pass/fail/skip always succeed: "test && pass || fail" is safe here
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
# shellcheck source=scripts/lib/packages.sh
source scripts/lib/packages.sh
# shellcheck source=scripts/lib/local-nginx.sh
source scripts/lib/local-nginx.sh

ensure_commands /usr/lib/postgresql/*/bin/initdb:postgresql redis-server:redis-server nginx:nginx \
  openssl:openssl curl:curl gzip:gzip python3:python3 psql:postgresql-client pg_dump:postgresql-client

WORK="$(mktemp -d -t blingauto-preprod-check.XXXXXX)"
chmod 0755 "$WORK"
PIDS=()
PG_CTL="" PG_DATA=""
FAILURES=0

as_pg() {
  # initdb and postgres refuse to run as root: use the postgres account then.
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  local status=$? pid
  set +e
  if [[ -n "${API_PID:-}" ]]; then kill "$API_PID" 2>/dev/null; wait "$API_PID" 2>/dev/null; fi
  if [[ -f "$WORK/run/nginx.pid" ]]; then
    kill -QUIT "$(cat "$WORK/run/nginx.pid")" 2>/dev/null
  fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  if [[ -n "$PG_CTL" && -f "$PG_DATA/postmaster.pid" ]]; then
    as_pg "$PG_CTL" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1
  fi
  if (( status != 0 )) && [[ -d "$WORK" ]]; then
    echo "---- last lines of the logs ----" >&2
    tail -n 40 "$WORK"/api*.log "$WORK"/logs/*error.log "$WORK"/pg.log 2>/dev/null >&2
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say()  { printf '\n==> %s\n' "$*"; }
pass() { printf 'ok   %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*" >&2; FAILURES=$((FAILURES + 1)); }
skip() { printf 'SKIP %s\n' "$*"; }
abort() { printf 'FAIL %s\n' "$*" >&2; exit 1; }

# A free TCP port on 127.0.0.1 (nothing answers on it, and it is not one we already took).
TAKEN=" "
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    [[ "$TAKEN" == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      TAKEN+="$port "
      echo "$port"
      return
    fi
  done
}

# ---- the jar -------------------------------------------------------------------------------------------------
say "jar"
JAR="$(find target -maxdepth 1 -name 'blingauto-*.jar' ! -name '*-plain.jar' 2>/dev/null | head -n 1)"
if [[ -z "$JAR" ]]; then
  # shellcheck source=.ci/jdk.sh
  source .ci/jdk.sh
  pick_jdk
  ./mvnw -B -q -DskipTests package
  JAR="$(find target -maxdepth 1 -name 'blingauto-*.jar' ! -name '*-plain.jar' | head -n 1)"
fi
[[ -n "$JAR" ]] || abort "no jar in target/"
export BLINGAUTO_JAR="$REPO/$JAR"
pass "$JAR"

PG_PORT="$(free_port)" REDIS_PORT="$(free_port)" API_PORT="$(free_port)" MGMT_PORT="$(free_port)"
HTTP_PORT="$(free_port)" HTTPS_PORT="$(free_port)"
DB_NAME=blingauto_preprod DB_USER=blingauto
DB_PASSWORD="$(openssl rand -hex 24)" REDIS_PASSWORD="$(openssl rand -hex 24)"
ADMIN_EMAIL=admin@preprod-check.example.com ADMIN_PASSWORD="Adm1n-$(openssl rand -hex 12)"

# ---- PostgreSQL ----------------------------------------------------------------------------------------------
say "PostgreSQL on 127.0.0.1:$PG_PORT"
PG_BIN="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin | sort -V | tail -n 1)"
PG_CTL="$PG_BIN/pg_ctl"
PG_DATA="$WORK/pg/data"
mkdir -p "$WORK/pg/socket"
printf '%s\n' "$DB_PASSWORD" > "$WORK/pg/pwfile"
[[ "$(id -u)" == 0 ]] && chown -R postgres "$WORK/pg"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$DB_USER" --pwfile="$WORK/pg/pwfile" -A scram-sha-256 -E UTF8 \
  --no-locale >/dev/null
as_pg "$PG_CTL" -D "$PG_DATA" -l "$WORK/pg/pg.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pg/socket" start >/dev/null
export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGPASSWORD="$DB_PASSWORD"
psql -X -q -U "$DB_USER" -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB_NAME" \
  || abort "could not create the database"
pass "$("$PG_BIN/postgres" --version), database $DB_NAME"

# ---- Redis ---------------------------------------------------------------------------------------------------
say "Redis on 127.0.0.1:$REDIS_PORT"
mkdir -p "$WORK/redis"
cat > "$WORK/redis/redis.conf" <<END
bind 127.0.0.1
port $REDIS_PORT
requirepass $REDIS_PASSWORD
save ""
appendonly no
dir $WORK/redis
unixsocket ""
END
chmod 600 "$WORK/redis/redis.conf"
redis-server "$WORK/redis/redis.conf" > "$WORK/redis/redis.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 50); do
  REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break
  sleep 0.1
done
REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG || abort "Redis did not start"
pass "$(redis-server --version | cut -d' ' -f1-3), password required"

# ---- nginx ---------------------------------------------------------------------------------------------------
say "nginx with nginx/ on 127.0.0.1:$HTTP_PORT (HTTP) and 127.0.0.1:$HTTPS_PORT (HTTPS)"
nginx_local_render "$REPO/nginx" "$WORK" "$API_PORT" "$HTTP_PORT" "$HTTPS_PORT"
nginx_local_self_signed "$WORK"
mapfile -t NGINX_ARGS < <(nginx_local_args "$WORK")
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"
"$NGINX_BIN" -t -q "${NGINX_ARGS[@]}" || abort "nginx -t"
"$NGINX_BIN" "${NGINX_ARGS[@]}"
for _ in $(seq 50); do [[ -s "$WORK/run/nginx.pid" ]] && break; sleep 0.1; done
[[ -s "$WORK/run/nginx.pid" ]] || abort "nginx did not start"
pass "$("$NGINX_BIN" -v 2>&1 | sed 's/^nginx version: //')"

BASE="https://localhost:$HTTPS_PORT"
# The self-signed certificate is trusted explicitly: TLS is verified, not skipped.
CURL=(curl -sS --max-time 20 --cacert "$WORK/ssl/fullchain.pem" --resolve "localhost:$HTTPS_PORT:127.0.0.1"
      --resolve "localhost:$HTTP_PORT:127.0.0.1")

# request METHOD PATH [curl args...]: sets STATUS, BODY and HEADERS (lower-cased names).
request() {
  local method="$1" path="$2"
  shift 2
  : > "$WORK/headers"
  STATUS="$("${CURL[@]}" -X "$method" -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' "$@" "$BASE$path")" || STATUS=000
  BODY="$(cat "$WORK/body" 2>/dev/null || true)"
  HEADERS="$(tr -d '\r' < "$WORK/headers" | sed 's/^\([^:]*\):/\L\1:/')"
}
header() { sed -n "s/^$1: //p" <<< "$HEADERS" | tail -n 1; }
header_count() { grep -c "^$1: " <<< "$HEADERS" || true; }
expect_status() {
  local expected="$1" what="$2"
  if [[ "$STATUS" == "$expected" ]]; then pass "$what: $STATUS"; else fail "$what: expected $expected, got $STATUS: ${BODY:0:300}"; fi
}
json() { python3 -c 'import json,sys
d=json.load(sys.stdin)
for k in sys.argv[1].split("."):
    d = d[int(k)] if isinstance(d, list) else d.get(k) if isinstance(d, dict) else None
print("" if d is None else d)' "$1" <<< "$BODY" 2>/dev/null || true; }

say "nginx alone (the API is not started yet)"
request GET /health
if [[ "$STATUS" == 502 && "$BODY" == *"Service momentanément indisponible"* ]]; then
  pass "friendly 50x page while the API is down: $STATUS"
else
  fail "friendly 50x page: got $STATUS ${BODY:0:200}"
fi
status="$("${CURL[@]}" -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$HTTP_PORT/api/v1/auth/me?x=1")"
if [[ "$status" == "301 https://localhost/api/v1/auth/me?x=1" ]]; then
  pass "HTTP -> HTTPS redirect: $status"
else
  fail "HTTP -> HTTPS redirect: $status"
fi
mkdir -p "$WORK/www/.well-known/acme-challenge"
echo "token-content" > "$WORK/www/.well-known/acme-challenge/check-token"
chmod -R a+rX "$WORK/www"
status="$("${CURL[@]}" -w ' %{http_code}' "http://localhost:$HTTP_PORT/.well-known/acme-challenge/check-token" | tr -d '\n')"
[[ "$status" == "token-content 200" ]] && pass "ACME challenge served over HTTP" || fail "ACME challenge path: $status"

tls_handshake() {
  openssl s_client -connect "127.0.0.1:$HTTPS_PORT" -servername localhost "$@" </dev/null >/dev/null 2>&1
}
if tls_handshake -tls1_2 && tls_handshake -tls1_3; then pass "TLS 1.2 and 1.3 accepted"; else fail "TLS 1.2/1.3 handshake"; fi
# (TLS 1.0/1.1 cannot be tried: Debian's OpenSSL 3 no longer negotiates them at all.)
if tls_handshake -tls1_2 -cipher 'AES256-SHA256:AES128-SHA'; then
  fail "TLS 1.2 accepts a cipher without forward secrecy (outside Mozilla intermediate)"
else
  pass "TLS 1.2 refuses ciphers without forward secrecy"
fi

# ---- the API -------------------------------------------------------------------------------------------------
SECRET_KEY_VALUE="$(openssl rand -hex 64)"
start_api() {
  local log="$1"
  env ENVIRONMENT=staging APP_VERSION=preprod-check SECRET_KEY="$SECRET_KEY_VALUE" \
    PORT="$API_PORT" HOST=127.0.0.1 MANAGEMENT_PORT="$MGMT_PORT" MANAGEMENT_ADDRESS=127.0.0.1 \
    POSTGRES_HOST=127.0.0.1 POSTGRES_PORT="$PG_PORT" POSTGRES_DB="$DB_NAME" POSTGRES_USER="$DB_USER" \
    POSTGRES_PASSWORD="$DB_PASSWORD" REDIS_HOST=127.0.0.1 REDIS_PORT="$REDIS_PORT" REDIS_PASSWORD="$REDIS_PASSWORD" \
    INITIAL_ADMIN_EMAIL="$ADMIN_EMAIL" INITIAL_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    CORS_ORIGINS="https://localhost:$HTTPS_PORT" FRONTEND_URL="https://localhost:$HTTPS_PORT" \
    TRUSTED_PROXIES=127.0.0.1/32 UPLOAD_DIR="$WORK/uploads" LOG_LEVEL=INFO \
    JAVA_OPTS="-Xmx512m" \
    bin/blingauto > "$log" 2>&1 &
  API_PID=$!
  local waited=0
  while (( waited < 180 )); do
    kill -0 "$API_PID" 2>/dev/null || abort "the API exited during start-up (log: $(tail -n 5 "$log"))"
    request GET /health
    [[ "$STATUS" == 200 ]] && { pass "API started in ${waited}s (behind nginx)"; return; }
    sleep 1
    waited=$((waited + 1))
  done
  abort "the API did not answer /health through nginx within 180 s"
}
stop_api() {
  kill "$API_PID" 2>/dev/null || true
  wait "$API_PID" 2>/dev/null || true
  API_PID=""
}

say "API (ENVIRONMENT=staging) on 127.0.0.1:$API_PORT, reached through nginx"
start_api "$WORK/api.log"

say "checks through nginx over HTTPS"
# /health also reports the machine's CPU and memory: on a loaded build machine it may say "degraded" for that
# reason alone (and a Redis PING may then exceed its 2 s budget), so it is asked a few times.
for attempt in $(seq 10); do
  request GET /health -H 'X-Request-ID: preprod-check-1'
  [[ "$(json status)" == healthy ]] && break
  [[ "$(json checks.database.status)" == healthy && "$(json checks.redis.status)" == healthy ]] && break
  sleep 3
done
expect_status 200 "GET /health"
if [[ "$(json checks.database.status)" == healthy && "$(json checks.redis.status)" == healthy ]]; then
  pass "database and Redis healthy (attempt $attempt)"
else
  fail "health checks: ${BODY:0:400}"
fi
if [[ "$(json status)" == healthy ]]; then
  pass "health status healthy"
elif [[ "$(json status)" == degraded && "$(json checks.system.status)" == degraded ]]; then
  skip "health status degraded only because this machine is loaded (cpu $(json checks.system.cpu_percent)%, memory $(json checks.system.memory_percent)%)"
else
  fail "health status: $(json status) ${BODY:0:300}"
fi
[[ "$(json version)" == preprod-check && "$(json environment)" == staging ]] \
  && pass "version and environment reported" || fail "health version/environment: ${BODY:0:300}"
[[ "$(header x-request-id)" == preprod-check-1 ]] && pass "X-Request-ID passed through nginx" \
  || fail "X-Request-ID: $(header x-request-id)"

declare -A EXPECTED_HEADERS=(
  [strict-transport-security]="max-age=63072000; includeSubDomains"
  [x-content-type-options]="nosniff"
  [x-frame-options]="DENY"
  [x-xss-protection]="1; mode=block"
  [referrer-policy]="strict-origin-when-cross-origin"
  [content-security-policy]="default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https://cdn.jsdelivr.net; font-src 'self' https://cdn.jsdelivr.net; connect-src 'self'"
)
check_security_headers() {
  local what="$1" name bad=0
  for name in "${!EXPECTED_HEADERS[@]}"; do
    if [[ "$(header_count "$name")" != 1 || "$(header "$name")" != "${EXPECTED_HEADERS[$name]}" ]]; then
      fail "$what: header $name is '$(header "$name")' ($(header_count "$name") times)"
      bad=1
    fi
  done
  [[ "$(header server)" == nginx ]] || { fail "$what: Server header '$(header server)' (version must be hidden)"; bad=1; }
  (( bad )) || pass "$what: security headers once each (HSTS, nosniff, DENY, XSS, Referrer-Policy, CSP), no version in Server"
}
check_security_headers "GET /health"

request GET /docs
location="$(header location)"
if [[ "$STATUS" == 30[12378] && ( "$location" == /* || "$location" == "https://localhost:$HTTPS_PORT/"* ) ]]; then
  pass "GET /docs redirects to $location (X-Forwarded-Proto/Host from nginx are trusted)"
elif [[ "$STATUS" != 200 ]]; then
  fail "GET /docs: $STATUS, Location '$location' (expected https://localhost:$HTTPS_PORT/...)"
fi
request GET /docs -L
if [[ "$STATUS" == 200 && "$BODY" == *swagger* ]]; then pass "GET /docs: Swagger UI"; else fail "GET /docs: $STATUS ${BODY:0:200}"; fi
request GET /openapi.json -H 'Accept-Encoding: gzip' --compressed
if [[ "$STATUS" == 200 && "$(json openapi)" == 3.* ]]; then
  pass "GET /openapi.json: OpenAPI $(json openapi)"
else
  fail "GET /openapi.json: $STATUS ${BODY:0:200}"
fi
[[ "$(header content-encoding)" == gzip ]] && pass "gzip on /openapi.json" || fail "gzip: content-encoding '$(header content-encoding)'"

request GET /actuator/health
[[ "$STATUS" == 404 && "$(json error.code)" == NOT_FOUND ]] && pass "/actuator is not reachable: 404" \
  || fail "/actuator: $STATUS ${BODY:0:200}"
request GET /actuator/prometheus
expect_status 404 "/actuator/prometheus"

request POST /api/v1/auth/login -H 'Content-Type: application/json' \
  --data "{\"email\": \"$ADMIN_EMAIL\", \"password\": \"$ADMIN_PASSWORD\"}"
expect_status 200 "admin login (INITIAL_ADMIN_*)"
TOKEN="$(json access_token)"
[[ -n "$TOKEN" ]] || fail "no access_token in the login answer"
check_security_headers "POST /api/v1/auth/login"
[[ -n "$(header x-ratelimit-limit)" ]] && pass "API rate limiter active behind nginx (X-RateLimit-Limit $(header x-ratelimit-limit))" \
  || fail "no X-RateLimit-Limit: the API's Redis rate limiter is not active"

request GET /api/v1/auth/me -H "Authorization: Bearer $TOKEN"
expect_status 200 "GET /api/v1/auth/me"
[[ "$(json role)" == admin ]] && pass "the initial admin has role admin" || fail "role: $(json role)"

request POST /api/v1/facilities/wash-bays -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  --data '{"bay_number": "BAY-001", "max_vehicle_size": "LARGE"}'
if [[ "$STATUS" == 404 && "$(json error.message)" == "Not Found" ]]; then
  skip "POST /api/v1/facilities/wash-bays answers 404: the facilities module is not in this build yet"
else
  expect_status 201 "create wash bay BAY-001 (LARGE)"
  [[ "$(json bay_number)" == BAY-001 && "$(json max_vehicle_size)" =~ ^(large|LARGE)$ ]] \
    && pass "wash bay BAY-001 with max_vehicle_size $(json max_vehicle_size)" || fail "wash bay answer: ${BODY:0:300}"
fi

for n in 1 2 3; do
  request POST /api/v1/auth/register -H 'Content-Type: application/json' \
    --data "{\"email\": \"client$n@preprod-check.example.com\", \"password\": \"Client-pass-$n\", \"first_name\": \"client\", \"last_name\": \"number $n\"}"
  expect_status 201 "register client$n (rows for the backup drill)"
done

head -c 2000000 /dev/zero | tr '\0' 'a' > "$WORK/big.json"
request POST /api/v1/auth/login -H 'Content-Type: application/json' --data-binary "@$WORK/big.json"
[[ "$STATUS" == 413 && -n "$(json error.code)" ]] && pass "2 MB body: 413 from the API ($(json error.code)), nginx lets it through" \
  || fail "2 MB body: $STATUS ${BODY:0:200}"

# burst PATH COUNT: COUNT simultaneous requests; prints "<number not refused> <number of 429>". The body of
# answer i is kept in $WORK/burst/b<i>, the status and headers of every answer in $WORK/burst/answers.
burst() {
  local path="$1" count="$2" urls=() i total refused
  rm -rf "$WORK/burst"
  mkdir -p "$WORK/burst"
  for ((i = 0; i < count; i++)); do urls+=(-o "$WORK/burst/b$i" "$BASE$path"); done
  "${CURL[@]}" --no-progress-meter --parallel --parallel-immediate --parallel-max "$count" \
    -w '### %{urlnum} %{http_code}\n%{header_json}\n' "${urls[@]}" > "$WORK/burst/answers" || true
  total="$(grep -c '^### ' "$WORK/burst/answers" || true)"
  refused="$(grep -c '^### [0-9]* 429$' "$WORK/burst/answers" || true)"
  echo "$((total - refused)) $refused"
}
# refused_answer: loads one 429 answer of the last burst into STATUS, BODY and HEADERS.
refused_answer() {
  local number
  number="$(sed -n 's/^### \([0-9]*\) 429$/\1/p' "$WORK/burst/answers" | head -n 1)"
  [[ -n "$number" ]] || return 1
  STATUS=429
  BODY="$(cat "$WORK/burst/b$number")"
  HEADERS="$(python3 -c 'import json, re, sys
text = open(sys.argv[1]).read()
block = re.search(r"^### %s 429\n(.*?)(?=^### |\Z)" % sys.argv[2], text, re.S | re.M).group(1)
for name, values in json.loads(block).items():
    for value in values:
        print(f"{name.lower()}: {value}")' "$WORK/burst/answers" "$number")"
}
say "rate limiting by nginx"
sleep 2
read -r passed limited < <(burst /live 120)
if (( limited > 0 && passed > 0 )); then
  pass "burst of 120 on /live: $passed answered, $limited refused with 429 by nginx"
else
  fail "burst of 120 on /live: $passed answered, $limited refused (expected some 429)"
fi
if refused_answer; then
  [[ "$(json error.code)" == RATE_LIMIT_EXCEEDED && -n "$(header retry-after)" && -n "$(json error.request_id)" ]] \
    && pass "nginx 429: JSON error RATE_LIMIT_EXCEEDED with request_id and Retry-After" || fail "nginx 429 answer: ${BODY:0:200}"
  check_security_headers "nginx 429"
fi
sleep 3
read -r passed limited < <(burst /api/v1/auth/me 30)
if (( limited > 0 && passed > 0 )); then
  pass "burst of 30 on /api/v1/auth/ (stricter zone): $passed answered, $limited refused with 429"
else
  fail "burst of 30 on /api/v1/auth/: $passed answered, $limited refused (expected some 429)"
fi
sleep 3

# ---- backup drill --------------------------------------------------------------------------------------------
say "backup -> drop database -> restore (scripts/deploy-preprod.sh backup, scripts/restore-backup.sh)"
stop_api
pass "API stopped: nothing writes during the drill"
cat > "$WORK/env.preprod" <<END
POSTGRES_DB=$DB_NAME
POSTGRES_USER=$DB_USER
POSTGRES_PASSWORD=$DB_PASSWORD
BACKUP_RETENTION_DAYS=3
END
export ENV_FILE="$WORK/env.preprod" DB_MODE=local BACKUP_DIR="$WORK/backups"
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/backup.sh
source scripts/lib/backup.sh
load_env "$ENV_FILE"
db_table_summary "$DB_NAME" > "$WORK/before"
TABLES="$(wc -l < "$WORK/before")"
ROWS="$(awk '{ s += $2 } END { print s }' "$WORK/before")"
(( TABLES > 0 && ROWS > 0 )) || abort "no tables or rows to back up"
pass "$TABLES tables, $ROWS rows before the backup"

# Old backups for the retention rule: 5 older than 3 days (only the 3 newest files survive among them).
mkdir -p "$BACKUP_DIR"
for day in 1 2 3 4 5; do
  echo old | gzip > "$BACKUP_DIR/${DB_NAME}_2020010${day}_000000.sql.gz"
  touch -d "-$((10 + day)) days" "$BACKUP_DIR/${DB_NAME}_2020010${day}_000000.sql.gz"
done
scripts/deploy-preprod.sh backup || abort "scripts/deploy-preprod.sh backup failed"
BACKUP_FILE="$(latest_backup)"
[[ "$BACKUP_FILE" =~ /${DB_NAME}_[0-9]{8}_[0-9]{6}\.sql\.gz$ ]] && pass "backup ${BACKUP_FILE##*/}" \
  || abort "no backup named <db>_<timestamp>.sql.gz: '$BACKUP_FILE'"
remaining="$(find "$BACKUP_DIR" -name '*.sql.gz' | sort | tr '\n' ' ')"
if [[ "$(find "$BACKUP_DIR" -name '*.sql.gz' | wc -l)" == 3 && "$remaining" == *"${DB_NAME}_20200105_"* \
      && "$remaining" == *"${DB_NAME}_20200104_"* && "$remaining" == *"${BACKUP_FILE##*/}"* ]]; then
  pass "retention (BACKUP_RETENTION_DAYS=3): the 3 newest kept, older ones removed"
else
  fail "retention: left $remaining"
fi

db_psql postgres -c "DROP DATABASE $DB_NAME WITH (FORCE)"
[[ -z "$(db_psql postgres -Atc "select 1 from pg_database where datname = '$DB_NAME'")" ]] \
  && pass "database $DB_NAME dropped" || abort "database $DB_NAME still exists"

scripts/restore-backup.sh "$BACKUP_FILE" --yes || abort "scripts/restore-backup.sh failed"
db_table_summary "$DB_NAME" > "$WORK/after"
if diff -u "$WORK/before" "$WORK/after"; then
  pass "every row is back: $TABLES tables, $ROWS rows, identical content (count and md5 per table)"
else
  fail "the restored database differs from the backed-up one (diff above)"
fi

say "API on the restored database"
start_api "$WORK/api-restored.log"
request POST /api/v1/auth/login -H 'Content-Type: application/json' \
  --data "{\"email\": \"$ADMIN_EMAIL\", \"password\": \"$ADMIN_PASSWORD\"}"
expect_status 200 "admin login after the restore"
grep -q "Initial admin .* created" "$WORK/api.log" || fail "the first start did not log the creation of the initial admin"
if grep -q "Initial admin .* created" "$WORK/api-restored.log"; then
  fail "the admin was created again after the restore (the restored users table was not used)"
fi
stop_api

if (( FAILURES )); then
  printf '\nlocal pre-production check: %d failure(s)\n' "$FAILURES" >&2
  exit 1
fi
printf '\nlocal pre-production check passed\n'
