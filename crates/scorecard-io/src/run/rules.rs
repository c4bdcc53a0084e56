//! What scores the rows: one card, versions of one card, or a rules
//! directory whose manifest picks each row's card, step after step.

use super::{Options, Stop};
use crate::check::{Checked, CheckedCard};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::files::HookDir;
use crate::manifest::{Manifest, Rules, MANIFEST_FILE};
use crate::period::PeriodKind;
use crate::resolve::{card_name, LoadError, Loader};
use crate::source::SourceFile;
use crate::t;
use crate::version::Versions;
use crate::FileLoader;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the request names to score with.
#[derive(Debug, Clone)]
pub enum RulesSpec {
    /// A card file, or several versions of one card.
    Cards(Vec<CardInput>),
    /// A rules directory's manifest (`rules/scorecard.toml`).
    Directory(PathBuf),
    /// A rules directory with one card standing in for the card of the same
    /// name (`diff rules/ 新方案.card`): the cards that extend it are
    /// resolved over the new text too.
    Overlaid { manifest: PathBuf, card: CardInput },
    /// Cards already checked (case files, tests, a program embedding the library).
    Checked(Vec<Arc<CheckedCard>>),
}

/// A card named on the command line: a file, or text read from stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardInput {
    /// As given; its folder is where the card's hook files and the cards it
    /// extends are found (the working directory for stdin).
    pub path: PathBuf,
    /// The card's text when it did not come from `path` (stdin).
    pub text: Option<String>,
}

impl CardInput {
    pub fn file(path: impl Into<PathBuf>) -> CardInput {
        CardInput {
            path: path.into(),
            text: None,
        }
    }

    /// A card read from stdin.
    pub fn stdin(text: String) -> CardInput {
        CardInput {
            path: PathBuf::from("-"),
            text: Some(text),
        }
    }

    fn name(&self) -> String {
        match &self.text {
            Some(_) if self.path == Path::new("-") => "<stdin>".to_string(),
            _ => self.path.display().to_string(),
        }
    }
}

impl RulesSpec {
    /// What the command line's `CARD…` names: a rules directory (or its
    /// `scorecard.toml`) given alone, or cards. `stdin` reads a `-`.
    pub fn from_args(
        args: &[String],
        stdin: &mut dyn FnMut() -> Result<String, String>,
    ) -> Result<RulesSpec, Stop> {
        if let Some(manifest) = args.iter().find_map(|a| manifest_path(a)) {
            if args.len() > 1 {
                return Err(Stop::Usage(t!(
                    "run-directory-alone",
                    args = args.join(&t!("data-list-sep"))
                )));
            }
            return Ok(RulesSpec::Directory(manifest));
        }
        let mut cards = Vec::new();
        for arg in args {
            if arg == "-" {
                cards.push(CardInput::stdin(stdin().map_err(Stop::Usage)?));
            } else {
                cards.push(CardInput::file(arg));
            }
        }
        Ok(RulesSpec::Cards(cards))
    }
}

/// The manifest `arg` names, if it names a rules directory or a manifest file.
pub fn manifest_path(arg: &str) -> Option<PathBuf> {
    let path = Path::new(arg);
    if path.is_dir() {
        return Some(path.join(MANIFEST_FILE));
    }
    let named = path.file_name().is_some_and(|n| n == MANIFEST_FILE);
    let toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    // A `.toml` data file holds `[[row]]` tables; a manifest `[[card]]` ones.
    (named || (toml && looks_like_manifest(path))).then(|| path.to_path_buf())
}

fn looks_like_manifest(path: &Path) -> bool {
    std::fs::read_to_string(path)
        .is_ok_and(|text| text.lines().any(|l| l.trim_start().starts_with("[[card]]")))
}

/// Reads and checks one card: the cards it extends through `loader`, its
/// hook files beside it.
pub fn load_card(input: &CardInput, loader: &dyn Loader) -> Result<Checked, Diagnostics> {
    let source = match &input.text {
        Some(text) => SourceFile::new(input.name(), text.as_str()),
        None => FileLoader::new().open(&input.path).map_err(|why| {
            Diagnostics(vec![Diagnostic::error(Code::MissingCard, why.to_string())])
        })?,
    };
    let beside = if input.path == Path::new("-") {
        PathBuf::from("./-")
    } else {
        input.path.clone()
    };
    crate::compile_with(&source, loader, &HookDir::beside(&beside))
}

/// A loader that serves one card's new text in place of the file of that
/// name, and every other card from files.
pub struct Overlay {
    /// The file the new text stands in for (`rules/callback_specialist.card`).
    pub name: String,
    pub text: String,
}

impl Loader for Overlay {
    fn load(&self, from: &SourceFile, path: &str) -> Result<Arc<SourceFile>, LoadError> {
        let name = card_name(from, path);
        if name == self.name {
            return Ok(SourceFile::new(name, self.text.as_str()));
        }
        FileLoader::new().load(from, path)
    }
}

/// What scores the rows, compiled once.
pub struct Scoring {
    kind: Kind,
    warnings: Diagnostics,
}

enum Kind {
    /// One card, or versions of one card (oldest first), each with its Arc.
    Cards {
        versions: Versions,
        cards: Vec<Arc<CheckedCard>>,
    },
    Directory(Directory),
}

/// A rules directory: its manifest and every card it names, compiled.
pub struct Directory {
    pub rules: Rules,
    /// Parallel to `rules.cards`.
    pub cards: Vec<Arc<CheckedCard>>,
}

impl Directory {
    /// The card of manifest entry `entry`.
    pub fn card_of(&self, entry: usize) -> &Arc<CheckedCard> {
        &self.cards[self.rules.card_of_entry[entry]]
    }

    pub fn manifest(&self) -> &Manifest {
        &self.rules.manifest
    }
}

impl Scoring {
    /// Compiles what `spec` names; every card problem at once.
    pub fn load(spec: &RulesSpec) -> Result<Scoring, Stop> {
        match spec {
            RulesSpec::Cards(inputs) => {
                let mut checked = Vec::new();
                let mut problems = Diagnostics::default();
                for input in inputs {
                    match load_card(input, &FileLoader::new()) {
                        Ok(card) => checked.push(card),
                        Err(d) => problems.extend(d),
                    }
                }
                if problems.has_errors() {
                    return Err(Stop::Cards(problems));
                }
                Scoring::of_checked(checked)
            }
            RulesSpec::Checked(cards) => Scoring::of_cards(cards.clone(), Diagnostics::default()),
            RulesSpec::Directory(manifest) => Scoring::directory(manifest, &FileLoader::new()),
            RulesSpec::Overlaid { manifest, card } => {
                let overlay = overlay_for(manifest, card)?;
                Scoring::directory(manifest, &overlay)
            }
        }
    }

    /// Versions of one card (or one card), checked.
    pub fn of_checked(checked: Vec<Checked>) -> Result<Scoring, Stop> {
        let mut warnings = Diagnostics::default();
        let mut cards = Vec::new();
        for c in checked {
            let (card, found) = c.into_parts();
            warnings.extend(found);
            cards.push(Arc::new(card));
        }
        Scoring::of_cards(cards, warnings)
    }

    pub(crate) fn of_cards(
        cards: Vec<Arc<CheckedCard>>,
        warnings: Diagnostics,
    ) -> Result<Scoring, Stop> {
        if cards.is_empty() {
            return Err(Stop::Usage(t!("run-no-card")));
        }
        let versions =
            Versions::new(cards.iter().map(|c| (**c).clone()).collect()).map_err(Stop::Cards)?;
        // In the versions' order (oldest first).
        let cards = versions
            .cards()
            .iter()
            .map(|v| {
                cards
                    .iter()
                    .find(|c| c.source().name == v.source().name && c.stamp() == v.stamp())
                    .cloned()
                    .unwrap_or_else(|| Arc::new(v.clone()))
            })
            .collect();
        Ok(Scoring {
            kind: Kind::Cards { versions, cards },
            warnings,
        })
    }

    /// A rules directory's manifest and cards, through `loader`.
    pub fn directory(manifest: &Path, loader: &dyn Loader) -> Result<Scoring, Stop> {
        let source = FileLoader::new().open(manifest).map_err(|why| {
            let mut d = Diagnostic::error(Code::MissingCard, why.to_string());
            if !manifest.exists() {
                d = d.help(t!("run-no-manifest-help", manifest = MANIFEST_FILE));
            }
            Stop::Cards(Diagnostics(vec![d]))
        })?;
        let rules = Manifest::parse(&source)
            .and_then(|m| Rules::compile(m, loader))
            .map_err(Stop::Cards)?;
        Ok(Scoring::of_rules(rules))
    }

    /// A rules directory already compiled (from memory, say).
    pub fn of_rules(rules: Rules) -> Scoring {
        let warnings = rules.warnings();
        let cards = rules
            .cards
            .iter()
            .map(|c| Arc::new(c.card().clone()))
            .collect();
        Scoring {
            kind: Kind::Directory(Directory { rules, cards }),
            warnings,
        }
    }

    /// Warnings about the cards, to show before the results.
    pub fn warnings(&self) -> Diagnostics {
        self.warnings.clone()
    }

    /// Every card, once: the versions oldest first, or the directory's cards.
    pub fn cards(&self) -> &[Arc<CheckedCard>] {
        match &self.kind {
            Kind::Cards { cards, .. } => cards,
            Kind::Directory(d) => &d.cards,
        }
    }

    pub fn directory_ref(&self) -> Option<&Directory> {
        match &self.kind {
            Kind::Directory(d) => Some(d),
            Kind::Cards { .. } => None,
        }
    }

    /// The versions, when what scores is one card or versions of one.
    pub fn versions(&self) -> Option<&Versions> {
        match &self.kind {
            Kind::Cards { versions, .. } => Some(versions),
            Kind::Directory(_) => None,
        }
    }

    /// One undated card: nothing to choose per row.
    pub fn single(&self) -> Option<&Arc<CheckedCard>> {
        match &self.kind {
            Kind::Cards { cards, .. }
                if cards.len() == 1 && cards[0].stamp().effective.is_none() =>
            {
                Some(&cards[0])
            }
            _ => None,
        }
    }

    /// The steps a run goes through, in order: one (`None`) for cards, the
    /// manifest's (those `options.steps` asks for) for a directory.
    pub fn steps(&self, options: &Options) -> Vec<Option<String>> {
        match &self.kind {
            Kind::Cards { .. } => vec![None],
            Kind::Directory(d) => d
                .manifest()
                .steps
                .iter()
                .filter(|s| options.steps.is_empty() || options.steps.contains(s))
                .map(|s| Some(s.clone()))
                .collect(),
        }
    }

    /// Options that make no sense with what scores: a usage problem.
    pub fn check_options(&self, options: &Options) -> Result<(), Stop> {
        match &self.kind {
            Kind::Cards { cards, .. } => {
                if options.role.is_some() {
                    return Err(Stop::Usage(t!(
                        "run-role-needs-directory",
                        cards = cards
                            .iter()
                            .map(|c| c.source().name.as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                    )));
                }
                if !options.steps.is_empty() {
                    return Err(Stop::Usage(t!("run-step-needs-directory")));
                }
                if options.rollup {
                    if let Some(card) = cards.iter().find(|c| c.rollup().is_none()) {
                        return Err(Stop::Usage(format!(
                            "{}\n  {}",
                            t!("run-rollup-needs-card", card = &card.source().name),
                            t!("data-place-help", help = t!("run-rollup-needs-card-help"))
                        )));
                    }
                }
                Ok(())
            }
            Kind::Directory(d) => {
                let steps = &d.manifest().steps;
                for step in &options.steps {
                    if !steps.contains(step) {
                        let close = crate::suggest::closest(step, steps.iter().map(String::as_str));
                        let hint = match close {
                            Some(c) => t!("data-did-you-mean", name = c),
                            None => t!(
                                "run-steps-are",
                                steps = steps
                                    .iter()
                                    .map(|s| format!("`{s}`"))
                                    .collect::<Vec<_>>()
                                    .join(&t!("data-list-sep"))
                            ),
                        };
                        return Err(Stop::Usage(t!(
                            "run-no-such-step",
                            step = step,
                            manifest = &d.manifest().source.name,
                            hint = hint
                        )));
                    }
                }
                Ok(())
            }
        }
    }
}

/// A card scored by quarter (half-year, year) rather than month.
pub(crate) fn longer_period(card: &CheckedCard) -> bool {
    card.period()
        .and_then(PeriodKind::from_card)
        .is_some_and(|kind| kind != PeriodKind::Month)
}

/// The overlay that puts `card`'s text in place of the directory's card of
/// the same name.
fn overlay_for(manifest: &Path, card: &CardInput) -> Result<Overlay, Stop> {
    let text = match &card.text {
        Some(text) => text.clone(),
        None => std::fs::read_to_string(&card.path).map_err(|e| {
            Stop::Cards(Diagnostics(vec![Diagnostic::error(
                Code::MissingCard,
                t!(
                    "cannot-read-file",
                    name = card.path.display().to_string(),
                    why = crate::data::io_reason(&e)
                ),
            )]))
        })?,
    };
    let name = crate::syntax::parse(&SourceFile::new(card.name(), text.as_str()))
        .map(|ast| ast.name.name.clone())
        .map_err(Stop::Cards)?;
    let current = Scoring::directory(manifest, &FileLoader::new())?;
    let Some(directory) = current.directory_ref() else {
        unreachable!("a directory scoring");
    };
    let same = directory.cards.iter().find(|c| c.name() == name);
    let Some(same) = same else {
        let names = directory.cards.iter().map(|c| c.name());
        let close = crate::suggest::closest(&name, names);
        let message = t!(
            "run-overlay-no-card",
            file = card.name(),
            name = &name,
            manifest = &directory.manifest().source.name
        );
        return Err(Stop::Usage(match close {
            Some(c) => t!(
                "run-then-did-you-mean",
                message = message,
                hint = t!("data-did-you-mean", name = c)
            ),
            None => message,
        }));
    };
    Ok(Overlay {
        name: same.source().name.clone(),
        text,
    })
}

/// What `check` finds in a rules directory: the manifest, and every card
/// under the folder, routed or not.
pub struct DirectoryCheck {
    /// The manifest's name, as given.
    pub manifest: String,
    /// The manifest and the cards it routes, compiled (or every problem).
    pub rules: Result<Rules, Diagnostics>,
    /// Every `*.card` under the folder, by path, checked.
    pub cards: Vec<(PathBuf, Result<Checked, Diagnostics>)>,
    /// The cards (of `cards`) no manifest entry routes a row to.
    pub unrouted: Vec<PathBuf>,
}

/// Checks a rules directory: its manifest, every card it routes, and every
/// other card under the folder (a card no entry names is checked too, and
/// named as unrouted).
pub fn check_directory(manifest: &Path) -> DirectoryCheck {
    let loader = FileLoader::new();
    let rules = loader
        .open(manifest)
        .map_err(|why| Diagnostics(vec![Diagnostic::error(Code::MissingCard, why.to_string())]))
        .and_then(|source| Manifest::parse(&source))
        .and_then(|m| Rules::compile(m, &loader));
    let folder = manifest.parent().unwrap_or(Path::new("."));
    let mut paths = Vec::new();
    cards_under(folder, &mut paths);
    paths.sort();
    let routed: Vec<String> = match &rules {
        Ok(rules) => rules
            .cards
            .iter()
            .map(|c| c.card().source().name.clone())
            .collect(),
        Err(_) => Vec::new(),
    };
    let mut cards = Vec::new();
    let mut unrouted = Vec::new();
    for path in paths {
        let checked = load_card(&CardInput::file(&path), &loader);
        let name = crate::resolve::tidy_name(&path);
        if rules.is_ok() && !routed.contains(&name) {
            unrouted.push(path.clone());
        }
        cards.push((path, checked));
    }
    DirectoryCheck {
        manifest: manifest.display().to_string(),
        rules,
        cards,
        unrouted,
    }
}

/// Every `*.card` file under `dir`, folders included (hidden ones skipped).
pub fn cards_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => cards_under(&path, out),
            Ok(t) if t.is_file() && path.extension().is_some_and(|e| e == "card") => out.push(path),
            _ => {}
        }
    }
}
