//! A bench binary: what one keystroke costs `scorecard serve` for a month
//! of 500 callback specialists (S1) routed by `rules/` to the group's card
//! and the brand cards that extend it. The real server is started on
//! 127.0.0.1 (`--port 0`) and sent `POST /api/update` over HTTP: the card
//! checked, the 500 rows scored, set beside the saved card's and summed
//! (`diff`'s numbers), the JSON written.
//!
//!     cargo bench --bench serve_latency            (500 employees, 40 updates)
//!     cargo bench --bench serve_latency -- 2000 20
//!
//! Prints the round trip as the page sees it (request to the last byte of
//! the answer) and the server's own `elapsed_ms`. What a person sees adds
//! the page's debounce (150 ms after the last keystroke) and its drawing of
//! the table (`editors/web/test/`: 20–50 ms for 500 rows). Asserts no time.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let mut numbers = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse::<usize>().ok());
    let people = numbers.next().unwrap_or(500);
    let rounds = numbers.next().unwrap_or(40);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let data = dir.path().join("month.csv");
    std::fs::write(&data, month(people)).expect("write the month");

    let root = env!("CARGO_MANIFEST_DIR");
    let mut server = Server::start(root, &data);
    let state = server.get("/api/state");
    let text = state["card"]["text"]
        .as_str()
        .expect("the card")
        .to_string();
    println!(
        "scorecard serve {}, {people} employees ({})",
        state["card"]["path"].as_str().unwrap_or("?"),
        data.display()
    );

    // Each round a different threshold of 客户信息及建议 (`>= 95% : minus 1`),
    // so every update moves people and nothing can be reused.
    let table = text.find("by 反馈及时率").expect("the tier table");
    let at = table + text[table..].find(">= 95% : minus 1").expect("the tier");
    let with = |pct: usize| format!("{}>= {pct}% : minus 1{}", &text[..at], &text[at + 16..]);
    let mut trips = Vec::new();
    let mut servers = Vec::new();
    let mut impact = serde_json::Value::Null;
    let mut cpu_before = Duration::ZERO;
    for round in 0..rounds + 3 {
        if round == 3 {
            cpu_before = server.cpu();
        }
        let edited = with(90 + round % 8);
        let body = serde_json::json!({ "seq": round, "text": edited, "readonly_ranges": [] });
        let started = Instant::now();
        let answer = server.post("/api/update", &body);
        let trip = started.elapsed();
        assert!(answer["results"].is_object(), "{answer}");
        if round >= 3 {
            // The first rounds warm the caches.
            trips.push(trip);
            servers.push(answer["elapsed_ms"].as_u64().unwrap_or(0));
            impact = answer["impact"].clone();
        }
    }
    let cpu = server.cpu().saturating_sub(cpu_before);
    trips.sort();
    servers.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let pick = |q: f64| trips[((trips.len() - 1) as f64 * q) as usize];
    println!(
        "POST /api/update, {rounds} rounds: round trip median {:.1} ms, p90 {:.1} ms, min {:.1} ms, max {:.1} ms",
        ms(pick(0.5)),
        ms(pick(0.9)),
        ms(trips[0]),
        ms(trips[trips.len() - 1])
    );
    println!(
        "  the server's elapsed_ms: median {}, max {}; last impact {impact}",
        servers[servers.len() / 2],
        servers[servers.len() - 1]
    );
    println!(
        "  the server's CPU time (user + system, all its threads): {:.1} ms per update \
         (what the wall-clock figures come to on an idle machine)",
        ms(cpu) / rounds as f64
    );
    println!(
        "  keystroke to results as the page shows them: 150 ms debounce + {:.0} ms + the page's drawing",
        ms(pick(0.5))
    );
    server.stop();
}

/// `people` callback specialists of one month, every column S1, its brand
/// cards and their pay card (S3, step 绩效工资, fed by the appraisal's
/// total) read: 岗位 routes them through `rules/scorecard.toml`, 品牌 and
/// 门店 to the brand's (and 君威一店's) card.
fn month(people: usize) -> String {
    let card = support::s1();
    let s1 = String::from_utf8(support::s1_csv(&card, people)).expect("UTF-8");
    let mut lines = s1.lines();
    let header = lines.next().expect("a header");
    let inputs = header.strip_prefix("工号,品牌,").expect("工号,品牌 first");
    let mut out = format!(
        "工号,姓名,岗位,品牌,门店,{inputs},商务客户回访完成,店长表扬,\
         预约成功台次,接待台次,售后台次完成率,关键指标达成率,保险保费,精品销售额\n"
    );
    for (i, line) in lines.enumerate() {
        let mut cells = line.splitn(3, ',');
        let (id, brand, rest) = (
            cells.next().unwrap(),
            cells.next().unwrap(),
            cells.next().unwrap(),
        );
        let store = if (i / 4) % 2 == 0 { "一店" } else { "二店" };
        let business = if brand == "GL8" { "是" } else { "" };
        let pay = format!(
            "{},{},{}%,{}%,{},{}",
            20 + i % 40,
            60 + i % 90,
            85 + i % 30,
            80 + i % 25,
            10_000 + 500 * (i % 40),
            (i % 7) * 600
        );
        out.push_str(&format!(
            "{id},员工{i},回访专员,{brand},{store},{rest},{business},,{pay}\n"
        ));
    }
    out
}

/// `scorecard serve rules/ DATA --port 0`, and a minimal HTTP/1.1 client.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    fn start(root: &str, data: &std::path::Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_scorecard"))
            .current_dir(root)
            .args(["serve", "rules/"])
            .arg(data)
            .args(["--port", "0", "--lang", "en"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start scorecard serve");
        let stdout = child.stdout.take().expect("its output");
        let mut lines = BufReader::new(stdout).lines();
        let address = loop {
            let line = lines
                .next()
                .expect("serve said where it listens")
                .expect("a line");
            if let Some(at) = line.find("http://") {
                let rest = &line[at + "http://".len()..];
                break rest[..rest.find('/').expect("a URL")].to_string();
            }
        };
        // The rest of its output is not read: keep the pipe drained.
        std::thread::spawn(move || for _ in lines {});
        Server { child, address }
    }

    fn get(&self, path: &str) -> serde_json::Value {
        self.send(&format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        ))
    }

    fn post(&self, path: &str, body: &serde_json::Value) -> serde_json::Value {
        let body = body.to_string();
        self.send(&format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.address,
            body.len()
        ))
    }

    fn send(&self, request: &str) -> serde_json::Value {
        let mut stream = TcpStream::connect(&self.address).expect("connect");
        stream.write_all(request.as_bytes()).expect("send");
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).expect("the answer");
        let split = answer
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("headers");
        let head = String::from_utf8_lossy(&answer[..split]).to_ascii_lowercase();
        let mut body = answer[split + 4..].to_vec();
        if head.contains("transfer-encoding: chunked") {
            body = unchunk(&body);
        }
        serde_json::from_slice(&body).expect("a JSON answer")
    }

    /// The CPU time the server has used so far (Linux: `/proc/PID/stat`;
    /// zero elsewhere), in clock ticks of 10 ms.
    fn cpu(&self) -> Duration {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        // The fields after the command's name, which is in parentheses.
        let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
        let fields: Vec<u64> = after
            .split_whitespace()
            .map(|f| f.parse().unwrap_or(0))
            .collect();
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
        let ticks = fields.get(11).unwrap_or(&0) + fields.get(12).unwrap_or(&0);
        Duration::from_millis(ticks * 10)
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A chunked body's bytes.
fn unchunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = body.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(std::str::from_utf8(&body[..end]).unwrap_or("0").trim(), 16)
                .unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 2 + size + 2..];
    }
    out
}
