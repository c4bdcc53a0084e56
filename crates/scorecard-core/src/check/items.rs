//! Sections, their items, and the rules that score each item; bonus and
//! penalty blocks.

use super::expr::Context;
use super::model::{
    Adjustment, BaseRule, Expr, ExprKind, Item, Outcome, PerOccurrence, Section, Shape, Tier,
    TierTable,
};
use super::symbols::Symbol;
use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::ast::{self, Decl, PassFailKind, Rule};
use crate::t;
use crate::value::{InputType, Type, Unit};
use rust_decimal::Decimal;

impl Checker<'_> {
    pub(super) fn sections(&mut self, decls: &[Decl], total: Decimal) -> (Vec<Section>, Vec<Item>) {
        let mut sections = Vec::new();
        let mut items = Vec::new();
        for decl in decls {
            let Decl::Section(section) = decl else {
                continue;
            };
            self.positive(&section.weight, &t!("what-section-weight"));
            let first = items.len();
            for item in &section.items {
                items.push(self.item(item, sections.len()));
            }
            let points = items[first..].iter().map(|i: &Item| i.points).sum();
            let weight = match section.weight.unit {
                ast::LitUnit::Percent => section.weight.value * total,
                _ => section.weight.value,
            };
            sections.push(Section {
                name: section.name.name.clone(),
                label: section.label.as_ref().map(|l| l.value.clone()),
                weight,
                scaled: section.scaled.is_some(),
                items: first..items.len(),
                points,
                span: section.span,
            });
        }
        (sections, items)
    }

    fn item(&mut self, item: &ast::Item, section: usize) -> Item {
        self.positive(&item.points, &t!("what-item-points"));
        let points = item.points.value;
        let mut base: Option<(BaseRule, &Rule)> = None;
        let mut deductions = Vec::new();
        for rule in &item.rules {
            if let Rule::Deduction(d) = rule {
                if let Some(per) = self.per_occurrence(d) {
                    deductions.push(per);
                }
                continue;
            }
            let Some(compiled) = self.base_rule(rule, item) else {
                continue;
            };
            if let Some((_, first)) = &base {
                let d = Diagnostic::error(
                    Code::ConflictingRules,
                    t!("conflicting-rules", item = &item.name.name),
                )
                .label(rule.span(), t!("conflicting-rules-second"))
                .label(first.span(), t!("conflicting-rules-first"))
                .help(t!("conflicting-rules-help"));
                self.report(d);
                continue;
            }
            base = Some((compiled, rule));
        }
        let base = base.map(|(rule, _)| rule);
        Item {
            name: item.name.name.clone(),
            label: item.label.as_ref().map(|l| l.value.clone()),
            section,
            points,
            shape: shape_of(base.as_ref(), points, !deductions.is_empty()),
            base,
            deductions,
            span: item.span,
        }
    }

    fn base_rule(&mut self, rule: &Rule, item: &ast::Item) -> Option<BaseRule> {
        let points = item.points.value;
        match rule {
            Rule::Rated(rated) => self.rated(item, rated),
            Rule::Deduction(_) => None,
            Rule::Tiers(table) => self.item_tiers(table, points).map(BaseRule::Tiers),
            Rule::PassFail(pass_fail) => self.pass_fail(pass_fail, points),
            Rule::Late(late) => self.late(late, points),
            Rule::Score(expr) => {
                let typed = self.expr(expr, Context::ItemRule)?;
                if typed.ty != Type::Num(Unit::Plain) {
                    self.mismatch(
                        expr.span,
                        t!("item-score-not-points", ty = typed.ty.to_string()),
                        None,
                    );
                    return None;
                }
                Some(BaseRule::Score {
                    expr: typed.expr,
                    span: expr.span,
                })
            }
        }
    }

    fn pass_fail(&mut self, rule: &ast::PassFail, points: Decimal) -> Option<BaseRule> {
        let condition = self.expr(&rule.condition, Context::ItemRule)?;
        let condition = self.expect_bool(condition, "`full if` / `zero if`")?;
        let otherwise = match &rule.otherwise {
            Some(n) => {
                self.within_points(n, points);
                n.value
            }
            None => Decimal::ZERO,
        };
        Some(BaseRule::PassFail {
            condition: condition.expr,
            zero_if: rule.kind == PassFailKind::ZeroIf,
            otherwise,
            span: rule.span,
        })
    }

    fn late(&mut self, rule: &ast::LateRule, points: Decimal) -> Option<BaseRule> {
        self.within_points(&rule.missing, points);
        self.not_negative(&rule.per_day);
        let input = self.input_named(&rule.input)?;
        let decl = &self.inputs[input];
        if decl.ty != InputType::Days || !decl.optional {
            let d = Diagnostic::error(
                Code::BadInput,
                if decl.optional {
                    t!(
                        "late-needs-days",
                        name = &decl.name,
                        ty = decl.ty.to_string()
                    )
                } else {
                    t!(
                        "late-needs-days-required",
                        name = &decl.name,
                        ty = decl.ty.to_string()
                    )
                },
            )
            .label(rule.input.span, t!("used-here"))
            .label(decl.span, t!("declared-here"))
            .help(t!("late-needs-days-help", name = &decl.name));
            self.report(d);
            return None;
        }
        Some(BaseRule::Late {
            input,
            missing: rule.missing.value,
            per_day: rule.per_day.value,
            span: rule.span,
        })
    }

    /// `minus N per X` / `plus N per X`: X must be a count (or days) input.
    fn per_occurrence(&mut self, rule: &ast::Deduction) -> Option<PerOccurrence> {
        self.not_negative(&rule.amount);
        let input = self.input_named(&rule.per)?;
        let decl = &self.inputs[input];
        if !decl.ty.is_countable() {
            let d = Diagnostic::error(
                Code::DeductionNotCount,
                t!(
                    "deduction-not-count",
                    name = &decl.name,
                    kind = super::rollup::kind_word(decl.ty),
                    keyword = decl.ty.keyword()
                ),
            )
            .label(rule.per.span, t!("deduction-not-count-label"))
            .label(decl.span, t!("declared-here"))
            .help(t!("deduction-not-count-help", name = &decl.name));
            self.report(d);
            return None;
        }
        Some(PerOccurrence {
            amount: rule.amount.value,
            input,
            label: rule.label.as_ref().map(|l| l.value.clone()),
            span: rule.span,
        })
    }

    /// The input a rule names, or a diagnostic if the name is unknown or not an input.
    pub(super) fn input_named(&mut self, name: &ast::Ident) -> Option<usize> {
        match self.symbols.get(&name.name) {
            Some(Symbol::Input(i)) => Some(i),
            None => {
                self.unknown_name(name);
                None
            }
            Some(other) => {
                let d = Diagnostic::error(
                    Code::TypeMismatch,
                    t!("not-an-input", name = &name.name, what = other.describe()),
                )
                .label(name.span, t!("not-an-input-label"));
                self.report(d);
                None
            }
        }
    }

    pub(super) fn within_points(&mut self, n: &ast::Number, points: Decimal) {
        if n.value < Decimal::ZERO || n.value > points {
            let d = Diagnostic::error(
                Code::TierOutOfRange,
                t!(
                    "outside-item-points",
                    value = crate::value::format_decimal(n.value),
                    points = crate::value::format_decimal(points)
                ),
            )
            .label(n.span, t!("outside-item-points-label"));
            self.report(d);
        }
    }

    fn not_negative(&mut self, n: &ast::Number) {
        if n.value < Decimal::ZERO {
            let d = Diagnostic::error(Code::BadNumber, t!("amount-has-sign"))
                .label(n.span, t!("amount-has-sign-label"));
            self.report(d);
        }
    }

    pub(super) fn adjustments(&mut self, decls: &[Decl]) -> Vec<Adjustment> {
        let mut blocks = Vec::new();
        for decl in decls {
            let Decl::Adjustment(block) = decl else {
                continue;
            };
            if let Some(cap) = &block.cap {
                self.positive(cap, &t!("what-cap"));
            }
            let lines = block
                .lines
                .iter()
                .filter_map(|line| self.per_occurrence(line))
                .collect();
            blocks.push(Adjustment {
                kind: block.kind,
                name: block.name.name.clone(),
                label: block.label.as_ref().map(|l| l.value.clone()),
                cap: block.cap.as_ref().map(|c| c.value),
                lines,
                span: block.span,
            });
        }
        blocks
    }

    /// An item's tier table: thresholds checked, outcomes within the item's points.
    fn item_tiers(
        &mut self,
        table: &ast::TierTable<ast::ItemOutcome>,
        points: Decimal,
    ) -> Option<super::model::TierTable<Outcome>> {
        self.tier_table(
            table,
            Context::ItemRule,
            |checker, outcome| {
                Some(match outcome {
                    ast::ItemOutcome::Full(_) => Outcome::Full,
                    ast::ItemOutcome::Minus(n) => {
                        checker.within_points(n, points);
                        Outcome::Minus(n.value)
                    }
                    ast::ItemOutcome::Fixed(n) => {
                        checker.within_points(n, points);
                        Outcome::Fixed(n.value)
                    }
                    ast::ItemOutcome::Formula(expr) => {
                        let typed = checker.expr(expr, Context::ItemRule)?;
                        if typed.ty != Type::Num(Unit::Plain) {
                            checker.mismatch(
                                expr.span,
                                t!("tier-formula-not-points", ty = typed.ty.to_string()),
                                None,
                            );
                            return None;
                        }
                        Outcome::Formula(typed.expr)
                    }
                })
            },
            |outcome| match outcome {
                Outcome::Full => Some(points),
                Outcome::Minus(n) => Some((points - n).max(Decimal::ZERO)),
                Outcome::Fixed(n) => Some(*n),
                Outcome::Formula(_) => None,
            },
        )
    }
}

/// The shape of an item worth `points` whose base rule is `base`. An
/// item without deductions has its points held to [0, points] here, once,
/// rather than row after row.
fn shape_of(base: Option<&BaseRule>, points: Decimal, deductions: bool) -> Shape {
    let mut shape = match base {
        None => Shape::Full,
        Some(BaseRule::PassFail {
            condition,
            zero_if,
            otherwise,
            ..
        }) => flag(condition, *zero_if, *otherwise),
        Some(BaseRule::Tiers(table)) => tiers(table, points),
        Some(_) => Shape::General,
    };
    if !deductions {
        shape.hold_to(points);
    }
    shape
}

/// `full if X`, `zero if X`, or either on `not X`, for a yes/no input X.
fn flag(condition: &Expr, zero_if: bool, otherwise: Decimal) -> Shape {
    // The rule is met when the condition differs from `zero_if`; the cell
    // is the condition, or its opposite under `not`.
    let (input, negated) = match &condition.kind {
        ExprKind::Input(i) => (*i, false),
        ExprKind::Not(inner) => match inner.kind {
            ExprKind::Input(i) => (i, true),
            _ => return Shape::General,
        },
        _ => return Shape::General,
    };
    Shape::Flag {
        input,
        full_when: zero_if == negated,
        otherwise: if zero_if { Decimal::ZERO } else { otherwise },
    }
}

fn tiers(table: &TierTable<Outcome>, points: Decimal) -> Shape {
    let ExprKind::Input(input) = table.subject.kind else {
        return Shape::General;
    };
    let rows: Option<Box<[Tier]>> = table
        .rows
        .iter()
        .map(|row| {
            let points = match &row.outcome {
                Outcome::Full => points,
                // Overflow is left to the general evaluator to report.
                Outcome::Minus(n) => points.checked_sub(*n)?,
                Outcome::Fixed(n) => *n,
                Outcome::Formula(_) => return None,
            };
            Some(Tier {
                guard: row.guard,
                points,
            })
        })
        .collect();
    match rows {
        Some(rows) => Shape::Tiers { input, rows },
        None => Shape::General,
    }
}
