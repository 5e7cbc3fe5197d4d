//! Import of an edited `Penilaian Mandiri` sheet (calamine).
//!
//! The header row is found by scanning the first rows for `No` and `Tingkat`, every
//! column by its header text, every row by its indicator number (never by position).
//! Each cell is checked and every problem reported with its sheet, 1-based row and column
//! label; rows with a problem are left out, all other rows are returned. Explanations come
//! back verbatim except that Windows line ends become `\n`.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::Data;
use swanilai_core::{Catalog, Level};

use crate::layout::{column_label, meta_key, Column, HEADER_SCAN_ROWS, META_COLUMNS};
use crate::layout::{SHEET_ASSESSMENT, SHEET_META};
use crate::XlsxError;
use crate::{ImportProblem, ImportedRow, ImportedSheet, LayoutProblem, ProblemKind, TextField};

pub(crate) mod grid;
#[cfg(test)]
mod tests;

use grid::{col16, shown, whole, Grid, Whole};

/// Read the `Penilaian Mandiri` sheet (and the metadata sheet, when present) of a
/// workbook, checking every row against `catalog`.
pub fn read_assessment(path: &Path, catalog: &Catalog) -> Result<ImportedSheet, XlsxError> {
    let layout_error = |problem: LayoutProblem| XlsxError::Layout {
        path: path.to_path_buf(),
        problem,
    };
    let mut book = grid::open(path)?;
    let Some(sheet) = grid::sheet(&mut book, SHEET_ASSESSMENT, path)? else {
        return Err(layout_error(LayoutProblem::NoSheet {
            sheet: SHEET_ASSESSMENT.to_owned(),
            found: grid::sheet_names(&book),
        }));
    };
    let header = find_header(&sheet).map_err(layout_error)?;
    let mut out = ImportedSheet::default();
    if let Some(meta) = grid::sheet(&mut book, SHEET_META, path)? {
        read_meta(&meta, &mut out);
    }
    read_rows(&sheet, &header, catalog, &mut out);
    Ok(out)
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
        if [no, level, explanation].into_iter().all(is_blank) {
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

        match whole(no) {
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
            Whole::Empty => {}
            Whole::Number(n) => match Level::new(n) {
                Ok(l) => p.level = Some(l),
                Err(_) => problem(Column::Level, not_a_level(level)),
            },
            Whole::Invalid => problem(Column::Level, not_a_level(level)),
        }

        match grid::text(explanation) {
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

    let mut rows_of: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for p in &parsed {
        if let Some(n) = p.indicator {
            rows_of.entry(n).or_default().push(p.row);
        }
    }
    for mut p in parsed {
        if let Some(rows) = p
            .indicator
            .and_then(|n| rows_of.get(&n))
            .filter(|r| r.len() > 1)
        {
            p.problems.push(problem_at(
                p.row,
                header.label(Column::No),
                ProblemKind::Duplicate {
                    indicator: p.indicator.unwrap_or_default(),
                    rows: rows.clone(),
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
fn read_meta(meta: &Grid, out: &mut ImportedSheet) {
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
