// IRC lines and small helpers shared by the web client and nothing else. No network access here.
"use strict";

const Irc = (() => {
  const TAG_UNESCAPE = { ":": ";", s: " ", r: "\r", n: "\n", "\\": "\\" };

  // One IRC line (without CR LF) into { tags, source, nick, command, params }.
  function parse(line) {
    let i = 0;
    const tags = {};
    if (line[0] === "@") {
      const end = line.indexOf(" ");
      for (const tag of line.slice(1, end).split(";")) {
        const eq = tag.indexOf("=");
        const key = eq < 0 ? tag : tag.slice(0, eq);
        const raw = eq < 0 ? "" : tag.slice(eq + 1);
        tags[key] = raw.replace(/\\(.)?/g, (m, c) => (c === undefined ? "" : TAG_UNESCAPE[c] ?? c));
      }
      i = end + 1;
      while (line[i] === " ") i++;
    }
    let source = null;
    if (line[i] === ":") {
      const end = line.indexOf(" ", i);
      source = line.slice(i + 1, end);
      i = end + 1;
      while (line[i] === " ") i++;
    }
    const params = [];
    let command = null;
    while (i < line.length) {
      if (line[i] === ":" && command !== null) { params.push(line.slice(i + 1)); break; }
      let end = line.indexOf(" ", i);
      if (end < 0) end = line.length;
      const word = line.slice(i, end);
      if (command === null) command = word.toUpperCase(); else params.push(word);
      i = end;
      while (line[i] === " ") i++;
    }
    const nick = source ? source.split("!")[0] : null;
    return { tags, source, nick, command, params };
  }

  // A line from a command and its parameters; the last one gets a ':' when it needs one.
  function line(command, ...params) {
    const out = [command];
    params.forEach((p, k) => {
      p = String(p).replace(/[\r\n]/g, " ");
      const last = k === params.length - 1;
      out.push(last && (p === "" || p.includes(" ") || p[0] === ":") ? ":" + p : p);
    });
    return out.join(" ");
  }

  // RFC 1459 casemapping, as the server's default.
  function fold(name) {
    return name.toLowerCase().replace(/[[\]\\~]/g, (c) => ({ "[": "{", "]": "}", "\\": "|", "~": "^" })[c]);
  }

  function isChannel(name) {
    return /^[#&]/.test(name);
  }

  // A stable colour per nickname.
  function nickColour(nick) {
    let h = 0;
    for (const c of fold(nick)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    return `hsl(${h % 360}, 65%, var(--nick-lightness))`;
  }

  // UTF-8 text to base64, for AUTHENTICATE.
  function base64(text) {
    const bytes = new TextEncoder().encode(text);
    let s = "";
    bytes.forEach((b) => (s += String.fromCharCode(b)));
    return btoa(s);
  }

  return { parse, line, fold, isChannel, nickColour, base64 };
})();
