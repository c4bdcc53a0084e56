//! Problems found in a card, as data.
//!
//! The library never prints: every stage returns [`Diagnostic`]s and the CLI
//! renders them (see `scorecard_io::diagnostic::render`). A diagnostic carries a stable
//! [`Code`] so scripts and docs can refer to it, a plain sentence, labelled
//! spans into its source file, and optional help.

use crate::source::{SourceFile, Span};
use std::sync::Arc;

/// Whether a diagnostic stops the card (an error) or only tells (a warning).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The card (or data) cannot be used as it is.
    Error,
    /// Worth reading, but the card is used.
    Warning,
}

/// Stable diagnostic codes. The string form (`Code::as_str`) never changes
/// once released; add new variants rather than renaming old ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// The text does not follow the grammar.
    Syntax,
    /// A name is used that no input, parameter, item, section or output declares.
    UnknownName,
    /// Two declarations share one name.
    DuplicateName,
    /// An expression mixes kinds that do not go together (percent vs count, money vs bool …).
    TypeMismatch,
    /// A section's declared weight differs from the sum of its items' points.
    WeightMismatch,
    /// The items' points do not add up to the card's declared total.
    TotalMismatch,
    /// Tier rows are not in threshold order.
    TierOrder,
    /// Two tier rows share a threshold.
    TierOverlap,
    /// A tier row can never fire.
    TierUnreachable,
    /// A tier table has no `else` row.
    TierMissingElse,
    /// A tier outcome lies outside the item's points.
    TierOutOfRange,
    /// `minus N per X` where X is not a count.
    DeductionNotCount,
    /// A required card field (`total`) is missing or given twice.
    CardField,
    /// An item has more than one rule that sets its base score.
    ConflictingRules,
    /// An expression refers to something not yet known at that stage.
    OutOfOrder,
    /// Outputs or bands depend on each other in a loop.
    Cycle,
    /// A function is called with the wrong number or kind of arguments.
    BadCall,
    /// An input's range, default or options do not fit its type.
    BadInput,
    /// A number is out of the range the language allows (negative points …).
    BadNumber,
    /// Something legal but probably not what the author meant.
    Suspicious,
    /// A date that is not a day of the calendar, or a range that ends before it starts.
    BadDate,
    /// Versions of a card that cannot be told apart by date (overlapping, or of different cards).
    VersionConflict,
    /// A card or hook file cannot be read.
    Unreadable,
    /// A declared hook function does not match the script (missing, wrong number of parameters).
    HookSignature,
    /// A card named by `extends` (or given to be checked) cannot be read.
    MissingCard,
    /// Cards extend each other in a loop.
    ExtendsCycle,
    /// `override` or `remove` names something the base card does not have.
    UnknownOverride,
    /// A card that extends another declares again something the base already has.
    AlreadyInBase,
    /// `override` or `remove` in a card that extends nothing.
    NoBase,
    /// The rules manifest (`scorecard.toml`) is not well formed.
    BadManifest,
    /// A rated item's raters, weights or combine rule are wrong.
    BadRating,
    /// A rank or grade limit is declared wrongly (group, tie rule, what is ranked).
    BadRank,
    /// A roll-up or partial-period rule does not fit the card or its input.
    BadRollup,
    /// A division by an input that may be 0, with nothing saying what a zero means.
    ZeroDenominator,
}

impl Code {
    /// The code as a stable string (`unknown-name`), as JSON output and editors show it.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::UnknownName => "unknown-name",
            Code::DuplicateName => "duplicate-name",
            Code::TypeMismatch => "type-mismatch",
            Code::WeightMismatch => "weight-mismatch",
            Code::TotalMismatch => "total-mismatch",
            Code::TierOrder => "tier-order",
            Code::TierOverlap => "tier-overlap",
            Code::TierUnreachable => "tier-unreachable",
            Code::TierMissingElse => "tier-missing-else",
            Code::TierOutOfRange => "tier-out-of-range",
            Code::DeductionNotCount => "deduction-not-count",
            Code::CardField => "card-field",
            Code::ConflictingRules => "conflicting-rules",
            Code::OutOfOrder => "out-of-order",
            Code::Cycle => "cycle",
            Code::BadCall => "bad-call",
            Code::BadInput => "bad-input",
            Code::BadNumber => "bad-number",
            Code::Suspicious => "suspicious",
            Code::BadDate => "bad-date",
            Code::VersionConflict => "version-conflict",
            Code::Unreadable => "unreadable",
            Code::HookSignature => "hook-signature",
            Code::MissingCard => "missing-card",
            Code::ExtendsCycle => "extends-cycle",
            Code::UnknownOverride => "unknown-override",
            Code::AlreadyInBase => "already-in-base",
            Code::NoBase => "no-base",
            Code::BadManifest => "bad-manifest",
            Code::BadRating => "bad-rating",
            Code::BadRank => "bad-rank",
            Code::BadRollup => "bad-rollup",
            Code::ZeroDenominator => "zero-denominator",
        }
    }
}

/// A span with a short note shown under the caret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Where in the source, as bytes.
    pub span: Span,
    /// The note, in the reader's language.
    pub text: String,
}

/// One problem found in a card or its data: what, where and what to do,
/// in the reader's language. Rendered by [`render`] or as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Which kind of problem, stable across versions and languages.
    pub code: Code,
    /// An error stops the card; a warning only tells.
    pub severity: Severity,
    /// One plain sentence, no final period; names in backticks. Built in the
    /// reader's language from the catalogue (`crate::t!`, see `crate::i18n`);
    /// the English texts start lowercase.
    pub message: String,
    /// The file the labels point into; `None` for problems with no place (a missing file).
    pub source: Option<Arc<SourceFile>>,
    /// The first label is the primary one: its position is the diagnostic's position.
    pub labels: Vec<Label>,
    /// What to do about it, shown after the message.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error of kind `code`; add its file, labels and help with the builders below.
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            source: None,
            labels: Vec::new(),
            help: None,
        }
    }

    /// A warning of kind `code`.
    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Points the diagnostic into `source`, the file its labels' spans are in.
    pub fn in_file(mut self, source: &Arc<SourceFile>) -> Self {
        self.source = Some(source.clone());
        self
    }

    /// Adds a label: `text` under the caret at `span`. The first is the primary one.
    pub fn label(mut self, span: Span, text: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            text: text.into(),
        });
        self
    }

    /// Sets what the reader should do about it.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether this diagnostic stops the card.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// 1-based line and column of the primary label, if there is one (in
    /// the file that holds it, when the source is a composite card).
    pub fn position(&self) -> Option<(usize, usize)> {
        let source = self.source.as_ref()?;
        let label = self.labels.first()?;
        Some(source.line_col(label.span.start))
    }

    /// The diagnostic as one or more diagnostics on plain files.
    ///
    /// A resolved card's diagnostics point into its composite source, whose
    /// labels may fall in different files (a weight in the base card, the
    /// item that upset it in the brand's card). Split by file, the first
    /// holds the message, the help and the primary label's file; each other
    /// file's labels follow in one diagnostic each, with no help. Spans are
    /// moved to be offsets into each plain file. A plain diagnostic comes
    /// back as it is.
    pub fn split_by_file(&self) -> Vec<Diagnostic> {
        let Some(source) = self.source.as_ref().filter(|s| s.is_composite()) else {
            return vec![self.clone()];
        };
        let mut out: Vec<Diagnostic> = Vec::new();
        for label in &self.labels {
            let (file, span) = source.locate_span(label.span);
            let local = Label {
                span,
                text: label.text.clone(),
            };
            match out
                .iter_mut()
                .find(|d| d.source.as_ref().is_some_and(|s| s.name == file.name))
            {
                Some(d) => d.labels.push(local),
                None => out.push(Diagnostic {
                    source: Some(Arc::new(file.clone())),
                    labels: vec![local],
                    help: None,
                    ..self.clone()
                }),
            }
        }
        match out.first_mut() {
            Some(first) => first.help = self.help.clone(),
            // No labels: the top card's file stands for the card.
            None => out.push(Diagnostic {
                source: source.parts.last().map(|p| p.file.clone()),
                ..self.clone()
            }),
        }
        out
    }
}

/// The outcome of a stage that may fail: errors and warnings travel together.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds one diagnostic at the end.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Whether any of them is an error: the stage failed.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// No errors and no warnings.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each diagnostic, in the order found (or sorted, after [`sorted`](Self::sorted)).
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Adds every diagnostic of `other` at the end.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// Sorted by file and position, errors before warnings at the same place.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by_key(|d| {
            (
                d.source.as_ref().map(|s| s.name.clone()),
                d.labels.first().map(|l| l.span.start),
                d.severity,
            )
        });
        self
    }
}
