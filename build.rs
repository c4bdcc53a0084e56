//! Rebuild when a message catalogue changes: `i18n`'s `static_loader!`
//! embeds every `.ftl` under `locales/` at compile time.
fn main() {
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=build.rs");
}
