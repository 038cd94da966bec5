#!/usr/bin/env bash
# scripts/launchers.sh — the launchers exec java (#16): for bin/chat-server, the image's bin/chat-server and
# build/chat.run, the PID a shell gets from `&` is the JVM's, so SIGHUP reaches it (the server logs its REHASH)
# and SIGTERM stops it (its port closes). The client launchers are checked to be the JVM too. Also checks
# chat.run's cache: two builds of the same sources give the same cache key, and an older unpacked copy is
# removed, and runs chat.run on a throwaway PostgreSQL. Run by `make launchers` and CI. Ends with "launchers: N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")/.."

WAIT=${LAUNCHERS_WAIT:-60}
POLL=0.2
pids=()
work=$(mktemp -d "${TMPDIR:-/tmp}/chatlaunchers.XXXXXX")
pg_dir=

cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  [ -n "$pg_dir" ] && { scripts/throwaway-postgres.sh stop "$pg_dir" || true; rm -rf "$pg_dir"; }
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

CHECKS_NAME=launchers
. scripts/checks.sh
show_screens() { :; }

# The program a PID runs: the JVM's is named "java".
is_java() { [ "$(ps -o comm= -p "$1" 2>/dev/null)" = java ]; }
gone() { ! kill -0 "$1" 2>/dev/null; }
logged() { grep -qF -- "$2" "$1" 2>/dev/null; }
port_of() { sed -n 's/.* listening on [^ ]*:\([0-9][0-9]*\).*/\1/p' "$1" 2>/dev/null | head -n 1; }
listens() { [ -n "$(port_of "$1")" ]; }
port_closed() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# server_launcher NAME COMMAND...: starts the server through the launcher, signals the PID it got.
server_launcher() {
  local name=$1; shift
  local dir="$work/$name"
  mkdir -p "$dir"
  # A config file, so that SIGHUP has something to read again.
  printf 'motd-file=%s\n' "$dir/motd" >"$dir/server.properties"
  echo "hello" >"$dir/motd"
  "$@" --config "$dir/server.properties" --port 0 --tls-port -1 --http-port -1 --bots none --monitor-interval 0 --data-dir "$dir/data" \
    >"$dir/out" 2>&1 &
  local pid=$!
  pids+=("$pid")
  check "$name: listens" listens "$dir/out"
  local port; port=$(port_of "$dir/out")
  check "$name: the launcher's PID $pid is the JVM" is_java "$pid"
  kill -HUP "$pid"
  check "$name: SIGHUP to that PID reloads the configuration" logged "$dir/out" "configuration reloaded"
  kill -TERM "$pid"
  check "$name: SIGTERM to that PID stops the server" gone "$pid"
  [ -n "$port" ] && check "$name: its port $port is closed" port_closed "$port"
  if ! gone "$pid" || [ "$failed" -gt 0 ]; then tail -n 20 "$dir/out"; fi
}

# client_launcher NAME COMMAND...: the client's launcher is the JVM too.
client_launcher() {
  local name=$1; shift
  mkfifo "$work/$name.in"
  "$@" --port 1 <"$work/$name.in" >"$work/$name.out" 2>&1 &
  local pid=$!
  pids+=("$pid")
  exec 4>"$work/$name.in"
  check "$name: the launcher's PID $pid is the JVM" is_java "$pid"
  exec 4>&-
  kill -TERM "$pid" 2>/dev/null || true
  check "$name: it ends" gone "$pid"
}

./build.sh dist
key_of() { sed -n 's/^id=//p' "$1"; }
first_key=$(key_of build/chat.run)

server_launcher "bin/chat-server" bin/chat-server
server_launcher "image chat-server" build/image/bin/chat-server
export XDG_CACHE_HOME="$work/cache"
mkdir -p "$XDG_CACHE_HOME/chat-run/0123456789abcdef/bin"
server_launcher "chat.run server" build/chat.run server
client_launcher "bin/chat-client" bin/chat-client
client_launcher "image chat-client" build/image/bin/chat-client
client_launcher "chat.run client" build/chat.run client

# chat.run on a PostgreSQL store (#11): the runtime it unpacked runs the server (no JDK used), pgjdbc and
# HikariCP are linked in, and an account registered over IRC lands in the database.
scripts/throwaway-postgres.sh install
pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/chatlaunchers-pg.XXXXXX")
scripts/throwaway-postgres.sh start "$pg_dir" >/dev/null
pg_out="$work/chat.run-postgres.out"
CHAT_STORE_PASSWORD=$(cat "$pg_dir/password") build/chat.run server --store "$(scripts/throwaway-postgres.sh url "$pg_dir")" \
  --port 0 --tls-port -1 --http-port -1 --bots none --monitor-interval 0 --data-dir "$work/pg-data" >"$pg_out" 2>&1 &
pg_chat=$!
pids+=("$pg_chat")
check "chat.run on PostgreSQL: listens" listens "$pg_out"
own_runtime() { readlink "/proc/$pg_chat/exe" | grep -q "^$XDG_CACHE_HOME/chat-run/"; }
check "chat.run on PostgreSQL: runs the runtime it unpacked" own_runtime
register() {
  local port; port=$(port_of "$pg_out")
  [ -n "$port" ] || return 1
  exec 5<>"/dev/tcp/127.0.0.1/$port"
  printf 'NICK pgtester\r\nUSER u 0 * :u\r\nREGISTER * * pg-secret-9\r\n' >&5
  timeout 20 grep -q -m1 'REGISTER SUCCESS' <&5
  local status=$?
  printf 'QUIT\r\n' >&5
  exec 5>&-
  return "$status"
}
check "chat.run on PostgreSQL: REGISTER over IRC succeeds" register
stored() { scripts/throwaway-postgres.sh psql "$pg_dir" -tAc "SELECT name FROM accounts" | grep -qx pgtester; }
check "chat.run on PostgreSQL: the account is in the database" stored
stop_pid "$pg_chat"
[ "$failed" -gt 0 ] && tail -n 20 "$pg_out"

unpacked() { [ "$(ls "$XDG_CACHE_HOME/chat-run")" = "$first_key" ]; }
check "chat.run: an older unpacked copy is removed, this one kept" unpacked

# A second, separate build of the same sources (its own build directory) gives the same cache key.
BUILD_DIR="$work/build2" ./build.sh dist >/dev/null
same_key() { [ "$(key_of "$work/build2/chat.run")" = "$first_key" ]; }
check "chat.run: the same sources give the same cache key ($first_key)" same_key

finish
