//! Whom a change of the rules affects, and by how much: both sides score the
//! same rows (each read against its own inputs), and each employee's
//! results are set side by side, row by row (and step by step).

use crate::check::model::DerivedRule;
use crate::check::CheckedCard;
use crate::eval::ScoreResult;
use crate::run::{CardRun, Outcome};
use crate::value::{Type, Unit, Value};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashSet};

/// One employee under both sides (in one step, for a rules directory).
#[derive(Debug, Clone, PartialEq)]
pub struct EmployeeDiff {
    pub id: String,
    pub name: Option<String>,
    /// The row's line (or record) in the data file.
    pub line: usize,
    /// The card that scored the row (new side), `old → new` when the row's
    /// card changed name; for telling cards apart in a rules directory.
    pub card: String,
    /// Whether the card gives points (a pay card has only outputs: its
    /// totals mean nothing and are not compared).
    pub scored: bool,
    pub old_total: Decimal,
    pub new_total: Decimal,
    pub old_grade: Option<String>,
    pub new_grade: Option<String>,
    /// Every band and output either card has, by name, in the new card's order.
    pub outputs: Vec<ValueDiff>,
    /// The items whose score differs (or that only one card has), in card order.
    pub items: Vec<ItemDiff>,
}

impl EmployeeDiff {
    pub fn change(&self) -> Decimal {
        self.new_total - self.old_total
    }
}

/// A band's or output's value under each card (`None`: that card lacks it).
#[derive(Debug, Clone, PartialEq)]
pub struct ValueDiff {
    pub name: String,
    pub label: Option<String>,
    pub ty: Type,
    /// Whether it is an output (a pay formula) rather than a band.
    pub output: bool,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDiff {
    /// The item's name as the card shows it (its label, else its name).
    pub item: String,
    pub old: Option<Decimal>,
    pub new: Option<Decimal>,
}

/// A row that one card (or both) could not score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unscored {
    /// `None` for a problem with the whole file (a missing column).
    pub line: Option<usize>,
    pub id: Option<String>,
    /// `old`, `new` or `both`.
    pub card: &'static str,
    pub reason: String,
}

/// A row's identity across the two runs: its data table and line, which
/// step (by its place in the run, the appraisal first), who, which period.
type Key = (usize, usize, usize, String, Option<crate::period::Period>);

/// Every result of a run by key.
fn by_key<'o>(
    outcome: &'o Outcome,
    steps: &[Option<String>],
) -> BTreeMap<Key, (&'o CardRun, usize)> {
    let mut map = BTreeMap::new();
    for run in &outcome.runs {
        let step = steps
            .iter()
            .position(|s| *s == run.step)
            .unwrap_or(usize::MAX);
        for (i, r) in run.results.iter().enumerate() {
            let key = (
                run.tables[i],
                r.line,
                step,
                r.employee.id.clone(),
                r.employee.period,
            );
            map.insert(key, (run, i));
        }
    }
    map
}

/// Sets the two runs side by side, row by row, in data order; a row only
/// one side scored is listed with the other side's reason.
pub fn compare(old: &Outcome, new: &Outcome) -> (Vec<EmployeeDiff>, Vec<Unscored>) {
    // Steps in the order the runs took them (the same on both sides).
    let mut steps: Vec<Option<String>> = Vec::new();
    for run in old.runs.iter().chain(&new.runs) {
        if !steps.contains(&run.step) {
            steps.push(run.step.clone());
        }
    }
    let (olds, news) = (by_key(old, &steps), by_key(new, &steps));
    let mut employees = Vec::new();
    for (key, (nrun, n)) in &news {
        if let Some((orun, o)) = olds.get(key) {
            employees.push(employee(
                &orun.card,
                &orun.results[*o],
                &nrun.card,
                &nrun.results[*n],
            ));
        }
    }
    let mut unscored = Vec::new();
    for (side, this, this_keys, other_keys) in
        [("old", old, &olds, &news), ("new", new, &news, &olds)]
    {
        for problem in &this.problems {
            if problem.line().is_none() {
                unscored.push(Unscored {
                    line: None,
                    id: None,
                    card: side,
                    reason: problem.to_string(),
                });
            }
        }
        // Rows the other side scored and this one did not.
        for (key, (run, i)) in other_keys.iter() {
            if this_keys.contains_key(key) {
                continue;
            }
            let line = run.results[*i].line;
            let at_line: Vec<String> = this
                .problems
                .iter()
                .filter(|p| p.line() == Some(line))
                .map(|p| p.to_string())
                .collect();
            let reason = if at_line.is_empty() {
                crate::t!("diff-row-unreadable")
            } else {
                at_line.join("; ")
            };
            unscored.push(Unscored {
                line: Some(line),
                id: Some(key.3.clone()),
                card: side,
                reason,
            });
        }
    }
    // Rows neither side could score.
    let scored: HashSet<usize> = olds.keys().chain(news.keys()).map(|k| k.1).collect();
    let mut both: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for problem in old.problems.iter().chain(&new.problems) {
        if let Some(line) = problem.line() {
            if !scored.contains(&line) {
                both.entry(line).or_default().push(problem.to_string());
            }
        }
    }
    for (line, mut reasons) in both {
        reasons.dedup();
        unscored.push(Unscored {
            line: Some(line),
            id: None,
            card: "both",
            reason: reasons.join("; "),
        });
    }
    unscored.sort_by_key(|u| (u.line, u.card));
    (employees, unscored)
}

/// A card with sections or bonus/penalty blocks; not a pay formula alone.
fn gives_points(card: &CheckedCard) -> bool {
    !card.sections().is_empty() || !card.adjustments().is_empty()
}

fn employee(oc: &CheckedCard, o: &ScoreResult, nc: &CheckedCard, n: &ScoreResult) -> EmployeeDiff {
    let mut items = Vec::new();
    for (i, item) in nc.items().iter().enumerate() {
        let old = oc
            .items()
            .iter()
            .position(|x| x.name == item.name)
            .map(|j| o.scores.items[j]);
        let new = Some(n.scores.items[i]);
        if old != new {
            items.push(ItemDiff {
                item: item.display_name().to_string(),
                old,
                new,
            });
        }
    }
    for (j, item) in oc.items().iter().enumerate() {
        if !nc.items().iter().any(|x| x.name == item.name) {
            items.push(ItemDiff {
                item: item.display_name().to_string(),
                old: Some(o.scores.items[j]),
                new: None,
            });
        }
    }
    let mut outputs = Vec::new();
    for (i, d) in nc.derived().iter().enumerate() {
        let old = oc
            .derived()
            .iter()
            .position(|x| x.name == d.name)
            .map(|j| o.scores.derived[j].clone());
        outputs.push(ValueDiff {
            name: d.name.clone(),
            label: d.label.clone(),
            ty: d.ty,
            output: matches!(d.rule, DerivedRule::Output(_)),
            old,
            new: Some(n.scores.derived[i].clone()),
        });
    }
    for (j, d) in oc.derived().iter().enumerate() {
        if !nc.derived().iter().any(|x| x.name == d.name) {
            outputs.push(ValueDiff {
                name: d.name.clone(),
                label: d.label.clone(),
                ty: d.ty,
                output: matches!(d.rule, DerivedRule::Output(_)),
                old: Some(o.scores.derived[j].clone()),
                new: None,
            });
        }
    }
    EmployeeDiff {
        id: n.employee.id.clone(),
        name: n.employee.name.clone(),
        line: n.line,
        card: if oc.name() == nc.name() {
            nc.name().to_string()
        } else {
            format!("{} → {}", oc.name(), nc.name())
        },
        scored: gives_points(oc) || gives_points(nc),
        old_total: o.scores.total,
        new_total: n.scores.total,
        old_grade: o.grade(oc).map(|g| g.to_string()),
        new_grade: n.grade(nc).map(|g| g.to_string()),
        outputs,
        items,
    }
}

/// Who gains, who loses, grade moves, the biggest movers and the pay change.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub compared: usize,
    pub gain: usize,
    pub lose: usize,
    pub same: usize,
    /// `(from, to, how many)`, most first.
    pub grade_moves: Vec<(String, String, usize)>,
    /// Up to five employees with the largest change, largest first.
    pub movers: Vec<(String, Option<String>, Decimal)>,
    /// For each money output both cards have: the sum under each.
    pub pay: Vec<PayTotal>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PayTotal {
    pub output: String,
    pub old: Decimal,
    pub new: Decimal,
}

impl Summary {
    pub fn grade_changes(&self) -> usize {
        self.grade_moves.iter().map(|(_, _, n)| n).sum()
    }
}

pub fn summarize(employees: &[EmployeeDiff]) -> Summary {
    // Totals are compared where a card gives points; pay is summed below.
    let count = |f: fn(Decimal) -> bool| {
        employees
            .iter()
            .filter(|e| e.scored && f(e.change()))
            .count()
    };
    let mut moves: BTreeMap<(String, String), usize> = BTreeMap::new();
    for e in employees {
        if e.old_grade != e.new_grade {
            let grade = |g: &Option<String>| g.clone().unwrap_or_else(|| crate::t!("diff-none"));
            *moves
                .entry((grade(&e.old_grade), grade(&e.new_grade)))
                .or_default() += 1;
        }
    }
    let mut grade_moves: Vec<(String, String, usize)> =
        moves.into_iter().map(|((a, b), n)| (a, b, n)).collect();
    grade_moves.sort_by_key(|m| std::cmp::Reverse(m.2));
    let mut movers: Vec<&EmployeeDiff> =
        employees.iter().filter(|e| !e.change().is_zero()).collect();
    movers.sort_by(|a, b| {
        b.change()
            .abs()
            .cmp(&a.change().abs())
            .then(a.line.cmp(&b.line))
    });
    let movers = movers
        .into_iter()
        .take(5)
        .map(|e| (e.id.clone(), e.name.clone(), e.change()))
        .collect();
    // Each money output both sides have, summed over everyone who has it.
    let mut pay: Vec<PayTotal> = Vec::new();
    for e in employees {
        for v in &e.outputs {
            let (Some(old), Some(new)) = (
                v.old.as_ref().and_then(Value::as_num),
                v.new.as_ref().and_then(Value::as_num),
            ) else {
                continue;
            };
            if !(v.output && v.ty == Type::Num(Unit::Money)) {
                continue;
            }
            let output = v.label.clone().unwrap_or_else(|| v.name.clone());
            match pay.iter_mut().find(|p| p.output == output) {
                Some(total) => {
                    total.old += old;
                    total.new += new;
                }
                None => pay.push(PayTotal { output, old, new }),
            }
        }
    }
    Summary {
        compared: employees.iter().filter(|e| e.scored).count(),
        gain: count(|d| d > Decimal::ZERO),
        lose: count(|d| d < Decimal::ZERO),
        same: count(|d| d.is_zero()),
        grade_moves,
        movers,
        pay,
    }
}
