#!/bin/bash
# Usage: swift-up.sh STATE_DIR PORT
#
# Runs a real OpenStack Swift (Debian 12's swift packages) as a single-node object store on 127.0.0.1 for the
# tests: the proxy on PORT with tempauth (account "glance", user "tester", key "testing", an admin of the
# account) and static large objects, the account, container and object servers on PORT+1..PORT+3 and a
# memcached (tempauth keeps its tokens there) on PORT+4. Everything lives in STATE_DIR: the configuration and
# rings (etc/), the storage device (devices/), logs (log/) and pid files (run/). Nothing is read from
# /etc/swift. Stop it with swift-down.sh STATE_DIR.
#
# Idempotent: a Swift already answering on PORT from this STATE_DIR is reused. Installs the packages through
# ensure-debian-packages.sh when they are missing, unless SWIFT_UP_SKIP_PACKAGES=true. Test-only: fixed key.
set -euo pipefail

me=swift-up
. "$(dirname "$0")/up-common.sh" "$@"

auth_ok() {
    curl -sf -o /dev/null -m 3 -H 'X-Auth-User: glance:tester' -H 'X-Auth-Key: testing' \
        "http://127.0.0.1:$port/auth/v1.0"
}

if [ -f "$state/run/proxy.pid" ] && auth_ok; then
    log "already running on $port"
    exit 0
fi

if [ "${SWIFT_UP_SKIP_PACKAGES:-false}" != true ]; then
    sh "$here/ensure-debian-packages.sh" swift swift-proxy swift-account swift-container swift-object memcached curl >&2
fi

"$here/swift-down.sh" "$state" >/dev/null 2>&1 || true
etc=$state/etc
# The servers switch to this user; as root they would switch to "swift", who cannot write STATE_DIR.
user=$(id -un)
mkdir -p "$etc" "$state/devices/d1" "$state/log" "$state/run"

cat >"$etc/swift.conf" <<EOF
# Written by swift-up.sh for the tests.
[swift-hash]
swift_hash_path_suffix = glance-tests
swift_hash_path_prefix = glance-tests

[storage-policy:0]
name = Policy-0
default = yes
EOF

server_conf() { # KIND PORT [APP-OPTIONS]
    cat >"$etc/$1-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $2
devices = $state/devices
mount_check = false
swift_dir = $etc
user = $user
workers = 1
log_name = $1-server
log_facility = LOG_LOCAL0
disable_fallocate = true

[pipeline:main]
pipeline = $1-server

[app:$1-server]
use = egg:swift#$1
${3:-}

[$1-replicator]
[$1-updater]
[$1-auditor]
EOF
}
server_conf account $((port + 1))
server_conf container $((port + 2))
# An object server that misses its 1 s default for telling the container server about a new object queues
# the update for an updater daemon that we do not run, and the container listing lags: wait longer instead.
server_conf object $((port + 3)) $'conn_timeout = 5\ncontainer_update_timeout = 30'

cat >"$etc/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $port
swift_dir = $etc
user = $user
workers = 1
log_name = proxy-server

[pipeline:main]
pipeline = catch_errors gatekeeper proxy-logging cache listing_formats tempauth copy slo dlo proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

[filter:tempauth]
use = egg:swift#tempauth
user_glance_tester = testing .admin

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$((port + 4))

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
EOF

cd "$etc"
for ring in account:$((port + 1)) container:$((port + 2)) object:$((port + 3)); do
    kind=${ring%%:*}
    rm -f "$kind.builder" "$kind.ring.gz"
    swift-ring-builder "$kind.builder" create 8 1 1 >/dev/null
    swift-ring-builder "$kind.builder" add "r1z1-127.0.0.1:${ring##*:}/d1" 100 >/dev/null
    swift-ring-builder "$kind.builder" rebalance >/dev/null
done
log "configuration and rings written"

memcached -u "$user" -l 127.0.0.1 -p $((port + 4)) -m 16 -d -P "$state/run/memcached.pid"
for kind in account container object proxy; do
    nohup "swift-$kind-server" "$etc/$kind-server.conf" --verbose >"$state/log/$kind.log" 2>&1 &
    echo $! >"$state/run/$kind.pid"
done

listening() {
    local p
    for p in $((port + 1)) $((port + 2)) $((port + 3)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || return 1
    done
}

for _ in $(seq 1 150); do
    if listening && auth_ok; then
        log "answering on 127.0.0.1:$port"
        exit 0
    fi
    sleep 0.2
done
echo "$me: Swift did not answer on $port within 30 s; logs in $state/log" >&2
tail -n 20 "$state"/log/*.log >&2 || true
exit 1
