#!/usr/bin/env bash
# Backs up the registry database with pg_dump in its custom format (compressed; restore.sh
# reads it). By default the embedded PostgreSQL of a running app (localhost:54329, user and
# database postgres); PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE select another.
#
#   db/pg-dump-backup.sh [FILE]
#
# Without FILE the backup goes to $REGISTRY_BACKUP_DIR (default ~/.case-registry/backups) as
# registry-<UTC time>.dump. Backups hold patient data: the file is readable by its owner only.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=db/pg-env.sh
. "$here/pg-env.sh"

pg_dump="$(find_pg_tool pg_dump)"
if [ $# -gt 0 ]; then
  file=$1
else
  directory="${REGISTRY_BACKUP_DIR:-$HOME/.case-registry/backups}"
  mkdir -p "$directory"
  file="$directory/registry-$(date -u +%Y%m%dT%H%M%SZ).dump"
fi

umask 077
echo "Backing up database $PGDATABASE on $PGHOST:$PGPORT (user $PGUSER)"
echo "  with $pg_dump: $("$pg_dump" --version)"
if ! "$pg_dump" --format=custom --file="$file.partial"; then
  rm -f "$file.partial"
  echo "pg_dump failed. $(client_version_advice)" >&2
  exit 1
fi
mv "$file.partial" "$file"

# A backup that cannot be read is no backup: list its contents once.
if pg_restore="$(find_pg_tool pg_restore 2>/dev/null)"; then
  "$pg_restore" --list "$file" >/dev/null
fi
echo "Backup written: $file ($(du -h "$file" | cut -f1))"
