//! `scorecard lsp` spoken to as an editor speaks to it: the built binary on
//! stdin/stdout, Content-Length framed JSON-RPC. Every wait has a deadline,
//! so a server that hangs fails the test instead of blocking it. Anything
//! that could write works on a temporary copy of `rules/`.

use crate::common::root;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

const DEADLINE: Duration = Duration::from_secs(20);

/// A running server and the messages it has sent, in order.
struct Server {
    child: Child,
    stdin: ChildStdin,
    from: Receiver<Value>,
    next_id: i64,
    /// Notifications seen while waiting for something else.
    seen: Vec<Value>,
    /// What the server wrote on stderr (its log, in the editor).
    stderr: tempfile::NamedTempFile,
}

impl Server {
    /// Starts the server with no locale (so its own default: Chinese) and
    /// initializes it with `init` as the client's `initialize` parameters.
    fn start(init: Value, args: &[&str]) -> (Server, Value) {
        let stderr = tempfile::NamedTempFile::new().expect("a temporary file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_scorecard"))
            .arg("lsp")
            .args(args)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr.reopen().expect("the log"))
            .spawn()
            .expect("the binary starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (to, from) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if to.send(message).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            stdin,
            from,
            next_id: 1,
            seen: Vec::new(),
            stderr,
        };
        let result = server.request("initialize", init);
        server.notify("initialized", json!({}));
        (server, result)
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message, within the deadline.
    fn next(&mut self) -> Value {
        self.from
            .recv_timeout(DEADLINE)
            .unwrap_or_else(|_| panic!("no message from the server within {DEADLINE:?}"))
    }

    /// Sends a request; its response (the whole message: `result` or `error`).
    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.next();
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
            self.seen.push(message);
        }
    }

    /// A request's result; fails on an error response.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    /// The next diagnostics published for `uri` (seen ones first).
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let matches = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        if let Some(at) = self.seen.iter().position(matches) {
            let m = self.seen.remove(at);
            return m["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
        }
        loop {
            let m = self.next();
            if matches(&m) {
                return m["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
            self.seen.push(m);
        }
    }

    fn open(&mut self, path: &Path, text: &str) -> String {
        let uri = uri(path);
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "scorecard", "version": 1, "text": text}}),
        );
        uri
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// `shutdown`, then `exit`; the exit code.
    fn log(&self) -> String {
        std::fs::read_to_string(self.stderr.path()).unwrap_or_default()
    }

    fn stop(mut self) -> Option<i32> {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        for _ in 0..200 {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the server did not exit after `exit`");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// A file's URI as VS Code writes it: every byte outside `[A-Za-z0-9-._~/]`
/// percent-encoded.
fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn init(encodings: &[&str], options: Value) -> Value {
    json!({
        "processId": null,
        "capabilities": {"general": {"positionEncodings": encodings}},
        "initializationOptions": options,
    })
}

/// A copy of `rules/` in a temporary folder (the folder is removed when dropped).
fn rules_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let rules = dir.path().join("rules");
    for entry in walkdir::WalkDir::new(root().join("rules")) {
        let entry = entry.expect("a file under rules/");
        let rel = entry
            .path()
            .strip_prefix(root().join("rules"))
            .expect("under rules/");
        let target = rules.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
    (dir, rules)
}

/// `(line, character)` of the first `needle` in `text`, in UTF-16 units.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` in the text"));
    let before = &text[..at];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].encode_utf16().count())
}

fn at(uri: &str, (line, character): (usize, usize)) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

fn range_of(value: &Value) -> (u64, u64, u64, u64) {
    let n = |v: &Value| v.as_u64().expect("a number");
    (
        n(&value["start"]["line"]),
        n(&value["start"]["character"]),
        n(&value["end"]["line"]),
        n(&value["end"]["character"]),
    )
}

/// Applies a list of LSP text edits (UTF-16 positions) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let (line, ch) = (
            p["line"].as_u64().unwrap() as usize,
            p["character"].as_u64().unwrap() as usize,
        );
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= ch {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, &new);
    }
    out
}

#[test]
fn diagnostics_hover_completion_definition_and_formatting_over_stdio() {
    let (_dir, rules) = rules_copy();
    let (mut server, init) = Server::start(init(&["utf-16"], Value::Null), &[]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "scorecard");

    // A brand card with a misspelt input: the checker's message, in Chinese,
    // on the name as typed.
    let brand = rules.join("brands/君威/callback_specialist.card");
    let good = std::fs::read_to_string(&brand).unwrap();
    let broken = good.replace("by 反馈及时率 {", "by 反馈及时 {");
    let uri = server.open(&brand, &broken);
    let diagnostics = server.diagnostics(&uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    let (line, character) = position_of(&broken, "反馈及时 {");
    assert_eq!(
        range_of(&d["range"]),
        (
            line as u64,
            character as u64,
            line as u64,
            character as u64 + 4
        )
    );
    assert_eq!(d["severity"], 1);
    assert_eq!(d["code"], "unknown-name");
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("`反馈及时` 未在本考核表中声明"),
        "{message}"
    );
    assert!(message.contains("`反馈及时率`"), "{message}");

    // The quick fix: the name the checker suggests, in place of the typo.
    let actions = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let fix = &actions[0];
    assert_eq!(fix["title"], "改为 `反馈及时率`");
    assert_eq!(fix["kind"], "quickfix");
    let edits = fix["edit"]["changes"][&uri].as_array().unwrap();
    assert_eq!(apply(&broken, edits), good);

    // Fixed: the diagnostics are cleared.
    server.change(&uri, 2, &good);
    assert_eq!(server.diagnostics(&uri), Vec::<Value>::new());

    // Hover on an input the base card declares: label, type, where.
    let hover = server.request(
        "textDocument/hover",
        at(&uri, position_of(&good, "反馈及时率 {")),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("**输入** `反馈及时率` “客户意见反馈及时率”"),
        "{text}"
    );
    assert!(text.contains("百分比 (`percent`)"), "{text}");
    assert!(
        text.contains("声明于 `../../callback_specialist.card` 第 33 行"),
        "{text}"
    );

    // Hover on an item: its points and the policy's sentence.
    let hover = server.request(
        "textDocument/hover",
        at(&uri, position_of(&good, "客户信息及建议 {")),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("**考核项** `客户信息及建议`"), "{text}");
    assert!(text.contains("分值：5"), "{text}");
    assert!(text.contains("所属板块：`信息反馈`"), "{text}");
    assert!(
        text.contains("> 制度原文：“客户意见反馈及时率和客户服务信息传递及时率达98%以上"),
        "{text}"
    );
    // The brand's own tier table is the one in force.
    assert!(text.contains(">= 99% : full"), "{text}");

    // Completion: the card's inputs (first), functions and keywords.
    let items = server.request(
        "textDocument/completion",
        at(&uri, position_of(&good, "反馈及时率 {")),
    );
    let items = items.as_array().unwrap();
    let item = items
        .iter()
        .find(|i| i["label"] == "反馈及时率")
        .expect("反馈及时率 offered");
    assert_eq!(item["kind"], 6, "an input is a variable");
    assert!(item["detail"]
        .as_str()
        .unwrap()
        .contains("客户意见反馈及时率"));
    assert!(items.iter().any(|i| i["label"] == "投诉满意率"));
    assert!(items
        .iter()
        .any(|i| i["label"] == "round" && i["kind"] == 3));
    assert!(items
        .iter()
        .any(|i| i["label"] == "minus" && i["kind"] == 14));

    // Go to definition: into the base card, on the declaration's name.
    let location = server.request(
        "textDocument/definition",
        at(&uri, position_of(&good, "反馈及时率 {")),
    );
    assert_eq!(
        location["uri"],
        self::uri(&rules.join("callback_specialist.card"))
    );
    let base = std::fs::read_to_string(rules.join("callback_specialist.card")).unwrap();
    let (line, character) = position_of(&base, "反馈及时率       percent");
    assert_eq!(
        range_of(&location["range"]),
        (
            line as u64,
            character as u64,
            line as u64,
            character as u64 + 5
        )
    );
    // On the `extends` text: the base card itself.
    let location = server.request(
        "textDocument/definition",
        at(&uri, position_of(&good, "../../callback_specialist.card")),
    );
    assert_eq!(
        location["uri"],
        self::uri(&rules.join("callback_specialist.card"))
    );

    // Formatting: what `scorecard fmt` writes, comments kept.
    let messy = good
        .replace(
            "    override item 客户信息及建议 {",
            "override   item 客户信息及建议{ // 君威",
        )
        .replace(">= 97% : minus 1", ">=97%:minus 1");
    server.change(&uri, 3, &messy);
    server.diagnostics(&uri);
    let edits = server.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    let formatted = apply(&messy, edits.as_array().unwrap());
    let source = scorecard::SourceFile::new("x.card", messy.as_str());
    assert_eq!(formatted, scorecard::syntax::fmt::format(&source).unwrap());
    assert!(
        formatted.contains("override item 客户信息及建议 {  // 君威"),
        "{formatted}"
    );
    assert!(formatted.contains(">= 97% : minus 1"), "{formatted}");

    assert_eq!(server.stop(), Some(0));
}

#[test]
fn a_base_edited_but_not_saved_is_what_its_brand_card_is_checked_against() {
    let (_dir, rules) = rules_copy();
    let (mut server, _) = Server::start(init(&[], Value::Null), &[]);
    let brand = rules.join("brands/君威/callback_specialist.card");
    let brand_uri = server.open(&brand, &std::fs::read_to_string(&brand).unwrap());
    assert_eq!(server.diagnostics(&brand_uri), Vec::<Value>::new());
    // The input renamed in the open base card, not saved: the brand card
    // that reads it is wrong now, and says so at once.
    let base = rules.join("callback_specialist.card");
    let text = std::fs::read_to_string(&base).unwrap();
    let base_uri = server.open(&base, &text);
    server.diagnostics(&base_uri);
    server.diagnostics(&brand_uri);
    server.change(&base_uri, 2, &text.replace("反馈及时率", "反馈及时比率"));
    let diagnostics = server.diagnostics(&base_uri);
    assert_eq!(diagnostics, Vec::<Value>::new());
    let diagnostics = server.diagnostics(&brand_uri);
    assert!(
        diagnostics.iter().any(|d| d["message"]
            .as_str()
            .unwrap()
            .contains("`反馈及时率` 未在本考核表中声明")),
        "{diagnostics:?}"
    );
    // A problem wholly in the base: shown on the brand card's `extends`,
    // saying where it is.
    let twice = text.replace(
        "    period monthly",
        "    period monthly\n    input 培训迟到 bool \"重复\"",
    );
    server.change(&base_uri, 3, &twice);
    assert_eq!(server.diagnostics(&base_uri).len(), 1);
    let diagnostics = server.diagnostics(&brand_uri);
    let brand_text = std::fs::read_to_string(&brand).unwrap();
    let (line, _) = position_of(&brand_text, "extends");
    // The second declaration is the one in error.
    let (second, _) = position_of(&twice, "培训迟到         bool");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["range"]["start"]["line"], line as u64);
    let message = diagnostics[0]["message"].as_str().unwrap();
    let place = format!(
        "`培训迟到` 声明了两次（在 `../../callback_specialist.card` 第 {} 行）",
        second + 1
    );
    assert!(message.contains(&place), "{message}");
    let related = &diagnostics[0]["relatedInformation"][0]["location"];
    assert_eq!(related["uri"], uri(&base));
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn rename_an_input_across_its_family_in_rules_brands() {
    let (_dir, rules) = rules_copy();
    let (mut server, _) = Server::start(init(&[], Value::Null), &[]);
    let base = rules.join("callback_specialist.card");
    let text = std::fs::read_to_string(&base).unwrap();
    let uri = server.open(&base, &text);
    server.diagnostics(&uri);
    let at_name = at(&uri, position_of(&text, "活动评估完成"));

    // The outline: declarations in order, each section's items inside it.
    let outline = server.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let outline = outline.as_array().unwrap();
    let input = outline
        .iter()
        .find(|s| s["name"] == "活动评估完成")
        .expect("an input");
    assert_eq!(input["kind"], 13, "a variable");
    let section = outline
        .iter()
        .find(|s| s["name"] == "回访")
        .expect("a section");
    let items: Vec<&str> = section["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(items.len(), 4, "{items:?}");
    assert!(
        outline.iter().all(|s| s["kind"] != 8),
        "every item is inside its section"
    );

    // Every place it is written in the family, the declaration when asked for.
    let gl8 = rules.join("brands/GL8/callback_specialist.card");
    let mut params = at_name.clone();
    params["context"] = json!({"includeDeclaration": true});
    let all = server.request("textDocument/references", params.clone());
    let in_file = |list: &Value, path: &Path| {
        list.as_array()
            .unwrap()
            .iter()
            .filter(|l| l["uri"] == self::uri(path))
            .count()
    };
    let written = text.matches("活动评估完成").count();
    assert_eq!(in_file(&all, &base), written);
    assert_eq!(in_file(&all, &gl8), 1, "`remove input 活动评估完成`");
    assert_eq!(all.as_array().unwrap().len(), written + 1);
    params["context"] = json!({"includeDeclaration": false});
    let uses = server.request("textDocument/references", params);
    assert_eq!(uses.as_array().unwrap().len(), written);

    let range = server.request("textDocument/prepareRename", at_name.clone());
    let (line, character) = position_of(&text, "活动评估完成");
    assert_eq!(
        range_of(&range),
        (
            line as u64,
            character as u64,
            line as u64,
            character as u64 + 6
        )
    );

    // A name already taken, and no name at all, are refused with a reason.
    let mut taken = at_name.clone();
    taken["newName"] = json!("反馈及时率");
    let refused = server.call("textDocument/rename", taken);
    let why = refused["error"]["message"].as_str().unwrap();
    assert!(why.contains("已经用了名称 `反馈及时率`"), "{why}");
    let mut bad = at_name.clone();
    bad["newName"] = json!("活动 评估");
    let refused = server.call("textDocument/rename", bad);
    assert!(refused["error"]["message"]
        .as_str()
        .unwrap()
        .contains("不能用作名称"));

    let mut params = at_name;
    params["newName"] = json!("活动评估已反馈");
    let edit = server.request("textDocument/rename", params);
    let changes = edit["changes"].as_object().unwrap();
    let mut files: Vec<&String> = changes.keys().collect();
    files.sort();
    let mut expected = [self::uri(&base), self::uri(&gl8)];
    expected.sort();
    assert_eq!(
        files,
        expected.iter().collect::<Vec<_>>(),
        "the card and the brand card that removes it"
    );
    // Said besides: data columns, and the cases file that names it.
    let notes: Vec<String> = server
        .seen
        .iter()
        .filter(|m| m["method"] == "window/showMessage")
        .map(|m| m["params"]["message"].as_str().unwrap().to_string())
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("数据表里表头为 `活动评估完成` 的列")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("callback_specialist.cases.toml")),
        "{notes:?}"
    );

    // The edits applied, the rules directory still checks.
    for (file, path) in [(self::uri(&base), &base), (self::uri(&gl8), &gl8)] {
        let before = std::fs::read_to_string(path).unwrap();
        let after = apply(&before, changes[&file].as_array().unwrap());
        assert!(!after.contains("活动评估完成") && after.contains("活动评估已反馈"));
        std::fs::write(path, after).unwrap();
    }
    let check = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(["check", &rules.to_string_lossy()])
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    // An input used by a brand's own table: renamed there too.
    let brand = rules.join("brands/君威/callback_specialist.card");
    let brand_text = std::fs::read_to_string(&brand).unwrap();
    let brand_uri = server.open(&brand, &brand_text);
    server.diagnostics(&brand_uri);
    let mut params = at(&brand_uri, position_of(&brand_text, "反馈及时率"));
    params["newName"] = json!("意见反馈及时率");
    let edit = server.request("textDocument/rename", params);
    let changes = edit["changes"].as_object().unwrap();
    assert_eq!(changes[&brand_uri].as_array().unwrap().len(), 1);
    assert_eq!(changes[&self::uri(&base)].as_array().unwrap().len(), 2);
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn definition_of_a_hook_function_is_in_its_script() {
    let (mut server, _) = Server::start(init(&[], Value::Null), &[]);
    let card = root().join("rules/cs_specialist_pay.card");
    let text = std::fs::read_to_string(&card).unwrap();
    let uri = server.open(&card, &text);
    assert_eq!(server.diagnostics(&uri), Vec::<Value>::new());
    let used = position_of(&text, "增值业务提成(保险保费");
    let location = server.request("textDocument/definition", at(&uri, used));
    let script = root().join("rules/hooks/cs_pay.rhai");
    assert_eq!(location["uri"], self::uri(&script));
    let rhai = std::fs::read_to_string(&script).unwrap();
    let (line, character) = position_of(&rhai, "增值业务提成(保费");
    assert_eq!(range_of(&location["range"]).0, line as u64);
    assert_eq!(range_of(&location["range"]).1, character as u64);
    // Hover on an output: its formula.
    let hover = server.request(
        "textDocument/hover",
        at(&uri, position_of(&text, "增值提成 \"")),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("**输出** `增值提成`"), "{value}");
    assert!(
        value.contains("= 增值业务提成(保险保费, 精品销售额)"),
        "{value}"
    );
    // A hook function is named by its script: no rename from the card.
    let refused = server.call("textDocument/prepareRename", at(&uri, used));
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("cs_pay.rhai"),
        "{refused}"
    );
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn utf8_positions_and_english_messages_when_asked() {
    let (mut server, init) = Server::start(init(&["utf-8", "utf-16"], json!({"lang": "en"})), &[]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let path = root().join("rules/brands/君威/callback_specialist.card");
    let good = std::fs::read_to_string(&path).unwrap();
    let broken = good.replace("by 反馈及时率 {", "by 反馈及时 {");
    let uri = server.open(&path, &broken);
    let diagnostics = server.diagnostics(&uri);
    let d = &diagnostics[0];
    let at = broken.find("反馈及时 {").unwrap();
    let line_start = broken[..at].rfind('\n').unwrap() + 1;
    let byte = (at - line_start) as u64;
    assert_eq!(range_of(&d["range"]).1, byte, "bytes, not UTF-16 units");
    assert_eq!(range_of(&d["range"]).3, byte + "反馈及时".len() as u64);
    let message = d["message"].as_str().unwrap();
    assert!(message.contains("`反馈及时` is not declared"), "{message}");
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn the_command_line_language_wins_over_the_editors() {
    let (mut server, _) = Server::start(init(&[], json!({"lang": "zh"})), &["--lang", "en"]);
    let path = root().join("rules/brands/君威/callback_specialist.card");
    let broken = std::fs::read_to_string(&path)
        .unwrap()
        .replace("by 反馈及时率 {", "by 反馈及时 {");
    let uri = server.open(&path, &broken);
    let diagnostics = server.diagnostics(&uri);
    assert!(diagnostics[0]["message"]
        .as_str()
        .unwrap()
        .contains("is not declared"));
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn nonsense_and_positions_past_the_end_are_answered_not_crashed_on() {
    let (mut server, _) = Server::start(init(&[], Value::Null), &[]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("乱码.card");
    let uri = server.open(&path, "scorecard {{{ “没有结束\n/* 也没有\n😀 input");
    let diagnostics = server.diagnostics(&uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "syntax");
    for (line, character) in [(0, 0), (1, 3), (2, 1), (2, 99), (99, 99)] {
        let here = at(&uri, (line, character));
        for method in [
            "textDocument/hover",
            "textDocument/definition",
            "textDocument/completion",
        ] {
            server.request(method, here.clone());
        }
        let refused = server.call("textDocument/prepareRename", here.clone());
        assert!(refused["error"]["message"].is_string(), "{refused}");
    }
    let edits = server.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    assert_eq!(
        edits,
        Value::Null,
        "a card that does not parse is left as it is"
    );
    // An incremental change past the end, and a change to a file never opened.
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 50, "character": 0}, "end": {"line": 60, "character": 0}}, "text": "}"}
        ]}),
    );
    server.diagnostics(&uri);
    server.change("file:///nowhere/x.card", 1, "scorecard x {}");
    let unknown = server.call("textDocument/unknown", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let log = server.log();
    assert!(!log.contains("panicked"), "{log}");
    assert!(log.contains("scorecard 语言服务已启动"), "{log}");
    assert_eq!(server.stop(), Some(0));
}
