//! Items of a common shape are scored straight from the row when no trace
//! is asked for (`check::model::Shape`, `eval::item::by_shape`); the traced
//! path, `eval::item::score`, scores them with a trace. Both must give the same numbers, and the same error, for every row.

use crate::row::{Employee, Row};
use crate::source::SourceFile;

const CARD: &str = r#"scorecard t {
    total 40
    input 做到 bool
    input 未做 bool optional
    input 率 percent
    input 次数 count optional
    section s weight 40 {
        item 满分 4 { }
        item 做到项 4 { full if 做到 }
        item 未做项 4 { zero if 未做 }
        item 反做项 4 { full if not 做到 else 1.5 }
        item 反零项 4 { zero if not 未做 }
        item 阶梯 4 {
            by 率 {
                >= 98% : full
                >= 90% : minus 1.0
                >= 50% : minus 4
                else   : 0.50
            }
        }
        item 阶梯扣分 4 {
            by 率 {
                >= 90% : full
                else   : minus 3
            }
            minus 2 per 次数
        }
        item 扣分 4 { minus 0.5 per 次数 }
        item 做到扣分 8 { full if 做到 else 0.0  minus 1 per 次数 }
    }
}"#;

fn row(card: &crate::CheckedCard, cells: &[(&str, &str)]) -> Row {
    let values = crate::testing::values(card, cells);
    Row {
        line: 1,
        employee: Employee::default(),
        values,
    }
}

#[test]
fn shaped_items_score_as_the_general_way_does() {
    let card = crate::compile(&SourceFile::new("t.card", CARD))
        .expect("checks")
        .card;
    let mut scores = crate::eval::Scores::default();
    let mut rows = 0;
    for 做到 in ["是", "否"] {
        for 未做 in ["是", "否", ""] {
            for 率 in ["100%", "98%", "97.99%", "90%", "50%", "49%", "0%"] {
                for 次数 in ["0", "1", "3", "", "79228162514264337593543950335"] {
                    let cells = [("做到", 做到), ("未做", 未做), ("率", 率), ("次数", 次数)];
                    let row = row(&card, &cells);
                    let traced = crate::evaluate(&card, &row);
                    let untraced = crate::eval::evaluate_scores(&card, &row.values, &mut scores);
                    match (traced, untraced) {
                        (Ok(result), Ok(())) => {
                            let items: Vec<_> = result.scores.items.clone();
                            // Scale and sign too, not only the value.
                            let bits = |d: &[rust_decimal::Decimal]| {
                                d.iter().map(|d| d.serialize()).collect::<Vec<_>>()
                            };
                            assert_eq!(bits(&scores.items), bits(&items), "{cells:?}");
                            assert_eq!(scores.total.serialize(), result.scores.total.serialize());
                        }
                        (Err(traced), Err(untraced)) => assert_eq!(traced, untraced, "{cells:?}"),
                        (traced, untraced) => {
                            panic!("{cells:?}: traced {traced:?}, untraced {untraced:?}")
                        }
                    }
                    rows += 1;
                }
            }
        }
    }
    assert_eq!(rows, 2 * 3 * 7 * 5);
}
