# scripts/checks.sh — sourced by the end-to-end scripts (interop.sh, client-tmux.sh): counted checks with
# bounded waits, stopping what they started, installing what they need from Debian.
# The script sets CHECKS_NAME (its name in what it prints), WAIT (seconds), POLL (seconds) and defines
# show_screens (what it prints when a check fails).

passed=0
failed=0

say() { echo "$CHECKS_NAME: $*"; }

# install_missing COMMAND...: installs each missing command's Debian package (of the same name).
install_missing() {
  local missing=() cmd
  for cmd in "$@"; do command -v "$cmd" >/dev/null || missing+=("$cmd"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "need ${missing[*]}: install them (apt-get install ${missing[*]})"; exit 2; }
    sudo=(sudo -n)
  fi
  say "installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Stops a process this script started: TERM, then KILL after ten seconds.
stop_pid() {
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep "$POLL"; done
  kill -9 "$pid" 2>/dev/null || true
}

# Polls the command until it succeeds or WAIT (or wait_seconds) seconds pass.
wait_for() {
  local deadline=$((SECONDS + ${wait_seconds:-$WAIT}))
  until "$@"; do
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep "$POLL"
  done
}

# check NAME COMMAND...: one counted check.
check() {
  local name=$1; shift
  if wait_for "$@"; then
    passed=$((passed + 1))
    say "ok   $name (at ${SECONDS} s)"
  else
    failed=$((failed + 1))
    say "FAIL $name (not seen within ${wait_seconds:-$WAIT} s: $*)"
    show_screens
  fi
}

# require NAME COMMAND...: a check that the rest cannot do without.
require() {
  check "$@"
  [ "$failed" -eq 0 ] || finish
}

finish() {
  echo "$CHECKS_NAME: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && exit 0
  exit 1
}
