use super::*;
use crate::data::{self, DataFormat, DataProblemKind, RecordSource};
use crate::source::{SourceFile, Span};
use crate::CheckedCard;

fn day(text: &str) -> chrono::NaiveDate {
    text.parse().expect("a test date")
}

fn card(name: &str, text: &str) -> CheckedCard {
    match crate::compile(&SourceFile::new(name, text)) {
        Ok(checked) => checked.into_card(),
        Err(d) => panic!("{name} should check: {d:#?}"),
    }
}

/// A small card whose one item scores full below `limit` late reports; dated as given.
fn dated(file: &str, version: &str, effective: &str, minus: &str) -> CheckedCard {
    card(
        file,
        &format!(
            "scorecard 回访 {{\n version \"{version}\"\n effective {effective}\n total 5\n input 迟报 count\n section 信息 weight 5 {{ item 按时 5 {{ minus {minus} per 迟报 }} }}\n}}\n"
        ),
    )
}

#[test]
fn periods_are_read_as_hr_writes_them() {
    let cases = [
        ("2026-03", "2026-03-01", "2026-03-31"),
        ("2026-3", "2026-03-01", "2026-03-31"),
        ("2026/03", "2026-03-01", "2026-03-31"),
        ("2026年3月", "2026-03-01", "2026-03-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2026-Q1", "2026-01-01", "2026-03-31"),
        ("2026q4", "2026-10-01", "2026-12-31"),
        ("2026-H2", "2026-07-01", "2026-12-31"),
        ("2026", "2026-01-01", "2026-12-31"),
        ("2026年", "2026-01-01", "2026-12-31"),
        (" 2026-03-15 ", "2026-03-15", "2026-03-15"),
        ("2026年3月15日", "2026-03-15", "2026-03-15"),
    ];
    for (text, first, last) in cases {
        let period = parse_period(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(
            (period.first, period.last),
            (day(first), day(last)),
            "{text}"
        );
    }
    for bad in [
        "2026-13",
        "2026-Q5",
        "2026-02-30",
        "26-03",
        "三月",
        "",
        "2026-03-01-02",
    ] {
        assert!(parse_period(bad).is_err(), "{bad:?} should not be a period");
    }
}

#[test]
fn a_range_covers_a_period_only_whole() {
    let first_half = Effective {
        from: day("2026-01-01"),
        until: Some(day("2026-06-30")),
        span: Span::default(),
    };
    let june = parse_period("2026-06").unwrap();
    let july = parse_period("2026-07").unwrap();
    let year = parse_period("2026").unwrap();
    assert!(first_half.covers(&june));
    assert!(!first_half.covers(&july) && !first_half.touches(&july));
    assert!(!first_half.covers(&year) && first_half.touches(&year));
    let open = Effective {
        from: day("2026-07-01"),
        until: None,
        span: Span::default(),
    };
    assert!(open.covers(&parse_period("2030-01").unwrap()));
    assert!(!open.overlaps(&first_half) && !first_half.overlaps(&open));
    let from_june = Effective {
        from: day("2026-06-30"),
        ..open
    };
    assert!(from_june.overlaps(&first_half));
}

#[test]
fn the_hash_ignores_layout_and_comments_but_not_meaning() {
    let a = card("a.card", "scorecard t { total 5 // 总分\n input n count\n section s weight 5 { item i 5 { minus 1 per n } } }");
    let b = card("b.card", "// 另一种排版\nscorecard t {\n    total 5\n\n    input n count\n\n    section s weight 5 {\n        item i 5 {\n            minus 1 per n\n        }\n    }\n}\n");
    let c = card(
        "c.card",
        "scorecard t { total 5 input n count section s weight 5 { item i 5 { minus 2 per n } } }",
    );
    assert_eq!(a.stamp().hash, b.stamp().hash);
    assert_ne!(a.stamp().hash, c.stamp().hash);
    assert!(a.stamp().hash.as_str().starts_with("sha256:"));
    assert_eq!(a.stamp().hash.as_str().len(), "sha256:".len() + 64);
    assert_eq!(a.stamp().hash.short().len(), "sha256:".len() + 12);
}

#[test]
fn hook_files_are_part_of_the_hash() {
    let card = "scorecard t { total 1 }";
    let bare = content_hash(card, &[]);
    let hook = |bytes: &'static [u8]| HookSource {
        name: "x.rhai",
        bytes,
    };
    let with = content_hash(card, &[hook(b"fn f() { 1 }")]);
    let changed = content_hash(card, &[hook(b"fn f() { 2 }")]);
    assert_ne!(bare, with);
    assert_ne!(with, changed);
}

#[test]
fn every_result_carries_its_cards_stamp() {
    let card = dated("v1.card", "2026.1", "2026-01-01..2026-06-30", "1");
    assert_eq!(card.stamp().version.as_deref(), Some("2026.1"));
    assert_eq!(
        card.stamp().describe(),
        format!("version 2026.1 · {}", card.stamp().hash.short())
    );
    let set = data::read_from(
        &card,
        "工号,迟报\nE1,2\n".as_bytes(),
        DataFormat::Csv,
        "d.csv",
    );
    let result = crate::evaluate(&card, &set.rows[0]).expect("evaluates");
    assert_eq!(*result.card, **card.stamp());
}

#[test]
fn an_effective_range_that_ends_before_it_starts_is_an_error() {
    let text = "scorecard t { effective 2026-07-01..2026-06-30 total 1 }";
    let d = crate::compile(&SourceFile::new("t.card", text)).unwrap_err();
    assert_eq!(d.0[0].code, crate::diagnostic::Code::BadDate);
    assert_eq!(
        d.0[0].message,
        "the card stops being in force on 2026-06-30 before it starts on 2026-07-01"
    );
    let d = crate::compile(&SourceFile::new(
        "t.card",
        "scorecard t { effective 2026-02-30.. }",
    ))
    .unwrap_err();
    assert_eq!(d.0[0].message, "`2026-02-30` is not a day of the calendar");
}

#[test]
fn versions_must_be_of_one_card_dated_and_apart() {
    let v1 = dated("v1.card", "2026.1", "2026-01-01..2026-06-30", "1");
    let v2 = dated("v2.card", "2026.2", "2026-07-01..", "2");
    let set = Versions::new(vec![v2.clone(), v1.clone()]).expect("two versions apart");
    let order: Vec<_> = set
        .cards()
        .iter()
        .map(|c| c.stamp().version.clone())
        .collect();
    assert_eq!(order, [Some("2026.1".into()), Some("2026.2".into())]);

    let overlapping = dated("v3.card", "2026.3", "2026-06-01..", "3");
    let d = Versions::new(vec![v1.clone(), overlapping]).unwrap_err();
    assert_eq!(
        d.0[0].message,
        "this version and the one in `v1.card` are both in force on 2026-06-01"
    );

    let undated = card("u.card", "scorecard 回访 { total 1 }");
    let d = Versions::new(vec![v1.clone(), undated]).unwrap_err();
    assert_eq!(
        d.0[0].message,
        "this version does not say when it is in force"
    );

    let other = card(
        "o.card",
        "scorecard 别的 { effective 2027-01-01.. total 1 }",
    );
    let d = Versions::new(vec![v1, other]).unwrap_err();
    assert_eq!(
        d.0[0].message,
        "`o.card` is card `别的`, not a version of `回访`"
    );
}

#[test]
fn each_row_goes_to_the_version_in_force_for_its_period() {
    let v1 = dated("v1.card", "2026.1", "2026-01-01..2026-06-30", "1");
    let v2 = dated("v2.card", "2026.2", "2026-07-01..", "2");
    let set = Versions::new(vec![v1, v2]).expect("versions");
    let csv = "工号,期间,迟报\nE1,2026-06,1\nE2,2026-07,1\nE3,2026-Q3,1\nE4,2026,1\nE5,2025-12,1\nE6,,1\nE7,六月,1\n";
    let source = data::open_bytes(csv.as_bytes().to_vec(), DataFormat::Csv, "d.csv").unwrap();
    let split = set.split(source);
    let errors: Vec<String> = split.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 4, "{errors:#?}");
    assert!(errors[0].starts_with("d.csv:5: column `期间`: the period `2026` falls under more than one version: version 2026.1 (2026-01-01..2026-06-30) and version 2026.2 (2026-07-01..)"), "{}", errors[0]);
    assert!(errors[1].starts_with("d.csv:6: column `期间`: no version of the card is in force for the whole of `2025-12` (the card: version 2026.1 (2026-01-01..2026-06-30), version 2026.2 (2026-07-01..))"), "{}", errors[1]);
    assert!(
        errors[2].starts_with("d.csv:7: column `期间`: the period is blank"),
        "{}",
        errors[2]
    );
    assert!(
        errors[3].starts_with("d.csv:8: column `期间`: `六月` is not a period"),
        "{}",
        errors[3]
    );
    assert!(split.errors.iter().all(|e| matches!(
        e.kind,
        DataProblemKind::BadPeriod | DataProblemKind::NoVersion
    )));

    let mut scores = Vec::new();
    for (card, part) in set.cards().iter().zip(split.parts) {
        let read = data::read(card, part);
        assert!(
            read.errors.is_empty() && read.warnings.is_empty(),
            "{:?} {:?}",
            read.errors,
            read.warnings
        );
        for row in read.rows {
            let result = crate::evaluate(card, &row).expect("evaluates");
            scores.push((
                row.line,
                row.employee.id,
                result.scores.total,
                result.card.version.clone(),
            ));
        }
    }
    // One late report costs 1 point under 2026.1 and 2 under 2026.2.
    let d = |n: i64| rust_decimal::Decimal::from(n);
    assert_eq!(
        scores,
        [
            (2, "E1".to_string(), d(4), Some("2026.1".to_string())),
            (3, "E2".to_string(), d(3), Some("2026.2".to_string())),
            (4, "E3".to_string(), d(3), Some("2026.2".to_string())),
        ]
    );
}

#[test]
fn without_a_period_column_one_version_takes_every_row_and_says_its_dates_went_unchecked() {
    let v1 = dated("v1.card", "2026.1", "2026-01-01..2026-06-30", "1");
    let set = Versions::new(vec![v1.clone()]).expect("one version");
    let source = data::open_bytes(
        "id,迟报\nE1,0\n".as_bytes().to_vec(),
        DataFormat::Csv,
        "d.csv",
    )
    .unwrap();
    let split = set.split(source);
    assert!(split.errors.is_empty());
    assert_eq!(split.warnings[0].kind, DataProblemKind::PeriodNotChecked);
    let rows = data::read(&v1, split.parts.into_iter().next().unwrap()).rows;
    assert_eq!(rows.len(), 1);

    let v2 = dated("v2.card", "2026.2", "2026-07-01..", "2");
    let set = Versions::new(vec![v1, v2]).expect("versions");
    let source = data::open_bytes(
        "id,迟报\nE1,0\n".as_bytes().to_vec(),
        DataFormat::Csv,
        "d.csv",
    )
    .unwrap();
    let split = set.split(source);
    assert_eq!(split.errors.len(), 1);
    assert_eq!(split.errors[0].kind, DataProblemKind::BadPeriod);
    assert!(split.parts.iter().all(|p| p.columns().len() == 2));
}
