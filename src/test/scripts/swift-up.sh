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
#
# Keystone mode, when SWIFT_UP_KEYSTONE_URL is set (e.g. http://127.0.0.1:KPORT/v3, a Keystone that
# keystone-up.sh runs): the proxy authenticates with keystonemiddleware's authtoken and Swift's keystoneauth
# instead of tempauth (no tempauth, no /auth/v1.0): a project-scoped token of a user with role member or
# admin on a project may use the account AUTH_<project id> (created on first use); no token gets 401. Before
# it starts Swift, the script makes Keystone hold, through its v3 API as admin, creating only what is missing:
# the project "service", the service user "swift" (password "swift-it-password", domain Default) with role
# "service" on it, which authtoken validates tokens as, and an object-store service "swift" with one public
# and one internal endpoint in region RegionOne, http://127.0.0.1:PORT/v1/AUTH_%(project_id)s (existing
# ones are pointed at PORT). The admin it does that as, by default keystone-up.sh's:
#   SWIFT_UP_KEYSTONE_ADMIN_USER      admin (in domain Default)
#   SWIFT_UP_KEYSTONE_ADMIN_PASSWORD  admin-it-password
#   SWIFT_UP_KEYSTONE_ADMIN_PROJECT   admin (in domain Default; the user needs role admin on it)
# Swift counts as up when the admin's token gets into the admin project's account. A Swift from this
# STATE_DIR that runs in the other mode or against another Keystone URL is restarted. authtoken keeps a
# validated token in the memcached for 5 minutes: a revoked token may still work in Swift until then.
set -euo pipefail

me=swift-up
. "$(dirname "$0")/up-common.sh" "$@"

keystone_url=${SWIFT_UP_KEYSTONE_URL:-}
keystone_url=${keystone_url%/}
if [ -z "$keystone_url" ]; then
    auth_ok() {
        curl -sf -o /dev/null -m 3 -H 'X-Auth-User: glance:tester' -H 'X-Auth-Key: testing' \
            "http://127.0.0.1:$port/auth/v1.0"
    }
    mode_ok() { true; }
else
    case "$keystone_url" in
        http://?* | https://?*) ;;
        *) echo "$me: SWIFT_UP_KEYSTONE_URL must be an http(s) URL: $keystone_url" >&2; exit 2 ;;
    esac
    case "$keystone_url" in
        *[!A-Za-z0-9/:._-]*) echo "$me: SWIFT_UP_KEYSTONE_URL must be a plain URL: $keystone_url" >&2; exit 2 ;;
    esac
    # Keystone's project, user, service and endpoints for Swift (see above); prints an admin token and the
    # admin project's id.
    admin=$(/usr/bin/python3 -I - "$keystone_url" "${SWIFT_UP_KEYSTONE_ADMIN_USER:-admin}" \
        "${SWIFT_UP_KEYSTONE_ADMIN_PASSWORD:-admin-it-password}" "${SWIFT_UP_KEYSTONE_ADMIN_PROJECT:-admin}" \
        "http://127.0.0.1:$port/v1/AUTH_%(project_id)s" <<'EOF'
import json, sys, urllib.error, urllib.request

AUTH_URL, ADMIN, ADMIN_PASSWORD, ADMIN_PROJECT, SWIFT_URL = sys.argv[1:6]
DOMAIN, REGION = "default", "RegionOne"
USER, PASSWORD, PROJECT, ROLE = "swift", "swift-it-password", "service", "service"


# One request; returns (status, headers, JSON body or None). Any status but 2xx and those in `ok` is fatal.
def call(method, path, token=None, body=None, ok=()):
    request = urllib.request.Request(AUTH_URL + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Accept", "application/json")
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("X-Auth-Token", token)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            raw = response.read()
            return response.status, response.headers, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        if e.code in ok:
            return e.code, e.headers, None
        sys.exit("swift-up: Keystone: %s %s: %s %s" % (method, path, e.code, e.read().decode(errors="replace")))
    except OSError as e:
        sys.exit("swift-up: Keystone at %s: %s %s: %s" % (AUTH_URL, method, path, e))


def login(user, password, project, ok=()):
    return call("POST", "/auth/tokens", body={"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": user, "domain": {"id": DOMAIN}, "password": password}}},
        "scope": {"project": {"name": project, "domain": {"id": DOMAIN}}}}}, ok=ok)


_, headers, body = login(ADMIN, ADMIN_PASSWORD, ADMIN_PROJECT)
token, admin_project = headers["X-Subject-Token"], body["token"]["project"]["id"]

if call("GET", "/regions/" + REGION, token, ok=(404,))[0] == 404:
    call("POST", "/regions", token, {"region": {"id": REGION}})
projects = call("GET", "/projects?domain_id=%s&name=%s" % (DOMAIN, PROJECT), token)[2]["projects"]
project = projects[0]["id"] if projects else call("POST", "/projects", token, {"project": {
    "name": PROJECT, "domain_id": DOMAIN, "description": "service users"}})[2]["project"]["id"]
roles = call("GET", "/roles?name=" + ROLE, token)[2]["roles"]
role = roles[0]["id"] if roles else call("POST", "/roles", token, {"role": {"name": ROLE}})[2]["role"]["id"]
users = call("GET", "/users?domain_id=%s&name=%s" % (DOMAIN, USER), token)[2]["users"]
if users:
    user = users[0]["id"]
else:
    user = call("POST", "/users", token, {"user": {"name": USER, "domain_id": DOMAIN, "password": PASSWORD,
                                                   "default_project_id": project}})[2]["user"]["id"]
call("PUT", "/projects/%s/users/%s/roles/%s" % (project, user, role), token)
if login(USER, PASSWORD, PROJECT, ok=(401,))[0] == 401:
    call("PATCH", "/users/" + user, token, {"user": {"password": PASSWORD}})
    login(USER, PASSWORD, PROJECT)

services = call("GET", "/services?type=object-store", token)[2]["services"]
service = services[0]["id"] if services else call("POST", "/services", token, {"service": {
    "type": "object-store", "name": "swift", "description": "Swift (swift-up.sh)"}})[2]["service"]["id"]
endpoints = call("GET", "/endpoints?service_id=" + service, token)[2]["endpoints"]
for interface in ("public", "internal"):
    mine = [e for e in endpoints if e["interface"] == interface and e.get("region_id") == REGION]
    if not mine:
        call("POST", "/endpoints", token, {"endpoint": {"service_id": service, "interface": interface,
                                                        "region_id": REGION, "url": SWIFT_URL}})
        continue
    if mine[0]["url"] != SWIFT_URL or not mine[0].get("enabled", True):
        call("PATCH", "/endpoints/" + mine[0]["id"], token, {"endpoint": {"url": SWIFT_URL, "enabled": True}})
    for extra in mine[1:]:
        call("DELETE", "/endpoints/" + extra["id"], token)
print(token, admin_project)
EOF
    )
    admin_token=${admin%% *}
    admin_account=AUTH_${admin#* }
    log "object-store endpoints and user swift in Keystone $keystone_url"
    auth_ok() {
        curl -sf -o /dev/null -m 3 -I -H "X-Auth-Token: $admin_token" "http://127.0.0.1:$port/v1/$admin_account"
    }
    # The running proxy was configured for this Keystone.
    mode_ok() { grep -qxF "auth_url = $keystone_url" "$state/etc/proxy-server.conf" 2>/dev/null; }
fi

if [ -f "$state/run/proxy.pid" ] && mode_ok && auth_ok; then
    log "already running on $port"
    exit 0
fi

if [ "${SWIFT_UP_SKIP_PACKAGES:-false}" != true ]; then
    sh "$here/ensure-debian-packages.sh" swift swift-proxy swift-account swift-container swift-object memcached curl \
        ${keystone_url:+python3-keystonemiddleware} >&2
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

if [ -z "$keystone_url" ]; then
    auth_filters=tempauth
    auth_sections='[filter:tempauth]
use = egg:swift#tempauth
user_glance_tester = testing .admin'
else
    auth_filters='authtoken keystoneauth'
    # authtoken validates X-Auth-Token as user swift (interface public: keystone-up.sh's identity service
    # has only a public endpoint) and, with delay_auth_decision, leaves refusing to keystoneauth, which lets
    # the operator roles of project P use the account AUTH_P.
    auth_sections="[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
www_authenticate_uri = $keystone_url
auth_url = $keystone_url
auth_type = password
interface = public
region_name = RegionOne
user_domain_id = default
project_domain_id = default
project_name = service
username = swift
password = swift-it-password
delay_auth_decision = true
include_service_catalog = false
service_token_roles_required = true
cache = swift.cache

[filter:keystoneauth]
use = egg:swift#keystoneauth
reseller_prefix = AUTH_
operator_roles = admin, member"
fi

cat >"$etc/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $port
swift_dir = $etc
user = $user
workers = 1
log_name = proxy-server

[pipeline:main]
pipeline = catch_errors gatekeeper proxy-logging cache listing_formats $auth_filters copy slo dlo proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

$auth_sections

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
