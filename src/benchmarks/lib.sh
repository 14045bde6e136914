# Helpers for run.sh (sourced): a private MariaDB, timed transfers, wrk runs, memory sampling.
# Everything talks to 127.0.0.1 only.

log() { echo "[bench] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ensure_debs() { # package... : installs what is missing, keeping packages' services from starting
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" = 0 ] || die "missing Debian packages ${missing[*]} (install them as root)"
    log "installing ${missing[*]} with apt-get"
    apt-cache show "${missing[0]}" >/dev/null 2>&1 || apt-get -o DPkg::Lock::Timeout=900 update -qq
    local guard=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; guard=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q \
        --no-install-recommends "${missing[@]}" >&2 || { [ $guard = 1 ] && rm -f /usr/sbin/policy-rc.d; die "apt-get failed"; }
    [ $guard = 1 ] && rm -f /usr/sbin/policy-rc.d
    return 0
}

wait_http() { # url timeout-seconds [pid-that-must-stay-alive]
    local deadline=$((SECONDS + $2)) code
    while [ $SECONDS -lt $deadline ]; do
        code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" || true)
        [ "$code" = 200 ] && return 0
        if [ -n "${3:-}" ] && ! kill -0 "$3" 2>/dev/null; then return 1; fi
        sleep 0.5
    done
    return 1
}

stop_pid() { # pid : TERM, then KILL after 20 s; only the process we started
    local pid=$1
    kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
}

# ------------------------------------------------------------------ MariaDB (private instance)
MARIADB_PID=
mariadb_start() { # dir port
    local dir=$1 port=$2
    ensure_debs mariadb-server mariadb-client
    port_open "$port" && die "port $port (MariaDB) is taken; choose another with --db-port"
    rm -rf "$dir"; mkdir -p "$dir/data" "$dir/tmp"
    mariadb-install-db --no-defaults --datadir="$dir/data" --user=root --auth-root-authentication-method=socket \
        --skip-test-db > "$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; die "mariadb-install-db failed"; }
    mariadbd --no-defaults --datadir="$dir/data" --tmpdir="$dir/tmp" --port="$port" --socket="$dir/mysqld.sock" \
        --pid-file="$dir/mysqld.pid" --bind-address=127.0.0.1 --user=root --skip-name-resolve \
        --innodb-buffer-pool-size=512M --max-connections=500 --log-error="$dir/error.log" < /dev/null > /dev/null 2>&1 &
    MARIADB_PID=$!
    for _ in $(seq 1 120); do
        mariadb --no-defaults -S "$dir/mysqld.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
        kill -0 "$MARIADB_PID" 2>/dev/null || { cat "$dir/error.log" >&2; die "mariadbd exited"; }
        sleep 0.25
    done
    mariadb --no-defaults -S "$dir/mysqld.sock" -uroot <<EOF || die "cannot create the databases"
CREATE DATABASE glance_jee CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE DATABASE glance_ref CHARACTER SET utf8mb3;
CREATE USER 'glance_jee'@'%' IDENTIFIED BY 'bench-jee';
CREATE USER 'glance_ref'@'%' IDENTIFIED BY 'bench-ref';
GRANT ALL ON glance_jee.* TO 'glance_jee'@'%';
GRANT ALL ON glance_ref.* TO 'glance_ref'@'%';
EOF
    log "MariaDB $(mariadbd --version | awk '{print $3}') on 127.0.0.1:$port (pid $MARIADB_PID, data $dir/data)"
}

mariadb_stop() {
    [ -n "$MARIADB_PID" ] || return 0
    stop_pid "$MARIADB_PID"
    MARIADB_PID=
}

# ------------------------------------------------------------------ measurements
# The machine may be shared, so besides wall-clock rates each measurement also reports the CPU time the
# server (SRV_PIDS: the process and its children) and MariaDB spent on it: a cost per MB or per request
# that other load on the machine disturbs much less than the rate.
SRV_PIDS=
CLK_TCK=$(getconf CLK_TCK)

cpu_ticks() { # pid... : utime + stime of these processes and their children, in clock ticks
    local t=0 p q v
    for p in "$@"; do
        for q in "$p" $(pgrep -P "$p" || true); do
            v=$(sed 's/.*) //' "/proc/$q/stat" 2>/dev/null | awk '{ print $12 + $13 }' || true)
            t=$((t + ${v:-0}))
        done
    done
    echo "$t"
}

cpu_seconds() { # ticks-before ticks-after
    awk -v a="$1" -v b="$2" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f\n", (b - a) / hz }'
}

transfer() { # upload url file | download url : prints "MB/s server-cpu-s db-cpu-s bytes"
    local out code secs bytes s0 d0 s1 d1 want=200
    s0=$(cpu_ticks $SRV_PIDS); d0=$(cpu_ticks $MARIADB_PID)
    if [ "$1" = upload ]; then
        want=204
        out=$(curl -s -o /dev/null -X PUT -H 'Content-Type: application/octet-stream' -H 'Expect:' \
            -T "$3" -w '%{http_code} %{time_total} %{size_upload}' "$2") || true
    else
        out=$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' "$2") || true
    fi
    s1=$(cpu_ticks $SRV_PIDS); d1=$(cpu_ticks $MARIADB_PID)
    read -r code secs bytes <<< "$out"
    [ "$code" = "$want" ] || { log "$1 answered ${code:-nothing} ($out)"; echo "0 0 0 0"; return 1; }
    echo "$(awk -v b="$bytes" -v s="$secs" 'BEGIN { printf "%.1f", b / 1e6 / s }') $(cpu_seconds "$s0" "$s1") $(cpu_seconds "$d0" "$d1") $bytes"
}

median() { # numbers... : the median (lower middle for an even count)
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

create_image() { # base-url name : prints the new image id
    curl -s -X POST -H 'Content-Type: application/json' \
        -d "{\"name\": \"$2\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}" "$1/v2/images" |
        sed -n 's/.*"id": *"\([0-9a-f-]\{36\}\)".*/\1/p'
}

WRK_LOG=/dev/null
wrk_run() { # url [lua-script] : prints "req/s server-cpu-s db-cpu-s requests" of a WRK_DURATION run after WRK_WARMUP
    local url=$1 script=${2:-} out rps n non2xx errors s0 d0 s1 d1
    local args=(-t "$WRK_THREADS" -c "$WRK_CONNECTIONS")
    [ -n "$script" ] && args+=(-s "$script")
    if [ "$WRK_WARMUP" -gt 0 ]; then
        wrk "${args[@]}" -d "${WRK_WARMUP}s" "$url" >> "$WRK_LOG" 2>&1 || true
    fi
    s0=$(cpu_ticks $SRV_PIDS); d0=$(cpu_ticks $MARIADB_PID)
    out=$(wrk "${args[@]}" -d "${WRK_DURATION}s" --latency "$url" 2>&1) || true
    s1=$(cpu_ticks $SRV_PIDS); d1=$(cpu_ticks $MARIADB_PID)
    printf '%s\n' "== $url ${script:+($script)}" "$out" >> "$WRK_LOG"
    rps=$(awk '/^Requests\/sec:/ { print $2 }' <<< "$out")
    n=$(awk '/ requests in / { print $1 }' <<< "$out")
    non2xx=$(awk -F: '/Non-2xx or 3xx responses/ { gsub(/ /, "", $2); print $2 }' <<< "$out")
    errors=$(sed -n 's/.*Socket errors: \(.*\)/\1/p' <<< "$out")
    [ -n "$non2xx" ] && log "  WARNING: $non2xx responses were not 2xx/3xx"
    [ -n "$errors" ] && log "  WARNING: socket errors: $errors"
    log "  $(awk '/Latency / && !/Distribution/ { print "latency avg " $2 ", stdev " $3 ", max " $4 }' <<< "$out");" \
        "p99 $(awk '$1 == "99%" { print $2 }' <<< "$out")"
    echo "${rps:-0} $(cpu_seconds "$s0" "$s1") $(cpu_seconds "$d0" "$d1") ${n:-0}"
}

# ------------------------------------------------------------------ memory sampling
# A background loop appends "rss_kib heap_used_kib heap_committed_kib" once a second until stopped.
# RSS is the sum of VmRSS over the given pids and their children (Glance's worker processes);
# the heap comes from jcmd GC.heap_info when the first pid is a JVM, otherwise "-".
SAMPLER_PID=
sampler_start() { # out-file pid
    local out=$1 pid=$2
    : > "$out"
    (
        while kill -0 "$pid" 2>/dev/null; do
            rss=0
            for p in "$pid" $(pgrep -P "$pid" || true); do
                kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$p/status" 2>/dev/null || true)
                rss=$((rss + ${kb:-0}))
            done
            heap="- -"
            if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = java ]; then
                heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '
                    match($0, /total [0-9]+K, used [0-9]+K/) {
                        split(substr($0, RSTART, RLENGTH), f, /[ ,K]+/); committed += f[2]; used += f[4]; seen = 1 }
                    END { if (seen) print used, committed; else print "- -" }')
            fi
            echo "$rss $heap" >> "$out"
            sleep 1
        done
    ) &
    SAMPLER_PID=$!
}

sampler_stop() {
    [ -n "$SAMPLER_PID" ] || return 0
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=
}

sample_max_mib() { # file column(1 rss, 2 heap used, 3 heap committed) : max in MiB, or - when none
    awk -v c="$2" '$c != "-" && $c + 0 > m { m = $c + 0; seen = 1 } END { if (seen) printf "%.0f\n", m / 1024; else print "-" }' "$1"
}
