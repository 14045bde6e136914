#!/bin/bash
# Usage: keystone-up.sh STATE_DIR PORT
#
# Runs a real OpenStack Keystone (Debian 12's `keystone` package, identity API v3) on 127.0.0.1:PORT for the
# integration tests, with everything it keeps in STATE_DIR: keystone.conf, the sqlite database, the Fernet
# token and credential keys, the logs (log/), the uwsgi pid file (uwsgi.pid), and fixtures.properties, the
# fixture users and projects for the tests (written by keystone-fixtures.py, which also lists them).
# Stop it with keystone-down.sh STATE_DIR.
#
# Idempotent: on an existing STATE_DIR it reuses the database and keys (db_sync and bootstrap run again only
# when the keystone package version changed), reuses a Keystone that is already running from STATE_DIR on
# PORT, restarts one that runs on another port, and makes the fixtures and the identity endpoint match PORT.
#
# Installs keystone, uwsgi-core and uwsgi-plugin-python3 through ensure-debian-packages.sh when they are
# missing, unless KEYSTONE_UP_SKIP_PACKAGES=true (then they must be there). Test-only: fixed passwords.
#
# Startup, on 2 cores: about 6 s on a new STATE_DIR, 3 s on a reused one (the script logs its timings).
set -euo pipefail

me=keystone-up
. "$(dirname "$0")/up-common.sh" "$@"
python=/usr/bin/python3

if [ "${KEYSTONE_UP_SKIP_PACKAGES:-false}" = true ]; then
    for f in /usr/bin/keystone-manage /usr/bin/keystone-wsgi-public /usr/bin/uwsgi-core \
             /usr/lib/uwsgi/plugins/python3_plugin.so; do
        [ -e "$f" ] || { echo "$me: $f is missing; install keystone uwsgi-core uwsgi-plugin-python3" >&2; exit 1; }
    done
else
    sh "$here/ensure-debian-packages.sh" keystone uwsgi-core uwsgi-plugin-python3 >&2
fi

conf=$state/etc/keystone.conf
pidfile=$state/uwsgi.pid
admin_password=admin-it-password
mkdir -p "$state/etc" "$state/log" "$state/fernet-keys" "$state/credential-keys"

# Nothing here comes from /etc/keystone: keystone-manage gets --config-file, the WSGI app
# OS_KEYSTONE_CONFIG_FILES, and no policy file exists beside this one, so Keystone's built-in default
# policies apply (identity:validate_token allows the roles admin and service, and the token's own user).
cat >"$conf.new" <<EOF
# Written by keystone-up.sh for the integration tests; rewritten on every run.
[DEFAULT]
log_file = $state/log/keystone.log
use_stderr = false

[database]
connection = sqlite:///$state/keystone.sqlite
# No fsync per commit: the database is thrown away with the test run.
sqlite_synchronous = false

[identity]
# bcrypt at its minimum cost: every user creation and password authentication pays it (the default, 12,
# costs about 0.25 s of CPU each time).
password_hash_rounds = 4

[token]
provider = fernet
# Long enough for a whole test run; tests that need a token to end revoke it.
expiration = 43200

[fernet_tokens]
key_repository = $state/fernet-keys

[fernet_receipts]
key_repository = $state/fernet-keys

[credential]
key_repository = $state/credential-keys

[cache]
# In the worker process's memory (there is one; see the uwsgi command below). Without it every token
# validation reads the user, project, roles and revocations from sqlite (50 to 100 ms; 10 ms with it).
enabled = true
backend = dogpile.cache.memory

[oslo_policy]
policy_file = $state/etc/policy.yaml
EOF
mv "$conf.new" "$conf"

manage() {
    keystone-manage --config-file "$conf" "$@" >>"$state/log/keystone-manage.log" 2>&1 \
        || { echo "$me: keystone-manage $1 failed; see $state/log/keystone-manage.log and keystone.log" >&2; return 1; }
}

# A pid from the pid file that still is this STATE_DIR's uwsgi (not a recycled pid).
running_pid() {
    local pid
    [ -f "$pidfile" ] || return 1
    pid=$(cat "$pidfile")
    case "$pid" in '' | *[!0-9]*) return 1 ;; esac
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "uwsgi.*OS_KEYSTONE_CONFIG_FILES=$conf" || return 1
    echo "$pid"
}

# Whether GET PATH on 127.0.0.1:PORT answers 200 (bash's /dev/tcp: no curl needed).
answers() {
    (
        exec 3<>"/dev/tcp/127.0.0.1/$port"
        printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n' "$1" "$port" >&3
        IFS= read -r -t 10 status <&3
        case "$status" in "HTTP/1."?" 200 "*) exit 0 ;; *) exit 1 ;; esac
    ) 2>/dev/null
}

# Schema, keys and the bootstrap, once per keystone version (the marker holds the version they were made by).
version=$(dpkg-query -W -f='${Version}' python3-keystone 2>/dev/null || echo unknown)
bootstrapped=false
if [ "$(cat "$state/bootstrapped" 2>/dev/null || true)" = "$version" ]; then
    bootstrapped=true
else
    log "new state (keystone $version): db_sync, fernet_setup, credential_setup"
    # The key setups do not touch the database: they run beside db_sync (each keystone-manage is ~2 s of
    # Python imports). Both leave existing keys alone.
    manage fernet_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" &
    fernet=$!
    manage credential_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" &
    credential=$!
    manage db_sync
    # WAL journal (kept in the database file, so once is enough). In the default rollback journal a reader
    # holds a SHARED lock for its whole transaction (oslo.db opens one, BEGIN, for every read too), so a
    # writer in another process (keystone-manage bootstrap below, while the uwsgi worker starts; anything
    # that reads the file) waits for it and fails with "database is locked" after sqlite's 5 s busy
    # timeout. In WAL mode readers never block the writer nor the writer them.
    "$python" -I -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode=WAL")' \
        "$state/keystone.sqlite"
    wait "$fernet"
    wait "$credential"
fi

# Start uwsgi (unless this STATE_DIR's Keystone already answers on PORT); the bootstrap runs meanwhile.
if pid=$(running_pid) && answers /v3; then
    log "Keystone already running on port $port (pid $pid)"
    fresh_uwsgi=false
else
    if pid=$(running_pid); then
        log "stopping this state's Keystone (pid $pid): not answering on port $port"
        "$here/keystone-down.sh" "$state" >&2
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "$me: port $port is taken by another process" >&2
        exit 1
    fi
    rm -f "$pidfile"
    # --http-socket: uwsgi speaks HTTP itself, no router process. It closes the connection after each
    # response without saying so, and clients that keep connections (python-requests, java.net.http) then
    # send their next request into a closed socket ("Connection reset by peer"): hence "Connection: close".
    # One worker process with one thread: Keystone handles one request at a time, which is what keeps it
    # working under concurrent requests. With two workers, concurrent writes (revocations, creating
    # projects or users) fail with "database is locked" (HTTP 500, or the connection dropped), WAL or not:
    # oslo.db starts every transaction with a plain BEGIN, and a transaction that read first and then
    # writes while another process writes gets SQLITE_BUSY at once, without waiting. One worker also makes
    # the in-process cache (keystone.conf) safe: a revocation invalidates the only cache there is. With
    # the cache, one worker validates a token in about 10 ms. oslo.db's sqlite connections must stay in the
    # thread that opened them, so no threads. --lazy-apps: the worker loads Keystone, not the master.
    # --skip-atexit: Python's exit hooks crash the worker (SIGSEGV) on shutdown.
    # --daemonize: detached from the caller (its output pipe, its process group), pid in the pid file.
    uwsgi-core --plugin python3 --http-socket "127.0.0.1:$port" \
        --wsgi-file /usr/bin/keystone-wsgi-public --need-app \
        --master --processes 1 --threads 1 --lazy-apps --die-on-term --no-orphans --skip-atexit \
        --buffer-size 32768 --add-header 'Connection: close' \
        --env "OS_KEYSTONE_CONFIG_FILES=$conf" \
        --pidfile "$pidfile" --daemonize "$state/log/uwsgi.log" </dev/null
    log "uwsgi starting on 127.0.0.1:$port (log $state/log/uwsgi.log)"
    fresh_uwsgi=true
fi

if [ "$bootstrapped" = false ]; then
    # admin (password $admin_password) with role admin on project admin, the roles admin, member and reader
    # (admin implies member implies reader), region RegionOne and the identity service's public endpoint.
    # (The endpoint is made to match PORT again on every run, through the API, by keystone-fixtures.py.)
    manage bootstrap --bootstrap-username admin --bootstrap-password "$admin_password" \
        --bootstrap-project-name admin --bootstrap-role-name admin \
        --bootstrap-service-name keystone --bootstrap-region-id RegionOne \
        --bootstrap-public-url "http://127.0.0.1:$port/v3"
    echo "$version" >"$state/bootstrapped"
    log "bootstrapped"
fi

if [ "$fresh_uwsgi" = true ]; then
    for _ in $(seq 1 600); do
        answers /v3 && break
        if ! running_pid >/dev/null && [ -f "$pidfile" ]; then
            echo "$me: uwsgi exited; see $state/log/uwsgi.log:" >&2
            tail -n 30 "$state/log/uwsgi.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    answers /v3 || { echo "$me: Keystone did not answer on port $port within 60 s; see $state/log" >&2; exit 1; }
    log "Keystone answers on http://127.0.0.1:$port/v3 (pid $(cat "$pidfile"))"
fi

"$python" -I "$here/keystone-fixtures.py" "http://127.0.0.1:$port" "$admin_password" "$state/fixtures.properties"
log "fixtures in $state/fixtures.properties"
