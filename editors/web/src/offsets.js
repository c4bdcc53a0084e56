// Offsets between the server and the editor.
//
// The server counts positions in Unicode scalar values (Rust `char`s): the
// offset of a position is the number of characters before it. CodeMirror
// counts UTF-16 code units, where a character outside the Basic Multilingual
// Plane (an astral character: 𠀋, most emoji) takes two. The two agree on any
// text without astral characters, which is nearly every card; on the rest,
// each astral character before a position adds one to its UTF-16 offset.

const SURROGATE = /[\uD800-\uDFFF]/;

/** Both ways between character offsets and UTF-16 offsets in one text. */
export class Offsets {
  constructor(text) {
    this.length16 = text.length;
    // UTF-16 offsets of the astral characters, in order (empty for most texts).
    this.astral16 = [];
    if (SURROGATE.test(text)) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            this.astral16.push(i);
            i++;
          }
        }
      }
    }
    this.length = this.length16 - this.astral16.length;
  }

  /** A character offset as a UTF-16 offset, clamped to the text. */
  toUtf16(chars) {
    if (!Number.isFinite(chars) || chars <= 0) return 0;
    const a = this.astral16;
    // The astral characters that start before the position: the k-th one starts
    // at character offset a[k] - k.
    let lo = 0, hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid] - mid < chars) lo = mid + 1; else hi = mid;
    }
    return Math.min(chars + lo, this.length16);
  }

  /** A UTF-16 offset as a character offset (inside a pair: the pair's start). */
  toChars(utf16) {
    if (!Number.isFinite(utf16) || utf16 <= 0) return 0;
    const u = Math.min(utf16, this.length16);
    const a = this.astral16;
    let lo = 0, hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid] < u) lo = mid + 1; else hi = mid;
    }
    // `lo` astral characters start before `u`, each passed one two units for
    // one character; inside a pair (u = its start + 1) this gives its start.
    return u - lo;
  }
}
