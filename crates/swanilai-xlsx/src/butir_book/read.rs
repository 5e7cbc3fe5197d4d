//! Import of an edited butir workbook: the values of `Nilai Indikator` and the statuses of
//! `Butir`, each cell checked, every problem reported with its sheet, row and column; rows
//! with a problem are left out. Bounded as the national workbook's import is.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use calamine::Data;
use swanilai_core::butir::{ButirStatus, RevisiKind};
use swanilai_core::{Catalog, Value};

use super::{HEADER_ROW, SHEET_BUTIR, SHEET_VALUES};
use crate::import::grid::{self, col16, shown, whole, Book, Grid, Limits, Whole};
use crate::import::{cut_problem, read_meta, META_LIMITS};
use crate::layout::{column_label, HEADER_SCAN_ROWS, SHEET_META};
use crate::{ImportProblem, ImportedSheet, LayoutProblem, ProblemKind, XlsxError};

/// One indicator's values as read (None: the cell is empty).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedValue {
    pub indicator: u32,
    /// 1-based row.
    pub row: u32,
    pub own: Option<Value>,
    pub assessor: Option<Value>,
}

/// One butir's status as read.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedButir {
    pub id: String,
    /// 1-based row.
    pub row: u32,
    pub status: ButirStatus,
    pub kind: Option<RevisiKind>,
    pub note: String,
}

/// What an edited butir workbook holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportedBook {
    pub year: Option<i32>,
    pub framework_id: Option<String>,
    pub values: Vec<ImportedValue>,
    pub butir: Vec<ImportedButir>,
    pub problems: Vec<ImportProblem>,
}

/// Read a butir workbook from a file, checking it against `catalog`.
pub fn read_butir_book(path: &Path, catalog: &Catalog) -> Result<ImportedBook, XlsxError> {
    let mut book = grid::open(path)?;
    read(&mut book, path, catalog)
}

/// [`read_butir_book`] of a workbook held in memory (`name` only names it in errors).
pub fn read_butir_book_bytes(
    bytes: Vec<u8>,
    name: &Path,
    catalog: &Catalog,
) -> Result<ImportedBook, XlsxError> {
    let mut book = grid::open_bytes(bytes, name)?;
    read(&mut book, name, catalog)
}

fn limits(rows: usize) -> Limits {
    Limits {
        rows: HEADER_SCAN_ROWS
            .saturating_add(u32::try_from(rows).unwrap_or(u32::MAX))
            .saturating_add(2_000),
        cells: 400_000,
        text: 24 * 1024 * 1024,
    }
}

fn read(book: &mut Book, path: &Path, catalog: &Catalog) -> Result<ImportedBook, XlsxError> {
    let layout = |problem| XlsxError::Layout {
        path: path.to_path_buf(),
        problem,
    };
    let mut out = ImportedBook::default();
    let mut meta = ImportedSheet::default();
    if let Some(m) = grid::sheet(book, SHEET_META, path, META_LIMITS)? {
        read_meta(&m, &mut meta);
    }
    (out.year, out.framework_id) = (meta.year, meta.framework_id);
    out.problems.extend(meta.problems);
    let mut sheet = |name: &str, rows: usize| -> Result<Grid, XlsxError> {
        grid::sheet(book, name, path, limits(rows))?.ok_or_else(|| {
            layout(LayoutProblem::NoSheet {
                sheet: name.to_owned(),
                found: grid::sheet_names(book),
            })
        })
    };
    let values = sheet(SHEET_VALUES, catalog.indicators().len())?;
    let butir = sheet(SHEET_BUTIR, catalog.butir().len())?;
    let v_cols = header(
        &values,
        SHEET_VALUES,
        &["No", "Nilai Mandiri", "Nilai Asesor"],
    )
    .map_err(layout)?;
    let b_cols = header(
        &butir,
        SHEET_BUTIR,
        &["ID Butir", "Status", "Jenis Revisi", "Catatan"],
    )
    .map_err(layout)?;
    read_values(&values, &v_cols, catalog, &mut out);
    read_statuses(&butir, &b_cols, catalog, &mut out);
    for (g, name) in [(&values, SHEET_VALUES), (&butir, SHEET_BUTIR)] {
        if let Some(cut) = g.cut {
            out.problems
                .push(problem(name, 0, String::new(), cut_problem(cut)));
        }
    }
    Ok(out)
}

/// The header row (found by its texts) and the column of each wanted header.
pub(crate) struct Header {
    pub row: u32,
    pub cols: Vec<u32>,
    names: Vec<&'static str>,
}

impl Header {
    pub fn label(&self, i: usize) -> String {
        column_label(col16(self.cols[i]), self.names[i])
    }
}

pub(crate) fn header(
    g: &Grid,
    sheet: &str,
    wanted: &[&'static str],
) -> Result<Header, LayoutProblem> {
    for row in 0..HEADER_SCAN_ROWS.min(HEADER_ROW + 7) {
        let found: Vec<Option<u32>> = wanted
            .iter()
            .map(|w| {
                g.columns().find(|c| {
                    matches!(g.cell(row, *c), Data::String(t) if t.trim().eq_ignore_ascii_case(w))
                })
            })
            .collect();
        if found.iter().all(Option::is_some) {
            return Ok(Header {
                row,
                cols: found.into_iter().flatten().collect(),
                names: wanted.to_vec(),
            });
        }
    }
    Err(LayoutProblem::NoHeaderRow {
        sheet: sheet.to_owned(),
        rows: HEADER_SCAN_ROWS.min(HEADER_ROW + 7),
        columns: wanted.iter().map(|w| (*w).to_owned()).collect(),
    })
}

pub(crate) fn problem(sheet: &str, row: u32, column: String, kind: ProblemKind) -> ImportProblem {
    ImportProblem {
        sheet: sheet.to_owned(),
        row,
        column,
        kind,
    }
}

/// A value cell: a number (2.35, 2.5) or text ("2,35"); None when empty.
pub(crate) fn value_of(d: &Data) -> Result<Option<Value>, ()> {
    match d {
        Data::Empty => Ok(None),
        Data::String(t) if t.trim().is_empty() => Ok(None),
        Data::String(t) => Value::parse(t).map(Some).map_err(|_| ()),
        Data::Int(i) => u32::try_from(*i)
            .ok()
            .and_then(|i| Value::from_hundredths(i.checked_mul(100)?).ok())
            .map(Some)
            .ok_or(()),
        Data::Float(f) => {
            let h = (f * 100.0).round();
            if (f * 100.0 - h).abs() > 1e-6 || !(0.0..=1e6).contains(&h) {
                return Err(());
            }
            Value::from_hundredths(h as u32).map(Some).map_err(|_| ())
        }
        _ => Err(()),
    }
}

fn read_values(g: &Grid, h: &Header, catalog: &Catalog, out: &mut ImportedBook) {
    let mut seen = BTreeMap::new();
    for row in g.rows_from(h.row + 1) {
        let line = row + 1;
        let no = g.cell(row, h.cols[0]);
        let number = match whole(no) {
            Whole::Empty => continue,
            Whole::Number(n) => n,
            Whole::Invalid => {
                out.problems.push(problem(
                    SHEET_VALUES,
                    line,
                    h.label(0),
                    ProblemKind::NotIndicatorNumber { value: shown(no) },
                ));
                continue;
            }
        };
        let Some(ind) = u32::try_from(number)
            .ok()
            .and_then(|n| catalog.indicator(n))
        else {
            let framework = catalog.framework().id.clone();
            out.problems.push(problem(
                SHEET_VALUES,
                line,
                h.label(0),
                ProblemKind::NotAnIndicator {
                    value: number,
                    framework,
                },
            ));
            continue;
        };
        if let Some(first) = seen.insert(ind.number, line) {
            let kind = ProblemKind::Duplicate {
                indicator: ind.number,
                rows: vec![first, line],
                more: 0,
            };
            out.problems
                .push(problem(SHEET_VALUES, line, h.label(0), kind));
            continue;
        }
        let mut read = |i: usize| match value_of(g.cell(row, h.cols[i])) {
            Ok(v) => Some(v),
            Err(()) => {
                let value = shown(g.cell(row, h.cols[i]));
                out.problems.push(problem(
                    SHEET_VALUES,
                    line,
                    h.label(i),
                    ProblemKind::NotAValue { value },
                ));
                None
            }
        };
        let (own, assessor) = (read(1), read(2));
        if let (Some(own), Some(assessor)) = (own, assessor) {
            out.values.push(ImportedValue {
                indicator: ind.number,
                row: line,
                own,
                assessor,
            });
        }
    }
}

fn read_statuses(g: &Grid, h: &Header, catalog: &Catalog, out: &mut ImportedBook) {
    let mut seen = BTreeSet::new();
    for row in g.rows_from(h.row + 1) {
        let line = row + 1;
        let text = |i: usize| {
            grid::text(g.cell(row, h.cols[i]))
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        let id = text(0);
        if id.is_empty() {
            continue;
        }
        if catalog.butir_by_id(&id).is_none() || !seen.insert(id.clone()) {
            out.problems.push(problem(
                SHEET_BUTIR,
                line,
                h.label(0),
                ProblemKind::UnknownButir { value: id },
            ));
            continue;
        }
        let status_text = text(1).to_lowercase();
        let status = match status_text.as_str() {
            "" | "draf" => Some(ButirStatus::Draft),
            s => ButirStatus::parse(s),
        };
        let kind_text = text(2);
        let kind = match kind_text.as_str() {
            "" => Ok(None),
            k => RevisiKind::parse(k).map(Some).ok_or(()),
        };
        match (status, kind) {
            (Some(status), Ok(kind)) if kind.is_none() || status == ButirStatus::Revisi => {
                out.butir.push(ImportedButir {
                    id,
                    row: line,
                    status,
                    kind,
                    note: text(3).replace("\r\n", "\n"),
                });
            }
            (None, _) => out.problems.push(problem(
                SHEET_BUTIR,
                line,
                h.label(1),
                ProblemKind::NotAButirStatus { value: status_text },
            )),
            _ => out.problems.push(problem(
                SHEET_BUTIR,
                line,
                h.label(2),
                ProblemKind::NotAButirStatus { value: kind_text },
            )),
        }
    }
}
