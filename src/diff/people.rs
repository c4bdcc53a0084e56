//! Whom a change of card affects, and by how much: both cards score the same
//! rows (each read against its own inputs), and each employee's results are
//! set side by side.

use crate::check::model::DerivedRule;
use crate::check::CheckedCard;
use crate::data::{DataSet, Location};
use crate::eval::ScoreResult;
use crate::value::{Type, Unit, Value};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One employee under both cards.
#[derive(Debug, Clone, PartialEq)]
pub struct EmployeeDiff {
    pub id: String,
    pub name: Option<String>,
    /// The row's line (or record) in the data file.
    pub line: usize,
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

/// One card's reading and scoring of the data file.
pub struct Scored<'a> {
    pub card: &'a CheckedCard,
    pub data: &'a DataSet,
    pub results: &'a [ScoreResult],
    /// `(line, id, message)` of rows that were read but failed to evaluate.
    pub failures: Vec<(usize, String, String)>,
}

/// Sets the two scorings side by side, by employee id, in data-file order.
pub fn compare(old: &Scored, new: &Scored) -> (Vec<EmployeeDiff>, Vec<Unscored>) {
    let by_id = |s: &Scored<'_>| -> HashMap<String, usize> {
        s.results
            .iter()
            .enumerate()
            .map(|(i, r)| (r.employee.id.clone(), i))
            .collect()
    };
    let (old_ids, new_ids) = (by_id(old), by_id(new));
    let mut employees = Vec::new();
    for n in new.results {
        if let Some(&o) = old_ids.get(&n.employee.id) {
            employees.push(employee(old.card, &old.results[o], new.card, n));
        }
    }
    employees.sort_by_key(|e| e.line);
    let mut unscored = Vec::new();
    for (side, this, other, ids) in [("old", old, new, &old_ids), ("new", new, old, &new_ids)] {
        for error in &this.data.errors {
            if error.location == Location::File {
                unscored.push(Unscored {
                    line: None,
                    id: None,
                    card: side,
                    reason: error.to_string(),
                });
            }
        }
        // Rows the other card scored and this one did not.
        for r in other.results {
            if ids.contains_key(&r.employee.id) {
                continue;
            }
            let at_line: Vec<String> = this
                .data
                .errors
                .iter()
                .filter(|e| e.location.number() == Some(r.line))
                .map(|e| e.to_string())
                .chain(
                    this.failures
                        .iter()
                        .filter(|(line, _, _)| *line == r.line)
                        .map(|(_, _, m)| m.clone()),
                )
                .collect();
            let reason = if at_line.is_empty() {
                "the row could not be read (see the problem with the whole file)".to_string()
            } else {
                at_line.join("; ")
            };
            unscored.push(Unscored {
                line: Some(r.line),
                id: Some(r.employee.id.clone()),
                card: side,
                reason,
            });
        }
    }
    // Rows neither card could score.
    let scored_lines: HashSet<usize> = old
        .results
        .iter()
        .chain(new.results)
        .map(|r| r.line)
        .collect();
    let mut both: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for error in old.data.errors.iter().chain(&new.data.errors) {
        if let Some(line) = error.location.number() {
            if !scored_lines.contains(&line) {
                both.entry(line).or_default().push(error.to_string());
            }
        }
    }
    for (line, _, message) in old.failures.iter().chain(&new.failures) {
        if !scored_lines.contains(line) {
            both.entry(*line).or_default().push(message.clone());
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

fn employee(oc: &CheckedCard, o: &ScoreResult, nc: &CheckedCard, n: &ScoreResult) -> EmployeeDiff {
    let mut items = Vec::new();
    for (i, item) in nc.items.iter().enumerate() {
        let old = oc
            .items
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
    for (j, item) in oc.items.iter().enumerate() {
        if !nc.items.iter().any(|x| x.name == item.name) {
            items.push(ItemDiff {
                item: item.display_name().to_string(),
                old: Some(o.scores.items[j]),
                new: None,
            });
        }
    }
    let mut outputs = Vec::new();
    for (i, d) in nc.derived.iter().enumerate() {
        let old = oc
            .derived
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
    for (j, d) in oc.derived.iter().enumerate() {
        if !nc.derived.iter().any(|x| x.name == d.name) {
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
    let count = |f: fn(Decimal) -> bool| employees.iter().filter(|e| f(e.change())).count();
    let mut moves: BTreeMap<(String, String), usize> = BTreeMap::new();
    for e in employees {
        if e.old_grade != e.new_grade {
            let grade = |g: &Option<String>| g.clone().unwrap_or_else(|| "(none)".into());
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
    let mut pay: Vec<PayTotal> = Vec::new();
    if let Some(first) = employees.first() {
        for (k, v) in first.outputs.iter().enumerate() {
            if !(v.output && v.ty == Type::Num(Unit::Money) && v.old.is_some() && v.new.is_some()) {
                continue;
            }
            let sum = |pick: fn(&ValueDiff) -> &Option<Value>| {
                employees
                    .iter()
                    .filter_map(|e| pick(&e.outputs[k]).as_ref().and_then(Value::as_num))
                    .sum::<Decimal>()
            };
            pay.push(PayTotal {
                output: v.label.clone().unwrap_or_else(|| v.name.clone()),
                old: sum(|v| &v.old),
                new: sum(|v| &v.new),
            });
        }
    }
    Summary {
        compared: employees.len(),
        gain: count(|d| d > Decimal::ZERO),
        lose: count(|d| d < Decimal::ZERO),
        same: count(|d| d.is_zero()),
        grade_moves,
        movers,
        pay,
    }
}
