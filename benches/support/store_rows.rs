//! Rows for `tests/cards/valid/store_ranks.card` (ranks within each store),
//! sorted by store as an HR export is: streamed a store at a time.

/// `n` rows in stores of `per_store` (in store order), two brands, scores
/// from 60 to 100 with ties, 0 to 3 complaints.
pub fn store_rows(n: usize, per_store: usize) -> String {
    use std::fmt::Write;
    let mut csv = String::with_capacity(n * 48);
    csv.push_str("工号,姓名,门店,品牌,月度得分,客户投诉次数\n");
    for i in 0..n {
        let brand = ["君威", "GL8"][i % 2];
        let _ = writeln!(
            csv,
            "E{i},员工{i},店{},{brand},{},{}",
            i / per_store.max(1),
            60 + (i * 7919) % 41,
            (i * 31) % 4
        );
    }
    csv
}
