#!/bin/bash
# Usage: keystone-down.sh STATE_DIR
#
# Stops the Keystone that keystone-up.sh started from STATE_DIR (the uwsgi master in STATE_DIR/uwsgi.pid,
# and with it its workers): SIGTERM, SIGKILL after 10 s. Leaves STATE_DIR itself alone, so keystone-up.sh
# can start it again on the same database. Does nothing when it is not running.
set -euo pipefail

me=keystone-down
if [ "$#" -ne 1 ]; then
    echo "usage: $0 STATE_DIR" >&2
    exit 2
fi
[ -d "$1" ] || exit 0
state=$(cd "$1" && pwd -P)
pidfile=$state/uwsgi.pid
[ -f "$pidfile" ] || exit 0
pid=$(cat "$pidfile")
# Only a pid that still is this state's uwsgi: never a recycled pid.
case "$pid" in '' | *[!0-9]*) rm -f "$pidfile"; exit 0 ;; esac
if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null \
        | grep -q -- "uwsgi.*OS_KEYSTONE_CONFIG_FILES=$state/etc/keystone.conf"; then
    rm -f "$pidfile"
    exit 0
fi
workers=$(pgrep -P "$pid" || true)
kill -TERM "$pid" 2>/dev/null || true
for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
    echo "$me: uwsgi $pid ignored SIGTERM for 10 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    # its workers would outlive a killed master
    for worker in $workers; do
        kill -KILL "$worker" 2>/dev/null || true
    done
fi
rm -f "$pidfile"
echo "$me: stopped Keystone (uwsgi $pid)" >&2
