//! The card and its declarations: `card`, `decl`, `role` … `output`.

use super::words::{boolean, ident, text, text_or_ident, type_name};
use super::{last_child, only_child, span, unexpected, Children, Lower, Lowered, Pair};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::ast::{self, Ident, Text};
use crate::syntax::parser::Rule;
use crate::t;

impl Lower {
    /// `card = { SOI ~ kw_scorecard ~ ident ~ text? ~ extends? ~ lbrace ~ (decl | ";")* ~ card_end ~ EOI }`
    pub(super) fn card(&mut self, pair: Pair) -> Lowered<ast::Card> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        let extends = c
            .optional(Rule::extends)
            .map(|p| self.extends(p))
            .transpose()?;
        let decls = c.all_noted(Rule::decl, |notes, p| {
            let decl = self.decl(p)?;
            self.attach(notes, decl.printed_span());
            Ok(decl)
        })?;
        let notes = std::mem::take(&mut self.notes);
        Ok(ast::Card {
            name,
            label,
            extends,
            decls,
            notes,
            span,
        })
    }

    /// `decl = { role | period | total | input | param | rater | section | bonus | penalty | grade | band | output | rank | limit | partial | hooks | round_decl | main_decl | override_decl | remove_decl }`
    fn decl(&mut self, pair: Pair) -> Lowered<ast::Decl> {
        let inner = only_child(pair)?;
        self.declaration(inner)
    }

    /// One declaration's own rule (`role`, `input` …), inside `decl` or after `override`.
    pub(super) fn declaration(&mut self, inner: Pair) -> Lowered<ast::Decl> {
        use ast::Decl;
        Ok(match inner.as_rule() {
            Rule::role => Decl::Role(self.role(inner)?),
            Rule::period => Decl::Period(self.period(inner)?),
            Rule::total => Decl::Total(self.total(inner)?),
            Rule::version => Decl::Version(self.version(inner)?),
            Rule::effective => Decl::Effective(self.effective(inner)?),
            Rule::input => Decl::Input(self.input(inner)?),
            Rule::param => Decl::Param(self.param(inner)?),
            Rule::section => Decl::Section(self.section(inner)?),
            Rule::bonus => Decl::Adjustment(self.bonus(inner)?),
            Rule::penalty => Decl::Adjustment(self.penalty(inner)?),
            Rule::grade => Decl::Grade(self.grade(inner)?),
            Rule::band => Decl::Band(self.band(inner)?),
            Rule::output => Decl::Output(self.output(inner)?),
            Rule::hooks => Decl::Hooks(self.hooks(inner)?),
            Rule::override_decl => Decl::Override(self.override_decl(inner)?),
            Rule::remove_decl => Decl::Remove(self.remove_decl(inner)?),
            Rule::rater => Decl::Rater(self.rater(inner)?),
            Rule::rank => Decl::Rank(self.rank(inner)?),
            Rule::limit => Decl::Limit(self.limit(inner)?),
            Rule::partial => Decl::Partial(self.partial(inner)?),
            Rule::require => Decl::Require(self.require(inner)?),
            Rule::round_decl => Decl::Round(self.round_decl(inner)?),
            Rule::main_decl => Decl::Main(ident(Children::of(inner).required(Rule::ident)?)),
            Rule::ignore => Decl::Ignore(ast::IgnoreDecl {
                span: span(&inner),
                columns: inner
                    .into_inner()
                    .filter(|p| p.as_rule() == Rule::text)
                    .map(|p| text(p))
                    .collect(),
            }),
            _ => return Err(unexpected(&inner)),
        })
    }

    /// `role = { kw_role ~ (text | ident) }`
    fn role(&mut self, pair: Pair) -> Lowered<Text> {
        text_or_ident(last_child(pair)?)
    }

    /// `period = { kw_period ~ ident }`
    fn period(&mut self, pair: Pair) -> Lowered<Ident> {
        Ok(ident(Children::of(pair).required(Rule::ident)?))
    }

    /// `total = { kw_total ~ number }`
    fn total(&mut self, pair: Pair) -> Lowered<ast::Number> {
        self.number(Children::of(pair).required(Rule::number)?)
    }

    /// `round_decl = { kw_round ~ kw_money ~ kw_to ~ number ~ round_when }`,
    /// `round_when = { kw_at ~ (kw_each ~ kw_step | kw_the ~ kw_end) }`
    fn round_decl(&mut self, pair: Pair) -> Lowered<ast::RoundDecl> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let step = self.number(c.required(Rule::number)?)?;
        let when = c.required(Rule::round_when)?;
        let when = if when.into_inner().any(|p| p.as_rule() == Rule::kw_each) {
            ast::RoundWhen::EachStep
        } else {
            ast::RoundWhen::AtEnd
        };
        Ok(ast::RoundDecl { step, when, span })
    }

    /// `version = { kw_version ~ text }`
    fn version(&mut self, pair: Pair) -> Lowered<Text> {
        Ok(text(Children::of(pair).required(Rule::text)?))
    }

    /// `effective = { kw_effective ~ date ~ dots ~ date? }`
    fn effective(&mut self, pair: Pair) -> Lowered<ast::Effective> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let from = self.date(c.required(Rule::date)?);
        let until = c.optional(Rule::date).map(|p| self.date(p));
        Ok(ast::Effective {
            from: from.unwrap_or(ast::Date {
                value: chrono::NaiveDate::MIN,
                span,
            }),
            until: until.flatten(),
            span,
        })
    }

    /// `date = @{ ASCII_DIGIT{4} ~ "-" ~ ASCII_DIGIT{1,2} ~ "-" ~ ASCII_DIGIT{1,2} }`;
    /// a day that does not exist (`2026-02-30`) is reported and read as nothing.
    fn date(&mut self, pair: Pair) -> Option<ast::Date> {
        let span = span(&pair);
        match chrono::NaiveDate::parse_from_str(pair.as_str(), "%Y-%m-%d") {
            Ok(value) => Some(ast::Date { value, span }),
            Err(_) => {
                self.problems.push(
                    Diagnostic::error(Code::BadDate, t!("not-a-day", date = pair.as_str()))
                        .label(span, t!("not-a-day-label"))
                        .help(t!("not-a-day-help")),
                );
                None
            }
        }
    }

    /// `input = { kw_input ~ ident ~ type_name ~ text? ~ input_option* }`
    fn input(&mut self, pair: Pair) -> Lowered<ast::InputDecl> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let (ty, ty_span) = type_name(c.required(Rule::type_name)?)?;
        let label = c.optional(Rule::text).map(text);
        let mut input = ast::InputDecl {
            name,
            ty,
            ty_span,
            label,
            range: None,
            default: None,
            optional: None,
            rollup: None,
            span,
        };
        for option in c.all(Rule::input_option, Ok)? {
            self.input_option(&mut input, option)?;
        }
        Ok(input)
    }

    /// `input_option = { input_range | input_default | kw_optional | input_rollup }`
    fn input_option(&mut self, input: &mut ast::InputDecl, pair: Pair) -> Lowered<()> {
        let option = only_child(pair)?;
        let at = span(&option);
        match option.as_rule() {
            Rule::input_range => {
                let range = self.input_range(option)?;
                self.set_once(&mut input.range, range, at, "range", &input.name);
            }
            Rule::input_default => {
                let default = self.input_default(option)?;
                self.set_once(&mut input.default, default, at, "default", &input.name);
            }
            Rule::kw_optional => {
                self.set_once(&mut input.optional, at, at, "optional", &input.name)
            }
            Rule::input_rollup => {
                let rollup = self.input_rollup(option)?;
                self.set_once(&mut input.rollup, rollup, at, "rollup", &input.name);
            }
            _ => return Err(unexpected(&option)),
        }
        Ok(())
    }

    /// Stores an input option, or reports that it was already given.
    fn set_once<T>(
        &mut self,
        slot: &mut Option<T>,
        value: T,
        at: Span,
        option: &str,
        input: &Ident,
    ) {
        if slot.is_some() {
            self.problems.push(
                Diagnostic::error(
                    Code::Syntax,
                    t!("option-twice-input", option = option, name = &input.name),
                )
                .label(at, t!("option-twice-label"))
                .help(t!("option-twice-help", option = option)),
            );
        } else {
            *slot = Some(value);
        }
    }

    /// `input_range = { kw_range ~ signed_number ~ dots ~ signed_number }`
    fn input_range(&mut self, pair: Pair) -> Lowered<ast::RangeSpec> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let low = self.signed_number(c.required(Rule::signed_number)?)?;
        let high = self.signed_number(c.required(Rule::signed_number)?)?;
        Ok(ast::RangeSpec { low, high, span })
    }

    /// `input_default = { kw_default ~ literal }`
    fn input_default(&mut self, pair: Pair) -> Lowered<ast::Literal> {
        self.literal(Children::of(pair).required(Rule::literal)?)
    }

    /// `param = { kw_param ~ ident ~ literal ~ text? }`
    fn param(&mut self, pair: Pair) -> Lowered<ast::ParamDecl> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let value = self.literal(c.required(Rule::literal)?)?;
        let label = c.optional(Rule::text).map(text);
        Ok(ast::ParamDecl {
            name,
            value,
            label,
            span,
        })
    }

    /// `literal = { boolean | signed_number }`
    fn literal(&mut self, pair: Pair) -> Lowered<ast::Literal> {
        let inner = only_child(pair)?;
        match inner.as_rule() {
            Rule::boolean => {
                let span = span(&inner);
                let value = boolean(&inner)?;
                Ok(ast::Literal::Bool { value, span })
            }
            Rule::signed_number => Ok(ast::Literal::Number(self.signed_number(inner)?)),
            _ => Err(unexpected(&inner)),
        }
    }

    /// `bonus = { kw_bonus ~ ident ~ text? ~ cap? ~ lbrace ~ (bonus_line | ";")* ~ block_end }`
    fn bonus(&mut self, pair: Pair) -> Lowered<ast::Adjustment> {
        self.adjustment(pair, ast::AdjustmentKind::Bonus, Rule::bonus_line)
    }

    /// `penalty = { kw_penalty ~ ident ~ text? ~ cap? ~ lbrace ~ (deduction | ";")* ~ block_end }`
    fn penalty(&mut self, pair: Pair) -> Lowered<ast::Adjustment> {
        self.adjustment(pair, ast::AdjustmentKind::Penalty, Rule::deduction)
    }

    /// A `bonus` or `penalty` block, whose lines are `line_rule` pairs.
    fn adjustment(
        &mut self,
        pair: Pair,
        kind: ast::AdjustmentKind,
        line_rule: Rule,
    ) -> Lowered<ast::Adjustment> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        let cap = c.optional(Rule::cap).map(|p| self.cap(p)).transpose()?;
        let lines = c.all_noted(line_rule, |notes, p| {
            let line = self.deduction(p)?;
            self.attach(notes, line.span);
            Ok(line)
        })?;
        Ok(ast::Adjustment {
            kind,
            name,
            label,
            cap,
            lines,
            span,
        })
    }

    /// `cap = { kw_cap ~ number }`
    fn cap(&mut self, pair: Pair) -> Lowered<ast::Number> {
        self.number(Children::of(pair).required(Rule::number)?)
    }

    /// `output = { kw_output ~ ident ~ text? ~ type_name? ~ equals ~ expr }`
    fn output(&mut self, pair: Pair) -> Lowered<ast::Output> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let name = ident(c.required(Rule::ident)?);
        let label = c.optional(Rule::text).map(text);
        let ty = c.optional(Rule::type_name).map(type_name).transpose()?;
        let expr = self.expr(c.required(Rule::expr)?)?;
        Ok(ast::Output {
            name,
            label,
            ty,
            expr,
            span,
        })
    }

    /// `require = { kw_require ~ expr ~ text }`
    fn require(&mut self, pair: Pair) -> Lowered<ast::RequireDecl> {
        let span = span(&pair);
        let mut c = Children::of(pair);
        let condition = self.expr(c.required(Rule::expr)?)?;
        let message = text(c.required(Rule::text)?);
        Ok(ast::RequireDecl {
            condition,
            message,
            span,
        })
    }
}
