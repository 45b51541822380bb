# Sourced by backup.sh and restore.sh: which database the application's backup command uses.
#
# - SPRING_DATASOURCE_URL set: that external PostgreSQL (with SPRING_DATASOURCE_USERNAME/PASSWORD).
# - otherwise, if the embedded PostgreSQL of a running registry answers on localhost:$REGISTRY_DB_PORT
#   (default 54329): that one, while the app keeps running.
# - otherwise the command starts the embedded PostgreSQL on $REGISTRY_DATA_DIR itself.

registry_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [ -z "${SPRING_DATASOURCE_URL:-}" ]; then
  port="${REGISTRY_DB_PORT:-54329}"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Using the running registry's embedded PostgreSQL on localhost:$port" >&2
    export SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$port/postgres"
    export SPRING_DATASOURCE_USERNAME=postgres
    export SPRING_DATASOURCE_PASSWORD=postgres
  fi
fi

# Runs the application once, without its web server and demo data, with extra arguments.
run_registry_command() {
  (cd "$registry_root" && ./mvnw -q -B spring-boot:run \
    -Dspring-boot.run.arguments="--spring.main.web-application-type=none --registry.demo-data.enabled=false $*")
}
