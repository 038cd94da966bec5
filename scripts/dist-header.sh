#!/bin/sh
# chat.run: the chat server and client in one file (a jlink runtime image, no JDK needed).
#   chat.run server [options]   or   chat.run client [options]
# or call it through a link named chat-server / chat-client. Unpacks once into ~/.cache/chat-run/<id>, where
# <id> is a digest of the image's files (the same sources give the same id); older unpacked copies are removed.
set -e
id=@IMAGE_ID@
parent="${XDG_CACHE_HOME:-$HOME/.cache}/chat-run"
cache="$parent/$id"
if [ ! -x "$cache/bin/chat-server" ]; then
  tmp="$cache.tmp.$$"
  mkdir -p "$tmp"
  start=$(awk '/^__PAYLOAD_BELOW__$/ { print NR + 1; exit }' "$0")
  tail -n +"$start" "$0" | tar -xzf - -C "$tmp"
  mv "$tmp" "$cache" 2>/dev/null || rm -rf "$tmp"
  # #16: one copy per version is enough; a copy still unpacking (*.tmp.PID) belongs to another run.
  for old in "$parent"/*; do
    case "$old" in "$cache" | *.tmp.*) ;; *) rm -rf "$old" ;; esac
  done
fi
case "${1:-}" in
  server|chat-server) shift; exec "$cache/bin/chat-server" "$@" ;;
  client|chat-client) shift; exec "$cache/bin/chat-client" "$@" ;;
esac
case "$(basename "$0")" in
  *server*) exec "$cache/bin/chat-server" "$@" ;;
  *client*) exec "$cache/bin/chat-client" "$@" ;;
esac
echo "usage: $(basename "$0") server|client [options]   (e.g. $(basename "$0") server --port 6667)" >&2
exit 2
__PAYLOAD_BELOW__
