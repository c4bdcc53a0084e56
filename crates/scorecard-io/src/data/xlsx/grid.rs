//! A worksheet's cells held compactly until they are asked for.
//!
//! A workbook has to be read whole (it is a zip of XML), so its cells are
//! kept in memory: each row as one string of its cells' text plus where each
//! cell ends, rather than a string per cell — about a third of the memory
//! for a sheet of short figures. Rows come out as [`Record`]-ready vectors.

use calamine::Dimensions;

/// The sheet's non-blank cells, row by row, in order.
#[derive(Debug, Default)]
pub struct Grid {
    rows: Vec<PackedRow>,
    /// False when a cell arrived before one already stored (xlsx requires
    /// order, but a hand-made file may not keep it); fixed by [`Grid::finish`].
    ordered: bool,
    last: Option<(u32, u32)>,
}

/// One row: 0-based row number, all its cells' text end to end, and for
/// each cell its 0-based column and the end of its text.
#[derive(Debug)]
struct PackedRow {
    row: u32,
    text: String,
    cells: Vec<(u32, u32)>,
}

impl PackedRow {
    fn cells(&self) -> impl Iterator<Item = (u32, &str)> {
        let mut start = 0;
        self.cells.iter().map(move |&(column, end)| {
            let text = &self.text[start..end as usize];
            start = end as usize;
            (column, text)
        })
    }
}

impl Grid {
    pub fn new() -> Grid {
        Grid {
            ordered: true,
            ..Grid::default()
        }
    }

    /// Adds a cell; blank cells need not be added.
    pub fn push(&mut self, row: u32, column: u32, text: &str) {
        if text.is_empty() {
            return;
        }
        if self.last.is_some_and(|last| (row, column) <= last) {
            self.ordered = false;
        }
        self.last = Some((row, column));
        match self.rows.last_mut() {
            Some(packed) if packed.row == row => {}
            _ => self.rows.push(PackedRow {
                row,
                text: String::new(),
                cells: Vec::new(),
            }),
        }
        if let Some(packed) = self.rows.last_mut() {
            packed.text.push_str(text);
            // A row's text past 4 GiB cannot come from a real sheet; clamp rather than wrap.
            let end = u32::try_from(packed.text.len()).unwrap_or(u32::MAX);
            packed.cells.push((column, end));
        }
    }

    /// Puts cells that arrived out of order in place (a later cell for the
    /// same position wins, as in the file).
    pub fn finish(self) -> Grid {
        if self.ordered {
            return self;
        }
        let mut cells: Vec<(u32, u32, String)> = Vec::new();
        for packed in &self.rows {
            for (column, text) in packed.cells() {
                cells.push((packed.row, column, text.to_string()));
            }
        }
        // Stable, so of two cells at one position the later stays last.
        cells.sort_by_key(|&(row, column, _)| (row, column));
        cells.dedup_by(|later, earlier| {
            let same = (later.0, later.1) == (earlier.0, earlier.1);
            if same {
                std::mem::swap(later, earlier);
            }
            same
        });
        let mut grid = Grid::new();
        for (row, column, text) in cells {
            grid.push(row, column, &text);
        }
        grid
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The number of non-blank rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// The 0-based row number of the `i`th non-blank row.
    pub fn row_number(&self, i: usize) -> u32 {
        self.rows[i].row
    }

    /// The cells of the `i`th non-blank row as `(column, text)`.
    pub fn row_cells(&self, i: usize) -> impl Iterator<Item = (u32, &str)> {
        self.rows[i].cells()
    }

    /// The leftmost and rightmost columns holding anything in rows `from..`.
    pub fn column_span(&self, from: usize) -> Option<(u32, u32)> {
        self.rows[from..]
            .iter()
            .flat_map(|r| r.cells.iter().map(|&(c, _)| c))
            .fold(None, |span, c| match span {
                None => Some((c, c)),
                Some((lo, hi)) => Some((lo.min(c), hi.max(c))),
            })
    }

    /// Row `i` as one text per column `first..=last`, blanks filled from any
    /// merged region covering them (a 门店 cell merged down several rows
    /// belongs to every one of them, as a reader sees it).
    pub fn row_texts(&self, i: usize, first: u32, last: u32, merges: &Merges) -> Vec<String> {
        let width = (last - first + 1) as usize;
        let mut texts = vec![String::new(); width];
        for (column, text) in self.row_cells(i) {
            if (first..=last).contains(&column) {
                texts[(column - first) as usize] = text.to_string();
            }
        }
        merges.fill(self.rows[i].row, first, &mut texts);
        texts
    }

    /// The text at a position, `""` when blank.
    pub fn text_at(&self, row: u32, column: u32) -> &str {
        let Ok(i) = self.rows.binary_search_by_key(&row, |r| r.row) else {
            return "";
        };
        self.row_cells(i)
            .find(|&(c, _)| c == column)
            .map_or("", |(_, text)| text)
    }
}

/// Merged regions, each with the text of its top-left cell.
#[derive(Debug, Default)]
pub struct Merges {
    regions: Vec<(Dimensions, String)>,
}

impl Merges {
    pub fn new(regions: Vec<Dimensions>, grid: &Grid) -> Merges {
        let regions = regions
            .into_iter()
            .filter_map(|d| {
                let text = grid.text_at(d.start.0, d.start.1);
                (!text.is_empty()).then(|| (d, text.to_string()))
            })
            .collect();
        Merges { regions }
    }

    /// Fills blank cells of `texts` (columns from `first`) on `row` from the regions covering them.
    fn fill(&self, row: u32, first: u32, texts: &mut [String]) {
        for (region, text) in &self.regions {
            if !(region.start.0..=region.end.0).contains(&row) {
                continue;
            }
            for column in region.start.1..=region.end.1 {
                let Some(i) = column.checked_sub(first) else {
                    continue;
                };
                if let Some(slot) = texts.get_mut(i as usize) {
                    if slot.is_empty() {
                        slot.clone_from(text);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(cells: &[(u32, u32, &str)]) -> Grid {
        let mut grid = Grid::new();
        for &(row, column, text) in cells {
            grid.push(row, column, text);
        }
        grid.finish()
    }

    fn rows(grid: &Grid) -> Vec<(u32, Vec<(u32, String)>)> {
        (0..grid.len())
            .map(|i| {
                let cells = grid.row_cells(i).map(|(c, t)| (c, t.to_string())).collect();
                (grid.row_number(i), cells)
            })
            .collect()
    }

    #[test]
    fn cells_are_kept_by_row_and_blank_cells_dropped() {
        let g = grid(&[(0, 0, "工号"), (0, 1, "姓名"), (0, 2, ""), (3, 1, "王丽")]);
        assert_eq!(
            rows(&g),
            vec![
                (0, vec![(0, "工号".into()), (1, "姓名".into())]),
                (3, vec![(1, "王丽".into())]),
            ]
        );
        assert_eq!(g.column_span(0), Some((0, 1)));
        assert_eq!(g.column_span(1), Some((1, 1)));
        assert_eq!(g.text_at(3, 1), "王丽");
        assert_eq!(g.text_at(2, 1), "");
    }

    #[test]
    fn cells_out_of_order_are_put_in_place_and_the_later_of_two_wins() {
        let g = grid(&[(2, 1, "b"), (0, 0, "h"), (2, 0, "a"), (2, 1, "B")]);
        assert_eq!(
            rows(&g),
            vec![
                (0, vec![(0, "h".into())]),
                (2, vec![(0, "a".into()), (1, "B".into())]),
            ]
        );
    }

    #[test]
    fn a_row_gives_one_text_per_column_with_merged_cells_filled() {
        let g = grid(&[(1, 0, "E1"), (1, 2, "一店"), (2, 0, "E2"), (3, 0, "E3")]);
        // 一店 merged over C2:C3.
        let merges = Merges::new(vec![Dimensions::new((1, 2), (2, 2))], &g);
        assert_eq!(g.row_texts(0, 0, 2, &merges), ["E1", "", "一店"]);
        assert_eq!(g.row_texts(1, 0, 2, &merges), ["E2", "", "一店"]);
        assert_eq!(g.row_texts(2, 0, 2, &merges), ["E3", "", ""]);
        assert_eq!(g.row_texts(1, 2, 2, &merges), ["一店"]);
    }
}
