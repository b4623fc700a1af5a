#!/usr/bin/env bash
# A throw-away PostgreSQL for the tests: its own cluster in a temporary folder, on 127.0.0.1 only.
#   scripts/postgres.sh start <dir> <port>   prints nothing; the server is up when it returns
#   scripts/postgres.sh stop <dir>           stops it and removes the folder
# PostgreSQL refuses to run as root, so as root the cluster belongs to an unprivileged user.
set -euo pipefail

command="${1:?start|stop}"
dir="${2:?data folder}"
port="${3:-55432}"

bin_dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [[ -z "$bin_dir" ]]; then
  echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
fi

run_as_owner() {
  if [[ "$(id -u)" == "0" ]]; then
    local owner=postgres
    id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
    chown -R "$owner" "$dir"
    runuser -u "$owner" -- "$@"
  else
    "$@"
  fi
}

case "$command" in
  start)
    rm -rf "$dir"
    mkdir -p "$dir"
    chmod 700 "$dir"
    run_as_owner "$bin_dir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Tuned for a disposable test server: speed over durability.
    run_as_owner "$bin_dir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      run_as_owner "$bin_dir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop <dir> [port]" >&2
    exit 2
    ;;
esac
