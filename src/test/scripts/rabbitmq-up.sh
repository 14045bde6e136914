#!/bin/bash
# Usage: rabbitmq-up.sh STATE_DIR PORT
#
# Runs a private RabbitMQ (Debian 12's rabbitmq-server, 3.10) for the tests: AMQP 0-9-1 on 127.0.0.1:PORT
# only, user "glance", password "glance-it-password" (administrator, all permissions on vhost "/"; no guest),
# no plugins. Erlang node it-PORT@localhost, its distribution port PORT+1 on 127.0.0.1, its own Erlang cookie.
# Everything lives in STATE_DIR: configuration (etc/), database (mnesia/), logs (log/), pid files (run/) and
# the node's HOME with the cookie (home/); STATE_DIR/rabbitmqctl runs rabbitmqctl against the node. Nothing is
# read from /etc/rabbitmq or /var/lib/rabbitmq: a system RabbitMQ (rabbit@HOST) is neither used nor touched.
# The node registers with epmd on 4369, starting it (on 127.0.0.1) when none runs; epmd is left running.
# Returns once a client logs in as glance and opens vhost "/". Stop it with rabbitmq-down.sh STATE_DIR.
#
# PORT and PORT+1 must be free; keep them off 5672 and 25672 (a system RabbitMQ's AMQP and distribution
# ports), 4369 and 35672-35682 (rabbitmqctl's own distribution ports).
#
# Idempotent: a node from this STATE_DIR that accepts glance on PORT is reused; one that does not (another
# PORT, hung) is stopped first. The user is made with the database, at the node's first start. Installs
# rabbitmq-server through ensure-debian-packages.sh when it is missing, unless RABBITMQ_UP_SKIP_PACKAGES=true.
# Test-only: fixed password.
#
# Startup, on 2 cores: about 3.5 s, new or reused STATE_DIR (5 to 6 s with a cold disk cache); 0.2 s to reuse.
set -euo pipefail

me=rabbitmq-up
skip_packages=${RABBITMQ_UP_SKIP_PACKAGES:-false}
. "$(dirname "$0")/up-common.sh" "$@"
# Nothing of the caller's RabbitMQ or Erlang settings: they would override the ones below.
while read -r var; do unset "$var"; done < <(compgen -e | grep -E '^(RABBITMQ_|ERL_)' || true)

node=it-$port@localhost
dist_port=$((port + 1))
user=glance
password=glance-it-password
server=/usr/lib/rabbitmq/bin/rabbitmq-server
# On the node's command line (an Erlang user flag, ignored by the node): tells this STATE_DIR's node apart.
marker="-rabbitmq_up_state $state"

# The pid of this STATE_DIR's Erlang VM, if one runs.
running_pid() {
    pgrep -f -- "$(printf '%s' "$marker" | sed 's/[.+]/\\&/g')( |\$)" | head -n 1 | grep .
}

# Whether a client logs in as glance on 127.0.0.1:PORT and opens vhost "/": AMQP 0-9-1 spoken over bash's
# /dev/tcp (protocol header; Connection.Start, Start-Ok with PLAIN; Tune, Tune-Ok; Open, Open-Ok; Close,
# Close-Ok). A wrong password or vhost makes the broker close the connection instead of answering.
amqp_login() {
    (
        exec 3<>"/dev/tcp/127.0.0.1/$port"
        frame() { timeout 5 head -c "$1" <&3 | od -An -v -tx1 | tr -d ' \n'; } # N bytes as hex
        printf 'AMQP\0\0\11\1' >&3
        header=$(frame 7) # type 1 (method), channel 0, payload size
        [ "${header:0:6}" = 010000 ] && [ "${#header}" -eq 14 ] || exit 1
        start=$(frame $((16#${header:6:8} + 1)))
        [ "${start:0:8}" = 000a000a ] || exit 1
        # Start-Ok: no client properties, PLAIN "\0glance\0glance-it-password" (26 bytes), locale en_US.
        printf '\1\0\0\0\0\0\62\0\12\0\13\0\0\0\0\5PLAIN\0\0\0\32\0%s\0%s\5en_US\316' "$user" "$password" >&3
        tune=$(frame 20)
        [ "${tune:14:8}" = 000a001e ] || exit 1
        # Tune-Ok: channel-max 1, frame-max 131072, no heartbeat; Open vhost "/".
        printf '\1\0\0\0\0\0\14\0\12\0\37\0\1\0\2\0\0\0\0\316' >&3
        printf '\1\0\0\0\0\0\10\0\12\0\50\1/\0\0\316' >&3
        open=$(frame 13)
        [ "${open:14:8}" = 000a0029 ] || exit 1
        # Close 200; Close-Ok.
        printf '\1\0\0\0\0\0\13\0\12\0\62\0\310\0\0\0\0\0\316' >&3
        close=$(frame 12)
        [ "${close:14:8}" = 000a0033 ]
    ) 2>/dev/null
}

if pid=$(running_pid) && amqp_login; then
    log "already running on 127.0.0.1:$port (node $node, pid $pid)"
    exit 0
fi

if [ "$skip_packages" = true ]; then
    [ -x "$server" ] || { echo "$me: $server is missing; install rabbitmq-server" >&2; exit 1; }
else
    sh "$here/ensure-debian-packages.sh" rabbitmq-server >&2
fi

if pid=$(running_pid); then
    log "stopping this state's node (pid $pid): it does not accept glance on port $port"
    "$here/rabbitmq-down.sh" "$state" >&2
fi
for p in "$port" "$dist_port"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
        echo "$me: port $p is taken by another process (PORT and PORT+1 must be free)" >&2
        exit 1
    fi
done
# The node name's host: Erlang resolves it (IPv4) to reach the node's epmd and distribution port (rabbitmqctl).
case " $(getent ahostsv4 localhost | cut -d ' ' -f 1 | tr '\n' ' ') " in
    *' 127.0.0.1 '*) ;;
    *) echo "$me: localhost does not resolve to 127.0.0.1 (see /etc/hosts)" >&2; exit 1 ;;
esac

etc=$state/etc
mkdir -p "$etc/conf.d" "$state/mnesia" "$state/log" "$state/run" "$state/home"
# The node's own Erlang cookie, which the CLI tools read from the same HOME: not ~/.erlang.cookie nor the
# system RabbitMQ's. Erlang refuses a cookie file that others can read.
if [ ! -s "$state/home/.erlang.cookie" ]; then
    (umask 077 && head -c 32 /dev/urandom | od -An -v -tx1 | tr -d ' \n' >"$state/home/.erlang.cookie")
fi
chmod 400 "$state/home/.erlang.cookie"

cat >"$etc/rabbitmq.conf" <<EOF
# Written by rabbitmq-up.sh for the tests; rewritten on every run.
listeners.tcp.1 = 127.0.0.1:$port
# Made with the database, when the node first starts; no guest then.
default_vhost = /
default_user = $user
default_pass = $password
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
log.file.level = info
log.console = false
EOF
echo '[].' >"$etc/advanced.config"
echo '[].' >"$etc/enabled_plugins"
echo '# Written by rabbitmq-up.sh: the node reads this instead of /etc/rabbitmq/rabbitmq-env.conf.' \
    >"$etc/rabbitmq-env.conf"

# The node's environment; STATE_DIR/rabbitmqctl gets the same. (The Debian wrappers in /usr/sbin would
# switch to user rabbitmq, HOME /var/lib/rabbitmq: the scripts in /usr/lib/rabbitmq/bin run as we are.)
environment="HOME=$state/home
RABBITMQ_NODENAME=$node
RABBITMQ_USE_LONGNAME=false
RABBITMQ_DIST_PORT=$dist_port
RABBITMQ_CONF_ENV_FILE=$etc/rabbitmq-env.conf
RABBITMQ_CONFIG_FILE=$etc/rabbitmq.conf
RABBITMQ_CONFIG_FILES=$etc/conf.d
RABBITMQ_ADVANCED_CONFIG_FILE=$etc/advanced.config
RABBITMQ_ENABLED_PLUGINS_FILE=$etc/enabled_plugins
RABBITMQ_MOTD_FILE=$etc/motd
RABBITMQ_MNESIA_BASE=$state/mnesia
RABBITMQ_LOG_BASE=$state/log
RABBITMQ_LOGS=$state/log/rabbit.log
RABBITMQ_PID_FILE=$state/run/rabbitmq.pid
ERL_CRASH_DUMP=$state/log/erl_crash.dump"
cat >"$state/rabbitmqctl" <<EOF
#!/bin/sh
# Written by rabbitmq-up.sh: rabbitmqctl for the node $node (e.g. list_queues, list_connections).
exec env $(echo "$environment" | tr '\n' ' ')/usr/lib/rabbitmq/bin/rabbitmqctl -n $node "\$@"
EOF
chmod 755 "$state/rabbitmqctl"
log "configuration written"

# In its own session, in the foreground mode of the rabbitmq-server script (a shell that waits for the VM
# and stops it on SIGTERM): its output in log/stdout.log. The VM's distribution listens on 127.0.0.1 only; an
# epmd it starts too (ERL_EPMD_ADDRESS). RabbitMQ writes the VM's pid to run/rabbitmq.pid.
cd "$state"
rm -f "$state/run/rabbitmq.pid"
# $environment is split into words (VAR=value) on purpose.
# shellcheck disable=SC2086
setsid env $environment ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} $marker" \
    "$server" </dev/null >>"$state/log/stdout.log" 2>&1 &
echo $! >"$state/run/launcher.pid"
log "node $node starting (AMQP 127.0.0.1:$port, distribution $dist_port, log $state/log/rabbit.log)"

for _ in $(seq 1 300); do
    if amqp_login; then
        log "accepting glance on 127.0.0.1:$port (node $node, pid $(running_pid || echo '?'))"
        exit 0
    fi
    kill -0 "$(cat "$state/run/launcher.pid")" 2>/dev/null || break
    sleep 0.2
done
if kill -0 "$(cat "$state/run/launcher.pid")" 2>/dev/null; then
    echo "$me: RabbitMQ did not accept glance on port $port within 60 s; logs in $state/log:" >&2
else
    echo "$me: RabbitMQ exited before it accepted glance on port $port; logs in $state/log:" >&2
fi
tail -n 30 "$state/log/stdout.log" "$state/log/rabbit.log" >&2 || true
"$here/rabbitmq-down.sh" "$state" >&2 || true
exit 1
