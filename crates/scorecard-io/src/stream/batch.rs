//! Records read a batch at a time, on one thread, while workers score the
//! batch before. This thread only finds where records begin and end: the
//! workers check that the text is UTF-8 and split it.

use crate::data::csv::RecordLines;
use crate::data::DataProblem;
use std::ops::Range;

/// Enough records to keep every core busy, few enough to hold in memory.
const MAX_RECORDS: usize = 8192;
const MAX_BYTES: usize = 4 << 20;

/// Records' bytes end to end, each with its first line.
pub struct Batch {
    max_records: usize,
    /// Not yet known to be UTF-8: each worker checks its share.
    pub text: Vec<u8>,
    pub records: Vec<(Range<usize>, usize)>,
    /// A problem that ended the reading (an I/O error), after these records.
    pub error: Option<DataProblem>,
}

impl Batch {
    /// A batch of up to `max_records` records (0: the default).
    pub fn new(max_records: usize) -> Self {
        Batch {
            max_records: if max_records == 0 {
                MAX_RECORDS
            } else {
                max_records
            },
            text: Vec::new(),
            records: Vec::new(),
            error: None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty() && self.error.is_none()
    }

    /// The bytes of record `i`.
    pub fn raw(&self, i: usize) -> &[u8] {
        &self.text[self.records[i].0.clone()]
    }

    /// Refills the batch from `lines` (its memory kept): empty at the end.
    pub fn fill(&mut self, lines: &mut RecordLines) {
        self.text.clear();
        self.records.clear();
        self.error = None;
        while self.records.len() < self.max_records && self.text.len() < MAX_BYTES {
            let start = self.text.len();
            match lines.next_raw_into(&mut self.text) {
                None => return,
                Some(Ok(line)) => self.records.push((start..self.text.len(), line)),
                Some(Err(error)) => {
                    self.error = Some(error);
                    return;
                }
            }
        }
    }
}
