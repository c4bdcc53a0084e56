//! The core's diagnostics, and how they are drawn for people and scripts
//! ([`render`]): the drawing lives here, outside the core, so the core needs
//! no terminal library.

pub use scorecard_core::diagnostic::*;

pub mod render;
