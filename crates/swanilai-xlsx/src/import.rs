//! Import of an edited `Penilaian Mandiri` sheet (calamine).
//!
//! The header row is found by scanning the first rows for `No` and `Tingkat`, every
//! column by its header text, every row by its indicator number (never by position).
//! Each cell is checked and every problem reported with its sheet, 1-based row and column
//! label; rows with a problem are left out, all other rows are returned. Explanations come
//! back verbatim except that Windows line ends become `\n`.
//!
//! Bounded whatever the file: the sheet is streamed and only its first
//! [`layout::MAX_ROWS_BEYOND_CATALOG`] rows beyond the catalog's indicators are read
//! (content further down is one problem), memory stays within [`grid::Limits`], and the
//! work is linear in the rows read (a duplicate lists at most
//! [`layout::MAX_LISTED_ROWS`] rows and a count).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use calamine::Data;
use swanilai_core::{Catalog, Level};

use crate::layout::{self, column_label, column_letter, meta_key, Column, HEADER_SCAN_ROWS};
use crate::layout::{META_COLUMNS, SHEET_ASSESSMENT, SHEET_META};
use crate::XlsxError;
use crate::{ImportProblem, ImportedRow, ImportedSheet, LayoutProblem, ProblemKind, TextField};

#[cfg(test)]
mod bounds_tests;
pub(crate) mod grid;
#[cfg(test)]
mod tests;

use grid::{col16, shown, whole, Book, Cut, Grid, Limits, Whole};

/// Read the `Penilaian Mandiri` sheet (and the metadata sheet, when present) of a
/// workbook, checking every row against `catalog`.
pub fn read_assessment(path: &Path, catalog: &Catalog) -> Result<ImportedSheet, XlsxError> {
    let mut book = grid::open(path)?;
    read_book(&mut book, path, catalog)
}

/// [`read_assessment`] of a workbook held in memory (`name` only names it in errors).
pub fn read_assessment_bytes(
    bytes: Vec<u8>,
    name: &Path,
    catalog: &Catalog,
) -> Result<ImportedSheet, XlsxError> {
    let mut book = grid::open_bytes(bytes, name)?;
    read_book(&mut book, name, catalog)
}

/// How much of the `Penilaian Mandiri` sheet is read for `catalog`.
pub(crate) fn assessment_limits(catalog: &Catalog) -> Limits {
    let indicators = u32::try_from(catalog.indicators().len()).unwrap_or(u32::MAX);
    Limits {
        rows: HEADER_SCAN_ROWS
            .saturating_add(indicators)
            .saturating_add(layout::MAX_ROWS_BEYOND_CATALOG),
        cells: 200_000,
        text: 24 * 1024 * 1024,
    }
}

/// The metadata sheet has a handful of key/value rows.
pub(crate) const META_LIMITS: Limits = Limits {
    rows: 1_000,
    cells: 2_000,
    text: 1024 * 1024,
};

fn read_book(book: &mut Book, path: &Path, catalog: &Catalog) -> Result<ImportedSheet, XlsxError> {
    let layout_error = |problem: LayoutProblem| XlsxError::Layout {
        path: path.to_path_buf(),
        problem,
    };
    let Some(sheet) = grid::sheet(book, SHEET_ASSESSMENT, path, assessment_limits(catalog))? else {
        return Err(layout_error(LayoutProblem::NoSheet {
            sheet: SHEET_ASSESSMENT.to_owned(),
            found: grid::sheet_names(book),
        }));
    };
    let header = find_header(&sheet).map_err(layout_error)?;
    let mut out = ImportedSheet::default();
    if let Some(meta) = grid::sheet(book, SHEET_META, path, META_LIMITS)? {
        read_meta(&meta, &mut out);
    }
    read_rows(&sheet, &header, catalog, &mut out);
    if let Some(cut) = sheet.cut {
        out.problems
            .push(problem_at(0, String::new(), cut_problem(cut)));
    }
    Ok(out)
}

/// The problem that says a sheet was not read to its end.
pub(crate) fn cut_problem(cut: Cut) -> ProblemKind {
    match cut {
        Cut::Rows { limit } => ProblemKind::SheetTooLong { limit },
        Cut::Size { row } => ProblemKind::SheetTooLarge { row: row + 1 },
    }
}

/// Where the header row is and which column holds what.
struct Header {
    row: u32,
    columns: BTreeMap<Column, u32>,
}

impl Header {
    /// The column of a required column (present by construction of [`find_header`]).
    fn col(&self, c: Column) -> u32 {
        self.columns.get(&c).copied().unwrap_or(u32::MAX)
    }

    fn label(&self, c: Column) -> String {
        column_label(col16(self.col(c)), c.header())
    }
}

fn headers(columns: impl Iterator<Item = Column>) -> Vec<String> {
    columns.map(|c| c.header().to_owned()).collect()
}

fn find_header(sheet: &Grid) -> Result<Header, LayoutProblem> {
    for row in 0..HEADER_SCAN_ROWS {
        let mut columns = BTreeMap::new();
        for col in sheet.columns() {
            if let Data::String(text) = sheet.cell(row, col) {
                if let Some(c) = Column::ALL.into_iter().find(|c| c.matches(text)) {
                    columns.entry(c).or_insert(col);
                }
            }
        }
        if columns.contains_key(&Column::No) && columns.contains_key(&Column::Level) {
            let missing = headers(
                Column::REQUIRED
                    .into_iter()
                    .filter(|c| !columns.contains_key(c)),
            );
            if !missing.is_empty() {
                return Err(LayoutProblem::MissingColumns {
                    sheet: SHEET_ASSESSMENT.to_owned(),
                    row: row + 1,
                    columns: missing,
                });
            }
            return Ok(Header { row, columns });
        }
    }
    Err(LayoutProblem::NoHeaderRow {
        sheet: SHEET_ASSESSMENT.to_owned(),
        rows: HEADER_SCAN_ROWS,
        columns: headers(Column::REQUIRED.into_iter()),
    })
}

/// One data row after the first pass.
struct Parsed {
    row: u32,
    indicator: Option<u32>,
    level: Option<Level>,
    explanation: String,
    owner: Option<String>,
    problems: Vec<ImportProblem>,
}

fn read_rows(sheet: &Grid, header: &Header, catalog: &Catalog, out: &mut ImportedSheet) {
    let framework = &catalog.framework().id;
    let mut parsed = Vec::new();
    for row in sheet.rows_from(header.row + 1) {
        let no = sheet.cell(row, header.col(Column::No));
        let level = sheet.cell(row, header.col(Column::Level));
        let explanation = sheet.cell(row, header.col(Column::Explanation));
        let uncached = |c: Column| {
            header
                .columns
                .get(&c)
                .is_some_and(|&col| sheet.uncached(row, col))
        };
        if [no, level, explanation].into_iter().all(is_blank)
            && ![Column::No, Column::Level, Column::Explanation]
                .into_iter()
                .any(uncached)
        {
            continue;
        }
        let mut problems = Vec::new();
        let mut problem = |c: Column, kind: ProblemKind| {
            problems.push(problem_at(row + 1, header.label(c), kind));
        };
        let mut p = Parsed {
            row: row + 1,
            indicator: None,
            level: None,
            explanation: String::new(),
            owner: None,
            problems: Vec::new(),
        };

        // A formula never calculated reads as empty: say so instead of clearing a value.
        let columns = [
            Column::No,
            Column::Level,
            Column::Explanation,
            Column::Owner,
        ];
        for c in columns.into_iter().filter(|&c| uncached(c)) {
            let cell = format!("{}{}", column_letter(col16(header.col(c))), row + 1);
            let header_text = c.header().to_owned();
            problem(
                c,
                ProblemKind::FormulaWithoutValue {
                    cell,
                    header: header_text,
                },
            );
        }

        match whole(no) {
            _ if uncached(Column::No) => {}
            Whole::Number(n) => match u32::try_from(n)
                .ok()
                .filter(|n| catalog.indicator(*n).is_some())
            {
                Some(n) => p.indicator = Some(n),
                None => problem(
                    Column::No,
                    ProblemKind::NotAnIndicator {
                        value: n,
                        framework: framework.clone(),
                    },
                ),
            },
            Whole::Empty => problem(Column::No, ProblemKind::NoEmpty),
            Whole::Invalid => problem(
                Column::No,
                ProblemKind::NotIndicatorNumber { value: shown(no) },
            ),
        }

        match whole(level) {
            _ if uncached(Column::Level) => {}
            Whole::Empty => {}
            Whole::Number(n) => match Level::new(n) {
                Ok(l) => p.level = Some(l),
                Err(_) => problem(Column::Level, not_a_level(level)),
            },
            Whole::Invalid => problem(Column::Level, not_a_level(level)),
        }

        match grid::text(explanation) {
            _ if uncached(Column::Explanation) => {}
            Some(text) => p.explanation = text.replace("\r\n", "\n"),
            None => problem(
                Column::Explanation,
                ProblemKind::NotText {
                    value: shown(explanation),
                    field: TextField::Explanation,
                },
            ),
        }
        if let Some(&col) = header.columns.get(&Column::Owner) {
            let cell = sheet.cell(row, col);
            match grid::text(cell) {
                _ if uncached(Column::Owner) => {}
                Some(text) => p.owner = Some(text.trim().to_owned()),
                None => problem(
                    Column::Owner,
                    ProblemKind::NotText {
                        value: shown(cell),
                        field: TextField::Owner,
                    },
                ),
            }
        }
        p.problems = problems;
        parsed.push(p);
    }

    // Linear: one pass to list each indicator's rows (at most MAX_LISTED_ROWS kept, the
    // rest counted), one to flag every row of a duplicated indicator.
    let mut rows_of: HashMap<u32, (Vec<u32>, u32)> = HashMap::new();
    for p in &parsed {
        if let Some(n) = p.indicator {
            let (rows, more) = rows_of.entry(n).or_default();
            if rows.len() < layout::MAX_LISTED_ROWS {
                rows.push(p.row);
            } else {
                *more += 1;
            }
        }
    }
    for mut p in parsed {
        if let Some((indicator, (rows, more))) = p
            .indicator
            .and_then(|n| Some((n, rows_of.get(&n)?)))
            .filter(|(_, (rows, _))| rows.len() > 1)
        {
            p.problems.push(problem_at(
                p.row,
                header.label(Column::No),
                ProblemKind::Duplicate {
                    indicator,
                    rows: rows.clone(),
                    more: *more,
                },
            ));
        }
        match (p.indicator, p.problems.is_empty()) {
            (Some(indicator), true) => out.rows.push(ImportedRow {
                indicator,
                row: p.row,
                level: p.level,
                explanation: p.explanation,
                owner: p.owner,
            }),
            _ => out.problems.append(&mut p.problems),
        }
    }
}

fn not_a_level(value: &Data) -> ProblemKind {
    ProblemKind::NotALevel {
        value: shown(value),
    }
}

fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

fn problem_at(row: u32, column: String, kind: ProblemKind) -> ImportProblem {
    ImportProblem {
        sheet: SHEET_ASSESSMENT.to_owned(),
        row,
        column,
        kind,
    }
}

/// Year and framework id from the metadata sheet; an unreadable year is a problem.
pub(crate) fn read_meta(meta: &Grid, out: &mut ImportedSheet) {
    for row in meta.rows_from(0) {
        let Data::String(key) = meta.cell(row, 0) else {
            continue;
        };
        let value = meta.cell(row, 1);
        match key.trim() {
            meta_key::YEAR => match whole(value) {
                Whole::Empty => {}
                Whole::Number(y) if i32::try_from(y).is_ok() => out.year = i32::try_from(y).ok(),
                _ => out.problems.push(ImportProblem {
                    sheet: SHEET_META.to_owned(),
                    row: row + 1,
                    column: column_label(1, META_COLUMNS[1].header),
                    kind: ProblemKind::NotAYear {
                        value: shown(value),
                    },
                }),
            },
            meta_key::FRAMEWORK_ID => {
                out.framework_id = grid::text(value)
                    .map(|t| t.trim().to_owned())
                    .filter(|t| !t.is_empty());
            }
            _ => {}
        }
    }
}
