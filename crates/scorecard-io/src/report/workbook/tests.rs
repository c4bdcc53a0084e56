use super::*;
use crate::report::sheet::NumberStyle;
use calamine::{Data, Reader, Xlsx};
use rust_decimal::Decimal;
use std::io::Cursor;

/// A workbook of two sheets, the first written in chunks of `chunk` rows
/// (0: one chunk), with shared and written-in text.
fn book(rows: u32, chunk: u32, spool: usize, zip64_from: Option<u64>) -> Vec<u8> {
    let mut book = Workbook::new("考核 & 工资", None);
    book.spool = Spool::Memory(Vec::new(), spool);
    let people = book.add_sheet("汇总", 0, 1);
    let notes = book.add_sheet("说明 (2)", 1, 0);
    let mut x = RowsXml::new();
    x.row(0);
    for (c, title) in ["工号", "门店", "得分", "工资", "达成率"]
        .iter()
        .enumerate()
    {
        x.text(c, Text::Inline(title), Style::Header);
    }
    for r in 1..=rows {
        x.row(r);
        x.text(0, Text::Inline(&format!("E{r:05}")), Style::Plain);
        let store = if r % 2 == 0 { "一店" } else { "二店" };
        let shared = book.strings.intern(store).unwrap();
        x.text(1, shared, Style::Plain);
        x.number(2, Decimal::new(i64::from(r) * 5, 1), NumberStyle::Plain);
        x.number(3, Decimal::new(123_456, 2), NumberStyle::Money);
        x.number(4, Decimal::new(955, 3), NumberStyle::Percent);
        if chunk > 0 && r % chunk == 0 {
            book.write(people, &mut x).unwrap();
        }
    }
    book.write(people, &mut x).unwrap();
    x.row(0);
    x.unmeasured(0, "说明一行 <不计宽度>", Style::Heading);
    x.row(1);
    x.text(0, Text::Inline("说明"), Style::Header);
    x.row(2);
    x.text(
        0,
        Text::Inline("控制字符\u{1b}[31m 与 _x0041_ 原样读回\n第二行"),
        Style::Wrap,
    );
    book.write(notes, &mut x).unwrap();
    let mut out = Vec::new();
    match zip64_from {
        None => book.finish("&C考核", "&C第 &P 页", &mut out).unwrap(),
        Some(from) => {
            let mut zip = zip::ZipOut::with_zip64_from(&mut out, from);
            book.finish_with("&C考核", "&C第 &P 页", &mut zip).unwrap();
            zip.finish().unwrap();
        }
    }
    out
}

fn read(bytes: &[u8]) -> Xlsx<Cursor<&[u8]>> {
    calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("calamine reads the workbook")
}

/// Every entry inflated by the `zip` crate, which checks each CRC-32.
fn entries(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = ::zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut text = String::new();
            f.read_to_string(&mut text)
                .expect("inflates, its checksum right");
            (f.name().unwrap().to_string(), text)
        })
        .collect()
}

#[test]
fn a_workbook_written_in_chunks_reads_back_cell_for_cell() {
    let bytes = book(1000, 64, SPOOL_MEMORY, None);
    let mut wb = read(&bytes);
    assert_eq!(wb.sheet_names(), ["汇总", "说明 (2)"]);
    let sheet = wb.worksheet_range("汇总").unwrap();
    assert_eq!(sheet.height(), 1001);
    assert_eq!(sheet.get((0, 0)), Some(&Data::String("工号".into())));
    assert_eq!(sheet.get((7, 0)), Some(&Data::String("E00007".into())));
    assert_eq!(sheet.get((7, 1)), Some(&Data::String("二店".into())));
    assert_eq!(sheet.get((8, 1)), Some(&Data::String("一店".into())));
    assert_eq!(sheet.get((7, 2)), Some(&Data::Float(3.5)));
    assert_eq!(sheet.get((1000, 3)), Some(&Data::Float(1234.56)));
    assert_eq!(sheet.get((1000, 4)), Some(&Data::Float(0.955)));
    let notes = wb.worksheet_range("说明 (2)").unwrap();
    assert_eq!(
        notes.get((2, 0)),
        Some(&Data::String(
            "控制字符\u{1b}[31m 与 _x0041_ 原样读回\n第二行".into()
        ))
    );
    let parts = entries(&bytes);
    let part = |name: &str| &parts.iter().find(|(n, _)| n == name).unwrap().1;
    // Two stores, each shared once.
    assert!(part("xl/sharedStrings.xml").contains("uniqueCount=\"2\""));
    let sheet1 = part("xl/worksheets/sheet1.xml");
    assert!(
        sheet1.contains("<dimension ref=\"A1:E1001\"/>"),
        "{}",
        &sheet1[..600]
    );
    assert!(sheet1.contains("<autoFilter ref=\"A1:E1001\"/>"));
    // 工号's widest is E01000 (6), 门店 二店 (4) under a header of 4: 8 and 6.
    assert!(
        sheet1.contains("<col min=\"1\" max=\"1\" width=\"8.7109375\""),
        "{}",
        &sheet1[..900]
    );
    assert!(sheet1.contains("paperSize=\"9\"") && sheet1.contains("orientation=\"landscape\""));
    assert!(sheet1.contains("<oddFooter>&amp;C第 &amp;P 页</oddFooter>"));
    let workbook = part("xl/workbook.xml");
    assert!(workbook.contains("'说明 (2)'!$2:$2"), "{workbook}");
    assert!(workbook.contains("汇总!$1:$1"), "{workbook}");
    assert!(part("docProps/core.xml").contains("考核 &amp; 工资"));
    assert!(part("docProps/core.xml").contains("1980-01-01T00:00:00Z"));
}

#[test]
fn the_same_rows_give_the_same_bytes_in_memory_or_spooled_to_a_file() {
    let held = book(3000, 100, SPOOL_MEMORY, None);
    let spooled = book(3000, 100, 1024, None);
    assert!(held == spooled, "the spool changed the bytes");
    assert!(
        book(3000, 100, SPOOL_MEMORY, None) == held,
        "two runs differ"
    );
}

#[test]
fn chunks_deflated_apart_inflate_as_one_sheet() {
    // One chunk or 300: the same sheet once inflated.
    let one = entries(&book(3000, 0, SPOOL_MEMORY, None));
    let many = entries(&book(3000, 10, SPOOL_MEMORY, None));
    assert_eq!(one, many);
}

#[test]
fn past_four_gigabytes_the_archive_uses_zip64_records_readers_follow() {
    // Every size and offset from 1 000 bytes on written as zip64.
    let bytes = book(2000, 50, SPOOL_MEMORY, Some(1000));
    assert!(
        bytes.windows(4).any(|w| w == 0x0606_4b50u32.to_le_bytes()),
        "a zip64 end record"
    );
    assert_eq!(
        entries(&bytes),
        entries(&book(2000, 50, SPOOL_MEMORY, None))
    );
    let mut wb = read(&bytes);
    let sheet = wb.worksheet_range("汇总").unwrap();
    assert_eq!(sheet.get((2000, 0)), Some(&Data::String("E02000".into())));
}

#[test]
fn a_full_table_of_shared_strings_leaves_new_text_in_its_cell() {
    let mut s = SharedStrings {
        bytes: SHARED_BYTES - 3,
        ..SharedStrings::default()
    };
    assert!(s.intern("一店").is_none());
    assert!(s.intern("店").is_some());
    // The same text, found again by its fingerprint and length.
    assert!(matches!(
        s.intern("店"),
        Some(Text::Shared {
            index: 0,
            width: 2,
            lines: 1
        })
    ));
    // Another text of the same length: not taken for it.
    assert!(s.intern("铺").is_none());
    // Fingerprints differ for texts that differ, and are the same on every run.
    assert_ne!(
        SharedStrings::fingerprint(b"a"),
        SharedStrings::fingerprint(b"b")
    );
    assert_eq!(
        SharedStrings::fingerprint("满意率".as_bytes()),
        SharedStrings::fingerprint("满意率".as_bytes())
    );
}
