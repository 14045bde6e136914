#!/usr/bin/env bash
# Benchmark of glance-jee (and, with --reference, of the real OpenStack Glance 25 side by side), both on
# one private MariaDB and on loopback only. Not a test: it prints figures.
#
#   src/benchmarks/run.sh [options]
#     --reference          also measure the real Glance 25 (Debian glance-api, started with
#                          ../shared/reference/glance/glance-up.sh: noauth, no image cache, 2 workers,
#                          file store, its [database] pointed at the same MariaDB) and print ratios
#     --reference-only     measure only the real Glance
#     --work DIR           scratch folder: MariaDB, data of both servers, test files (default /tmp/glance-bench)
#     --image-mib N        size of the upload/download image (default 1024 = 1 GiB)
#     --runs N             uploads and downloads of that image; the median is reported (default 3)
#     --catalogue N        images in the catalogue before the show/list/create runs (default 3000)
#     --duration S         seconds of each wrk run (default 15), after --warmup S of warm-up (default 5)
#     --threads N          wrk threads (default 2); --connections N wrk connections (default 16)
#     --memory-gib N       size of the upload/download during which memory is sampled (default 4; 0 skips)
#     --jee-java-opts "…"  GLANCE_JAVA_OPTS for our server (default: run.sh's own default)
#     --port N / --ref-port N / --db-port N   (defaults 19480 / 19481 / 19482)
#
# What it measures, for each server in turn (never both at once):
#   upload MB/s      curl -T <random file> PUT /v2/images/{id}/file   (bytes / 1e6 / curl's time_total)
#   download MB/s    curl -o /dev/null GET /v2/images/{id}/file
#   show, list, create req/s   wrk on GET /v2/images/{id}, GET /v2/images?limit=25, POST /v2/images (create.lua)
#   memory           VmRSS of the server process(es) from /proc and, for the JVM, heap used from
#                    jcmd GC.heap_info, sampled every second during an N GiB upload and its download
# The wrk output, server logs and a copy of the table stay in the work folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/lib.sh"

REF_UP=$top/../shared/reference/glance/glance-up.sh
REF_DOWN=$top/../shared/reference/glance/glance-down.sh
# The real Glance 25 measured earlier on this kind of machine (2 workers, MariaDB, file store);
# shown when --reference is not given.
declare -A EARLIER=([upload]=234 [download]=1300 [show]=176 [create]=84 [list]=80)

RUN_JEE=1 RUN_REF=0
WORK=/tmp/glance-bench
IMAGE_MIB=1024 RUNS=3 CATALOGUE=3000 MEMORY_GIB=4
WRK_DURATION=15 WRK_WARMUP=5 WRK_THREADS=2 WRK_CONNECTIONS=16
JEE_PORT=19480 REF_PORT=19481 DB_PORT=19482
JEE_JAVA_OPTS=
while [ $# -gt 0 ]; do
    case "$1" in
        --reference) RUN_REF=1 ;;
        --reference-only) RUN_REF=1 RUN_JEE=0 ;;
        --work) WORK=$2; shift ;;
        --image-mib) IMAGE_MIB=$2; shift ;;
        --runs) RUNS=$2; shift ;;
        --catalogue) CATALOGUE=$2; shift ;;
        --duration) WRK_DURATION=$2; shift ;;
        --warmup) WRK_WARMUP=$2; shift ;;
        --threads) WRK_THREADS=$2; shift ;;
        --connections) WRK_CONNECTIONS=$2; shift ;;
        --memory-gib) MEMORY_GIB=$2; shift ;;
        --jee-java-opts) JEE_JAVA_OPTS=$2; shift ;;
        --port) JEE_PORT=$2; shift ;;
        --ref-port) REF_PORT=$2; shift ;;
        --db-port) DB_PORT=$2; shift ;;
        -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

ensure_debs wrk curl
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
stamp=$(date +%Y%m%d-%H%M%S)
WRK_LOG=$WORK/wrk-$stamp.log
declare -A R=()

JEE_PID= REF_STARTED=0
cleanup() {
    sampler_stop
    [ -n "$JEE_PID" ] && stop_pid "$JEE_PID"
    [ $REF_STARTED = 1 ] && "$REF_DOWN" --dir "$WORK/ref-state" >/dev/null 2>&1
    mariadb_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ test files
IMAGE_FILE=$WORK/random-${IMAGE_MIB}m.img
if [ ! -f "$IMAGE_FILE" ] || [ "$(stat -c %s "$IMAGE_FILE")" != $((IMAGE_MIB * 1048576)) ]; then
    log "writing $IMAGE_MIB MiB of random data to $IMAGE_FILE"
    head -c $((IMAGE_MIB * 1048576)) /dev/urandom > "$IMAGE_FILE.tmp" && mv "$IMAGE_FILE.tmp" "$IMAGE_FILE"
fi
BIG_FILE=$WORK/sparse-${MEMORY_GIB}g.img   # zeros, sparse: costs no disk and reads at memory speed
[ "$MEMORY_GIB" -gt 0 ] && truncate -s "${MEMORY_GIB}G" "$BIG_FILE"

# ------------------------------------------------------------------ one server, all measurements
# R[side.metric] is the rate; C[side.metric] the server's and MariaDB's CPU per unit ("1.23 0.01"):
# CPU seconds per GB moved for transfers, CPU milliseconds per request for wrk runs.
declare -A C=()
per_unit() { # cpu-seconds units scale : cpu-seconds * scale / units
    awk -v c="$1" -v n="$2" -v k="$3" 'BEGIN { if (n > 0) printf "%.3g", c * k / n; else print 0 }'
}

transfers() { # side metric upload|download file|- url... : one transfer per url; medians of the runs
    local side=$1 key=$2 kind=$3 file=$4 url mbps srv db bytes rates=() srvs=() dbs=()
    shift 4
    for url in "$@"; do
        if [ "$kind" = upload ]; then
            read -r mbps srv db bytes <<< "$(transfer upload "$url/file" "$file" || true)"
        else
            read -r mbps srv db bytes <<< "$(transfer download "$url/file" || true)"
        fi
        rates+=("$mbps"); srvs+=("$(per_unit "$srv" "$bytes" 1e9)"); dbs+=("$(per_unit "$db" "$bytes" 1e9)")
        log "  $mbps MB/s; server CPU ${srvs[-1]} s/GB, MariaDB ${dbs[-1]} s/GB"
    done
    R[$side.$key]=$(median "${rates[@]}")
    C[$side.$key]="$(median "${srvs[@]}") $(median "${dbs[@]}")"
}

load() { # side metric url [lua]
    local side=$1 key=$2 rps srv db n
    shift 2
    read -r rps srv db n <<< "$(wrk_run "$@")"
    R[$side.$key]=$rps
    C[$side.$key]="$(per_unit "$srv" "$n" 1000) $(per_unit "$db" "$n" 1000)"
    log "  $rps req/s; server CPU $(cut -d' ' -f1 <<< "${C[$side.$key]}") ms/request, MariaDB $(cut -d' ' -f2 <<< "${C[$side.$key]}") ms/request"
}

measure() { # side base-url pid
    local side=$1 base=$2 pid=$3 i id ids=() have out
    SRV_PIDS=$pid
    for i in $(seq 1 "$RUNS"); do
        id=$(create_image "$base" "bench-upload-$i"); [ -n "$id" ] || die "[$side] cannot create an image"
        ids+=("$id")
    done
    log "[$side] upload of $IMAGE_MIB MiB x $RUNS"
    transfers "$side" upload upload "$IMAGE_FILE" "${ids[@]/#/$base/v2/images/}"
    log "[$side] download of $IMAGE_MIB MiB x $RUNS"
    local urls=()
    for i in $(seq 1 "$RUNS"); do urls+=("$base/v2/images/${ids[0]}"); done
    transfers "$side" download download - "${urls[@]}"
    for id in "${ids[@]:1}"; do curl -s -o /dev/null -X DELETE "$base/v2/images/$id"; done

    have=$(( $(curl -s "$base/v2/images?limit=1000" | grep -o '"id": *"' | wc -l) ))
    if [ "$have" -lt "$CATALOGUE" ]; then
        log "[$side] adding $((CATALOGUE - have)) images to the catalogue"
        out=$(/usr/bin/python3 "$here/seed.py" "$base" $((CATALOGUE - have)) 4)
        log "  created $(awk '{print $1}' <<< "$out"), failed $(awk '{print $2}' <<< "$out"), in $(awk '{print $3}' <<< "$out") s"
    fi

    log "[$side] show: GET /v2/images/{id}, wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${WRK_DURATION}s"
    load "$side" show "$base/v2/images/${ids[0]}"
    log "[$side] list: GET /v2/images?limit=25 over $CATALOGUE images"
    load "$side" list "$base/v2/images?limit=25"
    log "[$side] create: POST /v2/images"
    load "$side" create "$base/v2/images" "$here/create.lua"

    if [ "$MEMORY_GIB" -gt 0 ]; then
        local samples=$WORK/memory-$side-$stamp
        sampler_start "$samples.idle" "$pid"; sleep 2.5; sampler_stop
        R[$side.rss_idle]=$(sample_max_mib "$samples.idle" 1)
        id=$(create_image "$base" "bench-memory")
        log "[$side] memory during a $MEMORY_GIB GiB upload (idle RSS ${R[$side.rss_idle]} MiB)"
        sampler_start "$samples.upload" "$pid"
        transfers "$side" upload_big upload "$BIG_FILE" "$base/v2/images/$id"
        sampler_stop
        R[$side.rss_upload]=$(sample_max_mib "$samples.upload" 1)
        R[$side.heap_upload]=$(sample_max_mib "$samples.upload" 2)
        log "  RSS max ${R[$side.rss_upload]} MiB, heap used max ${R[$side.heap_upload]} MiB"
        log "[$side] memory during its download"
        sampler_start "$samples.download" "$pid"
        transfers "$side" download_big download - "$base/v2/images/$id"
        sampler_stop
        R[$side.rss_download]=$(sample_max_mib "$samples.download" 1)
        R[$side.heap_download]=$(sample_max_mib "$samples.download" 2)
        log "  RSS max ${R[$side.rss_download]} MiB, heap used max ${R[$side.heap_download]} MiB"
        curl -s -o /dev/null -X DELETE "$base/v2/images/$id"
    fi
}

# ------------------------------------------------------------------ run
log "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);" \
    "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
mariadb_start "$WORK/mariadb" "$DB_PORT"

if [ $RUN_JEE = 1 ]; then
    port_open "$JEE_PORT" && die "port $JEE_PORT is taken; choose another with --port"
    rm -rf "$WORK/jee-data"
    log "[jee] starting server-config/run.sh on 127.0.0.1:$JEE_PORT (log $WORK/jee-$stamp.log)"
    env GLANCE_PORT="$JEE_PORT" GLANCE_DATA_DIR="$WORK/jee-data" \
        GLANCE_DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/glance_jee?user=glance_jee&password=bench-jee" \
        ${JEE_JAVA_OPTS:+GLANCE_JAVA_OPTS="$JEE_JAVA_OPTS"} \
        "$top/server-config/run.sh" < /dev/null > "$WORK/jee-$stamp.log" 2>&1 &
    JEE_PID=$!   # run.sh execs java, so this is the JVM
    wait_http "http://127.0.0.1:$JEE_PORT/healthcheck" 900 "$JEE_PID" || { tail -30 "$WORK/jee-$stamp.log" >&2; die "glance-jee did not start"; }
    log "[jee] up: pid $JEE_PID ($(cat /proc/$JEE_PID/comm)), $(tr '\0' ' ' < /proc/$JEE_PID/cmdline | grep -o -- '-X[^ ]*' | tr '\n' ' ')"
    measure jee "http://127.0.0.1:$JEE_PORT" "$JEE_PID"
    stop_pid "$JEE_PID"; JEE_PID=
fi

if [ $RUN_REF = 1 ]; then
    [ -x "$REF_UP" ] || die "$REF_UP not found"
    ensure_debs python3-pymysql
    port_open "$REF_PORT" && die "port $REF_PORT is taken; choose another with --ref-port"
    log "[ref] starting Glance 25 with glance-up.sh on 127.0.0.1:$REF_PORT (2 workers, no cache, MariaDB)"
    REF_STARTED=1
    GLANCE_WORKERS=2 GLANCE_DB_URL="mysql+pymysql://glance_ref:bench-ref@127.0.0.1:$DB_PORT/glance_ref?charset=utf8" \
        "$REF_UP" --fresh --dir "$WORK/ref-state" --port "$REF_PORT" --no-cache --auth noauth \
        > "$WORK/ref-up-$stamp.log" 2>&1 || { tail -30 "$WORK/ref-up-$stamp.log" >&2; die "glance-up.sh failed"; }
    grep -q '^connection = mysql+pymysql://' "$WORK/ref-state/glance/etc/glance-api.conf" || die "Glance is not on MariaDB"
    ref_pid=$(cat "$WORK/ref-state/glance/run/glance-api.pid")
    log "[ref] up: pid $ref_pid with workers $(pgrep -P "$ref_pid" | tr '\n' ' ')"
    measure ref "http://127.0.0.1:$REF_PORT" "$ref_pid"
    "$REF_DOWN" --dir "$WORK/ref-state" >/dev/null 2>&1; REF_STARTED=0
fi
mariadb_stop

# ------------------------------------------------------------------ table
row() { # label key kind(rate|mem) target
    local jee=${R[jee.$2]:--} ref=${R[ref.$2]:--} ratio=- mark=
    if [ $RUN_REF = 0 ] && [ -n "${EARLIER[$2]:-}" ]; then ref=${EARLIER[$2]}; mark='*'; fi
    if [ "$3" = rate ] && [ "$jee" != - ] && [ "$ref" != - ]; then
        ratio=$(awk -v a="$jee" -v b="$ref" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }')
    fi
    printf '%-32s %-14s %-14s %-9s %s\n' "$1" "$jee" "$ref$mark" "$ratio" "$4"
}
cost_row() { # label key : "server+db" CPU per unit; ratio = glance-25 total / glance-jee total
    local jee=${C[jee.$2]:-} ref=${C[ref.$2]:-} ratio=-
    if [ -n "$jee" ] && [ -n "$ref" ]; then
        ratio=$(awk -v a="$jee" -v b="$ref" 'BEGIN { split(a, x, " "); split(b, y, " ");
            t = x[1] + x[2]; if (t > 0) printf "%.1fx", (y[1] + y[2]) / t; else print "-" }')
    fi
    printf '%-32s %-14s %-14s %s\n' "$1" "${jee:+${jee/ /+}}" "${ref:+${ref/ /+}}" "$ratio"
}
{
    echo
    echo "glance-jee benchmark $stamp: $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg)," \
        "CPU pressure $(sed -n 's/^some avg10=[^ ]* avg60=\([^ ]*\) .*/\1/p' /proc/pressure/cpu 2>/dev/null || echo ?)% (avg60)"
    echo "wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${WRK_DURATION}s after ${WRK_WARMUP}s warm-up; transfers: median of $RUNS; catalogue $CATALOGUE images"
    printf '%-32s %-14s %-14s %-9s %s\n' metric glance-jee glance-25 ratio target
    row "upload ${IMAGE_MIB} MiB MB/s" upload rate ">= 450"
    row "download ${IMAGE_MIB} MiB MB/s" download rate ">= 2000"
    row "show req/s" show rate ">= 20x"
    row "create req/s" create rate ">= 10x"
    row "list limit=25 req/s" list rate ">= 20x"
    if [ "$MEMORY_GIB" -gt 0 ]; then
        row "upload ${MEMORY_GIB} GiB MB/s" upload_big rate ""
        row "download ${MEMORY_GIB} GiB MB/s" download_big rate ""
        row "RSS idle MiB" rss_idle mem ""
        row "RSS max, ${MEMORY_GIB} GiB upload MiB" rss_upload mem "flat"
        row "heap used max, upload MiB" heap_upload mem "flat"
        row "RSS max, ${MEMORY_GIB} GiB download MiB" rss_download mem "flat"
        row "heap used max, download MiB" heap_download mem "flat"
    fi
    [ $RUN_REF = 0 ] && echo "* earlier measurement of Glance 25 on this kind of machine, not measured now (--reference measures it)"
    echo
    echo "CPU per unit, server+MariaDB (lower is better; ratio = glance-25 / glance-jee)"
    printf '%-32s %-14s %-14s %s\n' cost glance-jee glance-25 ratio
    cost_row "upload CPU s/GB" upload
    cost_row "download CPU s/GB" download
    cost_row "show CPU ms/request" show
    cost_row "create CPU ms/request" create
    cost_row "list CPU ms/request" list
    echo "RSS of glance-25 = parent + worker processes; wrk output in $WRK_LOG"
} | tee "$WORK/results-$stamp.txt"
