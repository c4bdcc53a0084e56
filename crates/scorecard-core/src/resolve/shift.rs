//! Moving a parsed card's spans to where its file starts in a composite source.
//!
//! Each file of a chain of cards is parsed on its own, so its spans start at
//! 0; once the files are laid end to end in one composite source, every span
//! is moved by the file's start. The syntax tree's one span walk
//! ([`VisitSpans`]) reaches every span, so none is left pointing into the
//! wrong file.

use crate::syntax::ast::{Card, VisitSpans};

pub fn card(card: &mut Card, by: usize) {
    if by == 0 {
        return;
    }
    card.spans_mut(&mut |span| {
        span.start += by;
        span.end += by;
    });
}
