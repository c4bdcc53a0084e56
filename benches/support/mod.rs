//! Shared by the benchmarks: generated S1 data, a hand-written S1 scorer
//! that is the baseline the evaluator is measured against, and a generated
//! card of any size (`big_card`), and rows ranked within stores, sorted by
//! store (`store_rows`).

#![allow(dead_code)] // each bench uses a different part

pub mod big_card;
pub mod store_rows;

use rust_decimal::Decimal;
use scorecard::value::Value;
use scorecard::CheckedCard;

pub const S1_CARD: &str = include_str!("../../rules/callback_specialist.card");

pub fn s1() -> CheckedCard {
    let source = scorecard::SourceFile::new("rules/callback_specialist.card", S1_CARD);
    scorecard::compile(&source)
        .expect("the S1 card checks")
        .into_card()
}

/// How long this thread has run on a core: steadier than the wall clock on
/// a machine that other work shares (Linux only; zero elsewhere).
pub fn on_cpu() -> std::time::Duration {
    let nanos = std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    std::time::Duration::from_nanos(nanos)
}

/// A deterministic pseudo-random sequence (no dependency, same rows every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// `rows` employees' months of S1 data as CSV text, every column filled.
pub fn s1_csv(card: &CheckedCard, rows: usize) -> Vec<u8> {
    let mut rng = Lcg(42);
    let mut out = String::with_capacity(rows * 160);
    out.push_str("工号,品牌");
    for input in card.inputs() {
        out.push(',');
        out.push_str(&input.name);
    }
    out.push('\n');
    let brands = ["君威", "GL8", "凯越", "赛欧"];
    for r in 0..rows {
        out.push_str(&format!("E{r},{}", brands[r % 4]));
        for input in card.inputs() {
            out.push(',');
            let cell = match input.ty {
                scorecard::value::InputType::Bool => {
                    if rng.next(10) < 9 { "是" } else { "否" }.to_string()
                }
                scorecard::value::InputType::Percent => format!("{}%", 80 + rng.next(21)),
                scorecard::value::InputType::Count => rng.next(3).to_string(),
                _ => match input.range {
                    Some((_, high)) => (high - Decimal::from(rng.next(3))).to_string(),
                    None => rng.next(100).to_string(),
                },
            };
            out.push_str(&cell);
        }
        out.push('\n');
    }
    out.into_bytes()
}

/// Indices of the S1 inputs the baseline reads, resolved once.
pub struct Baseline {
    ix: std::collections::HashMap<&'static str, usize>,
}

const NAMES: [&str; 39] = [
    "问题跟踪完成",
    "周满意度调查完成",
    "月度调查完成",
    "关怀抽查完成",
    "信息错误未通知",
    "日报迟报次数",
    "反馈及时率",
    "投诉解决及时率",
    "投诉满意率",
    "个人原因抱怨",
    "电话登记错误",
    "信息汇总完成",
    "档案管理达标",
    "邮件处理及时",
    "活动评估完成",
    "进度监控完成",
    "潜客抽查完成",
    "日志记录完成",
    "月报按时上报",
    "培训缺席",
    "培训迟到",
    "培训成绩",
    "工作类.自评",
    "工作类.经理",
    "工作类.审核",
    "业绩突出.自评",
    "业绩突出.经理",
    "业绩突出.审核",
    "满意度提升.自评",
    "满意度提升.经理",
    "满意度提升.审核",
    "重大工作失误",
    "一般工作失误",
    "严重违纪",
    "迟到早退",
    "仪容仪表违规",
    "无故缺席会议",
    "泄露客户信息",
    "旷工",
];

impl Baseline {
    pub fn new(card: &CheckedCard) -> Self {
        let ix = NAMES
            .iter()
            .map(|n| {
                (
                    *n,
                    card.input_index(n)
                        .unwrap_or_else(|| panic!("S1 has no input {n}")),
                )
            })
            .collect();
        Baseline { ix }
    }

    /// Indices in `NAMES` order, for the hot loop.
    pub fn indices(&self) -> [usize; 39] {
        NAMES.map(|n| self.ix[n])
    }
}

fn num(v: &Value) -> Decimal {
    v.as_num().unwrap_or_default()
}

fn yes(v: &Value) -> bool {
    v.as_bool().unwrap_or(false)
}

fn pass(done: bool, points: i64) -> Decimal {
    if done {
        Decimal::from(points)
    } else {
        Decimal::ZERO
    }
}

/// 日常工作 and the first two 学习成长 items: (column in `NAMES`, points),
/// each full points when done, else none.
const DONE_OR_NOT: [(usize, i64); 8] = [
    (11, 5),
    (12, 4),
    (13, 4),
    (14, 3),
    (15, 4),
    (16, 4),
    (17, 5),
    (18, 5),
];

/// A rated item whose self-rating is column `k` of `NAMES`: the audit
/// overrides the manager, who overrides the self-rating.
fn audit_over_manager_over_self(i: &[usize; 39], v: &[Value], k: usize) -> Decimal {
    [k + 2, k + 1, k]
        .iter()
        .find_map(|&r| v[i[r]].as_num())
        .unwrap_or_default()
}

fn clamp(x: Decimal, points: i64) -> Decimal {
    x.max(Decimal::ZERO).min(Decimal::from(points))
}

/// The S1 card, written out by hand in Rust: the fastest a scorer can be
/// with the same decimal type. Returns the total.
pub fn score_s1(i: &[usize; 39], v: &[Value]) -> Decimal {
    let g = |k: usize| &v[i[k]];
    let pct = |x: Decimal, p: i64| Decimal::new(p, 2) <= x;
    let mut t = pass(yes(g(0)), 5) + pass(yes(g(1)), 3) + pass(yes(g(2)), 6) + pass(yes(g(3)), 3);
    t += pass(!yes(g(4)), 3);
    t += clamp(Decimal::from(3) - num(g(5)), 3);
    let rate = num(g(6));
    t += if pct(rate, 98) {
        Decimal::from(5)
    } else if pct(rate, 95) {
        Decimal::from(4)
    } else if pct(rate, 85) {
        Decimal::from(3)
    } else {
        Decimal::ZERO
    };
    t += if pct(num(g(7)), 98) {
        Decimal::from(5)
    } else {
        Decimal::ZERO
    };
    let sat = num(g(8));
    t += if pct(sat, 98) {
        Decimal::from(5)
    } else if pct(sat, 95) {
        Decimal::from(4)
    } else if pct(sat, 90) {
        Decimal::from(3)
    } else {
        Decimal::ZERO
    };
    t += clamp(Decimal::from(5) - Decimal::TWO * num(g(9)) - num(g(10)), 5);
    for (k, p) in DONE_OR_NOT {
        t += pass(yes(g(k)), p);
    }
    t += pass(
        !yes(g(19)) && !yes(g(20)) && num(g(21)) >= Decimal::from(85),
        5,
    );
    let rated = |k: usize| audit_over_manager_over_self(i, v, k);
    t += clamp(rated(22), 8) + clamp(rated(25), 5) + clamp(rated(28), 5);
    let ten = Decimal::TEN;
    let five = Decimal::from(5);
    t -= ten * num(g(31)) + five * num(g(32));
    t -= ten * num(g(33))
        + five * (num(g(34)) + num(g(35)) + num(g(36)))
        + ten * (num(g(37)) + num(g(38)));
    t.max(Decimal::ZERO)
}

/// Everything the S1 report prints for a row, as [`score_s1_report`] fills it.
#[derive(Default)]
pub struct S1Report {
    pub items: [Decimal; 22],
    pub sections: [Decimal; 6],
    /// 工作类减分, 制度类减分, as negative amounts.
    pub penalties: [Decimal; 2],
    pub total: Decimal,
    /// 0 优秀, 1 称职, 2 较差.
    pub grade: usize,
}

/// The S1 card written out by hand, doing what the report needs: every
/// item's score, the sections, the penalties, the total and the grade
/// (the evaluator's work, without its generality). The fairer limit for
/// the evaluator; [`score_s1`] computes the total alone.
pub fn score_s1_report(i: &[usize; 39], v: &[Value], out: &mut S1Report) {
    let g = |k: usize| &v[i[k]];
    let pct = |x: Decimal, p: i64| Decimal::new(p, 2) <= x;
    let tier = |x: Decimal, cuts: [i64; 3], points: [i64; 3]| {
        cuts.iter()
            .zip(points)
            .find(|(cut, _)| pct(x, **cut))
            .map_or(Decimal::ZERO, |(_, p)| Decimal::from(p))
    };
    let rated = |k: usize| audit_over_manager_over_self(i, v, k);
    let it = &mut out.items;
    for (slot, (k, p)) in [(0, 5), (1, 3), (2, 6), (3, 3)].into_iter().enumerate() {
        it[slot] = pass(yes(g(k)), p);
    }
    it[4] = pass(!yes(g(4)), 3);
    it[5] = clamp(Decimal::from(3) - num(g(5)), 3);
    it[6] = tier(num(g(6)), [98, 95, 85], [5, 4, 3]);
    it[7] = tier(num(g(7)), [98, 98, 98], [5, 5, 5]);
    it[8] = tier(num(g(8)), [98, 95, 90], [5, 4, 3]);
    it[9] = clamp(Decimal::from(5) - Decimal::TWO * num(g(9)) - num(g(10)), 5);
    for (slot, (k, p)) in DONE_OR_NOT.into_iter().enumerate() {
        it[10 + slot] = pass(yes(g(k)), p);
    }
    it[18] = pass(
        !yes(g(19)) && !yes(g(20)) && num(g(21)) >= Decimal::from(85),
        5,
    );
    it[19] = clamp(rated(22), 8);
    it[20] = clamp(rated(25), 5);
    it[21] = clamp(rated(28), 5);
    let sum = |r: std::ops::Range<usize>| it[r].iter().copied().sum::<Decimal>();
    out.sections = [
        sum(0..4),
        sum(4..7),
        sum(7..10),
        sum(10..16),
        sum(16..19),
        sum(19..22),
    ];
    let ten = Decimal::TEN;
    let five = Decimal::from(5);
    out.penalties = [
        -(ten * num(g(31)) + five * num(g(32))),
        -(ten * num(g(33))
            + five * (num(g(34)) + num(g(35)) + num(g(36)))
            + ten * (num(g(37)) + num(g(38)))),
    ];
    let total: Decimal = out.sections.iter().sum::<Decimal>() + out.penalties[0] + out.penalties[1];
    out.total = total.max(Decimal::ZERO);
    out.grade = if out.total >= Decimal::from(90) {
        0
    } else if out.total >= Decimal::from(75) {
        1
    } else {
        2
    };
}
