//! Manifests: parsing, picking the most specific card, and routing rows.

use super::*;
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
