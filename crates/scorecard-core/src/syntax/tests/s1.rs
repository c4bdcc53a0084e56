//! The flagship card, `rules/callback_specialist.card`, parses into the right tree.

use super::*;

#[test]
fn s1_card_parses_with_its_header() {
    let card = parse_ok(&s1_text());
    assert_eq!(card.name.name, "回访专员");
    assert_eq!(
        card.label.as_ref().unwrap().value,
        "市场部客服回访专员绩效考核表"
    );
    assert!(matches!(&card.decls[0], Decl::Role(t) if t.value == "市场部客服回访专员"));
    assert!(matches!(&card.decls[1], Decl::Period(p) if p.name == "monthly"));
    assert!(matches!(&card.decls[2], Decl::Total(n) if n.value == dec("100")));
}

#[test]
fn s1_card_has_its_inputs_as_written() {
    let card = parse_ok(&s1_text());
    let inputs = inputs(&card);
    assert_eq!(inputs.len(), 30);
    let count = |ty| inputs.iter().filter(|i| i.ty == ty).count();
    assert_eq!(count(InputType::Bool), 15);
    assert_eq!(count(InputType::Count), 11);
    assert_eq!(count(InputType::Percent), 3);
    assert_eq!(count(InputType::Number), 1);
    assert_eq!(count(InputType::Rating), 0);
    let raters: Vec<&str> = card
        .decls
        .iter()
        .filter_map(|d| match d {
            Decl::Rater(r) => Some(r.label.as_ref().unwrap().value.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(raters, ["自评", "部门经理评分", "公司审核"]);

    let first = inputs[0];
    assert_eq!(first.name.name, "问题跟踪完成");
    assert_eq!(
        first.label.as_ref().unwrap().value,
        "问题处理后次日电访跟踪"
    );
    assert_eq!(first.range, None);
    assert_eq!(first.default, None);
    assert_eq!(first.optional, None);

    let training = inputs.iter().find(|i| i.name.name == "培训成绩").unwrap();
    let range = training.range.as_ref().unwrap();
    assert_eq!((range.low.value, range.high.value), (dec("0"), dec("100")));

    let with_default = inputs.iter().filter(|i| i.default.is_some()).count();
    assert_eq!(with_default, 10);
    let complaints = inputs
        .iter()
        .find(|i| i.name.name == "个人原因抱怨")
        .unwrap();
    assert!(matches!(&complaints.default, Some(Literal::Number(n)) if n.value.is_zero()));
}

#[test]
fn s1_card_has_six_sections_and_twenty_two_items() {
    let card = parse_ok(&s1_text());
    let sections = sections(&card);
    assert_eq!(sections.len(), 6);
    let names: Vec<&str> = sections.iter().map(|s| s.name.name.as_str()).collect();
    assert_eq!(
        names,
        ["回访", "信息反馈", "抱怨", "日常工作", "学习成长", "加分项"]
    );
    let weights: Vec<Decimal> = sections.iter().map(|s| s.weight.value).collect();
    let expected: Vec<Decimal> = ["0.17", "0.11", "0.15", "0.24", "0.15", "0.18"]
        .into_iter()
        .map(dec)
        .collect();
    assert_eq!(weights, expected);
    assert!(sections.iter().all(|s| s.weight.unit == LitUnit::Percent));
    assert!(sections.iter().all(|s| s.scaled.is_none()));
    let items: usize = sections.iter().map(|s| s.items.len()).sum();
    assert_eq!(items, 22);
    let points: Decimal = sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| i.points.value)
        .sum();
    assert_eq!(points, dec("100"));
}

#[test]
fn s1_card_rules_lower_to_the_right_shapes() {
    let card = parse_ok(&s1_text());

    match &item(&card, "信息检核").rules[..] {
        [Rule::PassFail(p)] => {
            assert_eq!(p.kind, PassFailKind::ZeroIf);
            assert_eq!(sexpr(&p.condition), "信息错误未通知");
        }
        other => panic!("{other:?}"),
    }

    match &item(&card, "按时反馈").rules[..] {
        [Rule::Deduction(d)] => {
            assert_eq!(d.amount.value, dec("1"));
            assert_eq!(d.per.name, "日报迟报次数");
            assert_eq!(d.label.as_ref().unwrap().value, "日报迟报");
        }
        other => panic!("{other:?}"),
    }

    match &item(&card, "客户信息及建议").rules[..] {
        [Rule::Tiers(table)] => {
            assert_eq!(sexpr(table.subject.as_ref().unwrap()), "反馈及时率");
            let rows: Vec<String> = table
                .rows
                .iter()
                .map(|row| {
                    let guard = match &row.guard {
                        Guard::Compare { op, threshold } => {
                            format!("{} {}", op.symbol(), sexpr(threshold))
                        }
                        Guard::Top { threshold, .. } => format!("top {}", sexpr(threshold)),
                        Guard::Else(_) => "else".to_string(),
                    };
                    let outcome = match &row.outcome {
                        ItemOutcome::Full(_) => "full".to_string(),
                        ItemOutcome::Minus(n) => format!("minus {}", n.value),
                        ItemOutcome::Fixed(n) => n.value.to_string(),
                        ItemOutcome::Formula(e) => sexpr(e),
                    };
                    format!("{guard}: {outcome}")
                })
                .collect();
            assert_eq!(
                rows,
                [
                    ">= 0.98:%: full",
                    ">= 0.95:%: minus 1",
                    ">= 0.85:%: minus 2",
                    "else: 0"
                ]
            );
        }
        other => panic!("{other:?}"),
    }

    match &item(&card, "抱怨跟踪").rules[..] {
        [Rule::Deduction(a), Rule::Deduction(b)] => {
            assert_eq!(
                (a.amount.value, a.per.name.as_str()),
                (dec("2"), "个人原因抱怨")
            );
            assert_eq!(
                (b.amount.value, b.per.name.as_str()),
                (dec("1"), "电话登记错误")
            );
        }
        other => panic!("{other:?}"),
    }

    match &item(&card, "培训考核").rules[..] {
        [Rule::PassFail(p)] => {
            assert_eq!(p.kind, PassFailKind::FullIf);
            assert_eq!(p.otherwise, None);
            assert_eq!(
                sexpr(&p.condition),
                "(and (and (not 培训缺席) (not 培训迟到)) (>= 培训成绩 85))"
            );
        }
        other => panic!("{other:?}"),
    }

    match &item(&card, "工作类").rules[..] {
        [Rule::Rated(rated)] => {
            let raters: Vec<&str> = rated.raters.iter().map(|r| r.rater.name.as_str()).collect();
            assert_eq!(raters, ["自评", "经理", "审核"]);
            assert!(rated.raters.iter().all(|r| r.weight.is_none()));
            assert_eq!(rated.combine.name, "override");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn s1_card_has_two_penalties_and_a_grade() {
    let card = parse_ok(&s1_text());
    let penalties: Vec<&Adjustment> = card
        .decls
        .iter()
        .filter_map(|d| match d {
            Decl::Adjustment(a) => Some(a),
            _ => None,
        })
        .collect();
    assert_eq!(penalties.len(), 2);
    assert!(penalties.iter().all(|p| p.kind == AdjustmentKind::Penalty));
    assert!(penalties.iter().all(|p| p.cap.is_none()));
    let lines: Vec<usize> = penalties.iter().map(|p| p.lines.len()).collect();
    assert_eq!(lines, [2, 6]);
    assert_eq!(penalties[1].label.as_ref().unwrap().value, "减分项·制度类");

    let Some(Decl::Grade(grade)) = card.decls.last() else {
        panic!("the card ends with its grade");
    };
    assert!(grade.table.subject.is_none());
    let outcomes: Vec<&str> = grade
        .table
        .rows
        .iter()
        .map(|r| r.outcome.value.as_str())
        .collect();
    assert_eq!(outcomes, ["优秀", "称职", "较差"]);
    assert!(matches!(grade.table.rows[2].guard, Guard::Else(_)));
}

#[test]
fn s1_spans_cover_exactly_their_text() {
    let text = s1_text();
    let source = SourceFile::new("s1.card", text.as_str());
    let card = parse(&source).unwrap();
    let item = item(&card, "按时反馈");
    assert_eq!(
        source.slice(item.span),
        "item 按时反馈 \"按时反馈\" 3 {\n            quote \"不按时反馈的一次扣1份\"\n            minus 1 per 日报迟报次数 \"日报迟报\"\n        }"
    );
    assert_eq!(source.slice(item.points.span), "3");
    let training = item_condition(&card, "培训考核");
    // The span stops at the last token, not at the whitespace after it.
    assert_eq!(
        source.slice(training.span),
        "not 培训缺席 and not 培训迟到 and 培训成绩 >= 85"
    );
    let line = text
        .lines()
        .position(|l| l.contains("item 按时反馈"))
        .map(|i| i + 1);
    assert_eq!(Some(source.line_col(item.span.start)), line.map(|l| (l, 9)));
}

fn item_condition<'c>(card: &'c Card, name: &str) -> &'c Expr {
    match &item(card, name).rules[..] {
        [Rule::PassFail(p)] => &p.condition,
        other => panic!("{other:?}"),
    }
}
