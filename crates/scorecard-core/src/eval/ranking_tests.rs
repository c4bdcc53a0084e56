//! The ranking stage on small hand-made sets: tie rules, groups, limits, and
//! what happens when a row cannot be placed.

use crate::eval::{evaluate, evaluate_all};
use crate::source::SourceFile;
use crate::value::{format_decimal, Value};
use crate::CheckedCard;
use crate::{
    cell::parse_cell,
    row::{Employee, Row},
};

fn card(extra: &str) -> CheckedCard {
    let text = format!(
        "scorecard t {{ total 100 input 分 number range 0..100
         section s weight 100 {{ item i 100 {{ score 分 }} }}
         grade {{ >= 90 : 优秀  >= 75 : 称职  else : 较差 }}
         {extra} }}"
    );
    match crate::compile(&SourceFile::new("t.card", text)) {
        Ok(c) => c.card,
        Err(d) => panic!("{:?}", d.0.iter().map(|d| &d.message).collect::<Vec<_>>()),
    }
}

/// One row per `(id, store, score)`.
fn rows(card: &CheckedCard, people: &[(&str, Option<&str>, &str)]) -> Vec<Row> {
    people
        .iter()
        .enumerate()
        .map(|(line, (id, store, score))| Row {
            line: line + 2,
            employee: Employee {
                id: id.to_string(),
                store: store.map(String::from),
                ..Employee::default()
            },
            values: vec![parse_cell(score, &card.inputs[0]).expect("a score")],
        })
        .collect()
}

fn places(card: &CheckedCard, people: &[(&str, Option<&str>, &str)]) -> Vec<String> {
    let (results, failures) = evaluate_all(card, &rows(card, people));
    assert!(failures.is_empty(), "{failures:?}");
    results
        .iter()
        .map(|r| format!("{}:{}/{}", r.employee.id, r.ranks[0].place, r.ranks[0].size))
        .collect()
}

const FIVE: [(&str, Option<&str>, &str); 5] = [
    ("a", Some("一店"), "80"),
    ("b", Some("一店"), "90"),
    ("c", Some("一店"), "90"),
    ("d", Some("一店"), "70"),
    ("e", Some("一店"), "60"),
];

#[test]
fn shared_ties_skip_the_next_place_and_dense_ties_do_not() {
    let shared = card("rank 名次 by total within store ties shared");
    assert_eq!(
        places(&shared, &FIVE),
        ["a:3/5", "b:1/5", "c:1/5", "d:4/5", "e:5/5"]
    );
    let dense = card("rank 名次 by total within store ties dense");
    assert_eq!(
        places(&dense, &FIVE),
        ["a:2/5", "b:1/5", "c:1/5", "d:3/5", "e:4/5"]
    );
    let lowest = card("rank 名次 by total lowest first ties shared");
    assert_eq!(
        places(&lowest, &FIVE),
        ["a:3/5", "b:4/5", "c:4/5", "d:2/5", "e:1/5"]
    );
}

#[test]
fn each_store_is_its_own_group() {
    let card = card("rank 名次 by total within store ties shared");
    let people = [
        ("a", Some("一店"), "70"),
        ("b", Some("二店"), "60"),
        ("c", Some("一店"), "80"),
    ];
    assert_eq!(places(&card, &people), ["a:2/2", "b:1/1", "c:1/2"]);
}

#[test]
fn a_row_without_its_group_is_not_placed_and_not_counted() {
    let card = card("rank 名次 by total within store ties shared");
    let people = [
        ("a", Some("一店"), "70"),
        ("b", None, "90"),
        ("c", Some("一店"), "80"),
    ];
    let (results, failures) = evaluate_all(&card, &rows(&card, &people));
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].employee.id, "b");
    assert_eq!(
        failures[0].error.to_string(),
        "this rank compares rows within each store, but the row has no store"
    );
    assert_eq!(
        failures[0].error.kind(),
        crate::eval::EvalErrorKind::NoGroup
    );
    let shown: Vec<String> = results
        .iter()
        .map(|r| format!("{}:{}/{}", r.employee.id, r.ranks[0].place, r.ranks[0].size))
        .collect();
    assert_eq!(shown, ["a:2/2", "c:1/2"]);
}

#[test]
fn the_row_stage_alone_leaves_rank_readers_blank() {
    let card = card(
        "rank 名次 by total ties shared
         output 奖金 money = if 名次 = 1 then 500 元 else 0 元
         output 基数 = total / 10",
    );
    let row = &rows(&card, &FIVE)[1];
    let alone = evaluate(&card, row).unwrap();
    let value = |r: &crate::ScoreResult, name: &str| {
        let i = card.derived.iter().position(|d| d.name == name).unwrap();
        r.scores.derived[i].clone()
    };
    assert_eq!(value(&alone, "奖金"), Value::Missing);
    assert_eq!(
        value(&alone, "基数").as_num().map(format_decimal),
        Some("9".into())
    );
    assert!(alone.ranks.is_empty());
    let (all, _) = evaluate_all(&card, &rows(&card, &FIVE));
    assert_eq!(
        value(&all[1], "奖金").as_num().map(format_decimal),
        Some("500".into())
    );
}

#[test]
fn a_limit_rounds_its_share_down_and_pushes_the_lowest_first() {
    // Five rows, three at 优秀 (90, 95, 92); 40% of 5 is 2: the 90 goes down.
    let card = card("limit 优秀 40% within all push down by total ties keep");
    let people = [
        ("a", None, "90"),
        ("b", None, "95"),
        ("c", None, "50"),
        ("d", None, "92"),
        ("e", None, "80"),
    ];
    let (results, _) = evaluate_all(&card, &rows(&card, &people));
    let grades: Vec<String> = results
        .iter()
        .map(|r| format!("{}:{}", r.employee.id, r.grade(&card).unwrap()))
        .collect();
    assert_eq!(grades, ["a:称职", "b:优秀", "c:较差", "d:优秀", "e:称职"]);
    let push = &results[0].pushed[0];
    assert_eq!((push.size, push.allowed, push.had), (5, 2, 3));
    assert_eq!(push.last_kept.map(format_decimal), Some("92".into()));
    assert_eq!(push.tie_at_cut, None);
}

#[test]
fn ties_at_the_cut_all_keep_or_all_go() {
    let people = [
        ("a", None, "95"),
        ("b", None, "92"),
        ("c", None, "92"),
        ("d", None, "50"),
        ("e", None, "50"),
    ];
    let grades = |rule: &str| {
        let card = card(&format!(
            "limit 优秀 40% within all push down by total ties {rule}"
        ));
        let (results, _) = evaluate_all(&card, &rows(&card, &people));
        results
            .iter()
            .take(3)
            .map(|r| r.grade(&card).unwrap().to_string())
            .collect::<Vec<_>>()
    };
    // 40% of 5 is 2, and the 2nd and 3rd tie at 92.
    assert_eq!(grades("keep"), ["优秀", "优秀", "优秀"]);
    assert_eq!(grades("push"), ["优秀", "称职", "称职"]);
}

#[test]
fn a_grade_that_reads_a_rank_waits_for_the_group_stage() {
    let text = "scorecard t { total 100 input 分 number range 0..100
        section s weight 100 { item i 100 { score 分 } }
        rank 名次 by total ties shared
        grade by 名次 { <= 1 : 冠军  else : 其他 } }";
    let card = crate::compile(&SourceFile::new("t.card", text))
        .unwrap()
        .card;
    assert!(card.ranking.grade_after_ranks);
    let rows = rows(&card, &FIVE);
    assert_eq!(evaluate(&card, &rows[1]).unwrap().scores.grade, None);
    let (results, _) = evaluate_all(&card, &rows);
    let grades: Vec<&str> = results
        .iter()
        .map(|r| r.grade(&card).map_or("", |g| &**g))
        .collect();
    assert_eq!(grades, ["其他", "冠军", "冠军", "其他", "其他"]);
}
