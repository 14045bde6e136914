#!/bin/bash
# Usage: swift-down.sh STATE_DIR
#
# Stops the Swift that swift-up.sh started from STATE_DIR (its servers and its memcached). Keeps the data.
set -uo pipefail

if [ "$#" -ne 1 ]; then
    echo "usage: $0 STATE_DIR" >&2
    exit 2
fi
run=$1/run
for name in proxy object container account memcached; do
    pidfile=$run/$name.pid
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill "$pid" 2>/dev/null; then
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null
    fi
    rm -f "$pidfile"
done
exit 0
