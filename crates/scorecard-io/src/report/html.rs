//! A printable HTML report, one part per store, for store managers and for
//! HR to hand out.
//!
//! Each store's part starts on a new printed page and holds: head count,
//! average, highest and lowest total and the grade counts; the score
//! distribution as an inline SVG chart ([`super::chart`]); the summary table
//! in rank order (the rank of the total within the store's own table: 1 is
//! best, ties share a rank); for each employee who lost points, every item
//! or penalty that cost them and why, quoting the card and its line; and a
//! signature block (考核人 / 被考核人 / 日期). A pay card (outputs only) shows
//! its people with their main pay first, the inputs other cards fed beside
//! it and the store's total of that pay, with no total, grade, rank, chart
//! or points lost.
//!
//! Printed, the pages are A4 with their number at the foot, the table's
//! head repeated on each page and no row split across two; names and ids
//! never wrap. The file is self-contained — styles inline, no script,
//! nothing fetched — and deterministic: no timestamp, so the same results
//! give the same bytes. Rows without a store are grouped under 未填门店; a
//! card with no stores at all is one part headed 全部.
//!
//! Flat memory: the rows are made once, as records ([`super::html_rows`]),
//! into a spool file (an [`HtmlSink`]), which keeps of each only where it
//! is, its store, total and grade; the parts are then written store by
//! store from the spool. The streamed way fills the sink from its workers;
//! results held in memory go through the same sink.

use super::chart;
use super::common::CardResults;
use super::html_rows::{self, HtmlRows, Layout, BRAND, FIXED, MAIN, NAME, NO_GRADE, STORE};
use super::html_text::{escape, value_text};
use crate::check::CheckedCard;
use crate::eval::ScoreResult;
use crate::period::{Period, PeriodKind};
use crate::t;
use crate::value::{format_decimal, Value};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

const STYLE: &str = r#"
@page { size: A4; margin: 14mm 12mm 16mm 12mm; @bottom-center { content: PAGE_NUMBER; font-size: 9pt; color: #555; } }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: #222; margin: 2em; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; }
.meta, .stats { color: #555; }
section.store + section.store { margin-top: 3em; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.85em; }
th, td { border: 1px solid #bbb; padding: 0.2em 0.45em; }
th { background: #ddebf7; word-break: keep-all; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.who { white-space: nowrap; word-break: keep-all; }
thead { display: table-header-group; }
tr.sum td { font-weight: bold; }
svg .bar { fill: #4472c4; }
svg .axis { stroke: #888; }
svg text { font-size: 12px; text-anchor: middle; fill: #333; }
figure { margin: 0.5em 0; }
figure svg { max-width: 100%; height: auto; }
code { background: #f3f3f3; padding: 0 0.2em; }
.notes { border: 1px solid #e0c060; background: #fff8e0; padding: 0.3em 1em; margin: 1em 0; }
.notes h2 { font-size: 1.1em; }
.lost li { margin: 0.2em 0; }
.lost .why { color: #444; }
.sign { display: flex; gap: 2em; margin-top: 2.5em; break-inside: avoid; }
.sign p { flex: 1; margin: 0; white-space: nowrap; }
.sign span { display: inline-block; min-width: 8em; border-bottom: 1px solid #333; }
@media print {
  body { margin: 0; }
  section.store + section.store { break-before: page; margin-top: 0; }
  tr, li, .person h4 { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
}
"#;

/// The report, ending in a newline. `inputs[i]`, when given, holds
/// `results[i]`'s input values, so a reason can show what a condition read.
/// `notes` (defaults used, columns ignored …) are listed under the title.
pub fn html(
    card: &CheckedCard,
    results: &[ScoreResult],
    inputs: &[&[Value]],
    notes: &[String],
) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail (the spool is a temporary file, which can).
    if let Err(e) = write_html(card, results, inputs, notes, &mut out) {
        return format!("<!-- {} -->\n", escape(&e.to_string()));
    }
    String::from_utf8(out).unwrap_or_default()
}

/// [`html`], written a store at a time from a spool.
pub fn write_html(
    card: &CheckedCard,
    results: &[ScoreResult],
    inputs: &[&[Value]],
    notes: &[String],
    to: &mut dyn io::Write,
) -> io::Result<()> {
    let part = spooled(card, results, inputs, &[])?;
    write_html_part(part, notes, to)
}

/// Results held in memory, made into records and spooled as the streamed
/// way's are.
fn spooled<'c>(
    card: &'c CheckedCard,
    results: &[ScoreResult],
    inputs: &[&[Value]],
    fed: &[usize],
) -> io::Result<HtmlPart<'c>> {
    let mut rows = HtmlRows::new(card, fed);
    let mut sink = HtmlSink::new(card, fed)?;
    for (i, r) in results.iter().enumerate() {
        rows.result(r, inputs.get(i).copied());
        if rows.written() >= 1 << 16 {
            sink.write_all(&rows.take())?;
        }
    }
    sink.write_all(&rows.take())?;
    sink.finish()
}

/// One card's report from its spooled rows (the streamed way's end).
pub fn write_html_part(
    mut part: HtmlPart,
    notes: &[String],
    to: &mut dyn io::Write,
) -> io::Result<()> {
    let mut to = BufWriter::with_capacity(1 << 16, to);
    let card = part.card;
    let title = with_period(&card_title(card.display_name()), part.periods);
    let mut out = head(&title);
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    let people = part.entries.len();
    let meta = if part.layout.scored {
        t!(
            "html-meta-card",
            file = &card.source().name,
            stamp = card.stamp().describe(),
            people = people,
            total = format_decimal(card.total())
        )
    } else {
        t!(
            "html-meta-pay",
            file = &card.source().name,
            stamp = card.stamp().describe(),
            people = people
        )
    };
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(&meta));
    write_notes(&mut out, notes);
    to.write_all(out.as_bytes())?;
    for s in part.store_order() {
        let name = part.stores[s].shown.clone();
        writeln!(to, "<section class=\"store\">\n<h2>{}</h2>", escape(&name))?;
        part.write_store(s, &name, &mut to)?;
        to.write_all(signature().as_bytes())?;
        to.write_all(b"</section>\n")?;
    }
    to.write_all(b"</body>\n</html>\n")?;
    to.flush()
}

/// A report of several cards (a rules directory's month): a part per
/// store, and in it each card's people in their own table, with their own
/// statistics, chart and points lost.
pub fn html_cards(title: &str, meta: &str, cards: &[CardResults], notes: &[String]) -> String {
    let mut out = Vec::new();
    if let Err(e) = write_html_cards(title, meta, cards, notes, &mut out) {
        return format!("<!-- {} -->\n", escape(&e.to_string()));
    }
    String::from_utf8(out).unwrap_or_default()
}

/// [`html_cards`], written a store at a time.
pub fn write_html_cards(
    title: &str,
    meta: &str,
    cards: &[CardResults],
    notes: &[String],
    to: &mut dyn io::Write,
) -> io::Result<()> {
    let mut to = BufWriter::with_capacity(1 << 16, to);
    // People, not rows: an employee appraised and paid is one person.
    let mut people: Vec<(&str, Option<Period>)> = cards
        .iter()
        .flat_map(|c| c.results.iter())
        .map(|r| (r.employee.id.as_str(), r.employee.period))
        .collect();
    people.sort_unstable();
    people.dedup();
    let people = people.len();
    let mut parts: Vec<HtmlPart> = Vec::with_capacity(cards.len());
    for c in cards {
        parts.push(spooled(c.card, c.results, c.inputs, c.fed)?);
    }
    let periods = parts
        .iter()
        .filter_map(|p| p.periods)
        .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)));
    let title = with_period(title, periods);
    let mut out = head(&title);
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>",
        escape(&t!(
            "html-meta-cards",
            about = meta,
            people = people,
            cards = cards.len()
        ))
    );
    write_notes(&mut out, notes);
    to.write_all(out.as_bytes())?;
    let mut names: Vec<String> = parts
        .iter()
        .flat_map(|p| p.stores.iter().map(|s| s.shown.clone()))
        .collect();
    names.sort_unstable();
    names.dedup();
    for store in names {
        writeln!(to, "<section class=\"store\">\n<h2>{}</h2>", escape(&store))?;
        for (c, part) in parts.iter_mut().enumerate() {
            let Some(s) = part.stores.iter().position(|s| s.shown == store) else {
                continue;
            };
            let card = part.card;
            let name = match cards[c].tag {
                Some(tag) => format!("{} · {tag}", card.display_name()),
                None => card.display_name().to_string(),
            };
            let about = if part.layout.scored {
                t!(
                    "html-card-meta",
                    file = &card.source().name,
                    stamp = card.stamp().describe(),
                    total = format_decimal(card.total())
                )
            } else {
                t!(
                    "html-card-meta-pay",
                    file = &card.source().name,
                    stamp = card.stamp().describe()
                )
            };
            writeln!(
                to,
                "<h3>{}</h3>\n<p class=\"meta\">{}</p>",
                escape(&name),
                escape(&about)
            )?;
            part.write_store(s, &format!("{store} {name}"), &mut to)?;
        }
        to.write_all(signature().as_bytes())?;
        to.write_all(b"</section>\n")?;
    }
    to.write_all(b"</body>\n</html>\n")?;
    to.flush()
}

/// `市场部客服回访专员绩效考核表` → `市场部客服回访专员绩效考核结果`; in
/// English, `…: results`.
fn card_title(name: &str) -> String {
    match name.strip_suffix("考核表") {
        Some(stem) => t!("html-title-stem", stem = stem, name = name),
        None => t!("html-title", name = name),
    }
}

/// `2026年10月 …`, or `2026年8月–2026年10月 …` for rows of several periods.
fn with_period(title: &str, periods: Option<(Period, Period)>) -> String {
    match periods {
        None => title.to_string(),
        Some((first, last)) if first == last => {
            t!(
                "html-title-period",
                period = period_text(first),
                title = title
            )
        }
        Some((first, last)) => t!(
            "html-title-period",
            period = format!("{}–{}", period_text(first), period_text(last)),
            title = title
        ),
    }
}

/// `2026年10月`, `2026年第4季度` … (`2026-10` in English).
fn period_text(p: Period) -> String {
    let year = p.year.to_string();
    let index = usize::from(p.index);
    match p.kind {
        PeriodKind::Month => t!("html-period-month", year = year, month = index),
        PeriodKind::Quarter => t!("html-period-quarter", year = year, quarter = index),
        PeriodKind::HalfYear => t!("html-period-half", year = year, half = index),
        PeriodKind::Year => t!("html-period-year", year = year),
    }
}

fn head(title: &str) -> String {
    let style = STYLE.replace("PAGE_NUMBER", &t!("html-page-number"));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        crate::i18n::lang().tag(),
        escape(title)
    )
}

/// What the run did that nobody stated, under the title.
fn write_notes(out: &mut String, notes: &[String]) {
    if notes.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<div class=\"notes\">\n<h2>{}</h2>\n<ul>",
        escape(&t!("html-notes"))
    );
    for note in notes {
        let _ = writeln!(out, "<li>{}</li>", escape(note).replace('\n', "<br>"));
    }
    out.push_str("</ul>\n</div>\n");
}

/// 考核人 / 被考核人 / 日期, each with a line to sign on.
fn signature() -> String {
    let mut out = String::from("<div class=\"sign\">\n");
    for label in [
        t!("html-sign-appraiser"),
        t!("html-sign-appraisee"),
        t!("html-sign-date"),
    ] {
        let _ = writeln!(out, "<p>{}<span></span></p>", escape(&label));
    }
    out.push_str("</div>\n");
    out
}

/// Where a spooled row is, and what orders and counts it.
#[derive(Debug, Clone, Copy)]
struct Entry {
    offset: u64,
    len: u32,
    store: u32,
    grade: u8,
    total: Decimal,
}

/// A store's people, as the spool is read: what its part shows beside the rows.
#[derive(Debug, Clone)]
struct Store {
    /// The store, or 未填门店 / 全部.
    shown: String,
    /// Someone here has a name (a brand): the column is shown.
    names: bool,
    brands: bool,
    /// The sum of the main pay as shown, and whether anyone has one.
    pay: Option<Decimal>,
    /// Where its entries are, once sorted.
    range: std::ops::Range<usize>,
}

/// Where a card's HTML rows go while they are made: a temporary file, and
/// of each row, where it is and what orders it. Fed records as
/// [`HtmlRows`] writes them (whole records, in any slices).
pub struct HtmlSink<'c> {
    card: &'c CheckedCard,
    layout: Layout,
    spool: BufWriter<File>,
    written: u64,
    /// Bytes of a record not yet whole.
    pending: Vec<u8>,
    entries: Vec<Entry>,
    stores: Vec<Store>,
    by_name: HashMap<String, u32>,
    any_store: bool,
    periods: Option<(Period, Period)>,
}

impl<'c> HtmlSink<'c> {
    /// `fed`: the card's inputs that other cards' results fed in this run.
    pub fn new(card: &'c CheckedCard, fed: &[usize]) -> io::Result<Self> {
        Ok(HtmlSink {
            card,
            layout: Layout::new(card, fed),
            spool: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
            written: 0,
            pending: Vec::new(),
            entries: Vec::new(),
            stores: Vec::new(),
            by_name: HashMap::new(),
            any_store: false,
            periods: None,
        })
    }

    /// Takes in every whole record at the start of `pending`.
    fn index(&mut self) -> io::Result<()> {
        let mut at = 0;
        let start = self.written - self.pending.len() as u64;
        while self.pending.len() - at >= 4 {
            let bytes = &self.pending[at..];
            let len = u32::from_le_bytes(bytes[..4].try_into().unwrap_or_default()) as usize;
            if bytes.len() < 4 + len {
                break;
            }
            if len + 4 < FIXED + 4 {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "a short HTML row record",
                ));
            }
            let record = &bytes[..4 + len];
            let grade = record[4];
            let flags = record[5];
            let total = Decimal::deserialize(record[6..22].try_into().unwrap_or_default());
            let main = Decimal::deserialize(record[22..38].try_into().unwrap_or_default());
            let period = html_rows::period_of(record[38..42].try_into().unwrap_or_default());
            let store_len =
                u32::from_le_bytes(record[42..46].try_into().unwrap_or_default()) as usize;
            let store = std::str::from_utf8(record.get(46..46 + store_len).unwrap_or_default())
                .unwrap_or_default();
            let key = if flags & STORE != 0 {
                self.any_store = true;
                store
            } else {
                ""
            };
            let id = match self.by_name.get(key) {
                Some(&id) => id,
                None => {
                    let id = self.stores.len() as u32;
                    self.by_name.insert(key.to_string(), id);
                    self.stores.push(Store {
                        shown: if flags & STORE != 0 {
                            key.to_string()
                        } else {
                            String::new()
                        },
                        names: false,
                        brands: false,
                        pay: None,
                        range: 0..0,
                    });
                    id
                }
            };
            let s = &mut self.stores[id as usize];
            s.names |= flags & NAME != 0;
            s.brands |= flags & BRAND != 0;
            if flags & MAIN != 0 {
                s.pay = Some(s.pay.unwrap_or_default() + main);
            }
            if let Some(p) = period {
                self.periods = Some(match self.periods {
                    None => (p, p),
                    Some((a, b)) => (a.min(p), b.max(p)),
                });
            }
            self.entries.push(Entry {
                offset: start + at as u64,
                len: (4 + len) as u32,
                store: id,
                grade,
                total,
            });
            at += 4 + len;
        }
        self.pending.drain(..at);
        Ok(())
    }

    /// Every row is in: the part, ready to be written store by store.
    pub fn finish(mut self) -> io::Result<HtmlPart<'c>> {
        self.index()?;
        if !self.pending.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "an unfinished HTML row record",
            ));
        }
        let mut spool = self.spool.into_inner().map_err(|e| e.into_error())?;
        spool.rewind()?;
        for s in &mut self.stores {
            if s.shown.is_empty() {
                s.shown = if self.any_store {
                    t!("html-no-store")
                } else {
                    t!("html-all-stores")
                };
            }
        }
        // Stores in name order; best first within each (equal totals in the
        // file's order), or a pay card's people in the file's order.
        let mut order: Vec<u32> = (0..self.stores.len() as u32).collect();
        order.sort_by(|&a, &b| {
            self.stores[a as usize]
                .shown
                .cmp(&self.stores[b as usize].shown)
        });
        let mut place = vec![0u32; order.len()];
        for (n, &s) in order.iter().enumerate() {
            place[s as usize] = n as u32;
        }
        let scored = self.layout.scored;
        self.entries.sort_by(|a, b| {
            let by_store = place[a.store as usize].cmp(&place[b.store as usize]);
            let by_total = if scored {
                b.total.cmp(&a.total)
            } else {
                std::cmp::Ordering::Equal
            };
            by_store.then(by_total).then(a.offset.cmp(&b.offset))
        });
        let mut start = 0;
        while start < self.entries.len() {
            let store = self.entries[start].store;
            let end = start
                + self.entries[start..]
                    .iter()
                    .take_while(|e| e.store == store)
                    .count();
            self.stores[store as usize].range = start..end;
            start = end;
        }
        Ok(HtmlPart {
            card: self.card,
            layout: self.layout,
            spool,
            entries: self.entries,
            stores: self.stores,
            order,
            periods: self.periods,
            record: Vec::new(),
        })
    }
}

impl Write for HtmlSink<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.spool.write_all(buf)?;
        self.written += buf.len() as u64;
        self.pending.extend_from_slice(buf);
        self.index()?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.spool.flush()
    }
}

/// A card's spooled rows, sorted by store and rank: written store by store.
pub struct HtmlPart<'c> {
    card: &'c CheckedCard,
    layout: Layout,
    spool: File,
    entries: Vec<Entry>,
    stores: Vec<Store>,
    /// Stores in name order.
    order: Vec<u32>,
    periods: Option<(Period, Period)>,
    record: Vec<u8>,
}

impl HtmlPart<'_> {
    fn store_order(&self) -> Vec<usize> {
        self.order.iter().map(|&s| s as usize).collect()
    }

    /// Reads the record of `entry`: its pieces (store, id, name, brand, cells, lost).
    fn read(&mut self, entry: Entry) -> io::Result<[std::ops::Range<usize>; 6]> {
        self.record.resize(entry.len as usize, 0);
        self.spool.seek(SeekFrom::Start(entry.offset))?;
        self.spool.read_exact(&mut self.record)?;
        let mut pieces: [std::ops::Range<usize>; 6] = Default::default();
        let mut at = FIXED;
        for piece in &mut pieces {
            let len = self.record.get(at..at + 4).map_or(0, |b| {
                u32::from_le_bytes(b.try_into().unwrap_or_default()) as usize
            });
            let end = (at + 4 + len).min(self.record.len());
            *piece = (at + 4).min(end)..end;
            at = end;
        }
        Ok(pieces)
    }

    /// One store's part: statistics, chart, table, points lost.
    fn write_store(&mut self, s: usize, title: &str, to: &mut dyn Write) -> io::Result<()> {
        let range = self.stores[s].range.clone();
        let people = range.len();
        if !self.layout.scored {
            writeln!(
                to,
                "<p class=\"stats\">{}</p>",
                escape(&t!("html-people", count = people))
            )?;
            return self.table(s, to);
        }
        let totals: Vec<Decimal> = self.entries[range.clone()]
            .iter()
            .map(|e| e.total)
            .collect();
        writeln!(to, "<p class=\"stats\">{}</p>", self.stats(s, &totals))?;
        let chart_title = t!("html-chart-title", store = title);
        writeln!(
            to,
            "<figure>\n{}\n<figcaption>{}</figcaption>\n</figure>",
            chart::svg(&totals, self.card.total(), &chart_title),
            escape(&t!("html-chart-caption"))
        )?;
        drop(totals);
        self.table(s, to)?;
        let mut any = false;
        for n in range {
            let entry = self.entries[n];
            let pieces = self.read(entry)?;
            let lost = &self.record[pieces[5].clone()];
            if lost.is_empty() {
                continue;
            }
            if !any {
                writeln!(to, "<h3>{}</h3>", escape(&t!("html-lost-heading")))?;
                any = true;
            }
            to.write_all(lost)?;
        }
        Ok(())
    }

    /// `4 人 · 平均 86.25 · 最高 95 · 最低 70 · 优秀 1 · 称职 2 · 较差 1`
    fn stats(&self, s: usize, totals: &[Decimal]) -> String {
        let entries = &self.entries[self.stores[s].range.clone()];
        let mut parts = vec![t!("html-people", count = totals.len())];
        if let (Some(high), Some(low)) = (totals.iter().max(), totals.iter().min()) {
            let sum: Decimal = totals.iter().sum();
            let average = (sum / Decimal::from(totals.len())).round_dp(2);
            parts.push(t!("html-average", value = format_decimal(average)));
            parts.push(t!("html-highest", value = format_decimal(*high)));
            parts.push(t!("html-lowest", value = format_decimal(*low)));
        }
        if let Some(grade) = &self.card.grade() {
            for (g, row) in grade.rows.iter().enumerate() {
                let n = entries
                    .iter()
                    .filter(|e| e.grade != NO_GRADE && usize::from(e.grade) == g)
                    .count();
                parts.push(format!("{} {n}", row.outcome));
            }
        }
        escape(&parts.join(" · "))
    }

    fn table(&mut self, s: usize, to: &mut dyn Write) -> io::Result<()> {
        let store = self.stores[s].clone();
        let scored = self.layout.scored;
        let mut head: Vec<String> = Vec::new();
        if scored {
            head.push(t!("html-col-rank"));
        }
        head.push(t!("html-col-id"));
        if store.names {
            head.push(t!("html-col-name"));
        }
        if store.brands {
            head.push(t!("html-col-brand"));
        }
        head.extend(self.layout.headings(self.card));
        let mut out = String::from("<table>\n<thead><tr>");
        for h in &head {
            let _ = write!(out, "<th>{}</th>", escape(h));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        to.write_all(out.as_bytes())?;
        // The rank within this store's table: 1 + those above (sorted best first).
        let mut rank = 0;
        let mut previous: Option<Decimal> = None;
        for (n, i) in store.range.clone().enumerate() {
            let entry = self.entries[i];
            let pieces = self.read(entry)?;
            to.write_all(b"<tr>")?;
            if scored {
                if previous != Some(entry.total) {
                    rank = n + 1;
                    previous = Some(entry.total);
                }
                write!(to, "<td class=\"num\">{rank}</td>")?;
            }
            to.write_all(&self.record[pieces[1].clone()])?;
            if store.names {
                let name = &self.record[pieces[2].clone()];
                to.write_all(if name.is_empty() {
                    b"<td class=\"who\"></td>"
                } else {
                    name
                })?;
            }
            if store.brands {
                let brand = &self.record[pieces[3].clone()];
                to.write_all(if brand.is_empty() {
                    b"<td class=\"who\"></td>"
                } else {
                    brand
                })?;
            }
            to.write_all(&self.record[pieces[4].clone()])?;
            to.write_all(b"</tr>\n")?;
        }
        if let (Some(pay), Some(main)) = (store.pay, self.layout.main) {
            // The store's pay: the sum of the amounts as shown. A last row,
            // not a <tfoot>, which print would repeat on every page.
            let before = 1 + usize::from(store.names) + usize::from(store.brands);
            write!(
                to,
                "<tr class=\"sum\"><td colspan=\"{before}\">{}</td><td class=\"num\">{}</td>",
                escape(&t!("html-store-total")),
                escape(&value_text(&Value::Num(pay), self.card.derived()[main].ty))
            )?;
            for _ in 1..head.len() - before {
                to.write_all(b"<td></td>")?;
            }
            to.write_all(b"</tr>\n")?;
        }
        to.write_all(b"</tbody>\n")?;
        to.write_all(b"</table>\n")
    }
}
