//! Points add up: each section's weight equals its items' points, and the
//! sections add up to the card's total.

use super::model::Section;
use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::ast::{self, Decl};
use crate::t;
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
                    t!("section-empty", section = &section.name),
                )
                .label(decl.name.span, t!("section-empty-label"));
                self.report(d);
                continue;
            }
            if !section.scaled && section.weight != section.points {
                let d = Diagnostic::error(
                    Code::WeightMismatch,
                    t!(
                        "weight-mismatch",
                        section = &section.name,
                        weight = format_decimal(section.weight),
                        sum = format_decimal(section.points)
                    ),
                )
                .label(
                    decl.weight.span,
                    t!(
                        "weight-mismatch-weight",
                        weight = format_decimal(section.weight)
                    ),
                )
                .label(
                    decl.name.span,
                    t!("weight-mismatch-items", sum = items_sum(decl)),
                )
                .help(t!("weight-mismatch-help"));
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
                t!(
                    "total-mismatch",
                    sum = format_decimal(sum),
                    total = format_decimal(total.value)
                ),
            )
            .label(total.span, t!("total-mismatch-label"))
            .help(t!("total-mismatch-help", sections = parts.join(" + ")));
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
