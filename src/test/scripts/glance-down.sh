#!/bin/bash
# Usage: glance-down.sh STATE_DIR
#
# Stops the Glance that glance-up.sh started from STATE_DIR. Keeps its database and images.
set -uo pipefail

if [ "$#" -ne 1 ]; then
    echo "usage: $0 STATE_DIR" >&2
    exit 2
fi
pidfile=$1/run/glance-api.pid
[ -f "$pidfile" ] || exit 0
pid=$(cat "$pidfile")
# setsid made it a process group leader: stop its workers too.
if kill -- "-$pid" 2>/dev/null; then
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -9 -- "-$pid" 2>/dev/null
fi
rm -f "$pidfile"
exit 0
