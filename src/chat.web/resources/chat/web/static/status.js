// The status page: live plots of the monitor's samples over the last hour, refreshed every 5 seconds.
"use strict";

const REFRESH_MS = 5000;
const WINDOW_MS = 3600 * 1000;
// Columns of a sample in /status.json.
const AT = 0, CLIENTS = 1, IN = 2, OUT = 3, RSS = 4, CPU = 6;

function plot(canvas, samples, column, scale = 1) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth, height = canvas.clientHeight;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const g = canvas.getContext("2d");
  g.scale(ratio, ratio);
  const style = getComputedStyle(document.body);
  const now = samples.length ? samples[samples.length - 1][AT] : Date.now();
  const values = samples.map((s) => s[column] / scale);
  const max = Math.max(1, ...values) * 1.15;
  g.strokeStyle = style.getPropertyValue("--line");
  g.fillStyle = style.getPropertyValue("--muted");
  g.font = "11px system-ui, sans-serif";
  g.lineWidth = 1;
  for (let i = 0; i <= 2; i++) {
    const y = 6 + (height - 22) * (i / 2);
    g.beginPath(); g.moveTo(34, y); g.lineTo(width, y); g.stroke();
    g.fillText(format(max * (1 - i / 2)), 0, y + 4);
  }
  g.fillText("-60 min", 34, height - 2);
  g.fillText("now", width - 22, height - 2);
  if (!samples.length) return;
  g.strokeStyle = style.getPropertyValue("--accent");
  g.lineWidth = 2;
  g.beginPath();
  samples.forEach((s, i) => {
    const x = 34 + (width - 36) * (1 - (now - s[AT]) / WINDOW_MS);
    const y = 6 + (height - 22) * (1 - values[i] / max);
    if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
  });
  g.stroke();
}

function format(v) {
  return v >= 100 ? Math.round(v).toString() : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function duration(ms) {
  const s = Math.floor(ms / 1000), d = Math.floor(s / 86400), h = Math.floor(s / 3600) % 24, m = Math.floor(s / 60) % 60;
  return d ? `${d} d ${h} h` : h ? `${h} h ${m} min` : `${m} min ${s % 60} s`;
}

function show(status) {
  const samples = status.samples;
  const last = samples[samples.length - 1];
  document.getElementById("server-name").textContent = status.server;
  const conns = Object.entries(status.connections).map(([k, v]) => `${v} ${k}`).join(", ") || "none";
  document.getElementById("summary").textContent =
    `${status.users} users in ${status.channels} channels · connections: ${conns} · up ${duration(status.now - status.startedAt)}`;
  plot(document.getElementById("plot-clients"), samples, CLIENTS);
  plot(document.getElementById("plot-in"), samples, IN);
  plot(document.getElementById("plot-out"), samples, OUT);
  plot(document.getElementById("plot-rss"), samples, RSS, 1024 * 1024);
  plot(document.getElementById("plot-cpu"), samples, CPU);
  if (last) {
    document.getElementById("now-clients").textContent = last[CLIENTS];
    document.getElementById("now-in").textContent = format(last[IN]);
    document.getElementById("now-out").textContent = format(last[OUT]);
    document.getElementById("now-rss").textContent = format(last[RSS] / 1048576);
    document.getElementById("now-cpu").textContent = format(last[CPU]) + " %";
  }
  const facts = {
    Version: status.version,
    "Started": new Date(status.startedAt).toLocaleString(),
    Uptime: duration(status.now - status.startedAt),
    "Max clients": status.limits.maxClients,
    "Connections per address": status.limits.perIpConnections,
    "Flood control": `${status.limits.floodBurst} lines at once, then ${status.limits.floodRate}/s`,
    "Send queue": `${Math.round(status.limits.sendqBytes / 1024)} KiB`,
    "Receive limit": `${Math.round(status.limits.recvqBytes / 1024)} KiB`,
    "PING after idle": `${status.limits.pingIntervalSeconds} s`,
  };
  document.getElementById("facts").replaceChildren(...Object.entries(facts).flatMap(([k, v]) => {
    const dt = document.createElement("dt"); dt.textContent = k;
    const dd = document.createElement("dd"); dd.textContent = v;
    return [dt, dd];
  }));
}

async function refresh() {
  try {
    const response = await fetch("status.json", { cache: "no-store" });
    show(await response.json());
  } catch {
    document.getElementById("summary").textContent = "The server does not answer.";
  }
  setTimeout(refresh, REFRESH_MS);
}

refresh();
