#!/bin/bash
# Usage: glance-up.sh STATE_DIR PORT
#
# Runs the real OpenStack Glance (Debian 12's glance-api, 25.x) on 127.0.0.1:PORT for the tests that compare
# with it or use it as a peer (the replicator's). Debian's unauthenticated pipeline: every request is an admin
# with no project (and no roles: a policy file lets it make images public, which Glance's defaults keep to the
# admin role). One worker, a SQLite database, one file store ("local"), no image cache, immediate delete.
# Everything lives in STATE_DIR: configuration (etc/), database, image files (images/), logs (log/) and the pid
# file (run/). Nothing is read from /etc/glance but Debian's paste pipeline definitions. Stop it with
# glance-down.sh STATE_DIR.
#
# Idempotent: a Glance already answering on PORT from this STATE_DIR is reused. Installs glance-api through
# ensure-debian-packages.sh when it is missing, unless GLANCE_UP_SKIP_PACKAGES=true.
set -euo pipefail

me=glance-up
. "$(dirname "$0")/up-common.sh" "$@"

answers() {
    curl -sf -o /dev/null -m 3 "http://127.0.0.1:$port/v2/images"
}

if [ -f "$state/run/glance-api.pid" ] && answers; then
    log "already running on $port"
    exit 0
fi

if [ "${GLANCE_UP_SKIP_PACKAGES:-false}" != true ]; then
    sh "$here/ensure-debian-packages.sh" glance-api curl >&2
fi

"$here/glance-down.sh" "$state" >/dev/null 2>&1 || true
etc=$state/etc
mkdir -p "$etc" "$state/images" "$state/staging" "$state/tasks" "$state/lock" "$state/log" "$state/run"
cp /etc/glance/glance-api-paste.ini "$etc/glance-api-paste.ini"

cat >"$etc/glance-api.conf" <<CONF
# Written by glance-up.sh for the tests.
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $port
workers = 1
log_file = $state/log/glance-api.log
enabled_backends = local:file
delayed_delete = false

[database]
connection = sqlite:///$state/glance.sqlite

[glance_store]
default_backend = local

[local]
filesystem_store_datadir = $state/images

[os_glance_staging_store]
filesystem_store_datadir = $state/staging

[os_glance_tasks_store]
filesystem_store_datadir = $state/tasks

[oslo_concurrency]
lock_path = $state/lock

[paste_deploy]
config_file = $etc/glance-api-paste.ini
flavor =

[oslo_policy]
policy_file = $etc/policy.yaml
CONF
echo '"publicize_image": ""' >"$etc/policy.yaml"

if [ ! -f "$state/glance.sqlite" ]; then
    glance-manage --config-file "$etc/glance-api.conf" db_sync >"$state/log/db_sync.log" 2>&1 \
        || { cat "$state/log/db_sync.log" >&2; exit 1; }
    log "database created"
fi

setsid glance-api --config-file "$etc/glance-api.conf" </dev/null >>"$state/log/glance-api.stdout" 2>&1 &
echo $! >"$state/run/glance-api.pid"
for _ in $(seq 1 240); do
    if answers; then
        log "answering on 127.0.0.1:$port"
        exit 0
    fi
    if ! kill -0 "$(cat "$state/run/glance-api.pid")" 2>/dev/null; then
        break
    fi
    sleep 0.5
done
echo "$me: glance-api did not answer on $port; its log:" >&2
tail -n 40 "$state/log/glance-api.log" "$state/log/glance-api.stdout" >&2 || true
exit 1
