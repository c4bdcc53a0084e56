//! What `eval` and `explain` take: the rules, the data, and how to run.

use super::{load, tell, Exit};
use scorecard::data::DataFormat;
use scorecard::run::{DataInput, Options, Plan, Request, RulesSpec, Stop};
use scorecard::t;
use std::path::Path;

#[derive(Debug, clap::Args)]
pub struct DataArgs {
    /// The rules, then the data. Rules: a rules directory (or its
    /// scorecard.toml), which picks each row's card by its role, brand and
    /// store; or a card file; or several versions of one card, each row then
    /// scored by the version in force for its period. Data: one file, or
    /// several joined by employee id (the first lists the month's people):
    /// .csv, .xlsx, .json, .jsonl or .toml (`-` reads stdin; give
    /// --input-format)
    #[arg(required = true, num_args = 2.., value_name = "RULES… DATA…")]
    pub paths: Vec<String>,
    /// The data's format when it cannot be told from the file name
    #[arg(long, value_parser = ["csv", "xlsx", "json", "jsonl", "toml"])]
    pub input_format: Option<String>,
    /// The worksheet to read from an Excel workbook (default: the first; with a
    /// rules directory, every sheet named after a role)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Score the good rows even when some rows are bad (the exit code is still 1)
    #[arg(long)]
    pub keep_going: bool,
    /// Feed an input from another card's (or rules directory's) results, joined
    /// by employee id: INPUT=CARD:KEY,DATA (KEY is total, or an item, section,
    /// band or output)
    #[arg(long, value_name = "INPUT=CARD:KEY,DATA")]
    pub from: Vec<String>,
    /// With a rules directory: the role of rows that have no 岗位 (role) column, or a blank one
    #[arg(long)]
    pub role: Option<String>,
    /// With a rules directory: run only this step of the month (考核, 绩效工资 …); repeatable
    #[arg(long, value_name = "STEP")]
    pub step: Vec<String>,
    /// The data is monthly (a 月份 column): roll it up to each card's quarter, half-year or year first
    #[arg(long)]
    pub rollup: bool,
    /// Forgive what looks like a mistake, and say so in the report: a header that
    /// resembles an input is only a warning, and a brand or store the rules do
    /// not know is scored by the role's card for no brand or store
    #[arg(long)]
    pub lenient: bool,
}

impl DataArgs {
    /// The run these arguments ask for (`trace`: keep every result's reasons).
    pub fn request(&self, trace: bool) -> Result<Request, Exit> {
        let (rules, data) = split(&self.paths);
        let rules = RulesSpec::from_args(rules, &mut || {
            load::read_text("-").map_err(|m| t!("cli-stdin-card", message = m))
        })
        .map_err(|stop| tell_stop(&stop))?;
        let data = self.inputs(data)?;
        Ok(Request {
            rules,
            data,
            from: self.from.clone(),
            options: Options {
                role: self.role.clone(),
                rollup: self.rollup,
                keep_going: self.keep_going,
                lenient: self.lenient,
                trace,
                steps: self.step.clone(),
            },
        })
    }

    /// The plan these arguments ask for, the cards' warnings shown; or the
    /// exit code to stop with, the reason told.
    pub fn plan(&self, trace: bool) -> Result<Plan, Exit> {
        let plan = Plan::load(self.request(trace)?).map_err(|stop| tell_stop(&stop))?;
        load::print_diagnostics(&plan.warnings);
        Ok(plan)
    }

    /// The data files, as inputs of a run.
    pub fn inputs(&self, data: &[String]) -> Result<Vec<DataInput>, Exit> {
        data_inputs(data, self.input_format.as_deref(), self.sheet.as_deref())
    }

    /// The data files' names, for messages.
    pub fn data_names(&self) -> String {
        split(&self.paths).1.join(", ")
    }
}

/// The data inputs named on a command line.
pub fn data_inputs(
    data: &[String],
    input_format: Option<&str>,
    sheet: Option<&str>,
) -> Result<Vec<DataInput>, Exit> {
    if data.is_empty() {
        tell::error(t!("cli-no-data"));
        return Err(Exit::Usage);
    }
    let format = input_format.and_then(DataFormat::from_name);
    let mut inputs = Vec::new();
    for name in data {
        let input = if name == "-" {
            let Some(format) = format else {
                tell::error(t!("cli-stdin-needs-format"));
                return Err(Exit::Usage);
            };
            DataInput::reader("<stdin>", Box::new(std::io::stdin()), format)
        } else {
            let mut input = DataInput::path(name);
            input.format = format;
            input
        };
        let effective = input.effective_format();
        if sheet.is_some() && effective.is_some_and(|f| f != DataFormat::Xlsx) {
            tell::error(t!("cli-sheet-not-xlsx"));
            return Err(Exit::Usage);
        }
        inputs.push(DataInput {
            sheet: sheet.map(str::to_string),
            ..input
        });
    }
    Ok(inputs)
}

/// The rules (the first path, and those after it that are cards or rules
/// directories), then the data.
pub fn split(paths: &[String]) -> (&[String], &[String]) {
    let rules = 1 + paths.iter().skip(1).take_while(|p| is_rules(p)).count();
    let rules = rules.min(paths.len());
    paths.split_at(rules)
}

/// A card file, a rules directory or a manifest.
fn is_rules(path: &str) -> bool {
    let p = Path::new(path);
    p.extension().is_some_and(|e| e == "card") || p.is_dir() || p.ends_with("scorecard.toml")
}

/// Prints why a run could not start; the exit code to stop with.
pub fn tell_stop(stop: &Stop) -> Exit {
    match stop {
        Stop::Usage(message) => {
            tell::error(message);
            Exit::Usage
        }
        Stop::Cards(diagnostics) => {
            load::print_diagnostics(diagnostics);
            Exit::CardError
        }
        Stop::Data(message) => {
            tell::error(message);
            Exit::DataError
        }
    }
}
