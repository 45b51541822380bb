#!/usr/bin/env bash
# Restores a backup made by backup.sh into a NEW, EMPTY database of the same application
# version: all tables or nothing. For the embedded database, point REGISTRY_DATA_DIR at a new
# directory; for an external one, create an empty database and set SPRING_DATASOURCE_URL.
#
#   REGISTRY_DATA_DIR=~/.case-registry/pgdata-restored db/restore.sh [--yes] FILE
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/app-env.sh"

confirm=ask
if [ "${1:-}" = "--yes" ]; then
  confirm=no
  shift
fi
file="${1:?usage: db/restore.sh [--yes] FILE}"
[ -r "$file" ] || { echo "Cannot read $file" >&2; exit 1; }
file="$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"
target="${SPRING_DATASOURCE_URL:-the embedded PostgreSQL in ${REGISTRY_DATA_DIR:-~/.case-registry/pgdata}}"
if [ "$confirm" = ask ]; then
  read -r -p "Restore $file into $target (it must be empty)? [y/N] " answer
  [ "$answer" = y ] || [ "$answer" = Y ] || { echo "Nothing restored."; exit 1; }
fi
run_registry_command "--registry.backup.restore=$file"
echo "Restored $file into $target. Start the registry on it as usual."
