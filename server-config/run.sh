#!/usr/bin/env bash
# Builds the server if needed and starts it on Payara Micro at http://127.0.0.1:9292 (GLANCE_BIND_HOST,
# GLANCE_PORT). In the default noauth mode the API also refuses callers from other addresses unless
# GLANCE_NOAUTH_ALLOW_REMOTE=true; set GLANCE_AUTH_STRATEGY=keystone (see glance.properties.sample) to serve others.
# With no settings it runs on the embedded default: H2 and the file store under $GLANCE_DATA_DIR
# (default ./glance-data). Point GLANCE_DB_URL at jdbc:mariadb://... to use MariaDB instead.
# GLANCE_JAVA_OPTS replaces the JVM options below. The parallel collector is the default because the
# API allocates many short-lived objects per request: on 2 cores it cost 20% less CPU per list and
# create request than G1 (src/benchmarks), for about 100 MiB more resident memory.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
war=$top/glance-web/target/glance.war
micro=$top/server-config/target/payara-micro.jar

newest_source=$(find "$top/pom.xml" "$top"/glance-*/pom.xml "$top"/glance-*/src "$top/server-config/pom.xml" \
    -type f -newer "$war" 2>/dev/null | head -n 1 || true)
if [ ! -f "$war" ] || [ ! -f "$micro" ] || [ -n "$newest_source" ]; then
    echo "[glance] building (mvn package, tests skipped)..."
    (cd "$top" && mvn -q -B -DskipTests package)
fi

export GLANCE_DATA_DIR=$(mkdir -p "${GLANCE_DATA_DIR:-$PWD/glance-data}" && cd "${GLANCE_DATA_DIR:-$PWD/glance-data}" && pwd)
port=${GLANCE_PORT:-9292}
bind_host=${GLANCE_BIND_HOST:-127.0.0.1}
# Payara Micro listens on every interface unless told; Glance's quick start is for this machine only.
preboot=$GLANCE_DATA_DIR/payara-preboot.txt
echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=$bind_host" > "$preboot"
echo "[glance] data directory: $GLANCE_DATA_DIR"
# the URL may carry the database password: never print it
echo "[glance] database: $(printf '%s' "${GLANCE_DB_URL:-embedded H2 under the data directory}" | sed -E 's/(password=)[^&;]*/\1*****/')"
echo "[glance] starting on http://$bind_host:$port ..."
exec java ${GLANCE_JAVA_OPTS:--Xmx1g -XX:+UseParallelGC} -Duser.timezone=UTC -jar "$micro" \
    --deploy "$war" --contextroot / \
    --port "$port" --nocluster --nohostaware --disablephonehome --prebootcommandfile "$preboot" \
    --rootdir "$GLANCE_DATA_DIR/payara-micro" \
    "$@"
