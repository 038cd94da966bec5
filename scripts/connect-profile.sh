#!/bin/bash
# #17: profiles the measured round of the bench's `connect` (BENCHMARKS.md "#17: where a registration's CPU goes").
# Starts one chat JVM with the bench's flags and bin/chat-server.jvm-options, runs the bench's connect generator
# (10,000 clients after its warm-up rounds) RUNS times against it, and during the last run's measured round:
#   MODE=perf      perf record -F 999 -e cpu-clock -g of the server (split it with scripts/perf-split.py)
#   MODE=window    only the round's wall-clock start and end (for a JFR recording passed as JVM options)
#   MODE=idle      10 s after the round: VmRSS, GC.heap_info, the live heap (GC.class_histogram), VmRSS again
#   MODE=rss       VmRSS every 0.5 s for 15 s after the round, with NMT summaries (pass -XX:NativeMemoryTracking=summary)
# Usage: scripts/connect-profile.sh MODE PORT [extra JVM options...]; RUNS=N (default 1); output in build/connect-profile/.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=$1 PORT=$2; shift 2
RUNS=${RUNS:-1}
OUT=build/connect-profile
mkdir -p "$OUT"
./build.sh build >&2
JAVA=$(./build.sh java)
JDK_BIN=$(dirname "$JAVA")
rm -rf "$OUT/classes"
"$JDK_BIN/javac" --release 21 -encoding UTF-8 --module-source-path bench/src --module chat.bench -d "$OUT/classes"
ulimit -n 20000
read -r -a JVM <<< "$(sed 's/#.*//' bin/chat-server.jvm-options | xargs)"
echo bench > "$OUT/motd.txt"
"$JAVA" "${JVM[@]}" "$@" --enable-native-access=com.sun.jna,org.xerial.sqlitejdbc -p build/modules:build/lib \
  -m chat.server/chat.server.Main --port "$PORT" --http-port -1 --host 127.0.0.1 --default-channel none \
  --sendq 16777216 --recvq 1048576 --monitor-interval 0 --ping-interval 600 --registration-timeout 60 \
  --motd-file "$OUT/motd.txt" --tls-port -1 --flood-rate 0 --exempt 127.0.0.0/8,::1 --max-clients 200000 \
  --bots none --data-dir none > "$OUT/server.log" 2>&1 &
PID=$!
trap 'kill -TERM $PID 2>/dev/null || true' EXIT
hex=$(printf '%04X' "$PORT")
for _ in $(seq 300); do grep -q "^ *[0-9]*: [0-9A-F]*:$hex [0:]* 0A " /proc/net/tcp && break; sleep 0.1; done
IDLE=5; [ "$MODE" = idle ] && IDLE=40
: > "$OUT/gen.out"
await_line() { until grep -q "measured round $1" "$OUT/gen.err" 2>/dev/null; do sleep 0.02; done; }
for run in $(seq "$RUNS"); do
  "$JAVA" -XX:+UseParallelGC -Xms512m -Xmx2g -p "$OUT/classes" -m chat.bench/chat.bench.Main --scenario connect \
    --clients 10000 --warmup-clients 1000 --idle "$IDLE" --settle 2 --phase-limit 60 --concurrency 500 \
    --clk-tck "$(getconf CLK_TCK)" --server chat --port "$PORT" --pid "$PID" >> "$OUT/gen.out" 2> "$OUT/gen.err" &
  GEN=$!
  if [ "$run" != "$RUNS" ]; then wait $GEN; sleep 3; continue; fi
  await_line starts
  date -u +%FT%T.%NZ > "$OUT/window"
  case $MODE in
    perf)
      perf record -F 999 -e cpu-clock -g -p "$PID" -o "$OUT/perf.data" > "$OUT/perf.log" 2>&1 &
      PERF=$!
      await_line ends
      kill -INT $PERF; wait $PERF || true ;;
    rss)
      await_line ends
      for i in $(seq 30); do
        echo "t=$(( i * 5 / 10 )).$(( i * 5 % 10 ))s $(grep VmRSS /proc/$PID/status)"
        [ "$i" = 4 ] && "$JDK_BIN/jcmd" $PID VM.native_memory summary | grep -E "committed|Arena"
        sleep 0.5
      done > "$OUT/rss.txt" 2>&1
      "$JDK_BIN/jcmd" $PID VM.native_memory summary | grep -E "committed|Arena" >> "$OUT/rss.txt" 2>&1 ;;
    idle)
      await_line ends
      sleep 10
      { echo "VmRSS before: $(grep VmRSS /proc/$PID/status)"
        "$JDK_BIN/jcmd" $PID GC.heap_info
        "$JDK_BIN/jcmd" $PID GC.class_histogram | tail -1
        echo "VmRSS after a full GC: $(grep VmRSS /proc/$PID/status)"
        "$JDK_BIN/jcmd" $PID GC.heap_info; } > "$OUT/idle.txt" 2>&1 ;;
    *) await_line ends ;;
  esac
  date -u +%FT%T.%NZ >> "$OUT/window"
  wait $GEN
done
# The JVM writes its perf map (-XX:+DumpPerfMapAtExit) as it exits.
kill -TERM $PID; wait $PID || true
trap - EXIT
grep '^BENCH' "$OUT/gen.out"
