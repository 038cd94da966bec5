#!/usr/bin/env bash
# scripts/interop.sh — interop with real IRC clients: irssi and WeeChat (from Debian) and our bundled client talk
# through our server, and each must show what the other said. Run by `make interop` and by CI after `make test`.
#
# irssi and WeeChat run inside detached tmux sessions (no terminal needed) and is read with `tmux capture-pane`; the
# bundled client reads commands from a FIFO and writes to a file. Every wait polls for at most
# INTEROP_WAIT seconds (default 20; INTEROP_START_WAIT, default 60, for what starts a JVM); a failed check
# prints both screens. Everything started is stopped on
# exit. Ends with "interop: N passed, M failed" and exits non-zero when anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."

WAIT=${INTEROP_WAIT:-20}
# Starting a JVM (the server, the bundled client) on a busy machine may take longer than one message.
START_WAIT=${INTEROP_START_WAIT:-60}
POLL=0.2
IRSSI_NICK=irssiuser
WEECHAT_NICK=weeuser
BOT_NICK=botty
TMUX_SESSION="chatinterop-$$"
TMUX_SOCKET="chatinterop-$$"

server_pid=""
client_pid=""
work=""

CHECKS_NAME=interop
. scripts/checks.sh

# --- cleanup -----------------------------------------------------------------------------------------------

cleanup() {
  local status=$?
  tmux -L "$TMUX_SOCKET" kill-session -t "$TMUX_SESSION" 2>/dev/null || true
  tmux -L "$TMUX_SOCKET" kill-session -t weechat 2>/dev/null || true
  tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null || true
  exec 3>&- 2>/dev/null || true
  stop_pid "$client_pid"
  stop_pid "$server_pid"
  [ -n "$work" ] && rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the two screens ---------------------------------------------------------------------------------------

irssi_screen() { tmux -L "$TMUX_SOCKET" capture-pane -p -t "$TMUX_SESSION" 2>/dev/null || true; }

irssi_running() { tmux -L "$TMUX_SOCKET" has-session -t "$TMUX_SESSION" 2>/dev/null; }
irssi_gone() { ! irssi_running; }

# Whether irssi took what was typed: its input line (the last one on screen, "[#lobby] ") is empty, or it quit.
irssi_took_line() {
  irssi_running || return 0
  irssi_screen | sed '/^ *$/d' | tail -n 1 | grep -qE '^\[[^]]*\] *$'
}

# Types a line into irssi (literally, then Enter) and waits until irssi has taken it.
irssi_type() {
  tmux -L "$TMUX_SOCKET" send-keys -t "$TMUX_SESSION" -l -- "$1"
  tmux -L "$TMUX_SOCKET" send-keys -t "$TMUX_SESSION" Enter
  wait_for irssi_took_line || say "irssi did not take the line: $1"
}

# Whether the status bar names this window as the active one: [2:127/#lobby], [2:127/#lobby(+nt)] once irssi
# knows the channel's modes, [3:127/botty].
names_window() { grep -qF -e "/$1]" -e "/$1(" <<<"$2"; }
irssi_active() { names_window "$1" "$(irssi_screen)"; }

# Makes irssi show a window and waits until it does.
irssi_focus() {
  irssi_type "/window goto $1"
  irssi_window=$1
  irssi_goto_at=$SECONDS
  wait_for irssi_active "$1" || say "irssi did not switch to $1"
}

# Says something in irssi's window (a channel or a query).
irssi_say() {
  irssi_focus "$1"
  irssi_type "$2"
}

irssi_window=""   # the window irssi was last told to show
irssi_goto_at=0   # when it was told
# Whether irssi's window WINDOW (a channel or a query nick) shows a line matching the extended regexp.
# It is told to show that window, again every 3 s in case something else took the screen.
irssi_shows() {
  local window=$1 pattern=$2
  if [ "$irssi_window" != "$window" ] || [ $((SECONDS - irssi_goto_at)) -ge 3 ]; then
    irssi_type "/window goto $window"
    irssi_window=$window
    irssi_goto_at=$SECONDS
  fi
  local screen; screen=$(irssi_screen)
  names_window "$window" "$screen" && grep -qE -- "$pattern" <<<"$screen"
}

bot_type() { printf '%s\n' "$1" >&3; }
bot_shows() { grep -qF -- "$1" "$work/bot.out"; }
bot_shows_re() { grep -qE -- "$1" "$work/bot.out"; }

# WeeChat in a session of its own on the same tmux server.
weechat_screen() { tmux -L "$TMUX_SOCKET" capture-pane -p -t weechat 2>/dev/null || true; }
weechat_type() {
  tmux -L "$TMUX_SOCKET" send-keys -t weechat -l -- "$1"
  tmux -L "$TMUX_SOCKET" send-keys -t weechat Enter
}
weechat_shows() { weechat_screen | grep -qE -- "$1"; }
weechat_buffer=""
weechat_buffer_at=0
# Whether WeeChat's buffer BUFFER (a channel or a query nick) shows a line matching the extended regexp; it is
# asked to show the buffer again every 3 s (a query's buffer exists only once its first message came).
weechat_in() {
  if [ "$weechat_buffer" != "$1" ] || [ $((SECONDS - weechat_buffer_at)) -ge 3 ]; then
    weechat_type "/buffer $1"
    weechat_buffer=$1
    weechat_buffer_at=$SECONDS
  fi
  weechat_shows "$2"
}
bot_exited() { ! kill -0 "$client_pid" 2>/dev/null; }

show_screens() {
  echo "----- irssi (window ${irssi_window:-?}) -----"
  irssi_screen | sed '/^ *$/d'
  echo "----- bundled client ($BOT_NICK) -----"
  tail -n 40 "$work/bot.out" 2>/dev/null || true
  echo "----- server -----"
  tail -n 20 "$work/server.out" 2>/dev/null || true
  echo "------------------"
}

# --- the run -----------------------------------------------------------------------------------------------

install_missing irssi tmux weechat
./build.sh build
work=$(mktemp -d "${TMPDIR:-/tmp}/chatinterop.XXXXXX")

# The server picks a free port itself and says which.
bin/chat-server --port 0 --tls-port -1 --http-port -1 --bots none --monitor-interval 0 --data-dir "$work/data" >"$work/server.out" 2>&1 &
server_pid=$!
server_port() { sed -n 's/.* listening on [^ ]*:\([0-9][0-9]*\).*/\1/p' "$work/server.out" 2>/dev/null | head -n 1; }
server_listens() { [ -n "$(server_port)" ]; }
wait_seconds=$START_WAIT require "server listens" server_listens
port=$(server_port)
say "server on 127.0.0.1:$port"

# irssi with its own home: nothing saved, logged, beeped or asked.
mkdir -p "$work/irssi"
cat >"$work/irssi/config" <<EOF
settings = {
  core = {
    real_name = "irssi interop";
    user_name = "$IRSSI_NICK";
    nick = "$IRSSI_NICK";
    settings_autosave = "no";
    awaylog_level = "none";
  };
  "fe-common/core" = {
    autolog = "no";
    beep_msg_level = "";
    bell_beeps = "no";
    term_charset = "UTF-8";
  };
  "fe-text" = {
    paste_detect_time = "0";
    paste_verify_line_count = "0";
  };
  "irc/core" = {
    skip_motd = "yes";
    ctcp_version_reply = "";
  };
  "irc/dcc" = { dcc_autoget = "no"; dcc_autochat_masks = ""; };
};
EOF
printf 'set -g default-terminal "screen"\nset -g history-limit 2000\n' >"$work/tmux.conf"
tmux -L "$TMUX_SOCKET" -f "$work/tmux.conf" new-session -d -s "$TMUX_SESSION" -x 200 -y 50 \
  "env TERM=screen LC_ALL=C.UTF-8 irssi --home='$work/irssi' -c 127.0.0.1 -p $port -n $IRSSI_NICK"
wait_seconds=$START_WAIT require "irssi connects and is put in #lobby" irssi_shows "#lobby" "$IRSSI_NICK \[.*\] has joined #lobby"

# The bundled client reads from a FIFO held open read-write here (fd 3), so it never sees the end of input.
mkfifo "$work/bot.in"
exec 3<>"$work/bot.in"
bin/chat-client --port "$port" --nick "$BOT_NICK" <"$work/bot.in" >"$work/bot.out" 2>&1 &
client_pid=$!
wait_seconds=$START_WAIT require "bundled client connects" bot_shows "* you are in #lobby"
check "irssi sees the bundled client join #lobby" irssi_shows "#lobby" "$BOT_NICK \[.*\] has joined #lobby"

irssi_type "/join #interop"
check "irssi joins #interop" irssi_shows "#interop" "$IRSSI_NICK \[.*\] has joined #interop"

irssi_say "#lobby" "hello lobby from irssi"
check "bundled client sees irssi in #lobby" bot_shows "<$IRSSI_NICK> hello lobby from irssi"

irssi_type "/msg $BOT_NICK hello from irssi"
check "bundled client gets irssi's private message" bot_shows "[private] <$IRSSI_NICK> hello from irssi"

bot_type "/msg $IRSSI_NICK hi irssi"
check "irssi gets the bundled client's private message" irssi_shows "$BOT_NICK" "$BOT_NICK> hi irssi"

bot_type "hello lobby from $BOT_NICK"
check "irssi sees the bundled client in #lobby" irssi_shows "#lobby" "$BOT_NICK> hello lobby from $BOT_NICK"

bot_type "/me waves at irssi"
check "irssi sees the bundled client's action" irssi_shows "#lobby" "\* $BOT_NICK waves at irssi"

irssi_say "#lobby" "/me waves back"
check "bundled client sees irssi's action" bot_shows "* $IRSSI_NICK waves back"

bot_type "/join #interop"
bot_type "hello interop"
check "irssi sees the bundled client join #interop" irssi_shows "#interop" "$BOT_NICK \[.*\] has joined #interop"
check "irssi sees the bundled client talk in #interop" irssi_shows "#interop" "$BOT_NICK> hello interop"

irssi_type "/topic #interop interop works"
check "bundled client sees irssi set the topic" bot_shows "* $IRSSI_NICK changed the topic of #interop to: interop works"

bot_type "/whois $IRSSI_NICK"
check "bundled client shows irssi's WHOIS" bot_shows_re "^\* $IRSSI_NICK is [^ ]+@[^ ]+ \(irssi interop\)$"

irssi_type "/kick #interop $BOT_NICK enough"
check "irssi sees itself kick the bundled client" irssi_shows "#interop" "$BOT_NICK was kicked from #interop by $IRSSI_NICK"
check "bundled client is told it was kicked" bot_shows "* you were kicked from #interop by $IRSSI_NICK (enough)"
check "bundled client talks in #lobby again" bot_shows "* you are now talking in #lobby"

irssi_type "/quit interop done"
# Servers may prefix the reason ("Quit: interop done").
check "irssi quits" irssi_gone
check "bundled client sees irssi quit" bot_shows_re "\* $IRSSI_NICK quit \((Quit: )?interop done\)"

# WeeChat: it asks for every capability it knows (CAP LS 302), joins, talks in #lobby and privately, and quits.
tmux -L "$TMUX_SOCKET" new-session -d -s weechat -x 200 -y 50 \
  "env TERM=screen LC_ALL=C.UTF-8 weechat -d '$work/weechat' -r '/set irc.server_default.nicks $WEECHAT_NICK; /set irc.server_default.username $WEECHAT_NICK; /server add chat 127.0.0.1/$port -notls; /connect chat'"
wait_seconds=$START_WAIT require "weechat connects and is put in #lobby" weechat_in "#lobby" "$WEECHAT_NICK .* has joined #lobby"
check "weechat enabled the IRCv3 capabilities it asked for" weechat_in "chat" "capability, enabled: account-notify away-notify cap-notify"
check "bundled client sees weechat join" bot_shows_re "\\* $WEECHAT_NICK .*joined #lobby"
weechat_type "/buffer #lobby"
weechat_type "hello lobby from weechat"
check "bundled client sees weechat in #lobby" bot_shows "<$WEECHAT_NICK> hello lobby from weechat"
bot_type "hello weechat from $BOT_NICK"
check "weechat sees the bundled client in #lobby" weechat_in "#lobby" "$BOT_NICK \\| hello weechat from $BOT_NICK"
bot_type "/msg $WEECHAT_NICK psst weechat"
check "weechat gets the bundled client's private message" weechat_in "$BOT_NICK" "$BOT_NICK \\| psst weechat"
weechat_type "/msg $BOT_NICK psst back from weechat"
check "bundled client gets weechat's private message" bot_shows "[private] <$WEECHAT_NICK> psst back from weechat"
weechat_type "/quit bye from weechat"
check "bundled client sees weechat quit" bot_shows_re "\\* $WEECHAT_NICK quit \\((Quit: )?bye from weechat\\)"

bot_type "/quit"
check "bundled client quits cleanly" bot_exited
wait "$client_pid" && code=0 || code=$?
client_pid=""
if [ "$code" -eq 0 ] && bot_shows "* disconnected" && ! bot_shows "! "; then
  passed=$((passed + 1)); say "ok   bundled client exits 0 with no error shown"
else
  failed=$((failed + 1)); say "FAIL bundled client exited with $code or showed an error"; show_screens
fi

finish
