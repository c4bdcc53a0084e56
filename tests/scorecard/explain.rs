//! `scorecard explain` as an employee reads it: plain sentences in Chinese
//! (or English with `--lang en`) that say what happened and quote the
//! policy's own words, the card's file and line only as a small reference.

use crate::cli::{scorecard, text};

/// HF109's month: the 君威/一店 card (58, 较差) and the pay it feeds.
const HF109: [&str; 7] = [
    "explain",
    "rules/",
    "examples/callback_specialists_by_brand.csv",
    "examples/booking_export.csv",
    "examples/finance_report.csv",
    "--employee",
    "HF109",
];

fn explained(lang: &str, args: &[&str]) -> String {
    let mut args = args.to_vec();
    args.extend(["--lang", lang]);
    let out = scorecard(&args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // The card's hash changes with every edit of a card; the sentences do not.
    let stdout = text(&out.stdout);
    let mut shown = String::new();
    for line in stdout.lines() {
        match line.find("sha256:") {
            Some(at) => {
                shown += &line[..at + 7];
                shown += "[hash]";
                shown += line[at + 7..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
            }
            None => shown += line,
        }
        shown.push('\n');
    }
    shown
}

#[test]
fn hf109_in_chinese_quotes_the_policy_not_the_card() {
    let zh = explained("zh", &HF109);
    // 客户信息及建议: the 君威 card's own table applied (98% is one off there),
    // and the group policy's sentence it departs from is quoted.
    assert!(
        zh.contains("反馈及时率 98%，属于「97%及以上，扣 1 分」一档，得 4 分（满分 5）"),
        "{zh}"
    );
    assert!(
        zh.contains("制度原文『客户意见反馈及时率和客户服务信息传递及时率达98%以上(含98%)绩效得满分,达95%以上(含95%)绩效扣 1份,85%以上(含85%)绩效扣2份,85%以下该项绩效不得分』"),
        "{zh}"
    );
    // A pass/fail item quotes what the policy asks for.
    assert!(
        zh.contains("月度调查完成：否，制度『每月25日至30日要针对本月各品牌销售、售后客户所有销售客户和进站客户进行满意度和12项服务调查。』，得 0 分（满分 6）"),
        "{zh}"
    );
    assert!(
        zh.contains("个人原因引起抱怨 3 次 × 2 分 = 扣 6 分"),
        "{zh}"
    );
    assert!(zh.contains("合计 = 各板块 68 − 5 − 5 = 58"), "{zh}");
    assert!(zh.contains("总分 58，低于 75 分，等级 较差"), "{zh}");
    assert!(
        zh.contains("客服月度绩效 = (600.00 + 910.00) × 95% × 90% × 0.58 + 475.00 = 1,223.81"),
        "{zh}"
    );
    assert!(
        zh.contains("〔rules/callback_specialist.card 第98行〕"),
        "{zh}"
    );
    for syntax in [
        "full if",
        "does not hold",
        "minus 2 per",
        "`",
        " is no",
        "[line",
    ] {
        assert!(!zh.contains(syntax), "card syntax `{syntax}` in:\n{zh}");
    }
    insta::assert_snapshot!(zh);
}

#[test]
fn hf109_in_english() {
    let en = explained("en", &HF109);
    assert!(en.contains("total 58 of 100 · grade 较差"), "{en}");
    assert!(
        en.contains("月度调查完成: no; policy: “每月25日至30日要针对"),
        "{en}"
    );
    for syntax in ["full if", "does not hold", "`"] {
        assert!(!en.contains(syntax), "card syntax `{syntax}` in:\n{en}");
    }
    insta::assert_snapshot!(en);
}

#[test]
fn a_pay_card_shows_each_output_worked_out_with_the_policys_formula() {
    let zh = explained(
        "zh",
        &[
            "explain",
            "rules/sales_pay.card",
            "examples/sales_pay.csv",
            "--employee",
            "C2",
        ],
    );
    assert!(!zh.contains("总分"), "a pay card has no total:\n{zh}");
    assert!(
        zh.contains(
            "制度『月实发工资=月固定工资×80% +月绩效工资×月销售目标完成率×管理绩效达标率』"
        ),
        "{zh}"
    );
    insta::assert_snapshot!(zh);
}
