# Sourced by backup.sh and restore.sh: where the database is, and which client tools to use.

# The embedded PostgreSQL of a default run (see the app's log), unless PG* variables say otherwise.
export PGHOST="${PGHOST:-localhost}"
export PGPORT="${PGPORT:-${REGISTRY_DB_PORT:-54329}}"
export PGUSER="${PGUSER:-postgres}"
export PGDATABASE="${PGDATABASE:-postgres}"

# Prints the path of a PostgreSQL client tool (pg_dump, pg_restore): the one in PG_BIN when set;
# else one extracted by the embedded PostgreSQL under /tmp/embedded-pg; else the newest Debian
# or Ubuntu client under /usr/lib/postgresql; else the one on PATH.
find_pg_tool() {
  local name=$1 candidate
  if [ -n "${PG_BIN:-}" ]; then
    if [ -x "$PG_BIN/$name" ]; then
      echo "$PG_BIN/$name"
      return 0
    fi
    echo "PG_BIN=$PG_BIN has no executable $name" >&2
    return 1
  fi
  for candidate in $(ls -t /tmp/embedded-pg/PG-*/bin/"$name" 2>/dev/null) \
      $(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V -r); do
    if [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  if command -v "$name" >/dev/null 2>&1; then
    command -v "$name"
    return 0
  fi
  echo "No $name found. $(client_version_advice)" >&2
  return 1
}

client_version_advice() {
  echo "Connection refused? The embedded PostgreSQL runs only while the app runs. Version" \
    "mismatch? The client tools must be at least as new as the server: PostgreSQL 17 for the" \
    "registry's embedded database and for docker-compose.yml. Install postgresql-client-17" \
    "(Debian 13, or the PostgreSQL project's apt repository), or set PG_BIN to a PostgreSQL 17" \
    "bin directory. With docker compose, the db container has them: see db/README.md."
}
