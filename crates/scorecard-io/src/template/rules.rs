//! The fill-in workbook of a rules directory: a sheet per role, each with
//! the columns every card of that role reads (whatever the brand, store or
//! step), so one workbook holds the group's month and reads back with
//! `eval rules/ 模板.xlsx` (each sheet's rows get its role).

use super::{describe, EMPLOYEE};
use crate::check::model::Input;
use crate::manifest::{Rules, FIRST_STEP};

/// One role's sheet.
#[derive(Debug, Clone)]
pub struct RoleSheet {
    /// The role, which names the sheet.
    pub role: String,
    pub columns: Vec<RoleColumn>,
    /// The cards the role's rows are scored by, each once: `file (brand · store · step)`.
    pub cards: Vec<String>,
}

/// One column of a role's sheet.
#[derive(Debug, Clone)]
pub struct RoleColumn {
    pub header: String,
    pub description: String,
    /// The input it fills (the first card's that has it); `None` for an employee column.
    pub input: Option<Input>,
}

/// A sheet per role, in the manifest's order.
pub fn role_sheets(rules: &Rules) -> Vec<RoleSheet> {
    let manifest = &rules.manifest;
    let mut sheets = Vec::new();
    for role in manifest.roles() {
        let entries: Vec<usize> = manifest
            .steps
            .iter()
            .flat_map(|step| {
                manifest
                    .entries
                    .iter()
                    .enumerate()
                    .filter(move |(_, e)| e.role == role && e.step == *step)
                    .map(|(i, _)| i)
            })
            .collect();
        let mut columns: Vec<RoleColumn> = EMPLOYEE
            .iter()
            .map(|(header, description)| RoleColumn {
                header: header.to_string(),
                description: description.to_string(),
                input: None,
            })
            .collect();
        let dated = entries
            .iter()
            .any(|&e| rules.card_of(e).card().stamp().effective.is_some());
        if dated {
            columns.push(RoleColumn {
                header: "期间".into(),
                description: "考核期间，如 2026-03、2026-Q1、2026；须在考核表的有效期内，必填"
                    .into(),
                input: None,
            });
        }
        let mut cards = Vec::new();
        // Each input (by name), and the entries whose card reads it.
        let mut readers: Vec<(Input, Vec<usize>)> = Vec::new();
        for &e in &entries {
            let entry = &manifest.entries[e];
            let card = &rules.card_of(e).card();
            cards.push(format!("{} ({})", entry.file, entry.describe()));
            for input in card.inputs() {
                if entry.feeds.iter().any(|f| f.input == input.name) {
                    continue; // fed by an earlier step: no column
                }
                match readers.iter_mut().find(|(i, _)| i.name == input.name) {
                    Some((_, list)) => list.push(e),
                    None => readers.push((input.clone(), vec![e])),
                }
            }
        }
        for (input, list) in readers {
            let mut description = describe(&input);
            if list.len() < entries.len() {
                let whose: Vec<String> = list
                    .iter()
                    .map(|&e| {
                        let entry = &manifest.entries[e];
                        let mut who: Vec<&str> = Vec::new();
                        who.extend(entry.brand.as_deref());
                        who.extend(entry.store.as_deref());
                        if entry.step != FIRST_STEP {
                            who.push(&entry.step);
                        }
                        if who.is_empty() {
                            "通用".to_string()
                        } else {
                            who.join("·")
                        }
                    })
                    .collect();
                description += &format!("；仅 {} 使用，其他人可空", whose.join("、"));
            }
            columns.push(RoleColumn {
                header: input.display_name().to_string(),
                description,
                input: Some(input),
            });
        }
        sheets.push(RoleSheet {
            role: role.to_string(),
            columns,
            cards,
        });
    }
    sheets
}
