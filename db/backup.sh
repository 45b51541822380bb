#!/usr/bin/env bash
# Writes a complete backup of the registry's database into one ZIP file (every table copied out
# with PostgreSQL's COPY, the sequences and the schema version). Needs only the JDK, like the app.
#
#   db/backup.sh [FILE]      default: ~/.case-registry/backups/registry-<UTC time>.zip
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/app-env.sh"

file="${1:-${REGISTRY_BACKUP_DIR:-$HOME/.case-registry/backups}/registry-$(date -u +%Y%m%dT%H%M%SZ).zip}"
mkdir -p "$(dirname "$file")"
file="$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"
umask 077
run_registry_command "--registry.backup.write=$file"
chmod 600 "$file"
echo "Backup written: $file"
