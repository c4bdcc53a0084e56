//! The diff report as a terminal table, JSON, CSV or Markdown.

use super::people::{EmployeeDiff, ValueDiff};
use super::{Report, Side};
use crate::report::Format;
use crate::t;
use crate::value::{format_decimal, format_value, Type, Unit, Value};
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, Table};
use rust_decimal::Decimal;
use serde_json::{json, Value as Json};

/// The report in `format`; CSV may start with a byte-order mark for Excel.
pub fn render(report: &Report, format: Format, bom: bool) -> String {
    match format {
        Format::Json => serde_json::to_string_pretty(&to_json(report)).unwrap_or_default() + "\n",
        Format::Csv => {
            let csv = to_csv(report);
            if bom {
                format!("\u{feff}{csv}")
            } else {
                csv
            }
        }
        Format::Markdown => to_markdown(report),
        _ => to_table(report),
    }
}

/// `+2`, `−1.5`, `0`.
fn signed(d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", format_decimal(d))
    } else if d < Decimal::ZERO {
        format!("−{}", format_decimal(-d))
    } else {
        "0".into()
    }
}

fn side(s: &Side) -> String {
    match &s.stamp {
        Some(stamp) => format!("{} ({})", s.file, stamp.describe()),
        None => t!("diff-side-directory", file = &s.file),
    }
}

fn grade(e: &EmployeeDiff) -> String {
    let show = |g: &Option<String>| g.clone().unwrap_or_default();
    if e.old_grade == e.new_grade {
        show(&e.new_grade)
    } else {
        format!("{} → {}", show(&e.old_grade), show(&e.new_grade))
    }
}

fn value(v: &Option<Value>, ty: Type) -> String {
    v.as_ref().map_or("—".to_string(), |v| format_value(v, ty))
}

/// `月度工资 5900 → 5120` for every output whose value moved.
fn moved_outputs(e: &EmployeeDiff) -> Vec<String> {
    e.outputs
        .iter()
        .filter(|o| o.old != o.new)
        .map(|o| {
            format!(
                "{} {} → {}",
                o.label.as_deref().unwrap_or(&o.name),
                value(&o.old, o.ty),
                value(&o.new, o.ty)
            )
        })
        .collect()
}

fn items(e: &EmployeeDiff) -> String {
    let score = |d: Option<Decimal>| d.map_or("—".to_string(), format_decimal);
    e.items
        .iter()
        .map(|i| format!("{} {} → {}", i.item, score(i.old), score(i.new)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The summary as sentences, for the table and Markdown.
fn summary_lines(report: &Report) -> Vec<String> {
    let s = &report.summary;
    let mut lines = vec![t!(
        "diff-summary-compared",
        compared = s.compared,
        gain = s.gain,
        lose = s.lose,
        same = s.same
    )];
    let moves: Vec<String> = s
        .grade_moves
        .iter()
        .map(|(a, b, n)| format!("{a} → {b}: {n}"))
        .collect();
    lines.push(match moves.len() {
        0 => t!("diff-summary-no-grade-changes"),
        _ => t!(
            "diff-summary-grade-changes",
            count = s.grade_changes(),
            moves = moves.join(&t!("diff-list-separator"))
        ),
    });
    if !s.movers.is_empty() {
        let movers: Vec<String> = s
            .movers
            .iter()
            .map(|(id, name, d)| match name {
                Some(name) => format!("{id} {name} {}", signed(*d)),
                None => format!("{id} {}", signed(*d)),
            })
            .collect();
        lines.push(t!(
            "diff-summary-movers",
            movers = movers.join(&t!("diff-list-separator"))
        ));
    }
    for pay in &s.pay {
        lines.push(t!(
            "diff-summary-pay",
            output = &pay.output,
            old = format_decimal(pay.old),
            new = format_decimal(pay.new),
            change = signed(pay.new - pay.old)
        ));
    }
    if !report.unscored.is_empty() {
        lines.push(t!(
            "diff-summary-not-compared",
            count = report.unscored.len()
        ));
    }
    lines
}

fn unscored_lines(report: &Report) -> Vec<String> {
    report
        .unscored
        .iter()
        .map(|u| {
            let card = match u.card {
                "both" => t!("diff-unscored-both"),
                "old" => t!("diff-unscored-old"),
                _ => t!("diff-unscored-new"),
            };
            let at = match (&u.line, &u.id) {
                (Some(line), Some(id)) => t!("diff-unscored-line-id", line = *line, id = id),
                (Some(line), None) => t!("diff-unscored-line", line = *line),
                _ => t!("diff-unscored-file"),
            };
            t!(
                "diff-unscored",
                at = at,
                card = card,
                reason = u.reason.replace('\n', " ")
            )
        })
        .collect()
}

fn to_table(report: &Report) -> String {
    let mut out = format!(
        "{}\n{}\n\n{}\n",
        t!("diff-old", side = side(&report.old)),
        t!("diff-new", side = side(&report.new)),
        t!("diff-heading-changes")
    );
    if report.changes.is_empty() {
        out += &format!("  {}\n", t!("diff-nothing-changed"));
    }
    for c in &report.changes {
        out += &format!(
            "  {}\n",
            t!("diff-change-line", about = &c.about, change = &c.change)
        );
    }
    let mut table = Table::new();
    let mut header = vec![t!("diff-col-id"), t!("diff-col-name")];
    if report.routed {
        header.push(t!("diff-col-card"));
    }
    header.extend([
        t!("diff-col-old"),
        t!("diff-col-new"),
        t!("diff-col-change"),
        t!("diff-col-grade"),
        t!("diff-col-outputs"),
        t!("diff-col-items"),
    ]);
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header);
    for e in &report.employees {
        let mut row = vec![e.id.clone(), e.name.clone().unwrap_or_default()];
        if report.routed {
            row.push(e.card.clone());
        }
        let total = |d: Decimal| {
            if e.scored {
                format_decimal(d)
            } else {
                "—".into()
            }
        };
        row.extend([
            total(e.old_total),
            total(e.new_total),
            if e.scored {
                signed(e.change())
            } else {
                "—".into()
            },
            grade(e),
            moved_outputs(e).join("; "),
            items(e),
        ]);
        table.add_row(row);
    }
    let first_number = if report.routed { 3 } else { 2 };
    for i in first_number..first_number + 3 {
        if let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    out += &format!("\n{}\n{table}\n", t!("diff-heading-employees"));
    let unscored = unscored_lines(report);
    if !unscored.is_empty() {
        out += &format!("\n{}\n", t!("diff-heading-not-compared"));
        for line in unscored {
            out += &format!("  {line}\n");
        }
    }
    out += &format!("\n{}\n", t!("diff-heading-summary"));
    for line in summary_lines(report) {
        out += &format!("  {line}\n");
    }
    out
}

fn md_escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn to_markdown(report: &Report) -> String {
    let mut out = format!(
        "# {}\n\n- {}\n- {}\n\n## {}\n\n",
        t!(
            "diff-md-title",
            old = md_escape(&report.old.file),
            new = md_escape(&report.new.file)
        ),
        t!("diff-old", side = md_escape(&side(&report.old))),
        t!("diff-new", side = md_escape(&side(&report.new))),
        t!("diff-md-heading-changes")
    );
    if report.changes.is_empty() {
        out += &format!("- {}\n", t!("diff-nothing-changed"));
    }
    for c in &report.changes {
        out += &format!(
            "- {}\n",
            t!(
                "diff-change-line",
                about = format!("**{}**", md_escape(&c.about)),
                change = md_escape(&c.change)
            )
        );
    }
    out += &format!("\n## {}\n\n", t!("diff-md-heading-summary"));
    for line in summary_lines(report) {
        out += &format!("- {}\n", md_escape(&line));
    }
    let (card_head, card_rule) = if report.routed {
        (format!(" {} |", t!("diff-col-card")), "---|")
    } else {
        (String::new(), "")
    };
    out += &format!(
        "\n## {}\n\n| {} | {} |{card_head} {} | {} | {} | {} | {} | {} |\n|---|---|{card_rule}---:|---:|---:|---|---|---|\n",
        t!("diff-md-heading-employees"),
        t!("diff-col-id"),
        t!("diff-col-name"),
        t!("diff-col-old"),
        t!("diff-col-new"),
        t!("diff-col-change"),
        t!("diff-col-grade"),
        t!("diff-col-outputs"),
        t!("diff-col-items")
    );
    for e in &report.employees {
        let card = if report.routed {
            format!(" {} |", md_escape(&e.card))
        } else {
            String::new()
        };
        out += &format!(
            "| {} | {} |{card} {} | {} | {} | {} | {} | {} |\n",
            md_escape(&e.id),
            md_escape(e.name.as_deref().unwrap_or("")),
            format_decimal(e.old_total),
            format_decimal(e.new_total),
            signed(e.change()),
            md_escape(&grade(e)),
            md_escape(&moved_outputs(e).join("; ")),
            md_escape(&items(e))
        );
    }
    let unscored = unscored_lines(report);
    if !unscored.is_empty() {
        out += &format!("\n## {}\n\n", t!("diff-md-heading-not-compared"));
        for line in unscored {
            out += &format!("- {}\n", md_escape(&line));
        }
    }
    out
}

fn num(d: Decimal) -> Json {
    let text = format_decimal(d);
    text.parse().map(Json::Number).unwrap_or(Json::String(text))
}

fn json_value(v: &Option<Value>, ty: Type) -> Json {
    match v {
        None | Some(Value::Missing) => Json::Null,
        Some(Value::Num(d)) if ty == Type::Num(Unit::Percent) => num(*d),
        Some(Value::Num(d)) => num(*d),
        Some(Value::Bool(b)) => Json::Bool(*b),
        Some(Value::Text(t)) => Json::String(t.to_string()),
    }
}

fn side_json(s: &Side) -> Json {
    match &s.stamp {
        Some(stamp) => {
            json!({ "file": s.file, "version": stamp.version, "hash": stamp.hash.as_str() })
        }
        None => json!({ "file": s.file, "rules_directory": true }),
    }
}

fn output_json(o: &ValueDiff) -> Json {
    let change = match (&o.old, &o.new) {
        (Some(Value::Num(a)), Some(Value::Num(b))) => num(*b - *a),
        _ => Json::Null,
    };
    json!({
        "name": o.name,
        "label": o.label,
        "kind": if o.output { "output" } else { "band" },
        "old": json_value(&o.old, o.ty),
        "new": json_value(&o.new, o.ty),
        "change": change,
    })
}

fn to_json(report: &Report) -> Json {
    let s = &report.summary;
    json!({
        "old": side_json(&report.old),
        "new": side_json(&report.new),
        "changes": report.changes,
        "employees": report.employees.iter().map(|e| {
            let mut row = json!({
            "id": e.id,
            "name": e.name,
            "line": e.line,
            "old_total": num(e.old_total),
            "new_total": num(e.new_total),
            "change": num(e.change()),
            "old_grade": e.old_grade,
            "new_grade": e.new_grade,
            "outputs": e.outputs.iter().map(output_json).collect::<Vec<_>>(),
            "items": e.items.iter().map(|i| json!({
                "item": i.item,
                "old": i.old.map(num),
                "new": i.new.map(num),
            })).collect::<Vec<_>>(),
            });
            if report.routed {
                row["card"] = json!(e.card);
            }
            row
        }).collect::<Vec<_>>(),
        "not_compared": report.unscored.iter().map(|u| json!({
            "line": u.line,
            "id": u.id,
            "card": u.card,
            "reason": u.reason,
        })).collect::<Vec<_>>(),
        "summary": {
            "compared": s.compared,
            "gain": s.gain,
            "lose": s.lose,
            "unchanged": s.same,
            "grade_changes": s.grade_changes(),
            "grade_moves": s.grade_moves.iter().map(|(a, b, n)| json!({"from": a, "to": b, "count": n})).collect::<Vec<_>>(),
            "biggest_movers": s.movers.iter().map(|(id, name, d)| json!({"id": id, "name": name, "change": num(*d)})).collect::<Vec<_>>(),
            "pay": s.pay.iter().map(|p| json!({"output": p.output, "old": num(p.old), "new": num(p.new), "change": num(p.new - p.old)})).collect::<Vec<_>>(),
        },
    })
}

/// One row per employee both cards scored.
fn to_csv(report: &Report) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Every output anyone has, in order of first appearance.
    let mut outputs: Vec<(String, Type)> = Vec::new();
    for e in &report.employees {
        for o in &e.outputs {
            if !outputs.iter().any(|(n, _)| *n == o.name) {
                outputs.push((o.name.clone(), o.ty));
            }
        }
    }
    let mut header = vec![t!("diff-col-id"), t!("diff-col-name")];
    if report.routed {
        header.push(t!("diff-col-card"));
    }
    header.extend([
        t!("diff-csv-old-total"),
        t!("diff-csv-new-total"),
        t!("diff-csv-change"),
        t!("diff-csv-old-grade"),
        t!("diff-csv-new-grade"),
    ]);
    for (name, _) in &outputs {
        header.push(t!("diff-csv-output-old", name = name));
        header.push(t!("diff-csv-output-new", name = name));
    }
    header.push(t!("diff-csv-items"));
    let _ = writer.write_record(&header);
    for e in &report.employees {
        let text = |t: &str| crate::report::neutralise(t).into_owned();
        let mut record = vec![text(&e.id), text(e.name.as_deref().unwrap_or_default())];
        if report.routed {
            record.push(text(&e.card));
        }
        record.extend([
            format_decimal(e.old_total),
            format_decimal(e.new_total),
            format_decimal(e.change()),
            text(e.old_grade.as_deref().unwrap_or_default()),
            text(e.new_grade.as_deref().unwrap_or_default()),
        ]);
        for (name, ty) in &outputs {
            let Some(o) = e.outputs.iter().find(|o| &o.name == name) else {
                record.extend([String::new(), String::new()]);
                continue;
            };
            let cell =
                |v: &Option<Value>| v.as_ref().map_or(String::new(), |v| format_value(v, *ty));
            record.push(cell(&o.old));
            record.push(cell(&o.new));
        }
        record.push(text(&items(e)));
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
