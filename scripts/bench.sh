#!/usr/bin/env bash
# scripts/bench.sh — `make bench`: chat against ngircd and inspircd on loopback, in one run.
#
# Builds chat and the load generator (bench/src/chat.bench), installs the peers from Debian if they are
# missing, writes every server's config under build/bench/, and for each scenario starts each server fresh
# on its own port, runs the generator against it, and stops it by PID. Prints one table per scenario and
# the issue's targets; the BENCH lines are kept in build/bench/results.txt.
#
#   scripts/bench.sh test   the generator's unit tests only (make bench-test)
#   BENCH_QUICK=1           about two minutes, for development (smaller sizes, shorter phases, one round)
#   BENCH_SERVERS="chat inspircd"          which servers (default: chat ngircd inspircd)
#   BENCH_SCENARIOS="fanout-max direct"    which scenarios (default: connect connect-autojoin fanout-max fanout-rate direct
#                           fanout-ws fanout-ws-deflate fanout-cluster fanout-cluster-rate fanout-cluster-rate-small);
#                           connect-autojoin is connect with every client auto-joined to #lobby on registration (chat's
#                           --default-channel, inspircd's conn_join module) and done only at #lobby's end of NAMES
#                           (366), every member hearing every later JOIN: chat (and chat-base) and inspircd only
#                           fanout-ws is fanout-max with the receiving members on chat's WebSocket (/webirc on an
#                           HTTP listener at a free port), the senders on TCP: chat (and chat-base) only;
#                           fanout-ws-deflate is fanout-ws with the members offering permessage-deflate as Chromium
#                           does and inflating every line, the path browsers take
#                           fanout-cluster (-rate) is fanout-max (-rate) with the members spread over three chat nodes
#                           of one network (#12: a throwaway redis-server, --cluster), Redis's CPU counted with
#                           the nodes': chat only, and not with BENCH_CHAT_STORE=on (a network refuses SQLite);
#                           their lines add Redis's CPU, commands and bytes per log entry (one per message), and
#                           fanout-cluster-rate-small runs the rate with a quarter of the members to compare them
#   BENCH_JFR=1             record chat with JFR (profile settings) and summarise the CPU samples
#   BENCH_PORT_BASE=26660   first of the three loopback ports
#   BENCH_CHAT_JVM="..."    extra JVM options for chat's JVM (after bin/chat-server.jvm-options)
#   BENCH_QUICKACK=1        the generator ACKs every read at once (TCP_QUICKACK) instead of delaying ACKs
#                           like real clients: servers that leave Nagle on then lose their 40-ms stalls
#   BENCH_PIN=1             the server runs on CPU 0 only and the generator on CPU 1 only (taskset), every server
#                           alike: on two cores, what a latency row shows is then the server's own delay, not its wait
#                           for a CPU the generator holds (chat's JVM then sees one CPU: one carrier thread); not with
#                           the fanout-cluster scenarios
#   BENCH_CHAT_STORE=on     chat keeps every message in its SQLite history (default off: no store)
#   BENCH_CHAT_STORE=postgres  ... in PostgreSQL instead: a throwaway server of the bench's own
#                           (scripts/throwaway-postgres.sh); each BENCH line of chat then adds PostgreSQL's CPU
#   BENCH_BASELINE=DIR      also run "chat-base": chat built into DIR (e.g. `git stash; BUILD_DIR=build/base
#                           ./build.sh build; git stash pop`), to compare a change with what it changes (the
#                           fanout-cluster scenarios too: three chat-base nodes)
#   BENCH_BASE_DROP="--http-port --bots"  flags (each with its value) not given to chat-base: a baseline built
#                           before they existed refuses them
#   BENCH_BASE_JVM="..."    extra JVM options for chat-base instead of BENCH_CHAT_JVM's: with BENCH_BASELINE=build,
#                           two JVM settings of one build in one run (e.g. BENCH_BASE_JVM=-Xmx512m)
#   BENCH_REPEAT=N          run each scenario against each server N times (default 2, quick 1); the report
#                           shows each server's best run and lists the others
#   BENCH_CLIENTS=N         connect's size (default 10,000; the issue's 100,000 needs a server and a generator that may
#                           each open that many files, see `ulimit -Hn`: past 16,000 the generator connects from
#                           further addresses of 127.0.0.0/8, 16,000 clients each, so the ports do not run out)
#   BENCH_BUDGET=SECONDS    the time the whole run may take (default 840); waits for a quiet machine shrink to fit
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/build/bench
QUICK=${BENCH_QUICK:-0}
BASELINE=${BENCH_BASELINE:-}
SERVERS=${BENCH_SERVERS:-chat ngircd inspircd${BASELINE:+ chat-base}}
SCENARIOS=${BENCH_SCENARIOS:-connect connect-autojoin fanout-max fanout-rate direct fanout-ws fanout-ws-deflate fanout-cluster fanout-cluster-rate fanout-cluster-rate-small}
PORT_BASE=${BENCH_PORT_BASE:-26660}
JFR=${BENCH_JFR:-0}

# ---- sizes: the defaults are the issue's target sizes; every phase is bounded in count and time ----
CLIENTS=${BENCH_CLIENTS:-10000} # connect: clients registered (at most the fd limit less 500: see below)
CONCURRENCY=500       # connect: registrations in flight at once
WARMUP_CLIENTS=1000   # connect: a round that registers and leaves before the measured one
MEMBERS=200           # fanout: members of #bench
SENDERS=20            # fanout: members that send
WINDOW=8              # max rate: unacknowledged messages per sender
RATE=500              # fanout rate: messages/s, all senders together (~100k deliveries/s)
PAIRS=100             # direct: pairs of clients
WARMUP=3              # seconds of traffic before measuring
WARMUP_MAX=12         # ... and up to this, while a server's JIT compilers are busy (#12: three JVMs compile at once)
SECONDS_=10           # seconds measured
MAX_MESSAGES=20000000 # messages measured at most
DRAIN=10              # seconds allowed for the last deliveries
SETTLE=2              # seconds before memory is read
IDLE=5                # seconds over which idle CPU is measured
PHASE_LIMIT=60        # seconds allowed for registering and joining
AUTOJOIN_LIMIT=180    # connect-autojoin: seconds allowed until the last 366 (inspircd took 43 s for 10,000)
AUTOJOIN_CHANNEL='#lobby'
REPEAT=${BENCH_REPEAT:-2}
BUDGET=${BENCH_BUDGET:-840}
if [ "$QUICK" = 1 ]; then
  CLIENTS=${BENCH_CLIENTS:-2000} WARMUP_CLIENTS=500 WARMUP=1 WARMUP_MAX=8 SECONDS_=3 DRAIN=3 SETTLE=1 IDLE=2 PHASE_LIMIT=15 AUTOJOIN_LIMIT=60
  REPEAT=${BENCH_REPEAT:-1} BUDGET=${BENCH_BUDGET:-150}
fi

# ---- chat's flags, in one place: limits relaxed as for the peers (BENCHMARKS.md lists them). ----
# Nobody auto-joins #lobby (the peers have no such channel; every server's clients use #bench instead) except in
# connect-autojoin (chat_flags),
# the send queue is inspircd's hard sendq, the resource monitor is off, and PINGs are as rare as the peers'.
# Flood control and the per-address limits are off for loopback (--exempt, --flood-rate 0, --max-clients),
# TLS is off. The store (accounts and history) is off unless BENCH_CHAT_STORE=on, which keeps every message
# in SQLite under build/bench/chat-data (fsync per group commit) to measure what history costs.
CHAT_FLAGS=(--host 127.0.0.1 --default-channel none --sendq 16777216 --recvq 1048576
            --monitor-interval 0 --ping-interval 600 --registration-timeout 60 --motd-file "$OUT/motd.txt"
            --tls-port -1 --flood-rate 0 --exempt 127.0.0.0/8,::1 --max-clients 200000 --bots none)
# The HTTP listener (start_server adds --http-port) is on only for fanout-ws(-deflate), at a port the kernel picks.
PG_DIR=
if [ "${BENCH_CHAT_STORE:-off}" = on ]; then
  # No replay on JOIN: a second round's joiners would be sent the first round's lines.
  CHAT_FLAGS+=(--data-dir "$OUT/chat-data" --history on --join-replay 0)
elif [ "${BENCH_CHAT_STORE:-off}" = postgres ]; then
  # #11: the same on a PostgreSQL of the bench's own (default settings: every commit flushed), on loopback.
  scripts/throwaway-postgres.sh install
  PG_DIR=$(mktemp -d /tmp/chat-bench-pg-XXXXXX)
  read -r _ PG_PID < <(scripts/throwaway-postgres.sh start "$PG_DIR")
  CHAT_FLAGS+=(--data-dir "$OUT/chat-data" --store "$(scripts/throwaway-postgres.sh url "$PG_DIR")"
               --store-password-file "$PG_DIR/password" --history on --join-replay 0)
else
  CHAT_FLAGS+=(--data-dir none)
fi
# chat's flags for one scenario: connect-autojoin joins every client to #lobby on registration.
chat_flags() { # scenario
  local f prev=
  for f in "${CHAT_FLAGS[@]}"; do
    if [ "$1" = connect-autojoin ] && [ "$prev" = --default-channel ]; then f=$AUTOJOIN_CHANNEL; fi
    printf '%s\n' "$f"; prev=$f
  done
}
# chat's JVM options are bin/chat-server's (bin/chat-server.jvm-options), then BENCH_CHAT_JVM's. Past 40,000 clients
# the heap is raised as README's "Send queues together" says an operator must: 6 KB per client, half of it for the
# send queues' budget, half for the state (2.2 KB per idle client) and the young generation.
HEAP_FOR_CLIENTS=
if [ "$CLIENTS" -gt 40000 ]; then HEAP_FOR_CLIENTS="-Xmx$(( CLIENTS * 6 / 1000 ))m"; fi
read -r -a CHAT_JVM <<< "$(sed 's/#.*//' bin/chat-server.jvm-options | xargs) $HEAP_FOR_CLIENTS ${BENCH_CHAT_JVM:-}"
read -r -a BASE_JVM <<< "$(sed 's/#.*//' bin/chat-server.jvm-options | xargs) $HEAP_FOR_CLIENTS ${BENCH_BASE_JVM-${BENCH_CHAT_JVM:-}}"

log() { printf '%s bench: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Every server this script started, so that an interrupted run leaves none behind.
STARTED=()
stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then log "pid $pid ignored SIGTERM for 10 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  for pid in "${STARTED[@]}"; do stop_pid "$pid"; done
  if [ -n "$PG_DIR" ]; then scripts/throwaway-postgres.sh stop "$PG_DIR" || true; rm -rf "$PG_DIR"; fi
}
# CPU ticks of the bench's PostgreSQL: the postmaster (with its exited backends) and its live children.
pg_ticks() {
  local t=0 p
  for p in "$PG_PID" $(pgrep -P "$PG_PID" || true); do
    t=$(( t + $(awk -v root="$PG_PID" '{print $14 + $15 + ($1 == root ? $16 + $17 : 0)}' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo "$t"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- file descriptors: N clients need N on each side (the server and the generator) ----
hard=$(ulimit -Hn)
want=$(( CLIENTS + 500 > 20000 ? CLIENTS + 500 : 20000 ))
if [ "$hard" = unlimited ] || [ "$hard" -ge "$want" ]; then ulimit -n "$want"; else ulimit -n "$hard"; fi
if [ "$(ulimit -n)" -lt $((CLIENTS + 500)) ]; then
  log "only $(ulimit -n) file descriptors: connect uses $(( $(ulimit -n) - 500 )) clients"
  CLIENTS=$(( $(ulimit -n) - 500 ))
fi

# ---- build chat and the generator ----
./build.sh build >&2
JAVA=$(./build.sh java)
JDK_BIN=$(dirname "$JAVA")
mkdir -p "$OUT"
rm -rf "$OUT/classes"
"$JDK_BIN/javac" --release 21 -Xlint:all -Werror -encoding UTF-8 \
  --module-source-path bench/src --module chat.bench -d "$OUT/classes"
# `scripts/bench.sh test` (make bench-test): the generator's own unit tests, then stop.
if [ "${1:-}" = test ]; then
  ./build.sh deps >&2
  rm -rf "$OUT/test-classes"
  "$JDK_BIN/javac" --release 21 -encoding UTF-8 -d "$OUT/test-classes" -p "$OUT/classes:build/test-lib" \
    --patch-module chat.bench=bench/tests/chat.bench --add-modules org.junit.jupiter.api,org.junit.jupiter.params,org.assertj.core \
    --add-reads chat.bench=org.junit.jupiter.api,org.junit.jupiter.params,org.assertj.core $(find bench/tests -name '*.java')
  status=0
  "$JAVA" -p "$OUT/classes:build/test-lib" --patch-module chat.bench="$OUT/test-classes" --add-modules ALL-MODULE-PATH \
    --add-reads chat.bench=org.junit.jupiter.api,org.junit.jupiter.params,org.assertj.core \
    --add-opens chat.bench/chat.bench=org.junit.platform.commons \
    -m org.junit.platform.console execute --disable-banner --details=tree --details-theme=ascii \
    --select-module chat.bench > "$OUT/test-output.txt" 2>&1 || status=$?
  cat "$OUT/test-output.txt"
  passed=$(sed -n 's/.*\[ *\([0-9]*\) tests successful *\].*/\1/p' "$OUT/test-output.txt" | tail -1)
  failed=$(sed -n 's/.*\[ *\([0-9]*\) tests failed *\].*/\1/p' "$OUT/test-output.txt" | tail -1)
  echo "${passed:-0} passed, ${failed:-0} failed"
  exit "$status"
fi
# BENCH_PIN=1: the server on CPU 0, the generator on CPU 1.
PIN_SERVER=() PIN_GEN=()
[ "${BENCH_PIN:-0}" = 1 ] && PIN_SERVER=(taskset -c 0) PIN_GEN=(taskset -c 1)
bench_java() { "${PIN_GEN[@]}" "$JAVA" -XX:+UseParallelGC -Xms512m -Xmx2g -p "$OUT/classes" -m "chat.bench/chat.bench.$1" "${@:2}"; }

# ---- the peers, from Debian ----
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }
install_peers() {
  local missing=()
  for s in $SERVERS; do
    case $s in ngircd|inspircd) [ -x "/usr/sbin/$s" ] || missing+=("$s") ;; esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  # PIDs of daemons running before the install are not ours: never touched.
  local before; before=$(pgrep -x "$(IFS='|'; echo "${missing[*]}")" || true)
  log "installing ${missing[*]} from Debian (apt-get update, then apt-get install)"
  as_root apt-get update -q >&2 || { log "apt-get update failed: skipping ${missing[*]}"; return 0; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2 \
    || { log "apt-get install failed: skipping ${missing[*]}"; return 0; }
  for s in "${missing[@]}"; do
    local now; now=$(pgrep -x "$s" || true)
    local fresh; fresh=$(comm -13 <(echo "$before" | sort) <(echo "$now" | sort) | tr '\n' ' ')
    if [ -n "${fresh// /}" ]; then
      log "the $s package started its own daemon (pid $fresh): stopping it with 'service $s stop'"
      as_root service "$s" stop >&2 || true
    fi
  done
}
install_peers
for s in $SERVERS; do
  case $s in
    chat) ;;
    chat-base) [ -d "$BASELINE/modules" ] || { log "chat-base needs BENCH_BASELINE=DIR holding modules/ and lib/"; exit 2; } ;;
    ngircd|inspircd) [ -x "/usr/sbin/$s" ] || { log "$s is not installed: left out"; SERVERS=$(echo " $SERVERS " | sed "s/ $s / /"); } ;;
    *) log "unknown server $s"; exit 2 ;;
  esac
done

# ---- configs ----
port_of() {
  case $1 in chat) echo "$PORT_BASE" ;; ngircd) echo $((PORT_BASE + 1)) ;; inspircd) echo $((PORT_BASE + 2)) ;; chat-base) echo $((PORT_BASE + 3)) ;; esac
}
echo "bench" > "$OUT/motd.txt"
write_configs() {
  mkdir -p "$OUT/ngircd" "$OUT/inspircd"
  # ngircd: anti-flood and per-IP limits off, no DNS/ident/PAM lookups, PINGs every 10 minutes.
  cat > "$OUT/ngircd/ngircd.conf" <<EOF
[Global]
	Name = ngircd.bench
	Info = chat bench peer
	Listen = 127.0.0.1
	Ports = $(port_of ngircd)
	MotdPhrase = "bench"
[Limits]
	MaxConnections = 0
	MaxConnectionsIP = 0
	MaxJoins = 0
	MaxPenaltyTime = 0
	PingTimeout = 600
[Options]
	DNS = no
	Ident = no
	PAM = no
EOF
  # inspircd: core only (no modules), one connect class with flood limits off and large queues.
  cat > "$OUT/inspircd/inspircd.conf" <<EOF
<server name="inspircd.bench" description="chat bench peer" network="bench">
<admin name="bench" nick="bench" email="bench@localhost">
<bind address="127.0.0.1" port="$(port_of inspircd)" type="clients">
<connect name="bench" allow="*" timeout="60" pingfreq="600"
         threshold="1000000" commandrate="100000000" fakelag="no"
         hardsendq="16777216" softsendq="1048576" recvq="1048576"
         localmax="200000" globalmax="200000" limit="200000"
         resolvehostnames="no" useident="no">
<performance softlimit="200000" somaxconn="4096">
<pid file="$OUT/inspircd/inspircd.pid">
<files motd="$OUT/motd.txt">
<log method="file" type="* -USERINPUT -USEROUTPUT" level="default" target="$OUT/inspircd/inspircd.log">
EOF
  # connect-autojoin: the same with its autojoin module (Debian's InspIRCd 3: m_conn_join), every client to #lobby.
  { cat "$OUT/inspircd/inspircd.conf"
    echo '<module name="conn_join">'
    echo "<autojoin channel=\"$AUTOJOIN_CHANNEL\">"
  } > "$OUT/inspircd/inspircd-autojoin.conf"
}
write_configs

# ---- one server, fresh ----
listening() { # port: is something listening on 127.0.0.1:port (an IPv4 or a dual-stack socket)?
  local hex; hex=$(printf '%04X' "$1")
  grep -q "^ *[0-9]*: [0-9A-F]*:$hex [0:]* 0A " /proc/net/tcp /proc/net/tcp6 2>/dev/null
}
SERVER_PID=
start_server() { # name scenario
  local name=$1 scenario=$2 port; port=$(port_of "$1")
  if listening "$port"; then log "port $port is taken: set BENCH_PORT_BASE"; exit 1; fi
  local logf="$OUT/$name-$scenario.log"
  case $name in
    chat|chat-base)
      # Each start begins with an empty history, so that rounds do not see each other's messages.
      rm -rf "$OUT/chat-data"
      [ -n "$PG_DIR" ] && scripts/throwaway-postgres.sh psql "$PG_DIR" -qc "DROP SCHEMA public CASCADE; CREATE SCHEMA public" 2>/dev/null
      local jfr=() dir=build jvm=("${CHAT_JVM[@]}")
      [ "$name" = chat-base ] && dir=$BASELINE jvm=("${BASE_JVM[@]}")
      [ "$JFR" = 1 ] && jfr=("-XX:StartFlightRecording=filename=$OUT/$name-$scenario.jfr,settings=profile,dumponexit=true")
      local http=-1; case $scenario in fanout-ws*) http=0 ;; esac
      local flags; mapfile -t flags < <(chat_flags "$scenario")
      flags=(--http-port "$http" "${flags[@]}")
      if [ "$name" = chat-base ] && [ -n "${BENCH_BASE_DROP:-}" ]; then
        local kept=() i=0; while [ $i -lt ${#flags[@]} ]; do
          case " $BENCH_BASE_DROP " in *" ${flags[$i]} "*) i=$((i+2)); continue ;; esac
          kept+=("${flags[$i]}"); i=$((i+1)); done
        flags=("${kept[@]}")
      fi
      "${PIN_SERVER[@]}" "$JAVA" "${jvm[@]}" "${jfr[@]}" --enable-native-access=com.sun.jna,org.xerial.sqlitejdbc \
        -p "$dir/modules:$dir/lib" \
        -m chat.server/chat.server.Main --port "$port" "${flags[@]}" > "$logf" 2>&1 &
      ;;
    ngircd) "${PIN_SERVER[@]}" /usr/sbin/ngircd --nodaemon --config "$OUT/ngircd/ngircd.conf" > "$logf" 2>&1 & ;;
    inspircd)
      local asroot=(); [ "$(id -u)" = 0 ] && asroot=(--runasroot)
      local conf=inspircd.conf; [ "$scenario" = connect-autojoin ] && conf=inspircd-autojoin.conf
      "${PIN_SERVER[@]}" /usr/sbin/inspircd --nofork "${asroot[@]}" --config "$OUT/inspircd/$conf" > "$logf" 2>&1 &
      ;;
  esac
  SERVER_PID=$!
  STARTED+=("$SERVER_PID")
  for _ in $(seq 200); do
    listening "$port" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { log "$name exited at start; see $logf"; tail -5 "$logf" >&2; return 1; }
    sleep 0.1
  done
  listening "$port" || { log "$name is not listening on $port after 20 s"; return 1; }
  sleep 1 # let it finish starting before the empty server is measured
  WEB_PORT=
  local http_on=0; case $scenario in fanout-ws*) http_on=1 ;; esac
  if [ "$http_on" = 1 ]; then
    # chat prints "web client at http://HOST:PORT/" once its HTTP listener is bound.
    for _ in $(seq 100); do
      WEB_PORT=$(sed -n 's|^web client at http://[^ ]*:\([0-9]*\)/$|\1|p' "$logf" | head -1)
      [ -n "$WEB_PORT" ] && break
      sleep 0.1
    done
    [ -n "$WEB_PORT" ] || { log "$name printed no HTTP port; see $logf"; return 1; }
  fi
}
stop_server() {
  local p
  for p in "$SERVER_PID" "${CLUSTER_PIDS[@]}"; do stop_pid "$p"; done
  local rest=(); for p in "${STARTED[@]}"; do [ "$p" != "$SERVER_PID" ] && [[ " ${CLUSTER_PIDS[*]} " != *" $p "* ]] && rest+=("$p"); done
  STARTED=("${rest[@]}")
  CLUSTER_PIDS=()
  REDIS_PID=
}

# #12: a network of three chat nodes on one throwaway Redis (ports PORT_BASE+10...13); the generator spreads the
# members over the nodes (MORE) and counts the other nodes' and Redis's CPU with the first node's.
CLUSTER_PIDS=()
MORE=()
start_cluster() { # scenario [server: chat or chat-base]
  local scenario=$1 name=${2:-chat} redis_port=$((PORT_BASE + 10)) i port pids=() ports=() dir=build jvm=("${CHAT_JVM[@]}")
  [ "$name" = chat-base ] && dir=$BASELINE jvm=("${BASE_JVM[@]}")
  WEB_PORT=
  for port in $(seq "$redis_port" $((redis_port + 3))); do
    if listening "$port"; then log "port $port is taken: set BENCH_PORT_BASE"; exit 1; fi
  done
  scripts/ensure-packages.sh redis-server=redis-server
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$OUT" > "$OUT/redis-$scenario.log" 2>&1 &
  local redis_pid=$!
  STARTED+=("$redis_pid"); CLUSTER_PIDS+=("$redis_pid")
  REDIS_PID=$redis_pid REDIS_PORT=$redis_port
  for _ in $(seq 100); do listening "$redis_port" && break; sleep 0.1; done
  listening "$redis_port" || { log "redis-server is not listening on $redis_port"; return 1; }
  for i in 1 2 3; do
    port=$((redis_port + i))
    local jfr=()
    [ "$JFR" = 1 ] && jfr=("-XX:StartFlightRecording=filename=$OUT/$name-$scenario-node$i.jfr,settings=profile,dumponexit=true")
    "$JAVA" "${jvm[@]}" "${jfr[@]}" --enable-native-access=com.sun.jna,org.xerial.sqlitejdbc -p "$dir/modules:$dir/lib" \
      -m chat.server/chat.server.Main --port "$port" --http-port -1 "${CHAT_FLAGS[@]}" \
      --cluster "redis://127.0.0.1:$redis_port" --node-name "node$i" > "$OUT/$name-$scenario-node$i.log" 2>&1 &
    pids+=($!); ports+=("$port")
    STARTED+=($!)
    for _ in $(seq 300); do
      listening "$port" && break
      kill -0 "${pids[-1]}" 2>/dev/null || { log "node$i exited at start; see $OUT/$name-$scenario-node$i.log"; return 1; }
      sleep 0.1
    done
    listening "$port" || { log "node$i is not listening on $port after 30 s"; return 1; }
  done
  SERVER_PID=${pids[0]}
  CLUSTER_PIDS+=("${pids[1]}" "${pids[2]}")
  MORE=(--more-ports "${ports[1]},${ports[2]}" --more-pids "${pids[1]},${pids[2]},$redis_pid")
  sleep 1
}

# #12: what the network costs Redis, sampled before and after the generator: CPU ticks of redis-server, the
# commands it ran (INFO commandstats, INFO itself left out), of which XADDs (one per log entry), and the bytes
# it read and wrote (INFO stats).
REDIS_PID= REDIS_PORT=
redis_sample() {
  local ticks; ticks=$(awk '{print $14 + $15}' "/proc/$REDIS_PID/stat" 2>/dev/null || echo 0)
  redis-cli -p "$REDIS_PORT" INFO all | tr -d '\r' | awk -v ticks="$ticks" -F'[:=,]' '
    /^cmdstat_/ && $1 != "cmdstat_info" { cmds += $3 }
    /^cmdstat_xadd:/ { xadd = $3 }
    /^total_net_input_bytes:/ { in_ = $2 }
    /^total_net_output_bytes:/ { out = $2 }
    END { print ticks, cmds + 0, xadd + 0, in_ + 0, out + 0 }'
}
# The BENCH keys for Redis's cost per log entry between two samples (each message is one entry; the few entries
# of registrations and joins count too): independent of the channel's size if the fan-out stays on the nodes.
redis_cost() { # before after
  awk -v hz="$(getconf CLK_TCK)" -v a="$1" -v b="$2" 'BEGIN {
    split(a, x, " "); split(b, y, " "); n = y[3] - x[3]; if (n <= 0) n = 1
    printf " log_entries=%d redis_cpu_us_per_entry=%.2f redis_cmds_per_entry=%.2f redis_in_bytes_per_entry=%.0f redis_out_bytes_per_entry=%.0f",
      y[3] - x[3], (y[1] - x[1]) * 1e6 / hz / n, (y[2] - x[2]) / n, (y[4] - x[4]) / n, (y[5] - x[5]) / n }'
}

# Other sessions may share this machine: before each run, wait (a bounded time) for its other load to
# drop, and say how busy it was. Each BENCH line also carries other_cpu_pct, measured during the run.
QUIET_PCT=${BENCH_QUIET_PCT:-25}   # % of one core that other processes may use
QUIET_WAIT=${BENCH_QUIET_WAIT:-20} # seconds to wait for that at most (less when the budget is short)
busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
wait_quiet() { # runs-left: shares what the budget leaves after the runs' own time among the runs left
  local waited=0 pct runs_left=$1 elapsed=$(( $(date +%s) - started_at )) done_runs=$2
  local per_run=40; [ "$done_runs" -gt 0 ] && per_run=$(( (elapsed - WAITED_TOTAL) / done_runs + 1 ))
  local max_wait=$(( (BUDGET - elapsed - runs_left * per_run) / runs_left ))
  [ "$max_wait" -gt "$QUIET_WAIT" ] && max_wait=$QUIET_WAIT
  [ "$max_wait" -lt 0 ] && max_wait=0
  while :; do
    read -r b0 t0 < <(busy_ticks); sleep 1; read -r b1 t1 < <(busy_ticks)
    pct=$(( (b1 - b0) * 100 * $(nproc) / (t1 - t0 > 0 ? t1 - t0 : 1) ))
    [ "$pct" -le "$QUIET_PCT" ] && return 0
    if [ "$waited" -ge "$max_wait" ]; then log "machine busy (${pct}% of a core used by others): running anyway"; return 0; fi
    [ "$waited" = 0 ] && log "machine busy (${pct}% of a core used by others): waiting up to ${max_wait} s"
    waited=$((waited + 1)); WAITED_TOTAL=$((WAITED_TOTAL + 1))
  done
}

scenario_args() { # scenario
  local common=(--warmup "$WARMUP" --warmup-max "$WARMUP_MAX" --seconds "$SECONDS_" --max-messages "$MAX_MESSAGES" --drain "$DRAIN"
                --settle "$SETTLE" --phase-limit "$PHASE_LIMIT" --concurrency "$CONCURRENCY" --clk-tck "$(getconf CLK_TCK)")
  [ "${BENCH_QUICKACK:-0}" = 1 ] && common+=(--quickack true)
  case $1 in
    connect) echo "--scenario connect --clients $CLIENTS --warmup-clients $WARMUP_CLIENTS --idle $IDLE ${common[*]}" ;;
    connect-autojoin) echo "--scenario connect --autojoin $AUTOJOIN_CHANNEL --clients $CLIENTS --warmup-clients $WARMUP_CLIENTS" \
                        "--idle $IDLE ${common[*]} --phase-limit $AUTOJOIN_LIMIT" ;;
    fanout-max|fanout-ws|fanout-cluster) echo "--scenario fanout --mode max --members $MEMBERS --senders $SENDERS --window $WINDOW ${common[*]}" ;;
    fanout-ws-deflate) echo "--scenario fanout --mode max --members $MEMBERS --senders $SENDERS --window $WINDOW --websocket-deflate true ${common[*]}" ;;
    fanout-rate|fanout-cluster-rate) echo "--scenario fanout --mode rate --members $MEMBERS --senders $SENDERS --rate $RATE ${common[*]}" ;;
    # #12: the same rate with a quarter of the members: Redis's cost per message must not change.
    fanout-cluster-rate-small) echo "--scenario fanout --mode rate --members $((MEMBERS / 4)) --senders $SENDERS --rate $RATE ${common[*]}" ;;
    direct) echo "--scenario direct --pairs $PAIRS --window $WINDOW ${common[*]}" ;;
    *) log "unknown scenario $1"; exit 2 ;;
  esac
}

# ---- the run ----
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$OUT/results-$STAMP.txt"
{
  echo "# chat bench $STAMP (quick=$QUICK)"
  echo "# machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/^Mem:/{print $2}') GiB, $(uname -sr)"
  echo "# java: $("$JAVA" -version 2>&1 | head -1)"
  for s in $SERVERS; do
    case $s in
      ngircd) echo "# ngircd: $(dpkg-query -W -f='${Version}' ngircd 2>/dev/null)" ;;
      inspircd) echo "# inspircd: $(dpkg-query -W -f='${Version}' inspircd 2>/dev/null)" ;;
    esac
  done
} > "$RESULTS"
cat "$RESULTS" >&2
started_at=$(date +%s)
WAITED_TOTAL=0
# WebSocket members need chat's /webirc: the peers sit fanout-ws(-deflate) out; ngircd has no autojoin.
runs_in() {
  case $1 in
    fanout-ws*) case $2 in chat|chat-base) return 0 ;; *) return 1 ;; esac ;;
    connect-autojoin) [ "$2" != ngircd ] && return 0; return 1 ;;
    fanout-cluster*) case $2 in chat|chat-base) [ "${BENCH_CHAT_STORE:-off}" != on ] && return 0 ;; esac; return 1 ;;
  esac
  return 0
}
total_runs=0
for scenario in $SCENARIOS; do for name in $SERVERS; do runs_in "$scenario" "$name" && total_runs=$((total_runs + REPEAT)); done; done
runs=0
for round in $(seq "$REPEAT"); do
 for scenario in $SCENARIOS; do
  read -r -a args <<< "$(scenario_args "$scenario")"
  # A failed run's line names the scenario as the generator would (connect-autojoin is a table of its own).
  label=${scenario%%-*}; [ "$scenario" = connect-autojoin ] && label=$scenario
  for name in $SERVERS; do
    runs_in "$scenario" "$name" || continue
    wait_quiet $((total_runs - runs)) "$runs"
    runs=$((runs + 1))
    log "$scenario against $name (round $round of $REPEAT)"
    MORE=()
    case $scenario in fanout-cluster*) start=(start_cluster "$scenario" "$name") ;; *) start=(start_server "$name" "$scenario") ;; esac
    if ! "${start[@]}"; then
      echo "BENCH scenario=$label server=$name error=server_did_not_start" >> "$RESULTS"
      stop_server; continue
    fi
    ws=(); [ -n "$WEB_PORT" ] && ws=(--websocket-port "$WEB_PORT")
    pg0=0; t0=$(date +%s%N); [ -n "$PG_DIR" ] && pg0=$(pg_ticks)
    redis0=; [ -n "$REDIS_PID" ] && redis0=$(redis_sample)
    port=$(port_of "$name"); [ ${#MORE[@]} -gt 0 ] && port=$((PORT_BASE + 11))
    line=$(bench_java Main "${args[@]}" "${ws[@]}" "${MORE[@]}" --server "$name" --port "$port" --pid "$SERVER_PID" \
             2> "$OUT/gen-$name-$scenario.log" | grep '^BENCH ' || true)
    [ -n "$line" ] || line="BENCH scenario=$label server=$name error=generator_failed_see_gen-$name-$scenario.log"
    if [ -n "$PG_DIR" ] && [ "$name" = chat ]; then
      pg1=$(pg_ticks); t1=$(date +%s%N)
      line+=$(awk -v d=$((pg1 - pg0)) -v hz="$(getconf CLK_TCK)" -v ns=$((t1 - t0)) \
        'BEGIN { printf " pg_cpu_ms=%.0f pg_cpu_pct=%.1f", d * 1000 / hz, d / hz / (ns / 1e9) * 100 }')
    fi
    if [ -n "$REDIS_PID" ]; then
      line+=$(redis_cost "$redis0" "$(redis_sample)")
      # The smaller channel's runs get a table of their own.
      [ "$scenario" = fanout-cluster-rate-small ] && line=${line/scenario=fanout-cluster /scenario=fanout-cluster-small }
    fi
    [ "${BENCH_PIN:-0}" = 1 ] && line+=" pinned=yes"
    echo "$line" >> "$RESULTS"
    echo "$line"
    stop_server
  done
 done
done
cp "$RESULTS" "$OUT/results.txt"
bench_java Report "$RESULTS" chat | tee "$OUT/report-$STAMP.txt"
if [ "$JFR" = 1 ]; then
  for f in "$OUT"/chat-*.jfr; do
    case $f in *chat-base-*) continue ;; esac
    [ -f "$f" ] || continue
    log "JFR $f"
    "$JDK_BIN/jfr" summary "$f" > "${f%.jfr}.summary.txt" 2>&1 || true
    bench_java JfrSummary "$f" 25 | tee "${f%.jfr}.hot.txt"
  done
fi
log "done in $(( $(date +%s) - started_at )) s; results in $RESULTS"
