// A stand-in for `scorecard serve`, for working on the page and for its
// browser test: serves dist/ and answers the API of ../API.md from fixtures.
//
// It is not the language. It reads just enough of the card to be useful: the
// tier table of 客户信息及建议 (`by 反馈及时率 { … }`), the grade table, the
// declarations (for the symbols), braces; it scores the other items of every
// person as a fixed figure from fixtures/people.json. Offsets it sends are
// characters (Unicode scalar values), as the real server's are.
//
//   node mock/server.mjs [--port 8787] [--brand] [--lang en] [--people 500]
//
// MOCK: GET /__mock/saves lists the texts saved so far (for the test).
import { createServer } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, extname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "..", "dist");
const fixture = (f) => readFileSync(join(here, "fixtures", f), "utf8");

// ─── Decimals as integers of hundredths (the mock does no float arithmetic) ──

const toH = (s) => {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(s).trim());
  if (!m) throw new Error(`not a decimal: ${s}`);
  const v = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -v : v;
};
const fromH = (h, fixed = false) => {
  const neg = h < 0, a = Math.abs(h);
  let s = `${Math.trunc(a / 100)}`;
  const frac = String(a % 100).padStart(2, "0");
  if (fixed) s += `.${frac}`;
  else if (frac !== "00") s += `.${frac.replace(/0$/, "")}`;
  return (neg && a ? "-" : "") + s;
};
// round(a × b / 10000) half away from zero, in integers
const mulDivRound = (a, b, d) => {
  const n = a * b, q = Math.trunc(n / d), r = n - q * d;
  return Math.abs(r) * 2 >= d ? q + Math.sign(n) : q;
};

// ─── Reading the card, as far as the mock needs ──────────────────────────────

/** Comments and texts replaced by spaces of the same length (offsets kept). */
function blank(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " "))
    .replace(/\/\/[^\n]*/g, (m) => " ".repeat(m.length))
    .replace(/"(?:[^"\\\n]|\\.)*"|“[^”\n]*”/g, (m) => `"${" ".repeat(m.length - 2)}"`);
}

/** UTF-16 offset → character offset. */
const chars = (text, i) => {
  let n = 0;
  for (let k = 0; k < i; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff) k++;
    n++;
  }
  return n;
};

function symbolsOf(text) {
  const inputs = [], items = [], params = [], outputs = [], sections = [];
  const lines = text.split("\n");
  let lastQuote = null, section = null;
  lines.forEach((raw, i) => {
    const line = raw.replace(/^\s*\/\/\s?/, "").trim();
    let m;
    if ((m = /^quote\s+"([^"]*)"/.exec(line))) { lastQuote = m[1]; return; }
    if ((m = /^(?:override\s+)?input\s+(\S+)\s+(\w+)(?:\s+"([^"]*)")?(.*)$/.exec(line))) {
      const rest = m[4] ?? "";
      const range = /range\s+(\S+\.\.\S+)/.exec(rest)?.[1];
      const def = /default\s+(\S+)/.exec(rest)?.[1];
      inputs.push({ name: m[1], label: m[3] ?? m[1], type: m[2], ...(range ? { range } : m[2] === "percent" ? { range: "0%..100%" } : {}), ...(def ? { default: def } : {}) });
    } else if ((m = /^(?:override\s+)?section\s+(\S+)(?:\s+"([^"]*)")?\s+weight\s+(\S+)/.exec(line))) {
      section = m[1];
      sections.push({ name: m[1], label: m[2] ?? m[1], weight: m[3] });
    } else if ((m = /^(?:override\s+)?item\s+(\S+)(?:\s+"([^"]*)")?\s+(\d+(?:\.\d+)?)/.exec(line))) {
      // The item's own quote (first inside its block), else the one before it.
      const own = /^\s*(?:\/\/\s*)?quote\s+"([^"]*)"/.exec(lines[i + 1] ?? "")?.[1];
      const quote = own ?? lastQuote;
      items.push({ name: m[1], label: m[2] ?? m[1], points: m[3], section, ...(quote ? { quote } : {}) });
    } else if ((m = /^(?:override\s+)?param\s+(\S+)\s+(\S+(?:\s*元)?)(?:\s+"([^"]*)")?/.exec(line))) {
      params.push({ name: m[1], label: m[3] ?? m[1], value: m[2] });
    } else if ((m = /^(?:override\s+)?output\s+(\S+)(?:\s+"([^"]*)")?(?:\s+(\w+))?\s*=/.exec(line))) {
      outputs.push({ name: m[1], label: m[2] ?? m[1], type: m[3] ?? "number" });
    }
    if (!/^(quote|assume)\b/.test(line) && line && !/^item\b/.test(line) && !line.startsWith("{") ) {
      if (!/^(by|>=|>|<=|<|else|minus|full|zero)/.test(line)) lastQuote = null;
    }
  });
  // A brand card's own declarations come first; the base's are not repeated.
  const uniq = (list) => [...new Map(list.map((s) => [s.name, s])).values()];
  return { inputs: uniq(inputs), items: uniq(items), params: uniq(params), outputs: uniq(outputs), sections: uniq(sections) };
}

const TIER_ROW = /(>=|>|<=|<)\s*(\d+(?:\.\d+)?)(\s*[%％])?\s*[:：]\s*(full|minus\s+\d+(?:\.\d+)?|\d+(?:\.\d+)?)|else\s*[:：]\s*(full|minus\s+\d+(?:\.\d+)?|\d+(?:\.\d+)?)/g;

/** The card as the mock understands it, and what is wrong with it. */
function readCard(text, editableTo = text.length) {
  const code = blank(text);
  const diagnostics = [];
  const error = (from, to, message, help) =>
    diagnostics.push({ from: chars(text, from), to: chars(text, to), severity: "error", message, ...(help ? { help } : {}) });

  // Braces
  let depth = 0;
  for (let i = 0; i < editableTo; i++) {
    if (code[i] === "{") depth++;
    else if (code[i] === "}" && --depth < 0) { error(i, i + 1, "多余的 `}`", "删掉它，或在前面补上对应的 `{`"); depth = 0; }
  }
  if (depth > 0) {
    const end = code.slice(0, editableTo).trimEnd().length;
    error(Math.max(0, end - 1), end, `缺少 ${depth} 个 \`}\``, "每个 `{` 都要有对应的 `}`");
  }

  // Names read by `by`, `per`, `if`
  const symbols = symbolsOf(text);
  const known = new Set([...symbols.inputs, ...symbols.params, ...symbols.outputs].map((s) => s.name));
  for (const m of code.slice(0, editableTo).matchAll(/(?<!rated\s+)\b(?:by|per)\s+([\p{L}_][\p{L}\p{N}_]*)/gu)) {
    const name = m[1];
    if (["total"].includes(name) || known.has(name) || /^[a-z]/.test(name)) continue;
    const from = m.index + m[0].length - name.length;
    const near = [...known].find((k) => k.startsWith(name.slice(0, 2)));
    error(from, from + name.length, `没有名为 \`${name}\` 的输入项`, near ? `是不是 \`${near}\`？` : "先用 `input` 声明它");
  }

  // The tier table of 客户信息及建议
  let tiers = null;
  const table = /by\s+反馈及时率\s*\{([^}]*)\}/.exec(code);
  if (table) {
    tiers = [];
    const start = table.index + table[0].indexOf("{") + 1;
    let last = null;
    for (const m of table[1].matchAll(TIER_ROW)) {
      const outcome = (m[4] ?? m[5]).replace(/\s+/g, " ");
      if (m[5] != null) { tiers.push({ op: "else", outcome }); continue; }
      const numFrom = start + m.index + m[0].indexOf(m[2]);
      if (!m[3]) {
        error(numFrom, numFrom + m[2].length, `\`反馈及时率\` 是百分比，不能和数 \`${m[2]}\` 比较`, `写成 \`${m[2]}%\``);
        continue;
      }
      const at = toH(m[2]);
      if (last != null && at >= last) {
        error(numFrom, numFrom + m[2].length + m[3].length, `分档要从高到低：\`${m[2]}%\` 不低于上一档`, "第一个符合的分档生效，后面的这一档永远用不到");
      }
      last = at;
      tiers.push({ op: m[1], at, outcome });
    }
  }

  // The grade table
  const grades = [];
  const g = /grade\s*\{([^}]*)\}/.exec(code);
  if (g) {
    const labels = /grade\s*\{([^}]*)\}/.exec(text)[1];
    for (const m of labels.matchAll(/(>=|>)\s*(\d+(?:\.\d+)?)\s*[:：]\s*(\S+)|else\s*[:：]\s*(\S+)/g)) {
      grades.push(m[4] ? { else: true, grade: m[4] } : { op: m[1], at: toH(m[2]), grade: m[3] });
    }
  }
  return { diagnostics, tiers, grades, symbols };
}

function tierPoints(tiers, rateH) {
  const full = 500; // 5 points
  for (const t of tiers ?? []) {
    const hit = t.op === "else" || (t.op === ">=" ? rateH >= t.at : t.op === ">" ? rateH > t.at : t.op === "<=" ? rateH <= t.at : rateH < t.at);
    if (!hit) continue;
    if (t.outcome === "full") return { h: full, why: t };
    if (t.outcome.startsWith("minus")) return { h: Math.max(0, full - toH(t.outcome.slice(6))), why: t };
    return { h: Math.min(full, toH(t.outcome)), why: t };
  }
  return { h: 0, why: null };
}

function gradeOf(grades, totalH) {
  for (const g of grades) if (g.else || (g.op === ">=" ? totalH >= g.at : totalH > g.at)) return g.grade;
  return null;
}

const fixturePeople = JSON.parse(fixture("people.json")).rows;

/** The fixture's people, or that many made from them (HF1001…) for timing a big month. */
function peopleOf(count) {
  if (!count) return fixturePeople;
  return Array.from({ length: count }, (_, i) => {
    const p = fixturePeople[i % fixturePeople.length];
    const person = { ...p, id: `HF${1001 + i}`, name: i < fixturePeople.length ? p.name : `${p.name}${Math.floor(i / fixturePeople.length) + 1}` };
    // One row the card cannot score, as a real month has.
    if (i === 7) person.error = `第 ${i + 2} 行：\`反馈及时率\` 不是百分数：\`九十八\``;
    return person;
  });
}

function score(card, people) {
  return people.map((p) => {
    const item = tierPoints(card.tiers, toH(p.rate));
    const totalH = toH(p.other) + item.h;
    const payFen = mulDivRound(toH(p.base), totalH, 10000);
    return { p, item, totalH, payFen, grade: gradeOf(card.grades, totalH) };
  });
}

// ─── The card being edited ───────────────────────────────────────────────────

function makeDoc(mode) {
  if (mode !== "brand") {
    return { path: "rules/callback_specialist.card", file: fixture("callback_specialist.card"), base: null };
  }
  return {
    path: "rules/brands/君威/callback_specialist.card",
    file: fixture("brand_junwei.card"),
    base: { path: "../../callback_specialist.card", text: fixture("callback_specialist.card") },
  };
}

/** The editor's text: the card's file, then its base's lines as comments. */
function editorText(doc, file) {
  if (!doc.base) return { text: file, readonly_ranges: [] };
  const head = `// ── 基础卡 ${doc.base.path}（只读；要改请在上面写 override）──\n`;
  const block = head + doc.base.text.trimEnd().split("\n").map((l) => (l ? `// ${l}` : "//")).join("\n") + "\n";
  const text = file.endsWith("\n") ? file + "\n" + block : file + "\n\n" + block;
  const from = text.length - block.length;
  return {
    text,
    readonly_ranges: [{ from: chars(text, from), to: chars(text, text.length), reason: `基础卡 ${doc.base.path} 的内容` }],
  };
}

/** The file's text out of the editor's: the read-only ranges taken out. */
function fileText(text, ranges) {
  const cps = Array.from(text);
  let out = [], at = 0;
  for (const r of [...(ranges ?? [])].sort((a, b) => a.from - b.from)) {
    out.push(cps.slice(at, r.from).join(""));
    at = Math.max(at, r.to);
  }
  out.push(cps.slice(at).join(""));
  return out.join("").replace(/\n+$/, "\n");
}

/** For a brand card, its base's declarations count too (they are the commented block). */
function cardOf(doc, text, ranges) {
  const editable = ranges?.length ? Array.from(text).slice(0, Math.min(...ranges.map((r) => r.from))).join("").length : text.length;
  const card = readCard(text, editable);
  if (doc.base && !card.grades.length) card.grades = readCard(doc.base.text).grades;
  if (doc.base && !card.tiers) card.tiers = readCard(doc.base.text).tiers;
  return card;
}

// ─── HTTP ────────────────────────────────────────────────────────────────────

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".png": "image/png" };

export function startMock({ port = 0, mode = "group", lang = "zh-CN", delayMs = 0, people: count = 0 } = {}) {
  const doc = makeDoc(mode);
  const people = peopleOf(count);
  let saved = doc.file;
  const saves = [];
  const requests = [];

  const send = (res, code, body, type = "application/json; charset=utf-8") => {
    res.writeHead(code, { "Content-Type": type, "Cache-Control": "no-store" });
    res.end(typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body));
  };
  const readBody = (req) => new Promise((ok, fail) => {
    const parts = [];
    req.on("data", (c) => parts.push(c));
    req.on("end", () => { try { ok(JSON.parse(Buffer.concat(parts).toString("utf8"))); } catch (e) { fail(e); } });
    req.on("error", fail);
  });

  function update(body) {
    const started = process.hrtime.bigint();
    const card = cardOf(doc, body.text, body.readonly_ranges);
    const errors = card.diagnostics.filter((d) => d.severity === "error").length;
    let results = null, impact = null;
    if (!errors) {
      const base = editorText(doc, saved);
      const before = new Map(score(cardOf(doc, base.text, base.readonly_ranges), people).map((r) => [r.p.id, r]));
      let changed = 0, points = 0, grades = 0, pay = 0;
      const rows = score(card, people).map((r) => {
        if (r.p.error) return { id: r.p.id, name: r.p.name, brand: r.p.brand, store: r.p.store, error: r.p.error };
        const b = before.get(r.p.id);
        const dT = r.totalH - b.totalH, dP = r.payFen - b.payFen;
        if (dT || dP || b.grade !== r.grade) changed++;
        if (b.grade !== r.grade) grades++;
        points += dT; pay += dP;
        return {
          id: r.p.id, name: r.p.name, brand: r.p.brand, store: r.p.store,
          total: fromH(r.totalH), grade: r.grade, main: fromH(r.payFen, true),
          delta_total: fromH(dT), delta_main: fromH(dP, true), grade_before: b.grade,
        };
      });
      results = {
        columns: [
          { key: "id", label: "工号" }, { key: "name", label: "姓名" }, { key: "brand", label: "品牌" },
          { key: "store", label: "门店" }, { key: "total", label: "总分", kind: "score" },
          { key: "grade", label: "等级", kind: "grade" }, { key: "main", label: "月绩效工资", kind: "money" },
        ],
        rows,
      };
      impact = { people_changed: changed, points_delta: fromH(points), grade_changes: grades, pay_delta: fromH(pay, true) };
    }
    return {
      seq: body.seq,
      diagnostics: card.diagnostics,
      symbols: card.symbols,
      results,
      impact,
      elapsed_ms: Number((process.hrtime.bigint() - started) / 1000000n),
    };
  }

  function explain(body) {
    const ranges = body.readonly_ranges ?? (doc.base ? editorText(doc, body.text).readonly_ranges : []);
    const card = cardOf(doc, body.text, ranges);
    const r = score(card, people).find((x) => x.p.id === body.id);
    if (!r) return { id: body.id, text: `没有工号为 ${body.id} 的员工` };
    const p = r.p;
    const why = r.item.why;
    const rule = !why ? "没有符合的分档: 0 分"
      : why.op === "else" ? `其他情况: ${why.outcome}`
      : `${p.rate}% ${why.op} ${fromH(why.at)}%: ${why.outcome}`;
    const text = [
      `${p.name} (${p.id}) · ${p.brand} ${p.store} · 回访专员`,
      `总分 ${fromH(r.totalH)} / 100 · 等级 ${r.grade}`,
      "",
      `信息反馈 · 客户信息及建议   ${fromH(r.item.h)} / 5`,
      `    反馈及时率 = ${p.rate}%`,
      `    分档 ${rule}`,
      `其他考核项合计              ${p.other} / 95`,
      "",
      `绩效工资 = round(绩效基数 × total / 100, 2)`,
      `         = round(${p.base} × ${fromH(r.totalH)} / 100, 2) = ${fromH(r.payFen, true)} 元`,
    ].join("\n");
    return { id: body.id, title: `${p.name}（${p.id}）的得分说明`, text };
  }

  function save(body) {
    const card = cardOf(doc, body.text, body.readonly_ranges);
    const errors = card.diagnostics.filter((d) => d.severity === "error").length;
    if (errors) return { ok: false, message: `考核表有 ${errors} 个错误，没有保存`, diagnostics: card.diagnostics };
    // "Formatting": trailing spaces off, one final newline.
    const file = fileText(body.text, body.readonly_ranges).split("\n").map((l) => l.trimEnd()).join("\n").replace(/\n*$/, "\n");
    saved = file;
    saves.push(file);
    const shown = editorText(doc, file);
    return {
      ok: true,
      message: `已保存 ${doc.path}（已排版，注释保留）`,
      formatted_text: shown.text,
      readonly_ranges: shown.readonly_ranges,
    };
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    try {
      if (req.method === "GET" && url.pathname === "/api/state") {
        const shown = editorText(doc, saved);
        return send(res, 200, {
          card: { path: doc.path, text: shown.text, readonly_ranges: shown.readonly_ranges },
          data_files: ["examples/callback_specialists_by_brand.csv"],
          lang,
        });
      }
      if (req.method === "POST" && url.pathname.startsWith("/api/")) {
        const body = await readBody(req);
        requests.push({ path: url.pathname, body });
        if (delayMs) await new Promise((ok) => setTimeout(ok, delayMs));
        if (url.pathname === "/api/update") return send(res, 200, update(body));
        if (url.pathname === "/api/explain") return send(res, 200, explain(body));
        if (url.pathname === "/api/save") return send(res, 200, save(body));
        return send(res, 404, { error: "no such endpoint" });
      }
      if (req.method === "GET" && url.pathname === "/__mock/saves") return send(res, 200, saves);
      if (req.method === "GET") {
        const name = url.pathname === "/" ? "index.html" : url.pathname.slice(1);
        const file = join(dist, name);
        if (!/^[\w.-]+$/.test(name) || !existsSync(file)) return send(res, 404, "not found", "text/plain");
        return send(res, 200, readFileSync(file), TYPES[extname(name)] ?? "application/octet-stream");
      }
      send(res, 405, { error: "method not allowed" });
    } catch (e) {
      send(res, 400, { error: String(e.message ?? e) });
    }
  });

  return new Promise((ok) => {
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      ok({ url, saves, requests, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : def;
  };
  const m = await startMock({
    port: Number(arg("--port", 8787)),
    mode: process.argv.includes("--brand") ? "brand" : "group",
    lang: arg("--lang", "zh-CN"),
    people: Number(arg("--people", 0)),
  });
  console.log(`mock scorecard serve on ${m.url} (127.0.0.1 only)`);
}
