#!/bin/sh
# Usage: ensure-debian-packages.sh PACKAGE...
#
# Makes sure the given Debian packages are installed, installing the missing ones with apt-get
# (one `apt-get update`, then a non-interactive `apt-get install`). Needs root: runs apt-get directly
# as root, through `sudo -n` otherwise, and fails with a message saying what to run when neither works.
#
# The build runs it before the integration tests of glance-web (exec-maven-plugin, pre-integration-test)
# for the stock OpenStack clients the CLI tests drive (python3-glanceclient, python3-openstackclient) and
# for the Keystone the identity tests run (keystone, uwsgi-core, uwsgi-plugin-python3).
#
# The packages' services are not started: Debian's keystone would start its own Keystone on port 5000,
# and the tests start what they need themselves (src/test/scripts/keystone-up.sh). While it installs, a
# /usr/sbin/policy-rc.d that refuses every start is in place, unless the machine has one of its own.
# Written for Debian 12 (bookworm); plain POSIX sh.
set -eu

me=ensure-debian-packages

if [ "$#" -eq 0 ]; then
    echo "usage: $0 PACKAGE..." >&2
    exit 2
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "$me: dpkg-query/apt-get not found: this needs Debian (12) or a derivative." \
         "Install the equivalent of these packages yourself: $*" >&2
    exit 1
fi

missing=""
for pkg in "$@"; do
    if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)" != "installed" ]; then
        missing="$missing $pkg"
    fi
done

if [ -z "$missing" ]; then
    echo "$me: already installed: $*"
    exit 0
fi
echo "$me: missing:$missing"

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif ! command -v sudo >/dev/null 2>&1; then
    echo "$me: cannot install: not root and sudo is not installed." \
         "As root, run: apt-get update && apt-get install$missing" >&2
    exit 1
elif ! sudo -n true 2>/dev/null; then
    echo "$me: cannot install: not root and sudo wants a password (the build cannot type it)." \
         "Run 'sudo -v' first, or: sudo apt-get update && sudo apt-get install$missing" >&2
    exit 1
else
    as_root="sudo -n"
fi

# Wait for the dpkg lock rather than fail when another apt/dpkg run holds it (apt >= 1.9.11).
wait_lock="-o DPkg::Lock::Timeout=600"

policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
    # $as_root is split into words on purpose.
    # shellcheck disable=SC2086
    $as_root sh -c 'printf "#!/bin/sh\n# ensure-debian-packages.sh: no service starts while it installs\nexit 101\n" >"$1" \
        && chmod 755 "$1"' sh "$policy"
    # shellcheck disable=SC2064,SC2086
    trap "$as_root rm -f $policy" EXIT
    trap 'exit 1' HUP INT TERM
fi

# $as_root, $wait_lock and $missing are split into words on purpose.
# shellcheck disable=SC2086
if ! $as_root env DEBIAN_FRONTEND=noninteractive apt-get $wait_lock update -q; then
    echo "$me: 'apt-get update' failed; cannot install:$missing" >&2
    exit 1
fi
# shellcheck disable=SC2086
if ! $as_root env DEBIAN_FRONTEND=noninteractive apt-get $wait_lock install -y -q --no-install-recommends $missing; then
    echo "$me: 'apt-get install$missing' failed" >&2
    exit 1
fi
echo "$me: installed:$missing"
