//! One card's workbook laid out from records, in order: the rows of each
//! person placed here (sheet, row, shared strings: a few lookups a person),
//! then formatted and deflated a thousand people at a time on every core.
//!
//! ```text
//! this thread:  record → head read → strings shared, rows placed → job
//! every core:   job → summary rows + detail rows as XML → deflated chunks
//! this thread:  chunks, in job order, to their sheets (the spool)
//! ```
//!
//! Jobs are cut every [`JOB_PEOPLE`] people and each is deflated on its
//! own, whatever the number of threads: the same records give the same
//! bytes on one core or sixteen.

use super::record::{whole_record, Body, Line, Record};
use super::{
    detail_row, detail_titles, header, next_detail_row, page_header, summary_row, summary_titles,
    Cells, DetailSheets, Facts, Layout, Who,
};
use crate::check::CheckedCard;
use crate::report::common::{is_scored, main_output};
use crate::report::workbook::{Packed, RowsXml, SharedStrings, Text, Workbook};
use crate::report::Options;
use crate::t;
use crate::value::{Type, Unit};
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::io::{self, Write};

/// People formatted and deflated together.
const JOB_PEOPLE: usize = 512;

/// Jobs held before they are formatted together (four per core: small
/// jobs leave a core idle less while the last of them finishes).
fn jobs_at_once() -> usize {
    4 * rayon::current_num_threads().max(1)
}

/// People placed, waiting to be formatted; then their rows, deflated.
/// Its buffers are kept for the next job once its rows are put away (a
/// new job's megabytes of fresh memory cost page faults).
#[derive(Default)]
struct Job {
    records: Vec<u8>,
    people: Vec<At>,
    /// Per person: brand, store, then each detail line's reason — shared,
    /// or `None`: written in the cell.
    strings: Vec<Option<Text<'static>>>,
    summary_xml: RowsXml,
    detail_xml: RowsXml,
    done: Done,
}

/// Where a person's record and rows are.
struct At {
    start: usize,
    end: usize,
    /// The summary row.
    row: u32,
    /// The detail sheet (its place among them) and the rows used on it
    /// before this person's first line.
    detail: (u32, u32),
    /// The first of the person's `strings`.
    strings: usize,
}

/// A job formatted: its summary rows, and its detail rows per sheet (the
/// last detail sheet's in `detail`, the rare one before in `earlier`).
#[derive(Default)]
struct Done {
    summary: Packed,
    detail: Packed,
    detail_sheet: u32,
    earlier: Vec<(u32, Packed)>,
}

impl Job {
    /// Empty, its buffers kept.
    fn clear(&mut self) {
        self.records.clear();
        self.people.clear();
        self.strings.clear();
        self.done.earlier.clear();
    }
}

/// A store, its people, and the sum of their main pay output.
type StoreTotal = (String, usize, Decimal);

/// The streamed workbook: records from [`XlsxRows`](super::XlsxRows) laid
/// out as they come, in order; [`finish`](XlsxSink::finish) writes the
/// workbook to `out`.
pub struct XlsxSink<'c, 'o> {
    book: Workbook,
    layout: Layout<'c>,
    out: &'o mut (dyn Write + Send),
    /// The page header.
    title: String,
    summary: usize,
    stores: Option<(usize, Vec<StoreTotal>)>,
    detail: Option<DetailSheets>,
    /// People placed.
    people: u32,
    pending: Vec<u8>,
    job: Job,
    jobs: Vec<Job>,
    /// Jobs put away, their buffers kept.
    free: Vec<Job>,
}

impl<'c, 'o> XlsxSink<'c, 'o> {
    /// `facts` from the first pass ([`XlsxTotals`](super::XlsxTotals)).
    pub fn new(
        card: &'c CheckedCard,
        facts: Facts,
        options: &Options,
        out: &'o mut (dyn Write + Send),
    ) -> io::Result<Self> {
        Ok(XlsxSink::with_limit(
            card,
            facts,
            options,
            out,
            super::SHEET_ROWS,
        ))
    }

    /// A workbook whose detail sheets hold `limit` rows below the header.
    pub(super) fn with_limit(
        card: &'c CheckedCard,
        facts: Facts,
        options: &Options,
        out: &'o mut (dyn Write + Send),
        limit: u32,
    ) -> Self {
        let title = match facts.period() {
            Some(period) => format!("{} {period}", card.display_name()),
            None => card.display_name().to_string(),
        };
        let mut book = Workbook::new(&title, options.created);
        let who = Who::of_facts(&facts);
        let titles = summary_titles(card, &who, &facts.fed);
        let layout = Layout::new(&mut book.strings, card, facts, who, String::new());
        let summary = book.add_sheet(&t!("workbook-summary"), 0, who.frozen());
        header(&mut book, summary, None, &titles);
        let stores = match (is_scored(card), main_output(card)) {
            (false, Some(main)) => {
                let titles = vec![
                    t!("workbook-store"),
                    t!("workbook-people"),
                    card.derived()[main].display_name().to_string(),
                ];
                let sheet = book.add_sheet(&t!("workbook-store-totals"), 0, 1);
                header(&mut book, sheet, None, &titles);
                Some((sheet, Vec::new()))
            }
            _ => None,
        };
        let detail = (!card.items().is_empty() || !card.adjustments().is_empty())
            .then(|| DetailSheets::new(&mut book, detail_titles(&who, false), who.frozen(), limit));
        XlsxSink {
            book,
            layout,
            out,
            title: page_header(&title),
            summary,
            stores,
            detail,
            people: 0,
            pending: Vec::new(),
            job: Job::default(),
            jobs: Vec::new(),
            free: Vec::new(),
        }
    }

    /// Places one person's rows and shares their strings.
    fn place(&mut self, record: &[u8]) {
        let mut r = Record { bytes: record };
        let head = r.head();
        let job = &mut self.job;
        let strings = job.strings.len();
        let strings_table = &mut self.book.strings;
        let mut share = |text: &[u8], print: u128| {
            (!text.is_empty())
                .then(|| strings_table.intern_bytes(print, text))
                .flatten()
        };
        for text in [head.brand, head.store] {
            let shared =
                text.and_then(|t| share(t.as_bytes(), SharedStrings::fingerprint(t.as_bytes())));
            job.strings.push(shared);
        }
        for _ in 0..head.lines {
            let Line { print, reason, .. } = r.line();
            job.strings.push(share(reason, print));
        }
        let detail = match &mut self.detail {
            Some(d) => d.take(&mut self.book, u32::from(head.lines)),
            None => (0, 0),
        };
        if let Some((_, stores)) = &mut self.stores {
            let store = head.store.unwrap_or("");
            match stores.iter_mut().find(|(s, _, _)| s == store) {
                Some((_, people, sum)) => {
                    *people += 1;
                    *sum = sum.checked_add(head.pay).unwrap_or(*sum);
                }
                None => stores.push((store.to_string(), 1, head.pay)),
            }
        }
        let start = job.records.len();
        job.records.extend_from_slice(record);
        job.people.push(At {
            start,
            end: job.records.len(),
            row: self.people + 1,
            detail,
            strings,
        });
        self.people += 1;
    }

    /// The job being filled, full: held for formatting.
    fn hold_job(&mut self) {
        let next = self.free.pop().unwrap_or_default();
        self.jobs.push(std::mem::replace(&mut self.job, next));
    }

    /// The jobs held formatted on every core, their chunks added in order.
    fn run_jobs(&mut self) -> io::Result<()> {
        if !self.job.people.is_empty() {
            self.hold_job();
        }
        let layout = &self.layout;
        let room = self.detail.as_ref().map(|d| d.room);
        self.jobs
            .par_iter_mut()
            .for_each(|job| job.format(layout, room));
        let mut result = Ok(());
        for mut job in self.jobs.drain(..) {
            if result.is_ok() {
                result = put_away(&mut self.book, self.summary, self.detail.as_ref(), &job);
            }
            job.clear();
            self.free.push(job);
        }
        result
    }

    /// The workbook, with `notes`, written out.
    pub fn finish(mut self, notes: &[String]) -> io::Result<()> {
        self.run_jobs()?;
        if let Some((sheet, stores)) = self.stores.take() {
            self.store_totals(sheet, &stores)?;
        }
        let mut all: Vec<String> = notes.to_vec();
        all.extend(self.detail.as_ref().and_then(DetailSheets::note));
        super::notes_sheet(&mut self.book, &all)?;
        let footer = t!("workbook-page-footer");
        self.book.finish(&self.title, &footer, self.out)
    }

    /// The sheet 门店合计: each store's people and pay, then all stores'.
    fn store_totals(&mut self, sheet: usize, stores: &[StoreTotal]) -> io::Result<()> {
        use crate::report::sheet::NumberStyle;
        let card = self.layout.card;
        let money =
            main_output(card).is_some_and(|m| card.derived()[m].ty == Type::Num(Unit::Money));
        let style = if money {
            NumberStyle::Money
        } else {
            NumberStyle::Plain
        };
        let mut x = RowsXml::new();
        let mut row = 0;
        let (mut people, mut sum) = (0, Decimal::ZERO);
        for (store, n, amount) in stores {
            people += n;
            sum = sum.checked_add(*amount).unwrap_or(sum);
            // Without stores in the data: the total alone.
            if !self.layout.who.store {
                continue;
            }
            row += 1;
            x.row(row);
            x.text(0, Text::Inline(store), super::Style::Plain);
            x.number(1, Decimal::from(*n), NumberStyle::Plain);
            x.number(2, *amount, style);
        }
        x.row(row + 1);
        x.text(
            0,
            Text::Inline(&t!("workbook-all-stores")),
            super::Style::Plain,
        );
        x.number(1, Decimal::from(people), NumberStyle::Plain);
        x.number(2, sum, style);
        self.book.write(sheet, &mut x)
    }
}

/// A formatted job's chunks to their sheets, in order.
fn put_away(
    book: &mut Workbook,
    summary: usize,
    detail: Option<&DetailSheets>,
    job: &Job,
) -> io::Result<()> {
    let done = &job.done;
    if job.people.is_empty() {
        return Ok(());
    }
    book.append(summary, &done.summary)?;
    if let Some(d) = detail {
        for (sheet, rows) in &done.earlier {
            book.append(d.ids[*sheet as usize], rows)?;
        }
        book.append(d.ids[done.detail_sheet as usize], &done.detail)?;
    }
    Ok(())
}

impl Job {
    /// The job's rows as XML, deflated, into `done`. `room`: rows a detail
    /// sheet holds (`None`: no detail).
    fn format(&mut self, l: &Layout<'_>, room: Option<u32>) {
        let card = l.card;
        let Job {
            records,
            people,
            strings,
            summary_xml: summary,
            detail_xml: detail,
            done,
        } = self;
        let mut sheet = people.first().map_or(0, |p| p.detail.0);
        let mut body = Body::default();
        let mut lines: Vec<(bool, usize)> = Vec::new();
        let mut reasons: Vec<&[u8]> = Vec::new();
        for at in people.iter() {
            let mut r = Record {
                bytes: &records[at.start..at.end],
            };
            let head = r.head();
            lines.clear();
            reasons.clear();
            for _ in 0..head.lines {
                let line = r.line();
                lines.push((line.block, line.index));
                reasons.push(line.reason);
            }
            r.body(card, l.facts.fed.len(), &mut body);
            let s = &strings[at.strings..];
            let cells = Cells {
                id: &body.id,
                name: body.name.as_deref(),
                brand: s[0].or(head.brand.map(Text::Inline)),
                store: s[1].or(head.store.map(Text::Inline)),
            };
            summary.row(at.row);
            summary_row(summary, l, &cells, &body.scores, body.fed.as_deref());
            let Some(room) = room else {
                continue;
            };
            let mut place = at.detail;
            for (k, &line) in lines.iter().enumerate() {
                let (on, row) = next_detail_row(&mut place, room);
                if on != sheet {
                    if !detail.is_empty() {
                        done.earlier.push((sheet, detail.pack()));
                    }
                    sheet = on;
                }
                let reason = s[2 + k].unwrap_or_else(|| {
                    Text::Inline(simdutf8::basic::from_utf8(reasons[k]).unwrap_or_default())
                });
                detail.row_of_lines(row, reason.lines());
                detail_row(detail, l, &l.who, &cells, false, line, &body.scores, reason);
            }
        }
        summary.pack_into(&mut done.summary);
        detail.pack_into(&mut done.detail);
        done.detail_sheet = sheet;
    }
}

impl XlsxSink<'_, '_> {
    /// Lays out the whole records at the start of `bytes`; returns how many
    /// bytes they took.
    fn records(&mut self, bytes: &[u8]) -> (usize, io::Result<()>) {
        let mut done = 0;
        while let Some(record) = whole_record(&bytes[done..]) {
            done += 4 + record.len();
            self.place(record);
            if self.job.people.len() == JOB_PEOPLE {
                self.hold_job();
                if self.jobs.len() >= jobs_at_once() {
                    if let Err(e) = self.run_jobs() {
                        return (done, Err(e));
                    }
                }
            }
        }
        (done, Ok(()))
    }
}

impl Write for XlsxSink<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Whole records are read where they are; only a record cut in two
        // waits in `pending` for its end.
        if self.pending.is_empty() {
            let (done, result) = self.records(buf);
            self.pending.extend_from_slice(&buf[done..]);
            return result.map(|()| buf.len());
        }
        self.pending.extend_from_slice(buf);
        let pending = std::mem::take(&mut self.pending);
        let (done, result) = self.records(&pending);
        self.pending = pending;
        self.pending.drain(..done);
        result.map(|()| buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
