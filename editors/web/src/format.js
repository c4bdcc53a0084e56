// Numbers arrive from the server as decimal strings ("87.5", "-12", "3240.00"):
// exact, as the library computed them. The page only lays them out; it never
// does arithmetic on them.

const DECIMAL = /^([+-]?)(\d+)(\.\d+)?$/;

export function isZero(s) {
  return s == null || s === "" || /^[+-]?0*(?:\.0*)?$/.test(String(s));
}

export function isNegative(s) {
  return s != null && String(s).trim().startsWith("-") && !isZero(s);
}

/** "-340.5" → "−340.5", "12" → "12"; grouped thousands for money. */
export function plain(s, { group = false } = {}) {
  if (s == null) return "";
  const m = DECIMAL.exec(String(s).trim());
  if (!m) return String(s);
  let int = m[2];
  if (group) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (m[1] === "-" ? "−" : "") + int + (m[3] ?? "");
}

/** A change: "" for none, "+2" or "−1.5" otherwise. */
export function signed(s, opts) {
  if (isZero(s)) return "";
  const p = plain(s, opts);
  return p.startsWith("−") ? p : "+" + p.replace(/^\+/, "");
}

/** A total in a sentence: "−12", "+3", "0". */
export function signedOrZero(s, opts) {
  return isZero(s) ? "0" : signed(s, opts);
}
