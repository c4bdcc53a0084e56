//! Resolving cards held in memory: what each override does, what is an
//! error and where it points, and chains of several levels.

use super::*;
use crate::diagnostic::Code;
use crate::row::{Employee, Row};
use crate::value::Value;

/// A small group card: two sections, a parameter, a grade, a band.
const BASE: &str = r#"scorecard 基础 "集团卡" {
    role "回访专员"
    total 20

    input 及时率 percent "反馈及时率"
    input 迟报 count default 0
    input 完成 bool
    param 达标线 95%

    section 回访 weight 10 {
        item 及时 "反馈及时" 6 {
            by 及时率 {
                >= 达标线 : full
                >= 90%    : minus 2
                else      : 0
            }
        }
        item 按时 4 { minus 1 per 迟报 }
    }
    section 日常 weight 10 {
        item 档案 5 { full if 完成 }
        item 抽查 5
    }
    band 系数 by total { >= 18 : 1.2  else : 1 }
    grade { >= 18 : 优秀  else : 称职 }
}
"#;

fn loader(brand: &str) -> MemoryLoader {
    MemoryLoader::new()
        .with("rules/base.card", BASE)
        .with("rules/brands/b.card", brand)
}

fn resolve_brand(brand: &str) -> Result<Resolved, Diagnostics> {
    let loader = loader(brand);
    let source = loader.get("rules/brands/b.card").expect("brand card");
    resolve(&source, &loader)
}

fn compile_brand(brand: &str) -> Result<Checked, Diagnostics> {
    let loader = loader(brand);
    let source = loader.get("rules/brands/b.card").expect("brand card");
    crate::compile_with(&source, &loader, &crate::hooks::NoHookFiles)
}

fn brand(body: &str) -> String {
    format!("scorecard 品牌 extends \"../base.card\" {{\n{body}\n}}\n")
}

/// The only error, or a panic showing everything.
fn one_error(result: Result<impl std::fmt::Debug, Diagnostics>) -> Diagnostic {
    let diagnostics = result.expect_err("the card should not resolve");
    let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{diagnostics:#?}");
    errors[0].clone()
}

/// Where the primary label is: the file that holds it, line, column.
fn position(d: &Diagnostic) -> (String, usize, usize) {
    let first = &d.split_by_file()[0];
    let (line, column) = first.position().expect("a located diagnostic");
    let file = first.source.as_ref().expect("a file").name.clone();
    (file, line, column)
}

/// Scores one row given as (input, cell) pairs.
fn score(checked: &Checked, cells: &[(&str, &str)]) -> crate::ScoreResult {
    let card = &checked.card;
    let values = crate::testing::values(card, cells);
    let row = Row {
        line: 2,
        employee: Employee {
            id: "E1".into(),
            ..Employee::default()
        },
        values,
    };
    crate::evaluate(card, &row).expect("evaluates")
}

fn item_score(checked: &Checked, result: &crate::ScoreResult, name: &str) -> String {
    let i = checked
        .card
        .items
        .iter()
        .position(|x| x.name == name)
        .expect(name);
    crate::value::format_decimal(result.scores.items[i])
}

#[test]
fn a_card_that_extends_nothing_is_left_as_parsed() {
    let source = SourceFile::new("a.card", BASE);
    let resolved = resolve(&source, &NoLoader).expect("resolves");
    assert!(
        Arc::ptr_eq(&resolved.source, &source),
        "no composite for one file"
    );
    assert_eq!(resolved.card, crate::syntax::parse(&source).unwrap());
    assert!(resolved.changes.is_empty());
}

#[test]
fn a_tier_table_override_changes_the_score_and_nothing_else() {
    let card =
        brand("override item 及时 { by 及时率 { >= 98% : full  >= 95% : minus 1  else : 0 } }");
    let base = crate::compile(&SourceFile::new("base.card", BASE)).expect("base checks");
    let brand = compile_brand(&card).expect("brand checks");
    let cells = [("及时率", "96%"), ("完成", "是")];
    // Base: 96% >= 95% → 6. Brand: 96% is below 98% but not 95% → 6 − 1 = 5.
    assert_eq!(item_score(&base, &score(&base, &cells), "及时"), "6");
    assert_eq!(item_score(&brand, &score(&brand, &cells), "及时"), "5");
    // The label and points come from the base: only the rules were given.
    let item = brand.card.items.iter().find(|i| i.name == "及时").unwrap();
    assert_eq!(item.label.as_deref(), Some("反馈及时"));
    assert_eq!(brand.card.name, "品牌");
    assert_eq!(
        brand.card.label.as_deref(),
        Some("集团卡"),
        "label inherited"
    );
}

#[test]
fn points_weights_parameters_and_grades_are_overridden() {
    let card = brand(
        r#"override param 达标线 92% "品牌达标线"
           override item 按时 2
           override item 抽查 "抽查(品牌)" 7
           override section 回访 weight 8
           override section 日常 weight 12
           override grade { >= 15 : 优秀  else : 称职 }
           override band 系数 by total { >= 12 : 1.5  else : 1 }"#,
    );
    let checked = compile_brand(&card).expect("checks");
    let card = &checked.card;
    assert_eq!(card.params[0].label.as_deref(), Some("品牌达标线"));
    let result = score(
        &checked,
        &[("及时率", "91%"), ("迟报", "1"), ("完成", "否")],
    );
    // 及时 at 91%: below the brand's 92% line, not below 90% → 6 − 2 = 4;
    // 按时 2 − 1 = 1; 回访 5. 档案 0, 抽查 7 (no rule: full); 日常 7.
    // Total 12 → 称职 (优秀 needs 15).
    assert_eq!(item_score(&checked, &result, "及时"), "4");
    assert_eq!(item_score(&checked, &result, "按时"), "1");
    assert_eq!(result.scores.total, 12.into());
    assert_eq!(
        result
            .grade(&checked.card)
            .map(|g| g.to_string())
            .as_deref(),
        Some("称职")
    );
    // The band is the brand's: 12 >= 12 gives 1.5 (the base's would give 1).
    assert_eq!(result.scores.derived[0], Value::Num("1.5".parse().unwrap()));
    let item = card.items.iter().find(|i| i.name == "抽查").unwrap();
    assert_eq!(item.label.as_deref(), Some("抽查(品牌)"));
}

#[test]
fn items_and_inputs_are_added_and_removed() {
    let card = brand(
        r#"input 巡检 bool "展厅巡检"
           override section 日常 weight 14 { item 展厅 4 { full if 巡检 } }
           override section 回访 weight 6
           remove item 按时
           remove input 迟报
           remove band 系数"#,
    );
    let checked = compile_brand(&card).expect("checks");
    let names: Vec<&str> = checked.card.items.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["及时", "档案", "抽查", "展厅"]);
    assert!(checked.card.input_index("迟报").is_none());
    assert!(checked.card.derived.is_empty());
    // The card is checked again as a whole: 日常 weighs 10 but would hold 13 points.
    let diagnostics = compile_brand(&brand("override section 日常 { item 展厅 3 }")).unwrap_err();
    assert!(
        diagnostics.iter().any(|d| d.code == Code::WeightMismatch),
        "{diagnostics:#?}"
    );
}

#[test]
fn a_removed_section_takes_its_items() {
    let card = brand("remove section 日常\noverride total 10");
    let checked = compile_brand(&card).expect("checks");
    assert_eq!(checked.card.sections.len(), 1);
    assert_eq!(checked.card.items.len(), 2);
}

#[test]
fn overriding_something_the_base_lacks_points_at_the_name() {
    let d = one_error(resolve_brand(&brand("    override item 及是 3")));
    assert_eq!(d.code, Code::UnknownOverride);
    assert_eq!(d.message, "the base card has no item `及是` to override");
    assert_eq!(d.help.as_deref(), Some("did you mean `及时`?"));
    assert_eq!(position(&d), ("rules/brands/b.card".into(), 2, 19));
}

#[test]
fn overriding_the_wrong_kind_says_what_it_is() {
    let d = one_error(resolve_brand(&brand("remove section 抽查")));
    assert_eq!(
        d.message,
        "`抽查` is an item in the base card, not a section"
    );
    assert_eq!(d.help.as_deref(), Some("write `remove item 抽查`"));
    // The second label shows the item in the base card.
    let parts = d.split_by_file();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[1].source.as_ref().unwrap().name, "rules/base.card");
    assert_eq!(parts[1].position(), Some((22, 14)));
}

#[test]
fn overriding_a_grade_the_base_lacks_is_an_error() {
    let d = one_error(resolve_brand(&brand(
        "remove grade\noverride grade { else : 称职 }",
    )));
    assert_eq!(d.message, "the base card has no grade table to override");
}

#[test]
fn declaring_again_what_the_base_has_asks_for_override() {
    let d = one_error(resolve_brand(&brand("param 达标线 90%")));
    assert_eq!(d.code, Code::AlreadyInBase);
    assert_eq!(
        d.message,
        "`达标线` is already declared in the base card, as a parameter"
    );
    assert!(d.help.as_deref().unwrap().contains("override param 达标线"));
    let d = one_error(resolve_brand(&brand("total 30")));
    assert_eq!(d.message, "the base card already has a total");
    // An added section may not bring an item the base already has.
    let d = one_error(resolve_brand(&brand("section 新 weight 5 { item 档案 5 }")));
    assert_eq!(
        d.message,
        "`档案` is already declared in the base card, as an item"
    );
}

#[test]
fn every_bad_override_is_reported_at_once() {
    let diagnostics = resolve_brand(&brand(
        "override item 甲 1\nremove input 乙\noverride band 丙 by total { else : 1 }",
    ))
    .unwrap_err();
    assert_eq!(diagnostics.0.len(), 3, "{diagnostics:#?}");
}

#[test]
fn override_in_a_card_without_a_base_is_an_error() {
    let source = SourceFile::new("a.card", "scorecard a {\n  remove item x\n}");
    let d = one_error(resolve(&source, &NoLoader));
    assert_eq!(d.code, Code::NoBase);
    assert_eq!(d.position(), Some((2, 3)));
}

#[test]
fn a_missing_base_points_at_the_extends() {
    let loader = MemoryLoader::new().with("a.card", "scorecard a extends \"nowhere.card\" {}");
    let source = loader.get("a.card").unwrap();
    let d = one_error(resolve(&source, &loader));
    assert_eq!(d.code, Code::MissingCard);
    assert_eq!(
        d.message,
        "cannot find the base card: there is no card `nowhere.card`"
    );
    assert_eq!(d.position(), Some((1, 21)));
    // Text with no file behind it cannot extend anything.
    let text = SourceFile::new("<stdin>", "scorecard a extends \"b.card\" {}");
    let d = one_error(crate::compile(&text));
    assert_eq!(d.code, Code::MissingCard);
}

#[test]
fn a_loop_of_extends_is_an_error_naming_the_chain() {
    let loader = MemoryLoader::new()
        .with("a.card", "scorecard a extends \"b.card\" {}")
        .with("b.card", "scorecard b extends \"sub/../a.card\" {}");
    let source = loader.get("a.card").unwrap();
    let d = one_error(resolve(&source, &loader));
    assert_eq!(d.code, Code::ExtendsCycle);
    assert_eq!(d.message, "`a.card` extends itself, through its bases");
    assert_eq!(
        d.help.as_deref(),
        Some("the chain runs a.card → b.card → a.card; one of them must extend nothing")
    );
    assert_eq!(d.source.as_ref().unwrap().name, "b.card");
    let selfish = MemoryLoader::new().with("s.card", "scorecard s extends \"s.card\" {}");
    let d = one_error(resolve(&selfish.get("s.card").unwrap(), &selfish));
    assert_eq!(d.code, Code::ExtendsCycle);
}

#[test]
fn syntax_errors_in_a_base_point_into_the_base() {
    let loader = MemoryLoader::new()
        .with("base.card", "scorecard b {\n  input x percnt\n}")
        .with("brand.card", "scorecard a extends \"base.card\" {}");
    let d = one_error(resolve(&loader.get("brand.card").unwrap(), &loader));
    assert_eq!(d.code, Code::Syntax);
    assert_eq!(d.source.as_ref().unwrap().name, "base.card");
    assert_eq!(d.position(), Some((2, 11)));
}

#[test]
fn check_errors_point_into_the_file_that_holds_the_text() {
    // The brand's weight no longer matches the base's items: the weight is
    // the brand's, the items' sum is labelled on the base's section name.
    let diagnostics = compile_brand(&brand(
        "override section 回访 weight 12\noverride section 日常 weight 8",
    ))
    .unwrap_err();
    let d = diagnostics
        .iter()
        .find(|d| d.code == Code::WeightMismatch)
        .expect("weight mismatch");
    let parts = d.split_by_file();
    assert_eq!(position(d), ("rules/brands/b.card".into(), 2, 28));
    assert_eq!(parts[1].source.as_ref().unwrap().name, "rules/base.card");
    assert_eq!(parts[1].position(), Some((10, 13)));
}

#[test]
fn a_name_removed_but_still_used_is_blamed_on_the_remove() {
    let diagnostics = compile_brand(&brand("remove input 迟报")).unwrap_err();
    let d = diagnostics
        .iter()
        .find(|d| d.code == Code::UnknownName)
        .expect("unknown name");
    let parts = d.split_by_file();
    assert_eq!(parts[0].source.as_ref().unwrap().name, "rules/base.card");
    assert_eq!(
        parts[1].source.as_ref().unwrap().name,
        "rules/brands/b.card"
    );
    assert_eq!(parts[1].labels[0].text, "removed here");
    assert!(d.help.as_deref().unwrap().contains("removes it"), "{d:#?}");
}

#[test]
fn three_levels_apply_in_order_and_a_store_can_undo_a_brand() {
    let loader = MemoryLoader::new()
        .with("base.card", BASE)
        .with("brand/b.card", &brand("override item 按时 2\noverride item 抽查 7"))
        .with(
            "brand/store/s.card",
            "scorecard 门店 \"门店卡\" extends \"../b.card\" {\n  override item 按时 3\n  override item 抽查 6\n  override section 回访 weight 9\n  override section 日常 weight 11\n}",
        );
    let source = loader.get("brand/store/s.card").unwrap();
    let resolved = resolve(&source, &loader).expect("resolves");
    let names: Vec<&str> = resolved.chain.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["brand/store/s.card", "brand/b.card", "base.card"]);
    let checked =
        crate::compile_with(&source, &loader, &crate::hooks::NoHookFiles).expect("checks");
    let points: Vec<String> = checked
        .card
        .items
        .iter()
        .map(|i| crate::value::format_decimal(i.points))
        .collect();
    assert_eq!(points, ["6", "3", "5", "6"]);
    assert_eq!(checked.card.label.as_deref(), Some("门店卡"));
    // Both changes to 按时 are noted, the brand's first.
    let item = resolved.card.decls.iter().find_map(|d| match d {
        ast::Decl::Section(s) => s.items.iter().find(|i| i.name.name == "按时"),
        _ => None,
    });
    let notes = resolved.changes.notes_on(item.unwrap().span);
    let places: Vec<String> = notes
        .iter()
        .map(|n| provenance::place(&resolved.source, n.at))
        .collect();
    assert_eq!(places, ["brand/b.card:2", "brand/store/s.card:2"]);
}

#[test]
fn spans_of_the_resolved_card_quote_the_right_file() {
    let resolved = resolve_brand(&brand("override item 按时 2")).expect("resolves");
    let text_of = |name: &str| {
        resolved.card.decls.iter().find_map(|d| match d {
            ast::Decl::Section(s) => s
                .items
                .iter()
                .find(|i| i.name.name == name)
                .map(|i| resolved.source.slice(i.points.span).to_string()),
            _ => None,
        })
    };
    assert_eq!(text_of("按时").as_deref(), Some("2"));
    assert_eq!(text_of("档案").as_deref(), Some("5"));
}

#[test]
fn show_prints_card_text_that_checks_the_same() {
    let resolved = resolve_brand(&brand(
        "override item 按时 2\noverride section 日常 weight 12 { item 新增 2 }\nremove band 系数\noverride section 回访 weight 8",
    ))
    .expect("resolves");
    let text = resolved.show();
    assert!(!text.contains("item 按时 4 {"), "{text}");
    assert!(
        text.contains(
            "item 按时 2 { minus 1 per 迟报 }  // points changed in rules/brands/b.card:2"
        ),
        "{text}"
    );
    assert!(
        text.contains("section 日常 weight 12 {  // weight changed in rules/brands/b.card:3"),
        "{text}"
    );
    assert!(
        text.contains("item 新增 2  // added in rules/brands/b.card:3"),
        "{text}"
    );
    assert!(
        text.contains("// removed in rules/brands/b.card:4: band 系数"),
        "{text}"
    );
    // What `show` prints is a card of its own, and checks as one.
    let printed = crate::compile(&SourceFile::new("shown.card", text)).expect("shown card checks");
    let direct = super::check(&resolved).expect("resolved card checks");
    assert_eq!(printed.card.items.len(), direct.card.items.len());
    assert_eq!(printed.card.total, direct.card.total);
}

/// The base card, dated: `version` and `effective` after its total.
fn dated_base() -> String {
    BASE.replace(
        "    total 20\n",
        "    total 20\n    version \"2026.1\"\n    effective 2026-01-01..2026-06-30\n",
    )
}

fn compile_over(base: &str, brand: &str) -> Result<Checked, Diagnostics> {
    let loader = MemoryLoader::new()
        .with("rules/base.card", base)
        .with("rules/brands/b.card", brand);
    let source = loader.get("rules/brands/b.card").expect("brand card");
    crate::compile_with(&source, &loader, &crate::hooks::NoHookFiles)
}

#[test]
fn a_brand_card_inherits_its_bases_version_and_dates_unless_it_overrides_them() {
    let inherited = compile_over(&dated_base(), &brand("")).expect("checks");
    let stamp = &inherited.card.stamp;
    assert_eq!(stamp.card, "品牌");
    assert_eq!(stamp.version.as_deref(), Some("2026.1"));
    assert_eq!(
        stamp.effective.map(|e| e.to_string()).as_deref(),
        Some("2026-01-01..2026-06-30")
    );

    let own = compile_over(
        &dated_base(),
        &brand("override version \"2026.1-b\"\noverride effective 2026-03-01.."),
    )
    .expect("checks");
    assert_eq!(own.card.stamp.version.as_deref(), Some("2026.1-b"));
    assert_eq!(
        own.card.stamp.effective.map(|e| e.to_string()).as_deref(),
        Some("2026-03-01..")
    );
    // What the brand changes is in the hash, as is everything the base says.
    assert_ne!(own.card.stamp.hash, inherited.card.stamp.hash);
    let undated = compile_over(BASE, &brand("")).expect("checks");
    assert_ne!(undated.card.stamp.hash, inherited.card.stamp.hash);

    // A base with no dates: the brand may add its own.
    let added = compile_over(BASE, &brand("version \"b1\"")).expect("checks");
    assert_eq!(added.card.stamp.version.as_deref(), Some("b1"));
}

#[test]
fn a_version_declared_again_asks_for_override() {
    let d = one_error(compile_over(&dated_base(), &brand("version \"2\"")));
    assert_eq!(d.code, Code::AlreadyInBase);
    assert_eq!(d.message, "the base card already has a version");
    assert!(d.help.as_deref().unwrap().contains("override version"));
    let d = one_error(compile_over(
        BASE,
        &brand("override effective 2026-01-01.."),
    ));
    assert_eq!(d.code, Code::UnknownOverride);
    assert_eq!(
        d.message,
        "the base card has no effective date range to override"
    );
}

#[test]
fn notes_of_every_file_are_kept_and_a_replaced_nodes_give_way_to_the_overrides() {
    let noted_base = BASE
        .replace(
            "    param 达标线 95%",
            "    assume \"达标线为集团设定\"\n    param 达标线 95%",
        )
        .replace(
            "    grade {",
            "    quote \"评分可以采用等级制\"\n    grade {",
        );
    let loader = MemoryLoader::new()
        .with("rules/base.card", &noted_base)
        .with(
            "rules/brands/b.card",
            &brand(
                "    assume \"本品牌标准更高\"\n    override param 达标线 98%\n    assume \"本品牌新增\"\n    input 表扬 count default 0",
            ),
        );
    let source = loader.get("rules/brands/b.card").expect("brand card");
    let resolved = resolve(&source, &loader).expect("resolves");
    let shown = resolved.show();
    // The base's note on the replaced parameter is gone; the brand's prints.
    assert!(!shown.contains("达标线为集团设定"), "{shown}");
    assert!(
        shown.contains("    assume \"本品牌标准更高\"\n    param 达标线 98%"),
        "{shown}"
    );
    assert!(
        shown.contains("    assume \"本品牌新增\"\n    input 表扬"),
        "{shown}"
    );
    assert!(
        shown.contains("    quote \"评分可以采用等级制\"\n    grade {"),
        "{shown}"
    );
    let assumptions = resolved.assumptions();
    let text = assumptions.to_string();
    assert!(
        text.contains("  assume \"本品牌标准更高\"\n    line 3 "),
        "{text}"
    );
    assert!(text.contains("rules/base.card:"), "{text}");
    // 98% and 0 under the brand's notes; the base's grade cut-offs quoted.
    assert_eq!(assumptions.assumed(), 2, "{text}");
    assert_eq!(assumptions.quoted(), 1, "{text}");
    assert!(!assumptions.unmarked().is_empty(), "{text}");
}

#[test]
fn a_period_overridden_to_monthly_drops_the_bases_roll_up_rules() {
    let quarterly = r#"scorecard 季度 {
    period quarterly
    total 10
    partial score minimum 2 months
    input 受理 count
    input 解决 count
    input 满意度 percent rollup mean
    section 甲 weight 10 {
        item 解决率 10 { by 解决 / 受理 { >= 90% : full  else : 0 } }
    }
}
"#;
    let loader = MemoryLoader::new()
        .with("rules/base.card", quarterly)
        .with("rules/brands/b.card", &brand("    override period monthly"));
    let source = loader.get("rules/brands/b.card").expect("brand card");
    let resolved = resolve(&source, &loader).expect("resolves");
    let shown = resolved.show();
    assert!(
        shown.contains("// removed in rules/brands/b.card:2: partial"),
        "{shown}"
    );
    assert!(
        shown.contains(
            "input 满意度 percent  // roll-up rule dropped (monthly) in rules/brands/b.card:2"
        ),
        "{shown}"
    );
    assert!(!shown.contains("rollup"), "{shown}");
    let checked = check(&resolved).expect("a monthly card with no roll-up rules checks");
    assert_eq!(checked.card.period.as_deref(), Some("monthly"));
    assert!(checked.card.rollup.is_none());
}

#[test]
fn a_brand_card_adds_requirements_to_its_bases() {
    let checked = compile_brand(&brand(
        "    require 迟报 <= 31 \"迟报次数不能多于当月天数\"",
    ))
    .expect("valid");
    let messages: Vec<&str> = checked
        .card
        .constraints
        .iter()
        .map(|c| c.message.as_str())
        .collect();
    assert_eq!(messages, ["迟报次数不能多于当月天数"]);
}
