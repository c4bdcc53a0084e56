//! A generated card of any number of items, for the parse-and-check bench
//! (`benches/card_check.rs`) and the test that it checks cleanly
//! (`tests/scorecard/big_card.rs`), so the bench never times an error path.
//!
//! The card reads like a large real one: sections of 6 to 14 items with a
//! comment above each, every kind of item rule in turn (tier tables of 3 to 5
//! rows on rates, ratios and times, pass/fail, per-occurrence deductions,
//! `score` formulas, rated items, late reports), the inputs each rule reads,
//! parameters, bonus and penalty blocks, a band, outputs and grade bands.
//! Built by string formatting only: the same text on every run.

use std::fmt::Write;

/// What each section's items are about, in turn.
const TOPICS: [&str; 12] = [
    "回访", "投诉", "预约", "保养", "索赔", "配件", "档案", "培训", "巡检", "接待", "结算", "活动",
];

/// How many items each section has, in turn (the last one takes what is left).
const SECTION_SIZES: [usize; 5] = [8, 10, 12, 6, 14];

/// Thresholds of a tier table on a rate, best first (the `else` row apart).
const RATE_ROWS: [&str; 4] = ["98%", "95%", "90%", "85%"];

/// Thresholds of a tier table on a time, best (lowest) first.
const TIME_ROWS: [&str; 4] = ["5", "10", "30", "60"];

/// Bonus and penalty blocks.
const BONUSES: usize = 4;
const PENALTIES: usize = 6;

/// The card's text, with exactly `items` items.
pub fn big_card(items: usize) -> String {
    let mut card = Card::default();
    let (mut k, mut s) = (0, 0);
    while k < items {
        let size = SECTION_SIZES[s % SECTION_SIZES.len()].min(items - k);
        card.section(s, k..k + size);
        k += size;
        s += 1;
    }
    card.finish()
}

/// A tier table on `subject`, as the lines of an item's rules: full points at
/// the first threshold, a point less at each next one (1 point if that would
/// be none), 0 below the last.
fn tier_table(subject: &str, op: &str, at: &[&str], points: u32) -> Vec<String> {
    let mut lines = vec![format!("by {subject} {{")];
    for (r, threshold) in at.iter().enumerate() {
        let outcome = match r {
            0 => "full".to_string(),
            r if r as u32 >= points => "1".to_string(),
            r => format!("minus {r}"),
        };
        lines.push(format!("    {op} {threshold} : {outcome}"));
    }
    lines.push("    else : 0".to_string());
    lines.push("}".to_string());
    lines
}

/// The card as it is built: its inputs and its sections, and the total so far.
#[derive(Default)]
struct Card {
    inputs: String,
    sections: String,
    total: u32,
}

impl Card {
    fn section(&mut self, s: usize, items: std::ops::Range<usize>) {
        let topic = TOPICS[s % TOPICS.len()];
        let _ = writeln!(self.inputs, "\n    // {topic}{s}");
        let mut body = String::new();
        let mut points = 0;
        for k in items {
            points += self.item(&mut body, topic, k);
        }
        // Every seventh section is weighed apart from its items' points, and scaled.
        let (weight, scaled) = if s % 7 == 6 {
            (points.div_ceil(10) * 10, " scaled")
        } else {
            (points, "")
        };
        self.total += weight;
        let _ = write!(
            self.sections,
            "\n    // {topic}考核, 第{s}部分\n    section {topic}{s} \"{topic}工作(第{s}部分)\" weight {weight}{scaled} {{\n{body}    }}\n"
        );
    }

    /// Writes item `k` and the inputs it reads; returns its points.
    fn item(&mut self, body: &mut String, topic: &str, k: usize) -> u32 {
        let points = 3 + (k * 7 % 6) as u32;
        let inputs = &mut self.inputs;
        // Declares input `{topic}{k}{suffix}` as `rest` says; gives its name.
        let mut input = |suffix: &str, rest: String| {
            let name = format!("{topic}{k}{suffix}");
            let _ = writeln!(inputs, "    input {name} {rest}");
            name
        };
        // Half the fifth items are rated, the other half tier tables on a rate.
        let kind = match k % 10 {
            5 if k % 20 == 15 => 0,
            kind => kind,
        };
        // The item's rules, one per line.
        let rules: Vec<String> = match kind {
            // A tier table on a rate, 3 to 5 rows.
            0 => {
                let rate = input("达标率", format!("percent \"{topic}第{k}项达标率\""));
                tier_table(&rate, ">=", &RATE_ROWS[..2 + k % 3], points)
            }
            // Pass/fail on a yes/no column.
            1 => {
                let done = input("完成", format!("bool \"{topic}第{k}项按时完成\""));
                vec![format!("full if {done}")]
            }
            // Per-occurrence deductions, one or two lines.
            2 => {
                let late = input(
                    "迟报次数",
                    format!("count \"{topic}{k}报表迟报次数\" default 0"),
                );
                if k % 4 == 2 {
                    let wrong = input(
                        "差错次数",
                        format!("count \"{topic}{k}登记差错次数\" default 0"),
                    );
                    vec![
                        format!("minus 2 per {late} \"迟报\""),
                        format!("minus 1 per {wrong} \"登记差错\""),
                    ]
                } else {
                    vec![format!("minus 1 per {late} \"迟报\"")]
                }
            }
            // A formula on a supervisor's rating.
            3 => {
                let rating = input("评分", format!("rating \"{topic}{k}主管评分\" range 0..10"));
                vec![format!("score min({rating} * {points} / 10, {points})")]
            }
            // A tier table on a ratio of two counts.
            4 => {
                let done = input("完成数", format!("count \"{topic}{k}完成数量\""));
                let target = input(
                    "目标数",
                    format!("count \"{topic}{k}目标数量\" range 1..100000"),
                );
                tier_table(
                    &format!("{done} / {target}"),
                    ">=",
                    &["100%", "80%"],
                    points,
                )
            }
            // Rated by three raters, combined three ways in turn.
            5 => vec![match k / 20 % 3 {
                0 => "rated by 自评, 经理, 审核 combine override".to_string(),
                1 => "rated by 自评, 经理, 审核 combine mean".to_string(),
                _ => "rated by 自评 20%, 经理 30%, 审核 50% combine weighted".to_string(),
            }],
            // Pass/fail on a condition over two inputs, with partial points.
            6 => {
                let absent = input("缺席", format!("bool \"{topic}{k}无故缺席\""));
                let mark = input(
                    "成绩",
                    format!("number \"{topic}{k}考核成绩\" range 0..100"),
                );
                vec![format!("full if not {absent} and {mark} >= 达标分 else 1")]
            }
            // "未做到扣除本项分值"
            7 => {
                let missed = input("未通知", format!("bool \"{topic}{k}发现问题未及时通知\""));
                vec![format!("zero if {missed}")]
            }
            // A tier table on a time, lowest first.
            8 => {
                let time = input(
                    "响应时间",
                    format!("number \"{topic}{k}平均响应时间(分钟)\" range 0..10000"),
                );
                tier_table(&time, "<=", &TIME_ROWS[..2 + (k / 10) % 3], points)
            }
            // A report that may be missing, late by days.
            _ => {
                let days = input(
                    "迟报天数",
                    format!("days \"{topic}{k}报告迟报天数\" optional"),
                );
                vec![format!("late {days} {{ missing: 0; minus 1 per day }}")]
            }
        };
        let head = format!("        item {topic}项{k} \"{topic}考核项{k}\" {points} {{");
        match rules.as_slice() {
            [rule] if !rule.starts_with("by ") => {
                let _ = writeln!(body, "{head} {rule} }}");
            }
            _ => {
                let _ = writeln!(body, "{head}");
                for rule in &rules {
                    let _ = writeln!(body, "            {rule}");
                }
                let _ = writeln!(body, "        }}");
            }
        }
        points
    }

    /// The whole card: header, parameters, raters, inputs, sections, bonus and
    /// penalty blocks (with their inputs), band, outputs and grade.
    fn finish(mut self) -> String {
        let mut blocks = String::new();
        let _ = writeln!(self.inputs, "\n    // 加分项与减分项");
        for b in 0..BONUSES {
            let praise = format!("表扬{b}");
            let _ = writeln!(
                self.inputs,
                "    input {praise} count \"客户表扬次数{b}\" default 0"
            );
            let _ = writeln!(
                blocks,
                "    bonus 表扬加分{b} \"加分项{b}\" cap 5 {{ plus 2 per {praise} }}"
            );
        }
        for p in 0..PENALTIES {
            let _ = writeln!(blocks, "    penalty 违纪减分{p} \"减分项{p}\" {{");
            for l in 0..2 + p % 2 {
                let breach = format!("违纪{p}类{l}");
                let _ = writeln!(
                    self.inputs,
                    "    input {breach} count \"违纪{p}-{l}\" default 0"
                );
                let _ = writeln!(blocks, "        minus {} per {breach}", 5 * (l + 1));
            }
            let _ = writeln!(blocks, "    }}");
        }
        let total = self.total;
        let (top, good) = (total * 9 / 10, total * 3 / 4);
        format!(
            "// A generated card of many items (benches/support/big_card.rs).\n\
             scorecard 大型考核 \"大型综合考核表\" {{\n\
             \x20   role \"综合岗位\"\n\
             \x20   period monthly\n\
             \x20   total {total}\n\n\
             \x20   param 达标分   85\n\
             \x20   param 基本工资 2000 元 \"基本工资\"\n\
             \x20   param 绩效工资 3000 元 \"绩效工资\"\n\n\
             \x20   rater 自评 \"自评\"\n\
             \x20   rater 经理 \"部门经理评分\"\n\
             \x20   rater 审核 \"公司审核\"\n\
             {inputs}{sections}\n{blocks}\n\
             \x20   band 考核系数 \"考核系数\" by total {{\n\
             \x20       >= {top} : 1.2\n\
             \x20       >= {good} : 1.0\n\
             \x20       else : 0.8\n\
             \x20   }}\n\
             \x20   output 得分率 \"得分率\" number = total / {total}\n\
             \x20   output 绩效收入 \"绩效工资×考核系数\" money = round(绩效工资 * 考核系数, 2)\n\
             \x20   output 月度工资 \"月度工资\" money = 基本工资 + 绩效收入\n\n\
             \x20   grade {{\n\
             \x20       >= {top} : 优秀\n\
             \x20       >= {good} : 称职\n\
             \x20       else : 较差\n\
             \x20   }}\n\
             }}\n",
            inputs = self.inputs,
            sections = self.sections,
        )
    }
}
