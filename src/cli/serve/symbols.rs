//! The card's names for the page's hover and completion (API.md `symbols`):
//! read from the resolved card (a brand card's base included), each value
//! as the card writes it.

use scorecard::check::Checked;
use scorecard::resolve::Resolved;
use scorecard::source::Span;
use scorecard::syntax::ast::{Decl, NoteKind};
use scorecard::value::{InputType, Type, Unit};
use serde_json::{json, Map, Value};

pub fn empty() -> Value {
    json!({ "inputs": [], "items": [], "params": [], "outputs": [], "sections": [] })
}

/// The symbols of a resolved card; `checked`, when it checks, gives the
/// kinds of outputs that do not say theirs.
pub fn of(resolved: &Resolved, checked: Option<&Checked>) -> Value {
    let source = &resolved.source;
    let written = |span: Span| source.slice(span).trim().to_string();
    let within = |inner: Span, outer: Span| outer.start <= inner.start && inner.end <= outer.end;
    let quotes: Vec<(Span, &str)> = resolved
        .card
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Quote)
        .map(|n| (n.target, n.text.value.as_str()))
        .collect();
    let entry = |name: &str, label: Option<&str>| {
        let mut m = Map::new();
        m.insert("name".into(), json!(name));
        m.insert("label".into(), json!(label.unwrap_or(name)));
        m
    };
    let (mut inputs, mut items, mut params, mut outputs, mut sections) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for decl in &resolved.card.decls {
        match decl {
            Decl::Input(i) => {
                let mut m = entry(&i.name.name, i.label.as_ref().map(|l| l.value.as_str()));
                m.insert("type".into(), json!(written(i.ty_span)));
                match (&i.range, i.ty) {
                    (Some(r), _) => {
                        m.insert("range".into(), json!(written(r.span)));
                    }
                    (None, InputType::Percent) => {
                        m.insert("range".into(), json!("0%..100%"));
                    }
                    _ => {}
                }
                if let Some(d) = &i.default {
                    m.insert("default".into(), json!(written(d.span())));
                }
                inputs.push(Value::Object(m));
            }
            Decl::Param(p) => {
                let mut m = entry(&p.name.name, p.label.as_ref().map(|l| l.value.as_str()));
                m.insert("value".into(), json!(written(p.value.span())));
                params.push(Value::Object(m));
            }
            Decl::Section(s) => {
                let mut m = entry(&s.name.name, s.label.as_ref().map(|l| l.value.as_str()));
                m.insert("weight".into(), json!(written(s.weight.span)));
                sections.push(Value::Object(m));
                // The section's own quote: one inside it but in none of its items.
                let section_quote = quotes.iter().find(|(target, _)| {
                    within(*target, s.span) && !s.items.iter().any(|it| within(*target, it.span))
                });
                for it in &s.items {
                    let mut m = entry(&it.name.name, it.label.as_ref().map(|l| l.value.as_str()));
                    m.insert("points".into(), json!(written(it.points.span)));
                    m.insert("section".into(), json!(s.name.name));
                    let own = quotes.iter().find(|(target, _)| within(*target, it.span));
                    if let Some((_, quote)) = own.or(section_quote) {
                        m.insert("quote".into(), json!(quote));
                    }
                    items.push(Value::Object(m));
                }
            }
            Decl::Output(o) => {
                let mut m = entry(&o.name.name, o.label.as_ref().map(|l| l.value.as_str()));
                let ty = match &o.ty {
                    Some((_, span)) => Some(written(*span)),
                    None => checked
                        .and_then(|c| c.card().derived().iter().find(|d| d.name == o.name.name))
                        .map(|d| type_word(d.ty).to_string()),
                };
                m.insert("type".into(), json!(ty.unwrap_or_else(|| "number".into())));
                outputs.push(Value::Object(m));
            }
            _ => {}
        }
    }
    json!({
        "inputs": inputs, "items": items, "params": params,
        "outputs": outputs, "sections": sections,
    })
}

/// A kind as the card's type word.
fn type_word(ty: Type) -> &'static str {
    match ty {
        Type::Num(Unit::Plain) => "number",
        Type::Num(Unit::Percent) => "percent",
        Type::Num(Unit::Money) => "money",
        Type::Bool => "bool",
        Type::Text => "text",
    }
}
