//! `scorecard serve` as a user starts it: it says, in Chinese, where it
//! listens (127.0.0.1 only) and which card it edits, and answers the page
//! and its state there. The endpoints themselves are tested through the
//! router (`src/cli/serve/tests.rs`) and in Chromium (`editors/web/test/`).

use crate::common;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};

/// A GET over HTTP/1.1: the status line and the body.
fn get(address: &str, path: &str) -> (String, String) {
    let mut stream = TcpStream::connect(address).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("an answer");
    let (head, body) = answer.split_once("\r\n\r\n").expect("headers");
    (
        head.lines().next().unwrap_or("").to_string(),
        body.to_string(),
    )
}

#[test]
fn serve_says_where_it_listens_and_answers_there() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .current_dir(common::root())
        .env("LC_ALL", "zh_CN.UTF-8")
        .args([
            "serve",
            "rules/",
            "examples/callback_specialists_by_brand.csv",
            "--port",
            "0",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("scorecard serve starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().expect("a line").expect("text");
    let at = first.find("http://127.0.0.1:").expect(&first);
    let rest = &first[at + "http://".len()..];
    let address = rest[..rest.find('/').unwrap()].to_string();
    assert!(first.contains("只接受本机 127.0.0.1 的连接"), "{first}");
    let second = lines.next().expect("a line").expect("text");
    assert!(
        second.contains("正在编辑 rules/callback_specialist.card") && second.contains("20 人"),
        "{second}"
    );

    let (status, page) = get(&address, "/");
    assert!(status.contains("200"), "{status}");
    assert!(
        page.contains("<script") && page.contains("app.js"),
        "{page}"
    );
    let (status, state) = get(&address, "/api/state");
    assert!(status.contains("200"), "{status}");
    let state: serde_json::Value = serde_json::from_str(&state).unwrap();
    assert_eq!(state["card"]["path"], "rules/callback_specialist.card");
    assert_eq!(state["lang"], "zh-CN");
    let (status, _) = get(&address, "/../Cargo.toml");
    assert!(status.contains("404"), "{status}");
    child.kill().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    child.wait().unwrap();
    assert!(
        stderr.contains("编辑 rules/callback_specialist.card：数据中的 20 人由 5 张考核表计算"),
        "{stderr}"
    );
}

#[test]
fn a_port_in_use_is_said_and_exits_2() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .current_dir(common::root())
        .env("LC_ALL", "zh_CN.UTF-8")
        .args(["serve", "rules/callback_specialist.card", "--port", &port])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("无法在 127.0.0.1 的端口 {port} 上监听")),
        "{stderr}"
    );
}
