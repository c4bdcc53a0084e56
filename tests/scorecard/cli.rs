//! The `scorecard` binary as a user runs it: exit codes, stdin, help, and
//! what a person sees when a data file is wrong.

use crate::common;
use std::io::Write;
use std::process::{Command, Output, Stdio};

pub fn scorecard(args: &[&str]) -> Output {
    run(args, None)
}

pub fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .env(common::ENGLISH.0, common::ENGLISH.1)
        .args(args)
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the scorecard binary runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("scorecard finishes")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub(crate) fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

const S1: &str = "rules/callback_specialist.card";
const EXAMPLE: &str = "examples/callback_specialists.csv";

#[test]
fn the_readme_example_scores_every_specialist() {
    let out = scorecard(&["eval", S1, EXAMPLE]);
    assert_eq!(code(&out), 0, "stderr:\n{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for id in ["HF101", "HF110", "HF120"] {
        assert!(stdout.contains(id), "{id} missing from:\n{stdout}");
    }
}

#[test]
fn every_output_format_renders_the_example() {
    for format in ["table", "json", "csv", "md"] {
        let out = scorecard(&["eval", S1, EXAMPLE, "--format", format]);
        assert_eq!(code(&out), 0, "--format {format}: {}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("HF105"),
            "--format {format} lacks HF105"
        );
    }
}

#[test]
fn csv_output_can_start_with_a_bom_for_excel() {
    let out = scorecard(&["eval", S1, EXAMPLE, "--format", "csv", "--bom"]);
    assert!(
        out.stdout.starts_with("\u{feff}".as_bytes()),
        "no BOM at the start"
    );
}

#[test]
fn an_invalid_card_exits_3_with_a_located_message() {
    let out = scorecard(&["check", "tests/cards/check/unknown_name.card"]);
    assert_eq!(code(&out), 3);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("error[unknown-name]"), "{stderr}");
    assert!(
        stderr.contains("tests/cards/check/unknown_name.card:7:16"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `反馈及时率`?"), "{stderr}");
}

#[test]
fn check_json_lists_diagnostics_on_stdout() {
    let out = scorecard(&[
        "check",
        "--format",
        "json",
        "tests/cards/check/output_cycle.card",
    ]);
    assert_eq!(code(&out), 3);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(json[0]["code"], "cycle");
    assert_eq!(json[0]["line"], 8);
}

#[test]
fn eval_with_an_invalid_card_exits_3() {
    let out = scorecard(&["eval", "tests/cards/check/tiers_overlap.card", EXAMPLE]);
    assert_eq!(code(&out), 3);
}

#[test]
fn bad_data_exits_1_and_scores_nothing() {
    let out = scorecard(&["eval", S1, "tests/bad_data/bad_cells.csv"]);
    assert_eq!(code(&out), 1);
    assert!(
        out.stdout.is_empty(),
        "nothing should be scored:\n{}",
        text(&out.stdout)
    );
    insta::assert_snapshot!(text(&out.stderr));
}

#[test]
fn keep_going_scores_the_good_rows_and_still_exits_1() {
    let out = scorecard(&[
        "eval",
        S1,
        "tests/bad_data/bad_cells.csv",
        "--keep-going",
        "--format",
        "csv",
    ]);
    assert_eq!(code(&out), 1);
    let stdout = text(&out.stdout);
    let rows: Vec<&str> = stdout.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(rows.len(), 2, "header and the one good row:\n{stdout}");
    // The defaults the file left to the card are said in the report itself.
    assert!(
        stdout.contains("# tests/bad_data/bad_cells.csv:2: no columns for"),
        "{stdout}"
    );
    assert!(stdout.contains("B1,好行"), "{stdout}");
    assert!(text(&out.stderr).contains("5 bad row(s) left out; 1 row(s) scored"));
}

#[test]
fn data_can_come_from_stdin() {
    let rows = r#"[{"工号": "M9", "满意率": "96%", "预约台次": 1, "迟报天数": 0, "演练次数": 2, "评分": 5}]"#;
    let out = run(
        &[
            "eval",
            "tests/cards/valid/tour.card",
            "-",
            "--input-format",
            "json",
            "--format",
            "csv",
        ],
        Some(rows),
    );
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("M9"), "{}", text(&out.stdout));
}

#[test]
fn stdin_without_a_format_is_a_usage_error() {
    let out = run(&["eval", "tests/cards/valid/tour.card", "-"], Some(""));
    assert_eq!(code(&out), 2);
    assert!(text(&out.stderr).contains("--input-format"));
}

#[test]
fn a_card_can_come_from_stdin() {
    let card = std::fs::read_to_string(common::root().join("tests/cards/valid/tour.card"))
        .expect("tour card");
    let out = run(&["check", "-"], Some(&card));
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
}

#[test]
fn explain_one_employee_quotes_the_rules() {
    let out = scorecard(&[
        "explain",
        S1,
        "tests/data/s1_typical_month.csv",
        "--employee",
        "R1",
    ]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("张三 (R1"), "{stdout}");
    assert!(!stdout.contains("李四"), "only R1 was asked for:\n{stdout}");
    assert!(
        stdout.contains("反馈及时率 96%; under “达95%以上(含95%)绩效扣 1份” it scores 4 of 5"),
        "{stdout}"
    );
    assert!(!stdout.contains("`>= 95% : minus 1`"), "{stdout}");
}

#[test]
fn explain_an_unknown_employee_exits_1() {
    let out = scorecard(&["explain", S1, EXAMPLE, "--employee", "NOBODY"]);
    assert_eq!(code(&out), 1);
    assert!(text(&out.stderr).contains("no employee `NOBODY`"));
}

#[test]
fn a_missing_data_file_exits_1() {
    let out = scorecard(&["eval", S1, "no/such/file.csv"]);
    assert_eq!(code(&out), 1);
    assert!(text(&out.stderr).contains("no/such/file.csv"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(code(&scorecard(&["eval", S1])), 2);
    assert_eq!(code(&scorecard(&["frobnicate"])), 2);
    assert_eq!(
        code(&scorecard(&["eval", S1, EXAMPLE, "--format", "pdf"])),
        2
    );
}

#[test]
fn every_command_has_help_with_an_example() {
    for command in ["check", "eval", "explain"] {
        let out = scorecard(&[command, "--help"]);
        assert_eq!(code(&out), 0);
        let help = text(&out.stdout);
        assert!(
            help.contains("Examples:"),
            "`scorecard {command} --help` shows no example:\n{help}"
        );
    }
}

#[test]
fn a_runaway_hook_fails_its_row_and_keep_going_scores_the_rest() {
    let card = "tests/cards/runtime/runaway_hook.card";
    let data = "tests/bad_data/runaway_hook.csv";
    let out = scorecard(&["eval", card, data]);
    assert_eq!(code(&out), 1);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "runaway_hook.csv:3 (R2 乙): hook `提成` ran for more than 100000 steps and was stopped"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("runaway_hook.csv:4 (R3 丙): hook `提成` returned text \"九十九\", but the card declares it gives an amount of money, in tests/cards/runtime/runaway_hook.card:6:32"),
        "{stderr}"
    );
    assert!(text(&out.stdout).is_empty(), "nothing is scored by default");

    let out = scorecard(&["eval", card, data, "--keep-going", "--format", "csv"]);
    assert_eq!(code(&out), 1);
    let stdout = text(&out.stdout);
    // 3 × 30 and 2 × 30; the two bad rows are left out. (The card's
    // version, none, and hash close each row.)
    let line = |id: &str| stdout.lines().find(|l| l.starts_with(id)).unwrap_or("");
    assert!(line("R1,甲").contains(",90.00,,sha256:"), "{stdout}");
    assert!(line("R4,丁").contains(",60.00,,sha256:"), "{stdout}");
    assert!(!stdout.contains("R2") && !stdout.contains("R3"), "{stdout}");
}

const SPECIALIST_PAY: &str = "rules/cs_specialist_pay.card";
const FROM_S1: &str =
    "月度考核分数=rules/callback_specialist.card:total,examples/callback_specialists.csv";

#[test]
fn from_feeds_one_cards_total_into_another_cards_input() {
    let out = scorecard(&[
        "explain",
        SPECIALIST_PAY,
        "examples/cs_specialist_pay.csv",
        "--from",
        FROM_S1,
        "--employee",
        "HF101",
    ]);
    assert_eq!(code(&out), 0, "stderr:\n{}", text(&out.stderr));
    // HF101's S1 total, as `scorecard eval` of the S1 card gives it.
    let s1 = scorecard(&["eval", S1, EXAMPLE, "--format", "csv"]);
    let s1 = text(&s1.stdout);
    let header: Vec<&str> = s1.lines().next().unwrap().split(',').collect();
    let total_column = header.iter().position(|h| *h == "total").unwrap();
    let row = s1.lines().find(|l| l.starts_with("HF101,")).unwrap();
    let total = row.split(',').nth(total_column).unwrap();
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(&format!("月度考核分数 {total}")),
        "the explanation should show the fed score {total}:\n{stdout}"
    );
}

#[test]
fn from_without_a_result_for_an_employee_fails_that_row() {
    // The pay data's ids are HF101 …; this S1 month scores only R1 and R2,
    // so no row can be fed: each is an error, never a score of zero.
    let out = scorecard(&[
        "eval",
        SPECIALIST_PAY,
        "examples/cs_specialist_pay.csv",
        "--from",
        "月度考核分数=rules/callback_specialist.card:total,tests/data/s1_typical_month.csv",
    ]);
    assert_eq!(code(&out), 1);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("examples/cs_specialist_pay.csv:6 (HF101): no result for this employee in tests/data/s1_typical_month.csv (scored by rules/callback_specialist.card), so `月度考核分数` is unknown"),
        "{stderr}"
    );
}

#[test]
fn from_checks_the_key_and_its_kind() {
    let unknown = scorecard(&[
        "eval",
        SPECIALIST_PAY,
        "examples/cs_specialist_pay.csv",
        "--from",
        "月度考核分数=rules/callback_specialist.card:totl,examples/callback_specialists.csv",
    ]);
    assert_eq!(code(&unknown), 2);
    assert!(
        text(&unknown.stderr).contains("rules/callback_specialist.card has no `totl`"),
        "{}",
        text(&unknown.stderr)
    );
    let wrong_kind = scorecard(&[
        "eval",
        SPECIALIST_PAY,
        "examples/cs_specialist_pay.csv",
        "--from",
        "保险保费=rules/callback_specialist.card:total,examples/callback_specialists.csv",
    ]);
    assert_eq!(code(&wrong_kind), 2);
    assert!(
        text(&wrong_kind.stderr)
            .contains("`total` of rules/callback_specialist.card is a number, but input `保险保费` takes an amount of money"),
        "{}",
        text(&wrong_kind.stderr)
    );
}

#[test]
fn a_rank_above_the_number_ranked_stops_that_row() {
    let out = scorecard(&[
        "eval",
        "rules/cs_manager_pay.card",
        "tests/bad_data/s2_rank_above_total.csv",
    ]);
    assert_eq!(code(&out), 1);
    let stderr = text(&out.stderr);
    assert!(
        // The card requires it of the data (the hook would stop the row too).
        stderr.contains("s2_rank_above_total.csv:3: 全国排名要在1到参评经销商总数之间 (`主机厂服务满意度全国排名` is 41, `参评经销商总数` is 40)"),
        "{stderr}"
    );
}

#[test]
fn every_pay_card_scores_its_example() {
    for (card, data) in [
        ("rules/cs_manager_pay.card", "examples/cs_manager_pay.csv"),
        (
            "rules/cs_supervisor_pay.card",
            "examples/cs_supervisor_pay.csv",
        ),
        ("rules/sales_pay.card", "examples/sales_pay.csv"),
        (
            "rules/service_manager_pay.card",
            "examples/service_manager_pay.csv",
        ),
    ] {
        let out = scorecard(&["eval", card, data]);
        assert_eq!(code(&out), 0, "{card}: {}", text(&out.stderr));
        assert!(!text(&out.stdout).is_empty(), "{card}: no output");
    }
}

const BY_BRAND: &str = "examples/callback_specialists_by_brand.csv";

#[test]
fn show_prints_the_resolved_card_as_a_card() {
    let out = scorecard(&["show", "rules/brands/GL8/callback_specialist.card"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout
            .contains("// removed in rules/brands/GL8/callback_specialist.card:21: item 市场沟通"),
        "{stdout}"
    );
    assert!(!stdout.contains("extends \""), "{stdout}");
    // What it prints checks as a card of its own.
    let out = run(&["check", "-"], Some(&stdout));
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
}

#[test]
fn show_still_prints_a_card_whose_overrides_do_not_add_up() {
    let out = scorecard(&[
        "show",
        "tests/cards/compose/errors/weights_after_override.card",
    ]);
    assert_eq!(code(&out), 3);
    assert!(text(&out.stdout).contains("section 日常工作 weight 9 {  // weight changed in"));
    assert!(text(&out.stderr).contains("error[weight-mismatch]"));
}

#[test]
fn a_card_that_extends_a_missing_file_exits_3() {
    let out = scorecard(&["check", "tests/cards/compose/errors/missing_base.card"]);
    assert_eq!(code(&out), 3);
    assert!(
        text(&out.stderr).contains("error[missing-card]"),
        "{}",
        text(&out.stderr)
    );
}

/// The month of the README: the appraisal sheet, the booking system's
/// export and finance's report, joined by employee.
const MONTH: [&str; 3] = [
    BY_BRAND,
    "examples/booking_export.csv",
    "examples/finance_report.csv",
];

fn eval_month(extra: &[&str]) -> Output {
    let mut args = vec!["eval", "rules/"];
    args.extend(MONTH);
    args.extend(extra);
    scorecard(&args)
}

#[test]
fn eval_with_a_rules_directory_scores_each_row_by_its_card() {
    let out = eval_month(&[]);
    assert_eq!(code(&out), 0, "stderr:\n{}", text(&out.stderr));
    insta::assert_snapshot!(text(&out.stdout));
}

#[test]
fn eval_with_a_manifest_as_csv_has_a_card_column_in_data_order() {
    let mut args = vec!["eval", "rules/scorecard.toml"];
    args.extend(MONTH);
    args.extend(["--format", "csv"]);
    let out = scorecard(&args);
    assert_eq!(code(&out), 0, "stderr:\n{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let mut lines = stdout.lines();
    let header = lines.next().unwrap_or_default();
    assert!(header.starts_with("id,name,brand,store,card,"), "{header}");
    // (The notes close the report as `#` lines.)
    let ids: Vec<&str> = lines
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split(',').next().unwrap_or(""))
        .collect();
    // Each employee's appraisal, then the pay it feeds, in the data's order.
    let expected: Vec<String> = (101..=120)
        .flat_map(|n| [format!("HF{n}"), format!("HF{n}")])
        .collect();
    assert_eq!(ids, expected, "rows keep the data file's order");
    assert!(
        stdout.contains("HF102,李娜,GL8,一店,回访专员_GL8,"),
        "{stdout}"
    );
    assert!(
        stdout.contains("HF102,李娜,GL8,一店,客服专员绩效,"),
        "{stdout}"
    );
}

#[test]
fn eval_with_a_manifest_as_json_lists_each_card() {
    let out = eval_month(&["--format", "json"]);
    assert_eq!(code(&out), 0, "stderr:\n{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let cards: Vec<(&str, usize)> = json["cards"]
        .as_array()
        .expect("cards")
        .iter()
        .map(|c| {
            let n = c["employees"].as_array().map_or(0, Vec::len);
            (c["card"]["name"].as_str().unwrap_or(""), n)
        })
        .collect();
    let total: usize = cards.iter().map(|c| c.1).sum();
    assert_eq!(total, 40, "twenty appraised, twenty paid: {cards:?}");
    assert!(cards.contains(&("回访专员_君威一店", 3)), "{cards:?}");
    assert!(cards.contains(&("客服专员绩效", 20)), "{cards:?}");
    let pay = json["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["card"]["name"] == "客服专员绩效")
        .unwrap();
    assert_eq!(pay["step"], "绩效工资");
}

#[test]
fn explain_with_a_rules_directory_uses_each_rows_card() {
    let mut args = vec!["explain", "rules/"];
    args.extend(MONTH);
    args.extend(["--employee", "HF102"]);
    let out = scorecard(&args);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("card rules/brands/GL8/callback_specialist.card"),
        "{stdout}"
    );
    assert!(stdout.contains("商务客户回访"), "{stdout}");
    // Then the pay her appraisal fed.
    let pay = stdout
        .find("card rules/cs_specialist_pay.card")
        .expect("the pay card");
    assert!(
        stdout.find("callback_specialist.card").unwrap() < pay,
        "{stdout}"
    );
}

#[test]
fn a_row_no_card_scores_is_reported_and_nothing_is_scored() {
    let rows = r#"[{"工号": "T1", "岗位": "技师", "品牌": "君威"}]"#;
    let out = run(
        &["eval", "rules/", "-", "--input-format", "json"],
        Some(rows),
    );
    assert_eq!(code(&out), 1);
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("<stdin>: record 1: column `岗位`: `T1` has role `技师`, and rules/scorecard.toml lists no card for that\n  help: did you mean `维修技师`?"),
        "{stderr}"
    );
}

#[test]
fn without_a_role_column_the_role_is_asked_for() {
    let out = scorecard(&["eval", "rules/", EXAMPLE]);
    assert_eq!(code(&out), 1);
    assert!(
        text(&out.stderr).contains("no role column"),
        "{}",
        text(&out.stderr)
    );
    let out = scorecard(&["eval", S1, EXAMPLE, "--role", "回访专员"]);
    assert_eq!(code(&out), 2, "--role needs a rules directory");
}

#[test]
fn a_rules_directory_without_a_manifest_exits_3() {
    let out = scorecard(&["eval", "tests/", EXAMPLE]);
    assert_eq!(code(&out), 3);
    assert!(
        text(&out.stderr).contains("scorecard.toml"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn check_a_rules_directory_checks_its_manifest_and_every_card() {
    let out = scorecard(&["check", "rules/"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("ok: rules/scorecard.toml — "),
        "{}",
        text(&out.stdout)
    );
    let out = scorecard(&["check", "tests/manifests/bad/"]);
    assert_eq!(code(&out), 3);
    insta::assert_snapshot!(text(&out.stderr));
}

const QUARTERLY: &str = "tests/cards/valid/quarterly.card";

const MONTHS: &str = "tests/data/quarterly.csv";

#[test]
fn monthly_rows_roll_up_to_the_cards_quarter() {
    let out = scorecard(&["eval", QUARTERLY, MONTHS, "--rollup", "--format", "csv"]);
    assert_eq!(code(&out), 0, "stderr:\n{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let mut lines = stdout.lines();
    let header = lines.next().unwrap_or_default();
    assert!(
        header.starts_with("id,name,brand,store,period,"),
        "{header}"
    );
    assert!(
        header.contains(",店内名次,店内名次.size,季度奖"),
        "{header}"
    );
    let ids: Vec<&str> = lines
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split(',').next().unwrap_or(""))
        .collect();
    assert_eq!(ids, ["Q1", "Q2", "Q5", "Q3"], "first-seen order:\n{stdout}");
    assert!(stdout.contains("Q3,孙悦,,一店,2026-Q4,"), "{stdout}");
    // Periods left out by the card's `partial` rule are said, but are not
    // errors: on stderr, and in the report's notes.
    let left_out = [
        "tests/data/quarterly.csv: Q4 2026-Q4 is not scored: 1 month(s) (2026-12), and the card's `partial` rule asks for at least 2",
        "tests/data/quarterly.csv: Q1 2027-Q1 is not scored: 1 month(s) (2027-01), and the card's `partial` rule asks for at least 2",
        "amounts are worked out exactly and reported rounded to the fen (0.01 yuan, halves away from zero); `客服季度` does not say how to round money (`round money to 0.01 at each step` or `… at the end`)",
    ];
    assert_eq!(
        text(&out.stderr),
        format!(
            "note: {}\nnote: {}\nnote: {}\n",
            left_out[0], left_out[1], left_out[2]
        )
    );
    assert!(
        stdout.ends_with(&format!(
            "# {}\n# {}\n# {}\n",
            left_out[0], left_out[1], left_out[2]
        )),
        "{stdout}"
    );
}

#[test]
fn monthly_rows_on_a_quarterly_card_need_rollup() {
    let out = scorecard(&["eval", QUARTERLY, MONTHS]);
    assert_eq!(code(&out), 2);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("the rows are monthly, but the card `客服季度` is scored by quarter"),
        "{stderr}"
    );
    assert!(stderr.contains("add --rollup"), "{stderr}");
    assert!(text(&out.stdout).is_empty());
}

#[test]
fn rollup_on_a_card_that_does_not_roll_up_is_a_usage_error() {
    let out = scorecard(&["eval", S1, EXAMPLE, "--rollup"]);
    assert_eq!(code(&out), 2);
    assert!(text(&out.stderr).contains("--rollup needs a card that rolls months up"));
}

#[test]
fn explain_a_rolled_up_row_names_its_months() {
    let out = scorecard(&["explain", QUARTERLY, MONTHS, "--rollup", "--employee", "Q3"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("rolled up from 2 of 3 months: 2026-11 (line 52), 2026-12 (line 56)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("解决率 = 解决数 192 / 受理数 200 = 96%"),
        "{stdout}"
    );
}

#[test]
fn ranks_show_place_and_group_size_in_every_format() {
    let card = "tests/cards/valid/ranks.card";
    let data = "tests/data/ranks.csv";
    let csv = text(&scorecard(&["eval", card, data, "--format", "csv"]).stdout);
    assert!(
        csv.lines()
            .next()
            .unwrap_or_default()
            .ends_with("grade,店内名次,店内名次.size,品牌名次,品牌名次.size,投诉名次,投诉名次.size,排名奖,品牌前三,店内人数,card_version,card_hash"),
        "{csv}"
    );
    assert!(csv.contains("\nB2,郑七,GL8,二店,"), "{csv}");
    assert!(
        csv.contains(",称职,1,5,1,5,10,10,500.00,100.00,5,"),
        "{csv}"
    );
    let table = text(&scorecard(&["eval", card, data]).stdout);
    assert!(table.contains("10 of 10"), "{table}");
    let json = text(&scorecard(&["eval", card, data, "--format", "json"]).stdout);
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    let b2 = &value["employees"][6];
    assert_eq!(b2["id"], "B2");
    assert_eq!(b2["ranks"][2]["place"], 10);
    assert_eq!(b2["ranks"][2]["tied"], 1);
    assert_eq!(b2["pushed"][0]["from"], "优秀");
    assert_eq!(b2["pushed"][0]["to"], "称职");
}
