//! How a run reads a file against a card, beyond what the card says.

/// Choices a run makes about reading data, beside the card.
///
/// The defaults are the strict ones: a header that looks like a misspelt
/// input is an error, every column is accounted for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Columns the data may have that no card reads, without a warning
    /// (a manifest's `[data] ignore`). Compared after trimming.
    pub ignore: Vec<String>,
    /// A header that reads nothing but resembles an input or employee column
    /// (`返修台次` for `返修台数`) is a warning, not an error: `--lenient`,
    /// or one card of several that read a file (the run decides once every
    /// card has seen the header).
    pub lenient_headers: bool,
    /// Inputs (by index into the card's) the data need not give and whose
    /// default is not used: another card's result feeds them, or a roll-up
    /// recomputes them from their parts. A cell given is still read.
    pub supplied: Vec<usize>,
}

impl ReadOptions {
    /// Whether the header `header` is one the data may carry unread.
    pub fn ignores(&self, header: &str) -> bool {
        self.ignore.iter().any(|i| i.trim() == header)
    }
}
