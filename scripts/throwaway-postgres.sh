#!/usr/bin/env bash
# throwaway-postgres.sh — a PostgreSQL of its own for tests and benchmarks: data in DIR, on a free loopback
# port, stopped by its PID. Never touches a PostgreSQL already running on the machine (e.g. on 5432).
#   install            apt-get installs Debian's postgresql when initdb is missing
#   start DIR [PORT]   initdb DIR on first use (superuser "chat", password in DIR/password, database "chat"),
#                      then starts it; prints "PORT PID". PORT defaults to DIR/port, else a free one.
#   stop DIR           fast shutdown of the postmaster whose PID DIR/data/postmaster.pid holds; waits for it
#   url DIR            the store URL (postgresql://chat@127.0.0.1:PORT/chat)
#   psql DIR [ARGS]    psql on it as "chat" (e.g. -c "SELECT 1")
# As root, the server runs as the "postgres" user (PostgreSQL refuses root); DIR is given to that user.
set -euo pipefail

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local d; d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$d" ] && [ -x "$d/initdb" ] || { echo "throwaway-postgres: PostgreSQL is not installed (run: $0 install)" >&2; return 1; }
  echo "$d"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "throwaway-postgres: no free port found" >&2; return 1
}

cmd=${1:-}
case "$cmd" in
  install)
    if ! pg_bin >/dev/null 2>&1; then
      echo "throwaway-postgres: installing postgresql from Debian" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
      pg_bin >/dev/null
    fi
    ;;
  start)
    dir=${2:?usage: $0 start DIR [PORT]}
    bin=$(pg_bin)
    mkdir -p "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      [ -f "$dir/password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$dir/password"
      [ "$(id -u)" = 0 ] && chown -R postgres "$dir"
      chmod 700 "$dir"
      as_owner "$bin/initdb" -D "$dir/data" -U chat --pwfile="$dir/password" --auth-local=trust \
        --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    port=${3:-$(cat "$dir/port" 2>/dev/null || true)}
    # A port picked here may be taken by someone else before PostgreSQL binds it: then pick another.
    tries=1; [ -z "$port" ] && tries=5
    for try in $(seq 1 "$tries"); do
      [ "$tries" -gt 1 ] && port=$(free_port)
      echo "$port" > "$dir/port"
      [ "$(id -u)" = 0 ] && chown postgres "$dir/port"
      rm -f "$dir/server.log"
      as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=200" \
        start >/dev/null && break
      if [ "$try" -eq "$tries" ] || ! grep -q "Address already in use" "$dir/server.log"; then
        tail -20 "$dir/server.log" >&2; exit 1
      fi
    done
    if ! as_owner "$bin/psql" -h "$dir" -p "$port" -U chat -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'chat'" | grep -q 1; then
      as_owner "$bin/psql" -h "$dir" -p "$port" -U chat -d postgres -qc "CREATE DATABASE chat" >/dev/null
    fi
    echo "$port $(head -1 "$dir/data/postmaster.pid")"
    ;;
  stop)
    dir=${2:?usage: $0 stop DIR}
    [ -f "$dir/data/postmaster.pid" ] || exit 0
    pid=$(head -1 "$dir/data/postmaster.pid")
    kill -INT "$pid" 2>/dev/null || exit 0
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1; done
    echo "throwaway-postgres: $pid did not stop" >&2; exit 1
    ;;
  url)
    dir=${2:?usage: $0 url DIR}
    echo "postgresql://chat@127.0.0.1:$(cat "$dir/port")/chat"
    ;;
  psql)
    dir=${2:?usage: $0 psql DIR [ARGS]}; shift 2
    as_owner "$(pg_bin)/psql" -h "$dir" -p "$(cat "$dir/port")" -U chat -d chat "$@"
    ;;
  *)
    sed -n '2,11p' "$0" >&2; exit 2 ;;
esac
