#!/usr/bin/env bash
# scripts/client-tmux.sh — the interactive terminal client (#16), driven in tmux like a person would: typed
# keys (tmux send-keys) and the screen (tmux capture-pane). Two other people (the bundled client on plain
# pipes, reading commands from FIFOs) talk to it while it types. Checks that an incoming line does not corrupt
# a half-typed one, no double echo, Tab completion, /switch and Alt-N, history with the times things were
# said, reconnecting after a server restart (rejoining channels, telling the new server the /monitor list), and
# that Ctrl-C says QUIT.
# Run by `make client-tmux` and CI. Every wait is bounded (CLIENT_TMUX_WAIT seconds, default 20; starting a
# JVM: CLIENT_TMUX_START_WAIT, default 60). Ends with "client-tmux: N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")/.."

WAIT=${CLIENT_TMUX_WAIT:-20}
START_WAIT=${CLIENT_TMUX_START_WAIT:-60}
POLL=0.2
SOCKET="chatclient-$$"
SESSION="chatclient-$$"
ME=alice

server_pid=""
talker_pids=()
work=""

CHECKS_NAME=client-tmux
. scripts/checks.sh

cleanup() {
  local status=$?
  tmux -L "$SOCKET" kill-server 2>/dev/null || true
  exec 3>&- 4>&- 2>/dev/null || true
  for pid in "${talker_pids[@]}"; do stop_pid "$pid"; done
  stop_pid "$server_pid"
  [ -n "$work" ] && rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

show_screens() {
  echo "----- $ME's screen -----"
  screen_all | sed '/^ *$/d' | tail -n 30
  for name in bob carol; do
    echo "----- $name (bundled client on a pipe) -----"
    tail -n 10 "$work/$name.out" 2>/dev/null || true
  done
  echo "----- server -----"
  tail -n 10 "$work/server.out" 2>/dev/null || true
  echo "------------------"
}

# --- the client under test, in tmux ------------------------------------------------------------------------

screen_now() { tmux -L "$SOCKET" capture-pane -p -t "$SESSION" 2>/dev/null || true; }
screen_all() { tmux -L "$SOCKET" capture-pane -p -S -5000 -t "$SESSION" 2>/dev/null || true; }
# The line being edited: the last line on the screen that is not empty.
input_line() { screen_now | sed '/^ *$/d' | tail -n 1 | sed 's/ *$//'; }
input_is() { [ "$(input_line)" = "$1" ]; }
shows() { screen_all | grep -qE -- "$1"; }
count() { screen_all | grep -cE -- "$1" || true; }
shows_times() { [ "$(count "$1")" -eq "$2" ]; }
type_keys() { tmux -L "$SOCKET" send-keys -t "$SESSION" -l -- "$1"; }
press() { tmux -L "$SOCKET" send-keys -t "$SESSION" "$@"; }
# Types a line and Enter, once the prompt is back.
type_line() { type_keys "$1"; press Enter; }

# --- the other people: the bundled client on pipes ---------------------------------------------------------

start_talker() {
  local name=$1 fd=$2
  mkfifo "$work/$name.in"
  eval "exec $fd<>\"\$work/\$name.in\""
  bin/chat-client --port "$port" --nick "$name" <"$work/$name.in" >"$work/$name.out" 2>&1 &
  talker_pids+=($!)
}
bob() { printf '%s\n' "$1" >&3; }
carol() { printf '%s\n' "$1" >&4; }
heard() { grep -qF -- "$2" "$work/$1.out"; }

# --- the server --------------------------------------------------------------------------------------------

start_server() {
  bin/chat-server --port "${1:-0}" --tls-port -1 --http-port -1 --bots none --monitor-interval 0 --data-dir "$work/data" \
    --exempt 127.0.0.0/8,::1 >"$work/server.out" 2>&1 &
  server_pid=$!
}
server_port() { sed -n 's/.* listening on [^ ]*:\([0-9][0-9]*\).*/\1/p' "$work/server.out" 2>/dev/null | head -n 1; }
server_listens() { [ -n "$(server_port)" ]; }

# --- the run -----------------------------------------------------------------------------------------------

install_missing tmux
./build.sh build
work=$(mktemp -d "${TMPDIR:-/tmp}/chatclient.XXXXXX")
start_server
wait_seconds=$START_WAIT require "server listens" server_listens
port=$(server_port)
say "server on 127.0.0.1:$port"

# The client with a home of its own (no ~/.config/chat/client.properties of the developer's).
mkdir -p "$work/home"
printf 'set -g default-terminal "screen"\nset -g history-limit 5000\n' >"$work/tmux.conf"
tmux -L "$SOCKET" -f "$work/tmux.conf" new-session -d -s "$SESSION" -x 160 -y 40 \
  "env HOME='$work/home' XDG_CONFIG_HOME='$work/home/.config' TERM=screen LC_ALL=C.UTF-8 bin/chat-client --port $port --nick $ME; echo client exited with \$?; sleep 600"
wait_seconds=$START_WAIT require "the prompt names the channel" input_is "[#lobby] $ME>"

start_talker bob 3
start_talker carol 4
wait_seconds=$START_WAIT require "bob is in #lobby" heard bob "* you are in #lobby"
wait_seconds=$START_WAIT require "carol is in #lobby" heard carol "* you are in #lobby"
check "$ME sees bob join" shows "\* bob joined #lobby"

# An incoming line does not corrupt the half-typed one.
type_keys "half typed words"
check "the half-typed line is on the input line" input_is "[#lobby] $ME> half typed words"
bob "a line from bob while alice types"
check "bob's line is shown" shows "^[0-9:]{5} <bob> a line from bob while alice types$"
check "the half-typed line is intact below it" input_is "[#lobby] $ME> half typed words"
press Enter
check "bob gets the finished line" heard bob "<$ME> half typed words"
check "$ME sees her line once, with time and nick (no double echo)" shows_times "half typed words" 1
check "the prompt is back, empty" input_is "[#lobby] $ME>"

# Tab completes nicknames (addressing at the start of the line) and commands.
type_keys "bo"
press Tab
check "Tab completes bob's nick" input_is "[#lobby] $ME> bob:"
type_line "are you there"
check "bob is addressed" heard bob "<$ME> bob: are you there"
type_keys "/swi"
press Tab
check "Tab completes a command" input_is "[#lobby] $ME> /switch"
press C-u

# Several channels: /join, /switch, /N, Alt-N; lines from elsewhere carry their channel's name.
type_line "/join #dev"
check "the prompt follows /join" input_is "[#dev] $ME>"
carol "/join #dev"
check "$ME sees carol join #dev" shows "\* carol joined #dev"
bob "lobby news"
check "a line from another channel is prefixed with its name" shows "^[0-9:]{5} \[#lobby\] <bob> lobby news$"
type_line "/switch #lobby"
check "/switch changes the target" input_is "[#lobby] $ME>"
press M-2
check "Alt-2 switches to the second channel" input_is "[#dev] $ME>"
type_line "/1"
check "/1 switches to the first" input_is "[#lobby] $ME>"
type_keys "/switch #d"
press Tab
check "Tab completes a channel" input_is "[#lobby] $ME> /switch #dev"
press Enter
check "... and it switches" input_is "[#dev] $ME>"
type_line "in dev now"
check "text goes to the current channel" heard carol "<$ME> in dev now"
bob "/msg $ME psst alice"
check "a private message is shown as such" shows "^[0-9:]{5} \[private\] <bob> psst alice$"

# History: under a header, with the time it was said (the minute is let pass first), once; none is said so.
carol "/msg #dev said before the minute turned"
check "$ME sees carol's line" shows "<carol> said before the minute turned"
said=$(screen_all | sed -n 's/^\([0-9:]\{5\}\) <carol> said before the minute turned$/\1/p' | tail -n 1)
minute_turned() { [ "$(date +%H:%M)" != "$said" ]; }
wait_seconds=70 check "the minute turns" minute_turned
type_line "/history"
check "the history comes under a header" shows "^\* history of #dev:$"
check "with the time it was said ($said), not now" shows_times "^$said <carol> said before the minute turned$" 2
check "the header is shown once" shows_times "history of #dev" 1
type_line "/join #empty"
check "the prompt follows to #empty" input_is "[#empty] $ME>"
type_line "/history"
check "an empty history says so" shows "^\* no history of #empty$"
type_line "/switch #dev"
check "back in #dev" input_is "[#dev] $ME>"

# A notify list (#15's /monitor), which the server forgets with the connection.
type_line "/monitor dave"
check "/monitor: dave is offline" shows_times "^\* offline: dave$" 1

# The server goes away and comes back on the same port: the client connects again, rejoins and monitors again.
stop_pid "$server_pid"
check "$ME is told the server went away" shows "disconnected from server"
check "... and that she will connect again" shows "connecting again in"
start_server "$port"
wait_seconds=$START_WAIT check "the server is back" server_listens
wait_seconds=$START_WAIT check "$ME rejoins #dev" shows_times "\* you joined #dev" 2
check "the prompt still names #dev" input_is "[#dev] $ME>"
check "the notify list is told to the new server" shows_times "^\* offline: dave$" 2
mkfifo "$work/dave.in"
exec 5<>"$work/dave.in"
bin/chat-client --port "$port" --nick dave <"$work/dave.in" >"$work/dave.out" 2>&1 &
talker_pids+=($!)
wait_seconds=$START_WAIT check "dave connects" heard dave "* you are in #lobby"
check "... and $ME is told that dave is online" shows "^\* online: dave$"
printf '/join #dev\n' >&5
check "$ME sees dave join #dev after the restart" shows "\* dave joined #dev"
type_line "back after the restart"
check "dave hears her in #dev" heard dave "<$ME> back after the restart"

# Ctrl-C leaves with a QUIT.
press C-c
check "Ctrl-C: the client says QUIT and exits" heard dave "* $ME quit"
check "... with code 0" shows "^client exited with 0$"

finish
