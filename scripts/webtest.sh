#!/usr/bin/env bash
# scripts/webtest.sh — the web client in a real browser: Debian's Chromium driven by playwright-core (from npm,
# never a downloaded browser build). Two browser users, a TCP client and irssi (in tmux) chat in a channel and
# privately, register and log in, scroll back into history, see a mention highlighted, and survive a server restart;
# /metrics is parsed by the Prometheus Python client's parser while its counters move. Run by `make webtest` and CI.
#
# Installs what is missing: chromium, irssi, tmux and python3-prometheus-client with apt-get, playwright-core with npm
# into build/webtest (never into git). The metrics parser runs on Debian's /usr/bin/python3, where apt puts the client. WEBTEST_SCREENSHOTS=DIR also writes the README's screenshots into DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "webtest: $*"; }
PLAYWRIGHT_VERSION=1.65.1
DIR=build/webtest

install_missing() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v irssi >/dev/null || missing+=(irssi)
  command -v tmux >/dev/null || missing+=(tmux)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  /usr/bin/python3 -c 'import prometheus_client' 2>/dev/null || missing+=(python3-prometheus-client)
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null || { say "need ${missing[*]}: install them (apt-get install ${missing[*]})"; exit 2; }
      sudo=(sudo -n)
    fi
    say "installing ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ ! -f "$DIR/node_modules/playwright-core/package.json" ]; then
    say "installing playwright-core $PLAYWRIGHT_VERSION from npm into $DIR"
    mkdir -p "$DIR"
    [ -f "$DIR/package.json" ] || echo '{"private": true}' > "$DIR/package.json"
    (cd "$DIR" && npm install --silent --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null)
  fi
}

install_missing
./build.sh build
java=$(./build.sh java)
export WEBTEST_JAVA="$java"
export WEBTEST_MODULE_PATH="$PWD/build/modules:$PWD/build/lib"
export NODE_PATH="$PWD/$DIR/node_modules"
node tests/web/browser.cjs
