// The page's own words. The server's words (diagnostics, explanations, the
// save message, column labels) come already in the language it runs in; the
// page follows `lang` from GET /api/state.

const zh = {
  title: "考核表编辑",
  save: "保存",
  saveHint: "保存考核表 (Ctrl+S)；有错误时不能保存",
  saving: "正在保存…",
  loading: "正在载入…",
  checking: "正在计算…",
  checked: "已检查，无错误",
  errors: "{errors} 个错误",
  warnings: "{warnings} 个警告",
  elapsed: "{ms} 毫秒",
  offline: "无法连接 scorecard serve：{error}",
  unsaved: "未保存",
  saved: "已保存",
  dataFiles: "数据",
  rows: "共 {n} 人",
  changedRows: "{n} 人有变化",
  sep: "，",
  onlyChanged: "只看有变化的",
  impactNone: "与已保存的考核表相比，没有人的结果变化",
  impact: "本次修改影响 {people} 人，合计 {points} 分，{grades} 人等级变化",
  impactPay: "，工资合计 {pay} 元",
  staleResults: "考核表有错误，下表是最近一次能计算时的结果",
  noResults: "没有可显示的结果",
  deltaTotal: "Δ分",
  deltaMain: "Δ工资",
  explainTitle: "{name}（{id}）的得分说明",
  explainLoading: "正在生成说明…",
  close: "关闭",
  readonly: "只读：{reason}",
  kind_input: "输入项",
  kind_item: "考核项",
  kind_param: "参数",
  kind_output: "输出",
  kind_section: "考核板块",
  points: "{points} 分",
  range: "范围 {range}",
  default: "空白时按 {value}",
  weight: "权重 {weight}",
  value: "取值 {value}",
  quote: "制度原文：",
  notScored: "未计分",
  type_percent: "百分比", type_count: "次数", type_money: "金额", type_bool: "是/否",
  type_number: "数值", type_rating: "评分", type_days: "天数",
};

const en = {
  title: "Card editor",
  save: "Save",
  saveHint: "Save the card (Ctrl+S); not while it has errors",
  saving: "Saving…",
  loading: "Loading…",
  checking: "Computing…",
  checked: "Checked, no errors",
  errors: "{errors} error(s)",
  warnings: "{warnings} warning(s)",
  elapsed: "{ms} ms",
  offline: "Cannot reach scorecard serve: {error}",
  unsaved: "unsaved",
  saved: "saved",
  dataFiles: "Data",
  rows: "{n} people",
  changedRows: "{n} changed",
  sep: ", ",
  onlyChanged: "Changed only",
  impactNone: "Against the saved card, nobody's result changes",
  impact: "This change moves {people} people, {points} points in all, {grades} change grade",
  impactPay: ", pay {pay} in all",
  staleResults: "The card has errors: the table shows the last results it could compute",
  noResults: "No results to show",
  deltaTotal: "Δ points",
  deltaMain: "Δ pay",
  explainTitle: "How {name} ({id}) scored",
  explainLoading: "Explaining…",
  close: "Close",
  readonly: "Read-only: {reason}",
  kind_input: "input",
  kind_item: "item",
  kind_param: "parameter",
  kind_output: "output",
  kind_section: "section",
  points: "{points} points",
  range: "range {range}",
  default: "blank means {value}",
  weight: "weight {weight}",
  value: "value {value}",
  quote: "Policy: ",
  notScored: "not scored",
  type_percent: "percent", type_count: "count", type_money: "money", type_bool: "yes/no",
  type_number: "number", type_rating: "rating", type_days: "days",
};

let table = zh;

export function setLang(lang) {
  table = typeof lang === "string" && lang.toLowerCase().startsWith("en") ? en : zh;
  document.documentElement.lang = table === en ? "en" : "zh-CN";
}

export function t(key, vars = {}) {
  const s = table[key] ?? zh[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}
