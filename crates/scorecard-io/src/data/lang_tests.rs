//! Data problems in the reader's language: Chinese by default, as an HR
//! officer reads them, and English; the whole list for a bad file is
//! snapshotted in both.

use super::testing::service_card;
use super::*;
use crate::i18n::{with_lang, Lang};
use crate::run::Note;
use crate::source::SourceFile;
use crate::value::Value;

fn read_csv(card: &CheckedCard, text: &str, name: &str) -> DataSet {
    read_from(card, text.as_bytes(), DataFormat::Csv, name)
}

fn errors(set: &DataSet) -> Vec<String> {
    set.errors.iter().map(ToString::to_string).collect()
}

#[test]
fn a_missing_column_with_a_near_miss_header_says_which_and_how_to_fix_it() {
    let text = "工号,反馈及时律,奖金,参加培训\nE1,98%,1200,是\n";
    let zh = with_lang(Lang::Zh, || {
        errors(&read_csv(&service_card(), text, "五月.csv"))
    });
    assert_eq!(
        zh,
        [
            "五月.csv 第1行：数据中没有必填输入 `反馈及时率`（`feedback_rate`） 的列\n  \
          提示：是不是 `反馈及时律` 这一列？表头必须与输入的名称或标签完全一致"
        ]
    );
}

#[test]
fn a_header_like_an_input_with_a_default_is_an_error_in_chinese() {
    let text = "工号,反馈及时率,日报迟报次数x,奖金,参加培训\nE1,98%,1,1200,是\n";
    let zh = with_lang(Lang::Zh, || {
        errors(&read_csv(&service_card(), text, "五月.csv"))
    });
    assert_eq!(
        zh,
        ["五月.csv 第1行：列 `日报迟报次数x`：这一列不对应考核表中的任何输入，但与 `日报迟报次数` 很像\n  \
          提示：如果就是 `日报迟报次数`，请把表头改为 `日报迟报次数`；如果是别的列，请在 scorecard.toml 的 `[data] ignore` 中列出（或加 --lenient 运行）"]
    );
}

#[test]
fn a_row_without_an_id_names_its_line_and_column() {
    let text = "工号,反馈及时率,奖金,参加培训\nE1,98%,1200,是\n,97%,800,否\n";
    let zh = with_lang(Lang::Zh, || {
        errors(&read_csv(&service_card(), text, "五月.csv"))
    });
    assert_eq!(zh, ["五月.csv 第3行：列 `工号`：没有填写员工工号"]);
}

#[test]
fn an_impossible_count_shows_the_cards_rule_and_the_values() {
    const CARD: &str = r#"
scorecard 技师 {
    period monthly
    total 100
    input 质检台次 count "质检台次"
    input 质检合格 count "质检一次合格台次"
    require 质检合格 <= 质检台次 "合格台次不能多于质检台次"
    section 质量 weight 100 { item 合格 100 { by 质检合格 / 质检台次 { >= 98% : full  else : 0 } } }
}
"#;
    let card = crate::compile(&SourceFile::new("rules/技师.card", CARD))
        .expect("the card checks")
        .into_card();
    let text = "工号,质检台次,质检一次合格台次\nT1,50,49\nT2,50,120\n";
    let zh = with_lang(Lang::Zh, || errors(&read_csv(&card, text, "技师.csv")));
    assert_eq!(
        zh,
        ["技师.csv 第3行：合格台次不能多于质检台次（`质检台次` 为 50、`质检一次合格台次` 为 120）\n  \
          提示：考核表要求 `质检合格 <= 质检台次`（rules/技师.card 第7行）；请改正这一行数据；如果是规则写错了，请改正考核表"]
    );
}

#[test]
fn a_gbk_file_is_read_and_the_note_says_so_in_chinese() {
    // "工号,反馈及时率,奖金,参加培训\nE1,98%,1200,是\n" as Excel's plain "CSV" saves it on a Chinese Windows.
    let text = "工号,反馈及时率,奖金,参加培训\nE1,98%,1200,是\n";
    let bytes = encoding_rs::GB18030.encode(text).0.into_owned();
    let set = read_from(&service_card(), &bytes[..], DataFormat::Csv, "五月.csv");
    assert!(set.errors.is_empty(), "{:?}", errors(&set));
    assert_eq!(set.rows.len(), 1);
    let note = Note::decoded("五月.csv", Some(TextEncoding::Gb18030)).expect("a note");
    let zh = with_lang(Lang::Zh, || note.to_string());
    assert_eq!(zh, "五月.csv：文件不是 UTF-8 编码，已按 GB18030 (GBK) 读取");
    let en = with_lang(Lang::En, || note.to_string());
    assert_eq!(
        en,
        "五月.csv: the file is not UTF-8, so it was read as GB18030 (GBK) text"
    );
}

#[test]
fn defaults_used_and_booleans_speak_chinese() {
    let text = "工号,反馈及时率,奖金,参加培训\nE1,98%,1200,是\n";
    let set = with_lang(Lang::Zh, || read_csv(&service_card(), text, "五月.csv"));
    let defaults: Vec<String> = set
        .warnings
        .iter()
        .filter(|w| w.kind == DataProblemKind::DefaultUsed)
        .map(|w| with_lang(Lang::Zh, || w.to_string()))
        .collect();
    assert_eq!(
        defaults,
        ["五月.csv 第1行：数据中没有 `日报迟报次数`（`late_reports`） 列，所有人都按默认值 0 计算"]
    );
    let bools = |lang| {
        with_lang(lang, || {
            [true, false]
                .map(|b| crate::value::format_value(&Value::Bool(b), crate::value::Type::Bool))
        })
    };
    assert_eq!(bools(Lang::Zh), ["是", "否"]);
    assert_eq!(bools(Lang::En), ["yes", "no"]);
}

/// Every kind of bad cell, as one file: the list HR gets, in each language.
const BAD: &str = "\
工号,姓名,反馈及时率,日报迟报次数,迟交天数,奖金,参加培训
E1,张三,98%,0,,1200,是
E2,李四,abc,两次,,1200,是
E3,王五,98,1.5,,1.2万,也许
,赵六,101%,-1,,\"1,20\",否
E5,钱七,#DIV/0!,0,,1e3,
E1,孙八,97%,0,,800,否
";

fn bad_file_errors() -> String {
    let set = read_csv(&service_card(), BAD, "五月.csv");
    errors(&set).join("\n")
}

#[test]
fn a_bad_file_in_chinese() {
    insta::assert_snapshot!(with_lang(Lang::Zh, bad_file_errors));
}

#[test]
fn a_bad_file_in_english() {
    insta::assert_snapshot!(with_lang(Lang::En, bad_file_errors));
}
