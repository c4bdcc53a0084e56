// The page against the REAL server, as HR uses it: `scorecard serve rules/
// examples/callback_specialists_by_brand.csv` on a copy of rules/, in
// headless Chromium (Debian's). A tier change is typed; the impact table
// must say what `scorecard diff` says for the same change; Ctrl-S writes
// the card, formatted. The screenshot is the README's (docs/serve.png).
//
//   cargo build && npm test            (SCORECARD=path/to/scorecard for another binary)
//   SERVE_SCREENSHOT=path.png          (default: docs/serve.png at the repository's top)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..", "..");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const screenshot = process.env.SERVE_SCREENSHOT ?? join(repo, "docs", "serve.png");
// The month's data, as the command line names it (copied beside rules/):
// the appraisal's columns, and the two files the pay step (客服专员绩效) reads.
const data = "examples/callback_specialists_by_brand.csv";
const month = [data, "examples/booking_export.csv", "examples/finance_report.csv"];

/** The scorecard binary: $SCORECARD, else the debug build, else the release one. */
function binary() {
  const candidates = [process.env.SCORECARD, join(repo, "target", "debug", "scorecard"), join(repo, "target", "release", "scorecard")];
  const found = candidates.find((p) => p && existsSync(p));
  assert.ok(found, "no scorecard binary: run `cargo build` first (or set SCORECARD)");
  return found;
}

/** Starts `scorecard serve` in `cwd` and resolves with its address once it says where it listens. */
function serve(cwd, args) {
  const child = spawn(binary(), ["serve", ...args, "--port", "0", "--lang", "zh"], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let out = "", err = "";
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start:\n${out}\n${err}`)), 60_000);
    child.stderr.on("data", (b) => { err += b; });
    child.stdout.on("data", (b) => {
      out += b;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) { clearTimeout(timer); ok({ url: m[0], child, out: () => out, err: () => err }); }
    });
    child.on("exit", (code) => { clearTimeout(timer); fail(new Error(`serve exited with ${code}:\n${out}\n${err}`)); });
  });
}

/** `text` with the first `from` after `by 反馈及时率` (客户信息及建议's tiers) replaced by `to`. */
function tierEdit(text, from, to) {
  const table = text.indexOf("by 反馈及时率");
  const at = text.indexOf(from, table);
  assert.ok(table >= 0 && at >= 0, from);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

let browser, work;
before(async () => {
  assert.ok(existsSync(executablePath), `no Chromium at ${executablePath} (apt-get install -y chromium fonts-noto-cjk)`);
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--font-render-hinting=none", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });
  // A copy of rules/, so that saving leaves the repository as it is.
  work = mkdtempSync(join(tmpdir(), "scorecard-serve-"));
  cpSync(join(repo, "rules"), join(work, "rules"), { recursive: true });
  for (const file of month) cpSync(join(repo, file), join(work, file));
});
after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the real server: a tier change typed shows diff's impact, Ctrl-S saves the card formatted", async () => {
  const card = join(work, "rules", "callback_specialist.card");
  const original = readFileSync(card, "utf8");
  const server = await serve(work, ["rules/", ...month]);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  try {
    assert.match(server.out(), /只接受本机 127\.0\.0\.1 的连接/);
    assert.match(server.err(), /编辑 rules\/callback_specialist\.card/);
    await page.goto(server.url);
    await page.waitForFunction(() => window.__scorecard?.updates > 0 && document.querySelectorAll("#results tbody tr").length > 0);
    assert.equal(await page.locator("#results tbody tr").count(), 20);
    assert.match(await page.locator("#impact").innerText(), /没有人的结果变化/);
    assert.match(await page.locator("#status").innerText(), /已检查，无错误/);

    // What `scorecard diff` says of the same change.
    const proposal = join(work, "proposal.card");
    writeFileSync(proposal, tierEdit(original, ">= 95% : minus 1", ">= 97% : minus 1"));
    let json;
    try {
      json = execFileSync(binary(), ["diff", "rules/", proposal, ...month, "--format", "json"], { cwd: work, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    } catch (e) {
      json = e.stdout; // exit 1 when a row could not be compared; the report is still written
    }
    const diff = JSON.parse(json);
    // Each person has two entries: the appraisal (回访专员…) and the pay (客服专员绩效).
    const appraisal = diff.employees.filter((e) => e.card.startsWith("回访专员"));
    const payOf = (id) => diff.employees.find((e) => e.id === id && e.card === "客服专员绩效").outputs.find((o) => o.name === "月度绩效");
    const moved = appraisal.filter((e) => e.change !== 0 || e.old_grade !== e.new_grade || payOf(e.id).change !== 0);
    assert.ok(moved.length > 0);
    const points = moved.reduce((s, e) => s + e.change, 0);
    const pay = diff.summary.pay.find((p) => p.output === "客服月度绩效").change;
    const sign = (n) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");
    const money = (n) => (n > 0 ? "+" : n < 0 ? "−" : "") + Math.abs(n).toFixed(2);

    // 客户信息及建议: `>= 95% : minus 1` becomes `>= 97% : minus 1`, typed.
    await page.evaluate(() => {
      const view = window.__scorecard.view;
      const text = view.state.doc.toString();
      const at = text.indexOf(">= 95% : minus 1", text.indexOf("by 反馈及时率"));
      window.__scorecard.select(at + 3, at + 5);
    });
    const updates = await page.evaluate(() => window.__scorecard.updates);
    await page.keyboard.type("97");
    await page.waitForFunction((n) => window.__scorecard.updates > n && document.getElementById("impact").textContent.startsWith("本次修改"), updates);
    const timing = await page.evaluate(() => window.__scorecard.timing);
    console.log(`# real server, 20 rows: last keystroke to impact shown ${timing.since_edit_ms.toFixed(1)} ms (50 ms debounce; server ${timing.server_ms} ms; round trip ${timing.round_trip_ms.toFixed(1)} ms; page ${timing.render_ms.toFixed(1)} ms)`);
    assert.equal(
      await page.locator("#impact").innerText(),
      `本次修改影响 ${moved.length} 人，合计 ${sign(points)} 分，${diff.summary.grade_changes} 人等级变化，工资合计 ${money(pay)} 元`,
    );
    assert.equal(await page.locator("#results tbody tr.changed").count(), moved.length);
    // Each mover's row: the new total, and the change, as diff has them.
    for (const e of moved) {
      const cells = (await page.locator(`#results tbody tr[data-id="${e.id}"] td`).allInnerTexts()).map((s) => s.trim());
      assert.deepEqual(cells.slice(0, 2), [e.id, e.name]);
      assert.ok(cells.includes(String(e.new_total)), `${e.id}: ${cells}`);
      assert.ok(cells.includes(sign(e.change)), `${e.id}: ${cells}`);
      assert.ok(cells.includes(money(payOf(e.id).change)), `${e.id}: ${cells}`);
    }

    // Click a mover: the explanation under the edited card.
    await page.locator(`#results tbody tr[data-id="${moved[0].id}"]`).click();
    await page.waitForFunction(() => document.getElementById("explain-body").textContent.includes("客户信息及建议"));
    assert.match(await page.locator("#explain-title").innerText(), new RegExp(`${moved[0].name}（${moved[0].id}）`));
    assert.match(await page.locator("#explain-body").innerText(), /97%|85%/);

    await page.screenshot({ path: screenshot });

    // Ctrl-S: the file is the card with the new tier, in canonical layout.
    await page.evaluate(() => window.__scorecard.view.focus());
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => window.__scorecard.lastSave?.ok === true);
    assert.match(await page.locator("#toast").innerText(), /已保存 rules\/callback_specialist\.card/);
    const saved = readFileSync(card, "utf8");
    assert.equal(saved, tierEdit(original, ">= 95% : minus 1", ">= 97% : minus 1"));
    const check = execFileSync(binary(), ["fmt", "--check", "rules/callback_specialist.card"], { cwd: work, encoding: "utf8" });
    assert.equal(check, "");
    // The saved card is the new baseline.
    await page.waitForFunction(() => document.getElementById("impact").textContent.includes("没有人的结果变化"));

    // A mistake: the `%` taken away is underlined, in Chinese, and cannot be saved.
    await page.evaluate(() => {
      const view = window.__scorecard.view;
      const text = view.state.doc.toString();
      const at = text.indexOf(">= 98% : full", text.indexOf("by 反馈及时率"));
      window.__scorecard.select(at + 5, at + 6);
    });
    await page.keyboard.press("Delete");
    await page.waitForFunction(() => window.__scorecard.errors === 1);
    assert.equal(await page.locator(".cm-lintRange-error").innerText(), "98");
    assert.equal(await page.locator("#save").isDisabled(), true);
    await page.keyboard.press("Control+s");
    await page.waitForSelector("#toast:not([hidden])");
    assert.equal(readFileSync(card, "utf8"), saved, "a card with errors is not written");
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
    server.child.kill();
  }
});

test("the real server: a brand card shows its base read-only; only its own lines are saved", async () => {
  const card = join(work, "rules", "brands", "赛欧", "callback_specialist.card");
  const original = readFileSync(card, "utf8");
  const server = await serve(work, ["rules/", data, "--card", "rules/brands/赛欧/callback_specialist.card"]);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => window.__scorecard?.updates > 0 && document.querySelectorAll("#results tbody tr").length > 0);
    assert.ok(await page.locator(".cm-readonly-line").count() > 10);
    // Only 赛欧's people.
    const brands = await page.locator("#results tbody tr td:nth-child(3)").allInnerTexts();
    assert.ok(brands.length > 0 && brands.every((b) => b.trim() === "赛欧"), String(brands));
    const before = await page.evaluate(() => window.__scorecard.view.state.doc.toString());
    // Typing in the base's lines does nothing.
    await page.evaluate(() => {
      const text = window.__scorecard.view.state.doc.toString();
      window.__scorecard.select(text.indexOf("// scorecard 回访专员") + 3);
    });
    await page.keyboard.type("xyz");
    assert.equal(await page.evaluate(() => window.__scorecard.view.state.doc.toString()), before);
    // A comment typed at the top of the brand's own text, then saved.
    await page.evaluate(() => window.__scorecard.select(0));
    await page.keyboard.type("// 试改\n");
    await page.waitForFunction(() => window.__scorecard.errors === 0 && !document.getElementById("save").disabled);
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => window.__scorecard.lastSave?.ok === true);
    const saved = readFileSync(card, "utf8");
    assert.equal(saved, `// 试改\n${original}`);
    assert.ok(!saved.includes("基础卡"));
  } finally {
    await page.close();
    server.child.kill();
  }
});

test("the real server: a month of 500, keystroke to results measured (no debounce)", async () => {
  // The example's 20 people, again and again, with ids of their own.
  const [header, ...people] = readFileSync(join(work, data), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
  const rows = Array.from({ length: 500 }, (_, i) => {
    const cells = people[i % people.length].split(",");
    cells[0] = `HF${1001 + i}`;
    if (i >= people.length) cells[1] += Math.floor(i / people.length) + 1;
    return cells.join(",");
  });
  writeFileSync(join(work, "examples", "month500.csv"), [header, ...rows].join("\n") + "\n");
  const server = await serve(work, ["rules/", "examples/month500.csv"]);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  try {
    await page.goto(server.url + "?debounce=0");
    await page.waitForFunction(() => window.__scorecard?.updates > 0 && document.querySelectorAll("#results tbody tr").length > 0);
    assert.equal(await page.locator("#results tbody tr").count(), 500);
    const figures = [];
    for (const [from, to] of [["95", "97"], ["97", "96"], ["96", "95"]]) {
      await page.evaluate((from) => {
        const text = window.__scorecard.view.state.doc.toString();
        const at = text.indexOf(`>= ${from}% : minus 1`, text.indexOf("by 反馈及时率"));
        window.__scorecard.select(at + 3, at + 5);
      }, from);
      const updates = await page.evaluate(() => window.__scorecard.updates);
      await page.keyboard.type(to);
      await page.waitForFunction((n) => window.__scorecard.updates > n && window.__scorecard.inflight == null && window.__scorecard.checkedVersion === window.__scorecard.docVersion, updates);
      figures.push(await page.evaluate(() => window.__scorecard.timing));
    }
    const f = figures.at(-1);
    console.log(`# real server, 500 rows, debounce 0: last keystroke to results shown ${figures.map((t) => t.since_edit_ms.toFixed(0)).join(", ")} ms (server ${figures.map((t) => t.server_ms).join(", ")} ms; page ${f.render_ms.toFixed(1)} ms)`);
    assert.match(await page.locator("#impact").innerText(), /没有人的结果变化|^本次修改影响 \d+ 人/);
  } finally {
    await page.close();
    server.child.kill();
  }
});
