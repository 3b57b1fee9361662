# shellcheck shell=bash
# Backup and restore of the pre-production database (sourced after common.sh). Used by deploy-preprod.sh
# (backup, deploy, rollback --with-db), restore-backup.sh and the local pre-production check.

BACKUP_DIR="${BACKUP_DIR:-$REPO_ROOT/backups}"

# backup_database: writes BACKUP_DIR/<db>_<UTC timestamp>.sql.gz (plain SQL, gzip) and prints its path.
backup_database() {
  local stamp file tmp
  mkdir -p "$BACKUP_DIR"
  stamp="$(date -u +%Y%m%d_%H%M%S)"
  file="$BACKUP_DIR/${POSTGRES_DB}_${stamp}.sql.gz"
  tmp="$file.partial"
  step "backing up database $POSTGRES_DB to ${file#"$REPO_ROOT"/}" >&2
  if ! db_tool pg_dump -d "$POSTGRES_DB" --no-owner --no-privileges --encoding=UTF8 | gzip -9 > "$tmp"; then
    rm -f "$tmp"
    die "pg_dump of $POSTGRES_DB failed"
  fi
  if ! gzip -t "$tmp" || ! gzip -dc "$tmp" | grep -q '^-- PostgreSQL database dump complete'; then
    rm -f "$tmp"
    die "the backup of $POSTGRES_DB is incomplete"
  fi
  mv "$tmp" "$file"
  ok "backup written: ${file#"$REPO_ROOT"/} ($(du -h "$file" | cut -f1))" >&2
  echo "$file"
}

# backup_prune: deletes backups of this database older than BACKUP_RETENTION_DAYS days (default 7), but
# always keeps the BACKUP_RETENTION_DAYS newest ones.
backup_prune() {
  local days="${BACKUP_RETENTION_DAYS:-7}" file index=0 removed=0
  [[ "$days" =~ ^[0-9]+$ && "$days" -ge 1 ]] || die "BACKUP_RETENTION_DAYS must be a whole number >= 1 (got '$days')"
  while IFS= read -r file; do
    index=$((index + 1))
    (( index <= days )) && continue
    if [[ -n "$(find "$file" -mtime "+$((days - 1))" -print)" ]]; then
      rm -f "$file"
      removed=$((removed + 1))
      echo "    removed old backup ${file#"$REPO_ROOT"/}"
    fi
  done < <(backups_newest_first)
  ok "retention: backups younger than $days days and the $days newest are kept ($removed removed)"
}

# backups_newest_first: this database's backups, newest first (the name carries the UTC time of the backup).
backups_newest_first() {
  [[ -d "$BACKUP_DIR" ]] || return 0
  find "$BACKUP_DIR" -maxdepth 1 -type f -name "${POSTGRES_DB}_*.sql.gz" | sort -r
}

# latest_backup: the newest backup of this database, or nothing.
latest_backup() {
  backups_newest_first | head -n 1
}

# restore_database FILE: drops the database, recreates it and loads the backup into it. Whoever is connected
# to the database is disconnected (stop the API first).
restore_database() {
  local file="$1"
  [[ -f "$file" ]] || die "backup $file not found"
  gzip -t "$file" || die "$file is not a valid gzip file"
  step "dropping and recreating database $POSTGRES_DB"
  db_psql postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS \"$POSTGRES_DB\" WITH (FORCE)" \
    || die "could not drop database $POSTGRES_DB"
  db_psql postgres -c "CREATE DATABASE \"$POSTGRES_DB\" OWNER \"$POSTGRES_USER\" ENCODING 'UTF8' TEMPLATE template0" \
    || die "could not create database $POSTGRES_DB"
  step "loading ${file#"$REPO_ROOT"/} into $POSTGRES_DB"
  gzip -dc "$file" | db_psql "$POSTGRES_DB" --single-transaction >/dev/null \
    || die "loading $file failed: database $POSTGRES_DB is incomplete, restore again or restore another backup"
  ok "database $POSTGRES_DB restored from ${file#"$REPO_ROOT"/}"
}

# db_table_summary DATABASE: "<schema>.<table> <row count> <md5 of the rows>" for every table, sorted. Two
# summaries are equal when every table has the same rows.
db_table_summary() {
  local database="$1" table
  db_psql "$database" -At -c "select format('%I.%I', table_schema, table_name) from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1" \
    | while IFS= read -r table; do
        printf '%s %s\n' "$table" "$(db_psql "$database" -At -c \
          "select count(*) || ' ' || coalesce(md5(string_agg(t::text, E'\n' order by t::text)), '-') from $table t" </dev/null)"
      done
}
