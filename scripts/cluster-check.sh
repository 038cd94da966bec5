#!/usr/bin/env bash
# scripts/cluster-check.sh — `make cluster` as a user meets it (#12): scripts/cluster.sh up 3 (Redis, a throwaway
# PostgreSQL, three nodes, HAProxy) on free loopback ports, two IRC clients through HAProxy landing on different
# nodes and talking, a node killed with SIGKILL and its client reconnecting through HAProxy to a live one, then
# scripts/cluster.sh down and every process it started gone. Run by CI.
set -uo pipefail
cd "$(dirname "$0")/.."

CHECKS_NAME=cluster-check
WAIT=${CLUSTER_CHECK_WAIT:-30}
POLL=0.2
source scripts/checks.sh

OUT=$(mktemp -d /tmp/chat-cluster-check-XXXXXX)
declare -A READERS=()

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() { # a port no one listens on, in 30000-39999, different from those already chosen
  local port
  while :; do
    port=$((30000 + RANDOM % 10000))
    listening "$port" || [[ " ${CHOSEN:-} " == *" $port "* ]] || break
  done
  CHOSEN="${CHOSEN:-} $port"
  echo "$port"
}

export CLUSTER_PORT; CLUSTER_PORT=$(free_port)
export CLUSTER_REDIS_PORT; CLUSTER_REDIS_PORT=$(free_port)
# Nodes listen on NODE_BASE+1..3: a base whose next three ports are free.
while :; do
  base=$((40000 + RANDOM % 9000))
  listening $((base + 1)) || listening $((base + 2)) || listening $((base + 3)) || break
done
export CLUSTER_NODE_BASE=$base

show_screens() {
  local f
  for f in "$OUT"/*.out; do [ -f "$f" ] && { echo "--- $(basename "$f")"; tail -15 "$f"; }; done
  for f in build/cluster/node*.log; do [ -f "$f" ] && { echo "--- $f"; tail -8 "$f"; }; done
}

# connect NAME: an IRC client through HAProxy; what it receives goes to OUT/NAME.out, what it sends to fd CLIENT_NAME.
connect() {
  local name=$1 fd
  exec {fd}<>"/dev/tcp/127.0.0.1/$CLUSTER_PORT" || return 1
  printf -v "CLIENT_$name" '%s' "$fd"
  cat <&"$fd" >> "$OUT/$name.out" &
  READERS[$name]=$!
  send "$name" "NICK $name" "USER $name 0 * :$name"
}

send() {
  local name=$1 fd line; shift
  fd=CLIENT_$name
  for line in "$@"; do printf '%s\r\n' "$line" >&"${!fd}" 2>/dev/null || true; done
}

seen() { grep -qE -- "$2" "$OUT/$1.out" 2>/dev/null; }

# The node a client registered on: the server name in its 001, which is also the node's name (scripts/cluster.sh).
node_of() { grep -m1 -oE '^:node[0-9]+\.chat\.local' "$OUT/$1.out" | tr -d ':'; }

cleanup() {
  local pid
  for pid in "${READERS[@]}"; do kill "$pid" 2>/dev/null || true; done
  scripts/cluster.sh down > "$OUT/down.log" 2>&1 || true
  rm -rf "$OUT"
}
trap cleanup EXIT

[ -d build/cluster ] && { say "build/cluster exists: a cluster is up (make cluster-down first)"; exit 1; }
if ! scripts/cluster.sh up 3 > "$OUT/up.log" 2>&1; then
  say "FAIL scripts/cluster.sh up 3"; cat "$OUT/up.log"; exit 1
fi
require "make cluster says how to connect" grep -q "Connect with: bin/chat-client --port $CLUSTER_PORT" "$OUT/up.log"

connect alice
require "alice registered through HAProxy" seen alice ' 001 alice '
connect bob
require "bob registered through HAProxy" seen bob ' 001 bob '
alice_node=$(node_of alice)
bob_node=$(node_of bob)
check "leastconn put them on different nodes ($alice_node, $bob_node)" test "$alice_node" != "$bob_node"

send alice "LUSERS" "LINKS"
check "LUSERS counts the three nodes" seen alice ' 251 alice :There are [0-9]+ users and [0-9]+ invisible on 3 servers'
check "LINKS lists the three nodes" bash -c "[ \$(grep -cE ' 364 alice node[1-3]\.chat\.local ' '$OUT/alice.out') -eq 3 ]"
send bob "WHOIS alice"
check "bob's WHOIS of alice names her node" seen bob " 312 bob alice $alice_node"
send alice "PRIVMSG #lobby :hello from $alice_node"
check "bob on $bob_node hears alice in #lobby" seen bob "PRIVMSG #lobby :hello from $alice_node"
send bob "PRIVMSG alice :private from $bob_node"
check "alice hears bob privately" seen alice "PRIVMSG alice :private from $bob_node"

# alice's node dies: bob sees her leave in a netsplit, her nickname is free, and she comes back through HAProxy.
kill -9 "$(cat "build/cluster/${alice_node%%.*}.pid")"
wait_seconds=15 check "bob sees alice's netsplit QUIT within 10 s (+ slack)" seen bob ':alice!.* QUIT :\*\.net \*\.split'
kill "${READERS[alice]}" 2>/dev/null || true
unset 'READERS[alice]'
mv "$OUT/alice.out" "$OUT/alice-before.out"
wait_seconds=20 check "alice reconnects through HAProxy to a live node" bash -c "
  exec 3<>/dev/tcp/127.0.0.1/$CLUSTER_PORT || exit 1
  printf 'NICK alice\r\nUSER alice 0 * :alice\r\n' >&3
  timeout 5 grep -m1 -E ' 001 alice ' <&3 > '$OUT/alice.out'"
check "and not to the dead node" bash -c "! grep -q '^:$alice_node ' '$OUT/alice.out'"

started=$(cat build/cluster/*.pid)
scripts/cluster.sh down > "$OUT/down.log" 2>&1
check "make cluster-down removed build/cluster" test ! -d build/cluster
none_alive() { local pid; for pid in $started; do kill -0 "$pid" 2>/dev/null && return 1; done; return 0; }
check "and stopped every process it started" none_alive
finish
