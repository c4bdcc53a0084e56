//! Broken cards and broken data, as users produce them: each gives a clear
//! message and the right exit code, never a panic, a hang or a wrong total.

use crate::common;
use std::path::PathBuf;
use std::process::{Command, Output};

const S1: &str = "rules/callback_specialist.card";

/// A scratch directory for generated files, removed at the end of the test.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("scorecard-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write scratch file");
        path.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scorecard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .env(common::ENGLISH.0, common::ENGLISH.1)
        .args(args)
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// Runs and checks the exit code; a panic (exit 101) is always a failure.
fn expect(args: &[&str], code: i32, stderr_has: &str) -> String {
    let out = scorecard(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{args:?} panicked:\n{stderr}");
    assert_eq!(out.status.code(), Some(code), "{args:?}:\n{stderr}");
    assert!(
        stderr.contains(stderr_has),
        "{args:?}: expected {stderr_has:?} in:\n{stderr}"
    );
    stderr
}

fn s1_header() -> String {
    let text =
        std::fs::read_to_string(common::root().join("tests/data/s1_full_marks.csv")).expect("data");
    text.lines()
        .find(|l| !l.starts_with('#'))
        .expect("header")
        .to_string()
}

fn s1_good_row(id: &str) -> String {
    let text =
        std::fs::read_to_string(common::root().join("tests/data/s1_full_marks.csv")).expect("data");
    let row = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .nth(1)
        .expect("a row");
    let (_, rest) = row.split_once(',').expect("an id cell");
    format!("{id},{rest}")
}

#[test]
fn broken_cards() {
    let dir = Scratch::new("cards");
    let card = std::fs::read_to_string(common::root().join(S1)).expect("S1");
    let mut half = card.len() / 2;
    while !card.is_char_boundary(half) {
        half -= 1;
    }
    let truncated = dir.file("truncated.card", &card.as_bytes()[..half]);
    expect(&["check", &truncated], 3, "error[syntax]");
    let cut = dir.file(
        "cut.card",
        &card.as_bytes()[..card.find('回').expect("a Chinese character") + 1],
    );
    expect(&["check", &cut], 3, "cut short");
    let empty = dir.file("empty.card", b"");
    expect(&["check", &empty], 3, "the card is empty");
    let gbk = dir.file("gbk.card", &[0x73, 0x63, 0xBB, 0xD8, 0xB7, 0xC3, 0x0A]);
    expect(&["check", &gbk], 3, "not UTF-8");
    let nested = format!(
        "scorecard t {{ output o = {}1{} }}",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    let deep = dir.file("deep.card", nested.as_bytes());
    expect(&["check", &deep], 3, "nested too deeply");
    let huge = dir.file(
        "huge.card",
        b"scorecard t { total 99999999999999999999999999999999999 }",
    );
    expect(&["check", &huge], 3, "error[bad-number]");
    expect(
        &["check", "no/such.card"],
        3,
        "there is no file `no/such.card`",
    );
}

#[test]
fn broken_data() {
    let dir = Scratch::new("data");
    let header = s1_header();
    let good = s1_good_row("A1");

    let empty = dir.file("empty.csv", b"");
    expect(&["eval", S1, &empty], 1, "");
    let truncated = dir.file(
        "truncated.csv",
        format!("{header}\n{}", &good[..good.len() / 2]).as_bytes(),
    );
    expect(&["eval", S1, &truncated], 1, "truncated.csv:2");
    let duplicate = dir.file("dup.csv", format!("{header}\n{good}\n{good}\n").as_bytes());
    expect(&["eval", S1, &duplicate], 1, "A1");
    let gbk = dir.file("gbk.csv", &[0xB9, 0xA4, 0xBA, 0xC5, 0x0A, 0x31, 0x0A]);
    expect(&["eval", S1, &gbk], 1, "UTF-8");
    for bad in [
        "NaN",
        "inf",
        "1e5",
        "--3",
        "99999999999999999999999999999999",
    ] {
        let row = good.replacen(",90,", &format!(",{bad},"), 1);
        let file = dir.file("cell.csv", format!("{header}\n{row}\n").as_bytes());
        let stderr = expect(&["eval", S1, &file], 1, "培训成绩");
        assert!(
            stderr.contains(bad),
            "the bad value {bad} should be quoted:\n{stderr}"
        );
    }
    let json = dir.file("broken.json", br#"[{"id": "A1", "#);
    expect(&["eval", S1, &json], 1, "broken.json");
}

/// Found by the `stream` fuzz target: a period cell of six bytes that are
/// not ASCII (`马丁`, two characters) was cut at byte 4 to look for `202610`,
/// inside a character: a panic, whichever way the file was read.
#[test]
fn a_six_byte_chinese_period_is_a_bad_month_not_a_panic() {
    crate::common::english();
    let dir = Scratch::new("period");
    let file = dir.file("period.csv", b",period\n,\xe9\xa9\xac\xe4\xb8\x81");
    expect(&["eval", S1, &file], 1, "`马丁` is not a month");
    let month = scorecard::period::Period::parse("马丁").unwrap_err();
    assert_eq!(month.to_string(), "`马丁` is not a month");
    assert_eq!(month.text(), "马丁");
}

#[test]
fn a_100_mb_single_line_is_refused_cleanly() {
    let dir = Scratch::new("long");
    let mut bytes = Vec::with_capacity(100_000_100);
    bytes.extend_from_slice(s1_header().as_bytes());
    bytes.push(b'\n');
    bytes.extend(std::iter::repeat_n(b'x', 100_000_000));
    let path = dir.file("long.csv", &bytes);
    drop(bytes);
    expect(&["eval", S1, &path], 1, "long.csv:2");
}

/// The good rows of a partly bad file are scored exactly as on their own.
#[test]
fn bad_rows_never_change_good_totals() {
    let dir = Scratch::new("mixed");
    let header = s1_header();
    let good = s1_good_row("G1");
    let bad = s1_good_row("B1").replacen(",90,", ",abc,", 1);
    let mixed = dir.file("mixed.csv", format!("{header}\n{bad}\n{good}\n").as_bytes());
    let out = scorecard(&["eval", S1, &mixed, "--keep-going", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let row = stdout
        .lines()
        .find(|l| l.starts_with("G1,"))
        .expect("G1 scored");
    // The card's version and hash close the row.
    assert!(row.contains(",100,100,优秀,,sha256:"), "{row}");
    assert!(!stdout.contains("B1"), "{stdout}");
}

/// A card that names a file outside its rules folder (absolute, `..` out of
/// it, through a symbolic link), a device, a FIFO or a file that is not a
/// card is refused before the file is opened, and the message never quotes
/// the file.
#[test]
fn a_card_may_name_only_cards_inside_its_rules_folder() {
    let dir = Scratch::new("confine");
    let secret = dir.file("secret.card", b"root:x:0:0:root:/root:/bin/bash\n");
    std::fs::create_dir_all(dir.0.join("rules/sub")).expect("rules dir");
    let extends = |name: &str, base: &str| {
        dir.file(
            &format!("rules/{name}"),
            format!("scorecard t extends \"{base}\" {{ total 10 }}\n").as_bytes(),
        )
    };
    let cases = [
        extends("abs.card", &secret),
        extends("up.card", "../secret.card"),
        extends("zero.card", "/dev/zero"),
        extends("environ.card", "/proc/self/environ"),
        extends("passwd.card", "../../../../../../../../etc/passwd"),
    ];
    for card in &cases {
        let stderr = expect(&["check", card], 3, "outside the rules folder");
        assert!(!stderr.contains("root:x"), "{stderr}");
    }
    // The library confines the same way by default.
    let error = scorecard::compile_file(&cases[1]).expect_err("refused");
    assert!(
        error.0[0].message.contains("outside the rules folder"),
        "{error:?}"
    );
    let not_card = extends("txt.card", "notes.txt");
    dir.file("rules/notes.txt", b"PASSWORD=hunter2\n");
    let stderr = expect(&["check", &not_card], 3, "is not a card");
    assert!(!stderr.contains("hunter2"), "{stderr}");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret, dir.0.join("rules/link.card")).expect("symlink");
        let linked = extends("linked.card", "link.card");
        let stderr = expect(&["check", &linked], 3, "outside the rules folder");
        assert!(!stderr.contains("root:x"), "{stderr}");
        let fifo = dir.0.join("rules/fifo.card");
        let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
        assert!(made.success());
        let piped = extends("piped.card", "fifo.card");
        expect(&["check", &piped], 3, "not a regular file");
    }
    // `..` inside the root is fine, and a rules directory's cards may reach
    // its top folder: the root is the folder holding `scorecard.toml`.
    dir.file("rules/base.card", b"scorecard b { total 10 }\n");
    let inner = dir.file(
        "rules/sub/inner.card",
        b"scorecard i extends \"../base.card\" { }\n",
    );
    expect(&["check", &inner], 3, "outside the rules folder");
    dir.file(
        "rules/scorecard.toml",
        b"[[card]]\nrole = \"r\"\nfile = \"base.card\"\n",
    );
    expect(&["check", &inner], 0, "");
    // Or the root is given.
    std::fs::remove_file(dir.0.join("rules/scorecard.toml")).expect("rm");
    let root = dir.0.join("rules").to_string_lossy().into_owned();
    expect(&["check", &inner, "--rules-root", &root], 0, "");
    // A rules directory's cards are confined the same way: its manifest names
    // cards outside `rules/brands`.
    let stderr = expect(
        &[
            "eval",
            "rules/",
            "examples/callback_specialists_by_brand.csv",
            "--rules-root",
            "rules/brands",
        ],
        3,
        "outside the rules folder `rules/brands`",
    );
    assert!(stderr.contains("rules/scorecard.toml:"), "{stderr}");
    // The shipped brand cards reach their base through `rules/scorecard.toml`.
    expect(
        &["check", "rules/brands/君威/一店/callback_specialist.card"],
        0,
        "",
    );
}

/// Hook scripts and a manifest's cards obey the same rules.
#[test]
fn hooks_and_manifest_files_stay_inside_the_rules_folder() {
    let dir = Scratch::new("confine-hooks");
    let hook = |name: &str, path: &str| {
        dir.file(
            name,
            format!(
                "scorecard t {{\n    hooks \"{path}\" {{ f(count) -> count }}\n    input a count\n    output o count = f(a)\n}}\n"
            )
            .as_bytes(),
        )
    };
    for path in [
        "/dev/zero",
        "/etc/passwd",
        "../../../../../../etc/passwd",
        "/dev/urandom",
    ] {
        let card = hook("h.card", path);
        let stderr = expect(&["check", &card], 3, "cannot read the hook file");
        assert!(stderr.contains("outside the rules folder"), "{stderr}");
        assert!(!stderr.contains("root:x"), "{stderr}");
    }
    dir.file("big.rhai", &vec![b' '; 65 << 10]);
    expect(
        &["check", &hook("big.card", "big.rhai")],
        3,
        "larger than 64 KB",
    );
    dir.file("notes.txt", b"fn f(a) { a }\n");
    expect(
        &["check", &hook("txt.card", "notes.txt")],
        3,
        "is not a hook script",
    );

    for file in ["/dev/zero", "/etc/passwd", "../../../../../../etc/passwd"] {
        std::fs::write(
            dir.0.join("scorecard.toml"),
            format!("[[card]]\nrole = \"r\"\nfile = \"{file}\"\n"),
        )
        .expect("manifest");
        let folder = dir.0.to_string_lossy().into_owned();
        let stderr = expect(&["check", &folder], 3, "outside the rules folder");
        assert!(!stderr.contains("root:x"), "{stderr}");
    }
}

/// A card file is read no further than the limit, so `/dev/zero` or a
/// runaway file named on the command line stops at once.
#[test]
fn a_card_larger_than_the_limit_is_refused() {
    let dir = Scratch::new("big-card");
    let mut text = b"scorecard t { total 10 }\n".to_vec();
    text.resize(text.len() + (1 << 20), b'\n');
    let big = dir.file("big.card", &text);
    expect(&["check", &big], 3, "larger than 1024 KB");
    expect(&["check", "/dev/zero"], 3, "not a regular file");
}

/// A formula as long or as deep as the limits allow is checked, scored,
/// explained, printed and formatted on a thread with a 2 MB stack (rayon's
/// workers and the test threads), in a debug build; one operand more, or one
/// level deeper, is a clear error, whatever the length.
#[test]
fn the_longest_and_deepest_formulas_fit_on_a_small_stack() {
    use scorecard::syntax::{MAX_NESTING, MAX_TERMS};
    let sum = vec!["a"; MAX_TERMS].join(" + ");
    let all = vec!["b"; MAX_TERMS - 2].join(" and ");
    let half = MAX_TERMS / 2;
    // Each `-(` is two levels: a negation (evaluated through the larger
    // frame) and parentheses.
    let deep = format!(
        "{}{}{}",
        "-(".repeat(MAX_NESTING / 2 - 2),
        vec!["a"; half].join(" - "),
        ")".repeat(MAX_NESTING / 2 - 2)
    );
    let card = format!(
        "scorecard t {{\n  input a count\n  input b bool\n  output s number = {sum}\n  output d number = {deep} + a {}\n  output y number = if {all} then 1 else 0\n}}\n",
        (1..MAX_TERMS - half)
            .map(|i| ["* 1 ", "+ a ", "- a "][i % 3])
            .collect::<String>()
    );
    let run = move || {
        let source = scorecard::SourceFile::new("long.card", card.clone());
        let checked = match scorecard::compile(&source) {
            Ok(checked) => checked,
            Err(d) => panic!("{}", d.0[0].message),
        };
        let rows = "id,a,b\nE1,1,是\nE2,2,是\nE3,1,否\n";
        let data =
            scorecard::data::CsvSource::from_bytes(rows.as_bytes().to_vec(), "d.csv").expect("csv");
        let set = scorecard::data::read(checked.card(), data);
        assert!(set.errors.is_empty(), "{:?}", set.errors);
        let (results, failures) = scorecard::eval::evaluate_all(checked.card(), &set.rows);
        assert!(
            failures.is_empty(),
            "{:?}",
            failures.first().map(|f| &f.error)
        );
        let outputs: Vec<String> = results
            .iter()
            .map(|r| format!("{:?}", r.scores.derived))
            .collect();
        assert!(outputs[1].contains("2000"), "{}", outputs[1]);
        let explained = scorecard::report::explain(checked.card(), &results[0]);
        assert!(explained.contains("a + a"), "explained");
        let formatted = scorecard::syntax::fmt::format(&source).expect("formats");
        assert!(formatted.contains("a + a + a"));
    };
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(run)
        .expect("thread")
        .join()
        .expect("no overflow, no panic");

    let dir = Scratch::new("long-formulas");
    for terms in [MAX_TERMS + 1, 12_000, 400_000] {
        let card = dir.file(
            "sum.card",
            format!(
                "scorecard t {{\n  input a count\n  output s number = {}\n}}\n",
                vec!["a"; terms].join("+")
            )
            .as_bytes(),
        );
        expect(&["check", &card], 3, "this formula is too long");
    }
    let parens = format!(
        "scorecard t {{\n  input a count\n  output s number = {}a{}\n}}\n",
        "(".repeat(MAX_NESTING + 1),
        ")".repeat(MAX_NESTING + 1)
    );
    let card = dir.file("deep.card", parens.as_bytes());
    expect(&["check", &card], 3, "nested too deeply");
}

/// A mistake past column 65 535 of a line is shown in a window of the line
/// around it, with its true column, however the card is read; the message
/// stays short.
#[test]
fn a_mistake_far_along_a_long_line_is_shown_in_a_window() {
    let dir = Scratch::new("wide");
    let text = format!("scorecard t {{ output o = {}xx }}\n", " ".repeat(70_000));
    let card = dir.file("wide.card", text.as_bytes());
    let data = dir.file("d.csv", b"id\nE1\n");
    for args in [
        vec!["check", &card],
        vec!["show", &card],
        vec!["eval", &card, &data],
    ] {
        let stderr = expect(&args, 3, "wide.card:1:70026");
        assert!(stderr.contains("xx }"), "{stderr}");
        assert!(stderr.len() < 2_000, "{} bytes", stderr.len());
    }
    let out = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .env(common::ENGLISH.0, common::ENGLISH.1)
        .args(["fmt", "-"])
        .stdin(std::fs::File::open(dir.0.join("wide.card")).expect("card"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "the card parses, so it formats");
    let broken = format!("scorecard t {{ output o = {}( }}\n", " ".repeat(70_000));
    dir.file("broken.card", broken.as_bytes());
    let out = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .env(common::ENGLISH.0, common::ENGLISH.1)
        .args(["fmt", "-"])
        .env("NO_COLOR", "1")
        .stdin(std::fs::File::open(dir.0.join("broken.card")).expect("card"))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains(":1:70"), "{stderr}");
}

/// A name longer than the limit is refused where it is written: comparing a
/// misspelt name of 150 000 characters with the declared ones would cost its
/// length squared.
#[test]
fn a_name_longer_than_the_limit_is_refused() {
    let dir = Scratch::new("long-name");
    let long = "名".repeat(150_000);
    let text = format!("scorecard t {{\n  input {long}x count\n  output o number = {long}y\n}}\n");
    let card = dir.file("name.card", text.as_bytes());
    let stderr = expect(&["check", &card], 3, "more than the 100 a name may have");
    assert!(stderr.len() < 4_000, "{} bytes", stderr.len());
    assert!(stderr.contains("name.card:2:9"), "{stderr}");
    let ok = format!(
        "scorecard t {{\n  input {} count\n  output o number = {}\n}}\n",
        "名".repeat(100),
        "名".repeat(100)
    );
    expect(&["check", &dir.file("ok.card", ok.as_bytes())], 0, "");
}

/// Text cells of a CSV report that Excel would run as a formula get a `'`
/// in front; numbers (a negative change included) are never touched; the
/// table shows control characters escaped.
#[test]
fn csv_cells_never_start_a_formula_and_the_table_escapes_control_characters() {
    let dir = Scratch::new("formulas");
    let header = s1_header();
    let rows: Vec<String> = [
        ("=HYPERLINK(\"http://x\";\"y\")", "=1+2"),
        ("+cmd|' /C calc'!A0", "@SUM(A1)"),
        ("-2+3", "\tname"),
        ("@x", "\u{1b}[31mred\u{1b}[0m"),
    ]
    .iter()
    .map(|(id, name)| {
        let row = s1_good_row(id);
        let quoted = format!("\"{}\"", name.replace('"', "\"\""));
        row.replacen(",王丽,", &format!(",{quoted},"), 1)
    })
    .collect();
    let file = dir.file(
        "f.csv",
        format!("{header}\n{}\n", rows.join("\n")).as_bytes(),
    );
    let out = scorecard(&["eval", S1, &file, "--format", "csv"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    for record in reader.records() {
        let record = record.expect("a record");
        for (i, cell) in record.iter().enumerate() {
            let first = cell.chars().next();
            let formula = matches!(first, Some('=' | '+' | '@' | '\t' | '\r'))
                || (first == Some('-') && cell.parse::<f64>().is_err());
            assert!(!formula, "cell {i} `{cell}` would start a formula");
        }
    }
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\""),
        "{csv}"
    );
    assert!(csv.contains("'@SUM(A1)"), "{csv}");
    assert!(csv.contains("'-2+3,"), "{csv}");
    let stderr = expect(&["eval", S1, &file], 0, "");
    assert!(!stderr.contains('\u{1b}'));
    let out = scorecard(&["eval", S1, &file]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(!table.contains('\u{1b}'), "{table}");
    assert!(table.contains("\\u{1b}[31mred"), "{table}");
}

/// A file saved with old Mac line ends (a carriage return alone) is read
/// row by row, as Excel reads it, streamed or not.
#[test]
fn old_mac_line_ends_are_line_ends() {
    let dir = Scratch::new("mac");
    let text = format!(
        "{}\r{}\r{}\r",
        s1_header(),
        s1_good_row("M1"),
        s1_good_row("M2")
    );
    let file = dir.file("mac.csv", text.as_bytes());
    for format in ["csv", "json"] {
        let out = scorecard(&["eval", S1, &file, "--format", format]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("M1") && stdout.contains("M2"), "{stdout}");
    }
    // A bad cell is named by its line, counted at each carriage return.
    let bad = text.replacen(",90,", ",abc,", 2);
    let file = dir.file("bad.csv", bad.as_bytes());
    expect(&["eval", S1, &file], 1, "bad.csv:3");
}

/// A header row or a data row longer than its limit is refused at once at
/// its line: a header of no commas is never compared, whole, with every
/// input's name.
#[test]
fn a_header_or_a_row_longer_than_the_limit_is_refused() {
    let dir = Scratch::new("long-header");
    let mut bytes = vec![b'x'; 100_000_000];
    bytes.extend_from_slice(b"\nA1\n");
    let file = dir.file("header.csv", &bytes);
    drop(bytes);
    expect(
        &["eval", S1, &file],
        1,
        "the header row is longer than 256 KB",
    );
    // Just under the limit: one column that binds to nothing, compared with
    // no name (lengths too far apart), so it is a warning and a missing id.
    let mut bytes = vec![b'x'; 250_000];
    bytes.extend_from_slice(b"\nA1\n");
    let file = dir.file("wide.csv", &bytes);
    expect(&["eval", S1, &file], 1, "wide.csv");
    let row = format!("{}\n{}\n", s1_header(), "y".repeat(2_000_000));
    let file = dir.file("row.csv", row.as_bytes());
    expect(
        &["eval", S1, &file],
        1,
        "row.csv:2: this row is longer than 1 MB",
    );
}

/// Ids that look alike are one person: full-width letters or digits, a
/// zero-width space, a byte-order mark in the cell. Each repeat is a
/// duplicate naming both lines, however the file is read.
#[test]
fn look_alike_ids_are_one_person() {
    let dir = Scratch::new("look-alike");
    let ids = ["E1", "Ｅ1", "E１", "E1\u{200b}", "\u{feff}E1"];
    let rows: Vec<String> = ids.iter().map(|id| s1_good_row(id)).collect();
    let file = dir.file(
        "ids.csv",
        format!("{}\n{}\n", s1_header(), rows.join("\n")).as_bytes(),
    );
    for format in ["csv", "json"] {
        let stderr = expect(&["eval", S1, &file, "--format", format], 1, "");
        for line in 3..=6 {
            assert!(
                stderr.contains(&format!(
                    "employee `E1` appears twice, at line 2 and line {line}"
                )),
                "{format}: line {line}:\n{stderr}"
            );
        }
    }
    // Different people stay different; an ASCII id is kept as written.
    let rows = [s1_good_row("E1"), s1_good_row("E2"), s1_good_row("Ｅ3")];
    let file = dir.file(
        "ok.csv",
        format!("{}\n{}\n", s1_header(), rows.join("\n")).as_bytes(),
    );
    let out = scorecard(&["eval", S1, &file, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.contains("\nE3,"), "{csv}");
    // An id of only invisible characters is a missing id, not the empty id.
    let rows = [s1_good_row("E1"), s1_good_row("\u{200b}\u{feff}")];
    let file = dir.file(
        "blank.csv",
        format!("{}\n{}\n", s1_header(), rows.join("\n")).as_bytes(),
    );
    for format in ["csv", "json"] {
        let stderr = expect(
            &["eval", S1, &file, "--format", format],
            1,
            "missing the employee id",
        );
        assert!(stderr.contains("blank.csv:3"), "{format}: {stderr}");
    }
}

/// With dated cards a day in 期间 (as written, or as a workbook's date cell
/// gives it) is read, and `202603` works with versions as without.
#[test]
fn a_day_or_a_bare_month_in_the_period_column_works_with_dated_cards() {
    let dir = Scratch::new("dated");
    let s1 = std::fs::read_to_string(common::root().join(S1)).expect("S1");
    let dated = |version: &str, effective: &str| {
        s1.replace(
            "    total 100\n",
            &format!("    total 100\n    version \"{version}\"\n    effective {effective}\n"),
        )
    };
    let first = dir.file(
        "v1.card",
        dated("2026.1", "2026-01-01..2026-06-30").as_bytes(),
    );
    let second = dir.file("v2.card", dated("2026.2", "2026-07-01..").as_bytes());
    let header = s1_header();
    let row = s1_good_row("X");
    let (_, rest) = row.split_once(',').expect("an id cell");
    let periods = [
        "2026-03-15",
        "202603",
        "2026-07-01T00:00:00",
        "20260801",
        "2026年9月30日",
    ];
    let rows: Vec<String> = periods
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{p},P{i},{rest}"))
        .collect();
    let file = dir.file(
        "days.csv",
        format!("期间,{header}\n{}\n", rows.join("\n")).as_bytes(),
    );
    // One dated card: the rows of its half year.
    let text = format!("期间,{header}\n{}\n{}\n", rows[0], rows[1]);
    let one = dir.file("one.csv", text.as_bytes());
    let out = scorecard(&["eval", &first, &one, "--format", "csv"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    // Two versions: every row by the version of its day.
    let out = scorecard(&["eval", &first, &second, &file, "--format", "csv"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let csv = String::from_utf8_lossy(&out.stdout);
    for i in 0..periods.len() {
        assert!(csv.contains(&format!("\nP{i},")), "P{i}: {csv}");
    }
}

/// `--output` writes only a regular file or a new path: a device or a pipe
/// is refused and left as it is (renaming over it would replace a device
/// node with a file). A symbolic link is written through, for `--output`
/// and for `fmt`: the link stays a link.
#[cfg(unix)]
#[test]
fn output_goes_only_to_a_regular_file_and_through_links() {
    use std::os::unix::fs::FileTypeExt;
    let dir = Scratch::new("output");
    let fifo = dir.0.join("pipe.csv");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo")
        .success());
    let mut specials = vec![fifo];
    // A device node of our own (as root, as CI runs), never the real /dev/full.
    let device = dir.0.join("full.csv");
    if Command::new("mknod")
        .args([device.to_str().expect("path"), "c", "1", "7"])
        .status()
        .is_ok_and(|s| s.success())
    {
        specials.push(device);
    }
    for special in &specials {
        let path = special.to_string_lossy().into_owned();
        for format in ["csv", "xlsx"] {
            let args = [
                "eval",
                S1,
                "examples/callback_specialists.csv",
                "--format",
                format,
                "--output",
                &path,
            ];
            let out = scorecard(&args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_ne!(out.status.code(), Some(0), "{stderr}");
            assert!(stderr.contains("is not a regular file"), "{stderr}");
            let kind = std::fs::symlink_metadata(special)
                .expect("still there")
                .file_type();
            assert!(
                kind.is_fifo() || kind.is_char_device(),
                "{path} was replaced"
            );
        }
    }

    let real = dir.file("real.csv", b"old");
    let link = dir.0.join("link.csv");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let link = link.to_string_lossy().into_owned();
    let out = scorecard(&[
        "eval",
        S1,
        "examples/callback_specialists.csv",
        "--format",
        "csv",
        "--output",
        &link,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::symlink_metadata(&link)
        .expect("link")
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real)
        .expect("real")
        .starts_with("id,"));

    let card = dir.file("real.card", b"scorecard   t {  total 10 }\n");
    let linked = dir.0.join("linked.card");
    std::os::unix::fs::symlink(&card, &linked).expect("symlink");
    let linked = linked.to_string_lossy().into_owned();
    expect(&["fmt", &linked], 0, "");
    assert!(std::fs::symlink_metadata(&linked)
        .expect("link")
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read_to_string(&card).expect("card"),
        "scorecard t {\n    total 10\n}\n"
    );
}

/// A workbook that would unpack to more than the limit (a zip bomb: 300 KB
/// holding a 300 MB cell) is refused before anything is unpacked; one whose
/// directory understates a part stops when the part is read; a cell longer
/// than Excel's own limit is refused where it is.
#[test]
fn a_zip_bomb_and_an_oversized_cell_are_refused() {
    let card = "tests/bad_input/tiny.card";
    expect(
        &["eval", card, "tests/bad_input/bomb.xlsx"],
        1,
        "the workbook would take more than 256 MB once unpacked",
    );
    // The same bomb with its directory saying the part is 100 bytes.
    let mut forged = std::fs::read(common::root().join("tests/bad_input/bomb.xlsx")).expect("bomb");
    let name = b"xl/sharedStrings.xml";
    let mut at = 0;
    while let Some(found) = forged[at..].windows(4).position(|w| w == b"PK\x01\x02") {
        let entry = at + found;
        let len = u16::from_le_bytes([forged[entry + 28], forged[entry + 29]]) as usize;
        if &forged[entry + 46..entry + 46 + len] == name {
            forged[entry + 24..entry + 28].copy_from_slice(&100u32.to_le_bytes());
            let local = u32::from_le_bytes(forged[entry + 42..entry + 46].try_into().expect("4"));
            let local = local as usize + 22;
            forged[local..local + 4].copy_from_slice(&100u32.to_le_bytes());
        }
        at = entry + 4;
    }
    let dir = Scratch::new("forged");
    let forged = dir.file("forged.xlsx", &forged);
    expect(
        &["eval", card, &forged],
        1,
        "larger than its declared uncompressed size",
    );
    expect(
        &["eval", card, "tests/bad_input/wide_cell.xlsx"],
        1,
        "wide_cell.xlsx: 数据!B2: this cell holds 40000 characters, more than the 32767",
    );
}

/// Workbooks made by the library carry fixed timestamps: the same results
/// give the same bytes, whenever they are made.
#[test]
fn workbooks_are_the_same_bytes_on_every_run() {
    use std::io::Read;
    let checked = common::checked(&common::root().join(S1));
    let card = &checked.card();
    let source = scorecard::data::CsvSource::from_bytes(
        std::fs::read(common::root().join("examples/callback_specialists.csv")).expect("data"),
        "examples.csv",
    )
    .expect("csv");
    let set = scorecard::data::read(card, source);
    let (results, _) = scorecard::eval::evaluate_all(card, &set.rows);
    let options = scorecard::report::Options::default();
    let report = || scorecard::report::xlsx_bytes(card, &results, &[], &options).expect("xlsx");
    let template = || scorecard::template::template_xlsx(card).expect("template");
    for (first, second) in [(report(), report()), (template(), template())] {
        assert_eq!(first, second);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(first)).expect("a zip");
        let mut core = String::new();
        zip.by_name("docProps/core.xml")
            .expect("core properties")
            .read_to_string(&mut core)
            .expect("text");
        assert!(
            core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z"),
            "{core}"
        );
        assert!(
            core.contains("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z"),
            "{core}"
        );
        for i in 0..zip.len() {
            let entry = zip.by_index(i).expect("entry");
            let time = entry.last_modified().expect("a time");
            assert_eq!(
                (time.year(), time.month(), time.day()),
                (1980, 1, 1),
                "{:?}",
                entry.name()
            );
        }
    }
}

/// A hook script as large as the limit allows, of thousands of small
/// functions, checks at once; a call whose every step works on a whole list
/// (two lists of 999 decimals compared in a loop) is stopped, by its steps or
/// by its time, and the row fails with a clear error.
#[test]
fn hooks_are_bounded_in_size_and_in_time() {
    let dir = Scratch::new("hook-limits");
    let mut script = String::new();
    let mut i = 0;
    loop {
        let f = format!("fn f{i}(a) {{ a }}\n");
        if script.len() + f.len() > 64 << 10 {
            break;
        }
        script.push_str(&f);
        i += 1;
    }
    dir.file("many.rhai", script.as_bytes());
    let card = |name: &str, script: &str, function: &str| {
        dir.file(
            name,
            format!(
                "scorecard t {{\n  hooks \"{script}\" {{ {function}(count) -> count }}\n  input a count\n  output o count = {function}(a)\n}}\n"
            )
            .as_bytes(),
        )
    };
    expect(&["check", &card("many.card", "many.rhai", "f0")], 0, "");

    let list = format!(
        "[{}]",
        (0..999)
            .map(|k| format!("{k}.5"))
            .collect::<Vec<_>>()
            .join(",")
    );
    dir.file(
        "lists.rhai",
        format!("fn slow(a) {{ let x = {list}; let y = {list}; let n = 0; loop {{ if x == y {{ n += 1; }} }} n }}\n").as_bytes(),
    );
    let data = dir.file("d.csv", b"id,a\nE1,1\n");
    let stderr = expect(
        &["eval", &card("lists.card", "lists.rhai", "slow"), &data],
        1,
        "hook `slow` ran for more than",
    );
    assert!(stderr.contains("and was stopped"), "{stderr}");
}

/// `--output` never replaces what the run reads: its data, a card, a hook
/// script, the manifest. The file is left as it was.
#[test]
fn the_report_is_never_written_over_an_input() {
    let dir = Scratch::new("onto-inputs");
    let data = dir.file(
        "month.csv",
        format!("{}\n{}\n", s1_header(), s1_good_row("A1")).as_bytes(),
    );
    let before = std::fs::read(&data).expect("data");
    let stderr = expect(&["eval", S1, &data, "-o", &data], 2, "is read by this run");
    assert!(stderr.contains("month.csv"), "{stderr}");
    assert_eq!(
        std::fs::read(&data).expect("data"),
        before,
        "the data is kept"
    );

    // The card, the base card a brand card extends, the manifest, a hook.
    let card = "rules/brands/GL8/callback_specialist.card";
    let card_text = std::fs::read(common::root().join(card)).expect("card");
    for target in [card, S1] {
        expect(
            &["eval", card, &data, "--output", target],
            2,
            "is read by this run",
        );
    }
    assert_eq!(
        std::fs::read(common::root().join(card)).expect("card"),
        card_text
    );
    let month = "examples/callback_specialists_by_brand.csv";
    for target in ["rules/scorecard.toml", "rules/hooks/cs_pay.rhai", month] {
        if common::root().join(target).exists() {
            expect(
                &["eval", "rules/", month, "-o", target],
                2,
                "is read by this run",
            );
        }
    }
    expect(
        &["template", S1, "--format", "csv", "-o", S1],
        2,
        "is read by this run",
    );
    // A new file, or another file, is fine.
    let out = dir.0.join("结果.csv").to_string_lossy().into_owned();
    expect(&["eval", S1, &data, "--format", "csv", "-o", &out], 0, "");
    assert!(std::fs::read_to_string(&out)
        .expect("report")
        .contains("A1"));
}

/// Ctrl-C (or SIGTERM) while a report is being written removes the
/// temporary file beside the target and leaves the old report as it was.
#[test]
fn an_interrupted_run_leaves_no_temporary_file_and_the_old_report() {
    let dir = Scratch::new("interrupted");
    let mut text = s1_header();
    text.push('\n');
    let row = s1_good_row("X");
    let rest = &row[1..];
    for i in 0..200_000 {
        text.push_str(&format!("E{i}{rest}\n"));
    }
    let data = dir.file("big.csv", text.as_bytes());
    let out_dir = dir.0.join("out");
    std::fs::create_dir_all(&out_dir).expect("out dir");
    let target = out_dir.join("report.csv");
    std::fs::write(&target, "the old report\n").expect("old report");
    for signal in ["INT", "TERM"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_scorecard"))
            .env(common::ENGLISH.0, common::ENGLISH.1)
            .args(["eval", S1, &data, "--format", "csv", "-o"])
            .arg(&target)
            .current_dir(common::root())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        // Wait until the temporary file is there, then interrupt.
        let started = std::time::Instant::now();
        let temporaries = || {
            std::fs::read_dir(&out_dir)
                .expect("out dir")
                .flatten()
                .filter(|e| e.path() != target)
                .count()
        };
        while temporaries() == 0 {
            assert!(
                child.try_wait().expect("wait").is_none(),
                "the run ended before its temporary file was seen; give it more rows"
            );
            assert!(
                started.elapsed().as_secs() < 60,
                "no temporary file appeared"
            );
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        let killed = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .expect("kill");
        assert!(killed.success());
        let output = child.wait_with_output().expect("wait");
        assert_eq!(output.status.code(), Some(130), "SIG{signal}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("interrupted"), "{stderr}");
        assert_eq!(temporaries(), 0, "SIG{signal}: a temporary file was left");
        assert_eq!(
            std::fs::read_to_string(&target).expect("report"),
            "the old report\n"
        );
    }
}

/// A new report gets the permissions any new file gets (0666 less the
/// umask); `--private` makes it its owner's only; a replaced one keeps its own.
#[cfg(unix)]
#[test]
fn new_reports_follow_the_umask_unless_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Scratch::new("umask");
    let mode = |name: &str, umask: &str, extra: &str| {
        let out = dir.0.join(name);
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask} && exec \"$0\" eval {S1} examples/callback_specialists.csv --format csv -o \"$1\" {extra}"
            ))
            .arg(env!("CARGO_BIN_EXE_scorecard"))
            .arg(&out)
            .current_dir(common::root())
            .status()
            .expect("runs");
        assert!(status.success(), "{name}");
        std::fs::metadata(&out)
            .expect("report")
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("a.csv", "022", ""), 0o644);
    assert_eq!(mode("b.csv", "027", ""), 0o640);
    assert_eq!(mode("c.csv", "022", "--private"), 0o600);
    // Replacing a report keeps the mode it had.
    let kept = dir.0.join("a.csv");
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o604)).expect("chmod");
    assert_eq!(mode("a.csv", "077", ""), 0o604);
}

/// `eval … | head`: a reader that stops early is no failure, in any format
/// (the report is copied to stdout from its spool when the run ends well).
#[test]
fn a_reader_that_stops_early_is_no_failure() {
    let dir = Scratch::new("closed-pipe");
    let mut text = s1_header();
    text.push('\n');
    let row = s1_good_row("X");
    for i in 0..3_000 {
        text.push_str(&format!("E{i}{}\n", &row[1..]));
    }
    let data = dir.file("many.csv", text.as_bytes());
    for format in ["json", "jsonl", "csv", "md", "table"] {
        let out = Command::new("bash")
            .arg("-c")
            .arg(format!(
                "set -o pipefail; \"$0\" eval {S1} \"$1\" --format {format} | head -c 10 >/dev/null"
            ))
            .arg(env!("CARGO_BIN_EXE_scorecard"))
            .arg(&data)
            .current_dir(common::root())
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{format}: {stderr}");
    }
}

#[test]
fn a_name_longer_than_an_excel_cell_is_cut_in_the_workbook_and_the_notes_say_so() {
    use calamine::{Reader, Xlsx};
    let dir = Scratch::new("long-cell");
    // An id a cell can hold, then a row whose id is 40 000 characters long
    // (a CSV row holds up to 1 MB; an Excel cell 32 767 characters).
    let long = "长".repeat(40_000);
    let text = format!(
        "{}\n{}\n{}\n",
        s1_header(),
        s1_good_row("E1"),
        s1_good_row(&long)
    );
    let data = dir.file("long.csv", text.as_bytes());
    let book = dir.0.join("out.xlsx");
    let book = book.to_str().expect("a UTF-8 path");
    expect(
        &["eval", S1, &data, "--format", "xlsx", "--output", book],
        0,
        "",
    );
    let mut wb: Xlsx<_> = calamine::open_workbook(book).expect("the workbook opens");
    let summary = wb.worksheet_range("Summary").expect("Summary");
    let id = summary.get((2, 0)).expect("the long id's cell").to_string();
    assert_eq!(id.chars().count(), 32_767);
    assert!(id.ends_with("长…"), "cut with an ellipsis");
    let notes = wb.worksheet_range("Notes").expect("a Notes sheet");
    let said = notes.rows().any(|row| {
        row.iter().any(|c| {
            c.to_string()
                .contains("longer than the 32767 characters an Excel cell holds")
        })
    });
    assert!(said, "the notes say a text was cut");
}
