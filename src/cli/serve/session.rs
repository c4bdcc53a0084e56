//! One editing session: the card being edited, what scores the data with it
//! (the card alone, or the rules directory with the edited text standing in
//! for its file), the data, and the card as saved, which every update is
//! compared with. Each endpoint of API.md is one method here; `http` only
//! carries JSON in and out.

use super::symbols;
use super::text::{self, Base, Pieces, Readonly};
use rust_decimal::Decimal;
use scorecard::check::model::{Derived, DerivedRule};
use scorecard::check::{Checked, CheckedCard};
use scorecard::diagnostic::{Code, Diagnostic, Diagnostics, Severity};
use scorecard::diff::{self, EmployeeDiff};
use scorecard::i18n::{self, Lang};
use scorecard::resolve::{self, Resolved};
use scorecard::run::{
    CardRun, DataInput, Options, Outcome, Overlay, Plan, Problem, Request, RulesSpec, Scoring, Stop,
};
use scorecard::value::{Type, Unit};
use scorecard::HookDir;
use scorecard::{t, SourceFile};
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What scores the data besides the edited card.
pub enum Rules {
    /// A rules directory's manifest: the edited text stands in for its file.
    Directory(PathBuf),
    /// The edited card alone.
    Card,
}

/// The card being edited.
pub struct Edited {
    /// As loaders name it (`rules/brands/君威/callback_specialist.card`):
    /// what the page shows, and how the cards that extend it find it.
    pub name: String,
    /// The folder it must stay inside (the rules root), as the file system resolves it.
    pub root: PathBuf,
}

/// The card as saved, scored: the baseline of every update's impact.
struct Side {
    plan: Plan,
    outcome: Outcome,
}

pub struct Session {
    pub lang: Lang,
    pub card: Edited,
    rules: Rules,
    data: Vec<DataInput>,
    data_names: Vec<String>,
    options: Options,
    /// The file's text as saved.
    saved: String,
    /// The bases shown read-only under it (nearest first).
    bases: Vec<Base>,
    baseline: Option<Side>,
    /// The last text that checked, for explanations while the card has errors.
    last_good: Option<String>,
    /// The symbols of the last text that resolved.
    last_symbols: Value,
    /// The rules directory's cards as compiled from their files: an update
    /// compiles again only the cards the edited file is part of.
    compiled_rules: Option<scorecard::manifest::Rules>,
}

/// A request's text, as API.md sends it.
#[derive(Debug, serde::Deserialize)]
pub struct Edit {
    #[serde(default)]
    pub seq: Option<Value>,
    pub text: String,
    #[serde(default)]
    pub readonly_ranges: Vec<Readonly>,
    #[serde(default)]
    pub id: Option<String>,
}

/// The edited text compiled: its resolved form (when it resolves) and the checked card.
struct Compiled {
    resolved: Option<Resolved>,
    checked: Result<Checked, Diagnostics>,
}

impl Session {
    /// A session over `card` (its file's text `saved`), scored as `rules`
    /// says on `data`. The baseline is scored here.
    pub fn new(
        card: Edited,
        saved: String,
        rules: Rules,
        data: Vec<DataInput>,
        options: Options,
    ) -> Session {
        let data_names = data.iter().map(|d| d.name.clone()).collect();
        let mut session = Session {
            lang: i18n::lang(),
            card,
            rules,
            data,
            data_names,
            options,
            saved,
            bases: Vec::new(),
            baseline: None,
            last_good: None,
            last_symbols: symbols::empty(),
            compiled_rules: None,
        };
        session.rebase();
        session
    }

    /// The saved text's bases and scores, after a start or a save.
    fn rebase(&mut self) {
        let saved = self.saved.clone();
        let compiled = self.compile(&saved);
        self.bases = match &compiled.resolved {
            Some(r) => r
                .chain
                .iter()
                .skip(1)
                .map(|f| Base {
                    name: f.name.clone(),
                    text: f.text.to_string(),
                })
                .collect(),
            None => Vec::new(),
        };
        if let Some(r) = &compiled.resolved {
            self.last_symbols = symbols::of(r, compiled.checked.as_ref().ok());
        }
        self.baseline = match compiled.checked {
            Ok(checked) => {
                self.last_good = Some(saved.clone());
                self.scoring(&saved, checked)
                    .ok()
                    .and_then(|s| self.score(s, false).ok())
            }
            Err(_) => None,
        };
        self.compiled_rules = self
            .baseline
            .as_ref()
            .and_then(|side| side.plan.scoring().directory_ref())
            .map(|d| d.rules.clone());
    }

    /// The month's steps that score nobody of the data (a pay step whose
    /// columns the data lacks), left out of every update; `[]` when every
    /// step scores someone, or none does.
    pub fn leave_out_idle_steps(&mut self) -> Vec<String> {
        let Some(side) = &self.baseline else {
            return Vec::new();
        };
        let all = side.plan.scoring().steps(&Options::default());
        let active: Vec<String> = all
            .iter()
            .flatten()
            .filter(|s| {
                side.outcome
                    .runs
                    .iter()
                    .any(|r| r.step.as_ref() == Some(*s) && !r.results.is_empty())
            })
            .cloned()
            .collect();
        let idle: Vec<String> = all
            .iter()
            .flatten()
            .filter(|s| !active.contains(s))
            .cloned()
            .collect();
        if active.is_empty() || idle.is_empty() {
            return Vec::new();
        }
        self.options.steps = active;
        self.rebase();
        idle
    }

    /// How many rows of the data the saved card scores (for the start message).
    pub fn rows_scored(&self) -> usize {
        match &self.baseline {
            Some(side) => self.rows_of(&side.plan, &side.outcome).len(),
            None => 0,
        }
    }

    /// `GET /api/state`.
    pub fn state(&self) -> Value {
        let (text, ranges) = text::editor_text(&self.saved, &self.bases);
        json!({
            "card": { "path": self.card.name, "text": text, "readonly_ranges": ranges },
            "data_files": self.data_names,
            "lang": self.lang.tag(),
        })
    }

    /// Parses, resolves (the edited text standing in for its file, bases
    /// from files) and checks `file`.
    fn compile(&self, file: &str) -> Compiled {
        let source = SourceFile::new(self.card.name.clone(), file);
        let loader = self.overlay(file);
        match resolve::resolve(&source, &loader) {
            Err(d) => Compiled {
                resolved: None,
                checked: Err(d),
            },
            Ok(resolved) => {
                let hooks = HookDir::beside(Path::new(&self.card.name));
                let checked = resolve::check_with(&resolved, &hooks);
                Compiled {
                    resolved: Some(resolved),
                    checked,
                }
            }
        }
    }

    fn overlay(&self, file: &str) -> Overlay {
        Overlay {
            name: self.card.name.clone(),
            text: file.to_string(),
        }
    }

    /// What scores the data with `file` as the edited card: every card
    /// problem (a card that extends it may no longer check) at once.
    fn scoring(&self, file: &str, checked: Checked) -> Result<Scoring, Diagnostics> {
        let scoring = match &self.rules {
            Rules::Directory(manifest) => Scoring::directory(manifest, &self.overlay(file)),
            Rules::Card => Scoring::of_checked(vec![checked]),
        };
        scoring.map_err(|stop| match stop {
            Stop::Cards(d) => d,
            Stop::Usage(m) | Stop::Data(m) => {
                Diagnostics(vec![Diagnostic::error(Code::MissingCard, m)])
            }
        })
    }

    /// The same as [`Session::scoring`], quicker: the cards of the rules
    /// directory that the edited file is no part of are taken as compiled
    /// at the start (or the last save), the others compiled again over the
    /// edited text. (A save checks the whole directory again.)
    fn scoring_quick(&self, file: &str, checked: Checked) -> Result<Scoring, Diagnostics> {
        let (Rules::Directory(_), Some(compiled)) = (&self.rules, &self.compiled_rules) else {
            return self.scoring(file, checked);
        };
        let mut rules = compiled.clone();
        let overlay = self.overlay(file);
        let mut problems = Diagnostics::default();
        for card in &mut rules.cards {
            let name = card.card().source().name.clone();
            if name == self.card.name {
                *card = checked.clone();
            } else if chain_of(card.card()).contains(&self.card.name) {
                let again = scorecard::FileLoader::new()
                    .open(&name)
                    .map_err(|why| {
                        Diagnostics(vec![Diagnostic::error(Code::MissingCard, why.to_string())])
                    })
                    .and_then(|source| {
                        scorecard::compile_with(
                            &source,
                            &overlay,
                            &HookDir::beside(Path::new(&name)),
                        )
                    });
                match again {
                    Ok(c) => *card = c,
                    Err(d) => problems.extend(d),
                }
            }
        }
        if problems.has_errors() {
            return Err(problems);
        }
        Ok(Scoring::of_rules(rules))
    }

    /// Scores the data (every row kept, a bad one reported beside the others).
    fn score(&self, scoring: Scoring, trace: bool) -> Result<Side, String> {
        if self.data.is_empty() {
            return Err(t!("run-no-data"));
        }
        let request = Request {
            rules: RulesSpec::Checked(Vec::new()),
            data: self.data.clone(),
            from: Vec::new(),
            options: Options {
                trace,
                keep_going: true,
                ..self.options.clone()
            },
        };
        let plan = Plan::with_scoring(scoring, request).map_err(|s| s.to_string())?;
        let outcome = plan.results();
        Ok(Side { plan, outcome })
    }

    /// The problems of the baseline's run that stop it (the command line's), for the start.
    pub fn usage_problems(&self) -> Vec<String> {
        match &self.baseline {
            Some(side) => side
                .outcome
                .problems
                .iter()
                .filter(|p| p.is_usage())
                .map(ToString::to_string)
                .collect(),
            None => Vec::new(),
        }
    }

    /// `POST /api/update`.
    pub fn update(&mut self, edit: &Edit) -> Value {
        let started = Instant::now();
        let (file, pieces) = text::file_text(&edit.text, &edit.readonly_ranges);
        let compiled = self.compile(&file);
        let mut diagnostics = Diagnostics::default();
        if let Some(r) = &compiled.resolved {
            self.last_symbols = symbols::of(r, compiled.checked.as_ref().ok());
        }
        let mut results = Value::Null;
        let mut impact = Value::Null;
        match compiled.checked {
            Err(d) => diagnostics.extend(d),
            Ok(checked) => {
                diagnostics.extend(checked.warnings().clone());
                match self.scoring_quick(&file, checked) {
                    Err(d) => diagnostics.extend(d),
                    Ok(scoring) => {
                        self.last_good = Some(file.clone());
                        if let Ok(new) = self.score(scoring, false) {
                            let (r, i, notes) = self.compare(&new);
                            results = r;
                            impact = i;
                            for note in notes {
                                diagnostics.push(Diagnostic::warning(Code::Suspicious, note));
                            }
                        }
                    }
                }
            }
        }
        json!({
            "seq": edit.seq,
            "diagnostics": self.diagnostics(&diagnostics, &file, &pieces),
            "symbols": self.last_symbols,
            "results": results,
            "impact": impact,
            "elapsed_ms": started.elapsed().as_millis() as u64,
        })
    }

    /// The diagnostics as API.md gives them: character offsets into the
    /// editor's text, in the order of the text. A problem in another file
    /// (a base card, a card that extends this one, the manifest) is put on
    /// the card's `extends` (or its first line), naming the file and line.
    fn diagnostics(&self, all: &Diagnostics, file: &str, pieces: &Pieces) -> Vec<Value> {
        let extends = file
            .find("extends")
            .map(|at| (at, at + "extends".len()))
            .unwrap_or((0, 0));
        let mut placed: Vec<(usize, usize, &Diagnostic, String)> = Vec::new();
        for d in all.iter() {
            let first = d.split_by_file().into_iter().next();
            let here = first.as_ref().and_then(|f| {
                let source = f.source.as_ref()?;
                let label = f.labels.first()?;
                Some((source.clone(), label.span))
            });
            match here {
                Some((source, span)) if source.name == self.card.name => {
                    placed.push((span.start, span.end, d, d.message.clone()));
                }
                Some((source, span)) => {
                    let (line, _) = source.line_col(span.start);
                    let message = t!(
                        "serve-problem-elsewhere",
                        message = &d.message,
                        file = &source.name,
                        line = line
                    );
                    placed.push((extends.0, extends.1, d, message));
                }
                None => placed.push((0, 0, d, d.message.clone())),
            }
        }
        placed.sort_by_key(|(from, _, d, _)| (*from, d.severity));
        let bytes: Vec<usize> = placed.iter().flat_map(|(f, t, _, _)| [*f, *t]).collect();
        let chars = text::chars_of(file, &bytes);
        placed
            .iter()
            .enumerate()
            .map(|(i, (_, _, d, message))| {
                let (from, to) = (chars[2 * i], chars[2 * i + 1]);
                let mut v = json!({
                    "from": pieces.to_editor(from),
                    "to": pieces.to_editor(to.max(from)),
                    "severity": match d.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                    },
                    "message": message,
                });
                if let Some(help) = &d.help {
                    v["help"] = json!(help);
                }
                v
            })
            .collect()
    }

    /// The cards (by name) the edited file is part of: itself, and every
    /// card that extends it.
    fn affected(&self, plan: &Plan) -> HashSet<String> {
        plan.scoring()
            .cards()
            .iter()
            .filter(|c| chain_of(c).contains(&self.card.name))
            .map(|c| c.name().to_string())
            .collect()
    }

    /// The results of the rows scored by the edited card (or a card that
    /// extends it), by `(line, id)`, in data order.
    fn rows_of<'o>(&self, plan: &Plan, outcome: &'o Outcome) -> Vec<(&'o CardRun, usize)> {
        let affected = self.affected(plan);
        outcome
            .in_data_order()
            .into_iter()
            .filter(|(run, _)| affected.contains(run.card.name()))
            .collect()
    }

    /// `results` and `impact` of an update: the rows of the edited card
    /// side by side with the saved card's (`diff`'s comparison), and notes
    /// on problems with the data as a whole.
    fn compare(&self, new: &Side) -> (Value, Value, Vec<String>) {
        let affected = self.affected(&new.plan);
        let old = self.baseline.as_ref();
        let report = old.map(|old| {
            diff::diff(
                old.plan.scoring(),
                new.plan.scoring(),
                &old.outcome,
                &new.outcome,
            )
        });
        let cards: HashMap<&str, &CheckedCard> = new
            .plan
            .scoring()
            .cards()
            .iter()
            .map(|c| (c.name(), &**c))
            .collect();
        // Every employee's entries in the comparison (one per step), by row.
        let mut by_row: HashMap<(usize, &str), Vec<&EmployeeDiff>> = HashMap::new();
        if let Some(report) = &report {
            for e in &report.employees {
                by_row.entry((e.line, e.id.as_str())).or_default().push(e);
            }
        }
        let mut rows = Vec::new();
        let mut main_label: Option<String> = None;
        let (mut scored, mut graded, mut brand, mut store) = (false, false, false, false);
        let (mut changed, mut grade_changes) = (0usize, 0usize);
        let (mut points, mut pay) = (Decimal::ZERO, None::<Decimal>);
        let mut seen = HashSet::new();
        for (run, i) in new.outcome.in_data_order() {
            if !affected.contains(run.card.name()) {
                continue;
            }
            let result = &run.results[i];
            let who = &result.employee;
            seen.insert(result.line);
            let card = &*run.card;
            let gives_points = !card.sections().is_empty() || !card.adjustments().is_empty();
            scored |= gives_points;
            graded |= card.grade().is_some();
            brand |= who.brand.is_some();
            store |= who.store.is_some();
            let mut row = Map::new();
            row.insert("id".into(), json!(who.id));
            row.insert("name".into(), json!(who.name));
            if let Some(b) = &who.brand {
                row.insert("brand".into(), json!(b));
            }
            if let Some(s) = &who.store {
                row.insert("store".into(), json!(s));
            }
            if gives_points {
                row.insert("total".into(), json!(points_text(result.scores.total)));
            }
            let grade = result.grade(card).map(|g| g.to_string());
            if let Some(g) = &grade {
                row.insert("grade".into(), json!(g));
            }
            // The pay: the card's own main output, else the one of the card
            // that scores the same row in a later step (the pay it feeds).
            let entries = by_row.get(&(result.line, who.id.as_str()));
            let own =
                entries.and_then(|es| es.iter().find(|e| affected.contains(last_name(&e.card))));
            let main_here = main_of(card).map(|d| (card, d));
            let main = main_here.or_else(|| {
                let later = entries?
                    .iter()
                    .find(|e| !affected.contains(last_name(&e.card)))?;
                let later_card = cards.get(last_name(&later.card))?;
                main_of(later_card).map(|d| (*later_card, d))
            });
            let mut main_delta = None;
            if let Some((main_card, output)) = main {
                if main_label.is_none() {
                    main_label = Some(output.display_name().to_string());
                }
                let value = if std::ptr::eq(main_card, card) {
                    let k = card.derived().iter().position(|d| d.name == output.name);
                    k.and_then(|k| result.scores.derived[k].as_num())
                } else {
                    entries
                        .and_then(|es| es.iter().find(|e| last_name(&e.card) == main_card.name()))
                        .and_then(|e| e.outputs.iter().find(|v| v.name == output.name))
                        .and_then(|v| v.new.as_ref()?.as_num())
                };
                if let Some(v) = value {
                    row.insert("main".into(), json!(v.to_string()));
                }
                let pair = entries
                    .and_then(|es| es.iter().find(|e| last_name(&e.card) == main_card.name()))
                    .and_then(|e| e.outputs.iter().find(|v| v.name == output.name))
                    .and_then(|v| Some((v.old.as_ref()?.as_num()?, v.new.as_ref()?.as_num()?)));
                if let Some((o, n)) = pair {
                    let d = money_delta(n - o, n.scale());
                    row.insert("delta_main".into(), json!(d.to_string()));
                    main_delta = Some(d);
                }
            }
            let mut moved = false;
            match own {
                Some(e) => {
                    if gives_points {
                        let d = e.change();
                        row.insert("delta_total".into(), json!(points_text(d)));
                        points += d;
                        moved |= !d.is_zero();
                    }
                    if let Some(g) = &e.old_grade {
                        row.insert("grade_before".into(), json!(g));
                    }
                    if e.old_grade != e.new_grade {
                        grade_changes += 1;
                        moved = true;
                    }
                }
                // Scored now, not by the saved card: one side only.
                None => moved = true,
            }
            if let Some(d) = main_delta {
                pay = Some(pay.unwrap_or(Decimal::ZERO) + d);
                moved |= !d.is_zero();
            }
            if moved {
                changed += 1;
            }
            rows.push(Value::Object(row));
        }
        // Rows the edited card cannot score: a bad cell, a rule that failed.
        let mut notes = Vec::new();
        let old_lines: HashSet<usize> = old
            .map(|o| {
                self.rows_of(&o.plan, &o.outcome)
                    .into_iter()
                    .map(|(run, i)| run.results[i].line)
                    .collect()
            })
            .unwrap_or_default();
        let scored_elsewhere: HashSet<usize> = new
            .outcome
            .runs
            .iter()
            .filter(|r| !affected.contains(r.card.name()))
            .flat_map(|r| r.results.iter().map(|x| x.line))
            .collect();
        let mut told = HashSet::new();
        for problem in &new.outcome.problems {
            let Some(line) = problem.line() else {
                notes.push(problem.to_string());
                continue;
            };
            if seen.contains(&line) || scored_elsewhere.contains(&line) || !told.insert(line) {
                continue;
            }
            if !old_lines.contains(&line) && routing(problem) {
                continue;
            }
            let id = problem_id(problem).unwrap_or_else(|| t!("serve-row-line", line = line));
            if old_lines.contains(&line) {
                changed += 1;
            }
            rows.push(json!({ "id": id, "error": problem.to_string() }));
        }
        let mut columns = vec![
            json!({ "key": "id", "label": t!("serve-column-id") }),
            json!({ "key": "name", "label": t!("serve-column-name") }),
        ];
        if brand {
            columns.push(json!({ "key": "brand", "label": t!("serve-column-brand") }));
        }
        if store {
            columns.push(json!({ "key": "store", "label": t!("serve-column-store") }));
        }
        if scored {
            columns.push(
                json!({ "key": "total", "label": t!("serve-column-total"), "kind": "score" }),
            );
        }
        if graded {
            columns.push(
                json!({ "key": "grade", "label": t!("serve-column-grade"), "kind": "grade" }),
            );
        }
        if let Some(label) = &main_label {
            columns.push(json!({ "key": "main", "label": label, "kind": "money" }));
        }
        let impact = json!({
            "people_changed": changed,
            "points_delta": points_text(points),
            "grade_changes": grade_changes,
            "pay_delta": pay.map(|p| p.to_string()),
        });
        (json!({ "columns": columns, "rows": rows }), impact, notes)
    }

    /// `POST /api/explain`.
    pub fn explain(&mut self, edit: &Edit) -> Value {
        let id = edit.id.clone().unwrap_or_default();
        let (file, _) = text::file_text(&edit.text, &edit.readonly_ranges);
        let compiled = self.compile(&file);
        let (file, checked) = match compiled.checked {
            Ok(c) => (file, c),
            Err(_) => match self.last_good.clone() {
                Some(good) => match self.compile(&good).checked {
                    Ok(c) => (good, c),
                    Err(_) => return json!({ "id": id, "text": t!("serve-explain-card-errors") }),
                },
                None => return json!({ "id": id, "text": t!("serve-explain-card-errors") }),
            },
        };
        let side = match self.scoring_quick(&file, checked) {
            Ok(s) => self.score(s, true),
            Err(_) => Err(t!("serve-explain-card-errors")),
        };
        let side = match side {
            Ok(side) => side,
            Err(message) => return json!({ "id": id, "text": message }),
        };
        let mut texts = Vec::new();
        let mut name = None;
        for (run, i) in side.outcome.in_data_order() {
            let result = &run.results[i];
            if result.employee.id == id {
                name = name.or(result.employee.name.clone());
                let notes = run.notes_of(i);
                texts.push(scorecard::report::explain_with_notes(
                    &run.card,
                    result,
                    &run.inputs[i],
                    &notes,
                ));
            }
        }
        if texts.is_empty() {
            return json!({ "id": id, "text": t!("serve-no-employee", id = &id) });
        }
        json!({
            "id": id,
            "title": t!("serve-explain-title", name = name.unwrap_or_else(|| id.clone()), id = &id),
            "text": texts.join(&format!("\n{}\n\n", "─".repeat(60))),
        })
    }

    /// `POST /api/save`: the file's text, checked, formatted as `fmt` does,
    /// written in place of the card's file (never elsewhere), and made the
    /// baseline.
    pub fn save(&mut self, edit: &Edit) -> Value {
        let (file, pieces) = text::file_text(&edit.text, &edit.readonly_ranges);
        let compiled = self.compile(&file);
        let mut problems = match compiled.checked {
            Err(d) => d,
            Ok(checked) => match self.scoring(&file, checked) {
                Err(d) => d,
                Ok(_) => Diagnostics::default(),
            },
        };
        let formatted = if problems.has_errors() {
            None
        } else {
            let source = SourceFile::new(self.card.name.clone(), file.as_str());
            match scorecard::syntax::fmt::format(&source) {
                Ok(text) => Some(text),
                Err(d) => {
                    problems.extend(d);
                    None
                }
            }
        };
        let Some(formatted) = formatted else {
            let errors = problems.iter().filter(|d| d.is_error()).count();
            return json!({
                "ok": false,
                "message": t!("serve-not-saved", count = errors),
                "diagnostics": self.diagnostics(&problems, &file, &pieces),
            });
        };
        if let Err(why) = self.write(&formatted) {
            return json!({
                "ok": false,
                "message": t!("serve-cannot-save", path = &self.card.name, error = why),
                "diagnostics": [],
            });
        }
        self.saved = formatted.clone();
        self.rebase();
        let mut answer = json!({
            "ok": true,
            "message": t!("serve-saved", path = &self.card.name),
        });
        let (shown, ranges) = text::editor_text(&self.saved, &self.bases);
        if shown != edit.text {
            answer["formatted_text"] = json!(shown);
            answer["readonly_ranges"] = json!(ranges);
        }
        answer
    }

    /// Writes the card's file, if it is still inside the rules root.
    fn write(&self, text: &str) -> Result<(), String> {
        let path = Path::new(&self.card.name);
        let real = std::fs::canonicalize(path).map_err(|e| super::super::load::io_reason(&e))?;
        if !real.starts_with(&self.card.root) {
            return Err(t!(
                "serve-outside-root",
                path = &self.card.name,
                root = self.card.root.display().to_string()
            ));
        }
        super::super::fmt::write_atomically(path, text).map_err(|e| e.to_string())
    }
}

/// The files a checked card is made of, its own first, then its base's …
pub fn chain_of(card: &CheckedCard) -> Vec<String> {
    if card.source().parts.is_empty() {
        return vec![card.source().name.clone()];
    }
    card.source()
        .parts
        .iter()
        .rev()
        .map(|p| p.file.name.clone())
        .collect()
}

/// A card's name in a comparison (`old → new` when it was renamed: the new).
fn last_name(card: &str) -> &str {
    card.rsplit(" → ").next().unwrap_or(card)
}

/// The output a card's pay is: its `main`, else its last money output.
fn main_of(card: &CheckedCard) -> Option<&Derived> {
    if let Some(i) = card.main() {
        return card.derived().get(i);
    }
    card.derived()
        .iter()
        .rev()
        .find(|d| matches!(d.rule, DerivedRule::Output(_)) && d.ty == Type::Num(Unit::Money))
}

/// Points as `rust_decimal` prints them, trailing zeros off (`87.5`, `-1`, `0`).
fn points_text(d: Decimal) -> String {
    if d.is_zero() {
        "0".into()
    } else {
        d.normalize().to_string()
    }
}

/// A change of money at the money's scale (`-16.00`, `0.00`).
fn money_delta(d: Decimal, scale: u32) -> Decimal {
    if d.is_zero() {
        Decimal::new(0, scale)
    } else {
        d
    }
}

/// A problem that only says no card of these rules scores the row (routing).
fn routing(problem: &Problem) -> bool {
    use scorecard::data::DataProblemKind;
    matches!(problem, Problem::Data(e) if matches!(e.kind, DataProblemKind::NoCard | DataProblemKind::UnknownValue))
}

/// The employee a row's problem names, when it does.
fn problem_id(problem: &Problem) -> Option<String> {
    match problem {
        Problem::Feed { id, .. } | Problem::RollUp { id, .. } => Some(id.clone()),
        Problem::Failed { failure, .. } => Some(failure.employee.id.clone()),
        _ => None,
    }
}
