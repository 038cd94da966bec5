// The web client in a real browser (Debian's Chromium through playwright-core), against a real server started
// here on free loopback ports with a temporary data directory. Run by scripts/webtest.sh; ends with
// "webtest: N passed, M failed" and a non-zero exit when anything failed.
"use strict";

const { chromium } = require("playwright-core");
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");
const { Irssi } = require("./irssi.cjs");

const WAIT_MS = Number(process.env.WEBTEST_WAIT_MS || 20000);
const START_WAIT_MS = Number(process.env.WEBTEST_START_WAIT_MS || 90000);
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--no-first-run", "--disable-sync"];
const SCREENSHOTS = process.env.WEBTEST_SCREENSHOTS || "";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "chat-webtest-"));
const results = { passed: 0, failed: 0 };
let server = null;
let irssi = null;
const browsers = [];
const sockets = [];

function log(text) { console.log(`webtest: ${text}`); }

async function check(name, body) {
  try {
    await body();
    results.passed++;
    log(`ok   ${name}`);
  } catch (e) {
    results.failed++;
    log(`FAIL ${name}: ${e.message.split("\n")[0]}`);
  }
}

function until(what, test, ms = WAIT_MS) {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + ms;
    const poll = () => {
      let value;
      try { value = test(); } catch (e) { value = null; }
      if (value) return resolve(value);
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(poll, 50);
    };
    poll();
  });
}

// ---------- the server: started and restarted on the same ports and data directory ----------

const data = path.join(work, "data");

function startServer(ircPort = 0, httpPort = 0) {
  const out = fs.openSync(path.join(work, "server.log"), "a");
  const proc = spawn(process.env.WEBTEST_JAVA, ["--enable-native-access=com.sun.jna,org.xerial.sqlitejdbc",
    "-p", process.env.WEBTEST_MODULE_PATH, "-m", "chat.server/chat.server.Main",
    "--host", "127.0.0.1", "--port", String(ircPort), "--tls-port", "-1", "--http-port", String(httpPort),
    "--data-dir", data, "--password-iterations", "4096", "--monitor-interval", "1", "--exempt", "127.0.0.0/8",
    "--bots", "none"],
  { stdio: ["ignore", "pipe", out] });
  let text = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start")), START_WAIT_MS);
    proc.stdout.on("data", (chunk) => {
      text += chunk;
      fs.appendFileSync(path.join(work, "server.log"), chunk);
      const irc = /listening on [^ ]+:(\d+)/.exec(text);
      const web = /web client at http:\/\/[^:]+:(\d+)\//.exec(text);
      if (irc && web) {
        clearTimeout(timer);
        server = proc;
        resolve({ ircPort: Number(irc[1]), httpPort: Number(web[1]) });
      }
    });
    proc.on("exit", () => reject(new Error("the server exited")));
  });
}

function stopServer() {
  return new Promise((resolve) => {
    if (!server || server.exitCode !== null) return resolve();
    server.once("exit", resolve);
    server.kill("SIGTERM");
  });
}

// ---------- a plain TCP IRC client ----------

class TcpClient {
  constructor(port, nick) {
    this.nick = nick;
    this.lines = [];
    this.socket = net.connect(port, "127.0.0.1");
    sockets.push(this.socket);
    let buffered = "";
    this.socket.on("data", (chunk) => {
      buffered += chunk.toString("utf8");
      let end;
      while ((end = buffered.indexOf("\r\n")) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (line.startsWith("PING ")) this.send("PONG " + line.slice(5));
        this.lines.push(line);
      }
    });
    this.socket.on("error", () => {});
    this.send(`NICK ${nick}`);
    this.send(`USER ${nick} 0 * :${nick}`);
  }
  send(line) { this.socket.write(line + "\r\n"); }
  expect(what, pattern) {
    return until(`${this.nick} to get ${what}`, () => this.lines.find((l) => pattern.test(l)));
  }
}

// ---------- browser users ----------

async function browserUser(name, httpPort, viewport = { width: 1280, height: 800 }) {
  const profile = fs.mkdtempSync(path.join(work, `profile-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true, viewport,
  });
  browsers.push(context);
  const page = context.pages()[0] ?? await context.newPage();
  const outside = [];
  page.on("request", (r) => { if (!r.url().startsWith(`http://127.0.0.1:${httpPort}/`) && !r.url().startsWith(`ws://127.0.0.1:${httpPort}/`)) outside.push(r.url()); });
  page.outside = outside;
  await page.goto(`http://127.0.0.1:${httpPort}/`);
  return page;
}

async function login(page, nick, { password = "", register = false } = {}) {
  await page.fill("#login-nick", nick);
  await page.fill("#login-password", password);
  if (register) await page.check("#login-register"); else await page.uncheck("#login-register");
  await page.click("#login-go");
  await page.waitForSelector("#app:not([hidden])", { timeout: WAIT_MS });
}

// The message line with this text (a string matches the whole text, so "line 10" is not "line 100").
function line(page, text) {
  const exact = typeof text === "string" ? new RegExp(`(^|\\s)${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : text;
  return page.locator(".line .text", { hasText: exact });
}

async function openBuffer(page, name) {
  await page.click(`#buffer-list button.buffer[data-buffer="${name}"]`, { timeout: WAIT_MS });
}

async function scrape(httpPort) {
  const response = await fetch(`http://127.0.0.1:${httpPort}/metrics`);
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  const parsed = spawnSync("/usr/bin/python3", [path.join(__dirname, "check-metrics.py")], { input: await response.text() });
  if (parsed.status !== 0) throw new Error(`the Prometheus parser refused /metrics: ${parsed.stderr}`);
  const samples = new Map();
  for (const row of parsed.stdout.toString().trim().split("\n")) {
    const space = row.lastIndexOf(" ");
    samples.set(row.slice(0, space), Number(row.slice(space + 1)));
  }
  return samples;
}

// Waits until irssi's window shows the text, showing that window again every few seconds (irssi may open a
// query's window after the goto).
async function seenByIrssi(window, text) {
  let shownAt = 0;
  await until(`irssi's ${window} to show "${text}"`, () => {
    if (Date.now() - shownAt > 3000) { irssi.show(window); shownAt = Date.now(); }
    return irssi.screen().includes(text);
  });
}

async function shot(page, file) {
  if (!SCREENSHOTS) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, file) });
}

// ---------- the scenario ----------

async function main() {
  const { ircPort, httpPort } = await startServer();
  log(`server on IRC port ${ircPort}, HTTP port ${httpPort}`);
  const before = await scrape(httpPort);

  const carol = new TcpClient(ircPort, "carol");
  await carol.expect("welcome", / 001 carol /);
  const alice = await browserUser("alice", httpPort);
  const bob = await browserUser("bob", httpPort);

  await check("two browser users register an account and connect, a TCP client is in the channel", async () => {
    await login(alice, "alice", { password: "alice-secret", register: true });
    await alice.waitForSelector("#my-account:has-text('logged in as alice')", { timeout: WAIT_MS });
    await login(bob, "bob");
    await alice.waitForSelector("#buffer-name:has-text('#lobby')", { timeout: WAIT_MS });
    await bob.waitForSelector("#member-list >> text=carol", { timeout: WAIT_MS });
  });

  await check("channel messages go between the browsers and the TCP client", async () => {
    await alice.fill("#input", "hello from the browser");
    await alice.press("#input", "Enter");
    await line(bob, "hello from the browser").waitFor({ timeout: WAIT_MS });
    await carol.expect("alice's message", /:alice!\S+ PRIVMSG #lobby :hello from the browser/);
    carol.send("PRIVMSG #lobby :hello from irc, see https://example.org/page");
    await line(alice, /^hello from irc/).waitFor({ timeout: WAIT_MS });
    const href = await line(alice, /^hello from irc/).locator("a").getAttribute("href");
    if (href !== "https://example.org/page") throw new Error(`link not clickable: ${href}`);
  });

  await check("a browser user and an irssi user chat in #lobby and privately", async () => {
    irssi = new Irssi(work, ircPort, "ivan");
    await alice.waitForSelector("#member-list >> text=ivan", { timeout: WAIT_MS });
    irssi.show("#lobby");
    await alice.fill("#input", "hello irssi, from the browser");
    await alice.press("#input", "Enter");
    await seenByIrssi("#lobby", "alice> hello irssi, from the browser");
    irssi.type("/msg #lobby hello browser, from irssi");
    await line(alice, "hello browser, from irssi").waitFor({ timeout: WAIT_MS });
    irssi.type("/msg alice a private word from irssi");
    await alice.waitForSelector("button.buffer.unread[data-buffer='ivan']", { timeout: WAIT_MS });
    await openBuffer(alice, "ivan");
    await line(alice, "a private word from irssi").waitFor({ timeout: WAIT_MS });
    await alice.fill("#input", "and one back to irssi");
    await alice.press("#input", "Enter");
    await seenByIrssi("alice", "alice> and one back to irssi");
    await openBuffer(alice, "#lobby");
  });

  await check("/me is shown as an action", async () => {
    await bob.fill("#input", "/me waves");
    await bob.press("#input", "Enter");
    await alice.locator(".line.action", { hasText: "waves" }).waitFor({ timeout: WAIT_MS });
    await carol.expect("the action", /PRIVMSG #lobby :\x01ACTION waves\x01/);
  });

  await check("a mention is highlighted and marked in the channel list", async () => {
    await bob.fill("#input", "/join #side");
    await bob.press("#input", "Enter");
    await bob.waitForSelector("#buffer-name:has-text('#side')", { timeout: WAIT_MS });
    carol.send("PRIVMSG #lobby :bob, are you there?");
    await bob.waitForSelector("button.buffer.mentioned[data-buffer='#lobby']", { timeout: WAIT_MS });
    await openBuffer(bob, "#lobby");
    await bob.locator(".line.mention", { hasText: "bob, are you there?" }).waitFor({ timeout: WAIT_MS });
    if (await alice.locator(".line.mention", { hasText: "bob, are you there?" }).count() !== 0) {
      throw new Error("alice sees bob's mention highlighted");
    }
    await shot(bob, "web-client-desktop.png");
  });

  await check("private messages between a browser and the TCP client, and between browsers", async () => {
    await bob.fill("#input", "/msg carol psst carol");
    await bob.press("#input", "Enter");
    await carol.expect("bob's private message", /:bob!\S+ PRIVMSG carol :psst carol/);
    carol.send("PRIVMSG alice :a private word");
    await alice.waitForSelector("button.buffer.unread[data-buffer='carol']", { timeout: WAIT_MS });
    await openBuffer(alice, "carol");
    await line(alice, "a private word").waitFor({ timeout: WAIT_MS });
    await alice.fill("#input", "/msg bob between browsers");
    await alice.press("#input", "Enter");
    await bob.waitForSelector("button.buffer[data-buffer='alice']", { timeout: WAIT_MS });
    await openBuffer(bob, "alice");
    await line(bob, "between browsers").waitFor({ timeout: WAIT_MS });
  });

  await check("log out, then log in again with SASL PLAIN", async () => {
    await alice.click("#logout");
    await alice.waitForSelector("#login:not([hidden])", { timeout: WAIT_MS });
    await login(alice, "alice", { password: "alice-secret" });
    await alice.waitForSelector("#my-account:has-text('logged in as alice')", { timeout: WAIT_MS });
  });

  await check("a wrong password is refused with a clear message", async () => {
    const eve = await browserUser("eve", httpPort);
    await eve.fill("#login-nick", "alice2");
    await eve.fill("#login-password", "wrong");
    await eve.click("#login-go");
    await eve.waitForSelector("#login-error:not(:empty)", { timeout: WAIT_MS });
  });

  await check("a nickname in use is refused on the login screen", async () => {
    const taken = await browserUser("taken", httpPort);
    await taken.fill("#login-nick", "carol");
    await taken.fill("#login-password", "");
    await taken.click("#login-go");
    await taken.waitForSelector("#login-error:has-text('already in use')", { timeout: WAIT_MS });
    await taken.context().close();
  });

  await check("the account on a second browser: another nickname, and what one reads is read on the other", async () => {
    const phone = await browserUser("alice-phone", httpPort);
    await login(phone, "alice", { password: "alice-secret" });
    await phone.waitForSelector("#my-account:has-text('logged in as alice')", { timeout: WAIT_MS });
    await phone.waitForSelector("#my-nick:has-text('alice_')", { timeout: WAIT_MS });
    for (const page of [alice, phone]) {
      await page.fill("#input", "/join #news");
      await page.press("#input", "Enter");
      await page.waitForSelector("#buffer-name:has-text('#news')", { timeout: WAIT_MS });
      await openBuffer(page, "#lobby");
    }
    carol.send("JOIN #news");
    await carol.expect("the JOIN", /:carol!\S+ JOIN #news/);
    carol.send("PRIVMSG #news :news for alice");
    for (const page of [alice, phone]) {
      await page.waitForSelector("button.buffer.unread[data-buffer='#news']", { timeout: WAIT_MS });
    }
    // draft/read-marker: reading #news on the desktop moves the account's position, and the phone hears of it.
    await openBuffer(alice, "#news");
    await line(alice, "news for alice").waitFor({ timeout: WAIT_MS });
    await phone.waitForSelector("button.buffer.unread[data-buffer='#news']", { state: "detached", timeout: WAIT_MS });
    await phone.context().close();
  });

  await check("a reload shows the recent past at once, still logged in, without the password in storage", async () => {
    for (let i = 1; i <= 120; i++) carol.send(`PRIVMSG #lobby :history line ${i}`);
    await line(alice, "history line 120").waitFor({ timeout: WAIT_MS }).catch(async () => {
      await openBuffer(alice, "#lobby");
      await line(alice, "history line 120").waitFor({ timeout: WAIT_MS });
    });
    await alice.reload();
    await alice.waitForSelector("#my-account:has-text('logged in as alice')", { timeout: WAIT_MS });
    await openBuffer(alice, "#lobby");
    await line(alice, "history line 120").waitFor({ timeout: WAIT_MS });
    const stored = await alice.evaluate(() => JSON.stringify(localStorage));
    if (stored.includes("alice-secret")) throw new Error("the password is in localStorage in clear");
  });

  await check("scrolling up loads older messages with CHATHISTORY BEFORE", async () => {
    if (await line(alice, "history line 10").count() !== 0) throw new Error("history line 10 was shown before scrolling");
    for (let i = 0; i < 20 && await line(alice, "history line 10").count() === 0; i++) {
      await alice.evaluate(() => { const m = document.getElementById("messages"); m.scrollTop = 0; m.dispatchEvent(new Event("scroll")); });
      await alice.waitForTimeout(300);
    }
    await line(alice, "history line 10").waitFor({ timeout: WAIT_MS });
  });

  await check("/metrics parses with the Prometheus parser and its counters moved", async () => {
    const after = await scrape(httpPort);
    const grew = (name) => (after.get(name) ?? 0) > (before.get(name) ?? 0);
    for (const name of ["chat_messages_received_total{}", "chat_deliveries_total{}", "chat_registrations_total{}"]) {
      if (!grew(name)) throw new Error(`${name} did not grow: ${before.get(name)} -> ${after.get(name)}`);
    }
    if ((after.get('chat_connections{transport="websocket"}') ?? 0) < 2) throw new Error("websocket connections not counted");
    if ((after.get('chat_chathistory_seconds_count{}') ?? 0) < 1) throw new Error("CHATHISTORY latency not observed");
    if (!after.has("jvm_memory_used_bytes{area=\"heap\"}")) throw new Error("no JVM metrics");
  });

  await check("the page makes no request anywhere but this server", async () => {
    const outside = [...alice.outside, ...bob.outside];
    if (outside.length) throw new Error(`requests elsewhere: ${outside.join(", ")}`);
  });

  await check("both browsers survive a server restart and chat again", async () => {
    await stopServer();
    await alice.waitForSelector(".conn.down", { timeout: WAIT_MS });
    await startServer(ircPort, httpPort);
    await alice.waitForSelector("#my-account:has-text('logged in as alice')", { timeout: WAIT_MS });
    await alice.waitForSelector(".conn.up", { timeout: WAIT_MS * 2 });
    await bob.waitForSelector(".conn.up", { timeout: WAIT_MS * 2 });
    await openBuffer(bob, "#lobby");
    await openBuffer(alice, "#lobby");
    await bob.fill("#input", "back after the restart");
    await bob.press("#input", "Enter");
    await line(alice, "back after the restart").waitFor({ timeout: WAIT_MS });
  });

  if (SCREENSHOTS) {
    const phone = await browserUser("phone", httpPort, { width: 390, height: 780 });
    await login(phone, "dana");
    await phone.fill("#input", "hi from a phone, @alice https://example.org");
    await phone.press("#input", "Enter");
    await line(phone, /^hi from a phone/).waitFor({ timeout: WAIT_MS });
    await shot(phone, "web-client-phone.png");
    await phone.click("#toggle-buffers");
    await phone.waitForTimeout(300);
    await shot(phone, "web-client-phone-channels.png");
    await alice.waitForTimeout(6000); // a few monitor samples for the plots
    await alice.goto(`http://127.0.0.1:${httpPort}/status`);
    await alice.waitForSelector("#facts dt", { timeout: WAIT_MS });
    await alice.waitForTimeout(500);
    await shot(alice, "status-desktop.png");
    await phone.goto(`http://127.0.0.1:${httpPort}/status`);
    await phone.waitForSelector("#facts dt", { timeout: WAIT_MS });
    await phone.waitForTimeout(500);
    await shot(phone, "status-phone.png");
  }
}

main()
  .catch((e) => { results.failed++; log(`FAIL ${e.message}`); })
  .finally(async () => {
    for (const b of browsers) await b.close().catch(() => {});
    for (const s of sockets) s.destroy();
    if (irssi) irssi.stop();
    await stopServer();
    if (results.failed) log(`server log: ${path.join(work, "server.log")}`);
    else fs.rmSync(work, { recursive: true, force: true });
    log(`${results.passed} passed, ${results.failed} failed`);
    process.exit(results.failed ? 1 : 0);
  });
