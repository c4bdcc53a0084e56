//! Tests of core behaviour that need this crate's data reader or reports.

use crate::cell::parse_cell;
use crate::eval::evaluate;
use crate::row::{Employee, Row};
use crate::source::SourceFile;
use crate::syntax::print::print;

#[test]
fn reports_of_results_not_yet_ranked_leave_the_places_blank() {
    let text = "scorecard t { total 100 input 分 number range 0..100
         section s weight 100 { item i 100 { score 分 } }
         grade { >= 90 : 优秀  >= 75 : 称职  else : 较差 }
         rank 名次 by total ties shared }";
    let card = crate::compile(&SourceFile::new("t.card", text))
        .expect("checks")
        .into_card();
    let results: Vec<_> = ["80", "90", "90", "70", "60"]
        .iter()
        .enumerate()
        .map(|(i, score)| Row {
            line: i + 2,
            employee: Employee {
                id: format!("e{i}"),
                store: Some("一店".to_string()),
                ..Employee::default()
            },
            values: vec![parse_cell(score, &card.inputs()[0]).expect("a score")],
        })
        .map(|row| evaluate(&card, &row).unwrap())
        .collect();
    let csv = crate::report::csv_string(&card, &results, false);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",grade,名次,名次.size,card_version,card_hash"),
        "{csv}"
    );
    assert!(lines.next().unwrap().contains(",称职,,,"), "{csv}");
}

/// The printed card scores every scenario row exactly as the original does.
#[test]
fn printed_cards_score_the_same() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let scenarios = [
        (
            "rules/callback_specialist.card",
            "tests/data/s1_typical_month.csv",
        ),
        (
            "rules/callback_specialist.card",
            "tests/data/s1_penalties_and_grades.csv",
        ),
        ("tests/cards/valid/tour.card", "tests/data/tour.csv"),
    ];
    for (card_path, data_path) in scenarios {
        let text = std::fs::read_to_string(format!("{root}/{card_path}")).expect("card");
        let original = crate::compile(&SourceFile::new(card_path, text.clone()))
            .expect("valid card")
            .into_card();
        let parsed =
            crate::syntax::parse(&SourceFile::new(card_path, text.clone())).expect("parses");
        let printed = print(&parsed);
        let reprinted = crate::compile(&SourceFile::new(card_path, printed))
            .expect("printed card checks")
            .into_card();
        let data = std::path::Path::new(root).join(data_path);
        let rows = crate::data::read_path(&original, &data).rows;
        assert!(!rows.is_empty(), "{data_path} has no rows");
        for row in &rows {
            let a = crate::evaluate(&original, row).expect("evaluates");
            let b = crate::evaluate(&reprinted, row).expect("evaluates");
            assert_eq!(
                a.scores.total, b.scores.total,
                "{card_path} on {data_path}, line {}",
                row.line
            );
            let scores = |r: &crate::ScoreResult| r.scores.items.clone();
            assert_eq!(
                scores(&a),
                scores(&b),
                "{card_path} on {data_path}, line {}",
                row.line
            );
            assert_eq!(a.scores.grade, b.scores.grade);
            assert_eq!(a.scores.derived, b.scores.derived);
        }
    }
}
