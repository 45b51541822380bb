#!/usr/bin/env bash
# Restores a backup made by backup.sh into the registry database, replacing the tables, data and
# Flyway history that the backup contains. By default the embedded PostgreSQL of a running app
# (localhost:54329, user and database postgres); PGHOST, PGPORT, PGUSER, PGPASSWORD and
# PGDATABASE select another.
#
#   db/pg-restore.sh [--yes] FILE
#
# Asks for confirmation unless --yes is given. Make sure nobody is using the registry, and
# restart the app afterwards. Restore with the application version that made the backup (or an
# empty database), so that Flyway finds the schema it expects.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=db/pg-env.sh
. "$here/pg-env.sh"

confirmed=false
if [ "${1:-}" = "--yes" ]; then
  confirmed=true
  shift
fi
if [ $# -ne 1 ]; then
  echo "Usage: $0 [--yes] FILE" >&2
  exit 2
fi
file=$1
if [ ! -r "$file" ]; then
  echo "Cannot read $file" >&2
  exit 2
fi

pg_restore="$(find_pg_tool pg_restore)"
echo "Restoring $file into database $PGDATABASE on $PGHOST:$PGPORT (user $PGUSER)"
echo "  with $pg_restore: $("$pg_restore" --version)"
if ! "$confirmed"; then
  if [ ! -t 0 ]; then
    echo "This replaces the registry's data. Run again with --yes to confirm." >&2
    exit 2
  fi
  read -r -p "This replaces the registry's data in $PGDATABASE. Type yes to go on: " answer
  if [ "$answer" != "yes" ]; then
    echo "Nothing restored."
    exit 1
  fi
fi

if ! "$pg_restore" --dbname="$PGDATABASE" --clean --if-exists --no-owner --no-privileges \
    --single-transaction --exit-on-error "$file"; then
  echo "pg_restore failed; the database is unchanged (one transaction)." \
    "$(client_version_advice)" >&2
  exit 1
fi
echo "Restored. Restart the app so that it starts from the restored data."
