// irssi (Debian's) in a detached tmux session, for the browser suite: the issue's "a person in the browser chats
// with an irssi user". Read with `tmux capture-pane`, typed into with `tmux send-keys`, as scripts/interop.sh does.
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

class Irssi {
  constructor(work, port, nick) {
    this.nick = nick;
    this.socket = `chat-webtest-${process.pid}`;
    const home = path.join(work, "irssi");
    fs.mkdirSync(home, { recursive: true });
    // Nothing saved, logged, beeped or asked; the MOTD skipped.
    fs.writeFileSync(path.join(home, "config"), `settings = {
  core = { real_name = "irssi user"; user_name = "${nick}"; nick = "${nick}"; settings_autosave = "no"; };
  "fe-common/core" = { autolog = "no"; beep_msg_level = ""; bell_beeps = "no"; term_charset = "UTF-8"; };
  "fe-text" = { paste_detect_time = "0"; paste_verify_line_count = "0"; };
  "irc/core" = { skip_motd = "yes"; ctcp_version_reply = ""; };
};
`);
    this.tmux("new-session", "-d", "-s", "irssi", "-x", "200", "-y", "50",
      `env TERM=screen LC_ALL=C.UTF-8 irssi --home='${home}' -c 127.0.0.1 -p ${port} -n ${nick}`);
  }

  tmux(...args) {
    const run = spawnSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8" });
    if (run.status !== 0 && args[0] !== "kill-server") throw new Error(`tmux ${args[0]}: ${run.stderr.trim()}`);
    return run.stdout;
  }

  screen() { return this.tmux("capture-pane", "-p", "-t", "irssi"); }

  // Types a line (literally) and Enter.
  type(text) {
    this.tmux("send-keys", "-t", "irssi", "-l", "--", text);
    this.tmux("send-keys", "-t", "irssi", "Enter");
  }

  // Shows a window (a channel or a query nick).
  show(window) { this.type(`/window goto ${window}`); }

  stop() { this.tmux("kill-server"); }
}

module.exports = { Irssi };
