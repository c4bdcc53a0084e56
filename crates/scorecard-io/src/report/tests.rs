//! Reports on the S1 card (`rules/callback_specialist.card`) with rows built by hand.

use super::*;
use crate::check::CheckedCard;
use crate::data::{Employee, Row};
use crate::eval::ScoreResult;
use crate::value::{InputType, Value};
use crate::SourceFile;
use rust_decimal::Decimal;
use std::str::FromStr;

fn card() -> CheckedCard {
    // The card names an input and an item both `投诉解决满意率`, which the
    // checker rejects; rename the item here (same line numbers) until the
    // card is fixed. Once it is, this replace finds nothing and does nothing.
    let text = include_str!("../../../../rules/callback_specialist.card")
        .replace("item 投诉解决满意率 \"", "item 投诉满意 \"");
    let source = SourceFile::new("rules/callback_specialist.card", text);
    match crate::compile(&source) {
        Ok(checked) => checked.into_card(),
        Err(d) => panic!(
            "S1 card does not compile: {:?}",
            d.0.iter().map(|d| &d.message).collect::<Vec<_>>()
        ),
    }
}

/// The line of the S1 card that holds `text` (its first), as explanations cite it.
fn line_of(text: &str) -> usize {
    include_str!("../../../../rules/callback_specialist.card")
        .lines()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("the S1 card has no line with `{text}`"))
        + 1
}

fn n(s: &str) -> Value {
    Value::Num(Decimal::from_str(s).unwrap())
}

/// A row at full marks, changed by `set`.
fn row(card: &CheckedCard, id: &str, name: Option<&str>, set: &[(&str, Value)]) -> Row {
    let mut values: Vec<Value> = card
        .inputs()
        .iter()
        .map(|i| match i.ty {
            InputType::Bool => Value::Bool(!matches!(
                i.name.as_str(),
                "信息错误未通知" | "培训缺席" | "培训迟到"
            )),
            InputType::Percent => n("1"),
            InputType::Number => n("95"),
            InputType::Rating => n(&i.range.unwrap().1.to_string()),
            _ => n("0"),
        })
        .collect();
    for (name, value) in set {
        let i = card
            .input_index(name)
            .unwrap_or_else(|| panic!("no input {name}"));
        values[i] = value.clone();
    }
    Row {
        line: 2,
        employee: Employee {
            id: id.into(),
            name: name.map(Into::into),
            brand: Some("君威".into()),
            ..Employee::default()
        },
        values,
    }
}

fn score(card: &CheckedCard, row: &Row) -> ScoreResult {
    crate::evaluate(card, row).expect("row evaluates")
}

/// 张三: several points lost, a clamp to zero, a penalty.
fn zhang_san(card: &CheckedCard) -> Row {
    row(
        card,
        "E001",
        Some("张三"),
        &[
            ("日报迟报次数", n("2")),
            ("反馈及时率", n("0.96")),
            ("个人原因抱怨", n("3")),
            ("电话登记错误", n("1")),
            ("培训迟到", Value::Bool(true)),
            // The company audit rates 工作类 6.5, overriding 自评 and 经理 (8 each).
            ("工作类.审核", n("6.5")),
            ("迟到早退", n("1")),
        ],
    )
}

#[test]
fn explain_shows_every_point_lost_with_its_rule_and_line() {
    let card = card();
    let result = score(&card, &zhang_san(&card));
    let text = explain(&card, &result);
    let at = |text: &str| format!("  [callback_specialist.card line {}]", line_of(text));
    assert!(text.starts_with("张三 (E001 · 君威) — 市场部客服回访专员绩效考核表\n"));
    assert!(
        text.contains(&format!(
            "日报迟报: 2 × 1 = −2, policy: “不按时反馈的一次扣1份”{}",
            at("minus 1 per 日报迟报次数")
        )),
        "{text}"
    );
    // The first `>= 95% : minus 1` of the card is 客户信息及建议's; of the
    // policy's sentence over the table, the clause about 95% is quoted.
    assert!(
        text.contains(&format!(
            "反馈及时率 96%; under “达95%以上(含95%)绩效扣 1份” it scores 4 of 5{}",
            at(">= 95% : minus 1")
        )),
        "{text}"
    );
    assert!(text.contains(&format!(
        "个人原因引起抱怨: 3 × 2 = −6, policy: “如是个人原因引起抱怨,则一次扣个人绩效2分”{}",
        at("minus 2 per 个人原因抱怨")
    )));
    assert!(text.contains("sum 5 − 6 − 1 = −2, raised to 0 (an item never scores below 0)"));
    assert!(
        text.contains(&format!(
            "policy: “不得无故不参与部门培训、集团公司培训;培训迟到;培训成绩在85分以下的扣除此项分值。”; 0 of 5{}",
            at("full if not 培训缺席")
        )),
        "{text}"
    );
    assert!(text.contains(&format!(
        "迟到早退: 1 × 5 = −5{}",
        at("minus 5  per 迟到早退")
    )));
    assert!(
        text.contains(
            "total = sections 85.5 − 5 = 80.5\ntotal 80.5, 75 points or more: grade 称职"
        ),
        "{text}"
    );
    assert!(text.contains(&at(">= 75 : 称职")), "{text}");
    // The card's own syntax is not the sentence.
    for syntax in ["full if", "minus 1 per", "does not hold", "`"] {
        assert!(!text.contains(syntax), "`{syntax}` in\n{text}");
    }
}

#[test]
fn explain_keeps_full_items_short_and_aligns_chinese() {
    let card = card();
    let result = score(&card, &zhang_san(&card));
    let text = explain(&card, &result);
    let line = |needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .unwrap()
            .to_string()
    };
    use unicode_width::UnicodeWidthStr;
    // A full item is only its name and score.
    assert_eq!(
        line("问题跟踪 ").split_whitespace().collect::<Vec<_>>(),
        ["问题跟踪", "5", "of", "5"]
    );
    // Scores start at the same display column whatever the name's width.
    let column = |l: &str| l[..l.find(" of ").unwrap()].width();
    assert_eq!(column(&line("问题跟踪 ")), column(&line("日常沟通/邮件")));
    assert_eq!(column(&line("问题跟踪 ")), column(&line("按时反馈")));
}

#[test]
fn explain_with_inputs_shows_what_a_condition_read() {
    let card = card();
    let row = zhang_san(&card);
    let text = explain_with_inputs(&card, &score(&card, &row), &row.values);
    assert!(
        text.contains("培训缺席: no, 培训迟到: yes, 培训成绩 95; policy: “不得无故"),
        "{text}"
    );
}

#[test]
fn explain_infers_yes_no_inputs_from_a_simple_condition() {
    let card = card();
    let row = row(
        &card,
        "E002",
        None,
        &[
            ("问题跟踪完成", Value::Bool(false)),
            ("信息错误未通知", Value::Bool(true)),
        ],
    );
    let text = explain(&card, &score(&card, &row));
    assert!(text.starts_with("E002 (君威) — "));
    assert!(
        text.contains(&format!(
            "问题跟踪完成: no; policy: “对各部门反馈的问题进行监督,问题处理后的次日要电访跟踪,处理结果的满意程度。”; 0 of 5  [callback_specialist.card line {}]",
            line_of("full if 问题跟踪完成")
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "信息错误未通知: yes; policy: “如在回访中发现客户信息有错误的,未及时通知相关部门的,扣除本项分值。”; 0 of 3  [callback_specialist.card line {}]",
            line_of("zero if 信息错误未通知")
        )),
        "{text}"
    );
}

#[test]
fn explain_shows_the_total_floored_at_zero() {
    let card = card();
    let row = row(&card, "E003", Some("李四"), &[("旷工", n("12"))]);
    let text = explain(&card, &score(&card, &row));
    assert!(
        text.contains(
            "total = sections 100 − 120 = −20, raised to 0 (the total never goes below 0)"
        ),
        "{text}"
    );
    assert!(
        text.contains("total 0, below 75 points: grade 较差"),
        "{text}"
    );
}

#[test]
fn explain_all_separates_employees() {
    let card = card();
    let results = [
        score(&card, &zhang_san(&card)),
        score(&card, &row(&card, "E002", None, &[])),
    ];
    let text = explain_all(&card, &results);
    assert_eq!(text.lines().filter(|l| l.starts_with("────")).count(), 1);
    assert!(text.contains("\n\nE002 (君威) — "));
}

#[test]
fn table_has_a_column_per_section_and_block_and_no_empty_store() {
    let card = card();
    let results = [score(&card, &zhang_san(&card))];
    let text = table(&card, &results);
    let header = text.lines().nth(1).unwrap();
    for column in [
        "id",
        "name",
        "brand",
        "回访",
        "信息反馈",
        "减分项·制度类",
        "total",
        "grade",
    ] {
        assert!(header.contains(column), "{header}");
    }
    assert!(!header.contains("store"));
    assert!(text.contains("-5"));
    assert!(!text.contains('\u{1b}'), "no colour");
}

#[test]
fn json_keeps_exact_decimals_and_quotes_rules() {
    let card = card();
    let results = [score(&card, &zhang_san(&card))];
    let value = json(&card, &results);
    let e = &value["employees"][0];
    assert_eq!(e["name"], "张三");
    let items = e["items"].as_array().unwrap();
    let work = items.iter().find(|i| i["name"] == "工作类").unwrap();
    assert_eq!(work["score"].to_string(), "6.5");
    assert_eq!(work["base"]["kind"], "rated");
    assert_eq!(work["base"]["combine"], "override");
    let ratings: Vec<String> = work["base"]["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r["rater"], r["rating"]))
        .collect();
    assert_eq!(ratings, ["\"自评\" 8", "\"经理\" 8", "\"审核\" 6.5"]);
    let info = items
        .iter()
        .find(|i| i["name"] == "客户信息及建议")
        .unwrap();
    assert_eq!(info["rule"]["text"], ">= 95% : minus 1");
    assert_eq!(info["rule"]["line"], line_of(">= 95% : minus 1"));
    assert_eq!(info["base"]["value"].to_string(), "0.96");
    assert_eq!(info["base"]["display"], "96%");
    let complaints = items.iter().find(|i| i["name"] == "抱怨跟踪").unwrap();
    assert_eq!(complaints["clamp"], "to_zero");
    assert_eq!(complaints["raw"].to_string(), "-2");
    assert_eq!(complaints["deductions"][0]["amount"].to_string(), "6");
    let penalty = e["adjustments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "制度类减分")
        .unwrap();
    assert_eq!(penalty["amount"].to_string(), "-5");
}

#[test]
fn csv_has_item_columns_and_an_optional_bom() {
    let card = card();
    let results = [score(&card, &zhang_san(&card))];
    let plain = csv_string(&card, &results, false);
    let header = plain.lines().next().unwrap();
    assert!(header.starts_with("id,name,brand,store,问题跟踪,"));
    assert!(header.contains(",回访,") && header.contains(",sections_total,total,grade"));
    assert!(header.ends_with(",card_version,card_hash"), "{header}");
    let hash = card.stamp().hash.to_string();
    assert!(plain
        .lines()
        .nth(1)
        .unwrap()
        .ends_with(&format!(",,{hash}")));
    let record = plain.lines().nth(1).unwrap();
    assert!(record.starts_with("E001,张三,君威,,5,"));
    assert!(record.contains(",6.5,"));
    assert!(csv_string(&card, &results, true).starts_with('\u{feff}'));
}

#[test]
fn markdown_lists_the_points_lost() {
    let card = card();
    let results = [score(&card, &zhang_san(&card))];
    let text = markdown(&card, &results);
    let heading = format!(
        "# 市场部客服回访专员绩效考核表\n\nrules/callback\\_specialist.card · {}\n\n| id | name | brand |",
        card.stamp().hash.short()
    );
    assert!(text.starts_with(&heading), "{text}");
    assert!(text.contains("- 按时反馈 (信息反馈): 1 of 3"));
    assert!(text.contains("- 减分项·制度类: −5"));
}

#[test]
fn render_writes_every_format() {
    let card = card();
    let row = zhang_san(&card);
    let outcome = crate::run::Outcome {
        runs: vec![crate::run::CardRun {
            results: vec![score(&card, &row)],
            inputs: vec![row.values.clone()],
            sources: vec![None],
            tables: vec![0],
            fed: Vec::new(),
            step: None,
            card: std::sync::Arc::new(card),
        }],
        problems: Vec::new(),
        warnings: Vec::new(),
        notes: vec![crate::run::Note::Lenient],
        scored: 1,
        verdict: crate::run::Verdict::Clean,
        way: crate::run::Way::AllAtOnce,
        routed: false,
        write_error: None,
        rules: "rules/callback_specialist.card".into(),
    };
    for format in Format::ALL {
        let mut out = Vec::new();
        crate::run::render(format, &outcome, &Options::default(), &mut out).unwrap();
        assert!(!out.is_empty(), "{format}");
        if format != Format::Xlsx {
            let text = String::from_utf8(out).unwrap();
            assert!(
                text.contains("--lenient"),
                "{format}: the notes are in the report"
            );
        }
        assert_eq!(format.name().parse::<Format>(), Ok(format));
    }
    assert_eq!("markdown".parse::<Format>(), Ok(Format::Markdown));
    assert!("pdf"
        .parse::<Format>()
        .unwrap_err()
        .to_string()
        .contains("table, json, jsonl, csv, md, xlsx, html"));
}

/// A small card with what S1 lacks: a late rule, `full if … else`, a scaled
/// section, a capped bonus, a band, an output and a tier row plus a deduction.
const WIDE: &str = r#"scorecard 测试 "全功能测试卡" {
    total 20
    input 完成率   percent "销售完成率"
    input 迟报天数 days "报表迟报天数" optional
    input 表扬     count default 0
    input 达标     bool
    input 失误     count default 0
    section 业绩 weight 10 {
        item 完成 "销售完成" 10 {
            by 完成率 {
                >= 100% : full
                >= 80%  : minus 2
                else    : 0
            }
            minus 3 per 失误 "工作失误"
        }
    }
    section 报表 "报表管理" weight 10 scaled {
        item 上报 "报表上报" 4 { late 迟报天数 { missing: 0  minus 1 per day } }
        item 达标项 "月度达标" 4 { full if 达标 else 1 }
    }
    bonus 表彰 "表彰加分" cap 3 { plus 2 per 表扬 }
    band 系数 "考核系数" by total { >= 18 : 1.2  >= 10 : 1.0  else : 0.8 }
    output 奖金 "绩效奖金" money = 1000 元 * 系数
    grade { >= 18 : 优秀  else : 合格 }
}
"#;

fn wide() -> CheckedCard {
    let source = SourceFile::new("wide.card", WIDE);
    match crate::compile(&source) {
        Ok(checked) => checked.into_card(),
        Err(d) => panic!(
            "wide card does not compile: {:?}",
            d.0.iter().map(|d| &d.message).collect::<Vec<_>>()
        ),
    }
}

fn wide_row(card: &CheckedCard, days: Value, met: bool) -> Row {
    let values = vec![n("0.85"), days, n("3"), Value::Bool(met), n("1")];
    assert_eq!(values.len(), card.inputs().len());
    Row {
        line: 7,
        employee: Employee {
            id: "W1".into(),
            ..Employee::default()
        },
        values,
    }
}

#[test]
fn explain_covers_late_scaled_bonus_cap_band_and_output() {
    let card = wide();
    let result = score(&card, &wide_row(&card, n("2"), false));
    let text = explain(&card, &result);
    assert!(
        text.contains("完成率 85%, in the tier “80% or more: 2 off”: 8 of 10  [wide.card line 12]"),
        "{text}"
    );
    assert!(
        text.contains("工作失误: 1 × 3 = −3  [wide.card line 15]"),
        "{text}"
    );
    assert!(text.contains("sum 8 − 3 = 5"), "{text}");
    assert!(
        text.contains("迟报天数 late by 2 day(s) × 1 = 2 off: 2 of 4  [wide.card line 19]"),
        "{text}"
    );
    assert!(
        text.contains("达标: no; the item's requirement is not met: 1 of 4"),
        "{text}"
    );
    assert!(
        text.contains("报表管理 3.75 of 10 (items 3 of 8, scaled to 10)"),
        "{text}"
    );
    assert!(text.contains("表扬: 3 × 2 = +6"), "{text}");
    assert!(
        text.contains("the lines add up to +6, capped at +3"),
        "{text}"
    );
    assert!(text.contains("total = sections 8.75 + 3 = 11.75"), "{text}");
    assert!(
        text.contains("total 11.75, below 18 points: grade 合格"),
        "{text}"
    );
    assert!(
        text.contains("total 11.75, in the tier “10 or more”: 考核系数 1"),
        "{text}"
    );
    assert!(text.contains("绩效奖金 = 1000 元 × 1 = 1,000.00"), "{text}");
}

#[test]
fn explain_says_when_a_late_report_is_missing() {
    let card = wide();
    let text = explain(&card, &score(&card, &wide_row(&card, Value::Missing, true)));
    assert!(
        text.contains("迟报天数 not reported: 0 of 4  [wide.card line 19]"),
        "{text}"
    );
}

#[test]
fn json_written_a_row_at_a_time_is_the_whole_document_pretty_printed() {
    let card = card();
    let traced = score(&card, &zhang_san(&card));
    let plain = crate::eval::evaluate_untraced(&card, &zhang_san(&card)).expect("row evaluates");
    let notes = ["a note".to_string(), "two\nlines \"quoted\"".to_string()];
    for results in [vec![], vec![plain.clone()], vec![traced, plain]] {
        for notes in [&[][..], &notes[..]] {
            let mut doc = json(&card, &results);
            if !notes.is_empty() {
                doc["notes"] = serde_json::json!(notes);
            }
            let mut got = Vec::new();
            write_json_rows(&card, &results, false, notes, &mut got).unwrap();
            let got = String::from_utf8(got).unwrap();
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(&got).unwrap(),
                doc
            );
            // The card pretty-printed as serde_json prints it; each employee
            // a compact object on a line of its own.
            let card_text = serde_json::to_string_pretty(&doc["card"]).unwrap();
            assert!(
                got.starts_with(&format!(
                    "{{\n  \"card\": {}",
                    card_text.replace('\n', "\n  ")
                )),
                "{got}"
            );
            for (line, employee) in got
                .lines()
                .filter(|l| l.starts_with("    {"))
                .zip(doc["employees"].as_array().unwrap())
            {
                let line = line.trim_start().trim_end_matches(',');
                assert_eq!(line, serde_json::to_string(employee).unwrap());
            }
            assert_eq!(
                got.lines().filter(|l| l.starts_with("    {")).count(),
                results.len()
            );
            assert!(got.ends_with("}\n"));
            // JSON Lines: each employee's object, then the notes.
            let mut lines = Vec::new();
            write_json_rows(&card, &results, true, notes, &mut lines).unwrap();
            let lines: Vec<serde_json::Value> = String::from_utf8(lines)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            let mut want: Vec<serde_json::Value> = doc["employees"].as_array().unwrap().clone();
            if !notes.is_empty() {
                want.push(serde_json::json!({ "notes": notes }));
            }
            assert_eq!(lines, want);
        }
    }
}

#[test]
fn a_detail_sheet_past_the_row_limit_goes_on_over_new_sheets_and_says_so() {
    use calamine::{Reader, Xlsx};
    let card = card();
    let results: Vec<ScoreResult> = (0..3).map(|_| score(&card, &zhang_san(&card))).collect();
    // The detail lists the items that lost points and the blocks that
    // added or took some.
    let r = &results[0];
    let lost = card
        .items()
        .iter()
        .zip(&r.scores.items)
        .filter(|(item, score)| **score != item.points)
        .count();
    let applied = r.scores.adjustments.iter().filter(|a| !a.is_zero()).count();
    let per_person = (lost + applied) as u32;
    assert!(per_person > 1, "the test needs rows to split");
    let limit = per_person + 1;
    // The workbook's sheets and headings in Chinese, as HR gets them.
    let zh = |f: &dyn Fn() -> Vec<u8>| crate::i18n::with_lang(crate::i18n::Lang::Zh, f);
    let bytes = zh(&|| {
        super::xlsx::one_card(&card, &results, &[], &[], &[], &Options::default(), limit)
            .expect("a workbook")
    });
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(&bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["汇总", "明细", "明细 (2)", "明细 (3)", "说明"]
    );
    let mut rows = 0;
    for name in ["明细", "明细 (2)", "明细 (3)"] {
        let sheet = book.worksheet_range(name).unwrap();
        // A heading saying which rows are listed, then the header.
        let heading = sheet.get((0, 0)).map(|c| c.to_string()).unwrap_or_default();
        assert!(
            heading.contains("未列出的考核项得满分"),
            "{name}: {heading}"
        );
        assert_eq!(
            sheet.get((1, 0)).map(|c| c.to_string()).as_deref(),
            Some("工号")
        );
        assert!(sheet.height() as u32 <= limit + 2, "{name}");
        rows += sheet.height() - 2;
    }
    assert_eq!(
        rows as u32,
        3 * per_person,
        "every listed row is written once"
    );
    let notes = book.worksheet_range("说明").unwrap();
    let note = notes.get((1, 0)).unwrap().to_string();
    assert!(note.contains("明细 (3)"), "{note}");
    // The same results, the same bytes.
    let again = zh(&|| {
        super::xlsx::one_card(&card, &results, &[], &[], &[], &Options::default(), limit).unwrap()
    });
    assert!(again == bytes, "a workbook differs from run to run");
}

#[test]
fn the_workbook_prints_landscape_on_a4_with_its_header_row_on_every_page() {
    use calamine::{Data, Reader, Xlsx};
    use std::io::Read;
    let card = card();
    let mut first = score(&card, &zhang_san(&card));
    // An id with leading zeros stays text, zeros and all.
    first.employee.id = "00123".into();
    first.employee.period = Some(crate::period::Period::month(2026, 10));
    let bytes = xlsx_bytes(&card, &[first], &[], &Options::default()).expect("a workbook");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(&bytes)).unwrap();
    let names = book.sheet_names();
    let summary = book.worksheet_range(&names[0]).unwrap();
    assert_eq!(summary.get((1, 0)), Some(&Data::String("00123".into())));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    for sheet in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
        let mut xml = String::new();
        zip.by_name(sheet)
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        assert!(xml.contains(r#"paperSize="9""#), "{sheet}: A4");
        assert!(xml.contains(r#"orientation="landscape""#), "{sheet}");
        assert!(xml.contains(r#"fitToHeight="0""#), "{sheet}: one page wide");
        assert!(xml.contains("<pane "), "{sheet}: frozen panes");
        // The card and the period in the page header; the page in the footer.
        assert!(
            xml.contains("市场部客服回访专员绩效考核表 2026-10"),
            "{sheet}"
        );
        assert!(xml.contains("&amp;P") && xml.contains("&amp;N"), "{sheet}");
    }
    // A detail row is as tall as its reason: 张三's reasons take two lines
    // or more somewhere, and no row is taller than Excel allows.
    let mut detail = String::new();
    zip.by_name("xl/worksheets/sheet2.xml")
        .unwrap()
        .read_to_string(&mut detail)
        .unwrap();
    assert!(detail.contains(r#"customHeight="1""#), "no row made taller");
    let mut styles = String::new();
    zip.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    // Every cell at the top of its row, so a tall row reads across.
    assert!(
        styles.contains(r#"<alignment vertical="top"/>"#),
        "{styles}"
    );
    let mut workbook = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    assert!(
        workbook.contains("_xlnm.Print_Titles"),
        "the header row repeats on every page"
    );
    // The detail's header is below its heading.
    assert!(workbook.contains("Detail!$2:$2"), "{workbook}");
}

#[test]
fn a_pay_cards_json_has_no_total_grade_or_rank() {
    let text = "scorecard 工资 { input 底薪 money  output 实发 money = 底薪 * 2 }";
    let card = crate::compile(&SourceFile::new("pay.card", text.to_string()))
        .expect("the card checks")
        .into_card();
    let row = Row {
        line: 2,
        employee: Employee {
            id: "E1".into(),
            ..Employee::default()
        },
        values: vec![Value::Num(Decimal::from(1000))],
    };
    let results = vec![score(&card, &row)];
    for lines in [false, true] {
        let mut out = Vec::new();
        write_json_rows(&card, &results, lines, &[], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let employee: serde_json::Value = if lines {
            serde_json::from_str(text.lines().next().unwrap()).unwrap()
        } else {
            serde_json::from_str::<serde_json::Value>(&text).unwrap()["employees"][0].clone()
        };
        for key in ["total", "sections_total", "grade", "ranks"] {
            assert!(employee.get(key).is_none(), "{key} in {employee}");
        }
        // 2000 yuan, to the fen.
        let fen: serde_json::Value = serde_json::from_str("2000.00").unwrap();
        assert_eq!(employee["outputs"][0]["value"], fen);
        // The same as the whole document's, built at once.
        assert_eq!(employee, json(&card, &results)["employees"][0]);
    }
}
