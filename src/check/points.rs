//! Points add up: each section's weight equals its items' points, and the
//! sections add up to the card's total.

use super::model::Section;
use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::ast::{self, Decl};
use crate::value::format_decimal;
use rust_decimal::Decimal;

impl Checker<'_> {
    pub(super) fn check_points(
        &mut self,
        card: &ast::Card,
        total: Option<&ast::Number>,
        sections: &[Section],
    ) {
        let section_decls = card.decls.iter().filter_map(|d| match d {
            Decl::Section(s) => Some(s),
            _ => None,
        });
        for (section, decl) in sections.iter().zip(section_decls) {
            if decl.items.is_empty() {
                let d = Diagnostic::error(
                    Code::WeightMismatch,
                    format!("section `{}` has no items", section.name),
                )
                .label(decl.name.span, "empty section");
                self.report(d);
                continue;
            }
            if !section.scaled && section.weight != section.points {
                let d = Diagnostic::error(Code::WeightMismatch, format!(
                    "section `{}` weighs {} points but its items add up to {}",
                    section.name, format_decimal(section.weight), format_decimal(section.points)
                ))
                .label(decl.weight.span, format!("weight {} of the total", format_decimal(section.weight)))
                .label(decl.name.span, format!("items: {}", items_sum(decl)))
                .help("change an item's points or the weight, or write `scaled` after the weight to scale the items to it");
                self.report(d);
            }
        }
        let Some(total) = total else { return };
        let sum: Decimal = sections.iter().map(|s| s.weight).sum();
        if !sections.is_empty() && sum != total.value {
            let parts: Vec<String> = sections
                .iter()
                .map(|s| format!("{} {}", s.name, format_decimal(s.weight)))
                .collect();
            let d = Diagnostic::error(
                Code::TotalMismatch,
                format!(
                    "the sections add up to {} points, but the card's total is {}",
                    format_decimal(sum),
                    format_decimal(total.value)
                ),
            )
            .label(total.span, "declared total")
            .help(format!("sections: {}", parts.join(" + ")));
            self.report(d);
        }
    }
}

fn items_sum(section: &ast::Section) -> String {
    section
        .items
        .iter()
        .map(|i| format_decimal(i.points.value))
        .collect::<Vec<_>>()
        .join(" + ")
}
