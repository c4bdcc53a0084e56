//! The HTML report as HR prints and hands it out: the month's report in
//! Chinese and in English (snapshots, styles and charts left out), ranks
//! within each store's own table, a pay card reported as pay.

use crate::common;
use std::process::{Command, Output};

const MONTH: [&str; 3] = [
    "examples/callback_specialists_by_brand.csv",
    "examples/booking_export.csv",
    "examples/finance_report.csv",
];

/// The binary in `lang`, its HTML report on stdout.
fn html(lang: &str, args: &[&str]) -> String {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .env(common::ENGLISH.0, common::ENGLISH.1)
        .args(["--lang", lang, "eval"])
        .args(args)
        .args(["--format", "html"])
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The report without its style sheet, and each chart as the counts of its bars.
fn readable(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<style>") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find("</style>")
            .map_or(rest.len(), |e| start + e + 8);
        out.push_str("<style>…</style>");
        rest = &rest[end..];
    }
    out.push_str(rest);
    let mut done = String::new();
    let mut rest = out.as_str();
    while let Some(start) = rest.find("<svg") {
        done.push_str(&rest[..start]);
        let end = rest[start..]
            .find("</svg>")
            .map_or(rest.len(), |e| start + e + 6);
        let counts: Vec<&str> = rest[start..end]
            .split("class=\"count\">")
            .skip(1)
            .filter_map(|s| s.split('<').next())
            .collect();
        done.push_str(&format!("<svg bars=\"{}\"/>", counts.join(",")));
        rest = &rest[end..];
    }
    done.push_str(rest);
    done
}

fn month(lang: &str) -> String {
    let mut args = vec!["rules/"];
    args.extend(MONTH);
    html(lang, &args)
}

#[test]
fn the_months_report_in_chinese() {
    let page = month("zh");
    assert!(page.contains("@page { size: A4;"));
    assert!(page.contains("counter(page)") && page.contains("counter(pages)"));
    assert!(page.contains("thead { display: table-header-group; }"));
    assert!(page.contains("<html lang=\"zh-CN\">"));
    // A signature block per store.
    assert_eq!(
        page.matches("<div class=\"sign\">").count(),
        page.matches("<section class=\"store\">").count()
    );
    assert!(page.contains("考核人：") && page.contains("被考核人：") && page.contains("日期："));
    insta::assert_snapshot!(readable(&page));
}

#[test]
fn the_months_report_in_english() {
    let page = month("en");
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("\"Page \" counter(page) \" of \" counter(pages)"));
    for chinese_heading in ["扣分明细", "排名", "总分分布", "考核人"] {
        assert!(!page.contains(chinese_heading), "{chinese_heading}");
    }
    // The first store's part is enough to read: the rest is alike.
    let readable = readable(&page);
    let first = readable
        .split("<section class=\"store\">")
        .take(2)
        .collect::<Vec<_>>()
        .join("<section class=\"store\">");
    insta::assert_snapshot!(first);
}

/// The rank of a row in a store's table counts that store's people only:
/// 二店's best (S5, 30, third in the file) is 1 there; 一店's two 32s share 1
/// and the next is 3. The same in the streamed report and the one made from
/// results held in memory.
#[test]
fn ranks_restart_in_each_store() {
    let streamed = html(
        "zh",
        &["tests/cards/valid/tour.card", "tests/data/tour_stores.csv"],
    );
    let checked = common::checked(std::path::Path::new("tests/cards/valid/tour.card"));
    let set = scorecard::data::read_path(
        checked.card(),
        &common::root().join("tests/data/tour_stores.csv"),
    );
    let (results, _) = scorecard::eval::evaluate_all(checked.card(), &set.rows);
    let held = scorecard::i18n::with_lang(scorecard::i18n::Lang::Zh, || {
        scorecard::report::html(checked.card(), &results, &[], &[])
    });
    for page in [&streamed, &held] {
        let ranks = |store: &str| -> Vec<(String, String)> {
            let part = page
                .split(&format!("<h2>{store}</h2>"))
                .nth(1)
                .and_then(|p| p.split("</table>").next())
                .expect("the store's table");
            part.split("<tr><td class=\"num\">")
                .skip(1)
                .map(|row| {
                    let rank = row.split('<').next().unwrap_or_default().to_string();
                    let id = row
                        .split("<td class=\"who\">")
                        .nth(1)
                        .and_then(|c| c.split('<').next())
                        .unwrap_or_default()
                        .to_string();
                    (id, rank)
                })
                .collect()
        };
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            ranks("一店"),
            pairs(&[("S1", "1"), ("S6", "1"), ("S2", "3")])
        );
        assert_eq!(
            ranks("二店"),
            pairs(&[("S5", "1"), ("S3", "2"), ("S4", "3")])
        );
    }
}

/// A pay card has no points: no total, grade, rank, chart or points lost.
/// It leads with its pay (元), and sums it per store.
#[test]
fn a_pay_card_is_reported_as_pay() {
    let page = html("zh", &["rules/sales_pay.card", "examples/sales_pay.csv"]);
    for absent in ["总分", "排名", "<svg", "扣分明细", "等级", "满分"] {
        assert!(
            !page.contains(absent),
            "a pay card's report has no {absent}"
        );
    }
    assert!(page.contains("（元）</th>"), "the pay, in 元");
    assert!(page.contains("本店合计"), "a total per store");
    // 工号, 姓名, then the pay.
    let first_pay_heading = page.split("<th>").nth(3).unwrap_or_default();
    assert!(first_pay_heading.contains("（元）"), "{first_pay_heading}");
}

/// The period of the rows heads the report: `2026年10月 …`.
#[test]
fn the_title_names_the_period() {
    let dir = tempfile::tempdir().expect("a folder");
    let data = dir.path().join("october.csv");
    let text = std::fs::read_to_string(common::root().join("tests/data/tour_stores.csv"))
        .expect("the data");
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        match lines.is_empty() {
            true => lines.push(format!("月份,{line}")),
            false => lines.push(format!("2026-10,{line}")),
        }
    }
    std::fs::write(&data, lines.join("\n")).expect("written");
    let data = data.display().to_string();
    let page = html("zh", &["tests/cards/valid/tour.card", &data]);
    assert!(
        page.contains("<h1>2026年10月 语言示例卡 考核结果</h1>"),
        "{}",
        &page[..600.min(page.len())]
    );
    let page = html(
        "zh",
        &[
            "rules/callback_specialist.card",
            "tests/data/s1_typical_month.csv",
        ],
    );
    assert!(page.contains("<h1>市场部客服回访专员绩效考核结果</h1>"));
}
