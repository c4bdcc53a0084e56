//! One cell's text → a [`Value`] for its input, or a plain-worded problem.
//!
//! Every cell is trimmed, and full-width ASCII forms (`９８％`, `０．５`,
//! `１，２００`, `ｙｅｓ`), which Chinese input methods produce, are read as
//! their ASCII twins. Numbers are plain decimal digits with an optional sign
//! and point, parsed straight into `Decimal`: no f64, no exponents, no digit
//! separators except `,` between thousands in money. A value that `Decimal`
//! cannot hold exactly is refused rather than rounded.

use crate::check::model::Input;
use crate::t;
use crate::value::{format_decimal, format_value, InputType, Value};
use rust_decimal::Decimal;
use std::str::FromStr;

/// Why a cell cannot be used; the caller adds file, line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CellProblem {
    /// One plain sentence, lowercase start, no final period.
    pub message: String,
    /// What to write instead (`98%` or `0.98`), when there is a usual answer.
    pub help: Option<String>,
}

impl CellProblem {
    fn new(message: impl Into<String>) -> Self {
        CellProblem {
            message: message.into(),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

fn percent_help() -> String {
    t!("data-percent-help")
}

fn bool_help() -> String {
    t!("data-bool-help")
}

/// Parses one cell for `input`, applying its default, optionality and range.
pub fn parse_cell(text: &str, input: &Input) -> Result<Value, CellProblem> {
    match plain_cell(text, input) {
        Some(value) => Ok(value),
        None => parse_general(text, input),
    }
}

/// Any cell, trimmed and normalized, every problem worded.
fn parse_general(text: &str, input: &Input) -> Result<Value, CellProblem> {
    let shown = text.trim();
    if shown.is_empty() {
        return blank(input);
    }
    if let Some(cause) = shown.starts_with('#').then(|| excel_error(shown)).flatten() {
        return Err(
            CellProblem::new(t!("data-excel-error", shown = shown, cause = cause))
                .help(t!("data-excel-error-help")),
        );
    }
    let normal = normalize(shown);
    let normal = normal.trim();
    let (value, bare_percent) = match input.ty {
        InputType::Bool => return parse_bool(normal, shown),
        InputType::Percent => parse_percent(normal, shown)?,
        InputType::Number | InputType::Rating => (parse_number(normal, shown, input.ty)?, false),
        InputType::Count | InputType::Days => (parse_whole(normal, shown, input.ty)?, false),
        InputType::Money => (parse_money(normal, shown)?, false),
    };
    check_range(value, bare_percent, shown, input)?;
    Ok(Value::Num(value))
}

/// The common cells, read by a scan with nothing allocated: a bare 是/否,
/// plain digits, `98%`, within range. Gives exactly what [`parse_cell`]
/// gives; `None` sends any other cell to [`parse_cell`], which also words
/// every problem.
fn plain_cell(text: &str, input: &Input) -> Option<Value> {
    let value = match input.ty {
        InputType::Bool => return plain_bool(text),
        // At most 18 digits: a hundredth of them is exact, so `parse_percent`'s
        // check that nothing was rounded cannot fail.
        InputType::Percent => {
            small_decimal(text.strip_suffix('%')?)?.checked_div(Decimal::ONE_HUNDRED)?
        }
        InputType::Count | InputType::Days => {
            let whole = small_decimal(text)?;
            if whole.scale() != 0 || whole.is_sign_negative() {
                return None;
            }
            whole
        }
        InputType::Number | InputType::Rating | InputType::Money => small_decimal(text)?,
    };
    let in_range = input
        .range
        .is_none_or(|(low, high)| low <= value && value <= high);
    in_range.then_some(Value::Num(value))
}

/// How one input's cells are read, worked out once per column: the cells
/// a file is mostly made of (`是`, `2`, `98%`) go straight to their value by
/// the input's declared type, with the range compared as whole numbers;
/// any other cell goes through [`parse_cell`]. Reads exactly what
/// [`parse_cell`] reads.
#[derive(Debug, Clone, Copy)]
pub struct TypedCell {
    ty: InputType,
    /// The input's range in whole units as written (percentage points for a
    /// percent): a whole number in `low..=high` is in range. With no range,
    /// every whole number.
    low: i64,
    high: i64,
}

impl TypedCell {
    /// The reader for `input`'s cells: its type and range worked out once.
    pub fn new(input: &Input) -> Self {
        // A percent cell is read in points (`98%`), its range held as fractions.
        let unit = if input.ty == InputType::Percent {
            Decimal::ONE_HUNDRED
        } else {
            Decimal::ONE
        };
        let (low, high) = match input.range {
            None => (i64::MIN, i64::MAX),
            Some((low, high)) => (
                whole_bound(low, unit, Decimal::ceil, i64::MAX),
                whole_bound(high, unit, Decimal::floor, i64::MIN),
            ),
        };
        TypedCell {
            ty: input.ty,
            low,
            high,
        }
    }

    /// Reads one cell of this input (`input` is the one this was made from)
    /// into its slot, which is left as it was on a problem.
    #[cfg(test)]
    pub fn read_into(
        &self,
        text: &str,
        input: &Input,
        slot: &mut Value,
    ) -> Result<(), CellProblem> {
        if self.read_plain(text.as_bytes(), slot) {
            return Ok(());
        }
        self.read_uncommon(text, input, slot)
    }

    /// Reads the common cell (`是`, `2`, `98%`) straight from its bytes into
    /// its slot; false, and the slot untouched, for any other cell, which
    /// [`TypedCell::read_uncommon`] reads.
    // Always inlined into the reader's loop: a call costs a fifth of the reading.
    #[inline(always)]
    pub fn read_plain(&self, bytes: &[u8], slot: &mut Value) -> bool {
        // The value is built in registers and written once: a `Value`
        // handed back and moved costs more than reading the cell.
        let value = if self.ty == InputType::Bool {
            match plain_yes_no(bytes) {
                Some(yes) => Value::Bool(yes),
                None => return false,
            }
        } else {
            match self.whole(bytes) {
                Some(number) => Value::Num(number),
                None => return false,
            }
        };
        *slot = value;
        true
    }

    /// Reads a cell that [`TypedCell::read_plain`] did not, by [`parse_cell`].
    pub fn read_uncommon(
        &self,
        text: &str,
        input: &Input,
        slot: &mut Value,
    ) -> Result<(), CellProblem> {
        *slot = parse_uncommon(text, input)?;
        Ok(())
    }

    /// A cell of plain digits (a percent's followed by `%`) within range;
    /// `None` for any other.
    #[inline]
    fn whole(&self, text: &[u8]) -> Option<Decimal> {
        let digits = match self.ty {
            InputType::Percent => text.strip_suffix(b"%")?,
            _ => text,
        };
        let n = whole_number(digits)?;
        if n < self.low || n > self.high {
            return None;
        }
        Some(if self.ty == InputType::Percent {
            percent_of(n)
        } else {
            decimal(n, 0)
        })
    }
}

/// `n × 10^-scale` for `0 <= n < 2^63`, built inline (`Decimal::new` is a
/// call that checks what is known here).
#[inline]
fn decimal(n: i64, scale: u32) -> Decimal {
    let n = n.unsigned_abs();
    Decimal::from_parts(n as u32, (n >> 32) as u32, 0, false, scale)
}

/// `text.trim()`, quicker for the usual cell, which starts and ends with
/// something other than white space (`str::trim`'s general search costs
/// about a hundred instructions even then).
#[inline]
pub fn trim(text: &str) -> &str {
    let visible = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    match text.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ if visible(text.chars().next()) && visible(text.chars().next_back()) => text,
        _ => text.trim(),
    }
}

/// A cell the typed fast way does not read, kept out of its way.
#[inline(never)]
fn parse_uncommon(text: &str, input: &Input) -> Result<Value, CellProblem> {
    parse_cell(text, input)
}

/// `bound × unit` rounded (up for a low bound, down for a high one) to a
/// whole number, saturated at `i64`'s ends. A bound too far out to scale
/// becomes `unscalable`, chosen so that every cell goes to [`parse_cell`].
fn whole_bound(
    bound: Decimal,
    unit: Decimal,
    round: fn(&Decimal) -> Decimal,
    unscalable: i64,
) -> i64 {
    let Some(scaled) = bound.checked_mul(unit) else {
        return unscalable;
    };
    i64::try_from(round(&scaled)).unwrap_or(if scaled.is_sign_negative() {
        i64::MIN
    } else {
        i64::MAX
    })
}

/// 1 to 18 ASCII digits (which an `i64` holds), as a number.
fn whole_number(digits: &[u8]) -> Option<i64> {
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut n: i64 = 0;
    for &b in digits {
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        n = n * 10 + i64::from(digit);
    }
    Some(n)
}

/// `n`% as a fraction, exactly as `n / 100` comes out of `Decimal`'s
/// division: whole when it divides, else two places (`10%` is `0.10`).
fn percent_of(n: i64) -> Decimal {
    if n % 100 == 0 {
        decimal(n / 100, 0)
    } else {
        decimal(n, 2)
    }
}

/// The common spellings of yes and no, exactly as written.
#[inline]
fn plain_yes_no(text: &[u8]) -> Option<bool> {
    const YES: &[u8] = "是".as_bytes();
    const NO: &[u8] = "否".as_bytes();
    match text {
        YES | b"1" => Some(true),
        NO | b"0" => Some(false),
        _ => None,
    }
}

fn plain_bool(text: &str) -> Option<Value> {
    plain_yes_no(text.as_bytes()).map(Value::Bool)
}

/// What an Excel error value (a failed formula, as a workbook stores it and
/// as Excel writes it into CSV) means, in a few words; `None` for other text.
fn excel_error(text: &str) -> Option<String> {
    Some(match text {
        "#DIV/0!" => t!("data-excel-div0"),
        "#N/A" => t!("data-excel-na"),
        "#VALUE!" => t!("data-excel-value"),
        "#REF!" => t!("data-excel-ref"),
        "#NAME?" => t!("data-excel-name"),
        "#NUM!" => t!("data-excel-num"),
        "#NULL!" => t!("data-excel-null"),
        "#SPILL!" | "#CALC!" | "#DATA!" | "#GETTING_DATA" => t!("data-excel-failed"),
        _ => return None,
    })
}

/// How an input is named in messages: its label, with its name if different.
pub fn describe_input(input: &Input) -> String {
    match input.label.as_deref() {
        Some(label) if label != input.name => {
            t!("data-input-named", label = label, name = &input.name)
        }
        _ => format!("`{}`", input.name),
    }
}

fn blank(input: &Input) -> Result<Value, CellProblem> {
    if let Some(default) = &input.default {
        Ok(default.clone())
    } else if input.optional {
        Ok(Value::Missing)
    } else {
        Err(CellProblem::new(t!(
            "data-blank-required",
            input = describe_input(input)
        )))
    }
}

/// Full-width ASCII (U+FF01–U+FF5E) to ASCII; the ideographic space to a space.
fn normalize(text: &str) -> std::borrow::Cow<'_, str> {
    let is_wide = |c: char| ('\u{FF01}'..='\u{FF5E}').contains(&c) || c == '\u{3000}';
    if text.is_ascii() || !text.chars().any(is_wide) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect::<String>()
        .into()
}

/// What each type is called in "`x` is not …".
fn noun(ty: InputType) -> String {
    match ty {
        InputType::Percent => t!("data-noun-percent"),
        InputType::Number => t!("data-noun-number"),
        InputType::Count => t!("data-noun-count"),
        InputType::Money => t!("data-noun-money"),
        InputType::Bool => t!("data-noun-bool"),
        InputType::Rating => t!("data-noun-rating"),
        InputType::Days => t!("data-noun-days"),
    }
}

/// Why text is not a plain decimal.
enum NumError {
    NotNumber,
    /// `NaN`, `inf`: what a spreadsheet writes for a failed formula.
    NotFinite,
    /// `1e5`, with its value written out if it fits.
    Scientific(Option<Decimal>),
    TooLarge,
    /// More significant digits than a `Decimal` holds: it would be rounded.
    TooPrecise,
}

/// `[+-]? (digits [. digits?] | . digits)`, exactly, into a `Decimal`.
fn parse_decimal(text: &str) -> Result<Decimal, NumError> {
    if let Some(value) = small_decimal(text) {
        return Ok(value);
    }
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    if ["nan", "inf", "infinity"]
        .iter()
        .any(|word| body.eq_ignore_ascii_case(word))
    {
        return Err(NumError::NotFinite);
    }
    if !is_plain_decimal(body) {
        return match body.split_once(['e', 'E']) {
            Some((mantissa, exponent)) if is_plain_decimal(mantissa) && is_exponent(exponent) => {
                Err(NumError::Scientific(Decimal::from_scientific(text).ok()))
            }
            _ => Err(NumError::NotNumber),
        };
    }
    let value = Decimal::from_str(text).map_err(|_| NumError::TooLarge)?;
    // Decimal::from_str rounds digits it cannot hold; refuse instead.
    if format_decimal(value) != canonical(text) {
        return Err(NumError::TooPrecise);
    }
    Ok(value)
}

/// The common case, with nothing allocated: `[+-]? digits [. digits]` with
/// at most 18 digits in all, which an `i64` holds exactly. Built the way
/// `Decimal::from_str` builds it (same digits, same scale). `None` for
/// anything else, including `-0`, which `parse_number` handles.
fn small_decimal(text: &str) -> Option<Decimal> {
    let bytes = text.as_bytes();
    let (negative, body) = match bytes.first()? {
        b'-' => (true, &bytes[1..]),
        b'+' => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let mut mantissa: i64 = 0;
    let mut digits = 0;
    let mut point = None;
    for (i, &b) in body.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if digits > 18 {
                    return None;
                }
                mantissa = mantissa * 10 + i64::from(b - b'0');
            }
            b'.' if point.is_none() => point = Some(i),
            _ => return None,
        }
    }
    let scale = match point {
        None => 0,
        Some(0) => return None,
        Some(at) if at + 1 == body.len() => return None,
        Some(at) => body.len() - at - 1,
    };
    if digits == 0 || (negative && mantissa == 0) {
        return None;
    }
    let mantissa = if negative { -mantissa } else { mantissa };
    Some(Decimal::new(mantissa, scale as u32))
}

fn is_plain_decimal(body: &str) -> bool {
    let (int, frac) = match body.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    digits(int)
        && frac.is_none_or(digits)
        && (!int.is_empty() || frac.is_some_and(|f| !f.is_empty()))
}

fn is_exponent(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A plain decimal's text as `format_decimal` would print its exact value:
/// no `+`, no leading or trailing zeros, `0` for zero.
fn canonical(text: &str) -> String {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    if int.is_empty() && frac.is_empty() {
        return "0".to_string();
    }
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Turns a [`NumError`] into the message for a cell of type `ty`.
fn number_problem(error: NumError, shown: &str, ty: InputType) -> CellProblem {
    match error {
        NumError::NotNumber => {
            let problem = CellProblem::new(t!("data-cell-not-a", shown = shown, what = noun(ty)));
            if shown.contains([',', '，']) && ty != InputType::Money {
                problem.help(t!("data-thousands-only-money"))
            } else {
                problem
            }
        }
        NumError::NotFinite => {
            CellProblem::new(t!("data-cell-not-a", shown = shown, what = noun(ty)))
                .help(t!("data-not-finite-help"))
        }
        NumError::Scientific(value) => {
            let problem = CellProblem::new(t!("data-scientific", shown = shown));
            match value {
                Some(v) => {
                    problem.help(t!("data-scientific-help-value", value = format_decimal(v)))
                }
                None => problem.help(t!("data-scientific-help")),
            }
        }
        NumError::TooLarge => CellProblem::new(t!("data-too-large", shown = shown)),
        NumError::TooPrecise => CellProblem::new(t!("data-too-precise", shown = shown))
            .help(t!("data-too-precise-help")),
    }
}

fn parse_number(text: &str, shown: &str, ty: InputType) -> Result<Decimal, CellProblem> {
    parse_decimal(text).map_err(|e| number_problem(e, shown, ty))
}

/// `98%` → 0.98; a bare number is already a fraction (`0.98`, as Excel stores it).
/// Returns whether it was bare, for the help on an out-of-range value.
fn parse_percent(text: &str, shown: &str) -> Result<(Decimal, bool), CellProblem> {
    let ty = InputType::Percent;
    let Some(number) = text.strip_suffix('%') else {
        let value = parse_number(text, shown, ty).map_err(|p| match p.help {
            None => p.help(percent_help()),
            Some(_) => p,
        })?;
        return Ok((value, true));
    };
    let points = parse_decimal(number.trim_end()).map_err(|e| match e {
        NumError::NotNumber => {
            CellProblem::new(t!("data-cell-not-a", shown = shown, what = noun(ty)))
                .help(percent_help())
        }
        e => number_problem(e, shown, ty),
    })?;
    let fraction = points
        .checked_div(Decimal::ONE_HUNDRED)
        .filter(|f| f.checked_mul(Decimal::ONE_HUNDRED) == Some(points))
        .ok_or_else(|| number_problem(NumError::TooPrecise, shown, ty))?;
    Ok((fraction, false))
}

/// Counts and days: whole and never negative.
fn parse_whole(text: &str, shown: &str, ty: InputType) -> Result<Decimal, CellProblem> {
    let value = parse_number(text, shown, ty)?;
    let help = || t!("data-whole-help", what = noun(ty));
    if !value.fract().is_zero() {
        return Err(CellProblem::new(t!("data-not-whole", shown = shown)).help(help()));
    }
    if value.is_sign_negative() && !value.is_zero() {
        return Err(CellProblem::new(t!("data-negative", shown = shown)).help(help()));
    }
    Ok(if value.is_zero() {
        Decimal::ZERO
    } else {
        value.normalize()
    })
}

/// `1200`, `1,200.50`, `¥1200`, `￥-50`, `-¥50`, `1200元`.
fn parse_money(text: &str, shown: &str) -> Result<Decimal, CellProblem> {
    let not_money = || {
        CellProblem::new(t!(
            "data-cell-not-a",
            shown = shown,
            what = noun(InputType::Money)
        ))
    };
    let mut rest = text;
    let mut sign = "";
    if let Some(r) = rest.strip_prefix(['-', '+']) {
        sign = &rest[..1];
        rest = r.trim_start();
    }
    if let Some(r) = rest.strip_prefix(['¥', '￥']) {
        rest = r.trim_start();
    }
    if sign.is_empty() {
        if let Some(r) = rest.strip_prefix(['-', '+']) {
            sign = &rest[..1];
            rest = r;
        }
    }
    if let Some(r) = rest.strip_suffix('元') {
        rest = r.trim_end();
    }
    if let Some(r) = rest.strip_suffix('万') {
        let help = match parse_decimal(r.trim_end()) {
            Ok(v) => match v.checked_mul(Decimal::from(10_000)) {
                Some(full) => t!(
                    "data-wan-help-value",
                    value = format!("{sign}{}", format_decimal(full))
                ),
                None => t!("data-wan-help"),
            },
            Err(_) => t!("data-wan-help"),
        };
        return Err(CellProblem::new(t!("data-wan", shown = shown)).help(help));
    }
    let digits = if rest.contains(',') {
        if !thousands_ok(rest) {
            return Err(not_money().help(t!("data-thousands-help")));
        }
        std::borrow::Cow::Owned(rest.replace(',', ""))
    } else {
        std::borrow::Cow::Borrowed(rest)
    };
    if digits.starts_with(['-', '+']) {
        return Err(not_money());
    }
    let text = if sign.is_empty() {
        digits
    } else {
        std::borrow::Cow::Owned(format!("{sign}{digits}"))
    };
    parse_decimal(&text).map_err(|e| match e {
        NumError::NotNumber => not_money(),
        e => number_problem(e, shown, InputType::Money),
    })
}

/// `1,234,567.89`: 1–3 digits, then groups of exactly 3, none after the point.
fn thousands_ok(text: &str) -> bool {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if frac.contains(',') {
        return false;
    }
    let mut groups = int.split(',');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    first_ok && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

const YES: [&str; 9] = ["true", "yes", "y", "1", "是", "对", "√", "✓", "✔"];
const NO: [&str; 9] = ["false", "no", "n", "0", "否", "错", "×", "✗", "✘"];

fn parse_bool(text: &str, shown: &str) -> Result<Value, CellProblem> {
    // Only the English words have case, and only ASCII case.
    let is = |words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(text));
    if let Some(value) = plain_bool(text) {
        return Ok(value);
    }
    if is(&YES) {
        Ok(Value::Bool(true))
    } else if is(&NO) {
        Ok(Value::Bool(false))
    } else {
        Err(CellProblem::new(t!(
            "data-cell-not-a",
            shown = shown,
            what = noun(InputType::Bool)
        ))
        .help(bool_help()))
    }
}

fn check_range(
    value: Decimal,
    bare_percent: bool,
    shown: &str,
    input: &Input,
) -> Result<(), CellProblem> {
    let ty = input.ty.value_type();
    // The bounds as the card writes them (`0 to 5000`, not to the fen).
    let write = |d: Decimal| match ty {
        crate::value::Type::Num(crate::value::Unit::Money) => format_decimal(d),
        _ => format_value(&Value::Num(d), ty),
    };
    match input.range {
        Some((low, high)) if value < low || value > high => {
            let problem = CellProblem::new(t!(
                "data-outside-range",
                shown = shown,
                low = write(low),
                high = write(high)
            ));
            Err(if bare_percent && value > Decimal::ONE {
                problem.help(t!(
                    "data-percent-reads-as",
                    shown = shown,
                    value = write(value)
                ))
            } else {
                problem
            })
        }
        // With no declared range, a bare number above 1 is almost surely a
        // percentage written without its `%` (98 for 98%), not 9800%.
        None if bare_percent && value > Decimal::ONE => Err(CellProblem::new(t!(
            "data-percent-would-mean",
            shown = shown,
            value = write(value)
        ))
        .help(percent_help())),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::input;

    #[test]
    fn plain_cells_read_as_the_general_way_reads_them() {
        let texts = [
            "是",
            "否",
            "1",
            "0",
            "98%",
            "100%",
            "0%",
            "97.5%",
            "0.98",
            "3",
            "-3",
            "2.5",
            "0",
            "00",
            "1200",
            "-50",
            "+7",
            "12345678901234567",
            "101%",
            "8",
            "9",
        ];
        for ty in InputType::ALL {
            for range in [None, Some((Decimal::ZERO, Decimal::from(8)))] {
                let mut cell_input = input("x", ty);
                cell_input.range = range;
                for text in texts {
                    if let Some(plain) = plain_cell(text, &cell_input) {
                        let general = parse_general(text, &cell_input);
                        let same = match (&plain, &general) {
                            (Value::Num(a), Ok(Value::Num(b))) => a.serialize() == b.serialize(),
                            (a, Ok(b)) => a == b,
                            _ => false,
                        };
                        assert!(
                            same,
                            "{ty} {range:?} {text:?}: plain {plain:?}, general {general:?}"
                        );
                    }
                }
            }
        }
    }

    /// Same value and same scale, bit for bit.
    fn same_value(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Num(a), Value::Num(b)) => a.serialize() == b.serialize(),
            (a, b) => a == b,
        }
    }

    #[test]
    fn typed_cells_read_as_the_general_way_reads_them() {
        let mut x: u64 = 3;
        let mut next = |n: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % n
        };
        let bounds = [
            "0",
            "1",
            "0.5",
            "0.98",
            "1.005",
            "8",
            "31",
            "100",
            "-3",
            "-0.5",
            "2.5",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "0.0000000000000000000000000001",
        ];
        let mut fast_ones = 0;
        let pieces = [
            "", "0", "1", "7", "00", "98", "100", "%", "是", "否", ".", "-", "+", " ", "x", "５",
        ];
        for _ in 0..20_000 {
            let ty = InputType::ALL[next(7) as usize];
            let mut cell_input = input("x", ty);
            if next(3) > 0 {
                // A percent's bounds are written in points, so they are never
                // beyond a hundredth of the largest decimal.
                let choices = if ty == InputType::Percent { 11 } else { 14 };
                let (a, b) = (
                    d(bounds[next(choices) as usize]),
                    d(bounds[next(choices) as usize]),
                );
                cell_input.range = Some((a.min(b), a.max(b)));
            }
            let mut text: String = match next(4) {
                // Plain digits, up to 20 of them.
                0 | 1 => (0..next(21))
                    .map(|_| char::from(b'0' + next(10) as u8))
                    .collect(),
                _ => (0..next(4)).map(|_| pieces[next(16) as usize]).collect(),
            };
            if next(2) == 0 {
                text.push('%');
            }
            let typed = TypedCell::new(&cell_input);
            let fast = match ty {
                InputType::Bool => plain_bool(&text),
                _ => typed.whole(text.as_bytes()).map(Value::Num),
            };
            if let Some(fast) = fast {
                fast_ones += 1;
                let general = parse_general(&text, &cell_input);
                assert!(
                    general.as_ref().is_ok_and(|g| same_value(&fast, g)),
                    "{ty} {:?} {text:?}: fast {fast:?}, general {general:?}",
                    cell_input.range
                );
            }
            // The plain way writes a value, or leaves the slot as it was.
            let mut slot = Value::Text("before".into());
            if !typed.read_plain(text.as_bytes(), &mut slot) {
                assert_eq!(slot, Value::Text("before".into()), "{ty} {text:?}");
            }
            let mut slot = Value::Missing;
            let read = typed
                .read_into(&text, &cell_input, &mut slot)
                .map(|()| slot);
            let general = parse_cell(&text, &cell_input);
            let same = match (&read, &general) {
                (Ok(a), Ok(b)) => same_value(a, b),
                (a, b) => a == b,
            };
            assert!(same, "{ty} {text:?}: typed {read:?}, general {general:?}");
        }
        assert!(fast_ones > 2000, "only {fast_ones} cells took the fast way");
    }

    #[test]
    fn a_percent_is_what_dividing_by_a_hundred_gives() {
        let mut ns: Vec<i64> = (0..100_000).collect();
        ns.extend([
            999_999_999_999_999_999,
            100_000_000_000_000_000,
            123_456_789_012_345_670,
        ]);
        for n in ns {
            let divided = Decimal::new(n, 0)
                .checked_div(Decimal::ONE_HUNDRED)
                .unwrap();
            assert_eq!(percent_of(n).serialize(), divided.serialize(), "{n}");
        }
    }

    #[test]
    fn the_fast_number_path_builds_what_from_str_builds() {
        // Same value and same scale, bit for bit, or left to `parse_number`.
        let mut texts: Vec<String> = [
            "0",
            "00",
            "7",
            "+7",
            "-7",
            "98.5",
            "98.50",
            "-0.25",
            "100",
            "0.98",
            "123456789012345678",
            "-123456789012345678",
            "1234567890.12345678",
            "0.000000000000000001",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let mut x: u64 = 7;
        for _ in 0..2000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let digits = (x >> 40) % 19 + 1;
            let mut t: String = (0..digits)
                .map(|i| char::from(b'0' + ((x >> i) % 10) as u8))
                .collect();
            let point = (x >> 20) % (digits + 2);
            if point > 0 && point < digits {
                t.insert(point as usize, '.');
            }
            if x.is_multiple_of(3) {
                t.insert(0, '-');
            }
            texts.push(t);
        }
        for text in &texts {
            let slow = Decimal::from_str(text).unwrap();
            match small_decimal(text) {
                Some(fast) => assert_eq!(fast.serialize(), slow.serialize(), "{text}"),
                None => assert!(
                    text.trim_start_matches(['-', '+'])
                        .chars()
                        .filter(char::is_ascii_digit)
                        .count()
                        > 18
                        || slow.is_zero(),
                    "{text} took the slow path"
                ),
            }
        }
        for text in ["", "-", ".5", "5.", "1e5", "1.2.3", "--1", "-0", "1,200"] {
            assert_eq!(small_decimal(text), None, "{text}");
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn num(s: &str) -> Value {
        Value::Num(d(s))
    }

    /// The value read, or the problem's message (and help) as one string.
    fn read(text: &str, input: &Input) -> Result<Value, String> {
        parse_cell(text, input).map_err(|p| match p.help {
            Some(help) => format!("{} | help: {help}", p.message),
            None => p.message,
        })
    }

    fn accepts(ty: InputType, cases: &[(&str, Value)]) {
        let input = input("x", ty);
        for (text, want) in cases {
            assert_eq!(read(text, &input).as_ref(), Ok(want), "{ty} cell {text:?}");
        }
    }

    fn rejects(ty: InputType, cases: &[(&str, &str)]) {
        let input = input("x", ty);
        for (text, want) in cases {
            assert_eq!(
                read(text, &input),
                Err(want.to_string()),
                "{ty} cell {text:?}"
            );
        }
    }

    #[test]
    fn percent_accepts_percent_signs_and_fractions() {
        accepts(
            InputType::Percent,
            &[
                ("98%", num("0.98")),
                ("98.5%", num("0.985")),
                (" 100% ", num("1")),
                ("0.98", num("0.98")),
                ("1", num("1")),
                ("0", num("0")),
                ("98 %", num("0.98")),
                ("９８．５％", num("0.985")),
                ("-5%", num("-0.05")),
                ("120%", num("1.2")),
            ],
        );
    }

    #[test]
    fn percent_rejects_text_and_bare_whole_percentages() {
        rejects(
            InputType::Percent,
            &[
                ("abc", "`abc` is not a percentage | help: percentages are written as 98% or 0.98"),
                ("98%%", "`98%%` is not a percentage | help: percentages are written as 98% or 0.98"),
                ("%", "`%` is not a percentage | help: percentages are written as 98% or 0.98"),
                ("98", "`98` would mean 9800% | help: percentages are written as 98% or 0.98"),
                ("1e-2", "`1e-2` is written in scientific notation | help: write the number out in full: 0.01"),
            ],
        );
    }

    #[test]
    fn number_and_rating_accept_plain_decimals() {
        for ty in [InputType::Number, InputType::Rating] {
            accepts(
                ty,
                &[
                    ("85", num("85")),
                    ("-3.25", num("-3.25")),
                    ("+4", num("4")),
                    (".5", num("0.5")),
                    ("5.", num("5")),
                    ("８５", num("85")),
                    ("\u{3000}85\u{3000}", num("85")),
                ],
            );
        }
    }

    #[test]
    fn numbers_reject_nan_infinity_exponents_and_junk() {
        rejects(
            InputType::Number,
            &[
                ("NaN", "`NaN` is not a number | help: the spreadsheet formula for this cell failed (NaN or infinity); fix it and export again"),
                ("-inf", "`-inf` is not a number | help: the spreadsheet formula for this cell failed (NaN or infinity); fix it and export again"),
                ("1e5", "`1e5` is written in scientific notation | help: write the number out in full: 100000"),
                ("--3", "`--3` is not a number"),
                ("1_000", "`1_000` is not a number"),
                ("1,200", "`1,200` is not a number | help: only money may have thousands separators; write 1200, not 1,200"),
                ("1.2.3", "`1.2.3` is not a number"),
                (".", "`.` is not a number"),
                ("0x10", "`0x10` is not a number"),
            ],
        );
        let rating = input("x", InputType::Rating);
        assert_eq!(
            read("good", &rating),
            Err("`good` is not a rating".to_string())
        );
    }

    #[test]
    fn excel_error_values_are_named_for_every_type() {
        let help =
            "fix the formula in the workbook (or type the figure in), then read the data again";
        for ty in InputType::ALL {
            rejects(
                ty,
                &[
                    (
                        "#DIV/0!",
                        &format!(
                            "`#DIV/0!` is an Excel error: a formula divided by zero | help: {help}"
                        ),
                    ),
                    (
                        " #N/A ",
                        &format!(
                            "`#N/A` is an Excel error: a lookup found no value | help: {help}"
                        ),
                    ),
                ],
            );
        }
        assert_eq!(
            read("#REF!", &input("x", InputType::Number)),
            Err(format!("`#REF!` is an Excel error: a formula refers to a cell that no longer exists | help: {help}"))
        );
    }

    #[test]
    fn numbers_too_big_or_too_precise_for_decimal_are_errors_not_panics() {
        rejects(
            InputType::Number,
            &[
                ("99999999999999999999999999999", "`99999999999999999999999999999` is too large a number"),
                ("0.12345678901234567890123456789", "`0.12345678901234567890123456789` has more digits than can be held exactly | help: a number can have at most 28 significant digits"),
                ("1e999", "`1e999` is written in scientific notation | help: write the number out in full"),
            ],
        );
        accepts(
            InputType::Number,
            &[(
                "79228162514264337593543950335",
                num("79228162514264337593543950335"),
            )],
        );
    }

    #[test]
    fn counts_and_days_are_whole_and_not_negative() {
        for ty in [InputType::Count, InputType::Days] {
            accepts(
                ty,
                &[
                    ("2", num("2")),
                    ("2.0", num("2")),
                    ("0", num("0")),
                    ("-0", num("0")),
                    ("２", num("2")),
                ],
            );
        }
        rejects(
            InputType::Count,
            &[
                (
                    "2.5",
                    "`2.5` is not a whole number | help: a count is a whole number, 0 or more",
                ),
                (
                    "-1",
                    "`-1` is negative | help: a count is a whole number, 0 or more",
                ),
                ("two", "`two` is not a count"),
            ],
        );
        rejects(
            InputType::Days,
            &[(
                "-2",
                "`-2` is negative | help: a number of days is a whole number, 0 or more",
            )],
        );
    }

    #[test]
    fn a_count_of_two_point_zero_prints_as_two() {
        let value = parse_cell("2.0", &input("x", InputType::Count)).unwrap();
        assert_eq!(value.as_num().map(format_decimal).as_deref(), Some("2"));
    }

    #[test]
    fn money_accepts_currency_signs_yuan_and_thousands() {
        accepts(
            InputType::Money,
            &[
                ("1200", num("1200")),
                ("1,200.50", num("1200.50")),
                ("¥1,200", num("1200")),
                ("￥ 1200", num("1200")),
                ("1200元", num("1200")),
                ("1,234,567 元", num("1234567")),
                ("-¥50", num("-50")),
                ("¥-50", num("-50")),
                ("１，２００", num("1200")),
                ("0.1", num("0.1")),
            ],
        );
    }

    #[test]
    fn money_rejects_misplaced_separators_and_wan() {
        let separators =
            "use `.` for the decimal point and `,` only between thousands, e.g. 1,200.50";
        rejects(
            InputType::Money,
            &[
                ("1,20", &format!("`1,20` is not an amount of money | help: {separators}")),
                ("1200,5", &format!("`1200,5` is not an amount of money | help: {separators}")),
                ("1.200,50", &format!("`1.200,50` is not an amount of money | help: {separators}")),
                ("1.2万", "`1.2万` is in 万, not yuan | help: write the amount in yuan: 12000"),
                ("$100", "`$100` is not an amount of money"),
                ("--5", "`--5` is not an amount of money"),
                ("¥", "`¥` is not an amount of money"),
                ("1e3元", "`1e3元` is written in scientific notation | help: write the number out in full: 1000"),
            ],
        );
    }

    #[test]
    fn bool_accepts_every_listed_spelling_in_any_case() {
        let yes = [
            "true",
            "TRUE",
            "Yes",
            "y",
            "Y",
            "1",
            "是",
            "对",
            "√",
            "✓",
            "ｙｅｓ",
        ];
        let no = ["false", "False", "NO", "n", "0", "否", "错", "×", "✗"];
        accepts(InputType::Bool, &yes.map(|t| (t, Value::Bool(true))));
        accepts(InputType::Bool, &no.map(|t| (t, Value::Bool(false))));
        rejects(
            InputType::Bool,
            &[("maybe", "`maybe` is not yes or no | help: write one of 是/否, yes/no, true/false, y/n, 1/0, 对/错, √/×"),
              ("2", "`2` is not yes or no | help: write one of 是/否, yes/no, true/false, y/n, 1/0, 对/错, √/×")],
        );
    }

    #[test]
    fn blank_cells_take_the_default_or_are_missing_or_are_errors() {
        let mut with_default = input("迟报", InputType::Count);
        with_default.default = Some(num("0"));
        assert_eq!(read("  ", &with_default), Ok(num("0")));

        let mut optional = input("迟报天数", InputType::Days);
        optional.optional = true;
        assert_eq!(read("", &optional), Ok(Value::Missing));

        let mut required = input("feedback", InputType::Percent);
        required.label = Some("反馈及时率".to_string());
        assert_eq!(
            read("\u{3000}", &required),
            Err("missing a value for required input `反馈及时率` (`feedback`)".to_string())
        );
    }

    #[test]
    fn out_of_range_values_show_the_bounds_as_the_card_writes_them() {
        let mut rate = input("x", InputType::Percent);
        rate.range = Some((d("0"), d("1")));
        assert_eq!(read("100%", &rate), Ok(num("1")));
        assert_eq!(read("0%", &rate), Ok(num("0")));
        assert_eq!(
            read("101%", &rate),
            Err("`101%` is outside the range 0% to 100%".to_string())
        );
        assert_eq!(
            read("98", &rate),
            Err("`98` is outside the range 0% to 100% | help: percentages are written as 98% or 0.98; `98` reads as 9800%".to_string())
        );
        assert_eq!(
            read("-0.1", &rate),
            Err("`-0.1` is outside the range 0% to 100%".to_string())
        );

        let mut wide = input("x", InputType::Percent);
        wide.range = Some((d("0"), d("2")));
        assert_eq!(
            read("1.5", &wide),
            Ok(num("1.5")),
            "a declared range allows bare 1.5"
        );

        let mut bonus = input("x", InputType::Money);
        bonus.range = Some((d("0"), d("5000")));
        assert_eq!(
            read("¥5,000.01", &bonus),
            Err("`¥5,000.01` is outside the range 0 to 5000".to_string())
        );

        let mut late = input("x", InputType::Count);
        late.range = Some((d("0"), d("31")));
        assert_eq!(
            read("32", &late),
            Err("`32` is outside the range 0 to 31".to_string())
        );
    }
}
