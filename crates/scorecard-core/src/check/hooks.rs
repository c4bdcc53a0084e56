//! Hook imports: read and compile each script once, match the functions the
//! card declares against what the script defines, and check every call to
//! them: the number of arguments and the kind of each.

use super::expr::{Context, Typed};
use super::kinds::Measure;
use super::model::ExprKind;
use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::hooks::{HookFiles, HookFn, HookScript};
use crate::source::Span;
use crate::syntax::ast::{self, Decl};
use crate::t;
use crate::value::{Type, Unit};

/// The card language's own functions; a hook may not take their names.
pub const BUILT_INS: [&str; 7] = [
    "min",
    "max",
    "clamp",
    "round",
    "present",
    "top",
    "group_size",
];

impl Checker<'_> {
    pub(super) fn load_hooks(&mut self, decls: &[Decl], files: &dyn HookFiles) {
        for decl in decls {
            if let Decl::Hooks(hooks) = decl {
                self.hook_file(hooks, files);
            }
        }
    }

    fn hook_file(&mut self, decl: &ast::HooksDecl, files: &dyn HookFiles) {
        let path = &decl.path.value;
        let read = files.read(path);
        if let Ok(source) = &read {
            self.hook_files.push((path.clone(), source.clone()));
        }
        let script = match read {
            Ok(source) => match HookScript::compile(&source) {
                Ok(script) => Some(script),
                Err(diagnostic) => {
                    // It points into the script, not the card.
                    self.diagnostics.push(diagnostic);
                    None
                }
            },
            Err(error) => {
                let d =
                    Diagnostic::error(Code::Unreadable, t!("hook-file-unreadable", path = path))
                        .label(decl.path.span, error.to_string())
                        .help(t!("hook-file-unreadable-help"));
                self.report(d);
                None
            }
        };
        let Some(signatures) = &decl.functions else {
            self.missing_signatures(decl, script.as_ref());
            return;
        };
        for signature in signatures {
            let before = self.hooks.len();
            self.hook_signature(signature, &decl.path.value, script.as_ref());
            if self.hooks.len() == before {
                self.failed_hooks.push(signature.name.name.clone());
            }
        }
    }

    /// `hooks "x.rhai"` without `{ … }`: the kinds must be declared, so show them how.
    fn missing_signatures(&mut self, decl: &ast::HooksDecl, script: Option<&HookScript>) {
        let example = script
            .map(|s| {
                s.functions()
                    .iter()
                    .map(|(name, arity)| {
                        format!("{name}({}) -> number", vec!["number"; *arity].join(", "))
                    })
                    .collect::<Vec<_>>()
            })
            .filter(|f| !f.is_empty())
            .unwrap_or_else(|| vec!["提成(count, money) -> money".to_string()]);
        let d = Diagnostic::error(
            Code::HookSignature,
            t!("hook-no-signatures", path = &decl.path.value),
        )
        .label(decl.span, t!("hook-no-signatures-label"))
        .help(t!(
            "hook-no-signatures-help",
            path = &decl.path.value,
            example = example.join("  ")
        ));
        self.report(d);
    }

    fn hook_signature(&mut self, sig: &ast::HookSig, path: &str, script: Option<&HookScript>) {
        let name = &sig.name.name;
        if BUILT_INS.contains(&name.as_str()) {
            let d = Diagnostic::error(Code::DuplicateName, t!("hook-is-built-in", name = name))
                .label(sig.name.span, t!("hook-is-built-in-label"))
                .help(t!("hook-is-built-in-help"));
            self.report(d);
            return;
        }
        if let Some(earlier) = self.hooks.iter().find(|h| &h.name == name) {
            let d = Diagnostic::error(Code::DuplicateName, t!("hook-twice", name = name))
                .label(sig.name.span, t!("duplicate-name-again"))
                .label(earlier.span, t!("field-twice-first"));
            self.report(d);
            return;
        }
        // The file could not be read or compiled: that is already reported.
        let Some(script) = script else { return };
        let arity = sig.params.len();
        if !script.defines(name, arity) {
            self.not_in_script(sig, path, script);
            return;
        }
        self.hooks.push(HookFn {
            name: name.clone(),
            params: sig.params.iter().map(|(ty, _)| *ty).collect(),
            result: sig.result.0,
            script: script.clone(),
            span: sig.span,
        });
    }

    fn not_in_script(&mut self, sig: &ast::HookSig, path: &str, script: &HookScript) {
        let name = &sig.name.name;
        let functions = script.functions();
        let same_name: Vec<usize> = functions
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, a)| *a)
            .collect();
        let listed = functions
            .iter()
            .map(|(n, a)| t!("hook-function-arity", name = n, count = *a))
            .collect::<Vec<_>>()
            .join(", ");
        let d = if same_name.is_empty() {
            let suggestion = closest(name, functions.iter().map(|(n, _)| n.as_str()));
            Diagnostic::error(
                Code::HookSignature,
                t!("hook-not-defined", path = path, name = name),
            )
            .label(sig.name.span, t!("hook-not-defined-label"))
            .help(match suggestion {
                Some(s) => t!("did-you-mean", name = s),
                None if listed.is_empty() => t!("hook-script-empty", path = path),
                None => t!("hook-script-defines", functions = listed),
            })
        } else {
            Diagnostic::error(
                Code::HookSignature,
                t!(
                    "hook-arity-mismatch",
                    name = name,
                    path = path,
                    script = same_name
                        .iter()
                        .map(usize::to_string)
                        .collect::<Vec<_>>()
                        .join(&t!("hook-or")),
                    card = sig.params.len()
                ),
            )
            .label(sig.span, t!("declared-here"))
            .help(t!("hook-arity-mismatch-help"))
        };
        self.report(d);
    }

    pub(super) fn hook_named(&self, name: &str) -> Option<usize> {
        self.hooks.iter().position(|h| h.name == name)
    }

    pub(super) fn unknown_function(&mut self, function: &ast::Ident) {
        let name = &function.name;
        if self.failed_hooks.contains(name) {
            return;
        }
        let hooks: Vec<String> = self.hooks.iter().map(|h| h.name.clone()).collect();
        let candidates = BUILT_INS
            .iter()
            .copied()
            .chain(hooks.iter().map(String::as_str));
        let help = match closest(name, candidates) {
            Some(s) => t!("did-you-mean", name = s),
            None if hooks.is_empty() => t!("functions-list"),
            None => t!("functions-list-with-hooks", hooks = hooks.join(", ")),
        };
        let d = Diagnostic::error(Code::UnknownName, t!("unknown-function", name = name))
            .label(function.span, t!("unknown-function-label"))
            .help(help);
        self.report(d);
    }

    /// A call to a hook: as many arguments as declared, each of its declared kind.
    pub(super) fn hook_call(
        &mut self,
        hook: usize,
        function: &ast::Ident,
        args: &[ast::Expr],
        span: Span,
        context: Context,
    ) -> Option<Typed> {
        let (params, result, signature) = {
            let h = &self.hooks[hook];
            (h.params.clone(), h.result, h.signature())
        };
        if args.len() != params.len() {
            let d = Diagnostic::error(
                Code::BadCall,
                t!(
                    "hook-call-arity",
                    name = &function.name,
                    expected = params.len(),
                    count = args.len()
                ),
            )
            .label(span, t!("wrong-arity-label"))
            .label(
                self.hooks[hook].span,
                t!("declared-as", signature = &signature),
            );
            self.report(d);
            return None;
        }
        let compiled: Vec<Option<Typed>> = args.iter().map(|a| self.expr(a, context)).collect();
        let mut ok = true;
        for (i, (arg, param)) in compiled.iter().zip(&params).enumerate() {
            let Some(arg) = arg else {
                ok = false;
                continue;
            };
            let want = param.value_type();
            let money_constant =
                want == Type::Num(Unit::Money) && arg.flex && arg.ty == Type::Num(Unit::Plain);
            // A ratio (count ÷ count …) is a percentage where a hook takes one.
            let ratio_as_percent = want == Type::Num(Unit::Percent)
                && arg.ty == Type::Num(Unit::Plain)
                && arg.measure == Measure::Ratio;
            if arg.ty != want && !money_constant && !ratio_as_percent {
                let d = Diagnostic::error(
                    Code::TypeMismatch,
                    t!(
                        "hook-argument-type",
                        index = i + 1,
                        name = &function.name,
                        keyword = param.keyword(),
                        ty = arg.ty.to_string()
                    ),
                )
                .label(arg.expr.span, t!("this-is", ty = arg.ty.to_string()))
                .label(
                    self.hooks[hook].span,
                    t!("declared-as", signature = &signature),
                );
                self.report(d);
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        let args = compiled
            .into_iter()
            .map(|a| a.map(|t| t.expr))
            .collect::<Option<Vec<_>>>()?;
        let typed = Typed::new(
            ExprKind::Hook {
                function: hook,
                args,
            },
            span,
            result.value_type(),
        );
        Some(if result.is_countable() {
            typed.counted()
        } else {
            typed
        })
    }
}

/// The candidate nearest `name`, if it is near enough to be a slip.
fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .map(|c| (strsim::levenshtein(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}
