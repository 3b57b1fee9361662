# shellcheck shell=bash
# Shared by the operator scripts (deploy-preprod.sh, restore-backup.sh, setup-letsencrypt.sh) and by the local
# pre-production check: messages, the env file, docker compose, and database access.
#
# Settings read from the environment:
#   ENV_FILE              env file (default .env.preprod.local at the repository root)
#   COMPOSE_FILE_PREPROD  compose file (default docker-compose.preprod.yml; may also be set in the env file)
#   PROJECT_NAME          compose project name (default blingauto-preprod)
#   DB_MODE               "compose" (default): pg_dump/psql run inside the postgres container;
#                         "local": pg_dump/psql run on this machine against PGHOST/PGPORT (no Docker needed)

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ENV_FILE="${ENV_FILE:-$REPO_ROOT/.env.preprod.local}"
PROJECT_NAME="${PROJECT_NAME:-blingauto-preprod}"
DB_MODE="${DB_MODE:-compose}"

if [[ -t 1 ]]; then
  C_BLUE=$'\e[1;34m' C_GREEN=$'\e[1;32m' C_YELLOW=$'\e[1;33m' C_RED=$'\e[1;31m' C_OFF=$'\e[0m'
else
  C_BLUE="" C_GREEN="" C_YELLOW="" C_RED="" C_OFF=""
fi

step() { printf '%s==>%s %s\n' "$C_BLUE" "$C_OFF" "$*"; }
ok()   { printf '%s ok%s %s\n' "$C_GREEN" "$C_OFF" "$*"; }
warn() { printf '%swarning:%s %s\n' "$C_YELLOW" "$C_OFF" "$*" >&2; }
die()  { printf '%serror:%s %s\n' "$C_RED" "$C_OFF" "$*" >&2; exit 1; }

# load_env FILE: KEY=VALUE lines (comments and blank lines ignored, optional surrounding quotes removed) are
# exported, except variables already set in the environment (the same precedence as docker compose).
# The file is parsed, never executed.
load_env() {
  local file="$1" line key value
  [[ -f "$file" ]] || die "env file $file not found (cp .env.preprod .env.preprod.local, then edit it)"
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%$'\r'}"
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    key="${line%%=*}"
    value="${line#*=}"
    key="${key#export }"
    key="${key//[[:space:]]/}"
    [[ "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { warn "$file: ignored line: $line"; continue; }
    if [[ "$value" =~ ^\"(.*)\"$ || "$value" =~ ^\'(.*)\'$ ]]; then
      value="${BASH_REMATCH[1]}"
    fi
    [[ -n "${!key+set}" ]] && continue
    printf -v "$key" '%s' "$value"
    export "${key?}"
  done < "$file"
  POSTGRES_DB="${POSTGRES_DB:-blingauto_preprod}"
  POSTGRES_USER="${POSTGRES_USER:-blingauto}"
  export POSTGRES_DB POSTGRES_USER
}

# ---- docker compose ------------------------------------------------------------------------------------------

COMPOSE_CMD=()

# detect_compose: docker compose (v2) when available, else docker-compose (v1).
detect_compose() {
  if docker compose version >/dev/null 2>&1; then
    COMPOSE_CMD=(docker compose)
  elif command -v docker-compose >/dev/null 2>&1; then
    # v1 applies the deploy.resources limits only in compatibility mode.
    COMPOSE_CMD=(docker-compose --compatibility)
  else
    die "neither 'docker compose' (v2) nor 'docker-compose' (v1) is installed"
  fi
}

compose_file() {
  local file="${COMPOSE_FILE_PREPROD:-docker-compose.preprod.yml}"
  [[ "$file" = /* ]] || file="$REPO_ROOT/$file"
  echo "$file"
}

# compose ARGS...: the compose command on the pre-production project.
compose() {
  (( ${#COMPOSE_CMD[@]} )) || detect_compose
  "${COMPOSE_CMD[@]}" -f "$(compose_file)" --env-file "$ENV_FILE" -p "$PROJECT_NAME" "$@"
}

# container_id SERVICE: id of the service's container, empty when it does not exist.
container_id() {
  compose ps -q "$1" 2>/dev/null | head -n 1
}

# container_health SERVICE: healthy, unhealthy, starting, running (no health check), exited, missing...
container_health() {
  local id
  id="$(container_id "$1")"
  [[ -n "$id" ]] || { echo missing; return; }
  docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id" 2>/dev/null \
    || echo missing
}

# wait_healthy SERVICE TIMEOUT_SECONDS: waits for the container's health check to pass.
wait_healthy() {
  local service="$1" timeout="$2" waited=0 status
  step "waiting for $service to become healthy (up to ${timeout}s)"
  while (( waited < timeout )); do
    status="$(container_health "$service")"
    case "$status" in
      healthy|running) ok "$service is $status (${waited}s)"; return 0 ;;
      unhealthy|exited|dead|missing)
        if [[ "$status" != missing || $waited -ge 30 ]]; then
          warn "$service is $status"
          return 1
        fi ;;
    esac
    sleep 3
    waited=$((waited + 3))
  done
  warn "$service did not become healthy within ${timeout}s (last status: $status)"
  return 1
}

# reload_nginx: nginx resolves the api container's address once; reload it after that container was replaced.
reload_nginx() {
  if [[ -n "$(container_id nginx)" ]]; then
    if compose exec -T nginx nginx -s reload >/dev/null 2>&1; then
      ok "nginx reloaded"
    else
      warn "nginx could not be reloaded"
    fi
  fi
}

# ---- database ------------------------------------------------------------------------------------------------

# db_tool TOOL ARGS...: runs pg_dump/psql/... as POSTGRES_USER, in the postgres container or locally.
db_tool() {
  local tool="$1"
  shift
  if [[ "$DB_MODE" == local ]]; then
    PGPASSWORD="${PGPASSWORD:-${POSTGRES_PASSWORD:-}}" "$tool" -U "$POSTGRES_USER" "$@"
  else
    compose exec -T postgres "$tool" -U "$POSTGRES_USER" "$@"
  fi
}

# db_psql DATABASE ARGS...: psql that stops at the first error.
db_psql() {
  local database="$1"
  shift
  db_tool psql -X -q -v ON_ERROR_STOP=1 -d "$database" "$@"
}

db_available() {
  if [[ "$DB_MODE" == local ]]; then
    db_psql postgres -Atc 'select 1' >/dev/null 2>&1
  else
    [[ -n "$(container_id postgres)" ]] && db_psql postgres -Atc 'select 1' >/dev/null 2>&1
  fi
}
