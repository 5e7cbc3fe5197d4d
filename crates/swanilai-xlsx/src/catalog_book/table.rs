//! Cells of a catalog workbook read by column header, with every problem collected,
//! and the places (sheet, row) items came from.

use std::path::Path;

use calamine::Data;

use super::SheetSpec;
use crate::import::grid::{self, shown, whole, Book, Cut, Grid, Limits, Whole};
use crate::{LayoutProblem, XlsxError};

/// The rows items came from, to place validation problems.
#[derive(Default)]
pub(super) struct Places {
    pub level_kinds: Vec<(&'static str, u32)>,
    pub rating_bands: Vec<(&'static str, u32)>,
    pub domains: Vec<(&'static str, u32)>,
    pub aspects: Vec<(&'static str, u32)>,
    pub indicators: Vec<(&'static str, u32)>,
    pub criteria_versions: Vec<(&'static str, u32)>,
    /// Per version, per listed indicator: the first row of its criteria (or notes).
    pub criteria: Vec<Vec<(&'static str, u32)>>,
}

impl Places {
    /// "indicators[3].weight_bp" -> "sheet 'Indicators' row 5".
    pub(super) fn locate(&self, path: &str) -> Option<String> {
        let (name, i, rest) = split_index(path)?;
        let list = match name {
            "level_kinds" => &self.level_kinds,
            "rating_bands" => &self.rating_bands,
            "domains" => &self.domains,
            "aspects" => &self.aspects,
            "indicators" => &self.indicators,
            "criteria_versions" => match split_index(rest.strip_prefix('.').unwrap_or("")) {
                Some(("indicators", j, _)) => {
                    let (sheet, row) = *self.criteria.get(i)?.get(j)?;
                    return Some(format!("sheet '{sheet}' row {row}"));
                }
                _ => &self.criteria_versions,
            },
            _ => return None,
        };
        let (sheet, row) = *list.get(i)?;
        Some(format!("sheet '{sheet}' row {row}"))
    }
}

/// "name[12].rest" -> ("name", 12, ".rest").
fn split_index(path: &str) -> Option<(&str, usize, &str)> {
    let (name, after) = path.split_once('[')?;
    let (index, rest) = after.split_once(']')?;
    Some((name, index.parse().ok()?, rest))
}

/// How much of each catalog sheet is read: far beyond any real framework (the shipped
/// one has under 500 criteria rows and 400 kB of text), small enough that all nine sheets
/// together stay within tens of MB whatever the file.
const LIMITS: Limits = Limits {
    rows: 20_000,
    cells: 60_000,
    text: 2 * 1024 * 1024,
};

/// A sheet whose columns were found by their header in the first row.
pub(super) struct Table {
    pub spec: &'static SheetSpec,
    grid: Grid,
    columns: Vec<u32>,
}

impl Table {
    pub(super) fn open(
        book: &mut Book,
        spec: &'static SheetSpec,
        path: &Path,
    ) -> Result<Option<Table>, XlsxError> {
        let Some(grid) = grid::sheet(book, spec.name, path, LIMITS)? else {
            return Ok(None);
        };
        let mut columns = Vec::new();
        for c in spec.columns {
            let found = grid.columns().find(|&col| {
                matches!(grid.cell(0, col), Data::String(s) if s.trim().eq_ignore_ascii_case(c.header))
            });
            match found {
                Some(col) => columns.push(col),
                None => {
                    return Err(XlsxError::Layout {
                        path: path.to_path_buf(),
                        problem: LayoutProblem::NoColumnInFirstRow {
                            sheet: spec.name.to_owned(),
                            column: c.header.to_owned(),
                        },
                    })
                }
            }
        }
        Ok(Some(Table {
            spec,
            grid,
            columns,
        }))
    }

    pub(super) fn required(
        book: &mut Book,
        spec: &'static SheetSpec,
        path: &Path,
    ) -> Result<Table, XlsxError> {
        Table::open(book, spec, path)?.ok_or_else(|| XlsxError::Layout {
            path: path.to_path_buf(),
            problem: LayoutProblem::NoSheet {
                sheet: spec.name.to_owned(),
                found: grid::sheet_names(book),
            },
        })
    }

    /// Why the sheet was not read to its end, if it was not.
    pub(super) fn cut(&self) -> Option<Cut> {
        self.grid.cut
    }

    /// Whether the cell holds a formula whose value was never calculated and stored.
    fn uncached(&self, row: u32, i: usize) -> bool {
        self.columns
            .get(i)
            .is_some_and(|&col| self.grid.uncached(row, col))
    }

    pub(super) fn cell(&self, row: u32, i: usize) -> &Data {
        self.columns
            .get(i)
            .map_or(&Data::Empty, |&col| self.grid.cell(row, col))
    }

    /// The data rows (0-based, below the header) that are not blank in every column.
    pub(super) fn rows(&self) -> Vec<u32> {
        self.grid
            .rows_from(1)
            .filter(|&row| {
                (0..self.columns.len()).any(|i| match self.cell(row, i) {
                    Data::Empty if self.uncached(row, i) => true,
                    Data::Empty => false,
                    Data::String(s) => !s.trim().is_empty(),
                    _ => true,
                })
            })
            .collect()
    }

    pub(super) fn place(&self, row: u32) -> (&'static str, u32) {
        (self.spec.name, row + 1)
    }
}

#[derive(Default)]
pub(super) struct Reading {
    pub problems: Vec<String>,
    pub places: Places,
}

impl Reading {
    pub(super) fn problem(&mut self, t: &Table, row: u32, i: usize, message: String) {
        let column = t.spec.columns.get(i).map_or("", |c| c.header);
        self.problems.push(format!(
            "sheet '{}' row {} column {column}: {message}",
            t.spec.name,
            row + 1
        ));
    }

    /// A sheet that was not read to its end is one problem.
    pub(super) fn check_cut(&mut self, t: &Table) {
        match t.cut() {
            Some(Cut::Rows { limit }) => self.problems.push(format!(
                "sheet '{}' has content below row {limit}, more than a catalog needs; \
                 reading stopped there",
                t.spec.name
            )),
            Some(Cut::Size { row }) => self.problems.push(format!(
                "sheet '{}' holds more cells or text than a catalog needs; reading stopped \
                 at row {}",
                t.spec.name,
                row + 1
            )),
            None => {}
        }
    }

    /// A formula never calculated reads as empty: a problem, not a silent blank.
    fn formula_without_value(&mut self, t: &Table, row: u32, i: usize) -> bool {
        let uncached = t.uncached(row, i);
        if uncached {
            self.problem(
                t,
                row,
                i,
                "holds a formula without a stored value".to_owned(),
            );
        }
        uncached
    }

    pub(super) fn text(&mut self, t: &Table, row: u32, i: usize) -> String {
        if self.formula_without_value(t, row, i) {
            return String::new();
        }
        let d = t.cell(row, i);
        grid::text(d).unwrap_or_else(|| {
            self.problem(t, row, i, format!("{} is not text", shown(d)));
            String::new()
        })
    }

    pub(super) fn opt_text(&mut self, t: &Table, row: u32, i: usize) -> Option<String> {
        Some(self.text(t, row, i)).filter(|s| !s.is_empty())
    }

    pub(super) fn opt_number(&mut self, t: &Table, row: u32, i: usize) -> Option<i64> {
        if self.formula_without_value(t, row, i) {
            return None;
        }
        let d = t.cell(row, i);
        match whole(d) {
            Whole::Number(n) => Some(n),
            Whole::Empty => None,
            Whole::Invalid => {
                self.problem(t, row, i, format!("{} is not a whole number", shown(d)));
                None
            }
        }
    }

    pub(super) fn u32(&mut self, t: &Table, row: u32, i: usize) -> u32 {
        match self.opt_number(t, row, i).map(u32::try_from) {
            Some(Ok(n)) => n,
            Some(Err(_)) => {
                self.problem(t, row, i, "must not be negative".to_owned());
                0
            }
            None => {
                self.problem(t, row, i, "a number is needed".to_owned());
                0
            }
        }
    }

    pub(super) fn year(&mut self, t: &Table, row: u32, i: usize) -> i32 {
        match self.opt_number(t, row, i).map(i32::try_from) {
            Some(Ok(y)) => y,
            Some(Err(_)) => {
                self.problem(t, row, i, "is not a year".to_owned());
                0
            }
            None => {
                self.problem(t, row, i, "a year is needed".to_owned());
                0
            }
        }
    }

    pub(super) fn opt_u32(&mut self, t: &Table, row: u32, i: usize) -> Option<u32> {
        let n = self.opt_number(t, row, i)?;
        let converted = u32::try_from(n).ok();
        if converted.is_none() {
            self.problem(t, row, i, "must not be negative".to_owned());
        }
        converted
    }

    pub(super) fn flag(&mut self, t: &Table, row: u32, i: usize) -> bool {
        if self.formula_without_value(t, row, i) {
            return false;
        }
        let d = t.cell(row, i);
        match d {
            Data::Bool(b) => *b,
            Data::Empty => false,
            Data::Int(n) => *n != 0,
            Data::Float(f) => *f != 0.0,
            Data::String(s) => match s.trim().to_lowercase().as_str() {
                "true" | "ya" | "yes" | "1" => true,
                "false" | "tidak" | "no" | "0" | "" => false,
                _ => {
                    self.problem(t, row, i, format!("{} is not TRUE or FALSE", shown(d)));
                    false
                }
            },
            _ => {
                self.problem(t, row, i, format!("{} is not TRUE or FALSE", shown(d)));
                false
            }
        }
    }
}
