//! Data that cannot be true is refused with the card's sentence, whatever way
//! the rows are read (streamed, in chunks, rolled up, every row at once), and
//! a station head is paid through the rules directory.

use crate::cli::{scorecard, text};
use std::path::PathBuf;

/// A data file in a fresh temporary directory (kept alive by the returned guard).
fn data(name: &str, body: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path: PathBuf = dir.path().join(name);
    std::fs::write(&path, body).expect("write data");
    (dir, path.display().to_string())
}

const TECHNICIAN_HEADER: &str = "工号,姓名,门店,完成工时,目标工时,服务满意度,有效投诉,技能考核,培训出勤,质检台次,质检一次合格台次,维修台次,返修台次,违反5S,迟到早退\n";

#[test]
fn passes_beyond_the_cars_inspected_are_refused_not_scored_full() {
    // The row: 120 first-time passes of 50 inspected used to score 10 of 10.
    let body = format!(
        "{TECHNICIAN_HEADER}T1,甲,一店,180,180,97%,,92,是,100,100,120,,,\nT2,乙,一店,180,180,97%,,92,是,50,120,120,,,\n"
    );
    let (_dir, file) = data("技师.csv", &body);
    let sentence = "一次合格的台次不能多于质检台次 (`质检台次` is 50, `质检一次合格台次` is 120)";
    for format in ["table", "csv"] {
        let out = scorecard(&[
            "eval",
            "rules/monthly/technician.card",
            &file,
            "--format",
            format,
        ]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{format}: {stderr}");
        assert!(
            stderr.contains(&format!("技师.csv:3: {sentence}")),
            "{format}: {stderr}"
        );
        assert!(
            stderr
                .contains("the card requires `质检合格 <= 质检台次` (rules/technician.card, line "),
            "{stderr}"
        );
        assert!(
            !text(&out.stdout).contains("T2"),
            "{format}: nothing is scored"
        );
    }
    let out = scorecard(&[
        "eval",
        "rules/monthly/technician.card",
        &file,
        "--format",
        "csv",
        "--keep-going",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("\nT1,甲,"), "{stdout}");
    assert!(!stdout.contains("T2"), "{stdout}");
}

#[test]
fn an_impossible_month_is_refused_before_the_quarter_is_rolled_up() {
    let months = "工号,姓名,门店,月份,完成工时,目标工时,服务满意度,有效投诉,技能考核,培训出勤,质检台次,质检合格,维修台次,返修台次,违反5S,迟到早退\n\
        M1,甲,一店,2026-01,180,180,97%,,92,是,40,40,50,,,\n\
        M1,甲,一店,2026-02,180,180,97%,,92,是,30,45,40,,,\n\
        M1,甲,一店,2026-03,180,180,97%,,92,是,30,30,60,,,\n";
    // Over the quarter 115 of 100 would be refused too; February alone is impossible.
    let (_dir, file) = data("季度.csv", months);
    let out = scorecard(&["eval", "rules/technician.card", &file, "--rollup"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "季度.csv:3: 一次合格的台次不能多于质检台次 (`质检台次` is 30, `质检合格` is 45)"
        ),
        "{stderr}"
    );
}

#[test]
fn more_solved_than_handled_is_refused_and_no_session_to_attend_is_scored() {
    let header = "工号,姓名,月份,受理问题数,解决问题数,再次上门数,响应总时长,处理总时长,来电总数,接通数,满意度等级,应维护客户数,已维护客户数,服务态度评分,团队协作评分,态度投诉,参加培训,应参加培训,培训成绩\n";
    let month = |id: &str, m: &str, handled: u32, solved: u32| {
        format!("{id},甲,2026-0{m},{handled},{solved},,400,2000,500,490,4.6,100,92,8,4,,0,0,\n")
    };
    let mut body = header.to_string();
    for m in ["1", "2", "3"] {
        // K1 solves 250 of 100 in February: impossible. K2 has no session to
        // attend all quarter (应参加培训 0), which is possible and scored.
        body += &month("K1", m, 100, if m == "2" { 250 } else { 95 });
        body += &month("K2", m, 100, 96).replace(",甲,", ",乙,");
    }
    let (_dir, file) = data("客服.csv", &body);
    let out = scorecard(&["eval", "rules/customer_service_kpi.card", &file, "--rollup"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("客服.csv:4: 解决的问题数不能多于处理的问题数 (`受理问题数` is 100, `解决问题数` is 250)"),
        "{stderr}"
    );
    assert_eq!(text(&out.stdout), "", "nothing is scored");
    // K2 alone: 288 of 300 solved (96%), no session to attend: by the card's
    // rule a perfect quarter, not a refused row.
    let k2: String = body
        .lines()
        .filter(|l| !l.starts_with("K1,"))
        .map(|l| format!("{l}\n"))
        .collect();
    let (_dir2, file) = data("客服2.csv", &k2);
    let out = scorecard(&[
        "eval",
        "rules/customer_service_kpi.card",
        &file,
        "--rollup",
        "--format",
        "csv",
    ]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let row = stdout.lines().find(|l| l.starts_with("K2,")).unwrap_or("");
    assert!(
        row.contains(",10,5,25,20,25,15,15,100,100,优秀,"),
        "{stdout}"
    );
}

#[test]
fn the_rules_directory_pays_a_station_head_with_the_minimum_applied_when_it_binds() {
    let out = scorecard(&[
        "eval",
        "rules/",
        "examples/service_station_head.csv",
        "--format",
        "csv",
    ]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let row = |id: &str| {
        stdout
            .lines()
            .find(|l| l.starts_with(&format!("{id},")))
            .unwrap_or_else(|| panic!("no row for {id}:\n{stdout}"))
            .to_string()
    };
    // The pay (服务站长月收入) leads, then 抱怨奖罚, 计算收入, 保底补足, to the fen.
    // Z1: 1500 and nothing else: 1500 made up to the 3000 guaranteed.
    assert!(row("Z1").contains(",服务站长收入,"), "{}", row("Z1"));
    assert!(
        row("Z1").contains(",3000.00,0.00,1500.00,1500.00,"),
        "{}",
        row("Z1")
    );
    // Z2: 1500 + 2000 = 3500, above the minimum: nothing made up.
    assert!(
        row("Z2").contains(",3500.00,2000.00,3500.00,0.00,"),
        "{}",
        row("Z2")
    );
    // Z3: 1500 + 500 - 800 = 1200: 1800 made up.
    assert!(
        row("Z3").contains(",3000.00,-300.00,1200.00,1800.00,"),
        "{}",
        row("Z3")
    );
}

#[test]
fn a_streamed_file_refuses_the_impossible_row_and_scores_the_rest() {
    // The S10 card ranks nothing and rolls nothing up: `--format csv` streams it.
    let body = "工号,姓名,投诉记录数,投诉缺地区,投诉缺VIN,CSI汇总迟交天数,改进方案迟交天数\n\
                R1,甲,5,1,2,0,0\n\
                R2,乙,5,8,2,0,0\n";
    let (_dir, file) = data("记录.csv", body);
    let out = scorecard(&[
        "eval",
        "rules/callback_records.card",
        &file,
        "--format",
        "csv",
        "--keep-going",
    ]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("记录.csv:3: 缺某一项的投诉记录不能多于抽查的投诉记录数 (`投诉记录数` is 5, `投诉缺地区` is 8, `投诉缺VIN` is 2)"),
        "{stderr}"
    );
    // R1: 30 - 2 - 6 = 22 of the complaint records' 30; the rest full: 92.
    assert!(stdout.contains("\nR1,甲,,,22,"), "{stdout}");
    assert!(!stdout.contains("R2"), "{stdout}");
}

#[test]
fn a_case_with_an_impossible_row_fails_with_the_cards_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let card = std::fs::read_to_string("rules/service_station_head.card").expect("card");
    std::fs::write(dir.path().join("站长.card"), card).expect("write card");
    std::fs::write(
        dir.path().join("站长.cases.toml"),
        "[[case]]\nname = \"处罚写成负数\"\nrow = { \"工号\" = \"Z9\", \"客户抱怨处罚\" = -100 }\nexpect = { total = 0, \"月收入\" = 3000 }\n",
    )
    .expect("write cases");
    let cases = dir.path().join("站长.cases.toml").display().to_string();
    let out = scorecard(&["test", &cases]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("test 处罚写成负数 ... FAILED"), "{stdout}");
    assert!(
        stdout.contains("客户抱怨处罚填正数(处罚金额, 不带负号) (`客户抱怨处罚` is -100.00)"),
        "{stdout}"
    );
}
