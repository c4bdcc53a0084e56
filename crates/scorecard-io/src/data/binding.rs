//! Binding a file's header to a card: which column feeds which input.
//!
//! A column binds to an input whose name or label equals the header, after
//! trimming; that exact match is all (no case folding, no guessing), so a
//! misspelt header binds to nothing and is reported, with a "did you mean".
//! Employee columns are recognised by a fixed set of headers, case-insensitive
//! for the English ones; an input's own name or label wins over them.

use super::error::{DataProblem, DataProblemKind, Location};
use super::ReadOptions;
use crate::check::model::Input;
use crate::suggest::{similarity, THRESHOLD};
use crate::t;
use scorecard_core::cell::describe_input;
use std::sync::Arc;

/// The employee fields a row carries beside the card's inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Name,
    Brand,
    Store,
    Region,
    /// The month (or quarter …) a row covers; it also picks the card version
    /// in force (see [`crate::version`]).
    Period,
}

impl Field {
    const ALL: [Field; 6] = [
        Field::Id,
        Field::Name,
        Field::Brand,
        Field::Store,
        Field::Region,
        Field::Period,
    ];

    /// The headers that name this field, lowercase.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["id", "工号", "员工编号", "employee_id"],
            Field::Name => &["name", "姓名"],
            Field::Brand => &["brand", "品牌"],
            Field::Store => &["store", "门店"],
            Field::Region => &["region", "区域", "大区"],
            Field::Period => &["month", "月份", "period", "期间", "考核期间"],
        }
    }

    fn describe(self) -> String {
        match self {
            Field::Id => t!("data-field-id"),
            Field::Name => t!("data-field-name"),
            Field::Brand => t!("data-field-brand"),
            Field::Store => t!("data-field-store"),
            Field::Region => t!("data-field-region"),
            Field::Period => t!("data-field-period"),
        }
    }

    fn matching(header: &str) -> Option<Field> {
        let lower = header.to_lowercase();
        Field::ALL
            .into_iter()
            .find(|f| f.headers().contains(&lower.as_str()))
    }
}

/// The column (of `columns`, as written) that gives the employee id: an
/// id column, else a name column.
pub(crate) fn id_column(columns: &[String]) -> Option<usize> {
    let find = |field: Field| {
        columns
            .iter()
            .position(|c| Field::matching(c.trim()) == Some(field))
    };
    find(Field::Id).or_else(|| find(Field::Name))
}

/// The column that gives the row's period (`月份`, `期间` …), if any.
pub(crate) fn period_column(columns: &[String]) -> Option<usize> {
    columns
        .iter()
        .position(|c| Field::matching(c.trim()) == Some(Field::Period))
}

/// What one column feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Field(Field),
    /// `CheckedCard::inputs[i]`.
    Input(usize),
    /// Matches nothing: reported as a warning, cells ignored.
    Unknown,
    /// A second column for something already bound, or a column with no header.
    Ignored,
}

/// How a file's columns map onto a card.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Headers, trimmed, parallel to the source's columns.
    pub headers: Vec<String>,
    /// What each column feeds, parallel to `headers`.
    pub targets: Vec<Target>,
    /// The column of each employee field, if any.
    pub id: Option<usize>,
    pub name: Option<usize>,
    pub brand: Option<usize>,
    pub store: Option<usize>,
    pub region: Option<usize>,
    pub period: Option<usize>,
    /// The column of each card input, parallel to `CheckedCard::inputs`.
    pub inputs: Vec<Option<usize>>,
}

impl Binding {
    /// The column the employee id is read from: the id column, else the name column.
    pub fn id_column(&self) -> Option<usize> {
        self.id.or(self.name)
    }

    fn field_mut(&mut self, field: Field) -> &mut Option<usize> {
        match field {
            Field::Id => &mut self.id,
            Field::Name => &mut self.name,
            Field::Brand => &mut self.brand,
            Field::Store => &mut self.store,
            Field::Region => &mut self.region,
            Field::Period => &mut self.period,
        }
    }
}

/// A binding, with the problems found making it. With errors, the binding is
/// still as complete as it can be, so rows can be checked for other problems.
#[derive(Debug)]
pub struct Bound {
    pub binding: Binding,
    pub errors: Vec<DataProblem>,
    pub warnings: Vec<DataProblem>,
}

/// Binds `columns` (as written) to a card's `inputs` (as the run reads
/// them). `at` is where the header is.
pub fn bind(
    inputs: &[Input],
    columns: &[String],
    file: &Arc<str>,
    at: Location,
    options: &ReadOptions,
) -> Bound {
    let headers: Vec<String> = columns.iter().map(|c| c.trim().to_string()).collect();
    let mut binding = Binding {
        targets: Vec::with_capacity(headers.len()),
        headers: Vec::new(),
        id: None,
        name: None,
        brand: None,
        store: None,
        region: None,
        period: None,
        inputs: vec![None; inputs.len()],
    };
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let error = |kind, message: String| DataProblem::new(kind, file, at, message);

    for (column, header) in headers.iter().enumerate() {
        let target = if header.is_empty() {
            warnings.push(DataProblem::new(
                DataProblemKind::UnknownColumn,
                file,
                at,
                t!("data-column-no-header", column = column + 1),
            ));
            Target::Ignored
        } else if let Some(i) = inputs
            .iter()
            .position(|input| input.name == *header)
            .or_else(|| {
                inputs
                    .iter()
                    .position(|input| input.label.as_deref() == Some(header))
            })
        {
            match binding.inputs[i] {
                Some(first) => {
                    let message = t!(
                        "data-columns-same-input",
                        first = &headers[first],
                        header = header,
                        input = describe_input(&inputs[i])
                    );
                    errors.push(error(DataProblemKind::DuplicateColumn, message).column(header));
                    Target::Ignored
                }
                None => {
                    binding.inputs[i] = Some(column);
                    Target::Input(i)
                }
            }
        } else if let Some(field) = Field::matching(header) {
            let slot = binding.field_mut(field);
            match *slot {
                Some(first) => {
                    let message = t!(
                        "data-columns-same-field",
                        first = &headers[first],
                        header = header,
                        field = field.describe()
                    );
                    errors.push(error(DataProblemKind::DuplicateColumn, message).column(header));
                    Target::Ignored
                }
                None => {
                    *slot = Some(column);
                    Target::Field(field)
                }
            }
        } else if options.ignores(header) {
            Target::Ignored
        } else {
            Target::Unknown
        };
        binding.targets.push(target);
    }
    binding.headers = headers;

    let unknown: Vec<&str> = binding
        .targets
        .iter()
        .zip(&binding.headers)
        .filter(|(t, _)| **t == Target::Unknown)
        .map(|(_, h)| h.as_str())
        .collect();

    if binding.id_column().is_none() {
        let aliases = Field::Id
            .headers()
            .iter()
            .chain(Field::Name.headers())
            .copied();
        let help = match closest_header(&unknown, aliases) {
            Some(header) => t!("data-no-id-column-help-close", header = header),
            None => t!("data-no-id-column-help"),
        };
        errors.push(error(DataProblemKind::NoIdColumn, t!("data-no-id-column")).help(help));
    }

    // Inputs with a default and no column: every row takes the default, said once.
    let defaulted: Vec<(String, String)> = inputs
        .iter()
        .enumerate()
        .filter(|(i, input)| binding.inputs[*i].is_none() && !input.optional)
        .filter_map(|(_, input)| {
            let default = input.default.as_ref()?;
            let shown = crate::value::format_value(default, input.ty.value_type());
            Some((describe_input(input), shown))
        })
        .collect();
    let message = match defaulted.as_slice() {
        [] => None,
        [(input, shown)] => Some(t!("data-default-used-one", input = input, shown = shown)),
        several => Some(t!(
            "data-default-used-several",
            count = several.len(),
            list = several
                .iter()
                .map(|(input, shown)| t!("data-default-used-item", input = input, shown = shown))
                .collect::<Vec<_>>()
                .join(&t!("data-list-sep"))
        )),
    };
    if let Some(message) = message {
        warnings.push(DataProblem::new(
            DataProblemKind::DefaultUsed,
            file,
            at,
            message,
        ));
    }

    for (i, input) in inputs.iter().enumerate() {
        if binding.inputs[i].is_some() || input.default.is_some() || input.optional {
            continue;
        }
        let names = input
            .label
            .as_deref()
            .into_iter()
            .chain([input.name.as_str()]);
        let help = match closest_header(&unknown, names) {
            Some(header) => t!("data-missing-column-help-close", header = header),
            None => match &input.label {
                Some(label) if *label != input.name => {
                    t!(
                        "data-missing-column-help-both",
                        label = label,
                        name = &input.name
                    )
                }
                _ => t!("data-missing-column-help", name = &input.name),
            },
        };
        let message = t!("data-missing-column", input = describe_input(input));
        errors.push(error(DataProblemKind::MissingColumn, message).help(help));
    }

    for (column, header) in binding.headers.iter().enumerate() {
        if binding.targets[column] != Target::Unknown {
            continue;
        }
        // A header close to a required input is told already: that input's
        // missing column is an error. Close to an input with a default (or an
        // employee column), it would change numbers silently: an error too.
        let close = suggestion(inputs, &binding, header);
        let required = close.is_some_and(|c| {
            inputs.iter().enumerate().any(|(i, input)| {
                binding.inputs[i].is_none()
                    && input.default.is_none()
                    && !input.optional
                    && (input.name == c || input.label.as_deref() == Some(c))
            })
        });
        match close {
            Some(close) if !options.lenient_headers && !required => errors.push(
                DataProblem::new(
                    DataProblemKind::NearMissColumn,
                    file,
                    at.in_column(column),
                    t!("data-near-miss-column", close = close),
                )
                .column(header)
                .help(t!("data-near-miss-column-help", close = close)),
            ),
            close => warnings.push(
                DataProblem::new(
                    DataProblemKind::UnknownColumn,
                    file,
                    at,
                    t!("data-unknown-column"),
                )
                .column(header)
                .with_help(close.map(|s| t!("data-did-you-mean", name = s))),
            ),
        }
    }

    Bound {
        binding,
        errors,
        warnings,
    }
}

/// The unbound input name or label, or unbound employee header, closest to `header`.
fn suggestion<'c>(inputs: &'c [Input], binding: &Binding, header: &str) -> Option<&'c str> {
    let inputs = inputs
        .iter()
        .zip(&binding.inputs)
        .filter(|(_, column)| column.is_none())
        .flat_map(|(input, _)| {
            input
                .label
                .as_deref()
                .into_iter()
                .chain([input.name.as_str()])
        });
    let fields = Field::ALL
        .into_iter()
        .filter(|&f| match f {
            Field::Id => binding.id_column().is_none(),
            Field::Name => binding.name.is_none(),
            Field::Brand => binding.brand.is_none(),
            Field::Store => binding.store.is_none(),
            Field::Region => binding.region.is_none(),
            Field::Period => binding.period.is_none(),
        })
        .flat_map(|f| f.headers().iter().copied());
    best_match(header, inputs.chain(fields))
}

/// The header among `headers` closest to any of `names`.
fn closest_header<'h, 'n>(
    headers: &[&'h str],
    names: impl Iterator<Item = &'n str> + Clone,
) -> Option<&'h str> {
    headers
        .iter()
        .filter_map(|&h| {
            let score = names
                .clone()
                .map(|n| similarity(h, n))
                .fold(0.0_f64, f64::max);
            (score >= THRESHOLD).then_some((h, score))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(h, _)| h)
}

fn best_match<'a>(needle: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (c, similarity(needle, c)))
        .filter(|(_, score)| *score >= THRESHOLD)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::model::CheckedCard;
    use crate::data::testing::{card, input, labelled, service_card};
    use crate::value::InputType;

    fn bind_headers(card: &CheckedCard, headers: &[&str]) -> Bound {
        let options = ReadOptions {
            lenient_headers: true,
            ..ReadOptions::default()
        };
        bind_with(card, headers, &options)
    }

    fn bind_with(card: &CheckedCard, headers: &[&str], options: &ReadOptions) -> Bound {
        let columns: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        bind(
            card.inputs(),
            &columns,
            &Arc::from("data.csv"),
            Location::Line(1),
            options,
        )
    }

    fn errors(bound: &Bound) -> Vec<String> {
        bound.errors.iter().map(|e| e.to_string()).collect()
    }

    /// The warnings about columns (not the defaults used).
    fn warnings(bound: &Bound) -> Vec<String> {
        bound
            .warnings
            .iter()
            .filter(|w| w.kind != DataProblemKind::DefaultUsed)
            .map(|w| w.to_string())
            .collect()
    }

    const ALL_LABELS: [&str; 5] = ["反馈及时率", "日报迟报次数", "迟交天数", "奖金", "参加培训"];

    #[test]
    fn columns_bind_by_label_or_by_name() {
        let card = service_card();
        let bound = bind_headers(
            &card,
            &[
                "工号",
                " 反馈及时率 ",
                "late_reports",
                "迟交天数",
                "bonus",
                "参加培训",
            ],
        );
        assert_eq!(errors(&bound), Vec::<String>::new());
        assert_eq!(warnings(&bound), Vec::<String>::new());
        assert_eq!(bound.binding.id, Some(0));
        assert_eq!(
            bound.binding.inputs,
            vec![Some(1), Some(2), Some(3), Some(4), Some(5)]
        );
    }

    #[test]
    fn employee_headers_in_chinese_and_any_case_english() {
        let card = card(vec![]);
        for headers in [
            ["工号", "姓名", "品牌", "门店"],
            ["ID", "Name", "BRAND", "Store"],
            ["员工编号", "name", "brand", "store"],
            ["Employee_ID", "姓名", "品牌", "门店"],
        ] {
            let bound = bind_headers(&card, &headers);
            assert_eq!(errors(&bound), Vec::<String>::new(), "{headers:?}");
            let b = &bound.binding;
            assert_eq!(
                (b.id, b.name, b.brand, b.store),
                (Some(0), Some(1), Some(2), Some(3)),
                "{headers:?}"
            );
        }
    }

    #[test]
    fn the_name_column_serves_as_id_when_there_is_none() {
        let bound = bind_headers(&card(vec![]), &["姓名"]);
        assert!(bound.errors.is_empty());
        assert_eq!(bound.binding.id, None);
        assert_eq!(bound.binding.id_column(), Some(0));
    }

    #[test]
    fn no_id_and_no_name_column_is_an_error() {
        let bound = bind_headers(&card(vec![]), &["Employee ID", "门店"]);
        assert_eq!(
            errors(&bound),
            ["data.csv:1: no employee id column\n  help: is `Employee ID` the id? an id column is headed 工号, 员工编号, id or employee_id (or 姓名/name, if names are unique)"]
        );
    }

    #[test]
    fn a_missing_required_column_is_one_error_with_a_did_you_mean() {
        let card = service_card();
        let bound = bind_headers(&card, &["工号", "反馈及时律", "奖金", "参加培训"]);
        assert_eq!(
            errors(&bound),
            ["data.csv:1: no column for required input `反馈及时率` (`feedback_rate`)\n  help: did you mean the column `反馈及时律`? A header must match the input's label or name exactly"]
        );
        assert_eq!(
            warnings(&bound),
            ["data.csv:1: column `反馈及时律`: matches no input on the card; its cells are ignored\n  help: did you mean `反馈及时率`?"]
        );
    }

    #[test]
    fn a_header_like_an_input_with_a_default_is_an_error_unless_lenient() {
        // `迟报天数` has a default: a misspelt header would score every row by it.
        let card = service_card();
        let headers = [
            "工号",
            "反馈及时率",
            "日报迟报次数",
            "迟报天数x",
            "奖金",
            "参加培训",
        ];
        let strict = bind_with(&card, &headers, &ReadOptions::default());
        assert_eq!(
            errors(&strict),
            ["data.csv:1: column `迟报天数x`: matches no input on the card, but looks like `迟交天数`\n  help: did you mean `迟交天数`? Rename the column to `迟交天数`; if it is another column, list it under `[data] ignore` in scorecard.toml (or run with --lenient)"]
        );
        let lenient = bind_headers(&card, &headers);
        assert!(lenient.errors.is_empty());
        assert_eq!(
            warnings(&lenient),
            ["data.csv:1: column `迟报天数x`: matches no input on the card; its cells are ignored\n  help: did you mean `迟交天数`?"]
        );
    }

    #[test]
    fn an_input_with_a_default_and_no_column_is_said() {
        let card = service_card();
        let bound = bind_with(
            &card,
            &["工号", "反馈及时率", "奖金", "参加培训"],
            &ReadOptions::default(),
        );
        let defaults: Vec<String> = bound
            .warnings
            .iter()
            .filter(|w| w.kind == DataProblemKind::DefaultUsed)
            .map(|w| w.to_string())
            .collect();
        assert_eq!(defaults.len(), 1, "{defaults:?}");
        assert!(
            defaults[0].contains("so every row takes its default"),
            "{defaults:?}"
        );
    }

    #[test]
    fn ignored_columns_are_neither_read_nor_warned_about() {
        let card = service_card();
        let options = ReadOptions {
            ignore: vec!["备注".into()],
            ..ReadOptions::default()
        };
        let bound = bind_with(
            &card,
            &["工号", "反馈及时率", "奖金", "参加培训", "备注"],
            &options,
        );
        assert!(bound.errors.is_empty());
        assert_eq!(warnings(&bound), Vec::<String>::new());
    }

    #[test]
    fn a_header_with_units_is_suggested_for_its_input() {
        let card = service_card();
        let bound = bind_headers(&card, &["工号", "反馈及时率(%)", "奖金", "参加培训"]);
        assert!(
            errors(&bound)[0].contains("did you mean the column `反馈及时率(%)`?"),
            "{:?}",
            errors(&bound)
        );
    }

    #[test]
    fn a_missing_column_with_nothing_close_says_what_to_add() {
        let card = card(vec![labelled("bonus", "奖金", InputType::Money)]);
        let bound = bind_headers(&card, &["工号", "备注"]);
        assert_eq!(
            errors(&bound),
            ["data.csv:1: no column for required input `奖金` (`bonus`)\n  help: add a column headed `奖金` or `bonus`"]
        );
    }

    #[test]
    fn inputs_with_a_default_or_optional_need_no_column() {
        let card = service_card();
        let bound = bind_headers(&card, &["工号", "反馈及时率", "奖金", "参加培训"]);
        assert_eq!(errors(&bound), Vec::<String>::new());
        assert_eq!(bound.binding.inputs[1], None);
    }

    #[test]
    fn unknown_columns_are_warnings_even_without_a_suggestion() {
        let card = service_card();
        let mut headers = vec!["工号", "备注"];
        headers.extend(ALL_LABELS);
        let bound = bind_headers(&card, &headers);
        assert!(bound.errors.is_empty());
        assert_eq!(
            warnings(&bound),
            ["data.csv:1: column `备注`: matches no input on the card; its cells are ignored"]
        );
    }

    #[test]
    fn a_column_without_a_header_is_a_warning() {
        let bound = bind_headers(&card(vec![]), &["id", ""]);
        assert_eq!(
            warnings(&bound),
            ["data.csv:1: column 2 has no header; its cells are ignored"]
        );
    }

    #[test]
    fn two_columns_for_one_input_is_an_error() {
        let card = card(vec![labelled(
            "feedback_rate",
            "反馈及时率",
            InputType::Percent,
        )]);
        let bound = bind_headers(&card, &["id", "反馈及时率", "feedback_rate"]);
        assert_eq!(
            errors(&bound),
            ["data.csv:1: column `feedback_rate`: columns `反馈及时率` and `feedback_rate` both give input `反馈及时率` (`feedback_rate`)"]
        );
    }

    #[test]
    fn two_id_columns_is_an_error() {
        let bound = bind_headers(&card(vec![]), &["工号", "ID"]);
        assert_eq!(
            errors(&bound),
            ["data.csv:1: column `ID`: columns `工号` and `ID` both give the employee id"]
        );
    }

    #[test]
    fn an_input_named_like_an_employee_column_wins() {
        let card = card(vec![input("store", InputType::Number)]);
        let bound = bind_headers(&card, &["id", "store"]);
        assert_eq!(bound.binding.inputs[0], Some(1));
        assert_eq!(bound.binding.store, None);
    }
}
