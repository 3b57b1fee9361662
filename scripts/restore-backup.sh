#!/usr/bin/env bash
# Restores a backup made by scripts/deploy-preprod.sh backup (backups/<db>_<timestamp>.sql.gz).
#
#   scripts/restore-backup.sh FILE [--yes]
#
# The database named in the env file (POSTGRES_DB) is DROPPED, recreated and loaded from FILE. With Docker
# (default), the API container is stopped during the restore and started again afterwards. --yes skips the
# confirmation. Environment: ENV_FILE (default .env.preprod.local), COMPOSE_FILE_PREPROD, PROJECT_NAME,
# DB_MODE=local to restore into a database reachable at PGHOST/PGPORT without Docker (the caller then stops and
# starts the API itself).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/backup.sh"

file="" assume_yes=false
for arg in "$@"; do
  case "$arg" in
    --yes|-y) assume_yes=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $arg (usage: scripts/restore-backup.sh FILE [--yes])" ;;
    *) [[ -z "$file" ]] || die "only one backup file can be restored"; file="$arg" ;;
  esac
done
[[ -n "$file" ]] || die "usage: scripts/restore-backup.sh FILE [--yes]   (backups are in backups/)"
[[ -f "$file" ]] || die "backup $file not found"
file="$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"

load_env "$ENV_FILE"
step "restore of ${file#"$REPO_ROOT"/} into database $POSTGRES_DB ($DB_MODE)"
gzip -t "$file" || die "$file is not a valid gzip file"
gzip -dc "$file" | grep -q '^-- PostgreSQL database dump complete' || die "$file is not a complete pg_dump backup"
ok "the backup file is complete"

if ! $assume_yes; then
  [[ -t 0 ]] || die "confirmation needed: run it in a terminal or add --yes"
  read -r -p "Database $POSTGRES_DB will be replaced by this backup. Type the database name to continue: " answer
  [[ "$answer" == "$POSTGRES_DB" ]] || die "cancelled"
fi

api_was_running=false
if [[ "$DB_MODE" != local ]]; then
  command -v docker >/dev/null 2>&1 || die "docker is not installed"
  [[ -n "$(container_id postgres)" ]] || die "the postgres container is not running (scripts/deploy-preprod.sh start)"
  if [[ -n "$(container_id api)" && "$(container_health api)" != exited ]]; then
    api_was_running=true
    step "stopping the API during the restore"
    compose stop api
  fi
fi
db_available || die "database server not reachable"

restore_database "$file"
step "tables and rows now in $POSTGRES_DB"
db_table_summary "$POSTGRES_DB" | awk '{ printf "    %-48s %s rows\n", $1, $2 }'

if $api_was_running; then
  step "starting the API again"
  compose start api
  wait_healthy api "${HEALTH_TIMEOUT:-180}" || die "the API did not become healthy after the restore: scripts/deploy-preprod.sh logs api"
  reload_nginx
fi
ok "restore complete"
