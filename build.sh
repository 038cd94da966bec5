#!/usr/bin/env bash
# build.sh [deps|build|test|image|dist|clean] — the whole build, with javac/jlink from a JDK >= 21.
# Maven only fetches jars (pom.xml); everything else is plain JDK tooling.
set -euo pipefail
cd "$(dirname "$0")"

MODULES=(chat.protocol chat.monitor chat.server chat.store.jdbc chat.store chat.store.postgres chat.cluster chat.bots chat.web chat.client)
# ONLY_MODULES="chat.protocol chat.client" builds and tests just those (and what they require).
[ -n "${ONLY_MODULES:-}" ] && read -r -a MODULES <<< "$ONLY_MODULES"
BUILD=${BUILD_DIR:-build}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for d in /usr/lib/jvm/*; do [ -d "$d" ] && candidates+=("$d"); done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/javac" ] && [ -x "$home/bin/jlink" ] || continue
    local v
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then echo "$home"; return 0; fi
  done
  return 1
}

if ! JDK=$(find_jdk); then
  echo "build.sh: no JDK >= 21 with javac and jlink found (looked at JAVA_HOME and /usr/lib/jvm/*)." >&2
  # #16: Debian 12 ships OpenJDK 17 only (no openjdk-21-jdk): point at Adoptium's repository, or at any JDK.
  echo "Install one and run again, or point JAVA_HOME at one you have. On Debian 12 (which has OpenJDK 17 only)," >&2
  echo "add Adoptium's apt repository (https://adoptium.net/installation/linux/) and 'apt-get install temurin-21-jdk';" >&2
  echo "Debian 13 and Ubuntu 24.04 have 'apt-get install openjdk-21-jdk'." >&2
  exit 2
fi
export JAVA_HOME="$JDK"
JAVA="$JDK/bin/java"
JAVAC="$JDK/bin/javac"

deps() {
  if [ -f "$BUILD/lib/.stamp" ] && [ -f "$BUILD/test-lib/.stamp" ] && [ "$BUILD/lib/.stamp" -nt pom.xml ]; then return; fi
  command -v mvn >/dev/null || { echo "build.sh: Maven (mvn) is needed to fetch dependencies: apt-get install maven" >&2; exit 2; }
  rm -rf "$BUILD/lib" "$BUILD/test-lib"
  mkdir -p "$BUILD"
  local log="$BUILD/maven.log" status=0
  mvn -q -B -Dstyle.color=never -f pom.xml process-resources -Ddeps.dir="$(cd "$BUILD" && pwd)" >"$log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    grep -v -e 'sun.misc.Unsafe' -e '^WARNING: ' "$log" >&2 || true
    echo "build.sh: Maven failed (exit $status) fetching the jars pom.xml names; its output is above and in $log" >&2
    exit 1
  fi
  [ -f "$BUILD/lib/oshi-core-7.5.0.jar" ] || { echo "build.sh: Maven succeeded but left no jars in $BUILD/lib (see $log)" >&2; exit 1; }
  # jlink links explicit modules only: give the automatic ones a module-info of their own.
  modularize "$BUILD/lib" 'prometheus-metrics-*.jar'
  modularize "$BUILD/test-lib" 'prometheus-metrics-*.jar'
  modularize "$BUILD/lib" 'postgresql-*.jar' java.desktop  # java.desktop: only for PGpoint's java.awt.Point
  modularize "$BUILD/lib" '*edis*.jar'  # #12: Jedis and its authentication core (redis-authx-core)
  touch "$BUILD/lib/.stamp" "$BUILD/test-lib/.stamp"
}

# modularize DIR GLOB [MODULE...]: adds to each automatic-module jar in DIR matching GLOB the module-info.class
# jdeps infers from its bytecode, with every jar of DIR on the module path (annotation-only dependencies such as
# javax.annotation are left out); the MODULEs named become "requires static" (needed only by parts of the jar
# nobody here uses).
modularize() {
  local dir=$1 glob=$2; shift 2
  local work; work=$(mktemp -d)
  local jars=("$dir"/$glob)
  [ -e "${jars[0]}" ] || { rm -rf "$work"; return 0; }
  "$JDK/bin/jdeps" --ignore-missing-deps --multi-release 21 --module-path "$dir" --generate-module-info "$work/src" \
    "${jars[@]}" >/dev/null 2>&1
  local jar name info m
  for jar in "${jars[@]}"; do
    name=$("$JDK/bin/jar" --describe-module --file "$jar" | sed -n 's/^\([A-Za-z0-9_.]*\)@.* automatic$/\1/p')
    info=$(find "$work/src/$name" -name module-info.java 2>/dev/null | head -1)
    [ -n "$name" ] && [ -n "$info" ] || continue
    for m in "$@"; do sed -i "s/requires\( transitive\)\? $m;/requires static $m;/" "$info"; done
    "$JAVAC" --release 21 -nowarn -d "$work/classes/$name" --module-path "$dir" --patch-module "$name=$jar" "$info"
    "$JDK/bin/jar" --update --file "$jar" -C "$work/classes/$name" module-info.class
  done
  rm -rf "$work"
}

# What the compiled modules were built from: every source's name, size and time, and pom.xml's. A source
# deleted, added or changed, or a changed pom.xml, makes it differ from the copy kept beside the build.
sources_listing() {
  find src pom.xml -type f -printf '%p %s %T@\n' | LC_ALL=C sort
}

build() {
  deps
  local stamp="$BUILD/modules/.stamp"
  if [ -z "${ONLY_MODULES:-}" ] && [ -f "$stamp" ] && [ "$(sources_listing)" = "$(cat "$stamp")" ]; then return; fi
  rm -rf "$BUILD/modules"
  local list; list=$(IFS=,; echo "${MODULES[*]}")
  "$JAVAC" --release 21 -Xlint:all,-requires-automatic,-missing-explicit-ctor -Werror -encoding UTF-8 \
    --module-source-path src -p "$BUILD/lib" -d "$BUILD/modules" --module "$list"
  local m
  for m in "${MODULES[@]}"; do
    if [ -d "src/$m/resources" ]; then cp -r "src/$m/resources/." "$BUILD/modules/$m/"; fi
  done
  # A partial build (ONLY_MODULES) must not pass for a full one.
  if [ -z "${ONLY_MODULES:-}" ]; then sources_listing >"$stamp"; else rm -f "$stamp"; fi
}

TEST_LIBS=(org.junit.jupiter.api org.junit.jupiter.params org.assertj.core)

# White-box tests live in tests/<module>/ and are patched into that module; tests/chat.e2e is a module of its own.
test_compile() {
  build
  rm -rf "$BUILD/test-classes"
  local reads; reads=$(IFS=,; echo "${TEST_LIBS[*]}")
  for m in "${MODULES[@]}"; do
    [ -d "tests/$m" ] || continue
    "$JAVAC" --release 21 -encoding UTF-8 -d "$BUILD/test-classes/$m" \
      -p "$BUILD/modules:$BUILD/test-lib" --patch-module "$m=tests/$m" \
      --add-modules "$reads" --add-reads "$m=$reads" \
      $(find "tests/$m" -name '*.java')
  done
  if [ -z "${ONLY_MODULES:-}" ]; then
    "$JAVAC" --release 21 -encoding UTF-8 -d "$BUILD/test-classes/chat.e2e" \
      -p "$BUILD/modules:$BUILD/test-lib" $(find tests/chat.e2e -name '*.java')
  fi
}

run_tests() {
  # #11: the PostgreSQL tests start their own server from Debian's package; they never skip, so install it.
  scripts/throwaway-postgres.sh install
  test_compile
  # #14: the external-bot tests run Limnoria (Debian's limnoria) and the Python example bot.
  [ -z "${ONLY_MODULES:-}" ] && scripts/ensure-packages.sh supybot=limnoria python3=python3 redis-server=redis-server haproxy=haproxy
  local reads; reads=$(IFS=,; echo "${TEST_LIBS[*]}")
  local args=(-p "$BUILD/modules:$BUILD/test-lib:$BUILD/test-classes/chat.e2e" --add-modules ALL-MODULE-PATH
              --enable-native-access=com.sun.jna,org.xerial.sqlitejdbc -XX:+EnableDynamicAgentLoading -Xshare:auto)
  local select=()
  [ -d "$BUILD/test-classes/chat.e2e" ] && select+=(--select-module chat.e2e)
  for m in "${MODULES[@]}"; do
    [ -d "$BUILD/test-classes/$m" ] || continue
    args+=(--patch-module "$m=$BUILD/test-classes/$m" --add-reads "$m=$reads")
    for pkg in $(cd "$BUILD/test-classes/$m" && find . -name '*.class' -printf '%h\n' | sort -u | sed 's|^\./||; s|/|.|g'); do
      args+=(--add-opens "$m/$pkg=org.junit.platform.commons")
    done
    select+=(--select-module "$m")
  done
  # Selections of one's own (--select-class X, --select-method Y) replace the whole-suite module selection.
  case " $* " in *" --select"*) select=() ;; esac
  rm -rf "$BUILD/test-reports" "$BUILD/test-logs"
  # #16: the servers the tests start log to build/test-logs/, not between the lines of the test tree.
  mkdir -p "$BUILD/test-logs"
  local logs; logs=$(cd "$BUILD/test-logs" && pwd)
  printf '%s\n' 'handlers=java.util.logging.FileHandler' \
    "java.util.logging.FileHandler.pattern=$logs/server.log" 'java.util.logging.FileHandler.limit=0' \
    'java.util.logging.FileHandler.formatter=java.util.logging.SimpleFormatter' \
    'java.util.logging.SimpleFormatter.format=%1$tF %1$tT %4$s %3$s: %5$s%6$s%n' >"$BUILD/test-logs/logging.properties"
  args+=(-Djava.util.logging.config.file="$logs/logging.properties" -Dchat.test.logs="$logs")
  local colours=()
  [ -t 1 ] || colours=(--disable-ansi-colors)
  local status=0
  "$JAVA" "${args[@]}" -m org.junit.platform.console execute --disable-banner --details=tree "${colours[@]}" \
    --details-theme=ascii --reports-dir "$BUILD/test-reports" "${select[@]}" "$@" | tee "$BUILD/test-output.txt" || status=$?
  local passed failed
  passed=$(sed -n 's/.*\[ *\([0-9]*\) tests successful *\].*/\1/p' "$BUILD/test-output.txt" | tail -1)
  failed=$(sed -n 's/.*\[ *\([0-9]*\) tests failed *\].*/\1/p' "$BUILD/test-output.txt" | tail -1)
  passed=${passed:-0}; failed=${failed:-0}
  echo "$passed passed, $failed failed (servers' logs in $BUILD/test-logs/)"
  if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
}

# Requirements of library modules that only their desktop or rowset features use (jdeps: OSHI's and JNA's window
# listing, JNA's AWT helpers; nothing of sqlite-jdbc's). jlink links them as optional ("requires static"), so
# the image holds no java.desktop, java.datatransfer or java.sql.rowset (#16).
OPTIONAL_REQUIRES=(java.desktop java.datatransfer java.sql.rowset)

# build/jlink-lib: the runtime jars as jlink sees them, their descriptors' OPTIONAL_REQUIRES made static. Needs
# the ClassFile API (JDK 24+); with an older JDK the jars are linked as they are.
jlink_lib() {
  local out="$BUILD/jlink-lib"
  rm -rf "$out"
  mkdir -p "$out"
  cp "$BUILD"/lib/*.jar "$out/"
  local version; version=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ "${version%%.*}" -ge 24 ] || return 0
  "$JAVA" scripts/OptionalRequires.java "$(IFS=,; echo "${OPTIONAL_REQUIRES[*]}")" "$out"/*.jar
}

image() {
  build
  jlink_lib
  rm -rf "$BUILD/image"
  # The image runs on this machine's OS only: leave out SQLite's native libraries for the others (about 12 MB).
  # (JLine's cannot be: its descriptor names their packages; they are 0.2 MB.)
  local exclude=()
  [ "$(uname -s)" = Linux ] && exclude=(--exclude-resources='regex:/org.xerial.sqlitejdbc/org/sqlite/native/(Windows|Mac|FreeBSD)/.*')
  "$JDK/bin/jlink" -p "$BUILD/modules:$BUILD/jlink-lib" "${exclude[@]}" \
    --add-modules chat.server,chat.store,chat.store.postgres,chat.cluster,chat.bots,chat.web,chat.client,org.slf4j.nop \
    --launcher chat-server=chat.server/chat.server.Main \
    --launcher chat-client=chat.client/chat.client.Main \
    --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
    --output "$BUILD/image"
  # The server's module graph holds JNA (through OSHI) and SQLite's JDBC driver (through chat.store, named
  # above because jlink does not bind services): allow them native access without a warning.
  # #17: and the server's JVM options, as bin/chat-server gives them.
  local jvm; jvm=$(sed 's/#.*//' bin/chat-server.jvm-options | xargs)
  sed -i "s|^JLINK_VM_OPTIONS=.*|JLINK_VM_OPTIONS=\"--enable-native-access=com.sun.jna,org.xerial.sqlitejdbc $jvm\"|" "$BUILD/image/bin/chat-server"
  # #16: the launchers exec java, so that the PID a shell gives for them is the JVM's (signals reach it).
  sed -i 's|^\$DIR/java |exec "$DIR/java" |; s|^DIR=`dirname $0`|DIR=$(dirname "$0")|' "$BUILD/image/bin/chat-server" "$BUILD/image/bin/chat-client"
  local launcher
  for launcher in "$BUILD/image/bin/chat-server" "$BUILD/image/bin/chat-client"; do
    grep -q '^exec "$DIR/java" ' "$launcher" || { echo "build.sh: cannot make $launcher exec java" >&2; exit 1; }
  done
  echo "image: $BUILD/image (bin/chat-server, bin/chat-client; JDK modules: $(image_jdk_modules))"
}

image_jdk_modules() {
  "$BUILD/image/bin/java" --list-modules | sed 's/@.*//' | grep -E '^(java|jdk)\.' | tr '\n' ' ' | sed 's/ $//'
}

dist() {
  image
  local payload="$BUILD/chat-image.tar.gz"
  # The same image gives the same file: entries sorted, no owners or times, gzip without a time stamp; the
  # cache key is a digest of the image's files, so the same sources unpack once.
  tar -C "$BUILD/image" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - . | gzip -n -9 >"$payload"
  local sum
  sum=$(cd "$BUILD/image" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
  sed "s/@IMAGE_ID@/$sum/" scripts/dist-header.sh > "$BUILD/chat.run"
  cat "$payload" >> "$BUILD/chat.run"
  chmod +x "$BUILD/chat.run"
  rm -f "$payload"
  echo "dist: $BUILD/chat.run ($(du -h "$BUILD/chat.run" | cut -f1))"
}

case "${1:-build}" in
  deps) deps ;;
  build) build ;;
  test) shift; run_tests "$@" ;;
  image) image ;;
  dist) dist ;;
  java) echo "$JAVA" ;;
  clean) rm -rf "$BUILD" ;;
  *) echo "usage: build.sh [deps|build|test|image|dist|java|clean]" >&2; exit 2 ;;
esac
