//! The workbook's small parts: content types, relationships, properties,
//! the workbook (sheets, print titles, filters), the styles, and each
//! sheet's head and tail around its rows.

use super::xml::{cell_ref, push_column, push_escaped, PERCENT_DECIMALS};
use super::SheetPart;

const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE: &str = "application/vnd.openxmlformats-officedocument";

/// The Office theme Excel's own workbooks carry (the styles name its colours).
pub const THEME: &str = include_str!("theme1.xml");

fn esc(text: &str) -> String {
    let mut out = Vec::new();
    push_escaped(&mut out, text);
    String::from_utf8(out).unwrap_or_default()
}

pub fn content_types(sheets: usize, shared: bool) -> String {
    let mut s = format!(
        "{HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"{OFFICE}.extended-properties+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/xl/styles.xml\" ContentType=\"{OFFICE}.spreadsheetml.styles+xml\"/>\
         <Override PartName=\"/xl/theme/theme1.xml\" ContentType=\"{OFFICE}.theme+xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"{OFFICE}.spreadsheetml.sheet.main+xml\"/>"
    );
    for i in 1..=sheets {
        s += &format!(
            "<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"{OFFICE}.spreadsheetml.worksheet+xml\"/>"
        );
    }
    if shared {
        s += &format!(
            "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"{OFFICE}.spreadsheetml.sharedStrings+xml\"/>"
        );
    }
    s + "</Types>"
}

pub fn root_rels() -> String {
    format!(
        "{HEAD}<Relationships xmlns=\"{PKG_REL}\">\
         <Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{REL}/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

pub fn app(sheets: &[SheetPart]) -> String {
    let mut names = String::new();
    for sheet in sheets {
        names += &format!("<vt:lpstr>{}</vt:lpstr>", esc(&sheet.name));
    }
    let n = sheets.len();
    format!(
        "{HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>\
         <HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>\
         <vt:variant><vt:i4>{n}</vt:i4></vt:variant></vt:vector></HeadingPairs>\
         <TitlesOfParts><vt:vector size=\"{n}\" baseType=\"lpstr\">{names}</vt:vector></TitlesOfParts>\
         <Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>\
         <HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>"
    )
}

/// `created`: `YYYY-MM-DDTHH:MM:SSZ`.
pub fn core(title: &str, created: &str) -> String {
    format!(
        "{HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator></dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:modified></cp:coreProperties>",
        esc(title)
    )
}

/// A sheet's name as a formula names it: quoted unless it is letters,
/// digits and underscores that could not be read as a cell (`汇总`,
/// `Detail`; `'明细 (2)'`, `'A1'`).
fn quoted(name: &str) -> String {
    let plain = name.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && !looks_like_cell(name);
    if plain {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// `AB12`, `R1C1`, `r`, `c`: names a formula would read as a reference.
fn looks_like_cell(name: &str) -> bool {
    let letters = name.bytes().take_while(u8::is_ascii_alphabetic).count();
    let rest = &name[letters..];
    let a1 =
        (1..=3).contains(&letters) && !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit());
    let lower = name.to_ascii_lowercase();
    a1 || lower == "r"
        || lower == "c"
        || (lower.starts_with('r')
            && lower[1..].contains('c')
            && lower.bytes().all(|b| b.is_ascii_alphanumeric())
            && lower.bytes().any(|b| b.is_ascii_digit()))
}

pub fn workbook(sheets: &[SheetPart]) -> String {
    let mut list = String::new();
    let mut names = String::new();
    for (i, sheet) in sheets.iter().enumerate() {
        list += &format!(
            "<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
            esc(&sheet.name),
            i + 1,
            i + 1
        );
        let q = esc(&quoted(&sheet.name));
        if let Some(last) = sheet.widths.len().checked_sub(1) {
            let mut col = Vec::new();
            push_column(&mut col, last);
            let col = String::from_utf8(col).unwrap_or_default();
            names += &format!(
                "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{i}\" hidden=\"1\">{q}!$A${}:${col}${}</definedName>",
                sheet.top + 1,
                sheet.last_row().max(sheet.top) + 1
            );
        }
        names += &format!(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">{q}!${}:${}</definedName>",
            sheet.top + 1,
            sheet.top + 1
        );
    }
    format!(
        "{HEAD}<workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\">\
         <fileVersion appName=\"xl\" lastEdited=\"4\" lowestEdited=\"4\" rupBuild=\"4505\"/>\
         <workbookPr defaultThemeVersion=\"124226\"/>\
         <bookViews><workbookView xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" windowHeight=\"9660\"/></bookViews>\
         <sheets>{list}</sheets><definedNames>{names}</definedNames>\
         <calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>"
    )
}

pub fn workbook_rels(sheets: usize, shared: bool) -> String {
    let mut s = format!("{HEAD}<Relationships xmlns=\"{PKG_REL}\">");
    for i in 1..=sheets {
        s += &format!(
            "<Relationship Id=\"rId{i}\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"
        );
    }
    s += &format!(
        "<Relationship Id=\"rId{}\" Type=\"{REL}/theme\" Target=\"theme/theme1.xml\"/>\
         <Relationship Id=\"rId{}\" Type=\"{REL}/styles\" Target=\"styles.xml\"/>",
        sheets + 1,
        sheets + 2
    );
    if shared {
        s += &format!(
            "<Relationship Id=\"rId{}\" Type=\"{REL}/sharedStrings\" Target=\"sharedStrings.xml\"/>",
            sheets + 3
        );
    }
    s + "</Relationships>"
}

/// The fixed styles, in the order of [`super::Style::index`]: plain,
/// header, heading, wrapped, money (`#,##0.00`, Excel's format 4), then a
/// percentage with 0 … 10 decimals (`0%` and `0.00%` are Excel's 9 and 10).
pub fn styles() -> String {
    let percent_format = |d: u8| match d {
        0 => 9,
        2 => 10,
        d => 163 + u32::from(d),
    };
    let mut formats = String::new();
    let mut count = 0;
    for d in 1..=PERCENT_DECIMALS {
        if d != 2 {
            count += 1;
            formats += &format!(
                "<numFmt numFmtId=\"{}\" formatCode=\"0.{}%\"/>",
                percent_format(d),
                "0".repeat(usize::from(d))
            );
        }
    }
    // Every cell at the top of its row: a row made tall for a wrapped
    // reason reads from its first line across.
    let mut xfs = String::from(
        "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>\
         <xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>\
         <xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>\
         <xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>\
         <xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>",
    );
    for d in 0..=PERCENT_DECIMALS {
        xfs += &format!(
            "<xf numFmtId=\"{}\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>",
            percent_format(d)
        );
    }
    let xf_count = 5 + u32::from(PERCENT_DECIMALS) + 1;
    format!(
        "{HEAD}<styleSheet xmlns=\"{MAIN}\"><numFmts count=\"{count}\">{formats}</numFmts>\
         <fonts count=\"2\"><font><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font>\
         <font><b/><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font></fonts>\
         <fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>\
         <fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>\
         <borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>\
         <border><left/><right/><top/><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>\
         <cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf></cellStyleXfs>\
         <cellXfs count=\"{xf_count}\">{xfs}</cellXfs>\
         <cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>\
         <dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>"
    )
}

/// A sheet's XML before its rows: print fitting, its extent, the frozen
/// header (and columns), the column widths. `selected`: the sheet the
/// workbook opens on.
pub fn sheet_head(sheet: &SheetPart, selected: bool) -> String {
    let last = sheet.last_row().max(sheet.top);
    let cols = sheet.widths.len().max(1);
    let dimension = format!("A1:{}", cell_ref(cols - 1, last));
    let y = sheet.top + 1;
    let x = sheet.frozen;
    let tab = if selected { " tabSelected=\"1\"" } else { "" };
    let pane = if x > 0 {
        let corner = cell_ref(x, y);
        format!(
            "<pane xSplit=\"{x}\" ySplit=\"{y}\" topLeftCell=\"{corner}\" activePane=\"bottomRight\" state=\"frozen\"/>\
             <selection pane=\"topRight\" activeCell=\"{c1}\" sqref=\"{c1}\"/>\
             <selection pane=\"bottomLeft\" activeCell=\"{a}\" sqref=\"{a}\"/>\
             <selection pane=\"bottomRight\"/>",
            c1 = cell_ref(x, 0),
            a = cell_ref(0, y),
        )
    } else {
        format!(
            "<pane ySplit=\"{y}\" topLeftCell=\"{}\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/>",
            cell_ref(0, y)
        )
    };
    let mut widths = String::new();
    let mut c = 0;
    while c < sheet.widths.len() {
        let w = super::super::sheet::column_width(sheet.widths[c]);
        let mut end = c;
        while end + 1 < sheet.widths.len()
            && super::super::sheet::column_width(sheet.widths[end + 1]) == w
        {
            end += 1;
        }
        // Excel's width for w characters of Calibri 11 (7 pixels each,
        // 5 of padding), as Excel writes it.
        widths += &format!(
            "<col min=\"{}\" max=\"{}\" width=\"{w}.7109375\" customWidth=\"1\"/>",
            c + 1,
            end + 1
        );
        c = end + 1;
    }
    let cols = if widths.is_empty() {
        String::new()
    } else {
        format!("<cols>{widths}</cols>")
    };
    format!(
        "{HEAD}<worksheet xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>\
         <dimension ref=\"{dimension}\"/><sheetViews><sheetView{tab} workbookViewId=\"0\">{pane}</sheetView></sheetViews>\
         <sheetFormatPr defaultRowHeight=\"15\"/>{cols}<sheetData>"
    )
}

/// A sheet's XML after its rows: the filter on the header, and printing —
/// landscape A4, one page wide, `header` and `footer` (Excel's codes) on
/// every page.
pub fn sheet_tail(sheet: &SheetPart, header: &str, footer: &str) -> String {
    let filter = match sheet.widths.len().checked_sub(1) {
        Some(last) => format!(
            "<autoFilter ref=\"{}:{}\"/>",
            cell_ref(0, sheet.top),
            cell_ref(last, sheet.last_row().max(sheet.top))
        ),
        None => String::new(),
    };
    format!(
        "</sheetData>{filter}<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>\
         <pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>\
         <headerFooter><oddHeader>{}</oddHeader><oddFooter>{}</oddFooter></headerFooter></worksheet>",
        esc(header),
        esc(footer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_quoted_in_formulas_when_they_must_be() {
        assert_eq!(quoted("汇总"), "汇总");
        assert_eq!(quoted("Detail"), "Detail");
        assert_eq!(quoted("明细 (2)"), "'明细 (2)'");
        assert_eq!(quoted("A1"), "'A1'");
        assert_eq!(quoted("R1C1"), "'R1C1'");
        assert_eq!(quoted("2026"), "'2026'");
        assert_eq!(quoted("O'Brien"), "'O''Brien'");
    }
}
