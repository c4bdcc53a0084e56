//! The names a card declares (its own and its bases'), where each is
//! declared and what hovering it says.

use scorecard::source::{SourceFile, Span};
use scorecard::syntax::ast::{self, Decl, OverrideTarget};
use scorecard::t;
use scorecard::value::InputType;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Input,
    Param,
    Section,
    Item,
    Bonus,
    Penalty,
    Band,
    Output,
    Rater,
    Rank,
    Hook,
}

impl Kind {
    fn word(self) -> String {
        match self {
            Kind::Input => t!("lsp-kind-input"),
            Kind::Param => t!("lsp-kind-param"),
            Kind::Section => t!("lsp-kind-section"),
            Kind::Item => t!("lsp-kind-item"),
            Kind::Bonus => t!("lsp-kind-bonus"),
            Kind::Penalty => t!("lsp-kind-penalty"),
            Kind::Band => t!("lsp-kind-band"),
            Kind::Output => t!("lsp-kind-output"),
            Kind::Rater => t!("lsp-kind-rater"),
            Kind::Rank => t!("lsp-kind-rank"),
            Kind::Hook => t!("lsp-kind-hook"),
        }
    }

    pub fn outline(self) -> lsp_types::SymbolKind {
        use lsp_types::SymbolKind as S;
        match self {
            Kind::Input => S::VARIABLE,
            Kind::Param => S::CONSTANT,
            Kind::Section => S::NAMESPACE,
            Kind::Item => S::FIELD,
            Kind::Bonus | Kind::Penalty => S::STRUCT,
            Kind::Band => S::ENUM,
            Kind::Output => S::PROPERTY,
            Kind::Rater => S::INTERFACE,
            Kind::Rank => S::NUMBER,
            Kind::Hook => S::FUNCTION,
        }
    }

    pub fn completion(self) -> lsp_types::CompletionItemKind {
        use lsp_types::CompletionItemKind as C;
        match self {
            Kind::Input => C::VARIABLE,
            Kind::Param => C::CONSTANT,
            Kind::Section => C::MODULE,
            Kind::Item => C::FIELD,
            Kind::Bonus | Kind::Penalty => C::STRUCT,
            Kind::Band => C::ENUM,
            Kind::Output => C::PROPERTY,
            Kind::Rater => C::INTERFACE,
            Kind::Rank => C::VALUE,
            Kind::Hook => C::FUNCTION,
        }
    }
}

/// A declared name.
#[derive(Debug, Clone)]
pub struct Symbol {
    pub name: String,
    pub kind: Kind,
    /// The file that declares it (its path) and its text.
    pub file: String,
    pub file_text: Arc<str>,
    /// The name's span in that file.
    pub span: Span,
    /// The whole declaration's span in that file (an outline's entry).
    pub extent: Span,
    /// What hovering it shows (Markdown).
    pub hover: String,
    /// One line for a completion list: the label, the type.
    pub detail: String,
    /// A hook function's script.
    pub script: Option<PathBuf>,
}

/// Every name `card` declares; its spans point into `source` (a composite
/// source for a resolved card).
pub fn table(source: &SourceFile, card: &ast::Card) -> Vec<Symbol> {
    let mut builder = Builder {
        source,
        notes: &card.notes,
        out: Vec::new(),
    };
    for decl in &card.decls {
        builder.decl(decl);
    }
    builder.out
}

struct Builder<'a> {
    source: &'a SourceFile,
    notes: &'a [ast::Note],
    out: Vec<Symbol>,
}

/// What a hover says, line by line.
struct Hover {
    head: String,
    facts: Vec<String>,
    code: Option<String>,
}

impl Builder<'_> {
    fn slice(&self, span: Span) -> String {
        self.source.slice(span).trim().to_string()
    }

    fn decl(&mut self, decl: &Decl) {
        match decl {
            Decl::Input(input) => self.input(input),
            Decl::Param(p) => {
                let value = self.slice(p.value.span());
                let facts = vec![t!("lsp-hover-value", value = code(&value))];
                self.push(Kind::Param, &p.name, p.label.as_ref(), facts, None, p.span);
            }
            Decl::Section(section) => {
                let weight = self.slice(section.weight.span);
                let facts = vec![
                    t!("lsp-hover-weight", weight = code(&weight)),
                    t!("lsp-hover-items", count = section.items.len()),
                ];
                let span = Span::new(section.span.start, section.span.start);
                self.push(
                    Kind::Section,
                    &section.name,
                    section.label.as_ref(),
                    facts,
                    None,
                    span,
                );
                self.extend_last(section.span);
                for item in &section.items {
                    self.item(item, Some(&section.name.name));
                }
            }
            Decl::Adjustment(a) => {
                let kind = match a.kind {
                    ast::AdjustmentKind::Bonus => Kind::Bonus,
                    ast::AdjustmentKind::Penalty => Kind::Penalty,
                };
                let mut facts = Vec::new();
                if let Some(cap) = &a.cap {
                    facts.push(t!("lsp-hover-cap", cap = code(&self.slice(cap.span))));
                }
                let lines: Vec<String> = a.lines.iter().map(|l| self.slice(l.span)).collect();
                self.push(
                    kind,
                    &a.name,
                    a.label.as_ref(),
                    facts,
                    Some(lines.join("\n")),
                    a.span,
                );
            }
            Decl::Band(b) => {
                let table = self.slice(b.table.span);
                self.push(
                    Kind::Band,
                    &b.name,
                    b.label.as_ref(),
                    vec![],
                    Some(table),
                    b.span,
                );
            }
            Decl::Output(o) => {
                let mut facts = Vec::new();
                if let Some((ty, _)) = o.ty {
                    facts.push(t!("lsp-hover-type", ty = type_name(ty)));
                }
                let formula = format!("= {}", self.slice(o.expr.span));
                self.push(
                    Kind::Output,
                    &o.name,
                    o.label.as_ref(),
                    facts,
                    Some(formula),
                    o.span,
                );
            }
            Decl::Rater(r) => {
                self.push(Kind::Rater, &r.name, r.label.as_ref(), vec![], None, r.span)
            }
            Decl::Rank(r) => {
                let facts = vec![t!("lsp-hover-by", by = code(&self.slice(r.by.span)))];
                self.push(Kind::Rank, &r.name, r.label.as_ref(), facts, None, r.span);
            }
            Decl::Hooks(h) => self.hooks(h),
            // Only in a card read alone (its bases not applied).
            Decl::Override(o) => match &o.target {
                OverrideTarget::Decl(decl) => self.decl(decl),
                OverrideTarget::Section(patch) => {
                    let mut facts = Vec::new();
                    if let Some(weight) = &patch.weight {
                        let weight = self.slice(weight.span);
                        facts.push(t!("lsp-hover-weight", weight = code(&weight)));
                    }
                    let span = Span::new(patch.span.start, patch.span.start);
                    let label = patch.label.as_ref();
                    self.push(Kind::Section, &patch.name, label, facts, None, span);
                    self.extend_last(patch.span);
                    for item in &patch.items {
                        self.item(item, Some(&patch.name.name));
                    }
                }
                OverrideTarget::Item(patch) => {
                    let mut facts = Vec::new();
                    if let Some(points) = &patch.points {
                        facts.push(t!("lsp-hover-points", points = self.slice(points.span)));
                    }
                    let rules = patch.rules.as_ref().map(|rules| {
                        let rules: Vec<String> =
                            rules.iter().map(|r| self.slice(r.span())).collect();
                        rules.join("\n")
                    });
                    let label = patch.label.as_ref();
                    self.push(Kind::Item, &patch.name, label, facts, rules, patch.span);
                }
            },
            _ => {}
        }
    }

    fn input(&mut self, input: &ast::InputDecl) {
        let mut facts = vec![t!("lsp-hover-type", ty = type_name(input.ty))];
        if let Some(range) = &input.range {
            facts.push(t!("lsp-hover-range", range = code(&self.slice(range.span))));
        }
        if let Some(default) = &input.default {
            facts.push(t!(
                "lsp-hover-default",
                value = code(&self.slice(default.span()))
            ));
        }
        if input.optional.is_some() {
            facts.push(t!("lsp-hover-optional"));
        }
        if let Some(rollup) = &input.rollup {
            facts.push(t!(
                "lsp-hover-rollup",
                rule = code(&self.slice(rollup.span))
            ));
        }
        self.push(
            Kind::Input,
            &input.name,
            input.label.as_ref(),
            facts,
            None,
            input.span,
        );
    }

    fn item(&mut self, item: &ast::Item, section: Option<&str>) {
        let mut facts = vec![t!(
            "lsp-hover-points",
            points = self.slice(item.points.span)
        )];
        if let Some(section) = section {
            facts.push(t!("lsp-hover-section", section = code(section)));
        }
        let rules: Vec<String> = item.rules.iter().map(|r| self.slice(r.span())).collect();
        let rules = (!rules.is_empty()).then(|| rules.join("\n"));
        self.push(
            Kind::Item,
            &item.name,
            item.label.as_ref(),
            facts,
            rules,
            item.span,
        );
    }

    fn hooks(&mut self, hooks: &ast::HooksDecl) {
        let (file, _) = self.source.locate_span(hooks.span);
        let folder = Path::new(&file.name).parent().unwrap_or(Path::new(""));
        let script = folder.join(&hooks.path.value);
        for sig in hooks.functions.iter().flatten() {
            let facts = vec![t!("lsp-hover-script", file = code(&hooks.path.value))];
            let signature = self.slice(sig.span);
            self.push(
                Kind::Hook,
                &sig.name,
                sig.label.as_ref(),
                facts,
                Some(signature),
                sig.span,
            );
            if let Some(last) = self.out.last_mut() {
                last.script = Some(script.clone());
            }
        }
    }

    /// Adds a symbol; `whole` is the declaration's span, for the notes on it.
    fn push(
        &mut self,
        kind: Kind,
        name: &ast::Ident,
        label: Option<&ast::Text>,
        facts: Vec<String>,
        code: Option<String>,
        whole: Span,
    ) {
        let head = match label {
            Some(label) => format!("**{}** `{}` “{}”", kind.word(), name.name, label.value),
            None => format!("**{}** `{}`", kind.word(), name.name),
        };
        let detail = match (label, facts.first()) {
            (Some(label), Some(first)) if kind == Kind::Input => {
                format!("{} · {first}", label.value)
            }
            (Some(label), _) => label.value.clone(),
            (None, _) => kind.word(),
        };
        let mut hover = render(&Hover { head, facts, code });
        for note in self.notes.iter().filter(|n| covers(whole, n.target)) {
            let said = match note.kind {
                ast::NoteKind::Quote => t!("lsp-hover-quote"),
                ast::NoteKind::Assume => t!("lsp-hover-assume"),
            };
            hover += &format!("\n\n> {said}：“{}”", note.text.value);
        }
        let (file, span) = self.source.locate_span(name.span);
        let extent = self.source.locate_span(whole.to(name.span)).1;
        self.out.push(Symbol {
            name: name.name.clone(),
            kind,
            file: file.name.clone(),
            file_text: file.text.clone(),
            span,
            extent,
            hover,
            detail,
            script: None,
        });
    }
}

impl Builder<'_> {
    /// The last symbol's declaration is `whole` (a section: its items too).
    fn extend_last(&mut self, whole: Span) {
        let extent = self.source.locate_span(whole).1;
        if let Some(last) = self.out.last_mut() {
            last.extent = extent;
        }
    }
}

/// Whether a note written before `target` is about the declaration `whole`
/// (a section only by the note on its own line; its items have their own).
fn covers(whole: Span, target: Span) -> bool {
    if whole.is_empty() {
        return target.start == whole.start;
    }
    whole.start <= target.start && target.start < whole.end
}

fn render(hover: &Hover) -> String {
    let mut out = hover.head.clone();
    if !hover.facts.is_empty() {
        out += "\n\n";
        out += &hover.facts.join(" · ");
    }
    if let Some(code) = &hover.code {
        out += &format!("\n\n```scorecard\n{code}\n```");
    }
    out
}

fn code(text: &str) -> String {
    format!("`{text}`")
}

/// A type's name in the reader's language, and its keyword.
fn type_name(ty: InputType) -> String {
    let word = match ty {
        InputType::Percent => t!("lsp-type-percent"),
        InputType::Number => t!("lsp-type-number"),
        InputType::Count => t!("lsp-type-count"),
        InputType::Money => t!("lsp-type-money"),
        InputType::Bool => t!("lsp-type-bool"),
        InputType::Rating => t!("lsp-type-rating"),
        InputType::Days => t!("lsp-type-days"),
    };
    format!("{word} (`{}`)", ty.keyword())
}
