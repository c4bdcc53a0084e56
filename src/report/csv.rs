//! CSV: one row per employee, one column per item, section, block and output.
//!
//! Headers are the card's names (not labels), so a spreadsheet or script can
//! rely on them. Penalty blocks are negative (`-5`), percentages print as
//! `96%` (Excel reads them as percentages), yes/no as `yes`/`no`. The grade
//! column is there only when the card has a grade. The last two columns say
//! which card produced each row: `card_version` and `card_hash`.

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
    let mut header: Vec<&str> = vec!["id", "name", "brand", "store"];
    header.extend(card.items.iter().map(|i| i.name.as_str()));
    header.extend(card.sections.iter().map(|s| s.name.as_str()));
    header.extend(card.adjustments.iter().map(|a| a.name.as_str()));
    header.extend(["sections_total", "total"]);
    if card.grade.is_some() {
        header.push("grade");
    }
    header.extend(derived.iter().map(|&i| card.derived[i].name.as_str()));
    header.extend(["card_version", "card_hash"]);
    writer.write_record(&header)?;

    for r in results {
        let e = &r.employee;
        let mut record: Vec<String> = vec![e.id.clone()];
        for field in [&e.name, &e.brand, &e.store] {
            record.push(field.clone().unwrap_or_default());
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
