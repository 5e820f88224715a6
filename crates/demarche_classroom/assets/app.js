"use strict";
// Démarche classroom: a little plain JavaScript, served by the host itself. The join page and a
// team's page work without it (plain forms); it adds live updates, in-place posts and previews,
// and drives the teacher's dashboard.
document.documentElement.classList.add("js");
async function api(method, url, body) {
  const init = { method, credentials: "same-origin", headers: {} };
  if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
  const r = await fetch(url, init);
  const text = await r.text();
  let j = {};
  try { j = JSON.parse(text); } catch (e) { j = {}; }
  if (!r.ok) {
    const reasons = j.reasons && j.reasons.length ? ": " + j.reasons.join("; ") : "";
    throw new Error((j.message || text || r.status) + reasons);
  }
  return j;
}
function say(msg) { const s = document.getElementById("status"); if (s) s.textContent = msg; }
function val(id) { const e = document.getElementById(id); return e ? e.value.trim() : ""; }
function seedOf(id) { const v = val(id); return v === "" ? undefined : Number(v); }

// Buttons with data-method/data-url (and data-body JSON) call the API, then reload.
document.addEventListener("click", async (e) => {
  const b = e.target.closest("[data-method]");
  if (!b) return;
  e.preventDefault();
  if (b.dataset.confirm && !confirm(b.dataset.confirm)) return;
  let body = b.dataset.body ? JSON.parse(b.dataset.body) : undefined;
  const build = b.dataset.build && builders[b.dataset.build];
  let url = b.dataset.url;
  if (build) { const built = build(); body = built.body; url = built.url || url; }
  try { await api(b.dataset.method, url, body); location.reload(); } catch (err) { say(err.message); }
});

const builders = {
  // Advance every group names the turn each group is at on the page, so a click just as the
  // deadlines pass resolves no group's next turn too.
  advanceAll: () => {
    const turns = {};
    document.querySelectorAll("#groups [data-group-turn]").forEach((row) => { turns[row.dataset.group] = Number(row.dataset.groupTurn); });
    return { body: { turns } };
  },
  turnLength: () => ({ body: { turn_seconds: Number(val("turn-seconds") || 0) } }),
  newClass: () => ({ body: { name: val("class-name"), seed: seedOf("class-seed") } }),
  newGroup: () => ({ body: { label: val("group-label") || null, seats: [val("seat-0"), val("seat-1")], seed: seedOf("group-seed") } }),
  inject: () => {
    const target = val("inject-target");
    const ron = val("inject-ron");
    const body = ron ? { ron } : { id: val("inject-id") };
    return { body, url: target };
  },
};

// The join page and the team page are plain forms that work without JavaScript; with it, the
// team page's posts go in the background and the page is swapped in place (keeping the scroll
// and the focus), it refreshes itself on live updates, and previews open in place.
// The draft form is looked up each time: a swapped page has a new one.
const draftForm = () => document.getElementById("draft-form");
const said = (() => { const e = document.getElementById("said"); try { return e ? JSON.parse(e.textContent) : {}; } catch (err) { return {}; } })();
let dirty = false;     // text typed in the draft form and not saved yet
let postedAt = 0;      // when this page last posted (its own notes need no refresh)

function focusKey(e) {
  if (!e || e === document.body) return null;
  if (e.id) return "#" + CSS.escape(e.id);
  if (e.name && e.value) return `[name="${CSS.escape(e.name)}"][value="${CSS.escape(e.value)}"]`;
  return null;
}

// Replaces the page's content with `html` (a whole /team page). With `keepDraft`, the draft
// form (where text is being typed) stays, and only its fresh parts (deadline, submitted,
// buttons) are replaced.
function swapTeam(html, keepDraft) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const main = document.querySelector("main");
  const next = doc.querySelector("main");
  if (!main || !next) return;
  const focus = focusKey(document.activeElement);
  const open = [...document.querySelectorAll("details[open][data-action]")].map((d) => d.dataset.action);
  if (keepDraft) {
    [...main.children].forEach((part) => {
      if (part.id === "orders") return;
      const fresh = part.id && doc.getElementById(part.id);
      if (fresh) part.replaceWith(document.importNode(fresh, true));
    });
    document.querySelectorAll("#orders [data-fresh]").forEach((part) => {
      const fresh = doc.getElementById(part.id);
      if (fresh) part.replaceWith(document.importNode(fresh, true));
    });
  } else {
    main.replaceWith(document.importNode(next, true));
    dirty = false;
  }
  document.title = doc.title;
  const h1 = document.querySelector("header h1"), h1Next = doc.querySelector("header h1");
  if (h1 && h1Next) h1.textContent = h1Next.textContent;
  if (doc.body.dataset.turn) document.body.dataset.turn = doc.body.dataset.turn;
  open.forEach((key) => {
    const d = document.querySelector(`details[data-action="${CSS.escape(key)}"]`);
    if (d && !d.open) { d.open = true; }
  });
  const target = focus && document.querySelector(focus);
  if (target) target.focus({ preventScroll: true });
  countdown();
}

async function refreshTeam(kind) {
  const r = await fetch("/team", { credentials: "same-origin" });
  const path = new URL(r.url).pathname;
  if (path !== "/team") { location.href = path; return; }   // the session ended (a revoked code)
  if (!r.ok) return;
  const html = await r.text();
  const resolved = kind === "resolved";
  if (!resolved && dirty) {
    swapTeam(html, true);
    if (kind === "draft" || kind === "submitted") {
      const n = document.getElementById("news-flash");
      if (n) n.hidden = false;
    }
  } else {
    swapTeam(html, false);
  }
  say(resolved ? said.new_turn : said.updated);
}

function fmtDelta(x) { return (x < 0 ? "\u2212" + (-x).toFixed(1) : "+" + x.toFixed(1)); }

// Fills an action's preview from GET /api/teams/{team}/preview.
async function preview(action) {
  const box = document.getElementById("effects-" + action);
  const form = draftForm();
  const pick = form && form.elements["pick-" + action];
  if (!box || !pick) return;
  const [a, track, region] = pick.value.split("|");
  const q = new URLSearchParams({ action: a });
  if (track) q.set("track", track);
  if (region) q.set("region", region);
  box.textContent = said.computing || "…";
  try {
    const p = await api("GET", `/api/teams/${document.body.dataset.team}/preview?${q}`);
    box.textContent = "";
    if (p.refused) {
      const e = document.createElement("p"); e.className = "refused";
      e.textContent = `${said.not_available} ${p.refused}`; box.append(e);
    } else if (!p.effects.length) {
      const e = document.createElement("p"); e.className = "muted"; e.textContent = said.no_change; box.append(e);
    } else {
      const ul = document.createElement("ul");
      p.effects.forEach((f) => {
        const li = document.createElement("li");
        li.className = f.delta >= 0 ? "up" : "down";
        li.textContent = `${f.label}: ${fmtDelta(f.delta)}`;
        ul.append(li);
      });
      box.append(ul);
    }
  } catch (err) { box.textContent = err.message; }
}

if (draftForm()) {
  document.addEventListener("input", (e) => {
    const t = e.target;
    if (t.form && t.form.id === "draft-form" && (t.tagName === "TEXTAREA" || t.type === "text")) dirty = true;
  });
  // A folded action opened, or another target picked while open: its preview.
  document.addEventListener("toggle", (e) => {
    const d = e.target;
    if (d.tagName === "DETAILS" && d.open && d.dataset.action) preview(d.dataset.action);
  }, true);
  document.addEventListener("change", (e) => {
    const t = e.target;
    if (t.tagName !== "SELECT" || !t.name.startsWith("pick-")) return;
    const key = t.name.slice(5);
    const d = document.querySelector(`details[data-action="${CSS.escape(key)}"]`);
    if (d && d.open) preview(key);
  });
  document.addEventListener("submit", async (e) => {
    if (e.target.id !== "draft-form") return;
    const by = e.submitter;
    e.preventDefault();
    if (by && by.value.startsWith("preview:")) { preview(by.value.slice(8)); return; }
    const data = new FormData(e.target);
    if (by && by.name) data.append(by.name, by.value);
    postedAt = Date.now();
    try {
      const r = await fetch("/team", { method: "POST", body: new URLSearchParams(data), credentials: "same-origin" });
      const path = new URL(r.url).pathname;
      if (path !== "/team") { location.href = path; return; }
      swapTeam(await r.text(), false);
      const note = document.querySelector("#banners [role=status], #banners [role=alert]");
      say(note ? note.textContent : "");
    } catch (err) { say(err.message); }
  });
}

// Deadlines count down: every [data-deadline] (ms since the epoch) shows the time left.
function countdown() {
  document.querySelectorAll("[data-deadline]").forEach((e) => {
    const left = Math.max(0, Math.round((Number(e.dataset.deadline) - Date.now()) / 1000));
    e.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
  });
}
countdown();
setInterval(countdown, 1000);

// Live updates: the teacher's table refreshes itself; a team's page brings itself up to date
// (a burst of notes refreshes once; after a dropped connection, once it is back).
const live = document.body.dataset.live;
if (live && window.EventSource) {
  const events = new EventSource("/api/events");
  let refreshing = null;
  let pending = null;
  let lost = false;
  const refresh = (kind) => {
    if (live === "teacher") {
      if (refreshing) return;
      refreshing = setTimeout(async () => {
        refreshing = null;
        const groups = document.getElementById("groups");
        if (!groups) return;
        const r = await fetch(groups.dataset.src, { credentials: "same-origin" });
        if (r.ok) { groups.innerHTML = await r.text(); countdown(); }
      }, 300);
    } else {
      // Notes of this page's own posts need nothing: the post brought the page back.
      if ((kind === "draft" || kind === "submitted") && Date.now() - postedAt < 2000) return;
      if (pending !== "resolved") pending = kind;
      if (refreshing) return;
      // A resolution reaches every team of the class at once: the pages come back spread
      // over a second rather than all in the same instant.
      refreshing = setTimeout(async () => {
        const k = pending;
        refreshing = null; pending = null;
        try { await refreshTeam(k); } catch (err) { /* the next note tries again */ }
      }, 150 + Math.random() * 850);
    }
  };
  events.onmessage = (e) => {
    let note = {};
    try { note = JSON.parse(e.data); } catch (err) { note = {}; }
    refresh(note.kind || "");
  };
  events.onerror = () => { lost = true; };
  events.onopen = () => { if (lost) { lost = false; refresh("reconnected"); } };
}

// The projector view: the arrow keys go to the previous and next turn.
if (document.body.classList.contains("projector")) {
  document.addEventListener("keydown", (e) => {
    const rel = { ArrowLeft: "prev", ArrowRight: "next" }[e.key];
    const a = rel && document.querySelector(`[data-key="${rel}"]`);
    if (a) location.href = a.href;
  });
}
