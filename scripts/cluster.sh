#!/usr/bin/env bash
# scripts/cluster.sh up [N] | down | status — a local network of chat nodes (#12): a throwaway redis-server,
# N chat nodes (default 3) sharing one log in it, and HAProxy on 127.0.0.1:12345 (TCP, leastconn, health checks,
# PROXY protocol v2) in front of them. Everything runs from build/cluster/ (logs, configs, PIDs); `down` stops
# exactly the processes `up` started, by the PIDs it wrote down, and removes the directory.
#
# The nodes share one throwaway PostgreSQL (scripts/throwaway-postgres.sh, data under /tmp, its directory named in
# build/cluster/pg.dir) for accounts and history.
# Ports: HAProxy CLUSTER_PORT (12345), Redis CLUSTER_REDIS_PORT (16379), node i on CLUSTER_NODE_BASE+i (16400+i).
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=build/cluster
PORT=${CLUSTER_PORT:-12345}
REDIS_PORT=${CLUSTER_REDIS_PORT:-16379}
NODE_BASE=${CLUSTER_NODE_BASE:-16400}
WAIT=${CLUSTER_WAIT:-60}

say() { echo "cluster: $*"; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  local port=$1 pid=$2 name=$3
  for _ in $(seq 1 $((WAIT * 5))); do
    listening "$port" && return 0
    kill -0 "$pid" 2>/dev/null || { say "$name exited; its log:"; tail -20 "$DIR/$name.log" >&2; return 1; }
    sleep 0.2
  done
  say "$name did not listen on $port within ${WAIT}s"; return 1
}

start() {
  local name=$1; shift
  "$@" > "$DIR/$name.log" 2>&1 &
  echo $! > "$DIR/$name.pid"
}

up() {
  local count=${1:-3}
  [ -d "$DIR" ] && { say "already up (or not cleaned): run scripts/cluster.sh down first"; exit 1; }
  scripts/ensure-packages.sh redis-server=redis-server haproxy=haproxy
  scripts/throwaway-postgres.sh install
  for port in "$PORT" "$REDIS_PORT"; do
    listening "$port" && { say "port $port is taken: set CLUSTER_PORT / CLUSTER_REDIS_PORT"; exit 1; }
  done
  ./build.sh build >&2
  mkdir -p "$DIR"
  local java; java=$(./build.sh java)
  local pg; pg=$(mktemp -d /tmp/chat-cluster-pg-XXXXXX)
  echo "$pg" > "$DIR/pg.dir"
  scripts/throwaway-postgres.sh start "$pg" > "$DIR/pg.log"
  local store; store=$(scripts/throwaway-postgres.sh url "$pg")
  start redis /usr/bin/redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$DIR"
  wait_port "$REDIS_PORT" "$(cat "$DIR/redis.pid")" redis
  local backends=""
  for i in $(seq 1 "$count"); do
    local port=$((NODE_BASE + i))
    mkdir -p "$DIR/node$i"
    start "node$i" "$java" --enable-native-access=com.sun.jna,org.xerial.sqlitejdbc -p build/modules:build/lib \
      -m chat.server/chat.server.Main --port "$port" --tls-port -1 --server-name "node$i.chat.local" \
      --data-dir "$DIR/node$i" --store "$store" --store-password-file "$pg/password" --http-port -1 --cluster "redis://127.0.0.1:$REDIS_PORT" --node-name "node$i.chat.local" \
      --proxy-from 127.0.0.1/32
    wait_port "$port" "$(cat "$DIR/node$i.pid")" "node$i"
    backends+="  server node$i 127.0.0.1:$port send-proxy-v2 check check-send-proxy inter 1s fall 2 rise 1"$'\n'
  done
  cat > "$DIR/haproxy.cfg" <<CFG
global
  maxconn 8000
defaults
  mode tcp
  timeout connect 5s
  timeout client 10m
  timeout server 10m
frontend irc
  bind 127.0.0.1:$PORT
  default_backend chat
backend chat
  balance leastconn
$backends
CFG
  start haproxy /usr/sbin/haproxy -db -f "$DIR/haproxy.cfg"
  wait_port "$PORT" "$(cat "$DIR/haproxy.pid")" haproxy
  say "up: $count nodes behind HAProxy. Connect with: bin/chat-client --port $PORT  (or irssi -c 127.0.0.1 -p $PORT)"
  say "stop with: make cluster-down (logs in $DIR/)"
}

down() {
  [ -d "$DIR" ] || { say "nothing is up"; return 0; }
  local f
  for f in "$DIR"/haproxy.pid "$DIR"/node*.pid "$DIR"/redis.pid; do
    [ -f "$f" ] || continue
    local pid; pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  if [ -f "$DIR/pg.dir" ]; then
    local pg; pg=$(cat "$DIR/pg.dir")
    scripts/throwaway-postgres.sh stop "$pg" || true
    rm -rf "$pg"
  fi
  rm -rf "$DIR"
  say "down"
}

status() {
  [ -d "$DIR" ] || { say "nothing is up"; return 0; }
  local f
  for f in "$DIR"/*.pid; do
    local pid; pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then say "$(basename "$f" .pid): running (pid $pid)"; else say "$(basename "$f" .pid): gone"; fi
  done
}

case "${1:-}" in
  up) up "${2:-3}" ;;
  down) down ;;
  status) status ;;
  *) echo "usage: scripts/cluster.sh up [N] | down | status" >&2; exit 2 ;;
esac
