//! The endpoints of API.md, called through the router without a socket, on
//! a copy of `rules/` and the month of `examples/callback_specialists_by_brand.csv`.

use super::{http, open, ServeArgs};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use scorecard::i18n::{with_lang, Lang};
use scorecard::run::{CardInput, DataInput, Options, Plan, RulesSpec, Scoring};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use tower::ServiceExt;

const DATA: &str = "examples/callback_specialists_by_brand.csv";

/// A copy of the repository's `rules/` in a temporary folder.
fn rules_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in walkdir::WalkDir::new(root.join("rules")) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(root).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    let rules = dir.path().join("rules");
    (dir, rules)
}

fn data() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(DATA)
        .display()
        .to_string()
}

fn args(rules: &Path, card: Option<&Path>) -> ServeArgs {
    ServeArgs {
        paths: vec![rules.display().to_string(), data()],
        card: card.map(|c| c.display().to_string()),
        port: 0,
        input_format: None,
        sheet: None,
        role: None,
        lenient: false,
    }
}

/// A server over `args`, in `lang`.
struct Server {
    router: axum::Router,
    runtime: tokio::runtime::Runtime,
}

impl Server {
    fn start(lang: Lang, args: &ServeArgs) -> Server {
        let session = with_lang(lang, || open(args)).unwrap_or_else(|e| panic!("{e:?}"));
        Server {
            router: http::router(session),
            runtime: tokio::runtime::Builder::new_current_thread()
                .build()
                .unwrap(),
        }
    }

    fn call(&self, method: &str, uri: &str, body: Option<Value>) -> (StatusCode, String) {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header("content-type", "application/json")
            .body(match body {
                Some(v) => Body::from(v.to_string()),
                None => Body::empty(),
            })
            .unwrap();
        self.runtime.block_on(async {
            let response = self.router.clone().oneshot(request).await.unwrap();
            let status = response.status();
            let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            (status, String::from_utf8(bytes.to_vec()).unwrap())
        })
    }

    fn json(&self, method: &str, uri: &str, body: Option<Value>) -> Value {
        let (status, text) = self.call(method, uri, body);
        assert_eq!(status, StatusCode::OK, "{text}");
        serde_json::from_str(&text).unwrap()
    }

    fn state(&self) -> Value {
        self.json("GET", "/api/state", None)
    }

    fn update(&self, text: &str, ranges: &Value) -> Value {
        self.json(
            "POST",
            "/api/update",
            Some(json!({ "seq": 1, "text": text, "readonly_ranges": ranges })),
        )
    }
}

/// `text` with `from` replaced by `to` in the tier table of 客户信息及建议
/// (`by 反馈及时率 { … }`, the first after it).
fn edit(text: &str, from: &str, to: &str) -> String {
    let table = text.find("by 反馈及时率").expect("the tier table");
    let at = table + text[table..].find(from).expect(from);
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

/// The characters `from..to` of `text`.
fn chars(text: &str, from: &Value, to: &Value) -> String {
    let (from, to) = (
        from.as_u64().unwrap() as usize,
        to.as_u64().unwrap() as usize,
    );
    text.chars().skip(from).take(to - from).collect()
}

#[test]
fn the_state_names_the_base_card_the_months_rows_share() {
    let (_dir, rules) = rules_copy();
    let server = Server::start(Lang::Zh, &args(&rules, None));
    let state = server.state();
    let path = state["card"]["path"].as_str().unwrap();
    assert!(path.ends_with("rules/callback_specialist.card"), "{path}");
    assert!(state["card"]["text"]
        .as_str()
        .unwrap()
        .contains("scorecard 回访专员"));
    assert_eq!(state["card"]["readonly_ranges"], json!([]));
    assert_eq!(state["lang"], "zh-CN");
    assert!(state["data_files"][0].as_str().unwrap().ends_with(DATA));

    let (status, page) = server.call("GET", "/", None);
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("app.js"));
    assert_eq!(
        server.call("GET", "/etc/passwd", None).0,
        StatusCode::NOT_FOUND
    );
    let (status, body) = server.call("POST", "/api/update", None);
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(serde_json::from_str::<Value>(&body).unwrap()["error"].is_string());
}

#[test]
fn a_brand_card_shows_its_base_read_only_and_saves_only_its_own_lines() {
    let (_dir, rules) = rules_copy();
    let card = rules.join("brands/君威/callback_specialist.card");
    let before = std::fs::read_to_string(&card).unwrap();
    let server = Server::start(Lang::Zh, &args(&rules, Some(&card)));
    let state = server.state();
    let text = state["card"]["text"].as_str().unwrap();
    let ranges = &state["card"]["readonly_ranges"];
    assert_eq!(ranges.as_array().unwrap().len(), 1);
    let block = chars(text, &ranges[0]["from"], &ranges[0]["to"]);
    assert!(block.starts_with("// ── 基础卡 "), "{block}");
    assert!(block.contains("// scorecard 回访专员 "), "{block}");
    assert!(text.starts_with(&before));

    // The brand's own tier: 99% → 98% gives 周杰 (HF109, 98%) full points.
    let changed = edit(text, ">= 99% : full", ">= 98% : full");
    let update = server.update(&changed, ranges);
    assert_eq!(update["diagnostics"], json!([]));
    let rows = update["results"]["rows"].as_array().unwrap();
    // 君威's rows and 君威一店's (its card extends 君威's); not GL8's.
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"HF105") && ids.contains(&"HF109"), "{ids:?}");
    assert!(!ids.contains(&"HF102"), "{ids:?}");

    let saved = server.json(
        "POST",
        "/api/save",
        Some(json!({ "text": changed, "readonly_ranges": ranges })),
    );
    assert_eq!(saved["ok"], true, "{saved}");
    let after = std::fs::read_to_string(&card).unwrap();
    assert_eq!(after, edit(&before, ">= 99% : full", ">= 98% : full"));
    assert!(!after.contains("基础卡"));
}

#[test]
fn a_broken_card_is_underlined_in_chinese_and_scores_nothing() {
    let (_dir, rules) = rules_copy();
    let server = Server::start(Lang::Zh, &args(&rules, None));
    let text = server.state()["card"]["text"].as_str().unwrap().to_string();
    let broken = edit(&text, ">= 98% : full", ">= 98 : full");
    let update = server.update(&broken, &json!([]));
    assert_eq!(update["seq"], 1);
    assert_eq!(update["results"], Value::Null);
    assert_eq!(update["impact"], Value::Null);
    let errors: Vec<&Value> = update["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{update}");
    let d = errors[0];
    // Character offsets: the text before it is full of Chinese.
    let marked = chars(&broken, &d["from"], &d["to"]);
    assert!(marked.contains("98"), "{marked:?} {d}");
    let message = d["message"].as_str().unwrap();
    assert!(
        message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{message}"
    );
    // The symbols of the text are still there for hover and completion.
    let inputs = update["symbols"]["inputs"].as_array().unwrap();
    let rate = inputs.iter().find(|i| i["name"] == "反馈及时率").unwrap();
    assert_eq!(rate["type"], "percent");
    assert_eq!(rate["label"], "客户意见反馈及时率");
    let item = update["symbols"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "客户信息及建议")
        .unwrap()
        .clone();
    assert_eq!(item["points"], "5");
    assert!(item["quote"]
        .as_str()
        .unwrap()
        .starts_with("客户意见反馈及时率"));
}

#[test]
fn a_threshold_change_moves_whom_diff_says_by_as_much() {
    let (_dir, rules) = rules_copy();
    let server = Server::start(Lang::En, &args(&rules, None));
    let state = server.state();
    let text = state["card"]["text"].as_str().unwrap().to_string();
    let unchanged = server.update(&text, &json!([]));
    assert_eq!(unchanged["impact"]["people_changed"], 0, "{unchanged}");

    let changed = edit(&text, ">= 95% : minus 1", ">= 97% : minus 1");
    let update = server.update(&changed, &json!([]));
    assert_eq!(update["diagnostics"], json!([]), "{update}");
    let rows = update["results"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 20);

    // `scorecard diff rules/ CHANGED.card DATA`, through the library.
    let manifest = rules.join("scorecard.toml");
    let card = rules.join("callback_specialist.card");
    let side = |spec: RulesSpec| {
        let scoring = Scoring::load(&spec).unwrap_or_else(|_| panic!("loads"));
        let plan = Plan::with_scoring(
            scoring,
            scorecard::run::Request {
                rules: spec,
                data: vec![DataInput::path(data())],
                from: Vec::new(),
                options: Options {
                    keep_going: true,
                    steps: vec!["考核".into()],
                    ..Options::default()
                },
            },
        )
        .unwrap_or_else(|_| panic!("plans"));
        let outcome = plan.results();
        (plan, outcome)
    };
    let (old_plan, old) = side(RulesSpec::Directory(manifest.clone()));
    let new_card = CardInput {
        path: card.clone(),
        text: Some(edit(
            &std::fs::read_to_string(&card).unwrap(),
            ">= 95% : minus 1",
            ">= 97% : minus 1",
        )),
    };
    let (new_plan, new) = side(RulesSpec::Overlaid {
        manifest,
        card: new_card,
    });
    let report = scorecard::diff::diff(old_plan.scoring(), new_plan.scoring(), &old, &new);
    let moved: Vec<_> = report
        .employees
        .iter()
        .filter(|e| !e.change().is_zero())
        .collect();
    assert!(!moved.is_empty());
    let impact = &update["impact"];
    assert_eq!(impact["people_changed"], moved.len(), "{impact}");
    let sum: rust_decimal::Decimal = moved.iter().map(|e| e.change()).sum();
    assert_eq!(impact["points_delta"], sum.normalize().to_string());
    assert_eq!(impact["grade_changes"], report.summary.grade_changes());
    for e in &moved {
        let row = rows.iter().find(|r| r["id"] == e.id.as_str()).unwrap();
        assert_eq!(
            row["delta_total"],
            e.change().normalize().to_string(),
            "{row}"
        );
        assert_eq!(row["total"], e.new_total.normalize().to_string(), "{row}");
        assert_eq!(
            row["grade_before"].as_str(),
            e.old_grade.as_deref(),
            "{row}"
        );
    }

    // An explanation under the edited card.
    let explained = server.json(
        "POST",
        "/api/explain",
        Some(json!({ "text": changed, "readonly_ranges": [], "id": moved[0].id })),
    );
    assert!(
        explained["text"]
            .as_str()
            .unwrap()
            .contains("客户信息及建议"),
        "{explained}"
    );
    let unknown = server.json(
        "POST",
        "/api/explain",
        Some(json!({ "text": changed, "readonly_ranges": [], "id": "NOBODY" })),
    );
    assert!(unknown["text"].as_str().unwrap().contains("NOBODY"));
}

#[test]
fn save_refuses_a_card_that_does_not_check_and_formats_one_that_does() {
    let (_dir, rules) = rules_copy();
    let card = rules.join("callback_specialist.card");
    let before = std::fs::read_to_string(&card).unwrap();
    let server = Server::start(Lang::Zh, &args(&rules, None));
    let text = server.state()["card"]["text"].as_str().unwrap().to_string();

    let broken = edit(&text, ">= 98% : full", ">= 98 : full");
    let refused = server.json(
        "POST",
        "/api/save",
        Some(json!({ "text": broken, "readonly_ranges": [] })),
    );
    assert_eq!(refused["ok"], false);
    assert_eq!(refused["message"], "考核表有 1 个错误，没有保存");
    assert_eq!(refused["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(std::fs::read_to_string(&card).unwrap(), before);

    // Laid out badly, a comment added: saved formatted, the comment kept.
    let messy = edit(
        &text,
        "                >= 95% : minus 1\n",
        "                // 97%: 按新方案\n      >=   97%   :   minus 1\n",
    );
    let saved = server.json(
        "POST",
        "/api/save",
        Some(json!({ "text": messy, "readonly_ranges": [] })),
    );
    assert_eq!(saved["ok"], true, "{saved}");
    assert!(saved["message"].as_str().unwrap().starts_with("已保存 "));
    let written = std::fs::read_to_string(&card).unwrap();
    let expected = edit(
        &before,
        "                >= 95% : minus 1\n",
        "                // 97%: 按新方案\n                >= 97% : minus 1\n",
    );
    assert_eq!(written, expected);
    assert_eq!(saved["formatted_text"], expected);
    // The saved card is the new baseline: nobody moves against it.
    let after = server.update(&expected, &json!([]));
    assert_eq!(after["impact"]["people_changed"], 0, "{after}");
}

#[test]
fn a_card_outside_the_rules_folder_is_refused() {
    let (dir, rules) = rules_copy();
    let outside = dir.path().join("outside.card");
    std::fs::copy(rules.join("callback_specialist.card"), &outside).unwrap();
    let refused = with_lang(Lang::En, || open(&args(&rules, Some(&outside))));
    assert!(matches!(refused, Err(super::Exit::Usage)));
    let dotdot = rules.join("../outside.card");
    let refused = with_lang(Lang::En, || open(&args(&rules, Some(&dotdot))));
    assert!(matches!(refused, Err(super::Exit::Usage)));
    // A link inside the folder to a card outside it: refused too.
    #[cfg(unix)]
    {
        let link = rules.join("link.card");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        let refused = with_lang(Lang::En, || open(&args(&rules, Some(&link))));
        assert!(matches!(refused, Err(super::Exit::Usage)));
    }
    let missing = rules.join("no_such.card");
    let refused = with_lang(Lang::En, || open(&args(&rules, Some(&missing))));
    assert!(matches!(refused, Err(super::Exit::CardError)));
}
