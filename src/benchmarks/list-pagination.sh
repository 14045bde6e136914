#!/usr/bin/env bash
# Benchmark: GET /v2/images paging with many images (default 100,000).
#
# Starts the server with server-config/run.sh on a scratch data directory and a spare port, creates the
# images, then times the first page, pages deep in the set via marker, a walk over every page (checking
# each image is seen exactly once) and a few filtered queries, and prints a table. Stops the server it
# started on exit.
#
#   src/benchmarks/list-pagination.sh                              # 100,000 images on H2, created by POST
#   SEED=sql src/benchmarks/list-pagination.sh                     # same images, written below the API
#   N=20000 src/benchmarks/list-pagination.sh                      # fewer
#   GLANCE_DATA_DIR=/tmp/bench src/benchmarks/list-pagination.sh   # reuse a directory: images are made once
#   GLANCE_DB_URL='jdbc:mariadb://127.0.0.1:3306/glance?user=..&password=..' src/benchmarks/list-pagination.sh
#
# Environment:
#   N               images (100000)
#   SEED            api (default): parallel POST /v2/images, a few hundred per second on an idle machine;
#                   sql: stop the server, insert the same images with BulkInsert.java, start it again
#   THREADS         parallel creators for SEED=api (16)
#   RUNS            timed repetitions per query (9)
#   GLANCE_PORT     default: a free port
#   GLANCE_DATA_DIR default: a new directory under /tmp
#   GLANCE_DB_URL   default: H2 in the data directory; for MariaDB give an empty database (or the same again)
#   KEEP_SERVER=1   leave the server running at the end
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
N=${N:-100000}
SEED=${SEED:-api}
THREADS=${THREADS:-16}
RUNS=${RUNS:-9}
port=${GLANCE_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
data=${GLANCE_DATA_DIR:-$(mktemp -d /tmp/glance-bench.XXXXXX)}
mkdir -p "$data"
data=$(cd "$data" && pwd)
log=$data/server.log
server=

ready_lines() {
    if [ -f "$log" ]; then grep -c 'Payara Micro .* ready in' "$log" || true; else echo 0; fi
}

start_server() {
    # Ready means Micro's "ready" line and then an answer: on a restart Micro first deploys the copy kept
    # in its root directory and then redeploys the WAR, answering 503 in between.
    local before
    before=$(ready_lines)
    GLANCE_PORT=$port GLANCE_DATA_DIR=$data "$top/server-config/run.sh" >>"$log" 2>&1 &
    server=$!
    local began=$SECONDS deadline=$((SECONDS + 600)) # run.sh may build first
    until [ "$(ready_lines)" -gt "$before" ] && curl -sf "http://127.0.0.1:$port/versions" >/dev/null; do
        if ! kill -0 "$server" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
            echo "[bench] the server did not come up; end of $log:" >&2
            tail -n 40 "$log" >&2
            exit 1
        fi
        sleep 1
    done
    echo "[bench] server up on port $port after $((SECONDS - began)) s"
}

stop_server() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill "$server" && wait "$server" 2>/dev/null || true
    fi
    server=
}

finish() {
    if [ "${KEEP_SERVER:-0}" = 1 ] && [ -n "$server" ]; then
        echo "[bench] server left running: pid $server, http://127.0.0.1:$port"
    else
        stop_server
    fi
}
trap finish EXIT

echo "[bench] data directory $data, database ${GLANCE_DB_URL:-H2 in the data directory}"
start_server # also creates the schema

# How many bench images this database already has; per database, so a new MariaDB starts over.
state=$data/bench-images-$(printf '%s' "${GLANCE_DB_URL:-h2}" | cksum | cut -d' ' -f1).txt
have=$(cat "$state" 2>/dev/null || echo 0)
if [ "$SEED" = sql ] && [ "$have" -lt "$N" ]; then
    stop_server
    jars=$data/bench-jars
    mkdir -p "$jars"
    python3 - "$top" "$jars" <<'PY'
import sys, zipfile
top, out = sys.argv[1], sys.argv[2]
for archive, member, name in [
        (top + "/server-config/target/payara-micro.jar", "MICRO-INF/runtime/h2.jar", "h2.jar"),
        (top + "/glance-web/target/glance.war", None, "mariadb.jar")]:
    with zipfile.ZipFile(archive) as z:
        member = member or next(n for n in z.namelist() if "mariadb-java-client" in n)
        with open(out + "/" + name, "wb") as f:
            f.write(z.read(member))
PY
    url=${GLANCE_DB_URL:-jdbc:h2:file:$data/db/glance}
    echo "[bench] inserting images $have..$((N - 1)) with BulkInsert (server stopped)"
    java -cp "$jars/h2.jar:$jars/mariadb.jar" "$here/BulkInsert.java" "$url" "$have" "$N"
    echo "$N" >"$state"
    start_server
fi

python3 "$here/list_pagination.py" --base "http://127.0.0.1:$port" --count "$N" --threads "$THREADS" \
    --runs "$RUNS" --state "$state"
