//! `require`: rows that cannot be true are refused when they are read, with
//! the card's sentence, the columns and their values.

use super::*;
use crate::source::SourceFile;

const CARD: &str = r#"
scorecard 技师 {
    period monthly
    total 100
    input 质检台次 count "质检台次"
    input 质检合格 count "质检一次合格台次"
    input 旷工     days  "旷工天数" default 0
    input 迟交天数 days  "迟交天数" optional
    input 成绩     number range 0..100
    require 质检合格 <= 质检台次 "合格台次不能多于质检台次"
    require 旷工 <= days_in_period() "旷工天数不能多于当月天数"
    require 迟交天数 <= 10 "迟交不会超过10天"
    section 质量 weight 100 { item 合格 100 { by 质检合格 / 质检台次 { >= 98% : full  else : 0 } } }
}
"#;

fn card() -> CheckedCard {
    let source = SourceFile::new("rules/技师.card", CARD);
    crate::compile(&source)
        .unwrap_or_else(|d| panic!("{:?}", d.iter().map(|d| &d.message).collect::<Vec<_>>()))
        .into_card()
}

fn read_csv(text: &str) -> DataSet {
    read_from(&card(), text.as_bytes(), DataFormat::Csv, "技师.csv")
}

fn ids(set: &DataSet) -> Vec<&str> {
    set.rows.iter().map(|r| r.employee.id.as_str()).collect()
}

#[test]
fn a_row_that_cannot_be_true_is_refused_with_the_cards_sentence_and_its_columns() {
    let set = read_csv(
        "工号,质检台次,质检一次合格台次,旷工天数,迟交天数,成绩\n\
         T1,50,49,,,90\n\
         T2,50,120,,,90\n\
         T3,50,50,,,90\n",
    );
    assert_eq!(ids(&set), ["T1", "T3"]);
    assert_eq!(set.errors.len(), 1);
    let error = &set.errors[0];
    assert_eq!(error.kind, DataProblemKind::Constraint);
    assert_eq!(error.location, Location::Line(3));
    assert_eq!(
        error.to_string(),
        "技师.csv:3: 合格台次不能多于质检台次 (`质检台次` is 50, `质检一次合格台次` is 120)\n  \
         help: the card requires `质检合格 <= 质检台次` (rules/技师.card, line 10); correct the row, or the card if the rule is wrong"
    );
}

#[test]
fn every_failed_requirement_is_reported_and_a_bad_cell_comes_alone() {
    let set = read_csv(
        "工号,质检台次,质检一次合格台次,旷工天数,迟交天数,成绩\n\
         T1,10,11,40,,90\n\
         T2,10,abc,40,,90\n",
    );
    let messages: Vec<String> = set.errors.iter().map(|e| e.message.clone()).collect();
    assert_eq!(
        messages,
        [
            "合格台次不能多于质检台次 (`质检台次` is 10, `质检一次合格台次` is 11)",
            "旷工天数不能多于当月天数 (`旷工天数` is 40)",
            // T2's cell is bad: its row is not checked against the card until it reads
            "`abc` is not a count",
        ]
    );
    assert_eq!(set.errors[2].kind, DataProblemKind::BadCell);
}

#[test]
fn a_blank_optional_input_is_not_checked_and_a_filled_one_is() {
    let set = read_csv(
        "工号,质检台次,质检一次合格台次,迟交天数,成绩\n\
         T1,10,10,,90\n\
         T2,10,10,12,90\n",
    );
    assert_eq!(ids(&set), ["T1"]);
    assert_eq!(set.errors[0].message, "迟交不会超过10天 (`迟交天数` is 12)");
}

#[test]
fn days_in_period_are_the_rows_months_or_the_longest_month() {
    let with_months = "工号,月份,质检台次,质检一次合格台次,旷工天数,成绩\n\
                       T1,2026-02,10,10,29,90\n\
                       T2,2028-02,10,10,29,90\n\
                       T3,2026-03,10,10,31,90\n\
                       T4,2026-04,10,10,31,90\n";
    let set = read_csv(with_months);
    assert_eq!(ids(&set), ["T2", "T3"]);
    assert_eq!(
        set.errors.iter().map(|e| e.location).collect::<Vec<_>>(),
        [Location::Line(2), Location::Line(5)]
    );
    // No month column: a month of the card's kind has at most 31 days.
    let set = read_csv(
        "工号,质检台次,质检一次合格台次,旷工天数,成绩\n\
         T1,10,10,31,90\n\
         T2,10,10,32,90\n",
    );
    assert_eq!(ids(&set), ["T1"]);
    assert!(set.errors[0].message.contains("`旷工天数` is 32"));
}

#[test]
fn a_card_without_requirements_reads_every_possible_and_impossible_row() {
    let text = CARD
        .lines()
        .filter(|l| !l.trim_start().starts_with("require"))
        .collect::<Vec<_>>()
        .join("\n");
    let source = SourceFile::new("t.card", text);
    let card = crate::compile(&source).expect("valid").into_card();
    assert!(card.constraints().is_empty());
    let set = read_from(
        &card,
        "工号,质检台次,质检一次合格台次,成绩\nT1,50,120,90\n".as_bytes(),
        DataFormat::Csv,
        "t.csv",
    );
    assert_eq!(ids(&set), ["T1"]);
}

#[test]
fn inputs_without_a_column_are_named_only_when_the_condition_reads_no_column() {
    let text = "scorecard t {\n total 1\n input 目标 count default 0\n input 完成 count\n require 目标 >= 1 \"目标至少1台\"\n require 完成 <= 目标 + 10 \"完成不能超过目标10台以上\"\n section s weight 1 { item i 1 }\n}";
    let card = crate::compile(&SourceFile::new("t.card", text))
        .expect("valid")
        .into_card();
    let set = read_from(
        &card,
        "工号,完成\nT1,12\n".as_bytes(),
        DataFormat::Csv,
        "t.csv",
    );
    let messages: Vec<&str> = set.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "目标至少1台 (`目标` is 0 (no column))",
            "完成不能超过目标10台以上 (`完成` is 12)",
        ]
    );
}
