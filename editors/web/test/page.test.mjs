// The page as HR uses it, in headless Chromium (Debian's, not a download),
// against the mock server: edit a tier, see the impact, read an explanation,
// save with Ctrl-S; errors block saving; a brand card's base lines stay put.
//
//   CHROMIUM=/usr/bin/chromium npm test      (the default path)
//   SCREENSHOT=path.png                      (default: screenshot.png here)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startMock } from "../mock/server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const screenshot = process.env.SCREENSHOT ?? join(here, "..", "screenshot.png");

let browser;
before(async () => {
  assert.ok(existsSync(join(here, "..", "dist", "index.html")), "dist/ is missing: run `npm run build`");
  assert.ok(existsSync(executablePath), `no Chromium at ${executablePath} (apt-get install -y chromium fonts-noto-cjk)`);
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--font-render-hinting=none", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });
});
after(async () => { await browser?.close(); });

async function open(mock, query = "") {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  await page.goto(mock.url + query);
  await page.waitForFunction(() => window.__scorecard?.updates > 0 && document.querySelectorAll("#results tbody tr").length > 0);
  return { page, problems };
}

/** Selects `what` (the n-th match of `find` in the card, offset `at`) as a person would double-click it. */
async function select(page, find, at, length) {
  await page.evaluate(([find, at, length]) => {
    const view = window.__scorecard.view;
    const i = view.state.doc.toString().indexOf(find);
    if (i < 0) throw new Error(`not in the card: ${find}`);
    window.__scorecard.select(i + at, i + at + length);
  }, [find, at, length]);
}

const text = (page, sel) => page.locator(sel).innerText();
const docText = (page) => page.evaluate(() => window.__scorecard.view.state.doc.toString());

test("a tier change shows its impact; a row explains itself; Ctrl-S saves", async () => {
  const mock = await startMock({ mode: "group" });
  const { page, problems } = await open(mock);
  try {
    assert.equal(await text(page, "#impact"), "与已保存的考核表相比，没有人的结果变化");
    assert.equal(await page.locator("#results tbody tr").count(), 20);
    assert.equal(await page.locator("#save").isDisabled(), false);
    assert.match(await text(page, "#status"), /已检查，无错误/);

    // 客户信息及建议: `>= 95% : minus 1` becomes `>= 97% : minus 1`, typed.
    await select(page, ">= 95% : minus 1", 3, 2);
    const updates = await page.evaluate(() => window.__scorecard.updates);
    await page.keyboard.type("97");
    await page.waitForFunction((n) => window.__scorecard.updates > n && document.getElementById("impact").textContent.startsWith("本次修改"), updates);
    const timing = await page.evaluate(() => window.__scorecard.timing);
    console.log(`# last keystroke to impact shown: ${timing.since_edit_ms.toFixed(1)} ms (50 ms debounce, round trip ${timing.round_trip_ms.toFixed(1)} ms, mock server ${timing.server_ms} ms, page ${timing.render_ms.toFixed(1)} ms)`);
    assert.equal(await text(page, "#impact"), "本次修改影响 6 人，合计 −6 分，2 人等级变化，工资合计 −102.00 元");
    assert.equal(await page.locator("#results tbody tr.changed").count(), 6);
    const row = page.locator('#results tbody tr[data-id="HF112"]');
    assert.deepEqual(
      (await row.locator("td").allInnerTexts()).map((s) => s.trim()),
      ["HF112", "孙悦", "赛欧", "一店", "89.5", "−1", "优秀 → 称职", "1,432.00", "−16.00"],
    );
    assert.equal(await text(page, "#dirty"), "未保存");

    // Only the changed rows.
    await page.check("#only-changed");
    assert.equal(await page.locator("#results tbody tr").count(), 6);

    await page.uncheck("#only-changed");
    assert.equal(await page.locator("#results tbody tr").count(), 20);

    // Click a row: its explanation.
    assert.equal(await page.locator("#explain").isVisible(), false);
    await row.click();
    await page.waitForFunction(() => document.getElementById("explain-body").textContent.includes("总分 89.5"));
    assert.match(await text(page, "#explain-title"), /孙悦（HF112）/);
    assert.match(await text(page, "#explain-body"), /96% >= 85%: minus 2/);

    // Hover an input's name: its label, type and range.
    const pos = await page.evaluate(() => {
      const view = window.__scorecard.view;
      const i = view.state.doc.toString().indexOf("by 反馈及时率") + 4;
      const c = view.coordsAtPos(i);
      return { x: c.left + 4, y: (c.top + c.bottom) / 2 };
    });
    await page.mouse.move(pos.x, pos.y);
    await page.waitForSelector(".cm-symbol-tip");
    assert.match(await text(page, ".cm-symbol-tip"), /输入项[\s\S]*反馈及时率[\s\S]*客户意见反馈及时率[\s\S]*percent · 百分比[\s\S]*0%\.\.100%/);

    await page.screenshot({ path: screenshot });
    await page.mouse.move(5, 890);

    // Hover an item's name: its points, section and the policy's sentence.
    const item = await page.evaluate(() => {
      const view = window.__scorecard.view;
      const i = view.state.doc.toString().indexOf("item 客户信息及建议") + 7;
      const c = view.coordsAtPos(i);
      return { x: c.left + 2, y: (c.top + c.bottom) / 2 };
    });
    await page.mouse.move(item.x, item.y);
    await page.waitForSelector(".cm-symbol-tip .cm-symbol-quote");
    assert.match(await text(page, ".cm-symbol-tip"), /考核项[\s\S]*客户信息及建议[\s\S]*5 分 · 信息反馈[\s\S]*制度原文：客户意见反馈及时率/);
    await page.mouse.move(5, 890);

    // Ctrl-S in the editor saves the card; the saved card is the new baseline.
    await page.evaluate(() => window.__scorecard.view.focus());
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => window.__scorecard.lastSave?.ok === true);
    assert.equal(mock.saves.length, 1);
    assert.ok(mock.saves[0].includes(">= 97% : minus 1"), "the saved card has the new tier");
    assert.match(await text(page, "#toast"), /已保存 rules\/callback_specialist\.card/);
    await page.waitForFunction(() => document.getElementById("impact").textContent.includes("没有人的结果变化"));
    assert.equal(await text(page, "#dirty"), "已保存");

    // Completion of an input's name.
    await page.evaluate(() => {
      const view = window.__scorecard.view;
      const i = view.state.doc.toString().indexOf("        item 信息检核");
      view.dispatch({ selection: { anchor: i }, changes: { from: i, insert: "\n" } });
      view.focus();
    });
    await page.keyboard.type("反馈");
    await page.waitForSelector(".cm-tooltip-autocomplete");
    assert.match(await text(page, ".cm-tooltip-autocomplete"), /反馈及时率/);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");

    assert.deepEqual(problems, []);
  } finally {
    await page.close();
    await mock.close();
  }
});

test("a card with errors is underlined where the server says and cannot be saved", async () => {
  const mock = await startMock({ mode: "group" });
  const { page, problems } = await open(mock);
  try {
    // `>= 98%` loses its `%`: an error on `98`, past an astral character (𠮷)
    // earlier in the card, so a wrong offset conversion would miss by one.
    await select(page, ">= 98% : full", 5, 1);
    await page.keyboard.press("Delete");
    await page.waitForFunction(() => window.__scorecard.errors === 1);
    assert.match(await text(page, "#status"), /1 个错误/);
    assert.equal(await page.locator(".cm-lintRange-error").count(), 1);
    assert.equal(await text(page, ".cm-lintRange-error"), "98");
    assert.equal(await page.locator("#save").isDisabled(), true);
    // The last good results stay, marked as such.
    assert.match(await text(page, "#impact"), /考核表有错误/);

    await page.keyboard.press("Control+s");
    await page.waitForSelector("#toast:not([hidden])");
    assert.match(await text(page, "#toast"), /1 个错误/);
    assert.equal(mock.saves.length, 0);

    // Put the `%` back: checks again, can be saved.
    await page.keyboard.type("%");
    await page.waitForFunction(() => window.__scorecard.errors === 0 && !document.getElementById("save").disabled);
    assert.equal(await page.locator(".cm-lintRange-error").count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
    await mock.close();
  }
});

test("a brand card: its base's lines are read-only and are not saved into it", async () => {
  const mock = await startMock({ mode: "brand" });
  const { page, problems } = await open(mock);
  try {
    assert.ok(await page.locator(".cm-readonly-line").count() > 10);
    const before = await docText(page);

    // Typing in the base's lines does nothing.
    await select(page, "// scorecard 回访专员", 3, 0);
    await page.keyboard.type("xyz");
    await page.keyboard.press("Backspace");
    assert.equal(await docText(page), before);

    // Typing right before the base's block is the brand's own text.
    const edge = await page.evaluate(() => {
      const view = window.__scorecard.view;
      const i = view.state.doc.toString().indexOf("// ── 基础卡");
      window.__scorecard.select(i);
      return i;
    });
    await page.keyboard.type("\n");
    assert.equal((await docText(page)).length, before.length + 1);
    assert.equal(await page.evaluate(() => window.__scorecard.readonlyFrom()), edge + 1);
    await page.keyboard.press("Backspace");
    assert.equal(await docText(page), before);

    // The brand's own override is editable: 99% → 98% gives 周杰 (98%) full points.
    await select(page, ">= 99% : full", 3, 2);
    await page.keyboard.type("98");
    await page.waitForFunction(() => document.getElementById("impact").textContent.startsWith("本次修改"));
    assert.equal(await text(page, "#impact"), "本次修改影响 1 人，合计 +1 分，0 人等级变化，工资合计 +20.00 元");

    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => window.__scorecard.lastSave?.ok === true);
    assert.equal(mock.saves.length, 1);
    assert.ok(mock.saves[0].includes(">= 98% : full"));
    assert.ok(!mock.saves[0].includes("基础卡"), "the base's lines are not saved into the brand's file");
    assert.ok(mock.saves[0].trimEnd().endsWith("}"));
    // After the save the base's lines are there again, read-only.
    assert.ok(await page.locator(".cm-readonly-line").count() > 10);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
    await mock.close();
  }
});

test("a month of 500: every row shown, the page's own work per update measured", async () => {
  const mock = await startMock({ mode: "group", people: 500 });
  const { page, problems } = await open(mock);
  try {
    assert.equal(await page.locator("#results tbody tr").count(), 500);
    // A row the card cannot score shows the server's sentence.
    assert.match(await text(page, "#results tbody tr.row-error"), /HF1008[\s\S]*不是百分数/);
    await select(page, ">= 95% : minus 1", 3, 2);
    const updates = await page.evaluate(() => window.__scorecard.updates);
    await page.keyboard.type("97");
    await page.waitForFunction((n) => window.__scorecard.updates > n && document.getElementById("impact").textContent.startsWith("本次修改"), updates);
    const timing = await page.evaluate(() => window.__scorecard.timing);
    console.log(`# 500 rows: last keystroke to impact shown ${timing.since_edit_ms.toFixed(1)} ms; round trip ${timing.round_trip_ms.toFixed(1)} ms (mock server ${timing.server_ms} ms), page's work on the answer ${timing.render_ms.toFixed(1)} ms`);
    assert.ok(timing.render_ms < 250, `the page took ${timing.render_ms} ms to show 500 rows`);
    assert.match(await text(page, "#impact"), /^本次修改影响 \d+ 人/);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
    await mock.close();
  }
});

test("a slow server: an answer overtaken by an edit is never shown", async () => {
  const mock = await startMock({ mode: "group", delayMs: 300 });
  const { page, problems } = await open(mock);
  try {
    await select(page, ">= 95% : minus 1", 3, 2);
    const before = mock.requests.filter((r) => r.path === "/api/update").length;
    // `9` alone makes the tiers out of order (an error); `97` does not.
    await page.keyboard.type("9");
    await page.waitForFunction(() => window.__scorecard.inflight != null);
    await page.keyboard.type("7");
    await page.waitForFunction(() => document.getElementById("impact").textContent.startsWith("本次修改"));
    assert.equal(await text(page, "#impact"), "本次修改影响 6 人，合计 −6 分，2 人等级变化，工资合计 −102.00 元");
    assert.equal(await page.evaluate(() => window.__scorecard.errors), 0);
    const sent = mock.requests.filter((r) => r.path === "/api/update").slice(before).map((r) => r.body.seq);
    assert.equal(sent.length, 2, "one request per pause in typing");
    assert.ok(sent[1] > sent[0]);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
    await mock.close();
  }
});
