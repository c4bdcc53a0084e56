//! The fill-in sheet as CSV: `#` comment lines describing each column (the
//! reader skips them), then the header row.

use super::columns;
use crate::check::model::CheckedCard;

/// The template's text, ending in a newline; `bom` starts it with a UTF-8
/// byte-order mark so Excel shows the Chinese correctly.
pub fn template_csv(card: &CheckedCard, bom: bool) -> String {
    let columns = columns(card);
    let mut out = String::new();
    if bom {
        out.push('\u{feff}');
    }
    out += &format!(
        "# {} 填写模板（{}）\n# 每行一名员工；列名请勿改动；以 # 开头的行会被忽略。\n",
        card.display_name(),
        card.source().name
    );
    for column in &columns {
        out += &format!("# {}: {}\n", column.header, column.description);
    }
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(columns.iter().map(|c| c.header.as_str()));
    let header = writer.into_inner().unwrap_or_default();
    out + String::from_utf8_lossy(&header).as_ref()
}

/// One role's sheet of a rules directory's template, as CSV.
pub fn role_csv(sheet: &super::RoleSheet, bom: bool) -> String {
    let mut out = String::new();
    if bom {
        out.push('\u{feff}');
    }
    out += &format!(
        "# {} 填写模板（考核表：{}）\n# 每行一名员工；列名请勿改动；以 # 开头的行会被忽略。\n",
        sheet.role,
        sheet.cards.join("；")
    );
    for column in &sheet.columns {
        out += &format!("# {}: {}\n", column.header, column.description);
    }
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let mut headers: Vec<&str> = vec!["岗位"];
    headers.extend(sheet.columns.iter().map(|c| c.header.as_str()));
    let _ = writer.write_record(&headers);
    let header = writer.into_inner().unwrap_or_default();
    out + String::from_utf8_lossy(&header).as_ref()
}
