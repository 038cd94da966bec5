// The web client: one page, one WebSocket to /webirc (text.ircv3.net), nothing fetched from anywhere else.
"use strict";

const $ = (id) => document.getElementById(id);
const CAPS_WANTED = ["server-time", "message-tags", "echo-message", "batch", "draft/chathistory", "multi-prefix",
  "sasl", "away-notify", "standard-replies", "labeled-response", "draft/read-marker"];
const HISTORY_PAGE = 50;
const MAX_BACKOFF_MS = 30000;
const SERVER = "*server*";
// A read position goes to the server at most this often while new lines keep arriving in the chat being read.
const MARKREAD_DELAY_MS = 1000;

const state = {
  nick: "", account: null, login: null, password: null, register: false, remember: true, everRegistered: false,
  socket: null, connected: false, registered: false, caps: new Set(), wantedCaps: [],
  buffers: new Map(), current: SERVER, joining: new Set(), batches: new Map(), backoff: 1000, reconnectTimer: null, stopped: true,
  chantypes: "#&", prefixes: { o: "@", v: "+" }, prefixOrder: "@%+",
};

// ---------- saved state: the session's channels, read positions, and the login (password never in clear) ----------

const store = {
  get(key, fallback) {
    try { return JSON.parse(localStorage.getItem("chat." + key)) ?? fallback; } catch { return fallback; }
  },
  set(key, value) { localStorage.setItem("chat." + key, JSON.stringify(value)); },
  remove(key) { localStorage.removeItem("chat." + key); },
};

// The password is kept encrypted with an AES-GCM key that the browser stores in IndexedDB as non-extractable:
// no script (and nothing reading localStorage) can get the key out, so the password is never stored in clear.
const vault = {
  db() {
    return new Promise((resolve, reject) => {
      const open = indexedDB.open("chat-vault", 1);
      open.onupgradeneeded = () => open.result.createObjectStore("keys");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
  },
  async key(create) {
    const db = await this.db();
    const existing = await new Promise((resolve) => {
      const get = db.transaction("keys").objectStore("keys").get("login");
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => resolve(null);
    });
    if (existing || !create) return existing;
    const key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
    await new Promise((resolve) => {
      const tx = db.transaction("keys", "readwrite");
      tx.objectStore("keys").put(key, "login");
      tx.oncomplete = resolve;
    });
    return key;
  },
  async save(account, password) {
    if (!window.crypto?.subtle) return;
    const key = await this.key(true);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(password));
    store.set("login", { account, iv: Array.from(iv), sealed: Array.from(new Uint8Array(sealed)) });
  },
  async load() {
    const saved = store.get("login", null);
    if (!saved || !window.crypto?.subtle) return null;
    try {
      const key = await this.key(false);
      if (!key) return null;
      const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: new Uint8Array(saved.iv) }, key,
        new Uint8Array(saved.sealed));
      return { account: saved.account, password: new TextDecoder().decode(plain) };
    } catch {
      return null;
    }
  },
  forget() { store.remove("login"); },
};

// ---------- buffers ----------

function buffer(name, create = true) {
  const key = name === SERVER ? SERVER : Irc.fold(name);
  let b = state.buffers.get(key);
  if (!b && create) {
    b = { key, name, kind: name === SERVER ? "server" : Irc.isChannel(name) ? "channel" : "query", lines: [],
      unread: 0, mention: false, topic: "", members: new Map(), joined: false, loading: false,
      historyDone: false, seen: new Set(), serverRead: 0, markTimer: null };
    state.buffers.set(key, b);
    // A private chat's read position, from the account's other clients (a channel's comes with its JOIN).
    if (b.kind === "query" && state.registered && state.caps.has("draft/read-marker")) send("MARKREAD", name);
    renderBufferList();
  }
  return b;
}

// ---------- read positions: the account's on the server (draft/read-marker) when it keeps them, and this browser's ----------

function readPositions() { return store.get("read", {}); }

function readTime(b) { return readPositions()[b.key] ?? 0; }

// Moves this browser's position forward (never back).
function raiseReadTime(b, time) {
  const read = readPositions();
  if ((read[b.key] ?? 0) >= time) return;
  read[b.key] = time;
  store.set("read", read);
}

function markRead(b) {
  const last = b.lines[b.lines.length - 1];
  if (!last) return;
  raiseReadTime(b, last.time);
  if (!state.caps.has("draft/read-marker") || b.kind === "server" || b.markTimer) return;
  b.markTimer = setTimeout(() => { b.markTimer = null; sendReadTime(b); }, MARKREAD_DELAY_MS);
}

// Tells the server (and through it the account's other clients) how far this chat was read.
function sendReadTime(b) {
  const time = readTime(b);
  if (time <= b.serverRead || !state.registered) return;
  b.serverRead = time;
  send("MARKREAD", b.name, `timestamp=${new Date(time).toISOString()}`);
}

// The server's position of a chat: on joining, on asking, or moved by another client of the same account.
function readMarkerArrived(b, value) {
  const time = value?.startsWith("timestamp=") ? Date.parse(value.slice("timestamp=".length)) : NaN;
  if (Number.isNaN(time)) {
    sendReadTime(b); // the server has none yet: it gets this browser's
    return;
  }
  b.serverRead = Math.max(b.serverRead, time);
  raiseReadTime(b, time);
  if (readTime(b) > time) sendReadTime(b);
  recount(b);
}

// Unread lines and mentions after the read position, for a chat that is not on screen.
function recount(b) {
  if (state.current === b.key && !document.hidden) return;
  const read = readTime(b);
  const unread = b.lines.filter((l) => (l.kind === "message" || l.kind === "action") && l.time > read
    && l.from !== state.nick);
  b.unread = unread.length;
  b.mention = unread.some((l) => l.mention || b.kind === "query");
  renderBufferList();
}

function switchTo(name) {
  const b = buffer(name);
  state.current = b.key;
  b.unread = 0;
  b.mention = false;
  markRead(b);
  renderAll();
  document.body.classList.remove("show-buffers", "show-members");
  $("input").focus();
}

function closeBuffer(b) {
  if (b.kind === "channel" && b.joined) send("PART", b.name);
  state.buffers.delete(b.key);
  saveChannels();
  if (state.current === b.key) state.current = SERVER;
  renderAll();
}

function saveChannels() {
  store.set("channels", [...state.buffers.values()].filter((b) => b.kind === "channel" && b.joined).map((b) => b.name));
  store.set("queries", [...state.buffers.values()].filter((b) => b.kind === "query").map((b) => b.name));
}

// ---------- lines ----------

function timeOf(msg) {
  const t = msg.tags?.time ? Date.parse(msg.tags.time) : Date.now();
  return Number.isNaN(t) ? Date.now() : t;
}

function mentions(text) {
  if (!state.nick) return false;
  const escaped = state.nick.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\w])${escaped}($|[^\\w])`, "i").test(text);
}

// Adds a line to a buffer; `older` lines come from history and go in time order before the rest.
function addLine(target, line, { older = false, live = true } = {}) {
  const b = buffer(target);
  if (line.msgid) {
    if (b.seen.has(line.msgid)) return;
    b.seen.add(line.msgid);
  }
  line.mention = line.kind !== "self" && (line.kind === "message" || line.kind === "action") && mentions(line.text);
  if (older) {
    b.lines.unshift(line);
  } else {
    b.lines.push(line);
  }
  const visible = state.current === b.key && !document.hidden;
  const counts = line.kind === "message" || line.kind === "action";
  const read = readTime(b);
  if (counts && !visible && line.time > read && line.from !== state.nick) {
    b.unread++;
    if (line.mention || b.kind === "query") b.mention = true;
  }
  if (live && counts && document.hidden && line.from !== state.nick && (line.mention || b.kind === "query")) {
    notify(b, line);
  }
  if (visible && counts) markRead(b);
  if (state.current === b.key) {
    if (older) renderMessages(true); else appendMessage(line);
  }
  renderBufferList();
}

function notify(b, line) {
  if (!("Notification" in window) || Notification.permission !== "granted") return;
  const n = new Notification(b.kind === "query" ? `${line.from} (private)` : `${line.from} in ${b.name}`,
    { body: line.text, tag: b.key });
  n.onclick = () => { window.focus(); switchTo(b.name); n.close(); };
}

function info(target, text, kind = "info", msg = null) {
  addLine(target, { kind, text, from: null, time: msg ? timeOf(msg) : Date.now() });
}

// ---------- rendering ----------

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]}]/g;

// Text with links made clickable; never fetched (no previews), opened only when clicked.
function richText(text, into) {
  let last = 0;
  for (const m of text.matchAll(URL_PATTERN)) {
    if (m.index > last) into.append(text.slice(last, m.index));
    const a = document.createElement("a");
    a.href = m[0];
    a.textContent = m[0];
    a.target = "_blank";
    a.rel = "noopener noreferrer nofollow";
    into.append(a);
    last = m.index + m[0].length;
  }
  if (last < text.length) into.append(text.slice(last));
}

function messageElement(line) {
  const row = document.createElement("div");
  row.className = `line ${line.kind}${line.mention ? " mention" : ""}`;
  const time = document.createElement("time");
  const d = new Date(line.time);
  time.dateTime = d.toISOString();
  time.textContent = d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  time.title = d.toLocaleString();
  row.append(time);
  if (line.kind === "message" || line.kind === "self" || line.kind === "notice") {
    const who = document.createElement("span");
    who.className = "nick";
    who.textContent = line.kind === "notice" ? `-${line.from}-` : line.from;
    who.style.color = Irc.nickColour(line.from);
    row.append(who);
  } else if (line.kind === "action") {
    const star = document.createElement("span");
    star.className = "nick";
    star.textContent = `* ${line.from}`;
    star.style.color = Irc.nickColour(line.from);
    row.append(star);
  }
  const body = document.createElement("span");
  body.className = "text";
  richText(line.text, body);
  row.append(body);
  return row;
}

function nearBottom(el) {
  return el.scrollHeight - el.scrollTop - el.clientHeight < 40;
}

function appendMessage(line) {
  const box = $("messages");
  const stick = nearBottom(box);
  box.append(messageElement(line));
  if (stick) box.scrollTop = box.scrollHeight;
}

function renderMessages(keepPosition = false) {
  const box = $("messages");
  const b = buffer(state.current === SERVER ? SERVER : currentBuffer().name);
  const fromBottom = box.scrollHeight - box.scrollTop;
  const stick = !keepPosition || nearBottom(box);
  box.replaceChildren(...b.lines.map(messageElement));
  if (b.kind !== "server" && b.historyDone) {
    const start = document.createElement("div");
    start.className = "line start";
    start.textContent = "Start of the conversation";
    box.prepend(start);
  }
  box.scrollTop = stick && !keepPosition ? box.scrollHeight : box.scrollHeight - fromBottom;
}

function currentBuffer() {
  return state.buffers.get(state.current) ?? buffer(SERVER);
}

function renderBufferList() {
  const list = $("buffer-list");
  const items = [...state.buffers.values()].sort((a, b) =>
    (a.kind === "server" ? -1 : b.kind === "server" ? 1 : 0) || (a.kind === b.kind ? 0 : a.kind === "channel" ? -1 : 1)
    || a.name.localeCompare(b.name));
  list.replaceChildren(...items.map((b) => {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.className = `buffer${b.key === state.current ? " current" : ""}${b.mention ? " mentioned" : ""}${b.unread ? " unread" : ""}`;
    button.dataset.buffer = b.name;
    if (b.key === state.current) button.setAttribute("aria-current", "page");
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = b.kind === "server" ? "Server" : b.name;
    button.append(name);
    if (b.unread) {
      const count = document.createElement("span");
      count.className = `count${b.mention ? " mention" : ""}`;
      count.textContent = b.unread;
      count.setAttribute("aria-label", `${b.unread} unread${b.mention ? ", mentioned" : ""}`);
      button.append(count);
    }
    button.onclick = () => switchTo(b.name);
    li.append(button);
    if (b.kind !== "server") {
      const close = document.createElement("button");
      close.className = "close";
      close.textContent = "×";
      close.setAttribute("aria-label", b.kind === "channel" ? `Leave ${b.name}` : `Close ${b.name}`);
      close.onclick = () => closeBuffer(b);
      li.append(close);
    }
    return li;
  }));
  const total = [...state.buffers.values()].reduce((n, b) => n + b.unread, 0);
  document.title = total ? `(${total}) chat` : "chat";
}

function prefixRank(prefix) {
  const i = state.prefixOrder.indexOf(prefix[0] ?? "");
  return i < 0 ? state.prefixOrder.length : i;
}

function renderMembers() {
  const b = currentBuffer();
  const members = [...b.members.entries()].sort(([a, pa], [c, pc]) =>
    prefixRank(pa) - prefixRank(pc) || a.localeCompare(c, undefined, { sensitivity: "base" }));
  $("member-count").textContent = b.kind === "channel" ? `${members.length} people` : "";
  $("member-list").replaceChildren(...members.map(([nick, prefix]) => {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.className = "member";
    button.textContent = prefix.slice(0, 1) + nick;
    button.style.color = Irc.nickColour(nick);
    button.title = `Private chat with ${nick}`;
    button.onclick = () => switchTo(nick);
    li.append(button);
    return li;
  }));
}

function renderHeader() {
  const b = currentBuffer();
  $("buffer-name").textContent = b.kind === "server" ? "Server" : b.name;
  const topic = $("buffer-topic");
  topic.replaceChildren();
  richText(b.topic || "", topic);
  $("my-nick").textContent = state.nick;
  $("my-account").textContent = state.account ? `(logged in as ${state.account})` : "";
  document.body.classList.toggle("in-channel", b.kind === "channel");
}

function renderAll() {
  renderHeader();
  renderBufferList();
  renderMessages();
  renderMembers();
}

function setConnState(text, kind) {
  const el = $("conn-state");
  el.textContent = text;
  el.className = `conn ${kind}`;
}

// ---------- connection ----------

function send(command, ...params) {
  if (state.socket?.readyState === WebSocket.OPEN) state.socket.send(Irc.line(command, ...params));
}

function connect() {
  clearTimeout(state.reconnectTimer);
  state.stopped = false;
  const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/webirc`;
  const socket = new WebSocket(url, ["text.ircv3.net"]);
  state.socket = socket;
  state.registered = false;
  state.caps = new Set();
  setConnState("Connecting…", "busy");
  socket.onopen = () => {
    state.connected = true;
    send("CAP", "LS", "302");
    send("NICK", state.nick);
    send("USER", state.nick.replace(/[^A-Za-z0-9]/g, "") || "web", "0", "*", "chat web client");
  };
  socket.onmessage = (event) => handle(Irc.parse(event.data));
  socket.onclose = () => {
    if (state.socket !== socket) return;
    state.connected = false;
    for (const b of state.buffers.values()) b.joined = false;
    if (state.stopped) { setConnState("Disconnected", "down"); return; }
    const wait = state.backoff;
    state.backoff = Math.min(state.backoff * 2, MAX_BACKOFF_MS);
    setConnState(`Disconnected: the server is unreachable. Reconnecting in ${Math.round(wait / 1000)} s…`, "down");
    info(SERVER, "Disconnected from the server.", "error");
    state.reconnectTimer = setTimeout(connect, wait);
  };
}

function disconnect() {
  state.stopped = true;
  clearTimeout(state.reconnectTimer);
  if (state.socket) { send("QUIT", "Logged out"); state.socket.close(); }
}

// ---------- what the server says ----------

const handlers = {
  CAP(m) {
    const sub = m.params[1];
    if (sub === "LS") {
      const more = m.params[2] === "*";
      const offered = (more ? m.params[3] : m.params[2]).split(" ").map((c) => c.split("=")[0]);
      state.wantedCaps.push(...CAPS_WANTED.filter((c) => offered.includes(c)));
      if (more) return;
      const wanted = state.wantedCaps.filter((c) => c !== "sasl" || state.password);
      state.wantedCaps = [];
      if (wanted.length) send("CAP", "REQ", wanted.join(" ")); else send("CAP", "END");
    } else if (sub === "ACK") {
      m.params[2].split(" ").forEach((c) => state.caps.add(c));
      if (state.caps.has("sasl") && state.password && !state.register) send("AUTHENTICATE", "PLAIN");
      else send("CAP", "END");
    } else if (sub === "NAK") {
      send("CAP", "END");
    }
  },
  AUTHENTICATE(m) {
    if (m.params[0] !== "+") return;
    const token = Irc.base64(`${state.login}\0${state.login}\0${state.password}`);
    for (let i = 0; i < token.length; i += 400) send("AUTHENTICATE", token.slice(i, i + 400));
    if (token.length % 400 === 0) send("AUTHENTICATE", "+");
  },
  900(m) {
    state.account = m.params[2];
    renderHeader();
  },
  903() {
    if (state.remember) vault.save(state.login, state.password);
    send("CAP", "END");
  },
  904(m) { loginFailed(m.params[1] || "Wrong nickname or password"); },
  432(m) { if (!state.registered) nickRefused(`The nickname ${m.params[1]} cannot be used: choose another.`); },
  433(m) {
    if (state.registered) { info(state.current, `The nickname ${m.params[1]} is already in use.`, "error", m); return; }
    // Logging in to an account used elsewhere, or coming back after a reconnect: carry on under another nickname.
    if (state.password || state.everRegistered) { state.nick = alternativeNick(m.params[1]); send("NICK", state.nick); return; }
    nickRefused(`The nickname ${m.params[1]} is already in use: choose another.`);
  },
  902(m) { loginFailed(m.params[1]); },
  905(m) { loginFailed(m.params[1]); },
  "001"(m) {
    state.nick = m.params[0];
    state.registered = true;
    state.everRegistered = true;
    state.backoff = 1000;
    setConnState("Connected", "up");
    showApp();
    if (state.register && state.password) send("REGISTER", "*", "*", state.password);
    const channels = store.get("channels", []);
    if (channels.length) send("JOIN", channels.join(","));
    store.get("queries", []).forEach((q) => history(buffer(q), "latest"));
    renderAll();
  },
  "005"(m) {
    for (const token of m.params.slice(1, -1)) {
      const [key, value] = token.split("=");
      if (key === "CHANTYPES" && value) state.chantypes = value;
      if (key === "PREFIX" && value) {
        const match = /^\(([^)]*)\)(.*)$/.exec(value);
        if (match) {
          state.prefixOrder = match[2];
          state.prefixes = Object.fromEntries([...match[1]].map((mode, i) => [mode, match[2][i]]));
        }
      }
    }
  },
  REGISTER(m) {
    if (m.params[0] === "SUCCESS") {
      state.account = m.params[1];
      state.register = false;
      if (state.remember) vault.save(state.account, state.password);
      info(state.current, `Account ${m.params[1]} registered: you are logged in.`);
      renderHeader();
    }
  },
  FAIL(m) {
    if (m.params[0] === "REGISTER") { state.register = false; loginFailed(m.params[m.params.length - 1]); return; }
    info(state.current, `${m.params[0]}: ${m.params[m.params.length - 1]}`, "error", m);
  },
  PING(m) { send("PONG", ...m.params); },
  ERROR(m) { info(SERVER, m.params[0] ?? "Connection closed", "error"); },
  NICK(m) {
    const to = m.params[0];
    if (Irc.fold(m.nick) === Irc.fold(state.nick)) { state.nick = to; renderHeader(); }
    for (const b of state.buffers.values()) {
      if (b.members.has(m.nick)) {
        const prefix = b.members.get(m.nick);
        b.members.delete(m.nick);
        b.members.set(to, prefix);
        info(b.name, `${m.nick} is now known as ${to}`, "event", m);
      }
    }
    renderMembers();
  },
  JOIN(m) {
    const b = buffer(m.params[0]);
    if (m.nick === state.nick) {
      b.joined = true;
      b.members.clear();
      saveChannels();
      history(b, "latest");
      // The user's own /join opens the channel; rejoining after a reconnect leaves the view alone.
      if (state.current === SERVER || state.joining.delete(b.key)) switchTo(b.name);
    } else {
      b.members.set(m.nick, "");
      info(b.name, `${m.nick} joined`, "event", m);
    }
    renderMembers();
  },
  PART(m) {
    const b = buffer(m.params[0]);
    if (m.nick === state.nick) {
      b.joined = false;
      state.buffers.delete(b.key);
      saveChannels();
      if (state.current === b.key) state.current = SERVER;
      renderAll();
      return;
    }
    b.members.delete(m.nick);
    info(b.name, `${m.nick} left${m.params[1] ? ` (${m.params[1]})` : ""}`, "event", m);
    renderMembers();
  },
  KICK(m) {
    const b = buffer(m.params[0]);
    b.members.delete(m.params[1]);
    info(b.name, `${m.params[1]} was kicked by ${m.nick}${m.params[2] ? ` (${m.params[2]})` : ""}`, "event", m);
    if (m.params[1] === state.nick) { b.joined = false; saveChannels(); }
    renderMembers();
  },
  QUIT(m) {
    for (const b of state.buffers.values()) {
      if (b.members.delete(m.nick)) info(b.name, `${m.nick} quit${m.params[0] ? ` (${m.params[0]})` : ""}`, "event", m);
    }
    renderMembers();
  },
  MODE(m) {
    if (!Irc.isChannel(m.params[0])) return;
    info(m.params[0], `${m.nick} sets mode ${m.params.slice(1).join(" ")}`, "event", m);
    send("NAMES", m.params[0]);
  },
  TOPIC(m) {
    const b = buffer(m.params[0]);
    b.topic = m.params[1] ?? "";
    info(b.name, `${m.nick} set the topic: ${b.topic}`, "event", m);
    renderHeader();
  },
  332(m) { buffer(m.params[1]).topic = m.params[2]; renderHeader(); },
  353(m) {
    const b = buffer(m.params[2]);
    if (!b.namesPending) { b.members.clear(); b.namesPending = true; }
    for (const entry of m.params[3].split(" ").filter(Boolean)) {
      let i = 0;
      while (i < entry.length && state.prefixOrder.includes(entry[i])) i++;
      b.members.set(entry.slice(i).split("!")[0], entry.slice(0, i));
    }
  },
  366(m) { const b = buffer(m.params[1]); b.namesPending = false; renderMembers(); },
  PRIVMSG(m) { message(m, "message"); },
  NOTICE(m) { message(m, "notice"); },
  BATCH(m) {
    const ref = m.params[0];
    if (ref[0] === "+") {
      state.batches.set(ref.slice(1), { type: m.params[1], target: m.params[2], lines: [] });
    } else {
      const batch = state.batches.get(ref.slice(1));
      state.batches.delete(ref.slice(1));
      if (batch?.type === "chathistory") historyArrived(batch);
    }
  },
  AWAY() {},
  MARKREAD(m) {
    const b = buffer(m.params[0], false);
    if (b) readMarkerArrived(b, m.params[1]);
  },
};

function handle(m) {
  const handler = handlers[m.command];
  if (handler) { handler(m); return; }
  if (!/^\d{3}$/.test(m.command)) return;
  // Other replies (WHOIS, errors, MOTD...): errors where the user is, the rest in the server window.
  const text = m.params.slice(1).join(" ");
  if (m.command[0] === "4" || m.command[0] === "5") info(state.registered ? state.current : SERVER, text, "error", m);
  else if (/^3(1[1-9]|30|38|78)$/.test(m.command)) info(state.current, text, "info", m);
  else info(SERVER, text, "info", m);
}

// Registration refused the nickname: back to the login screen, the saved login kept.
function nickRefused(text) {
  $("login-error").textContent = text;
  disconnect();
  showLogin();
}

function alternativeNick(nick) {
  const base = nick.replace(/_\d*$/, "");
  const n = Number(/_(\d*)$/.exec(nick)?.[1] || (nick.endsWith("_") ? 1 : 0)) + 1;
  return n === 1 ? `${base}_` : `${base}_${n}`;
}

function loginFailed(text) {
  $("login-error").textContent = text;
  state.password = null;
  vault.forget();
  disconnect();
  showLogin();
}

function message(m, kind) {
  const batchRef = m.tags.batch;
  let text = m.params[1] ?? "";
  const target = m.params[0];
  if (!m.nick || m.nick.includes(".") && !m.source.includes("!")) {
    info(state.registered ? state.current : SERVER, text, "notice", m);
    return;
  }
  const action = /^\x01ACTION (.*?)\x01?$/.exec(text);
  if (action) { text = action[1]; kind = "action"; } else if (text.startsWith("\x01")) return;
  const mine = Irc.fold(m.nick) === Irc.fold(state.nick);
  const bufferName = Irc.isChannel(target) ? target : mine ? target : m.nick;
  const line = { kind: mine && kind === "message" ? "self" : kind, from: m.nick, text, time: timeOf(m), msgid: m.tags.msgid };
  if (batchRef && state.batches.has(batchRef)) {
    state.batches.get(batchRef).lines.push([bufferName, line]);
    return;
  }
  addLine(bufferName, line);
}

// ---------- history: the recent past on join, older pages when scrolling up ----------

// "latest": the recent past (on join, after a reconnect); "before": the page before the oldest line shown.
function history(b, mode) {
  if (!state.caps.has("draft/chathistory") || b.loading) return;
  b.loading = mode;
  const oldest = b.lines.find((l) => l.msgid);
  if (mode === "before" && oldest) {
    send("CHATHISTORY", "BEFORE", b.name, `msgid=${oldest.msgid}`, HISTORY_PAGE);
  } else {
    b.loading = "latest";
    send("CHATHISTORY", "LATEST", b.name, "*", HISTORY_PAGE);
  }
}

function historyArrived(batch) {
  const b = buffer(batch.target);
  const mode = b.loading;
  b.loading = false;
  if (mode === "before") {
    if (batch.lines.length < HISTORY_PAGE) b.historyDone = true;
    for (const [, l] of batch.lines.reverse()) addLine(b.name, l, { older: true, live: false });
  } else {
    // Merged with what is shown and what arrived live meanwhile, in time order, each message once.
    for (const [, l] of batch.lines) addLine(b.name, l, { live: false });
    b.lines.sort((x, y) => x.time - y.time);
    if (batch.lines.length < HISTORY_PAGE && !b.lines.some((l) => l.older)) b.historyDone = true;
  }
  if (state.current === b.key) renderMessages(mode === "before");
  renderBufferList();
}

// ---------- what the user types ----------

const COMMANDS = {
  join: (args) => args[0] && join(...args.slice(0, 2)),
  part: (args, b) => send("PART", args[0] && Irc.isChannel(args[0]) ? args.shift() : b.name, ...(args.length ? [args.join(" ")] : [])),
  msg: (args) => { if (args.length > 1) { const to = args.shift(); say(to, args.join(" ")); } },
  query: (args) => args[0] && switchTo(args[0]),
  me: (args, b) => sendTo(b.name, `\x01ACTION ${args.join(" ")}\x01`, "action"),
  nick: (args) => args[0] && send("NICK", args[0]),
  topic: (args, b) => (args.length ? send("TOPIC", b.name, args.join(" ")) : send("TOPIC", b.name)),
  kick: (args, b) => args[0] && send("KICK", b.name, args[0], ...(args.length > 1 ? [args.slice(1).join(" ")] : [])),
  ban: (args, b) => args[0] && send("MODE", b.name, "+b", args[0].includes("!") ? args[0] : `${args[0]}!*@*`),
  unban: (args, b) => args[0] && send("MODE", b.name, "-b", args[0].includes("!") ? args[0] : `${args[0]}!*@*`),
  mute: (args, b) => args[0] && send("MODE", b.name, "+q", args[0].includes("!") ? args[0] : `${args[0]}!*@*`),
  unmute: (args, b) => args[0] && send("MODE", b.name, "-q", args[0].includes("!") ? args[0] : `${args[0]}!*@*`),
  op: (args, b) => args[0] && send("MODE", b.name, "+o", args[0]),
  voice: (args, b) => args[0] && send("MODE", b.name, "+v", args[0]),
  whois: (args) => args[0] && send("WHOIS", args[0]),
  away: (args) => (args.length ? send("AWAY", args.join(" ")) : send("AWAY")),
  back: () => send("AWAY"),
  quote: (args) => state.socket?.send(args.join(" ")),
  quit: (args) => { send("QUIT", args.join(" ") || "Bye"); state.stopped = true; },
  help: () => info(state.current, "Commands: /join #chan, /part, /msg nick text, /query nick, /me action, /nick new, " +
    "/topic [text], /kick nick, /ban nick, /mute nick, /op nick, /voice nick, /whois nick, /away [text], /back, " +
    "/quote raw line, /quit. Keys: Alt+Up/Down switch chats, Tab completes nicknames, Esc closes panels."),
};

function join(channel, key) {
  channel.split(",").forEach((c) => state.joining.add(Irc.fold(c)));
  send("JOIN", channel, ...(key ? [key] : []));
}

function say(target, text) { sendTo(target, text, "message"); }

function sendTo(target, text, kind) {
  if (target === SERVER) { info(SERVER, "This is the server window: join a channel or /msg someone.", "error"); return; }
  send("PRIVMSG", target, text);
  if (!state.caps.has("echo-message")) {
    const action = kind === "action" ? /^\x01ACTION (.*)\x01$/.exec(text)[1] : text;
    addLine(target, { kind: kind === "action" ? "action" : "self", from: state.nick, text: action, time: Date.now() });
  }
  if (!Irc.isChannel(target) && !state.buffers.has(Irc.fold(target))) buffer(target);
}

function submitInput(text) {
  const b = currentBuffer();
  if (!text.trim()) return;
  if (text.startsWith("/") && !text.startsWith("//")) {
    const [name, ...args] = text.slice(1).split(" ").filter((w, i) => i === 0 || w !== "");
    const command = COMMANDS[name.toLowerCase()];
    if (command) command(args, b);
    else info(state.current, `Unknown command /${name}: try /help`, "error");
    return;
  }
  say(b.kind === "server" ? SERVER : b.name, text.startsWith("//") ? text.slice(1) : text);
}

function completeNick(input) {
  const pos = input.selectionStart;
  const before = input.value.slice(0, pos);
  const word = /(\S+)$/.exec(before)?.[1];
  if (!word) return;
  const match = [...currentBuffer().members.keys()].find((n) => n.toLowerCase().startsWith(word.toLowerCase()));
  if (!match) return;
  const completed = before.slice(0, before.length - word.length) + match + (before.length === word.length ? ": " : " ");
  input.value = completed + input.value.slice(pos);
  input.setSelectionRange(completed.length, completed.length);
}

// ---------- screens ----------

function showApp() {
  $("login").hidden = true;
  $("app").hidden = false;
}

function showLogin() {
  $("app").hidden = true;
  $("login").hidden = false;
  $("login-nick").value = state.nick || store.get("nick", "");
  $("login-nick").focus();
}

function start(nick, account, password, register, remember) {
  state.nick = nick;
  state.account = null;
  state.login = account;
  state.password = password || null;
  state.register = register;
  state.remember = remember;
  store.set("nick", nick);
  buffer(SERVER);
  connect();
}

$("login-form").addEventListener("submit", (event) => {
  event.preventDefault();
  $("login-error").textContent = "";
  const nick = $("login-nick").value.trim();
  const password = $("login-password").value;
  const register = $("login-register").checked;
  if (register && !password) { $("login-error").textContent = "Choose a password to register."; return; }
  if ("Notification" in window && Notification.permission === "default") Notification.requestPermission();
  store.set("session", true);
  start(nick, nick, password, register, $("login-remember").checked);
});

$("input-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $("input");
  submitInput(input.value);
  input.value = "";
});

$("join-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const name = $("join-name").value.trim();
  if (!name) return;
  if (Irc.isChannel(name)) join(name); else switchTo(name);
  $("join-name").value = "";
});

$("logout").addEventListener("click", () => {
  vault.forget();
  store.remove("session");
  store.remove("channels");
  store.remove("queries");
  disconnect();
  state.buffers.clear();
  state.account = null;
  showLogin();
});

$("messages").addEventListener("scroll", () => {
  const b = currentBuffer();
  if ($("messages").scrollTop < 30 && b.kind !== "server" && !b.historyDone && b.lines.length) history(b, "before");
});

$("toggle-buffers").addEventListener("click", () => document.body.classList.toggle("show-buffers"));
$("toggle-members").addEventListener("click", () => document.body.classList.toggle("show-members"));

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") document.body.classList.remove("show-buffers", "show-members");
  if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
    const names = [...$("buffer-list").querySelectorAll("button.buffer")].map((b) => b.dataset.buffer);
    const i = names.findIndex((n) => (n === SERVER ? SERVER : Irc.fold(n)) === state.current);
    const next = names[(i + (event.key === "ArrowUp" ? -1 : 1) + names.length) % names.length];
    if (next) switchTo(next);
    event.preventDefault();
  }
  if (event.key === "Tab" && document.activeElement === $("input") && $("input").value) {
    event.preventDefault();
    completeNick($("input"));
  }
});

document.addEventListener("visibilitychange", () => {
  if (!document.hidden) {
    const b = currentBuffer();
    b.unread = 0;
    b.mention = false;
    markRead(b);
    renderBufferList();
  }
});

// A reload picks the session up again: same nickname, logged in again with the sealed password, same channels.
(async () => {
  if (!store.get("session", false)) { showLogin(); return; }
  const login = await vault.load();
  const nick = store.get("nick", "");
  if (!nick) { showLogin(); return; }
  showApp();
  start(nick, login?.account ?? nick, login?.password ?? null, false, true);
})();
