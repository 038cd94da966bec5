#!/usr/bin/env python3
"""A small external bot for chat (or any IRC server), on the Python standard library alone.

    python3 examples/remind_bot.py --host 127.0.0.1 --port 12345 --nick Remy --channels '#lobby'

In a channel: "!remind 10m stretch your legs" answers "alice: reminder: stretch your legs" ten minutes later;
"!time" says the server-independent UTC time. It marks itself a bot with MODE +B (WHOIS shows it, messages carry
the bot tag), answers PING, never answers other bots (messages tagged "bot"), and keeps at most MAX_PENDING
reminders so that nobody can make it use unbounded memory.
"""
import argparse
import re
import socket
import ssl
import threading
import time

MAX_PENDING = 100
MAX_DELAY_SECONDS = 7 * 24 * 3600
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_delay(text):
    """'90s', '10m', '1h30m' -> seconds, or None when it is not a delay."""
    parts = re.fullmatch(r"(?:(\d{1,6})([smhd]))+", text)
    if not parts:
        return None
    total = sum(int(n) * UNITS[u] for n, u in re.findall(r"(\d{1,6})([smhd])", text))
    return total if 0 < total <= MAX_DELAY_SECONDS else None


def parse_line(line):
    """An IRC line -> (tags dict, source nick, command, params list)."""
    tags = {}
    if line.startswith("@"):
        raw, _, line = line[1:].partition(" ")
        for item in raw.split(";"):
            key, _, value = item.partition("=")
            tags[key] = value
    source = ""
    if line.startswith(":"):
        source, _, line = line[1:].partition(" ")
    trailing = None
    if " :" in line:
        line, _, trailing = line.partition(" :")
    params = line.split()
    command = params.pop(0).upper() if params else ""
    if trailing is not None:
        params.append(trailing)
    return tags, source.split("!")[0], command, params


class RemindBot:
    def __init__(self, sock, nick, channels):
        self.sock = sock
        self.nick = nick
        self.channels = channels
        self.pending = 0
        self.lock = threading.Lock()

    def send(self, line):
        with self.lock:
            self.sock.sendall((line.replace("\r", " ").replace("\n", " ")[:450] + "\r\n").encode())

    def say(self, target, text):
        self.send(f"PRIVMSG {target} :{text}")

    def remind_later(self, target, who, delay, text):
        def fire():
            time.sleep(delay)
            self.say(target, f"{who}: reminder: {text}")
            with self.lock:
                self.pending -= 1
        threading.Thread(target=fire, daemon=True).start()

    def on_message(self, tags, who, target, text):
        if "bot" in tags or "draft/bot" in tags:
            return
        reply_to = target if target.startswith("#") else who
        words = text.split(maxsplit=2)
        if not words:
            return
        if words[0] == "!time":
            self.say(reply_to, time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()))
        elif words[0] == "!remind":
            delay = parse_delay(words[1]) if len(words) > 1 else None
            if delay is None or len(words) < 3:
                self.say(reply_to, f"{who}: usage: !remind 10m text (at most 7d)")
                return
            with self.lock:
                if self.pending >= MAX_PENDING:
                    full = True
                else:
                    full = False
                    self.pending += 1
            if full:
                self.say(reply_to, f"{who}: too many reminders pending, try later")
                return
            self.say(reply_to, f"{who}: I will remind you in {words[1]}.")
            self.remind_later(reply_to, who, delay, words[2])

    def run(self, reader):
        self.send("CAP REQ :message-tags")
        self.send(f"NICK {self.nick}")
        self.send(f"USER {self.nick.lower()} 0 * :reminder bot (examples/remind_bot.py)")
        self.send("CAP END")
        for raw in reader:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            tags, who, command, params = parse_line(line)
            if command == "PING":
                self.send("PONG :" + (params[-1] if params else ""))
            elif command == "001":
                self.nick = params[0]
                self.send(f"MODE {self.nick} +B")
                for channel in self.channels:
                    self.send(f"JOIN {channel}")
            elif command == "433":
                self.nick += "_"
                self.send(f"NICK {self.nick}")
            elif command == "PRIVMSG" and len(params) == 2:
                self.on_message(tags, who, params[0], params[1])
            elif command == "ERROR":
                break


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=12345)
    parser.add_argument("--tls", action="store_true", help="connect with TLS (certificate checked)")
    parser.add_argument("--nick", default="Remy")
    parser.add_argument("--channels", default="#lobby", help="comma-separated")
    args = parser.parse_args()
    sock = socket.create_connection((args.host, args.port))
    if args.tls:
        sock = ssl.create_default_context().wrap_socket(sock, server_hostname=args.host)
    bot = RemindBot(sock, args.nick, [c for c in args.channels.split(",") if c])
    bot.run(sock.makefile("rb"))


if __name__ == "__main__":
    main()
