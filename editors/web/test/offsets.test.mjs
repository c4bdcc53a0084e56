// Character offsets (the server's) against UTF-16 offsets (the editor's).
import { test } from "node:test";
import assert from "node:assert/strict";
import { Offsets } from "../src/offsets.js";

test("identity on text without astral characters", () => {
  const o = new Offsets("item 客户信息及建议 5 { >= 98% : full }");
  for (const i of [0, 3, 10, 20]) {
    assert.equal(o.toUtf16(i), i);
    assert.equal(o.toChars(i), i);
  }
});

test("each astral character before a position adds one UTF-16 unit", () => {
  const text = "a𠮷b𠮷𠮷c";
  const o = new Offsets(text);
  const cps = Array.from(text);
  assert.equal(o.length, cps.length);
  for (let c = 0; c <= cps.length; c++) {
    const u = cps.slice(0, c).join("").length;
    assert.equal(o.toUtf16(c), u, `char ${c}`);
    assert.equal(o.toChars(u), c, `utf16 ${u}`);
  }
  // Inside a surrogate pair: the pair's start.
  assert.equal(o.toChars(2), 1);
});

test("out of range offsets are clamped", () => {
  const o = new Offsets("𠮷x");
  assert.equal(o.toUtf16(-3), 0);
  assert.equal(o.toUtf16(99), 3);
  assert.equal(o.toChars(99), 2);
});
