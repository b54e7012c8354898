#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests (Debian's postgresql, installed by scripts/install-tools.sh).
#
#   scripts/lib/postgres.sh start DIR [--watch PID]   initdb in DIR/data, start on a free 127.0.0.1 port with the
#                                                     socket in DIR; prints the server's URL on stdout:
#                                                     postgres://caravan:PASSWORD@127.0.0.1:PORT/postgres
#                                                     --watch: stop and remove the server when process PID ends
#                                                     (so a killed test run leaves nothing running)
#   scripts/lib/postgres.sh stop DIR                  stop the server and remove DIR
#
# initdb refuses to run as root, so as root the server runs as Debian's `postgres` user (DIR is handed to it).
# Local socket connections are trusted; TCP connections need the password (SCRAM), so tests can check a wrong one.
set -euo pipefail

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "error: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); run scripts/install-tools.sh" >&2
    exit 1
  fi
  echo "$bin"
}

# Runs a PostgreSQL program as the server's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local dir=$1 watch=${2:-}
  local bin
  bin=$(pg_bin)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local password
  password=$(/usr/bin/python3 -c 'import secrets; print(secrets.token_hex(16))')
  printf '%s\n' "$password" >"$dir/password"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres: "$dir"
  fi
  chmod 700 "$dir"
  as_owner test -w "$dir" || { echo "error: $dir is not reachable by user postgres (its parent folders must be)" >&2; exit 1; }
  as_owner "$bin/initdb" -D "$dir/data" -U caravan --pwfile="$dir/password" --auth-local=trust \
    --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  local port attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    # fsync off and a small shared memory: a test server holds little and its data is thrown away.
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$dir' -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c shared_buffers=16MB -c max_connections=60" \
      start </dev/null >/dev/null 2>&1; then
      echo "$port" >"$dir/port"
      if [ -n "$watch" ]; then
        # Detached from our stdout so a caller reading it to the end is not held up.
        setsid bash "$0" watch "$dir" "$watch" </dev/null >/dev/null 2>&1 &
      fi
      echo "postgres://caravan:$password@127.0.0.1:$port/postgres"
      return 0
    fi
    echo "postgres: start on port $port failed (attempt $attempt)" >&2
  done
  cat "$dir/server.log" >&2 || true
  exit 1
}

stop() {
  local dir=$1
  [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

watch() {
  local dir=$1 pid=$2
  while kill -0 "$pid" 2>/dev/null && [ -d "$dir" ]; do
    sleep 2
  done
  stop "$dir"
}

case "${1:-}" in
  start)
    [ $# -ge 2 ] || { echo "usage: $0 start DIR [--watch PID]" >&2; exit 2; }
    if [ $# -ge 4 ] && [ "$3" = "--watch" ]; then start "$2" "$4"; else start "$2"; fi
    ;;
  stop)
    [ $# -eq 2 ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
    stop "$2"
    ;;
  watch) watch "$2" "$3" ;;
  *)
    echo "usage: $0 start DIR [--watch PID] | stop DIR" >&2
    exit 2
    ;;
esac
