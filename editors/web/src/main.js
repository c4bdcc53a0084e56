// The page of `scorecard serve`: the card on the left, every employee's
// results and the impact of the change on the right. The contract with the
// server is editors/web/API.md.
import {
  createEditor, replaceText, showDiagnostics, renderDiagnostic, setSymbols, readonlyRanges,
} from "./editor.js";
import { EditorView } from "@codemirror/view";
import { Offsets } from "./offsets.js";
import { t, setLang } from "./strings.js";
import { isZero, isNegative, plain, signed, signedOrZero } from "./format.js";

// The pause after a keystroke before the card is sent; `?debounce=MS` in the
// page's address changes it (0 to 1000).
const DEBOUNCE_MS = (() => {
  const v = Number(new URLSearchParams(location.search).get("debounce"));
  return Number.isFinite(v) && v >= 0 && v <= 1000 && location.search.includes("debounce=") ? v : 50;
})();
const $ = (id) => document.getElementById(id);

const app = {
  view: null,
  savedText: "",
  docVersion: 0,      // bumped on every edit
  seq: 0,             // the last update sent
  checkedVersion: -1, // the edit the shown diagnostics belong to
  errors: 0,
  warnings: 0,
  timer: null,
  inflight: null,
  results: null,
  selected: null,     // the id of the row being explained
  explainSeq: 0,
  saving: false,
  onlyChanged: false,
  sort: null,         // {key, dir}
  updates: 0,         // responses applied (for tests)
  lastSave: null,
};
window.__scorecard = app;

/** Where the first read-only range starts now (UTF-16), for tests. */
app.readonlyFrom = () => readonlyRanges(app.view.state)[0]?.from ?? null;

/** Selects a range and scrolls it to the middle of the editor (for tests and links). */
app.select = (anchor, head = anchor) => {
  app.view.dispatch({ selection: { anchor, head }, effects: EditorView.scrollIntoView(anchor, { y: "center" }) });
  app.view.focus();
};

// ─── Talking to the server ───────────────────────────────────────────────────

async function postJSON(path, body, signal) {
  const r = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  return r.json();
}

/** The read-only ranges as the server counts them (characters). */
function rangesForServer(text) {
  const ranges = readonlyRanges(app.view.state);
  if (!ranges.length) return [];
  const o = new Offsets(text);
  return ranges.map((r) => ({ from: o.toChars(r.from), to: o.toChars(r.to), reason: r.reason }));
}

function rangesFromServer(text, ranges) {
  const o = new Offsets(text);
  return (ranges ?? []).map((r) => ({ from: o.toUtf16(r.from), to: o.toUtf16(r.to), reason: r.reason ?? "" }));
}

function scheduleUpdate(delay = DEBOUNCE_MS) {
  clearTimeout(app.timer);
  setStatus("busy", t("checking"));
  updateSaveButton();
  app.timer = setTimeout(sendUpdate, delay);
}

async function sendUpdate() {
  // While a Chinese input method is composing, the text holds pinyin: wait
  // for the characters.
  if (app.view.composing) { app.timer = setTimeout(sendUpdate, DEBOUNCE_MS); return; }
  const text = app.view.state.doc.toString();
  const seq = ++app.seq;
  const version = app.docVersion;
  if (app.inflight) app.inflight.abort();
  const ctl = (app.inflight = new AbortController());
  const started = performance.now();
  let res;
  try {
    res = await postJSON("/api/update", { seq, text, readonly_ranges: rangesForServer(text) }, ctl.signal);
  } catch (e) {
    if (e.name === "AbortError") return;
    if (seq === app.seq) setStatus("error", t("offline", { error: e.message }));
    return;
  }
  if (app.inflight === ctl) app.inflight = null;
  // A newer request went out, or the text moved on since: that one will answer.
  if (res.seq !== app.seq || version !== app.docVersion) return;
  const received = performance.now();
  applyUpdate(res, text, version, received - started);
  // Round trip, and the page's own work on the answer (diagnostics, table).
  const now = performance.now();
  app.timing = {
    since_edit_ms: now - app.changedAt, // the last keystroke to its results on screen (debounce included)
    round_trip_ms: received - started,
    render_ms: now - received,
    server_ms: res.elapsed_ms,
  };
}

function applyUpdate(res, text, version, roundTrip) {
  const o = new Offsets(text);
  const diags = (res.diagnostics ?? []).map((d) => {
    const from = o.toUtf16(d.from);
    const to = Math.max(from, o.toUtf16(d.to ?? d.from));
    return {
      from, to,
      severity: d.severity === "warning" ? "warning" : d.severity === "info" ? "info" : "error",
      message: d.help ? `${d.message}\n${d.help}` : d.message,
      renderMessage: renderDiagnostic(d.message, d.help),
    };
  });
  showDiagnostics(app.view, diags);
  app.errors = diags.filter((d) => d.severity === "error").length;
  app.warnings = diags.filter((d) => d.severity === "warning").length;
  app.checkedVersion = version;
  setSymbols(res.symbols);

  const parts = [];
  if (app.errors) parts.push(t("errors", { errors: app.errors }));
  if (app.warnings) parts.push(t("warnings", { warnings: app.warnings }));
  if (!parts.length) parts.push(t("checked"));
  const ms = res.elapsed_ms != null ? res.elapsed_ms : Math.round(roundTrip);
  setStatus(app.errors ? "error" : app.warnings ? "warn" : "ok", `${parts.join(t("sep"))} · ${t("elapsed", { ms })}`, diags[0]);

  if (res.results) {
    app.results = res.results;
    app.stale = false;
  } else {
    app.stale = app.results != null;
  }
  renderImpact(res.results ? res.impact : null);
  renderTable();
  updateSaveButton();
  app.updates++;
  if (app.selected && res.results) explain(app.selected);
}

// ─── Status, save ────────────────────────────────────────────────────────────

function setStatus(kind, text, firstDiag) {
  const s = $("status");
  s.className = `status status-${kind}`;
  s.textContent = text;
  s.onclick = firstDiag
    ? () => app.select(firstDiag.from)
    : null;
  s.style.cursor = firstDiag ? "pointer" : "";
}

function canSave() {
  return !app.saving && app.errors === 0 && app.checkedVersion === app.docVersion;
}

function updateSaveButton() {
  $("save").disabled = !canSave();
  const dirty = app.view && app.view.state.doc.toString() !== app.savedText;
  const d = $("dirty");
  d.textContent = dirty ? t("unsaved") : t("saved");
  d.className = dirty ? "dirty" : "clean";
}

async function save() {
  if (!canSave()) {
    if (app.errors) toast(t("errors", { errors: app.errors }), false);
    return;
  }
  const text = app.view.state.doc.toString();
  app.saving = true;
  updateSaveButton();
  setStatus("busy", t("saving"));
  let res;
  try {
    res = await postJSON("/api/save", { text, readonly_ranges: rangesForServer(text) });
  } catch (e) {
    app.saving = false;
    setStatus("error", t("offline", { error: e.message }));
    updateSaveButton();
    return;
  }
  app.saving = false;
  app.lastSave = res;
  toast(res.message ?? "", !!res.ok);
  if (res.ok) {
    const current = app.view.state.doc.toString();
    if (res.formatted_text != null && current === text && res.formatted_text !== text) {
      replaceText(app.view, res.formatted_text, rangesFromServer(res.formatted_text, res.readonly_ranges));
      app.savedText = res.formatted_text;
    } else {
      app.savedText = text;
    }
  }
  // The saved card is the new baseline of every change: ask again.
  scheduleUpdate(0);
}

let toastTimer = null;
function toast(message, ok) {
  const box = $("toast");
  box.textContent = message;
  box.className = `toast ${ok ? "toast-ok" : "toast-fail"}`;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, ok ? 4000 : 8000);
}

// ─── Impact and results ──────────────────────────────────────────────────────

function renderImpact(impact) {
  const box = $("impact");
  box.replaceChildren();
  if (app.stale) {
    box.className = "impact impact-stale";
    box.textContent = t("staleResults");
    return;
  }
  if (!impact) { box.className = "impact"; return; }
  if (!impact.people_changed) {
    box.className = "impact impact-none";
    box.textContent = t("impactNone");
    return;
  }
  box.className = "impact impact-some";
  let s = t("impact", {
    people: impact.people_changed,
    points: signedOrZero(impact.points_delta),
    grades: impact.grade_changes ?? 0,
  });
  if (impact.pay_delta != null) s += t("impactPay", { pay: signedOrZero(impact.pay_delta, { group: true }) });
  box.textContent = s;
}

function rowChanged(r) {
  return !isZero(r.delta_total) || !isZero(r.delta_main) || (r.grade_before != null && r.grade_before !== r.grade);
}

/** The table's columns: the server's, each score and pay followed by its change. */
function tableColumns(results) {
  const cols = [];
  for (const c of results.columns ?? []) {
    cols.push(c);
    if (c.key === "total") cols.push({ key: "delta_total", label: t("deltaTotal"), kind: "delta" });
    if (c.key === "main") cols.push({ key: "delta_main", label: t("deltaMain"), kind: "delta_money" });
  }
  return cols;
}

function cell(r, c) {
  const td = document.createElement("td");
  const v = r[c.key];
  td.className = `col-${c.kind ?? "text"}`;
  td.dataset.k = cellKey(r, c);
  switch (c.kind) {
    case "score": td.textContent = plain(v); break;
    case "money": td.textContent = plain(v, { group: true }); break;
    case "delta":
    case "delta_money": {
      td.textContent = signed(v, { group: c.kind === "delta_money" });
      if (!isZero(v)) td.classList.add(isNegative(v) ? "down" : "up");
      break;
    }
    case "grade": {
      if (r.grade_before != null && r.grade_before !== v) {
        td.classList.add("grade-changed");
        td.append(
          Object.assign(document.createElement("s"), { textContent: r.grade_before ?? "" }),
          document.createTextNode(" → "),
          Object.assign(document.createElement("b"), { textContent: v ?? "" }),
        );
      } else td.textContent = v ?? "";
      break;
    }
    default: td.textContent = v ?? "";
  }
  return td;
}

function compareCells(a, b, c) {
  const x = a[c.key], y = b[c.key];
  if (c.kind && c.kind !== "text" && c.kind !== "grade") {
    // Sorting only: the shown figures stay the server's strings.
    const fx = x == null || x === "" ? -Infinity : Number(x);
    const fy = y == null || y === "" ? -Infinity : Number(y);
    return fx - fy;
  }
  return String(x ?? "").localeCompare(String(y ?? ""), "zh-CN");
}

/** What a cell shows, as one string: a cell is redrawn only when this changes. */
function cellKey(r, c) {
  return JSON.stringify([r[c.key] ?? null, c.kind === "grade" ? r.grade_before ?? null : null]);
}

function rowClass(r) {
  return [rowChanged(r) ? "changed" : "", r.id === app.selected ? "selected" : "", r.error ? "row-error" : ""]
    .filter(Boolean).join(" ");
}

function newRow(r, cols) {
  const tr = document.createElement("tr");
  tr.dataset.id = r.id;
  tr.className = rowClass(r);
  if (r.error) {
    for (const c of cols.slice(0, 3)) tr.append(cell(r, c));
    const td = document.createElement("td");
    td.colSpan = Math.max(1, cols.length - 3);
    td.textContent = r.error;
    tr.append(td);
  } else {
    for (const c of cols) tr.append(cell(r, c));
  }
  return tr;
}

/**
 * The rows, reusing the ones on screen when they are the same people in the
 * same order (the usual case while typing): only cells whose figures moved
 * are redrawn, so a month of 500 costs little per keystroke.
 */
function renderRows(tbody, rows, cols) {
  const shown = tbody.rows;
  const sameCols = app.shownCols === JSON.stringify(cols);
  const same = sameCols && shown.length === rows.length && rows.every((r, i) => shown[i].dataset.id === r.id);
  app.shownCols = JSON.stringify(cols);
  if (!same) {
    const frag = document.createDocumentFragment();
    for (const r of rows) frag.append(newRow(r, cols));
    tbody.replaceChildren(frag);
    return;
  }
  rows.forEach((r, i) => {
    const tr = shown[i];
    const cls = rowClass(r);
    if (r.error || tr.classList.contains("row-error")) {
      if (r.error !== tr.lastChild.textContent || cls !== tr.className) tbody.replaceChild(newRow(r, cols), tr);
      return;
    }
    if (tr.className !== cls) tr.className = cls;
    cols.forEach((c, j) => {
      const td = tr.cells[j];
      if (td.dataset.k !== cellKey(r, c)) tr.replaceChild(cell(r, c), td);
    });
  });
}

function renderTable() {
  const table = $("results");
  const thead = table.tHead, tbody = table.tBodies[0];
  const results = app.results;
  table.classList.toggle("stale", !!app.stale);
  if (!results) {
    thead.replaceChildren();
    tbody.replaceChildren();
    $("row-count").textContent = "";
    return;
  }
  const cols = tableColumns(results);
  const hr = document.createElement("tr");
  for (const c of cols) {
    const th = document.createElement("th");
    th.textContent = c.label;
    th.className = `col-${c.kind ?? "text"}`;
    if (app.sort?.key === c.key) th.dataset.sort = app.sort.dir > 0 ? "▲" : "▼";
    th.onclick = () => {
      app.sort = app.sort?.key === c.key ? { key: c.key, dir: -app.sort.dir } : { key: c.key, dir: c.kind && c.kind !== "text" ? -1 : 1 };
      renderTable();
    };
    hr.append(th);
  }
  thead.replaceChildren(hr);

  let rows = results.rows ?? [];
  const changed = rows.filter(rowChanged).length;
  if (app.onlyChanged) rows = rows.filter(rowChanged);
  if (app.sort) {
    const c = cols.find((x) => x.key === app.sort.key);
    if (c) rows = [...rows].sort((a, b) => app.sort.dir * compareCells(a, b, c));
  }
  renderRows(tbody, rows, cols);
  const total = (results.rows ?? []).length;
  $("row-count").textContent = t("rows", { n: total }) + (changed ? t("sep") + t("changedRows", { n: changed }) : "");
}

// ─── Explanation ─────────────────────────────────────────────────────────────

function selectRow(r) {
  app.selected = r.id;
  for (const tr of $("results").tBodies[0].rows) tr.classList.toggle("selected", tr.dataset.id === r.id);
  const panel = $("explain");
  panel.hidden = false;
  $("explain-title").textContent = t("explainTitle", { name: r.name ?? "", id: r.id });
  $("explain-body").textContent = t("explainLoading");
  explain(r.id);
}

async function explain(id) {
  const n = ++app.explainSeq;
  const text = app.view.state.doc.toString();
  let res;
  try {
    res = await postJSON("/api/explain", { seq: app.seq, text, readonly_ranges: rangesForServer(text), id });
  } catch (e) {
    if (n === app.explainSeq) $("explain-body").textContent = t("offline", { error: e.message });
    return;
  }
  if (n !== app.explainSeq || id !== app.selected) return;
  if (res.title) $("explain-title").textContent = res.title;
  $("explain-body").textContent = res.text ?? "";
}

// ─── Start ───────────────────────────────────────────────────────────────────

function setTexts() {
  document.title = `${t("title")} · scorecard`;
  $("title").textContent = t("title");
  $("save-label").textContent = t("save");
  $("save").title = t("saveHint");
  $("only-changed-label").textContent = t("onlyChanged");
  $("explain-close").title = t("close");
  $("data-label").textContent = t("dataFiles");
}

async function start() {
  app.view = createEditor($("editor"), {
    onChange: () => {
      app.docVersion++;
      app.changedAt = performance.now();
      scheduleUpdate();
    },
    onSave: save,
  });
  $("save").onclick = save;
  $("results").tBodies[0].addEventListener("click", (e) => {
    const tr = e.target.closest("tr[data-id]");
    const r = tr && app.results?.rows?.find((x) => x.id === tr.dataset.id);
    if (r) selectRow(r);
  });
  $("only-changed").onchange = (e) => { app.onlyChanged = e.target.checked; renderTable(); };
  $("explain-close").onclick = () => {
    $("explain").hidden = true;
    app.selected = null;
    for (const tr of $("results").tBodies[0].rows) tr.classList.remove("selected");
  };
  // Ctrl-S anywhere on the page saves the card, not the page.
  window.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "s") {
      e.preventDefault();
      if (!app.view.hasFocus) save();
    }
  });
  setStatus("busy", t("loading"));
  let state;
  try {
    const r = await fetch("/api/state");
    if (!r.ok) throw new Error(`${r.status}`);
    state = await r.json();
  } catch (e) {
    setStatus("error", t("offline", { error: e.message }));
    return;
  }
  setLang(state.lang);
  setTexts();
  $("card-path").textContent = state.card?.path ?? "";
  $("data-files").textContent = (state.data_files ?? []).join("、");
  $("data-files").title = (state.data_files ?? []).join("\n");
  const text = state.card?.text ?? "";
  app.savedText = text;
  replaceText(app.view, text, rangesFromServer(text, state.card?.readonly_ranges));
  app.view.focus();
}

app.renderTable = renderTable;
start();
