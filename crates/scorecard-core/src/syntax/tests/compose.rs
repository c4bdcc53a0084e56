//! Composition syntax: `extends`, `override`, `remove`, and how they print.

use super::*;
use crate::syntax::print::print;

const BRAND: &str = r#"scorecard 回访专员_GL8 "GL8" extends "../../callback_specialist.card" {
    input 商务客户回访完成 bool "每月回访全部商务(集团)客户"
    override section 回访 "回访(GL8)" weight 20% scaled {
        item 商务客户回访 3 { full if 商务客户回访完成 }
    }
    override section 日常工作 weight 21%
    override item 客户信息及建议 { by 反馈及时率 { >= 99% : full  else : 0 } }
    override item 潜客抽查 "潜客抽查(GL8)" 3
    override item 档案管理 { }
    override param 单价 35 元
    override input 培训成绩 number range 0..120
    override grade { >= 85 : 优秀  else : 称职 }
    override total 120
    remove item 市场沟通
    remove input 活动评估完成
    remove grade
}"#;

fn changes(card: &Card) -> Vec<&Decl> {
    card.decls
        .iter()
        .filter(|d| matches!(d, Decl::Override(_) | Decl::Remove(_)))
        .collect()
}

#[test]
fn extends_names_the_base_card() {
    let card = parse_ok(BRAND);
    let base = card.extends.as_ref().expect("extends");
    assert_eq!(base.value, "../../callback_specialist.card");
    assert_eq!(
        &BRAND[base.span.start..base.span.end],
        "\"../../callback_specialist.card\""
    );
    assert_eq!(card.label.as_ref().map(|l| l.value.as_str()), Some("GL8"));
    assert!(parse_ok("scorecard a { }").extends.is_none());
}

#[test]
fn a_section_override_patches_only_what_it_says() {
    let card = parse_ok(BRAND);
    let Decl::Override(Override {
        target: OverrideTarget::Section(patch),
        ..
    }) = changes(&card)[0]
    else {
        panic!("a section override first")
    };
    assert_eq!(patch.name.name, "回访");
    assert_eq!(patch.label.as_ref().unwrap().value, "回访(GL8)");
    assert_eq!(patch.weight.as_ref().unwrap().value, dec("0.2"));
    assert!(patch.scaled.is_some());
    assert_eq!(patch.items.len(), 1);
    let Decl::Override(Override {
        target: OverrideTarget::Section(weight_only),
        ..
    }) = changes(&card)[1]
    else {
        panic!("a weight-only override second")
    };
    assert!(weight_only.label.is_none() && weight_only.scaled.is_none());
    assert!(weight_only.items.is_empty());
}

#[test]
fn an_item_override_tells_no_block_from_an_empty_one() {
    let card = parse_ok(BRAND);
    let patches: Vec<&ItemPatch> = changes(&card)
        .into_iter()
        .filter_map(|d| match d {
            Decl::Override(Override {
                target: OverrideTarget::Item(p),
                ..
            }) => Some(p),
            _ => None,
        })
        .collect();
    assert_eq!(patches.len(), 3);
    assert!(patches[0].points.is_none());
    assert_eq!(patches[0].rules.as_ref().map(Vec::len), Some(1));
    assert_eq!(patches[1].points.as_ref().unwrap().value, dec("3"));
    assert!(
        patches[1].rules.is_none(),
        "no block: the base's rules stay"
    );
    assert_eq!(
        patches[2].rules.as_ref().map(Vec::len),
        Some(0),
        "`{{ }}`: no rules"
    );
}

#[test]
fn other_overrides_carry_a_whole_declaration() {
    let card = parse_ok(BRAND);
    let inner: Vec<&Decl> = changes(&card)
        .into_iter()
        .filter_map(|d| match d {
            Decl::Override(Override {
                target: OverrideTarget::Decl(d),
                ..
            }) => Some(d.as_ref()),
            _ => None,
        })
        .collect();
    assert!(matches!(inner[0], Decl::Param(p) if p.name.name == "单价"));
    assert!(matches!(inner[1], Decl::Input(i) if i.range.is_some()));
    assert!(matches!(inner[2], Decl::Grade(_)));
    assert!(matches!(inner[3], Decl::Total(n) if n.value == dec("120")));
}

#[test]
fn removes_name_what_they_remove() {
    let card = parse_ok(BRAND);
    let removes: Vec<(RemoveKind, Option<&str>)> = changes(&card)
        .into_iter()
        .filter_map(|d| match d {
            Decl::Remove(r) => Some((r.kind, r.name.as_ref().map(|n| n.name.as_str()))),
            _ => None,
        })
        .collect();
    assert_eq!(
        removes,
        [
            (RemoveKind::Item, Some("市场沟通")),
            (RemoveKind::Input, Some("活动评估完成")),
            (RemoveKind::Grade, None),
        ]
    );
}

#[test]
fn composition_prints_back_to_the_same_card() {
    let once = print(&parse_ok(BRAND));
    let twice = print(&parse_ok(&once));
    assert_eq!(once, twice);
    for line in [
        "scorecard 回访专员_GL8 \"GL8\" extends \"../../callback_specialist.card\" {",
        "    override section 日常工作 weight 21%",
        "    override item 潜客抽查 \"潜客抽查(GL8)\" 3",
        "    override item 档案管理 { }",
        "    override param 单价 35 元",
        "    override input 培训成绩 number range 0..120",
        "    override total 120",
        "    remove item 市场沟通",
        "    remove grade",
    ] {
        assert!(
            once.lines().any(|l| l == line),
            "no line {line:?} in:\n{once}"
        );
    }
}

#[test]
fn the_new_words_are_reserved() {
    for word in ["extends", "override", "remove"] {
        let d = parse_err(&format!("scorecard t {{ input {word} count }}"));
        assert_eq!(d.code, Code::Syntax);
        assert!(
            d.help.as_deref().unwrap_or("").contains("reserved word"),
            "{word}: {d:#?}"
        );
    }
}

#[test]
fn remove_needs_to_say_what() {
    let d = parse_err("scorecard t extends \"b.card\" {\n  remove 潜客抽查\n}");
    assert_eq!(d.position(), Some((2, 10)));
    assert!(d.message.contains("what to remove"), "{}", d.message);
}

#[test]
fn a_band_without_a_label_parses() {
    // `by` used to be swallowed while looking for the missing label.
    let card = card_with("band 系数 by total { >= 90 : 1.2  else : 1 }");
    let Decl::Band(band) = &card.decls[0] else {
        panic!("a band")
    };
    assert!(band.label.is_none());
    assert_eq!(band.table.rows.len(), 2);
}
