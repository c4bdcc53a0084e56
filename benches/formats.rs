//! A bench binary: every report format of the S1 card on N generated rows
//! (default 100 000), through the same plan the CLI runs (`scorecard::run`:
//! the data read from a file, the report written to a file), so each
//! format takes the way the CLI takes (streamed where it can).
//!
//!     cargo bench --bench formats -- 1000000
//!     cargo bench --bench formats -- 100000 xlsx json
//!
//! Prints each format's time, rows per second, the report's size and its
//! time against CSV's. Asserts nothing about time; checks that every run
//! scored every row. HTML writes about 2.7 KB a row (a minute and a half of
//! CPU for a million): it runs by default up to 200 000 rows, beyond only
//! when named. The workbook (xlsx) is formatted and deflated on every core
//! (`report::workbook`); rust_xlsxwriter, before it, wrote 13 800 rows/s on
//! 100 000 rows (65× CSV's time, 88 MB) on the 2-core machine, most of it on
//! one thread.

mod support;

use scorecard::report::{Format, Options};
use scorecard::run::{CardInput, DataInput, Output, Plan, Request, RulesSpec};
use std::io::{BufWriter, Write};
use std::time::Instant;

/// A report written to a temporary file, as the CLI writes `--output`.
struct FileTarget(BufWriter<std::fs::File>);

impl scorecard::stream::Target for FileTarget {
    fn writer(&mut self) -> &mut (dyn Write + Send) {
        &mut self.0
    }

    fn restart(&mut self) -> std::io::Result<()> {
        use std::io::Seek;
        self.0.flush()?;
        let file = self.0.get_mut();
        file.set_len(0)?;
        file.rewind()?;
        Ok(())
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rows: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(100_000);
    let all = [
        Format::Csv,
        Format::JsonLines,
        Format::Json,
        Format::Xlsx,
        Format::Html,
    ];
    let asked: Vec<Format> = all
        .into_iter()
        .filter(|f| args.iter().any(|a| a == f.name()))
        .collect();
    // CSV always runs first: the others are timed against it.
    let formats: Vec<Format> = if asked.is_empty() {
        all.into_iter()
            .filter(|f| *f != Format::Html || rows <= 200_000)
            .collect()
    } else {
        std::iter::once(Format::Csv)
            .chain(asked.into_iter().filter(|f| *f != Format::Csv))
            .collect()
    };
    let card = support::s1();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let data = dir.path().join("s1.csv");
    std::fs::write(&data, support::s1_csv(&card, rows)).expect("write the data");
    let card_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("rules")
        .join("callback_specialist.card");
    println!(
        "S1, {rows} rows, {} threads; file to file through scorecard::run",
        rayon::current_num_threads()
    );
    let mut csv_secs = None;
    for format in formats {
        let request = Request {
            rules: RulesSpec::Cards(vec![CardInput::file(&card_path)]),
            data: vec![DataInput::path(&data)],
            from: Vec::new(),
            options: Default::default(),
        };
        let plan = Plan::load(request).expect("the S1 card loads");
        let out = dir.path().join(format!("out.{}", format.name()));
        let file = std::fs::File::create(&out).expect("the report file");
        let mut target = FileTarget(BufWriter::with_capacity(1 << 16, file));
        let start = Instant::now();
        let outcome = plan.run(
            Output::Report {
                format,
                options: Options::default(),
                to: &mut target,
            },
            &mut |_| {},
        );
        target.0.flush().expect("flushed");
        let secs = start.elapsed().as_secs_f64();
        assert_eq!(outcome.scored, rows, "{format}: every row scored");
        assert!(
            outcome.write_error.is_none(),
            "{format}: {:?}",
            outcome.write_error
        );
        let size = std::fs::metadata(&out).map_or(0, |m| m.len());
        let ratio = match csv_secs {
            None => {
                csv_secs = Some(secs);
                String::from("1.0× CSV")
            }
            Some(csv) => format!("{:.1}× CSV", secs / csv),
        };
        println!(
            "{:>6}: {secs:8.2} s {:>10.0} rows/s {:>9.1} MB  {ratio}",
            format.name(),
            rows as f64 / secs,
            size as f64 / 1e6,
        );
        let _ = std::fs::remove_file(&out);
    }
}
