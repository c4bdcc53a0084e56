// The card editor: CodeMirror 6 with the card's highlighting, the server's
// diagnostics, hover and completion from the server's symbol table, and the
// base card's lines kept read-only.
import { EditorState, StateField, StateEffect, Annotation, RangeSetBuilder } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars, Decoration, hoverTooltip,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  syntaxHighlighting, HighlightStyle, indentOnInput, bracketMatching, indentUnit,
} from "@codemirror/language";
import { setDiagnostics, lintGutter } from "@codemirror/lint";
import {
  autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap,
} from "@codemirror/autocomplete";
import { tags as t } from "@lezer/highlight";
import { scorecardLanguage, KEYWORDS, TYPES } from "./lang.js";
import { t as tr } from "./strings.js";

/** A change made by the page itself (the server's text after a save): not the user's. */
export const fromServer = Annotation.define();

// ─── Read-only ranges (a base card's lines) ──────────────────────────────────

const setReadonly = StateEffect.define();
const readonlyMark = (reason) => Decoration.mark({ class: "cm-readonly", reason });

const readonlyField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setReadonly)) {
        marks = Decoration.set(
          e.value.filter((r) => r.to > r.from).map((r) => readonlyMark(r.reason).range(r.from, r.to)),
          true,
        );
      }
    }
    return marks;
  },
  provide: (f) => [
    EditorView.decorations.from(f),
    // Each line inside a read-only range is shaded as a whole.
    EditorView.decorations.compute([f], (state) => {
      const b = new RangeSetBuilder();
      const line = Decoration.line({ class: "cm-readonly-line" });
      let last = -1;
      state.field(f).between(0, state.doc.length, (from, to) => {
        for (let pos = from; pos <= to; ) {
          const l = state.doc.lineAt(pos);
          if (l.from > last) { b.add(l.from, l.from, line); last = l.from; }
          pos = l.to + 1;
        }
      });
      return b.finish();
    }),
  ],
});

// Edits that touch a read-only range are dropped (the page's own are let through).
const protectReadonly = EditorState.changeFilter.of((trn) => {
  if (trn.annotation(fromServer)) return true;
  const out = [];
  trn.startState.field(readonlyField).between(0, trn.startState.doc.length, (from, to) => {
    out.push(from, to);
  });
  return out.length ? out : true;
});

/** The read-only ranges where they are now, in UTF-16 offsets, with their reasons. */
export function readonlyRanges(state) {
  const out = [];
  state.field(readonlyField).between(0, state.doc.length, (from, to, v) => {
    out.push({ from, to, reason: v.spec.reason });
  });
  return out;
}

function readonlyAt(state, pos) {
  let found = null;
  state.field(readonlyField).between(pos, pos, (from, to, v) => {
    if (from <= pos && pos <= to) found = v.spec.reason;
  });
  return found;
}

// ─── Symbols: hover and completion ───────────────────────────────────────────

let symbols = { inputs: [], items: [], params: [], outputs: [], sections: [] };
let symbolIndex = new Map();

export function setSymbols(s) {
  if (!s) return;
  symbols = {
    inputs: s.inputs ?? [], items: s.items ?? [], params: s.params ?? [],
    outputs: s.outputs ?? [], sections: s.sections ?? [],
  };
  symbolIndex = new Map();
  // Later kinds do not hide earlier ones: an input named like an item is an input.
  for (const [kind, list] of [["section", symbols.sections], ["output", symbols.outputs],
    ["param", symbols.params], ["item", symbols.items], ["input", symbols.inputs]]) {
    for (const sym of list) symbolIndex.set(sym.name, { kind, sym });
  }
}

function typeName(type) {
  if (!type) return "";
  const k = "type_" + type;
  const cn = tr(k);
  return cn === k || cn === type ? type : `${type} · ${cn}`;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

function symbolCard(kind, sym) {
  const box = el("div", "cm-symbol");
  const head = el("div", "cm-symbol-head");
  head.append(el("span", "cm-symbol-kind", tr("kind_" + kind)), el("span", "cm-symbol-name", sym.name));
  box.append(head);
  if (sym.label && sym.label !== sym.name) box.append(el("div", "cm-symbol-label", sym.label));
  const facts = [];
  if (kind === "input" || kind === "output") { if (sym.type) facts.push(typeName(sym.type)); }
  if (kind === "input" && sym.range) facts.push(tr("range", { range: sym.range }));
  if (kind === "input" && sym.default != null) facts.push(tr("default", { value: sym.default }));
  if (kind === "item" && sym.points != null) facts.push(tr("points", { points: sym.points }));
  if (kind === "item" && sym.section) facts.push(sym.section);
  if (kind === "section" && sym.weight != null) facts.push(tr("weight", { weight: sym.weight }));
  if (kind === "param" && sym.value != null) facts.push(tr("value", { value: sym.value }));
  if (facts.length) box.append(el("div", "cm-symbol-facts", facts.join(" · ")));
  if (sym.quote) {
    const q = el("div", "cm-symbol-quote");
    q.append(el("span", "cm-symbol-quote-head", tr("quote")), document.createTextNode(sym.quote));
    box.append(q);
  }
  return box;
}

const symbolHover = hoverTooltip((view, pos) => {
  const reason = readonlyAt(view.state, pos);
  const word = view.state.wordAt(pos);
  const hit = word && symbolIndex.get(view.state.sliceDoc(word.from, word.to));
  if (!hit && !reason) return null;
  return {
    pos: word ? word.from : pos,
    end: word ? word.to : pos,
    above: true,
    create() {
      const dom = el("div", "cm-symbol-tip");
      if (hit) dom.append(symbolCard(hit.kind, hit.sym));
      if (reason) dom.append(el("div", "cm-readonly-reason", tr("readonly", { reason })));
      return { dom };
    },
  };
}, { hoverTime: 250 });

const WORD_BEFORE = /[\p{L}\p{N}_]+$/u;

function completeCard(context) {
  const before = context.state.sliceDoc(Math.max(0, context.pos - 60), context.pos);
  const m = WORD_BEFORE.exec(before);
  if (!m && !context.explicit) return null;
  // Inside a comment or a text nothing is offered.
  const line = context.state.doc.lineAt(context.pos);
  const head = line.text.slice(0, context.pos - line.from);
  if (head.includes("//") || (head.split('"').length - 1) % 2 === 1) return null;
  const options = [];
  const detailOf = (s, kind) => [tr("kind_" + kind), s.type ? typeName(s.type) : ""].filter(Boolean).join(" · ");
  for (const s of symbols.inputs) options.push({ label: s.name, type: "variable", detail: detailOf(s, "input"), info: s.label, boost: 3 });
  for (const s of symbols.params) options.push({ label: s.name, type: "constant", detail: detailOf(s, "param"), info: s.label, boost: 2 });
  for (const s of symbols.outputs) options.push({ label: s.name, type: "function", detail: detailOf(s, "output"), info: s.label, boost: 1 });
  for (const s of symbols.items) options.push({ label: s.name, type: "property", detail: `${tr("kind_item")} · ${tr("points", { points: s.points })}`, info: s.label });
  for (const k of KEYWORDS) options.push({ label: k, type: "keyword", boost: -1 });
  for (const k of TYPES) options.push({ label: k, type: "type", detail: tr("type_" + k), boost: -1 });
  return {
    from: m ? context.pos - m[0].length : context.pos,
    options,
    validFor: /^[\p{L}\p{N}_]*$/u,
  };
}

// ─── Look ────────────────────────────────────────────────────────────────────

const cardHighlight = HighlightStyle.define([
  { tag: t.keyword, color: "#0b57d0", fontWeight: "600" },
  { tag: t.typeName, color: "#8430ce" },
  { tag: [t.string], color: "#1e7d32" },
  { tag: [t.number, t.bool], color: "#b3261e" },
  { tag: [t.lineComment, t.blockComment], color: "#7a8591", fontStyle: "italic" },
  { tag: t.definition(t.variableName), color: "#0a3069", fontWeight: "600" },
  { tag: t.function(t.variableName), color: "#9a6700" },
  { tag: t.atom, color: "#9a6700" },
  { tag: t.operator, color: "#5f6b7a" },
  { tag: [t.brace, t.paren, t.punctuation], color: "#5f6b7a" },
]);

const cardTheme = EditorView.theme({
  "&": { height: "100%", fontSize: "14px", backgroundColor: "#fff" },
  ".cm-scroller": {
    fontFamily: '"JetBrains Mono", "Cascadia Mono", Consolas, "Noto Sans Mono CJK SC", "Sarasa Mono SC", "Microsoft YaHei Mono", monospace',
    lineHeight: "1.6",
  },
  ".cm-gutters": { backgroundColor: "#f7f8fa", borderRight: "1px solid #e3e6ea", color: "#9aa3ad" },
  ".cm-activeLine": { backgroundColor: "#f3f7ff" },
  ".cm-activeLineGutter": { backgroundColor: "#e8f0fe", color: "#42526e" },
  ".cm-readonly-line": { backgroundColor: "#f4f5f7" },
  ".cm-readonly-line.cm-activeLine": { backgroundColor: "#eceef2" },
  ".cm-readonly": { color: "#6b7480" },
  ".cm-tooltip": { border: "1px solid #d5dae1", borderRadius: "6px", boxShadow: "0 4px 14px rgba(20,30,50,.12)" },
  ".cm-tooltip-lint": { maxWidth: "520px" },
  ".cm-diagnostic": { padding: "6px 10px", whiteSpace: "pre-wrap" },
  ".cm-diagnostic-help": { color: "#5f6b7a", marginTop: "2px" },
  ".cm-tooltip.cm-tooltip-autocomplete > ul": { fontFamily: "inherit", maxHeight: "18em" },
  ".cm-completionDetail": { color: "#7a8591", fontStyle: "normal", marginLeft: "1em" },
});

// ─── The editor ──────────────────────────────────────────────────────────────

/**
 * @param {HTMLElement} parent
 * @param {{onChange: () => void, onSave: () => void}} hooks
 */
export function createEditor(parent, { onChange, onSave }) {
  const state = EditorState.create({
    doc: "",
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      indentOnInput(),
      indentUnit.of("    "),
      bracketMatching(),
      closeBrackets(),
      highlightActiveLine(),
      lintGutter(),
      scorecardLanguage,
      syntaxHighlighting(cardHighlight),
      readonlyField,
      protectReadonly,
      symbolHover,
      autocompletion({ override: [completeCard], icons: false }),
      keymap.of([
        { key: "Mod-s", run: () => { onSave(); return true; }, preventDefault: true },
        ...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab,
      ]),
      cardTheme,
      EditorView.lineWrapping,
      EditorView.updateListener.of((u) => { if (u.docChanged) onChange(u); }),
    ],
  });
  return new EditorView({ state, parent });
}

/** Puts a whole new text in the editor (the page's own change, not undoable as typing). */
export function replaceText(view, text, ranges) {
  const sel = view.state.selection.main.head;
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    selection: { anchor: Math.min(sel, text.length) },
    effects: setReadonly.of(ranges ?? []),
    annotations: fromServer.of(true),
  });
}

export function showDiagnostics(view, diagnostics) {
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

/** For a diagnostic's message with its help below it. */
export function renderDiagnostic(message, help) {
  return () => {
    const box = el("div", "cm-diagnostic-text");
    box.append(el("div", "cm-diagnostic-message", message));
    if (help) box.append(el("div", "cm-diagnostic-help", help));
    return box;
  };
}
