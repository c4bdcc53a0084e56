//! Manifests: parsing, picking the most specific card, and routing rows.

use super::*;
use crate::data::{DataErrorKind, MemorySource, Numbering, Record};
use crate::resolve::MemoryLoader;

const MANIFEST: &str = r#"
[[card]]
role = "回访专员"
file = "base.card"

[[card]]
role  = "回访专员"
brand = "君威"
file  = "brands/君威.card"

[[card]]
role  = "回访专员"
brand = "君威"
store = "一店"
file  = "brands/君威一店.card"

[[card]]
role = "销售顾问"
file = "sales.card"
"#;

const BASE: &str = "scorecard 回访 { input 及时率 percent \"反馈及时率\"\n output 率 = 及时率 }";
const JUNWEI: &str = "scorecard 君威 extends \"../base.card\" { input 加分 count default 0 }";
const STORE: &str =
    "scorecard 一店 extends \"君威.card\" { input 表扬 count \"店长表扬\" default 0 }";
const SALES: &str = "scorecard 销售 { input 销量 count }";

fn source(text: &str) -> Arc<SourceFile> {
    SourceFile::new("rules/scorecard.toml", text)
}

fn loader() -> MemoryLoader {
    MemoryLoader::new()
        .with("rules/scorecard.toml", MANIFEST)
        .with("rules/base.card", BASE)
        .with("rules/brands/君威.card", JUNWEI)
        .with("rules/brands/君威一店.card", STORE)
        .with("rules/sales.card", SALES)
}

fn rules() -> Rules {
    let manifest = Manifest::parse(&source(MANIFEST)).expect("parses");
    Rules::compile(manifest, &loader()).expect("every card checks")
}

fn errors(text: &str) -> Vec<Diagnostic> {
    Manifest::parse(&source(text))
        .expect_err("should not parse")
        .0
}

#[test]
fn the_most_specific_entry_wins() {
    let m = Manifest::parse(&source(MANIFEST)).unwrap();
    let file = |role, brand, store| {
        m.pick(role, brand, store)
            .map(|i| m.entries[i].file.as_str())
    };
    assert_eq!(file("回访专员", None, None), Some("base.card"));
    assert_eq!(
        file("回访专员", Some("GL8"), Some("一店")),
        Some("base.card")
    );
    assert_eq!(
        file("回访专员", Some("君威"), None),
        Some("brands/君威.card")
    );
    assert_eq!(
        file("回访专员", Some("君威"), Some("二店")),
        Some("brands/君威.card")
    );
    assert_eq!(
        file("回访专员", Some("君威"), Some("一店")),
        Some("brands/君威一店.card")
    );
    assert_eq!(file("销售顾问", Some("君威"), None), Some("sales.card"));
    assert_eq!(file("技师", None, None), None);
    assert_eq!(m.roles(), ["回访专员", "销售顾问"]);
}

#[test]
fn a_role_with_only_brand_cards_matches_no_other_brand() {
    let m = Manifest::parse(&source(
        "[[card]]\nrole = \"回访专员\"\nbrand = \"君威\"\nfile = \"a.card\"\n",
    ))
    .unwrap();
    assert_eq!(m.pick("回访专员", Some("GL8"), None), None);
    assert_eq!(m.pick("回访专员", None, None), None);
}

#[test]
fn a_second_entry_for_the_same_people_is_an_error_at_both() {
    let d = errors(
        "[[card]]\nrole = \"甲\"\nfile = \"a.card\"\n[[card]]\nrole = \"甲\"\nfile = \"b.card\"\n",
    );
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, Code::BadManifest);
    assert_eq!(d[0].message, "two cards are listed for 甲");
    assert_eq!(d[0].position(), Some((5, 8)));
    assert_eq!(d[0].labels.len(), 2);
}

#[test]
fn a_store_needs_its_brand() {
    let d = errors("[[card]]\nrole = \"甲\"\nstore = \"一店\"\nfile = \"a.card\"\n");
    assert_eq!(d[0].message, "a store entry needs its brand");
    assert_eq!(d[0].position(), Some((3, 9)));
}

#[test]
fn a_misspelt_key_is_located() {
    let d = errors("[[card]]\nrole = \"甲\"\nbrnad = \"君威\"\nfile = \"a.card\"\n");
    assert_eq!(d[0].code, Code::BadManifest);
    assert!(d[0].message.contains("brnad"), "{}", d[0].message);
    assert_eq!(d[0].position().map(|p| p.0), Some(3));
}

#[test]
fn empty_values_and_empty_manifests_are_errors() {
    let d = errors("[[card]]\nrole = \" \"\nfile = \"a.card\"\n");
    assert_eq!(d[0].message, "`role` is empty");
    let d = errors("# nothing yet\n");
    assert_eq!(d[0].message, "the manifest lists no cards");
}

#[test]
fn a_missing_card_file_is_reported_at_its_entry() {
    let manifest = Manifest::parse(&source(MANIFEST)).unwrap();
    let loader = MemoryLoader::new().with("rules/base.card", BASE);
    let d = Rules::compile(manifest, &loader)
        .expect_err("cards are missing")
        .0;
    assert_eq!(d.len(), 3, "{d:#?}");
    assert_eq!(d[0].code, Code::MissingCard);
    assert_eq!(d[0].position(), Some((9, 9)));
}

#[test]
fn a_card_named_twice_is_compiled_once() {
    let manifest = Manifest::parse(&source(
        "[[card]]\nrole = \"甲\"\nfile = \"base.card\"\n[[card]]\nrole = \"乙\"\nfile = \"./base.card\"\n",
    ))
    .unwrap();
    let rules = Rules::compile(manifest, &loader()).unwrap();
    assert_eq!(rules.cards.len(), 1);
    assert_eq!(rules.card_of_entry, [0, 0]);
}

fn records(columns: &[&str], rows: &[&[&str]]) -> MemorySource {
    let records = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| {
            Ok(Record {
                number: i + 2,
                cells: cells.iter().map(|c| c.to_string()).collect(),
            })
        })
        .collect();
    MemorySource::new(
        "data.csv",
        Numbering::Lines,
        columns.iter().map(|c| c.to_string()).collect(),
        records,
    )
}

const COLUMNS: [&str; 7] = [
    "工号",
    "岗位",
    "品牌",
    "门店",
    "反馈及时率",
    "店长表扬",
    "销量",
];

#[test]
fn rows_go_to_their_cards_and_each_card_reads_its_own_columns() {
    let rules = rules();
    let data = records(
        &COLUMNS,
        &[
            &["A1", "回访专员", "君威", "一店", "98%", "2", ""],
            &["A2", "回访专员", "GL8", "一店", "97%", "", ""],
            &["A3", "销售顾问", "君威", "一店", "", "", "12"],
            &["A4", "回访专员", "君威", "二店", "96%", "", ""],
        ],
    );
    let routed = route(&rules, data, None);
    assert!(routed.all_errors().is_empty(), "{:?}", routed.all_errors());
    assert!(routed.warnings.is_empty(), "{:?}", routed.warnings);
    let lines = |card: &str| -> Vec<usize> {
        let group = routed
            .groups
            .iter()
            .find(|g| rules.cards[g.card].card.name == card)
            .expect(card);
        group.set.rows.iter().map(|r| r.line).collect()
    };
    assert_eq!(lines("一店"), [2]);
    assert_eq!(lines("回访"), [3]);
    assert_eq!(lines("销售"), [4]);
    assert_eq!(lines("君威"), [5]);
    // The sales row's blank 反馈及时率 is no error: the sales card does not read it.
    assert_eq!(routed.groups.len(), 4);
}

#[test]
fn a_row_that_matches_no_card_is_an_error_not_dropped() {
    let routed = route(
        &rules(),
        records(
            &COLUMNS,
            &[
                &["A1", "技师", "君威", "一店", "", "", ""],
                &["A2", "", "", "", "99%", "", ""],
            ],
        ),
        None,
    );
    let errors: Vec<String> = routed.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert_eq!(
        errors[0],
        "data.csv:2: column `岗位`: `A1` has role `技师`, brand `君威`, store `一店`, and rules/scorecard.toml lists no card for that\n  help: the roles with cards are `回访专员`, `销售顾问`; correct the row, or add a [[card]] for `技师` to rules/scorecard.toml"
    );
    assert!(
        errors[1].starts_with("data.csv:3: column `岗位`: the row has no role"),
        "{}",
        errors[1]
    );
    assert_eq!(routed.errors[0].kind, DataErrorKind::NoCard);
    assert!(routed.groups.is_empty());
}

#[test]
fn without_a_role_column_the_role_comes_from_the_command_line() {
    let rules = rules();
    let data = || records(&["工号", "品牌", "反馈及时率"], &[&["A1", "君威", "98%"]]);
    let routed = route(&rules, data(), None);
    assert_eq!(routed.errors.len(), 1);
    assert!(routed.errors[0].message.starts_with("no role column"));
    let routed = route(&rules, data(), Some("回访专员"));
    assert!(routed.all_errors().is_empty());
    assert_eq!(rules.cards[routed.groups[0].card].card.name, "君威");
}

#[test]
fn a_column_no_card_reads_is_a_warning_once() {
    let routed = route(
        &rules(),
        records(
            &["工号", "岗位", "品牌", "反馈及时率", "备注"],
            &[
                &["A1", "回访专员", "君威", "98%", "x"],
                &["A2", "回访专员", "GL8", "98%", "y"],
            ],
        ),
        None,
    );
    let warnings: Vec<String> = routed.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        ["data.csv: column `备注`: matches no input on the card; its cells are ignored"]
    );
}

#[test]
fn an_employee_in_two_cards_rows_is_an_error() {
    let routed = route(
        &rules(),
        records(
            &COLUMNS,
            &[
                &["A1", "回访专员", "GL8", "", "98%", "", ""],
                &["A1", "销售顾问", "", "", "", "", "3"],
            ],
        ),
        None,
    );
    let errors: Vec<String> = routed.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        errors,
        ["data.csv:3: employee `A1` appears twice, at line 2 and line 3"]
    );
    let rows: usize = routed.groups.iter().map(|g| g.set.rows.len()).sum();
    assert_eq!(rows, 1, "the later row is left out");
}

#[test]
fn a_column_one_card_needs_is_reported_with_that_card() {
    // The sales card needs 销量; the file has no such column, but only the
    // sales row is spoiled.
    let routed = route(
        &rules(),
        records(
            &["工号", "岗位", "品牌", "反馈及时率"],
            &[
                &["A1", "回访专员", "GL8", "98%"],
                &["A2", "销售顾问", "", ""],
            ],
        ),
        None,
    );
    let errors: Vec<String> = routed.all_errors().iter().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("data.csv: no column for required input `销量` (for the card `销售`, which 1 row of this file needs)"),
        "{}",
        errors[0]
    );
    let scored: usize = routed.groups.iter().map(|g| g.set.rows.len()).sum();
    assert_eq!(scored, 1);
}

#[test]
fn a_dated_card_scores_only_rows_of_periods_it_is_in_force_for() {
    let sales = "scorecard 销售 { effective 2026-01-01..2026-06-30\n input 销量 count }";
    let loader = loader().with("rules/sales.card", sales);
    let manifest = Manifest::parse(&source(MANIFEST)).expect("parses");
    let rules = Rules::compile(manifest, &loader).expect("every card checks");
    let routed = route(
        &rules,
        records(
            &["工号", "岗位", "期间", "反馈及时率", "销量"],
            &[
                &["A1", "销售顾问", "2026-06", "", "12"],
                &["A2", "销售顾问", "2026-07", "", "9"],
                &["A3", "回访专员", "2026-07", "98%", ""],
            ],
        ),
        None,
    );
    let errors: Vec<String> = routed.all_errors().iter().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("data.csv:3: column `期间`"),
        "{}",
        errors[0]
    );
    assert_eq!(routed.errors[0].kind, DataErrorKind::NoVersion);
    let lines: Vec<(String, Vec<usize>)> = routed
        .groups
        .iter()
        .map(|g| {
            let name = rules.cards[g.card].card.name.clone();
            (name, g.set.rows.iter().map(|r| r.line).collect())
        })
        .collect();
    // The undated card takes any period.
    assert_eq!(
        lines,
        [("销售".to_string(), vec![2]), ("回访".to_string(), vec![4])]
    );
}
