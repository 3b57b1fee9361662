#!/usr/bin/env bash
# BlingAuto pre-production operations with Docker Compose. Guide: docs/deploiement-preprod.md.
#
#   scripts/deploy-preprod.sh [command]
#     deploy      (default) prerequisites -> database backup -> build -> start -> wait until healthy -> endpoints;
#                 when the new version does not become healthy, the previous image is put back automatically
#     start       start the stack with the images already built
#     stop        stop the containers (volumes and data are kept)
#     restart     stop then start, and wait until healthy
#     status      containers, their health, and the API health through nginx
#     logs [svc]  follow the logs (all services, or nginx | api | postgres | redis | certbot); LINES=200
#     health      the API /health through nginx (exit 1 unless healthy or degraded)
#     backup      backups/<db>_<timestamp>.sql.gz, then retention (BACKUP_RETENTION_DAYS, default 7)
#     rollback [--with-db]
#                 put the previous image back; with --with-db also restore the latest backup
#
# Environment: ENV_FILE (default .env.preprod.local), COMPOSE_FILE_PREPROD (default docker-compose.preprod.yml,
# may be set in the env file), PROJECT_NAME (blingauto-preprod), HEALTH_TIMEOUT (seconds, default 180),
# BACKUP_DIR (default backups/), DB_MODE=local to back up a database reachable at PGHOST/PGPORT without Docker.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/backup.sh"

HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-180}"
API_IMAGE_NAME="${API_IMAGE:-blingauto-api}"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

# ---- checks --------------------------------------------------------------------------------------------------

check_docker() {
  command -v docker >/dev/null 2>&1 || die "docker is not installed (https://docs.docker.com/engine/install/)"
  docker info >/dev/null 2>&1 || die "the Docker daemon is not reachable (is it running? is $(id -un) in the docker group?)"
  ok "docker $(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?')"
  detect_compose
  ok "compose: ${COMPOSE_CMD[*]} ($("${COMPOSE_CMD[@]}" version --short 2>/dev/null || echo '?'))"
}

# A secret must be set, must not be the template's placeholder, and must be long enough.
check_secret() {
  local name="$1" min="$2" value="${!1:-}"
  [[ -n "$value" ]] || die "$name is empty in $ENV_FILE"
  [[ "${value^^}" != *CHANGE_ME* && "${value^^}" != *CHANGEME* ]] \
    || die "$name still has the template's value in $ENV_FILE (generate one: openssl rand -hex $((min > 32 ? min : 24)))"
  (( ${#value} >= min )) || die "$name must be at least $min characters long (it has ${#value})"
}

check_env() {
  step "checking $ENV_FILE"
  load_env "$ENV_FILE"
  check_secret SECRET_KEY 64
  check_secret POSTGRES_PASSWORD 16
  check_secret REDIS_PASSWORD 16
  check_secret INITIAL_ADMIN_PASSWORD 12
  [[ -n "${INITIAL_ADMIN_EMAIL:-}" ]] || die "INITIAL_ADMIN_EMAIL is empty in $ENV_FILE"
  ok "secrets are set and are not the template's values"
  [[ -f "$(compose_file)" ]] || die "compose file $(compose_file) not found"
  ok "compose file ${COMPOSE_FILE_PREPROD:-docker-compose.preprod.yml}"
}

check_prerequisites() {
  step "checking prerequisites"
  check_docker
  command -v curl >/dev/null 2>&1 || die "curl is not installed"
  command -v openssl >/dev/null 2>&1 || die "openssl is not installed"
  check_env
  compose config -q || die "the compose file is not valid with $ENV_FILE"
  ok "compose configuration is valid"
}

# ---- preparation ---------------------------------------------------------------------------------------------

prepare_directories() {
  mkdir -p "$REPO_ROOT/backups" "$REPO_ROOT/logs/api" "$REPO_ROOT/certbot/www" "$REPO_ROOT/certbot/conf" \
    "$REPO_ROOT/nginx/ssl"
  # The API runs as uid 10001 in its container and writes logs/api.
  if [[ "$(id -u)" == 0 ]]; then
    chown 10001:10001 "$REPO_ROOT/logs/api"
  else
    chmod 0777 "$REPO_ROOT/logs/api"
  fi
}

# Until a Let's Encrypt certificate is installed (scripts/setup-letsencrypt.sh), nginx uses a self-signed one.
ensure_certificate() {
  local ssl="$REPO_ROOT/nginx/ssl" name="${DOMAIN:-localhost}"
  if [[ -s "$ssl/fullchain.pem" && -s "$ssl/privkey.pem" ]]; then
    ok "TLS certificate: nginx/ssl/fullchain.pem ($(openssl x509 -in "$ssl/fullchain.pem" -noout -subject 2>/dev/null))"
    return
  fi
  step "no certificate in nginx/ssl: creating a self-signed one for $name (valid 365 days)"
  openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=$name" \
    -addext "subjectAltName=DNS:$name,DNS:localhost" \
    -keyout "$ssl/privkey.pem" -out "$ssl/fullchain.pem" 2>/dev/null || die "openssl could not create the certificate"
  chmod 600 "$ssl/privkey.pem"
  ok "self-signed certificate created (replace it with scripts/setup-letsencrypt.sh DOMAIN EMAIL)"
}

# ---- commands ------------------------------------------------------------------------------------------------

image_exists() {
  docker image inspect "$1" >/dev/null 2>&1
}

https_port() {
  echo "${HTTPS_PORT:-443}"
}

# api_health_through_nginx: prints the /health document; exit status 0 for healthy or degraded.
api_health_through_nginx() {
  local body
  body="$(curl -ks --max-time 10 "https://localhost:$(https_port)/health")" || return 1
  echo "$body"
  [[ "$body" == *'"status":"healthy"'* || "$body" == *'"status":"degraded"'* ]]
}

print_endpoints() {
  local base="https://${DOMAIN:-localhost}"
  [[ "$(https_port)" == 443 ]] || base+=":$(https_port)"
  cat <<END

  BlingAuto pre-production is up:
    API            $base/api/v1/
    Swagger UI     $base/docs        (not served when ENVIRONMENT=production)
    OpenAPI        $base/openapi.json
    Health         $base/health      (also /ready, /live)
    Logs           scripts/deploy-preprod.sh logs api
END
}

cmd_backup() {
  if [[ "$DB_MODE" != local ]]; then
    check_docker
  fi
  load_env "$ENV_FILE"
  db_available || die "database $POSTGRES_DB is not reachable (is the postgres container running?)"
  backup_database >/dev/null
  backup_prune
}

cmd_deploy() {
  check_prerequisites
  prepare_directories
  ensure_certificate

  step "backing up the database before the deployment"
  if db_available; then
    backup_database >/dev/null
    backup_prune
  else
    ok "no running database yet (first deployment): nothing to back up"
  fi

  local previous=""
  if image_exists "$API_IMAGE_NAME:latest"; then
    docker tag "$API_IMAGE_NAME:latest" "$API_IMAGE_NAME:previous"
    previous="$API_IMAGE_NAME:previous"
    ok "current image kept as $previous for a rollback"
  fi

  step "building the API image"
  compose build api || die "the image build failed (nothing was changed: the running version is untouched)"

  step "starting the stack"
  if compose up -d --remove-orphans && wait_healthy api "$HEALTH_TIMEOUT" && wait_healthy nginx 60; then
    reload_nginx
    step "checking the API through nginx"
    api_health_through_nginx >/dev/null || warn "https://localhost:$(https_port)/health did not answer healthy"
    print_endpoints
    return 0
  fi

  warn "the new version did not become healthy; last API logs:"
  compose logs --tail=60 api >&2 || true
  if [[ -n "$previous" ]]; then
    step "automatic rollback to the previous image"
    rollback_image && die "deployment failed; the previous version is running again (scripts/deploy-preprod.sh rollback --with-db also restores the pre-deployment backup)"
    die "deployment failed and the rollback did not become healthy either: see scripts/deploy-preprod.sh logs api"
  fi
  die "deployment failed (first deployment: no previous image to roll back to)"
}

rollback_image() {
  image_exists "$API_IMAGE_NAME:previous" || die "no previous image ($API_IMAGE_NAME:previous) to roll back to"
  docker tag "$API_IMAGE_NAME:previous" "$API_IMAGE_NAME:latest"
  ok "$API_IMAGE_NAME:latest now points at the previous image"
  compose up -d --no-build --no-deps --force-recreate api || return 1
  wait_healthy api "$HEALTH_TIMEOUT" || return 1
  compose up -d --no-build nginx >/dev/null 2>&1 || true
  reload_nginx
}

cmd_rollback() {
  local with_db=false arg backup
  for arg in "$@"; do
    case "$arg" in
      --with-db) with_db=true ;;
      *) die "rollback: unknown option $arg (only --with-db)" ;;
    esac
  done
  check_docker
  check_env
  if $with_db; then
    backup="$(latest_backup)"
    [[ -n "$backup" ]] || die "no backup of $POSTGRES_DB in ${BACKUP_DIR#"$REPO_ROOT"/}"
    step "stopping the API to restore ${backup#"$REPO_ROOT"/}"
    compose stop api
    restore_database "$backup"
  fi
  step "rolling back the API image"
  rollback_image || die "the previous version did not become healthy: see scripts/deploy-preprod.sh logs api"
  ok "rollback done"
  print_endpoints
}

cmd_start() {
  check_docker
  check_env
  prepare_directories
  ensure_certificate
  step "starting the stack (existing images)"
  compose up -d --no-build || die "compose up failed (no image yet? run scripts/deploy-preprod.sh deploy)"
  wait_healthy api "$HEALTH_TIMEOUT" || die "the API is not healthy: scripts/deploy-preprod.sh logs api"
  wait_healthy nginx 60 || die "nginx is not healthy: scripts/deploy-preprod.sh logs nginx"
  reload_nginx
  print_endpoints
}

cmd_stop() {
  check_docker
  load_env "$ENV_FILE"
  step "stopping the containers (volumes, database and backups are kept)"
  compose stop || die "compose stop failed"
  ok "stopped"
}

cmd_status() {
  check_docker
  load_env "$ENV_FILE"
  step "containers"
  compose ps
  step "health"
  local service status failed=0
  for service in nginx api postgres redis; do
    status="$(container_health "$service")"
    printf '    %-9s %s\n' "$service" "$status"
    [[ "$status" == healthy ]] || failed=1
  done
  step "API through nginx (https://localhost:$(https_port)/health)"
  if api_health_through_nginx; then echo; else echo; warn "the API does not answer healthy through nginx"; failed=1; fi
  return "$failed"
}

cmd_health() {
  load_env "$ENV_FILE"
  step "GET https://localhost:$(https_port)/health"
  if api_health_through_nginx; then
    echo
    ok "API healthy"
  else
    echo
    die "API not healthy (scripts/deploy-preprod.sh status, scripts/deploy-preprod.sh logs api)"
  fi
}

cmd_logs() {
  check_docker
  load_env "$ENV_FILE"
  compose logs -f --tail="${LINES:-200}" "$@"
}

main() {
  local command="${1:-deploy}"
  [[ $# -gt 0 ]] && shift
  cd "$REPO_ROOT"
  case "$command" in
    deploy)   cmd_deploy ;;
    start)    cmd_start ;;
    stop)     cmd_stop ;;
    restart)  cmd_stop && cmd_start ;;
    status)   cmd_status ;;
    logs)     cmd_logs "$@" ;;
    health)   cmd_health ;;
    backup)   cmd_backup ;;
    rollback) cmd_rollback "$@" ;;
    help|-h|--help) usage ;;
    *) usage >&2; die "unknown command: $command" ;;
  esac
}

main "$@"
