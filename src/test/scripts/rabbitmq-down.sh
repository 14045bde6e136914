#!/bin/bash
# Usage: rabbitmq-down.sh STATE_DIR
#
# Stops the RabbitMQ node that rabbitmq-up.sh started from STATE_DIR: SIGTERM to its Erlang VM, which RabbitMQ
# takes as `rabbitmqctl stop` (a clean shutdown), SIGKILL after 30 s; returns once the VM is gone. Only a VM
# whose command line names this STATE_DIR, never a recycled pid; epmd is left running (other nodes may use
# it). Keeps STATE_DIR (database, cookie, logs). Does nothing when the node is not running.
set -uo pipefail

me=rabbitmq-down
if [ "$#" -ne 1 ]; then
    echo "usage: $0 STATE_DIR" >&2
    exit 2
fi
[ -d "$1" ] || exit 0
state=$(cd "$1" && pwd -P)
# rabbitmq-up.sh puts "-rabbitmq_up_state STATE_DIR" on the VM's command line.
pattern="-rabbitmq_up_state $(printf '%s' "$state" | sed 's/[.+]/\\&/g')( |\$)"
pids=$(pgrep -f -- "$pattern")
if [ -n "$pids" ]; then
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null
    for _ in $(seq 1 300); do
        pgrep -f -- "$pattern" >/dev/null || break
        sleep 0.1
    done
    if pgrep -f -- "$pattern" >/dev/null; then
        echo "$me: RabbitMQ from $state ignored SIGTERM for 30 s; killing it" >&2
        # shellcheck disable=SC2046
        kill -KILL $(pgrep -f -- "$pattern") 2>/dev/null
        sleep 0.2
    fi
    echo "$me: stopped RabbitMQ from $state (pid ${pids//$'\n'/ })" >&2
fi
# The launcher shell ends with the VM.
launcher=$(cat "$state/run/launcher.pid" 2>/dev/null || true)
case "$launcher" in
    '' | *[!0-9]*) ;;
    *)
        for _ in $(seq 1 50); do
            tr '\0' ' ' 2>/dev/null <"/proc/$launcher/cmdline" | grep -q rabbitmq-server || break
            sleep 0.1
        done
        ;;
esac
rm -f "$state/run/rabbitmq.pid" "$state/run/launcher.pid"
exit 0
