// The TextMate grammar on the shipped cards, through the same engine as VS
// Code's (vscode-textmate with Oniguruma): every line tokenizes, and the
// scopes of a few words are the expected ones.
"use strict";
const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const tm = require("vscode-textmate");
const onig = require("vscode-oniguruma");

const root = path.join(__dirname, "..", "..", "..");

async function grammar() {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
    loadGrammar: async () => tm.parseRawGrammar(
      fs.readFileSync(path.join(__dirname, "..", "syntaxes", "scorecard.tmLanguage.json"), "utf8"),
      "scorecard.tmLanguage.json",
    ),
  });
  return registry.loadGrammar("source.scorecard");
}

/** Every token of a text: [text, innermost scope]. */
function tokens(g, text) {
  const out = [];
  let state = tm.INITIAL;
  for (const line of text.split("\n")) {
    const r = g.tokenizeLine(line, state);
    for (const t of r.tokens) out.push([line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]]);
    state = r.ruleStack;
  }
  return out;
}

const scopeOf = (toks, word) => toks.find(([t]) => t.trim() === word)?.[1];

test("the scopes of a card's words", async () => {
  const g = await grammar();
  const toks = tokens(g, [
    "// 回访专员",
    'scorecard 回访专员_君威 "市场部(君威)" extends "../../callback_specialist.card" {',
    '    input 反馈及时率 percent "客户意见反馈及时率" range 0%..100%',
    "    param 预约单价 30 元",
    "    effective 2026-01-01..",
    "    override item 客户信息及建议 {",
    "        by 反馈及时率 { >= 99% : full  >= 97％ : minus 1  else : 0 }",
    "    }",
    "    output 工资 money = round(基本工资 * 考核系数, 2) /* 元 */",
    "    quote “达98%以上”",
    "}",
  ].join("\n"));
  assert.equal(scopeOf(toks, "// 回访专员"), "comment.line.double-slash.scorecard");
  assert.equal(scopeOf(toks, "scorecard"), "keyword.other.declaration.scorecard");
  assert.equal(scopeOf(toks, "回访专员_君威"), "entity.name.scorecard");
  assert.equal(scopeOf(toks, "extends"), "keyword.other.composition.scorecard");
  assert.equal(scopeOf(toks, "反馈及时率"), "entity.name.scorecard");
  assert.equal(scopeOf(toks, "percent"), "storage.type.scorecard");
  assert.equal(scopeOf(toks, "%"), "constant.numeric.unit.percent.scorecard");
  assert.equal(scopeOf(toks, "％"), "constant.numeric.unit.percent.scorecard");
  assert.equal(scopeOf(toks, "元"), "constant.numeric.unit.money.scorecard");
  assert.equal(scopeOf(toks, "2026-01-01"), "constant.numeric.date.scorecard");
  assert.equal(scopeOf(toks, "客户信息及建议"), "entity.name.scorecard");
  assert.equal(scopeOf(toks, "full"), "keyword.other.scorecard");
  assert.equal(scopeOf(toks, "minus"), "keyword.other.scorecard");
  assert.equal(scopeOf(toks, "else"), "keyword.control.scorecard");
  assert.equal(scopeOf(toks, "round"), "support.function.scorecard");
  assert.equal(scopeOf(toks, "基本工资"), "variable.other.scorecard");
  assert.equal(scopeOf(toks, ">="), "keyword.operator.comparison.scorecard");
  assert.equal(toks.find(([t]) => t.includes("*/"))?.[1], "comment.block.scorecard");
  assert.equal(scopeOf(toks, "达98%以上"), "string.quoted.other.scorecard");
  assert.equal(toks.find(([t]) => t === "99")?.[1], "constant.numeric.scorecard");
});

test("every shipped card tokenizes, and no keyword is taken for a name", async () => {
  const g = await grammar();
  const cards = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".card")) cards.push(p);
    }
  };
  walk(path.join(root, "rules"));
  assert.ok(cards.length > 10, `cards found: ${cards.length}`);
  const keywords = /^(input|item|section|by|full|minus|per|if|else|grade|output|total)$/;
  for (const card of cards) {
    const toks = tokens(g, fs.readFileSync(card, "utf8"));
    for (const [text, scope] of toks) {
      if (keywords.test(text)) assert.notEqual(scope, "variable.other.scorecard", `${card}: \`${text}\``);
    }
  }
});
