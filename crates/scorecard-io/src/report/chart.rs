//! The score distribution as an inline SVG bar chart: how many totals fall
//! in each tenth of the card's total. No script, no fonts or files fetched,
//! so the report prints and opens offline exactly as written.

use super::html_text::escape;
use crate::value::format_decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// Bars in the chart: tenths of the card's total.
const BINS: usize = 10;
const WIDTH: u32 = 640;
const HEIGHT: u32 = 220;
/// Room for the labels under the bars and the counts above them.
const BOTTOM: u32 = 36;
const TOP: u32 = 20;
const LEFT: u32 = 8;

/// How many of `totals` fall in each tenth of `out_of`: `[0, 10)`, …,
/// `[80, 90)`, then `[90, ∞)`, so a total lifted past full marks by a bonus still counts.
pub fn histogram(totals: &[Decimal], out_of: Decimal) -> [usize; BINS] {
    let mut counts = [0; BINS];
    let step = out_of / Decimal::from(BINS);
    for &total in totals {
        let bin = if step <= Decimal::ZERO {
            0
        } else {
            // Totals are never negative; past the top they go in the last bin.
            let index = (total / step).floor();
            index.to_usize().unwrap_or(0).min(BINS - 1)
        };
        counts[bin] += 1;
    }
    counts
}

/// The labels of the bins: `0–10`, …, `≥90`.
fn labels(out_of: Decimal) -> Vec<String> {
    let step = out_of / Decimal::from(BINS);
    (0..BINS)
        .map(|i| {
            let low = format_decimal(step * Decimal::from(i));
            if i == BINS - 1 {
                format!("≥{low}")
            } else {
                format!("{low}–{}", format_decimal(step * Decimal::from(i + 1)))
            }
        })
        .collect()
}

/// The chart, sized to print within an A4 page's width; `title` is read by screen readers.
pub fn svg(totals: &[Decimal], out_of: Decimal, title: &str) -> String {
    let counts = histogram(totals, out_of);
    let labels = labels(out_of);
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    let slot = (WIDTH - 2 * LEFT) / BINS as u32;
    let plot = HEIGHT - TOP - BOTTOM;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" role=\"img\" aria-label=\"{}\">\n",
        escape(title)
    );
    let baseline = TOP + plot;
    let _ = writeln!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{baseline}\" x2=\"{}\" y2=\"{baseline}\" class=\"axis\"/>",
        WIDTH - LEFT
    );
    for (i, (&count, label)) in counts.iter().zip(&labels).enumerate() {
        let x = LEFT + slot * i as u32;
        let height = plot * count as u32 / most as u32;
        let centre = x + slot / 2;
        if count > 0 {
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{height}\" class=\"bar\"/>",
                x + 4,
                baseline - height,
                slot - 8
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{centre}\" y=\"{}\" class=\"count\">{count}</text>",
            baseline - height - 5
        );
        let _ = writeln!(
            out,
            "<text x=\"{centre}\" y=\"{}\" class=\"label\">{label}</text>",
            baseline + 18
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn totals_fall_in_tenths_with_full_marks_and_more_in_the_top_bar() {
        let totals = [
            d("0"),
            d("9.99"),
            d("10"),
            d("84"),
            d("89.5"),
            d("90"),
            d("100"),
            d("103"),
        ];
        assert_eq!(histogram(&totals, d("100")), [2, 1, 0, 0, 0, 0, 0, 0, 2, 3]);
    }

    #[test]
    fn a_card_out_of_fifty_has_bars_of_five() {
        assert_eq!(
            histogram(&[d("4.9"), d("5"), d("50")], d("50"))[..2],
            [1, 1]
        );
        assert_eq!(labels(d("50"))[0], "0–5");
        assert_eq!(labels(d("50"))[9], "≥45");
    }

    #[test]
    fn the_tallest_bar_fills_the_plot_and_empty_bins_have_no_bar() {
        let svg = svg(&[d("95"), d("96"), d("75")], d("100"), "一店");
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("height=\"164\" class=\"bar\""), "{svg}");
        assert!(svg.contains("height=\"82\" class=\"bar\""), "{svg}");
        assert!(svg.starts_with("<svg xmlns"));
    }
}
