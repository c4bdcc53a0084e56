//! What changed between two versions of a card, in the card's own words:
//! `客户信息及建议: tier >= 95% changed from minus 1 to minus 2`.
//!
//! Compares the checked cards: header, inputs, parameters, hooks, sections, items
//! (points, base rule, tier rows, deductions), bonus and penalty blocks, the
//! grade table, bands and outputs. Things are matched by name; tier rows by
//! their threshold (a grade row by its label), and rows left over on both
//! sides are paired in order, so a moved threshold reads as one change.

use crate::check::model::{BaseRule, DerivedRule, Outcome, PerOccurrence, TierRow, TierTable};
use crate::check::CheckedCard;
use crate::source::Span;
use crate::t;
use crate::value::{format_decimal, format_value, Type, Unit, Value};
use rust_decimal::Decimal;

/// One difference: what it is about (an item, section, `grade` …) and what changed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    pub about: String,
    pub change: String,
}

/// Every difference between `old` and `new`, in the order the new card reads.
pub fn changes(old: &CheckedCard, new: &CheckedCard) -> Vec<Change> {
    let mut d = Differ {
        old,
        new,
        out: Vec::new(),
    };
    d.header();
    d.inputs();
    d.params();
    d.hooks();
    d.sections();
    d.items();
    d.adjustments();
    d.grade();
    d.derived();
    d.out
}

struct Differ<'a> {
    old: &'a CheckedCard,
    new: &'a CheckedCard,
    out: Vec<Change>,
}

/// The card's text under `span`, on one line.
fn quote(card: &CheckedCard, span: Span) -> String {
    card.source()
        .slice(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn opt<S: AsRef<str>>(text: &Option<S>) -> String {
    text.as_ref()
        .map_or_else(|| t!("diff-none"), |s| s.as_ref().to_string())
}

impl Differ<'_> {
    fn push(&mut self, about: impl Into<String>, change: impl Into<String>) {
        self.out.push(Change {
            about: about.into(),
            change: change.into(),
        });
    }

    fn changed(&mut self, about: &str, what: &str, old: String, new: String) {
        if old != new {
            self.push(about, t!("diff-changed", what = what, old = old, new = new));
        }
    }

    fn header(&mut self) {
        let (o, n) = (self.old, self.new);
        let card = t!("diff-about-card");
        self.changed(
            &card,
            &t!("diff-what-label"),
            opt(&o.label()),
            opt(&n.label()),
        );
        self.changed(&card, &t!("diff-what-role"), opt(&o.role()), opt(&n.role()));
        self.changed(
            &card,
            &t!("diff-what-period"),
            opt(&o.period()),
            opt(&n.period()),
        );
        self.changed(
            &card,
            &t!("diff-what-total"),
            format_decimal(o.total()),
            format_decimal(n.total()),
        );
        self.changed(
            &card,
            &t!("diff-what-version"),
            opt(&o.stamp().version),
            opt(&n.stamp().version),
        );
        let dates = |c: &CheckedCard| c.stamp().effective.map(|e| e.to_string());
        self.changed(
            &card,
            &t!("diff-what-effective"),
            opt(&dates(o)),
            opt(&dates(n)),
        );
    }

    fn inputs(&mut self) {
        for input in self.new.inputs() {
            match self.old.inputs().iter().find(|i| i.name == input.name) {
                None => self.push(
                    t!("diff-about-input", name = &input.name),
                    t!(
                        "diff-added-input",
                        kind = input.ty.to_string(),
                        text = quote(self.new, input.span)
                    ),
                ),
                Some(old) => {
                    let about = t!("diff-about-input", name = &input.name);
                    let range = |i: &crate::check::model::Input| {
                        i.range.map_or(t!("diff-none"), |(lo, hi)| {
                            let ty = i.ty.value_type();
                            format!("{}..{}", show(lo, ty), show(hi, ty))
                        })
                    };
                    let default = |i: &crate::check::model::Input| {
                        i.default
                            .as_ref()
                            .map_or(t!("diff-none"), |v| format_value(v, i.ty.value_type()))
                    };
                    self.changed(
                        &about,
                        &t!("diff-what-type"),
                        old.ty.to_string(),
                        input.ty.to_string(),
                    );
                    self.changed(
                        &about,
                        &t!("diff-what-label"),
                        opt(&old.label),
                        opt(&input.label),
                    );
                    self.changed(&about, &t!("diff-what-range"), range(old), range(input));
                    self.changed(
                        &about,
                        &t!("diff-what-default"),
                        default(old),
                        default(input),
                    );
                    self.changed(
                        &about,
                        &t!("diff-what-optional"),
                        old.optional.to_string(),
                        input.optional.to_string(),
                    );
                }
            }
        }
        for input in self.old.inputs() {
            if !self.new.inputs().iter().any(|i| i.name == input.name) {
                self.push(
                    t!("diff-about-input", name = &input.name),
                    t!("diff-removed"),
                );
            }
        }
    }

    /// Hook functions by name: their kinds, and the script each runs.
    fn hooks(&mut self) {
        for hook in self.new.hooks() {
            let about = t!("diff-about-hook", name = &hook.name);
            let Some(old) = self.old.hooks().iter().find(|h| h.name == hook.name) else {
                self.push(
                    about,
                    t!(
                        "diff-added-hook",
                        signature = hook.signature().to_string(),
                        file = &hook.script.source.name
                    ),
                );
                continue;
            };
            self.changed(
                &about,
                &t!("diff-what-kinds"),
                format!("`{}`", old.signature()),
                format!("`{}`", hook.signature()),
            );
            let (a, b) = (&old.script.source, &hook.script.source);
            if a.name != b.name {
                self.changed(
                    &about,
                    &t!("diff-what-script"),
                    a.name.clone(),
                    b.name.clone(),
                );
            } else if a.text != b.text {
                self.push(&about, t!("diff-script-changed", file = &b.name));
            }
        }
        for hook in self.old.hooks() {
            if !self.new.hooks().iter().any(|h| h.name == hook.name) {
                self.push(t!("diff-about-hook", name = &hook.name), t!("diff-removed"));
            }
        }
    }

    fn params(&mut self) {
        for param in self.new.params() {
            let value = with_unit(&param.value, param.ty);
            match self.old.params().iter().find(|p| p.name == param.name) {
                None => self.push(
                    t!("diff-about-param", name = &param.name),
                    t!("diff-added-param", value = value),
                ),
                Some(old) => {
                    let before = with_unit(&old.value, old.ty);
                    self.changed(
                        &t!("diff-about-param", name = &param.name),
                        &t!("diff-what-value"),
                        before,
                        value,
                    );
                }
            }
        }
        for param in self.old.params() {
            if !self.new.params().iter().any(|p| p.name == param.name) {
                self.push(
                    t!("diff-about-param", name = &param.name),
                    t!("diff-removed"),
                );
            }
        }
    }

    fn sections(&mut self) {
        for section in self.new.sections() {
            let about = section
                .label
                .clone()
                .unwrap_or_else(|| section.name.clone());
            match self.old.sections().iter().find(|s| s.name == section.name) {
                None => self.push(
                    about,
                    t!(
                        "diff-section-added",
                        weight = format_decimal(section.weight)
                    ),
                ),
                Some(old) => {
                    self.changed(
                        &about,
                        &t!("diff-what-weight"),
                        format_decimal(old.weight),
                        format_decimal(section.weight),
                    );
                    self.changed(
                        &about,
                        &t!("diff-what-scaled"),
                        old.scaled.to_string(),
                        section.scaled.to_string(),
                    );
                }
            }
        }
        for section in self.old.sections() {
            if !self.new.sections().iter().any(|s| s.name == section.name) {
                let about = section
                    .label
                    .clone()
                    .unwrap_or_else(|| section.name.clone());
                self.push(about, t!("diff-section-removed"));
            }
        }
    }

    fn items(&mut self) {
        for item in self.new.items() {
            let about = item.display_name().to_string();
            let Some(old) = self.old.items().iter().find(|i| i.name == item.name) else {
                let section = &self.new.sections()[item.section];
                self.push(
                    about,
                    t!(
                        "diff-item-added",
                        section = section.label.as_deref().unwrap_or(&section.name),
                        points = format_decimal(item.points),
                        text = quote(self.new, item.span)
                    ),
                );
                continue;
            };
            let (os, ns) = (
                &self.old.sections()[old.section],
                &self.new.sections()[item.section],
            );
            if os.name != ns.name {
                self.push(
                    &about,
                    t!("diff-item-moved", old = &os.name, new = &ns.name),
                );
            }
            self.changed(
                &about,
                &t!("diff-what-points"),
                format_decimal(old.points),
                format_decimal(item.points),
            );
            self.changed(
                &about,
                &t!("diff-what-label"),
                opt(&old.label),
                opt(&item.label),
            );
            match (&old.base, &item.base) {
                (Some(BaseRule::Tiers(a)), Some(BaseRule::Tiers(b))) => {
                    let subject =
                        |c: &CheckedCard, t: &TierTable<Outcome>| quote(c, t.subject.span);
                    let (sa, sb) = (subject(self.old, a), subject(self.new, b));
                    self.changed(
                        &about,
                        &t!("diff-what-tiers-by"),
                        format!("`{sa}`"),
                        format!("`{sb}`"),
                    );
                    let (old_card, new_card) = (self.old, self.new);
                    self.tiers(
                        &about,
                        a,
                        b,
                        |r| outcome(old_card, &r.outcome),
                        |r| outcome(new_card, &r.outcome),
                        false,
                    );
                }
                (a, b) => {
                    let text = |c: &CheckedCard, rule: &Option<BaseRule>| match rule {
                        None => t!("diff-full-points"),
                        Some(rule) => format!("`{}`", base_text(c, rule)),
                    };
                    let (ta, tb) = (text(self.old, a), text(self.new, b));
                    self.changed(&about, &t!("diff-what-rule"), ta, tb);
                }
            }
            self.per_occurrence(&about, &old.deductions, &item.deductions, "minus");
        }
        for item in self.old.items() {
            if !self.new.items().iter().any(|i| i.name == item.name) {
                self.push(
                    item.display_name(),
                    format!("item removed (was {} points)", format_decimal(item.points)),
                );
            }
        }
    }

    /// `minus N per X` lines, matched by the input they count.
    fn per_occurrence(
        &mut self,
        about: &str,
        old: &[PerOccurrence],
        new: &[PerOccurrence],
        sign: &str,
    ) {
        let name = |c: &CheckedCard, p: &PerOccurrence| c.inputs()[p.input].name.clone();
        for line in new {
            let input = name(self.new, line);
            match old.iter().find(|o| name(self.old, o) == input) {
                None => self.push(
                    about,
                    t!("diff-line-added", text = quote(self.new, line.span)),
                ),
                Some(o) if o.amount != line.amount => self.push(
                    about,
                    t!(
                        "diff-line-changed",
                        old = format!("{sign} {} per {input}", format_decimal(o.amount)),
                        new = format!("{sign} {} per {input}", format_decimal(line.amount))
                    ),
                ),
                Some(_) => {}
            }
        }
        for line in old {
            let input = name(self.old, line);
            if !new.iter().any(|n| name(self.new, n) == input) {
                self.push(
                    about,
                    t!("diff-line-removed", text = quote(self.old, line.span)),
                );
            }
        }
    }

    fn adjustments(&mut self) {
        for block in self.new.adjustments() {
            let about = block.display_name().to_string();
            match self.old.adjustments().iter().find(|a| a.name == block.name) {
                None => self.push(about, t!("diff-added", text = quote(self.new, block.span))),
                Some(old) => {
                    let cap = |c: Option<Decimal>| c.map_or(t!("diff-none"), format_decimal);
                    self.changed(&about, &t!("diff-what-cap"), cap(old.cap), cap(block.cap));
                    let sign = match block.kind {
                        crate::syntax::ast::AdjustmentKind::Bonus => "plus",
                        crate::syntax::ast::AdjustmentKind::Penalty => "minus",
                    };
                    self.per_occurrence(&about, &old.lines, &block.lines, sign);
                }
            }
        }
        for block in self.old.adjustments() {
            if !self.new.adjustments().iter().any(|a| a.name == block.name) {
                self.push(block.display_name(), t!("diff-removed"));
            }
        }
    }

    fn grade(&mut self) {
        let grade = t!("diff-about-grade");
        match (&self.old.grade(), &self.new.grade()) {
            (Some(a), Some(b)) => self.tiers(
                &grade,
                a,
                b,
                |r| r.outcome.to_string(),
                |r| r.outcome.to_string(),
                true,
            ),
            (None, Some(b)) => self.push(grade, t!("diff-added", text = quote(self.new, b.span))),
            (Some(_), None) => self.push(grade, t!("diff-removed")),
            (None, None) => {}
        }
    }

    fn derived(&mut self) {
        for d in self.new.derived() {
            let about = d.display_name().to_string();
            let Some(old) = self.old.derived().iter().find(|o| o.name == d.name) else {
                self.push(about, t!("diff-added", text = quote(self.new, d.span)));
                continue;
            };
            match (&old.rule, &d.rule) {
                (DerivedRule::Band(a), DerivedRule::Band(b)) => {
                    let (oc, nc) = (self.old, self.new);
                    self.tiers(
                        &about,
                        a,
                        b,
                        |r| band_value(oc, &r.outcome),
                        |r| band_value(nc, &r.outcome),
                        false,
                    )
                }
                (DerivedRule::Output(a), DerivedRule::Output(b)) => {
                    let (ta, tb) = (quote(self.old, a.span), quote(self.new, b.span));
                    self.changed(
                        &about,
                        &t!("diff-what-formula"),
                        format!("`{ta}`"),
                        format!("`{tb}`"),
                    );
                }
                _ => self.push(about, t!("diff-changed-to", text = quote(self.new, d.span))),
            }
        }
        for d in self.old.derived() {
            if !self.new.derived().iter().any(|n| n.name == d.name) {
                self.push(d.display_name(), t!("diff-removed"));
            }
        }
    }

    /// Tier rows: matched by threshold (or, for grades, by label), leftovers paired in order.
    fn tiers<O>(
        &mut self,
        about: &str,
        old: &TierTable<O>,
        new: &TierTable<O>,
        old_outcome: impl Fn(&TierRow<O>) -> String,
        new_outcome: impl Fn(&TierRow<O>) -> String,
        by_outcome: bool,
    ) {
        let guard = |t: &TierTable<O>, r: &TierRow<O>| guard_text(t.subject_type, r);
        let key_old = |r: &TierRow<O>| {
            if by_outcome {
                old_outcome(r)
            } else {
                guard(old, r)
            }
        };
        let key_new = |r: &TierRow<O>| {
            if by_outcome {
                new_outcome(r)
            } else {
                guard(new, r)
            }
        };
        let mut unmatched_old: Vec<&TierRow<O>> = Vec::new();
        let mut unmatched_new: Vec<&TierRow<O>> = Vec::new();
        for row in &old.rows {
            if !new.rows.iter().any(|n| key_new(n) == key_old(row)) {
                unmatched_old.push(row);
            }
        }
        for row in &new.rows {
            match old.rows.iter().find(|o| key_old(o) == key_new(row)) {
                None => unmatched_new.push(row),
                Some(o) => {
                    let (go, gn) = (guard(old, o), guard(new, row));
                    let (oo, on) = (old_outcome(o), new_outcome(row));
                    if by_outcome && go != gn {
                        self.push(
                            about,
                            t!("diff-grade-moved", grade = on, old = go, new = gn),
                        );
                    } else if !by_outcome && oo != on {
                        self.push(
                            about,
                            t!("diff-tier-changed", tier = gn, old = oo, new = on),
                        );
                    }
                }
            }
        }
        if unmatched_old.len() == unmatched_new.len() {
            for (o, n) in unmatched_old.iter().zip(&unmatched_new) {
                let before = format!("{} : {}", guard(old, o), old_outcome(o));
                let after = format!("{} : {}", guard(new, n), new_outcome(n));
                self.push(about, t!("diff-tier-replaced", old = before, new = after));
            }
            return;
        }
        for o in unmatched_old {
            self.push(
                about,
                t!(
                    "diff-tier-removed",
                    tier = format!("{} : {}", guard(old, o), old_outcome(o))
                ),
            );
        }
        for n in unmatched_new {
            self.push(
                about,
                t!(
                    "diff-tier-added",
                    tier = format!("{} : {}", guard(new, n), new_outcome(n))
                ),
            );
        }
    }
}

/// `>= 95%`, `else`.
fn guard_text<O>(ty: Type, row: &TierRow<O>) -> String {
    match row.guard {
        None => "else".to_string(),
        Some((op, threshold)) => format!("{} {}", op.symbol(), show(threshold, ty)),
    }
}

/// A parameter's value as a card writes it: `30 元`, `95%`, `1.3`.
fn with_unit(value: &Value, ty: Type) -> String {
    match ty {
        // As written, not to the fen: the card's own words.
        Type::Num(Unit::Money) => match value {
            Value::Num(d) => format!("{} 元", format_decimal(*d)),
            other => format_value(other, ty),
        },
        _ => format_value(value, ty),
    }
}

fn show(value: Decimal, ty: Type) -> String {
    match ty {
        Type::Num(Unit::Percent) | Type::Num(Unit::Money) => format_value(&Value::Num(value), ty),
        _ => format_decimal(value),
    }
}

fn outcome(card: &CheckedCard, o: &Outcome) -> String {
    match o {
        Outcome::Full => "full".to_string(),
        Outcome::Minus(n) => format!("minus {}", format_decimal(*n)),
        Outcome::Fixed(n) => format_decimal(*n),
        Outcome::Formula(e) => format!("({})", quote(card, e.span)),
    }
}

fn band_value(card: &CheckedCard, e: &crate::check::model::Expr) -> String {
    quote(card, e.span)
}

fn base_text(card: &CheckedCard, rule: &BaseRule) -> String {
    match rule {
        BaseRule::Tiers(t) => format!("by {} {{ … }}", quote(card, t.subject.span)),
        BaseRule::PassFail { span, .. } | BaseRule::Late { span, .. } => quote(card, *span),
        BaseRule::Rated(rated) => quote(card, rated.span),
        BaseRule::Score { span, .. } => format!("score {}", quote(card, *span)),
    }
}
