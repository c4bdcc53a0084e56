// Highlighting of card text: a stream tokenizer, line by line, following
// grammar/scorecard.pest (keywords, type names, numbers with `%` or `元`,
// "…" and “…” texts, `//` and `/* */` comments).
import { StreamLanguage } from "@codemirror/language";

// The `keyword` rule of the grammar, less the type names.
export const KEYWORDS = [
  "and", "assume", "band", "bonus", "by", "cap", "combine", "day", "default", "down",
  "effective", "else", "extends", "false", "first", "full", "grade", "hooks", "if",
  "ignore", "input", "item", "late", "limit", "lowest", "minimum", "minus", "missing",
  "month", "months", "not", "optional", "or", "output", "override", "param", "partial",
  "penalty", "period", "per", "plus", "push", "quote", "range", "rank", "rated", "rater",
  "remove", "require", "role", "rollup", "scaled", "scorecard", "score", "section", "then",
  "ties", "total", "true", "version", "weight", "within", "zero",
];
export const TYPES = ["percent", "number", "count", "money", "bool", "rating", "days"];
// Words that are names in the grammar but mean something fixed where they stand.
const BUILTINS = [
  "min", "max", "clamp", "round", "present", "top", "group_size", "days_in_period",
  "monthly", "quarterly", "halfyearly", "yearly", "store", "brand", "region", "all",
  "shared", "dense", "keep", "weighted", "mean", "sum", "last", "any", "ratio", "skip", "prorate",
];

const keywordSet = new Set(KEYWORDS);
const typeSet = new Set(TYPES);
const builtinSet = new Set(BUILTINS);
// After these keywords the next name is the one being declared.
const declaring = new Set(["scorecard", "input", "param", "section", "item", "output", "bonus",
  "penalty", "band", "rank", "rater"]);

const WORD = /^[\p{XID_Start}_][\p{XID_Continue}]*/u;
const NUMBER = /^\d+(?:\.\d+)?(?:\s*(?:%|％|元|yuan(?![\p{XID_Continue}])))?/u;
const DATE = /^\d{4}-\d{1,2}-\d{1,2}(?![\p{XID_Continue}])/u;

const cardParser = {
  name: "scorecard",
  startState: () => ({ comment: false, declare: false, depth: 0 }),
  copyState: (s) => ({ ...s }),
  token(stream, state) {
    if (state.comment) {
      if (stream.match(/^.*?\*\//)) state.comment = false;
      else stream.skipToEnd();
      return "blockComment";
    }
    if (stream.eatSpace()) return null;
    if (stream.match("//")) { stream.skipToEnd(); return "lineComment"; }
    if (stream.match("/*")) { state.comment = true; return "blockComment"; }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) { state.declare = false; return "string"; }
    if (stream.match(/^“[^”]*”?/)) { state.declare = false; return "string"; }
    if (stream.match(DATE)) return "number";
    if (stream.match(NUMBER)) return "number";
    const word = stream.match(WORD);
    if (word) {
      const w = word[0];
      if (typeSet.has(w)) { state.declare = false; return "typeName"; }
      if (keywordSet.has(w)) {
        state.declare = declaring.has(w);
        if (w === "true" || w === "false") return "bool";
        if (w === "total") return "atom";
        return "keyword";
      }
      if (state.declare) { state.declare = false; return "variableName.definition"; }
      if (builtinSet.has(w) && stream.match(/^\s*\(/, false)) return "variableName.function";
      if (builtinSet.has(w)) return "atom";
      return "variableName";
    }
    if (stream.match(/^(?:>=|<=|!=|->|→|\.\.|[<>=+\-*/])/)) return "operator";
    if (stream.match(/^[:：]/)) return "punctuation";
    if (stream.eat("{")) { state.depth++; return "brace"; }
    if (stream.eat("}")) { state.depth = Math.max(0, state.depth - 1); return "brace"; }
    if (stream.match(/^[()]/)) return "paren";
    stream.next();
    return null;
  },
  languageData: {
    commentTokens: { line: "//", block: { open: "/*", close: "*/" } },
    closeBrackets: { brackets: ["(", "{", '"', "“"] },
    indentOnInput: /^\s*\}$/,
  },
  indent(state, textAfter, cx) {
    const depth = state.depth - (/^\s*\}/.test(textAfter) ? 1 : 0);
    return Math.max(0, depth) * cx.unit;
  },
};

export const scorecardLanguage = StreamLanguage.define(cardParser);
