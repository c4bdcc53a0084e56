//! Any text as a card: parse and check must return, never panic or hang,
//! and a card that checks must evaluate an all-defaults row without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let source = scorecard::SourceFile::new("fuzz.card", text);
    let Ok(checked) = scorecard::compile(&source) else { return };
    // Printing a valid card must give a card that checks again.
    if let Ok(ast) = scorecard::syntax::parse(&source) {
        let printed = scorecard::SourceFile::new("printed.card", scorecard::syntax::print::print(&ast));
        assert!(scorecard::compile(&printed).is_ok(), "printed card does not check:\n{}", printed.text);
    }
    let _ = checked;
});
