// dateline web page: talks to the JSON API; plain DOM, no libraries, no build step.
// Article text and every coded field are untrusted: they only ever go into the page as textContent.
"use strict";

const PAGE = 50;
const TYPE_COLOURS = {
  AGREE: "#2e7d32", CONSULT: "#66bb6a", SUPPORT: "#9ccc65", CONCEDE: "#26a69a", COOPERATE: "#00897b",
  AID: "#29b6f6", RETREAT: "#5c6bc0", REQUEST: "#7e57c2", ACCUSE: "#ffb300", REJECT: "#fb8c00",
  THREATEN: "#f4511e", PROTEST: "#ab47bc", SANCTION: "#8d6e63", MOBILIZE: "#ec407a", COERCE: "#e53935",
  ASSAULT: "#b71c1c",
};
const PLOVER_TYPES = Object.keys(TYPE_COLOURS);

const state = { offset: 0, total: 0, items: [], basemap: null, view: { cx: 0, cy: 15, scale: 1 }, selected: null };

// ---------- small DOM helpers (no innerHTML anywhere) ----------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "class") node.className = v;
    else if (k === "onclick") node.addEventListener("click", v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k === "style") Object.assign(node.style, v);  // CSSOM, so the page's CSP needs no 'unsafe-inline'
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
const $ = (sel) => document.querySelector(sel);
function colour(type) {
  if (TYPE_COLOURS[type]) return TYPE_COLOURS[type];
  let h = 0;
  for (const ch of String(type)) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return `hsl(${h},55%,50%)`;
}

async function api(path, options) {
  const resp = await fetch(path, options);
  let body = null;
  try { body = await resp.json(); } catch (_) { body = null; }
  if (!resp.ok) {
    const detail = body && body.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : resp.statusText;
    throw new Error(`${resp.status}: ${detail}`);
  }
  return body;
}

function actorLabel(a) {
  const code = [a.country, a.org, a.sector].filter(Boolean).join("/");
  return code ? `${a.name} [${code}]` : a.name;
}
function eventDay(ev) {
  const d = ev.date || {};
  return d.start || d.value || ev.published || "";
}
// A stored row lists names, and the countries/sectors present; show them side by side.
function partyLabel(names, countries, sectors) {
  if (!names || !names.length) return "";
  const code = [...new Set([...(countries || []), ...(sectors || [])])].join("/");
  return code ? `${names.join("; ")} [${code}]` : names.join("; ");
}

// ---------- filters and table ----------
function filterParams() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($("#filters")).entries()) {
    if (String(v).trim() !== "") params.set(k, String(v).trim());
  }
  return params;
}

async function loadEvents() {
  const params = filterParams();
  params.set("limit", PAGE);
  params.set("offset", state.offset);
  const tbody = $("#events tbody");
  try {
    const page = await api(`events?${params}`);
    state.items = page.items;
    state.total = page.total;
    tbody.replaceChildren(...page.items.map(eventRow));
    if (!page.items.length) tbody.append(el("tr", {}, el("td", { colspan: 8, class: "muted" }, "no events match")));
    $("#count").textContent = `${page.total} found`;
    const last = Math.min(state.offset + page.items.length, page.total);
    $("#page").textContent = page.total ? `${state.offset + 1}–${last} of ${page.total}` : "";
    $("#prev").disabled = state.offset === 0;
    $("#next").disabled = last >= page.total;
  } catch (err) {
    tbody.replaceChildren(el("tr", {}, el("td", { colspan: 8, class: "error" }, `could not load events: ${err.message}`)));
  }
  drawMap();
}

function eventRow(ev) {
  const loc = ev.location || {};
  const tr = el("tr", { tabindex: 0, dataset: { id: ev.id }, class: [ev.reviewed ? "reviewed" : "", ev.valid ? "" : "invalid"].join(" ").trim() || null },
    el("td", {}, eventDay(ev)),
    el("td", {}, el("span", { class: "type-chip", style: { background: colour(ev.event_type) } }), ev.event_type),
    el("td", {}, ev.mode || ""),
    el("td", {}, partyLabel(ev.actor_names, ev.actor_countries, ev.actor_sectors)),
    el("td", {}, partyLabel(ev.recipient_names, ev.recipient_countries, ev.recipient_sectors)),
    el("td", {}, loc.name || loc.country || ""),
    el("td", { class: "trigger" }, ev.evidence ? ev.evidence.trigger : ""),
    el("td", { class: "num" }, (ev.confidence ?? 0).toFixed(2)),
  );
  tr.addEventListener("click", () => openEvent(ev.id));
  tr.addEventListener("keydown", (e) => { if (e.key === "Enter") openEvent(ev.id); });
  return tr;
}

// ---------- timeline ----------
async function loadTimeline() {
  const params = filterParams();
  let data;
  try { data = await api(`stats/timeline?${params}`); } catch (err) { data = { days: [] }; }
  drawTimeline(data.days || []);
}

function drawTimeline(rows) {
  const canvas = $("#timeline");
  const ctx = canvas.getContext("2d");
  const W = canvas.width, H = canvas.height, padL = 34, padB = 22, padT = 8;
  ctx.clearRect(0, 0, W, H);
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const types = [...new Set(rows.map((r) => r.event_type))].sort();
  const legend = $("#legend");
  legend.replaceChildren(...types.map((t) => el("span", { class: "legend-item" },
    el("span", { class: "type-chip", style: { background: colour(t) } }), t)));
  if (!days.length) {
    ctx.fillStyle = "#888"; ctx.font = "13px sans-serif";
    ctx.fillText("no dated events", padL + 10, H / 2);
    canvas._bars = [];
    return;
  }
  const totals = {};
  for (const r of rows) totals[r.day] = (totals[r.day] || 0) + r.count;
  const max = Math.max(...Object.values(totals));
  const plotW = W - padL - 6, plotH = H - padB - padT;
  const bw = Math.max(2, Math.min(40, plotW / days.length - 2));
  ctx.strokeStyle = "#ccc"; ctx.fillStyle = "#666"; ctx.font = "11px sans-serif";
  const ticks = Math.min(max, 4);
  for (let i = 0; i <= ticks; i++) {
    const v = Math.round((max * i) / ticks), y = padT + plotH - (v / max) * plotH;
    ctx.beginPath(); ctx.moveTo(padL, y); ctx.lineTo(W - 4, y); ctx.stroke();
    ctx.fillText(String(v), 4, y + 4);
  }
  const bars = [];
  days.forEach((day, i) => {
    const x = padL + (i + 0.5) * (plotW / days.length) - bw / 2;
    let y = padT + plotH;
    for (const t of types) {
      const row = rows.find((r) => r.day === day && r.event_type === t);
      if (!row) continue;
      const h = (row.count / max) * plotH;
      ctx.fillStyle = colour(t);
      ctx.fillRect(x, y - h, bw, h);
      y -= h;
    }
    bars.push({ x, w: bw, day, total: totals[day] });
  });
  ctx.fillStyle = "#444";
  const every = Math.ceil(days.length / 8);
  days.forEach((day, i) => {
    if (i % every) return;
    ctx.fillText(day, Math.max(0, padL + (i + 0.5) * (plotW / days.length) - 30), H - 6);
  });
  canvas._bars = bars;
}

function timelineClick(e) {
  const canvas = $("#timeline");
  const r = canvas.getBoundingClientRect();
  const x = (e.clientX - r.left) * (canvas.width / r.width);
  const bar = (canvas._bars || []).find((b) => x >= b.x - 2 && x <= b.x + b.w + 2);
  if (!bar) return;
  const f = $("#filters");
  f.since.value = bar.day; f.until.value = bar.day;
  state.offset = 0;
  refresh();
}

// ---------- map (equirectangular, offline basemap) ----------
function project(lon, lat) {
  const canvas = $("#map"), v = state.view;
  const k = (canvas.width / 360) * v.scale;
  return [canvas.width / 2 + (lon - v.cx) * k, canvas.height / 2 - (lat - v.cy) * k];
}
function unproject(x, y) {
  const canvas = $("#map"), v = state.view;
  const k = (canvas.width / 360) * v.scale;
  return [v.cx + (x - canvas.width / 2) / k, v.cy - (y - canvas.height / 2) / k];
}

function drawMap() {
  const canvas = $("#map");
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#dfeaf3";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = "rgba(90,110,130,0.25)"; ctx.lineWidth = 0.5;
  for (let lon = -180; lon <= 180; lon += 30) {
    const [x1, y1] = project(lon, -90), [x2, y2] = project(lon, 90);
    ctx.beginPath(); ctx.moveTo(x1, y1); ctx.lineTo(x2, y2); ctx.stroke();
  }
  for (let lat = -90; lat <= 90; lat += 30) {
    const [x1, y1] = project(-180, lat), [x2, y2] = project(180, lat);
    ctx.beginPath(); ctx.moveTo(x1, y1); ctx.lineTo(x2, y2); ctx.stroke();
  }
  if (state.basemap) {
    ctx.fillStyle = "#f4f1ea"; ctx.strokeStyle = "#a9a39a"; ctx.lineWidth = 0.6;
    const countryFilter = ($("#filters").country.value || "").toUpperCase();
    for (const c of state.basemap.countries) {
      ctx.beginPath();
      for (const ring of c.rings) {
        ring.forEach(([lon, lat], i) => {
          const [x, y] = project(lon, lat);
          if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
        });
        ctx.closePath();
      }
      ctx.fillStyle = countryFilter && c.iso3 === countryFilter ? "#f6e2b3" : "#f4f1ea";
      ctx.fill(); ctx.stroke();
    }
  }
  const dots = [];
  for (const ev of state.items) {
    const loc = ev.location;
    if (!loc || loc.lat === null || loc.lat === undefined || loc.lon === null || loc.lon === undefined) continue;
    const [x, y] = project(loc.lon, loc.lat);
    dots.push({ x, y, ev });
  }
  for (const d of dots) {
    ctx.beginPath();
    ctx.arc(d.x, d.y, d.ev.id === state.selected ? 7 : 5, 0, Math.PI * 2);
    ctx.fillStyle = colour(d.ev.event_type);
    ctx.globalAlpha = 0.85; ctx.fill(); ctx.globalAlpha = 1;
    ctx.strokeStyle = d.ev.id === state.selected ? "#000" : "#fff"; ctx.lineWidth = 1.2; ctx.stroke();
  }
  canvas._dots = dots;
}

function dotAt(e) {
  const canvas = $("#map"), r = canvas.getBoundingClientRect();
  const x = (e.clientX - r.left) * (canvas.width / r.width), y = (e.clientY - r.top) * (canvas.height / r.height);
  let best = null, bestD = 64;
  for (const d of canvas._dots || []) {
    const dd = (d.x - x) ** 2 + (d.y - y) ** 2;
    if (dd < bestD) { best = d; bestD = dd; }
  }
  return { best, x, y };
}

function setupMap() {
  const canvas = $("#map");
  let drag = null;
  canvas.addEventListener("wheel", (e) => {
    e.preventDefault();
    const r = canvas.getBoundingClientRect();
    const x = (e.clientX - r.left) * (canvas.width / r.width), y = (e.clientY - r.top) * (canvas.height / r.height);
    const [lon, lat] = unproject(x, y);
    const f = e.deltaY < 0 ? 1.25 : 0.8;
    state.view.scale = Math.min(64, Math.max(1, state.view.scale * f));
    const [lon2, lat2] = unproject(x, y);  // keep the point under the cursor fixed
    state.view.cx += lon - lon2; state.view.cy += lat - lat2;
    drawMap();
  }, { passive: false });
  canvas.addEventListener("mousedown", (e) => { drag = { x: e.clientX, y: e.clientY, moved: false }; });
  window.addEventListener("mouseup", () => { setTimeout(() => { drag = null; }, 0); });
  canvas.addEventListener("mousemove", (e) => {
    const tip = $("#map-tip");
    if (drag && e.buttons) {
      const k = (canvas.width / 360) * state.view.scale * (canvas.getBoundingClientRect().width / canvas.width);
      state.view.cx -= (e.clientX - drag.x) / k; state.view.cy += (e.clientY - drag.y) / k;
      drag.x = e.clientX; drag.y = e.clientY; drag.moved = true;
      drawMap();
      tip.hidden = true;
      return;
    }
    const { best } = dotAt(e);
    if (!best) { tip.hidden = true; return; }
    const loc = best.ev.location;
    tip.textContent = `${best.ev.event_type} · ${loc.name || loc.country || ""} · ${eventDay(best.ev)}`;
    tip.style.left = `${e.pageX + 12}px`; tip.style.top = `${e.pageY + 12}px`;
    tip.hidden = false;
  });
  canvas.addEventListener("mouseleave", () => { $("#map-tip").hidden = true; });
  canvas.addEventListener("click", (e) => {
    if (drag && drag.moved) return;
    const { best } = dotAt(e);
    if (best) openEvent(best.ev.id);
  });
  $("#map-fit").addEventListener("click", fitMap);
}

function fitMap() {
  const pts = state.items.filter((ev) => ev.location && ev.location.lat != null && ev.location.lon != null)
    .map((ev) => [ev.location.lon, ev.location.lat]);
  if (!pts.length) { state.view = { cx: 0, cy: 15, scale: 1 }; drawMap(); return; }
  const lons = pts.map((p) => p[0]), lats = pts.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const canvas = $("#map");
  const spanLon = Math.max(maxLon - minLon, 8) * 1.4, spanLat = Math.max(maxLat - minLat, 5) * 1.4;
  const scale = Math.min(360 / spanLon, (360 * canvas.height) / canvas.width / spanLat);
  state.view = { cx: (minLon + maxLon) / 2, cy: (minLat + maxLat) / 2, scale: Math.min(64, Math.max(1, scale)) };
  drawMap();
}

// ---------- highlighted text ----------
// Spans may overlap (an actor inside a quote): cut the text at every span boundary and give each
// piece the classes of all spans covering it. Each piece is a text node, so markup in the article stays text.
function highlighted(text, spans, base) {
  const offset = base || 0;
  const cuts = new Set([0, text.length]);
  const usable = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start)
    .map((s) => ({ ...s, start: Math.max(0, s.start - offset), end: Math.min(text.length, s.end - offset) }))
    .filter((s) => s.end > s.start);
  for (const s of usable) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = usable.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { frag.append(document.createTextNode(piece)); continue; }
    const kinds = [...new Set(covering.map((s) => s.kind))];
    const span = el("span", { class: kinds.map((k) => `hl hl-${k}`).join(" "), title: covering.map((s) => s.label || s.kind).join("; ") });
    span.textContent = piece;
    frag.append(span);
  }
  return frag;
}

// ---------- event detail ----------
async function openEvent(id) {
  state.selected = id;
  drawMap();
  let detail;
  try { detail = await api(`events/${encodeURIComponent(id)}`); } catch (err) {
    $("#detail").hidden = false; $("#d-id").textContent = id;
    $("#d-fields").replaceChildren(el("dd", { class: "error" }, err.message));
    return;
  }
  const ev = detail.event;
  const coded = detail.coded || {};
  $("#detail").hidden = false;
  $("#d-id").textContent = ev.id;
  const fields = $("#d-fields");
  fields.replaceChildren();
  const add = (dl, k, v) => { if (v === null || v === undefined || v === "") return; dl.append(el("dt", {}, k), el("dd", {}, v)); };
  const was = (now, machine) => (machine && machine !== now ? ` (machine: ${machine})` : "");
  add(fields, "type", `${ev.event_type}${ev.mode ? ` / ${ev.mode}` : ""}${was(ev.event_type, coded.event_type)}`);
  add(fields, "CAMEO", ev.cameo);
  add(fields, "actors", partyLabel(ev.actor_names, ev.actor_countries, ev.actor_sectors));
  add(fields, "recipients", partyLabel(ev.recipient_names, ev.recipient_countries, ev.recipient_sectors));
  if (ev.date) add(fields, "date", `${ev.date.start}${ev.date.end && ev.date.end !== ev.date.start ? ` – ${ev.date.end}` : ""}`
    + `${ev.date.precision ? ` (${ev.date.precision})` : ""}${ev.date.inferred ? " — inferred" : ""}`);
  if (ev.location) add(fields, "place", [ev.location.name, ev.location.country].filter(Boolean).join(", ")
    + (ev.location.lat != null ? ` @ ${ev.location.lat.toFixed(2)}, ${ev.location.lon.toFixed(2)}` : ""));
  const sizes = Object.entries(coded.size || {}).map(([k, v]) => `${k}: ${v}`).join(", ");
  add(fields, "size", sizes);
  const m = ev.modality || {};
  add(fields, "modality", ["negated", "future", "hypothetical", "claimed"].filter((k) => m[k]).join(", ") + (m.source ? ` (source: ${m.source})` : ""));
  add(fields, "context", (coded.context || []).join(", "));
  add(fields, "confidence", (ev.confidence ?? 0).toFixed(2));
  if (ev.evidence && ev.evidence.in_title) add(fields, "evidence", "the headline (offsets point into the title)");
  add(fields, "status", `${ev.valid ? "valid" : "rejected by a reviewer"}${ev.reviewed ? ", reviewed" : ""}`);

  const evi = ev.evidence;
  $("#d-sentence").replaceChildren(highlighted(evi.sentence, detail.spans, evi.start));

  $("#d-mentions tbody").replaceChildren(...detail.spans.map((mn) => el("tr", {},
    el("td", {}, el("span", { class: `hl hl-${mn.kind}` }, mn.kind)),
    el("td", {}, mn.text), el("td", { class: "num" }, `${mn.start}–${mn.end}`), el("td", {}, mn.label || ""))));

  const prov = $("#d-prov");
  prov.replaceChildren();
  const doc = detail.document;
  add(prov, "article", doc.title || doc.id);
  add(prov, "source", doc.source);
  if (doc.url) prov.append(el("dt", {}, "url"), el("dd", {}, safeLink(doc.url)));
  add(prov, "published", doc.published ? `${doc.published} (from ${doc.published_source || "?"})` : null);
  add(prov, "offsets", `sentence ${evi.start}–${evi.end}, trigger “${evi.trigger}” ${evi.trigger_start}–${evi.trigger_end}`);
  prov.append(el("dt", {}, "read"), el("dd", {}, el("button", { type: "button", class: "small", onclick: () => openArticle(ev.document_id, ev.id) }, "open the article")));
  const others = (detail.mentions || []).filter((mn) => mn.event_id !== ev.id);
  if (others.length) {
    prov.append(el("dt", {}, "also reported"), el("dd", {}, el("ul", { class: "reviews" }, ...others.map((mn) => el("li", {},
      `${mn.published || ""} ${mn.source || mn.title || mn.document_id}: “`, el("q", {}, mn.sentence), "” ",
      el("button", { type: "button", class: "small", onclick: () => openEvent(mn.event_id) }, "open"))))));
  }

  $("#d-reviews").replaceChildren(...(detail.reviews || []).map((r) => el("li", {},
    `${(r.at || "").slice(0, 19).replace("T", " ")} ${r.reviewer || "anonymous"}: ${r.field} → ${r.value ?? ""}`,
    r.note ? ` — ${r.note}` : "")));
  if (!(detail.reviews || []).length) $("#d-reviews").append(el("li", { class: "muted" }, "not reviewed yet"));
  const form = $("#review");
  form.reset();
  form.dataset.id = ev.id;
  $("#r-status").textContent = "";
  $("#detail").scrollIntoView({ behavior: "smooth", block: "start" });
}

function safeLink(url) {
  // only http(s) links become clickable: a javascript: URL in the data must not run
  try {
    const u = new URL(url);
    if (u.protocol === "http:" || u.protocol === "https:") return el("a", { href: u.href, rel: "noopener noreferrer", target: "_blank" }, url);
  } catch (_) { /* not a URL: fall through to plain text */ }
  return document.createTextNode(url);
}

async function submitReview(e) {
  e.preventDefault();
  const form = e.target;
  const body = {};
  for (const [k, v] of new FormData(form).entries()) if (String(v).trim() !== "") body[k] = String(v).trim();
  $("#r-status").textContent = "saving…";
  try {
    await api(`events/${encodeURIComponent(form.dataset.id)}/review`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const id = form.dataset.id;
    await openEvent(id);
    $("#r-status").textContent = "saved";
    loadEvents();
  } catch (err) {
    $("#r-status").textContent = `not saved: ${err.message}`;
  }
}

// ---------- article view ----------
// inTitle: the spans of the events coded from the headline (their offsets point into the title), else the body's.
function documentSpans(out, focusEventId, inTitle = false) {
  const spans = [];
  const events = out.events || [];
  const idx = (out.event_ids || []).indexOf(focusEventId);
  const focus = idx >= 0 ? events[idx] : null;
  const chosen = (focus ? [focus] : events).filter((ev) => Boolean(ev.evidence.in_title) === inTitle);
  for (const ev of chosen) {
    const e = ev.evidence;
    spans.push({ kind: "trigger", start: e.trigger_start, end: e.trigger_end, label: `trigger of ${ev.event_type}` });
    for (const a of ev.actors || []) spans.push({ kind: "actor", start: a.start, end: a.end, label: actorLabel(a) });
    for (const a of ev.recipients || []) spans.push({ kind: "recipient", start: a.start, end: a.end, label: actorLabel(a) });
  }
  if (inTitle) return spans;
  for (const a of out.actors || []) if (!focus) spans.push({ kind: "actor", start: a.start, end: a.end, label: actorLabel(a) });
  for (const t of out.times || []) spans.push({ kind: "date", start: t.start, end: t.end, label: `${t.type} ${t.value || ""}` });
  for (const p of out.places || []) spans.push({ kind: "place", start: p.start, end: p.end, label: [p.name, p.country].filter(Boolean).join(", ") });
  for (const q of out.quotes || []) spans.push({ kind: "quote", start: q.start, end: q.end, label: `quote${q.speaker ? ` by ${q.speaker}` : ""}` });
  return spans;
}

function showArticle(out, focusEventId) {
  const doc = out.document;
  $("#article").hidden = false;
  $("#a-title").replaceChildren(doc.title ? highlighted(doc.title, documentSpans(out, focusEventId, true), 0) : "(untitled)");
  $("#a-meta").textContent = [doc.source, doc.published, doc.url].filter(Boolean).join(" · ");
  const box = $("#a-text");
  box.replaceChildren(highlighted(doc.text || "", documentSpans(out, focusEventId), 0));
  box.scrollTop = 0;
  const list = $("#a-events");
  list.replaceChildren(...(out.events || []).map((ev, i) => {
    const storedId = (out.event_ids || [])[i];
    return el("li", { class: storedId && storedId === focusEventId ? "focus" : null },
      el("span", { class: "type-chip", style: { background: colour(ev.event_type) } }),
      `${ev.event_type}${ev.mode ? "/" + ev.mode : ""}: `, el("q", {}, ev.evidence.trigger),
      ev.evidence.in_title ? " (headline)" : "", " — ",
      (ev.actors || []).map(actorLabel).join("; ") || "?", " → ", (ev.recipients || []).map(actorLabel).join("; ") || "?",
      storedId ? " " : null,
      storedId ? el("button", { type: "button", class: "small", onclick: () => openEvent(storedId) }, "details") : null);
  }));
  if (!(out.events || []).length) list.append(el("li", { class: "muted" }, "no events coded in this article"));
  for (const w of out.warnings || []) list.append(el("li", { class: "warning" }, `warning: ${w}`));
  $("#article").scrollIntoView({ behavior: "smooth", block: "start" });
  const trigger = focusEventId ? box.querySelector(".hl-trigger") : null;
  if (trigger) box.scrollTop = Math.max(0, trigger.offsetTop - box.clientHeight / 3);  // offsetTop is within the box: it is positioned
}

async function openArticle(docId, focusEventId) {
  try {
    const out = await api(`articles/${encodeURIComponent(docId)}`);
    showArticle(out, focusEventId);
  } catch (err) {
    $("#article").hidden = false;
    $("#a-text").replaceChildren(el("p", { class: "error" }, err.message));
  }
}

async function submitExtract(e) {
  e.preventDefault();
  const f = e.target;
  const body = {};
  const text = f.text.value.trim(), url = f.url.value.trim();
  if (url) body.url = url; else if (text) body.text = text; else { $("#x-status").textContent = "paste text or give a URL"; return; }
  if (f.published.value) body.published = f.published.value;
  if (f.title.value.trim()) body.title = f.title.value.trim();
  $("#x-status").textContent = "reading…";
  try {
    const out = await api("extract", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    $("#x-status").textContent = `${(out.events || []).length} events`;
    showArticle(out, null);
  } catch (err) {
    $("#x-status").textContent = `failed: ${err.message}`;
  }
}

// ---------- actors ----------
async function loadActors() {
  let actors = [];
  try { actors = await api("actors?limit=15"); } catch (_) { actors = []; }
  $("#actors").replaceChildren(...actors.filter((a) => a.name).map((a) => {
    const link = el("button", { type: "button", class: "link" }, a.name);
    link.addEventListener("click", () => {
      const f = $("#filters");
      f.actor.value = a.name;
      state.offset = 0;
      refresh();
    });
    return el("li", {}, link, ` ${[a.country, a.sector].filter(Boolean).join("/")} · ${a.events}`,
      el("span", { class: "muted" }, ` (${a.as_actor} as actor, ${a.as_recipient} as target)`));
  }));
}

// ---------- start ----------
function refresh() {
  // The filters live in the address too, so a filtered view can be bookmarked or shared.
  const params = filterParams();
  history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
  return Promise.all([loadEvents(), loadTimeline()]);
}

function filtersFromAddress() {
  const form = $("#filters");
  for (const [k, v] of new URLSearchParams(location.search)) {
    const field = form.elements.namedItem(k);
    if (!field || field instanceof RadioNodeList) continue;
    if (field.type === "checkbox") field.checked = v === "true"; else field.value = v;
  }
}

async function loadTypes() {
  let types = PLOVER_TYPES;
  try {
    const stats = await api("stats");
    types = [...new Set([...PLOVER_TYPES, ...Object.keys(stats.event_types || {})])];
  } catch (_) { /* the fixed PLOVER list is enough to filter */ }
  for (const sel of [$("#f-type"), $("#r-type")]) for (const t of types) sel.append(el("option", { value: t }, t));
}

async function start() {
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); state.offset = 0; refresh(); });
  $("#clear").addEventListener("click", () => { $("#filters").reset(); state.offset = 0; refresh(); });
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
  $("#timeline").addEventListener("click", timelineClick);
  $("#review").addEventListener("submit", submitReview);
  $("#extract").addEventListener("submit", submitExtract);
  setupMap();
  api("health").then((h) => { $("#health").textContent = `${h.status} · ${h.events ?? "?"} events`; })
    .catch(() => { $("#health").textContent = "API unreachable"; });
  await loadTypes();
  filtersFromAddress();
  try { state.basemap = await api("static/basemap.json"); } catch (_) { state.basemap = null; }
  // data-ready marks a page whose first table, chart, map and actor list are all drawn.
  await Promise.all([refresh(), loadActors()]);
  document.body.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", start);
