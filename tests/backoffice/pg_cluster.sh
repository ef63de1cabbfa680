#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for the back-office tests, listening only on 127.0.0.1.
#
#   pg_cluster.sh start DIR   creates DIR, initdb, starts the server on a free port, creates database counter_test,
#                             writes DIR/conninfo (SOCI's form) and prints it on stdout (and nothing else)
#   pg_cluster.sh stop DIR    stops the server and removes DIR; succeeds when already stopped or removed
#
# Run as root, everything that touches the cluster runs as the `postgres` system user (initdb refuses root).
# DIR holds: data/ (the cluster), server.log, initdb.log, conninfo, and the server's unix socket. Authentication is
# `trust`: anyone on this machine may connect while the tests run, which is fine for test data only.
set -euo pipefail

readonly kMarker=.counter-pg-cluster # what makes a folder ours to delete
readonly kDatabase=counter_test
readonly kUser=counter

die() {
    echo "pg_cluster.sh: $*" >&2
    exit 1
}

usage() {
    echo "usage: pg_cluster.sh start|stop DIR" >&2
    exit 2
}

# The directory of initdb/pg_ctl/postgres/psql: the highest /usr/lib/postgresql/N/bin, else pg_config --bindir, else PATH.
find_bindir() {
    local dir candidate
    candidate=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    for dir in "$candidate" "$(pg_config --bindir 2>/dev/null || true)" \
        "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"; do
        if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" && -x "$dir/psql" ]]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

# Runs a command as the cluster's owner: `postgres` (or the data folder's owner) when we are root, ourselves otherwise.
as_owner() {
    if [[ -n "$run_as" ]]; then
        runuser -u "$run_as" -- "$@"
    else
        "$@"
    fi
}

# Refuses to touch a folder that is not a cluster of ours (or empty), so that a wrong DIR never deletes anything else.
check_ours() {
    local dir=$1
    [[ -d "$dir" ]] || return 0
    [[ -e "$dir/$kMarker" ]] && return 0
    [[ -z "$(ls -A "$dir")" ]] && return 0
    die "$dir exists and is not a test cluster made by this script; refusing to touch it"
}

port_in_use() {
    local port=$1
    if command -v ss >/dev/null; then
        [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]
    else
        return 1 # the server's bind decides, and we retry
    fi
}

stop_cluster() {
    local dir=$1 data=$1/data pid owner
    [[ -d "$dir" ]] || return 0
    check_ours "$dir"
    if [[ -f "$data/postmaster.pid" ]]; then
        run_as=""
        if [[ $(id -u) -eq 0 ]]; then
            owner=$(stat -c %U "$data")
            [[ "$owner" != root ]] && run_as=$owner
        fi
        if [[ -n "$bindir" ]] && (cd / && as_owner "$bindir/pg_ctl" status -D "$data" >/dev/null 2>&1); then
            (cd / && as_owner "$bindir/pg_ctl" stop -D "$data" -m fast -w -t 30 >/dev/null 2>&1) ||
                (cd / && as_owner "$bindir/pg_ctl" stop -D "$data" -m immediate -w -t 30 >/dev/null 2>&1) ||
                echo "pg_ctl: could not stop the server in $data" >&2
        fi
        # Without pg_ctl (or if it failed): a fast shutdown by signal, if the pid file still names a live postgres.
        pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
        if [[ "$pid" =~ ^[0-9]+$ && "$(cat "/proc/$pid/comm" 2>/dev/null || true)" == postgres ]]; then
            kill -INT "$pid" 2>/dev/null || true
            for _ in $(seq 50); do
                [[ -d "/proc/$pid" ]] || break
                sleep 0.2
            done
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    # The socket folder, when the path was too long for a socket inside DIR.
    if [[ -f "$dir/sockdir" ]]; then
        local sockdir
        sockdir=$(cat "$dir/sockdir")
        [[ "$sockdir" == /tmp/counter-pg-sock.* ]] && rm -rf -- "$sockdir"
    fi
    rm -rf -- "$dir"
}

start_cluster() {
    local dir=$1 data=$1/data locale=C.UTF-8 sockdir port candidate conninfo
    [[ -n "$bindir" ]] || die "PostgreSQL binaries (initdb, pg_ctl, postgres, psql) not found under /usr/lib/postgresql/*/bin, pg_config --bindir or PATH; install the Debian package 'postgresql' (scripts/install-deps.sh)"

    stop_cluster "$dir" # a stale one from an aborted run
    mkdir -p -- "$dir"
    check_ours "$dir"
    touch "$dir/$kMarker"
    chmod 0755 "$dir"

    run_as=""
    if [[ $(id -u) -eq 0 ]]; then
        getent passwd postgres >/dev/null || die "running as root but there is no 'postgres' user to run the cluster as (initdb refuses root); install the Debian package 'postgresql'"
        command -v runuser >/dev/null || die "running as root but runuser (util-linux) is missing"
        run_as=postgres
        chown postgres: "$dir"
        (cd / && as_owner test -w "$dir") ||
            die "user postgres cannot write to $dir (a parent folder is not searchable by others?); use a folder it can reach"
    fi

    # A unix socket path must fit in 107 bytes; put it in DIR when it does, else in a private folder under /tmp.
    sockdir=$dir
    if ((${#dir} + 16 > 100)); then # 16 = /.s.PGSQL.65535
        sockdir=$(mktemp -d /tmp/counter-pg-sock.XXXXXX)
        [[ -z "$run_as" ]] || chown "$run_as": "$sockdir"
        echo "$sockdir" >"$dir/sockdir"
    fi

    # C.UTF-8 is in glibc since 2.35 (bookworm); elsewhere the C locale with UTF-8 encoding sorts the same way.
    if ! locale -a 2>/dev/null | grep -qix -e 'c.utf-8' -e 'c.utf8'; then
        locale=C
    fi
    if ! (cd "$dir" && as_owner "$bindir/initdb" -D "$data" --auth=trust --encoding=UTF8 --locale="$locale" \
        -U "$kUser" >"$dir/initdb.log" 2>&1); then
        cat "$dir/initdb.log" >&2
        stop_cluster "$dir"
        die "initdb failed (log above)"
    fi
    # Small, loopback only, durable (fsync stays on). Settings in the file so that a restart keeps them.
    cat >>"$data/postgresql.conf" <<EOF

# pg_cluster.sh: private test cluster
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sockdir'
shared_buffers = 16MB
max_connections = 50
fsync = on
logging_collector = off
EOF

    port=""
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        candidate=$((15000 + RANDOM % 15000)) # below Linux's ephemeral range (32768-60999)
        port_in_use "$candidate" && continue
        : >"$dir/server.log"
        [[ -z "$run_as" ]] || chown "$run_as": "$dir/server.log"
        if (cd "$dir" && as_owner "$bindir/pg_ctl" start -D "$data" -w -t 60 -l "$dir/server.log" \
            -o "-p $candidate" >"$dir/pg_ctl.log" 2>&1); then
            port=$candidate
            break
        fi
        if grep -q -e 'could not bind' -e 'could not create any TCP/IP sockets' -e 'Address already in use' \
            -e 'could not create lock file' "$dir/server.log"; then
            continue # someone took the port between our check and the bind
        fi
        cat "$dir/pg_ctl.log" "$dir/server.log" >&2
        stop_cluster "$dir"
        die "the server did not start (log above)"
    done
    if [[ -z "$port" ]]; then
        cat "$dir/server.log" >&2
        stop_cluster "$dir"
        die "no free port found in 10 tries"
    fi

    if ! (cd "$dir" && as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$kUser" \
        -d postgres -c "CREATE DATABASE $kDatabase" >"$dir/createdb.log" 2>&1); then
        cat "$dir/createdb.log" >&2
        stop_cluster "$dir"
        die "could not create database $kDatabase"
    fi

    conninfo="host=127.0.0.1 port=$port dbname=$kDatabase user=$kUser"
    echo "$conninfo" >"$dir/conninfo"
    echo "$conninfo"
}

[[ $# -eq 2 ]] || usage
command=$1
dir=$2
[[ -n "$dir" ]] || usage
# Absolute, without trailing slashes; never the root or a top-level folder.
[[ "$dir" == /* ]] || dir=$PWD/$dir
dir=$(realpath -m -- "$dir")
[[ "$dir" =~ ^/[^/]+/. ]] || die "refusing to use $dir as the cluster folder"
# The server must not pick up the caller's PostgreSQL settings.
unset PGDATA PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGSERVICE PGOPTIONS PGPASSFILE PGSSLMODE PGTZ

bindir=$(find_bindir || true)
run_as=""
case "$command" in
start) start_cluster "$dir" ;;
stop) stop_cluster "$dir" ;;
*) usage ;;
esac
