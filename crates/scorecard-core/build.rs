//! Embeds the message catalogues (`locales/<lang>/*.ftl` at the workspace's
//! top) into the core: `$OUT_DIR/catalogue.rs` lists every file with its
//! text, so the built library reads no file to speak.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let locales = Path::new(&manifest).join("../../locales");
    println!("cargo:rerun-if-changed={}", locales.display());
    let mut out = String::from("/// Every catalogue file: (language, file name, text).\n");
    out.push_str("pub(crate) const CATALOGUE: &[(&str, &str, &str)] = &[\n");
    for lang in ["zh-CN", "en"] {
        let dir = locales.join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        files.sort();
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            let name = path
                .file_name()
                .expect("a file")
                .to_string_lossy()
                .into_owned();
            let full = path.canonicalize().expect("a catalogue file");
            writeln!(out, "    ({lang:?}, {name:?}, include_str!({full:?})),").expect("a string");
        }
    }
    out.push_str("];\n");
    let target =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogue.rs");
    std::fs::write(target, out).expect("catalogue.rs written");
}
