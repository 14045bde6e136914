# Sourced by the *-up.sh scripts, which set `me` first and pass their arguments: checks "STATE_DIR PORT",
# sets `port`, `state` (absolute, a plain path: it goes unquoted into configuration files and database URLs)
# and `here` (this folder), puts Debian's own python and tools first (whatever pyenv or venv the caller has),
# and defines `log`, which prints a message with the seconds since the script began.
if [ "$#" -ne 2 ]; then
    echo "usage: $0 STATE_DIR PORT" >&2
    exit 2
fi
case "$2" in
    '' | *[!0-9]*) echo "$me: PORT must be a number: $2" >&2; exit 2 ;;
esac
port=$2
mkdir -p "$1"
state=$(cd "$1" && pwd -P)
case "$state" in
    *[!A-Za-z0-9/._+-]*) echo "$me: STATE_DIR must be a plain path (letters, digits, / . _ + -): $state" >&2; exit 2 ;;
esac
here=$(cd "$(dirname "$0")" && pwd -P)

export PATH=/usr/sbin:/usr/bin:/sbin:/bin
unset PYTHONPATH PYTHONHOME PYTHONSTARTUP VIRTUAL_ENV
export LC_ALL=C.UTF-8

started=$(date +%s%N)
log() {
    local now
    now=$(date +%s%N)
    printf '%s: [%3d.%01d s] %s\n' "$me" $(((now - started) / 1000000000)) $(((now - started) / 100000000 % 10)) "$*" >&2
}
