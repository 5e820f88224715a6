"use strict";
// Démarche classroom: a little plain JavaScript, served by the host itself.
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

// The join page.
const joinForm = document.getElementById("join-form");
if (joinForm) {
  joinForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    try { await api("POST", "/api/join", { code: val("join-code") }); location.href = "/team"; } catch (err) { say(err.message); }
  });
}

// The team page: the draft lives in a JSON block; every change is saved, then the page reloads.
const draftBlock = document.getElementById("draft");
if (draftBlock) {
  const team = document.body.dataset.team;
  const draft = JSON.parse(draftBlock.textContent);
  const collect = () => {
    draft.memo.note = val("memo-note") || null;
    draft.memo.orders = [];
    document.querySelectorAll("[data-order-memo]").forEach((input) => {
      const order = draft.orders[Number(input.dataset.orderMemo)];
      if (input.value.trim()) draft.memo.orders.push({ order, text: input.value.trim() });
    });
    if (!draft.memo.note) delete draft.memo.note;
  };
  const save = async () => { collect(); await api("PUT", `/api/teams/${team}/draft`, draft); };
  const act = (f) => async (e) => { e.preventDefault(); try { await f(e); } catch (err) { say(err.message); } };
  document.querySelectorAll("[data-add]").forEach((b) => b.addEventListener("click", act(async () => {
    const select = document.getElementById(b.dataset.add);
    draft.orders.push(JSON.parse(select ? select.value : b.dataset.order));
    await save(); location.reload();
  })));
  document.querySelectorAll("[data-remove]").forEach((b) => b.addEventListener("click", act(async () => {
    collect();
    draft.orders.splice(Number(b.dataset.remove), 1);
    await api("PUT", `/api/teams/${team}/draft`, draft); location.reload();
  })));
  const saveButton = document.getElementById("save");
  if (saveButton) saveButton.addEventListener("click", act(async () => { await save(); say(document.body.dataset.saved); }));
  const submitButton = document.getElementById("submit");
  if (submitButton) submitButton.addEventListener("click", act(async () => {
    await save(); await api("POST", `/api/teams/${team}/submit`); location.reload();
  }));
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

// Live updates: the teacher's table refreshes itself; a team is told a new turn is there.
const live = document.body.dataset.live;
if (live && window.EventSource) {
  const events = new EventSource("/api/events");
  let refreshing = null;
  events.onmessage = async () => {
    if (live === "teacher") {
      // A burst of notes (a whole class submitting) refreshes the table once.
      if (refreshing) return;
      refreshing = setTimeout(async () => {
        refreshing = null;
        const groups = document.getElementById("groups");
        if (!groups) return;
        const r = await fetch(groups.dataset.src, { credentials: "same-origin" });
        if (r.ok) { groups.innerHTML = await r.text(); countdown(); }
      }, 300);
    } else {
      const n = document.getElementById("news-flash");
      if (n) { n.hidden = false; }
    }
  };
}

// The projector view: the arrow keys go to the previous and next turn.
if (document.body.classList.contains("projector")) {
  document.addEventListener("keydown", (e) => {
    const rel = { ArrowLeft: "prev", ArrowRight: "next" }[e.key];
    const a = rel && document.querySelector(`[data-key="${rel}"]`);
    if (a) location.href = a.href;
  });
}
