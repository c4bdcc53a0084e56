//! CSV: one row per employee, one column per item, section, block and output.
//!
//! Headers are the card's names (not labels), so a spreadsheet or script can
//! rely on them. Penalty blocks are negative (`-5`), percentages print as
//! `96%` (Excel reads them as percentages), yes/no as `yes`/`no`. The grade
//! column is there only when the card has a grade; `region` and `period`
//! only when some row has one. Each rank gives two columns: the place
//! (`名次`) and the group's size (`名次.size`).
//! The last two columns say which card produced each row: `card_version`
//! and `card_hash`.

use super::common::{cell, derived_order};
use crate::check::CheckedCard;
use crate::eval::ScoreResult;
use crate::value::format_decimal;
use std::io::{self, Write};

/// The UTF-8 byte order mark: without it Excel reads UTF-8 Chinese as gibberish.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes the header and one record per result.
pub fn write_csv(
    card: &CheckedCard,
    results: &[ScoreResult],
    bom: bool,
    mut out: impl Write,
) -> io::Result<()> {
    if bom {
        out.write_all(BOM)?;
    }
    let derived = derived_order(card);
    let mut writer = ::csv::Writer::from_writer(out);
    let show_region = results.iter().any(|r| r.employee.region.is_some());
    let show_period = results.iter().any(|r| r.employee.period.is_some());
    let mut header: Vec<String> = ["id", "name", "brand", "store"]
        .into_iter()
        .map(String::from)
        .collect();
    if show_region {
        header.push("region".into());
    }
    if show_period {
        header.push("period".into());
    }
    let mut header: Vec<&str> = header.iter().map(String::as_str).collect();
    header.extend(card.items.iter().map(|i| i.name.as_str()));
    header.extend(card.sections.iter().map(|s| s.name.as_str()));
    header.extend(card.adjustments.iter().map(|a| a.name.as_str()));
    header.extend(["sections_total", "total"]);
    if card.grade.is_some() {
        header.push("grade");
    }
    let rank_headers: Vec<String> = card
        .group
        .ranks
        .iter()
        .flat_map(|r| [r.name.clone(), format!("{}.size", r.name)])
        .collect();
    header.extend(rank_headers.iter().map(String::as_str));
    header.extend(derived.iter().map(|&i| card.derived[i].name.as_str()));
    header.extend(["card_version", "card_hash"]);
    writer.write_record(&header)?;

    for r in results {
        let e = &r.employee;
        let mut record: Vec<String> = vec![e.id.clone()];
        for field in [&e.name, &e.brand, &e.store] {
            record.push(field.clone().unwrap_or_default());
        }
        if show_region {
            record.push(e.region.clone().unwrap_or_default());
        }
        if show_period {
            record.push(e.period.map(|p| p.to_string()).unwrap_or_default());
        }
        record.extend(r.items.iter().map(|i| format_decimal(i.score)));
        record.extend(r.sections.iter().map(|s| format_decimal(*s)));
        record.extend(r.adjustments.iter().map(|a| format_decimal(a.amount)));
        record.push(format_decimal(r.sections_total));
        record.push(format_decimal(r.total));
        if card.grade.is_some() {
            record.push(
                r.grade
                    .as_ref()
                    .map(|(_, g)| g.to_string())
                    .unwrap_or_default(),
            );
        }
        // A result not yet through the group stage has no places: blank cells.
        for i in 0..card.group.ranks.len() {
            match r.ranks.get(i) {
                Some(p) => record.extend([p.place.to_string(), p.size.to_string()]),
                None => record.extend([String::new(), String::new()]),
            }
        }
        record.extend(
            derived
                .iter()
                .map(|&i| cell(&r.derived[i].value, card.derived[i].ty)),
        );
        record.push(r.card.version.clone().unwrap_or_default());
        record.push(r.card.hash.to_string());
        writer.write_record(&record)?;
    }
    writer.flush()
}

/// The CSV as a string (for tests and small reports).
pub fn csv_string(card: &CheckedCard, results: &[ScoreResult], bom: bool) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_csv(card, results, bom, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}
